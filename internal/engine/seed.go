package engine

import (
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/model"

	"github.com/awsfake/awsfake/internal/shape/personalize"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// Seeding is one batch of seeds, applied under one hold of the engine's lock: all of them, or
// none. Its methods may be called only inside the function given to SeedAll.
type Seeding struct {
	e    *Engine
	undo []func() // removes what each successful seed created, in order
}

// SeedAll runs fill with the lock held. If fill returns an error, every resource it seeded is
// removed again, so a scenario whose seeds fail leaves no half-seeded state behind. fill must
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
	}
	return err
}

// Seed runs op as if it had been called ago before now, so that a resource starts in a later
// status, with failReason (if any) as a scenario's creation failure. It skips the hook and the
// call log (a seed is not a call) but not validation. It returns the output or an error.
func (s *Seeding) Seed(scope Scope, op *Op, in any, ago time.Duration, failReason string) (any, *Error) {
	e := s.e
	scope = e.fill(scope)
	if vs := op.validator.Validate(in); len(vs) > 0 {
		return nil, invalid(op.Service, "%s", model.Message(vs))
	}
	w := e.world(scope)
	out, err := op.run(e, w, in, opContext{now: e.now().Add(-ago), failCreation: failReason})
	if err != nil {
		return nil, err
	}
	s.undo = append(s.undo, undoCreate(w, out))
	return out, nil
}

// undoCreate returns what removes the resource a create just made, with every index and
// count it touched.
func undoCreate(w *world, out any) func() {
	switch o := out.(type) {
	case *sagemaker.CreateActionOutput:
		a := w.findAction(*o.ActionArn)
		return func() {
			delete(w.actions, a.name)
			a.deleted = true
			w.actionByName.removed()
			w.actionByTime.removed()
		}
	case *personalize.CreateDatasetGroupOutput:
		p, _ := parseARN(*o.DatasetGroupArn)
		g := w.groups[strings.TrimPrefix(p.resource, "dataset-group/")]
		return func() {
			w.purgeGroup(g)
			w.groupsLive--
		}
	case *personalize.CreateEventTrackerOutput:
		t := w.trackers[*o.EventTrackerArn]
		return func() { w.purgeTracker(t) }
	}
	panic("engine: a seed must be a create")
}

// RekeyTracker gives a seeded event tracker the ARN id and trackingId a test asked for (either
// may be empty to keep the generated one).
func (s *Seeding) RekeyTracker(scope Scope, arn, id, trackingID string) (string, *Error) {
	scope = s.e.fill(scope)
	w := s.e.world(scope)
	t := w.trackers[arn]
	if t == nil {
		return "", resourceNotFound(arn)
	}
	if id != "" {
		newARN := scope.arn(Personalize, "event-tracker", id)
		if len(id) != 8 || strings.Trim(id, "0123456789abcdef") != "" {
			return "", invalid(Personalize, "an event tracker id is 8 lowercase hex digits, not %q", id)
		}
		if other := w.trackers[newARN]; other != nil && other != t {
			return "", alreadyExists("The event tracker %s already exists.", newARN)
		}
		delete(w.trackers, t.arn)
		t.arn = newARN
		w.trackers[newARN] = t
	}
	if trackingID != "" {
		if other := w.byTrackingID[trackingID]; other != nil && other != t {
			return "", alreadyExists("The tracking ID %s is already in use.", trackingID)
		}
		delete(w.byTrackingID, t.trackingID)
		t.trackingID = trackingID
		w.byTrackingID[trackingID] = t
	}
	return t.arn, nil
}
