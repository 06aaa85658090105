package recommend_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/recommend"
)

func TestErrors(t *testing.T) {
	t.Parallel()
	data := recommend.Data{Interactions: example()}
	model := func(recipe string) *recommend.Model { return train(t, recommend.Config{Recipe: recipe}, data) }
	tests := []struct {
		name string
		call func() error
		want error
	}{
		{"user personalization without a user", func() error {
			_, err := model("aws-user-personalization").Recommend(recommend.Request{ItemID: "A"})
			return err
		}, recommend.ErrUserRequired},
		{"SIMS without an item", func() error {
			_, err := model("aws-sims").Recommend(recommend.Request{UserID: "u1"})
			return err
		}, recommend.ErrItemRequired},
		{"most viewed without a user", func() error {
			_, err := model("aws-ecomm-popular-items-by-views").Recommend(recommend.Request{})
			return err
		}, recommend.ErrUserRequired},
		{"GetRecommendations on a ranking recipe", func() error {
			_, err := model("aws-personalized-ranking").Recommend(recommend.Request{UserID: "u1"})
			return err
		}, recommend.ErrWrongOperation},
		{"GetRecommendations on next best action", func() error {
			_, err := model("aws-next-best-action").Recommend(recommend.Request{UserID: "u1"})
			return err
		}, recommend.ErrWrongOperation},
		{"ranking on a user-personalization recipe", func() error {
			_, err := model("aws-user-personalization").Rank(recommend.RankRequest{UserID: "u1"})
			return err
		}, recommend.ErrWrongOperation},
		{"ranking without a user", func() error {
			_, err := model("aws-personalized-ranking-v2").Rank(recommend.RankRequest{InputList: []string{"A"}})
			return err
		}, recommend.ErrUserRequired},
		{"actions on an item recipe", func() error {
			_, err := model("aws-sims").RecommendActions(recommend.ActionRequest{UserID: "u1"})
			return err
		}, recommend.ErrWrongOperation},
		{"actions without a user", func() error {
			_, err := model("aws-next-best-action").RecommendActions(recommend.ActionRequest{})
			return err
		}, recommend.ErrUserRequired},
		{"segment on an item recipe", func() error {
			_, err := model("aws-sims").Segment([]string{"A"}, 0, nil)
			return err
		}, recommend.ErrWrongOperation},
		{"an unknown recipe", func() error {
			_, err := recommend.Train(recommend.Config{Recipe: "arn:aws:personalize:::recipe/aws-nope"}, data)
			return err
		}, recommend.ErrUnknownRecipe},
		{"a threshold that is not a number", func() error {
			_, err := recommend.Train(recommend.Config{Recipe: "aws-sims", EventValueThreshold: "high"}, data)
			return err
		}, recommend.ErrInvalidConfig},
		{"an unknown trend frequency", func() error {
			_, err := recommend.Train(recommend.Config{Recipe: "aws-trending-now",
				FeatureTransformationParameters: map[string]string{"trend_discovery_frequency": "2 days"}}, data)
			return err
		}, recommend.ErrInvalidConfig},
		{"an events config entry without type", func() error {
			_, err := recommend.Train(recommend.Config{Recipe: "aws-sims", Events: []recommend.EventParameters{{}}}, data)
			return err
		}, recommend.ErrInvalidConfig},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			require.ErrorIs(t, tc.call(), tc.want)
		})
	}
}

func TestLimits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		requested  int
		metadata   bool
		actions    bool
		want       int
		wantWithin bool
	}{
		{"default", 0, false, false, 25, true},
		{"maximum", 500, false, false, 500, true},
		{"over the maximum", 501, false, false, 0, false},
		{"negative", -1, false, false, 0, false},
		{"with metadata, default", 0, true, false, 25, true},
		{"with metadata, maximum", 50, true, false, 50, true},
		{"with metadata, over", 51, true, false, 0, false},
		{"actions, default", 0, false, true, 5, true},
		{"actions, maximum", 100, false, true, 100, true},
		{"actions, over", 101, false, true, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, ok := recommend.CheckNumResults(tc.requested, tc.metadata)
			if tc.actions {
				got, ok = recommend.CheckActionResults(tc.requested)
			}
			require.Equal(t, tc.wantWithin, ok)
			require.Equal(t, tc.want, got)
		})
	}

	// The model's own cut: 500 at most, 25 by default.
	m := train(t, recommend.Config{Recipe: "aws-popularity-count"}, synthetic(3, 40000))
	require.Greater(t, m.Stats().Items, 600)
	for requested, want := range map[int]int{0: 25, 7: 7, 10000: 500} {
		recs, err := m.Recommend(recommend.Request{NumResults: requested})
		require.NoError(t, err)
		require.Len(t, recs, want, "numResults %d", requested)
	}
}

