package deployrecorder_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/examples/deployrecorder"
	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

var churnRun = deployrecorder.TrainingRun{Experiment: "churn", Trial: "churn-2026-11", Name: "train-v7",
	DatasetURI: "s3://data/churn/train.csv", ModelURI: "s3://models/churn/v7.tar.gz",
	Parameters: map[string]float64{"eta": 0.2, "rounds": 100},
	Started:    time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC), Ended: time.Date(2026, 11, 21, 11, 0, 0, 0, time.UTC), Succeeded: true}

func experimentClients(f *fake.Fake) map[string]deployrecorder.ExperimentsAPI {
	return map[string]deployrecorder.ExperimentsAPI{"typed door": f.SageMaker(), "sagemaker.Client": sagemaker.NewFromConfig(f.AWSConfig())}
}

// A training run is a trial component in its trial, between its dataset and its model, with
// its parameters, status and times; recording it again changes nothing.
func TestRecordTrainingLinksDatasetRunAndModel(t *testing.T) {
	t.Parallel()
	for name, api := range experimentClients(fake.New()) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			r := &deployrecorder.TrainingRecorder{API: api}
			l, err := r.RecordTraining(ctx, churnRun)
			require.NoError(t, err)
			require.Equal(t, "arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/train-v7", l.TrialComponent)
			again, err := r.RecordTraining(ctx, churnRun)
			require.NoError(t, err, "a retried step must not fail")
			require.Equal(t, l, again)

			sm := api.(fake.SageMakerAPI)
			c, err := sm.DescribeTrialComponent(ctx, &sagemaker.DescribeTrialComponentInput{TrialComponentName: aws.String("train-v7")})
			require.NoError(t, err)
			require.Equal(t, types.TrialComponentPrimaryStatusCompleted, c.Status.PrimaryStatus)
			require.Equal(t, &types.TrialComponentParameterValueMemberNumberValue{Value: 100}, c.Parameters["rounds"])
			require.Equal(t, churnRun.Ended, aws.ToTime(c.EndTime))
			models, err := sm.QueryLineage(ctx, &sagemaker.QueryLineageInput{StartArns: []string{l.Dataset}, Direction: types.DirectionDescendants,
				Filters: &types.QueryFilters{LineageTypes: []types.LineageType{types.LineageTypeArtifact}, Types: []string{deployrecorder.ModelType}}})
			require.NoError(t, err)
			require.Equal(t, l.Model, aws.ToString(models.Vertices[0].Arn), "dataset -> run -> model")
			trials, err := r.TrialsOf(ctx, l.Model)
			require.NoError(t, err)
			require.Equal(t, []string{"churn-2026-11"}, trials)
		})
	}
}

// TrialsOf finds every trial whose runs produced a model, past Search's 20 filters and its
// pages, and none of the trials of other models.
func TestTrialsOfAModel(t *testing.T) {
	t.Parallel()
	f := fake.ForTest(t)
	r := &deployrecorder.TrainingRecorder{API: sagemaker.NewFromConfig(f.AWSConfig())}
	ctx := context.Background()
	var want []string
	var model string
	for i := range 25 {
		run := churnRun
		run.Name, run.Trial, run.ModelURI = fmt.Sprintf("retrain-%02d", i), fmt.Sprintf("week-%02d", i), "s3://models/churn/latest.tar.gz"
		l, err := r.RecordTraining(ctx, run)
		require.NoError(t, err)
		model = l.Model
		want = append(want, run.Trial)
	}
	other := churnRun
	other.Trial, other.Name = "other", "other-run"
	otherLineage, err := r.RecordTraining(ctx, other)
	require.NoError(t, err)

	trials, err := r.TrialsOf(ctx, model)
	require.NoError(t, err)
	require.Equal(t, want, trials)
	trials, err = r.TrialsOf(ctx, otherLineage.Model)
	require.NoError(t, err)
	require.Equal(t, []string{"other"}, trials)
}

// A job's trial component that SageMaker recorded (seeded here) answers the same question:
// TrialsOf asks only what AWS records.
func TestTrialsOfAModelAJobProduced(t *testing.T) {
	t.Parallel()
	f := fake.ForTest(t, fake.WithScenario(scenario.New().
		SeedExperiment(scenario.Experiment{Name: "churn"}).
		SeedTrial(scenario.Trial{Name: "nightly", Experiment: "churn"}).
		SeedArtifact(scenario.Artifact{SourceURI: "s3://models/churn/job.tar.gz", ArtifactType: "Model", Label: "model"}).
		SeedTrialComponent(scenario.TrialComponent{Name: "job-aws-training-job", Trials: []string{"nightly"}, Label: "job",
			SourceARN: "arn:aws:sagemaker:us-east-1:123456789012:training-job/job", SourceType: "SageMakerTrainingJob"}).
		SeedAssociation(scenario.Association{Source: "job", Destination: "model", Type: "Produced"})))
	r := &deployrecorder.TrainingRecorder{API: f.SageMaker()}
	ctx := context.Background()
	arts, err := f.SageMaker().ListArtifacts(ctx, &sagemaker.ListArtifactsInput{SourceUri: aws.String("s3://models/churn/job.tar.gz")})
	require.NoError(t, err)
	trials, err := r.TrialsOf(ctx, aws.ToString(arts.ArtifactSummaries[0].ArtifactArn))
	require.NoError(t, err)
	require.Equal(t, []string{"nightly"}, trials)
}

// A response lost after the component was made (a network failure): the retry meets "already
// exists" and updates the component instead.
func TestRecordTrainingSurvivesALostResponse(t *testing.T) {
	t.Parallel()
	s := scenario.New()
	s.On("sagemaker", "CreateTrialComponent").Times(1).LoseResponse(scenario.InternalFailure())
	f := fake.ForTest(t, fake.WithScenario(s))
	r := &deployrecorder.TrainingRecorder{API: f.SageMaker()}
	ctx := context.Background()
	_, err := r.RecordTraining(ctx, churnRun)
	require.Error(t, err)
	l, err := r.RecordTraining(ctx, churnRun)
	require.NoError(t, err)
	trials, err := r.TrialsOf(ctx, l.Model)
	require.NoError(t, err)
	require.Equal(t, []string{"churn-2026-11"}, trials)
}
