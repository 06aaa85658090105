package engine

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// fuzzGraph is a small lineage graph built from fuzz bytes, and what the test knows of it.
type fuzzGraph struct {
	arns    []string
	kind    []string // the lineage type: Artifact, Action or Context
	typ     []string
	stage   []string // the one property each vertex has
	created []time.Time
	edges   [][2]int // the associations AddAssociation accepted, by vertex index
}

var (
	fuzzTypes       = []string{"Model", "DataSet", "Endpoint", "Image"}
	fuzzAssocTypes  = []string{"", "ContributedTo", "AssociatedWith", "DerivedFrom", "Produced", "SameAs"}
	fuzzLineageKind = []string{"Artifact", "Action", "Context", "TrialComponent", "Trial"}
)

// buildFuzzGraph makes up to 10 vertices (one byte each: kind, type, property) a second apart,
// then up to 40 associations (two bytes each: ends and type). Duplicate pairs are refused and
// self-loops taken as AWS is silent on them; the graph records what was accepted.
func buildFuzzGraph(t *testing.T, e *Engine, clk *stepClock, g []byte) *fuzzGraph {
	t.Helper()
	at := func(i int) byte {
		if i < len(g) {
			return g[i]
		}
		return byte(i * 7)
	}
	n := 1 + int(at(0))%10
	fg := &fuzzGraph{}
	for i := 0; i < n; i++ {
		b := at(1 + i)
		typ, stage := fuzzTypes[int(b/3)%len(fuzzTypes)], []string{"dev", "prod"}[int(b/12)%2]
		props := map[string]string{"stage": stage}
		name := fmt.Sprintf("v%d", i)
		kind, uri := []string{"Artifact", "Action", "Context"}[b%3], "s3://fuzz/"+name
		var op *Op
		var in any
		switch kind {
		case "Artifact":
			op, in = OpCreateArtifact, &sagemaker.CreateArtifactInput{ArtifactType: &typ, Source: &sagemaker.ArtifactSource{SourceUri: &uri}, Properties: props}
		case "Action":
			op, in = OpCreateAction, &sagemaker.CreateActionInput{ActionName: &name, ActionType: &typ, Source: &sagemaker.ActionSource{SourceUri: &uri}, Properties: props}
		default:
			op, in = OpCreateContext, &sagemaker.CreateContextInput{ContextName: &name, ContextType: &typ, Source: &sagemaker.ContextSource{SourceUri: &uri}, Properties: props}
		}
		out, err := checkCall(t, e, op, in)
		if err != nil {
			t.Fatalf("creating vertex %d: %v", i, err)
		}
		var arn string
		switch o := out.(type) {
		case *sagemaker.CreateArtifactOutput:
			arn = *o.ArtifactArn
		case *sagemaker.CreateActionOutput:
			arn = *o.ActionArn
		case *sagemaker.CreateContextOutput:
			arn = *o.ContextArn
		}
		fg.arns, fg.kind, fg.typ, fg.stage = append(fg.arns, arn), append(fg.kind, kind), append(fg.typ, typ), append(fg.stage, stage)
		fg.created = append(fg.created, clk.Now())
		clk.add(time.Second)
	}
	pairs := map[[2]int]bool{}
	for i := 1 + n; i+1 < len(g) && len(fg.edges) < 40; i += 2 {
		src, dst := int(g[i])%n, int(g[i+1])%n
		in := &sagemaker.AddAssociationInput{SourceArn: &fg.arns[src], DestinationArn: &fg.arns[dst]}
		if typ := fuzzAssocTypes[int(g[i]/10)%len(fuzzAssocTypes)]; typ != "" {
			in.AssociationType = &typ
		}
		_, err := checkCall(t, e, OpAddAssociation, in)
		switch dup := pairs[[2]int{src, dst}]; {
		case dup && err == nil:
			t.Fatalf("the pair %d→%d was added twice", src, dst)
		case dup:
			continue
		case err != nil:
			t.Fatalf("adding %d→%d: %v", src, dst, err)
		}
		pairs[[2]int{src, dst}] = true
		fg.edges = append(fg.edges, [2]int{src, dst})
	}
	return fg
}

// distances is a reference breadth-first walk: each vertex's hops from the start within
// maxDepth, following the direction (Both: either way at every vertex).
func (fg *fuzzGraph) distances(start int, dir string, maxDepth int) map[int]int {
	dist := map[int]int{start: 0}
	frontier := []int{start}
	for d := 1; d <= maxDepth && len(frontier) > 0; d++ {
		var next []int
		for _, u := range frontier {
			for _, e := range fg.edges {
				for _, step := range [][2]int{{e[0], e[1]}, {e[1], e[0]}} {
					forward := step[0] == e[0]
					if step[0] != u || (forward && dir == "Ascendants") || (!forward && dir == "Descendants") {
						continue
					}
					if _, seen := dist[step[1]]; !seen {
						dist[step[1]] = d
						next = append(next, step[1])
					}
				}
			}
		}
		frontier = next
	}
	return dist
}

