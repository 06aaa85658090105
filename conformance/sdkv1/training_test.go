package sdkv1

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/personalize"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// trainingObjects holds 1,000 interactions of 50 users: enough for AWS's minimums.
var trainingObjects = func() fstest.MapFS {
	var b strings.Builder
	b.WriteString("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\n")
	for u := range 50 {
		for k := range 20 {
			fmt.Fprintf(&b, "u%02d,i%03d,%d,click\n", u, u+k, 1700000000+20*u+k)
		}
	}
	return fstest.MapFS{"bucket/interactions.csv": {Data: []byte(b.String())}}
}()

// waitFor describes every minute until the status is no longer a transitional one, as AWS's
// samples do, and returns the status and how many describes it took.
func (w *world) waitFor(t *testing.T, describe func() (*string, error)) (string, int) {
	t.Helper()
	for n := 1; n <= 100; n++ {
		status, err := describe()
		require.NoError(t, err)
		switch s := aws.StringValue(status); s {
		case "CREATE PENDING", "CREATE IN_PROGRESS", "CREATE STOPPING":
			w.clk.Add(time.Minute)
		default:
			return s, n
		}
	}
	t.Fatal("never done")
	return "", 0
}

// The getting-started path through aws-sdk-go (v1), whose model is newer than the pinned
// aws-sdk-go-v2's: it sends performAutoTraining and reads trainingType, which the fake serves.
func TestGettingStartedWithSDKv1(t *testing.T) {
	t.Parallel()
	w := newWorld(t, fake.WithObjects(trainingObjects))
	group := w.activeGroup(t, "shop")
	dataset := w.activeDataset(t, group, "Interactions", `{"type":"record","name":"Interactions","fields":[{"name":"USER_ID","type":"string"},`+
		`{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"},{"name":"EVENT_TYPE","type":"string"}]}`)
	job, err := w.pz.CreateDatasetImportJob(&personalize.CreateDatasetImportJobInput{JobName: aws.String("import"), DatasetArn: dataset,
		DataSource: &personalize.DataSource{DataLocation: aws.String("s3://bucket/interactions.csv")},
		RoleArn:    aws.String("arn:aws:iam::123456789012:role/personalize")}) // the client requires it
	require.NoError(t, err)
	status, _ := w.waitFor(t, func() (*string, error) {
		out, err := w.pz.DescribeDatasetImportJob(&personalize.DescribeDatasetImportJobInput{DatasetImportJobArn: job.DatasetImportJobArn})
		if err != nil {
			return nil, err
		}
		return out.DatasetImportJob.Status, nil
	})
	require.Equal(t, "ACTIVE", status)

	sol, err := w.pz.CreateSolution(&personalize.CreateSolutionInput{Name: aws.String("recs"), DatasetGroupArn: group,
		RecipeArn: aws.String("arn:aws:personalize:::recipe/aws-user-personalization"), PerformAutoTraining: aws.Bool(false)})
	require.NoError(t, err)
	w.clk.Add(2 * time.Second)
	desc, err := w.pz.DescribeSolution(&personalize.DescribeSolutionInput{SolutionArn: sol.SolutionArn})
	require.NoError(t, err)
	require.False(t, aws.BoolValue(desc.Solution.PerformAutoTraining))
	require.Equal(t, "ACTIVE", aws.StringValue(desc.Solution.Status))

	v, err := w.pz.CreateSolutionVersion(&personalize.CreateSolutionVersionInput{SolutionArn: sol.SolutionArn})
	require.NoError(t, err)
	status, polls := w.waitFor(t, func() (*string, error) {
		out, err := w.pz.DescribeSolutionVersion(&personalize.DescribeSolutionVersionInput{SolutionVersionArn: v.SolutionVersionArn})
		if err != nil {
			return nil, err
		}
		require.Equal(t, "MANUAL", aws.StringValue(out.SolutionVersion.TrainingType))
		return out.SolutionVersion.Status, nil
	})
	require.Equal(t, "ACTIVE", status)
	require.Equal(t, 46, polls)
	metrics, err := w.pz.GetSolutionMetrics(&personalize.GetSolutionMetricsInput{SolutionVersionArn: v.SolutionVersionArn})
	require.NoError(t, err)
	require.Len(t, metrics.Metrics, 8)

	c, err := w.pz.CreateCampaign(&personalize.CreateCampaignInput{Name: aws.String("recs"), SolutionVersionArn: aws.String(aws.StringValue(sol.SolutionArn) + "/$LATEST"),
		CampaignConfig: &personalize.CampaignConfig{SyncWithLatestSolutionVersion: aws.Bool(true)}})
	require.NoError(t, err)
	status, _ = w.waitFor(t, func() (*string, error) {
		out, err := w.pz.DescribeCampaign(&personalize.DescribeCampaignInput{CampaignArn: c.CampaignArn})
		if err != nil {
			return nil, err
		}
		return out.Campaign.Status, nil
	})
	require.Equal(t, "ACTIVE", status)
	out, err := w.pz.DescribeCampaign(&personalize.DescribeCampaignInput{CampaignArn: c.CampaignArn})
	require.NoError(t, err)
	require.Equal(t, aws.StringValue(v.SolutionVersionArn), aws.StringValue(out.Campaign.SolutionVersionArn))
	require.True(t, aws.BoolValue(out.Campaign.CampaignConfig.SyncWithLatestSolutionVersion))

	_, err = w.pz.StopSolutionVersionCreation(&personalize.StopSolutionVersionCreationInput{SolutionVersionArn: v.SolutionVersionArn})
	require.Equal(t, "ResourceInUseException", code(t, err))
}
