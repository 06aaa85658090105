package fake_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
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
//
// Which actions should exist is worked out from the fake's call log, whose order is the order
// in which calls took effect; what the callers saw is checked against that log. (Callers'
// own notes cannot be ordered: a delete and a create of one name may return in either order
// relative to when each worker writes its note down.)
func TestStress(t *testing.T) {
	t.Parallel()
	const workers, opsPerWorker = 12, 150
	clk := mockClock()
	f := fake.New(fake.WithClock(clk), fake.WithQuota(fake.DatasetGroups, 1000), fake.WithCallLog(4*workers*opsPerWorker),
		fake.WithLifecycle(fake.DatasetGroups, fake.Lifecycle{Pending: time.Second, InProgress: time.Second, DeletePending: time.Second, DeleteInProgress: time.Second}),
		fake.WithLifecycle(fake.EventTrackers, fake.Lifecycle{Pending: time.Second, InProgress: time.Second, DeletePending: time.Second, DeleteInProgress: time.Second}))
	ctx := context.Background()
	typed, wire := f.SageMaker(), sagemaker.NewFromConfig(f.AWSConfig())
	pzTyped, pzWire := f.Personalize(), personalize.NewFromConfig(f.AWSConfig())
	events := personalizeevents.NewFromConfig(f.AWSConfig())

	var mu sync.Mutex
	created := map[string]int{}     // successful CreateActions seen by callers, by name
	deleted := map[string]int{}     // successful DeleteActions seen by callers, by name
	trackers := map[string]string{} // trackingId → dataset group, of trackers created

	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), 7))
			for i := 0; i < opsPerWorker; i++ {
				api, pz := fake.SageMakerAPI(typed), fake.PersonalizeAPI(pzTyped)
				if rng.IntN(2) == 0 {
					api, pz = wire, pzWire
				}
				name := fmt.Sprintf("n%d", rng.IntN(60)) // shared names: contention on purpose
				switch rng.IntN(10) {
				case 0, 1:
					if _, err := api.CreateAction(ctx, newAction(name)); err == nil {
						mu.Lock()
						created[name]++
						mu.Unlock()
					}
				case 2:
					if _, err := api.DeleteAction(ctx, &sagemaker.DeleteActionInput{ActionName: aws.String(name)}); err == nil {
						mu.Lock()
						deleted[name]++
						mu.Unlock()
					}
				case 3:
					_, _ = api.ListActions(ctx, &sagemaker.ListActionsInput{SortBy: "Name", MaxResults: aws.Int32(7)})
				case 4:
					_, _ = pz.CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String(name)})
				case 5:
					arn := "arn:aws:personalize:us-east-1:123456789012:dataset-group/" + name
					if out, err := pz.CreateEventTracker(ctx, &personalize.CreateEventTrackerInput{Name: aws.String("t"), DatasetGroupArn: &arn}); err == nil {
						mu.Lock()
						trackers[*out.TrackingId] = arn
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
					if out, err := pz.ListEventTrackers(ctx, &personalize.ListEventTrackersInput{DatasetGroupArn: &arn}); err == nil {
						for _, tr := range out.EventTrackers {
							_, _ = pz.DeleteEventTracker(ctx, &personalize.DeleteEventTrackerInput{EventTrackerArn: tr.EventTrackerArn})
						}
					}
				case 9:
					_, _ = pz.DeleteDatasetGroup(ctx, &personalize.DeleteDatasetGroupInput{DatasetGroupArn: aws.String("arn:aws:personalize:us-east-1:123456789012:dataset-group/" + name)})
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
	}
	// Replay the successful creates and deletes in the order they took effect: a name is
	// created only when absent and deleted only when present, the callers saw exactly these
	// successes, and what should exist at the end is what is listed.
	logged := f.Calls()
	require.Less(t, len(logged), 4*workers*opsPerWorker, "the call log must hold every call")
	exists := map[string]bool{}
	loggedCreates, loggedDeletes := map[string]int{}, map[string]int{}
	for _, c := range logged {
		if c.Service != "sagemaker" || c.Err != nil || (c.Operation != "CreateAction" && c.Operation != "DeleteAction") {
			continue
		}
		name := c.Input["ActionName"].(string)
		switch c.Operation {
		case "CreateAction":
			require.False(t, exists[name], "%s created while it existed", name)
			exists[name] = true
			loggedCreates[name]++
		case "DeleteAction":
			require.True(t, exists[name], "%s deleted while absent", name)
			exists[name] = false
			loggedDeletes[name]++
		}
	}
	require.Equal(t, created, loggedCreates, "creates the callers saw succeed")
	require.Equal(t, deleted, loggedDeletes, "deletes the callers saw succeed")
	for name := range created {
		require.Equal(t, exists[name], names[name] == 1, "action %s: exists by the log=%v, listed=%d", name, exists[name], names[name])
	}

	// At most one tracker per dataset group, and each listed resource describes.
	out, err := pzTyped.ListEventTrackers(ctx, &personalize.ListEventTrackersInput{MaxResults: aws.Int32(100)})
	require.NoError(t, err)
	perGroup := map[string]int{}
	for _, s := range out.EventTrackers {
		d, err := pzTyped.DescribeEventTracker(ctx, &personalize.DescribeEventTrackerInput{EventTrackerArn: s.EventTrackerArn})
		require.NoError(t, err)
		perGroup[*d.EventTracker.DatasetGroupArn]++
	}
	for g, n := range perGroup {
		require.Equal(t, 1, n, "dataset group %s has %d trackers", g, n)
	}
	list, err := pzTyped.ListDatasetGroups(ctx, &personalize.ListDatasetGroupsInput{MaxResults: aws.Int32(100)})
	require.NoError(t, err)
	groups := list.DatasetGroups
	require.NotEmpty(t, groups)
	for _, g := range groups {
		_, err := pzTyped.DescribeDatasetGroup(ctx, &personalize.DescribeDatasetGroupInput{DatasetGroupArn: g.DatasetGroupArn})
		require.NoError(t, err)
	}
	t.Logf("at the end: %d actions, %d dataset groups, %d event trackers", len(names), len(groups), len(perGroup))
}
