package deployrecorder_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
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

	l, err := r.Record(context.Background(), churnV7)
	require.NoError(t, err)
	require.Equal(t, "arn:aws:sagemaker:us-east-1:123456789012:action/deploy-churn-prod-v7", l.Action)
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

// The connection drops after SageMaker created the model artifact. The SDK's retry meets
// "already exists"; the recorder finds the artifact by its SourceUri.
func TestRecordFindsAModelArtifactWhoseResponseWasLost(t *testing.T) {
	t.Parallel()
	f := fake.ForTest(t)
	f.Inject(t, scenario.On("sagemaker", "CreateArtifact").Times(1).LoseResponse(scenario.InternalFailure()))
	r := &deployrecorder.Recorder{API: sagemaker.NewFromConfig(f.AWSConfig())}
	l, err := r.Record(context.Background(), churnV7)
	require.NoError(t, err)
	require.Equal(t, "arn:aws:sagemaker:us-east-1:123456789012:artifact/3f74a2e4143947326f78b8c02b77864c", l.Model)
	fake.RequireCallCount(t, f, "sagemaker", "CreateArtifact", 2) // the lost one and the SDK's retry
	fake.RequireCallCount(t, f, "sagemaker", "ListArtifacts", 2)  // before creating, and after "already exists"
}

// Past AWS's quota of artifacts, the recorder reports SageMaker's error and records nothing
// else.
func TestRecordStopsAtTheArtifactQuota(t *testing.T) {
	t.Parallel()
	f := fake.ForTest(t, fake.WithQuota(fake.Artifacts, 1),
		fake.WithScenario(scenario.New().SeedArtifact(scenario.Artifact{SourceURI: "s3://models/other.tar.gz"})))
	r := &deployrecorder.Recorder{API: f.SageMaker()}
	_, err := r.Record(context.Background(), churnV7)
	var rle *types.ResourceLimitExceeded
	require.ErrorAs(t, err, &rle)
	fake.RequireCallCount(t, f, "sagemaker", "CreateContext", 0)
	fake.RequireCallCount(t, f, "sagemaker", "CreateAction", 0)
}
