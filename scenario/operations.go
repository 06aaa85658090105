package scenario

import (
	"reflect"

	"github.com/awsfake/awsfake/internal/catalog"
)

// Operations returns the operations a fake supports, by service (botocore names), sorted.
func Operations() map[string][]string { return catalog.Names() }

// Supported reports whether a service and operation are supported.
func Supported(service, operation string) bool { return catalog.Lookup(service, operation) != nil }

// InputType returns the aws-sdk-go-v2 input type (a pointer type) that typed predicates of an
// operation take, or nil for an unsupported operation.
func InputType(service, operation string) reflect.Type {
	if op := catalog.Lookup(service, operation); op != nil {
		return op.Input
	}
	return nil
}

// Answers reports whether an operation can answer with an error code: one its model declares,
// its service's code for invalid input (SageMaker's ValidationException, Personalize's
// InvalidInputException), or one every AWS operation may send (throttling, server faults,
// authentication). A rule that injects any other code is refused when it is built: SageMaker's
// ResourceNotFound cannot come from a Personalize call, and a misspelt code is a test's bug.
func Answers(service, operation, code string) bool {
	op := catalog.Lookup(service, operation)
	return op != nil && op.Answers(code)
}

// createsWithLifecycle reports whether an operation creates a resource whose creation can end
// in CREATE FAILED.
func createsWithLifecycle(service, operation string) bool {
	op := catalog.Lookup(service, operation)
	return op != nil && op.Lifecycle
}
