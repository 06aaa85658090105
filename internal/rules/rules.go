// Package rules interprets the scenario rules installed in a fake: it is the engine's hook,
// which finds the first installed rule that fires for a call and turns it into the engine's
// Decision. Predicates over the request's JSON document are evaluated here; a predicate over
// an SDK input type is handed to the evaluator the typed doors supply, as only they know the
// SDK's types.
package rules

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"

	"github.com/awsfake/awsfake/internal/calldoc"
	"github.com/awsfake/awsfake/internal/engine"
	"github.com/awsfake/awsfake/scenario"
)

// Typed evaluates a predicate that takes an operation's SDK input: in is the call's input
// shape, original the caller's own SDK input when the call came through a typed door (nil
// through the wire door).
type Typed func(pred any, op *engine.Op, in, original any) bool

// Rules are the installed rules and how many calls each has matched; the zero value has none.
// The mutex guards only the counters and the list; predicates run with no lock held, so a
// predicate may itself call the fake.
type Rules struct {
	// Typed evaluates predicates over SDK types: nil where none can be installed (the server,
	// whose rules come from JSON). Set it before the first call.
	Typed Typed
	// Report hears of a predicate that panicked, as Report("awsfake: %s", note); nil: only the
	// call log says so. Set it before the first call.
	Report func(format string, args ...any)

	mu   sync.Mutex
	list []*live
}

type live struct {
	r       *scenario.Rule
	matched int // calls it matched
	fired   int // calls it acted on
	rng     *rand.Rand
}

// Replace installs rs in place of every installed rule, in one step: a concurrent call sees
// the old rules or the new, never none.
func (s *Rules) Replace(rs []*scenario.Rule) {
	installed := newLive(rs)
	s.mu.Lock()
	s.list = installed
	s.mu.Unlock()
}

// Add installs rs after the installed rules and returns a function that removes exactly these.
func (s *Rules) Add(rs []*scenario.Rule) (remove func()) {
	added := newLive(rs)
	s.mu.Lock()
	s.list = append(s.list, added...)
	s.mu.Unlock()
	return func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.list = slices.DeleteFunc(slices.Clone(s.list), func(l *live) bool { return slices.Contains(added, l) })
	}
}

func newLive(rs []*scenario.Rule) []*live {
	out := make([]*live, len(rs))
	for i, r := range rs {
		out[i] = &live{r: r, rng: rand.New(rand.NewPCG(r.Seed, r.Seed^0x5851f42d4c957f2d))}
	}
	return out
}

// Status is an installed rule with how many calls it matched and acted on.
type Status struct {
	Rule           *scenario.Rule
	Matched, Fired int
}

// Statuses returns the installed rules in order, with their counts.
func (s *Rules) Statuses() []Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Status, len(s.list))
	for i, l := range s.list {
		out[i] = Status{Rule: l.r, Matched: l.matched, Fired: l.fired}
	}
	return out
}

// Decide is the engine's hook: the first installed rule that fires for a call decides it.
func (s *Rules) Decide(_ context.Context, p engine.Pending) engine.Decision {
	s.mu.Lock()
	candidates := make([]*live, 0, len(s.list))
	for _, l := range s.list {
		if l.r.Service == p.Service && l.r.Operation == p.Operation {
			candidates = append(candidates, l)
		}
	}
	s.mu.Unlock()
	if len(candidates) == 0 {
		return engine.Decision{}
	}

	// Predicates run with no lock held. One that panics does not match, and the test hears
	// of it: in the call log, and through report.
	var notes []string
	matching := candidates[:0]
	for _, l := range candidates {
		if l.r.Predicate == nil {
			matching = append(matching, l)
			continue
		}
		holds, panicked := s.holds(l.r.Predicate, p)
		if panicked != nil {
			note := fmt.Sprintf("the predicate of a scenario rule for %s.%s panicked: %v", p.Service, p.Operation, panicked)
			notes = append(notes, note)
			if s.Report != nil {
				s.Report("awsfake: %s", note)
			}
		}
		if holds {
			matching = append(matching, l)
		}
	}
	chosen := s.choose(matching)
	if chosen == nil {
		return engine.Decision{Notes: notes}
	}
	d := engine.Decision{Delay: chosen.Wait, FailCreation: chosen.CreateFailure, Answer: chosen.Items, Notes: notes, Injected: true}
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

// choose counts a call against every rule it matched and returns the first that fires.
func (s *Rules) choose(matching []*live) *scenario.Rule {
	var chosen *scenario.Rule
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, l := range matching {
		l.matched++
		n, r := l.matched, l.r
		fires := n > r.Skip && (r.Count == 0 || n <= r.Skip+r.Count)
		if fires && r.Probability != nil {
			fires = l.rng.Float64() < *r.Probability
		}
		if fires && chosen == nil {
			chosen = r
			l.fired++
		}
	}
	return chosen
}

// holds calls a rule's predicate with the call's input: as the JSON document (a new one for
// each predicate, so that none sees what another changed), or through the typed evaluator. A
// predicate that panics does not match, does not take the fake down, and is reported by what
// it panicked with.
func (s *Rules) holds(pred any, p engine.Pending) (holds bool, panicked any) {
	defer func() {
		if r := recover(); r != nil {
			holds, panicked = false, r
		}
	}()
	if f, ok := pred.(func(map[string]any) bool); ok {
		return f(calldoc.Document(p.Input)), nil
	}
	if s.Typed == nil {
		panic(fmt.Sprintf("no evaluator for a predicate of type %T", pred))
	}
	return s.Typed(pred, engine.Lookup(p.Service, p.Operation), p.Input, p.Original), nil
}
