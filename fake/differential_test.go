package fake_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
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

// outcomes collects what the calls of a script returned.
type outcomes []outcome

func (r *outcomes) rec(o any, err error) {
	oc := outcome{Output: o}
	if err != nil {
		oc.Output = nil
		oc.Err = withoutRequestID(err.Error())
		var ae smithy.APIError
		if errors.As(err, &ae) {
			oc.Code, oc.Msg = ae.ErrorCode(), ae.ErrorMessage()
		}
	}
	*r = append(*r, oc)
}

// script is a sequence of calls that touches every SageMaker action operation, its options
// and its errors.
func script(api fake.SageMakerAPI, clk interface{ Add(time.Duration) }) []outcome {
	ctx := context.Background()
	var r outcomes
	rec := r.rec
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
	return r
}

// lineageScript touches every operation on artifacts, contexts and lineage groups, their
// options and their errors.
func lineageScript(api fake.SageMakerAPI, clk interface{ Add(time.Duration) }) []outcome {
	ctx := context.Background()
	var r outcomes
	rec := r.rec
	rec(api.ListLineageGroups(ctx, &sagemaker.ListLineageGroupsInput{}))
	for i := 0; i < 4; i++ {
		in := newArtifact(fmt.Sprintf("s3://models/%d", i%3), sourceType(types.ArtifactSourceIdTypeS3Version, fmt.Sprint(i)))
		in.ArtifactName = aws.String("model")
		in.Properties = map[string]string{"i": fmt.Sprint(i)}
		in.MetadataProperties = &types.MetadataProperties{Repository: aws.String("r")}
		in.Tags = []types.Tag{tag("k", "v")}
		rec(api.CreateArtifact(ctx, in))
		c := newContext(fmt.Sprintf("ctx_%d", i))
		c.Description = aws.String("d")
		c.Properties = map[string]string{"i": fmt.Sprint(i)}
		c.Source.SourceType, c.Source.SourceId = aws.String("ARN"), aws.String(fmt.Sprint(i))
		rec(api.CreateContext(ctx, c))
		clk.Add(1500 * time.Millisecond)
	}
	rec(api.CreateArtifact(ctx, newArtifact("s3://models/0", sourceType(types.ArtifactSourceIdTypeS3Version, "0"))))
	rec(api.CreateArtifact(ctx, &sagemaker.CreateArtifactInput{ArtifactName: aws.String("bad_name"), ArtifactType: aws.String(""),
		Source: &types.ArtifactSource{SourceUri: aws.String(""), SourceTypes: []types.ArtifactSourceType{{SourceIdType: "Nope", Value: aws.String("")}}}}))
	rec(api.DeleteArtifact(ctx, &sagemaker.DeleteArtifactInput{Source: &types.ArtifactSource{SourceUri: aws.String("s3://models/0")}}))
	rec(api.CreateContext(ctx, newContext("ctx_0")))
	rec(api.CreateContext(ctx, newContext("-bad")))
	first := "arn:aws:sagemaker:us-east-1:123456789012:artifact/" + strings.Repeat("0", 32)
	rec(api.DescribeArtifact(ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: aws.String(first)}))
	rec(api.DescribeArtifact(ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: aws.String("model")}))
	list, err := api.ListArtifacts(ctx, &sagemaker.ListArtifactsInput{SortOrder: types.SortOrderAscending, MaxResults: aws.Int32(2)})
	rec(list, err)
	if err == nil && len(list.ArtifactSummaries) > 0 {
		arn := list.ArtifactSummaries[0].ArtifactArn
		rec(api.DescribeArtifact(ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: arn}))
		rec(api.UpdateArtifact(ctx, &sagemaker.UpdateArtifactInput{ArtifactArn: arn, ArtifactName: aws.String("renamed"),
			Properties: map[string]string{"a": "b"}, PropertiesToRemove: []string{"i"}}))
		rec(api.DescribeArtifact(ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: arn}))
		rec(api.AddTags(ctx, &sagemaker.AddTagsInput{ResourceArn: arn, Tags: []types.Tag{tag("k2", "v2")}}))
		rec(api.ListTags(ctx, &sagemaker.ListTagsInput{ResourceArn: arn}))
		rec(api.DeleteArtifact(ctx, &sagemaker.DeleteArtifactInput{ArtifactArn: arn}))
		rec(api.DeleteArtifact(ctx, &sagemaker.DeleteArtifactInput{ArtifactArn: arn}))
		rec(api.ListArtifacts(ctx, &sagemaker.ListArtifactsInput{NextToken: list.NextToken}))
	}
	rec(api.ListArtifacts(ctx, &sagemaker.ListArtifactsInput{SourceUri: aws.String("s3://models/1"), CreatedAfter: aws.Time(start.Add(time.Second))}))
	rec(api.ListArtifacts(ctx, &sagemaker.ListArtifactsInput{SortBy: "Name", NextToken: aws.String("forged")}))
	rec(api.DeleteArtifact(ctx, &sagemaker.DeleteArtifactInput{Source: &types.ArtifactSource{SourceUri: aws.String("s3://models/0")}}))
	rec(api.DeleteArtifact(ctx, &sagemaker.DeleteArtifactInput{Source: &types.ArtifactSource{SourceUri: aws.String("s3://models/2")}}))
	rec(api.DeleteArtifact(ctx, &sagemaker.DeleteArtifactInput{}))
	rec(api.DescribeContext(ctx, &sagemaker.DescribeContextInput{ContextName: aws.String("ctx_1")}))
	rec(api.DescribeContext(ctx, &sagemaker.DescribeContextInput{ContextName: aws.String("arn:aws:sagemaker:us-east-1:123456789012:context/ctx_2")}))
	rec(api.DescribeContext(ctx, &sagemaker.DescribeContextInput{ContextName: aws.String("nope")}))
	rec(api.UpdateContext(ctx, &sagemaker.UpdateContextInput{ContextName: aws.String("ctx_3"), Description: aws.String("new"), PropertiesToRemove: []string{"i"}}))
	rec(api.DescribeContext(ctx, &sagemaker.DescribeContextInput{ContextName: aws.String("ctx_3")}))
	rec(api.ListContexts(ctx, &sagemaker.ListContextsInput{SortBy: types.SortContextsByName, SortOrder: types.SortOrderDescending, MaxResults: aws.Int32(3)}))
	rec(api.ListContexts(ctx, &sagemaker.ListContextsInput{ContextType: aws.String("Endpoint"), CreatedBefore: aws.Time(start.Add(3 * time.Second))}))
	rec(api.DeleteContext(ctx, &sagemaker.DeleteContextInput{ContextName: aws.String("ctx_0")}))
	rec(api.DeleteContext(ctx, &sagemaker.DeleteContextInput{ContextName: aws.String("ctx_0")}))
	rec(api.ListLineageGroups(ctx, &sagemaker.ListLineageGroupsInput{SortBy: types.SortLineageGroupsByName}))
	rec(api.DescribeLineageGroup(ctx, &sagemaker.DescribeLineageGroupInput{LineageGroupName: aws.String("sagemaker-default-lineage-group")}))
	rec(api.DescribeLineageGroup(ctx, &sagemaker.DescribeLineageGroupInput{LineageGroupName: aws.String("mine")}))
	return r
}

// TestDoorsAgree runs each script through the typed door and through a real SDK client on the
// wire door, each on a fresh fake at the same instant, and requires identical outputs, error
// codes, messages and error strings.
func TestDoorsAgree(t *testing.T) {
	t.Parallel()
	scripts := map[string]func(fake.SageMakerAPI, interface{ Add(time.Duration) }) []outcome{
		"actions":                             script,
		"artifacts, contexts, lineage groups": lineageScript,
	}
	for name, script := range scripts {
		t.Run(name, func(t *testing.T) {
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
		})
	}
}
