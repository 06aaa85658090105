package engine

import (
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
)

// Statuses, exactly as Personalize spells them.
const (
	StatusCreatePending    = catalog.StatusCreatePending
	StatusCreateInProgress = catalog.StatusCreateInProgress
	StatusActive           = catalog.StatusActive
	StatusCreateFailed     = catalog.StatusCreateFailed
	StatusDeletePending    = catalog.StatusDeletePending
	StatusDeleteInProgress = catalog.StatusDeleteInProgress
	StatusUpdatePending    = catalog.StatusUpdatePending
	StatusUpdateInProgress = catalog.StatusUpdateInProgress
	StatusCreateStopping   = catalog.StatusCreateStopping
	StatusCreateStopped    = catalog.StatusCreateStopped
)

// lifecycle is a resource's life on the clock: its own timings (fixed when it is created, so a
// seed can start it ACTIVE), and when it was last updated and asked to be deleted. Its status
// is computed from these and the clock whenever a call looks, so moving the clock costs nothing
// and any jump lands on the right status; no goroutine or timer changes state.
type lifecycle struct {
	timing     Lifecycle
	updated    time.Time // zero until an update
	deleted    time.Time // zero until a delete
	stopped    time.Time // zero unless its creation was stopped (solution versions)
	failReason string    // non-empty: creation ends in CREATE FAILED
	// judge, when set, decides how the creation ends once it has ended and a call looks: the
	// first status at or past its end asks it once, and its verdict (judged) stands. A
	// verdict computed lazily is no change of state, so the digest reads neither.
	judge  judge  `digest:"-"`
	judged string `digest:"-"` // the judge's failure reason ("" for success) once asked
}

// judge decides, once, how a resource's creation ends when that is known only at its end (a
// solution version's training checks its data): the failure reason, or "" for success.
type judge interface{ verdict() string }

// failure is the reason the creation ends in CREATE FAILED, "" if it succeeds; it asks the
// judge, once, when there is one.
func (l *lifecycle) failure() string {
	if l.judge != nil {
		l.judged, l.judge = l.judge.verdict(), nil
	}
	if l.failReason != "" {
		return l.failReason
	}
	return l.judged
}

func (l *lifecycle) cycle() *lifecycle { return l }

// lived is a resource with a lifecycle.
type lived interface {
	resource
	cycle() *lifecycle
}

// status returns a resource's status at now, when it last changed, and whether the resource is
// gone (its deletion finished).
func (l *lifecycle) status(created, now time.Time) (status string, changed time.Time, gone bool) {
	t := l.timing
	if !l.deleted.IsZero() {
		switch d := now.Sub(l.deleted); {
		case d < t.DeletePending:
			return StatusDeletePending, l.deleted, false
		case d < t.DeletePending+t.DeleteInProgress:
			return StatusDeleteInProgress, l.deleted.Add(t.DeletePending), false
		default:
			return "", time.Time{}, true
		}
	}
	if !l.updated.IsZero() {
		switch d := now.Sub(l.updated); {
		case d < t.UpdatePending:
			return StatusUpdatePending, l.updated, false
		case d < t.UpdatePending+t.UpdateInProgress:
			return StatusUpdateInProgress, l.updated.Add(t.UpdatePending), false
		default:
			return StatusActive, l.updated.Add(t.UpdatePending + t.UpdateInProgress), false
		}
	}
	if !l.stopped.IsZero() && !now.Before(l.stopped) {
		// Stopped while being created: at once while CREATE PENDING, after CREATE STOPPING
		// while CREATE IN_PROGRESS.
		if l.stopped.Sub(created) < t.Pending || now.Sub(l.stopped) >= t.Stopping {
			end := l.stopped
			if l.stopped.Sub(created) >= t.Pending {
				end = end.Add(t.Stopping)
			}
			return StatusCreateStopped, end, false
		}
		return StatusCreateStopping, l.stopped, false
	}
	switch age := now.Sub(created); {
	case age < t.Pending:
		return StatusCreatePending, created, false
	case age < t.Pending+t.InProgress:
		return StatusCreateInProgress, created.Add(t.Pending), false
	case l.failure() != "":
		return StatusCreateFailed, created.Add(t.Pending + t.InProgress), false
	default:
		return StatusActive, created.Add(t.Pending + t.InProgress), false
	}
}

