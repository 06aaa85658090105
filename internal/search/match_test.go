package search

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

// TestOperatorsByPropertyKind runs every operator a kind of property takes over the fixture
// components (see components for what each has).
func TestOperatorsByPropertyKind(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		filter Filter
		want   []string
	}{
		// A text property every record has.
		{"text Equals", f("DisplayName", "Equals", "alpha"), []string{"a"}},
		{"text Equals is case-sensitive", f("DisplayName", "Equals", "Alpha"), []string{}},
		{"text Equals keeps commas", f("DisplayName", "Equals", "alpha,beta"), []string{}},
		{"text NotEquals", f("DisplayName", "NotEquals", "alpha"), []string{"b", "c", "d", "e"}},
		{"text Contains", f("DisplayName", "Contains", "lph"), []string{"a", "d"}},
		{"text Contains is case-sensitive", f("DisplayName", "Contains", "LPH"), []string{}},
		{"text In", f("DisplayName", "In", "beta,gamma"), []string{"b", "c"}},
		{"text In trims spaces", f("DisplayName", "In", "beta, gamma ,"), []string{"b", "c"}},
		{"text In of nothing", f("DisplayName", "In", " , "), []string{}},
		{"text Exists", f("DisplayName", "Exists", ""), []string{"a", "b", "c", "d", "e"}},
		{"text NotExists", f("DisplayName", "NotExists", ""), []string{}},
		{"Value without Operator is Equals", f("DisplayName", "", "beta"), []string{"b"}},
		{"neither Operator nor Value is Exists", f("Source.SourceArn", "", ""), []string{"a"}},
		{"name", f("TrialComponentName", "Equals", "c"), []string{"c"}},
		{"ARN", f("TrialComponentArn", "Equals", arnPrefix+"experiment-trial-component/d"), []string{"d"}},
		// An optional text property.
		{"optional Equals", f("Status.PrimaryStatus", "Equals", "Failed"), []string{"b"}},
		{"optional NotEquals matches the records without it", f("Status.PrimaryStatus", "NotEquals", "Failed"), []string{"a", "c", "d", "e"}},
		{"optional Exists", f("Status.PrimaryStatus", "Exists", ""), []string{"a", "b", "c"}},
		{"optional NotExists", f("Status.PrimaryStatus", "NotExists", ""), []string{"d", "e"}},
		{"Source.SourceType", f("Source.SourceType", "Equals", "SageMakerTrainingJob"), []string{"a"}},
		// Tags.<key>.
		{"tag Equals", f("Tags.team", "Equals", "ml"), []string{"a", "d"}},
		{"tag NotEquals", f("Tags.team", "NotEquals", "ml"), []string{"b", "c", "e"}},
		{"tag Contains", f("Tags.env", "Contains", "ro"), []string{"a"}},
		{"tag In", f("Tags.team", "In", "cv,nlp"), []string{"b"}},
		{"tag Exists", f("Tags.team", "Exists", ""), []string{"a", "b", "d"}},
		{"tag NotExists", f("Tags.env", "NotExists", ""), []string{"b", "c", "d", "e"}},
		{"tag keys are exact", f("Tags.Team", "Exists", ""), []string{}},
		{"tags prefix ignores case", f("tags.team", "Equals", "cv"), []string{"b"}},
		// A list of parents: any element.
		{"list Equals any", f("Parents.TrialName", "Equals", "t2"), []string{"a", "b"}},
		{"list NotEquals none", f("Parents.TrialName", "NotEquals", "t1"), []string{"b", "c", "d"}},
		{"list In", f("Parents.TrialName", "In", "t3,t9"), []string{"d", "e"}},
		{"list Contains", f("Parents.ExperimentName", "Contains", "2"), []string{"d", "e"}},
		{"list element Exists", f("Parents.TrialName", "Exists", ""), []string{"a", "b", "d", "e"}},
		{"list element NotExists", f("Parents.TrialName", "NotExists", ""), []string{"c"}},
		{"list path ignores case", f("parents.trialname", "Equals", "t3"), []string{"d", "e"}},
		// Artifacts.
		{"artifact Equals", f("InputArtifacts.data.Value", "Equals", "s3://bucket/train.csv"), []string{"a"}},
		{"artifact Contains", f("OutputArtifacts.model.value", "Contains", "model"), []string{"c"}},
		{"artifact MediaType", f("InputArtifacts.data.MediaType", "Equals", "text/csv"), []string{"a"}},
		{"artifact MediaType absent", f("OutputArtifacts.model.MediaType", "NotExists", ""), []string{"a", "b", "c", "d", "e"}},
		// Metrics.<name>.<stat>: a number.
		{"number Equals", f("Metrics.acc.Max", "Equals", "0.9"), []string{"a"}},
		{"number Equals integer", f("Metrics.acc.Count", "Equals", "10"), []string{"a"}},
		{"number NotEquals", f("Metrics.acc.Max", "NotEquals", "0.9"), []string{"b", "c", "d", "e"}},
		{"number GreaterThan", f("Metrics.acc.Max", "GreaterThan", "0.7"), []string{"a"}},
		{"number GreaterThanOrEqualTo", f("Metrics.acc.Max", "GreaterThanOrEqualTo", "0.7"), []string{"a", "b"}},
		{"number LessThan", f("Metrics.acc.Max", "LessThan", "0.9"), []string{"b"}},
		{"number LessThanOrEqualTo", f("Metrics.acc.Max", "LessThanOrEqualTo", "9e-1"), []string{"a", "b"}},
		{"number Exists", f("Metrics.loss.Max", "Exists", ""), []string{"b"}},
		{"number NotExists", f("Metrics.acc.Min", "NotExists", ""), []string{"b", "c", "d", "e"}},
		{"number with sign", f("Metrics.acc.Max", "GreaterThan", "+.8"), []string{"a"}},
		{"metric names are exact, statistics ignore case", f("metrics.acc.MAX", "GreaterThan", "0"), []string{"a", "b"}},
		{"Metrics.<stat> reads any metric", f("Metrics.Max", "GreaterThan", "2"), []string{"b"}},
		{"metric time stamp", f("Metrics.acc.TimeStamp", "LessThan", "2024-05-01T14:00:00Z"), []string{"a"}},
		// Times.
		{"time Equals", f("CreationTime", "Equals", "2024-05-01T14:00:00"), []string{"b"}},
		{"time GreaterThan", f("CreationTime", "GreaterThan", "2024-05-01T14:00:00"), []string{"c", "d", "e"}},
		{"time GreaterThanOrEqualTo", f("CreationTime", "GreaterThanOrEqualTo", "2024-05-01T14:00:00Z"), []string{"b", "c", "d", "e"}},
		{"time LessThan with an offset", f("CreationTime", "LessThan", "2024-05-01T15:00:00+01:00"), []string{"a"}},
		{"time LessThanOrEqualTo epoch seconds", f("LastModifiedTime", "LessThanOrEqualTo", "1714572000"), []string{"a", "b"}},
		{"time with a fraction", f("CreationTime", "LessThan", "2024-05-01T13:00:00.001Z"), []string{"a"}},
		{"time date alone", f("CreationTime", "GreaterThan", "2024-05-01"), []string{"a", "b", "c", "d", "e"}},
		{"time NotEquals", f("StartTime", "NotEquals", "2024-05-01T13:00:00"), []string{"b", "c", "d", "e"}},
		{"time Exists", f("StartTime", "Exists", ""), []string{"a", "c"}},
		{"time NotExists", f("EndTime", "NotExists", ""), []string{"a", "b", "c", "d", "e"}},
		// Parameters.<name>: a number or text per record.
		{"param Equals number", f("Parameters.lr", "Equals", "0.5"), []string{"a"}},
		{"param Equals text", f("Parameters.opt", "Equals", "adam"), []string{"a"}},
		{"param Equals text that reads as a number", f("Parameters.opt", "Equals", "0.5"), []string{"d"}},
		{"param Equals integer truncates decimals", f("Parameters.lr", "Equals", "2"), []string{"e"}},
		{"param NotEquals", f("Parameters.lr", "NotEquals", "0.5"), []string{"b", "c", "d", "e"}},
		{"param GreaterThan decimal", f("Parameters.lr", "GreaterThan", "0.5"), []string{"d", "e"}},
		{"param GreaterThan integer truncates decimals", f("Parameters.lr", "GreaterThan", "0"), []string{"d", "e"}},
		{"param GreaterThan integer reads 2.7 as 2", f("Parameters.lr", "GreaterThan", "2"), []string{}},
		{"param GreaterThan decimal reads 2.7 as is", f("Parameters.lr", "GreaterThan", "2.0"), []string{"e"}},
		{"param GreaterThanOrEqualTo integer", f("Parameters.lr", "GreaterThanOrEqualTo", "1"), []string{"d", "e"}},
		{"param LessThan", f("Parameters.lr", "LessThan", "0.5"), []string{"b"}},
		{"param LessThanOrEqualTo", f("Parameters.lr", "LessThanOrEqualTo", "0.5"), []string{"a", "b"}},
		{"param comparisons skip text", f("Parameters.opt", "LessThan", "100"), []string{}},
		{"param Contains reads text", f("Parameters.opt", "Contains", "a"), []string{"a"}},
		{"param In reads text", f("Parameters.opt", "In", "sgd,adam"), []string{"a", "b"}},
		{"param Exists", f("Parameters.epochs", "Exists", ""), []string{"a"}},
		{"param NotExists", f("Parameters.opt", "NotExists", ""), []string{"c", "e"}},
		// Collections and structures named whole.
		{"collection Exists", f("Tags", "Exists", ""), []string{"a", "b", "d"}},
		{"collection NotExists", f("Parents", "NotExists", ""), []string{"c"}},
		{"map Exists", f("OutputArtifacts", "Exists", ""), []string{"c"}},
		{"metrics Exists", f("Metrics", "Exists", ""), []string{"a", "b"}},
		{"structure Exists", f("Source", "Exists", ""), []string{"a"}},
		{"structure NotExists", f("Status", "NotExists", ""), []string{"d", "e"}},
		// Properties the fake never has.
		{"unsupported Equals", f("CreatedBy.UserProfileName", "Equals", "x"), []string{}},
		{"unsupported NotEquals", f("SourceDetail.TrainingJob.TrainingJobName", "NotEquals", "x"), []string{"a", "b", "c", "d", "e"}},
		{"unsupported Exists", f("LastModifiedBy", "Exists", ""), []string{}},
	}
	rs := components()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			q, err := Compile(ExperimentTrialComponent, and(tc.filter))
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, names(q, rs)); diff != "" {
				t.Errorf("matches (-want +got):\n%s", diff)
			}
		})
	}
}

