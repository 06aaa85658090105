package tracking

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
)

// EventsAPI is the part of aws-sdk-go-v2's *personalizeevents.Client the sender uses.
type EventsAPI interface {
	PutEvents(context.Context, *personalizeevents.PutEventsInput, ...func(*personalizeevents.Options)) (*personalizeevents.PutEventsOutput, error)
}

// Interaction is one thing a user did with an item.
type Interaction struct {
	Type   string // e.g. "click", "purchase"
	ItemID string
	At     time.Time
	Extra  map[string]string // sent as the event's properties
}

// Sender sends a session's interactions to an event tracker, ten per call (the API's limit).
type Sender struct {
	Events     EventsAPI
	TrackingID string
}

// maxBatch is PutEvents' limit on events per call.
const maxBatch = 10

// Send sends every interaction, in order, in as few calls as the API allows.
func (s *Sender) Send(ctx context.Context, sessionID, userID string, interactions []Interaction) error {
	for from := 0; from < len(interactions); from += maxBatch {
		batch := interactions[from:min(from+maxBatch, len(interactions))]
		events := make([]types.Event, len(batch))
		for i, in := range batch {
			events[i] = types.Event{EventType: aws.String(in.Type), ItemId: aws.String(in.ItemID), SentAt: aws.Time(in.At)}
			if len(in.Extra) > 0 {
				props, err := json.Marshal(in.Extra)
				if err != nil {
					return err
				}
				events[i].Properties = aws.String(string(props))
			}
		}
		in := &personalizeevents.PutEventsInput{TrackingId: aws.String(s.TrackingID), SessionId: aws.String(sessionID), EventList: events}
		if userID != "" {
			in.UserId = aws.String(userID)
		}
		if _, err := s.Events.PutEvents(ctx, in); err != nil {
			return fmt.Errorf("send events %d-%d of session %s: %w", from+1, from+len(batch), sessionID, err)
		}
	}
	return nil
}
