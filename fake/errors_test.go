package fake_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// TestErrorsAs proves that every error the fake's SageMaker can answer reaches the caller as
// the type the SDK uses for it, wrapped as the SDK wraps it, through both doors.
func TestErrorsAs(t *testing.T) {
	t.Parallel()
	type check func(t *testing.T, err error)
	// as takes a factory: each door's subtest needs its own target.
	as := func(target func() any) check {
		return func(t *testing.T, err error) { require.ErrorAs(t, err, target()) }
	}
	notFound := as(func() any { return new(*types.ResourceNotFound) })
	limit := as(func() any { return new(*types.ResourceLimitExceeded) })
	missingArtifact := aws.String("arn:aws:sagemaker:us-east-1:123456789012:artifact/none")
	cases := []struct {
		name string
		call func(e *env) error
		code string
		as   check
	}{
		{"ResourceNotFound", func(e *env) error {
			_, err := e.api.DescribeAction(e.ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("none")})
			return err
		}, "ResourceNotFound", as(func() any { return new(*types.ResourceNotFound) })},
		{"ResourceLimitExceeded", func(e *env) error {
			e.api.CreateAction(e.ctx, newAction("one"))
			_, err := e.api.CreateAction(e.ctx, newAction("two"))
			return err
		}, "ResourceLimitExceeded", as(func() any { return new(*types.ResourceLimitExceeded) })},
		{"ValidationException", func(e *env) error {
			_, err := e.api.CreateAction(e.ctx, newAction("bad_name"))
			return err
		}, "ValidationException", as(func() any { return new(*smithy.GenericAPIError) })},
		// Every lineage operation that models an error answers it as its SDK type.
		{"CreateArtifact past the quota", func(e *env) error {
			e.api.CreateArtifact(e.ctx, newArtifact("s3://one"))
			_, err := e.api.CreateArtifact(e.ctx, newArtifact("s3://two"))
			return err
		}, "ResourceLimitExceeded", limit},
		{"CreateContext past the quota", func(e *env) error {
			e.api.CreateContext(e.ctx, newContext("one"))
			_, err := e.api.CreateContext(e.ctx, newContext("two"))
			return err
		}, "ResourceLimitExceeded", limit},
		{"DescribeArtifact", func(e *env) error {
			_, err := e.api.DescribeArtifact(e.ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: missingArtifact})
			return err
		}, "ResourceNotFound", notFound},
		{"UpdateArtifact", func(e *env) error {
			_, err := e.api.UpdateArtifact(e.ctx, &sagemaker.UpdateArtifactInput{ArtifactArn: missingArtifact})
			return err
		}, "ResourceNotFound", notFound},
		{"DeleteArtifact", func(e *env) error {
			_, err := e.api.DeleteArtifact(e.ctx, &sagemaker.DeleteArtifactInput{ArtifactArn: missingArtifact})
			return err
		}, "ResourceNotFound", notFound},
		{"DescribeContext", func(e *env) error {
			_, err := e.api.DescribeContext(e.ctx, &sagemaker.DescribeContextInput{ContextName: aws.String("none")})
			return err
		}, "ResourceNotFound", notFound},
		{"UpdateContext", func(e *env) error {
			_, err := e.api.UpdateContext(e.ctx, &sagemaker.UpdateContextInput{ContextName: aws.String("none")})
			return err
		}, "ResourceNotFound", notFound},
		{"DeleteContext", func(e *env) error {
			_, err := e.api.DeleteContext(e.ctx, &sagemaker.DeleteContextInput{ContextName: aws.String("none")})
			return err
		}, "ResourceNotFound", notFound},
		{"DescribeLineageGroup", func(e *env) error {
			_, err := e.api.DescribeLineageGroup(e.ctx, &sagemaker.DescribeLineageGroupInput{LineageGroupName: aws.String("none")})
			return err
		}, "ResourceNotFound", notFound},
		{"DeleteArtifact with neither", func(e *env) error {
			_, err := e.api.DeleteArtifact(e.ctx, &sagemaker.DeleteArtifactInput{})
			return err
		}, "ValidationException", as(func() any { return new(*smithy.GenericAPIError) })},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			eachDoor(t, func(t *testing.T, e *env) {
				err := c.call(e)
				requireCode(t, err, c.code)
				c.as(t, err)
				var oe *smithy.OperationError
				require.ErrorAs(t, err, &oe)
				require.Equal(t, "SageMaker", oe.Service())
				var ae smithy.APIError
				require.ErrorAs(t, err, &ae)
				require.Equal(t, smithy.FaultClient, faultOf(ae))
				require.Equal(t, 400, statusCode(t, err))
			}, fake.WithQuota(fake.Actions, 1), fake.WithQuota(fake.Artifacts, 1), fake.WithQuota(fake.Contexts, 1))
		})
	}
}

