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

// Benchmarks of the lineage graph, through the typed door:
//
//	go test -run '^$' -bench 'Association|QueryLineage|Cascade' -benchmem -count 6 ./fake | benchstat -

// noGraphQuotas lifts every lineage quota, associations' too.
func noGraphQuotas() []fake.Option {
	return append(noLineageQuotas(), fake.WithQuota(fake.Associations, 0))
}

// benchArtifacts creates n artifacts of type typ and returns their ARNs.
func benchArtifacts(b *testing.B, sm *fake.SageMaker, prefix, typ string, n int) []string {
	b.Helper()
	arns := make([]string, n)
	for i := range arns {
		in := benchArtifact("s3://" + prefix + "/" + strconv.Itoa(i))
		in.ArtifactType = aws.String(typ)
		out, err := sm.CreateArtifact(context.Background(), in)
		if err != nil {
			b.Fatal(err)
		}
		arns[i] = aws.ToString(out.ArtifactArn)
	}
	return arns
}

func benchLink(b *testing.B, sm *fake.SageMaker, src, dst string) {
	b.Helper()
	if _, err := sm.AddAssociation(context.Background(), &sagemaker.AddAssociationInput{SourceArn: &src, DestinationArn: &dst,
		AssociationType: types.AssociationEdgeTypeContributedTo}); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkAddAssociation measures AddAssociation at the sizes a unit test has: a new fake of
// 200 artifacts every 10,000 associations, each a new pair.
func BenchmarkAddAssociation(b *testing.B) {
	ctx := context.Background()
	var sm *fake.SageMaker
	var arns []string
	in := &sagemaker.AddAssociationInput{AssociationType: types.AssociationEdgeTypeContributedTo}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%10_000 == 0 {
			b.StopTimer()
			sm = fake.New(noGraphQuotas()...).SageMaker()
			arns = benchArtifacts(b, sm, "a", "Model", 200)
			b.StartTimer()
		}
		in.SourceArn, in.DestinationArn = &arns[i%100], &arns[100+(i/100)%100]
		if _, err := sm.AddAssociation(ctx, in); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// lineageGraph is n artifacts in components of five, each shaped as the worked example of the
// facts (5.5): image -> model <- dataset, model -> deployment -> endpoint. It returns the first
// component's model.
func lineageGraph(b *testing.B, sm *fake.SageMaker, n int) (model string) {
	b.Helper()
	arns := benchArtifacts(b, sm, "g", "Model", n)
	for c := 0; c+5 <= n; c += 5 {
		image, m, dataset, deploy, endpoint := arns[c], arns[c+1], arns[c+2], arns[c+3], arns[c+4]
		benchLink(b, sm, image, m)
		benchLink(b, sm, dataset, m)
		benchLink(b, sm, m, deploy)
		benchLink(b, sm, deploy, endpoint)
	}
	return arns[1]
}

// BenchmarkQueryLineage runs the same queries on graphs of 500 and 5,000 artifacts: the worked
// example as the Python SDK sends it, and Descendants with filters. Each visits one component of five,
// so each costs the same whatever the graph's size.
func BenchmarkQueryLineage(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{500, 5000} {
		sm := fake.New(append(noGraphQuotas(), fake.WithCallLog(-1))...).SageMaker()
		model := lineageGraph(b, sm, n)
		for _, q := range []struct {
			name string
			in   *sagemaker.QueryLineageInput
		}{
			{"worked example", &sagemaker.QueryLineageInput{StartArns: []string{model}, Direction: types.DirectionBoth,
				IncludeEdges: aws.Bool(true), Filters: &types.QueryFilters{}, MaxDepth: aws.Int32(10)}},
			{"descendants, filtered", &sagemaker.QueryLineageInput{StartArns: []string{model}, Direction: types.DirectionDescendants,
				IncludeEdges: aws.Bool(false), MaxDepth: aws.Int32(10),
				Filters: &types.QueryFilters{LineageTypes: []types.LineageType{types.LineageTypeArtifact}, Types: []string{"Model"}}}},
		} {
			b.Run(fmt.Sprintf("%s/artifacts=%d", q.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					out, err := sm.QueryLineage(ctx, q.in)
					if err != nil || len(out.Vertices) == 0 {
						b.Fatal(err, out)
					}
				}
			})
		}
	}
}

// BenchmarkListAssociationsByEnd lists the 3 associations of one end, by SourceArn and by
// DestinationArn, in graphs of 1,000 and 10,000 associations: O(log n + k), so the same cost.
func BenchmarkListAssociationsByEnd(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{1000, 10_000} {
		sm := fake.New(append(noGraphQuotas(), fake.WithCallLog(-1))...).SageMaker()
		// n/3 sources, each linked to 3 of n/3 destinations.
		srcs := benchArtifacts(b, sm, "s", "DataSet", n/3)
		dsts := benchArtifacts(b, sm, "d", "Model", n/3)
		for i := range srcs {
			for k := 0; k < 3; k++ {
				benchLink(b, sm, srcs[i], dsts[(i+k*7)%len(dsts)])
			}
		}
		for _, c := range []struct {
			name string
			in   *sagemaker.ListAssociationsInput
		}{
			{"SourceArn", &sagemaker.ListAssociationsInput{SourceArn: &srcs[len(srcs)/2]}},
			{"DestinationArn", &sagemaker.ListAssociationsInput{DestinationArn: &dsts[len(dsts)/2]}},
		} {
			b.Run(fmt.Sprintf("%s/associations=%d", c.name, 3*(n/3)), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					out, err := sm.ListAssociations(ctx, c.in)
					if err != nil || len(out.AssociationSummaries) != 3 {
						b.Fatal(err, out)
					}
				}
			})
		}
	}
}

