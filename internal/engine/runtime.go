package engine

import (
	"errors"
	"sort"
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/pzfilter"
	"github.com/awsfake/awsfake/internal/recommend"
	prshape "github.com/awsfake/awsfake/internal/shape/personalizeruntime"
)

// Personalize Runtime: GetRecommendations, GetPersonalizedRanking and GetActionRecommendations
// answer from the model of the solution version a campaign serves (recommend.Train's stand-in
// for AWS's training, made once per version, on the group's data as it was when the version
// was created), with the asking user's events sent since then counted at once (AWS's real-time
// updates; the model decides which recipes read them), the request's filter and promotion
// bound to their filterValues, and the campaign's exploration and metadata settings.
//
// Errors, as the facts settle them (personalize-recommendations §9, §12.9): an unknown campaign,
// recommender or filter is ResourceNotFoundException (404); everything else the request gets
// wrong (both or neither ARN, a campaign or filter not ACTIVE, a filter of another dataset
// group, a missing userId or itemId for the recipe, the wrong operation for the recipe,
// numResults or inputList over AWS's limits, filterValues that do not fit the filter, metadata
// the campaign does not return) is InvalidInputException (400).

// answerSource is what answers a runtime call: a trained model and the settings it is served
// with. A campaign makes one (campaignSource); a recommender will (recommenderSource).
type answerSource struct {
	arn         string // the campaign's or recommender's, for messages
	model       *recommend.Model
	group       *datasetGroup
	eventsSeen  int // how many of the group's events the model was trained with: Live are those after
	actionsSeen int // how many put action interactions it was trained with
	exploration *recommend.Exploration
	metadata    bool // enableMetadataWithRecommendations
}

// runtimeNotFound is Personalize Runtime's modelled 404.
func runtimeNotFound(arn string) *Error {
	return Errorf(catalog.NotFound, catalog.Status(PersonalizeRuntime, catalog.NotFound), "Could not find resource: %s", arn)
}

func runtimeInvalid(format string, args ...any) *Error {
	return invalid(PersonalizeRuntime, format, args...)
}

// answerSource finds what answers a GetRecommendations call: exactly one of a campaign and a
// recommender.
func (w *world) answerSource(campaignArn, recommenderArn *string, now time.Time) (*answerSource, *Error) {
	switch {
	case campaignArn != nil && recommenderArn != nil:
		return nil, runtimeInvalid("Provide either campaignArn or recommenderArn, not both.")
	case campaignArn != nil:
		return w.campaignSource(*campaignArn, now)
	case recommenderArn != nil:
		return w.recommenderSource(*recommenderArn, now)
	}
	return nil, runtimeInvalid("Provide campaignArn or recommenderArn.")
}

// campaignSource is what a campaign serves at now: its serving deployment's solution version
// (the newest ACTIVE one with syncWithLatestSolutionVersion), once the campaign is ACTIVE.
func (w *world) campaignSource(arn string, now time.Time) (*answerSource, *Error) {
	c, ok := w.campaigns.resolve(arn, now)
	if !ok {
		return nil, runtimeNotFound(arn)
	}
	if status, _ := c.status(now); status != StatusActive {
		return nil, runtimeInvalid("The campaign %s is not ACTIVE (its status is %s).", c.arn, status)
	}
	d := c.serving(now)
	v := w.versionAt(d, now)
	src, err := versionSource(v, c.arn)
	if err != nil {
		return nil, err
	}
	if cfg := d.config; cfg != nil {
		if len(cfg.ItemExplorationConfig) > 0 {
			if x, err := recommend.ParseExploration(cfg.ItemExplorationConfig); err == nil {
				src.exploration = &x
			}
		}
		src.metadata = cfg.EnableMetadataWithRecommendations != nil && *cfg.EnableMetadataWithRecommendations
	}
	return src, nil
}

