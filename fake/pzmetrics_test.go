package fake_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	pztypes "github.com/aws/aws-sdk-go-v2/service/personalize/types"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

func metric(name, eventType, expression string) pztypes.MetricAttribute {
	return pztypes.MetricAttribute{MetricName: &name, EventType: &eventType, Expression: &expression}
}

var metricsOutput = &pztypes.MetricAttributionOutput{RoleArn: aws.String(exportRole),
	S3DataDestination: &pztypes.S3DataConfig{Path: aws.String("s3://metrics/shop/")}}

// shopForMetrics is an ACTIVE group with Interactions (with EVENT_TYPE) and Items (with PRICE)
// datasets, what SUM and SAMPLECOUNT metrics need.
func (e *pzEnv) shopForMetrics(t *testing.T, name string) string {
	t.Helper()
	g := e.group(t, name, "")
	e.dataset(t, g, "Interactions", e.schema(t, name+"-interactions", interactionsSchema))
	e.dataset(t, g, "Items", e.schema(t, name+"-items", itemsSchema))
	return g
}

func (e *pzEnv) attribution(t *testing.T, arn string) pztypes.MetricAttribution {
	t.Helper()
	out, err := e.pz.DescribeMetricAttribution(e.ctx, &personalize.DescribeMetricAttributionInput{MetricAttributionArn: &arn})
	require.NoError(t, err)
	return *out.MetricAttribution
}

func (e *pzEnv) attributionMetrics(t *testing.T, arn string) []string {
	t.Helper()
	var names []string
	p := personalize.NewListMetricAttributionMetricsPaginator(e.pz.(personalize.ListMetricAttributionMetricsAPIClient),
		&personalize.ListMetricAttributionMetricsInput{MetricAttributionArn: &arn, MaxResults: aws.Int32(1)})
	for p.HasMorePages() {
		page, err := p.NextPage(e.ctx)
		require.NoError(t, err)
		for _, m := range page.Metrics {
			names = append(names, aws.ToString(m.MetricName)+"="+aws.ToString(m.Expression))
		}
	}
	return names
}

