package recipes_test

import (
	"fmt"

	"github.com/awsfake/awsfake/internal/recipes"
)

func ExampleList() {
	for _, r := range recipes.List(recipes.DomainVideoOnDemand) {
		fmt.Printf("%s (%s): userId %s, itemId %s\n", r.UseCase, r.Name, r.UserID, r.ItemID)
	}
	// Output:
	// Because you watched X (aws-vod-because-you-watched-x): userId required, itemId required
	// More like X (aws-vod-more-like-x): userId required, itemId required
	// Most popular (aws-vod-most-popular): userId required, itemId not-used
	// Top picks for you (aws-vod-top-picks): userId required, itemId not-used
	// Trending now (aws-vod-trending-now): userId for-filters, itemId not-used
}

func ExampleLookup() {
	r, ok := recipes.Lookup("arn:aws:personalize:::recipe/aws-sims")
	fmt.Println(ok, r.Type, r.Family, r.Runtime, r.Created.Format("2006-01-02"))
	_, ok = recipes.Lookup("arn:aws:personalize:::recipe/aws-hrnn")
	old, retired := recipes.Retired("arn:aws:personalize:::recipe/aws-hrnn")
	fmt.Println(ok, retired, old.Name)
	// Output:
	// true RELATED_ITEMS similar-items GetRecommendations 2019-06-10
	// false true aws-hrnn
}
