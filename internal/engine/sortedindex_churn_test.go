package engine

import "testing"

// A table that is written and never listed (a server whose clients add and delete associations
// or actions, and never list them) must not keep what it deleted: the index holds at most a
// constant factor more items than are live.
func TestSortedIndexForgetsRemovedItemsWithoutReads(t *testing.T) {
	t.Parallel()
	x := newSortedIndex(func(a, b *item) bool { return a.n < b.n })
	for n := 0; n < 100_000; n++ {
		it := &item{n: n}
		x.add(it)
		it.dead = true
		x.removed()
	}
	held := len(x.sorted) + len(x.pending)
	if held > 10_000 {
		t.Fatalf("the index holds %d removed items, none live", held)
	}
}
