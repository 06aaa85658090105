package fake

import (
	"reflect"
	"testing"

	"github.com/awsfake/awsfake/internal/engine"
	"github.com/awsfake/awsfake/scenario"
)

// WithScenario installs a scenario's rules and seeds when the fake is made. New panics if the
// scenario cannot work (see scenario.Scenario.Check) or a seed fails, naming the problem: a
// scenario is written by the test's author, like the arguments of httptest.NewRequest.
func WithScenario(s *scenario.Scenario) Option { return func(cf *config) { cf.scenario = s } }

// SetScenario replaces the installed rules with the scenario's and puts its seeds in place;
// nil removes every rule. Resources from earlier seeds or calls stay (Reset forgets them). A
// scenario that cannot be applied (a seed whose name is taken, say) changes nothing: no seed
// stays in place and the rules installed before stay installed. The rules change in one step:
// a concurrent call sees the old rules or the new, never none.
func (f *Fake) SetScenario(s *scenario.Scenario) error { return f.s.SetScenario(s) }

// AddRules installs rules after those already installed and returns a function that removes
// exactly these. It panics if a rule cannot work.
func (f *Fake) AddRules(rs ...*scenario.Rule) (remove func()) {
	remove, err := f.s.AddRules(rs...)
	if err != nil {
		panic("awsfake: " + err.Error())
	}
	return remove
}

// Inject installs rules for the rest of t: they are removed when t ends.
func (f *Fake) Inject(t testing.TB, rs ...*scenario.Rule) {
	t.Helper()
	t.Cleanup(f.AddRules(rs...))
}

// typedPredicate evaluates a rule's predicate over an operation's SDK v2 input. A call through
// a typed door hands it the caller's own input, so the input is converted once (to the
// engine's shape) and never back; a call through the wire door converts its shape into the SDK
// type for it.
func typedPredicate(pred any, op *engine.Op, in, original any) bool {
	if original == nil {
		original = sdkInputs[op](in)
	}
	return reflect.ValueOf(pred).Call([]reflect.Value{reflect.ValueOf(original)})[0].Bool()
}
