// Package guard keeps web pages away from a fake served on a developer's machine. The fake
// has no authentication (any caller may reset it, rig it with a scenario or read everything it
// holds), so the browser is the one client to fear: a page on any site can send requests to
// 127.0.0.1. Two defences stop it, both as an http.Handler middleware (New):
//
//   - The Host check defeats DNS rebinding, where a page's own name is made to resolve to
//     127.0.0.1 so that the browser treats the fake as same-origin and lets the page read its
//     answers. Such a request carries the page's name in Host, so only loopback names and
//     addresses (localhost, *.localhost, 127.0.0.0/8, ::1), IP literals the server listens on,
//     and names listed in Config.AllowHosts are served. An IP literal is safe to accept: it
//     is never the page's name.
//   - The origin check refuses every request that a browser marks as sent by another site: an
//     Origin header that is not the server's own origin, or, without one, Sec-Fetch-Site
//     cross-site or same-site. It covers the "simple" requests (a text/plain POST) that a page
//     can send without asking first. Origins listed in Config.CORSOrigins are let through with
//     CORS headers, preflights answered, so that the AWS SDK for JavaScript in a browser app
//     can use the fake on purpose.
//
// Clients that are not browsers (boto3, the AWS CLI, the SDKs) send neither Origin nor
// Sec-Fetch-Site and a loopback Host, so nothing changes for them. Neither check is access
// control against a program on the machine or the network, which can send any header it
// likes; they only take the browser out of an attacker's reach.
//
// RequireJSON is the third piece, for the control endpoints: a state-changing request must say
// Content-Type: application/json, which no page can send across sites without a preflight.
//
// Choices where nothing is specified:
//   - A top-level navigation (GET or HEAD, Sec-Fetch-Mode navigate, Sec-Fetch-Dest document, no
//     Origin) from another site is served: a link to the dashboard from a local page works, the
//     linking page cannot read the answer, and no GET changes the fake.
//   - "Origin: null" (sandboxed frames, file:// pages) is another site, like any origin not
//     listed; it cannot be listed.
//   - A refused request is answered 403 in the shape its route speaks: {"error": "..."} under
//     /_fake/, and an AWS error (X-Amzn-Errortype and __type AccessDeniedException, message)
//     elsewhere, so an SDK reports it as a non-retryable client error that names the flag.
package guard

import (
	"fmt"
	"net/http"
	"strings"
)

// Config says which hosts and origins a guarded handler serves besides its own.
type Config struct {
	// AnyHost serves every Host: for a handler that no browser reaches by name (in process, or
	// in a test's own server), where the origin check alone is kept.
	AnyHost bool
	// AllowHosts are further names or IP addresses accepted in the Host header (any port),
	// compared without case: a Docker Compose service name, a machine's name on the LAN.
	// ListenHosts gives what a server should add for the address it listens on.
	AllowHosts []string
	// CORSOrigins are the web origins (scheme://host[:port], such as http://localhost:3000)
	// allowed to call from a browser, with CORS headers on their answers.
	CORSOrigins []string
	// HostHint and OriginHint finish the refusal messages: how to allow a host or an origin.
	// They default to the server's flags, "-allow-host NAME" and "-cors-origin ORIGIN"; a
	// library that offers options names those instead.
	HostHint, OriginHint string
	// RequestID, when set, gives the X-Amzn-Requestid header of AWS-shaped refusals, as the
	// wire door sets it on its own answers.
	RequestID func() string
}

// DefaultHostHint and DefaultOriginHint are the hints of refusal messages when Config has none.
const (
	DefaultHostHint   = "start the server with -allow-host NAME"
	DefaultOriginHint = "start the server with -cors-origin ORIGIN"
)

// Guard is the middleware New returns.
type Guard struct {
	next    http.Handler
	hosts   map[string]bool   // AllowHosts, lower case, without brackets
	origins map[string]bool   // CORSOrigins, normalized by parseOrigin
	cfg     Config            // with hints filled in
	expose  string            // Access-Control-Expose-Headers
	allowed map[string]string // lower-case header name -> itself, for preflights
}

// New returns next behind the host and origin checks. It fails on a host or an origin that
// could never match (a URL given as a host, an origin with a path).
func New(next http.Handler, cfg Config) (*Guard, error) {
	g := &Guard{next: next, hosts: map[string]bool{}, origins: map[string]bool{}, cfg: cfg}
	for _, h := range cfg.AllowHosts {
		name, err := parseAllowHost(h)
		if err != nil {
			return nil, err
		}
		g.hosts[name] = true
	}
	for _, o := range cfg.CORSOrigins {
		norm, err := ParseOrigin(o)
		if err != nil {
			return nil, err
		}
		g.origins[norm] = true
	}
	if g.cfg.HostHint == "" {
		g.cfg.HostHint = DefaultHostHint
	}
	if g.cfg.OriginHint == "" {
		g.cfg.OriginHint = DefaultOriginHint
	}
	g.expose = strings.Join(ExposeHeaders, ", ")
	g.allowed = map[string]string{}
	for _, h := range AllowHeaders {
		g.allowed[h] = h
	}
	return g, nil
}

// ServeHTTP refuses a foreign Host or a request from another site, answers the preflights of
// listed origins, and passes everything else to the wrapped handler.
func (g *Guard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !g.hostAllowed(r.Host) {
		g.refuse(w, r, fmt.Sprintf("awsfake refused the request for Host %q: it serves only loopback names and addresses "+
			"(localhost, 127.0.0.1, [::1]) and the hosts it was given, so that a web page cannot reach it by DNS rebinding; "+
			"to serve this host, %s", r.Host, g.cfg.HostHint))
		return
	}
	origin := r.Header.Get("Origin")
	switch g.classify(r, origin) {
	case sameSite:
	case listed:
		g.corsHeaders(w.Header(), origin)
		if isPreflight(r) {
			g.preflight(w, r)
			return
		}
	default:
		g.refuse(w, r, g.crossSiteMessage(r, origin))
		return
	}
	g.next.ServeHTTP(w, r)
}

func (g *Guard) crossSiteMessage(r *http.Request, origin string) string {
	from := fmt.Sprintf("origin %q", origin)
	if origin == "" {
		from = "another site (Sec-Fetch-Site: " + r.Header.Get("Sec-Fetch-Site") + ")"
	}
	return fmt.Sprintf("awsfake refused %s %s from %s: a web page may not drive or read the fake; "+
		"to let a browser app at that origin call it, %s", r.Method, r.URL.Path, from, g.cfg.OriginHint)
}
