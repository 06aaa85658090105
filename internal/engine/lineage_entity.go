package engine

import (
	"maps"
	"time"

	"github.com/awsfake/awsfake/internal/shape"
)

// What the lineage entities (actions, artifacts, contexts) share: listing, updating
// properties, and the filters of their listings.

// lineageList is the part of a lineage listing's input every kind has.
type lineageList struct {
	kind         string  // names the listing in its tokens: "actions", "artifacts", ...
	sortBy       *string // "CreationTime" (the default) or "Name"
	sortOrder    *string // "Ascending" or "Descending"
	ascByDefault bool    // ListLineageGroups' documented default; the others are Descending
	token        *string
	maxResults   *int32
}

// lineageTable pages through one kind's table, in creation order or by name.
func lineageTable[R resource](t *table[R], in lineageList, keep func(R) bool) ([]R, *string, *Error) {
	return lineagePage(t.view(in.byName()), in, keep)
}

func (in lineageList) byName() bool { return in.sortBy != nil && *in.sortBy == "Name" }

// lineagePage pages through items sorted as the listing asks, filtered before paging:
// MaxResults 1-100, default 10, and Ascending the exact reverse of Descending (one order,
// walked either way).
func lineagePage[R resource](items []R, in lineageList, keep func(R) bool) ([]R, *string, *Error) {
	byName := in.byName()
	asc := in.ascByDefault
	if in.sortOrder != nil {
		asc = *in.sortOrder == "Ascending"
	}
	l := listing[R]{
		items:  items,
		order:  byCreation,
		asc:    asc,
		kind:   in.kind,
		sortBy: "CreationTime",
		token:  in.token,
		limit:  pageSize(in.maxResults, 10),
		skip:   func(r R) bool { return !keep(r) },
		bad:    invalidSageMakerToken,
	}
	if byName {
		l.order, l.sortBy = byNameOrder, "Name"
	}
	return l.page()
}

func invalidSageMakerToken(tok string) *Error {
	return invalid(SageMaker, "Invalid pagination token: %s", tok)
}

// updatedProperties applies a lineage update to a properties map, without changing it: AWS
// documents Properties as "The new list of properties. Overwrites the current property list.",
// and PropertiesToRemove then deletes keys.
func updatedProperties(cur, replace map[string]string, remove []string) map[string]string {
	if replace != nil {
		cur = replace
	}
	if len(remove) > 0 && cur != nil {
		cur = maps.Clone(cur)
		for _, k := range remove {
			delete(cur, k)
		}
	}
	return cur
}

// createdWithin applies a listing's CreatedAfter and CreatedBefore filters, both inclusive
// ("on or after", "on or before").
func createdWithin(t time.Time, after, before *shape.Time) bool {
	return (after == nil || !t.Before(after.Time)) && (before == nil || !t.After(before.Time))
}
