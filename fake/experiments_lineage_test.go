package fake_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

const (
	trainingJob = "arn:aws:sagemaker:us-east-1:123456789012:training-job/train-1"
	jobTC       = trialComponentARN + "train-1-aws-training-job"
)

// trainingRun seeds what SageMaker records for a training job: a component with the job's
// Source, in a trial, between its dataset and its model (AWS's client convention: inputs
// ContributedTo the component, which Produced the outputs).
func trainingRun() *scenario.Scenario {
	return scenario.New().
		SeedExperiment(scenario.Experiment{Name: "churn"}).
		SeedTrial(scenario.Trial{Name: "run-1", Experiment: "churn"}).
		SeedArtifact(scenario.Artifact{SourceURI: "s3://data/train.csv", ArtifactType: "DataSet", Label: "data"}).
		SeedArtifact(scenario.Artifact{SourceURI: "s3://out/model.tar.gz", ArtifactType: "Model", Label: "model"}).
		SeedTrialComponent(scenario.TrialComponent{Name: "train-1-aws-training-job", Trials: []string{"run-1"}, Label: "job",
			SourceARN: trainingJob, SourceType: "SageMakerTrainingJob", Status: "Completed",
			SourceTags: map[string]string{"sagemaker:pipeline-execution-arn": "arn:aws:sagemaker:us-east-1:123456789012:pipeline/p/execution/e1"}}).
		SeedAssociation(scenario.Association{Source: "data", Destination: "job", Type: "ContributedTo"}).
		SeedAssociation(scenario.Association{Source: "job", Destination: "model", Type: "Produced"})
}

func artifactARNOf(t *testing.T, e *env, uri string) string {
	t.Helper()
	out, err := e.api.ListArtifacts(e.ctx, &sagemaker.ListArtifactsInput{SourceUri: aws.String(uri)})
	require.NoError(t, err)
	require.Len(t, out.ArtifactSummaries, 1)
	return aws.ToString(out.ArtifactSummaries[0].ArtifactArn)
}

// A job's trial component is a lineage vertex with LineageType TrialComponent and the job's
// type, found by both filters; ListAssociations gives its Source type; and the calls AWS's
// Python SDK makes from there (describe by the ARN's name, ListTags on the job, Search over
// the component's parents) answer what it reads.
func TestTrialComponentsInTheLineageGraph(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		model := artifactARNOf(t, e, "s3://out/model.tar.gz")
		q := func(in *sagemaker.QueryLineageInput) []types.Vertex {
			t.Helper()
			out, err := e.api.QueryLineage(e.ctx, in)
			require.NoError(t, err)
			return out.Vertices
		}
		want := []types.Vertex{{Arn: aws.String(jobTC), Type: aws.String("TrainingJob"), LineageType: types.LineageTypeTrialComponent}}
		require.Equal(t, want, q(&sagemaker.QueryLineageInput{StartArns: []string{model}, Direction: types.DirectionAscendants,
			Filters: &types.QueryFilters{LineageTypes: []types.LineageType{types.LineageTypeTrialComponent}}}))
		require.Equal(t, want, q(&sagemaker.QueryLineageInput{StartArns: []string{model}, Filters: &types.QueryFilters{Types: []string{"TrainingJob"}}}))
		require.Empty(t, q(&sagemaker.QueryLineageInput{StartArns: []string{model}, Filters: &types.QueryFilters{Types: []string{"ProcessingJob"}}}))
		data := q(&sagemaker.QueryLineageInput{StartArns: []string{jobTC}, Direction: types.DirectionAscendants,
			Filters: &types.QueryFilters{LineageTypes: []types.LineageType{types.LineageTypeArtifact}, Types: []string{"DataSet"}}})
		require.Len(t, data, 1)

		as, err := e.api.ListAssociations(e.ctx, &sagemaker.ListAssociationsInput{SourceType: aws.String("SageMakerTrainingJob")})
		require.NoError(t, err)
		require.Len(t, as.AssociationSummaries, 1)
		require.Equal(t, model, aws.ToString(as.AssociationSummaries[0].DestinationArn))
		require.Equal(t, "train-1-aws-training-job", aws.ToString(as.AssociationSummaries[0].SourceName))

		c, err := e.api.DescribeTrialComponent(e.ctx, &sagemaker.DescribeTrialComponentInput{TrialComponentName: aws.String("train-1-aws-training-job")})
		require.NoError(t, err)
		require.Equal(t, &types.TrialComponentSource{SourceArn: aws.String(trainingJob), SourceType: aws.String("SageMakerTrainingJob")}, c.Source)
		tags, err := e.api.ListTags(e.ctx, &sagemaker.ListTagsInput{ResourceArn: c.Source.SourceArn})
		require.NoError(t, err)
		require.Equal(t, "sagemaker:pipeline-execution-arn", aws.ToString(tags.Tags[0].Key))

		hits, err := e.api.Search(e.ctx, &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrialComponent,
			SearchExpression: &types.SearchExpression{Filters: []types.Filter{filter("TrialComponentArn", types.OperatorEquals, jobTC)}}})
		require.NoError(t, err)
		require.Equal(t, "run-1", aws.ToString(hits.Results[0].TrialComponent.Parents[0].TrialName))
		bySource, err := e.api.ListTrialComponents(e.ctx, &sagemaker.ListTrialComponentsInput{SourceArn: aws.String(trainingJob)})
		require.NoError(t, err)
		require.Len(t, bySource.TrialComponentSummaries, 1)
		require.Contains(t, e.f.LineageGraph("", ""), `["TrialComponent TrainingJob: train-1-aws-training-job"]`)
		require.Equal(t, types.TrialComponentPrimaryStatusCompleted, bySource.TrialComponentSummaries[0].Status.PrimaryStatus)
	}, fake.WithScenario(trainingRun()))
}

