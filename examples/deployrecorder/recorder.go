// Package deployrecorder records each model deployment in SageMaker ML lineage, the way a
// deployment pipeline would: the model as an artifact (its identity is its S3 URI), the
// endpoint as a context (one per endpoint, whatever is deployed to it), and the deployment as
// an action named after the endpoint and the model version, linked as AWS links the lineage of
// its own endpoints: model -ContributedTo-> action -AssociatedWith-> endpoint. Recording the
// same deployment twice (a retried pipeline step) is harmless: each entity is found, or created
// once, and each association added once. Endpoints answers "which endpoints serve this model?"
// with QueryLineage. TrainingRecorder records how a model was made: a training run as a trial
// component, in a trial of an experiment, between its dataset and its model; TrialsOf answers
// "which trials produced this model?" as AWS's Python SDK does.
//
// It is an example of code under test: its tests run it against awsfake instead of AWS.
package deployrecorder

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/aws/smithy-go"
)

// LineageAPI is the part of *sagemaker.Client the recorder uses.
type LineageAPI interface {
	CreateAction(context.Context, *sagemaker.CreateActionInput, ...func(*sagemaker.Options)) (*sagemaker.CreateActionOutput, error)
	DescribeAction(context.Context, *sagemaker.DescribeActionInput, ...func(*sagemaker.Options)) (*sagemaker.DescribeActionOutput, error)
	UpdateAction(context.Context, *sagemaker.UpdateActionInput, ...func(*sagemaker.Options)) (*sagemaker.UpdateActionOutput, error)
	ListActions(context.Context, *sagemaker.ListActionsInput, ...func(*sagemaker.Options)) (*sagemaker.ListActionsOutput, error)
	CreateArtifact(context.Context, *sagemaker.CreateArtifactInput, ...func(*sagemaker.Options)) (*sagemaker.CreateArtifactOutput, error)
	ListArtifacts(context.Context, *sagemaker.ListArtifactsInput, ...func(*sagemaker.Options)) (*sagemaker.ListArtifactsOutput, error)
	CreateContext(context.Context, *sagemaker.CreateContextInput, ...func(*sagemaker.Options)) (*sagemaker.CreateContextOutput, error)
	DescribeContext(context.Context, *sagemaker.DescribeContextInput, ...func(*sagemaker.Options)) (*sagemaker.DescribeContextOutput, error)
	AddAssociation(context.Context, *sagemaker.AddAssociationInput, ...func(*sagemaker.Options)) (*sagemaker.AddAssociationOutput, error)
	QueryLineage(context.Context, *sagemaker.QueryLineageInput, ...func(*sagemaker.Options)) (*sagemaker.QueryLineageOutput, error)
}

// Deployment is one model version going live on an endpoint.
type Deployment struct {
	Endpoint     string // e.g. "churn-prod"
	EndpointARN  string // e.g. arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn-prod
	ModelVersion string // e.g. "v7"
	ModelURI     string // the model artifact, e.g. s3://models/churn/v7.tar.gz
	DeployedBy   string
}

// Lineage is what a deployment is recorded as: the ARNs of the model artifact, the endpoint
// context and the deployment action, linked model -ContributedTo-> action -AssociatedWith->
// endpoint.
type Lineage struct {
	Model    string
	Endpoint string
	Action   string
}

// Record is one recorded deployment.
type Record struct {
	ARN        string
	Deployment Deployment
	Status     types.ActionStatus
	At         time.Time
}

// Recorder writes deployments to SageMaker lineage.
type Recorder struct{ API LineageAPI }

// ActionType marks the recorder's actions, so listing can filter on it.
const ActionType = "ModelDeployment"

var unsafe = regexp.MustCompile(`[^a-zA-Z0-9]+`)

// ActionName is the action a deployment is recorded as: SageMaker allows letters, digits and
// single hyphens, at most 120 characters.
func ActionName(d Deployment) string { return safeName("deploy-" + d.Endpoint + "-" + d.ModelVersion) }

// safeName makes a lineage entity name (actions', artifacts'): letters, digits and single
// hyphens, at most 120 characters.
func safeName(s string) string {
	name := strings.Trim(unsafe.ReplaceAllString(s, "-"), "-")
	if len(name) > 120 {
		name = strings.TrimRight(name[:120], "-")
	}
	if name == "" {
		name = "unnamed"
	}
	return name
}

// Record records a deployment: the model artifact and the endpoint context, found or created,
// the deployment action, in progress, and the associations that link them.
func (r *Recorder) Record(ctx context.Context, d Deployment) (Lineage, error) {
	var l Lineage
	var err error
	if l.Model, err = r.modelArtifact(ctx, d); err != nil {
		return Lineage{}, err
	}
	if l.Endpoint, err = r.endpointContext(ctx, d); err != nil {
		return Lineage{}, err
	}
	if l.Action, err = r.action(ctx, d); err != nil {
		return Lineage{}, err
	}
	if err = link(ctx, r.API, l.Model, l.Action, types.AssociationEdgeTypeContributedTo); err != nil {
		return Lineage{}, err
	}
	if err = link(ctx, r.API, l.Action, l.Endpoint, types.AssociationEdgeTypeAssociatedWith); err != nil {
		return Lineage{}, err
	}
	return l, nil
}

