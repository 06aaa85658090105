package sdkv1

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/awserr"
	"github.com/aws/aws-sdk-go/service/personalize"
	"github.com/aws/aws-sdk-go/service/personalizeevents"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// Schemas that suit each type of dataset.
const (
	interactionsSchema = `{"type": "record", "name": "Interactions", "fields": [{"name": "USER_ID", "type": "string"},
		{"name": "ITEM_ID", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}]}`
	itemsSchema = `{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": "string"},
		{"name": "GENRES", "type": ["null", "string"], "categorical": true}]}`
	// itemsSchemaV2 keeps every field of itemsSchema and adds a nullable one: it can replace it.
	itemsSchemaV2 = `{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": "string"},
		{"name": "GENRES", "type": ["null", "string"], "categorical": true}, {"name": "PRICE", "type": ["null", "float"]}]}`
	usersSchema = `{"type": "record", "name": "Users", "fields": [{"name": "USER_ID", "type": "string"},
		{"name": "AGE", "type": ["null", "int"]}]}`
	actionsSchema = `{"type": "record", "name": "Actions", "fields": [{"name": "ACTION_ID", "type": "string"},
		{"name": "CATEGORY", "type": ["null", "string"], "categorical": true}]}`
	actionInteractionsSchema = `{"type": "record", "name": "ActionInteractions", "fields": [{"name": "USER_ID", "type": "string"},
		{"name": "ACTION_ID", "type": "string"}, {"name": "EVENT_TYPE", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}]}`
)

// failure returns the code and HTTP status of an SDK v1 error, failing if it is none.
func failure(t *testing.T, err error) (string, int) {
	t.Helper()
	var rf awserr.RequestFailure
	require.True(t, errors.As(err, &rf), "not a request failure: %v", err)
	return rf.Code(), rf.StatusCode()
}

// activeGroup creates a dataset group and waits until it is ACTIVE.
func (w *world) activeGroup(t *testing.T, name string) *string {
	t.Helper()
	out, err := w.pz.CreateDatasetGroup(&personalize.CreateDatasetGroupInput{Name: aws.String(name)})
	require.NoError(t, err)
	w.clk.Add(time.Minute)
	return out.DatasetGroupArn
}

// activeDataset creates a schema and a dataset of a type with it, and waits until it is ACTIVE.
func (w *world) activeDataset(t *testing.T, group *string, typ, schema string) *string {
	t.Helper()
	s, err := w.pz.CreateSchema(&personalize.CreateSchemaInput{Name: aws.String(fmt.Sprintf("%s-%d", typ, w.clk.Now().UnixNano())), Schema: aws.String(schema)})
	require.NoError(t, err)
	d, err := w.pz.CreateDataset(&personalize.CreateDatasetInput{Name: aws.String(typ), DatasetGroupArn: group,
		DatasetType: aws.String(typ), SchemaArn: s.SchemaArn})
	require.NoError(t, err)
	w.clk.Add(time.Minute)
	return d.DatasetArn
}

