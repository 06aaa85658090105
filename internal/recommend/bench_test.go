package recommend_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/awsfake/awsfake/internal/recommend"
)

// benchSizes are the dataset sizes the goals name: 10,000 and 1,000,000 interactions.
var benchSizes = []int{10_000, 1_000_000}

var benchData = map[int]recommend.Data{}

func dataOf(n int) recommend.Data {
	if d, ok := benchData[n]; ok {
		return d
	}
	benchData[n] = synthetic(1, n)
	return benchData[n]
}

// BenchmarkTrain measures training and reports the heap the model keeps per interaction.
func BenchmarkTrain(b *testing.B) {
	for _, recipe := range []string{"aws-user-personalization", "aws-sims", "aws-trending-now"} {
		for _, n := range benchSizes {
			data := dataOf(n)
			b.Run(fmt.Sprintf("%s/%d", recipe, n), func(b *testing.B) {
				var m *recommend.Model
				for b.Loop() {
					m = train(b, recommend.Config{Recipe: recipe}, data)
				}
				b.ReportMetric(heldPerInteraction(b, recipe, data), "B/interaction")
				runtime.KeepAlive(m)
			})
		}
	}
}

// heldPerInteraction is the heap a trained model keeps, divided by the interactions.
func heldPerInteraction(b *testing.B, recipe string, data recommend.Data) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	m := train(b, recommend.Config{Recipe: recipe}, data)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(m)
	return float64(after.HeapAlloc-before.HeapAlloc) / float64(len(data.Interactions))
}

// BenchmarkRecommend measures one answer per recipe family, for users (or items) taken in turn
// from those the data holds, 25 items each.
func BenchmarkRecommend(b *testing.B) {
	for _, n := range benchSizes {
		data := dataOf(n)
		users := make([]string, 0, 512)
		items := make([]string, 0, 512)
		for k := 0; k < len(data.Interactions) && len(users) < 512; k += 97 {
			users, items = append(users, data.Interactions[k].UserID), append(items, data.Interactions[k].ItemID)
		}
		live := []recommend.Interaction{ev(users[0], items[1], 1<<40), ev(users[0], items[2], 1<<40+1)}
		up := train(b, recommend.Config{Recipe: "aws-user-personalization"}, data)
		sims := train(b, recommend.Config{Recipe: "aws-sims"}, data)
		pop := train(b, recommend.Config{Recipe: "aws-popularity-count"}, data)
		rank := train(b, recommend.Config{Recipe: "aws-personalized-ranking"}, data)
		cases := []struct {
			name string
			ask  func(k int) error
		}{
			{"user-personalization", func(k int) error {
				_, err := up.Recommend(recommend.Request{UserID: users[k%len(users)]})
				return err
			}},
			{"user-personalization-live", func(k int) error {
				_, err := up.Recommend(recommend.Request{UserID: users[k%len(users)], Live: live})
				return err
			}},
			{"user-personalization-filtered", func(k int) error {
				_, err := up.Recommend(recommend.Request{UserID: users[k%len(users)], Keep: func(id string) bool { return id[len(id)-1] != '3' }})
				return err
			}},
			{"sims", func(k int) error {
				_, err := sims.Recommend(recommend.Request{ItemID: items[k%len(items)]})
				return err
			}},
			{"popularity", func(k int) error {
				_, err := pop.Recommend(recommend.Request{})
				return err
			}},
			{"ranking-25", func(k int) error {
				_, err := rank.Rank(recommend.RankRequest{UserID: users[k%len(users)], InputList: items[:25]})
				return err
			}},
		}
		for _, c := range cases {
			b.Run(fmt.Sprintf("%s/%d", c.name, n), func(b *testing.B) {
				b.ReportAllocs()
				k := 0
				for b.Loop() {
					if err := c.ask(k); err != nil {
						b.Fatal(err)
					}
					k++
				}
			})
		}
	}
}

// BenchmarkMetrics measures GetSolutionMetrics' first computation (up to 1000 users).
func BenchmarkMetrics(b *testing.B) {
	for _, n := range benchSizes {
		data := dataOf(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				_ = train(b, recommend.Config{Recipe: "aws-user-personalization"}, data).Metrics()
			}
		})
	}
}
