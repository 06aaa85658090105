package fake_test

import (
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/recipes"
)

// Every algorithm and feature transformation a recipe names resolves, with the recipe's
// documented defaults.
func TestEveryRecipesAlgorithmResolves(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		algorithms, transformations := 0, 0
		for _, r := range recipes.All() {
			if r.AlgorithmARN != "" {
				algorithms++
				out, err := e.pz.DescribeAlgorithm(e.ctx, &personalize.DescribeAlgorithmInput{AlgorithmArn: &r.AlgorithmARN})
				require.NoError(t, err, r.Name)
				a := out.Algorithm
				require.Equal(t, r.AlgorithmARN, aws.ToString(a.AlgorithmArn))
				require.Equal(t, r.AlgorithmARN, "arn:aws:personalize:::algorithm/"+aws.ToString(a.Name))
				want := map[string]string{}
				for _, h := range r.Hyperparameters {
					if h.Group == recipes.GroupAlgorithm {
						want[h.Name] = h.Default
					}
				}
				if len(want) == 0 {
					want = nil
				}
				require.Equal(t, want, a.DefaultHyperParameters, r.Name)
				require.Equal(t, r.Created, aws.ToTime(a.CreationDateTime))
			}
			if r.FeatureTransformationARN != "" {
				transformations++
				out, err := e.pz.DescribeFeatureTransformation(e.ctx, &personalize.DescribeFeatureTransformationInput{FeatureTransformationArn: &r.FeatureTransformationARN})
				require.NoError(t, err, r.Name)
				require.Equal(t, "ACTIVE", aws.ToString(out.FeatureTransformation.Status))
				require.True(t, strings.HasSuffix(r.FeatureTransformationARN, "/"+aws.ToString(out.FeatureTransformation.Name)))
			}
		}
		require.Equal(t, 12, algorithms, "every custom recipe has one")
		require.Equal(t, 6, transformations)
	})
}

// What DescribeAlgorithm and DescribeFeatureTransformation show, whole, for SIMS.
func TestDescribeSIMSAlgorithm(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		created := time.Date(2019, 6, 10, 0, 0, 0, 0, time.UTC)
		updated := time.Date(2024, 6, 19, 16, 47, 19, 191_000_000, time.UTC)
		out, err := e.pz.DescribeAlgorithm(e.ctx, &personalize.DescribeAlgorithmInput{AlgorithmArn: aws.String("arn:aws:personalize:::algorithm/aws-sims")})
		require.NoError(t, err)
		want := pztypes.Algorithm{
			Name: aws.String("aws-sims"), AlgorithmArn: aws.String("arn:aws:personalize:::algorithm/aws-sims"),
			AlgorithmImage: &pztypes.AlgorithmImage{Name: aws.String("aws-sims"),
				DockerURI: aws.String("personalize.amazonaws.com/algorithms/aws-sims:latest")},
			DefaultHyperParameters: map[string]string{"popularity_discount_factor": "0.5", "min_cointeraction_count": "3"},
			DefaultHyperParameterRanges: &pztypes.DefaultHyperParameterRanges{
				ContinuousHyperParameterRanges: []pztypes.DefaultContinuousHyperParameterRange{
					{Name: aws.String("popularity_discount_factor"), MinValue: 0, MaxValue: 1, IsTunable: true}},
				IntegerHyperParameterRanges: []pztypes.DefaultIntegerHyperParameterRange{
					{Name: aws.String("min_cointeraction_count"), MinValue: 0, MaxValue: 10, IsTunable: true}},
			},
			TrainingInputMode: aws.String("File"), CreationDateTime: &created, LastUpdatedDateTime: &updated,
		}
		if diff := cmp.Diff(want, *out.Algorithm, ignoreSDK); diff != "" {
			t.Fatalf("DescribeAlgorithm (-want +got):\n%s", diff)
		}

		ft, err := e.pz.DescribeFeatureTransformation(e.ctx, &personalize.DescribeFeatureTransformationInput{
			FeatureTransformationArn: aws.String("arn:aws:personalize:::feature-transformation/sims")})
		require.NoError(t, err)
		wantFT := pztypes.FeatureTransformation{Name: aws.String("sims"), FeatureTransformationArn: aws.String("arn:aws:personalize:::feature-transformation/sims"),
			DefaultParameters: map[string]string{"min_user_history_length_percentile": "0.005", "max_user_history_length_percentile": "0.995",
				"min_item_interaction_count_percentile": "0.01", "max_item_interaction_count_percentile": "0.9"},
			Status: aws.String("ACTIVE"), CreationDateTime: &created, LastUpdatedDateTime: &updated}
		if diff := cmp.Diff(wantFT, *ft.FeatureTransformation, ignoreSDK); diff != "" {
			t.Fatalf("DescribeFeatureTransformation (-want +got):\n%s", diff)
		}

		for _, arn := range []string{"arn:aws:personalize:::algorithm/aws-hrnn", "arn:aws:personalize:::algorithm/nope",
			"arn:aws:personalize:us-east-1:123456789012:algorithm/aws-sims"} {
			_, err := e.pz.DescribeAlgorithm(e.ctx, &personalize.DescribeAlgorithmInput{AlgorithmArn: &arn})
			require.Equal(t, "Could not find resource: "+arn, requireCode(t, err, "ResourceNotFoundException"))
		}
		_, err = e.pz.DescribeFeatureTransformation(e.ctx, &personalize.DescribeFeatureTransformationInput{
			FeatureTransformationArn: aws.String("arn:aws:personalize:::feature-transformation/nope")})
		requireCode(t, err, "ResourceNotFoundException")
	})
}
