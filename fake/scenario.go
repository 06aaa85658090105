package fake

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
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
	matched int // calls it matched
	fired   int // calls it acted on
	rng     *rand.Rand
}

// SetScenario replaces the installed rules with the scenario's and puts its seeds in place;
// nil removes every rule. Resources from earlier seeds or calls stay (Reset forgets them). A
// scenario that cannot be applied (a seed whose name is taken, say) changes nothing: no seed
// stays in place and the rules installed before stay installed. The rules change in one step:
// a concurrent call sees the old rules or the new, never none.
func (f *Fake) SetScenario(s *scenario.Scenario) error {
	var live []*liveRule
	if s != nil {
		if err := s.Check(); err != nil {
			return err
		}
		live = newLiveRules(s.Rules)
		if err := f.applySeeds(s.Seeds); err != nil {
			return err
		}
	}
	f.rules.mu.Lock()
	f.rules.list = live
	f.rules.mu.Unlock()
	return nil
}

// AddRules installs rules after those already installed and returns a function that removes
// exactly these. It panics if a rule cannot work.
func (f *Fake) AddRules(rs ...*scenario.Rule) (remove func()) {
	if err := scenario.New().Add(rs...).Check(); err != nil {
		panic("awsfake: " + err.Error())
	}
	added := newLiveRules(rs)
	f.rules.mu.Lock()
	f.rules.list = append(f.rules.list, added...)
	f.rules.mu.Unlock()
	return func() {
		f.rules.mu.Lock()
		defer f.rules.mu.Unlock()
		kept := f.rules.list[:0:0]
		for _, lr := range f.rules.list {
			if !slices.Contains(added, lr) {
				kept = append(kept, lr)
			}
		}
		f.rules.list = kept
	}
}

func newLiveRules(rs []*scenario.Rule) []*liveRule {
	live := make([]*liveRule, len(rs))
	for i, r := range rs {
		live[i] = &liveRule{r: r, rng: rand.New(rand.NewPCG(r.Seed, r.Seed^0x5851f42d4c957f2d))}
	}
	return live
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

	// Predicates run with no lock held. One that panics does not match, and the test hears
	// of it: in the call log, and as an error of the test ForTest made the fake for.
	var notes []string
	matching := candidates[:0]
	for _, lr := range candidates {
		if lr.r.Predicate == nil {
			matching = append(matching, lr)
			continue
		}
		holds, panicked := predicateHolds(lr.r.Predicate, engine.Lookup(p.Service, p.Operation), p.Input)
		if panicked != nil {
			note := fmt.Sprintf("the predicate of a scenario rule for %s.%s panicked: %v", p.Service, p.Operation, panicked)
			notes = append(notes, note)
			f.reportf("awsfake: %s", note)
		}
		if holds {
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
			lr.fired++
		}
	}
	f.rules.mu.Unlock()
	if chosen == nil {
		return engine.Decision{Notes: notes}
	}
	d := engine.Decision{Delay: chosen.Wait, FailCreation: chosen.CreateFailure, Notes: notes, Injected: true}
	if e := chosen.Error; e != nil {
		apiErr := engine.Errorf(e.Code, e.StatusFor(p.Service), "%s", e.Message)
		if chosen.LostResponse {
			d.LoseResponse = apiErr
		} else {
			d.Reject = apiErr
		}
	}
	return d
}

// predicateHolds calls a rule's predicate with the call's input, as the SDK v2 input type or
// as the JSON document, whichever the predicate takes. A predicate that panics does not match,
// does not take the fake down, and is reported by what it panicked with.
func predicateHolds(pred any, op *engine.Op, in any) (holds bool, panicked any) {
	defer func() {
		if p := recover(); p != nil {
			holds, panicked = false, p
		}
	}()
	if doc, ok := pred.(func(map[string]any) bool); ok {
		return doc(document(in)), nil
	}
	return reflect.ValueOf(pred).Call([]reflect.Value{reflect.ValueOf(sdkInputs[op](in))})[0].Bool(), nil
}
