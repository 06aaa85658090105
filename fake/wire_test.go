package fake_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// rawCall sends one hand-made request to the wire door.
func rawCall(t *testing.T, h http.Handler, method, path string, headers map[string]string, body string) (int, http.Header, map[string]any) {
	t.Helper()
	status, hdr, b := rawCallBytes(t, h, method, path, headers, body)
	var doc map[string]any
	if len(b) > 0 {
		require.NoError(t, json.Unmarshal(b, &doc), "body %q", b)
	}
	return status, hdr, doc
}

// rawCallBytes serves one request and returns the response as it is.
func rawCallBytes(t *testing.T, h http.Handler, method, path string, headers map[string]string, body string) (int, http.Header, []byte) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	b, err := io.ReadAll(rec.Body)
	require.NoError(t, err)
	return rec.Code, rec.Header(), b
}

// jsonContent is the header every state-changing control endpoint and Personalize Events' REST
// routes require.
var jsonContent = map[string]string{"Content-Type": "application/json"}

func jsonHeaders(target string) map[string]string {
	return map[string]string{"X-Amz-Target": target, "Content-Type": "application/x-amz-json-1.1"}
}

func TestWireRejectsBadRequests(t *testing.T) {
	t.Parallel()
	f := fake.New(fake.WithMaxBody(4096))
	h := f.Handler()
	good := `{"ActionName":"a","ActionType":"t","Source":{"SourceUri":"s3://x"}}`
	cases := []struct {
		name    string
		method  string
		path    string
		headers map[string]string
		body    string
		status  int
		code    string
		message string
		ctype   string // the response's Content-Type, when it is not AWS JSON 1.1's
	}{
		{"malformed json", "POST", "/", jsonHeaders("SageMaker.CreateAction"), `{"ActionName":`, 400, "SerializationException", "Malformed JSON", ""},
		{"not an object", "POST", "/", jsonHeaders("SageMaker.CreateAction"), `[1,2]`, 400, "SerializationException", "JSON object", ""},
		{"wrong member type", "POST", "/", jsonHeaders("SageMaker.CreateAction"), `{"ActionName":5}`, 400, "SerializationException", "ActionName", ""},
		{"bad timestamp", "POST", "/", jsonHeaders("SageMaker.ListActions"), `{"CreatedAfter":"yesterday"}`, 400, "SerializationException", "epoch seconds", ""},
		{"wrong content type", "POST", "/", map[string]string{"X-Amz-Target": "SageMaker.CreateAction", "Content-Type": "text/plain"}, good, 400, "SerializationException", "application/x-amz-json-1.1", ""},
		{"no target", "POST", "/", map[string]string{"Content-Type": "application/x-amz-json-1.1"}, good, 400, "UnknownOperationException", "X-Amz-Target", ""},
		{"unknown service", "POST", "/", jsonHeaders("DynamoDB_20120810.GetItem"), `{}`, 400, "UnknownOperationException", "DynamoDB_20120810.GetItem", ""},
		{"unsupported operation", "POST", "/", jsonHeaders("SageMaker.CreateTrainingJob"), `{}`, 400, "UnknownOperationException", "SageMaker.CreateTrainingJob", ""},
		{"wrong method", "GET", "/", jsonHeaders("SageMaker.CreateAction"), good, 400, "UnknownOperationException", "POST", ""},
		{"oversized body", "POST", "/", jsonHeaders("SageMaker.CreateAction"), `{"Description":"` + strings.Repeat("x", 5000) + `"}`, 413, "RequestEntityTooLargeException", "4096", ""},
		// REST-JSON answers its errors as application/json, as Personalize Events does.
		{"rest-json malformed", "POST", "/events", map[string]string{"Content-Type": "application/json"}, `{"trackingId":`, 400, "SerializationException", "Malformed JSON", "application/json"},
		{"rest-json invalid", "POST", "/events", map[string]string{"Content-Type": "application/json"}, `{}`, 400, "InvalidInputException", "at 'trackingId'", "application/json"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, hdr, doc := rawCall(t, h, c.method, c.path, c.headers, c.body)
			require.Equal(t, c.status, status)
			require.Equal(t, c.code, hdr.Get("X-Amzn-Errortype"))
			require.Equal(t, c.code, doc["__type"])
			require.Contains(t, doc["message"], c.message)
			require.NotEmpty(t, hdr.Get("X-Amzn-Requestid"))
			ctype := c.ctype
			if ctype == "" {
				ctype = "application/x-amz-json-1.1"
			}
			require.Equal(t, ctype, hdr.Get("Content-Type"))
		})
	}
	// None of them changed anything.
	_, err := f.SageMaker().DescribeAction(context.Background(), &sagemaker.DescribeActionInput{ActionName: aws.String("a")})
	requireCode(t, err, "ResourceNotFound")
}

