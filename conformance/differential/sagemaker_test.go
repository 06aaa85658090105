package differential

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	smv2 "github.com/aws/aws-sdk-go-v2/service/sagemaker"
	smtypes "github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/benbjohnson/clock"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// unions are aws-sdk-go-v2's union interfaces, with the struct of each member; unionMembers
// the other way round. SDK v1 has plain structures in their place.
var (
	unions = map[reflect.Type]map[string]reflect.Type{
		reflect.TypeFor[smtypes.TrialComponentParameterValue](): {
			"NumberValue": reflect.TypeFor[smtypes.TrialComponentParameterValueMemberNumberValue](),
			"StringValue": reflect.TypeFor[smtypes.TrialComponentParameterValueMemberStringValue](),
		},
	}
	unionMembers = func() map[reflect.Type]string {
		out := map[reflect.Type]string{}
		for _, members := range unions {
			for name, t := range members {
				out[t] = name
			}
		}
		return out
	}()
)

const sm = "arn:aws:sagemaker:us-east-1:123456789012:"

func (r *run) sm(op string, in doc) doc { return r.call("sagemaker", op, in) }

// experimentScript touches every experiment, trial and trial component operation, Search and
// GetSearchSuggestions, with successes and every modelled error: not found, limit exceeded,
// and the conflict a scenario injects.
func experimentScript(r *run) {
	r.sm("CreateExperiment", doc{"ExperimentName": "Churn", "Description": "d", "Tags": []any{doc{"Key": "team", "Value": "ml"}}})
	r.sm("CreateExperiment", doc{"ExperimentName": "churn"})  // already exists, ignoring case
	r.sm("CreateExperiment", doc{"ExperimentName": "second"}) // past the quota of one
	r.sm("DescribeExperiment", doc{"ExperimentName": "CHURN"})
	r.sm("DescribeExperiment", doc{"ExperimentName": "none"})
	r.sm("UpdateExperiment", doc{"ExperimentName": "churn", "DisplayName": "Churn-2"})
	r.sm("UpdateExperiment", doc{"ExperimentName": "churn"}) // the injected conflict
	for i := range 3 {
		r.sm("CreateTrial", doc{"TrialName": fmt.Sprintf("run-%d", i), "ExperimentName": "churn",
			"MetadataProperties": doc{"CommitId": "abc"}})
		r.clk.Add(time.Second)
	}
	r.sm("CreateTrial", doc{"TrialName": "run-3", "ExperimentName": "churn"}) // past three per experiment
	r.sm("CreateTrial", doc{"TrialName": "run-4", "ExperimentName": "none"})
	r.sm("UpdateTrial", doc{"TrialName": "run-0", "DisplayName": "zero"})
	r.sm("UpdateTrial", doc{"TrialName": "run-0"}) // the injected conflict
	r.sm("DescribeTrial", doc{"TrialName": "run-0"})
	for i, name := range []string{"prep", "train", "eval"} {
		r.sm("CreateTrialComponent", doc{"TrialComponentName": name, "StartTime": start,
			"Status":          doc{"PrimaryStatus": "InProgress", "Message": "m"},
			"Parameters":      doc{"lr": doc{"NumberValue": float64(i) / 10}, "opt": doc{"StringValue": "adam"}},
			"InputArtifacts":  doc{"data": doc{"Value": "s3://d/" + name, "MediaType": "text/csv"}},
			"OutputArtifacts": doc{"model": doc{"Value": "s3://m/" + name}},
			"Tags":            []any{doc{"Key": "stage", "Value": name}}})
		r.clk.Add(time.Second)
	}
	r.sm("CreateTrialComponent", doc{"TrialComponentName": "extra"}) // past the quota of three
	for _, pair := range [][2]string{{"prep", "run-0"}, {"train", "run-0"}, {"train", "run-1"}, {"eval", "run-1"}, {"eval", "run-0"},
		{"none", "run-0"}, {"eval", "none"}} {
		r.sm("AssociateTrialComponent", doc{"TrialComponentName": pair[0], "TrialName": pair[1]})
	}
	r.sm("DescribeTrialComponent", doc{"TrialComponentName": sm + "experiment-trial-component/train"})
	r.sm("UpdateTrialComponent", doc{"TrialComponentName": "train", "EndTime": start.Add(time.Hour),
		"Parameters": doc{"epochs": doc{"NumberValue": 3.0}}, "ParametersToRemove": []any{"opt"}, "OutputArtifactsToRemove": []any{"model"}})
	r.sm("UpdateTrialComponent", doc{"TrialComponentName": "train"}) // the injected conflict
	r.sm("UpdateTrialComponent", doc{"TrialComponentName": "none"})
	r.sm("DescribeTrialComponent", doc{"TrialComponentName": "train"})
	r.sm("ListExperiments", doc{"SortBy": "Name", "SortOrder": "Ascending"})
	r.sm("ListTrials", doc{"ExperimentName": "churn", "MaxResults": 2})
	r.sm("ListTrials", doc{"TrialComponentName": "train"})
	r.sm("ListTrials", doc{"TrialComponentName": "none"})
	r.sm("ListTrialComponents", doc{"TrialName": "run-0", "SortBy": "Name"})
	r.sm("ListTrialComponents", doc{"ExperimentName": "none"})
	r.sm("ListTrialComponents", doc{"SourceArn": sm + "training-job/j"})
	r.sm("Search", doc{"Resource": "ExperimentTrialComponent", "SearchExpression": doc{"Filters": []any{
		doc{"Name": "Parents.TrialName", "Operator": "Equals", "Value": "run-0"}}}})
	r.sm("Search", doc{"Resource": "ExperimentTrialComponent", "SortBy": "Parameters.lr", "SortOrder": "Ascending", "MaxResults": 2})
	r.sm("Search", doc{"Resource": "ExperimentTrial", "SearchExpression": doc{"Operator": "Or", "SubExpressions": []any{
		doc{"Filters": []any{doc{"Name": "TrialName", "Value": "run-2"}}},
		doc{"NestedFilters": []any{doc{"NestedPropertyName": "TrialComponentSummaries",
			"Filters": []any{doc{"Name": "TrialComponentSummaries.TrialComponentName", "Operator": "In", "Value": "eval,prep"}}}}}}}})
	r.sm("Search", doc{"Resource": "Experiment", "VisibilityConditions": []any{doc{"Key": "Tags.team", "Value": "ml"}}})
	r.sm("Search", doc{"Resource": "ExperimentTrialComponent", "SearchExpression": doc{"Filters": []any{doc{"Name": "TrialName", "Value": "x"}}}})
	r.sm("GetSearchSuggestions", doc{"Resource": "ExperimentTrialComponent", "SuggestionQuery": doc{"PropertyNameQuery": doc{"PropertyNameHint": "p"}}})
	r.sm("ListTags", doc{"ResourceArn": sm + "experiment-trial-component/eval"})
	r.sm("GetLineageGroupPolicy", doc{"LineageGroupName": "sagemaker-default-lineage-group"})
	r.sm("DeleteTrialComponent", doc{"TrialComponentName": "eval"})
	r.sm("DisassociateTrialComponent", doc{"TrialComponentName": "eval", "TrialName": "run-1"})
	r.sm("DisassociateTrialComponent", doc{"TrialComponentName": "eval", "TrialName": "run-0"})
	r.sm("DisassociateTrialComponent", doc{"TrialComponentName": "eval", "TrialName": "none"})
	r.sm("DeleteTrialComponent", doc{"TrialComponentName": "EVAL"})
	r.sm("DeleteTrialComponent", doc{"TrialComponentName": "eval"})
	r.sm("DeleteTrial", doc{"TrialName": "run-1"})
	r.sm("DeleteTrial", doc{"TrialName": "run-2"})
	r.sm("DeleteTrial", doc{"TrialName": "run-2"})
	r.sm("DeleteExperiment", doc{"ExperimentName": "churn"})
	r.sm("DeleteExperiment", doc{"ExperimentName": "none"})
}

