package engine

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/recipes"
	"github.com/awsfake/awsfake/internal/recommend"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// solution is one Personalize solution: a recipe and its configuration for a dataset group,
// from which solution versions are trained. Its versions and campaigns are its users.
type solution struct {
	entity
	lifecycle
	usedBy                   // its versions and campaigns
	group                    *datasetGroup
	recipeArn                *string // nil for AutoML, which picks one (autoRecipe)
	autoRecipe               string  // the recipe AutoML picks (performAutoML)
	eventType                *string
	performHPO               bool
	performAutoML            bool
	performAutoTraining      bool
	performIncrementalUpdate bool
	config                   *personalize.SolutionConfig
	update                   *solutionUpdate // the latest UpdateSolution, nil before the first
}

// solutionUpdate is one UpdateSolution: what it changes, in force once it is ACTIVE.
type solutionUpdate struct {
	at                       time.Time
	performAutoTraining      bool
	performIncrementalUpdate bool
	config                   *personalize.SolutionUpdateConfig
}

// needs is the solution's dataset group (kinds.txt: needs dataset-groups).
func (s *solution) needs() needed { return needed{s.group} }

// schedulingDays reads rate(N day[s]), whose N AWS documents as 1–30 (the model's pattern
// checks the form).
var schedulingDays = regexp.MustCompile(`^rate\((\d+) days?\)$`)

func (e *Engine) createSolution(w *world, in *personalize.CreateSolutionInput, cx opContext) (*personalize.CreateSolutionOutput, *Error) {
	name := *in.Name
	recipe, err := solutionRecipe(in)
	if err != nil {
		return nil, err
	}
	g, ok := w.datasetGroups.resolve(*in.DatasetGroupArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.DatasetGroupArn)
	}
	if status, _, _ := statusOf(g, cx.now); status != StatusActive {
		return nil, inUse("The dataset group %s is not ACTIVE (its status is %s).", g.arn, status)
	}
	arn := w.scope.arn(Personalize, "solution", name)
	if _, taken := w.solutions.lookup(name, cx.now); taken {
		return nil, alreadyExists("Another resource with Arn %s already exists.", arn)
	}
	if err := w.solutions.overQuotaWithin(&e.cfg, g, cx.now); err != nil {
		return nil, err
	}
	tags, err := e.newTags(Personalize, tagsFromPersonalize(in.Tags))
	if err != nil {
		return nil, err
	}
	s := &solution{
		entity:    entity{arn: arn, name: name, tags: tags},
		lifecycle: e.newLifecycle(catalog.Solutions, cx),
		group:     g, recipeArn: in.RecipeArn, eventType: in.EventType, config: in.SolutionConfig,
		performHPO: in.PerformHPO != nil && *in.PerformHPO, performAutoML: in.PerformAutoML != nil && *in.PerformAutoML,
		// AWS: performAutoTraining is true unless said otherwise.
		performAutoTraining:      in.PerformAutoTraining == nil || *in.PerformAutoTraining,
		performIncrementalUpdate: in.PerformIncrementalUpdate != nil && *in.PerformIncrementalUpdate,
	}
	if s.performAutoML {
		s.autoRecipe = recipe.ARN
	}
	w.solutions.insert(s, cx.now)
	return &personalize.CreateSolutionOutput{SolutionArn: &s.arn}, nil
}

// solutionRecipe checks what CreateSolution asks of its recipe and configuration, before any
// resource is looked at, and returns the recipe it trains with: the one named, or the one
// AutoML picks (the first of autoMLConfig.recipeList that AWS serves, else
// aws-user-personalization: a documented guess, AWS's AutoML chose among the retired HRNN
// recipes).
func solutionRecipe(in *personalize.CreateSolutionInput) (recipes.Recipe, *Error) {
	autoML := in.PerformAutoML != nil && *in.PerformAutoML
	var recipe recipes.Recipe
	switch {
	case autoML && in.RecipeArn != nil:
		return recipe, invalid(Personalize, "recipeArn must not be given when performAutoML is true: AutoML chooses the recipe.")
	case !autoML && in.RecipeArn == nil:
		return recipe, invalid(Personalize, "recipeArn is required unless performAutoML is true.")
	case autoML:
		recipe, _ = recipes.Lookup(recipes.ARN("aws-user-personalization"))
		if c := in.SolutionConfig; c != nil && c.AutoMLConfig != nil {
			for _, arn := range c.AutoMLConfig.RecipeList {
				if r, ok := recipes.Lookup(arn); ok && r.Domain == "" {
					recipe = r
					break
				}
			}
		}
	default:
		r, err := lookupRecipe(*in.RecipeArn)
		if err != nil {
			return recipe, err
		}
		if r.Domain != "" {
			return recipe, invalid(Personalize, "The recipe %s is a %s use case: use cases are for recommenders (CreateRecommender), not solutions.", r.ARN, r.Domain)
		}
		recipe = r
	}
	if in.PerformIncrementalUpdate != nil && *in.PerformIncrementalUpdate && !recipe.IncrementalUpdate {
		return recipe, invalid(Personalize, "performIncrementalUpdate is only for the aws-semantic-similarity recipe, not %s.", recipe.Name)
	}
	if err := checkSolutionConfig(recipe, in.EventType, in.SolutionConfig); err != nil {
		return recipe, err
	}
	if c := in.SolutionConfig; c != nil && c.AutoTrainingConfig != nil {
		if err := checkSchedule(c.AutoTrainingConfig.SchedulingExpression); err != nil {
			return recipe, err
		}
	}
	return recipe, nil
}

