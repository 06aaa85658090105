package engine

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalizeevents"
)

// Record is one record a dataset holds, as a test reads it back: an item, user or action (one
// per id: a later put of the id replaces it), or an interaction or action interaction (every
// one, in the order they arrived). Its JSON is what GET /_fake/records serves; fake.Record has
// the same fields.
type Record struct {
	DatasetType       string    `json:"datasetType"`                 // INTERACTIONS, ITEMS, USERS, ACTIONS or ACTION_INTERACTIONS
	ID                string    `json:"id,omitempty"`                // the item, user or action id (of an interaction: its event id)
	UserID            string    `json:"userId,omitempty"`            //
	ItemID            string    `json:"itemId,omitempty"`            //
	ActionID          string    `json:"actionId,omitempty"`          //
	SessionID         string    `json:"sessionId,omitempty"`         //
	EventType         string    `json:"eventType,omitempty"`         //
	EventValue        *float64  `json:"eventValue,omitempty"`        //
	Timestamp         time.Time `json:"timestamp,omitzero"`          // an interaction's sentAt or timestamp
	Properties        string    `json:"properties,omitempty"`        // the JSON object, as sent
	Impression        []string  `json:"impression,omitempty"`        //
	RecommendationID  string    `json:"recommendationId,omitempty"`  //
	AttributionSource string    `json:"attributionSource,omitempty"` // metricAttribution.eventAttributionSource
	ReceivedAt        time.Time `json:"receivedAt"`                  // on the fake's clock
	// Mismatches are the ways the record does not fit the dataset's schema (a property that no
	// field takes, a value of the wrong type, a field without a value that does not allow
	// null). AWS accepts such records and drops them later, so the fake accepts them too.
	Mismatches []string `json:"mismatches,omitempty"`
}

// records is what the data-plane operations put into an Items, Users, Actions or Action
// interactions dataset (an Interactions dataset's events are kept with its group, see
// PutEvents; what import jobs put is kept apart, see imported).
type records struct {
	byID map[string]int // items, users, actions: where each id's record is in list
	list chunkLog[Record]
	// Copy on write, for training snapshots (view): gen counts the views taken, and a chunk
	// (and the list of chunks) made before the latest view is copied before a record in it is
	// replaced, so the view keeps reading what it saw. Adds only append, which no view sees.
	// (Bookkeeping that reads change: not state, so the digest reads none of it.)
	gen      uint64   `digest:"-"`
	chunkGen []uint64 `digest:"-"` // per chunk of list: the gen it was made (or copied) in
	outerGen uint64   `digest:"-"` // the gen list's slice of chunks was made (or copied) in
}

func (r *records) upsert(rec Record) {
	if r.byID == nil {
		r.byID = map[string]int{}
	}
	if i, ok := r.byID[rec.ID]; ok {
		r.own(i / logChunk)
		*r.list.at(i) = rec
		return
	}
	r.byID[rec.ID] = r.list.len()
	r.add(rec)
}

// add appends a record.
func (r *records) add(rec Record) {
	if n := len(r.list.chunks); n == 0 || len(r.list.chunks[n-1]) == logChunk {
		r.chunkGen = append(r.chunkGen, r.gen)
	}
	r.list.add(rec)
}

// own makes chunk c the records' own to write: a copy, if a view may read it.
func (r *records) own(c int) {
	if r.chunkGen[c] == r.gen {
		return
	}
	if r.outerGen != r.gen {
		r.list.chunks = append(make([][]Record, 0, cap(r.list.chunks)), r.list.chunks...)
		r.outerGen = r.gen
	}
	chunk := make([]Record, len(r.list.chunks[c]), logChunk)
	copy(chunk, r.list.chunks[c])
	r.list.chunks[c], r.chunkGen[c] = chunk, r.gen
}

// view returns the records as they are now, for a training snapshot: later puts never change
// what it reads.
func (r *records) view() chunkView[Record] {
	r.gen++
	return r.list.view()
}

