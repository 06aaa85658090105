package pzfilter

import (
	"strconv"
	"strings"
	"time"
)

// Kind is the kind of a field's value.
type Kind int

// The kinds of values a Data hands over.
const (
	KindString      Kind = iota + 1 // a string field
	KindCategorical                 // a categorical string field: values separated by "|"
	KindNumber                      // an int, long, float or double field
)

// Value is one field of one record, as the engine hands it over.
type Value struct {
	Kind Kind
	Str  string  // KindString and KindCategorical
	Num  float64 // KindNumber
}

// String is the value of a string field.
func String(s string) Value { return Value{Kind: KindString, Str: s} }

// Categorical is the value of a categorical string field: one value, or several separated by
// "|" ("comedy|drama"), each of which conditions match on its own.
func Categorical(s string) Value { return Value{Kind: KindCategorical, Str: s} }

// Number is the value of a numeric field.
func Number(n float64) Value { return Value{Kind: KindNumber, Num: n} }

// Interaction is one interaction of a user, as a filter sees it.
type Interaction struct {
	ID        string // the item id (Interactions) or the action id (Action_Interactions)
	EventType string
	Timestamp time.Time
}

// Data is the dataset group's records, read by a Matcher. The engine implements it over its
// stores; a Matcher calls it from the goroutine that calls Keep.
type Data interface {
	// Field returns the value of a field of the record with an id in Items, Users or Actions,
	// and false when there is no such record or the record has no value for the field. The
	// field is named as the expression writes it; the engine matches it to its schema ignoring
	// case, as Check does.
	Field(ds Dataset, id, field string) (Value, bool)
	// Interactions returns a user's interactions in Interactions or Action_Interactions, oldest
	// first. The Matcher keeps only the most recent ones per event type (Request.InteractionLimit).
	Interactions(ds Dataset, userID string) []Interaction
}

// The interactions per user and event type that filters consider (adjustable quotas on AWS).
const (
	DefaultInteractionLimit       = 100 // Interactions
	DefaultActionInteractionLimit = 300 // Action_Interactions
)

// Request is what one recommendation request tells a filter.
type Request struct {
	UserID string // the user recommendations are for (CurrentUser, and whose interactions count); "" if none
	ItemID string // the item related items are for (CurrentItem); "" if none
	// InteractionLimit overrides DefaultInteractionLimit and DefaultActionInteractionLimit
	// when positive.
	InteractionLimit int
}

// Matcher evaluates a Bound filter for one request: what depends only on the request (the IF
// clauses, the user's interactions, CurrentItem's values) is worked out once, when it is made.
// A Matcher is for one goroutine.
type Matcher struct {
	b      *Bound
	data   Data
	active []bool                // each expression's IF clause held
	sets   []map[string]struct{} // per slot: the ids the user interacted with as the condition asks
	cur    [][]lit               // per slot: CurrentItem's values
}

// Matcher prepares the filter for one request.
func (b *Bound) Matcher(data Data, req Request) *Matcher {
	m := &Matcher{b: b, data: data, active: make([]bool, len(b.exprs)),
		sets: make([]map[string]struct{}, b.slots), cur: make([][]lit, b.slots)}
	for i := range b.exprs {
		e := &b.exprs[i]
		m.active[i] = m.holds(e.when, req)
		for _, group := range e.where {
			for j := range group {
				m.prepare(&group[j], req)
			}
		}
	}
	return m
}

// holds evaluates an IF clause on the current user; with no user, or no such field, it fails
// and its expression does not apply (a guess: AWS documents neither case).
func (m *Matcher) holds(when []bcond, req Request) bool {
	for i := range when {
		c := &when[i]
		if req.UserID == "" {
			return false
		}
		v, ok := m.data.Field(Users, req.UserID, c.field)
		if !ok || !c.matchValue(v, c.lits) {
			return false
		}
	}
	return true
}

// prepare works out a condition's per-request result, if it has one.
func (m *Matcher) prepare(c *bcond, req Request) {
	switch {
	case c.slot < 0:
	case c.curItem != "":
		if req.ItemID != "" {
			if v, ok := m.data.Field(Items, req.ItemID, c.curItem); ok {
				m.cur[c.slot] = valueLits(v)
			}
		}
	default:
		set := map[string]struct{}{}
		if req.UserID != "" {
			limit := req.InteractionLimit
			if limit <= 0 {
				limit = DefaultInteractionLimit
				if c.ds == ActionInteractions {
					limit = DefaultActionInteractionLimit
				}
			}
			for _, it := range mostRecent(m.data.Interactions(c.ds, req.UserID), limit) {
				if c.matchEvent(it.EventType) {
					set[it.ID] = struct{}{}
				}
			}
		}
		m.sets[c.slot] = set
	}
}

