package fake_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/aws/smithy-go"
	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// start is a fixed instant for mock clocks, so timestamps in tests are readable.
var start = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

func mockClock() *clock.Mock {
	c := clock.NewMock()
	c.Set(start)
	return c
}

// door is one way into the fake: the typed door, or a real SDK client on the wire door.
type door struct {
	name string
	api  func(f *fake.Fake) fake.SageMakerAPI
}

var doors = []door{
	{"typed", func(f *fake.Fake) fake.SageMakerAPI { return f.SageMaker() }},
	{"wire", func(f *fake.Fake) fake.SageMakerAPI { return sagemaker.NewFromConfig(f.AWSConfig()) }},
}

// env is one fake, one door and its mock clock.
type env struct {
	f   *fake.Fake
	api fake.SageMakerAPI
	clk *clock.Mock
	ctx context.Context
}

// eachDoor runs body once per door, each on a fresh fake with a mock clock at start.
func eachDoor(t *testing.T, body func(t *testing.T, e *env), opts ...fake.Option) {
	t.Helper()
	for _, d := range doors {
		t.Run(d.name, func(t *testing.T) {
			t.Parallel()
			clk := mockClock()
			f := fake.ForTest(t, append([]fake.Option{fake.WithClock(clk)}, opts...)...)
			body(t, &env{f: f, api: d.api(f), clk: clk, ctx: context.Background()})
		})
	}
}

func newAction(name string) *sagemaker.CreateActionInput {
	return &sagemaker.CreateActionInput{
		ActionName: aws.String(name),
		ActionType: aws.String("ModelDeployment"),
		Source:     &types.ActionSource{SourceUri: aws.String("s3://models/" + name)},
	}
}

func (e *env) create(t *testing.T, in *sagemaker.CreateActionInput) string {
	t.Helper()
	out, err := e.api.CreateAction(e.ctx, in)
	require.NoError(t, err)
	return aws.ToString(out.ActionArn)
}

// apiError returns the AWS error code and message inside err, failing if there is none.
func apiError(t *testing.T, err error) (code, msg string) {
	t.Helper()
	require.Error(t, err)
	var ae smithy.APIError
	require.True(t, errors.As(err, &ae), "not an API error: %v", err)
	return ae.ErrorCode(), ae.ErrorMessage()
}

func requireCode(t *testing.T, err error, code string) string {
	t.Helper()
	got, msg := apiError(t, err)
	require.Equal(t, code, got, "message: %s", msg)
	return msg
}

// withoutRequestID blanks the request id in an SDK error string, which differs per call.
func withoutRequestID(s string) string {
	i := strings.Index(s, "RequestID: ")
	if i < 0 {
		return s
	}
	j := strings.Index(s[i:], ",")
	if j < 0 {
		return s
	}
	return s[:i] + "RequestID: <id>" + s[i+j:]
}

func statusCode(t *testing.T, err error) int {
	t.Helper()
	var re *awshttp.ResponseError
	require.True(t, errors.As(err, &re), "no HTTP response in %v", err)
	return re.HTTPStatusCode()
}

// signalClock is a mock clock that tells the test each time a timer is made: the fake makes one
// when a call starts waiting out a scenario's delay, so a test knows the call is waiting.
type signalClock struct {
	*clock.Mock
	timers chan time.Duration
}

func newSignalClock() *signalClock {
	return &signalClock{Mock: mockClock(), timers: make(chan time.Duration, 16)}
}

func (c *signalClock) Timer(d time.Duration) *clock.Timer {
	t := c.Mock.Timer(d)
	c.timers <- d
	return t
}
