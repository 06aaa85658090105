package fake_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/sagemaker"

	"github.com/awsfake/awsfake/fake"
)

// FuzzScenarioJSON posts arbitrary documents to POST /_fake/scenario, the way a test in
// another language installs faults and seeds. Invariants: no panic; the answer is 200 or a
// 4xx with an error, never a 5xx; and a refused scenario leaves nothing behind (no seeded
// resource, no rule).
func FuzzScenarioJSON(f *testing.F) {
	for _, doc := range []string{
		`{"rules":[{"service":"personalize","operation":"CreateEventTracker","times":1,"error":{"code":"LimitExceededException","message":"injected"}}]}`,
		`{"rules":[{"service":"sagemaker","operation":"CreateAction","nth":2,"lostResponse":true,"error":{"code":"InternalFailure","status":500}}]}`,
		`{"rules":[{"service":"sagemaker","operation":"ListActions","probability":0.5,"seed":7,"delay":"0s","error":{"code":"ThrottlingException"}}]}`,
		`{"rules":[{"service":"personalize","operation":"CreateDatasetGroup","failCreation":"boom","match":{"name":"g"}}]}`,
		`{"seeds":{"actions":[{"name":"a1","tags":{"team":"ml"}}],"datasetGroups":[{"name":"shop","eventTracker":{"name":"t","id":"0a1b2c3d"}}]}}`,
		`{"seeds":{"actions":[{"name":"a1"},{"name":"a1"}]}}`,
		`{"seeds":{"datasetGroups":[{"name":"g","status":"CREATE IN_PROGRESS","region":"eu-west-1"}]}}`,
		`{"rules":[{"service":"sagemaker","operation":"CreateAction"}]}`,
		`{}`, `[]`, `{"rules":null}`, ``,
	} {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		fk := fake.New()
		h := fk.Handler()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/_fake/scenario", strings.NewReader(doc)))
		switch {
		case rec.Code == http.StatusOK:
			return
		case rec.Code < 400 || rec.Code > 499 || !strings.Contains(rec.Body.String(), `"error"`):
			t.Fatalf("POST /_fake/scenario %q answered %d %s", doc, rec.Code, rec.Body)
		}
		out, err := fk.SageMaker().ListActions(context.Background(), &sagemaker.ListActionsInput{})
		if err != nil || len(out.ActionSummaries) != 0 {
			t.Fatalf("refused scenario %q left a rule or an action behind: %v %v", doc, out, err)
		}
		for _, target := range []string{"AmazonPersonalize.ListDatasetGroups", "AmazonPersonalize.ListEventTrackers"} {
			req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(`{}`))
			req.Header.Set("X-Amz-Target", target)
			req.Header.Set("Content-Type", "application/x-amz-json-1.1")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if body := rec.Body.String(); rec.Code != http.StatusOK || strings.Contains(body, "arn:") {
				t.Fatalf("refused scenario %q left a resource behind: %s %d %s", doc, target, rec.Code, body)
			}
		}
	})
}
