// Package dashboard is the fake's dashboard, GET /_fake/ui: one self-contained HTML page (no
// script, style or font from anywhere else) of what the fake holds, per account and Region,
// with the call log, the installed rules and the clock. html/template escapes every string a
// caller chose; the page changes state only through the control endpoints (its one control
// moves a manual clock).
package dashboard

import (
	"crypto/rand"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"slices"
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

//go:embed records.html
var recordsHTML string

var funcs = template.FuncMap{
	"when": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format("2006-01-02 15:04:05.000")
	},
	"arn": breakableARN,
}

var (
	dashboardPage = template.Must(template.New("ui").Funcs(funcs).Parse(dashboardHTML))
	recordsPage   = template.Must(template.Must(dashboardPage.Clone()).New("records").Parse(recordsHTML))
)

// breakableARN is an ARN, escaped, that a narrow column may wrap after a colon or a slash but
// never inside a name (not even at its hyphens): each part is a span that does not wrap, and a
// <wbr> follows each colon and slash.
func breakableARN(arn string) template.HTML {
	var b strings.Builder
	start := 0
	for i := 0; i < len(arn); i++ {
		if arn[i] == ':' || arn[i] == '/' || i == len(arn)-1 {
			b.WriteString(`<span class="nw">` + template.HTMLEscapeString(arn[start:i+1]) + `</span>`)
			if i < len(arn)-1 {
				b.WriteString("<wbr>")
			}
			start = i + 1
		}
	}
	return template.HTML(b.String())
}

// dashboardCalls is how many of the newest calls the page shows.
const dashboardCalls = 200

type dashboard struct {
	Nonce      string // of the page's own style and script, which its CSP allows alone
	Now        time.Time
	Manual     bool
	Scopes     []dashScope
	Calls      []dashCall
	TotalCalls int
	Rules      []dashRule
}

type dashScope struct {
	Account, Region string
	SageMaker       []dashResource // lineage entities and every other SageMaker resource
	Personalize     []dashResource
	Graph           *lineageSVG
}

type dashResource struct {
	Kind, Name, ARN, Type string
	HoldsRecords          bool
	Holds                 string // "2 events" (an Interactions dataset), "1 record"
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

// ServeHTTP writes the page, or (GET /_fake/ui/records) one page of a dataset's records.
func (p *Page) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	nonce := newNonce()
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	// No inline script but the page's own (its nonce is new on every answer), nothing loaded
	// from elsewhere, no framing (clickjacking the clock control), no form sent anywhere else.
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'nonce-"+nonce+"'; style-src 'nonce-"+nonce+"'; "+
		"connect-src 'self'; img-src data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	var err error
	if strings.HasSuffix(r.URL.Path, "/records") {
		err = p.serveRecords(w, r, nonce)
	} else {
		d := p.dashboard()
		d.Nonce = nonce
		err = dashboardPage.Execute(w, d)
	}
	if err != nil && p.Report != nil {
		p.Report("awsfake: the dashboard: %v", err)
	}
}

// newNonce is a fresh nonce for a CSP: 128 random bits.
func newNonce() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:]) // nothing an attribute escapes
}

func (p *Page) dashboard() dashboard {
	clk := p.Engine.Clock()
	_, manual := clk.(*clock.Mock)
	d := dashboard{Now: clk.Now(), Manual: manual, Rules: p.rules()}
	scopes := map[engine.Scope]*dashScope{}
	var order []engine.Scope
	scope := func(s engine.Scope) *dashScope {
		if scopes[s] == nil {
			scopes[s] = &dashScope{Account: s.Account, Region: s.Region}
			order = append(order, s)
		}
		return scopes[s]
	}
	for _, r := range p.Engine.Resources() {
		if r.Kind == "records" || r.Kind == "association" || r.Kind == "tags" { // associations are the graph's edges
			continue
		}
		s := scope(r.Scope)
		detail, _ := json.MarshalIndent(calldoc.Document(r.Input), "", "  ")
		res := dashResource{Kind: r.Kind, Name: r.Name, ARN: r.ARN, Type: r.Type, Status: r.Status, Failure: r.Failure,
			Created: r.Created, Changed: r.Changed, Next: r.Next, Detail: string(detail),
			HoldsRecords: r.HoldsRecords, Holds: holds(r.Records, r.Type)}
		if r.Service == "sagemaker" {
			s.SageMaker = append(s.SageMaker, res)
		} else {
			s.Personalize = append(s.Personalize, res)
		}
	}
	// The graph is the one the engine keeps, which QueryLineage walks.
	for _, g := range p.Engine.Lineage() {
		scope(g.Scope).Graph = layoutLineage(g.Vertices, g.Edges)
	}
	slices.SortStableFunc(order, func(a, b engine.Scope) int {
		return strings.Compare(a.Account+"/"+a.Region, b.Account+"/"+b.Region)
	})
	for _, sc := range order {
		d.Scopes = append(d.Scopes, *scopes[sc])
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
	if r.Items != nil {
		does = append(does, fmt.Sprintf("answers with %d declared ids", len(r.Items)))
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
