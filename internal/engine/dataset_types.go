package engine

import (
	"fmt"
	"strings"
)

// What each type of dataset asks of its schema, from Personalize's documentation of custom and
// domain dataset groups (custom-datasets-and-schemas, the domain pages, and the requirements
// pages of actions and action interactions). Checked when a dataset is created or updated.

// The dataset types, as the fake stores and prints them (input is case-insensitive).
const (
	typeInteractions       = "INTERACTIONS"
	typeItems              = "ITEMS"
	typeUsers              = "USERS"
	typeActions            = "ACTIONS"
	typeActionInteractions = "ACTION_INTERACTIONS"
)

// fieldRule is a required or reserved field: its name and primitive type, whether null is
// allowed, and whether it must (or must not) be categorical.
type fieldRule struct {
	name     string
	typ      string
	nullable bool
	category int // 0: either; 1: must be categorical; -1: must not be
}

// datasetRules is what one type of dataset asks of its schema.
type datasetRules struct {
	record   string      // the record's name the documentation asks for
	required []fieldRule // must be there, with their type
	reserved []fieldRule // may be there, and then with their type
	metadata bool        // at least one field that is neither required nor reserved
	textual  int         // most textual fields (0: none allowed)
	domains  bool        // allowed in a domain dataset group
}

var datasetTypes = map[string]datasetRules{
	typeInteractions: {
		record:   "Interactions",
		required: []fieldRule{{"USER_ID", "string", false, 0}, {"ITEM_ID", "string", false, 0}, {"TIMESTAMP", "long", false, 0}},
		reserved: []fieldRule{{"EVENT_TYPE", "string", false, -1}, {"EVENT_VALUE", "float", true, 0}, {"IMPRESSION", "string", true, 0},
			{"RECOMMENDATION_ID", "string", true, 0}, {"EVENT_ATTRIBUTION_SOURCE", "string", true, 0}},
		domains: true,
	},
	typeItems: {
		record:   "Items",
		required: []fieldRule{{"ITEM_ID", "string", false, 0}},
		reserved: []fieldRule{{"CREATION_TIMESTAMP", "long", false, 0}},
		metadata: true, textual: 1, domains: true,
	},
	typeUsers: {
		record:   "Users",
		required: []fieldRule{{"USER_ID", "string", false, 0}},
		metadata: true, domains: true,
	},
	typeActions: {
		record:   "Actions",
		required: []fieldRule{{"ACTION_ID", "string", false, 0}},
		reserved: []fieldRule{{"CREATION_TIMESTAMP", "long", false, 0}, {"VALUE", "long", true, 0}, {"TYPE", "string", true, 0},
			{"EXPIRATION_TIMESTAMP", "long", true, 0}, {"REPEAT_FREQUENCY", "long", true, 0}},
		metadata: true,
	},
	typeActionInteractions: {
		record: "ActionInteractions",
		required: []fieldRule{{"USER_ID", "string", false, 0}, {"ACTION_ID", "string", false, 0}, {"EVENT_TYPE", "string", false, 0},
			{"TIMESTAMP", "long", false, 0}},
		reserved: []fieldRule{{"IMPRESSION", "string", true, 0}, {"RECOMMENDATION_ID", "string", true, 0}},
	},
}

// domainRequired are the fields a domain dataset group's datasets need besides their type's.
var domainRequired = map[string]map[string][]fieldRule{
	"ECOMMERCE": {
		typeInteractions: {{"EVENT_TYPE", "string", false, -1}},
		typeItems:        {{"PRICE", "float", false, 0}, {"CATEGORY_L1", "string", false, 1}},
	},
	"VIDEO_ON_DEMAND": {
		typeInteractions: {{"EVENT_TYPE", "string", false, -1}},
		typeItems:        {{"CREATION_TIMESTAMP", "long", false, 0}, {"GENRES", "string", false, 1}},
	},
}

// datasetType returns the stored form of a dataset type given in any case, or false.
func datasetType(s string) (string, bool) {
	t := strings.ToUpper(s)
	_, ok := datasetTypes[t]
	return t, ok
}

// checkSchemaFor reports how a schema does not suit a dataset of a type in a group of a domain
// ("" for a custom group).
func checkSchemaFor(typ, domain string, s *avroSchema) error {
	rules := datasetTypes[typ]
	if domain != "" && !rules.domains {
		return fmt.Errorf("a %s dataset cannot be in a domain dataset group (%s)", typ, domain)
	}
	// A documented guess at how strictly: the documentation says the record's name must match the
	// dataset type; it is compared ignoring case and underscores.
	if alnumLower(s.name) != alnumLower(rules.record) {
		return fmt.Errorf("the record's name must match the dataset type: %q, not %q", rules.record, s.name)
	}
	required := append(append([]fieldRule(nil), rules.required...), domainRequired[domain][typ]...)
	named := map[string]bool{}
	for _, r := range required {
		named[r.name] = true
		f := s.field(r.name)
		if f == nil {
			return fmt.Errorf("a %s schema needs the field %s (%s)", typ, r.name, r.typ)
		}
		if err := r.check(f); err != nil {
			return err
		}
	}
	for _, r := range rules.reserved {
		named[r.name] = true
		if f := s.field(r.name); f != nil {
			if err := r.check(f); err != nil {
				return err
			}
		}
	}
	metadata, textual := 0, 0
	for _, f := range s.fields {
		if !named[strings.ToUpper(f.name)] {
			metadata++
		}
		if f.textual {
			textual++
		}
	}
	switch {
	case rules.metadata && metadata == 0 && domain == "": // a domain's own required fields are its metadata
		return fmt.Errorf("a %s schema needs at least one metadata field besides %s", typ, rules.required[0].name)
	case textual > rules.textual:
		return fmt.Errorf("a %s schema may have at most %d textual fields, not %d", typ, rules.textual, textual)
	}
	return nil
}

func (r fieldRule) check(f *avroField) error {
	want := r.typ
	if r.nullable {
		want = "[" + r.typ + ", null]"
	}
	switch {
	case f.typ != r.typ, f.nullable && !r.nullable:
		return fmt.Errorf("the field %s must be %s, not %s", r.name, want, describeType(f))
	case r.category == 1 && !f.categorical:
		return fmt.Errorf("the field %s must be categorical", r.name)
	case r.category == -1 && f.categorical:
		return fmt.Errorf("the field %s cannot be categorical", r.name)
	}
	return nil
}

func describeType(f *avroField) string {
	if f.nullable {
		return "[" + f.typ + ", null]"
	}
	return f.typ
}

// checkSchemaUpdate reports how a new schema cannot replace a dataset's schema: every field
// stays with its type and attributes, and every new field allows null (updating-dataset-schema).
func checkSchemaUpdate(old, next *avroSchema) error {
	for _, f := range old.fields {
		n := next.field(f.name)
		switch {
		case n == nil:
			return fmt.Errorf("the new schema drops the field %s", f.name)
		case *n != f && !(strings.EqualFold(n.name, f.name) && n.typ == f.typ && n.nullable == f.nullable && n.categorical == f.categorical && n.textual == f.textual):
			return fmt.Errorf("the new schema changes the field %s (%s to %s, or its attributes)", f.name, describeType(&f), describeType(n))
		}
	}
	for _, n := range next.fields {
		if old.field(n.name) == nil && !n.nullable {
			return fmt.Errorf("the new field %s must allow null, such as [\"null\", %q]", n.name, n.typ)
		}
	}
	return nil
}