func TestWireEmptyBodyIsAnEmptyStructure(t *testing.T) {
	t.Parallel()
	h := fake.New().Handler()
	status, _, doc := rawCall(t, h, "POST", "/", jsonHeaders("SageMaker.ListActions"), "")
	require.Equal(t, 200, status)
	require.Equal(t, []any{}, doc["ActionSummaries"])
	status, _, doc = rawCall(t, h, "POST", "/", jsonHeaders("SageMaker.DescribeAction"), "")
	require.Equal(t, 400, status)
	require.Equal(t, "1 validation error detected: Value null at 'actionName' failed to satisfy constraint: Member must not be null", doc["message"])
}

func TestWireScopeFromSignature(t *testing.T) {
	t.Parallel()
	f := fake.New()
	h := f.Handler()
	body := `{"ActionName":"a","ActionType":"t","Source":{"SourceUri":"s3://x"}}`
	for _, c := range []struct{ auth, arn string }{
		{"", "arn:aws:sagemaker:us-east-1:123456789012:action/a"},
		{"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261121/eu-west-1/sagemaker/aws4_request, SignedHeaders=host, Signature=x", "arn:aws:sagemaker:eu-west-1:123456789012:action/a"},
		{"AWS4-HMAC-SHA256 Credential=111122223333/20261121/ap-south-1/sagemaker/aws4_request, SignedHeaders=host, Signature=x", "arn:aws:sagemaker:ap-south-1:111122223333:action/a"},
	} {
		headers := jsonHeaders("SageMaker.CreateAction")
		if c.auth != "" {
			headers["Authorization"] = c.auth
		}
		status, _, doc := rawCall(t, h, "POST", "/", headers, body)
		require.Equal(t, 200, status, "%v", doc)
		require.Equal(t, c.arn, doc["ActionArn"])
	}
}

func TestWireTimestampsAreEpochSeconds(t *testing.T) {
	t.Parallel()
	clk := mockClock()
	clk.Add(1234 * time.Millisecond)
	f := fake.New(fake.WithClock(clk))
	h := f.Handler()
	rawCall(t, h, "POST", "/", jsonHeaders("SageMaker.CreateAction"), `{"ActionName":"a","ActionType":"t","Source":{"SourceUri":"s3://x"}}`)
	_, _, doc := rawCall(t, h, "POST", "/", jsonHeaders("SageMaker.DescribeAction"), `{"ActionName":"a"}`)
	require.Equal(t, float64(start.Unix())+1.234, doc["CreationTime"])
	// Both integer and fractional seconds are accepted as input.
	for _, after := range []string{"1795262401", "1795262401.234", "1.795262401234e9"} {
		status, _, doc := rawCall(t, h, "POST", "/", jsonHeaders("SageMaker.ListActions"), `{"CreatedAfter":`+after+`}`)
		require.Equal(t, 200, status)
		require.Len(t, doc["ActionSummaries"], 1, after)
	}
}

