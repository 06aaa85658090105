// Package tracking sets up Amazon Personalize event tracking for an application and sends its
// interactions, the way a service would at start-up: create (or find) a dataset group, wait
// until it is ACTIVE, create (or find) the Interactions schema and dataset that PutEvents
// appends to, wait again, create (or find) its one event tracker, wait again, and hand the
// tracker's trackingId to the sender.
//
// It is an example of code under test: its tests run it against awsfake, advancing a mock
// clock instead of waiting minutes, and once inside testing/synctest. It is a module of its
// own because Go's only downloadable Personalize client is aws-sdk-go (v1).
package tracking

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/awserr"
	"github.com/aws/aws-sdk-go/aws/request"
	"github.com/aws/aws-sdk-go/service/personalize"
	"github.com/benbjohnson/clock"
)

// PersonalizeAPI is the part of aws-sdk-go's *personalize.Personalize the provisioner uses.
type PersonalizeAPI interface {
	CreateDatasetGroupWithContext(aws.Context, *personalize.CreateDatasetGroupInput, ...request.Option) (*personalize.CreateDatasetGroupOutput, error)
	DescribeDatasetGroupWithContext(aws.Context, *personalize.DescribeDatasetGroupInput, ...request.Option) (*personalize.DescribeDatasetGroupOutput, error)
	ListDatasetGroupsPagesWithContext(aws.Context, *personalize.ListDatasetGroupsInput, func(*personalize.ListDatasetGroupsOutput, bool) bool, ...request.Option) error
	CreateSchemaWithContext(aws.Context, *personalize.CreateSchemaInput, ...request.Option) (*personalize.CreateSchemaOutput, error)
	CreateDatasetWithContext(aws.Context, *personalize.CreateDatasetInput, ...request.Option) (*personalize.CreateDatasetOutput, error)
	DescribeDatasetWithContext(aws.Context, *personalize.DescribeDatasetInput, ...request.Option) (*personalize.DescribeDatasetOutput, error)
	CreateEventTrackerWithContext(aws.Context, *personalize.CreateEventTrackerInput, ...request.Option) (*personalize.CreateEventTrackerOutput, error)
	DescribeEventTrackerWithContext(aws.Context, *personalize.DescribeEventTrackerInput, ...request.Option) (*personalize.DescribeEventTrackerOutput, error)
	ListEventTrackersWithContext(aws.Context, *personalize.ListEventTrackersInput, ...request.Option) (*personalize.ListEventTrackersOutput, error)
}

// Tracking is what the application needs to send events.
type Tracking struct {
	DatasetGroupArn string
	EventTrackerArn string
	TrackingID      string
}

// Provisioner creates the dataset group and event tracker, waiting on Clock.
type Provisioner struct {
	API          PersonalizeAPI
	Clock        clock.Clock   // clock.New() in production
	PollInterval time.Duration // how often to look at a status; default 10s
	Timeout      time.Duration // how long each resource may take to become ACTIVE; default 10m
}

// ErrTimeout is returned when a resource does not become ACTIVE in time.
var ErrTimeout = errors.New("timed out waiting for ACTIVE")

// Provision makes sure the named dataset group and its event tracker exist and are ACTIVE.
// It is idempotent: a second run finds what the first created.
func (p *Provisioner) Provision(ctx context.Context, name string) (Tracking, error) {
	group, err := p.datasetGroup(ctx, name)
	if err != nil {
		return Tracking{}, err
	}
	err = p.waitActive(ctx, "dataset group "+group, func() (string, string, error) {
		out, err := p.API.DescribeDatasetGroupWithContext(ctx, &personalize.DescribeDatasetGroupInput{DatasetGroupArn: aws.String(group)})
		if err != nil {
			return "", "", err
		}
		return aws.StringValue(out.DatasetGroup.Status), aws.StringValue(out.DatasetGroup.FailureReason), nil
	})
	if err != nil {
		return Tracking{}, err
	}
	dataset, err := p.interactions(ctx, name, group)
	if err != nil {
		return Tracking{}, err
	}
	err = p.waitActive(ctx, "dataset "+dataset, func() (string, string, error) {
		out, err := p.API.DescribeDatasetWithContext(ctx, &personalize.DescribeDatasetInput{DatasetArn: aws.String(dataset)})
		if err != nil {
			return "", "", err
		}
		return aws.StringValue(out.Dataset.Status), "", nil
	})
	if err != nil {
		return Tracking{}, err
	}
	tracker, err := p.eventTracker(ctx, name+"-tracker", group)
	if err != nil {
		return Tracking{}, err
	}
	var trackingID string
	err = p.waitActive(ctx, "event tracker "+tracker, func() (string, string, error) {
		out, err := p.API.DescribeEventTrackerWithContext(ctx, &personalize.DescribeEventTrackerInput{EventTrackerArn: aws.String(tracker)})
		if err != nil {
			return "", "", err
		}
		trackingID = aws.StringValue(out.EventTracker.TrackingId)
		return aws.StringValue(out.EventTracker.Status), "", nil
	})
	if err != nil {
		return Tracking{}, err
	}
	return Tracking{DatasetGroupArn: group, EventTrackerArn: tracker, TrackingID: trackingID}, nil
}

