package fake_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/awsfake/awsfake/fake"
)

// outcome is what one call returned, comparable across doors.
type outcome struct {
	Output any
	Code   string
	Msg    string
	Err    string
}

// script is a sequence of calls that touches every SageMaker operation, its options and its
// errors.
func script(api fake.SageMakerAPI, clk interface{ Add(time.Duration) }) []outcome {
	ctx := context.Background()
	var out []outcome
	rec := func(o any, err error) {
		oc := outcome{Output: o}
		if err != nil {
			oc.Output = nil
			oc.Err = withoutRequestID(err.Error())
			var ae smithy.APIError
			if errors.As(err, &ae) {
				oc.Code, oc.Msg = ae.ErrorCode(), ae.ErrorMessage()
			}
		}
		out = append(out, oc)
	}
	for i := 0; i < 5; i++ {
		in := newAction(fmt.Sprintf("act-%d", i))
		in.Description = aws.String("d")
		in.Status = types.ActionStatusInProgress
		in.Properties = map[string]string{"i": fmt.Sprint(i)}
		in.MetadataProperties = &types.MetadataProperties{ProjectId: aws.String("p")}
		in.Tags = []types.Tag{tag("k", "v")}
		in.Source.SourceType = aws.String("S3")
		rec(api.CreateAction(ctx, in))
		clk.Add(1500 * time.Millisecond)
	}
	rec(api.CreateAction(ctx, newAction("act-0")))
	rec(api.CreateAction(ctx, &sagemaker.CreateActionInput{ActionName: aws.String("x_y"), ActionType: aws.String(""),
		Source: &types.ActionSource{SourceUri: aws.String("")}, Status: "Nope", Properties: map[string]string{"": "v\n"}}))
	rec(api.DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("act-1")}))
	rec(api.DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("arn:aws:sagemaker:us-east-1:123456789012:action/act-2")}))
	rec(api.DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("nope")}))
	rec(api.ListActions(ctx, &sagemaker.ListActionsInput{}))
	rec(api.ListActions(ctx, &sagemaker.ListActionsInput{SortBy: types.SortActionsByName, SortOrder: types.SortOrderAscending, MaxResults: aws.Int32(2)}))
	rec(api.ListActions(ctx, &sagemaker.ListActionsInput{CreatedAfter: aws.Time(start.Add(1500 * time.Millisecond)), CreatedBefore: aws.Time(start.Add(3 * time.Second))}))
	rec(api.ListActions(ctx, &sagemaker.ListActionsInput{NextToken: aws.String("forged"), MaxResults: aws.Int32(0)}))
	rec(api.UpdateAction(ctx, &sagemaker.UpdateActionInput{ActionName: aws.String("act-3"), Properties: map[string]string{"a": "b"}, PropertiesToRemove: []string{"i"}, Status: types.ActionStatusCompleted}))
	rec(api.DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("act-3")}))
	arn := aws.String("arn:aws:sagemaker:us-east-1:123456789012:action/act-4")
	rec(api.AddTags(ctx, &sagemaker.AddTagsInput{ResourceArn: arn, Tags: []types.Tag{tag("k", "w"), tag("k2", "v2")}}))
	rec(api.ListTags(ctx, &sagemaker.ListTagsInput{ResourceArn: arn}))
	rec(api.DeleteTags(ctx, &sagemaker.DeleteTagsInput{ResourceArn: arn, TagKeys: []string{"k"}}))
	rec(api.ListTags(ctx, &sagemaker.ListTagsInput{ResourceArn: arn, MaxResults: aws.Int32(10)}))
	rec(api.DeleteAction(ctx, &sagemaker.DeleteActionInput{ActionName: aws.String("act-4")}))
	rec(api.AddTags(ctx, &sagemaker.AddTagsInput{ResourceArn: arn, Tags: []types.Tag{tag("k", "v")}}))
	rec(api.DeleteAction(ctx, &sagemaker.DeleteActionInput{}))
	return out
}

// TestDoorsAgree runs one script through the typed door and through a real SDK client on the
// wire door, each on a fresh fake at the same instant, and requires identical outputs, error
// codes, messages and error strings.
func TestDoorsAgree(t *testing.T) {
	t.Parallel()
	run := func(d door) []outcome {
		clk := mockClock()
		return script(d.api(fake.New(fake.WithClock(clk))), clk)
	}
	typed, wire := run(doors[0]), run(doors[1])
	if diff := cmp.Diff(wire, typed, ignoreSDK); diff != "" {
		t.Fatalf("the doors disagree (-wire +typed):\n%s", diff)
	}
	errs := 0
	for _, o := range typed {
		if o.Err != "" {
			errs++
		}
	}
	if errs < 6 || errs == len(typed) {
		t.Fatalf("the script should mix successes and errors, got %d errors of %d calls", errs, len(typed))
	}
}
