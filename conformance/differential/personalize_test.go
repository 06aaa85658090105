package differential

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	pzv2 "github.com/aws/aws-sdk-go-v2/service/personalize"
	evv2 "github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	"github.com/benbjohnson/clock"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

var start = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

const (
	arn          = "arn:aws:personalize:us-east-1:123456789012:"
	interactions = `{"type": "record", "name": "Interactions", "fields": [{"name": "USER_ID", "type": "string"},
		{"name": "ITEM_ID", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"},
		{"name": "DEVICE", "type": ["null", "string"], "categorical": true}]}`
	items = `{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": "string"},
		{"name": "GENRES", "type": ["null", "string"], "categorical": true}]}`
	itemsV2 = `{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": "string"},
		{"name": "GENRES", "type": ["null", "string"], "categorical": true}, {"name": "PRICE", "type": ["null", "float"]}]}`
	users = `{"type": "record", "name": "Users", "fields": [{"name": "USER_ID", "type": "string"},
		{"name": "AGE", "type": ["null", "int"]}]}`
	actions = `{"type": "record", "name": "Actions", "fields": [{"name": "ACTION_ID", "type": "string"},
		{"name": "CATEGORY", "type": ["null", "string"], "categorical": true}]}`
	actionInteractions = `{"type": "record", "name": "ActionInteractions", "fields": [{"name": "USER_ID", "type": "string"},
		{"name": "ACTION_ID", "type": "string"}, {"name": "EVENT_TYPE", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}]}`
)

// run is one pass of the script through one client: the outcomes in order.
type run struct {
	c   client
	clk *clock.Mock
	out []outcome
}

func (r *run) pz(op string, in doc) doc { return r.call("personalize", op, in) }
func (r *run) ev(op string, in doc) doc { return r.call("personalize-events", op, in) }

func (r *run) call(service, op string, in doc) doc {
	oc := r.c.call(service, op, in)
	r.out = append(r.out, oc)
	return oc.Output
}

func tags(n int, prefix string) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = doc{"TagKey": fmt.Sprintf("%s%d", prefix, i), "TagValue": "v"}
	}
	return out
}

func str(d doc, path ...string) string {
	for _, p := range path[:len(path)-1] {
		d, _ = d[p].(doc)
	}
	s, _ := d[path[len(path)-1]].(string)
	return s
}

