package fake_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	evtypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

const exportRole = "arn:aws:iam::123456789012:role/personalize"

// export starts a dataset export job into s3://exports/<name>/.
func (e *pzEnv) export(t *testing.T, name, dataset string, mode pztypes.IngestionMode) string {
	t.Helper()
	out, err := e.pz.CreateDatasetExportJob(e.ctx, &personalize.CreateDatasetExportJobInput{JobName: &name, DatasetArn: &dataset,
		IngestionMode: mode, RoleArn: aws.String(exportRole),
		JobOutput: &pztypes.DatasetExportJobOutput{S3DataDestination: &pztypes.S3DataConfig{Path: aws.String("s3://exports/" + name + "/")}}})
	require.NoError(t, err)
	return aws.ToString(out.DatasetExportJobArn)
}

func (e *pzEnv) exportJob(t *testing.T, arn string) pztypes.DatasetExportJob {
	t.Helper()
	out, err := e.pz.DescribeDatasetExportJob(e.ctx, &personalize.DescribeDatasetExportJobInput{DatasetExportJobArn: &arn})
	require.NoError(t, err)
	return *out.DatasetExportJob
}

// object reads the one object a job wrote under a prefix.
func object(t *testing.T, f *fake.Fake, prefix string) string {
	t.Helper()
	uris := f.Objects(prefix)
	require.Len(t, uris, 1, "objects under %s", prefix)
	body, ok := f.Object(uris[0])
	require.True(t, ok)
	return string(body)
}

// An export job runs on the clock and, when ACTIVE, writes the dataset's records as it was
// when the job was created: a CSV with the schema's fields as header, records that do not fit
// the schema left out.
func TestDatasetExportJobLifecycle(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		g := e.group(t, "shop", "")
		items := e.dataset(t, g, "Items", e.schema(t, "items", itemsSchema))
		_, err := e.ev.PutItems(e.ctx, &personalizeevents.PutItemsInput{DatasetArn: &items, Items: []evtypes.Item{
			{ItemId: aws.String("boot"), Properties: aws.String(`{"price": 59.9, "genres": "shoes|outdoor"}`)},
			{ItemId: aws.String("hat"), Properties: aws.String(`{"price": "cheap"}`)},
			{ItemId: aws.String("cap, red"), Properties: aws.String(`{"genres": "say \"hi\""}`)}}})
		require.NoError(t, err)

		created := e.clk.Now()
		arn := e.export(t, "items-export", items, "")
		require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:dataset-export-job/items-export", arn)
		// Put after the job was created: not in what it writes.
		_, err = e.ev.PutItems(e.ctx, &personalizeevents.PutItemsInput{DatasetArn: &items, Items: []evtypes.Item{{ItemId: aws.String("late")}}})
		require.NoError(t, err)

		life := fake.DefaultLifecycle(fake.DatasetExportJobs)
		for _, step := range []struct {
			after time.Duration
			want  string
		}{{0, "CREATE PENDING"}, {life.Pending, "CREATE IN_PROGRESS"}, {life.InProgress - time.Millisecond, "CREATE IN_PROGRESS"}} {
			e.clk.Add(step.after)
			require.Equal(t, step.want, aws.ToString(e.exportJob(t, arn).Status))
			require.Empty(t, e.f.Objects("s3://exports/"), "nothing is written before the job completes")
		}
		e.clk.Add(time.Millisecond)
		want := pztypes.DatasetExportJob{JobName: aws.String("items-export"), DatasetExportJobArn: &arn, DatasetArn: &items,
			IngestionMode: pztypes.IngestionModePut, RoleArn: aws.String(exportRole), Status: aws.String("ACTIVE"),
			JobOutput:        &pztypes.DatasetExportJobOutput{S3DataDestination: &pztypes.S3DataConfig{Path: aws.String("s3://exports/items-export/")}},
			CreationDateTime: aws.Time(created), LastUpdatedDateTime: aws.Time(created.Add(life.Pending + life.InProgress))}
		require.Empty(t, cmp.Diff(want, e.exportJob(t, arn), ignoreSDK), "PUT is the default mode")
		require.Equal(t, []string{"s3://exports/items-export/items-export/part-00000.csv"}, e.f.Objects("s3://exports/items-export/"))
		require.Equal(t, "ITEM_ID,GENRES,PRICE\nboot,shoes|outdoor,59.9\n\"cap, red\",\"say \"\"hi\"\"\",\n", object(t, e.f, "s3://exports/items-export/"),
			"hat's price is no float: AWS drops it; late came after the job")
		_, ok := e.f.Object("s3://exports/items-export/nothing.csv")
		require.False(t, ok)

		// The same through the control endpoints, for tests in other languages.
		status, _, raw := rawCallBytes(t, e.f.Handler(), "GET", "/_fake/objects?prefix="+url.QueryEscape("s3://exports/"), nil, "")
		require.Equal(t, http.StatusOK, status)
		require.JSONEq(t, `{"objects": ["s3://exports/items-export/items-export/part-00000.csv"]}`, string(raw))
		status, header, raw := rawCallBytes(t, e.f.Handler(), "GET", "/_fake/objects?uri="+
			url.QueryEscape("s3://exports/items-export/items-export/part-00000.csv"), nil, "")
		require.Equal(t, http.StatusOK, status)
		require.Equal(t, "text/csv; charset=utf-8", header.Get("Content-Type"))
		require.Equal(t, object(t, e.f, "s3://exports/items-export/"), string(raw))
		status, _, raw = rawCallBytes(t, e.f.Handler(), "GET", "/_fake/objects?uri=s3://nothing/here", nil, "")
		require.Equal(t, http.StatusNotFound, status)
		require.JSONEq(t, `{"error": "no object s3://nothing/here"}`, string(raw))
		status, _, raw = rawCallBytes(t, e.f.Handler(), "GET", "/_fake/objects?prefix=s3://nothing/", nil, "")
		require.Equal(t, http.StatusOK, status)
		require.JSONEq(t, `{"objects": []}`, string(raw))

		list, err := e.pz.ListDatasetExportJobs(e.ctx, &personalize.ListDatasetExportJobsInput{DatasetArn: &items})
		require.NoError(t, err)
		require.Equal(t, []pztypes.DatasetExportJobSummary{{JobName: aws.String("items-export"), DatasetExportJobArn: &arn,
			Status: aws.String("ACTIVE"), CreationDateTime: aws.Time(created), LastUpdatedDateTime: aws.Time(created.Add(life.Pending + life.InProgress))}},
			list.DatasetExportJobs)
	})
}

