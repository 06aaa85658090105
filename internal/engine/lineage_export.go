package engine

import (
	"sort"
	"strings"
	"time"
)

// LineageVertex is a lineage entity, as a picture of the graph shows it.
type LineageVertex struct {
	ARN         string
	Kind        string // the ARN's resource type: action, artifact, context, ...
	LineageType string // Action, Artifact, Context, ...
	Type        string // its ActionType, ArtifactType or ContextType
	Name        string // "" for an artifact without a name
	Created     time.Time
}

// LineageEdge is an association, as a picture of the graph shows it.
type LineageEdge struct {
	Source, Destination string
	Type                string // "" when none was given
}

// LineageGraph is one account and Region's lineage graph.
type LineageGraph struct {
	Scope    Scope
	Vertices []LineageVertex // in creation order
	Edges    []LineageEdge   // in creation order
}

// Lineage returns the lineage graph of every account and Region that has a lineage entity,
// in account and Region order: the graph QueryLineage walks, as it is, the vertices of every
// kind kinds.txt declares a lineage vertex.
func (e *Engine) Lineage() []LineageGraph {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []LineageGraph
	for s, w := range e.worlds {
		var vs []vertex
		var kinds []string
		for _, t := range w.vertexTables() {
			for _, r := range t.all() {
				vs = append(vs, r.(vertex))
				kinds = append(kinds, t.kindName())
			}
		}
		if len(vs) == 0 {
			continue
		}
		order := make([]int, len(vs))
		for i := range order {
			order[i] = i
		}
		// Creation order: by time, then by place (a restored state keeps the times, not the
		// places, of resources of different kinds).
		sort.Slice(order, func(i, j int) bool { return byCreation(posOf(vs[order[i]]), posOf(vs[order[j]])) })
		g := LineageGraph{Scope: s}
		for _, i := range order {
			v := vs[i]
			info := v.lineage()
			name := ""
			if info.name != nil {
				name = *info.name
			}
			g.Vertices = append(g.Vertices, LineageVertex{ARN: v.base().arn, Kind: kinds[i], LineageType: v.lineageType(), Type: info.typ,
				Name: name, Created: v.base().created})
		}
		for _, a := range w.associations.view(false) {
			typ := ""
			if a.assocType != nil {
				typ = *a.assocType
			}
			g.Edges = append(g.Edges, LineageEdge{Source: a.srcARN, Destination: a.dstARN, Type: typ})
		}
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool {
		return strings.Compare(out[i].Scope.Account+"/"+out[i].Scope.Region, out[j].Scope.Account+"/"+out[j].Scope.Region) < 0
	})
	return out
}
