package fake_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	petypes "github.com/aws/aws-sdk-go-v2/service/personalizeevents/types"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/scenario"
)

const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)>`

// dashboardFake is a fake with every kind of resource, a failed call, an injected fault that
// fired once, and hostile strings in the places a caller chooses one that AWS lets hold them
// (tag values may not).
func dashboardFake(t *testing.T) (*fake.Fake, *clock.Mock) {
	t.Helper()
	clk := mockClock()
	f := fake.New(fake.WithClock(clk), fake.WithQuota(fake.DatasetGroups, 10))
	richState(t, f, clk)
	ctx := context.Background()
	_, err := f.SageMaker().CreateAction(ctx, &sagemaker.CreateActionInput{ActionName: aws.String("hostile"), ActionType: aws.String(hostile),
		Description: aws.String(hostile), Properties: map[string]string{"k": hostile}, Source: &types.ActionSource{SourceUri: aws.String(hostile)}})
	require.NoError(t, err)
	_, err = f.SageMaker().DescribeAction(ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("missing")})
	require.Error(t, err)
	f.AddRules(scenario.On("personalize", "CreateDatasetGroup").Times(1).Fail(scenario.LimitExceeded("too many")))
	_, err = f.Personalize().CreateDatasetGroup(ctx, &personalize.CreateDatasetGroupInput{Name: aws.String("refused")})
	require.Error(t, err)
	_, err = f.Personalize().DeleteDatasetGroup(ctx, &personalize.DeleteDatasetGroupInput{DatasetGroupArn: aws.String("arn:aws:personalize:us-east-1:123456789012:dataset-group/young")})
	require.NoError(t, err)
	return f, clk
}

func TestDashboard(t *testing.T) {
	t.Parallel()
	f, _ := dashboardFake(t)
	status, hdr, body := rawCallBytes(t, f.Handler(), "GET", "/_fake/ui", nil, "")
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, "text/html; charset=utf-8", hdr.Get("Content-Type"))
	page := string(body)

	for _, want := range []string{
		// Both Regions, their resources and statuses.
		"account 123456789012 · us-east-1", "account 123456789012 · eu-west-1",
		`<td class="name">deploy</td>`, `<td class="name">west</td>`, `<td class="name">prod_ep</td>`,
		`<td class="name">shop</td>`, `<td class="name">clicks</td>`, `<td class="name">d-Items</td>`, `<td class="name">s-Users</td>`,
		`data-status="ACTIVE">ACTIVE`, `data-status="CREATE FAILED">CREATE FAILED <span class="muted">(no luck)</span>`,
		`data-status="CREATE IN_PROGRESS">CREATE IN_PROGRESS`, `data-status="DELETE PENDING">DELETE PENDING`,
		// The graph: nodes and the two edges of richState.
		`<g class="node action" data-arn="arn:aws:sagemaker:us-east-1:123456789012:action/deploy">`,
		`<g class="node context" data-arn="arn:aws:sagemaker:us-east-1:123456789012:context/prod_ep">`,
		`data-arn="arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/prep">`,
		`<td class="name">ab-test</td>`, `<td class="name">Arm-A</td>`, `<td class="name">prep</td>`,
		`data-to="arn:aws:sagemaker:us-east-1:123456789012:action/deploy"`,
		`data-from="arn:aws:sagemaker:us-east-1:123456789012:action/deploy" data-to="arn:aws:sagemaker:us-east-1:123456789012:context/prod_ep"`,
		">ContributedTo</text>",
		// Calls: a failed one, an injected one; the rule that fired once.
		`<span class="tag error">ResourceNotFound</span>`,
		`<span class="tag error">LimitExceededException</span> too many <span class="tag injected">injected</span>`,
		`<td>answers LimitExceededException; once</td><td>1</td><td class="fired">1</td>`,
		// A manual clock, with its control.
		"2026-11-21 12:04:30.000", "(manual)", `id="advance"`,
	} {
		require.Contains(t, page, want)
	}
	require.NotContains(t, page, "dataset-group/old<", "a deleted group is gone")
	// Calls newest first: the injected call comes before the failed describe.
	require.Less(t, strings.Index(page, "LimitExceededException"), strings.Index(page, ">ResourceNotFound<"))
}

// No string a caller chose can add markup or script: the page has exactly its own script, and
// the hostile string appears only escaped.
func TestDashboardEscapes(t *testing.T) {
	t.Parallel()
	f, _ := dashboardFake(t)
	_, _, body := rawCallBytes(t, f.Handler(), "GET", "/_fake/ui", nil, "")
	page := string(body)
	require.Equal(t, 1, strings.Count(page, "<script"), "only the page's own script")
	require.NotContains(t, page, "<img")
	require.NotContains(t, page, hostile)
	require.Contains(t, page, `&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;`)
	require.Regexp(t, regexp.MustCompile(`default-src 'none'`), rawHeader(t, f, "Content-Security-Policy"))
}

// On the real clock the page has no control and no script.
func TestDashboardRealClock(t *testing.T) {
	t.Parallel()
	f := fake.New()
	_, _, body := rawCallBytes(t, f.Handler(), "GET", "/_fake/ui", nil, "")
	page := string(body)
	require.Contains(t, page, "(real)")
	require.Contains(t, page, "No resources")
	require.NotContains(t, page, "<script")
}

// The page's control advances the clock through the control endpoint, and the page shows it.
func TestDashboardClockMoves(t *testing.T) {
	t.Parallel()
	f, clk := dashboardFake(t)
	before := clk.Now()
	status, _, _ := rawCall(t, f.Handler(), "POST", "/_fake/clock/advance", jsonContent, `{"duration":"90s"}`)
	require.Equal(t, http.StatusOK, status)
	_, _, body := rawCallBytes(t, f.Handler(), "GET", "/_fake/ui", nil, "")
	require.Contains(t, string(body), before.Add(90*time.Second).UTC().Format("2006-01-02 15:04:05.000"))
	require.NotContains(t, string(body), `data-status="CREATE IN_PROGRESS"`, "fresh became ACTIVE")
}

func rawHeader(t *testing.T, f *fake.Fake, name string) string {
	t.Helper()
	_, hdr, _ := rawCallBytes(t, f.Handler(), "GET", "/_fake/ui", nil, "")
	return hdr.Get(name)
}

// The page runs only its own script, allowed by a nonce new on every answer; no inline script
// is allowed by kind ('unsafe-inline'), and no site may frame it.
func TestDashboardContentSecurityPolicy(t *testing.T) {
	t.Parallel()
	f, _ := dashboardFake(t)
	nonces := map[string]bool{}
	for range 2 {
		_, hdr, body := rawCallBytes(t, f.Handler(), "GET", "/_fake/ui", nil, "")
		csp := hdr.Get("Content-Security-Policy")
		require.NotContains(t, csp, "unsafe-inline")
		require.Contains(t, csp, "frame-ancestors 'none'")
		m := regexp.MustCompile(`script-src 'nonce-([A-Za-z0-9_-]{22})'`).FindStringSubmatch(csp)
		require.NotNil(t, m, csp)
		require.Contains(t, string(body), `<script nonce="`+m[1]+`">`)
		require.Contains(t, string(body), `<style nonce="`+m[1]+`">`)
		nonces[m[1]] = true
	}
	require.Len(t, nonces, 2, "a new nonce on every answer")
}

// Each dataset shows its type and how many records or events it holds, linked to a page of the
// newest; ARNs wrap only after a colon or a slash.
func TestDashboardDatasets(t *testing.T) {
	t.Parallel()
	f, _ := dashboardFake(t)
	_, _, body := rawCallBytes(t, f.Handler(), "GET", "/_fake/ui", nil, "")
	page := string(body)
	for _, want := range []string{
		`<td class="name">d-Items</td><td>ITEMS</td>`,
		`<a class="records" href="/_fake/ui/records?datasetArn=arn%3aaws%3apersonalize%3aus-east-1%3a123456789012%3adataset%2fshop%2fITEMS">2 records</a>`,
		`dataset%2fshop%2fINTERACTIONS">2 events</a>`,
		`dataset%2fshop%2fUSERS">0 records</a>`,
		`<code class="arn"><span class="nw">arn:</span><wbr><span class="nw">aws:</span><wbr><span class="nw">personalize:</span><wbr><span class="nw">us-east-1:</span><wbr><span class="nw">123456789012:</span><wbr><span class="nw">dataset/</span><wbr><span class="nw">shop/</span><wbr><span class="nw">ITEMS</span></code>`,
	} {
		require.Contains(t, page, want)
	}
}

