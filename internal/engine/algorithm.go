package engine

import (
	"sync"

	"github.com/awsfake/awsfake/internal/recipes"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// DescribeAlgorithm and DescribeFeatureTransformation: the algorithms and feature
// transformations the recipe catalogue names (internal/recipes), the same for every account and
// Region, as recipes are. An ARN no served recipe names is ResourceNotFoundException.

func (e *Engine) describeAlgorithm(w *world, in *personalize.DescribeAlgorithmInput, cx opContext) (*personalize.DescribeAlgorithmOutput, *Error) {
	a, ok := algorithms()[*in.AlgorithmArn]
	if !ok {
		return nil, resourceNotFound(*in.AlgorithmArn)
	}
	return &personalize.DescribeAlgorithmOutput{Algorithm: a}, nil
}

// algorithms are the catalogue's algorithms as DescribeAlgorithm shows them, made once: they
// never change, and outputs are only read (the doors copy them).
var algorithms = sync.OnceValue(func() map[string]*personalize.Algorithm {
	out := map[string]*personalize.Algorithm{}
	for _, r := range recipes.All() {
		if a, ok := recipes.LookupAlgorithm(r.AlgorithmARN); ok {
			out[a.ARN] = algorithmShape(a)
		}
	}
	return out
})

// algorithmShape is an algorithm as the model's Algorithm structure.
func algorithmShape(a recipes.Algorithm) *personalize.Algorithm {
	out := &personalize.Algorithm{
		Name:                   &a.Name,
		AlgorithmArn:           &a.ARN,
		AlgorithmImage:         &personalize.AlgorithmImage{Name: &a.ImageName, DockerURI: &a.DockerURI},
		DefaultHyperParameters: parameterMap(a.DefaultHyperParameters),
		TrainingInputMode:      &a.TrainingInputMode,
		CreationDateTime:       shape.T(a.Created),
		LastUpdatedDateTime:    shape.T(a.LastUpdated),
	}
	if len(a.Ranges) > 0 {
		out.DefaultHyperParameterRanges = hyperParameterRanges(a.Ranges)
	}
	return out
}

func (e *Engine) describeFeatureTransformation(w *world, in *personalize.DescribeFeatureTransformationInput, cx opContext) (*personalize.DescribeFeatureTransformationOutput, *Error) {
	ft, ok := recipes.LookupFeatureTransformation(*in.FeatureTransformationArn)
	if !ok {
		return nil, resourceNotFound(*in.FeatureTransformationArn)
	}
	return &personalize.DescribeFeatureTransformationOutput{FeatureTransformation: &personalize.FeatureTransformation{
		Name:                     &ft.Name,
		FeatureTransformationArn: &ft.ARN,
		DefaultParameters:        parameterMap(ft.DefaultParameters),
		Status:                   &ft.Status,
		CreationDateTime:         shape.T(ft.Created),
		LastUpdatedDateTime:      shape.T(ft.LastUpdated),
	}}, nil
}

// parameterMap is hyperparameters as the model's map of names to values; nil when there are none.
func parameterMap(hs []recipes.Hyperparameter) map[string]string {
	if len(hs) == 0 {
		return nil
	}
	out := make(map[string]string, len(hs))
	for _, h := range hs {
		out[h.Name] = h.Default
	}
	return out
}

// hyperParameterRanges sorts ranges into the model's three lists.
func hyperParameterRanges(rs []recipes.Range) *personalize.DefaultHyperParameterRanges {
	out := &personalize.DefaultHyperParameterRanges{}
	for _, r := range rs {
		name, tunable := r.Name, r.Tunable
		switch r.Kind {
		case recipes.RangeInteger:
			lo, hi := int32(r.Min), int32(r.Max)
			out.IntegerHyperParameterRanges = append(out.IntegerHyperParameterRanges, personalize.DefaultIntegerHyperParameterRange{
				Name: &name, MinValue: &lo, MaxValue: &hi, IsTunable: &tunable})
		case recipes.RangeContinuous:
			lo, hi := r.Min, r.Max
			out.ContinuousHyperParameterRanges = append(out.ContinuousHyperParameterRanges, personalize.DefaultContinuousHyperParameterRange{
				Name: &name, MinValue: &lo, MaxValue: &hi, IsTunable: &tunable})
		case recipes.RangeCategorical:
			out.CategoricalHyperParameterRanges = append(out.CategoricalHyperParameterRanges, personalize.DefaultCategoricalHyperParameterRange{
				Name: &name, Values: r.Values, IsTunable: &tunable})
		}
	}
	return out
}