// faultOf reads the fault the way callers do; GenericAPIError from the wire has no fault
// set, which the SDK reports as unknown, so both count as the client's fault here.
func faultOf(ae smithy.APIError) smithy.ErrorFault {
	if f := ae.ErrorFault(); f != smithy.FaultUnknown {
		return f
	}
	return smithy.FaultClient
}

func TestMissingRequiredParametersFailInTheClient(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		_, err := e.api.CreateAction(e.ctx, &sagemaker.CreateActionInput{Tags: []types.Tag{{Key: aws.String("k")}}})
		var ip smithy.InvalidParamsError
		require.ErrorAs(t, err, &ip)
		require.Equal(t, "operation error SageMaker: CreateAction, 4 validation error(s) found.\n"+
			"- missing required field, CreateActionInput.ActionName.\n"+
			"- missing required field, CreateActionInput.Source.\n"+
			"- missing required field, CreateActionInput.ActionType.\n"+
			"- missing required field, CreateActionInput.Tags[0].Value.\n", err.Error())
		require.Empty(t, e.f.Calls(), "nothing reached the service")
	})
}

func TestCancelledContext(t *testing.T) {
	t.Parallel()
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancel2 := context.WithDeadline(context.Background(), time.Unix(1, 0))
	defer cancel2()
	for _, c := range []struct {
		name string
		ctx  context.Context
		want error
	}{{"cancelled", cancelled, context.Canceled}, {"deadline", expired, context.DeadlineExceeded}} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			eachDoor(t, func(t *testing.T, e *env) {
				_, err := e.api.CreateAction(c.ctx, newAction("never"))
				require.ErrorIs(t, err, c.want)
				var oe *smithy.OperationError
				require.ErrorAs(t, err, &oe)
				require.Equal(t, "CreateAction", oe.Operation())
				require.Contains(t, err.Error(), "operation error SageMaker: CreateAction, ")
				_, err = e.api.DescribeAction(e.ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("never")})
				requireCode(t, err, "ResourceNotFound")
			})
		})
	}
}

func TestErrorsMatchAcrossDoors(t *testing.T) {
	t.Parallel()
	f := fake.New(fake.WithClock(mockClock()))
	wire := sagemaker.NewFromConfig(f.AWSConfig())
	typed := f.SageMaker()
	ctx := context.Background()
	calls := []func(api fake.SageMakerAPI) error{
		func(api fake.SageMakerAPI) error { _, err := api.CreateAction(ctx, newAction("x")); return err },
		func(api fake.SageMakerAPI) error {
			_, err := api.DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("none")})
			return err
		},
		func(api fake.SageMakerAPI) error {
			in := newAction("-bad")
			in.Status = "Weird"
			in.Properties = map[string]string{"k": "line\nbreak"}
			_, err := api.CreateAction(ctx, in)
			return err
		},
		func(api fake.SageMakerAPI) error {
			_, err := api.ListActions(ctx, &sagemaker.ListActionsInput{MaxResults: aws.Int32(101), NextToken: aws.String("nope")})
			return err
		},
		func(api fake.SageMakerAPI) error {
			_, err := api.DeleteTags(ctx, &sagemaker.DeleteTagsInput{})
			return err
		},
	}
	_, err := typed.CreateAction(ctx, newAction("x"))
	require.NoError(t, err)
	for i, call := range calls {
		errTyped, errWire := call(typed), call(wire)
		require.Error(t, errTyped, "call %d", i)
		require.Equal(t, withoutRequestID(errWire.Error()), withoutRequestID(errTyped.Error()), "call %d", i)
		var at, aw smithy.APIError
		if errors.As(errWire, &aw) {
			require.True(t, errors.As(errTyped, &at))
			require.Equal(t, aw.ErrorCode(), at.ErrorCode())
			require.Equal(t, aw.ErrorMessage(), at.ErrorMessage())
		}
	}
}
