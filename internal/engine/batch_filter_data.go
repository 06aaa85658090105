package engine

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/pzfilter"
)

// snapshotFilterData is a dataset group's records as filters read them (pzfilter.Data), taken
// once, at one moment: what a batch job filters with. Records are read from views (no copy)
// and indexed on first use, per dataset, so a job whose filter reads only Items costs only
// the Items dataset.
type snapshotFilterData struct {
	views  map[pzfilter.Dataset]*datasetView
	fields map[pzfilter.Dataset]map[string]map[string]pzfilter.Value // by id, by field (upper case)
	hist   map[pzfilter.Dataset]map[string][]pzfilter.Interaction    // by user, oldest first
}

// filterData takes the views of a group's datasets at now.
func (w *world) filterData(g *datasetGroup, now time.Time) *snapshotFilterData {
	d := &snapshotFilterData{views: map[pzfilter.Dataset]*datasetView{}}
	w.eachUser(g, now, func(u resource) bool {
		ds, ok := u.(*dataset)
		if !ok {
			return true
		}
		if status, _, _ := statusOf(ds, now); status != StatusActive && !updating(status) {
			return true
		}
		if which, known := filterDatasets[ds.typ]; known {
			ds.settle(w, now)
			v := ds.snapshot(now)
			d.views[which] = &v
		}
		return true
	})
	return d
}

// Field reads a field of an item, user or action.
func (d *snapshotFilterData) Field(ds pzfilter.Dataset, id, field string) (pzfilter.Value, bool) {
	if d.fields == nil {
		d.fields = map[pzfilter.Dataset]map[string]map[string]pzfilter.Value{}
	}
	byID, ok := d.fields[ds]
	if !ok {
		byID = d.indexFields(ds)
		d.fields[ds] = byID
	}
	v, ok := byID[id][strings.ToUpper(field)]
	return v, ok
}

// indexFields reads every record of a dataset into values by the schema's types: categorical
// strings, strings, numbers (booleans and text are never filtered).
func (d *snapshotFilterData) indexFields(ds pzfilter.Dataset) map[string]map[string]pzfilter.Value {
	v := d.views[ds]
	if v == nil {
		return nil
	}
	out := map[string]map[string]pzfilter.Value{}
	for _, r := range v.records() {
		values := map[string]pzfilter.Value{}
		var raw map[string]any
		if r.Properties != "" && json.Unmarshal([]byte(r.Properties), &raw) == nil {
			for key, value := range raw {
				f := v.schema.field(fieldName(key))
				if f == nil || f.textual {
					continue
				}
				switch x := value.(type) {
				case string:
					if f.categorical {
						values[strings.ToUpper(f.name)] = pzfilter.Categorical(x)
					} else {
						values[strings.ToUpper(f.name)] = pzfilter.String(x)
					}
				case float64:
					values[strings.ToUpper(f.name)] = pzfilter.Number(x)
				}
			}
		}
		out[r.ID] = values
	}
	return out
}

// Interactions returns a user's interactions (imported, and sent with PutEvents or
// PutActionInteractions), oldest first.
func (d *snapshotFilterData) Interactions(ds pzfilter.Dataset, userID string) []pzfilter.Interaction {
	if d.hist == nil {
		d.hist = map[pzfilter.Dataset]map[string][]pzfilter.Interaction{}
	}
	byUser, ok := d.hist[ds]
	if !ok {
		byUser = d.indexInteractions(ds)
		d.hist[ds] = byUser
	}
	return byUser[userID]
}

func (d *snapshotFilterData) indexInteractions(ds pzfilter.Dataset) map[string][]pzfilter.Interaction {
	v := d.views[ds]
	if v == nil {
		return nil
	}
	out := map[string][]pzfilter.Interaction{}
	switch ds {
	case pzfilter.Interactions:
		td := trainingData{interactions: v}
		for _, it := range td.data().Interactions {
			out[it.UserID] = append(out[it.UserID], pzfilter.Interaction{ID: it.ItemID, EventType: it.EventType, Timestamp: time.Unix(it.Timestamp, 0).UTC()})
		}
	case pzfilter.ActionInteractions:
		for _, r := range v.records() {
			out[r.UserID] = append(out[r.UserID], pzfilter.Interaction{ID: r.ActionID, EventType: r.EventType, Timestamp: r.Timestamp})
		}
	}
	for _, h := range out {
		slices.SortStableFunc(h, func(a, b pzfilter.Interaction) int {
			return cmp.Compare(a.Timestamp.UnixNano(), b.Timestamp.UnixNano())
		})
	}
	return out
}

// itemIDs are the ids of the Items dataset's records, in the order they arrived.
func (d *snapshotFilterData) itemIDs() []string {
	v := d.views[pzfilter.Items]
	if v == nil {
		return nil
	}
	rs := v.records()
	ids := make([]string, 0, len(rs))
	seen := map[string]bool{}
	for _, r := range rs {
		if !seen[r.ID] {
			seen[r.ID] = true
			ids = append(ids, r.ID)
		}
	}
	return ids
}
