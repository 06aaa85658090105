package fake_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	evtypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

// Export jobs and metric attributions round-trip through the state document: the restored fake
// describes them alike, and a restored export job writes what its dataset holds.
func TestExportJobsAndAttributionsInTheStateDocument(t *testing.T) {
	t.Parallel()
	e := typedPZ(t)
	g := e.shopForMetrics(t, "shop")
	items := "arn:aws:personalize:us-east-1:123456789012:dataset/shop/ITEMS"
	_, err := e.ev.PutItems(e.ctx, &personalizeevents.PutItemsInput{DatasetArn: &items, Items: []evtypes.Item{
		{ItemId: aws.String("boot"), Properties: aws.String(`{"price": 59.9}`)}}})
	require.NoError(t, err)
	done := e.export(t, "done", items, pztypes.IngestionModeAll)
	e.clk.Add(5 * time.Minute)
	running := e.export(t, "running", items, "")
	out, err := e.pz.CreateMetricAttribution(e.ctx, &personalize.CreateMetricAttributionInput{Name: aws.String("impact"), DatasetGroupArn: &g,
		Metrics: []pztypes.MetricAttribute{metric("clicks", "click", "SAMPLECOUNT()")}, MetricsOutputConfig: metricsOutput})
	require.NoError(t, err)
	attribution := aws.ToString(out.MetricAttributionArn)
	e.clk.Add(2 * time.Minute)
	_, err = e.pz.UpdateMetricAttribution(e.ctx, &personalize.UpdateMetricAttributionInput{MetricAttributionArn: &attribution,
		AddMetrics: []pztypes.MetricAttribute{metric("revenue", "buy", "SUM(Items.PRICE)")}})
	require.NoError(t, err)
	e.clk.Add(2 * time.Minute)

	doc := e.f.State()
	clk := mockClock()
	clk.Set(e.clk.Now())
	f := fake.ForTest(t, fake.WithClock(clk), fake.WithScenario(doc))
	require.Equal(t, doc, f.State(), "the round trip gives back the same document")

	r := &pzEnv{f: f, pz: f.Personalize(), ev: f.PersonalizeEvents(), clk: clk, ctx: e.ctx}
	for _, arn := range []string{done, running} {
		require.Equal(t, e.exportJob(t, arn), r.exportJob(t, arn))
	}
	require.Equal(t, e.attribution(t, attribution), r.attribution(t, attribution))
	require.Equal(t, e.attributionMetrics(t, attribution), r.attributionMetrics(t, attribution))
	require.Equal(t, object(t, e.f, "s3://exports/done/"), object(t, r.f, "s3://exports/done/"))
}

// Seeds of any kind go through the create operation: an export job and a metric attribution
// seeded after the group and its datasets.
func TestSeededExportJobAndAttribution(t *testing.T) {
	t.Parallel()
	const group = "arn:aws:personalize:us-east-1:123456789012:dataset-group/shop"
	s := scenario.New().SeedDatasetGroup(scenario.DatasetGroup{Name: "shop",
		Datasets: []scenario.Dataset{{Type: "Interactions"}, {Type: "Items"}}})
	s.Seed(scenario.Resource{Service: "personalize", Operation: "CreateDatasetExportJob", Input: map[string]any{
		"jobName": "nightly", "datasetArn": group[:len(group)-len("dataset-group/shop")] + "dataset/shop/ITEMS",
		"roleArn": exportRole, "jobOutput": map[string]any{"s3DataDestination": map[string]any{"path": "s3://exports/nightly"}}}})
	s.Seed(scenario.Resource{Service: "personalize", Operation: "CreateMetricAttribution", Status: "CREATE IN_PROGRESS", Input: map[string]any{
		"name": "impact", "datasetGroupArn": group, "metricsOutputConfig": map[string]any{"roleArn": exportRole},
		"metrics": []any{map[string]any{"metricName": "clicks", "eventType": "click", "expression": "SAMPLECOUNT()"}}}})
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		job := e.exportJob(t, "arn:aws:personalize:us-east-1:123456789012:dataset-export-job/nightly")
		require.Equal(t, "ACTIVE", aws.ToString(job.Status))
		require.NotEmpty(t, object(t, e.f, "s3://exports/nightly/"), "an ACTIVE seed has written its objects")
		require.Equal(t, "CREATE IN_PROGRESS", aws.ToString(e.attribution(t, "arn:aws:personalize:us-east-1:123456789012:metric-attribution/impact").Status))
	}, fake.WithScenario(s))
}

// The dashboard lists export jobs and metric attributions with their statuses, as every kind.
func TestDashboardShowsExportJobsAndAttributions(t *testing.T) {
	t.Parallel()
	e := typedPZ(t)
	g := e.shopForMetrics(t, "shop")
	job := e.export(t, "nightly", "arn:aws:personalize:us-east-1:123456789012:dataset/shop/ITEMS", pztypes.IngestionModeBulk)
	_, err := e.pz.CreateMetricAttribution(e.ctx, &personalize.CreateMetricAttributionInput{Name: aws.String("impact"), DatasetGroupArn: &g,
		Metrics: []pztypes.MetricAttribute{metric("clicks", "click", "SAMPLECOUNT()")}, MetricsOutputConfig: metricsOutput})
	require.NoError(t, err)
	status, _, body := rawCallBytes(t, e.f.Handler(), "GET", "/_fake/ui", nil, "")
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:dataset-export-job/nightly", job)
	for _, want := range []string{`<td class="kind">dataset-export-job</td><td class="name">nightly</td><td>BULK</td>`,
		`<span class="nw">dataset-export-job/</span><wbr><span class="nw">nightly</span>`,
		`<td class="kind">metric-attribution</td><td class="name">impact</td>`,
		`<span class="nw">metric-attribution/</span><wbr><span class="nw">impact</span>`} {
		require.Contains(t, string(body), want)
	}
}
