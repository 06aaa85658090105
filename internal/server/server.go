// Package server is the fake below its doors: one engine with its installed scenario rules,
// and the http.Handler that serves it (the wire door, the control endpoints under /_fake/ and
// the dashboard). Package fake wraps it with the typed doors; cmd/awsfake serves it on a
// socket. It imports no AWS SDK: a predicate over an SDK type is evaluated by the function
// package fake supplies (Config.Typed).
package server

import (
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/control"
	"github.com/awsfake/awsfake/internal/dashboard"
	"github.com/awsfake/awsfake/internal/engine"
	"github.com/awsfake/awsfake/internal/rules"
	"github.com/awsfake/awsfake/internal/wire"
	"github.com/awsfake/awsfake/scenario"
)

// Config is what a server is built with.
type Config struct {
	Engine  engine.Config
	MaxBody int64             // the largest request body; 0 means wire.DefaultMaxBody
	Secrets map[string]string // access key id → secret key; signatures are checked when not empty
	Typed   rules.Typed       // evaluates predicates over SDK types; nil where none can be installed
	// Report hears what a test should fail for but no call returns: a scenario predicate that
	// panicked, a dashboard that could not be written. May be nil.
	Report func(format string, args ...any)
}

// Check reports a setting out of range, naming it as package fake's option that sets it (the
// server's flags set the same). Each would make the fake answer in ways AWS never does: an
// account that is not 12 digits gives ARNs that the services' own patterns refuse on the next
// call, and a negative duration or quota has no meaning.
func (c *Config) Check() error {
	e := c.Engine
	if err := (scenario.Where{Account: e.Account}).Check(); err != nil {
		return fmt.Errorf("WithAccount: %w", err)
	}
	if err := (scenario.Where{Region: e.Region}).Check(); err != nil {
		return fmt.Errorf("WithRegion: %w", err)
	}
	if c.MaxBody < 0 {
		return fmt.Errorf("WithMaxBody: %d is negative", c.MaxBody)
	}
	for _, name := range sortedNames(e.Quotas) {
		r := catalog.LookupResource(name)
		switch {
		case r == nil:
			return fmt.Errorf("WithQuota: no kind of resource %q (the kinds: %v)", name, catalog.ResourceNames(false))
		case e.Quotas[name] < 0:
			return fmt.Errorf("WithQuota(%s, %d): a quota must not be negative", name, e.Quotas[name])
		}
	}
	for _, name := range sortedNames(e.Lifecycles) {
		r := catalog.LookupResource(name)
		switch {
		case r == nil:
			return fmt.Errorf("WithLifecycle: no kind of resource %q (the kinds: %v)", name, catalog.ResourceNames(false))
		case !r.Lifecycle:
			return fmt.Errorf("WithLifecycle: %s have no statuses (those that do: %v)", name, catalog.ResourceNames(true))
		}
		lc := e.Lifecycles[name]
		if min(lc.Pending, lc.InProgress, lc.UpdatePending, lc.UpdateInProgress, lc.DeletePending, lc.DeleteInProgress, lc.Stopping) < 0 {
			return fmt.Errorf("WithLifecycle(%s): durations must not be negative: %+v", name, lc)
		}
	}
	for key, secret := range c.Secrets {
		if key == "" || secret == "" {
			return errors.New("WithCredentials: the access key id and the secret key must both be given")
		}
	}
	return nil
}

// sortedNames are a map's keys in order (none, without allocating, for an empty map).
func sortedNames[V any](m map[string]V) []string {
	if len(m) == 0 {
		return nil
	}
	return slices.Sorted(maps.Keys(m))
}

// Server is one fake: its engine, its installed rules, and the handler that serves them.
type Server struct {
	Engine *engine.Engine
	Rules  rules.Rules

	maxBody  int64
	secrets  map[string]string
	report   func(format string, args ...any)
	requests atomic.Uint64 // request ids

	handlerOnce sync.Once
	handler     http.Handler
}

// New builds a server whose settings passed Check.
func New(c Config) *Server {
	s := new(Server)
	s.Init(c)
	return s
}

// Init makes s, a zero Server, a server whose settings passed Check: for a Server held by
// value (package fake's).
func (s *Server) Init(c Config) {
	s.Engine, s.maxBody, s.secrets, s.report = engine.New(c.Engine), c.MaxBody, c.Secrets, c.Report
	s.Rules.Typed, s.Rules.Report = c.Typed, c.Report
	s.Engine.SetHook(s.Rules.Decide)
}

func (s *Server) reportf(format string, args ...any) {
	if s.report != nil {
		s.report(format, args...)
	}
}

// RequestID returns a fresh request id in the UUID form AWS uses, counting up: the wire door's
// and the typed doors' (in their errors) come from one counter.
func (s *Server) RequestID() string {
	const hex = "0123456789abcdef"
	id := []byte("00000000-0000-4000-8000-000000000000")
	for i, n := len(id)-1, s.requests.Add(1); n > 0 && i >= len(id)-12; i, n = i-1, n>>4 {
		id[i] = hex[n&0xf]
	}
	return string(id)
}

// Handler returns the wire door with the control endpoints (under /_fake/) and the dashboard
// (GET /_fake/ui): one handler, made once.
func (s *Server) Handler() http.Handler {
	s.handlerOnce.Do(func() {
		w := &wire.Handler{Engine: s.Engine, RequestID: s.RequestID, MaxBody: s.maxBody}
		if len(s.secrets) > 0 {
			w.Verify = wire.SigV4{Secrets: s.secrets}.Verify
		}
		c := &control.Endpoints{Engine: s.Engine, SetScenario: s.SetScenario, StateJSON: s.StateJSON,
			UI: &dashboard.Page{Engine: s.Engine, Rules: &s.Rules, Report: s.reportf}}
		s.handler = doors{control: c.Handler(), wire: w}
	})
	return s.handler
}

// doors sends /_fake/ to the control endpoints and everything else to the wire door.
type doors struct{ control, wire http.Handler }

func (d doors) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/_fake/") {
		d.control.ServeHTTP(w, r)
		return
	}
	d.wire.ServeHTTP(w, r)
}

// SetScenario replaces the installed rules with the scenario's and puts its seeds in place;
// nil removes every rule. A scenario that cannot be applied changes nothing: no seed stays in
// place and the rules installed before stay installed.
func (s *Server) SetScenario(sc *scenario.Scenario) error {
	var rs []*scenario.Rule
	if sc != nil {
		if err := sc.Check(); err != nil {
			return err
		}
		rs = sc.Rules
		if err := s.applySeeds(sc.Seeds); err != nil {
			return err
		}
	}
	s.Rules.Replace(rs)
	return nil
}

// AddRules installs rules after those already installed and returns a function that removes
// exactly these, or an error if a rule cannot work.
func (s *Server) AddRules(rs ...*scenario.Rule) (remove func(), err error) {
	if err := scenario.New().Add(rs...).Check(); err != nil {
		return nil, err
	}
	return s.Rules.Add(rs), nil
}
