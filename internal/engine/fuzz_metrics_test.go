package engine

import (
	"strings"
	"testing"

	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// FuzzMetricExpression feeds arbitrary expressions to CreateMetricAttribution in a group with
// Interactions and Items datasets: nothing panics, a refusal is InvalidInputException and changes
// nothing (checkCall), and what is accepted is SAMPLECOUNT() or SUM over a numeric field of the
// dataset it names, as a second parse agrees.
func FuzzMetricExpression(f *testing.F) {
	for _, x := range []string{"SAMPLECOUNT()", "SUM(Items.PRICE)", "sum( interactions.EVENT_VALUE )", "SUM(Items.GENRES)",
		"SUM(Users.AGE)", "COUNT()", "SUM(Items.PRICE))", "SUM((Items.PRICE)", "SUM(.)", "", "(", ")", "SUM(Items.)", "\u00e9()"} {
		f.Add(x)
	}
	f.Fuzz(func(t *testing.T, expression string) {
		e := New(Config{Clock: newStepClock(), Lifecycles: map[string]Lifecycle{"dataset-groups": {}, "datasets": {}}})
		group, groupArn := "g", "arn:aws:personalize:us-east-1:123456789012:dataset-group/g"
		if _, err := checkCall(t, e, OpCreateDatasetGroup, &personalize.CreateDatasetGroupInput{Name: &group}); err != nil {
			t.Fatal(err)
		}
		for typ, schema := range map[string]string{
			"Interactions": `{"type": "record", "name": "Interactions", "fields": [{"name": "USER_ID", "type": "string"},
				{"name": "ITEM_ID", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"},
				{"name": "EVENT_VALUE", "type": ["null", "float"]}]}`,
			"Items": `{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": "string"},
				{"name": "PRICE", "type": ["null", "double"]}, {"name": "GENRES", "type": ["null", "string"], "categorical": true}]}`,
		} {
			name, schemaArn := typ, "arn:aws:personalize:us-east-1:123456789012:schema/"+typ
			if _, err := checkCall(t, e, OpCreateSchema, &personalize.CreateSchemaInput{Name: &name, Schema: &schema}); err != nil {
				t.Fatal(err)
			}
			if _, err := checkCall(t, e, OpCreateDataset, &personalize.CreateDatasetInput{Name: &name, DatasetGroupArn: &groupArn,
				DatasetType: &name, SchemaArn: &schemaArn}); err != nil {
				t.Fatal(err)
			}
		}
		name, eventType, metric, role := "m", "click", "n", "arn:aws:iam::123456789012:role/r"
		_, err := checkCall(t, e, OpCreateMetricAttribution, &personalize.CreateMetricAttributionInput{Name: &name, DatasetGroupArn: &groupArn,
			Metrics:             []personalize.MetricAttribute{{EventType: &eventType, MetricName: &metric, Expression: &expression}},
			MetricsOutputConfig: &personalize.MetricAttributionOutput{RoleArn: &role}})
		x, perr := parseMetricExpression(expression)
		if err != nil {
			if err.Code != "InvalidInputException" {
				t.Fatalf("refused with %v", err)
			}
			if perr == nil && len(expression) <= 256 && (!x.sum || x.column == "PRICE" || x.column == "EVENT_VALUE") &&
				(x.dataset != typeInteractions || x.column == "EVENT_VALUE") && (x.dataset != typeItems || x.column == "PRICE") {
				t.Fatalf("refused %q, which parses as %+v: %v", expression, x, err)
			}
			return
		}
		if perr != nil {
			t.Fatalf("accepted %q, which does not parse: %v", expression, perr)
		}
		if x.sum && !(x.dataset == typeItems && strings.EqualFold(x.column, "PRICE") || x.dataset == typeInteractions && strings.EqualFold(x.column, "EVENT_VALUE")) {
			t.Fatalf("accepted %q, a sum of no numeric field: %+v", expression, x)
		}
	})
}
