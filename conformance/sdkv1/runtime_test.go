package sdkv1

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/personalize"
	"github.com/aws/aws-sdk-go/service/personalizeevents"
	"github.com/aws/aws-sdk-go/service/personalizeruntime"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// Personalize Runtime through aws-sdk-go (v1) on f.HTTPClient(): the campaign's answer follows
// the user's events sent since training; the modelled errors come with their statuses.
func TestRuntimeWithSDKv1(t *testing.T) {
	t.Parallel()
	w := newWorld(t, fake.WithSmallDatasets())
	rt := personalizeruntime.New(v1Session(w.f))
	group := w.activeGroup(t, "shop")
	w.activeDataset(t, group, "Interactions", `{"type":"record","name":"Interactions","fields":[{"name":"USER_ID","type":"string"},`+
		`{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"},{"name":"EVENT_TYPE","type":"string"}]}`)
	tracker, err := w.pz.CreateEventTracker(&personalize.CreateEventTrackerInput{Name: aws.String("t"), DatasetGroupArn: group})
	require.NoError(t, err)
	w.clk.Add(time.Minute)
	click := func(user, item string, at int64) {
		_, err := w.events.PutEvents(&personalizeevents.PutEventsInput{TrackingId: tracker.TrackingId, SessionId: aws.String("s-" + user),
			UserId: aws.String(user), EventList: []*personalizeevents.Event{{EventType: aws.String("click"), ItemId: aws.String(item), SentAt: aws.Time(time.Unix(at, 0))}}})
		require.NoError(t, err)
	}
	// The recommend package's worked example.
	for _, ev := range []struct {
		user, item string
		at         int64
	}{{"u1", "A", 1}, {"u1", "B", 2}, {"u2", "A", 3}, {"u2", "C", 4}, {"u3", "B", 5}, {"u3", "C", 6}, {"u3", "D", 7}, {"u4", "D", 8}, {"u5", "C", 9}} {
		click(ev.user, ev.item, ev.at)
	}
	sol, err := w.pz.CreateSolution(&personalize.CreateSolutionInput{Name: aws.String("recs"), DatasetGroupArn: group,
		RecipeArn: aws.String("arn:aws:personalize:::recipe/aws-user-personalization")})
	require.NoError(t, err)
	w.clk.Add(2 * time.Second)
	v, err := w.pz.CreateSolutionVersion(&personalize.CreateSolutionVersionInput{SolutionArn: sol.SolutionArn})
	require.NoError(t, err)
	w.clk.Add(45 * time.Minute)
	c, err := w.pz.CreateCampaign(&personalize.CreateCampaignInput{Name: aws.String("recs"), SolutionVersionArn: v.SolutionVersionArn})
	require.NoError(t, err)
	w.clk.Add(10 * time.Minute)

	recs := func() []string {
		out, err := rt.GetRecommendations(&personalizeruntime.GetRecommendationsInput{CampaignArn: c.CampaignArn, UserId: aws.String("u1")})
		require.NoError(t, err)
		require.Regexp(t, `^RID-`, aws.StringValue(out.RecommendationId))
		var ids []string
		for _, it := range out.ItemList {
			ids = append(ids, aws.StringValue(it.ItemId))
			require.NotNil(t, it.Score)
		}
		return ids
	}
	require.Equal(t, []string{"C", "D", "A", "B"}, recs())
	click("u1", "D", 10)
	require.Equal(t, []string{"C", "B", "D", "A"}, recs())

	_, err = rt.GetRecommendations(&personalizeruntime.GetRecommendationsInput{CampaignArn: aws.String(aws.StringValue(c.CampaignArn) + "x"), UserId: aws.String("u1")})
	code, status := failure(t, err)
	require.Equal(t, "ResourceNotFoundException", code)
	require.Equal(t, 404, status)
	_, err = rt.GetRecommendations(&personalizeruntime.GetRecommendationsInput{CampaignArn: c.CampaignArn})
	code, status = failure(t, err)
	require.Equal(t, "InvalidInputException", code)
	require.Equal(t, 400, status)
}
