package search

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// filters returns n filters on the trial component's name.
func filters(n int) []Filter {
	fs := make([]Filter, n)
	for i := range fs {
		fs[i] = f("TrialComponentName", "Equals", "x")
	}
	return fs
}

// withParts returns an expression of exactly n ≥ 1 parts, each list within the model's 20.
func withParts(n int) *Expression {
	if n <= 20 {
		return &Expression{Filters: filters(n)}
	}
	return &Expression{Filters: filters(18), SubExpressions: []Expression{*withParts(n - 19)}}
}

func TestPartsHelper(t *testing.T) {
	t.Parallel()
	for _, n := range []int{1, 20, 21, 49, 50, 51} {
		require.Equal(t, n, countParts(withParts(n), 0), "parts of withParts(%d)", n)
	}
}

const filterEnum = "[Equals, NotEquals, GreaterThan, GreaterThanOrEqualTo, LessThan, LessThanOrEqualTo, Contains, Exists, NotExists, In]"

func TestCompileRefusals(t *testing.T) {
	t.Parallel()
	tc := ExperimentTrialComponent
	cases := []struct {
		name     string
		resource string
		expr     *Expression
		message  string
	}{
		// The model's constraints, as the validator words them.
		{"resource outside the enum", "Experiments", and(f("DisplayName", "", "x")),
			"1 validation error detected: Value 'Experiments' at 'resource' failed to satisfy constraint: Member must satisfy enum value set: [TrainingJob, Experiment, ExperimentTrial, ExperimentTrialComponent, Endpoint, Model, ModelPackage, ModelPackageGroup, Pipeline, PipelineExecution, FeatureGroup, FeatureMetadata, Image, ImageVersion, Project, HyperParameterTuningJob, ModelCard, PipelineVersion]"},
		{"boolean operator outside the enum", tc, &Expression{Operator: s("and"), Filters: filters(1)},
			"1 validation error detected: Value 'and' at 'searchExpression.operator' failed to satisfy constraint: Member must satisfy enum value set: [And, Or]"},
		{"filter operator outside the enum", tc, and(f("DisplayName", "EQUALS", "x")),
			"1 validation error detected: Value 'EQUALS' at 'searchExpression.filters.1.member.operator' failed to satisfy constraint: Member must satisfy enum value set: " + filterEnum},
		{"filter operator outside the enum, deep", tc, &Expression{SubExpressions: []Expression{*and(f("DisplayName", "", "x")), {NestedFilters: []Nested{{NestedPropertyName: "Parents", Filters: []Filter{f("Parents.TrialName", "", "x"), f("Parents.TrialName", "Like", "x")}}}}}},
			"1 validation error detected: Value 'Like' at 'searchExpression.subExpressions.2.member.nestedFilters.1.member.filters.2.member.operator' failed to satisfy constraint: Member must satisfy enum value set: " + filterEnum},
		{"empty filter list", tc, &Expression{Filters: []Filter{}},
			"1 validation error detected: Value '[]' at 'searchExpression.filters' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"empty nested list", tc, &Expression{Filters: filters(1), NestedFilters: []Nested{}},
			"1 validation error detected: Value '[]' at 'searchExpression.nestedFilters' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"empty sub-expression list", tc, &Expression{Filters: filters(1), SubExpressions: []Expression{}},
			"1 validation error detected: Value '[]' at 'searchExpression.subExpressions' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"21 filters", tc, &Expression{Filters: filters(21)},
			"1 validation error detected: Value '[" + strings.Repeat("Filter(name=TrialComponentName, operator=Equals, value=x), ", 20) + "Filter(name=TrialComponentName, operator=Equals, value=x)]' at 'searchExpression.filters' failed to satisfy constraint: Member must have length less than or equal to 20"},
		{"21 sub-expressions", tc, &Expression{SubExpressions: make21(Expression{Filters: []Filter{f("RunName", "Exists", "")}})},
			"1 validation error detected: Value '[" + strings.Repeat("SearchExpression(filters=[Filter(name=RunName, operator=Exists)]), ", 20) + "SearchExpression(filters=[Filter(name=RunName, operator=Exists)])]' at 'searchExpression.subExpressions' failed to satisfy constraint: Member must have length less than or equal to 20"},
		{"nested group without filters", tc, &Expression{NestedFilters: []Nested{{NestedPropertyName: "Parents"}}},
			"1 validation error detected: Value null at 'searchExpression.nestedFilters.1.member.filters' failed to satisfy constraint: Member must not be null"},
		{"nested group with 21 filters", tc, &Expression{NestedFilters: []Nested{{NestedPropertyName: "Parents", Filters: make21(f("Parents.TrialName", "", "t"))}}},
			"1 validation error detected: Value '[" + strings.Repeat("Filter(name=Parents.TrialName, value=t), ", 20) + "Filter(name=Parents.TrialName, value=t)]' at 'searchExpression.nestedFilters.1.member.filters' failed to satisfy constraint: Member must have length less than or equal to 20"},
		{"empty nested property name", tc, &Expression{NestedFilters: []Nested{{Filters: filters(1)}}},
			"1 validation error detected: Value '' at 'searchExpression.nestedFilters.1.member.nestedPropertyName' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"empty name", tc, and(f("", "Exists", "")),
			"1 validation error detected: Value '' at 'searchExpression.filters.1.member.name' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"name of 256 characters", tc, and(f("Tags."+strings.Repeat("k", 251), "Exists", "")),
			"1 validation error detected: Value 'Tags." + strings.Repeat("k", 251) + "' at 'searchExpression.filters.1.member.name' failed to satisfy constraint: Member must have length less than or equal to 255"},
		{"empty value", tc, &Expression{Filters: []Filter{{Name: "DisplayName", Value: s("")}}},
			"1 validation error detected: Value '' at 'searchExpression.filters.1.member.value' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"value of 1025 characters", tc, and(f("DisplayName", "Equals", strings.Repeat("é", 1025))),
			"1 validation error detected: Value '" + strings.Repeat("é", 1025) + "' at 'searchExpression.filters.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 1024"},

		// AWS's documented rules.
		{"empty expression", tc, &Expression{}, "A SearchExpression must contain at least one subexpression, filter, or nested filter."},
		{"empty sub-expression", tc, &Expression{SubExpressions: []Expression{{Operator: s("Or")}}}, "A SearchExpression must contain at least one subexpression, filter, or nested filter."},
		{"51 parts", tc, withParts(51), "The maximum number of recursive SubExpressions, NestedFilters, and Filters that can be included in a SearchExpression object is 50."},
		{"51 parts counting nested filters", tc, &Expression{NestedFilters: []Nested{
			{NestedPropertyName: "Parents", Filters: make20(f("Parents.TrialName", "", "t"))},
			{NestedPropertyName: "Parents", Filters: make20(f("Parents.TrialName", "", "t"))},
			{NestedPropertyName: "Parents", Filters: filters(8)},
		}}, "The maximum number of recursive SubExpressions, NestedFilters, and Filters that can be included in a SearchExpression object is 50."},
		{"a deep chain", tc, chain(60), "The maximum number of recursive SubExpressions, NestedFilters, and Filters that can be included in a SearchExpression object is 50."},
		{"two Contains", tc, and(f("Source.SourceArn", "Contains", "a"), f("Status.PrimaryStatus", "Contains", "b")), "'CONTAINS' operator usage limit of 1 exceeded."},
		{"two Contains across sub-expressions", tc, &Expression{Filters: []Filter{f("RunName", "Contains", "a")}, SubExpressions: []Expression{*and(f("DisplayName", "Contains", "x"), f("Parameters.opt", "Contains", "b"))}}, "'CONTAINS' operator usage limit of 1 exceeded."},
		{"two Contains in a nested group", tc, &Expression{NestedFilters: []Nested{{NestedPropertyName: "Parents", Filters: []Filter{f("Parents.TrialName", "Contains", "a"), f("Parents.ExperimentName", "Contains", "b")}}}}, "'CONTAINS' operator usage limit of 1 exceeded."},
		{"two Contains on trials", ExperimentTrial, and(f("ExperimentName", "Contains", "a"), f("TrialComponentSummaries.TrialComponentName", "Contains", "b")), "'CONTAINS' operator usage limit of 1 exceeded."},

		// Property names.
		{"unknown name", tc, and(f("Foo", "Exists", "")), "Unknown property name: Foo"},
		{"TrialName on a trial component", tc, and(f("TrialName", "Equals", "t")), "Unknown property name: TrialName"},
		{"ExperimentName on a trial component", tc, and(f("ExperimentName", "Equals", "e")), "Unknown property name: ExperimentName"},
		{"a trial's property on an experiment", Experiment, and(f("TrialComponentSummaries", "Exists", "")), "Unknown property name: TrialComponentSummaries"},
		{"a component's property on a trial", ExperimentTrial, and(f("Parents.TrialName", "Equals", "t")), "Unknown property name: Parents.TrialName"},
		{"Description on a trial", ExperimentTrial, and(f("Description", "Exists", "")), "Unknown property name: Description"},
		{"tag without a key", tc, and(f("Tags.", "Exists", "")), "Unknown property name: Tags."},
		{"metric without a statistic", tc, and(f("Metrics.acc", "GreaterThan", "1")), "Unknown property name: Metrics.acc"},
		{"metric with an unknown statistic", tc, and(f("Metrics.acc.Median", "GreaterThan", "1")), "Unknown property name: Metrics.acc.Median"},
		{"metric without a name", tc, and(f("Metrics..Max", "GreaterThan", "1")), "Unknown property name: Metrics..Max"},
		{"artifact without a member", tc, and(f("InputArtifacts.data", "Exists", "")), "Unknown property name: InputArtifacts.data"},
		{"unknown member of a list", tc, and(f("Parents.TrialArn", "Exists", "")), "Unknown property name: Parents.TrialArn"},
		{"unknown member of a structure", tc, and(f("Source.Arn", "Exists", "")), "Unknown property name: Source.Arn"},
		{"parameters on a trial", ExperimentTrial, and(f("Parameters.lr", "Exists", "")), "Unknown property name: Parameters.lr"},
		{"SourceDetail on a trial", ExperimentTrial, and(f("SourceDetail.TrainingJob", "Exists", "")), "Unknown property name: SourceDetail.TrainingJob"},

		// Operators by kind of property.
		{"GreaterThan on text", tc, and(f("DisplayName", "GreaterThan", "a")), "Operator GreaterThan is not supported for text property DisplayName."},
		{"LessThanOrEqualTo on a list of text", tc, and(f("Parents.TrialName", "LessThanOrEqualTo", "a")), "Operator LessThanOrEqualTo is not supported for text property Parents.TrialName."},
		{"GreaterThanOrEqualTo on a tag", tc, and(f("Tags.n", "GreaterThanOrEqualTo", "1")), "Operator GreaterThanOrEqualTo is not supported for text property Tags.n."},
		{"Contains on a time", tc, and(f("CreationTime", "Contains", "2024")), "Operator Contains is not supported for timestamp property CreationTime."},
		{"In on a number", tc, and(f("Metrics.acc.Max", "In", "1,2")), "Operator In is not supported for numeric property Metrics.acc.Max."},
		{"Equals on a collection", tc, and(f("Tags", "Equals", "x")), "Operator Equals is not supported for collection property Tags."},
		{"Contains on a structure", tc, and(f("Source", "Contains", "x")), "Operator Contains is not supported for collection property Source."},
		{"Value required", tc, and(f("DisplayName", "Equals", "")), "Operator Equals requires a Value for property DisplayName."},
		{"Value required by In", tc, and(f("Tags.k", "In", "")), "Operator In requires a Value for property Tags.k."},
		{"Exists takes no Value", tc, and(f("DisplayName", "Exists", "x")), "Operator Exists takes no Value for property DisplayName."},
		{"NotExists takes no Value", tc, and(f("Tags", "NotExists", "x")), "Operator NotExists takes no Value for property Tags."},

		// Values.
		{"word for a number", tc, and(f("Metrics.acc.Max", "GreaterThan", "high")), "Value 'high' for property Metrics.acc.Max must be an integer or floating-point decimal."},
		{"NaN for a number", tc, and(f("Metrics.acc.Max", "Equals", "NaN")), "Value 'NaN' for property Metrics.acc.Max must be an integer or floating-point decimal."},
		{"infinity for a number", tc, and(f("Metrics.acc.Max", "LessThan", "Inf")), "Value 'Inf' for property Metrics.acc.Max must be an integer or floating-point decimal."},
		{"overflow for a number", tc, and(f("Metrics.acc.Max", "LessThan", "1e400")), "Value '1e400' for property Metrics.acc.Max must be an integer or floating-point decimal."},
		{"hexadecimal for a number", tc, and(f("Metrics.acc.Count", "Equals", "0x10")), "Value '0x10' for property Metrics.acc.Count must be an integer or floating-point decimal."},
		{"word for a parameter comparison", tc, and(f("Parameters.lr", "GreaterThan", "big")), "Value 'big' for property Parameters.lr must be an integer or floating-point decimal."},
		{"word for a time", tc, and(f("CreationTime", "GreaterThan", "yesterday")), "Value 'yesterday' for property CreationTime must be an ISO 8601 date-time (YYYY-mm-dd'T'HH:MM:SS) or epoch seconds."},
		{"impossible date", tc, and(f("StartTime", "LessThan", "2024-13-01T00:00:00")), "Value '2024-13-01T00:00:00' for property StartTime must be an ISO 8601 date-time (YYYY-mm-dd'T'HH:MM:SS) or epoch seconds."},
		{"exponent for a time", tc, and(f("EndTime", "LessThan", "1e9")), "Value '1e9' for property EndTime must be an ISO 8601 date-time (YYYY-mm-dd'T'HH:MM:SS) or epoch seconds."},
		{"time in a nested group", ExperimentTrial, &Expression{NestedFilters: []Nested{{NestedPropertyName: "TrialComponentSummaries", Filters: []Filter{f("TrialComponentSummaries.CreationTime", "Equals", "now")}}}},
			"Value 'now' for property TrialComponentSummaries.CreationTime must be an ISO 8601 date-time (YYYY-mm-dd'T'HH:MM:SS) or epoch seconds."},

		// Nested filters.
		{"nested on an unknown property", tc, &Expression{NestedFilters: []Nested{{NestedPropertyName: "Children", Filters: filters(1)}}}, "Unknown property name: Children"},
		{"nested on a text property", Experiment, &Expression{NestedFilters: []Nested{{NestedPropertyName: "ExperimentName", Filters: []Filter{f("ExperimentName", "Contains", "x")}}}},
			"NestedPropertyName ExperimentName is not a list property; NestedFilters apply only to lists."},
		{"nested on tags", tc, &Expression{NestedFilters: []Nested{{NestedPropertyName: "Tags", Filters: []Filter{f("Tags.k", "Exists", "")}}}},
			"NestedPropertyName Tags is not a list property; NestedFilters apply only to lists."},
		{"nested on parameters", tc, &Expression{NestedFilters: []Nested{{NestedPropertyName: "Parameters", Filters: []Filter{f("Parameters.lr", "Exists", "")}}}},
			"NestedPropertyName Parameters is not a list property; NestedFilters apply only to lists."},
		{"nested filter outside its list", tc, &Expression{NestedFilters: []Nested{{NestedPropertyName: "Parents", Filters: []Filter{f("Parents.TrialName", "", "t"), f("DisplayName", "", "x")}}}},
			"Filter name DisplayName in NestedFilters is not a property of the elements of Parents."},
		{"nested filter in another list", tc, &Expression{NestedFilters: []Nested{{NestedPropertyName: "Metrics", Filters: []Filter{f("Parents.TrialName", "", "t")}}}},
			"Filter name Parents.TrialName in NestedFilters is not a property of the elements of Metrics."},
		{"nested filter on one metric by name", tc, &Expression{NestedFilters: []Nested{{NestedPropertyName: "Metrics", Filters: []Filter{f("Metrics.acc.Max", "GreaterThan", "1")}}}},
			"Filter name Metrics.acc.Max in NestedFilters is not a property of the elements of Metrics."},
		{"nested filter naming the list", tc, &Expression{NestedFilters: []Nested{{NestedPropertyName: "Parents", Filters: []Filter{f("Parents", "Exists", "")}}}},
			"Filter name Parents in NestedFilters is not a property of the elements of Parents."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			q, err := Compile(c.resource, c.expr)
			require.Nil(t, q)
			var se *Error
			require.True(t, errors.As(err, &se), "error %v is not *Error", err)
			require.Equal(t, c.message, se.Message)
			require.False(t, se.Unsupported)
			require.Equal(t, "ValidationException: "+c.message, err.Error())
		})
	}
}

