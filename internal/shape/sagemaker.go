package shape

// SageMaker lineage actions and tags (AWS JSON 1.1, member names in PascalCase).

type Tag struct {
	Key   *string `json:"Key,omitempty"`
	Value *string `json:"Value,omitempty"`
}

type ActionSource struct {
	SourceUri  *string `json:"SourceUri,omitempty"`
	SourceType *string `json:"SourceType,omitempty"`
	SourceId   *string `json:"SourceId,omitempty"`
}

type MetadataProperties struct {
	CommitId    *string `json:"CommitId,omitempty"`
	Repository  *string `json:"Repository,omitempty"`
	GeneratedBy *string `json:"GeneratedBy,omitempty"`
	ProjectId   *string `json:"ProjectId,omitempty"`
}

type CreateActionInput struct {
	ActionName         *string             `json:"ActionName,omitempty"`
	Source             *ActionSource       `json:"Source,omitempty"`
	ActionType         *string             `json:"ActionType,omitempty"`
	Description        *string             `json:"Description,omitempty"`
	Status             *string             `json:"Status,omitempty"`
	Properties         map[string]string   `json:"Properties,omitempty"`
	MetadataProperties *MetadataProperties `json:"MetadataProperties,omitempty"`
	Tags               []Tag               `json:"Tags,omitempty"`
}

type CreateActionOutput struct {
	ActionArn *string `json:"ActionArn,omitempty"`
}

type DescribeActionInput struct {
	ActionName *string `json:"ActionName,omitempty"`
}

type DescribeActionOutput struct {
	ActionName         *string             `json:"ActionName,omitempty"`
	ActionArn          *string             `json:"ActionArn,omitempty"`
	Source             *ActionSource       `json:"Source,omitempty"`
	ActionType         *string             `json:"ActionType,omitempty"`
	Description        *string             `json:"Description,omitempty"`
	Status             *string             `json:"Status,omitempty"`
	Properties         map[string]string   `json:"Properties,omitempty"`
	CreationTime       *Time               `json:"CreationTime,omitempty"`
	CreatedBy          *UserContext        `json:"CreatedBy,omitempty"`
	LastModifiedTime   *Time               `json:"LastModifiedTime,omitempty"`
	LastModifiedBy     *UserContext        `json:"LastModifiedBy,omitempty"`
	MetadataProperties *MetadataProperties `json:"MetadataProperties,omitempty"`
	LineageGroupArn    *string             `json:"LineageGroupArn,omitempty"`
}

// UserContext is modelled but never filled: the fake has no identities.
type UserContext struct {
	UserProfileArn  *string `json:"UserProfileArn,omitempty"`
	UserProfileName *string `json:"UserProfileName,omitempty"`
	DomainId        *string `json:"DomainId,omitempty"`
}

type ListActionsInput struct {
	SourceUri     *string `json:"SourceUri,omitempty"`
	ActionType    *string `json:"ActionType,omitempty"`
	CreatedAfter  *Time   `json:"CreatedAfter,omitempty"`
	CreatedBefore *Time   `json:"CreatedBefore,omitempty"`
	SortBy        *string `json:"SortBy,omitempty"`
	SortOrder     *string `json:"SortOrder,omitempty"`
	NextToken     *string `json:"NextToken,omitempty"`
	MaxResults    *int32  `json:"MaxResults,omitempty"`
}

type ActionSummary struct {
	ActionArn        *string       `json:"ActionArn,omitempty"`
	ActionName       *string       `json:"ActionName,omitempty"`
	Source           *ActionSource `json:"Source,omitempty"`
	ActionType       *string       `json:"ActionType,omitempty"`
	Status           *string       `json:"Status,omitempty"`
	CreationTime     *Time         `json:"CreationTime,omitempty"`
	LastModifiedTime *Time         `json:"LastModifiedTime,omitempty"`
}

type ListActionsOutput struct {
	ActionSummaries []ActionSummary `json:"ActionSummaries"`
	NextToken       *string         `json:"NextToken,omitempty"`
}

type UpdateActionInput struct {
	ActionName         *string           `json:"ActionName,omitempty"`
	Description        *string           `json:"Description,omitempty"`
	Status             *string           `json:"Status,omitempty"`
	Properties         map[string]string `json:"Properties,omitempty"`
	PropertiesToRemove []string          `json:"PropertiesToRemove,omitempty"`
}

type UpdateActionOutput struct {
	ActionArn *string `json:"ActionArn,omitempty"`
}

type DeleteActionInput struct {
	ActionName *string `json:"ActionName,omitempty"`
}

type DeleteActionOutput struct {
	ActionArn *string `json:"ActionArn,omitempty"`
}

type AddTagsInput struct {
	ResourceArn *string `json:"ResourceArn,omitempty"`
	Tags        []Tag   `json:"Tags,omitempty"`
}

type AddTagsOutput struct {
	Tags []Tag `json:"Tags"`
}

type ListTagsInput struct {
	ResourceArn *string `json:"ResourceArn,omitempty"`
	NextToken   *string `json:"NextToken,omitempty"`
	MaxResults  *int32  `json:"MaxResults,omitempty"`
}

type ListTagsOutput struct {
	Tags      []Tag   `json:"Tags"`
	NextToken *string `json:"NextToken,omitempty"`
}

type DeleteTagsInput struct {
	ResourceArn *string  `json:"ResourceArn,omitempty"`
	TagKeys     []string `json:"TagKeys,omitempty"`
}

type DeleteTagsOutput struct{}
