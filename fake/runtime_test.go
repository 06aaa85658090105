package fake_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	petypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/aws/aws-sdk-go-v2/service/personalizeruntime"
	prtypes "github.com/aws/aws-sdk-go-v2/service/personalizeruntime/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// rtEnv is a pzEnv with the Personalize Runtime door of the same kind (typed, or the real
// client on the wire door), and the worked example's dataset group.
type rtEnv struct {
	*pzEnv
	rt       fake.PersonalizeRuntimeAPI
	wire     bool
	group    string
	tracking string
}

// eachRuntimeDoor runs body once per door on a fresh fake that trains on small datasets.
func eachRuntimeDoor(t *testing.T, body func(t *testing.T, e *rtEnv), opts ...fake.Option) {
	t.Helper()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		r := &rtEnv{pzEnv: e, rt: e.f.PersonalizeRuntime()}
		if _, typed := e.pz.(*fake.Personalize); !typed {
			r.rt, r.wire = personalizeruntime.NewFromConfig(e.f.AWSConfig()), true
		}
		body(t, r)
	}, append([]fake.Option{fake.WithSmallDatasets()}, opts...)...)
}

// workedExample is the recommend package's worked example, sent as events (user: item@second):
// u1: A@1, B@2; u2: A@3, C@4; u3: B@5, C@6, D@7; u4: D@8; u5: C@9.
var workedExample = []struct {
	user, item string
	at         int64
}{{"u1", "A", 1}, {"u1", "B", 2}, {"u2", "A", 3}, {"u2", "C", 4}, {"u3", "B", 5}, {"u3", "C", 6}, {"u3", "D", 7}, {"u4", "D", 8}, {"u5", "C", 9}}

// example makes the group, its Interactions dataset and tracker, and sends the worked example.
func (e *rtEnv) example(t *testing.T) {
	t.Helper()
	e.group = e.pzEnv.group(t, "shop", "")
	e.interactions(t, e.group)
	_, e.tracking = e.activeTracker(t, e.group)
	for _, ev := range workedExample {
		e.click(t, ev.user, ev.item, ev.at)
	}
}

// click sends one click of a user on an item, at a second.
func (e *rtEnv) click(t *testing.T, user, item string, at int64) {
	t.Helper()
	_, err := e.ev.PutEvents(e.ctx, &personalizeevents.PutEventsInput{TrackingId: &e.tracking, SessionId: aws.String("s-" + user),
		UserId: &user, EventList: []petypes.Event{{EventType: aws.String("click"), ItemId: &item, SentAt: aws.Time(time.Unix(at, 0))}}})
	require.NoError(t, err)
}

// deploy trains a solution of a recipe on the group's data as it is and deploys it.
func (e *rtEnv) deploy(t *testing.T, name, recipe string, config *pztypes.CampaignConfig) string {
	t.Helper()
	_, version := e.trainedSolution(t, e.group, name, "arn:aws:personalize:::recipe/"+recipe)
	out, err := e.pz.CreateCampaign(e.ctx, &personalize.CreateCampaignInput{Name: &name, SolutionVersionArn: &version, CampaignConfig: config})
	require.NoError(t, err)
	e.clk.Add(10 * time.Minute)
	require.Equal(t, "ACTIVE", e.campaignStatus(t, aws.ToString(out.CampaignArn)))
	return aws.ToString(out.CampaignArn)
}

