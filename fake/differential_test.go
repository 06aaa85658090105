package fake_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/scenario"
)

// outcome is what one call returned, comparable across doors.
type outcome struct {
	Output any
	Code   string
	Msg    string
	Err    string
}

// outcomes collects what the calls of a script returned.
type outcomes []outcome

func (r *outcomes) rec(o any, err error) {
	oc := outcome{Output: o}
	if err != nil {
		oc.Output = nil
		oc.Err = withoutRequestID(err.Error())
		var ae smithy.APIError
		if errors.As(err, &ae) {
			oc.Code, oc.Msg = ae.ErrorCode(), ae.ErrorMessage()
		}
	}
	*r = append(*r, oc)
}

// script is a sequence of calls that touches every SageMaker action operation, its options
// and its errors.
func script(api fake.SageMakerAPI, clk interface{ Add(time.Duration) }) []outcome {
	ctx := context.Background()
	var r outcomes
	rec := r.rec
	for i := 0; i < 5; i++ {
		in := newAction(fmt.Sprintf("act-%d", i))
		in.Description = aws.String("d")
		in.Status = types.ActionStatusInProgress
		in.Properties = map[string]string{"i": fmt.Sprint(i)}
		in.MetadataProperties = &types.MetadataProperties{ProjectId: aws.String("p")}
		in.Tags = []types.Tag{tag("k", "v")}
		in.Source.SourceType = aws.String("S3")
		rec(api.CreateAction(ctx, in))
		clk.Add(1500 * time.Millisecond)
	}
	rec(api.CreateAction(ctx, newAction("act-0")))
	rec(api.CreateAction(ctx, &sagemaker.CreateActionInput{ActionName: aws.String("x_y"), ActionType: aws.String(""),
		Source: &types.ActionSource{SourceUri: aws.String("")}, Status: "Nope", Properties: map[string]string{"": "v\n"}}))
	rec(api.DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("act-1")}))
	rec(api.DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("arn:aws:sagemaker:us-east-1:123456789012:action/act-2")}))
	rec(api.DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("nope")}))
	rec(api.ListActions(ctx, &sagemaker.ListActionsInput{}))
	rec(api.ListActions(ctx, &sagemaker.ListActionsInput{SortBy: types.SortActionsByName, SortOrder: types.SortOrderAscending, MaxResults: aws.Int32(2)}))
	rec(api.ListActions(ctx, &sagemaker.ListActionsInput{CreatedAfter: aws.Time(start.Add(1500 * time.Millisecond)), CreatedBefore: aws.Time(start.Add(3 * time.Second))}))
	rec(api.ListActions(ctx, &sagemaker.ListActionsInput{NextToken: aws.String("forged"), MaxResults: aws.Int32(0)}))
	rec(api.UpdateAction(ctx, &sagemaker.UpdateActionInput{ActionName: aws.String("act-3"), Properties: map[string]string{"a": "b"}, PropertiesToRemove: []string{"i"}, Status: types.ActionStatusCompleted}))
	rec(api.DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("act-3")}))
	arn := aws.String("arn:aws:sagemaker:us-east-1:123456789012:action/act-4")
	rec(api.AddTags(ctx, &sagemaker.AddTagsInput{ResourceArn: arn, Tags: []types.Tag{tag("k", "w"), tag("k2", "v2")}}))
	rec(api.ListTags(ctx, &sagemaker.ListTagsInput{ResourceArn: arn}))
	rec(api.DeleteTags(ctx, &sagemaker.DeleteTagsInput{ResourceArn: arn, TagKeys: []string{"k"}}))
	rec(api.ListTags(ctx, &sagemaker.ListTagsInput{ResourceArn: arn, MaxResults: aws.Int32(10)}))
	rec(api.DeleteAction(ctx, &sagemaker.DeleteActionInput{ActionName: aws.String("act-4")}))
	rec(api.AddTags(ctx, &sagemaker.AddTagsInput{ResourceArn: arn, Tags: []types.Tag{tag("k", "v")}}))
	rec(api.DeleteAction(ctx, &sagemaker.DeleteActionInput{}))
	return r
}

