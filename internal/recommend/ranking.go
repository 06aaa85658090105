package recommend

import (
	"cmp"
	"fmt"
	"slices"
)

// Rank answers GetPersonalizedRanking: the input items the model knows, ordered as
// User-Personalization would order them for the user (relevant items by relevance then id, then
// the rest by popularity then id, items without interactions last by id), each scored
// (relevance+1) / Σ over those items of (relevance+1), so their scores sum to 1; then the items
// it does not know, unscored, in input order. Items the filter refuses are left out, and a
// repeated item counts once (at its first place). It returns ErrWrongOperation for a recipe that
// is not Personalized-Ranking and ErrUserRequired without a user.
func (m *Model) Rank(req RankRequest) ([]Recommendation, error) {
	if m.info.Family != PersonalizedRanking {
		return nil, fmt.Errorf("%w: %s (%s) does not serve GetPersonalizedRanking", ErrWrongOperation, m.info.Name, m.info.Family)
	}
	if req.UserID == "" {
		return nil, fmt.Errorf("%w by %s", ErrUserRequired, m.info.Name)
	}
	s := m.getScratch()
	defer m.putScratch(s)
	u := m.history(s, req.UserID, req.Live)
	m.relevance(s, u, s.hist)

	var known []int32
	var unknown []string
	seen := map[string]bool{}
	for _, id := range req.InputList {
		if seen[id] || (req.Keep != nil && !req.Keep(id)) {
			continue
		}
		seen[id] = true
		if i, ok := m.items.lookup(id); ok {
			known = append(known, i)
		} else {
			unknown = append(unknown, id)
		}
	}
	slices.SortFunc(known, m.rankOrder(s.raw))
	total := 0.0
	for _, i := range known {
		total += float64(s.raw[i]) + unitWeight
	}
	out := make([]Recommendation, 0, len(known)+len(unknown))
	for _, i := range known {
		score := (float64(s.raw[i]) + unitWeight) / total
		out = append(out, Recommendation{ItemID: m.items.ids[i], Score: roundScore(score), HasScore: true})
	}
	for _, id := range unknown {
		out = append(out, Recommendation{ItemID: id})
	}
	return out, nil
}

// rankOrder is the User-Personalization order of any set of items: relevant ones first by
// relevance then id, then the others by popularity then id.
func (m *Model) rankOrder(raw []uint32) func(a, b int32) int {
	return func(a, b int32) int {
		ra, rb := raw[a], raw[b]
		if c := cmp.Compare(rb, ra); c != 0 {
			return c
		}
		if ra == 0 {
			if c := cmp.Compare(m.popularity(b), m.popularity(a)); c != 0 {
				return c
			}
		}
		return cmp.Compare(a, b)
	}
}
