package fake_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"
)

// seedActions creates n actions a time apart; the i-th is named fmt.Sprintf("act-%02d", i),
// created at start+i minutes, with SourceUri s3://src/<i%3> and type even/odd.
func seedActions(t *testing.T, e *env, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		in := newAction(fmt.Sprintf("act-%02d", i))
		in.Source.SourceUri = aws.String(fmt.Sprintf("s3://src/%d", i%3))
		in.ActionType = aws.String([]string{"even", "odd"}[i%2])
		e.create(t, in)
		e.clk.Add(time.Minute)
	}
}

func names(sums []types.ActionSummary) []string {
	out := make([]string, len(sums))
	for i, s := range sums {
		out[i] = aws.ToString(s.ActionName)
	}
	return out
}

func TestListActionsOrderAndDefaults(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		seedActions(t, e, 12)
		// Defaults: newest first, ten per page.
		out, err := e.api.ListActions(e.ctx, &sagemaker.ListActionsInput{})
		require.NoError(t, err)
		require.Equal(t, []string{"act-11", "act-10", "act-09", "act-08", "act-07", "act-06", "act-05", "act-04", "act-03", "act-02"}, names(out.ActionSummaries))
		require.NotNil(t, out.NextToken)
		s := out.ActionSummaries[0]
		require.Equal(t, start.Add(11*time.Minute), aws.ToTime(s.CreationTime))
		require.Equal(t, "s3://src/2", aws.ToString(s.Source.SourceUri))
		require.Equal(t, "odd", aws.ToString(s.ActionType))

		out, err = e.api.ListActions(e.ctx, &sagemaker.ListActionsInput{NextToken: out.NextToken})
		require.NoError(t, err)
		require.Equal(t, []string{"act-01", "act-00"}, names(out.ActionSummaries))
		require.Nil(t, out.NextToken, "no token on the last page")

		cases := []struct {
			by    types.SortActionsBy
			order types.SortOrder
			first string
		}{
			{types.SortActionsByName, types.SortOrderAscending, "act-00"},
			{types.SortActionsByName, types.SortOrderDescending, "act-11"},
			{types.SortActionsByCreationTime, types.SortOrderAscending, "act-00"},
			{"", types.SortOrderAscending, "act-00"},
			{types.SortActionsByName, "", "act-11"},
		}
		for _, c := range cases {
			out, err := e.api.ListActions(e.ctx, &sagemaker.ListActionsInput{SortBy: c.by, SortOrder: c.order, MaxResults: aws.Int32(1)})
			require.NoError(t, err)
			require.Equal(t, []string{c.first}, names(out.ActionSummaries), "%s %s", c.by, c.order)
		}
	})
}

func TestListActionsByNameIsLexical(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		for _, n := range []string{"b", "a", "C", "a-1", "10", "9"} {
			e.create(t, newAction(n))
		}
		out, err := e.api.ListActions(e.ctx, &sagemaker.ListActionsInput{SortBy: types.SortActionsByName, SortOrder: types.SortOrderAscending})
		require.NoError(t, err)
		require.Equal(t, []string{"10", "9", "C", "a", "a-1", "b"}, names(out.ActionSummaries))
	})
}

func TestListActionsSameInstantKeepsCreationOrder(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		for _, n := range []string{"z", "m", "a"} {
			e.create(t, newAction(n)) // the mock clock does not move
		}
		out, err := e.api.ListActions(e.ctx, &sagemaker.ListActionsInput{})
		require.NoError(t, err)
		require.Equal(t, []string{"a", "m", "z"}, names(out.ActionSummaries), "newest first")
	})
}

