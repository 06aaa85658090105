package search

import (
	"strings"
	"unicode/utf8"
)

// checkShape repeats the model's constraints on a SearchExpression (list sizes, required
// members, lengths, enums) in the model validator's words, for the first violation only. The
// engine's validator normally reports them first, all at once; this keeps Compile safe and
// faithful without it. Patterns (".+") are left to the validator.
func checkShape(e *Expression, at *path) *Error {
	if e.Operator != nil && indexOf(booleanEnum, *e.Operator) < 0 {
		return enumViolation(*e.Operator, at.member("operator"), booleanEnum)
	}
	if err := checkSize(len(e.Filters), e.Filters != nil, at, "filters", func() string { return renderFilters(e.Filters) }); err != nil {
		return err
	}
	for i, f := range e.Filters {
		if err := checkFilter(f, &path{at, "filters", i + 1}); err != nil {
			return err
		}
	}
	if err := checkSize(len(e.NestedFilters), e.NestedFilters != nil, at, "nestedFilters", func() string { return renderNestedList(e.NestedFilters) }); err != nil {
		return err
	}
	for i, g := range e.NestedFilters {
		if err := checkNested(g, &path{at, "nestedFilters", i + 1}); err != nil {
			return err
		}
	}
	if err := checkSize(len(e.SubExpressions), e.SubExpressions != nil, at, "subExpressions", func() string { return renderExpressions(e.SubExpressions) }); err != nil {
		return err
	}
	for i := range e.SubExpressions {
		if err := checkShape(&e.SubExpressions[i], &path{at, "subExpressions", i + 1}); err != nil {
			return err
		}
	}
	return nil
}

func checkNested(g Nested, at *path) *Error {
	if g.Filters == nil {
		return errorf("1 validation error detected: Value null at '%s' failed to satisfy constraint: Member must not be null", at.member("filters"))
	}
	if err := checkSize(len(g.Filters), true, at, "filters", func() string { return renderFilters(g.Filters) }); err != nil {
		return err
	}
	for i, f := range g.Filters {
		if err := checkFilter(f, &path{at, "filters", i + 1}); err != nil {
			return err
		}
	}
	return checkLength(g.NestedPropertyName, at, "nestedPropertyName", 255)
}

func checkFilter(f Filter, at *path) *Error {
	if err := checkLength(f.Name, at, "name", 255); err != nil {
		return err
	}
	if f.Operator != nil && indexOf(operatorEnum, *f.Operator) < 0 {
		return enumViolation(*f.Operator, at.member("operator"), operatorEnum)
	}
	if f.Value != nil {
		return checkLength(*f.Value, at, "value", 1024)
	}
	return nil
}

// path is where a member of the input sits, written out in AWS's form
// ("searchExpression.filters.2.member.value") only when a message needs it.
type path struct {
	parent *path
	name   string // the member, or the list holding it
	index  int    // 1-based position in the list; 0 for a member that is not in a list
}

func (p *path) String() string {
	if p == nil {
		return ""
	}
	s := p.name
	if p.index > 0 {
		s += "." + itoa(p.index) + ".member"
	}
	if parent := p.parent.String(); parent != "" {
		return parent + "." + s
	}
	return s
}

func (p *path) member(name string) string { return (&path{p, name, 0}).String() }

// checkSize checks list member name of at, of 1 to 20 members; present is false for an
// absent (nil) list.
func checkSize(n int, present bool, at *path, name string, render func() string) *Error {
	switch {
	case present && n < 1:
		return violation(render(), at.member(name), "Member must have length greater than or equal to 1")
	case n > maxListLength:
		return violation(render(), at.member(name), "Member must have length less than or equal to "+itoa(maxListLength))
	}
	return nil
}

// checkLength checks member name of at, a string of 1 to max characters (not bytes, as AWS
// counts).
func checkLength(s string, at *path, name string, max int) *Error {
	switch n := utf8.RuneCountInString(s); {
	case n < 1:
		return violation(s, at.member(name), "Member must have length greater than or equal to 1")
	case n > max:
		return violation(s, at.member(name), "Member must have length less than or equal to "+itoa(max))
	}
	return nil
}

// The renderers print a value as the model validator does (Java's toString): the shape's
// name, then its non-null members in the generated struct's order with lower-cased names.

func renderList(n int, elem func(i int) string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = elem(i)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func renderFilters(fs []Filter) string {
	return renderList(len(fs), func(i int) string { return renderFilter(fs[i]) })
}

func renderFilter(f Filter) string {
	parts := []string{"name=" + f.Name}
	if f.Operator != nil {
		parts = append(parts, "operator="+*f.Operator)
	}
	if f.Value != nil {
		parts = append(parts, "value="+*f.Value)
	}
	return "Filter(" + strings.Join(parts, ", ") + ")"
}

func renderNestedList(gs []Nested) string {
	return renderList(len(gs), func(i int) string { return renderNested(gs[i]) })
}

func renderExpressions(es []Expression) string {
	return renderList(len(es), func(i int) string { return renderExpression(&es[i]) })
}

func renderNested(g Nested) string {
	var parts []string
	if g.Filters != nil {
		parts = append(parts, "filters="+renderFilters(g.Filters))
	}
	parts = append(parts, "nestedPropertyName="+g.NestedPropertyName)
	return "NestedFilters(" + strings.Join(parts, ", ") + ")"
}

func renderExpression(e *Expression) string {
	var parts []string
	if e.Filters != nil {
		parts = append(parts, "filters="+renderFilters(e.Filters))
	}
	if e.NestedFilters != nil {
		parts = append(parts, "nestedFilters="+renderNestedList(e.NestedFilters))
	}
	if e.Operator != nil {
		parts = append(parts, "operator="+*e.Operator)
	}
	if e.SubExpressions != nil {
		parts = append(parts, "subExpressions="+renderExpressions(e.SubExpressions))
	}
	return "SearchExpression(" + strings.Join(parts, ", ") + ")"
}
