package engine

import (
	"fmt"
	"net/http"

	"github.com/awsfake/awsfake/internal/catalog"
)

// Error is the one error type of the engine: an AWS error code, its message, and the HTTP status
// AWS answers with. The doors turn it into wire responses and SDK errors, each in one place.
type Error struct {
	Code    string
	Message string
	Status  int
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// Errorf builds an error with any code; the status defaults to 400.
func Errorf(code string, status int, format string, args ...any) *Error {
	if status == 0 {
		status = http.StatusBadRequest
	}
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Status: status}
}

// The services, by their botocore names.
const (
	SageMaker         = catalog.SageMaker
	Personalize       = catalog.Personalize
	PersonalizeEvents = catalog.PersonalizeEvents
	// PersonalizeRuntime is the service of GetRecommendations and its kin.
	PersonalizeRuntime = catalog.PersonalizeRuntime
)

// invalid is the code of a constraint violation: SageMaker's ValidationException, and
// Personalize's modelled InvalidInputException (a choice: AWS does not say which it sends).
func invalid(service, format string, args ...any) *Error {
	return Errorf(catalog.InvalidCode(service), 0, format, args...)
}

func notFound(service, format string, args ...any) *Error {
	code := catalog.NotFound
	if service == SageMaker {
		code = catalog.ResourceNotFound
	}
	return Errorf(code, 0, format, args...)
}

func limitExceeded(service, format string, args ...any) *Error {
	code := catalog.LimitExceeded
	if service == SageMaker {
		code = catalog.ResourceLimit
	}
	return Errorf(code, 0, format, args...)
}

func inUse(format string, args ...any) *Error {
	return Errorf(catalog.InUse, 0, format, args...)
}

func alreadyExists(format string, args ...any) *Error {
	return Errorf(catalog.AlreadyExists, 0, format, args...)
}

// Unsupported answers an operation the fake does not implement: a client error (never a 5xx
// that an SDK would retry) that names it.
func Unsupported(target string) *Error {
	return Errorf("UnknownOperationException", 0, "awsfake does not support the operation %s", target)
}
