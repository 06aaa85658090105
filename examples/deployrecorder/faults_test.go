package deployrecorder_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/examples/deployrecorder"
	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// The connection drops after SageMaker created the action. The SDK retries the 500 and meets
// "already exists"; the recorder must still report success with the action's ARN.
func TestRecordSurvivesALostResponse(t *testing.T) {
	t.Parallel()
	f := fake.ForTest(t)
	f.Inject(t, scenario.On("sagemaker", "CreateAction").Times(1).LoseResponse(scenario.InternalFailure()))
	r := &deployrecorder.Recorder{API: sagemaker.NewFromConfig(f.AWSConfig())}

	arn, err := r.Record(context.Background(), churnV7)
	require.NoError(t, err)
	require.Equal(t, "arn:aws:sagemaker:us-east-1:123456789012:action/deploy-churn-prod-v7", arn)
	name := map[string]any{"ActionName": "deploy-churn-prod-v7"}
	fake.RequireCalls(t, f, "sagemaker", "CreateAction", name, name) // the SDK's retry
	fake.RequireCalls(t, f, "sagemaker", "DescribeAction", name)
}

// Throttling is retried by the SDK without the test waiting for its backoff.
func TestRecordRidesOutThrottling(t *testing.T) {
	t.Parallel()
	f := fake.ForTest(t)
	f.Inject(t, scenario.On("sagemaker", "CreateAction").Times(2).Fail(scenario.Throttling()))
	r := &deployrecorder.Recorder{API: sagemaker.NewFromConfig(f.AWSConfig())}
	_, err := r.Record(context.Background(), churnV7)
	require.NoError(t, err)
	fake.RequireCallCount(t, f, "sagemaker", "CreateAction", 3)
}

// A real quota error is not "already exists": the recorder must fail, not describe.
func TestRecordReportsOtherErrors(t *testing.T) {
	t.Parallel()
	f := fake.ForTest(t, fake.WithScenario(scenario.New().SeedAction(scenario.Action{Name: "unrelated"})))
	f.Inject(t, scenario.On("sagemaker", "CreateAction").Fail(scenario.ResourceLimitExceeded("")))
	r := &deployrecorder.Recorder{API: f.SageMaker()}
	_, err := r.Record(context.Background(), churnV7)
	require.ErrorContains(t, err, "ResourceLimitExceeded")
	fake.RequireCallCount(t, f, "sagemaker", "DescribeAction", 0)
}
