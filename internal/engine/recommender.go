package engine

import (
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/recipes"
	"github.com/awsfake/awsfake/internal/recommend"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// recommender is one Personalize recommender: a domain use case (an ECOMMERCE or
// VIDEO_ON_DEMAND recipe) of a Domain dataset group, which trains its own model from the
// group's data as a solution version does (modelTraining: the data as it was at its creation,
// judged by AWS's data requirements when CREATE IN_PROGRESS ends) and serves it.
//
// Its statuses: CREATE PENDING > CREATE IN_PROGRESS > ACTIVE | CREATE FAILED on the kind's
// timings; StopRecommender takes an ACTIVE one through STOP PENDING > STOP IN_PROGRESS >
// INACTIVE, StartRecommender an INACTIVE one through START PENDING > START IN_PROGRESS > ACTIVE
// (each step powerPending and powerInProgress long, documented guesses: AWS shows no timing);
// DeleteRecommender through DELETE PENDING > DELETE IN_PROGRESS until it is gone.
// UpdateRecommender retrains on the data at the update (a documented guess: AWS retrains when
// the training columns change and every 7 days anyway); the update shows in
// latestRecommenderUpdate (CREATE PENDING > CREATE IN_PROGRESS > ACTIVE | CREATE FAILED, on the
// kind's update timings) while the recommender stays ACTIVE and serves its previous model and
// configuration until the update is ACTIVE (AWS: "the previous recommender configuration …
// remains in use until the update completes").
type recommender struct {
	entity
	lifecycle
	group  *datasetGroup
	recipe string // the use case's ARN
	served recommenderRun
	update *recommenderUpdate // the latest UpdateRecommender, nil before the first
	// The latest StartRecommender or StopRecommender: when, and which (off: a stop).
	switched time.Time
	off      bool
}

// recommenderRun is what a recommender serves: a configuration and the model trained for it,
// on the group's data as it was at since.
type recommenderRun struct {
	config *personalize.RecommenderConfig
	since  time.Time
	modelTraining
}

// recommenderUpdate is one UpdateRecommender: its run, from when, and its training's verdict
// once asked (after the update's CREATE IN_PROGRESS).
type recommenderUpdate struct {
	recommenderRun
	at     time.Time
	judged *string `digest:"-"`
}

// The timings of StopRecommender and StartRecommender (documented guesses).
const (
	powerPending    = time.Minute
	powerInProgress = 4 * time.Minute
)

// The statuses only recommenders have.
const (
	StatusStopPending     = "STOP PENDING"
	StatusStopInProgress  = "STOP IN_PROGRESS"
	StatusInactive        = "INACTIVE"
	StatusStartPending    = "START PENDING"
	StatusStartInProgress = "START IN_PROGRESS"
)

// needs is the recommender's dataset group (kinds.txt: needs dataset-groups).
func (r *recommender) needs() needed { return needed{r.group} }

func (e *Engine) createRecommender(w *world, in *personalize.CreateRecommenderInput, cx opContext) (*personalize.CreateRecommenderOutput, *Error) {
	name := *in.Name
	recipe, err := lookupRecipe(*in.RecipeArn)
	if err != nil {
		return nil, err
	}
	if recipe.Domain == "" {
		return nil, invalid(Personalize, "The recipe %s is a custom recipe. Only Domain dataset group use cases can be used to create a recommender.", recipe.ARN)
	}
	g, ok := w.datasetGroups.resolve(*in.DatasetGroupArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.DatasetGroupArn)
	}
	if status, _, _ := statusOf(g, cx.now); status != StatusActive {
		return nil, inUse("The dataset group %s is not ACTIVE (its status is %s).", g.arn, status)
	}
	switch {
	case g.domain == nil:
		return nil, invalid(Personalize, "The dataset group %s is a Custom dataset group. Recommenders are for Domain dataset groups.", g.arn)
	case *g.domain != recipe.Domain:
		return nil, invalid(Personalize, "The recipe %s is a use case of the %s domain; the dataset group %s is of the %s domain.", recipe.ARN, recipe.Domain, g.arn, *g.domain)
	}
	config, err := recommenderConfig(recipe, in.RecommenderConfig)
	if err != nil {
		return nil, err
	}
	arn := w.scope.arn(Personalize, "recommender", name)
	if _, taken := w.recommenders.lookup(name, cx.now); taken {
		return nil, alreadyExists("Another resource with Arn %s already exists.", arn)
	}
	if err := w.recommenders.overQuotaWithin(&e.cfg, g, cx.now); err != nil {
		return nil, err
	}
	tags, err := e.newTags(Personalize, tagsFromPersonalize(in.Tags))
	if err != nil {
		return nil, err
	}
	r := &recommender{
		entity:    entity{arn: arn, name: name, tags: tags},
		lifecycle: e.newLifecycle(catalog.Recommenders, cx),
		group:     g, recipe: recipe.ARN,
		served: recommenderRun{config: config, since: cx.now, modelTraining: e.newTraining(w, g, recommend.Config{Recipe: recipe.ARN}, cx.now)},
	}
	if cx.seed == nil || creating(cx.seed.Status) {
		r.judge = &r.served // a seed that starts ACTIVE (or CREATE FAILED) is what it says
	}
	if at, ok, err := cx.seed.stoppedAt(); err != nil {
		return nil, err
	} else if ok {
		r.switched, r.off = at, true // a state document's stopped recommender stays stopped
	}
	w.recommenders.insert(r, cx.now)
	return &personalize.CreateRecommenderOutput{RecommenderArn: &r.arn}, nil
}

