package search

import (
	"strconv"
	"strings"
)

const (
	// maxListLength is the model's bound on Filters, NestedFilters, SubExpressions and a nested
	// group's Filters.
	maxListLength = 20
	// maxParts is the documented bound on "recursive SubExpressions, NestedFilters, and
	// Filters" in one SearchExpression. Filters inside NestedFilters count too (a guess).
	maxParts = 50
)

// Query is a compiled SearchExpression for one resource: safe for concurrent use, and cheap
// to evaluate against many records.
type Query struct {
	resource string
	root     *node // nil: no expression, every record matches
	hints    []Hint
}

// node is one SearchExpression: its filters, nested groups and sub-expressions, joined by
// And or Or.
type node struct {
	or     bool
	conds  []cond
	nested []group
	subs   []*node
}

// group is one NestedFilters: every cond must hold on the same element of list.
type group struct {
	list  Field
	conds []cond
}

// cond is one compiled Filter.
type cond struct {
	p    prop
	op   op
	text string   // Equals, NotEquals, Contains
	in   []string // In
	num  float64  // a number, or a time in Unix milliseconds
	// For parameters: whether Value is a number, and an integer (which truncates decimal
	// parameters before comparing, as AWS documents for hyperparameters).
	numOK, integer bool
}

// Compile checks a SearchExpression for resource and compiles it. The engine runs the model's
// validator first; Compile repeats the model's size, length and enum checks only so that it is
// safe on any input, then applies AWS's documented rules: the property names of the resource,
// the operators each kind of property takes, the form of values, the limit of 50 parts and the
// Contains limit. A nil expression matches every record. Errors are *Error.
func Compile(resource string, e *Expression) (*Query, error) {
	cat, err := catalogueFor(resource)
	if err != nil {
		return nil, err
	}
	q := &Query{resource: resource}
	if e == nil {
		return q, nil
	}
	if countParts(e, 0) > maxParts {
		return nil, errTooManyParts(maxParts)
	}
	if err := checkShape(e, &path{name: "searchExpression"}); err != nil {
		return nil, err
	}
	c := compiler{cat: cat}
	root, err := c.expression(e)
	if err != nil {
		return nil, err
	}
	if c.contains > 1 {
		return nil, errContainsLimit()
	}
	q.root = root
	q.hints = root.hints()
	return q, nil
}

// countParts counts the sub-expressions, nested groups and filters under e, stopping as soon
// as the count passes the limit so that no input, however deep, is walked further.
func countParts(e *Expression, n int) int {
	n += len(e.Filters) + len(e.NestedFilters) + len(e.SubExpressions)
	for _, g := range e.NestedFilters {
		n += len(g.Filters)
	}
	for i := range e.SubExpressions {
		if n > maxParts {
			return n
		}
		n = countParts(&e.SubExpressions[i], n)
	}
	return n
}

type compiler struct {
	cat *catalogue
	// contains counts Contains filters on properties without AWS's exemption.
	contains int
}

func (c *compiler) expression(e *Expression) (*node, *Error) {
	if e.Filters == nil && e.NestedFilters == nil && e.SubExpressions == nil {
		return nil, errEmptyExpression()
	}
	n := &node{or: e.Operator != nil && *e.Operator == "Or", conds: make([]cond, 0, len(e.Filters))}
	for _, f := range e.Filters {
		cd, err := c.filter(f)
		if err != nil {
			return nil, err
		}
		n.conds = append(n.conds, cd)
	}
	for _, g := range e.NestedFilters {
		gr, err := c.group(g)
		if err != nil {
			return nil, err
		}
		n.nested = append(n.nested, gr)
	}
	for i := range e.SubExpressions {
		sub, err := c.expression(&e.SubExpressions[i])
		if err != nil {
			return nil, err
		}
		n.subs = append(n.subs, sub)
	}
	return n, nil
}

func (c *compiler) group(g Nested) (group, *Error) {
	list, ok := c.cat.lists[strings.ToLower(g.NestedPropertyName)]
	if !ok {
		if _, known := c.cat.resolve(g.NestedPropertyName); known {
			return group{}, errNotNestable(g.NestedPropertyName)
		}
		return group{}, errUnknownProperty(g.NestedPropertyName)
	}
	gr := group{list: list}
	for _, f := range g.Filters {
		cd, err := c.filter(f)
		if err != nil {
			return group{}, err
		}
		if cd.p.list != list || cd.p.metric {
			return group{}, errOutsideNested(f.Name, g.NestedPropertyName)
		}
		gr.conds = append(gr.conds, cd)
	}
	return gr, nil
}

func (c *compiler) filter(f Filter) (cond, *Error) {
	p, ok := c.cat.resolve(f.Name)
	if !ok {
		return cond{}, errUnknownProperty(f.Name)
	}
	o := opEquals
	switch {
	case f.Operator != nil:
		o = op(indexOf(operatorEnum, *f.Operator)) // checkShape made sure it is there
	case f.Value == nil:
		// Neither: an old version of the documentation says the filter then "searches for
		// only the specified property", that is, Exists.
		o = opExists
	}
	cd := cond{p: p, op: o}
	if o == opContains && !p.manyContains {
		c.contains++
	}
	if err := checkOperator(p, o, f.Name); err != nil {
		return cond{}, err
	}
	if o.existence() {
		if f.Value != nil {
			return cond{}, errValueNotAllowed(o, f.Name)
		}
		return cd, nil
	}
	if f.Value == nil {
		return cond{}, errValueRequired(o, f.Name)
	}
	return cd, cd.setValue(*f.Value, f.Name)
}

// checkOperator applies the documented operator rules: comparisons are "not supported for
// text properties"; In and Contains are "only supported for text properties". Parameters hold
// text or numbers, so they take every operator.
func checkOperator(p prop, o op, name string) *Error {
	switch p.kind {
	case pText:
		if o.comparison() {
			return errOperator(o, p.kind.String(), name)
		}
	case pNumber, pTime:
		if o == opIn || o == opContains {
			return errOperator(o, p.kind.String(), name)
		}
	case pContainer:
		if !o.existence() {
			return errOperator(o, p.kind.String(), name)
		}
	}
	return nil
}

// setValue reads the filter's Value for the property's kind.
func (cd *cond) setValue(v, name string) *Error {
	switch {
	case cd.op == opIn:
		cd.in = splitIn(v)
	case cd.p.kind == pNumber:
		f, _, ok := parseNumber(v)
		if !ok {
			return errNumber(v, name)
		}
		cd.num = f
	case cd.p.kind == pTime:
		ms, ok := parseTime(v)
		if !ok {
			return errTime(v, name)
		}
		cd.num = ms
	case cd.p.kind == pParam:
		cd.num, cd.integer, cd.numOK = parseNumber(v)
		if cd.op.comparison() && !cd.numOK {
			return errNumber(v, name)
		}
	}
	cd.text = v
	return nil
}

// splitIn reads In's "comma delimited strings": pieces are trimmed of spaces and empty pieces
// dropped (a documented guess), so "a, b" is a and b.
func splitIn(v string) []string {
	var out []string
	for piece := range strings.SplitSeq(v, ",") {
		if piece = strings.TrimSpace(piece); piece != "" {
			out = append(out, piece)
		}
	}
	return out
}

func indexOf(enum []string, s string) int {
	for i, e := range enum {
		if e == s {
			return i
		}
	}
	return -1
}

func itoa(i int) string { return strconv.Itoa(i) }
