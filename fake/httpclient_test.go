package fake_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// post sends one AWS JSON 1.1 call through c and returns the status, the error type header
// and the body.
func post(t *testing.T, ctx context.Context, c *http.Client, url, target, body string) (int, string, string, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("X-Amz-Target", target)
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	resp, err := c.Do(req)
	if err != nil {
		return 0, "", "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, resp.Header.Get("X-Amzn-Errortype"), string(b), nil
}

func TestHTTPClientServesEveryURL(t *testing.T) {
	t.Parallel()
	create := `{"ActionName":"a","ActionType":"t","Source":{"SourceUri":"s3://x"}}`
	cases := []struct {
		name, url, target, body string
		status                  int
		code                    string
	}{
		{"http", "http://awsfake.invalid/", "SageMaker.CreateAction", create, 200, ""},
		{"https", "https://127.0.0.1:1/", "SageMaker.CreateAction", create, 200, ""},
		{"an error", "http://awsfake.invalid/", "SageMaker.DescribeAction", `{"ActionName":"missing"}`, 400, "ResourceNotFound"},
		{"a body over the limit", "http://awsfake.invalid/", "SageMaker.CreateAction", `{"Description":"` + strings.Repeat("x", 5000) + `"}`, 413, "RequestEntityTooLargeException"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			f := fake.ForTest(t, fake.WithMaxBody(4096))
			status, code, body, err := post(t, context.Background(), f.HTTPClient(), c.url, c.target, c.body)
			require.NoError(t, err)
			require.Equal(t, c.status, status, body)
			require.Equal(t, c.code, code, body)
			if c.status == 200 {
				var out struct{ ActionArn string }
				require.NoError(t, json.Unmarshal([]byte(body), &out))
				require.Equal(t, "arn:aws:sagemaker:us-east-1:123456789012:action/a", out.ActionArn)
			}
		})
	}
}

// A session made with AWS_CA_BUNDLE set accepts only an *http.Transport and writes the bundle
// into it; each client must have its own, still serving the fake after that.
func TestHTTPClientHasATransportOfItsOwn(t *testing.T) {
	t.Parallel()
	f := fake.ForTest(t)
	a, b := f.HTTPClient(), f.HTTPClient()
	ta, ok := a.Transport.(*http.Transport)
	require.True(t, ok, "transport is %T, not *http.Transport", a.Transport)
	tb, ok := b.Transport.(*http.Transport)
	require.True(t, ok, "transport is %T, not *http.Transport", b.Transport)
	require.NotSame(t, a, b)
	require.NotSame(t, ta, tb)

	ta.TLSClientConfig = &tls.Config{RootCAs: x509.NewCertPool()} // what such a session does
	require.Nil(t, tb.TLSClientConfig, "the other client's transport is untouched")
	status, _, body, err := post(t, context.Background(), a, "https://awsfake.invalid/", "SageMaker.ListActions", `{}`)
	require.NoError(t, err)
	require.Equal(t, 200, status, body)
}

// Real SDK v2 clients can use it too, and their signatures check: the Host header that was
// signed survives the trip through HTTP/1.1 on the pipe.
func TestHTTPClientCarriesSignedRequests(t *testing.T) {
	t.Parallel()
	f := fake.ForTest(t, fake.WithCredentials("AKIDEXAMPLE", "secret"))
	cfg := f.AWSConfig()
	cfg.HTTPClient = f.HTTPClient()
	_, err := sagemaker.NewFromConfig(cfg).ListActions(context.Background(), &sagemaker.ListActionsInput{})
	require.NoError(t, err)

	cfg.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "wrong"}, nil
	})
	_, err = sagemaker.NewFromConfig(cfg).ListActions(context.Background(), &sagemaker.ListActionsInput{})
	require.ErrorContains(t, err, "InvalidSignatureException", "a wrong signature is still refused")
}

// A request that the transport would keep from its registered protocols (an https upgrade)
// fails at once instead of dialling the host.
func TestHTTPClientNeverDials(t *testing.T) {
	t.Parallel()
	f := fake.ForTest(t)
	req, err := http.NewRequest(http.MethodGet, "https://127.0.0.1:1/", nil) // loopback: never off this machine
	require.NoError(t, err)
	req.Header.Set("Connection", "Upgrade")
	req.Header.Set("Upgrade", "websocket")
	_, err = f.HTTPClient().Do(req)
	require.ErrorContains(t, err, "opens no connection")
}

// Inside a synctest bubble, synctest.Test fails if any goroutine the calls started is still
// blocked when the test function returns: a call must leave no goroutine behind.
func TestHTTPClientLeavesNoGoroutines(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		f := fake.New(fake.WithMaxBody(4096))
		c := f.HTTPClient()
		for _, body := range []string{`{"ActionName":"a","ActionType":"t","Source":{"SourceUri":"s3://x"}}`, `{"ActionName":`, strings.Repeat(" ", 5000)} {
			_, _, _, err := post(t, context.Background(), c, "http://awsfake.invalid/", "SageMaker.CreateAction", body)
			require.NoError(t, err)
		}
	})
}

// A call that the client gives up on is cancelled in the fake too, instead of waiting forever
// on a scenario's delay on a mock clock that no one moves.
func TestHTTPClientCancelsTheCallWhenTheClientGivesUp(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		s := scenario.New()
		s.On("sagemaker", "ListActions").Delay(time.Hour)
		f := fake.New(fake.WithClock(clock.NewMock()), fake.WithScenario(s))
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			_, _, _, err := post(t, ctx, f.HTTPClient(), "http://awsfake.invalid/", "SageMaker.ListActions", `{}`)
			done <- err
		}()
		synctest.Wait() // the call waits on the mock clock
		cancel()
		require.ErrorIs(t, <-done, context.Canceled)
		synctest.Wait()
		require.Empty(t, f.CallsTo("sagemaker", "ListActions"), "the cancelled call never ran")
	})
}

// BenchmarkHTTPClient is one call through f.HTTPClient()'s transport, beside the same call on
// AWSConfig's direct client.
func BenchmarkHTTPClient(b *testing.B) {
	f := fake.New()
	for _, c := range []struct {
		name   string
		client *http.Client
	}{
		{"HTTPClient", f.HTTPClient()},
		{"AWSConfig", &http.Client{Transport: f.AWSConfig().HTTPClient.(http.RoundTripper)}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req, _ := http.NewRequest(http.MethodPost, "http://awsfake.invalid/", strings.NewReader(`{"ActionName":"missing"}`))
				req.Header.Set("X-Amz-Target", "SageMaker.DescribeAction")
				req.Header.Set("Content-Type", "application/x-amz-json-1.1")
				resp, err := c.client.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
}