func TestMetricAttributionLifecycle(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		g := e.shopForMetrics(t, "shop")
		created := e.clk.Now()
		out, err := e.pz.CreateMetricAttribution(e.ctx, &personalize.CreateMetricAttributionInput{Name: aws.String("impact"), DatasetGroupArn: &g,
			Metrics:             []pztypes.MetricAttribute{metric("clicks", "click", "SAMPLECOUNT()"), metric("revenue", "buy", "SUM(Items.PRICE)")},
			MetricsOutputConfig: metricsOutput})
		require.NoError(t, err)
		arn := aws.ToString(out.MetricAttributionArn)
		require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:metric-attribution/impact", arn)

		life := fake.DefaultLifecycle(fake.MetricAttributions)
		for _, step := range []struct {
			after time.Duration
			want  string
		}{{0, "CREATE PENDING"}, {life.Pending, "CREATE IN_PROGRESS"}, {life.InProgress, "ACTIVE"}} {
			e.clk.Add(step.after)
			require.Equal(t, step.want, aws.ToString(e.attribution(t, arn).Status))
		}
		active := created.Add(life.Pending + life.InProgress)
		want := pztypes.MetricAttribution{Name: aws.String("impact"), MetricAttributionArn: &arn, DatasetGroupArn: &g,
			MetricsOutputConfig: metricsOutput, Status: aws.String("ACTIVE"), CreationDateTime: aws.Time(created), LastUpdatedDateTime: aws.Time(active)}
		if diff := cmp.Diff(want, e.attribution(t, arn), ignoreSDK); diff != "" {
			t.Fatalf("DescribeMetricAttribution (-want +got):\n%s", diff)
		}
		require.Equal(t, []string{"clicks=SAMPLECOUNT()", "revenue=SUM(Items.PRICE)"}, e.attributionMetrics(t, arn), "in the order given, a page each")

		list, err := e.pz.ListMetricAttributions(e.ctx, &personalize.ListMetricAttributionsInput{DatasetGroupArn: &g})
		require.NoError(t, err)
		require.Equal(t, []pztypes.MetricAttributionSummary{{Name: aws.String("impact"), MetricAttributionArn: &arn, Status: aws.String("ACTIVE"),
			CreationDateTime: aws.Time(created), LastUpdatedDateTime: aws.Time(active)}}, list.MetricAttributions)
		list, err = e.pz.ListMetricAttributions(e.ctx, &personalize.ListMetricAttributionsInput{DatasetGroupArn: aws.String(g + "x")})
		require.NoError(t, err)
		require.Empty(t, list.MetricAttributions)

		// An update removes, then adds (so a metric can be redefined under its name), and runs
		// through the update statuses; its changes show at once.
		newOutput := &pztypes.MetricAttributionOutput{RoleArn: aws.String(exportRole + "-2")}
		_, err = e.pz.UpdateMetricAttribution(e.ctx, &personalize.UpdateMetricAttributionInput{MetricAttributionArn: &arn,
			RemoveMetrics: []string{"clicks"}, AddMetrics: []pztypes.MetricAttribute{metric("clicks", "click", "samplecount( )")},
			MetricsOutputConfig: newOutput})
		require.NoError(t, err)
		ma := e.attribution(t, arn)
		require.Equal(t, "UPDATE PENDING", aws.ToString(ma.Status))
		require.Equal(t, newOutput, ma.MetricsOutputConfig)
		require.Equal(t, []string{"revenue=SUM(Items.PRICE)", "clicks=samplecount( )"}, e.attributionMetrics(t, arn))
		e.clk.Add(life.UpdatePending)
		require.Equal(t, "UPDATE IN_PROGRESS", aws.ToString(e.attribution(t, arn).Status))
		e.clk.Add(life.UpdateInProgress)
		require.Equal(t, "ACTIVE", aws.ToString(e.attribution(t, arn).Status))

		// The group cannot go while it has the attribution; the attribution goes through its
		// delete statuses, then the name and the group are free again.
		_, err = e.pz.DeleteDatasetGroup(e.ctx, &personalize.DeleteDatasetGroupInput{DatasetGroupArn: &g})
		require.Equal(t, "The dataset group "+g+" has datasets; delete them first.", requireCode(t, err, "ResourceInUseException"))
		_, err = e.pz.DeleteMetricAttribution(e.ctx, &personalize.DeleteMetricAttributionInput{MetricAttributionArn: &arn})
		require.NoError(t, err)
		require.Equal(t, "DELETE PENDING", aws.ToString(e.attribution(t, arn).Status))
		_, err = e.pz.DeleteMetricAttribution(e.ctx, &personalize.DeleteMetricAttributionInput{MetricAttributionArn: &arn})
		require.Contains(t, requireCode(t, err, "ResourceInUseException"), "DELETE PENDING")
		e.clk.Add(life.DeletePending + life.DeleteInProgress)
		_, err = e.pz.DescribeMetricAttribution(e.ctx, &personalize.DescribeMetricAttributionInput{MetricAttributionArn: &arn})
		require.Equal(t, "Could not find resource: "+arn, requireCode(t, err, "ResourceNotFoundException"))
		metrics, err := e.pz.ListMetricAttributionMetrics(e.ctx, &personalize.ListMetricAttributionMetricsInput{MetricAttributionArn: &arn})
		require.NoError(t, err, "the operation models no not-found error")
		require.Empty(t, metrics.Metrics)
		_, err = e.pz.CreateMetricAttribution(e.ctx, &personalize.CreateMetricAttributionInput{Name: aws.String("impact"), DatasetGroupArn: &g,
			Metrics: []pztypes.MetricAttribute{metric("clicks", "click", "SAMPLECOUNT()")}, MetricsOutputConfig: metricsOutput})
		require.NoError(t, err)
	})
}

