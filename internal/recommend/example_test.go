package recommend_test

import (
	"fmt"
	"strings"

	"github.com/awsfake/awsfake/internal/recommend"
)

// The package documentation's worked example: u1's answer before and after u1's event for D.
func Example() {
	data := recommend.Data{Interactions: []recommend.Interaction{
		{UserID: "u1", ItemID: "A", Timestamp: 1}, {UserID: "u1", ItemID: "B", Timestamp: 2},
		{UserID: "u2", ItemID: "A", Timestamp: 3}, {UserID: "u2", ItemID: "C", Timestamp: 4},
		{UserID: "u3", ItemID: "B", Timestamp: 5}, {UserID: "u3", ItemID: "C", Timestamp: 6},
		{UserID: "u3", ItemID: "D", Timestamp: 7}, {UserID: "u4", ItemID: "D", Timestamp: 8},
		{UserID: "u5", ItemID: "C", Timestamp: 9},
	}}
	model, err := recommend.Train(recommend.Config{Recipe: "arn:aws:personalize:::recipe/aws-user-personalization"}, data)
	if err != nil {
		panic(err)
	}
	show := func(req recommend.Request) {
		recs, err := model.Recommend(req)
		if err != nil {
			panic(err)
		}
		var line []string
		for _, r := range recs {
			line = append(line, fmt.Sprintf("%s %.7f", r.ItemID, r.Score))
		}
		fmt.Println(strings.Join(line, ", "))
	}
	show(recommend.Request{UserID: "u1"})
	show(recommend.Request{UserID: "u1", Live: []recommend.Interaction{{UserID: "u1", ItemID: "D", Timestamp: 10}}})

	popular, _ := recommend.Train(recommend.Config{Recipe: "aws-popularity-count"}, data)
	sims, _ := recommend.Train(recommend.Config{Recipe: "aws-sims"}, data)
	for _, list := range [][]recommend.Recommendation{
		must(popular.Recommend(recommend.Request{})),
		must(sims.Recommend(recommend.Request{ItemID: "A"})),
	} {
		var line []string
		for _, r := range list {
			line = append(line, r.ItemID)
		}
		fmt.Println(strings.Join(line, " "))
	}
	// Output:
	// C 0.3846154, D 0.3076923, A 0.1538462, B 0.1538462
	// C 0.3793103, B 0.2758621, D 0.2068966, A 0.1379310
	// C A B D
	// B C D
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
