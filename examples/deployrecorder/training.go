package deployrecorder

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
)

// ExperimentsAPI is the part of *sagemaker.Client the training recorder uses.
type ExperimentsAPI interface {
	CreateExperiment(context.Context, *sagemaker.CreateExperimentInput, ...func(*sagemaker.Options)) (*sagemaker.CreateExperimentOutput, error)
	CreateTrial(context.Context, *sagemaker.CreateTrialInput, ...func(*sagemaker.Options)) (*sagemaker.CreateTrialOutput, error)
	CreateTrialComponent(context.Context, *sagemaker.CreateTrialComponentInput, ...func(*sagemaker.Options)) (*sagemaker.CreateTrialComponentOutput, error)
	UpdateTrialComponent(context.Context, *sagemaker.UpdateTrialComponentInput, ...func(*sagemaker.Options)) (*sagemaker.UpdateTrialComponentOutput, error)
	DescribeTrialComponent(context.Context, *sagemaker.DescribeTrialComponentInput, ...func(*sagemaker.Options)) (*sagemaker.DescribeTrialComponentOutput, error)
	AssociateTrialComponent(context.Context, *sagemaker.AssociateTrialComponentInput, ...func(*sagemaker.Options)) (*sagemaker.AssociateTrialComponentOutput, error)
	CreateArtifact(context.Context, *sagemaker.CreateArtifactInput, ...func(*sagemaker.Options)) (*sagemaker.CreateArtifactOutput, error)
	ListArtifacts(context.Context, *sagemaker.ListArtifactsInput, ...func(*sagemaker.Options)) (*sagemaker.ListArtifactsOutput, error)
	AddAssociation(context.Context, *sagemaker.AddAssociationInput, ...func(*sagemaker.Options)) (*sagemaker.AddAssociationOutput, error)
	QueryLineage(context.Context, *sagemaker.QueryLineageInput, ...func(*sagemaker.Options)) (*sagemaker.QueryLineageOutput, error)
	Search(context.Context, *sagemaker.SearchInput, ...func(*sagemaker.Options)) (*sagemaker.SearchOutput, error)
}

// TrainingRun is one training of a model: in a trial of an experiment, from a dataset to a
// model artifact.
type TrainingRun struct {
	Experiment string // e.g. "churn"
	Trial      string // e.g. "churn-2026-11"
	Name       string // the run, recorded as a trial component of that name
	DatasetURI string // e.g. s3://data/churn/train.csv
	ModelURI   string // e.g. s3://models/churn/v7.tar.gz
	Parameters map[string]float64
	Started    time.Time
	Ended      time.Time
	Succeeded  bool
}

// TrainingLineage is what a training run is recorded as: the ARNs of the dataset and model
// artifacts and of the run's trial component, linked dataset -ContributedTo-> component
// -Produced-> model (the convention of AWS's own SDKs).
type TrainingLineage struct {
	Dataset        string
	Model          string
	TrialComponent string
}

// DatasetType is the type of the training recorder's dataset artifacts.
const DatasetType = "DataSet"

// TrainingRecorder records training runs in SageMaker experiments and lineage.
type TrainingRecorder struct{ API ExperimentsAPI }

// RecordTraining records a run: its experiment and trial (found or created), the run as a
// trial component with its parameters, status, times and artifacts, in the trial, and the
// lineage from its dataset to its model. Recording it again (a retried step) changes nothing
// but the component's status and times.
func (r *TrainingRecorder) RecordTraining(ctx context.Context, run TrainingRun) (TrainingLineage, error) {
	var l TrainingLineage
	if err := r.group(ctx, run); err != nil {
		return l, err
	}
	var err error
	if l.TrialComponent, err = r.component(ctx, run); err != nil {
		return l, err
	}
	_, err = r.API.AssociateTrialComponent(ctx, &sagemaker.AssociateTrialComponentInput{TrialComponentName: aws.String(run.Name), TrialName: aws.String(run.Trial)})
	if err != nil {
		return l, fmt.Errorf("put %s in trial %s: %w", run.Name, run.Trial, err)
	}
	if l.Dataset, err = findOrCreateArtifact(ctx, r.API, run.DatasetURI, DatasetType, run.Name+"-data"); err != nil {
		return l, err
	}
	if l.Model, err = findOrCreateArtifact(ctx, r.API, run.ModelURI, ModelType, run.Name+"-model"); err != nil {
		return l, err
	}
	if err = link(ctx, r.API, l.Dataset, l.TrialComponent, types.AssociationEdgeTypeContributedTo); err != nil {
		return l, err
	}
	if err = link(ctx, r.API, l.TrialComponent, l.Model, types.AssociationEdgeTypeProduced); err != nil {
		return l, err
	}
	return l, nil
}

