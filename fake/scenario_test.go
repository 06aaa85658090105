package fake_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	petypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/scenario"
)

func codes(calls []fake.Call) []string {
	out := make([]string, len(calls))
	for i, c := range calls {
		if c.Err != nil {
			out[i] = c.Err.Code
		} else {
			out[i] = "ok"
		}
	}
	return out
}

func TestThrottlingThenSuccessIsRetriedWithoutWaiting(t *testing.T) {
	t.Parallel()
	s := scenario.New()
	s.On("sagemaker", "CreateAction").Times(1).Fail(scenario.Throttling())
	f := fake.New(fake.WithScenario(s))
	client := sagemaker.NewFromConfig(f.AWSConfig())

	begin := time.Now()
	out, err := client.CreateAction(context.Background(), newAction("retried"))
	require.NoError(t, err)
	t.Logf("two attempts took %v of real time", time.Since(begin))
	require.Equal(t, "arn:aws:sagemaker:us-east-1:123456789012:action/retried", aws.ToString(out.ActionArn))
	require.Equal(t, []string{"ThrottlingException", "ok"}, codes(f.CallsTo("sagemaker", "CreateAction")))
	attempts, ok := retry.GetAttemptResults(out.ResultMetadata)
	require.True(t, ok)
	require.Len(t, attempts.Results, 2, "the SDK's own record: two attempts")
}

func TestThrottlingOnTheTypedDoorReachesTheCaller(t *testing.T) {
	t.Parallel()
	f := fake.New()
	f.Inject(t, scenario.On("sagemaker", "DescribeAction").Fail(scenario.Throttling()))
	_, err := f.SageMaker().DescribeAction(context.Background(), &sagemaker.DescribeActionInput{ActionName: aws.String("x")})
	requireCode(t, err, "ThrottlingException")
	var ge *smithy.GenericAPIError
	require.ErrorAs(t, err, &ge)
}

func TestLostResponseThenRetryFindsAlreadyExists(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		e.f.Inject(t, scenario.On("sagemaker", "CreateAction").Times(1).LoseResponse(scenario.InternalFailure()))
		_, err := e.api.CreateAction(e.ctx, newAction("once"))
		// Through the wire the SDK retries the 500 itself; the typed door hands it back, and the
		// test retries as a caller would.
		if err != nil && statusCode(t, err) == http.StatusInternalServerError {
			_, err = e.api.CreateAction(e.ctx, newAction("once"))
		}
		msg := requireCode(t, err, "ValidationException")
		require.Contains(t, msg, "already exists", "the first attempt took effect")
		calls := e.f.CallsTo("sagemaker", "CreateAction")
		require.Equal(t, []string{"InternalFailure", "ValidationException"}, codes(calls))
		require.True(t, calls[0].Err.ResponseLost)
		require.NotNil(t, calls[0].Output, "the lost response is in the log")
	})
}

func TestRuleCounting(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		rule func(r *scenario.Rule) *scenario.Rule
		want []string
	}{
		{"times", func(r *scenario.Rule) *scenario.Rule { return r.Times(2) }, []string{"ThrottlingException", "ThrottlingException", "ok", "ok", "ok"}},
		{"nth", func(r *scenario.Rule) *scenario.Rule { return r.Nth(3) }, []string{"ok", "ok", "ThrottlingException", "ok", "ok"}},
		{"after", func(r *scenario.Rule) *scenario.Rule { return r.After(3) }, []string{"ok", "ok", "ok", "ThrottlingException", "ThrottlingException"}},
		{"after and times", func(r *scenario.Rule) *scenario.Rule { return r.After(1).Times(1) }, []string{"ok", "ThrottlingException", "ok", "ok", "ok"}},
		{"always", func(r *scenario.Rule) *scenario.Rule { return r }, []string{"ThrottlingException", "ThrottlingException", "ThrottlingException", "ThrottlingException", "ThrottlingException"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			f := fake.New()
			f.Inject(t, c.rule(scenario.On("sagemaker", "ListActions")).Fail(scenario.Throttling()))
			for i := 0; i < 5; i++ {
				_, _ = f.SageMaker().ListActions(context.Background(), &sagemaker.ListActionsInput{})
			}
			require.Equal(t, c.want, codes(f.Calls()))
		})
	}
}

