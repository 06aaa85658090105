package fake_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"
)

func filter(name string, op types.Operator, value string) types.Filter {
	f := types.Filter{Name: aws.String(name), Operator: op}
	if value != "" {
		f.Value = aws.String(value)
	}
	return f
}

// searchWorld makes experiment x with trials t1 and t2, and components c1 (in t1, lr 0.1,
// tagged k=v), c2 (in t1 and t2, lr 0.01) and c3 (in none), one second apart.
func searchWorld(t *testing.T, e *env) {
	t.Helper()
	e.experiment(t, "x")
	e.trial(t, "t1", "x")
	e.trial(t, "t2", "x")
	for _, c := range []struct {
		name   string
		lr     float64
		tags   []types.Tag
		trials []string
	}{{"c1", 0.1, []types.Tag{tag("k", "v")}, []string{"t1"}}, {"c2", 0.01, nil, []string{"t1", "t2"}}, {"c3", 1, nil, nil}} {
		e.clk.Add(time.Second)
		_, err := e.api.CreateTrialComponent(e.ctx, &sagemaker.CreateTrialComponentInput{TrialComponentName: aws.String(c.name), Tags: c.tags,
			Parameters: map[string]types.TrialComponentParameterValue{"lr": &types.TrialComponentParameterValueMemberNumberValue{Value: c.lr}}})
		require.NoError(t, err)
		for _, tr := range c.trials {
			_, err := e.api.AssociateTrialComponent(e.ctx, &sagemaker.AssociateTrialComponentInput{TrialComponentName: aws.String(c.name), TrialName: aws.String(tr)})
			require.NoError(t, err)
		}
	}
}

func hitNames(out *sagemaker.SearchOutput) []string {
	var ns []string
	for _, r := range out.Results {
		switch {
		case r.TrialComponent != nil:
			ns = append(ns, aws.ToString(r.TrialComponent.TrialComponentName))
		case r.Trial != nil:
			ns = append(ns, aws.ToString(r.Trial.TrialName))
		case r.Experiment != nil:
			ns = append(ns, aws.ToString(r.Experiment.ExperimentName))
		}
	}
	return ns
}

func TestSearchFindsWhatTheExpressionSays(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		searchWorld(t, e)
		for _, c := range []struct {
			name string
			in   *sagemaker.SearchInput
			want []string
		}{
			{"components of a trial, newest first", &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrialComponent,
				SearchExpression: &types.SearchExpression{Filters: []types.Filter{filter("Parents.TrialName", types.OperatorEquals, "t1")}}}, []string{"c2", "c1"}},
			{"every component", &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrialComponent}, []string{"c3", "c2", "c1"}},
			{"a value without an operator is Equals", &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrialComponent,
				SearchExpression: &types.SearchExpression{Filters: []types.Filter{{Name: aws.String("TrialComponentName"), Value: aws.String("c3")}}}}, []string{"c3"}},
			{"by parameter, sorted by it", &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrialComponent,
				SearchExpression: &types.SearchExpression{Filters: []types.Filter{filter("Parameters.lr", types.OperatorLessThan, "0.5")}},
				SortBy:           aws.String("Parameters.lr"), SortOrder: types.SearchSortOrderAscending}, []string{"c2", "c1"}},
			{"by experiment", &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrialComponent,
				SearchExpression: &types.SearchExpression{Filters: []types.Filter{filter("Parents.ExperimentName", types.OperatorEquals, "x")}},
				SortBy:           aws.String("TrialComponentName"), SortOrder: types.SearchSortOrderAscending}, []string{"c1", "c2"}},
			{"a nested filter holds on one parent", &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrialComponent,
				SearchExpression: &types.SearchExpression{NestedFilters: []types.NestedFilters{{NestedPropertyName: aws.String("Parents"),
					Filters: []types.Filter{filter("Parents.TrialName", types.OperatorEquals, "t2"), filter("Parents.ExperimentName", types.OperatorEquals, "x")}}}}},
				[]string{"c2"}},
			{"sub-expressions joined by Or", &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrialComponent,
				SearchExpression: &types.SearchExpression{Operator: types.BooleanOperatorOr, SubExpressions: []types.SearchExpression{
					{Filters: []types.Filter{filter("Tags.k", types.OperatorEquals, "v")}},
					{Filters: []types.Filter{filter("Parents", types.OperatorNotExists, "")}},
				}}}, []string{"c3", "c1"}},
			{"visible by a tag", &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrialComponent,
				VisibilityConditions: []types.VisibilityConditions{{Key: aws.String("Tags.k"), Value: aws.String("v")}}}, []string{"c1"}},
			{"trials of an experiment", &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrial,
				SearchExpression: &types.SearchExpression{Filters: []types.Filter{filter("ExperimentName", types.OperatorEquals, "x")}},
				SortOrder:        types.SearchSortOrderAscending}, []string{"t1", "t2"}},
			{"trials with a component", &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrial,
				SearchExpression: &types.SearchExpression{Filters: []types.Filter{filter("TrialComponentSummaries.TrialComponentName", types.OperatorEquals, "c2")}}},
				[]string{"t2", "t1"}},
			{"experiments by name", &sagemaker.SearchInput{Resource: types.ResourceTypeExperiment,
				SearchExpression: &types.SearchExpression{Filters: []types.Filter{filter("ExperimentName", types.OperatorContains, "x")}}}, []string{"x"}},
		} {
			t.Run(c.name, func(t *testing.T) {
				out, err := e.api.Search(e.ctx, c.in)
				require.NoError(t, err)
				require.Equal(t, c.want, hitNames(out))
				require.Equal(t, int64(len(c.want)), aws.ToInt64(out.TotalHits.Value))
				require.Equal(t, types.RelationEqualTo, out.TotalHits.Relation)
				require.Nil(t, out.NextToken)
			})
		}
	})
}

