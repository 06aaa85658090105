package engine

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/recipes"
	"github.com/awsfake/awsfake/internal/recommend"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// solutionVersion is one trained (or training) model of a solution: its ARN is the solution's
// with 8 hex digits added. It trains on its group's data as it was when it was created (data,
// views taken then), with the solution's configuration as it was then (config); when training
// ends, the data requirements AWS documents decide between ACTIVE and CREATE FAILED (verdict).
type solutionVersion struct {
	entity
	lifecycle
	usedBy       // the campaigns that deploy it
	solution     *solution
	trainingMode string // FULL or UPDATE
	modelTraining
	hours float64 // trainingHours once ACTIVE
}

// modelTraining is one training of a model on a dataset group's data: a solution version's, or
// a recommender's (which trains the same way, on its use case's recipe). It trains on the group's
// data as it was when it began (data, views taken then), with a configuration fixed then
// (config); when the training ends, the data requirements AWS documents decide between ACTIVE
// and CREATE FAILED (verdict).
type modelTraining struct {
	config recommend.Config
	data   trainingData  `digest:"-"` // the views: what the group held at creation
	model  *trainedModel `digest:"-"` // made once, when first needed
	small  bool          // the fake takes small datasets (Config.SmallDatasets)
}

// newTraining begins a training on a group's data as it is at now.
func (e *Engine) newTraining(w *world, g *datasetGroup, cfg recommend.Config, now time.Time) modelTraining {
	return modelTraining{config: cfg, data: w.takeTrainingData(g, now), model: &trainedModel{}, small: e.cfg.SmallDatasets}
}

// needs is the version's solution (kinds.txt: needs solutions).
func (v *solutionVersion) needs() needed { return needed{v.solution} }

func (e *Engine) createSolutionVersion(w *world, in *personalize.CreateSolutionVersionInput, cx opContext) (*personalize.CreateSolutionVersionOutput, *Error) {
	s, ok := w.solutions.resolve(*in.SolutionArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.SolutionArn)
	}
	// AWS: "If you use manual training, the status must be ACTIVE before you call
	// CreateSolutionVersion."
	if status, _, _ := statusOf(s, cx.now); status != StatusActive {
		return nil, inUse("The solution %s is not ACTIVE (its status is %s).", s.arn, status)
	}
	mode := "FULL"
	if in.TrainingMode != nil {
		mode = *in.TrainingMode
	}
	if err := w.checkTrainingMode(s, mode, cx.now); err != nil {
		return nil, err
	}
	if err := w.solutionVersions.overQuotaWithin(&e.cfg, nil, cx.now); err != nil {
		return nil, err
	}
	tags, err := e.newTags(Personalize, tagsFromPersonalize(in.Tags))
	if err != nil {
		return nil, err
	}
	arn, id, err := e.versionARN(w, s, cx)
	if err != nil {
		return nil, err
	}
	name := s.name + "/" + id // AWS's name when none is given
	if in.Name != nil {
		name = *in.Name
	}
	v := &solutionVersion{
		entity:    entity{arn: arn, name: name, tags: tags},
		lifecycle: e.newLifecycle(catalog.SolutionVersions, cx),
		solution:  s, trainingMode: mode, modelTraining: e.newTraining(w, s.group, s.trainingConfig(cx.now), cx.now),
		// The hours of CREATE IN_PROGRESS (as the kind's timing has it, a seed's too), 3
		// decimals (AWS bills compute hours, which real runs show larger than the wall clock's;
		// a documented guess).
		hours: math.Max(0.001, math.Round(e.cfg.Lifecycles[catalog.SolutionVersions].InProgress.Hours()*1000)/1000),
	}
	if cx.seed == nil || creating(cx.seed.Status) {
		v.judge = v // a seed that starts ACTIVE (or CREATE FAILED) is what it says
	}
	w.solutionVersions.insert(v, cx.now)
	return &personalize.CreateSolutionVersionOutput{SolutionVersionArn: &v.arn}, nil
}

// checkTrainingMode refuses a training mode the solution cannot train with: UPDATE only for the
// recipes that take it (User-Personalization) and only after a FULL version is ACTIVE; AUTOTRAIN
// is what automatic training records, which the fake does not run (a documented guess at the
// refusal).
func (w *world) checkTrainingMode(s *solution, mode string, now time.Time) *Error {
	switch mode {
	case "AUTOTRAIN":
		return invalid(Personalize, "trainingMode AUTOTRAIN is the mode of the versions automatic training creates; create versions with FULL or UPDATE.")
	case "UPDATE":
		if r, _ := recipes.Lookup(s.recipe()); !r.UpdateTraining {
			return invalid(Personalize, "trainingMode UPDATE is only for User-Personalization recipes, not %s.", r.Name)
		}
		full := false
		w.eachUser(s, now, func(u resource) bool {
			if v, ok := u.(*solutionVersion); ok && v.trainingMode == "FULL" {
				status, _, _ := statusOf(v, now)
				full = status == StatusActive
			}
			return !full
		})
		if !full {
			return invalid(Personalize, "trainingMode UPDATE needs an ACTIVE solution version trained with FULL; %s has none.", s.arn)
		}
	}
	return nil
}

