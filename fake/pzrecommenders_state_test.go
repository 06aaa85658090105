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
