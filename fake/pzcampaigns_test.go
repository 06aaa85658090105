package fake_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// trainedSolution makes a group with data, a solution of a recipe, and an ACTIVE version of it.
func (e *pzEnv) trainedSolution(t *testing.T, group, name, recipe string) (solution, version string) {
	t.Helper()
	solution = e.solution(t, name, group, recipe)
	version = e.trained(t, solution)
	require.Equal(t, "ACTIVE", e.versionStatus(t, version))
	return solution, version
}

func (e *pzEnv) describeCampaign(t *testing.T, arn string) *pztypes.Campaign {
	t.Helper()
	out, err := e.pz.DescribeCampaign(e.ctx, &personalize.DescribeCampaignInput{CampaignArn: &arn})
	require.NoError(t, err)
	return out.Campaign
}

func TestCreateCampaignRefusals(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group, _ := e.importedGroup(t, "g", "interactions.csv")
		sims, simsVersion := e.trainedSolution(t, group, "sims", simsRecipe)
		_, affinity := e.trainedSolution(t, group, "affinity", "arn:aws:personalize:::recipe/aws-item-affinity")
		training := e.version(t, sims)
		e.campaign(t, "taken", simsVersion)
		for _, c := range []struct {
			name    string
			version string
			config  *pztypes.CampaignConfig
			code    string
			msg     string
		}{
			{"unknown version", sims + "/00000000", nil, "ResourceNotFoundException", sims + "/00000000"},
			{"training", training, nil, "ResourceInUseException", "CREATE PENDING"},
			{"segments only", affinity, nil, "InvalidInputException", "batch segment jobs"},
			{"exploration for SIMS", simsVersion, &pztypes.CampaignConfig{ItemExplorationConfig: map[string]string{"explorationWeight": "0.5"}},
				"InvalidInputException", "only for User-Personalization recipes"},
			{"no ACTIVE version for $LATEST", "arn:aws:personalize:us-east-1:123456789012:solution/empty/$LATEST", nil,
				"ResourceNotFoundException", "solution/empty"},
		} {
			t.Run(c.name, func(t *testing.T) {
				_, err := e.pz.CreateCampaign(e.ctx, &personalize.CreateCampaignInput{Name: aws.String("c"), SolutionVersionArn: &c.version, CampaignConfig: c.config})
				require.Contains(t, requireCode(t, err, c.code), c.msg)
			})
		}
		_, err := e.pz.CreateCampaign(e.ctx, &personalize.CreateCampaignInput{Name: aws.String("taken"), SolutionVersionArn: &simsVersion})
		require.Equal(t, "Another resource with Arn arn:aws:personalize:us-east-1:123456789012:campaign/taken already exists.",
			requireCode(t, err, "ResourceAlreadyExistsException"))
	}, fake.WithObjects(bucket))
}

func (e *pzEnv) campaign(t *testing.T, name, version string) string {
	t.Helper()
	out, err := e.pz.CreateCampaign(e.ctx, &personalize.CreateCampaignInput{Name: &name, SolutionVersionArn: &version})
	require.NoError(t, err)
	return aws.ToString(out.CampaignArn)
}