func TestSchemas(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	out, err := w.pz.CreateSchema(&personalize.CreateSchemaInput{Name: aws.String("items"), Schema: aws.String(itemsSchema)})
	require.NoError(t, err)
	require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:schema/items", aws.StringValue(out.SchemaArn))

	d, err := w.pz.DescribeSchema(&personalize.DescribeSchemaInput{SchemaArn: out.SchemaArn})
	require.NoError(t, err)
	require.Equal(t, itemsSchema, aws.StringValue(d.Schema.Schema), "verbatim")
	require.Equal(t, "items", aws.StringValue(d.Schema.Name))
	require.Equal(t, start, aws.TimeValue(d.Schema.CreationDateTime).UTC())
	require.Nil(t, d.Schema.Domain)

	_, err = w.pz.CreateSchema(&personalize.CreateSchemaInput{Name: aws.String("items"), Schema: aws.String(itemsSchema)})
	require.Equal(t, personalize.ErrCodeResourceAlreadyExistsException, code(t, err))
	require.Contains(t, err.Error(), "Another resource with Arn arn:aws:personalize:us-east-1:123456789012:schema/items already exists.")
	_, err = w.pz.CreateSchema(&personalize.CreateSchemaInput{Name: aws.String("nested"),
		Schema: aws.String(`{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": {"type": "array", "items": "string"}}]}`)})
	require.Equal(t, personalize.ErrCodeInvalidInputException, code(t, err))

	for i := range 4 {
		_, err := w.pz.CreateSchema(&personalize.CreateSchemaInput{Name: aws.String(fmt.Sprintf("s%d", i)), Schema: aws.String(usersSchema),
			Domain: aws.String("VIDEO_ON_DEMAND")})
		require.NoError(t, err)
		w.clk.Add(time.Second)
	}
	var names []string
	pages := 0
	err = w.pz.ListSchemasPages(&personalize.ListSchemasInput{MaxResults: aws.Int64(2)}, func(page *personalize.ListSchemasOutput, last bool) bool {
		pages++
		for _, s := range page.Schemas {
			names = append(names, aws.StringValue(s.Name))
		}
		return true
	})
	require.NoError(t, err)
	require.Equal(t, []string{"s3", "s2", "s1", "s0", "items"}, names)
	require.Equal(t, 3, pages)
	_, err = w.pz.ListSchemas(&personalize.ListSchemasInput{NextToken: aws.String("forged")})
	require.Equal(t, personalize.ErrCodeInvalidNextTokenException, code(t, err))

	// A schema a dataset uses cannot be deleted.
	g := w.activeGroup(t, "g")
	_, err = w.pz.CreateDataset(&personalize.CreateDatasetInput{Name: aws.String("i"), DatasetGroupArn: g, DatasetType: aws.String("ITEMS"), SchemaArn: out.SchemaArn})
	require.NoError(t, err)
	_, err = w.pz.DeleteSchema(&personalize.DeleteSchemaInput{SchemaArn: out.SchemaArn})
	require.Equal(t, personalize.ErrCodeResourceInUseException, code(t, err))
	_, err = w.pz.DeleteSchema(&personalize.DeleteSchemaInput{SchemaArn: aws.String("arn:aws:personalize:us-east-1:123456789012:schema/s0")})
	require.NoError(t, err)
	_, err = w.pz.DescribeSchema(&personalize.DescribeSchemaInput{SchemaArn: aws.String("arn:aws:personalize:us-east-1:123456789012:schema/s0")})
	require.Equal(t, personalize.ErrCodeResourceNotFoundException, code(t, err))
}

