package engine

import (
	"strconv"

	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// The SageMaker tagging operations, on the ARN of any SageMaker resource the fake holds.

// tagged finds the resource an ARN names. SageMaker answers tagging calls on a resource that
// does not exist with ValidationException.
func (w *world) taggedSageMaker(arn string, cx opContext) (*entity, *Error) {
	if r := w.resolveAny(SageMaker, arn, cx.now); r != nil {
		return r.base(), nil
	}
	if job := w.sourceJobs[arn]; job != nil {
		return job, nil // the job a seeded trial component came from (trial_component.go)
	}
	return nil, invalid(SageMaker, "Resource %s does not exist.", arn)
}

func (e *Engine) addTags(w *world, in *sagemaker.AddTagsInput, cx opContext) (*sagemaker.AddTagsOutput, *Error) {
	r, err := w.taggedSageMaker(*in.ResourceArn, cx)
	if err != nil {
		return nil, err
	}
	tags, err := e.mergeTags(SageMaker, r.tags, tagsFromSageMaker(in.Tags))
	if err != nil {
		return nil, err
	}
	r.tags = tags
	// A documented guess: the output lists every tag of the resource after the call.
	return &sagemaker.AddTagsOutput{Tags: tags.sageMaker()}, nil
}

// listTags pages through a resource's tags in the order they were first added.
func (e *Engine) listTags(w *world, in *sagemaker.ListTagsInput, cx opContext) (*sagemaker.ListTagsOutput, *Error) {
	r, err := w.taggedSageMaker(*in.ResourceArn, cx)
	if err != nil {
		return nil, err
	}
	start := 0
	if in.NextToken != nil && *in.NextToken != "" {
		parts, ok := openToken(*in.NextToken, 3)
		n, convErr := 0, error(nil)
		if ok {
			n, convErr = strconv.Atoi(parts[2])
		}
		if !ok || parts[0] != "tags" || parts[1] != r.arn || convErr != nil || n < 0 || n > len(r.tags) {
			return nil, invalidSageMakerToken(*in.NextToken)
		}
		start = n
	}
	end := min(start+pageSize(in.MaxResults, 50), len(r.tags))
	out := &sagemaker.ListTagsOutput{Tags: r.tags[start:end].sageMaker()}
	if end < len(r.tags) {
		tok := sealToken("tags", r.arn, strconv.Itoa(end))
		out.NextToken = &tok
	}
	return out, nil
}

func (e *Engine) deleteTags(w *world, in *sagemaker.DeleteTagsInput, cx opContext) (*sagemaker.DeleteTagsOutput, *Error) {
	r, err := w.taggedSageMaker(*in.ResourceArn, cx)
	if err != nil {
		return nil, err
	}
	r.tags = r.tags.without(in.TagKeys)
	return &sagemaker.DeleteTagsOutput{}, nil
}
