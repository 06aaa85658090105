package shape

// Amazon Personalize (AWS JSON 1.1, member names in lowerCamelCase).

type PersonalizeTag struct {
	TagKey   *string `json:"tagKey,omitempty"`
	TagValue *string `json:"tagValue,omitempty"`
}

type CreateDatasetGroupInput struct {
	Name      *string          `json:"name,omitempty"`
	RoleArn   *string          `json:"roleArn,omitempty"`
	KmsKeyArn *string          `json:"kmsKeyArn,omitempty"`
	Domain    *string          `json:"domain,omitempty"`
	Tags      []PersonalizeTag `json:"tags,omitempty"`
}

type CreateDatasetGroupOutput struct {
	DatasetGroupArn *string `json:"datasetGroupArn,omitempty"`
	Domain          *string `json:"domain,omitempty"`
}

type DescribeDatasetGroupInput struct {
	DatasetGroupArn *string `json:"datasetGroupArn,omitempty"`
}

type DatasetGroup struct {
	Name                *string `json:"name,omitempty"`
	DatasetGroupArn     *string `json:"datasetGroupArn,omitempty"`
	Status              *string `json:"status,omitempty"`
	RoleArn             *string `json:"roleArn,omitempty"`
	KmsKeyArn           *string `json:"kmsKeyArn,omitempty"`
	CreationDateTime    *Time   `json:"creationDateTime,omitempty"`
	LastUpdatedDateTime *Time   `json:"lastUpdatedDateTime,omitempty"`
	FailureReason       *string `json:"failureReason,omitempty"`
	Domain              *string `json:"domain,omitempty"`
}

type DescribeDatasetGroupOutput struct {
	DatasetGroup *DatasetGroup `json:"datasetGroup,omitempty"`
}

type ListDatasetGroupsInput struct {
	NextToken  *string `json:"nextToken,omitempty"`
	MaxResults *int32  `json:"maxResults,omitempty"`
}

type DatasetGroupSummary struct {
	Name                *string `json:"name,omitempty"`
	DatasetGroupArn     *string `json:"datasetGroupArn,omitempty"`
	Status              *string `json:"status,omitempty"`
	CreationDateTime    *Time   `json:"creationDateTime,omitempty"`
	LastUpdatedDateTime *Time   `json:"lastUpdatedDateTime,omitempty"`
	FailureReason       *string `json:"failureReason,omitempty"`
	Domain              *string `json:"domain,omitempty"`
}

type ListDatasetGroupsOutput struct {
	DatasetGroups []DatasetGroupSummary `json:"datasetGroups"`
	NextToken     *string               `json:"nextToken,omitempty"`
}

type DeleteDatasetGroupInput struct {
	DatasetGroupArn *string `json:"datasetGroupArn,omitempty"`
}

// DeleteDatasetGroupOutput is empty: the model has no output for the operation.
type DeleteDatasetGroupOutput struct{}

type CreateEventTrackerInput struct {
	Name            *string          `json:"name,omitempty"`
	DatasetGroupArn *string          `json:"datasetGroupArn,omitempty"`
	Tags            []PersonalizeTag `json:"tags,omitempty"`
}

type CreateEventTrackerOutput struct {
	EventTrackerArn *string `json:"eventTrackerArn,omitempty"`
	TrackingId      *string `json:"trackingId,omitempty"`
}

type DescribeEventTrackerInput struct {
	EventTrackerArn *string `json:"eventTrackerArn,omitempty"`
}

type EventTracker struct {
	Name                *string `json:"name,omitempty"`
	EventTrackerArn     *string `json:"eventTrackerArn,omitempty"`
	AccountId           *string `json:"accountId,omitempty"`
	TrackingId          *string `json:"trackingId,omitempty"`
	DatasetGroupArn     *string `json:"datasetGroupArn,omitempty"`
	Status              *string `json:"status,omitempty"`
	CreationDateTime    *Time   `json:"creationDateTime,omitempty"`
	LastUpdatedDateTime *Time   `json:"lastUpdatedDateTime,omitempty"`
}

type DescribeEventTrackerOutput struct {
	EventTracker *EventTracker `json:"eventTracker,omitempty"`
}

type ListEventTrackersInput struct {
	DatasetGroupArn *string `json:"datasetGroupArn,omitempty"`
	NextToken       *string `json:"nextToken,omitempty"`
	MaxResults      *int32  `json:"maxResults,omitempty"`
}

type EventTrackerSummary struct {
	Name                *string `json:"name,omitempty"`
	EventTrackerArn     *string `json:"eventTrackerArn,omitempty"`
	Status              *string `json:"status,omitempty"`
	CreationDateTime    *Time   `json:"creationDateTime,omitempty"`
	LastUpdatedDateTime *Time   `json:"lastUpdatedDateTime,omitempty"`
}

type ListEventTrackersOutput struct {
	EventTrackers []EventTrackerSummary `json:"eventTrackers"`
	NextToken     *string               `json:"nextToken,omitempty"`
}

type DeleteEventTrackerInput struct {
	EventTrackerArn *string `json:"eventTrackerArn,omitempty"`
}

// DeleteEventTrackerOutput is empty: the model has no output for the operation.
type DeleteEventTrackerOutput struct{}

type TagResourceInput struct {
	ResourceArn *string          `json:"resourceArn,omitempty"`
	Tags        []PersonalizeTag `json:"tags,omitempty"`
}

type TagResourceOutput struct{}

type UntagResourceInput struct {
	ResourceArn *string  `json:"resourceArn,omitempty"`
	TagKeys     []string `json:"tagKeys,omitempty"`
}

type UntagResourceOutput struct{}

type ListTagsForResourceInput struct {
	ResourceArn *string `json:"resourceArn,omitempty"`
}

type ListTagsForResourceOutput struct {
	Tags []PersonalizeTag `json:"tags"`
}

// Amazon Personalize Events (REST-JSON).

type MetricAttribution struct {
	EventAttributionSource *string `json:"eventAttributionSource,omitempty"`
}

type Event struct {
	EventId           *string            `json:"eventId,omitempty"`
	EventType         *string            `json:"eventType,omitempty"`
	EventValue        *float64           `json:"eventValue,omitempty"`
	ItemId            *string            `json:"itemId,omitempty"`
	Properties        *string            `json:"properties,omitempty"`
	SentAt            *Time              `json:"sentAt,omitempty"`
	RecommendationId  *string            `json:"recommendationId,omitempty"`
	Impression        []string           `json:"impression,omitempty"`
	MetricAttribution *MetricAttribution `json:"metricAttribution,omitempty"`
}

type PutEventsInput struct {
	TrackingId *string `json:"trackingId,omitempty"`
	UserId     *string `json:"userId,omitempty"`
	SessionId  *string `json:"sessionId,omitempty"`
	EventList  []Event `json:"eventList,omitempty"`
}

type PutEventsOutput struct{}
