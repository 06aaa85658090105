package engine

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/shape"
	sm "github.com/awsfake/awsfake/internal/shape/sagemaker"
)

func ptr[T any](v T) *T { return &v }

func TestShorten(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		s    string
		max  int
		want string
	}{
		{"short", "abc", 4, "abc"},
		{"exactly the limit", "abcd", 4, "abcd"},
		{"long", "abcdef", 4, "abcd…[truncated 2 bytes]"},
		{"no limit", "abcdef", 0, "abcdef"},
		// "é" is two bytes at 3-4: the cut goes before it, never through it.
		{"at a character boundary", "abcé", 4, "abc…[truncated 2 bytes]"},
		{"a character straddling the start", "ééé", 1, "…[truncated 6 bytes]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := shorten(tc.s, tc.max)
			require.Equal(t, tc.want, got)
			require.True(t, utf8.ValidString(got))
		})
	}
}

// longInput is a CreateAction input with a long string in each kind of place: a member, a
// nested structure, a list element, a map value and a map key.
func longInput(n int) *sm.CreateActionInput {
	long := strings.Repeat("x", n)
	return &sm.CreateActionInput{
		ActionName:         ptr("a"),
		ActionType:         ptr("T"),
		Source:             &sm.ActionSource{SourceUri: ptr("s3://b/k"), SourceId: ptr(long)},
		Description:        ptr(long),
		MetadataProperties: &sm.MetadataProperties{CommitId: ptr("c")},
		Properties:         map[string]string{"short": "v", "value": long, long: "key"},
		Tags:               []sm.Tag{{Key: ptr("k"), Value: ptr("v")}, {Key: ptr("k2"), Value: ptr(long)}},
	}
}

// A logged call keeps long strings cut short, on a copy: the input the caller (and the state)
// holds is unchanged, and what held nothing long is shared, not copied.
func TestBoundCallCutsOnACopy(t *testing.T) {
	t.Parallel()
	in := longInput(100)
	before := longInput(100)
	errIn := &Error{Code: "Invalid", Message: "Value '" + strings.Repeat("x", 100) + "' is too long", Status: 400}
	c, size := boundCall(Call{Input: in, Err: errIn, Notes: []string{"short", strings.Repeat("n", 100)}}, 10)

	require.Empty(t, cmp.Diff(before, in), "the caller's input changed")
	require.Equal(t, 400, errIn.Status)
	require.Len(t, errIn.Message, 120, "the caller's error changed")

	got := c.Input.(*sm.CreateActionInput)
	cutX := "xxxxxxxxxx…[truncated 90 bytes]"
	want := &sm.CreateActionInput{
		ActionName:         ptr("a"),
		ActionType:         ptr("T"),
		Source:             &sm.ActionSource{SourceUri: ptr("s3://b/k"), SourceId: ptr(cutX)},
		Description:        ptr(cutX),
		MetadataProperties: &sm.MetadataProperties{CommitId: ptr("c")},
		Properties:         map[string]string{"short": "v", "value": cutX, cutX: "key"},
		Tags:               []sm.Tag{{Key: ptr("k"), Value: ptr("v")}, {Key: ptr("k2"), Value: ptr(cutX)}},
	}
	require.Empty(t, cmp.Diff(want, got))
	require.Same(t, in.ActionName, got.ActionName, "a member with nothing long was copied")
	require.Same(t, in.MetadataProperties, got.MetadataProperties, "a structure with nothing long was copied")
	require.NotSame(t, in.Source, got.Source)
	require.Equal(t, "Value 'xxx…[truncated 110 bytes]", c.Err.Message)
	require.Equal(t, "Invalid", c.Err.Code)
	require.Equal(t, []string{"short", "nnnnnnnnnn…[truncated 90 bytes]"}, c.Notes)
	require.Positive(t, size)
}

// A call with nothing long is logged as it is, its values not copied, and measured.
func TestBoundCallKeepsShortCallsAsTheyAre(t *testing.T) {
	t.Parallel()
	in, out := longInput(5), &sm.CreateActionOutput{ActionArn: ptr("arn")}
	c, size := boundCall(Call{Input: in, Output: out}, 10)
	require.Same(t, in, c.Input)
	require.Same(t, out, c.Output)
	_, bigger := boundCall(Call{Input: longInput(50), Output: out}, 0)
	require.Greater(t, bigger, size, "longer values must measure larger")
	require.GreaterOrEqual(t, bigger-size, 5*45, "each of the five long strings grew by 45 bytes")
}

