package scenario

import (
	"fmt"
	"sort"
	"strings"

	"github.com/awsfake/awsfake/internal/catalog"
)

// Operations returns the operations a fake supports, by service (botocore names), sorted.
func Operations() map[string][]string { return catalog.Names() }

// Supported reports whether a service and operation are supported.
func Supported(service, operation string) bool { return catalog.Lookup(service, operation) != nil }

// InputTypeName returns the aws-sdk-go-v2 input type that typed predicates of an operation
// take, as Go code names it (a pointer: "*sagemaker.CreateActionInput", of the package
// github.com/aws/aws-sdk-go-v2/service/sagemaker), or "" for an unsupported operation. It is a
// name, not a reflect.Type, so that this package (which the server imports) builds without
// the SDK.
func InputTypeName(service, operation string) string {
	if op := catalog.Lookup(service, operation); op != nil {
		return op.InputTypeName()
	}
	return ""
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

// unsupported explains an unknown operation: what the service supports, and the operation
// meant, where a near spelling gives it away.
func unsupported(service, operation string) string {
	names, ok := Operations()[service]
	if !ok {
		services := make([]string, 0, 3)
		for svc := range Operations() {
			services = append(services, svc)
		}
		sort.Strings(services)
		return fmt.Sprintf("%s.%s is not a supported operation: there is no service %q (the services: %s)", service, operation, service, strings.Join(services, ", "))
	}
	msg := fmt.Sprintf("%s.%s is not a supported operation", service, operation)
	best, bestDist := "", 3
	for _, n := range names {
		if d := editDistance(strings.ToLower(n), strings.ToLower(operation)); d < bestDist {
			best, bestDist = n, d
		}
	}
	if best != "" {
		msg += "; did you mean " + best + "?"
	}
	return msg + " (" + service + " supports " + strings.Join(names, ", ") + ")"
}

// editDistance is the Levenshtein distance of two strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
