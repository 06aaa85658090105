package search

import (
	"encoding/json"
	"errors"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var fuzzResources = []string{Experiment, ExperimentTrial, ExperimentTrialComponent}

// fuzzRecords is the fixture plus records whose names differ from others only in case, so a
// case-folding index (a superset) is exercised against Match's exact comparison.
func fuzzRecords(resource string) []*rec {
	rs := fixture(resource)
	switch resource {
	case ExperimentTrialComponent:
		x := newRec(resource, "F", 6).with(FieldDisplayName, Text("Alpha")).with(FieldSourceArn, Text(arnPrefix+"training-job/JOB-A"))
		x.parents = []parent{{"T1", "E1"}, {"t2", "e1"}}
		x.tags = []kv{{"team", "ML"}}
		x.params = map[string]Value{"lr": Text("0.5")}
		x.metrics = []metricSummary{{"acc", map[Field]Value{FieldMetricMax: Number(0.9), FieldMetricLast: Number(-1)}}}
		rs = append(rs, x)
	case ExperimentTrial:
		rs = append(rs, newRec(resource, "T5", 5).with(FieldExperimentName, Text("E1")))
	case Experiment:
		rs = append(rs, newRec(resource, "E4", 4))
	}
	return rs
}

// FuzzSearchExpression compiles any expression (as the JSON of the model's SearchExpression)
// against a fixed set of records and checks that nothing panics, that refusals are *Error,
// that every hint finds exactly what a full scan finds, and that sorted results are sorted.
func FuzzSearchExpression(f *testing.F) {
	f.Fuzz(func(t *testing.T, resource uint8, exprJSON []byte, sortBy string, ascending bool) {
		res := fuzzResources[int(resource)%len(fuzzResources)]
		var e *Expression
		if len(exprJSON) > 0 {
			e = new(Expression)
			if json.Unmarshal(exprJSON, e) != nil {
				t.Skip()
			}
		}
		q, err := Compile(res, e)
		if err != nil {
			requireSearchError(t, err)
			return
		}
		rs := fuzzRecords(res)
		requireHintsSound(t, q, rs)

		var matches []*rec
		for _, r := range rs {
			if q.Match(r) {
				matches = append(matches, r)
			}
		}
		order := map[bool]string{true: "Ascending", false: "Descending"}
		var by *string
		if sortBy != "" {
			by = &sortBy
		}
		o, err := NewOrder(res, by, s(order[ascending]))
		if err != nil {
			requireSearchError(t, err)
			return
		}
		Sort(o, matches)
		for i := 1; i < len(matches); i++ {
			if o.Compare(matches[i-1], matches[i]) > 0 || o.Compare(matches[i], matches[i-1]) < 0 {
				t.Fatalf("sorted by %q %s: %s before %s", sortBy, order[ascending], matches[i-1].name(), matches[i].name())
			}
		}
		requireReversible(t, o, res, by, order[!ascending], matches)
	})
}

// requireReversible: sorted the other way, the records that have the sort property come in
// the exact reverse order (lists excepted: they sort by their least value one way and their
// greatest the other).
func requireReversible(t *testing.T, o *Order, res string, by *string, other string, sorted []*rec) {
	t.Helper()
	if o.p.list != FieldNone {
		return
	}
	back, err := NewOrder(res, by, &other)
	if err != nil {
		t.Fatalf("the order is valid one way and not the other: %v", err)
	}
	reversed := slices.Clone(sorted)
	Sort(back, reversed)
	present := func(rs []*rec) []string {
		var out []string
		for _, r := range rs {
			if o.key(r).Kind() != Absent {
				out = append(out, r.name())
			}
		}
		return out
	}
	want := present(sorted)
	slices.Reverse(want)
	if got := present(reversed); !slices.Equal(want, got) {
		t.Fatalf("%s is not the reverse: want %v, got %v", other, want, got)
	}
}

func requireSearchError(t *testing.T, err error) {
	t.Helper()
	var se *Error
	if !errors.As(err, &se) || se.Message == "" {
		t.Fatalf("refusal %v (%T) is not a *Error with a message", err, err)
	}
}

// vocabulary is what random expressions are made of, per resource: property names with the
// values to try on each (including values that differ only in case from the records' own),
// and the element fields of each nested list.
var vocabulary = map[string]struct {
	names  map[string][]string
	nested map[string][]string
}{
	ExperimentTrialComponent: {
		names: map[string][]string{
			"Parents.TrialName":      {"t1", "T1", "t2", "t3", "t1,t3", "t2,T1"},
			"Parents.ExperimentName": {"e1", "E1", "e2"},
			"TrialComponentName":     {"a", "b", "F", "f", "a,b,F"},
			"TrialComponentArn":      {arnPrefix + "experiment-trial-component/a", arnPrefix + "experiment-trial-component/F"},
			"DisplayName":            {"alpha", "Alpha", "lph"},
			"Source.SourceArn":       {arnPrefix + "training-job/job-a", arnPrefix + "training-job/JOB-A"},
			"Tags.team":              {"ml", "ML", "cv"},
			"Parameters.lr":          {"0.5", "1", "0.05"},
			"Parameters.opt":         {"adam", "0.5"},
			"Metrics.acc.Max":        {"0.8", "0.9"},
			"Metrics.MetricName":     {"acc", "loss"},
			"Metrics.Max":            {"1", "0.8"},
			"Metrics.Last":           {"0.8", "-1"},
			"CreationTime":           {"2024-05-01T14:00:00", "1714572000"},
			"StartTime":              {"2024-05-01T13:00:00"},
			"Status.PrimaryStatus":   {"Completed", "Failed"},
			"Parents":                {"x"},
			"Tags":                   {"x"},
		},
		nested: map[string][]string{"Parents": {"Parents.TrialName", "Parents.ExperimentName"}, "Metrics": {"Metrics.MetricName", "Metrics.Max", "Metrics.Last"}},
	},
	ExperimentTrial: {
		names: map[string][]string{
			"TrialName":      {"t1", "T1", "t5", "T5", "t1,t2"},
			"ExperimentName": {"e1", "E1", "e2"},
			"DisplayName":    {"t2", "T2"},
			"TrialComponentSummaries.TrialComponentName": {"a", "e", "A", "a,e"},
			"Tags.stage":                           {"dev"},
			"CreationTime":                         {"2024-05-01T13:30:00"},
			"TrialComponentSummaries":              {"x"},
			"TrialComponentSummaries.CreationTime": {"2024-05-01T13:30:00"},
			"TrialComponentSummaries.TrialComponentSource.SourceArn": {arnPrefix + "processing-job/job-b"},
		},
		nested: map[string][]string{"TrialComponentSummaries": {"TrialComponentSummaries.TrialComponentName", "TrialComponentSummaries.CreationTime", "TrialComponentSummaries.TrialComponentSource.SourceArn"}},
	},
}

var randomOperators = []string{"", "Equals", "Equals", "Equals", "NotEquals", "In", "In", "Exists", "NotExists", "Contains", "GreaterThan", "LessThanOrEqualTo"}

type exprGen struct {
	resource string
	rnd      *rand.Rand
	names    []string            // the vocabulary's names, sorted so the seed decides all
	values   map[string][]string // values by name
	nested   map[string][]string
}

func newExprGen(resource string, seed uint64) *exprGen {
	v := vocabulary[resource]
	return &exprGen{resource: resource, rnd: rand.New(rand.NewPCG(22, seed)), names: slices.Sorted(maps.Keys(v.names)), values: v.names, nested: v.nested}
}

func (g *exprGen) pick(xs []string) string { return xs[g.rnd.IntN(len(xs))] }

// filter draws filters until one compiles on its own (an operator of the wrong kind does
// not), so that whole expressions compile often enough to test something.
func (g *exprGen) filter(names []string) Filter {
	for {
		fl := Filter{Name: g.pick(names)}
		if o := g.pick(randomOperators); o != "" {
			fl.Operator = s(o)
		}
		if fl.Operator == nil || !(*fl.Operator == "Exists" || *fl.Operator == "NotExists") {
			fl.Value = s(g.pick(g.values[fl.Name]))
		}
		if _, err := Compile(g.resource, and(fl)); err == nil {
			return fl
		}
		list, _, _ := strings.Cut(fl.Name, ".")
		if _, err := Compile(g.resource, &Expression{NestedFilters: []Nested{{NestedPropertyName: list, Filters: []Filter{fl}}}}); err == nil {
			return fl
		}
	}
}

func (g *exprGen) expression(depth int) Expression {
	var e Expression
	if g.rnd.IntN(2) == 0 {
		e.Operator = s(g.pick([]string{"And", "Or"}))
	}
	for range g.rnd.IntN(3) {
		e.Filters = append(e.Filters, g.filter(g.names))
	}
	if len(g.nested) > 0 && g.rnd.IntN(3) == 0 {
		list := g.pick(slices.Sorted(maps.Keys(g.nested)))
		n := Nested{NestedPropertyName: list}
		for range 1 + g.rnd.IntN(2) {
			n.Filters = append(n.Filters, g.filter(g.nested[list]))
		}
		e.NestedFilters = []Nested{n}
	}
	if depth < 3 {
		for range g.rnd.IntN(3) {
			e.SubExpressions = append(e.SubExpressions, g.expression(depth+1))
		}
	}
	if e.Filters == nil && e.NestedFilters == nil && e.SubExpressions == nil {
		e.Filters = []Filter{g.filter(g.names)}
	}
	return e
}

// TestRandomExpressions checks FuzzSearchExpression's invariants on expressions drawn, with a
// fixed seed, from valid names, operators and values: a hint finds exactly what a full scan
// finds, and sorting agrees with Compare. It proves the test compiles enough of them to mean
// something.
func TestRandomExpressions(t *testing.T) {
	t.Parallel()
	for _, res := range []string{ExperimentTrialComponent, ExperimentTrial} {
		t.Run(res, func(t *testing.T) {
			t.Parallel()
			g := newExprGen(res, uint64(len(res)))
			rs := fuzzRecords(res)
			compiled, hinted, matched := 0, 0, 0
			for range 3000 {
				e := g.expression(0)
				q, err := Compile(res, &e)
				if err != nil {
					requireSearchError(t, err)
					continue
				}
				compiled++
				if len(q.Hints()) > 0 {
					hinted++
				}
				if len(names(q, rs)) > 0 {
					matched++
				}
				requireHintsSound(t, q, rs)
			}
			t.Logf("%d compiled, %d with hints, %d matching something", compiled, hinted, matched)
			require.Greater(t, compiled, 1000, "too few expressions compiled")
			require.Greater(t, hinted, 200, "too few expressions had hints")
			require.Greater(t, matched, 300, "too few expressions matched anything")
		})
	}
}
