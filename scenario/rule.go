package scenario

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
)

// Scenario is a list of rules and seeds. Build it with New and its methods; install it with
// fake.WithScenario or Fake.SetScenario. Methods that build panic on misuse (an unknown
// operation, a predicate of the wrong type), as regexp.MustCompile does: a scenario is written
// by the test's author, and a typo should stop the test at once.
type Scenario struct {
	Rules []*Rule
	Seeds Seeds
	// Clock, when set, is the time of the fake's mock clock when the state was taken (a
	// fake's State sets it on a mock clock). Installing the scenario moves a mock clock forward
	// to it, never back, so that a server restarted from its state file does not see time move
	// backwards; a real clock ignores it. JSON: "clock", RFC 3339.
	Clock time.Time
}

// New returns an empty scenario.
func New() *Scenario { return &Scenario{} }

// On adds a rule for one operation and returns it for configuring.
func (s *Scenario) On(service, operation string) *Rule {
	r := On(service, operation)
	s.Rules = append(s.Rules, r)
	return r
}

// Add appends rules built with the package-level On.
func (s *Scenario) Add(rules ...*Rule) *Scenario {
	s.Rules = append(s.Rules, rules...)
	return s
}

// Rule matches calls to one operation and says what to do with them. Its fields are what the
// builder methods set; package fake reads them.
type Rule struct {
	Service   string
	Operation string

	// Which matching calls fire: skip the first Skip, then fire on at most Count (0: no limit).
	Skip  int
	Count int
	// Probability that a call chosen by Skip and Count fires (nil: every one), drawn from a
	// source with this seed.
	Probability *float64
	Seed        uint64

	// Predicate, if set, is a func(*<SDK v2 input type>) bool or a func(map[string]any) bool
	// over the request's JSON document (see When).
	Predicate any

	// Outcomes.
	Wait          time.Duration // waited on the fake's clock before the call proceeds
	Error         *Error        // with LostResponse false: rejected before any state change
	LostResponse  bool          // Error is sent after the operation took effect
	CreateFailure string        // the created resource ends in CREATE FAILED with this reason
	// Items, when not nil, is the declared answer of a Personalize Runtime call (see Answer).
	Items []string
}

// On returns a rule for one operation; it panics if the fake does not support the operation.
func On(service, operation string) *Rule {
	if !Supported(service, operation) {
		panic("scenario: " + unsupported(service, operation))
	}
	return &Rule{Service: service, Operation: operation}
}

// Times fires on the first n matching calls (after any skipped by After).
func (r *Rule) Times(n int) *Rule {
	r.Count = n
	return r
}

// Nth fires on the n-th matching call only (counting from 1).
func (r *Rule) Nth(n int) *Rule {
	if n < 1 {
		panic("scenario: Nth counts from 1")
	}
	r.Skip, r.Count = n-1, 1
	return r
}

// After skips the first n matching calls.
func (r *Rule) After(n int) *Rule {
	r.Skip = n
	return r
}

// WithProbability fires on each chosen call with probability p, drawn from a source with the
// given seed, so the same test fires on the same calls every run.
func (r *Rule) WithProbability(p float64, seed uint64) *Rule {
	if p < 0 || p > 1 {
		panic("scenario: probability must be within [0, 1]")
	}
	r.Probability, r.Seed = &p, seed
	return r
}

// When narrows the rule to calls whose input satisfies pred: a func taking the operation's
// SDK v2 input (for example func(*sagemaker.CreateActionInput) bool), or a
// func(map[string]any) bool taking the request's JSON document, for any operation. The SDK
// input type is recognised by its package path and name (see InputTypeName), so this package
// imports no SDK.
//
// Each evaluation builds what the predicate reads: a JSON predicate gets the request's document
// (the input encoded to JSON and decoded into maps, a round trip per evaluation), and a typed
// predicate of a call through the wire door gets the input converted to the SDK type. A call
// through a typed door hands a typed predicate the caller's own input, unconverted; a predicate
// must not change what it is given.
func (r *Rule) When(pred any) *Rule {
	op := catalog.Lookup(r.Service, r.Operation)
	t := reflect.TypeOf(pred)
	ok := op != nil && t != nil && t.Kind() == reflect.Func && t.NumIn() == 1 && t.NumOut() == 1 && t.Out(0).Kind() == reflect.Bool
	if ok {
		in := t.In(0)
		ok = in == reflect.TypeFor[map[string]any]() || op.IsInput(in)
	}
	if !ok {
		want := "func(map[string]any) bool"
		if op != nil && !op.WireOnly { // a wire-only operation has no SDK input type
			want = fmt.Sprintf("func(%s) bool or %s", op.InputTypeName(), want)
		}
		panic(fmt.Sprintf("scenario: %s.%s: When takes a %s, not %T", r.Service, r.Operation, want, pred))
	}
	r.Predicate = pred
	return r
}

