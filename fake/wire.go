package fake

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
)

// Handler returns the wire door: an http.Handler that speaks the services' real protocols,
// for httptest.NewServer, cmd/awsfake, or any server of your own. Control endpoints for the
// clock, the scenario, reset and the call log are under /_fake/ (see the package
// documentation).
//
// It is the handler cmd/awsfake serves: the same wire door, control endpoints and dashboard.
func (f *Fake) Handler() http.Handler { return f.s.Handler() }

// AWSConfig returns an aws.Config for real aws-sdk-go-v2 clients that reach the fake
// in process, through its wire door, without a socket:
//
//	client := sagemaker.NewFromConfig(f.AWSConfig())
//
// It carries the fake's default Region, static credentials (the first WithCredentials key, or
// else an access key id that is the fake's default account), and a retryer with the SDK's standard decisions and attempt count but no
// backoff delay, so a throttled call is retried at once instead of making the test wait.
func (f *Fake) AWSConfig() aws.Config {
	key, secret := f.Account(), "awsfake"
	if f.key != "" {
		key, secret = f.key, f.secret
	}
	return aws.Config{
		Region:       f.Region(),
		BaseEndpoint: aws.String("http://" + inProcessHost),
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: key, SecretAccessKey: secret, Source: "awsfake"}, nil
		}),
		HTTPClient: inProcessClient{h: f.Handler()},
		Retryer: func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) { o.Backoff = noBackoff{} })
		},
	}
}

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
// the same time, each on its own f.HTTPClient(), do not race. The transport hands http and
// https requests to the same direct client as AWSConfig (registered with RegisterProtocol), so
// a call opens no connection and starts no goroutine, and the CA bundle is kept but never used.
func (f *Fake) HTTPClient() *http.Client {
	var http1 http.Protocols
	http1.SetHTTP1(true) // so that HTTP/2 never claims the https scheme for itself
	refuse := func(context.Context, string, string) (net.Conn, error) { return nil, errNoDial }
	t := &http.Transport{Protocols: &http1, DialContext: refuse, DialTLSContext: refuse}
	direct := inProcessClient{h: f.Handler()}
	t.RegisterProtocol("http", direct)
	t.RegisterProtocol("https", direct)
	return &http.Client{Transport: t}
}

// errNoDial answers the rare request that a transport keeps from its registered protocols
// (an https upgrade), instead of letting it reach the network.
var errNoDial = errors.New("awsfake: HTTPClient serves requests in process and opens no connection; this request needs one (an HTTP upgrade?)")

// inProcessHost is the host AWSConfig's requests name (and HTTPClient's, as documented): a name
// under .invalid, which never resolves, so that no web page can be served from it.
const inProcessHost = "awsfake.invalid"

// noBackoff keeps retries but never waits between attempts.
type noBackoff struct{}

func (noBackoff) BackoffDelay(int, error) (time.Duration, error) { return 0, nil }

// inProcessClient is an aws.HTTPClient and an http.RoundTripper that serves each request with
// the handler directly. A request whose context ends during the call gets the context's error,
// as from a transport, not the handler's answer.
type inProcessClient struct{ h http.Handler }

func (c inProcessClient) RoundTrip(req *http.Request) (*http.Response, error) { return c.Do(req) }

func (c inProcessClient) Do(req *http.Request) (*http.Response, error) {
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	if req.Body == nil {
		req.Body = http.NoBody
	}
	rw := &memResponse{header: http.Header{}}
	c.h.ServeHTTP(rw, req)
	if err := req.Context().Err(); err != nil {
		return nil, err // as a transport answers a call its caller gave up on
	}
	return rw.response(req), nil
}

// memResponse is the http.ResponseWriter of an in-process call: it keeps what the handler
// writes for the response.
type memResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (m *memResponse) Header() http.Header { return m.header }

func (m *memResponse) WriteHeader(code int) {
	if m.status == 0 {
		m.status = code
	}
}

// response is what the handler wrote, as the answer to req.
func (m *memResponse) response(req *http.Request) *http.Response {
	if m.status == 0 {
		m.status = http.StatusOK
	}
	return &http.Response{
		Status:        strconv.Itoa(m.status) + " " + http.StatusText(m.status),
		StatusCode:    m.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        m.header,
		Body:          io.NopCloser(bytes.NewReader(m.body.Bytes())),
		ContentLength: int64(m.body.Len()),
		Request:       req,
	}
}

func (m *memResponse) Write(p []byte) (int, error) {
	m.WriteHeader(http.StatusOK)
	return m.body.Write(p)
}
