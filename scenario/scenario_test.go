package scenario_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/scenario"
)

func TestParseJSON(t *testing.T) {
	t.Parallel()
	s, err := scenario.ParseJSON([]byte(`{
		"rules": [
			{"service": "personalize", "operation": "CreateEventTracker", "times": 1,
			 "error": {"code": "LimitExceededException", "message": "injected"}},
			{"service": "sagemaker", "operation": "CreateAction", "nth": 2, "responseLost": true,
			 "error": {"code": "InternalFailure", "status": 500}},
			{"service": "sagemaker", "operation": "ListActions", "delay": "2s", "probability": 0.5, "seed": 7,
			 "match": {"SortBy": "Name"}},
			{"service": "personalize", "operation": "CreateDatasetGroup", "after": 1, "failCreation": "no"}
		],
		"seeds": {"actions": [{"name": "a"}], "datasetGroups": [{"name": "g", "eventTracker": {"name": "t", "trackingId": "x"}}]}
	}`))
	require.NoError(t, err)
	require.Len(t, s.Rules, 4)
	r := s.Rules[0]
	require.Equal(t, scenario.Rule{Service: "personalize", Operation: "CreateEventTracker", Count: 1,
		Error: &scenario.Error{Code: "LimitExceededException", Message: "injected"}}, *r)
	require.Equal(t, 1, s.Rules[1].Skip)
	require.Equal(t, 1, s.Rules[1].Count)
	require.True(t, s.Rules[1].LostResponse)
	require.Equal(t, 500, s.Rules[1].Error.Status())
	require.Equal(t, 2*time.Second, s.Rules[2].Wait)
	require.Equal(t, uint64(7), s.Rules[2].Seed)
	pred := s.Rules[2].Predicate.(func(map[string]any) bool)
	require.True(t, pred(map[string]any{"SortBy": "Name", "MaxResults": 3.0}))
	require.False(t, pred(map[string]any{"SortBy": "CreationTime"}))
	require.Equal(t, "no", s.Rules[3].CreateFailure)
	require.Equal(t, "x", s.Seeds.DatasetGroups[0].EventTracker.TrackingID)
}

func TestParseJSONErrors(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"not json":                   `{`,
		"unknown field":              `{"rulez": []}`,
		"unknown operation":          `{"rules": [{"service": "sagemaker", "operation": "CreateTrainingJob", "error": {"code": "ThrottlingException"}}]}`,
		"unknown service":            `{"rules": [{"service": "s3", "operation": "GetObject", "error": {"code": "ThrottlingException"}}]}`,
		"does nothing":               `{"rules": [{"service": "sagemaker", "operation": "CreateAction"}]}`,
		"error without code":         `{"rules": [{"service": "sagemaker", "operation": "CreateAction", "error": {"message": "m"}}]}`,
		"code of another service":    `{"rules": [{"service": "personalize", "operation": "CreateEventTracker", "error": {"code": "ResourceNotFound"}}]}`,
		"code of no operation":       `{"rules": [{"service": "sagemaker", "operation": "CreateAction", "error": {"code": "LimitExceeded"}}]}`,
		"nth and times":              `{"rules": [{"service": "sagemaker", "operation": "CreateAction", "nth": 1, "times": 2, "error": {"code": "ThrottlingException"}}]}`,
		"lost without error":         `{"rules": [{"service": "sagemaker", "operation": "CreateAction", "responseLost": true, "delay": "1s"}]}`,
		"bad delay":                  `{"rules": [{"service": "sagemaker", "operation": "CreateAction", "delay": "soon"}]}`,
		"bad probability":            `{"rules": [{"service": "sagemaker", "operation": "CreateAction", "probability": 2, "error": {"code": "ThrottlingException"}}]}`,
		"failCreation misuse":        `{"rules": [{"service": "sagemaker", "operation": "CreateAction", "failCreation": "x"}]}`,
		"seed without name":          `{"seeds": {"actions": [{}]}}`,
		"artifact without source":    `{"seeds": {"artifacts": [{"name": "a"}]}}`,
		"context without name":       `{"seeds": {"contexts": [{"sourceUri": "s3://x"}]}}`,
		"label used twice":           `{"seeds": {"artifacts": [{"sourceUri": "s3://x", "label": "m"}], "contexts": [{"name": "c", "label": "m"}]}}`,
		"ref to no label":            `{"seeds": {"resources": [{"service": "sagemaker", "operation": "CreateContext", "input": {}, "refs": {"Description": "m"}}]}}`,
		"seed status of an artifact": `{"seeds": {"resources": [{"service": "sagemaker", "operation": "CreateArtifact", "input": {}, "status": "ACTIVE"}]}}`,
		"tracker on creating":        `{"seeds": {"datasetGroups": [{"name": "g", "status": "CREATE PENDING", "eventTracker": {"name": "t"}}]}}`,
		"bad seed status":            `{"seeds": {"datasetGroups": [{"name": "g", "status": "DELETE PENDING"}]}}`,
		"seed account":               `{"seeds": {"actions": [{"name": "a", "account": "test"}]}}`,
		"seed region":                `{"seeds": {"datasetGroups": [{"name": "g", "region": "EU"}]}}`,
	}
	for name, doc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := scenario.ParseJSON([]byte(doc))
			require.Error(t, err)
			require.Contains(t, err.Error(), "scenario JSON")
		})
	}
}

