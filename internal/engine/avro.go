package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// avroSchema is a Personalize schema as parsed: a flat Avro record. Personalize documents the
// rules (how-it-works-dataset-schema): a record with fields of the primitive types float,
// double, int, long, string, boolean and null, or a union of one of them with null; no nested
// types; names unique even once only their letters and digits are compared; categorical and
// textual only on strings.
type avroSchema struct {
	name   string
	fields []avroField
}

// avroField is one field of a schema.
type avroField struct {
	name        string
	typ         string // the primitive type
	nullable    bool   // a union with null
	categorical bool
	textual     bool
}

// field returns the field with a name, compared ignoring case, or nil.
func (s *avroSchema) field(name string) *avroField {
	for i := range s.fields {
		if strings.EqualFold(s.fields[i].name, name) {
			return &s.fields[i]
		}
	}
	return nil
}

var avroPrimitives = map[string]bool{"float": true, "double": true, "int": true, "long": true, "string": true, "boolean": true, "null": true}

// parseAvro parses and checks a schema; the error says why it is refused, in words a user can
// act on (AWS's own wording is not documented).
func parseAvro(text string) (*avroSchema, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("the schema is not a JSON object: %v", err)
	}
	if !isEnd(dec) {
		return nil, fmt.Errorf("the schema has data after its JSON object")
	}
	if doc["type"] != "record" {
		return nil, fmt.Errorf(`the schema must be an Avro record ("type": "record"), not %s`, jsonText(doc["type"]))
	}
	name, _ := doc["name"].(string)
	if !avroName(name) {
		return nil, fmt.Errorf("the record needs a name of letters, digits and underscores, not %s", jsonText(doc["name"]))
	}
	list, ok := doc["fields"].([]any)
	if !ok || len(list) == 0 {
		return nil, fmt.Errorf(`the record needs a non-empty "fields" array`)
	}
	s := &avroSchema{name: name}
	seen := map[string]string{} // letters and digits, lower-cased → the field's name
	for i, raw := range list {
		f, err := parseAvroField(i, raw)
		if err != nil {
			return nil, err
		}
		key := alnumLower(f.name)
		if prev, dup := seen[key]; dup {
			return nil, fmt.Errorf("fields %q and %q have the same name once only their letters and digits are compared", prev, f.name)
		}
		seen[key] = f.name
		s.fields = append(s.fields, f)
	}
	return s, nil
}

func isEnd(dec *json.Decoder) bool {
	_, err := dec.Token()
	return err != nil
}

func parseAvroField(i int, raw any) (avroField, error) {
	obj, ok := raw.(map[string]any)
	if !ok {
		return avroField{}, fmt.Errorf("field %d is not a JSON object", i+1)
	}
	var f avroField
	f.name, _ = obj["name"].(string)
	if !avroName(f.name) {
		return avroField{}, fmt.Errorf("field %d needs a name of letters, digits and underscores, not %s", i+1, jsonText(obj["name"]))
	}
	switch t := obj["type"].(type) {
	case string:
		f.typ = t
	case []any:
		// A union: one primitive and null, in either order.
		var others []string
		for _, m := range t {
			ms, ok := m.(string)
			if !ok {
				return avroField{}, fmt.Errorf("field %q has a union with a nested type; Personalize schemas are flat", f.name)
			}
			if ms == "null" {
				f.nullable = true
			} else {
				others = append(others, ms)
			}
		}
		if len(others) != 1 || !f.nullable {
			return avroField{}, fmt.Errorf("field %q has the union %s; a union is one type and null, such as [\"null\", \"string\"]", f.name, jsonText(t))
		}
		f.typ = others[0]
	case map[string]any:
		return avroField{}, fmt.Errorf("field %q has the nested type %s; Personalize schemas are flat", f.name, jsonText(t["type"]))
	default:
		return avroField{}, fmt.Errorf("field %q has no type", f.name)
	}
	if !avroPrimitives[f.typ] {
		return avroField{}, fmt.Errorf("field %q has the type %q; use float, double, int, long, string, boolean or null, or a union of one of them with null", f.name, f.typ)
	}
	for _, attr := range []string{"categorical", "textual"} {
		v, set := obj[attr]
		if !set {
			continue
		}
		b, isBool := v.(bool)
		switch {
		case !isBool:
			return avroField{}, fmt.Errorf("field %q: %q must be true or false", f.name, attr)
		case b && f.typ != "string":
			return avroField{}, fmt.Errorf("field %q: %q applies only to string fields, not %s", f.name, attr, f.typ)
		case attr == "categorical":
			f.categorical = b
		default:
			f.textual = b
		}
	}
	if f.categorical && f.textual {
		return avroField{}, fmt.Errorf("field %q cannot be both categorical and textual", f.name)
	}
	return f, nil
}

// avroName reports whether s is an Avro name: a letter or underscore, then letters, digits and
// underscores.
func avroName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
		if !letter && (i == 0 || c < '0' || c > '9') {
			return false
		}
	}
	return true
}

func alnumLower(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteByte(c)
		}
	}
	return b.String()
}

func jsonText(v any) string {
	if v == nil {
		return "nothing"
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return strings.TrimSpace(b.String())
}
