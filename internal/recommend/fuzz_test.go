package recommend_test

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"testing"

	"github.com/awsfake/awsfake/internal/recommend"
)

var fuzzRecipes = []string{
	"aws-user-personalization", "aws-user-personalization-v2", "aws-popularity-count", "aws-trending-now",
	"aws-sims", "aws-similar-items", "aws-personalized-ranking", "aws-next-best-action", "aws-item-affinity",
	"aws-ecomm-recommended-for-you", "aws-ecomm-customers-who-viewed-x-also-viewed", "aws-vod-more-like-x",
	"aws-ecomm-popular-items-by-views", "aws-vod-trending-now",
}

// FuzzRecommend trains every recipe on random small datasets and asks random questions: no
// panic, answers of at most numResults unique items, every item kept by the request's filter (or,
// if promoted, by the promotion's), scores in (0, 1] and non-increasing, the same answer twice.
func FuzzRecommend(f *testing.F) {
	f.Add(uint64(1), uint8(5), uint8(6), uint16(30), uint8(0), int16(0), uint64(0xffff), uint8(0), uint8(30), uint8(3))
	f.Add(uint64(2), uint8(1), uint8(1), uint16(1), uint8(4), int16(3), uint64(0), uint8(50), uint8(100), uint8(0))
	f.Add(uint64(3), uint8(40), uint8(30), uint16(400), uint8(6), int16(500), uint64(0xf0f0), uint8(20), uint8(0), uint8(9))
	f.Add(uint64(4), uint8(0), uint8(0), uint16(0), uint8(7), int16(-3), uint64(1), uint8(100), uint8(255), uint8(255))
	f.Fuzz(func(t *testing.T, seed uint64, users, items uint8, events uint16, recipe uint8, numResults int16,
		keepMask uint64, promoPercent, exploreWeight, live uint8) {
		r := rand.New(rand.NewPCG(seed, 7))
		data := fuzzData(r, int(users), int(items), int(events%2000))
		name := fuzzRecipes[int(recipe)%len(fuzzRecipes)]
		m, err := recommend.Train(recommend.Config{Recipe: name}, data)
		if err != nil {
			t.Fatalf("train %s: %v", name, err)
		}
		keep := func(id string) bool { return keepMask>>(hash(id)%64)&1 == 1 }
		user := fmt.Sprintf("u%d", r.IntN(int(users)+2))
		var liveEvents []recommend.Interaction
		for range int(live % 16) {
			liveEvents = append(liveEvents, fuzzEvent(r, user, int(items)+1))
		}
		req := recommend.Request{
			UserID: user, ItemID: fmt.Sprintf("i%d", r.IntN(int(items)+2)), NumResults: int(numResults),
			Live: liveEvents, Keep: keep,
			Exploration: &recommend.Exploration{Weight: float64(exploreWeight%101) / 100, AgeCutOffDays: 1 + float64(r.IntN(60))},
		}
		if promoPercent > 0 {
			req.Promotion = &recommend.Promotion{Percent: int(promoPercent%100) + 1, Keep: func(id string) bool { return !keep(id) }}
		}
		limit := int(numResults)
		if limit <= 0 {
			limit = recommend.DefaultNumResults
		}
		switch m.Recipe().Family {
		case recommend.PersonalizedRanking:
			input := []string{"i0", "i1", "nope", "i1", fmt.Sprintf("i%d", items)}
			checkAnswer(t, m, func() ([]recommend.Recommendation, error) {
				return m.Rank(recommend.RankRequest{UserID: user, InputList: input, Live: liveEvents, Keep: keep})
			}, len(input), keep, nil)
		case recommend.NextBestAction:
			checkActions(t, m, recommend.ActionRequest{UserID: user, NumResults: int(numResults), Keep: keep}, keep)
		case recommend.UserSegmentation:
			if _, err := m.Segment([]string{"i0", "i1"}, int(numResults), keep); err != nil {
				t.Fatal(err)
			}
		default:
			checkAnswer(t, m, func() ([]recommend.Recommendation, error) { return m.Recommend(req) }, limit, keep, req.Promotion)
		}
		_ = m.Metrics()
	})
}