// script touches every supported Personalize and Personalize Events operation, with successes
// and every modelled error: not found, already exists, in use, invalid input, limit exceeded,
// too many tags, invalid next token, and the Events' 404 and 409.
func script(r *run) {
	group := arn + "dataset-group/shop"
	r.pz("CreateDatasetGroup", doc{"Name": "shop", "Tags": []any{doc{"TagKey": "team", "TagValue": "ml"}}})
	r.pz("CreateDatasetGroup", doc{"Name": "shop"})
	r.pz("CreateDatasetGroup", doc{"Name": "bad name!"})
	r.pz("CreateDatasetGroup", doc{"Name": "second", "Domain": "ECOMMERCE"})
	r.pz("CreateDatasetGroup", doc{"Name": "third"}) // past the quota of two
	r.pz("DescribeDatasetGroup", doc{"DatasetGroupArn": group})
	r.pz("DescribeDatasetGroup", doc{"DatasetGroupArn": arn + "dataset-group/none"})
	r.pz("CreateEventTracker", doc{"Name": "early", "DatasetGroupArn": group}) // the group is not ACTIVE
	page := r.pz("ListDatasetGroups", doc{"MaxResults": 1})
	r.pz("ListDatasetGroups", doc{"NextToken": str(page, "nextToken")})
	r.pz("ListDatasetGroups", doc{"NextToken": "forged"})
	r.pz("ListDatasetGroups", doc{"MaxResults": 101})
	r.clk.Add(time.Minute)

	r.pz("TagResource", doc{"ResourceArn": group, "Tags": tags(50, "k")}) // 51 with team
	r.pz("TagResource", doc{"ResourceArn": group, "Tags": tags(2, "env")})
	r.pz("UntagResource", doc{"ResourceArn": group, "TagKeys": []any{"env0"}})
	r.pz("ListTagsForResource", doc{"ResourceArn": group})
	r.pz("TagResource", doc{"ResourceArn": arn + "dataset-group/none", "Tags": tags(1, "k")})

	for _, s := range []struct{ name, avro string }{{"interactions", interactions}, {"items", items}, {"items-v2", itemsV2},
		{"users", users}, {"actions", actions}, {"action-interactions", actionInteractions}} {
		r.pz("CreateSchema", doc{"Name": s.name, "Schema": s.avro})
		r.clk.Add(time.Second)
	}
	r.pz("CreateSchema", doc{"Name": "items", "Schema": items})
	r.pz("CreateSchema", doc{"Name": "nested", "Schema": `{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": {"type": "map", "values": "string"}}]}`})
	r.pz("CreateSchema", doc{"Name": "shop-domain", "Domain": "ECOMMERCE", "Schema": interactions})
	r.pz("DescribeSchema", doc{"SchemaArn": arn + "schema/items"})
	r.pz("DescribeSchema", doc{"SchemaArn": arn + "schema/none"})
	page = r.pz("ListSchemas", doc{"MaxResults": 2})
	r.pz("ListSchemas", doc{"NextToken": str(page, "nextToken")})
	r.pz("ListSchemas", doc{"NextToken": "forged"})

	for _, d := range []struct{ typ, schema string }{{"Interactions", "interactions"}, {"items", "items"}, {"USERS", "users"},
		{"Actions", "actions"}, {"Action_Interactions", "action-interactions"}} {
		r.pz("CreateDataset", doc{"Name": "shop-" + d.schema, "DatasetGroupArn": group, "DatasetType": d.typ, "SchemaArn": arn + "schema/" + d.schema,
			"Tags": []any{doc{"TagKey": "kind", "TagValue": d.schema}}})
	}
	r.pz("CreateDataset", doc{"Name": "again", "DatasetGroupArn": group, "DatasetType": "Items", "SchemaArn": arn + "schema/items"})
	r.pz("CreateDataset", doc{"Name": "wrong", "DatasetGroupArn": arn + "dataset-group/second", "DatasetType": "Users", "SchemaArn": arn + "schema/users"})
	r.pz("CreateDataset", doc{"Name": "none", "DatasetGroupArn": arn + "dataset-group/none", "DatasetType": "Users", "SchemaArn": arn + "schema/users"})
	r.pz("CreateDataset", doc{"Name": "odd", "DatasetGroupArn": group, "DatasetType": "Clicks", "SchemaArn": arn + "schema/users"})
	r.pz("DeleteSchema", doc{"SchemaArn": arn + "schema/items"})
	r.pz("DescribeDataset", doc{"DatasetArn": arn + "dataset/shop/ITEMS"})
	r.pz("ListDatasets", doc{"DatasetGroupArn": group, "MaxResults": 3})
	r.pz("ListDatasets", doc{"NextToken": "forged"})
	r.pz("ListTagsForResource", doc{"ResourceArn": arn + "dataset/shop/USERS"})
	r.ev("PutItems", doc{"DatasetArn": arn + "dataset/shop/ITEMS", "Items": []any{doc{"ItemId": "i0"}}}) // not ACTIVE yet
	r.clk.Add(time.Minute)

	tracker := r.pz("CreateEventTracker", doc{"Name": "clicks", "DatasetGroupArn": group})
	r.pz("CreateEventTracker", doc{"Name": "clicks-2", "DatasetGroupArn": group})
	r.pz("CreateEventTracker", doc{"Name": "lost", "DatasetGroupArn": arn + "dataset-group/none"})
	r.pz("DescribeEventTracker", doc{"EventTrackerArn": str(tracker, "eventTrackerArn")})
	r.pz("ListEventTrackers", doc{"DatasetGroupArn": group})
	r.pz("ListEventTrackers", doc{"NextToken": "forged"})
	r.clk.Add(time.Minute)

	trackingID := str(tracker, "trackingId")
	event := func(typ, item string, at time.Duration, props string) doc {
		e := doc{"EventType": typ, "ItemId": item, "SentAt": start.Add(at)}
		if props != "" {
			e["Properties"] = props
		}
		return e
	}
	r.ev("PutEvents", doc{"TrackingId": trackingID, "SessionId": "s1", "UserId": "u1", "EventList": []any{
		event("click", "i1", 150*time.Second, `{"device":"mobile"}`), event("buy", "i1", 151500*time.Millisecond, `{"page":"home"}`)}})
	r.ev("PutEvents", doc{"TrackingId": "unknown", "SessionId": "s1", "EventList": []any{event("click", "i1", 0, "")}})
	r.ev("PutEvents", doc{"TrackingId": trackingID, "SessionId": "s1", "EventList": []any{event("click", "i1", 0, `{"timestamp":1}`)}})
	many := make([]any, 11)
	for i := range many {
		many[i] = event("click", fmt.Sprint(i), 0, "")
	}
	r.ev("PutEvents", doc{"TrackingId": trackingID, "SessionId": "s1", "EventList": many})

	r.ev("PutItems", doc{"DatasetArn": arn + "dataset/shop/ITEMS", "Items": []any{
		doc{"ItemId": "i1", "Properties": `{"genres":"Horror|Action"}`}, doc{"ItemId": "i2", "Properties": `{"colour":"red"}`}}})
	r.ev("PutItems", doc{"DatasetArn": arn + "dataset/shop/ITEMS", "Items": []any{doc{"ItemId": "i1", "Properties": `{"genres":"Horror"}`}}})
	r.ev("PutItems", doc{"DatasetArn": arn + "dataset/shop/USERS", "Items": []any{doc{"ItemId": "i3"}}})
	r.ev("PutItems", doc{"DatasetArn": arn + "dataset/none/ITEMS", "Items": []any{doc{"ItemId": "i3"}}})
	r.ev("PutUsers", doc{"DatasetArn": arn + "dataset/shop/USERS", "Users": []any{doc{"UserId": "u1", "Properties": `{"age":31}`}}})
	r.ev("PutActions", doc{"DatasetArn": arn + "dataset/shop/ACTIONS", "Actions": []any{doc{"ActionId": "a1", "Properties": `{"category":"upsell"}`}}})
	r.ev("PutActions", doc{"DatasetArn": arn + "dataset/shop/ACTIONS", "Actions": []any{doc{"ActionId": "a2", "Properties": "category=upsell"}}})
	ai := r.pz("DescribeDataset", doc{"DatasetArn": arn + "dataset/shop/ACTION_INTERACTIONS"})
	r.ev("PutActionInteractions", doc{"TrackingId": str(ai, "dataset", "trackingId"), "ActionInteractions": []any{
		doc{"ActionId": "a1", "UserId": "u1", "SessionId": "s1", "EventType": "Taken", "Timestamp": start.Add(3 * time.Minute),
			"Impression": []any{"a1", "a2"}}}})
	r.ev("PutActionInteractions", doc{"TrackingId": "unknown", "ActionInteractions": []any{
		doc{"ActionId": "a1", "SessionId": "s1", "EventType": "Taken", "Timestamp": start}}})

	r.pz("UpdateDataset", doc{"DatasetArn": arn + "dataset/shop/ITEMS", "SchemaArn": arn + "schema/items-v2"})
	r.pz("UpdateDataset", doc{"DatasetArn": arn + "dataset/shop/INTERACTIONS", "SchemaArn": arn + "schema/interactions"})
	r.pz("UpdateDataset", doc{"DatasetArn": arn + "dataset/shop/USERS", "SchemaArn": arn + "schema/none"})
	r.pz("DescribeDataset", doc{"DatasetArn": arn + "dataset/shop/ITEMS"})
	r.ev("PutItems", doc{"DatasetArn": arn + "dataset/shop/ITEMS", "Items": []any{doc{"ItemId": "i3"}}}) // being updated
	r.clk.Add(3 * time.Minute)
	r.pz("DescribeDataset", doc{"DatasetArn": arn + "dataset/shop/ITEMS"})
	r.pz("DeleteSchema", doc{"SchemaArn": arn + "schema/items"})

	r.pz("DeleteDatasetGroup", doc{"DatasetGroupArn": group})
	r.pz("DeleteEventTracker", doc{"EventTrackerArn": str(tracker, "eventTrackerArn")})
	r.pz("DescribeEventTracker", doc{"EventTrackerArn": str(tracker, "eventTrackerArn")})
	r.pz("DeleteDataset", doc{"DatasetArn": arn + "dataset/shop/USERS"})
	r.pz("DeleteDataset", doc{"DatasetArn": arn + "dataset/shop/USERS"})
	r.pz("DescribeDataset", doc{"DatasetArn": arn + "dataset/shop/USERS"})
	r.clk.Add(time.Minute)
	r.pz("DescribeDataset", doc{"DatasetArn": arn + "dataset/shop/USERS"})
	r.pz("DescribeEventTracker", doc{"EventTrackerArn": str(tracker, "eventTrackerArn")})
	r.pz("ListDatasets", doc{})
	r.pz("ListSchemas", doc{})
}

