package engine

import (
	"sort"
	"strings"
)

// LineageVertex is a lineage entity, as a picture of the graph shows it.
type LineageVertex struct {
	ARN         string
	LineageType string // Action, Artifact or Context
	Type        string // its ActionType, ArtifactType or ContextType
	Name        string // "" for an artifact without a name
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
// in account and Region order.
func (e *Engine) Lineage() []LineageGraph {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []LineageGraph
	for s, w := range e.worlds {
		var vs []vertex
		for _, r := range w.actions.all() {
			vs = append(vs, r.(vertex))
		}
		for _, r := range w.artifacts.all() {
			vs = append(vs, r.(vertex))
		}
		for _, r := range w.contexts.all() {
			vs = append(vs, r.(vertex))
		}
		if len(vs) == 0 {
			continue
		}
		sort.Slice(vs, func(i, j int) bool { return vs[i].base().seq < vs[j].base().seq })
		g := LineageGraph{Scope: s}
		for _, v := range vs {
			info := v.lineage()
			name := ""
			if info.name != nil {
				name = *info.name
			}
			g.Vertices = append(g.Vertices, LineageVertex{ARN: v.base().arn, LineageType: info.lineageType, Type: info.typ, Name: name})
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
