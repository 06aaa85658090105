package engine

import (
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/pzfilter"
	"github.com/awsfake/awsfake/internal/recommend"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// batchInferenceJob is one batch inference job: recommendations for every line of its input,
// by its solution version's model, written as JSON Lines objects when it completes (see
// batch_job.go). Its statuses are CREATE PENDING > CREATE IN_PROGRESS > ACTIVE | CREATE FAILED,
// as real runs show them (the model's doc says PENDING, IN PROGRESS).
type batchInferenceJob struct {
	entity
	lifecycle
	version *solutionVersion
	in      personalize.CreateBatchInferenceJobInput // as given (the doors hand the engine copies)
	mode    string                                   // BATCH_INFERENCE
	results int32                                    // numResults in force: the given one, else the default
	outputs []batchOutput                            `digest:"-"` // computed at creation, until written
}

// needs is the job's solution version (kinds.txt: needs solution-versions).
func (j *batchInferenceJob) needs() needed { return needed{j.version} }

func (e *Engine) createBatchInferenceJob(w *world, in *personalize.CreateBatchInferenceJobInput, cx opContext) (*personalize.CreateBatchInferenceJobOutput, *Error) {
	v, recipe, err := w.activeVersion(*in.SolutionVersionArn, cx.now)
	if err != nil {
		return nil, err
	}
	if !recipe.BatchInference {
		// AWS: "You can't get batch recommendations with the Trending-Now or Next-Best-Action
		// recipes" (nor, the fake's choice, with the segmentation recipes, whose jobs are batch
		// segment jobs).
		return nil, invalid(Personalize, "The recipe %s does not serve batch inference jobs.", recipe.Name)
	}
	mode := "BATCH_INFERENCE"
	if in.BatchInferenceJobMode != nil {
		mode = *in.BatchInferenceJobMode
	}
	if mode == "THEME_GENERATION" {
		// Themes come from a generative model the fake does not stand in for.
		return nil, invalid(Personalize, "batchInferenceJobMode THEME_GENERATION is not modelled by the fake; use BATCH_INFERENCE.")
	}
	n, _ := recommend.CheckNumResults(0, false) // the default
	if in.NumResults != nil {
		var ok bool
		if n, ok = recommend.CheckNumResults(int(*in.NumResults), false); !ok {
			return nil, invalid(Personalize, "numResults must be between 1 and %d, not %d.", recommend.MaxNumResults, *in.NumResults)
		}
	}
	var explore *recommend.Exploration
	if c := in.BatchInferenceJobConfig; c != nil && len(c.ItemExplorationConfig) > 0 {
		info, _ := recommend.Lookup(v.config.Recipe)
		if info.Family != recommend.UserPersonalization {
			return nil, invalid(Personalize, "itemExplorationConfig is only for User-Personalization recipes, not %s.", info.Name)
		}
		x, perr := recommend.ParseExploration(c.ItemExplorationConfig)
		if perr != nil {
			return nil, invalid(Personalize, "Invalid itemExplorationConfig: %v", perr)
		}
		explore = &x
	}
	f, err := w.jobFilter(in.FilterArn, v, pzfilter.ItemID, cx.now)
	if err != nil {
		return nil, err
	}
	arn := w.scope.arn(Personalize, "batch-inference-job", *in.JobName)
	if _, taken := w.batchInferenceJobs.lookup(*in.JobName, cx.now); taken {
		return nil, alreadyExists("Another resource with Arn %s already exists.", arn)
	}
	if err := w.batchInferenceJobs.overQuotaWithin(&e.cfg, nil, cx.now); err != nil {
		return nil, err
	}
	tags, err := e.newTags(Personalize, tagsFromPersonalize(in.Tags))
	if err != nil {
		return nil, err
	}
	j := &batchInferenceJob{
		entity:    entity{arn: arn, name: *in.JobName, tags: tags},
		lifecycle: e.newLifecycle(catalog.BatchInferenceJobs, cx),
		version:   v, in: *in, mode: mode, results: int32(n),
	}
	j.in.Tags = nil
	if j.failReason == "" {
		var reason string
		m, terr := v.trained()
		if terr != nil {
			reason = "Create failed. " + terr.Error()
		} else {
			j.outputs, reason = runBatch(e.cfg.Objects, *in.JobInput.S3DataSource.Path, *in.JobOutput.S3DataDestination.Path, inferenceAnswer(m, n, explore, f))
		}
		if reason != "" && (cx.seed == nil || creating(cx.seed.Status)) {
			j.failReason = reason
		}
	}
	w.batchInferenceJobs.insert(j, cx.now)
	e.objects.expect(j)
	return &personalize.CreateBatchInferenceJobOutput{BatchInferenceJobArn: &j.arn}, nil
}

// objectsAt is what the job writes once it is ACTIVE.
func (j *batchInferenceJob) objectsAt(now time.Time) ([]Object, bool) {
	return objectsAtEnd(j, &j.outputs, now)
}

func (e *Engine) describeBatchInferenceJob(w *world, in *personalize.DescribeBatchInferenceJobInput, cx opContext) (*personalize.DescribeBatchInferenceJobOutput, *Error) {
	j, ok := w.batchInferenceJobs.resolve(*in.BatchInferenceJobArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.BatchInferenceJobArn)
	}
	e.objects.settleOne(j, cx.now)
	status, changed, _ := statusOf(j, cx.now)
	return &personalize.DescribeBatchInferenceJobOutput{BatchInferenceJob: &personalize.BatchInferenceJob{
		JobName: &j.name, BatchInferenceJobArn: &j.arn, SolutionVersionArn: &j.version.arn, FilterArn: j.in.FilterArn,
		NumResults: &j.results, JobInput: j.in.JobInput, JobOutput: j.in.JobOutput, RoleArn: j.in.RoleArn,
		BatchInferenceJobConfig: j.in.BatchInferenceJobConfig, BatchInferenceJobMode: &j.mode,
		Status: &status, FailureReason: failureReason(status, j.failReason),
		CreationDateTime: shape.T(j.created), LastUpdatedDateTime: shape.T(changed),
	}}, nil
}