// WhenInput narrows the rule to calls whose JSON document contains every member of match
// with an equal value (nested objects match the same way).
func (r *Rule) WhenInput(match map[string]any) *Rule {
	m := normalize(match).(map[string]any)
	return r.When(func(doc map[string]any) bool { return contains(doc, m) })
}

// Fail rejects matching calls with err before they reach any state. It panics if the operation
// cannot answer with err's code (see Answers).
func (r *Rule) Fail(err *Error) *Rule {
	r.mustAnswer(err)
	r.Error, r.LostResponse = err, false
	return r
}

// LoseResponse lets matching calls take effect and then answers with err instead of the
// response. It panics if the operation cannot answer with err's code (see Answers).
func (r *Rule) LoseResponse(err *Error) *Rule {
	r.mustAnswer(err)
	r.Error, r.LostResponse = err, true
	return r
}

func (r *Rule) mustAnswer(err *Error) {
	if e := r.checkError(err); e != nil {
		panic("scenario: " + e.Error())
	}
}

// checkError reports an error a rule cannot send.
func (r *Rule) checkError(err *Error) error {
	switch {
	case err == nil:
		return fmt.Errorf("the rule for %s.%s has a nil error", r.Service, r.Operation)
	case err.Code == "":
		return fmt.Errorf("the rule for %s.%s has an error without a code", r.Service, r.Operation)
	case !Answers(r.Service, r.Operation, err.Code):
		return fmt.Errorf("%s.%s cannot answer %s: it models %v, and every operation may answer %s or the common codes (%s)",
			r.Service, r.Operation, err.Code, catalog.Lookup(r.Service, r.Operation).Errors,
			catalog.InvalidCode(r.Service), strings.Join(catalog.CommonErrors(), ", "))
	}
	return nil
}

// Delay makes matching calls wait d on the fake's clock before they proceed.
func (r *Rule) Delay(d time.Duration) *Rule {
	r.Wait = d
	return r
}

// FailCreation makes the resource that matching calls create end in CREATE FAILED with reason,
// when its creation would end: a Personalize dataset group, event tracker, dataset, solution,
// solution version (its training), campaign, filter or dataset import job. Other operations
// create nothing with a status, and panic.
func (r *Rule) FailCreation(reason string) *Rule {
	if !createsWithLifecycle(r.Service, r.Operation) {
		panic(fmt.Sprintf("scenario: %s.%s creates nothing that can fail later; FailCreation applies to the operations that create a resource with a status", r.Service, r.Operation))
	}
	if reason == "" {
		reason = "Injected failure."
	}
	r.CreateFailure = reason
	return r
}

// check reports a rule that cannot work.
func (r *Rule) check() error {
	switch {
	case !Supported(r.Service, r.Operation):
		return fmt.Errorf("%s.%s is not a supported operation", r.Service, r.Operation)
	case r.Error == nil && r.Wait == 0 && r.CreateFailure == "" && r.Items == nil:
		return fmt.Errorf("the rule for %s.%s does nothing: give it an error, a delay, a creation failure or an answer", r.Service, r.Operation)
	case r.Items != nil && checkAnswer(r.Service, r.Operation, r.Items) != nil:
		return checkAnswer(r.Service, r.Operation, r.Items)
	case r.Error != nil && r.checkError(r.Error) != nil:
		return r.checkError(r.Error)
	case r.CreateFailure != "" && !createsWithLifecycle(r.Service, r.Operation):
		return fmt.Errorf("%s.%s creates nothing that can fail later", r.Service, r.Operation)
	case r.Skip < 0 || r.Count < 0 || r.Wait < 0:
		return fmt.Errorf("the rule for %s.%s has a negative count or delay", r.Service, r.Operation)
	case r.Probability != nil && (*r.Probability < 0 || *r.Probability > 1):
		return fmt.Errorf("the rule for %s.%s has a probability outside [0, 1]", r.Service, r.Operation)
	}
	return nil
}

// Check reports the first rule or seed that cannot work.
func (s *Scenario) Check() error {
	for i, r := range s.Rules {
		if err := r.check(); err != nil {
			return fmt.Errorf("rule %d: %w", i+1, err)
		}
	}
	return s.Seeds.check()
}
