package fake_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// ListRecipes serves AWS's catalogue sorted by name, a domain's use cases with a domain (the
// five aws-ecomm-* of a real 2024 listing), no retired HRNN recipe; DescribeRecipe the details.
func TestRecipes(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		var all []string
		p := personalize.NewListRecipesPaginator(e.pz, &personalize.ListRecipesInput{MaxResults: aws.Int32(7)})
		for p.HasMorePages() {
			page, err := p.NextPage(e.ctx)
			require.NoError(t, err)
			for _, r := range page.Recipes {
				all = append(all, aws.ToString(r.Name))
				require.Equal(t, "ACTIVE", aws.ToString(r.Status))
			}
		}
		require.IsIncreasing(t, all)
		require.Contains(t, all, "aws-user-personalization-v2")
		require.Contains(t, all, "aws-vod-top-picks")
		require.NotContains(t, all, "aws-hrnn")

		ecomm, err := e.pz.ListRecipes(e.ctx, &personalize.ListRecipesInput{Domain: pztypes.DomainEcommerce})
		require.NoError(t, err)
		var names []string
		for _, r := range ecomm.Recipes {
			names = append(names, aws.ToString(r.Name))
			require.Equal(t, pztypes.DomainEcommerce, r.Domain)
		}
		require.Equal(t, []string{"aws-ecomm-customers-who-viewed-x-also-viewed", "aws-ecomm-frequently-bought-together",
			"aws-ecomm-popular-items-by-purchases", "aws-ecomm-popular-items-by-views", "aws-ecomm-recommended-for-you"}, names)

		sims, err := e.pz.DescribeRecipe(e.ctx, &personalize.DescribeRecipeInput{RecipeArn: aws.String(simsRecipe)})
		require.NoError(t, err)
		r := sims.Recipe
		require.Equal(t, "aws-sims", aws.ToString(r.Name))
		require.Equal(t, "RELATED_ITEMS", aws.ToString(r.RecipeType))
		require.Equal(t, "arn:aws:personalize:::algorithm/aws-sims", aws.ToString(r.AlgorithmArn))
		require.Equal(t, "arn:aws:personalize:::feature-transformation/sims", aws.ToString(r.FeatureTransformationArn))
		require.Equal(t, time.Date(2019, 6, 10, 0, 0, 0, 0, time.UTC), aws.ToTime(r.CreationDateTime))
		_, err = e.pz.DescribeRecipe(e.ctx, &personalize.DescribeRecipeInput{RecipeArn: aws.String("arn:aws:personalize:::recipe/aws-hrnn")})
		requireCode(t, err, "ResourceNotFoundException")
	})
}