// The log forgets its oldest calls past its byte budget, keeps order and sequence numbers, and
// keeps the newest call even when it alone is over the budget.
func TestCallLogByteBudget(t *testing.T) {
	t.Parallel()
	call := func(n int) Call { return Call{Input: &sm.DescribeActionInput{ActionName: ptr(strings.Repeat("a", n))}} }
	_, one := boundCall(call(1000), 0)
	l := callLog{limit: 1000, budget: 10 * one}
	for range 25 {
		l.add(call(1000))
		require.LessOrEqual(t, l.bytes, l.budget)
	}
	got := l.snapshot()
	require.Len(t, got, 10)
	for i, c := range got {
		require.Equal(t, uint64(16+i), c.Seq)
	}

	l.add(call(20 * one))
	got = l.snapshot()
	require.Len(t, got, 1, "a call over the whole budget is kept alone")
	require.Equal(t, uint64(26), got[0].Seq)

	l.add(call(1000))
	require.Len(t, l.snapshot(), 1, "the big call goes first")
	require.Equal(t, uint64(27), l.snapshot()[0].Seq)

	l.reset()
	require.Empty(t, l.snapshot())
	require.Zero(t, l.bytes)
}

// The count limit and the byte budget work together across the ring's wrap.
func TestCallLogCountAndBytes(t *testing.T) {
	t.Parallel()
	_, one := boundCall(Call{Input: &sm.DescribeActionInput{ActionName: ptr("a")}}, 0)
	for _, tc := range []struct{ limit, budget, adds, keep int }{
		{limit: 5, budget: 100 * one, adds: 12, keep: 5},
		{limit: 600, budget: 300 * one, adds: 1000, keep: 300},
		{limit: 300, budget: 600 * one, adds: 1000, keep: 300},
		{limit: callChunk + 3, budget: callChunk * one, adds: 3 * callChunk, keep: callChunk},
	} {
		t.Run(fmt.Sprintf("limit=%d/budget=%d", tc.limit, tc.budget/one), func(t *testing.T) {
			t.Parallel()
			l := callLog{limit: tc.limit, budget: tc.budget}
			for range tc.adds {
				l.add(Call{Input: &sm.DescribeActionInput{ActionName: ptr("a")}})
			}
			got := l.snapshot()
			require.Len(t, got, tc.keep)
			for i, c := range got {
				require.Equal(t, uint64(tc.adds-tc.keep+i+1), c.Seq)
			}
		})
	}
}

// Through Invoke: the caller gets AWS's whole message (which echoes the value), the log a
// cut one, and the logged input is cut on a copy of the caller's.
func TestInvokeLogsCutValues(t *testing.T) {
	t.Parallel()
	e := New(Config{CallLogValueBytes: 4096})
	long := strings.Repeat("d", 10_000)
	in := &sm.CreateActionInput{ActionName: ptr("a"), ActionType: ptr("T"), Source: &sm.ActionSource{SourceUri: ptr("s3://b/k")}, Description: ptr(long)}
	_, err := e.Invoke(context.Background(), Scope{}, Lookup(SageMaker, "CreateAction"), in)
	require.ErrorContains(t, err, long, "the caller's message must echo the whole value, as AWS's does")
	require.Equal(t, long, *in.Description)

	calls := e.Calls()
	require.Len(t, calls, 1)
	logged := calls[0].Input.(*sm.CreateActionInput)
	require.Equal(t, strings.Repeat("d", 4096)+"…[truncated 5904 bytes]", *logged.Description)
	require.Less(t, len(calls[0].Err.Message), 4200)
	require.True(t, strings.HasPrefix(calls[0].Err.Message, "1 validation error detected: Value 'ddd"))
}

