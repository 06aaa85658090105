// Package recipes is Amazon Personalize's recipe catalogue as data: the custom recipes that
// solutions train with and the domain use cases that recommenders serve, with what
// ListRecipes and DescribeRecipe show of each and what the rest of the fake needs (datasets,
// runtime inputs, the rule its answers follow). It knows nothing of the engine or the SDK.
//
// # Faithful
//
// From the recipe pages of the developer guide and real ListRecipes output
// (personalize-recommendations facts §1, with each recipe's page cited in Recipe.Source):
//   - The served recipes and their names; ARNs arn:aws:personalize:::recipe/<name>, with no
//     Region or account; status ACTIVE.
//   - Algorithm and feature transformation ARNs where a recipe's page lists them.
//   - Recipe types where a page states them (USER_PERSONALIZATION for Popularity-Count as its
//     page says, RELATED_ITEMS, PERSONALIZED_RANKING, USER_SEGMENTATION, ...).
//   - creationDateTime 2019-06-10 for the original recipes and the ECOMMERCE use cases,
//     2021-07-15 Item-Affinity, 2021-08-25 Item-Attribute-Affinity, 2023-08-11
//     Next-Best-Action, 2024-01-01 Personalized-Ranking-v2; lastUpdatedDateTime
//     2024-06-19T16:47:19.191Z for all (the last real listing).
//   - ListRecipes: every recipe without a domain filter, only that domain's use cases with
//     one; sorted by name, as both real listings were; domain shown only on domain recipes.
//   - Datasets each recipe requires or uses, the runtime operation and whether it needs a
//     userId or itemId, no batch inference for Trending-Now and Next-Best-Action, trainingMode
//     UPDATE only for User-Personalization, performIncrementalUpdate only for
//     Semantic-Similarity, the documented default hyperparameters.
//   - Domain use cases: the event type each needs 1000 of, and the items each leaves out of a
//     user's recommendations (purchased or watched).
//   - The legacy HRNN recipes are gone ("no longer available"): List and Lookup do not know
//     them; Retired does, so that a refusal can say why.
//
// # Documented guesses
//
//   - Descriptions: AWS's DescribeRecipe text is not published; each is a one-line summary of
//     the recipe's page.
//   - recipeType of Trending-Now (POPULAR_ITEMS), Semantic-Similarity (RELATED_ITEMS, as its
//     page says), Next-Best-Action (PERSONALIZED_ACTIONS) and of every domain use case (by
//     what it answers); the model documents only three types.
//   - Creation dates not seen in real output (User-Personalization-v2: 2024-01-01, with
//     Personalized-Ranking-v2; the rest: 2019-06-10, the date even recipes launched later
//     carry).
//   - Domain use cases have no algorithm or feature transformation ARN.
//   - Family, the rule the fake's runtime answers with, is the fake's own: a stand-in for
//     AWS's models, documented with the runtime.
//
// # Not covered
//
// DescribeAlgorithm and DescribeFeatureTransformation details; the hyperparameter ranges and
// HPO tunability; Trending-Now's trend discovery frequency (its API key is not documented);
// recipes of the AutoML era beyond the HRNN ones.
package recipes
