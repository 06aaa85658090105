package guard

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"
)

// world is a stand-in for the fake on a socket: POST /_fake/reset (behind RequireJSON, as the
// control endpoints will be) counts resets, and every other route answers 200.
type world struct{ resets atomic.Int32 }

func (wd *world) handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /_fake/reset", RequireJSON(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		wd.resets.Add(1)
		_, _ = io.WriteString(w, "{}\n")
	})))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "served") })
	return mux
}

func startServer(t *testing.T, network, addr string, cfg Config) (*httptest.Server, *world) {
	t.Helper()
	wd := &world{}
	g, err := New(wd.handler(), cfg)
	require.NoError(t, err)
	ln, err := net.Listen(network, addr)
	if err != nil {
		t.Skipf("cannot listen on %s %s: %v", network, addr, err)
	}
	srv := httptest.NewUnstartedServer(g)
	srv.Listener = ln
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, wd
}

type call struct {
	method, path, host, body string
	headers                  map[string]string
}

func (c call) do(t *testing.T, srv *httptest.Server) *http.Response {
	t.Helper()
	req, err := http.NewRequest(c.method, srv.URL+c.path, strings.NewReader(c.body))
	require.NoError(t, err)
	if c.host != "" {
		req.Host = c.host
	}
	for k, v := range c.headers {
		req.Header.Set(k, v)
	}
	res, err := srv.Client().Do(req)
	require.NoError(t, err)
	t.Cleanup(func() { res.Body.Close() })
	return res
}

// The probes of the issue, over real HTTP on 127.0.0.1: nothing refused changes the state.
func TestOverHTTP(t *testing.T) {
	t.Parallel()
	srv, wd := startServer(t, "tcp", "127.0.0.1:0", Config{AllowHosts: []string{"awsfake"}, CORSOrigins: []string{"http://localhost:3000"}})
	own := srv.URL // http://127.0.0.1:PORT
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]
	jsonCT := map[string]string{"Content-Type": "application/json"}

	for _, tc := range []struct {
		name   string
		call   call
		status int
		resets int32 // resets after the call, counted from the last case
	}{
		{"foreign Host", call{method: "GET", path: "/_fake/state", host: "evil.example:" + port}, 403, 0},
		{"foreign Host on reset", call{method: "POST", path: "/_fake/reset", host: "evil.example:" + port, headers: jsonCT}, 403, 0},
		{"cross-origin simple POST", call{method: "POST", path: "/_fake/reset", body: "x",
			headers: map[string]string{"Origin": "http://evil.example", "Content-Type": "text/plain"}}, 403, 0},
		{"cross-site without Origin", call{method: "POST", path: "/_fake/reset",
			headers: map[string]string{"Sec-Fetch-Site": "cross-site", "Content-Type": "application/json"}}, 403, 0},
		{"control POST as text/plain", call{method: "POST", path: "/_fake/reset", body: "x",
			headers: map[string]string{"Content-Type": "text/plain"}}, 415, 0},
		{"same origin", call{method: "POST", path: "/_fake/reset", body: "{}",
			headers: map[string]string{"Origin": own, "Sec-Fetch-Site": "same-origin", "Content-Type": "application/json"}}, 200, 1},
		{"allowed host", call{method: "POST", path: "/_fake/reset", host: "awsfake:" + port, headers: jsonCT}, 200, 2},
		{"SDK without Origin", call{method: "POST", path: "/", headers: map[string]string{"X-Amz-Target": "SageMaker.ListActions"}}, 200, 2},
		{"allowed origin", call{method: "POST", path: "/_fake/reset", body: "{}",
			headers: map[string]string{"Origin": "http://localhost:3000", "Content-Type": "application/json"}}, 200, 3},
	} {
		res := tc.call.do(t, srv)
		require.Equal(t, tc.status, res.StatusCode, tc.name)
		require.Equal(t, tc.resets, wd.resets.Load(), tc.name)
	}

	// The allowed origin's preflight, then its request, as a browser sends them.
	res := call{method: "OPTIONS", path: "/", headers: map[string]string{
		"Origin": "http://localhost:3000", "Access-Control-Request-Method": "POST",
		"Access-Control-Request-Headers": "content-type,x-amz-target,x-amz-date,authorization",
	}}.do(t, srv)
	require.Equal(t, http.StatusNoContent, res.StatusCode)
	require.Equal(t, "http://localhost:3000", res.Header.Get("Access-Control-Allow-Origin"))
	require.Contains(t, res.Header.Get("Access-Control-Allow-Headers"), "x-amz-target")
	res = call{method: "POST", path: "/", headers: map[string]string{"Origin": "http://localhost:3000", "X-Amz-Target": "SageMaker.ListActions"}}.do(t, srv)
	require.Equal(t, http.StatusOK, res.StatusCode)
	require.Equal(t, "http://localhost:3000", res.Header.Get("Access-Control-Allow-Origin"))
	require.Contains(t, res.Header.Get("Access-Control-Expose-Headers"), "x-amzn-requestid")
}

func TestOverHTTPOnIPv6Loopback(t *testing.T) {
	t.Parallel()
	srv, wd := startServer(t, "tcp6", "[::1]:0", Config{})
	require.True(t, strings.HasPrefix(srv.URL, "http://[::1]:"), srv.URL)
	res := call{method: "POST", path: "/_fake/reset", headers: map[string]string{"Content-Type": "application/json", "Origin": srv.URL}}.do(t, srv)
	require.Equal(t, http.StatusOK, res.StatusCode)
	res = call{method: "POST", path: "/_fake/reset", host: "evil.example", headers: map[string]string{"Content-Type": "application/json"}}.do(t, srv)
	require.Equal(t, http.StatusForbidden, res.StatusCode)
	require.Equal(t, int32(1), wd.resets.Load())
}