func TestOtherRulesStillCount(t *testing.T) {
	t.Parallel()
	f := fake.New()
	f.Inject(t,
		scenario.On("sagemaker", "ListActions").Nth(1).Fail(scenario.Throttling()),
		scenario.On("sagemaker", "ListActions").Nth(2).Fail(scenario.ServiceUnavailable()),
		scenario.On("sagemaker", "ListActions").Times(2).Fail(scenario.InternalFailure()), // shadowed by the two above
	)
	for i := 0; i < 3; i++ {
		_, _ = f.SageMaker().ListActions(context.Background(), &sagemaker.ListActionsInput{})
	}
	require.Equal(t, []string{"ThrottlingException", "ServiceUnavailable", "ok"}, codes(f.Calls()))
}

func TestProbabilityIsSeeded(t *testing.T) {
	t.Parallel()
	run := func() []string {
		f := fake.New()
		f.Inject(t, scenario.On("sagemaker", "ListActions").WithProbability(0.5, 42).Fail(scenario.Throttling()))
		for i := 0; i < 40; i++ {
			_, _ = f.SageMaker().ListActions(context.Background(), &sagemaker.ListActionsInput{})
		}
		return codes(f.Calls())
	}
	first := run()
	require.Equal(t, first, run(), "the same seed fires on the same calls")
	fired := 0
	for _, c := range first {
		if c != "ok" {
			fired++
		}
	}
	require.Greater(t, fired, 5)
	require.Less(t, fired, 35)
}

// The edges of WithProbability: 0 never fires (it fired on every call once, read as "unset"),
// 1 always does, and the JSON form means the same.
func TestProbabilityEdges(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name  string
		rule  *scenario.Rule
		fired int
	}{
		{"zero in Go", scenario.On("sagemaker", "ListActions").WithProbability(0, 7).Fail(scenario.Throttling()), 0},
		{"one in Go", scenario.On("sagemaker", "ListActions").WithProbability(1, 7).Fail(scenario.Throttling()), 10},
		{"unset", scenario.On("sagemaker", "ListActions").Fail(scenario.Throttling()), 10},
		{"zero in JSON", mustParse(t, `{"rules": [{"service": "sagemaker", "operation": "ListActions", "probability": 0, "seed": 7,
			"error": {"code": "ThrottlingException"}}]}`).Rules[0], 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			f := fake.New()
			f.Inject(t, c.rule)
			fired := 0
			for i := 0; i < 10; i++ {
				if _, err := f.SageMaker().ListActions(context.Background(), &sagemaker.ListActionsInput{}); err != nil {
					fired++
				}
			}
			require.Equal(t, c.fired, fired)
		})
	}
}

func mustParse(t *testing.T, doc string) *scenario.Scenario {
	t.Helper()
	s, err := scenario.ParseJSON([]byte(doc))
	require.NoError(t, err)
	return s
}

func TestPredicates(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		e.f.Inject(t,
			scenario.On("sagemaker", "CreateAction").When(func(in *sagemaker.CreateActionInput) bool {
				return aws.ToString(in.ActionType) == "Canary" && in.Source != nil && in.Status == types.ActionStatusInProgress
			}).Fail(scenario.ResourceLimitExceeded("no canaries today")),
			scenario.On("sagemaker", "CreateAction").WhenInput(map[string]any{"Source": map[string]any{"SourceUri": "s3://blocked"}}).
				Fail(scenario.AccessDenied("")),
		)
		canary := newAction("c")
		canary.ActionType = aws.String("Canary")
		canary.Status = types.ActionStatusInProgress
		_, err := e.api.CreateAction(e.ctx, canary)
		var rle *types.ResourceLimitExceeded
		require.ErrorAs(t, err, &rle)
		require.Equal(t, "no canaries today", rle.ErrorMessage())

		blocked := newAction("b")
		blocked.Source.SourceUri = aws.String("s3://blocked")
		_, err = e.api.CreateAction(e.ctx, blocked)
		requireCode(t, err, "AccessDeniedException")

		e.create(t, newAction("plain"))
	})
}

