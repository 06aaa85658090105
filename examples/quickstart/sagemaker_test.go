package quickstart_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

func TestRecordDeployment(t *testing.T) {
	ctx := context.Background()
	clk := clock.NewMock()
	f := fake.ForTest(t, fake.WithClock(clk)) // logs the calls it saw if t fails
	var api fake.SageMakerAPI = f.SageMaker() // exact *sagemaker.Client signatures
	in := &sagemaker.CreateActionInput{ActionName: aws.String("deploy-1"),
		ActionType: aws.String("ModelDeployment"),
		Source:     &types.ActionSource{SourceUri: aws.String("s3://models/m.tar.gz")}}
	_, err := api.CreateAction(ctx, in)
	require.NoError(t, err)
	client := sagemaker.NewFromConfig(f.AWSConfig()) // a real client, in process
	_, err = client.CreateAction(ctx, in)
	require.ErrorContains(t, err, "already exists") // ValidationException, as from AWS
	clk.Add(time.Minute)                            // time moves only when you say so
}
