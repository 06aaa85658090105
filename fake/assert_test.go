package fake_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// recorder is a testing.TB that records failures instead of stopping the test.
type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Helper() {}
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed, r.msg = true, fmt.Sprintf(format, args...)
}

func TestRequireCalls(t *testing.T) {
	t.Parallel()
	f := fake.New()
	ctx := context.Background()
	_, _ = f.SageMaker().CreateAction(ctx, newAction("a"))
	_, _ = f.SageMaker().CreateAction(ctx, newAction("b"))

	ok := &recorder{TB: t}
	fake.RequireCalls(ok, f, "sagemaker", "CreateAction",
		map[string]any{"ActionName": "a"},
		map[string]any{"ActionName": "b", "Source": map[string]any{"SourceUri": "s3://models/b"}})
	require.False(t, ok.failed, ok.msg)

	bad := &recorder{TB: t}
	fake.RequireCalls(bad, f, "sagemaker", "CreateAction", map[string]any{"ActionName": "a"}, map[string]any{"ActionName": "c"})
	require.True(t, bad.failed)
	require.Contains(t, bad.msg, `{"ActionName": string("c")}`)
	require.Contains(t, bad.msg, `{"ActionName": string("b")}`)

	count := &recorder{TB: t}
	fake.RequireCallCount(count, f, "sagemaker", "CreateAction", 3)
	require.True(t, count.failed)
	require.True(t, strings.HasPrefix(count.msg, "awsfake: 2 call(s) to sagemaker.CreateAction, want 3"))
}
