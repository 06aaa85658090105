package pzfilter

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits on filterValues, from the runtime model (GetRecommendations, GetPersonalizedRanking,
// GetActionRecommendations and a promotion's filterValues).
const (
	MaxFilterValues      = 25   // entries
	MaxFilterValueLength = 1000 // characters of one value
)

// Bound is a filter with a request's filterValues applied. It is immutable: one Bound may make
// Matchers for many requests at once.
type Bound struct {
	target Target
	exprs  []bexpr
	slots  int // how many per-request results a Matcher keeps (see bcond.slot)
}

// bexpr is an expression with its values bound.
type bexpr struct {
	include bool
	where   [][]bcond
	when    []bcond
}

// bcond is a condition with its values bound: the literals it compares with, or the
// CurrentItem field whose value a Matcher looks up once per request.
type bcond struct {
	ds       Dataset
	field    string
	op       op
	lits     []lit
	set      map[string]struct{} // the literals' strings, when there are many to compare with
	anyEvent bool                // an EVENT_TYPE list holds "*": every event type
	curItem  string              // the CurrentItem field on the right, or ""
	slot     int                 // the Matcher's per-request result: an interaction set or CurrentItem's values; -1 if none
}

// lit is one value to compare with: its text, and the number it is when it reads as one.
type lit struct {
	s   string
	n   float64
	num bool
}

// setThreshold is how many literals make a lookup set worth its map.
const setThreshold = 8

// Bind applies filterValues: each key is a placeholder's name without $ (case-sensitive), each
// value one or more literals separated by commas, strings in double quotes, numbers bare:
// {"GENRES": "\"comedy\",\"drama\"", "PRICE": "20"}. A placeholder compared with <, <=, > or
// >= takes one number (a quoted number is accepted too), and one compared with = takes one
// value.
//
// An INCLUDE expression needs values for all its placeholders (AWS documents this); a missing
// one is an *Error. In an EXCLUDE expression a missing placeholder adds no values, so a
// condition left with none matches nothing: AWS says it "doesn't use that portion of the
// expression". Keys the filter has no placeholder for are ignored (a guess).
func (f *Filter) Bind(values map[string]string) (*Bound, error) {
	b, err := f.bind(values)
	if err != nil {
		return nil, err
	}
	return b, nil
}

func (f *Filter) bind(values map[string]string) (*Bound, *Error) {
	if err := checkValues(values); err != nil {
		return nil, err
	}
	bd := binder{values: values}
	b := &Bound{target: f.exprs[0].target, exprs: make([]bexpr, len(f.exprs))}
	for i := range f.exprs {
		e := &f.exprs[i]
		be := &b.exprs[i]
		be.include = e.include
		for _, group := range e.where {
			bg := make([]bcond, len(group))
			for j := range group {
				if err := bd.cond(&bg[j], &group[j], e, b); err != nil {
					return nil, err
				}
			}
			be.where = append(be.where, bg)
		}
		be.when = make([]bcond, len(e.when))
		for j := range e.when {
			if err := bd.cond(&be.when[j], &e.when[j], e, b); err != nil {
				return nil, err
			}
		}
	}
	if len(bd.missing) > 0 {
		sort.Strings(bd.missing)
		return nil, valuesErr(bd.missing[0], "an INCLUDE expression needs values for all its placeholders; missing $%s",
			strings.Join(bd.missing, ", $"))
	}
	return b, nil
}

// checkValues checks filterValues against the runtime model's limits. Of several problems it
// reports the one of the first key in order, so that the answer never depends on map order.
func checkValues(values map[string]string) *Error {
	if len(values) > MaxFilterValues {
		return valuesErr("", "at most %d filter values, not %d", MaxFilterValues, len(values))
	}
	var first *Error
	for k, v := range values {
		if first != nil && k > first.Placeholder {
			continue
		}
		if !placeholderName(k) {
			first = valuesErr(k, "the key %q is not a placeholder name (1 to %d letters, digits or underscores)", k, MaxPlaceholderName)
		} else if n := utf8.RuneCountInString(v); n > MaxFilterValueLength {
			first = valuesErr(k, "the value of $%s is %d characters long; the most is %d", k, n, MaxFilterValueLength)
		}
	}
	return first
}

// placeholderName reports whether a filterValues key can name a placeholder: [A-Za-z0-9_]{1,50}.
func placeholderName(k string) bool {
	if k == "" || len(k) > MaxPlaceholderName {
		return false
	}
	for i := 0; i < len(k); i++ {
		if !isWordByte(k[i]) {
			return false
		}
	}
	return true
}

// binder binds conditions, parsing each placeholder's value once.
type binder struct {
	values  map[string]string
	parsed  map[string][]lit
	missing []string // placeholders of INCLUDE expressions without a value
}

func (bd *binder) cond(bc *bcond, c *cond, e *expr, b *Bound) *Error {
	*bc = bcond{ds: c.ds, field: c.field, op: c.op, slot: -1}
	for _, v := range c.vals {
		switch v.kind {
		case litString:
			bc.lits = append(bc.lits, stringLit(v.text))
		case litNumber:
			bc.lits = append(bc.lits, lit{s: v.text, n: v.num, num: true})
		case currentItem:
			bc.curItem = v.text
		case placeholder:
			lits, err := bd.value(v.text, c.op, e.include)
			if err != nil {
				return err
			}
			bc.lits = append(bc.lits, lits...)
		}
	}
	for _, l := range bc.lits {
		bc.anyEvent = bc.anyEvent || c.field == "EVENT_TYPE" && l.s == "*"
	}
	if len(bc.lits) > setThreshold && c.field != "EVENT_TYPE" {
		bc.set = make(map[string]struct{}, len(bc.lits))
		for _, l := range bc.lits {
			bc.set[l.s] = struct{}{}
		}
	}
	if bc.curItem != "" || e.target != UserID && (c.ds == Interactions || c.ds == ActionInteractions) {
		bc.slot = b.slots
		b.slots++
	}
	return nil
}

// value is a placeholder's literals: none when it has no value (recorded as missing in an
// INCLUDE expression), an *Error when its value does not read or does not fit the operator.
func (bd *binder) value(name string, o op, include bool) ([]lit, *Error) {
	text, ok := bd.values[name]
	if !ok {
		if include && !contains(bd.missing, name) {
			bd.missing = append(bd.missing, name)
		}
		return nil, nil
	}
	lits, ok := bd.parsed[name]
	if !ok {
		var err *Error
		if lits, err = parseValue(name, text); err != nil {
			return nil, err
		}
		if bd.parsed == nil {
			bd.parsed = map[string][]lit{}
		}
		bd.parsed[name] = lits
	}
	switch {
	case o != opIn && len(lits) != 1:
		return nil, valuesErr(name, "$%s is compared with %s, which takes one value, not %d", name, opNames[o], len(lits))
	case o.numeric() && !lits[0].num:
		return nil, valuesErr(name, "$%s is compared with %s, which orders numbers; %q is not a number", name, opNames[o], lits[0].s)
	}
	return lits, nil
}

// parseValue reads a placeholder's value: literals, as an expression writes them, separated by
// commas.
func parseValue(name, text string) ([]lit, *Error) {
	var lits []lit
	for pos := 0; ; {
		t, err := lexAt(text, &pos)
		switch {
		case err != nil:
			return nil, valueErr(name, token{kind: tWord, pos: err.Offset, raw: err.Near}, "%s", err.reason)
		case t.kind == tEOF && lits == nil:
			return nil, valuesErr(name, "the value of $%s is empty; give one or more values separated by commas", name)
		case t.kind == tString:
			lits = append(lits, stringLit(t.text))
		case t.kind == tNumber:
			lits = append(lits, lit{s: t.raw, n: t.num, num: true})
		default:
			return nil, valueErr(name, t, `expected a "string" in double quotes or a number`)
		}
		switch t, err = lexAt(text, &pos); {
		case err != nil:
			return nil, valueErr(name, token{kind: tWord, pos: err.Offset, raw: err.Near}, "%s", err.reason)
		case t.kind == tEOF:
			return lits, nil
		case t.kind != tComma:
			return nil, valueErr(name, t, "expected a comma between values")
		}
	}
}

// stringLit is a string literal, which also compares with numeric fields when it is written
// as a number is (a guess: "\"20\"" works like "20").
func stringLit(s string) lit {
	if !isNumber(s) {
		return lit{s: s}
	}
	n, err := strconv.ParseFloat(s, 64)
	return lit{s: s, n: n, num: err == nil}
}

// isNumber reports whether s is a number as an expression writes one: -?digits(.digits)?.
func isNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	whole, frac, dot := strings.Cut(s, ".")
	return allDigits(whole) && (!dot || allDigits(frac))
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
