// Package server is the fake below its doors: one engine with its installed scenario rules,
// and the http.Handler that serves it (the wire door, the control endpoints under /_fake/ and
// the dashboard). Package fake wraps it with the typed doors; cmd/awsfake serves it on a
// socket. It imports no AWS SDK: a predicate over an SDK type is evaluated by the function
// package fake supplies (Config.Typed).
package server

import (
	"fmt"

	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/control"
	"github.com/awsfake/awsfake/internal/dashboard"
	"github.com/awsfake/awsfake/internal/engine"
	"github.com/awsfake/awsfake/internal/guard"
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

	// MaxControlBody is the largest body a control endpoint reads (a scenario, a state
	// document); 0 means control.DefaultMaxBody.
	MaxControlBody int64
	// CheckHost refuses requests whose Host is not a loopback name or address or one of
	// AllowHosts (see package guard): on for a server on a socket.
	CheckHost  bool
	AllowHosts []string
	// CORSOrigins are the web origins a browser app may call from; requests from any other
	// site are refused whatever CheckHost says.
	CORSOrigins []string
	// HostHint and OriginHint end the refusal messages, saying how to allow a host or an
	// origin: the server's flags by default; package fake names its options.
	HostHint, OriginHint string
}

// ConfigError is a setting out of range, named both as package fake's option and as the
// server's flag, so that each speaks its user's language.
type ConfigError struct {
	Option string // as package fake names it: "WithQuota", "WithQuota(contexts, -1)"
	Flag   string // as cmd/awsfake names it: "-quota", "-quota contexts=-1"; "" when no flag sets it
	Err    error
}

func (e *ConfigError) Error() string { return e.Option + ": " + e.Err.Error() }
func (e *ConfigError) Unwrap() error { return e.Err }

func configErr(option, flag string, format string, args ...any) error {
	return &ConfigError{Option: option, Flag: flag, Err: fmt.Errorf(format, args...)}
}

