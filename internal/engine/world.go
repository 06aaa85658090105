package engine

// world is the state of one account and Region: one table per kind of resource, and the
// indexes a kind keeps besides its table (kinds.txt declares both; zz_kinds.go has them).
type world struct {
	scope  Scope
	seq    uint64     // creation order of every resource, a tiebreak for equal timestamps
	tables []anyTable // every table, in the order they were made
	// journal, while a batch of seeds is applied, collects how to take out each resource the
	// batch made, so that a failed batch leaves nothing behind.
	journal *[]func()
	// seeded, while one seed is applied, collects what it created.
	seeded *[]resource

	kindTables
}

func newWorld(s Scope) *world {
	w := &world{scope: s}
	w.makeTables()
	return w
}

func (w *world) nextSeq() uint64 {
	w.seq++
	return w.seq
}
