package differential

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// batchObjects are the training objects, View events for a domain group, and batch jobs' inputs.
var batchObjects = func() fstest.MapFS {
	m := fstest.MapFS{
		"in/users.json": {Data: []byte("{\"userId\": \"u01\"}\n{\"itemId\": \"i005\"}\n")},
		"in/items.json": {Data: []byte("{\"itemId\": \"i005\"}\n")},
	}
	for k, v := range objects {
		m[k] = v
	}
	m["shop/views.csv"] = &fstest.MapFile{Data: []byte(strings.ReplaceAll(string(objects["bucket/interactions.csv"].Data), ",click\n", ",View\n"))}
	return m
}()

// batchScript touches the operations of issue 25's second part that the v2 client has
// (recommenders, batch inference and batch segment jobs), with successes and modelled errors.
func batchScript(r *run) {
	role := "arn:aws:iam::123456789012:role/personalize"
	// A custom group with a User-Personalization and an Item-Affinity version.
	group := arn + "dataset-group/g"
	r.pz("CreateDatasetGroup", doc{"Name": "g"})
	r.clk.Add(time.Minute)
	r.pz("CreateSchema", doc{"Name": "interactions", "Schema": interactions})
	r.pz("CreateDataset", doc{"Name": "ints", "DatasetGroupArn": group, "DatasetType": "Interactions", "SchemaArn": arn + "schema/interactions"})
	r.clk.Add(time.Minute)
	r.pz("CreateDatasetImportJob", doc{"JobName": "imp", "DatasetArn": arn + "dataset/g/INTERACTIONS",
		"DataSource": doc{"DataLocation": "s3://bucket/interactions.csv"}, "RoleArn": role})
	r.clk.Add(5 * time.Minute)
	for _, s := range []struct{ name, recipe string }{{"up", "aws-user-personalization"}, {"aff", "aws-item-affinity"}} {
		r.pz("CreateSolution", doc{"Name": s.name, "DatasetGroupArn": group, "RecipeArn": "arn:aws:personalize:::recipe/" + s.recipe})
	}
	r.clk.Add(time.Minute)
	up := str(r.pz("CreateSolutionVersion", doc{"SolutionArn": arn + "solution/up"}), "solutionVersionArn")
	aff := str(r.pz("CreateSolutionVersion", doc{"SolutionArn": arn + "solution/aff"}), "solutionVersionArn")
	input := func(p string) doc { return doc{"S3DataSource": doc{"Path": p}} }
	output := func(p string) doc { return doc{"S3DataDestination": doc{"Path": p}} }
	r.pz("CreateBatchInferenceJob", doc{"JobName": "early", "SolutionVersionArn": up, "RoleArn": role,
		"JobInput": input("s3://in/users.json"), "JobOutput": output("s3://out/early/")}) // training
	r.clk.Add(45 * time.Minute)
	r.pz("CreateBatchInferenceJob", doc{"JobName": "nightly", "SolutionVersionArn": up, "RoleArn": role, "NumResults": 5,
		"JobInput": input("s3://in/users.json"), "JobOutput": output("s3://out/nightly/"), "Tags": tags(1, "k")})
	r.pz("CreateBatchInferenceJob", doc{"JobName": "nightly", "SolutionVersionArn": up, "RoleArn": role,
		"JobInput": input("s3://in/users.json"), "JobOutput": output("s3://out/nightly/")})
	r.pz("CreateBatchInferenceJob", doc{"JobName": "missing", "SolutionVersionArn": up, "RoleArn": role,
		"JobInput": input("s3://in/none.json"), "JobOutput": output("s3://out/missing/")})
	r.pz("CreateBatchInferenceJob", doc{"JobName": "x", "SolutionVersionArn": aff, "RoleArn": role,
		"JobInput": input("s3://in/users.json"), "JobOutput": output("s3://out/x/")})
	r.pz("CreateBatchInferenceJob", doc{"JobName": "x", "SolutionVersionArn": up + "0", "RoleArn": role,
		"JobInput": input("s3://in/users.json"), "JobOutput": output("s3://out/x/")})
	r.pz("CreateBatchSegmentJob", doc{"JobName": "segments", "SolutionVersionArn": aff, "RoleArn": role, "NumResults": 3,
		"JobInput": input("s3://in/items.json"), "JobOutput": output("s3://out/segments/")})
	r.pz("CreateBatchSegmentJob", doc{"JobName": "x", "SolutionVersionArn": up, "RoleArn": role,
		"JobInput": input("s3://in/items.json"), "JobOutput": output("s3://out/x/")})
	r.pz("DescribeBatchInferenceJob", doc{"BatchInferenceJobArn": arn + "batch-inference-job/nightly"})
	r.clk.Add(20 * time.Minute)
	r.pz("DescribeBatchInferenceJob", doc{"BatchInferenceJobArn": arn + "batch-inference-job/nightly"})
	r.pz("DescribeBatchInferenceJob", doc{"BatchInferenceJobArn": arn + "batch-inference-job/missing"})
	r.pz("DescribeBatchInferenceJob", doc{"BatchInferenceJobArn": arn + "batch-inference-job/none"})
	page := r.pz("ListBatchInferenceJobs", doc{"SolutionVersionArn": up, "MaxResults": 1})
	r.pz("ListBatchInferenceJobs", doc{"SolutionVersionArn": up, "NextToken": str(page, "nextToken")})
	r.pz("ListBatchInferenceJobs", doc{"NextToken": "forged"})
	r.pz("DescribeBatchSegmentJob", doc{"BatchSegmentJobArn": arn + "batch-segment-job/segments"})
	r.pz("DescribeBatchSegmentJob", doc{"BatchSegmentJobArn": arn + "batch-segment-job/none"})
	r.pz("ListBatchSegmentJobs", doc{"SolutionVersionArn": aff})

	// A domain group's recommenders.
	shop := arn + "dataset-group/shop"
	r.pz("CreateDatasetGroup", doc{"Name": "shop", "Domain": "ECOMMERCE"})
	r.clk.Add(time.Minute)
	r.pz("CreateSchema", doc{"Name": "shop-ints", "Domain": "ECOMMERCE", "Schema": scenario.DefaultSchema("Interactions", "ECOMMERCE")})
	r.pz("CreateDataset", doc{"Name": "ints", "DatasetGroupArn": shop, "DatasetType": "Interactions", "SchemaArn": arn + "schema/shop-ints"})
	r.clk.Add(time.Minute)
	r.pz("CreateDatasetImportJob", doc{"JobName": "shop-imp", "DatasetArn": arn + "dataset/shop/INTERACTIONS",
		"DataSource": doc{"DataLocation": "s3://shop/views.csv"}, "RoleArn": role})
	r.clk.Add(5 * time.Minute)
	rec := str(r.pz("CreateRecommender", doc{"Name": "for-you", "DatasetGroupArn": shop,
		"RecipeArn": "arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you", "Tags": tags(1, "k")}), "recommenderArn")
	r.pz("CreateRecommender", doc{"Name": "best", "DatasetGroupArn": shop, "RecipeArn": "arn:aws:personalize:::recipe/aws-ecomm-popular-items-by-purchases"})
	r.pz("CreateRecommender", doc{"Name": "for-you", "DatasetGroupArn": shop, "RecipeArn": "arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you"})
	r.pz("CreateRecommender", doc{"Name": "x", "DatasetGroupArn": group, "RecipeArn": "arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you"})
	r.pz("CreateRecommender", doc{"Name": "x", "DatasetGroupArn": shop, "RecipeArn": "arn:aws:personalize:::recipe/aws-sims"})
	r.pz("StopRecommender", doc{"RecommenderArn": rec})
	r.pz("DescribeRecommender", doc{"RecommenderArn": rec})
	r.clk.Add(45 * time.Minute)
	r.pz("DescribeRecommender", doc{"RecommenderArn": rec})
	r.pz("DescribeRecommender", doc{"RecommenderArn": arn + "recommender/best"})
	r.pz("ListRecommenders", doc{"DatasetGroupArn": shop})
	r.pz("UpdateRecommender", doc{"RecommenderArn": rec, "RecommenderConfig": doc{"MinRecommendationRequestsPerSecond": 2}})
	r.pz("UpdateRecommender", doc{"RecommenderArn": rec, "RecommenderConfig": doc{}})
	r.clk.Add(45 * time.Minute)
	r.pz("StopRecommender", doc{"RecommenderArn": rec})
	r.pz("StartRecommender", doc{"RecommenderArn": rec})
	r.clk.Add(5 * time.Minute)
	r.pz("DescribeRecommender", doc{"RecommenderArn": rec})
	r.pz("StartRecommender", doc{"RecommenderArn": rec})
	r.pz("DeleteDatasetGroup", doc{"DatasetGroupArn": shop})
	r.pz("DeleteRecommender", doc{"RecommenderArn": rec})
	r.pz("DeleteRecommender", doc{"RecommenderArn": rec})
	r.pz("DeleteRecommender", doc{"RecommenderArn": arn + "recommender/none"})
}

