package scenario

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// jsonScenario is the JSON form of a scenario.
type jsonScenario struct {
	Rules []jsonRule `json:"rules"`
	Seeds Seeds      `json:"seeds"`
	Clock *time.Time `json:"clock"`
}

type jsonRule struct {
	Service      string         `json:"service"`
	Operation    string         `json:"operation"`
	Times        int            `json:"times,omitempty"`
	Nth          int            `json:"nth,omitempty"`
	After        int            `json:"after,omitempty"`
	Probability  *float64       `json:"probability,omitempty"`
	Seed         uint64         `json:"seed,omitempty"`
	Match        map[string]any `json:"match,omitempty"` // members the request document must contain
	Error        *Error         `json:"error,omitempty"`
	ResponseLost bool           `json:"responseLost,omitempty"`
	Delay        string         `json:"delay,omitempty"` // a Go duration, e.g. "2s"
	FailCreation string         `json:"failCreation,omitempty"`
	Answer       []string       `json:"answer,omitempty"` // a runtime call's declared items (Rule.Answer)
}

// ParseJSON reads a scenario in its JSON form. Unknown fields, unknown operations and rules
// that cannot work are errors.
func ParseJSON(data []byte) (*Scenario, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var js jsonScenario
	if err := dec.Decode(&js); err != nil {
		return nil, fmt.Errorf("scenario JSON: %w", err)
	}
	s := New()
	for i, jr := range js.Rules {
		r, err := jr.rule()
		if err != nil {
			return nil, fmt.Errorf("scenario JSON: rule %d: %w", i+1, err)
		}
		s.Rules = append(s.Rules, r)
	}
	s.Seeds = js.Seeds
	if js.Clock != nil {
		s.Clock = *js.Clock
	}
	if err := s.Check(); err != nil {
		return nil, fmt.Errorf("scenario JSON: %w", err)
	}
	return s, nil
}

func (jr jsonRule) rule() (r *Rule, err error) {
	if !Supported(jr.Service, jr.Operation) {
		return nil, fmt.Errorf("%s", unsupported(jr.Service, jr.Operation))
	}
	defer func() {
		// The builder panics on misuse; in JSON that is an error.
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("%v", p)
		}
	}()
	r = On(jr.Service, jr.Operation)
	if jr.Nth != 0 && (jr.Times != 0 || jr.After != 0) {
		return nil, fmt.Errorf("nth cannot be combined with times or after")
	}
	r.After(jr.After).Times(jr.Times)
	if jr.Nth != 0 {
		r.Nth(jr.Nth)
	}
	if jr.Probability != nil {
		r.WithProbability(*jr.Probability, jr.Seed)
	}
	if jr.Match != nil {
		r.WhenInput(jr.Match)
	}
	if jr.Delay != "" {
		d, err := time.ParseDuration(jr.Delay)
		if err != nil {
			return nil, fmt.Errorf("delay: %w", err)
		}
		r.Delay(d)
	}
	if jr.Error != nil && jr.Error.Message == "" {
		// An error without a message would reach the caller and the call log with none.
		e := *jr.Error
		e.Message = DefaultMessage(e.Code)
		jr.Error = &e
	}
	if jr.Error != nil {
		if jr.ResponseLost {
			r.LoseResponse(jr.Error)
		} else {
			r.Fail(jr.Error)
		}
	} else if jr.ResponseLost {
		return nil, fmt.Errorf("responseLost needs an error to send")
	}
	if jr.FailCreation != "" {
		r.FailCreation(jr.FailCreation)
	}
	if jr.Answer != nil {
		r.Answer(jr.Answer...)
	}
	return r, nil
}