// lineageScript touches every operation on artifacts, contexts and lineage groups, their
// options and their errors.
func lineageScript(api fake.SageMakerAPI, clk interface{ Add(time.Duration) }) []outcome {
	ctx := context.Background()
	var r outcomes
	rec := r.rec
	rec(api.ListLineageGroups(ctx, &sagemaker.ListLineageGroupsInput{}))
	for i := 0; i < 4; i++ {
		in := newArtifact(fmt.Sprintf("s3://models/%d", i%3), sourceType(types.ArtifactSourceIdTypeS3Version, fmt.Sprint(i)))
		in.ArtifactName = aws.String("model")
		in.Properties = map[string]string{"i": fmt.Sprint(i)}
		in.MetadataProperties = &types.MetadataProperties{Repository: aws.String("r")}
		in.Tags = []types.Tag{tag("k", "v")}
		rec(api.CreateArtifact(ctx, in))
		c := newContext(fmt.Sprintf("ctx_%d", i))
		c.Description = aws.String("d")
		c.Properties = map[string]string{"i": fmt.Sprint(i)}
		c.Source.SourceType, c.Source.SourceId = aws.String("ARN"), aws.String(fmt.Sprint(i))
		rec(api.CreateContext(ctx, c))
		clk.Add(1500 * time.Millisecond)
	}
	rec(api.CreateArtifact(ctx, newArtifact("s3://models/0", sourceType(types.ArtifactSourceIdTypeS3Version, "0"))))
	rec(api.CreateArtifact(ctx, &sagemaker.CreateArtifactInput{ArtifactName: aws.String("bad_name"), ArtifactType: aws.String(""),
		Source: &types.ArtifactSource{SourceUri: aws.String(""), SourceTypes: []types.ArtifactSourceType{{SourceIdType: "Nope", Value: aws.String("")}}}}))
	rec(api.DeleteArtifact(ctx, &sagemaker.DeleteArtifactInput{Source: &types.ArtifactSource{SourceUri: aws.String("s3://models/0")}}))
	rec(api.CreateContext(ctx, newContext("ctx_0")))
	rec(api.CreateContext(ctx, newContext("-bad")))
	first := "arn:aws:sagemaker:us-east-1:123456789012:artifact/" + strings.Repeat("0", 32)
	rec(api.DescribeArtifact(ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: aws.String(first)}))
	rec(api.DescribeArtifact(ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: aws.String("model")}))
	list, err := api.ListArtifacts(ctx, &sagemaker.ListArtifactsInput{SortOrder: types.SortOrderAscending, MaxResults: aws.Int32(2)})
	rec(list, err)
	if err == nil && len(list.ArtifactSummaries) > 0 {
		arn := list.ArtifactSummaries[0].ArtifactArn
		rec(api.DescribeArtifact(ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: arn}))
		rec(api.UpdateArtifact(ctx, &sagemaker.UpdateArtifactInput{ArtifactArn: arn, ArtifactName: aws.String("renamed"),
			Properties: map[string]string{"a": "b"}, PropertiesToRemove: []string{"i"}}))
		rec(api.DescribeArtifact(ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: arn}))
		rec(api.AddTags(ctx, &sagemaker.AddTagsInput{ResourceArn: arn, Tags: []types.Tag{tag("k2", "v2")}}))
		rec(api.ListTags(ctx, &sagemaker.ListTagsInput{ResourceArn: arn}))
		rec(api.DeleteArtifact(ctx, &sagemaker.DeleteArtifactInput{ArtifactArn: arn}))
		rec(api.DeleteArtifact(ctx, &sagemaker.DeleteArtifactInput{ArtifactArn: arn}))
		rec(api.ListArtifacts(ctx, &sagemaker.ListArtifactsInput{NextToken: list.NextToken}))
	}
	rec(api.ListArtifacts(ctx, &sagemaker.ListArtifactsInput{SourceUri: aws.String("s3://models/1"), CreatedAfter: aws.Time(start.Add(time.Second))}))
	rec(api.ListArtifacts(ctx, &sagemaker.ListArtifactsInput{SortBy: "Name", NextToken: aws.String("forged")}))
	rec(api.DeleteArtifact(ctx, &sagemaker.DeleteArtifactInput{Source: &types.ArtifactSource{SourceUri: aws.String("s3://models/0")}}))
	rec(api.DeleteArtifact(ctx, &sagemaker.DeleteArtifactInput{Source: &types.ArtifactSource{SourceUri: aws.String("s3://models/2")}}))
	rec(api.DeleteArtifact(ctx, &sagemaker.DeleteArtifactInput{}))
	rec(api.DescribeContext(ctx, &sagemaker.DescribeContextInput{ContextName: aws.String("ctx_1")}))
	rec(api.DescribeContext(ctx, &sagemaker.DescribeContextInput{ContextName: aws.String("arn:aws:sagemaker:us-east-1:123456789012:context/ctx_2")}))
	rec(api.DescribeContext(ctx, &sagemaker.DescribeContextInput{ContextName: aws.String("nope")}))
	rec(api.UpdateContext(ctx, &sagemaker.UpdateContextInput{ContextName: aws.String("ctx_3"), Description: aws.String("new"), PropertiesToRemove: []string{"i"}}))
	rec(api.DescribeContext(ctx, &sagemaker.DescribeContextInput{ContextName: aws.String("ctx_3")}))
	rec(api.ListContexts(ctx, &sagemaker.ListContextsInput{SortBy: types.SortContextsByName, SortOrder: types.SortOrderDescending, MaxResults: aws.Int32(3)}))
	rec(api.ListContexts(ctx, &sagemaker.ListContextsInput{ContextType: aws.String("Endpoint"), CreatedBefore: aws.Time(start.Add(3 * time.Second))}))
	rec(api.DeleteContext(ctx, &sagemaker.DeleteContextInput{ContextName: aws.String("ctx_0")}))
	rec(api.DeleteContext(ctx, &sagemaker.DeleteContextInput{ContextName: aws.String("ctx_0")}))
	rec(api.ListLineageGroups(ctx, &sagemaker.ListLineageGroupsInput{SortBy: types.SortLineageGroupsByName}))
	rec(api.DescribeLineageGroup(ctx, &sagemaker.DescribeLineageGroupInput{LineageGroupName: aws.String("sagemaker-default-lineage-group")}))
	rec(api.DescribeLineageGroup(ctx, &sagemaker.DescribeLineageGroupInput{LineageGroupName: aws.String("mine")}))
	return r
}

