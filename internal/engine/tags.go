package engine

import (
	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/shape/personalize"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// tag is one key and value; tagList keeps a resource's tags in the order they were first
// added (keys unique). A tagList is never changed once stored: merged and without return new
// lists, so outputs may point into one.
type tag struct{ key, value string }

type tagList []tag

// merged returns the tags with add applied: existing keys get the new value, new keys are
// appended. The receiver is not changed.
func (t tagList) merged(add []tag) tagList {
	out := make(tagList, len(t), len(t)+len(add))
	copy(out, t)
	for _, a := range add {
		found := false
		for i := range out {
			if out[i].key == a.key {
				out[i].value, found = a.value, true
				break
			}
		}
		if !found {
			out = append(out, a)
		}
	}
	return out
}

// without returns the tags minus the given keys. The receiver is not changed.
func (t tagList) without(keys []string) tagList {
	out := make(tagList, 0, len(t))
	for _, tg := range t {
		drop := false
		for _, k := range keys {
			if tg.key == k {
				drop = true
				break
			}
		}
		if !drop {
			out = append(out, tg)
		}
	}
	return out
}

// newTags makes the tags of a new resource; mergeTags adds to a resource's tags. Past the quota
// of tags per resource, SageMaker answers ResourceLimitExceeded (a documented guess: it models no
// tagging error) and Personalize TooManyTagsException. Overwriting a key does not count.
func (e *Engine) newTags(service string, add []tag) (tagList, *Error) {
	return e.mergeTags(service, nil, add)
}

func (e *Engine) mergeTags(service string, cur tagList, add []tag) (tagList, *Error) {
	tags := cur.merged(add)
	if q := e.cfg.tagQuota(); len(tags) > q {
		if service == SageMaker {
			return nil, limitExceeded(SageMaker, "The number of tags on the resource would exceed the limit of %d.", q)
		}
		return nil, Errorf(catalog.TooManyTags, 0, "The request contains more tags than can be associated with a resource (%d tags per resource).", q)
	}
	return tags, nil
}

// The two services name a tag's members differently (Key and Value in SageMaker, tagKey and
// tagValue in Personalize); both convert to and from the engine's one tag type.

func tagsFromSageMaker(ts []sagemaker.Tag) []tag {
	out := make([]tag, len(ts))
	for i, t := range ts {
		out[i] = tag{key: *t.Key, value: *t.Value}
	}
	return out
}

func (t tagList) sageMaker() []sagemaker.Tag {
	out := make([]sagemaker.Tag, len(t))
	for i := range t {
		out[i] = sagemaker.Tag{Key: &t[i].key, Value: &t[i].value}
	}
	return out
}

func tagsFromPersonalize(ts []personalize.Tag) []tag {
	out := make([]tag, len(ts))
	for i, t := range ts {
		out[i] = tag{key: *t.TagKey, value: *t.TagValue}
	}
	return out
}

func (t tagList) personalize() []personalize.Tag {
	out := make([]personalize.Tag, len(t))
	for i := range t {
		out[i] = personalize.Tag{TagKey: &t[i].key, TagValue: &t[i].value}
	}
	return out
}

func (t tagList) sageMakerOrNil() []sagemaker.Tag {
	if len(t) == 0 {
		return nil
	}
	return t.sageMaker()
}

func (t tagList) personalizeOrNil() []personalize.Tag {
	if len(t) == 0 {
		return nil
	}
	return t.personalize()
}
