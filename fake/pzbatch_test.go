package fake_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	evtypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

const itemAffinity = "arn:aws:personalize:::recipe/aws-item-affinity"

// batchObjects are the tests' imports and the batch jobs' inputs.
var batchObjects = func() fstest.MapFS {
	m := fstest.MapFS{
		"in/users.json":   {Data: []byte("{\"userId\": \"u01\"}\n\n{\"userId\":\"u02\", \"filterValues\": {\"TYPE\": \"\\\"click\\\"\"}}\n{\"itemId\": \"i005\"}\n")},
		"in/items.json":   {Data: []byte(`{"itemId": "i005"}` + "\n" + `{"itemId": "i049"}` + "\n" + `{}` + "\n")},
		"in/bad.json":     {Data: []byte(`{"userId": "u01"}` + "\nnot json\n")},
		"in/sims.json":    {Data: []byte(`{"itemId": "i005"}` + "\n")},
		"in/dir/a.json":   {Data: []byte(`{"userId": "u03"}` + "\n")},
		"in/dir/b.json":   {Data: []byte(`{"userId": "u04"}` + "\n")},
		"in/ranking.json": {Data: []byte(`{"userId": "u01", "itemList": ["i001", "i030", "unknown"]}` + "\n")},
	}
	for k, v := range bucket {
		m[k] = v
	}
	return m
}()

// batchLines reads the JSON lines a job wrote into the objects' shape.
type batchOutLine struct {
	Input  map[string]any `json:"input"`
	Output *struct {
		RecommendedItems []string  `json:"recommendedItems"`
		Scores           []float64 `json:"scores"`
		UsersList        []string  `json:"usersList"`
	} `json:"output"`
	Error *string `json:"error"`
}

func batchLines(t *testing.T, body string) []batchOutLine {
	t.Helper()
	var out []batchOutLine
	for _, line := range strings.Split(strings.TrimSuffix(body, "\n"), "\n") {
		var l batchOutLine
		require.NoError(t, json.Unmarshal([]byte(line), &l), line)
		require.Contains(t, line, `"error":`, "every line has an error member, null on success")
		out = append(out, l)
	}
	return out
}

func (e *pzEnv) batchInference(t *testing.T, name, version, input string, filter *string, n *int32) string {
	t.Helper()
	out, err := e.pz.CreateBatchInferenceJob(e.ctx, &personalize.CreateBatchInferenceJobInput{JobName: &name, SolutionVersionArn: &version,
		FilterArn: filter, NumResults: n, RoleArn: aws.String(exportRole),
		JobInput:  &pztypes.BatchInferenceJobInput{S3DataSource: &pztypes.S3DataConfig{Path: aws.String(input)}},
		JobOutput: &pztypes.BatchInferenceJobOutput{S3DataDestination: &pztypes.S3DataConfig{Path: aws.String("s3://out/" + name + "/")}}})
	require.NoError(t, err)
	return aws.ToString(out.BatchInferenceJobArn)
}

func (e *pzEnv) batchInferenceJob(t *testing.T, arn string) *pztypes.BatchInferenceJob {
	t.Helper()
	out, err := e.pz.DescribeBatchInferenceJob(e.ctx, &personalize.DescribeBatchInferenceJobInput{BatchInferenceJobArn: &arn})
	require.NoError(t, err)
	return out.BatchInferenceJob
}

