package fake_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// pages collects every page of an SDK paginator: the names on each.
func pages[T any](t *testing.T, more func() bool, next func(context.Context, ...func(*personalize.Options)) (T, error), names func(T) []string) [][]string {
	t.Helper()
	var out [][]string
	for more() {
		page, err := next(context.Background())
		require.NoError(t, err)
		out = append(out, names(page))
		require.Less(t, len(out), 100, "the paginator does not end")
	}
	return out
}

// TestPersonalizePaginators runs aws-sdk-go-v2's own paginators over the typed door (and, to
// show they agree, over the v2 client on the wire door): every page, newest first, the last one
// without a nextToken.
func TestPersonalizePaginators(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		var groups []string
		for i := range 5 {
			groups = append(groups, e.group(t, fmt.Sprintf("g%d", i), ""))
		}
		for i, g := range groups[:3] {
			_, err := e.pz.CreateEventTracker(e.ctx, &personalize.CreateEventTrackerInput{Name: aws.String(fmt.Sprintf("t%d", i)), DatasetGroupArn: &g})
			require.NoError(t, err)
			e.clk.Add(time.Second)
		}
		var schemas []string
		for i := range 7 {
			schemas = append(schemas, e.schema(t, fmt.Sprintf("s%d", i), itemsSchema))
			e.clk.Add(time.Second)
		}
		for _, g := range groups[:2] {
			e.dataset(t, g, "Items", schemas[0])
			e.dataset(t, g, "Users", e.schema(t, "users-"+g[len(g)-2:], usersSchema))
		}

		gp := personalize.NewListDatasetGroupsPaginator(e.pz, &personalize.ListDatasetGroupsInput{}, func(o *personalize.ListDatasetGroupsPaginatorOptions) { o.Limit = 2 })
		got := pages(t, gp.HasMorePages, gp.NextPage, func(p *personalize.ListDatasetGroupsOutput) (out []string) {
			for _, g := range p.DatasetGroups {
				out = append(out, aws.ToString(g.Name))
			}
			return out
		})
		require.Empty(t, cmp.Diff([][]string{{"g4", "g3"}, {"g2", "g1"}, {"g0"}}, got))

		tp := personalize.NewListEventTrackersPaginator(e.pz, &personalize.ListEventTrackersInput{MaxResults: aws.Int32(2)})
		got = pages(t, tp.HasMorePages, tp.NextPage, func(p *personalize.ListEventTrackersOutput) (out []string) {
			for _, tr := range p.EventTrackers {
				out = append(out, aws.ToString(tr.Name))
			}
			return out
		})
		require.Empty(t, cmp.Diff([][]string{{"t2", "t1"}, {"t0"}}, got))

		one := personalize.NewListEventTrackersPaginator(e.pz, &personalize.ListEventTrackersInput{DatasetGroupArn: &groups[1]})
		got = pages(t, one.HasMorePages, one.NextPage, func(p *personalize.ListEventTrackersOutput) (out []string) {
			for _, tr := range p.EventTrackers {
				out = append(out, aws.ToString(tr.Name))
			}
			return out
		})
		require.Empty(t, cmp.Diff([][]string{{"t1"}}, got), "filtered by dataset group")

		sp := personalize.NewListSchemasPaginator(e.pz, &personalize.ListSchemasInput{}, func(o *personalize.ListSchemasPaginatorOptions) { o.Limit = 3 })
		got = pages(t, sp.HasMorePages, sp.NextPage, func(p *personalize.ListSchemasOutput) (out []string) {
			for _, s := range p.Schemas {
				out = append(out, aws.ToString(s.Name))
			}
			return out
		})
		require.Empty(t, cmp.Diff([][]string{{"users-g1", "users-g0", "s6"}, {"s5", "s4", "s3"}, {"s2", "s1", "s0"}}, got))

		dp := personalize.NewListDatasetsPaginator(e.pz, &personalize.ListDatasetsInput{MaxResults: aws.Int32(3)})
		got = pages(t, dp.HasMorePages, dp.NextPage, func(p *personalize.ListDatasetsOutput) (out []string) {
			for _, d := range p.Datasets {
				out = append(out, aws.ToString(d.DatasetArn)[len("arn:aws:personalize:us-east-1:123456789012:dataset/"):])
			}
			return out
		})
		require.Empty(t, cmp.Diff([][]string{{"g1/USERS", "g1/ITEMS", "g0/USERS"}, {"g0/ITEMS"}}, got))

		inGroup := personalize.NewListDatasetsPaginator(e.pz, &personalize.ListDatasetsInput{DatasetGroupArn: &groups[0]},
			func(o *personalize.ListDatasetsPaginatorOptions) { o.Limit = 1 })
		got = pages(t, inGroup.HasMorePages, inGroup.NextPage, func(p *personalize.ListDatasetsOutput) (out []string) {
			for _, d := range p.Datasets {
				out = append(out, aws.ToString(d.DatasetType))
			}
			return out
		})
		require.Empty(t, cmp.Diff([][]string{{"USERS"}, {"ITEMS"}}, got), "filtered by dataset group")
	}, fake.WithQuota(fake.DatasetGroups, 10))
}
