package fake_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

const (
	experimentARN     = "arn:aws:sagemaker:us-east-1:123456789012:experiment/"
	trialARN          = "arn:aws:sagemaker:us-east-1:123456789012:experiment-trial/"
	trialComponentARN = "arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/"
)

func (e *env) experiment(t *testing.T, name string) {
	t.Helper()
	_, err := e.api.CreateExperiment(e.ctx, &sagemaker.CreateExperimentInput{ExperimentName: aws.String(name)})
	require.NoError(t, err)
}

func (e *env) trial(t *testing.T, name, experiment string) {
	t.Helper()
	_, err := e.api.CreateTrial(e.ctx, &sagemaker.CreateTrialInput{TrialName: aws.String(name), ExperimentName: aws.String(experiment)})
	require.NoError(t, err)
}

func (e *env) component(t *testing.T, name string, trials ...string) {
	t.Helper()
	_, err := e.api.CreateTrialComponent(e.ctx, &sagemaker.CreateTrialComponentInput{TrialComponentName: aws.String(name)})
	require.NoError(t, err)
	for _, tr := range trials {
		_, err := e.api.AssociateTrialComponent(e.ctx, &sagemaker.AssociateTrialComponentInput{TrialComponentName: aws.String(name), TrialName: aws.String(tr)})
		require.NoError(t, err)
	}
}

// Names are unique per kind ignoring case, kept as given, and looked up ignoring case; an
// experiment, a trial and a component may share one (AWS's Python SDK relies on it).
func TestExperimentEntityNames(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		out, err := e.api.CreateExperiment(e.ctx, &sagemaker.CreateExperimentInput{ExperimentName: aws.String("Churn")})
		require.NoError(t, err)
		require.Equal(t, experimentARN+"Churn", aws.ToString(out.ExperimentArn))
		_, err = e.api.CreateExperiment(e.ctx, &sagemaker.CreateExperimentInput{ExperimentName: aws.String("churn")})
		require.Equal(t, "Experiment with name (churn) already exists.", requireCode(t, err, "ValidationException"))

		e.trial(t, "Churn", "CHURN")
		_, err = e.api.CreateTrial(e.ctx, &sagemaker.CreateTrialInput{TrialName: aws.String("cHURN"), ExperimentName: aws.String("Churn")})
		require.Contains(t, requireCode(t, err, "ValidationException"), "already exists")
		e.component(t, "Churn", "churn")
		_, err = e.api.CreateTrialComponent(e.ctx, &sagemaker.CreateTrialComponentInput{TrialComponentName: aws.String("CHURN")})
		require.Equal(t, "TrialComponent with name (CHURN) already exists.", requireCode(t, err, "ValidationException"))

		x, err := e.api.DescribeExperiment(e.ctx, &sagemaker.DescribeExperimentInput{ExperimentName: aws.String("cHuRn")})
		require.NoError(t, err)
		require.Equal(t, "Churn", aws.ToString(x.ExperimentName))
		tr, err := e.api.DescribeTrial(e.ctx, &sagemaker.DescribeTrialInput{TrialName: aws.String("churn")})
		require.NoError(t, err)
		require.Equal(t, "Churn", aws.ToString(tr.ExperimentName), "the experiment's name as it was given")
		for _, name := range []string{"churn", trialComponentARN + "Churn", trialComponentARN + "churn"} {
			c, err := e.api.DescribeTrialComponent(e.ctx, &sagemaker.DescribeTrialComponentInput{TrialComponentName: aws.String(name)})
			require.NoError(t, err, name)
			require.Equal(t, trialComponentARN+"Churn", aws.ToString(c.TrialComponentArn))
		}
	})
}

