package fake_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/awsfake/awsfake/fake"
)

// Benchmarks of the typed door. Run with
//
//	go test -run '^$' -bench . -benchmem -count 6 ./fake | tee new.txt && benchstat new.txt

// noActionQuota lifts AWS's quota of 3,000 actions, which the benchmarks pass.
var noActionQuota = fake.WithQuota(fake.Actions, 0)

// noLineageQuotas lifts every lineage quota.
func noLineageQuotas() []fake.Option {
	return []fake.Option{noActionQuota, fake.WithQuota(fake.Artifacts, 0), fake.WithQuota(fake.Contexts, 0)}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = fake.New()
	}
}

func benchInput(name string) *sagemaker.CreateActionInput {
	return &sagemaker.CreateActionInput{
		ActionName: aws.String(name),
		ActionType: aws.String("ModelDeployment"),
		Source:     &types.ActionSource{SourceUri: aws.String("s3://models/model.tar.gz")},
		Properties: map[string]string{"stage": "prod"},
	}
}

// BenchmarkCreateAction measures CreateAction at the sizes a unit test has: a new fake (with
// its default call log) every 10,000 actions.
func BenchmarkCreateAction(b *testing.B) {
	ctx := context.Background()
	in := benchInput("")
	var sm *fake.SageMaker
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%10_000 == 0 {
			b.StopTimer()
			sm = fake.New(noActionQuota).SageMaker()
			b.StartTimer()
		}
		in.ActionName = aws.String("a-" + strconv.Itoa(i))
		if _, err := sm.CreateAction(ctx, in); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkCreateActionGrowing keeps every action in one fake (and no call log), so it also
// pays for the state growing to b.N actions.
func BenchmarkCreateActionGrowing(b *testing.B) {
	sm := fake.New(fake.WithCallLog(-1), noActionQuota).SageMaker()
	ctx := context.Background()
	in := benchInput("")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		in.ActionName = aws.String("a-" + strconv.Itoa(i))
		if _, err := sm.CreateAction(ctx, in); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkDescribeAction(b *testing.B) {
	sm := fake.New().SageMaker()
	ctx := context.Background()
	for i := 0; i < 1000; i++ {
		if _, err := sm.CreateAction(ctx, benchInput("a-"+strconv.Itoa(i))); err != nil {
			b.Fatal(err)
		}
	}
	in := &sagemaker.DescribeActionInput{ActionName: aws.String("a-500")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sm.DescribeAction(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPageAllActions pages through every action 100 at a time. The cost per action
// grows with log n, not with n: compare ns/action across the sizes.
func BenchmarkPageAllActions(b *testing.B) {
	for _, n := range []int{10_000, 50_000, 100_000} {
		for _, order := range []types.SortActionsBy{types.SortActionsByCreationTime, types.SortActionsByName} {
			b.Run(fmt.Sprintf("n=%d/by=%s", n, order), func(b *testing.B) {
				sm := fake.New(fake.WithCallLog(-1), noActionQuota).SageMaker()
				ctx := context.Background()
				for i := 0; i < n; i++ {
					// Names in an order unrelated to creation, so the name index is really sorted.
					if _, err := sm.CreateAction(ctx, benchInput(fmt.Sprintf("a-%08x", uint32(i)*2654435761))); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportAllocs()
				for b.Loop() {
					p := sagemaker.NewListActionsPaginator(sm, &sagemaker.ListActionsInput{SortBy: order, MaxResults: aws.Int32(100)})
					seen := 0
					for p.HasMorePages() {
						out, err := p.NextPage(ctx)
						if err != nil {
							b.Fatal(err)
						}
						seen += len(out.ActionSummaries)
					}
					if seen != n {
						b.Fatalf("paged %d of %d", seen, n)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/action")
			})
		}
	}
}

func benchArtifact(uri string) *sagemaker.CreateArtifactInput {
	return &sagemaker.CreateArtifactInput{
		ArtifactType: aws.String("Model"),
		ArtifactName: aws.String("model"),
		Source:       &types.ArtifactSource{SourceUri: aws.String(uri)},
		Properties:   map[string]string{"stage": "prod"},
	}
}

func benchContext(name string) *sagemaker.CreateContextInput {
	return &sagemaker.CreateContextInput{
		ContextName: aws.String(name),
		ContextType: aws.String("Endpoint"),
		Source:      &types.ContextSource{SourceUri: aws.String("arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn")},
		Properties:  map[string]string{"stage": "prod"},
	}
}

// BenchmarkCreateArtifact measures CreateArtifact as BenchmarkCreateAction measures
// CreateAction: a new fake every 10,000 artifacts. It includes hashing the source into the id.
func BenchmarkCreateArtifact(b *testing.B) {
	ctx := context.Background()
	in := benchArtifact("")
	var sm *fake.SageMaker
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%10_000 == 0 {
			b.StopTimer()
			sm = fake.New(noLineageQuotas()...).SageMaker()
			b.StartTimer()
		}
		in.Source.SourceUri = aws.String("s3://models/m-" + strconv.Itoa(i) + ".tar.gz")
		if _, err := sm.CreateArtifact(ctx, in); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkCreateContext is BenchmarkCreateAction for contexts.
func BenchmarkCreateContext(b *testing.B) {
	ctx := context.Background()
	in := benchContext("")
	var sm *fake.SageMaker
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%10_000 == 0 {
			b.StopTimer()
			sm = fake.New(noLineageQuotas()...).SageMaker()
			b.StartTimer()
		}
		in.ContextName = aws.String("c-" + strconv.Itoa(i))
		if _, err := sm.CreateContext(ctx, in); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkDescribeArtifact(b *testing.B) {
	sm := fake.New().SageMaker()
	ctx := context.Background()
	var arn *string
	for i := 0; i < 1000; i++ {
		out, err := sm.CreateArtifact(ctx, benchArtifact("s3://models/m-"+strconv.Itoa(i)))
		if err != nil {
			b.Fatal(err)
		}
		if i == 500 {
			arn = out.ArtifactArn
		}
	}
	in := &sagemaker.DescribeArtifactInput{ArtifactArn: arn}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sm.DescribeArtifact(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDescribeContext(b *testing.B) {
	sm := fake.New().SageMaker()
	ctx := context.Background()
	for i := 0; i < 500; i++ {
		if _, err := sm.CreateContext(ctx, benchContext("c-"+strconv.Itoa(i))); err != nil {
			b.Fatal(err)
		}
	}
	in := &sagemaker.DescribeContextInput{ContextName: aws.String("c-250")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sm.DescribeContext(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPageAllArtifacts pages through every artifact 100 at a time, at AWS's quota (6,000)
// and at a quarter and four times it: the cost per artifact grows with log n, not with n.
func BenchmarkPageAllArtifacts(b *testing.B) {
	for _, n := range []int{1_500, 6_000, 24_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			sm := fake.New(append(noLineageQuotas(), fake.WithCallLog(-1))...).SageMaker()
			ctx := context.Background()
			for i := 0; i < n; i++ {
				if _, err := sm.CreateArtifact(ctx, benchArtifact(fmt.Sprintf("s3://models/%08x", uint32(i)*2654435761))); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				p := sagemaker.NewListArtifactsPaginator(sm, &sagemaker.ListArtifactsInput{MaxResults: aws.Int32(100)})
				seen := 0
				for p.HasMorePages() {
					out, err := p.NextPage(ctx)
					if err != nil {
						b.Fatal(err)
					}
					seen += len(out.ArtifactSummaries)
				}
				if seen != n {
					b.Fatalf("paged %d of %d", seen, n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/artifact")
		})
	}
}

// BenchmarkListThenCreateArtifact is what AWS's samples do for every artifact: list by
// SourceUri, and create only when nothing is found. With an index by SourceUri the list costs
// the same with 6,000 artifacts as with none.
func BenchmarkListThenCreateArtifact(b *testing.B) {
	ctx := context.Background()
	var sm *fake.SageMaker
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%6_000 == 0 {
			b.StopTimer()
			sm = fake.New(fake.WithCallLog(-1)).SageMaker()
			b.StartTimer()
		}
		in := benchArtifact("s3://models/m-" + strconv.Itoa(i) + ".tar.gz")
		out, err := sm.ListArtifacts(ctx, &sagemaker.ListArtifactsInput{SourceUri: in.Source.SourceUri})
		if err != nil || len(out.ArtifactSummaries) > 0 {
			b.Fatal(err, out)
		}
		if _, err := sm.CreateArtifact(ctx, in); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
