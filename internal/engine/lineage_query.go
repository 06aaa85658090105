package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"time"

	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// QueryLineage walks the lineage graph from one entity, breadth first, up to MaxDepth
// associations away: Descendants follows associations from source to destination, Ascendants
// the other way, and Both both ways at every vertex it reaches (not only at the start), as
// AWS's documentation describes. Filters choose which of the vertices it reaches are returned;
// they never prune the walk. It costs what it visits, whatever the size of the graph.
//
// Documented guesses where AWS is silent: Direction defaults to Both, MaxDepth to 10 and
// IncludeEdges to false; without MaxResults every vertex comes in one page (the Python SDK never
// pages); "the paths from the start" are the shortest ones the walk took; the start vertex is
// returned only with IncludeEdges, and only if it passes the filters.
func (e *Engine) queryLineage(w *world, in *sagemaker.QueryLineageInput, cx opContext) (*sagemaker.QueryLineageOutput, *Error) {
	if len(in.StartArns) == 0 {
		return nil, invalid(SageMaker, "StartArns must name the lineage entity to start from.")
	}
	start := w.vertexOf(in.StartArns[0], cx.now)
	if start == nil {
		return nil, notFound(SageMaker, "Lineage entity %s does not exist.", in.StartArns[0])
	}
	maxDepth := 10
	if in.MaxDepth != nil {
		if *in.MaxDepth < 0 {
			return nil, invalid(SageMaker, "1 validation error detected: Value '%d' at 'maxDepth' failed to satisfy constraint: Member must have value greater than or equal to 0", *in.MaxDepth)
		}
		maxDepth = int(*in.MaxDepth)
	}
	if in.MaxResults != nil && *in.MaxResults < 1 {
		return nil, invalid(SageMaker, "1 validation error detected: Value '%d' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1", *in.MaxResults)
	}
	dir := "Both"
	if in.Direction != nil {
		dir = *in.Direction
	}
	includeEdges := in.IncludeEdges != nil && *in.IncludeEdges
	walk := w.walk(start, dir, maxDepth)

	// What to return: the vertices the filters match, and with IncludeEdges every vertex and
	// edge on the walk's paths from the start to them.
	keep := map[vertex]bool{}
	edges := map[*association]bool{}
	for _, v := range walk.order {
		if v == start || !queryMatches(v, in.Filters) {
			continue
		}
		keep[v] = true
		if includeEdges {
			walk.pathsTo(v, keep, edges)
		}
	}
	if includeEdges && queryMatches(start, in.Filters) {
		keep[start] = true
	} else {
		delete(keep, start)
	}
	var vertices []vertex
	for _, v := range walk.order {
		if keep[v] {
			vertices = append(vertices, v)
		}
	}

	page, next, err := pageVertices(vertices, in)
	if err != nil {
		return nil, err
	}
	out := &sagemaker.QueryLineageOutput{Vertices: make([]sagemaker.Vertex, len(page)), Edges: []sagemaker.Edge{}, NextToken: next}
	onPage := make(map[vertex]bool, len(page))
	for i, v := range page {
		info := infoOf(v)
		out.Vertices[i] = sagemaker.Vertex{Arn: &v.base().arn, Type: info.vertexType(), LineageType: &info.lineageType}
		onPage[v] = true
	}
	// Each edge goes with the page of the vertex it leads to (the one farther from the start).
	for _, a := range walk.edgeOrder {
		if edges[a] && onPage[walk.farEnd(a)] {
			out.Edges = append(out.Edges, sagemaker.Edge{SourceArn: &a.srcARN, DestinationArn: &a.dstARN, AssociationType: a.assocType})
		}
	}
	return out, nil
}

// lineageWalk is a breadth-first walk: the vertices in the order it reached them, each one's
// depth and the associations that reached it at that depth (all of them: every shortest path).
type lineageWalk struct {
	order     []vertex
	depth     map[vertex]int
	via       map[vertex][]*association
	edgeOrder []*association // every association on a shortest path, in the order the walk took them
}

