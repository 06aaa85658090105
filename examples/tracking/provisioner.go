// Package tracking sets up Amazon Personalize event tracking for an application and sends its
// interactions and its catalogue, the way a service would at start-up: create (or find) a
// dataset group and wait until it is ACTIVE; create (or find) the Interactions and Items
// schemas and datasets that PutEvents and PutItems write into, and wait for them; create (or
// find) the group's one event tracker, wait again, and hand the tracker's trackingId and the
// Items dataset's ARN to the sender. A Deployer then takes the group to a campaign as AWS's
// getting-started path does: an import job, a solution, its training (stopped if it runs too
// long), its metrics and a campaign, each polled until ACTIVE.
//
// It is an example of code under test, written with aws-sdk-go-v2 as a user would: it declares
// the few client methods it calls as its own interfaces, so *personalize.Client and awsfake's
// typed door both fit. Its tests run it against awsfake, advancing a mock clock instead of
// waiting minutes, and once inside testing/synctest.
package tracking

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/benbjohnson/clock"
)

// PersonalizeAPI is the part of aws-sdk-go-v2's *personalize.Client the provisioner uses.
type PersonalizeAPI interface {
	CreateDatasetGroup(context.Context, *personalize.CreateDatasetGroupInput, ...func(*personalize.Options)) (*personalize.CreateDatasetGroupOutput, error)
	DescribeDatasetGroup(context.Context, *personalize.DescribeDatasetGroupInput, ...func(*personalize.Options)) (*personalize.DescribeDatasetGroupOutput, error)
	ListDatasetGroups(context.Context, *personalize.ListDatasetGroupsInput, ...func(*personalize.Options)) (*personalize.ListDatasetGroupsOutput, error)
	CreateSchema(context.Context, *personalize.CreateSchemaInput, ...func(*personalize.Options)) (*personalize.CreateSchemaOutput, error)
	ListSchemas(context.Context, *personalize.ListSchemasInput, ...func(*personalize.Options)) (*personalize.ListSchemasOutput, error)
	CreateDataset(context.Context, *personalize.CreateDatasetInput, ...func(*personalize.Options)) (*personalize.CreateDatasetOutput, error)
	DescribeDataset(context.Context, *personalize.DescribeDatasetInput, ...func(*personalize.Options)) (*personalize.DescribeDatasetOutput, error)
	ListDatasets(context.Context, *personalize.ListDatasetsInput, ...func(*personalize.Options)) (*personalize.ListDatasetsOutput, error)
	CreateEventTracker(context.Context, *personalize.CreateEventTrackerInput, ...func(*personalize.Options)) (*personalize.CreateEventTrackerOutput, error)
	DescribeEventTracker(context.Context, *personalize.DescribeEventTrackerInput, ...func(*personalize.Options)) (*personalize.DescribeEventTrackerOutput, error)
	ListEventTrackers(context.Context, *personalize.ListEventTrackersInput, ...func(*personalize.Options)) (*personalize.ListEventTrackersOutput, error)
}

// Tracking is what the application needs to send events and items.
type Tracking struct {
	DatasetGroupArn string
	InteractionsArn string // the Interactions dataset PutEvents appends to
	ItemsArn        string // the Items dataset PutItems writes to
	EventTrackerArn string
	TrackingID      string
}

// Provisioner creates the dataset group, its datasets and its event tracker, waiting on Clock.
type Provisioner struct {
	API          PersonalizeAPI
	Clock        clock.Clock   // clock.New() in production
	PollInterval time.Duration // how often to look at a status; default 10s
	Timeout      time.Duration // how long each resource may take to become ACTIVE; default 10m
}

var (
	// ErrTimeout is returned when a resource does not become ACTIVE in time.
	ErrTimeout = errors.New("timed out waiting for ACTIVE")
	// ErrCreateFailed is returned when a resource ends in CREATE FAILED.
	ErrCreateFailed = errors.New("creation failed")
	// ErrLimitExceeded is returned when Personalize refuses a create for a quota (after the
	// SDK's own retries): the caller should raise the quota or clean up, not retry at once.
	ErrLimitExceeded = errors.New("quota reached")
)

