package fake_test

import (
	"fmt"
	"sort"
	"strings"
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

const (
	recommendedForYou = "arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you"
	bestSellers       = "arn:aws:personalize:::recipe/aws-ecomm-popular-items-by-purchases"
	mostViewed        = "arn:aws:personalize:::recipe/aws-ecomm-popular-items-by-views"
	topPicks          = "arn:aws:personalize:::recipe/aws-vod-top-picks"
)

// eventsCSV is an Interactions import like interactionsCSV, with one event type.
func eventsCSV(users, perUser int, eventType string) string {
	return strings.ReplaceAll(interactionsCSV(users, perUser), ",click\n", ","+eventType+"\n")
}

// domainObjects holds the imports of domain groups: 1,000 View events of 50 users, and 1,000
// Watch events.
var domainObjects = fstest.MapFS{
	"shop/views.csv":    {Data: []byte(eventsCSV(50, 20, "View"))},
	"video/watches.csv": {Data: []byte(eventsCSV(50, 20, "Watch"))},
}

// domainGroup makes an ACTIVE Domain dataset group whose Interactions dataset holds an import
// of an object of domainObjects (the import ended ACTIVE).
func (e *pzEnv) domainGroup(t *testing.T, name, domain, key string) string {
	t.Helper()
	group := e.group(t, name, domain)
	schema, err := e.pz.CreateSchema(e.ctx, &personalize.CreateSchemaInput{Name: aws.String(name + "-interactions"), Domain: pztypes.Domain(domain),
		Schema: aws.String(scenario.DefaultSchema("Interactions", domain))})
	require.NoError(t, err)
	ds := e.dataset(t, group, "Interactions", aws.ToString(schema.SchemaArn))
	e.importJob(t, name+"-import", ds, "s3://"+key, "")
	e.clk.Add(5 * time.Minute)
	return group
}

func (e *pzEnv) recommender(t *testing.T, name, group, recipe string, config *pztypes.RecommenderConfig) string {
	t.Helper()
	out, err := e.pz.CreateRecommender(e.ctx, &personalize.CreateRecommenderInput{Name: &name, DatasetGroupArn: &group, RecipeArn: &recipe,
		RecommenderConfig: config})
	require.NoError(t, err)
	return aws.ToString(out.RecommenderArn)
}

func (e *pzEnv) describeRecommender(t *testing.T, arn string) *pztypes.Recommender {
	t.Helper()
	out, err := e.pz.DescribeRecommender(e.ctx, &personalize.DescribeRecommenderInput{RecommenderArn: &arn})
	require.NoError(t, err)
	return out.Recommender
}

// A recommender trains on its group's data on the clock, serves its metrics once ACTIVE, stops
// and starts through their statuses, updates in latestRecommenderUpdate while it stays ACTIVE,
// keeps its group from being deleted, and is deleted through DELETE PENDING and DELETE
// IN_PROGRESS.
func TestRecommenderLifecycle(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group := e.domainGroup(t, "shop", "ECOMMERCE", "shop/views.csv")
		created := e.clk.Now()
		arn := e.recommender(t, "for-you", group, recommendedForYou, nil)
		require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:recommender/for-you", arn)
		life := fake.DefaultLifecycle(fake.Recommenders)
		require.Equal(t, "CREATE PENDING", aws.ToString(e.describeRecommender(t, arn).Status))
		e.clk.Add(life.Pending)
		got := e.describeRecommender(t, arn)
		require.Equal(t, "CREATE IN_PROGRESS", aws.ToString(got.Status))
		require.Nil(t, got.ModelMetrics, "no metrics before training ends")
		e.clk.Add(life.InProgress)
		got = e.describeRecommender(t, arn)
		require.Equal(t, "ACTIVE", aws.ToString(got.Status))
		require.Equal(t, created, aws.ToTime(got.CreationDateTime))
		require.Equal(t, created.Add(life.Pending+life.InProgress), aws.ToTime(got.LastUpdatedDateTime))
		require.Equal(t, group, aws.ToString(got.DatasetGroupArn))
		require.Equal(t, recommendedForYou, aws.ToString(got.RecipeArn))
		require.Equal(t, int32(1), aws.ToInt32(got.RecommenderConfig.MinRecommendationRequestsPerSecond), "AWS's default")
		require.Nil(t, got.LatestRecommenderUpdate)
		require.Nil(t, got.FailureReason)
		keys := make([]string, 0, len(got.ModelMetrics))
		for k := range got.ModelMetrics {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		require.Equal(t, []string{"coverage", "mean_reciprocal_rank_at_25", "normalized_discounted_cumulative_gain_at_10",
			"normalized_discounted_cumulative_gain_at_25", "normalized_discounted_cumulative_gain_at_5", "precision_at_10",
			"precision_at_25", "precision_at_5"}, keys)

		list, err := e.pz.ListRecommenders(e.ctx, &personalize.ListRecommendersInput{DatasetGroupArn: &group})
		require.NoError(t, err)
		require.Len(t, list.Recommenders, 1)
		require.Equal(t, "for-you", aws.ToString(list.Recommenders[0].Name))
		require.Equal(t, "ACTIVE", aws.ToString(list.Recommenders[0].Status))
		require.Equal(t, recommendedForYou, aws.ToString(list.Recommenders[0].RecipeArn))
		list, err = e.pz.ListRecommenders(e.ctx, &personalize.ListRecommendersInput{DatasetGroupArn: aws.String(group + "x")})
		require.NoError(t, err)
		require.Empty(t, list.Recommenders)

		_, err = e.pz.DeleteDatasetGroup(e.ctx, &personalize.DeleteDatasetGroupInput{DatasetGroupArn: &group})
		requireCode(t, err, "ResourceInUseException")

		// Stop, then start.
		_, err = e.pz.StartRecommender(e.ctx, &personalize.StartRecommenderInput{RecommenderArn: &arn})
		require.Contains(t, requireCode(t, err, "ResourceInUseException"), "it must be INACTIVE")
		out, err := e.pz.StopRecommender(e.ctx, &personalize.StopRecommenderInput{RecommenderArn: &arn})
		require.NoError(t, err)
		require.Equal(t, arn, aws.ToString(out.RecommenderArn))
		for _, step := range []struct {
			after time.Duration
			want  string
		}{{0, "STOP PENDING"}, {time.Minute, "STOP IN_PROGRESS"}, {4 * time.Minute, "INACTIVE"}} {
			e.clk.Add(step.after)
			require.Equal(t, step.want, aws.ToString(e.describeRecommender(t, arn).Status))
		}
		_, err = e.pz.UpdateRecommender(e.ctx, &personalize.UpdateRecommenderInput{RecommenderArn: &arn, RecommenderConfig: &pztypes.RecommenderConfig{}})
		requireCode(t, err, "ResourceInUseException")
		_, err = e.pz.StartRecommender(e.ctx, &personalize.StartRecommenderInput{RecommenderArn: &arn})
		require.NoError(t, err)
		for _, step := range []struct {
			after time.Duration
			want  string
		}{{0, "START PENDING"}, {time.Minute, "START IN_PROGRESS"}, {4 * time.Minute, "ACTIVE"}} {
			e.clk.Add(step.after)
			require.Equal(t, step.want, aws.ToString(e.describeRecommender(t, arn).Status))
		}

		// An update: the recommender stays ACTIVE and serves its configuration until the update is.
		_, err = e.pz.UpdateRecommender(e.ctx, &personalize.UpdateRecommenderInput{RecommenderArn: &arn})
		require.Error(t, err, "recommenderConfig is required (the SDK checks it before the wire door does)")
		updated := e.clk.Now()
		_, err = e.pz.UpdateRecommender(e.ctx, &personalize.UpdateRecommenderInput{RecommenderArn: &arn,
			RecommenderConfig: &pztypes.RecommenderConfig{MinRecommendationRequestsPerSecond: aws.Int32(3)}})
		require.NoError(t, err)
		got = e.describeRecommender(t, arn)
		require.Equal(t, "ACTIVE", aws.ToString(got.Status))
		require.Equal(t, int32(1), aws.ToInt32(got.RecommenderConfig.MinRecommendationRequestsPerSecond))
		require.Equal(t, "CREATE PENDING", aws.ToString(got.LatestRecommenderUpdate.Status))
		require.Equal(t, updated, aws.ToTime(got.LatestRecommenderUpdate.CreationDateTime))
		_, err = e.pz.UpdateRecommender(e.ctx, &personalize.UpdateRecommenderInput{RecommenderArn: &arn, RecommenderConfig: &pztypes.RecommenderConfig{}})
		require.Contains(t, requireCode(t, err, "ResourceInUseException"), "has an update in CREATE PENDING state")
		e.clk.Add(life.UpdatePending)
		require.Equal(t, "CREATE IN_PROGRESS", aws.ToString(e.describeRecommender(t, arn).LatestRecommenderUpdate.Status))
		e.clk.Add(life.UpdateInProgress)
		got = e.describeRecommender(t, arn)
		require.Equal(t, "ACTIVE", aws.ToString(got.LatestRecommenderUpdate.Status))
		require.Equal(t, int32(3), aws.ToInt32(got.RecommenderConfig.MinRecommendationRequestsPerSecond))
		require.Equal(t, updated.Add(life.UpdatePending+life.UpdateInProgress), aws.ToTime(got.LatestRecommenderUpdate.LastUpdatedDateTime))

		// Delete.
		_, err = e.pz.DeleteRecommender(e.ctx, &personalize.DeleteRecommenderInput{RecommenderArn: &arn})
		require.NoError(t, err)
		require.Equal(t, "DELETE PENDING", aws.ToString(e.describeRecommender(t, arn).Status))
		_, err = e.pz.DeleteRecommender(e.ctx, &personalize.DeleteRecommenderInput{RecommenderArn: &arn})
		requireCode(t, err, "ResourceInUseException")
		e.clk.Add(life.DeletePending)
		require.Equal(t, "DELETE IN_PROGRESS", aws.ToString(e.describeRecommender(t, arn).Status))
		e.clk.Add(life.DeleteInProgress)
		_, err = e.pz.DescribeRecommender(e.ctx, &personalize.DescribeRecommenderInput{RecommenderArn: &arn})
		requireCode(t, err, "ResourceNotFoundException")
	}, fake.WithObjects(domainObjects))
}

