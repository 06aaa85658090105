package fake_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// interactionsCSV is an Interactions import of users u00..u<users-1>, each with perUser items
// (user k interacts with items k..k+perUser-1, so that neighbours share items), one second apart.
func interactionsCSV(users, perUser int) string {
	var b strings.Builder
	b.WriteString("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\n")
	ts := 1700000000
	for u := range users {
		for k := range perUser {
			fmt.Fprintf(&b, "u%02d,i%03d,%d,click\n", u, u+k, ts)
			ts++
		}
	}
	return b.String()
}

// bucket holds the objects of the tests' imports: 1,000 interactions of 50 users (enough for
// AWS's minimums), 40 of 4 users (too few), and a file that breaks its schema.
var bucket = fstest.MapFS{
	"bucket/interactions.csv":       {Data: []byte(interactionsCSV(50, 20))},
	"bucket/small/interactions.csv": {Data: []byte(interactionsCSV(4, 10))},
	"bucket/bad/interactions.csv":   {Data: []byte("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\nu1,i1,1700000000,click\nu2,i2,yesterday,click\n")},
	"bucket/items.csv":              {Data: []byte("ITEM_ID,GENRES,PRICE\ni000,comedy,9.5\ni001,drama|comedy,12\n")},
}

// poll describes a resource every minute of the fake's clock until its status is not a
// transitional one, as AWS's getting-started code does, and returns the status and how many
// describes it took.
func poll(t *testing.T, e *pzEnv, describe func() string) (string, int) {
	t.Helper()
	for n := 1; n <= 200; n++ {
		switch status := describe(); {
		case strings.HasPrefix(status, "CREATE PENDING"), strings.HasPrefix(status, "CREATE IN_PROGRESS"), status == "CREATE STOPPING":
			e.clk.Add(time.Minute)
		default:
			return status, n
		}
	}
	t.Fatal("still not done after 200 minutes")
	return "", 0
}

