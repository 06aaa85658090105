package recommend

import (
	"errors"
	"fmt"
	"strings"
)

// Family is the rule a recipe answers by.
type Family int

// The families. Each recipe of AWS's catalogue, custom or domain use case, belongs to one.
const (
	UserPersonalization Family = iota + 1 // GetRecommendations with userId
	PopularItems                          // Popularity-Count: the same list for everyone
	TrendingItems                         // Trending-Now
	RelatedItems                          // SIMS, Similar-Items: GetRecommendations with itemId
	PersonalizedRanking                   // GetPersonalizedRanking
	NextBestAction                        // GetActionRecommendations
	UserSegmentation                      // batch segment jobs only
)

var familyNames = map[Family]string{
	UserPersonalization: "USER_PERSONALIZATION", PopularItems: "POPULAR_ITEMS",
	TrendingItems: "TRENDING_ITEMS", RelatedItems: "RELATED_ITEMS",
	PersonalizedRanking: "PERSONALIZED_RANKING", NextBestAction: "PERSONALIZED_ACTIONS",
	UserSegmentation: "USER_SEGMENTATION",
}

// String names the family as AWS's recipe types do (TRENDING_ITEMS is this package's own).
func (f Family) String() string {
	if s, ok := familyNames[f]; ok {
		return s
	}
	return fmt.Sprintf("Family(%d)", int(f))
}

// RecipeInfo is what the runtime needs to know about a recipe before it asks the model.
type RecipeInfo struct {
	Name         string
	Family       Family
	Scores       bool // answers carry a score
	UserRequired bool // GetRecommendations needs userId
	ItemRequired bool // GetRecommendations needs itemId
	// TrainEventType is the event type a domain use case trains on ("" = every type).
	TrainEventType string
	// ExcludeEventType names the event type whose items a domain use case never recommends to
	// the user who did it (purchased or watched items).
	ExcludeEventType string
	Metadata         bool // Similar-Items: item properties break co-occurrence ties
	Reasons          bool // User-Personalization-v2: answers carry reasons
}

// The recipe catalogue, custom recipes and domain use cases (facts §1.2, §1.3), by name.
var recipes = map[string]RecipeInfo{
	"aws-user-personalization":    {Family: UserPersonalization, Scores: true, UserRequired: true},
	"aws-user-personalization-v2": {Family: UserPersonalization, Scores: true, UserRequired: true, Reasons: true},
	"aws-hrnn":                    {Family: UserPersonalization, Scores: true, UserRequired: true},
	"aws-hrnn-metadata":           {Family: UserPersonalization, Scores: true, UserRequired: true},
	"aws-hrnn-coldstart":          {Family: UserPersonalization, Scores: true, UserRequired: true},
	"aws-popularity-count":        {Family: PopularItems},
	"aws-trending-now":            {Family: TrendingItems},
	"aws-sims":                    {Family: RelatedItems, ItemRequired: true},
	"aws-similar-items":           {Family: RelatedItems, ItemRequired: true, Metadata: true},
	"aws-semantic-similarity":     {Family: RelatedItems, ItemRequired: true, Metadata: true},
	"aws-personalized-ranking":    {Family: PersonalizedRanking, Scores: true},
	"aws-personalized-ranking-v2": {Family: PersonalizedRanking, Scores: true},
	"aws-next-best-action":        {Family: NextBestAction, Scores: true},
	"aws-item-affinity":           {Family: UserSegmentation},
	"aws-item-attribute-affinity": {Family: UserSegmentation},

	"aws-ecomm-popular-items-by-views":             {Family: PopularItems, UserRequired: true, TrainEventType: "View"},
	"aws-ecomm-popular-items-by-purchases":         {Family: PopularItems, UserRequired: true, TrainEventType: "Purchase"},
	"aws-ecomm-frequently-bought-together":         {Family: RelatedItems, ItemRequired: true, TrainEventType: "Purchase"},
	"aws-ecomm-customers-who-viewed-x-also-viewed": {Family: RelatedItems, UserRequired: true, ItemRequired: true, TrainEventType: "View", ExcludeEventType: "Purchase"},
	"aws-ecomm-recommended-for-you":                {Family: UserPersonalization, Scores: true, UserRequired: true, ExcludeEventType: "Purchase"},
	"aws-vod-because-you-watched-x":                {Family: RelatedItems, UserRequired: true, ItemRequired: true, TrainEventType: "Watch", ExcludeEventType: "Watch"},
	"aws-vod-more-like-x":                          {Family: RelatedItems, UserRequired: true, ItemRequired: true, Metadata: true, ExcludeEventType: "Watch"},
	"aws-vod-most-popular":                         {Family: PopularItems, UserRequired: true, TrainEventType: "Watch"},
	"aws-vod-trending-now":                         {Family: TrendingItems},
	"aws-vod-top-picks":                            {Family: UserPersonalization, Scores: true, UserRequired: true, ExcludeEventType: "Watch"},
}

// Lookup finds a recipe by name or ARN.
func Lookup(recipe string) (RecipeInfo, bool) {
	name := recipe
	if strings.HasPrefix(recipe, "arn:") {
		name = recipe[strings.LastIndexByte(recipe, '/')+1:]
	}
	info, ok := recipes[name]
	info.Name = name
	return info, ok
}

// AWS's limits on the runtime (facts §9).
const (
	DefaultNumResults         = 25
	MaxNumResults             = 500
	MaxNumResultsWithMetadata = 50
	DefaultActionResults      = 5
	MaxActionResults          = 100
	MaxInputList              = 500
	MaxInputListWithMetadata  = 50
)

// The errors the model returns; the runtime answers each with InvalidInputException.
var (
	ErrUnknownRecipe  = errors.New("unknown recipe")
	ErrInvalidConfig  = errors.New("invalid solution configuration")
	ErrUserRequired   = errors.New("userId is required")
	ErrItemRequired   = errors.New("itemId is required")
	ErrWrongOperation = errors.New("operation not supported by the recipe")
)

// CheckNumResults reports whether numResults is within AWS's limits for GetRecommendations
// (withMetadata: metadataColumns requested) and returns the count the model will use.
func CheckNumResults(numResults int, withMetadata bool) (int, bool) {
	limit := MaxNumResults
	if withMetadata {
		limit = MaxNumResultsWithMetadata
	}
	switch {
	case numResults < 0 || numResults > limit:
		return 0, false
	case numResults == 0:
		return min(DefaultNumResults, limit), true
	}
	return numResults, true
}

// CheckActionResults is CheckNumResults for GetActionRecommendations.
func CheckActionResults(numResults int) (int, bool) {
	switch {
	case numResults < 0 || numResults > MaxActionResults:
		return 0, false
	case numResults == 0:
		return DefaultActionResults, true
	}
	return numResults, true
}

func resultCount(n, def, limit int) int {
	if n <= 0 {
		return def
	}
	return min(n, limit)
}