// recommenderConfig checks a recommender's configuration and returns it as the recommender
// keeps it: minRecommendationRequestsPerSecond 1 unless given (AWS's default, which Describe
// shows: a documented guess), itemExplorationConfig only for the use cases that explore (Top
// picks for you, Recommended for you).
func recommenderConfig(recipe recipes.Recipe, in *personalize.RecommenderConfig) (*personalize.RecommenderConfig, *Error) {
	c := personalize.RecommenderConfig{}
	if in != nil {
		c = *in
	}
	if c.MinRecommendationRequestsPerSecond == nil {
		one := int32(1)
		c.MinRecommendationRequestsPerSecond = &one
	}
	if len(c.ItemExplorationConfig) > 0 {
		info, _ := recommend.Lookup(recipe.ARN)
		if info.Family != recommend.UserPersonalization {
			return nil, invalid(Personalize, "itemExplorationConfig is only for the use cases that recommend items for a user (Top picks for you, Recommended for you), not %s.", recipe.Name)
		}
		if _, err := recommend.ParseExploration(c.ItemExplorationConfig); err != nil {
			return nil, invalid(Personalize, "Invalid itemExplorationConfig: %v", err)
		}
	}
	return &c, nil
}

// status is the recommender's status at now, and when it last changed: its creation's or
// deletion's, else its latest start or stop.
func (r *recommender) status(now time.Time) (string, time.Time) {
	status, changed, _ := statusOf(r, now)
	if status != StatusActive || r.switched.IsZero() {
		return status, changed
	}
	steps := [3]string{StatusStartPending, StatusStartInProgress, StatusActive}
	if r.off {
		steps = [3]string{StatusStopPending, StatusStopInProgress, StatusInactive}
	}
	switch d := now.Sub(r.switched); {
	case d < powerPending:
		return steps[0], r.switched
	case d < powerPending+powerInProgress:
		return steps[1], r.switched.Add(powerPending)
	}
	return steps[2], r.switched.Add(powerPending + powerInProgress)
}

// running is what the recommender serves at now: the latest update's run once it is ACTIVE,
// else the one before.
func (r *recommender) running(now time.Time) *recommenderRun {
	if u := r.update; u != nil {
		if st, _ := r.recommenderUpdateStatus(now); st == StatusActive {
			return &u.recommenderRun
		}
	}
	return &r.served
}

// recommenderUpdateStatus is the status of the latest update, and when it last changed: its
// training's verdict decides between ACTIVE and CREATE FAILED when it ends.
func (r *recommender) recommenderUpdateStatus(now time.Time) (string, time.Time) {
	u := r.update
	st, at := r.updateStatus(u.at, now)
	if st == StatusActive && u.failure() != "" {
		st = StatusCreateFailed
	}
	return st, at
}

// failure is the update's failure reason ("" for success), judged once, when it has ended.
func (u *recommenderUpdate) failure() string {
	if u.judged == nil {
		v := u.verdict()
		u.judged = &v
	}
	return *u.judged
}

// recommenderServing is what a recommender serves at a moment, besides its model: what the
// Personalize runtime needs to answer GetRecommendations with a recommenderArn as it answers
// with a campaign (runtime_recommender.go).
type recommenderServing struct {
	group  *datasetGroup                  // its dataset group: filters' data, the user's live events
	recipe string                         // the use case's ARN (recommend.Lookup gives its rules)
	config *personalize.RecommenderConfig // itemExplorationConfig, enableMetadataWithRecommendations
	since  time.Time                      // when the model's data was taken
	data   trainingData                   // the views it trained on: what came after is live
}

