package engine

import (
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
	const hex = "0123456789abcdef"
	var b [36]byte
	bits := [2]uint64{hi, lo}
	for i, n := 0, 0; i < 36; i++ {
		if i == 8 || i == 13 || i == 18 || i == 23 {
			b[i] = '-'
			continue
		}
		b[i] = hex[bits[n/16]>>(60-4*(n%16))&0xf]
		n++
	}
	return string(b[:])
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
