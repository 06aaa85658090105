package fake_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

func ctx() context.Context { return context.Background() }

// pzEnv is one fake reached through one door for Personalize: the typed doors, or the real
// aws-sdk-go-v2 clients on the wire door.
type pzEnv struct {
	f   *fake.Fake
	pz  fake.PersonalizeAPI
	ev  fake.PersonalizeEventsAPI
	clk *clock.Mock
	ctx context.Context
}

// eachPZDoor runs body once per door, each on a fresh fake with a mock clock at start.
func eachPZDoor(t *testing.T, body func(t *testing.T, e *pzEnv), opts ...fake.Option) {
	t.Helper()
	for _, door := range []string{"typed", "wire"} {
		t.Run(door, func(t *testing.T) {
			t.Parallel()
			clk := mockClock()
			f := fake.ForTest(t, append([]fake.Option{fake.WithClock(clk)}, opts...)...)
			e := &pzEnv{f: f, pz: f.Personalize(), ev: f.PersonalizeEvents(), clk: clk, ctx: context.Background()}
			if door == "wire" {
				e.pz, e.ev = personalize.NewFromConfig(f.AWSConfig()), personalizeevents.NewFromConfig(f.AWSConfig())
			}
			body(t, e)
		})
	}
}

// typedPZ is one fake reached through its typed doors, for tests of what does not depend on
// the door (scenario rules the SDK would retry, say).
func typedPZ(t *testing.T, opts ...fake.Option) *pzEnv {
	t.Helper()
	clk := mockClock()
	f := fake.ForTest(t, append([]fake.Option{fake.WithClock(clk)}, opts...)...)
	return &pzEnv{f: f, pz: f.Personalize(), ev: f.PersonalizeEvents(), clk: clk, ctx: context.Background()}
}

func (e *pzEnv) groupStatus(t *testing.T, arn string) string {
	t.Helper()
	out, err := e.pz.DescribeDatasetGroup(e.ctx, &personalize.DescribeDatasetGroupInput{DatasetGroupArn: &arn})
	require.NoError(t, err)
	return aws.ToString(out.DatasetGroup.Status)
}

func (e *pzEnv) trackerStatus(t *testing.T, arn string) string {
	t.Helper()
	out, err := e.pz.DescribeEventTracker(e.ctx, &personalize.DescribeEventTrackerInput{EventTrackerArn: &arn})
	require.NoError(t, err)
	return aws.ToString(out.EventTracker.Status)
}

// activeTracker creates a tracker on an ACTIVE group and waits until it is ACTIVE.
func (e *pzEnv) activeTracker(t *testing.T, group string) (arn, trackingID string) {
	t.Helper()
	out, err := e.pz.CreateEventTracker(e.ctx, &personalize.CreateEventTrackerInput{Name: aws.String("tracker"), DatasetGroupArn: &group})
	require.NoError(t, err)
	e.clk.Add(time.Minute)
	return aws.ToString(out.EventTrackerArn), aws.ToString(out.TrackingId)
}

// interactionsSchema is a minimal Interactions schema.
const interactionsSchema = `{"type": "record", "name": "Interactions", "namespace": "com.amazonaws.personalize.schema",
	"fields": [{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
		{"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"}], "version": "1.0"}`

// interactions gives an ACTIVE group an ACTIVE Interactions dataset (PutEvents appends to it),
// with a schema named after the group, and returns the dataset's ARN.
func (e *pzEnv) interactions(t *testing.T, group string) string {
	t.Helper()
	name := group[strings.LastIndexByte(group, '/')+1:] + "-interactions"
	arn := e.dataset(t, group, "Interactions", e.schema(t, name, interactionsSchema))
	require.Equal(t, "ACTIVE", e.datasetStatus(t, arn))
	return arn
}

// group creates a dataset group (of a domain, or "") and waits until it is ACTIVE.
func (e *pzEnv) group(t *testing.T, name, domain string) string {
	t.Helper()
	out, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String(name), Domain: pztypes.Domain(domain)})
	require.NoError(t, err)
	e.clk.Add(time.Minute)
	return aws.ToString(out.DatasetGroupArn)
}

// schema creates a schema.
func (e *pzEnv) schema(t *testing.T, name, avro string) string {
	t.Helper()
	out, err := e.pz.CreateSchema(e.ctx, &personalize.CreateSchemaInput{Name: aws.String(name), Schema: aws.String(avro)})
	require.NoError(t, err)
	return aws.ToString(out.SchemaArn)
}

// dataset creates a dataset and waits until it is ACTIVE.
func (e *pzEnv) dataset(t *testing.T, group, typ, schema string) string {
	t.Helper()
	out, err := e.pz.CreateDataset(e.ctx, &personalize.CreateDatasetInput{Name: aws.String("ds-" + typ), DatasetGroupArn: &group,
		DatasetType: &typ, SchemaArn: &schema})
	require.NoError(t, err)
	e.clk.Add(time.Minute)
	return aws.ToString(out.DatasetArn)
}

func (e *pzEnv) datasetStatus(t *testing.T, arn string) string {
	t.Helper()
	out, err := e.pz.DescribeDataset(e.ctx, &personalize.DescribeDatasetInput{DatasetArn: &arn})
	require.NoError(t, err)
	return aws.ToString(out.Dataset.Status)
}

// Schemas that suit each type of dataset.
const (
	itemsSchema = `{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": "string"},
		{"name": "GENRES", "type": ["null", "string"], "categorical": true}, {"name": "PRICE", "type": ["null", "float"]}]}`
	usersSchema = `{"type": "record", "name": "Users", "fields": [{"name": "USER_ID", "type": "string"},
		{"name": "AGE", "type": ["null", "int"]}]}`
	actionsSchema = `{"type": "record", "name": "Actions", "fields": [{"name": "ACTION_ID", "type": "string"},
		{"name": "CATEGORY", "type": ["null", "string"], "categorical": true}]}`
	actionInteractionsSchema = `{"type": "record", "name": "ActionInteractions", "fields": [{"name": "USER_ID", "type": "string"},
		{"name": "ACTION_ID", "type": "string"}, {"name": "EVENT_TYPE", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}]}`
)
