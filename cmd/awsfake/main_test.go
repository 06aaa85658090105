package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"
)

// running is cmd/awsfake running in the test: its base URL, a way to stop it, and where its
// exit status arrives.
type running struct {
	url  string
	stop chan struct{}
	done chan error
}

// startServer runs the command with args and waits for the URL it prints first.
func startServer(t *testing.T, args ...string) *running {
	t.Helper()
	return startServerTo(t, io.Discard, args...)
}

// startServerTo is startServer with the command's standard error written to stderr.
func startServerTo(t *testing.T, stderr io.Writer, args ...string) *running {
	t.Helper()
	pr, pw := io.Pipe()
	s := &running{stop: make(chan struct{}), done: make(chan error, 1)}
	go func() {
		s.done <- run(args, pw, stderr, s.stop)
		pw.Close()
	}()
	r := bufio.NewReader(pr)
	url, err := r.ReadString('\n')
	require.NoError(t, err)
	go func() { _, _ = io.Copy(io.Discard, r) }()
	s.url = strings.TrimSpace(url)
	return s
}

// dial opens a raw connection to the server.
func (s *running) dial(t *testing.T) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(s.url, "http://"))
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close() })
	return conn
}

func TestServeAndStop(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "-addr", "127.0.0.1:0", "-clock", "manual", "-region", "eu-west-1")
	url, stop, done := srv.url, srv.stop, srv.done
	require.True(t, strings.HasPrefix(url, "http://127.0.0.1:"), url)

	client := sagemaker.New(sagemaker.Options{
		Region:       "eu-west-1",
		BaseEndpoint: aws.String(url),
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "123456789012", SecretAccessKey: "x"}, nil
		}),
	})
	out, err := client.CreateAction(context.Background(), &sagemaker.CreateActionInput{
		ActionName: aws.String("over-tcp"), ActionType: aws.String("t"),
		Source: &types.ActionSource{SourceUri: aws.String("s3://x")},
	})
	require.NoError(t, err)
	require.Equal(t, "arn:aws:sagemaker:eu-west-1:123456789012:action/over-tcp", aws.ToString(out.ActionArn))

	close(stop)
	require.NoError(t, <-done)
}

func TestFlags(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-clock", "fast"}, "-clock must be real or manual"},
		{[]string{"-nope"}, "not defined"},
		{[]string{"extra"}, "unexpected arguments"},
		{[]string{"-addr", "256.0.0.1:1"}, "256.0.0.1"},
		{[]string{"-credentials", "nocolon"}, "AKID:SECRET"},
		{[]string{"-account", "test"}, "account id is 12 digits"},
		{[]string{"-region", "Mars"}, "not a Region name"},
		{[]string{"-max-body", "-1"}, "-max-body"},
		{[]string{"-state-interval", "0s"}, "-state-interval must be positive"},
		{[]string{"-call-log", "-1"}, "-call-log must not be negative"},
		{[]string{"-quota", "actions"}, "want NAME=N"},
		{[]string{"-quota", "actions=many"}, "want NAME=N"},
		{[]string{"-quota", "widgets=3"}, `no kind of resource "widgets"`},
		{[]string{"-quota", "contexts=-1"}, "must not be negative"},
	} {
		err := run(c.args, io.Discard, io.Discard, nil)
		require.ErrorContains(t, err, c.want, "%v", c.args)
	}
}

func TestQuotaFlags(t *testing.T) {
	t.Parallel()
	var help strings.Builder
	require.Error(t, run([]string{"-help"}, io.Discard, &help, nil))
	require.Contains(t, help.String(), "-quota NAME=N")
	require.Contains(t, help.String(), "actions=3000, artifacts=6000, contexts=500, associations=6000, dataset-groups=5, schemas=500, tags=50; per experiment: trials=300; per dataset group: solutions=10")

	srv := startServer(t, "-addr", "127.0.0.1:0", "-quota", "contexts=1", "-quota", "actions=1", "-quota", "contexts=2")
	defer func() { close(srv.stop); require.NoError(t, <-srv.done) }()
	client := sagemaker.New(sagemaker.Options{
		Region: "us-east-1", BaseEndpoint: aws.String(srv.url),
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "123456789012", SecretAccessKey: "x"}, nil
		}),
	})
	ctx := context.Background()
	for i := range 3 {
		_, err := client.CreateContext(ctx, &sagemaker.CreateContextInput{ContextName: aws.String("c" + strconv.Itoa(i)),
			ContextType: aws.String("Endpoint"), Source: &types.ContextSource{SourceUri: aws.String("s3://x")}})
		if i < 2 {
			require.NoError(t, err, "the last -quota of a kind wins")
			continue
		}
		var rle *types.ResourceLimitExceeded
		require.ErrorAs(t, err, &rle)
	}
	for i := range 2 {
		_, err := client.CreateAction(ctx, &sagemaker.CreateActionInput{ActionName: aws.String("a" + strconv.Itoa(i)),
			ActionType: aws.String("t"), Source: &types.ActionSource{SourceUri: aws.String("s3://x")}})
		if i == 0 {
			require.NoError(t, err)
			continue
		}
		var rle *types.ResourceLimitExceeded
		require.ErrorAs(t, err, &rle, "each kind takes its own flag")
	}
}

