package engine

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

// The ring keeps the most recent calls, oldest first, across chunk boundaries and wraps.
func TestCallLogRing(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ limit, adds int }{
		{limit: 1, adds: 3},
		{limit: 3, adds: 2},
		{limit: callChunk, adds: callChunk},
		{limit: callChunk + 1, adds: 3*callChunk + 7},
		{limit: 2*callChunk + 5, adds: 2*callChunk + 4},
		{limit: 600, adds: 1000},
		{limit: -1, adds: 10},
	} {
		t.Run(fmt.Sprintf("limit=%d/adds=%d", tc.limit, tc.adds), func(t *testing.T) {
			t.Parallel()
			l := callLog{limit: tc.limit}
			for range tc.adds {
				l.add(Call{})
			}
			got := l.snapshot()
			keep := max(0, min(tc.limit, tc.adds))
			require.Len(t, got, keep)
			for i, c := range got {
				require.Equal(t, uint64(tc.adds-keep+i+1), c.Seq, "position %d", i)
			}
			l.reset()
			require.Empty(t, l.snapshot())
		})
	}
}
