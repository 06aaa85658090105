package differential

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

// pricedItems is an Items schema with a numeric column, for SUM metrics.
const pricedItems = `{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": "string"},
	{"name": "GENRES", "type": ["null", "string"], "categorical": true}, {"name": "PRICE", "type": ["null", "float"]}]}`

// jobsScript touches the operations of issue 25's first part (dataset export jobs, metric
// attributions, DescribeAlgorithm, DescribeFeatureTransformation), with successes and their
// modelled errors.
func jobsScript(r *run) {
	group := arn + "dataset-group/shop"
	itemsArn := arn + "dataset/shop/ITEMS"
	r.pz("CreateDatasetGroup", doc{"Name": "shop"})
	r.clk.Add(time.Minute)
	for _, s := range []struct{ typ, avro string }{{"Interactions", interactions}, {"Items", pricedItems}} {
		r.pz("CreateSchema", doc{"Name": "shop-" + s.typ, "Schema": s.avro})
		r.pz("CreateDataset", doc{"Name": "shop-" + s.typ, "DatasetGroupArn": group, "DatasetType": s.typ, "SchemaArn": arn + "schema/shop-" + s.typ})
	}
	output := doc{"S3DataDestination": doc{"Path": "s3://exports/nightly/"}}
	r.pz("CreateDatasetExportJob", doc{"JobName": "early", "DatasetArn": itemsArn, "RoleArn": "arn:aws:iam::123456789012:role/r", "JobOutput": output}) // the dataset is not ACTIVE
	r.clk.Add(time.Minute)
	r.ev("PutItems", doc{"DatasetArn": itemsArn, "Items": []any{
		doc{"ItemId": "i1", "Properties": `{"genres":"Horror|Action","price":9.5}`}, doc{"ItemId": "i2", "Properties": `{"price":"free"}`}}})

	for _, mode := range []string{"ALL", "PUT", "BULK"} {
		r.pz("CreateDatasetExportJob", doc{"JobName": "export-" + mode, "DatasetArn": itemsArn, "IngestionMode": mode,
			"RoleArn": "arn:aws:iam::123456789012:role/r", "JobOutput": output, "Tags": tags(1, "k")})
		r.clk.Add(time.Second)
	}
	r.pz("CreateDatasetExportJob", doc{"JobName": "export-ALL", "DatasetArn": itemsArn, "RoleArn": "arn:aws:iam::123456789012:role/r", "JobOutput": output})
	r.pz("CreateDatasetExportJob", doc{"JobName": "lost", "DatasetArn": arn + "dataset/none/ITEMS", "RoleArn": "arn:aws:iam::123456789012:role/r", "JobOutput": output})
	r.pz("CreateDatasetExportJob", doc{"JobName": "odd", "DatasetArn": itemsArn, "IngestionMode": "SOME", "RoleArn": "arn:aws:iam::123456789012:role/r", "JobOutput": output})
	r.pz("CreateDatasetExportJob", doc{"JobName": "tagged", "DatasetArn": itemsArn, "RoleArn": "arn:aws:iam::123456789012:role/r", "JobOutput": output,
		"Tags": tags(51, "k")})
	r.pz("DeleteDataset", doc{"DatasetArn": itemsArn}) // its export jobs are being created
	r.pz("DescribeDatasetExportJob", doc{"DatasetExportJobArn": arn + "dataset-export-job/export-ALL"})
	r.pz("DescribeDatasetExportJob", doc{"DatasetExportJobArn": arn + "dataset-export-job/none"})
	page := r.pz("ListDatasetExportJobs", doc{"DatasetArn": itemsArn, "MaxResults": 2})
	r.pz("ListDatasetExportJobs", doc{"DatasetArn": itemsArn, "NextToken": str(page, "nextToken")})
	r.pz("ListDatasetExportJobs", doc{"NextToken": "forged"})
	r.clk.Add(5 * time.Minute)
	r.pz("DescribeDatasetExportJob", doc{"DatasetExportJobArn": arn + "dataset-export-job/export-ALL"})
	r.pz("ListDatasetExportJobs", doc{})

	metrics := []any{doc{"EventType": "click", "MetricName": "clicks", "Expression": "SAMPLECOUNT()"},
		doc{"EventType": "buy", "MetricName": "revenue", "Expression": "SUM(Items.PRICE)"}}
	outputConfig := doc{"RoleArn": "arn:aws:iam::123456789012:role/r", "S3DataDestination": doc{"Path": "s3://metrics/"}}
	attribution := r.pz("CreateMetricAttribution", doc{"Name": "impact", "DatasetGroupArn": group, "Metrics": metrics, "MetricsOutputConfig": outputConfig})
	ma := str(attribution, "metricAttributionArn")
	r.pz("CreateMetricAttribution", doc{"Name": "second", "DatasetGroupArn": group, "Metrics": metrics, "MetricsOutputConfig": outputConfig})
	r.pz("CreateMetricAttribution", doc{"Name": "x", "DatasetGroupArn": arn + "dataset-group/none", "Metrics": metrics, "MetricsOutputConfig": outputConfig})
	r.pz("CreateMetricAttribution", doc{"Name": "bad", "DatasetGroupArn": group, "MetricsOutputConfig": outputConfig,
		"Metrics": []any{doc{"EventType": "click", "MetricName": "n", "Expression": "COUNT(*)"}}})
	r.pz("UpdateMetricAttribution", doc{"MetricAttributionArn": ma, "RemoveMetrics": []any{"clicks"}}) // being created
	r.pz("DescribeMetricAttribution", doc{"MetricAttributionArn": ma})
	r.clk.Add(time.Minute)
	r.pz("UpdateMetricAttribution", doc{"MetricAttributionArn": ma, "RemoveMetrics": []any{"clicks"},
		"AddMetrics": []any{doc{"EventType": "view", "MetricName": "views", "Expression": "SAMPLECOUNT()"}}})
	r.pz("UpdateMetricAttribution", doc{"MetricAttributionArn": ma, "RemoveMetrics": []any{"none"}})
	r.pz("UpdateMetricAttribution", doc{"MetricAttributionArn": arn + "metric-attribution/none"})
	r.pz("DescribeMetricAttribution", doc{"MetricAttributionArn": ma})
	page = r.pz("ListMetricAttributionMetrics", doc{"MetricAttributionArn": ma, "MaxResults": 1})
	r.pz("ListMetricAttributionMetrics", doc{"MetricAttributionArn": ma, "NextToken": str(page, "nextToken")})
	r.pz("ListMetricAttributionMetrics", doc{"MetricAttributionArn": ma, "NextToken": "forged"})
	r.pz("ListMetricAttributions", doc{"DatasetGroupArn": group})
	r.pz("TagResource", doc{"ResourceArn": ma, "Tags": tags(1, "k")})
	r.pz("ListTagsForResource", doc{"ResourceArn": ma})
	r.clk.Add(time.Minute)
	r.pz("DeleteDatasetGroup", doc{"DatasetGroupArn": group})
	r.pz("DeleteMetricAttribution", doc{"MetricAttributionArn": ma})
	r.pz("DeleteMetricAttribution", doc{"MetricAttributionArn": ma})
	r.clk.Add(time.Minute)
	r.pz("DescribeMetricAttribution", doc{"MetricAttributionArn": ma})

	for _, a := range []string{"aws-sims", "aws-user-personalization", "aws-similar-items", "aws-trending-now-custom", "aws-hrnn"} {
		r.pz("DescribeAlgorithm", doc{"AlgorithmArn": "arn:aws:personalize:::algorithm/" + a})
	}
	for _, ft := range []string{"sims", "JSON-percentile-filtering", "none"} {
		r.pz("DescribeFeatureTransformation", doc{"FeatureTransformationArn": "arn:aws:personalize:::feature-transformation/" + ft})
	}
}