func TestDatasets(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	young, err := w.pz.CreateDatasetGroup(&personalize.CreateDatasetGroupInput{Name: aws.String("young")})
	require.NoError(t, err)
	items, err := w.pz.CreateSchema(&personalize.CreateSchemaInput{Name: aws.String("items"), Schema: aws.String(itemsSchema)})
	require.NoError(t, err)
	in := &personalize.CreateDatasetInput{Name: aws.String("catalogue"), DatasetGroupArn: young.DatasetGroupArn,
		DatasetType: aws.String("items"), SchemaArn: items.SchemaArn, Tags: []*personalize.Tag{{TagKey: aws.String("team"), TagValue: aws.String("ml")}}}
	_, err = w.pz.CreateDataset(in)
	require.Equal(t, personalize.ErrCodeResourceInUseException, code(t, err), "the group is not ACTIVE yet")
	w.clk.Add(time.Minute)

	ds, err := w.pz.CreateDataset(in)
	require.NoError(t, err)
	require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:dataset/young/ITEMS", aws.StringValue(ds.DatasetArn))
	_, err = w.pz.CreateDataset(in)
	require.Equal(t, personalize.ErrCodeResourceAlreadyExistsException, code(t, err), "one dataset of each type")
	_, err = w.pz.CreateDataset(&personalize.CreateDatasetInput{Name: aws.String("x"), DatasetGroupArn: young.DatasetGroupArn,
		DatasetType: aws.String("Users"), SchemaArn: items.SchemaArn})
	require.Equal(t, personalize.ErrCodeInvalidInputException, code(t, err), "an Items schema for a Users dataset")
	_, err = w.pz.CreateDataset(&personalize.CreateDatasetInput{Name: aws.String("x"), DatasetGroupArn: aws.String("arn:aws:personalize:us-east-1:123456789012:dataset-group/none"),
		DatasetType: aws.String("Users"), SchemaArn: items.SchemaArn})
	require.Equal(t, personalize.ErrCodeResourceNotFoundException, code(t, err))

	for _, want := range []string{"CREATE PENDING", "CREATE IN_PROGRESS", "ACTIVE"} {
		d, err := w.pz.DescribeDataset(&personalize.DescribeDatasetInput{DatasetArn: ds.DatasetArn})
		require.NoError(t, err)
		require.Equal(t, want, aws.StringValue(d.Dataset.Status))
		require.Equal(t, "ITEMS", aws.StringValue(d.Dataset.DatasetType))
		require.Equal(t, aws.StringValue(young.DatasetGroupArn), aws.StringValue(d.Dataset.DatasetGroupArn))
		w.clk.Add(10 * time.Second)
	}
	tags, err := w.pz.ListTagsForResource(&personalize.ListTagsForResourceInput{ResourceArn: ds.DatasetArn})
	require.NoError(t, err)
	require.Len(t, tags.Tags, 1)

	// UpdateDataset replaces an Items schema with one that keeps every field.
	v2, err := w.pz.CreateSchema(&personalize.CreateSchemaInput{Name: aws.String("items-v2"), Schema: aws.String(itemsSchemaV2)})
	require.NoError(t, err)
	up, err := w.pz.UpdateDataset(&personalize.UpdateDatasetInput{DatasetArn: ds.DatasetArn, SchemaArn: v2.SchemaArn})
	require.NoError(t, err)
	require.Equal(t, aws.StringValue(ds.DatasetArn), aws.StringValue(up.DatasetArn))
	for _, want := range []string{"UPDATE PENDING", "UPDATE IN_PROGRESS", "ACTIVE"} {
		d, err := w.pz.DescribeDataset(&personalize.DescribeDatasetInput{DatasetArn: ds.DatasetArn})
		require.NoError(t, err)
		require.Equal(t, want, aws.StringValue(d.Dataset.Status))
		require.Equal(t, want, aws.StringValue(d.Dataset.LatestDatasetUpdate.Status))
		require.Equal(t, aws.StringValue(v2.SchemaArn), aws.StringValue(d.Dataset.LatestDatasetUpdate.SchemaArn))
		w.clk.Add(time.Minute)
	}
	// The old schema is free again; an update that drops a field is refused.
	_, err = w.pz.UpdateDataset(&personalize.UpdateDatasetInput{DatasetArn: ds.DatasetArn, SchemaArn: items.SchemaArn})
	require.Equal(t, personalize.ErrCodeInvalidInputException, code(t, err))
	_, err = w.pz.DeleteSchema(&personalize.DeleteSchemaInput{SchemaArn: items.SchemaArn})
	require.NoError(t, err)

	users := w.activeDataset(t, young.DatasetGroupArn, "Users", usersSchema)
	var listed []string
	err = w.pz.ListDatasetsPages(&personalize.ListDatasetsInput{DatasetGroupArn: young.DatasetGroupArn, MaxResults: aws.Int64(1)},
		func(page *personalize.ListDatasetsOutput, last bool) bool {
			for _, d := range page.Datasets {
				listed = append(listed, aws.StringValue(d.DatasetType)+" "+aws.StringValue(d.Status))
			}
			return true
		})
	require.NoError(t, err)
	require.Equal(t, []string{"USERS ACTIVE", "ITEMS ACTIVE"}, listed)
	_, err = w.pz.ListDatasets(&personalize.ListDatasetsInput{NextToken: aws.String("forged")})
	require.Equal(t, personalize.ErrCodeInvalidNextTokenException, code(t, err))

	// A group with datasets cannot be deleted; a dataset goes through DELETE PENDING.
	_, err = w.pz.DeleteDatasetGroup(&personalize.DeleteDatasetGroupInput{DatasetGroupArn: young.DatasetGroupArn})
	require.Equal(t, personalize.ErrCodeResourceInUseException, code(t, err))
	for _, arn := range []*string{ds.DatasetArn, users} {
		_, err = w.pz.DeleteDataset(&personalize.DeleteDatasetInput{DatasetArn: arn})
		require.NoError(t, err)
	}
	d, err := w.pz.DescribeDataset(&personalize.DescribeDatasetInput{DatasetArn: users})
	require.NoError(t, err)
	require.Equal(t, "DELETE PENDING", aws.StringValue(d.Dataset.Status))
	_, err = w.pz.DeleteDataset(&personalize.DeleteDatasetInput{DatasetArn: users})
	require.Equal(t, personalize.ErrCodeResourceInUseException, code(t, err))
	w.clk.Add(time.Minute)
	_, err = w.pz.DescribeDataset(&personalize.DescribeDatasetInput{DatasetArn: users})
	require.Equal(t, personalize.ErrCodeResourceNotFoundException, code(t, err))
	_, err = w.pz.DeleteDatasetGroup(&personalize.DeleteDatasetGroupInput{DatasetGroupArn: young.DatasetGroupArn})
	require.NoError(t, err)
}

