package fake_test

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	petypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

func (e *pzEnv) describeImport(t *testing.T, arn string) *pztypes.DatasetImportJob {
	t.Helper()
	out, err := e.pz.DescribeDatasetImportJob(e.ctx, &personalize.DescribeDatasetImportJobInput{DatasetImportJobArn: &arn})
	require.NoError(t, err)
	return out.DatasetImportJob
}

// A job that cannot read its data ends CREATE FAILED, as AWS's do: a missing object with AWS's
// "Invalid Data location.", a malformed file with a reason naming the object, line and field.
func TestImportJobFailures(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group := e.group(t, "g", "")
		dataset := e.interactions(t, group)
		for _, c := range []struct{ name, location, reason string }{
			{"missing", "s3://bucket/nothing.csv", "Invalid Data location."},
			{"malformed", "s3://bucket/bad/interactions.csv", "bucket/bad/interactions.csv"},
			{"too-few-rows", "s3://bucket/small/interactions.csv", "needs at least 1000"},
			{"not-s3", "https://example.com/x.csv", "Invalid Data location."},
		} {
			t.Run(c.name, func(t *testing.T) {
				arn := e.importJob(t, c.name, dataset, c.location, "")
				require.Equal(t, "CREATE PENDING", e.importStatus(t, arn), "the failure shows when the job ends")
				e.clk.Add(5 * time.Minute)
				got := e.describeImport(t, arn)
				require.Equal(t, "CREATE FAILED", aws.ToString(got.Status))
				require.Contains(t, aws.ToString(got.FailureReason), c.reason)
			})
		}
		bad := e.describeImport(t, "arn:aws:personalize:us-east-1:123456789012:dataset-import-job/malformed")
		require.Contains(t, aws.ToString(bad.FailureReason), "line 3")
		require.Contains(t, aws.ToString(bad.FailureReason), "TIMESTAMP")
		require.Empty(t, e.f.Records(dataset), "a failed import puts nothing in")
	}, fake.WithObjects(bucket))
}

// Without objects (fake.WithObjects), every import fails as one reading a wrong location.
func TestImportWithoutObjects(t *testing.T) {
	t.Parallel()
	e := typedPZ(t)
	dataset := e.interactions(t, e.group(t, "g", ""))
	arn := e.importJob(t, "j", dataset, "s3://bucket/interactions.csv", "")
	e.clk.Add(5 * time.Minute)
	got := e.describeImport(t, arn)
	require.Equal(t, "CREATE FAILED", aws.ToString(got.Status))
	require.Contains(t, aws.ToString(got.FailureReason), "fake.WithObjects")
}

// Rows become the dataset's records when the job ends ACTIVE, in the order of the files; FULL
// replaces what imports put before (not what PutItems put), INCREMENTAL adds and replaces by id;
// an item imported and put is the later of the two.
func TestImportModes(t *testing.T) {
	t.Parallel()
	objects := fstest.MapFS{
		"b/items/1.csv": {Data: []byte("ITEM_ID,GENRES,PRICE\ni1,comedy,9.5\ni2,drama,12\n")},
		"b/items/2.csv": {Data: []byte("ITEM_ID,PRICE,GENRES\ni3,1,horror\n")},
		"b/more.csv":    {Data: []byte("ITEM_ID,GENRES\ni2,drama|comedy\ni4,\n")},
		"b/other.csv":   {Data: []byte("ITEM_ID,GENRES\ni9,news\n")},
	}
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group := e.group(t, "g", "")
		items := e.dataset(t, group, "Items", e.schema(t, "items", itemsSchema))
		_, err := e.pz.CreateDatasetImportJob(e.ctx, &personalize.CreateDatasetImportJobInput{JobName: aws.String("first"), DatasetArn: &items,
			DataSource: &pztypes.DataSource{DataLocation: aws.String("s3://b/more.csv")}, RoleArn: aws.String("arn:aws:iam::123456789012:role/r"),
			ImportMode: pztypes.ImportModeIncremental})
		require.Contains(t, requireCode(t, err, "InvalidInputException"), "has no FULL import")

		full := e.importJob(t, "full", items, "s3://b/items/", "")
		require.Empty(t, e.f.Records(items), "nothing until the job ends")
		e.clk.Add(5 * time.Minute)
		require.Equal(t, "ACTIVE", e.importStatus(t, full))
		require.Equal(t, []string{"i1 {\"genres\":\"comedy\",\"price\":9.5}", "i2 {\"genres\":\"drama\",\"price\":12}", "i3 {\"genres\":\"horror\",\"price\":1}"},
			recordSummaries(e.f.Records(items)), "a folder reads every CSV under it, in name order")

		e.putItem(t, items, "i1", `{"genres":"put"}`)
		incremental := e.importJob(t, "more", items, "s3://b/more.csv", "INCREMENTAL")
		require.Equal(t, pztypes.ImportModeIncremental, e.describeImport(t, incremental).ImportMode)
		e.clk.Add(5 * time.Minute)
		require.Equal(t, []string{"i2 {\"genres\":\"drama|comedy\"}", "i3 {\"genres\":\"horror\",\"price\":1}", "i1 {\"genres\":\"put\"}", "i4 "},
			recordSummaries(e.f.Records(items)), "in the order they arrived: the put before the import that brought i4")

		e.importJob(t, "replace", items, "s3://b/other.csv", "FULL")
		e.clk.Add(5 * time.Minute)
		require.Equal(t, []string{"i1 {\"genres\":\"put\"}", "i9 {\"genres\":\"news\"}"}, recordSummaries(e.f.Records(items)),
			"FULL replaced the imports, not what PutItems put")

		list, err := e.pz.ListDatasetImportJobs(e.ctx, &personalize.ListDatasetImportJobsInput{DatasetArn: &items})
		require.NoError(t, err)
		require.Len(t, list.DatasetImportJobs, 3)
		require.Equal(t, "replace", aws.ToString(list.DatasetImportJobs[0].JobName))
		require.Equal(t, pztypes.ImportModeFull, list.DatasetImportJobs[0].ImportMode)
	}, fake.WithObjects(objects), fake.WithSmallDatasets())
}

