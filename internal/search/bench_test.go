package search

import (
	"fmt"
	"runtime"
	"testing"
)

// analyticsExpression is what AWS's ExperimentAnalytics sends, plus a metric filter.
func analyticsExpression() *Expression {
	return &Expression{
		Filters: []Filter{f("Parents.ExperimentName", "Equals", "exp-1"), f("Metrics.acc.Max", "GreaterThan", "0.5")},
		SubExpressions: []Expression{*or(
			f("Parents.TrialName", "Equals", "trial-1"), f("Parents.TrialName", "Equals", "trial-2"), f("Parents.TrialName", "Equals", "trial-3"))},
	}
}

func BenchmarkCompile(b *testing.B) {
	e := analyticsExpression()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile(ExperimentTrialComponent, e); err != nil {
			b.Fatal(err)
		}
	}
}

// account is n trial components, ten to a trial, and the index an engine keeps from a trial
// name to its components.
type account struct {
	components []*rec
	byTrial    map[string][]*rec
}

func newAccount(n int) *account {
	a := &account{byTrial: map[string][]*rec{}}
	for i := range n {
		r := newRec(ExperimentTrialComponent, fmt.Sprintf("tc-%d", i), i%1000)
		trial := fmt.Sprintf("trial-%d", i/10)
		r.parents = []parent{{trial, fmt.Sprintf("exp-%d", i/1000)}}
		r.tags = []kv{{"team", "ml"}}
		a.components = append(a.components, r)
		a.byTrial[trial] = append(a.byTrial[trial], r)
	}
	return a
}

// BenchmarkSearchOneTrial is "Search for the components of one trial" by a full scan and
// through the hint, with 1,000 and 100,000 components in the account. Each size runs with only
// its own account in memory, as an engine holding that many would.
func BenchmarkSearchOneTrial(b *testing.B) {
	q, err := Compile(ExperimentTrialComponent, and(f("Parents.TrialName", "Equals", "trial-42"), f("Tags.team", "Equals", "ml")))
	if err != nil {
		b.Fatal(err)
	}
	o, err := NewOrder(ExperimentTrialComponent, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1_000, 100_000} {
		a := newAccount(n)
		runtime.GC()
		b.Run(fmt.Sprintf("scan/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				found := search(q, o, a.components)
				if len(found) != 10 {
					b.Fatalf("found %d", len(found))
				}
			}
		})
		b.Run(fmt.Sprintf("hint/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var candidates []*rec
				for _, v := range must(q.Hint(FieldParentTrialName)) {
					candidates = append(candidates, a.byTrial[v]...)
				}
				found := search(q, o, candidates)
				if len(found) != 10 {
					b.Fatalf("found %d", len(found))
				}
			}
		})
		runtime.KeepAlive(a)
	}
}

func search(q *Query, o *Order, candidates []*rec) []*rec {
	var found []*rec
	for _, r := range candidates {
		if q.Match(r) {
			found = append(found, r)
		}
	}
	Sort(o, found)
	return found
}

func must(vs []string, ok bool) []string {
	if !ok {
		panic("no hint")
	}
	return vs
}

// BenchmarkSortAll sorts 100,000 components by the default order: a Search without filters.
func BenchmarkSortAll(b *testing.B) {
	a := newAccount(100_000)
	o, err := NewOrder(ExperimentTrialComponent, nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	rs := make([]*rec, len(a.components))
	b.ReportAllocs()
	for b.Loop() {
		copy(rs, a.components)
		Sort(o, rs)
	}
}
