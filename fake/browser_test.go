package fake_test

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"
)

// The dashboard in a real browser: headless Chromium (Debian's chromium package; .ci/steps/
// browser.sh installs it) loads the page of a fake that holds resources, a failed call and a
// description that tries to run script, and the DOM it builds is checked. Its screenshot goes
// to $AWSFAKE_SCREENSHOT_DIR when set (CI keeps it). Skipped where no Chromium is installed.
func TestDashboardInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("a browser test: not with -short")
	}
	browser := findChromium()
	if browser == "" {
		t.Skip("no Chromium here (install Debian's chromium package to run the browser test)")
	}
	t.Parallel()
	f, _ := dashboardFake(t)
	// A payload that would change the page's title if the browser ran it.
	const pwn = `<script>document.title="pwned"</script><img src=x onerror="document.title='pwned'">`
	_, err := f.SageMaker().CreateAction(context.Background(), &sagemaker.CreateActionInput{ActionName: aws.String("pwn"), ActionType: aws.String("T"),
		Description: aws.String(pwn), Properties: map[string]string{"p": pwn}, Source: &types.ActionSource{SourceUri: aws.String("s3://x")}})
	require.NoError(t, err)
	srv := httptest.NewServer(f.Handler()) // 127.0.0.1 only
	defer srv.Close()
	url := srv.URL + "/_fake/ui"

	dom := runChromium(t, browser, "--dump-dom", "--virtual-time-budget=2000", url)
	require.Contains(t, dom, "<title>awsfake</title>", "no script of a caller ran")
	require.NotContains(t, dom, "pwned</title>")
	require.NotContains(t, dom, "<img")
	for _, want := range []string{
		`<td class="name">deploy</td>`, `<td class="name">shop</td>`, `<td class="name">clicks</td>`, `<td class="name">pwn</td>`,
		`data-status="ACTIVE">ACTIVE`, `data-status="CREATE FAILED">CREATE FAILED`, `data-status="DELETE PENDING">DELETE PENDING`,
		`data-from="arn:aws:sagemaker:us-east-1:123456789012:action/deploy" data-to="arn:aws:sagemaker:us-east-1:123456789012:context/prod_ep"`,
		`<tr class="call failed injected">`, `<span class="tag error">ResourceNotFound</span>`,
	} {
		require.Contains(t, dom, want)
	}
	// Every lineage entity of us-east-1 is a node of its graph (deploy, hostile, pwn, two
	// artifacts, a context and a trial component) and the three associations are edges.
	east := dom[strings.Index(dom, `data-region="us-east-1"`):]
	east = east[:strings.Index(east, "</svg>")]
	require.Equal(t, 7, strings.Count(east, `<g class="node `))
	require.Equal(t, 3, strings.Count(east, `<g class="edge"`))

	// Each dataset holds a count, linked to a page of its newest records with their mismatches.
	require.Contains(t, dom, `dataset%2fshop%2fITEMS">2 records</a>`)
	require.Contains(t, dom, `dataset%2fshop%2fINTERACTIONS">2 events</a>`)
	records := runChromium(t, browser, "--dump-dom", "--virtual-time-budget=2000",
		srv.URL+"/_fake/ui/records?datasetArn=arn%3Aaws%3Apersonalize%3Aus-east-1%3A123456789012%3Adataset%2Fshop%2FITEMS")
	require.Contains(t, records, "records 1–2 of 2, newest first")
	require.Contains(t, records, `<td class="name">i1</td>`)
	require.Contains(t, records, `<span class="muted">properties</span> <code>{"genres":"A"}</code>`)

	dir := os.Getenv("AWSFAKE_SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	shot, err := filepath.Abs(filepath.Join(dir, "dashboard.png"))
	require.NoError(t, err)
	runChromium(t, browser, "--screenshot="+shot, "--window-size=1280,1400", "--hide-scrollbars", url)
	png, err := os.ReadFile(shot)
	require.NoError(t, err)
	require.Greater(t, len(png), 10_000, "a screenshot of a page, not of nothing")
	require.Equal(t, "\x89PNG", string(png[:4]))
	t.Logf("screenshot: %s", shot)
}

// chromiumFlags are the flags every run needs: headless, and no background connections on
// this machine's closed network.
func chromiumFlags(t *testing.T) []string {
	return []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
		"--disable-extensions", "--no-default-browser-check", "--user-data-dir=" + t.TempDir()}
}

func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// runChromium runs headless Chromium once, bounded in time, with the flags this machine's
// closed network needs (no background connections), and returns what it printed.
func runChromium(t *testing.T, browser string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, append(chromiumFlags(t), args...)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "chromium: %s", stderr.String())
	return string(out)
}

// The dashboard's clock control, clicked in a real browser under the page's CSP (its script
// runs by nonce) and the server's guard (a same-origin JSON POST): the manual clock moves by what
// was typed and the reloaded page shows it.
func TestDashboardClockControlInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("a browser test: not with -short")
	}
	browser := findChromium()
	if browser == "" {
		t.Skip("no Chromium here (install Debian's chromium package to run the browser test)")
	}
	t.Parallel()
	f, clk := dashboardFake(t)
	srv := httptest.NewServer(f.Handler())
	defer srv.Close()
	d := openDevtools(t, browser, srv.URL+"/")
	var title, path string
	d.eval(`document.title`, &title)
	d.eval(`location.pathname`, &path)
	require.Equal(t, "awsfake", title)
	require.Equal(t, "/_fake/ui", path, "GET / sent the browser to the dashboard")
	before := clk.Now()
	require.Equal(t, before.UTC().Format("2006-01-02 15:04:05.000"), d.text("now"))

	d.eval(`document.getElementById("by").value = "2h"; document.getElementById("advance").requestSubmit(); true`, nil)
	d.waitEvent("Page.loadEventFired") // the script reloads the page once the clock moved
	d.loaded()
	require.Equal(t, before.Add(2*time.Hour), clk.Now(), "the clock moved by what was typed")
	require.Equal(t, before.Add(2*time.Hour).UTC().Format("2006-01-02 15:04:05.000"), d.text("now"))
	d.eval(`location.search`, &path)
	require.Empty(t, path, "the script sent it, not the form (which would add a query)")

	// A bad duration is shown beside the control, and nothing moves.
	d.eval(`new Promise(resolve => {
		const out = document.getElementById("advance-error");
		new MutationObserver(() => resolve(out.textContent)).observe(out, {childList: true, characterData: true, subtree: true});
		document.getElementById("by").value = "soon";
		document.getElementById("advance").requestSubmit();
	})`, &title)
	require.Contains(t, title, "duration must be a non-negative Go duration")
	require.Equal(t, before.Add(2*time.Hour), clk.Now())
}
