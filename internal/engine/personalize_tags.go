package engine

import (
	"strings"

	"github.com/awsfake/awsfake/internal/shape"
)

// The Personalize tagging operations, on dataset groups and event trackers.
var (
	OpTagResource         = define(Personalize, "TagResource", (*Engine).tagResource)
	OpUntagResource       = define(Personalize, "UntagResource", (*Engine).untagResource)
	OpListTagsForResource = define(Personalize, "ListTagsForResource", (*Engine).listTagsForResource)
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

func (e *Engine) tagResource(w *world, in *shape.TagResourceInput, cx opContext) (*shape.TagResourceOutput, *Error) {
	tags, err := e.tagged(w, *in.ResourceArn, cx, true)
	if err != nil {
		return nil, err
	}
	merged := tags.merged(personalizeTagsIn(in.Tags))
	if len(merged) > e.cfg.TagQuota {
		return nil, tooManyTags(e.cfg.TagQuota)
	}
	*tags = merged
	return &shape.TagResourceOutput{}, nil
}

func (e *Engine) untagResource(w *world, in *shape.UntagResourceInput, cx opContext) (*shape.UntagResourceOutput, *Error) {
	if len(in.TagKeys) > e.cfg.TagQuota {
		return nil, Errorf("TooManyTagKeysException", 0, "The request contains more tag keys than can be associated with a resource (%d tag keys per resource).", e.cfg.TagQuota)
	}
	tags, err := e.tagged(w, *in.ResourceArn, cx, true)
	if err != nil {
		return nil, err
	}
	*tags = tags.without(in.TagKeys)
	return &shape.UntagResourceOutput{}, nil
}

func (e *Engine) listTagsForResource(w *world, in *shape.ListTagsForResourceInput, cx opContext) (*shape.ListTagsForResourceOutput, *Error) {
	tags, err := e.tagged(w, *in.ResourceArn, cx, false)
	if err != nil {
		return nil, err
	}
	return &shape.ListTagsForResourceOutput{Tags: personalizeTagsOut(*tags)}, nil
}
