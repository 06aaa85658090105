package recommend

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Train builds the model a solution version keeps, from the data as it is now. It copies what
// it keeps: appending to or changing data's slices and maps afterwards changes nothing. The
// error is ErrUnknownRecipe or ErrInvalidConfig (wrapped, with the reason).
func Train(cfg Config, data Data) (*Model, error) {
	info, ok := Lookup(cfg.Recipe)
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrUnknownRecipe, cfg.Recipe)
	}
	filter, err := newEventFilter(cfg, info)
	if err != nil {
		return nil, err
	}
	m := &Model{info: info, filter: filter}
	if info.Family == NextBestAction {
		m.actions = trainActions(data)
		m.stats.Actions = m.actions.ids.len()
		m.stats.ActionInteractions = m.actions.interactions
		return m, nil
	}
	window := int64(0)
	if info.Family == TrendingItems {
		if window, err = trendWindow(cfg); err != nil {
			return nil, err
		}
	}
	m.trainItems(cfg, data, window)
	return m, nil
}

// trainItems builds the indexes of the item recipes; each family builds only what it reads.
func (m *Model) trainItems(cfg Config, data Data, window int64) {
	t := m.internInteractions(data)
	m.buildRows(t)
	m.buildPopularity()
	m.buildCold()
	switch m.info.Family {
	case PopularItems:
	case TrendingItems:
		m.buildTrend(t, window)
	default:
		m.buildNeighbours()
	}
	if m.info.Family == UserSegmentation {
		m.itemRows = m.itemUsers()
	}
	if m.info.ExcludeEventType != "" {
		m.buildExcluded(data.Interactions)
	}
	if m.info.Metadata {
		m.buildFeatures(data.Items)
	}
	if cfg.ObjectiveAttribute != "" {
		m.buildObjective(data.Items, cfg.ObjectiveAttribute)
	}
}

// interactions is the kept interactions in columns, ids already interned in id order.
type interactions struct {
	user, item []int32
	ts         []int64
}

// internInteractions keeps the interactions the event filter accepts, interns users and items
// (items of the Items dataset too) in id order, and records the statistics.
func (m *Model) internInteractions(data Data) interactions {
	n := len(data.Interactions)
	t := interactions{user: make([]int32, 0, n), item: make([]int32, 0, n), ts: make([]int64, 0, n)}
	m.users, m.items = newIDTable(0), newIDTable(len(data.Items))
	m.latest = math.MinInt64
	for k := range data.Interactions {
		it := &data.Interactions[k]
		if it.UserID == "" || it.ItemID == "" || !m.filter.keep(it.EventType, it.EventValue) {
			continue
		}
		t.user = append(t.user, m.users.add(it.UserID))
		t.item = append(t.item, m.items.add(it.ItemID))
		t.ts = append(t.ts, it.Timestamp)
		m.latest = max(m.latest, it.Timestamp)
	}
	if len(t.ts) == 0 {
		m.latest = 0
	}
	created := make([]int64, 0, len(data.Items))
	for _, it := range data.Items {
		if it.ID == "" {
			continue
		}
		i := m.items.add(it.ID)
		for int(i) >= len(created) {
			created = append(created, 0)
		}
		created[i] = it.CreatedAt
	}
	userPerm, itemPerm := sortIDs(&m.users), sortIDs(&m.items)
	for k := range t.user {
		t.user[k], t.item[k] = userPerm[t.user[k]], itemPerm[t.item[k]]
	}
	m.created = make([]int64, m.items.len())
	for old, c := range created {
		m.created[itemPerm[old]] = c
	}
	m.stats.Interactions, m.stats.Users, m.stats.Items = len(t.ts), m.users.len(), m.items.len()
	return t
}

// sortIDs renumbers t in id order and returns old index → new index.
func sortIDs(t *idTable) []int32 {
	order := make([]int32, len(t.ids))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(t.ids[a], t.ids[b]) })
	perm := make([]int32, len(order))
	ids := make([]string, len(order))
	for newIdx, old := range order {
		perm[old] = int32(newIdx)
		ids[newIdx] = t.ids[old]
		t.index[ids[newIdx]] = int32(newIdx)
	}
	t.ids = ids
	return perm
}

// buildRows builds userRows: each user's distinct items, most recent first (latest timestamp,
// then latest arrival), and counts each item's distinct users.
func (m *Model) buildRows(t interactions) {
	nu, ni := m.users.len(), m.items.len()
	byUser := countingSort(t.user, nu)
	rows := csr{off: make([]int32, nu+1), val: make([]int32, 0, len(t.user))}
	seen := make([]int32, ni) // u+1 when item already in user u's row
	m.pop = make([]int32, ni)
	for u := range nu {
		seg := byUser.val[byUser.off[u]:byUser.off[u+1]] // interaction indexes, arrival order
		recentFirst(seg, t.ts)
		for _, k := range seg {
			if i := t.item[k]; seen[i] != int32(u)+1 {
				seen[i] = int32(u) + 1
				rows.val = append(rows.val, i)
				m.pop[i]++
			}
		}
		rows.off[u+1] = int32(len(rows.val))
		if len(seg) >= 2 {
			m.stats.UsersWithTwoOrMore++
		}
	}
	rows.val = slices.Clip(rows.val)
	m.userRows = rows
}

