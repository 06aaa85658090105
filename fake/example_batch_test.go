package fake_test

import (
	"context"
	"fmt"
	"testing/fstest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/benbjohnson/clock"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// A batch segment job reads JSON Lines from the objects the fake is given, answers each line
// with the solution version's model, and writes <input>.out when it completes on the clock.
func Example_batchSegmentJob() {
	ctx := context.Background()
	clk := clock.NewMock()
	objects := fstest.MapFS{
		"data/interactions.csv": {Data: []byte("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\n" +
			"ann,boot,1700000000,click\nann,hat,1700000001,click\nbob,boot,1700000002,click\ncid,hat,1700000003,click\n")},
		"jobs/items.json": {Data: []byte(`{"itemId": "boot"}` + "\n" + `{"itemId": "hat"}` + "\n")},
	}
	f := fake.New(fake.WithClock(clk), fake.WithObjects(objects), fake.WithSmallDatasets(), // four interactions train
		fake.WithScenario(scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "shop", Datasets: []scenario.Dataset{{Type: "Interactions"}}})))
	pz := f.Personalize()
	role := aws.String("arn:aws:iam::123456789012:role/personalize")
	must := func(_ any, err error) {
		if err != nil {
			panic(err)
		}
	}
	must(pz.CreateDatasetImportJob(ctx, &personalize.CreateDatasetImportJobInput{JobName: aws.String("import"), RoleArn: role,
		DatasetArn: aws.String("arn:aws:personalize:us-east-1:123456789012:dataset/shop/INTERACTIONS"),
		DataSource: &pztypes.DataSource{DataLocation: aws.String("s3://data/interactions.csv")}}))
	clk.Add(5 * time.Minute)
	s, err := pz.CreateSolution(ctx, &personalize.CreateSolutionInput{Name: aws.String("affinity"),
		DatasetGroupArn: aws.String("arn:aws:personalize:us-east-1:123456789012:dataset-group/shop"),
		RecipeArn:       aws.String("arn:aws:personalize:::recipe/aws-item-affinity")})
	must(s, err)
	clk.Add(time.Minute)
	v, err := pz.CreateSolutionVersion(ctx, &personalize.CreateSolutionVersionInput{SolutionArn: s.SolutionArn})
	must(v, err)
	clk.Add(45 * time.Minute)

	must(pz.CreateBatchSegmentJob(ctx, &personalize.CreateBatchSegmentJobInput{JobName: aws.String("audiences"), RoleArn: role,
		SolutionVersionArn: v.SolutionVersionArn,
		JobInput:           &pztypes.BatchSegmentJobInput{S3DataSource: &pztypes.S3DataConfig{Path: aws.String("s3://jobs/items.json")}},
		JobOutput:          &pztypes.BatchSegmentJobOutput{S3DataDestination: &pztypes.S3DataConfig{Path: aws.String("s3://out/audiences/")}}}))
	clk.Add(8 * time.Minute)
	for _, uri := range f.Objects("s3://out/") {
		body, _ := f.Object(uri)
		fmt.Printf("%s\n%s", uri, body)
	}
	// Output:
	// s3://out/audiences/items.json.out
	// {"input":{"itemId":"boot"},"output":{"usersList":["ann","bob"]},"error":null}
	// {"input":{"itemId":"hat"},"output":{"usersList":["ann","cid"]},"error":null}
}
