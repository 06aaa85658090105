package deployrecorder_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/examples/deployrecorder"
	"github.com/awsfake/awsfake/fake"
)

var churnV7 = deployrecorder.Deployment{Endpoint: "churn-prod", EndpointARN: "arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn-prod",
	ModelVersion: "v7", ModelURI: "s3://models/churn/v7.tar.gz", DeployedBy: "ci"}

// clients gives the recorder both kinds of client a user might hold: the typed door, and a
// real *sagemaker.Client on the fake's wire door.
func clients(f *fake.Fake) map[string]deployrecorder.LineageAPI {
	return map[string]deployrecorder.LineageAPI{
		"typed door":       f.SageMaker(),
		"sagemaker.Client": sagemaker.NewFromConfig(f.AWSConfig()),
	}
}

func TestRecordIsIdempotent(t *testing.T) {
	t.Parallel()
	for name, api := range clients(fake.New()) {
		t.Run(name, func(t *testing.T) {
			r := &deployrecorder.Recorder{API: api}
			first, err := r.Record(context.Background(), churnV7)
			require.NoError(t, err)
			again, err := r.Record(context.Background(), churnV7)
			require.NoError(t, err, "a retried pipeline step must not fail")
			require.Equal(t, first, again)
		})
	}
}

func TestRecordRefusesWhatSageMakerRefuses(t *testing.T) {
	t.Parallel()
	r := &deployrecorder.Recorder{API: fake.New().SageMaker()}
	bad := churnV7
	bad.ModelURI = "" // SourceUri must have at least one character
	_, err := r.Record(context.Background(), bad)
	require.ErrorContains(t, err, "find model artifact : ")
	require.ErrorContains(t, err, "at 'sourceUri' failed to satisfy constraint: Member must have length greater than or equal to 1")
}

func TestNamesFitSageMaker(t *testing.T) {
	t.Parallel()
	f := fake.New()
	r := &deployrecorder.Recorder{API: f.SageMaker()}
	for _, d := range []deployrecorder.Deployment{
		{Endpoint: "churn_prod", ModelVersion: "1.2.3", ModelURI: "s3://m/1"},
		{Endpoint: strings.Repeat("very-long-endpoint-", 10), ModelVersion: "v1", ModelURI: "s3://m/2"},
		{Endpoint: "--edge--", ModelVersion: "__", ModelURI: "s3://m/3"},
	} {
		_, err := r.Record(context.Background(), d)
		require.NoError(t, err, "names %q, %q", deployrecorder.ActionName(d), deployrecorder.EndpointContextName(d))
	}
}

func TestHistoryPagesAndOrders(t *testing.T) {
	t.Parallel()
	clk := clock.NewMock()
	f := fake.New(fake.WithClock(clk))
	r := &deployrecorder.Recorder{API: sagemaker.NewFromConfig(f.AWSConfig())}
	ctx := context.Background()
	for i := 0; i < 120; i++ {
		d := churnV7
		d.Endpoint = fmt.Sprintf("churn-%03d", i)
		_, err := r.Record(ctx, d)
		require.NoError(t, err)
		if i%2 == 0 {
			require.NoError(t, r.Finish(ctx, d, true))
		}
		clk.Add(time.Minute)
	}
	other := churnV7
	other.ModelURI = "s3://models/other.tar.gz"
	_, err := r.Record(ctx, other)
	require.NoError(t, err)

	hist, err := r.History(ctx, churnV7.ModelURI)
	require.NoError(t, err)
	require.Len(t, hist, 120, "three pages of 50, only this model")
	require.Equal(t, "churn-119", hist[0].Deployment.Endpoint)
	require.Equal(t, types.ActionStatusInProgress, hist[0].Status)
	require.Equal(t, types.ActionStatusCompleted, hist[1].Status)
	require.Equal(t, "churn-000", hist[119].Deployment.Endpoint)
	require.True(t, hist[0].At.After(hist[119].At))
}

func TestFinishUnknownDeployment(t *testing.T) {
	t.Parallel()
	r := &deployrecorder.Recorder{API: fake.New().SageMaker()}
	err := r.Finish(context.Background(), churnV7, true)
	var nf *types.ResourceNotFound
	require.ErrorAs(t, err, &nf)
}
