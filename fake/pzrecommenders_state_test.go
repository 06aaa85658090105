package fake_test

import (
	"net/http"
	"testing"
	"testing/fstest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// Recommenders and batch jobs round-trip through the state document (after the data they train
// on and the versions they use), take tags, and a restored batch job writes what it wrote.
func TestRecommendersAndBatchJobsInTheStateDocument(t *testing.T) {
	t.Parallel()
	objects := fstest.MapFS{}
	for k, v := range batchObjects {
		objects[k] = v
	}
	for k, v := range domainObjects {
		objects[k] = v
	}
	e := typedPZ(t, fake.WithObjects(objects))
	shop := e.domainGroup(t, "shop", "ECOMMERCE", "shop/views.csv")
	rec := e.recommender(t, "for-you", shop, recommendedForYou, nil)
	group, _ := e.importedGroup(t, "g", "interactions.csv")
	_, up := e.trainedSolution(t, group, "up", userPersonalization)
	job := e.batchInference(t, "nightly", up, "s3://in/users.json", nil, nil)
	e.clk.Add(time.Hour)
	for _, arn := range []string{rec, job} {
		_, err := e.pz.TagResource(e.ctx, &personalize.TagResourceInput{ResourceArn: &arn, Tags: []pztypes.Tag{{TagKey: aws.String("team"), TagValue: aws.String("ml")}}})
		require.NoError(t, err, arn)
		tags, err := e.pz.ListTagsForResource(e.ctx, &personalize.ListTagsForResourceInput{ResourceArn: &arn})
		require.NoError(t, err)
		require.Len(t, tags.Tags, 1)
	}

	doc := e.f.State()
	clk := mockClock()
	clk.Set(e.clk.Now())
	f := fake.ForTest(t, fake.WithClock(clk), fake.WithObjects(objects), fake.WithScenario(doc))
	require.Equal(t, doc, f.State(), "the round trip gives back the same document")
	r := &pzEnv{f: f, pz: f.Personalize(), ev: f.PersonalizeEvents(), clk: clk, ctx: e.ctx}
	require.Equal(t, e.describeRecommender(t, rec), r.describeRecommender(t, rec))
	require.Equal(t, e.batchInferenceJob(t, job), r.batchInferenceJob(t, job))
	require.Equal(t, object(t, e.f, "s3://out/nightly/"), object(t, r.f, "s3://out/nightly/"))
}

// The dashboard lists recommenders (with their use case) and batch jobs, as every kind.
func TestDashboardShowsRecommendersAndBatchJobs(t *testing.T) {
	t.Parallel()
	e := typedPZ(t, fake.WithObjects(batchObjects))
	group, _ := e.importedGroup(t, "g", "interactions.csv")
	_, up := e.trainedSolution(t, group, "up", userPersonalization)
	e.batchInference(t, "nightly", up, "s3://in/users.json", nil, nil)
	shop := e.group(t, "shop", "ECOMMERCE")
	e.recommender(t, "for-you", shop, recommendedForYou, nil)
	status, _, body := rawCallBytes(t, e.f.Handler(), "GET", "/_fake/ui", nil, "")
	require.Equal(t, http.StatusOK, status)
	for _, want := range []string{`<td class="kind">recommender</td><td class="name">for-you</td><td>aws-ecomm-recommended-for-you</td>`,
		`<td class="kind">batch-inference-job</td><td class="name">nightly</td>`} {
		require.Contains(t, string(body), want)
	}
}

// Seeds of the new kinds go through their create operations: a recommender seeded ACTIVE in a
// seeded Domain group, and a data deletion job seeded running.
func TestSeededRecommenderAndDeletionJob(t *testing.T) {
	t.Parallel()
	const group = "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop"
	s := scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "shop", Domain: "ECOMMERCE",
		Datasets: []scenario.Dataset{{Type: "Interactions"}}})
	s.Seed(scenario.Resource{Service: "personalize", Operation: "CreateRecommender", Input: map[string]any{
		"name": "for-you", "datasetGroupArn": group, "recipeArn": recommendedForYou}})
	s.Seed(scenario.Resource{Service: "personalize", Operation: "CreateDataDeletionJob", Status: "CREATE IN_PROGRESS", Input: map[string]any{
		"jobName": "forget", "datasetGroupArn": group, "roleArn": exportRole, "dataSource": map[string]any{"dataLocation": "s3://privacy/forget.csv"}}})
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		got := e.describeRecommender(t, "arn:aws:personalize:us-east-1:123456789012:recommender/for-you")
		require.Equal(t, "ACTIVE", aws.ToString(got.Status))
		_, _, doc := rawCall(t, e.f.Handler(), "POST", "/", jsonHeaders("AmazonPersonalize.DescribeDataDeletionJob"),
			`{"dataDeletionJobArn":"arn:aws:personalize:us-east-1:123456789012:data-deletion-job/forget"}`)
		require.Equal(t, "IN_PROGRESS", doc["dataDeletionJob"].(map[string]any)["status"])
	}, fake.WithScenario(s), fake.WithObjects(deletionObjects))
}

