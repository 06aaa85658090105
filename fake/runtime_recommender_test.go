package fake_test

import (
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	petypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/aws/aws-sdk-go-v2/service/personalizeruntime"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/scenario"
)

// A recommender answers GetRecommendations with a recommenderArn as a campaign does: its use
// case's rules on the group's data (Recommended for you is user personalization: the worked
// example's scores), the asking user's events since training counted at once, and what the use
// case leaves out (what the user purchased, even since). Not ACTIVE, it is InvalidInputException.
func TestRecommenderAnswersGetRecommendations(t *testing.T) {
	t.Parallel()
	eachRuntimeDoor(t, func(t *testing.T, e *rtEnv) {
		e.group = e.pzEnv.group(t, "shop", "ECOMMERCE")
		schema, err := e.pz.CreateSchema(e.ctx, &personalize.CreateSchemaInput{Name: aws.String("shop-interactions"), Domain: pztypes.DomainEcommerce,
			Schema: aws.String(scenario.DefaultSchema("Interactions", "ECOMMERCE"))})
		require.NoError(t, err)
		e.dataset(t, e.group, "Interactions", aws.ToString(schema.SchemaArn))
		_, e.tracking = e.activeTracker(t, e.group)
		send := func(user, item, eventType string, at int64) {
			_, err := e.ev.PutEvents(e.ctx, &personalizeevents.PutEventsInput{TrackingId: &e.tracking, SessionId: aws.String("s-" + user),
				UserId: &user, EventList: []petypes.Event{{EventType: &eventType, ItemId: &item, SentAt: aws.Time(time.Unix(at, 0))}}})
			require.NoError(t, err)
		}
		for _, ev := range workedExample {
			send(ev.user, ev.item, "View", ev.at)
		}
		arn := e.recommender(t, "for-you", e.group, recommendedForYou, nil)
		in := &personalizeruntime.GetRecommendationsInput{RecommenderArn: &arn, UserId: aws.String("u1")}
		_, err = e.rt.GetRecommendations(e.ctx, in)
		require.Contains(t, requireCode(t, err, "InvalidInputException"), "CREATE PENDING")
		e.clk.Add(45 * time.Minute)
		require.Equal(t, []string{"C 0.3846154", "D 0.3076923", "A 0.1538462", "B 0.1538462"}, scored(e.recommend(t, in)),
			"the worked example, as aws-user-personalization answers it")

		send("u1", "C", "Purchase", 20)
		for _, item := range scored(e.recommend(t, in)) {
			require.NotContains(t, item, "C ", "u1 purchased C since training")
		}
		other := scored(e.recommend(t, &personalizeruntime.GetRecommendationsInput{RecommenderArn: &arn, UserId: aws.String("u2")}))
		require.Contains(t, other[0]+other[1]+other[2]+other[3], "C", "only u1's answer changes")

		_, err = e.rt.GetRecommendations(e.ctx, &personalizeruntime.GetRecommendationsInput{RecommenderArn: &arn})
		requireCode(t, err, "InvalidInputException") // Recommended for you needs a userId
		_, err = e.pz.StopRecommender(e.ctx, &personalize.StopRecommenderInput{RecommenderArn: &arn})
		require.NoError(t, err)
		require.NotEmpty(t, e.recommend(t, in), "a recommender serves until it is stopped")
		e.clk.Add(5 * time.Minute)
		_, err = e.rt.GetRecommendations(e.ctx, in)
		require.Contains(t, requireCode(t, err, "InvalidInputException"), "INACTIVE")
		_, err = e.rt.GetRecommendations(e.ctx, &personalizeruntime.GetRecommendationsInput{RecommenderArn: aws.String(arn + "x"), UserId: aws.String("u1")})
		requireCode(t, err, "ResourceNotFoundException")
		var re *awshttp.ResponseError
		require.True(t, errors.As(err, &re))
		require.Equal(t, 404, re.HTTPStatusCode())
	})
}
