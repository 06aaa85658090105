package fake

import (
	"errors"
	"net/http"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/awsfake/awsfake/internal/engine"
)

// sdkError turns an engine error, a context error or a client-side parameter error into
// exactly what the real aws-sdk-go-v2 client returns for it:
//
//	*smithy.OperationError
//	  └ *awshttp.ResponseError (status code, request id)
//	      └ *types.ResourceNotFound, *types.ResourceLimitExceeded, *types.ConflictException,
//	        *types.ResourceInUse, or *smithy.GenericAPIError for every other code
//
// Context and parameter errors sit directly under the OperationError, as the SDK puts them.
// This is the only place the typed door builds SDK errors.
func sdkError(serviceID, operation string, err error, requestID string) error {
	var apiErr *engine.Error
	if !errors.As(err, &apiErr) {
		return &smithy.OperationError{ServiceID: serviceID, OperationName: operation, Err: err}
	}
	resp := &http.Response{StatusCode: apiErr.Status, Header: http.Header{}}
	resp.Header.Set("X-Amzn-Requestid", requestID)
	resp.Header.Set("X-Amzn-Errortype", apiErr.Code)
	return &smithy.OperationError{
		ServiceID:     serviceID,
		OperationName: operation,
		Err: &awshttp.ResponseError{
			ResponseError: &smithyhttp.ResponseError{
				Response: &smithyhttp.Response{Response: resp},
				Err:      sageMakerAPIError(apiErr),
			},
			RequestID: requestID,
		},
	}
}

// sageMakerAPIError maps a code to the SDK's modelled type for it, as the SDK's deserializer
// does.
func sageMakerAPIError(e *engine.Error) error {
	msg := e.Message
	switch e.Code {
	case "ResourceNotFound":
		return &types.ResourceNotFound{Message: &msg}
	case "ResourceLimitExceeded":
		return &types.ResourceLimitExceeded{Message: &msg}
	case "ConflictException":
		return &types.ConflictException{Message: &msg}
	case "ResourceInUse":
		return &types.ResourceInUse{Message: &msg}
	}
	return &smithy.GenericAPIError{Code: e.Code, Message: msg}
}
