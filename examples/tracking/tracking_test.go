package tracking_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/personalize"
	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/examples/tracking"
	"github.com/awsfake/awsfake/fake"
)

// personalizeClient is AWS's own Personalize client, reaching the fake in process.
func personalizeClient(f *fake.Fake) *personalize.Personalize {
	return personalize.New(session.Must(session.NewSession(&aws.Config{
		HTTPClient:  f.HTTPClient(),
		Region:      aws.String(f.Region()),
		Endpoint:    aws.String("http://awsfake.invalid"),
		Credentials: credentials.NewStaticCredentials(f.Account(), "awsfake", ""),
	})))
}

// provisionWithMockClock runs Provision while moving the mock clock forward, the way time
// would pass while the real service works. The loop is bounded.
func provisionWithMockClock(t *testing.T, p *tracking.Provisioner, clk *clock.Mock, name string) (tracking.Tracking, error) {
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
	for i := 0; i < 10_000; i++ {
		select {
		case r := <-done:
			return r.tr, r.err
		default:
			clk.Add(time.Second)
		}
	}
	t.Fatal("Provision did not finish within 10,000 simulated seconds")
	return tracking.Tracking{}, nil
}

func TestProvisionWaitsForActive(t *testing.T) {
	t.Parallel()
	clk := clock.NewMock()
	f := fake.ForTest(t, fake.WithClock(clk))
	p := &tracking.Provisioner{API: personalizeClient(f), Clock: clk}

	tr, err := provisionWithMockClock(t, p, clk, "shop")
	require.NoError(t, err)
	require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop", tr.DatasetGroupArn)
	require.Len(t, tr.TrackingID, 36)
	// The dataset group and then the tracker each took a minute of fake time.
	require.GreaterOrEqual(t, clk.Now().Sub(time.Unix(0, 0)), 2*time.Minute)

	// A second run (a restarted service) finds both instead of failing.
	again, err := provisionWithMockClock(t, p, clk, "shop")
	require.NoError(t, err)
	require.Equal(t, tr, again)
	require.Len(t, f.CallsTo("personalize", "CreateEventTracker"), 2, "the second attempt was refused and reused")
}

func TestProvisionTimesOut(t *testing.T) {
	t.Parallel()
	clk := clock.NewMock()
	f := fake.ForTest(t, fake.WithClock(clk),
		fake.WithLifecycle(fake.DatasetGroups, fake.Lifecycle{Pending: time.Minute, InProgress: time.Hour}))
	p := &tracking.Provisioner{API: personalizeClient(f), Clock: clk, Timeout: 15 * time.Minute}
	_, err := provisionWithMockClock(t, p, clk, "slow")
	require.ErrorIs(t, err, tracking.ErrTimeout)
	require.ErrorContains(t, err, "CREATE IN_PROGRESS")
}

func TestProvisionAndSendInsideSynctest(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		// The fake's default clock is the real one, which inside the bubble is virtual: the
		// provisioner's ten-second polls take no real time.
		f := fake.New()
		p := &tracking.Provisioner{API: personalizeClient(f), Clock: clock.New()}
		begin := time.Now()
		tr, err := p.Provision(context.Background(), "bubble")
		require.NoError(t, err)
		require.GreaterOrEqual(t, time.Since(begin), 2*time.Minute, "virtual time passed")

		s := &tracking.Sender{Events: personalizeevents.NewFromConfig(f.AWSConfig()), TrackingID: tr.TrackingID}
		var clicks []tracking.Interaction
		for i := 0; i < 23; i++ {
			clicks = append(clicks, tracking.Interaction{Type: "click", ItemID: fmt.Sprintf("item-%d", i), At: time.Now(), Extra: map[string]string{"page": "home"}})
		}
		require.NoError(t, s.Send(context.Background(), "session-1", "user-1", clicks))
		got := f.Events(tr.DatasetGroupArn)
		require.Len(t, got, 23)
		require.Equal(t, "item-22", got[22].ItemID)
		require.Equal(t, `{"page":"home"}`, got[0].Properties)
		require.Len(t, f.CallsTo("personalize-events", "PutEvents"), 3, "batches of ten")
	})
}

func TestSendBeforeTheTrackerIsActiveFails(t *testing.T) {
	t.Parallel()
	clk := clock.NewMock()
	f := fake.ForTest(t, fake.WithClock(clk), fake.WithLifecycle(fake.DatasetGroups, fake.Lifecycle{}))
	pz := personalizeClient(f)
	dg, err := pz.CreateDatasetGroup(&personalize.CreateDatasetGroupInput{Name: aws.String("g")})
	require.NoError(t, err)
	tr, err := pz.CreateEventTracker(&personalize.CreateEventTrackerInput{Name: aws.String("t"), DatasetGroupArn: dg.DatasetGroupArn})
	require.NoError(t, err)

	s := &tracking.Sender{Events: personalizeevents.NewFromConfig(f.AWSConfig()), TrackingID: aws.StringValue(tr.TrackingId)}
	err = s.Send(context.Background(), "s", "", []tracking.Interaction{{Type: "click", ItemID: "i", At: clk.Now()}})
	var apiErr interface{ ErrorCode() string }
	require.True(t, errors.As(err, &apiErr))
	require.Equal(t, "InvalidInputException", apiErr.ErrorCode())
}
