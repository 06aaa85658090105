package tracking_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/examples/tracking"
	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// Any of the resources can end in CREATE FAILED; the provisioner says which, with AWS's reason
// when the resource has one, and does not wait for it until the timeout.
func TestProvisionReportsWhatFailed(t *testing.T) {
	t.Parallel()
	items := func(in *personalize.CreateDatasetInput) bool { return aws.ToString(in.DatasetType) == "Items" }
	cases := []struct {
		rule  *scenario.Rule
		want  string
		calls int // of the rule's operation: the failed resource is not asked for again
	}{
		{scenario.On("personalize", "CreateDatasetGroup"),
			"dataset group arn:aws:personalize:us-east-1:123456789012:dataset-group/shop: creation failed: KMS key not accessible.", 1},
		{scenario.On("personalize", "CreateDataset").When(items),
			"dataset arn:aws:personalize:us-east-1:123456789012:dataset/shop/ITEMS: creation failed", 2},
		{scenario.On("personalize", "CreateEventTracker"),
			"event tracker arn:aws:personalize:us-east-1:123456789012:event-tracker/", 1},
	}
	for _, c := range cases {
		t.Run(c.rule.Operation, func(t *testing.T) {
			t.Parallel()
			f, clk, p := setup(t, typed, fake.WithScenario(scenario.New().Add(c.rule.FailCreation("KMS key not accessible."))))
			_, err := provision(t, p, clk, "shop")
			require.ErrorIs(t, err, tracking.ErrCreateFailed)
			require.NotErrorIs(t, err, tracking.ErrTimeout)
			require.ErrorContains(t, err, c.want)
			require.Len(t, f.CallsTo("personalize", c.rule.Operation), c.calls)
		})
	}
}

// A quota refusal reaches the caller as ErrLimitExceeded with the SDK's typed error inside,
// whether it is a real quota (five dataset groups by default, here one) or injected; the v2
// client retried LimitExceededException first, as it retries throttling.
func TestProvisionSurfacesLimitExceeded(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		door      door
		opts      []fake.Option
		operation string // the refused create
		attempts  int    // how many times the caller sent it
		message   string
	}{
		{"dataset group quota, typed door", typed, []fake.Option{fake.WithQuota(fake.DatasetGroups, 1),
			fake.WithScenario(scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "other"}))},
			"CreateDatasetGroup", 1, "dataset groups"},
		{"injected on CreateEventTracker, v2 client", wire, []fake.Option{fake.WithScenario(scenario.New().Add(
			scenario.On("personalize", "CreateEventTracker").Fail(scenario.LimitExceeded("injected"))))},
			"CreateEventTracker", 3, "injected"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			f, clk, p := setup(t, c.door, c.opts...)
			_, err := provision(t, p, clk, "shop")
			require.ErrorIs(t, err, tracking.ErrLimitExceeded)
			var limit *types.LimitExceededException
			require.ErrorAs(t, err, &limit)
			require.Contains(t, limit.ErrorMessage(), c.message)
			require.Len(t, f.CallsTo("personalize", c.operation), c.attempts)
		})
	}
}

// A run that failed half-way (here: the tracker could not be created) is finished by the next
// run, which reuses the dataset group, schemas and datasets the first one made.
func TestProvisionFinishesAnEarlierRun(t *testing.T) {
	t.Parallel()
	f, clk, p := setup(t, typed)
	f.Inject(t, scenario.On("personalize", "CreateEventTracker").Times(1).Fail(scenario.InternalFailure()))
	_, err := provision(t, p, clk, "shop")
	require.ErrorContains(t, err, "InternalFailure")

	tr, err := provision(t, p, clk, "shop")
	require.NoError(t, err)
	require.NotEmpty(t, tr.TrackingID)
	schemas, err := f.Personalize().ListSchemas(t.Context(), nil)
	require.NoError(t, err)
	require.Len(t, schemas.Schemas, 2, "no second copy of anything")
	require.Len(t, f.CallsTo("personalize", "CreateDataset"), 4)
	require.Len(t, f.CallsTo("personalize", "CreateEventTracker"), 2)
}

// With the dataset group seeded ACTIVE with its tracker (which brings the Interactions dataset
// and its schema), the test starts where it is interesting: only the Items dataset is new.
func TestProvisionReusesASeededDatasetGroup(t *testing.T) {
	t.Parallel()
	s := scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "shop",
		EventTracker: &scenario.EventTracker{Name: "clicks", ID: "0a1b2c3d", TrackingID: "11111111-2222-4333-8444-555555555555"}})
	f, clk, p := setup(t, typed, fake.WithScenario(s))
	tr, err := provision(t, p, clk, "shop")
	require.NoError(t, err)
	require.Equal(t, tracking.Tracking{
		DatasetGroupArn: "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop",
		InteractionsArn: "arn:aws:personalize:us-east-1:123456789012:dataset/shop/INTERACTIONS",
		ItemsArn:        "arn:aws:personalize:us-east-1:123456789012:dataset/shop/ITEMS",
		EventTrackerArn: "arn:aws:personalize:us-east-1:123456789012:event-tracker/0a1b2c3d",
		TrackingID:      "11111111-2222-4333-8444-555555555555",
	}, tr)
	var created []string
	for _, c := range f.CallsTo("personalize", "CreateDataset") {
		if c.Err == nil {
			created = append(created, c.Input["datasetType"].(string))
		}
	}
	require.Equal(t, []string{"Items"}, created)
	require.Equal(t, "ResourceAlreadyExistsException", f.CallsTo("personalize", "CreateDatasetGroup")[0].Err.Code)
}