// eventsNotFound and eventsInUse are Personalize Events' modelled 404 and 409.
func eventsNotFound(format string, args ...any) *Error {
	return Errorf(catalog.NotFound, catalog.Status(PersonalizeEvents, catalog.NotFound), format, args...)
}

func eventsInUse(format string, args ...any) *Error {
	return Errorf(catalog.InUse, catalog.Status(PersonalizeEvents, catalog.InUse), format, args...)
}

// dataDataset finds the dataset a data-plane call names, by its exact ARN: a dataset that does
// not exist is 404, one of another type 400, one that is not ACTIVE 409 (documented guesses; the
// operations model the three errors without saying when each is sent).
func (w *world) dataDataset(arn, typ string, now time.Time) (*dataset, *Error) {
	d, ok := w.datasets.resolve(arn, now)
	if !ok {
		return nil, eventsNotFound("Could not find resource: %s", arn)
	}
	if d.typ != typ {
		return nil, invalid(PersonalizeEvents, "The dataset %s is a %s dataset, not %s.", arn, d.typ, typ)
	}
	if status, _, _ := statusOf(d, now); status != StatusActive {
		return nil, eventsInUse("The dataset %s is in %s state.", arn, status)
	}
	return d, nil
}

// checkProperties refuses a properties member that is not a JSON object, or (for events) one
// that names a reserved key, whatever its case: Personalize sets those from the event itself.
func checkProperties(list string, i int, props *string, reserved bool) *Error {
	if props == nil {
		return nil
	}
	b := bytes.TrimSpace([]byte(*props))
	if len(b) == 0 || b[0] != '{' || !json.Valid(b) {
		return invalid(PersonalizeEvents, "1 validation error detected: Value at '%s.%d.member.properties' failed to satisfy constraint: Member must be a JSON object, such as {\"numberOfRatings\": \"12\"}", list, i+1)
	}
	if !reserved {
		return nil
	}
	var bad string
	objectKeys(b, func(k string) bool {
		for _, r := range reservedProperties {
			if strings.EqualFold(k, r) {
				bad = k
				return false
			}
		}
		return true
	})
	if bad != "" {
		return invalid(PersonalizeEvents, "1 validation error detected: Value at '%s.%d.member.properties' failed to satisfy constraint: the key %q is reserved: %s are set from the event itself", list, i+1, bad, strings.Join(reservedProperties, ", "))
	}
	return nil
}

// objectKeys calls fn with each member name of b, a valid JSON object, until fn returns false.
// It reads only the names (json.Unmarshal into a map would build every value too).
func objectKeys(b []byte, fn func(key string) bool) {
	depth := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
		case '"':
			end, escaped := i+1, false
			for ; end < len(b) && b[end] != '"'; end++ {
				if b[end] == '\\' {
					end, escaped = end+1, true
				}
			}
			next := end + 1
			for next < len(b) && (b[next] == ' ' || b[next] == '\t' || b[next] == '\n' || b[next] == '\r') {
				next++
			}
			if depth == 1 && next < len(b) && b[next] == ':' { // a member name, not a value
				key := string(b[i+1 : end])
				if escaped {
					_ = json.Unmarshal(b[i:end+1], &key)
				}
				if !fn(key) {
					return
				}
			}
			i = end
		}
	}
}

// reservedProperties may not be keys of an event's properties (the model's documentation).
var reservedProperties = []string{"userId", "sessionId", "eventType", "timestamp", "recommendationId", "impression"}

func (e *Engine) putItems(w *world, in *personalizeevents.PutItemsInput, cx opContext) (*personalizeevents.PutItemsOutput, *Error) {
	return &personalizeevents.PutItemsOutput{}, w.upsertRecords(*in.DatasetArn, typeItems, "items", len(in.Items), cx,
		func(i int) (string, *string) { return *in.Items[i].ItemId, in.Items[i].Properties })
}

