package guard

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// ExposeHeaders are the response headers a listed origin's page may read: those the AWS SDK
// for JavaScript v3 reads for the request id, the error code and message, and clock skew
// (Date), beyond the few a browser always shows.
var ExposeHeaders = []string{
	"x-amzn-requestid", "x-amzn-request-id", "x-amz-request-id", "x-amz-id-2", "x-amz-cf-id",
	"x-amzn-errortype", "x-amzn-errormessage", "x-amzn-query-error", "date", "retry-after", "etag",
}

// AllowHeaders are the request headers a preflight always allows: those the AWS SDK for
// JavaScript v3 sends. A preflight also allows whatever other headers it asks for, since the
// origin was listed on purpose and a new SDK header must not break it.
var AllowHeaders = []string{
	"authorization", "content-type", "x-amz-date", "x-amz-target", "x-amz-security-token",
	"x-amz-user-agent", "x-amz-content-sha256", "amz-sdk-invocation-id", "amz-sdk-request",
	"x-amzn-trace-id",
}

// allowMethods are the methods a preflight allows: those the wire door and the control
// endpoints answer.
const allowMethods = "GET, HEAD, POST, PUT, PATCH, DELETE"

// verdict is what the origin check makes of a request.
type verdict int

const (
	sameSite verdict = iota // no sign of another site: served as it is
	listed                  // from a listed origin: served with CORS headers
	foreign                 // from another site: refused
)

// classify reads the signs a browser puts on a request about the page that sent it.
func (g *Guard) classify(r *http.Request, origin string) verdict {
	site := strings.ToLower(r.Header.Get("Sec-Fetch-Site"))
	crossSite := site == "cross-site" || site == "same-site"
	if origin != "" {
		norm, err := ParseOrigin(origin)
		switch {
		case err != nil:
			return foreign
		case g.origins[norm]:
			return listed
		case norm == ownOrigin(r) && !crossSite:
			return sameSite
		}
		return foreign
	}
	if crossSite && !isNavigation(r) {
		return foreign
	}
	return sameSite
}

// isNavigation says whether a request is a top-level navigation that reads: its answer goes to
// the user's tab, never to the page that linked to it.
func isNavigation(r *http.Request) bool {
	return (r.Method == http.MethodGet || r.Method == http.MethodHead) &&
		strings.EqualFold(r.Header.Get("Sec-Fetch-Mode"), "navigate") &&
		strings.EqualFold(r.Header.Get("Sec-Fetch-Dest"), "document")
}

// ownOrigin is the origin of a page the server itself served, as the request's Host gives it.
func ownOrigin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	norm, err := ParseOrigin(scheme + "://" + r.Host)
	if err != nil {
		return ""
	}
	return norm
}

// ParseOrigin checks a web origin (scheme://host[:port]) and returns it in the form the guard
// compares: scheme and host in lower case, the scheme's default port left out. The "null"
// origin is refused: any sandboxed frame or local file can send it.
func ParseOrigin(s string) (string, error) {
	if s == "null" {
		return "", fmt.Errorf("origin %q cannot be allowed: every sandboxed frame and local file sends it", s)
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || u.Host == "" || u.User != nil || (u.Path != "" && u.Path != "/") ||
		u.RawQuery != "" || u.Fragment != "" || strings.Contains(u.Host, "*") {
		return "", fmt.Errorf("origin %q: want scheme://host[:port], such as http://localhost:3000 (no path, no wildcard)", s)
	}
	scheme, host, port := strings.ToLower(u.Scheme), strings.TrimSuffix(strings.ToLower(u.Hostname()), "."), u.Port()
	if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		port = ""
	}
	if port == "" {
		if strings.Contains(host, ":") {
			host = "[" + host + "]"
		}
		return scheme + "://" + host, nil
	}
	return scheme + "://" + net.JoinHostPort(host, port), nil
}

func isPreflight(r *http.Request) bool {
	return r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != ""
}

// corsHeaders let a listed origin's page read an answer and the headers the SDK needs.
func (g *Guard) corsHeaders(h http.Header, origin string) {
	h.Set("Access-Control-Allow-Origin", origin)
	h.Add("Vary", "Origin")
	h.Set("Access-Control-Expose-Headers", g.expose)
}

// preflight answers a listed origin's preflight: any method the fake answers, the SDK's
// headers and those asked for, cached for ten minutes.
func (g *Guard) preflight(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Add("Vary", "Access-Control-Request-Method, Access-Control-Request-Headers")
	h.Set("Access-Control-Allow-Methods", allowMethods)
	allow := append([]string(nil), AllowHeaders...)
	for _, name := range strings.Split(r.Header.Get("Access-Control-Request-Headers"), ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		if _, known := g.allowed[name]; !known && validToken(name) {
			allow = append(allow, name)
		}
	}
	h.Set("Access-Control-Allow-Headers", strings.Join(allow, ", "))
	h.Set("Access-Control-Max-Age", "600")
	// Chrome's Private Network Access asks before a public site's page reaches a local server.
	if strings.EqualFold(r.Header.Get("Access-Control-Request-Private-Network"), "true") {
		h.Set("Access-Control-Allow-Private-Network", "true")
	}
	w.WriteHeader(http.StatusNoContent)
}

// validToken says whether s is an HTTP token (RFC 9110), as header names are.
func validToken(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, c) >= 0 {
			return false
		}
	}
	return true
}
