package search

import (
	"cmp"
	"slices"
	"strings"
)

// Order is a compiled SortBy and SortOrder.
type Order struct {
	p    prop
	desc bool
}

// NewOrder compiles Search's SortBy and SortOrder for resource. SortBy defaults to
// LastModifiedTime and SortOrder to Descending (the model's documentation). Any property a
// filter may name sorts, except a collection named whole. Errors are *Error.
func NewOrder(resource string, sortBy, sortOrder *string) (*Order, error) {
	cat, err := catalogueFor(resource)
	if err != nil {
		return nil, err
	}
	o := &Order{p: prop{kind: pTime, field: FieldLastModifiedTime}, desc: true}
	if sortOrder != nil {
		switch *sortOrder {
		case "Ascending":
			o.desc = false
		case "Descending":
		default:
			return nil, enumViolation(*sortOrder, "sortOrder", sortOrderEnum)
		}
	}
	if sortBy != nil {
		if err := checkLength(*sortBy, nil, "sortBy", 255); err != nil {
			return nil, err
		}
		p, ok := cat.resolve(*sortBy)
		if !ok {
			return nil, errUnknownProperty(*sortBy)
		}
		if p.kind == pContainer {
			return nil, errSortBy(*sortBy)
		}
		o.p = p
	}
	return o, nil
}

// Compare orders two records as Search returns them: by the sort property, records without it
// last in either order (as Elasticsearch, behind SageMaker Search, does by default), then by
// ARN so that the order is total and Ascending is the exact reverse of Descending among
// records that have the property (facts §11, decision 28). It returns a negative number when
// a comes first.
func (o *Order) Compare(a, b Record) int {
	return o.compareKeys(sortKey{o.key(a), a.Get(FieldArn, "")}, sortKey{o.key(b), b.Get(FieldArn, "")})
}

// Sort sorts records by o. It reads each record's sort value and ARN once, then sorts a
// permutation of indices (cheap to move, and free of pointers for the garbage collector to
// track); the ARN tie-break makes the order total, so no stable sort is needed.
func Sort[R Record](o *Order, records []R) {
	if len(records) < 2 {
		return
	}
	keys := make([]sortKey, len(records))
	perm := make([]int32, len(records))
	for i, r := range records {
		keys[i] = sortKey{o.key(r), r.Get(FieldArn, "")}
		perm[i] = int32(i)
	}
	slices.SortFunc(perm, func(a, b int32) int { return o.compareKeys(keys[a], keys[b]) })
	sorted := make([]R, len(records))
	for i, p := range perm {
		sorted[i] = records[p]
	}
	copy(records, sorted)
}

// sortKey is what a record is sorted by: its sort value, then its ARN.
type sortKey struct{ value, arn Value }

func (o *Order) compareKeys(a, b sortKey) int {
	if (a.value.kind == Absent) != (b.value.kind == Absent) {
		if a.value.kind == Absent {
			return 1
		}
		return -1
	}
	c := compareValues(a.value, b.value)
	if c == 0 {
		c = strings.Compare(a.arn.s, b.arn.s)
	}
	if o.desc {
		return -c
	}
	return c
}

// compareValues orders values of one kind by value, and values of different kinds (a
// parameter that is a number in one record and text in another) numbers first, then times,
// then text.
func compareValues(a, b Value) int {
	if a.kind != b.kind {
		return cmp.Compare(kindRank[a.kind], kindRank[b.kind])
	}
	if a.kind == KindText {
		return strings.Compare(a.s, b.s)
	}
	return cmp.Compare(a.n, b.n)
}

var kindRank = [...]int{Absent: 0, KindNumber: 1, KindTime: 2, KindText: 3}

// key is a record's sort value. A list property sorts by its least value in ascending order
// and its greatest in descending order (Elasticsearch's default for arrays).
func (o *Order) key(r Record) Value {
	p := &o.p
	switch {
	case p.kind == pOpaque:
		return Value{}
	case p.metric:
		for i, n := 0, r.Len(FieldMetrics); i < n; i++ {
			if name := r.Elem(FieldMetrics, i, FieldMetricName); name.kind == KindText && name.s == p.key {
				return r.Elem(FieldMetrics, i, p.field)
			}
		}
		return Value{}
	case p.list != FieldNone:
		best := Value{}
		for i, n := 0, r.Len(p.list); i < n; i++ {
			v := r.Elem(p.list, i, p.field)
			if v.kind == Absent {
				continue
			}
			if c := compareValues(v, best); best.kind == Absent || (!o.desc && c < 0) || (o.desc && c > 0) {
				best = v
			}
		}
		return best
	}
	return r.Get(p.field, p.key)
}
