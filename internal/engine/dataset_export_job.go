package engine

import (
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// datasetExportJob is one dataset export job: it writes its dataset's records as a CSV object
// under its S3 destination when it completes. What it writes is the dataset as it was when the
// job was created (a documented guess: AWS does not say when during the job it reads the data),
// kept as a cheap snapshot and rendered once, when the job is first seen complete.
type datasetExportJob struct {
	entity
	lifecycle
	dataset   *dataset
	ingestion string // BULK, PUT or ALL
	roleArn   string
	output    personalize.DatasetExportJobOutput
	snap      *exportSnapshot // until the job has written its object
}

// exportObjectName is the name of the object an export job writes under its destination: a
// documented guess (AWS says only "one or more CSV files"); list the destination with
// Fake.Objects rather than building the name.
func exportObjectName(jobName string) string { return jobName + "/part-00000.csv" }

// needs is the job's dataset (kinds.txt: needs datasets).
func (j *datasetExportJob) needs() needed { return needed{j.dataset} }

func (e *Engine) createDatasetExportJob(w *world, in *personalize.CreateDatasetExportJobInput, cx opContext) (*personalize.CreateDatasetExportJobOutput, *Error) {
	d, ok := w.datasets.resolve(*in.DatasetArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.DatasetArn)
	}
	// AWS: "You can't export data in an Action interactions dataset or Actions dataset." (The
	// code is a documented guess.)
	if d.typ == typeActions || d.typ == typeActionInteractions {
		return nil, invalid(Personalize, "The dataset %s is an %s dataset; only Interactions, Items and Users datasets can be exported.", d.arn, d.typ)
	}
	if status, _, _ := statusOf(d, cx.now); status != StatusActive {
		return nil, inUse("The dataset %s is not ACTIVE (its status is %s).", d.arn, status)
	}
	arn := w.scope.arn(Personalize, "dataset-export-job", *in.JobName)
	if _, taken := w.datasetExportJobs.lookup(*in.JobName, cx.now); taken {
		return nil, alreadyExists("Another resource with Arn %s already exists.", arn)
	}
	if err := w.datasetExportJobs.overQuota(&e.cfg); err != nil {
		return nil, err
	}
	tags, err := e.newTags(Personalize, tagsFromPersonalize(in.Tags))
	if err != nil {
		return nil, err
	}
	mode := ingestionPut // AWS: "The default value is PUT."
	if in.IngestionMode != nil {
		mode = *in.IngestionMode
	}
	j := &datasetExportJob{
		entity:    entity{arn: arn, name: *in.JobName, tags: tags},
		lifecycle: e.newLifecycle(catalog.DatasetExportJobs, cx),
		dataset:   d,
		ingestion: mode,
		roleArn:   *in.RoleArn,
		output:    *in.JobOutput,
	}
	j.snap = d.exportSnapshot(w, mode, cx.now)
	w.datasetExportJobs.insert(j, cx.now)
	e.objects.expect(j)
	return &personalize.CreateDatasetExportJobOutput{DatasetExportJobArn: &j.arn}, nil
}

// objectsAt is the CSV the job writes once it is ACTIVE; nothing if it failed or is gone.
func (j *datasetExportJob) objectsAt(now time.Time) ([]Object, bool) {
	if j.removed {
		return nil, true
	}
	switch status, changed, _ := statusOf(j, now); status {
	case StatusActive:
		uri := objectKey(*j.output.S3DataDestination.Path, exportObjectName(j.name))
		body := j.snap.render()
		j.snap = nil // written once: what it held can go
		return []Object{{URI: uri, Body: body, At: changed}}, true
	case StatusCreateFailed:
		j.snap = nil
		return nil, true
	}
	return nil, false
}

func (e *Engine) describeDatasetExportJob(w *world, in *personalize.DescribeDatasetExportJobInput, cx opContext) (*personalize.DescribeDatasetExportJobOutput, *Error) {
	j, ok := w.datasetExportJobs.resolve(*in.DatasetExportJobArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.DatasetExportJobArn)
	}
	e.objects.settleOne(j, cx.now)
	status, changed, _ := statusOf(j, cx.now)
	return &personalize.DescribeDatasetExportJobOutput{DatasetExportJob: &personalize.DatasetExportJob{
		JobName:             &j.name,
		DatasetExportJobArn: &j.arn,
		DatasetArn:          &j.dataset.arn,
		IngestionMode:       &j.ingestion,
		RoleArn:             &j.roleArn,
		Status:              &status,
		JobOutput:           &j.output,
		CreationDateTime:    shape.T(j.created),
		LastUpdatedDateTime: shape.T(changed),
		FailureReason:       failureReason(status, j.failReason),
	}}, nil
}

// listDatasetExportJobs lists newest first; with datasetArn, that dataset's jobs (none for a
// dataset that does not exist: the operation models no not-found error).
func (e *Engine) listDatasetExportJobs(w *world, in *personalize.ListDatasetExportJobsInput, cx opContext) (*personalize.ListDatasetExportJobsOutput, *Error) {
	var keep func(*datasetExportJob) bool
	if in.DatasetArn != nil {
		keep = func(j *datasetExportJob) bool { return j.dataset.arn == *in.DatasetArn }
	}
	page, next, err := newestFirst(w.datasetExportJobs, nil, "dataset-export-jobs", in.NextToken, in.MaxResults, cx.now, keep)
	if err != nil {
		return nil, err
	}
	out := &personalize.ListDatasetExportJobsOutput{DatasetExportJobs: make([]personalize.DatasetExportJobSummary, len(page)), NextToken: next}
	for i, j := range page {
		e.objects.settleOne(j, cx.now)
		status, changed, _ := statusOf(j, cx.now)
		out.DatasetExportJobs[i] = personalize.DatasetExportJobSummary{
			JobName: &j.name, DatasetExportJobArn: &j.arn, Status: &status,
			CreationDateTime: shape.T(j.created), LastUpdatedDateTime: shape.T(changed),
			FailureReason: failureReason(status, j.failReason),
		}
	}
	return out, nil
}

// exportBusy returns an export job of a dataset that is still being created, which keeps the
// dataset from being deleted (a documented guess: AWS states the rule for import jobs), or nil.
func (w *world) exportBusy(d *dataset, now time.Time) *datasetExportJob {
	return firstUser(w, d, now, func(j *datasetExportJob) bool {
		status, _, _ := statusOf(j, now)
		return creating(status)
	})
}

// state is the job as the seed that recreates it (writing what its dataset then holds); none
// once its dataset is being deleted, as a state document leaves the dataset out.
func (j *datasetExportJob) state(w *world, now time.Time) []ResourceState {
	if !w.live(j.dataset, now) {
		return nil
	}
	if status, _, _ := statusOf(j.dataset, now); deleting(status) {
		return nil
	}
	in := &personalize.CreateDatasetExportJobInput{
		JobName: &j.name, DatasetArn: &j.dataset.arn, IngestionMode: &j.ingestion, RoleArn: &j.roleArn,
		JobOutput: &j.output, Tags: j.tags.personalizeOrNil(),
	}
	st := j.baseState(w, "dataset-export-job", Personalize, "CreateDatasetExportJob", in)
	st.Type = j.ingestion
	livedState(&st, j, now)
	return []ResourceState{st}
}
