package fake_test

import (
	"context"
	"testing"
	"testing/fstest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// provisionGroup gives a fake an ACTIVE dataset group with an ACTIVE Interactions dataset, as the
// README's Personalize quick start does, and returns their ARNs.
func provisionGroup(t *testing.T, f *fake.Fake, clk clockAdder) (group, interactions *string) {
	t.Helper()
	e := &pzEnv{f: f, pz: f.Personalize(), ev: f.PersonalizeEvents(), ctx: context.Background()}
	out, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("shop")})
	require.NoError(t, err)
	clk.Add(time.Minute)
	g := aws.ToString(out.DatasetGroupArn)
	ds, err := e.pz.CreateDataset(e.ctx, &personalize.CreateDatasetInput{Name: aws.String("shop-interactions"), DatasetGroupArn: &g,
		DatasetType: aws.String("Interactions"), SchemaArn: aws.String(e.schema(t, "shop-interactions", interactionsSchema))})
	require.NoError(t, err)
	clk.Add(time.Minute)
	return &g, ds.DatasetArn
}

// clockAdder is what provisionGroup needs of the test's clock.
type clockAdder interface{ Add(time.Duration) }

// README's section on training and deployment, run as written: the import, the solution, its
// training, metrics and a campaign, each waited for on the fake clock.
func TestREADMETraining(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	clk := mockClock()
	csv := []byte(interactionsCSV(50, 20))
	role := "arn:aws:iam::123456789012:role/personalize"
	provision := func(t *testing.T, f *fake.Fake) (*string, *string) { return provisionGroup(t, f, clk) }

	f := fake.ForTest(t, fake.WithClock(clk), fake.WithObjects(fstest.MapFS{
		"bucket/interactions.csv": {Data: csv}})) // USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE rows
	pz := f.Personalize()
	group, interactions := provision(t, f) // an ACTIVE dataset group and Interactions dataset, as in the quick start
	job, _ := pz.CreateDatasetImportJob(ctx, &personalize.CreateDatasetImportJobInput{JobName: aws.String("import"),
		DatasetArn: interactions, DataSource: &types.DataSource{DataLocation: aws.String("s3://bucket/interactions.csv")},
		RoleArn: aws.String(role)})
	clk.Add(5 * time.Minute) // CREATE PENDING 1 minute, CREATE IN_PROGRESS 4; then its rows are the dataset's records (f.Records)
	sol, _ := pz.CreateSolution(ctx, &personalize.CreateSolutionInput{Name: aws.String("recs"), DatasetGroupArn: group,
		RecipeArn: aws.String("arn:aws:personalize:::recipe/aws-user-personalization")})
	clk.Add(2 * time.Second) // the solution is ACTIVE
	v, _ := pz.CreateSolutionVersion(ctx, &personalize.CreateSolutionVersionInput{SolutionArn: sol.SolutionArn})
	clk.Add(45 * time.Minute) // training; then ACTIVE, or CREATE FAILED with AWS's reason when the data is
	// too small ("Create failed. Dataset has fewer than 25 users with at least 2 interactions each.")
	m, _ := pz.GetSolutionMetrics(ctx, &personalize.GetSolutionMetricsInput{SolutionVersionArn: v.SolutionVersionArn})
	c, _ := pz.CreateCampaign(ctx, &personalize.CreateCampaignInput{Name: aws.String("recs"), SolutionVersionArn: v.SolutionVersionArn})
	clk.Add(9 * time.Minute) // ACTIVE; UpdateCampaign shows in latestCampaignUpdate with its own statuses

	imported, err := pz.DescribeDatasetImportJob(ctx, &personalize.DescribeDatasetImportJobInput{DatasetImportJobArn: job.DatasetImportJobArn})
	require.NoError(t, err)
	require.Equal(t, "ACTIVE", aws.ToString(imported.DatasetImportJob.Status))
	records := f.Records(*interactions)
	require.Len(t, records, 1000, "the import's rows are the dataset's records")
	version, err := pz.DescribeSolutionVersion(ctx, &personalize.DescribeSolutionVersionInput{SolutionVersionArn: v.SolutionVersionArn})
	require.NoError(t, err)
	require.Equal(t, "ACTIVE", aws.ToString(version.SolutionVersion.Status))
	require.Len(t, m.Metrics, 8, "AWS's eight metric names")
	campaign, err := pz.DescribeCampaign(ctx, &personalize.DescribeCampaignInput{CampaignArn: c.CampaignArn})
	require.NoError(t, err)
	require.Equal(t, "ACTIVE", aws.ToString(campaign.Campaign.Status))
}
