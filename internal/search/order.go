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
		if err := checkLength(*sortBy, "sortBy", 255); err != nil {
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
	return o.compareKeys(o.key(a), a.Get(FieldArn, ""), o.key(b), b.Get(FieldArn, ""))
}

// Sort sorts records by o, reading each record's sort value once.
func Sort[R Record](o *Order, records []R) {
	type keyed struct {
		r        R
		key, arn Value
	}
	ks := make([]keyed, len(records))
	for i, r := range records {
		ks[i] = keyed{r, o.key(r), r.Get(FieldArn, "")}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return o.compareKeys(a.key, a.arn, b.key, b.arn) })
	for i := range ks {
		records[i] = ks[i].r
	}
}

func (o *Order) compareKeys(ka, arnA, kb, arnB Value) int {
	if (ka.kind == Absent) != (kb.kind == Absent) {
		if ka.kind == Absent {
			return 1
		}
		return -1
	}
	c := compareValues(ka, kb)
	if c == 0 {
		c = strings.Compare(arnA.s, arnB.s)
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
