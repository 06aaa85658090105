package fake_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// pz drives Personalize through the wire door with hand-written JSON 1.1 requests, as any
// client would; the Go module has no SDK v2 Personalize client to use (see DESIGN.md).
type pz struct {
	t   *testing.T
	f   *fake.Fake
	clk *clock.Mock
}

func newPZ(t *testing.T, opts ...fake.Option) *pz {
	t.Helper()
	clk := mockClock()
	return &pz{t: t, f: fake.ForTest(t, append([]fake.Option{fake.WithClock(clk)}, opts...)...), clk: clk}
}

// call returns the output document, or the error code and message.
func (p *pz) call(op string, in map[string]any) (out map[string]any, code, msg string) {
	p.t.Helper()
	body, err := json.Marshal(in)
	require.NoError(p.t, err)
	status, hdr, doc := rawCall(p.t, p.f.Handler(), "POST", "/", jsonHeaders("AmazonPersonalize."+op), string(body))
	if status != 200 {
		require.Equal(p.t, hdr.Get("X-Amzn-Errortype"), doc["__type"])
		return nil, doc["__type"].(string), doc["message"].(string)
	}
	return doc, "", ""
}

func (p *pz) ok(op string, in map[string]any) map[string]any {
	p.t.Helper()
	out, code, msg := p.call(op, in)
	require.Empty(p.t, code, "%s: %s", op, msg)
	return out
}

func (p *pz) fails(op string, in map[string]any, code string) string {
	p.t.Helper()
	_, got, msg := p.call(op, in)
	require.Equal(p.t, code, got, "%s: %s", op, msg)
	return msg
}

func (p *pz) status(kind, arnKey, arn string) string {
	p.t.Helper()
	out := p.ok("Describe"+kind, map[string]any{arnKey: arn})
	for _, v := range out {
		return v.(map[string]any)["status"].(string)
	}
	return ""
}

func (p *pz) groupStatus(arn string) string {
	return p.status("DatasetGroup", "datasetGroupArn", arn)
}

func (p *pz) trackerStatus(arn string) string {
	return p.status("EventTracker", "eventTrackerArn", arn)
}

// activeGroup creates a dataset group and moves the clock until it is ACTIVE.
func (p *pz) activeGroup(name string) string {
	p.t.Helper()
	arn := p.ok("CreateDatasetGroup", map[string]any{"name": name})["datasetGroupArn"].(string)
	p.clk.Add(time.Minute)
	require.Equal(p.t, "ACTIVE", p.groupStatus(arn))
	return arn
}

// interactionsSchema is a minimal Interactions schema.
const interactionsSchema = `{"type": "record", "name": "Interactions", "namespace": "com.amazonaws.personalize.schema",
	"fields": [{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
		{"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"}], "version": "1.0"}`

// interactions gives an ACTIVE group an ACTIVE Interactions dataset (PutEvents appends to it),
// with a schema named after the group, and returns the dataset's ARN.
func (p *pz) interactions(group string) string {
	p.t.Helper()
	name := group[strings.LastIndexByte(group, '/')+1:]
	schema := p.ok("CreateSchema", map[string]any{"name": name + "-interactions", "schema": interactionsSchema})["schemaArn"]
	arn := p.ok("CreateDataset", map[string]any{"name": name + "-interactions", "datasetGroupArn": group,
		"datasetType": "Interactions", "schemaArn": schema})["datasetArn"].(string)
	p.clk.Add(time.Minute)
	require.Equal(p.t, "ACTIVE", p.status("Dataset", "datasetArn", arn))
	return arn
}

// activeTracker creates a tracker on an ACTIVE group and waits until it is ACTIVE.
func (p *pz) activeTracker(group string) (arn, trackingID string) {
	p.t.Helper()
	out := p.ok("CreateEventTracker", map[string]any{"name": "tracker", "datasetGroupArn": group})
	p.clk.Add(time.Minute)
	return out["eventTrackerArn"].(string), out["trackingId"].(string)
}

