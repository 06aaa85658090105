package sdkv1

import (
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/personalize"
	"github.com/aws/aws-sdk-go/service/personalizeevents"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// Benchmarks of every Personalize operation through AWS's own Go client for it (aws-sdk-go
// v1 on f.HTTPClient()): the SDK door for Personalize, as BenchmarkSageMaker in ./fake is for
// SageMaker. Run with
//
//	cd conformance && go test -run '^$' -bench . -benchmem -count 6 ./sdkv1 | tee new.txt

const (
	benchGroup      = "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop"
	benchTracker    = "arn:aws:personalize:us-east-1:123456789012:event-tracker/0a1b2c3d"
	benchTrackingID = "11111111-2222-4333-8444-555555555555"
)

// benchClients returns a fake seeded with an ACTIVE dataset group and tracker, where every
// lifecycle is instant, and v1 clients on it.
func benchClients(b *testing.B) (*personalize.Personalize, *personalizeevents.PersonalizeEvents) {
	b.Helper()
	f := fake.New(fake.WithCallLog(-1), fake.WithQuota(fake.DatasetGroups, 1<<30),
		fake.WithLifecycle(fake.DatasetGroups, fake.Lifecycle{}), fake.WithLifecycle(fake.EventTrackers, fake.Lifecycle{}),
		fake.WithScenario(scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "shop",
			EventTracker: &scenario.EventTracker{Name: "t", ID: "0a1b2c3d", TrackingID: benchTrackingID}})))
	sess := v1Session(f)
	return personalize.New(sess), personalizeevents.New(sess)
}

func BenchmarkPersonalizeSDK(b *testing.B) {
	tags := []*personalize.Tag{{TagKey: aws.String("team"), TagValue: aws.String("ml")}}
	ops := []struct {
		name string
		call func(pz *personalize.Personalize, ev *personalizeevents.PersonalizeEvents, i int) error
	}{
		{"CreateDatasetGroup", func(pz *personalize.Personalize, _ *personalizeevents.PersonalizeEvents, i int) error {
			_, err := pz.CreateDatasetGroup(&personalize.CreateDatasetGroupInput{Name: aws.String("g" + strconv.Itoa(i))})
			return err
		}},
		{"DescribeDatasetGroup", func(pz *personalize.Personalize, _ *personalizeevents.PersonalizeEvents, _ int) error {
			_, err := pz.DescribeDatasetGroup(&personalize.DescribeDatasetGroupInput{DatasetGroupArn: aws.String(benchGroup)})
			return err
		}},
		{"ListDatasetGroups", func(pz *personalize.Personalize, _ *personalizeevents.PersonalizeEvents, _ int) error {
			_, err := pz.ListDatasetGroups(&personalize.ListDatasetGroupsInput{MaxResults: aws.Int64(10)})
			return err
		}},
		{"CreateDatasetGroup+DeleteDatasetGroup", func(pz *personalize.Personalize, _ *personalizeevents.PersonalizeEvents, i int) error {
			g, err := pz.CreateDatasetGroup(&personalize.CreateDatasetGroupInput{Name: aws.String("g" + strconv.Itoa(i))})
			if err != nil {
				return err
			}
			_, err = pz.DeleteDatasetGroup(&personalize.DeleteDatasetGroupInput{DatasetGroupArn: g.DatasetGroupArn})
			return err
		}},
		{"CreateEventTracker+DeleteEventTracker", func(pz *personalize.Personalize, _ *personalizeevents.PersonalizeEvents, i int) error {
			g, err := pz.CreateDatasetGroup(&personalize.CreateDatasetGroupInput{Name: aws.String("g" + strconv.Itoa(i))})
			if err != nil {
				return err
			}
			t, err := pz.CreateEventTracker(&personalize.CreateEventTrackerInput{Name: aws.String("t"), DatasetGroupArn: g.DatasetGroupArn})
			if err != nil {
				return err
			}
			_, err = pz.DeleteEventTracker(&personalize.DeleteEventTrackerInput{EventTrackerArn: t.EventTrackerArn})
			return err
		}},
		{"DescribeEventTracker", func(pz *personalize.Personalize, _ *personalizeevents.PersonalizeEvents, _ int) error {
			_, err := pz.DescribeEventTracker(&personalize.DescribeEventTrackerInput{EventTrackerArn: aws.String(benchTracker)})
			return err
		}},
		{"ListEventTrackers", func(pz *personalize.Personalize, _ *personalizeevents.PersonalizeEvents, _ int) error {
			_, err := pz.ListEventTrackers(&personalize.ListEventTrackersInput{DatasetGroupArn: aws.String(benchGroup)})
			return err
		}},
		{"TagResource", func(pz *personalize.Personalize, _ *personalizeevents.PersonalizeEvents, _ int) error {
			_, err := pz.TagResource(&personalize.TagResourceInput{ResourceArn: aws.String(benchGroup), Tags: tags})
			return err
		}},
		{"ListTagsForResource", func(pz *personalize.Personalize, _ *personalizeevents.PersonalizeEvents, _ int) error {
			_, err := pz.ListTagsForResource(&personalize.ListTagsForResourceInput{ResourceArn: aws.String(benchGroup)})
			return err
		}},
		{"UntagResource", func(pz *personalize.Personalize, _ *personalizeevents.PersonalizeEvents, _ int) error {
			_, err := pz.UntagResource(&personalize.UntagResourceInput{ResourceArn: aws.String(benchGroup), TagKeys: []*string{aws.String("team")}})
			return err
		}},
		{"PutEvents(10 events)", func(_ *personalize.Personalize, ev *personalizeevents.PersonalizeEvents, _ int) error {
			events := make([]*personalizeevents.Event, 10)
			for i := range events {
				events[i] = &personalizeevents.Event{EventType: aws.String("click"), ItemId: aws.String("item-" + strconv.Itoa(i)),
					SentAt: aws.Time(time.Unix(1700000000, 0)), Properties: aws.JSONValue{"page": "home"}}
			}
			_, err := ev.PutEvents(&personalizeevents.PutEventsInput{TrackingId: aws.String(benchTrackingID),
				SessionId: aws.String("s"), UserId: aws.String("u"), EventList: events})
			return err
		}},
	}
	for _, op := range ops {
		b.Run("op="+op.name+"/door=sdkv1", func(b *testing.B) {
			pz, ev := benchClients(b)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if err := op.call(pz, ev, i); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
