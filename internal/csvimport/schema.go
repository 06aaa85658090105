package csvimport

import (
	"fmt"
	"strings"
	"unicode"
)

// Field is one field of the dataset's schema, as the engine's parsed Avro schema has it.
type Field struct {
	Name string
	// Type is the Avro primitive: string, int, long, float, double, boolean (or null).
	Type string
	// Nullable is a union with null: an empty value is null. Otherwise a value is required.
	Nullable bool
	// Categorical values may hold several categories separated by "|", each at most 1000
	// characters.
	Categorical bool
	// Textual values are unstructured text, cut to 20,000 characters.
	Textual bool
}

// The dataset types, as the engine stores datasetType. Parse also takes the documented
// mixed-case spellings (Interactions, Action_Interactions, ...).
const (
	Interactions       = "INTERACTIONS"
	Items              = "ITEMS"
	Users              = "USERS"
	Actions            = "ACTIONS"
	ActionInteractions = "ACTION_INTERACTIONS"
)

// displayNames are the dataset types as AWS's failure reasons and documentation name them.
var displayNames = map[string]string{
	Interactions: "Interactions", Items: "Items", Users: "Users",
	Actions: "Actions", ActionInteractions: "Action_Interactions",
}

// role is what a column fills in a row: a member of Interaction or Record, or a property.
type role uint8

const (
	roleProperty role = iota
	roleID
	roleUser
	roleItem
	roleAction
	roleEventType
	roleEventValue
	roleTimestamp
)

// roles maps each dataset type's reserved fields to the row members they fill; every other
// field goes into the row's properties.
var roles = map[string]map[string]role{
	Interactions: {"USER_ID": roleUser, "ITEM_ID": roleItem, "TIMESTAMP": roleTimestamp,
		"EVENT_TYPE": roleEventType, "EVENT_VALUE": roleEventValue},
	ActionInteractions: {"USER_ID": roleUser, "ACTION_ID": roleAction, "TIMESTAMP": roleTimestamp,
		"EVENT_TYPE": roleEventType},
	Items:   {"ITEM_ID": roleID},
	Users:   {"USER_ID": roleID},
	Actions: {"ACTION_ID": roleID},
}

// required are the fields each dataset type's schema must have (personalize-data facts §1.2):
// a schema without them is the caller's mistake, not the file's.
var required = map[string][]string{
	Interactions:       {"USER_ID", "ITEM_ID", "TIMESTAMP"},
	ActionInteractions: {"USER_ID", "ACTION_ID", "EVENT_TYPE", "TIMESTAMP"},
	Items:              {"ITEM_ID"},
	Users:              {"USER_ID"},
	Actions:            {"ACTION_ID"},
}

// kind is a field's type, parsed once.
type kind uint8

const (
	kindString kind = iota
	kindInt
	kindLong
	kindFloat
	kindDouble
	kindBoolean
	kindNull
)

var kinds = map[string]kind{"string": kindString, "int": kindInt, "long": kindLong,
	"float": kindFloat, "double": kindDouble, "boolean": kindBoolean, "null": kindNull}

// column is how one schema field is read: what it fills, its type, and (for a property) its
// JSON key, pre-encoded.
type column struct {
	field    Field
	role     role
	kind     kind
	key      []byte // `"camelCase":`
	required bool   // an empty value is refused: not nullable, or a reserved id or timestamp
	pipes    bool   // "|"-separated values, each limited (categorical, IMPRESSION)
}

// schema is the checked schema of one import: its columns in schema order.
type schema struct {
	datasetType string
	columns     []column
}

// compile checks the schema against the dataset type and prepares its columns. Its errors
// are the caller's mistakes (a schema the engine should have refused), not the file's.
func compile(datasetType string, fields []Field) (*schema, error) {
	typ := strings.ToUpper(datasetType)
	roleOf, ok := roles[typ]
	if !ok {
		return nil, fmt.Errorf("csvimport: unknown dataset type %q", datasetType)
	}
	s := &schema{datasetType: typ}
	seen := map[string]bool{}
	for _, f := range fields {
		k, ok := kinds[f.Type]
		upper := strings.ToUpper(f.Name)
		switch {
		case !ok:
			return nil, fmt.Errorf("csvimport: field %q has the type %q", f.Name, f.Type)
		case seen[upper]:
			return nil, fmt.Errorf("csvimport: the schema has the field %q twice", f.Name)
		}
		seen[upper] = true
		c := column{field: f, role: roleOf[upper], kind: k, key: appendJSONString(nil, propertyKey(f.Name))}
		c.key = append(c.key, ':')
		if err := c.checkRole(); err != nil {
			return nil, err
		}
		c.required = !f.Nullable || (c.role != roleProperty && c.role != roleEventType && c.role != roleEventValue)
		c.pipes = f.Categorical || (typ == Interactions && upper == "IMPRESSION")
		s.columns = append(s.columns, c)
	}
	for _, name := range required[typ] {
		if !seen[name] {
			return nil, fmt.Errorf("csvimport: a %s schema needs the field %s", displayNames[typ], name)
		}
	}
	return s, nil
}

// checkRole refuses a reserved field whose type cannot fill its member.
func (c *column) checkRole() error {
	numeric := c.kind == kindInt || c.kind == kindLong || c.kind == kindFloat || c.kind == kindDouble
	switch {
	case c.role == roleTimestamp && c.kind != kindInt && c.kind != kindLong:
		return fmt.Errorf("csvimport: %s is %s; it must be a long", c.field.Name, c.field.Type)
	case c.role == roleEventValue && !numeric:
		c.role = roleProperty // not a usable EVENT_VALUE: kept as a property
	case c.role != roleProperty && c.role != roleTimestamp && c.role != roleEventValue && c.kind != kindString:
		return fmt.Errorf("csvimport: %s is %s; it must be a string", c.field.Name, c.field.Type)
	}
	return nil
}

// propertyKey is the key a field's value has in a row's properties: the field's name in
// camelCase, as PutEvents and PutItems send properties (NUMBER_OF_RATINGS → numberOfRatings,
// CATEGORY_L1 → categoryL1, Genre → genre; personalize-data facts §3.3). Where the engine's
// reverse mapping would not find the field again from that (a name with "__" or an "_" at
// either end), the key is the name in upper case, which it does find.
func propertyKey(name string) string {
	parts := strings.Split(name, "_")
	var b strings.Builder
	for i, p := range parts {
		if p == "" {
			return strings.ToUpper(name)
		}
		p = strings.ToLower(p)
		if i > 0 {
			p = strings.ToUpper(p[:1]) + p[1:]
		}
		b.WriteString(p)
	}
	key := b.String()
	if !strings.EqualFold(fieldName(key), name) {
		return strings.ToUpper(name)
	}
	return key
}

// fieldName is the engine's reverse mapping (camelCase to CONSTANT_CASE), used to check that
// a key finds its field again.
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
