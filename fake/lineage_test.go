package fake_test

import (
	"sort"
	"strconv"
	"testing"
	"time"

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

// The worked example of the facts (5.5), from AWS's own integration test of the Python SDK:
// image -ContributedTo-> model, dataset -AssociatedWith-> model, model -ContributedTo-> action,
// action -AssociatedWith-> endpoint context.
func TestQueryLineageWorkedExample(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		l := lineage{t, e}
		image := l.artifact("ecr://image", "Image", nil)
		model := l.artifact("s3://model.tar.gz", "Model", nil)
		dataset := l.artifact("s3://train.csv", "DataSet", nil)
		deploy := l.action("deploy", "ModelDeploy")
		endpoint := l.context("prod", "Endpoint")
		l.link(image, model, types.AssociationEdgeTypeContributedTo)
		l.link(dataset, model, types.AssociationEdgeTypeAssociatedWith)
		l.link(model, deploy, types.AssociationEdgeTypeContributedTo)
		l.link(deploy, endpoint, types.AssociationEdgeTypeAssociatedWith)

		// As the Python SDK sends it: Both, IncludeEdges, empty filters, MaxDepth 10.
		vertices, edges := l.query(&sagemaker.QueryLineageInput{StartArns: []string{model}, Direction: types.DirectionBoth,
			IncludeEdges: aws.Bool(true), Filters: &types.QueryFilters{}, MaxDepth: aws.Int32(10)})
		want := []string{image + " Image Artifact", model + " Model Artifact", dataset + " DataSet Artifact",
			deploy + " ModelDeploy Action", endpoint + " Endpoint Context"}
		sort.Strings(want)
		require.Equal(t, want, vertices)
		wantEdges := []string{image + " -ContributedTo-> " + model, dataset + " -AssociatedWith-> " + model,
			model + " -ContributedTo-> " + deploy, deploy + " -AssociatedWith-> " + endpoint}
		sort.Strings(wantEdges)
		require.Equal(t, wantEdges, edges, "edges in the orientation they were created with")

		// The SDK's ModelArtifact.endpoint_contexts(): only the endpoint context, no edges.
		vertices, edges = l.query(&sagemaker.QueryLineageInput{StartArns: []string{model}, Direction: types.DirectionDescendants,
			IncludeEdges: aws.Bool(false), Filters: &types.QueryFilters{LineageTypes: []types.LineageType{types.LineageTypeContext},
				Types: []string{"Endpoint"}}, MaxDepth: aws.Int32(10)})
		require.Equal(t, []string{endpoint + " Endpoint Context"}, vertices)
		require.Empty(t, edges)

		// Ascendants from the endpoint, artifacts only: filters do not prune the walk, which
		// passes through the action to reach the model and, beyond it, its inputs.
		vertices, _ = l.query(&sagemaker.QueryLineageInput{StartArns: []string{endpoint}, Direction: types.DirectionAscendants,
			Filters: &types.QueryFilters{LineageTypes: []types.LineageType{types.LineageTypeArtifact}}})
		require.Len(t, vertices, 3)
	})
}

