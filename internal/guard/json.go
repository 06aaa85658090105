package guard

import (
	"fmt"
	"mime"
	"net/http"
)

// RequireJSON refuses, with 415 and a control error, a request that may change state (any
// method but GET, HEAD and OPTIONS) unless its Content-Type is application/json (parameters
// such as charset allowed). A web page can send a cross-site POST only as text/plain, a form,
// or without a body and type, all without asking first; application/json needs a preflight,
// which the guard refuses to an origin not listed. It is meant for the control endpoints,
// which take JSON; the wire door checks the content types of its own protocols.
func RequireJSON(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			next.ServeHTTP(w, r)
			return
		}
		ct := r.Header.Get("Content-Type")
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			WriteControlError(w, http.StatusUnsupportedMediaType, fmt.Sprintf(
				"%s %s takes Content-Type: application/json, not %q, so that no web page can send it as a simple cross-site request; "+
					"send the header even with an empty body (curl -H 'Content-Type: application/json')", r.Method, r.URL.Path, ct))
			return
		}
		next.ServeHTTP(w, r)
	})
}