// graphScript touches AddAssociation, DeleteAssociation, ListAssociations and QueryLineage, their
// options and their errors, and deletes associated entities (refused, or cascading when the fake
// is made WithCascadingDeletes).
func graphScript(api fake.SageMakerAPI, clk interface{ Add(time.Duration) }) []outcome {
	ctx := context.Background()
	var r outcomes
	rec := r.rec
	arn := func(o *sagemaker.CreateArtifactOutput, err error) string {
		rec(o, err)
		if err != nil {
			return ""
		}
		return aws.ToString(o.ArtifactArn)
	}
	typed := func(uri, typ string) *sagemaker.CreateArtifactInput {
		in := newArtifact(uri)
		in.ArtifactType = aws.String(typ)
		in.Properties = map[string]string{"uri": uri}
		return in
	}
	image := arn(api.CreateArtifact(ctx, typed("ecr://image", "Image")))
	model := arn(api.CreateArtifact(ctx, typed("s3://model.tar.gz", "Model")))
	named := typed("s3://train.csv", "DataSet")
	named.ArtifactName = aws.String("train")
	dataset := arn(api.CreateArtifact(ctx, named))
	deployIn := newAction("deploy")
	deployIn.ActionType = aws.String("ModelDeploy")
	rec(api.CreateAction(ctx, deployIn))
	deploy := "arn:aws:sagemaker:us-east-1:123456789012:action/deploy"
	prod := newContext("prod")
	prod.Properties = map[string]string{"stage": "prod"}
	rec(api.CreateContext(ctx, prod))
	endpoint := "arn:aws:sagemaker:us-east-1:123456789012:context/prod"
	link := func(src, dst string, typ types.AssociationEdgeType) {
		rec(api.AddAssociation(ctx, &sagemaker.AddAssociationInput{SourceArn: aws.String(src), DestinationArn: aws.String(dst), AssociationType: typ}))
		clk.Add(time.Second)
	}
	link(image, model, types.AssociationEdgeTypeContributedTo)
	link(dataset, model, types.AssociationEdgeTypeAssociatedWith)
	link(model, deploy, types.AssociationEdgeTypeContributedTo)
	link(deploy, endpoint, "")
	link(model, deploy, types.AssociationEdgeTypeProduced)                   // the same pair: already exists
	link(deploy, model, types.AssociationEdgeTypeDerivedFrom)                // the reverse pair is another
	link(model, "arn:aws:sagemaker:us-east-1:123456789012:context/none", "") // a missing end
	link("arn:aws:sagemaker:us-east-1:123456789012:experiment/x", "arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/y", "")
	link("arn:aws:sagemaker:us-east-1:123456789012:experiment-trial/t", model, "") // trials match no pattern
	link(model, model, "SideBySide")                                               // not in the enum
	rec(api.AddAssociation(ctx, &sagemaker.AddAssociationInput{SourceArn: aws.String(model)}))

	for _, in := range []*sagemaker.ListAssociationsInput{
		{},
		{SourceArn: aws.String(model)},
		{DestinationArn: aws.String(model), SortBy: types.SortAssociationsBySourceArn, SortOrder: types.SortOrderAscending},
		{SortBy: types.SortAssociationsByDestinationType, MaxResults: aws.Int32(2)},
		{SortBy: types.SortAssociationsBySourceType, SortOrder: types.SortOrderAscending},
		{SourceType: aws.String("Model"), AssociationType: types.AssociationEdgeTypeContributedTo},
		{DestinationType: aws.String("Endpoint")},
		{CreatedAfter: aws.Time(start.Add(time.Second)), CreatedBefore: aws.Time(start.Add(2 * time.Second))},
		{NextToken: aws.String("forged")},
		{MaxResults: aws.Int32(0), SortBy: "Name"},
	} {
		rec(api.ListAssociations(ctx, in))
	}
	first, err := api.ListAssociations(ctx, &sagemaker.ListAssociationsInput{MaxResults: aws.Int32(3)})
	rec(first, err)
	if err == nil {
		rec(api.ListAssociations(ctx, &sagemaker.ListAssociationsInput{MaxResults: aws.Int32(3), NextToken: first.NextToken}))
	}

	ten := aws.Int32(10)
	for _, in := range []*sagemaker.QueryLineageInput{
		{StartArns: []string{model}, Direction: types.DirectionBoth, IncludeEdges: aws.Bool(true), Filters: &types.QueryFilters{}, MaxDepth: ten},
		{StartArns: []string{model}, Direction: types.DirectionDescendants, IncludeEdges: aws.Bool(false), MaxDepth: ten,
			Filters: &types.QueryFilters{LineageTypes: []types.LineageType{types.LineageTypeContext}, Types: []string{"Endpoint"}}},
		{StartArns: []string{endpoint}, Direction: types.DirectionAscendants, IncludeEdges: aws.Bool(true),
			Filters: &types.QueryFilters{LineageTypes: []types.LineageType{types.LineageTypeArtifact}, Types: []string{"DataSet", "Image"}}},
		{StartArns: []string{image}},
		{StartArns: []string{image}, MaxDepth: aws.Int32(1), IncludeEdges: aws.Bool(true)},
		{StartArns: []string{image}, MaxDepth: aws.Int32(0)},
		{StartArns: []string{endpoint}, Filters: &types.QueryFilters{Properties: map[string]string{"uri": "s3://train.csv", "x": "y"},
			CreatedAfter: aws.Time(start), CreatedBefore: aws.Time(start), ModifiedAfter: aws.Time(start)}},
		{StartArns: []string{model}, Filters: &types.QueryFilters{CreatedAfter: aws.Time(start.Add(time.Hour))}},
		{},
		{StartArns: []string{"arn:aws:sagemaker:us-east-1:123456789012:artifact/" + strings.Repeat("0", 32)}},
		{StartArns: []string{model, image}},
		{StartArns: []string{model}, MaxDepth: aws.Int32(11), MaxResults: aws.Int32(51)},
		{StartArns: []string{model}, MaxDepth: aws.Int32(-1)},
		{StartArns: []string{model}, Direction: "Sideways", Filters: &types.QueryFilters{LineageTypes: []types.LineageType{"Trial"}}},
		{StartArns: []string{model}, MaxResults: aws.Int32(2), NextToken: aws.String("forged")},
	} {
		rec(api.QueryLineage(ctx, in))
	}
	paged := &sagemaker.QueryLineageInput{StartArns: []string{model}, IncludeEdges: aws.Bool(true), MaxResults: aws.Int32(2)}
	for i := 0; i < 4; i++ {
		out, err := api.QueryLineage(ctx, paged)
		rec(out, err)
		if err != nil || out.NextToken == nil {
			break
		}
		paged.NextToken = out.NextToken
	}

	rec(api.DeleteAction(ctx, &sagemaker.DeleteActionInput{ActionName: aws.String("deploy")}))
	rec(api.DeleteArtifact(ctx, &sagemaker.DeleteArtifactInput{ArtifactArn: aws.String(image)}))
	rec(api.DeleteAssociation(ctx, &sagemaker.DeleteAssociationInput{SourceArn: aws.String(dataset), DestinationArn: aws.String(model)}))
	rec(api.DeleteAssociation(ctx, &sagemaker.DeleteAssociationInput{SourceArn: aws.String(dataset), DestinationArn: aws.String(model)}))
	rec(api.DeleteAssociation(ctx, &sagemaker.DeleteAssociationInput{SourceArn: aws.String(dataset)}))
	rec(api.DeleteArtifact(ctx, &sagemaker.DeleteArtifactInput{ArtifactArn: aws.String(dataset)}))
	rec(api.DeleteContext(ctx, &sagemaker.DeleteContextInput{ContextName: aws.String("prod")}))
	rec(api.ListAssociations(ctx, &sagemaker.ListAssociationsInput{SortOrder: types.SortOrderAscending}))
	rec(api.QueryLineage(ctx, &sagemaker.QueryLineageInput{StartArns: []string{model}, IncludeEdges: aws.Bool(true)}))
	return r
}

