package fake_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

func click(item string, at time.Time) types.Event {
	return types.Event{EventType: aws.String("click"), ItemId: aws.String(item), SentAt: aws.Time(at)}
}

func TestPutEventsThroughTheSDK(t *testing.T) {
	t.Parallel()
	p := typedPZ(t)
	group := p.group(t, "shop", "")
	p.interactions(t, group)
	_, trackingID := p.activeTracker(t, group)
	events := personalizeevents.NewFromConfig(p.f.AWSConfig())
	ctx := context.Background()

	sent := start.Add(1500 * time.Millisecond)
	_, err := events.PutEvents(ctx, &personalizeevents.PutEventsInput{
		TrackingId: aws.String(trackingID),
		SessionId:  aws.String("session-1"),
		UserId:     aws.String("user-1"),
		EventList: []types.Event{
			{EventType: aws.String("purchase"), EventId: aws.String("e1"), ItemId: aws.String("item-9"), EventValue: aws.Float32(19.5),
				Properties: aws.String(`{"numberOfRatings": "12"}`), SentAt: aws.Time(sent), Impression: []string{"item-9", "item-3"},
				MetricAttribution: &types.MetricAttribution{EventAttributionSource: aws.String("email")}},
			click("item-3", sent),
		},
	})
	require.NoError(t, err)

	got := p.f.Events(group)
	require.Len(t, got, 2)
	v := 19.5
	require.Equal(t, fake.Event{
		TrackingID: trackingID, SessionID: "session-1", UserID: "user-1", EventID: "e1", EventType: "purchase",
		EventValue: &v, ItemID: "item-9", Properties: `{"numberOfRatings": "12"}`, SentAt: sent,
		Impression: []string{"item-9", "item-3"}, AttributionSource: "email", ReceivedAt: p.clk.Now().UTC(),
	}, got[0])
	require.Equal(t, "click", got[1].EventType)

	// Events hands out copies.
	got[0].Impression[0] = "changed"
	require.Equal(t, "item-9", p.f.Events(group)[0].Impression[0])
	require.Nil(t, p.f.Events("arn:aws:personalize:us-east-1:123456789012:dataset-group/none"))
}

func TestPutEventsRefusals(t *testing.T) {
	t.Parallel()
	p := typedPZ(t)
	group := p.group(t, "shop", "")
	out, err := p.pz.CreateEventTracker(p.ctx, &personalize.CreateEventTrackerInput{Name: aws.String("t"), DatasetGroupArn: &group})
	require.NoError(t, err)
	trackingID := aws.ToString(out.TrackingId)
	events := personalizeevents.NewFromConfig(p.f.AWSConfig())
	ctx := context.Background()
	put := func(in *personalizeevents.PutEventsInput) (string, string) {
		_, err := events.PutEvents(ctx, in)
		var ae smithy.APIError
		require.True(t, errors.As(err, &ae), "%v", err)
		var ii *types.InvalidInputException
		require.ErrorAs(t, err, &ii)
		return ae.ErrorCode(), ae.ErrorMessage()
	}
	one := []types.Event{click("i", start)}

	code, msg := put(&personalizeevents.PutEventsInput{TrackingId: aws.String(trackingID), SessionId: aws.String("s"), EventList: one})
	require.Equal(t, "InvalidInputException", code)
	require.Contains(t, msg, "CREATE PENDING", "the tracker is not ACTIVE yet")
	p.clk.Add(time.Minute)

	// An ACTIVE tracker on a group without an Interactions dataset: nowhere for the events to go.
	code, msg = put(&personalizeevents.PutEventsInput{TrackingId: aws.String(trackingID), SessionId: aws.String("s"), EventList: one})
	require.Equal(t, "InvalidInputException", code)
	require.Equal(t, "The dataset group "+group+" has no ACTIVE Interactions dataset for the events of tracking ID "+trackingID+".", msg)
	p.interactions(t, group)

	// Keys Personalize sets from the event itself are refused in properties, whatever their case.
	for _, key := range []string{"userId", "sessionId", "eventType", "TIMESTAMP", "recommendationId", "impression"} {
		ev := click("i", start)
		ev.Properties = aws.String(`{"genre": "comedy", "` + key + `": "x"}`)
		_, msg = put(&personalizeevents.PutEventsInput{TrackingId: aws.String(trackingID), SessionId: aws.String("s"), EventList: []types.Event{ev}})
		require.Contains(t, msg, "Value at 'eventList.1.member.properties' failed to satisfy constraint: the key \""+key+"\" is reserved", key)
	}

	code, msg = put(&personalizeevents.PutEventsInput{TrackingId: aws.String("00000000-0000-4000-8000-000000000000"), SessionId: aws.String("s"), EventList: one})
	require.Equal(t, "InvalidInputException", code)
	require.Contains(t, msg, "does not belong to an event tracker")

	eleven := make([]types.Event, 11)
	for i := range eleven {
		eleven[i] = click("i", start)
	}
	_, msg = put(&personalizeevents.PutEventsInput{TrackingId: aws.String(trackingID), SessionId: aws.String("s"), EventList: eleven})
	// Event is a sensitive structure (it holds itemId and properties), so the list's value is
	// left out of the message, as for any sensitive member.
	require.Equal(t, "1 validation error detected: Value at 'eventList' failed to satisfy constraint: Member must have length less than or equal to 10", msg)

	for _, props := range []string{"[1]", "not json", `"s"`, "{"} {
		ev := click("i", start)
		ev.Properties = aws.String(props)
		_, msg = put(&personalizeevents.PutEventsInput{TrackingId: aws.String(trackingID), SessionId: aws.String("s"), EventList: []types.Event{ev}})
		require.Contains(t, msg, "eventList.1.member.properties", props)
	}
	ev := click("i", start)
	ev.Properties = aws.String(`{"k":"` + strings.Repeat("x", 1020) + `"}`)
	_, msg = put(&personalizeevents.PutEventsInput{TrackingId: aws.String(trackingID), SessionId: aws.String("s"), EventList: []types.Event{ev}})
	require.Equal(t, "1 validation error detected: Value at 'eventList.1.member.properties' failed to satisfy constraint: Member must have length less than or equal to 1024", msg,
		"properties is sensitive: its value stays out of the message")
	require.Empty(t, p.f.Events(group), "no refused call recorded an event")

	// Deleting the tracker stops its events at once.
	_, err = events.PutEvents(ctx, &personalizeevents.PutEventsInput{TrackingId: aws.String(trackingID), SessionId: aws.String("s"), EventList: one})
	require.NoError(t, err)
	_, err = p.pz.DeleteEventTracker(p.ctx, &personalize.DeleteEventTrackerInput{EventTrackerArn: out.EventTrackerArn})
	require.NoError(t, err)
	code, _ = put(&personalizeevents.PutEventsInput{TrackingId: aws.String(trackingID), SessionId: aws.String("s"), EventList: one})
	require.Equal(t, "InvalidInputException", code)
	require.Len(t, p.f.Events(group), 1)
}