// A batch inference job reads its JSON Lines input when created, answers each line by the
// runtime's rules (the version's model, numResults, the filter bound to the line's
// filterValues), and writes <input>.out under its output path when it is ACTIVE on the clock.
func TestBatchInferenceJob(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group, _ := e.importedGroup(t, "g", "interactions.csv")
		_, up := e.trainedSolution(t, group, "up", userPersonalization)
		_, sims := e.trainedSolution(t, group, "sims", simsRecipe)
		filter := e.filter(t, "not-clicked", group, `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ($TYPE)`)
		e.clk.Add(time.Minute)

		created := e.clk.Now()
		arn := e.batchInference(t, "nightly", up, "s3://in/users.json", &filter, aws.Int32(10))
		require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:batch-inference-job/nightly", arn)
		_, err := e.pz.DeleteFilter(e.ctx, &personalize.DeleteFilterInput{FilterArn: &filter})
		require.Contains(t, requireCode(t, err, "ResourceInUseException"), "batch job "+arn)
		life := fake.DefaultLifecycle(fake.BatchInferenceJobs)
		require.Equal(t, "CREATE PENDING", aws.ToString(e.batchInferenceJob(t, arn).Status))
		e.clk.Add(life.Pending)
		require.Equal(t, "CREATE IN_PROGRESS", aws.ToString(e.batchInferenceJob(t, arn).Status))
		require.Empty(t, e.f.Objects("s3://out/"), "nothing is written before the job completes")
		e.clk.Add(life.InProgress)
		got := e.batchInferenceJob(t, arn)
		require.Equal(t, "ACTIVE", aws.ToString(got.Status))
		require.Equal(t, up, aws.ToString(got.SolutionVersionArn))
		require.Equal(t, filter, aws.ToString(got.FilterArn))
		require.Equal(t, int32(10), aws.ToInt32(got.NumResults))
		require.Equal(t, "BATCH_INFERENCE", string(got.BatchInferenceJobMode))
		require.Equal(t, created, aws.ToTime(got.CreationDateTime))
		require.Equal(t, created.Add(life.Pending+life.InProgress), aws.ToTime(got.LastUpdatedDateTime))
		require.Equal(t, "s3://in/users.json", aws.ToString(got.JobInput.S3DataSource.Path))

		require.Equal(t, []string{"s3://out/nightly/users.json.out"}, e.f.Objects("s3://out/nightly/"))
		lines := batchLines(t, object(t, e.f, "s3://out/nightly/"))
		require.Len(t, lines, 3, "the blank line is skipped")
		// u01 without filterValues: the EXCLUDE expression's placeholder has no value, so it
		// excludes nothing (AWS ignores that part of the expression).
		require.Equal(t, map[string]any{"userId": "u01"}, lines[0].Input)
		require.Nil(t, lines[0].Error)
		require.Len(t, lines[0].Output.RecommendedItems, 10)
		require.Len(t, lines[0].Output.Scores, 10, "User-Personalization gives scores")
		// u02 with TYPE=click: none of the items u02 clicked (i002..i021).
		require.Len(t, lines[1].Output.RecommendedItems, 10)
		for _, item := range lines[1].Output.RecommendedItems {
			var n int
			_, err := fmt.Sscanf(item, "i%d", &n)
			require.NoError(t, err)
			require.False(t, n >= 2 && n <= 21, "u02 clicked %s", item)
		}
		// A line without userId: the model's refusal, as the runtime's.
		require.Nil(t, lines[2].Output)
		require.Contains(t, aws.ToString(lines[2].Error), "userId is required")

		// SIMS: no scores; a folder reads every object in it; no filter, the default 25.
		e.batchInference(t, "sims", sims, "s3://in/sims.json", nil, nil)
		e.batchInference(t, "dir", up, "s3://in/dir/", nil, nil)
		e.clk.Add(life.Pending + life.InProgress)
		lines = batchLines(t, object(t, e.f, "s3://out/sims/"))
		require.Len(t, lines[0].Output.RecommendedItems, 25)
		require.Nil(t, lines[0].Output.Scores)
		require.NotContains(t, lines[0].Output.RecommendedItems, "i005")
		require.Equal(t, []string{"s3://out/dir/a.json.out", "s3://out/dir/b.json.out"}, e.f.Objects("s3://out/dir/"))

		list, err := e.pz.ListBatchInferenceJobs(e.ctx, &personalize.ListBatchInferenceJobsInput{SolutionVersionArn: &up})
		require.NoError(t, err)
		require.Len(t, list.BatchInferenceJobs, 2)
		require.Equal(t, "dir", aws.ToString(list.BatchInferenceJobs[0].JobName), "newest first")
		require.Equal(t, "ACTIVE", aws.ToString(list.BatchInferenceJobs[1].Status))
		all, err := e.pz.ListBatchInferenceJobs(e.ctx, &personalize.ListBatchInferenceJobsInput{})
		require.NoError(t, err)
		require.Len(t, all.BatchInferenceJobs, 3)
		_, err = e.pz.DeleteFilter(e.ctx, &personalize.DeleteFilterInput{FilterArn: &filter})
		require.NoError(t, err, "its job has completed")
	}, fake.WithObjects(batchObjects))
}