func (e *rtEnv) recommend(t *testing.T, in *personalizeruntime.GetRecommendationsInput) []prtypes.PredictedItem {
	t.Helper()
	out, err := e.rt.GetRecommendations(e.ctx, in)
	require.NoError(t, err)
	require.Regexp(t, `^RID-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, aws.ToString(out.RecommendationId))
	return out.ItemList
}

// scored renders items as "id score" (or "id" without one) for comparison.
func scored(items []prtypes.PredictedItem) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = aws.ToString(it.ItemId)
		if it.Score != nil {
			out[i] += fmt.Sprintf(" %.7f", *it.Score)
		}
		if it.PromotionName != nil {
			out[i] += " promoted by " + *it.PromotionName
		}
		for k, v := range it.Metadata {
			out[i] += " " + k + "=" + v
		}
	}
	return out
}

// The recipes answer from the data as the recommend package's worked example computes by hand:
// user personalization by co-occurrence with the user's history (and the user's events since
// training count at once), popularity by distinct users, related items by co-occurrence with the
// given item, a cold user the fallback, ranking the given items by the same scores.
func TestRuntimeFollowsTheData(t *testing.T) {
	t.Parallel()
	eachRuntimeDoor(t, func(t *testing.T, e *rtEnv) {
		e.example(t)
		up := e.deploy(t, "up", "aws-user-personalization", nil)
		pop := e.deploy(t, "pop", "aws-popularity-count", nil)
		sims := e.deploy(t, "sims", "aws-sims", nil)
		rank := e.deploy(t, "rank", "aws-personalized-ranking", nil)

		forU1 := &personalizeruntime.GetRecommendationsInput{CampaignArn: &up, UserId: aws.String("u1")}
		require.Equal(t, []string{"C 0.3846154", "D 0.3076923", "A 0.1538462", "B 0.1538462"}, scored(e.recommend(t, forU1)))
		popular := &personalizeruntime.GetRecommendationsInput{CampaignArn: &pop}
		require.Equal(t, []string{"C", "A", "B", "D"}, scored(e.recommend(t, popular)), "by distinct users, then id; no scores")
		require.Equal(t, []string{"B", "C", "D"}, scored(e.recommend(t, &personalizeruntime.GetRecommendationsInput{CampaignArn: &sims, ItemId: aws.String("A")})),
			"co-occurrence with A, then the fallback; never A")
		require.Equal(t, []string{"C 0.2500000", "A 0.2500000", "B 0.2500000", "D 0.2500000"},
			scored(e.recommend(t, &personalizeruntime.GetRecommendationsInput{CampaignArn: &up, UserId: aws.String("newcomer")})),
			"a cold user gets the fallback (by popularity), scored evenly")
		ranked, err := e.rt.GetPersonalizedRanking(e.ctx, &personalizeruntime.GetPersonalizedRankingInput{CampaignArn: &rank, UserId: aws.String("u1"),
			InputList: []string{"A", "X", "D", "C"}})
		require.NoError(t, err)
		require.Equal(t, []string{"C 0.4545455", "D 0.3636364", "A 0.1818182", "X"}, scored(ranked.PersonalizedRanking),
			"relevance then popularity, scores summing to 1; unknown items last, unscored")

		// u1 clicks D: u1's answer changes at once; popularity waits for the next version.
		e.click(t, "u1", "D", 10)
		require.Equal(t, []string{"C 0.3793103", "B 0.2758621", "D 0.2068966", "A 0.1379310"}, scored(e.recommend(t, forU1)))
		require.Equal(t, []string{"C", "A", "B", "D"}, scored(e.recommend(t, popular)))
		require.Equal(t, []string{"C 0.2500000", "A 0.2500000", "B 0.2500000", "D 0.2500000"},
			scored(e.recommend(t, &personalizeruntime.GetRecommendationsInput{CampaignArn: &up, UserId: aws.String("newcomer")})), "only u1 changes")

		// Popularity follows the counts: two more users click D, and the next version puts it first.
		e.click(t, "u6", "D", 11)
		e.click(t, "u7", "D", 12)
		v2 := e.trained(t, strings.Replace(pop, "campaign/pop", "solution/pop", 1))
		_, err = e.pz.UpdateCampaign(e.ctx, &personalize.UpdateCampaignInput{CampaignArn: &pop, SolutionVersionArn: &v2})
		require.NoError(t, err)
		e.clk.Add(10 * time.Minute)
		require.Equal(t, []string{"D", "C", "A", "B"}, scored(e.recommend(t, popular)))

		require.Len(t, e.recommend(t, &personalizeruntime.GetRecommendationsInput{CampaignArn: &up, UserId: aws.String("u1"), NumResults: 2}), 2)
	})
}

// requireStatus checks the HTTP status of an error on the wire door.
func (e *rtEnv) requireStatus(t *testing.T, err error, status int) {
	t.Helper()
	if !e.wire {
		return
	}
	var re *awshttp.ResponseError
	require.True(t, errors.As(err, &re), "%v", err)
	require.Equal(t, status, re.HTTPStatusCode())
}

// Every error the runtime models, reached: ResourceNotFoundException (404) for an unknown
// campaign, recommender or filter; InvalidInputException (400) for the rest.
func TestRuntimeErrors(t *testing.T) {
	t.Parallel()
	eachRuntimeDoor(t, func(t *testing.T, e *rtEnv) {
		e.example(t)
		up := e.deploy(t, "up", "aws-user-personalization", nil)
		sims := e.deploy(t, "sims", "aws-sims", nil)
		rank := e.deploy(t, "rank", "aws-personalized-ranking", nil)
		_, version := e.trainedSolution(t, e.group, "later", "arn:aws:personalize:::recipe/aws-user-personalization")
		pending, err := e.pz.CreateCampaign(e.ctx, &personalize.CreateCampaignInput{Name: aws.String("pending"), SolutionVersionArn: &version})
		require.NoError(t, err)
		other := e.pzEnv.group(t, "other", "")
		e.interactions(t, other)
		foreign := e.filter(t, "foreign", other, `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")`)
		include := e.filter(t, "include", e.group, `INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ($TYPES)`)
		e.clk.Add(2 * time.Minute)
		creating := e.filter(t, "creating", e.group, `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")`)
		unknownCampaign := strings.Replace(up, "campaign/up", "campaign/nope", 1)
		recommender := strings.Replace(up, "campaign/up", "recommender/nope", 1)
		u1 := aws.String("u1")
		for _, c := range []struct {
			name   string
			in     *personalizeruntime.GetRecommendationsInput
			code   string
			msg    string
			status int
		}{
			{"unknown campaign", &personalizeruntime.GetRecommendationsInput{CampaignArn: &unknownCampaign, UserId: u1}, "ResourceNotFoundException", unknownCampaign, 404},
			{"unknown recommender", &personalizeruntime.GetRecommendationsInput{RecommenderArn: &recommender, UserId: u1}, "ResourceNotFoundException", recommender, 404},
			{"both", &personalizeruntime.GetRecommendationsInput{CampaignArn: &up, RecommenderArn: &recommender, UserId: u1}, "InvalidInputException", "not both", 400},
			{"neither", &personalizeruntime.GetRecommendationsInput{UserId: u1}, "InvalidInputException", "campaignArn or recommenderArn", 400},
			{"not ACTIVE", &personalizeruntime.GetRecommendationsInput{CampaignArn: pending.CampaignArn, UserId: u1}, "InvalidInputException", "is not ACTIVE (its status is CREATE IN_PROGRESS)", 400},
			{"no userId", &personalizeruntime.GetRecommendationsInput{CampaignArn: &up}, "InvalidInputException", "userId is required", 400},
			{"no itemId", &personalizeruntime.GetRecommendationsInput{CampaignArn: &sims, UserId: u1}, "InvalidInputException", "itemId is required", 400},
			{"ranking campaign", &personalizeruntime.GetRecommendationsInput{CampaignArn: &rank, UserId: u1}, "InvalidInputException", "which GetRecommendations does not serve", 400},
			{"too many", &personalizeruntime.GetRecommendationsInput{CampaignArn: &up, UserId: u1, NumResults: 501}, "InvalidInputException", "at most 500", 400},
			{"too many with metadata", &personalizeruntime.GetRecommendationsInput{CampaignArn: &up, UserId: u1, NumResults: 51,
				MetadataColumns: map[string][]string{"ITEMS": {"GENRES"}}}, "InvalidInputException", "at most 50 with metadataColumns", 400},
			{"metadata not enabled", &personalizeruntime.GetRecommendationsInput{CampaignArn: &up, UserId: u1,
				MetadataColumns: map[string][]string{"ITEMS": {"GENRES"}}}, "InvalidInputException", "enableMetadataWithRecommendations", 400},
			{"unknown filter", &personalizeruntime.GetRecommendationsInput{CampaignArn: &up, UserId: u1, FilterArn: aws.String(strings.Replace(foreign, "foreign", "nope", 1))},
				"ResourceNotFoundException", "filter/nope", 404},
			{"filter of another group", &personalizeruntime.GetRecommendationsInput{CampaignArn: &up, UserId: u1, FilterArn: &foreign}, "InvalidInputException", "belongs to the dataset group", 400},
			{"filter not ACTIVE", &personalizeruntime.GetRecommendationsInput{CampaignArn: &up, UserId: u1, FilterArn: &creating}, "InvalidInputException", "not ACTIVE", 400},
			{"missing filterValues", &personalizeruntime.GetRecommendationsInput{CampaignArn: &up, UserId: u1, FilterArn: &include}, "InvalidInputException", "TYPES", 400},
			{"model constraint", &personalizeruntime.GetRecommendationsInput{CampaignArn: &up, UserId: aws.String(strings.Repeat("u", 257))}, "InvalidInputException", "userId", 400},
		} {
			t.Run(c.name, func(t *testing.T) {
				_, err := e.rt.GetRecommendations(e.ctx, c.in)
				require.Contains(t, requireCode(t, err, c.code), c.msg)
				e.requireStatus(t, err, c.status)
			})
		}
		_, err = e.rt.GetPersonalizedRanking(e.ctx, &personalizeruntime.GetPersonalizedRankingInput{CampaignArn: &up, UserId: u1, InputList: []string{"A"}})
		require.Contains(t, requireCode(t, err, "InvalidInputException"), "which GetPersonalizedRanking does not serve")
		_, err = e.rt.GetPersonalizedRanking(e.ctx, &personalizeruntime.GetPersonalizedRankingInput{CampaignArn: &rank, UserId: u1, InputList: make([]string, 501)})
		require.Error(t, err)
		_, err = e.rt.GetActionRecommendations(e.ctx, &personalizeruntime.GetActionRecommendationsInput{CampaignArn: &up, UserId: u1})
		require.Contains(t, requireCode(t, err, "InvalidInputException"), "which GetActionRecommendations does not serve")
		_, err = e.rt.GetActionRecommendations(e.ctx, &personalizeruntime.GetActionRecommendationsInput{CampaignArn: &unknownCampaign, UserId: u1})
		requireCode(t, err, "ResourceNotFoundException")
		e.requireStatus(t, err, 404)
	})
}

