package engine

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/shape/personalize"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// twoInOneState builds an engine and makes the same calls on it every time.
func twoInOneState(t *testing.T) *Engine {
	t.Helper()
	e := New(Config{Clock: newStepClock(), Seed: 1})
	s := func(v string) *string { return &v }
	for _, c := range []struct {
		op *Op
		in any
	}{
		{OpCreateAction, &sagemaker.CreateActionInput{ActionName: s("a"), ActionType: s("t"), Description: s("d"),
			Source:             &sagemaker.ActionSource{SourceUri: s("s3://x"), SourceType: s("S3")},
			MetadataProperties: &sagemaker.MetadataProperties{CommitId: s("c1")}, Properties: map[string]string{"k": "v"}}},
		{OpCreateDatasetGroup, &personalize.CreateDatasetGroupInput{Name: s("g"), Tags: []personalize.Tag{{TagKey: s("k"), TagValue: s("v")}}}},
	} {
		_, err := e.Invoke(context.Background(), Scope{}, c.op, c.in)
		require.NoError(t, err)
	}
	return e
}

// Two engines in one state digest alike (pointers are followed, not printed as addresses), and
// a write through a pointer the state holds changes the digest.
func TestDigestFollowsPointers(t *testing.T) {
	t.Parallel()
	a, b := twoInOneState(t), twoInOneState(t)
	require.Equal(t, a.Digest(), b.Digest(), "two engines in one state")

	before := a.Digest()
	act := a.worlds[Scope{Account: DefaultAccount, Region: DefaultRegion}].actions.items["a"]
	*act.source.SourceType = "Git" // a write through a pointer inside a struct
	require.NotEqual(t, before, a.Digest(), "a change behind a pointer")
	*act.source.SourceType = "S3"
	require.Equal(t, before, a.Digest())
	*act.metadata.CommitId = "c2"
	require.NotEqual(t, before, a.Digest(), "a change behind a pointer to a struct")
}

// Every kind of resource is in the digest: a table that is added is digested without anyone
// remembering to add it.
func TestDigestSeesEveryTable(t *testing.T) {
	t.Parallel()
	e := twoInOneState(t)
	w := e.worlds[Scope{Account: DefaultAccount, Region: DefaultRegion}]
	for _, tb := range w.tables {
		if len(tb.all()) == 0 {
			continue
		}
		before := e.Digest()
		r := tb.all()[0]
		r.base().tags = r.base().tags.merged([]tag{{key: "new", value: "tag"}})
		require.NotEqual(t, before, e.Digest(), "a change to a %s", tb.kindName())
	}
}
