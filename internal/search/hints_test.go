package search

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

func TestHints(t *testing.T) {
	t.Parallel()
	parentsGroup := func(fs ...Filter) Nested { return Nested{NestedPropertyName: "Parents", Filters: fs} }
	tc := ExperimentTrialComponent
	cases := []struct {
		name     string
		resource string
		expr     *Expression
		want     []Hint
	}{
		// True positives.
		{"the components of one trial", tc, and(f("Parents.TrialName", "Equals", "t2")), []Hint{{FieldParentTrialName, []string{"t2"}}}},
		{"Equals by default", tc, and(f("Parents.TrialName", "", "t2")), []Hint{{FieldParentTrialName, []string{"t2"}}}},
		{"with other filters", tc, and(f("Tags.team", "Equals", "ml"), f("Parents.TrialName", "Equals", "t2"), f("Metrics.acc.Max", "GreaterThan", "0.5")),
			[]Hint{{FieldParentTrialName, []string{"t2"}}}},
		{"name and source", tc, and(f("TrialComponentName", "Equals", "a"), f("Source.SourceArn", "Equals", "arn:x")),
			[]Hint{{FieldName, []string{"a"}}, {FieldSourceArn, []string{"arn:x"}}}},
		{"ARN", tc, and(f("TrialComponentArn", "Equals", "arn:y")), []Hint{{FieldArn, []string{"arn:y"}}}},
		{"In gives each value once, sorted", tc, and(f("Parents.ExperimentName", "In", "e2, e1,e2")), []Hint{{FieldParentExperimentName, []string{"e1", "e2"}}}},
		{"two on one field keep the smaller", tc, and(f("Parents.TrialName", "In", "t1,t2,t3"), f("Parents.TrialName", "Equals", "t1"), f("Parents.TrialName", "In", "t1,t2")),
			[]Hint{{FieldParentTrialName, []string{"t1"}}}},
		{"two values on one list field: one hint, not their intersection", tc, and(f("Parents.TrialName", "Equals", "t1"), f("Parents.TrialName", "Equals", "t2")),
			[]Hint{{FieldParentTrialName, []string{"t1"}}}},
		{"a nested group", tc, &Expression{NestedFilters: []Nested{parentsGroup(f("Parents.TrialName", "Equals", "t3"), f("Parents.ExperimentName", "Equals", "e2"))}},
			[]Hint{{FieldParentTrialName, []string{"t3"}}, {FieldParentExperimentName, []string{"e2"}}}},
		{"a sub-expression under And", tc, &Expression{Filters: []Filter{f("Tags.team", "Exists", "")}, SubExpressions: []Expression{*and(f("Parents.TrialName", "Equals", "t1"))}},
			[]Hint{{FieldParentTrialName, []string{"t1"}}}},
		{"an Or of one filter", tc, or(f("TrialComponentName", "Equals", "b")), []Hint{{FieldName, []string{"b"}}}},
		{"an Or whose every branch names one field", tc, or(f("Parents.TrialName", "Equals", "t1"), f("Parents.TrialName", "In", "t3,t4")),
			[]Hint{{FieldParentTrialName, []string{"t1", "t3", "t4"}}}},
		{"an Or of sub-expressions that each require the field", tc, &Expression{Operator: s("Or"), SubExpressions: []Expression{
			*and(f("Parents.TrialName", "Equals", "t1"), f("Tags.team", "Equals", "ml")),
			*and(f("Parents.TrialName", "Equals", "t2"), f("TrialComponentName", "Equals", "b")),
		}}, []Hint{{FieldParentTrialName, []string{"t1", "t2"}}}},
		{"an Or inside an And", tc, &Expression{Filters: []Filter{f("Source.SourceArn", "Equals", "arn:z")}, SubExpressions: []Expression{*or(f("TrialComponentName", "Equals", "a"), f("TrialComponentName", "Equals", "b"))}},
			[]Hint{{FieldName, []string{"a", "b"}}, {FieldSourceArn, []string{"arn:z"}}}},
		{"an In of nothing", tc, and(f("Parents.TrialName", "In", ",")), []Hint{{FieldParentTrialName, nil}}},
		{"trials of an experiment", ExperimentTrial, and(f("ExperimentName", "Equals", "e1")), []Hint{{FieldExperimentName, []string{"e1"}}}},
		{"trials of a component", ExperimentTrial, and(f("TrialComponentSummaries.TrialComponentName", "Equals", "a")), []Hint{{FieldSummaryName, []string{"a"}}}},
		{"experiments by name", Experiment, and(f("experimentname", "Equals", "e2")), []Hint{{FieldName, []string{"e2"}}}},

		// Negatives: nothing every match must satisfy.
		{"no expression", tc, nil, nil},
		{"an Or with a branch on another field", tc, or(f("Parents.TrialName", "Equals", "t1"), f("DisplayName", "Equals", "beta")), nil},
		{"an Or with a branch that is not Equals", tc, or(f("Parents.TrialName", "Equals", "t1"), f("Parents.TrialName", "Contains", "t")), nil},
		{"an Or of sub-expressions, one without the field", tc, &Expression{Operator: s("Or"), SubExpressions: []Expression{
			*and(f("Parents.TrialName", "Equals", "t1")), *and(f("Tags.team", "Equals", "ml")),
		}}, nil},
		{"an Or with a nested group on another field", tc, &Expression{Operator: s("Or"), Filters: []Filter{f("Parents.TrialName", "Equals", "t1")},
			NestedFilters: []Nested{parentsGroup(f("Parents.ExperimentName", "Equals", "e2"))}}, nil},
		{"NotEquals", tc, and(f("Parents.TrialName", "NotEquals", "t1")), nil},
		{"NotEquals in a nested group", tc, &Expression{NestedFilters: []Nested{parentsGroup(f("Parents.TrialName", "NotEquals", "t1"))}}, nil},
		{"Contains", tc, and(f("TrialComponentName", "Contains", "a")), nil},
		{"Exists", tc, and(f("Source.SourceArn", "Exists", "")), nil},
		{"a keyed tag", tc, and(f("Tags.team", "Equals", "ml")), nil},
		{"a parameter", tc, and(f("Parameters.opt", "Equals", "adam")), nil},
		{"a metric statistic", tc, and(f("Metrics.acc.SourceArn", "Equals", "arn:m")), nil},
		{"a time", tc, and(f("CreationTime", "Equals", "2024-05-01T13:00:00")), nil},
		{"an unsupported property", tc, and(f("CreatedBy.UserProfileName", "Equals", "x")), nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			q, err := Compile(c.resource, c.expr)
			require.NoError(t, err)
			if diff := cmp.Diff(c.want, q.Hints()); diff != "" {
				t.Errorf("hints (-want +got):\n%s", diff)
			}
			for _, h := range c.want {
				vs, ok := q.Hint(h.Field)
				require.True(t, ok)
				require.Equal(t, h.Values, vs)
			}
			_, ok := q.Hint(FieldDescription)
			require.False(t, ok)
			requireHintsSound(t, q, fixture(c.resource))
		})
	}
}

