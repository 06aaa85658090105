package engine

import (
	"fmt"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
)

// Personalize statuses, exactly as the service spells them.
const (
	StatusCreatePending    = catalog.StatusCreatePending
	StatusCreateInProgress = catalog.StatusCreateInProgress
	StatusActive           = catalog.StatusActive
	StatusCreateFailed     = catalog.StatusCreateFailed
	StatusDeletePending    = catalog.StatusDeletePending
	StatusDeleteInProgress = catalog.StatusDeleteInProgress
)

// lifecycle is when a resource was created and (if it was) asked to be deleted. Its status
// is computed from these and the clock whenever a call looks, so moving the clock costs
// nothing and any jump lands on the right status; no goroutine or timer changes state.
type lifecycle struct {
	created    time.Time
	deleted    time.Time // zero until DeleteX is called
	failReason string    // non-empty: creation ends in CREATE FAILED
}

// status returns the status at now, when it last changed, and whether the resource is gone
// (its deletion finished).
func (l *lifecycle) status(now time.Time, t *Lifecycle) (status string, changed time.Time, gone bool) {
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
	switch age := now.Sub(l.created); {
	case age < t.Pending:
		return StatusCreatePending, l.created, false
	case age < t.Pending+t.InProgress:
		return StatusCreateInProgress, l.created.Add(t.Pending), false
	case l.failReason != "":
		return StatusCreateFailed, l.created.Add(t.Pending + t.InProgress), false
	default:
		return StatusActive, l.created.Add(t.Pending + t.InProgress), false
	}
}

func creating(status string) bool {
	return status == StatusCreatePending || status == StatusCreateInProgress
}

func deleting(status string) bool {
	return status == StatusDeletePending || status == StatusDeleteInProgress
}

// personalize is the Personalize state of a world.
type personalizeState struct {
	groups       map[string]*datasetGroup // by name
	groupIndex   *sortedIndex[*datasetGroup]
	groupsLive   int                      // not yet asked to be deleted: what the quota counts
	trackers     map[string]*eventTracker // by ARN
	trackerIndex *sortedIndex[*eventTracker]
	byTrackingID map[string]*eventTracker
}

func (p *personalizeState) init() {
	p.groups = map[string]*datasetGroup{}
	p.trackers = map[string]*eventTracker{}
	p.byTrackingID = map[string]*eventTracker{}
	p.groupIndex = newSortedIndex(func(a, b *datasetGroup) bool { return byCreation(a.life.created, a.seq, b.life.created, b.seq) })
	p.trackerIndex = newSortedIndex(func(a, b *eventTracker) bool { return byCreation(a.life.created, a.seq, b.life.created, b.seq) })
}

func byCreation(at time.Time, aseq uint64, bt time.Time, bseq uint64) bool {
	if !at.Equal(bt) {
		return at.Before(bt)
	}
	return aseq < bseq
}

// datasetGroup is one Personalize dataset group.
type datasetGroup struct {
	name, arn string
	seq       uint64
	roleArn   *string
	kmsKeyArn *string
	domain    *string
	life      lifecycle
	tags      tagList
	tracker   *eventTracker // its event tracker, until that is gone
	events    eventLog
	purged    bool
}

func (g *datasetGroup) isDeleted() bool { return g.purged }

// eventTracker is one event tracker; trackingId is what PutEvents names it by.
type eventTracker struct {
	name, arn, trackingID string
	seq                   uint64
	group                 *datasetGroup
	life                  lifecycle
	tags                  tagList
	purged                bool
}

func (t *eventTracker) isDeleted() bool { return t.purged }

func (e *Engine) groupStatus(g *datasetGroup, now time.Time) (string, time.Time, bool) {
	return g.life.status(now, e.cfg.DatasetGroupLifecycle)
}

func (e *Engine) trackerStatus(t *eventTracker, now time.Time) (string, time.Time, bool) {
	return t.life.status(now, e.cfg.EventTrackerLifecycle)
}

// group returns the dataset group an ARN names, forgetting it first if its deletion has
// finished.
func (e *Engine) group(w *world, arn string, now time.Time) *datasetGroup {
	p, ok := parseARN(arn)
	name, isGroup := strings.CutPrefix(p.resource, "dataset-group/")
	if !ok || !isGroup || !p.in(w.scope, Personalize) {
		return nil
	}
	g := w.groups[name]
	if g == nil {
		return nil
	}
	if _, _, gone := e.groupStatus(g, now); gone {
		w.purgeGroup(g)
		return nil
	}
	return g
}