// Events are gone with their dataset group the moment its deletion finishes, without waiting
// for an unrelated call to purge the group.
func TestEventsGoWithTheirDatasetGroup(t *testing.T) {
	t.Parallel()
	clk := mockClock()
	life := fake.Lifecycle{DeletePending: time.Second, DeleteInProgress: time.Second}
	f := fake.New(fake.WithClock(clk), fake.WithLifecycle(fake.DatasetGroups, life), fake.WithLifecycle(fake.EventTrackers, life),
		fake.WithLifecycle(fake.Datasets, life),
		fake.WithScenario(scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "shop",
			EventTracker: &scenario.EventTracker{Name: "clicks", TrackingID: "11111111-2222-4333-8444-555555555555"}})))
	group := "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop"
	_, err := personalizeevents.NewFromConfig(f.AWSConfig()).PutEvents(context.Background(), &personalizeevents.PutEventsInput{
		TrackingId: aws.String("11111111-2222-4333-8444-555555555555"), SessionId: aws.String("s"),
		EventList: []types.Event{click("i", start)}})
	require.NoError(t, err)
	require.Len(t, f.Events(group), 1)

	pz := f.Personalize()
	trackers, err := pz.ListEventTrackers(ctx(), &personalize.ListEventTrackersInput{DatasetGroupArn: &group})
	require.NoError(t, err)
	_, err = pz.DeleteEventTracker(ctx(), &personalize.DeleteEventTrackerInput{EventTrackerArn: trackers.EventTrackers[0].EventTrackerArn})
	require.NoError(t, err)
	_, err = pz.DeleteDataset(ctx(), &personalize.DeleteDatasetInput{DatasetArn: aws.String("arn:aws:personalize:us-east-1:123456789012:dataset/shop/INTERACTIONS")})
	require.NoError(t, err)
	clk.Add(2 * time.Second)
	_, err = pz.DeleteDatasetGroup(ctx(), &personalize.DeleteDatasetGroupInput{DatasetGroupArn: &group})
	require.NoError(t, err)
	require.Len(t, f.Events(group), 1, "still there while the group is being deleted")
	clk.Add(2 * time.Second)
	require.Nil(t, f.Events(group), "gone with the group, no other call needed")
}
