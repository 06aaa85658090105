// Package fake is an in-process, in-memory AWS for Go tests: SageMaker ML lineage (actions,
// artifacts, contexts, the default lineage group, and the graph of associations between them
// that QueryLineage walks), SageMaker experiments (experiments, trials and trial components,
// which are lineage entities too, and Search over them) and Amazon Personalize event tracking,
// training and deployment,
// behaving like the real services where a test can tell.
//
// # Doors
//
// There are two ways in, and both reach the same state:
//
//   - The typed doors, f.SageMaker(), f.Personalize(), f.PersonalizeEvents() and
//     f.PersonalizeRuntime(), have the exact
//     method signatures of aws-sdk-go-v2's clients for the supported operations (generated from
//     the service models and the SDK's sources). Each satisfies its interface (SageMakerAPI,
//     PersonalizeAPI, PersonalizeEventsAPI, PersonalizeRuntimeAPI, which the real clients
//     satisfy too), any narrower
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
//     Tags work on actions, artifacts, contexts, the default lineage group, experiments,
//     trials and trial components (and a seeded job component's job ARN).
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
// Actions, artifacts, contexts and trial components are the vertices of an account's lineage
// graph in a Region; associations are its edges. f.LineageGraph(account, region) renders it as a
// Mermaid flowchart, and a fake made by ForTest logs it when its test fails. Seed edges with
// scenario.Association (ends by ARN or by the Label of an artifact, action, context or trial
// component seed).
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
//     ContextType; a job's trial component's Source.SourceType, such as SageMakerTrainingJob),
//     SourceName and DestinationName its name, omitted for an unnamed artifact.
//   - QueryLineage walks from its one start ARN (an unknown one is ResourceNotFound):
//     Descendants follows associations from source to destination, Ascendants the other way,
//     and Both both ways at every vertex it reaches, not only at the start. MaxDepth counts
//     associations from the start, at most 10. Filters choose which vertices are returned and
//     never prune the walk: Types and LineageTypes must both match, by any of their elements;
//     Properties match by any pair; the windows are inclusive. "Filters": {} is accepted, and a
//     LineageType outside the enum (the Python SDK's "Trial") is a ValidationException. A
//     vertex is its ARN, its type string and its lineage type (a trial component's is
//     TrialComponent, and a job's component has its job's type, TrainingJob where the Source
//     says SageMakerTrainingJob); edges keep the orientation they were created with. Vertices and Edges are always in the JSON, [] when empty: AWS's Python
//     SDK indexes both directly.
//
// Documented guesses, where AWS does not say:
//   - Adding a pair that exists, with any AssociationType, is ValidationException
//     "Association between <src> and <dst> already exists." (the words AWS's Python SDK
//     matches); it never retypes the association. An AssociationType not given is not
//     invented: it is omitted in every output. Self-loops are accepted. Experiments are not
//     lineage entities in the fake: an experiment's ARN (which the pattern allows) is
//     ResourceNotFound. A trial component no job made has no type: QueryLineage gives its
//     vertex no Type and ListAssociations its end no SourceType or DestinationType.
//   - Deleting an action, artifact, context or trial component that still has associations is refused with
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
// # Experiments, trials and trial components
//
// An experiment holds trials; a trial belongs to one experiment and holds trial components; a
// component may be in any number of trials (AssociateTrialComponent), and is a lineage entity.
// Seed them with scenario.Experiment, scenario.Trial and scenario.TrialComponent (with its
// trials); a seeded component may carry the Source and the tags of the job SageMaker would have
// made it for, which no API call can set.
//
// Faithful:
//   - Names are unique per account and Region within each kind, and "not case-sensitive": a
//     name that differs only in case is a duplicate, and lookups by name (or by a component's
//     ARN) ignore case; names and ARNs keep the case given. An experiment, a trial and a
//     component may share a name. Duplicates are ValidationException saying "already exists",
//     what AWS's Python SDK matches; a missing one is ResourceNotFound.
//   - DescribeExperiment, DescribeTrial and the updates and deletes take names;
//     DescribeTrialComponent a name or an ARN. Tags (at create, or AddTags) are never in a
//     description.
//   - UpdateExperiment sets DisplayName and Description, UpdateTrial DisplayName only (a trial
//     never changes experiment). UpdateTrialComponent merges the Parameters, InputArtifacts and
//     OutputArtifacts it is given into the component's, then deletes the keys of the *ToRemove
//     lists, as AWS's integration tests show; status, times and display name are replaced.
//     A parameter is a StringValue or a NumberValue; MediaType is absent unless given.
//   - An experiment with trials, a trial with components and a component still in a trial
//     cannot be deleted (ValidationException; the last in AWS's own words, "TrialComponent
//     '<arn>' is linked to 1 or more trials and cannot be deleted."). A component with lineage
//     associations is refused or cascades as any lineage entity.
//   - ListTrials by ExperimentName or by TrialComponentName (every trial the component is in);
//     ListTrialComponents by one of ExperimentName (the components of any of its trials),
//     TrialName or SourceArn; both sort by CreationTime (default, Descending) or Name, and page
//     as ListActions does. Summaries rename Source (ExperimentSource, TrialSource,
//     TrialComponentSource); a TrialSummary has no ExperimentName.
//   - AWS's quota of 300 trials per experiment, counting those made through the API
//     (WithQuota(Trials, n)), answered ResourceLimitExceeded in the words of a real one.
//   - A trial component joins the default lineage group (LineageGroupArn).
//
// Documented guesses, where AWS does not say (sagemaker-experiments facts, §11):
//   - Messages: "<Kind> with name (<name>) already exists.", "<Kind> '<arn>' does not exist.",
//     "Experiment '<arn>' has 1 or more trials and cannot be deleted.", "Trial '<arn>' has 1 or
//     more trial components and cannot be deleted.".
//   - DisplayName is the name when none was set, in descriptions, summaries and search records.
//   - Associating a pair again succeeds and changes nothing; disassociating a pair that is not
//     associated succeeds (both must exist).
//   - A list filter naming a missing experiment, trial or component is ResourceNotFound; two of
//     ListTrialComponents' filters together, and a parameter with both values, are
//     ValidationException; removing a key that is not there is no error.
//   - Experiments, trial components and trial memberships have no quota unless set
//     (WithQuota(Experiments|TrialComponents, n) per account and Region,
//     WithQuota(TrialMemberships, n) per trial; 50 per trial is reported, not documented).
//   - Metrics are never set (the fake has no BatchPutMetrics); CreatedBy, LastModifiedBy,
//     RunName and a job's full SourceDetail are never set. A validation message for a member of a
//     map's value names it <map>.<key>.<member> (AWS's path is not known).
//
// # Search
//
// Search over Experiment, ExperimentTrial and ExperimentTrialComponent, and
// GetSearchSuggestions; internal/search's package documentation lists every rule and guess of
// the expressions. A query's filters that every match must satisfy (a name, an ARN, a parent
// trial or experiment, a source, a trial's component) choose the candidates from an index, so
// finding the components of one trial costs the same among a thousand or a hundred thousand.
//
// Faithful: the whole SearchExpression grammar of the model (Filters, NestedFilters and
// SubExpressions of 1 to 20, And or Or, 50 parts in all) with every operator; the property
// paths of each record (names, display names, Parents.TrialName, Parents.ExperimentName,
// Tags.<key>, Parameters.<name>, Metrics.<name>.<statistic>, Source.SourceArn, times, ...);
// "'CONTAINS' operator usage limit of 1 exceeded."; SortBy any property, LastModifiedTime
// Descending by default; VisibilityConditions (Tags.<key>); records keyed Experiment, Trial and
// TrialComponent, with Tags, a component's Parents (always a list, [] when it has none) and a
// trial's TrialComponentSummaries; TotalHits; no NextToken on the last page.
//
// Documented guesses: answers are immediate (AWS indexes eventually; its own tests wait);
// MaxResults defaults to 10; TotalHits is exact with Relation EqualTo; an unknown property is
// ValidationException "Unknown property name: <name>"; property names ignore case;
// CrossAccountFilterOption answers this account's resources (nothing is shared); Search over
// the fifteen other resources of the enum (TrainingJob, ...) answers UnknownOperationException
// naming the resource. GetSearchSuggestions suggests, for trial components, the Parameters.,
// Tags. and Metrics. names present that begin with the hint, ignoring case; nothing for others.
// GetLineageGroupPolicy answers ResourceNotFound for every name: no group has a policy (AWS's
// come from AWS RAM).
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
// Every operation of Personalize, Personalize Events and Personalize Runtime is served (a test
// walks the three models through both doors); the sections below say how faithfully.
//
// # Personalize training and deployment
//
// Recipes (ListRecipes, DescribeRecipe), solutions (Create, Describe, List, Update, Delete),
// solution versions (Create, Describe, List, StopSolutionVersionCreation, GetSolutionMetrics),
// campaigns (Create, Describe, List, Update, Delete), filters (Create, Describe, List, Delete)
// and dataset import jobs (Create, Describe, List). UpdateSolution is on the wire door only:
// aws-sdk-go-v2's client v1.30.0 has no such method (boto3, the CLI and aws-sdk-go v1 have it
// or newer members; the typed door converts what v1.30.0 has).
//
// Import jobs read objects from WithObjects(fsys) (the server: -objects DIR): s3://bucket/key is
// the file bucket/key of fsys, a folder reads every CSV object under it. The rows become the
// dataset's records when the job ends ACTIVE, as PutEvents' and PutItems' do (f.Records shows
// them, in the order they arrived), held compactly (about 110 bytes an interaction).
// WithSmallDatasets lets a test train on a handful of rows.
//
// Faithful:
//   - Lifecycles on the clock, with durations from real runs: an import job CREATE PENDING 1
//     minute then CREATE IN_PROGRESS 4; a solution ACTIVE in 2 seconds; training 1 + 44 minutes;
//     a campaign 1 + 8 minutes, its deletion 16; a filter the default minute. WithLifecycle
//     changes each (Lifecycle.Stopping times CREATE STOPPING). A scenario's FailCreation works on
//     every one of them.
//   - Training checks, when it ends, the data AWS documents it needs (at least 1,000
//     interactions after the solution's eventType, and 25 users with two or more each):
//     otherwise CREATE FAILED with AWS's reason ("Create failed. Dataset has fewer than 25 users
//     with at least 2 interactions each."). A version trains on its group's data as it was
//     when the version was created, imports and events alike (a view taken then, copied on
//     write); the model itself is made once, when first needed.
//   - StopSolutionVersionCreation: CREATE PENDING becomes CREATE STOPPED at once, CREATE
//     IN_PROGRESS becomes CREATE STOPPING (2 minutes) then CREATE STOPPED.
//   - GetSolutionMetrics: AWS's eight metric names (coverage, mean_reciprocal_rank_at_25,
//     normalized_discounted_cumulative_gain_at_5/10/25, precision_at_5/10/25), 4 decimals.
//   - ARNs solution/<name>, solution/<name>/<8 hex digits>, campaign/<name>, filter/<name>,
//     dataset-import-job/<name>; a version's default name <solution name>/<id>; names unique per
//     account and Region ("Another resource with Arn ... already exists.").
//   - Recipes: AWS's catalogue (custom recipes and domain use cases, no retired HRNN), sorted by
//     name, ListRecipes' domain filter; DescribeRecipe's types, algorithm and feature
//     transformation ARNs.
//   - Campaigns keep minProvisionedTPS (default 1) and campaignConfig; UpdateCampaign needs an
//     ACTIVE or CREATE FAILED campaign, shows in latestCampaignUpdate (only after the first
//     update) with its own CREATE PENDING, CREATE IN_PROGRESS, ACTIVE, and the campaign serves
//     the version it served until then. <solution ARN>/$LATEST deploys the newest ACTIVE version.
//   - Filters: the expression grammar parsed in full at CreateFilter; a syntax error is
//     InvalidInputException opening with AWS's words ("Could not create filter. Invalid
//     Expression", "... Invalid input symbol") and saying where (offset and text).
//   - Import jobs: FULL (the default) replaces what imports put before, not what PutEvents and
//     PutItems put; INCREMENTAL adds and replaces by id; a location that cannot be read ends
//     CREATE FAILED "Invalid Data location."; a file missing a required column, with AWS's
//     words; fewer than 1,000 interaction records fail the job.
//   - Deletion rules: a solution with a campaign, or a version being trained, cannot be deleted
//     (ResourceInUseException), and its versions go with it; a dataset cannot be deleted while
//     an import job of it, or a version of its group, is being created.
//   - Quotas (WithQuota, the server's -quota): 10 solutions, 5 campaigns and 10 filters per
//     dataset group; 20 solution versions and 5 import jobs being created per Region, with
//     AWS's messages ("More than 5 resources with PENDING or IN_PROGRESS status.", "Cannot
//     create a campaign. More than 5 resources in ACTIVE state. ..."). Tags on every new kind.
//
// Documented guesses, where AWS does not say:
//   - A failed training shows CREATE FAILED when its training would have ended; the reason
//     for too few interactions is "Create failed. Dataset has fewer than 1000 interactions."
//     (with the event type when the solution has one); Next-Best-Action needs 1,000 action
//     interactions; a recipe's required dataset missing from the group fails the training.
//   - Metric values and the model are the recommend package's stand-in, computed from the data
//     (leave-last-out over the training data); an UPDATE version reports no metrics.
//   - trainingHours is the hours of CREATE IN_PROGRESS; trainingType is MANUAL; AUTOTRAIN is
//     refused at CreateSolutionVersion; UPDATE needs a User-Personalization recipe and an
//     ACTIVE FULL version (InvalidInputException).
//   - performAutoTraining is kept (true unless said) but the fake trains nothing by itself.
//     AutoML picks the first served recipe of autoMLConfig.recipeList (else
//     aws-user-personalization), shown as autoMLResult once a version is ACTIVE.
//   - Codes: an unknown recipe or parent ARN is ResourceNotFoundException, a parent not ACTIVE
//     ResourceInUseException (CreateFilter, which models none, InvalidInputException), a retired
//     or use-case recipe in CreateSolution InvalidInputException, a campaign of a segmentation
//     recipe InvalidInputException, metrics before ACTIVE ResourceInUseException.
//   - A filter that parses but does not fit the group's schemas ends CREATE FAILED with the
//     reason; more than 20 distinct fields across a group's filters is LimitExceededException.
//   - UpdateSolution and UpdateCampaign refuse while their last update is under way; a campaign
//     whose creation failed is ACTIVE once an update is; syncWithLatestSolutionVersion makes a
//     campaign serve its solution's newest ACTIVE version as versions end.
//   - Import jobs read their objects when created; a header names fields ignoring case, in any
//     order (csvimport's documented choices); failure reasons name the object, line and field;
//     INCREMENTAL needs a FULL import that is ACTIVE or running; an item both imported and put
//     is the later of the two.
//   - Lists are newest first (ListRecipes by name), 100 per page.
//
// Unsupported here: automatic training (performAutoTraining's versions) and HPO; recommenders,
// batch jobs and the runtime have their own sections.
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
//     AWS would; BULK writes what import jobs put, PUT what the data-plane operations put.
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
// # Personalize Runtime
//
// GetRecommendations, GetPersonalizedRanking and GetActionRecommendations (f.PersonalizeRuntime(),
// the v2 client on f.AWSConfig(), the server's POST /recommendations, /personalize-ranking and
// /action-recommendations) answer from the data. A campaign serves the model of the solution
// version it deploys (the newest ACTIVE one with syncWithLatestSolutionVersion; the previous one
// until an update is ACTIVE), trained once, when first needed, on the group's data as it was when
// the version was created. The rules are internal/recommend's (go doc ./internal/recommend): a
// deterministic stand-in for AWS's models that a test can predict by hand.
//
// Faithful:
//   - Inputs and limits: campaignArn or recommenderArn (not both); userId or itemId as the
//     recipe needs them (an extra itemId for user personalization is ignored); numResults
//     default 25, at most 500, at most 50 with metadataColumns; inputList at most 500 (50 with
//     metadata); GetActionRecommendations' numResults default 5, at most 100; context accepted;
//     filterValues bound to the filter's placeholders with AWS's quoting (strings in double
//     quotes, comma separated; numbers bare), an INCLUDE expression needing all its values; one
//     promotion, its filter's items taking percentPromotedItems of the list, named by
//     promotionName; metadataColumns {"ITEMS": [...]} (at most 10 columns of the Items schema)
//     only when the campaign has enableMetadataWithRecommendations.
//   - Outputs: a recommendationId RID-<uuid v4> per answer; a score where AWS gives one (user
//     personalization and ranking, summing to 1 over the catalogue and over the input list;
//     next best action 0–1; none for SIMS, Similar-Items, Popularity-Count, Trending-Now);
//     unknown ranked items last without a score; reason only for User-Personalization-v2.
//   - Real-time behaviour: the asking user's events sent since the version was created change
//     that user's answer at once and nobody else's; Popularity-Count and SIMS change only with
//     a new version; a user the model does not know gets the popular items, without an error.
//   - Errors: ResourceNotFoundException (HTTP 404) for an unknown campaign, recommender or
//     filter; InvalidInputException (400) for everything else.
//
// Documented guesses, where AWS does not say:
//   - The ranking rules themselves, ties broken by id.
//   - Which refusal is InvalidInputException, and its words: a campaign not ACTIVE, both or
//     neither ARN, a missing userId or itemId, a recipe the operation does not serve, a filter
//     not ACTIVE, of another dataset group or filtering actions for items, a promotion without a
//     name, filterArn or percentPromotedItems, numResults over the limit.
//   - Events sent without a userId belong to their sessionId, which may be asked for as userId
//     (AWS: "an anonymous user"). A filter's item fields are the item's latest record (the one
//     PutItems put over an imported one); its interaction conditions read every interaction of
//     the user, imported or sent, within AWS's 100 most recent per event type.
//   - Promoted items keep their place in the model's order (AWS places them at random).
//   - New items: an item of the Items dataset without interactions when the version was
//     created (a cold item) appears only in the exploration slots of a User-Personalization
//     campaign, floor(explorationWeight × numResults) of them (default weight 0.3, cut-off 30
//     days), last; an item put after the version was created is unknown to it (AWS's two-hourly
//     automatic update is not run: train a new version and update the campaign).
//   - A recommenderArn answers as a campaign does, with the recommender's use case and model
//     (see Personalize recommenders below); an unknown one is ResourceNotFoundException, one not
//     ACTIVE (but still stopping) InvalidInputException.
//   - A scenario rule may declare an answer (scenario.Rule.Answer, JSON "answer"): the call is
//     checked and answered as any other, then the declared ids replace the list, cut to
//     numResults, with metadata when asked and without scores.
//
// # Personalize recommenders, batch jobs and data deletion jobs
//
// The recommender operations (Create, Describe, List, Update, Delete, Start, Stop), batch
// inference and batch segment jobs (Create, Describe, List) and data deletion jobs (Create,
// Describe, List; on the wire door only, as the pinned aws-sdk-go-v2 client has no methods for
// them). With them every operation of Personalize, Personalize Events and Personalize Runtime is
// routed.
//
// Faithful:
//   - A recommender's ARN is ...:recommender/<name>. It is created only in a Domain dataset group
//     with a use case of that domain (a custom recipe: "Only Domain dataset group use cases can
//     be used"; another domain's, or a Custom group: InvalidInputException); 5 per group. It
//     trains its own model from the group's data as it is at creation, exactly as a solution
//     version of its use case would (the same data requirements: CREATE FAILED with "Create
//     failed. Dataset has fewer than 1000 interactions after filtering by event type: Purchase"
//     for Best sellers on views only). Statuses CREATE PENDING > CREATE IN_PROGRESS > ACTIVE |
//     CREATE FAILED; StopRecommender (ACTIVE only) STOP PENDING > STOP IN_PROGRESS > INACTIVE;
//     StartRecommender (INACTIVE only) START PENDING > START IN_PROGRESS > ACTIVE;
//     DeleteRecommender DELETE PENDING > DELETE IN_PROGRESS, then gone. UpdateRecommender
//     requires recommenderConfig; latestRecommenderUpdate appears after it, with its own
//     statuses, and the previous configuration serves until it is ACTIVE. A dataset group with a
//     recommender cannot be deleted.
//   - Batch jobs' ARNs are ...:batch-inference-job/<jobName> and ...:batch-segment-job/<jobName>;
//     they need an ACTIVE solution version of a recipe that serves them (no batch inference for
//     Trending-Now, Next-Best-Action or the segmentation recipes; segments only from
//     aws-item-affinity and aws-item-attribute-affinity). They read JSON Lines from the objects
//     given with WithObjects (a file, or every object under a folder) and write one object per
//     input object, <input name>.out under the output path, a line per input line:
//     {"input": {...}, "output": {"recommendedItems": [...], "scores": [...]}, "error": null}, or
//     {"output": {"usersList": [...]}} for segments. Statuses CREATE PENDING > CREATE
//     IN_PROGRESS > ACTIVE | CREATE FAILED, as real runs show them; 5 of each kind being created
//     per Region ("More than 5 resources with PENDING or IN_PROGRESS status."). numResults
//     defaults to 25, at most 500 for inference.
//   - A data deletion job's ARN is ...:data-deletion-job/<jobName>; it reads a CSV with a USER_ID
//     column (a folder: every CSV under it); statuses PENDING > IN_PROGRESS > COMPLETED | FAILED.
//     When COMPLETED the users' data leaves the group: their imported interactions and action
//     interactions, their Users records (imported or put) and the events PutEvents recorded.
//
// Documented guesses, where AWS does not say:
//   - Recommender timings: 45 minutes to create (as training), the same for an update, which
//     retrains on the data at the update; 1 + 4 minutes to stop or to start (fixed); 17 minutes
//     to delete. modelMetrics are GetSolutionMetrics' eight keys from the stand-in model, shown
//     once training succeeded. minRecommendationRequestsPerSecond is shown as 1 when not given.
//     Start, stop, update and delete in any other state, and an update while one is under way,
//     are ResourceInUseException; itemExplorationConfig only for Top picks for you and
//     Recommended for you. A state document restores a stopped recommender stopped (its seed
//     notes when, IDs "stoppedAt": one being stopped goes on stopping); one being started comes
//     back ACTIVE.
//   - GetRecommendations with a recommenderArn answers from the model the recommender serves at
//     that moment (the latest update's once ACTIVE), by its use case's rules (Recommended for you
//     and Top picks as User-Personalization, leaving out what the user purchased or watched, even
//     since training; Most viewed, Best sellers, Most popular by popularity of their event type;
//     the "X" use cases by co-occurrence), the user's events since training counted at once, its
//     itemExplorationConfig and enableMetadataWithRecommendations as a campaign's. It serves while
//     ACTIVE and while being stopped; otherwise InvalidInputException.
//   - Batch jobs compute every line when they are created, from the data then, and write when
//     they complete. A line's filterValues bind the job's filter as GetRecommendations' would; a
//     line the model cannot answer (no userId for User-Personalization, filter values that do not
//     bind, no itemList for Personalized-Ranking) gets "output": null and an "error"; an input
//     that cannot be read or a line that is not a JSON object make the job CREATE FAILED with
//     why. Scores only where GetRecommendations gives them. batchInferenceJobConfig is kept and
//     shown; its itemExplorationConfig explores as a campaign's, its rankingInfluence is not
//     applied. THEME_GENERATION is refused (no generative model). An item attribute query of a segment job is read with the filter
//     grammar (ITEMS.X = "v" as Items.X IN ("v")); segment numResults defaults to 25. Timings:
//     20 minutes for inference, 8 for segments. A filter of another group, or of the wrong
//     target, is InvalidInputException; a filter cannot be deleted while a batch job that uses it
//     is being created, nor a dataset group while a data deletion job of it is.
//   - Data deletion: what was recorded up to the job's completion is removed, what comes after
//     stays; solution versions, recommenders and batch jobs made before keep what they read (AWS
//     removes deleted data from models at their next training). numDeleted counts the rows,
//     records and events removed. Timings as an import job's (5 minutes). TagResource works on
//     recommenders and all these jobs.
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
// timestamps and status, the records and events the data-plane calls put, the lineage group's
// tags, and a mock clock's time (Scenario.Clock, which installing it moves a mock clock forward
// to). GET /_fake/ui is a dashboard of the same, with the lineage graph drawn as SVG, each
// dataset's records a click away with their schema mismatches, the call log (Call.Injected
// marks calls a scenario rule acted on), the rules and the clock. The page is self-contained,
// escapes every caller's string, runs no script but its own (a nonce in its CSP), and changes
// state only through the control endpoints.
//
// # Web pages
//
// f.Handler() refuses requests a browser marks as sent by another site (an Origin that is not
// the handler's own, Sec-Fetch-Site cross-site), since any page can send requests to a fake on
// a socket; WithCORSOrigin lets a browser app call it on purpose. WithHostCheck also refuses
// a Host that is not loopback (DNS rebinding), as cmd/awsfake does. Control endpoints that
// change state, and Personalize Events' REST routes, take application/json only (a guess where
// AWS is silent on the routes: every SDK sends it). The call log keeps at most 10,000 calls
// (WithCallLog) within 64 MiB (WithCallLogBytes), and keeps any string past 128 KiB cut short
// with a marker: only invalid values are that long, and AWS's own validation messages, which
// the caller still gets whole, echo them in full.
//
// # Regions
//
// A Region name must have AWS's form (us-east-1, us-gov-west-1, cn-north-1, us-isob-east-1):
// WithRegion refuses another, and a call whose signature (or typed call's Options.Region)
// names one is refused with 403 InvalidSignatureException, "Credential should be scoped to a
// valid region", AWS's answer to a Region it does not serve (a choice: AWS checks Regions by its
// endpoints, which a fake has none of), with the Regions that hold resources. A well-formed
// Region the fake has not heard of is a world of its own.
//
// # Signatures
//
// Signatures are not checked unless WithCredentials (cmd/awsfake -credentials) says which keys
// to accept. The Region of a wire call comes from its signature's credential scope, and an
// access key id of 12 digits selects that account.
//
// # Unsupported SageMaker operations
//
// Every SageMaker operation not described above (training jobs, endpoints, models, pipelines,
// BatchPutMetrics, ...) answers 400 UnknownOperationException naming the operation (never a 5xx
// an SDK would retry). The Personalize operations the fake does not serve are listed under Personalize.
package fake
