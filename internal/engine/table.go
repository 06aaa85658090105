package engine

import (
	"strings"
	"time"
)

// entity is what every resource has, whatever its kind; each kind embeds it.
type entity struct {
	arn     string
	name    string // "" when the resource has none (an artifact may not)
	seq     uint64 // creation order in its world: the tiebreak of equal creation times
	created time.Time
	tags    tagList
	counted bool // counts against its kind's quota: from creation until its deletion is asked
	removed bool // purged from its table; a stale pointer to it sees this
}

func (e *entity) base() *entity   { return e }
func (e *entity) isDeleted() bool { return e.removed }

// resource is a resource of any kind.
type resource interface {
	base() *entity
	isDeleted() bool
}

// keying says how a table finds a resource from an ARN.
type keying int

const (
	keyByID  keying = iota // the ARN's id (what follows "<kind>/") is the key: a name
	keyByARN               // the whole ARN is the key (ids that are generated, or paths)
)

// kindDecl is what kinds.txt declares of a kind that its table reads (zz_kinds.go).
type kindDecl struct {
	name    string // the catalog's name, for its quota and lifecycle: "actions", "dataset-groups", ...
	arnType string // the ARN's resource type: "action", "dataset-group", ...
	service string // the ARN's service
	keying  keying
	byName  bool   // listed by name: the table keeps a second index
	limit   string // what its quota limits, in AWS's words
	unit    string // what SageMaker's quota message counts: "Actions"
}

// purger is a kind that keeps something outside its table (other indexes, links): purged undoes
// it when a resource leaves the table.
type purger interface{ purged(w *world) }

// table holds the resources of one kind in one world: by key, in creation order, by name where
// the kind is listed by name, with the count its quota limits. Every kind is one table, so
// tags, the digest, seeds and purging work the same way for all of them.
type table[R resource] struct {
	w      *world
	decl   *kindDecl
	items  map[string]R
	byTime *sortedIndex[R]
	byName *sortedIndex[R] // nil unless the kind is listed by name
	active int             // resources that count against the quota
	// Whether the kind refers to others (needer) and keeps something outside its table
	// (purger), found once so that inserts and purges of other kinds pay nothing for them.
	needer, used, purger bool
}

// anyTable is a table of any kind, for what works on every kind.
type anyTable interface {
	find(arn string, p parsedARN) resource // the resource a parsed ARN names, if the table holds it
	all() []resource                       // in creation order
	purge(r resource)
	count() int
	kindName() string
}

// newTable makes a table and registers it with its world.
func newTable[R resource](w *world, d *kindDecl) *table[R] {
	t := &table[R]{w: w, decl: d, items: map[string]R{}}
	var zero R // a nil pointer of the kind's type: enough to ask which methods it has
	_, t.needer = any(zero).(needer)
	_, t.used = any(zero).(used)
	_, t.purger = any(zero).(purger)
	t.byTime = newSortedIndex(func(a, b R) bool { return byCreation(posOf(a), posOf(b)) })
	if d.byName {
		t.byName = newSortedIndex(func(a, b R) bool { return byNameOrder(posOf(a), posOf(b)) })
	}
	w.tables = append(w.tables, t)
	return t
}

func (t *table[R]) key(r R) string {
	if t.decl.keying == keyByARN {
		return r.base().arn
	}
	return r.base().name
}

// lookup returns the resource with a key, forgetting it first if its deletion has finished.
func (t *table[R]) lookup(key string, now time.Time) (R, bool) {
	r, ok := t.items[key]
	if ok && gone(r, now) {
		t.purge(r)
		ok = false
	}
	if !ok {
		var zero R
		return zero, false
	}
	return r, true
}

// resolve returns the resource an ARN names, if it is in this table and not gone.
func (t *table[R]) resolve(arn string, now time.Time) (R, bool) {
	if t.decl.keying == keyByARN {
		// Every key is an ARN of this kind and world, so looking it up is the whole check.
		return t.lookup(arn, now)
	}
	key, ok := t.keyOf(arn)
	if !ok {
		var zero R
		return zero, false
	}
	return t.lookup(key, now)
}

// keyOf returns the key an ARN of this table's kind and world would have.
func (t *table[R]) keyOf(arn string) (string, bool) {
	p, ok := parseARN(arn)
	if !ok {
		return "", false
	}
	return t.keyOfParsed(arn, p)
}

