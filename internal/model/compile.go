package model

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// Compile builds the validator of an operation's input for the Go type of its input
// structure. displayPattern renders a pattern in messages (SageMaker prints it with a
// leading "^").
func Compile(op *Operation, t reflect.Type, displayPattern func(string) string) *Validator {
	if displayPattern == nil {
		displayPattern = func(p string) string { return p }
	}
	c := compiler{nodes: map[compiled]*node{}}
	return &Validator{root: c.node(op.Input, t, op.Name), display: displayPattern}
}

// compiler compiles the nodes of one input type, each shape and Go type once: a shape that
// contains itself (SearchExpression) is a cycle of nodes.
type compiler struct {
	nodes map[compiled]*node
}

type compiled struct {
	shape *Shape
	typ   reflect.Type
}

// node walks a shape and the Go type it is decoded into together; where names the place for
// the panic that a mismatch causes.
func (c *compiler) node(s *Shape, t reflect.Type, where string) *node {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n, ok := c.nodes[compiled{s, t}]; ok {
		return n
	}
	n := &node{shape: s}
	c.nodes[compiled{s, t}] = n
	switch s.Type {
	case "structure":
		mustBe(t, reflect.Struct, where, s)
		n.typ, n.fields = kindStructure, c.fields(s, t, where)
	case "list":
		mustBe(t, reflect.Slice, where, s)
		n.typ, n.elem = kindList, c.node(s.Member, t.Elem(), where+"[]")
	case "map":
		mustBe(t, reflect.Map, where, s)
		if t.Key().Kind() != reflect.String || s.Key.Type != "string" {
			panic(fmt.Sprintf("%s: only maps with string keys are supported, not %s", where, t))
		}
		n.typ = kindMap
		n.key = c.node(s.Key, t.Key(), where+"{key}")
		n.value = c.node(s.Value, t.Elem(), where+"{value}")
		pair := reflect.StructOf([]reflect.StructField{{Name: "K", Type: t.Key()}, {Name: "V", Type: t.Elem()}})
		n.pairs.New = func() any {
			v := reflect.New(pair).Elem()
			return &v
		}
	case "string":
		mustBe(t, reflect.String, where, s)
		n.typ = kindString
		compileString(n, s)
	case "integer", "long":
		if k := t.Kind(); k != reflect.Int32 && k != reflect.Int64 && k != reflect.Int {
			panic(fmt.Sprintf("%s: %s mapped to %s", where, s.Type, t))
		}
		n.typ = kindInteger
	case "float", "double":
		if k := t.Kind(); k != reflect.Float64 && k != reflect.Float32 {
			panic(fmt.Sprintf("%s: %s mapped to %s", where, s.Type, t))
		}
		n.typ = kindFloat
	case "timestamp", "boolean":
		// No constraints in these models beyond the type, which decoding enforces.
	default:
		panic(fmt.Sprintf("%s: unsupported shape type %s", where, s.Type))
	}
	n.secret = s.Sensitive
	for _, part := range []*node{n.elem, n.key, n.value} {
		n.secret = n.secret || part != nil && part.secret
	}
	for _, f := range n.fields {
		n.secret = n.secret || f.node.secret
	}
	return n
}

func mustBe(t reflect.Type, k reflect.Kind, where string, s *Shape) {
	if t.Kind() != k {
		panic(fmt.Sprintf("%s: %s %s mapped to %s", where, s.Type, s.Name, t))
	}
}

// fields pairs each member of a structure with the Go field of the same JSON name, and panics
// if either side has one the other lacks, so no constraint can be forgotten.
func (c *compiler) fields(s *Shape, t reflect.Type, where string) []field {
	req := map[string]bool{}
	for _, r := range s.Required {
		req[r] = true
	}
	var fields []field
	seen := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		m := s.Members[name]
		if m == nil {
			panic(fmt.Sprintf("%s: field %s.%s has no model member", where, t.Name(), name))
		}
		seen[name] = true
		fields = append(fields, field{
			index: i, name: name, path: lowerFirst(name), required: req[name],
			node: c.node(m, f.Type, where+"."+name),
		})
	}
	for name := range s.Members {
		if !seen[name] {
			panic(fmt.Sprintf("%s: model member %s has no field in %s", where, name, t))
		}
	}
	// Alphabetical by member, so messages are stable.
	sort.Slice(fields, func(i, j int) bool { return fields[i].name < fields[j].name })
	return fields
}

func compileString(n *node, s *Shape) {
	if s.Pattern != "" {
		n.matches = compilePattern(s.Pattern)
	}
	if len(s.Enum) > 0 {
		n.enum = map[string]bool{}
		for _, e := range s.Enum {
			n.enum[e] = true
		}
	}
}
