// Package search is SageMaker's Search (and GetSearchSuggestions) over the experiment
// resources: Experiment, ExperimentTrial and ExperimentTrialComponent. It knows the
// SearchExpression grammar, the property names of each resource's search record, and how
// filters, nested filters, sub-expressions and sorting behave; it knows nothing of the engine,
// which supplies records through the small Record interface.
//
// The engine serves Search in five steps:
//
//	q, err := search.Compile(resource, expr)              // *search.Error: ValidationException
//	o, err := search.NewOrder(resource, sortBy, sortOrder) // (Unsupported: not the user's fault)
//	candidates := every record of the kind, or, for one of q.Hints(), the records an index
//	              holds under its values (by name, ARN, parent trial or experiment, source)
//	for each candidate: if q.Match(adapter(r)) { matches = append(matches, r) }
//	search.Sort(o, matches); TotalHits = len(matches) (EqualTo); page as other lists do
//
// Compile assumes the model's validator ran first, as the engine does for every operation; it
// repeats the model's size, length and enum checks only to be safe and faithful without it.
//
// # Faithful
//
// From the service model and its documentation ([H] in the facts, sagemaker-experiments.md §7):
// the grammar (Filters, NestedFilters and SubExpressions of 1 to 20 each, Operator And by
// default); at most 50 sub-expressions, nested filters and filters in one expression; a Value
// without an Operator means Equals; what each operator means; comparisons "not supported for
// text properties", In and Contains "only supported for text properties"; In reads "comma
// delimited strings"; Contains usable more than once only on the names, display names, tags
// and (for trial components) artifacts, else "'CONTAINS' operator usage limit of 1 exceeded.";
// the property names are the dotted paths of each resource's search record, with Tags.<key>,
// Parameters.<name> and Metrics.<name>.<statistic>; a nested filter holds when "a single object
// in the list satisfies all" its filters; numbers are "an integer or floating-point decimal";
// times are ISO 8601 "YYYY-mm-dd'T'HH:MM:SS"; a decimal parameter compared with an integer
// Value is "treated as an integer" (documented for HyperParameters, applied to Parameters);
// sorting by any property, LastModifiedTime and Descending by default.
//
// # Documented guesses
//
// Where the facts mark a behaviour [L] or NOT FOUND (their §11 decisions are cited by number):
//   - An unknown property name is ValidationException "Unknown property name: <Name>" (23).
//     TrialName on a trial component is unknown: its record has Parents.TrialName instead.
//   - Property names match ignoring case, segment by segment ("metrics.acc.max" worked against
//     AWS); tag keys, parameter names, artifact names and metric names match exactly (23).
//   - A filter on a list (Parents.TrialName, Metrics.Max, TrialComponentSummaries.*) holds if
//     any element satisfies it (23); NotEquals and NotExists hold if no element satisfies
//     Equals or Exists, so NotEquals also matches records without the property (as
//     Elasticsearch's must_not, which serves SageMaker Search, does).
//   - Equals, In and Contains compare case-sensitively; Equals never splits on commas (24); In
//     trims spaces around its pieces and drops empty ones.
//   - Operators on the wrong kind of property are refused (25), and so are other operators
//     without a Value, and Exists or NotExists with one (the facts' table says only "Value
//     unused"; refusing is the stricter reading, one line in compile.go to relax). A filter
//     with neither Operator nor Value is Exists (an older version of the documentation says
//     so). The messages are guesses.
//   - NestedFilters on a property that is not a list are refused, as AWS refused them on
//     ExperimentName ("failed validation", facts §7.4 [M]).
//   - Time values also take a zone or offset, fractional seconds, a date alone, or epoch
//     seconds; a time without a zone is UTC; times compare to the millisecond AWS keeps.
//   - The limit of 50 counts the filters inside nested filters; its message and the message
//     for an empty expression quote the documentation.
//   - NestedFilters name a list: Parents and Metrics on trial components,
//     TrialComponentSummaries on trials (facts §7.4 recommends lists; InputArtifacts, which
//     it also names, is a map in the model and is refused). Its filters must name the list's
//     element fields (Parents.TrialName, Metrics.Max).
//   - Metrics.<name>.<statistic> reads one metric (Max, Min, Last, Count, Avg, StdDev,
//     TimeStamp, SourceArn); Metrics.<statistic> reads any metric, as other list paths do.
//   - A list, map or structure named whole (Tags, Parents, Parameters, Source, Status) takes
//     only Exists and NotExists: present when it has an element or member.
//   - CreatedBy, LastModifiedBy and SourceDetail paths are accepted and never present, since
//     the fake omits those members (30).
//   - Sorting puts records without the property last in either order (Elasticsearch's
//     default), sorts a list by its least value ascending and its greatest descending, puts
//     numbers before times before text when a parameter is both, and breaks ties by ARN, so
//     that Ascending is the exact reverse of Descending (28).
//   - GetSearchSuggestions suggests, for trial components only, the Parameters.<name>,
//     Tags.<key> and Metrics.<name>.<statistic> present, matching the hint as a prefix
//     ignoring case; other resources get [] (facts §7.5, 32). A metric is suggested with each
//     numeric statistic so that every suggestion is a name Search accepts.
//
// # Unsupported
//
// Search over the other fifteen resources of the Resource enum (TrainingJob, Endpoint, ...)
// is an *Error with Unsupported set. Parameters.<name>.StringValue and .NumberValue paths are
// unknown names (Parameters.<name> reads the value). VisibilityConditions and
// CrossAccountFilterOption are the engine's (a visibility condition is an extra Tags.<key>
// Equals filter that every result must pass); so are paging, TotalHits, and answering at
// once where AWS indexes eventually (facts §7.4, decision 27).
package search