// The records page: the newest first, paged, each with what it says and its mismatches.
func TestDashboardRecordsPage(t *testing.T) {
	t.Parallel()
	f, clk := dashboardFake(t)
	items := "arn:aws:personalize:us-east-1:123456789012:dataset/shop/ITEMS"
	for i := range 60 {
		props := `{"genres": "A"}`
		if i%2 == 1 {
			props = `{"colour": "red"}`
		}
		_, err := f.PersonalizeEvents().PutItems(context.Background(), &personalizeevents.PutItemsInput{DatasetArn: &items,
			Items: []petypes.Item{{ItemId: aws.String(fmt.Sprint("n", i)), Properties: aws.String(props)}}})
		require.NoError(t, err)
		clk.Add(time.Second)
	}
	get := func(query string) (int, string) {
		status, _, body := rawCallBytes(t, f.Handler(), "GET", "/_fake/ui/records?"+query, nil, "")
		return status, string(body)
	}
	status, first := get("datasetArn=" + url.QueryEscape(items))
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, first, "records 1–50 of 62, newest first")
	require.Less(t, strings.Index(first, `<td class="name">n59</td>`), strings.Index(first, `<td class="name">n58</td>`), "newest first")
	require.Contains(t, first, `<div class="mismatch">the property &#34;colour&#34; is no field of the schema</div>`)
	require.Contains(t, first, `rel="next"`)
	require.NotContains(t, first, `rel="prev"`)
	require.NotContains(t, first, `<td class="name">n9</td>`, "on the next page")

	_, second := get("datasetArn=" + url.QueryEscape(items) + "&page=2")
	require.Contains(t, second, "records 51–62 of 62")
	require.Contains(t, second, `<td class="name">i1</td>`, "the oldest last")
	require.Contains(t, second, `rel="prev"`)
	require.NotContains(t, second, `rel="next"`)

	_, events := get("datasetArn=" + url.QueryEscape("arn:aws:personalize:us-east-1:123456789012:dataset/shop/INTERACTIONS"))
	require.Contains(t, events, "events 1–2 of 2")
	require.Contains(t, events, `<span class="muted">eventType</span> <code>buy</code>`)

	status, missing := get("datasetArn=" + url.QueryEscape(items+"x"))
	require.Equal(t, http.StatusNotFound, status)
	require.Contains(t, missing, "No such dataset")
}