// versionARN draws a new version's id (8 lowercase hex digits) and ARN, or takes the id a seed
// asks for.
func (e *Engine) versionARN(w *world, s *solution, cx opContext) (arn, id string, err *Error) {
	id = cx.id("id", func() string {
		id := e.newID(8)
		for w.solutionVersions.items[s.arn+"/"+id] != nil {
			id = e.newID(8)
		}
		return id
	})
	if len(id) != 8 || strings.Trim(id, "0123456789abcdef") != "" {
		return "", "", invalid(Personalize, "a solution version id is 8 lowercase hex digits, not %q", id)
	}
	arn = s.arn + "/" + id
	if w.solutionVersions.items[arn] != nil {
		return "", "", alreadyExists("Another resource with Arn %s already exists.", arn)
	}
	return arn, id, nil
}

// trained returns the model, training it on first use.
func (v *modelTraining) trained() (*recommend.Model, error) { return v.model.get(v.config, v.data) }

// verdict decides how training ends, once, when it has ended: the data requirements AWS
// documents (at least 1000 interactions after the solution's event filters, and 25 users with
// two or more; for Next-Best-Action, 1000 action interactions, a documented guess), unless the
// fake is told to take small datasets, and the datasets the recipe requires.
func (v *modelTraining) verdict() string {
	r, _ := recipes.Lookup(v.config.Recipe)
	for _, typ := range []string{typeInteractions, typeItems, typeActions, typeActionInteractions} {
		if r.Needs(typ) && !v.data.has(typ) {
			return fmt.Sprintf("Create failed. The dataset group has no %s dataset, which the recipe %s requires.", datasetTypes[typ].record, r.Name)
		}
	}
	m, err := v.trained()
	if err != nil {
		return "Create failed. " + err.Error()
	}
	if v.small {
		return ""
	}
	st := m.Stats()
	switch {
	case m.Recipe().Family == recommend.NextBestAction && st.ActionInteractions < minInteractions:
		return fmt.Sprintf("Create failed. Dataset has fewer than %d action interactions.", minInteractions)
	case m.Recipe().Family == recommend.NextBestAction:
		return ""
	case st.Interactions < minInteractions && v.eventType() != "":
		return fmt.Sprintf("Create failed. Dataset has fewer than %d interactions after filtering by event type: %s", minInteractions, v.eventType())
	case st.Interactions < minInteractions:
		return fmt.Sprintf("Create failed. Dataset has fewer than %d interactions.", minInteractions)
	case st.UsersWithTwoOrMore < minUsers:
		// AWS's documented failure reason (dg:error-messages).
		return fmt.Sprintf("Create failed. Dataset has fewer than %d users with at least 2 interactions each.", minUsers)
	}
	return ""
}

// eventType is the event type training keeps: the solution's, else a domain use case's own
// (a recommender's "Dataset has fewer than 1000 interactions after filtering by event type:
// <event type>").
func (v *modelTraining) eventType() string {
	if v.config.EventType != "" {
		return v.config.EventType
	}
	info, _ := recommend.Lookup(v.config.Recipe)
	return info.TrainEventType
}

// AWS's minimums for training (dg/limits).
const (
	minInteractions = 1000
	minUsers        = 25
)

func (e *Engine) describeSolutionVersion(w *world, in *personalize.DescribeSolutionVersionInput, cx opContext) (*personalize.DescribeSolutionVersionOutput, *Error) {
	v, ok := w.solutionVersions.resolve(*in.SolutionVersionArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.SolutionVersionArn)
	}
	status, changed, _ := statusOf(v, cx.now)
	s := v.solution
	out := &personalize.SolutionVersion{
		Name: &v.name, SolutionVersionArn: &v.arn, SolutionArn: &s.arn, DatasetGroupArn: &s.group.arn,
		RecipeArn: &v.config.Recipe, EventType: s.eventType, PerformHPO: &s.performHPO, PerformAutoML: &s.performAutoML,
		PerformIncrementalUpdate: &s.performIncrementalUpdate, SolutionConfig: s.config,
		TrainingMode: &v.trainingMode, TrainingType: orNil("MANUAL"), Status: &status,
		FailureReason: failureReason(status, v.failure()), CreationDateTime: shape.T(v.created), LastUpdatedDateTime: shape.T(changed),
	}
	if status == StatusActive {
		out.TrainingHours = &v.hours // "visible only after Amazon Personalize successfully trains a model"
	}
	return &personalize.DescribeSolutionVersionOutput{SolutionVersion: out}, nil
}

