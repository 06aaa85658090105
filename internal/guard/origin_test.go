package guard

import (
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

func TestOriginCheck(t *testing.T) {
	t.Parallel()
	g := newGuard(t, Config{CORSOrigins: []string{"http://localhost:3000"}})
	h := func(kv ...string) map[string]string {
		m := map[string]string{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	for _, p := range []probe{
		{name: "no Origin (SDKs, boto3, CLI)", status: 200, headers: h("Content-Type", "application/x-amz-json-1.1")},
		{name: "own origin", path: "/_fake/reset", status: 200, headers: h("Origin", "http://127.0.0.1:4599", "Sec-Fetch-Site", "same-origin")},
		{name: "own origin with default port", host: "localhost:80", status: 200, headers: h("Origin", "http://localhost")},
		{name: "Sec-Fetch-Site none (typed in the address bar)", method: "GET", path: "/_fake/ui", status: 200, headers: h("Sec-Fetch-Site", "none")},
		{name: "cross-site simple POST to reset", path: "/_fake/reset", status: 403, mention: "-cors-origin ORIGIN",
			headers: h("Origin", "http://evil.example", "Content-Type", "text/plain")},
		{name: "cross-site POST to scenario", path: "/_fake/scenario", status: 403, mention: `"http://evil.example"`,
			headers: h("Origin", "http://evil.example", "Content-Type", "text/plain")},
		{name: "cross-site POST to the clock", path: "/_fake/clock/advance", status: 403, mention: "-cors-origin",
			headers: h("Origin", "http://evil.example")},
		{name: "cross-site POST to an Events route", path: "/events", status: 403, mention: "-cors-origin",
			headers: h("Origin", "http://evil.example", "Content-Type", "text/plain")},
		{name: "cross-site AWS JSON call", status: 403, mention: "-cors-origin",
			headers: h("Origin", "http://evil.example", "X-Amz-Target", "SageMaker.ListActions")},
		{name: "another port of the same host", path: "/_fake/reset", status: 403, mention: "http://127.0.0.1:8080",
			headers: h("Origin", "http://127.0.0.1:8080")},
		{name: "another name of the same address", status: 403, mention: "-cors-origin", headers: h("Origin", "http://localhost:4599")},
		{name: "another scheme", status: 403, mention: "-cors-origin", headers: h("Origin", "https://127.0.0.1:4599")},
		{name: "null origin", status: 403, mention: "null", headers: h("Origin", "null")},
		{name: "malformed origin", status: 403, mention: "-cors-origin", headers: h("Origin", "::::")},
		{name: "own origin but cross-site", status: 403, mention: "-cors-origin",
			headers: h("Origin", "http://127.0.0.1:4599", "Sec-Fetch-Site", "cross-site")},
		{name: "cross-site without Origin", method: "GET", path: "/_fake/state", status: 403, mention: "Sec-Fetch-Site: cross-site",
			headers: h("Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "no-cors", "Sec-Fetch-Dest", "script")},
		{name: "same-site without Origin", status: 403, mention: "Sec-Fetch-Site: same-site", headers: h("Sec-Fetch-Site", "same-site")},
		{name: "cross-site link to the dashboard", method: "GET", path: "/_fake/ui", status: 200,
			headers: h("Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document")},
		{name: "cross-site form POST navigation", path: "/_fake/reset", status: 403, mention: "-cors-origin",
			headers: h("Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document")},
		{name: "cross-site frame", method: "GET", path: "/_fake/ui", status: 403, mention: "-cors-origin",
			headers: h("Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "iframe")},
		{name: "listed origin", status: 200, headers: h("Origin", "http://localhost:3000", "Sec-Fetch-Site", "same-site")},
		{name: "preflight of an origin not listed", method: "OPTIONS", status: 403, mention: "-cors-origin",
			headers: h("Origin", "http://evil.example", "Access-Control-Request-Method", "POST")},
	} {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			w := p.check(t, g)
			if p.status == http.StatusForbidden || p.headers["Origin"] != "http://localhost:3000" {
				require.Empty(t, w.Header().Get("Access-Control-Allow-Origin"), "CORS headers for a request not from a listed origin")
			}
		})
	}
}

// A listed origin's preflight is answered by the guard with what the AWS SDK for JavaScript
// needs, and its actual request is served with CORS headers.
func TestCORSForListedOrigin(t *testing.T) {
	t.Parallel()
	g := newGuard(t, Config{CORSOrigins: []string{"http://localhost:3000", "https://app.example"}})

	pre := probe{method: "OPTIONS", path: "/", status: http.StatusNoContent, headers: map[string]string{
		"Origin":                                 "https://app.example",
		"Access-Control-Request-Method":          "POST",
		"Access-Control-Request-Headers":         "amz-sdk-invocation-id,amz-sdk-request,authorization,content-type,x-amz-date,x-amz-target,x-amz-user-agent,x-custom-new, bad header",
		"Access-Control-Request-Private-Network": "true",
	}}
	w := pre.check(t, g)
	require.Empty(t, w.Body.String(), "a preflight must not reach the wire door")
	hd := w.Header()
	require.Equal(t, "https://app.example", hd.Get("Access-Control-Allow-Origin"))
	require.Equal(t, "true", hd.Get("Access-Control-Allow-Private-Network"))
	require.Equal(t, "600", hd.Get("Access-Control-Max-Age"))
	require.Contains(t, hd.Get("Access-Control-Allow-Methods"), "POST")
	allowed := strings.Split(hd.Get("Access-Control-Allow-Headers"), ", ")
	for _, want := range []string{"amz-sdk-invocation-id", "amz-sdk-request", "authorization", "content-type", "x-amz-date",
		"x-amz-target", "x-amz-user-agent", "x-amz-security-token", "x-custom-new"} {
		require.Contains(t, allowed, want)
	}
	require.NotContains(t, allowed, "bad header")
	require.Contains(t, hd.Values("Vary"), "Origin")

	actual := probe{status: 200, headers: map[string]string{"Origin": "http://localhost:3000", "X-Amz-Target": "SageMaker.ListActions"}}
	w = actual.check(t, g)
	require.Equal(t, "http://localhost:3000", w.Header().Get("Access-Control-Allow-Origin"))
	exposed := strings.Split(w.Header().Get("Access-Control-Expose-Headers"), ", ")
	for _, want := range []string{"x-amzn-requestid", "x-amzn-errortype", "x-amz-request-id", "x-amz-id-2", "date"} {
		require.Contains(t, exposed, want)
	}
}

// An OPTIONS without Origin is no preflight: it goes to the wrapped handler.
func TestOptionsWithoutOriginPassesThrough(t *testing.T) {
	t.Parallel()
	probe{method: "OPTIONS", status: 200, headers: map[string]string{"Access-Control-Request-Method": "POST"}}.check(t, newGuard(t, Config{}))
}

func TestParseOrigin(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"http://localhost:3000":   "http://localhost:3000",
		"HTTP://LocalHost:3000/":  "http://localhost:3000",
		"http://localhost:80":     "http://localhost",
		"https://app.example:443": "https://app.example",
		"https://app.example:80":  "https://app.example:80",
		"http://[::1]:3000":       "http://[::1]:3000",
		"http://[::1]:80":         "http://[::1]",
		"chrome-extension://abc":  "chrome-extension://abc",
	} {
		got, err := ParseOrigin(in)
		require.NoError(t, err, in)
		require.Empty(t, cmp.Diff(want, got), in)
	}
	for _, bad := range []string{"", "null", "localhost:3000", "http://", "http://u@localhost", "http://localhost/app", "http://localhost?x", "http://localhost#x", "http://*.example"} {
		_, err := ParseOrigin(bad)
		require.Error(t, err, bad)
	}
}