// The getting-started path AWS's samples follow, each create followed by a describe every
// minute until ACTIVE: schema, dataset group, dataset, import job, ListRecipes, solution,
// solution version, GetSolutionMetrics, campaign. It takes as many polls as real runs do.
func TestGettingStartedPath(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		schema := e.schema(t, "gs-interactions", interactionsSchema)
		g, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("gs")})
		require.NoError(t, err)
		group := aws.ToString(g.DatasetGroupArn)
		status, polls := poll(t, e, func() string { return e.groupStatus(t, group) })
		require.Equal(t, "ACTIVE", status)
		require.Equal(t, 2, polls)

		ds, err := e.pz.CreateDataset(e.ctx, &personalize.CreateDatasetInput{Name: aws.String("gs-ints"), DatasetGroupArn: &group,
			DatasetType: aws.String("Interactions"), SchemaArn: &schema})
		require.NoError(t, err)
		dataset := aws.ToString(ds.DatasetArn)
		status, _ = poll(t, e, func() string { return e.datasetStatus(t, dataset) })
		require.Equal(t, "ACTIVE", status)

		job, err := e.pz.CreateDatasetImportJob(e.ctx, &personalize.CreateDatasetImportJobInput{JobName: aws.String("gs-import"),
			DatasetArn: &dataset, DataSource: &pztypes.DataSource{DataLocation: aws.String("s3://bucket/interactions.csv")},
			RoleArn: aws.String("arn:aws:iam::123456789012:role/personalize")})
		require.NoError(t, err)
		jobArn := aws.ToString(job.DatasetImportJobArn)
		require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:dataset-import-job/gs-import", jobArn)
		status, polls = poll(t, e, func() string { return e.importStatus(t, jobArn) })
		require.Equal(t, "ACTIVE", status)
		require.Equal(t, 6, polls, "1 minute pending, 4 in progress (real runs: 2-7 minutes)")
		require.Len(t, e.f.Records(dataset), 1000)

		recipes, err := e.pz.ListRecipes(e.ctx, &personalize.ListRecipesInput{})
		require.NoError(t, err)
		var recipe string
		for _, r := range recipes.Recipes {
			if aws.ToString(r.Name) == "aws-user-personalization" {
				recipe = aws.ToString(r.RecipeArn)
			}
		}
		require.Equal(t, "arn:aws:personalize:::recipe/aws-user-personalization", recipe)

		sol, err := e.pz.CreateSolution(e.ctx, &personalize.CreateSolutionInput{Name: aws.String("gs-solution"), DatasetGroupArn: &group, RecipeArn: &recipe})
		require.NoError(t, err)
		solution := aws.ToString(sol.SolutionArn)
		status, polls = poll(t, e, func() string { return e.solutionStatus(t, solution) })
		require.Equal(t, "ACTIVE", status)
		require.Equal(t, 2, polls, "a solution is ready in seconds")

		ver, err := e.pz.CreateSolutionVersion(e.ctx, &personalize.CreateSolutionVersionInput{SolutionArn: &solution})
		require.NoError(t, err)
		version := aws.ToString(ver.SolutionVersionArn)
		require.Regexp(t, `^arn:aws:personalize:us-east-1:123456789012:solution/gs-solution/[0-9a-f]{8}$`, version)
		status, polls = poll(t, e, func() string { return e.versionStatus(t, version) })
		require.Equal(t, "ACTIVE", status)
		require.Equal(t, 46, polls, "45 minutes of training")

		metrics, err := e.pz.GetSolutionMetrics(e.ctx, &personalize.GetSolutionMetricsInput{SolutionVersionArn: &version})
		require.NoError(t, err)
		require.Equal(t, []string{"coverage", "mean_reciprocal_rank_at_25", "normalized_discounted_cumulative_gain_at_10",
			"normalized_discounted_cumulative_gain_at_25", "normalized_discounted_cumulative_gain_at_5", "precision_at_10",
			"precision_at_25", "precision_at_5"}, sortedKeys(metrics.Metrics))

		camp, err := e.pz.CreateCampaign(e.ctx, &personalize.CreateCampaignInput{Name: aws.String("gs-campaign"), SolutionVersionArn: &version,
			MinProvisionedTPS: aws.Int32(1)})
		require.NoError(t, err)
		campaign := aws.ToString(camp.CampaignArn)
		require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:campaign/gs-campaign", campaign)
		status, polls = poll(t, e, func() string { return e.campaignStatus(t, campaign) })
		require.Equal(t, "ACTIVE", status)
		require.Equal(t, 10, polls, "CREATE PENDING once, CREATE IN_PROGRESS for 8 minutes")
	}, fake.WithObjects(bucket))
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func (e *pzEnv) importStatus(t *testing.T, arn string) string {
	t.Helper()
	out, err := e.pz.DescribeDatasetImportJob(e.ctx, &personalize.DescribeDatasetImportJobInput{DatasetImportJobArn: &arn})
	require.NoError(t, err)
	return aws.ToString(out.DatasetImportJob.Status)
}

func (e *pzEnv) solutionStatus(t *testing.T, arn string) string {
	t.Helper()
	out, err := e.pz.DescribeSolution(e.ctx, &personalize.DescribeSolutionInput{SolutionArn: &arn})
	require.NoError(t, err)
	return aws.ToString(out.Solution.Status)
}

func (e *pzEnv) versionStatus(t *testing.T, arn string) string {
	t.Helper()
	out, err := e.pz.DescribeSolutionVersion(e.ctx, &personalize.DescribeSolutionVersionInput{SolutionVersionArn: &arn})
	require.NoError(t, err)
	return aws.ToString(out.SolutionVersion.Status)
}

func (e *pzEnv) campaignStatus(t *testing.T, arn string) string {
	t.Helper()
	out, err := e.pz.DescribeCampaign(e.ctx, &personalize.DescribeCampaignInput{CampaignArn: &arn})
	require.NoError(t, err)
	return aws.ToString(out.Campaign.Status)
}

func (e *pzEnv) filterStatus(t *testing.T, arn string) string {
	t.Helper()
	out, err := e.pz.DescribeFilter(e.ctx, &personalize.DescribeFilterInput{FilterArn: &arn})
	require.NoError(t, err)
	return aws.ToString(out.Filter.Status)
}