// A stopped recommender comes back from the state document stopped (INACTIVE since it was
// stopped), and starts again as any stopped one does.
func TestStoppedRecommenderInTheStateDocument(t *testing.T) {
	t.Parallel()
	e := typedPZ(t, fake.WithObjects(domainObjects))
	shop := e.domainGroup(t, "shop", "ECOMMERCE", "shop/views.csv")
	rec := e.recommender(t, "for-you", shop, recommendedForYou, nil)
	e.clk.Add(time.Hour)
	require.Equal(t, "ACTIVE", aws.ToString(e.describeRecommender(t, rec).Status))
	_, err := e.pz.StopRecommender(e.ctx, &personalize.StopRecommenderInput{RecommenderArn: &rec})
	require.NoError(t, err)
	e.clk.Add(time.Hour)
	require.Equal(t, "INACTIVE", aws.ToString(e.describeRecommender(t, rec).Status))

	doc := e.f.State()
	clk := mockClock()
	clk.Set(e.clk.Now())
	f := fake.ForTest(t, fake.WithClock(clk), fake.WithObjects(domainObjects), fake.WithScenario(doc))
	require.Equal(t, doc, f.State(), "the round trip gives back the same document")
	r := &pzEnv{f: f, pz: f.Personalize(), ev: f.PersonalizeEvents(), clk: clk, ctx: e.ctx}
	require.Equal(t, e.describeRecommender(t, rec), r.describeRecommender(t, rec))
	_, err = r.pz.StartRecommender(r.ctx, &personalize.StartRecommenderInput{RecommenderArn: &rec})
	require.NoError(t, err)
	clk.Add(time.Hour)
	require.Equal(t, "ACTIVE", aws.ToString(r.describeRecommender(t, rec).Status))
}

// A seed whose note of when the recommender stopped is no time is refused, naming it.
func TestSeededRecommenderWithABadStopTime(t *testing.T) {
	t.Parallel()
	s := scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "shop", Domain: "ECOMMERCE",
		Datasets: []scenario.Dataset{{Type: "Interactions"}}})
	s.Seed(scenario.Resource{Service: "personalize", Operation: "CreateRecommender", IDs: map[string]string{"stoppedAt": "yesterday"},
		Input: map[string]any{"name": "for-you", "datasetGroupArn": "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop", "recipeArn": recommendedForYou}})
	err := fake.New().SetScenario(s)
	require.ErrorContains(t, err, `stoppedAt "yesterday" is not an RFC 3339 time`)
}

// A seed whose note of what a deletion job removed is no count is refused, naming it.
func TestSeededDeletionJobWithABadCount(t *testing.T) {
	t.Parallel()
	s := scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "shop", Datasets: []scenario.Dataset{{Type: "Interactions"}}})
	s.Seed(scenario.Resource{Service: "personalize", Operation: "CreateDataDeletionJob", IDs: map[string]string{"numDeleted": "many"},
		Input: map[string]any{"jobName": "forget", "datasetGroupArn": "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop",
			"roleArn": exportRole, "dataSource": map[string]any{"dataLocation": "s3://privacy/forget.csv"}}})
	err := fake.New(fake.WithObjects(deletionObjects)).SetScenario(s)
	require.ErrorContains(t, err, `numDeleted "many" is not a count`)
}
