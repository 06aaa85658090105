package fake_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalizeruntime"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// README's Personalize Runtime section, run as written: the worked example's campaign answers
// u1, then answers again once u1 has clicked D.
func TestREADMERuntime(t *testing.T) {
	t.Parallel()
	clk := mockClock()
	f := fake.ForTest(t, fake.WithClock(clk), fake.WithSmallDatasets())
	e := &rtEnv{pzEnv: &pzEnv{f: f, pz: f.Personalize(), ev: f.PersonalizeEvents(), clk: clk, ctx: context.Background()}, rt: f.PersonalizeRuntime()}
	e.example(t) // the events below, sent with PutEvents
	campaign := aws.String(e.deploy(t, "recs", "aws-user-personalization", nil))
	ctx := context.Background()
	click := func(user, item string) { e.click(t, user, item, 10) }

	// u1: A, B   u2: A, C   u3: B, C, D   u4: D   u5: C   (trained on these)
	rt := f.PersonalizeRuntime() // or personalizeruntime.NewFromConfig(f.AWSConfig())
	in := &personalizeruntime.GetRecommendationsInput{CampaignArn: campaign, UserId: aws.String("u1")}
	before, _ := rt.GetRecommendations(ctx, in) // C 0.3846154, D 0.3076923, A 0.1538462, B 0.1538462
	click("u1", "D")                            // PutEvents, after training
	after, _ := rt.GetRecommendations(ctx, in)  // C 0.3793103, B 0.2758621, D 0.2068966, A 0.1379310

	require.Equal(t, []string{"C 0.3846154", "D 0.3076923", "A 0.1538462", "B 0.1538462"}, scored(before.ItemList))
	require.Equal(t, []string{"C 0.3793103", "B 0.2758621", "D 0.2068966", "A 0.1379310"}, scored(after.ItemList))
}
