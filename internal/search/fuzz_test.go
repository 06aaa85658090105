package search

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
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
