package scenario

import (
	"reflect"
	"sort"

	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
)

// operations is every operation a fake supports, by service (botocore names), with the SDK v2
// input type where one exists (for typed predicates). The engine checks at start-up that it
// implements exactly these.
var operations = map[string]map[string]reflect.Type{
	"sagemaker": {
		"CreateAction":   reflect.TypeFor[*sagemaker.CreateActionInput](),
		"DescribeAction": reflect.TypeFor[*sagemaker.DescribeActionInput](),
		"ListActions":    reflect.TypeFor[*sagemaker.ListActionsInput](),
		"UpdateAction":   reflect.TypeFor[*sagemaker.UpdateActionInput](),
		"DeleteAction":   reflect.TypeFor[*sagemaker.DeleteActionInput](),
		"AddTags":        reflect.TypeFor[*sagemaker.AddTagsInput](),
		"ListTags":       reflect.TypeFor[*sagemaker.ListTagsInput](),
		"DeleteTags":     reflect.TypeFor[*sagemaker.DeleteTagsInput](),
	},
	"personalize": {
		"CreateDatasetGroup": nil, "DescribeDatasetGroup": nil, "ListDatasetGroups": nil, "DeleteDatasetGroup": nil,
		"CreateEventTracker": nil, "DescribeEventTracker": nil, "ListEventTrackers": nil, "DeleteEventTracker": nil,
		"TagResource": nil, "UntagResource": nil, "ListTagsForResource": nil,
	},
	"personalize-events": {"PutEvents": nil},
}

// creations are the operations whose resource has a lifecycle that can end in CREATE FAILED.
var creations = map[string]bool{"personalize.CreateDatasetGroup": true, "personalize.CreateEventTracker": true}

// Operations returns the supported operations of each service, sorted.
func Operations() map[string][]string {
	out := map[string][]string{}
	for svc, ops := range operations {
		for op := range ops {
			out[svc] = append(out[svc], op)
		}
		sort.Strings(out[svc])
	}
	return out
}

// Supported reports whether a service and operation are supported.
func Supported(service, operation string) bool {
	_, ok := operations[service][operation]
	return ok
}

// InputType returns the SDK v2 input type (a pointer type) that typed predicates of an
// operation take, or nil where there is no SDK v2 client (Personalize).
func InputType(service, operation string) reflect.Type { return operations[service][operation] }
