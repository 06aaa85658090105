package recommend_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/recommend"
)

// TestItemLists covers the recipes whose answers carry no score: popularity, trending and
// related items.
func TestItemLists(t *testing.T) {
	t.Parallel()
	base := recommend.Data{Interactions: example()}
	// Trending data, window 1 hour, latest T = 10000: current (6400, 10000], previous
	// (2800, 6400]. X: 3 now, 1 before (+2); Y: 1 now (+1); W: 2 and 2 (0); Z: 5 before (-5).
	// Every interaction is a distinct user: popularity Z 5, W 4, X 4, Y 1.
	var trending []recommend.Interaction
	add := func(item string, times ...int64) {
		for _, ts := range times {
			trending = append(trending, ev(item+"-user-"+string(rune('a'+len(trending))), item, ts))
		}
	}
	add("X", 7000, 8000, 10000, 5000)
	add("Y", 9000)
	add("W", 6500, 6600, 3000, 4000)
	add("Z", 3000, 3100, 3200, 3300, 3400)
	hour := map[string]string{"trend_discovery_frequency": "1 hour"}
	// Similar-Items data: P and Q are cold items of the Items dataset; P shares genre=drama
	// and year=1999 with B, one value (drama) with C; Q shares nothing.
	similar := recommend.Data{Interactions: example(), Items: []recommend.Item{
		{ID: "B", Properties: map[string]string{"genre": "drama|comedy", "year": "1999"}},
		{ID: "C", Properties: map[string]string{"genre": "drama", "year": "2001"}},
		{ID: "P", Properties: map[string]string{"genre": "drama", "year": "1999"}},
		{ID: "Q", Properties: map[string]string{"genre": "horror"}},
	}}
	tests := []struct {
		name string
		cfg  recommend.Config
		data recommend.Data
		req  recommend.Request
		want []string
	}{
		{name: "popularity follows distinct users", cfg: recommend.Config{Recipe: "aws-popularity-count"}, data: base,
			want: []string{"C", "A", "B", "D"}},
		{name: "popularity counts users, not repeated events", cfg: recommend.Config{Recipe: "aws-popularity-count"},
			data: recommend.Data{Interactions: append(example(), ev("u4", "D", 10), ev("u4", "D", 11), ev("u4", "D", 12))},
			want: []string{"C", "A", "B", "D"}},
		{name: "popularity grows with a new user", cfg: recommend.Config{Recipe: "aws-popularity-count"},
			data: recommend.Data{Interactions: append(example(), ev("u6", "D", 10), ev("u7", "D", 11))},
			want: []string{"D", "C", "A", "B"}},
		{name: "popularity ignores events sent after training", cfg: recommend.Config{Recipe: "aws-popularity-count"}, data: base,
			req:  recommend.Request{Live: []recommend.Interaction{ev("u8", "D", 10), ev("u9", "D", 11)}},
			want: []string{"C", "A", "B", "D"}},
		{name: "popularity by the solution's event type", cfg: recommend.Config{Recipe: "aws-popularity-count", EventType: "buy"},
			data: recommend.Data{Interactions: []recommend.Interaction{
				typed("u1", "A", "view", 1, nil), typed("u2", "A", "view", 2, nil), typed("u3", "A", "view", 3, nil),
				typed("u1", "B", "buy", 4, nil), typed("u2", "B", "buy", 5, nil), typed("u3", "C", "buy", 6, nil),
			}},
			want: []string{"B", "C"}},
		{name: "best sellers count purchases", cfg: recommend.Config{Recipe: "arn:aws:personalize:::recipe/aws-ecomm-popular-items-by-purchases"},
			data: recommend.Data{Interactions: []recommend.Interaction{
				typed("u1", "A", "View", 1, nil), typed("u2", "A", "View", 2, nil),
				typed("u1", "B", "Purchase", 4, nil),
			}},
			req:  recommend.Request{UserID: "u1"},
			want: []string{"B"}},
		{name: "popularity with a filter", cfg: recommend.Config{Recipe: "aws-popularity-count"}, data: base,
			req: recommend.Request{Keep: except("C", "B")}, want: []string{"A", "D"}},

		{name: "trending: growth, then the fallback", cfg: recommend.Config{Recipe: "aws-trending-now", FeatureTransformationParameters: hour},
			data: recommend.Data{Interactions: trending}, want: []string{"X", "Y", "Z", "W"}},
		// Default 2 hours: current (2800, 10000] holds everything: growth = counts, X 4 and
		// W 4 (tie by id), Z 5, Y 1.
		{name: "trending: the default window", cfg: recommend.Config{Recipe: "aws-trending-now"},
			data: recommend.Data{Interactions: trending}, want: []string{"Z", "W", "X", "Y"}},

		// SIMS for A: A's users u2 (C) and u1 (B): B 1, C 1 by id; then the fallback (D).
		{name: "related items follow co-occurrence", cfg: recommend.Config{Recipe: "aws-sims"}, data: base,
			req: recommend.Request{ItemID: "A"}, want: []string{"B", "C", "D"}},
		// For D: u4 (nothing), u3 (C, B): B, C; then A.
		{name: "related items for another item", cfg: recommend.Config{Recipe: "aws-sims"}, data: base,
			req: recommend.Request{ItemID: "D"}, want: []string{"B", "C", "A"}},
		{name: "an unknown item gets the popular items", cfg: recommend.Config{Recipe: "aws-sims"}, data: base,
			req: recommend.Request{ItemID: "nope"}, want: []string{"C", "A", "B", "D"}},
		{name: "related items with a filter and numResults", cfg: recommend.Config{Recipe: "aws-sims"}, data: base,
			req: recommend.Request{ItemID: "A", Keep: except("B"), NumResults: 1}, want: []string{"C"}},
		{name: "related items ignore events sent after training", cfg: recommend.Config{Recipe: "aws-sims"}, data: base,
			req:  recommend.Request{ItemID: "A", UserID: "u1", Live: []recommend.Interaction{ev("u1", "D", 10)}},
			want: []string{"B", "C", "D"}},
		// Similar-Items for B: co-occurrence 1 each for C, D (u3) and A (u1); C also shares
		// drama with B, which puts it first; then A, D by id; then P, sharing drama and 1999
		// but never seen with B. Q shares nothing.
		{name: "similar items: co-occurrence, then shared properties", cfg: recommend.Config{Recipe: "aws-similar-items"}, data: similar,
			req: recommend.Request{ItemID: "B"}, want: []string{"C", "A", "D", "P"}},
		// For the cold P: B shares 2 values, C 1; then the fallback.
		{name: "similar items for a cold item", cfg: recommend.Config{Recipe: "aws-similar-items"}, data: similar,
			req: recommend.Request{ItemID: "P"}, want: []string{"B", "C", "A", "D"}},
		// u3 purchased C: customers-who-viewed-x never shows it to u3. Views of A: u1 (B),
		// u2 (C): B, C; C dropped for u3; then D.
		{name: "customers who viewed X leave out purchases", cfg: recommend.Config{Recipe: "aws-ecomm-customers-who-viewed-x-also-viewed"},
			data: recommend.Data{Interactions: []recommend.Interaction{
				typed("u1", "A", "View", 1, nil), typed("u1", "B", "View", 2, nil),
				typed("u2", "A", "View", 3, nil), typed("u2", "C", "View", 4, nil),
				typed("u4", "D", "View", 5, nil), typed("u3", "C", "Purchase", 6, nil),
			}},
			req: recommend.Request{ItemID: "A", UserID: "u3"}, want: []string{"B", "D"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			recs, err := train(t, tc.cfg, tc.data).Recommend(tc.req)
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, itemIDs(recs)); diff != "" {
				t.Errorf("answer (-want +got):\n%s", diff)
			}
			for _, r := range recs {
				require.False(t, r.HasScore, "%s has a score", r.ItemID)
			}
		})
	}
}