// lookupRecipe finds a recipe AWS serves; a retired one is refused with why, an unknown one is
// not found.
func lookupRecipe(arn string) (recipes.Recipe, *Error) {
	if r, ok := recipes.Lookup(arn); ok {
		return r, nil
	}
	if r, ok := recipes.Retired(arn); ok {
		return r, invalid(Personalize, "The recipe %s is no longer available: legacy HRNN recipes are retired; use aws-user-personalization-v2.", r.ARN)
	}
	return recipes.Recipe{}, resourceNotFound(arn)
}

// checkSolutionConfig refuses a configuration the model cannot train with: its event filters
// and feature transformations (checked by training on no data, when it has any) and its
// schedule.
func checkSolutionConfig(recipe recipes.Recipe, eventType *string, c *personalize.SolutionConfig) *Error {
	if _, known := recommend.Lookup(recipe.ARN); !known {
		return invalid(Personalize, "The recipe %s cannot train solutions.", recipe.ARN)
	}
	if c == nil || c.EventValueThreshold == nil && c.EventsConfig == nil && len(c.FeatureTransformationParameters) == 0 {
		return nil // nothing that training could refuse
	}
	if _, err := recommend.Train(modelConfig(recipe.ARN, eventType, c), recommend.Data{}); err != nil {
		if errors.Is(err, recommend.ErrInvalidConfig) {
			return invalid(Personalize, "Invalid solutionConfig: %v", err)
		}
		return invalid(Personalize, "The recipe %s cannot train solutions: %v", recipe.ARN, err)
	}
	return nil
}

// checkSchedule refuses a scheduling expression outside AWS's documented 1–30 days.
func checkSchedule(expr *string) *Error {
	if expr == nil {
		return nil
	}
	m := schedulingDays.FindStringSubmatch(*expr)
	if n, err := strconv.Atoi(safeIndex(m, 1)); m == nil || err != nil || n < 1 || n > 30 {
		return invalid(Personalize, "Invalid schedulingExpression %q: use rate(N days) with N from 1 to 30.", *expr)
	}
	return nil
}

