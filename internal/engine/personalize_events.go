package engine

import (
	"bytes"
	"encoding/json"
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
}

func (e *Engine) putEvents(w *world, in *personalizeevents.PutEventsInput, cx opContext) (*personalizeevents.PutEventsOutput, *Error) {
	for i, ev := range in.EventList {
		if ev.Properties != nil && !isJSONObject(*ev.Properties) {
			return nil, invalid(PersonalizeEvents, "1 validation error detected: Value at 'eventList.%d.member.properties' failed to satisfy constraint: Member must be a JSON object, such as {\"numberOfRatings\": \"12\"}", i+1)
		}
	}
	// A documented guess: an unknown trackingId, or one whose tracker is not ACTIVE, is
	// InvalidInputException (the only error the operation models).
	t := w.byTrackingID[*in.TrackingId]
	if t != nil && gone(t, cx.now) {
		w.trackers.purge(t)
		t = nil
	}
	if t == nil {
		return nil, invalid(PersonalizeEvents, "The tracking ID %s does not belong to an event tracker.", *in.TrackingId)
	}
	if status, _, _ := statusOf(t, cx.now); status != StatusActive {
		return nil, invalid(PersonalizeEvents, "The event tracker %s for tracking ID %s is not ACTIVE (its status is %s).", t.arn, *in.TrackingId, status)
	}
	for _, ev := range in.EventList {
		t.group.events.add(RecordedEvent{
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

func isJSONObject(s string) bool {
	b := bytes.TrimSpace([]byte(s))
	return len(b) > 0 && b[0] == '{' && json.Valid(b)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
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
	p, ok := parseARN(datasetGroupArn)
	if !ok {
		return nil, false
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	w := e.worlds[Scope{Account: p.account, Region: p.region}]
	if w == nil {
		return nil, false
	}
	g, ok := w.groups.resolve(datasetGroupArn, e.now())
	if !ok {
		return nil, false
	}
	out := make([]RecordedEvent, 0, g.events.len())
	for _, chunk := range g.events.chunks {
		for _, ev := range chunk {
			ev.Impression = slices.Clone(ev.Impression)
			if ev.EventValue != nil {
				v := *ev.EventValue
				ev.EventValue = &v
			}
			out = append(out, ev)
		}
	}
	return out, true
}

// eventLog keeps a dataset group's events in fixed-size chunks, so that recording one never
// copies the ones before it (a plain slice would, each time it grows).
type eventLog struct{ chunks [][]RecordedEvent }

const eventChunk = 512

func (l *eventLog) add(ev RecordedEvent) {
	if n := len(l.chunks); n == 0 || len(l.chunks[n-1]) == eventChunk {
		l.chunks = append(l.chunks, make([]RecordedEvent, 0, eventChunk))
	}
	last := &l.chunks[len(l.chunks)-1]
	*last = append(*last, ev)
}

func (l *eventLog) len() int {
	if len(l.chunks) == 0 {
		return 0
	}
	return (len(l.chunks)-1)*eventChunk + len(l.chunks[len(l.chunks)-1])
}
