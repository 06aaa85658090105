package engine

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/search"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// trialComponent is one SageMaker trial component: a stage of a run (its parameters, input and
// output artifacts, status and times), in any number of trials (trial_membership.go, its
// users), and a lineage entity: associations may end at it and QueryLineage returns it with
// LineageType TrialComponent. Names are unique per account and Region ignoring case. A
// component SageMaker made for a job has a Source (only seeds give one); its vertex Type is
// the job's type.
//
// Copy-on-write, as for actions: pointers and maps are replaced, never written through.
type trialComponent struct {
	entity
	displayName *string
	source      *sagemaker.TrialComponentSource
	status      *sagemaker.TrialComponentStatus
	start, end  *shape.Time
	parameters  map[string]sagemaker.TrialComponentParameterValue
	inputs      map[string]sagemaker.TrialComponentArtifact
	outputs     map[string]sagemaker.TrialComponentArtifact
	metadata    *sagemaker.MetadataProperties
	modifiedAt
	usedBy // its memberships, in the order it joined its trials
}

// trialComponentIndex is what the world keeps of trial components besides their table.
type trialComponentIndex struct {
	// componentsBySource are the components SageMaker made, by their Source's SourceArn (a
	// job's ARN), in creation order: ListTrialComponents and Search by source read it.
	componentsBySource map[string][]*trialComponent
	// sourceJobs are the jobs those components came from, by ARN: the fake holds no jobs, only
	// their tags, so that ListTags on a component's SourceArn answers as AWS's Python SDK
	// expects (LineageTrialComponent.pipeline_execution_arn reads a pipeline's tag there).
	sourceJobs map[string]*entity
}

func (e *Engine) createTrialComponent(w *world, in *sagemaker.CreateTrialComponentInput, cx opContext) (*sagemaker.CreateTrialComponentOutput, *Error) {
	name := *in.TrialComponentName
	if err := checkParameters(in.Parameters); err != nil {
		return nil, err
	}
	if _, ok := w.trialComponents.get(name); ok {
		return nil, alreadyNamed("TrialComponent", name)
	}
	if err := w.trialComponents.overQuota(&e.cfg); err != nil {
		return nil, err
	}
	tags, err := e.newTags(SageMaker, tagsFromSageMaker(in.Tags))
	if err != nil {
		return nil, err
	}
	c := &trialComponent{
		entity:      entity{arn: w.scope.arn(SageMaker, "experiment-trial-component", name), name: name, tags: tags},
		displayName: in.DisplayName,
		status:      in.Status,
		start:       in.StartTime,
		end:         in.EndTime,
		parameters:  in.Parameters,
		inputs:      in.InputArtifacts,
		outputs:     in.OutputArtifacts,
		metadata:    in.MetadataProperties,
		modifiedAt:  modifiedAt{cx.now},
	}
	if arn, typ, ok := cx.seededSource(); ok {
		c.source = &sagemaker.TrialComponentSource{SourceArn: arn, SourceType: typ}
	}
	w.joinLineageGroup(cx.now)
	w.trialComponents.insert(c, cx.now)
	w.indexTrialComponent(c, cx)
	return &sagemaker.CreateTrialComponentOutput{TrialComponentArn: &c.arn}, nil
}

// checkParameters refuses a parameter with both a StringValue and a NumberValue ("If you
// specify a value for this parameter, you can't specify the NumberValue parameter."): the SDKs
// cannot send one, the wire can. The message is a guess.
func checkParameters(ps map[string]sagemaker.TrialComponentParameterValue) *Error {
	for k, p := range ps {
		if p.StringValue != nil && p.NumberValue != nil {
			return invalid(SageMaker, "The parameter %s has both a StringValue and a NumberValue: give one.", k)
		}
	}
	return nil
}