func TestExperimentEntitiesNotFound(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		e.experiment(t, "x")
		e.trial(t, "t", "x")
		e.component(t, "c")
		for _, c := range []struct {
			name string
			call func() error
			msg  string
		}{
			{"describe experiment", func() error {
				_, err := e.api.DescribeExperiment(e.ctx, &sagemaker.DescribeExperimentInput{ExperimentName: aws.String("nope")})
				return err
			}, "Experiment '" + experimentARN + "nope' does not exist."},
			{"trial in a missing experiment", func() error {
				_, err := e.api.CreateTrial(e.ctx, &sagemaker.CreateTrialInput{TrialName: aws.String("t2"), ExperimentName: aws.String("nope")})
				return err
			}, "Experiment '" + experimentARN + "nope' does not exist."},
			{"update trial", func() error {
				_, err := e.api.UpdateTrial(e.ctx, &sagemaker.UpdateTrialInput{TrialName: aws.String("nope")})
				return err
			}, "Trial '" + trialARN + "nope' does not exist."},
			{"describe component by another account's ARN", func() error {
				_, err := e.api.DescribeTrialComponent(e.ctx, &sagemaker.DescribeTrialComponentInput{
					TrialComponentName: aws.String("arn:aws:sagemaker:us-east-1:210987654321:experiment-trial-component/c")})
				return err
			}, "TrialComponent 'arn:aws:sagemaker:us-east-1:210987654321:experiment-trial-component/c' does not exist."},
			{"associate with a missing trial", func() error {
				_, err := e.api.AssociateTrialComponent(e.ctx, &sagemaker.AssociateTrialComponentInput{TrialComponentName: aws.String("c"), TrialName: aws.String("nope")})
				return err
			}, "Trial '" + trialARN + "nope' does not exist."},
			{"disassociate a missing component", func() error {
				_, err := e.api.DisassociateTrialComponent(e.ctx, &sagemaker.DisassociateTrialComponentInput{TrialComponentName: aws.String("nope"), TrialName: aws.String("t")})
				return err
			}, "TrialComponent '" + trialComponentARN + "nope' does not exist."},
			{"list trials of a missing component", func() error {
				_, err := e.api.ListTrials(e.ctx, &sagemaker.ListTrialsInput{TrialComponentName: aws.String("nope")})
				return err
			}, "TrialComponent '" + trialComponentARN + "nope' does not exist."},
			{"list components of a missing trial", func() error {
				_, err := e.api.ListTrialComponents(e.ctx, &sagemaker.ListTrialComponentsInput{TrialName: aws.String("nope")})
				return err
			}, "Trial '" + trialARN + "nope' does not exist."},
		} {
			t.Run(c.name, func(t *testing.T) {
				err := c.call()
				require.Equal(t, c.msg, requireCode(t, err, "ResourceNotFound"))
				var nf *types.ResourceNotFound
				require.ErrorAs(t, err, &nf)
			})
		}
	})
}

// Describe gives DisplayName the name when none was set, never the tags, and the experiment's
// description; updates set what they are given and move LastModifiedTime.
func TestExperimentAndTrialDescriptions(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		_, err := e.api.CreateExperiment(e.ctx, &sagemaker.CreateExperimentInput{ExperimentName: aws.String("x"),
			Description: aws.String("first"), Tags: []types.Tag{tag("team", "ml")}})
		require.NoError(t, err)
		_, err = e.api.CreateTrial(e.ctx, &sagemaker.CreateTrialInput{TrialName: aws.String("t"), ExperimentName: aws.String("x"),
			DisplayName: aws.String("Trial-1"), MetadataProperties: &types.MetadataProperties{CommitId: aws.String("abc")}})
		require.NoError(t, err)
		e.clk.Add(time.Minute)
		_, err = e.api.UpdateExperiment(e.ctx, &sagemaker.UpdateExperimentInput{ExperimentName: aws.String("x"), DisplayName: aws.String("X")})
		require.NoError(t, err)
		x, err := e.api.DescribeExperiment(e.ctx, &sagemaker.DescribeExperimentInput{ExperimentName: aws.String("x")})
		require.NoError(t, err)
		x.ResultMetadata = sagemaker.DescribeExperimentOutput{}.ResultMetadata
		require.Empty(t, cmp.Diff(&sagemaker.DescribeExperimentOutput{ExperimentName: aws.String("x"), ExperimentArn: aws.String(experimentARN + "x"),
			DisplayName: aws.String("X"), Description: aws.String("first"), CreationTime: aws.Time(start),
			LastModifiedTime: aws.Time(start.Add(time.Minute))}, x, ignoreSDK))

		tr, err := e.api.DescribeTrial(e.ctx, &sagemaker.DescribeTrialInput{TrialName: aws.String("t")})
		require.NoError(t, err)
		require.Equal(t, "Trial-1", aws.ToString(tr.DisplayName))
		require.Equal(t, "abc", aws.ToString(tr.MetadataProperties.CommitId))
		require.Nil(t, tr.Source)

		tags, err := e.api.ListTags(e.ctx, &sagemaker.ListTagsInput{ResourceArn: aws.String(experimentARN + "x")})
		require.NoError(t, err)
		require.Equal(t, []types.Tag{tag("team", "ml")}, tags.Tags)
	})
}

