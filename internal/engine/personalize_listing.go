package engine

import (
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
)

// What the Personalize operations share: the not-found error, and listings.

func resourceNotFound(arn string) *Error {
	return notFound(Personalize, "Could not find resource: %s", arn)
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