func TestDatasetGroupLifecycle(t *testing.T) {
	t.Parallel()
	p := newPZ(t)
	out := p.ok("CreateDatasetGroup", map[string]any{"name": "shop", "domain": "ECOMMERCE"})
	arn := out["datasetGroupArn"].(string)
	require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop", arn)
	require.Equal(t, "ECOMMERCE", out["domain"])

	steps := []struct {
		advance time.Duration
		status  string
		updated time.Duration // lastUpdatedDateTime, after start
	}{
		{0, "CREATE PENDING", 0},
		{4999 * time.Millisecond, "CREATE PENDING", 0},
		{time.Millisecond, "CREATE IN_PROGRESS", 5 * time.Second},
		{54 * time.Second, "CREATE IN_PROGRESS", 5 * time.Second},
		{time.Second, "ACTIVE", time.Minute},
		{24 * time.Hour, "ACTIVE", time.Minute},
	}
	for _, s := range steps {
		p.clk.Add(s.advance)
		g := p.ok("DescribeDatasetGroup", map[string]any{"datasetGroupArn": arn})["datasetGroup"].(map[string]any)
		require.Equal(t, s.status, g["status"], "at %v", p.clk.Now().Sub(start))
		require.Equal(t, float64(start.Unix()), g["creationDateTime"])
		require.Equal(t, float64(start.Add(s.updated).Unix()), g["lastUpdatedDateTime"])
		require.Equal(t, "shop", g["name"])
		require.NotContains(t, g, "failureReason")
	}

	// Deletion: DELETE PENDING, DELETE IN_PROGRESS, then gone.
	p.ok("DeleteDatasetGroup", map[string]any{"datasetGroupArn": arn})
	require.Equal(t, "DELETE PENDING", p.groupStatus(arn))
	p.clk.Add(5 * time.Second)
	require.Equal(t, "DELETE IN_PROGRESS", p.groupStatus(arn))
	p.clk.Add(25 * time.Second)
	p.fails("DescribeDatasetGroup", map[string]any{"datasetGroupArn": arn}, "ResourceNotFoundException")
	p.fails("DeleteDatasetGroup", map[string]any{"datasetGroupArn": arn}, "ResourceNotFoundException")
}

func TestAnyClockJumpLandsOnTheRightStatus(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		jump time.Duration
		want string
	}{{time.Second, "CREATE PENDING"}, {30 * time.Second, "CREATE IN_PROGRESS"}, {time.Hour, "ACTIVE"}, {24 * 365 * time.Hour, "ACTIVE"}} {
		p := newPZ(t)
		arn := p.ok("CreateDatasetGroup", map[string]any{"name": "g"})["datasetGroupArn"].(string)
		p.clk.Add(c.jump)
		require.Equal(t, c.want, p.groupStatus(arn), "after %v", c.jump)
	}
}

func TestLifecycleOptions(t *testing.T) {
	t.Parallel()
	p := newPZ(t, fake.WithLifecycle(fake.DatasetGroups, fake.Lifecycle{}),
		fake.WithLifecycle(fake.EventTrackers, fake.Lifecycle{Pending: time.Second, InProgress: 2 * time.Second, DeletePending: time.Second, DeleteInProgress: time.Second}))
	arn := p.ok("CreateDatasetGroup", map[string]any{"name": "g"})["datasetGroupArn"].(string)
	require.Equal(t, "ACTIVE", p.groupStatus(arn), "Instant: ACTIVE at once")
	tr := p.ok("CreateEventTracker", map[string]any{"name": "t", "datasetGroupArn": arn})["eventTrackerArn"].(string)
	require.Equal(t, "CREATE PENDING", p.trackerStatus(tr))
	p.clk.Add(time.Second)
	require.Equal(t, "CREATE IN_PROGRESS", p.trackerStatus(tr))
	p.clk.Add(2 * time.Second)
	require.Equal(t, "ACTIVE", p.trackerStatus(tr))
}

var (
	trackerARN = regexp.MustCompile(`^arn:aws:personalize:us-east-1:123456789012:event-tracker/[0-9a-f]{8}$`)
	uuidV4     = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
)

func TestEventTrackerLifecycle(t *testing.T) {
	t.Parallel()
	p := newPZ(t)
	group := p.ok("CreateDatasetGroup", map[string]any{"name": "shop"})["datasetGroupArn"].(string)
	msg := p.fails("CreateEventTracker", map[string]any{"name": "t", "datasetGroupArn": group}, "ResourceInUseException")
	require.Contains(t, msg, "CREATE PENDING")
	p.clk.Add(time.Minute)

	out := p.ok("CreateEventTracker", map[string]any{"name": "clicks", "datasetGroupArn": group})
	arn, tid := out["eventTrackerArn"].(string), out["trackingId"].(string)
	require.Regexp(t, trackerARN, arn)
	require.Regexp(t, uuidV4, tid)

	tr := p.ok("DescribeEventTracker", map[string]any{"eventTrackerArn": arn})["eventTracker"].(map[string]any)
	want := map[string]any{
		"name": "clicks", "eventTrackerArn": arn, "accountId": "123456789012", "trackingId": tid,
		"datasetGroupArn": group, "status": "CREATE PENDING",
		"creationDateTime": float64(start.Add(time.Minute).Unix()), "lastUpdatedDateTime": float64(start.Add(time.Minute).Unix()),
	}
	require.Equal(t, want, tr)
	p.clk.Add(5 * time.Second)
	require.Equal(t, "CREATE IN_PROGRESS", p.trackerStatus(arn))
	p.clk.Add(55 * time.Second)
	require.Equal(t, "ACTIVE", p.trackerStatus(arn))
}