// requireHintsSound checks that every hint of q, served as an engine would serve it (an index
// from a field's values, folding case, to records), finds every record a full scan finds.
func requireHintsSound[R Record](t testing.TB, q *Query, rs []R) {
	t.Helper()
	var full []int
	for i, r := range rs {
		if q.Match(r) {
			full = append(full, i)
		}
	}
	for _, h := range q.Hints() {
		var viaHint []int
		for i, r := range rs {
			if hasAny(r, h) && q.Match(r) {
				viaHint = append(viaHint, i)
			}
		}
		if diff := cmp.Diff(full, viaHint); diff != "" {
			t.Fatalf("hint %s %v loses or adds matches (-full scan +via hint):\n%s", h.Field, h.Values, diff)
		}
	}
}

// hasAny is the candidate test of an index on h.Field that folds case, like the engine's name
// index: a superset of what Match accepts.
func hasAny(r Record, h Hint) bool {
	var vals []Value
	switch list := listOf(h.Field); list {
	case FieldNone:
		vals = []Value{r.Get(h.Field, "")}
	default:
		for i := range r.Len(list) {
			vals = append(vals, r.Elem(list, i, h.Field))
		}
	}
	for _, v := range vals {
		for _, want := range h.Values {
			if v.Kind() == KindText && strings.EqualFold(v.s, want) {
				return true
			}
		}
	}
	return false
}

func listOf(f Field) Field {
	switch {
	case f == FieldParentTrialName || f == FieldParentExperimentName:
		return FieldParents
	case f >= FieldMetricName && f <= FieldMetricSourceArn:
		return FieldMetrics
	case f >= FieldSummaryName && f <= FieldSummaryCreationTime:
		return FieldTrialComponentSummaries
	}
	return FieldNone
}