// associator is what link needs of a client.
type associator interface {
	AddAssociation(context.Context, *sagemaker.AddAssociationInput, ...func(*sagemaker.Options)) (*sagemaker.AddAssociationOutput, error)
}

// link adds an association. SageMaker knows an association by its two ends, and answers a
// second one with a ValidationException that says "already exists": for a retried step (or a
// retried request whose first response was lost), that is success.
func link(ctx context.Context, api associator, src, dst string, typ types.AssociationEdgeType) error {
	_, err := api.AddAssociation(ctx, &sagemaker.AddAssociationInput{SourceArn: aws.String(src), DestinationArn: aws.String(dst), AssociationType: typ})
	if err != nil && !alreadyExists(err) {
		return fmt.Errorf("link %s to %s: %w", src, dst, err)
	}
	return nil
}

// Endpoints answers "which endpoints serve this model?": the ARNs of the endpoint contexts
// downstream of the model's artifact, sorted. It asks as AWS's Python SDK does
// (ModelArtifact.endpoint_contexts): Descendants, only Context vertices of type Endpoint, no
// edges, and every default spelled out, since AWS documents none of them. It follows NextToken,
// though SageMaker sends one only when asked for pages.
func (r *Recorder) Endpoints(ctx context.Context, modelArtifactARN string) ([]string, error) {
	in := &sagemaker.QueryLineageInput{
		StartArns:    []string{modelArtifactARN},
		Direction:    types.DirectionDescendants,
		IncludeEdges: aws.Bool(false),
		MaxDepth:     aws.Int32(10),
		Filters: &types.QueryFilters{
			LineageTypes: []types.LineageType{types.LineageTypeContext},
			Types:        []string{EndpointType},
		},
	}
	var arns []string
	for {
		out, err := r.API.QueryLineage(ctx, in)
		if err != nil {
			return nil, fmt.Errorf("endpoints of %s: %w", modelArtifactARN, err)
		}
		for _, v := range out.Vertices {
			arns = append(arns, aws.ToString(v.Arn))
		}
		if aws.ToString(out.NextToken) == "" {
			break
		}
		in.NextToken = out.NextToken
	}
	slices.Sort(arns)
	return slices.Compact(arns), nil
}

// ModelType and EndpointType are the types of the recorder's artifacts and contexts.
const (
	ModelType    = "Model"
	EndpointType = "Endpoint"
)

// modelArtifact finds the model's artifact or creates it.
func (r *Recorder) modelArtifact(ctx context.Context, d Deployment) (string, error) {
	return findOrCreateArtifact(ctx, r.API, d.ModelURI, ModelType, d.ModelVersion)
}

// artifacts is what findOrCreateArtifact needs of a client.
type artifacts interface {
	CreateArtifact(context.Context, *sagemaker.CreateArtifactInput, ...func(*sagemaker.Options)) (*sagemaker.CreateArtifactOutput, error)
	ListArtifacts(context.Context, *sagemaker.ListArtifactsInput, ...func(*sagemaker.Options)) (*sagemaker.ListArtifactsOutput, error)
}

// findOrCreateArtifact finds the artifact of a URI and type, or creates it. SageMaker knows an
// artifact by its source, so, as AWS's own samples do, it lists by SourceUri first; it takes
// the artifact with no source types (the one it would create: another tool's, with an ETag, is
// another source). A create that meets "already exists" lost a race, or a response: it lists
// again.
func findOrCreateArtifact(ctx context.Context, api artifacts, uri, typ, name string) (string, error) {
	find := func() (string, error) {
		p := sagemaker.NewListArtifactsPaginator(api, &sagemaker.ListArtifactsInput{SourceUri: aws.String(uri), ArtifactType: aws.String(typ)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				return "", fmt.Errorf("find %s artifact %s: %w", strings.ToLower(typ), uri, err)
			}
			for _, a := range page.ArtifactSummaries {
				if a.Source != nil && len(a.Source.SourceTypes) == 0 {
					return aws.ToString(a.ArtifactArn), nil
				}
			}
		}
		return "", nil
	}
	if arn, err := find(); arn != "" || err != nil {
		return arn, err
	}
	out, err := api.CreateArtifact(ctx, &sagemaker.CreateArtifactInput{
		ArtifactName: aws.String(safeName(name)),
		ArtifactType: aws.String(typ),
		Source:       &types.ArtifactSource{SourceUri: aws.String(uri)},
	})
	if err == nil {
		return aws.ToString(out.ArtifactArn), nil
	}
	if !alreadyExists(err) {
		return "", fmt.Errorf("create %s artifact %s: %w", strings.ToLower(typ), uri, err)
	}
	if arn, ferr := find(); arn != "" || ferr != nil {
		return arn, ferr
	}
	return "", fmt.Errorf("create %s artifact %s: it exists but cannot be found: %w", strings.ToLower(typ), uri, err)
}

