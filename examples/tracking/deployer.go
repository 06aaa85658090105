package tracking

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/benbjohnson/clock"
)

// TrainingAPI is the part of aws-sdk-go-v2's *personalize.Client the deployer uses.
type TrainingAPI interface {
	CreateDatasetImportJob(context.Context, *personalize.CreateDatasetImportJobInput, ...func(*personalize.Options)) (*personalize.CreateDatasetImportJobOutput, error)
	DescribeDatasetImportJob(context.Context, *personalize.DescribeDatasetImportJobInput, ...func(*personalize.Options)) (*personalize.DescribeDatasetImportJobOutput, error)
	CreateSolution(context.Context, *personalize.CreateSolutionInput, ...func(*personalize.Options)) (*personalize.CreateSolutionOutput, error)
	DescribeSolution(context.Context, *personalize.DescribeSolutionInput, ...func(*personalize.Options)) (*personalize.DescribeSolutionOutput, error)
	CreateSolutionVersion(context.Context, *personalize.CreateSolutionVersionInput, ...func(*personalize.Options)) (*personalize.CreateSolutionVersionOutput, error)
	DescribeSolutionVersion(context.Context, *personalize.DescribeSolutionVersionInput, ...func(*personalize.Options)) (*personalize.DescribeSolutionVersionOutput, error)
	StopSolutionVersionCreation(context.Context, *personalize.StopSolutionVersionCreationInput, ...func(*personalize.Options)) (*personalize.StopSolutionVersionCreationOutput, error)
	GetSolutionMetrics(context.Context, *personalize.GetSolutionMetricsInput, ...func(*personalize.Options)) (*personalize.GetSolutionMetricsOutput, error)
	CreateCampaign(context.Context, *personalize.CreateCampaignInput, ...func(*personalize.Options)) (*personalize.CreateCampaignOutput, error)
	DescribeCampaign(context.Context, *personalize.DescribeCampaignInput, ...func(*personalize.Options)) (*personalize.DescribeCampaignOutput, error)
}

// Deployer takes a provisioned dataset group to a campaign, as AWS's getting-started path does:
// import the interactions, train a solution version, read its metrics, deploy it. Each step
// waits on Clock, describing the resource every PollInterval until it is ACTIVE.
type Deployer struct {
	API          TrainingAPI
	Clock        clock.Clock   // clock.New() in production
	RoleArn      string        // the role Personalize reads the bucket with
	PollInterval time.Duration // default 1m, as AWS's samples poll
	// Timeout bounds the import, the solution and the campaign (default 30m); TrainingTimeout
	// bounds training (default 2h). A training that runs past it is stopped (it costs money
	// while it runs) and reported with ErrTimeout.
	Timeout, TrainingTimeout time.Duration
}

// Deployment is what Deploy made.
type Deployment struct {
	ImportJobArn, SolutionArn, SolutionVersionArn, CampaignArn string
	Metrics                                                    map[string]float64
}

// ErrStopped is returned when the solution version's training was stopped by someone else.
var ErrStopped = errors.New("training was stopped")