// experimentScript touches every experiment, trial, trial component, Search and
// GetSearchSuggestions operation, their options and every error they model: ConflictException
// (which the fake never raises by itself) comes from the scenario experimentConflicts installs.
func experimentScript(api fake.SageMakerAPI, clk interface{ Add(time.Duration) }) []outcome {
	ctx := context.Background()
	var r outcomes
	rec := r.rec
	s := aws.String
	rec(api.CreateExperiment(ctx, &sagemaker.CreateExperimentInput{ExperimentName: s("Churn"), DisplayName: s("churn-display"),
		Description: s("d"), Tags: []types.Tag{tag("team", "ml")}}))
	rec(api.CreateExperiment(ctx, &sagemaker.CreateExperimentInput{ExperimentName: s("churn")}))     // already exists
	rec(api.CreateExperiment(ctx, &sagemaker.CreateExperimentInput{ExperimentName: s("second")}))    // over the quota of 1
	rec(api.CreateExperiment(ctx, &sagemaker.CreateExperimentInput{ExperimentName: s("bad_name")}))  // pattern
	rec(api.DescribeExperiment(ctx, &sagemaker.DescribeExperimentInput{ExperimentName: s("CHURN")})) // ignoring case
	rec(api.DescribeExperiment(ctx, &sagemaker.DescribeExperimentInput{ExperimentName: s("nope")}))  // ResourceNotFound
	rec(api.UpdateExperiment(ctx, &sagemaker.UpdateExperimentInput{ExperimentName: s("churn"), Description: s("e")}))
	rec(api.UpdateExperiment(ctx, &sagemaker.UpdateExperimentInput{ExperimentName: s("churn")})) // injected conflict
	rec(api.UpdateExperiment(ctx, &sagemaker.UpdateExperimentInput{ExperimentName: s("nope")}))
	for i := 0; i < 3; i++ {
		rec(api.CreateTrial(ctx, &sagemaker.CreateTrialInput{TrialName: s(fmt.Sprintf("run-%d", i)), ExperimentName: s("churn"),
			MetadataProperties: &types.MetadataProperties{CommitId: s("c")}, Tags: []types.Tag{tag("i", fmt.Sprint(i))}}))
		clk.Add(time.Second)
	}
	rec(api.CreateTrial(ctx, &sagemaker.CreateTrialInput{TrialName: s("run-9"), ExperimentName: s("nope")}))  // ResourceNotFound
	rec(api.CreateTrial(ctx, &sagemaker.CreateTrialInput{TrialName: s("run-3"), ExperimentName: s("churn")})) // over 3 per experiment
	rec(api.DescribeTrial(ctx, &sagemaker.DescribeTrialInput{TrialName: s("run-1")}))
	rec(api.DescribeTrial(ctx, &sagemaker.DescribeTrialInput{TrialName: s("nope")}))
	rec(api.UpdateTrial(ctx, &sagemaker.UpdateTrialInput{TrialName: s("run-1"), DisplayName: s("one")}))
	rec(api.UpdateTrial(ctx, &sagemaker.UpdateTrialInput{TrialName: s("run-1")})) // injected conflict
	rec(api.UpdateTrial(ctx, &sagemaker.UpdateTrialInput{TrialName: s("nope")}))
	for i, name := range []string{"prep", "train", "eval"} {
		rec(api.CreateTrialComponent(ctx, &sagemaker.CreateTrialComponentInput{TrialComponentName: s(name), StartTime: aws.Time(start),
			Status: &types.TrialComponentStatus{PrimaryStatus: types.TrialComponentPrimaryStatusInProgress, Message: s("m")},
			Parameters: map[string]types.TrialComponentParameterValue{"lr": &types.TrialComponentParameterValueMemberNumberValue{Value: float64(i) / 10},
				"opt": &types.TrialComponentParameterValueMemberStringValue{Value: "adam"}},
			InputArtifacts:  map[string]types.TrialComponentArtifact{"data": {Value: s("s3://d/" + name), MediaType: s("text/csv")}},
			OutputArtifacts: map[string]types.TrialComponentArtifact{"model": {Value: s("s3://m/" + name)}},
			Tags:            []types.Tag{tag("stage", name)}}))
		clk.Add(time.Second)
	}
	rec(api.CreateTrialComponent(ctx, &sagemaker.CreateTrialComponentInput{TrialComponentName: s("extra")})) // over the quota of 3
	rec(api.CreateTrialComponent(ctx, &sagemaker.CreateTrialComponentInput{TrialComponentName: s("x"),
		InputArtifacts: map[string]types.TrialComponentArtifact{"k": {Value: s("v"), MediaType: s("not a type")}}}))
	for _, pair := range [][2]string{{"prep", "run-0"}, {"train", "run-0"}, {"train", "run-1"}, {"eval", "run-1"}, {"train", "run-0"},
		{"eval", "run-0"}, {"nope", "run-0"}, {"eval", "nope"}, {"eval", "run-2"}} {
		rec(api.AssociateTrialComponent(ctx, &sagemaker.AssociateTrialComponentInput{TrialComponentName: s(pair[0]), TrialName: s(pair[1])}))
	}
	rec(api.DescribeTrialComponent(ctx, &sagemaker.DescribeTrialComponentInput{TrialComponentName: s("arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/train")}))
	rec(api.DescribeTrialComponent(ctx, &sagemaker.DescribeTrialComponentInput{TrialComponentName: s("nope")}))
	rec(api.UpdateTrialComponent(ctx, &sagemaker.UpdateTrialComponentInput{TrialComponentName: s("train"), EndTime: aws.Time(start.Add(time.Hour)),
		Parameters:         map[string]types.TrialComponentParameterValue{"epochs": &types.TrialComponentParameterValueMemberNumberValue{Value: 3}},
		ParametersToRemove: []string{"opt"}, OutputArtifactsToRemove: []string{"model"}}))
	rec(api.UpdateTrialComponent(ctx, &sagemaker.UpdateTrialComponentInput{TrialComponentName: s("train")})) // injected conflict
	rec(api.UpdateTrialComponent(ctx, &sagemaker.UpdateTrialComponentInput{TrialComponentName: s("nope")}))
	rec(api.DescribeTrialComponent(ctx, &sagemaker.DescribeTrialComponentInput{TrialComponentName: s("train")}))
	for _, in := range []*sagemaker.ListExperimentsInput{{}, {SortBy: types.SortExperimentsByName, SortOrder: types.SortOrderAscending}, {NextToken: s("forged")}} {
		rec(api.ListExperiments(ctx, in))
	}
	for _, in := range []*sagemaker.ListTrialsInput{{}, {ExperimentName: s("churn"), MaxResults: aws.Int32(2)}, {TrialComponentName: s("train")},
		{ExperimentName: s("nope")}, {TrialComponentName: s("nope")}, {SortBy: types.SortTrialsByName, CreatedAfter: aws.Time(start.Add(time.Second))}} {
		rec(api.ListTrials(ctx, in))
	}
	for _, in := range []*sagemaker.ListTrialComponentsInput{{}, {TrialName: s("run-0")}, {ExperimentName: s("churn"), SortBy: types.SortTrialComponentsByName},
		{SourceArn: s("arn:aws:sagemaker:us-east-1:123456789012:training-job/none")}, {TrialName: s("nope")}, {ExperimentName: s("nope")},
		{TrialName: s("run-0"), SourceArn: s("x")}, {MaxResults: aws.Int32(1), CreatedBefore: aws.Time(start.Add(4 * time.Second))}} {
		rec(api.ListTrialComponents(ctx, in))
	}
	for _, in := range []*sagemaker.SearchInput{
		{Resource: types.ResourceTypeExperimentTrialComponent, SearchExpression: &types.SearchExpression{Filters: []types.Filter{
			{Name: s("Parents.TrialName"), Operator: types.OperatorEquals, Value: s("run-0")}}}},
		{Resource: types.ResourceTypeExperimentTrialComponent, SortBy: s("Parameters.lr"), SortOrder: types.SearchSortOrderAscending, MaxResults: aws.Int32(2)},
		{Resource: types.ResourceTypeExperimentTrialComponent, SearchExpression: &types.SearchExpression{Operator: types.BooleanOperatorOr,
			SubExpressions: []types.SearchExpression{{Filters: []types.Filter{{Name: s("Tags.stage"), Value: s("prep")}}},
				{NestedFilters: []types.NestedFilters{{NestedPropertyName: s("Parents"), Filters: []types.Filter{{Name: s("Parents.TrialName"), Operator: types.OperatorIn, Value: s("run-1,run-2")}}}}}}}},
		{Resource: types.ResourceTypeExperimentTrial, SearchExpression: &types.SearchExpression{Filters: []types.Filter{
			{Name: s("TrialComponentSummaries.TrialComponentName"), Operator: types.OperatorEquals, Value: s("train")}}}},
		{Resource: types.ResourceTypeExperiment, VisibilityConditions: []types.VisibilityConditions{{Key: s("Tags.team"), Value: s("ml")}}},
		{Resource: types.ResourceTypeExperimentTrialComponent, SearchExpression: &types.SearchExpression{Filters: []types.Filter{{Name: s("TrialName"), Value: s("x")}}}},
		{Resource: types.ResourceTypeExperimentTrialComponent, SearchExpression: &types.SearchExpression{Filters: []types.Filter{}}},
		{Resource: types.ResourceTypeModel},
		{Resource: types.ResourceTypeExperiment, NextToken: s("forged")},
	} {
		rec(api.Search(ctx, in))
	}
	rec(api.GetSearchSuggestions(ctx, &sagemaker.GetSearchSuggestionsInput{Resource: types.ResourceTypeExperimentTrialComponent,
		SuggestionQuery: &types.SuggestionQuery{PropertyNameQuery: &types.PropertyNameQuery{PropertyNameHint: s("p")}}}))
	rec(api.GetSearchSuggestions(ctx, &sagemaker.GetSearchSuggestionsInput{Resource: types.ResourceTypeExperimentTrial}))
	rec(api.ListTags(ctx, &sagemaker.ListTagsInput{ResourceArn: s("arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/eval")}))
	rec(api.GetLineageGroupPolicy(ctx, &sagemaker.GetLineageGroupPolicyInput{LineageGroupName: s("sagemaker-default-lineage-group")}))
	rec(api.DeleteTrialComponent(ctx, &sagemaker.DeleteTrialComponentInput{TrialComponentName: s("eval")}))
	rec(api.DeleteTrial(ctx, &sagemaker.DeleteTrialInput{TrialName: s("run-1")}))
	rec(api.DeleteExperiment(ctx, &sagemaker.DeleteExperimentInput{ExperimentName: s("churn")}))
	for _, pair := range [][2]string{{"eval", "run-1"}, {"eval", "run-0"}, {"eval", "run-2"}, {"eval", "run-0"}, {"nope", "run-0"}, {"eval", "nope"}} {
		rec(api.DisassociateTrialComponent(ctx, &sagemaker.DisassociateTrialComponentInput{TrialComponentName: s(pair[0]), TrialName: s(pair[1])}))
	}
	rec(api.DeleteTrialComponent(ctx, &sagemaker.DeleteTrialComponentInput{TrialComponentName: s("EVAL")}))
	rec(api.DeleteTrialComponent(ctx, &sagemaker.DeleteTrialComponentInput{TrialComponentName: s("eval")}))
	rec(api.DeleteTrial(ctx, &sagemaker.DeleteTrialInput{TrialName: s("run-2")}))
	rec(api.DeleteTrial(ctx, &sagemaker.DeleteTrialInput{TrialName: s("run-2")}))
	rec(api.DeleteExperiment(ctx, &sagemaker.DeleteExperimentInput{ExperimentName: s("nope")}))
	return r
}

