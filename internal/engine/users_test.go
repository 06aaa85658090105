package engine

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// What a resource refers to is of a kind kinds.txt declares it needs, the index of users lists
// exactly what the resources refer to, and a purged resource leaves it.
func TestUsersFollowTheDeclaration(t *testing.T) {
	t.Parallel()
	e := New(Config{Clock: newStepClock(), Lifecycles: map[string]Lifecycle{catalog.DatasetGroups: {}, catalog.Datasets: {},
		catalog.EventTrackers: {}}})
	s := func(v string) *string { return &v }
	items := `{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": "string"}, {"name": "GENRE", "type": ["null", "string"], "categorical": true}]}`
	more := `{"type": "record", "name": "Items", "fields": [{"name": "ITEM_ID", "type": "string"}, {"name": "GENRE", "type": ["null", "string"], "categorical": true}, {"name": "PRICE", "type": ["null", "float"]}]}`
	group := "arn:aws:personalize:us-east-1:123456789012:dataset-group/g"
	for _, c := range []struct {
		op *Op
		in any
	}{
		{OpCreateDatasetGroup, &personalize.CreateDatasetGroupInput{Name: s("g")}},
		{OpCreateSchema, &personalize.CreateSchemaInput{Name: s("items"), Schema: &items}},
		{OpCreateSchema, &personalize.CreateSchemaInput{Name: s("more"), Schema: &more}},
		{OpCreateDataset, &personalize.CreateDatasetInput{Name: s("items"), DatasetGroupArn: &group, DatasetType: s("Items"),
			SchemaArn: s("arn:aws:personalize:us-east-1:123456789012:schema/items")}},
		{OpCreateEventTracker, &personalize.CreateEventTrackerInput{Name: s("t"), DatasetGroupArn: &group}},
		{OpUpdateDataset, &personalize.UpdateDatasetInput{DatasetArn: s("arn:aws:personalize:us-east-1:123456789012:dataset/g/ITEMS"),
			SchemaArn: s("arn:aws:personalize:us-east-1:123456789012:schema/more")}},
	} {
		_, err := e.Invoke(context.Background(), Scope{}, c.op, c.in)
		require.NoError(t, err, "%s", c.op.Name)
	}
	w := e.worlds[Scope{Account: DefaultAccount, Region: DefaultRegion}]
	arnType := func(r resource) string { // the type and how many path segments follow it
		p, _ := parseARN(r.base().arn)
		typ, id, _ := strings.Cut(p.resource, "/")
		return fmt.Sprintf("%s %d", typ, strings.Count(id, "/")+1)
	}
	want := map[resource][]resource{}
	for _, tb := range w.tables {
		for _, r := range tb.all() {
			if n, ok := r.(needer); ok {
				for _, used := range n.needs() {
					if used == nil {
						continue
					}
					require.Contains(t, kindNeeds[arnType(r)], arnType(used), "%s refers to %s", r.base().arn, used.base().arn)
					want[used] = append(want[used], r)
				}
			}
		}
	}
	require.Len(t, want, 3, "the group, and the dataset's two schemas")
	got := map[resource][]resource{}
	for _, tb := range w.tables {
		for _, r := range tb.all() {
			if u, ok := r.(used); ok && u.usage().users != nil {
				got[r] = u.usage().users
			}
		}
	}
	require.Equal(t, want, got)

	// A purged resource leaves the index, as what it used and as what others use.
	d, _ := w.datasets.lookup("arn:aws:personalize:us-east-1:123456789012:dataset/g/ITEMS", e.now())
	w.datasets.purge(d)
	tr := w.eventTrackers.all()[0]
	w.eventTrackers.purge(tr)
	for _, tb := range w.tables {
		for _, r := range tb.all() {
			if u, ok := r.(used); ok {
				require.Empty(t, u.usage().users, "%s", r.base().arn)
			}
		}
	}
}
