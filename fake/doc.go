// Package fake is an in-process, in-memory AWS for Go tests: SageMaker ML lineage (actions,
// artifacts, contexts, the default lineage group, and the graph of associations between them
// that QueryLineage walks) and Amazon Personalize event tracking, behaving like the real
// services where a test can tell.
//
// # Doors
//
// There are two ways in, and both reach the same state:
//
//   - The typed doors, f.SageMaker(), f.Personalize() and f.PersonalizeEvents(), have the exact
//     method signatures of aws-sdk-go-v2's clients for the supported operations (generated from
//     the service models and the SDK's sources). Each satisfies its interface (SageMakerAPI,
//     PersonalizeAPI, PersonalizeEventsAPI, which the real clients satisfy too), any narrower
//     interface you declare, and the SDK's own paginators.
//   - The wire door, f.Handler(), speaks the real protocols (AWS JSON 1.1 and REST-JSON).
//     f.AWSConfig() wires unmodified SDK v2 clients to it in process:
//     sagemaker.NewFromConfig(f.AWSConfig()). On a socket (cmd/awsfake) it serves boto3, the
//     AWS CLI and every other SDK: the server serves the same handler, and is built without
//     any AWS SDK package (only this package, for its typed doors, imports the SDK).
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
//   - AWS's documented quotas per account and Region: 3,000 actions, 6,000 artifacts, 500
//     contexts (WithQuota changes them, 0 lifts them); one more create is ResourceLimitExceeded.
//   - Timestamps have millisecond precision.
//
// Documented guesses, where AWS does not say:
//   - The duplicate-name error is ValidationException "Action <arn> already exists." (the
//     code and the words "already exists" are what AWS's own Python SDK matches).
//   - Names are compared exactly: "Deploy" and "deploy" are two actions.
//   - Actions created at the same instant are ordered by creation.
//   - Tagging a resource that does not exist is ValidationException; more than the tag quota
//     (50) on one resource is ResourceLimitExceeded; AddTags returns every tag of the resource.
//     Tags work on actions, artifacts, contexts and the default lineage group.
//   - With several violations, messages list them alphabetically by member; values of
//     sensitive members, and of lists, maps and structures holding one (PutEvents'
//     eventList), are left out ("Value at 'x' failed ...").
//
// # Lineage entities: artifacts, contexts, lineage groups
//
// Faithful:
//   - An artifact's identity is its source, not its name: ArtifactName is optional and may
//     repeat; a second artifact with the same SourceUri and SourceTypes is 400
//     ValidationException, whose message says "already exists" and names the existing ARN.
//     The ARN ends in 32 lowercase hex digits, the same for the same source in every account.
//   - DescribeArtifact and UpdateArtifact take the ARN; DeleteArtifact the ARN or the Source
//     (neither: ValidationException "Either ArtifactArn or Source must be specified.").
//     UpdateArtifact may rename; nothing changes a source or a type.
//   - A context's name is unique per account and Region, may contain '_' (unlike action
//     names), and ends its ARN (context/<name>); its SourceUri may repeat, and may be an
//     action's. DescribeContext takes a name or an ARN; UpdateContext and DeleteContext a name.
//   - ListArtifacts and ListContexts: exact SourceUri and type filters, CreatedAfter and
//     CreatedBefore inclusive, Descending by CreationTime unless asked (contexts also sort by
//     Name; artifacts only by CreationTime), MaxResults 1-100, default 10, filters applied
//     before paging, Ascending the exact reverse of Descending.
//   - The account's default lineage group, sagemaker-default-lineage-group
//     (arn:<partition>:sagemaker:<region>:<account>:lineage-group/sagemaker-default-lineage-group),
//     exists once the account has a lineage entity; ListLineageGroups lists it, Ascending by
//     default; DescribeLineageGroup of any other name is ResourceNotFound.
//
// Documented guesses:
//   - The artifact id is the first 32 hex digits of the SHA-256 of its SourceUri and the set
//     of its SourceTypes (order and repeats ignored). AWS's derivation is unknown.
//   - The duplicate messages: "Artifact with source (<uri>) already exists: <arn>" and
//     "Context <arn> already exists."; context names are compared exactly, and their pattern
//     is printed with a leading '^' in validation messages, as entity names' are.
//   - DeleteArtifact with both an ARN and a Source deletes by the ARN. By a Source without
//     SourceTypes it deletes the one artifact with that SourceUri; two or more is a
//     ValidationException naming them.
//   - The default lineage group is per account and Region, is created with the first action,
//     artifact or context, stays when they are deleted, and holds every entity: Describe of
//     an action, artifact or context gives its ARN as LineageGroupArn. It has no DisplayName
//     or Description; tags work on its ARN as on any resource the fake holds.
//   - CreatedBy and LastModifiedBy are never set (the fake knows no users).
//
// # Lineage graph: associations and QueryLineage
//
// Actions, artifacts and contexts are the vertices of an account's lineage graph in a Region;
// associations are its edges. f.LineageGraph(account, region) renders it as a Mermaid flowchart,
// and a fake made by ForTest logs it when its test fails. Seed edges with scenario.Association
// (ends by ARN or by the Label of an artifact, action or context seed).
//
// Faithful:
//   - AddAssociation needs both ends to exist (ResourceNotFound): any ARN of the model's
//     pattern (experiment, trial component, artifact, action, context; not a trial). Two
//     experiment entities are a ValidationException. The output echoes the ends; an
//     association has no ARN and no tags. AWS's quota: 6,000 per account and Region
//     (WithQuota(Associations, n)), then ResourceLimitExceeded.
//   - An association is its two ends: DeleteAssociation takes only those, and a missing pair
//     is ResourceNotFound. The reverse pair is another association.
//   - ListAssociations: every filter of the model (SourceArn, DestinationArn, SourceType,
//     DestinationType, AssociationType, CreatedAfter and CreatedBefore inclusive), applied
//     before paging; every sort, CreationTime Descending by default; MaxResults 1-100, default
//     10. SourceType and DestinationType are the end's own type (its ArtifactType, ActionType or
//     ContextType), SourceName and DestinationName its name, omitted for an unnamed artifact.
//   - QueryLineage walks from its one start ARN (an unknown one is ResourceNotFound):
//     Descendants follows associations from source to destination, Ascendants the other way,
//     and Both both ways at every vertex it reaches, not only at the start. MaxDepth counts
//     associations from the start, at most 10. Filters choose which vertices are returned and
//     never prune the walk: Types and LineageTypes must both match, by any of their elements;
//     Properties match by any pair; the windows are inclusive. "Filters": {} is accepted, and a
//     LineageType outside the enum (the Python SDK's "Trial") is a ValidationException. A
//     vertex is its ARN, its type string and its lineage type; edges keep the orientation they
//     were created with. Vertices and Edges are always in the JSON, [] when empty: AWS's Python
//     SDK indexes both directly.
//
// Documented guesses, where AWS does not say:
//   - Adding a pair that exists, with any AssociationType, is ValidationException
//     "Association between <src> and <dst> already exists." (the words AWS's Python SDK
//     matches); it never retypes the association. An AssociationType not given is not
//     invented: it is omitted in every output. Self-loops are accepted. The fake has no
//     experiments or trial components, so associations to them are ResourceNotFound.
//   - Deleting an action, artifact or context that still has associations is refused with
//     ValidationException "<arn> cannot be deleted while it has associations (n): delete them
//     first."; WithCascadingDeletes deletes them with it instead. Either way no association is
//     left dangling.
//   - ListAssociations orders equal sort keys by creation; CreatedBy is never set.
//   - QueryLineage's defaults are Direction Both, MaxDepth 10 and IncludeEdges false; no
//     StartArns is a ValidationException, as are a negative MaxDepth and a MaxResults below 1.
//     The start vertex is returned only with IncludeEdges, and only if it passes the filters.
//     With IncludeEdges, the answer adds every vertex and edge on the walk's shortest paths from
//     the start to the matched vertices. Without MaxResults every vertex comes in one page (the
//     Python SDK never pages); with it (1-50) vertices are paged in the walk's order, each edge
//     on the page of its end farther from the start, and a NextToken works only for the query
//     that made it.
//
// Every query costs what it visits: each vertex keeps its associations both ways, so
// QueryLineage, ListAssociations by an end and a cascading delete cost the subgraph they touch,
// not the size of the graph.
//
// # Personalize
//
// Personalize has both doors: the typed doors f.Personalize() and f.PersonalizeEvents() with the
// exact signatures of aws-sdk-go-v2's *personalize.Client (v1.30.0, a minimum: a newer version
// in your module wins by minimal version selection) and *personalizeevents.Client, and the wire
// door for those clients on f.AWSConfig(), aws-sdk-go v1's clients on f.HTTPClient(), boto3 or
// any SDK on cmd/awsfake. Errors are the SDK's types: *types.ResourceNotFoundException,
// ResourceAlreadyExistsException, ResourceInUseException, LimitExceededException,
// InvalidInputException, InvalidNextTokenException, TooManyTagsException and
// TooManyTagKeysException of package personalize/types, and InvalidInputException (400),
// ResourceNotFoundException (404) and ResourceInUseException (409) of personalizeevents/types.
// The typed doors do not retry: where the v2 client tries LimitExceededException three times
// (without waiting, on f.AWSConfig()) and says "exceeded maximum number of attempts", the typed
// door returns the first error.
//
// f.Events(datasetGroupArn) returns the events PutEvents accepted, and f.Records(datasetArn) what
// a dataset holds (GET /_fake/records?datasetArn= on the server), each record with its
// Mismatches against the schema in force.
//
// Faithful:
//   - Statuses are AWS's exact strings. A dataset group, event tracker or dataset is CREATE
//     PENDING, then CREATE IN_PROGRESS, then ACTIVE (or CREATE FAILED, from a scenario) as the
//     clock passes; after a delete, DELETE PENDING, DELETE IN_PROGRESS, then gone
//     (ResourceNotFoundException); after UpdateDataset, UPDATE PENDING, UPDATE IN_PROGRESS, then
//     ACTIVE, with latestDatasetUpdate. lastUpdatedDateTime is when the status last changed.
//   - One event tracker per dataset group (ResourceAlreadyExistsException); a missing dataset
//     group is ResourceNotFoundException; one that is not ACTIVE, ResourceInUseException.
//     Nothing can be deleted while it is being created, and a dataset group cannot be deleted
//     while it has an event tracker or datasets (ResourceInUseException).
//   - ARNs arn:aws:personalize:<region>:<account>:dataset-group/<name>,
//     ...:event-tracker/<8 hex digits>, ...:schema/<name> and ...:dataset/<group name>/<TYPE>;
//     trackingId a lowercase UUID v4; accountId set.
//   - Schemas: names unique per account and Region ("Another resource with Arn ... already
//     exists."); a flat Avro record whose fields are float, double, int, long, string, boolean
//     or null, or a union of one of them with null; field names unique once only their letters
//     and digits are compared; categorical and textual only on strings. No status, no tags;
//     DescribeSchema returns the schema exactly as sent. A schema cannot be deleted while any
//     dataset in any group uses it, even one being deleted. Quota: 500 (WithQuota(Schemas, n)).
//   - Datasets: datasetType in any case (stored in capitals); one of each type per group; the
//     schema must have the type's required fields with their types, reserved fields with theirs,
//     at least one metadata field where the type asks for one, and a domain group's own required
//     fields; no Actions dataset in a domain group. UpdateDataset only for Items and Users, with
//     a schema that keeps every field as it was and adds only nullable ones. An Action
//     interactions dataset has its own trackingId, which only PutActionInteractions takes.
//   - Constraint violations are InvalidInputException with AWS's wording; an invalid
//     nextToken is InvalidNextTokenException; more than 50 tags on a resource is
//     TooManyTagsException, more than 50 keys to untag TooManyTagKeysException.
//   - PutEvents takes 1 to 10 events with eventType and sentAt (integer or fractional epoch
//     seconds); properties must be a JSON object of at most 1024 characters without the keys
//     Personalize sets itself (userId, sessionId, eventType, timestamp, recommendationId,
//     impression, in any case). The events are appended to the group's Interactions dataset.
//   - PutItems, PutUsers, PutActions and PutActionInteractions take 1 to 10 records with the
//     model's limits (properties a JSON object of at most 32000, 24000, 32000 and 1024
//     characters), checked by the fake as AWS checks them (the SDKs check only required
//     members). A repeated item, user or action id replaces the earlier record.
//
// Documented guesses, where AWS does not say:
//   - Timings (WithLifecycle; DefaultLifecycle): CREATE PENDING 5 s, CREATE IN_PROGRESS 55 s,
//     DELETE PENDING 5 s, DELETE IN_PROGRESS 25 s; datasets, from real runs, CREATE IN_PROGRESS
//     10 s, UPDATE PENDING 10 s and UPDATE IN_PROGRESS 110 s.
//   - The dataset-group quota (default 5) counts groups from creation until their deletion is
//     asked for; a name stays taken until the group is gone; names are checked before the quota.
//   - A tracker that is being deleted still counts as the group's one tracker.
//   - PutEvents with an unknown trackingId, or one whose tracker is not ACTIVE, is
//     InvalidInputException; so is PutEvents for a group without an ACTIVE Interactions
//     dataset (WithEventsWithoutDataset accepts such events).
//   - Schema refusals are InvalidInputException "Invalid schema: <reason>" (at CreateDataset,
//     "Invalid schema for a <TYPE> dataset: <reason>"), the reason in the fake's own words.
//     CreateSchema checks the Avro rules; the dataset type's fields, the record's name
//     (compared ignoring case and underscores) and the domain are checked when CreateDataset
//     or UpdateDataset uses the schema. A schema of another domain than the group's is
//     InvalidInputException.
//   - CreateDataset in a group that is not ACTIVE, and UpdateDataset or DeleteDataset of a
//     dataset being created, updated or deleted, are ResourceInUseException (a dataset in
//     CREATE FAILED can be deleted). An Action interactions dataset's trackingId is a UUID.
//   - The data plane: a dataset that does not exist is 404 ResourceNotFoundException, one that
//     is not ACTIVE 409 ResourceInUseException, one of another type 400 InvalidInputException;
//     PutActionInteractions with an unknown trackingId is 404. Records whose properties do not
//     fit the schema (a key no field takes, a value of the wrong type, a field that does not
//     allow null left out) are accepted, as AWS drops them later rather than refusing them;
//     Record.Mismatches says so. Property keys are the fields' names in camelCase
//     (numberOfRatings for NUMBER_OF_RATINGS).
//   - Listings are newest first, 100 per page unless maxResults says fewer.
//   - roleArn without kmsKeyArn is InvalidInputException.
//
// Unsupported: import jobs, solutions, campaigns, recommenders, filters and every other
// Personalize operation not named here or below answer 400 UnknownOperationException.
//
// # Personalize export jobs, metric attributions and algorithms
//
// CreateDatasetExportJob, DescribeDatasetExportJob and ListDatasetExportJobs; the metric
// attribution operations (Create, Describe, List, Update, Delete, ListMetricAttributionMetrics);
// DescribeAlgorithm and DescribeFeatureTransformation. What jobs write to S3 a test reads with
// f.Object(uri) and lists with f.Objects(prefix) (GET /_fake/objects?uri= and ?prefix= on the
// server). Objects appear when their job completes on the fake's clock (nothing writes them in
// the background: they are written when anything looks after that moment) and are the same for
// every account and Region, as S3 bucket names are global; the later of two writes to one URI
// wins. They are apart from the objects jobs read.
//
// Faithful:
//   - An export job's ARN is ...:dataset-export-job/<jobName>; jobName, datasetArn, roleArn and
//     jobOutput.s3DataDestination.path are required (the v2 SDK itself refuses a missing
//     roleArn); ingestionMode BULK, PUT (the default) or ALL; statuses CREATE PENDING, CREATE
//     IN_PROGRESS, then ACTIVE or CREATE FAILED (from a scenario, with its failureReason). Actions
//     and Action interactions datasets cannot be exported.
//   - What it writes: CSV with a header row of the schema's field names, then a row per record
//     in the order the records arrived; PUT takes what PutEvents, PutItems, PutUsers put, BULK
//     what import jobs put, ALL both; records that match exactly are written once.
//   - A metric attribution's ARN is ...:metric-attribution/<name>; at most one per dataset
//     group, at most 10 metrics; expressions SUM(Items.COLUMN) or SUM(Interactions.COLUMN) over a
//     numeric field of that dataset's schema, or SAMPLECOUNT(); the group's Interactions dataset
//     must have an EVENT_TYPE field. UpdateMetricAttribution removes metrics, adds metrics and
//     replaces the output configuration; ListMetricAttributionMetrics pages through its metrics.
//   - DescribeAlgorithm resolves the algorithmArn of every custom recipe, and
//     DescribeFeatureTransformation every featureTransformationArn: names, ARNs, the recipes'
//     documented default hyperparameters (an algorithm's algorithm hyperparameters, a feature
//     transformation's featurization ones) and the documented ranges and HPO tunability.
//
// Documented guesses, where AWS does not say:
//   - Export timings: as an import job's, CREATE PENDING 1 minute, CREATE IN_PROGRESS 4 minutes
//     (WithLifecycle(DatasetExportJobs, ...)). A job writes the dataset as it was when the job
//     was created, one object named <path>/<jobName>/part-00000.csv (AWS says "one or more CSV
//     files": list the destination rather than build the name). TIMESTAMP is epoch seconds,
//     IMPRESSION the ids joined by "|", a field without a value an empty cell, properties by
//     their camelCase keys; records that do not fit the schema are left out, as AWS drops them.
//     The fake keeps one record per item or user id, so PUT cannot show the replaced versions
//     AWS would; until import jobs exist, BULK writes the header alone.
//   - Exporting a dataset that is not ACTIVE is ResourceInUseException; an Actions dataset,
//     InvalidInputException; a dataset cannot be deleted while an export job of it is being
//     created (the rule AWS states for import jobs). Export jobs cannot be deleted (AWS has no
//     operation) and count against no quota unless WithQuota(DatasetExportJobs, n) sets one.
//   - Metric attributions: statuses CREATE PENDING 5 s, CREATE IN_PROGRESS 55 s, then ACTIVE;
//     an update UPDATE PENDING, UPDATE IN_PROGRESS, then ACTIVE, its changes shown at once;
//     DELETE PENDING and DELETE IN_PROGRESS, then gone. A second attribution in a group is
//     ResourceAlreadyExistsException, as a second event tracker is. Every refusal of the metrics
//     is InvalidInputException at once (an expression that does not parse, a dataset the group
//     lacks, a column that is no numeric field, a name used twice, no metric at all); function
//     and dataset names are taken in any case, with spaces. An update while the attribution is
//     not ACTIVE is ResourceInUseException; removing a metric it lacks InvalidInputException,
//     adding a name it has ResourceAlreadyExistsException. ListMetricAttributionMetrics without
//     an ARN is InvalidInputException, with one that does not exist an empty list. A dataset
//     group with a metric attribution cannot be deleted. Metric attributions take no tags at
//     creation (the model has none) but TagResource works on them; a state document does not
//     carry those tags.
//   - Algorithms: algorithmImage.name is the algorithm's name and its dockerURI made up;
//     trainingInputMode "File"; no defaultResourceConfig or roleArn; dates the recipe's. The
//     v2 recipes' apply_recency_bias and the affinity recipes' hidden_dimension are not HPO
//     tunable. A feature transformation two recipes share takes the parameters of the one that
//     documents them. Algorithms of retired (HRNN) recipes are ResourceNotFoundException.
//
// # Scenarios
//
// Faults and seeds come from package scenario: fake.WithScenario at construction,
// f.SetScenario, f.AddRules or f.Inject(t, rules...) during a test, or POST /_fake/scenario on
// the server. They act in the one chokepoint every call of either door passes.
//
// What a rule's predicate reads is made for each evaluation: a predicate over the request's
// JSON document (func(map[string]any) bool, WhenInput) gets the input encoded to JSON and
// decoded into maps, a round trip per predicate evaluated; a predicate over the SDK input type
// gets the caller's own input on a typed door (no conversion), and the input converted to the
// SDK type on the wire door. f.Calls likewise makes each call's documents when it is read.
//
// # State and the dashboard
//
// f.State returns everything the fake holds as seeds (f.StateJSON and GET /_fake/state give its
// JSON); installed in an empty fake it restores each resource with its ARN, generated ids,
// timestamps and status, and the records and events the data-plane calls put. GET /_fake/ui is
// a dashboard of the same, with the lineage graph drawn as SVG, the call log (Call.Injected
// marks calls a scenario rule acted on), the rules and the clock. The page is self-contained,
// escapes every caller's string, and changes state only through the control endpoints.
//
// # Signatures
//
// Signatures are not checked unless WithCredentials (cmd/awsfake -credentials) says which keys
// to accept. The Region of a wire call comes from its signature's credential scope, and an
// access key id of 12 digits selects that account.
//
// # Unsupported SageMaker operations
//
// GetLineageGroupPolicy, experiments, trials and trial components, and every other SageMaker
// operation answer 400 UnknownOperationException naming the operation (never a 5xx an SDK would
// retry). The Personalize operations the fake does not serve are listed under Personalize.
package fake
