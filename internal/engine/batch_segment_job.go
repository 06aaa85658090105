package engine

import (
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/pzfilter"
	"github.com/awsfake/awsfake/internal/recommend"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// batchSegmentJob is one batch segment job: a user segment for every line of its input, by its
// solution version's model (aws-item-affinity, aws-item-attribute-affinity), written as JSON
// Lines objects when it completes (see batch_job.go). Its statuses are those of a batch
// inference job.
type batchSegmentJob struct {
	entity
	lifecycle
	version *solutionVersion
	in      personalize.CreateBatchSegmentJobInput // as given (the doors hand the engine copies)
	results int32                                  // numResults in force: the given one, else the default
	outputs []batchOutput                          `digest:"-"` // computed at creation, until written
}

// needs is the job's solution version (kinds.txt: needs solution-versions).
func (j *batchSegmentJob) needs() needed { return needed{j.version} }

func (e *Engine) createBatchSegmentJob(w *world, in *personalize.CreateBatchSegmentJobInput, cx opContext) (*personalize.CreateBatchSegmentJobOutput, *Error) {
	v, recipe, err := w.activeVersion(*in.SolutionVersionArn, cx.now)
	if err != nil {
		return nil, err
	}
	if !recipe.BatchSegment {
		return nil, invalid(Personalize, "The recipe %s does not make user segments: batch segment jobs take aws-item-affinity or aws-item-attribute-affinity.", recipe.Name)
	}
	n := recommend.DefaultNumResults // a documented guess: AWS documents no default
	if in.NumResults != nil {
		if *in.NumResults < 1 || *in.NumResults > maxSegmentUsers {
			return nil, invalid(Personalize, "numResults must be between 1 and %d, not %d.", maxSegmentUsers, *in.NumResults)
		}
		n = int(*in.NumResults)
	}
	f, err := w.jobFilter(in.FilterArn, v, pzfilter.UserID, cx.now)
	if err != nil {
		return nil, err
	}
	arn := w.scope.arn(Personalize, "batch-segment-job", *in.JobName)
	if _, taken := w.batchSegmentJobs.lookup(*in.JobName, cx.now); taken {
		return nil, alreadyExists("Another resource with Arn %s already exists.", arn)
	}
	if err := w.batchSegmentJobs.overQuotaWithin(&e.cfg, nil, cx.now); err != nil {
		return nil, err
	}
	tags, err := e.newTags(Personalize, tagsFromPersonalize(in.Tags))
	if err != nil {
		return nil, err
	}
	j := &batchSegmentJob{
		entity:    entity{arn: arn, name: *in.JobName, tags: tags},
		lifecycle: e.newLifecycle(catalog.BatchSegmentJobs, cx),
		version:   v, in: *in, results: int32(n),
	}
	j.in.Tags = nil
	if j.failReason == "" {
		var reason string
		m, terr := v.trained()
		if terr != nil {
			reason = "Create failed. " + terr.Error()
		} else {
			items := w.filterData(v.solution.group, cx.now)
			answer := segmentAnswer(m, n, f, items, w.filterSchemas(v.solution.group, cx.now))
			j.outputs, reason = runBatch(e.cfg.Objects, *in.JobInput.S3DataSource.Path, *in.JobOutput.S3DataDestination.Path, answer)
		}
		if reason != "" && (cx.seed == nil || creating(cx.seed.Status)) {
			j.failReason = reason
		}
	}
	w.batchSegmentJobs.insert(j, cx.now)
	e.objects.expect(j)
	return &personalize.CreateBatchSegmentJobOutput{BatchSegmentJobArn: &j.arn}, nil
}

// maxSegmentUsers is AWS's most users in one segment.
const maxSegmentUsers = 5_000_000

// objectsAt is what the job writes once it is ACTIVE.
func (j *batchSegmentJob) objectsAt(now time.Time) ([]Object, bool) {
	return objectsAtEnd(j, &j.outputs, now)
}

func (e *Engine) describeBatchSegmentJob(w *world, in *personalize.DescribeBatchSegmentJobInput, cx opContext) (*personalize.DescribeBatchSegmentJobOutput, *Error) {
	j, ok := w.batchSegmentJobs.resolve(*in.BatchSegmentJobArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.BatchSegmentJobArn)
	}
	e.objects.settleOne(j, cx.now)
	status, changed, _ := statusOf(j, cx.now)
	return &personalize.DescribeBatchSegmentJobOutput{BatchSegmentJob: &personalize.BatchSegmentJob{
		JobName: &j.name, BatchSegmentJobArn: &j.arn, SolutionVersionArn: &j.version.arn, FilterArn: j.in.FilterArn,
		NumResults: &j.results, JobInput: j.in.JobInput, JobOutput: j.in.JobOutput, RoleArn: j.in.RoleArn,
		Status: &status, FailureReason: failureReason(status, j.failReason),
		CreationDateTime: shape.T(j.created), LastUpdatedDateTime: shape.T(changed),
	}}, nil
}

// listBatchSegmentJobs lists newest first; with solutionVersionArn, that version's jobs (none
// for a version that does not exist: the operation models no not-found error).
func (e *Engine) listBatchSegmentJobs(w *world, in *personalize.ListBatchSegmentJobsInput, cx opContext) (*personalize.ListBatchSegmentJobsOutput, *Error) {
	var keep func(*batchSegmentJob) bool
	if in.SolutionVersionArn != nil {
		keep = func(j *batchSegmentJob) bool { return j.version.arn == *in.SolutionVersionArn }
	}
	page, next, err := newestFirst(w.batchSegmentJobs, nil, "batch-segment-jobs", in.NextToken, in.MaxResults, cx.now, keep)
	if err != nil {
		return nil, err
	}
	out := &personalize.ListBatchSegmentJobsOutput{BatchSegmentJobs: make([]personalize.BatchSegmentJobSummary, len(page)), NextToken: next}
	for i, j := range page {
		e.objects.settleOne(j, cx.now)
		status, changed, _ := statusOf(j, cx.now)
		out.BatchSegmentJobs[i] = personalize.BatchSegmentJobSummary{
			JobName: &j.name, BatchSegmentJobArn: &j.arn, SolutionVersionArn: &j.version.arn,
			Status: &status, FailureReason: failureReason(status, j.failReason),
			CreationDateTime: shape.T(j.created), LastUpdatedDateTime: shape.T(changed),
		}
	}
	return out, nil
}

// laterState is the job as the seed that recreates it (reading its input again), after the
// version it uses; none once that version is gone or going.
func (j *batchSegmentJob) laterState(w *world, now time.Time) []ResourceState {
	if !w.live(j.version, now) {
		return nil
	}
	if status, _, _ := statusOf(j.version, now); deleting(status) {
		return nil
	}
	in := j.in
	in.Tags = j.tags.personalizeOrNil()
	st := j.baseState(w, "batch-segment-job", Personalize, "CreateBatchSegmentJob", &in)
	livedState(&st, j, now)
	return []ResourceState{st}
}
