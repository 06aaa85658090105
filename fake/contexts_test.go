package fake_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

func newContext(name string) *sagemaker.CreateContextInput {
	return &sagemaker.CreateContextInput{
		ContextName: aws.String(name),
		ContextType: aws.String("Endpoint"),
		Source:      &types.ContextSource{SourceUri: aws.String("arn:aws:sagemaker:us-east-1:123456789012:endpoint/" + name)},
	}
}

func (e *env) createContext(t *testing.T, in *sagemaker.CreateContextInput) string {
	t.Helper()
	out, err := e.api.CreateContext(e.ctx, in)
	require.NoError(t, err)
	return aws.ToString(out.ContextArn)
}

func TestCreateAndDescribeContext(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		in := newContext("churn_prod") // context names allow underscores
		in.Source.SourceType = aws.String("ARN")
		in.Source.SourceId = aws.String("churn-prod")
		in.Description = aws.String("the production endpoint")
		in.Properties = map[string]string{"stage": "prod"}
		arn := e.createContext(t, in)
		require.Equal(t, "arn:aws:sagemaker:us-east-1:123456789012:context/churn_prod", arn)

		want := &sagemaker.DescribeContextOutput{
			ContextName: aws.String("churn_prod"),
			ContextArn:  aws.String(arn),
			ContextType: aws.String("Endpoint"),
			Source: &types.ContextSource{SourceUri: aws.String("arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn_prod"),
				SourceType: aws.String("ARN"), SourceId: aws.String("churn-prod")},
			Description:      aws.String("the production endpoint"),
			Properties:       map[string]string{"stage": "prod"},
			CreationTime:     aws.Time(start),
			LastModifiedTime: aws.Time(start),
			LineageGroupArn:  aws.String(defaultGroupARN),
		}
		for _, key := range []string{"churn_prod", arn} {
			got, err := e.api.DescribeContext(e.ctx, &sagemaker.DescribeContextInput{ContextName: aws.String(key)})
			require.NoError(t, err)
			if diff := cmp.Diff(want, got, ignoreSDK); diff != "" {
				t.Fatalf("DescribeContext(%s) mismatch (-want +got):\n%s", key, diff)
			}
		}
	})
}

func TestContextNames(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		e.createContext(t, newContext("dup"))
		_, err := e.api.CreateContext(e.ctx, newContext("dup"))
		msg := requireCode(t, err, "ValidationException")
		require.Equal(t, "Context arn:aws:sagemaker:us-east-1:123456789012:context/dup already exists.", msg)
		require.Equal(t, 400, statusCode(t, err))

		// Another case is another context, and another Region another namespace.
		e.createContext(t, newContext("Dup"))
		out, err := e.api.CreateContext(e.ctx, newContext("dup"), func(o *sagemaker.Options) { o.Region = "us-west-2" })
		require.NoError(t, err)
		require.Equal(t, "arn:aws:sagemaker:us-west-2:123456789012:context/dup", aws.ToString(out.ContextArn))

		for _, bad := range []string{"_lead", "trail-", "a b", "a.b"} {
			_, err := e.api.CreateContext(e.ctx, newContext(bad))
			msg := requireCode(t, err, "ValidationException")
			require.Equal(t, "1 validation error detected: Value '"+bad+"' at 'contextName' failed to satisfy constraint: "+
				"Member must satisfy regular expression pattern: ^[a-zA-Z0-9]([-_]*[a-zA-Z0-9]){0,119}", msg)
		}
	})
}

func TestContextsShareSourcesWithEachOtherAndActions(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		const uri = "arn:aws:sagemaker:us-east-1:123456789012:pipeline/train"
		for _, name := range []string{"one", "two"} {
			in := newContext(name)
			in.Source.SourceUri = aws.String(uri)
			e.createContext(t, in)
		}
		action := newAction("one")
		action.Source.SourceUri = aws.String(uri)
		e.create(t, action)
		out, err := e.api.ListContexts(e.ctx, &sagemaker.ListContextsInput{SourceUri: aws.String(uri)})
		require.NoError(t, err)
		require.Equal(t, []string{"two", "one"}, contextNames(out.ContextSummaries))
	})
}

func TestDescribeMissingContext(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		e.create(t, newAction("an-action"))
		west, err := e.api.CreateContext(e.ctx, newContext("west"), func(o *sagemaker.Options) { o.Region = "us-west-2" })
		require.NoError(t, err)
		for _, key := range []string{"missing", "arn:aws:sagemaker:us-east-1:123456789012:context/missing", aws.ToString(west.ContextArn)} {
			_, err := e.api.DescribeContext(e.ctx, &sagemaker.DescribeContextInput{ContextName: aws.String(key)})
			msg := requireCode(t, err, "ResourceNotFound")
			require.Contains(t, msg, "does not exist")
			var nf *types.ResourceNotFound
			require.ErrorAs(t, err, &nf)
		}
		// An action's ARN is not a context's (the member's pattern says so).
		_, err = e.api.DescribeContext(e.ctx, &sagemaker.DescribeContextInput{ContextName: aws.String("arn:aws:sagemaker:us-east-1:123456789012:action/an-action")})
		requireCode(t, err, "ValidationException")
	})
}