// A campaign keeps minProvisionedTPS (1 unless said) and campaignConfig; UpdateCampaign shows in
// latestCampaignUpdate, with statuses of its own, while the campaign stays ACTIVE and serves the
// version it served until the update is ACTIVE.
func TestUpdateCampaign(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group, _ := e.importedGroup(t, "g", "interactions.csv")
		s, v1 := e.trainedSolution(t, group, "up", userPersonalization)
		out, err := e.pz.CreateCampaign(e.ctx, &personalize.CreateCampaignInput{Name: aws.String("c"), SolutionVersionArn: &v1,
			CampaignConfig: &pztypes.CampaignConfig{ItemExplorationConfig: map[string]string{"explorationWeight": "0.1"}}})
		require.NoError(t, err)
		c := aws.ToString(out.CampaignArn)
		got := e.describeCampaign(t, c)
		require.Equal(t, "CREATE PENDING", aws.ToString(got.Status))
		require.Equal(t, int32(1), aws.ToInt32(got.MinProvisionedTPS))
		require.Equal(t, map[string]string{"explorationWeight": "0.1"}, got.CampaignConfig.ItemExplorationConfig)
		require.Nil(t, got.LatestCampaignUpdate, "only after an update")

		_, err = e.pz.UpdateCampaign(e.ctx, &personalize.UpdateCampaignInput{CampaignArn: &c, MinProvisionedTPS: aws.Int32(3)})
		require.Contains(t, requireCode(t, err, "ResourceInUseException"), "ACTIVE or CREATE FAILED")
		e.clk.Add(9 * time.Minute)
		v2 := e.trained(t, s)
		_, err = e.pz.UpdateCampaign(e.ctx, &personalize.UpdateCampaignInput{CampaignArn: &c, SolutionVersionArn: &v2, MinProvisionedTPS: aws.Int32(3)})
		require.NoError(t, err)
		got = e.describeCampaign(t, c)
		require.Equal(t, "ACTIVE", aws.ToString(got.Status))
		require.Equal(t, v1, aws.ToString(got.SolutionVersionArn), "the old version serves until the update is ACTIVE")
		require.Equal(t, int32(1), aws.ToInt32(got.MinProvisionedTPS))
		upd := got.LatestCampaignUpdate
		require.Equal(t, "CREATE PENDING", aws.ToString(upd.Status))
		require.Equal(t, v2, aws.ToString(upd.SolutionVersionArn))
		require.Equal(t, int32(3), aws.ToInt32(upd.MinProvisionedTPS))
		require.Equal(t, "0.1", upd.CampaignConfig.ItemExplorationConfig["explorationWeight"], "what the update leaves out stays")

		_, err = e.pz.UpdateCampaign(e.ctx, &personalize.UpdateCampaignInput{CampaignArn: &c, MinProvisionedTPS: aws.Int32(5)})
		require.Contains(t, requireCode(t, err, "ResourceInUseException"), "has an update in CREATE PENDING state")

		status, polls := poll(t, e, func() string { return aws.ToString(e.describeCampaign(t, c).LatestCampaignUpdate.Status) })
		require.Equal(t, "ACTIVE", status)
		require.Equal(t, 10, polls)
		got = e.describeCampaign(t, c)
		require.Equal(t, v2, aws.ToString(got.SolutionVersionArn))
		require.Equal(t, int32(3), aws.ToInt32(got.MinProvisionedTPS))
		require.Equal(t, aws.ToTime(got.LatestCampaignUpdate.LastUpdatedDateTime), aws.ToTime(got.LastUpdatedDateTime))

		_, otherVersion := e.trainedSolution(t, group, "other", userPersonalization)
		_, err = e.pz.UpdateCampaign(e.ctx, &personalize.UpdateCampaignInput{CampaignArn: &c, SolutionVersionArn: &otherVersion})
		require.Contains(t, requireCode(t, err, "InvalidInputException"), "is not of the solution")
	}, fake.WithObjects(bucket))
}

