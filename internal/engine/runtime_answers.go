package engine

import prshape "github.com/awsfake/awsfake/internal/shape/personalizeruntime"

// A scenario rule may declare a runtime call's answer (scenario.Rule.Answer): the call is
// checked and answered by the model as any other, then the declared ids take the model's list's
// place, cut to the request's count (n; 0: no cut), each with the metadata asked for and
// without a score.

// declaredItems is a declared answer as GetRecommendations' or GetPersonalizedRanking's items.
func declaredItems(ids []string, n int, meta *metadataColumns) []prshape.PredictedItem {
	if n > 0 && len(ids) > n {
		ids = ids[:n]
	}
	out := make([]prshape.PredictedItem, len(ids))
	for i := range ids {
		out[i].ItemId = &ids[i]
		if meta != nil {
			out[i].Metadata = meta.of(ids[i])
		}
	}
	return out
}

// declaredActions is a declared answer as GetActionRecommendations' actions.
func declaredActions(ids []string, n int) []prshape.PredictedAction {
	if len(ids) > n {
		ids = ids[:n]
	}
	out := make([]prshape.PredictedAction, len(ids))
	for i := range ids {
		out[i].ActionId = &ids[i]
	}
	return out
}