func safeIndex(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// modelConfig is what the recommend package needs of a solution's configuration.
func modelConfig(recipeArn string, eventType *string, c *personalize.SolutionConfig) recommend.Config {
	cfg := recommend.Config{Recipe: recipeArn, EventType: deref(eventType)}
	if c == nil {
		return cfg
	}
	cfg.EventValueThreshold = deref(c.EventValueThreshold)
	cfg.FeatureTransformationParameters = c.FeatureTransformationParameters
	if c.EventsConfig != nil {
		for _, p := range c.EventsConfig.EventParametersList {
			cfg.Events = append(cfg.Events, recommend.EventParameters{EventType: deref(p.EventType), EventValueThreshold: p.EventValueThreshold, Weight: p.Weight})
		}
	}
	if c.OptimizationObjective != nil {
		cfg.ObjectiveAttribute = deref(c.OptimizationObjective.ItemAttribute)
	}
	return cfg
}

// recipe is the ARN of the recipe the solution trains with.
func (s *solution) recipe() string {
	if s.recipeArn != nil {
		return *s.recipeArn
	}
	return s.autoRecipe
}

// trainingConfig is the solution's configuration as a version created at now trains with: an
// update's events configuration once the update is ACTIVE.
func (s *solution) trainingConfig(now time.Time) recommend.Config {
	cfg := modelConfig(s.recipe(), s.eventType, s.config)
	if u := s.update; u != nil && u.config != nil && u.config.EventsConfig != nil {
		if status, _ := s.updateStatus(u.at, now); status == StatusActive {
			cfg.Events = nil
			for _, p := range u.config.EventsConfig.EventParametersList {
				cfg.Events = append(cfg.Events, recommend.EventParameters{EventType: deref(p.EventType), EventValueThreshold: p.EventValueThreshold, Weight: p.Weight})
			}
		}
	}
	return cfg
}

func (e *Engine) describeSolution(w *world, in *personalize.DescribeSolutionInput, cx opContext) (*personalize.DescribeSolutionOutput, *Error) {
	s, ok := w.solutions.resolve(*in.SolutionArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.SolutionArn)
	}
	status, changed, _ := statusOf(s, cx.now)
	out := &personalize.Solution{
		Name: &s.name, SolutionArn: &s.arn, DatasetGroupArn: &s.group.arn, RecipeArn: s.recipeArn, EventType: s.eventType,
		PerformHPO: &s.performHPO, PerformAutoML: &s.performAutoML, PerformAutoTraining: &s.performAutoTraining,
		PerformIncrementalUpdate: &s.performIncrementalUpdate, SolutionConfig: s.config, Status: &status,
		CreationDateTime: shape.T(s.created), LastUpdatedDateTime: shape.T(changed),
	}
	latest := w.latestVersion(s, cx.now, false)
	if latest != nil {
		sum := latest.summary(cx.now)
		out.LatestSolutionVersion = &sum
	}
	if s.performAutoML {
		// AutoML's choice shows once a version has trained with it.
		if v := w.latestVersion(s, cx.now, true); v != nil {
			out.AutoMLResult = &personalize.AutoMLResult{BestRecipeArn: &s.autoRecipe}
		}
	}
	if u := s.update; u != nil {
		st, at := s.updateStatus(u.at, cx.now)
		out.LatestSolutionUpdate = &personalize.SolutionUpdateSummary{
			Status: &st, PerformAutoTraining: &u.performAutoTraining, PerformIncrementalUpdate: &u.performIncrementalUpdate,
			SolutionUpdateConfig: u.config, CreationDateTime: shape.T(u.at), LastUpdatedDateTime: shape.T(at),
		}
		if st == StatusActive {
			out.PerformAutoTraining, out.PerformIncrementalUpdate = &u.performAutoTraining, &u.performIncrementalUpdate
		}
	}
	return &personalize.DescribeSolutionOutput{Solution: out}, nil
}

// latestVersion returns a solution's newest version that is not gone, or its newest ACTIVE one.
func (w *world) latestVersion(s *solution, now time.Time, active bool) *solutionVersion {
	var latest *solutionVersion
	w.eachUser(s, now, func(u resource) bool {
		v, ok := u.(*solutionVersion)
		if !ok {
			return true
		}
		if active {
			if st, _, _ := statusOf(v, now); st != StatusActive {
				return true
			}
		}
		if latest == nil || byCreation(posOf(latest), posOf(v)) {
			latest = v
		}
		return true
	})
	return latest
}

// listSolutions lists newest first; with datasetGroupArn, that group's solutions (none for a
// group that does not exist: the operation models no not-found error).
func (e *Engine) listSolutions(w *world, in *personalize.ListSolutionsInput, cx opContext) (*personalize.ListSolutionsOutput, *Error) {
	var keep func(*solution) bool
	if in.DatasetGroupArn != nil {
		keep = func(s *solution) bool { return s.group.arn == *in.DatasetGroupArn }
	}
	page, next, err := newestFirst(w.solutions, nil, "solutions", in.NextToken, in.MaxResults, cx.now, keep)
	if err != nil {
		return nil, err
	}
	out := &personalize.ListSolutionsOutput{Solutions: make([]personalize.SolutionSummary, len(page)), NextToken: next}
	for i, s := range page {
		status, changed, _ := statusOf(s, cx.now)
		out.Solutions[i] = personalize.SolutionSummary{
			Name: &s.name, SolutionArn: &s.arn, RecipeArn: s.recipeArn, Status: &status,
			CreationDateTime: shape.T(s.created), LastUpdatedDateTime: shape.T(changed),
		}
	}
	return out, nil
}