func TestPredicateSeesTimestampsAndPanicsDoNotMatch(t *testing.T) {
	t.Parallel()
	f := fake.New()
	var seen time.Time
	f.Inject(t,
		scenario.On("sagemaker", "ListActions").When(func(in *sagemaker.ListActionsInput) bool {
			seen = aws.ToTime(in.CreatedAfter)
			return false
		}).Fail(scenario.Throttling()),
		scenario.On("sagemaker", "ListActions").When(func(in *sagemaker.ListActionsInput) bool {
			panic("a broken predicate")
		}).Fail(scenario.Throttling()),
	)
	_, err := sagemaker.NewFromConfig(f.AWSConfig()).ListActions(context.Background(), &sagemaker.ListActionsInput{CreatedAfter: aws.Time(start)})
	require.NoError(t, err)
	require.True(t, start.Equal(seen))
	calls := f.Calls()
	require.Len(t, calls, 1)
	require.Equal(t, []string{"the predicate of a scenario rule for sagemaker.ListActions panicked: a broken predicate"}, calls[0].Notes,
		"a panicking predicate is not silent: the call log says so")
	require.Contains(t, calls[0].String(), "[the predicate of a scenario rule for sagemaker.ListActions panicked: a broken predicate]")
}

// recordingTB is a testing.TB that keeps what a fake reports instead of failing a test.
type recordingTB struct {
	testing.TB
	mu       sync.Mutex
	errs     []string
	logs     []string
	cleanups []func()
}

func (r *recordingTB) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}
func (r *recordingTB) Cleanup(f func()) { r.cleanups = append(r.cleanups, f) }
func (r *recordingTB) Failed() bool     { return len(r.errs) > 0 }
func (r *recordingTB) Logf(format string, args ...any) {
	r.logs = append(r.logs, fmt.Sprintf(format, args...))
}

// Under ForTest, a panicking predicate fails the test; once the test is over it no longer can.
func TestPanickingPredicateFailsTheForTestTest(t *testing.T) {
	t.Parallel()
	rec := &recordingTB{TB: t}
	f := fake.ForTest(rec)
	f.AddRules(scenario.On("personalize", "ListDatasetGroups").When(func(*personalize.ListDatasetGroupsInput) bool {
		panic("boom")
	}).Fail(scenario.InvalidNextToken("")))
	_, err := f.Personalize().ListDatasetGroups(context.Background(), &personalize.ListDatasetGroupsInput{})
	require.NoError(t, err, "a panicking predicate does not match")
	require.Equal(t, []string{"awsfake: the predicate of a scenario rule for personalize.ListDatasetGroups panicked: boom"}, rec.errs)
	for _, c := range rec.cleanups {
		c()
	}
	_, err = f.Personalize().ListDatasetGroups(context.Background(), &personalize.ListDatasetGroupsInput{})
	require.NoError(t, err)
	require.Len(t, rec.errs, 1, "after its test, the fake reports nothing more to it")
}

func TestDelayWaitsOnTheFakeClock(t *testing.T) {
	t.Parallel()
	clk := newSignalClock()
	f := fake.New(fake.WithClock(clk))
	f.Inject(t, scenario.On("sagemaker", "CreateAction").Times(1).Delay(30*time.Second))
	done := make(chan error, 1)
	go func() {
		_, err := f.SageMaker().CreateAction(context.Background(), newAction("slow"))
		done <- err
	}()
	require.Equal(t, 30*time.Second, <-clk.timers, "the call waits on the fake's clock")
	clk.Add(29 * time.Second)
	select {
	case err := <-done:
		t.Fatalf("the call finished %v before its delay ended: %v", 29*time.Second, err)
	default:
	}
	clk.Add(time.Second)
	require.NoError(t, <-done)
	calls := f.Calls()
	require.Len(t, calls, 1)
	require.Equal(t, start.Add(30*time.Second), calls[0].Time, "the call took effect when the delay ended")
	d, err := f.SageMaker().DescribeAction(context.Background(), &sagemaker.DescribeActionInput{ActionName: aws.String("slow")})
	require.NoError(t, err)
	require.Equal(t, start.Add(30*time.Second), aws.ToTime(d.CreationTime))
}

