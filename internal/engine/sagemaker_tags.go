package engine

import (
	"strings"

	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// taggedAction finds the action an ARN names. SageMaker answers tagging calls on a resource
// that does not exist with ValidationException.
func (w *world) taggedAction(arn string) (*action, *Error) {
	if p, ok := parseARN(arn); ok && strings.HasPrefix(p.resource, "action/") {
		if a := w.findAction(arn); a != nil {
			return a, nil
		}
	}
	return nil, invalid(SageMaker, "Resource %s does not exist.", arn)
}

func (e *Engine) addTags(w *world, in *sagemaker.AddTagsInput, _ opContext) (*sagemaker.AddTagsOutput, *Error) {
	a, err := w.taggedAction(*in.ResourceArn)
	if err != nil {
		return nil, err
	}
	tags := a.tags.merged(tagsIn(in.Tags))
	if len(tags) > e.cfg.TagQuota {
		return nil, tooManySageMakerTags(e.cfg.TagQuota)
	}
	a.tags = tags
	// A documented guess: the output lists every tag of the resource after the call.
	return &sagemaker.AddTagsOutput{Tags: tagsOut(tags)}, nil
}

func (e *Engine) listTags(w *world, in *sagemaker.ListTagsInput, _ opContext) (*sagemaker.ListTagsOutput, *Error) {
	a, err := w.taggedAction(*in.ResourceArn)
	if err != nil {
		return nil, err
	}
	// MaxResults is at least 50 and a resource has at most 50 tags, so one page holds them
	// all; a token can only come from elsewhere.
	if in.NextToken != nil && *in.NextToken != "" {
		return nil, invalid(SageMaker, "Invalid pagination token: %s", *in.NextToken)
	}
	return &sagemaker.ListTagsOutput{Tags: tagsOut(a.tags)}, nil
}

func (e *Engine) deleteTags(w *world, in *sagemaker.DeleteTagsInput, _ opContext) (*sagemaker.DeleteTagsOutput, *Error) {
	a, err := w.taggedAction(*in.ResourceArn)
	if err != nil {
		return nil, err
	}
	a.tags = a.tags.without(in.TagKeys)
	return &sagemaker.DeleteTagsOutput{}, nil
}
