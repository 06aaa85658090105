package wire

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/awsfake/awsfake/internal/shape"
)

// Requests are decoded, and responses encoded, with github.com/go-json-experiment/json, the Go
// team's encoding/json/v2: one library both ways (for responses it measured 44% faster than
// encoding/json's Marshal, without its allocations; see BenchmarkEncode). By default it matches
// member names exactly, as AWS does (encoding/json would take "actionname" for ActionName),
// skips unknown members, sets a member to null's zero value, and decodes the shapes as they are
// (shape.Time through its UnmarshalJSON: an UnmarshalJSONFrom measured no faster). Its errors
// are turned into the messages clients of the wire door have always seen: "Malformed JSON at
// offset N: ..." and "Unexpected <kind> for member <Name> (expected <kind>)".

var decodeOptions = json.JoinOptions(
	// The last of duplicate members wins, as with AWS's own parsers and encoding/json.
	jsontext.AllowDuplicateNames(true),
	// Invalid UTF-8 (and an unpaired surrogate escape) becomes U+FFFD, byte by byte, as
	// encoding/json does, instead of failing the call.
	jsontext.AllowInvalidUTF8(true),
)

// decodeJSON decodes a JSON object into v, a pointer to a shape struct.
func decodeJSON(data []byte, v any) error {
	err := json.Unmarshal(data, v, decodeOptions)
	if err == nil {
		return nil
	}
	var syn *jsontext.SyntacticError
	var sem *json.SemanticError
	switch {
	case errors.As(err, &syn):
		return &syntaxError{msg: syntaxMessage(data, syn), offset: int(syn.ByteOffset)}
	case errors.As(err, &sem) && sem.GoType != nil && sem.JSONKind != 0:
		return typeErrorOf(data, reflect.TypeOf(v), sem)
	}
	return err
}

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

// syntaxMessages words what the JSON package says of malformed input as the wire door always
// has: the first entry whose fragment its description holds gives the message.
var syntaxMessages = []struct{ fragment, message string }{
	{"after top-level value", "unexpected data after the top-level value"},
	{"(expecting non-control character)", "control character in a string"},
	{"invalid escape sequence `\\u", "invalid \\u escape"},
	{"invalid escape sequence", "invalid escape in a string"},
	{"(expecting ':')", "expected ':' after a member name"},
	{"(expecting ',' or '}')", "expected ',' or '}' in an object"},
	{"(expecting ',' or ']')", "expected ',' or ']' in an array"},
	{"in literal", "invalid literal"},
	{"in number", "invalid number"},
	{"exceeded max depth", "exceeded max depth"},
	{"at start of value", "invalid character"},
}

func syntaxMessage(data []byte, e *jsontext.SyntacticError) string {
	if errors.Is(e.Err, io.ErrUnexpectedEOF) {
		return "unexpected end of input"
	}
	desc := e.Err.Error()
	for _, m := range syntaxMessages {
		if strings.Contains(desc, m.fragment) {
			if m.message == "invalid character" && expectsName(data, int(e.ByteOffset)) {
				return "expected a member name"
			}
			return m.message
		}
	}
	return desc
}

// expectsName tells whether the bad value at offset stands where an object's member name
// belongs: right after '{', or a trailing ',' before '}'. (A value after a ',' inside an
// object, such as {"a":1, b}, is reported as an invalid character: telling it from an array's
// needs the nesting, which the error does not carry.)
func expectsName(data []byte, offset int) bool {
	if offset < 0 || offset >= len(data) {
		return false
	}
	before := strings.TrimRight(string(data[:offset]), " \t\r\n")
	if strings.HasSuffix(before, "{") {
		return true
	}
	after := strings.TrimLeft(string(data[offset+1:]), " \t\r\n")
	return data[offset] == ',' && strings.HasPrefix(after, "}")
}

var timeType = reflect.TypeFor[shape.Time]()

// typeErrorOf describes a value of the wrong kind: the innermost member it was found in, its
// JSON kind (with the number, when a number did not fit), and the kind expected.
func typeErrorOf(data []byte, root reflect.Type, e *json.SemanticError) *typeError {
	got := kindName(e.JSONKind)
	if num := badNumber(data, e); num != "" {
		got += " " + num
	}
	return &typeError{member: memberAt(root, e.JSONPointer), want: expected(e.GoType, e.JSONKind), got: got}
}

// badNumber is the text of a number that did not fit its member. The JSON package gives it
// for Go numbers; for a timestamp (whose UnmarshalJSON refused it) it is read back from the
// document at the error's offset, where the value starts.
func badNumber(data []byte, e *json.SemanticError) string {
	switch {
	case e.JSONKind != '0':
		return ""
	case len(e.JSONValue) > 0:
		return string(e.JSONValue)
	case e.GoType != timeType || e.ByteOffset < 0 || e.ByteOffset >= int64(len(data)):
		return ""
	}
	v, err := jsontext.NewDecoder(bytes.NewReader(data[e.ByteOffset:])).ReadValue()
	if err != nil || v.Kind() != '0' {
		return ""
	}
	return string(v)
}

func kindName(k jsontext.Kind) string {
	switch k {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// expected names what a Go type takes. An integer member says "number" to a value of another
// kind and "integer" to a number that is not one, as the wire door always has.
func expected(t reflect.Type, got jsontext.Kind) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if got == '0' {
			return "integer"
		}
		return "number"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Bool:
		return "boolean"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Struct:
		if t == timeType {
			return "timestamp in epoch seconds"
		}
		return "object"
	case reflect.Map:
		return "object"
	}
	return t.String()
}

// memberAt follows a JSON pointer from the root type and returns the last structure member
// it passes: list indexes and map keys are not members ({"Properties":{"k":1}} is a wrong
// value for member Properties).
func memberAt(t reflect.Type, p jsontext.Pointer) string {
	member := ""
	for tok := range p.Tokens() {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Struct:
			f, ok := fieldNamed(t, tok)
			if !ok {
				return member
			}
			member, t = tok, f.Type
		case reflect.Slice, reflect.Array, reflect.Map:
			t = t.Elem()
		default:
			return member
		}
	}
	return member
}

// fieldNamed finds a struct field by its JSON name (the json tag's name).
func fieldNamed(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if tag, _, _ := strings.Cut(f.Tag.Get("json"), ","); tag == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// encodeOptions write a response as encoding/json did: map keys sorted (so a response is
// repeatable), and invalid UTF-8 in a string (which a request may have brought in, see
// decodeOptions) replaced by U+FFFD instead of failing the call.
var encodeOptions = json.JoinOptions(json.Deterministic(true), jsontext.AllowInvalidUTF8(true))