func (w *world) walk(start vertex, dir string, maxDepth int) *lineageWalk {
	lw := &lineageWalk{order: []vertex{start}, depth: map[vertex]int{start: 0}, via: map[vertex][]*association{}}
	frontier := []vertex{start}
	for d := 0; d < maxDepth && len(frontier) > 0; d++ {
		var next []vertex
		reach := func(a *association, to vertex) {
			switch td, seen := lw.depth[to]; {
			case !seen:
				lw.depth[to] = d + 1
				lw.order = append(lw.order, to)
				next = append(next, to)
			case td != d+1:
				return // reached sooner: not a shortest path
			}
			lw.via[to] = append(lw.via[to], a)
			lw.edgeOrder = append(lw.edgeOrder, a)
		}
		for _, u := range frontier {
			es := w.adjacency[u.base().arn]
			if es == nil {
				continue
			}
			if dir == "Descendants" || dir == "Both" {
				for _, a := range es.out {
					reach(a, a.dst)
				}
			}
			if dir == "Ascendants" || dir == "Both" {
				for _, a := range es.in {
					reach(a, a.src)
				}
			}
		}
		frontier = next
	}
	return lw
}

// pathsTo adds every vertex and edge on the walk's shortest paths from the start to v.
func (lw *lineageWalk) pathsTo(v vertex, vertices map[vertex]bool, edges map[*association]bool) {
	for _, a := range lw.via[v] {
		if edges[a] {
			continue
		}
		edges[a] = true
		from := a.src
		if from == v {
			from = a.dst
		}
		vertices[from] = true
		lw.pathsTo(from, vertices, edges)
	}
}

// farEnd is the end of an association farther from the start.
func (lw *lineageWalk) farEnd(a *association) vertex {
	if lw.depth[a.src] > lw.depth[a.dst] {
		return a.src
	}
	return a.dst
}

// queryMatches applies QueryLineage's filters: every filter given must match (Types and
// LineageTypes by any of their elements, Properties by any pair), times inclusive.
func queryMatches(v vertex, f *sagemaker.QueryFilters) bool {
	if f == nil {
		return true
	}
	info := v.lineage()
	anyOf := func(list []string, s string) bool {
		if len(list) == 0 {
			return true
		}
		for _, x := range list {
			if x == s {
				return true
			}
		}
		return false
	}
	within := func(t time.Time, after, before *shape.Time) bool {
		return (after == nil || !t.Before(after.Time)) && (before == nil || !t.After(before.Time))
	}
	if len(f.Types) > 0 && (info.untyped || !anyOf(f.Types, info.typ)) || len(f.LineageTypes) > 0 && !anyOf(f.LineageTypes, v.lineageType()) ||
		!within(v.base().created, f.CreatedAfter, f.CreatedBefore) || !within(info.modified, f.ModifiedAfter, f.ModifiedBefore) {
		return false
	}
	if len(f.Properties) == 0 {
		return true
	}
	for k, want := range f.Properties {
		if got, ok := info.properties[k]; ok && got == want {
			return true
		}
	}
	return false
}

// pageVertices pages the returned vertices when MaxResults asks, in the walk's order. A token
// is the position and a digest of the query it belongs to, so it cannot be used with another.
func pageVertices(vertices []vertex, in *sagemaker.QueryLineageInput) ([]vertex, *string, *Error) {
	if in.MaxResults == nil {
		return vertices, nil, nil
	}
	query := queryDigest(in)
	from := 0
	if in.NextToken != nil && *in.NextToken != "" {
		parts, ok := openToken(*in.NextToken, 3)
		n, err := 0, error(nil)
		if ok {
			n, err = strconv.Atoi(parts[2])
		}
		if !ok || parts[0] != "lineage" || parts[1] != query || err != nil || n < 0 {
			return nil, nil, invalidSageMakerToken(*in.NextToken)
		}
		from = min(n, len(vertices))
	}
	to := min(from+int(*in.MaxResults), len(vertices))
	if to == len(vertices) {
		return vertices[from:to], nil, nil
	}
	tok := sealToken("lineage", query, strconv.Itoa(to))
	return vertices[from:to], &tok, nil
}

func queryDigest(in *sagemaker.QueryLineageInput) string {
	q := *in
	q.NextToken, q.MaxResults = nil, nil
	b, _ := json.Marshal(q)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}