// Check reports a setting out of range as a *ConfigError. Each would make the fake answer in
// ways AWS never does: an account that is not 12 digits gives ARNs that the services' own
// patterns refuse on the next call, and a negative duration or quota has no meaning.
func (c *Config) Check() error {
	e := c.Engine
	if err := (scenario.Where{Account: e.Account}).Check(); err != nil {
		return &ConfigError{Option: "WithAccount", Flag: "-account", Err: err}
	}
	if e.Region != "" && !catalog.ValidRegion(e.Region) {
		return configErr("WithRegion", "-region", "%q is not a Region name: %s", e.Region, catalog.RegionForm)
	}
	if c.MaxBody < 0 {
		return configErr("WithMaxBody", "-max-body", "%d is negative", c.MaxBody)
	}
	if c.MaxControlBody < 0 {
		return configErr("WithMaxControlBody", "-max-control-body", "%d is negative", c.MaxControlBody)
	}
	kinds := strings.Join(catalog.ResourceNames(false), ", ")
	for _, name := range sortedNames(e.Quotas) {
		r := catalog.LookupResource(name)
		flag := fmt.Sprintf("-quota %s=%d", name, e.Quotas[name])
		switch {
		case r == nil:
			return configErr("WithQuota", flag, "no kind of resource %q (the kinds: %s)", name, kinds)
		case e.Quotas[name] < 0:
			return configErr(fmt.Sprintf("WithQuota(%s, %d)", name, e.Quotas[name]), flag, "a quota must not be negative")
		}
	}
	for _, name := range sortedNames(e.Lifecycles) {
		r := catalog.LookupResource(name)
		switch {
		case r == nil:
			return configErr("WithLifecycle", "", "no kind of resource %q (the kinds: %s)", name, kinds)
		case !r.Lifecycle:
			return configErr("WithLifecycle", "", "%s have no statuses (those that do: %s)", name, strings.Join(catalog.ResourceNames(true), ", "))
		}
		lc := e.Lifecycles[name]
		if min(lc.Pending, lc.InProgress, lc.UpdatePending, lc.UpdateInProgress, lc.DeletePending, lc.DeleteInProgress, lc.Stopping) < 0 {
			return configErr(fmt.Sprintf("WithLifecycle(%s)", name), "", "durations must not be negative: %+v", lc)
		}
	}
	for key, secret := range c.Secrets {
		if key == "" || secret == "" {
			return configErr("WithCredentials", "-credentials", "the access key id and the secret key must both be given")
		}
	}
	if _, err := guard.New(http.NotFoundHandler(), guard.Config{AllowHosts: c.AllowHosts}); err != nil {
		return &ConfigError{Option: "WithHostCheck", Flag: "-allow-host", Err: err}
	}
	if _, err := guard.New(http.NotFoundHandler(), guard.Config{CORSOrigins: c.CORSOrigins}); err != nil {
		return &ConfigError{Option: "WithCORSOrigin", Flag: "-cors-origin", Err: err}
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

	cfg      Config
	requests atomic.Uint64 // request ids

	handlerOnce sync.Once
	handler     http.Handler
	guard       *guard.Guard
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
	s.Engine, s.cfg = engine.New(c.Engine), c
	s.Rules.Typed, s.Rules.Report = c.Typed, c.Report
	s.Engine.SetHook(s.Rules.Decide)
}

func (s *Server) reportf(format string, args ...any) {
	if s.cfg.Report != nil {
		s.cfg.Report(format, args...)
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
// (GET /_fake/ui), behind the guard that keeps web pages out (package guard): one handler,
// made once. State-changing control endpoints take application/json only.
func (s *Server) Handler() http.Handler {
	s.handlerOnce.Do(func() {
		w := &wire.Handler{Engine: s.Engine, RequestID: s.RequestID, MaxBody: s.cfg.MaxBody}
		if len(s.cfg.Secrets) > 0 {
			w.Verify = wire.SigV4{Secrets: s.cfg.Secrets}.Verify
		}
		c := &control.Endpoints{Engine: s.Engine, SetScenario: s.SetScenario, StateJSON: s.StateJSON, MaxBody: s.cfg.MaxControlBody,
			UI: &dashboard.Page{Engine: s.Engine, Rules: &s.Rules, Report: s.reportf}}
		g, err := guard.New(doors{control: guard.RequireJSON(c.Handler()), wire: w}, s.guardConfig())
		if err != nil {
			panic("server: settings that did not pass Check: " + err.Error())
		}
		s.guard, s.handler = g, g
	})
	return s.handler
}

func (s *Server) guardConfig() guard.Config {
	return guard.Config{AnyHost: !s.cfg.CheckHost, AllowHosts: s.cfg.AllowHosts, CORSOrigins: s.cfg.CORSOrigins,
		HostHint: s.cfg.HostHint, OriginHint: s.cfg.OriginHint, RequestID: s.RequestID}
}

// Guarding says in one line which hosts and web origins the handler serves, for a start banner.
func (s *Server) Guarding() string {
	s.Handler()
	return s.guard.Banner()
}

// doors sends /_fake/ to the control endpoints and everything else to the wire door, but for
// a browser's GET /, which goes to the dashboard: the server's URL, opened in a browser, shows
// what the fake holds instead of an AWS error.
type doors struct{ control, wire http.Handler }

func (d doors) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case strings.HasPrefix(r.URL.Path, "/_fake/"):
		d.control.ServeHTTP(w, r)
	case r.URL.Path == "/" && (r.Method == http.MethodGet || r.Method == http.MethodHead) && r.Header.Get("X-Amz-Target") == "":
		http.Redirect(w, r, "/_fake/ui", http.StatusFound)
	default:
		d.wire.ServeHTTP(w, r)
	}
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
		// The clock first, so that seeds taken at the saved time keep their timestamps.
		mock, _ := s.Engine.Clock().(*clock.Mock)
		var before time.Time
		if mock != nil && sc.Clock.After(mock.Now()) {
			before = mock.Now()
			mock.Set(sc.Clock)
		}
		if err := s.applySeeds(sc.Seeds); err != nil {
			if !before.IsZero() && mock.Now().Equal(sc.Clock) {
				mock.Set(before)
			}
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
