package wire

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/benbjohnson/clock"

	"github.com/awsfake/awsfake/internal/engine"
)

// FuzzWireRequest sends arbitrary requests (method, path, target, content type, signature
// and body) to the wire door. Invariants: no panic; every answer is a success with a JSON
// body, or a 4xx AWS error whose X-Amzn-ErrorType header and __type agree, with a message;
// and a request that fails changes no state.
func FuzzWireRequest(f *testing.F) {
	seeds := []struct{ method, path, target, ct, auth, body string }{
		{"POST", "/", "SageMaker.CreateAction", "application/x-amz-json-1.1", "", `{"ActionName":"a","ActionType":"t","Source":{"SourceUri":"s3://x"}}`},
		{"POST", "/", "SageMaker.ListActions", "application/x-amz-json-1.1", "", `{"SortBy":"Name","MaxResults":5}`},
		{"POST", "/", "AmazonPersonalize.CreateDatasetGroup", "application/x-amz-json-1.1", "", `{"name":"g","tags":[{"tagKey":"k","tagValue":"v"}]}`},
		{"POST", "/", "AmazonPersonalize.CreateEventTracker", "application/x-amz-json-1.1", "", `{"name":"t","datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/g"}`},
		{"POST", "/events", "", "application/json", "", `{"trackingId":"t","sessionId":"s","eventList":[{"eventType":"e","sentAt":1}]}`},
		{"GET", "/", "SageMaker.CreateAction", "", "", ``},
		{"POST", "/", "SageMaker.DescribeAction", "application/x-amz-json-1.1", "AWS4-HMAC-SHA256 Credential=111122223333/20261121/eu-west-1/sagemaker/aws4_request, Signature=x", `{"ActionName":"a"}`},
		{"POST", "/", "SageMaker.", "application/x-amz-json-1.1", "Credential=//", `[]`},
		{"POST", "/", "Nope.Nope", "text/plain", "", "\xff\xfe"},
	}
	for _, s := range seeds {
		f.Add(s.method, s.path, s.target, s.ct, s.auth, []byte(s.body))
	}
	f.Fuzz(func(t *testing.T, method, path, target, ct, auth string, body []byte) {
		if _, err := url.ParseRequestURI(path); err != nil || !validMethod(method) || !strings.HasPrefix(path, "/") || strings.ContainsAny(path, " \r\n\t?#") {
			return // not a request net/http would hand a handler
		}
		e := engine.New(engine.Config{Clock: clock.NewMock(), Seed: 1})
		h := &Handler{Engine: e, RequestID: func() string { return "id" }, MaxBody: 4096}
		for _, warm := range []string{"SageMaker.CreateAction", "AmazonPersonalize.CreateDatasetGroup"} {
			// Some state for failed calls to leave alone.
			req := httptest.NewRequest("POST", "/", strings.NewReader(`{"ActionName":"a","ActionType":"t","Source":{"SourceUri":"s3://x"},"name":"g"}`))
			req.Header.Set("X-Amz-Target", warm)
			req.Header.Set("Content-Type", "application/x-amz-json-1.1")
			h.ServeHTTP(httptest.NewRecorder(), req)
		}
		before := e.Digest()

		req := httptest.NewRequest(method, path, bytes.NewReader(body))
		set := func(k, v string) {
			if v != "" && !strings.ContainsAny(v, "\r\n\x00") {
				req.Header.Set(k, v)
			}
		}
		set("X-Amz-Target", target)
		set("Content-Type", ct)
		set("Authorization", auth)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)

		if rec.Code == http.StatusOK {
			if b := rec.Body.Bytes(); len(b) > 0 && !json.Valid(b) {
				t.Fatalf("200 with a body that is not JSON: %q", b)
			}
			return
		}
		if rec.Code < 400 || rec.Code > 499 {
			t.Fatalf("status %d for %s %s %q", rec.Code, method, target, body)
		}
		var doc struct {
			Type    string `json:"__type"`
			Message string `json:"message"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
			t.Fatalf("error body is not JSON: %q", rec.Body.String())
		}
		if doc.Type == "" || doc.Type != rec.Header().Get("X-Amzn-Errortype") || doc.Message == "" {
			t.Fatalf("malformed error: header %q, body %q", rec.Header().Get("X-Amzn-Errortype"), rec.Body.String())
		}
		if after := e.Digest(); after != before {
			t.Fatalf("a failed request (%s) changed the state", doc.Type)
		}
	})
}

func validMethod(m string) bool {
	if m == "" {
		return false
	}
	for i := 0; i < len(m); i++ {
		if c := m[i]; c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}
