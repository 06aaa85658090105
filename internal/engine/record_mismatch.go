package engine

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// How a record fits its dataset's schema. Personalize accepts records whose properties do not
// match the schema and drops them later (no source documents a synchronous refusal), so the fake
// accepts them and tells a test, per record, what AWS would drop them for.

// topLevel names the schema fields a record's own members fill, per dataset type: everything
// else comes from its properties, whose keys are the fields' names in camelCase
// (numberOfRatings for NUMBER_OF_RATINGS).
var topLevel = map[string]func(r Record) map[string]bool{
	typeInteractions: func(r Record) map[string]bool {
		return map[string]bool{"USER_ID": r.UserID != "", "ITEM_ID": r.ItemID != "", "TIMESTAMP": true, "EVENT_TYPE": true,
			"EVENT_VALUE": r.EventValue != nil, "IMPRESSION": len(r.Impression) > 0, "RECOMMENDATION_ID": r.RecommendationID != "",
			"EVENT_ATTRIBUTION_SOURCE": r.AttributionSource != ""}
	},
	typeItems:   func(Record) map[string]bool { return map[string]bool{"ITEM_ID": true} },
	typeUsers:   func(Record) map[string]bool { return map[string]bool{"USER_ID": true} },
	typeActions: func(Record) map[string]bool { return map[string]bool{"ACTION_ID": true} },
	typeActionInteractions: func(r Record) map[string]bool {
		return map[string]bool{"USER_ID": r.UserID != "", "ACTION_ID": true, "EVENT_TYPE": true, "TIMESTAMP": true,
			"IMPRESSION": len(r.Impression) > 0, "RECOMMENDATION_ID": r.RecommendationID != ""}
	},
}

// mismatches lists how a record does not fit a schema, sorted; nil when it fits.
func mismatches(typ string, s *avroSchema, r Record) []string {
	var out []string
	given := map[string]bool{}
	for field, set := range topLevel[typ](r) {
		if s.field(field) != nil {
			given[strings.ToUpper(field)] = set
		}
	}
	var props map[string]json.RawMessage
	if r.Properties != "" {
		_ = json.Unmarshal([]byte(r.Properties), &props) // checked when put
	}
	for key, raw := range props {
		field := s.field(fieldName(key))
		if field == nil {
			out = append(out, fmt.Sprintf("the property %q is no field of the schema", key))
			continue
		}
		if problem := valueFits(field, raw); problem != "" {
			out = append(out, fmt.Sprintf("the property %q %s", key, problem))
		}
		given[strings.ToUpper(field.name)] = given[strings.ToUpper(field.name)] || string(raw) != "null"
	}
	for _, f := range s.fields {
		if !f.nullable && !given[strings.ToUpper(f.name)] {
			out = append(out, fmt.Sprintf("no value for the field %s, which does not allow null", f.name))
		}
	}
	sort.Strings(out)
	return out
}

// fieldName turns a property key into the schema field it fills: camelCase to CONSTANT_CASE
// (categoryL1 → CATEGORY_L1); a key without lower-case letters is taken as it is.
func fieldName(key string) string {
	if strings.ToUpper(key) == key {
		return key
	}
	var b strings.Builder
	for i, c := range key {
		if i > 0 && unicode.IsUpper(c) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToUpper(c))
	}
	return b.String()
}

// valueFits says how a JSON value does not fit a field's type, or "".
func valueFits(f *avroField, raw json.RawMessage) string {
	var v any
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	if dec.Decode(&v) != nil {
		return "is not JSON"
	}
	ok := false
	switch x := v.(type) {
	case nil:
		ok = f.nullable
	case string:
		ok = f.typ == "string"
	case bool:
		ok = f.typ == "boolean"
	case json.Number:
		switch f.typ {
		case "int", "long":
			_, err := x.Int64()
			ok = err == nil
		case "float", "double":
			ok = true
		}
	}
	if ok {
		return ""
	}
	return fmt.Sprintf("is %s, and the field %s is %s", string(raw), f.name, describeType(f))
}
