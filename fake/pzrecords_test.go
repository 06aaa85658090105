package fake_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	petypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

func TestPutItemsUsersActions(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		g := e.group(t, "shop", "")
		items := e.dataset(t, g, "Items", e.schema(t, "items", itemsSchema))
		users := e.dataset(t, g, "Users", e.schema(t, "users", usersSchema))
		actions := e.dataset(t, g, "Actions", e.schema(t, "actions", actionsSchema))

		_, err := e.ev.PutItems(e.ctx, &personalizeevents.PutItemsInput{DatasetArn: &items, Items: []petypes.Item{
			{ItemId: aws.String("i1"), Properties: aws.String(`{"genres": "Horror|Action", "price": 9.5}`)},
			{ItemId: aws.String("i2"), Properties: aws.String(`{"genres": "Comedy", "colour": "red", "price": "cheap"}`)},
			{ItemId: aws.String("i3")},
		}})
		require.NoError(t, err)
		put := e.clk.Now()
		e.clk.Add(time.Second)
		// A repeated id replaces the earlier record, where it was.
		_, err = e.ev.PutItems(e.ctx, &personalizeevents.PutItemsInput{DatasetArn: &items, Items: []petypes.Item{
			{ItemId: aws.String("i1"), Properties: aws.String(`{"genres": "Horror"}`)}}})
		require.NoError(t, err)
		require.Equal(t, []fake.Record{
			{DatasetType: "ITEMS", ID: "i1", ItemID: "i1", Properties: `{"genres": "Horror"}`, ReceivedAt: put.Add(time.Second)},
			{DatasetType: "ITEMS", ID: "i2", ItemID: "i2", Properties: `{"genres": "Comedy", "colour": "red", "price": "cheap"}`, ReceivedAt: put,
				Mismatches: []string{`the property "colour" is no field of the schema`, `the property "price" is "cheap", and the field PRICE is [float, null]`}},
			{DatasetType: "ITEMS", ID: "i3", ItemID: "i3", ReceivedAt: put},
		}, e.f.Records(items))

		_, err = e.ev.PutUsers(e.ctx, &personalizeevents.PutUsersInput{DatasetArn: &users, Users: []petypes.User{
			{UserId: aws.String("u1"), Properties: aws.String(`{"age": 31}`)}, {UserId: aws.String("u2"), Properties: aws.String(`{"age": 1.5}`)}}})
		require.NoError(t, err)
		got := e.f.Records(users)
		require.Len(t, got, 2)
		require.Empty(t, got[0].Mismatches)
		require.Equal(t, []string{`the property "age" is 1.5, and the field AGE is [int, null]`}, got[1].Mismatches)

		_, err = e.ev.PutActions(e.ctx, &personalizeevents.PutActionsInput{DatasetArn: &actions, Actions: []petypes.Action{
			{ActionId: aws.String("a1"), Properties: aws.String(`{"category": "upsell"}`)}}})
		require.NoError(t, err)
		require.Equal(t, "a1", e.f.Records(actions)[0].ActionID)

		// Refusals: the wrong type of dataset, no such dataset, properties that are not a JSON
		// object, too many records.
		for _, c := range []struct {
			name string
			in   *personalizeevents.PutItemsInput
			code string
			msg  string
		}{
			{"a Users dataset", &personalizeevents.PutItemsInput{DatasetArn: &users, Items: []petypes.Item{{ItemId: aws.String("x")}}},
				"InvalidInputException", "The dataset " + users + " is a USERS dataset, not ITEMS."},
			{"no such dataset", &personalizeevents.PutItemsInput{DatasetArn: aws.String(g[:len(g)-4] + "none/ITEMS"), Items: []petypes.Item{{ItemId: aws.String("x")}}},
				"ResourceNotFoundException", "Could not find resource"},
			{"not an object", &personalizeevents.PutItemsInput{DatasetArn: &items, Items: []petypes.Item{{ItemId: aws.String("x")}, {ItemId: aws.String("y"), Properties: aws.String("[1]")}}},
				"InvalidInputException", "Value at 'items.2.member.properties' failed to satisfy constraint: Member must be a JSON object"},
			{"eleven items", &personalizeevents.PutItemsInput{DatasetArn: &items, Items: make([]petypes.Item, 11)},
				"InvalidInputException", "Value at 'items' failed to satisfy constraint: Member must have length less than or equal to 10"},
		} {
			if c.name == "eleven items" {
				for i := range c.in.Items {
					c.in.Items[i].ItemId = aws.String("i")
				}
			}
			_, err := e.ev.PutItems(e.ctx, c.in)
			code, msg := apiError(t, err)
			require.Equal(t, c.code, code, c.name)
			require.Contains(t, msg, c.msg, c.name)
		}
		require.Len(t, e.f.Records(items), 3, "a refused call puts nothing")
	})
}

