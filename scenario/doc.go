// Package scenario describes what a fake should do besides behaving like AWS: faults to
// inject into matching calls, and resources to put in place before a test starts. A scenario
// is data; package fake interprets it (fake imports scenario, never the reverse), and applies
// it in its one chokepoint, so the typed door and the wire door see the same faults.
//
// A rule matches calls by service and operation (checked against the supported operations
// when the rule is built, so a typo fails at once), optionally by the input, and by which
// matching call it is; it answers with an error, a delay on the fake's clock, a lost response,
// or a creation that ends in CREATE FAILED:
//
//	s := scenario.New()
//	s.On("personalize", "CreateEventTracker").Nth(2).Fail(scenario.LimitExceeded("injected"))
//	s.On("sagemaker", "CreateAction").Times(1).LoseResponse(scenario.InternalFailure())
//	s.On("sagemaker", "CreateAction").When(func(in *sagemaker.CreateActionInput) bool {
//		return aws.ToString(in.ActionType) == "Canary"
//	}).Fail(scenario.Throttling())
//	f := fake.New(fake.WithScenario(s))
//
// When faults fire:
//   - Fail rejects the request before it reaches any state: nothing changes.
//   - LoseResponse lets the operation take effect and then answers with the error instead of
//     the response, as when a connection drops after the service acted. Retry and
//     idempotency bugs live in this gap.
//   - Delay waits on the fake's clock before the call proceeds (with a mock clock, until the
//     test advances it), or until the caller's context ends.
//   - FailCreation lets a create succeed; the resource then ends in CREATE FAILED with the
//     reason, instead of ACTIVE, when its creation time has passed.
//   - Answer pins what a Personalize Runtime call recommends (GetRecommendations,
//     GetPersonalizedRanking, GetActionRecommendations): the call is checked as every call is,
//     then answers the given ids instead of the model's (JSON "answer": ["a", "b"]).
//
// A typed predicate names its input type, an aws-sdk-go-v2 type; this package checks it by its
// package path and name (InputTypeName), and imports no SDK, so the server (cmd/awsfake), which
// imports scenario, builds without one.
//
// Counting: every rule counts every call that matches its service, operation and predicate,
// whether or not another rule fired for it, so Nth(2) means "the second such call". Of the
// rules that fire for a call, the first added decides it. Probability draws from a source
// seeded by the rule, so a run repeats exactly.
//
// The JSON form, accepted by ParseJSON and by the server's POST /_fake/scenario, has the
// same meaning:
//
//	{"rules": [{"service": "personalize", "operation": "CreateEventTracker", "times": 1,
//	            "error": {"code": "LimitExceededException", "message": "injected"}}],
//	 "seeds": {"datasetGroups": [{"name": "shop", "eventTracker": {"name": "clicks"}}]}}
//
// Seeds are resources that exist before the test starts, made by the code that makes them
// for a call (validated, unique, within quotas) but not logged as calls: SeedAction,
// SeedArtifact, SeedContext, SeedExperiment, SeedTrial, SeedTrialComponent (with the trials it
// is in, and optionally the job Source only SageMaker sets) and SeedDatasetGroup (JSON
// "actions", "artifacts", "contexts", "experiments", "trials", "trialComponents",
// "datasetGroups") are shorthands for Seed, which takes any create operation's input. A seed
// with a Label lends its ARN to the Refs of later ones. A scenario's seeds are applied all or
// none.
package scenario
