package engine

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/csvimport"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// dataDeletionJob is one data deletion job: it reads a CSV of user ids (a USER_ID column) from
// the objects given with fake.WithObjects when it is created, and when it completes it removes
// those users' data from its dataset group: their rows in every dataset (imported
// interactions, the Users dataset's records, action interactions), the records PutUsers and
// PutActionInteractions put, and the events PutEvents recorded, as they stood when the job
// completed (what comes after stays). Like an import job's rows, the removal happens the first
// time anything reads the group's data after that moment, so no timer runs. Solution versions,
// recommenders and batch jobs made before keep what they trained or read (AWS: deleted data is
// removed from models at their next training).
//
// Its statuses are AWS's: PENDING > IN_PROGRESS > COMPLETED | FAILED (the kind's creation
// statuses shown under these names); numDeleted, once COMPLETED, counts the rows and records
// removed.
type dataDeletionJob struct {
	entity
	lifecycle
	group    *datasetGroup
	location string
	roleArn  string
	users    []string // sorted: the ids the CSV lists
	applied  bool     // the group's data no longer holds the users'
	deleted  int32    // numDeleted, once applied
	restored *int32   // numDeleted as a state document had it: what the restored data no longer holds
}

func (e *Engine) createDataDeletionJob(w *world, in *personalize.CreateDataDeletionJobInput, cx opContext) (*personalize.CreateDataDeletionJobOutput, *Error) {
	g, ok := w.datasetGroups.resolve(*in.DatasetGroupArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.DatasetGroupArn)
	}
	if status, _, _ := statusOf(g, cx.now); status != StatusActive {
		return nil, inUse("The dataset group %s is not ACTIVE (its status is %s).", g.arn, status)
	}
	arn := w.scope.arn(Personalize, "data-deletion-job", *in.JobName)
	if _, taken := w.dataDeletionJobs.lookup(*in.JobName, cx.now); taken {
		return nil, alreadyExists("Another resource with Arn %s already exists.", arn)
	}
	if err := w.dataDeletionJobs.overQuota(&e.cfg); err != nil {
		return nil, err
	}
	tags, err := e.newTags(Personalize, tagsFromPersonalize(in.Tags))
	if err != nil {
		return nil, err
	}
	j := &dataDeletionJob{
		entity:    entity{arn: arn, name: *in.JobName, tags: tags},
		lifecycle: e.newLifecycle(catalog.DataDeletionJobs, cx),
		group:     g, location: deref(in.DataSource.DataLocation), roleArn: *in.RoleArn,
	}
	if j.failReason == "" {
		users, reason := readUserIDs(e.cfg.Objects, j.location)
		if reason != "" && (cx.seed == nil || creating(cx.seed.Status)) {
			j.failReason = reason
		}
		j.users = users
	}
	if v := cx.seedNote(idNumDeleted); v != "" {
		n, err := strconv.ParseInt(v, 10, 32)
		if err != nil || n < 0 {
			return nil, invalid(Personalize, "The seed's %s %q is not a count.", idNumDeleted, v)
		}
		restored := int32(n)
		j.restored = &restored
	}
	w.dataDeletionJobs.insert(j, cx.now)
	if len(j.users) > 0 {
		g.deletions++
		w.settleDeletions(g, cx.now) // a seed that starts COMPLETED applies at once
	}
	return &personalize.CreateDataDeletionJobOutput{DataDeletionJobArn: &j.arn}, nil
}

// readUserIDs reads the user ids of a deletion job's CSV objects (a header with USER_ID, then
// one id a row), or why it cannot.
func readUserIDs(fsys fs.FS, location string) ([]string, string) {
	if fsys == nil {
		return nil, "Invalid Data location. The fake holds no objects: give it some with fake.WithObjects (the server: -objects DIR)."
	}
	names, err := csvimport.Resolve(fsys, location)
	var bad *csvimport.Error
	if errors.As(err, &bad) {
		return nil, bad.Error()
	} else if err != nil {
		return nil, "Invalid Data location. " + err.Error()
	}
	seen := map[string]bool{}
	for _, name := range names {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, fmt.Sprintf("Failed to read s3://%s: %v", name, err)
		}
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		header, err := r.Read()
		col := -1
		for i, h := range header {
			if strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")), "USER_ID") {
				col = i
			}
		}
		if err != nil || col < 0 {
			_ = f.Close()
			return nil, fmt.Sprintf("Failed to create a data deletion job. Input CSV s3://%s is missing the following columns: [USER_ID].", name)
		}
		for line := 2; ; line++ {
			row, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				_ = f.Close()
				return nil, fmt.Sprintf("Failed to create a data deletion job. Line %d of s3://%s cannot be read: %v", line, name, err)
			}
			if col < len(row) && strings.TrimSpace(row[col]) != "" {
				seen[strings.TrimSpace(row[col])] = true
			}
		}
		_ = f.Close()
	}
	users := make([]string, 0, len(seen))
	for u := range seen {
		users = append(users, u)
	}
	slices.Sort(users)
	return users, ""
}

