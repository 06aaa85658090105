package fake_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// CreateSchema takes a flat Avro record and refuses anything else with InvalidInputException
// and a reason.
func TestSchemaValidation(t *testing.T) {
	t.Parallel()
	field := func(f string) string { return `{"type": "record", "name": "Items", "fields": [` + f + `]}` }
	cases := []struct {
		name, schema string
		reason       string // "" when valid
	}{
		{"minimal", field(`{"name": "ITEM_ID", "type": "string"}`), ""},
		{"every primitive", field(`{"name": "A", "type": "float"}, {"name": "B", "type": "double"}, {"name": "C", "type": "int"},
			{"name": "D", "type": "long"}, {"name": "E", "type": "string"}, {"name": "F", "type": "boolean"}, {"name": "G", "type": "null"}`), ""},
		{"unions with null, either order", field(`{"name": "A", "type": ["null", "string"]}, {"name": "B", "type": ["long", "null"]}`), ""},
		{"attributes and extra keys", `{"type": "record", "name": "Items", "namespace": "com.amazonaws.personalize.schema", "version": "1.0",
			"fields": [{"name": "G", "type": "string", "categorical": true, "default": "x"}, {"name": "D", "type": "string", "textual": true}]}`, ""},
		{"not JSON", `{"type": "record"`, "the schema is not a JSON object"},
		{"an array", `[]`, "the schema is not a JSON object"},
		{"trailing data", field(`{"name": "A", "type": "string"}`) + ` {}`, "the schema has data after its JSON object"},
		{"not a record", `{"type": "enum", "name": "E", "symbols": ["A"]}`, `the schema must be an Avro record ("type": "record"), not "enum"`},
		{"no name", `{"type": "record", "fields": [{"name": "A", "type": "string"}]}`, "the record needs a name"},
		{"no fields", `{"type": "record", "name": "Items", "fields": []}`, `the record needs a non-empty "fields" array`},
		{"nested record", field(`{"name": "A", "type": {"type": "record", "name": "R", "fields": []}}`), `field "A" has the nested type "record"; Personalize schemas are flat`},
		{"array", field(`{"name": "A", "type": {"type": "array", "items": "string"}}`), `field "A" has the nested type "array"`},
		{"bytes", field(`{"name": "A", "type": "bytes"}`), `field "A" has the type "bytes"; use float, double, int, long, string, boolean or null`},
		{"union of two types", field(`{"name": "A", "type": ["string", "long"]}`), `field "A" has the union ["string","long"]`},
		{"union with a record", field(`{"name": "A", "type": ["null", {"type": "record"}]}`), `field "A" has a union with a nested type`},
		{"bad field name", field(`{"name": "1A", "type": "string"}`), `field 1 needs a name of letters, digits and underscores, not "1A"`},
		{"field without a type", field(`{"name": "A"}`), `field "A" has no type`},
		{"names alike once letters and digits are compared", field(`{"name": "GENRES_FIELD_1", "type": "string"}, {"name": "GENRESFIELD1", "type": "string"}`),
			`fields "GENRES_FIELD_1" and "GENRESFIELD1" have the same name once only their letters and digits are compared`},
		{"categorical long", field(`{"name": "A", "type": "long", "categorical": true}`), `field "A": "categorical" applies only to string fields, not long`},
		{"textual float", field(`{"name": "A", "type": ["null", "float"], "textual": true}`), `field "A": "textual" applies only to string fields`},
		{"categorical not a boolean", field(`{"name": "A", "type": "string", "categorical": "yes"}`), `field "A": "categorical" must be true or false`},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			api := fake.New().Personalize()
			out, err := api.CreateSchema(ctx(), &personalize.CreateSchemaInput{Name: aws.String(fmt.Sprintf("s%d", i)), Schema: aws.String(c.schema)})
			if c.reason == "" {
				require.NoError(t, err)
				d, err := api.DescribeSchema(ctx(), &personalize.DescribeSchemaInput{SchemaArn: out.SchemaArn})
				require.NoError(t, err)
				require.Equal(t, c.schema, aws.ToString(d.Schema.Schema), "DescribeSchema returns the schema verbatim")
				return
			}
			var ii *pztypes.InvalidInputException
			require.ErrorAs(t, err, &ii)
			require.Contains(t, ii.ErrorMessage(), "Invalid schema: "+c.reason)
		})
	}
}