// TestThreeClientsAgreeOnBatchJobs is TestThreeClientsAgree for batchScript, and also compares
// what the batch jobs wrote.
func TestThreeClientsAgreeOnBatchJobs(t *testing.T) {
	t.Parallel()
	clients := personalizeClients
	outs := make([][]outcome, len(clients))
	written := make([]map[string]string, len(clients))
	for i, c := range clients {
		clk := clock.NewMock()
		clk.Set(start)
		f := fake.New(fake.WithClock(clk), fake.WithSeed(7), fake.WithObjects(batchObjects))
		r := &run{c: c.make(f), clk: clk}
		batchScript(r)
		outs[i], written[i] = r.out, map[string]string{}
		for _, uri := range f.Objects("") {
			body, _ := f.Object(uri)
			written[i][uri] = string(body)
		}
	}
	for i := 1; i < len(clients); i++ {
		got := outs[i]
		if strings.Contains(clients[i].name, "v1") {
			got = projectOutcomes(got, outs[0])
		}
		if diff := cmp.Diff(outs[0], got); diff != "" {
			t.Errorf("%s and %s disagree (-%[1]s +%[2]s):\n%s", clients[0].name, clients[i].name, diff)
		}
		if diff := cmp.Diff(written[0], written[i]); diff != "" {
			t.Errorf("what the batch jobs wrote after %s and %s differs (-%[1]s +%[2]s):\n%s", clients[0].name, clients[i].name, diff)
		}
	}
	require.Equal(t, []string{"s3://out/nightly/users.json.out", "s3://out/segments/items.json.out"}, sortedKeys(written[0]))
	require.Equal(t, `{"input":{"itemId":"i005"},"output":{"usersList":["u00","u01","u02"]},"error":null}`+"\n", written[0]["s3://out/segments/items.json.out"])
	codes := map[string]int{}
	ok := 0
	for _, o := range outs[0] {
		if o.Code == "" {
			ok++
			continue
		}
		codes[fmt.Sprintf("%s %d", o.Code, o.Status)]++
	}
	for _, want := range []string{"ResourceNotFoundException 400", "ResourceAlreadyExistsException 400", "ResourceInUseException 400",
		"InvalidInputException 400", "InvalidNextTokenException 400"} {
		require.Contains(t, codes, want, "the script never got %s", want)
	}
	require.Greater(t, ok, 30, "successful calls")
	if t.Failed() || testing.Verbose() {
		b, _ := json.MarshalIndent(outs[0], "", "  ")
		t.Logf("the typed doors' outcomes:\n%s", b)
	}
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
