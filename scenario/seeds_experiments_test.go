package scenario_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/scenario"
)

// The experiment seeds expand to the inputs of the operations that make them: a component's
// create, then one AssociateTrialComponent per trial; a job's Source and tags go as IDs.
func TestExperimentSeedsInJSON(t *testing.T) {
	t.Parallel()
	s, err := scenario.ParseJSON([]byte(`{"seeds": {
		"experiments": [{"name": "churn", "description": "d", "tags": {"team": "ml"}}],
		"trials": [{"name": "run-1", "experiment": "churn", "displayName": "Run-1"}],
		"trialComponents": [{"name": "job", "status": "Completed", "parameters": {"lr": 0.1, "opt": "adam"},
			"inputArtifacts": {"data": "s3://d"}, "trials": ["run-1"], "sourceArn": "arn:aws:sagemaker:us-east-1:123456789012:training-job/j",
			"sourceType": "SageMakerTrainingJob", "sourceTags": {"k": "v"}, "label": "tc"}]}}`))
	require.NoError(t, err)
	require.Equal(t, []scenario.Resource{
		{Service: "sagemaker", Operation: "CreateExperiment", Input: map[string]any{"ExperimentName": "churn", "Description": "d",
			"Tags": []any{map[string]any{"Key": "team", "Value": "ml"}}}},
		{Service: "sagemaker", Operation: "CreateTrial", Input: map[string]any{"TrialName": "run-1", "ExperimentName": "churn", "DisplayName": "Run-1"}},
		{Service: "sagemaker", Operation: "CreateTrialComponent", Label: "tc", Input: map[string]any{"TrialComponentName": "job",
			"Status":         map[string]any{"PrimaryStatus": "Completed"},
			"Parameters":     map[string]any{"lr": map[string]any{"NumberValue": 0.1}, "opt": map[string]any{"StringValue": "adam"}},
			"InputArtifacts": map[string]any{"data": map[string]any{"Value": "s3://d"}}},
			IDs: map[string]string{"sourceArn": "arn:aws:sagemaker:us-east-1:123456789012:training-job/j", "sourceType": "SageMakerTrainingJob", "sourceTag:k": "v"}},
		{Service: "sagemaker", Operation: "AssociateTrialComponent", Input: map[string]any{"TrialComponentName": "job", "TrialName": "run-1"}},
	}, s.Seeds.All())
}

func TestExperimentSeedsRefuseMistakes(t *testing.T) {
	t.Parallel()
	for name, doc := range map[string]string{
		"experiment without name":     `{"seeds": {"experiments": [{}]}}`,
		"trial without experiment":    `{"seeds": {"trials": [{"name": "t"}]}}`,
		"component without name":      `{"seeds": {"trialComponents": [{"trials": ["t"]}]}}`,
		"source type without source":  `{"seeds": {"trialComponents": [{"name": "c", "sourceType": "SageMakerTrainingJob"}]}}`,
		"source tags without source":  `{"seeds": {"trialComponents": [{"name": "c", "sourceTags": {"k": "v"}}]}}`,
		"a parameter that is a list":  `{"seeds": {"trialComponents": [{"name": "c", "parameters": {"p": [1]}}]}}`,
		"a label used by an artifact": `{"seeds": {"artifacts": [{"sourceUri": "s3://x", "label": "m"}], "trialComponents": [{"name": "c", "label": "m"}]}}`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := scenario.ParseJSON([]byte(doc))
			require.ErrorContains(t, err, "scenario JSON")
		})
	}
}
