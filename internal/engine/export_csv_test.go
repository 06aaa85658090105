package engine

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestExportCSV(t *testing.T) {
	t.Parallel()
	users, err := parseAvro(`{"type": "record", "name": "Users", "fields": [{"name": "USER_ID", "type": "string"},
		{"name": "AGE", "type": ["null", "int"]}, {"name": "MEMBER", "type": ["null", "boolean"]},
		{"name": "CATEGORY_L1", "type": ["null", "string"], "categorical": true}]}`)
	require.NoError(t, err)
	actions, err := parseAvro(`{"type": "record", "name": "ActionInteractions", "fields": [{"name": "USER_ID", "type": "string"},
		{"name": "ACTION_ID", "type": "string"}, {"name": "EVENT_TYPE", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}]}`)
	require.NoError(t, err)
	for _, tc := range []struct {
		name   string
		typ    string
		schema *avroSchema
		recs   []Record
		want   string
	}{
		{"empty: the header alone", typeUsers, users, nil, "USER_ID,AGE,MEMBER,CATEGORY_L1\n"},
		{"properties by their camelCase keys, in the schema's order", typeUsers, users, []Record{
			{DatasetType: typeUsers, ID: "u1", UserID: "u1", Properties: `{"member": true, "categoryL1": "a|b", "age": 42}`},
			{DatasetType: typeUsers, ID: "u2", UserID: "u2", Properties: `{"age": null}`},
		}, "USER_ID,AGE,MEMBER,CATEGORY_L1\nu1,42,true,a|b\nu2,,,\n"},
		{"a record that does not fit is left out", typeUsers, users, []Record{
			{DatasetType: typeUsers, ID: "u1", UserID: "u1", Properties: `{"age": "old"}`},
			{DatasetType: typeUsers, ID: "u2", UserID: "u2", Properties: `{"shoeSize": 9}`},
		}, "USER_ID,AGE,MEMBER,CATEGORY_L1\n"},
		{"timestamps in epoch seconds, the action's id", typeActionInteractions, actions, []Record{
			{DatasetType: typeActionInteractions, UserID: "u1", ActionID: "a1", EventType: "TAKEN", Timestamp: time.Unix(1700000000, 999_000_000)},
		}, "USER_ID,ACTION_ID,EVENT_TYPE,TIMESTAMP\nu1,a1,TAKEN,1700000000\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			require.Equal(t, tc.want, string(exportCSV(tc.typ, tc.schema, tc.recs)))
		})
	}
}
