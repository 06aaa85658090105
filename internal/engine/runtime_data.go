package engine

import (
	"encoding/json"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/csvimport"
	"github.com/awsfake/awsfake/internal/pzfilter"
)

// runtimeData is a dataset group's records as a runtime filter reads them (pzfilter.Data) and
// as metadataColumns reads them, for one request: an item's, user's or action's fields are its
// latest record's (the one PutItems, PutUsers or PutActions put, else the one an import put),
// each record read once per request; a user's interactions are those imported and those sent
// (PutEvents, PutActionInteractions), every one, oldest first. The engine's lock is held
// throughout: a Matcher calls it from inside the model's Keep, which runs in the operation.
type runtimeData struct {
	w        *world
	g        *datasetGroup
	now      time.Time
	datasets map[pzfilter.Dataset]*dataset
	props    map[recordKey]map[string]any
}

type recordKey struct {
	ds pzfilter.Dataset
	id string
}

func newRuntimeData(w *world, g *datasetGroup, now time.Time) *runtimeData {
	w.settleDeletions(g, now) // a data deletion job that completed has removed its users' data
	return &runtimeData{w: w, g: g, now: now}
}

// datasetTypeOf is the dataset type a filter's dataset names.
var datasetTypeOf = func() map[pzfilter.Dataset]string {
	out := map[pzfilter.Dataset]string{}
	for typ, ds := range filterDatasets {
		out[ds] = typ
	}
	return out
}()

// dataset is the group's dataset of a filter's kind, or nil.
func (r *runtimeData) dataset(ds pzfilter.Dataset) *dataset {
	if d, ok := r.datasets[ds]; ok {
		return d
	}
	if r.datasets == nil {
		r.datasets = map[pzfilter.Dataset]*dataset{}
	}
	d := r.w.groupDataset(r.g, datasetTypeOf[ds], r.now)
	r.datasets[ds] = d
	return d
}

// record is the properties of an item, user or action, keyed by schema field name in upper case.
func (r *runtimeData) record(ds pzfilter.Dataset, id string) map[string]any {
	key := recordKey{ds, id}
	if p, ok := r.props[key]; ok {
		return p
	}
	var props map[string]any
	if d := r.dataset(ds); d != nil {
		raw, found := "", false
		if i, ok := d.records.byID[id]; ok {
			raw, found = d.records.list.at(i).Properties, true
		} else if i, ok := d.imported.byID[id]; ok {
			raw, found = d.imported.records[i].Properties, true
		}
		if found {
			var parsed map[string]any
			if raw != "" && json.Unmarshal([]byte(raw), &parsed) == nil {
				props = make(map[string]any, len(parsed))
				for k, v := range parsed {
					props[fieldName(k)] = v
				}
			} else {
				props = map[string]any{}
			}
		}
	}
	if r.props == nil {
		r.props = map[recordKey]map[string]any{}
	}
	r.props[key] = props
	return props
}

// Field is pzfilter.Data's: the value of one field of one record, typed by its schema.
func (r *runtimeData) Field(ds pzfilter.Dataset, id, field string) (pzfilter.Value, bool) {
	d := r.dataset(ds)
	if d == nil {
		return pzfilter.Value{}, false
	}
	f := d.inForce(r.now).parsed.field(field)
	if f == nil {
		return pzfilter.Value{}, false
	}
	switch v := r.record(ds, id)[strings.ToUpper(f.name)].(type) {
	case float64:
		return pzfilter.Number(v), true
	case string:
		if f.categorical {
			return pzfilter.Categorical(v), true
		}
		return pzfilter.String(v), true
	}
	return pzfilter.Value{}, false
}