// status is the job's status as AWS names it.
func (j *dataDeletionJob) status(now time.Time) (string, time.Time) {
	status, changed, _ := statusOf(j, now)
	switch status {
	case StatusCreatePending:
		status = "PENDING"
	case StatusCreateInProgress:
		status = "IN_PROGRESS"
	case StatusActive:
		status = "COMPLETED"
	case StatusCreateFailed:
		status = "FAILED"
	}
	return status, changed
}

// settleDeletions applies the group's deletion jobs that have completed by now, in the order
// they were created (they share their timings, so the order they complete in): each after the
// imports that ended before it completed. Every read of the group's data starts here (through
// dataset.settle, the runtime's runtimeData, Events).
func (w *world) settleDeletions(g *datasetGroup, now time.Time) {
	if g.deletions == 0 {
		return
	}
	for _, j := range w.dataDeletionJobs.view(false) {
		if j.group != g || j.applied || len(j.users) == 0 {
			continue
		}
		status, changed, _ := statusOf(j, now)
		if creating(status) {
			break // the later ones end later
		}
		j.applied = true
		g.deletions--
		if status == StatusActive {
			j.deleted = int32(w.deleteUsers(g, j.users, changed))
			if j.restored != nil {
				j.deleted = *j.restored // it removed them before the state was taken
			}
		}
	}
}

// deleteUsers removes users' data from a group as it stood at at, and returns how many rows and
// records it removed. Each store is rebuilt without them (never changed in place), so what a
// solution version's views read stays as it was.
func (w *world) deleteUsers(g *datasetGroup, users []string, at time.Time) int {
	gone := func(id string) bool { _, found := slices.BinarySearch(users, id); return found }
	n := 0
	w.eachUser(g, at, func(u resource) bool {
		d, ok := u.(*dataset)
		if !ok {
			return true
		}
		d.settleImports(w, at) // what ended before the deletion is deleted too
		users := d.typ == typeUsers
		// Imported rows.
		m := &d.imported
		if len(m.interactions) > 0 {
			kept := make([]csvimport.Interaction, 0, len(m.interactions))
			batches := make([]importBatch, 0, len(m.batches))
			for bi, b := range m.batches {
				end := len(m.interactions)
				if bi+1 < len(m.batches) {
					end = m.batches[bi+1].start
				}
				batches = append(batches, importBatch{start: len(kept), at: b.at})
				for _, r := range m.interactions[b.start:end] {
					if gone(r.UserID) {
						n++
						continue
					}
					kept = append(kept, r)
				}
			}
			m.interactions, m.batches = kept, batches
		}
		if users && len(m.records) > 0 {
			kept := make([]csvimport.Record, 0, len(m.records))
			byID := make(map[string]int32, len(m.records))
			batches := make([]importBatch, 0, len(m.batches))
			for bi, b := range m.batches {
				end := len(m.records)
				if bi+1 < len(m.batches) {
					end = m.batches[bi+1].start
				}
				batches = append(batches, importBatch{start: len(kept), at: b.at})
				for _, r := range m.records[b.start:end] {
					if gone(r.ID) {
						n++
						continue
					}
					byID[r.ID] = int32(len(kept))
					kept = append(kept, r)
				}
			}
			m.records, m.byID, m.batches, m.shared = kept, byID, batches, false
		}
		// What the data plane put.
		if all := d.records.list.all(); slices.ContainsFunc(all, func(r Record) bool {
			return !r.ReceivedAt.After(at) && (gone(r.UserID) || users && gone(r.ID))
		}) {
			fresh := records{}
			for _, r := range all {
				if !r.ReceivedAt.After(at) && (gone(r.UserID) || users && gone(r.ID)) {
					n++
					continue
				}
				if d.records.byID != nil {
					fresh.upsert(r)
				} else {
					fresh.add(r)
				}
			}
			d.records = fresh
		}
		return true
	})
	// The events PutEvents recorded: the log is rebuilt with each removed event's place kept (as
	// an event of no one, in no dataset), so that positions into it (what a model was trained
	// with, the runtime's index by user) still hold; views taken before keep the old chunks.
	removed := 0
	for i := range g.events.len() {
		if ev := g.events.at(i); !ev.removed && !ev.ReceivedAt.After(at) && gone(ev.UserID) {
			removed++
		}
	}
	if removed > 0 {
		var kept chunkLog[RecordedEvent]
		for i := range g.events.len() {
			ev := g.events.at(i)
			if !ev.removed && !ev.ReceivedAt.After(at) && gone(ev.UserID) {
				kept.add(RecordedEvent{SentAt: ev.SentAt, ReceivedAt: ev.ReceivedAt, removed: true})
				continue
			}
			kept.add(*ev)
		}
		g.events, g.byUser = kept, userEventIndex{}
		n += removed
	}
	return n
}

