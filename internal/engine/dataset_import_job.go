package engine

import (
	"errors"
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/csvimport"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// datasetImportJob is one dataset import job. It reads its objects (Config.Objects, where
// s3://bucket/key is the file bucket/key) when it is created, parsed against the dataset's
// schema; a problem makes it end CREATE FAILED with csvimport's reason (naming the object, line
// and field). Its rows join the dataset when it ends ACTIVE: the dataset takes them in (settle)
// the first time anything reads or writes it after that moment, so the rows are there for
// whatever comes after, on any clock.
type datasetImportJob struct {
	entity
	lifecycle
	dataset  *dataset
	location string
	roleArn  *string
	mode     string            // FULL or INCREMENTAL
	publish  *bool             // publishAttributionMetricsToS3, kept
	rows     *csvimport.Result `digest:"-"` // what it read, until the dataset takes it in
	applied  bool              // the dataset took its rows in
}

// needs is the job's dataset (kinds.txt: needs datasets).
func (j *datasetImportJob) needs() needed { return needed{j.dataset} }

func (e *Engine) createDatasetImportJob(w *world, in *personalize.CreateDatasetImportJobInput, cx opContext) (*personalize.CreateDatasetImportJobOutput, *Error) {
	name := *in.JobName
	d, ok := w.datasets.resolve(*in.DatasetArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.DatasetArn)
	}
	if status, _, _ := statusOf(d, cx.now); status != StatusActive {
		return nil, inUse("The dataset %s is in %s state.", d.arn, status)
	}
	arn := w.scope.arn(Personalize, "dataset-import-job", name)
	if _, taken := w.datasetImportJobs.lookup(name, cx.now); taken {
		return nil, alreadyExists("Another resource with Arn %s already exists.", arn)
	}
	mode := "FULL"
	if in.ImportMode != nil {
		mode = *in.ImportMode
	}
	// AWS: INCREMENTAL "only after a FULL import" (a documented guess at the code: the FULL
	// import may still be running, as it will have ended first).
	if mode == "INCREMENTAL" && !w.hasFullImport(d, cx.now) {
		return nil, invalid(Personalize, "The dataset %s has no FULL import: an INCREMENTAL import can only follow one.", d.arn)
	}
	if err := w.datasetImportJobs.overQuotaWithin(&e.cfg, nil, cx.now); err != nil {
		return nil, err
	}
	tags, err := e.newTags(Personalize, tagsFromPersonalize(in.Tags))
	if err != nil {
		return nil, err
	}
	j := &datasetImportJob{
		entity:    entity{arn: arn, name: name, tags: tags},
		lifecycle: e.newLifecycle(catalog.DatasetImportJobs, cx),
		dataset:   d, location: *in.DataSource.DataLocation, roleArn: in.RoleArn, mode: mode, publish: in.PublishAttributionMetricsToS3,
	}
	if reason := e.readObjects(j, cx); reason != "" && (cx.seed == nil || creating(cx.seed.Status)) {
		// A seed that says the job ended ACTIVE stays so, with what it could read (none).
		j.failReason = reason
	}
	w.datasetImportJobs.insert(j, cx.now)
	if j.rows != nil {
		d.unsettled++
		d.settle(w, cx.now) // a seed that starts ACTIVE is in the dataset at once
	}
	return &personalize.CreateDatasetImportJobOutput{DatasetImportJobArn: &j.arn}, nil
}

// readObjects reads and parses what a new job imports, unless it is to fail anyway, and returns
// why it cannot ("" when it can).
func (e *Engine) readObjects(j *datasetImportJob, cx opContext) string {
	if j.failReason != "" {
		return "" // a scenario (or a seed) fails it
	}
	if e.cfg.Objects == nil {
		return "Invalid Data location. The fake holds no objects: give it some with fake.WithObjects (the server: -objects DIR)."
	}
	fields := j.dataset.inForce(cx.now).parsed.csvFields()
	opts := csvimport.Options{MinInteractions: csvimport.MinInteractionRecords}
	if e.cfg.SmallDatasets {
		opts.MinInteractions = 0
	}
	res, err := csvimport.Import(e.cfg.Objects, j.location, j.dataset.typ, fields, opts)
	var bad *csvimport.Error
	switch {
	case errors.As(err, &bad):
		return bad.Error()
	case err != nil:
		return "Failed to create a data import job: " + err.Error()
	}
	j.rows = res
	return ""
}

// csvFields is the schema as csvimport reads it.
func (s *avroSchema) csvFields() []csvimport.Field {
	out := make([]csvimport.Field, len(s.fields))
	for i, f := range s.fields {
		out[i] = csvimport.Field{Name: f.name, Type: f.typ, Nullable: f.nullable, Categorical: f.categorical, Textual: f.textual}
	}
	return out
}

