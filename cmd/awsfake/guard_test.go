package main

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// hit sends one request to a running server and returns its status and body.
func hit(t *testing.T, s *running, method, path, host string, headers map[string]string, body string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, s.url+path, strings.NewReader(body))
	require.NoError(t, err)
	if host != "" {
		req.Host = host
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := (&http.Transport{}).RoundTrip(req) // no redirects followed
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res.StatusCode, res.Header, string(b)
}

const createAction = `{"ActionName":"a1","ActionType":"t","Source":{"SourceUri":"s3://x"}}`

func smHeaders(op string) map[string]string {
	return map[string]string{"X-Amz-Target": "SageMaker." + op, "Content-Type": "application/x-amz-json-1.1"}
}

// countActions lists the actions the server holds (through the wire door, as a client would).
func countActions(t *testing.T, s *running) int {
	t.Helper()
	status, _, body := hit(t, s, "POST", "/", "", smHeaders("ListActions"), `{}`)
	require.Equal(t, http.StatusOK, status, body)
	return strings.Count(body, `"ActionArn"`)
}

// The probes, through real HTTP on 127.0.0.1: what a web page can send (a cross-site
// simple request, a DNS-rebound Host) is refused on every route, control and AWS alike, and
// nothing changes; what a tool sends is served.
func TestServerRefusesWebPages(t *testing.T) {
	t.Parallel()
	s := startServer(t, "-addr", "127.0.0.1:0", "-clock", "manual")
	defer func() { close(s.stop); require.NoError(t, <-s.done) }()
	status, _, body := hit(t, s, "POST", "/", "", smHeaders("CreateAction"), createAction)
	require.Equal(t, http.StatusOK, status, body)
	_, _, clockBefore := hit(t, s, "GET", "/_fake/clock", "", nil, "")

	evil := map[string]string{"Origin": "http://evil.example", "Content-Type": "text/plain"}
	for _, c := range []struct {
		name, method, path, body string
		headers                  map[string]string
	}{
		{"reset, cross-site text/plain", "POST", "/_fake/reset", "x", evil},
		{"scenario, cross-site", "POST", "/_fake/scenario", `{"rules":[{"service":"sagemaker","operation":"ListActions","error":{"code":"ThrottlingException"}}]}`, evil},
		{"clock, cross-site", "POST", "/_fake/clock/advance", `{"duration":"100000h"}`, evil},
		{"Events route, cross-site", "POST", "/events", `{"trackingId":"t","sessionId":"s","eventList":[]}`, evil},
		{"AWS operation, cross-site", "POST", "/", createAction, map[string]string{"Origin": "http://evil.example", "X-Amz-Target": "SageMaker.DeleteAction", "Content-Type": "application/x-amz-json-1.1"}},
		{"state, cross-site fetch", "GET", "/_fake/state", "", map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "cors"}},
		{"reset, same-site form", "POST", "/_fake/reset", "x", map[string]string{"Sec-Fetch-Site": "same-site"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			status, _, body := hit(t, s, c.method, c.path, "", c.headers, c.body)
			require.Equal(t, http.StatusForbidden, status, body)
			require.Contains(t, body, "-cors-origin", "the refusal names the flag that allows it")
		})
	}
	for _, c := range []struct {
		name, method, path string
	}{
		{"state", "GET", "/_fake/state"},
		{"calls", "GET", "/_fake/calls"},
		{"dashboard", "GET", "/_fake/ui"},
		{"AWS operation", "POST", "/"},
	} {
		t.Run("DNS rebinding: "+c.name, func(t *testing.T) {
			status, _, body := hit(t, s, c.method, c.path, "evil.example:4599", smHeaders("ListActions"), `{}`)
			require.Equal(t, http.StatusForbidden, status, body)
			require.Contains(t, body, "-allow-host")
		})
	}
	// Without an Origin, a control endpoint still refuses a body a form could send.
	for _, ct := range []string{"text/plain", "application/x-www-form-urlencoded", ""} {
		status, _, body := hit(t, s, "POST", "/_fake/reset", "", map[string]string{"Content-Type": ct}, "x")
		require.Equal(t, http.StatusUnsupportedMediaType, status, "%q: %s", ct, body)
		status, _, body = hit(t, s, "POST", "/events", "", map[string]string{"Content-Type": ct}, `{}`)
		require.Equal(t, http.StatusBadRequest, status, "%q: %s", ct, body)
		require.Contains(t, body, "SerializationException")
	}

	require.Equal(t, 1, countActions(t, s), "nothing was reset or deleted")
	_, _, clockAfter := hit(t, s, "GET", "/_fake/clock", "", nil, "")
	require.Equal(t, clockBefore, clockAfter, "the clock did not move")
	_, _, rules := hit(t, s, "GET", "/_fake/ui", "", nil, "")
	require.Contains(t, rules, "No rules installed.")

	// What tools send is served: loopback names, JSON, no Origin; a same-origin page too.
	status, _, body = hit(t, s, "POST", "/_fake/clock/advance", "localhost:1", map[string]string{"Content-Type": "application/json"}, `{"duration":"1s"}`)
	require.Equal(t, http.StatusOK, status, body)
	status, _, body = hit(t, s, "POST", "/_fake/clock/advance", "", map[string]string{"Content-Type": "application/json",
		"Origin": s.url, "Sec-Fetch-Site": "same-origin"}, `{"duration":"1s"}`)
	require.Equal(t, http.StatusOK, status, "the dashboard's own clock control: %s", body)
}

