package fake

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/awsfake/awsfake/internal/calldoc"
	"github.com/awsfake/awsfake/internal/engine"
)

// Call is one call the fake answered, through either door, as plain data that go-cmp and
// require.Equal compare without options. Input and Output are the request and response as
// their JSON documents (member names as in the service model, timestamps as epoch seconds).
// The log keeps each call's shapes and makes these documents when it is read (a JSON round
// trip per call read), so a call costs nothing for a log nobody reads.
type Call struct {
	Service   string         `json:"service"`          // botocore name: "sagemaker", "personalize", "personalize-events"
	Operation string         `json:"operation"`        // e.g. "CreateAction"
	Account   string         `json:"account"`          // where the call landed
	Region    string         `json:"region"`           // where the call landed
	Time      time.Time      `json:"time"`             // on the fake's clock
	Input     map[string]any `json:"input"`            // the request document
	Output    map[string]any `json:"output,omitempty"` // the response document; nil when the call failed (unless the response was lost)
	Err       *CallError     `json:"error,omitempty"`  // nil when the call succeeded
	Notes     []string       `json:"notes,omitempty"`  // what went wrong around the call, such as a scenario predicate that panicked
	// Injected is true when a scenario rule acted on the call: its error, lost response, delay
	// or creation that fails came from the rule, not from the fake's model of AWS.
	Injected bool `json:"injected,omitempty"`
}

// CallError is the error a call was answered with.
type CallError struct {
	Code       string `json:"code"`
	Message    string `json:"message"`
	StatusCode int    `json:"statusCode"`
	// ResponseLost is true when the operation took effect but the caller was sent this
	// error instead of the response (a scenario's "response lost").
	ResponseLost bool `json:"responseLost,omitempty"`
}

func (c Call) String() string {
	in, _ := json.Marshal(c.Input)
	notes := ""
	for _, n := range c.Notes {
		notes += " [" + n + "]"
	}
	if c.Err != nil {
		return fmt.Sprintf("%s %s.%s %s -> %s: %s%s", c.Time.Format(time.RFC3339Nano), c.Service, c.Operation, in, c.Err.Code, c.Err.Message, notes)
	}
	out, _ := json.Marshal(c.Output)
	return fmt.Sprintf("%s %s.%s %s -> %s%s", c.Time.Format(time.RFC3339Nano), c.Service, c.Operation, in, out, notes)
}

// Calls returns the recorded calls, oldest first: the most recent 10,000 (WithCallLog) that fit
// in 64 MiB (WithCallLogBytes). A string longer than 128 KiB in a call's input, output or
// error message is kept cut short, ending "…[truncated N bytes]" (only invalid values are that
// long; the caller was answered with the whole). The result is a copy: changing it changes
// nothing in the fake.
func (f *Fake) Calls() []Call {
	raw := f.e.Calls()
	out := make([]Call, len(raw))
	for i, c := range raw {
		out[i] = publicCall(c)
	}
	return out
}

// CallsTo returns the recorded calls of one operation, oldest first.
func (f *Fake) CallsTo(service, operation string) []Call {
	var out []Call
	for _, c := range f.e.Calls() {
		if c.Service == service && c.Operation == operation {
			out = append(out, publicCall(c))
		}
	}
	return out
}

// ClearCalls forgets the recorded calls (resources stay).
func (f *Fake) ClearCalls() { f.e.ClearCalls() }

func publicCall(c engine.Call) Call {
	d := calldoc.Of(c)
	return Call{Service: d.Service, Operation: d.Operation, Account: d.Account, Region: d.Region, Time: d.Time,
		Input: d.Input, Output: d.Output, Err: (*CallError)(d.Err), Notes: d.Notes, Injected: d.Injected}
}