// TestShutdownDrainsInFlightRequests stops the server while a request's handler is waiting for
// its body, and checks that the request is still answered before the server exits. The client
// asks for "100 Continue", which the server sends only once the handler reads the body: that
// is how the test knows the request is in flight.
func TestShutdownDrainsInFlightRequests(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "-addr", "127.0.0.1:0")
	stop, done := srv.stop, srv.done
	conn := srv.dial(t)
	r := bufio.NewReader(conn)

	body := `{"ActionName":"in-flight","ActionType":"t","Source":{"SourceUri":"s3://x"}}`
	_, err := conn.Write([]byte("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: SageMaker.CreateAction\r\n" +
		"Content-Type: application/x-amz-json-1.1\r\nExpect: 100-continue\r\nContent-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n"))
	require.NoError(t, err)
	line, err := r.ReadString('\n')
	require.NoError(t, err)
	require.Equal(t, "HTTP/1.1 100 Continue\r\n", line)
	_, _ = r.ReadString('\n') // the blank line after it

	close(stop) // shut down with the request in flight
	select {
	case err := <-done:
		t.Fatalf("the server exited with a request in flight: %v", err)
	default:
	}
	_, err = conn.Write([]byte(body))
	require.NoError(t, err)
	resp, err := http.ReadResponse(r, nil)
	require.NoError(t, err)
	require.Equal(t, 200, resp.StatusCode)
	b, _ := io.ReadAll(resp.Body)
	require.Contains(t, string(b), "action/in-flight")
	require.NoError(t, <-done)
}

// TestSlowClientIsCut opens a connection that never finishes its headers and checks that the
// server closes it once the header timeout passes (a real-time network timeout, kept short).
func TestSlowClientIsCut(t *testing.T) {
	t.Parallel()
	srv := startServer(t, "-addr", "127.0.0.1:0", "-read-header-timeout", "200ms")
	stop, done := srv.stop, srv.done
	conn := srv.dial(t)
	_, err := conn.Write([]byte("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n")) // and then nothing
	require.NoError(t, err)
	// A bound on the wait, so a server that never cuts the client fails the test.
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(10*time.Second)))
	_, err = io.ReadAll(conn)
	require.NoError(t, err, "the server closed the connection (no read deadline error)")
	close(stop)
	require.NoError(t, <-done)
}

// A setting out of range is an error in the command line's words: the flag and its value, no
// Go option's name and no doubled prefix (it once printed "awsfake: awsfake: WithQuota: ...").
func TestSettingsOutOfRangeAreFlagErrors(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-account", "x"}, `-account: an account id is 12 digits, not "x"`},
		{[]string{"-quota", "contexts=-1"}, "-quota contexts=-1: a quota must not be negative"},
		{[]string{"-quota", "action=5"}, `-quota action=5: no kind of resource "action" (the kinds: actions, artifacts, contexts`},
		{[]string{"-region", "us-east1"}, `-region: "us-east1" is not a Region name: a Region name has the form area-word-number`},
		{[]string{"-max-body", "-1"}, "-max-body: -1 is negative"},
		{[]string{"-allow-host", "http://x/"}, "-allow-host: allowed host"},
		{[]string{"-cors-origin", "http://x/path"}, "-cors-origin: origin"},
	} {
		err := run(append([]string{"-addr", "127.0.0.1:0"}, c.args...), io.Discard, io.Discard, nil)
		require.ErrorContains(t, err, c.want, "%v", c.args)
		require.NotContains(t, err.Error(), "With", "no Go option's name on the command line")
		require.NotContains(t, err.Error(), "awsfake:", "main adds the one prefix")
	}
}
