package engine

import (
	"slices"
)

// Generation counts the changes to the engine's state: every call that succeeded (or whose
// response a scenario lost, after it took effect), every batch of seeds put in place, every
// Reset. Two equal readings mean no call changed anything in between, so a periodic saver can
// skip taking a snapshot. Reads count too (a successful DescribeAction), which only costs a
// snapshot that turns out unchanged; a status that moves with the clock does not, since a
// state document restores statuses from their timestamps.
func (e *Engine) Generation() uint64 { return e.generation.Load() }

// Regions returns the Regions in which some account holds resources, in order: what a message
// about a Region name that looks mistyped lists.
func (e *Engine) Regions() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []string
	for s, w := range e.worlds {
		for _, t := range w.tables {
			if t.count() > 0 || len(t.all()) > 0 {
				out = append(out, s.Region)
				break
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
