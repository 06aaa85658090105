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
	PutItems(context.Context, *personalizeevents.PutItemsInput, ...func(*personalizeevents.Options)) (*personalizeevents.PutItemsOutput, error)
}

// Interaction is one thing a user did with an item.
type Interaction struct {
	Type   string // e.g. "click", "purchase"
	ItemID string
	At     time.Time
	Extra  map[string]string // sent as the event's properties, e.g. {"device": "mobile"}
}

// Item is one entry of the catalogue.
type Item struct {
	ID       string
	Category string
	Price    float64
	Created  time.Time
}

// Sender sends a session's interactions to an event tracker, and the catalogue to the Items
// dataset, ten per call (the APIs' limit).
type Sender struct {
	Events     EventsAPI
	TrackingID string
	ItemsArn   string
}

// maxBatch is PutEvents' and PutItems' limit on records per call.
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

// itemProperties is an item's metadata as PutItems takes it: keys in camelCase, one per field
// of ItemsSchema besides ITEM_ID.
type itemProperties struct {
	Category          string  `json:"category"`
	Price             float64 `json:"price"`
	CreationTimestamp int64   `json:"creationTimestamp"`
}

// SendItems adds or replaces catalogue items, in order, in as few calls as the API allows.
func (s *Sender) SendItems(ctx context.Context, items []Item) error {
	for from := 0; from < len(items); from += maxBatch {
		batch := items[from:min(from+maxBatch, len(items))]
		list := make([]types.Item, len(batch))
		for i, it := range batch {
			props, err := json.Marshal(itemProperties{Category: it.Category, Price: it.Price, CreationTimestamp: it.Created.Unix()})
			if err != nil {
				return err
			}
			list[i] = types.Item{ItemId: aws.String(it.ID), Properties: aws.String(string(props))}
		}
		if _, err := s.Events.PutItems(ctx, &personalizeevents.PutItemsInput{DatasetArn: aws.String(s.ItemsArn), Items: list}); err != nil {
			return fmt.Errorf("send items %d-%d: %w", from+1, from+len(batch), err)
		}
	}
	return nil
}
