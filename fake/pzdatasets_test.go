package fake_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

func TestDatasetLifecycle(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		g := e.group(t, "shop", "")
		s := e.schema(t, "items", itemsSchema)
		out, err := e.pz.CreateDataset(e.ctx, &personalize.CreateDatasetInput{Name: aws.String("catalogue"), DatasetGroupArn: &g,
			DatasetType: aws.String("iTeMs"), SchemaArn: &s, Tags: []pztypes.Tag{{TagKey: aws.String("k"), TagValue: aws.String("v")}}})
		require.NoError(t, err)
		arn := aws.ToString(out.DatasetArn)
		require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:dataset/shop/ITEMS", arn, "the ARN is group and type, not the name")

		life := fake.DefaultLifecycle(fake.Datasets)
		for _, step := range []struct {
			after time.Duration
			want  string
		}{{0, "CREATE PENDING"}, {life.Pending, "CREATE IN_PROGRESS"}, {life.InProgress, "ACTIVE"}} {
			e.clk.Add(step.after)
			require.Equal(t, step.want, e.datasetStatus(t, arn))
		}
		d, err := e.pz.DescribeDataset(e.ctx, &personalize.DescribeDatasetInput{DatasetArn: &arn})
		require.NoError(t, err)
		require.Equal(t, pztypes.Dataset{Name: aws.String("catalogue"), DatasetArn: &arn, DatasetGroupArn: &g, DatasetType: aws.String("ITEMS"),
			SchemaArn: &s, Status: aws.String("ACTIVE"), CreationDateTime: aws.Time(start.Add(time.Minute)),
			LastUpdatedDateTime: aws.Time(start.Add(time.Minute + life.Pending + life.InProgress))}, *d.Dataset)
		tags, err := e.pz.ListTagsForResource(e.ctx, &personalize.ListTagsForResourceInput{ResourceArn: &arn})
		require.NoError(t, err)
		require.Len(t, tags.Tags, 1, "datasets take tags")

		// One dataset per type per group, whatever its name.
		_, err = e.pz.CreateDataset(e.ctx, &personalize.CreateDatasetInput{Name: aws.String("other"), DatasetGroupArn: &g,
			DatasetType: aws.String("Items"), SchemaArn: &s})
		var exists *pztypes.ResourceAlreadyExistsException
		require.ErrorAs(t, err, &exists)
		require.Equal(t, "Another resource with Arn "+arn+" already exists.", exists.ErrorMessage())

		list, err := e.pz.ListDatasets(e.ctx, &personalize.ListDatasetsInput{DatasetGroupArn: &g})
		require.NoError(t, err)
		require.Len(t, list.Datasets, 1)
		require.Equal(t, "ITEMS", aws.ToString(list.Datasets[0].DatasetType))
		list, err = e.pz.ListDatasets(e.ctx, &personalize.ListDatasetsInput{DatasetGroupArn: aws.String(g + "x")})
		require.NoError(t, err)
		require.Empty(t, list.Datasets)

		// A group with datasets cannot be deleted; a dataset goes through its delete statuses.
		_, err = e.pz.DeleteDatasetGroup(e.ctx, &personalize.DeleteDatasetGroupInput{DatasetGroupArn: &g})
		var inUse *pztypes.ResourceInUseException
		require.ErrorAs(t, err, &inUse)
		require.Contains(t, inUse.ErrorMessage(), "has datasets")
		_, err = e.pz.DeleteDataset(e.ctx, &personalize.DeleteDatasetInput{DatasetArn: &arn})
		require.NoError(t, err)
		require.Equal(t, "DELETE PENDING", e.datasetStatus(t, arn))
		_, err = e.pz.DeleteDataset(e.ctx, &personalize.DeleteDatasetInput{DatasetArn: &arn})
		require.ErrorAs(t, err, &inUse, "already being deleted")
		e.clk.Add(life.DeletePending + life.DeleteInProgress)
		_, err = e.pz.DescribeDataset(e.ctx, &personalize.DescribeDatasetInput{DatasetArn: &arn})
		var nf *pztypes.ResourceNotFoundException
		require.ErrorAs(t, err, &nf)
		_, err = e.pz.DeleteDatasetGroup(e.ctx, &personalize.DeleteDatasetGroupInput{DatasetGroupArn: &g})
		require.NoError(t, err, "its datasets are gone")
	})
}

