package fake_test

import (
	"context"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/benbjohnson/clock"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// trainingFake is a fake with an ACTIVE group "shop" (an Interactions dataset, a tracker), an
// ACTIVE solution "recs" of it with an ACTIVE version 0123abcd and a campaign, quotas lifted,
// on a mock clock.
func trainingFake(opts ...fake.Option) (*fake.Fake, *clock.Mock) {
	clk := mockClock()
	s := scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "shop", EventTracker: &scenario.EventTracker{Name: "t"},
		Solutions: []scenario.Solution{{Name: "recs", Recipe: "aws-sims", Version: &scenario.SolutionVersion{ID: "0123abcd"},
			Campaign: &scenario.Campaign{Name: "recs"}}}})
	base := []fake.Option{fake.WithClock(clk), fake.WithCallLog(-1), fake.WithScenario(s), fake.WithSmallDatasets(),
		fake.WithQuota(fake.Solutions, 0), fake.WithQuota(fake.SolutionVersions, 0), fake.WithQuota(fake.Campaigns, 0),
		fake.WithQuota(fake.Filters, 0), fake.WithQuota(fake.DatasetImportJobs, 0), fake.WithObjects(benchObjects)}
	return fake.New(append(base, opts...)...), clk
}

const (
	benchGroup    = "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop"
	benchSolution = "arn:aws:personalize:us-east-1:123456789012:solution/recs"
	benchVersion  = benchSolution + "/0123abcd"
	benchDataset  = "arn:aws:personalize:us-east-1:123456789012:dataset/shop/INTERACTIONS"
)

var benchObjects = fstest.MapFS{"b/small.csv": {Data: []byte("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\nu1,i1,1700000000,click\n")}}

// benchGroups is how many dataset groups manyGroups seeds: solutions and filters spread over
// them as AWS's quotas spread them (10 of each per group), each group with an Interactions
// dataset.
const benchGroups = 1000

func manyGroups() *fake.Fake {
	s := scenario.New()
	for i := range benchGroups {
		s.SeedDatasetGroup(scenario.DatasetGroup{Name: "g" + strconv.Itoa(i), Datasets: []scenario.Dataset{{Type: "Interactions"}}})
	}
	return fake.New(fake.WithCallLog(-1), fake.WithQuota(fake.DatasetGroups, 0), fake.WithQuota(fake.Schemas, 0), fake.WithScenario(s))
}

func benchGroupArn(i int) *string {
	return aws.String("arn:aws:personalize:us-east-1:123456789012:dataset-group/g" + strconv.Itoa(i%benchGroups))
}

