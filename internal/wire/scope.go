package wire

import (
	"net/http"
	"strings"

	"github.com/awsfake/awsfake/internal/engine"
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
	key, rest, _ := strings.Cut(strings.TrimSpace(cred), "/")
	_, rest, _ = strings.Cut(rest, "/") // the date
	region, _, found := strings.Cut(rest, "/")
	var s engine.Scope
	if found && isRegion(region) {
		s.Region = region
		if isAccountID(key) {
			s.Account = key
		}
	}
	return s
}

// isRegion accepts what a Region name can be (lowercase letters, digits, hyphens), so that
// a garbled signature cannot put odd text into ARNs; anything else takes the default.
func isRegion(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
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