// matches is the reference of QueryLineage's filters.
func (fg *fuzzGraph) matches(v int, f *sagemaker.QueryFilters) bool {
	if f == nil {
		return true
	}
	in := func(list []string, s string) bool { return len(list) == 0 || slices.Contains(list, s) }
	after := func(t time.Time, a *shape.Time) bool { return a == nil || !t.Before(a.Time) }
	before := func(t time.Time, b *shape.Time) bool { return b == nil || !t.After(b.Time) }
	c := fg.created[v]
	if !in(f.Types, fg.typ[v]) || !in(f.LineageTypes, fg.kind[v]) || !after(c, f.CreatedAfter) || !before(c, f.CreatedBefore) ||
		!after(c, f.ModifiedAfter) || !before(c, f.ModifiedBefore) {
		return false
	}
	if len(f.Properties) == 0 {
		return true
	}
	return f.Properties["stage"] == fg.stage[v]
}

// fuzzWorkedExample is the worked example of the facts (5.5) as fuzz bytes: five vertices (image,
// model, dataset artifacts; an action; an endpoint context), then image -ContributedTo-> model,
// dataset -AssociatedWith-> model, model -ContributedTo-> action, action -AssociatedWith-> context.
var fuzzWorkedExample = []byte{4, 9, 0, 3, 1, 8, 10, 1, 22, 1, 11, 3, 23, 4}

// The fuzz graph builder reads its bytes as documented: the worked example answers as in the facts.
func TestFuzzGraphWorkedExample(t *testing.T) {
	t.Parallel()
	clk := newStepClock()
	e := New(Config{Clock: clk})
	fg := buildFuzzGraph(t, e, clk, fuzzWorkedExample)
	if got := fmt.Sprint(fg.kind, fg.typ, fg.edges); got != "[Artifact Artifact Artifact Action Context] [Image Model DataSet Model Endpoint] [[0 1] [2 1] [1 3] [3 4]]" {
		t.Fatalf("built %s", got)
	}
	yes := true
	out, err := checkCall(t, e, OpQueryLineage, &sagemaker.QueryLineageInput{StartArns: fg.arns[1:2], IncludeEdges: &yes, Filters: &sagemaker.QueryFilters{}})
	if err != nil {
		t.Fatal(err)
	}
	q := out.(*sagemaker.QueryLineageOutput)
	var types []string
	for _, ed := range q.Edges {
		types = append(types, *ed.AssociationType)
	}
	slices.Sort(types)
	if len(q.Vertices) != 5 || fmt.Sprint(types) != "[AssociatedWith AssociatedWith ContributedTo ContributedTo]" {
		t.Fatalf("%d vertices, edges %v", len(q.Vertices), types)
	}
	checkQueryAnswer(t, fg, 1, &sagemaker.QueryLineageInput{StartArns: fg.arns[1:2]}, true, q)
}