func TestControlEndpoints(t *testing.T) {
	t.Parallel()
	clk := mockClock()
	f := fake.New(fake.WithClock(clk))
	h := f.Handler()
	status, _, doc := rawCall(t, h, "GET", "/_fake/health", nil, "")
	require.Equal(t, 200, status)
	require.Equal(t, "ok", doc["status"])
	_, _, doc = rawCall(t, h, "GET", "/_fake/clock", nil, "")
	require.Equal(t, "2026-11-21T12:00:00Z", doc["now"])
	status, _, doc = rawCall(t, h, "POST", "/_fake/clock/advance", jsonContent, `{"duration":"90s"}`)
	require.Equal(t, 200, status)
	require.Equal(t, "2026-11-21T12:01:30Z", doc["now"])
	require.Equal(t, start.Add(90*time.Second), clk.Now().UTC())
	status, _, _ = rawCall(t, h, "POST", "/_fake/clock/advance", jsonContent, `{"duration":"-5s"}`)
	require.Equal(t, 400, status)

	status, _, doc = rawCall(t, fake.New().Handler(), "POST", "/_fake/clock/advance", jsonContent, `{"duration":"5s"}`)
	require.Equal(t, 409, status, "the real clock cannot be advanced")
	require.Contains(t, doc["error"], "manual clock")

	_, err := f.SageMaker().CreateAction(context.Background(), newAction("x"))
	require.NoError(t, err)
	status, _, _ = rawCall(t, h, "POST", "/_fake/reset", jsonContent, "")
	require.Equal(t, 200, status)
	require.Empty(t, f.Calls())
	status, _, _ = rawCall(t, h, "GET", "/_fake/unknown", nil, "")
	require.Equal(t, 404, status)
}

func TestControlScenario(t *testing.T) {
	t.Parallel()
	f := fake.New()
	h := f.Handler()
	status, _, doc := rawCall(t, h, "POST", "/_fake/scenario", jsonContent,
		`{"rules":[{"service":"sagemaker","operation":"ListActions","times":1,"error":{"code":"ThrottlingException","message":"slow down"}}],
		  "seeds":{"actions":[{"name":"seeded"}]}}`)
	require.Equal(t, 200, status, "%v", doc)
	status, _, doc = rawCall(t, h, "POST", "/", jsonHeaders("SageMaker.ListActions"), `{}`)
	require.Equal(t, 400, status)
	require.Equal(t, "slow down", doc["message"])
	_, _, doc = rawCall(t, h, "POST", "/", jsonHeaders("SageMaker.ListActions"), `{}`)
	require.Len(t, doc["ActionSummaries"], 1, "the seeded action")

	status, _, doc = rawCall(t, h, "POST", "/_fake/scenario", jsonContent, `{"rules":[{"service":"sagemaker","operation":"Nope","error":{"code":"X"}}]}`)
	require.Equal(t, 400, status)
	require.Contains(t, doc["error"], "sagemaker.Nope")

	rawCall(t, h, "POST", "/_fake/scenario", jsonContent, `{"rules":[{"service":"sagemaker","operation":"ListActions","error":{"code":"ThrottlingException"}}]}`)
	status, _, _ = rawCall(t, h, "DELETE", "/_fake/scenario", jsonContent, "")
	require.Equal(t, 200, status)
	status, _, _ = rawCall(t, h, "POST", "/", jsonHeaders("SageMaker.ListActions"), `{}`)
	require.Equal(t, 200, status)
}

// A control body over the limit is refused whole with 413, as the wire door refuses one; it was
// cut at 1 MiB and then misread as malformed JSON. The server's limit is -max-control-body.
func TestControlBodyTooLarge(t *testing.T) {
	t.Parallel()
	h := fake.New(fake.WithMaxControlBody(1 << 20)).Handler()
	big := `{"rules": [], "seeds": {"actions": [{"name": "a"}]}` + strings.Repeat(" ", 1<<20) + `}`
	for _, path := range []string{"/_fake/scenario", "/_fake/clock/advance"} {
		status, _, doc := rawCall(t, h, "POST", path, jsonContent, big)
		require.Equal(t, http.StatusRequestEntityTooLarge, status, "%s: %v", path, doc)
		require.Equal(t, "the body is larger than 1048576 bytes (the server's -max-control-body)", doc["error"])
	}
}
