package search

import (
	"fmt"
	"strings"
)

// Error is a refused search. SageMaker answers it with ValidationException and Message; the
// engine wraps it in its own error type. Unsupported marks a request AWS would serve but this
// package cannot (Search over TrainingJob and the other non-experiment resources), which the
// engine should answer as an unsupported feature, not as the user's mistake.
type Error struct {
	Message     string
	Unsupported bool
}

func (e *Error) Error() string { return "ValidationException: " + e.Message }

func errorf(format string, args ...any) *Error {
	return &Error{Message: fmt.Sprintf(format, args...)}
}

// violation words a broken model constraint as the model validator does, for the checks this
// package repeats so that it is safe on input nobody validated.
func violation(value, path, constraint string) *Error {
	return errorf("1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: %s", value, path, constraint)
}

func enumViolation(value, path string, enum []string) *Error {
	return violation(value, path, "Member must satisfy enum value set: ["+strings.Join(enum, ", ")+"]")
}

// The messages of AWS's own rules. Only two are known: "Unknown property name" (facts §7.2, [L]
// after MOTO) and the Contains limit ([H], the model's documentation). The others are
// documented guesses worded like them.

func errUnknownProperty(name string) *Error { return errorf("Unknown property name: %s", name) }

func errContainsLimit() *Error { return errorf("'CONTAINS' operator usage limit of 1 exceeded.") }

func errEmptyExpression() *Error {
	return errorf("A SearchExpression must contain at least one subexpression, filter, or nested filter.")
}

func errTooManyParts(limit int) *Error {
	return errorf("The maximum number of recursive SubExpressions, NestedFilters, and Filters that can be included in a SearchExpression object is %d.", limit)
}

func errOperator(o op, kind, name string) *Error {
	return errorf("Operator %s is not supported for %s property %s.", o, kind, name)
}

func errValueRequired(o op, name string) *Error {
	return errorf("Operator %s requires a Value for property %s.", o, name)
}

func errValueNotAllowed(o op, name string) *Error {
	return errorf("Operator %s takes no Value for property %s.", o, name)
}

func errNumber(value, name string) *Error {
	return errorf("Value '%s' for property %s must be an integer or floating-point decimal.", value, name)
}

func errTime(value, name string) *Error {
	return errorf("Value '%s' for property %s must be an ISO 8601 date-time (YYYY-mm-dd'T'HH:MM:SS) or epoch seconds.", value, name)
}

func errNotNestable(name string) *Error {
	return errorf("NestedPropertyName %s is not a list property; NestedFilters apply only to lists.", name)
}

func errOutsideNested(name, nested string) *Error {
	return errorf("Filter name %s in NestedFilters is not a property of the elements of %s.", name, nested)
}

func errSortBy(name string) *Error {
	return errorf("Search results cannot be sorted by %s.", name)
}

func errUnsupportedResource(resource string) *Error {
	return &Error{Unsupported: true, Message: fmt.Sprintf(
		"awsfake does not support Search over %s: it searches Experiment, ExperimentTrial and ExperimentTrialComponent.", resource)}
}