func TestOneEventTrackerPerDatasetGroup(t *testing.T) {
	t.Parallel()
	p := newPZ(t)
	group := p.activeGroup("shop")
	arn, _ := p.activeTracker(group)
	in := map[string]any{"name": "second", "datasetGroupArn": group}
	p.fails("CreateEventTracker", in, "ResourceAlreadyExistsException")

	// Another group may have its own.
	other := p.activeGroup("other")
	p.ok("CreateEventTracker", map[string]any{"name": "t", "datasetGroupArn": other})

	// While the first is being deleted it still counts; once gone, the group takes a new one.
	p.ok("DeleteEventTracker", map[string]any{"eventTrackerArn": arn})
	require.Equal(t, "DELETE PENDING", p.trackerStatus(arn))
	p.fails("CreateEventTracker", in, "ResourceAlreadyExistsException")
	p.clk.Add(30 * time.Second)
	p.fails("DescribeEventTracker", map[string]any{"eventTrackerArn": arn}, "ResourceNotFoundException")
	second := p.ok("CreateEventTracker", in)["eventTrackerArn"].(string)
	require.NotEqual(t, arn, second)
}

func TestMissingDatasetGroup(t *testing.T) {
	t.Parallel()
	p := newPZ(t)
	for _, arn := range []string{
		"arn:aws:personalize:us-east-1:123456789012:dataset-group/none",
		"arn:aws:personalize:eu-west-1:123456789012:dataset-group/none",
		"arn:aws:personalize:us-east-1:123456789012:schema/none",
	} {
		p.fails("CreateEventTracker", map[string]any{"name": "t", "datasetGroupArn": arn}, "ResourceNotFoundException")
		p.fails("DescribeDatasetGroup", map[string]any{"datasetGroupArn": arn}, "ResourceNotFoundException")
	}
}

func TestDeletionRules(t *testing.T) {
	t.Parallel()
	p := newPZ(t)
	group := p.ok("CreateDatasetGroup", map[string]any{"name": "shop"})["datasetGroupArn"].(string)
	del := map[string]any{"datasetGroupArn": group}
	require.Contains(t, p.fails("DeleteDatasetGroup", del, "ResourceInUseException"), "CREATE PENDING")
	p.clk.Add(30 * time.Second)
	require.Contains(t, p.fails("DeleteDatasetGroup", del, "ResourceInUseException"), "CREATE IN_PROGRESS")
	p.clk.Add(30 * time.Second)

	tracker := p.ok("CreateEventTracker", map[string]any{"name": "t", "datasetGroupArn": group})["eventTrackerArn"].(string)
	p.fails("DeleteEventTracker", map[string]any{"eventTrackerArn": tracker}, "ResourceInUseException")
	p.clk.Add(time.Minute)
	require.Contains(t, p.fails("DeleteDatasetGroup", del, "ResourceInUseException"), "event tracker")

	p.ok("DeleteEventTracker", map[string]any{"eventTrackerArn": tracker})
	p.fails("DeleteEventTracker", map[string]any{"eventTrackerArn": tracker}, "ResourceInUseException")
	p.fails("DeleteDatasetGroup", del, "ResourceInUseException") // the tracker still exists
	p.clk.Add(30 * time.Second)
	p.ok("DeleteDatasetGroup", del)
	p.fails("DeleteDatasetGroup", del, "ResourceInUseException")
}

