// Package sdkv1 drives awsfake's Personalize and Personalize Events with AWS's legacy Go
// clients for them, aws-sdk-go (v1), which code written before aws-sdk-go-v2 still uses. It is
// in a separate module so that users of awsfake never download SDK v1.
package sdkv1

import (
	"errors"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/awserr"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/personalize"
	"github.com/aws/aws-sdk-go/service/personalizeevents"
	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

var start = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

type world struct {
	f      *fake.Fake
	clk    *clock.Mock
	pz     *personalize.Personalize
	events *personalizeevents.PersonalizeEvents
}

func newWorld(t *testing.T, opts ...fake.Option) *world {
	t.Helper()
	clk := clock.NewMock()
	clk.Set(start)
	f := fake.ForTest(t, append([]fake.Option{fake.WithClock(clk)}, opts...)...)
	sess := v1Session(f)
	return &world{f: f, clk: clk, pz: personalize.New(sess), events: personalizeevents.New(sess)}
}

// v1Session is an aws-sdk-go session whose clients call f's wire door in process, with no
// retries, as account 123456789012 in us-east-1.
func v1Session(f *fake.Fake) *session.Session {
	return session.Must(session.NewSession(&aws.Config{
		HTTPClient:  f.HTTPClient(),
		Region:      aws.String("us-east-1"),
		Endpoint:    aws.String("http://awsfake.invalid"),
		Credentials: credentials.NewStaticCredentials("123456789012", "awsfake", ""),
		MaxRetries:  aws.Int(0),
	}))
}

func code(t *testing.T, err error) string {
	t.Helper()
	var ae awserr.Error
	require.True(t, errors.As(err, &ae), "not an AWS error: %v", err)
	return ae.Code()
}

func TestProvisionTrackerAndSendEvents(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	dg, err := w.pz.CreateDatasetGroup(&personalize.CreateDatasetGroupInput{Name: aws.String("shop"), Domain: aws.String("ECOMMERCE")})
	require.NoError(t, err)
	require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop", aws.StringValue(dg.DatasetGroupArn))

	desc, err := w.pz.DescribeDatasetGroup(&personalize.DescribeDatasetGroupInput{DatasetGroupArn: dg.DatasetGroupArn})
	require.NoError(t, err)
	require.Equal(t, "CREATE PENDING", aws.StringValue(desc.DatasetGroup.Status))
	require.Equal(t, start, aws.TimeValue(desc.DatasetGroup.CreationDateTime).UTC())

	_, err = w.pz.CreateEventTracker(&personalize.CreateEventTrackerInput{Name: aws.String("t"), DatasetGroupArn: dg.DatasetGroupArn})
	require.Equal(t, personalize.ErrCodeResourceInUseException, code(t, err))

	w.clk.Add(time.Minute)
	tr, err := w.pz.CreateEventTracker(&personalize.CreateEventTrackerInput{Name: aws.String("t"), DatasetGroupArn: dg.DatasetGroupArn})
	require.NoError(t, err)
	require.Regexp(t, regexp.MustCompile(`^[0-9a-f-]{36}$`), aws.StringValue(tr.TrackingId))

	_, err = w.pz.CreateEventTracker(&personalize.CreateEventTrackerInput{Name: aws.String("t2"), DatasetGroupArn: dg.DatasetGroupArn})
	require.Equal(t, personalize.ErrCodeResourceAlreadyExistsException, code(t, err))

	// PutEvents appends to the group's Interactions dataset: a domain schema and the dataset.
	schema, err := w.pz.CreateSchema(&personalize.CreateSchemaInput{Name: aws.String("shop-interactions"), Domain: aws.String("ECOMMERCE"),
		Schema: aws.String(`{"type": "record", "name": "Interactions", "fields": [{"name": "USER_ID", "type": "string"},
			{"name": "ITEM_ID", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"}]}`)})
	require.NoError(t, err)
	ds, err := w.pz.CreateDataset(&personalize.CreateDatasetInput{Name: aws.String("interactions"), DatasetGroupArn: dg.DatasetGroupArn,
		DatasetType: aws.String("Interactions"), SchemaArn: schema.SchemaArn})
	require.NoError(t, err)
	require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:dataset/shop/INTERACTIONS", aws.StringValue(ds.DatasetArn))

	for _, want := range []string{"CREATE PENDING", "CREATE IN_PROGRESS", "ACTIVE"} {
		d, err := w.pz.DescribeEventTracker(&personalize.DescribeEventTrackerInput{EventTrackerArn: tr.EventTrackerArn})
		require.NoError(t, err)
		require.Equal(t, want, aws.StringValue(d.EventTracker.Status))
		require.Equal(t, "123456789012", aws.StringValue(d.EventTracker.AccountId))
		w.clk.Add(30 * time.Second)
	}

	_, err = w.events.PutEvents(&personalizeevents.PutEventsInput{
		TrackingId: tr.TrackingId,
		SessionId:  aws.String("s-1"),
		UserId:     aws.String("u-1"),
		EventList: []*personalizeevents.Event{{
			EventType: aws.String("click"), ItemId: aws.String("item-1"), SentAt: aws.Time(start.Add(90 * time.Second)),
			Properties: aws.JSONValue{"numberOfRatings": "12"},
		}},
	})
	require.NoError(t, err)
	got := w.f.Events(aws.StringValue(dg.DatasetGroupArn))
	require.Len(t, got, 1)
	require.Equal(t, "item-1", got[0].ItemID)
	require.Equal(t, start.Add(90*time.Second), got[0].SentAt.UTC())

	_, err = w.events.PutEvents(&personalizeevents.PutEventsInput{
		TrackingId: aws.String("nope"), SessionId: aws.String("s"),
		EventList: []*personalizeevents.Event{{EventType: aws.String("click"), SentAt: aws.Time(start)}},
	})
	require.Equal(t, personalizeevents.ErrCodeInvalidInputException, code(t, err))
}

func TestErrorsAndPaging(t *testing.T) {
	t.Parallel()
	w := newWorld(t, fake.WithQuota(fake.DatasetGroups, 30))
	_, err := w.pz.DescribeDatasetGroup(&personalize.DescribeDatasetGroupInput{DatasetGroupArn: aws.String("arn:aws:personalize:us-east-1:123456789012:dataset-group/none")})
	require.Equal(t, personalize.ErrCodeResourceNotFoundException, code(t, err))

	for i := 0; i < 25; i++ {
		_, err := w.pz.CreateDatasetGroup(&personalize.CreateDatasetGroupInput{Name: aws.String(fmt.Sprintf("g%02d", i))})
		require.NoError(t, err)
		w.clk.Add(time.Second)
	}
	_, err = w.pz.CreateDatasetGroup(&personalize.CreateDatasetGroupInput{Name: aws.String("g00")})
	require.Equal(t, personalize.ErrCodeResourceAlreadyExistsException, code(t, err))

	var names []string
	err = w.pz.ListDatasetGroupsPages(&personalize.ListDatasetGroupsInput{MaxResults: aws.Int64(10)},
		func(page *personalize.ListDatasetGroupsOutput, last bool) bool {
			for _, g := range page.DatasetGroups {
				names = append(names, aws.StringValue(g.Name))
			}
			return true
		})
	require.NoError(t, err)
	require.Len(t, names, 25)
	require.Equal(t, "g24", names[0])

	_, err = w.pz.ListDatasetGroups(&personalize.ListDatasetGroupsInput{NextToken: aws.String("forged")})
	require.Equal(t, personalize.ErrCodeInvalidNextTokenException, code(t, err))

	// The SDK's own validation is off for this one, so the fake's answers.
	req, _ := w.pz.CreateDatasetGroupRequest(&personalize.CreateDatasetGroupInput{Name: aws.String("bad name!")})
	req.Handlers.Validate.Clear()
	err = req.Send()
	require.Equal(t, personalize.ErrCodeInvalidInputException, code(t, err))
	require.Contains(t, err.Error(), "Value 'bad name!' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9][a-zA-Z0-9\\-_]*")
}

func TestTagsAndDeletion(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	dg, err := w.pz.CreateDatasetGroup(&personalize.CreateDatasetGroupInput{Name: aws.String("g"),
		Tags: []*personalize.Tag{{TagKey: aws.String("team"), TagValue: aws.String("ml")}}})
	require.NoError(t, err)
	_, err = w.pz.TagResource(&personalize.TagResourceInput{ResourceArn: dg.DatasetGroupArn,
		Tags: []*personalize.Tag{{TagKey: aws.String("env"), TagValue: aws.String("prod")}}})
	require.NoError(t, err)
	tags, err := w.pz.ListTagsForResource(&personalize.ListTagsForResourceInput{ResourceArn: dg.DatasetGroupArn})
	require.NoError(t, err)
	require.Len(t, tags.Tags, 2)

	_, err = w.pz.DeleteDatasetGroup(&personalize.DeleteDatasetGroupInput{DatasetGroupArn: dg.DatasetGroupArn})
	require.Equal(t, personalize.ErrCodeResourceInUseException, code(t, err))
	w.clk.Add(time.Minute)
	_, err = w.pz.DeleteDatasetGroup(&personalize.DeleteDatasetGroupInput{DatasetGroupArn: dg.DatasetGroupArn})
	require.NoError(t, err)
	d, err := w.pz.DescribeDatasetGroup(&personalize.DescribeDatasetGroupInput{DatasetGroupArn: dg.DatasetGroupArn})
	require.NoError(t, err)
	require.Equal(t, "DELETE PENDING", aws.StringValue(d.DatasetGroup.Status))
	w.clk.Add(time.Minute)
	_, err = w.pz.DescribeDatasetGroup(&personalize.DescribeDatasetGroupInput{DatasetGroupArn: dg.DatasetGroupArn})
	require.Equal(t, personalize.ErrCodeResourceNotFoundException, code(t, err))
}