// versionSource is a solution version's model, served under arn: the hook a recommender's
// source can build on too (its solution version, its settings).
func versionSource(v *solutionVersion, arn string) (*answerSource, *Error) {
	m, err := v.trained()
	if err != nil {
		return nil, runtimeInvalid("The solution version %s served by %s has no model: %v", v.arn, arn, err)
	}
	src := &answerSource{arn: arn, model: m, group: v.solution.group}
	if iv := v.data.interactions; iv != nil {
		src.eventsSeen = iv.events.len()
	}
	if av := v.data.actionInteractions; av != nil {
		src.actionsSeen = av.put.len()
	}
	return src, nil
}

// userEventIndex is where each user's events are in a group's log, extended as events come:
// the runtime reads one user's events without reading the others'. Events without a userId are
// the session's (AWS: an anonymous user is asked for by the PutEvents sessionId).
type userEventIndex struct {
	n   int
	pos map[string][]int32
}

// userEvents returns where the user's events are in the group's log, oldest first.
func (g *datasetGroup) userEvents(user string) []int32 {
	ix := &g.byUser
	n := g.events.len()
	if ix.n > n {
		*ix = userEventIndex{}
	}
	for ; ix.n < n; ix.n++ {
		ev := g.events.at(ix.n)
		key := ev.UserID
		if key == "" {
			key = ev.SessionID
		}
		if ix.pos == nil {
			ix.pos = map[string][]int32{}
		}
		ix.pos[key] = append(ix.pos[key], int32(ix.n))
	}
	return ix.pos[user]
}

// live is the user's item events sent since the model was trained, in the order they arrived.
func (src *answerSource) live(user string) []recommend.Interaction {
	if user == "" {
		return nil
	}
	pos := src.group.userEvents(user)
	i := sort.Search(len(pos), func(i int) bool { return int(pos[i]) >= src.eventsSeen })
	var out []recommend.Interaction
	for _, p := range pos[i:] {
		ev := src.group.events.at(int(p))
		if ev.ItemID == "" {
			continue
		}
		out = append(out, recommend.Interaction{UserID: user, ItemID: ev.ItemID, EventType: ev.EventType,
			EventValue: ev.EventValue, Timestamp: ev.SentAt.Unix()})
	}
	return out
}

// liveActions is the user's action interactions put since the model was trained.
func (w *world) liveActions(src *answerSource, user string, now time.Time) []recommend.ActionInteraction {
	d := w.groupDataset(src.group, typeActionInteractions, now)
	if d == nil || user == "" {
		return nil
	}
	var out []recommend.ActionInteraction
	for i := src.actionsSeen; i < d.records.list.len(); i++ {
		r := d.records.list.at(i)
		if r.UserID == user {
			out = append(out, recommend.ActionInteraction{UserID: r.UserID, ActionID: r.ActionID, EventType: r.EventType, Timestamp: r.Timestamp.Unix()})
		}
	}
	return out
}

// keepFor binds a request's filter (or a promotion's) to its filterValues for one request: nil
// when there is no filter. The filter must be ACTIVE, of the source's dataset group, and filter
// what the operation returns (items, or actions).
func (w *world) keepFor(src *answerSource, arn *string, values map[string]string, target pzfilter.Target, data *runtimeData, req pzfilter.Request, now time.Time) (func(string) bool, *Error) {
	if arn == nil {
		return nil, nil
	}
	f, ok := w.filters.resolve(*arn, now)
	if !ok {
		return nil, runtimeNotFound(*arn)
	}
	if f.group != src.group {
		return nil, runtimeInvalid("The filter %s belongs to the dataset group %s, not to %s of %s.", f.arn, f.group.arn, src.group.arn, src.arn)
	}
	if status, _, _ := statusOf(f, now); status != StatusActive || f.parsed == nil {
		return nil, runtimeInvalid("The filter %s is not ACTIVE (its status is %s).", f.arn, status)
	}
	if got := f.parsed.Target(); got != target {
		return nil, runtimeInvalid("The filter %s filters %s; this operation needs a filter of %s.", f.arn, got, target)
	}
	b, err := f.parsed.Bind(values)
	if err != nil {
		return nil, runtimeInvalid("%s", err.Error())
	}
	return b.Matcher(data, req).Keep, nil
}

