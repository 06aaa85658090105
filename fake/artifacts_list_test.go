package fake_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"
)

// seedArtifacts creates n artifacts a minute apart: the i-th is named fmt.Sprintf("art-%02d", i)
// with SourceUri s3://art/<i>, type Model or DataSet (i%2), and, every third, an S3ETag.
func seedArtifacts(t *testing.T, e *env, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		in := newArtifact(fmt.Sprintf("s3://art/%d", i))
		in.ArtifactName = aws.String(fmt.Sprintf("art-%02d", i))
		in.ArtifactType = aws.String([]string{"Model", "DataSet"}[i%2])
		if i%3 == 0 {
			in.Source.SourceTypes = []types.ArtifactSourceType{sourceType(types.ArtifactSourceIdTypeS3Etag, "etag")}
		}
		e.createArtifact(t, in)
		e.clk.Add(time.Minute)
	}
}

func artifactNames(sums []types.ArtifactSummary) []string {
	out := make([]string, len(sums))
	for i, s := range sums {
		out[i] = aws.ToString(s.ArtifactName)
	}
	return out
}

func TestListArtifactsDefaults(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		seedArtifacts(t, e, 12)
		out, err := e.api.ListArtifacts(e.ctx, &sagemaker.ListArtifactsInput{})
		require.NoError(t, err)
		require.Equal(t, []string{"art-11", "art-10", "art-09", "art-08", "art-07", "art-06", "art-05", "art-04", "art-03", "art-02"},
			artifactNames(out.ArtifactSummaries), "newest first, ten a page")
		require.NotNil(t, out.NextToken)
		s := out.ArtifactSummaries[2]
		require.Equal(t, start.Add(9*time.Minute), aws.ToTime(s.CreationTime))
		require.Equal(t, start.Add(9*time.Minute), aws.ToTime(s.LastModifiedTime))
		require.Equal(t, "DataSet", aws.ToString(s.ArtifactType))
		require.Equal(t, &types.ArtifactSource{SourceUri: aws.String("s3://art/9"), SourceTypes: []types.ArtifactSourceType{sourceType(types.ArtifactSourceIdTypeS3Etag, "etag")}},
			s.Source)
		require.Regexp(t, artifactARN, aws.ToString(s.ArtifactArn))

		out, err = e.api.ListArtifacts(e.ctx, &sagemaker.ListArtifactsInput{NextToken: out.NextToken})
		require.NoError(t, err)
		require.Equal(t, []string{"art-01", "art-00"}, artifactNames(out.ArtifactSummaries))
		require.Nil(t, out.NextToken, "no token on the last page")

		// Artifacts sort by creation time only.
		_, err = e.api.ListArtifacts(e.ctx, &sagemaker.ListArtifactsInput{SortBy: "Name"})
		msg := requireCode(t, err, "ValidationException")
		require.Contains(t, msg, "Member must satisfy enum value set: [CreationTime]")
	})
}

func TestListArtifactsFilters(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		seedArtifacts(t, e, 9)
		// Another artifact on the SourceUri of art-03, without its source type.
		e.createArtifact(t, newArtifact("s3://art/3"))
		cases := []struct {
			name string
			in   sagemaker.ListArtifactsInput
			want []string
		}{
			{"source uri is exact, whatever the source types", sagemaker.ListArtifactsInput{SourceUri: aws.String("s3://art/3")}, []string{"", "art-03"}},
			{"no prefix match", sagemaker.ListArtifactsInput{SourceUri: aws.String("s3://art/")}, []string{}},
			{"artifact type", sagemaker.ListArtifactsInput{ArtifactType: aws.String("DataSet")}, []string{"art-07", "art-05", "art-03", "art-01"}},
			{"created after is inclusive", sagemaker.ListArtifactsInput{CreatedAfter: aws.Time(start.Add(7 * time.Minute))}, []string{"", "art-08", "art-07"}},
			{"created before is inclusive", sagemaker.ListArtifactsInput{CreatedBefore: aws.Time(start.Add(time.Minute))}, []string{"art-01", "art-00"}},
			{"combined", sagemaker.ListArtifactsInput{ArtifactType: aws.String("Model"), CreatedAfter: aws.Time(start.Add(3 * time.Minute)),
				CreatedBefore: aws.Time(start.Add(6 * time.Minute))}, []string{"art-06", "art-04"}},
		}
		for _, c := range cases {
			out, err := e.api.ListArtifacts(e.ctx, &c.in)
			require.NoError(t, err, c.name)
			require.Equal(t, c.want, artifactNames(out.ArtifactSummaries), c.name)
			require.Nil(t, out.NextToken, c.name)
		}
	})
}

// pageArtifacts pages through every artifact in one order, n a page, with the SDK's paginator.
func pageArtifacts(t *testing.T, e *env, in *sagemaker.ListArtifactsInput) []string {
	t.Helper()
	p := sagemaker.NewListArtifactsPaginator(e.api, in)
	var all []string
	for p.HasMorePages() {
		out, err := p.NextPage(e.ctx)
		require.NoError(t, err)
		require.LessOrEqual(t, len(out.ArtifactSummaries), int(aws.ToInt32(in.MaxResults)))
		for _, s := range out.ArtifactSummaries {
			all = append(all, aws.ToString(s.ArtifactArn))
		}
	}
	return all
}