// A recommender's training fails as a solution version's does, with AWS's reason for
// recommenders: Best sellers counts Purchase events, and the group has only views.
func TestRecommenderTrainingFails(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group := e.domainGroup(t, "shop", "ECOMMERCE", "shop/views.csv")
		arn := e.recommender(t, "best", group, bestSellers, nil)
		views := e.recommender(t, "views", group, mostViewed, nil)
		e.clk.Add(45 * time.Minute)
		got := e.describeRecommender(t, arn)
		require.Equal(t, "CREATE FAILED", aws.ToString(got.Status))
		require.Equal(t, "Create failed. Dataset has fewer than 1000 interactions after filtering by event type: Purchase", aws.ToString(got.FailureReason))
		require.Nil(t, got.ModelMetrics)
		require.Equal(t, "ACTIVE", aws.ToString(e.describeRecommender(t, views).Status))
		_, err := e.pz.StopRecommender(e.ctx, &personalize.StopRecommenderInput{RecommenderArn: &arn})
		requireCode(t, err, "ResourceInUseException")
		_, err = e.pz.DeleteRecommender(e.ctx, &personalize.DeleteRecommenderInput{RecommenderArn: &arn})
		require.NoError(t, err, "a failed recommender can be deleted")
	}, fake.WithObjects(domainObjects))
}

