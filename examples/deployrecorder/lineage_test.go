package deployrecorder_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/examples/deployrecorder"
	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// A deployment is recorded as three lineage entities: the model artifact, the endpoint context
// and the deployment action.
func TestRecordWritesModelEndpointAndAction(t *testing.T) {
	t.Parallel()
	for name, api := range clients(fake.New()) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			r := &deployrecorder.Recorder{API: api}
			l, err := r.Record(ctx, churnV7)
			require.NoError(t, err)
			require.Regexp(t, `^arn:aws:sagemaker:us-east-1:123456789012:artifact/[0-9a-f]{32}$`, l.Model)
			require.Equal(t, "arn:aws:sagemaker:us-east-1:123456789012:context/churn-prod-endpoint", l.Endpoint)
			require.Equal(t, "arn:aws:sagemaker:us-east-1:123456789012:action/deploy-churn-prod-v7", l.Action)

			sm := api.(fake.SageMakerAPI)
			model, err := sm.DescribeArtifact(ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: aws.String(l.Model)})
			require.NoError(t, err)
			require.Equal(t, deployrecorder.ModelType, aws.ToString(model.ArtifactType))
			require.Equal(t, churnV7.ModelURI, aws.ToString(model.Source.SourceUri))
			endpoint, err := sm.DescribeContext(ctx, &sagemaker.DescribeContextInput{ContextName: aws.String(l.Endpoint)})
			require.NoError(t, err)
			require.Equal(t, deployrecorder.EndpointType, aws.ToString(endpoint.ContextType))
			require.Equal(t, churnV7.EndpointARN, aws.ToString(endpoint.Source.SourceUri))
			// All three are in the account's default lineage group.
			require.Equal(t, aws.ToString(model.LineageGroupArn), aws.ToString(endpoint.LineageGroupArn))
		})
	}
}

// The next model version on the same endpoint is a new artifact and a new action, in the
// endpoint context the first deployment made; recording either again creates nothing.
func TestRecordReusesWhatExists(t *testing.T) {
	t.Parallel()
	f := fake.ForTest(t)
	r := &deployrecorder.Recorder{API: sagemaker.NewFromConfig(f.AWSConfig())}
	ctx := context.Background()
	v7, err := r.Record(ctx, churnV7)
	require.NoError(t, err)
	churnV8 := churnV7
	churnV8.ModelVersion, churnV8.ModelURI = "v8", "s3://models/churn/v8.tar.gz"
	v8, err := r.Record(ctx, churnV8)
	require.NoError(t, err)
	require.Equal(t, v7.Endpoint, v8.Endpoint)
	require.NotEqual(t, v7.Model, v8.Model)
	require.NotEqual(t, v7.Action, v8.Action)

	again, err := r.Record(ctx, churnV8)
	require.NoError(t, err)
	require.Equal(t, v8, again)
	fake.RequireCallCount(t, f, "sagemaker", "CreateArtifact", 2)
	fake.RequireCallCount(t, f, "sagemaker", "CreateContext", 1)
	fake.RequireCallCount(t, f, "sagemaker", "DescribeContext", 3) // the first one was ResourceNotFound
}

// A model that SageMaker (or a training job) already tracked is reused, found by its S3 URI.
// An artifact of the same URI with an ETag is another source, which the recorder leaves alone.
func TestRecordUsesASeededModelArtifact(t *testing.T) {
	t.Parallel()
	trained := scenario.Artifact{SourceURI: churnV7.ModelURI, ArtifactType: deployrecorder.ModelType, Name: "trained"}
	etag := scenario.Artifact{SourceURI: churnV7.ModelURI, ArtifactType: deployrecorder.ModelType,
		SourceTypes: []scenario.SourceType{{IDType: "S3ETag", Value: "e1"}}}
	// Listed newest first, the one with an ETag comes first.
	s := scenario.New().SeedArtifact(trained).SeedArtifact(etag)
	f := fake.ForTest(t, fake.WithScenario(s))
	r := &deployrecorder.Recorder{API: f.SageMaker()}
	l, err := r.Record(context.Background(), churnV7)
	require.NoError(t, err)
	fake.RequireCallCount(t, f, "sagemaker", "CreateArtifact", 0)
	model, err := f.SageMaker().DescribeArtifact(context.Background(), &sagemaker.DescribeArtifactInput{ArtifactArn: aws.String(l.Model)})
	require.NoError(t, err)
	require.Equal(t, "trained", aws.ToString(model.ArtifactName))
	require.Empty(t, model.Source.SourceTypes)
}

// A context of that name made by someone else between the recorder's look and its create: the
// create meets "already exists", and the recorder reads the context instead.
func TestRecordMeetsAnEndpointContextMadeMeanwhile(t *testing.T) {
	t.Parallel()
	f := fake.ForTest(t)
	f.Inject(t, scenario.On("sagemaker", "CreateContext").Times(1).LoseResponse(scenario.ValidationException(
		"Context arn:aws:sagemaker:us-east-1:123456789012:context/churn-prod-endpoint already exists.")))
	r := &deployrecorder.Recorder{API: f.SageMaker()}
	l, err := r.Record(context.Background(), churnV7)
	require.NoError(t, err)
	require.Equal(t, "arn:aws:sagemaker:us-east-1:123456789012:context/churn-prod-endpoint", l.Endpoint)
	fake.RequireCallCount(t, f, "sagemaker", "DescribeContext", 2)
	require.Equal(t, "ResourceNotFound", f.CallsTo("sagemaker", "DescribeContext")[0].Err.Code)
}
