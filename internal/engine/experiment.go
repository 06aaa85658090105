package engine

import (
	"time"

	"github.com/awsfake/awsfake/internal/search"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// experiment is one SageMaker experiment: a named group of trials. Its name is unique per
// account and Region ignoring case (kinds.txt: fold-case); its trials are its users.
//
// Copy-on-write, as for actions: pointers are replaced, never written through.
type experiment struct {
	entity
	displayName *string
	description *string
	source      *sagemaker.ExperimentSource // only a seed sets one: SageMaker made the experiment
	modifiedAt
	usedBy // its trials, in creation order
}

func (e *Engine) createExperiment(w *world, in *sagemaker.CreateExperimentInput, cx opContext) (*sagemaker.CreateExperimentOutput, *Error) {
	name := *in.ExperimentName
	if _, ok := w.experiments.get(name); ok {
		return nil, alreadyNamed("Experiment", name)
	}
	if err := w.experiments.overQuota(&e.cfg); err != nil {
		return nil, err
	}
	tags, err := e.newTags(SageMaker, tagsFromSageMaker(in.Tags))
	if err != nil {
		return nil, err
	}
	x := &experiment{
		entity:      entity{arn: w.scope.arn(SageMaker, "experiment", name), name: name, tags: tags},
		displayName: in.DisplayName,
		description: in.Description,
		modifiedAt:  modifiedAt{cx.now},
	}
	if arn, typ, ok := cx.seededSource(); ok {
		x.source = &sagemaker.ExperimentSource{SourceArn: arn, SourceType: typ}
	}
	w.experiments.insert(x, cx.now)
	return &sagemaker.CreateExperimentOutput{ExperimentArn: &x.arn}, nil
}

// findExperiment looks an experiment up by name, ignoring case.
func (w *world) findExperiment(name string) (*experiment, *Error) {
	if x, ok := w.experiments.get(name); ok {
		return x, nil
	}
	return nil, notFoundNamed("Experiment", w.scope.arn(SageMaker, "experiment", name))
}

func (e *Engine) describeExperiment(w *world, in *sagemaker.DescribeExperimentInput, _ opContext) (*sagemaker.DescribeExperimentOutput, *Error) {
	x, err := w.findExperiment(*in.ExperimentName)
	if err != nil {
		return nil, err
	}
	return &sagemaker.DescribeExperimentOutput{
		ExperimentName:   &x.name,
		ExperimentArn:    &x.arn,
		DisplayName:      displayName(x.displayName, &x.name),
		Source:           x.source,
		Description:      x.description,
		CreationTime:     shape.T(x.created),
		LastModifiedTime: shape.T(x.modified),
	}, nil
}

func (e *Engine) updateExperiment(w *world, in *sagemaker.UpdateExperimentInput, cx opContext) (*sagemaker.UpdateExperimentOutput, *Error) {
	x, err := w.findExperiment(*in.ExperimentName)
	if err != nil {
		return nil, err
	}
	if in.DisplayName != nil {
		x.displayName = in.DisplayName
	}
	if in.Description != nil {
		x.description = in.Description
	}
	x.modified = cx.now
	return &sagemaker.UpdateExperimentOutput{ExperimentArn: &x.arn}, nil
}

// deleteExperiment refuses while the experiment has trials: "All trials associated with the
// experiment must be deleted first." (the message is a guess, worded as AWS's for a trial
// component still in a trial).
func (e *Engine) deleteExperiment(w *world, in *sagemaker.DeleteExperimentInput, _ opContext) (*sagemaker.DeleteExperimentOutput, *Error) {
	x, err := w.findExperiment(*in.ExperimentName)
	if err != nil {
		return nil, err
	}
	if len(x.users) > 0 {
		return nil, invalid(SageMaker, "Experiment '%s' has 1 or more trials and cannot be deleted.", x.arn)
	}
	w.experiments.remove(x)
	return &sagemaker.DeleteExperimentOutput{ExperimentArn: &x.arn}, nil
}

func (e *Engine) listExperiments(w *world, in *sagemaker.ListExperimentsInput, _ opContext) (*sagemaker.ListExperimentsOutput, *Error) {
	page, next, err := lineageTable(w.experiments, lineageList{kind: "experiments", sortBy: in.SortBy, sortOrder: in.SortOrder,
		token: in.NextToken, maxResults: in.MaxResults}, func(x *experiment) bool {
		return createdWithin(x.created, in.CreatedAfter, in.CreatedBefore)
	})
	if err != nil {
		return nil, err
	}
	out := &sagemaker.ListExperimentsOutput{ExperimentSummaries: make([]sagemaker.ExperimentSummary, len(page)), NextToken: next}
	for i, x := range page {
		out.ExperimentSummaries[i] = sagemaker.ExperimentSummary{
			ExperimentArn:    &x.arn,
			ExperimentName:   &x.name,
			DisplayName:      displayName(x.displayName, &x.name),
			ExperimentSource: x.source,
			CreationTime:     shape.T(x.created),
			LastModifiedTime: shape.T(x.modified),
		}
	}
	return out, nil
}

// searchRecord is the experiment as Search returns it: its description, with its tags.
func (x *experiment) searchRecord() sagemaker.SearchRecord {
	return sagemaker.SearchRecord{Experiment: &sagemaker.Experiment{
		ExperimentName:   &x.name,
		ExperimentArn:    &x.arn,
		DisplayName:      displayName(x.displayName, &x.name),
		Source:           x.source,
		Description:      x.description,
		CreationTime:     shape.T(x.created),
		LastModifiedTime: shape.T(x.modified),
		Tags:             x.tags.sageMaker(),
	}}
}

// experimentRecord is an experiment as Search's expressions read it.
type experimentRecord struct{ x *experiment }

func (r experimentRecord) Get(f search.Field, key string) search.Value {
	x := r.x
	switch f {
	case search.FieldName:
		return search.Text(x.name)
	case search.FieldArn:
		return search.Text(x.arn)
	case search.FieldDisplayName:
		return search.TextPtr(displayName(x.displayName, &x.name))
	case search.FieldDescription:
		return search.TextPtr(x.description)
	case search.FieldCreationTime:
		return search.Time(x.created)
	case search.FieldLastModifiedTime:
		return search.Time(x.modified)
	case search.FieldTag:
		return x.tags.search(key)
	}
	if x.source != nil {
		return sourceField(f, x.source.SourceArn, x.source.SourceType)
	}
	return search.Value{}
}

func (r experimentRecord) Len(f search.Field) int {
	if f == search.FieldTags {
		return len(r.x.tags)
	}
	return 0
}

func (r experimentRecord) Elem(search.Field, int, search.Field) search.Value { return search.Value{} }

func (x *experiment) state(w *world, _ time.Time) []ResourceState {
	st := x.baseState(w, "experiment", SageMaker, "CreateExperiment", &sagemaker.CreateExperimentInput{
		ExperimentName: &x.name, DisplayName: x.displayName, Description: x.description, Tags: x.tags.sageMakerOrNil(),
	})
	st.Modified = x.modified
	if x.source != nil {
		st.IDs = sourceIDs(x.source.SourceArn, x.source.SourceType)
	}
	return []ResourceState{st}
}
