package fake_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// One seed gives a dataset group a solution with an ACTIVE version and an ACTIVE campaign that
// deploys it (and a filter), in the JSON form a server takes too.
func TestSeedASolutionWithACampaign(t *testing.T) {
	t.Parallel()
	s, err := scenario.ParseJSON([]byte(`{"seeds": {"datasetGroups": [{"name": "shop",
		"eventTracker": {"name": "clicks"},
		"solutions": [{"name": "recs", "recipe": "aws-sims", "version": {"id": "0123abcd"}, "campaign": {"name": "recs", "minProvisionedTPS": 2}},
			{"name": "training", "version": {"status": "CREATE IN_PROGRESS"}}],
		"filters": [{"name": "no-clicks", "expression": "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\")"}]}]}}`))
	require.NoError(t, err)
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		version := "arn:aws:personalize:us-east-1:123456789012:solution/recs/0123abcd"
		v := e.describeVersion(t, version)
		require.Equal(t, "ACTIVE", aws.ToString(v.Status), "a seed that starts ACTIVE is ACTIVE, whatever the data")
		require.Equal(t, simsRecipe, aws.ToString(v.RecipeArn))
		c := e.describeCampaign(t, "arn:aws:personalize:us-east-1:123456789012:campaign/recs")
		require.Equal(t, "ACTIVE", aws.ToString(c.Status))
		require.Equal(t, version, aws.ToString(c.SolutionVersionArn))
		require.Equal(t, int32(2), aws.ToInt32(c.MinProvisionedTPS))
		require.Equal(t, "ACTIVE", e.filterStatus(t, "arn:aws:personalize:us-east-1:123456789012:filter/no-clicks"))
		list, err := e.pz.ListSolutionVersions(e.ctx, &personalize.ListSolutionVersionsInput{
			SolutionArn: aws.String("arn:aws:personalize:us-east-1:123456789012:solution/training")})
		require.NoError(t, err)
		require.Equal(t, "CREATE IN_PROGRESS", aws.ToString(list.SolutionVersions[0].Status))
		e.clk.Add(time.Hour)
		list, err = e.pz.ListSolutionVersions(e.ctx, &personalize.ListSolutionVersionsInput{
			SolutionArn: aws.String("arn:aws:personalize:us-east-1:123456789012:solution/training")})
		require.NoError(t, err)
		require.Equal(t, "CREATE FAILED", aws.ToString(list.SolutionVersions[0].Status), "a training still to end checks the data: there is none")
	}, fake.WithScenario(s))
}

func TestSeedsOfTrainingKindsAreChecked(t *testing.T) {
	t.Parallel()
	for name, c := range map[string]struct {
		g    scenario.DatasetGroup
		want string
	}{
		"campaign without version":  {scenario.DatasetGroup{Name: "g", Solutions: []scenario.Solution{{Name: "s", Campaign: &scenario.Campaign{Name: "c"}}}}, "no version"},
		"campaign of a training":    {scenario.DatasetGroup{Name: "g", Solutions: []scenario.Solution{{Name: "s", Version: &scenario.SolutionVersion{Status: "CREATE PENDING"}, Campaign: &scenario.Campaign{Name: "c"}}}}, "must be ACTIVE"},
		"group not ACTIVE":          {scenario.DatasetGroup{Name: "g", Status: "CREATE PENDING", Solutions: []scenario.Solution{{Name: "s"}}}, "must be ACTIVE"},
		"filter without expression": {scenario.DatasetGroup{Name: "g", Filters: []scenario.Filter{{Name: "f"}}}, "needs a name and an expression"},
		"bad filter":                {scenario.DatasetGroup{Name: "g", Filters: []scenario.Filter{{Name: "f", Expression: "EXCLUDE"}}}, "Could not create filter"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := fake.New()
			err := f.SetScenario(scenario.New().SeedDatasetGroup(c.g))
			require.ErrorContains(t, err, c.want)
			list, lerr := f.Personalize().ListDatasetGroups(context.Background(), &personalize.ListDatasetGroupsInput{})
			require.NoError(t, lerr)
			require.Empty(t, list.DatasetGroups, "a scenario that fails leaves nothing behind")
		})
	}
}

