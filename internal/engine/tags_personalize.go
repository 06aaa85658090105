package engine

import (
	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// The Personalize tagging operations, on the ARN of any Personalize resource the fake holds.

// taggedPersonalize finds the resource an ARN names. forChange refuses a resource that is
// being deleted (ResourceInUseException), as a change to it would be lost.
func (w *world) taggedPersonalize(arn string, cx opContext, forChange bool) (*entity, *Error) {
	r := w.resolveAny(Personalize, arn, cx.now)
	if r == nil {
		return nil, resourceNotFound(arn)
	}
	if l, ok := r.(lived); ok && forChange {
		if status, _, _ := statusOf(l, cx.now); deleting(status) {
			return nil, inUse("The resource %s is in %s state.", arn, status)
		}
	}
	return r.base(), nil
}

func (e *Engine) tagResource(w *world, in *personalize.TagResourceInput, cx opContext) (*personalize.TagResourceOutput, *Error) {
	r, err := w.taggedPersonalize(*in.ResourceArn, cx, true)
	if err != nil {
		return nil, err
	}
	tags, err := e.mergeTags(Personalize, r.tags, tagsFromPersonalize(in.Tags))
	if err != nil {
		return nil, err
	}
	r.tags = tags
	return &personalize.TagResourceOutput{}, nil
}

func (e *Engine) untagResource(w *world, in *personalize.UntagResourceInput, cx opContext) (*personalize.UntagResourceOutput, *Error) {
	if q := e.cfg.tagQuota(); len(in.TagKeys) > q {
		return nil, Errorf(catalog.TooManyTagKeys, 0, "The request contains more tag keys than can be associated with a resource (%d tag keys per resource).", q)
	}
	r, err := w.taggedPersonalize(*in.ResourceArn, cx, true)
	if err != nil {
		return nil, err
	}
	r.tags = r.tags.without(in.TagKeys)
	return &personalize.UntagResourceOutput{}, nil
}

func (e *Engine) listTagsForResource(w *world, in *personalize.ListTagsForResourceInput, cx opContext) (*personalize.ListTagsForResourceOutput, *Error) {
	r, err := w.taggedPersonalize(*in.ResourceArn, cx, false)
	if err != nil {
		return nil, err
	}
	return &personalize.ListTagsForResourceOutput{Tags: r.tags.personalize()}, nil
}