// Records carry Parents and Tags, as lists even when empty (AWS's Python SDK iterates them), a
// trial its components' summaries; Search pages with its paginator until NextToken is absent.
func TestSearchRecordsAndPages(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		searchWorld(t, e)
		out, err := e.api.Search(e.ctx, &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrialComponent, SortBy: aws.String("TrialComponentName")})
		require.NoError(t, err)
		require.Len(t, out.Results, 3)
		c3, c2, c1 := out.Results[0].TrialComponent, out.Results[1].TrialComponent, out.Results[2].TrialComponent
		require.NotNil(t, c3.Parents)
		require.Empty(t, c3.Parents)
		require.NotNil(t, c3.Tags)
		require.Equal(t, []types.Parent{{TrialName: aws.String("t1"), ExperimentName: aws.String("x")}, {TrialName: aws.String("t2"), ExperimentName: aws.String("x")}}, c2.Parents)
		require.Equal(t, []types.Tag{tag("k", "v")}, c1.Tags)
		require.Equal(t, "c1", aws.ToString(c1.DisplayName))

		tr, err := e.api.Search(e.ctx, &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrial, SortBy: aws.String("TrialName"), MaxResults: aws.Int32(1)})
		require.NoError(t, err)
		require.Equal(t, "x", aws.ToString(tr.Results[0].Trial.ExperimentName))
		require.Len(t, tr.Results[0].Trial.TrialComponentSummaries, 1)
		require.Equal(t, "c2", aws.ToString(tr.Results[0].Trial.TrialComponentSummaries[0].TrialComponentName))
		require.NotNil(t, tr.NextToken)

		var all []string
		p := sagemaker.NewSearchPaginator(e.api, &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrialComponent, MaxResults: aws.Int32(2)})
		pages := 0
		for p.HasMorePages() {
			page, err := p.NextPage(e.ctx)
			require.NoError(t, err)
			require.NotEmpty(t, page.Results, "never a NextToken with an empty page")
			require.Equal(t, int64(3), aws.ToInt64(page.TotalHits.Value))
			all = append(all, hitNames(page)...)
			pages++
		}
		require.Equal(t, []string{"c3", "c2", "c1"}, all)
		require.Equal(t, 2, pages)

		_, err = e.api.Search(e.ctx, &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrialComponent, NextToken: tr.NextToken})
		require.Contains(t, requireCode(t, err, "ValidationException"), "Invalid pagination token")
	})
}

