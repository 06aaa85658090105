package engine

import (
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// eventTracker is one event tracker; trackingId is what PutEvents names it by.
type eventTracker struct {
	entity
	lifecycle
	trackingID string
	group      *datasetGroup
}

// eventTrackerIndex finds trackers by the trackingId PutEvents names them by.
type eventTrackerIndex struct {
	byTrackingID map[string]*eventTracker // nil until the first tracker
}

// needs is the tracker's group, which it uses (kinds.txt: needs dataset-groups).
func (t *eventTracker) needs() needed { return needed{t.group} }

// purged lets go of the trackingId of a tracker whose deletion finished.
func (t *eventTracker) purged(w *world) { delete(w.byTrackingID, t.trackingID) }

func (e *Engine) createEventTracker(w *world, in *personalize.CreateEventTrackerInput, cx opContext) (*personalize.CreateEventTrackerOutput, *Error) {
	g, ok := w.datasetGroups.resolve(*in.DatasetGroupArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.DatasetGroupArn)
	}
	if status, _, _ := statusOf(g, cx.now); status != StatusActive {
		return nil, inUse("The dataset group %s is not ACTIVE (its status is %s).", g.arn, status)
	}
	// One event tracker per dataset group, for as long as the tracker exists (a tracker that
	// is being deleted still counts).
	if t := w.groupTracker(g, cx.now); t != nil {
		return nil, alreadyExists("The dataset group %s already has an event tracker: %s", g.arn, t.arn)
	}
	if err := w.eventTrackers.overQuota(&e.cfg); err != nil {
		return nil, err
	}
	tags, err := e.newTags(Personalize, tagsFromPersonalize(in.Tags))
	if err != nil {
		return nil, err
	}
	arn, trackingID, err := e.trackerIDs(w, cx)
	if err != nil {
		return nil, err
	}
	t := &eventTracker{
		entity:     entity{arn: arn, name: *in.Name, tags: tags},
		lifecycle:  e.newLifecycle(catalog.EventTrackers, cx),
		trackingID: trackingID,
		group:      g,
	}
	w.eventTrackers.insert(t, cx.now)
	if w.byTrackingID == nil {
		w.byTrackingID = map[string]*eventTracker{}
	}
	w.byTrackingID[trackingID] = t
	return &personalize.CreateEventTrackerOutput{EventTrackerArn: &t.arn, TrackingId: &t.trackingID}, nil
}

// trackerIDs draws a new tracker's ARN (event-tracker/<8 hex digits>) and trackingId, or takes
// those a seed asks for.
func (e *Engine) trackerIDs(w *world, cx opContext) (arn, trackingID string, err *Error) {
	id := cx.id("id", func() string {
		id := e.newID(8)
		for w.eventTrackers.items[w.scope.arn(Personalize, "event-tracker", id)] != nil {
			id = e.newID(8)
		}
		return id
	})
	if len(id) != 8 || strings.Trim(id, "0123456789abcdef") != "" {
		return "", "", invalid(Personalize, "an event tracker id is 8 lowercase hex digits, not %q", id)
	}
	arn = w.scope.arn(Personalize, "event-tracker", id)
	if w.eventTrackers.items[arn] != nil {
		return "", "", alreadyExists("The event tracker %s already exists.", arn)
	}
	trackingID = cx.id("trackingId", e.newUUID)
	if w.byTrackingID[trackingID] != nil {
		return "", "", alreadyExists("The tracking ID %s is already in use.", trackingID)
	}
	return arn, trackingID, nil
}

func (e *Engine) describeEventTracker(w *world, in *personalize.DescribeEventTrackerInput, cx opContext) (*personalize.DescribeEventTrackerOutput, *Error) {
	t, ok := w.eventTrackers.resolve(*in.EventTrackerArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.EventTrackerArn)
	}
	status, changed, _ := statusOf(t, cx.now)
	return &personalize.DescribeEventTrackerOutput{EventTracker: &personalize.EventTracker{
		Name:                &t.name,
		EventTrackerArn:     &t.arn,
		AccountId:           &w.scope.Account,
		TrackingId:          &t.trackingID,
		DatasetGroupArn:     &t.group.arn,
		Status:              &status,
		CreationDateTime:    shape.T(t.created),
		LastUpdatedDateTime: shape.T(changed),
	}}, nil
}

// listEventTrackers lists newest first (a documented guess); summaries carry no trackingId.
// With datasetGroupArn it lists that group's tracker (none if the group does not exist: the
// operation models no not-found error).
func (e *Engine) listEventTrackers(w *world, in *personalize.ListEventTrackersInput, cx opContext) (*personalize.ListEventTrackersOutput, *Error) {
	var items []*eventTracker
	if in.DatasetGroupArn != nil {
		items = []*eventTracker{}
		if g, ok := w.datasetGroups.resolve(*in.DatasetGroupArn, cx.now); ok {
			if t := w.groupTracker(g, cx.now); t != nil {
				items = append(items, t)
			}
		}
	}
	page, next, err := newestFirst(w.eventTrackers, items, "event-trackers", in.NextToken, in.MaxResults, cx.now, nil)
	if err != nil {
		return nil, err
	}
	out := &personalize.ListEventTrackersOutput{EventTrackers: make([]personalize.EventTrackerSummary, len(page)), NextToken: next}
	for i, t := range page {
		status, changed, _ := statusOf(t, cx.now)
		out.EventTrackers[i] = personalize.EventTrackerSummary{
			Name:                &t.name,
			EventTrackerArn:     &t.arn,
			Status:              &status,
			CreationDateTime:    shape.T(t.created),
			LastUpdatedDateTime: shape.T(changed),
		}
	}
	return out, nil
}

func (e *Engine) deleteEventTracker(w *world, in *personalize.DeleteEventTrackerInput, cx opContext) (*personalize.DeleteEventTrackerOutput, *Error) {
	t, ok := w.eventTrackers.resolve(*in.EventTrackerArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.EventTrackerArn)
	}
	if status, _, _ := statusOf(t, cx.now); creating(status) || deleting(status) {
		return nil, inUse("The event tracker %s is in %s state and cannot be deleted.", t.arn, status)
	}
	t.deleted = cx.now
	w.eventTrackers.retire(t)
	return &personalize.DeleteEventTrackerOutput{}, nil
}

func (t *eventTracker) state(w *world, now time.Time) []ResourceState {
	st := t.baseState(w, "event-tracker", Personalize, "CreateEventTracker", &personalize.CreateEventTrackerInput{
		Name: &t.name, DatasetGroupArn: &t.group.arn, Tags: t.tags.personalizeOrNil(),
	})
	st.IDs = map[string]string{"id": t.arn[len(t.arn)-8:], "trackingId": t.trackingID}
	livedState(&st, t, now)
	return []ResourceState{st}
}
