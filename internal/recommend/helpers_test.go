package recommend_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/recommend"
)

// ev is an interaction without type or value.
func ev(user, item string, ts int64) recommend.Interaction {
	return recommend.Interaction{UserID: user, ItemID: item, Timestamp: ts}
}

// typed is an interaction of an event type, with a value when value is not nil.
func typed(user, item, eventType string, ts int64, value *float64) recommend.Interaction {
	return recommend.Interaction{UserID: user, ItemID: item, EventType: eventType, EventValue: value, Timestamp: ts}
}

func ptr[T any](v T) *T { return &v }

// example is the package documentation's worked example: u1: A@1, B@2; u2: A@3, C@4;
// u3: B@5, C@6, D@7; u4: D@8; u5: C@9. Popularity: C 3; A, B, D 2 each.
func example() []recommend.Interaction {
	return []recommend.Interaction{
		ev("u1", "A", 1), ev("u1", "B", 2), ev("u2", "A", 3), ev("u2", "C", 4),
		ev("u3", "B", 5), ev("u3", "C", 6), ev("u3", "D", 7), ev("u4", "D", 8), ev("u5", "C", 9),
	}
}

func train(t testing.TB, cfg recommend.Config, data recommend.Data) *recommend.Model {
	t.Helper()
	m, err := recommend.Train(cfg, data)
	require.NoError(t, err)
	return m
}

// scored is an answer item as a test writes it: id and score (-1: no score).
type scored struct {
	ID    string
	Score float64
}

func flatten(recs []recommend.Recommendation) []scored {
	out := make([]scored, len(recs))
	for k, r := range recs {
		out[k] = scored{ID: r.ItemID, Score: -1}
		if r.HasScore {
			out[k].Score = r.Score
		}
	}
	return out
}

func itemIDs(recs []recommend.Recommendation) []string {
	out := make([]string, len(recs))
	for k, r := range recs {
		out[k] = r.ItemID
	}
	return out
}

// only keeps the listed ids.
func only(ids ...string) func(string) bool {
	set := map[string]bool{}
	for _, id := range ids {
		set[id] = true
	}
	return func(id string) bool { return set[id] }
}

// except keeps every id but the listed ones.
func except(ids ...string) func(string) bool {
	refuse := only(ids...)
	return func(id string) bool { return !refuse(id) }
}

// synthetic makes a deterministic dataset of n interactions: n/20 users chosen uniformly, n/50
// items (at least 20) chosen by a Zipf law (a few popular items, a long tail), timestamps
// increasing by 1–60 s, types "click" (90%) and "purchase".
func synthetic(seed uint64, n int) recommend.Data {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	users, items := max(n/20, 2), max(n/50, 20)
	zipf := rand.NewZipf(r, 1.1, 2, uint64(items-1))
	userIDs, itemIDs := make([]string, users), make([]string, items)
	for u := range userIDs {
		userIDs[u] = fmt.Sprintf("user-%06d", u)
	}
	for i := range itemIDs {
		itemIDs[i] = fmt.Sprintf("item-%06d", i)
	}
	data := recommend.Data{Interactions: make([]recommend.Interaction, n)}
	ts := int64(1_700_000_000)
	for k := range data.Interactions {
		ts += 1 + r.Int64N(60)
		eventType := "click"
		if r.IntN(10) == 0 {
			eventType = "purchase"
		}
		data.Interactions[k] = recommend.Interaction{
			UserID: userIDs[r.IntN(users)], ItemID: itemIDs[zipf.Uint64()], EventType: eventType, Timestamp: ts,
		}
	}
	return data
}