// listBatchInferenceJobs lists newest first; with solutionVersionArn, that version's jobs (none
// for a version that does not exist: the operation models no not-found error).
func (e *Engine) listBatchInferenceJobs(w *world, in *personalize.ListBatchInferenceJobsInput, cx opContext) (*personalize.ListBatchInferenceJobsOutput, *Error) {
	var keep func(*batchInferenceJob) bool
	if in.SolutionVersionArn != nil {
		keep = func(j *batchInferenceJob) bool { return j.version.arn == *in.SolutionVersionArn }
	}
	page, next, err := newestFirst(w.batchInferenceJobs, nil, "batch-inference-jobs", in.NextToken, in.MaxResults, cx.now, keep)
	if err != nil {
		return nil, err
	}
	out := &personalize.ListBatchInferenceJobsOutput{BatchInferenceJobs: make([]personalize.BatchInferenceJobSummary, len(page)), NextToken: next}
	for i, j := range page {
		e.objects.settleOne(j, cx.now)
		status, changed, _ := statusOf(j, cx.now)
		out.BatchInferenceJobs[i] = personalize.BatchInferenceJobSummary{
			JobName: &j.name, BatchInferenceJobArn: &j.arn, SolutionVersionArn: &j.version.arn, BatchInferenceJobMode: &j.mode,
			Status: &status, FailureReason: failureReason(status, j.failReason),
			CreationDateTime: shape.T(j.created), LastUpdatedDateTime: shape.T(changed),
		}
	}
	return out, nil
}

// laterState is the job as the seed that recreates it (reading its input again), after the
// version it uses; none once that version is gone or going.
func (j *batchInferenceJob) laterState(w *world, now time.Time) []ResourceState {
	if !w.live(j.version, now) {
		return nil
	}
	if status, _, _ := statusOf(j.version, now); deleting(status) {
		return nil
	}
	in := j.in
	in.Tags = j.tags.personalizeOrNil()
	st := j.baseState(w, "batch-inference-job", Personalize, "CreateBatchInferenceJob", &in)
	livedState(&st, j, now)
	return []ResourceState{st}
}
