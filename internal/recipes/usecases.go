package recipes

// domainRecipes are the domain use cases, the recipes CreateRecommender takes
// (personalize-recommendations facts §1.3; dg/ECOMMERCE-use-cases.html,
// dg/VIDEO_ON_DEMAND-use-cases.html). For all of them training needs at least 1000
// interactions (of EventType when set) from at least 25 users with two or more each.
//
// AWS publishes no DescribeRecipe output for a use case: the recipeType of each is the fake's
// choice by what it answers (POPULAR_ITEMS, RELATED_ITEMS or USER_PERSONALIZATION), and it
// has no algorithm or feature transformation ARN. ListRecipes showed every ECOMMERCE use case
// with the original creation date; the VIDEO_ON_DEMAND ones are given the same.
var domainRecipes = []Recipe{
	useCase(Recipe{
		Domain: DomainECommerce, Name: "aws-ecomm-popular-items-by-views", UseCase: "Most viewed",
		Type: TypePopularItems, Family: FamilyPopularity, UserID: NeedRequired, ItemID: NeedNotUsed,
		EventType:   "View",
		Description: "Recommends the items your users viewed most.",
	}),
	useCase(Recipe{
		Domain: DomainECommerce, Name: "aws-ecomm-popular-items-by-purchases", UseCase: "Best sellers",
		Type: TypePopularItems, Family: FamilyPopularity, UserID: NeedRequired, ItemID: NeedNotUsed,
		EventType:   "Purchase",
		Description: "Recommends the items your users purchased most.",
	}),
	useCase(Recipe{
		Domain: DomainECommerce, Name: "aws-ecomm-frequently-bought-together", UseCase: "Frequently bought together",
		Type: TypeRelatedItems, Family: FamilySimilarItems, UserID: NeedForFilters, ItemID: NeedRequired,
		EventType:   "Purchase",
		Description: "Recommends the items customers frequently buy together with an item.",
	}),
	useCase(Recipe{
		Domain: DomainECommerce, Name: "aws-ecomm-customers-who-viewed-x-also-viewed", UseCase: "Customers who viewed X also viewed",
		Type: TypeRelatedItems, Family: FamilySimilarItems, UserID: NeedRequired, ItemID: NeedRequired,
		EventType: "View", ExcludesEventType: "Purchase",
		Description: "Recommends the items customers also viewed with an item, leaving out what the user purchased.",
	}),
	useCase(Recipe{
		// The only use case whose page lists optional datasets.
		Domain: DomainECommerce, Name: "aws-ecomm-recommended-for-you", UseCase: "Recommended for you",
		Type: TypeUserPersonalization, Family: FamilyUserPersonalization, UserID: NeedRequired, ItemID: NeedNotUsed,
		ExcludesEventType: "Purchase", Uses: []string{Items, Users},
		Description: "Recommends items for a user, leaving out what the user purchased.",
	}),
	useCase(Recipe{
		Domain: DomainVideoOnDemand, Name: "aws-vod-because-you-watched-x", UseCase: "Because you watched X",
		Type: TypeRelatedItems, Family: FamilySimilarItems, UserID: NeedRequired, ItemID: NeedRequired,
		EventType: "Watch", ExcludesEventType: "Watch",
		Description: "Recommends videos that other users watched with a video, leaving out what the user watched.",
	}),
	useCase(Recipe{
		Domain: DomainVideoOnDemand, Name: "aws-vod-more-like-x", UseCase: "More like X",
		Type: TypeRelatedItems, Family: FamilySimilarItems, UserID: NeedRequired, ItemID: NeedRequired,
		ExcludesEventType: "Watch", Requires: []string{Interactions, Items},
		Description: "Recommends videos similar to a video, leaving out what the user watched.",
	}),
	useCase(Recipe{
		Domain: DomainVideoOnDemand, Name: "aws-vod-most-popular", UseCase: "Most popular",
		Type: TypePopularItems, Family: FamilyPopularity, UserID: NeedRequired, ItemID: NeedNotUsed,
		EventType:   "Watch",
		Description: "Recommends the videos watched by the most users.",
	}),
	useCase(Recipe{
		Domain: DomainVideoOnDemand, Name: "aws-vod-trending-now", UseCase: "Trending now",
		Type: TypePopularItems, Family: FamilyTrending, UserID: NeedForFilters, ItemID: NeedNotUsed,
		Description: "Recommends the videos whose interactions grow fastest.",
	}),
	useCase(Recipe{
		Domain: DomainVideoOnDemand, Name: "aws-vod-top-picks", UseCase: "Top picks for you",
		Type: TypeUserPersonalization, Family: FamilyUserPersonalization, UserID: NeedRequired, ItemID: NeedNotUsed,
		ExcludesEventType: "Watch", Requires: []string{Interactions, Items},
		Description: "Recommends videos for a user, leaving out what the user watched.",
	}),
}

// useCase fills in what every domain recipe shares: the dates, GetRecommendations, the
// Interactions dataset unless more are listed, 1000 events, and the two-hourly refresh of the
// personalized use cases (Top picks for you, Recommended for you: facts §5.1).
func useCase(r Recipe) Recipe {
	r.Created, r.LastUpdated = originalDate, lastUpdated
	r.Runtime = GetRecommendations
	if r.Requires == nil {
		r.Requires = []string{Interactions}
	}
	r.MinEvents = 1000
	r.AutoUpdates = r.Family == FamilyUserPersonalization
	r.Source = dg + r.Domain + "-use-cases.html"
	return r
}