// countingSort groups indexes 0..len(keys)-1 by key, keeping their order within a key.
func countingSort(keys []int32, n int) csr {
	c := csr{off: make([]int32, n+1), val: make([]int32, len(keys))}
	for _, k := range keys {
		c.off[k+1]++
	}
	for i := range n {
		c.off[i+1] += c.off[i]
	}
	next := slices.Clone(c.off[:n])
	for idx, k := range keys {
		c.val[next[k]] = int32(idx)
		next[k]++
	}
	return c
}

// recentFirst orders one user's interaction indexes (given in arrival order) most recent first.
// Data usually arrives in time order, so reversing is the common case.
func recentFirst(seg []int32, ts []int64) {
	if slices.IsSortedFunc(seg, func(a, b int32) int { return cmp.Compare(ts[a], ts[b]) }) {
		slices.Reverse(seg)
		return
	}
	slices.SortFunc(seg, func(a, b int32) int {
		if c := cmp.Compare(ts[b], ts[a]); c != 0 {
			return c
		}
		return cmp.Compare(b, a)
	})
}

// itemUsers lists each item's distinct users, in user id order (for segmentation).
func (m *Model) itemUsers() csr {
	ni := m.items.len()
	c := csr{off: make([]int32, ni+1), val: make([]int32, len(m.userRows.val))}
	for i, p := range m.pop {
		c.off[i+1] = c.off[i] + p
	}
	next := slices.Clone(c.off[:ni])
	for u := range int32(m.users.len()) {
		for _, i := range m.userRows.row(u) {
			c.val[next[i]] = u
			next[i]++
		}
	}
	return c
}

// buildPopularity orders the items with interactions by distinct users, most first, then id.
func (m *Model) buildPopularity() {
	for i := range int32(m.items.len()) {
		if m.pop[i] > 0 {
			m.popOrder = append(m.popOrder, i)
		}
	}
	slices.SortFunc(m.popOrder, func(a, b int32) int {
		if c := cmp.Compare(m.popularity(b), m.popularity(a)); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
}

func (m *Model) popularity(i int32) int32 { return m.pop[i] }

// buildCold lists the items with no interaction, newest first (an item without a creation
// timestamp counts as the newest), then by id: the order exploration takes them in.
func (m *Model) buildCold() {
	for i := range int32(m.items.len()) {
		if m.popularity(i) == 0 {
			m.cold = append(m.cold, i)
		}
	}
	slices.SortStableFunc(m.cold, func(a, b int32) int { return cmp.Compare(m.exploreKey(b), m.exploreKey(a)) })
	m.stats.ColdItems = len(m.cold)
}

func (m *Model) exploreKey(i int32) int64 {
	if m.created[i] == 0 {
		return math.MaxInt64
	}
	return m.created[i]
}

// buildTrend counts each item's interactions in the last window (latest-w, latest] and the one
// before (latest-2w, latest-w]; items whose count grew are trending, by growth then id.
func (m *Model) buildTrend(t interactions, w int64) {
	m.growth = make([]int32, m.items.len())
	for k, ts := range t.ts {
		switch {
		case ts > m.latest-w:
			m.growth[t.item[k]]++
		case ts > m.latest-2*w:
			m.growth[t.item[k]]--
		}
	}
	for i, g := range m.growth {
		if g > 0 {
			m.trend = append(m.trend, descKey(uint32(g), int32(i)))
		}
	}
	slices.Sort(m.trend)
}

// buildExcluded records, per user, the items a domain use case never recommends to them: those
// they interacted with by the use case's excluded event type (whatever the training filter).
func (m *Model) buildExcluded(all []Interaction) {
	m.excluded = map[string][]int32{}
	for k := range all {
		it := &all[k]
		if !strings.EqualFold(it.EventType, m.info.ExcludeEventType) {
			continue
		}
		if i, ok := m.items.lookup(it.ItemID); ok {
			u := it.UserID
			if _, ok := m.excluded[u]; !ok {
				u = cloneString(u)
			}
			m.excluded[u] = append(m.excluded[u], i)
		}
	}
	for u, items := range m.excluded {
		slices.Sort(items)
		m.excluded[u] = slices.Clip(slices.Compact(items))
	}
}