func TestUpdateContext(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		in := newContext("upd")
		in.Description = aws.String("before")
		in.Properties = map[string]string{"a": "1", "b": "2"}
		arn := e.createContext(t, in)
		e.clk.Add(90 * time.Second)

		out, err := e.api.UpdateContext(e.ctx, &sagemaker.UpdateContextInput{
			ContextName:        aws.String("upd"),
			Description:        aws.String("after"),
			Properties:         map[string]string{"b": "20", "c": "3"},
			PropertiesToRemove: []string{"c"},
		})
		require.NoError(t, err)
		require.Equal(t, arn, aws.ToString(out.ContextArn))
		got, err := e.api.DescribeContext(e.ctx, &sagemaker.DescribeContextInput{ContextName: aws.String("upd")})
		require.NoError(t, err)
		require.Equal(t, "after", aws.ToString(got.Description))
		require.Equal(t, map[string]string{"b": "20"}, got.Properties)
		require.Equal(t, start, aws.ToTime(got.CreationTime))
		require.Equal(t, start.Add(90*time.Second), aws.ToTime(got.LastModifiedTime))
		require.Equal(t, "Endpoint", aws.ToString(got.ContextType))

		_, err = e.api.UpdateContext(e.ctx, &sagemaker.UpdateContextInput{ContextName: aws.String("upd"), PropertiesToRemove: []string{"b"}})
		require.NoError(t, err)
		got, err = e.api.DescribeContext(e.ctx, &sagemaker.DescribeContextInput{ContextName: aws.String("upd")})
		require.NoError(t, err)
		require.Equal(t, "after", aws.ToString(got.Description), "what is not given stays")
		require.Empty(t, got.Properties)

		_, err = e.api.UpdateContext(e.ctx, &sagemaker.UpdateContextInput{ContextName: aws.String("nope")})
		requireCode(t, err, "ResourceNotFound")
		_, err = e.api.UpdateContext(e.ctx, &sagemaker.UpdateContextInput{ContextName: aws.String(arn)})
		requireCode(t, err, "ValidationException") // Update takes a name, not an ARN
	})
}

func TestDeleteContext(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		in := newContext("gone")
		in.Tags = []types.Tag{tag("team", "ml")}
		arn := e.createContext(t, in)
		_, err := e.api.DeleteContext(e.ctx, &sagemaker.DeleteContextInput{ContextName: aws.String(arn)})
		requireCode(t, err, "ValidationException") // Delete takes a name, not an ARN

		out, err := e.api.DeleteContext(e.ctx, &sagemaker.DeleteContextInput{ContextName: aws.String("gone")})
		require.NoError(t, err)
		require.Equal(t, arn, aws.ToString(out.ContextArn))
		_, err = e.api.DescribeContext(e.ctx, &sagemaker.DescribeContextInput{ContextName: aws.String("gone")})
		requireCode(t, err, "ResourceNotFound")
		_, err = e.api.DeleteContext(e.ctx, &sagemaker.DeleteContextInput{ContextName: aws.String("gone")})
		requireCode(t, err, "ResourceNotFound")
		_, err = e.api.ListTags(e.ctx, &sagemaker.ListTagsInput{ResourceArn: aws.String(arn)})
		requireCode(t, err, "ValidationException")

		// The name is free again (and the quota of one has room), with no tags.
		e.createContext(t, newContext("gone"))
		tags, err := e.api.ListTags(e.ctx, &sagemaker.ListTagsInput{ResourceArn: aws.String(arn)})
		require.NoError(t, err)
		require.Empty(t, tags.Tags)
	}, fake.WithQuota(fake.Contexts, 1))
}

func TestContextQuota(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		e.createContext(t, newContext("a"))
		e.createContext(t, newContext("b"))
		_, err := e.api.CreateContext(e.ctx, newContext("c"))
		requireCode(t, err, "ResourceLimitExceeded")
		var rle *types.ResourceLimitExceeded
		require.ErrorAs(t, err, &rle)
	}, fake.WithQuota(fake.Contexts, 2))

	t.Run("AWS's default", func(t *testing.T) {
		t.Parallel()
		sm := fake.New().SageMaker()
		for i := range 500 {
			_, err := sm.CreateContext(t.Context(), newContext(fmt.Sprintf("c-%d", i)))
			require.NoError(t, err)
		}
		_, err := sm.CreateContext(t.Context(), newContext("one-more"))
		requireCode(t, err, "ResourceLimitExceeded")
	})
}

// seedContexts creates n contexts a minute apart: the i-th is named fmt.Sprintf("ctx-%02d", i),
// with SourceUri s3://ctx/<i%3> and type even/odd.
func seedContexts(t *testing.T, e *env, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		in := newContext(fmt.Sprintf("ctx-%02d", i))
		in.Source.SourceUri = aws.String(fmt.Sprintf("s3://ctx/%d", i%3))
		in.ContextType = aws.String([]string{"even", "odd"}[i%2])
		e.createContext(t, in)
		e.clk.Add(time.Minute)
	}
}

