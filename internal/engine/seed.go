package engine

import (
	"time"

	"github.com/awsfake/awsfake/internal/model"
)

// SeedSpec is how a seed differs from a call of the same create operation: the status its
// resource starts in (for kinds with a lifecycle; empty is ACTIVE), the failure reason of a
// CREATE FAILED one, and identifiers it keeps instead of generated ones (an event tracker's
// "id", the 8 hex digits that end its ARN, and its "trackingId").
type SeedSpec struct {
	Status        string
	FailureReason string
	IDs           map[string]string
	// Created, when set and not after now, is when the resource was created (a state document
	// restores it); Modified when it last changed: a lineage entity's LastModifiedTime, or when
	// a resource with a lifecycle entered the status it starts in.
	Created, Modified time.Time
}

// Seeding is one batch of seeds, applied under one hold of the engine's lock: all of them, or
// none. Its methods may be called only inside the function given to SeedAll.
type Seeding struct {
	e    *Engine
	undo []func() // takes out what each seed created, in order
}

// SeedAll runs fill with the lock held. If fill returns an error, every resource it seeded is
// taken out again, so a scenario whose seeds fail leaves no half-seeded state behind. fill must
// not call the engine's other methods (they take the lock); it is the fake's own code, never a
// user's.
func (e *Engine) SeedAll(fill func(s *Seeding) error) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	s := &Seeding{e: e}
	err := fill(s)
	if err != nil {
		for i := len(s.undo) - 1; i >= 0; i-- {
			s.undo[i]()
		}
		return err
	}
	e.generation.Add(1)
	return nil
}

// Seed runs a create operation as a seed: validated and run by the operation's own code, as a
// call would be, but without the scenario hook or the call log (a seed is not a call), with its
// resource in the status the spec names.
func (s *Seeding) Seed(scope Scope, op *Op, in any, spec SeedSpec) (any, *Error) {
	e := s.e
	if vs := op.validator.Validate(in); len(vs) > 0 {
		return nil, invalid(op.Service, "%s", model.Message(vs))
	}
	w := e.world(e.fill(scope))
	w.journal = &s.undo
	var made []resource
	w.seeded = &made
	defer func() { w.journal, w.seeded = nil, nil }()
	now := e.now()
	if !spec.Created.IsZero() && spec.Created.Before(now) {
		now = spec.Created.UTC().Truncate(time.Millisecond)
	}
	out, err := op.run(e, w, in, opContext{now: now, seed: &spec})
	if err == nil && !spec.Modified.IsZero() {
		for _, r := range made {
			if m, ok := r.(interface{ touch(time.Time) }); ok {
				m.touch(spec.Modified.UTC().Truncate(time.Millisecond))
			}
		}
	}
	return out, err
}