// TestCallLogMemoryCeiling is the probe: 400 CreateAction calls rejected for a 1 MB
// Description once took a server from 18 MB to 1.23 GB. With the default budget the log keeps
// at most DefaultCallLogBytes (64 MiB), and with a smaller budget, that budget. It is not
// parallel: it reads the heap, which other tests would share.
func TestCallLogMemoryCeiling(t *testing.T) {
	if testing.Short() || raceEnabled() {
		t.Skip("allocates 400 MB over its run, which the race detector makes minutes long (and its heap is not the program's)")
	}
	for _, tc := range []struct {
		name    string
		cfg     Config
		ceiling uint64
	}{
		{"default budget", Config{}, DefaultCallLogBytes},
		{"8 MiB budget", Config{CallLogBytes: 8 << 20}, 8 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			grown, kept := logGrowth(t, tc.cfg, 400, 1<<20)
			t.Logf("the log holds %.1f MiB (%d calls) after 400 rejected 1 MB calls (ceiling %.1f MiB)", float64(grown)/(1<<20), kept, float64(tc.ceiling)/(1<<20))
			require.Less(t, grown, tc.ceiling)
		})
	}
}

// raceEnabled says whether the test binary was built with -race.
func raceEnabled() bool {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range info.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

// logGrowth sends calls CreateAction calls with a Description of size bytes (all rejected)
// and returns how much the heap grew, after collection, while the engine is still alive, and
// how many calls the log kept.
func logGrowth(t *testing.T, cfg Config, calls, size int) (grown uint64, kept int) {
	t.Helper()
	long := strings.Repeat("d", size) // one string shared by every input: only the log's copies count
	op := Lookup(SageMaker, "CreateAction")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	e := New(cfg)
	for i := range calls {
		in := &sm.CreateActionInput{ActionName: ptr(fmt.Sprint("a-", i)), ActionType: ptr("T"), Source: &sm.ActionSource{SourceUri: ptr("s3://b/k")}, Description: &long}
		_, err := e.Invoke(context.Background(), Scope{}, op, in)
		require.Error(t, err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	kept = len(e.Calls()) // and keeps the engine alive to here
	require.Positive(t, kept)
	if after.HeapAlloc < before.HeapAlloc {
		return 0, kept
	}
	return after.HeapAlloc - before.HeapAlloc, kept
}

// BenchmarkBoundCall is the cost the byte budget adds to every call: measuring a typical
// CreateAction's input and output, and a DescribeAction's (nothing long, nothing copied).
func BenchmarkBoundCall(b *testing.B) {
	b.Run("CreateAction", benchmarkBoundCreate)
	b.Run("DescribeAction", func(b *testing.B) {
		at := &shape.Time{}
		user := &sm.UserContext{UserProfileName: ptr("someone")}
		out := &sm.DescribeActionOutput{
			ActionArn: ptr("arn:aws:sagemaker:us-east-1:123456789012:action/a-1"), ActionName: ptr("a-1"),
			ActionType: ptr("ModelDeployment"), CreatedBy: user, CreationTime: at, LastModifiedBy: user,
			LastModifiedTime: at, Description: ptr("what it does"), Properties: map[string]string{"stage": "prod"},
			Source: &sm.ActionSource{SourceUri: ptr("s3://models/model.tar.gz")}, Status: ptr("Completed"),
		}
		c := Call{Input: &sm.DescribeActionInput{ActionName: ptr("a-1")}, Output: out}
		b.ReportAllocs()
		for b.Loop() {
			_, _ = boundCall(c, DefaultCallLogValueBytes)
		}
	})
}

func benchmarkBoundCreate(b *testing.B) {
	in := &sm.CreateActionInput{
		ActionName: ptr("a-1"), ActionType: ptr("ModelDeployment"),
		Source:     &sm.ActionSource{SourceUri: ptr("s3://models/model.tar.gz")},
		Properties: map[string]string{"stage": "prod"},
	}
	out := &sm.CreateActionOutput{ActionArn: ptr("arn:aws:sagemaker:us-east-1:123456789012:action/a-1")}
	c := Call{Input: in, Output: out}
	b.ReportAllocs()
	for b.Loop() {
		_, _ = boundCall(c, DefaultCallLogValueBytes)
	}
}

// BenchmarkInvokeCreateAction measures CreateAction at the engine with the budget (the
// default) and without it (both limits off), so the difference is the budget's cost.
func BenchmarkInvokeCreateAction(b *testing.B) {
	for _, bc := range []struct {
		name string
		cfg  Config
	}{
		{"budget", Config{}},
		{"nobudget", Config{CallLogBytes: -1, CallLogValueBytes: -1}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			op := Lookup(SageMaker, "CreateAction")
			ctx := context.Background()
			var e *Engine
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if i%10_000 == 0 {
					cfg := bc.cfg
					cfg.Quotas = map[string]int{"actions": 0}
					e = New(cfg)
				}
				in := &sm.CreateActionInput{
					ActionName: ptr(fmt.Sprint("a-", i)), ActionType: ptr("ModelDeployment"),
					Source:     &sm.ActionSource{SourceUri: ptr("s3://models/model.tar.gz")},
					Properties: map[string]string{"stage": "prod"},
				}
				if _, err := e.Invoke(ctx, Scope{}, op, in); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// node has every kind a walker handles, though the shapes use fewer: itself through a
// pointer and a slice, an array, a map of lists keyed by numbers, an interface, and an
// unexported field, which is neither measured nor cut.
type node struct {
	Name   string
	Next   *node
	Kids   []node
	Arr    [2]string
	Attrs  map[int][]string
	Any    any
	hidden string
}

func TestWalkerKinds(t *testing.T) {
	t.Parallel()
	long, cutLong := strings.Repeat("y", 20), "yyyyy…[truncated 15 bytes]"
	for _, tc := range []struct {
		name string
		in   *node
		want *node // nil: nothing long
	}{
		{"short everywhere", &node{Name: "a", Next: &node{Name: "b"}, Kids: []node{{Name: "c"}}, Arr: [2]string{"d"},
			Attrs: map[int][]string{1: {"e"}}, Any: &node{Name: "f"}, hidden: long}, nil},
		{"in a name", &node{Name: long}, &node{Name: cutLong}},
		{"through a pointer", &node{Next: &node{Next: &node{Name: long}}}, &node{Next: &node{Next: &node{Name: cutLong}}}},
		{"in a slice", &node{Kids: []node{{Name: "a"}, {Name: long}}}, &node{Kids: []node{{Name: "a"}, {Name: cutLong}}}},
		{"in an array", &node{Arr: [2]string{"a", long}}, &node{Arr: [2]string{"a", cutLong}}},
		{"in a map of lists", &node{Attrs: map[int][]string{1: {"a"}, 2: {"b", long}}}, &node{Attrs: map[int][]string{1: {"a"}, 2: {"b", cutLong}}}},
		{"in an interface", &node{Any: &node{Name: long}}, &node{Any: &node{Name: cutLong}}},
		{"in an interface holding a string", &node{Any: long}, &node{Any: cutLong}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			before := cloneNode(tc.in)
			got, size := boundValue(tc.in, 5)
			require.Positive(t, size)
			require.Empty(t, cmp.Diff(before, tc.in, cmp.AllowUnexported(node{})), "the original changed")
			if tc.want == nil {
				require.Same(t, tc.in, got)
				return
			}
			tc.want.hidden = tc.in.hidden
			require.Empty(t, cmp.Diff(tc.want, got, cmp.AllowUnexported(node{})))
		})
	}
}

func cloneNode(n *node) *node {
	if n == nil {
		return nil
	}
	c := *n
	c.Next = cloneNode(n.Next)
	c.Kids = append([]node(nil), n.Kids...)
	if n.Attrs != nil {
		c.Attrs = map[int][]string{}
		for k, v := range n.Attrs {
			c.Attrs[k] = append([]string(nil), v...)
		}
	}
	if a, ok := n.Any.(*node); ok {
		c.Any = cloneNode(a)
	}
	return &c
}

// The hidden field is no part of the size: a long one measures as an empty one.
func TestWalkerIgnoresUnexportedFields(t *testing.T) {
	t.Parallel()
	_, short := boundValue(&node{Name: "a"}, 0)
	_, hidden := boundValue(&node{Name: "a", hidden: strings.Repeat("h", 1000)}, 0)
	require.Equal(t, short, hidden)
}

// Walkers are built and read from many goroutines at once (run with -race).
func TestWalkersConcurrently(t *testing.T) {
	t.Parallel()
	type a struct{ S *string }
	type b struct{ L []a }
	type c struct{ M map[string]b }
	values := []func() any{
		func() any { return &a{S: ptr("x")} },
		func() any { return &b{L: []a{{S: ptr("x")}}} },
		func() any { return &c{M: map[string]b{"k": {}}} },
		func() any { return &node{Name: "n", Any: &a{}} },
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				v := values[(g+i)%len(values)]()
				if _, size := boundValue(v, 4); size <= 0 {
					t.Errorf("%T measured %d", v, size)
				}
			}
		})
	}
	wg.Wait()
}