// The data-plane errors carry Personalize Events' modelled statuses: 404 and 409.
func TestDataPlaneStatuses(t *testing.T) {
	t.Parallel()
	clk := mockClock()
	f := fake.New(fake.WithClock(clk))
	pz := f.Personalize()
	g, err := pz.CreateDatasetGroup(ctx(), &personalize.CreateDatasetGroupInput{Name: aws.String("shop")})
	require.NoError(t, err)
	clk.Add(time.Minute)
	s, err := pz.CreateSchema(ctx(), &personalize.CreateSchemaInput{Name: aws.String("items"), Schema: aws.String(itemsSchema)})
	require.NoError(t, err)
	d, err := pz.CreateDataset(ctx(), &personalize.CreateDatasetInput{Name: aws.String("d"), DatasetGroupArn: g.DatasetGroupArn, DatasetType: aws.String("ITEMS"), SchemaArn: s.SchemaArn})
	require.NoError(t, err)
	h := f.Handler()
	body := func(arn string) string {
		return `{"datasetArn": "` + arn + `", "items": [{"itemId": "i"}]}`
	}
	status, hdr, doc := rawCall(t, h, "POST", "/items", jsonContent, body(*d.DatasetArn))
	require.Equal(t, http.StatusConflict, status, "CREATE PENDING: %v", doc)
	require.Equal(t, "ResourceInUseException", hdr.Get("X-Amzn-Errortype"))
	status, _, _ = rawCall(t, h, "POST", "/items", jsonContent, body(*g.DatasetGroupArn+"x"))
	require.Equal(t, http.StatusNotFound, status)
	clk.Add(time.Minute)
	status, _, _ = rawCall(t, h, "POST", "/items", jsonContent, body(*d.DatasetArn))
	require.Equal(t, http.StatusOK, status)
}

func TestPutActionInteractions(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		g := e.group(t, "shop", "")
		arn := e.dataset(t, g, "Action_Interactions", e.schema(t, "ai", actionInteractionsSchema))
		d, err := e.pz.DescribeDataset(e.ctx, &personalize.DescribeDatasetInput{DatasetArn: &arn})
		require.NoError(t, err)
		require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:dataset/shop/ACTION_INTERACTIONS", arn)
		trackingID := aws.ToString(d.Dataset.TrackingId)
		require.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, trackingID)
		trackers, err := e.pz.ListEventTrackers(e.ctx, &personalize.ListEventTrackersInput{})
		require.NoError(t, err)
		require.Empty(t, trackers.EventTrackers, "its tracker is not an event tracker")

		at := start.Add(-time.Hour)
		_, err = e.ev.PutActionInteractions(e.ctx, &personalizeevents.PutActionInteractionsInput{TrackingId: &trackingID,
			ActionInteractions: []petypes.ActionInteraction{{ActionId: aws.String("a1"), SessionId: aws.String("s"), UserId: aws.String("u1"),
				EventType: aws.String("Taken"), Timestamp: &at, Properties: aws.String(`{"channel": "email"}`)}}})
		require.NoError(t, err)
		require.Equal(t, []fake.Record{{DatasetType: "ACTION_INTERACTIONS", ActionID: "a1", UserID: "u1", SessionID: "s", EventType: "Taken",
			Timestamp: at, Properties: `{"channel": "email"}`, ReceivedAt: e.clk.Now(),
			Mismatches: []string{`the property "channel" is no field of the schema`}}}, e.f.Records(arn))

		_, err = e.ev.PutActionInteractions(e.ctx, &personalizeevents.PutActionInteractionsInput{TrackingId: aws.String("nope"),
			ActionInteractions: []petypes.ActionInteraction{{ActionId: aws.String("a1"), SessionId: aws.String("s"), EventType: aws.String("Taken"), Timestamp: &at}}})
		code, _ := apiError(t, err)
		require.Equal(t, "ResourceNotFoundException", code)
		_, err = e.ev.PutActionInteractions(e.ctx, &personalizeevents.PutActionInteractionsInput{TrackingId: &trackingID,
			ActionInteractions: []petypes.ActionInteraction{{ActionId: aws.String("a1"), SessionId: aws.String("s"), EventType: aws.String("Taken"), Timestamp: &at,
				Properties: aws.String(`{"Impression": "x"}`)}}})
		code, msg := apiError(t, err)
		require.Equal(t, "InvalidInputException", code)
		require.Contains(t, msg, `the key "Impression" is reserved`)
	})
}

