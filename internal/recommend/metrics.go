package recommend

import (
	"maps"
	"math"
	"slices"
)

// The metric names GetSolutionMetrics returns (facts §3.4), and the list length they judge.
const (
	MetricCoverage        = "coverage"
	MetricMRR25           = "mean_reciprocal_rank_at_25"
	MetricNDCG5           = "normalized_discounted_cumulative_gain_at_5"
	MetricNDCG10          = "normalized_discounted_cumulative_gain_at_10"
	MetricNDCG25          = "normalized_discounted_cumulative_gain_at_25"
	MetricPrecision5      = "precision_at_5"
	MetricPrecision10     = "precision_at_10"
	MetricPrecision25     = "precision_at_25"
	MetricAverageRewards  = "average_rewards_at_k"
	metricListLength      = 25
	maxEvaluatedUsers     = 1000
	metricDecimalsFactor  = 1e4
	metricsWithoutRewards = 8
)

// Metrics returns what GetSolutionMetrics reports for the version, computed once (on the first
// call) by leave-last-out: for each user with two or more distinct items (at most 1000 of them,
// evenly spaced in id order), the model's 25-item list is built without the user's most recent
// item, and that hidden item's rank r in it (if there) scores precision_at_K = 1/K when r ≤ K,
// mean_reciprocal_rank_at_25 = 1/r, normalized_discounted_cumulative_gain_at_K = 1/log2(r+1) when
// r ≤ K; each metric is the mean over those users. coverage is the share of the catalogue that
// appears in any of their lists. The user's own interactions never count in the user's favour:
// relevance and co-occurrence leave the user's own pairs out. With an optimization objective, average_rewards_at_k is the
// mean over users of the mean objective value of their list. Values have 4 decimals. The map is
// the caller's to keep.
func (m *Model) Metrics() map[string]float64 {
	m.metricsOnce.Do(func() { m.metrics = m.computeMetrics() })
	return maps.Clone(m.metrics)
}

type metricSums struct {
	users, rewards                           float64
	mrr, ndcg5, ndcg10, ndcg25, p5, p10, p25 float64
}

func (t *metricSums) add(list []int32, hidden int32) {
	t.users++
	for k, i := range list {
		if i != hidden {
			continue
		}
		r := float64(k + 1)
		dcg := 1 / math.Log2(r+1)
		t.mrr += 1 / r
		t.ndcg25, t.p25 = t.ndcg25+dcg, t.p25+1.0/25
		if k < 10 {
			t.ndcg10, t.p10 = t.ndcg10+dcg, t.p10+1.0/10
		}
		if k < 5 {
			t.ndcg5, t.p5 = t.ndcg5+dcg, t.p5+1.0/5
		}
	}
}

func (m *Model) computeMetrics() map[string]float64 {
	var sums metricSums
	covered := map[int32]bool{}
	rows, catalogue := m.userRows, m.items.len()
	if m.actions != nil {
		rows, catalogue = m.actions.taken, m.actions.ids.len()
	}
	for _, u := range evaluatedUsers(rows) {
		row := rows.row(u)
		list := m.evaluationList(u, row)
		sums.add(list, row[0])
		for _, i := range list {
			covered[i] = true
		}
		if m.objective != nil && len(list) > 0 {
			total := 0.0
			for _, i := range list {
				total += m.objective[i]
			}
			sums.rewards += total / float64(len(list))
		}
	}
	mean := func(v float64) float64 {
		if sums.users == 0 {
			return 0
		}
		return math.Round(v/sums.users*metricDecimalsFactor) / metricDecimalsFactor
	}
	out := make(map[string]float64, metricsWithoutRewards+1)
	out[MetricCoverage] = 0
	if catalogue > 0 {
		out[MetricCoverage] = math.Round(float64(len(covered))/float64(catalogue)*metricDecimalsFactor) / metricDecimalsFactor
	}
	out[MetricMRR25], out[MetricNDCG5], out[MetricNDCG10], out[MetricNDCG25] = mean(sums.mrr), mean(sums.ndcg5), mean(sums.ndcg10), mean(sums.ndcg25)
	out[MetricPrecision5], out[MetricPrecision10], out[MetricPrecision25] = mean(sums.p5), mean(sums.p10), mean(sums.p25)
	if m.objective != nil {
		out[MetricAverageRewards] = mean(sums.rewards)
	}
	return out
}

// evaluatedUsers picks the users with two or more distinct items, at most maxEvaluatedUsers of
// them, evenly spaced in id order.
func evaluatedUsers(rows csr) []int32 {
	var eligible []int32
	for u := range int32(len(rows.off) - 1) {
		if len(rows.row(u)) >= 2 {
			eligible = append(eligible, u)
		}
	}
	step := (len(eligible) + maxEvaluatedUsers - 1) / maxEvaluatedUsers
	if step <= 1 {
		return eligible
	}
	out := make([]int32, 0, maxEvaluatedUsers)
	for k := 0; k < len(eligible); k += step {
		out = append(out, eligible[k])
	}
	return out
}

// evaluationList is the model's 25-item answer for user u from the user's row without its most
// recent entry: no filter, no exploration, no promotion. Related items answer for the user's
// second most recent item; Next-Best-Action for the actions taken before the last one.
func (m *Model) evaluationList(u int32, row []int32) []int32 {
	if m.actions != nil {
		recs := m.actions.recommend(u, row[1:], metricListLength, nil)
		out := make([]int32, len(recs))
		for k, r := range recs {
			out[k], _ = m.actions.ids.lookup(r.ActionID)
		}
		return out
	}
	s := m.getScratch()
	defer m.putScratch(s)
	o := ordering{fallback: m.popOrder, want: metricListLength + 1}
	switch m.info.Family {
	case RelatedItems:
		// Co-occurrence counts the user too: take the user's own pairs with the query item off.
		m.related(s, row[1])
		m.withoutOwnPairs(s, u, row[1])
		s.exclude(row[1])
		o.primary(s)
	case TrendingItems:
		o.keys, o.sorted, o.inPrimary = m.trend, len(m.trend), m.trending
	case PopularItems:
	default:
		m.relevance(s, u, row[1:min(len(row), historyItems+1)])
		o.primary(s)
	}
	m.take(s, &o, metricListLength, nil, regular)
	out := make([]int32, len(s.picks))
	for k, p := range s.picks {
		out[k] = p.item
	}
	return out
}

// withoutOwnPairs takes user u's own co-occurrences with q off a related-items relevance, so that
// the evaluation does not count the user's hidden item in its own favour.
func (m *Model) withoutOwnPairs(s *scratch, u int32, q int32) {
	row := m.coRow(u)
	if !slices.Contains(row, q) {
		return
	}
	w := uint32(1)
	if m.info.Metadata {
		w = coOccurrence
	}
	for _, j := range row {
		if j != q && s.raw[j] >= w && slices.ContainsFunc(m.neighboursOf(q), func(nb neighbour) bool { return nb.item == j }) {
			s.raw[j] -= w
		}
	}
}
