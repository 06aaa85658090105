// Package calldoc turns the engine's recorded calls into documents: the request and the
// response as the JSON objects the wire carries (member names as in the service model,
// timestamps as epoch seconds), for the call log a test reads (fake.Calls), the control
// endpoint GET /_fake/calls, the dashboard and scenario predicates over documents.
//
// A document is made by encoding a shape to JSON and decoding it into maps: a round trip per
// call converted, which is why the call log keeps shapes and converts only the calls read.
package calldoc

import (
	"encoding/json"
	"slices"
	"time"

	"github.com/awsfake/awsfake/internal/engine"
)

// Call is one recorded call as a document. fake.Call has the same fields and JSON names.
type Call struct {
	Service   string         `json:"service"`
	Operation string         `json:"operation"`
	Account   string         `json:"account"`
	Region    string         `json:"region"`
	Time      time.Time      `json:"time"`
	Input     map[string]any `json:"input"`
	Output    map[string]any `json:"output,omitempty"` // nil when the call failed, unless the response was lost
	Err       *CallError     `json:"error,omitempty"`
	Notes     []string       `json:"notes,omitempty"`
	Injected  bool           `json:"injected,omitempty"`
}

// CallError is the error a call was answered with. fake.CallError has the same fields.
type CallError struct {
	Code         string `json:"code"`
	Message      string `json:"message"`
	StatusCode   int    `json:"statusCode"`
	ResponseLost bool   `json:"responseLost,omitempty"`
}

// Of returns a recorded call as a document; nothing in it is shared with the engine.
func Of(c engine.Call) Call {
	d := Call{
		Service:   c.Service,
		Operation: c.Operation,
		Account:   c.Scope.Account,
		Region:    c.Scope.Region,
		Time:      c.Time,
		Input:     Document(c.Input),
		Notes:     slices.Clone(c.Notes),
		Injected:  c.Injected,
	}
	if c.Output != nil && (c.Err == nil || c.Lost) {
		d.Output = Document(c.Output)
	}
	if c.Err != nil {
		d.Err = &CallError{Code: c.Err.Code, Message: c.Err.Message, StatusCode: c.Err.Status, ResponseLost: c.Lost}
	}
	return d
}

// Document renders a value (a shape) as its JSON document; nil if it is not a JSON object.
func Document(v any) map[string]any {
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var m map[string]any
	if json.Unmarshal(b, &m) != nil {
		return nil
	}
	return m
}
