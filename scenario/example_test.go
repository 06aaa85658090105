package scenario_test

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// A lost response: CreateAction takes effect, the caller sees a 500 and retries, and the
// retry meets "already exists". Code that does not treat that as success has a bug this
// scenario shows.
func Example_lostResponse() {
	s := scenario.New()
	s.On("sagemaker", "CreateAction").Times(1).LoseResponse(scenario.InternalFailure())
	f := fake.New(fake.WithScenario(s))
	api := f.SageMaker()

	in := &sagemaker.CreateActionInput{
		ActionName: aws.String("deploy-1"), ActionType: aws.String("ModelDeployment"),
		Source: &types.ActionSource{SourceUri: aws.String("s3://models/m.tar.gz")},
	}
	for attempt := 1; attempt <= 2; attempt++ {
		_, err := api.CreateAction(context.Background(), in)
		fmt.Printf("attempt %d: %v\n", attempt, err)
	}
	// Output:
	// attempt 1: operation error SageMaker: CreateAction, https response error StatusCode: 500, RequestID: 00000000-0000-4000-8000-000000000001, api error InternalFailure: The request processing has failed because of an unknown error, exception or failure.
	// attempt 2: operation error SageMaker: CreateAction, https response error StatusCode: 400, RequestID: 00000000-0000-4000-8000-000000000002, api error ValidationException: Action arn:aws:sagemaker:us-east-1:123456789012:action/deploy-1 already exists.
}

// The second call of an operation fails; the first and third succeed.
func ExampleRule_Nth() {
	f := fake.New()
	f.AddRules(scenario.On("sagemaker", "ListActions").Nth(2).Fail(scenario.Throttling()))
	for i := 1; i <= 3; i++ {
		_, err := f.SageMaker().ListActions(context.Background(), &sagemaker.ListActionsInput{})
		fmt.Println(i, err != nil)
	}
	// Output:
	// 1 false
	// 2 true
	// 3 false
}

// Seeds put resources in place, already ACTIVE, before the test starts.
func ExampleScenario_SeedDatasetGroup() {
	s := scenario.New().SeedDatasetGroup(scenario.DatasetGroup{
		Name:         "shop",
		EventTracker: &scenario.EventTracker{Name: "clicks", TrackingID: "11111111-2222-4333-8444-555555555555"},
	})
	f := fake.New(fake.WithScenario(s))
	fmt.Println(len(f.Events("arn:aws:personalize:us-east-1:123456789012:dataset-group/shop")), len(f.Calls()))
	// Output:
	// 0 0
}