func TestCreateDatasetRefusals(t *testing.T) {
	t.Parallel()
	interactionsNoTimestamp := `{"type": "record", "name": "Interactions", "fields": [{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"}]}`
	cases := []struct {
		name, domain, typ, schema string
		code, msg                 string
	}{
		{"unknown type", "", "Ratings", itemsSchema, "InvalidInputException", "The dataset type Ratings is not valid"},
		{"interactions without TIMESTAMP", "", "Interactions", interactionsNoTimestamp, "InvalidInputException",
			"Invalid schema for a INTERACTIONS dataset: a INTERACTIONS schema needs the field TIMESTAMP (long)"},
		{"record name of another type", "", "Users", itemsSchema, "InvalidInputException",
			`the record's name must match the dataset type: "Users", not "Items"`},
		{"items without metadata", "", "Items", `{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": "string"}]}`,
			"InvalidInputException", "a ITEMS schema needs at least one metadata field besides ITEM_ID"},
		{"a required field of the wrong type", "", "Users", `{"type": "record", "name": "Users", "fields": [{"name": "USER_ID", "type": "long"}, {"name": "A", "type": "int"}]}`,
			"InvalidInputException", "the field USER_ID must be string, not long"},
		{"a required field that allows null", "", "Users", `{"type": "record", "name": "Users", "fields": [{"name": "USER_ID", "type": ["null", "string"]}, {"name": "A", "type": "int"}]}`,
			"InvalidInputException", "the field USER_ID must be string, not [string, null]"},
		{"a categorical EVENT_TYPE", "", "Interactions", `{"type": "record", "name": "Interactions", "fields": [{"name": "USER_ID", "type": "string"},
			{"name": "ITEM_ID", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string", "categorical": true}]}`,
			"InvalidInputException", "the field EVENT_TYPE cannot be categorical"},
		{"two textual fields", "", "Items", `{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": "string"},
			{"name": "A", "type": "string", "textual": true}, {"name": "B", "type": "string", "textual": true}]}`,
			"InvalidInputException", "a ITEMS schema may have at most 1 textual fields, not 2"},
		{"a custom schema in a domain group", "ECOMMERCE", "Items", itemsSchema, "InvalidInputException", `has domain "" and the dataset group`},
		{"actions in a domain group", "VIDEO_ON_DEMAND", "Actions", "", "InvalidInputException", "a ACTIONS dataset cannot be in a domain dataset group"},
		{"ecommerce items without CATEGORY_L1", "ECOMMERCE", "Items", "", "InvalidInputException", "needs the field CATEGORY_L1 (string)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			f := fake.New(fake.WithLifecycle(fake.DatasetGroups, fake.Lifecycle{}))
			api := f.Personalize()
			g, err := api.CreateDatasetGroup(ctx(), &personalize.CreateDatasetGroupInput{Name: aws.String("g"), Domain: pztypes.Domain(c.domain)})
			require.NoError(t, err)
			schema := c.schema
			in := &personalize.CreateSchemaInput{Name: aws.String("s"), Schema: &schema, Domain: pztypes.Domain(c.domain)}
			if schema == "" { // a schema of the domain that lacks what the test is about
				schema = `{"type": "record", "name": "` + map[string]string{"Actions": "Actions", "Items": "Items"}[c.typ] + `",
					"fields": [{"name": "ACTION_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"}, {"name": "PRICE", "type": "float"}]}`
			} else {
				in.Domain = ""
			}
			s, err := api.CreateSchema(ctx(), in)
			require.NoError(t, err)
			_, err = api.CreateDataset(ctx(), &personalize.CreateDatasetInput{Name: aws.String("d"), DatasetGroupArn: g.DatasetGroupArn,
				DatasetType: &c.typ, SchemaArn: s.SchemaArn})
			code, msg := apiError(t, err)
			require.Equal(t, c.code, code)
			require.Contains(t, msg, c.msg)
		})
	}
	t.Run("missing group or schema, group not ACTIVE", func(t *testing.T) {
		t.Parallel()
		eachPZDoor(t, func(t *testing.T, e *pzEnv) {
			s := e.schema(t, "items", itemsSchema)
			missing := "arn:aws:personalize:us-east-1:123456789012:dataset-group/none"
			_, err := e.pz.CreateDataset(e.ctx, &personalize.CreateDatasetInput{Name: aws.String("d"), DatasetGroupArn: &missing, DatasetType: aws.String("Items"), SchemaArn: &s})
			var nf *pztypes.ResourceNotFoundException
			require.ErrorAs(t, err, &nf)
			g, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("young")})
			require.NoError(t, err)
			_, err = e.pz.CreateDataset(e.ctx, &personalize.CreateDatasetInput{Name: aws.String("d"), DatasetGroupArn: g.DatasetGroupArn, DatasetType: aws.String("Items"),
				SchemaArn: aws.String("arn:aws:personalize:us-east-1:123456789012:schema/none")})
			require.ErrorAs(t, err, &nf)
			_, err = e.pz.CreateDataset(e.ctx, &personalize.CreateDatasetInput{Name: aws.String("d"), DatasetGroupArn: g.DatasetGroupArn, DatasetType: aws.String("Items"), SchemaArn: &s})
			var inUse *pztypes.ResourceInUseException
			require.ErrorAs(t, err, &inUse, "the group is still being created")
			require.Contains(t, inUse.ErrorMessage(), "is not ACTIVE (its status is CREATE PENDING)")
		})
	})
}

