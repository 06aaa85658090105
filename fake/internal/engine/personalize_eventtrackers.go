package engine

import "github.com/awsfake/awsfake/fake/internal/shape"

// The Personalize event tracker operations.
var (
	OpCreateEventTracker   = define(Personalize, "CreateEventTracker", (*Engine).createEventTracker)
	OpDescribeEventTracker = define(Personalize, "DescribeEventTracker", (*Engine).describeEventTracker)
	OpListEventTrackers    = define(Personalize, "ListEventTrackers", (*Engine).listEventTrackers)
	OpDeleteEventTracker   = define(Personalize, "DeleteEventTracker", (*Engine).deleteEventTracker)
)

func (e *Engine) createEventTracker(w *world, in *shape.CreateEventTrackerInput, cx opContext) (*shape.CreateEventTrackerOutput, *Error) {
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
	arn := w.scope.arn(Personalize, "event-tracker/"+e.newID(8))
	for w.trackers[arn] != nil {
		arn = w.scope.arn(Personalize, "event-tracker/"+e.newID(8))
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
	return &shape.CreateEventTrackerOutput{EventTrackerArn: &t.arn, TrackingId: &t.trackingID}, nil
}

func (e *Engine) describeEventTracker(w *world, in *shape.DescribeEventTrackerInput, cx opContext) (*shape.DescribeEventTrackerOutput, *Error) {
	t := e.tracker(w, *in.EventTrackerArn, cx.now)
	if t == nil {
		return nil, resourceNotFound(*in.EventTrackerArn)
	}
	status, changed, _ := e.trackerStatus(t, cx.now)
	return &shape.DescribeEventTrackerOutput{EventTracker: &shape.EventTracker{
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
func (e *Engine) listEventTrackers(w *world, in *shape.ListEventTrackersInput, cx opContext) (*shape.ListEventTrackersOutput, *Error) {
	items := w.trackerIndex.view()
	if in.DatasetGroupArn != nil {
		items = nil
		if g := e.group(w, *in.DatasetGroupArn, cx.now); g != nil {
			if t := e.groupTracker(w, g, cx.now); t != nil {
				items = []*eventTracker{t}
			}
		}
	}
	i := len(items) - 1
	if in.NextToken != nil && *in.NextToken != "" {
		at, seq, ok := openPersonalizeToken("event-trackers", *in.NextToken)
		if !ok {
			return nil, invalidToken(*in.NextToken)
		}
		probe := &eventTracker{life: lifecycle{created: at}, seq: seq}
		i = seek(items, func(t *eventTracker) bool { return !w.trackerIndex.less(t, probe) }) - 1
	}
	limit := maxResults(in.MaxResults)
	out := &shape.ListEventTrackersOutput{EventTrackers: []shape.EventTrackerSummary{}}
	var last *eventTracker
	for ; i >= 0; i-- {
		t := items[i]
		status, changed, gone := e.trackerStatus(t, cx.now)
		if gone {
			w.purgeTracker(t)
			continue
		}
		if len(out.EventTrackers) == limit {
			tok := personalizeToken("event-trackers", last.life.created, last.seq)
			out.NextToken = &tok
			break
		}
		out.EventTrackers = append(out.EventTrackers, shape.EventTrackerSummary{
			Name:                &t.name,
			EventTrackerArn:     &t.arn,
			Status:              &status,
			CreationDateTime:    shape.T(t.life.created),
			LastUpdatedDateTime: shape.T(changed),
		})
		last = t
	}
	return out, nil
}

func (e *Engine) deleteEventTracker(w *world, in *shape.DeleteEventTrackerInput, cx opContext) (*shape.DeleteEventTrackerOutput, *Error) {
	t := e.tracker(w, *in.EventTrackerArn, cx.now)
	if t == nil {
		return nil, resourceNotFound(*in.EventTrackerArn)
	}
	if status, _, _ := e.trackerStatus(t, cx.now); creating(status) || deleting(status) {
		return nil, inUse("The event tracker %s is in %s state and cannot be deleted.", t.arn, status)
	}
	t.life.deleted = cx.now
	return &shape.DeleteEventTrackerOutput{}, nil
}