func TestSchemaLifecycle(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		arn := e.schema(t, "items", itemsSchema)
		require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:schema/items", arn)
		_, err := e.pz.CreateSchema(e.ctx, &personalize.CreateSchemaInput{Name: aws.String("items"), Schema: aws.String(itemsSchema)})
		var exists *pztypes.ResourceAlreadyExistsException
		require.ErrorAs(t, err, &exists)
		require.Equal(t, "Another resource with Arn "+arn+" already exists.", exists.ErrorMessage())

		e.clk.Add(1)
		users := e.schema(t, "users", usersSchema)
		d, err := e.pz.DescribeSchema(e.ctx, &personalize.DescribeSchemaInput{SchemaArn: &arn})
		require.NoError(t, err)
		require.Equal(t, start, aws.ToTime(d.Schema.CreationDateTime))
		require.Equal(t, start, aws.ToTime(d.Schema.LastUpdatedDateTime), "schemas never change")
		require.Empty(t, d.Schema.Domain)

		list, err := e.pz.ListSchemas(e.ctx, &personalize.ListSchemasInput{MaxResults: aws.Int32(1)})
		require.NoError(t, err)
		require.Len(t, list.Schemas, 1)
		require.Equal(t, users, aws.ToString(list.Schemas[0].SchemaArn), "newest first")
		require.NotNil(t, list.NextToken)
		list, err = e.pz.ListSchemas(e.ctx, &personalize.ListSchemasInput{NextToken: list.NextToken})
		require.NoError(t, err)
		require.Equal(t, arn, aws.ToString(list.Schemas[0].SchemaArn))
		require.Nil(t, list.NextToken)

		// In use by a dataset, in any group and until that dataset is gone.
		g := e.group(t, "shop", "")
		ds := e.dataset(t, g, "Items", arn)
		_, err = e.pz.DeleteSchema(e.ctx, &personalize.DeleteSchemaInput{SchemaArn: &arn})
		var inUse *pztypes.ResourceInUseException
		require.ErrorAs(t, err, &inUse)
		require.Equal(t, "The schema "+arn+" is in use by the dataset "+ds+".", inUse.ErrorMessage())
		_, err = e.pz.DeleteDataset(e.ctx, &personalize.DeleteDatasetInput{DatasetArn: &ds})
		require.NoError(t, err)
		_, err = e.pz.DeleteSchema(e.ctx, &personalize.DeleteSchemaInput{SchemaArn: &arn})
		require.ErrorAs(t, err, &inUse, "a dataset being deleted still uses its schema")
		e.clk.Add(fake.DefaultLifecycle(fake.Datasets).DeletePending + fake.DefaultLifecycle(fake.Datasets).DeleteInProgress)
		_, err = e.pz.DeleteSchema(e.ctx, &personalize.DeleteSchemaInput{SchemaArn: &arn})
		require.NoError(t, err)
		_, err = e.pz.DescribeSchema(e.ctx, &personalize.DescribeSchemaInput{SchemaArn: &arn})
		var nf *pztypes.ResourceNotFoundException
		require.ErrorAs(t, err, &nf)
		_, err = e.pz.DeleteSchema(e.ctx, &personalize.DeleteSchemaInput{SchemaArn: &arn})
		require.ErrorAs(t, err, &nf)
	})
}

func TestSchemaQuota(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		e.schema(t, "a", itemsSchema)
		e.schema(t, "b", itemsSchema)
		_, err := e.pz.CreateSchema(e.ctx, &personalize.CreateSchemaInput{Name: aws.String("c"), Schema: aws.String(itemsSchema)})
		var le *pztypes.LimitExceededException
		require.ErrorAs(t, err, &le)
	}, fake.WithQuota(fake.Schemas, 2))
}
