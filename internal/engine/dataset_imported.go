package engine

import (
	"time"

	"github.com/awsfake/awsfake/internal/csvimport"
)

// imported is what a dataset's import jobs put into it, in csvimport's compact rows (about 104
// bytes an interaction, 32 an item, user or action, plus their properties and, for records,
// the index by id): a FULL import replaces it, an INCREMENTAL one adds to it (records replace
// those with the same id). What PutEvents and PutItems put is kept apart (the group's events,
// records): AWS's FULL import "replaces bulk data, not PutEvents/PutItems data".
type imported struct {
	interactions []csvimport.Interaction // Interactions and Action interactions datasets
	records      []csvimport.Record      // Items, Users and Actions datasets: one per id
	byID         map[string]int32        // where each id's record is in records
	batches      []importBatch           // where each import's rows begin, oldest first
	// shared: a training snapshot may read records, so a record is not replaced in place
	// before records is copied (interactions and batches are only appended to, which no
	// snapshot sees, or replaced whole).
	shared bool `digest:"-"`
}

// importBatch is where the rows of one import begin, and when the import ended.
type importBatch struct {
	start int
	at    time.Time
}

// apply puts an import's rows in: FULL replaces what imports put before, INCREMENTAL adds.
func (m *imported) apply(res *csvimport.Result, full bool, at time.Time) {
	if full {
		*m = imported{}
	}
	if len(res.Interactions) > 0 {
		m.batches = append(m.batches, importBatch{start: len(m.interactions), at: at})
		m.interactions = append(m.interactions, res.Interactions...)
		return
	}
	m.batches = append(m.batches, importBatch{start: len(m.records), at: at})
	if m.byID == nil {
		m.byID = make(map[string]int32, len(res.Records))
	}
	for _, r := range res.Records {
		if i, ok := m.byID[r.ID]; ok {
			if m.shared {
				m.records, m.shared = append(make([]csvimport.Record, 0, cap(m.records)), m.records...), false
			}
			m.records[i] = r
			continue
		}
		m.byID[r.ID] = int32(len(m.records))
		m.records = append(m.records, r)
	}
}

// importedView is what a dataset's imports held when a snapshot was taken.
type importedView struct {
	interactions []csvimport.Interaction
	records      []csvimport.Record
	batches      []importBatch
}

// view returns the imports' rows as they are now; nothing later changes what it reads.
func (m *imported) view() importedView {
	m.shared = true
	return importedView{
		interactions: m.interactions[:len(m.interactions):len(m.interactions)],
		records:      m.records[:len(m.records):len(m.records)],
		batches:      m.batches[:len(m.batches):len(m.batches)],
	}
}

// at returns when the row at i (of interactions or records) was imported.
func (v importedView) at(i int) time.Time {
	at := time.Time{}
	for _, b := range v.batches {
		if b.start > i {
			break
		}
		at = b.at
	}
	return at
}
