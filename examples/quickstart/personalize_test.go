package quickstart_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	eventtypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

func TestTrackClicks(t *testing.T) {
	ctx := context.Background()
	clk := clock.NewMock()
	f := fake.ForTest(t, fake.WithClock(clk))
	pz := personalize.NewFromConfig(f.AWSConfig())       // or f.Personalize(), the typed door
	ev := personalizeevents.NewFromConfig(f.AWSConfig()) // or f.PersonalizeEvents()

	group, err := pz.CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("shop")})
	require.NoError(t, err)
	clk.Add(time.Minute) // CREATE PENDING, CREATE IN_PROGRESS, then ACTIVE

	// PutEvents appends to the group's Interactions dataset, whose schema needs USER_ID,
	// ITEM_ID and TIMESTAMP; items go to an Items dataset (ITEM_ID and fields of your own).
	schemas := map[string]string{
		"Interactions": `{"type": "record", "name": "Interactions", "fields": [{"name": "USER_ID", "type": "string"},
			{"name": "ITEM_ID", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}]}`,
		"Items": `{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": "string"},
			{"name": "PRICE", "type": "float"}]}`,
	}
	datasets := map[string]string{} // type -> ARN
	for typ, schema := range schemas {
		s, err := pz.CreateSchema(ctx, &personalize.CreateSchemaInput{Name: aws.String("shop-" + typ), Schema: aws.String(schema)})
		require.NoError(t, err)
		d, err := pz.CreateDataset(ctx, &personalize.CreateDatasetInput{Name: aws.String("shop-" + typ),
			DatasetGroupArn: group.DatasetGroupArn, DatasetType: aws.String(typ), SchemaArn: s.SchemaArn})
		require.NoError(t, err)
		datasets[typ] = *d.DatasetArn
	}
	tracker, err := pz.CreateEventTracker(ctx, &personalize.CreateEventTrackerInput{Name: aws.String("clicks"),
		DatasetGroupArn: group.DatasetGroupArn})
	require.NoError(t, err)
	clk.Add(time.Minute) // the datasets and the tracker are ACTIVE

	_, err = ev.PutEvents(ctx, &personalizeevents.PutEventsInput{TrackingId: tracker.TrackingId,
		SessionId: aws.String("s1"), UserId: aws.String("u1"),
		EventList: []eventtypes.Event{{EventType: aws.String("click"), ItemId: aws.String("boot"), SentAt: aws.Time(clk.Now())}}})
	require.NoError(t, err)
	_, err = ev.PutItems(ctx, &personalizeevents.PutItemsInput{DatasetArn: aws.String(datasets["Items"]),
		Items: []eventtypes.Item{
			{ItemId: aws.String("boot"), Properties: aws.String(`{"price": 59.9}`)},
			{ItemId: aws.String("hat"), Properties: aws.String(`{"price": "cheap", "colour": "red"}`)}}})
	require.NoError(t, err)

	events := f.Events(*group.DatasetGroupArn) // what PutEvents accepted
	require.Len(t, events, 1)
	require.Equal(t, "boot", events[0].ItemID)
	items := f.Records(datasets["Items"]) // what the Items dataset holds, checked against its schema
	require.Empty(t, items[0].Mismatches)
	require.Equal(t, []string{`the property "colour" is no field of the schema`,
		`the property "price" is "cheap", and the field PRICE is float`}, items[1].Mismatches)
}
