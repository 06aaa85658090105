package recipes

import (
	"slices"
	"strings"
	"time"
)

// Recipe is one of AWS's recipes as DescribeRecipe shows it, plus what the rest of the fake
// needs to know about it: the datasets it trains on, the runtime operation and inputs it
// answers, and the rule (Family) the fake's runtime answers it with.
type Recipe struct {
	// Name is the recipe's name, such as "aws-user-personalization-v2".
	Name string
	// ARN is arn:aws:personalize:::recipe/<Name>: recipes are global, with no Region or account.
	ARN string
	// Type is DescribeRecipe's recipeType, one of the Type constants.
	Type string
	// AlgorithmARN and FeatureTransformationARN are "" where AWS documents none.
	AlgorithmARN             string
	FeatureTransformationARN string
	// Description is DescribeRecipe's description (the fake's wording: AWS's is not published).
	Description string
	// Domain is DomainECommerce or DomainVideoOnDemand for a domain recipe (a recommender's
	// use case), "" for a custom recipe (a solution's); ListRecipes shows it only when set.
	Domain string
	// Status is always StatusActive for a recipe ListRecipes serves.
	Status string
	// Created and LastUpdated are fixed: recipes are AWS's, and every account sees the same
	// dates (see the package documentation for where each comes from).
	Created, LastUpdated time.Time

	// Family is the rule the fake's runtime answers the recipe with, one of the Family
	// constants.
	Family string
	// Runtime is the operation that answers a campaign or recommender of this recipe
	// (GetRecommendations, GetPersonalizedRanking, GetActionRecommendations), or "" for a
	// recipe that only batch segment jobs use.
	Runtime string
	// UserID and ItemID say whether Runtime needs a userId or an itemId: one of the Need
	// constants.
	UserID, ItemID string
	// BatchInference is whether CreateBatchInferenceJob accepts a solution version of this
	// recipe; BatchSegment whether CreateBatchSegmentJob does.
	BatchInference, BatchSegment bool
	// UpdateTraining is whether CreateSolutionVersion accepts trainingMode UPDATE.
	UpdateTraining bool
	// AutoUpdates is whether AWS refreshes the latest version every two hours so that new items
	// (or actions) can appear without retraining.
	AutoUpdates bool
	// IncrementalUpdate is whether a solution of this recipe accepts performIncrementalUpdate.
	IncrementalUpdate bool

	// Requires lists the dataset types training needs (Dataset constants); Uses lists the
	// ones it uses when present.
	Requires, Uses []string
	// MinEvents is the fewest interactions (of EventType, when set) training needs.
	MinEvents int
	// EventType is the event type a domain use case counts ("View", "Purchase", "Watch"), ""
	// for every event.
	EventType string
	// ExcludesEventType is the event type whose items a domain use case leaves out of a user's
	// recommendations ("Purchase" or "Watch"), "" for none.
	ExcludesEventType string
	// UseCase is a domain recipe's use case as the console names it, such as "Most viewed".
	UseCase string
	// Hyperparameters are the recipe's documented defaults, in the documentation's order.
	Hyperparameters []Hyperparameter
	// Source is the AWS page the recipe's facts come from.
	Source string
}

// Hyperparameter is one of a recipe's documented hyperparameters and its default value, as
// the string a solutionConfig map carries.
type Hyperparameter struct {
	Name    string
	Group   string // one of the Group constants: where a solutionConfig sets it
	Default string
}

// The recipe types DescribeRecipe reports. The model documents only the first three; the
// current developer guide groups recipes into all six.
const (
	TypeUserPersonalization = "USER_PERSONALIZATION"
	TypePersonalizedRanking = "PERSONALIZED_RANKING"
	TypeRelatedItems        = "RELATED_ITEMS"
	TypePopularItems        = "POPULAR_ITEMS"
	TypePersonalizedActions = "PERSONALIZED_ACTIONS"
	TypeUserSegmentation    = "USER_SEGMENTATION"
)

// The domains of domain dataset groups and their recipes (ListRecipes' domain filter).
const (
	DomainECommerce     = "ECOMMERCE"
	DomainVideoOnDemand = "VIDEO_ON_DEMAND"
)

// StatusActive is every served recipe's status.
const StatusActive = "ACTIVE"

// The dataset types a recipe requires or uses, as the engine stores datasetType.
const (
	Interactions       = "INTERACTIONS"
	Items              = "ITEMS"
	Users              = "USERS"
	Actions            = "ACTIONS"
	ActionInteractions = "ACTION_INTERACTIONS"
)

