package fake_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	petypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/scenario"
)

// TestPersonalizeTypedPredicates: scenario predicates take aws-sdk-go-v2's Personalize and
// Personalize Events input types, and see the same input whichever door the call came through
// (on the wire door, decoded from the request).
func TestPersonalizeTypedPredicates(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		var sentAt []time.Time
		var maxResults []int32
		e.f.Inject(t,
			scenario.On("personalize", "CreateEventTracker").When(func(in *personalize.CreateEventTrackerInput) bool {
				return strings.HasPrefix(aws.ToString(in.Name), "canary")
			}).Fail(scenario.InvalidInput("no canaries")),
			scenario.On("personalize", "CreateDataset").When(func(in *personalize.CreateDatasetInput) bool {
				return aws.ToString(in.DatasetType) == "Users" && len(in.Tags) == 1 && aws.ToString(in.Tags[0].TagKey) == "fragile"
			}).FailCreation("The schema does not match the data."),
			scenario.On("personalize", "ListSchemas").When(func(in *personalize.ListSchemasInput) bool {
				maxResults = append(maxResults, aws.ToInt32(in.MaxResults))
				return false
			}).Fail(scenario.InvalidNextToken("")),
			scenario.On("personalize-events", "PutEvents").When(func(in *personalizeevents.PutEventsInput) bool {
				for _, ev := range in.EventList {
					sentAt = append(sentAt, aws.ToTime(ev.SentAt))
				}
				return len(in.EventList) > 2
			}).Fail(scenario.InvalidInput("three is a crowd")),
			scenario.On("personalize-events", "PutItems").When(func(in *personalizeevents.PutItemsInput) bool {
				return len(in.Items) > 0 && strings.Contains(aws.ToString(in.Items[0].Properties), "forbidden")
			}).Fail(scenario.InvalidInput("forbidden genre")),
		)
		g := e.group(t, "shop", "")
		_, err := e.pz.CreateEventTracker(e.ctx, &personalize.CreateEventTrackerInput{Name: aws.String("canary-1"), DatasetGroupArn: &g})
		require.Equal(t, "no canaries", requireCode(t, err, "InvalidInputException"))
		tr, err := e.pz.CreateEventTracker(e.ctx, &personalize.CreateEventTrackerInput{Name: aws.String("main"), DatasetGroupArn: &g})
		require.NoError(t, err, "the predicate looks at the name")

		users := e.schema(t, "users", usersSchema)
		fragile, err := e.pz.CreateDataset(e.ctx, &personalize.CreateDatasetInput{Name: aws.String("u"), DatasetGroupArn: &g,
			DatasetType: aws.String("Users"), SchemaArn: &users, Tags: []pztypes.Tag{{TagKey: aws.String("fragile"), TagValue: aws.String("yes")}}})
		require.NoError(t, err)
		items := e.dataset(t, g, "Items", e.schema(t, "items", itemsSchema))
		interactions := e.dataset(t, g, "Interactions", e.schema(t, "interactions", interactionsSchema))
		require.Equal(t, "CREATE FAILED", e.datasetStatus(t, aws.ToString(fragile.DatasetArn)))
		require.Equal(t, "ACTIVE", e.datasetStatus(t, items))
		require.Equal(t, "ACTIVE", e.datasetStatus(t, interactions))

		_, err = e.pz.ListSchemas(e.ctx, &personalize.ListSchemasInput{MaxResults: aws.Int32(7)})
		require.NoError(t, err)
		_, err = e.pz.ListSchemas(e.ctx, &personalize.ListSchemasInput{})
		require.NoError(t, err)
		require.Equal(t, []int32{7, 0}, maxResults)

		e.clk.Add(time.Minute) // the tracker is ACTIVE
		at := func(ms int64) *time.Time { return aws.Time(start.Add(time.Duration(ms) * time.Millisecond)) }
		event := func(ms int64) petypes.Event {
			return petypes.Event{EventType: aws.String("click"), ItemId: aws.String("i"), SentAt: at(ms)}
		}
		in := &personalizeevents.PutEventsInput{TrackingId: tr.TrackingId, SessionId: aws.String("s"), UserId: aws.String("u"),
			EventList: []petypes.Event{event(1500), event(2250), event(3000)}}
		_, err = e.ev.PutEvents(e.ctx, in)
		require.Equal(t, "three is a crowd", requireCode(t, err, "InvalidInputException"))
		in.EventList = in.EventList[:2]
		_, err = e.ev.PutEvents(e.ctx, in)
		require.NoError(t, err)
		require.Equal(t, []time.Time{*at(1500), *at(2250), *at(3000), *at(1500), *at(2250)}, utc(sentAt),
			"the predicate saw the timestamps as sent, to the millisecond")

		_, err = e.ev.PutItems(e.ctx, &personalizeevents.PutItemsInput{DatasetArn: &items,
			Items: []petypes.Item{{ItemId: aws.String("i"), Properties: aws.String(`{"genres": "forbidden"}`)}}})
		require.Equal(t, "forbidden genre", requireCode(t, err, "InvalidInputException"))
		require.Empty(t, e.f.Records(items), "a rejected call changes nothing")
	})
}

func utc(ts []time.Time) []time.Time {
	out := make([]time.Time, len(ts))
	for i, t := range ts {
		out[i] = t.UTC()
	}
	return out
}

// An error a scenario injects into a Personalize Events operation should carry the HTTP status
// the model gives its code, as the fake's own errors do (ResourceNotFoundException 404,
// ResourceInUseException 409); scenario.Error.WithStatus is for statuses the model does not say.
func TestInjectedEventsErrorsHaveTheModelledStatus(t *testing.T) {
	t.Parallel()
	cases := []struct {
		err    *scenario.Error
		status int
	}{
		{scenario.ResourceNotFoundException("injected"), 404},
		{scenario.ResourceInUseException("injected"), 409},
		{scenario.InvalidInput("injected"), 400},
		{scenario.ResourceNotFoundException("injected").WithStatus(410), 410}, // a status the rule gives wins
	}
	for _, c := range cases {
		t.Run(c.err.Code+"/"+strconv.Itoa(c.status), func(t *testing.T) {
			t.Parallel()
			eachPZDoor(t, func(t *testing.T, e *pzEnv) {
				e.f.Inject(t, scenario.On("personalize-events", "PutUsers").Fail(c.err))
				_, err := e.ev.PutUsers(e.ctx, &personalizeevents.PutUsersInput{DatasetArn: aws.String("arn:aws:personalize:us-east-1:123456789012:dataset/g/USERS"),
					Users: []petypes.User{{UserId: aws.String("u")}}})
				requireCode(t, err, c.err.Code)
				require.Equal(t, c.status, statusCode(t, err))
				require.Equal(t, c.status, e.f.CallsTo("personalize-events", "PutUsers")[0].Err.StatusCode)
			})
		})
	}
}
