package recommend

// Interaction is one row of an Item interactions dataset, or one event from PutEvents: a user
// did something (EventType) to an item at Timestamp (Unix epoch seconds).
type Interaction struct {
	UserID     string
	ItemID     string
	EventType  string
	EventValue *float64 // nil when the event carries no value
	Timestamp  int64
}

// Item is one row of an Items dataset. CreatedAt is its CREATION_TIMESTAMP in epoch seconds (0
// when the row has none). Properties are its categorical fields as strings (a value may list
// several categories separated by "|"); only the Similar-Items family reads them, and
// average_rewards_at_k reads the optimization objective's attribute.
type Item struct {
	ID         string
	CreatedAt  int64
	Properties map[string]string
}

// Action is one row of an Actions dataset: Value is its VALUE field (0 when it has none).
type Action struct {
	ID    string
	Value float64
}

// ActionInteraction is one row of an Action interactions dataset, or one action event from
// PutActionInteractions. EventType is TAKEN, NOT_TAKEN or VIEWED.
type ActionInteraction struct {
	UserID    string
	ActionID  string
	EventType string
	Timestamp int64
}

// Data is what a solution version is trained on: the dataset group's records as they are when
// the version is created. Train copies what it keeps, so the caller may reuse the slices.
type Data struct {
	Interactions       []Interaction
	Items              []Item
	Actions            []Action
	ActionInteractions []ActionInteraction
}

// EventParameters is one entry of solutionConfig.eventsConfig.eventParametersList.
type EventParameters struct {
	EventType           string
	EventValueThreshold *float64
	Weight              *float64 // kept for the record; the rules do not weigh events
}

// Config is the part of a solution that shapes its model.
type Config struct {
	// Recipe is the recipe's name or ARN (arn:aws:personalize:::recipe/<name>), custom or a
	// domain use case.
	Recipe string
	// EventType is the solution's eventType: when set, only interactions of that type count.
	EventType string
	// EventValueThreshold is solutionConfig.eventValueThreshold, a number written as a string
	// as AWS carries it: when set, only interactions with a value ≥ it count.
	EventValueThreshold string
	// Events is solutionConfig.eventsConfig.eventParametersList: when set, it replaces
	// EventType and EventValueThreshold (only the listed types count, each with its own
	// threshold).
	Events []EventParameters
	// FeatureTransformationParameters is solutionConfig.featureTransformationParameters
	// (Trending-Now reads trend_discovery_frequency).
	FeatureTransformationParameters map[string]string
	// ObjectiveAttribute is solutionConfig.optimizationObjective.itemAttribute; when set,
	// Metrics adds average_rewards_at_k.
	ObjectiveAttribute string
}

// Request is one GetRecommendations call as the model sees it.
type Request struct {
	UserID string
	ItemID string
	// NumResults is how many items to return; 0 or less means DefaultNumResults. The caller
	// checks AWS's limits first (see CheckNumResults); larger values are cut to MaxNumResults.
	NumResults int
	// Live holds the user's interactions sent after the version was trained, in the order they
	// arrived (the engine passes the asking user's only). User-Personalization recipes count
	// them in the history at once; domain use cases that leave out purchased or watched items
	// leave out those bought or watched since too; the other recipes ignore them.
	Live []Interaction
	// Keep, when set, says whether the request's filter keeps an item; items it refuses are
	// never returned (nil keeps every item). It is called outside any lock the model holds.
	Keep func(itemID string) bool
	// Promotion, when set, reserves a share of the list for items its own filter keeps.
	Promotion *Promotion
	// Exploration is the campaign's itemExplorationConfig; nil means AWS's defaults
	// (DefaultExploration). Only the User-Personalization family explores.
	Exploration *Exploration
}

// Promotion is the request's promotion, with its filter already bound to its filterValues.
type Promotion struct {
	Percent int // percentPromotedItems, 1–100
	Keep    func(itemID string) bool
}

// Exploration is a campaign's itemExplorationConfig.
type Exploration struct {
	Weight        float64 // explorationWeight, 0–1
	AgeCutOffDays float64 // explorationItemAgeCutOff, in days
}

// RankRequest is one GetPersonalizedRanking call as the model sees it.
type RankRequest struct {
	UserID    string
	InputList []string
	Live      []Interaction
	Keep      func(itemID string) bool
}

// ActionRequest is one GetActionRecommendations call as the model sees it.
type ActionRequest struct {
	UserID     string
	NumResults int // 0 or less means DefaultActionResults
	Live       []ActionInteraction
	Keep       func(actionID string) bool
}

// Recommendation is one item of an answer. Score is set only when HasScore is true (the recipes
// that AWS gives scores for). Promoted items came from the request's promotion (the answer
// names it as promotionName); Explored ones from exploration. Reasons gives AWS's reason list.
type Recommendation struct {
	ItemID   string
	Score    float64
	HasScore bool
	Promoted bool
	Explored bool
}

// Reasons is the item's reason list as the recipe gives it: only User-Personalization-v2
// (RecipeInfo.Reasons) gives one, "Promoted item" or "Exploration"; nil otherwise.
func (r Recommendation) Reasons(recipe RecipeInfo) []string {
	switch {
	case !recipe.Reasons:
		return nil
	case r.Promoted:
		return []string{"Promoted item"}
	case r.Explored:
		return []string{"Exploration"}
	}
	return nil
}

// ActionRecommendation is one action of a GetActionRecommendations answer.
type ActionRecommendation struct {
	ActionID string
	Score    float64
}

// Stats describes the training data after the solution's event filters, for the checks AWS makes
// before it trains (at least 1000 interactions and 25 users with two or more).
type Stats struct {
	Interactions       int // interactions that passed the event filters
	Users              int // distinct users among them
	UsersWithTwoOrMore int // users with at least two of them
	Items              int // items the model knows: interacted with, or in the Items dataset
	ColdItems          int // items in the Items dataset with no interaction
	ActionInteractions int
	Actions            int
}
