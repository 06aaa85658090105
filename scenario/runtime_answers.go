package scenario

import (
	"fmt"

	"github.com/awsfake/awsfake/internal/catalog"
)

// The most ids a declared answer may hold, per operation: AWS's largest answers (numResults at
// most 500, inputList at most 500, actions at most 100).
var answerLimits = map[string]int{"GetRecommendations": 500, "GetPersonalizedRanking": 500, "GetActionRecommendations": 100}

// Answer makes matching Personalize Runtime calls answer with these item ids
// (GetRecommendations, GetPersonalizedRanking) or action ids (GetActionRecommendations), in
// this order, instead of the model's: for a test that pins a list. The call is still checked as
// every call is (the campaign exists and is ACTIVE, the recipe's userId or itemId is there,
// numResults, filterValues and metadataColumns are valid) and answers those errors as it would;
// the declared list then takes the model's place, cut to numResults (GetRecommendations,
// GetActionRecommendations), with a new recommendationId and, when asked, each item's metadata.
// Declared items carry no score and no promotion (their rank is the test's, not a model's). It
// panics for another operation, and for ids AWS could not answer (empty, over 256 characters,
// more than the operation's largest answer).
func (r *Rule) Answer(ids ...string) *Rule {
	list := append([]string{}, ids...)
	if err := checkAnswer(r.Service, r.Operation, list); err != nil {
		panic("scenario: " + err.Error())
	}
	r.Items = list
	return r
}

// checkAnswer reports a declared answer a runtime call could not give.
func checkAnswer(service, operation string, ids []string) error {
	limit, ok := answerLimits[operation]
	if service != catalog.PersonalizeRuntime || !ok {
		return fmt.Errorf("%s.%s answers no list of items: Answer is for personalize-runtime's GetRecommendations, GetPersonalizedRanking and GetActionRecommendations", service, operation)
	}
	if len(ids) > limit {
		return fmt.Errorf("%s.%s answers at most %d ids, not %d", service, operation, limit, len(ids))
	}
	for i, id := range ids {
		if id == "" || len(id) > 256 {
			return fmt.Errorf("%s.%s: id %d of the declared answer must be 1 to 256 characters, not %q", service, operation, i+1, id)
		}
	}
	return nil
}
