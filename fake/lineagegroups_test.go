package fake_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

const defaultGroupARN = "arn:aws:sagemaker:us-east-1:123456789012:lineage-group/sagemaker-default-lineage-group"

// lineageEntities creates one lineage entity of each kind, by name of the kind.
var lineageEntities = map[string]func(t *testing.T, e *env) string{
	"action":   func(t *testing.T, e *env) string { return e.create(t, newAction("deploy")) },
	"artifact": func(t *testing.T, e *env) string { return e.createArtifact(t, newArtifact("s3://models/m")) },
	"context":  func(t *testing.T, e *env) string { return e.createContext(t, newContext("endpoint")) },
}

func listGroups(t *testing.T, e *env, in *sagemaker.ListLineageGroupsInput) []types.LineageGroupSummary {
	t.Helper()
	out, err := e.api.ListLineageGroups(e.ctx, in)
	require.NoError(t, err)
	require.Nil(t, out.NextToken)
	return out.LineageGroupSummaries
}

func TestDefaultLineageGroupComesWithTheFirstEntity(t *testing.T) {
	t.Parallel()
	for kind, create := range lineageEntities {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			eachDoor(t, func(t *testing.T, e *env) {
				require.Empty(t, listGroups(t, e, &sagemaker.ListLineageGroupsInput{}))
				_, err := e.api.DescribeLineageGroup(e.ctx, &sagemaker.DescribeLineageGroupInput{LineageGroupName: aws.String("sagemaker-default-lineage-group")})
				requireCode(t, err, "ResourceNotFound")

				e.clk.Add(time.Minute)
				create(t, e)
				e.clk.Add(time.Minute)
				// A later entity changes nothing.
				e.createArtifact(t, newArtifact("s3://later"))

				got, err := e.api.DescribeLineageGroup(e.ctx, &sagemaker.DescribeLineageGroupInput{LineageGroupName: aws.String("sagemaker-default-lineage-group")})
				require.NoError(t, err)
				require.Equal(t, "sagemaker-default-lineage-group", aws.ToString(got.LineageGroupName))
				require.Equal(t, defaultGroupARN, aws.ToString(got.LineageGroupArn))
				require.Equal(t, start.Add(time.Minute), aws.ToTime(got.CreationTime))
				require.Equal(t, start.Add(time.Minute), aws.ToTime(got.LastModifiedTime))

				require.Equal(t, []types.LineageGroupSummary{{
					LineageGroupArn:  aws.String(defaultGroupARN),
					LineageGroupName: aws.String("sagemaker-default-lineage-group"),
					CreationTime:     aws.Time(start.Add(time.Minute)),
					LastModifiedTime: aws.Time(start.Add(time.Minute)),
				}}, listGroups(t, e, &sagemaker.ListLineageGroupsInput{}))

				_, err = e.api.DescribeLineageGroup(e.ctx, &sagemaker.DescribeLineageGroupInput{LineageGroupName: aws.String("another-group")})
				msg := requireCode(t, err, "ResourceNotFound")
				require.Contains(t, msg, "another-group")
				var nf *types.ResourceNotFound
				require.ErrorAs(t, err, &nf)
			})
		})
	}
}

func TestEveryLineageEntityIsInTheDefaultGroup(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		action := e.create(t, newAction("deploy"))
		artifact := e.createArtifact(t, newArtifact("s3://models/m"))
		e.createContext(t, newContext("endpoint"))

		a, err := e.api.DescribeAction(e.ctx, &sagemaker.DescribeActionInput{ActionName: aws.String(action)})
		require.NoError(t, err)
		require.Equal(t, defaultGroupARN, aws.ToString(a.LineageGroupArn))
		r, err := e.api.DescribeArtifact(e.ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: aws.String(artifact)})
		require.NoError(t, err)
		require.Equal(t, defaultGroupARN, aws.ToString(r.LineageGroupArn))
		c, err := e.api.DescribeContext(e.ctx, &sagemaker.DescribeContextInput{ContextName: aws.String("endpoint")})
		require.NoError(t, err)
		require.Equal(t, defaultGroupARN, aws.ToString(c.LineageGroupArn))
		// CreatedBy and LastModifiedBy need a user the fake does not know: never set.
		require.Nil(t, a.CreatedBy)
		require.Nil(t, r.LastModifiedBy)
		require.Nil(t, c.CreatedBy)
	})
}

func TestDefaultLineageGroupOutlivesItsEntities(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		e.createContext(t, newContext("short-lived"))
		_, err := e.api.DeleteContext(e.ctx, &sagemaker.DeleteContextInput{ContextName: aws.String("short-lived")})
		require.NoError(t, err)
		require.Len(t, listGroups(t, e, &sagemaker.ListLineageGroupsInput{}), 1)
	})
}

func TestDefaultLineageGroupIsPerAccountAndRegion(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		west := func(o *sagemaker.Options) { o.Region = "cn-north-1" }
		_, err := e.api.CreateContext(e.ctx, newContext("far"), west)
		require.NoError(t, err)
		require.Empty(t, listGroups(t, e, &sagemaker.ListLineageGroupsInput{}))
		out, err := e.api.ListLineageGroups(e.ctx, &sagemaker.ListLineageGroupsInput{}, west)
		require.NoError(t, err)
		require.Equal(t, "arn:aws-cn:sagemaker:cn-north-1:123456789012:lineage-group/sagemaker-default-lineage-group",
			aws.ToString(out.LineageGroupSummaries[0].LineageGroupArn))
	})
}

func TestAFailedCreateMakesNoLineageGroup(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		two := newContext("tagged")
		two.Tags = []types.Tag{tag("a", "1"), tag("b", "2")}
		_, err := e.api.CreateContext(e.ctx, two)
		requireCode(t, err, "ResourceLimitExceeded") // the tag quota, checked last
		_, err = e.api.CreateArtifact(e.ctx, newArtifact(""))
		requireCode(t, err, "ValidationException")
		require.Empty(t, listGroups(t, e, &sagemaker.ListLineageGroupsInput{}))
	}, fake.WithQuota(fake.Tags, 1))
}

func TestListLineageGroupsOptions(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		e.create(t, newAction("a")) // at start
		cases := []struct {
			name string
			in   sagemaker.ListLineageGroupsInput
			n    int
		}{
			{"by name, descending, one a page", sagemaker.ListLineageGroupsInput{SortBy: types.SortLineageGroupsByName, SortOrder: types.SortOrderDescending, MaxResults: aws.Int32(1)}, 1},
			{"created after, inclusive", sagemaker.ListLineageGroupsInput{CreatedAfter: aws.Time(start)}, 1},
			{"created before, inclusive", sagemaker.ListLineageGroupsInput{CreatedBefore: aws.Time(start)}, 1},
			{"created later", sagemaker.ListLineageGroupsInput{CreatedAfter: aws.Time(start.Add(time.Millisecond))}, 0},
		}
		for _, c := range cases {
			require.Len(t, listGroups(t, e, &c.in), c.n, c.name)
		}
		_, err := e.api.ListLineageGroups(e.ctx, &sagemaker.ListLineageGroupsInput{MaxResults: aws.Int32(101)})
		requireCode(t, err, "ValidationException")
	})
}
