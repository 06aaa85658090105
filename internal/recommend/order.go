package recommend

import (
	"slices"
)

// ordering walks one query's answer order lazily: first the primary tier (the items the rule
// found relevant, best first), then the fallback (items with interactions, most popular first)
// without the primary tier's items. Only as much of the primary tier is sorted as the answer
// reads, so a query costs what its candidates cost, not the catalogue.
type ordering struct {
	keys      []uint64 // the primary tier, as descKey(value, item)
	sorted    int      // keys[:sorted] are in order; the rest rank below them, unordered
	want      int      // how many to sort first (the answer's size plus what it may skip)
	inPrimary func(i int32) bool
	fallback  []int32
	pos       int
}

// next returns the next item and its position in the whole order.
func (o *ordering) next() (int32, int, bool) {
	for {
		if o.pos < len(o.keys) {
			if o.pos >= o.sorted {
				o.sortMore()
			}
			o.pos++
			return keyItem(o.keys[o.pos-1]), o.pos - 1, true
		}
		f := o.pos - len(o.keys)
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

// sortMore sorts the next stretch of the primary tier: the first want keys, then twice as many
// each time a filter makes the answer read further.
func (o *ordering) sortMore() {
	rest := o.keys[o.sorted:]
	k := max(o.want, o.sorted, 1)
	if 2*k >= len(rest) {
		slices.Sort(rest)
		o.sorted = len(o.keys)
		return
	}
	topKeys(rest, k)
	o.sorted += k
}

// primary builds the ordering's primary tier from the items the query touched.
func (o *ordering) primary(s *scratch) {
	s.keys = s.keys[:0]
	for _, i := range s.touched {
		if s.raw[i] > 0 { // an evaluation may have taken an item's relevance back to 0
			s.keys = append(s.keys, descKey(s.raw[i], i))
		}
	}
	o.keys, o.inPrimary = s.keys, s.relevant
}
