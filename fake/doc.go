// Package fake is an in-process, in-memory AWS for Go tests: SageMaker ML lineage actions and
// Amazon Personalize event tracking, behaving like the real services where a test can tell.
//
// # Doors
//
// There are two ways in, and both reach the same state:
//
//   - The typed door, f.SageMaker(), has the exact method signatures of aws-sdk-go-v2's
//     *sagemaker.Client for the supported operations. It satisfies SageMakerAPI (which
//     *sagemaker.Client satisfies too), any narrower interface you declare, and the SDK's own
//     paginators.
//   - The wire door, f.Handler(), speaks the real protocols (AWS JSON 1.1 and REST-JSON).
//     f.AWSConfig() wires unmodified SDK v2 clients to it in process:
//     sagemaker.NewFromConfig(f.AWSConfig()). On a socket (cmd/awsfake) it serves boto3, the
//     AWS CLI and every other SDK.
//
// # Time
//
// Every timestamp and status is read from one clock, given with WithClock (default: the
// real clock, which inside a testing/synctest bubble is the bubble's virtual clock). Nothing
// runs in the background: statuses are computed from timestamps when a call arrives, so
// advancing a mock clock by any amount is instant and exact.
//
// # Errors
//
// Errors come back as the real client returns them. Through the typed door:
//
//	*smithy.OperationError                  "operation error SageMaker: DescribeAction, ..."
//	  └ *awshttp.ResponseError              HTTP status and request id
//	      └ *types.ResourceNotFound          (also ResourceLimitExceeded, ConflictException, ResourceInUse)
//	        or *smithy.GenericAPIError       every other code, e.g. ValidationException
//
// Missing required members fail in the client, before any call, with smithy.InvalidParamsError,
// as the SDK's own validators do. A cancelled context returns its error inside an
// OperationError and changes nothing.
//
// # Fidelity
//
// Faithful (from the service models and AWS documentation):
//   - Every constraint of the models (required, length, pattern, enum, range, list and map
//     sizes) is checked, answered with 400 ValidationException (SageMaker) in AWS's words:
//     "1 validation error detected: Value 'x' at 'actionName' failed to satisfy constraint:
//     Member must satisfy regular expression pattern: ...". Patterns have Java's meaning
//     (whole-value match; '.' does not match line terminators).
//   - Action names are unique per account and Region; ARNs are
//     arn:<partition>:sagemaker:<region>:<account>:action/<name>.
//   - DescribeAction takes a name or an ARN; UpdateAction and DeleteAction take a name; a
//     missing action is 400 ResourceNotFound.
//   - ListActions sorts by CreationTime (default) or Name, Descending by default, 10 per page
//     by default (MaxResults 1-100), with SourceUri, ActionType, CreatedAfter and
//     CreatedBefore (both inclusive) filters; NextToken is absent on the last page and a
//     token that was altered is a ValidationException.
//   - UpdateAction's Properties replace the whole map; PropertiesToRemove then deletes keys.
//   - Timestamps have millisecond precision.
//
// Documented guesses, where AWS does not say:
//   - The duplicate-name error is ValidationException "Action <arn> already exists." (the
//     code and the words "already exists" are what AWS's own Python SDK matches).
//   - Names are compared exactly: "Deploy" and "deploy" are two actions.
//   - Actions created at the same instant are ordered by creation.
//   - Tagging a resource that does not exist is ValidationException; more than the tag quota
//     (50) on one resource is ResourceLimitExceeded; AddTags returns every tag of the resource.
//   - With several violations, messages list them alphabetically by member; values of
//     sensitive members are left out ("Value at 'x' failed ...").
//   - There is no default quota on actions (WithActionQuota sets one).
//
// Unsupported: every other SageMaker operation answers 400 UnknownOperationException naming
// the operation (never a 5xx an SDK would retry); CreatedBy, LastModifiedBy and
// LineageGroupArn are never set.
package fake
