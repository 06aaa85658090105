package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
	"github.com/stretchr/testify/require"
)

func sageMakerAt(url string) *sagemaker.Client {
	return sagemaker.New(sagemaker.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), Credentials: creds()})
}

func createActionAt(t *testing.T, url, name string) {
	t.Helper()
	_, err := sageMakerAt(url).CreateAction(context.Background(), &sagemaker.CreateActionInput{ActionName: aws.String(name),
		ActionType: aws.String("t"), Source: &types.ActionSource{SourceUri: aws.String("s3://x")}})
	require.NoError(t, err)
}

func actionNamesAt(t *testing.T, url string) []string {
	t.Helper()
	out, err := sageMakerAt(url).ListActions(context.Background(), &sagemaker.ListActionsInput{SortBy: types.SortActionsByName, SortOrder: types.SortOrderAscending})
	require.NoError(t, err)
	var names []string
	for _, a := range out.ActionSummaries {
		names = append(names, aws.ToString(a.ActionName))
	}
	return names
}

// A state file that cannot be written is refused at start, with a message that says why, before
// the server serves anything.
func TestStateUnwritableIsRefusedAtStart(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	aFile := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(aFile, nil, 0o644))
	for _, c := range []struct{ path, want string }{
		{filepath.Join(dir, "missing", "state.json"), "does not exist (create it first)"},
		{filepath.Join(aFile, "state.json"), "is not a folder"},
		{"/sys/x.json", "cannot be written"},
		{dir, "is not a regular file"},
	} {
		var stdout strings.Builder
		err := run([]string{"-addr", "127.0.0.1:0", "-state", c.path}, &stdout, io.Discard, nil)
		require.ErrorContains(t, err, c.want, c.path)
		require.True(t, strings.HasPrefix(err.Error(), "-state: "), "named as the flag: %v", err)
		require.Empty(t, stdout.String(), "no URL printed: it never served")
	}
}

// A second server on the same file refuses to start and names the first; the first keeps its
// file, and once it has stopped the file is free again.
func TestStateFileIsLocked(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "state.json")
	link := path + ".link" // another name of the same file
	require.NoError(t, os.Symlink(path, link))
	first := startProcess(t, "-addr", "127.0.0.1:0", "-state", path)
	createActionAt(t, first.url, "first")

	for _, p := range []string{path, link} {
		err := run([]string{"-addr", "127.0.0.1:0", "-state", p}, io.Discard, io.Discard, nil)
		require.ErrorContains(t, err, "is in use by another awsfake")
		require.ErrorContains(t, err, "pid "+strconv.Itoa(first.cmd.Process.Pid))
		require.ErrorContains(t, err, "serving "+first.url)
	}
	require.NoError(t, first.cmd.Process.Signal(syscall.SIGTERM))
	require.NoError(t, first.cmd.Wait())

	second := startServer(t, "-addr", "127.0.0.1:0", "-state", link)
	defer func() { close(second.stop); require.NoError(t, <-second.done) }()
	require.Equal(t, []string{"first"}, actionNamesAt(t, second.url))
}

// kill -9 loses nothing older than one period: what was there when the periodic save ran comes
// back; SIGHUP saves at once and the server goes on.
func TestStateSurvivesKill9(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "state.json")
	p := startProcess(t, "-addr", "127.0.0.1:0", "-state", path, "-state-interval", "50ms")
	p.waitFor(t, "does not exist yet")
	createActionAt(t, p.url, "saved-by-the-period")
	p.waitFor(t, "state saved to "+path)

	createActionAt(t, p.url, "saved-by-sighup")
	require.NoError(t, p.cmd.Process.Signal(syscall.SIGHUP))
	p.waitFor(t, "SIGHUP: state saved")
	createActionAt(t, p.url, "still-serving")
	require.NoError(t, p.cmd.Process.Kill()) // kill -9: no chance to save at exit
	_ = p.cmd.Wait()

	q := startProcess(t, "-addr", "127.0.0.1:0", "-state", path)
	q.waitFor(t, "state: loaded 2 resources") // the two actions saved; the lineage group is not counted
	names := actionNamesAt(t, q.url)
	require.Subset(t, names, []string{"saved-by-sighup", "saved-by-the-period"})
}

