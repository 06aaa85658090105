package engine

import (
	"strings"
	"testing"

	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// FuzzCreateSchema feeds arbitrary schema text to CreateSchema and then to a dataset of each
// type: nothing panics, a refusal is InvalidInputException and changes nothing, an accepted
// schema is described verbatim and holds only what Personalize allows.
func FuzzCreateSchema(f *testing.F) {
	f.Add(`{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": "string"}, {"name": "G", "type": ["null", "string"], "categorical": true}]}`)
	f.Add(`{"type": "record", "name": "Interactions", "fields": [{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}]}`)
	f.Add(`{"type": "record", "name": "R", "fields": [{"name": "A", "type": {"type": "array", "items": "string"}}]}`)
	f.Add(`{"type": "record", "name": "R", "fields": [{"name": "a_1", "type": "int"}, {"name": "A1", "type": "int"}]}`)
	f.Add(`[]`)
	f.Add(`{"type":"record","name":"\u00e9","fields":[{"name":"x","type":["null","null"]}]}`)
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 20000 {
			return
		}
		e := New(Config{Clock: newStepClock(), Lifecycles: map[string]Lifecycle{"dataset-groups": {}, "datasets": {}}})
		name := "s"
		out, err := checkCall(t, e, OpCreateSchema, &personalize.CreateSchemaInput{Name: &name, Schema: &text})
		if err != nil {
			if err.Code != "InvalidInputException" || !strings.HasPrefix(err.Message, "Invalid schema: ") && !strings.Contains(err.Message, "validation error") {
				t.Fatalf("a refused schema: %v", err)
			}
			return
		}
		arn := *out.(*personalize.CreateSchemaOutput).SchemaArn
		d, derr := checkCall(t, e, OpDescribeSchema, &personalize.DescribeSchemaInput{SchemaArn: &arn})
		if derr != nil || *d.(*personalize.DescribeSchemaOutput).Schema.Schema != text {
			t.Fatalf("not described verbatim: %v", derr)
		}
		parsed, perr := parseAvro(text)
		if perr != nil {
			t.Fatalf("accepted, then refused on a second reading: %v", perr)
		}
		seen := map[string]bool{}
		for _, fl := range parsed.fields {
			if !avroPrimitives[fl.typ] || !avroName(fl.name) || seen[alnumLower(fl.name)] || (fl.categorical || fl.textual) && fl.typ != "string" {
				t.Fatalf("accepted a field Personalize refuses: %+v", fl)
			}
			seen[alnumLower(fl.name)] = true
		}
		group := "g"
		if _, err := checkCall(t, e, OpCreateDatasetGroup, &personalize.CreateDatasetGroupInput{Name: &group}); err != nil {
			t.Fatal(err)
		}
		groupArn := "arn:aws:personalize:us-east-1:123456789012:dataset-group/g"
		for typ := range datasetTypes {
			dtype, dname := typ, "d"
			_, _ = checkCall(t, e, OpCreateDataset, &personalize.CreateDatasetInput{Name: &dname, DatasetGroupArn: &groupArn, DatasetType: &dtype, SchemaArn: &arn})
		}
	})
}