// What each ingestion mode exports from an Interactions dataset: PUT (and ALL) the events
// PutEvents recorded, BULK what import jobs put (none here), each row with the schema's fields.
func TestDatasetExportIngestionModes(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		g := e.group(t, "shop", "")
		schema := e.schema(t, "interactions", `{"type": "record", "name": "Interactions", "fields": [
			{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"}, {"name": "TIMESTAMP", "type": "long"},
			{"name": "EVENT_TYPE", "type": "string"}, {"name": "EVENT_VALUE", "type": ["null", "float"]},
			{"name": "IMPRESSION", "type": ["null", "string"]}, {"name": "DEVICE", "type": ["null", "string"]}]}`)
		ds := e.dataset(t, g, "Interactions", schema)
		_, tracking := e.activeTracker(t, g)
		sent := time.Date(2026, 11, 21, 12, 30, 15, 500_000_000, time.UTC)
		for range 2 { // the same event twice: AWS exports records that match exactly once
			_, err := e.ev.PutEvents(e.ctx, &personalizeevents.PutEventsInput{TrackingId: &tracking, SessionId: aws.String("s1"), UserId: aws.String("u1"),
				EventList: []evtypes.Event{{EventType: aws.String("click"), ItemId: aws.String("boot"), SentAt: &sent, EventValue: aws.Float32(2.5),
					Impression: []string{"boot", "hat"}, Properties: aws.String(`{"device": "phone"}`)}}})
			require.NoError(t, err)
		}
		_, err := e.ev.PutEvents(e.ctx, &personalizeevents.PutEventsInput{TrackingId: &tracking, SessionId: aws.String("s1"), UserId: aws.String("u2"),
			EventList: []evtypes.Event{{EventType: aws.String("buy"), ItemId: aws.String("hat"), SentAt: &sent}}})
		require.NoError(t, err)

		const header = "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE,IMPRESSION,DEVICE\n"
		const rows = "u1,boot,1795264215,click,2.5,boot|hat,phone\nu2,hat,1795264215,buy,,,\n" // TIMESTAMP: sentAt in epoch seconds
		for _, tc := range []struct {
			mode pztypes.IngestionMode
			want string
		}{{pztypes.IngestionModePut, header + rows}, {pztypes.IngestionModeAll, header + rows}, {pztypes.IngestionModeBulk, header}} {
			name := "export-" + string(tc.mode)
			e.export(t, name, ds, tc.mode)
			e.clk.Add(fake.DefaultLifecycle(fake.DatasetExportJobs).Pending + fake.DefaultLifecycle(fake.DatasetExportJobs).InProgress)
			require.Equal(t, tc.want, object(t, e.f, "s3://exports/"+name+"/"), "mode %s", tc.mode)
		}
	})
}