// hasFullImport reports whether a dataset has a FULL import that ended ACTIVE or is running.
func (w *world) hasFullImport(d *dataset, now time.Time) bool {
	found := false
	w.eachUser(d, now, func(u resource) bool {
		if j, ok := u.(*datasetImportJob); ok && j.mode == "FULL" {
			status, _, _ := statusOf(j, now)
			found = status == StatusActive || creating(status)
		}
		return !found
	})
	return found
}

// settle takes in the rows of the dataset's import jobs that have ended ACTIVE by now, in the
// order they were created (the order they end in: they share their timings), and applies the
// group's data deletion jobs that completed by now (data_deletion_job.go). Every read and write
// of the dataset's records starts here.
func (d *dataset) settle(w *world, now time.Time) {
	w.settleDeletions(d.group, now)
	d.settleImports(w, now)
}

// settleImports takes in the rows of the import jobs that have ended ACTIVE by now.
func (d *dataset) settleImports(w *world, now time.Time) {
	if d.unsettled == 0 {
		return
	}
	w.eachUser(d, now, func(u resource) bool {
		j, ok := u.(*datasetImportJob)
		if !ok || j.rows == nil {
			return true
		}
		status, changed, _ := statusOf(j, now)
		if creating(status) {
			return false // the later ones end later
		}
		if status == StatusActive {
			d.imported.apply(j.rows, j.mode == "FULL", changed)
			j.applied = true
		}
		j.rows = nil
		d.unsettled--
		return d.unsettled > 0
	})
}

// settleAll settles every dataset with import jobs not yet taken in, and every group with data
// deletion jobs not yet applied.
func (w *world) settleAll(now time.Time) {
	for _, g := range w.datasetGroups.view(false) {
		if g.deletions > 0 && !g.removed {
			w.settleDeletions(g, now)
		}
	}
	for _, d := range w.datasets.view(false) {
		if (d.unsettled > 0 || d.group.deletions > 0) && !d.removed {
			d.settle(w, now)
		}
	}
}

func (e *Engine) describeDatasetImportJob(w *world, in *personalize.DescribeDatasetImportJobInput, cx opContext) (*personalize.DescribeDatasetImportJobOutput, *Error) {
	j, ok := w.datasetImportJobs.resolve(*in.DatasetImportJobArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.DatasetImportJobArn)
	}
	status, changed, _ := statusOf(j, cx.now)
	return &personalize.DescribeDatasetImportJobOutput{DatasetImportJob: &personalize.DatasetImportJob{
		JobName: &j.name, DatasetImportJobArn: &j.arn, DatasetArn: &j.dataset.arn,
		DataSource: &personalize.DataSource{DataLocation: &j.location}, RoleArn: j.roleArn, ImportMode: &j.mode,
		PublishAttributionMetricsToS3: j.publish, Status: &status, FailureReason: failureReason(status, j.failure()),
		CreationDateTime: shape.T(j.created), LastUpdatedDateTime: shape.T(changed),
	}}, nil
}

// listDatasetImportJobs lists newest first; with datasetArn, that dataset's jobs.
func (e *Engine) listDatasetImportJobs(w *world, in *personalize.ListDatasetImportJobsInput, cx opContext) (*personalize.ListDatasetImportJobsOutput, *Error) {
	var keep func(*datasetImportJob) bool
	if in.DatasetArn != nil {
		keep = func(j *datasetImportJob) bool { return j.dataset.arn == *in.DatasetArn }
	}
	page, next, err := newestFirst(w.datasetImportJobs, nil, "dataset-import-jobs", in.NextToken, in.MaxResults, cx.now, keep)
	if err != nil {
		return nil, err
	}
	out := &personalize.ListDatasetImportJobsOutput{DatasetImportJobs: make([]personalize.DatasetImportJobSummary, len(page)), NextToken: next}
	for i, j := range page {
		status, changed, _ := statusOf(j, cx.now)
		out.DatasetImportJobs[i] = personalize.DatasetImportJobSummary{
			JobName: &j.name, DatasetImportJobArn: &j.arn, ImportMode: &j.mode, Status: &status,
			FailureReason: failureReason(status, j.failure()), CreationDateTime: shape.T(j.created), LastUpdatedDateTime: shape.T(changed),
		}
	}
	return out, nil
}

// state is the job as the call that creates it; reloaded, it reads its objects again. A job
// whose dataset is gone is left out.
func (j *datasetImportJob) state(w *world, now time.Time) []ResourceState {
	if j.dataset.removed {
		return nil
	}
	st := j.baseState(w, "dataset-import-job", Personalize, "CreateDatasetImportJob", &personalize.CreateDatasetImportJobInput{
		JobName: &j.name, DatasetArn: &j.dataset.arn, DataSource: &personalize.DataSource{DataLocation: &j.location},
		RoleArn: j.roleArn, ImportMode: &j.mode, PublishAttributionMetricsToS3: j.publish, Tags: j.tags.personalizeOrNil(),
	})
	st.Type = j.mode
	livedState(&st, j, now)
	return []ResourceState{st}
}