func (p *Provisioner) datasetGroup(ctx context.Context, name string) (string, error) {
	out, err := p.API.CreateDatasetGroupWithContext(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String(name)})
	if err == nil {
		return aws.StringValue(out.DatasetGroupArn), nil
	}
	if !isCode(err, personalize.ErrCodeResourceAlreadyExistsException) {
		return "", fmt.Errorf("create dataset group %s: %w", name, err)
	}
	var found string
	err = p.API.ListDatasetGroupsPagesWithContext(ctx, &personalize.ListDatasetGroupsInput{}, func(page *personalize.ListDatasetGroupsOutput, _ bool) bool {
		for _, g := range page.DatasetGroups {
			if aws.StringValue(g.Name) == name {
				found = aws.StringValue(g.DatasetGroupArn)
				return false
			}
		}
		return true
	})
	if err != nil || found == "" {
		return "", fmt.Errorf("dataset group %s exists but cannot be found: %v", name, err)
	}
	return found, nil
}

// InteractionsSchema is the schema of the Interactions dataset the events go to.
const InteractionsSchema = `{"type": "record", "name": "Interactions", "namespace": "com.amazonaws.personalize.schema",
	"fields": [{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
		{"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"}], "version": "1.0"}`

// interactions makes sure the group has the Interactions dataset PutEvents appends to, with its
// schema; both are found again by their ARNs when they exist.
func (p *Provisioner) interactions(ctx context.Context, name, group string) (string, error) {
	prefix, _, _ := strings.Cut(group, ":dataset-group/")
	schemaName := name + "-interactions"
	schema := prefix + ":schema/" + schemaName
	_, err := p.API.CreateSchemaWithContext(ctx, &personalize.CreateSchemaInput{Name: aws.String(schemaName), Schema: aws.String(InteractionsSchema)})
	if err != nil && !isCode(err, personalize.ErrCodeResourceAlreadyExistsException) {
		return "", fmt.Errorf("create schema %s: %w", schemaName, err)
	}
	out, err := p.API.CreateDatasetWithContext(ctx, &personalize.CreateDatasetInput{Name: aws.String(name + "-interactions"),
		DatasetGroupArn: aws.String(group), DatasetType: aws.String("Interactions"), SchemaArn: aws.String(schema)})
	switch {
	case err == nil:
		return aws.StringValue(out.DatasetArn), nil
	case isCode(err, personalize.ErrCodeResourceAlreadyExistsException):
		return prefix + ":dataset/" + name + "/INTERACTIONS", nil
	}
	return "", fmt.Errorf("create the Interactions dataset of %s: %w", group, err)
}

func (p *Provisioner) eventTracker(ctx context.Context, name, group string) (string, error) {
	out, err := p.API.CreateEventTrackerWithContext(ctx, &personalize.CreateEventTrackerInput{Name: aws.String(name), DatasetGroupArn: aws.String(group)})
	if err == nil {
		return aws.StringValue(out.EventTrackerArn), nil
	}
	// A dataset group has at most one event tracker: reuse the one it has.
	if !isCode(err, personalize.ErrCodeResourceAlreadyExistsException) {
		return "", fmt.Errorf("create event tracker for %s: %w", group, err)
	}
	list, err := p.API.ListEventTrackersWithContext(ctx, &personalize.ListEventTrackersInput{DatasetGroupArn: aws.String(group)})
	if err != nil || len(list.EventTrackers) == 0 {
		return "", fmt.Errorf("dataset group %s has an event tracker that cannot be found: %v", group, err)
	}
	return aws.StringValue(list.EventTrackers[0].EventTrackerArn), nil
}

// waitActive polls status on the clock until it is ACTIVE, fails, or the timeout passes.
func (p *Provisioner) waitActive(ctx context.Context, what string, status func() (string, string, error)) error {
	interval, timeout := p.PollInterval, p.Timeout
	if interval <= 0 {
		interval = 10 * time.Second
	}
	if timeout <= 0 {
		timeout = 10 * time.Minute
	}
	deadline := p.Clock.Now().Add(timeout)
	for {
		s, reason, err := status()
		switch {
		case err != nil:
			return fmt.Errorf("describe %s: %w", what, err)
		case s == "ACTIVE":
			return nil
		case s == "CREATE FAILED":
			return fmt.Errorf("%s failed: %s", what, reason)
		case !p.Clock.Now().Before(deadline):
			return fmt.Errorf("%s is still %s after %v: %w", what, s, timeout, ErrTimeout)
		}
		select {
		case <-p.Clock.After(interval):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

func isCode(err error, code string) bool {
	var ae awserr.Error
	return errors.As(err, &ae) && ae.Code() == code
}
