package tracking_test

import (
	"context"
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/benbjohnson/clock"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/examples/tracking"
	"github.com/awsfake/awsfake/fake"
)

// begin is where the mock clocks start, so that timestamps in the tests are readable.
var begin = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

// door is one way to reach the fake with the example's interfaces: awsfake's typed doors, or
// aws-sdk-go-v2's own clients on the fake's wire door, in process.
type door struct {
	name   string
	api    func(f *fake.Fake) tracking.PersonalizeAPI
	events func(f *fake.Fake) tracking.EventsAPI
}

var (
	typed = door{"typed",
		func(f *fake.Fake) tracking.PersonalizeAPI { return f.Personalize() },
		func(f *fake.Fake) tracking.EventsAPI { return f.PersonalizeEvents() }}
	wire = door{"wire",
		func(f *fake.Fake) tracking.PersonalizeAPI { return personalize.NewFromConfig(f.AWSConfig()) },
		func(f *fake.Fake) tracking.EventsAPI { return personalizeevents.NewFromConfig(f.AWSConfig()) }}
	doors = []door{typed, wire}
)

// waitingClock is a mock clock that tells the test each time the code under test starts
// waiting on it, and for how long, so the test can move time on by exactly that much.
type waitingClock struct {
	*clock.Mock
	waits chan time.Duration
}

func newWaitingClock() *waitingClock {
	m := clock.NewMock()
	m.Set(begin)
	return &waitingClock{Mock: m, waits: make(chan time.Duration)}
}

func (c *waitingClock) After(d time.Duration) <-chan time.Time {
	ch := c.Mock.After(d)
	c.waits <- d
	return ch
}

// provision runs Provision while moving the clock on by each interval the provisioner waits,
// the way time passes while the real service works. It fails the test if the provisioner
// neither waits on the clock nor finishes for a long while (it would be waiting on real time).
func provision(t *testing.T, p *tracking.Provisioner, clk *waitingClock, name string) (tracking.Tracking, error) {
	t.Helper()
	type result struct {
		tr  tracking.Tracking
		err error
	}
	done := make(chan result, 1)
	go func() {
		tr, err := p.Provision(context.Background(), name)
		done <- result{tr, err}
	}()
	for range 10_000 {
		select {
		case r := <-done:
			return r.tr, r.err
		case d := <-clk.waits:
			clk.Add(d)
		case <-time.After(30 * time.Second): // a watchdog, not a wait: nothing here depends on it
			t.Fatal("Provision neither waited on the clock nor finished within 30 s of real time")
		}
	}
	t.Fatal("Provision waited 10,000 times")
	return tracking.Tracking{}, nil
}

// setup is a fake on a waiting clock, with a provisioner and a clock reached through a door.
func setup(t *testing.T, d door, opts ...fake.Option) (*fake.Fake, *waitingClock, *tracking.Provisioner) {
	t.Helper()
	clk := newWaitingClock()
	f := fake.ForTest(t, append([]fake.Option{fake.WithClock(clk)}, opts...)...)
	return f, clk, &tracking.Provisioner{API: d.api(f), Clock: clk}
}

func TestProvisionWaitsForActive(t *testing.T) {
	t.Parallel()
	for _, d := range doors {
		t.Run(d.name, func(t *testing.T) {
			t.Parallel()
			f, clk, p := setup(t, d)
			tr, err := provision(t, p, clk, "shop")
			require.NoError(t, err)
			want := tracking.Tracking{
				DatasetGroupArn: "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop",
				InteractionsArn: "arn:aws:personalize:us-east-1:123456789012:dataset/shop/INTERACTIONS",
				ItemsArn:        "arn:aws:personalize:us-east-1:123456789012:dataset/shop/ITEMS",
			}
			require.Regexp(t, `^arn:aws:personalize:us-east-1:123456789012:event-tracker/[0-9a-f]{8}$`, tr.EventTrackerArn)
			require.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, tr.TrackingID)
			want.EventTrackerArn, want.TrackingID = tr.EventTrackerArn, tr.TrackingID
			require.Empty(t, cmp.Diff(want, tr))
			// Polling every 10 s: the group is ACTIVE after 60 s, both datasets 15 s after they
			// were asked for (seen at 80 s), the tracker 60 s after that.
			require.Equal(t, 140*time.Second, clk.Now().Sub(begin))
			// The tracker was created only once the datasets it feeds were ACTIVE.
			created := f.CallsTo("personalize", "CreateEventTracker")[0].Time
			require.Equal(t, begin.Add(80*time.Second), created.UTC())
		})
	}
}

