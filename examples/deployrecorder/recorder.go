// Package deployrecorder records each model deployment as a SageMaker ML lineage action, the
// way a deployment pipeline would: one action per deployment, named after the endpoint and
// the model version, so that recording the same deployment twice (a retried pipeline step)
// is harmless.
//
// It is an example of code under test: its tests run it against awsfake instead of AWS.
package deployrecorder

import (
	"context"
	"errors"
	"fmt"
	"regexp"
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
}

// Deployment is one model version going live on an endpoint.
type Deployment struct {
	Endpoint     string // e.g. "churn-prod"
	ModelVersion string // e.g. "v7"
	ModelURI     string // the artifact, e.g. s3://models/churn/v7.tar.gz
	DeployedBy   string
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
func ActionName(d Deployment) string {
	name := strings.Trim(unsafe.ReplaceAllString("deploy-"+d.Endpoint+"-"+d.ModelVersion, "-"), "-")
	if len(name) > 120 {
		name = strings.TrimRight(name[:120], "-")
	}
	return name
}

// Record records a deployment as in progress and returns its action's ARN. Recording the
// same deployment again returns the existing action: SageMaker answers a duplicate name with
// a ValidationException that says "already exists".
func (r *Recorder) Record(ctx context.Context, d Deployment) (string, error) {
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
