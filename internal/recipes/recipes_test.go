package recipes_test

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/model"
	"github.com/awsfake/awsfake/internal/recipes"
)

// recipeShape is DescribeRecipe's Recipe structure in the service model.
func recipeShape(t *testing.T) *model.Shape {
	t.Helper()
	op := model.Lookup("personalize", "DescribeRecipe")
	require.NotNil(t, op, "the model has DescribeRecipe")
	s := op.Output.Members["recipe"]
	require.NotNil(t, s, "DescribeRecipe's output has a recipe member")
	return s
}

func names(list []recipes.Recipe) []string {
	out := make([]string, len(list))
	for i, r := range list {
		out[i] = r.Name
	}
	return out
}

func TestEveryRecipeFitsTheModel(t *testing.T) {
	t.Parallel()
	shape := recipeShape(t)
	arn := shape.Members["recipeArn"]
	name := shape.Members["name"]
	arnRE := model.RegexpFor(arn.Pattern)
	nameRE := model.RegexpFor(name.Pattern)
	all := recipes.All()
	require.NotEmpty(t, all)
	for _, r := range all {
		t.Run(r.Name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, "arn:aws:personalize:::recipe/"+r.Name, r.ARN)
			for what, v := range map[string]string{"recipeArn": r.ARN, "algorithmArn": r.AlgorithmARN, "featureTransformationArn": r.FeatureTransformationARN} {
				if v == "" && what != "recipeArn" {
					continue
				}
				require.Truef(t, arnRE.MatchString(v), "%s %q matches %s", what, v, arn.Pattern)
				require.LessOrEqual(t, int64(len(v)), *arn.Max, what)
			}
			require.Truef(t, nameRE.MatchString(r.Name), "name %q matches %s", r.Name, name.Pattern)
			require.GreaterOrEqual(t, int64(utf8.RuneCountInString(r.Name)), *name.Min)
			require.LessOrEqual(t, int64(utf8.RuneCountInString(r.Name)), *name.Max)
			require.Equal(t, recipes.StatusActive, r.Status)
			require.NotEmpty(t, r.Description)
			require.False(t, r.Created.IsZero())
			require.False(t, r.LastUpdated.Before(r.Created), "last updated after created")
			require.Equal(t, time.UTC, r.Created.Location())
			require.True(t, strings.HasPrefix(r.Source, "https://docs.aws.amazon.com/personalize/latest/dg/"), r.Source)
		})
	}
}

func TestRecipesAreConsistent(t *testing.T) {
	t.Parallel()
	types := []string{recipes.TypeUserPersonalization, recipes.TypePersonalizedRanking, recipes.TypeRelatedItems,
		recipes.TypePopularItems, recipes.TypePersonalizedActions, recipes.TypeUserSegmentation}
	datasets := []string{recipes.Interactions, recipes.Items, recipes.Users, recipes.Actions, recipes.ActionInteractions}
	needs := []string{recipes.NeedRequired, recipes.NeedForFilters, recipes.NeedNotUsed}
	// The operation each rule answers on.
	runtime := map[string]string{
		recipes.FamilyUserPersonalization: recipes.GetRecommendations,
		recipes.FamilyPopularity:          recipes.GetRecommendations,
		recipes.FamilyTrending:            recipes.GetRecommendations,
		recipes.FamilySimilarItems:        recipes.GetRecommendations,
		recipes.FamilySemanticSimilarity:  recipes.GetRecommendations,
		recipes.FamilyRanking:             recipes.GetPersonalizedRanking,
		recipes.FamilyNextBestAction:      recipes.GetActionRecommendations,
		recipes.FamilyUserSegmentation:    "",
	}
	for _, r := range recipes.All() {
		t.Run(r.Name, func(t *testing.T) {
			t.Parallel()
			require.Contains(t, types, r.Type)
			want, ok := runtime[r.Family]
			require.Truef(t, ok, "family %q is one of the constants", r.Family)
			require.Equal(t, want, r.Runtime)
			require.Contains(t, needs, r.UserID)
			require.Contains(t, needs, r.ItemID)
			require.NotEmpty(t, r.Requires)
			for _, d := range slices.Concat(r.Requires, r.Uses) {
				require.Contains(t, datasets, d)
			}
			for _, d := range r.Uses {
				require.NotContains(t, r.Requires, d, "a dataset is either required or optional")
			}
			if r.Domain != "" {
				require.NotEmpty(t, r.UseCase)
				require.Equal(t, recipes.GetRecommendations, r.Runtime)
				require.False(t, r.BatchInference || r.BatchSegment, "recommenders have no batch jobs")
				require.True(t, strings.HasPrefix(r.Name, map[string]string{recipes.DomainECommerce: "aws-ecomm-", recipes.DomainVideoOnDemand: "aws-vod-"}[r.Domain]))
			}
			if r.Type == recipes.TypeRelatedItems {
				require.Equal(t, recipes.NeedRequired, r.ItemID, "related items need the item")
			}
			if r.Type == recipes.TypePersonalizedRanking || r.Family == recipes.FamilyNextBestAction {
				require.Equal(t, recipes.NeedRequired, r.UserID)
			}
			require.Equal(t, r.Type == recipes.TypeUserSegmentation, r.BatchSegment)
			for _, h := range r.Hyperparameters {
				require.Contains(t, []string{recipes.GroupAlgorithm, recipes.GroupFeaturization, recipes.GroupItemExploration}, h.Group, h.Name)
				require.NotEmpty(t, h.Default, h.Name)
			}
		})
	}
}