// BenchmarkTrainingTyped measures the creates of the training kinds through the typed door (each
// a fresh fake every 10,000 calls, the size of a unit test's).
func BenchmarkTrainingTyped(b *testing.B) {
	ctx := context.Background()
	creates := []struct {
		name string
		call func(api *fake.Personalize, i int) error
	}{
		{"CreateSolution", func(api *fake.Personalize, i int) error {
			_, err := api.CreateSolution(ctx, &personalize.CreateSolutionInput{Name: aws.String("s" + strconv.Itoa(i)),
				DatasetGroupArn: benchGroupArn(i), RecipeArn: aws.String(userPersonalization)})
			return err
		}},
		{"CreateSolutionVersion", func(api *fake.Personalize, i int) error {
			_, err := api.CreateSolutionVersion(ctx, &personalize.CreateSolutionVersionInput{SolutionArn: aws.String(benchSolution)})
			return err
		}},
		{"CreateCampaign", func(api *fake.Personalize, i int) error {
			_, err := api.CreateCampaign(ctx, &personalize.CreateCampaignInput{Name: aws.String("c" + strconv.Itoa(i)), SolutionVersionArn: aws.String(benchVersion)})
			return err
		}},
		{"CreateFilter", func(api *fake.Personalize, i int) error {
			_, err := api.CreateFilter(ctx, &personalize.CreateFilterInput{Name: aws.String("f" + strconv.Itoa(i)), DatasetGroupArn: benchGroupArn(i),
				FilterExpression: aws.String(`EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click", "purchase")`)})
			return err
		}},
		{"CreateDatasetImportJob(1 row)", func(api *fake.Personalize, i int) error {
			_, err := api.CreateDatasetImportJob(ctx, &personalize.CreateDatasetImportJobInput{JobName: aws.String("j" + strconv.Itoa(i)),
				DatasetArn: aws.String(benchDataset), DataSource: &pztypes.DataSource{DataLocation: aws.String("s3://b/small.csv")},
				RoleArn: aws.String("arn:aws:iam::123456789012:role/r"), ImportMode: pztypes.ImportModeIncremental})
			return err
		}},
	}
	for _, c := range creates {
		b.Run("op="+c.name, func(b *testing.B) {
			var api *fake.Personalize
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if i%10_000 == 0 {
					b.StopTimer()
					f, _ := trainingFake()
					if c.name == "CreateSolution" || c.name == "CreateFilter" {
						f = manyGroups()
					}
					api = f.Personalize()
					if strings.HasPrefix(c.name, "CreateDatasetImportJob") { // INCREMENTAL follows a FULL import
						if _, err := api.CreateDatasetImportJob(ctx, &personalize.CreateDatasetImportJobInput{JobName: aws.String("full"),
							DatasetArn: aws.String(benchDataset), DataSource: &pztypes.DataSource{DataLocation: aws.String("s3://b/small.csv")},
							RoleArn: aws.String("arn:aws:iam::123456789012:role/r")}); err != nil {
							b.Fatal(err)
						}
					}
					b.StartTimer()
				}
				if err := c.call(api, i); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// jumpClock is a clock whose time moves by jump alone, at no cost: clock.Mock's Add yields for a
// millisecond, which would be all a benchmark measured.
type jumpClock struct {
	*clock.Mock
	now atomic.Int64
}

func (c *jumpClock) Now() time.Time       { return time.Unix(0, c.now.Load()).UTC() }
func (c *jumpClock) jump(d time.Duration) { c.now.Add(int64(d)) }
func newJumpClock() *jumpClock {
	c := &jumpClock{Mock: clock.NewMock()}
	c.now.Store(start.UnixNano())
	return c
}
func (c *jumpClock) Since(t time.Time) time.Duration { return c.Now().Sub(t) }

// BenchmarkDescribeAfterAClockJump shows the lifecycles lazy: with 10 or 10,000 resources of a
// kind, describing one after the clock moved costs the same (nothing is walked but the resource).
func BenchmarkDescribeAfterAClockJump(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{10, 10_000} {
		b.Run(fmt.Sprintf("kind=solution-versions/n=%d", n), func(b *testing.B) {
			clk := newJumpClock()
			f, _ := trainingFake(fake.WithClock(clk))
			api := f.Personalize()
			var arn string
			for range n {
				out, err := api.CreateSolutionVersion(ctx, &personalize.CreateSolutionVersionInput{SolutionArn: aws.String(benchSolution)})
				if err != nil {
					b.Fatal(err)
				}
				arn = aws.ToString(out.SolutionVersionArn)
			}
			in := &personalize.DescribeSolutionVersionInput{SolutionVersionArn: &arn}
			b.ReportAllocs()
			for b.Loop() {
				clk.jump(time.Minute)
				if _, err := api.DescribeSolutionVersion(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("kind=campaigns/n=%d", n), func(b *testing.B) {
			clk := newJumpClock()
			f, _ := trainingFake(fake.WithClock(clk))
			api := f.Personalize()
			var arn string
			for i := range n {
				out, err := api.CreateCampaign(ctx, &personalize.CreateCampaignInput{Name: aws.String("c" + strconv.Itoa(i)), SolutionVersionArn: aws.String(benchVersion)})
				if err != nil {
					b.Fatal(err)
				}
				arn = aws.ToString(out.CampaignArn)
			}
			in := &personalize.DescribeCampaignInput{CampaignArn: &arn}
			b.ReportAllocs()
			for b.Loop() {
				clk.jump(time.Minute)
				if _, err := api.DescribeCampaign(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkImport100k measures an import of 100,000 interaction rows, from CreateDatasetImportJob
// (which reads and parses the object) to the rows in the dataset (the clock moves past the
// job's end, and a solution version takes a snapshot of them), and the memory each row held
// takes.
func BenchmarkImport100k(b *testing.B) {
	const rows = 100_000
	var csv strings.Builder
	csv.WriteString("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\n")
	for i := range rows {
		fmt.Fprintf(&csv, "user-%d,item-%d,%d,click,%d.5\n", i%5000, (i*7)%20000, 1700000000+i, i%10)
	}
	objects := fstest.MapFS{"b/big.csv": {Data: []byte(csv.String())}}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		f, clk := trainingFake(fake.WithObjects(objects))
		api := f.Personalize()
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		b.StartTimer()
		if _, err := api.CreateDatasetImportJob(ctx, &personalize.CreateDatasetImportJobInput{JobName: aws.String("big"),
			DatasetArn: aws.String(benchDataset), DataSource: &pztypes.DataSource{DataLocation: aws.String("s3://b/big.csv")},
			RoleArn: aws.String("arn:aws:iam::123456789012:role/r")}); err != nil {
			b.Fatal(err)
		}
		clk.Add(5 * time.Minute)
		if _, err := api.CreateSolutionVersion(ctx, &personalize.CreateSolutionVersionInput{SolutionArn: aws.String(benchSolution)}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/rows, "B/record")
		if got := len(f.Records(benchDataset)); got != rows {
			b.Fatalf("%d records", got)
		}
		b.StartTimer()
	}
}
