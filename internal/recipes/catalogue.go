package recipes

import "time"

// The dates every account sees on recipes. ListRecipes showed creationDateTime 2019-06-10
// 00:00:00 for the original recipes and for the ECOMMERCE use cases, the dates below for the
// later ones, and one lastUpdatedDateTime for every recipe (aws-samples/amazon-personalize-
// samples, POC_in_a_box 03 cell 4, Sept 2020; personalized_recommender_agent 01 cells 40 and
// 42, July 2024). Recipes that no saved output shows take the original date (a guess: the
// ECOMMERCE use cases, from 2021, carry it too), except User-Personalization-v2, which takes
// the date of Personalized-Ranking-v2, released with it.
var (
	originalDate   = time.Date(2019, 6, 10, 0, 0, 0, 0, time.UTC)
	lastUpdated    = time.Date(2024, 6, 19, 16, 47, 19, 191_000_000, time.UTC)
	lastUpdatedOld = time.Date(2020, 8, 25, 16, 57, 0, 148_000_000, time.UTC) // the HRNN recipes' last
	v2Date         = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
)

const dg = "https://docs.aws.amazon.com/personalize/latest/dg/"

// upHyperparameters are User-Personalization's and (less exploration) Personalized-Ranking's
// documented defaults (dg/native-recipe-new-item-USER_PERSONALIZATION, dg/native-recipe-search).
var upHyperparameters = []Hyperparameter{
	{"hidden_dimension", GroupAlgorithm, "149"},
	{"bptt", GroupAlgorithm, "32"},
	{"recency_mask", GroupAlgorithm, "true"},
	{"min_user_history_length_percentile", GroupFeaturization, "0.0"},
	{"max_user_history_length_percentile", GroupFeaturization, "0.99"},
	{"exploration_weight", GroupItemExploration, "0.3"},
	{"exploration_item_age_cut_off", GroupItemExploration, "30.0"},
}