// A dataset group with a metric attribution cannot be deleted (a documented guess).
func TestMetricAttributionKeepsItsGroup(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		g := e.group(t, "shop", "")
		interactions := e.dataset(t, g, "Interactions", e.schema(t, "interactions", interactionsSchema))
		out, err := e.pz.CreateMetricAttribution(e.ctx, &personalize.CreateMetricAttributionInput{Name: aws.String("impact"), DatasetGroupArn: &g,
			Metrics: []pztypes.MetricAttribute{metric("clicks", "click", "SAMPLECOUNT()")}, MetricsOutputConfig: metricsOutput})
		require.NoError(t, err)
		e.clk.Add(time.Minute)
		_, err = e.pz.DeleteDataset(e.ctx, &personalize.DeleteDatasetInput{DatasetArn: &interactions})
		require.NoError(t, err)
		e.clk.Add(time.Minute)
		_, err = e.pz.DeleteDatasetGroup(e.ctx, &personalize.DeleteDatasetGroupInput{DatasetGroupArn: &g})
		require.Equal(t, "The dataset group "+g+" has a metric attribution; delete it first.", requireCode(t, err, "ResourceInUseException"))
		_, err = e.pz.DeleteMetricAttribution(e.ctx, &personalize.DeleteMetricAttributionInput{MetricAttributionArn: out.MetricAttributionArn})
		require.NoError(t, err)
		e.clk.Add(time.Minute)
		_, err = e.pz.DeleteDatasetGroup(e.ctx, &personalize.DeleteDatasetGroupInput{DatasetGroupArn: &g})
		require.NoError(t, err)
	})
}

func TestCreateMetricAttributionRefusals(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		g := e.shopForMetrics(t, "shop")
		bare := e.group(t, "bare", "")
		noEventType := e.group(t, "no-event-type", "")
		e.dataset(t, noEventType, "Interactions", e.schema(t, "no-event-type", `{"type": "record", "name": "Interactions", "fields": [
			{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"}, {"name": "TIMESTAMP", "type": "long"}]}`))
		taken := e.shopForMetrics(t, "taken")
		pending, err := e.pz.CreateDatasetGroup(e.ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("pending")})
		require.NoError(t, err)
		_, err = e.pz.CreateMetricAttribution(e.ctx, &personalize.CreateMetricAttributionInput{Name: aws.String("first"), DatasetGroupArn: &taken,
			Metrics: []pztypes.MetricAttribute{metric("clicks", "click", "SAMPLECOUNT()")}, MetricsOutputConfig: metricsOutput})
		require.NoError(t, err)

		clicks := metric("clicks", "click", "SAMPLECOUNT()")
		for _, tc := range []struct {
			name, attribution, group string
			metrics                  []pztypes.MetricAttribute
			code, message            string
		}{
			{"no such group", "x", g + "x", []pztypes.MetricAttribute{clicks}, "ResourceNotFoundException", "Could not find resource: " + g + "x"},
			{"a group being created", "x", aws.ToString(pending.DatasetGroupArn), []pztypes.MetricAttribute{clicks}, "ResourceInUseException",
				"The dataset group " + aws.ToString(pending.DatasetGroupArn) + " is not ACTIVE (its status is CREATE PENDING)."},
			{"the name is taken", "first", g, []pztypes.MetricAttribute{clicks}, "ResourceAlreadyExistsException",
				"Another resource with Arn arn:aws:personalize:us-east-1:123456789012:metric-attribution/first already exists."},
			{"one per group", "second", taken, []pztypes.MetricAttribute{clicks}, "ResourceAlreadyExistsException",
				"The dataset group " + taken + " already has a metric attribution: arn:aws:personalize:us-east-1:123456789012:metric-attribution/first"},
			{"no metrics", "x", g, []pztypes.MetricAttribute{}, "InvalidInputException", "A metric attribution needs at least one metric."},
			{"no Interactions dataset", "x", bare, []pztypes.MetricAttribute{clicks}, "InvalidInputException",
				"The dataset group " + bare + " needs an Interactions dataset with an EVENT_TYPE field for a metric attribution."},
			{"no EVENT_TYPE field", "x", noEventType, []pztypes.MetricAttribute{clicks}, "InvalidInputException",
				"The dataset group " + noEventType + " needs an Interactions dataset with an EVENT_TYPE field for a metric attribution."},
			{"a name used twice", "x", g, []pztypes.MetricAttribute{clicks, clicks}, "InvalidInputException", "The metric name clicks is used twice."},
			{"an unknown function", "x", g, []pztypes.MetricAttribute{metric("n", "click", "COUNT()")}, "InvalidInputException",
				`Invalid expression "COUNT()" of metric 1 (n): the function "COUNT" is not one of SUM and SAMPLECOUNT.`},
			{"not a call", "x", g, []pztypes.MetricAttribute{metric("n", "click", "SUM(Items.PRICE) + 1")}, "InvalidInputException",
				`Invalid expression "SUM(Items.PRICE) + 1" of metric 1 (n): it is not a function call such as SUM(Items.PRICE) or SAMPLECOUNT().`},
			{"SUM without a dataset", "x", g, []pztypes.MetricAttribute{metric("n", "click", "SUM(PRICE)")}, "InvalidInputException",
				`Invalid expression "SUM(PRICE)" of metric 1 (n): SUM takes a dataset type and a column, such as SUM(Items.PRICE).`},
			{"SUM over Users", "x", g, []pztypes.MetricAttribute{metric("n", "click", "SUM(Users.AGE)")}, "InvalidInputException",
				`Invalid expression "SUM(Users.AGE)" of metric 1 (n): SUM sums a column of the Interactions or Items dataset, not of "Users".`},
			{"SAMPLECOUNT with an argument", "x", g, []pztypes.MetricAttribute{metric("n", "click", "SAMPLECOUNT(Items.PRICE)")}, "InvalidInputException",
				`Invalid expression "SAMPLECOUNT(Items.PRICE)" of metric 1 (n): SAMPLECOUNT() takes no argument.`},
			{"no such column", "x", g, []pztypes.MetricAttribute{metric("n", "buy", "SUM(Items.COST)")}, "InvalidInputException",
				"The expression SUM(Items.COST) of metric n sums COST, which is not a numeric field of the schema of arn:aws:personalize:us-east-1:123456789012:dataset/shop/ITEMS."},
			{"a string column", "x", g, []pztypes.MetricAttribute{metric("n", "buy", "SUM(Items.GENRES)")}, "InvalidInputException",
				"The expression SUM(Items.GENRES) of metric n sums GENRES, which is not a numeric field of the schema of arn:aws:personalize:us-east-1:123456789012:dataset/shop/ITEMS."},
			{"no Items dataset", "x", noEventType, []pztypes.MetricAttribute{metric("n", "buy", "SUM(Items.PRICE)")}, "InvalidInputException",
				"The dataset group " + noEventType + " needs an Interactions dataset with an EVENT_TYPE field for a metric attribution."},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := e.pz.CreateMetricAttribution(e.ctx, &personalize.CreateMetricAttributionInput{Name: &tc.attribution, DatasetGroupArn: &tc.group,
					Metrics: tc.metrics, MetricsOutputConfig: metricsOutput})
				require.Equal(t, tc.message, requireCode(t, err, tc.code))
			})
		}

		// More than 10 metrics: the model's own constraint.
		var eleven []pztypes.MetricAttribute
		for i := range 11 {
			eleven = append(eleven, metric(fmt.Sprint("m", i), "click", "SAMPLECOUNT()"))
		}
		_, err = e.pz.CreateMetricAttribution(e.ctx, &personalize.CreateMetricAttributionInput{Name: aws.String("x"), DatasetGroupArn: &g,
			Metrics: eleven, MetricsOutputConfig: metricsOutput})
		require.Contains(t, requireCode(t, err, "InvalidInputException"), "Member must have length less than or equal to 10")
	})
}

