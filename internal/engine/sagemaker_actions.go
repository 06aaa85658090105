package engine

import (
	"maps"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// action is one SageMaker ML lineage action.
//
// Copy-on-write: an action's pointers and maps are replaced, never written through, so
// inputs (already the door's own copies) can be kept and outputs can share them with the
// state; the doors copy again before anything reaches a caller.
type action struct {
	name, arn   string
	seq         uint64
	source      sagemaker.ActionSource
	actionType  string
	description *string
	status      *string
	properties  map[string]string
	metadata    *sagemaker.MetadataProperties
	created     time.Time
	modified    time.Time
	tags        tagList
	deleted     bool
}

func (a *action) isDeleted() bool { return a.deleted }

func (e *Engine) createAction(w *world, in *sagemaker.CreateActionInput, cx opContext) (*sagemaker.CreateActionOutput, *Error) {
	name := *in.ActionName
	// Names are unique per account and Region, compared exactly (case kept): a documented
	// guess, AWS does not say whether it folds case.
	if _, ok := w.actions[name]; ok {
		return nil, invalid(SageMaker, "Action %s already exists.", w.scope.arn(SageMaker, "action", name))
	}
	if q := e.cfg.ActionQuota; q > 0 && len(w.actions) >= q {
		return nil, limitExceeded(SageMaker, "The account-level service limit 'Total number of actions' is %d Actions, with current utilization of %d Actions.", q, len(w.actions))
	}
	tags := tagList(nil).merged(tagsIn(in.Tags))
	if len(tags) > e.cfg.TagQuota {
		return nil, tooManySageMakerTags(e.cfg.TagQuota)
	}
	a := &action{
		name:        name,
		arn:         w.scope.arn(SageMaker, "action", name),
		seq:         w.nextSeq(),
		source:      *in.Source,
		actionType:  *in.ActionType,
		description: in.Description,
		status:      in.Status,
		properties:  in.Properties,
		metadata:    in.MetadataProperties,
		created:     cx.now,
		modified:    cx.now,
		tags:        tags,
	}
	w.actions[name] = a
	w.actionByName.add(a)
	w.actionByTime.add(a)
	return &sagemaker.CreateActionOutput{ActionArn: &a.arn}, nil
}

func tooManySageMakerTags(q int) *Error {
	// A documented guess: SageMaker models no tagging error; a quota is ResourceLimitExceeded.
	return limitExceeded(SageMaker, "The number of tags on the resource would exceed the limit of %d.", q)
}

// findAction looks an action up by name or, where allowed, by ARN.
func (w *world) findAction(nameOrARN string) *action {
	name := nameOrARN
	if strings.HasPrefix(nameOrARN, "arn:") {
		p, ok := parseARN(nameOrARN)
		rest, isAction := strings.CutPrefix(p.resource, "action/")
		if !ok || !isAction || !p.in(w.scope, SageMaker) {
			return nil
		}
		name = rest
	}
	return w.actions[name]
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
	}, nil
}

func (e *Engine) updateAction(w *world, in *sagemaker.UpdateActionInput, cx opContext) (*sagemaker.UpdateActionOutput, *Error) {
	a := w.actions[*in.ActionName]
	if a == nil {
		return nil, actionNotFound(w, *in.ActionName)
	}
	if in.Description != nil {
		a.description = in.Description
	}
	if in.Status != nil {
		a.status = in.Status
	}
	// AWS: "The new list of properties. Overwrites the current property list."
	if in.Properties != nil {
		a.properties = in.Properties
	}
	if len(in.PropertiesToRemove) > 0 && a.properties != nil {
		props := maps.Clone(a.properties)
		for _, k := range in.PropertiesToRemove {
			delete(props, k)
		}
		a.properties = props
	}
	a.modified = cx.now
	return &sagemaker.UpdateActionOutput{ActionArn: &a.arn}, nil
}

func (e *Engine) deleteAction(w *world, in *sagemaker.DeleteActionInput, _ opContext) (*sagemaker.DeleteActionOutput, *Error) {
	a := w.actions[*in.ActionName]
	if a == nil {
		return nil, actionNotFound(w, *in.ActionName)
	}
	delete(w.actions, a.name)
	a.deleted = true
	w.actionByName.removed()
	w.actionByTime.removed()
	return &sagemaker.DeleteActionOutput{ActionArn: &a.arn}, nil
}

func (e *Engine) listActions(w *world, in *sagemaker.ListActionsInput, _ opContext) (*sagemaker.ListActionsOutput, *Error) {
	byName := in.SortBy != nil && *in.SortBy == "Name"
	asc := in.SortOrder != nil && *in.SortOrder == "Ascending"
	limit := 10
	if in.MaxResults != nil {
		limit = int(*in.MaxResults)
	}
	index, sortKey := w.actionByTime, "CreationTime"
	if byName {
		index, sortKey = w.actionByName, "Name"
	}
	items := index.view()

	// Where to start: just past the token's position in this order.
	i, step := 0, 1
	if !asc {
		i, step = len(items)-1, -1
	}
	if in.NextToken != nil && *in.NextToken != "" {
		parts, ok := openToken(*in.NextToken, 4)
		if !ok || parts[0] != "actions" || parts[1] != sortKey {
			return nil, invalid(SageMaker, "Invalid pagination token: %s", *in.NextToken)
		}
		probe, ok := actionProbe(parts[2], parts[3])
		if !ok {
			return nil, invalid(SageMaker, "Invalid pagination token: %s", *in.NextToken)
		}
		if asc {
			i = seek(items, func(a *action) bool { return index.less(probe, a) })
		} else {
			i = seek(items, func(a *action) bool { return !index.less(a, probe) }) - 1
		}
	}

	out := &sagemaker.ListActionsOutput{ActionSummaries: []sagemaker.ActionSummary{}}
	var last *action
	for ; i >= 0 && i < len(items); i += step {
		a := items[i]
		if !actionMatches(a, in) {
			continue
		}
		if len(out.ActionSummaries) == limit {
			tok := sealToken("actions", sortKey, last.name, strconv.FormatInt(last.created.UnixNano(), 10)+"/"+strconv.FormatUint(last.seq, 10))
			out.NextToken = &tok
			break
		}
		out.ActionSummaries = append(out.ActionSummaries, actionSummary(a))
		last = a
	}
	return out, nil
}

// actionProbe rebuilds the position a token names, as an action that sorts there.
func actionProbe(name, timeSeq string) (*action, bool) {
	ts, seqStr, ok := strings.Cut(timeSeq, "/")
	nanos, err1 := strconv.ParseInt(ts, 10, 64)
	seq, err2 := strconv.ParseUint(seqStr, 10, 64)
	if !ok || err1 != nil || err2 != nil {
		return nil, false
	}
	return &action{name: name, created: time.Unix(0, nanos).UTC(), seq: seq}, true
}

func actionMatches(a *action, in *sagemaker.ListActionsInput) bool {
	switch {
	case in.SourceUri != nil && *in.SourceUri != *a.source.SourceUri,
		in.ActionType != nil && *in.ActionType != a.actionType,
		in.CreatedAfter != nil && a.created.Before(in.CreatedAfter.Time),
		in.CreatedBefore != nil && a.created.After(in.CreatedBefore.Time):
		return false
	}
	return true
}

func actionSummary(a *action) sagemaker.ActionSummary {
	return sagemaker.ActionSummary{
		ActionArn:        &a.arn,
		ActionName:       &a.name,
		Source:           &a.source,
		ActionType:       &a.actionType,
		Status:           a.status,
		CreationTime:     shape.T(a.created),
		LastModifiedTime: shape.T(a.modified),
	}
}
