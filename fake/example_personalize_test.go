package fake_test

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/benbjohnson/clock"

	"github.com/awsfake/awsfake/fake"
)

// The Personalize data plane, as README's section of that name shows it: a schema, a dataset
// of it, an event tracker, events and items, and what the datasets hold. Through the typed
// doors here; personalize.NewFromConfig(f.AWSConfig()) works the same.
func Example_personalizeDataPlane() {
	ctx := context.Background()
	clk := clock.NewMock()
	clk.Set(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	f := fake.New(fake.WithClock(clk))
	pz, ev := f.Personalize(), f.PersonalizeEvents()

	g, _ := pz.CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("shop")})
	clk.Add(time.Minute) // CREATE PENDING, CREATE IN_PROGRESS, ACTIVE
	dataset := func(typ, avro string) *string {
		s, _ := pz.CreateSchema(ctx, &personalize.CreateSchemaInput{Name: aws.String("shop-" + typ), Schema: aws.String(avro)})
		d, _ := pz.CreateDataset(ctx, &personalize.CreateDatasetInput{Name: aws.String("shop-" + typ),
			DatasetGroupArn: g.DatasetGroupArn, DatasetType: aws.String(typ), SchemaArn: s.SchemaArn})
		return d.DatasetArn
	}
	interactions := dataset("Interactions", `{"type": "record", "name": "Interactions", "fields": [
		{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}]}`)
	items := dataset("Items", `{"type": "record", "name": "Items", "fields": [
		{"name": "ITEM_ID", "type": "string"}, {"name": "PRICE", "type": "float"}]}`)
	tr, _ := pz.CreateEventTracker(ctx, &personalize.CreateEventTrackerInput{Name: aws.String("clicks"), DatasetGroupArn: g.DatasetGroupArn})
	clk.Add(time.Minute) // the datasets and the tracker are ACTIVE

	_, err := ev.PutEvents(ctx, &personalizeevents.PutEventsInput{TrackingId: tr.TrackingId, SessionId: aws.String("s1"),
		UserId: aws.String("u1"), EventList: []types.Event{{EventType: aws.String("click"), ItemId: aws.String("boot"), SentAt: aws.Time(clk.Now())}}})
	fmt.Println(err)
	_, err = ev.PutItems(ctx, &personalizeevents.PutItemsInput{DatasetArn: items, Items: []types.Item{
		{ItemId: aws.String("boot"), Properties: aws.String(`{"price": 59.9}`)},
		{ItemId: aws.String("hat"), Properties: aws.String(`{"price": "cheap", "colour": "red"}`)}}})
	fmt.Println(err)

	for _, arn := range []*string{interactions, items} {
		for _, r := range f.Records(*arn) {
			fmt.Printf("%s %s %s %q\n", r.DatasetType, r.ItemID, r.Properties, r.Mismatches)
		}
	}
	// Output:
	// <nil>
	// <nil>
	// INTERACTIONS boot  []
	// ITEMS boot {"price": 59.9} []
	// ITEMS hat {"price": "cheap", "colour": "red"} ["the property \"colour\" is no field of the schema" "the property \"price\" is \"cheap\", and the field PRICE is float"]
}
