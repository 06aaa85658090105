package wire

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/awsfake/awsfake/fake/internal/shape"
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

func (d *decoder) ws() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

func (d *decoder) peek() byte {
	d.ws()
	if d.pos < len(d.data) {
		return d.data[d.pos]
	}
	return 0
}

func (d *decoder) literal(word string) error {
	if len(d.data)-d.pos < len(word) || string(d.data[d.pos:d.pos+len(word)]) != word {
		return d.syntax("invalid literal")
	}
	d.pos += len(word)
	return nil
}

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

// str reads a string at pos (which holds '"'), unescaping it. Invalid UTF-8 becomes U+FFFD,
// as encoding/json does.
func (d *decoder) str() (string, error) {
	start := d.pos + 1
	i := start
	for ; i < len(d.data); i++ {
		c := d.data[i]
		if c == '"' {
			s := d.src[start:i]
			d.pos = i + 1
			if utf8.ValidString(s) {
				return s, nil
			}
			return string([]rune(s)), nil // replaces invalid bytes with U+FFFD
		}
		if c == '\\' || c < 0x20 {
			break
		}
	}
	var buf []byte
	buf = append(buf, d.data[start:i]...)
	for i < len(d.data) {
		c := d.data[i]
		switch {
		case c == '"':
			d.pos = i + 1
			if !utf8.Valid(buf) {
				return string([]rune(string(buf))), nil
			}
			return string(buf), nil
		case c < 0x20:
			d.pos = i
			return "", d.syntax("control character in a string")
		case c != '\\':
			buf = append(buf, c)
			i++
			continue
		}
		if i+1 >= len(d.data) {
			break
		}
		switch e := d.data[i+1]; e {
		case '"', '\\', '/':
			buf = append(buf, e)
			i += 2
		case 'b':
			buf, i = append(buf, '\b'), i+2
		case 'f':
			buf, i = append(buf, '\f'), i+2
		case 'n':
			buf, i = append(buf, '\n'), i+2
		case 'r':
			buf, i = append(buf, '\r'), i+2
		case 't':
			buf, i = append(buf, '\t'), i+2
		case 'u':
			r, ok := hex4(d.data, i+2)
			if !ok {
				d.pos = i
				return "", d.syntax("invalid \\u escape")
			}
			i += 6
			if utf16.IsSurrogate(r) {
				r2, ok := rune(-1), false
				if i+1 < len(d.data) && d.data[i] == '\\' && d.data[i+1] == 'u' {
					r2, ok = hex4(d.data, i+2)
				}
				if dec := utf16.DecodeRune(r, r2); ok && dec != utf8.RuneError {
					r, i = dec, i+6
				} else {
					r = utf8.RuneError
				}
			}
			buf = utf8.AppendRune(buf, r)
		default:
			d.pos = i
			return "", d.syntax("invalid escape in a string")
		}
	}
	d.pos = len(d.data)
	return "", d.syntax("unterminated string")
}

func hex4(b []byte, at int) (rune, bool) {
	if at+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[at : at+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// number reads a JSON number (validating its grammar) and returns its text.
func (d *decoder) number() ([]byte, error) {
	c := d.peek()
	if c != '-' && (c < '0' || c > '9') {
		return nil, d.wrongKind("number", c)
	}
	start, i := d.pos, d.pos
	if d.data[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(d.data) && d.data[i] >= '0' && d.data[i] <= '9' {
			i, n = i+1, n+1
		}
		return n
	}
	if i < len(d.data) && d.data[i] == '0' {
		i++
	} else if digits() == 0 {
		d.pos = i
		return nil, d.syntax("invalid number")
	}
	if i < len(d.data) && d.data[i] == '.' {
		i++
		if digits() == 0 {
			d.pos = i
			return nil, d.syntax("invalid number")
		}
	}
	if i < len(d.data) && (d.data[i] == 'e' || d.data[i] == 'E') {
		i++
		if i < len(d.data) && (d.data[i] == '+' || d.data[i] == '-') {
			i++
		}
		if digits() == 0 {
			d.pos = i
			return nil, d.syntax("invalid number")
		}
	}
	d.pos = i
	return d.data[start:i], nil
}

func (d *decoder) setNumber(v reflect.Value, kind reflect.Kind, num []byte) error {
	switch kind {
	case reflect.Int32, reflect.Int64:
		bits := 64
		if kind == reflect.Int32 {
			bits = 32
		}
		n, err := strconv.ParseInt(string(num), 10, bits)
		if err != nil {
			return &typeError{member: d.member, want: "integer", got: "number " + string(num)}
		}
		v.SetInt(n)
	case reflect.Float64:
		f, err := strconv.ParseFloat(string(num), 64)
		if err != nil || math.IsInf(f, 0) {
			return &typeError{member: d.member, want: "number", got: "number " + string(num)}
		}
		v.SetFloat(f)
	}
	return nil
}

func (d *decoder) timestamp(v reflect.Value) error {
	if c := d.peek(); c != '-' && (c < '0' || c > '9') {
		return d.wrongKind("timestamp in epoch seconds", c)
	}
	num, err := d.number()
	if err != nil {
		return err
	}
	t := v.Addr().Interface().(*shape.Time)
	if err := t.UnmarshalJSON(num); err != nil {
		return &typeError{member: d.member, want: "timestamp in epoch seconds", got: "number " + string(num)}
	}
	return nil
}

// skip passes over one value of any kind, checking its syntax.
func (d *decoder) skip(depth int) error {
	if depth > maxDepth {
		return d.syntax("exceeded max depth")
	}
	switch c := d.peek(); c {
	case '"':
		_, err := d.str()
		return err
	case '{':
		return d.eachMember(func([]byte) error { return d.skip(depth + 1) })
	case '[':
		return d.eachElement(func() error { return d.skip(depth + 1) })
	case 't':
		return d.literal("true")
	case 'f':
		return d.literal("false")
	case 'n':
		return d.literal("null")
	case 0:
		return d.syntax("unexpected end of input")
	default:
		if c != '-' && (c < '0' || c > '9') {
			return d.syntax("invalid character")
		}
		_, err := d.number()
		return err
	}
}
