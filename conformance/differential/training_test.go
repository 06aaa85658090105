package differential

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// objects are what the training script's import jobs read: 1,000 interactions of 50 users (AWS's
// minimums), a file with a bad TIMESTAMP, and items.
var objects = func() fstest.MapFS {
	var b strings.Builder
	b.WriteString("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\n")
	for u := range 50 {
		for k := range 20 {
			fmt.Fprintf(&b, "u%02d,i%03d,%d,click\n", u, u+k, 1700000000+20*u+k)
		}
	}
	return fstest.MapFS{
		"bucket/interactions.csv": {Data: []byte(b.String())},
		"bucket/bad.csv":          {Data: []byte("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\nu1,i1,soon,click\n")},
		"bucket/items.csv":        {Data: []byte("ITEM_ID,GENRES\ni000,comedy\ni001,drama|comedy\n")},
	}
}()

// trainingScript touches every training and deployment operation the v2 client has (recipes,
// solutions, versions, metrics, campaigns, filters, import jobs), with successes and the errors
// each models, polling as AWS's samples do.
func trainingScript(r *run) {
	group := arn + "dataset-group/shop"
	poll := func(op, member, arnField, target string) {
		for range 100 {
			out := r.pz(op, doc{arnField: target})
			if s := str(out, member, "status"); s != "CREATE PENDING" && s != "CREATE IN_PROGRESS" && s != "CREATE STOPPING" {
				return
			}
			r.clk.Add(time.Minute)
		}
	}
	r.pz("CreateDatasetGroup", doc{"Name": "shop"})
	r.clk.Add(time.Minute)
	r.pz("CreateSchema", doc{"Name": "interactions", "Schema": interactions})
	r.pz("CreateSchema", doc{"Name": "items", "Schema": items})
	r.pz("CreateDataset", doc{"Name": "ints", "DatasetGroupArn": group, "DatasetType": "Interactions", "SchemaArn": arn + "schema/interactions"})
	r.pz("CreateDataset", doc{"Name": "items", "DatasetGroupArn": group, "DatasetType": "Items", "SchemaArn": arn + "schema/items"})
	r.clk.Add(time.Minute)

	ints, itemsDS := arn+"dataset/shop/INTERACTIONS", arn+"dataset/shop/ITEMS"
	role := "arn:aws:iam::123456789012:role/personalize"
	job := func(name, dataset, location, mode string) {
		in := doc{"JobName": name, "DatasetArn": dataset, "DataSource": doc{"DataLocation": location}, "RoleArn": role}
		if mode != "" {
			in["ImportMode"] = mode
		}
		r.pz("CreateDatasetImportJob", in)
	}
	job("ints", ints, "s3://bucket/interactions.csv", "")
	job("items", itemsDS, "s3://bucket/items.csv", "INCREMENTAL") // no FULL import before it
	job("items", itemsDS, "s3://bucket/items.csv", "")
	job("items", itemsDS, "s3://bucket/items.csv", "")
	job("bad", ints, "s3://bucket/bad.csv", "INCREMENTAL")
	job("missing", ints, "s3://bucket/none.csv", "INCREMENTAL")
	job("lost", arn+"dataset/none/ITEMS", "s3://bucket/items.csv", "")
	poll("DescribeDatasetImportJob", "datasetImportJob", "DatasetImportJobArn", arn+"dataset-import-job/ints")
	r.pz("DescribeDatasetImportJob", doc{"DatasetImportJobArn": arn + "dataset-import-job/bad"})
	r.pz("DescribeDatasetImportJob", doc{"DatasetImportJobArn": arn + "dataset-import-job/missing"})
	r.pz("DescribeDatasetImportJob", doc{"DatasetImportJobArn": arn + "dataset-import-job/none"})
	page := r.pz("ListDatasetImportJobs", doc{"DatasetArn": ints, "MaxResults": 2})
	r.pz("ListDatasetImportJobs", doc{"NextToken": str(page, "nextToken")})
	r.pz("ListDatasetImportJobs", doc{"NextToken": "forged"})

	page = r.pz("ListRecipes", doc{"MaxResults": 5})
	r.pz("ListRecipes", doc{"NextToken": str(page, "nextToken"), "MaxResults": 5})
	r.pz("ListRecipes", doc{"Domain": "VIDEO_ON_DEMAND"})
	r.pz("DescribeRecipe", doc{"RecipeArn": "arn:aws:personalize:::recipe/aws-user-personalization"})
	r.pz("DescribeRecipe", doc{"RecipeArn": "arn:aws:personalize:::recipe/aws-hrnn"})

	up := "arn:aws:personalize:::recipe/aws-user-personalization"
	solution := arn + "solution/recs"
	r.pz("CreateSolution", doc{"Name": "recs", "DatasetGroupArn": group, "RecipeArn": up, "Tags": tags(1, "team")})
	r.pz("CreateSolution", doc{"Name": "recs", "DatasetGroupArn": group, "RecipeArn": up})
	r.pz("CreateSolution", doc{"Name": "norecipe", "DatasetGroupArn": group})
	r.pz("CreateSolution", doc{"Name": "lost", "DatasetGroupArn": arn + "dataset-group/none", "RecipeArn": up})
	r.pz("CreateSolution", doc{"Name": "hrnn", "DatasetGroupArn": group, "RecipeArn": "arn:aws:personalize:::recipe/aws-hrnn"})
	r.pz("CreateSolution", doc{"Name": "threshold", "DatasetGroupArn": group, "RecipeArn": up, "SolutionConfig": doc{"EventValueThreshold": "x"}})
	r.pz("CreateSolutionVersion", doc{"SolutionArn": solution}) // not ACTIVE yet
	poll("DescribeSolution", "solution", "SolutionArn", solution)
	r.pz("CreateSolution", doc{"Name": "sims", "DatasetGroupArn": group, "RecipeArn": "arn:aws:personalize:::recipe/aws-sims"})
	r.pz("ListSolutions", doc{"DatasetGroupArn": group})
	r.pz("ListSolutions", doc{"NextToken": "forged"})

	v := r.pz("CreateSolutionVersion", doc{"SolutionArn": solution})
	version := str(v, "solutionVersionArn")
	r.pz("CreateSolutionVersion", doc{"SolutionArn": solution, "TrainingMode": "UPDATE"})
	r.pz("CreateSolutionVersion", doc{"SolutionArn": arn + "solution/none"})
	r.pz("GetSolutionMetrics", doc{"SolutionVersionArn": version})
	r.pz("DeleteSolution", doc{"SolutionArn": solution})
	stopped := str(r.pz("CreateSolutionVersion", doc{"SolutionArn": solution, "Name": "stopped"}), "solutionVersionArn")
	r.clk.Add(2 * time.Minute)
	r.pz("StopSolutionVersionCreation", doc{"SolutionVersionArn": stopped})
	r.pz("DescribeSolutionVersion", doc{"SolutionVersionArn": stopped})
	poll("DescribeSolutionVersion", "solutionVersion", "SolutionVersionArn", version)
	r.pz("StopSolutionVersionCreation", doc{"SolutionVersionArn": version})
	r.pz("GetSolutionMetrics", doc{"SolutionVersionArn": version})
	r.pz("DescribeSolution", doc{"SolutionArn": solution})
	r.pz("ListSolutionVersions", doc{"SolutionArn": solution})
	r.pz("ListSolutionVersions", doc{"SolutionArn": arn + "solution/none"})
	r.pz("ListTagsForResource", doc{"ResourceArn": solution})

	campaign := arn + "campaign/recs"
	r.pz("CreateCampaign", doc{"Name": "recs", "SolutionVersionArn": version, "MinProvisionedTPS": 2,
		"CampaignConfig": doc{"ItemExplorationConfig": map[string]string{"explorationWeight": "0.2"}}})
	r.pz("CreateCampaign", doc{"Name": "recs", "SolutionVersionArn": version})
	r.pz("CreateCampaign", doc{"Name": "stopped", "SolutionVersionArn": stopped})
	r.pz("CreateCampaign", doc{"Name": "none", "SolutionVersionArn": solution + "/00000000"})
	r.pz("UpdateCampaign", doc{"CampaignArn": campaign, "MinProvisionedTPS": 3}) // still being created
	poll("DescribeCampaign", "campaign", "CampaignArn", campaign)
	r.pz("UpdateCampaign", doc{"CampaignArn": campaign, "MinProvisionedTPS": 3})
	r.pz("DescribeCampaign", doc{"CampaignArn": campaign})
	r.clk.Add(10 * time.Minute)
	r.pz("DescribeCampaign", doc{"CampaignArn": campaign})
	r.pz("ListCampaigns", doc{"SolutionArn": solution})

	r.pz("CreateFilter", doc{"Name": "no-clicks", "DatasetGroupArn": group, "FilterExpression": `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")`})
	r.pz("CreateFilter", doc{"Name": "genres", "DatasetGroupArn": group, "FilterExpression": `INCLUDE ItemID WHERE Items.GENRES IN ($GENRES)`})
	r.pz("CreateFilter", doc{"Name": "colour", "DatasetGroupArn": group, "FilterExpression": `INCLUDE ItemID WHERE Items.COLOUR IN ("red")`})
	r.pz("CreateFilter", doc{"Name": "broken", "DatasetGroupArn": group, "FilterExpression": `INCLUDE ItemID WHERE Items.GENRES NOT IN ($G)`})
	r.pz("DeleteFilter", doc{"FilterArn": arn + "filter/genres"})
	r.clk.Add(time.Minute)
	r.pz("DescribeFilter", doc{"FilterArn": arn + "filter/colour"})
	r.pz("ListFilters", doc{"DatasetGroupArn": group})
	r.pz("DeleteFilter", doc{"FilterArn": arn + "filter/genres"})
	r.pz("DescribeFilter", doc{"FilterArn": arn + "filter/genres"})

	r.pz("DeleteDatasetGroup", doc{"DatasetGroupArn": group})
	r.pz("DeleteSolution", doc{"SolutionArn": solution})
	r.pz("DeleteCampaign", doc{"CampaignArn": campaign})
	r.pz("DescribeCampaign", doc{"CampaignArn": campaign})
	r.clk.Add(16 * time.Minute)
	r.pz("DeleteSolution", doc{"SolutionArn": solution})
	r.pz("DescribeSolutionVersion", doc{"SolutionVersionArn": version})
	r.clk.Add(time.Minute)
	r.pz("DescribeSolution", doc{"SolutionArn": solution})
}