// A call waiting out a delay ends when its context does, and changes nothing: the test cancels
// only once the call is known to be waiting, then moves the clock past the delay, so a wait
// that ignored its context would go on to create the action.
func TestDelayEndsWithTheContext(t *testing.T) {
	t.Parallel()
	clk := newSignalClock()
	f := fake.New(fake.WithClock(clk))
	f.Inject(t, scenario.On("sagemaker", "CreateAction").Delay(time.Hour))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := f.SageMaker().CreateAction(ctx, newAction("never"))
		done <- err
	}()
	<-clk.timers
	cancel()
	err := <-done
	require.ErrorIs(t, err, context.Canceled)
	clk.Add(2 * time.Hour)
	_, derr := f.SageMaker().DescribeAction(context.Background(), &sagemaker.DescribeActionInput{ActionName: aws.String("never")})
	requireCode(t, derr, "ResourceNotFound")
	require.Empty(t, f.CallsTo("sagemaker", "CreateAction"), "a call cancelled while it waited is not logged")
}

func TestInjectedRulesEndWithTheirTest(t *testing.T) {
	t.Parallel()
	f := fake.New()
	t.Run("inner", func(t *testing.T) {
		f.Inject(t, scenario.On("sagemaker", "ListActions").Fail(scenario.Throttling()))
		_, err := f.SageMaker().ListActions(context.Background(), &sagemaker.ListActionsInput{})
		requireCode(t, err, "ThrottlingException")
	})
	_, err := f.SageMaker().ListActions(context.Background(), &sagemaker.ListActionsInput{})
	require.NoError(t, err)

	remove := f.AddRules(scenario.On("sagemaker", "ListActions").Fail(scenario.Throttling()))
	_, err = f.SageMaker().ListActions(context.Background(), &sagemaker.ListActionsInput{})
	require.Error(t, err)
	remove()
	_, err = f.SageMaker().ListActions(context.Background(), &sagemaker.ListActionsInput{})
	require.NoError(t, err)
}

func TestBuilderRefusesMistakesAtOnce(t *testing.T) {
	t.Parallel()
	require.Contains(t, panicMessage(func() { scenario.On("sagemaker", "CreateActoin") }),
		"scenario: sagemaker.CreateActoin is not a supported operation; did you mean CreateAction? (sagemaker supports ")
	require.Equal(t, "scenario: s3.GetObject is not a supported operation: there is no service \"s3\" (the services: personalize, personalize-events, personalize-runtime, sagemaker)",
		panicMessage(func() { scenario.On("s3", "GetObject") }))
	require.Panics(t, func() {
		scenario.On("sagemaker", "CreateAction").When(func(*sagemaker.DescribeActionInput) bool { return true })
	})
	require.Panics(t, func() { scenario.On("personalize", "CreateEventTracker").When(func(string) bool { return true }) })
	require.Panics(t, func() { scenario.On("sagemaker", "CreateAction").FailCreation("x") })
	require.Panics(t, func() { fake.New().AddRules(scenario.On("sagemaker", "CreateAction")) }, "a rule that does nothing")
	require.Panics(t, func() { fake.New(fake.WithScenario(scenario.New().SeedDatasetGroup(scenario.DatasetGroup{}))) })
}

