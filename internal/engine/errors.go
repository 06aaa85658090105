package engine

import (
	"fmt"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
)

// Error is the one error type of the engine: an AWS error code, its message, the HTTP
// status AWS answers with, and whether SDKs treat it as throttling. The doors turn it into
// wire responses and SDK errors, each in one place.
type Error struct {
	Code     string
	Message  string
	Status   int
	Throttle bool
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// Errorf builds an error with any code; the status defaults to 400.
func Errorf(code string, status int, format string, args ...any) *Error {
	if status == 0 {
		status = http.StatusBadRequest
	}
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Status: status, Throttle: isThrottle(code)}
}

func isThrottle(code string) bool {
	_, ok := retry.DefaultThrottleErrorCodes[code]
	return ok
}

// Error codes by service. SageMaker and Personalize name the same conditions differently.
const (
	SageMaker         = "sagemaker"
	Personalize       = "personalize"
	PersonalizeEvents = "personalize-events"
)

// invalid is the code of a constraint violation: SageMaker's ValidationException, and
// Personalize's modelled InvalidInputException (a choice: AWS does not say which it sends).
func invalid(service, format string, args ...any) *Error {
	code := "InvalidInputException"
	if service == SageMaker {
		code = "ValidationException"
	}
	return Errorf(code, 0, format, args...)
}

func notFound(service, format string, args ...any) *Error {
	code := "ResourceNotFoundException"
	if service == SageMaker {
		code = "ResourceNotFound"
	}
	return Errorf(code, 0, format, args...)
}

func limitExceeded(service, format string, args ...any) *Error {
	code := "LimitExceededException"
	if service == SageMaker {
		code = "ResourceLimitExceeded"
	}
	return Errorf(code, 0, format, args...)
}

func inUse(format string, args ...any) *Error {
	return Errorf("ResourceInUseException", 0, format, args...)
}

func alreadyExists(format string, args ...any) *Error {
	return Errorf("ResourceAlreadyExistsException", 0, format, args...)
}

// Unsupported answers an operation the fake does not implement: a client error (never a 5xx
// that an SDK would retry) that names it.
func Unsupported(target string) *Error {
	return Errorf("UnknownOperationException", 0, "awsfake does not support the operation %s", target)
}
