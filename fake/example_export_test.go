package fake_test

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/benbjohnson/clock"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// A dataset export job writes the dataset's records as CSV when it completes on the clock; the
// test reads the objects it wrote under its destination.
func Example_datasetExportJob() {
	ctx := context.Background()
	clk := clock.NewMock()
	f := fake.New(fake.WithClock(clk), fake.WithScenario(scenario.New().SeedDatasetGroup(scenario.DatasetGroup{
		Name: "shop", Datasets: []scenario.Dataset{{Type: "Items"}}}))) // ACTIVE, with the default Items schema
	items := "arn:aws:personalize:us-east-1:123456789012:dataset/shop/ITEMS"
	_, _ = f.PersonalizeEvents().PutItems(ctx, &personalizeevents.PutItemsInput{DatasetArn: &items, Items: []types.Item{
		{ItemId: aws.String("boot"), Properties: aws.String(`{"genres": "shoes|outdoor"}`)}, {ItemId: aws.String("hat")}}})

	out, err := f.Personalize().CreateDatasetExportJob(ctx, &personalize.CreateDatasetExportJobInput{
		JobName: aws.String("nightly"), DatasetArn: &items, RoleArn: aws.String("arn:aws:iam::123456789012:role/personalize"),
		JobOutput: &pztypes.DatasetExportJobOutput{S3DataDestination: &pztypes.S3DataConfig{Path: aws.String("s3://exports/items/")}}})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(f.Objects("s3://exports/")), "objects before the job completes")
	clk.Add(5 * time.Minute)
	job, _ := f.Personalize().DescribeDatasetExportJob(ctx, &personalize.DescribeDatasetExportJobInput{DatasetExportJobArn: out.DatasetExportJobArn})
	fmt.Println(*job.DatasetExportJob.Status)
	for _, uri := range f.Objects("s3://exports/items/") {
		body, _ := f.Object(uri)
		fmt.Printf("%s\n%s", uri, body)
	}
	// Output:
	// 0 objects before the job completes
	// ACTIVE
	// s3://exports/items/nightly/part-00000.csv
	// ITEM_ID,GENRES
	// boot,shoes|outdoor
	// hat,
}