func TestCreateRecommenderRefusals(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		shop := e.domainGroup(t, "shop", "ECOMMERCE", "shop/views.csv")
		custom := e.group(t, "custom", "")
		e.recommender(t, "taken", shop, mostViewed, nil)
		for _, c := range []struct {
			name, group, recipe string
			config              *pztypes.RecommenderConfig
			code, msg           string
		}{
			{"custom group", custom, mostViewed, nil, "InvalidInputException", "is a Custom dataset group"},
			{"other domain", shop, topPicks, nil, "InvalidInputException", "is a use case of the VIDEO_ON_DEMAND domain"},
			{"custom recipe", shop, userPersonalization, nil, "InvalidInputException", "Only Domain dataset group use cases"},
			{"unknown recipe", shop, "arn:aws:personalize:::recipe/aws-nothing", nil, "ResourceNotFoundException", "aws-nothing"},
			{"unknown group", shop + "x", mostViewed, nil, "ResourceNotFoundException", shop + "x"},
			{"exploration of a popularity use case", shop, mostViewed,
				&pztypes.RecommenderConfig{ItemExplorationConfig: map[string]string{"explorationWeight": "0.5"}}, "InvalidInputException", "itemExplorationConfig"},
			{"bad exploration", shop, recommendedForYou,
				&pztypes.RecommenderConfig{ItemExplorationConfig: map[string]string{"explorationWeight": "2"}}, "InvalidInputException", "itemExplorationConfig"},
		} {
			t.Run(c.name, func(t *testing.T) {
				_, err := e.pz.CreateRecommender(e.ctx, &personalize.CreateRecommenderInput{Name: aws.String("r"), DatasetGroupArn: &c.group,
					RecipeArn: &c.recipe, RecommenderConfig: c.config})
				require.Contains(t, requireCode(t, err, c.code), c.msg)
			})
		}
		_, err := e.pz.CreateRecommender(e.ctx, &personalize.CreateRecommenderInput{Name: aws.String("taken"), DatasetGroupArn: &shop, RecipeArn: aws.String(mostViewed)})
		require.Equal(t, "Another resource with Arn arn:aws:personalize:us-east-1:123456789012:recommender/taken already exists.",
			requireCode(t, err, "ResourceAlreadyExistsException"))
		for i := range 4 {
			e.recommender(t, fmt.Sprintf("r%d", i), shop, mostViewed, nil)
		}
		_, err = e.pz.CreateRecommender(e.ctx, &personalize.CreateRecommenderInput{Name: aws.String("sixth"), DatasetGroupArn: &shop, RecipeArn: aws.String(mostViewed)})
		require.Contains(t, requireCode(t, err, "LimitExceededException"), "recommenders (5)")
		for _, op := range []func() error{
			func() error {
				_, err := e.pz.DescribeRecommender(e.ctx, &personalize.DescribeRecommenderInput{RecommenderArn: aws.String(shop + "x")})
				return err
			},
			func() error {
				_, err := e.pz.StartRecommender(e.ctx, &personalize.StartRecommenderInput{RecommenderArn: aws.String(shop + "x")})
				return err
			},
			func() error {
				_, err := e.pz.StopRecommender(e.ctx, &personalize.StopRecommenderInput{RecommenderArn: aws.String(shop + "x")})
				return err
			},
			func() error {
				_, err := e.pz.DeleteRecommender(e.ctx, &personalize.DeleteRecommenderInput{RecommenderArn: aws.String(shop + "x")})
				return err
			},
		} {
			requireCode(t, op(), "ResourceNotFoundException")
		}
	}, fake.WithObjects(domainObjects))
}

