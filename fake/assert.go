package fake

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/awsfake/awsfake/internal/calldoc"
	"github.com/awsfake/awsfake/scenario"
)

// RequireCalls fails t at once unless the recorded calls to one operation are exactly as
// many as wants and, in order, each call's input contains the members of its want (as
// scenario.MatchInput compares them). The failure shows a diff of the wanted members against
// what was sent.
//
//	fake.RequireCalls(t, f, "sagemaker", "CreateAction",
//		map[string]any{"ActionName": "deploy-1"},
//		map[string]any{"ActionName": "deploy-1"}) // the retry
func RequireCalls(t testing.TB, f *Fake, service, operation string, wants ...map[string]any) {
	t.Helper()
	calls := f.CallsTo(service, operation)
	ok := len(calls) == len(wants)
	for i := 0; ok && i < len(wants); i++ {
		ok = scenario.MatchInput(calls[i].Input, wants[i])
	}
	if ok {
		return
	}
	// Show each call's input cut down to the members its want names, so the diff is about
	// what the test asked for.
	got := make([]map[string]any, len(calls))
	for i, c := range calls {
		got[i] = c.Input
		if i < len(wants) {
			got[i] = project(c.Input, wants[i])
		}
	}
	want := make([]map[string]any, len(wants))
	for i, w := range wants {
		want[i] = calldoc.Document(w)
	}
	t.Fatalf("awsfake: %d call(s) to %s.%s, want %d matching (-want +got):\n%s",
		len(calls), service, operation, len(wants), cmp.Diff(want, got))
}

// RequireCallCount fails t at once unless exactly n calls to one operation were recorded.
func RequireCallCount(t testing.TB, f *Fake, service, operation string, n int) {
	t.Helper()
	if calls := f.CallsTo(service, operation); len(calls) != n {
		t.Fatalf("awsfake: %d call(s) to %s.%s, want %d; the calls:\n%v", len(calls), service, operation, n, calls)
	}
}

// project keeps the members of doc that want names, recursively.
func project(doc, want map[string]any) map[string]any {
	out := map[string]any{}
	for k, w := range want {
		v, ok := doc[k]
		if !ok {
			continue
		}
		if wm, isMap := w.(map[string]any); isMap {
			if vm, ok := v.(map[string]any); ok {
				v = project(vm, wm)
			}
		}
		out[k] = v
	}
	return out
}
