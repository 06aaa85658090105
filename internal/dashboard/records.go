package dashboard

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/engine"
)

// recordsPerPage is how many records a page of GET /_fake/ui/records shows.
const recordsPerPage = 50

// recordsView is one page of a dataset's records, newest first.
type recordsView struct {
	Nonce       string
	ARN, Noun   string
	Total       int
	First, Last int // 1-based positions of the page's records among the newest
	Page        int
	Prev, Next  int // page numbers, 0 when there is none
	Records     []dashRecord
	NotFound    bool
}

type dashRecord struct {
	engine.Record
	Fields [][2]string // what the record says, by name, in a fixed order
}

// recordNoun is what a dataset of a type holds: an Interactions dataset, the events PutEvents
// sent; every other type, records.
func recordNoun(datasetType string) string {
	if strings.EqualFold(datasetType, "INTERACTIONS") {
		return "events"
	}
	return "records"
}

// holds says how many records a dataset of a type holds: "2 events", "1 record".
func holds(n int, datasetType string) string {
	noun := recordNoun(datasetType)
	if n == 1 {
		noun = strings.TrimSuffix(noun, "s")
	}
	return strconv.Itoa(n) + " " + noun
}

// serveRecords writes one page (?page=N, from 1) of the newest records of ?datasetArn=, with
// the ways each does not fit the dataset's schema.
func (p *Page) serveRecords(w http.ResponseWriter, r *http.Request, nonce string) error {
	arn := r.URL.Query().Get("datasetArn")
	page, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || page < 1 {
		page = 1
	}
	v := recordsView{Nonce: nonce, ARN: arn, Page: page}
	records, total, ok := p.Engine.NewestRecords(arn, (page-1)*recordsPerPage, recordsPerPage)
	if !ok {
		v.NotFound = true
		w.WriteHeader(http.StatusNotFound)
		return recordsPage.Execute(w, v)
	}
	v.Total, v.First, v.Last = total, (page-1)*recordsPerPage+1, (page-1)*recordsPerPage+len(records)
	if page > 1 {
		v.Prev = page - 1
	}
	if v.Last < total {
		v.Next = page + 1
	}
	v.Noun = "records"
	for _, rec := range records {
		v.Noun = recordNoun(rec.DatasetType)
		v.Records = append(v.Records, dashRecord{Record: rec, Fields: fieldsOf(rec)})
	}
	return recordsPage.Execute(w, v)
}

// fieldsOf lists what a record holds besides its id and times, as names and values.
func fieldsOf(r engine.Record) [][2]string {
	var out [][2]string
	add := func(name, value string) {
		if value != "" {
			out = append(out, [2]string{name, value})
		}
	}
	add("userId", r.UserID)
	add("itemId", r.ItemID)
	add("actionId", r.ActionID)
	add("sessionId", r.SessionID)
	add("eventType", r.EventType)
	if r.EventValue != nil {
		add("eventValue", strconv.FormatFloat(*r.EventValue, 'g', -1, 64))
	}
	add("impression", strings.Join(r.Impression, " | "))
	add("recommendationId", r.RecommendationID)
	add("attributionSource", r.AttributionSource)
	add("properties", r.Properties)
	return out
}
