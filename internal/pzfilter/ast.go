package pzfilter

import (
	"sort"
	"strings"
)

// Dataset is a dataset a condition reads. Its String is the name a filter expression uses.
type Dataset int

// The datasets of a dataset group that filter expressions read.
const (
	Items Dataset = iota + 1
	Users
	Interactions
	Actions
	ActionInteractions
)

var datasetNames = [...]string{Items: "Items", Users: "Users", Interactions: "Interactions", Actions: "Actions", ActionInteractions: "Action_Interactions"}

// String is the dataset's name in a filter expression: Items, Users, Interactions, Actions or
// Action_Interactions (AWS's examples spell the last with an underscore).
func (d Dataset) String() string {
	if d < Items || d > ActionInteractions {
		return "Dataset(?)"
	}
	return datasetNames[d]
}

// Target is what an expression filters: items, actions or users (user segments).
type Target int

// The targets, in the words an expression uses after INCLUDE or EXCLUDE.
const (
	ItemID Target = iota + 1
	ActionID
	UserID
)

var targetNames = [...]string{ItemID: "ItemID", ActionID: "ActionID", UserID: "UserID"}

// String is the target's word in an expression: ItemID, ActionID or UserID.
func (t Target) String() string {
	if t < ItemID || t > UserID {
		return "Target(?)"
	}
	return targetNames[t]
}

// op is a condition's operator.
type op int

const (
	opIn op = iota + 1
	opNotIn
	opEq
	opLt
	opLe
	opGt
	opGe
)

var opNames = [...]string{opIn: "IN", opNotIn: "NOT IN", opEq: "=", opLt: "<", opLe: "<=", opGt: ">", opGe: ">="}

// numeric reports whether the operator orders numbers (<, <=, >, >=).
func (o op) numeric() bool { return o >= opLt }

// list reports whether the operator takes a list of values (IN, NOT IN).
func (o op) list() bool { return o == opIn || o == opNotIn }

// operandKind is what stands on the right of an operator.
type operandKind int

const (
	litString   operandKind = iota + 1 // "text"
	litNumber                          // 12.5
	placeholder                        // $NAME
	currentItem                        // CurrentItem.FIELD
)

// operand is one value on the right of an operator. text is the string (unescaped), the
// number as written, the placeholder's name without $, or CurrentItem's field.
type operand struct {
	kind operandKind
	text string
	num  float64
}

// cond is one condition: a dataset's field, an operator and its values. In an IF clause the
// dataset is Users and the field is read from the current user.
type cond struct {
	ds    Dataset
	field string
	op    op
	vals  []operand
}

// expr is one INCLUDE or EXCLUDE expression. where is a disjunction of conjunctions (AND
// binds tighter than OR); when is the IF clause's conditions on CurrentUser, all of which must
// hold for the expression to apply.
type expr struct {
	include bool
	target  Target
	where   [][]cond
	when    []cond
}

// Filter is a parsed filter expression: one or more expressions joined by |. It is immutable,
// so one Filter may be checked, bound and printed by many goroutines at once.
type Filter struct {
	exprs []expr
}

// String is the filter's canonical form: keywords in upper case, datasets and targets as AWS
// spells them, one space between tokens, fields and placeholders as written. Parsing it gives
// back an equal Filter.
func (f *Filter) String() string {
	var b strings.Builder
	for i := range f.exprs {
		if i > 0 {
			b.WriteString(" | ")
		}
		f.exprs[i].write(&b)
	}
	return b.String()
}

func (e *expr) write(b *strings.Builder) {
	if e.include {
		b.WriteString("INCLUDE ")
	} else {
		b.WriteString("EXCLUDE ")
	}
	b.WriteString(e.target.String())
	b.WriteString(" WHERE ")
	for i, group := range e.where {
		if i > 0 {
			b.WriteString(" OR ")
		}
		for j := range group {
			if j > 0 {
				b.WriteString(" AND ")
			}
			group[j].write(b, group[j].ds.String())
		}
	}
	for i := range e.when {
		if i == 0 {
			b.WriteString(" IF ")
		} else {
			b.WriteString(" AND ")
		}
		e.when[i].write(b, "CurrentUser")
	}
}