func contextNames(sums []types.ContextSummary) []string {
	out := make([]string, len(sums))
	for i, s := range sums {
		out[i] = aws.ToString(s.ContextName)
	}
	return out
}

func TestListContextsOrderAndDefaults(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		seedContexts(t, e, 12)
		out, err := e.api.ListContexts(e.ctx, &sagemaker.ListContextsInput{})
		require.NoError(t, err)
		require.Equal(t, []string{"ctx-11", "ctx-10", "ctx-09", "ctx-08", "ctx-07", "ctx-06", "ctx-05", "ctx-04", "ctx-03", "ctx-02"},
			contextNames(out.ContextSummaries), "newest first, ten a page")
		s := out.ContextSummaries[0]
		require.Equal(t, "arn:aws:sagemaker:us-east-1:123456789012:context/ctx-11", aws.ToString(s.ContextArn))
		require.Equal(t, start.Add(11*time.Minute), aws.ToTime(s.CreationTime))
		require.Equal(t, "s3://ctx/2", aws.ToString(s.Source.SourceUri))
		require.Equal(t, "odd", aws.ToString(s.ContextType))
		out, err = e.api.ListContexts(e.ctx, &sagemaker.ListContextsInput{NextToken: out.NextToken})
		require.NoError(t, err)
		require.Equal(t, []string{"ctx-01", "ctx-00"}, contextNames(out.ContextSummaries))
		require.Nil(t, out.NextToken)

		cases := []struct {
			by    types.SortContextsBy
			order types.SortOrder
			first string
		}{
			{types.SortContextsByName, types.SortOrderAscending, "ctx-00"},
			{types.SortContextsByName, types.SortOrderDescending, "ctx-11"},
			{types.SortContextsByCreationTime, types.SortOrderAscending, "ctx-00"},
			{"", types.SortOrderAscending, "ctx-00"},
			{types.SortContextsByName, "", "ctx-11"},
		}
		for _, c := range cases {
			out, err := e.api.ListContexts(e.ctx, &sagemaker.ListContextsInput{SortBy: c.by, SortOrder: c.order, MaxResults: aws.Int32(1)})
			require.NoError(t, err)
			require.Equal(t, []string{c.first}, contextNames(out.ContextSummaries), "%s %s", c.by, c.order)
		}
	})
}

func TestListContextsFilters(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		seedContexts(t, e, 9)
		cases := []struct {
			name string
			in   sagemaker.ListContextsInput
			want []string
		}{
			{"source uri", sagemaker.ListContextsInput{SourceUri: aws.String("s3://ctx/1")}, []string{"ctx-07", "ctx-04", "ctx-01"}},
			{"context type", sagemaker.ListContextsInput{ContextType: aws.String("odd")}, []string{"ctx-07", "ctx-05", "ctx-03", "ctx-01"}},
			{"created after is inclusive", sagemaker.ListContextsInput{CreatedAfter: aws.Time(start.Add(7 * time.Minute))}, []string{"ctx-08", "ctx-07"}},
			{"created before is inclusive", sagemaker.ListContextsInput{CreatedBefore: aws.Time(start.Add(time.Minute))}, []string{"ctx-01", "ctx-00"}},
			{"combined, by name", sagemaker.ListContextsInput{ContextType: aws.String("even"), SourceUri: aws.String("s3://ctx/0"),
				SortBy: types.SortContextsByName, SortOrder: types.SortOrderAscending}, []string{"ctx-00", "ctx-06"}},
			{"nothing", sagemaker.ListContextsInput{SourceUri: aws.String("s3://none")}, []string{}},
		}
		for _, c := range cases {
			out, err := e.api.ListContexts(e.ctx, &c.in)
			require.NoError(t, err, c.name)
			require.Equal(t, c.want, contextNames(out.ContextSummaries), c.name)
			require.Nil(t, out.NextToken, c.name)
		}
	})
}

func TestListContextsPaginatorBothWays(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		for _, n := range []string{"m", "b", "z", "a_1", "a-1", "A", "9"} {
			e.createContext(t, newContext(n)) // one instant: creation order breaks the ties
		}
		seedContexts(t, e, 16)
		page := func(by types.SortContextsBy, order types.SortOrder) []string {
			p := sagemaker.NewListContextsPaginator(e.api, &sagemaker.ListContextsInput{SortBy: by, SortOrder: order, MaxResults: aws.Int32(4)})
			var all []string
			for p.HasMorePages() {
				out, err := p.NextPage(e.ctx)
				require.NoError(t, err)
				all = append(all, contextNames(out.ContextSummaries)...)
			}
			return all
		}
		for _, by := range []types.SortContextsBy{types.SortContextsByName, types.SortContextsByCreationTime} {
			desc, asc := page(by, types.SortOrderDescending), page(by, types.SortOrderAscending)
			require.Len(t, desc, 23)
			slices.Reverse(asc)
			require.Equal(t, desc, asc, "by %s, Ascending is the exact reverse of Descending", by)
		}
		byName := page(types.SortContextsByName, types.SortOrderAscending)
		require.Equal(t, []string{"9", "A", "a-1", "a_1", "b", "ctx-00"}, byName[:6], "names sort lexically")
	})
}