func recordSummaries(rs []fake.Record) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ID + " " + r.Properties
	}
	return out
}

func (e *pzEnv) putItem(t *testing.T, dataset, id, props string) {
	t.Helper()
	_, err := e.ev.PutItems(e.ctx, &personalizeevents.PutItemsInput{DatasetArn: &dataset,
		Items: []petypes.Item{{ItemId: &id, Properties: &props}}})
	require.NoError(t, err)
}

// Imported interactions are the Interactions dataset's records, as events are; a job's quota
// counts the jobs still running (AWS: 5, with its own message); a dataset with a job running
// cannot be deleted.
func TestImportedInteractionsAndQuota(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group := e.group(t, "g", "")
		dataset := e.interactions(t, group)
		job := e.importJob(t, "a", dataset, "s3://bucket/interactions.csv", "")
		_, err := e.pz.CreateDatasetImportJob(e.ctx, &personalize.CreateDatasetImportJobInput{JobName: aws.String("b"), DatasetArn: &dataset,
			DataSource: &pztypes.DataSource{DataLocation: aws.String("s3://bucket/interactions.csv")}, RoleArn: aws.String("arn:aws:iam::123456789012:role/r")})
		require.Equal(t, "More than 1 resources with PENDING or IN_PROGRESS status.", requireCode(t, err, "LimitExceededException"))
		_, err = e.pz.DeleteDataset(e.ctx, &personalize.DeleteDatasetInput{DatasetArn: &dataset})
		require.Contains(t, requireCode(t, err, "ResourceInUseException"), "the import job "+job+" is in CREATE PENDING state")

		e.clk.Add(5 * time.Minute)
		recs := e.f.Records(dataset)
		require.Len(t, recs, 1000)
		first := recs[0]
		require.Equal(t, "INTERACTIONS", first.DatasetType)
		require.Equal(t, "u00", first.UserID)
		require.Equal(t, "i000", first.ItemID)
		require.Equal(t, "click", first.EventType)
		require.Equal(t, time.Unix(1700000000, 0).UTC(), first.Timestamp)
		require.Equal(t, start.Add(7*time.Minute), first.ReceivedAt, "when the job ended")
		require.Empty(t, first.Mismatches)
		e.importJob(t, "b", dataset, "s3://bucket/interactions.csv", "INCREMENTAL")
	}, fake.WithObjects(bucket), fake.WithQuota(fake.DatasetImportJobs, 1))
}

// A scenario can fail a job; a seeded ACTIVE job's rows are in the dataset at once.
func TestImportScenarios(t *testing.T) {
	t.Parallel()
	s := scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "shop", Datasets: []scenario.Dataset{{Type: "Interactions"}}})
	s.Seed(scenario.Resource{Service: "personalize", Operation: "CreateDatasetImportJob", Input: map[string]any{
		"jobName": "seeded", "datasetArn": "arn:aws:personalize:us-east-1:123456789012:dataset/shop/INTERACTIONS",
		"dataSource": map[string]any{"dataLocation": "s3://bucket/interactions.csv"}}})
	s.On("personalize", "CreateDatasetImportJob").FailCreation("Insufficient privileges for accessing data in Amazon S3.")
	e := typedPZ(t, fake.WithObjects(bucket), fake.WithScenario(s))
	dataset := "arn:aws:personalize:us-east-1:123456789012:dataset/shop/INTERACTIONS"
	require.Len(t, e.f.Records(dataset), 1000)
	require.Equal(t, "ACTIVE", e.importStatus(t, "arn:aws:personalize:us-east-1:123456789012:dataset-import-job/seeded"))
	failed := e.importJob(t, "failed", dataset, "s3://bucket/interactions.csv", "")
	e.clk.Add(5 * time.Minute)
	got := e.describeImport(t, failed)
	require.Equal(t, "CREATE FAILED", aws.ToString(got.Status))
	require.Equal(t, "Insufficient privileges for accessing data in Amazon S3.", aws.ToString(got.FailureReason))
	require.Len(t, e.f.Records(dataset), 1000)
}
