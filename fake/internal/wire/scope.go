package wire

import (
	"net/http"
	"strings"

	"github.com/awsfake/awsfake/fake/internal/engine"
)

// scopeOf reads where a request lands from its SigV4 credential scope
// (Credential=AKID/date/REGION/service/aws4_request): the Region, and the account when the
// access key id is 12 digits (as LocalStack does). Anything missing takes the default.
func scopeOf(r *http.Request) engine.Scope {
	auth := r.Header.Get("Authorization")
	_, cred, ok := strings.Cut(auth, "Credential=")
	if !ok {
		cred = r.URL.Query().Get("X-Amz-Credential")
	}
	cred, _, _ = strings.Cut(cred, ",")
	parts := strings.Split(strings.TrimSpace(cred), "/")
	var s engine.Scope
	if len(parts) >= 3 {
		s.Region = parts[2]
		if isAccountID(parts[0]) {
			s.Account = parts[0]
		}
	}
	return s
}

func isAccountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
