// Package catalog is what awsfake knows about AWS's names, written once for every package of
// the module: the supported operations (generated from internal/gen/operations.txt and the
// service models), the error codes each may answer, the services' status strings, the kinds of
// resources with quotas and lifecycles, and what an account id and a Region look like. The
// engine implements the operations listed here, scenario checks rules against them, and the
// doors route and convert by them.
package catalog

//go:generate go run ../gen

import (
	"fmt"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strings"
)

// The services, by their botocore names.
const (
	SageMaker         = "sagemaker"
	Personalize       = "personalize"
	PersonalizeEvents = "personalize-events"
	// PersonalizeRuntime answers recommendations (GetRecommendations and its kin).
	PersonalizeRuntime = "personalize-runtime"
)

// Operation is one supported operation.
type Operation struct {
	Service string
	Name    string
	// The aws-sdk-go-v2 input type that typed predicates take (a pointer to it), named by its
	// package's import path and its name: nothing below the doors imports the SDK.
	InputPackage string   // "github.com/aws/aws-sdk-go-v2/service/sagemaker"
	InputName    string   // "CreateActionInput"
	Errors       []string // the error codes the model declares for it
	HTTPMethod   string   // the HTTP binding (REST-JSON routes by it)
	HTTPPath     string
	Create       bool // it creates a resource that a scenario may seed
	Lifecycle    bool // the resource it creates moves through statuses and may end in CREATE FAILED
	// WireOnly: the pinned aws-sdk-go-v2 has no method for it (a newer operation of the model),
	// so only the wire door serves it and InputPackage and InputName are empty.
	WireOnly bool
}

// InputTypeName is the input type as Go code names it, a pointer: "*sagemaker.CreateActionInput";
// "" for a wire-only operation, which has none.
func (op *Operation) InputTypeName() string {
	if op.WireOnly {
		return ""
	}
	return "*" + path.Base(op.InputPackage) + "." + op.InputName
}

// IsInput reports whether t is the operation's SDK input type, a pointer to it, by the
// package path and name of what it points to.
func (op *Operation) IsInput(t reflect.Type) bool {
	return !op.WireOnly && t != nil && t.Kind() == reflect.Pointer && t.Elem().Name() == op.InputName && t.Elem().PkgPath() == op.InputPackage
}

var byName = func() map[string]map[string]*Operation {
	m := map[string]map[string]*Operation{}
	for i := range operations {
		op := &operations[i]
		if m[op.Service] == nil {
			m[op.Service] = map[string]*Operation{}
		}
		m[op.Service][op.Name] = op
	}
	return m
}()

// Lookup returns a supported operation, or nil.
func Lookup(service, name string) *Operation { return byName[service][name] }

// Operations returns every supported operation, in the order operations.txt lists them.
func Operations() []Operation { return append([]Operation(nil), operations...) }

// Names returns the supported operations of each service, sorted.
func Names() map[string][]string {
	out := map[string][]string{}
	for _, op := range operations {
		out[op.Service] = append(out[op.Service], op.Name)
	}
	for _, names := range out {
		sort.Strings(names)
	}
	return out
}

// Error codes the engine answers with. SageMaker and Personalize name the same conditions
// differently.
const (
	ValidationException = "ValidationException"       // SageMaker's invalid input (not modelled, but what it sends)
	InvalidInput        = "InvalidInputException"     // Personalize's and Personalize Events' invalid input
	ResourceNotFound    = "ResourceNotFound"          // SageMaker
	ResourceLimit       = "ResourceLimitExceeded"     // SageMaker
	NotFound            = "ResourceNotFoundException" // Personalize
	LimitExceeded       = "LimitExceededException"    // Personalize
	InUse               = "ResourceInUseException"    // Personalize
	AlreadyExists       = "ResourceAlreadyExistsException"
	InvalidNextToken    = "InvalidNextTokenException"
	TooManyTags         = "TooManyTagsException"
	TooManyTagKeys      = "TooManyTagKeysException"
)

// InvalidCode is the code a service answers a constraint violation with: SageMaker's
// ValidationException, and the modelled InvalidInputException of the others (a choice: AWS does
// not say which it sends).
func InvalidCode(service string) string {
	if service == SageMaker {
		return ValidationException
	}
	return InvalidInput
}

// commonErrors are codes every AWS operation may answer, modelled or not: throttling, server
// faults and authentication failures.
var commonErrors = map[string]bool{
	"ThrottlingException": true, "Throttling": true, "ThrottledException": true, "RequestThrottledException": true,
	"TooManyRequestsException": true, "ProvisionedThroughputExceededException": true, "RequestLimitExceeded": true,
	"InternalFailure": true, "InternalServerError": true, "InternalError": true, "ServiceUnavailable": true,
	"ServiceUnavailableException": true, "RequestTimeout": true, "RequestTimeoutException": true,
	"AccessDeniedException": true, "UnrecognizedClientException": true, "InvalidSignatureException": true,
	"IncompleteSignature": true, "MissingAuthenticationToken": true, "ExpiredTokenException": true,
	"InvalidClientTokenId": true, "NotAuthorized": true, "OptInRequired": true, "RequestExpired": true,
	"ValidationError": true,
}