// The typed lineage seeds expand to the inputs of the operations that create them, with the
// defaults filled in, in the order they are applied.
func TestLineageSeedsInJSON(t *testing.T) {
	t.Parallel()
	s, err := scenario.ParseJSON([]byte(`{"seeds": {
		"contexts": [{"name": "prod", "contextType": "Endpoint", "description": "d", "label": "endpoint"}],
		"artifacts": [{"sourceUri": "s3://m/v7", "sourceTypes": [{"sourceIdType": "S3ETag", "value": "e"}], "name": "model",
		               "properties": {"k": "v"}, "tags": {"team": "ml"}, "label": "model", "region": "eu-west-1"},
		              {"sourceUri": "s3://m/v8"}],
		"actions": [{"name": "deploy"}]}}`))
	require.NoError(t, err)
	all := s.Seeds.All()
	require.Equal(t, []scenario.Resource{
		{Service: "sagemaker", Operation: "CreateAction", Input: map[string]any{"ActionName": "deploy", "ActionType": "Seeded",
			"Source": map[string]any{"SourceUri": "s3://awsfake/seeded"}}},
		{Where: scenario.Where{Region: "eu-west-1"}, Service: "sagemaker", Operation: "CreateArtifact", Label: "model", Input: map[string]any{
			"ArtifactName": "model", "ArtifactType": "Seeded", "Properties": map[string]string{"k": "v"},
			"Source": map[string]any{"SourceUri": "s3://m/v7", "SourceTypes": []any{map[string]any{"SourceIdType": "S3ETag", "Value": "e"}}},
			"Tags":   []any{map[string]any{"Key": "team", "Value": "ml"}}}},
		{Service: "sagemaker", Operation: "CreateArtifact", Input: map[string]any{"ArtifactType": "Seeded",
			"Source": map[string]any{"SourceUri": "s3://m/v8"}}},
		{Service: "sagemaker", Operation: "CreateContext", Label: "endpoint", Input: map[string]any{"ContextName": "prod", "ContextType": "Endpoint",
			"Description": "d", "Source": map[string]any{"SourceUri": "s3://awsfake/seeded"}}},
	}, all)
}

func TestOperationsAndInputTypes(t *testing.T) {
	t.Parallel()
	ops := scenario.Operations()
	require.Contains(t, ops["sagemaker"], "CreateAction")
	require.Contains(t, ops["personalize"], "CreateEventTracker")
	require.Contains(t, ops["personalize-events"], "PutEvents")
	for svc, names := range ops {
		require.IsIncreasing(t, names, svc)
		for _, op := range names {
			require.True(t, scenario.Supported(svc, op))
			if catalog.Lookup(svc, op).WireOnly {
				require.Empty(t, scenario.InputTypeName(svc, op), "%s.%s is wire-only: the pinned SDK v2 has no input type", svc, op)
				continue
			}
			require.NotEmpty(t, scenario.InputTypeName(svc, op), "%s.%s has an SDK v2 input type", svc, op)
		}
	}
	require.Equal(t, "*sagemaker.CreateActionInput", scenario.InputTypeName("sagemaker", "CreateAction"))
	require.Equal(t, "*personalize.CreateEventTrackerInput", scenario.InputTypeName("personalize", "CreateEventTracker"))
	require.Equal(t, "*personalizeevents.PutEventsInput", scenario.InputTypeName("personalize-events", "PutEvents"))
	require.Empty(t, scenario.InputTypeName("sagemaker", "CreateTrainingJob"))
	require.False(t, scenario.Supported("sagemaker", "CreateTrainingJob"))
}

func TestMatchInput(t *testing.T) {
	t.Parallel()
	doc := map[string]any{"name": "g", "tags": []any{map[string]any{"tagKey": "k"}}, "nested": map[string]any{"a": 1.0, "b": "x"}, "n": 3.0}
	require.True(t, scenario.MatchInput(doc, map[string]any{"name": "g"}))
	require.True(t, scenario.MatchInput(doc, map[string]any{"n": 3, "nested": map[string]any{"a": 1}}), "Go numbers compare as JSON numbers")
	require.True(t, scenario.MatchInput(doc, map[string]any{"tags": []map[string]string{{"tagKey": "k"}}}))
	require.False(t, scenario.MatchInput(doc, map[string]any{"name": "h"}))
	require.False(t, scenario.MatchInput(doc, map[string]any{"missing": nil}))
	require.False(t, scenario.MatchInput(doc, map[string]any{"nested": map[string]any{"a": 2}}))
}

