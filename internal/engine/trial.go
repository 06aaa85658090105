package engine

import (
	"slices"
	"time"

	"github.com/awsfake/awsfake/internal/search"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// trial is one SageMaker trial: a group of trial components in one experiment, which it
// cannot leave. Names are unique per account and Region ignoring case; its experiment is what
// it needs (kinds.txt), and its memberships (trial_membership.go) are its users.
//
// Copy-on-write, as for actions: pointers are replaced, never written through.
type trial struct {
	entity
	experiment  *experiment
	displayName *string
	source      *sagemaker.TrialSource // only a seed sets one: SageMaker made the trial
	metadata    *sagemaker.MetadataProperties
	modifiedAt
	usedBy // its memberships, in the order the components were associated
}

func (t *trial) needs() needed { return needed{t.experiment} }

// createTrial puts a trial in an existing experiment. The quota counts the trials of the
// experiment that SageMaker did not make ("excluding those automatically created by
// SageMaker"): seeded ones with a Source are neither counted nor refused.
func (e *Engine) createTrial(w *world, in *sagemaker.CreateTrialInput, cx opContext) (*sagemaker.CreateTrialOutput, *Error) {
	name := *in.TrialName
	if _, ok := w.trials.get(name); ok {
		return nil, alreadyNamed("Trial", name)
	}
	x, err := w.findExperiment(*in.ExperimentName)
	if err != nil {
		return nil, err
	}
	sourceArn, sourceType, seededSource := cx.seededSource()
	if !seededSource {
		if err := w.trials.overQuotaIn(&e.cfg, x.apiTrials); err != nil {
			return nil, err
		}
	}
	tags, err := e.newTags(SageMaker, tagsFromSageMaker(in.Tags))
	if err != nil {
		return nil, err
	}
	t := &trial{
		entity:      entity{arn: w.scope.arn(SageMaker, "experiment-trial", name), name: name, tags: tags},
		experiment:  x,
		displayName: in.DisplayName,
		metadata:    in.MetadataProperties,
		modifiedAt:  modifiedAt{cx.now},
	}
	if seededSource {
		t.source = &sagemaker.TrialSource{SourceArn: sourceArn, SourceType: sourceType}
	}
	w.trials.insert(t, cx.now)
	return &sagemaker.CreateTrialOutput{TrialArn: &t.arn}, nil
}

// apiTrials counts the experiment's trials that were created through the API.
func (x *experiment) apiTrials() int {
	n := 0
	for _, u := range x.users {
		if t, ok := u.(*trial); ok && t.source == nil {
			n++
		}
	}
	return n
}

// findTrial looks a trial up by name, ignoring case.
func (w *world) findTrial(name string) (*trial, *Error) {
	if t, ok := w.trials.get(name); ok {
		return t, nil
	}
	return nil, notFoundNamed("Trial", w.scope.arn(SageMaker, "experiment-trial", name))
}

func (e *Engine) describeTrial(w *world, in *sagemaker.DescribeTrialInput, _ opContext) (*sagemaker.DescribeTrialOutput, *Error) {
	t, err := w.findTrial(*in.TrialName)
	if err != nil {
		return nil, err
	}
	return &sagemaker.DescribeTrialOutput{
		TrialName:          &t.name,
		TrialArn:           &t.arn,
		DisplayName:        displayName(t.displayName, &t.name),
		ExperimentName:     &t.experiment.name,
		Source:             t.source,
		MetadataProperties: t.metadata,
		CreationTime:       shape.T(t.created),
		LastModifiedTime:   shape.T(t.modified),
	}, nil
}

// updateTrial changes the display name only: a trial cannot move to another experiment.
func (e *Engine) updateTrial(w *world, in *sagemaker.UpdateTrialInput, cx opContext) (*sagemaker.UpdateTrialOutput, *Error) {
	t, err := w.findTrial(*in.TrialName)
	if err != nil {
		return nil, err
	}
	if in.DisplayName != nil {
		t.displayName = in.DisplayName
	}
	t.modified = cx.now
	return &sagemaker.UpdateTrialOutput{TrialArn: &t.arn}, nil
}

// deleteTrial refuses while trial components are associated: "All trial components that make
// up the trial must be deleted first", and one still in a trial cannot be deleted (the message
// is a guess, worded as AWS's for that case).
func (e *Engine) deleteTrial(w *world, in *sagemaker.DeleteTrialInput, _ opContext) (*sagemaker.DeleteTrialOutput, *Error) {
	t, err := w.findTrial(*in.TrialName)
	if err != nil {
		return nil, err
	}
	if len(t.users) > 0 {
		return nil, invalid(SageMaker, "Trial '%s' has 1 or more trial components and cannot be deleted.", t.arn)
	}
	w.trials.remove(t)
	return &sagemaker.DeleteTrialOutput{TrialArn: &t.arn}, nil
}

// listTrials reads, when given, the experiment's trials or the trial component's, never every
// trial: it costs what it lists. A name that matches nothing is ResourceNotFound (a guess,
// decision 12); an existing one without trials lists none.
func (e *Engine) listTrials(w *world, in *sagemaker.ListTrialsInput, _ opContext) (*sagemaker.ListTrialsOutput, *Error) {
	l := lineageList{kind: "trials", sortBy: in.SortBy, sortOrder: in.SortOrder, token: in.NextToken, maxResults: in.MaxResults}
	var x *experiment
	if in.ExperimentName != nil {
		var err *Error
		if x, err = w.findExperiment(*in.ExperimentName); err != nil {
			return nil, err
		}
	}
	var items []*trial
	switch {
	case in.TrialComponentName != nil:
		c, err := w.findTrialComponent(*in.TrialComponentName)
		if err != nil {
			return nil, err
		}
		items = c.trials()
		sortView(items, l.byName())
	case x != nil:
		items = usersOfKind[*trial](x)
		sortView(items, l.byName())
	default:
		items = w.trials.view(l.byName())
	}
	page, next, err := lineagePage(items, l, func(t *trial) bool {
		return (x == nil || t.experiment == x) && createdWithin(t.created, in.CreatedAfter, in.CreatedBefore)
	})
	if err != nil {
		return nil, err
	}
	out := &sagemaker.ListTrialsOutput{TrialSummaries: make([]sagemaker.TrialSummary, len(page)), NextToken: next}
	for i, t := range page {
		out.TrialSummaries[i] = sagemaker.TrialSummary{
			TrialArn:         &t.arn,
			TrialName:        &t.name,
			DisplayName:      displayName(t.displayName, &t.name),
			TrialSource:      t.source,
			CreationTime:     shape.T(t.created),
			LastModifiedTime: shape.T(t.modified),
		}
	}
	return out, nil
}

// usersOfKind returns the users of r that are of one kind, in the order they began to use it.
func usersOfKind[T resource](r used) []T {
	users := r.usage().users
	out := make([]T, 0, len(users))
	for _, u := range users {
		if t, ok := u.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

// sortView sorts resources as a listing's view is sorted: by creation, or by name.
func sortView[R resource](items []R, byName bool) {
	order := byCreation
	if byName {
		order = byNameOrder
	}
	slices.SortFunc(items, func(a, b R) int {
		pa, pb := posOf(a), posOf(b)
		switch {
		case order(pa, pb):
			return -1
		case order(pb, pa):
			return 1
		}
		return 0
	})
}

// components returns the trial's components, in the order they were associated.
func (t *trial) components() []*trialComponent {
	out := make([]*trialComponent, 0, len(t.users))
	for _, u := range t.users {
		out = append(out, u.(*trialMembership).component)
	}
	return out
}

// searchRecord is the trial as Search returns it: its description, with its tags and its
// components' summaries (always a list, empty when it has none).
func (t *trial) searchRecord() sagemaker.SearchRecord {
	summaries := make([]sagemaker.TrialComponentSimpleSummary, len(t.users))
	for i, u := range t.users {
		c := u.(*trialMembership).component
		summaries[i] = sagemaker.TrialComponentSimpleSummary{
			TrialComponentName:   &c.name,
			TrialComponentArn:    &c.arn,
			TrialComponentSource: c.source,
			CreationTime:         shape.T(c.created),
		}
	}
	return sagemaker.SearchRecord{Trial: &sagemaker.Trial{
		TrialName:               &t.name,
		TrialArn:                &t.arn,
		DisplayName:             displayName(t.displayName, &t.name),
		ExperimentName:          &t.experiment.name,
		Source:                  t.source,
		MetadataProperties:      t.metadata,
		CreationTime:            shape.T(t.created),
		LastModifiedTime:        shape.T(t.modified),
		Tags:                    t.tags.sageMaker(),
		TrialComponentSummaries: summaries,
	}}
}

// trialRecord is a trial as Search's expressions read it.
type trialRecord struct{ t *trial }

func (r trialRecord) Get(f search.Field, key string) search.Value {
	t := r.t
	switch f {
	case search.FieldName:
		return search.Text(t.name)
	case search.FieldArn:
		return search.Text(t.arn)
	case search.FieldDisplayName:
		return search.TextPtr(displayName(t.displayName, &t.name))
	case search.FieldExperimentName:
		return search.Text(t.experiment.name)
	case search.FieldCreationTime:
		return search.Time(t.created)
	case search.FieldLastModifiedTime:
		return search.Time(t.modified)
	case search.FieldTag:
		return t.tags.search(key)
	case search.FieldSourceArn, search.FieldSourceType:
		if t.source != nil {
			return sourceField(f, t.source.SourceArn, t.source.SourceType)
		}
	}
	return metadataField(t.metadata, f)
}

func (r trialRecord) Len(f search.Field) int {
	switch f {
	case search.FieldTags:
		return len(r.t.tags)
	case search.FieldTrialComponentSummaries:
		return len(r.t.users)
	}
	return 0
}

func (r trialRecord) Elem(list search.Field, i int, f search.Field) search.Value {
	if list != search.FieldTrialComponentSummaries {
		return search.Value{}
	}
	c := r.t.users[i].(*trialMembership).component
	switch f {
	case search.FieldSummaryName:
		return search.Text(c.name)
	case search.FieldSummaryArn:
		return search.Text(c.arn)
	case search.FieldSummaryCreationTime:
		return search.Time(c.created)
	case search.FieldSummarySourceArn:
		if c.source != nil {
			return search.TextPtr(c.source.SourceArn)
		}
	case search.FieldSummarySourceType:
		if c.source != nil {
			return search.TextPtr(c.source.SourceType)
		}
	}
	return search.Value{}
}

// metadataField reads MetadataProperties' members for Search.
func metadataField(m *sagemaker.MetadataProperties, f search.Field) search.Value {
	if m == nil {
		return search.Value{}
	}
	switch f {
	case search.FieldCommitID:
		return search.TextPtr(m.CommitId)
	case search.FieldGeneratedBy:
		return search.TextPtr(m.GeneratedBy)
	case search.FieldProjectID:
		return search.TextPtr(m.ProjectId)
	case search.FieldRepository:
		return search.TextPtr(m.Repository)
	}
	return search.Value{}
}

func (t *trial) state(w *world, _ time.Time) []ResourceState {
	st := t.baseState(w, "experiment-trial", SageMaker, "CreateTrial", &sagemaker.CreateTrialInput{
		TrialName: &t.name, ExperimentName: &t.experiment.name, DisplayName: t.displayName, MetadataProperties: t.metadata,
		Tags: t.tags.sageMakerOrNil(),
	})
	st.Modified = t.modified
	if t.source != nil {
		st.IDs = sourceIDs(t.source.SourceArn, t.source.SourceType)
	}
	return []ResourceState{st}
}