// Filters bound to filterValues take out what they say; promotions take their share from their
// own filter; metadataColumns read the Items dataset when the campaign enables them; context is
// accepted.
func TestRuntimeFiltersPromotionsAndMetadata(t *testing.T) {
	t.Parallel()
	eachRuntimeDoor(t, func(t *testing.T, e *rtEnv) {
		e.group = e.pzEnv.group(t, "shop", "")
		e.interactions(t, e.group)
		items := e.dataset(t, e.group, "Items", e.schema(t, "items", itemsSchema))
		_, e.tracking = e.activeTracker(t, e.group)
		for id, props := range map[string]string{"A": `{"genres": "boots", "price": 80}`, "B": `{"genres": "socks", "price": 5}`,
			"C": `{"genres": "tents|camping", "price": 200}`, "D": `{"genres": "stoves|camping", "price": 40}`} {
			e.putItem(t, items, id, props)
		}
		for _, ev := range workedExample {
			e.click(t, ev.user, ev.item, ev.at)
		}
		up := e.deploy(t, "up", "aws-user-personalization", &pztypes.CampaignConfig{EnableMetadataWithRecommendations: aws.Bool(true)})
		pop := e.deploy(t, "pop", "aws-popularity-count", nil)
		clicked := e.filter(t, "clicked", e.group, `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")`)
		genres := e.filter(t, "genres", e.group, `INCLUDE ItemID WHERE Items.GENRES IN ($GENRES)`)
		cheap := e.filter(t, "cheap", e.group, `INCLUDE ItemID WHERE Items.PRICE <= $PRICE`)
		e.clk.Add(2 * time.Minute)
		u1 := aws.String("u1")

		require.Equal(t, []string{"C 0.3846154", "D 0.3076923"}, scored(e.recommend(t, &personalizeruntime.GetRecommendationsInput{
			CampaignArn: &up, UserId: u1, FilterArn: &clicked})), "u1's own clicks (A, B) are out")
		e.click(t, "u1", "D", 10)
		require.Equal(t, []string{"C 0.3793103"}, scored(e.recommend(t, &personalizeruntime.GetRecommendationsInput{
			CampaignArn: &up, UserId: u1, FilterArn: &clicked})), "and so is D, clicked since")
		require.Equal(t, []string{"C", "D"}, scored(e.recommend(t, &personalizeruntime.GetRecommendationsInput{
			CampaignArn: &pop, FilterArn: &genres, FilterValues: map[string]string{"GENRES": `"camping"`}})), "categorical values match one by one")
		require.Equal(t, []string{"A", "B"}, scored(e.recommend(t, &personalizeruntime.GetRecommendationsInput{
			CampaignArn: &pop, FilterArn: &genres, FilterValues: map[string]string{"GENRES": `"boots","socks"`}})))
		require.Equal(t, []string{"B", "D"}, scored(e.recommend(t, &personalizeruntime.GetRecommendationsInput{
			CampaignArn: &pop, FilterArn: &cheap, FilterValues: map[string]string{"PRICE": "40"}})))
		_, err := e.rt.GetRecommendations(e.ctx, &personalizeruntime.GetRecommendationsInput{CampaignArn: &pop, FilterArn: &genres,
			FilterValues: map[string]string{"GENRES": `camping`}})
		requireCode(t, err, "InvalidInputException") // string values are quoted

		require.Equal(t, []string{"C", "A", "B promoted by cheap"}, scored(e.recommend(t, &personalizeruntime.GetRecommendationsInput{
			CampaignArn: &pop, NumResults: 3, Promotions: []prtypes.Promotion{{Name: aws.String("cheap"), PercentPromotedItems: aws.Int32(10),
				FilterArn: &cheap, FilterValues: map[string]string{"PRICE": "10"}}}})))

		require.Equal(t, []string{"C 0.3793103 GENRES=tents|camping", "B 0.2758621 GENRES=socks"}, scored(e.recommend(t, &personalizeruntime.GetRecommendationsInput{
			CampaignArn: &up, UserId: u1, NumResults: 2, MetadataColumns: map[string][]string{"ITEMS": {"GENRES"}},
			Context: map[string]string{"DEVICE": "mobile"}})))
		_, err = e.rt.GetRecommendations(e.ctx, &personalizeruntime.GetRecommendationsInput{CampaignArn: &up, UserId: u1,
			MetadataColumns: map[string][]string{"ITEMS": {"COLOUR"}}})
		require.Contains(t, requireCode(t, err, "InvalidInputException"), "no column COLOUR")
	})
}