// custom is the custom recipe catalogue (personalize-recommendations facts §1.2 and each
// recipe's page in the developer guide; the properties each page lists are quoted as given).
var custom = []Recipe{
	{
		Name: "aws-user-personalization-v2", Type: TypeUserPersonalization,
		AlgorithmARN: "arn:aws:personalize:::algorithm/aws-user-personalization-v2",
		Description:  "Recommends the items a user will most likely interact with, with a transformer model trained on up to 5 million items.",
		Created:      v2Date, LastUpdated: lastUpdated,
		Family: FamilyUserPersonalization, Runtime: GetRecommendations, UserID: NeedRequired, ItemID: NeedNotUsed,
		BatchInference: true, AutoUpdates: true,
		Requires: []string{Interactions}, Uses: []string{Items, Users}, MinEvents: 1000,
		Hyperparameters: []Hyperparameter{{"apply_recency_bias", GroupAlgorithm, "true"}},
		Source:          dg + "native-recipe-user-personalization-v2.html",
	},
	{
		Name: "aws-user-personalization", Type: TypeUserPersonalization,
		AlgorithmARN: "arn:aws:personalize:::algorithm/aws-user-personalization",
		Description:  "Recommends the items a user will most likely interact with, exploring items with little interactions data.",
		Created:      originalDate, LastUpdated: lastUpdated,
		Family: FamilyUserPersonalization, Runtime: GetRecommendations, UserID: NeedRequired, ItemID: NeedNotUsed,
		BatchInference: true, UpdateTraining: true, AutoUpdates: true,
		Requires: []string{Interactions}, Uses: []string{Items, Users}, MinEvents: 1000,
		Hyperparameters: upHyperparameters,
		Source:          dg + "native-recipe-new-item-USER_PERSONALIZATION.html",
	},
	{
		Name: "aws-personalized-ranking-v2", Type: TypePersonalizedRanking,
		AlgorithmARN: "arn:aws:personalize:::algorithm/aws-personalized-ranking-v2",
		Description:  "Ranks a list of items for a user, with a transformer model trained on up to 5 million items.",
		Created:      v2Date, LastUpdated: lastUpdated,
		Family: FamilyRanking, Runtime: GetPersonalizedRanking, UserID: NeedRequired, ItemID: NeedNotUsed,
		BatchInference: true,
		Requires:       []string{Interactions}, Uses: []string{Items, Users}, MinEvents: 1000,
		Hyperparameters: []Hyperparameter{{"apply_recency_bias", GroupAlgorithm, "true"}},
		Source:          dg + "native-recipe-personalized-ranking-v2.html",
	},
	{
		Name: "aws-personalized-ranking", Type: TypePersonalizedRanking,
		AlgorithmARN:             "arn:aws:personalize:::algorithm/aws-personalized-ranking",
		FeatureTransformationARN: "arn:aws:personalize:::feature-transformation/JSON-percentile-filtering",
		Description:              "Ranks a list of items for a user by how likely the user is to interact with each.",
		Created:                  originalDate, LastUpdated: lastUpdated,
		Family: FamilyRanking, Runtime: GetPersonalizedRanking, UserID: NeedRequired, ItemID: NeedNotUsed,
		BatchInference: true,
		Requires:       []string{Interactions}, Uses: []string{Items, Users}, MinEvents: 1000,
		Hyperparameters: upHyperparameters[:5],
		Source:          dg + "native-recipe-search.html",
	},
	{
		// The recipe table calls it POPULAR_ITEMS; its own page says USER_PERSONALIZATION,
		// which is what DescribeRecipe reports (facts §12.11).
		Name: "aws-popularity-count", Type: TypeUserPersonalization,
		AlgorithmARN:             "arn:aws:personalize:::algorithm/aws-popularity-count",
		FeatureTransformationARN: "arn:aws:personalize:::feature-transformation/sims",
		Description:              "Recommends the items with the most interactions from unique users, the same for every user.",
		Created:                  originalDate, LastUpdated: lastUpdated,
		Family: FamilyPopularity, Runtime: GetRecommendations, UserID: NeedForFilters, ItemID: NeedNotUsed,
		BatchInference: true,
		Requires:       []string{Interactions}, MinEvents: 1000,
		Source: dg + "native-recipe-popularity.html",
	},
	{
		// DescribeRecipe's recipeType for Trending-Now is not published: POPULAR_ITEMS, the
		// type the recipe list files it under (facts §12.11).
		Name: "aws-trending-now", Type: TypePopularItems,
		AlgorithmARN: "arn:aws:personalize:::algorithm/aws-trending-now-custom",
		Description:  "Recommends the items whose interactions grow fastest over the trend discovery frequency.",
		Created:      originalDate, LastUpdated: lastUpdated,
		Family: FamilyTrending, Runtime: GetRecommendations, UserID: NeedForFilters, ItemID: NeedNotUsed,
		// "You can't get batch recommendations with the Trending-Now recipe."
		Requires: []string{Interactions}, MinEvents: 1000,
		Source: dg + "native-recipe-trending-now.html",
	},
	{
		Name: "aws-similar-items", Type: TypeRelatedItems,
		AlgorithmARN: "arn:aws:personalize:::algorithm/aws-similar-items",
		Description:  "Recommends items similar to an item, from co-occurrence in user histories and item metadata.",
		Created:      originalDate, LastUpdated: lastUpdated,
		Family: FamilySimilarItems, Runtime: GetRecommendations, UserID: NeedForFilters, ItemID: NeedRequired,
		BatchInference: true,
		Requires:       []string{Interactions}, Uses: []string{Items}, MinEvents: 1000,
		Hyperparameters: []Hyperparameter{
			{"item_id_hidden_dimension", GroupAlgorithm, "100"},
			{"item_metadata_hidden_dimension", GroupAlgorithm, "100"},
		},
		Source: dg + "native-recipe-similar-items.html",
	},
	{
		Name: "aws-sims", Type: TypeRelatedItems,
		AlgorithmARN:             "arn:aws:personalize:::algorithm/aws-sims",
		FeatureTransformationARN: "arn:aws:personalize:::feature-transformation/sims",
		Description:              "Recommends items similar to an item by collaborative filtering on user histories, popular items when an item has too little data.",
		Created:                  originalDate, LastUpdated: lastUpdated,
		Family: FamilySimilarItems, Runtime: GetRecommendations, UserID: NeedForFilters, ItemID: NeedRequired,
		BatchInference: true,
		Requires:       []string{Interactions}, MinEvents: 1000,
		Hyperparameters: []Hyperparameter{
			{"popularity_discount_factor", GroupAlgorithm, "0.5"},
			{"min_cointeraction_count", GroupAlgorithm, "3"},
			{"min_user_history_length_percentile", GroupFeaturization, "0.005"},
			{"max_user_history_length_percentile", GroupFeaturization, "0.995"},
			{"min_item_interaction_count_percentile", GroupFeaturization, "0.01"},
			{"max_item_interaction_count_percentile", GroupFeaturization, "0.9"},
		},
		Source: dg + "native-recipe-sims.html",
	},
	{
		// The only recipe whose solutions take performIncrementalUpdate (model doc).
		Name: "aws-semantic-similarity", Type: TypeRelatedItems,
		AlgorithmARN:             "arn:aws:personalize:::algorithm/aws-semantic-similarity",
		FeatureTransformationARN: "arn:aws:personalize:::feature-transformation/aws-semantic-similarity",
		Description:              "Recommends items whose textual descriptions are semantically similar to an item's.",
		Created:                  originalDate, LastUpdated: lastUpdated,
		Family: FamilySemanticSimilarity, Runtime: GetRecommendations, UserID: NeedForFilters, ItemID: NeedRequired,
		BatchInference: true, IncrementalUpdate: true,
		Requires: []string{Items}, Uses: []string{Interactions},
		Source: dg + "native-recipe-semantic-similarity.html",
	},
	{
		// Actions and at least 1000 item interactions are required; action interactions are
		// optional, though recommended (the current page; facts §1.2 lists them as needed).
		Name: "aws-next-best-action", Type: TypePersonalizedActions,
		AlgorithmARN: "arn:aws:personalize:::algorithm/aws-next-best-action",
		Description:  "Recommends the actions a user will most likely take in the action optimization period.",
		Created:      time.Date(2023, 8, 11, 0, 0, 0, 0, time.UTC), LastUpdated: lastUpdated,
		Family: FamilyNextBestAction, Runtime: GetActionRecommendations, UserID: NeedRequired, ItemID: NeedNotUsed,
		AutoUpdates: true,
		Requires:    []string{Actions, Interactions}, Uses: []string{ActionInteractions, Items, Users}, MinEvents: 1000,
		Hyperparameters: []Hyperparameter{{"action_optimization_period", GroupFeaturization, "14"}},
		Source:          dg + "native-recipe-next-best-action.html",
	},
	{
		Name: "aws-item-affinity", Type: TypeUserSegmentation,
		AlgorithmARN:             "arn:aws:personalize:::algorithm/aws-item-affinity",
		FeatureTransformationARN: "arn:aws:personalize:::feature-transformation/item-affinity",
		Description:              "Creates a segment of the users most likely to interact with each item you give.",
		Created:                  time.Date(2021, 7, 15, 0, 0, 0, 0, time.UTC), LastUpdated: lastUpdated,
		Family: FamilyUserSegmentation, UserID: NeedNotUsed, ItemID: NeedNotUsed,
		BatchSegment: true,
		Requires:     []string{Interactions}, Uses: []string{Items, Users}, MinEvents: 1000,
		Hyperparameters: []Hyperparameter{{"hidden_dimension", GroupAlgorithm, "149"}},
		Source:          dg + "item-affinity-recipe.html",
	},
	{
		Name: "aws-item-attribute-affinity", Type: TypeUserSegmentation,
		AlgorithmARN:             "arn:aws:personalize:::algorithm/aws-item-attribute-affinity",
		FeatureTransformationARN: "arn:aws:personalize:::feature-transformation/item-attribute-affinity",
		Description:              "Creates a segment of the users most likely to interact with items of each attribute you give.",
		Created:                  time.Date(2021, 8, 25, 0, 0, 0, 0, time.UTC), LastUpdated: lastUpdated,
		Family: FamilyUserSegmentation, UserID: NeedNotUsed, ItemID: NeedNotUsed,
		BatchSegment: true,
		Requires:     []string{Interactions, Items}, MinEvents: 1000,
		Hyperparameters: []Hyperparameter{{"hidden_dimension", GroupAlgorithm, "149"}},
		Source:          dg + "item-attribute-affinity-recipe.html",
	},
}

// retired are the legacy HRNN recipes: listed in 2020, absent from ListRecipes by 2024, and
// "no longer available" (dg/legacy-user-personalization-recipes). AutoML chose among them.
var retired = func() []Recipe {
	list := []Recipe{
		{Name: "aws-hrnn", Description: "Legacy hierarchical recurrent neural network recipe."},
		{Name: "aws-hrnn-metadata", Description: "Legacy HRNN recipe with user, item and contextual metadata."},
		{Name: "aws-hrnn-coldstart", Description: "Legacy HRNN recipe that explores cold items.", UpdateTraining: true},
	}
	for i := range list {
		r := &list[i]
		r.ARN = ARN(r.Name)
		r.Type, r.Family = TypeUserPersonalization, FamilyUserPersonalization
		r.Runtime, r.UserID, r.ItemID = GetRecommendations, NeedRequired, NeedNotUsed
		r.Created, r.LastUpdated = originalDate, lastUpdatedOld
		r.Requires = []string{Interactions}
		r.Source = dg + "legacy-user-personalization-recipes.html"
	}
	return list
}()