// The state document carries the training kinds: solutions, versions (trained or training),
// campaigns (with an update done), filters and import jobs (which read their objects again).
func TestStateRoundTripOfTrainingKinds(t *testing.T) {
	t.Parallel()
	clk := mockClock()
	f := fake.New(fake.WithClock(clk), fake.WithObjects(bucket))
	e := &pzEnv{f: f, pz: f.Personalize(), ev: f.PersonalizeEvents(), clk: clk, ctx: context.Background()}
	group, dataset := e.importedGroup(t, "g", "interactions.csv")
	s, v1 := e.trainedSolution(t, group, "s", userPersonalization)
	c := e.campaign(t, "c", v1)
	e.clk.Add(9 * time.Minute)
	v2 := e.trained(t, s)
	_, err := e.pz.UpdateCampaign(e.ctx, &personalize.UpdateCampaignInput{CampaignArn: &c, SolutionVersionArn: &v2})
	require.NoError(t, err)
	e.clk.Add(9 * time.Minute)
	training := e.version(t, s)
	e.filter(t, "f", group, `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")`)
	e.clk.Add(10 * time.Second)

	doc := f.State()
	clk2 := mockClock()
	clk2.Set(clk.Now())
	g := fake.New(fake.WithClock(clk2), fake.WithObjects(bucket), fake.WithScenario(doc))
	require.Equal(t, doc, g.State())
	require.Len(t, g.Records(dataset), 1000, "the import job read its object again")
	for _, arn := range []string{v1, v2, training} {
		want, err := f.Personalize().DescribeSolutionVersion(e.ctx, &personalize.DescribeSolutionVersionInput{SolutionVersionArn: &arn})
		require.NoError(t, err)
		got, err := g.Personalize().DescribeSolutionVersion(e.ctx, &personalize.DescribeSolutionVersionInput{SolutionVersionArn: &arn})
		require.NoError(t, err)
		require.Equal(t, want.SolutionVersion, got.SolutionVersion)
	}
	got, err := g.Personalize().DescribeCampaign(e.ctx, &personalize.DescribeCampaignInput{CampaignArn: &c})
	require.NoError(t, err)
	require.Equal(t, v2, aws.ToString(got.Campaign.SolutionVersionArn))
	clk.Add(time.Hour)
	clk2.Add(time.Hour)
	require.Equal(t, f.State(), g.State(), "the training goes on from where it was")
}

// The dashboard shows the training kinds with their statuses, stopped versions too (which the
// state document leaves out).
func TestDashboardShowsTrainingKinds(t *testing.T) {
	t.Parallel()
	e := typedPZ(t, fake.WithObjects(bucket))
	group, _ := e.importedGroup(t, "g", "interactions.csv")
	s, v := e.trainedSolution(t, group, "recs", userPersonalization)
	e.campaign(t, "recs-campaign", v)
	stopped := e.version(t, s)
	_, err := e.pz.StopSolutionVersionCreation(e.ctx, &personalize.StopSolutionVersionCreationInput{SolutionVersionArn: &stopped})
	require.NoError(t, err)
	e.filter(t, "no-clicks", group, `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")`)
	status, _, body := rawCallBytes(t, e.f.Handler(), "GET", "/_fake/ui", nil, "")
	require.Equal(t, 200, status)
	page := string(body)
	for _, want := range []string{
		`<td class="kind">solution</td><td class="name">recs</td><td>aws-user-personalization</td>`,
		`<td class="kind">solution-version</td><td class="name">recs/` + v[len(v)-8:] + `</td><td>FULL</td><td class="status" data-status="ACTIVE">`,
		`data-status="CREATE STOPPED">CREATE STOPPED`,
		`<td class="kind">campaign</td><td class="name">recs-campaign</td>`, `data-status="CREATE PENDING">CREATE PENDING`,
		`<td class="kind">filter</td><td class="name">no-clicks</td>`,
		`<td class="kind">dataset-import-job</td><td class="name">g-import</td><td>FULL</td>`,
	} {
		require.Contains(t, page, want)
	}
	versions := 0
	for _, r := range e.f.State().Seeds.Resources {
		if r.Operation == "CreateSolutionVersion" {
			versions++
			require.NotEqual(t, stopped[len(stopped)-8:], r.IDs["id"], "no seed makes a stopped version")
		}
	}
	require.Equal(t, 1, versions)
}
