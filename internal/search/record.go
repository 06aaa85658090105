package search

// Field names one property of a search record, independent of its spelling in a filter. The
// engine's adapter switches on the fields its kind has and returns Absent (or 0) for the rest.
type Field uint8

// Single-valued fields, read with Record.Get(f, "").
const (
	FieldNone Field = iota
	// FieldName is the record's own name: ExperimentName, TrialName or TrialComponentName.
	FieldName
	// FieldArn is the record's own ARN: ExperimentArn, TrialArn or TrialComponentArn. It
	// breaks ties when sorting, so every adapter must return it.
	FieldArn
	FieldDisplayName
	// FieldDescription is an experiment's Description.
	FieldDescription
	// FieldExperimentName is a trial's ExperimentName (an experiment's own name is FieldName).
	FieldExperimentName
	// FieldRunName is a trial component's RunName.
	FieldRunName
	FieldSourceArn
	FieldSourceType
	// FieldPrimaryStatus and FieldStatusMessage are a trial component's Status members.
	FieldPrimaryStatus
	FieldStatusMessage
	FieldStartTime
	FieldEndTime
	FieldCreationTime
	FieldLastModifiedTime
	FieldLineageGroupArn
	// The MetadataProperties members of trials and trial components.
	FieldCommitID
	FieldGeneratedBy
	FieldProjectID
	FieldRepository

	// Keyed fields, read with Record.Get(f, key).

	// FieldTag is the value of the tag whose key is key.
	FieldTag
	// FieldParameter is the parameter named key: Text of its StringValue or Number of its
	// NumberValue (Text("") if it has neither, so that Exists still sees it).
	FieldParameter
	// The Value and MediaType of the input or output artifact named key.
	FieldInputArtifactValue
	FieldInputArtifactMediaType
	FieldOutputArtifactValue
	FieldOutputArtifactMediaType

	// Collections, counted with Record.Len. The lists among them (FieldParents, FieldMetrics,
	// FieldTrialComponentSummaries) are also read element by element with Record.Elem.
	FieldTags
	FieldParameters
	FieldInputArtifacts
	FieldOutputArtifacts
	FieldParents
	FieldMetrics
	FieldTrialComponentSummaries

	// Element fields, read with Record.Elem(list, i, f).

	// Of FieldParents: a trial component's trials and their experiments.
	FieldParentTrialName
	FieldParentExperimentName
	// Of FieldMetrics: a trial component's metric summaries.
	FieldMetricName
	FieldMetricMax
	FieldMetricMin
	FieldMetricLast
	FieldMetricCount
	FieldMetricAvg
	FieldMetricStdDev
	FieldMetricTimeStamp
	FieldMetricSourceArn
	// Of FieldTrialComponentSummaries: a trial's components.
	FieldSummaryName
	FieldSummaryArn
	FieldSummarySourceArn
	FieldSummarySourceType
	FieldSummaryCreationTime
)

// Record is one experiment, trial or trial component as Search sees it. Evaluation reads
// only the fields a query names, so an adapter over the engine's own types costs a switch per
// read and allocates nothing.
//
// Values must be of the field's kind: text for names, ARNs, statuses, tags and artifacts;
// Number for metric statistics (Count included); Time for times; Text or Number for
// FieldParameter. A value of another kind never matches.
type Record interface {
	// Get returns a single-valued or keyed field, or Absent.
	Get(f Field, key string) Value
	// Len returns the number of tags, parameters, artifacts, parents, metrics or trial
	// component summaries; 0 for fields the record does not have.
	Len(f Field) int
	// Elem returns field f of element i (0 ≤ i < Len(list)) of list FieldParents,
	// FieldMetrics or FieldTrialComponentSummaries, or Absent.
	Elem(list Field, i int, f Field) Value
}

// Keyed is a Record that can list its map keys, which GetSearchSuggestions needs and Search
// does not.
type Keyed interface {
	Record
	// Keys returns the tag keys (FieldTags) or parameter names (FieldParameters), in any order.
	Keys(f Field) []string
}

var fieldNames = [...]string{
	FieldNone: "None", FieldName: "Name", FieldArn: "Arn", FieldDisplayName: "DisplayName", FieldDescription: "Description",
	FieldExperimentName: "ExperimentName", FieldRunName: "RunName", FieldSourceArn: "Source.SourceArn", FieldSourceType: "Source.SourceType",
	FieldPrimaryStatus: "Status.PrimaryStatus", FieldStatusMessage: "Status.Message", FieldStartTime: "StartTime", FieldEndTime: "EndTime",
	FieldCreationTime: "CreationTime", FieldLastModifiedTime: "LastModifiedTime", FieldLineageGroupArn: "LineageGroupArn",
	FieldCommitID: "MetadataProperties.CommitId", FieldGeneratedBy: "MetadataProperties.GeneratedBy",
	FieldProjectID: "MetadataProperties.ProjectId", FieldRepository: "MetadataProperties.Repository",
	FieldTag: "Tags.<key>", FieldParameter: "Parameters.<name>", FieldInputArtifactValue: "InputArtifacts.<name>.Value",
	FieldInputArtifactMediaType: "InputArtifacts.<name>.MediaType", FieldOutputArtifactValue: "OutputArtifacts.<name>.Value",
	FieldOutputArtifactMediaType: "OutputArtifacts.<name>.MediaType", FieldTags: "Tags", FieldParameters: "Parameters",
	FieldInputArtifacts: "InputArtifacts", FieldOutputArtifacts: "OutputArtifacts", FieldParents: "Parents", FieldMetrics: "Metrics",
	FieldTrialComponentSummaries: "TrialComponentSummaries", FieldParentTrialName: "Parents.TrialName",
	FieldParentExperimentName: "Parents.ExperimentName", FieldMetricName: "Metrics.MetricName", FieldMetricMax: "Metrics.Max",
	FieldMetricMin: "Metrics.Min", FieldMetricLast: "Metrics.Last", FieldMetricCount: "Metrics.Count", FieldMetricAvg: "Metrics.Avg",
	FieldMetricStdDev: "Metrics.StdDev", FieldMetricTimeStamp: "Metrics.TimeStamp", FieldMetricSourceArn: "Metrics.SourceArn",
	FieldSummaryName: "TrialComponentSummaries.TrialComponentName", FieldSummaryArn: "TrialComponentSummaries.TrialComponentArn",
	FieldSummarySourceArn:    "TrialComponentSummaries.TrialComponentSource.SourceArn",
	FieldSummarySourceType:   "TrialComponentSummaries.TrialComponentSource.SourceType",
	FieldSummaryCreationTime: "TrialComponentSummaries.CreationTime",
}

// String names the field by its path in a search record (the record's own name and ARN as
// Name and Arn).
func (f Field) String() string {
	if int(f) < len(fieldNames) {
		return fieldNames[f]
	}
	return "Field(" + itoa(int(f)) + ")"
}
