package fake

import (
	"context"
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"

	"github.com/awsfake/awsfake/internal/engine"
	"github.com/awsfake/awsfake/scenario"
)

// WithScenario installs a scenario's rules and seeds when the fake is made. New panics if the
// scenario cannot work (see scenario.Scenario.Check) or a seed fails, naming the problem: a
// scenario is written by the test's author, like the arguments of httptest.NewRequest.
func WithScenario(s *scenario.Scenario) Option { return func(cf *config) { cf.scenario = s } }

// rules is the fake's interpretation of its installed scenario rules: the rules, and how many
// calls each has matched. Its mutex guards only the counters and the list; predicates run with
// no lock held, so a predicate may itself call the fake.
type rules struct {
	mu   sync.Mutex
	list []*liveRule
}

type liveRule struct {
	r       *scenario.Rule
	matched int
	rng     *rand.Rand
}

// SetScenario replaces the installed rules with the scenario's and puts its seeds in place;
// nil removes every rule. Resources from earlier seeds or calls stay (Reset forgets them). A
// scenario that cannot be applied (a seed whose name is taken, say) changes nothing: no seed
// stays in place and the rules installed before stay installed.
func (f *Fake) SetScenario(s *scenario.Scenario) error {
	if s == nil {
		f.rules.mu.Lock()
		f.rules.list = nil
		f.rules.mu.Unlock()
		return nil
	}
	if err := s.Check(); err != nil {
		return err
	}
	if err := f.applySeeds(s.Seeds); err != nil {
		return err
	}
	f.rules.mu.Lock()
	f.rules.list = nil
	f.rules.mu.Unlock()
	f.AddRules(s.Rules...)
	return nil
}

// AddRules installs rules after those already installed and returns a function that removes
// exactly these. It panics if a rule cannot work.
func (f *Fake) AddRules(rs ...*scenario.Rule) (remove func()) {
	added := make([]*liveRule, len(rs))
	for i, r := range rs {
		if err := scenario.New().Add(r).Check(); err != nil {
			panic("awsfake: " + err.Error())
		}
		added[i] = &liveRule{r: r, rng: rand.New(rand.NewPCG(r.Seed, r.Seed^0x5851f42d4c957f2d))}
	}
	f.rules.mu.Lock()
	f.rules.list = append(f.rules.list, added...)
	f.rules.mu.Unlock()
	return func() {
		f.rules.mu.Lock()
		defer f.rules.mu.Unlock()
		kept := f.rules.list[:0:0]
		for _, lr := range f.rules.list {
			drop := false
			for _, a := range added {
				drop = drop || lr == a
			}
			if !drop {
				kept = append(kept, lr)
			}
		}
		f.rules.list = kept
	}
}

// Inject installs rules for the rest of t: they are removed when t ends.
func (f *Fake) Inject(t testing.TB, rs ...*scenario.Rule) {
	t.Helper()
	t.Cleanup(f.AddRules(rs...))
}

// decide is the engine's hook: it finds the first installed rule that fires for a call.
func (f *Fake) decide(ctx context.Context, p engine.Pending) engine.Decision {
	f.rules.mu.Lock()
	candidates := make([]*liveRule, 0, len(f.rules.list))
	for _, lr := range f.rules.list {
		if lr.r.Service == p.Service && lr.r.Operation == p.Operation {
			candidates = append(candidates, lr)
		}
	}
	f.rules.mu.Unlock()
	if len(candidates) == 0 {
		return engine.Decision{}
	}

	// Predicates run with no lock held.
	matching := candidates[:0]
	for _, lr := range candidates {
		if lr.r.Predicate == nil || predicateHolds(lr.r.Predicate, engine.Lookup(p.Service, p.Operation), p.Input) {
			matching = append(matching, lr)
		}
	}

	var chosen *scenario.Rule
	f.rules.mu.Lock()
	for _, lr := range matching {
		lr.matched++
		n, r := lr.matched, lr.r
		fires := n > r.Skip && (r.Count == 0 || n <= r.Skip+r.Count)
		if fires && r.Probability != nil {
			fires = lr.rng.Float64() < *r.Probability
		}
		if fires && chosen == nil {
			chosen = r
		}
	}
	f.rules.mu.Unlock()
	if chosen == nil {
		return engine.Decision{}
	}
	d := engine.Decision{Delay: chosen.Wait, FailCreation: chosen.CreateFailure}
	if e := chosen.Error; e != nil {
		apiErr := engine.Errorf(e.Code, e.Status(), "%s", e.Message)
		if chosen.LostResponse {
			d.LoseResponse = apiErr
		} else {
			d.Reject = apiErr
		}
	}
	return d
}

// predicateHolds calls a rule's predicate with the call's input, as the SDK v2 input type or
// as the JSON document, whichever the predicate takes. A predicate that panics does not match
// (and does not take the fake down).
func predicateHolds(pred any, op *engine.Op, in any) (holds bool) {
	defer func() {
		if recover() != nil {
			holds = false
		}
	}()
	if doc, ok := pred.(func(map[string]any) bool); ok {
		return doc(document(in))
	}
	return reflect.ValueOf(pred).Call([]reflect.Value{reflect.ValueOf(sdkInputs[op](in))})[0].Bool()
}
