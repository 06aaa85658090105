package fake_test

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// Which trials produced a model? The training job's trial component that SageMaker would have
// recorded is seeded between the dataset and the model; the question is asked as AWS's Python
// SDK asks it (Artifact.upstream_trials): QueryLineage to the trial components upstream, then
// Search over them, reading each one's Parents.
func ExampleSageMaker_Search() {
	f := fake.New(fake.WithScenario(scenario.New().
		SeedExperiment(scenario.Experiment{Name: "churn"}).
		SeedTrial(scenario.Trial{Name: "nightly-42", Experiment: "churn"}).
		SeedArtifact(scenario.Artifact{SourceURI: "s3://data/train.csv", ArtifactType: "DataSet", Label: "data"}).
		SeedArtifact(scenario.Artifact{SourceURI: "s3://models/churn.tar.gz", ArtifactType: "Model", Label: "model"}).
		SeedTrialComponent(scenario.TrialComponent{Name: "train-42-aws-training-job", Trials: []string{"nightly-42"}, Label: "job",
			SourceARN: "arn:aws:sagemaker:us-east-1:123456789012:training-job/train-42", SourceType: "SageMakerTrainingJob"}).
		SeedAssociation(scenario.Association{Source: "data", Destination: "job", Type: "ContributedTo"}).
		SeedAssociation(scenario.Association{Source: "job", Destination: "model", Type: "Produced"})))
	ctx := context.Background()
	sm := f.SageMaker()

	models, _ := sm.ListArtifacts(ctx, &sagemaker.ListArtifactsInput{SourceUri: aws.String("s3://models/churn.tar.gz")})
	up, _ := sm.QueryLineage(ctx, &sagemaker.QueryLineageInput{StartArns: []string{aws.ToString(models.ArtifactSummaries[0].ArtifactArn)},
		Direction: types.DirectionAscendants, Filters: &types.QueryFilters{LineageTypes: []types.LineageType{types.LineageTypeTrialComponent}}})
	var filters []types.Filter
	for _, v := range up.Vertices {
		fmt.Println(aws.ToString(v.Type), aws.ToString(v.Arn))
		filters = append(filters, types.Filter{Name: aws.String("TrialComponentArn"), Operator: types.OperatorEquals, Value: v.Arn})
	}
	hits, _ := sm.Search(ctx, &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrialComponent,
		SearchExpression: &types.SearchExpression{Filters: filters, Operator: types.BooleanOperatorOr}})
	for _, r := range hits.Results {
		for _, p := range r.TrialComponent.Parents {
			fmt.Println(aws.ToString(p.ExperimentName), aws.ToString(p.TrialName))
		}
	}
	// Output:
	// TrainingJob arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/train-42-aws-training-job
	// churn nightly-42
}