func (e *Engine) putUsers(w *world, in *personalizeevents.PutUsersInput, cx opContext) (*personalizeevents.PutUsersOutput, *Error) {
	return &personalizeevents.PutUsersOutput{}, w.upsertRecords(*in.DatasetArn, typeUsers, "users", len(in.Users), cx,
		func(i int) (string, *string) { return *in.Users[i].UserId, in.Users[i].Properties })
}

func (e *Engine) putActions(w *world, in *personalizeevents.PutActionsInput, cx opContext) (*personalizeevents.PutActionsOutput, *Error) {
	return &personalizeevents.PutActionsOutput{}, w.upsertRecords(*in.DatasetArn, typeActions, "actions", len(in.Actions), cx,
		func(i int) (string, *string) { return *in.Actions[i].ActionId, in.Actions[i].Properties })
}

// upsertRecords is PutItems, PutUsers and PutActions: n records of a list member, each an id and
// its properties, put into the dataset of a type that the ARN names; a repeated id replaces its
// record. Every record is checked before any is put.
func (w *world) upsertRecords(arn, typ, list string, n int, cx opContext, record func(i int) (id string, props *string)) *Error {
	d, err := w.dataDataset(arn, typ, cx.now)
	if err != nil {
		return err
	}
	d.settle(w, cx.now) // imports that ended before this put come first
	for i := range n {
		if _, props := record(i); props != nil {
			if err := checkProperties(list, i, props, false); err != nil {
				return err
			}
		}
	}
	for i := range n {
		id, props := record(i)
		r := Record{DatasetType: typ, ID: id, Properties: deref(props), ReceivedAt: cx.now}
		switch typ {
		case typeItems:
			r.ItemID = id
		case typeUsers:
			r.UserID = id
		case typeActions:
			r.ActionID = id
		}
		d.records.upsert(r)
	}
	return nil
}

// putActionInteractions records into the Action interactions dataset whose trackingId the call
// names (a documented guess: an unknown one is 404, which the operation models).
func (e *Engine) putActionInteractions(w *world, in *personalizeevents.PutActionInteractionsInput, cx opContext) (*personalizeevents.PutActionInteractionsOutput, *Error) {
	for i, ai := range in.ActionInteractions {
		if err := checkProperties("actionInteractions", i, ai.Properties, true); err != nil {
			return nil, err
		}
	}
	d := w.byActionTrackingID[*in.TrackingId]
	if d != nil && gone(d, cx.now) {
		w.datasets.purge(d)
		d = nil
	}
	if d == nil {
		return nil, eventsNotFound("The tracking ID %s does not belong to an Action interactions dataset.", *in.TrackingId)
	}
	if status, _, _ := statusOf(d, cx.now); status != StatusActive {
		return nil, eventsInUse("The dataset %s is in %s state.", d.arn, status)
	}
	d.settle(w, cx.now)
	for _, ai := range in.ActionInteractions {
		d.records.add(Record{
			DatasetType: typeActionInteractions, ID: deref(ai.EventId), ActionID: *ai.ActionId, UserID: deref(ai.UserId),
			SessionID: *ai.SessionId, EventType: *ai.EventType, Timestamp: ai.Timestamp.Time, Properties: deref(ai.Properties),
			Impression: ai.Impression, RecommendationID: deref(ai.RecommendationId), ReceivedAt: cx.now,
		})
	}
	return &personalizeevents.PutActionInteractionsOutput{}, nil
}

// Records returns copies of the records a dataset holds, in the order they arrived (an import's
// rows when the import ended), each with its mismatches against the schema in force; false if
// there is no such dataset. An item, user or action that was both imported and put is the later
// of the two.
func (e *Engine) Records(datasetArn string) ([]Record, bool) {
	out, _, ok := e.records(datasetArn, 0, -1, false)
	return out, ok
}