func TestQueryLineageDirectionsAndDepth(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		l := lineage{t, e}
		// Both expands both ways at every vertex: an image shared by two models pulls in the
		// other model's endpoint too.
		image := l.artifact("ecr://shared", "Image", nil)
		m1, m2 := l.artifact("s3://m1", "Model", nil), l.artifact("s3://m2", "Model", nil)
		e1, e2 := l.context("e1", "Endpoint"), l.context("e2", "Endpoint")
		l.link(image, m1, types.AssociationEdgeTypeContributedTo)
		l.link(image, m2, types.AssociationEdgeTypeContributedTo)
		l.link(m1, e1, "")
		l.link(m2, e2, "")
		endpoints := &types.QueryFilters{Types: []string{"Endpoint"}}
		got, _ := l.query(&sagemaker.QueryLineageInput{StartArns: []string{m1}, Filters: endpoints})
		require.Equal(t, []string{e1 + " Endpoint Context", e2 + " Endpoint Context"}, got, "Both is the default")
		got, _ = l.query(&sagemaker.QueryLineageInput{StartArns: []string{m1}, Direction: types.DirectionDescendants, Filters: endpoints})
		require.Equal(t, []string{e1 + " Endpoint Context"}, got)
		got, _ = l.query(&sagemaker.QueryLineageInput{StartArns: []string{m1}, Direction: types.DirectionAscendants})
		require.Equal(t, []string{image + " Image Artifact"}, got)

		// MaxDepth counts associations from the start: a chain of 12.
		chain := []string{l.action("c0", "Step")}
		for i := 1; i <= 12; i++ {
			chain = append(chain, l.action("c"+strconv.Itoa(i), "Step"))
			l.link(chain[i-1], chain[i], "")
		}
		for _, c := range []struct {
			depth *int32
			want  int
		}{{nil, 10}, {aws.Int32(10), 10}, {aws.Int32(3), 3}, {aws.Int32(0), 0}} {
			got, _ := l.query(&sagemaker.QueryLineageInput{StartArns: []string{chain[0]}, Direction: types.DirectionDescendants, MaxDepth: c.depth})
			require.Len(t, got, c.want, "MaxDepth %v", c.depth)
		}
		got, edges := l.query(&sagemaker.QueryLineageInput{StartArns: []string{chain[0]}, Direction: types.DirectionDescendants,
			MaxDepth: aws.Int32(0), IncludeEdges: aws.Bool(true)})
		require.Equal(t, []string{chain[0] + " Step Action"}, got, "with IncludeEdges the start comes back")
		require.Empty(t, edges)

		// With filters and IncludeEdges: the matched vertices, and every vertex and edge on the
		// (shortest) paths to them, both sides of a diamond; the start only if it matches.
		top, left, right, bottom := l.action("top", "Step"), l.action("left", "Step"), l.action("right", "Step"), l.artifact("s3://bottom", "Model", nil)
		l.link(top, left, "")
		l.link(top, right, "")
		l.link(left, bottom, "")
		l.link(right, bottom, "")
		got, edges = l.query(&sagemaker.QueryLineageInput{StartArns: []string{top}, Direction: types.DirectionDescendants,
			IncludeEdges: aws.Bool(true), Filters: &types.QueryFilters{Types: []string{"Model"}}})
		require.Equal(t, arnsOnly([]string{left, right, bottom}), arnsOnly(got), "the start does not match the filter")
		require.Len(t, edges, 4)
		got, edges = l.query(&sagemaker.QueryLineageInput{StartArns: []string{top}, Direction: types.DirectionDescendants,
			Filters: &types.QueryFilters{Types: []string{"Model"}}})
		require.Equal(t, []string{bottom}, arnsOnly(got), "without IncludeEdges only what matches")
		require.Empty(t, edges)
	})
}

func TestQueryLineageFilters(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		l := lineage{t, e}
		hub := l.context("hub", "Endpoint")
		e.clk.Add(time.Second)
		a := l.artifact("s3://a", "Model", map[string]string{"stage": "prod", "team": "ml"})
		e.clk.Add(time.Second)
		b := l.artifact("s3://b", "DataSet", map[string]string{"stage": "dev"})
		e.clk.Add(time.Second)
		c := l.action("act", "Model") // an action whose type is Model
		for _, v := range []string{a, b, c} {
			l.link(hub, v, "")
		}
		for _, f := range []struct {
			name    string
			filters *types.QueryFilters
			want    []string
		}{
			{"nil", nil, []string{a, b, c}},
			{"empty", &types.QueryFilters{}, []string{a, b, c}},
			{"types", &types.QueryFilters{Types: []string{"Model"}}, []string{a, c}},
			{"types and lineage types", &types.QueryFilters{Types: []string{"Model"}, LineageTypes: []types.LineageType{types.LineageTypeArtifact}}, []string{a}},
			{"any of the lineage types", &types.QueryFilters{LineageTypes: []types.LineageType{types.LineageTypeAction, types.LineageTypeArtifact}}, []string{a, b, c}},
			{"trial components", &types.QueryFilters{LineageTypes: []types.LineageType{types.LineageTypeTrialComponent}}, nil},
			{"created after, inclusive", &types.QueryFilters{CreatedAfter: aws.Time(start.Add(2 * time.Second))}, []string{b, c}},
			{"created before, inclusive", &types.QueryFilters{CreatedBefore: aws.Time(start.Add(2 * time.Second))}, []string{a, b}},
			{"modified window", &types.QueryFilters{ModifiedAfter: aws.Time(start.Add(time.Second)), ModifiedBefore: aws.Time(start.Add(time.Second))}, []string{a}},
			{"any property pair", &types.QueryFilters{Properties: map[string]string{"stage": "dev", "team": "ml"}}, []string{a, b}},
			{"no property pair", &types.QueryFilters{Properties: map[string]string{"stage": "qa"}}, nil},
		} {
			got, _ := l.query(&sagemaker.QueryLineageInput{StartArns: []string{hub}, Filters: f.filters})
			gotARNs := arnsOnly(got)
			want := append([]string(nil), f.want...)
			sort.Strings(want)
			require.Equal(t, want, gotARNs, f.name)
		}
	})
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