// UpdateTrialComponent merges the maps it is given and then removes the *ToRemove keys, as
// AWS's integration test test_save shows against the real service.
func TestTrialComponentUpdateMergesThenRemoves(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		_, err := e.api.CreateTrialComponent(e.ctx, &sagemaker.CreateTrialComponentInput{TrialComponentName: aws.String("c"),
			Parameters: map[string]types.TrialComponentParameterValue{"kept": &types.TrialComponentParameterValueMemberStringValue{Value: "k"}},
			StartTime:  aws.Time(start.Add(-time.Hour))})
		require.NoError(t, err)
		_, err = e.api.UpdateTrialComponent(e.ctx, &sagemaker.UpdateTrialComponentInput{TrialComponentName: aws.String("c"),
			Parameters: map[string]types.TrialComponentParameterValue{
				"foo":   &types.TrialComponentParameterValueMemberStringValue{Value: "bar"},
				"whizz": &types.TrialComponentParameterValueMemberNumberValue{Value: 100.1},
			},
			ParametersToRemove: []string{"foo", "absent"},
			InputArtifacts: map[string]types.TrialComponentArtifact{"snizz": {Value: aws.String("s3://a")},
				"snizz1": {Value: aws.String("s3://b"), MediaType: aws.String("text/csv")}},
			InputArtifactsToRemove:  []string{"snizz"},
			OutputArtifacts:         map[string]types.TrialComponentArtifact{"fly": {Value: aws.String("s3://Output")}, "fly2": {Value: aws.String("s3://c")}},
			OutputArtifactsToRemove: []string{"fly2"},
			Status:                  &types.TrialComponentStatus{PrimaryStatus: types.TrialComponentPrimaryStatusCompleted, Message: aws.String("done")},
			EndTime:                 aws.Time(start),
		})
		require.NoError(t, err)
		c, err := e.api.DescribeTrialComponent(e.ctx, &sagemaker.DescribeTrialComponentInput{TrialComponentName: aws.String("c")})
		require.NoError(t, err)
		require.Empty(t, cmp.Diff(map[string]types.TrialComponentParameterValue{
			"kept":  &types.TrialComponentParameterValueMemberStringValue{Value: "k"},
			"whizz": &types.TrialComponentParameterValueMemberNumberValue{Value: 100.1},
		}, c.Parameters, ignoreSDK))
		require.Equal(t, map[string]types.TrialComponentArtifact{"snizz1": {Value: aws.String("s3://b"), MediaType: aws.String("text/csv")}}, c.InputArtifacts)
		require.Equal(t, map[string]types.TrialComponentArtifact{"fly": {Value: aws.String("s3://Output")}}, c.OutputArtifacts)
		require.Nil(t, c.OutputArtifacts["fly"].MediaType, "no media type when none was given")
		require.Equal(t, types.TrialComponentPrimaryStatusCompleted, c.Status.PrimaryStatus)
		require.Equal(t, start.Add(-time.Hour), aws.ToTime(c.StartTime))
		require.Equal(t, start, aws.ToTime(c.EndTime))
		require.Equal(t, "c", aws.ToString(c.DisplayName))
		require.Equal(t, "arn:aws:sagemaker:us-east-1:123456789012:lineage-group/sagemaker-default-lineage-group", aws.ToString(c.LineageGroupArn))
	})
}

