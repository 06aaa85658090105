package fake_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

func TestListDatasetGroups(t *testing.T) {
	t.Parallel()
	p := newPZ(t, fake.WithQuota(fake.DatasetGroups, 100))
	for i := 0; i < 25; i++ {
		p.ok("CreateDatasetGroup", map[string]any{"name": fmt.Sprintf("g%02d", i)})
		p.clk.Add(time.Second)
	}
	var names []string
	in := map[string]any{"maxResults": 10}
	pages := 0
	for {
		out := p.ok("ListDatasetGroups", in)
		pages++
		for _, g := range out["datasetGroups"].([]any) {
			names = append(names, g.(map[string]any)["name"].(string))
		}
		tok, ok := out["nextToken"]
		if !ok {
			break
		}
		in["nextToken"] = tok
	}
	require.Equal(t, 3, pages)
	require.Len(t, names, 25)
	require.Equal(t, "g24", names[0], "newest first")
	require.Equal(t, "g00", names[24])

	first := p.ok("ListDatasetGroups", map[string]any{})["datasetGroups"].([]any)[0].(map[string]any)
	require.Equal(t, "CREATE PENDING", first["status"])
	require.Equal(t, "arn:aws:personalize:us-east-1:123456789012:dataset-group/g24", first["datasetGroupArn"])

	p.fails("ListDatasetGroups", map[string]any{"nextToken": "forged"}, "InvalidNextTokenException")
	p.fails("ListDatasetGroups", map[string]any{"maxResults": 101}, "InvalidInputException")

	// Gone groups drop out of the listing.
	p.clk.Add(time.Hour)
	p.ok("DeleteDatasetGroup", map[string]any{"datasetGroupArn": "arn:aws:personalize:us-east-1:123456789012:dataset-group/g24"})
	p.clk.Add(time.Hour)
	out := p.ok("ListDatasetGroups", map[string]any{"maxResults": 100})["datasetGroups"].([]any)
	require.Len(t, out, 24)
}

func TestListEventTrackers(t *testing.T) {
	t.Parallel()
	p := newPZ(t)
	var groups, trackers []string
	for i := 0; i < 3; i++ {
		g := p.activeGroup(fmt.Sprintf("g%d", i))
		tr, _ := p.activeTracker(g)
		groups, trackers = append(groups, g), append(trackers, tr)
	}
	all := p.ok("ListEventTrackers", map[string]any{})["eventTrackers"].([]any)
	require.Len(t, all, 3)
	s := all[0].(map[string]any)
	require.Equal(t, trackers[2], s["eventTrackerArn"])
	require.Equal(t, "ACTIVE", s["status"])
	require.NotContains(t, s, "trackingId", "summaries carry no trackingId")

	one := p.ok("ListEventTrackers", map[string]any{"datasetGroupArn": groups[1]})["eventTrackers"].([]any)
	require.Len(t, one, 1)
	require.Equal(t, trackers[1], one[0].(map[string]any)["eventTrackerArn"])

	none := p.ok("ListEventTrackers", map[string]any{"datasetGroupArn": "arn:aws:personalize:us-east-1:123456789012:dataset-group/none"})
	require.Empty(t, none["eventTrackers"])

	page := p.ok("ListEventTrackers", map[string]any{"maxResults": 2})
	require.Len(t, page["eventTrackers"], 2)
	rest := p.ok("ListEventTrackers", map[string]any{"maxResults": 2, "nextToken": page["nextToken"]})
	require.Len(t, rest["eventTrackers"], 1)
	require.NotContains(t, rest, "nextToken")
	p.fails("ListEventTrackers", map[string]any{"nextToken": page["nextToken"].(string) + "x"}, "InvalidNextTokenException")
}