func TestErrorHelpers(t *testing.T) {
	t.Parallel()
	for _, e := range []*scenario.Error{
		scenario.Throttling(), scenario.InternalFailure(), scenario.ServiceUnavailable(), scenario.AccessDenied(""),
		scenario.ValidationException("v"), scenario.ResourceNotFound(""), scenario.ResourceLimitExceeded(""),
		scenario.ConflictException(""), scenario.ResourceInUse(""), scenario.InvalidInput(""),
		scenario.ResourceNotFoundException(""), scenario.ResourceAlreadyExists(""), scenario.ResourceInUseException(""),
		scenario.LimitExceeded(""), scenario.TooManyTags(""), scenario.TooManyTagKeys(""), scenario.InvalidNextToken(""),
	} {
		require.NotEmpty(t, e.Code)
		require.NotEmpty(t, e.Message, e.Code)
		require.Contains(t, []int{400, 500, 503}, e.Status())
	}
	require.Equal(t, 500, scenario.InternalFailure().Status())
	require.Equal(t, 429, scenario.Err("TooManyRequestsException", "m").WithStatus(429).Status())
}

func TestRulesRefuseCodesTheOperationCannotAnswer(t *testing.T) {
	t.Parallel()
	cases := []struct {
		service, operation, code string
		ok                       bool
	}{
		{"sagemaker", "CreateAction", "ResourceLimitExceeded", true}, // modelled
		{"sagemaker", "CreateAction", "ValidationException", true},   // SageMaker's invalid input
		{"sagemaker", "DescribeAction", "ThrottlingException", true}, // every operation
		{"personalize", "CreateEventTracker", "ResourceInUseException", true},
		{"personalize", "CreateEventTracker", "InvalidInputException", true},
		{"personalize-events", "PutEvents", "InternalFailure", true},
		{"personalize", "CreateEventTracker", "ResourceNotFound", false}, // SageMaker's code
		{"sagemaker", "DescribeAction", "ResourceNotFoundException", false},
		{"personalize-events", "PutEvents", "ResourceNotFoundException", false}, // PutEvents models only InvalidInput
		{"sagemaker", "CreateAction", "ValidationError", true},
		{"sagemaker", "CreateAction", "Throttled", false}, // a typo
	}
	for _, c := range cases {
		t.Run(c.service+"."+c.operation+"/"+c.code, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, c.ok, scenario.Answers(c.service, c.operation, c.code))
			build := func() { scenario.On(c.service, c.operation).Fail(scenario.Err(c.code, "m")) }
			lose := func() { scenario.On(c.service, c.operation).LoseResponse(scenario.Err(c.code, "m")) }
			if c.ok {
				require.NotPanics(t, build)
				require.NotPanics(t, lose)
				return
			}
			require.Contains(t, panicMessage(build), c.service+"."+c.operation+" cannot answer "+c.code+": it models [")
			require.Contains(t, panicMessage(lose), "cannot answer "+c.code)
			doc := fmt.Sprintf(`{"rules": [{"service": %q, "operation": %q, "error": {"code": %q}}]}`, c.service, c.operation, c.code)
			_, err := scenario.ParseJSON([]byte(doc))
			require.ErrorContains(t, err, "cannot answer "+c.code)
		})
	}
}

// panicMessage runs f and returns what it panicked with, or "" if it did not.
func panicMessage(f func()) (msg string) {
	defer func() {
		if p := recover(); p != nil {
			msg = fmt.Sprint(p)
		}
	}()
	f()
	return ""
}

// A rule's error without a message gets one, so that neither the caller nor the call log sees
// an empty message: the known one for its code, or one that names the rule as its source.
func TestJSONErrorWithoutMessage(t *testing.T) {
	t.Parallel()
	for code, want := range map[string]string{
		"ThrottlingException": "Rate exceeded",
		"InternalFailure":     "The request processing has failed because of an unknown error, exception or failure.",
		"RequestTimeout":      "awsfake: RequestTimeout, injected by a scenario rule",
	} {
		s, err := scenario.ParseJSON([]byte(`{"rules": [{"service": "sagemaker", "operation": "ListActions", "error": {"code": "` + code + `"}}]}`))
		require.NoError(t, err)
		require.Equal(t, want, s.Rules[0].Error.Message, code)
	}
	s, err := scenario.ParseJSON([]byte(`{"rules": [{"service": "sagemaker", "operation": "ListActions", "error": {"code": "RequestTimeout", "message": "mine"}}]}`))
	require.NoError(t, err)
	require.Equal(t, "mine", s.Rules[0].Error.Message)
}