func TestUpdateDataset(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		g := e.group(t, "shop", "")
		v1 := e.schema(t, "items-v1", itemsSchema)
		arn := e.dataset(t, g, "Items", v1)
		added := `{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": "string"},
			{"name": "GENRES", "type": ["null", "string"], "categorical": true}, {"name": "PRICE", "type": ["null", "float"]},
			{"name": "BRAND", "type": ["null", "string"]}]}`
		v2 := e.schema(t, "items-v2", added)
		for _, bad := range []struct{ schema, msg string }{
			{`{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": "string"}, {"name": "GENRES", "type": ["null", "string"], "categorical": true}]}`,
				"the new schema drops the field PRICE"},
			{`{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": "string"}, {"name": "GENRES", "type": ["null", "string"]},
				{"name": "PRICE", "type": ["null", "float"]}]}`, "the new schema changes the field GENRES"},
			{`{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": "string"}, {"name": "GENRES", "type": ["null", "string"], "categorical": true},
				{"name": "PRICE", "type": ["null", "float"]}, {"name": "BRAND", "type": "string"}]}`, "the new field BRAND must allow null"},
		} {
			s := e.schema(t, "bad-"+time.Duration(len(bad.msg)).String(), bad.schema)
			_, err := e.pz.UpdateDataset(e.ctx, &personalize.UpdateDatasetInput{DatasetArn: &arn, SchemaArn: &s})
			var ii *pztypes.InvalidInputException
			require.ErrorAs(t, err, &ii)
			require.Contains(t, ii.ErrorMessage(), bad.msg)
		}

		_, err := e.pz.UpdateDataset(e.ctx, &personalize.UpdateDatasetInput{DatasetArn: &arn, SchemaArn: &v2})
		require.NoError(t, err)
		updated := e.clk.Now()
		life := fake.DefaultLifecycle(fake.Datasets)
		d, err := e.pz.DescribeDataset(e.ctx, &personalize.DescribeDatasetInput{DatasetArn: &arn})
		require.NoError(t, err)
		require.Equal(t, "UPDATE PENDING", aws.ToString(d.Dataset.Status))
		require.Equal(t, v1, aws.ToString(d.Dataset.SchemaArn), "the old schema is in force until the update is done")
		require.Equal(t, &pztypes.DatasetUpdateSummary{SchemaArn: &v2, Status: aws.String("UPDATE PENDING"),
			CreationDateTime: aws.Time(updated), LastUpdatedDateTime: aws.Time(updated)}, d.Dataset.LatestDatasetUpdate)
		_, err = e.pz.UpdateDataset(e.ctx, &personalize.UpdateDatasetInput{DatasetArn: &arn, SchemaArn: &v2})
		var inUse *pztypes.ResourceInUseException
		require.ErrorAs(t, err, &inUse, "an update is under way")
		e.clk.Add(life.UpdatePending)
		require.Equal(t, "UPDATE IN_PROGRESS", e.datasetStatus(t, arn))
		e.clk.Add(life.UpdateInProgress)
		d, err = e.pz.DescribeDataset(e.ctx, &personalize.DescribeDatasetInput{DatasetArn: &arn})
		require.NoError(t, err)
		require.Equal(t, "ACTIVE", aws.ToString(d.Dataset.Status))
		require.Equal(t, v2, aws.ToString(d.Dataset.SchemaArn))
		require.Equal(t, "ACTIVE", aws.ToString(d.Dataset.LatestDatasetUpdate.Status))
		require.Equal(t, updated.Add(life.UpdatePending+life.UpdateInProgress), aws.ToTime(d.Dataset.LatestDatasetUpdate.LastUpdatedDateTime))
		_, err = e.pz.DeleteSchema(e.ctx, &personalize.DeleteSchemaInput{SchemaArn: &v1})
		require.NoError(t, err, "the replaced schema is free")

		// Only Items and Users datasets can be updated.
		is := e.schema(t, "interactions", interactionsSchema)
		ia := e.dataset(t, g, "Interactions", is)
		_, err = e.pz.UpdateDataset(e.ctx, &personalize.UpdateDatasetInput{DatasetArn: &ia, SchemaArn: &is})
		var ii *pztypes.InvalidInputException
		require.ErrorAs(t, err, &ii)
		require.Equal(t, "Only Items and Users datasets can have their schema replaced, not INTERACTIONS.", ii.ErrorMessage())
	})
}

