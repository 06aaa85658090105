package fake_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// stressEntity is one lineage entity the stress test creates and deletes again and again.
type stressEntity struct {
	arn    string
	create func(ctx context.Context, api fake.SageMakerAPI) error
	delete func(ctx context.Context, api fake.SageMakerAPI) error
}

// stressEntities are 8 artifacts, 8 actions and 8 contexts. An artifact's ARN comes from its
// source, so it is read off a scratch fake.
func stressEntities(t *testing.T) []stressEntity {
	ctx := context.Background()
	scratch := fake.New().SageMaker()
	var out []stressEntity
	for i := 0; i < 8; i++ {
		in := newArtifact(fmt.Sprintf("s3://stress/%d", i))
		a, err := scratch.CreateArtifact(ctx, in)
		require.NoError(t, err)
		arn := aws.ToString(a.ArtifactArn)
		out = append(out, stressEntity{arn: arn,
			create: func(ctx context.Context, api fake.SageMakerAPI) error {
				_, err := api.CreateArtifact(ctx, in)
				return err
			},
			delete: func(ctx context.Context, api fake.SageMakerAPI) error {
				_, err := api.DeleteArtifact(ctx, &sagemaker.DeleteArtifactInput{ArtifactArn: &arn})
				return err
			}})
		action, contextName := fmt.Sprintf("a%d", i), fmt.Sprintf("c%d", i)
		out = append(out, stressEntity{arn: "arn:aws:sagemaker:us-east-1:123456789012:action/" + action,
			create: func(ctx context.Context, api fake.SageMakerAPI) error {
				_, err := api.CreateAction(ctx, newAction(action))
				return err
			},
			delete: func(ctx context.Context, api fake.SageMakerAPI) error {
				_, err := api.DeleteAction(ctx, &sagemaker.DeleteActionInput{ActionName: &action})
				return err
			}})
		out = append(out, stressEntity{arn: "arn:aws:sagemaker:us-east-1:123456789012:context/" + contextName,
			create: func(ctx context.Context, api fake.SageMakerAPI) error {
				_, err := api.CreateContext(ctx, newContext(contextName))
				return err
			},
			delete: func(ctx context.Context, api fake.SageMakerAPI) error {
				_, err := api.DeleteContext(ctx, &sagemaker.DeleteContextInput{ContextName: &contextName})
				return err
			}})
	}
	return out
}

// expectedCode reports an error that is not one the lineage graph answers under contention:
// "already exists" and "has associations" (ValidationException) and ResourceNotFound.
func expectedCode(err error) error {
	if err == nil {
		return nil
	}
	code, msg := "", err.Error()
	if c, m, ok := apiErrorOf(err); ok {
		code, msg = c, m
	}
	if code == "ResourceNotFound" || code == "ValidationException" &&
		(strings.Contains(msg, "already exists") || strings.Contains(msg, "while it has associations")) {
		return nil
	}
	return err
}

func apiErrorOf(err error) (code, msg string, ok bool) {
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		return "", "", false
	}
	return ae.ErrorCode(), ae.ErrorMessage(), true
}

// TestLineageStress adds and deletes associations, creates and deletes their ends, and lists and
// queries the graph from many goroutines through both doors, refusing deletes of associated
// entities and, in a second fake, cascading them. Bounded: a fixed number of operations per
// worker. Afterwards no association dangles, no pair is there twice, ListAssociations by either
// end agrees with the whole listing, and QueryLineage walks exactly the listed associations.
// Run it under -race.
func TestLineageStress(t *testing.T) {
	t.Parallel()
	entities := stressEntities(t)
	for _, c := range []struct {
		name string
		opts []fake.Option
	}{{"refusing", nil}, {"cascading", []fake.Option{fake.WithCascadingDeletes()}}} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			clk := mockClock()
			f := fake.New(append([]fake.Option{fake.WithClock(clk)}, c.opts...)...)
			stressLineage(t, f, clk, entities)
			checkLineage(t, f, entities, c.opts == nil)
		})
	}
}