// TestThreeClientsAgreeOnTraining runs the training script through the three clients, as
// TestThreeClientsAgree runs its script. aws-sdk-go (v1) is newer than the pinned aws-sdk-go-v2
// (it has members such as performAutoTraining and trainingType that v1.30.0 lacks), so its
// outputs are compared on the members the v2 outputs have; every other member must agree.
func TestThreeClientsAgreeOnTraining(t *testing.T) {
	t.Parallel()
	clients := personalizeClients
	outs := make([][]outcome, len(clients))
	for i, c := range clients {
		clk := clock.NewMock()
		clk.Set(start)
		f := fake.New(fake.WithClock(clk), fake.WithSeed(7), fake.WithObjects(objects))
		r := &run{c: c.make(f), clk: clk}
		trainingScript(r)
		outs[i] = r.out
	}
	for i := 1; i < len(clients); i++ {
		got := outs[i]
		if strings.Contains(clients[i].name, "v1") {
			got = projectOutcomes(got, outs[0])
		}
		if diff := cmp.Diff(outs[0], got); diff != "" {
			t.Errorf("%s and %s disagree (-%[1]s +%[2]s):\n%s", clients[0].name, clients[i].name, diff)
		}
	}
	codes := map[string]int{}
	ok := 0
	for _, o := range outs[0] {
		if o.Code == "" {
			ok++
			continue
		}
		codes[o.Code]++
	}
	for _, want := range []string{"ResourceNotFoundException", "ResourceAlreadyExistsException", "ResourceInUseException",
		"InvalidInputException", "InvalidNextTokenException"} {
		require.Contains(t, codes, want, "the script never got %s", want)
	}
	require.Greater(t, ok, 60, "successful calls")
	if t.Failed() || testing.Verbose() {
		b, _ := json.MarshalIndent(outs[0], "", "  ")
		t.Logf("the typed doors' outcomes:\n%s", b)
	}
}

// projectOutcomes keeps of each output of got the members the same output of want has.
func projectOutcomes(got, want []outcome) []outcome {
	out := make([]outcome, len(got))
	for i := range got {
		out[i] = got[i]
		if i < len(want) && got[i].Output != nil && want[i].Output != nil {
			out[i].Output = project(got[i].Output, want[i].Output).(doc)
		}
	}
	return out
}

func project(got, want any) any {
	switch g := got.(type) {
	case doc:
		w, ok := want.(doc)
		if !ok {
			return got
		}
		out := doc{}
		for k, v := range g {
			if wv, ok := w[k]; ok {
				out[k] = project(v, wv)
			}
		}
		return out
	case []any:
		w, ok := want.([]any)
		if !ok || len(w) != len(g) {
			return got
		}
		out := make([]any, len(g))
		for i := range g {
			out[i] = project(g[i], w[i])
		}
		return out
	}
	return got
}
