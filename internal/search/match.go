package search

import (
	"math"
	"slices"
	"strings"
)

// Match reports whether r satisfies the query. It reads only the properties the query names
// and allocates nothing.
func (q *Query) Match(r Record) bool {
	return q.root == nil || q.root.match(r)
}

func (n *node) match(r Record) bool {
	// And holds unless a part fails; Or fails unless a part holds. Filters go first: they are
	// the cheapest parts and the likeliest to decide.
	for i := range n.conds {
		if n.conds[i].match(r) == n.or {
			return n.or
		}
	}
	for i := range n.nested {
		if n.nested[i].match(r) == n.or {
			return n.or
		}
	}
	for _, s := range n.subs {
		if s.match(r) == n.or {
			return n.or
		}
	}
	return !n.or
}

// match: a group holds if a single element of its list satisfies every filter (the model's
// words: "A nested filter is satisfied if a single object in the list satisfies all Boolean
// expressions").
func (g *group) match(r Record) bool {
	for i, n := 0, r.Len(g.list); i < n; i++ {
		all := true
		for j := range g.conds {
			c := &g.conds[j]
			v := Value{}
			if c.p.kind != pOpaque {
				v = r.Elem(g.list, i, c.p.field)
			}
			if c.test(v) == c.op.negative() {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// match evaluates one filter on a record. A positive operator holds if any value of the
// property satisfies it; NotEquals and NotExists hold if no value satisfies Equals or Exists.
func (c *cond) match(r Record) bool {
	return c.any(r) != c.op.negative()
}

// any reports whether some value of the property satisfies the positive form of the operator.
func (c *cond) any(r Record) bool {
	p := &c.p
	switch {
	case p.kind == pOpaque:
		return false
	case p.kind == pContainer:
		return present(r, p)
	case p.metric:
		for i, n := 0, r.Len(FieldMetrics); i < n; i++ {
			if name := r.Elem(FieldMetrics, i, FieldMetricName); name.kind == KindText && name.s == p.key {
				return c.test(r.Elem(FieldMetrics, i, p.field))
			}
		}
		return false
	case p.list != FieldNone:
		for i, n := 0, r.Len(p.list); i < n; i++ {
			if c.test(r.Elem(p.list, i, p.field)) {
				return true
			}
		}
		return false
	}
	return c.test(r.Get(p.field, p.key))
}

// present: a collection with an element, or a structure with a member.
func present(r Record, p *prop) bool {
	if p.members == nil {
		return r.Len(p.field) > 0
	}
	for _, f := range p.members {
		if r.Get(f, "").kind != Absent {
			return true
		}
	}
	return false
}

// test applies the positive form of the operator to one value.
func (c *cond) test(v Value) bool {
	if v.kind == Absent {
		return false
	}
	switch c.op.positive() {
	case opExists:
		return true
	case opContains:
		// Text only; case-sensitive (a documented guess).
		return v.kind == KindText && strings.Contains(v.s, c.text)
	case opIn:
		return v.kind == KindText && slices.Contains(c.in, v.s)
	}
	cmp, ok := c.compare(v)
	if !ok {
		return false
	}
	switch c.op.positive() {
	case opEquals:
		return cmp == 0
	case opGreaterThan:
		return cmp > 0
	case opGreaterThanOrEqualTo:
		return cmp >= 0
	case opLessThan:
		return cmp < 0
	case opLessThanOrEqualTo:
		return cmp <= 0
	}
	return false
}

// compare orders v against the filter's value; ok is false when they cannot be compared (a
// value of another kind, or a text parameter under a comparison).
func (c *cond) compare(v Value) (int, bool) {
	switch c.p.kind {
	case pText:
		if v.kind != KindText {
			return 0, false
		}
		return strings.Compare(v.s, c.text), true
	case pNumber:
		return cmpNumbers(v, KindNumber, c.num)
	case pTime:
		return cmpNumbers(v, KindTime, c.num)
	case pParam:
		switch {
		case v.kind == KindText && c.op.positive() == opEquals:
			return strings.Compare(v.s, c.text), true
		case v.kind == KindNumber && c.numOK:
			n := v.n
			if c.integer {
				// "If the specified Value is an integer, the decimal hyperparameter values are
				// treated as integers."
				n = math.Trunc(n)
			}
			return cmpFloat(n, c.num), true
		}
	}
	return 0, false
}

func cmpNumbers(v Value, want Kind, n float64) (int, bool) {
	if v.kind != want || math.IsNaN(v.n) {
		return 0, false
	}
	return cmpFloat(v.n, n), true
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