// SUM(Items.X) needs the group's Items dataset; the names of functions and dataset types may be
// written in any case.
func TestMetricExpressionsAccepted(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		g := e.group(t, "shop", "")
		e.dataset(t, g, "Interactions", e.schema(t, "interactions", `{"type": "record", "name": "Interactions", "fields": [
			{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"}, {"name": "TIMESTAMP", "type": "long"},
			{"name": "EVENT_TYPE", "type": "string"}, {"name": "EVENT_VALUE", "type": ["null", "float"]}]}`))
		metrics := []pztypes.MetricAttribute{metric("a", "click", " SampleCount ( ) "), metric("b", "watch", "sum(interactions.EVENT_VALUE)")}
		_, err := e.pz.CreateMetricAttribution(e.ctx, &personalize.CreateMetricAttributionInput{Name: aws.String("x"), DatasetGroupArn: &g,
			Metrics: append(metrics, metric("c", "buy", "SUM(Items.PRICE)")), MetricsOutputConfig: metricsOutput})
		require.Equal(t, "The expression SUM(Items.PRICE) of metric c sums a column of the ITEMS dataset, and the dataset group "+g+" has none.",
			requireCode(t, err, "InvalidInputException"))
		_, err = e.pz.CreateMetricAttribution(e.ctx, &personalize.CreateMetricAttributionInput{Name: aws.String("x"), DatasetGroupArn: &g,
			Metrics: metrics, MetricsOutputConfig: metricsOutput})
		require.NoError(t, err)
	})
}

