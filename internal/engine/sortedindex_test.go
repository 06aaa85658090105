package engine

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

type item struct {
	n    int
	dead bool
}

func (i *item) isDeleted() bool { return i.dead }

// TestSortedIndexAgainstASort drives the index with random adds, removals (also of items
// still pending) and reads, and compares every read with sorting the live set.
func TestSortedIndexAgainstASort(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	x := newSortedIndex(func(a, b *item) bool { return a.n < b.n })
	var live []*item
	for step := 0; step < 20000; step++ {
		switch r := rng.IntN(10); {
		case r < 5:
			it := &item{n: rng.IntN(1000)}
			if r == 0 {
				it.n = 1000 + step // in order, the fast path
			}
			x.add(it)
			live = append(live, it)
		case r < 8 && len(live) > 0:
			k := rng.IntN(len(live))
			live[k].dead = true
			x.removed()
			live = slices.Delete(live, k, k+1)
		default:
			got := x.view()
			want := slices.Clone(live)
			slices.SortStableFunc(want, func(a, b *item) int { return a.n - b.n })
			gotN, wantN := make([]int, len(got)), make([]int, len(want))
			for i := range got {
				gotN[i] = got[i].n
			}
			for i := range want {
				wantN[i] = want[i].n
			}
			require.Equal(t, wantN, gotN, "step %d", step)
		}
	}
}
