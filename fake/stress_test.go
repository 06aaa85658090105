package fake_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	petypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// TestStress mixes operations of both services from many goroutines, through both doors, while
// the clock moves, and then checks the invariants: action names are unique, no dataset group
// has two trackers, every listed resource can be described, and no create that succeeded is
// missing. Bounded: a fixed number of operations per worker. Run it under -race.
func TestStress(t *testing.T) {
	t.Parallel()
	const workers, opsPerWorker = 12, 150
	clk := mockClock()
	f := fake.New(fake.WithClock(clk), fake.WithDatasetGroupQuota(1000), fake.WithCallLog(1000),
		fake.WithDatasetGroupLifecycle(fake.Lifecycle{Pending: time.Second, InProgress: time.Second, DeletePending: time.Second, DeleteInProgress: time.Second}),
		fake.WithEventTrackerLifecycle(fake.Lifecycle{Pending: time.Second, InProgress: time.Second, DeletePending: time.Second, DeleteInProgress: time.Second}))
	ctx := context.Background()
	typed, wire := f.SageMaker(), sagemaker.NewFromConfig(f.AWSConfig())
	events := personalizeevents.NewFromConfig(f.AWSConfig())

	var mu sync.Mutex
	created := map[string]bool{}    // action names whose CreateAction succeeded
	deleted := map[string]bool{}    // and whose DeleteAction succeeded
	trackers := map[string]string{} // trackingId → dataset group, of trackers created

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), 7))
			p := &pz{t: t, f: f, clk: clk}
			for i := 0; i < opsPerWorker; i++ {
				api := fake.SageMakerAPI(typed)
				if rng.IntN(2) == 0 {
					api = wire
				}
				name := fmt.Sprintf("n%d", rng.IntN(60)) // shared names: contention on purpose
				switch rng.IntN(10) {
				case 0, 1:
					if _, err := api.CreateAction(ctx, newAction(name)); err == nil {
						mu.Lock()
						created[name], deleted[name] = true, false
						mu.Unlock()
					}
				case 2:
					if _, err := api.DeleteAction(ctx, &sagemaker.DeleteActionInput{ActionName: aws.String(name)}); err == nil {
						mu.Lock()
						deleted[name] = true
						mu.Unlock()
					}
				case 3:
					_, _ = api.ListActions(ctx, &sagemaker.ListActionsInput{SortBy: "Name", MaxResults: aws.Int32(7)})
				case 4:
					_, _, _ = p.call("CreateDatasetGroup", map[string]any{"name": name})
				case 5:
					arn := "arn:aws:personalize:us-east-1:123456789012:dataset-group/" + name
					if out, code, _ := p.call("CreateEventTracker", map[string]any{"name": "t", "datasetGroupArn": arn}); code == "" {
						mu.Lock()
						trackers[out["trackingId"].(string)] = arn
						mu.Unlock()
					}
				case 6:
					mu.Lock()
					var tid string
					for id := range trackers {
						tid = id
						break
					}
					mu.Unlock()
					if tid != "" {
						_, _ = events.PutEvents(ctx, &personalizeevents.PutEventsInput{TrackingId: aws.String(tid), SessionId: aws.String("s"),
							EventList: []petypes.Event{click("i", start)}})
					}
				case 7:
					clk.Add(500 * time.Millisecond)
				case 8:
					arn := "arn:aws:personalize:us-east-1:123456789012:dataset-group/" + name
					if out, code, _ := p.call("ListEventTrackers", map[string]any{"datasetGroupArn": arn}); code == "" {
						for _, tr := range out["eventTrackers"].([]any) {
							_, _, _ = p.call("DeleteEventTracker", map[string]any{"eventTrackerArn": tr.(map[string]any)["eventTrackerArn"]})
						}
					}
				case 9:
					_, _, _ = p.call("DeleteDatasetGroup", map[string]any{"datasetGroupArn": "arn:aws:personalize:us-east-1:123456789012:dataset-group/" + name})
				}
			}
		}()
	}
	wg.Wait()

	// Every action that should exist does, once, and can be described.
	names := map[string]int{}
	pages := sagemaker.NewListActionsPaginator(typed, &sagemaker.ListActionsInput{MaxResults: aws.Int32(100)})
	for pages.HasMorePages() {
		out, err := pages.NextPage(ctx)
		require.NoError(t, err)
		for _, s := range out.ActionSummaries {
			names[*s.ActionName]++
			_, err := typed.DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: s.ActionName})
			require.NoError(t, err)
		}
	}
	for name, n := range names {
		require.Equal(t, 1, n, "%s listed %d times", name, n)
		require.True(t, created[name], "%s exists but no create succeeded", name)
	}
	for name := range created {
		require.Equal(t, !deleted[name], names[name] == 1, "action %s: deleted=%v listed=%v", name, deleted[name], names[name])
	}

	// At most one tracker per dataset group, and each listed resource describes.
	out := (&pz{t: t, f: f, clk: clk}).ok("ListEventTrackers", map[string]any{"maxResults": 100})
	perGroup := map[string]int{}
	for _, s := range out["eventTrackers"].([]any) {
		arn := s.(map[string]any)["eventTrackerArn"].(string)
		d := (&pz{t: t, f: f, clk: clk}).ok("DescribeEventTracker", map[string]any{"eventTrackerArn": arn})
		perGroup[d["eventTracker"].(map[string]any)["datasetGroupArn"].(string)]++
	}
	for g, n := range perGroup {
		require.Equal(t, 1, n, "dataset group %s has %d trackers", g, n)
	}
	groups := (&pz{t: t, f: f, clk: clk}).ok("ListDatasetGroups", map[string]any{"maxResults": 100})["datasetGroups"].([]any)
	require.NotEmpty(t, groups)
	for _, g := range groups {
		(&pz{t: t, f: f, clk: clk}).ok("DescribeDatasetGroup", map[string]any{"datasetGroupArn": g.(map[string]any)["datasetGroupArn"]})
	}
	t.Logf("at the end: %d actions, %d dataset groups, %d event trackers", len(names), len(groups), len(perGroup))
}
