package scenario

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/catalog"
)

// Error is an AWS error a rule answers with. The fake sends it as AWS would: the code in the
// X-Amzn-ErrorType header and the body, the status, and the SDK's error type for the code.
type Error struct {
	Code       string `json:"code"`
	Message    string `json:"message,omitempty"`
	StatusCode int    `json:"status,omitempty"` // when zero, the status the service answers the code with (StatusFor)
}

// Err returns an error with any code and message, status 400.
func Err(code, message string) *Error { return &Error{Code: code, Message: message} }

// WithStatus returns a copy of e with another HTTP status.
func (e *Error) WithStatus(status int) *Error {
	c := *e
	c.StatusCode = status
	return &c
}

// Status returns the HTTP status, 400 when unset.
func (e *Error) Status() int {
	if e.StatusCode == 0 {
		return http.StatusBadRequest
	}
	return e.StatusCode
}

// StatusFor returns the HTTP status the error goes out with from a service: the one it was
// given, or else the one the service answers its code with (Personalize Events' modelled
// ResourceNotFoundException is 404 and ResourceInUseException 409; everything else 400).
func (e *Error) StatusFor(service string) int {
	if e.StatusCode != 0 {
		return e.StatusCode
	}
	return catalog.Status(service, e.Code)
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// DefaultMessage is the message of an injected error whose rule gave none, in its JSON form:
// the message of this package's constructor for the code (ThrottlingException: "Rate
// exceeded"), or one that says a scenario rule injected it.
func DefaultMessage(code string) string {
	for _, mk := range []func(string) *Error{AccessDenied, ResourceNotFound, ResourceLimitExceeded, ConflictException,
		ResourceInUse, InvalidInput, ResourceNotFoundException, ResourceAlreadyExists, ResourceInUseException,
		LimitExceeded, TooManyTags, TooManyTagKeys, InvalidNextToken} {
		if e := mk(""); e.Code == code {
			return e.Message
		}
	}
	for _, e := range []*Error{Throttling(), InternalFailure(), ServiceUnavailable()} {
		if e.Code == code {
			return e.Message
		}
	}
	return "awsfake: " + code + ", injected by a scenario rule"
}

func orDefault(message, def string) string {
	if message == "" {
		return def
	}
	return message
}

// Common errors of every AWS service. The SDKs retry the throttling codes and the 5xx ones.

// Throttling is ThrottlingException, 400 "Rate exceeded": retried by every SDK.
func Throttling() *Error { return &Error{Code: "ThrottlingException", Message: "Rate exceeded"} }

// InternalFailure is a 500 InternalFailure: retried by every SDK.
func InternalFailure() *Error {
	return &Error{Code: "InternalFailure", Message: "The request processing has failed because of an unknown error, exception or failure.", StatusCode: http.StatusInternalServerError}
}

// ServiceUnavailable is a 503 ServiceUnavailable: retried by every SDK.
func ServiceUnavailable() *Error {
	return &Error{Code: "ServiceUnavailable", Message: "The request has failed due to a temporary failure of the server.", StatusCode: http.StatusServiceUnavailable}
}

// AccessDenied is AccessDeniedException, 400.
func AccessDenied(message string) *Error {
	return &Error{Code: "AccessDeniedException", Message: orDefault(message, "User is not authorized to perform this action.")}
}

// SageMaker's modelled errors for the supported operations.

// ValidationException is SageMaker's answer to invalid input (and to a duplicate name).
func ValidationException(message string) *Error { return Err(catalog.ValidationException, message) }

// ResourceNotFound is SageMaker's ResourceNotFound (*types.ResourceNotFound in the SDK).
func ResourceNotFound(message string) *Error {
	return Err(catalog.ResourceNotFound, orDefault(message, "Resource not found."))
}

// ResourceLimitExceeded is SageMaker's ResourceLimitExceeded.
func ResourceLimitExceeded(message string) *Error {
	return Err(catalog.ResourceLimit, orDefault(message, "The account-level service limit has been exceeded."))
}

// ConflictException is SageMaker's ConflictException (UpdateAction models it).
func ConflictException(message string) *Error {
	return Err("ConflictException", orDefault(message, "There was a conflict when you attempted to modify the resource."))
}

// ResourceInUse is SageMaker's ResourceInUse.
func ResourceInUse(message string) *Error {
	return Err("ResourceInUse", orDefault(message, "Resource is in use."))
}

// Personalize's modelled errors for the supported operations.

// InvalidInput is Personalize's InvalidInputException (also Personalize Events').
func InvalidInput(message string) *Error {
	return Err(catalog.InvalidInput, orDefault(message, "Provide a valid value for the field or parameter."))
}

// ResourceNotFoundException is Personalize's not-found error.
func ResourceNotFoundException(message string) *Error {
	return Err(catalog.NotFound, orDefault(message, "Could not find resource."))
}

// ResourceAlreadyExists is Personalize's ResourceAlreadyExistsException.
func ResourceAlreadyExists(message string) *Error {
	return Err(catalog.AlreadyExists, orDefault(message, "The specified resource already exists."))
}

// ResourceInUseException is Personalize's ResourceInUseException.
func ResourceInUseException(message string) *Error {
	return Err(catalog.InUse, orDefault(message, "The specified resource is in use."))
}

// LimitExceeded is Personalize's LimitExceededException. aws-sdk-go-v2 retries it as
// throttling.
func LimitExceeded(message string) *Error {
	return Err(catalog.LimitExceeded, orDefault(message, "The limit on the number of requests per second has been exceeded."))
}

// TooManyTags is Personalize's TooManyTagsException.
func TooManyTags(message string) *Error {
	return Err(catalog.TooManyTags, orDefault(message, "You have exceeded the maximum number of tags you can apply to this resource."))
}

// TooManyTagKeys is Personalize's TooManyTagKeysException.
func TooManyTagKeys(message string) *Error {
	return Err(catalog.TooManyTagKeys, orDefault(message, "The request contains more tag keys than can be associated with a resource (50 tag keys per resource)."))
}

// InvalidNextToken is Personalize's InvalidNextTokenException.
func InvalidNextToken(message string) *Error {
	return Err(catalog.InvalidNextToken, orDefault(message, "The token is not valid."))
}