// What a state holds comes back after a restart: the lineage group's tags, the manual clock's
// time; the file keeps its mode and stays a link to its target.
func TestStateRestartKeepsEverything(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	target := filepath.Join(dir, "real", "state.json")
	require.NoError(t, os.Mkdir(filepath.Dir(target), 0o755))
	require.NoError(t, os.WriteFile(target, []byte(`{"seeds": {}}`), 0o640))
	link := filepath.Join(dir, "state.json")
	require.NoError(t, os.Symlink(target, link))

	var banner strings.Builder
	first := startServerTo(t, &banner, "-addr", "127.0.0.1:0", "-clock", "manual", "-state", link)
	createActionAt(t, first.url, "deploy")
	lg := aws.String("arn:aws:sagemaker:us-east-1:123456789012:lineage-group/sagemaker-default-lineage-group")
	_, err := sageMakerAt(first.url).AddTags(context.Background(), &sagemaker.AddTagsInput{ResourceArn: lg, Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("ml")}}})
	require.NoError(t, err)
	advance(t, first.url, "240h")
	_, _, before := hit(t, first, "GET", "/_fake/clock", "", nil, "")
	close(first.stop)
	require.NoError(t, <-first.done)

	st, err := os.Lstat(link)
	require.NoError(t, err)
	require.NotZero(t, st.Mode()&os.ModeSymlink, "the link is still a link")
	st, err = os.Stat(target)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o640), st.Mode().Perm(), "the file keeps its mode")

	banner.Reset()
	second := startServerTo(t, &banner, "-addr", "127.0.0.1:0", "-clock", "manual", "-state", link)
	defer func() { close(second.stop); require.NoError(t, <-second.done) }()
	tags, err := sageMakerAt(second.url).ListTags(context.Background(), &sagemaker.ListTagsInput{ResourceArn: lg})
	require.NoError(t, err)
	require.Equal(t, []types.Tag{{Key: aws.String("team"), Value: aws.String("ml")}}, tags.Tags)
	_, _, after := hit(t, second, "GET", "/_fake/clock", "", nil, "")
	require.Equal(t, before, after, "the manual clock goes on from where it was, ten days on")
	require.Contains(t, banner.String(), "loaded 1 resource and 0 sets of records or events")
}

// A 42 MiB state (far over the old 32 MiB control limit) round-trips: GET /_fake/state of one
// server, POST /_fake/scenario of another, the same document back.
func TestStateOf42MiBRoundTrips(t *testing.T) {
	if testing.Short() || raceEnabled() {
		t.Skip("moves 42 MiB several times, which the race detector makes a minute long")
	}
	t.Parallel()
	a := startServer(t, "-addr", "127.0.0.1:0", "-clock", "manual", "-seed", "1", "-call-log", "0")
	defer func() { close(a.stop); require.NoError(t, <-a.done) }()
	const (
		calls = 160
		value = 29_000
	)
	groupAndItems(t, a, calls, value)
	status, _, doc := hit(t, a, "GET", "/_fake/state", "", nil, "")
	require.Equal(t, http.StatusOK, status)
	require.Greater(t, len(doc), 42<<20, "a state over 42 MiB")

	b := startServer(t, "-addr", "127.0.0.1:0", "-clock", "manual", "-seed", "1", "-call-log", "0")
	defer func() { close(b.stop); require.NoError(t, <-b.done) }()
	status, _, body := hit(t, b, "POST", "/_fake/scenario", "", map[string]string{"Content-Type": "application/json"}, doc)
	require.Equal(t, http.StatusOK, status, body)
	_, _, again := hit(t, b, "GET", "/_fake/state", "", nil, "")
	require.Equal(t, len(doc), len(again))
	require.True(t, doc == again, "the same document back")
}

// groupAndItems makes a dataset group with an Items dataset, and puts calls batches of ten
// items whose properties are value characters long.
func groupAndItems(t *testing.T, s *running, calls, value int) {
	t.Helper()
	pz := func(op, body string) string {
		status, _, out := hit(t, s, "POST", "/", "", map[string]string{"X-Amz-Target": "AmazonPersonalize." + op, "Content-Type": "application/x-amz-json-1.1"}, body)
		require.Equal(t, http.StatusOK, status, "%s: %s", op, out)
		return out
	}
	pz("CreateDatasetGroup", `{"name":"big"}`)
	advance(t, s.url, "2m")
	pz("CreateSchema", `{"name":"items","schema":"{\"type\":\"record\",\"name\":\"Items\",\"namespace\":\"com.amazonaws.personalize.schema\",\"fields\":[{\"name\":\"ITEM_ID\",\"type\":\"string\"},{\"name\":\"NOTE\",\"type\":\"string\"}],\"version\":\"1.0\"}"}`)
	pz("CreateDataset", `{"name":"items","datasetGroupArn":"arn:aws:personalize:us-east-1:123456789012:dataset-group/big","datasetType":"Items","schemaArn":"arn:aws:personalize:us-east-1:123456789012:schema/items"}`)
	advance(t, s.url, "2m")
	note := strings.Repeat("n", value)
	for i := range calls {
		var items []string
		for j := range 10 {
			items = append(items, `{"itemId":"i`+strconv.Itoa(i*10+j)+`","properties":"{\"note\":\"`+note+`\"}"}`)
		}
		status, _, out := hit(t, s, "POST", "/items", "", map[string]string{"Content-Type": "application/json"},
			`{"datasetArn":"arn:aws:personalize:us-east-1:123456789012:dataset/big/ITEMS","items":[`+strings.Join(items, ",")+`]}`)
		require.Equal(t, http.StatusOK, status, out)
	}
}
