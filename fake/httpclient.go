package fake

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"

	"github.com/awsfake/awsfake/internal/wire"
)

// HTTPClient returns an *http.Client that serves every request with the wire door in process,
// whatever its URL (http or https): for clients that take an *http.Client, such as aws-sdk-go
// (v1) sessions:
//
//	sess := session.Must(session.NewSession(&aws.Config{
//		HTTPClient:  f.HTTPClient(),
//		Region:      aws.String(f.Region()),
//		Endpoint:    aws.String("http://awsfake.invalid"),
//		Credentials: credentials.NewStaticCredentials(f.Account(), "awsfake", ""),
//	}))
//
// Its transport is a real *http.Transport, new on every call, because a session made while
// AWS_CA_BUNDLE is set accepts no other type and writes the bundle into it: sessions made at
// the same time, each on its own f.HTTPClient(), do not race. The transport's connections are
// in-memory pipes, one per request (keep-alives are off), so nothing outlives a call: no
// socket, no listener, and no goroutine once the response body is closed. A request whose
// context ends, or whose client hangs up, cancels the call in the fake (a scenario's delay
// included). sagemaker.NewFromConfig(f.AWSConfig()) stays the quicker way for aws-sdk-go-v2.
func (f *Fake) HTTPClient() *http.Client {
	h, limit := f.Handler(), f.maxBody
	if limit == 0 {
		limit = wire.DefaultMaxBody
	}
	dial := func(context.Context, string, string) (net.Conn, error) {
		client, server := net.Pipe()
		go serveConn(server, h, limit)
		return client, nil
	}
	return &http.Client{Transport: &http.Transport{
		DialContext: dial,
		// For https URLs: the transport takes this connection as past its TLS handshake, so
		// TLS settings, a CA bundle's among them, are kept but never used.
		DialTLSContext:    dial,
		DisableKeepAlives: true,
	}}
}

// serveConn answers the one request that an in-memory connection carries, then closes it.
// It reads at most limit+1 bytes of body, enough for the wire door to refuse a larger one.
func serveConn(conn net.Conn, h http.Handler, limit int64) {
	defer conn.Close()
	r := bufio.NewReader(conn)
	req, err := http.ReadRequest(r)
	if err != nil {
		return
	}
	body, err := io.ReadAll(io.LimitReader(req.Body, limit+1))
	if err != nil {
		return
	}
	req.Body, req.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))

	// The client sends nothing after its request, so this read returns only when the client
	// hangs up (its call was cancelled) or when the answer is sent and the connection closed.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		_, _ = r.ReadByte()
		cancel()
	}()

	rw := &memResponse{header: http.Header{}}
	h.ServeHTTP(rw, req.WithContext(ctx))
	resp := rw.response(req)
	resp.Close = true
	// One write: each write on a pipe waits for the reader, and Response.Write makes many.
	var out bytes.Buffer
	_ = resp.Write(&out)
	_, _ = conn.Write(out.Bytes())
}
