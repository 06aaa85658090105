package fake_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	petypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/benbjohnson/clock"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// BenchmarkSageMaker runs every SageMaker operation through both doors, benchstat-ready:
//
//	go test -run '^$' -bench 'SageMaker|Personalize' -count 6 ./fake | benchstat -
func BenchmarkSageMaker(b *testing.B) {
	ctx := context.Background()
	arn := "arn:aws:sagemaker:us-east-1:123456789012:action/a-0"
	artifactArn := "arn:aws:sagemaker:us-east-1:123456789012:artifact/ab416ce280226afe607c3a288888cdbc" // s3://a/0
	ops := []struct {
		name string
		call func(api fake.SageMakerAPI, i int) error
	}{
		{"CreateAction", func(api fake.SageMakerAPI, i int) error {
			_, err := api.CreateAction(ctx, benchInput("b-"+strconv.Itoa(i)))
			return err
		}},
		{"DescribeAction", func(api fake.SageMakerAPI, i int) error {
			_, err := api.DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("a-0")})
			return err
		}},
		{"ListActions", func(api fake.SageMakerAPI, i int) error {
			_, err := api.ListActions(ctx, &sagemaker.ListActionsInput{MaxResults: aws.Int32(10)})
			return err
		}},
		{"UpdateAction", func(api fake.SageMakerAPI, i int) error {
			_, err := api.UpdateAction(ctx, &sagemaker.UpdateActionInput{ActionName: aws.String("a-0"), Status: types.ActionStatusCompleted})
			return err
		}},
		{"DeleteAction", func(api fake.SageMakerAPI, i int) error {
			if _, err := api.CreateAction(ctx, benchInput("d")); err != nil {
				return err
			}
			_, err := api.DeleteAction(ctx, &sagemaker.DeleteActionInput{ActionName: aws.String("d")})
			return err
		}},
		{"AddTags", func(api fake.SageMakerAPI, i int) error {
			_, err := api.AddTags(ctx, &sagemaker.AddTagsInput{ResourceArn: aws.String(arn), Tags: []types.Tag{tag("k"+strconv.Itoa(i%40), "v")}})
			return err
		}},
		{"ListTags", func(api fake.SageMakerAPI, i int) error {
			_, err := api.ListTags(ctx, &sagemaker.ListTagsInput{ResourceArn: aws.String(arn)})
			return err
		}},
		{"DeleteTags", func(api fake.SageMakerAPI, i int) error {
			_, err := api.DeleteTags(ctx, &sagemaker.DeleteTagsInput{ResourceArn: aws.String(arn), TagKeys: []string{"x"}})
			return err
		}},
		{"CreateArtifact", func(api fake.SageMakerAPI, i int) error {
			_, err := api.CreateArtifact(ctx, benchArtifact("s3://b/"+strconv.Itoa(i)))
			return err
		}},
		{"DescribeArtifact", func(api fake.SageMakerAPI, i int) error {
			_, err := api.DescribeArtifact(ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: aws.String(artifactArn)})
			return err
		}},
		{"ListArtifacts", func(api fake.SageMakerAPI, i int) error {
			_, err := api.ListArtifacts(ctx, &sagemaker.ListArtifactsInput{MaxResults: aws.Int32(10)})
			return err
		}},
		{"UpdateArtifact", func(api fake.SageMakerAPI, i int) error {
			_, err := api.UpdateArtifact(ctx, &sagemaker.UpdateArtifactInput{ArtifactArn: aws.String(artifactArn), PropertiesToRemove: []string{"x"}})
			return err
		}},
		{"DeleteArtifact", func(api fake.SageMakerAPI, i int) error {
			out, err := api.CreateArtifact(ctx, benchArtifact("s3://d"))
			if err != nil {
				return err
			}
			_, err = api.DeleteArtifact(ctx, &sagemaker.DeleteArtifactInput{ArtifactArn: out.ArtifactArn})
			return err
		}},
		{"CreateContext", func(api fake.SageMakerAPI, i int) error {
			_, err := api.CreateContext(ctx, benchContext("b-"+strconv.Itoa(i)))
			return err
		}},
		{"DescribeContext", func(api fake.SageMakerAPI, i int) error {
			_, err := api.DescribeContext(ctx, &sagemaker.DescribeContextInput{ContextName: aws.String("c-0")})
			return err
		}},
		{"ListContexts", func(api fake.SageMakerAPI, i int) error {
			_, err := api.ListContexts(ctx, &sagemaker.ListContextsInput{MaxResults: aws.Int32(10)})
			return err
		}},
		{"UpdateContext", func(api fake.SageMakerAPI, i int) error {
			_, err := api.UpdateContext(ctx, &sagemaker.UpdateContextInput{ContextName: aws.String("c-0"), Description: aws.String("d")})
			return err
		}},
		{"DeleteContext", func(api fake.SageMakerAPI, i int) error {
			if _, err := api.CreateContext(ctx, benchContext("d")); err != nil {
				return err
			}
			_, err := api.DeleteContext(ctx, &sagemaker.DeleteContextInput{ContextName: aws.String("d")})
			return err
		}},
		{"ListLineageGroups", func(api fake.SageMakerAPI, i int) error {
			_, err := api.ListLineageGroups(ctx, &sagemaker.ListLineageGroupsInput{})
			return err
		}},
		{"DescribeLineageGroup", func(api fake.SageMakerAPI, i int) error {
			_, err := api.DescribeLineageGroup(ctx, &sagemaker.DescribeLineageGroupInput{LineageGroupName: aws.String("sagemaker-default-lineage-group")})
			return err
		}},
	}
	for _, op := range ops {
		for _, door := range doors {
			b.Run("op="+op.name+"/door="+door.name, func(b *testing.B) {
				f := fake.New(noLineageQuotas()...) // b.N creates: more than AWS's quotas
				api := door.api(f)
				for i := 0; i < 100; i++ {
					if _, err := api.CreateAction(ctx, benchInput("a-"+strconv.Itoa(i))); err != nil {
						b.Fatal(err)
					}
					if _, err := api.CreateArtifact(ctx, benchArtifact("s3://a/"+strconv.Itoa(i))); err != nil {
						b.Fatal(err)
					}
					if _, err := api.CreateContext(ctx, benchContext("c-"+strconv.Itoa(i))); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					if err := op.call(api, i); err != nil {
						b.Fatal(err)
					}
					i++
				}
			})
		}
	}
}

