package fake_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

func tag(k, v string) types.Tag { return types.Tag{Key: aws.String(k), Value: aws.String(v)} }

func tagMap(ts []types.Tag) map[string]string {
	m := map[string]string{}
	for _, t := range ts {
		m[aws.ToString(t.Key)] = aws.ToString(t.Value)
	}
	return m
}

func TestTagsOnActions(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		in := newAction("tagged")
		in.Tags = []types.Tag{tag("team", "ml"), tag("env", "dev")}
		arn := e.create(t, in)

		list := func() map[string]string {
			out, err := e.api.ListTags(e.ctx, &sagemaker.ListTagsInput{ResourceArn: aws.String(arn)})
			require.NoError(t, err)
			require.Nil(t, out.NextToken)
			return tagMap(out.Tags)
		}
		require.Equal(t, map[string]string{"team": "ml", "env": "dev"}, list())

		added, err := e.api.AddTags(e.ctx, &sagemaker.AddTagsInput{ResourceArn: aws.String(arn), Tags: []types.Tag{tag("env", "prod"), tag("owner", "ana")}})
		require.NoError(t, err)
		want := map[string]string{"team": "ml", "env": "prod", "owner": "ana"}
		require.Equal(t, want, tagMap(added.Tags))
		require.Equal(t, want, list())

		_, err = e.api.DeleteTags(e.ctx, &sagemaker.DeleteTagsInput{ResourceArn: aws.String(arn), TagKeys: []string{"team", "absent"}})
		require.NoError(t, err)
		require.Equal(t, map[string]string{"env": "prod", "owner": "ana"}, list())
	})
}

func TestTagsOnMissingResource(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		for _, arn := range []string{
			"arn:aws:sagemaker:us-east-1:123456789012:action/none",
			"arn:aws:sagemaker:us-east-1:123456789012:training-job/job",
			"arn:aws:sagemaker:eu-west-1:123456789012:action/none",
		} {
			_, err := e.api.AddTags(e.ctx, &sagemaker.AddTagsInput{ResourceArn: aws.String(arn), Tags: []types.Tag{tag("k", "v")}})
			requireCode(t, err, "ValidationException")
			_, err = e.api.ListTags(e.ctx, &sagemaker.ListTagsInput{ResourceArn: aws.String(arn)})
			requireCode(t, err, "ValidationException")
			_, err = e.api.DeleteTags(e.ctx, &sagemaker.DeleteTagsInput{ResourceArn: aws.String(arn), TagKeys: []string{"k"}})
			requireCode(t, err, "ValidationException")
		}
	})
}

func TestTagQuota(t *testing.T) {
	t.Parallel()
	tags := func(from, n int) []types.Tag {
		var ts []types.Tag
		for i := from; i < from+n; i++ {
			ts = append(ts, tag(fmt.Sprintf("k%02d", i), "v"))
		}
		return ts
	}
	eachDoor(t, func(t *testing.T, e *env) {
		in := newAction("many")
		in.Tags = tags(0, 50)
		arn := e.create(t, in)
		// Overwriting an existing key does not count against the quota.
		_, err := e.api.AddTags(e.ctx, &sagemaker.AddTagsInput{ResourceArn: aws.String(arn), Tags: tags(49, 1)})
		require.NoError(t, err)
		_, err = e.api.AddTags(e.ctx, &sagemaker.AddTagsInput{ResourceArn: aws.String(arn), Tags: tags(50, 1)})
		requireCode(t, err, "ResourceLimitExceeded")
		out, err := e.api.ListTags(e.ctx, &sagemaker.ListTagsInput{ResourceArn: aws.String(arn)})
		require.NoError(t, err)
		require.Len(t, out.Tags, 50, "a refused AddTags adds nothing")
	})
	eachDoor(t, func(t *testing.T, e *env) {
		in := newAction("few")
		in.Tags = tags(0, 4)
		_, err := e.api.CreateAction(e.ctx, in)
		requireCode(t, err, "ResourceLimitExceeded")
		_, err = e.api.DescribeAction(e.ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("few")})
		requireCode(t, err, "ResourceNotFound")
	}, fake.WithQuota(fake.Tags, 3))
}

// Tags work on every lineage entity's ARN, given at creation or added later, and on the
// default lineage group's (a documented guess: the fake tags whatever SageMaker resource it
// holds).
func TestTagsOnArtifactsContextsAndLineageGroups(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		artifact := newArtifact("s3://tagged")
		artifact.Tags = []types.Tag{tag("team", "ml")}
		ctx := newContext("tagged")
		ctx.Tags = []types.Tag{tag("team", "ml")}
		arns := map[string]string{
			"artifact":      e.createArtifact(t, artifact),
			"context":       e.createContext(t, ctx),
			"lineage group": defaultGroupARN,
		}
		for kind, arn := range arns {
			_, err := e.api.AddTags(e.ctx, &sagemaker.AddTagsInput{ResourceArn: aws.String(arn), Tags: []types.Tag{tag("env", "prod"), tag("drop", "me")}})
			require.NoError(t, err, kind)
			_, err = e.api.DeleteTags(e.ctx, &sagemaker.DeleteTagsInput{ResourceArn: aws.String(arn), TagKeys: []string{"drop"}})
			require.NoError(t, err, kind)
			out, err := e.api.ListTags(e.ctx, &sagemaker.ListTagsInput{ResourceArn: aws.String(arn)})
			require.NoError(t, err, kind)
			want := map[string]string{"team": "ml", "env": "prod"}
			if kind == "lineage group" {
				want = map[string]string{"env": "prod"}
			}
			require.Equal(t, want, tagMap(out.Tags), kind)
		}
	})
}

// ListTags pages when a resource has more tags than a page holds (a tag quota above 50 allows
// it): MaxResults 50 gives 50 tags and a token, not every tag without one.
func TestListTagsPages(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		arn := e.create(t, newAction("tagged"))
		for from := 0; from < 120; from += 50 { // a call adds at most 50
			var batch []types.Tag
			for i := from; i < min(from+50, 120); i++ {
				batch = append(batch, tag(fmt.Sprintf("k%03d", i), "v"))
			}
			_, err := e.api.AddTags(e.ctx, &sagemaker.AddTagsInput{ResourceArn: aws.String(arn), Tags: batch})
			require.NoError(t, err)
		}
		var keys []string
		pages := sagemaker.NewListTagsPaginator(e.api, &sagemaker.ListTagsInput{ResourceArn: aws.String(arn), MaxResults: aws.Int32(50)})
		sizes := []int{}
		for pages.HasMorePages() {
			out, err := pages.NextPage(e.ctx)
			require.NoError(t, err)
			sizes = append(sizes, len(out.Tags))
			for _, tg := range out.Tags {
				keys = append(keys, aws.ToString(tg.Key))
			}
		}
		require.Equal(t, []int{50, 50, 20}, sizes)
		require.Len(t, keys, 120)
		require.Equal(t, "k000", keys[0])
		require.Equal(t, "k119", keys[119])
		_, err := e.api.ListTags(e.ctx, &sagemaker.ListTagsInput{ResourceArn: aws.String(arn), NextToken: aws.String("made-up")})
		requireCode(t, err, "ValidationException")
	}, fake.WithQuota(fake.Tags, 200))
}