func TestUpdateMetricAttributionRefusals(t *testing.T) {
	t.Parallel()
	eachPZDoor(t, func(t *testing.T, e *pzEnv) {
		g := e.shopForMetrics(t, "shop")
		out, err := e.pz.CreateMetricAttribution(e.ctx, &personalize.CreateMetricAttributionInput{Name: aws.String("impact"), DatasetGroupArn: &g,
			Metrics: []pztypes.MetricAttribute{metric("clicks", "click", "SAMPLECOUNT()")}, MetricsOutputConfig: metricsOutput})
		require.NoError(t, err)
		arn := out.MetricAttributionArn
		update := func(in personalize.UpdateMetricAttributionInput) error {
			_, err := e.pz.UpdateMetricAttribution(e.ctx, &in)
			return err
		}
		require.Equal(t, "The metric attribution "+*arn+" is in CREATE PENDING state and cannot be updated.",
			requireCode(t, update(personalize.UpdateMetricAttributionInput{MetricAttributionArn: arn}), "ResourceInUseException"))
		e.clk.Add(time.Minute)

		var eleven []pztypes.MetricAttribute
		for i := range 10 {
			eleven = append(eleven, metric(fmt.Sprint("m", i), "click", "SAMPLECOUNT()"))
		}
		for _, tc := range []struct {
			name          string
			in            personalize.UpdateMetricAttributionInput
			code, message string
		}{
			{"no ARN", personalize.UpdateMetricAttributionInput{}, "InvalidInputException", "metricAttributionArn is required."},
			{"no such attribution", personalize.UpdateMetricAttributionInput{MetricAttributionArn: aws.String(*arn + "x")},
				"ResourceNotFoundException", "Could not find resource: " + *arn + "x"},
			{"removing a metric it lacks", personalize.UpdateMetricAttributionInput{MetricAttributionArn: arn, RemoveMetrics: []string{"views"}},
				"InvalidInputException", "The metric attribution " + *arn + " has no metric named views."},
			{"adding a metric it has", personalize.UpdateMetricAttributionInput{MetricAttributionArn: arn,
				AddMetrics: []pztypes.MetricAttribute{metric("clicks", "click", "SAMPLECOUNT()")}},
				"ResourceAlreadyExistsException", "The metric attribution " + *arn + " already has a metric named clicks."},
			{"removing every metric", personalize.UpdateMetricAttributionInput{MetricAttributionArn: arn, RemoveMetrics: []string{"clicks"}},
				"InvalidInputException", "A metric attribution has 1 to 10 metrics; this update would leave it 0."},
			{"more than 10 metrics", personalize.UpdateMetricAttributionInput{MetricAttributionArn: arn, AddMetrics: eleven},
				"InvalidInputException", "A metric attribution has 1 to 10 metrics; this update would leave it 11."},
			{"a bad expression", personalize.UpdateMetricAttributionInput{MetricAttributionArn: arn,
				AddMetrics: []pztypes.MetricAttribute{metric("n", "buy", "SUM(Items.NOPE)")}}, "InvalidInputException",
				"The expression SUM(Items.NOPE) of metric n sums NOPE, which is not a numeric field of the schema of arn:aws:personalize:us-east-1:123456789012:dataset/shop/ITEMS."},
		} {
			t.Run(tc.name, func(t *testing.T) {
				require.Equal(t, tc.message, requireCode(t, update(tc.in), tc.code))
			})
		}
		require.Equal(t, []string{"clicks=SAMPLECOUNT()"}, e.attributionMetrics(t, *arn), "a refused update changes nothing")
		require.Equal(t, "ACTIVE", aws.ToString(e.attribution(t, *arn).Status))

		_, err = e.pz.ListMetricAttributionMetrics(e.ctx, &personalize.ListMetricAttributionMetricsInput{})
		require.Equal(t, "metricAttributionArn is required.", requireCode(t, err, "InvalidInputException"))
		_, err = e.pz.ListMetricAttributionMetrics(e.ctx, &personalize.ListMetricAttributionMetricsInput{MetricAttributionArn: arn, NextToken: aws.String("made-up")})
		require.Equal(t, "The next token is invalid: made-up", requireCode(t, err, "InvalidNextTokenException"))
	})
}
