package engine

import (
	"slices"
	"time"

	"github.com/awsfake/awsfake/internal/shape/personalizeevents"
)

// RecordedEvent is one event PutEvents accepted, as a test reads it back.
type RecordedEvent struct {
	TrackingID        string
	SessionID         string
	UserID            string // empty when the call had none
	EventID           string
	EventType         string
	EventValue        *float64
	ItemID            string
	Properties        string // the JSON object as sent
	SentAt            time.Time
	RecommendationID  string
	Impression        []string
	AttributionSource string
	ReceivedAt        time.Time // on the fake's clock
	dataset           uint64    // the Interactions dataset it went into (its seq), or 0
	removed           bool      // a data deletion job removed it: a place kept so positions hold (data_deletion_job.go)
}

// record is the event as a record of an Interactions dataset.
func (ev RecordedEvent) record() Record {
	return Record{
		DatasetType: typeInteractions, ID: ev.EventID, UserID: ev.UserID, ItemID: ev.ItemID, SessionID: ev.SessionID,
		EventType: ev.EventType, EventValue: ev.EventValue, Timestamp: ev.SentAt, Properties: ev.Properties,
		Impression: ev.Impression, RecommendationID: ev.RecommendationID, AttributionSource: ev.AttributionSource,
		ReceivedAt: ev.ReceivedAt,
	}
}

func (e *Engine) putEvents(w *world, in *personalizeevents.PutEventsInput, cx opContext) (*personalizeevents.PutEventsOutput, *Error) {
	for i, ev := range in.EventList {
		if err := checkProperties("eventList", i, ev.Properties, true); err != nil {
			return nil, err
		}
	}
	// A documented guess: an unknown trackingId, or one whose tracker is not ACTIVE, is
	// InvalidInputException (the only error the operation models).
	t := w.byTrackingID[*in.TrackingId]
	if t != nil && gone(t, cx.now) {
		w.eventTrackers.purge(t)
		t = nil
	}
	if t == nil {
		return nil, invalid(PersonalizeEvents, "The tracking ID %s does not belong to an event tracker.", *in.TrackingId)
	}
	if status, _, _ := statusOf(t, cx.now); status != StatusActive {
		return nil, invalid(PersonalizeEvents, "The event tracker %s for tracking ID %s is not ACTIVE (its status is %s).", t.arn, *in.TrackingId, status)
	}
	// PutEvents appends to the dataset group's Interactions dataset, which must be there (a
	// documented guess at the answer when it is not; Config.EventsWithoutDataset accepts them).
	var into uint64
	if d := w.groupDataset(t.group, typeInteractions, cx.now); d != nil {
		if status, _, _ := statusOf(d, cx.now); status == StatusActive {
			into = d.seq
		}
	}
	if into == 0 && !e.cfg.EventsWithoutDataset {
		return nil, invalid(PersonalizeEvents, "The dataset group %s has no ACTIVE Interactions dataset for the events of tracking ID %s.", t.group.arn, *in.TrackingId)
	}
	for _, ev := range in.EventList {
		t.group.events.add(RecordedEvent{
			dataset:           into,
			TrackingID:        *in.TrackingId,
			SessionID:         *in.SessionId,
			UserID:            deref(in.UserId),
			EventID:           deref(ev.EventId),
			EventType:         *ev.EventType,
			EventValue:        ev.EventValue,
			ItemID:            deref(ev.ItemId),
			Properties:        deref(ev.Properties),
			SentAt:            ev.SentAt.Time,
			RecommendationID:  deref(ev.RecommendationId),
			Impression:        ev.Impression,
			AttributionSource: attribution(ev.MetricAttribution),
			ReceivedAt:        cx.now,
		})
	}
	return &personalizeevents.PutEventsOutput{}, nil
}

func attribution(m *personalizeevents.MetricAttribution) string {
	if m == nil {
		return ""
	}
	return deref(m.EventAttributionSource)
}

// Events returns copies of the events recorded for a dataset group, oldest first, or false if
// no such dataset group exists (any account and Region; the ARN says which). A group whose
// deletion has finished is gone, with its events.
func (e *Engine) Events(datasetGroupArn string) ([]RecordedEvent, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	w := e.worldOf(datasetGroupArn)
	if w == nil {
		return nil, false
	}
	g, ok := w.datasetGroups.resolve(datasetGroupArn, e.now())
	if !ok {
		return nil, false
	}
	w.settleDeletions(g, e.now())
	out := slices.DeleteFunc(g.events.all(), func(ev RecordedEvent) bool { return ev.removed })
	for i := range out {
		out[i].Impression = slices.Clone(out[i].Impression)
		if out[i].EventValue != nil {
			v := *out[i].EventValue
			out[i].EventValue = &v
		}
	}
	return out, true
}
