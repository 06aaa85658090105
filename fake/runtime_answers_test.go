package fake_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	petypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/aws/aws-sdk-go-v2/service/personalizeruntime"
	prtypes "github.com/aws/aws-sdk-go-v2/service/personalizeruntime/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// A scenario rule declares a runtime answer, in its typed and its JSON form: the call is checked
// as every call is, then answers the declared ids (cut to numResults, without scores).
func TestRuntimeDeclaredAnswers(t *testing.T) {
	t.Parallel()
	typed := scenario.New()
	typed.On("personalize-runtime", "GetRecommendations").When(func(in *personalizeruntime.GetRecommendationsInput) bool {
		return aws.ToString(in.UserId) == "pinned"
	}).Answer("socks", "boots", "tent")
	fromJSON, err := scenario.ParseJSON([]byte(`{"rules": [{"service": "personalize-runtime", "operation": "GetRecommendations",
		"match": {"userId": "pinned"}, "answer": ["socks", "boots", "tent"]}]}`))
	require.NoError(t, err)
	for name, s := range map[string]*scenario.Scenario{"typed": typed, "json": fromJSON} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			eachRuntimeDoor(t, func(t *testing.T, e *rtEnv) {
				e.example(t)
				up := e.deploy(t, "up", "aws-user-personalization", nil)
				sims := e.deploy(t, "sims", "aws-sims", nil)
				require.Equal(t, []string{"socks", "boots"}, scored(e.recommend(t, &personalizeruntime.GetRecommendationsInput{
					CampaignArn: &up, UserId: aws.String("pinned"), NumResults: 2})))
				require.Equal(t, []string{"C 0.3846154", "D 0.3076923", "A 0.1538462", "B 0.1538462"}, scored(e.recommend(t,
					&personalizeruntime.GetRecommendationsInput{CampaignArn: &up, UserId: aws.String("u1")})), "other calls: the model")
				_, err := e.rt.GetRecommendations(e.ctx, &personalizeruntime.GetRecommendationsInput{CampaignArn: &sims, UserId: aws.String("pinned")})
				require.Contains(t, requireCode(t, err, "InvalidInputException"), "itemId is required", "checked as every call")
			}, fake.WithScenario(s))
		})
	}
	require.PanicsWithValue(t, "scenario: personalize.CreateCampaign answers no list of items: Answer is for personalize-runtime's GetRecommendations, GetPersonalizedRanking and GetActionRecommendations",
		func() { scenario.On("personalize", "CreateCampaign").Answer("a") })
	require.Panics(t, func() { scenario.On("personalize-runtime", "GetRecommendations").Answer("") })
	_, err = scenario.ParseJSON([]byte(`{"rules": [{"service": "personalize-runtime", "operation": "GetActionRecommendations", "answer": ["` +
		string(make([]byte, 0)) + `"]}]}`))
	require.ErrorContains(t, err, "1 to 256 characters")
}

// Next best action answers from action interactions: the share of similar users (who took an
// action the user took) who took each action the user has not; with none, the share of all
// users; TAKEN events sent after training count at once.
func TestRuntimeNextBestAction(t *testing.T) {
	t.Parallel()
	eachRuntimeDoor(t, func(t *testing.T, e *rtEnv) {
		e.example(t)
		actions := e.dataset(t, e.group, "Actions", e.schema(t, "actions", actionsSchema))
		for _, id := range []string{"a1", "a2", "a3"} {
			_, err := e.ev.PutActions(e.ctx, &personalizeevents.PutActionsInput{DatasetArn: &actions,
				Actions: []petypes.Action{{ActionId: aws.String(id), Properties: aws.String(`{"category": "mail"}`)}}})
			require.NoError(t, err)
		}
		ai := e.dataset(t, e.group, "Action_Interactions", e.schema(t, "ai", actionInteractionsSchema))
		tracking := aws.ToString(e.datasetOf(t, ai).TrackingId)
		take := func(user, action string) {
			at := e.clk.Now()
			_, err := e.ev.PutActionInteractions(e.ctx, &personalizeevents.PutActionInteractionsInput{TrackingId: &tracking,
				ActionInteractions: []petypes.ActionInteraction{{ActionId: &action, UserId: &user, SessionId: aws.String("s"),
					EventType: aws.String("TAKEN"), Timestamp: &at}}})
			require.NoError(t, err)
		}
		for _, p := range [][2]string{{"v1", "a1"}, {"v1", "a2"}, {"v2", "a1"}, {"v2", "a3"}, {"v3", "a2"}} {
			take(p[0], p[1])
		}
		nba := e.deploy(t, "nba", "aws-next-best-action", nil)
		actionsFor := func(user string) []string {
			out, err := e.rt.GetActionRecommendations(e.ctx, &personalizeruntime.GetActionRecommendationsInput{CampaignArn: &nba, UserId: &user})
			require.NoError(t, err)
			return scoredActions(out.ActionList)
		}
		require.Equal(t, []string{"a1 0.6666667", "a2 0.6666667", "a3 0.3333333"}, actionsFor("v4"), "no similar user: the share of all")
		require.Equal(t, []string{"a3 0.5000000"}, actionsFor("v1"), "v2 and v3 are v1's similar users; v2 took a3")
		take("v4", "a3")
		e.clk.Add(time.Second)
		require.Equal(t, []string{"a1 1.0000000", "a2 0.0000000"}, actionsFor("v4"), "v4's TAKEN a3 counts at once: v2 is similar")
	})
}

func scoredActions(list []prtypes.PredictedAction) []string {
	out := make([]string, len(list))
	for i, a := range list {
		out[i] = aws.ToString(a.ActionId)
		if a.Score != nil {
			out[i] += " " + formatScore(*a.Score)
		}
	}
	return out
}

func formatScore(s float64) string { return fmt.Sprintf("%.7f", s) }

func (e *rtEnv) datasetOf(t *testing.T, arn string) *pztypes.Dataset {
	t.Helper()
	out, err := e.pz.DescribeDataset(e.ctx, &personalize.DescribeDatasetInput{DatasetArn: &arn})
	require.NoError(t, err)
	return out.Dataset
}
