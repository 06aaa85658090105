// Package recommend is the deterministic stand-in for Amazon Personalize's models: what a
// solution version learns from its dataset group's data, and how a campaign or recommender
// answers GetRecommendations, GetPersonalizedRanking and GetActionRecommendations from it.
//
// AWS trains neural networks; this package states simple rules instead, so that a test can
// predict an answer by hand. Limits, score presence and sums, which id each recipe needs and
// real-time behaviour follow the facts (shared/facts/personalize-recommendations.md); the
// rankings themselves are a documented stand-in. The package knows nothing of HTTP, the SDK or
// the engine: the engine passes data in and gets plain values back.
//
// # Training
//
// [Train] builds a [Model] from [Data] as it is when a solution version is created, and copies
// what it keeps: appending to the caller's slices afterwards changes nothing. Training keeps the
// interactions the solution's event filters accept: its eventType (a domain use case's own type
// when the solution gives none), its eventValueThreshold (value ≥ threshold; an interaction without
// a value fails a threshold), or its eventsConfig (only the listed types, each with its own
// threshold; weights are ignored). Event types compare case-insensitively everywhere.
//
// Words the rules use:
//   - a user's history: the user's distinct items, most recent first (latest timestamp; among
//     equal timestamps, the later arrival). Events sent after training ([Request].Live) come
//     before the trained history, latest first. Only the 10 most recent count.
//   - an item's popularity: how many distinct users interacted with it.
//   - the fallback: every item with an interaction, by popularity (most first), then id.
//   - the catalogue: every item the model knows, with an interaction or in the Items dataset;
//     cold items are those without an interaction.
//   - ties are broken by id, ascending (byte order).
//
// # Rules by recipe family
//
// User personalization (aws-user-personalization, aws-user-personalization-v2, the legacy HRNN
// recipes, aws-ecomm-recommended-for-you, aws-vod-top-picks). With h_0, h_1, … the user's
// history, an item j's relevance is
//
//	relevance(j) = Σ_r 2^-r × (number of other users who interacted with both h_r and j), j ≠ h_r
//
// The answer lists the items with relevance > 0 by relevance, then the fallback. Nothing is
// excluded (AWS excludes nothing by default; use a filter): an item the user already has may
// come back. A user with no history gets the fallback. Each item's score is
// (relevance+1) / (Σ relevance + catalogue size): a share of the whole catalogue, so that the
// scores of every item sum to 1, as AWS's softmax scores do. The user's own events sent after
// training change that user's answer at once; events for items the model does not know are
// ignored. Cold items appear only through exploration: floor(explorationWeight × numResults)
// slots (default weight 0.3) go to cold items created no more than explorationItemAgeCutOff days
// (default 30) before the latest interaction, newest first (an item without a creation timestamp
// counts as new), then id; they come last, with the lowest score. Items created after training
// are not in the model at all (AWS's two-hourly update is a new training for the engine to do).
// recommended-for-you never recommends what the user purchased (EVENT_TYPE Purchase) and
// top-picks what the user watched (Watch), in training or since. Only
// aws-user-personalization-v2 gives reasons: "Exploration", "Promoted item".
//
// Popularity (aws-popularity-count; aws-ecomm-popular-items-by-views and -by-purchases count
// only View or Purchase events, aws-vod-most-popular only Watch): the fallback, the same for
// everyone, without scores; events sent after training change nothing until the next version.
//
// Trending (aws-trending-now, aws-vod-trending-now): with T the latest interaction and W the
// solution's trend_discovery_frequency (30 minutes, 1 hour, 2 hours — the default —, 3 hours
// or 1 day), an item's growth is its interactions in (T−W, T] minus those in (T−2W, T−W]. The
// answer lists the items whose growth is > 0 by growth, then the fallback; no scores.
//
// Related items (aws-sims, aws-similar-items, aws-semantic-similarity,
// aws-ecomm-frequently-bought-together (Purchase events only),
// aws-ecomm-customers-who-viewed-x-also-viewed (View events; never what the user purchased),
// aws-vod-because-you-watched-x (Watch events; never what the user watched), aws-vod-more-like-x
// (never what the user watched)): an item j's co-occurrence is the number of users who
// interacted with both the query item and j. The answer lists the items with co-occurrence > 0
// by co-occurrence, then the fallback; never the query item; an unknown item gets the fallback;
// no scores. The Similar-Items recipes (similar-items, semantic-similarity, more-like-x) also
// count shared property values of the Items dataset (field=value pairs; "a|b" gives two): they
// list items by co-occurrence, then by shared values, so a cold item still gets similar items.
//
// Personalized ranking (aws-personalized-ranking, -v2): [Model.Rank] orders the input items the
// model knows as User-Personalization would (relevance, then popularity, then id), scores them
// (relevance+1) / Σ(relevance+1) over those items so that they sum to 1, then appends the items it
// does not know, unscored, in input order.
//
// Next best action (aws-next-best-action): the user's similar users are the others who took
// (TAKEN) an action the user took. Each action the user has not taken scores the share of
// similar users who took it; with no similar user, the share of all users who took any action.
// Actions come by score, then VALUE (higher first), then id; scores lie in 0–1, 0 for an action
// nobody took. Candidates are the Actions dataset (or, if it is empty, every action taken).
// TAKEN events sent after training count at once.
//
// User segmentation (aws-item-affinity, aws-item-attribute-affinity): [Model.Segment] lists the
// users who interacted with the most of the given items, then by user id.
//
// # Filters and promotions
//
// [Request].Keep is the request's filter, bound to its filterValues by the caller: the answer
// holds only items it keeps, still numResults long when the catalogue allows. A [Promotion]
// reserves floor(numResults × percent / 100) slots (at least 1) for the best items its own filter
// keeps (the request's filter does not apply to them); if fewer match, the other items fill the
// rest. Promoted items are not placed at random as AWS places them: they take their own place in
// the model's order, so that the whole list stays sorted.
//
// # Cost
//
// Training computes, once, each item's co-occurrence list: the 100 items seen with it by the
// most users (then by id), where each user's 50 most recent items count. That costs the sum over
// users of min(items, 50)², never an item×item matrix. An answer then costs what the user's
// history costs: relevance reads the lists of the 10 history items (at most 1,000 entries) and
// takes the asking user's own pairs off; co-occurrence reads the query item's list. Datasets
// under those sizes get exact answers. A filter that refuses almost everything makes the answer
// walk the fallback until it finds enough items.
//
// # Metrics
//
// [Model.Metrics] computes the eight metrics AWS reports (coverage,
// mean_reciprocal_rank_at_25, normalized_discounted_cumulative_gain_at_5/10/25,
// precision_at_5/10/25) by leave-last-out: each user's most recent item is hidden and looked
// for in the model's 25-item list built without it (see Metrics for the formulas). For
// Next-Best-Action the same is done with each user's most recent taken action.
//
// # Guesses where AWS is silent
//
// The rules above are a stand-in. Beyond them, these are choices: event types compare
// case-insensitively in training; a threshold drops interactions without a value; numResults 0
// means the default; a repeated input item is ranked once; promoted items keep model order;
// Trending-Now and Popularity-Count give no scores; cold items without a creation timestamp
// count as new for exploration; impressions and contexts are ignored.
//
// # Worked example
//
// Interactions (user: item@timestamp): u1: A@1, B@2; u2: A@3, C@4; u3: B@5, C@6, D@7; u4: D@8;
// u5: C@9. Popularity: C 3 (u2, u3, u5); A, B, D 2 each. For u1 on aws-user-personalization,
// the history is B (weight 1), A (weight ½). B's other user u3 also has C and D: C +1, D +1. A's
// other user u2 also has C: C +½. So C 1.5, D 1, and the catalogue has 4 items: scores C
// 2.5/6.5 = 0.3846154, D 2/6.5 = 0.3076923, then the fallback A, B with 1/6.5 = 0.1538462 each.
// When u1 then sends an event for D, the history becomes D (1), B (½), A (¼): D's other users u4
// (nothing else) and u3 (C, B) give C +1, B +1; B's u3 gives C +½, D +½; A's u2 gives C +¼. The
// answer becomes C 1.75, B 1, D 0.5, then A: scores 2.75/7.25 = 0.3793103, 2/7.25 = 0.2758621,
// 1.5/7.25 = 0.2068966, 1/7.25 = 0.1379310. The popularity list is C, A, B, D; the SIMS list
// for A is B, C (each shares one user with A), then D.
package recommend
