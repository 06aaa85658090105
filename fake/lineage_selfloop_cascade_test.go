package fake_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// A cascading delete of an entity with a self-loop removes that association once: the quota
// it freed is one association, not two.
func TestSelfLoopCascade(t *testing.T) {
	t.Parallel()
	f := fake.New(fake.WithCascadingDeletes(), fake.WithQuota(fake.Associations, 2))
	sm, ctx := f.SageMaker(), context.Background()
	arn := func(name string) *string {
		out, err := sm.CreateAction(ctx, &sagemaker.CreateActionInput{ActionName: aws.String(name), ActionType: aws.String("T"),
			Source: &types.ActionSource{SourceUri: aws.String("s3://x")}})
		require.NoError(t, err)
		return out.ActionArn
	}
	self, a, b, c := arn("self"), arn("a"), arn("b"), arn("c")
	link := func(src, dst *string) error {
		_, err := sm.AddAssociation(ctx, &sagemaker.AddAssociationInput{SourceArn: src, DestinationArn: dst})
		return err
	}
	require.NoError(t, link(self, self))
	require.NoError(t, link(a, b))
	_, err := sm.DeleteAction(ctx, &sagemaker.DeleteActionInput{ActionName: aws.String("self")})
	require.NoError(t, err)
	require.NoError(t, link(b, c), "one association freed")
	var rle *types.ResourceLimitExceeded
	require.ErrorAs(t, link(c, a), &rle, "and only one")
}
