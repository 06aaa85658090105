package engine

import (
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// dataset is one Personalize dataset: one of each type per dataset group, with ARN
// dataset/<group name>/<TYPE>, and the records the data-plane operations put into it.
type dataset struct {
	entity
	lifecycle
	group      *datasetGroup
	typ        string  // INTERACTIONS, ITEMS, USERS, ACTIONS or ACTION_INTERACTIONS
	schema     *schema // the schema in force
	next       *schema // the schema of the latest update, in force once the update is done
	trackingID string  // an Action interactions dataset's own tracker, for PutActionInteractions
	records    records
	usedBy                     // its import and export jobs
	imported   imported        // what its import jobs put in
	unsettled  int             // import jobs whose rows the dataset has not taken in (see settle)
	byUser     importUserIndex `digest:"-"` // its imported interactions by user (runtime_data.go)
}

// datasetIndex finds Action interactions datasets by the trackingId PutActionInteractions names
// them by.
type datasetIndex struct {
	byActionTrackingID map[string]*dataset // nil until the first such dataset
}

func (e *Engine) createDataset(w *world, in *personalize.CreateDatasetInput, cx opContext) (*personalize.CreateDatasetOutput, *Error) {
	typ, ok := datasetType(*in.DatasetType)
	if !ok {
		return nil, invalid(Personalize, "The dataset type %s is not valid. Valid types (in any case): Interactions, Items, Users, Actions, Action_Interactions.", *in.DatasetType)
	}
	g, ok := w.datasetGroups.resolve(*in.DatasetGroupArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.DatasetGroupArn)
	}
	s, ok := w.schemas.resolve(*in.SchemaArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.SchemaArn)
	}
	// A documented guess at the code: the group must be ACTIVE ("You must wait until the status
	// of the dataset group is ACTIVE before adding a dataset to the group").
	if status, _, _ := statusOf(g, cx.now); status != StatusActive {
		return nil, inUse("The dataset group %s is not ACTIVE (its status is %s).", g.arn, status)
	}
	arn := w.scope.arn(Personalize, "dataset", g.name+"/"+typ)
	if _, taken := w.datasets.lookup(arn, cx.now); taken {
		return nil, alreadyExists("Another resource with Arn %s already exists.", arn)
	}
	if err := w.datasets.overQuota(&e.cfg); err != nil {
		return nil, err
	}
	if err := e.checkDatasetSchema(typ, g, s); err != nil {
		return nil, err
	}
	tags, err := e.newTags(Personalize, tagsFromPersonalize(in.Tags))
	if err != nil {
		return nil, err
	}
	d := &dataset{
		entity:    entity{arn: arn, name: *in.Name, tags: tags},
		lifecycle: e.newLifecycle(catalog.Datasets, cx),
		group:     g,
		typ:       typ,
		schema:    s,
	}
	if typ == typeActionInteractions {
		// Personalize makes an action interaction event tracker with the dataset; its id is the
		// dataset's trackingId, and only PutActionInteractions uses it.
		d.trackingID = cx.id("trackingId", e.newUUID)
		if w.byActionTrackingID[d.trackingID] != nil || w.byTrackingID[d.trackingID] != nil {
			return nil, alreadyExists("The tracking ID %s is already in use.", d.trackingID)
		}
		if w.byActionTrackingID == nil {
			w.byActionTrackingID = map[string]*dataset{}
		}
		w.byActionTrackingID[d.trackingID] = d
	}
	w.datasets.insert(d, cx.now)
	return &personalize.CreateDatasetOutput{DatasetArn: &d.arn}, nil
}

// checkDatasetSchema reports a schema that does not suit a dataset of a type in a group: the
// type's required and reserved fields, the group's domain, and the schema's own domain.
func (e *Engine) checkDatasetSchema(typ string, g *datasetGroup, s *schema) *Error {
	domain := deref(g.domain)
	if deref(s.domain) != domain {
		// A documented guess at the code: AWS documents the rule (a domain schema for a domain
		// group's datasets), not the error.
		return invalid(Personalize, "The schema %s has domain %q and the dataset group %s has domain %q; they must be the same.", s.arn, deref(s.domain), g.arn, domain)
	}
	if err := checkSchemaFor(typ, domain, s.parsed); err != nil {
		return invalid(Personalize, "Invalid schema for a %s dataset: %v", typ, err)
	}
	return nil
}

