package deployrecorder_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/examples/deployrecorder"
	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// eachClient runs body once per kind of client, each on a fresh fake.
func eachClient(t *testing.T, body func(t *testing.T, f *fake.Fake, api deployrecorder.LineageAPI)) {
	t.Helper()
	for _, name := range []string{"typed door", "sagemaker.Client"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := fake.ForTest(t)
			body(t, f, clients(f)[name])
		})
	}
}

// associations lists every association as "source -type-> destination", oldest first.
func associations(t *testing.T, api deployrecorder.LineageAPI) []string {
	t.Helper()
	var out []string
	p := sagemaker.NewListAssociationsPaginator(api.(fake.SageMakerAPI), &sagemaker.ListAssociationsInput{SortOrder: types.SortOrderAscending})
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		require.NoError(t, err)
		for _, s := range page.AssociationSummaries {
			out = append(out, aws.ToString(s.SourceArn)+" -"+string(s.AssociationType)+"-> "+aws.ToString(s.DestinationArn))
		}
	}
	return out
}

// A deployment links its three entities as AWS links its own endpoints' lineage; recording it
// again adds nothing and fails nothing.
func TestRecordLinksModelActionAndEndpoint(t *testing.T) {
	t.Parallel()
	eachClient(t, func(t *testing.T, _ *fake.Fake, api deployrecorder.LineageAPI) {
		r := &deployrecorder.Recorder{API: api}
		l, err := r.Record(context.Background(), churnV7)
		require.NoError(t, err)
		want := []string{l.Model + " -ContributedTo-> " + l.Action, l.Action + " -AssociatedWith-> " + l.Endpoint}
		require.Equal(t, want, associations(t, api))
		again, err := r.Record(context.Background(), churnV7)
		require.NoError(t, err, `"already exists" is success`)
		require.Equal(t, l, again)
		require.Equal(t, want, associations(t, api))
	})
}

// One model on two endpoints, and another model on one of them: each model's endpoints are the
// ones it was deployed to, found through the deployment actions between them.
func TestEndpointsServingAModel(t *testing.T) {
	t.Parallel()
	canary := churnV7
	canary.Endpoint, canary.EndpointARN = "churn-canary", "arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn-canary"
	churnV8 := canary
	churnV8.ModelVersion, churnV8.ModelURI = "v8", "s3://models/churn/v8.tar.gz"
	eachClient(t, func(t *testing.T, _ *fake.Fake, api deployrecorder.LineageAPI) {
		ctx := context.Background()
		r := &deployrecorder.Recorder{API: api}
		prod, err := r.Record(ctx, churnV7)
		require.NoError(t, err)
		can, err := r.Record(ctx, canary)
		require.NoError(t, err)
		v8, err := r.Record(ctx, churnV8)
		require.NoError(t, err)
		require.Equal(t, prod.Model, can.Model, "one model artifact, deployed twice")

		got, err := r.Endpoints(ctx, prod.Model)
		require.NoError(t, err)
		require.Equal(t, []string{
			"arn:aws:sagemaker:us-east-1:123456789012:context/churn-canary-endpoint",
			"arn:aws:sagemaker:us-east-1:123456789012:context/churn-prod-endpoint",
		}, got)
		got, err = r.Endpoints(ctx, v8.Model)
		require.NoError(t, err)
		require.Equal(t, []string{"arn:aws:sagemaker:us-east-1:123456789012:context/churn-canary-endpoint"}, got)

		// A model recorded by someone else and never deployed serves nowhere; an unknown
		// one is SageMaker's ResourceNotFound.
		trained, err := api.CreateArtifact(ctx, &sagemaker.CreateArtifactInput{ArtifactType: aws.String(deployrecorder.ModelType),
			Source: &types.ArtifactSource{SourceUri: aws.String("s3://models/churn/v9.tar.gz")}})
		require.NoError(t, err)
		got, err = r.Endpoints(ctx, aws.ToString(trained.ArtifactArn))
		require.NoError(t, err)
		require.Empty(t, got)
		_, err = r.Endpoints(ctx, "arn:aws:sagemaker:us-east-1:123456789012:artifact/00000000000000000000000000000000")
		var nf *types.ResourceNotFound
		require.ErrorAs(t, err, &nf)
	})
}

// The connection drops after SageMaker added the association. The SDK client retries the 500
// and meets "already exists", which the recorder takes as success. The typed door does not
// retry: the recorder reports the 500, and the pipeline's retry of the step records the rest.
func TestRecordSurvivesALostAddAssociationResponse(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name   string
		client func(f *fake.Fake) deployrecorder.LineageAPI
		retry  bool // whether the recorder has to be run again
	}{
		{"sagemaker.Client", func(f *fake.Fake) deployrecorder.LineageAPI { return sagemaker.NewFromConfig(f.AWSConfig()) }, false},
		{"typed door", func(f *fake.Fake) deployrecorder.LineageAPI { return f.SageMaker() }, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			f := fake.ForTest(t)
			f.Inject(t, scenario.On("sagemaker", "AddAssociation").Times(1).LoseResponse(scenario.InternalFailure()))
			api := c.client(f)
			r := &deployrecorder.Recorder{API: api}
			l, err := r.Record(context.Background(), churnV7)
			if c.retry {
				require.ErrorContains(t, err, "InternalFailure")
				require.ErrorContains(t, err, "link "+"arn:aws:sagemaker:us-east-1:123456789012:artifact/")
				l, err = r.Record(context.Background(), churnV7)
			}
			require.NoError(t, err)
			require.Equal(t, []string{l.Model + " -ContributedTo-> " + l.Action, l.Action + " -AssociatedWith-> " + l.Endpoint},
				associations(t, api), "each association once")
			calls := f.CallsTo("sagemaker", "AddAssociation")
			require.Len(t, calls, 3, "the lost one, its retry, and the second link")
			require.Equal(t, "ValidationException", calls[1].Err.Code)
			got, err := r.Endpoints(context.Background(), l.Model)
			require.NoError(t, err)
			require.Equal(t, []string{l.Endpoint}, got)
		})
	}
}

// A deployment recorded before this version of the recorder (entities, no associations) is
// linked when recorded again, and then found by Endpoints.
func TestRecordLinksAnEarlierDeployment(t *testing.T) {
	t.Parallel()
	s := scenario.New().
		SeedArtifact(scenario.Artifact{SourceURI: churnV7.ModelURI, ArtifactType: deployrecorder.ModelType, Name: "v7", Label: "model"}).
		SeedContext(scenario.Context{Name: deployrecorder.EndpointContextName(churnV7), ContextType: deployrecorder.EndpointType,
			SourceURI: churnV7.EndpointARN}).
		SeedAction(scenario.Action{Name: deployrecorder.ActionName(churnV7), ActionType: deployrecorder.ActionType, SourceURI: churnV7.ModelURI})
	f := fake.ForTest(t, fake.WithScenario(s))
	r := &deployrecorder.Recorder{API: f.SageMaker()}
	l, err := r.Record(context.Background(), churnV7)
	require.NoError(t, err)
	fake.RequireCallCount(t, f, "sagemaker", "CreateArtifact", 0)
	fake.RequireCallCount(t, f, "sagemaker", "AddAssociation", 2)
	got, err := r.Endpoints(context.Background(), l.Model)
	require.NoError(t, err)
	require.Equal(t, []string{l.Endpoint}, got)
}