// -allow-host and -cors-origin let in what they name, and only that.
func TestServerAllowsWhatItIsGiven(t *testing.T) {
	t.Parallel()
	const app = "http://localhost:3000"
	s := startServer(t, "-addr", "127.0.0.1:0", "-allow-host", "awsfake", "-cors-origin", app)
	defer func() { close(s.stop); require.NoError(t, <-s.done) }()

	status, _, body := hit(t, s, "POST", "/", "awsfake:4599", smHeaders("CreateAction"), createAction)
	require.Equal(t, http.StatusOK, status, "an allowed host (a Compose service name): %s", body)
	status, _, _ = hit(t, s, "POST", "/", "other:4599", smHeaders("ListActions"), `{}`)
	require.Equal(t, http.StatusForbidden, status)

	// The AWS SDK for JavaScript in a page at the allowed origin: a preflight, then the call.
	status, hdr, _ := hit(t, s, "OPTIONS", "/", "", map[string]string{"Origin": app, "Access-Control-Request-Method": "POST",
		"Access-Control-Request-Headers": "content-type,x-amz-target,x-amz-date,authorization,amz-sdk-invocation-id"}, "")
	require.Equal(t, http.StatusNoContent, status)
	require.Equal(t, app, hdr.Get("Access-Control-Allow-Origin"))
	require.Contains(t, hdr.Get("Access-Control-Allow-Methods"), "POST")
	require.Contains(t, hdr.Get("Access-Control-Allow-Headers"), "x-amz-target")
	h := smHeaders("ListActions")
	h["Origin"] = app
	status, hdr, body = hit(t, s, "POST", "/", "", h, `{}`)
	require.Equal(t, http.StatusOK, status, body)
	require.Equal(t, app, hdr.Get("Access-Control-Allow-Origin"))
	require.Contains(t, hdr.Get("Access-Control-Expose-Headers"), "x-amzn-requestid")
	require.Contains(t, body, "action/a1")

	h["Origin"] = "http://localhost:3001"
	status, _, _ = hit(t, s, "POST", "/", "", h, `{}`)
	require.Equal(t, http.StatusForbidden, status, "another port is another origin")
}

// Opening the server's URL in a browser shows the dashboard, not an AWS error.
func TestServerRootRedirectsToTheDashboard(t *testing.T) {
	t.Parallel()
	s := startServer(t, "-addr", "127.0.0.1:0")
	defer func() { close(s.stop); require.NoError(t, <-s.done) }()
	status, hdr, _ := hit(t, s, "GET", "/", "", map[string]string{"Accept": "text/html"}, "")
	require.Equal(t, http.StatusFound, status)
	require.Equal(t, "/_fake/ui", hdr.Get("Location"))
	status, _, body := hit(t, s, "GET", "/_fake/ui", "", nil, "")
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, body, "<title>awsfake</title>")
}
