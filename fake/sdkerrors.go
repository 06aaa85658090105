package fake

import (
	"errors"
	"net/http"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/awsfake/awsfake/internal/engine"
)

// sdkError turns an engine error, a context error or a client-side parameter error into
// exactly what the real aws-sdk-go-v2 client returns for it:
//
//	*smithy.OperationError
//	  └ *awshttp.ResponseError (status code, request id)
//	      └ the SDK's type for a code the operation models (modelled gives it), or
//	        *smithy.GenericAPIError for every other code
//
// Context and parameter errors sit directly under the OperationError, as the SDK puts them.
// This is the only place the typed doors build SDK errors.
func sdkError(serviceID, operation string, err error, requestID string, modelled func(code, message string) error) error {
	var apiErr *engine.Error
	if !errors.As(err, &apiErr) {
		return &smithy.OperationError{ServiceID: serviceID, OperationName: operation, Err: err}
	}
	resp := &http.Response{StatusCode: apiErr.Status, Header: http.Header{}}
	resp.Header.Set("X-Amzn-Requestid", requestID)
	resp.Header.Set("X-Amzn-Errortype", apiErr.Code)
	var typed error
	if modelled != nil {
		typed = modelled(apiErr.Code, apiErr.Message)
	}
	if typed == nil {
		typed = &smithy.GenericAPIError{Code: apiErr.Code, Message: apiErr.Message}
	}
	return &smithy.OperationError{
		ServiceID:     serviceID,
		OperationName: operation,
		Err: &awshttp.ResponseError{
			ResponseError: &smithyhttp.ResponseError{
				Response: &smithyhttp.Response{Response: resp},
				Err:      typed,
			},
			RequestID: requestID,
		},
	}
}