func stressLineage(t *testing.T, f *fake.Fake, clk interface{ Add(time.Duration) }, entities []stressEntity) {
	const workers, opsPerWorker = 8, 250
	ctx := context.Background()
	doors := []fake.SageMakerAPI{f.SageMaker(), sagemaker.NewFromConfig(f.AWSConfig())}
	failures := make(chan error, workers*opsPerWorker) // workers report; the test goroutine asserts
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), 14))
			report := func(op string, err error) {
				if err := expectedCode(err); err != nil {
					failures <- fmt.Errorf("worker %d %s: %w", w, op, err)
				}
			}
			for i := 0; i < opsPerWorker; i++ {
				api := doors[rng.IntN(2)]
				a := entities[rng.IntN(len(entities))]
				b := entities[rng.IntN(len(entities))]
				switch rng.IntN(12) {
				case 0, 1:
					report("create", a.create(ctx, api))
				case 2:
					if rng.IntN(2) == 0 {
						// As the Python SDK's delete(disassociate=True): its associations first,
						// racing the other workers' adds.
						for _, in := range []*sagemaker.ListAssociationsInput{{SourceArn: &a.arn}, {DestinationArn: &a.arn}} {
							l, err := api.ListAssociations(ctx, in)
							report("ListAssociations", err)
							if err != nil {
								continue
							}
							for _, s := range l.AssociationSummaries {
								_, err := api.DeleteAssociation(ctx, &sagemaker.DeleteAssociationInput{SourceArn: s.SourceArn, DestinationArn: s.DestinationArn})
								report("DeleteAssociation", err)
							}
						}
					}
					report("delete", a.delete(ctx, api))
				case 3, 4:
					if a.arn != b.arn {
						_, err := api.AddAssociation(ctx, &sagemaker.AddAssociationInput{SourceArn: &a.arn, DestinationArn: &b.arn})
						report("AddAssociation", err)
					}
				case 5, 6:
					_, err := api.DeleteAssociation(ctx, &sagemaker.DeleteAssociationInput{SourceArn: &a.arn, DestinationArn: &b.arn})
					report("DeleteAssociation", err)
				case 7:
					in := &sagemaker.ListAssociationsInput{SourceArn: &a.arn, MaxResults: aws.Int32(3)}
					if rng.IntN(2) == 0 {
						in = &sagemaker.ListAssociationsInput{DestinationArn: &a.arn, SortBy: types.SortAssociationsBySourceArn}
					}
					_, err := api.ListAssociations(ctx, in)
					report("ListAssociations", err)
				case 8:
					_, err := api.ListAssociations(ctx, &sagemaker.ListAssociationsInput{SortBy: types.SortAssociationsBySourceType, MaxResults: aws.Int32(20)})
					report("ListAssociations", err)
				case 9, 10:
					dir := []types.Direction{types.DirectionBoth, types.DirectionAscendants, types.DirectionDescendants}[rng.IntN(3)]
					out, err := api.QueryLineage(ctx, &sagemaker.QueryLineageInput{StartArns: []string{a.arn}, Direction: dir, IncludeEdges: aws.Bool(true)})
					report("QueryLineage", err)
					if err == nil {
						// One answer is one consistent snapshot: every edge joins the start or
						// returned vertices.
						ends := map[string]bool{a.arn: true}
						for _, v := range out.Vertices {
							ends[aws.ToString(v.Arn)] = true
						}
						for _, e := range out.Edges {
							if !ends[aws.ToString(e.SourceArn)] || !ends[aws.ToString(e.DestinationArn)] {
								failures <- fmt.Errorf("worker %d: QueryLineage from %s returned an edge %s -> %s to no returned vertex",
									w, a.arn, aws.ToString(e.SourceArn), aws.ToString(e.DestinationArn))
							}
						}
					}
				case 11:
					clk.Add(time.Second)
				}
			}
		}()
	}
	wg.Wait()
	close(failures)
	for err := range failures {
		t.Error(err)
	}
}

