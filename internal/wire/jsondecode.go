package wire

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/awsfake/awsfake/internal/shape"
)

// A JSON decoder for the shapes, several times faster than encoding/json on these small
// documents (the wire door's biggest cost). It also matches member names exactly, as AWS does
// (encoding/json would accept "actionname" for ActionName). It decodes the kinds the shapes
// use: structs (through pointers), *string, *int32, *int64, *float64, *bool, *shape.Time,
// slices and map[string]string. Unknown members are skipped, null leaves a member unset, and
// the last of duplicate members wins, as with encoding/json.

// syntaxError is malformed JSON; typeError is a well-formed value of the wrong kind.
type syntaxError struct {
	msg    string
	offset int
}

func (e *syntaxError) Error() string {
	return fmt.Sprintf("Malformed JSON at offset %d: %s", e.offset, e.msg)
}

type typeError struct {
	member, want, got string
}

func (e *typeError) Error() string {
	if e.member == "" {
		return fmt.Sprintf("Unexpected %s (expected %s)", e.got, e.want)
	}
	return fmt.Sprintf("Unexpected %s for member %s (expected %s)", e.got, e.member, e.want)
}

// maxDepth bounds nesting in skipped values, as encoding/json does.
const maxDepth = 10000

type decoder struct {
	data   []byte
	src    string // data as a string, made once: plain string values are substrings of it
	pos    int
	member string // the member being decoded, for messages
	slab   []string
}

// newString returns a pointer to s from a slab, so that a document's many *string members
// cost a few allocations instead of one each.
func (d *decoder) newString(s string) *string {
	if len(d.slab) == cap(d.slab) {
		d.slab = make([]string, 0, 16)
	}
	d.slab = append(d.slab, s)
	return &d.slab[len(d.slab)-1]
}

var stringPtrType = reflect.TypeFor[*string]()

// decodeJSON decodes a JSON object into v, a pointer to a shape struct.
func decodeJSON(data []byte, v any) error {
	d := &decoder{data: data, src: string(data)}
	rv := reflect.ValueOf(v)
	if err := d.value(rv.Elem(), planFor(rv.Elem().Type())); err != nil {
		return err
	}
	d.ws()
	if d.pos != len(d.data) {
		return d.syntax("unexpected data after the top-level value")
	}
	return nil
}

// plan says how to decode one Go type.
type plan struct {
	kind   reflect.Kind
	elem   *plan            // pointer, slice and map element
	fields map[string]field // struct members by exact JSON name
	time   bool             // shape.Time
}

type field struct {
	name  string
	index int
	plan  *plan
}

var (
	ready    sync.Map // reflect.Type → *plan, only plans that are complete
	building sync.Mutex
	timeType = reflect.TypeFor[shape.Time]()
)

// planFor returns the plan of a type, building it (once, under a lock) on first use.
func planFor(t reflect.Type) *plan {
	if p, ok := ready.Load(t); ok {
		return p.(*plan)
	}
	building.Lock()
	defer building.Unlock()
	built := map[reflect.Type]*plan{}
	p := buildPlan(t, built)
	for t, p := range built {
		ready.Store(t, p)
	}
	return p
}

func buildPlan(t reflect.Type, built map[reflect.Type]*plan) *plan {
	if p, ok := ready.Load(t); ok {
		return p.(*plan)
	}
	if p, ok := built[t]; ok {
		return p
	}
	p := &plan{kind: t.Kind()}
	built[t] = p // before recursing, in case a shape ever refers to itself
	switch {
	case t == timeType:
		p.time = true
	case t.Kind() == reflect.Pointer, t.Kind() == reflect.Slice, t.Kind() == reflect.Map:
		p.elem = buildPlan(t.Elem(), built)
	case t.Kind() == reflect.Struct:
		p.fields = map[string]field{}
		for i := 0; i < t.NumField(); i++ {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			if name != "" && name != "-" {
				p.fields[name] = field{name: name, index: i, plan: buildPlan(t.Field(i).Type, built)}
			}
		}
	}
	return p
}

func (d *decoder) syntax(msg string) error { return &syntaxError{msg: msg, offset: d.pos} }