// ListCampaigns lists newest first, by solution; DeleteCampaign goes through the delete statuses
// (16 minutes, as real runs) and refuses a campaign still being created.
func TestListAndDeleteCampaigns(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group, _ := e.importedGroup(t, "g", "interactions.csv")
		s1, v1 := e.trainedSolution(t, group, "s1", simsRecipe)
		_, v2 := e.trainedSolution(t, group, "s2", simsRecipe)
		a := e.campaign(t, "a", v1)
		e.clk.Add(time.Second)
		b := e.campaign(t, "b", v2)
		list, err := e.pz.ListCampaigns(e.ctx, &personalize.ListCampaignsInput{})
		require.NoError(t, err)
		require.Equal(t, []string{b, a}, []string{aws.ToString(list.Campaigns[0].CampaignArn), aws.ToString(list.Campaigns[1].CampaignArn)})
		list, err = e.pz.ListCampaigns(e.ctx, &personalize.ListCampaignsInput{SolutionArn: &s1})
		require.NoError(t, err)
		require.Len(t, list.Campaigns, 1)
		require.Equal(t, "CREATE PENDING", aws.ToString(list.Campaigns[0].Status))

		_, err = e.pz.DeleteCampaign(e.ctx, &personalize.DeleteCampaignInput{CampaignArn: &a})
		require.Contains(t, requireCode(t, err, "ResourceInUseException"), "CREATE PENDING")
		e.clk.Add(9 * time.Minute)
		_, err = e.pz.DeleteCampaign(e.ctx, &personalize.DeleteCampaignInput{CampaignArn: &a})
		require.NoError(t, err)
		require.Equal(t, "DELETE PENDING", e.campaignStatus(t, a))
		e.clk.Add(time.Minute)
		require.Equal(t, "DELETE IN_PROGRESS", e.campaignStatus(t, a))
		e.clk.Add(15 * time.Minute)
		_, err = e.pz.DescribeCampaign(e.ctx, &personalize.DescribeCampaignInput{CampaignArn: &a})
		requireCode(t, err, "ResourceNotFoundException")
	}, fake.WithObjects(bucket))
}

// AWS: 5 active campaigns per dataset group, with its own message.
func TestCampaignQuota(t *testing.T) {
	t.Parallel()
	e := typedPZ(t, fake.WithSmallDatasets(), fake.WithQuota(fake.Campaigns, 1))
	group := e.group(t, "g", "")
	_, trackingID := e.activeTracker(t, group)
	e.interactions(t, group)
	e.putClicks(t, trackingID, 2, 2)
	_, v := e.trainedSolution(t, group, "s", simsRecipe)
	e.campaign(t, "one", v)
	_, err := e.pz.CreateCampaign(e.ctx, &personalize.CreateCampaignInput{Name: aws.String("two"), SolutionVersionArn: &v})
	require.Equal(t, "Cannot create a campaign. More than 1 resources in ACTIVE state. Please delete some and try again.",
		requireCode(t, err, "LimitExceededException"))
}

// A campaign deployed from <solution ARN>/$LATEST serves the newest ACTIVE version; with
// syncWithLatestSolutionVersion (a newer member than aws-sdk-go-v2 v1.30.0 has: the wire door
// only) it follows new versions as they become ACTIVE.
func TestCampaignOfTheLatestVersion(t *testing.T) {
	t.Parallel()
	e := typedPZ(t, fake.WithObjects(bucket))
	group, _ := e.importedGroup(t, "g", "interactions.csv")
	s, v1 := e.trainedSolution(t, group, "s", userPersonalization)
	pinned := e.campaign(t, "pinned", s+"/$LATEST")
	require.Equal(t, v1, aws.ToString(e.describeCampaign(t, pinned).SolutionVersionArn))

	h := e.f.Handler()
	status, _, doc := rawCall(t, h, "POST", "/", jsonHeaders("AmazonPersonalize.CreateCampaign"),
		`{"name":"synced","solutionVersionArn":"`+v1+`","campaignConfig":{"syncWithLatestSolutionVersion":true}}`)
	require.Equal(t, 400, status)
	require.Contains(t, doc["message"], "needs solutionVersionArn in the form <solution ARN>/$LATEST")
	status, _, doc = rawCall(t, h, "POST", "/", jsonHeaders("AmazonPersonalize.CreateCampaign"),
		`{"name":"synced","solutionVersionArn":"`+s+`/$LATEST","campaignConfig":{"syncWithLatestSolutionVersion":true}}`)
	require.Equal(t, 200, status, "%v", doc)
	synced := doc["campaignArn"].(string)
	v2 := e.trained(t, s)
	require.Equal(t, v2, aws.ToString(e.describeCampaign(t, synced).SolutionVersionArn))
	require.Equal(t, v1, aws.ToString(e.describeCampaign(t, pinned).SolutionVersionArn))
}
