package fake_test

import (
	"fmt"
	"testing"
	"testing/fstest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	evtypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/aws/aws-sdk-go-v2/service/personalizeruntime"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

var deletionObjects = func() fstest.MapFS {
	m := fstest.MapFS{
		"privacy/forget.csv":   {Data: []byte("USER_ID\nu01\nu03\n\nu01\n")},
		"privacy/nocolumn.csv": {Data: []byte("ID\nu01\n")},
	}
	for k, v := range bucket {
		m[k] = v
	}
	return m
}()

// A data deletion job (the wire door only: aws-sdk-go-v2's client v1.30.0 has no such method)
// reads a CSV of user ids and, when COMPLETED, removes those users' imported interactions, their
// Users records and their events from the group; numDeleted counts them.
func TestDataDeletionJobOnTheWire(t *testing.T) {
	t.Parallel()
	e := typedPZ(t, fake.WithObjects(deletionObjects))
	h := e.f.Handler()
	group, interactions := e.importedGroup(t, "g", "interactions.csv")
	users := e.dataset(t, group, "Users", e.schema(t, "users", usersSchema))
	_, err := e.ev.PutUsers(e.ctx, &personalizeevents.PutUsersInput{DatasetArn: &users, Users: []evtypes.User{
		{UserId: aws.String("u01")}, {UserId: aws.String("u02")}}})
	require.NoError(t, err)
	_, tracking := e.activeTracker(t, group)
	for _, u := range []string{"u01", "u01", "u02"} {
		_, err := e.ev.PutEvents(e.ctx, &personalizeevents.PutEventsInput{TrackingId: &tracking, SessionId: aws.String("s"), UserId: aws.String(u),
			EventList: []evtypes.Event{{EventType: aws.String("click"), ItemId: aws.String("i001"), SentAt: aws.Time(e.clk.Now())}}})
		require.NoError(t, err)
	}
	count := func(arn, user string) int {
		n := 0
		for _, r := range e.f.Records(arn) {
			if r.UserID == user || r.DatasetType == "USERS" && r.ID == user {
				n++
			}
		}
		return n
	}
	require.Equal(t, 22, count(interactions, "u01"), "20 imported, 2 events")
	require.Equal(t, 1, count(users, "u01"))

	call := func(op, body string) (int, map[string]any) {
		status, _, doc := rawCall(t, h, "POST", "/", jsonHeaders("AmazonPersonalize."+op), body)
		return status, doc
	}
	create := func(name, location string) string {
		status, doc := call("CreateDataDeletionJob", fmt.Sprintf(`{"jobName":%q,"datasetGroupArn":%q,"dataSource":{"dataLocation":%q},
			"roleArn":"arn:aws:iam::123456789012:role/r","tags":[{"tagKey":"k","tagValue":"v"}]}`, name, group, location))
		require.Equal(t, 200, status, "%v", doc)
		return doc["dataDeletionJobArn"].(string)
	}
	describe := func(arn string) map[string]any {
		status, doc := call("DescribeDataDeletionJob", fmt.Sprintf(`{"dataDeletionJobArn":%q}`, arn))
		require.Equal(t, 200, status, "%v", doc)
		return doc["dataDeletionJob"].(map[string]any)
	}
	arn := create("forget", "s3://privacy/forget.csv")
	require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:data-deletion-job/forget", arn)
	missing := create("missing", "s3://privacy/nothing.csv")
	nocolumn := create("nocolumn", "s3://privacy/nocolumn.csv")
	got := describe(arn)
	require.Equal(t, "PENDING", got["status"])
	require.Nil(t, got["numDeleted"])
	life := fake.DefaultLifecycle(fake.DataDeletionJobs)
	e.clk.Add(life.Pending)
	require.Equal(t, "IN_PROGRESS", describe(arn)["status"])
	require.Equal(t, 22, count(interactions, "u01"), "nothing is removed before the job completes")
	e.clk.Add(life.InProgress)
	got = describe(arn)
	require.Equal(t, "COMPLETED", got["status"])
	require.Equal(t, float64(20+2+1+20), got["numDeleted"], "u01: 20 rows, 2 events, its user; u03: 20 rows")
	require.Equal(t, group, got["datasetGroupArn"])
	require.Equal(t, "s3://privacy/forget.csv", got["dataSource"].(map[string]any)["dataLocation"])
	require.Equal(t, 0, count(interactions, "u01"))
	require.Equal(t, 0, count(interactions, "u03"))
	require.Equal(t, 21, count(interactions, "u02"), "others stay")
	require.Equal(t, 0, count(users, "u01"))
	require.Equal(t, 1, count(users, "u02"))

	failed := describe(missing)
	require.Equal(t, "FAILED", failed["status"])
	require.Contains(t, failed["failureReason"], "Invalid Data location.")
	require.Contains(t, describe(nocolumn)["failureReason"], "missing the following columns: [USER_ID]")

	// Data that comes after the deletion stays.
	_, err = e.ev.PutEvents(e.ctx, &personalizeevents.PutEventsInput{TrackingId: &tracking, SessionId: aws.String("s"), UserId: aws.String("u01"),
		EventList: []evtypes.Event{{EventType: aws.String("click"), ItemId: aws.String("i001"), SentAt: aws.Time(e.clk.Now())}}})
	require.NoError(t, err)
	require.Equal(t, 1, count(interactions, "u01"))

	status, doc := call("ListDataDeletionJobs", fmt.Sprintf(`{"datasetGroupArn":%q}`, group))
	require.Equal(t, 200, status)
	jobs := doc["dataDeletionJobs"].([]any)
	require.Len(t, jobs, 3)
	require.Equal(t, "nocolumn", jobs[0].(map[string]any)["jobName"], "newest first")
	require.Equal(t, "COMPLETED", jobs[2].(map[string]any)["status"])

	status, doc = call("CreateDataDeletionJob", fmt.Sprintf(`{"jobName":"forget","datasetGroupArn":%q,"dataSource":{"dataLocation":"s3://privacy/forget.csv"},"roleArn":"arn:aws:iam::123456789012:role/r"}`, group))
	require.Equal(t, 400, status)
	require.Equal(t, "ResourceAlreadyExistsException", doc["__type"])
	status, doc = call("CreateDataDeletionJob", fmt.Sprintf(`{"jobName":"x","datasetGroupArn":"%sx","dataSource":{"dataLocation":"s3://privacy/forget.csv"},"roleArn":"arn:aws:iam::123456789012:role/r"}`, group))
	require.Equal(t, 400, status)
	require.Equal(t, "ResourceNotFoundException", doc["__type"])
	// A group whose deletion job is running cannot be deleted.
	empty := e.group(t, "empty", "")
	status, doc = call("CreateDataDeletionJob", fmt.Sprintf(`{"jobName":"y","datasetGroupArn":%q,"dataSource":{"dataLocation":"s3://privacy/forget.csv"},"roleArn":"arn:aws:iam::123456789012:role/r"}`, empty))
	require.Equal(t, 200, status, "%v", doc)
	_, err = e.pz.DeleteDatasetGroup(e.ctx, &personalize.DeleteDatasetGroupInput{DatasetGroupArn: &empty})
	require.Contains(t, requireCode(t, err, "ResourceInUseException"), "data deletion job")
	e.clk.Add(life.Pending + life.InProgress)
	_, err = e.pz.DeleteDatasetGroup(e.ctx, &personalize.DeleteDatasetGroupInput{DatasetGroupArn: &empty})
	require.NoError(t, err)
	status, doc = call("DescribeDataDeletionJob", fmt.Sprintf(`{"dataDeletionJobArn":"%sx"}`, arn))
	require.Equal(t, 400, status)
	require.Equal(t, "ResourceNotFoundException", doc["__type"])
	e.clk.Add(time.Hour)
}

// A data deletion job and the runtime: a campaign trained before keeps its model (AWS removes
// deleted data at the next training), the deleted user's events are gone from the group, and
// another user's events sent since training still count at once.
func TestDataDeletionAndTheRuntime(t *testing.T) {
	t.Parallel()
	objects := fstest.MapFS{"privacy/u3.csv": {Data: []byte("USER_ID\nu3\n")}}
	eachRuntimeDoor(t, func(t *testing.T, e *rtEnv) {
		e.example(t)
		campaign := aws.String(e.deploy(t, "recs", "aws-user-personalization", nil))
		e.click(t, "u3", "A", 9) // u3's, sent after training
		e.click(t, "u1", "D", 10)
		in := &personalizeruntime.GetRecommendationsInput{CampaignArn: campaign, UserId: aws.String("u1")}
		want := []string{"C 0.3793103", "B 0.2758621", "D 0.2068966", "A 0.1379310"}
		require.Equal(t, want, scored(e.recommend(t, in)))
		status, _, doc := rawCall(t, e.f.Handler(), "POST", "/", jsonHeaders("AmazonPersonalize.CreateDataDeletionJob"), fmt.Sprintf(
			`{"jobName":"u3","datasetGroupArn":%q,"dataSource":{"dataLocation":"s3://privacy/u3.csv"},"roleArn":%q}`, e.group, exportRole))
		require.Equal(t, 200, status, "%v", doc)
		e.clk.Add(5 * time.Minute)
		for _, ev := range e.f.Events(e.group) {
			require.NotEqual(t, "u3", ev.UserID)
		}
		require.Equal(t, want, scored(e.recommend(t, in)), "the campaign's model, and u1's event since, as before")
		e.click(t, "u1", "A", 11)
		require.NotEqual(t, want, scored(e.recommend(t, in)), "u1's new event counts at once")
	}, fake.WithObjects(objects))
}

// A completed data deletion job comes back from the state document with what it removed
// (numDeleted), though the restored data no longer holds those users.
func TestCompletedDeletionJobInTheStateDocument(t *testing.T) {
	t.Parallel()
	e := typedPZ(t, fake.WithObjects(deletionObjects))
	group, _ := e.importedGroup(t, "g", "interactions.csv")
	_, tracking := e.activeTracker(t, group)
	_, err := e.ev.PutEvents(e.ctx, &personalizeevents.PutEventsInput{TrackingId: &tracking, SessionId: aws.String("s"), UserId: aws.String("u01"),
		EventList: []evtypes.Event{{EventType: aws.String("click"), ItemId: aws.String("i001"), SentAt: aws.Time(e.clk.Now())}}})
	require.NoError(t, err)
	describe := func(f *fake.Fake) map[string]any {
		status, _, doc := rawCall(t, f.Handler(), "POST", "/", jsonHeaders("AmazonPersonalize.DescribeDataDeletionJob"),
			`{"dataDeletionJobArn":"arn:aws:personalize:us-east-1:123456789012:data-deletion-job/forget"}`)
		require.Equal(t, 200, status, "%v", doc)
		return doc["dataDeletionJob"].(map[string]any)
	}
	status, _, doc := rawCall(t, e.f.Handler(), "POST", "/", jsonHeaders("AmazonPersonalize.CreateDataDeletionJob"), fmt.Sprintf(
		`{"jobName":"forget","datasetGroupArn":%q,"dataSource":{"dataLocation":"s3://privacy/forget.csv"},"roleArn":"arn:aws:iam::123456789012:role/r"}`, group))
	require.Equal(t, 200, status, "%v", doc)
	e.clk.Add(time.Hour)
	before := describe(e.f)
	require.Equal(t, "COMPLETED", before["status"])
	require.EqualValues(t, 41, before["numDeleted"], "u01's and u03's 20 imported rows each, and u01's event")

	doc2 := e.f.State()
	clk := mockClock()
	clk.Set(e.clk.Now())
	f := fake.ForTest(t, fake.WithClock(clk), fake.WithObjects(deletionObjects), fake.WithScenario(doc2))
	require.Equal(t, doc2, f.State(), "the round trip gives back the same document")
	require.Equal(t, before, describe(f))
}
