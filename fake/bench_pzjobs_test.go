package fake_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	petypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"

	"github.com/awsfake/awsfake/fake"
)

// jobsShop is an instant fake with a group "shop", its Interactions dataset and an Items dataset
// of ten items.
func jobsShop(b *testing.B, opts ...fake.Option) *fake.Fake {
	b.Helper()
	ctx := context.Background()
	f := fake.New(append([]fake.Option{fake.WithQuota(fake.DatasetGroups, 0), fake.WithLifecycle(fake.DatasetGroups, fake.Lifecycle{}),
		fake.WithLifecycle(fake.Datasets, fake.Lifecycle{})}, opts...)...)
	pz := f.Personalize()
	g, err := pz.CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("shop")})
	if err != nil {
		b.Fatal(err)
	}
	for typ, schema := range map[string]string{"Interactions": interactionsSchema, "Items": itemsSchema} {
		s, err := pz.CreateSchema(ctx, &personalize.CreateSchemaInput{Name: aws.String(typ), Schema: aws.String(schema)})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := pz.CreateDataset(ctx, &personalize.CreateDatasetInput{Name: aws.String(typ), DatasetGroupArn: g.DatasetGroupArn,
			DatasetType: aws.String(typ), SchemaArn: s.SchemaArn}); err != nil {
			b.Fatal(err)
		}
	}
	items := make([]petypes.Item, 10)
	for i := range items {
		items[i] = petypes.Item{ItemId: aws.String(fmt.Sprint("i", i)), Properties: aws.String(`{"genres": "A|B", "price": 9.5}`)}
	}
	if _, err := f.PersonalizeEvents().PutItems(ctx, &personalizeevents.PutItemsInput{DatasetArn: aws.String(shopItems), Items: items}); err != nil {
		b.Fatal(err)
	}
	return f
}

const shopItems = "arn:aws:personalize:us-east-1:123456789012:dataset/shop/ITEMS"

func exportInput(name string) *personalize.CreateDatasetExportJobInput {
	return &personalize.CreateDatasetExportJobInput{JobName: aws.String(name), DatasetArn: aws.String(shopItems), RoleArn: aws.String(exportRole),
		JobOutput: &pztypes.DatasetExportJobOutput{S3DataDestination: &pztypes.S3DataConfig{Path: aws.String("s3://exports/")}}}
}

// BenchmarkPersonalizeJobsTyped measures the typed door's operations of export jobs, metric
// attributions and algorithms.
func BenchmarkPersonalizeJobsTyped(b *testing.B) {
	ctx := context.Background()
	b.Run("op=CreateDatasetExportJob", func(b *testing.B) {
		var api *fake.Personalize
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			// A job keeps a copy of what it exports until it completes; a fresh fake every 1,000
			// jobs keeps what the benchmark holds to what a test would (10,000 jobs pending at
			// once would measure the garbage collector walking their copies).
			if i%1000 == 0 {
				b.StopTimer()
				api = jobsShop(b).Personalize()
				b.StartTimer()
			}
			if _, err := api.CreateDatasetExportJob(ctx, exportInput("j"+strconv.Itoa(i))); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("op=CreateMetricAttribution", func(b *testing.B) {
		var api *fake.Personalize
		b.ReportAllocs()
		var groups []string
		i := 0
		for b.Loop() {
			if i%1000 == 0 { // groups with an Interactions dataset and no attribution, made outside the timer
				b.StopTimer()
				if i%10_000 == 0 {
					api = jobsShop(b).Personalize()
				}
				groups = groups[:0]
				for j := i; j < i+1000; j++ {
					g, err := api.CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("g" + strconv.Itoa(j))})
					if err != nil {
						b.Fatal(err)
					}
					if _, err := api.CreateDataset(ctx, &personalize.CreateDatasetInput{Name: aws.String("i"), DatasetGroupArn: g.DatasetGroupArn,
						DatasetType: aws.String("Interactions"), SchemaArn: aws.String("arn:aws:personalize:us-east-1:123456789012:schema/Interactions")}); err != nil {
						b.Fatal(err)
					}
					groups = append(groups, *g.DatasetGroupArn)
				}
				b.StartTimer()
			}
			if _, err := api.CreateMetricAttribution(ctx, &personalize.CreateMetricAttributionInput{Name: aws.String("m" + strconv.Itoa(i)),
				DatasetGroupArn: &groups[i%1000], Metrics: []pztypes.MetricAttribute{metric("clicks", "click", "SAMPLECOUNT()")},
				MetricsOutputConfig: metricsOutput}); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	// Describing an export job after a clock jump costs the same among 10 jobs as among 10,000:
	// its status is computed, and only its own objects are written.
	for _, n := range []int{10, 10_000} {
		b.Run(fmt.Sprintf("op=DescribeDatasetExportJob/jobs=%d", n), func(b *testing.B) {
			clk := mockClock()
			f := jobsShop(b, fake.WithCallLog(-1), fake.WithClock(clk))
			for i := range n {
				if _, err := f.Personalize().CreateDatasetExportJob(ctx, exportInput("j"+strconv.Itoa(i))); err != nil {
					b.Fatal(err)
				}
			}
			clk.Add(10 * time.Minute)
			api := f.Personalize()
			in := &personalize.DescribeDatasetExportJobInput{DatasetExportJobArn: aws.String("arn:aws:personalize:us-east-1:123456789012:dataset-export-job/j0")}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := api.DescribeDatasetExportJob(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("op=DescribeAlgorithm", func(b *testing.B) {
		api := fake.New(fake.WithCallLog(-1)).Personalize()
		in := &personalize.DescribeAlgorithmInput{AlgorithmArn: aws.String("arn:aws:personalize:::algorithm/aws-user-personalization")}
		b.ReportAllocs()
		for b.Loop() {
			if _, err := api.DescribeAlgorithm(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	})
}