// group finds or creates the run's experiment and trial: a name that "already exists" is the
// one a retried step made.
func (r *TrainingRecorder) group(ctx context.Context, run TrainingRun) error {
	_, err := r.API.CreateExperiment(ctx, &sagemaker.CreateExperimentInput{ExperimentName: aws.String(run.Experiment)})
	if err != nil && !alreadyExists(err) {
		return fmt.Errorf("create experiment %s: %w", run.Experiment, err)
	}
	_, err = r.API.CreateTrial(ctx, &sagemaker.CreateTrialInput{TrialName: aws.String(run.Trial), ExperimentName: aws.String(run.Experiment)})
	if err != nil && !alreadyExists(err) {
		return fmt.Errorf("create trial %s: %w", run.Trial, err)
	}
	return nil
}

// component creates the run's trial component, or updates it when it exists.
func (r *TrainingRecorder) component(ctx context.Context, run TrainingRun) (string, error) {
	params := map[string]types.TrialComponentParameterValue{}
	for k, v := range run.Parameters {
		params[k] = &types.TrialComponentParameterValueMemberNumberValue{Value: v}
	}
	status := &types.TrialComponentStatus{PrimaryStatus: types.TrialComponentPrimaryStatusFailed}
	if run.Succeeded {
		status.PrimaryStatus = types.TrialComponentPrimaryStatusCompleted
	}
	in := map[string]types.TrialComponentArtifact{"dataset": {Value: aws.String(run.DatasetURI)}}
	out := map[string]types.TrialComponentArtifact{"model": {Value: aws.String(run.ModelURI)}}
	created, err := r.API.CreateTrialComponent(ctx, &sagemaker.CreateTrialComponentInput{TrialComponentName: aws.String(run.Name),
		Parameters: params, Status: status, StartTime: aws.Time(run.Started), EndTime: aws.Time(run.Ended),
		InputArtifacts: in, OutputArtifacts: out})
	if err == nil {
		return aws.ToString(created.TrialComponentArn), nil
	}
	if !alreadyExists(err) {
		return "", fmt.Errorf("record run %s: %w", run.Name, err)
	}
	updated, err := r.API.UpdateTrialComponent(ctx, &sagemaker.UpdateTrialComponentInput{TrialComponentName: aws.String(run.Name),
		Parameters: params, Status: status, StartTime: aws.Time(run.Started), EndTime: aws.Time(run.Ended),
		InputArtifacts: in, OutputArtifacts: out})
	if err != nil {
		return "", fmt.Errorf("record run %s again: %w", run.Name, err)
	}
	return aws.ToString(updated.TrialComponentArn), nil
}

// TrialsOf answers "which trials produced this model?" the way AWS's Python SDK does
// (Artifact.upstream_trials): the trial components upstream of the model's artifact, by
// QueryLineage, then Search over those components reading each one's Parents. Search takes at
// most 20 filters, so the components are asked about 20 at a time (Or), every page followed.
func (r *TrainingRecorder) TrialsOf(ctx context.Context, modelArtifactARN string) ([]string, error) {
	components, err := r.upstreamComponents(ctx, modelArtifactARN)
	if err != nil {
		return nil, err
	}
	trials := map[string]bool{}
	for batch := range slices.Chunk(components, 20) {
		filters := make([]types.Filter, len(batch))
		for i, arn := range batch {
			filters[i] = types.Filter{Name: aws.String("TrialComponentArn"), Operator: types.OperatorEquals, Value: aws.String(arn)}
		}
		p := sagemaker.NewSearchPaginator(r.API, &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrialComponent,
			SearchExpression: &types.SearchExpression{Filters: filters, Operator: types.BooleanOperatorOr}, MaxResults: aws.Int32(100)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				return nil, fmt.Errorf("trials of %s: %w", modelArtifactARN, err)
			}
			for _, res := range page.Results {
				if res.TrialComponent == nil {
					continue
				}
				for _, parent := range res.TrialComponent.Parents {
					trials[aws.ToString(parent.TrialName)] = true
				}
			}
		}
	}
	return slices.Sorted(maps.Keys(trials)), nil
}

// upstreamComponents are the trial components upstream of an artifact: Ascendants, only
// TrialComponent vertices, no edges.
func (r *TrainingRecorder) upstreamComponents(ctx context.Context, arn string) ([]string, error) {
	in := &sagemaker.QueryLineageInput{StartArns: []string{arn}, Direction: types.DirectionAscendants, IncludeEdges: aws.Bool(false),
		MaxDepth: aws.Int32(10), Filters: &types.QueryFilters{LineageTypes: []types.LineageType{types.LineageTypeTrialComponent}}}
	var arns []string
	for {
		out, err := r.API.QueryLineage(ctx, in)
		if err != nil {
			return nil, fmt.Errorf("components upstream of %s: %w", arn, err)
		}
		for _, v := range out.Vertices {
			arns = append(arns, aws.ToString(v.Arn))
		}
		if aws.ToString(out.NextToken) == "" {
			return arns, nil
		}
		in.NextToken = out.NextToken
	}
}