// recommenderModel is the runtime's hook: the model a recommender serves at now (the latest
// update's once that is ACTIVE) and what goes with it. A recommender that does not exist is
// ResourceNotFoundException; one that is not ACTIVE (being created, failed, stopped or
// starting, being deleted) is InvalidInputException, as the runtime answers a recommender that
// cannot serve (facts §12.9, a documented guess); one that is stopping still serves. The caller
// holds the engine's lock; the model may be used after it lets go (models never change).
func (w *world) recommenderModel(arn string, now time.Time) (*recommend.Model, recommenderServing, *Error) {
	r, ok := w.recommenders.resolve(arn, now)
	if !ok {
		return nil, recommenderServing{}, resourceNotFound(arn)
	}
	switch status, _ := r.status(now); status {
	case StatusActive, StatusStopPending, StatusStopInProgress:
	default:
		return nil, recommenderServing{}, invalid(Personalize, "The recommender %s is in %s state; it serves recommendations when ACTIVE.", r.arn, status)
	}
	run := r.running(now)
	m, err := run.trained()
	if err != nil {
		return nil, recommenderServing{}, invalid(Personalize, "The recommender %s cannot serve: %v", r.arn, err)
	}
	return m, recommenderServing{group: r.group, recipe: r.recipe, config: run.config, since: run.since, data: run.data}, nil
}

func (e *Engine) describeRecommender(w *world, in *personalize.DescribeRecommenderInput, cx opContext) (*personalize.DescribeRecommenderOutput, *Error) {
	r, ok := w.recommenders.resolve(*in.RecommenderArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.RecommenderArn)
	}
	status, changed := r.status(cx.now)
	run := r.running(cx.now)
	out := &personalize.Recommender{
		Name: &r.name, RecommenderArn: &r.arn, DatasetGroupArn: &r.group.arn, RecipeArn: &r.recipe,
		RecommenderConfig: run.config, Status: &status, FailureReason: failureReason(status, r.failure()),
		CreationDateTime: shape.T(r.created), LastUpdatedDateTime: shape.T(changed),
	}
	if !creating(status) && r.failure() == "" {
		// The metrics of the model it serves, AWS's eight (facts §5.1: a documented guess).
		if m, err := run.trained(); err == nil {
			out.ModelMetrics = m.Metrics()
		}
	}
	if u := r.update; u != nil {
		st, at := r.recommenderUpdateStatus(cx.now)
		out.LatestRecommenderUpdate = &personalize.RecommenderUpdateSummary{
			RecommenderConfig: u.config, Status: &st, CreationDateTime: shape.T(u.at), LastUpdatedDateTime: shape.T(at),
		}
		if st == StatusCreateFailed {
			out.LatestRecommenderUpdate.FailureReason = u.judged // judged when its status was computed
		}
	}
	return &personalize.DescribeRecommenderOutput{Recommender: out}, nil
}

// listRecommenders lists newest first; with datasetGroupArn, that group's recommenders (none
// for a group that does not exist: the operation models no not-found error).
func (e *Engine) listRecommenders(w *world, in *personalize.ListRecommendersInput, cx opContext) (*personalize.ListRecommendersOutput, *Error) {
	var keep func(*recommender) bool
	if in.DatasetGroupArn != nil {
		keep = func(r *recommender) bool { return r.group.arn == *in.DatasetGroupArn }
	}
	page, next, err := newestFirst(w.recommenders, nil, "recommenders", in.NextToken, in.MaxResults, cx.now, keep)
	if err != nil {
		return nil, err
	}
	out := &personalize.ListRecommendersOutput{Recommenders: make([]personalize.RecommenderSummary, len(page)), NextToken: next}
	for i, r := range page {
		status, changed := r.status(cx.now)
		out.Recommenders[i] = personalize.RecommenderSummary{
			Name: &r.name, RecommenderArn: &r.arn, DatasetGroupArn: &r.group.arn, RecipeArn: &r.recipe,
			RecommenderConfig: r.running(cx.now).config, Status: &status,
			CreationDateTime: shape.T(r.created), LastUpdatedDateTime: shape.T(changed),
		}
	}
	return out, nil
}

// updateRecommender replaces the configuration (recommenderConfig is required) and retrains.
// The recommender must be ACTIVE with no update under way (documented guesses at
// ResourceInUseException, as for a campaign).
func (e *Engine) updateRecommender(w *world, in *personalize.UpdateRecommenderInput, cx opContext) (*personalize.UpdateRecommenderOutput, *Error) {
	if in.RecommenderConfig == nil {
		return nil, invalid(Personalize, "recommenderConfig is required.")
	}
	r, ok := w.recommenders.resolve(*in.RecommenderArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.RecommenderArn)
	}
	if status, _ := r.status(cx.now); status != StatusActive {
		return nil, inUse("The recommender %s is in %s state; it can be updated when ACTIVE.", r.arn, status)
	}
	if r.update != nil {
		if st, _ := r.recommenderUpdateStatus(cx.now); creating(st) {
			return nil, inUse("The recommender %s has an update in %s state.", r.arn, st)
		}
	}
	recipe, _ := recipes.Lookup(r.recipe)
	config, err := recommenderConfig(recipe, in.RecommenderConfig)
	if err != nil {
		return nil, err
	}
	r.served = *r.running(cx.now)
	r.update = &recommenderUpdate{at: cx.now, recommenderRun: recommenderRun{config: config, since: cx.now,
		modelTraining: e.newTraining(w, r.group, recommend.Config{Recipe: r.recipe}, cx.now)}}
	return &personalize.UpdateRecommenderOutput{RecommenderArn: &r.arn}, nil
}