// modelError is the answer to an error of the model: InvalidInputException, with what the
// recipe wanted.
func modelError(err error, src *answerSource, op string) *Error {
	name := src.model.Recipe().Name
	switch {
	case errors.Is(err, recommend.ErrUserRequired):
		return runtimeInvalid("userId is required: %s serves the recipe %s.", src.arn, name)
	case errors.Is(err, recommend.ErrItemRequired):
		return runtimeInvalid("itemId is required: %s serves the recipe %s.", src.arn, name)
	case errors.Is(err, recommend.ErrWrongOperation):
		return runtimeInvalid("%s serves the recipe %s, which %s does not serve.", src.arn, name, op)
	}
	return runtimeInvalid("%v", err)
}

// predicted turns the model's answer into AWS's items: a score where the recipe gives one,
// promotionName on promoted items, reasons where the recipe gives them, the metadata asked for.
func predicted(recs []recommend.Recommendation, info recommend.RecipeInfo, promotion *string, meta *metadataColumns) []prshape.PredictedItem {
	out := make([]prshape.PredictedItem, len(recs))
	for i := range recs {
		r := &recs[i]
		p := prshape.PredictedItem{ItemId: &r.ItemID, Reason: r.Reasons(info)}
		if r.HasScore {
			s := r.Score
			p.Score = &s
		}
		if r.Promoted {
			p.PromotionName = promotion
		}
		if meta != nil {
			p.Metadata = meta.of(r.ItemID)
		}
		out[i] = p
	}
	return out
}

func (e *Engine) recommendationID() *string {
	id := "RID-" + e.newUUID()
	return &id
}

func (e *Engine) getRecommendations(w *world, in *prshape.GetRecommendationsInput, cx opContext) (*prshape.GetRecommendationsOutput, *Error) {
	src, err := w.answerSource(in.CampaignArn, in.RecommenderArn, cx.now)
	if err != nil {
		return nil, err
	}
	requested := 0
	if in.NumResults != nil {
		requested = int(*in.NumResults)
	}
	n, ok := recommend.CheckNumResults(requested, len(in.MetadataColumns) > 0)
	if !ok {
		limit := recommend.MaxNumResults
		if len(in.MetadataColumns) > 0 {
			limit = recommend.MaxNumResultsWithMetadata
		}
		return nil, runtimeInvalid("numResults must be at most %d%s, not %d.", limit, withMetadataNote(in.MetadataColumns), requested)
	}
	user, item := deref(in.UserId), deref(in.ItemId)
	data := newRuntimeData(w, src.group, cx.now)
	meta, err := w.metadataFor(src, in.MetadataColumns, data)
	if err != nil {
		return nil, err
	}
	freq := pzfilter.Request{UserID: user, ItemID: item}
	keep, err := w.keepFor(src, in.FilterArn, in.FilterValues, pzfilter.ItemID, data, freq, cx.now)
	if err != nil {
		return nil, err
	}
	var promotion *recommend.Promotion
	var promotionName *string
	if len(in.Promotions) > 0 {
		p := &in.Promotions[0]
		switch {
		case p.Name == nil:
			return nil, runtimeInvalid("A promotion needs a name.")
		case p.FilterArn == nil:
			return nil, runtimeInvalid("The promotion %s needs a filterArn: its filter says which items it promotes.", *p.Name)
		case p.PercentPromotedItems == nil:
			return nil, runtimeInvalid("The promotion %s needs percentPromotedItems.", *p.Name)
		}
		pkeep, err := w.keepFor(src, p.FilterArn, p.FilterValues, pzfilter.ItemID, newRuntimeData(w, src.group, cx.now), freq, cx.now)
		if err != nil {
			return nil, err
		}
		promotion = &recommend.Promotion{Percent: int(*p.PercentPromotedItems), Keep: pkeep}
		promotionName = p.Name
	}
	recs, rerr := src.model.Recommend(recommend.Request{
		UserID: user, ItemID: item, NumResults: n, Live: src.live(user), Keep: keep,
		Promotion: promotion, Exploration: src.exploration,
	})
	if rerr != nil {
		return nil, modelError(rerr, src, "GetRecommendations")
	}
	out := &prshape.GetRecommendationsOutput{ItemList: predicted(recs, src.model.Recipe(), promotionName, meta), RecommendationId: e.recommendationID()}
	if cx.answer != nil {
		out.ItemList = declaredItems(cx.answer, n, meta)
	}
	return out, nil
}