// NewestRecords returns one page of a dataset's records, newest first: n of them after the
// skip newest, with their mismatches, and how many it holds in all; false if there is no such
// dataset. Only the page is checked against the schema (the merge of imported and put records
// is made whole, as Records makes it).
func (e *Engine) NewestRecords(datasetArn string, skip, n int) (page []Record, total int, ok bool) {
	return e.records(datasetArn, skip, n, true)
}

// records copies n records (all when n < 0) after skip, oldest first or newest first.
func (e *Engine) records(datasetArn string, skip, n int, newest bool) ([]Record, int, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.now()
	w := e.worldOf(datasetArn)
	if w == nil {
		return nil, 0, false
	}
	d, ok := w.datasets.resolve(datasetArn, now)
	if !ok {
		return nil, 0, false
	}
	d.settle(w, now)
	all := d.snapshot(now).records() // in arrival order, imports merged
	total := len(all)
	var out []Record
	for k := skip; k < total && (n < 0 || len(out) < n); k++ {
		i := k
		if newest {
			i = total - 1 - k
		}
		out = append(out, all[i])
	}
	s := d.inForce(now).parsed
	for i := range out {
		out[i].Impression = slices.Clone(out[i].Impression)
		if out[i].EventValue != nil {
			v := *out[i].EventValue
			out[i].EventValue = &v
		}
		out[i].Mismatches = mismatches(d.typ, s, out[i])
	}
	return out, total, true
}

// heldRecords is how many records (or, for an Interactions dataset, events) a dataset holds.
func (d *dataset) heldRecords() int {
	if d.typ != typeInteractions {
		return d.records.list.len()
	}
	n := 0
	for i := range d.group.events.len() {
		if d.group.events.at(i).dataset == d.seq {
			n++
		}
	}
	return n
}

// recordStates are a dataset's records as the data-plane calls that put them, ten at a time.
func (d *dataset) recordStates(w *world) []ResourceState {
	recs := d.records.list.all()
	var out []ResourceState
	for i := 0; i < len(recs); i += 10 {
		batch := recs[i:min(i+10, len(recs))]
		st := ResourceState{Scope: w.scope, Kind: "records", Service: PersonalizeEvents, Created: batch[len(batch)-1].ReceivedAt}
		switch d.typ {
		case typeItems:
			in := &personalizeevents.PutItemsInput{DatasetArn: &d.arn}
			for _, r := range batch {
				in.Items = append(in.Items, personalizeevents.Item{ItemId: &r.ID, Properties: orNil(r.Properties)})
			}
			st.Operation, st.Input = "PutItems", in
		case typeUsers:
			in := &personalizeevents.PutUsersInput{DatasetArn: &d.arn}
			for _, r := range batch {
				in.Users = append(in.Users, personalizeevents.User{UserId: &r.ID, Properties: orNil(r.Properties)})
			}
			st.Operation, st.Input = "PutUsers", in
		case typeActions:
			in := &personalizeevents.PutActionsInput{DatasetArn: &d.arn}
			for _, r := range batch {
				in.Actions = append(in.Actions, personalizeevents.Action{ActionId: &r.ID, Properties: orNil(r.Properties)})
			}
			st.Operation, st.Input = "PutActions", in
		case typeActionInteractions:
			in := &personalizeevents.PutActionInteractionsInput{TrackingId: &d.trackingID}
			for _, r := range batch {
				in.ActionInteractions = append(in.ActionInteractions, personalizeevents.ActionInteraction{
					ActionId: &r.ActionID, UserId: orNil(r.UserID), SessionId: &r.SessionID, EventType: &r.EventType, EventId: orNil(r.ID),
					Timestamp: shape.T(r.Timestamp), Properties: orNil(r.Properties), Impression: r.Impression, RecommendationId: orNil(r.RecommendationID),
				})
			}
			st.Operation, st.Input = "PutActionInteractions", in
		default:
			continue
		}
		out = append(out, st)
	}
	return out
}
