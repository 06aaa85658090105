package pzfilter

import (
	"slices"
	"strings"
)

// mostRecent keeps the most recent limit interactions of each event type (event types compared
// ignoring case, as filters match them), as AWS's filters consider only those. Interactions are
// handed over oldest first; of two with the same time, the later in the list is the more
// recent. The common case, no type over the limit, returns hist itself.
func mostRecent(hist []Interaction, limit int) []Interaction {
	if len(hist) <= limit {
		return hist
	}
	counts := map[string]int{}
	over := false
	for i := range hist {
		k := strings.ToLower(hist[i].EventType)
		counts[k]++
		over = over || counts[k] > limit
	}
	if !over {
		return hist
	}
	order := make([]int, len(hist))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { // newest first
		if c := hist[b].Timestamp.Compare(hist[a].Timestamp); c != 0 {
			return c
		}
		return b - a
	})
	kept := make([]Interaction, 0, len(hist))
	taken := map[string]int{}
	for _, i := range order {
		k := strings.ToLower(hist[i].EventType)
		if taken[k] < limit {
			taken[k]++
			kept = append(kept, hist[i])
		}
	}
	return kept
}