func TestDatasetExportJobRefusals(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		g := e.group(t, "shop", "")
		items := e.dataset(t, g, "Items", e.schema(t, "items", itemsSchema))
		actions := e.dataset(t, g, "Actions", e.schema(t, "actions", actionsSchema))
		e.export(t, "taken", items, "")
		create := func(name, dataset string) error {
			_, err := e.pz.CreateDatasetExportJob(e.ctx, &personalize.CreateDatasetExportJobInput{JobName: &name, DatasetArn: &dataset,
				RoleArn: aws.String(exportRole), JobOutput: &pztypes.DatasetExportJobOutput{S3DataDestination: &pztypes.S3DataConfig{Path: aws.String("s3://b/")}}})
			return err
		}
		users, err := e.pz.CreateDataset(e.ctx, &personalize.CreateDatasetInput{Name: aws.String("users"), DatasetGroupArn: &g,
			DatasetType: aws.String("Users"), SchemaArn: aws.String(e.schema(t, "users", usersSchema))})
		require.NoError(t, err)
		for _, tc := range []struct {
			name, job, dataset, code, message string
		}{
			{"the name is taken", "taken", items, "ResourceAlreadyExistsException",
				"Another resource with Arn arn:aws:personalize:us-east-1:123456789012:dataset-export-job/taken already exists."},
			{"no such dataset", "x", items + "x", "ResourceNotFoundException", "Could not find resource: " + items + "x"},
			{"an Actions dataset", "x", actions, "InvalidInputException",
				"The dataset " + actions + " is an ACTIONS dataset; only Interactions, Items and Users datasets can be exported."},
			{"a dataset being created", "x", aws.ToString(users.DatasetArn), "ResourceInUseException",
				"The dataset " + aws.ToString(users.DatasetArn) + " is not ACTIVE (its status is CREATE PENDING)."},
		} {
			t.Run(tc.name, func(t *testing.T) {
				require.Equal(t, tc.message, requireCode(t, create(tc.job, tc.dataset), tc.code))
			})
		}

		// The model's constraints, and the SDK's own required-member check (roleArn).
		err = create("bad name!", items)
		require.Contains(t, requireCode(t, err, "InvalidInputException"), "Member must satisfy regular expression pattern")
		_, err = e.pz.CreateDatasetExportJob(e.ctx, &personalize.CreateDatasetExportJobInput{JobName: aws.String("x"), DatasetArn: &items,
			JobOutput: &pztypes.DatasetExportJobOutput{S3DataDestination: &pztypes.S3DataConfig{Path: aws.String("s3://b/")}}})
		require.ErrorContains(t, err, "missing required field, CreateDatasetExportJobInput.RoleArn")

		// A dataset with an export job being created cannot be deleted.
		_, err = e.pz.DeleteDataset(e.ctx, &personalize.DeleteDatasetInput{DatasetArn: &items})
		require.Contains(t, requireCode(t, err, "ResourceInUseException"), "export job arn:aws:personalize:us-east-1:123456789012:dataset-export-job/taken is being created")
		e.clk.Add(5 * time.Minute)
		_, err = e.pz.DeleteDataset(e.ctx, &personalize.DeleteDatasetInput{DatasetArn: &items})
		require.NoError(t, err, "the job completed")
		require.Equal(t, "ACTIVE", aws.ToString(e.exportJob(t, "arn:aws:personalize:us-east-1:123456789012:dataset-export-job/taken").Status))
	})
}