// The delete rules: an experiment with trials, a trial with components and a component in a
// trial are refused (the last in AWS's own words); the cleanup AWS's SDKs do (disassociate,
// then delete bottom up) succeeds.
func TestExperimentDeleteRules(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		e.experiment(t, "x")
		e.trial(t, "t", "x")
		e.component(t, "c", "t")
		_, err := e.api.DeleteExperiment(e.ctx, &sagemaker.DeleteExperimentInput{ExperimentName: aws.String("x")})
		require.Equal(t, "Experiment '"+experimentARN+"x' has 1 or more trials and cannot be deleted.", requireCode(t, err, "ValidationException"))
		_, err = e.api.DeleteTrial(e.ctx, &sagemaker.DeleteTrialInput{TrialName: aws.String("t")})
		require.Equal(t, "Trial '"+trialARN+"t' has 1 or more trial components and cannot be deleted.", requireCode(t, err, "ValidationException"))
		_, err = e.api.DeleteTrialComponent(e.ctx, &sagemaker.DeleteTrialComponentInput{TrialComponentName: aws.String("c")})
		require.Equal(t, "TrialComponent '"+trialComponentARN+"c' is linked to 1 or more trials and cannot be deleted.", requireCode(t, err, "ValidationException"))

		_, err = e.api.DisassociateTrialComponent(e.ctx, &sagemaker.DisassociateTrialComponentInput{TrialComponentName: aws.String("c"), TrialName: aws.String("t")})
		require.NoError(t, err)
		out, err := e.api.DeleteTrialComponent(e.ctx, &sagemaker.DeleteTrialComponentInput{TrialComponentName: aws.String("C")})
		require.NoError(t, err)
		require.Equal(t, trialComponentARN+"c", aws.ToString(out.TrialComponentArn))
		_, err = e.api.DeleteTrial(e.ctx, &sagemaker.DeleteTrialInput{TrialName: aws.String("t")})
		require.NoError(t, err)
		_, err = e.api.DeleteExperiment(e.ctx, &sagemaker.DeleteExperimentInput{ExperimentName: aws.String("x")})
		require.NoError(t, err)
		_, err = e.api.DescribeExperiment(e.ctx, &sagemaker.DescribeExperimentInput{ExperimentName: aws.String("x")})
		requireCode(t, err, "ResourceNotFound")
	})
}