// A component no job made is a vertex without a type; associations may end at it either way;
// two experiment entities may not be associated; deleting it is refused while it has
// associations, unless deletes cascade; it joins the default lineage group.
func TestManualTrialComponentAsLineageEntity(t *testing.T) {
	t.Parallel()
	for _, cascade := range []bool{false, true} {
		var opts []fake.Option
		if cascade {
			opts = append(opts, fake.WithCascadingDeletes())
		}
		eachDoor(t, func(t *testing.T, e *env) {
			e.component(t, "eval")
			e.component(t, "other")
			groups, err := e.api.ListLineageGroups(e.ctx, &sagemaker.ListLineageGroupsInput{})
			require.NoError(t, err)
			require.Len(t, groups.LineageGroupSummaries, 1, "a trial component is a lineage entity")
			a, err := e.api.CreateArtifact(e.ctx, newArtifact("s3://data/eval.csv"))
			require.NoError(t, err)
			link := func(src, dst string) error {
				_, err := e.api.AddAssociation(e.ctx, &sagemaker.AddAssociationInput{SourceArn: aws.String(src), DestinationArn: aws.String(dst)})
				return err
			}
			require.NoError(t, link(aws.ToString(a.ArtifactArn), trialComponentARN+"eval"))
			require.NoError(t, link(trialComponentARN+"eval", aws.ToString(a.ArtifactArn)))
			require.Contains(t, requireCode(t, link(trialComponentARN+"eval", trialComponentARN+"other"), "ValidationException"), "two experiment entities")
			require.Contains(t, requireCode(t, link(trialComponentARN+"nope", aws.ToString(a.ArtifactArn)), "ResourceNotFound"), "does not exist")

			out, err := e.api.QueryLineage(e.ctx, &sagemaker.QueryLineageInput{StartArns: []string{aws.ToString(a.ArtifactArn)}})
			require.NoError(t, err)
			require.Equal(t, []types.Vertex{{Arn: aws.String(trialComponentARN + "eval"), LineageType: types.LineageTypeTrialComponent}}, out.Vertices)
			as, err := e.api.ListAssociations(e.ctx, &sagemaker.ListAssociationsInput{DestinationArn: aws.String(trialComponentARN + "eval")})
			require.NoError(t, err)
			require.Nil(t, as.AssociationSummaries[0].DestinationType)
			require.Equal(t, "Model", aws.ToString(as.AssociationSummaries[0].SourceType))

			_, err = e.api.DeleteTrialComponent(e.ctx, &sagemaker.DeleteTrialComponentInput{TrialComponentName: aws.String("eval")})
			if !cascade {
				require.Contains(t, requireCode(t, err, "ValidationException"), "cannot be deleted while it has associations (2)")
				return
			}
			require.NoError(t, err)
			left, err := e.api.ListAssociations(e.ctx, &sagemaker.ListAssociationsInput{})
			require.NoError(t, err)
			require.Empty(t, left.AssociationSummaries)
		}, opts...)
	}
}