// The four data-plane puts through SDK v1's personalizeevents client, with the Events model's
// statuses: 404 ResourceNotFoundException, 409 ResourceInUseException, 400 InvalidInputException.
func TestDataPlane(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	g := w.activeGroup(t, "shop")
	items := w.activeDataset(t, g, "Items", itemsSchema)
	users := w.activeDataset(t, g, "Users", usersSchema)
	actions := w.activeDataset(t, g, "Actions", actionsSchema)
	ai := w.activeDataset(t, g, "Action_Interactions", actionInteractionsSchema)
	aid, err := w.pz.DescribeDataset(&personalize.DescribeDatasetInput{DatasetArn: ai})
	require.NoError(t, err)
	trackingID := aid.Dataset.TrackingId
	require.Regexp(t, `^[0-9a-f-]{36}$`, aws.StringValue(trackingID), "an Action interactions dataset has its own tracker")

	_, err = w.events.PutItems(&personalizeevents.PutItemsInput{DatasetArn: items, Items: []*personalizeevents.Item{
		{ItemId: aws.String("i1"), Properties: aws.JSONValue{"genres": "Horror|Action"}},
		{ItemId: aws.String("i2"), Properties: aws.JSONValue{"colour": "red"}},
	}})
	require.NoError(t, err)
	_, err = w.events.PutItems(&personalizeevents.PutItemsInput{DatasetArn: items, Items: []*personalizeevents.Item{
		{ItemId: aws.String("i1"), Properties: aws.JSONValue{"genres": "Horror"}}}})
	require.NoError(t, err)
	_, err = w.events.PutUsers(&personalizeevents.PutUsersInput{DatasetArn: users, Users: []*personalizeevents.User{
		{UserId: aws.String("u1"), Properties: aws.JSONValue{"age": 31}}}})
	require.NoError(t, err)
	_, err = w.events.PutActions(&personalizeevents.PutActionsInput{DatasetArn: actions, Actions: []*personalizeevents.Action{
		{ActionId: aws.String("a1"), Properties: aws.String(`{"category": "upsell"}`)}}})
	require.NoError(t, err)
	_, err = w.events.PutActionInteractions(&personalizeevents.PutActionInteractionsInput{TrackingId: trackingID,
		ActionInteractions: []*personalizeevents.ActionInteraction{{ActionId: aws.String("a1"), UserId: aws.String("u1"),
			SessionId: aws.String("s1"), EventType: aws.String("Taken"), Timestamp: aws.Time(start.Add(90 * time.Second))}}})
	require.NoError(t, err)

	got := w.f.Records(aws.StringValue(items))
	require.Len(t, got, 2)
	require.Equal(t, `{"genres":"Horror"}`, got[0].Properties, "a repeated id replaces the item (SDK v1 sends the JSONValue compact)")
	require.Empty(t, got[0].Mismatches)
	require.Equal(t, []string{`the property "colour" is no field of the schema`}, got[1].Mismatches)
	require.Equal(t, "u1", w.f.Records(aws.StringValue(users))[0].UserID)
	require.Equal(t, "a1", w.f.Records(aws.StringValue(actions))[0].ActionID)
	interactions := w.f.Records(aws.StringValue(ai))
	require.Len(t, interactions, 1)
	require.Equal(t, start.Add(90*time.Second), interactions[0].Timestamp.UTC())
	require.Empty(t, interactions[0].Mismatches)

	// Refusals, with the codes and statuses the Events model gives them.
	young, err := w.pz.CreateDatasetGroup(&personalize.CreateDatasetGroupInput{Name: aws.String("young")})
	require.NoError(t, err)
	w.clk.Add(time.Minute)
	schema, err := w.pz.CreateSchema(&personalize.CreateSchemaInput{Name: aws.String("pending-users"), Schema: aws.String(usersSchema)})
	require.NoError(t, err)
	pending, err := w.pz.CreateDataset(&personalize.CreateDatasetInput{Name: aws.String("u"), DatasetGroupArn: young.DatasetGroupArn,
		DatasetType: aws.String("Users"), SchemaArn: schema.SchemaArn})
	require.NoError(t, err)
	cases := []struct {
		name   string
		call   func() error
		code   string
		status int
	}{
		{"no such dataset", func() error {
			_, err := w.events.PutItems(&personalizeevents.PutItemsInput{DatasetArn: aws.String("arn:aws:personalize:us-east-1:123456789012:dataset/none/ITEMS"),
				Items: []*personalizeevents.Item{{ItemId: aws.String("i")}}})
			return err
		}, personalizeevents.ErrCodeResourceNotFoundException, 404},
		{"dataset not ACTIVE", func() error {
			_, err := w.events.PutUsers(&personalizeevents.PutUsersInput{DatasetArn: pending.DatasetArn,
				Users: []*personalizeevents.User{{UserId: aws.String("u")}}})
			return err
		}, personalizeevents.ErrCodeResourceInUseException, 409},
		{"dataset of another type", func() error {
			_, err := w.events.PutActions(&personalizeevents.PutActionsInput{DatasetArn: items,
				Actions: []*personalizeevents.Action{{ActionId: aws.String("a")}}})
			return err
		}, personalizeevents.ErrCodeInvalidInputException, 400},
		{"properties not JSON", func() error {
			_, err := w.events.PutActions(&personalizeevents.PutActionsInput{DatasetArn: actions,
				Actions: []*personalizeevents.Action{{ActionId: aws.String("a"), Properties: aws.String("category=upsell")}}})
			return err
		}, personalizeevents.ErrCodeInvalidInputException, 400},
		{"eleven items", func() error {
			list := make([]*personalizeevents.Item, 11)
			for i := range list {
				list[i] = &personalizeevents.Item{ItemId: aws.String(fmt.Sprint(i))}
			}
			_, err := w.events.PutItems(&personalizeevents.PutItemsInput{DatasetArn: items, Items: list})
			return err
		}, personalizeevents.ErrCodeInvalidInputException, 400},
		{"unknown action tracking id", func() error {
			_, err := w.events.PutActionInteractions(&personalizeevents.PutActionInteractionsInput{TrackingId: aws.String("unknown"),
				ActionInteractions: []*personalizeevents.ActionInteraction{{ActionId: aws.String("a1"), SessionId: aws.String("s1"),
					EventType: aws.String("Taken"), Timestamp: aws.Time(start)}}})
			return err
		}, personalizeevents.ErrCodeResourceNotFoundException, 404},
		{"reserved property key", func() error {
			_, err := w.events.PutActionInteractions(&personalizeevents.PutActionInteractionsInput{TrackingId: trackingID,
				ActionInteractions: []*personalizeevents.ActionInteraction{{ActionId: aws.String("a1"), SessionId: aws.String("s1"),
					EventType: aws.String("Taken"), Timestamp: aws.Time(start), Properties: aws.String(`{"userId": "u2"}`)}}})
			return err
		}, personalizeevents.ErrCodeInvalidInputException, 400},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, status := failure(t, c.call())
			require.Equal(t, c.code, code)
			require.Equal(t, c.status, status)
		})
	}
	require.Len(t, w.f.Records(aws.StringValue(items)), 2, "refused calls change nothing")
}

