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

// Record is one record a Personalize dataset holds, as a test reads it back: an item, user or
// action (one per id: PutItems, PutUsers or PutActions of an id replaces it), or an interaction
// (PutEvents) or action interaction (PutActionInteractions), every one in the order it arrived.
type Record struct {
	DatasetType       string    `json:"datasetType"`                 // INTERACTIONS, ITEMS, USERS, ACTIONS or ACTION_INTERACTIONS
	ID                string    `json:"id,omitempty"`                // the item, user or action id (of an interaction: its event id)
	UserID            string    `json:"userId,omitempty"`            //
	ItemID            string    `json:"itemId,omitempty"`            //
	ActionID          string    `json:"actionId,omitempty"`          //
	SessionID         string    `json:"sessionId,omitempty"`         //
	EventType         string    `json:"eventType,omitempty"`         //
	EventValue        *float64  `json:"eventValue,omitempty"`        //
	Timestamp         time.Time `json:"timestamp,omitzero"`          // an interaction's sentAt or timestamp
	Properties        string    `json:"properties,omitempty"`        // the JSON object, as sent
	Impression        []string  `json:"impression,omitempty"`        //
	RecommendationID  string    `json:"recommendationId,omitempty"`  //
	AttributionSource string    `json:"attributionSource,omitempty"` // metricAttribution.eventAttributionSource
	ReceivedAt        time.Time `json:"receivedAt"`                  // on the fake's clock
	// Mismatches say how the record does not fit the dataset's schema: a property no field
	// takes, a value of the wrong type, a field that does not allow null without a value. AWS
	// accepts such records and drops them later, so the fake accepts them and says so here.
	Mismatches []string `json:"mismatches,omitempty"`
}

// Records returns the records a dataset holds, with how each fits the schema in force; nil when
// there is no such dataset. The ARN says which account and Region. The result is a copy.
func (f *Fake) Records(datasetArn string) []Record {
	raw, ok := f.e.Records(datasetArn)
	if !ok {
		return nil
	}
	out := make([]Record, len(raw))
	for i, r := range raw {
		out[i] = Record(r) // the engine's copy, field for field
	}
	return out
}