// The schemas of the two datasets. Property keys are the fields' names in camelCase: an event's
// {"device": "mobile"} fills DEVICE; an item's {"category": "shoes", "price": 12.5} fills
// CATEGORY and PRICE.
const (
	InteractionsSchema = `{"type": "record", "name": "Interactions", "namespace": "com.amazonaws.personalize.schema",
	"fields": [{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
		{"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"},
		{"name": "DEVICE", "type": ["null", "string"], "categorical": true}], "version": "1.0"}`
	ItemsSchema = `{"type": "record", "name": "Items", "namespace": "com.amazonaws.personalize.schema",
	"fields": [{"name": "ITEM_ID", "type": "string"}, {"name": "CATEGORY", "type": "string", "categorical": true},
		{"name": "PRICE", "type": "float"}, {"name": "CREATION_TIMESTAMP", "type": "long"}], "version": "1.0"}`
)

// Provision makes sure the named dataset group, its Interactions and Items datasets and its
// event tracker exist and are ACTIVE. It is idempotent: a second run finds what the first
// created, and a run that failed half-way is finished by the next.
func (p *Provisioner) Provision(ctx context.Context, name string) (Tracking, error) {
	group, err := p.datasetGroup(ctx, name)
	if err != nil {
		return Tracking{}, err
	}
	err = p.waitActive(ctx, "dataset group "+group, func() (string, string, error) {
		out, err := p.API.DescribeDatasetGroup(ctx, &personalize.DescribeDatasetGroupInput{DatasetGroupArn: aws.String(group)})
		if err != nil {
			return "", "", err
		}
		return aws.ToString(out.DatasetGroup.Status), aws.ToString(out.DatasetGroup.FailureReason), nil
	})
	if err != nil {
		return Tracking{}, err
	}
	tr := Tracking{DatasetGroupArn: group}
	// AWS appends events to the group's Interactions dataset, so it must exist before events
	// can land. Both datasets are created before waiting for either.
	if tr.InteractionsArn, err = p.dataset(ctx, name, group, "Interactions", InteractionsSchema); err != nil {
		return Tracking{}, err
	}
	if tr.ItemsArn, err = p.dataset(ctx, name, group, "Items", ItemsSchema); err != nil {
		return Tracking{}, err
	}
	for _, ds := range []string{tr.InteractionsArn, tr.ItemsArn} {
		err = p.waitActive(ctx, "dataset "+ds, func() (string, string, error) {
			out, err := p.API.DescribeDataset(ctx, &personalize.DescribeDatasetInput{DatasetArn: aws.String(ds)})
			if err != nil {
				return "", "", err
			}
			return aws.ToString(out.Dataset.Status), "", nil
		})
		if err != nil {
			return Tracking{}, err
		}
	}
	if tr.EventTrackerArn, err = p.eventTracker(ctx, name+"-tracker", group); err != nil {
		return Tracking{}, err
	}
	err = p.waitActive(ctx, "event tracker "+tr.EventTrackerArn, func() (string, string, error) {
		out, err := p.API.DescribeEventTracker(ctx, &personalize.DescribeEventTrackerInput{EventTrackerArn: aws.String(tr.EventTrackerArn)})
		if err != nil {
			return "", "", err
		}
		tr.TrackingID = aws.ToString(out.EventTracker.TrackingId)
		return aws.ToString(out.EventTracker.Status), "", nil
	})
	if err != nil {
		return Tracking{}, err
	}
	return tr, nil
}

func (p *Provisioner) datasetGroup(ctx context.Context, name string) (string, error) {
	out, err := p.API.CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String(name)})
	if err == nil {
		return aws.ToString(out.DatasetGroupArn), nil
	}
	if !alreadyExists(err) {
		return "", createError("dataset group "+name, err)
	}
	pages := personalize.NewListDatasetGroupsPaginator(p.API, &personalize.ListDatasetGroupsInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return "", fmt.Errorf("find dataset group %s: %w", name, err)
		}
		for _, g := range page.DatasetGroups {
			if aws.ToString(g.Name) == name {
				return aws.ToString(g.DatasetGroupArn), nil
			}
		}
	}
	return "", fmt.Errorf("dataset group %s exists but is not listed", name)
}

