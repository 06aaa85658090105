package fake_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

func TestAddAndDeleteAssociations(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		l := lineage{t, e}
		model := l.artifact("s3://m", "Model", nil)
		deploy := l.action("deploy", "ModelDeployment")
		out, err := e.api.AddAssociation(e.ctx, &sagemaker.AddAssociationInput{SourceArn: &model, DestinationArn: &deploy})
		require.NoError(t, err)
		require.Equal(t, model, aws.ToString(out.SourceArn))
		require.Equal(t, deploy, aws.ToString(out.DestinationArn))
		missing := "arn:aws:sagemaker:us-east-1:123456789012:context/none"
		elsewhere := "arn:aws:sagemaker:eu-west-1:123456789012:action/deploy"
		for _, c := range []struct {
			name     string
			src, dst string
			typ      types.AssociationEdgeType
			code     string
			msg      string
		}{
			{"the same pair", model, deploy, "", "ValidationException", "Association between " + model + " and " + deploy + " already exists."},
			{"the same pair, another type", model, deploy, types.AssociationEdgeTypeProduced, "ValidationException", "already exists"},
			{"a missing destination", model, missing, "", "ResourceNotFound", "Lineage entity " + missing + " does not exist."},
			{"a missing source", missing, model, "", "ResourceNotFound", missing},
			{"an entity of another Region", model, elsewhere, "", "ResourceNotFound", elsewhere},
			{"a trial component (the fake has none)", "arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/tc", model, "", "ResourceNotFound", "experiment-trial-component/tc"},
			{"two experiment entities", "arn:aws:sagemaker:us-east-1:123456789012:experiment/x", "arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/tc", "",
				"ValidationException", "An association cannot join two experiment entities"},
			{"a trial", "arn:aws:sagemaker:us-east-1:123456789012:experiment-trial/t", model, "", "ValidationException", "regular expression pattern"},
		} {
			_, err := e.api.AddAssociation(e.ctx, &sagemaker.AddAssociationInput{SourceArn: &c.src, DestinationArn: &c.dst, AssociationType: c.typ})
			code, msg := apiError(t, err)
			require.Equal(t, c.code, code, c.name)
			require.Contains(t, msg, c.msg, c.name)
		}
		// The reverse pair is another association.
		_, err = e.api.AddAssociation(e.ctx, &sagemaker.AddAssociationInput{SourceArn: &deploy, DestinationArn: &model})
		require.NoError(t, err)

		_, err = e.api.DeleteAssociation(e.ctx, &sagemaker.DeleteAssociationInput{SourceArn: &model, DestinationArn: &deploy})
		require.NoError(t, err)
		_, err = e.api.DeleteAssociation(e.ctx, &sagemaker.DeleteAssociationInput{SourceArn: &model, DestinationArn: &deploy})
		code, msg := apiError(t, err)
		require.Equal(t, "ResourceNotFound", code)
		require.Equal(t, "Association between "+model+" and "+deploy+" does not exist.", msg)
	})
	eachDoor(t, func(t *testing.T, e *env) {
		l := lineage{t, e}
		a, b, c := l.action("a", "T"), l.action("b", "T"), l.action("c", "T")
		l.link(a, b, "")
		_, err := e.api.AddAssociation(e.ctx, &sagemaker.AddAssociationInput{SourceArn: &b, DestinationArn: &c})
		code, _ := apiError(t, err)
		require.Equal(t, "ResourceLimitExceeded", code)
	}, fake.WithQuota(fake.Associations, 1))
}