// checkLineage checks the graph left behind, through the typed door.
func checkLineage(t *testing.T, f *fake.Fake, entities []stressEntity, refusing bool) {
	ctx := context.Background()
	api := f.SageMaker()
	type pair struct{ src, dst string }
	var all []pair
	p := sagemaker.NewListAssociationsPaginator(api, &sagemaker.ListAssociationsInput{MaxResults: aws.Int32(100)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		require.NoError(t, err)
		for _, s := range page.AssociationSummaries {
			all = append(all, pair{aws.ToString(s.SourceArn), aws.ToString(s.DestinationArn)})
		}
	}
	require.NotEmpty(t, all, "the stress should leave some associations")
	pairs := map[pair]bool{}
	out, in := map[string][]string{}, map[string][]string{}
	for _, a := range all {
		require.False(t, pairs[a], "the pair %v is listed twice", a)
		pairs[a] = true
		out[a.src] = append(out[a.src], a.dst)
		in[a.dst] = append(in[a.dst], a.src)
	}
	exists := map[string]bool{}
	for _, e := range entities {
		var err error
		switch {
		case strings.Contains(e.arn, ":artifact/"):
			_, err = api.DescribeArtifact(ctx, &sagemaker.DescribeArtifactInput{ArtifactArn: aws.String(e.arn)})
		case strings.Contains(e.arn, ":action/"):
			_, err = api.DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: aws.String(e.arn)})
		default:
			_, err = api.DescribeContext(ctx, &sagemaker.DescribeContextInput{ContextName: aws.String(e.arn)})
		}
		if err == nil {
			exists[e.arn] = true
		} else {
			requireCode(t, err, "ResourceNotFound")
		}
	}
	for a := range pairs {
		require.True(t, exists[a.src] && exists[a.dst], "the association %s -> %s dangles", a.src, a.dst)
	}
	t.Logf("at the end: %d entities, %d associations", len(exists), len(all))

	sorted := func(l []string) []string { l = append([]string(nil), l...); sort.Strings(l); return l }
	for _, e := range entities {
		if !exists[e.arn] {
			continue
		}
		// Each end's own listing agrees with the whole one.
		bySource := listEnds(t, api, &sagemaker.ListAssociationsInput{SourceArn: aws.String(e.arn)}, false)
		byDestination := listEnds(t, api, &sagemaker.ListAssociationsInput{DestinationArn: aws.String(e.arn)}, true)
		require.Equal(t, sorted(out[e.arn]), sorted(bySource), "associations from %s", e.arn)
		require.Equal(t, sorted(in[e.arn]), sorted(byDestination), "associations to %s", e.arn)

		// One hop both ways with edges: the start, its neighbours and exactly its associations.
		q, err := api.QueryLineage(ctx, &sagemaker.QueryLineageInput{StartArns: []string{e.arn}, MaxDepth: aws.Int32(1), IncludeEdges: aws.Bool(true)})
		require.NoError(t, err)
		var edges, wantEdges []string
		for _, ed := range q.Edges {
			edges = append(edges, aws.ToString(ed.SourceArn)+">"+aws.ToString(ed.DestinationArn))
		}
		for _, d := range out[e.arn] {
			wantEdges = append(wantEdges, e.arn+">"+d)
		}
		for _, s := range in[e.arn] {
			wantEdges = append(wantEdges, s+">"+e.arn)
		}
		require.Equal(t, sorted(wantEdges), sorted(edges), "QueryLineage's edges at %s", e.arn)

		// Descendants within 10 hops: what a walk over the listed associations reaches.
		want := map[string]bool{}
		frontier := []string{e.arn}
		for d := 0; d < 10 && len(frontier) > 0; d++ {
			var next []string
			for _, u := range frontier {
				for _, v := range out[u] {
					if v != e.arn && !want[v] {
						want[v] = true
						next = append(next, v)
					}
				}
			}
			frontier = next
		}
		q, err = api.QueryLineage(ctx, &sagemaker.QueryLineageInput{StartArns: []string{e.arn}, Direction: types.DirectionDescendants})
		require.NoError(t, err)
		got := map[string]bool{}
		for _, v := range q.Vertices {
			got[aws.ToString(v.Arn)] = true
		}
		require.Equal(t, want, got, "descendants of %s", e.arn)

		// Without cascading, an entity that still has associations cannot be deleted.
		if refusing && len(out[e.arn])+len(in[e.arn]) > 0 {
			err := e.delete(ctx, api)
			require.ErrorContains(t, err, "while it has associations")
		}
	}
}

// listEnds lists the far ends of an entity's associations, every page.
func listEnds(t *testing.T, api fake.SageMakerAPI, in *sagemaker.ListAssociationsInput, sources bool) []string {
	t.Helper()
	var ends []string
	p := sagemaker.NewListAssociationsPaginator(api, in)
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		require.NoError(t, err)
		for _, s := range page.AssociationSummaries {
			if sources {
				ends = append(ends, aws.ToString(s.SourceArn))
			} else {
				ends = append(ends, aws.ToString(s.DestinationArn))
			}
		}
	}
	return ends
}
