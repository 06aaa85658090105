package model

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Validator checks one Go input type against its model shape. It is compiled once per
// operation: compilation walks the shape and the Go type together and panics if a model member
// has no Go field or a Go field has no member, so no constraint can be forgotten.
type Validator struct {
	root    *node
	display func(pattern string) string
}

// Violation is one failed constraint, already in AWS's words.
type Violation struct {
	Path       string // e.g. "tags.1.member.key"
	Value      string // rendered value, "" with Null or Sensitive
	Null       bool
	Sensitive  bool
	Constraint string // e.g. "Member must not be null"
}

func (v Violation) String() string {
	switch {
	case v.Null:
		return fmt.Sprintf("Value null at '%s' failed to satisfy constraint: %s", v.Path, v.Constraint)
	case v.Sensitive:
		return fmt.Sprintf("Value at '%s' failed to satisfy constraint: %s", v.Path, v.Constraint)
	}
	return fmt.Sprintf("Value '%s' at '%s' failed to satisfy constraint: %s", v.Value, v.Path, v.Constraint)
}

// Message joins violations the way AWS does:
// "2 validation errors detected: Value ...; Value ...".
func Message(vs []Violation) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = v.String()
	}
	noun := "errors"
	if len(vs) == 1 {
		noun = "error"
	}
	return fmt.Sprintf("%d validation %s detected: %s", len(vs), noun, strings.Join(parts, "; "))
}

type field struct {
	index    int
	name     string // member name as in the model
	path     string // member name with a lower-case first letter, as AWS prints it
	required bool
	node     *node
}

// shapeKind is a shape's type, decided once at compile time so that walking does not compare
// type names.
type shapeKind uint8

const (
	kindOther shapeKind = iota
	kindStructure
	kindList
	kindMap
	kindString
	kindInteger
	kindFloat
)