func (e *Engine) describeDataDeletionJob(w *world, in *personalize.DescribeDataDeletionJobInput, cx opContext) (*personalize.DescribeDataDeletionJobOutput, *Error) {
	j, ok := w.dataDeletionJobs.resolve(*in.DataDeletionJobArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.DataDeletionJobArn)
	}
	w.settleDeletions(j.group, cx.now)
	status, changed := j.status(cx.now)
	out := &personalize.DataDeletionJob{
		JobName: &j.name, DataDeletionJobArn: &j.arn, DatasetGroupArn: &j.group.arn,
		DataSource: &personalize.DataSource{DataLocation: &j.location}, RoleArn: &j.roleArn, Status: &status,
		CreationDateTime: shape.T(j.created), LastUpdatedDateTime: shape.T(changed),
	}
	if status == "FAILED" {
		out.FailureReason = &j.failReason
	}
	if status == "COMPLETED" {
		out.NumDeleted = &j.deleted
	}
	return &personalize.DescribeDataDeletionJobOutput{DataDeletionJob: out}, nil
}

// listDataDeletionJobs lists newest first; with datasetGroupArn, that group's jobs (none for a
// group that does not exist: the operation models no not-found error).
func (e *Engine) listDataDeletionJobs(w *world, in *personalize.ListDataDeletionJobsInput, cx opContext) (*personalize.ListDataDeletionJobsOutput, *Error) {
	var keep func(*dataDeletionJob) bool
	if in.DatasetGroupArn != nil {
		keep = func(j *dataDeletionJob) bool { return j.group.arn == *in.DatasetGroupArn }
	}
	page, next, err := newestFirst(w.dataDeletionJobs, nil, "data-deletion-jobs", in.NextToken, in.MaxResults, cx.now, keep)
	if err != nil {
		return nil, err
	}
	out := &personalize.ListDataDeletionJobsOutput{DataDeletionJobs: make([]personalize.DataDeletionJobSummary, len(page)), NextToken: next}
	for i, j := range page {
		status, changed := j.status(cx.now)
		out.DataDeletionJobs[i] = personalize.DataDeletionJobSummary{
			JobName: &j.name, DataDeletionJobArn: &j.arn, DatasetGroupArn: &j.group.arn, Status: &status,
			CreationDateTime: shape.T(j.created), LastUpdatedDateTime: shape.T(changed),
		}
		if status == "FAILED" {
			out.DataDeletionJobs[i].FailureReason = &j.failReason
		}
	}
	return out, nil
}

// laterState is the job as the seed that recreates it (reading its CSV again, and deleting
// again what the restored data holds of those users: nothing, if it completed, so the seed notes
// numDeleted), after the data a state document restores; none once its group is gone or going.
func (j *dataDeletionJob) laterState(w *world, now time.Time) []ResourceState {
	if !w.live(j.group, now) {
		return nil
	}
	if status, _, _ := statusOf(j.group, now); deleting(status) {
		return nil
	}
	st := j.baseState(w, "data-deletion-job", Personalize, "CreateDataDeletionJob", &personalize.CreateDataDeletionJobInput{
		JobName: &j.name, DatasetGroupArn: &j.group.arn, DataSource: &personalize.DataSource{DataLocation: &j.location},
		RoleArn: &j.roleArn, Tags: j.tags.personalizeOrNil(),
	})
	livedState(&st, j, now)
	if j.applied && j.deleted > 0 {
		st.IDs = map[string]string{idNumDeleted: strconv.Itoa(int(j.deleted))}
	}
	return []ResourceState{st}
}

// idNumDeleted is the seed's note of what a completed job removed.
const idNumDeleted = "numDeleted"

// deletionBusy returns a data deletion job of a group still being run, which keeps the group
// from being deleted, or nil.
func (w *world) deletionBusy(g *datasetGroup, now time.Time) *dataDeletionJob {
	if g.deletions == 0 {
		return nil
	}
	for _, j := range w.dataDeletionJobs.view(false) {
		if j.group == g && !j.applied {
			if status, _, _ := statusOf(j, now); creating(status) {
				return j
			}
		}
	}
	return nil
}
