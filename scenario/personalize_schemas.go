package scenario

import "strings"

// DefaultSchema returns the schema a seeded dataset of a type gets when its seed gives none: the
// fields the type requires (in a domain dataset group, the domain's too) and one metadata field
// where the type needs one. datasetType is any case of Interactions, Items, Users, Actions or
// Action_Interactions; domain is "", ECOMMERCE or VIDEO_ON_DEMAND. "" for an unknown type.
func DefaultSchema(datasetType, domain string) string {
	fields, ok := defaultFields[strings.ToUpper(datasetType)]
	if !ok {
		return ""
	}
	if extra, ok := domainFields[domain][strings.ToUpper(datasetType)]; ok {
		fields = extra
	}
	name := map[string]string{"INTERACTIONS": "Interactions", "ITEMS": "Items", "USERS": "Users", "ACTIONS": "Actions",
		"ACTION_INTERACTIONS": "ActionInteractions"}[strings.ToUpper(datasetType)]
	return `{"type": "record", "name": "` + name + `", "namespace": "com.amazonaws.personalize.schema", "fields": [` +
		strings.Join(fields, ", ") + `], "version": "1.0"}`
}

var defaultFields = map[string][]string{
	"INTERACTIONS": {`{"name": "USER_ID", "type": "string"}`, `{"name": "ITEM_ID", "type": "string"}`,
		`{"name": "TIMESTAMP", "type": "long"}`, `{"name": "EVENT_TYPE", "type": "string"}`, `{"name": "EVENT_VALUE", "type": ["null", "float"]}`},
	"ITEMS":   {`{"name": "ITEM_ID", "type": "string"}`, `{"name": "GENRES", "type": ["null", "string"], "categorical": true}`},
	"USERS":   {`{"name": "USER_ID", "type": "string"}`, `{"name": "MEMBERSHIP", "type": ["null", "string"], "categorical": true}`},
	"ACTIONS": {`{"name": "ACTION_ID", "type": "string"}`, `{"name": "CATEGORY", "type": ["null", "string"], "categorical": true}`},
	"ACTION_INTERACTIONS": {`{"name": "USER_ID", "type": "string"}`, `{"name": "ACTION_ID", "type": "string"}`,
		`{"name": "EVENT_TYPE", "type": "string"}`, `{"name": "TIMESTAMP", "type": "long"}`},
}

var domainFields = map[string]map[string][]string{
	"ECOMMERCE": {"ITEMS": {`{"name": "ITEM_ID", "type": "string"}`, `{"name": "PRICE", "type": "float"}`,
		`{"name": "CATEGORY_L1", "type": "string", "categorical": true}`}},
	"VIDEO_ON_DEMAND": {"ITEMS": {`{"name": "ITEM_ID", "type": "string"}`, `{"name": "CREATION_TIMESTAMP", "type": "long"}`,
		`{"name": "GENRES", "type": "string", "categorical": true}`}},
}
