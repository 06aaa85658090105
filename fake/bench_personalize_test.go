package fake_test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	petypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// instantPZ is a fake whose Personalize resources are ACTIVE at once, without quotas in the way.
// Like BenchmarkCreateAction's, it keeps its default call log: the benchmarks of creates take a
// new one every 10,000 calls, the sizes a unit test has.
func instantPZ() *fake.Fake {
	return fake.New(fake.WithQuota(fake.DatasetGroups, 0), fake.WithQuota(fake.Schemas, 0),
		fake.WithLifecycle(fake.DatasetGroups, fake.Lifecycle{}), fake.WithLifecycle(fake.EventTrackers, fake.Lifecycle{}),
		fake.WithLifecycle(fake.Datasets, fake.Lifecycle{}))
}

// BenchmarkPersonalizeTyped measures the typed doors of Personalize and Personalize Events.
func BenchmarkPersonalizeTyped(b *testing.B) {
	ctx := context.Background()
	b.Run("op=CreateDatasetGroup", func(b *testing.B) {
		var api *fake.Personalize
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if i%10_000 == 0 {
				b.StopTimer()
				api = instantPZ().Personalize()
				b.StartTimer()
			}
			if _, err := api.CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("g" + strconv.Itoa(i))}); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("op=CreateEventTracker", func(b *testing.B) {
		var api *fake.Personalize
		b.ReportAllocs()
		var groups []string
		i := 0
		for b.Loop() {
			if i%1000 == 0 { // ACTIVE groups without a tracker, made outside the timer
				b.StopTimer()
				if i%10_000 == 0 {
					api = instantPZ().Personalize()
				}
				groups = groups[:0]
				for j := i; j < i+1000; j++ {
					out, err := api.CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("g" + strconv.Itoa(j))})
					if err != nil {
						b.Fatal(err)
					}
					groups = append(groups, *out.DatasetGroupArn)
				}
				b.StartTimer()
			}
			if _, err := api.CreateEventTracker(ctx, &personalize.CreateEventTrackerInput{Name: aws.String("t"), DatasetGroupArn: &groups[i%1000]}); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	seeded := func() *fake.Fake {
		return fake.New(fake.WithCallLog(-1), fake.WithScenario(scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "shop",
			EventTracker: &scenario.EventTracker{Name: "t", ID: "0a1b2c3d", TrackingID: "11111111-2222-4333-8444-555555555555"}})))
	}
	b.Run("op=DescribeDatasetGroup", func(b *testing.B) {
		api := seeded().Personalize()
		in := &personalize.DescribeDatasetGroupInput{DatasetGroupArn: aws.String("arn:aws:personalize:us-east-1:123456789012:dataset-group/shop")}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := api.DescribeDatasetGroup(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("op=DescribeEventTracker", func(b *testing.B) {
		api := seeded().Personalize()
		in := &personalize.DescribeEventTrackerInput{EventTrackerArn: aws.String("arn:aws:personalize:us-east-1:123456789012:event-tracker/0a1b2c3d")}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := api.DescribeEventTracker(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("op=PutEvents(10 events)", func(b *testing.B) {
		api := seeded().PersonalizeEvents()
		in := &personalizeevents.PutEventsInput{TrackingId: aws.String("11111111-2222-4333-8444-555555555555"), SessionId: aws.String("s"),
			UserId: aws.String("u"), EventList: tenEvents()}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := api.PutEvents(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func tenEvents() []petypes.Event {
	evs := make([]petypes.Event, 10)
	for i := range evs {
		evs[i] = petypes.Event{EventType: aws.String("click"), ItemId: aws.String("item-" + strconv.Itoa(i)), SentAt: aws.Time(time.Unix(1700000000, 0)),
			Properties: aws.String(`{"page":"home"}`)}
	}
	return evs
}

const benchItems = "arn:aws:personalize:us-east-1:123456789012:dataset/shop/ITEMS"

// withItems is a fake with an ACTIVE Items dataset at benchItems.
func withItems() *fake.Fake {
	return fake.New(fake.WithCallLog(-1), fake.WithScenario(scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "shop",
		Datasets: []scenario.Dataset{{Type: "Items"}}})))
}

// BenchmarkDataPlane measures PutItems through both doors, CreateSchema's check, and the memory
// each recorded item takes.
func BenchmarkDataPlane(b *testing.B) {
	b.Run("op=PutItems(10 items)/door=wire", func(b *testing.B) {
		h := withItems().Handler()
		var items []string
		for i := 0; i < 10; i++ {
			items = append(items, `{"itemId":"item-`+strconv.Itoa(i)+`","properties":"{\"genres\":\"Horror|Comedy\"}"}`)
		}
		body := []byte(`{"datasetArn":"` + benchItems + `","items":[` + strings.Join(items, ",") + `]}`)
		b.ReportAllocs()
		for b.Loop() {
			req := httptest.NewRequest("POST", "/items", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != 200 {
				b.Fatal(rec.Body)
			}
		}
	})
	b.Run("op=PutItems(10 items)/door=typed", func(b *testing.B) {
		api := withItems().PersonalizeEvents()
		in := &personalizeevents.PutItemsInput{DatasetArn: aws.String(benchItems)}
		for i := 0; i < 10; i++ {
			in.Items = append(in.Items, petypes.Item{ItemId: aws.String("item-" + strconv.Itoa(i)), Properties: aws.String(`{"genres":"Horror|Comedy"}`)})
		}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := api.PutItems(context.Background(), in); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("op=CreateSchema", func(b *testing.B) {
		var api *fake.Personalize
		schema := aws.String(`{"type": "record", "name": "Items", "namespace": "com.amazonaws.personalize.schema", "fields": [
			{"name": "ITEM_ID", "type": "string"}, {"name": "PRICE", "type": "float"}, {"name": "CATEGORY_L1", "type": "string", "categorical": true},
			{"name": "CATEGORY_L2", "type": ["null", "string"], "categorical": true}, {"name": "PRODUCT_DESCRIPTION", "type": ["null", "string"], "textual": true},
			{"name": "CREATION_TIMESTAMP", "type": "long"}, {"name": "AGE_GROUP", "type": ["null", "string"], "categorical": true}], "version": "1.0"}`)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if i%10_000 == 0 {
				b.StopTimer()
				api = instantPZ().Personalize()
				b.StartTimer()
			}
			if _, err := api.CreateSchema(context.Background(), &personalize.CreateSchemaInput{Name: aws.String("s" + strconv.Itoa(i)), Schema: schema}); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("memory per recorded item", func(b *testing.B) {
		const n = 20_000
		for b.Loop() {
			f := withItems()
			api := f.PersonalizeEvents()
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for i := 0; i < n; i += 10 {
				in := &personalizeevents.PutItemsInput{DatasetArn: aws.String(benchItems)}
				for j := i; j < i+10; j++ {
					in.Items = append(in.Items, petypes.Item{ItemId: aws.String("item-" + strconv.Itoa(j)), Properties: aws.String(`{"genres":"Horror|Comedy"}`)})
				}
				if _, err := api.PutItems(context.Background(), in); err != nil {
					b.Fatal(err)
				}
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "B/record")
			runtime.KeepAlive(f)
		}
	})
}