// value decodes the next JSON value into v (settable) following p.
func (d *decoder) value(v reflect.Value, p *plan) error {
	c := d.peek()
	if c == 0 {
		return d.syntax("unexpected end of input")
	}
	if c == 'n' {
		if err := d.literal("null"); err != nil {
			return err
		}
		v.SetZero()
		return nil
	}
	switch p.kind {
	case reflect.Pointer:
		if c == '"' && v.Type() == stringPtrType {
			str, err := d.str()
			if err != nil {
				return err
			}
			v.Set(reflect.ValueOf(d.newString(str)))
			return nil
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return d.value(v.Elem(), p.elem)
	case reflect.Struct:
		if p.time {
			return d.timestamp(v)
		}
		return d.object(v, p)
	case reflect.String:
		if c != '"' {
			if err := d.skip(0); err != nil {
				return err
			}
			return &typeError{member: d.member, want: "string", got: kindOf(c)}
		}
		s, err := d.str()
		if err != nil {
			return err
		}
		v.SetString(s)
		return nil
	case reflect.Int32, reflect.Int64, reflect.Float64:
		num, err := d.number()
		if err != nil {
			return err
		}
		return d.setNumber(v, p.kind, num)
	case reflect.Bool:
		switch c {
		case 't':
			v.SetBool(true)
			return d.literal("true")
		case 'f':
			v.SetBool(false)
			return d.literal("false")
		}
		return d.wrongKind("boolean", c)
	case reflect.Slice:
		return d.array(v, p)
	case reflect.Map:
		return d.stringMap(v, p)
	}
	return fmt.Errorf("awsfake: cannot decode into %s", v.Type())
}

func kindOf(c byte) string {
	switch c {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "boolean"
	}
	return "number"
}

// wrongKind skips the value at hand and reports it as the wrong kind.
func (d *decoder) wrongKind(want string, c byte) error {
	if err := d.skip(0); err != nil {
		return err
	}
	return &typeError{member: d.member, want: want, got: kindOf(c)}
}

func (d *decoder) object(v reflect.Value, p *plan) error {
	if c := d.peek(); c != '{' {
		return d.wrongKind("object", c)
	}
	outer := d.member
	return d.eachMember(func(key []byte) error {
		f, ok := p.fields[string(key)] // no allocation: a map index by converted bytes
		if !ok {
			return d.skip(0)
		}
		d.member = f.name
		if err := d.value(v.Field(f.index), f.plan); err != nil {
			return err
		}
		d.member = outer
		return nil
	})
}

// eachMember reads an object at pos (which holds '{'), calling member for each name with pos
// at its value; member must consume the value.
func (d *decoder) eachMember(member func(key []byte) error) error {
	d.pos++
	if d.peek() == '}' {
		d.pos++
		return nil
	}
	for {
		if d.peek() != '"' {
			return d.syntax("expected a member name")
		}
		key, err := d.rawKey()
		if err != nil {
			return err
		}
		if d.peek() != ':' {
			return d.syntax("expected ':' after a member name")
		}
		d.pos++
		if err := member(key); err != nil {
			return err
		}
		switch d.peek() {
		case ',':
			d.pos++
		case '}':
			d.pos++
			return nil
		default:
			return d.syntax("expected ',' or '}' in an object")
		}
	}
}

// eachElement reads an array at pos (which holds '['), calling element with pos at each
// element; element must consume it.
func (d *decoder) eachElement(element func() error) error {
	d.pos++
	if d.peek() == ']' {
		d.pos++
		return nil
	}
	for {
		if err := element(); err != nil {
			return err
		}
		switch d.peek() {
		case ',':
			d.pos++
		case ']':
			d.pos++
			return nil
		default:
			return d.syntax("expected ',' or ']' in an array")
		}
	}
}

// rawKey reads a member name as bytes; plain names are not copied.
func (d *decoder) rawKey() ([]byte, error) {
	start := d.pos + 1
	for i := start; i < len(d.data); i++ {
		c := d.data[i]
		if c == '"' {
			d.pos = i + 1
			return d.data[start:i], nil
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
	}
	s, err := d.str()
	return []byte(s), err
}

func (d *decoder) array(v reflect.Value, p *plan) error {
	if c := d.peek(); c != '[' {
		return d.wrongKind("array", c)
	}
	slice := reflect.MakeSlice(v.Type(), 0, 0)
	err := d.eachElement(func() error {
		slice = reflect.Append(slice, reflect.Zero(v.Type().Elem()))
		return d.value(slice.Index(slice.Len()-1), p.elem)
	})
	if err != nil {
		return err
	}
	v.Set(slice)
	return nil
}

func (d *decoder) stringMap(v reflect.Value, p *plan) error {
	if c := d.peek(); c != '{' {
		return d.wrongKind("object", c)
	}
	if p.elem.kind != reflect.String || v.Type().Key().Kind() != reflect.String {
		return fmt.Errorf("awsfake: cannot decode into %s", v.Type())
	}
	m := map[string]string{}
	err := d.eachMember(func(key []byte) error {
		switch c := d.peek(); c {
		case '"':
			val, err := d.str()
			if err != nil {
				return err
			}
			m[string(key)] = val
		case 'n':
			m[string(key)] = ""
			return d.literal("null")
		default:
			return d.wrongKind("string", c)
		}
		return nil
	})
	if err != nil {
		return err
	}
	v.Set(reflect.ValueOf(m))
	return nil
}