func TestCreateFailedFromAScenario(t *testing.T) {
	t.Parallel()
	s := scenario.New()
	s.On("personalize", "CreateEventTracker").FailCreation("Insufficient permissions on the dataset group.")
	p := typedPZ(t, fake.WithScenario(s))
	group := p.group(t, "g", "")
	in := &personalize.CreateEventTrackerInput{Name: aws.String("t"), DatasetGroupArn: &group}
	out, err := p.pz.CreateEventTracker(p.ctx, in)
	require.NoError(t, err)
	tracker := aws.ToString(out.EventTrackerArn)
	require.Equal(t, "CREATE PENDING", p.trackerStatus(t, tracker))
	p.clk.Add(time.Minute)
	require.Equal(t, "CREATE FAILED", p.trackerStatus(t, tracker))
	// A failed tracker can be deleted, and then the group takes a new one.
	_, err = p.pz.DeleteEventTracker(p.ctx, &personalize.DeleteEventTrackerInput{EventTrackerArn: &tracker})
	require.NoError(t, err)
	p.clk.Add(time.Minute)
	require.NoError(t, p.f.SetScenario(nil))
	_, err = p.pz.CreateEventTracker(p.ctx, in)
	require.NoError(t, err)

	s2 := scenario.New()
	s2.On("personalize", "CreateDatasetGroup").FailCreation("KMS key not accessible.")
	q := typedPZ(t, fake.WithScenario(s2))
	g, err := q.pz.CreateDatasetGroup(q.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("g")})
	require.NoError(t, err)
	q.clk.Add(time.Minute)
	d, err := q.pz.DescribeDatasetGroup(q.ctx, &personalize.DescribeDatasetGroupInput{DatasetGroupArn: g.DatasetGroupArn})
	require.NoError(t, err)
	require.Equal(t, "CREATE FAILED", aws.ToString(d.DatasetGroup.Status))
	require.Equal(t, "KMS key not accessible.", aws.ToString(d.DatasetGroup.FailureReason))
	_, err = q.pz.CreateEventTracker(q.ctx, &personalize.CreateEventTrackerInput{Name: aws.String("t"), DatasetGroupArn: g.DatasetGroupArn})
	requireCode(t, err, "ResourceInUseException")
}

func TestLimitExceededOnCreateEventTrackerReachesTheCaller(t *testing.T) {
	t.Parallel()
	s := scenario.New()
	s.On("personalize", "CreateEventTracker").Fail(scenario.LimitExceeded("injected"))
	p := typedPZ(t, fake.WithScenario(s))
	group := p.group(t, "g", "")
	_, err := p.pz.CreateEventTracker(p.ctx, &personalize.CreateEventTrackerInput{Name: aws.String("t"), DatasetGroupArn: &group})
	msg := requireCode(t, err, "LimitExceededException")
	require.Equal(t, "injected", msg)
	list, err := p.pz.ListEventTrackers(p.ctx, &personalize.ListEventTrackersInput{})
	require.NoError(t, err)
	require.Empty(t, list.EventTrackers, "a rejected call changes nothing")
}

func TestSeeds(t *testing.T) {
	t.Parallel()
	s := scenario.New().
		SeedAction(scenario.Action{Name: "existing", Tags: map[string]string{"team": "ml"}}).
		SeedDatasetGroup(scenario.DatasetGroup{Name: "shop", EventTracker: &scenario.EventTracker{
			Name: "clicks", ID: "0a1b2c3d", TrackingID: "11111111-2222-4333-8444-555555555555"}}).
		SeedDatasetGroup(scenario.DatasetGroup{Name: "young", Status: "CREATE IN_PROGRESS", Where: scenario.Where{Region: "eu-west-1"}})
	p := typedPZ(t, fake.WithScenario(s))
	require.Empty(t, p.f.Calls(), "seeds are not calls")

	_, err := p.f.SageMaker().CreateAction(context.Background(), newAction("existing"))
	requireCode(t, err, "ValidationException")

	group := "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop"
	require.Equal(t, "ACTIVE", p.groupStatus(t, group))
	tracker := "arn:aws:personalize:us-east-1:123456789012:event-tracker/0a1b2c3d"
	require.Equal(t, "ACTIVE", p.trackerStatus(t, tracker))

	// The seeded trackingId takes events at once.
	_, err = personalizeevents.NewFromConfig(p.f.AWSConfig()).PutEvents(context.Background(), &personalizeevents.PutEventsInput{
		TrackingId: aws.String("11111111-2222-4333-8444-555555555555"), SessionId: aws.String("s"),
		EventList: []petypes.Event{click("i", start)},
	})
	require.NoError(t, err)
	require.Len(t, p.f.Events(group), 1)

	west := "arn:aws:personalize:eu-west-1:123456789012:dataset-group/young"
	require.Len(t, p.f.Events(west), 0)
	require.NotNil(t, p.f.Events(west))

	// Seeding over an existing resource is an error, not a silent overwrite.
	err = p.f.SetScenario(scenario.New().SeedAction(scenario.Action{Name: "existing"}))
	require.ErrorContains(t, err, "already exists")
	var apiErr interface{ ErrorCode() string }
	require.False(t, errors.As(err, &apiErr))
}

