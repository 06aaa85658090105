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
)

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
