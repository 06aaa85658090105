package engine

import (
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// datasetGroup is one Personalize dataset group, with the events PutEvents recorded for it.
type datasetGroup struct {
	entity
	lifecycle
	usedBy    // its event tracker and datasets
	roleArn   *string
	kmsKeyArn *string
	domain    *string
	events    chunkLog[RecordedEvent]
	byUser    userEventIndex `digest:"-"` // where each user's events are in events (runtime.go)
	deletions int            // data deletion jobs not yet applied (data_deletion_job.go)
}

// purged lets go of a gone group's events.
func (g *datasetGroup) purged(*world) {
	g.events, g.byUser = chunkLog[RecordedEvent]{}, userEventIndex{}
}

func (e *Engine) createDatasetGroup(w *world, in *personalize.CreateDatasetGroupInput, cx opContext) (*personalize.CreateDatasetGroupOutput, *Error) {
	name := *in.Name
	// AWS: "Supplying an IAM role is only valid when also specifying a KMS key."
	if in.RoleArn != nil && in.KmsKeyArn == nil {
		return nil, invalid(Personalize, "roleArn is only valid together with kmsKeyArn.")
	}
	// A name stays taken until the group is gone.
	if _, ok := w.datasetGroups.lookup(name, cx.now); ok {
		return nil, alreadyExists("A dataset group with the name %s already exists.", name)
	}
	if err := w.datasetGroups.overQuota(&e.cfg); err != nil {
		return nil, err
	}
	tags, err := e.newTags(Personalize, tagsFromPersonalize(in.Tags))
	if err != nil {
		return nil, err
	}
	g := &datasetGroup{
		entity:    entity{arn: w.scope.arn(Personalize, "dataset-group", name), name: name, tags: tags},
		lifecycle: e.newLifecycle(catalog.DatasetGroups, cx),
		roleArn:   in.RoleArn,
		kmsKeyArn: in.KmsKeyArn,
		domain:    in.Domain,
	}
	w.datasetGroups.insert(g, cx.now)
	return &personalize.CreateDatasetGroupOutput{DatasetGroupArn: &g.arn, Domain: g.domain}, nil
}

func (e *Engine) describeDatasetGroup(w *world, in *personalize.DescribeDatasetGroupInput, cx opContext) (*personalize.DescribeDatasetGroupOutput, *Error) {
	g, ok := w.datasetGroups.resolve(*in.DatasetGroupArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.DatasetGroupArn)
	}
	status, changed, _ := statusOf(g, cx.now)
	return &personalize.DescribeDatasetGroupOutput{DatasetGroup: &personalize.DatasetGroup{
		Name:                &g.name,
		DatasetGroupArn:     &g.arn,
		Status:              &status,
		RoleArn:             g.roleArn,
		KmsKeyArn:           g.kmsKeyArn,
		Domain:              g.domain,
		CreationDateTime:    shape.T(g.created),
		LastUpdatedDateTime: shape.T(changed),
		FailureReason:       failureReason(status, g.failReason),
	}}, nil
}

func (e *Engine) listDatasetGroups(w *world, in *personalize.ListDatasetGroupsInput, cx opContext) (*personalize.ListDatasetGroupsOutput, *Error) {
	page, next, err := newestFirst(w.datasetGroups, nil, "dataset-groups", in.NextToken, in.MaxResults, cx.now, nil)
	if err != nil {
		return nil, err
	}
	out := &personalize.ListDatasetGroupsOutput{DatasetGroups: make([]personalize.DatasetGroupSummary, len(page)), NextToken: next}
	for i, g := range page {
		status, changed, _ := statusOf(g, cx.now)
		out.DatasetGroups[i] = personalize.DatasetGroupSummary{
			Name:                &g.name,
			DatasetGroupArn:     &g.arn,
			Status:              &status,
			Domain:              g.domain,
			CreationDateTime:    shape.T(g.created),
			LastUpdatedDateTime: shape.T(changed),
			FailureReason:       failureReason(status, g.failReason),
		}
	}
	return out, nil
}

func (e *Engine) deleteDatasetGroup(w *world, in *personalize.DeleteDatasetGroupInput, cx opContext) (*personalize.DeleteDatasetGroupOutput, *Error) {
	g, ok := w.datasetGroups.resolve(*in.DatasetGroupArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.DatasetGroupArn)
	}
	status, _, _ := statusOf(g, cx.now)
	switch {
	case creating(status) || deleting(status):
		return nil, inUse("The dataset group %s is in %s state and cannot be deleted.", g.arn, status)
	case w.groupTracker(g, cx.now) != nil:
		return nil, inUse("The dataset group %s has an event tracker; delete it first.", g.arn)
	case w.groupHasDatasets(g, cx.now):
		return nil, inUse("The dataset group %s has datasets; delete them first.", g.arn)
	case w.deletionBusy(g, cx.now) != nil:
		// A documented guess, as for a dataset's import jobs.
		return nil, inUse("The dataset group %s has the data deletion job %s in progress.", g.arn, w.deletionBusy(g, cx.now).arn)
	case w.groupAttribution(g, cx.now) != nil:
		// A documented guess: AWS lists what a group's deletion needs deleted first without
		// naming metric attributions, which belong to the group as its tracker does.
		return nil, inUse("The dataset group %s has a metric attribution; delete it first.", g.arn)
	}
	// AWS documents the order of a cleanup: campaigns, solutions, filters, trackers, datasets,
	// then the group (a documented guess at the code: ResourceInUseException, as for the rest).
	if u := firstUser[resource](w, g, cx.now, nil); u != nil {
		return nil, inUse("The dataset group %s still has the resource %s; delete it first.", g.arn, u.base().arn)
	}
	g.deleted = cx.now
	w.datasetGroups.retire(g)
	return &personalize.DeleteDatasetGroupOutput{}, nil
}

// groupTracker returns a dataset group's event tracker, if it still has one (one being deleted
// still counts).
func (w *world) groupTracker(g *datasetGroup, now time.Time) *eventTracker {
	return firstUser[*eventTracker](w, g, now, nil)
}

// groupHasDatasets reports whether any of a group's datasets is not gone.
func (w *world) groupHasDatasets(g *datasetGroup, now time.Time) bool {
	return firstUser[*dataset](w, g, now, nil) != nil
}

// laterState is the events PutEvents recorded for the group, unless it is being deleted.
func (g *datasetGroup) laterState(w *world, now time.Time) []ResourceState {
	if st, _, _ := statusOf(g, now); deleting(st) {
		return nil
	}
	return g.eventStates(w, now)
}

func (g *datasetGroup) state(w *world, now time.Time) []ResourceState {
	st := g.baseState(w, "dataset-group", Personalize, "CreateDatasetGroup", &personalize.CreateDatasetGroupInput{
		Name: &g.name, RoleArn: g.roleArn, KmsKeyArn: g.kmsKeyArn, Domain: g.domain, Tags: g.tags.personalizeOrNil(),
	})
	st.Type = deref(g.domain)
	livedState(&st, g, now)
	return []ResourceState{st}
}