// prepared is a wire request built once and replayed.
type prepared struct {
	target string
	body   []byte
}

func (p prepared) serve(b *testing.B, h http.Handler) {
	req := httptest.NewRequest("POST", "/", bytes.NewReader(p.body))
	req.Header.Set("X-Amz-Target", p.target)
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 {
		b.Fatalf("%s: %s", p.target, rec.Body)
	}
}

// BenchmarkPersonalize runs every Personalize operation through the wire door (there is no
// SDK v2 Personalize client), and PutEvents through the SDK v2 client on AWSConfig().
func BenchmarkPersonalize(b *testing.B) {
	const group = "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop"
	const trackingID = "11111111-2222-4333-8444-555555555555"
	const tracker = "arn:aws:personalize:us-east-1:123456789012:event-tracker/0a1b2c3d"
	seeded := func() *fake.Fake {
		return fake.New(fake.WithQuota(fake.DatasetGroups, 1<<30), fake.WithLifecycle(fake.EventTrackers, fake.Lifecycle{}),
			fake.WithScenario(scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "shop",
				EventTracker: &scenario.EventTracker{Name: "t", ID: "0a1b2c3d", TrackingID: trackingID}})))
	}
	ops := []struct {
		name string
		req  func(i int) prepared
	}{
		{"CreateDatasetGroup", func(i int) prepared {
			return prepared{"AmazonPersonalize.CreateDatasetGroup", []byte(`{"name":"g` + strconv.Itoa(i) + `"}`)}
		}},
		{"DescribeDatasetGroup", func(int) prepared {
			return prepared{"AmazonPersonalize.DescribeDatasetGroup", []byte(`{"datasetGroupArn":"` + group + `"}`)}
		}},
		{"ListDatasetGroups", func(int) prepared {
			return prepared{"AmazonPersonalize.ListDatasetGroups", []byte(`{"maxResults":10}`)}
		}},
		{"DescribeEventTracker", func(int) prepared {
			return prepared{"AmazonPersonalize.DescribeEventTracker", []byte(`{"eventTrackerArn":"` + tracker + `"}`)}
		}},
		{"ListEventTrackers", func(int) prepared {
			return prepared{"AmazonPersonalize.ListEventTrackers", []byte(`{"datasetGroupArn":"` + group + `"}`)}
		}},
		{"TagResource", func(i int) prepared {
			return prepared{"AmazonPersonalize.TagResource", []byte(`{"resourceArn":"` + group + `","tags":[{"tagKey":"k` + strconv.Itoa(i%40) + `","tagValue":"v"}]}`)}
		}},
		{"ListTagsForResource", func(int) prepared {
			return prepared{"AmazonPersonalize.ListTagsForResource", []byte(`{"resourceArn":"` + group + `"}`)}
		}},
		{"UntagResource", func(int) prepared {
			return prepared{"AmazonPersonalize.UntagResource", []byte(`{"resourceArn":"` + group + `","tagKeys":["x"]}`)}
		}},
	}
	for _, op := range ops {
		b.Run("op="+op.name+"/door=wire", func(b *testing.B) {
			h := seeded().Handler()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				op.req(i).serve(b, h)
				i++
			}
		})
	}
	// A tracker's whole life: create on a fresh ACTIVE group, then delete it.
	b.Run("op=CreateEventTracker+DeleteEventTracker/door=wire", func(b *testing.B) {
		f := fake.New(fake.WithLifecycle(fake.DatasetGroups, fake.Lifecycle{}), fake.WithLifecycle(fake.EventTrackers, fake.Lifecycle{}), fake.WithQuota(fake.DatasetGroups, 1<<30))
		h := f.Handler()
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			g := "arn:aws:personalize:us-east-1:123456789012:dataset-group/g" + strconv.Itoa(i)
			prepared{"AmazonPersonalize.CreateDatasetGroup", []byte(`{"name":"g` + strconv.Itoa(i) + `"}`)}.serve(b, h)
			rec := httptest.NewRecorder()
			req := httptest.NewRequest("POST", "/", bytes.NewReader([]byte(`{"name":"t","datasetGroupArn":"`+g+`"}`)))
			req.Header.Set("X-Amz-Target", "AmazonPersonalize.CreateEventTracker")
			req.Header.Set("Content-Type", "application/x-amz-json-1.1")
			h.ServeHTTP(rec, req)
			if rec.Code != 200 {
				b.Fatal(rec.Body)
			}
			i++
		}
	})
	b.Run("op=PutEvents(10 events)/door=sdk", func(b *testing.B) {
		f := seeded()
		client := personalizeevents.NewFromConfig(f.AWSConfig())
		evs := make([]petypes.Event, 10)
		for i := range evs {
			evs[i] = petypes.Event{EventType: aws.String("click"), ItemId: aws.String("item-" + strconv.Itoa(i)), SentAt: aws.Time(time.Unix(1700000000, 0)),
				Properties: aws.String(`{"page":"home"}`)}
		}
		in := &personalizeevents.PutEventsInput{TrackingId: aws.String(trackingID), SessionId: aws.String("s"), UserId: aws.String("u"), EventList: evs}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := client.PutEvents(context.Background(), in); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("op=PutEvents(10 events)/door=wire", func(b *testing.B) {
		h := seeded().Handler()
		body := []byte(`{"trackingId":"` + trackingID + `","sessionId":"s","userId":"u","eventList":[` +
			strings.Repeat(`{"eventType":"click","itemId":"i","sentAt":1700000000,"properties":"{\"page\":\"home\"}"},`, 9) +
			`{"eventType":"click","itemId":"i","sentAt":1700000000}]}`)
		b.ReportAllocs()
		for b.Loop() {
			req := httptest.NewRequest("POST", "/events", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != 200 {
				b.Fatal(rec.Body)
			}
		}
	})
}

// stepClock is a clock moved by assignment. (clock.Mock's Add also sleeps a millisecond to let
// timers run, which would swamp what this measures.)
type stepClock struct {
	*clock.Mock
	now time.Time
}

func (c *stepClock) Now() time.Time { return c.now }

// BenchmarkDescribeAfterClockAdvance shows that moving the clock costs nothing whatever the
// number of resources: statuses are computed when a call looks, so the cost per advance and
// describe is the same with 10 trackers as with 10,000.
func BenchmarkDescribeAfterClockAdvance(b *testing.B) {
	for _, n := range []int{10, 10_000} {
		b.Run(fmt.Sprintf("trackers=%d", n), func(b *testing.B) {
			clk := &stepClock{Mock: clock.NewMock(), now: start}
			f := fake.New(fake.WithClock(clk), fake.WithQuota(fake.DatasetGroups, n+1), fake.WithQuota(fake.Schemas, 0), fake.WithCallLog(-1))
			s := scenario.New()
			for i := 0; i < n; i++ {
				s.SeedDatasetGroup(scenario.DatasetGroup{Name: fmt.Sprintf("g%d", i), EventTracker: &scenario.EventTracker{Name: "t", ID: fmt.Sprintf("%08x", i)}})
			}
			if err := f.SetScenario(s); err != nil {
				b.Fatal(err)
			}
			req := prepared{"AmazonPersonalize.DescribeEventTracker", []byte(`{"eventTrackerArn":"arn:aws:personalize:us-east-1:123456789012:event-tracker/00000001"}`)}
			h := f.Handler()
			b.ReportAllocs()
			for b.Loop() {
				clk.now = clk.now.Add(time.Hour)
				req.serve(b, h)
			}
		})
	}
}

// BenchmarkScale builds one fake with 100,000 actions and 10,000 dataset groups with event
// trackers and reports the memory each resource takes. Run it once:
//
//	go test -run '^$' -bench Scale -benchtime 1x ./fake
func BenchmarkScale(b *testing.B) {
	for b.Loop() {
		var before, mid, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		f := fake.New(fake.WithCallLog(-1), fake.WithQuota(fake.DatasetGroups, 20_000), fake.WithQuota(fake.Schemas, 0), fake.WithQuota(fake.Actions, 0))
		ctx := context.Background()
		for i := 0; i < 100_000; i++ {
			in := benchInput(fmt.Sprintf("action-%06d", i))
			in.Tags = []types.Tag{tag("team", "ml")}
			if _, err := f.SageMaker().CreateAction(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
		runtime.GC()
		runtime.ReadMemStats(&mid)
		s := scenario.New()
		for i := 0; i < 10_000; i++ {
			s.SeedDatasetGroup(scenario.DatasetGroup{Name: fmt.Sprintf("group-%05d", i), Tags: map[string]string{"team": "ml"},
				EventTracker: &scenario.EventTracker{Name: "tracker"}})
		}
		if err := f.SetScenario(s); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(mid.HeapAlloc-before.HeapAlloc)/100_000, "B/action")
		b.ReportMetric(float64(after.HeapAlloc-mid.HeapAlloc)/10_000, "B/group+tracker")
		runtime.KeepAlive(f)
	}
}