// A scenario whose seeds fail part-way leaves nothing of them behind: no resource, no name
// taken, no quota used, no trackingId claimed, and the rules it carried are not installed.
func TestSeedsAreAllOrNothing(t *testing.T) {
	t.Parallel()
	const trackingID = "11111111-2222-4333-8444-555555555555"
	good := func() *scenario.Scenario {
		s := scenario.New().
			SeedAction(scenario.Action{Name: "a1"}).
			SeedDatasetGroup(scenario.DatasetGroup{Name: "shop", EventTracker: &scenario.EventTracker{Name: "t", ID: "0a1b2c3d", TrackingID: trackingID}}).
			SeedDatasetGroup(scenario.DatasetGroup{Name: "west", Where: scenario.Where{Region: "eu-west-1"}})
		s.On("sagemaker", "ListActions").Fail(scenario.Throttling())
		return s
	}
	for _, c := range []struct {
		name string
		bad  func(s *scenario.Scenario)
		want string
	}{
		{"a duplicate action last", func(s *scenario.Scenario) { s.SeedAction(scenario.Action{Name: "a1"}) }, "already exists"},
		{"an invalid dataset group name last", func(s *scenario.Scenario) { s.SeedDatasetGroup(scenario.DatasetGroup{Name: "bad name"}) }, "failed to satisfy constraint"},
		{"a tracker id taken", func(s *scenario.Scenario) {
			s.SeedDatasetGroup(scenario.DatasetGroup{Name: "other", EventTracker: &scenario.EventTracker{Name: "t", ID: "0a1b2c3d"}})
		}, "already exists"},
		{"a trackingId taken", func(s *scenario.Scenario) {
			s.SeedDatasetGroup(scenario.DatasetGroup{Name: "other", EventTracker: &scenario.EventTracker{Name: "t", TrackingID: trackingID}})
		}, "already in use"},
		{"past the dataset group quota", func(s *scenario.Scenario) {
			for i := range 5 {
				s.SeedDatasetGroup(scenario.DatasetGroup{Name: fmt.Sprintf("g%d", i)})
			}
		}, "LimitExceededException"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			p := typedPZ(t)
			s := good()
			c.bad(s)
			err := p.f.SetScenario(s)
			require.ErrorContains(t, err, c.want)

			out, err := p.f.SageMaker().ListActions(context.Background(), &sagemaker.ListActionsInput{})
			require.NoError(t, err, "the scenario's rules must not be installed")
			require.Empty(t, out.ActionSummaries)
			groups, err := p.pz.ListDatasetGroups(p.ctx, &personalize.ListDatasetGroupsInput{})
			require.NoError(t, err)
			require.Empty(t, groups.DatasetGroups)
			trackers, err := p.pz.ListEventTrackers(p.ctx, &personalize.ListEventTrackersInput{})
			require.NoError(t, err)
			require.Empty(t, trackers.EventTrackers)

			// Everything the failed scenario touched is free again.
			require.NoError(t, p.f.SetScenario(good()))
			require.Equal(t, "ACTIVE", p.trackerStatus(t, "arn:aws:personalize:us-east-1:123456789012:event-tracker/0a1b2c3d"))
		})
	}
}