// experimentConflicts makes every second Update of an experiment entity fail with
// ConflictException, which AWS models and the fake raises only when asked, and sets small
// quotas so that the script reaches every ResourceLimitExceeded.
func experimentConflicts() []fake.Option {
	s := scenario.New()
	for _, op := range []string{"UpdateExperiment", "UpdateTrial", "UpdateTrialComponent"} {
		s.On("sagemaker", op).Nth(2).Fail(scenario.ConflictException("The trial component is being updated."))
	}
	return []fake.Option{fake.WithScenario(s), fake.WithQuota(fake.Experiments, 1), fake.WithQuota(fake.Trials, 3),
		fake.WithQuota(fake.TrialComponents, 3), fake.WithQuota(fake.TrialMemberships, 2)}
}

// TestDoorsAgree runs each script through the typed door and through a real SDK client on the
// wire door, each on a fresh fake at the same instant, and requires identical outputs, error
// codes, messages and error strings.
func TestDoorsAgree(t *testing.T) {
	t.Parallel()
	scripts := map[string]struct {
		script func(fake.SageMakerAPI, interface{ Add(time.Duration) }) []outcome
		opts   []fake.Option
	}{
		"actions":                             {script: script},
		"artifacts, contexts, lineage groups": {script: lineageScript},
		"associations, QueryLineage":          {script: graphScript},
		"associations, cascading deletes":     {script: graphScript, opts: []fake.Option{fake.WithCascadingDeletes()}},
		"experiments, trials, components":     {script: experimentScript, opts: experimentConflicts()},
	}
	for name, s := range scripts {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			run := func(d door) []outcome {
				clk := mockClock()
				return s.script(d.api(fake.New(append([]fake.Option{fake.WithClock(clk)}, s.opts...)...)), clk)
			}
			typed, wire := run(doors[0]), run(doors[1])
			if diff := cmp.Diff(wire, typed, ignoreSDK); diff != "" {
				t.Fatalf("the doors disagree (-wire +typed):\n%s", diff)
			}
			errs := 0
			for _, o := range typed {
				if o.Err != "" {
					errs++
				}
			}
			if errs < 6 || errs == len(typed) {
				t.Fatalf("the script should mix successes and errors, got %d errors of %d calls", errs, len(typed))
			}
		})
	}
}