// A second run (a restarted service) finds everything the first created, without waiting.
func TestProvisionIsIdempotent(t *testing.T) {
	t.Parallel()
	for _, d := range doors {
		t.Run(d.name, func(t *testing.T) {
			t.Parallel()
			f, clk, p := setup(t, d)
			first, err := provision(t, p, clk, "shop")
			require.NoError(t, err)
			before := clk.Now()

			again, err := provision(t, p, clk, "shop")
			require.NoError(t, err)
			require.Empty(t, cmp.Diff(first, again))
			require.Equal(t, before, clk.Now(), "everything was ACTIVE already")
			// Each create was asked again, and refused as a duplicate.
			perRun := map[string]int{"CreateDatasetGroup": 1, "CreateSchema": 2, "CreateDataset": 2, "CreateEventTracker": 1}
			for op, n := range perRun {
				calls := f.CallsTo("personalize", op)
				require.Len(t, calls, 2*n, op)
				for _, c := range calls[n:] {
					require.NotNil(t, c.Err, op)
					require.Equal(t, "ResourceAlreadyExistsException", c.Err.Code, op)
				}
			}
		})
	}
}

func TestProvisionTimesOut(t *testing.T) {
	t.Parallel()
	f, clk, p := setup(t, typed, fake.WithLifecycle(fake.DatasetGroups, fake.Lifecycle{Pending: time.Minute, InProgress: time.Hour}))
	p.Timeout = 15 * time.Minute
	_, err := provision(t, p, clk, "slow")
	require.ErrorIs(t, err, tracking.ErrTimeout)
	require.ErrorContains(t, err, "dataset group arn:aws:personalize:us-east-1:123456789012:dataset-group/slow is still CREATE IN_PROGRESS after 15m0s")
	require.Equal(t, 15*time.Minute, clk.Now().Sub(begin))
	require.Empty(t, f.CallsTo("personalize", "CreateDataset"), "nothing is created in a group that is not ACTIVE")
}

func TestProvisionAndSendInsideSynctest(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		// The fake's default clock is the real one, which inside the bubble is virtual: the
		// provisioner's ten-second polls take no real time.
		f := fake.New()
		p := &tracking.Provisioner{API: personalize.NewFromConfig(f.AWSConfig()), Clock: clock.New()}
		start := time.Now()
		tr, err := p.Provision(context.Background(), "bubble")
		require.NoError(t, err)
		require.Equal(t, 140*time.Second, time.Since(start), "virtual time passed, exactly as the polls say")

		s := &tracking.Sender{Events: personalizeevents.NewFromConfig(f.AWSConfig()), TrackingID: tr.TrackingID, ItemsArn: tr.ItemsArn}
		var clicks []tracking.Interaction
		var items []tracking.Item
		for i := range 23 {
			clicks = append(clicks, tracking.Interaction{Type: "click", ItemID: fmt.Sprintf("item-%d", i), At: time.Now(), Extra: map[string]string{"device": "mobile"}})
			items = append(items, tracking.Item{ID: fmt.Sprintf("item-%d", i), Category: "shoes", Price: 10 + float64(i), Created: start})
		}
		require.NoError(t, s.Send(context.Background(), "session-1", "user-1", clicks))
		require.NoError(t, s.SendItems(context.Background(), items))
		require.Len(t, f.CallsTo("personalize-events", "PutEvents"), 3, "batches of ten")
		require.Len(t, f.CallsTo("personalize-events", "PutItems"), 3, "batches of ten")

		events := f.Events(tr.DatasetGroupArn)
		require.Len(t, events, 23)
		require.Equal(t, "item-22", events[22].ItemID)
		require.Equal(t, `{"device":"mobile"}`, events[0].Properties)
		for _, arn := range []string{tr.InteractionsArn, tr.ItemsArn} {
			records := f.Records(arn)
			require.Len(t, records, 23, arn)
			for _, r := range records {
				require.Empty(t, r.Mismatches, "%s: %+v", arn, r)
			}
		}
	})
}

