package fake

import (
	"fmt"
	"strings"

	"github.com/awsfake/awsfake/internal/engine"
)

// LineageGraph renders an account's lineage graph in a Region (the fake's defaults for empty
// arguments) as a Mermaid flowchart: one node per action, artifact, context and trial
// component, labelled with its lineage type, its type (if it has one) and its name (or its
// ARN's id), and one arrow per association,
// labelled with the association's type. Print it in a test, paste it into any Mermaid viewer,
// or compare it as text. ForTest logs it when a test fails and there is any lineage.
func (f *Fake) LineageGraph(account, region string) string {
	if account == "" {
		account = f.Account()
	}
	if region == "" {
		region = f.Region()
	}
	for _, g := range f.e.Lineage() {
		if g.Scope.Account == account && g.Scope.Region == region {
			return mermaid(g)
		}
	}
	return "flowchart LR\n"
}

func mermaid(g engine.LineageGraph) string {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	ids := map[string]string{}
	for i, v := range g.Vertices {
		id := fmt.Sprintf("n%d", i+1)
		ids[v.ARN] = id
		name := v.Name
		if name == "" {
			name = v.ARN[strings.LastIndexByte(v.ARN, '/')+1:]
		}
		kind := v.LineageType
		if v.Type != "" { // a trial component no job made has no type
			kind += " " + v.Type
		}
		fmt.Fprintf(&b, "  %s[\"%s: %s\"]\n", id, mermaidText(kind), mermaidText(name))
	}
	for _, e := range g.Edges {
		if e.Type == "" {
			fmt.Fprintf(&b, "  %s --> %s\n", ids[e.Source], ids[e.Destination])
		} else {
			fmt.Fprintf(&b, "  %s -->|%s| %s\n", ids[e.Source], mermaidText(e.Type), ids[e.Destination])
		}
	}
	return b.String()
}

// mermaidText keeps a label's text from ending the label: Mermaid's entity codes for the
// characters that would.
func mermaidText(s string) string {
	return strings.NewReplacer(`"`, "#quot;", "|", "#124;", "\n", " ", "[", "#91;", "]", "#93;").Replace(s)
}