func withMetadataNote(cols map[string][]string) string {
	if len(cols) > 0 {
		return " with metadataColumns"
	}
	return ""
}

func (e *Engine) getPersonalizedRanking(w *world, in *prshape.GetPersonalizedRankingInput, cx opContext) (*prshape.GetPersonalizedRankingOutput, *Error) {
	src, err := w.campaignSource(*in.CampaignArn, cx.now)
	if err != nil {
		return nil, err
	}
	limit := recommend.MaxInputList
	if len(in.MetadataColumns) > 0 {
		limit = recommend.MaxInputListWithMetadata
	}
	if len(in.InputList) > limit {
		return nil, runtimeInvalid("inputList holds at most %d items%s, not %d.", limit, withMetadataNote(in.MetadataColumns), len(in.InputList))
	}
	user := *in.UserId
	data := newRuntimeData(w, src.group, cx.now)
	meta, err := w.metadataFor(src, in.MetadataColumns, data)
	if err != nil {
		return nil, err
	}
	keep, err := w.keepFor(src, in.FilterArn, in.FilterValues, pzfilter.ItemID, data, pzfilter.Request{UserID: user}, cx.now)
	if err != nil {
		return nil, err
	}
	recs, rerr := src.model.Rank(recommend.RankRequest{UserID: user, InputList: in.InputList, Live: src.live(user), Keep: keep})
	if rerr != nil {
		return nil, modelError(rerr, src, "GetPersonalizedRanking")
	}
	out := &prshape.GetPersonalizedRankingOutput{PersonalizedRanking: predicted(recs, src.model.Recipe(), nil, meta), RecommendationId: e.recommendationID()}
	if cx.answer != nil {
		out.PersonalizedRanking = declaredItems(cx.answer, 0, meta)
	}
	return out, nil
}

func (e *Engine) getActionRecommendations(w *world, in *prshape.GetActionRecommendationsInput, cx opContext) (*prshape.GetActionRecommendationsOutput, *Error) {
	if in.CampaignArn == nil {
		return nil, runtimeInvalid("Provide campaignArn.")
	}
	src, err := w.campaignSource(*in.CampaignArn, cx.now)
	if err != nil {
		return nil, err
	}
	requested := 0
	if in.NumResults != nil {
		requested = int(*in.NumResults)
	}
	n, ok := recommend.CheckActionResults(requested)
	if !ok {
		return nil, runtimeInvalid("numResults must be at most %d, not %d.", recommend.MaxActionResults, requested)
	}
	user := deref(in.UserId)
	data := newRuntimeData(w, src.group, cx.now)
	keep, err := w.keepFor(src, in.FilterArn, in.FilterValues, pzfilter.ActionID, data, pzfilter.Request{UserID: user}, cx.now)
	if err != nil {
		return nil, err
	}
	recs, rerr := src.model.RecommendActions(recommend.ActionRequest{UserID: user, NumResults: n, Live: w.liveActions(src, user, cx.now), Keep: keep})
	if rerr != nil {
		return nil, modelError(rerr, src, "GetActionRecommendations")
	}
	out := &prshape.GetActionRecommendationsOutput{ActionList: make([]prshape.PredictedAction, len(recs)), RecommendationId: e.recommendationID()}
	for i := range recs {
		s := recs[i].Score
		out.ActionList[i] = prshape.PredictedAction{ActionId: &recs[i].ActionID, Score: &s}
	}
	if cx.answer != nil {
		out.ActionList = declaredActions(cx.answer, n)
	}
	return out, nil
}
