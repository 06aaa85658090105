package engine

import (
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// action is one SageMaker ML lineage action.
//
// Copy-on-write: an action's pointers and maps are replaced, never written through, so inputs
// (already the door's own copies) can be kept and outputs can share them with the state; the
// doors copy again before anything reaches a caller.
type action struct {
	entity
	source      sagemaker.ActionSource
	actionType  string
	description *string
	status      *string
	properties  map[string]string
	metadata    *sagemaker.MetadataProperties
	modifiedAt
}

func (e *Engine) createAction(w *world, in *sagemaker.CreateActionInput, cx opContext) (*sagemaker.CreateActionOutput, *Error) {
	name := *in.ActionName
	// Names are unique per account and Region, compared exactly (case kept): a documented
	// guess, AWS does not say whether it folds case.
	if _, ok := w.actions.items[name]; ok {
		return nil, invalid(SageMaker, "Action %s already exists.", w.scope.arn(SageMaker, "action", name))
	}
	if err := w.actions.overQuota(&e.cfg); err != nil {
		return nil, err
	}
	tags, err := e.newTags(SageMaker, tagsFromSageMaker(in.Tags))
	if err != nil {
		return nil, err
	}
	a := &action{
		entity:      entity{arn: w.scope.arn(SageMaker, "action", name), name: name, tags: tags},
		source:      *in.Source,
		actionType:  *in.ActionType,
		description: in.Description,
		status:      in.Status,
		properties:  in.Properties,
		metadata:    in.MetadataProperties,
		modifiedAt:  modifiedAt{cx.now},
	}
	w.joinLineageGroup(cx.now)
	w.actions.insert(a, cx.now)
	return &sagemaker.CreateActionOutput{ActionArn: &a.arn}, nil
}

// findAction looks an action up by name or by ARN.
func (w *world) findAction(nameOrARN string) *action {
	if strings.HasPrefix(nameOrARN, "arn:") {
		a, _ := w.actions.resolve(nameOrARN, time.Time{})
		return a
	}
	return w.actions.items[nameOrARN]
}

func actionNotFound(w *world, nameOrARN string) *Error {
	arn := nameOrARN
	if !strings.HasPrefix(arn, "arn:") {
		arn = w.scope.arn(SageMaker, "action", nameOrARN)
	}
	return notFound(SageMaker, "Action %s does not exist.", arn)
}

func (e *Engine) describeAction(w *world, in *sagemaker.DescribeActionInput, _ opContext) (*sagemaker.DescribeActionOutput, *Error) {
	a := w.findAction(*in.ActionName)
	if a == nil {
		return nil, actionNotFound(w, *in.ActionName)
	}
	return &sagemaker.DescribeActionOutput{
		ActionName:         &a.name,
		ActionArn:          &a.arn,
		Source:             &a.source,
		ActionType:         &a.actionType,
		Description:        a.description,
		Status:             a.status,
		Properties:         a.properties,
		MetadataProperties: a.metadata,
		CreationTime:       shape.T(a.created),
		LastModifiedTime:   shape.T(a.modified),
		LineageGroupArn:    &w.lineageGroupARN,
	}, nil
}

func (e *Engine) updateAction(w *world, in *sagemaker.UpdateActionInput, cx opContext) (*sagemaker.UpdateActionOutput, *Error) {
	a := w.actions.items[*in.ActionName]
	if a == nil {
		return nil, actionNotFound(w, *in.ActionName)
	}
	if in.Description != nil {
		a.description = in.Description
	}
	if in.Status != nil {
		a.status = in.Status
	}
	a.properties = updatedProperties(a.properties, in.Properties, in.PropertiesToRemove)
	a.modified = cx.now
	return &sagemaker.UpdateActionOutput{ActionArn: &a.arn}, nil
}

func (e *Engine) deleteAction(w *world, in *sagemaker.DeleteActionInput, _ opContext) (*sagemaker.DeleteActionOutput, *Error) {
	a := w.actions.items[*in.ActionName]
	if a == nil {
		return nil, actionNotFound(w, *in.ActionName)
	}
	if err := e.detach(w, a.arn); err != nil {
		return nil, err
	}
	w.actions.remove(a)
	return &sagemaker.DeleteActionOutput{ActionArn: &a.arn}, nil
}

func (e *Engine) listActions(w *world, in *sagemaker.ListActionsInput, _ opContext) (*sagemaker.ListActionsOutput, *Error) {
	page, next, err := lineageTable(w.actions, lineageList{kind: "actions", sortBy: in.SortBy, sortOrder: in.SortOrder,
		token: in.NextToken, maxResults: in.MaxResults}, func(a *action) bool { return actionMatches(a, in) })
	if err != nil {
		return nil, err
	}
	out := &sagemaker.ListActionsOutput{ActionSummaries: make([]sagemaker.ActionSummary, len(page)), NextToken: next}
	for i, a := range page {
		out.ActionSummaries[i] = sagemaker.ActionSummary{
			ActionArn:        &a.arn,
			ActionName:       &a.name,
			Source:           &a.source,
			ActionType:       &a.actionType,
			Status:           a.status,
			CreationTime:     shape.T(a.created),
			LastModifiedTime: shape.T(a.modified),
		}
	}
	return out, nil
}

func actionMatches(a *action, in *sagemaker.ListActionsInput) bool {
	switch {
	case in.SourceUri != nil && *in.SourceUri != *a.source.SourceUri,
		in.ActionType != nil && *in.ActionType != a.actionType,
		!createdWithin(a.created, in.CreatedAfter, in.CreatedBefore):
		return false
	}
	return true
}

func (a *action) lineage() vertexInfo {
	return vertexInfo{typ: a.actionType, name: &a.name, modified: a.modified, properties: a.properties}
}

func (a *action) state(w *world, _ time.Time) []ResourceState {
	st := a.baseState(w, "action", SageMaker, "CreateAction", &sagemaker.CreateActionInput{
		ActionName: &a.name, Source: &a.source, ActionType: &a.actionType, Description: a.description, Status: a.status,
		Properties: a.properties, MetadataProperties: a.metadata, Tags: a.tags.sageMakerOrNil(),
	})
	st.Type, st.Modified = a.actionType, a.modified
	return []ResourceState{st}
}