// PutEvents lands in the Interactions dataset, which must be there.
func TestPutEventsNeedsTheInteractionsDataset(t *testing.T) {
	t.Parallel()
	w := newWorld(t, fake.WithLifecycle(fake.EventTrackers, fake.Lifecycle{}))
	g := w.activeGroup(t, "shop")
	tr, err := w.pz.CreateEventTracker(&personalize.CreateEventTrackerInput{Name: aws.String("t"), DatasetGroupArn: g})
	require.NoError(t, err)
	in := &personalizeevents.PutEventsInput{TrackingId: tr.TrackingId, SessionId: aws.String("s"), UserId: aws.String("u"),
		EventList: []*personalizeevents.Event{{EventType: aws.String("click"), ItemId: aws.String("i"), SentAt: aws.Time(start)}}}
	_, err = w.events.PutEvents(in)
	code, status := failure(t, err)
	require.Equal(t, personalizeevents.ErrCodeInvalidInputException, code)
	require.Equal(t, 400, status)

	ds := w.activeDataset(t, g, "Interactions", interactionsSchema)
	_, err = w.events.PutEvents(in)
	require.NoError(t, err)
	got := w.f.Records(aws.StringValue(ds))
	require.Len(t, got, 1)
	require.Equal(t, "i", got[0].ItemID)
	require.Empty(t, got[0].Mismatches)
}
