package tracking_test

import (
	"testing"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/examples/tracking"
	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

func TestProvisionReportsATrackerThatFailed(t *testing.T) {
	t.Parallel()
	clk := clock.NewMock()
	s := scenario.New()
	s.On("personalize", "CreateEventTracker").FailCreation("The dataset group has no interactions dataset.")
	f := fake.ForTest(t, fake.WithClock(clk), fake.WithScenario(s))
	p := &tracking.Provisioner{API: personalizeClient(f), Clock: clk}
	_, err := provisionWithMockClock(t, p, clk, "shop")
	require.ErrorContains(t, err, "failed")
	require.NotErrorIs(t, err, tracking.ErrTimeout)
}

func TestProvisionSurfacesLimitExceeded(t *testing.T) {
	t.Parallel()
	clk := clock.NewMock()
	f := fake.ForTest(t, fake.WithClock(clk))
	f.Inject(t, scenario.On("personalize", "CreateEventTracker").Fail(scenario.LimitExceeded("injected")))
	p := &tracking.Provisioner{API: personalizeClient(f), Clock: clk}
	_, err := provisionWithMockClock(t, p, clk, "shop")
	require.ErrorContains(t, err, "LimitExceededException: injected")
}

// With the dataset group seeded ACTIVE, the test starts where it is interesting.
func TestProvisionReusesASeededDatasetGroup(t *testing.T) {
	t.Parallel()
	clk := clock.NewMock()
	s := scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "shop"})
	f := fake.ForTest(t, fake.WithClock(clk), fake.WithScenario(s))
	p := &tracking.Provisioner{API: personalizeClient(f), Clock: clk, PollInterval: 5 * time.Second}
	tr, err := provisionWithMockClock(t, p, clk, "shop")
	require.NoError(t, err)
	require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop", tr.DatasetGroupArn)
	fake.RequireCalls(t, f, "personalize", "CreateDatasetGroup", map[string]any{"name": "shop"})
	require.Equal(t, "ResourceAlreadyExistsException", f.CallsTo("personalize", "CreateDatasetGroup")[0].Err.Code)
}