// EndpointContextName is the context an endpoint is recorded as: letters, digits, and hyphens
// and underscores between them (context names allow underscores, unlike action names), at
// most 120 characters.
func EndpointContextName(d Deployment) string {
	const suffix = "-endpoint"
	name := strings.Trim(unsafeContext.ReplaceAllString(d.Endpoint, "-"), "-_")
	if len(name) > 120-len(suffix) {
		name = strings.TrimRight(name[:120-len(suffix)], "-_")
	}
	if name == "" {
		name = "unnamed"
	}
	return name + suffix
}

var unsafeContext = regexp.MustCompile(`[^a-zA-Z0-9_]+`)

// endpointContext finds the endpoint's context or creates it: most deployments go to an
// endpoint recorded before, so it describes first (a missing context is ResourceNotFound).
func (r *Recorder) endpointContext(ctx context.Context, d Deployment) (string, error) {
	name := EndpointContextName(d)
	describe := func() (string, error) {
		out, err := r.API.DescribeContext(ctx, &sagemaker.DescribeContextInput{ContextName: aws.String(name)})
		if err != nil {
			return "", err
		}
		return aws.ToString(out.ContextArn), nil
	}
	arn, err := describe()
	var nf *types.ResourceNotFound
	if !errors.As(err, &nf) {
		if err != nil {
			return "", fmt.Errorf("find endpoint context %s: %w", name, err)
		}
		return arn, nil
	}
	source := d.EndpointARN
	if source == "" {
		source = d.Endpoint
	}
	out, err := r.API.CreateContext(ctx, &sagemaker.CreateContextInput{
		ContextName: aws.String(name),
		ContextType: aws.String(EndpointType),
		Source:      &types.ContextSource{SourceUri: aws.String(source)},
		Properties:  map[string]string{"endpoint": d.Endpoint},
	})
	if err == nil {
		return aws.ToString(out.ContextArn), nil
	}
	if !alreadyExists(err) {
		return "", fmt.Errorf("create endpoint context %s: %w", name, err)
	}
	if arn, err = describe(); err != nil {
		return "", fmt.Errorf("create endpoint context %s: it exists but cannot be read: %w", name, err)
	}
	return arn, nil
}

// action records the deployment itself, in progress. Recording it again returns the existing
// action: SageMaker answers a duplicate name with a ValidationException that says "already
// exists".
func (r *Recorder) action(ctx context.Context, d Deployment) (string, error) {
	name := ActionName(d)
	out, err := r.API.CreateAction(ctx, &sagemaker.CreateActionInput{
		ActionName: aws.String(name),
		ActionType: aws.String(ActionType),
		Source:     &types.ActionSource{SourceUri: aws.String(d.ModelURI), SourceType: aws.String("S3")},
		Status:     types.ActionStatusInProgress,
		Properties: map[string]string{"endpoint": d.Endpoint, "modelVersion": d.ModelVersion, "deployedBy": d.DeployedBy},
	})
	if err == nil {
		return aws.ToString(out.ActionArn), nil
	}
	if !alreadyExists(err) {
		return "", fmt.Errorf("record deployment %s: %w", name, err)
	}
	existing, derr := r.API.DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: aws.String(name)})
	if derr != nil {
		return "", fmt.Errorf("record deployment %s: it exists but cannot be read: %w", name, derr)
	}
	return aws.ToString(existing.ActionArn), nil
}

func alreadyExists(err error) bool {
	var ae smithy.APIError
	return errors.As(err, &ae) && ae.ErrorCode() == "ValidationException" && strings.Contains(ae.ErrorMessage(), "already exists")
}

// Finish marks a recorded deployment Completed or Failed.
func (r *Recorder) Finish(ctx context.Context, d Deployment, ok bool) error {
	status := types.ActionStatusCompleted
	if !ok {
		status = types.ActionStatusFailed
	}
	_, err := r.API.UpdateAction(ctx, &sagemaker.UpdateActionInput{ActionName: aws.String(ActionName(d)), Status: status})
	if err != nil {
		return fmt.Errorf("finish deployment %s: %w", ActionName(d), err)
	}
	return nil
}

// History lists the deployments of one model artifact, newest first, across every page.
func (r *Recorder) History(ctx context.Context, modelURI string) ([]Record, error) {
	p := sagemaker.NewListActionsPaginator(r.API, &sagemaker.ListActionsInput{
		SourceUri:  aws.String(modelURI),
		ActionType: aws.String(ActionType),
		MaxResults: aws.Int32(50),
	})
	var out []Record
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list deployments of %s: %w", modelURI, err)
		}
		for _, s := range page.ActionSummaries {
			d, err := r.API.DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: s.ActionArn})
			if err != nil {
				return nil, fmt.Errorf("read deployment %s: %w", aws.ToString(s.ActionName), err)
			}
			out = append(out, Record{
				ARN:    aws.ToString(d.ActionArn),
				Status: d.Status,
				At:     aws.ToTime(d.CreationTime),
				Deployment: Deployment{
					Endpoint: d.Properties["endpoint"], ModelVersion: d.Properties["modelVersion"],
					DeployedBy: d.Properties["deployedBy"], ModelURI: aws.ToString(d.Source.SourceUri),
				},
			})
		}
	}
	return out, nil
}
