package engine

import (
	"time"

	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

func (e *Engine) createEventTracker(w *world, in *personalize.CreateEventTrackerInput, cx opContext) (*personalize.CreateEventTrackerOutput, *Error) {
	g := e.group(w, *in.DatasetGroupArn, cx.now)
	if g == nil {
		return nil, resourceNotFound(*in.DatasetGroupArn)
	}
	if status, _, _ := e.groupStatus(g, cx.now); status != StatusActive {
		return nil, inUse("The dataset group %s is not ACTIVE (its status is %s).", g.arn, status)
	}
	// One event tracker per dataset group, for as long as the tracker exists (a tracker that
	// is being deleted still counts).
	if t := e.groupTracker(w, g, cx.now); t != nil {
		return nil, alreadyExists("The dataset group %s already has an event tracker: %s", g.arn, t.arn)
	}
	tags := tagList(nil).merged(personalizeTagsIn(in.Tags))
	if len(tags) > e.cfg.TagQuota {
		return nil, tooManyTags(e.cfg.TagQuota)
	}
	arn := w.scope.arn(Personalize, "event-tracker", e.newID(8))
	for w.trackers[arn] != nil {
		arn = w.scope.arn(Personalize, "event-tracker", e.newID(8))
	}
	t := &eventTracker{
		name:       *in.Name,
		arn:        arn,
		trackingID: e.newUUID(),
		seq:        w.nextSeq(),
		group:      g,
		life:       lifecycle{created: cx.now, failReason: cx.failCreation},
		tags:       tags,
	}
	w.trackers[arn] = t
	w.byTrackingID[t.trackingID] = t
	w.trackerIndex.add(t)
	g.tracker = t
	return &personalize.CreateEventTrackerOutput{EventTrackerArn: &t.arn, TrackingId: &t.trackingID}, nil
}

func (e *Engine) describeEventTracker(w *world, in *personalize.DescribeEventTrackerInput, cx opContext) (*personalize.DescribeEventTrackerOutput, *Error) {
	t := e.tracker(w, *in.EventTrackerArn, cx.now)
	if t == nil {
		return nil, resourceNotFound(*in.EventTrackerArn)
	}
	status, changed, _ := e.trackerStatus(t, cx.now)
	return &personalize.DescribeEventTrackerOutput{EventTracker: &personalize.EventTracker{
		Name:                &t.name,
		EventTrackerArn:     &t.arn,
		AccountId:           &w.scope.Account,
		TrackingId:          &t.trackingID,
		DatasetGroupArn:     &t.group.arn,
		Status:              &status,
		CreationDateTime:    shape.T(t.life.created),
		LastUpdatedDateTime: shape.T(changed),
	}}, nil
}

// listEventTrackers lists newest first (a documented guess); summaries carry no trackingId.
// With datasetGroupArn it lists that group's tracker (none if the group does not exist: the
// operation models no not-found error).
func (e *Engine) listEventTrackers(w *world, in *personalize.ListEventTrackersInput, cx opContext) (*personalize.ListEventTrackersOutput, *Error) {
	items := w.trackerIndex.view()
	if in.DatasetGroupArn != nil {
		items = nil
		if g := e.group(w, *in.DatasetGroupArn, cx.now); g != nil {
			if t := e.groupTracker(w, g, cx.now); t != nil {
				items = []*eventTracker{t}
			}
		}
	}
	page, next, err := newestFirst(items, "event-trackers", in.NextToken, maxResults(in.MaxResults),
		func(t *eventTracker) (time.Time, uint64) { return t.life.created, t.seq },
		func(t *eventTracker) bool {
			_, _, gone := e.trackerStatus(t, cx.now)
			if gone {
				w.purgeTracker(t)
			}
			return gone
		})
	if err != nil {
		return nil, err
	}
	out := &personalize.ListEventTrackersOutput{EventTrackers: make([]personalize.EventTrackerSummary, len(page)), NextToken: next}
	for i, t := range page {
		status, changed, _ := e.trackerStatus(t, cx.now)
		out.EventTrackers[i] = personalize.EventTrackerSummary{
			Name:                &t.name,
			EventTrackerArn:     &t.arn,
			Status:              &status,
			CreationDateTime:    shape.T(t.life.created),
			LastUpdatedDateTime: shape.T(changed),
		}
	}
	return out, nil
}

func (e *Engine) deleteEventTracker(w *world, in *personalize.DeleteEventTrackerInput, cx opContext) (*personalize.DeleteEventTrackerOutput, *Error) {
	t := e.tracker(w, *in.EventTrackerArn, cx.now)
	if t == nil {
		return nil, resourceNotFound(*in.EventTrackerArn)
	}
	if status, _, _ := e.trackerStatus(t, cx.now); creating(status) || deleting(status) {
		return nil, inUse("The event tracker %s is in %s state and cannot be deleted.", t.arn, status)
	}
	t.life.deleted = cx.now
	return &personalize.DeleteEventTrackerOutput{}, nil
}
