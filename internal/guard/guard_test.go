package guard

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// served is the wrapped handler: it answers 200 "served", so a test sees whether the guard let
// a request through.
var served = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	_, _ = io.WriteString(w, "served")
})

func newGuard(t *testing.T, cfg Config) *Guard {
	t.Helper()
	g, err := New(served, cfg)
	require.NoError(t, err)
	return g
}

type probe struct {
	name    string
	method  string // default POST
	path    string // default /
	host    string // default 127.0.0.1:4599
	headers map[string]string
	status  int
	// refusal: the word the message must hold (a flag), and its shape
	mention string
}

func (p probe) request() *http.Request {
	method, path, host := p.method, p.path, p.host
	if method == "" {
		method = http.MethodPost
	}
	if path == "" {
		path = "/"
	}
	if host == "" {
		host = "127.0.0.1:4599"
	}
	r := httptest.NewRequest(method, path, strings.NewReader("x"))
	r.Host = host
	for k, v := range p.headers {
		r.Header.Set(k, v)
	}
	return r
}

// check runs one probe and checks its status, and for a refusal its shape and message.
func (p probe) check(t *testing.T, g *Guard) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	r := p.request()
	g.ServeHTTP(w, r)
	require.Equal(t, p.status, w.Code, "body: %s", w.Body)
	switch {
	case p.status == http.StatusOK:
		require.Equal(t, "served", w.Body.String())
	case p.status == http.StatusForbidden:
		requireRefusal(t, r, w.Result(), p.mention)
	}
	return w
}

// requireRefusal checks a 403 in the shape of its route, naming what would allow it.
func requireRefusal(t *testing.T, r *http.Request, res *http.Response, mention string) {
	t.Helper()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	var doc map[string]string
	require.NoError(t, json.Unmarshal(body, &doc), "body: %s", body)
	msg := doc["error"]
	if strings.HasPrefix(r.URL.Path, ControlPrefix) {
		require.Equal(t, "application/json", res.Header.Get("Content-Type"))
		require.Empty(t, res.Header.Get("X-Amzn-Errortype"))
	} else {
		require.Equal(t, "AccessDeniedException", res.Header.Get("X-Amzn-Errortype"))
		require.Equal(t, "AccessDeniedException", doc["__type"])
		msg = doc["message"]
		want := "application/json"
		if r.Header.Get("X-Amz-Target") != "" {
			want = "application/x-amz-json-1.1"
		}
		require.Equal(t, want, res.Header.Get("Content-Type"))
	}
	require.Contains(t, msg, mention)
}

func TestHostCheck(t *testing.T) {
	t.Parallel()
	g := newGuard(t, Config{AllowHosts: []string{"awsfake", "192.168.1.5", "[fd00::5]"}})
	for _, p := range []probe{
		{name: "IPv4 loopback", host: "127.0.0.1:4599", status: 200},
		{name: "anywhere in 127/8", host: "127.5.6.7", status: 200},
		{name: "IPv6 loopback", host: "[::1]:4599", status: 200},
		{name: "IPv6 loopback without port", host: "[::1]", status: 200},
		{name: "IPv4-mapped loopback", host: "[::ffff:127.0.0.1]:4599", status: 200},
		{name: "localhost", host: "localhost:4599", status: 200},
		{name: "localhost in capitals", host: "LocalHost:4599", status: 200},
		{name: "localhost fully qualified", host: "localhost.:4599", status: 200},
		{name: "name under localhost", host: "app.localhost:4599", status: 200},
		{name: "no Host (HTTP/1.0)", host: "", status: 200},
		{name: "allowed name", host: "AWSFAKE:4599", status: 200},
		{name: "allowed address", host: "192.168.1.5:4599", status: 200},
		{name: "allowed IPv6 address", host: "[fd00::5]:4599", status: 200},
		{name: "rebound name, AWS route", host: "evil.example:4599", status: 403, mention: "-allow-host NAME",
			headers: map[string]string{"X-Amz-Target": "SageMaker.ListActions"}},
		{name: "rebound name, Events route", host: "evil.example:4599", path: "/events", status: 403, mention: "-allow-host NAME"},
		{name: "rebound name, control route", host: "evil.example:4599", path: "/_fake/state", method: "GET", status: 403, mention: "-allow-host NAME"},
		{name: "localhost as a prefix", host: "localhost.evil.example", status: 403, mention: "evil.example"},
		{name: "localhost as a suffix without a dot", host: "evil-localhost:4599", status: 403, mention: "-allow-host"},
		{name: "address not given", host: "192.168.1.6:4599", status: 403, mention: "-allow-host"},
		{name: "unspecified address not given", host: "0.0.0.0:4599", status: 403, mention: "-allow-host"},
	} {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			p.check(t, g)
		})
	}
}

func TestHostHint(t *testing.T) {
	t.Parallel()
	g := newGuard(t, Config{HostHint: "use fake.WithAllowedHosts", OriginHint: "use fake.WithCORSOrigins"})
	probe{host: "evil.example", path: "/_fake/reset", status: 403, mention: "use fake.WithAllowedHosts"}.check(t, g)
	probe{path: "/_fake/reset", status: 403, mention: "use fake.WithCORSOrigins",
		headers: map[string]string{"Origin": "http://evil.example"}}.check(t, g)
}

func TestRequestIDOnAWSRefusals(t *testing.T) {
	t.Parallel()
	g := newGuard(t, Config{RequestID: func() string { return "req-1" }})
	w := probe{host: "evil.example", status: 403, mention: "-allow-host"}.check(t, g)
	require.Equal(t, "req-1", w.Header().Get("X-Amzn-Requestid"))
	w = probe{host: "evil.example", path: "/_fake/calls", status: 403, mention: "-allow-host"}.check(t, g)
	require.Empty(t, w.Header().Get("X-Amzn-Requestid"))
}

func TestNewRefusesWhatNeverMatches(t *testing.T) {
	t.Parallel()
	for _, cfg := range []Config{
		{AllowHosts: []string{"http://awsfake"}},
		{AllowHosts: []string{"awsfake/"}},
		{AllowHosts: []string{""}},
		{AllowHosts: []string{"*.example"}},
		{AllowHosts: []string{" awsfake"}},
		{CORSOrigins: []string{"localhost:3000"}},
		{CORSOrigins: []string{"http://localhost:3000/app"}},
		{CORSOrigins: []string{"null"}},
		{CORSOrigins: []string{"*"}},
		{CORSOrigins: []string{"http://*.example"}},
	} {
		_, err := New(served, cfg)
		require.Error(t, err, "%+v", cfg)
	}
}

func TestBanner(t *testing.T) {
	t.Parallel()
	g := newGuard(t, Config{AllowHosts: []string{"awsfake", "10.0.0.2:4599"}, CORSOrigins: []string{"http://localhost:3000/"}})
	require.Equal(t, "hosts localhost, *.localhost, 127.0.0.0/8, [::1], 10.0.0.2, awsfake; web origins: http://localhost:3000", g.Banner())
	require.Equal(t, "hosts localhost, *.localhost, 127.0.0.0/8, [::1]; web origins: none", newGuard(t, Config{}).Banner())
}
