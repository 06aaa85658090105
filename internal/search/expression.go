package search

// The resources this package searches: the experiment values of Search's Resource enum.
const (
	Experiment               = "Experiment"
	ExperimentTrial          = "ExperimentTrial"
	ExperimentTrialComponent = "ExperimentTrialComponent"
)

// Expression is the model's SearchExpression, member for member, so the engine copies its
// generated shape into it field by field. Keep absent lists nil: an empty non-nil list is a
// list of length 0, which the model refuses (minimum 1).
type Expression struct {
	Filters        []Filter
	NestedFilters  []Nested
	SubExpressions []Expression
	// Operator is "And" or "Or"; nil means And.
	Operator *string
}

// Filter is the model's Filter. Name is required by the model; Operator and Value are optional:
// a Value without an Operator means Equals, and neither means Exists.
type Filter struct {
	Name     string
	Operator *string
	Value    *string
}

// Nested is the model's NestedFilters: filters that must all hold on one element of the list
// property NestedPropertyName.
type Nested struct {
	NestedPropertyName string
	Filters            []Filter
}

// The model's enums, in the model's order (messages list them so).
var (
	resourceEnum = []string{"TrainingJob", "Experiment", "ExperimentTrial", "ExperimentTrialComponent",
		"Endpoint", "Model", "ModelPackage", "ModelPackageGroup", "Pipeline", "PipelineExecution",
		"FeatureGroup", "FeatureMetadata", "Image", "ImageVersion", "Project",
		"HyperParameterTuningJob", "ModelCard", "PipelineVersion"}
	operatorEnum  = []string{"Equals", "NotEquals", "GreaterThan", "GreaterThanOrEqualTo", "LessThan", "LessThanOrEqualTo", "Contains", "Exists", "NotExists", "In"}
	booleanEnum   = []string{"And", "Or"}
	sortOrderEnum = []string{"Ascending", "Descending"}
)

// op is a filter operator, indexed as operatorEnum.
type op uint8

const (
	opEquals op = iota
	opNotEquals
	opGreaterThan
	opGreaterThanOrEqualTo
	opLessThan
	opLessThanOrEqualTo
	opContains
	opExists
	opNotExists
	opIn
)

func (o op) String() string { return operatorEnum[o] }

// negative operators hold when their positive twin (Equals, Exists) holds for no value of
// the property, so NotEquals matches a record without the property, and a list property
// matches NotEquals only when no element equals the value.
func (o op) negative() bool { return o == opNotEquals || o == opNotExists }

func (o op) positive() op {
	switch o {
	case opNotEquals:
		return opEquals
	case opNotExists:
		return opExists
	}
	return o
}

func (o op) comparison() bool { return o >= opGreaterThan && o <= opLessThanOrEqualTo }

func (o op) existence() bool { return o == opExists || o == opNotExists }