// CommonErrors returns the codes every operation may answer, sorted.
func CommonErrors() []string {
	out := make([]string, 0, len(commonErrors))
	for c := range commonErrors {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// Answers reports whether an operation can answer with an error code: one its model declares,
// its service's invalid-input code, or one every AWS operation may send. A code of another
// service or operation (SageMaker's ResourceNotFound on a Personalize call) cannot happen.
func (op *Operation) Answers(code string) bool {
	if commonErrors[code] || code == InvalidCode(op.Service) {
		return true
	}
	for _, e := range op.Errors {
		if e == code {
			return true
		}
	}
	return false
}

// Status is the HTTP status a service answers an error code with: Personalize Events' modelled
// 404 and 409, and 400 for every other modelled code of the three services (their models give
// no other). Codes of server faults keep the status a rule gives them.
func Status(service, code string) int {
	if service == PersonalizeEvents {
		switch code {
		case NotFound:
			return 404
		case InUse:
			return 409
		}
	}
	if service == PersonalizeRuntime && code == NotFound {
		return 404 // Personalize Runtime's model gives ResourceNotFoundException 404
	}
	return 400
}

// Personalize statuses, exactly as the service spells them.
const (
	StatusCreatePending    = "CREATE PENDING"
	StatusCreateInProgress = "CREATE IN_PROGRESS"
	StatusActive           = "ACTIVE"
	StatusCreateFailed     = "CREATE FAILED"
	StatusDeletePending    = "DELETE PENDING"
	StatusDeleteInProgress = "DELETE IN_PROGRESS"
	StatusUpdatePending    = "UPDATE PENDING"
	StatusUpdateInProgress = "UPDATE IN_PROGRESS"
	StatusCreateStopping   = "CREATE STOPPING"
	StatusCreateStopped    = "CREATE STOPPED"
)

// CreationStatuses are the statuses a resource can have between its creation and its first
// change: what a seed may ask for.
var CreationStatuses = []string{StatusCreatePending, StatusCreateInProgress, StatusActive, StatusCreateFailed}

// IsCreationStatus reports whether s is one of CreationStatuses.
func IsCreationStatus(s string) bool {
	for _, c := range CreationStatuses {
		if c == s {
			return true
		}
	}
	return false
}

var (
	accountID = regexp.MustCompile(`^[0-9]{12}$`)
	// AWS's Region names: a two-letter area, one to three words, a number (us-east-1,
	// us-gov-west-1, us-isob-east-1, ap-southeast-7), as the SDKs' partition patterns have
	// them (^(us|eu|ap|...)-\w+-\d+$, ^us-gov-\w+-\d+$, ...) without tying the area to a
	// known list, so that a Region AWS opens later is accepted.
	regionName = regexp.MustCompile(`^[a-z]{2}(-[a-z]+){1,3}-[0-9]{1,3}$`)
)

// ValidAccount reports whether s is an account id: 12 digits.
func ValidAccount(s string) bool { return accountID.MatchString(s) }

// ValidRegion reports whether s has the form of an AWS Region name: a two-letter area, one to
// three words and a number, in lower case and joined by hyphens (us-east-1, eu-central-2,
// us-gov-west-1, cn-north-1, us-isob-east-1, mx-central-1). A well-formed name AWS does not
// have (yet) is valid: the check catches typing errors (useast-1, us-east1, US-EAST-1), not
// Regions the fake has not heard of.
func ValidRegion(s string) bool { return len(s) <= 32 && regionName.MatchString(s) }

// RegionForm says what ValidRegion wants, for messages.
const RegionForm = "a Region name has the form area-word-number, in lower case, such as us-east-1, eu-central-2 or us-gov-west-1"

// RegionError is the message for a Region name ValidRegion refuses: what is wrong, and the
// Regions that hold resources (the one the caller probably meant is among them).
func RegionError(region string, holding []string) string {
	msg := fmt.Sprintf("%q is not a Region name: %s", region, RegionForm)
	if len(holding) > 0 {
		msg += "; the Regions holding resources are " + strings.Join(holding, ", ")
	} else {
		msg += "; no Region holds resources yet"
	}
	return msg
}

// Partition returns the ARN partition of a Region.
func Partition(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	case strings.HasPrefix(region, "us-isob-"):
		return "aws-iso-b"
	case strings.HasPrefix(region, "us-iso-"):
		return "aws-iso"
	}
	return "aws"
}