// inForce returns the schema in force at now: the update's once the update is done.
func (d *dataset) inForce(now time.Time) *schema {
	if d.next != nil {
		if status, _, _ := statusOf(d, now); !updating(status) {
			return d.next
		}
	}
	return d.schema
}

func (e *Engine) describeDataset(w *world, in *personalize.DescribeDatasetInput, cx opContext) (*personalize.DescribeDatasetOutput, *Error) {
	d, ok := w.datasets.resolve(*in.DatasetArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.DatasetArn)
	}
	status, changed, _ := statusOf(d, cx.now)
	out := &personalize.Dataset{
		Name:                &d.name,
		DatasetArn:          &d.arn,
		DatasetGroupArn:     &d.group.arn,
		DatasetType:         &d.typ,
		SchemaArn:           &d.inForce(cx.now).arn,
		Status:              &status,
		CreationDateTime:    shape.T(d.created),
		LastUpdatedDateTime: shape.T(changed),
	}
	if d.trackingID != "" {
		out.TrackingId = &d.trackingID
	}
	if d.next != nil {
		updateStatus := status
		if !updating(status) {
			updateStatus = StatusActive
		}
		updateChanged := changed
		if !updating(status) {
			updateChanged = d.updated.Add(d.timing.UpdatePending + d.timing.UpdateInProgress)
		}
		out.LatestDatasetUpdate = &personalize.DatasetUpdateSummary{
			SchemaArn:           &d.next.arn,
			Status:              &updateStatus,
			CreationDateTime:    shape.T(d.updated),
			LastUpdatedDateTime: shape.T(updateChanged),
		}
	}
	return &personalize.DescribeDatasetOutput{Dataset: out}, nil
}

func (e *Engine) listDatasets(w *world, in *personalize.ListDatasetsInput, cx opContext) (*personalize.ListDatasetsOutput, *Error) {
	var keep func(*dataset) bool
	if in.DatasetGroupArn != nil {
		keep = func(d *dataset) bool { return d.group.arn == *in.DatasetGroupArn }
	}
	page, next, err := newestFirst(w.datasets, nil, "datasets", in.NextToken, in.MaxResults, cx.now, keep)
	if err != nil {
		return nil, err
	}
	out := &personalize.ListDatasetsOutput{Datasets: make([]personalize.DatasetSummary, len(page)), NextToken: next}
	for i, d := range page {
		status, changed, _ := statusOf(d, cx.now)
		out.Datasets[i] = personalize.DatasetSummary{
			Name: &d.name, DatasetArn: &d.arn, DatasetType: &d.typ, Status: &status,
			CreationDateTime: shape.T(d.created), LastUpdatedDateTime: shape.T(changed),
		}
	}
	return out, nil
}

func (e *Engine) updateDataset(w *world, in *personalize.UpdateDatasetInput, cx opContext) (*personalize.UpdateDatasetOutput, *Error) {
	d, ok := w.datasets.resolve(*in.DatasetArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.DatasetArn)
	}
	s, ok := w.schemas.resolve(*in.SchemaArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.SchemaArn)
	}
	if d.typ != typeItems && d.typ != typeUsers {
		return nil, invalid(Personalize, "Only Items and Users datasets can have their schema replaced, not %s.", d.typ)
	}
	if status, _, _ := statusOf(d, cx.now); status != StatusActive {
		return nil, inUse("The dataset %s is in %s state and cannot be updated.", d.arn, status)
	}
	current := d.inForce(cx.now)
	if err := e.checkDatasetSchema(d.typ, d.group, s); err != nil {
		return nil, err
	}
	if err := checkSchemaUpdate(current.parsed, s.parsed); err != nil {
		return nil, invalid(Personalize, "The schema %s cannot replace %s: %v", s.arn, current.arn, err)
	}
	if d.schema != current {
		unuse(d, d.schema) // a finished update's old schema is no longer the dataset's
	}
	d.schema, d.next, d.updated = current, s, cx.now
	use(d, s)
	return &personalize.UpdateDatasetOutput{DatasetArn: &d.arn}, nil
}