func TestListFiltersByDomainAndSortsByName(t *testing.T) {
	t.Parallel()
	custom := []string{
		"aws-item-affinity", "aws-item-attribute-affinity", "aws-next-best-action",
		"aws-personalized-ranking", "aws-personalized-ranking-v2", "aws-popularity-count",
		"aws-semantic-similarity", "aws-similar-items", "aws-sims", "aws-trending-now",
		"aws-user-personalization", "aws-user-personalization-v2",
	}
	ecommerce := []string{
		// Exactly what ListRecipes(domain=ECOMMERCE) returned in July 2024 (facts §1.3).
		"aws-ecomm-customers-who-viewed-x-also-viewed", "aws-ecomm-frequently-bought-together",
		"aws-ecomm-popular-items-by-purchases", "aws-ecomm-popular-items-by-views", "aws-ecomm-recommended-for-you",
	}
	vod := []string{
		"aws-vod-because-you-watched-x", "aws-vod-more-like-x", "aws-vod-most-popular",
		"aws-vod-top-picks", "aws-vod-trending-now",
	}
	all := slices.Concat(custom, ecommerce, vod)
	slices.Sort(all)
	tests := []struct {
		domain string
		want   []string
	}{
		{"", all},
		{recipes.DomainECommerce, ecommerce},
		{recipes.DomainVideoOnDemand, vod},
		{"RETAIL", []string{}},
		{"ecommerce", []string{}}, // the enum is exact; the model refuses it before List
	}
	for _, tc := range tests {
		t.Run("domain="+tc.domain, func(t *testing.T) {
			t.Parallel()
			got := recipes.List(tc.domain)
			if diff := cmp.Diff(tc.want, names(got)); diff != "" {
				t.Fatalf("List(%q) names (-want +got):\n%s", tc.domain, diff)
			}
			for _, r := range got {
				if tc.domain != "" {
					require.Equal(t, tc.domain, r.Domain)
				}
			}
		})
	}
	t.Run("custom recipes have no domain", func(t *testing.T) {
		t.Parallel()
		var got []string
		for _, r := range recipes.All() {
			if r.Domain == "" {
				got = append(got, r.Name)
			}
		}
		require.Equal(t, custom, got)
	})
	t.Run("use cases are the domain recipes", func(t *testing.T) {
		t.Parallel()
		require.Equal(t, ecommerce, names(recipes.UseCases(recipes.DomainECommerce)))
		require.Equal(t, vod, names(recipes.UseCases(recipes.DomainVideoOnDemand)))
		both := slices.Concat(ecommerce, vod)
		slices.Sort(both)
		require.Equal(t, both, names(recipes.UseCases("")))
	})
}

