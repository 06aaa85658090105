package engine

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// What a dataset export job writes: one CSV file with a header row of the schema's field names
// ("The output CSV file includes a header row with column names that match the fields in the
// dataset's schema"), then a row per record, in the order the records arrived. A record's own
// members fill the fields they name (USER_ID, ITEM_ID, TIMESTAMP in epoch seconds, EVENT_TYPE,
// EVENT_VALUE, IMPRESSION as ids joined by "|", RECOMMENDATION_ID, EVENT_ATTRIBUTION_SOURCE),
// its properties the rest (numberOfRatings fills NUMBER_OF_RATINGS), and a field without a
// value is empty. Records that match exactly are written once, as AWS combines them; records
// that do not fit the schema are left out, as AWS drops them (see record_mismatch.go).

// The ingestion modes of an export: what it takes from the dataset.
const (
	ingestionBulk = "BULK" // what dataset import jobs put
	ingestionPut  = "PUT"  // what PutEvents, PutItems, PutUsers put (the default)
	ingestionAll  = "ALL"
)

// exportSnapshot is what an export takes from a dataset, as the dataset was when the job was
// created: a view of it (the logs by their length, imports by their slices, the records put by
// copy on write), read when the job renders it.
type exportSnapshot struct {
	mode string
	view datasetView
}

// exportSnapshot takes what an export in an ingestion mode writes: BULK what import jobs put,
// PUT what the data-plane operations put, ALL both. The fake keeps one record per item, user or
// action id (a put or a later import replaces it), so an export cannot show the earlier versions
// AWS would.
func (d *dataset) exportSnapshot(w *world, mode string, now time.Time) *exportSnapshot {
	d.settle(w, now)
	return &exportSnapshot{mode: mode, view: d.snapshot(now)}
}

// render is the CSV of the snapshot, in the order the records arrived.
func (s *exportSnapshot) render() []byte {
	var recs []Record
	switch s.mode {
	case ingestionBulk:
		recs = s.view.importedRecords()
	case ingestionPut:
		recs = s.view.putRecords()
	default:
		recs = s.view.records()
	}
	return exportCSV(s.view.typ, s.view.schema, recs)
}

// exportCSV renders records of a dataset type as an export writes them against a schema.
func exportCSV(typ string, s *avroSchema, recs []Record) []byte {
	var b, line bytes.Buffer
	w := csv.NewWriter(&line) // one row at a time, so that a repeated row can be left out
	row := make([]string, len(s.fields))
	for i, f := range s.fields {
		row[i] = f.name
	}
	_ = w.Write(row) // a bytes.Buffer does not fail
	w.Flush()
	b.Write(line.Bytes())
	seen := map[string]bool{}
	for _, r := range recs {
		if len(mismatches(typ, s, r)) > 0 {
			continue
		}
		props := recordProperties(r.Properties)
		for i, f := range s.fields {
			row[i] = exportValue(r, strings.ToUpper(f.name), props)
		}
		line.Reset()
		_ = w.Write(row)
		w.Flush()
		if seen[line.String()] {
			continue
		}
		seen[line.String()] = true
		b.Write(line.Bytes())
	}
	return b.Bytes()
}

// recordProperties reads a record's properties by the field each key fills (in upper case).
func recordProperties(text string) map[string]json.RawMessage {
	if text == "" {
		return nil
	}
	var raw map[string]json.RawMessage
	_ = json.Unmarshal([]byte(text), &raw) // checked when put
	out := make(map[string]json.RawMessage, len(raw))
	for k, v := range raw {
		out[strings.ToUpper(fieldName(k))] = v
	}
	return out
}

// exportValue is the CSV text of one field of a record: from the record's own members where the
// field is one of them, else from its properties.
func exportValue(r Record, field string, props map[string]json.RawMessage) string {
	switch field {
	case "USER_ID":
		return r.UserID
	case "ITEM_ID":
		return r.ItemID
	case "ACTION_ID":
		return r.ActionID
	case "TIMESTAMP":
		if !r.Timestamp.IsZero() {
			return strconv.FormatInt(r.Timestamp.Unix(), 10)
		}
	case "EVENT_TYPE":
		if r.EventType != "" {
			return r.EventType
		}
	case "EVENT_VALUE":
		if r.EventValue != nil {
			return strconv.FormatFloat(*r.EventValue, 'f', -1, 64)
		}
	case "IMPRESSION":
		if len(r.Impression) > 0 {
			return strings.Join(r.Impression, "|")
		}
	case "RECOMMENDATION_ID":
		if r.RecommendationID != "" {
			return r.RecommendationID
		}
	case "EVENT_ATTRIBUTION_SOURCE":
		if r.AttributionSource != "" {
			return r.AttributionSource
		}
	}
	return jsonCell(props[field])
}

// jsonCell is a property's value as a CSV cell: a string as it is, a number or boolean as JSON
// writes it, null or nothing as an empty cell.
func jsonCell(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if raw[0] == '"' && json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}
