package engine

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/model"
)

// Op is one supported operation: how to make its input, its compiled validator, and the
// function that runs it on a world under the engine's lock.
type Op struct {
	Service   string // botocore name: sagemaker, personalize, personalize-events
	Name      string
	NewInput  func() any // a pointer to a zero shape input
	validator *model.Validator
	run       func(e *Engine, w *world, in any, cx opContext) (any, *Error)
}

// opContext is what an operation knows about its call besides the input.
type opContext struct {
	now          time.Time
	failCreation string    // the scenario asks that a created resource end in CREATE FAILED
	answer       []string  // the scenario declares a runtime call's answer (runtime_answers.go)
	seed         *SeedSpec // the call is a seed
}

// id returns the identifier a seed asks to keep under name, or else a generated one.
func (cx opContext) id(name string, generate func() string) string {
	if cx.seed != nil {
		if v, ok := cx.seed.IDs[name]; ok && v != "" {
			return v
		}
	}
	return generate()
}

// seedNote returns what a seed notes under name ("" when the call is no seed or notes nothing).
func (cx opContext) seedNote(name string) string {
	if cx.seed == nil {
		return ""
	}
	return cx.seed.IDs[name]
}

var registry = map[string]map[string]*Op{}

// define registers an operation; its input type is compiled against the model at init, so a
// field missing on either side fails every test at once.
func define[I, O any](service, name string, run func(e *Engine, w *world, in *I, cx opContext) (*O, *Error)) *Op {
	m := model.Lookup(service, name)
	if m == nil {
		panic(fmt.Sprintf("engine: %s.%s is not in the model files", service, name))
	}
	display := func(p string) string { return p }
	if service == SageMaker {
		display = sagemakerPattern
	}
	op := &Op{
		Service:   service,
		Name:      name,
		NewInput:  func() any { return new(I) },
		validator: model.Compile(m, reflect.TypeFor[I](), display),
		run: func(e *Engine, w *world, in any, cx opContext) (any, *Error) {
			out, err := run(e, w, in.(*I), cx)
			if err != nil {
				return nil, err
			}
			return out, nil
		},
	}
	if registry[service] == nil {
		registry[service] = map[string]*Op{}
	}
	registry[service][name] = op
	return op
}

// sagemakerPattern renders a SageMaker pattern as its messages print it: entity-name patterns
// with the leading "^" of the service's own model, ARN patterns as they are. (Context names,
// whose pattern also allows "_", are printed as entity names are: a documented guess.)
func sagemakerPattern(p string) string {
	if strings.HasPrefix(p, "[a-zA-Z0-9](-*") || strings.HasPrefix(p, "[a-zA-Z0-9]([-_]*") || strings.HasPrefix(p, "(arn:aws") {
		return "^" + p
	}
	return p
}

// Lookup returns a supported operation, or nil.
func Lookup(service, name string) *Op { return registry[service][name] }

// Operations lists the supported operations of each service.
func Operations() map[string][]string {
	out := map[string][]string{}
	for svc, ops := range registry {
		for name := range ops {
			out[svc] = append(out[svc], name)
		}
	}
	return out
}

// Pending describes a call about to run, for the hook.
type Pending struct {
	Service   string
	Operation string
	Scope     Scope
	Input     any // pointer to the shape input; the hook must not change it
	// Original is the caller's own input when the call came through a typed door (an SDK
	// type, which the engine never reads), so that a hook that wants it need not convert the
	// shape back; nil through the wire door. The hook must not change it either.
	Original any
}

// Decision is what the hook wants done with a call.
type Decision struct {
	Delay        time.Duration // wait this long on the clock first (request still accepted)
	Reject       *Error        // fail before any state change ("request rejected")
	LoseResponse *Error        // run the operation, then answer with this ("response lost")
	FailCreation string        // a created Personalize resource ends in CREATE FAILED
	Answer       []string      // a Personalize Runtime call answers these ids (a declared answer)
	Notes        []string      // what the hook wants the call log to say about the call
	Injected     bool          // a scenario rule acted on the call (the call log marks it)
}

// Hook decides about each call. It runs outside the engine's lock.
type Hook func(ctx context.Context, p Pending) Decision

// SetHook installs the hook (nil removes it).
func (e *Engine) SetHook(h Hook) {
	if h == nil {
		e.hook.Store(nil)
		return
	}
	e.hook.Store(&h)
}

// Invoke is the one chokepoint every call of either door passes: context, hook, validation,
// then the operation and the call log under the lock. The error is an *Error, or the
// context's error when the call was cancelled before it reached the fake.
func (e *Engine) Invoke(ctx context.Context, scope Scope, op *Op, in any) (any, error) {
	return e.InvokeTyped(ctx, scope, op, in, nil)
}

// InvokeTyped is Invoke for a call of a typed door, which also hands the hook the caller's own
// input (see Pending.Original).
func (e *Engine) InvokeTyped(ctx context.Context, scope Scope, op *Op, in, original any) (any, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	scope = e.fill(scope)
	var d Decision
	if hook := e.hook.Load(); hook != nil {
		d = (*hook)(ctx, Pending{Service: op.Service, Operation: op.Name, Scope: scope, Input: in, Original: original})
		if d.Delay > 0 {
			if err := e.wait(ctx, d.Delay); err != nil {
				return nil, err
			}
		}
	}
	var apiErr *Error
	if d.Reject != nil {
		apiErr = d.Reject
	} else if vs := op.validator.Validate(in); len(vs) > 0 {
		apiErr = invalid(op.Service, "%s", model.Message(vs))
	}

	e.mu.Lock()
	call := Call{Service: op.Service, Operation: op.Name, Scope: scope, Time: e.now(), Input: in, Notes: d.Notes, Injected: d.Injected}
	var out any
	if apiErr == nil {
		out, apiErr = op.run(e, e.world(scope), in, opContext{now: call.Time, failCreation: d.FailCreation, answer: d.Answer})
		if apiErr == nil {
			e.generation.Add(1)
		}
		if apiErr == nil && d.LoseResponse != nil {
			apiErr, call.Lost = d.LoseResponse, true
		}
	}
	call.Output, call.Err = out, apiErr
	e.log.add(call)
	e.mu.Unlock()

	if apiErr != nil {
		return nil, apiErr
	}
	return out, nil
}

// fill gives a scope the default account and Region where it has none.
func (e *Engine) fill(s Scope) Scope {
	if s.Account == "" {
		s.Account = e.cfg.Account
	}
	if s.Region == "" {
		s.Region = e.cfg.Region
	}
	return s
}

// wait blocks for d on the injected clock, or until ctx is done.
func (e *Engine) wait(ctx context.Context, d time.Duration) error {
	t := e.clock.Timer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