func TestListArtifactsAscendingIsTheReverseOfDescending(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		// Some at one instant, some a second apart, as the SDK's own integration test makes them.
		for i := 0; i < 23; i++ {
			e.createArtifact(t, newArtifact(fmt.Sprintf("s3://order/%d", i)))
			if i%4 == 0 {
				e.clk.Add(time.Second)
			}
		}
		desc := pageArtifacts(t, e, &sagemaker.ListArtifactsInput{MaxResults: aws.Int32(5)})
		asc := pageArtifacts(t, e, &sagemaker.ListArtifactsInput{MaxResults: aws.Int32(7), SortOrder: types.SortOrderAscending})
		require.Len(t, desc, 23)
		slices.Reverse(asc)
		require.Equal(t, desc, asc)
	})
}

func TestListArtifactsFiltersBeforePaging(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		seedArtifacts(t, e, 30)
		// Of 30 artifacts, 15 are Models: three full pages of 5, and the last has no token.
		in := &sagemaker.ListArtifactsInput{ArtifactType: aws.String("Model"), MaxResults: aws.Int32(5)}
		var pages [][]string
		for {
			out, err := e.api.ListArtifacts(e.ctx, in)
			require.NoError(t, err)
			pages = append(pages, artifactNames(out.ArtifactSummaries))
			if out.NextToken == nil {
				break
			}
			in.NextToken = out.NextToken
		}
		require.Equal(t, [][]string{
			{"art-28", "art-26", "art-24", "art-22", "art-20"},
			{"art-18", "art-16", "art-14", "art-12", "art-10"},
			{"art-08", "art-06", "art-04", "art-02", "art-00"},
		}, pages)
	})
}

func TestListArtifactsBadTokens(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		seedArtifacts(t, e, 3)
		out, err := e.api.ListArtifacts(e.ctx, &sagemaker.ListArtifactsInput{MaxResults: aws.Int32(1)})
		require.NoError(t, err)
		actions, err := e.api.ListActions(e.ctx, &sagemaker.ListActionsInput{})
		require.NoError(t, err)
		require.Nil(t, actions.NextToken)
		for _, bad := range []string{"garbage", aws.ToString(out.NextToken) + "x"} {
			_, err := e.api.ListArtifacts(e.ctx, &sagemaker.ListArtifactsInput{NextToken: aws.String(bad)})
			requireCode(t, err, "ValidationException")
		}
		// A token of one listing is not one of another.
		_, err = e.api.ListActions(e.ctx, &sagemaker.ListActionsInput{NextToken: out.NextToken})
		requireCode(t, err, "ValidationException")
	})
}

// Filtering by SourceUri reads an index of its own, made the first time a call needs it and
// kept from then on; it keeps the listing's order even when the clock is set back between
// creates, and forgets deleted artifacts.
func TestListArtifactsBySourceUriKeepsTheOrder(t *testing.T) {
	t.Parallel()
	for _, early := range []bool{false, true} {
		t.Run(fmt.Sprintf("index made before the creates: %v", early), func(t *testing.T) {
			t.Parallel()
			eachDoor(t, func(t *testing.T, e *env) { listBySourceUri(t, e, early) })
		})
	}
}

func listBySourceUri(t *testing.T, e *env, early bool) {
	t.Helper()
	if early {
		requireArtifacts(t, e, 0)
		_, err := e.api.DeleteArtifact(e.ctx, &sagemaker.DeleteArtifactInput{Source: &types.ArtifactSource{SourceUri: aws.String("s3://same")}})
		requireCode(t, err, "ResourceNotFound")
	}
	at := []time.Duration{5 * time.Minute, time.Minute, 3 * time.Minute, time.Minute, 9 * time.Minute, 2 * time.Minute}
	for i, d := range at {
		e.clk.Set(start.Add(d))
		e.createArtifact(t, newArtifact("s3://same", sourceType(types.ArtifactSourceIdTypeCustom, fmt.Sprint(i))))
		e.createArtifact(t, newArtifact(fmt.Sprintf("s3://other/%d", i)))
	}
	all := pageArtifacts(t, e, &sagemaker.ListArtifactsInput{MaxResults: aws.Int32(3)})
	var want []string
	for _, arn := range all {
		out, err := e.api.DescribeArtifact(e.ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: aws.String(arn)})
		require.NoError(t, err)
		if aws.ToString(out.Source.SourceUri) == "s3://same" {
			want = append(want, arn)
		}
	}
	require.Len(t, want, 6)
	// One is deleted, by ARN: the index forgets it.
	_, err := e.api.DeleteArtifact(e.ctx, &sagemaker.DeleteArtifactInput{ArtifactArn: aws.String(want[5])})
	require.NoError(t, err)
	want = want[:5]
	for _, order := range []types.SortOrder{types.SortOrderDescending, types.SortOrderAscending} {
		got := pageArtifacts(t, e, &sagemaker.ListArtifactsInput{SourceUri: aws.String("s3://same"), SortOrder: order, MaxResults: aws.Int32(2)})
		if order == types.SortOrderAscending {
			slices.Reverse(got)
		}
		require.Equal(t, want, got, order)
	}
}
