package fake_test

import (
	"fmt"
	"go/token"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// ignoreSDK compares SDK values as a caller sees them: the SDK's unexported fields (its
// serialization markers) and every output's ResultMetadata are left out.
var ignoreSDK = cmp.FilterPath(func(p cmp.Path) bool {
	sf, ok := p.Last().(cmp.StructField)
	return ok && (!token.IsExported(sf.Name()) || sf.Name() == "ResultMetadata")
}, cmp.Ignore())

func TestCreateAndDescribeAction(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		in := newAction("deploy-1")
		in.Description = aws.String("first deployment")
		in.Status = types.ActionStatusInProgress
		in.Properties = map[string]string{"stage": "prod"}
		in.MetadataProperties = &types.MetadataProperties{CommitId: aws.String("abc123")}
		arn := e.create(t, in)
		require.Equal(t, "arn:aws:sagemaker:us-east-1:123456789012:action/deploy-1", arn)

		want := &sagemaker.DescribeActionOutput{
			ActionName:         aws.String("deploy-1"),
			ActionArn:          aws.String(arn),
			ActionType:         aws.String("ModelDeployment"),
			Source:             &types.ActionSource{SourceUri: aws.String("s3://models/deploy-1")},
			Description:        aws.String("first deployment"),
			Status:             types.ActionStatusInProgress,
			Properties:         map[string]string{"stage": "prod"},
			MetadataProperties: &types.MetadataProperties{CommitId: aws.String("abc123")},
			CreationTime:       aws.Time(start),
			LastModifiedTime:   aws.Time(start),
			LineageGroupArn:    aws.String("arn:aws:sagemaker:us-east-1:123456789012:lineage-group/sagemaker-default-lineage-group"),
		}
		for _, key := range []string{"deploy-1", arn} {
			got, err := e.api.DescribeAction(e.ctx, &sagemaker.DescribeActionInput{ActionName: aws.String(key)})
			require.NoError(t, err)
			if diff := cmp.Diff(want, got, ignoreSDK); diff != "" {
				t.Fatalf("DescribeAction(%s) mismatch (-want +got):\n%s", key, diff)
			}
		}
	})
}

func TestCreateActionDuplicateName(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		e.create(t, newAction("dup"))
		_, err := e.api.CreateAction(e.ctx, newAction("dup"))
		msg := requireCode(t, err, "ValidationException")
		require.Contains(t, msg, "already exists")
		require.Equal(t, 400, statusCode(t, err))

		// Names are compared exactly: another case is another action (a documented guess).
		e.create(t, newAction("Dup"))
	})
}

func TestActionNamesAreScopedByRegion(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		e.create(t, newAction("same"))
		west := func(o *sagemaker.Options) { o.Region = "us-west-2" }
		out, err := e.api.CreateAction(e.ctx, newAction("same"), west)
		require.NoError(t, err)
		require.Equal(t, "arn:aws:sagemaker:us-west-2:123456789012:action/same", aws.ToString(out.ActionArn))

		// The ARN of another Region's action does not resolve here.
		_, err = e.api.DescribeAction(e.ctx, &sagemaker.DescribeActionInput{ActionName: out.ActionArn})
		requireCode(t, err, "ResourceNotFound")
	})
}

func TestDefaultAccountAndRegion(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		arn := e.create(t, newAction("x"))
		require.Equal(t, "arn:aws-cn:sagemaker:cn-north-1:210987654321:action/x", arn)
	}, fake.WithAccount("210987654321"), fake.WithRegion("cn-north-1"))
}

func TestDescribeMissingAction(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		for _, key := range []string{"missing", "arn:aws:sagemaker:us-east-1:123456789012:action/missing",
			"arn:aws:sagemaker:us-east-1:123456789012:context/missing"} {
			_, err := e.api.DescribeAction(e.ctx, &sagemaker.DescribeActionInput{ActionName: aws.String(key)})
			msg := requireCode(t, err, "ResourceNotFound")
			require.Contains(t, msg, "does not exist")
			var nf *types.ResourceNotFound
			require.ErrorAs(t, err, &nf)
		}
	})
}