// PutEvents appends to the group's Interactions dataset, where Records reads them with their
// mismatches; WithEventsWithoutDataset accepts events for a group without one.
func TestEventsLandInTheInteractionsDataset(t *testing.T) {
	t.Parallel()
	s := scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "shop",
		EventTracker: &scenario.EventTracker{Name: "clicks", TrackingID: "11111111-2222-4333-8444-555555555555"}})
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		_, err := e.ev.PutEvents(e.ctx, &personalizeevents.PutEventsInput{TrackingId: aws.String("11111111-2222-4333-8444-555555555555"),
			SessionId: aws.String("s"), UserId: aws.String("u1"), EventList: []petypes.Event{
				{EventType: aws.String("click"), ItemId: aws.String("i1"), SentAt: aws.Time(start), Properties: aws.String(`{"device": "phone"}`)},
				{EventType: aws.String("click"), SentAt: aws.Time(start)},
			}})
		require.NoError(t, err)
		got := e.f.Records("arn:aws:personalize:us-east-1:123456789012:dataset/shop/INTERACTIONS")
		require.Len(t, got, 2)
		require.Equal(t, fake.Record{DatasetType: "INTERACTIONS", UserID: "u1", ItemID: "i1", SessionID: "s", EventType: "click",
			Timestamp: start, Properties: `{"device": "phone"}`, ReceivedAt: start,
			Mismatches: []string{`the property "device" is no field of the schema`}}, got[0])
		require.Equal(t, []string{"no value for the field ITEM_ID, which does not allow null"}, got[1].Mismatches)
		require.Len(t, e.f.Events("arn:aws:personalize:us-east-1:123456789012:dataset-group/shop"), 2)
		require.Nil(t, e.f.Records("arn:aws:personalize:us-east-1:123456789012:dataset/shop/ITEMS"))

		// The same through the control endpoint, for tests in other languages.
		status, _, raw := rawCallBytes(t, e.f.Handler(), "GET", "/_fake/records?datasetArn="+
			url.QueryEscape("arn:aws:personalize:us-east-1:123456789012:dataset/shop/INTERACTIONS"), nil, "")
		require.Equal(t, http.StatusOK, status)
		var viaHTTP []fake.Record
		require.NoError(t, json.Unmarshal(raw, &viaHTTP))
		require.Equal(t, got, viaHTTP)
		status, _, _ = rawCallBytes(t, e.f.Handler(), "GET", "/_fake/records?datasetArn=nope", nil, "")
		require.Equal(t, http.StatusNotFound, status)
	}, fake.WithScenario(s))

	lenient := scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "bare",
		EventTracker: &scenario.EventTracker{Name: "clicks", TrackingID: "11111111-2222-4333-8444-555555555555", NoInteractionsDataset: true}})
	for _, accept := range []bool{false, true} {
		opts := []fake.Option{fake.WithScenario(lenient)}
		if accept {
			opts = append(opts, fake.WithEventsWithoutDataset())
		}
		f := fake.New(opts...)
		_, err := f.PersonalizeEvents().PutEvents(ctx(), &personalizeevents.PutEventsInput{TrackingId: aws.String("11111111-2222-4333-8444-555555555555"),
			SessionId: aws.String("s"), EventList: []petypes.Event{{EventType: aws.String("click"), SentAt: aws.Time(start)}}})
		if accept {
			require.NoError(t, err)
			require.Len(t, f.Events("arn:aws:personalize:us-east-1:123456789012:dataset-group/bare"), 1)
		} else {
			code, _ := apiError(t, err)
			require.Equal(t, "InvalidInputException", code)
		}
	}
}
