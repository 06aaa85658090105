package engine

import (
	"strconv"

	"github.com/awsfake/awsfake/internal/recipes"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// Recipes are AWS's, the same in every account and Region: package recipes holds the catalogue
// as data, and these operations serve it. A recipe is not a resource of a world (no table, no
// tags, no state); ListRecipes lists by name, as both real listings were.

func (e *Engine) listRecipes(w *world, in *personalize.ListRecipesInput, cx opContext) (*personalize.ListRecipesOutput, *Error) {
	list := recipes.List(deref(in.Domain))
	start := 0
	if in.NextToken != nil && *in.NextToken != "" {
		parts, ok := openToken(*in.NextToken, 3)
		if !ok || parts[0] != "recipes" || parts[1] != deref(in.Domain) {
			return nil, invalidNextToken(*in.NextToken)
		}
		start, _ = strconv.Atoi(parts[2])
	}
	start = min(start, len(list))
	end := min(start+pageSize(in.MaxResults, 100), len(list))
	out := &personalize.ListRecipesOutput{Recipes: make([]personalize.RecipeSummary, 0, end-start)}
	for _, r := range list[start:end] {
		out.Recipes = append(out.Recipes, personalize.RecipeSummary{
			Name: &r.Name, RecipeArn: &r.ARN, Status: &r.Status, Domain: orNil(r.Domain),
			CreationDateTime: shape.T(r.Created), LastUpdatedDateTime: shape.T(r.LastUpdated),
		})
	}
	if end < len(list) {
		tok := sealToken("recipes", deref(in.Domain), strconv.Itoa(end))
		out.NextToken = &tok
	}
	return out, nil
}

func (e *Engine) describeRecipe(w *world, in *personalize.DescribeRecipeInput, cx opContext) (*personalize.DescribeRecipeOutput, *Error) {
	r, ok := recipes.Lookup(*in.RecipeArn)
	if !ok {
		return nil, resourceNotFound(*in.RecipeArn)
	}
	return &personalize.DescribeRecipeOutput{Recipe: &personalize.Recipe{
		Name: &r.Name, RecipeArn: &r.ARN, AlgorithmArn: orNil(r.AlgorithmARN), FeatureTransformationArn: orNil(r.FeatureTransformationARN),
		Status: &r.Status, Description: orNil(r.Description), RecipeType: &r.Type,
		CreationDateTime: shape.T(r.Created), LastUpdatedDateTime: shape.T(r.LastUpdated),
	}}, nil
}