// A component may be in many trials, of several experiments; associating a pair again changes
// nothing, and disassociating a pair that is not associated is no error; the lists read both
// directions.
func TestAssociateTrialComponent(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		e.experiment(t, "x")
		e.experiment(t, "y")
		for i, tr := range []string{"t1", "t2", "t3"} {
			e.trial(t, tr, "x")
			e.clk.Add(time.Duration(i+1) * time.Second)
		}
		e.trial(t, "u1", "y")
		e.component(t, "c", "t1", "t2", "t3", "u1", "t2")
		e.component(t, "d", "t1")
		e.component(t, "lone")

		trialsOf := func(in *sagemaker.ListTrialsInput) []string {
			t.Helper()
			out, err := e.api.ListTrials(e.ctx, in)
			require.NoError(t, err)
			var names []string
			for _, s := range out.TrialSummaries {
				names = append(names, aws.ToString(s.TrialName))
			}
			return names
		}
		componentsOf := func(in *sagemaker.ListTrialComponentsInput) []string {
			t.Helper()
			out, err := e.api.ListTrialComponents(e.ctx, in)
			require.NoError(t, err)
			var names []string
			for _, s := range out.TrialComponentSummaries {
				names = append(names, aws.ToString(s.TrialComponentName))
			}
			return names
		}
		require.Equal(t, []string{"u1", "t3", "t2", "t1"}, trialsOf(&sagemaker.ListTrialsInput{TrialComponentName: aws.String("c")}))
		require.Equal(t, []string{"t1", "t2", "t3"}, trialsOf(&sagemaker.ListTrialsInput{TrialComponentName: aws.String("c"),
			ExperimentName: aws.String("x"), SortBy: types.SortTrialsByName, SortOrder: types.SortOrderAscending}))
		require.Empty(t, trialsOf(&sagemaker.ListTrialsInput{TrialComponentName: aws.String("lone")}))
		require.Equal(t, []string{"d", "c"}, componentsOf(&sagemaker.ListTrialComponentsInput{TrialName: aws.String("t1")}))
		require.Equal(t, []string{"c", "d"}, componentsOf(&sagemaker.ListTrialComponentsInput{ExperimentName: aws.String("x"), SortBy: types.SortTrialComponentsByName,
			SortOrder: types.SortOrderAscending}))
		require.Equal(t, []string{"lone", "d", "c"}, componentsOf(&sagemaker.ListTrialComponentsInput{}))
		_, err := e.api.ListTrialComponents(e.ctx, &sagemaker.ListTrialComponentsInput{TrialName: aws.String("t1"), ExperimentName: aws.String("x")})
		require.Equal(t, "You can filter by only one of ExperimentName, TrialName and SourceArn.", requireCode(t, err, "ValidationException"))

		out, err := e.api.DisassociateTrialComponent(e.ctx, &sagemaker.DisassociateTrialComponentInput{TrialComponentName: aws.String("c"), TrialName: aws.String("t1")})
		require.NoError(t, err)
		require.Equal(t, trialARN+"t1", aws.ToString(out.TrialArn))
		_, err = e.api.DisassociateTrialComponent(e.ctx, &sagemaker.DisassociateTrialComponentInput{TrialComponentName: aws.String("c"), TrialName: aws.String("t1")})
		require.NoError(t, err, "a pair that is not associated")
		require.Equal(t, []string{"d"}, componentsOf(&sagemaker.ListTrialComponentsInput{TrialName: aws.String("t1")}))
		require.Equal(t, []string{"u1", "t3", "t2"}, trialsOf(&sagemaker.ListTrialsInput{TrialComponentName: aws.String("c")}))
	})
}

// Quotas: AWS's 300 API-made trials per experiment, and the ones a user sets (trial components
// per trial, experiments per account), each refused with ResourceLimitExceeded in the words of
// a real one.
func TestExperimentQuotas(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		e.experiment(t, "x")
		_, err := e.api.CreateExperiment(e.ctx, &sagemaker.CreateExperimentInput{ExperimentName: aws.String("y")})
		require.Equal(t, "The account-level service limit 'Total number of experiments' is 1 Experiments, with current utilization of 1 Experiments and a request delta of 1 Experiments. Please contact AWS support to request an increase for this limit.",
			requireCode(t, err, "ResourceLimitExceeded"))
		var le *types.ResourceLimitExceeded
		require.ErrorAs(t, err, &le)
		e.trial(t, "t1", "x")
		e.trial(t, "t2", "x")
		_, err = e.api.CreateTrial(e.ctx, &sagemaker.CreateTrialInput{TrialName: aws.String("t3"), ExperimentName: aws.String("x")})
		require.Contains(t, requireCode(t, err, "ResourceLimitExceeded"),
			"'Total number of trials allowed in a single experiment, excluding those automatically created by SageMaker' is 2 Trials, with current utilization of 2 Trials")
		e.component(t, "c1", "t1")
		e.component(t, "c2")
		_, err = e.api.AssociateTrialComponent(e.ctx, &sagemaker.AssociateTrialComponentInput{TrialComponentName: aws.String("c2"), TrialName: aws.String("t1")})
		require.Contains(t, requireCode(t, err, "ResourceLimitExceeded"), "is 1 TrialComponents, with current utilization of 1 TrialComponents")
		_, err = e.api.AssociateTrialComponent(e.ctx, &sagemaker.AssociateTrialComponentInput{TrialComponentName: aws.String("c1"), TrialName: aws.String("t1")})
		require.NoError(t, err, "associating again adds nothing, so it is within the quota")
	}, fake.WithQuota(fake.Experiments, 1), fake.WithQuota(fake.Trials, 2), fake.WithQuota(fake.TrialMemberships, 1))
}