// TestThreeClientsAgreeOnJobs is TestThreeClientsAgree for jobsScript, and also compares what
// the export jobs wrote.
func TestThreeClientsAgreeOnJobs(t *testing.T) {
	t.Parallel()
	clients := personalizeClients
	outs := make([][]outcome, len(clients))
	objects := make([]map[string]string, len(clients))
	for i, c := range clients {
		clk := clock.NewMock()
		clk.Set(start)
		f := fake.New(fake.WithClock(clk), fake.WithSeed(7))
		r := &run{c: c.make(f), clk: clk}
		jobsScript(r)
		outs[i], objects[i] = r.out, map[string]string{}
		for _, uri := range f.Objects("") {
			body, _ := f.Object(uri)
			objects[i][uri] = string(body)
		}
	}
	for i := 1; i < len(clients); i++ {
		if diff := cmp.Diff(outs[0], outs[i]); diff != "" {
			t.Errorf("%s and %s disagree (-%[1]s +%[2]s):\n%s", clients[0].name, clients[i].name, diff)
		}
		if diff := cmp.Diff(objects[0], objects[i]); diff != "" {
			t.Errorf("what the export jobs wrote after %s and %s differs (-%[1]s +%[2]s):\n%s", clients[0].name, clients[i].name, diff)
		}
	}
	require.Equal(t, map[string]string{
		"s3://exports/nightly/export-ALL/part-00000.csv":  "ITEM_ID,GENRES,PRICE\ni1,Horror|Action,9.5\n",
		"s3://exports/nightly/export-PUT/part-00000.csv":  "ITEM_ID,GENRES,PRICE\ni1,Horror|Action,9.5\n",
		"s3://exports/nightly/export-BULK/part-00000.csv": "ITEM_ID,GENRES,PRICE\n",
	}, objects[0])

	codes := map[string]int{}
	ok := 0
	for _, o := range outs[0] {
		if o.Code == "" {
			ok++
			continue
		}
		codes[fmt.Sprintf("%s %d", o.Code, o.Status)]++
	}
	for _, want := range []string{"ResourceNotFoundException 400", "ResourceAlreadyExistsException 400", "ResourceInUseException 400",
		"InvalidInputException 400", "TooManyTagsException 400", "InvalidNextTokenException 400"} {
		require.Contains(t, codes, want, "the script never got %s", want)
	}
	require.Greater(t, ok, 25, "successful calls")
	if t.Failed() || testing.Verbose() {
		b, _ := json.MarshalIndent(outs[0], "", "  ")
		t.Logf("the typed doors' outcomes:\n%s", b)
	}
}
