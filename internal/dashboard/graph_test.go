package dashboard

import (
	"testing"

	"github.com/awsfake/awsfake/internal/engine"

	"github.com/stretchr/testify/require"
)

// The layout puts every vertex in a column after everything that points to it, and ends on
// cycles (AWS does not refuse a→b beside b→a) and on edges to vertices it was not given.
func TestLayoutLineage(t *testing.T) {
	t.Parallel()
	v := func(names ...string) []engine.LineageVertex {
		out := make([]engine.LineageVertex, len(names))
		for i, n := range names {
			out[i] = engine.LineageVertex{Kind: "action", Name: n, ARN: "arn:" + n}
		}
		return out
	}
	e := func(from, to string) engine.LineageEdge {
		return engine.LineageEdge{Source: "arn:" + from, Destination: "arn:" + to}
	}
	cases := []struct {
		name     string
		vertices []engine.LineageVertex
		edges    []engine.LineageEdge
		columns  map[string]int
		drawn    int
	}{
		{"chain", v("a", "b", "c"), []engine.LineageEdge{e("b", "c"), e("a", "b")}, map[string]int{"a": 0, "b": 1, "c": 2}, 2},
		{"longest path wins", v("a", "b", "c"), []engine.LineageEdge{e("a", "c"), e("a", "b"), e("b", "c")}, map[string]int{"a": 0, "b": 1, "c": 2}, 3},
		{"cycle", v("a", "b"), []engine.LineageEdge{e("a", "b"), e("b", "a")}, map[string]int{"a": 0, "b": 1}, 2},
		{"cycle below a root", v("r", "a", "b"), []engine.LineageEdge{e("r", "a"), e("a", "b"), e("b", "a")}, map[string]int{"r": 0, "a": 1, "b": 2}, 3},
		{"edge to a vertex not shown", v("a"), []engine.LineageEdge{e("a", "elsewhere")}, map[string]int{"a": 0}, 0},
		{"no edges", v("a", "b"), nil, map[string]int{"a": 0, "b": 0}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			g := layoutLineage(c.vertices, c.edges)
			columns := map[string]int{}
			for _, n := range g.Nodes {
				columns[n.Label] = (n.X - graphPad) / (nodeW + colGap)
				require.LessOrEqual(t, n.X+nodeW, g.Width)
				require.LessOrEqual(t, n.Y+nodeH, g.Height)
			}
			require.Equal(t, c.columns, columns)
			require.Len(t, g.Edges, c.drawn)
		})
	}
}