// What the sender sends is what the datasets hold, and the fake says which records do not fit
// the schema (AWS would accept them and drop them later).
func TestSentRecordsFitTheSchemas(t *testing.T) {
	t.Parallel()
	for _, d := range doors {
		t.Run(d.name, func(t *testing.T) {
			t.Parallel()
			f, clk, p := setup(t, d)
			tr, err := provision(t, p, clk, "shop")
			require.NoError(t, err)
			s := &tracking.Sender{Events: d.events(f), TrackingID: tr.TrackingID, ItemsArn: tr.ItemsArn}
			ctx := context.Background()

			require.NoError(t, s.SendItems(ctx, []tracking.Item{
				{ID: "boot", Category: "shoes", Price: 80, Created: begin},
				{ID: "hat", Category: "hats", Price: 20.5, Created: begin},
			}))
			// A price change replaces the item.
			require.NoError(t, s.SendItems(ctx, []tracking.Item{{ID: "boot", Category: "shoes", Price: 60, Created: begin}}))
			require.NoError(t, s.Send(ctx, "s-1", "u-1", []tracking.Interaction{
				{Type: "click", ItemID: "boot", At: clk.Now(), Extra: map[string]string{"device": "mobile"}},
				{Type: "purchase", ItemID: "boot", At: clk.Now().Add(time.Second)},
				{Type: "click", ItemID: "hat", At: clk.Now().Add(2 * time.Second), Extra: map[string]string{"page": "home"}},
			}))

			items := f.Records(tr.ItemsArn)
			type item struct{ ID, Properties string }
			var got []item
			for _, r := range items {
				require.Empty(t, r.Mismatches, "a well-formed item fits: %+v", r)
				got = append(got, item{r.ID, r.Properties})
			}
			require.Empty(t, cmp.Diff([]item{
				{"boot", fmt.Sprintf(`{"category":"shoes","price":60,"creationTimestamp":%d}`, begin.Unix())},
				{"hat", fmt.Sprintf(`{"category":"hats","price":20.5,"creationTimestamp":%d}`, begin.Unix())},
			}, got))

			events := f.Records(tr.InteractionsArn)
			require.Len(t, events, 3)
			require.Empty(t, events[0].Mismatches)
			require.Empty(t, events[1].Mismatches, "DEVICE allows null")
			require.Equal(t, []string{`the property "page" is no field of the schema`}, events[2].Mismatches,
				"the schema has no PAGE field: AWS would drop this event")
		})
	}
}

func TestSendBeforeTheTrackerIsActiveFails(t *testing.T) {
	t.Parallel()
	for _, d := range doors {
		t.Run(d.name, func(t *testing.T) {
			t.Parallel()
			clk := newWaitingClock()
			f := fake.ForTest(t, fake.WithClock(clk), fake.WithLifecycle(fake.DatasetGroups, fake.Lifecycle{}),
				fake.WithLifecycle(fake.Datasets, fake.Lifecycle{}))
			pz := d.api(f)
			ctx := context.Background()
			dg, err := pz.CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: ptr("g")})
			require.NoError(t, err)
			tr, err := pz.CreateEventTracker(ctx, &personalize.CreateEventTrackerInput{Name: ptr("t"), DatasetGroupArn: dg.DatasetGroupArn})
			require.NoError(t, err)

			s := &tracking.Sender{Events: d.events(f), TrackingID: *tr.TrackingId, ItemsArn: "arn:aws:personalize:us-east-1:123456789012:dataset/g/ITEMS"}
			err = s.Send(ctx, "s", "u", []tracking.Interaction{{Type: "click", ItemID: "i", At: clk.Now()}})
			var invalid *types.InvalidInputException
			require.ErrorAs(t, err, &invalid)
			require.ErrorContains(t, err, "send events 1-1 of session s")

			err = s.SendItems(ctx, []tracking.Item{{ID: "i", Category: "c", Price: 1}})
			var notFound *types.ResourceNotFoundException
			require.ErrorAs(t, err, &notFound, "the group has no Items dataset")
		})
	}
}

func ptr(s string) *string { return &s }