func TestDatasetGroupNamesAndQuota(t *testing.T) {
	t.Parallel()
	p := newPZ(t)
	var arns []string
	for i := 0; i < 5; i++ {
		arns = append(arns, p.ok("CreateDatasetGroup", map[string]any{"name": fmt.Sprintf("g%d", i)})["datasetGroupArn"].(string))
	}
	p.fails("CreateDatasetGroup", map[string]any{"name": "g0"}, "ResourceAlreadyExistsException")
	p.fails("CreateDatasetGroup", map[string]any{"name": "g5"}, "LimitExceededException")
	p.clk.Add(time.Minute)
	p.ok("DeleteDatasetGroup", map[string]any{"datasetGroupArn": arns[0]})
	// A group being deleted no longer counts against the quota, but keeps its name until gone.
	p.ok("CreateDatasetGroup", map[string]any{"name": "g5"})
	p.fails("CreateDatasetGroup", map[string]any{"name": "g6"}, "LimitExceededException")
	p.ok("DeleteDatasetGroup", map[string]any{"datasetGroupArn": arns[1]})
	p.fails("CreateDatasetGroup", map[string]any{"name": "g0"}, "ResourceAlreadyExistsException")
	p.clk.Add(time.Minute)
	p.ok("CreateDatasetGroup", map[string]any{"name": "g0"})

	q := newPZ(t, fake.WithQuota(fake.DatasetGroups, 1))
	q.ok("CreateDatasetGroup", map[string]any{"name": "a"})
	q.fails("CreateDatasetGroup", map[string]any{"name": "b"}, "LimitExceededException")
}

func TestRoleArnNeedsKmsKey(t *testing.T) {
	t.Parallel()
	p := newPZ(t)
	p.fails("CreateDatasetGroup", map[string]any{"name": "g", "roleArn": "arn:aws:iam::123456789012:role/r"}, "InvalidInputException")
	out := p.ok("CreateDatasetGroup", map[string]any{"name": "g", "roleArn": "arn:aws:iam::123456789012:role/r",
		"kmsKeyArn": "arn:aws:kms:us-east-1:123456789012:key/k"})
	g := p.ok("DescribeDatasetGroup", map[string]any{"datasetGroupArn": out["datasetGroupArn"]})["datasetGroup"].(map[string]any)
	require.Equal(t, "arn:aws:kms:us-east-1:123456789012:key/k", g["kmsKeyArn"])
	require.Equal(t, "arn:aws:iam::123456789012:role/r", g["roleArn"])
}

func ptags(n int, prefix string) []any {
	var out []any
	for i := 0; i < n; i++ {
		out = append(out, map[string]any{"tagKey": fmt.Sprintf("%s%02d", prefix, i), "tagValue": "v"})
	}
	return out
}

func TestPersonalizeTags(t *testing.T) {
	t.Parallel()
	p := newPZ(t)
	group := p.ok("CreateDatasetGroup", map[string]any{"name": "g", "tags": []any{map[string]any{"tagKey": "team", "tagValue": "ml"}}})["datasetGroupArn"].(string)
	p.clk.Add(time.Minute)
	tracker, _ := p.activeTracker(group)
	for _, arn := range []string{group, tracker} {
		p.ok("TagResource", map[string]any{"resourceArn": arn, "tags": []any{map[string]any{"tagKey": "env", "tagValue": "prod"}}})
		tags := p.ok("ListTagsForResource", map[string]any{"resourceArn": arn})["tags"].([]any)
		require.Contains(t, tags, map[string]any{"tagKey": "env", "tagValue": "prod"})
		p.ok("UntagResource", map[string]any{"resourceArn": arn, "tagKeys": []any{"env"}})
		tags = p.ok("ListTagsForResource", map[string]any{"resourceArn": arn})["tags"].([]any)
		require.NotContains(t, tags, map[string]any{"tagKey": "env", "tagValue": "prod"})
	}
	require.Equal(t, []any{map[string]any{"tagKey": "team", "tagValue": "ml"}},
		p.ok("ListTagsForResource", map[string]any{"resourceArn": group})["tags"])

	// 50 tags at most; overwriting a key does not add one.
	p.ok("TagResource", map[string]any{"resourceArn": tracker, "tags": ptags(50, "k")})
	p.ok("TagResource", map[string]any{"resourceArn": tracker, "tags": ptags(50, "k")})
	p.fails("TagResource", map[string]any{"resourceArn": tracker, "tags": ptags(1, "x")}, "TooManyTagsException")
	p.fails("CreateDatasetGroup", map[string]any{"name": "many", "tags": ptags(51, "k")}, "TooManyTagsException")
	p.ok("CreateDatasetGroup", map[string]any{"name": "many"}) // the refused create left nothing behind
	keys := make([]any, 51)
	for i := range keys {
		keys[i] = fmt.Sprintf("k%02d", i)
	}
	p.fails("UntagResource", map[string]any{"resourceArn": tracker, "tagKeys": keys}, "TooManyTagKeysException")
	p.fails("TagResource", map[string]any{"resourceArn": "arn:aws:personalize:us-east-1:123456789012:dataset-group/none",
		"tags": ptags(1, "k")}, "ResourceNotFoundException")
}