// indexTrialComponent indexes a component SageMaker made by its source, and keeps the job's
// tags a seed gives (IDs "sourceTag:<key>"; a later component of the same job adds none).
func (w *world) indexTrialComponent(c *trialComponent, cx opContext) {
	if c.source == nil {
		return
	}
	if w.componentsBySource == nil {
		w.componentsBySource, w.sourceJobs = map[string][]*trialComponent{}, map[string]*entity{}
	}
	arn := *c.source.SourceArn
	w.componentsBySource[arn] = append(w.componentsBySource[arn], c)
	if w.sourceJobs[arn] == nil {
		job := &entity{arn: arn}
		for _, k := range slices.Sorted(maps.Keys(cx.seed.IDs)) {
			if key, ok := strings.CutPrefix(k, idSourceTag); ok {
				job.tags = append(job.tags, tag{key: key, value: cx.seed.IDs[k]})
			}
		}
		w.sourceJobs[arn] = job
	}
}

// purged takes a purged component out of the index by source.
func (c *trialComponent) purged(w *world) {
	if c.source == nil {
		return
	}
	arn := *c.source.SourceArn
	rest := slices.DeleteFunc(w.componentsBySource[arn], func(x *trialComponent) bool { return x == c })
	if len(rest) == 0 {
		delete(w.componentsBySource, arn)
		delete(w.sourceJobs, arn)
		return
	}
	w.componentsBySource[arn] = rest
}

// findTrialComponent looks a component up by name, ignoring case.
func (w *world) findTrialComponent(name string) (*trialComponent, *Error) {
	if c, ok := w.trialComponents.get(name); ok {
		return c, nil
	}
	return nil, notFoundNamed("TrialComponent", w.scope.arn(SageMaker, "experiment-trial-component", name))
}

// findTrialComponentByNameOrARN is DescribeTrialComponent's lookup: a name, or the ARN of a
// component of this account and Region (AWS's Python SDK describes a QueryLineage vertex by its
// ARN's last part, which the lookup ignoring case also serves).
func (w *world) findTrialComponentByNameOrARN(nameOrARN string, now time.Time) (*trialComponent, *Error) {
	if !strings.HasPrefix(nameOrARN, "arn:") {
		return w.findTrialComponent(nameOrARN)
	}
	if c, ok := w.trialComponents.resolve(nameOrARN, now); ok {
		return c, nil
	}
	return nil, notFoundNamed("TrialComponent", nameOrARN)
}

func (e *Engine) describeTrialComponent(w *world, in *sagemaker.DescribeTrialComponentInput, cx opContext) (*sagemaker.DescribeTrialComponentOutput, *Error) {
	c, err := w.findTrialComponentByNameOrARN(*in.TrialComponentName, cx.now)
	if err != nil {
		return nil, err
	}
	return &sagemaker.DescribeTrialComponentOutput{
		TrialComponentName: &c.name,
		TrialComponentArn:  &c.arn,
		DisplayName:        displayName(c.displayName, &c.name),
		Source:             c.source,
		Status:             c.status,
		StartTime:          c.start,
		EndTime:            c.end,
		CreationTime:       shape.T(c.created),
		LastModifiedTime:   shape.T(c.modified),
		Parameters:         c.parameters,
		InputArtifacts:     c.inputs,
		OutputArtifacts:    c.outputs,
		MetadataProperties: c.metadata,
		LineageGroupArn:    &w.lineageGroupARN,
	}, nil
}

