package fake_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	petypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// Tests of defects a review found; each failed before its fix.

// A seed's maps are the fake's own copies: changing the scenario afterwards changes nothing in
// the fake (it once kept the scenario's own Properties map, and a later write reached it, racily).
func TestSeedsKeepTheirOwnCopies(t *testing.T) {
	t.Parallel()
	props := map[string]string{"stage": "prod"}
	s := scenario.New().SeedAction(scenario.Action{Name: "seeded", Properties: props})
	f := fake.New(fake.WithScenario(s))
	props["stage"] = "changed"
	props["new"] = "key"
	out, err := f.SageMaker().DescribeAction(context.Background(), &sagemaker.DescribeActionInput{ActionName: aws.String("seeded")})
	require.NoError(t, err)
	require.Equal(t, map[string]string{"stage": "prod"}, out.Properties)
}

// Events are gone with their dataset group the moment its deletion finishes, without waiting
// for an unrelated call to purge the group.
func TestEventsGoWithTheirDatasetGroup(t *testing.T) {
	t.Parallel()
	clk := mockClock()
	life := fake.Lifecycle{DeletePending: time.Second, DeleteInProgress: time.Second}
	f := fake.New(fake.WithClock(clk), fake.WithLifecycle(fake.DatasetGroups, life), fake.WithLifecycle(fake.EventTrackers, life),
		fake.WithLifecycle(fake.Datasets, life),
		fake.WithScenario(scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "shop",
			EventTracker: &scenario.EventTracker{Name: "clicks", TrackingID: "11111111-2222-4333-8444-555555555555"}})))
	group := "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop"
	_, err := personalizeevents.NewFromConfig(f.AWSConfig()).PutEvents(context.Background(), &personalizeevents.PutEventsInput{
		TrackingId: aws.String("11111111-2222-4333-8444-555555555555"), SessionId: aws.String("s"),
		EventList: []petypes.Event{click("i", start)}})
	require.NoError(t, err)
	require.Len(t, f.Events(group), 1)

	p := &pz{t: t, f: f, clk: clk}
	trackers := p.ok("ListEventTrackers", map[string]any{"datasetGroupArn": group})["eventTrackers"].([]any)
	p.ok("DeleteEventTracker", map[string]any{"eventTrackerArn": trackers[0].(map[string]any)["eventTrackerArn"]})
	p.ok("DeleteDataset", map[string]any{"datasetArn": "arn:aws:personalize:us-east-1:123456789012:dataset/shop/INTERACTIONS"})
	clk.Add(2 * time.Second)
	p.ok("DeleteDatasetGroup", map[string]any{"datasetGroupArn": group})
	require.Len(t, f.Events(group), 1, "still there while the group is being deleted")
	clk.Add(2 * time.Second)
	require.Nil(t, f.Events(group), "gone with the group, no other call needed")
}

// ListTags pages when a resource has more tags than a page holds (a tag quota above 50 allows
// it): MaxResults 50 gives 50 tags and a token, not every tag without one.
func TestListTagsPages(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		arn := e.create(t, newAction("tagged"))
		for from := 0; from < 120; from += 50 { // a call adds at most 50
			var batch []types.Tag
			for i := from; i < min(from+50, 120); i++ {
				batch = append(batch, tag(fmt.Sprintf("k%03d", i), "v"))
			}
			_, err := e.api.AddTags(e.ctx, &sagemaker.AddTagsInput{ResourceArn: aws.String(arn), Tags: batch})
			require.NoError(t, err)
		}
		var keys []string
		pages := sagemaker.NewListTagsPaginator(e.api, &sagemaker.ListTagsInput{ResourceArn: aws.String(arn), MaxResults: aws.Int32(50)})
		sizes := []int{}
		for pages.HasMorePages() {
			out, err := pages.NextPage(e.ctx)
			require.NoError(t, err)
			sizes = append(sizes, len(out.Tags))
			for _, tg := range out.Tags {
				keys = append(keys, aws.ToString(tg.Key))
			}
		}
		require.Equal(t, []int{50, 50, 20}, sizes)
		require.Len(t, keys, 120)
		require.Equal(t, "k000", keys[0])
		require.Equal(t, "k119", keys[119])
		_, err := e.api.ListTags(e.ctx, &sagemaker.ListTagsInput{ResourceArn: aws.String(arn), NextToken: aws.String("made-up")})
		requireCode(t, err, "ValidationException")
	}, fake.WithQuota(fake.Tags, 200))
}
