package engine

import (
	"strings"
	"time"
)

// Seed runs op as if it had been called ago before now, so that a resource starts in a later
// status, with failReason (if any) as a scenario's creation failure. It skips the hook and the
// call log (a seed is not a call) but not validation. It returns the output or an error.
func (e *Engine) Seed(scope Scope, op *Op, in any, ago time.Duration, failReason string) (any, *Error) {
	scope = e.fill(scope)
	if vs := op.validator.Validate(in); len(vs) > 0 {
		return nil, invalid(op.Service, "%s", modelMessage(vs))
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return op.run(e, e.world(scope), in, opContext{now: e.now().Add(-ago), failCreation: failReason})
}

// RekeyTracker gives a seeded event tracker the ARN id and trackingId a test asked for (either
// may be empty to keep the generated one).
func (e *Engine) RekeyTracker(scope Scope, arn, id, trackingID string) (string, *Error) {
	scope = e.fill(scope)
	e.mu.Lock()
	defer e.mu.Unlock()
	w := e.world(scope)
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
