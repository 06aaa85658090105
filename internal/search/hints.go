package search

import (
	"slices"
)

// Hint is a necessary condition of a query that an index can serve: every record the query
// matches has one of Values in Field (for an element field such as FieldParentTrialName, some
// element has). The engine looks up the candidates of one hint (by name, ARN, parent, source)
// and runs Match on them alone, so a search costs what it finds, not what the account holds.
//
// Values compare exactly, as Match does; an index that folds case returns a superset, which
// Match narrows. Hints come only from filters that every match must satisfy: Equals and In on
// a text property that the whole expression requires (through And, nested groups, and Or when
// every branch requires the same property, which gives the union of the branches' values).
// Empty Values means no record can match.
type Hint struct {
	Field  Field
	Values []string
}

// Hints returns the query's hints, at most one per field, ordered by field. The slices are the
// query's own: do not modify them.
func (q *Query) Hints() []Hint { return q.hints }

// Hint returns the values a matching record must have in f, if the query requires any.
func (q *Query) Hint(f Field) ([]string, bool) { return lookup(q.hints, f) }

func (n *node) hints() []Hint {
	parts := make([][]Hint, 0, len(n.conds)+len(n.nested)+len(n.subs))
	for i := range n.conds {
		parts = append(parts, n.conds[i].hints())
	}
	for _, g := range n.nested {
		var all [][]Hint
		for i := range g.conds {
			all = append(all, g.conds[i].hints())
		}
		parts = append(parts, conjunction(all))
	}
	for _, s := range n.subs {
		parts = append(parts, s.hints())
	}
	if n.or {
		return disjunction(parts)
	}
	return conjunction(parts)
}

// hints of one filter: Equals or In on a text property read without a key.
func (c *cond) hints() []Hint {
	p := c.p
	if p.kind != pText || p.metric || keyed(p.field) {
		return nil
	}
	switch c.op {
	case opEquals:
		return []Hint{{Field: p.field, Values: []string{c.text}}}
	case opIn:
		vs := slices.Clone(c.in)
		slices.Sort(vs)
		return []Hint{{Field: p.field, Values: slices.Compact(vs)}}
	}
	return nil
}

func keyed(f Field) bool { return f >= FieldTag && f <= FieldOutputArtifactMediaType }

// conjunction: every part holds, so every part's hints do; of two on one field, the one with
// fewer values is kept (intersecting would be wrong for lists: a component in trials A and B
// satisfies Parents.TrialName = A and Parents.TrialName = B).
func conjunction(parts [][]Hint) []Hint {
	var out []Hint
	for _, hs := range parts {
		for _, h := range hs {
			i, found := slices.BinarySearchFunc(out, h.Field, func(x Hint, f Field) int { return int(x.Field) - int(f) })
			switch {
			case !found:
				out = slices.Insert(out, i, h)
			case len(h.Values) < len(out[i].Values):
				out[i] = h
			}
		}
	}
	return out
}

// disjunction: one part holds, so a field is required only if every part requires it, and
// then any of their values may be the one.
func disjunction(parts [][]Hint) []Hint {
	if len(parts) == 0 {
		return nil
	}
	var out []Hint
	for _, h := range parts[0] {
		values := slices.Clone(h.Values)
		ok := true
		for _, other := range parts[1:] {
			vs, found := lookup(other, h.Field)
			if !found {
				ok = false
				break
			}
			values = append(values, vs...)
		}
		if ok {
			slices.Sort(values)
			out = append(out, Hint{Field: h.Field, Values: slices.Compact(values)})
		}
	}
	return out
}

func lookup(hs []Hint, f Field) ([]string, bool) {
	for _, h := range hs {
		if h.Field == f {
			return h.Values, true
		}
	}
	return nil, false
}