// The experiment script reaches every error each of its operations models, each one a real
// answer of the fake but ConflictException, which only a scenario raises.
func TestExperimentScriptReachesEveryModelledError(t *testing.T) {
	t.Parallel()
	clk := mockClock()
	f := fake.New(append([]fake.Option{fake.WithClock(clk)}, experimentConflicts()...)...)
	experimentScript(f.SageMaker(), clk)
	reached := map[string]bool{}
	for _, c := range f.Calls() {
		if c.Err != nil {
			reached[c.Operation+" "+c.Err.Code] = true
		}
	}
	for _, op := range []string{"CreateExperiment", "DescribeExperiment", "UpdateExperiment", "DeleteExperiment", "ListExperiments",
		"CreateTrial", "DescribeTrial", "UpdateTrial", "DeleteTrial", "ListTrials", "CreateTrialComponent", "DescribeTrialComponent",
		"UpdateTrialComponent", "DeleteTrialComponent", "ListTrialComponents", "AssociateTrialComponent", "DisassociateTrialComponent",
		"Search", "GetSearchSuggestions", "GetLineageGroupPolicy"} {
		for _, code := range catalog.Lookup("sagemaker", op).Errors {
			require.True(t, reached[op+" "+code], "%s never answers %s", op, code)
		}
	}
}