// VIDEO_ON_DEMAND use cases: Most popular trains on Watch events; Top picks for you needs an
// Items dataset too, and fails without one, as a solution version of a recipe that requires it.
func TestVideoOnDemandRecommenders(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		video := e.domainGroup(t, "video", "VIDEO_ON_DEMAND", "video/watches.csv")
		popular := e.recommender(t, "popular", video, "arn:aws:personalize:::recipe/aws-vod-most-popular", nil)
		picks := e.recommender(t, "picks", video, topPicks, nil)
		_, err := e.pz.CreateRecommender(e.ctx, &personalize.CreateRecommenderInput{Name: aws.String("x"), DatasetGroupArn: &video,
			RecipeArn: aws.String(recommendedForYou)})
		require.Contains(t, requireCode(t, err, "InvalidInputException"), "is a use case of the ECOMMERCE domain")
		e.clk.Add(45 * time.Minute)
		require.Equal(t, "ACTIVE", aws.ToString(e.describeRecommender(t, popular).Status))
		got := e.describeRecommender(t, picks)
		require.Equal(t, "CREATE FAILED", aws.ToString(got.Status))
		require.Contains(t, aws.ToString(got.FailureReason), "no Items dataset")
	}, fake.WithObjects(domainObjects))
}

// An update retrains on the group's data at the update: after a data deletion job removed every
// user, the update fails (latestRecommenderUpdate CREATE FAILED, with why) and the recommender
// keeps serving what it served.
func TestRecommenderUpdateFailsOnDeletedData(t *testing.T) {
	t.Parallel()
	var forget strings.Builder
	forget.WriteString("USER_ID\n")
	for u := range 50 {
		fmt.Fprintf(&forget, "u%02d\n", u)
	}
	objects := fstest.MapFS{"privacy/all.csv": {Data: []byte(forget.String())}}
	for k, v := range domainObjects {
		objects[k] = v
	}
	e := typedPZ(t, fake.WithObjects(objects))
	group := e.domainGroup(t, "shop", "ECOMMERCE", "shop/views.csv")
	arn := e.recommender(t, "views", group, mostViewed, nil)
	e.clk.Add(45 * time.Minute)
	require.Equal(t, "ACTIVE", aws.ToString(e.describeRecommender(t, arn).Status))
	status, _, doc := rawCall(t, e.f.Handler(), "POST", "/", jsonHeaders("AmazonPersonalize.CreateDataDeletionJob"), fmt.Sprintf(
		`{"jobName":"all","datasetGroupArn":%q,"dataSource":{"dataLocation":"s3://privacy/all.csv"},"roleArn":%q}`, group, exportRole))
	require.Equal(t, 200, status, "%v", doc)
	e.clk.Add(5 * time.Minute)
	_, err := e.pz.UpdateRecommender(e.ctx, &personalize.UpdateRecommenderInput{RecommenderArn: &arn,
		RecommenderConfig: &pztypes.RecommenderConfig{MinRecommendationRequestsPerSecond: aws.Int32(4)}})
	require.NoError(t, err)
	e.clk.Add(45 * time.Minute)
	got := e.describeRecommender(t, arn)
	require.Equal(t, "ACTIVE", aws.ToString(got.Status))
	require.Equal(t, "CREATE FAILED", aws.ToString(got.LatestRecommenderUpdate.Status))
	require.Equal(t, "Create failed. Dataset has fewer than 1000 interactions after filtering by event type: View",
		aws.ToString(got.LatestRecommenderUpdate.FailureReason))
	require.Equal(t, int32(1), aws.ToInt32(got.RecommenderConfig.MinRecommendationRequestsPerSecond), "the old configuration serves")
	require.Len(t, got.ModelMetrics, 8, "and the old model")
	_, err = e.pz.UpdateRecommender(e.ctx, &personalize.UpdateRecommenderInput{RecommenderArn: &arn,
		RecommenderConfig: &pztypes.RecommenderConfig{}})
	require.NoError(t, err, "a failed update does not block the next")
}
