package dashboard

import (
	"fmt"

	"github.com/awsfake/awsfake/internal/engine"
)

// The dashboard's lineage graph is laid out here, on the server, and drawn by the template as
// SVG: no script library. Vertices go in columns by their longest path from a vertex nothing
// points to, so associations run left to right; a cycle (AWS allows one) is cut where the walk
// meets it, and its closing edge runs backwards.

const (
	nodeW, nodeH = 190, 46
	colGap       = 90
	rowGap       = 26
	graphPad     = 16
)

type lineageSVG struct {
	Width, Height int
	Nodes         []svgNode
	Edges         []svgEdge
}

type svgNode struct {
	X, Y        int
	Kind        string // action, artifact or context: the node's colour
	Label, Type string
	ARN         string
}

type svgEdge struct {
	Path     string // SVG path data
	LX, LY   int    // where its label goes
	Type     string
	From, To string
}

// layoutLineage lays out one account and Region's lineage graph, its vertices in creation
// order (an edge to a vertex not given is not drawn).
func layoutLineage(vertices []engine.LineageVertex, edges []engine.LineageEdge) *lineageSVG {
	index := make(map[string]int, len(vertices))
	for i, v := range vertices {
		index[v.ARN] = i
	}
	out := make([][]int, len(vertices))
	indeg := make([]int, len(vertices))
	for _, e := range edges {
		s, ok1 := index[e.Source]
		d, ok2 := index[e.Destination]
		if ok1 && ok2 {
			out[s] = append(out[s], d)
			indeg[d]++
		}
	}
	// Longest-path layers by Kahn's walk; vertices left on a cycle take the layer after the
	// deepest of their placed predecessors (or 0).
	layer := make([]int, len(vertices))
	placed := make([]bool, len(vertices))
	var queue []int
	for i := range vertices {
		if indeg[i] == 0 {
			queue = append(queue, i)
		}
	}
	left := append([]int(nil), indeg...)
	for done, cursor := 0, 0; done < len(vertices); {
		if len(queue) == 0 { // a cycle: start it at its first unplaced vertex
			for placed[cursor] {
				cursor++
			}
			queue = append(queue, cursor)
		}
		v := queue[0]
		queue = queue[1:]
		if placed[v] {
			continue
		}
		placed[v] = true
		done++
		for _, d := range out[v] {
			if placed[d] {
				continue
			}
			layer[d] = max(layer[d], layer[v]+1)
			if left[d]--; left[d] == 0 {
				queue = append(queue, d)
			}
		}
	}
	rows := map[int]int{}
	g := &lineageSVG{}
	pos := make([][2]int, len(vertices))
	for i, v := range vertices {
		x := graphPad + layer[i]*(nodeW+colGap)
		y := graphPad + rows[layer[i]]*(nodeH+rowGap)
		rows[layer[i]]++
		pos[i] = [2]int{x, y}
		label := v.Name
		if label == "" {
			label = v.ARN[len(v.ARN)-min(len(v.ARN), 12):]
		}
		typ := v.Kind
		if v.Type != "" { // a trial component no job made has none
			typ += " · " + v.Type
		}
		g.Nodes = append(g.Nodes, svgNode{X: x, Y: y, Kind: v.Kind, Label: clip(label, 26), Type: clip(typ, 30), ARN: v.ARN})
		g.Width = max(g.Width, x+nodeW+graphPad)
		g.Height = max(g.Height, y+nodeH+graphPad)
	}
	for _, e := range edges {
		s, ok1 := index[e.Source]
		d, ok2 := index[e.Destination]
		if !ok1 || !ok2 {
			continue
		}
		x1, y1 := pos[s][0]+nodeW, pos[s][1]+nodeH/2
		x2, y2 := pos[d][0], pos[d][1]+nodeH/2
		var path string
		if x2 > x1 {
			mid := (x1 + x2) / 2
			path = fmt.Sprintf("M%d %dC%d %d %d %d %d %d", x1, y1, mid, y1, mid, y2, x2, y2)
		} else { // backwards or within a column: loop under the boxes
			low := max(pos[s][1], pos[d][1]) + nodeH + rowGap/2
			path = fmt.Sprintf("M%d %dC%d %d %d %d %d %d", x1, y1, x1+colGap/2, low, x2-colGap/2, low, x2, y2)
		}
		g.Edges = append(g.Edges, svgEdge{Path: path, LX: (x1 + x2) / 2, LY: (y1+y2)/2 - 4, Type: e.Type, From: e.Source, To: e.Destination})
	}
	return g
}

// clip shortens a label to n runes, with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