func TestParseExploration(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		config  map[string]string
		want    recommend.Exploration
		wantErr bool
	}{
		{"defaults", nil, recommend.Exploration{Weight: 0.3, AgeCutOffDays: 30}, false},
		{"both", map[string]string{"explorationWeight": "0.8", "explorationItemAgeCutOff": "7"}, recommend.Exploration{Weight: 0.8, AgeCutOffDays: 7}, false},
		{"weight only", map[string]string{"explorationWeight": "0"}, recommend.Exploration{Weight: 0, AgeCutOffDays: 30}, false},
		{"weight over 1", map[string]string{"explorationWeight": "1.5"}, recommend.Exploration{}, true},
		{"not a number", map[string]string{"explorationItemAgeCutOff": "soon"}, recommend.Exploration{}, true},
		{"zero cut-off", map[string]string{"explorationItemAgeCutOff": "0"}, recommend.Exploration{}, true},
		{"unknown key", map[string]string{"explorationRate": "0.1"}, recommend.Exploration{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := recommend.ParseExploration(tc.config)
			if tc.wantErr {
				require.ErrorIs(t, err, recommend.ErrInvalidConfig)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}

func TestLookup(t *testing.T) {
	t.Parallel()
	info, ok := recommend.Lookup("arn:aws:personalize:::recipe/aws-vod-because-you-watched-x")
	require.True(t, ok)
	require.Equal(t, recommend.RecipeInfo{Name: "aws-vod-because-you-watched-x", Family: recommend.RelatedItems,
		UserRequired: true, ItemRequired: true, TrainEventType: "Watch", ExcludeEventType: "Watch"}, info)
	_, ok = recommend.Lookup("aws-unknown")
	require.False(t, ok)
	require.Equal(t, "PERSONALIZED_ACTIONS", recommend.NextBestAction.String())
}

func TestStats(t *testing.T) {
	t.Parallel()
	data := recommend.Data{
		Interactions: append(example(), typed("u6", "D", "view", 10, nil), recommend.Interaction{UserID: "", ItemID: "A"}),
		Items:        []recommend.Item{{ID: "A"}, {ID: "E"}},
	}
	got := train(t, recommend.Config{Recipe: "aws-user-personalization"}, data).Stats()
	require.Equal(t, recommend.Stats{Interactions: 10, Users: 6, UsersWithTwoOrMore: 3, Items: 5, ColdItems: 1}, got)
}

// Appending to or changing the caller's data after Train changes no answer.
func TestSnapshotIsolation(t *testing.T) {
	t.Parallel()
	for _, recipe := range []string{"aws-user-personalization", "aws-sims", "aws-similar-items", "aws-popularity-count",
		"aws-personalized-ranking", "aws-next-best-action", "aws-ecomm-recommended-for-you"} {
		t.Run(recipe, func(t *testing.T) {
			t.Parallel()
			interactions := make([]recommend.Interaction, 0, 100)
			interactions = append(interactions, example()...)
			interactions = append(interactions, typed("u1", "C", "Purchase", 10, nil))
			props := map[string]string{"genre": "drama"}
			data := recommend.Data{
				Interactions:       interactions,
				Items:              append(make([]recommend.Item, 0, 10), recommend.Item{ID: "B", Properties: props}, recommend.Item{ID: "P", Properties: props}),
				Actions:            append(make([]recommend.Action, 0, 10), recommend.Action{ID: "a1"}, recommend.Action{ID: "a2"}),
				ActionInteractions: append(make([]recommend.ActionInteraction, 0, 10), recommend.ActionInteraction{UserID: "u2", ActionID: "a1", EventType: "TAKEN"}),
			}
			m := train(t, recommend.Config{Recipe: recipe}, data)
			before := answers(t, m)

			data.Interactions = append(data.Interactions, ev("u1", "D", 11), ev("u7", "D", 12), ev("u8", "D", 13))
			data.Interactions[0].ItemID = "D"
			data.Items = append(data.Items, recommend.Item{ID: "Q", Properties: props})
			props["genre"] = "horror"
			data.Actions[1].ID = "a9"
			data.ActionInteractions = append(data.ActionInteractions, recommend.ActionInteraction{UserID: "u3", ActionID: "a2", EventType: "TAKEN"})

			if diff := cmp.Diff(before, answers(t, m)); diff != "" {
				t.Errorf("answers changed after the data did (-before +after):\n%s", diff)
			}
		})
	}
}

// answers asks a model every question its recipe serves.
func answers(t *testing.T, m *recommend.Model) [][]string {
	t.Helper()
	var out [][]string
	for _, user := range []string{"u1", "u2", "u9"} {
		for _, item := range []string{"A", "B", "P"} {
			switch m.Recipe().Family {
			case recommend.PersonalizedRanking:
				recs, err := m.Rank(recommend.RankRequest{UserID: user, InputList: []string{"A", "B", "C", "D", "P"}})
				require.NoError(t, err)
				out = append(out, itemIDs(recs))
			case recommend.NextBestAction:
				recs, err := m.RecommendActions(recommend.ActionRequest{UserID: user})
				require.NoError(t, err)
				for _, r := range recs {
					out = append(out, []string{r.ActionID})
				}
			default:
				recs, err := m.Recommend(recommend.Request{UserID: user, ItemID: item})
				require.NoError(t, err)
				out = append(out, itemIDs(recs))
			}
		}
	}
	return out
}

// The same data gives the same answers, in whatever order it arrives (with distinct
// timestamps, arrival order breaks no tie).
func TestDeterminism(t *testing.T) {
	t.Parallel()
	data := synthetic(11, 5000)
	shuffled := recommend.Data{Interactions: slices.Clone(data.Interactions)}
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled.Interactions), func(i, j int) {
		shuffled.Interactions[i], shuffled.Interactions[j] = shuffled.Interactions[j], shuffled.Interactions[i]
	})
	for _, recipe := range []string{"aws-user-personalization", "aws-sims", "aws-trending-now"} {
		a := train(t, recommend.Config{Recipe: recipe}, data)
		b := train(t, recommend.Config{Recipe: recipe}, data)
		c := train(t, recommend.Config{Recipe: recipe}, shuffled)
		for _, user := range []string{"user-000000", "user-000123", "user-000249"} {
			req := recommend.Request{UserID: user, ItemID: "item-000003", NumResults: 50}
			first, err := a.Recommend(req)
			require.NoError(t, err)
			require.Len(t, first, 50)
			for _, other := range []*recommend.Model{a, b, c} {
				again, err := other.Recommend(req)
				require.NoError(t, err)
				require.Equal(t, first, again, "%s for %s", recipe, user)
			}
		}
		require.Equal(t, a.Metrics(), c.Metrics(), recipe)
	}
}

func TestPromotion(t *testing.T) {
	t.Parallel()
	m := train(t, recommend.Config{Recipe: "aws-user-personalization"}, recommend.Data{Interactions: example()})
	tests := []struct {
		name string
		req  recommend.Request
		want []string
		prom []string
	}{{
		// 25% of 4 = 1 promoted: B, though the request's filter refuses it; the regular part
		// keeps to the filter: C, D (A, B refused). Model order: C, D, B.
		name: "the promotion's own filter", req: recommend.Request{UserID: "u1", NumResults: 4, Keep: except("A", "B"),
			Promotion: &recommend.Promotion{Percent: 25, Keep: only("B")}},
		want: []string{"C", "D", "B"}, prom: []string{"B"},
	}, {
		// 50% of 4 = 2, the best two of A, D: D, A; then C, B. Model order C, D, A, B.
		name: "a share of the list", req: recommend.Request{UserID: "u1", NumResults: 4,
			Promotion: &recommend.Promotion{Percent: 50, Keep: only("A", "D")}},
		want: []string{"C", "D", "A", "B"}, prom: []string{"D", "A"},
	}, {
		// 10% of 3 rounds down to 0, at least 1.
		name: "at least one", req: recommend.Request{UserID: "u1", NumResults: 3,
			Promotion: &recommend.Promotion{Percent: 10, Keep: only("B")}},
		want: []string{"C", "D", "B"}, prom: []string{"B"},
	}, {
		name: "nothing matches: regular items fill", req: recommend.Request{UserID: "u1", NumResults: 2,
			Promotion: &recommend.Promotion{Percent: 50, Keep: only("nope")}},
		want: []string{"C", "D"},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			recs, err := m.Recommend(tc.req)
			require.NoError(t, err)
			require.Equal(t, tc.want, itemIDs(recs))
			var prom []string
			for _, r := range recs {
				if r.Promoted {
					prom = append(prom, r.ItemID)
				}
			}
			require.ElementsMatch(t, tc.prom, prom)
		})
	}
}

// One model answers many goroutines at once (run under -race): the same answers as one by one.
func TestConcurrentAnswers(t *testing.T) {
	t.Parallel()
	data := synthetic(5, 20000)
	m := train(t, recommend.Config{Recipe: "aws-user-personalization"}, data)
	users := []string{"user-000001", "user-000002", "user-000500", "nobody"}
	want := map[string][]recommend.Recommendation{}
	for _, u := range users {
		want[u] = must(m.Recommend(recommend.Request{UserID: u, Keep: except("item-000001")}))
	}
	done := make(chan error)
	for g := range 4 {
		go func() {
			var err error
			for k := range 200 {
				u := users[(g+k)%len(users)]
				got, e := m.Recommend(recommend.Request{UserID: u, Keep: except("item-000001")})
				if e != nil || !cmp.Equal(want[u], got) {
					err = fmt.Errorf("goroutine %d, %s: %v, %v", g, u, e, cmp.Diff(want[u], got))
				}
			}
			_ = m.Metrics()
			done <- err
		}()
	}
	for range 4 {
		require.NoError(t, <-done)
	}
}
