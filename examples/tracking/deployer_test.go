package tracking_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/examples/tracking"
	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// interactions writes an Interactions import of users users with perUser clicks each.
func interactions(users, perUser int) []byte {
	var b strings.Builder
	b.WriteString("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\n")
	for u := range users {
		for k := range perUser {
			fmt.Fprintf(&b, "u%02d,i%03d,%d,click\n", u, u+k, 1700000000+u*perUser+k)
		}
	}
	return []byte(b.String())
}

// bucket holds enough data for AWS's minimums, data of too few users, and a malformed file.
var bucket = fstest.MapFS{
	"data/interactions.csv": {Data: interactions(50, 20)},
	"data/few-users.csv":    {Data: interactions(24, 50)},
	"data/broken.csv":       {Data: []byte("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\nu1,i1,yesterday,click\n")},
}

// deploying is a fake with a provisioned dataset group "shop" and a deployer on a waiting clock.
type deploying struct {
	f   *fake.Fake
	clk *waitingClock
	tr  tracking.Tracking
	d   *tracking.Deployer
}

func setupDeploy(t *testing.T, dr door, opts ...fake.Option) *deploying {
	t.Helper()
	f, clk, p := setup(t, dr, append([]fake.Option{fake.WithObjects(bucket)}, opts...)...)
	tr, err := provision(t, p, clk, "shop")
	require.NoError(t, err)
	api := dr.api(f).(tracking.TrainingAPI) // the door and the v2 client have every method
	return &deploying{f: f, clk: clk, tr: tr, d: &tracking.Deployer{API: api, Clock: clk, RoleArn: "arn:aws:iam::123456789012:role/personalize"}}
}

// deploy runs Deploy, moving the clock on by each interval the deployer waits; onWait, when
// given, runs before each move (the n-th wait from 1), as something else happening meanwhile.
func (s *deploying) deploy(t *testing.T, location string, onWait func(n int)) (tracking.Deployment, error) {
	t.Helper()
	type result struct {
		dep tracking.Deployment
		err error
	}
	done := make(chan result, 1)
	go func() {
		dep, err := s.d.Deploy(context.Background(), s.tr, "recs", location, "arn:aws:personalize:::recipe/aws-user-personalization")
		done <- result{dep, err}
	}()
	for n := 1; n <= 10_000; n++ {
		select {
		case r := <-done:
			return r.dep, r.err
		case d := <-s.clk.waits:
			if onWait != nil {
				onWait(n)
			}
			s.clk.Add(d)
		case <-time.After(30 * time.Second): // a watchdog, not a wait
			t.Fatal("Deploy neither waited on the clock nor finished within 30 s of real time")
		}
	}
	t.Fatal("Deploy waited 10,000 times")
	return tracking.Deployment{}, nil
}

// The getting-started path: import, solution, training, metrics, campaign, each waited for.
func TestDeployACampaign(t *testing.T) {
	t.Parallel()
	for _, dr := range doors {
		t.Run(dr.name, func(t *testing.T) {
			t.Parallel()
			s := setupDeploy(t, dr)
			began := s.clk.Now()
			dep, err := s.deploy(t, "s3://data/interactions.csv", nil)
			require.NoError(t, err)
			require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:dataset-import-job/recs-import", dep.ImportJobArn)
			require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:solution/recs", dep.SolutionArn)
			require.Regexp(t, `^arn:aws:personalize:us-east-1:123456789012:solution/recs/[0-9a-f]{8}$`, dep.SolutionVersionArn)
			require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:campaign/recs", dep.CampaignArn)
			require.Len(t, dep.Metrics, 8)
			// Polling every minute: the import 5 minutes, the solution 1, training 45, the campaign 9.
			require.Equal(t, 60*time.Minute, s.clk.Now().Sub(began))
			require.Len(t, s.f.Records(s.tr.InteractionsArn), 1000)
		})
	}
}

// Each step can end CREATE FAILED; the deployer says which, with AWS's reason.
func TestDeployReportsCreateFailed(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name     string
		location string
		opts     []fake.Option
		want     []string
	}{
		{"malformed import", "s3://data/broken.csv", nil,
			[]string{"import job arn:aws:personalize:us-east-1:123456789012:dataset-import-job/recs-import: creation failed", "s3://data/broken.csv", "line 2", "TIMESTAMP"}},
		{"too few users to train", "s3://data/few-users.csv", nil,
			[]string{"solution version arn:aws:personalize:us-east-1:123456789012:solution/recs/", "creation failed: Create failed. Dataset has fewer than 25 users with at least 2 interactions each."}},
		{"campaign", "s3://data/interactions.csv", []fake.Option{fake.WithScenario(scenario.New().Add(
			scenario.On("personalize", "CreateCampaign").FailCreation("Insufficient capacity.")))},
			[]string{"campaign arn:aws:personalize:us-east-1:123456789012:campaign/recs: creation failed: Insufficient capacity."}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s := setupDeploy(t, typed, c.opts...)
			_, err := s.deploy(t, c.location, nil)
			require.ErrorIs(t, err, tracking.ErrCreateFailed)
			for _, want := range c.want {
				require.ErrorContains(t, err, want)
			}
		})
	}
}

// A training that runs past TrainingTimeout is stopped, and the deployer waits until it has
// (CREATE STOPPING takes a while) before it reports ErrTimeout.
func TestDeployStopsATrainingThatTimesOut(t *testing.T) {
	t.Parallel()
	for _, dr := range doors {
		t.Run(dr.name, func(t *testing.T) {
			t.Parallel()
			s := setupDeploy(t, dr)
			s.d.TrainingTimeout = 30 * time.Minute
			dep, err := s.deploy(t, "s3://data/interactions.csv", nil)
			require.ErrorIs(t, err, tracking.ErrTimeout)
			require.NotErrorIs(t, err, tracking.ErrStopped)
			require.Len(t, s.f.CallsTo("personalize", "StopSolutionVersionCreation"), 1)
			v, derr := s.f.Personalize().DescribeSolutionVersion(t.Context(), &personalize.DescribeSolutionVersionInput{SolutionVersionArn: &dep.SolutionVersionArn})
			require.NoError(t, derr)
			require.Equal(t, "CREATE STOPPED", aws.ToString(v.SolutionVersion.Status))
			require.Empty(t, s.f.CallsTo("personalize", "CreateCampaign"))
		})
	}
}

// A version stopped by someone else (another process, an operator) ends the deployment with
// ErrStopped, not a timeout.
func TestDeployReportsAStoppedVersion(t *testing.T) {
	t.Parallel()
	s := setupDeploy(t, wire)
	stopped := false
	dep, err := s.deploy(t, "s3://data/interactions.csv", func(int) {
		versions := s.f.CallsTo("personalize", "CreateSolutionVersion")
		if len(versions) == 0 || stopped {
			return
		}
		arn := versions[0].Output["solutionVersionArn"].(string)
		_, err := s.f.Personalize().StopSolutionVersionCreation(t.Context(), &personalize.StopSolutionVersionCreationInput{SolutionVersionArn: &arn})
		require.NoError(t, err)
		stopped = true
	})
	require.ErrorIs(t, err, tracking.ErrStopped)
	require.ErrorContains(t, err, dep.SolutionVersionArn)
	require.Empty(t, s.f.CallsTo("personalize", "GetSolutionMetrics"))
}
