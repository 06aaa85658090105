package search

import (
	"strings"
	"unicode/utf8"
)

// checkShape repeats the model's constraints on a SearchExpression (list sizes, required
// members, lengths, enums) in the model validator's words, for the first violation only. The
// engine's validator normally reports them first, all at once; this keeps Compile safe and
// faithful without it. Patterns (".+") are left to the validator.
func checkShape(e *Expression, path string) *Error {
	if e.Operator != nil && indexOf(booleanEnum, *e.Operator) < 0 {
		return enumViolation(*e.Operator, path+".operator", booleanEnum)
	}
	if err := checkSize(len(e.Filters), e.Filters != nil, path+".filters", func() string { return renderFilters(e.Filters) }); err != nil {
		return err
	}
	for i, f := range e.Filters {
		if err := checkFilter(f, member(path, "filters", i)); err != nil {
			return err
		}
	}
	if err := checkSize(len(e.NestedFilters), e.NestedFilters != nil, path+".nestedFilters", func() string { return renderNestedList(e.NestedFilters) }); err != nil {
		return err
	}
	for i, g := range e.NestedFilters {
		if err := checkNested(g, member(path, "nestedFilters", i)); err != nil {
			return err
		}
	}
	if err := checkSize(len(e.SubExpressions), e.SubExpressions != nil, path+".subExpressions", func() string { return renderExpressions(e.SubExpressions) }); err != nil {
		return err
	}
	for i := range e.SubExpressions {
		if err := checkShape(&e.SubExpressions[i], member(path, "subExpressions", i)); err != nil {
			return err
		}
	}
	return nil
}

func checkNested(g Nested, path string) *Error {
	if g.Filters == nil {
		return errorf("1 validation error detected: Value null at '%s.filters' failed to satisfy constraint: Member must not be null", path)
	}
	if err := checkSize(len(g.Filters), true, path+".filters", func() string { return renderFilters(g.Filters) }); err != nil {
		return err
	}
	for i, f := range g.Filters {
		if err := checkFilter(f, member(path, "filters", i)); err != nil {
			return err
		}
	}
	return checkLength(g.NestedPropertyName, path+".nestedPropertyName", 255)
}

func checkFilter(f Filter, path string) *Error {
	if err := checkLength(f.Name, path+".name", 255); err != nil {
		return err
	}
	if f.Operator != nil && indexOf(operatorEnum, *f.Operator) < 0 {
		return enumViolation(*f.Operator, path+".operator", operatorEnum)
	}
	if f.Value != nil {
		return checkLength(*f.Value, path+".value", 1024)
	}
	return nil
}

// member is the path of a list's i-th member (0-based), as AWS prints it (1-based).
func member(path, list string, i int) string {
	return path + "." + list + "." + itoa(i+1) + ".member"
}

// checkSize checks a list of 1 to 20 members; present is false for an absent (nil) list.
func checkSize(n int, present bool, path string, render func() string) *Error {
	switch {
	case present && n < 1:
		return violation(render(), path, "Member must have length greater than or equal to 1")
	case n > maxListLength:
		return violation(render(), path, "Member must have length less than or equal to "+itoa(maxListLength))
	}
	return nil
}

// checkLength checks a string of 1 to max characters (not bytes, as AWS counts).
func checkLength(s, path string, max int) *Error {
	switch n := utf8.RuneCountInString(s); {
	case n < 1:
		return violation(s, path, "Member must have length greater than or equal to 1")
	case n > max:
		return violation(s, path, "Member must have length less than or equal to "+itoa(max))
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