func TestRank(t *testing.T) {
	t.Parallel()
	m := train(t, recommend.Config{Recipe: "aws-personalized-ranking"}, recommend.Data{Interactions: example()})
	tests := []struct {
		name string
		req  recommend.RankRequest
		want []scored
	}{{
		// u1's relevance: C 1.5, D 1, A 0. Scores (r+1)/(2.5+2+1); X is unknown, unscored; the
		// repeated C counts once.
		name: "by relevance, unknown items last", req: recommend.RankRequest{UserID: "u1", InputList: []string{"D", "X", "A", "C", "C"}},
		want: []scored{{"C", 0.4545455}, {"D", 0.3636364}, {"A", 0.1818182}, {"X", -1}},
	}, {
		name: "the filter removes items", req: recommend.RankRequest{UserID: "u1", InputList: []string{"D", "X", "A", "C"}, Keep: except("D")},
		want: []scored{{"C", 0.7142857}, {"A", 0.2857143}, {"X", -1}},
	}, {
		// No relevance: popularity (C 3, A 2, D 2), then id.
		name: "a cold user by popularity", req: recommend.RankRequest{UserID: "u9", InputList: []string{"D", "A", "C"}},
		want: []scored{{"C", 0.3333333}, {"A", 0.3333333}, {"D", 0.3333333}},
	}, {
		// u1's event for D: relevance C 1.75, B 1, D 0.5, A 0; over A, B, D: (r+1)/4.5.
		name: "events sent after training count at once", req: recommend.RankRequest{UserID: "u1", InputList: []string{"A", "B", "D"},
			Live: []recommend.Interaction{ev("u1", "D", 10)}},
		want: []scored{{"B", 0.4444444}, {"D", 0.3333333}, {"A", 0.2222222}},
	}, {
		name: "unknown items keep their input order", req: recommend.RankRequest{UserID: "u1", InputList: []string{"Z", "Y", "X"}},
		want: []scored{{"Z", -1}, {"Y", -1}, {"X", -1}},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			recs, err := m.Rank(tc.req)
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, flatten(recs)); diff != "" {
				t.Errorf("ranking (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNextBestAction(t *testing.T) {
	t.Parallel()
	taken := func(user, action string, ts int64) recommend.ActionInteraction {
		return recommend.ActionInteraction{UserID: user, ActionID: action, EventType: "TAKEN", Timestamp: ts}
	}
	data := recommend.Data{
		Actions: []recommend.Action{{ID: "a1", Value: 10}, {ID: "a2", Value: 5}, {ID: "a3"}, {ID: "a4", Value: 1}},
		ActionInteractions: []recommend.ActionInteraction{
			taken("uA", "a1", 1), taken("uB", "a1", 2), taken("uB", "a2", 3), taken("uC", "a1", 4),
			taken("uC", "a3", 5), taken("uD", "a4", 6), taken("uE", "a2", 7),
			{UserID: "uD", ActionID: "a1", EventType: "NOT_TAKEN", Timestamp: 8},
			taken("uF", "gone", 9), // not in the Actions dataset
		},
	}
	m := train(t, recommend.Config{Recipe: "aws-next-best-action"}, data)
	type scoredAction struct {
		ID    string
		Score float64
	}
	tests := []struct {
		name string
		req  recommend.ActionRequest
		want []scoredAction
	}{{
		// uA took a1; similar users uB, uC. a2: uB (½), a3: uC (½), a4: nobody (0). a2 before a3
		// by VALUE.
		name: "the share of similar users", req: recommend.ActionRequest{UserID: "uA"},
		want: []scoredAction{{"a2", 0.5}, {"a3", 0.5}, {"a4", 0}},
	}, {
		// A cold user: the share of the 5 users with a taken action. a4 before a3 by VALUE.
		name: "a cold user by popularity", req: recommend.ActionRequest{UserID: "uZ"},
		want: []scoredAction{{"a1", 0.6}, {"a2", 0.4}, {"a4", 0.2}, {"a3", 0.2}},
	}, {
		// uA takes a2 now: similar users uB, uC (a1) and uE (a2): a3 1/3, a4 0.
		name: "actions taken since count at once", req: recommend.ActionRequest{UserID: "uA",
			Live: []recommend.ActionInteraction{taken("uA", "a2", 10)}},
		want: []scoredAction{{"a3", 0.3333333}, {"a4", 0}},
	}, {
		name: "numResults and the filter", req: recommend.ActionRequest{UserID: "uZ", NumResults: 2, Keep: except("a1")},
		want: []scoredAction{{"a2", 0.4}, {"a4", 0.2}},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			recs, err := m.RecommendActions(tc.req)
			require.NoError(t, err)
			got := make([]scoredAction, len(recs))
			for k, r := range recs {
				got[k] = scoredAction{r.ActionID, r.Score}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("actions (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSegment(t *testing.T) {
	t.Parallel()
	m := train(t, recommend.Config{Recipe: "aws-item-affinity"}, recommend.Data{Interactions: example()})
	// A: u1, u2; C: u2, u3, u5. u2 has both.
	got, err := m.Segment([]string{"A", "C", "A", "nope"}, 0, nil)
	require.NoError(t, err)
	require.Equal(t, []string{"u2", "u1", "u3", "u5"}, got)
	got, err = m.Segment([]string{"A", "C"}, 2, except("u2"))
	require.NoError(t, err)
	require.Equal(t, []string{"u1", "u3"}, got)
}

func TestMetrics(t *testing.T) {
	t.Parallel()
	// Leave-last-out on the worked example. u1 hides B; from A: u2 gives C; list C, A, B, D:
	// B at 3. u2 hides C; from A: u1 gives B; list B, C, A, D: C at 2. u3 hides D; from C (1),
	// B (½): C's u2 gives A +1, B's u1 gives A +½; list A, C, B, D: D at 4.
	// MRR (1/3+1/2+1/4)/3; NDCG (1/log2 4 + 1/log2 3 + 1/log2 5)/3 = 0.5205 at 5, 10, 25.
	m := train(t, recommend.Config{Recipe: "aws-user-personalization"}, recommend.Data{Interactions: example()})
	want := map[string]float64{
		recommend.MetricCoverage: 1, recommend.MetricMRR25: 0.3611,
		recommend.MetricNDCG5: 0.5205, recommend.MetricNDCG10: 0.5205, recommend.MetricNDCG25: 0.5205,
		recommend.MetricPrecision5: 0.2, recommend.MetricPrecision10: 0.1, recommend.MetricPrecision25: 0.04,
	}
	if diff := cmp.Diff(want, m.Metrics()); diff != "" {
		t.Errorf("metrics (-want +got):\n%s", diff)
	}
	got := m.Metrics()
	got[recommend.MetricCoverage] = 42
	require.Equal(t, 1.0, m.Metrics()[recommend.MetricCoverage], "Metrics hands out a copy")

	// With an objective: average_rewards_at_k is the mean price of the lists (all four items:
	// (1+2+3+4)/4 = 2.5 for every user).
	items := []recommend.Item{
		{ID: "A", Properties: map[string]string{"PRICE": "1"}}, {ID: "B", Properties: map[string]string{"PRICE": "2"}},
		{ID: "C", Properties: map[string]string{"PRICE": "3"}}, {ID: "D", Properties: map[string]string{"PRICE": "4"}},
	}
	m = train(t, recommend.Config{Recipe: "aws-user-personalization", ObjectiveAttribute: "PRICE"},
		recommend.Data{Interactions: example(), Items: items})
	require.Equal(t, 2.5, m.Metrics()[recommend.MetricAverageRewards])
	require.Len(t, m.Metrics(), 9)

	// SIMS: each user's list is for their second most recent item, without the user's own
	// pairs. u1 (hides B, asks A): A's co-occurrences B (only u1's), C: list C, B, D: B at 2.
	// u2 (hides C, asks A): B, C, D: C at 2. u3 (hides D, asks C): A (B and D are only u3's
	// pairs), then B, D: D at 3. MRR (½+½+⅓)/3; NDCG (2/log2 3 + 1/log2 4)/3.
	m = train(t, recommend.Config{Recipe: "aws-sims"}, recommend.Data{Interactions: example()})
	want = map[string]float64{
		recommend.MetricCoverage: 1, recommend.MetricMRR25: 0.4444,
		recommend.MetricNDCG5: 0.5873, recommend.MetricNDCG10: 0.5873, recommend.MetricNDCG25: 0.5873,
		recommend.MetricPrecision5: 0.2, recommend.MetricPrecision10: 0.1, recommend.MetricPrecision25: 0.04,
	}
	if diff := cmp.Diff(want, m.Metrics()); diff != "" {
		t.Errorf("SIMS metrics (-want +got):\n%s", diff)
	}

	// Nothing to evaluate: every metric is 0, the keys are there.
	m = train(t, recommend.Config{Recipe: "aws-sims"}, recommend.Data{})
	require.Len(t, m.Metrics(), 8)
	for name, v := range m.Metrics() {
		require.Zero(t, v, name)
	}
}