func TestLookup(t *testing.T) {
	t.Parallel()
	tests := []struct {
		arn      string
		found    bool
		wantType string
		retired  bool
	}{
		{"arn:aws:personalize:::recipe/aws-user-personalization-v2", true, recipes.TypeUserPersonalization, false},
		{"arn:aws:personalize:::recipe/aws-sims", true, recipes.TypeRelatedItems, false},
		{"arn:aws:personalize:::recipe/aws-personalized-ranking", true, recipes.TypePersonalizedRanking, false},
		{"arn:aws:personalize:::recipe/aws-item-affinity", true, recipes.TypeUserSegmentation, false},
		{"arn:aws:personalize:::recipe/aws-ecomm-recommended-for-you", true, recipes.TypeUserPersonalization, false},
		{"arn:aws:personalize:::recipe/aws-vod-more-like-x", true, recipes.TypeRelatedItems, false},
		{"arn:aws:personalize:::recipe/aws-hrnn", false, "", true},
		{"arn:aws:personalize:::recipe/aws-hrnn-coldstart", false, "", true},
		{"arn:aws:personalize:::recipe/AWS-SIMS", false, "", false},
		{"arn:aws:personalize:us-east-1:123456789012:recipe/aws-sims", false, "", false},
		{"aws-sims", false, "", false},
		{"", false, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.arn, func(t *testing.T) {
			t.Parallel()
			r, ok := recipes.Lookup(tc.arn)
			require.Equal(t, tc.found, ok)
			if ok {
				require.Equal(t, tc.arn, r.ARN)
				require.Equal(t, tc.wantType, r.Type)
			}
			old, isRetired := recipes.Retired(tc.arn)
			require.Equal(t, tc.retired, isRetired)
			if isRetired {
				require.Equal(t, tc.arn, old.ARN)
				require.Contains(t, old.Source, "legacy")
			}
		})
	}
}

func TestRecipeDetails(t *testing.T) {
	t.Parallel()
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	last := time.Date(2024, 6, 19, 16, 47, 19, 191_000_000, time.UTC)
	tests := []struct {
		name                       string
		created                    time.Time
		userID, itemID             string
		requires, uses             []string
		algorithm, transformation  string
		batch, update, incremental bool
	}{
		{"aws-user-personalization", day(2019, 6, 10), recipes.NeedRequired, recipes.NeedNotUsed,
			[]string{recipes.Interactions}, []string{recipes.Items, recipes.Users},
			"arn:aws:personalize:::algorithm/aws-user-personalization", "", true, true, false},
		{"aws-popularity-count", day(2019, 6, 10), recipes.NeedForFilters, recipes.NeedNotUsed,
			[]string{recipes.Interactions}, nil,
			"arn:aws:personalize:::algorithm/aws-popularity-count", "arn:aws:personalize:::feature-transformation/sims", true, false, false},
		{"aws-trending-now", day(2019, 6, 10), recipes.NeedForFilters, recipes.NeedNotUsed,
			[]string{recipes.Interactions}, nil,
			"arn:aws:personalize:::algorithm/aws-trending-now-custom", "", false, false, false},
		{"aws-personalized-ranking-v2", day(2024, 1, 1), recipes.NeedRequired, recipes.NeedNotUsed,
			[]string{recipes.Interactions}, []string{recipes.Items, recipes.Users},
			"arn:aws:personalize:::algorithm/aws-personalized-ranking-v2", "", true, false, false},
		{"aws-semantic-similarity", day(2019, 6, 10), recipes.NeedForFilters, recipes.NeedRequired,
			[]string{recipes.Items}, []string{recipes.Interactions},
			"arn:aws:personalize:::algorithm/aws-semantic-similarity", "arn:aws:personalize:::feature-transformation/aws-semantic-similarity", true, false, true},
		{"aws-next-best-action", day(2023, 8, 11), recipes.NeedRequired, recipes.NeedNotUsed,
			[]string{recipes.Actions, recipes.Interactions}, []string{recipes.ActionInteractions, recipes.Items, recipes.Users},
			"arn:aws:personalize:::algorithm/aws-next-best-action", "", false, false, false},
		{"aws-item-attribute-affinity", day(2021, 8, 25), recipes.NeedNotUsed, recipes.NeedNotUsed,
			[]string{recipes.Interactions, recipes.Items}, nil,
			"arn:aws:personalize:::algorithm/aws-item-attribute-affinity", "arn:aws:personalize:::feature-transformation/item-attribute-affinity", false, false, false},
		{"aws-ecomm-frequently-bought-together", day(2019, 6, 10), recipes.NeedForFilters, recipes.NeedRequired,
			[]string{recipes.Interactions}, nil, "", "", false, false, false},
		{"aws-vod-top-picks", day(2019, 6, 10), recipes.NeedRequired, recipes.NeedNotUsed,
			[]string{recipes.Interactions, recipes.Items}, nil, "", "", false, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r, ok := recipes.Lookup(recipes.ARN(tc.name))
			require.True(t, ok)
			require.Equal(t, tc.created, r.Created)
			require.Equal(t, last, r.LastUpdated)
			require.Equal(t, [2]string{tc.userID, tc.itemID}, [2]string{r.UserID, r.ItemID}, "userId, itemId")
			require.Equal(t, tc.requires, r.Requires)
			require.Equal(t, tc.uses, r.Uses)
			require.Equal(t, tc.algorithm, r.AlgorithmARN)
			require.Equal(t, tc.transformation, r.FeatureTransformationARN)
			require.Equal(t, [3]bool{tc.batch, tc.update, tc.incremental}, [3]bool{r.BatchInference, r.UpdateTraining, r.IncrementalUpdate}, "batch inference, UPDATE, incremental")
			for _, d := range tc.requires {
				require.True(t, r.Needs(d) && r.CanUse(d), d)
			}
			for _, d := range tc.uses {
				require.True(t, !r.Needs(d) && r.CanUse(d), d)
			}
			require.True(t, r.Needs(strings.ToLower(tc.requires[0])), "dataset types compare ignoring case")
		})
	}
}

