package recommend

import (
	"strings"
	"sync"
)

// Model is what a solution version keeps: the indexes its recipe's rule answers from, built
// once by Train from the data as it was then. A Model never changes after Train, so any number
// of goroutines may ask it at once.
type Model struct {
	info   RecipeInfo
	filter eventFilter
	stats  Stats

	items idTable // every item the model knows, interned in id order
	users idTable // every user with an interaction, interned in id order

	// userRows lists each user's distinct items, most recent first. neighbours lists, per item,
	// the items most often seen with it (see buildNeighbours); pop counts each item's distinct
	// users. itemRows (each item's users) is kept only for segmentation.
	userRows     csr
	neighbours   []neighbour
	neighbourOff []int32
	pop          []int32
	itemRows     csr

	popOrder []int32 // items with interactions, by distinct users (most first), then id
	latest   int64   // the most recent interaction's timestamp
	cold     []int32 // items without interactions, newest first (see exploreKey), then id
	created  []int64 // each item's CreationTimestamp (0 when unknown)

	trend  []uint64 // Trending-Now: descKey(growth, item) of the items whose count grew, sorted
	growth []int32  // Trending-Now: each item's growth

	excluded map[string][]int32 // domain use cases: each user's excluded items (sorted)

	itemFeatures csr // Similar-Items: each item's property values (feature ids, sorted)
	featureItems csr // Similar-Items: each feature's items, by popularity then id

	objective []float64 // each item's optimization-objective attribute value

	actions *actionModel // Next-Best-Action

	metricsOnce sync.Once
	metrics     map[string]float64

	scratch sync.Pool // *scratch sized for this model
}

// Recipe returns what the model knows of its recipe.
func (m *Model) Recipe() RecipeInfo { return m.info }

// Stats describes the data the model was trained on.
func (m *Model) Stats() Stats { return m.stats }

// idTable interns string ids to dense int32 indexes; after sortIDs, index order is id order, so
// comparing indexes compares ids.
type idTable struct {
	ids   []string
	index map[string]int32
}

func newIDTable(hint int) idTable {
	return idTable{index: make(map[string]int32, hint)}
}

func (t *idTable) lookup(id string) (int32, bool) {
	i, ok := t.index[id]
	return i, ok
}

// add interns id (copying it, so the model holds none of the caller's memory).
func (t *idTable) add(id string) int32 {
	if i, ok := t.index[id]; ok {
		return i
	}
	i := int32(len(t.ids))
	id = cloneString(id)
	t.index[id] = i
	t.ids = append(t.ids, id)
	return i
}

func (t *idTable) len() int { return len(t.ids) }

// csr is a compressed sparse row adjacency: row i is val[off[i]:off[i+1]].
type csr struct {
	off []int32
	val []int32
}

func (c *csr) row(i int32) []int32 {
	if int(i)+1 >= len(c.off) || i < 0 {
		return nil
	}
	return c.val[c.off[i]:c.off[i+1]]
}

// scratch is one query's working memory, reused through the model's pool so that a query
// allocates nothing in proportion to the catalogue.
type scratch struct {
	raw     []uint32 // relevance per item (see relevance); nonzero only for touched items
	touched []int32
	keys    []uint64
	mark    []uint32 // per item: gen = chosen, gen+1 = excluded, gen+2 = the asking user's own
	gen     uint32
	hist    []int32
	picks   []pick
}

// marksPerQuery is how many mark values one query uses (see scratch.mark).
const marksPerQuery = 3

func (m *Model) getScratch() *scratch {
	if s, ok := m.scratch.Get().(*scratch); ok {
		s.gen += marksPerQuery
		if s.gen < marksPerQuery { // wrapped: old marks could collide with new generations
			clear(s.mark)
			s.gen = marksPerQuery
		}
		return s
	}
	n := m.items.len()
	return &scratch{raw: make([]uint32, n), mark: make([]uint32, n), gen: marksPerQuery}
}

func (m *Model) putScratch(s *scratch) {
	for _, i := range s.touched {
		s.raw[i] = 0
	}
	s.touched = s.touched[:0]
	s.hist = s.hist[:0]
	s.picks = s.picks[:0]
	m.scratch.Put(s)
}

func (s *scratch) add(i int32, w uint32) {
	if s.raw[i] == 0 {
		s.touched = append(s.touched, i)
	}
	s.raw[i] += w
}

func (s *scratch) relevant(i int32) bool { return s.raw[i] > 0 }

// Marks: an item is chosen (in the answer), excluded (never in it), the asking user's own
// (counted in co-occurrence, see relevance), or free.
func (s *scratch) choose(i int32)    { s.mark[i] = s.gen }
func (s *scratch) exclude(i int32)   { s.mark[i] = s.gen + 1 }
func (s *scratch) markOwn(i int32)   { s.mark[i] = s.gen + 2 }
func (s *scratch) own(i int32) bool  { return s.mark[i] == s.gen+2 }
func (s *scratch) free(i int32) bool { return s.mark[i] != s.gen && s.mark[i] != s.gen+1 }

// cloneString copies s so the model keeps no reference to the caller's backing arrays (a string
// cut from a large buffer would keep the whole buffer alive).
func cloneString(s string) string { return strings.Clone(s) }