// A job whose input cannot be read ends CREATE FAILED, with why, and writes nothing; the
// refusals at creation.
func TestBatchInferenceJobFailures(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group, _ := e.importedGroup(t, "g", "interactions.csv")
		_, up := e.trainedSolution(t, group, "up", userPersonalization)
		_, affinity := e.trainedSolution(t, group, "affinity", itemAffinity)
		training := e.version(t, e.solution(t, "more", group, userPersonalization))
		missing := e.batchInference(t, "missing", up, "s3://in/nothing.json", nil, nil)
		bad := e.batchInference(t, "bad", up, "s3://in/bad.json", nil, nil)
		e.clk.Add(20 * time.Minute)
		got := e.batchInferenceJob(t, missing)
		require.Equal(t, "CREATE FAILED", aws.ToString(got.Status))
		require.Equal(t, "Invalid input location. No object exists at s3://in/nothing.json.", aws.ToString(got.FailureReason))
		require.Equal(t, "Invalid input data. Line 2 of s3://in/bad.json is not a JSON object of the form the job reads.",
			aws.ToString(e.batchInferenceJob(t, bad).FailureReason))
		require.Empty(t, e.f.Objects("s3://out/"))

		create := func(name, version string, mut func(*personalize.CreateBatchInferenceJobInput)) error {
			in := &personalize.CreateBatchInferenceJobInput{JobName: &name, SolutionVersionArn: &version, RoleArn: aws.String(exportRole),
				JobInput:  &pztypes.BatchInferenceJobInput{S3DataSource: &pztypes.S3DataConfig{Path: aws.String("s3://in/users.json")}},
				JobOutput: &pztypes.BatchInferenceJobOutput{S3DataDestination: &pztypes.S3DataConfig{Path: aws.String("s3://out/x/")}}}
			if mut != nil {
				mut(in)
			}
			_, err := e.pz.CreateBatchInferenceJob(e.ctx, in)
			return err
		}
		require.Contains(t, requireCode(t, create("x", up+"0", nil), "ResourceNotFoundException"), up+"0")
		require.Contains(t, requireCode(t, create("x", training, nil), "ResourceInUseException"), "is not ACTIVE")
		require.Contains(t, requireCode(t, create("x", affinity, nil), "InvalidInputException"), "does not serve batch inference jobs")
		require.Contains(t, requireCode(t, create("x", up, func(in *personalize.CreateBatchInferenceJobInput) { in.NumResults = aws.Int32(501) }),
			"InvalidInputException"), "numResults")
		require.Contains(t, requireCode(t, create("x", up, func(in *personalize.CreateBatchInferenceJobInput) {
			in.FilterArn = aws.String("arn:aws:personalize:us-east-1:123456789012:filter/none")
		}), "ResourceNotFoundException"), "filter/none")
		require.Contains(t, requireCode(t, create("x", up, func(in *personalize.CreateBatchInferenceJobInput) {
			in.BatchInferenceJobMode = pztypes.BatchInferenceJobModeThemeGeneration
		}), "InvalidInputException"), "THEME_GENERATION")
		require.Equal(t, "Another resource with Arn arn:aws:personalize:us-east-1:123456789012:batch-inference-job/bad already exists.",
			requireCode(t, create("bad", up, nil), "ResourceAlreadyExistsException"))
		for i := range 5 {
			require.NoError(t, create(fmt.Sprintf("q%d", i), up, nil))
		}
		require.Equal(t, "More than 5 resources with PENDING or IN_PROGRESS status.", requireCode(t, create("q5", up, nil), "LimitExceededException"))
		_, err := e.pz.DescribeBatchInferenceJob(e.ctx, &personalize.DescribeBatchInferenceJobInput{BatchInferenceJobArn: aws.String(missing + "x")})
		requireCode(t, err, "ResourceNotFoundException")
	}, fake.WithObjects(batchObjects))
}

// A batch segment job lists, for each item, the users who interacted with it most (Item-Affinity).
func TestBatchSegmentJob(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group, _ := e.importedGroup(t, "g", "interactions.csv")
		_, affinity := e.trainedSolution(t, group, "affinity", itemAffinity)
		_, up := e.trainedSolution(t, group, "up", userPersonalization)
		name := "segments"
		out, err := e.pz.CreateBatchSegmentJob(e.ctx, &personalize.CreateBatchSegmentJobInput{JobName: &name, SolutionVersionArn: &affinity,
			NumResults: aws.Int32(3), RoleArn: aws.String(exportRole),
			JobInput:  &pztypes.BatchSegmentJobInput{S3DataSource: &pztypes.S3DataConfig{Path: aws.String("s3://in/items.json")}},
			JobOutput: &pztypes.BatchSegmentJobOutput{S3DataDestination: &pztypes.S3DataConfig{Path: aws.String("s3://out/segments/")}}})
		require.NoError(t, err)
		arn := aws.ToString(out.BatchSegmentJobArn)
		require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/segments", arn)
		life := fake.DefaultLifecycle(fake.BatchSegmentJobs)
		describe := func() *pztypes.BatchSegmentJob {
			out, err := e.pz.DescribeBatchSegmentJob(e.ctx, &personalize.DescribeBatchSegmentJobInput{BatchSegmentJobArn: &arn})
			require.NoError(t, err)
			return out.BatchSegmentJob
		}
		require.Equal(t, "CREATE PENDING", aws.ToString(describe().Status))
		e.clk.Add(life.Pending + life.InProgress)
		got := describe()
		require.Equal(t, "ACTIVE", aws.ToString(got.Status))
		require.Equal(t, int32(3), aws.ToInt32(got.NumResults))
		lines := batchLines(t, object(t, e.f, "s3://out/segments/"))
		require.Len(t, lines, 3)
		// i005 is in the histories of u00..u05 (user k has items k..k+19), once each: by id.
		require.Equal(t, []string{"u00", "u01", "u02"}, lines[0].Output.UsersList)
		require.Equal(t, []string{"u30", "u31", "u32"}, lines[1].Output.UsersList)
		require.Contains(t, aws.ToString(lines[2].Error), "needs itemId or itemAttributes")

		list, err := e.pz.ListBatchSegmentJobs(e.ctx, &personalize.ListBatchSegmentJobsInput{SolutionVersionArn: &affinity})
		require.NoError(t, err)
		require.Len(t, list.BatchSegmentJobs, 1)
		require.Equal(t, "ACTIVE", aws.ToString(list.BatchSegmentJobs[0].Status))

		_, err = e.pz.CreateBatchSegmentJob(e.ctx, &personalize.CreateBatchSegmentJobInput{JobName: aws.String("x"), SolutionVersionArn: &up,
			RoleArn:   aws.String(exportRole),
			JobInput:  &pztypes.BatchSegmentJobInput{S3DataSource: &pztypes.S3DataConfig{Path: aws.String("s3://in/items.json")}},
			JobOutput: &pztypes.BatchSegmentJobOutput{S3DataDestination: &pztypes.S3DataConfig{Path: aws.String("s3://out/x/")}}})
		require.Contains(t, requireCode(t, err, "InvalidInputException"), "does not make user segments")
	}, fake.WithObjects(batchObjects))
}

