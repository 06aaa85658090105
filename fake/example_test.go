package fake_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/aws/smithy-go"
	"github.com/benbjohnson/clock"

	"github.com/awsfake/awsfake/fake"
)

func Example() {
	clk := clock.NewMock()
	clk.Set(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	f := fake.New(fake.WithClock(clk))
	ctx := context.Background()

	// Any code that takes an interface of *sagemaker.Client's methods takes the typed door.
	var api fake.SageMakerAPI = f.SageMaker()
	out, err := api.CreateAction(ctx, &sagemaker.CreateActionInput{
		ActionName: aws.String("deploy-churn-model"),
		ActionType: aws.String("ModelDeployment"),
		Source:     &types.ActionSource{SourceUri: aws.String("s3://models/churn/v7.tar.gz")},
	})
	fmt.Println(aws.ToString(out.ActionArn), err)

	_, err = api.CreateAction(ctx, &sagemaker.CreateActionInput{
		ActionName: aws.String("deploy-churn-model"),
		ActionType: aws.String("ModelDeployment"),
		Source:     &types.ActionSource{SourceUri: aws.String("s3://models/churn/v8.tar.gz")},
	})
	fmt.Println(err)

	d, _ := api.DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: out.ActionArn})
	fmt.Println(aws.ToString(d.ActionName), d.CreationTime.Format(time.RFC3339))
	// Output:
	// arn:aws:sagemaker:us-east-1:123456789012:action/deploy-churn-model <nil>
	// operation error SageMaker: CreateAction, https response error StatusCode: 400, RequestID: 00000000-0000-4000-8000-000000000001, api error ValidationException: Action arn:aws:sagemaker:us-east-1:123456789012:action/deploy-churn-model already exists.
	// deploy-churn-model 2026-01-02T03:04:05Z
}

// An artifact is known by its source: a second one with the same source is refused, naming
// the first, whatever its name. Contexts are known by their names.
func ExampleSageMaker_CreateArtifact() {
	f := fake.New()
	ctx := context.Background()
	model := &sagemaker.CreateArtifactInput{
		ArtifactName: aws.String("churn-model"),
		ArtifactType: aws.String("Model"),
		Source:       &types.ArtifactSource{SourceUri: aws.String("s3://models/churn/v7.tar.gz")},
	}
	out, _ := f.SageMaker().CreateArtifact(ctx, model)
	fmt.Println(aws.ToString(out.ArtifactArn))

	model.ArtifactName = aws.String("another-name")
	_, err := f.SageMaker().CreateArtifact(ctx, model)
	var ae smithy.APIError
	errors.As(err, &ae)
	fmt.Println(ae.ErrorCode()+":", ae.ErrorMessage())

	endpoint, _ := f.SageMaker().CreateContext(ctx, &sagemaker.CreateContextInput{
		ContextName: aws.String("churn_prod"),
		ContextType: aws.String("Endpoint"),
		Source:      &types.ContextSource{SourceUri: aws.String("arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn-prod")},
	})
	d, _ := f.SageMaker().DescribeContext(ctx, &sagemaker.DescribeContextInput{ContextName: endpoint.ContextArn})
	fmt.Println(aws.ToString(d.ContextName), aws.ToString(d.LineageGroupArn))
	// Output:
	// arn:aws:sagemaker:us-east-1:123456789012:artifact/3f74a2e4143947326f78b8c02b77864c
	// ValidationException: Artifact with source (s3://models/churn/v7.tar.gz) already exists: arn:aws:sagemaker:us-east-1:123456789012:artifact/3f74a2e4143947326f78b8c02b77864c
	// churn_prod arn:aws:sagemaker:us-east-1:123456789012:lineage-group/sagemaker-default-lineage-group
}

func ExampleFake_AWSConfig() {
	f := fake.New()
	// An unmodified SDK client, talking to the fake's wire door in process.
	client := sagemaker.NewFromConfig(f.AWSConfig())
	_, err := client.DescribeAction(context.Background(), &sagemaker.DescribeActionInput{ActionName: aws.String("missing")})
	var nf *types.ResourceNotFound
	fmt.Println(errors.As(err, &nf), nf.ErrorMessage())
	// Output:
	// true Action arn:aws:sagemaker:us-east-1:123456789012:action/missing does not exist.
}

func ExampleFake_Calls() {
	f := fake.New()
	_, _ = f.SageMaker().DescribeAction(context.Background(), &sagemaker.DescribeActionInput{ActionName: aws.String("x")})
	for _, c := range f.Calls() {
		fmt.Println(c.Service, c.Operation, c.Input["ActionName"], c.Err.Code)
	}
	// Output:
	// sagemaker DescribeAction x ResourceNotFound
}
