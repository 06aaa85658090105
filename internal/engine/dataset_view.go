package engine

import (
	"cmp"
	"slices"
	"time"

	"github.com/awsfake/awsfake/internal/csvimport"
)

// datasetView is what a dataset holds at one moment, read later without copying: the logs by
// their length, the imports by their slices (replaced whole or appended to), the records put by
// copy on write. A solution version keeps one per dataset of its group, so that it trains on the
// data present when it was created, however much comes after; f.Records reads one too.
type datasetView struct {
	typ      string
	schema   *avroSchema
	events   chunkView[RecordedEvent] // Interactions: the group's events, of which those into seq count
	seq      uint64                   // the dataset's creation order, which its events carry
	put      chunkView[Record]        // what PutItems, PutUsers, PutActions, PutActionInteractions put
	imported importedView
}

// snapshot returns the dataset as it is at now; settle first, so that imports that have ended
// are in it.
func (d *dataset) snapshot(now time.Time) datasetView {
	v := datasetView{typ: d.typ, schema: d.inForce(now).parsed, seq: d.seq, put: d.records.view(), imported: d.imported.view()}
	if d.typ == typeInteractions {
		v.events = d.group.events.view()
	}
	return v
}

// records returns what the view holds as Records, in the order they arrived (an import's rows
// when it ended); an item, user or action imported and put is the later of the two.
func (v datasetView) records() []Record {
	var bulk, put []Record
	switch v.typ {
	case typeInteractions, typeActionInteractions:
		bulk, put = v.importedInteractions(), v.putRecords()
	default:
		bulk, put = v.latestRecords()
	}
	// Both lists are in arrival order: merge them by it, imports first on a tie.
	out := make([]Record, 0, len(bulk)+len(put))
	i, j := 0, 0
	for i < len(bulk) || j < len(put) {
		if j == len(put) || i < len(bulk) && !put[j].ReceivedAt.Before(bulk[i].ReceivedAt) {
			out = append(out, bulk[i])
			i++
		} else {
			out = append(out, put[j])
			j++
		}
	}
	return out
}

// putRecords are what PutEvents, PutItems, PutUsers, PutActions and PutActionInteractions put,
// in the order they arrived (an item, user or action id once, as last put).
func (v datasetView) putRecords() []Record {
	if v.typ != typeInteractions {
		return v.put.all()
	}
	var out []Record
	for i := range v.events.len() {
		if ev := v.events.at(i); ev.dataset == v.seq {
			out = append(out, ev.record())
		}
	}
	return out
}

// importedRecords are what import jobs put, in the order their jobs ended (an item, user or
// action id once, as last imported).
func (v datasetView) importedRecords() []Record {
	if v.typ == typeInteractions || v.typ == typeActionInteractions {
		return v.importedInteractions()
	}
	rows := v.imported.records
	out := make([]Record, len(rows))
	for i := range rows {
		out[i] = Record{DatasetType: v.typ, ID: rows[i].ID, Properties: rows[i].Properties, ReceivedAt: v.imported.at(i)}
		setRecordID(&out[i])
	}
	slices.SortStableFunc(out, func(a, b Record) int { return cmp.Compare(a.ReceivedAt.UnixNano(), b.ReceivedAt.UnixNano()) })
	return out
}

// importedInteractions are the imported interactions (or action interactions) as Records.
func (v datasetView) importedInteractions() []Record {
	rows := v.imported.interactions
	out := make([]Record, len(rows))
	b := 0
	for i := range rows {
		for b+1 < len(v.imported.batches) && v.imported.batches[b+1].start <= i {
			b++
		}
		out[i] = importedRecord(v.typ, &rows[i], v.imported.batches[b].at)
	}
	return out
}

// importedRecord is one imported interaction as a Record.
func importedRecord(typ string, r *csvimport.Interaction, at time.Time) Record {
	rec := Record{DatasetType: typ, UserID: r.UserID, ItemID: r.ItemID, ActionID: r.ActionID, EventType: r.EventType,
		Timestamp: r.Time(), Properties: r.Properties, ReceivedAt: at}
	if r.HasEventValue {
		v := r.EventValue
		rec.EventValue = &v
	}
	return rec
}

// latestRecords are the imported and the put items (users, actions), each id once, as the later
// of its two versions has it.
func (v datasetView) latestRecords() (bulk, put []Record) {
	putAt := map[string]time.Time{}
	all := v.put.all()
	for _, r := range all {
		putAt[r.ID] = r.ReceivedAt
	}
	importedAt := map[string]time.Time{}
	rows := v.imported.records
	for i := range rows {
		at := v.imported.at(i)
		importedAt[rows[i].ID] = at
		if p, ok := putAt[rows[i].ID]; ok && !p.Before(at) {
			continue // put again since (a put at the moment an import ended came after it)
		}
		r := Record{DatasetType: v.typ, ID: rows[i].ID, Properties: rows[i].Properties, ReceivedAt: at}
		setRecordID(&r)
		bulk = append(bulk, r)
	}
	slices.SortStableFunc(bulk, func(a, b Record) int { return cmp.Compare(a.ReceivedAt.UnixNano(), b.ReceivedAt.UnixNano()) })
	for _, r := range all {
		if at, ok := importedAt[r.ID]; !ok || !r.ReceivedAt.Before(at) {
			put = append(put, r)
		}
	}
	return bulk, put
}

// setRecordID fills the member an item, user or action record names its id with.
func setRecordID(r *Record) {
	switch r.DatasetType {
	case typeItems:
		r.ItemID = r.ID
	case typeUsers:
		r.UserID = r.ID
	case typeActions:
		r.ActionID = r.ID
	}
}