// summary is the version as ListSolutionVersions and DescribeSolution's latestSolutionVersion
// show it.
func (v *solutionVersion) summary(now time.Time) personalize.SolutionVersionSummary {
	status, changed, _ := statusOf(v, now)
	return personalize.SolutionVersionSummary{
		SolutionVersionArn: &v.arn, Status: &status, TrainingMode: &v.trainingMode, TrainingType: orNil("MANUAL"),
		FailureReason: failureReason(status, v.failure()), CreationDateTime: shape.T(v.created), LastUpdatedDateTime: shape.T(changed),
	}
}

// listSolutionVersions lists newest first; with solutionArn, that solution's versions, and a
// solution that does not exist is not found (the operation models the error).
func (e *Engine) listSolutionVersions(w *world, in *personalize.ListSolutionVersionsInput, cx opContext) (*personalize.ListSolutionVersionsOutput, *Error) {
	var keep func(*solutionVersion) bool
	if in.SolutionArn != nil {
		s, ok := w.solutions.resolve(*in.SolutionArn, cx.now)
		if !ok {
			return nil, resourceNotFound(*in.SolutionArn)
		}
		keep = func(v *solutionVersion) bool { return v.solution == s }
	}
	page, next, err := newestFirst(w.solutionVersions, nil, "solution-versions", in.NextToken, in.MaxResults, cx.now, keep)
	if err != nil {
		return nil, err
	}
	out := &personalize.ListSolutionVersionsOutput{SolutionVersions: make([]personalize.SolutionVersionSummary, len(page)), NextToken: next}
	for i, v := range page {
		out.SolutionVersions[i] = v.summary(cx.now)
	}
	return out, nil
}

// stopSolutionVersionCreation stops training: CREATE PENDING becomes CREATE STOPPED at once,
// CREATE IN_PROGRESS becomes CREATE STOPPING and then CREATE STOPPED. Any other status is
// ResourceInUseException (a documented guess).
func (e *Engine) stopSolutionVersionCreation(w *world, in *personalize.StopSolutionVersionCreationInput, cx opContext) (*personalize.StopSolutionVersionCreationOutput, *Error) {
	v, ok := w.solutionVersions.resolve(*in.SolutionVersionArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.SolutionVersionArn)
	}
	if status, _, _ := statusOf(v, cx.now); !creating(status) {
		return nil, inUse("The solution version %s is in %s state; only one in CREATE PENDING or CREATE IN_PROGRESS can be stopped.", v.arn, status)
	}
	v.stopped = cx.now
	return &personalize.StopSolutionVersionCreationOutput{}, nil
}

// getSolutionMetrics reports the version's metrics: AWS's names, computed by the stand-in model
// (recommend.Model.Metrics: leave-last-out over the training data). A version that is not ACTIVE
// has none (ResourceInUseException, a documented guess); an UPDATE version reports none, as AWS
// says such versions produce no new metrics.
func (e *Engine) getSolutionMetrics(w *world, in *personalize.GetSolutionMetricsInput, cx opContext) (*personalize.GetSolutionMetricsOutput, *Error) {
	v, ok := w.solutionVersions.resolve(*in.SolutionVersionArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.SolutionVersionArn)
	}
	if status, _, _ := statusOf(v, cx.now); status != StatusActive {
		return nil, inUse("The solution version %s is in %s state; it has metrics once it is ACTIVE.", v.arn, status)
	}
	metrics := map[string]float64{}
	if v.trainingMode != "UPDATE" {
		if m, err := v.trained(); err == nil {
			metrics = m.Metrics()
		}
	}
	return &personalize.GetSolutionMetricsOutput{SolutionVersionArn: &v.arn, Metrics: metrics}, nil
}

// laterState is the version as the call that creates it. It comes after the data a state
// document restores (the records and events), so that a restored version trains on them.
func (v *solutionVersion) laterState(w *world, now time.Time) []ResourceState {
	in := &personalize.CreateSolutionVersionInput{SolutionArn: &v.solution.arn, TrainingMode: &v.trainingMode, Tags: v.tags.personalizeOrNil()}
	id := v.arn[len(v.arn)-8:]
	if v.name != v.solution.name+"/"+id {
		in.Name = &v.name
	}
	st := v.baseState(w, "solution-version", Personalize, "CreateSolutionVersion", in)
	st.IDs = map[string]string{"id": id}
	st.Type = v.trainingMode
	livedState(&st, v, now)
	return []ResourceState{st}
}