func TestExpressions(t *testing.T) {
	t.Parallel()
	parents := func(fs ...Filter) Nested { return Nested{NestedPropertyName: "Parents", Filters: fs} }
	metrics := func(fs ...Filter) Nested { return Nested{NestedPropertyName: "Metrics", Filters: fs} }
	cases := []struct {
		name     string
		resource string
		expr     *Expression
		want     []string
	}{
		{"no expression matches all", ExperimentTrialComponent, nil, []string{"a", "b", "c", "d", "e"}},
		{"And of filters", ExperimentTrialComponent, and(f("Tags.team", "Equals", "ml"), f("Parents.TrialName", "Equals", "t3")), []string{"d"}},
		{"Or of filters", ExperimentTrialComponent, or(f("Tags.team", "Equals", "cv"), f("Parents.TrialName", "Equals", "t3")), []string{"b", "d", "e"}},
		// Filters on a list hold on any elements, each on its own; a nested group holds on one.
		{"filters on different parents", ExperimentTrialComponent,
			and(f("Parents.TrialName", "Equals", "t1"), f("Parents.ExperimentName", "Equals", "e2")), []string{"e"}},
		{"nested group on one parent", ExperimentTrialComponent,
			&Expression{NestedFilters: []Nested{parents(f("Parents.TrialName", "Equals", "t1"), f("Parents.ExperimentName", "Equals", "e2"))}}, []string{}},
		{"nested group satisfied by one parent", ExperimentTrialComponent,
			&Expression{NestedFilters: []Nested{parents(f("Parents.TrialName", "Equals", "t3"), f("Parents.ExperimentName", "Equals", "e2"))}}, []string{"d", "e"}},
		{"nested NotEquals on the same element", ExperimentTrialComponent,
			&Expression{NestedFilters: []Nested{parents(f("Parents.ExperimentName", "Equals", "e1"), f("Parents.TrialName", "NotEquals", "t1"))}}, []string{"a", "b"}},
		{"nested group on an empty list", ExperimentTrialComponent,
			&Expression{NestedFilters: []Nested{parents(f("Parents.TrialName", "NotExists", ""))}}, []string{}},
		{"metric filters on different metrics", ExperimentTrialComponent,
			and(f("Metrics.MetricName", "Equals", "acc"), f("Metrics.Max", "GreaterThan", "0.8")), []string{"a", "b"}},
		{"nested metric group on one metric", ExperimentTrialComponent,
			&Expression{NestedFilters: []Nested{metrics(f("Metrics.MetricName", "Equals", "acc"), f("Metrics.Max", "GreaterThan", "0.8"))}}, []string{"a"}},
		{"nested groups And", ExperimentTrialComponent,
			&Expression{NestedFilters: []Nested{parents(f("Parents.TrialName", "Equals", "t2")), metrics(f("Metrics.MetricName", "Equals", "loss"))}}, []string{"b"}},
		{"nested groups Or", ExperimentTrialComponent,
			&Expression{Operator: s("Or"), NestedFilters: []Nested{parents(f("Parents.TrialName", "Equals", "t3")), metrics(f("Metrics.MetricName", "Equals", "loss"))}}, []string{"b", "d", "e"}},
		{"sub-expressions And", ExperimentTrialComponent,
			&Expression{SubExpressions: []Expression{*or(f("Tags.team", "Equals", "ml"), f("Tags.team", "Equals", "cv")), *or(f("Parameters.lr", "LessThan", "0.1"), f("Parameters.lr", "GreaterThan", "0.9"))}},
			[]string{"b", "d"}},
		{"sub-expressions Or", ExperimentTrialComponent,
			&Expression{Operator: s("Or"), SubExpressions: []Expression{*and(f("Tags.team", "Equals", "ml"), f("Parameters.lr", "Equals", "1")), *and(f("Status.PrimaryStatus", "Equals", "InProgress"))}},
			[]string{"c", "d"}},
		{"filters, groups and sub-expressions And", ExperimentTrialComponent,
			&Expression{
				Filters:        []Filter{f("Parents", "Exists", "")},
				NestedFilters:  []Nested{parents(f("Parents.ExperimentName", "Equals", "e1"))},
				SubExpressions: []Expression{*or(f("Metrics.acc.Max", "GreaterThan", "0.8"), f("Parameters.lr", "GreaterThan", "2.5"))},
			}, []string{"a", "e"}},
		{"deep nesting", ExperimentTrialComponent,
			&Expression{SubExpressions: []Expression{{SubExpressions: []Expression{{Operator: s("Or"), SubExpressions: []Expression{*and(f("DisplayName", "Equals", "gamma")), *and(f("DisplayName", "Equals", "beta"))}}}}}},
			[]string{"b", "c"}},
		// Trials and experiments.
		{"trials of an experiment", ExperimentTrial, and(f("ExperimentName", "Equals", "e2")), []string{"t3", "t4"}},
		{"trials with a component", ExperimentTrial, and(f("TrialComponentSummaries.TrialComponentName", "Equals", "e")), []string{"t1", "t3"}},
		{"trials with a component from a source", ExperimentTrial, and(f("TrialComponentSummaries.TrialComponentSource.SourceArn", "Contains", "processing-job")), []string{"t2"}},
		{"nested summaries", ExperimentTrial, &Expression{NestedFilters: []Nested{{NestedPropertyName: "TrialComponentSummaries", Filters: []Filter{
			f("TrialComponentSummaries.TrialComponentName", "Equals", "a"), f("TrialComponentSummaries.CreationTime", "GreaterThan", "2024-05-01T13:30:00")}}}}, []string{}},
		{"trials without components", ExperimentTrial, and(f("TrialComponentSummaries", "NotExists", "")), []string{"t4"}},
		{"trial metadata", ExperimentTrial, and(f("MetadataProperties.CommitId", "Equals", "abc123")), []string{"t1"}},
		{"trial tags", ExperimentTrial, and(f("Tags.stage", "Exists", "")), []string{"t1"}},
		{"experiment name Contains", Experiment, and(f("ExperimentName", "Contains", "e")), []string{"e1", "e2", "e3"}},
		{"experiment description", Experiment, and(f("Description", "Contains", "first")), []string{"e1"}},
		{"experiment display name", Experiment, and(f("DisplayName", "Equals", "Second")), []string{"e2"}},
		{"experiment source", Experiment, and(f("Source.SourceType", "Equals", "SageMakerPipelineExecution")), []string{"e3"}},
		{"experiment tags", Experiment, and(f("Tags.owner", "In", "ana,bo")), []string{"e1"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			q, err := Compile(tc.resource, tc.expr)
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, names(q, fixture(tc.resource))); diff != "" {
				t.Errorf("matches (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMatchAllocatesNothing(t *testing.T) {
	q, err := Compile(ExperimentTrialComponent, &Expression{
		Filters:        []Filter{f("Parents.TrialName", "Equals", "t2"), f("Tags.team", "Exists", "")},
		NestedFilters:  []Nested{{NestedPropertyName: "Metrics", Filters: []Filter{f("Metrics.MetricName", "Equals", "acc")}}},
		SubExpressions: []Expression{*or(f("Metrics.acc.Max", "GreaterThan", "0.5"), f("Parameters.lr", "In", "0.05,1"))},
	})
	require.NoError(t, err)
	rs := components()
	allocs := testing.AllocsPerRun(100, func() {
		for _, r := range rs {
			q.Match(r)
		}
	})
	require.Zero(t, allocs)
	require.Equal(t, []string{"a", "b"}, names(q, rs))
}
