package engine

import "sort"

// sortedIndex keeps items in one order for paging, cheaply under writes: adds go to a
// pending buffer and removals are only flagged, and the next read sorts the buffer and merges
// it in (O(k log k + n)). Paging through n items with no writes in between costs one merge and
// then O(log n + page) per page: n log n in total, never a sort of the whole set per page.
type sortedIndex[T interface{ isDeleted() bool }] struct {
	less    func(a, b T) bool
	sorted  []T
	pending []T
	dead    int // removals since the last merge (a hint: some may have been in pending)
}

func newSortedIndex[T interface{ isDeleted() bool }](less func(a, b T) bool) *sortedIndex[T] {
	return &sortedIndex[T]{less: less}
}

func (x *sortedIndex[T]) add(v T) { x.pending = append(x.pending, v) }

// removed notes that an item was flagged deleted. Once the deleted outnumber the live, they are
// merged out at once: a table that is written and never listed must not keep what it deleted
// (each merge follows at least as many removals as it keeps items, so its cost is amortized).
func (x *sortedIndex[T]) removed() {
	x.dead++
	if x.dead >= 64 && 2*x.dead > len(x.sorted)+len(x.pending) {
		x.view()
	}
}

// view returns the live items in order. The slice is valid until the next add or removal.
func (x *sortedIndex[T]) view() []T {
	if len(x.pending) == 0 && x.dead == 0 {
		return x.sorted
	}
	live := x.pending[:0]
	for _, v := range x.pending {
		if !v.isDeleted() {
			live = append(live, v)
		}
	}
	sort.SliceStable(live, func(i, j int) bool { return x.less(live[i], live[j]) })
	if x.dead == 0 && (len(x.sorted) == 0 || len(live) == 0 || !x.less(live[0], x.sorted[len(x.sorted)-1])) {
		// The common case for creation order: everything new sorts after everything old.
		x.sorted = append(x.sorted, live...)
		clear(x.pending)
		x.pending = x.pending[:0]
		return x.sorted
	}
	merged := make([]T, 0, len(x.sorted)+len(live))
	i, j := 0, 0
	for i < len(x.sorted) || j < len(live) {
		switch {
		case i < len(x.sorted) && x.sorted[i].isDeleted():
			i++
		case j == len(live) || i < len(x.sorted) && !x.less(live[j], x.sorted[i]):
			merged = append(merged, x.sorted[i])
			i++
		default:
			merged = append(merged, live[j])
			j++
		}
	}
	clear(x.pending)
	x.sorted, x.pending, x.dead = merged, x.pending[:0], 0
	return x.sorted
}

// seek returns the position of the first item for which after(item) is true, in a view.
func seek[T any](items []T, after func(T) bool) int {
	return sort.Search(len(items), func(i int) bool { return after(items[i]) })
}