// Every new kind takes tags at creation and by TagResource, and its ARN names it for
// ListTagsForResource.
func TestTagsOnTrainingKinds(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		tags := []pztypes.Tag{{TagKey: aws.String("team"), TagValue: aws.String("recs")}}
		group := e.group(t, "g", "")
		dataset := e.interactions(t, group)
		_, trackingID := e.activeTracker(t, group)
		e.putClicks(t, trackingID, 2, 2)
		s, err := e.pz.CreateSolution(e.ctx, &personalize.CreateSolutionInput{Name: aws.String("s"), DatasetGroupArn: &group,
			RecipeArn: aws.String(simsRecipe), Tags: tags})
		require.NoError(t, err)
		e.clk.Add(time.Minute)
		v, err := e.pz.CreateSolutionVersion(e.ctx, &personalize.CreateSolutionVersionInput{SolutionArn: s.SolutionArn, Tags: tags})
		require.NoError(t, err)
		e.clk.Add(time.Hour)
		c, err := e.pz.CreateCampaign(e.ctx, &personalize.CreateCampaignInput{Name: aws.String("c"), SolutionVersionArn: v.SolutionVersionArn, Tags: tags})
		require.NoError(t, err)
		f, err := e.pz.CreateFilter(e.ctx, &personalize.CreateFilterInput{Name: aws.String("f"), DatasetGroupArn: &group, Tags: tags,
			FilterExpression: aws.String(`EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")`)})
		require.NoError(t, err)
		j, err := e.pz.CreateDatasetImportJob(e.ctx, &personalize.CreateDatasetImportJobInput{JobName: aws.String("j"), DatasetArn: &dataset, Tags: tags,
			DataSource: &pztypes.DataSource{DataLocation: aws.String("s3://b/k.csv")}, RoleArn: aws.String("arn:aws:iam::123456789012:role/r")})
		require.NoError(t, err)
		for _, arn := range []*string{s.SolutionArn, v.SolutionVersionArn, c.CampaignArn, f.FilterArn, j.DatasetImportJobArn} {
			_, err := e.pz.TagResource(e.ctx, &personalize.TagResourceInput{ResourceArn: arn, Tags: []pztypes.Tag{{TagKey: aws.String("env"), TagValue: aws.String("test")}}})
			require.NoError(t, err, aws.ToString(arn))
			out, err := e.pz.ListTagsForResource(e.ctx, &personalize.ListTagsForResourceInput{ResourceArn: arn})
			require.NoError(t, err)
			require.Len(t, out.Tags, 2, aws.ToString(arn))
		}
		_, err = e.pz.CreateFilter(e.ctx, &personalize.CreateFilterInput{Name: aws.String("f2"), DatasetGroupArn: &group,
			FilterExpression: aws.String(`EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("x")`),
			Tags: []pztypes.Tag{{TagKey: aws.String("a"), TagValue: aws.String("1")}, {TagKey: aws.String("b"), TagValue: aws.String("2")},
				{TagKey: aws.String("c"), TagValue: aws.String("3")}}})
		requireCode(t, err, "TooManyTagsException")
	}, fake.WithSmallDatasets(), fake.WithQuota(fake.Tags, 2))
}

// FailCreation works on every new kind with a status.
func TestFailCreationOfTrainingKinds(t *testing.T) {
	t.Parallel()
	s := scenario.New()
	for _, op := range []string{"CreateSolution", "CreateCampaign", "CreateFilter"} {
		s.On("personalize", op).FailCreation(op + " failed.")
	}
	seeded := scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "g", EventTracker: &scenario.EventTracker{Name: "t"}})
	e := typedPZ(t, fake.WithSmallDatasets(), fake.WithScenario(seeded))
	group := "arn:aws:personalize:us-east-1:123456789012:dataset-group/g"
	_, v := e.trainedSolution(t, group, "ok", simsRecipe)
	require.NoError(t, e.f.SetScenario(s))
	bad := e.solution(t, "bad", group, simsRecipe)
	c := e.campaign(t, "c", v)
	f := e.filter(t, "f", group, `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")`)
	e.clk.Add(10 * time.Minute)
	out, err := e.pz.DescribeSolution(e.ctx, &personalize.DescribeSolutionInput{SolutionArn: &bad})
	require.NoError(t, err)
	require.Equal(t, "CREATE FAILED", aws.ToString(out.Solution.Status))
	camp := e.describeCampaign(t, c)
	require.Equal(t, "CREATE FAILED", aws.ToString(camp.Status))
	require.Equal(t, "CreateCampaign failed.", aws.ToString(camp.FailureReason))
	flt, err := e.pz.DescribeFilter(e.ctx, &personalize.DescribeFilterInput{FilterArn: &f})
	require.NoError(t, err)
	require.Equal(t, "CreateFilter failed.", aws.ToString(flt.Filter.FailureReason))
	// A failed campaign can be updated, and is ACTIVE once the update is.
	_, err = e.pz.UpdateCampaign(e.ctx, &personalize.UpdateCampaignInput{CampaignArn: &c, MinProvisionedTPS: aws.Int32(2)})
	require.NoError(t, err)
	e.clk.Add(9 * time.Minute)
	require.Equal(t, "ACTIVE", e.campaignStatus(t, c))
	_, err = e.pz.CreateSolutionVersion(e.ctx, &personalize.CreateSolutionVersionInput{SolutionArn: &bad})
	require.Contains(t, requireCode(t, err, "ResourceInUseException"), "CREATE FAILED")
}