func TestUpdateAction(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		in := newAction("upd")
		in.Description = aws.String("before")
		in.Properties = map[string]string{"a": "1", "b": "2"}
		e.create(t, in)
		e.clk.Add(90 * time.Second)

		out, err := e.api.UpdateAction(e.ctx, &sagemaker.UpdateActionInput{
			ActionName:         aws.String("upd"),
			Description:        aws.String("after"),
			Status:             types.ActionStatusCompleted,
			Properties:         map[string]string{"b": "20", "c": "3"},
			PropertiesToRemove: []string{"c"},
		})
		require.NoError(t, err)
		require.Equal(t, "arn:aws:sagemaker:us-east-1:123456789012:action/upd", aws.ToString(out.ActionArn))

		got, err := e.api.DescribeAction(e.ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("upd")})
		require.NoError(t, err)
		require.Equal(t, "after", aws.ToString(got.Description))
		require.Equal(t, types.ActionStatusCompleted, got.Status)
		// Properties replace the whole map; PropertiesToRemove then deletes keys.
		require.Equal(t, map[string]string{"b": "20"}, got.Properties)
		require.Equal(t, start, aws.ToTime(got.CreationTime))
		require.Equal(t, start.Add(90*time.Second), aws.ToTime(got.LastModifiedTime))

		// Fields that are not given stay as they are.
		_, err = e.api.UpdateAction(e.ctx, &sagemaker.UpdateActionInput{ActionName: aws.String("upd"), PropertiesToRemove: []string{"b"}})
		require.NoError(t, err)
		got, err = e.api.DescribeAction(e.ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("upd")})
		require.NoError(t, err)
		require.Equal(t, "after", aws.ToString(got.Description))
		require.Empty(t, got.Properties)

		_, err = e.api.UpdateAction(e.ctx, &sagemaker.UpdateActionInput{ActionName: aws.String("nope")})
		requireCode(t, err, "ResourceNotFound")
	})
}

func TestDeleteAction(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		arn := e.create(t, newAction("gone"))
		out, err := e.api.DeleteAction(e.ctx, &sagemaker.DeleteActionInput{ActionName: aws.String("gone")})
		require.NoError(t, err)
		require.Equal(t, arn, aws.ToString(out.ActionArn))

		_, err = e.api.DescribeAction(e.ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("gone")})
		requireCode(t, err, "ResourceNotFound")
		_, err = e.api.DeleteAction(e.ctx, &sagemaker.DeleteActionInput{ActionName: aws.String("gone")})
		requireCode(t, err, "ResourceNotFound")
		_, err = e.api.ListTags(e.ctx, &sagemaker.ListTagsInput{ResourceArn: aws.String(arn)})
		requireCode(t, err, "ValidationException")

		// The name is free again, and the new action starts with no tags.
		in := newAction("gone")
		e.create(t, in)
		tags, err := e.api.ListTags(e.ctx, &sagemaker.ListTagsInput{ResourceArn: aws.String(arn)})
		require.NoError(t, err)
		require.Empty(t, tags.Tags)
	})
}

func TestActionQuota(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		e.create(t, newAction("a"))
		e.create(t, newAction("b"))
		_, err := e.api.CreateAction(e.ctx, newAction("c"))
		requireCode(t, err, "ResourceLimitExceeded")
		var rle *types.ResourceLimitExceeded
		require.ErrorAs(t, err, &rle)

		// Deleting one frees a place.
		_, err = e.api.DeleteAction(e.ctx, &sagemaker.DeleteActionInput{ActionName: aws.String("a")})
		require.NoError(t, err)
		e.create(t, newAction("c"))
	}, fake.WithQuota(fake.Actions, 2))

	t.Run("AWS's default", func(t *testing.T) {
		t.Parallel()
		sm := fake.New().SageMaker()
		for i := range 3000 {
			_, err := sm.CreateAction(t.Context(), newAction(fmt.Sprintf("a-%d", i)))
			require.NoError(t, err)
		}
		_, err := sm.CreateAction(t.Context(), newAction("one-more"))
		msg := requireCode(t, err, "ResourceLimitExceeded")
		require.Equal(t, "The account-level service limit 'Total number of actions' is 3000 Actions, with current utilization of 3000 Actions and a request delta of 1 Actions. Please contact AWS support to request an increase for this limit.", msg)
	})

	t.Run("lifted", func(t *testing.T) {
		t.Parallel()
		sm := fake.New(fake.WithQuota(fake.Actions, 0)).SageMaker()
		for i := range 3001 {
			_, err := sm.CreateAction(t.Context(), newAction(fmt.Sprintf("a-%d", i)))
			require.NoError(t, err)
		}
	})
}
