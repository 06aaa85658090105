package recommend

import (
	"slices"
	"strconv"
	"strings"
)

// buildFeatures indexes the Items dataset's property values for Similar-Items: each item's
// features (one per field=value pair, a "|"-separated value giving several) and each feature's
// items in the fallback order (popularity, then id; items without interactions last, by id).
func (m *Model) buildFeatures(items []Item) {
	ids := newIDTable(0)
	perItem := make([][]int32, m.items.len())
	for _, it := range items {
		i, ok := m.items.lookup(it.ID)
		if !ok {
			continue
		}
		var feats []int32
		for key, value := range it.Properties {
			for v := range strings.SplitSeq(value, "|") {
				if v = strings.TrimSpace(v); v != "" {
					feats = append(feats, ids.add(key+"\x00"+v))
				}
			}
		}
		slices.Sort(feats)
		perItem[i] = slices.Clip(slices.Compact(feats))
	}
	m.itemFeatures = csrOf(perItem)

	rank := m.fallbackRank()
	perFeature := make([][]int32, ids.len())
	for i, feats := range perItem {
		for _, f := range feats {
			perFeature[f] = append(perFeature[f], int32(i))
		}
	}
	for _, list := range perFeature {
		slices.SortFunc(list, func(a, b int32) int { return int(rank[a] - rank[b]) })
	}
	m.featureItems = csrOf(perFeature)
}

// fallbackRank is each item's position in the popularity order, items without interactions
// after all others, by id.
func (m *Model) fallbackRank() []int32 {
	rank := make([]int32, m.items.len())
	for r, i := range m.popOrder {
		rank[i] = int32(r)
	}
	next := int32(len(m.popOrder))
	for i := range int32(m.items.len()) {
		if m.popularity(i) == 0 {
			rank[i] = next
			next++
		}
	}
	return rank
}

func csrOf(rows [][]int32) csr {
	c := csr{off: make([]int32, len(rows)+1)}
	for i, r := range rows {
		c.off[i+1] = c.off[i] + int32(len(r))
	}
	c.val = make([]int32, 0, c.off[len(rows)])
	for _, r := range rows {
		c.val = append(c.val, r...)
	}
	return c
}

// buildObjective reads each item's optimization-objective attribute as a number (0 when the
// item has none or it is not a number).
func (m *Model) buildObjective(items []Item, attribute string) {
	m.objective = make([]float64, m.items.len())
	for _, it := range items {
		i, ok := m.items.lookup(it.ID)
		if !ok {
			continue
		}
		if v, err := strconv.ParseFloat(strings.TrimSpace(it.Properties[attribute]), 64); err == nil {
			m.objective[i] = v
		}
	}
}
