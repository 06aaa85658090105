package recommend_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/recommend"
)

const day = 86400

// exampleWithItems adds an Items dataset to the worked example: E (created a day before the
// latest interaction), F (60 days before) and G (no creation timestamp) have no interaction.
func exampleWithItems() recommend.Data {
	return recommend.Data{Interactions: example(), Items: []recommend.Item{
		{ID: "A"}, {ID: "E", CreatedAt: 9 - day}, {ID: "F", CreatedAt: 9 - 60*day}, {ID: "G"},
	}}
}

func TestUserPersonalization(t *testing.T) {
	t.Parallel()
	noExploration := &recommend.Exploration{Weight: 0, AgeCutOffDays: 30}
	tests := []struct {
		name   string
		recipe string
		cfg    recommend.Config
		data   recommend.Data
		req    recommend.Request
		want   []scored
	}{{
		// History B (1), A (½): B's other user u3 has C, D; A's other user u2 has C.
		// C 1.5, D 1; catalogue 4: (r+1)/6.5; then the fallback A, B (popularity 2 each, by id).
		name: "co-occurrence weighted by recency", data: recommend.Data{Interactions: example()},
		req:  recommend.Request{UserID: "u1"},
		want: []scored{{"C", 0.3846154}, {"D", 0.3076923}, {"A", 0.1538462}, {"B", 0.1538462}},
	}, {
		// History D (1), B (½), A (¼): D's u4 adds nothing, u3 gives C +1, B +1; B's u3 gives
		// C +½, D +½; A's u2 gives C +¼. C 1.75, B 1, D 0.5; denominator 3.25 + 4.
		name: "an event sent after training changes the answer at once", data: recommend.Data{Interactions: example()},
		req:  recommend.Request{UserID: "u1", Live: []recommend.Interaction{ev("u1", "D", 10)}},
		want: []scored{{"C", 0.3793103}, {"B", 0.2758621}, {"D", 0.2068966}, {"A", 0.1379310}},
	}, {
		name: "an event for an item the model does not know changes nothing", data: recommend.Data{Interactions: example()},
		req:  recommend.Request{UserID: "u1", Live: []recommend.Interaction{ev("u1", "Z", 10)}},
		want: []scored{{"C", 0.3846154}, {"D", 0.3076923}, {"A", 0.1538462}, {"B", 0.1538462}},
	}, {
		// u9 is unknown: no relevance, the fallback by popularity (C 3, then A, B, D by id),
		// every score 1/4.
		name: "a cold user gets the popular items", data: recommend.Data{Interactions: example()},
		req:  recommend.Request{UserID: "u9"},
		want: []scored{{"C", 0.25}, {"A", 0.25}, {"B", 0.25}, {"D", 0.25}},
	}, {
		// A cold user's own live event makes the answer personal at once: history D (1); D's
		// users u4 (nothing else) and u3 (C, B): B 1, C 1, tie by id; then A.
		name: "a cold user's live event counts at once", data: recommend.Data{Interactions: example()},
		req:  recommend.Request{UserID: "u9", Live: []recommend.Interaction{ev("u9", "D", 10)}},
		want: []scored{{"B", 0.3333333}, {"C", 0.3333333}, {"A", 0.1666667}, {"D", 0.1666667}},
	}, {
		name: "numResults cuts the list", data: recommend.Data{Interactions: example()},
		req:  recommend.Request{UserID: "u1", NumResults: 2},
		want: []scored{{"C", 0.3846154}, {"D", 0.3076923}},
	}, {
		name: "the filter removes items, the list fills from the rest", data: recommend.Data{Interactions: example()},
		req:  recommend.Request{UserID: "u1", NumResults: 3, Keep: except("C")},
		want: []scored{{"D", 0.3076923}, {"A", 0.1538462}, {"B", 0.1538462}},
	}, {
		// Exploration weight 0.5 of 4 slots = 2: cold items newest first, G (no timestamp,
		// counts as new), E (a day old); F is older than 30 days. Catalogue 7: (r+1)/9.5.
		name: "exploration fills its share with new cold items, last", data: exampleWithItems(),
		req:  recommend.Request{UserID: "u1", NumResults: 4, Exploration: &recommend.Exploration{Weight: 0.5, AgeCutOffDays: 30}},
		want: []scored{{"C", 0.2631579}, {"D", 0.2105263}, {"G", 0.1052632}, {"E", 0.1052632}},
	}, {
		name: "a longer cut-off reaches older cold items", data: exampleWithItems(),
		req:  recommend.Request{UserID: "u1", NumResults: 4, Exploration: &recommend.Exploration{Weight: 0.75, AgeCutOffDays: 61}},
		want: []scored{{"C", 0.2631579}, {"G", 0.1052632}, {"E", 0.1052632}, {"F", 0.1052632}},
	}, {
		// Default weight 0.3 of 25 = 7 slots, only G and E qualify; cold items never fill.
		name: "default exploration", data: exampleWithItems(),
		req:  recommend.Request{UserID: "u1"},
		want: []scored{{"C", 0.2631579}, {"D", 0.2105263}, {"A", 0.1052632}, {"B", 0.1052632}, {"G", 0.1052632}, {"E", 0.1052632}},
	}, {
		name: "no exploration, no cold items", data: exampleWithItems(),
		req:  recommend.Request{UserID: "u1", Exploration: noExploration},
		want: []scored{{"C", 0.2631579}, {"D", 0.2105263}, {"A", 0.1052632}, {"B", 0.1052632}},
	}, {
		// Only purchases count: u1 bought A, B; u2 bought A, C; u3 viewed C. History B, A:
		// B has no other buyer, A's other buyer u2 has C (+½). Catalogue A, B, C.
		name: "the solution's event type", cfg: recommend.Config{EventType: "PURCHASE"},
		data: recommend.Data{Interactions: []recommend.Interaction{
			typed("u1", "A", "purchase", 1, nil), typed("u1", "B", "purchase", 2, nil),
			typed("u2", "A", "purchase", 3, nil), typed("u2", "C", "purchase", 4, nil),
			typed("u3", "C", "view", 5, nil), typed("u3", "B", "view", 6, nil),
		}},
		req:  recommend.Request{UserID: "u1"},
		want: []scored{{"C", 0.4285714}, {"A", 0.2857143}, {"B", 0.2857143}},
	}, {
		// Threshold 2: u3's B (value 1) and u2's C (no value) drop out. History B, A: B has no
		// other user; A's u2 has nothing else left. Everything falls back: A (2), B (1), C (1).
		name: "the event value threshold", cfg: recommend.Config{EventValueThreshold: "2"},
		data: recommend.Data{Interactions: []recommend.Interaction{
			typed("u1", "A", "rate", 1, ptr(5.0)), typed("u1", "B", "rate", 2, ptr(2.0)),
			typed("u2", "A", "rate", 3, ptr(4.0)), typed("u2", "C", "rate", 4, nil),
			typed("u3", "B", "rate", 5, ptr(1.0)), typed("u3", "C", "rate", 6, ptr(3.0)),
		}},
		req:  recommend.Request{UserID: "u1"},
		want: []scored{{"A", 0.3333333}, {"B", 0.3333333}, {"C", 0.3333333}},
	}, {
		// u1 purchased C (in training, so C is in the history too) and D since. History D (1),
		// C (½), B (¼), A (⅛): D's u3 gives C +1, B +1; C's u3 gives D +½, B +½ and u2 A +½;
		// B's u3 gives D +¼, C +¼; A's u2 gives C +⅛. B 1.5, C 1.375, D 0.75, A 0.5 (sum
		// 4.125, catalogue 4); C and D are left out.
		name: "recommended-for-you leaves out purchased items", recipe: "aws-ecomm-recommended-for-you",
		data: recommend.Data{Interactions: append(example(), typed("u1", "C", "Purchase", 10, nil))},
		req:  recommend.Request{UserID: "u1", Live: []recommend.Interaction{typed("u1", "D", "purchase", 11, nil)}},
		want: []scored{{"B", 0.3076923}, {"A", 0.1846154}},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.cfg.Recipe = cmpOr(tc.recipe, "aws-user-personalization")
			recs, err := train(t, tc.cfg, tc.data).Recommend(tc.req)
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, flatten(recs)); diff != "" {
				t.Errorf("answer (-want +got):\n%s", diff)
			}
		})
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func TestUserPersonalizationV2Reasons(t *testing.T) {
	t.Parallel()
	m := train(t, recommend.Config{Recipe: "aws-user-personalization-v2"}, exampleWithItems())
	recs, err := m.Recommend(recommend.Request{
		UserID: "u1", NumResults: 4,
		Exploration: &recommend.Exploration{Weight: 0.25, AgeCutOffDays: 30},
		Promotion:   &recommend.Promotion{Percent: 25, Keep: only("B")},
	})
	require.NoError(t, err)
	got := map[string][]string{}
	promotions := map[string]bool{}
	for _, r := range recs {
		got[r.ItemID] = r.Reasons(m.Recipe())
		promotions[r.ItemID] = r.Promoted
	}
	// 1 promoted (B), 1 explored (G), 2 regular (C, D).
	want := map[string][]string{"C": nil, "D": nil, "B": {"Promoted item"}, "G": {"Exploration"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reasons (-want +got):\n%s", diff)
	}
	require.Equal(t, map[string]bool{"C": false, "D": false, "B": true, "G": false}, promotions)
	require.Equal(t, []string{"C", "D", "B", "G"}, itemIDs(recs))
	v1, _ := recommend.Lookup("aws-user-personalization")
	for _, r := range recs {
		require.Nil(t, r.Reasons(v1), "User-Personalization (v1) gives no reasons")
	}
}

func TestScoresSumToOneOverTheCatalogue(t *testing.T) {
	t.Parallel()
	data := synthetic(7, 3000)
	m := train(t, recommend.Config{Recipe: "aws-user-personalization"}, data)
	catalogue := m.Stats().Items
	for _, user := range []string{"user-000001", "user-000042", "nobody"} {
		recs, err := m.Recommend(recommend.Request{UserID: user, NumResults: recommend.MaxNumResults,
			Exploration: &recommend.Exploration{}})
		require.NoError(t, err)
		require.Len(t, recs, min(catalogue, recommend.MaxNumResults))
		total := 0.0
		for _, r := range recs {
			total += r.Score
		}
		// Every item of the catalogue with an interaction is in the list; cold ones have none.
		require.InDelta(t, 1.0, total, 1e-4, "user %s", user)
	}
}

// A promotion's share comes first; exploration takes at most what it leaves (found by
// FuzzRecommend: the two shares once added up to more than numResults).
func TestPromotionLeavesExplorationTheRest(t *testing.T) {
	t.Parallel()
	m := train(t, recommend.Config{Recipe: "aws-user-personalization"}, exampleWithItems())
	recs, err := m.Recommend(recommend.Request{
		UserID: "u1", NumResults: 2,
		Exploration: &recommend.Exploration{Weight: 1, AgeCutOffDays: 30},
		Promotion:   &recommend.Promotion{Percent: 50, Keep: only("A", "B")},
	})
	require.NoError(t, err)
	// 1 promoted (A, before B by popularity and id), 1 explored (G); no regular slot left.
	require.Equal(t, []string{"A", "G"}, itemIDs(recs))
}