func make20[T any](v T) []T {
	out := make([]T, 20)
	for i := range out {
		out[i] = v
	}
	return out
}

func make21[T any](v T) []T { return append(make20(v), v) }

// chain is n sub-expressions, each inside the last, with a filter at the bottom.
func chain(n int) *Expression {
	e := and(f("DisplayName", "Exists", ""))
	for range n {
		e = &Expression{SubExpressions: []Expression{*e}}
	}
	return e
}

func TestCompileAccepts(t *testing.T) {
	t.Parallel()
	tc := ExperimentTrialComponent
	cases := []struct {
		name     string
		resource string
		expr     *Expression
	}{
		{"no expression", tc, nil},
		{"50 parts", tc, withParts(50)},
		{"20 of each list", tc, &Expression{Filters: filters(20)}},
		{"a chain of 25", tc, chain(24)},
		{"50 parts counting nested filters", tc, &Expression{NestedFilters: []Nested{
			{NestedPropertyName: "Parents", Filters: make20(f("Parents.TrialName", "", "t"))},
			{NestedPropertyName: "Parents", Filters: make20(f("Parents.TrialName", "", "t"))},
			{NestedPropertyName: "Parents", Filters: []Filter{f("Parents.TrialName", "", "t"), f("Parents.TrialName", "", "t"), f("Parents.TrialName", "", "t"), f("Parents.TrialName", "", "t"), f("Parents.TrialName", "", "t"), f("Parents.TrialName", "", "t"), f("Parents.TrialName", "", "t")}},
		}}},
		{"name of 255 characters", tc, and(f("Tags."+strings.Repeat("k", 250), "Exists", ""))},
		{"value of 1024 characters", tc, and(f("DisplayName", "Equals", strings.Repeat("é", 1024)))},
		{"one Contains", tc, and(f("Source.SourceArn", "Contains", "a"))},
		{"Contains many times where AWS allows it", tc, and(
			f("DisplayName", "Contains", "a"), f("TrialComponentName", "Contains", "b"), f("Tags.k", "Contains", "c"),
			f("InputArtifacts.x.Value", "Contains", "d"), f("OutputArtifacts.y.MediaType", "Contains", "e"), f("Source.SourceArn", "Contains", "f"))},
		{"Contains many times on experiments", Experiment, and(f("ExperimentName", "Contains", "a"), f("DisplayName", "Contains", "b"), f("Tags.k", "Contains", "c"), f("Description", "Contains", "d"))},
		{"Contains many times on trials", ExperimentTrial, and(f("TrialName", "Contains", "a"), f("DisplayName", "Contains", "b"), f("Tags.k", "Contains", "c"), f("ExperimentName", "Contains", "d"))},
		{"names ignore case", tc, and(f("trialcomponentname", "", "x"), f("STATUS.PRIMARYSTATUS", "", "Completed"), f("parameters.LR", "Exists", ""))},
		{"keys with dots", tc, and(f("Parameters.a.b", "Exists", ""), f("Tags.aws:cloudformation:stack-name", "Exists", ""), f("InputArtifacts.s3.data.Value", "Exists", ""), f("Metrics.val.loss.Min", "LessThan", "1"))},
		{"every time form", tc, and(f("CreationTime", "GreaterThan", "2024-05-01T12:00:00"), f("CreationTime", "GreaterThan", "2024-05-01T12:00:00.123456Z"),
			f("CreationTime", "GreaterThan", "2024-05-01T12:00:00-0700"), f("CreationTime", "GreaterThan", "2024-05-01"), f("CreationTime", "GreaterThan", "1714564800.5"), f("CreationTime", "GreaterThan", "-1"))},
		{"every number form", tc, and(f("Metrics.m.Max", "GreaterThan", "1"), f("Metrics.m.Max", "GreaterThan", "-1.5"), f("Metrics.m.Max", "GreaterThan", ".5"),
			f("Metrics.m.Max", "GreaterThan", "5."), f("Metrics.m.Max", "GreaterThan", "1E-3"), f("Metrics.m.Max", "GreaterThan", "+2e+2"))},
		{"parameter Equals with a word", tc, and(f("Parameters.opt", "Equals", "adam"))},
		{"unsupported properties take anything", tc, and(f("SourceDetail.TrainingJob.HyperParameters.x", "GreaterThan", "foo"), f("CreatedBy.IamIdentity.Arn", "Contains", "x"))},
		{"every structure", tc, and(f("Source", "Exists", ""), f("Status", "Exists", ""), f("MetadataProperties", "NotExists", ""), f("LineageGroupArn", "NotExists", ""), f("RunName", "NotExists", ""))},
		{"trial summaries' creators", ExperimentTrial, &Expression{NestedFilters: []Nested{{NestedPropertyName: "trialcomponentsummaries", Filters: []Filter{f("TrialComponentSummaries.CreatedBy.UserProfileName", "Equals", "x")}}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			q, err := Compile(c.resource, c.expr)
			require.NoError(t, err)
			require.NotNil(t, q)
		})
	}
}

func TestCompileUnsupportedResource(t *testing.T) {
	t.Parallel()
	for _, r := range []string{"TrainingJob", "Endpoint", "ModelCard", "PipelineVersion"} {
		t.Run(r, func(t *testing.T) {
			t.Parallel()
			_, err := Compile(r, and(f("DisplayName", "", "x")))
			var se *Error
			require.ErrorAs(t, err, &se)
			require.True(t, se.Unsupported)
			require.Equal(t, "awsfake does not support Search over "+r+": it searches Experiment, ExperimentTrial and ExperimentTrialComponent.", se.Message)
			_, err = NewOrder(r, nil, nil)
			require.ErrorAs(t, err, &se)
			require.True(t, se.Unsupported)
		})
	}
}