type node struct {
	shape   *Shape
	typ     shapeKind
	secret  bool    // the shape or anything in it is sensitive: messages never print its value
	fields  []field // structures
	elem    *node   // lists
	key     *node   // maps
	value   *node   // maps
	matches func(string) bool
	enum    map[string]bool
	// pairs, for maps of structures, holds settable {key, value} pairs of the map's Go types,
	// into which walkStructMap reads entries without allocating per map.
	pairs sync.Pool
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// Validate returns every violated constraint of in (a pointer to the compiled input type).
func (v *Validator) Validate(in any) []Violation {
	var out []Violation
	v.walk(v.root, reflect.ValueOf(in), "", "", &out)
	return out
}

// walk checks val against n. The value's path is join(parent, name), built only when a
// violation needs it or a nested value needs it as its parent, so a valid input costs no
// string building.
func (v *Validator) walk(n *node, val reflect.Value, parent, name string, out *[]Violation) {
	for val.Kind() == reflect.Pointer {
		if val.IsNil() {
			return
		}
		val = val.Elem()
	}
	switch n.typ {
	case kindStructure:
		path := join(parent, name)
		for _, f := range n.fields {
			fv := val.Field(f.index)
			if isNull(fv) {
				if f.required {
					*out = append(*out, Violation{Path: join(path, f.path), Null: true, Constraint: "Member must not be null"})
				}
				continue
			}
			v.walk(f.node, fv, path, f.path, out)
		}
	case kindList:
		v.checkSize(n, val, val.Len(), parent, name, out)
		if val.Len() > 0 {
			path := join(parent, name)
			for i := 0; i < val.Len(); i++ {
				v.walk(n.elem, val.Index(i), path, strconv.Itoa(i+1)+".member", out)
			}
		}
	case kindMap:
		v.checkSize(n, val, val.Len(), parent, name, out)
		if n.value.typ == kindStructure {
			v.walkStructMap(n, val, parent, name, out)
			return
		}
		badKey, badValue := false, false
		if m, ok := val.Interface().(map[string]string); ok {
			// The common map, checked without reflection or allocation.
			for k, e := range m {
				badKey = badKey || !v.stringOK(n.key, k)
				badValue = badValue || !v.stringOK(n.value, e)
				if badKey && badValue {
					break
				}
			}
		} else {
			for it := val.MapRange(); it.Next() && !(badKey && badValue); {
				badKey = badKey || !v.stringOK(n.key, it.Key().String())
				if !badValue {
					var sub []Violation
					v.walk(n.value, it.Value(), "", "value", &sub)
					badValue = len(sub) > 0
				}
			}
		}
		if badKey {
			v.mapPartViolation(n, val, parent, name, "Map keys", n.key, out)
		}
		if badValue {
			v.mapPartViolation(n, val, parent, name, "Map value", n.value, out)
		}
	case kindString:
		s := val.String()
		if !v.stringOK(n, s) {
			for _, c := range v.stringConstraints(n, s) {
				*out = append(*out, Violation{Path: join(parent, name), Value: s, Sensitive: n.shape.Sensitive, Constraint: c})
			}
		}
	case kindFloat:
		f := val.Float()
		if n.shape.Min != nil && f < float64(*n.shape.Min) {
			*out = append(*out, Violation{Path: join(parent, name), Value: strconv.FormatFloat(f, 'g', -1, 64), Sensitive: n.shape.Sensitive,
				Constraint: fmt.Sprintf("Member must have value greater than or equal to %d", *n.shape.Min)})
		}
		if n.shape.Max != nil && f > float64(*n.shape.Max) {
			*out = append(*out, Violation{Path: join(parent, name), Value: strconv.FormatFloat(f, 'g', -1, 64), Sensitive: n.shape.Sensitive,
				Constraint: fmt.Sprintf("Member must have value less than or equal to %d", *n.shape.Max)})
		}
	case kindInteger:
		i := val.Int()
		if n.shape.Min != nil && i < *n.shape.Min {
			*out = append(*out, Violation{Path: join(parent, name), Value: strconv.FormatInt(i, 10), Sensitive: n.shape.Sensitive,
				Constraint: fmt.Sprintf("Member must have value greater than or equal to %d", *n.shape.Min)})
		}
		if n.shape.Max != nil && i > *n.shape.Max {
			*out = append(*out, Violation{Path: join(parent, name), Value: strconv.FormatInt(i, 10), Sensitive: n.shape.Sensitive,
				Constraint: fmt.Sprintf("Member must have value less than or equal to %d", *n.shape.Max)})
		}
	}
}

// walkStructMap checks a map from strings to structures: its keys as a map of strings' are,
// and each value as a structure at <map>.<key> (AWS's path for a map's values is not known;
// this one reads like the paths of lists), in the order of the keys.
//
// A valid map costs one walk in the map's own order, with one copy of a value reused for every
// entry; only a map with a violation is walked again, in key order, for a stable message.
func (v *Validator) walkStructMap(n *node, val reflect.Value, parent, name string, out *[]Violation) {
	if val.Len() == 0 {
		return
	}
	pair := n.pairs.Get().(*reflect.Value) // a key and a value to read entries into, reused
	defer func() {
		pair.SetZero() // keep nothing of the caller's alive
		n.pairs.Put(pair)
	}()
	key, value := pair.Field(0), pair.Field(1)
	badKey, bad := false, false
	var scratch []Violation
	for it := val.MapRange(); it.Next(); {
		key.SetIterKey(it)
		badKey = badKey || !v.stringOK(n.key, key.String())
		if !bad {
			value.SetIterValue(it)
			v.walk(n.value, value, "", "", &scratch)
			bad = len(scratch) > 0
		}
	}
	if badKey {
		v.mapPartViolation(n, val, parent, name, "Map keys", n.key, out)
	}
	if !bad {
		return
	}
	keys := make([]string, 0, val.Len())
	for it := val.MapRange(); it.Next(); {
		keys = append(keys, it.Key().String())
	}
	sort.Strings(keys)
	path := join(parent, name)
	for _, k := range keys {
		v.walk(n.value, val.MapIndex(reflect.ValueOf(k).Convert(val.Type().Key())), path, k, out)
	}
}

// stringOK is the allocation-free check of a string; stringConstraints names what failed.
func (v *Validator) stringOK(n *node, s string) bool {
	if n.shape.Min != nil || n.shape.Max != nil {
		l := int64(utf8.RuneCountInString(s))
		if n.shape.Min != nil && l < *n.shape.Min || n.shape.Max != nil && l > *n.shape.Max {
			return false
		}
	}
	return (n.matches == nil || n.matches(s)) && (n.enum == nil || n.enum[s])
}

// stringConstraints lists the constraints s violates, in AWS's order: length, pattern, enum.
// Length counts characters, not bytes.
func (v *Validator) stringConstraints(n *node, s string) []string {
	var cs []string
	if n.shape.Min != nil || n.shape.Max != nil {
		l := int64(utf8.RuneCountInString(s))
		if n.shape.Min != nil && l < *n.shape.Min {
			cs = append(cs, fmt.Sprintf("Member must have length greater than or equal to %d", *n.shape.Min))
		}
		if n.shape.Max != nil && l > *n.shape.Max {
			cs = append(cs, fmt.Sprintf("Member must have length less than or equal to %d", *n.shape.Max))
		}
	}
	if n.matches != nil && !n.matches(s) {
		cs = append(cs, "Member must satisfy regular expression pattern: "+v.display(n.shape.Pattern))
	}
	if n.enum != nil && !n.enum[s] {
		cs = append(cs, "Member must satisfy enum value set: ["+strings.Join(n.shape.Enum, ", ")+"]")
	}
	return cs
}

func (v *Validator) checkSize(n *node, val reflect.Value, l int, parent, name string, out *[]Violation) {
	s := n.shape
	if s.Min != nil && int64(l) < *s.Min {
		*out = append(*out, Violation{Path: join(parent, name), Value: render(val), Sensitive: n.secret,
			Constraint: fmt.Sprintf("Member must have length greater than or equal to %d", *s.Min)})
	}
	if s.Max != nil && int64(l) > *s.Max {
		*out = append(*out, Violation{Path: join(parent, name), Value: render(val), Sensitive: n.secret,
			Constraint: fmt.Sprintf("Member must have length less than or equal to %d", *s.Max)})
	}
}

// mapPartViolation reports a map whose keys (or values) break their constraints, once per
// map. AWS then lists every constraint of the key (or value) shape, broken or not, maximum
// length first: "Map value must satisfy constraint: [Member must have length less than or
// equal to 256, Member must have length greater than or equal to 0, Member must satisfy ...]".
func (v *Validator) mapPartViolation(n *node, val reflect.Value, parent, name, what string, part *node, out *[]Violation) {
	var all []string
	s := part.shape
	measure := "length" // strings and lists; numbers are bounded by value
	if part.typ == kindFloat || part.typ == kindInteger {
		measure = "value"
	}
	if s.Max != nil {
		all = append(all, fmt.Sprintf("Member must have %s less than or equal to %d", measure, *s.Max))
	}
	if s.Min != nil {
		all = append(all, fmt.Sprintf("Member must have %s greater than or equal to %d", measure, *s.Min))
	}
	if s.Pattern != "" {
		all = append(all, "Member must satisfy regular expression pattern: "+v.display(s.Pattern))
	}
	if len(s.Enum) > 0 {
		all = append(all, "Member must satisfy enum value set: ["+strings.Join(s.Enum, ", ")+"]")
	}
	*out = append(*out, Violation{Path: join(parent, name), Value: render(val), Sensitive: n.secret,
		Constraint: what + " must satisfy constraint: [" + strings.Join(all, ", ") + "]"})
}

func isNull(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return v.IsNil()
	}
	return false
}

func join(path, member string) string {
	if path == "" {
		return member
	}
	return path + "." + member
}

// render prints a list, map or structure roughly as Java's toString does: [a, b], {k=v}.
func render(v reflect.Value) string {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return "null"
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Slice:
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = render(v.Index(i))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k.String() + "=" + render(v.MapIndex(k))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case reflect.Struct:
		t := v.Type()
		var parts []string
		for i := 0; i < t.NumField(); i++ {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			if name == "" || name == "-" || isNull(v.Field(i)) {
				continue
			}
			parts = append(parts, lowerFirst(name)+"="+render(v.Field(i)))
		}
		return t.Name() + "(" + strings.Join(parts, ", ") + ")"
	}
	return fmt.Sprint(v.Interface())
}