func fuzzData(r *rand.Rand, users, items, events int) recommend.Data {
	var data recommend.Data
	for range events {
		data.Interactions = append(data.Interactions, fuzzEvent(r, fmt.Sprintf("u%d", r.IntN(users+1)), items))
	}
	for i := range items / 2 {
		data.Items = append(data.Items, recommend.Item{
			ID: fmt.Sprintf("i%d", i+items/2), CreatedAt: r.Int64N(100) - 20,
			Properties: map[string]string{"genre": fmt.Sprintf("g%d|g%d", r.IntN(3), r.IntN(3))},
		})
		data.Actions = append(data.Actions, recommend.Action{ID: fmt.Sprintf("a%d", i), Value: float64(r.IntN(3))})
	}
	for range events / 2 {
		data.ActionInteractions = append(data.ActionInteractions, recommend.ActionInteraction{
			UserID: fmt.Sprintf("u%d", r.IntN(users+1)), ActionID: fmt.Sprintf("a%d", r.IntN(items/2+1)),
			EventType: []string{"TAKEN", "taken", "VIEWED"}[r.IntN(3)], Timestamp: r.Int64N(50),
		})
	}
	return data
}

func fuzzEvent(r *rand.Rand, user string, items int) recommend.Interaction {
	it := recommend.Interaction{
		UserID: user, ItemID: fmt.Sprintf("i%d", r.IntN(items+1)),
		EventType: []string{"click", "Purchase", "View", "Watch"}[r.IntN(4)], Timestamp: r.Int64N(50),
	}
	if r.IntN(2) == 0 {
		v := float64(r.IntN(5))
		it.EventValue = &v
	}
	return it
}

func hash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

func checkAnswer(t *testing.T, m *recommend.Model, ask func() ([]recommend.Recommendation, error), limit int,
	keep func(string) bool, promotion *recommend.Promotion) {
	t.Helper()
	recs, err := ask()
	if err != nil {
		t.Fatalf("%s: %v", m.Recipe().Name, err)
	}
	if len(recs) > limit {
		t.Fatalf("%s: %d items, numResults %d", m.Recipe().Name, len(recs), limit)
	}
	seen := map[string]bool{}
	last := 2.0
	for _, r := range recs {
		if seen[r.ItemID] {
			t.Fatalf("%s: %s twice in %v", m.Recipe().Name, r.ItemID, itemIDs(recs))
		}
		seen[r.ItemID] = true
		kept := keep(r.ItemID)
		if r.Promoted {
			kept = promotion != nil && promotion.Keep(r.ItemID)
		}
		if !kept {
			t.Fatalf("%s: %s is not kept by its filter", m.Recipe().Name, r.ItemID)
		}
		if r.HasScore {
			if r.Score <= 0 || r.Score > 1 || r.Score > last {
				t.Fatalf("%s: score %v after %v in %v", m.Recipe().Name, r.Score, last, flatten(recs))
			}
			last = r.Score
		}
	}
	again, _ := ask()
	if fmt.Sprint(again) != fmt.Sprint(recs) {
		t.Fatalf("%s: asked twice, answered %v then %v", m.Recipe().Name, recs, again)
	}
}

func checkActions(t *testing.T, m *recommend.Model, req recommend.ActionRequest, keep func(string) bool) {
	t.Helper()
	recs, err := m.RecommendActions(req)
	if err != nil {
		t.Fatal(err)
	}
	limit := req.NumResults
	if limit <= 0 {
		limit = recommend.DefaultActionResults
	}
	seen := map[string]bool{}
	last := 2.0
	for _, r := range recs {
		if seen[r.ActionID] || !keep(r.ActionID) || r.Score < 0 || r.Score > 1 || r.Score > last {
			t.Fatalf("bad action answer %v", recs)
		}
		seen[r.ActionID] = true
		last = r.Score
	}
	if len(recs) > limit {
		t.Fatalf("%d actions, numResults %d", len(recs), limit)
	}
}