func TestListActionsFilters(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		seedActions(t, e, 9)
		cases := []struct {
			name string
			in   sagemaker.ListActionsInput
			want []string
		}{
			{"source uri", sagemaker.ListActionsInput{SourceUri: aws.String("s3://src/1")}, []string{"act-07", "act-04", "act-01"}},
			{"action type", sagemaker.ListActionsInput{ActionType: aws.String("odd")}, []string{"act-07", "act-05", "act-03", "act-01"}},
			{"created after is inclusive", sagemaker.ListActionsInput{CreatedAfter: aws.Time(start.Add(7 * time.Minute))}, []string{"act-08", "act-07"}},
			{"created before is inclusive", sagemaker.ListActionsInput{CreatedBefore: aws.Time(start.Add(time.Minute))}, []string{"act-01", "act-00"}},
			{"window", sagemaker.ListActionsInput{CreatedAfter: aws.Time(start.Add(3 * time.Minute)), CreatedBefore: aws.Time(start.Add(5 * time.Minute))}, []string{"act-05", "act-04", "act-03"}},
			{"combined", sagemaker.ListActionsInput{ActionType: aws.String("even"), SourceUri: aws.String("s3://src/0")}, []string{"act-06", "act-00"}},
			{"nothing", sagemaker.ListActionsInput{SourceUri: aws.String("s3://none")}, []string{}},
		}
		for _, c := range cases {
			out, err := e.api.ListActions(e.ctx, &c.in)
			require.NoError(t, err, c.name)
			require.Equal(t, c.want, names(out.ActionSummaries), c.name)
			require.Nil(t, out.NextToken, c.name)
		}
	})
}

func TestListActionsPagesWithFiltersAndWrites(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		seedActions(t, e, 30)
		var got []string
		in := &sagemaker.ListActionsInput{ActionType: aws.String("even"), MaxResults: aws.Int32(4), SortBy: types.SortActionsByName, SortOrder: types.SortOrderAscending}
		pages := 0
		for {
			out, err := e.api.ListActions(e.ctx, in)
			require.NoError(t, err)
			require.LessOrEqual(t, len(out.ActionSummaries), 4)
			got = append(got, names(out.ActionSummaries)...)
			pages++
			if pages == 2 {
				// A write between pages neither repeats nor skips what was already listed.
				_, err := e.api.DeleteAction(e.ctx, &sagemaker.DeleteActionInput{ActionName: aws.String("act-20")})
				require.NoError(t, err)
			}
			if out.NextToken == nil {
				break
			}
			in.NextToken = out.NextToken
		}
		var want []string
		for i := 0; i < 30; i += 2 {
			if i != 20 {
				want = append(want, fmt.Sprintf("act-%02d", i))
			}
		}
		require.Equal(t, want, got)
		require.Equal(t, 4, pages)
	})
}

func TestListActionsExactPageHasNoToken(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		seedActions(t, e, 4)
		out, err := e.api.ListActions(e.ctx, &sagemaker.ListActionsInput{MaxResults: aws.Int32(4)})
		require.NoError(t, err)
		require.Len(t, out.ActionSummaries, 4)
		require.Nil(t, out.NextToken)
	})
}

func TestListActionsBadTokens(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		seedActions(t, e, 3)
		out, err := e.api.ListActions(e.ctx, &sagemaker.ListActionsInput{MaxResults: aws.Int32(1)})
		require.NoError(t, err)
		tok := aws.ToString(out.NextToken)
		tampered := []byte(tok)
		tampered[len(tampered)/2] ^= 1
		for _, bad := range []string{"garbage", string(tampered), tok[:len(tok)-2], "x" + tok} {
			_, err := e.api.ListActions(e.ctx, &sagemaker.ListActionsInput{NextToken: aws.String(bad)})
			requireCode(t, err, "ValidationException")
		}
		// A token from one sort order is not valid for another.
		_, err = e.api.ListActions(e.ctx, &sagemaker.ListActionsInput{NextToken: out.NextToken, SortBy: types.SortActionsByName})
		requireCode(t, err, "ValidationException")
	})
}

func TestListActionsPaginator(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		seedActions(t, e, 25)
		p := sagemaker.NewListActionsPaginator(e.api, &sagemaker.ListActionsInput{MaxResults: aws.Int32(7)})
		var all []string
		pages := 0
		for p.HasMorePages() {
			out, err := p.NextPage(e.ctx)
			require.NoError(t, err)
			all = append(all, names(out.ActionSummaries)...)
			pages++
		}
		require.Equal(t, 4, pages)
		require.Len(t, all, 25)
		require.Equal(t, "act-24", all[0])
		require.Equal(t, "act-00", all[24])
	})
}
