package wire

import (
	"net/http"
	"strings"

	"github.com/awsfake/awsfake/internal/catalog"
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
	// A garbled signature cannot put odd text into ARNs: anything but a Region name takes the default.
	if found && catalog.ValidRegion(region) {
		s.Region = region
		if catalog.ValidAccount(key) {
			s.Account = key
		}
	}
	return s
}
