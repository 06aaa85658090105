package recommend

import (
	"cmp"
	"math"
	"slices"
)

type pickKind uint8

const (
	regular pickKind = iota
	promoted
	explored
)

type pick struct {
	item int32
	pos  int
	kind pickKind
}

const secondsPerDay = 86400

// pickItems chooses an answer of at most n items from the ordering: first the promotion's share
// (items its filter keeps, best first), then the exploration slots (User-Personalization only),
// then the rest from the ordering as the request's filter keeps them. Excluded items are never
// chosen. The picks come back in answer order: promoted and regular items by their position in
// the ordering, then the explored ones.
func (m *Model) pickItems(s *scratch, o *ordering, n int, req *Request, explore bool) []pick {
	if p := req.Promotion; p != nil && p.Percent > 0 && p.Keep != nil && n > 0 {
		share := min(max(n*min(p.Percent, 100)/100, 1), n)
		m.take(s, o, share, p.Keep, promoted)
		o.restart()
	}
	if explore {
		m.explore(s, n, req)
	}
	m.take(s, o, n-len(s.picks), req.Keep, regular)
	slices.SortStableFunc(s.picks, func(a, b pick) int {
		if (a.kind == explored) != (b.kind == explored) {
			if a.kind == explored {
				return 1
			}
			return -1
		}
		return cmp.Compare(a.pos, b.pos)
	})
	return s.picks
}

// take appends up to count items from the ordering that are free and kept.
func (m *Model) take(s *scratch, o *ordering, count int, keep func(string) bool, kind pickKind) {
	for taken := 0; taken < count; {
		i, pos, ok := o.next()
		if !ok {
			return
		}
		if !s.free(i) || (keep != nil && !keep(m.items.ids[i])) {
			continue
		}
		s.choose(i)
		s.picks = append(s.picks, pick{item: i, pos: pos, kind: kind})
		taken++
	}
}

// explore fills floor(explorationWeight × n) slots (fewer if a promotion left fewer free) with items that have no interactions, newest
// first, as long as they are no older than explorationItemAgeCutOff days before the latest
// interaction (an item without a creation timestamp counts as new).
func (m *Model) explore(s *scratch, n int, req *Request) {
	e := DefaultExploration
	if req.Exploration != nil {
		e = *req.Exploration
	}
	// A promotion may already hold part of the list; exploration takes at most the rest.
	slots := min(int(math.Floor(e.Weight*float64(n)+1e-9)), n-len(s.picks))
	oldest := m.latest - int64(e.AgeCutOffDays*secondsPerDay)
	for _, i := range m.cold {
		if slots == 0 || m.exploreKey(i) < oldest {
			return
		}
		if !s.free(i) || (req.Keep != nil && !req.Keep(m.items.ids[i])) {
			continue
		}
		s.choose(i)
		s.picks = append(s.picks, pick{item: i, kind: explored})
		slots--
	}
}

// answer turns picks into the answer. With scores, an item's score is (relevance+1) divided by
// (the sum of all relevances + the number of items the model knows): a share of the whole
// catalogue, so the scores of every item sum to 1. Relevance is in units of 2^-9 here.
func (m *Model) answer(s *scratch, picks []pick) []Recommendation {
	out := make([]Recommendation, len(picks))
	denom := 0.0
	if m.info.Scores {
		for _, i := range s.touched {
			denom += float64(s.raw[i])
		}
		denom += float64(m.items.len()) * unitWeight
	}
	for k, p := range picks {
		r := Recommendation{ItemID: m.items.ids[p.item]}
		if m.info.Scores {
			r.Score, r.HasScore = roundScore((float64(s.raw[p.item])+unitWeight)/denom), true
		}
		r.Promoted, r.Explored = p.kind == promoted, p.kind == explored
		out[k] = r
	}
	return out
}

// roundScore keeps 7 decimals, as AWS's scores show at most.
func roundScore(v float64) float64 { return math.Round(v*1e7) / 1e7 }
