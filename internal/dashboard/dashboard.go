// Package dashboard is the fake's dashboard, GET /_fake/ui: one self-contained HTML page (no
// script, style or font from anywhere else) of what the fake holds, per account and Region,
// with the call log, the installed rules and the clock. html/template escapes every string a
// caller chose; the page changes state only through the control endpoints (its one control
// moves a manual clock).
package dashboard

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/awsfake/awsfake/internal/calldoc"
	"github.com/awsfake/awsfake/internal/engine"
	"github.com/awsfake/awsfake/internal/rules"
	"github.com/awsfake/awsfake/scenario"
)

// Page serves the dashboard of one engine and its installed rules.
type Page struct {
	Engine *engine.Engine
	Rules  *rules.Rules
	Report func(format string, args ...any) // hears of a page that could not be written; may be nil
}

//go:embed dashboard.html
var dashboardHTML string

var dashboardPage = template.Must(template.New("ui").Funcs(template.FuncMap{
	"when": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format("2006-01-02 15:04:05.000")
	},
}).Parse(dashboardHTML))

// dashboardCalls is how many of the newest calls the page shows.
const dashboardCalls = 200

type dashboard struct {
	Now        time.Time
	Manual     bool
	Scopes     []dashScope
	Calls      []dashCall
	TotalCalls int
	Rules      []dashRule
}

type dashScope struct {
	Account, Region string
	Lineage         []dashResource
	Personalize     []dashResource
	Graph           *lineageSVG
}

type dashResource struct {
	Kind, Name, ARN, Type string
	Status, Failure       string
	Created, Changed      time.Time
	Next                  time.Time
	Detail                string // the input that made it, as indented JSON
}

type dashCall struct {
	Time               time.Time
	Service, Operation string
	Account, Region    string
	Err                *calldoc.CallError
	Injected           bool
	Notes              []string
	Input, Output      string
}

type dashRule struct {
	Service, Operation string
	Does               string
	Matched, Fired     int
}

// ServeHTTP writes the page.
func (p *Page) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src data:")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if err := dashboardPage.Execute(w, p.dashboard()); err != nil && p.Report != nil {
		p.Report("awsfake: the dashboard: %v", err)
	}
}

func (p *Page) dashboard() dashboard {
	clk := p.Engine.Clock()
	_, manual := clk.(*clock.Mock)
	d := dashboard{Now: clk.Now(), Manual: manual, Rules: p.rules()}
	scopes := map[engine.Scope]*dashScope{}
	var order []engine.Scope // Resources gives scopes in order
	var edges = map[engine.Scope][]lineageEdge{}
	for _, r := range p.Engine.Resources() {
		if r.Kind == "records" {
			continue
		}
		s := scopes[r.Scope]
		if s == nil {
			s = &dashScope{Account: r.Scope.Account, Region: r.Scope.Region}
			scopes[r.Scope] = s
			order = append(order, r.Scope)
		}
		in := calldoc.Document(r.Input)
		if r.Kind == "association" {
			typ, _ := in["AssociationType"].(string)
			src, _ := in["SourceArn"].(string)
			dst, _ := in["DestinationArn"].(string)
			edges[r.Scope] = append(edges[r.Scope], lineageEdge{From: src, To: dst, Type: typ})
			continue
		}
		detail, _ := json.MarshalIndent(in, "", "  ")
		res := dashResource{Kind: r.Kind, Name: r.Name, ARN: r.ARN, Type: typeOf(r.Kind, in), Status: r.Status, Failure: r.Failure,
			Created: r.Created, Changed: r.Changed, Next: r.Next, Detail: string(detail)}
		if r.Service == "sagemaker" {
			s.Lineage = append(s.Lineage, res)
		} else {
			s.Personalize = append(s.Personalize, res)
		}
	}
	for _, sc := range order {
		s := scopes[sc]
		if len(s.Lineage) > 0 {
			s.Graph = layoutLineage(s.Lineage, edges[sc])
		}
		d.Scopes = append(d.Scopes, *s)
	}
	calls := p.Engine.Calls() // converted only for the calls shown
	d.TotalCalls = len(calls)
	for i := len(calls) - 1; i >= 0 && len(d.Calls) < dashboardCalls; i-- {
		c := calldoc.Of(calls[i])
		in, _ := json.MarshalIndent(c.Input, "", "  ")
		dc := dashCall{Time: c.Time, Service: c.Service, Operation: c.Operation, Account: c.Account, Region: c.Region,
			Err: c.Err, Injected: c.Injected, Notes: c.Notes, Input: string(in)}
		if c.Output != nil {
			out, _ := json.MarshalIndent(c.Output, "", "  ")
			dc.Output = string(out)
		}
		d.Calls = append(d.Calls, dc)
	}
	return d
}

// typeOf is what a resource's kind calls its type: an action's ActionType, a dataset's
// DatasetType, and so on.
func typeOf(kind string, in map[string]any) string {
	for _, k := range []string{"ActionType", "ArtifactType", "ContextType", "DatasetType", "Domain"} {
		if v, ok := in[k].(string); ok && v != "" {
			return v
		}
	}
	if kind == "schema" {
		return "Avro"
	}
	return ""
}

func (p *Page) rules() []dashRule {
	var out []dashRule
	for _, st := range p.Rules.Statuses() {
		out = append(out, dashRule{Service: st.Rule.Service, Operation: st.Rule.Operation, Does: describeRule(st.Rule), Matched: st.Matched, Fired: st.Fired})
	}
	return out
}

// describeRule says in words what a rule does and to which calls.
func describeRule(r *scenario.Rule) string {
	var does []string
	switch {
	case r.Error != nil && r.LostResponse:
		does = append(does, "runs the call, then answers "+r.Error.Code+" (response lost)")
	case r.Error != nil:
		does = append(does, "answers "+r.Error.Code)
	}
	if r.CreateFailure != "" {
		does = append(does, fmt.Sprintf("creates in CREATE FAILED (%q)", r.CreateFailure))
	}
	if r.Wait > 0 {
		does = append(does, "waits "+r.Wait.String()+" on the clock")
	}
	var which []string
	if r.Skip > 0 {
		which = append(which, fmt.Sprintf("after the first %d", r.Skip))
	}
	if r.Count == 1 {
		which = append(which, "once")
	} else if r.Count > 1 {
		which = append(which, fmt.Sprintf("%d times", r.Count))
	}
	if r.Probability != nil {
		which = append(which, fmt.Sprintf("with probability %g", *r.Probability))
	}
	if r.Predicate != nil {
		which = append(which, "when its predicate holds")
	}
	s := strings.Join(does, ", ")
	if len(which) > 0 {
		s += "; " + strings.Join(which, ", ")
	}
	return s
}
