package fake_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/aws/aws-sdk-go-v2/service/personalizeruntime"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// runtimeInteractions writes n interactions: n/20 users with 20 each, over n/50 items, each
// user's items a spread of the catalogue so that items share users as in a shop.
func runtimeInteractions(n int) []byte {
	users, items := n/20, max(n/50, 40)
	var b strings.Builder
	b.Grow(n * 32)
	b.WriteString("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\n")
	for u := range users {
		for k := range 20 {
			fmt.Fprintf(&b, "u%07d,i%06d,%d,click\n", u, (u*7+k*k*13+k)%items, 1700000000+u*20+k)
		}
	}
	return []byte(b.String())
}

// runtimeFake is a fake with a campaign of aws-user-personalization trained on n imported
// interactions, and how long training took (the version's model is made once, when first
// needed: here, when the version is described after its training time).
func runtimeFake(b *testing.B, n int) (*fake.Fake, string, time.Duration) {
	b.Helper()
	ctx := context.Background()
	clk := mockClock()
	s := scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "shop", Datasets: []scenario.Dataset{{Type: "Interactions"}}})
	f := fake.New(fake.WithClock(clk), fake.WithCallLog(-1), fake.WithScenario(s),
		fake.WithObjects(fstest.MapFS{"b/interactions.csv": {Data: runtimeInteractions(n)}}))
	pz := f.Personalize()
	_, err := pz.CreateDatasetImportJob(ctx, &personalize.CreateDatasetImportJobInput{JobName: aws.String("import"),
		DatasetArn: aws.String(benchDataset), DataSource: &pztypes.DataSource{DataLocation: aws.String("s3://b/interactions.csv")},
		RoleArn: aws.String("arn:aws:iam::123456789012:role/r")})
	if err != nil {
		b.Fatal(err)
	}
	clk.Add(5 * time.Minute)
	sol, err := pz.CreateSolution(ctx, &personalize.CreateSolutionInput{Name: aws.String("recs"), DatasetGroupArn: aws.String(benchGroup),
		RecipeArn: aws.String(userPersonalization)})
	if err != nil {
		b.Fatal(err)
	}
	clk.Add(2 * time.Second)
	v, err := pz.CreateSolutionVersion(ctx, &personalize.CreateSolutionVersionInput{SolutionArn: sol.SolutionArn})
	if err != nil {
		b.Fatal(err)
	}
	clk.Add(45 * time.Minute)
	began := time.Now()
	d, err := pz.DescribeSolutionVersion(ctx, &personalize.DescribeSolutionVersionInput{SolutionVersionArn: v.SolutionVersionArn})
	trained := time.Since(began)
	if err != nil || aws.ToString(d.SolutionVersion.Status) != "ACTIVE" {
		b.Fatal(err, aws.ToString(d.SolutionVersion.FailureReason))
	}
	c, err := pz.CreateCampaign(ctx, &personalize.CreateCampaignInput{Name: aws.String("recs"), SolutionVersionArn: v.SolutionVersionArn})
	if err != nil {
		b.Fatal(err)
	}
	clk.Add(10 * time.Minute)
	return f, aws.ToString(c.CampaignArn), trained
}

// BenchmarkGetRecommendations measures typed GetRecommendations of a user-personalization
// campaign (25 items, users taken in turn) at 10,000 and 1,000,000 interactions, and reports
// the training time. The targets: ≤ 20 µs at 10,000, ≤ 1.5× that at 1,000,000;
// training ≤ 3 s at 1,000,000.
func BenchmarkGetRecommendations(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		b.Run(fmt.Sprintf("interactions=%d", n), func(b *testing.B) {
			f, campaign, trained := runtimeFake(b, n)
			rt := f.PersonalizeRuntime()
			ctx := context.Background()
			users := make([]*string, 1024)
			for i := range users {
				users[i] = aws.String(fmt.Sprintf("u%07d", (i*7919)%(n/20)))
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				out, err := rt.GetRecommendations(ctx, &personalizeruntime.GetRecommendationsInput{CampaignArn: &campaign, UserId: users[i%len(users)]})
				if err != nil || len(out.ItemList) != 25 {
					b.Fatal(err, len(out.ItemList))
				}
				i++
			}
			b.ReportMetric(trained.Seconds(), "train-s")
		})
	}
}
