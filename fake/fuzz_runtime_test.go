package fake_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/awsfake/awsfake/fake"
)

// runtimeFuzzFake is one fake with the worked example's campaigns (user personalization, SIMS,
// ranking) and filters, made by the first fuzz input and shared by the rest: the runtime
// operations only read.
var runtimeFuzzFake struct {
	once sync.Once
	f    *fake.Fake
}

// FuzzRuntimeRequest posts arbitrary bodies to the Personalize Runtime routes. Invariants: no
// panic; 200 with a recommendationId and at most the items asked for, or 400/404 with a code
// the model declares (or the wire door's SerializationException), never a 5xx.
func FuzzRuntimeRequest(f *testing.F) {
	const up = `arn:aws:personalize:us-east-1:123456789012:campaign/up`
	for _, seed := range []struct {
		route uint8
		body  string
	}{
		{0, `{"campaignArn":"` + up + `","userId":"u1"}`},
		{0, `{"campaignArn":"` + up + `","userId":"u1","numResults":2,"filterArn":"arn:aws:personalize:us-east-1:123456789012:filter/genres","filterValues":{"G":"\"x\""}}`},
		{0, `{"campaignArn":"arn:aws:personalize:us-east-1:123456789012:campaign/sims","itemId":"A","promotions":[{"name":"p","percentPromotedItems":50,"filterArn":"arn:aws:personalize:us-east-1:123456789012:filter/clicked"}]}`},
		{0, `{"campaignArn":"` + up + `","userId":"u1","metadataColumns":{"ITEMS":["GENRES"]},"context":{"a":"b"}}`},
		{1, `{"campaignArn":"arn:aws:personalize:us-east-1:123456789012:campaign/rank","userId":"u1","inputList":["A","X","A"]}`},
		{2, `{"campaignArn":"` + up + `","userId":"u1","numResults":3}`},
		{0, `{"recommenderArn":"arn:aws:personalize:us-east-1:123456789012:recommender/r"}`},
		{0, `{}`}, {0, ``}, {1, `[]`},
	} {
		f.Add(seed.route, seed.body)
	}
	routes := []string{"/recommendations", "/personalize-ranking", "/action-recommendations"}
	f.Fuzz(func(t *testing.T, route uint8, body string) {
		runtimeFuzzFake.once.Do(func() {
			clk := mockClock()
			fk := fake.New(fake.WithClock(clk), fake.WithSmallDatasets(), fake.WithCallLog(-1))
			e := &rtEnv{pzEnv: &pzEnv{f: fk, pz: fk.Personalize(), ev: fk.PersonalizeEvents(), clk: clk, ctx: context.Background()}, rt: fk.PersonalizeRuntime()}
			e.example(t)
			e.deploy(t, "up", "aws-user-personalization", nil)
			e.deploy(t, "sims", "aws-sims", nil)
			e.deploy(t, "rank", "aws-personalized-ranking", nil)
			e.filter(t, "clicked", e.group, `EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ("click")`)
			e.filter(t, "genres", e.group, `INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ($G)`)
			clk.Add(5 * time.Minute)
			runtimeFuzzFake.f = fk
		})
		if runtimeFuzzFake.f == nil {
			t.Skip("the shared fake could not be made")
		}
		path := routes[int(route)%len(routes)]
		req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		runtimeFuzzFake.f.Handler().ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK:
			var out struct {
				RecommendationID string            `json:"recommendationId"`
				Items            []json.RawMessage `json:"itemList"`
				Ranking          []json.RawMessage `json:"personalizedRanking"`
				Actions          []json.RawMessage `json:"actionList"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || !strings.HasPrefix(out.RecommendationID, "RID-") {
				t.Fatalf("POST %s %q: 200 with %s (%v)", path, body, rec.Body, err)
			}
			if len(out.Items) > 500 || len(out.Actions) > 100 || len(out.Ranking) > 500 {
				t.Fatalf("POST %s %q: too long an answer", path, body)
			}
		case http.StatusBadRequest, http.StatusNotFound:
			code := rec.Header().Get("X-Amzn-Errortype")
			if code != "InvalidInputException" && code != "ResourceNotFoundException" && code != "SerializationException" {
				t.Fatalf("POST %s %q: %d %s %s", path, body, rec.Code, code, rec.Body)
			}
			if (rec.Code == http.StatusNotFound) != (code == "ResourceNotFoundException") {
				t.Fatalf("POST %s %q: %s with status %d", path, body, code, rec.Code)
			}
		default:
			t.Fatalf("POST %s %q: %d %s", path, body, rec.Code, rec.Body)
		}
	})
}