// Deleting an entity that still has associations is refused (a documented guess), or with
// WithCascadingDeletes deletes them too: never a dangling edge.
func TestDeletingAnAssociatedEntity(t *testing.T) {
	t.Parallel()
	setup := func(t *testing.T, e *env) (model, deploy, endpoint string) {
		l := lineage{t, e}
		model, deploy, endpoint = l.artifact("s3://m", "Model", nil), l.action("deploy", "ModelDeployment"), l.context("prod", "Endpoint")
		l.link(model, deploy, "")
		l.link(deploy, endpoint, "")
		return
	}
	eachDoor(t, func(t *testing.T, e *env) {
		model, deploy, endpoint := setup(t, e)
		_, err := e.api.DeleteAction(e.ctx, &sagemaker.DeleteActionInput{ActionName: aws.String("deploy")})
		code, msg := apiError(t, err)
		require.Equal(t, "ValidationException", code)
		require.Equal(t, deploy+" cannot be deleted while it has associations (2): delete them first.", msg)
		_, err = e.api.DeleteArtifact(e.ctx, &sagemaker.DeleteArtifactInput{ArtifactArn: &model})
		require.Error(t, err)
		_, err = e.api.DeleteContext(e.ctx, &sagemaker.DeleteContextInput{ContextName: aws.String("prod")})
		require.Error(t, err)
		for _, pair := range [][2]string{{model, deploy}, {deploy, endpoint}} {
			_, err = e.api.DeleteAssociation(e.ctx, &sagemaker.DeleteAssociationInput{SourceArn: &pair[0], DestinationArn: &pair[1]})
			require.NoError(t, err)
		}
		_, err = e.api.DeleteAction(e.ctx, &sagemaker.DeleteActionInput{ActionName: aws.String("deploy")})
		require.NoError(t, err)
	})
	eachDoor(t, func(t *testing.T, e *env) {
		model, _, endpoint := setup(t, e)
		_, err := e.api.DeleteAction(e.ctx, &sagemaker.DeleteActionInput{ActionName: aws.String("deploy")})
		require.NoError(t, err)
		for _, arn := range []string{model, endpoint} {
			for _, in := range []*sagemaker.ListAssociationsInput{{SourceArn: &arn}, {DestinationArn: &arn}} {
				out, err := e.api.ListAssociations(e.ctx, in)
				require.NoError(t, err)
				require.Empty(t, out.AssociationSummaries, "no edge is left dangling")
			}
		}
		all, err := e.api.ListAssociations(e.ctx, &sagemaker.ListAssociationsInput{})
		require.NoError(t, err)
		require.Empty(t, all.AssociationSummaries)
	}, fake.WithCascadingDeletes())
}

func TestListAssociations(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		l := lineage{t, e}
		unnamed := l.artifact("s3://data", "DataSet", nil)
		named, err := e.api.CreateArtifact(e.ctx, &sagemaker.CreateArtifactInput{ArtifactName: aws.String("model-v1"), ArtifactType: aws.String("Model"),
			Source: &types.ArtifactSource{SourceUri: aws.String("s3://model")}})
		require.NoError(t, err)
		model := aws.ToString(named.ArtifactArn)
		deploy := l.action("deploy", "ModelDeployment")
		endpoint := l.context("prod", "Endpoint")
		l.link(unnamed, model, types.AssociationEdgeTypeContributedTo)
		e.clk.Add(time.Second)
		l.link(model, deploy, "")
		e.clk.Add(time.Second)
		l.link(deploy, endpoint, types.AssociationEdgeTypeAssociatedWith)

		out, err := e.api.ListAssociations(e.ctx, &sagemaker.ListAssociationsInput{})
		require.NoError(t, err)
		require.Len(t, out.AssociationSummaries, 3)
		require.Equal(t, endpoint, aws.ToString(out.AssociationSummaries[0].DestinationArn), "newest first by default")
		first := out.AssociationSummaries[2]
		require.Equal(t, types.AssociationSummary{SourceArn: &unnamed, DestinationArn: &model, SourceType: aws.String("DataSet"),
			DestinationType: aws.String("Model"), AssociationType: types.AssociationEdgeTypeContributedTo, DestinationName: aws.String("model-v1"),
			CreationTime: aws.Time(start)}, first, "no SourceName for an unnamed artifact")
		require.Empty(t, out.AssociationSummaries[1].AssociationType, "no type was given, none is invented")

		count := func(in *sagemaker.ListAssociationsInput) []string {
			var arns []string
			p := sagemaker.NewListAssociationsPaginator(e.api, in)
			for p.HasMorePages() {
				page, err := p.NextPage(e.ctx)
				require.NoError(t, err)
				for _, s := range page.AssociationSummaries {
					arns = append(arns, aws.ToString(s.SourceArn)+">"+aws.ToString(s.DestinationArn))
				}
			}
			return arns
		}
		require.Equal(t, []string{model + ">" + deploy}, count(&sagemaker.ListAssociationsInput{SourceArn: &model}))
		require.Equal(t, []string{unnamed + ">" + model}, count(&sagemaker.ListAssociationsInput{DestinationArn: &model}))
		require.Len(t, count(&sagemaker.ListAssociationsInput{SourceType: aws.String("ModelDeployment")}), 1)
		require.Len(t, count(&sagemaker.ListAssociationsInput{DestinationType: aws.String("Model")}), 1)
		require.Len(t, count(&sagemaker.ListAssociationsInput{AssociationType: types.AssociationEdgeTypeAssociatedWith}), 1)
		require.Len(t, count(&sagemaker.ListAssociationsInput{CreatedAfter: aws.Time(start.Add(time.Second)), CreatedBefore: aws.Time(start.Add(time.Second))}), 1)
		for _, sortBy := range []types.SortAssociationsBy{types.SortAssociationsBySourceArn, types.SortAssociationsByDestinationArn,
			types.SortAssociationsBySourceType, types.SortAssociationsByDestinationType, types.SortAssociationsByCreationTime} {
			asc := count(&sagemaker.ListAssociationsInput{SortBy: sortBy, SortOrder: types.SortOrderAscending, MaxResults: aws.Int32(1)})
			desc := count(&sagemaker.ListAssociationsInput{SortBy: sortBy, MaxResults: aws.Int32(2)})
			require.Len(t, asc, 3, sortBy)
			for i := range asc {
				require.Equal(t, asc[i], desc[len(desc)-1-i], "%s: Ascending is the reverse of Descending", sortBy)
			}
		}
		bySourceType := count(&sagemaker.ListAssociationsInput{SortBy: types.SortAssociationsBySourceType, SortOrder: types.SortOrderAscending})
		require.Equal(t, []string{unnamed + ">" + model, model + ">" + deploy, deploy + ">" + endpoint}, bySourceType, "DataSet < Model < ModelDeployment")
		_, err = e.api.ListAssociations(e.ctx, &sagemaker.ListAssociationsInput{NextToken: aws.String("forged")})
		code, _ := apiError(t, err)
		require.Equal(t, "ValidationException", code)
	})
}

