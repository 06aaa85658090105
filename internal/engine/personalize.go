package engine

import (
	"fmt"
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
)

// Helpers the Personalize operations share: generated ids, the not-found error, and listings.

func resourceNotFound(arn string) *Error {
	return notFound(Personalize, "Could not find resource: %s", arn)
}

// newID returns n random lowercase hex digits from the engine's seeded source. mu held.
func (e *Engine) newID(n int) string {
	const hex = "0123456789abcdef"
	b := make([]byte, n)
	for i := range b {
		b[i] = hex[e.rng.IntN(16)]
	}
	return string(b)
}

// newUUID returns a lowercase UUID version 4 from the engine's seeded source. mu held.
func (e *Engine) newUUID() string {
	hi, lo := e.rng.Uint64(), e.rng.Uint64()
	hi = hi&^0xf000 | 0x4000     // version 4
	lo = lo&^(0xc<<60) | 0x8<<60 // RFC 4122 variant
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", hi>>32, hi>>16&0xffff, hi&0xffff, lo>>48, lo&0xffffffffffff)
}

func invalidNextToken(tok string) *Error {
	return Errorf(catalog.InvalidNextToken, 0, "The next token is invalid: %s", tok)
}

// newestFirst pages through a Personalize kind newest first, as its listings do (a documented
// guess at their order), 100 per page unless maxResults says fewer (a documented guess; the
// models cap it at 100 and AWS states no default). It forgets resources whose deletion finished
// and leaves out those keep refuses (nil keeps all); items, when not nil, replaces the table's
// own view (a listing narrowed by an index).
func newestFirst[R lived](t *table[R], items []R, kind string, token *string, maxResults *int32, now time.Time, keep func(R) bool) ([]R, *string, *Error) {
	if items == nil {
		items = t.view(false)
	}
	return listing[R]{
		items: items, order: byCreation, kind: kind, sortBy: "CreationTime", token: token,
		limit: pageSize(maxResults, 100), bad: invalidNextToken,
		skip: func(r R) bool {
			if gone(r, now) {
				t.purge(r) // the view stays valid: purging only flags it
				return true
			}
			return keep != nil && !keep(r)
		},
	}.page()
}