func (e *Engine) deleteDataset(w *world, in *personalize.DeleteDatasetInput, cx opContext) (*personalize.DeleteDatasetOutput, *Error) {
	d, ok := w.datasets.resolve(*in.DatasetArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.DatasetArn)
	}
	if status, _, _ := statusOf(d, cx.now); status != StatusActive && status != StatusCreateFailed {
		return nil, inUse("The dataset %s is in %s state and cannot be deleted.", d.arn, status)
	}
	// AWS: "You can't delete a dataset if an associated DatasetImportJob or SolutionVersion is
	// in the CREATE PENDING or IN PROGRESS state." An export job reads it too.
	if j := w.exportBusy(d, cx.now); j != nil {
		return nil, inUse("The dataset %s cannot be deleted while its export job %s is being created.", d.arn, j.arn)
	}
	if busy := w.busyWith(d, cx.now); busy != "" {
		return nil, inUse("The dataset %s cannot be deleted while %s.", d.arn, busy)
	}
	d.deleted = cx.now
	w.datasets.retire(d)
	return &personalize.DeleteDatasetOutput{}, nil
}

// needs are the dataset's group, its schema and the schema of its latest update (kinds.txt:
// needs dataset-groups schemas).
func (d *dataset) needs() needed {
	n := needed{d.group, d.schema}
	if d.next != nil {
		n[2] = d.next
	}
	return n
}

// purged lets go of what refers to a dataset whose deletion finished.
func (d *dataset) purged(w *world) {
	if w.byActionTrackingID[d.trackingID] == d {
		delete(w.byActionTrackingID, d.trackingID)
	}
	d.records, d.imported = records{}, imported{}
}

// busyWith names what a dataset is busy with that keeps it from being deleted: an import job of
// it, or a version of a solution of its group, still being created; "" when nothing is.
func (w *world) busyWith(d *dataset, now time.Time) string {
	busy := ""
	w.eachUser(d, now, func(u resource) bool {
		if j, ok := u.(*datasetImportJob); ok {
			if status, _, _ := statusOf(j, now); creating(status) {
				busy = "the import job " + j.arn + " is in " + status + " state"
			}
		}
		return busy == ""
	})
	w.eachUser(d.group, now, func(u resource) bool {
		if s, ok := u.(*solution); ok && busy == "" {
			w.eachUser(s, now, func(u resource) bool {
				if v, ok := u.(*solutionVersion); ok {
					if status, _, _ := statusOf(v, now); creatingOrStopping(status) {
						busy = "the solution version " + v.arn + " is in " + status + " state"
					}
				}
				return busy == ""
			})
		}
		return busy == ""
	})
	return busy
}

// groupDataset returns a group's dataset of a type, if it still has one.
func (w *world) groupDataset(g *datasetGroup, typ string, now time.Time) *dataset {
	return firstUser(w, g, now, func(d *dataset) bool { return d.typ == typ })
}

func (d *dataset) state(w *world, now time.Time) []ResourceState {
	st := d.baseState(w, "dataset", Personalize, "CreateDataset", &personalize.CreateDatasetInput{
		Name: &d.name, SchemaArn: &d.inForce(now).arn, DatasetGroupArn: &d.group.arn, DatasetType: &d.typ, Tags: d.tags.personalizeOrNil(),
	})
	st.Type = d.typ
	st.HoldsRecords, st.Records = true, d.heldRecords()
	if d.trackingID != "" {
		st.IDs = map[string]string{"trackingId": d.trackingID}
	}
	if !livedState(&st, d, now) {
		return []ResourceState{st} // its records are going with it
	}
	if updating(st.Status) {
		st.Status = StatusActive
	}
	return append([]ResourceState{st}, d.recordStates(w)...)
}