// Replacing the scenario while calls run never leaves a moment without rules: every call meets
// the failing rule, old or new (it once cleared the rules and added them back in two steps).
func TestSetScenarioNeverLeavesCallsWithoutRules(t *testing.T) {
	t.Parallel()
	f := fake.New()
	s := scenario.New()
	s.On("sagemaker", "ListActions").Fail(scenario.Throttling())
	require.NoError(t, f.SetScenario(s))
	stop := make(chan struct{})
	replaced := make(chan error, 1)
	go func() {
		defer close(stop)
		for i := 0; i < 2000; i++ {
			if err := f.SetScenario(s); err != nil {
				replaced <- err
				return
			}
		}
		replaced <- nil
	}()
	calls, passed := 0, 0
	for done := false; !done; calls++ {
		select {
		case <-stop:
			done = true
		default:
		}
		if _, err := f.SageMaker().ListActions(context.Background(), &sagemaker.ListActionsInput{}); err == nil {
			passed++
		}
	}
	require.NoError(t, <-replaced)
	require.Zero(t, passed, "%d of %d calls ran with no rule installed", passed, calls)
}

// panicMessage runs f and returns what it panicked with, or "" if it did not.
func panicMessage(f func()) (msg string) {
	defer func() {
		if p := recover(); p != nil {
			msg = fmt.Sprint(p)
		}
	}()
	f()
	return ""
}

// CreateActionInput has the name of the SDK's input type but not its package: When tells them
// apart by the package path, as it names the SDK's types without importing them.
type CreateActionInput struct{}

// When accepts a predicate over each door's own input type, for every supported operation, and
// refuses a type of the same name from another package, naming the type it wants.
func TestWhenTakesTheDoorsInputTypes(t *testing.T) {
	t.Parallel()
	doors := map[string]any{"sagemaker": fake.New().SageMaker(), "personalize": fake.New().Personalize(),
		"personalize-events": fake.New().PersonalizeEvents(), "personalize-runtime": fake.New().PersonalizeRuntime()}
	for service, ops := range scenario.Operations() {
		for _, op := range ops {
			if catalog.Lookup(service, op).WireOnly {
				require.NotPanics(t, func() { scenario.On(service, op).When(func(map[string]any) bool { return true }) })
				continue
			}
			param := reflect.ValueOf(doors[service]).MethodByName(op).Type().In(1)
			pred := reflect.MakeFunc(reflect.FuncOf([]reflect.Type{param}, []reflect.Type{reflect.TypeFor[bool]()}, false),
				func([]reflect.Value) []reflect.Value { return []reflect.Value{reflect.ValueOf(true)} })
			require.NotPanics(t, func() { scenario.On(service, op).When(pred.Interface()) }, "%s.%s", service, op)
		}
	}
	require.Equal(t, "scenario: sagemaker.CreateAction: When takes a func(*sagemaker.CreateActionInput) bool or func(map[string]any) bool, not func(*fake_test.CreateActionInput) bool",
		panicMessage(func() { scenario.On("sagemaker", "CreateAction").When(func(*CreateActionInput) bool { return true }) }))
}

// A typed predicate of a call through the typed door gets the caller's own input: the input is
// converted once, to the engine's shape, and never back. Through the wire door it gets the
// input converted to the SDK type.
func TestTypedPredicatesSeeTheCallersInput(t *testing.T) {
	t.Parallel()
	f := fake.New()
	var seen []*sagemaker.CreateActionInput
	f.Inject(t, scenario.On("sagemaker", "CreateAction").When(func(in *sagemaker.CreateActionInput) bool {
		seen = append(seen, in)
		return aws.ToString(in.ActionName) == "refused"
	}).Fail(scenario.Throttling()))
	in := newAction("accepted")
	_, err := f.SageMaker().CreateAction(t.Context(), in)
	require.NoError(t, err)
	require.Len(t, seen, 1)
	require.Same(t, in, seen[0])

	client := sagemaker.NewFromConfig(f.AWSConfig(), func(o *sagemaker.Options) { o.Retryer = aws.NopRetryer{} })
	_, err = client.CreateAction(t.Context(), newAction("refused"))
	requireCode(t, err, "ThrottlingException")
	require.Len(t, seen, 2)
	require.Equal(t, "refused", aws.ToString(seen[1].ActionName))
}