// An association from an entity to itself: AWS is silent, and the fake accepts it (a documented
// guess). It is one association: listed once from either end, and counted once when it keeps
// its entity from being deleted.
func TestSelfLoopAssociation(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		l := lineage{t, e}
		self := l.action("self", "Step")
		l.link(self, self, "")
		for _, in := range []*sagemaker.ListAssociationsInput{{}, {SourceArn: &self}, {DestinationArn: &self}} {
			out, err := e.api.ListAssociations(e.ctx, in)
			require.NoError(t, err)
			require.Len(t, out.AssociationSummaries, 1)
		}
		_, err := e.api.DeleteAction(e.ctx, &sagemaker.DeleteActionInput{ActionName: aws.String("self")})
		msg := requireCode(t, err, "ValidationException")
		require.Equal(t, self+" cannot be deleted while it has associations (1): delete them first.", msg)
	})
}

// A cascading delete of an entity with a self-loop removes that association once: the quota
// it freed is one association, not two.
func TestSelfLoopCascade(t *testing.T) {
	t.Parallel()
	f := fake.New(fake.WithCascadingDeletes(), fake.WithQuota(fake.Associations, 2))
	sm, ctx := f.SageMaker(), context.Background()
	arn := func(name string) *string {
		out, err := sm.CreateAction(ctx, &sagemaker.CreateActionInput{ActionName: aws.String(name), ActionType: aws.String("T"),
			Source: &types.ActionSource{SourceUri: aws.String("s3://x")}})
		require.NoError(t, err)
		return out.ActionArn
	}
	self, a, b, c := arn("self"), arn("a"), arn("b"), arn("c")
	link := func(src, dst *string) error {
		_, err := sm.AddAssociation(ctx, &sagemaker.AddAssociationInput{SourceArn: src, DestinationArn: dst})
		return err
	}
	require.NoError(t, link(self, self))
	require.NoError(t, link(a, b))
	_, err := sm.DeleteAction(ctx, &sagemaker.DeleteActionInput{ActionName: aws.String("self")})
	require.NoError(t, err)
	require.NoError(t, link(b, c), "one association freed")
	var rle *types.ResourceLimitExceeded
	require.ErrorAs(t, link(c, a), &rle, "and only one")
}