// statusOf returns a lived resource's status at now.
func statusOf(r lived, now time.Time) (status string, changed time.Time, gone bool) {
	return r.cycle().status(r.base().created, now)
}

func creating(status string) bool {
	return status == StatusCreatePending || status == StatusCreateInProgress
}

func deleting(status string) bool {
	return status == StatusDeletePending || status == StatusDeleteInProgress
}

func updating(status string) bool {
	return status == StatusUpdatePending || status == StatusUpdateInProgress
}

// newLifecycle starts the life of a resource of a kind created by a call. A seed starts in the
// status it names: its timings are shortened so that it is in that status from its creation.
func (e *Engine) newLifecycle(kind string, cx opContext) lifecycle {
	l := lifecycle{timing: e.cfg.Lifecycles[kind], failReason: cx.failCreation}
	if cx.seed != nil {
		// A seed that says when its status last changed (a state document's) keeps that moment:
		// the timings are cut so that the status began then.
		since := time.Duration(0)
		if m := cx.seed.Modified; !m.IsZero() && m.After(cx.now) {
			since = m.UTC().Truncate(time.Millisecond).Sub(cx.now)
		}
		switch cx.seed.Status {
		case "", StatusActive, StatusCreateFailed:
			l.timing.Pending, l.timing.InProgress = 0, since
		case StatusCreateInProgress:
			l.timing.Pending = since
		}
		if cx.seed.Status == StatusCreateFailed {
			l.failReason = cx.seed.FailureReason
		}
	}
	return l
}

// creatingOrStopping reports whether a creation is still under way: being created or stopped.
func creatingOrStopping(status string) bool {
	return creating(status) || status == StatusCreateStopping
}

// failureReason is a resource's failure reason in outputs: only when it failed.
func failureReason(status, reason string) *string {
	if status != StatusCreateFailed {
		return nil
	}
	return &reason
}

// next returns when a status will change by itself next, or zero.
func (l *lifecycle) next(created, now time.Time) time.Time {
	t := l.timing
	var marks []time.Time
	switch {
	case !l.deleted.IsZero():
		marks = []time.Time{l.deleted.Add(t.DeletePending), l.deleted.Add(t.DeletePending + t.DeleteInProgress)}
	case !l.updated.IsZero():
		marks = []time.Time{l.updated.Add(t.UpdatePending), l.updated.Add(t.UpdatePending + t.UpdateInProgress)}
	case !l.stopped.IsZero():
		marks = []time.Time{l.stopped, l.stopped.Add(t.Stopping)}
	default:
		marks = []time.Time{created.Add(t.Pending), created.Add(t.Pending + t.InProgress)}
	}
	for _, m := range marks {
		if m.After(now) {
			return m
		}
	}
	return time.Time{}
}

// updateStatus is the status of an update that is a resource of its own in outputs (a
// campaign's latestCampaignUpdate, a solution's latestSolutionUpdate): CREATE PENDING, CREATE
// IN_PROGRESS and ACTIVE on the kind's update timings, begun at at, while the resource itself
// stays as it was. It also returns when the status last changed.
func (l *lifecycle) updateStatus(at, now time.Time) (string, time.Time) {
	t := l.timing
	switch d := now.Sub(at); {
	case d < t.UpdatePending:
		return StatusCreatePending, at
	case d < t.UpdatePending+t.UpdateInProgress:
		return StatusCreateInProgress, at.Add(t.UpdatePending)
	}
	return StatusActive, at.Add(t.UpdatePending + t.UpdateInProgress)
}