// FuzzQueryLineage builds a small random graph and queries it with fuzzed inputs: nothing
// panics, a refusal is a 4xx that changes nothing, and an answer keeps QueryLineage's
// invariants against a reference walk (unique vertices, all within MaxDepth, exactly the
// matching ones without IncludeEdges, edges on shortest paths joining returned vertices with it,
// and paging through every page giving what one unpaged query gives).
func FuzzQueryLineage(f *testing.F) {
	// The worked example of the facts (5.5): image→model, dataset→model, model→action→endpoint.
	worked := fuzzWorkedExample
	f.Add(worked, uint8(1), "Both", int8(10), "", uint8(0x80), int8(-128), int8(-128), "", true, int8(0))
	f.Add(worked, uint8(1), "Descendants", int8(10), "Endpoint", uint8(0x84), int8(-128), int8(-128), "", false, int8(0))
	f.Add(worked, uint8(4), "Ascendants", int8(-128), "", uint8(0x01), int8(-128), int8(-128), "", true, int8(2))
	f.Add([]byte{9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 0}, uint8(0), "", int8(3), "Model,DataSet", uint8(0x83), int8(2), int8(8), "stage=prod", true, int8(1))
	f.Add([]byte{2, 0, 0, 0, 1, 0, 2, 1, 0}, uint8(3), "Both", int8(0), "", uint8(0), int8(-128), int8(-128), "", false, int8(0))
	f.Add([]byte{1}, uint8(0), "Sideways", int8(11), strings.Repeat("x", 41), uint8(0x10), int8(0), int8(0), "=", true, int8(51))
	f.Fuzz(func(t *testing.T, graph []byte, startAt uint8, direction string, depth int8, typeList string,
		lineageBits uint8, createdAfter, createdBefore int8, property string, includeEdges bool, maxResults int8) {
		clk := newStepClock()
		e := New(Config{Clock: clk})
		fg := buildFuzzGraph(t, e, clk, graph)
		origin := fg.created[0]

		in := &sagemaker.QueryLineageInput{IncludeEdges: &includeEdges}
		start := int(startAt) % (len(fg.arns) + 1)
		if start == len(fg.arns) {
			in.StartArns = []string{"arn:aws:sagemaker:us-east-1:123456789012:action/missing"}
		} else {
			in.StartArns = []string{fg.arns[start]}
		}
		if direction != "" {
			in.Direction = &direction
		}
		if depth != -128 {
			d := int32(depth)
			in.MaxDepth = &d
		}
		if lineageBits&0x40 != 0 {
			in.IncludeEdges = nil
			includeEdges = false
		}
		if lineageBits&0x9f != 0 || typeList != "" || property != "" || createdAfter != -128 || createdBefore != -128 {
			fl := &sagemaker.QueryFilters{}
			if typeList != "" {
				fl.Types = strings.Split(typeList, ",")
			}
			for i, k := range fuzzLineageKind {
				if lineageBits&(1<<i) != 0 {
					fl.LineageTypes = append(fl.LineageTypes, k)
				}
			}
			if createdAfter != -128 {
				fl.CreatedAfter = shape.T(origin.Add(time.Duration(createdAfter) * time.Second))
				fl.ModifiedAfter = fl.CreatedAfter
			}
			if createdBefore != -128 {
				fl.CreatedBefore = shape.T(origin.Add(time.Duration(createdBefore) * time.Second))
			}
			if k, v, ok := strings.Cut(property, "="); ok {
				fl.Properties = map[string]string{k: v}
			}
			in.Filters = fl
		}
		valid := start < len(fg.arns) && slices.Contains([]string{"", "Both", "Ascendants", "Descendants"}, direction) &&
			(in.MaxDepth == nil || *in.MaxDepth >= 0 && *in.MaxDepth <= 10) &&
			lineageBits&0x10 == 0 && (in.Filters == nil || len(in.Filters.Types) <= 5 && len(property) <= 256 &&
			!slices.ContainsFunc(in.Filters.Types, func(s string) bool { return len(s) > 40 }))

		before := e.Digest()
		out, err := checkCall(t, e, OpQueryLineage, in)
		if err != nil {
			if valid || err.Code != "ValidationException" && err.Code != "ResourceNotFound" {
				t.Fatalf("QueryLineage %s refused: %v", describeQuery(in), err)
			}
			return
		}
		if start == len(fg.arns) {
			t.Fatalf("a query from a missing start answered %+v", out)
		}
		whole := out.(*sagemaker.QueryLineageOutput)
		checkQueryAnswer(t, fg, start, in, includeEdges, whole)

		// MaxResults (1 to 50) pages the same vertices, in the same order, and the same edges.
		r := int32(maxResults)
		paged := *in
		paged.MaxResults = &r
		if maxResults < 0 || maxResults > 50 {
			if _, err := checkCall(t, e, OpQueryLineage, &paged); err == nil || err.Code != "ValidationException" {
				t.Fatalf("MaxResults %d: %v", r, err)
			}
		}
		if maxResults > 0 && maxResults <= 50 {
			var vertices []string
			var edges []string
			for pages := 0; ; pages++ {
				if pages > len(whole.Vertices)+1 {
					t.Fatalf("paging %s does not end", describeQuery(in))
				}
				p, err := checkCall(t, e, OpQueryLineage, &paged)
				if err != nil {
					t.Fatalf("page %d of %s: %v", pages, describeQuery(in), err)
				}
				page := p.(*sagemaker.QueryLineageOutput)
				if len(page.Vertices) > int(r) || page.NextToken != nil && len(page.Vertices) == 0 {
					t.Fatalf("page %d has %d vertices for MaxResults %d (token %v)", pages, len(page.Vertices), r, page.NextToken != nil)
				}
				for _, v := range page.Vertices {
					vertices = append(vertices, *v.Arn)
				}
				for _, ed := range page.Edges {
					edges = append(edges, edgeKey(ed))
				}
				if page.NextToken == nil {
					break
				}
				paged.NextToken = page.NextToken
			}
			var wantV, wantE []string
			for _, v := range whole.Vertices {
				wantV = append(wantV, *v.Arn)
			}
			for _, ed := range whole.Edges {
				wantE = append(wantE, edgeKey(ed))
			}
			slices.Sort(edges)
			slices.Sort(wantE)
			if !slices.Equal(vertices, wantV) || !slices.Equal(edges, wantE) {
				t.Fatalf("paging %s by %d: vertices %v edges %v, unpaged %v and %v", describeQuery(in), r, vertices, edges, wantV, wantE)
			}
		}
		if e.Digest() != before {
			t.Fatalf("QueryLineage changed the state")
		}
	})
}

