package fake_test

import (
	"sort"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// lineage builds lineage entities through one door.
type lineage struct {
	t *testing.T
	e *env
}

func (l lineage) artifact(uri, typ string, props map[string]string) string {
	l.t.Helper()
	out, err := l.e.api.CreateArtifact(l.e.ctx, &sagemaker.CreateArtifactInput{ArtifactType: &typ,
		Source: &types.ArtifactSource{SourceUri: &uri}, Properties: props})
	require.NoError(l.t, err)
	return aws.ToString(out.ArtifactArn)
}

func (l lineage) action(name, typ string) string {
	l.t.Helper()
	out, err := l.e.api.CreateAction(l.e.ctx, &sagemaker.CreateActionInput{ActionName: &name, ActionType: &typ,
		Source: &types.ActionSource{SourceUri: aws.String("s3://x/" + name)}})
	require.NoError(l.t, err)
	return aws.ToString(out.ActionArn)
}

func (l lineage) context(name, typ string) string {
	l.t.Helper()
	out, err := l.e.api.CreateContext(l.e.ctx, &sagemaker.CreateContextInput{ContextName: &name, ContextType: &typ,
		Source: &types.ContextSource{SourceUri: aws.String("arn:aws:sagemaker:us-east-1:123456789012:endpoint/" + name)}})
	require.NoError(l.t, err)
	return aws.ToString(out.ContextArn)
}

func (l lineage) link(src, dst string, typ types.AssociationEdgeType) {
	l.t.Helper()
	_, err := l.e.api.AddAssociation(l.e.ctx, &sagemaker.AddAssociationInput{SourceArn: &src, DestinationArn: &dst, AssociationType: typ})
	require.NoError(l.t, err)
}

func (l lineage) query(in *sagemaker.QueryLineageInput) (vertices []string, edges []string) {
	l.t.Helper()
	out, err := l.e.api.QueryLineage(l.e.ctx, in)
	require.NoError(l.t, err)
	require.NotNil(l.t, out.Vertices)
	require.NotNil(l.t, out.Edges)
	for _, v := range out.Vertices {
		vertices = append(vertices, aws.ToString(v.Arn)+" "+aws.ToString(v.Type)+" "+string(v.LineageType))
	}
	for _, e := range out.Edges {
		edges = append(edges, aws.ToString(e.SourceArn)+" -"+string(e.AssociationType)+"-> "+aws.ToString(e.DestinationArn))
	}
	sort.Strings(vertices)
	sort.Strings(edges)
	return vertices, edges
}

// arnsOnly cuts "arn type" strings down to their ARNs.
func arnsOnly(list []string) []string {
	var out []string
	for _, s := range list {
		for i := 0; i < len(s); i++ {
			if s[i] == ' ' {
				s = s[:i]
				break
			}
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func TestLineageGraphAsText(t *testing.T) {
	t.Parallel()
	f := fake.New(fake.WithClock(mockClock()))
	e := &env{f: f, api: f.SageMaker(), ctx: ctx()}
	l := lineage{t, e}
	model := l.artifact("s3://m", "Model", nil)
	deploy := l.action("deploy", "Model\"Deployment")
	endpoint := l.context("prod", "Endpoint")
	l.link(model, deploy, types.AssociationEdgeTypeContributedTo)
	l.link(deploy, endpoint, "")
	id := model[len(model)-32:]
	require.Equal(t, "flowchart LR\n"+
		"  n1[\"Artifact Model: "+id+"\"]\n"+
		"  n2[\"Action Model#quot;Deployment: deploy\"]\n"+
		"  n3[\"Context Endpoint: prod\"]\n"+
		"  n1 -->|ContributedTo| n2\n"+
		"  n2 --> n3\n", f.LineageGraph("", ""))
	require.Equal(t, "flowchart LR\n", f.LineageGraph("", "eu-west-1"))

	// ForTest logs the graph beside the calls when its test fails.
	rec := &recordingTB{TB: t}
	g := fake.ForTest(rec)
	le := &env{f: g, api: g.SageMaker(), ctx: ctx()}
	lineage{t, le}.action("lonely", "Step")
	rec.errs = append(rec.errs, "the test failed")
	for _, c := range rec.cleanups {
		c()
	}
	require.Contains(t, rec.logs, "awsfake: the lineage graph of account 123456789012 in us-east-1:\nflowchart LR\n  n1[\"Action Step: lonely\"]\n")
}

// Seeds can make a lineage graph: entities, and associations between them by label or ARN.
func TestSeededLineage(t *testing.T) {
	t.Parallel()
	s := scenario.New().
		SeedArtifact(scenario.Artifact{SourceURI: "s3://model", ArtifactType: "Model", Label: "model"}).
		SeedAction(scenario.Action{Name: "deploy", ActionType: "ModelDeployment"}).
		SeedContext(scenario.Context{Name: "prod", ContextType: "Endpoint", Label: "endpoint"}).
		SeedAssociation(scenario.Association{Source: "model", Destination: "arn:aws:sagemaker:us-east-1:123456789012:action/deploy", Type: "ContributedTo"}).
		SeedAssociation(scenario.Association{Source: "arn:aws:sagemaker:us-east-1:123456789012:action/deploy", Destination: "endpoint"})
	eachDoor(t, func(t *testing.T, e *env) {
		out, err := e.api.ListAssociations(e.ctx, &sagemaker.ListAssociationsInput{SortOrder: types.SortOrderAscending})
		require.NoError(t, err)
		require.Len(t, out.AssociationSummaries, 2)
		require.Equal(t, "Model", aws.ToString(out.AssociationSummaries[0].SourceType))
		require.Equal(t, types.AssociationEdgeTypeContributedTo, out.AssociationSummaries[0].AssociationType)
		require.Equal(t, "arn:aws:sagemaker:us-east-1:123456789012:context/prod", aws.ToString(out.AssociationSummaries[1].DestinationArn))
		require.Len(t, e.f.Calls(), 1, "seeds are not calls: only the listing is")
	}, fake.WithScenario(s))

	// A seed naming an entity that does not exist fails, and leaves nothing behind.
	bad := scenario.New().SeedAction(scenario.Action{Name: "a"}).
		SeedAssociation(scenario.Association{Source: "arn:aws:sagemaker:us-east-1:123456789012:action/a", Destination: "arn:aws:sagemaker:us-east-1:123456789012:action/missing"})
	f := fake.New()
	require.ErrorContains(t, f.SetScenario(bad), "ResourceNotFound")
	_, err := f.SageMaker().DescribeAction(ctx(), &sagemaker.DescribeActionInput{ActionName: aws.String("a")})
	require.Error(t, err)
}
