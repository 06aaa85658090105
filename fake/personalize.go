package fake

import (
	"slices"
	"time"
)

// Event is one event that Personalize Events' PutEvents accepted, as a test reads it back.
type Event struct {
	TrackingID        string
	SessionID         string
	UserID            string // empty when the call had none
	EventID           string
	EventType         string
	EventValue        *float64
	ItemID            string
	Properties        string // the JSON object, as sent
	SentAt            time.Time
	RecommendationID  string
	Impression        []string
	AttributionSource string    // metricAttribution.eventAttributionSource
	ReceivedAt        time.Time // on the fake's clock
}

// Events returns the events PutEvents accepted for a dataset group, oldest first. The ARN
// says which account and Region. The result is a copy; nil when there is no such dataset
// group.
func (f *Fake) Events(datasetGroupArn string) []Event {
	raw, ok := f.e.Events(datasetGroupArn)
	if !ok {
		return nil
	}
	out := make([]Event, len(raw))
	for i, ev := range raw {
		out[i] = Event{
			TrackingID: ev.TrackingID, SessionID: ev.SessionID, UserID: ev.UserID, EventID: ev.EventID,
			EventType: ev.EventType, EventValue: ev.EventValue, ItemID: ev.ItemID, Properties: ev.Properties,
			SentAt: ev.SentAt, RecommendationID: ev.RecommendationID, Impression: slices.Clone(ev.Impression),
			AttributionSource: ev.AttributionSource, ReceivedAt: ev.ReceivedAt,
		}
	}
	return out
}
