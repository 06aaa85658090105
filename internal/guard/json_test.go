package guard

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRequireJSON(t *testing.T) {
	t.Parallel()
	h := RequireJSON(served)
	for _, tc := range []struct {
		method, ct string
		status     int
	}{
		{"POST", "application/json", 200},
		{"POST", "application/json; charset=utf-8", 200},
		{"POST", "Application/JSON", 200},
		{"DELETE", "application/json", 200},
		{"GET", "", 200},
		{"HEAD", "text/plain", 200},
		{"OPTIONS", "", 200},
		{"POST", "text/plain", 415},
		{"POST", "text/plain; charset=utf-8", 415},
		{"POST", "application/x-www-form-urlencoded", 415},
		{"POST", "multipart/form-data; boundary=x", 415},
		{"POST", "", 415},
		{"POST", "application/jsonx", 415},
		{"POST", "application/json;;", 415},
		{"DELETE", "", 415},
		{"PUT", "text/plain", 415},
	} {
		t.Run(tc.method+" "+tc.ct, func(t *testing.T) {
			t.Parallel()
			r := httptest.NewRequest(tc.method, "/_fake/reset", strings.NewReader("{}"))
			if tc.ct != "" {
				r.Header.Set("Content-Type", tc.ct)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			require.Equal(t, tc.status, w.Code, w.Body.String())
			if tc.status == http.StatusUnsupportedMediaType {
				var doc map[string]string
				require.NoError(t, json.Unmarshal(w.Body.Bytes(), &doc))
				require.Contains(t, doc["error"], "Content-Type: application/json")
				require.Contains(t, doc["error"], tc.method+" /_fake/reset")
				require.Equal(t, "application/json", w.Header().Get("Content-Type"))
			}
		})
	}
}