// Trending now: items by how much their interactions grew from the window before the latest
// (2 hours by default) to the latest, then the popular items; no scores.
func TestRuntimeTrendingNow(t *testing.T) {
	t.Parallel()
	eachRuntimeDoor(t, func(t *testing.T, e *rtEnv) {
		e.group = e.pzEnv.group(t, "shop", "")
		e.interactions(t, e.group)
		_, e.tracking = e.activeTracker(t, e.group)
		for _, ev := range []struct {
			user, item string
			at         int64
		}{{"u1", "A", 1000}, {"u2", "A", 1000}, {"u3", "A", 1000}, {"u1", "B", 9000}, {"u2", "D", 9500}, {"u3", "D", 10000}} {
			e.click(t, ev.user, ev.item, ev.at)
		}
		trending := e.deploy(t, "trending", "aws-trending-now", nil)
		require.Equal(t, []string{"D", "B", "A"}, scored(e.recommend(t, &personalizeruntime.GetRecommendationsInput{CampaignArn: &trending})),
			"D grew by 2 and B by 1 in (2800, 10000]; A, clicked before, comes as the popular item it is")
	})
}

// Exploration: an item of the Items dataset without interactions when the version was trained
// (a cold item) appears only in the exploration slots the campaign's itemExplorationConfig
// gives (floor(explorationWeight × numResults), default weight 0.3), last; an item put after
// training is unknown to the version until the next one.
func TestRuntimeExploration(t *testing.T) {
	t.Parallel()
	eachRuntimeDoor(t, func(t *testing.T, e *rtEnv) {
		e.group = e.pzEnv.group(t, "shop", "")
		e.interactions(t, e.group)
		items := e.dataset(t, e.group, "Items", e.schema(t, "items", itemsSchema))
		_, e.tracking = e.activeTracker(t, e.group)
		for _, id := range []string{"A", "B", "C", "D", "E"} {
			e.putItem(t, items, id, `{"genres": "x"}`)
		}
		for _, ev := range workedExample {
			e.click(t, ev.user, ev.item, ev.at)
		}
		explore := e.deploy(t, "explore", "aws-user-personalization", nil)
		none := e.deploy(t, "none", "aws-user-personalization", &pztypes.CampaignConfig{ItemExplorationConfig: map[string]string{"explorationWeight": "0"}})
		e.putItem(t, items, "F", `{"genres": "x"}`)
		e.click(t, "u1", "F", 10)
		u1 := aws.String("u1")
		require.Equal(t, []string{"C", "D", "A", "B", "E"}, ids(e.recommend(t, &personalizeruntime.GetRecommendationsInput{CampaignArn: &explore, UserId: u1, NumResults: 5})),
			"one slot of five (0.3 × 5) for the cold item E; F, put after training, unknown")
		require.Equal(t, []string{"C", "D", "A"}, ids(e.recommend(t, &personalizeruntime.GetRecommendationsInput{CampaignArn: &explore, UserId: u1, NumResults: 3})),
			"no slot of three (0.3 × 3 < 1)")
		require.Equal(t, []string{"C", "D", "A", "B"}, ids(e.recommend(t, &personalizeruntime.GetRecommendationsInput{CampaignArn: &none, UserId: u1, NumResults: 5})),
			"weight 0: no exploration, and no cold item")
	})
}

func ids(items []prtypes.PredictedItem) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = aws.ToString(it.ItemId)
	}
	return out
}