// startRecommender starts an INACTIVE recommender; any other status is ResourceInUseException
// (a documented guess).
func (e *Engine) startRecommender(w *world, in *personalize.StartRecommenderInput, cx opContext) (*personalize.StartRecommenderOutput, *Error) {
	r, err := w.switchRecommender(*in.RecommenderArn, StatusInactive, cx.now)
	if err != nil {
		return nil, err
	}
	r.switched, r.off = cx.now, false
	return &personalize.StartRecommenderOutput{RecommenderArn: &r.arn}, nil
}

// stopRecommender stops an ACTIVE recommender (AWS: "Stops a recommender that is ACTIVE"), which
// then costs nothing and serves nothing; any other status is ResourceInUseException.
func (e *Engine) stopRecommender(w *world, in *personalize.StopRecommenderInput, cx opContext) (*personalize.StopRecommenderOutput, *Error) {
	r, err := w.switchRecommender(*in.RecommenderArn, StatusActive, cx.now)
	if err != nil {
		return nil, err
	}
	r.switched, r.off = cx.now, true
	return &personalize.StopRecommenderOutput{RecommenderArn: &r.arn}, nil
}

// switchRecommender finds a recommender to start or stop, in the status it must be in.
func (w *world) switchRecommender(arn, want string, now time.Time) (*recommender, *Error) {
	r, ok := w.recommenders.resolve(arn, now)
	if !ok {
		return nil, resourceNotFound(arn)
	}
	if status, _ := r.status(now); status != want {
		return nil, inUse("The recommender %s is in %s state; it must be %s.", r.arn, status, want)
	}
	return r, nil
}

// deleteRecommender deletes a recommender that is ACTIVE, INACTIVE or CREATE FAILED; one being
// created, started, stopped or deleted is ResourceInUseException (a documented guess).
func (e *Engine) deleteRecommender(w *world, in *personalize.DeleteRecommenderInput, cx opContext) (*personalize.DeleteRecommenderOutput, *Error) {
	r, ok := w.recommenders.resolve(*in.RecommenderArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.RecommenderArn)
	}
	switch status, _ := r.status(cx.now); status {
	case StatusActive, StatusInactive, StatusCreateFailed:
	default:
		return nil, inUse("The recommender %s is in %s state and cannot be deleted.", r.arn, status)
	}
	r.deleted = cx.now
	w.recommenders.retire(r)
	return &personalize.DeleteRecommenderOutput{}, nil
}

// laterState is the recommender as the call that creates it, with the configuration it serves
// (an update under way is left out, as a campaign's is), after the data a state document
// restores, so that a restored recommender trains on it. A stopped one carries when it was
// stopped (IDs "stoppedAt"), so that it comes back stopped; a started one comes back ACTIVE.
func (r *recommender) laterState(w *world, now time.Time) []ResourceState {
	run := r.running(now)
	st := r.baseState(w, "recommender", Personalize, "CreateRecommender", &personalize.CreateRecommenderInput{
		Name: &r.name, DatasetGroupArn: &r.group.arn, RecipeArn: &r.recipe, RecommenderConfig: run.config, Tags: r.tags.personalizeOrNil(),
	})
	st.Type = r.recipe[len("arn:aws:personalize:::recipe/"):]
	livedState(&st, r, now)
	if r.off && !r.switched.After(now) {
		if st.IDs == nil {
			st.IDs = map[string]string{}
		}
		st.IDs[idStoppedAt] = r.switched.UTC().Format(time.RFC3339Nano)
	}
	return []ResourceState{st}
}

// idStoppedAt is the seed's note of when a recommender was stopped.
const idStoppedAt = "stoppedAt"

// stoppedAt is when a seeded recommender was stopped, if the seed says it was; a time not in
// RFC 3339 form is refused.
func (s *SeedSpec) stoppedAt() (time.Time, bool, *Error) {
	if s == nil || s.IDs[idStoppedAt] == "" {
		return time.Time{}, false, nil
	}
	at, err := time.Parse(time.RFC3339Nano, s.IDs[idStoppedAt])
	if err != nil {
		return time.Time{}, false, invalid(Personalize, "The seed's %s %q is not an RFC 3339 time.", idStoppedAt, s.IDs[idStoppedAt])
	}
	return at, true, nil
}