// tracker returns the event tracker an ARN names, forgetting it first if it is gone.
func (e *Engine) tracker(w *world, arn string, now time.Time) *eventTracker {
	t := w.trackers[arn]
	if t == nil {
		return nil
	}
	if _, _, gone := e.trackerStatus(t, now); gone {
		w.purgeTracker(t)
		return nil
	}
	return t
}

// groupTracker returns a dataset group's event tracker, if it still has one.
func (e *Engine) groupTracker(w *world, g *datasetGroup, now time.Time) *eventTracker {
	if g.tracker == nil {
		return nil
	}
	return e.tracker(w, g.tracker.arn, now)
}

func (w *world) purgeGroup(g *datasetGroup) {
	if g.purged {
		return
	}
	g.purged = true
	delete(w.groups, g.name)
	w.groupIndex.removed()
	g.events = eventLog{}
}

func (w *world) purgeTracker(t *eventTracker) {
	if t.purged {
		return
	}
	t.purged = true
	delete(w.trackers, t.arn)
	delete(w.byTrackingID, t.trackingID)
	w.trackerIndex.removed()
	if t.group.tracker == t {
		t.group.tracker = nil
	}
}

func resourceNotFound(arn string) *Error {
	return notFound(Personalize, "Could not find resource: %s", arn)
}

// newID returns n random lowercase hex digits from the engine's seeded source. mu held.
func (e *Engine) newID(n int) string {
	const hex = "0123456789abcdef"
	b := make([]byte, n)
	for i := range b {
		b[i] = hex[e.rng.IntN(16)]
	}
	return string(b)
}

// newUUID returns a lowercase UUID version 4 from the engine's seeded source. mu held.
func (e *Engine) newUUID() string {
	hi, lo := e.rng.Uint64(), e.rng.Uint64()
	hi = hi&^0xf000 | 0x4000     // version 4
	lo = lo&^(0xc<<60) | 0x8<<60 // RFC 4122 variant
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", hi>>32, hi>>16&0xffff, hi&0xffff, lo>>48, lo&0xffffffffffff)
}

func tooManyTags(q int) *Error {
	return Errorf("TooManyTagsException", 0, "The request contains more tags than can be associated with a resource (%d tags per resource).", q)
}

// newestFirst pages through a creation-ordered view newest first, as the Personalize
// listings do (a documented guess at their order): from just after the token's position, up
// to limit items for which skip is false, and the token of the next page (nil on the last).
// key gives an item's creation time and sequence; skip may purge what it skips.
func newestFirst[T any](items []T, kind string, token *string, limit int,
	key func(T) (time.Time, uint64), skip func(T) bool) ([]T, *string, *Error) {
	i := len(items) - 1
	if token != nil && *token != "" {
		parts, ok := openToken(*token, 2)
		var nanos int64
		var seq uint64
		if ok && parts[0] == kind {
			_, err := fmt.Sscanf(parts[1], "%d/%d", &nanos, &seq)
			ok = err == nil
		}
		if !ok {
			return nil, nil, invalidToken(*token)
		}
		at := time.Unix(0, nanos).UTC()
		i = seek(items, func(it T) bool {
			t, s := key(it)
			return !byCreation(t, s, at, seq)
		}) - 1
	}
	var page []T
	for ; i >= 0; i-- {
		if skip(items[i]) {
			continue
		}
		if len(page) == limit {
			t, s := key(page[len(page)-1])
			tok := sealToken(kind, fmt.Sprintf("%d/%d", t.UnixNano(), s))
			return page, &tok, nil
		}
		page = append(page, items[i])
	}
	return page, nil, nil
}

func invalidToken(tok string) *Error {
	return Errorf("InvalidNextTokenException", 0, "The next token is invalid: %s", tok)
}

// maxResults is a listing's page size: 100 unless the caller asks for fewer (a documented
// guess; the models cap it at 100 and AWS does not state a default).
func maxResults(p *int32) int {
	if p == nil {
		return 100
	}
	return int(*p)
}