// A scenario can fail an export job: it ends in CREATE FAILED and writes nothing. Listings page
// newest first, with the SDK's paginator; tags work on export jobs.
func TestDatasetExportJobScenarioAndListing(t *testing.T) {
	t.Parallel()
	s := scenario.New()
	s.On("personalize", "CreateDatasetExportJob").Times(1).FailCreation("Insufficient privileges for writing to the S3 bucket.")
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		g := e.group(t, "shop", "")
		items := e.dataset(t, g, "Items", e.schema(t, "items", itemsSchema))
		failed := e.export(t, "failed", items, "")
		var arns []string
		for _, name := range []string{"a", "b", "c"} {
			arns = append(arns, e.export(t, name, items, pztypes.IngestionModeAll))
		}
		e.clk.Add(10 * time.Minute)
		job := e.exportJob(t, failed)
		require.Equal(t, "CREATE FAILED", aws.ToString(job.Status))
		require.Equal(t, "Insufficient privileges for writing to the S3 bucket.", aws.ToString(job.FailureReason))
		require.Empty(t, e.f.Objects("s3://exports/failed/"))
		require.Len(t, e.f.Objects("s3://exports/"), 3)

		var got []string
		p := personalize.NewListDatasetExportJobsPaginator(e.pz.(personalize.ListDatasetExportJobsAPIClient),
			&personalize.ListDatasetExportJobsInput{MaxResults: aws.Int32(2)})
		for p.HasMorePages() {
			page, err := p.NextPage(e.ctx)
			require.NoError(t, err)
			for _, j := range page.DatasetExportJobs {
				got = append(got, aws.ToString(j.DatasetExportJobArn))
			}
		}
		require.Equal(t, []string{arns[2], arns[1], arns[0], failed}, got, "newest first")

		_, err := e.pz.TagResource(e.ctx, &personalize.TagResourceInput{ResourceArn: &arns[0], Tags: []pztypes.Tag{{TagKey: aws.String("k"), TagValue: aws.String("v")}}})
		require.NoError(t, err)
		tags, err := e.pz.ListTagsForResource(e.ctx, &personalize.ListTagsForResourceInput{ResourceArn: &arns[0]})
		require.NoError(t, err)
		require.Len(t, tags.Tags, 1)
	}, fake.WithScenario(s))
}

// Export jobs created, described and read from many goroutines while the clock moves: the
// object store stays consistent (run under -race).
func TestExportJobsConcurrently(t *testing.T) {
	t.Parallel()
	e := typedPZ(t, fake.WithLifecycle(fake.DatasetExportJobs, fake.Lifecycle{Pending: time.Second, InProgress: time.Second}))
	g := e.group(t, "shop", "")
	e.dataset(t, g, "Items", e.schema(t, "items", itemsSchema))
	errs := make(chan error, 4)
	for w := range 4 {
		go func() {
			var err error
			for i := 0; i < 25 && err == nil; i++ {
				var out *personalize.CreateDatasetExportJobOutput
				out, err = e.pz.CreateDatasetExportJob(e.ctx, exportInput(fmt.Sprintf("w%d-%d", w, i)))
				if err == nil {
					e.clk.Add(time.Second)
					_, err = e.pz.DescribeDatasetExportJob(e.ctx, &personalize.DescribeDatasetExportJobInput{DatasetExportJobArn: out.DatasetExportJobArn})
					_ = e.f.Objects("s3://exports/")
				}
			}
			errs <- err
		}()
	}
	for range 4 {
		require.NoError(t, <-errs)
	}
	e.clk.Add(time.Minute)
	require.Len(t, e.f.Objects("s3://exports/"), 100)
}

// An export takes what import jobs put (BULK), what PutItems put (PUT), or both (ALL), each
// record with its fields where the schema has them.
func TestDatasetExportOfImportedRecords(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		g := e.group(t, "shop", "")
		schema := e.schema(t, "items", `{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": "string"},
			{"name": "GENRES", "type": ["null", "string"], "categorical": true}, {"name": "PRICE", "type": ["null", "float"]}]}`)
		items := e.dataset(t, g, "Items", schema)
		e.importJob(t, "items-import", items, "s3://bucket/items.csv", "")
		e.clk.Add(5 * time.Minute)
		require.Equal(t, "ACTIVE", e.importStatus(t, "arn:aws:personalize:us-east-1:123456789012:dataset-import-job/items-import"))
		_, err := e.ev.PutItems(e.ctx, &personalizeevents.PutItemsInput{DatasetArn: &items,
			Items: []evtypes.Item{{ItemId: aws.String("i002"), Properties: aws.String(`{"genres": "horror", "price": 3}`)}}})
		require.NoError(t, err)

		const header = "ITEM_ID,GENRES,PRICE\n"
		const imported = "i000,comedy,9.5\ni001,drama|comedy,12\n"
		const put = "i002,horror,3\n"
		for _, tc := range []struct {
			mode pztypes.IngestionMode
			want string
		}{{pztypes.IngestionModeBulk, header + imported}, {pztypes.IngestionModePut, header + put}, {pztypes.IngestionModeAll, header + imported + put}} {
			name := "export-" + string(tc.mode)
			e.export(t, name, items, tc.mode)
			e.clk.Add(fake.DefaultLifecycle(fake.DatasetExportJobs).Pending + fake.DefaultLifecycle(fake.DatasetExportJobs).InProgress)
			require.Equal(t, tc.want, object(t, e.f, "s3://exports/"+name+"/"), "mode %s", tc.mode)
		}
	}, fake.WithObjects(bucket))
}
