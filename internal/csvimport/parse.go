package csvimport

import (
	"io"
	"strings"
	"time"
)

// Interaction is one row of an Interactions or Action interactions import. Strings repeated
// across rows (ids, event types) share their memory, so a row holds about its own struct (104
// bytes) plus its properties.
type Interaction struct {
	UserID   string
	ItemID   string // ITEM_ID (Interactions)
	ActionID string // ACTION_ID (Action interactions)
	// EventType is "" when the schema has no EVENT_TYPE or the value is null.
	EventType string
	// Properties is a JSON object of the row's other non-null fields (IMPRESSION,
	// RECOMMENDATION_ID, EVENT_ATTRIBUTION_SOURCE and metadata) in schema order, keyed by the
	// field's name in camelCase as PutEvents keys properties (NUMBER_OF_RATINGS →
	// numberOfRatings, CATEGORY_L1 → categoryL1), with JSON numbers, booleans and strings as
	// the schema types them; "" when there are none.
	Properties string
	// Timestamp is TIMESTAMP as written: epoch seconds.
	Timestamp int64
	// EventValue is EVENT_VALUE, when HasEventValue.
	EventValue    float64
	HasEventValue bool
}

// Time returns Timestamp as a time.
func (i Interaction) Time() time.Time { return time.Unix(i.Timestamp, 0).UTC() }

// Record is one row of an Items, Users or Actions import.
type Record struct {
	// ID is the ITEM_ID, USER_ID or ACTION_ID.
	ID string
	// Properties is a JSON object of the row's other non-null fields, as for Interaction.
	Properties string
}

// Result is what an import read, in the order of its objects and their rows. A repeated id
// in Records is kept twice: applied in order, the later row replaces the earlier, as a later
// put of the same id does.
type Result struct {
	Interactions []Interaction // Interactions and Action interactions imports
	Records      []Record      // Items, Users and Actions imports
}

// Len is the number of rows read.
func (r *Result) Len() int { return len(r.Interactions) + len(r.Records) }

// Object is one CSV object of an import: its name in the fs.FS ("bucket/key", as Resolve
// returns it) and its contents.
type Object struct {
	Name string
	Body io.Reader
}

// Options change what an import accepts.
type Options struct {
	// MinInteractions is the fewest rows an Interactions import must have in all, 0 for no
	// minimum. AWS's is MinInteractionRecords; the engine relaxes it for small tests.
	MinInteractions int
}

// MinInteractionRecords is AWS's "minimum number of item interaction records per dataset
// import job in FULL or INCREMENTAL import mode" (dg/limits.html).
const MinInteractionRecords = 1000

// Parse reads the CSV objects of an import into a dataset of a type with a schema. It stops
// at the first problem, with an *Error whose message is the job's failureReason; an error of
// another type means the schema or dataset type was not one the engine should have accepted.
func Parse(datasetType string, fields []Field, objects []Object, opts Options) (*Result, error) {
	p, err := newParser(datasetType, fields)
	if err != nil {
		return nil, err
	}
	for _, o := range objects {
		if err := p.object(o); err != nil {
			return nil, err
		}
	}
	return p.finish(opts)
}

func newParser(datasetType string, fields []Field) (*parser, error) {
	s, err := compile(datasetType, fields)
	if err != nil {
		return nil, err
	}
	return &parser{schema: s, strs: map[string]string{}}, nil
}

// finish applies the checks on the import as a whole and hands its rows over.
func (p *parser) finish(opts Options) (*Result, error) {
	f := failure{datasetType: displayNames[p.schema.datasetType]}
	if n := p.interactions.n; p.schema.datasetType == Interactions && n < opts.MinInteractions {
		return nil, f.whole("The import has %d interaction records; an import needs at least %d.", n, opts.MinInteractions)
	}
	return &Result{Interactions: p.interactions.all(), Records: p.records.all()}, nil
}

// parser holds one import's state.
type parser struct {
	schema       *schema
	strs         map[string]string // interned ids and event types
	props        []byte            // scratch for a row's properties
	interactions chunks[Interaction]
	records      chunks[Record]
}

// intern returns s, or the copy of it already held, so that repeated values share memory
// and no row keeps the line it was read from alive.
func (p *parser) intern(s string) string {
	if v, ok := p.strs[s]; ok {
		return v
	}
	v := strings.Clone(s)
	p.strs[v] = v
	return v
}

// chunks collects rows in fixed-size chunks, then hands them over as one slice of exactly
// their number: a growing slice would copy the rows several times over and keep up to a
// quarter more room than it holds.
type chunks[T any] struct {
	full [][]T
	last []T
	n    int
}

// Chunks grow from firstChunkRows to chunkRows rows, so that a small import does not pay for
// a large chunk (8192 interactions are 850 KB to clear).
const (
	firstChunkRows = 64
	chunkRows      = 8192
)

func (c *chunks[T]) add(v T) {
	if len(c.last) == cap(c.last) {
		size := firstChunkRows
		if c.last != nil {
			c.full = append(c.full, c.last)
			size = min(2*cap(c.last), chunkRows)
		}
		c.last = make([]T, 0, size)
	}
	c.last = append(c.last, v)
	c.n++
}

// all returns every row in order, nil for none.
func (c *chunks[T]) all() []T {
	if c.n == 0 {
		return nil
	}
	out := make([]T, 0, c.n)
	for _, chunk := range c.full {
		out = append(out, chunk...)
	}
	return append(out, c.last...)
}