func edgeKey(ed sagemaker.Edge) string {
	typ := "-"
	if ed.AssociationType != nil {
		typ = *ed.AssociationType
	}
	return *ed.SourceArn + " " + typ + " " + *ed.DestinationArn
}

func describeQuery(in *sagemaker.QueryLineageInput) string {
	b, _ := json.Marshal(in)
	return string(b)
}

// checkQueryAnswer checks one unpaged answer against the reference walk.
func checkQueryAnswer(t *testing.T, fg *fuzzGraph, start int, in *sagemaker.QueryLineageInput, includeEdges bool, out *sagemaker.QueryLineageOutput) {
	t.Helper()
	dir, maxDepth := "Both", 10
	if in.Direction != nil {
		dir = *in.Direction
	}
	if in.MaxDepth != nil {
		maxDepth = int(*in.MaxDepth)
	}
	dist := fg.distances(start, dir, maxDepth)
	index := map[string]int{}
	for i, a := range fg.arns {
		index[a] = i
	}
	returned := map[int]bool{}
	for _, v := range out.Vertices {
		i, ok := index[*v.Arn]
		if !ok || returned[i] {
			t.Fatalf("%s: vertex %s unknown or twice in %v", describeQuery(in), *v.Arn, out.Vertices)
		}
		returned[i] = true
		if d, ok := dist[i]; !ok || d > maxDepth {
			t.Fatalf("%s: vertex %d is not within %d hops", describeQuery(in), i, maxDepth)
		}
		if *v.Type != fg.typ[i] || *v.LineageType != fg.kind[i] {
			t.Fatalf("vertex %d described as %s %s", i, *v.Type, *v.LineageType)
		}
	}
	for i := range dist {
		if i != start && fg.matches(i, in.Filters) && !returned[i] {
			t.Fatalf("%s: vertex %d (%d hops) matches but is not returned", describeQuery(in), i, dist[i])
		}
	}
	if !includeEdges {
		if len(out.Edges) != 0 || returned[start] {
			t.Fatalf("%s without IncludeEdges: %d edges, start returned %v", describeQuery(in), len(out.Edges), returned[start])
		}
		for i := range returned {
			if !fg.matches(i, in.Filters) {
				t.Fatalf("%s: vertex %d does not match the filters", describeQuery(in), i)
			}
		}
		return
	}
	if returned[start] != fg.matches(start, in.Filters) {
		t.Fatalf("%s: start returned %v, matches %v", describeQuery(in), returned[start], fg.matches(start, in.Filters))
	}
	seen := map[string]bool{}
	reached := map[int]bool{}
	for _, ed := range out.Edges {
		k := edgeKey(ed)
		src, okS := index[*ed.SourceArn]
		dst, okD := index[*ed.DestinationArn]
		if seen[k] || !okS || !okD || !slices.Contains(fg.edges, [2]int{src, dst}) {
			t.Fatalf("%s: edge %s twice or not in the graph", describeQuery(in), k)
		}
		seen[k] = true
		for _, end := range []int{src, dst} {
			if end != start && !returned[end] {
				t.Fatalf("%s: edge %s ends at vertex %d, neither the start nor returned", describeQuery(in), k, end)
			}
		}
		ds, dd := dist[src], dist[dst]
		if dd == ds+1 {
			reached[dst] = true
		}
		if ds == dd+1 {
			reached[src] = true
		}
		if dir == "Descendants" && dd != ds+1 || dir == "Ascendants" && ds != dd+1 || dir == "Both" && ds != dd+1 && dd != ds+1 {
			t.Fatalf("%s: edge %s (hops %d→%d) is not on a shortest path", describeQuery(in), k, ds, dd)
		}
	}
	// Every returned vertex but the start is reached by a returned edge from one hop nearer:
	// the paths lead back to the start.
	for i := range returned {
		if i != start && !reached[i] {
			t.Fatalf("%s: no returned edge reaches vertex %d (%d hops) from one hop nearer", describeQuery(in), i, dist[i])
		}
	}
}