// Deploy imports the interactions at dataLocation (s3://bucket/key, or a folder) into the
// tracking's Interactions dataset, trains a solution of recipe on the group's data, and deploys
// the version in a campaign, all named after name.
func (d *Deployer) Deploy(ctx context.Context, tr Tracking, name, dataLocation, recipe string) (Deployment, error) {
	var dep Deployment
	job, err := d.API.CreateDatasetImportJob(ctx, &personalize.CreateDatasetImportJobInput{JobName: aws.String(name + "-import"),
		DatasetArn: aws.String(tr.InteractionsArn), DataSource: &types.DataSource{DataLocation: aws.String(dataLocation)}, RoleArn: aws.String(d.RoleArn)})
	if err != nil {
		return dep, createError("import job "+name, err)
	}
	dep.ImportJobArn = aws.ToString(job.DatasetImportJobArn)
	if err := d.wait(ctx, "import job "+dep.ImportJobArn, d.Timeout, func() (string, string, error) {
		out, err := d.API.DescribeDatasetImportJob(ctx, &personalize.DescribeDatasetImportJobInput{DatasetImportJobArn: job.DatasetImportJobArn})
		if err != nil {
			return "", "", err
		}
		return aws.ToString(out.DatasetImportJob.Status), aws.ToString(out.DatasetImportJob.FailureReason), nil
	}); err != nil {
		return dep, err
	}

	sol, err := d.API.CreateSolution(ctx, &personalize.CreateSolutionInput{Name: aws.String(name), DatasetGroupArn: aws.String(tr.DatasetGroupArn), RecipeArn: aws.String(recipe)})
	if err != nil {
		return dep, createError("solution "+name, err)
	}
	dep.SolutionArn = aws.ToString(sol.SolutionArn)
	if err := d.wait(ctx, "solution "+dep.SolutionArn, d.Timeout, func() (string, string, error) {
		out, err := d.API.DescribeSolution(ctx, &personalize.DescribeSolutionInput{SolutionArn: sol.SolutionArn})
		if err != nil {
			return "", "", err
		}
		return aws.ToString(out.Solution.Status), "", nil
	}); err != nil {
		return dep, err
	}

	if dep.SolutionVersionArn, err = d.train(ctx, dep.SolutionArn); err != nil {
		return dep, err
	}
	metrics, err := d.API.GetSolutionMetrics(ctx, &personalize.GetSolutionMetricsInput{SolutionVersionArn: aws.String(dep.SolutionVersionArn)})
	if err != nil {
		return dep, fmt.Errorf("metrics of %s: %w", dep.SolutionVersionArn, err)
	}
	dep.Metrics = metrics.Metrics

	camp, err := d.API.CreateCampaign(ctx, &personalize.CreateCampaignInput{Name: aws.String(name), SolutionVersionArn: aws.String(dep.SolutionVersionArn)})
	if err != nil {
		return dep, createError("campaign "+name, err)
	}
	dep.CampaignArn = aws.ToString(camp.CampaignArn)
	return dep, d.wait(ctx, "campaign "+dep.CampaignArn, d.Timeout, func() (string, string, error) {
		out, err := d.API.DescribeCampaign(ctx, &personalize.DescribeCampaignInput{CampaignArn: camp.CampaignArn})
		if err != nil {
			return "", "", err
		}
		return aws.ToString(out.Campaign.Status), aws.ToString(out.Campaign.FailureReason), nil
	})
}

// train creates a solution version and waits for its training; one that runs past
// TrainingTimeout is stopped, and the wait goes on until it has.
func (d *Deployer) train(ctx context.Context, solution string) (string, error) {
	v, err := d.API.CreateSolutionVersion(ctx, &personalize.CreateSolutionVersionInput{SolutionArn: aws.String(solution)})
	if err != nil {
		return "", createError("solution version of "+solution, err)
	}
	arn := aws.ToString(v.SolutionVersionArn)
	status := func() (string, string, error) {
		out, err := d.API.DescribeSolutionVersion(ctx, &personalize.DescribeSolutionVersionInput{SolutionVersionArn: v.SolutionVersionArn})
		if err != nil {
			return "", "", err
		}
		return aws.ToString(out.SolutionVersion.Status), aws.ToString(out.SolutionVersion.FailureReason), nil
	}
	timeout := d.TrainingTimeout
	if timeout <= 0 {
		timeout = 2 * time.Hour
	}
	err = d.wait(ctx, "solution version "+arn, timeout, status)
	if !errors.Is(err, ErrTimeout) {
		return arn, err
	}
	if _, serr := d.API.StopSolutionVersionCreation(ctx, &personalize.StopSolutionVersionCreationInput{SolutionVersionArn: v.SolutionVersionArn}); serr != nil {
		return arn, errors.Join(err, fmt.Errorf("stop %s: %w", arn, serr))
	}
	// Stopping takes a while (CREATE STOPPING); the version is reported once it has stopped.
	if werr := d.wait(ctx, "solution version "+arn, timeout, status); !errors.Is(werr, ErrStopped) {
		return arn, errors.Join(err, werr)
	}
	return arn, err
}

// wait polls status on the clock until it is ACTIVE, fails, stops, or the timeout passes.
func (d *Deployer) wait(ctx context.Context, what string, timeout time.Duration, status func() (string, string, error)) error {
	interval := d.PollInterval
	if interval <= 0 {
		interval = time.Minute
	}
	if timeout <= 0 {
		timeout = 30 * time.Minute
	}
	deadline := d.Clock.Now().Add(timeout)
	for {
		s, reason, err := status()
		switch {
		case err != nil:
			return fmt.Errorf("describe %s: %w", what, err)
		case s == "ACTIVE":
			return nil
		case s == "CREATE FAILED":
			return fmt.Errorf("%s: %w: %s", what, ErrCreateFailed, reason)
		case s == "CREATE STOPPED":
			return fmt.Errorf("%s: %w", what, ErrStopped)
		case s != "CREATE STOPPING" && !d.Clock.Now().Before(deadline):
			return fmt.Errorf("%s is still %s after %v: %w", what, s, timeout, ErrTimeout)
		}
		select {
		case <-d.Clock.After(interval):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