// updateSolution changes what AWS lets change after creation: automatic training, incremental
// updates and their configuration. The update shows in latestSolutionUpdate with statuses of its
// own; the solution stays ACTIVE. A solution that is not ACTIVE, or whose last update is still
// under way, cannot be updated (documented guesses at ResourceInUseException).
func (e *Engine) updateSolution(w *world, in *personalize.UpdateSolutionInput, cx opContext) (*personalize.UpdateSolutionOutput, *Error) {
	s, ok := w.solutions.resolve(*in.SolutionArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.SolutionArn)
	}
	if status, _, _ := statusOf(s, cx.now); status != StatusActive {
		return nil, inUse("The solution %s is in %s state and cannot be updated.", s.arn, status)
	}
	if u := s.update; u != nil {
		if st, _ := s.updateStatus(u.at, cx.now); st != StatusActive {
			return nil, inUse("The solution %s has an update in %s state.", s.arn, st)
		}
	}
	incremental := in.PerformIncrementalUpdate != nil && *in.PerformIncrementalUpdate
	if r, _ := recipes.Lookup(s.recipe()); incremental && !r.IncrementalUpdate {
		return nil, invalid(Personalize, "performIncrementalUpdate is only for the aws-semantic-similarity recipe, not %s.", r.Name)
	}
	if c := in.SolutionUpdateConfig; c != nil && c.AutoTrainingConfig != nil {
		if err := checkSchedule(c.AutoTrainingConfig.SchedulingExpression); err != nil {
			return nil, err
		}
	}
	cur := s.current(cx.now)
	u := &solutionUpdate{at: cx.now, performAutoTraining: cur.performAutoTraining, performIncrementalUpdate: incremental, config: in.SolutionUpdateConfig}
	if in.PerformAutoTraining != nil {
		u.performAutoTraining = *in.PerformAutoTraining
	}
	s.update = u
	return &personalize.UpdateSolutionOutput{SolutionArn: &s.arn}, nil
}

// current is the solution's automatic training as in force at now.
func (s *solution) current(now time.Time) solutionUpdate {
	cur := solutionUpdate{performAutoTraining: s.performAutoTraining, performIncrementalUpdate: s.performIncrementalUpdate}
	if u := s.update; u != nil {
		if st, _ := s.updateStatus(u.at, now); st == StatusActive {
			cur = *u
		}
	}
	return cur
}

// deleteSolution deletes a solution with its versions. AWS: "Before deleting a solution, you
// must delete all campaigns based on the solution… You can't delete a solution if an associated
// SolutionVersion is in the CREATE PENDING or IN PROGRESS state."
func (e *Engine) deleteSolution(w *world, in *personalize.DeleteSolutionInput, cx opContext) (*personalize.DeleteSolutionOutput, *Error) {
	s, ok := w.solutions.resolve(*in.SolutionArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.SolutionArn)
	}
	if status, _, _ := statusOf(s, cx.now); creating(status) || deleting(status) {
		return nil, inUse("The solution %s is in %s state and cannot be deleted.", s.arn, status)
	}
	var versions []*solutionVersion
	var blocker *Error
	w.eachUser(s, cx.now, func(u resource) bool {
		switch u := u.(type) {
		case *campaign:
			blocker = inUse("The solution %s has the campaign %s; delete its campaigns first.", s.arn, u.arn)
		case *solutionVersion:
			if status, _, _ := statusOf(u, cx.now); creatingOrStopping(status) {
				blocker = inUse("The solution version %s is in %s state; the solution cannot be deleted until it is done.", u.arn, status)
			}
			versions = append(versions, u)
		}
		return blocker == nil
	})
	if blocker != nil {
		return nil, blocker
	}
	s.deleted = cx.now
	w.solutions.retire(s)
	for _, v := range versions {
		// Its versions go with it, on its timing.
		v.deleted, v.timing.DeletePending, v.timing.DeleteInProgress = cx.now, s.timing.DeletePending, s.timing.DeleteInProgress
		w.solutionVersions.retire(v)
	}
	return &personalize.DeleteSolutionOutput{}, nil
}

func (s *solution) state(w *world, now time.Time) []ResourceState {
	in := &personalize.CreateSolutionInput{
		Name: &s.name, DatasetGroupArn: &s.group.arn, RecipeArn: s.recipeArn, EventType: s.eventType,
		SolutionConfig: s.config, Tags: s.tags.personalizeOrNil(),
	}
	if s.performHPO {
		in.PerformHPO = &s.performHPO
	}
	if s.performAutoML {
		in.PerformAutoML = &s.performAutoML
	}
	cur := s.current(now)
	if !cur.performAutoTraining {
		in.PerformAutoTraining = &cur.performAutoTraining
	}
	if cur.performIncrementalUpdate {
		in.PerformIncrementalUpdate = &cur.performIncrementalUpdate
	}
	st := s.baseState(w, "solution", Personalize, "CreateSolution", in)
	st.Type = s.recipe()[strings.LastIndexByte(s.recipe(), '/')+1:]
	livedState(&st, s, now)
	return []ResourceState{st}
}
