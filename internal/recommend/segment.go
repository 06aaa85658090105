package recommend

import (
	"cmp"
	"fmt"
	"slices"
)

// Segment answers one query of a batch segment job (Item-Affinity, Item-Attribute-Affinity: the
// caller resolves an attribute query to the items it matches): the users who interacted with the
// most of the given items, most first, then by user id; users with none are not in the segment.
// keep (nil keeps all) filters users; n ≤ 0 means no limit. It returns ErrWrongOperation for a
// recipe that is not a user-segmentation one.
func (m *Model) Segment(itemIDs []string, n int, keep func(userID string) bool) ([]string, error) {
	if m.info.Family != UserSegmentation {
		return nil, fmt.Errorf("%w: %s (%s) does not serve batch segment jobs", ErrWrongOperation, m.info.Name, m.info.Family)
	}
	counts := map[int32]int{}
	seen := map[int32]bool{}
	for _, id := range itemIDs {
		i, ok := m.items.lookup(id)
		if !ok || seen[i] {
			continue
		}
		seen[i] = true
		for _, u := range m.itemRows.row(i) {
			counts[u]++
		}
	}
	users := make([]int32, 0, len(counts))
	for u := range counts {
		if keep == nil || keep(m.users.ids[u]) {
			users = append(users, u)
		}
	}
	slices.SortFunc(users, func(a, b int32) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	if n > 0 && len(users) > n {
		users = users[:n]
	}
	out := make([]string, len(users))
	for k, u := range users {
		out[k] = m.users.ids[u]
	}
	return out, nil
}