func TestDomainUseCasesCountTheirEventTypes(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, event, excludes, family string }{
		{"aws-ecomm-popular-items-by-views", "View", "", recipes.FamilyPopularity},
		{"aws-ecomm-popular-items-by-purchases", "Purchase", "", recipes.FamilyPopularity},
		{"aws-ecomm-customers-who-viewed-x-also-viewed", "View", "Purchase", recipes.FamilySimilarItems},
		{"aws-ecomm-recommended-for-you", "", "Purchase", recipes.FamilyUserPersonalization},
		{"aws-vod-because-you-watched-x", "Watch", "Watch", recipes.FamilySimilarItems},
		{"aws-vod-most-popular", "Watch", "", recipes.FamilyPopularity},
		{"aws-vod-trending-now", "", "", recipes.FamilyTrending},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r, ok := recipes.Lookup(recipes.ARN(tc.name))
			require.True(t, ok)
			require.Equal(t, tc.event, r.EventType)
			require.Equal(t, tc.excludes, r.ExcludesEventType)
			require.Equal(t, tc.family, r.Family)
			require.Equal(t, 1000, r.MinEvents)
			require.Equal(t, r.Family == recipes.FamilyUserPersonalization, r.AutoUpdates)
		})
	}
}

func TestHyperparameterDefaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		recipe string
		want   map[string]string
	}{
		{"aws-user-personalization", map[string]string{"hidden_dimension": "149", "bptt": "32", "recency_mask": "true",
			"min_user_history_length_percentile": "0.0", "max_user_history_length_percentile": "0.99",
			"exploration_weight": "0.3", "exploration_item_age_cut_off": "30.0"}},
		{"aws-personalized-ranking", map[string]string{"hidden_dimension": "149", "bptt": "32", "recency_mask": "true",
			"min_user_history_length_percentile": "0.0", "max_user_history_length_percentile": "0.99"}},
		{"aws-sims", map[string]string{"popularity_discount_factor": "0.5", "min_cointeraction_count": "3",
			"min_user_history_length_percentile": "0.005", "max_user_history_length_percentile": "0.995",
			"min_item_interaction_count_percentile": "0.01", "max_item_interaction_count_percentile": "0.9"}},
		{"aws-user-personalization-v2", map[string]string{"apply_recency_bias": "true"}},
		{"aws-next-best-action", map[string]string{"action_optimization_period": "14"}},
		{"aws-popularity-count", map[string]string{}},
	}
	for _, tc := range tests {
		t.Run(tc.recipe, func(t *testing.T) {
			t.Parallel()
			r, ok := recipes.Lookup(recipes.ARN(tc.recipe))
			require.True(t, ok)
			got := map[string]string{}
			for _, h := range r.Hyperparameters {
				got[h.Name] = h.Default
			}
			require.Equal(t, tc.want, got)
		})
	}
}

func TestResultsAreCopies(t *testing.T) {
	t.Parallel()
	arn := recipes.ARN("aws-sims")
	first, ok := recipes.Lookup(arn)
	require.True(t, ok)
	first.Requires[0] = "CHANGED"
	first.Hyperparameters[0].Default = "CHANGED"
	for _, r := range recipes.All() {
		if r.ARN == arn {
			r.Requires[0] = "CHANGED TOO"
		}
	}
	again, _ := recipes.Lookup(arn)
	require.Equal(t, []string{recipes.Interactions}, again.Requires)
	require.Equal(t, "0.5", again.Hyperparameters[0].Default)
}

func TestNamesAndARNsAreUnique(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, r := range recipes.All() {
		require.False(t, seen[r.ARN], "duplicate %s", r.ARN)
		seen[r.ARN] = true
	}
	for _, name := range []string{"aws-hrnn", "aws-hrnn-metadata", "aws-hrnn-coldstart"} {
		require.False(t, seen[recipes.ARN(name)], "%s is retired, not served", name)
	}
}
