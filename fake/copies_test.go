package fake_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// TestInputsAndOutputsAreCopies changes everything a caller could reach after each call and
// checks that the fake's state did not move.
func TestInputsAndOutputsAreCopies(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		in := newAction("owned")
		in.Properties = map[string]string{"k": "v"}
		in.Tags = []types.Tag{tag("t", "1")}
		in.MetadataProperties = &types.MetadataProperties{Repository: aws.String("repo")}
		arn := e.create(t, in)
		*in.ActionName = "changed"
		*in.Source.SourceUri = "changed"
		in.Properties["k"] = "changed"
		in.Properties["new"] = "x"
		*in.Tags[0].Value = "changed"
		*in.MetadataProperties.Repository = "changed"

		describe := func() *sagemaker.DescribeActionOutput {
			out, err := e.api.DescribeAction(e.ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("owned")})
			require.NoError(t, err)
			return out
		}
		got := describe()
		require.Equal(t, "s3://models/owned", *got.Source.SourceUri)
		require.Equal(t, map[string]string{"k": "v"}, got.Properties)
		require.Equal(t, "repo", *got.MetadataProperties.Repository)

		*got.ActionName = "changed"
		*got.Source.SourceUri = "changed"
		got.Properties["k"] = "changed"
		*got.MetadataProperties.Repository = "changed"
		again := describe()
		require.Equal(t, "owned", *again.ActionName)
		require.Equal(t, "s3://models/owned", *again.Source.SourceUri)
		require.Equal(t, map[string]string{"k": "v"}, again.Properties)
		require.Equal(t, "repo", *again.MetadataProperties.Repository)

		upd := &sagemaker.UpdateActionInput{ActionName: aws.String("owned"), Properties: map[string]string{"p": "1"}, PropertiesToRemove: []string{}}
		_, err := e.api.UpdateAction(e.ctx, upd)
		require.NoError(t, err)
		upd.Properties["p"] = "changed"
		require.Equal(t, map[string]string{"p": "1"}, describe().Properties)

		list, err := e.api.ListActions(e.ctx, &sagemaker.ListActionsInput{})
		require.NoError(t, err)
		*list.ActionSummaries[0].Source.SourceUri = "changed"
		tags, err := e.api.ListTags(e.ctx, &sagemaker.ListTagsInput{ResourceArn: aws.String(arn)})
		require.NoError(t, err)
		*tags.Tags[0].Value = "changed"
		require.Equal(t, "s3://models/owned", *describe().Source.SourceUri)
		tags, err = e.api.ListTags(e.ctx, &sagemaker.ListTagsInput{ResourceArn: aws.String(arn)})
		require.NoError(t, err)
		require.Equal(t, "1", *tags.Tags[0].Value)

		// The call log is a copy too.
		calls := e.f.Calls()
		calls[0].Input["ActionName"] = "changed"
		require.Equal(t, "owned", e.f.Calls()[0].Input["ActionName"])
	})
}

// The same for artifacts, whose sources hold a list of structures, and for contexts.
func TestLineageInputsAndOutputsAreCopies(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		in := newArtifact("s3://owned", sourceType(types.ArtifactSourceIdTypeS3Etag, "e1"))
		in.ArtifactName = aws.String("owned")
		in.Properties = map[string]string{"k": "v"}
		arn := e.createArtifact(t, in)
		*in.Source.SourceTypes[0].Value = "changed"
		in.Source.SourceTypes[0].SourceIdType = types.ArtifactSourceIdTypeCustom
		*in.ArtifactName = "changed"
		in.Properties["k"] = "changed"

		describe := func() *sagemaker.DescribeArtifactOutput {
			out, err := e.api.DescribeArtifact(e.ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: aws.String(arn)})
			require.NoError(t, err)
			return out
		}
		want := describe()
		require.Equal(t, "e1", *want.Source.SourceTypes[0].Value)
		require.Equal(t, types.ArtifactSourceIdTypeS3Etag, want.Source.SourceTypes[0].SourceIdType)
		got := describe()
		*got.Source.SourceTypes[0].Value = "changed"
		got.Source.SourceTypes = append(got.Source.SourceTypes, sourceType(types.ArtifactSourceIdTypeCustom, "x"))
		*got.ArtifactName = "changed"
		*got.LineageGroupArn = "changed"
		got.Properties["k"] = "changed"
		list, err := e.api.ListArtifacts(e.ctx, &sagemaker.ListArtifactsInput{})
		require.NoError(t, err)
		*list.ArtifactSummaries[0].Source.SourceTypes[0].Value = "changed"
		*list.ArtifactSummaries[0].ArtifactName = "changed"
		if diff := cmp.Diff(want, describe(), ignoreSDK); diff != "" {
			t.Fatalf("a caller's change reached the state (-before +after):\n%s", diff)
		}

		ctx := newContext("owned")
		ctx.Properties = map[string]string{"k": "v"}
		e.createContext(t, ctx)
		*ctx.Source.SourceUri = "changed"
		ctx.Properties["k"] = "changed"
		c, err := e.api.DescribeContext(e.ctx, &sagemaker.DescribeContextInput{ContextName: aws.String("owned")})
		require.NoError(t, err)
		require.Equal(t, map[string]string{"k": "v"}, c.Properties)
		*c.Source.SourceUri = "changed"
		*c.ContextName = "changed"
		c, err = e.api.DescribeContext(e.ctx, &sagemaker.DescribeContextInput{ContextName: aws.String("owned")})
		require.NoError(t, err)
		require.Equal(t, "owned", *c.ContextName)
		require.Equal(t, "arn:aws:sagemaker:us-east-1:123456789012:endpoint/owned", *c.Source.SourceUri)
	})
}

// A seed's maps are the fake's own copies: changing the scenario afterwards changes nothing in
// the fake (it once kept the scenario's own Properties map, and a later write reached it, racily).
func TestSeedsKeepTheirOwnCopies(t *testing.T) {
	t.Parallel()
	props := map[string]string{"stage": "prod"}
	s := scenario.New().SeedAction(scenario.Action{Name: "seeded", Properties: props})
	f := fake.New(fake.WithScenario(s))
	props["stage"] = "changed"
	props["new"] = "key"
	out, err := f.SageMaker().DescribeAction(context.Background(), &sagemaker.DescribeActionInput{ActionName: aws.String("seeded")})
	require.NoError(t, err)
	require.Equal(t, map[string]string{"stage": "prod"}, out.Properties)
}