// updateTrialComponent sets what it is given and keeps the rest. The maps are merged, not
// replaced ("Existing hyperparameters are replaced if the trial component is updated with an
// identical hyperparameter key"), then the *ToRemove keys are deleted, as AWS's integration
// tests show; removing a key that is not there is no error (a guess).
func (e *Engine) updateTrialComponent(w *world, in *sagemaker.UpdateTrialComponentInput, cx opContext) (*sagemaker.UpdateTrialComponentOutput, *Error) {
	if err := checkParameters(in.Parameters); err != nil {
		return nil, err
	}
	c, err := w.findTrialComponent(*in.TrialComponentName)
	if err != nil {
		return nil, err
	}
	if in.DisplayName != nil {
		c.displayName = in.DisplayName
	}
	if in.Status != nil {
		c.status = in.Status
	}
	if in.StartTime != nil {
		c.start = in.StartTime
	}
	if in.EndTime != nil {
		c.end = in.EndTime
	}
	c.parameters = mergedMap(c.parameters, in.Parameters, in.ParametersToRemove)
	c.inputs = mergedMap(c.inputs, in.InputArtifacts, in.InputArtifactsToRemove)
	c.outputs = mergedMap(c.outputs, in.OutputArtifacts, in.OutputArtifactsToRemove)
	c.modified = cx.now
	return &sagemaker.UpdateTrialComponentOutput{TrialComponentArn: &c.arn}, nil
}

