package recipes

import (
	"slices"
	"strings"
	"time"
)

// Algorithm is an algorithm a custom recipe trains with, as DescribeAlgorithm shows it. Its
// name and ARN, its default hyperparameters and their ranges come from the recipe's page; the
// rest is a documented guess (see the package documentation).
type Algorithm struct {
	// Name is the ARN's last part, such as "aws-sims"; ARN is arn:aws:personalize:::algorithm/<Name>.
	Name, ARN string
	// ImageName and DockerURI are the algorithmImage: the name, and a URI the fake makes up.
	ImageName, DockerURI string
	// DefaultHyperParameters are the recipe's algorithm hyperparameters and their defaults, in
	// the documentation's order.
	DefaultHyperParameters []Hyperparameter
	// Ranges are the ranges of the hyperparameters the recipe's page gives them.
	Ranges []Range
	// TrainingInputMode is "File" (a guess).
	TrainingInputMode string
	// Created and LastUpdated are the recipe's.
	Created, LastUpdated time.Time
}

// Range is the range of one hyperparameter, as defaultHyperParameterRanges lists it: integer
// or continuous bounds, or categorical values; whether HPO may tune it.
type Range struct {
	Name     string
	Kind     string // one of the Range constants
	Min, Max float64
	Values   []string
	Tunable  bool
}

// The kinds of hyperparameter range.
const (
	RangeInteger     = "integer"
	RangeContinuous  = "continuous"
	RangeCategorical = "categorical"
)

// FeatureTransformation is a feature transformation a custom recipe uses, as
// DescribeFeatureTransformation shows it.
type FeatureTransformation struct {
	// Name is the ARN's last part, such as "sims"; ARN is
	// arn:aws:personalize:::feature-transformation/<Name>.
	Name, ARN string
	// DefaultParameters are the featurization hyperparameters of the recipe that uses it and
	// their defaults, in the documentation's order.
	DefaultParameters []Hyperparameter
	// Status is always StatusActive.
	Status string
	// Created and LastUpdated are the recipe's.
	Created, LastUpdated time.Time
}

// ranges are the documented ranges of each algorithm's hyperparameters (each recipe's page:
// "Range: [lower bound, upper bound] ... HPO tunable"). The v2 recipes' apply_recency_bias and
// the affinity recipes' hidden_dimension have no "HPO tunable" row: not tunable, a guess.
var ranges = map[string][]Range{
	"aws-user-personalization": upRanges,
	"aws-personalized-ranking": upRanges,
	"aws-user-personalization-v2": {
		{Name: "apply_recency_bias", Kind: RangeCategorical, Values: []string{"true", "false"}},
	},
	"aws-personalized-ranking-v2": {
		{Name: "apply_recency_bias", Kind: RangeCategorical, Values: []string{"true", "false"}},
	},
	"aws-similar-items": {
		{Name: "item_id_hidden_dimension", Kind: RangeInteger, Min: 30, Max: 200, Tunable: true},
		{Name: "item_metadata_hidden_dimension", Kind: RangeInteger, Min: 30, Max: 200, Tunable: true},
	},
	"aws-sims": {
		{Name: "popularity_discount_factor", Kind: RangeContinuous, Min: 0, Max: 1, Tunable: true},
		{Name: "min_cointeraction_count", Kind: RangeInteger, Min: 0, Max: 10, Tunable: true},
	},
	"aws-item-affinity":           {{Name: "hidden_dimension", Kind: RangeInteger, Min: 32, Max: 256}},
	"aws-item-attribute-affinity": {{Name: "hidden_dimension", Kind: RangeInteger, Min: 32, Max: 256}},
}

// upRanges are User-Personalization's and Personalized-Ranking's.
var upRanges = []Range{
	{Name: "hidden_dimension", Kind: RangeInteger, Min: 32, Max: 256, Tunable: true},
	{Name: "bptt", Kind: RangeInteger, Min: 2, Max: 32, Tunable: true},
	{Name: "recency_mask", Kind: RangeCategorical, Values: []string{"true", "false"}, Tunable: true},
}

const (
	algorithmPrefix      = "arn:aws:personalize:::algorithm/"
	transformationPrefix = "arn:aws:personalize:::feature-transformation/"
)

// LookupAlgorithm returns the algorithm with an ARN (compared exactly): one that a served
// recipe names.
func LookupAlgorithm(arn string) (Algorithm, bool) {
	for _, r := range served {
		if r.AlgorithmARN == arn && arn != "" {
			return algorithmOf(r), true
		}
	}
	return Algorithm{}, false
}

// LookupFeatureTransformation returns the feature transformation with an ARN (compared
// exactly): one that a served recipe names. Two recipes may share one (aws-sims and
// aws-popularity-count share "sims"): its parameters are those of the first, by name, that
// documents any.
func LookupFeatureTransformation(arn string) (FeatureTransformation, bool) {
	var ft FeatureTransformation
	found := false
	for _, r := range served {
		if r.FeatureTransformationARN != arn || arn == "" {
			continue
		}
		params := byGroup(r.Hyperparameters, GroupFeaturization)
		if !found || len(ft.DefaultParameters) == 0 && len(params) > 0 {
			ft = FeatureTransformation{
				Name: strings.TrimPrefix(arn, transformationPrefix), ARN: arn, DefaultParameters: params,
				Status: StatusActive, Created: r.Created, LastUpdated: r.LastUpdated,
			}
		}
		found = true
	}
	return ft, found
}

// algorithmOf is a recipe's algorithm.
func algorithmOf(r Recipe) Algorithm {
	name := strings.TrimPrefix(r.AlgorithmARN, algorithmPrefix)
	rs := slices.Clone(ranges[name])
	for i := range rs {
		rs[i].Values = slices.Clone(rs[i].Values)
	}
	return Algorithm{
		Name: name, ARN: r.AlgorithmARN,
		ImageName: name, DockerURI: "personalize.amazonaws.com/algorithms/" + name + ":latest",
		DefaultHyperParameters: byGroup(r.Hyperparameters, GroupAlgorithm),
		Ranges:                 rs,
		TrainingInputMode:      "File",
		Created:                r.Created, LastUpdated: r.LastUpdated,
	}
}

// byGroup returns the hyperparameters of a group, in order.
func byGroup(hs []Hyperparameter, group string) []Hyperparameter {
	var out []Hyperparameter
	for _, h := range hs {
		if h.Group == group {
			out = append(out, h)
		}
	}
	return out
}