// TestExperimentsThreeClientsAgree runs the experiment script through the typed door,
// aws-sdk-go-v2's client on f.AWSConfig() and aws-sdk-go's on f.HTTPClient(), and requires the
// same outputs, codes, messages and statuses, and the same state afterwards.
func TestExperimentsThreeClientsAgree(t *testing.T) {
	t.Parallel()
	clients := []struct {
		name string
		make func(f *fake.Fake) client
	}{
		{"typed door", func(f *fake.Fake) client { return v2Client{sm: f.SageMaker()} }},
		{"aws-sdk-go-v2 on AWSConfig", func(f *fake.Fake) client { return v2Client{sm: smv2.NewFromConfig(f.AWSConfig())} }},
		{"aws-sdk-go v1 on HTTPClient", func(f *fake.Fake) client { return newV1Client(f) }},
	}
	outs := make([][]outcome, len(clients))
	states := make([]any, len(clients))
	for i, c := range clients {
		clk := clock.NewMock()
		clk.Set(start)
		s := scenario.New()
		for _, op := range []string{"UpdateExperiment", "UpdateTrial", "UpdateTrialComponent"} {
			s.On("sagemaker", op).Nth(2).Fail(scenario.ConflictException("The entity is being updated."))
		}
		f := fake.New(fake.WithClock(clk), fake.WithSeed(7), fake.WithScenario(s), fake.WithQuota(fake.Experiments, 1),
			fake.WithQuota(fake.Trials, 3), fake.WithQuota(fake.TrialComponents, 3))
		r := &run{c: c.make(f), clk: clk}
		experimentScript(r)
		outs[i], states[i] = r.out, f.State()
	}
	for i := 1; i < len(clients); i++ {
		want := outs[0]
		if i == 2 {
			want = withoutTotalHits(want)
		}
		if diff := cmp.Diff(want, outs[i]); diff != "" {
			t.Errorf("%s and %s disagree (-%[1]s +%[2]s):\n%s", clients[0].name, clients[i].name, diff)
		}
		if diff := cmp.Diff(states[0], states[i]); diff != "" {
			t.Errorf("what the fakes hold after %s and %s differs (-%[1]s +%[2]s):\n%s", clients[0].name, clients[i].name, diff)
		}
	}
	codes := map[string]bool{}
	ok := 0
	for _, o := range outs[0] {
		if o.Code == "" {
			ok++
			continue
		}
		codes[fmt.Sprintf("%s %d", o.Code, o.Status)] = true
	}
	for _, want := range []string{"ResourceNotFound 400", "ResourceLimitExceeded 400", "ConflictException 400", "ValidationException 400"} {
		require.True(t, codes[want], "the script never got %s", want)
	}
	require.Greater(t, ok, 25, "successful calls")
	if t.Failed() || testing.Verbose() {
		b, _ := json.MarshalIndent(outs[0], "", "  ")
		t.Logf("the typed door's outcomes:\n%s", b)
	}
}

// withoutTotalHits leaves Search's TotalHits out, which aws-sdk-go v1.55.8 predates (its
// SearchOutput has no such member, so it never shows one).
func withoutTotalHits(outs []outcome) []outcome {
	out := make([]outcome, len(outs))
	for i, o := range outs {
		out[i] = o
		if _, ok := o.Output["totalHits"]; ok {
			out[i].Output = doc{}
			for k, v := range o.Output {
				if k != "totalHits" {
					out[i].Output[k] = v
				}
			}
		}
	}
	return out
}