// dataset makes sure the group has a dataset of a type, with a schema named after the group and
// the type; both are found again when they exist (a group has one dataset of each type).
func (p *Provisioner) dataset(ctx context.Context, name, group, typ, avro string) (string, error) {
	schemaName := fmt.Sprintf("%s-%s", name, strings.ToLower(typ))
	schema, err := p.schema(ctx, schemaName, avro)
	if err != nil {
		return "", err
	}
	out, err := p.API.CreateDataset(ctx, &personalize.CreateDatasetInput{Name: aws.String(schemaName),
		DatasetGroupArn: aws.String(group), DatasetType: aws.String(typ), SchemaArn: aws.String(schema)})
	if err == nil {
		return aws.ToString(out.DatasetArn), nil
	}
	if !alreadyExists(err) {
		return "", createError("the "+typ+" dataset of "+group, err)
	}
	pages := personalize.NewListDatasetsPaginator(p.API, &personalize.ListDatasetsInput{DatasetGroupArn: aws.String(group)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return "", fmt.Errorf("find the %s dataset of %s: %w", typ, group, err)
		}
		for _, d := range page.Datasets {
			if strings.EqualFold(aws.ToString(d.DatasetType), typ) {
				return aws.ToString(d.DatasetArn), nil
			}
		}
	}
	return "", fmt.Errorf("the %s dataset of %s exists but is not listed", typ, group)
}

// schema creates a schema, or finds the one of that name (schemas cannot change, so an
// existing one is taken as it is).
func (p *Provisioner) schema(ctx context.Context, name, avro string) (string, error) {
	out, err := p.API.CreateSchema(ctx, &personalize.CreateSchemaInput{Name: aws.String(name), Schema: aws.String(avro)})
	if err == nil {
		return aws.ToString(out.SchemaArn), nil
	}
	if !alreadyExists(err) {
		return "", createError("schema "+name, err)
	}
	pages := personalize.NewListSchemasPaginator(p.API, &personalize.ListSchemasInput{})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return "", fmt.Errorf("find schema %s: %w", name, err)
		}
		for _, s := range page.Schemas {
			if aws.ToString(s.Name) == name {
				return aws.ToString(s.SchemaArn), nil
			}
		}
	}
	return "", fmt.Errorf("schema %s exists but is not listed", name)
}

func (p *Provisioner) eventTracker(ctx context.Context, name, group string) (string, error) {
	out, err := p.API.CreateEventTracker(ctx, &personalize.CreateEventTrackerInput{Name: aws.String(name), DatasetGroupArn: aws.String(group)})
	if err == nil {
		return aws.ToString(out.EventTrackerArn), nil
	}
	// A dataset group has at most one event tracker: reuse the one it has.
	if !alreadyExists(err) {
		return "", createError("event tracker for "+group, err)
	}
	list, err := p.API.ListEventTrackers(ctx, &personalize.ListEventTrackersInput{DatasetGroupArn: aws.String(group)})
	if err != nil {
		return "", fmt.Errorf("find the event tracker of %s: %w", group, err)
	}
	if len(list.EventTrackers) == 0 {
		return "", fmt.Errorf("dataset group %s has an event tracker that is not listed", group)
	}
	return aws.ToString(list.EventTrackers[0].EventTrackerArn), nil
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
		case s == "CREATE FAILED" && reason == "":
			return fmt.Errorf("%s: %w", what, ErrCreateFailed)
		case s == "CREATE FAILED":
			return fmt.Errorf("%s: %w: %s", what, ErrCreateFailed, reason)
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

func alreadyExists(err error) bool {
	var exists *types.ResourceAlreadyExistsException
	return errors.As(err, &exists)
}

// createError wraps a failed create; a quota gets ErrLimitExceeded as well as the SDK's error.
func createError(what string, err error) error {
	var limit *types.LimitExceededException
	if errors.As(err, &limit) {
		return fmt.Errorf("create %s: %w (%w)", what, ErrLimitExceeded, err)
	}
	return fmt.Errorf("create %s: %w", what, err)
}
