package engine

import (
	"strings"

	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// tagged finds the tags of the resource an ARN names. forChange refuses a resource that is
// being deleted (ResourceInUseException), as a change to it would be lost.
func (e *Engine) tagged(w *world, arn string, cx opContext, forChange bool) (*tagList, *Error) {
	var tags *tagList
	var status string
	switch p, _ := parseARN(arn); {
	case strings.HasPrefix(p.resource, "dataset-group/"):
		if g := e.group(w, arn, cx.now); g != nil {
			tags = &g.tags
			status, _, _ = e.groupStatus(g, cx.now)
		}
	case strings.HasPrefix(p.resource, "event-tracker/"):
		if t := e.tracker(w, arn, cx.now); t != nil {
			tags = &t.tags
			status, _, _ = e.trackerStatus(t, cx.now)
		}
	}
	if tags == nil {
		return nil, resourceNotFound(arn)
	}
	if forChange && deleting(status) {
		return nil, inUse("The resource %s is in %s state.", arn, status)
	}
	return tags, nil
}

func (e *Engine) tagResource(w *world, in *personalize.TagResourceInput, cx opContext) (*personalize.TagResourceOutput, *Error) {
	tags, err := e.tagged(w, *in.ResourceArn, cx, true)
	if err != nil {
		return nil, err
	}
	merged := tags.merged(personalizeTagsIn(in.Tags))
	if len(merged) > e.cfg.TagQuota {
		return nil, tooManyTags(e.cfg.TagQuota)
	}
	*tags = merged
	return &personalize.TagResourceOutput{}, nil
}

func (e *Engine) untagResource(w *world, in *personalize.UntagResourceInput, cx opContext) (*personalize.UntagResourceOutput, *Error) {
	if len(in.TagKeys) > e.cfg.TagQuota {
		return nil, Errorf("TooManyTagKeysException", 0, "The request contains more tag keys than can be associated with a resource (%d tag keys per resource).", e.cfg.TagQuota)
	}
	tags, err := e.tagged(w, *in.ResourceArn, cx, true)
	if err != nil {
		return nil, err
	}
	*tags = tags.without(in.TagKeys)
	return &personalize.UntagResourceOutput{}, nil
}

func (e *Engine) listTagsForResource(w *world, in *personalize.ListTagsForResourceInput, cx opContext) (*personalize.ListTagsForResourceOutput, *Error) {
	tags, err := e.tagged(w, *in.ResourceArn, cx, false)
	if err != nil {
		return nil, err
	}
	return &personalize.ListTagsForResourceOutput{Tags: personalizeTagsOut(*tags)}, nil
}
