package fake

import (
	"context"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"

	"github.com/awsfake/awsfake/fake/internal/wire"
)

// Handler returns the wire door: an http.Handler that speaks the services' real protocols,
// for httptest.NewServer, cmd/awsfake, or any server of your own. Control endpoints for the
// clock, the scenario, reset and the call log are under /_fake/ (see the package
// documentation).
func (f *Fake) Handler() http.Handler {
	f.handlerOnce.Do(func() {
		mux := http.NewServeMux()
		mux.Handle("/_fake/", f.controlHandler())
		mux.Handle("/", &wire.Handler{Engine: f.e, RequestID: f.requestID, MaxBody: f.maxBody})
		f.handler = mux
	})
	return f.handler
}

// AWSConfig returns an aws.Config for real aws-sdk-go-v2 clients that reach the fake
// in process, through its wire door, without a socket:
//
//	client := sagemaker.NewFromConfig(f.AWSConfig())
//
// It carries the fake's default Region, static credentials whose access key id is the fake's
// default account, and a retryer with the SDK's standard decisions and attempt count but no
// backoff delay, so a throttled call is retried at once instead of making the test wait.
func (f *Fake) AWSConfig() aws.Config {
	account := f.Account()
	return aws.Config{
		Region:       f.Region(),
		BaseEndpoint: aws.String("http://awsfake.invalid"),
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: account, SecretAccessKey: "awsfake", Source: "awsfake"}, nil
		}),
		HTTPClient: inProcessClient{h: f.Handler()},
		Retryer: func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) { o.Backoff = noBackoff{} })
		},
	}
}

// HTTPClient returns an *http.Client that serves every request with the wire door in process,
// whatever its URL: for clients that take an *http.Client, such as aws-sdk-go (v1) sessions.
func (f *Fake) HTTPClient() *http.Client {
	return &http.Client{Transport: inProcessClient{h: f.Handler()}}
}

// noBackoff keeps retries but never waits between attempts.
type noBackoff struct{}

func (noBackoff) BackoffDelay(int, error) (time.Duration, error) { return 0, nil }

// inProcessClient is an aws.HTTPClient and an http.RoundTripper that serves each request with
// the handler directly.
type inProcessClient struct{ h http.Handler }

func (c inProcessClient) RoundTrip(req *http.Request) (*http.Response, error) { return c.Do(req) }

func (c inProcessClient) Do(req *http.Request) (*http.Response, error) {
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	if req.Body == nil {
		req.Body = http.NoBody
	}
	rec := httptest.NewRecorder()
	c.h.ServeHTTP(rec, req)
	resp := rec.Result()
	resp.Request = req
	return resp, nil
}