// keyOfParsed is keyOf for an ARN already parsed.
func (t *table[R]) keyOfParsed(arn string, p parsedARN) (string, bool) {
	id, isKind := strings.CutPrefix(p.resource, t.decl.arnType+"/")
	if !isKind || !p.in(t.w.scope, t.decl.service) {
		return "", false
	}
	if t.decl.keying == keyByARN {
		return arn, true
	}
	return id, true
}

// find returns the resource a parsed ARN names, if the table holds it (gone or not).
func (t *table[R]) find(arn string, p parsedARN) resource {
	key, ok := t.keyOfParsed(arn, p)
	if !ok {
		return nil
	}
	if r, ok := t.items[key]; ok {
		return r
	}
	return nil
}

// overQuota returns the error a create answers when the kind's quota is reached, in its
// service's words (SageMaker's ResourceLimitExceeded, Personalize's LimitExceededException),
// or nil.
func (t *table[R]) overQuota(cfg *Config) *Error {
	q := cfg.quota(t.decl.name)
	if q <= 0 || t.active < q {
		return nil
	}
	if t.decl.service == SageMaker {
		return limitExceeded(SageMaker, "The account-level service limit '%s' is %d %s, with current utilization of %d %s.",
			t.decl.limit, q, t.decl.unit, t.active, t.decl.unit)
	}
	return limitExceeded(t.decl.service, "You have reached the maximum number of %s (%d) in this Region.", t.decl.limit, q)
}

// insert adds a new resource: it takes its place in creation order and counts against the quota.
// While seeds are applied, the world's journal learns how to take it out again.
func (t *table[R]) insert(r R, created time.Time) {
	e := r.base()
	e.seq, e.created, e.counted = t.w.nextSeq(), created, true
	t.active++
	t.items[t.key(r)] = r
	if t.needer {
		for _, used := range any(r).(needer).needs() {
			if used != nil {
				useNew(r, used)
			}
		}
	}
	t.byTime.add(r)
	if t.byName != nil {
		t.byName.add(r)
	}
	if t.w.journal != nil {
		*t.w.journal = append(*t.w.journal, func() { t.purge(r) })
	}
	if t.w.seeded != nil {
		*t.w.seeded = append(*t.w.seeded, r)
	}
}

// retire stops a resource counting against the quota: its deletion was asked for.
func (t *table[R]) retire(r R) {
	if e := r.base(); e.counted {
		e.counted = false
		t.active--
	}
}

// remove takes a resource out of the table at once (SageMaker deletes do).
func (t *table[R]) remove(r R) { t.purge(r) }

func (t *table[R]) purge(r resource) {
	rr := r.(R)
	e := rr.base()
	if e.removed {
		return
	}
	t.retire(rr)
	e.removed = true
	delete(t.items, t.key(rr))
	t.byTime.removed()
	if t.byName != nil {
		t.byName.removed()
	}
	if t.needer {
		for _, used := range any(rr).(needer).needs() {
			if used != nil {
				unuse(r, used)
			}
		}
	}
	if t.used {
		any(rr).(used).usage().users = nil
	}
	if t.purger {
		any(rr).(purger).purged(t.w)
	}
}

// view returns the resources in creation order, or by name; gone ones may still be in it (the
// listings skip and purge them).
func (t *table[R]) view(byName bool) []R {
	if byName {
		return t.byName.view()
	}
	return t.byTime.view()
}

func (t *table[R]) all() []resource {
	v := t.byTime.view()
	out := make([]resource, len(v))
	for i, r := range v {
		out[i] = r
	}
	return out
}

func (t *table[R]) count() int       { return t.active }
func (t *table[R]) kindName() string { return t.decl.arnType }

// gone reports whether a resource with a lifecycle has finished its deletion at now.
func gone(r resource, now time.Time) bool {
	l, ok := r.(lived)
	if !ok {
		return false
	}
	_, _, g := statusOf(l, now)
	return g
}

// resolveAny returns the live resource an ARN of a service names, of any kind: the table of
// the ARN's resource type (kinds.txt declares which) looks it up.
func (w *world) resolveAny(service, arn string, now time.Time) resource {
	p, ok := parseARN(arn)
	if !ok {
		return nil
	}
	arnType, _, _ := strings.Cut(p.resource, "/")
	t := w.tableOf(service, arnType)
	if t == nil {
		return nil
	}
	r := t.find(arn, p)
	if r != nil && gone(r, now) {
		t.purge(r)
		return nil
	}
	return r
}
