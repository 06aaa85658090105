package recipes_test

import (
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/model"
	"github.com/awsfake/awsfake/internal/recipes"
)

// Every range belongs to a default hyperparameter of its algorithm and holds its default; names
// fit the model's Name constraint.
func TestAlgorithmRangesHoldTheirDefaults(t *testing.T) {
	t.Parallel()
	nameRE := model.RegexpFor(model.Lookup("personalize", "DescribeAlgorithm").Output.Members["algorithm"].Members["name"].Pattern)
	for _, r := range recipes.All() {
		if r.AlgorithmARN == "" {
			continue
		}
		t.Run(r.Name, func(t *testing.T) {
			t.Parallel()
			a, ok := recipes.LookupAlgorithm(r.AlgorithmARN)
			require.True(t, ok)
			require.True(t, nameRE.MatchString(a.Name), a.Name)
			require.LessOrEqual(t, len(a.Name), 63)
			for _, rg := range a.Ranges {
				i := slices.IndexFunc(a.DefaultHyperParameters, func(h recipes.Hyperparameter) bool { return h.Name == rg.Name })
				require.GreaterOrEqual(t, i, 0, "%s has a range and no default", rg.Name)
				def := a.DefaultHyperParameters[i].Default
				switch rg.Kind {
				case recipes.RangeCategorical:
					require.Contains(t, rg.Values, def, rg.Name)
				case recipes.RangeInteger, recipes.RangeContinuous:
					v, err := strconv.ParseFloat(def, 64)
					require.NoError(t, err)
					require.True(t, rg.Min <= v && v <= rg.Max, "%s: %v not in [%v, %v]", rg.Name, v, rg.Min, rg.Max)
				default:
					t.Fatalf("%s: unknown kind %q", rg.Name, rg.Kind)
				}
			}
		})
	}
}

// Lookups hand out copies: changing one does not change the catalogue.
func TestAlgorithmLookupsAreCopies(t *testing.T) {
	t.Parallel()
	const arn = "arn:aws:personalize:::algorithm/aws-user-personalization"
	a, ok := recipes.LookupAlgorithm(arn)
	require.True(t, ok)
	a.Ranges[2].Values[0] = "changed"
	a.DefaultHyperParameters[0].Default = "changed"
	b, _ := recipes.LookupAlgorithm(arn)
	require.Equal(t, []string{"true", "false"}, b.Ranges[2].Values)
	require.Equal(t, "149", b.DefaultHyperParameters[0].Default)

	_, ok = recipes.LookupAlgorithm("")
	require.False(t, ok, "domain recipes have no algorithm ARN; the empty one resolves to nothing")
	_, ok = recipes.LookupFeatureTransformation("")
	require.False(t, ok)
	ft, ok := recipes.LookupFeatureTransformation("arn:aws:personalize:::feature-transformation/sims")
	require.True(t, ok)
	require.Len(t, ft.DefaultParameters, 4, "aws-sims documents them; aws-popularity-count, which shares it, does not")
}
