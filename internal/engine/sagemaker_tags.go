package engine

import (
	"strings"

	"github.com/awsfake/awsfake/internal/shape"
)

// The SageMaker tagging operations, on the ARNs of actions (the only SageMaker resources the
// fake holds).
var (
	OpAddTags    = define(SageMaker, "AddTags", (*Engine).addTags)
	OpListTags   = define(SageMaker, "ListTags", (*Engine).listTags)
	OpDeleteTags = define(SageMaker, "DeleteTags", (*Engine).deleteTags)
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

func (e *Engine) addTags(w *world, in *shape.AddTagsInput, _ opContext) (*shape.AddTagsOutput, *Error) {
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
	return &shape.AddTagsOutput{Tags: tagsOut(tags)}, nil
}

func (e *Engine) listTags(w *world, in *shape.ListTagsInput, _ opContext) (*shape.ListTagsOutput, *Error) {
	a, err := w.taggedAction(*in.ResourceArn)
	if err != nil {
		return nil, err
	}
	// MaxResults is at least 50 and a resource has at most 50 tags, so one page holds them
	// all; a token can only come from elsewhere.
	if in.NextToken != nil && *in.NextToken != "" {
		return nil, invalid(SageMaker, "Invalid pagination token: %s", *in.NextToken)
	}
	return &shape.ListTagsOutput{Tags: tagsOut(a.tags)}, nil
}

func (e *Engine) deleteTags(w *world, in *shape.DeleteTagsInput, _ opContext) (*shape.DeleteTagsOutput, *Error) {
	a, err := w.taggedAction(*in.ResourceArn)
	if err != nil {
		return nil, err
	}
	a.tags = a.tags.without(in.TagKeys)
	return &shape.DeleteTagsOutput{}, nil
}
