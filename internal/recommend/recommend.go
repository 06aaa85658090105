package recommend

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// The caps that keep an answer's cost to the asking user's neighbourhood (see also coItems and
// neighbourCap). Small datasets never reach them, so hand-computed answers are exact there.
const (
	historyItems = 10 // a user's most recent distinct items that count
	// unitWeight is the weight of the most recent history item: the r-th weighs unitWeight>>r,
	// so every relevance is a whole number of units (1 unit = 2^-9) and sorts exactly.
	unitWeight   = 1 << (historyItems - 1)
	featureItems = 200 // Similar-Items: each shared property value's items consulted
	maxFeatures  = 1023
	coOccurrence = 1024 // Similar-Items: one co-occurrence outweighs every shared property
)

// Recommend answers GetRecommendations by the recipe's rule (see the package documentation).
// It returns ErrUserRequired or ErrItemRequired when the recipe needs an id the request lacks,
// and ErrWrongOperation for a recipe that GetRecommendations does not serve.
func (m *Model) Recommend(req Request) ([]Recommendation, error) {
	switch f := m.info.Family; {
	case f != UserPersonalization && f != PopularItems && f != TrendingItems && f != RelatedItems:
		return nil, fmt.Errorf("%w: %s (%s) does not serve GetRecommendations", ErrWrongOperation, m.info.Name, f)
	case m.info.UserRequired && req.UserID == "":
		return nil, fmt.Errorf("%w by %s", ErrUserRequired, m.info.Name)
	case m.info.ItemRequired && req.ItemID == "":
		return nil, fmt.Errorf("%w by %s", ErrItemRequired, m.info.Name)
	}
	n := resultCount(req.NumResults, DefaultNumResults, MaxNumResults)
	s := m.getScratch()
	defer m.putScratch(s)
	o := ordering{fallback: m.popOrder}
	switch m.info.Family {
	case UserPersonalization:
		u := m.history(s, req.UserID, req.Live)
		m.relevance(s, u, s.hist)
		o.primary(s)
	case RelatedItems:
		if q, ok := m.items.lookup(req.ItemID); ok {
			m.related(s, q)
			s.exclude(q)
		}
		o.primary(s)
	case TrendingItems:
		o.keys, o.sorted, o.inPrimary = m.trend, len(m.trend), m.trending
	}
	o.want = n + m.excludeForUser(s, req.UserID, req.Live)
	picks := m.pickItems(s, &o, n, &req, m.info.Family == UserPersonalization)
	return m.answer(s, picks), nil
}

func (m *Model) trending(i int32) bool { return m.growth[i] > 0 }

// history fills s.hist with the user's most recent distinct items the model knows, most recent
// first: the live events (latest timestamp first, a later arrival first among equal ones), then
// the trained history. It returns the user's index, or -1 for a user the model never saw.
func (m *Model) history(s *scratch, userID string, live []Interaction) int32 {
	for _, k := range recentLive(live) {
		it := &live[k]
		if !m.filter.keep(it.EventType, it.EventValue) {
			continue
		}
		if i, ok := m.items.lookup(it.ItemID); ok && !slices.Contains(s.hist, i) {
			if s.hist = append(s.hist, i); len(s.hist) == historyItems {
				break
			}
		}
	}
	u, ok := m.users.lookup(userID)
	if !ok {
		return -1
	}
	for _, i := range m.userRows.row(u) {
		if len(s.hist) == historyItems {
			break
		}
		if !slices.Contains(s.hist, i) {
			s.hist = append(s.hist, i)
		}
	}
	return u
}

// recentLive returns the indexes of live, most recent first. Events usually arrive in time order,
// which needs no allocation beyond the index list.
func recentLive(live []Interaction) []int {
	idx := make([]int, len(live))
	for k := range idx {
		idx[k] = len(live) - 1 - k
	}
	if !slices.IsSortedFunc(live, func(a, b Interaction) int { return cmp.Compare(a.Timestamp, b.Timestamp) }) {
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(live[b].Timestamp, live[a].Timestamp) })
	}
	return idx
}

// relevance adds, for the r-th item h of the history (r = 0 for the most recent), weight
// unitWeight>>r (2^-r) times the number of other users who interacted with both h and j, to
// every item j of h's co-occurrence list. The lists count every user, so the asking user's own
// pairs (both items among the user's trained co-occurrence items) are taken off.
func (m *Model) relevance(s *scratch, u int32, hist []int32) {
	if u >= 0 {
		for _, i := range m.coRow(u) {
			s.markOwn(i)
		}
	}
	for r, h := range hist {
		w := uint32(unitWeight >> r)
		ownH := u >= 0 && s.own(h)
		for _, nb := range m.neighboursOf(h) {
			c := uint32(nb.count)
			if ownH && s.own(nb.item) {
				c--
			}
			if c > 0 {
				s.add(nb.item, w*c)
			}
		}
	}
}

// related adds, for the query item q, the number of users who interacted with both q and j to
// every item j of q's co-occurrence list (times coOccurrence for Similar-Items) and, for
// Similar-Items, 1 per property value j shares with q.
func (m *Model) related(s *scratch, q int32) {
	w := uint32(1)
	if m.info.Metadata {
		w = coOccurrence
	}
	for _, nb := range m.neighboursOf(q) {
		s.add(nb.item, w*uint32(nb.count))
	}
	if !m.info.Metadata {
		return
	}
	feats := m.itemFeatures.row(q)
	for _, f := range feats[:min(len(feats), maxFeatures)] {
		items := m.featureItems.row(f)
		for _, j := range items[:min(len(items), featureItems)] {
			if j != q {
				s.add(j, 1)
			}
		}
	}
}

// excludeForUser marks the items a domain use case never recommends to this user (those they
// purchased or watched, in training or since) and returns how many it marked.
func (m *Model) excludeForUser(s *scratch, userID string, live []Interaction) int {
	if m.info.ExcludeEventType == "" {
		return 1 // the related-items query item, at most
	}
	count := 1
	for _, i := range m.excluded[userID] {
		s.exclude(i)
		count++
	}
	for k := range live {
		if !strings.EqualFold(live[k].EventType, m.info.ExcludeEventType) {
			continue
		}
		if i, ok := m.items.lookup(live[k].ItemID); ok {
			s.exclude(i)
			count++
		}
	}
	return count
}
