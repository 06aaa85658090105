package recommend

import (
	"cmp"
	"slices"
)

// ordering walks one query's answer order lazily: first the primary tier (the items the rule
// found relevant, best first), then the fallback (items with interactions, most popular first)
// without the primary tier's items. Only as much of the primary tier is sorted as the answer
// reads, so a query costs what its candidates cost, not the catalogue.
type ordering struct {
	cands     []int32 // the primary tier
	sorted    int     // cands[:sorted] are in order; the rest rank below them, unordered
	want      int     // how many to sort first (the answer's size plus what it may skip)
	key       func(a, b int32) int
	inPrimary func(i int32) bool
	fallback  []int32
	pos       int
}

// next returns the next item and its position in the whole order.
func (o *ordering) next() (int32, int, bool) {
	for {
		if o.pos < len(o.cands) {
			if o.pos >= o.sorted {
				o.sortMore()
			}
			o.pos++
			return o.cands[o.pos-1], o.pos - 1, true
		}
		f := o.pos - len(o.cands)
		if f >= len(o.fallback) {
			return 0, 0, false
		}
		o.pos++
		if i := o.fallback[f]; o.inPrimary == nil || !o.inPrimary(i) {
			return i, o.pos - 1, true
		}
	}
}

func (o *ordering) restart() { o.pos = 0 }

func (o *ordering) sortMore() {
	if o.sorted == 0 && o.want < len(o.cands) {
		topK(o.cands, max(o.want, 1), o.key)
		o.sorted = max(o.want, 1)
		return
	}
	slices.SortFunc(o.cands[o.sorted:], o.key)
	o.sorted = len(o.cands)
}

// byRelevance orders items by relevance (highest first), then id.
func byRelevance(raw []float64) func(a, b int32) int {
	return func(a, b int32) int {
		if c := cmp.Compare(raw[b], raw[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	}
}

// topK moves the k best of c (by key) to c[:k], in order; c[k:] keeps the rest. A bounded heap
// whose root is the worst of the best k so far: one comparison for most of c.
func topK(c []int32, k int, key func(a, b int32) int) {
	if k >= len(c) || len(c) < 64 {
		slices.SortFunc(c, key)
		return
	}
	h := c[:k]
	for i := k/2 - 1; i >= 0; i-- {
		siftDown(h, i, key)
	}
	for j := k; j < len(c); j++ {
		if key(c[j], h[0]) < 0 {
			c[j], h[0] = h[0], c[j]
			siftDown(h, 0, key)
		}
	}
	slices.SortFunc(h, key)
}

// siftDown restores the heap property of h (the worst item at the root) below i.
func siftDown(h []int32, i int, key func(a, b int32) int) {
	for {
		worst, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && key(h[l], h[worst]) > 0 {
			worst = l
		}
		if r < len(h) && key(h[r], h[worst]) > 0 {
			worst = r
		}
		if worst == i {
			return
		}
		h[i], h[worst] = h[worst], h[i]
		i = worst
	}
}