// Keep reports whether the filter keeps a candidate (an item, action or user id, as the
// filter's Target says): not matched by any EXCLUDE expression that applies and, when an
// INCLUDE expression applies, matched by one of them.
func (m *Matcher) Keep(id string) bool {
	including, included := false, false
	for i := range m.b.exprs {
		if !m.active[i] {
			continue
		}
		e := &m.b.exprs[i]
		if e.include {
			including = true
			included = included || m.where(e, id)
		} else if m.where(e, id) {
			return false
		}
	}
	return !including || included
}

// Filter keeps the ids Keep keeps, in order, in ids' own array, and returns them.
func (m *Matcher) Filter(ids []string) []string {
	kept := ids[:0]
	for _, id := range ids {
		if m.Keep(id) {
			kept = append(kept, id)
		}
	}
	return kept
}

// where evaluates an expression's WHERE clause on a candidate: any group whose conditions all hold.
func (m *Matcher) where(e *bexpr, id string) bool {
	for _, group := range e.where {
		all := true
		for j := range group {
			if !m.cond(&group[j], id) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// cond evaluates one condition on a candidate.
func (m *Matcher) cond(c *bcond, id string) bool {
	switch {
	case c.curItem != "":
		v, ok := m.data.Field(c.ds, id, c.field)
		return ok && c.matchValue(v, m.cur[c.slot])
	case c.slot >= 0:
		_, ok := m.sets[c.slot][id]
		return ok
	case c.ds == Interactions: // a UserID expression: the candidate user's own interactions
		for _, it := range m.data.Interactions(c.ds, id) {
			if c.matchEvent(it.EventType) {
				return true
			}
		}
		return false
	}
	v, ok := m.data.Field(c.ds, id, c.field)
	return ok && c.matchValue(v, c.lits)
}

// matchEvent reports whether an interaction's event type meets an EVENT_TYPE condition. Event
// types are the one thing AWS matches ignoring case; "*" is every type.
func (c *bcond) matchEvent(eventType string) bool {
	in := c.anyEvent
	for i := 0; !in && i < len(c.lits); i++ {
		in = strings.EqualFold(c.lits[i].s, eventType)
	}
	if c.op == opNotIn { // never empty: NOT IN takes no placeholders
		return !in
	}
	return in
}

// matchValue reports whether a record's value meets the condition against lits. With no lits
// (a placeholder without a value, a CurrentItem without the field) nothing matches, NOT IN
// included; so does a value of the wrong kind.
func (c *bcond) matchValue(v Value, lits []lit) bool {
	if len(lits) == 0 {
		return false
	}
	switch c.op {
	case opIn, opEq:
		return c.anyEqual(v, lits)
	case opNotIn:
		return !c.anyEqual(v, lits)
	}
	if v.Kind != KindNumber || !lits[0].num {
		return false
	}
	n, l := v.Num, lits[0].n
	switch c.op {
	case opLt:
		return n < l
	case opLe:
		return n <= l
	case opGt:
		return n > l
	}
	return n >= l
}

// anyEqual reports whether the value, or one of a categorical value's values, equals a literal.
func (c *bcond) anyEqual(v Value, lits []lit) bool {
	switch v.Kind {
	case KindNumber:
		for i := range lits {
			if lits[i].num && lits[i].n == v.Num {
				return true
			}
		}
		return false
	case KindCategorical:
		for rest := v.Str; ; {
			part, after, more := strings.Cut(rest, "|")
			if c.member(part, lits) {
				return true
			}
			if !more {
				return false
			}
			rest = after
		}
	}
	return c.member(v.Str, lits)
}

func (c *bcond) member(s string, lits []lit) bool {
	if c.set != nil { // only a condition's own literals have a set; CurrentItem's have none

		_, ok := c.set[s]
		return ok
	}
	for i := range lits {
		if lits[i].s == s {
			return true
		}
	}
	return false
}

// valueLits are the literals a CurrentItem value compares as: its number, its string, or each
// of its categorical values.
func valueLits(v Value) []lit {
	switch v.Kind {
	case KindNumber:
		return []lit{{s: strconv.FormatFloat(v.Num, 'g', -1, 64), n: v.Num, num: true}}
	case KindCategorical:
		var lits []lit
		for _, part := range strings.Split(v.Str, "|") {
			lits = append(lits, stringLit(part))
		}
		return lits
	}
	return []lit{stringLit(v.Str)}
}