// Interactions is pzfilter.Data's: a user's interactions (or action interactions), oldest first.
func (r *runtimeData) Interactions(ds pzfilter.Dataset, user string) []pzfilter.Interaction {
	d := r.dataset(ds)
	if d == nil || user == "" {
		return nil
	}
	var out []pzfilter.Interaction
	for _, i := range d.importedOf(user) {
		row := &d.imported.interactions[i]
		id := row.ItemID
		if ds == pzfilter.ActionInteractions {
			id = row.ActionID
		}
		out = append(out, pzfilter.Interaction{ID: id, EventType: row.EventType, Timestamp: row.Time()})
	}
	switch ds {
	case pzfilter.Interactions:
		for _, p := range r.g.userEvents(user) {
			ev := r.g.events.at(int(p))
			if ev.dataset == d.seq && ev.UserID == user || ev.dataset == d.seq && ev.UserID == "" && ev.SessionID == user {
				out = append(out, pzfilter.Interaction{ID: ev.ItemID, EventType: ev.EventType, Timestamp: ev.SentAt})
			}
		}
	case pzfilter.ActionInteractions:
		for i := range d.records.list.len() {
			if rec := d.records.list.at(i); rec.UserID == user {
				out = append(out, pzfilter.Interaction{ID: rec.ActionID, EventType: rec.EventType, Timestamp: rec.Timestamp})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b pzfilter.Interaction) int { return a.Timestamp.Compare(b.Timestamp) })
	return out
}

// importUserIndex is where each user's imported interactions are, made when first needed and
// extended as imports append (a FULL import, which replaces the rows, starts it again).
type importUserIndex struct {
	rows []csvimport.Interaction
	pos  map[string][]int32
}

// importedOf returns where a user's imported interactions are in d.imported.interactions.
func (d *dataset) importedOf(user string) []int32 {
	rows := d.imported.interactions
	ix := &d.byUser
	if len(rows) < len(ix.rows) || len(ix.rows) > 0 && &rows[0] != &ix.rows[0] {
		*ix = importUserIndex{}
	}
	if ix.pos == nil {
		ix.pos = map[string][]int32{}
	}
	for i := len(ix.rows); i < len(rows); i++ {
		ix.pos[rows[i].UserID] = append(ix.pos[rows[i].UserID], int32(i))
	}
	ix.rows = rows
	return ix.pos[user]
}

// maxMetadataColumns is AWS's documented limit on the columns one request asks for ("The
// maximum number of columns you can provide is 10"; the model allows 99).
const maxMetadataColumns = 10

// metadataColumns is the Items columns a request asks for, read from the records.
type metadataColumns struct {
	cols   []string
	fields []string // the schema's spelling, upper case (the records' keys)
	data   *runtimeData
}

// metadataFor checks a request's metadataColumns: only with enableMetadataWithRecommendations,
// only the key ITEMS, at most 10 columns, each a column of the group's Items dataset.
func (w *world) metadataFor(src *answerSource, req map[string][]string, data *runtimeData) (*metadataColumns, *Error) {
	if len(req) == 0 {
		return nil, nil
	}
	if !src.metadata {
		return nil, runtimeInvalid("%s does not return metadata: set enableMetadataWithRecommendations in its campaignConfig to ask for metadataColumns.", src.arn)
	}
	cols, ok := req["ITEMS"]
	if !ok || len(req) != 1 {
		for k := range req {
			if k != "ITEMS" {
				return nil, runtimeInvalid("metadataColumns takes the key ITEMS only, not %s.", k)
			}
		}
	}
	if len(cols) > maxMetadataColumns {
		return nil, runtimeInvalid("metadataColumns lists at most %d columns, not %d.", maxMetadataColumns, len(cols))
	}
	d := data.dataset(pzfilter.Items)
	if d == nil {
		return nil, runtimeInvalid("The dataset group %s has no Items dataset to read metadataColumns from.", src.group.arn)
	}
	schema := d.inForce(data.now).parsed
	m := &metadataColumns{cols: cols, fields: make([]string, len(cols)), data: data}
	for i, c := range cols {
		f := schema.field(c)
		if f == nil {
			return nil, runtimeInvalid("The Items dataset of %s has no column %s.", src.group.arn, c)
		}
		m.fields[i] = strings.ToUpper(f.name)
	}
	return m, nil
}

// of is an item's metadata: each column it has a value for, as a string.
func (m *metadataColumns) of(id string) map[string]string {
	rec := m.data.record(pzfilter.Items, id)
	var out map[string]string
	for i, f := range m.fields {
		var s string
		switch v := rec[f].(type) {
		case string:
			s = v
		case float64:
			s = strconv.FormatFloat(v, 'f', -1, 64)
		case bool:
			s = strconv.FormatBool(v)
		default:
			continue
		}
		if out == nil {
			out = map[string]string{}
		}
		out[m.cols[i]] = s
	}
	return out
}

// eventsUpTo is a view of a group's events without those received after now: all of them for
// a version created by a call; for one a state document restores (after the group's events,
// which it restores with their times), those it was trained on, so that the events sent since
// stay live for the runtime and out of the version's model.
func eventsUpTo(v chunkView[RecordedEvent], now time.Time) chunkView[RecordedEvent] {
	v.n = sort.Search(v.n, func(i int) bool { return v.at(i).ReceivedAt.After(now) })
	return v
}