// A scenario can make a dataset's creation fail, and seed datasets (with default schemas).
func TestDatasetScenarios(t *testing.T) {
	t.Parallel()
	s := scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "shop", Domain: "ECOMMERCE",
		Datasets:     []scenario.Dataset{{Type: "Items"}, {Type: "Users", Status: "CREATE IN_PROGRESS"}},
		EventTracker: &scenario.EventTracker{Name: "clicks"}})
	s.On("personalize", "CreateDataset").FailCreation("The schema does not match the data.")
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		list, err := e.pz.ListDatasets(e.ctx, &personalize.ListDatasetsInput{})
		require.NoError(t, err)
		got := map[string]string{}
		for _, d := range list.Datasets {
			got[aws.ToString(d.DatasetType)] = aws.ToString(d.Status)
		}
		require.Equal(t, map[string]string{"ITEMS": "ACTIVE", "USERS": "CREATE IN_PROGRESS", "INTERACTIONS": "ACTIVE"}, got,
			"the seeded tracker brought an Interactions dataset")
		schema, err := e.pz.DescribeSchema(e.ctx, &personalize.DescribeSchemaInput{SchemaArn: aws.String("arn:aws:personalize:us-east-1:123456789012:schema/shop-items")})
		require.NoError(t, err)
		require.Equal(t, scenario.DefaultSchema("Items", "ECOMMERCE"), aws.ToString(schema.Schema.Schema))
		require.Equal(t, pztypes.DomainEcommerce, schema.Schema.Domain)

		g := e.group(t, "other", "")
		sc := e.schema(t, "users", usersSchema)
		arn := e.dataset(t, g, "Users", sc)
		d, err := e.pz.DescribeDataset(e.ctx, &personalize.DescribeDatasetInput{DatasetArn: &arn})
		require.NoError(t, err)
		require.Equal(t, "CREATE FAILED", aws.ToString(d.Dataset.Status))
		_, err = e.pz.DeleteDataset(e.ctx, &personalize.DeleteDatasetInput{DatasetArn: &arn})
		require.NoError(t, err, "a failed dataset can be deleted")
	}, fake.WithScenario(s))
}

// WithQuota(Datasets, n) limits datasets per account and Region, in Personalize's words (the
// option was accepted, and ignored, before the kinds were declared with their quotas).
func TestDatasetQuota(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		group := e.group(t, "shop", "")
		e.dataset(t, group, "Interactions", e.schema(t, "interactions", interactionsSchema))
		_, err := e.pz.CreateDataset(e.ctx, &personalize.CreateDatasetInput{Name: aws.String("items"), DatasetGroupArn: &group,
			DatasetType: aws.String("Items"), SchemaArn: aws.String(e.schema(t, "items", itemsSchema))})
		require.Equal(t, "You have reached the maximum number of datasets (1) in this Region.", requireCode(t, err, "LimitExceededException"))
	}, fake.WithQuota(fake.Datasets, 1))
}