// The runtime operations.
const (
	GetRecommendations       = "GetRecommendations"
	GetPersonalizedRanking   = "GetPersonalizedRanking"
	GetActionRecommendations = "GetActionRecommendations"
)

// How a runtime operation treats userId or itemId for a recipe.
const (
	// NeedRequired: the request must carry it.
	NeedRequired = "required"
	// NeedForFilters: used only by a filter that needs it (CurrentUser or Interactions);
	// optional otherwise.
	NeedForFilters = "for-filters"
	// NeedNotUsed: ignored if sent ("the system does not throw an error").
	NeedNotUsed = "not-used"
)

// The rules the fake's runtime answers with (documented with the runtime). Several recipes
// share a rule: SIMS and every "similar" use case answer by co-occurrence.
const (
	FamilyUserPersonalization = "user-personalization"
	FamilyPopularity          = "popularity"
	FamilyTrending            = "trending"
	FamilySimilarItems        = "similar-items"
	FamilySemanticSimilarity  = "semantic-similarity"
	FamilyRanking             = "ranking"
	FamilyNextBestAction      = "next-best-action"
	FamilyUserSegmentation    = "user-segmentation"
)

// Where a hyperparameter goes in a solutionConfig.
const (
	GroupAlgorithm       = "algorithm"        // algorithmHyperParameters
	GroupFeaturization   = "featurization"    // featureTransformationParameters
	GroupItemExploration = "item-exploration" // a campaign's itemExplorationConfig
)

const arnPrefix = "arn:aws:personalize:::recipe/"

// ARN returns the ARN of the recipe with a name.
func ARN(name string) string { return arnPrefix + name }

// All returns every recipe ListRecipes serves, custom and domain, sorted by name.
func All() []Recipe { return List("") }

// List returns what ListRecipes returns for a domain: every served recipe when domain is ""
// ("If you don't specify a domain, all recipes are returned"), else that domain's use cases,
// sorted by name as real ListRecipes output is. An unknown domain lists nothing (the model's
// enum refuses it before this is called).
func List(domain string) []Recipe {
	var out []Recipe
	for i := range served {
		if domain == "" || served[i].Domain == domain {
			out = append(out, served[i].clone())
		}
	}
	return out
}

// UseCases returns a domain's recipes, the ones CreateRecommender takes, sorted by name;
// every domain's when domain is "".
func UseCases(domain string) []Recipe {
	var out []Recipe
	for i := range served {
		if served[i].Domain != "" && (domain == "" || served[i].Domain == domain) {
			out = append(out, served[i].clone())
		}
	}
	return out
}

// Lookup returns the served recipe with an ARN (compared exactly, as AWS compares ARNs).
func Lookup(arn string) (Recipe, bool) {
	if i, ok := byARN[arn]; ok {
		return served[i].clone(), true
	}
	return Recipe{}, false
}

// Retired returns a recipe AWS no longer serves (the legacy HRNN recipes: "Legacy HRNN
// recipes are no longer available"), so that a caller can say why an ARN is refused. Lookup,
// List and All never return these.
func Retired(arn string) (Recipe, bool) {
	for _, r := range retired {
		if r.ARN == arn {
			return r.clone(), true
		}
	}
	return Recipe{}, false
}

// Needs reports whether training needs a dataset type (compared ignoring case).
func (r Recipe) Needs(datasetType string) bool {
	return slices.ContainsFunc(r.Requires, func(t string) bool { return strings.EqualFold(t, datasetType) })
}

// CanUse reports whether training reads a dataset type, required or optional.
func (r Recipe) CanUse(datasetType string) bool {
	return r.Needs(datasetType) ||
		slices.ContainsFunc(r.Uses, func(t string) bool { return strings.EqualFold(t, datasetType) })
}

// clone copies the slices too, so a caller cannot change the catalogue.
func (r Recipe) clone() Recipe {
	r.Requires = slices.Clone(r.Requires)
	r.Uses = slices.Clone(r.Uses)
	r.Hyperparameters = slices.Clone(r.Hyperparameters)
	return r
}

// served is every recipe ListRecipes shows, sorted by name; byARN indexes it.
var served, byARN = index(append(slices.Clone(custom), domainRecipes...))

func index(list []Recipe) ([]Recipe, map[string]int) {
	slices.SortFunc(list, func(a, b Recipe) int { return strings.Compare(a.Name, b.Name) })
	m := make(map[string]int, len(list))
	for i := range list {
		list[i].ARN = ARN(list[i].Name)
		list[i].Status = StatusActive
		m[list[i].ARN] = i
	}
	return list, m
}