// An Item-Attribute-Affinity segment job resolves each line's attribute query against the Items
// dataset (ITEMS.X = "v" as the filter grammar's IN), and a user filter keeps only the users it
// includes.
func TestBatchSegmentJobByAttributes(t *testing.T) {
	t.Parallel()
	objects := fstest.MapFS{"in/attributes.json": {Data: []byte(`{"itemAttributes": "ITEMS.GENRES = \"comedy\""}` + "\n" +
		`{"itemAttributes": "ITEMS.PRICE > 10"}` + "\n" + `{"itemAttributes": "ITEMS.NOPE = \"x\""}` + "\n")}}
	for k, v := range bucket {
		objects[k] = v
	}
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group, _ := e.importedGroup(t, "g", "interactions.csv")
		items := e.dataset(t, group, "Items", e.schema(t, "items", itemsSchema))
		e.importJob(t, "items", items, "s3://bucket/items.csv", "")
		e.clk.Add(5 * time.Minute)
		_, version := e.trainedSolution(t, group, "attr", "arn:aws:personalize:::recipe/aws-item-attribute-affinity")
		users := e.dataset(t, group, "Users", e.schema(t, "users", usersSchema))
		_, err := e.ev.PutUsers(e.ctx, &personalizeevents.PutUsersInput{DatasetArn: &users, Users: []evtypes.User{
			{UserId: aws.String("u01"), Properties: aws.String(`{"age": 30}`)}}})
		require.NoError(t, err)
		adults := e.filter(t, "adults", group, `INCLUDE UserID WHERE Users.AGE >= 18`)
		e.clk.Add(time.Minute)
		for _, filter := range []*string{nil, &adults} {
			name := "all"
			if filter != nil {
				name = "adults"
			}
			_, err := e.pz.CreateBatchSegmentJob(e.ctx, &personalize.CreateBatchSegmentJobInput{JobName: &name, SolutionVersionArn: &version,
				FilterArn: filter, RoleArn: aws.String(exportRole),
				JobInput:  &pztypes.BatchSegmentJobInput{S3DataSource: &pztypes.S3DataConfig{Path: aws.String("s3://in/attributes.json")}},
				JobOutput: &pztypes.BatchSegmentJobOutput{S3DataDestination: &pztypes.S3DataConfig{Path: aws.String("s3://out/" + name + "/")}}})
			require.NoError(t, err)
		}
		e.clk.Add(8 * time.Minute)
		lines := batchLines(t, object(t, e.f, "s3://out/all/"))
		// comedy: i000 (u00) and i001 (u00, u01); above 10: i001.
		require.Equal(t, []string{"u00", "u01"}, lines[0].Output.UsersList)
		require.Equal(t, []string{"u00", "u01"}, lines[1].Output.UsersList)
		require.Contains(t, aws.ToString(lines[2].Error), "invalid itemAttributes")
		lines = batchLines(t, object(t, e.f, "s3://out/adults/"))
		require.Equal(t, []string{"u01"}, lines[0].Output.UsersList, "the filter keeps the users it includes")
	}, fake.WithObjects(objects))
}
