package wire

import (
	"net/http"
	"strings"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/engine"
)

// scopeOf reads where a request lands from its SigV4 credential scope
// (Credential=AKID/date/REGION/service/aws4_request): the Region, and the account when the
// access key id is 12 digits (as LocalStack does). Anything missing takes the default. A Region
// that is not in the form of a Region name (useast-1, us-east1) is refused rather than given a
// world of its own, where a mistyped Region would hide every resource the caller made before:
// with 403 InvalidSignatureException, what AWS answers a credential scoped to a Region it does
// not serve ("Credential should be scoped to a valid region"), which every SDK shows and none
// retries. The message names the Regions that hold resources.
func (h *Handler) scopeOf(r *http.Request) (engine.Scope, *engine.Error) {
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
	if !found {
		return s, nil // no credential scope: the defaults
	}
	if !catalog.ValidRegion(region) {
		return s, engine.Errorf("InvalidSignatureException", http.StatusForbidden,
			"Credential should be scoped to a valid region, not '%s'. (awsfake: %s)", region, catalog.RegionError(region, h.Engine.Regions()))
	}
	s.Region = region
	if catalog.ValidAccount(key) {
		s.Account = key
	}
	return s, nil
}