// mergedMap returns cur with set's entries put in and remove's keys taken out, without
// changing cur; nil when nothing is left.
func mergedMap[V any](cur, set map[string]V, remove []string) map[string]V {
	if len(set) == 0 && len(remove) == 0 {
		return cur
	}
	out := maps.Clone(cur)
	if out == nil {
		out = make(map[string]V, len(set))
	}
	maps.Copy(out, set)
	for _, k := range remove {
		delete(out, k)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// deleteTrialComponent refuses while the component is in a trial, in AWS's words, and while it
// has lineage associations unless deletes cascade (as for every lineage entity).
func (e *Engine) deleteTrialComponent(w *world, in *sagemaker.DeleteTrialComponentInput, _ opContext) (*sagemaker.DeleteTrialComponentOutput, *Error) {
	c, err := w.findTrialComponent(*in.TrialComponentName)
	if err != nil {
		return nil, err
	}
	if len(c.users) > 0 {
		return nil, invalid(SageMaker, "TrialComponent '%s' is linked to 1 or more trials and cannot be deleted.", c.arn)
	}
	if err := e.detach(w, c.arn); err != nil {
		return nil, err
	}
	w.trialComponents.remove(c)
	return &sagemaker.DeleteTrialComponentOutput{TrialComponentArn: &c.arn}, nil
}

// listTrialComponents takes at most one of ExperimentName, TrialName and SourceArn ("If you
// specify ExperimentName, you can't filter by SourceArn or TrialName"; giving two is
// ValidationException, a guess) and reads only what it names: the experiment's trials'
// components, the trial's, or the source's.
func (e *Engine) listTrialComponents(w *world, in *sagemaker.ListTrialComponentsInput, _ opContext) (*sagemaker.ListTrialComponentsOutput, *Error) {
	l := lineageList{kind: "trial-components", sortBy: in.SortBy, sortOrder: in.SortOrder, token: in.NextToken, maxResults: in.MaxResults}
	given := 0
	for _, p := range []*string{in.ExperimentName, in.TrialName, in.SourceArn} {
		if p != nil {
			given++
		}
	}
	if given > 1 {
		return nil, invalid(SageMaker, "You can filter by only one of ExperimentName, TrialName and SourceArn.")
	}
	var items []*trialComponent
	switch {
	case in.ExperimentName != nil:
		x, err := w.findExperiment(*in.ExperimentName)
		if err != nil {
			return nil, err
		}
		items = x.components()
		sortView(items, l.byName())
	case in.TrialName != nil:
		t, err := w.findTrial(*in.TrialName)
		if err != nil {
			return nil, err
		}
		items = t.components()
		sortView(items, l.byName())
	case in.SourceArn != nil:
		items = slices.Clone(w.componentsBySource[*in.SourceArn])
		sortView(items, l.byName())
	default:
		items = w.trialComponents.view(l.byName())
	}
	page, next, err := lineagePage(items, l, func(c *trialComponent) bool { return createdWithin(c.created, in.CreatedAfter, in.CreatedBefore) })
	if err != nil {
		return nil, err
	}
	out := &sagemaker.ListTrialComponentsOutput{TrialComponentSummaries: make([]sagemaker.TrialComponentSummary, len(page)), NextToken: next}
	for i, c := range page {
		out.TrialComponentSummaries[i] = sagemaker.TrialComponentSummary{
			TrialComponentName:   &c.name,
			TrialComponentArn:    &c.arn,
			DisplayName:          displayName(c.displayName, &c.name),
			TrialComponentSource: c.source,
			Status:               c.status,
			StartTime:            c.start,
			EndTime:              c.end,
			CreationTime:         shape.T(c.created),
			LastModifiedTime:     shape.T(c.modified),
		}
	}
	return out, nil
}

// components returns the components in any of the experiment's trials, each once.
func (x *experiment) components() []*trialComponent {
	var out []*trialComponent
	seen := map[*trialComponent]bool{}
	for _, u := range x.users {
		for _, c := range u.(*trial).components() {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// trials returns the trials the component is in, in the order it joined them.
func (c *trialComponent) trials() []*trial {
	out := make([]*trial, 0, len(c.users))
	for _, u := range c.users {
		out = append(out, u.(*trialMembership).trial)
	}
	return out
}

// lineage gives a job's component the job's type: TrainingJob in QueryLineage for the Source
// type SageMakerTrainingJob, which ListAssociations gives (facts §6.1, [M]). A component no job
// made has no type (a guess).
func (c *trialComponent) lineage() vertexInfo {
	info := vertexInfo{name: &c.name, modified: c.modified, untyped: true}
	if c.source != nil && c.source.SourceType != nil {
		info.untyped = false
		info.endType = *c.source.SourceType
		info.typ = strings.TrimPrefix(info.endType, "SageMaker")
	}
	return info
}

// searchRecord is the component as Search returns it: its description, with its tags and its
// parents (always a list: AWS's Python SDK iterates it).
func (c *trialComponent) searchRecord(w *world) sagemaker.SearchRecord {
	parents := make([]sagemaker.Parent, len(c.users))
	for i, u := range c.users {
		t := u.(*trialMembership).trial
		parents[i] = sagemaker.Parent{TrialName: &t.name, ExperimentName: &t.experiment.name}
	}
	var detail *sagemaker.TrialComponentSourceDetail
	if c.source != nil {
		detail = &sagemaker.TrialComponentSourceDetail{SourceArn: c.source.SourceArn}
	}
	return sagemaker.SearchRecord{TrialComponent: &sagemaker.TrialComponent{
		TrialComponentName: &c.name,
		TrialComponentArn:  &c.arn,
		DisplayName:        displayName(c.displayName, &c.name),
		Source:             c.source,
		SourceDetail:       detail,
		Status:             c.status,
		StartTime:          c.start,
		EndTime:            c.end,
		CreationTime:       shape.T(c.created),
		LastModifiedTime:   shape.T(c.modified),
		Parameters:         c.parameters,
		InputArtifacts:     c.inputs,
		OutputArtifacts:    c.outputs,
		MetadataProperties: c.metadata,
		LineageGroupArn:    &w.lineageGroupARN,
		Tags:               c.tags.sageMaker(),
		Parents:            parents,
	}}
}

// trialComponentRecord is a trial component as Search's expressions read it.
type trialComponentRecord struct {
	c *trialComponent
	w *world
}

func (r trialComponentRecord) Get(f search.Field, key string) search.Value {
	c := r.c
	switch f {
	case search.FieldName:
		return search.Text(c.name)
	case search.FieldArn:
		return search.Text(c.arn)
	case search.FieldDisplayName:
		return search.TextPtr(displayName(c.displayName, &c.name))
	case search.FieldSourceArn, search.FieldSourceType:
		if c.source != nil {
			return sourceField(f, c.source.SourceArn, c.source.SourceType)
		}
	case search.FieldPrimaryStatus:
		if c.status != nil {
			return search.TextPtr(c.status.PrimaryStatus)
		}
	case search.FieldStatusMessage:
		if c.status != nil {
			return search.TextPtr(c.status.Message)
		}
	case search.FieldStartTime:
		return timeValue(c.start)
	case search.FieldEndTime:
		return timeValue(c.end)
	case search.FieldCreationTime:
		return search.Time(c.created)
	case search.FieldLastModifiedTime:
		return search.Time(c.modified)
	case search.FieldLineageGroupArn:
		return search.Text(r.w.lineageGroupARN)
	case search.FieldTag:
		return c.tags.search(key)
	case search.FieldParameter:
		if p, ok := c.parameters[key]; ok {
			if p.NumberValue != nil {
				return search.Number(*p.NumberValue)
			}
			return search.Text(deref(p.StringValue))
		}
	case search.FieldInputArtifactValue, search.FieldInputArtifactMediaType:
		return artifactField(c.inputs, key, f == search.FieldInputArtifactValue)
	case search.FieldOutputArtifactValue, search.FieldOutputArtifactMediaType:
		return artifactField(c.outputs, key, f == search.FieldOutputArtifactValue)
	}
	return metadataField(c.metadata, f)
}

func (r trialComponentRecord) Len(f search.Field) int {
	switch f {
	case search.FieldTags:
		return len(r.c.tags)
	case search.FieldParameters:
		return len(r.c.parameters)
	case search.FieldInputArtifacts:
		return len(r.c.inputs)
	case search.FieldOutputArtifacts:
		return len(r.c.outputs)
	case search.FieldParents:
		return len(r.c.users)
	}
	return 0 // no metrics: the fake has no writer of them (facts decision 16)
}

func (r trialComponentRecord) Elem(list search.Field, i int, f search.Field) search.Value {
	if list != search.FieldParents {
		return search.Value{}
	}
	t := r.c.users[i].(*trialMembership).trial
	switch f {
	case search.FieldParentTrialName:
		return search.Text(t.name)
	case search.FieldParentExperimentName:
		return search.Text(t.experiment.name)
	}
	return search.Value{}
}

// Keys lists tag keys and parameter names, for GetSearchSuggestions.
func (r trialComponentRecord) Keys(f search.Field) []string {
	switch f {
	case search.FieldTags:
		return r.c.tags.searchKeys()
	case search.FieldParameters:
		return slices.Collect(maps.Keys(r.c.parameters))
	}
	return nil
}

func artifactField(m map[string]sagemaker.TrialComponentArtifact, key string, value bool) search.Value {
	a, ok := m[key]
	switch {
	case !ok:
		return search.Value{}
	case value:
		return search.TextPtr(a.Value)
	}
	return search.TextPtr(a.MediaType)
}

func timeValue(t *shape.Time) search.Value {
	if t == nil {
		return search.Value{}
	}
	return search.Time(t.Time)
}

func (c *trialComponent) state(w *world, _ time.Time) []ResourceState {
	st := c.baseState(w, "experiment-trial-component", SageMaker, "CreateTrialComponent", &sagemaker.CreateTrialComponentInput{
		TrialComponentName: &c.name, DisplayName: c.displayName, Status: c.status, StartTime: c.start, EndTime: c.end,
		Parameters: c.parameters, InputArtifacts: c.inputs, OutputArtifacts: c.outputs, MetadataProperties: c.metadata,
		Tags: c.tags.sageMakerOrNil(),
	})
	st.Modified = c.modified
	if c.source != nil {
		st.IDs = sourceIDs(c.source.SourceArn, c.source.SourceType)
		if job := w.sourceJobs[*c.source.SourceArn]; job != nil {
			for _, t := range job.tags {
				st.IDs[idSourceTag+t.key] = t.value
			}
		}
		info := c.lineage()
		st.Type = info.typ
	}
	return []ResourceState{st}
}
