package fake_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalizeruntime"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// A campaign answers the same after its fake's state is restored (a server restarted with
// -state): the version trains on what it trained on, and the events sent since are still live.
func TestRuntimeAnswersSurviveTheState(t *testing.T) {
	t.Parallel()
	clk := mockClock()
	f := fake.ForTest(t, fake.WithClock(clk), fake.WithSmallDatasets())
	e := &rtEnv{pzEnv: &pzEnv{f: f, pz: f.Personalize(), ev: f.PersonalizeEvents(), clk: clk, ctx: context.Background()}, rt: f.PersonalizeRuntime()}
	e.example(t)
	campaign := e.deploy(t, "recs", "aws-user-personalization", nil)
	pop := e.deploy(t, "pop", "aws-popularity-count", nil)
	e.click(t, "u1", "D", 10)
	e.click(t, "u6", "D", 11)
	e.click(t, "u7", "D", 12)
	in := &personalizeruntime.GetRecommendationsInput{CampaignArn: &campaign, UserId: aws.String("u1")}
	want := []string{"C 0.3793103", "B 0.2758621", "D 0.2068966", "A 0.1379310"}
	require.Equal(t, want, scored(e.recommend(t, in)))

	body, err := f.StateJSON()
	require.NoError(t, err)
	s, err := scenario.ParseJSON(body)
	require.NoError(t, err)
	restored := fake.ForTest(t, fake.WithClock(clk), fake.WithSmallDatasets(), fake.WithScenario(s))
	out, err := restored.PersonalizeRuntime().GetRecommendations(context.Background(), in)
	require.NoError(t, err)
	require.Equal(t, want, scored(out.ItemList))
	out, err = restored.PersonalizeRuntime().GetRecommendations(context.Background(), &personalizeruntime.GetRecommendationsInput{CampaignArn: &pop})
	require.NoError(t, err)
	require.Equal(t, []string{"C", "A", "B", "D"}, scored(out.ItemList), "the version still trains on the data of its creation")
}