// state is what a fake holds at the end, as tests read it: the events and every dataset's
// records.
func state(f *fake.Fake) map[string]any {
	out := map[string]any{"events": f.Events(arn + "dataset-group/shop")}
	for _, typ := range []string{"INTERACTIONS", "ITEMS", "USERS", "ACTIONS", "ACTION_INTERACTIONS"} {
		out[typ] = f.Records(arn + "dataset/shop/" + typ)
	}
	return out
}

// TestThreeClientsAgree runs the script through the typed doors, aws-sdk-go-v2's clients on
// f.AWSConfig() and aws-sdk-go's on f.HTTPClient(), each on a fresh fake with the same seed
// and a mock clock at the same instant, and requires identical outputs (as documents of the
// model's members), error codes, messages and HTTP statuses, and identical recorded data.
func TestThreeClientsAgree(t *testing.T) {
	t.Parallel()
	clients := personalizeClients
	outs := make([][]outcome, len(clients))
	states := make([]map[string]any, len(clients))
	for i, c := range clients {
		clk := clock.NewMock()
		clk.Set(start)
		f := fake.New(fake.WithClock(clk), fake.WithSeed(7), fake.WithQuota(fake.DatasetGroups, 2))
		r := &run{c: c.make(f), clk: clk}
		script(r)
		outs[i], states[i] = r.out, state(f)
	}
	for i := 1; i < len(clients); i++ {
		if diff := cmp.Diff(outs[0], outs[i]); diff != "" {
			t.Errorf("%s and %s disagree (-%[1]s +%[2]s):\n%s", clients[0].name, clients[i].name, diff)
		}
		if diff := cmp.Diff(states[0], states[i]); diff != "" {
			t.Errorf("what the fakes hold after %s and %s differs (-%[1]s +%[2]s):\n%s", clients[0].name, clients[i].name, diff)
		}
	}

	// The script must reach every modelled error, and succeed often enough to mean something.
	codes := map[string]int{}
	ok := 0
	for _, o := range outs[0] {
		if o.Code == "" {
			ok++
			continue
		}
		codes[fmt.Sprintf("%s %d", o.Code, o.Status)]++
	}
	for _, want := range []string{"ResourceNotFoundException 400", "ResourceAlreadyExistsException 400", "ResourceInUseException 400",
		"InvalidInputException 400", "LimitExceededException 400", "TooManyTagsException 400", "InvalidNextTokenException 400",
		"ResourceNotFoundException 404", "ResourceInUseException 409"} {
		require.Contains(t, codes, want, "the script never got %s", want)
	}
	require.Greater(t, ok, 40, "successful calls")
	if t.Failed() || testing.Verbose() {
		b, _ := json.MarshalIndent(outs[0], "", "  ")
		t.Logf("the typed doors' outcomes:\n%s", b)
	}
}

// personalizeClients are the three clients every Personalize script runs through, each made
// on its own fake: the typed doors, aws-sdk-go-v2's clients on f.AWSConfig() and aws-sdk-go's
// on f.HTTPClient().
var personalizeClients = []struct {
	name string
	make func(f *fake.Fake) client
}{
	{"typed doors", func(f *fake.Fake) client { return v2Client{pz: f.Personalize(), ev: f.PersonalizeEvents()} }},
	{"aws-sdk-go-v2 on AWSConfig", func(f *fake.Fake) client {
		return v2Client{pz: pzv2.NewFromConfig(f.AWSConfig()), ev: evv2.NewFromConfig(f.AWSConfig())}
	}},
	{"aws-sdk-go v1 on HTTPClient", func(f *fake.Fake) client { return newV1Client(f) }},
}