// BenchmarkDeleteWithCascade deletes an artifact with 1, 10 and 100 associations, cascading, in
// graphs of 500 and 5,000 artifacts (a component of five for every five artifacts, and 1,000
// more that the deleted artifacts link to): the cost follows its degree, not the graph's size.
// Making the artifacts and their associations is not timed; it is done a thousand
// associations at a time, as stopping the timer costs more than a delete.
func BenchmarkDeleteWithCascade(b *testing.B) {
	const pool = 1000
	ctx := context.Background()
	for _, n := range []int{500, 5000} {
		sm := fake.New(append(noGraphQuotas(), fake.WithCallLog(-1), fake.WithCascadingDeletes())...).SageMaker()
		lineageGraph(b, sm, n)
		others := benchArtifacts(b, sm, "o", "DataSet", pool)
		for _, degree := range []int{1, 10, 100} {
			b.Run(fmt.Sprintf("degree=%d/artifacts=%d", degree, n), func(b *testing.B) {
				batch := pool / degree
				b.ReportAllocs()
				for i := 0; i < b.N; {
					b.StopTimer()
					// A listing lets the fake forget what it deleted: without reads its indexes
					// keep every deleted artifact and association (TestSortedIndexForgetsRemovedItemsWithoutReads).
					if _, err := sm.ListAssociations(ctx, &sagemaker.ListAssociationsInput{MaxResults: aws.Int32(1)}); err != nil {
						b.Fatal(err)
					}
					if _, err := sm.ListArtifacts(ctx, &sagemaker.ListArtifactsInput{MaxResults: aws.Int32(1)}); err != nil {
						b.Fatal(err)
					}
					hubs := benchArtifacts(b, sm, "hub", "Model", min(batch, b.N-i))
					for h, hub := range hubs {
						// Each hub links to others of its own, so every far end has degree 1.
						for k, other := range others[h*degree : (h+1)*degree] {
							if k%2 == 0 {
								benchLink(b, sm, hub, other)
							} else {
								benchLink(b, sm, other, hub)
							}
						}
					}
					b.StartTimer()
					for _, hub := range hubs {
						if _, err := sm.DeleteArtifact(ctx, &sagemaker.DeleteArtifactInput{ArtifactArn: &hub}); err != nil {
							b.Fatal(err)
						}
						i++
					}
				}
			})
		}
	}
}
