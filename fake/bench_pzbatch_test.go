package fake_test

import (
	"context"
	"strconv"
	"testing"
	"testing/fstest"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// instantBatchPZ is a fake whose Personalize resources (but recommenders) are ACTIVE at once and
// whose quotas are off,
// with the objects of the batch and recommender tests.
func instantBatchPZ(b *testing.B) *pzEnv {
	b.Helper()
	objects := fstest.MapFS{}
	for _, m := range []fstest.MapFS{batchObjects, domainObjects} {
		for k, v := range m {
			objects[k] = v
		}
	}
	opts := []fake.Option{fake.WithObjects(objects)}
	for _, k := range []fake.Resource{fake.DatasetGroups, fake.Datasets, fake.DatasetImportJobs, fake.Solutions, fake.SolutionVersions,
		fake.BatchInferenceJobs, fake.BatchSegmentJobs} {
		opts = append(opts, fake.WithLifecycle(k, fake.Lifecycle{}), fake.WithQuota(k, 0))
	}
	// Recommenders keep their timing: one ACTIVE at once would train on its creation, which
	// the benchmark would then measure (about 0.4 ms on 1,000 interactions).
	opts = append(opts, fake.WithQuota(fake.Recommenders, 0))
	f := fake.New(opts...)
	return &pzEnv{f: f, pz: f.Personalize(), ev: f.PersonalizeEvents(), ctx: context.Background()}
}

// BenchmarkPersonalizeBatchTyped measures the typed door's creates of recommenders (which take
// a view of the group's data: training is lazy) and batch jobs (which read their input and
// answer every line: here two users and an item, on 1,000 interactions).
func BenchmarkPersonalizeBatchTyped(b *testing.B) {
	ctx := context.Background()
	b.Run("op=CreateRecommender", func(b *testing.B) {
		e := instantBatchPZ(b)
		shop := mustCreate(b, e, "shop", "ECOMMERCE", "shop/views.csv")
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := e.pz.CreateRecommender(ctx, &personalize.CreateRecommenderInput{Name: aws.String("r" + strconv.Itoa(i)),
				DatasetGroupArn: &shop, RecipeArn: aws.String(recommendedForYou)}); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	for _, c := range []struct{ op, recipe, input string }{
		{"CreateBatchInferenceJob", userPersonalization, "s3://in/users.json"},
		{"CreateBatchSegmentJob", itemAffinity, "s3://in/items.json"},
	} {
		b.Run("op="+c.op, func(b *testing.B) {
			e := instantBatchPZ(b)
			group := mustCreate(b, e, "g", "", "bucket/interactions.csv")
			s, err := e.pz.CreateSolution(ctx, &personalize.CreateSolutionInput{Name: aws.String("s"), DatasetGroupArn: &group, RecipeArn: aws.String(c.recipe)})
			if err != nil {
				b.Fatal(err)
			}
			v, err := e.pz.CreateSolutionVersion(ctx, &personalize.CreateSolutionVersionInput{SolutionArn: s.SolutionArn})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				name := aws.String("j" + strconv.Itoa(i))
				if c.op == "CreateBatchInferenceJob" {
					_, err = e.pz.CreateBatchInferenceJob(ctx, &personalize.CreateBatchInferenceJobInput{JobName: name, SolutionVersionArn: v.SolutionVersionArn,
						RoleArn: aws.String(exportRole), JobInput: &pztypes.BatchInferenceJobInput{S3DataSource: &pztypes.S3DataConfig{Path: aws.String(c.input)}},
						JobOutput: &pztypes.BatchInferenceJobOutput{S3DataDestination: &pztypes.S3DataConfig{Path: aws.String("s3://out/")}}})
				} else {
					_, err = e.pz.CreateBatchSegmentJob(ctx, &personalize.CreateBatchSegmentJobInput{JobName: name, SolutionVersionArn: v.SolutionVersionArn,
						RoleArn: aws.String(exportRole), JobInput: &pztypes.BatchSegmentJobInput{S3DataSource: &pztypes.S3DataConfig{Path: aws.String(c.input)}},
						JobOutput: &pztypes.BatchSegmentJobOutput{S3DataDestination: &pztypes.S3DataConfig{Path: aws.String("s3://out/")}}})
				}
				if err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// mustCreate makes an ACTIVE group (of a domain, or "") whose Interactions dataset holds an
// import of an object, on an instant fake.
func mustCreate(b *testing.B, e *pzEnv, name, domain, key string) string {
	b.Helper()
	g, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: &name, Domain: pztypes.Domain(domain)})
	if err != nil {
		b.Fatal(err)
	}
	in := &personalize.CreateSchemaInput{Name: aws.String(name), Schema: aws.String(interactionsSchema)}
	if domain != "" {
		in.Domain, in.Schema = pztypes.Domain(domain), aws.String(scenario.DefaultSchema("Interactions", domain))
	}
	s, err := e.pz.CreateSchema(e.ctx, in)
	if err != nil {
		b.Fatal(err)
	}
	d, err := e.pz.CreateDataset(e.ctx, &personalize.CreateDatasetInput{Name: &name, DatasetGroupArn: g.DatasetGroupArn, DatasetType: aws.String("Interactions"), SchemaArn: s.SchemaArn})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := e.pz.CreateDatasetImportJob(e.ctx, &personalize.CreateDatasetImportJobInput{JobName: &name, DatasetArn: d.DatasetArn,
		DataSource: &pztypes.DataSource{DataLocation: aws.String("s3://" + key)}, RoleArn: aws.String(exportRole)}); err != nil {
		b.Fatal(err)
	}
	return aws.ToString(g.DatasetGroupArn)
}