func (c *cond) write(b *strings.Builder, qualifier string) {
	b.WriteString(qualifier)
	b.WriteByte('.')
	b.WriteString(c.field)
	b.WriteByte(' ')
	b.WriteString(opNames[c.op])
	b.WriteByte(' ')
	if len(c.vals) == 1 && (c.vals[0].kind == currentItem || !c.op.list()) {
		c.vals[0].write(b)
		return
	}
	b.WriteByte('(')
	for i := range c.vals {
		if i > 0 {
			b.WriteString(", ")
		}
		c.vals[i].write(b)
	}
	b.WriteByte(')')
}

func (o *operand) write(b *strings.Builder) {
	switch o.kind {
	case litString:
		b.WriteByte('"')
		for i := 0; i < len(o.text); i++ {
			if c := o.text[i]; c == '"' || c == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(o.text[i])
		}
		b.WriteByte('"')
	case litNumber:
		b.WriteString(o.text)
	case placeholder:
		b.WriteByte('$')
		b.WriteString(o.text)
	case currentItem:
		b.WriteString("CurrentItem.")
		b.WriteString(o.text)
	}
}

// Target is what the filter filters: every expression of a filter filters the same kind.
func (f *Filter) Target() Target { return f.exprs[0].target }

// Placeholders are the names of the filter's placeholders, without $, sorted and each once:
// the keys GetRecommendations' filterValues may give.
func (f *Filter) Placeholders() []string {
	seen := map[string]bool{}
	f.eachCond(func(_ *expr, c *cond, _ bool) {
		for _, v := range c.vals {
			if v.kind == placeholder {
				seen[v.text] = true
			}
		}
	})
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// FieldRef is one dataset field a filter reads.
type FieldRef struct {
	Dataset Dataset
	Name    string // as first written in the expression
}

// Fields are the distinct dataset fields the filter reads, in the order they first appear.
// CurrentUser.X counts as Users.X and CurrentItem.X as Items.X; names are compared ignoring
// case, as Check matches them to the schema. AWS limits them per filter (MaxFields) and across
// a dataset group's filters (MaxGroupFields), which the engine counts with this.
func (f *Filter) Fields() []FieldRef {
	var refs []FieldRef
	add := func(ds Dataset, name string) {
		for _, r := range refs {
			if r.Dataset == ds && strings.EqualFold(r.Name, name) {
				return
			}
		}
		refs = append(refs, FieldRef{ds, name})
	}
	f.eachCond(func(_ *expr, c *cond, _ bool) {
		add(c.ds, c.field)
		for _, v := range c.vals {
			if v.kind == currentItem {
				add(Items, v.text)
			}
		}
	})
	return refs
}

// NeedsUser reports whether the filter reads the current user: an IF clause on CurrentUser,
// or the user's interactions when filtering items or actions. Without a userId such parts
// match nothing (see the package documentation).
func (f *Filter) NeedsUser() bool {
	needs := false
	f.eachCond(func(e *expr, c *cond, inIf bool) {
		if inIf || e.target != UserID && (c.ds == Interactions || c.ds == ActionInteractions) {
			needs = true
		}
	})
	return needs
}

// NeedsItem reports whether the filter reads CurrentItem, the item a related-items request
// names; AWS applies such filters only to related-items recipes and use cases.
func (f *Filter) NeedsItem() bool {
	needs := false
	f.eachCond(func(_ *expr, c *cond, _ bool) {
		for _, v := range c.vals {
			needs = needs || v.kind == currentItem
		}
	})
	return needs
}

// eachCond calls fn for every condition, WHERE first then IF, saying which.
func (f *Filter) eachCond(fn func(e *expr, c *cond, inIf bool)) {
	for i := range f.exprs {
		e := &f.exprs[i]
		for _, group := range e.where {
			for j := range group {
				fn(e, &group[j], false)
			}
		}
		for j := range e.when {
			fn(e, &e.when[j], true)
		}
	}
}
