package fake_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/scenario"
)

// Rules apply to the artifact, context and lineage group operations as to any other, through
// both doors.
func TestRulesOnLineageEntities(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		// A rejected create changes nothing, not even the lineage group.
		e.f.Inject(t, scenario.On("sagemaker", "CreateArtifact").Times(1).Fail(scenario.ResourceLimitExceeded("injected")))
		_, err := e.api.CreateArtifact(e.ctx, newArtifact("s3://m"))
		require.Equal(t, "injected", requireCode(t, err, "ResourceLimitExceeded"))
		requireArtifacts(t, e, 0)
		require.Empty(t, listGroups(t, e, &sagemaker.ListLineageGroupsInput{}))
		e.createArtifact(t, newArtifact("s3://m"))

		// A lost response: the context exists, and the caller's retry meets "already exists".
		e.f.Inject(t, scenario.On("sagemaker", "CreateContext").Times(1).LoseResponse(scenario.ValidationException("lost")))
		_, err = e.api.CreateContext(e.ctx, newContext("endpoint"))
		requireCode(t, err, "ValidationException")
		_, err = e.api.CreateContext(e.ctx, newContext("endpoint"))
		require.Contains(t, requireCode(t, err, "ValidationException"), "already exists")

		// A typed predicate on the new operations' SDK inputs.
		e.f.Inject(t, scenario.On("sagemaker", "DeleteArtifact").When(func(in *sagemaker.DeleteArtifactInput) bool {
			return in.Source != nil && aws.ToString(in.Source.SourceUri) == "s3://m"
		}).Fail(scenario.ResourceNotFound("injected")))
		_, err = e.api.DeleteArtifact(e.ctx, &sagemaker.DeleteArtifactInput{Source: &types.ArtifactSource{SourceUri: aws.String("s3://m")}})
		requireCode(t, err, "ResourceNotFound")
		requireArtifacts(t, e, 1)
		e.f.Inject(t, scenario.On("sagemaker", "ListLineageGroups").WhenInput(map[string]any{"SortBy": "Name"}).Fail(scenario.AccessDenied("no")))
		_, err = e.api.ListLineageGroups(e.ctx, &sagemaker.ListLineageGroupsInput{SortBy: "Name"})
		requireCode(t, err, "AccessDeniedException")
		require.Len(t, listGroups(t, e, &sagemaker.ListLineageGroupsInput{}), 1)
	})
}