func TestQueryLineageRefusalsAndPaging(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		l := lineage{t, e}
		hub := l.context("hub", "Endpoint")
		var spokes []string
		for i := 0; i < 7; i++ {
			spokes = append(spokes, l.artifact("s3://spoke"+strconv.Itoa(i), "Model", nil))
			l.link(hub, spokes[i], "")
		}
		for _, c := range []struct {
			name string
			in   *sagemaker.QueryLineageInput
			code string
			msg  string
		}{
			{"no start", &sagemaker.QueryLineageInput{}, "ValidationException", "StartArns must name the lineage entity to start from."},
			{"unknown start", &sagemaker.QueryLineageInput{StartArns: []string{"arn:aws:sagemaker:us-east-1:123456789012:artifact/none"}},
				"ResourceNotFound", "Lineage entity arn:aws:sagemaker:us-east-1:123456789012:artifact/none does not exist."},
			{"two starts", &sagemaker.QueryLineageInput{StartArns: []string{hub, hub}}, "ValidationException", "Member must have length less than or equal to 1"},
			{"too deep", &sagemaker.QueryLineageInput{StartArns: []string{hub}, MaxDepth: aws.Int32(11)}, "ValidationException",
				"Value '11' at 'maxDepth' failed to satisfy constraint: Member must have value less than or equal to 10"},
			{"negative depth", &sagemaker.QueryLineageInput{StartArns: []string{hub}, MaxDepth: aws.Int32(-1)}, "ValidationException", "at 'maxDepth'"},
			{"too many results", &sagemaker.QueryLineageInput{StartArns: []string{hub}, MaxResults: aws.Int32(51)}, "ValidationException", "less than or equal to 50"},
			{"a trial", &sagemaker.QueryLineageInput{StartArns: []string{"arn:aws:sagemaker:us-east-1:123456789012:experiment-trial/t"}}, "ValidationException", "regular expression pattern"},
			{"the SDK's Trial lineage type", &sagemaker.QueryLineageInput{StartArns: []string{hub}, Filters: &types.QueryFilters{LineageTypes: []types.LineageType{"Trial"}}},
				"ValidationException", "Member must satisfy enum value set"},
			{"a token of another query", &sagemaker.QueryLineageInput{StartArns: []string{hub}, MaxResults: aws.Int32(2), NextToken: aws.String("forged")},
				"ValidationException", "Invalid pagination token"},
		} {
			_, err := e.api.QueryLineage(e.ctx, c.in)
			code, msg := apiError(t, err)
			require.Equal(t, c.code, code, c.name)
			require.Contains(t, msg, c.msg, c.name)
		}

		// MaxResults pages the vertices in a stable order.
		var paged []string
		in := &sagemaker.QueryLineageInput{StartArns: []string{hub}, MaxResults: aws.Int32(3)}
		pages := 0
		for {
			out, err := e.api.QueryLineage(e.ctx, in)
			require.NoError(t, err)
			pages++
			for _, v := range out.Vertices {
				paged = append(paged, aws.ToString(v.Arn))
			}
			if out.NextToken == nil {
				break
			}
			in.NextToken = out.NextToken
		}
		require.Equal(t, 3, pages)
		require.ElementsMatch(t, spokes, paged)
		other, err := e.api.QueryLineage(e.ctx, &sagemaker.QueryLineageInput{StartArns: []string{hub}, MaxResults: aws.Int32(3)})
		require.NoError(t, err)
		_, err = e.api.QueryLineage(e.ctx, &sagemaker.QueryLineageInput{StartArns: []string{spokes[0]}, MaxResults: aws.Int32(3), NextToken: other.NextToken})
		code, _ := apiError(t, err)
		require.Equal(t, "ValidationException", code, "a token belongs to its query")
	})
}

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