func TestSearchRefusals(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		for _, c := range []struct {
			name, code, msg string
			in              *sagemaker.SearchInput
		}{
			{"a trial component has no TrialName", "ValidationException", "Unknown property name: TrialName",
				&sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrialComponent,
					SearchExpression: &types.SearchExpression{Filters: []types.Filter{filter("TrialName", types.OperatorEquals, "t")}}}},
			{"an empty expression", "ValidationException", "A SearchExpression must contain at least one subexpression, filter, or nested filter.",
				&sagemaker.SearchInput{Resource: types.ResourceTypeExperiment, SearchExpression: &types.SearchExpression{}}},
			{"two Contains on a parameter", "ValidationException", "'CONTAINS' operator usage limit of 1 exceeded.",
				&sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrialComponent, SearchExpression: &types.SearchExpression{Filters: []types.Filter{
					filter("Parameters.a", types.OperatorContains, "x"), filter("Parameters.a", types.OperatorContains, "y")}}}},
			{"an unknown sort", "ValidationException", "Unknown property name: Nope",
				&sagemaker.SearchInput{Resource: types.ResourceTypeExperiment, SortBy: aws.String("Nope")}},
			{"a visibility key that is not a tag", "ValidationException", `A visibility condition's Key must be in the format Tags.<key>, not "Owner".`,
				&sagemaker.SearchInput{Resource: types.ResourceTypeExperiment, VisibilityConditions: []types.VisibilityConditions{{Key: aws.String("Owner"), Value: aws.String("me")}}}},
			{"a resource the fake does not hold", "UnknownOperationException",
				"awsfake does not support Search over TrainingJob: only Experiment, ExperimentTrial and ExperimentTrialComponent.",
				&sagemaker.SearchInput{Resource: types.ResourceTypeTrainingJob}},
			{"a resource outside the enum", "ValidationException",
				"1 validation error detected: Value 'Nope' at 'resource' failed to satisfy constraint: Member must satisfy enum value set: [TrainingJob, Experiment, ExperimentTrial, ExperimentTrialComponent, Endpoint, Model, ModelPackage, ModelPackageGroup, Pipeline, PipelineExecution, FeatureGroup, FeatureMetadata, Image, ImageVersion, Project, HyperParameterTuningJob, ModelCard, PipelineVersion]",
				&sagemaker.SearchInput{Resource: "Nope"}},
		} {
			t.Run(c.name, func(t *testing.T) {
				_, err := e.api.Search(e.ctx, c.in)
				require.Equal(t, c.msg, requireCode(t, err, c.code))
				require.Equal(t, 400, statusCode(t, err))
			})
		}
	})
}

func TestGetSearchSuggestions(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		searchWorld(t, e)
		suggest := func(resource types.ResourceType, hint string) []string {
			t.Helper()
			out, err := e.api.GetSearchSuggestions(e.ctx, &sagemaker.GetSearchSuggestionsInput{Resource: resource,
				SuggestionQuery: &types.SuggestionQuery{PropertyNameQuery: &types.PropertyNameQuery{PropertyNameHint: aws.String(hint)}}})
			require.NoError(t, err)
			require.NotNil(t, out.PropertyNameSuggestions)
			var ns []string
			for _, s := range out.PropertyNameSuggestions {
				ns = append(ns, aws.ToString(s.PropertyName))
			}
			return ns
		}
		require.Equal(t, []string{"Parameters.lr"}, suggest(types.ResourceTypeExperimentTrialComponent, "param"))
		require.Equal(t, []string{"Parameters.lr", "Tags.k"}, suggest(types.ResourceTypeExperimentTrialComponent, ""))
		require.Empty(t, suggest(types.ResourceTypeExperimentTrialComponent, "Metrics"))
		require.Empty(t, suggest(types.ResourceTypeExperiment, ""))
	})
}
