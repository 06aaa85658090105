package engine

import (
	"testing"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"
)

// testWriter completes at a time with objects, or fails (no objects).
type testWriter struct {
	at      time.Time
	objects []Object
	fails   bool
	asked   int
}

func (w *testWriter) objectsAt(now time.Time) ([]Object, bool) {
	w.asked++
	if now.Before(w.at) {
		return nil, false
	}
	if w.fails {
		return nil, true
	}
	return w.objects, true
}

func TestObjectStoreWritesWhenJobsComplete(t *testing.T) {
	t.Parallel()
	clk := clock.NewMock()
	t0 := clk.Now().UTC()
	e := New(Config{Clock: clk})
	early := &testWriter{at: t0.Add(time.Minute), objects: []Object{{URI: "s3://b/x", Body: []byte("early"), At: t0.Add(time.Minute)}}}
	late := &testWriter{at: t0.Add(2 * time.Minute), objects: []Object{{URI: "s3://b/x", Body: []byte("late"), At: t0.Add(2 * time.Minute)},
		{URI: "s3://b/y/z", Body: []byte("z"), At: t0.Add(2 * time.Minute)}}}
	failed := &testWriter{at: t0, fails: true}
	e.mu.Lock()
	for _, w := range []objectWriter{early, late, failed} {
		e.objects.expect(w)
	}
	e.mu.Unlock()

	require.Empty(t, e.Objects(""), "nothing has completed")
	clk.Add(2 * time.Minute)
	// The late job is seen first (described), the early one after: the later write still wins.
	e.mu.Lock()
	e.objects.settleOne(late, e.now())
	e.mu.Unlock()
	body, ok := e.Object("s3://b/x")
	require.True(t, ok)
	require.Equal(t, "late", string(body))
	require.Equal(t, []string{"s3://b/x", "s3://b/y/z"}, e.Objects("s3://b/"))
	require.Equal(t, []string{"s3://b/y/z"}, e.Objects("s3://b/y"))

	// A writer is asked until it is done, then never again; describing it again writes nothing.
	asked := late.asked
	e.mu.Lock()
	e.objects.settleOne(late, e.now())
	e.objects.settle(e.now())
	e.mu.Unlock()
	require.Equal(t, asked, late.asked)
	require.Empty(t, e.objects.pending)

	body[0] = 'X'
	again, _ := e.Object("s3://b/x")
	require.Equal(t, "late", string(again), "Object returns a copy")

	e.Reset()
	_, ok = e.Object("s3://b/x")
	require.False(t, ok, "Reset forgets what jobs wrote")
}

func TestObjectKey(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ dest, want string }{
		{"s3://b/folder/", "s3://b/folder/job/part-00000.csv"},
		{"s3://b/folder", "s3://b/folder/job/part-00000.csv"},
		{"s3://b", "s3://b/job/part-00000.csv"},
	} {
		t.Run(tc.dest, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tc.want, objectKey(tc.dest, exportObjectName("job")))
		})
	}
}