func TestListExperimentsPages(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		for _, n := range []string{"b", "a", "d", "c", "e"} {
			e.experiment(t, n)
			e.clk.Add(time.Second)
		}
		var names []string
		p := sagemaker.NewListExperimentsPaginator(e.api, &sagemaker.ListExperimentsInput{MaxResults: aws.Int32(2), SortBy: types.SortExperimentsByName})
		for p.HasMorePages() {
			out, err := p.NextPage(e.ctx)
			require.NoError(t, err)
			for _, s := range out.ExperimentSummaries {
				names = append(names, aws.ToString(s.ExperimentName))
			}
		}
		require.Equal(t, []string{"e", "d", "c", "b", "a"}, names)
		out, err := e.api.ListExperiments(e.ctx, &sagemaker.ListExperimentsInput{CreatedAfter: aws.Time(start.Add(time.Second)),
			CreatedBefore: aws.Time(start.Add(3 * time.Second)), SortOrder: types.SortOrderAscending})
		require.NoError(t, err)
		require.Len(t, out.ExperimentSummaries, 3)
		require.Equal(t, "a", aws.ToString(out.ExperimentSummaries[0].ExperimentName))
		require.Equal(t, "a", aws.ToString(out.ExperimentSummaries[0].DisplayName))
	})
}

func TestGetLineageGroupPolicy(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		e.component(t, "c")
		for _, name := range []string{"sagemaker-default-lineage-group", "arn:aws:sagemaker:us-east-1:123456789012:lineage-group/sagemaker-default-lineage-group"} {
			_, err := e.api.GetLineageGroupPolicy(e.ctx, &sagemaker.GetLineageGroupPolicyInput{LineageGroupName: aws.String(name)})
			require.Contains(t, requireCode(t, err, "ResourceNotFound"), "has no resource policy")
		}
		_, err := e.api.GetLineageGroupPolicy(e.ctx, &sagemaker.GetLineageGroupPolicyInput{LineageGroupName: aws.String("other")})
		require.Contains(t, requireCode(t, err, "ResourceNotFound"), "does not exist")
	})
}

// Components made, associated, searched and disassociated from many goroutines leave the trial
// holding exactly the ones that stayed (run under -race by CI).
func TestConcurrentTrialMembership(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		e.experiment(t, "x")
		e.trial(t, "shared", "x")
		const workers, each = 8, 12
		errs := make(chan error, workers*each*4)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range each {
					name := aws.String(fmt.Sprintf("w%d-c%d", w, i))
					_, err := e.api.CreateTrialComponent(e.ctx, &sagemaker.CreateTrialComponentInput{TrialComponentName: name})
					errs <- err
					_, err = e.api.AssociateTrialComponent(e.ctx, &sagemaker.AssociateTrialComponentInput{TrialComponentName: name, TrialName: aws.String("shared")})
					errs <- err
					_, err = e.api.Search(e.ctx, &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrialComponent,
						SearchExpression: &types.SearchExpression{Filters: []types.Filter{filter("Parents.TrialName", types.OperatorEquals, "shared")}}})
					errs <- err
					if i%2 == 1 {
						_, err = e.api.DisassociateTrialComponent(e.ctx, &sagemaker.DisassociateTrialComponentInput{TrialComponentName: name, TrialName: aws.String("shared")})
						errs <- err
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			require.NoError(t, err)
		}
		p := sagemaker.NewListTrialComponentsPaginator(e.api, &sagemaker.ListTrialComponentsInput{TrialName: aws.String("shared"), MaxResults: aws.Int32(100)})
		n := 0
		for p.HasMorePages() {
			page, err := p.NextPage(e.ctx)
			require.NoError(t, err)
			n += len(page.TrialComponentSummaries)
		}
		require.Equal(t, workers*each/2, n)
	})
}
