package engine

import (
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

// The two services name a tag's members differently (Key and Value in SageMaker, tagKey and
// tagValue in Personalize); both convert to and from the engine's one tag type.

func tagsIn(ts []sagemaker.Tag) []tag {
	out := make([]tag, len(ts))
	for i, t := range ts {
		out[i] = tag{key: *t.Key, value: *t.Value}
	}
	return out
}

func tagsOut(ts tagList) []sagemaker.Tag {
	out := make([]sagemaker.Tag, len(ts))
	for i := range ts {
		out[i] = sagemaker.Tag{Key: &ts[i].key, Value: &ts[i].value}
	}
	return out
}

func personalizeTagsIn(ts []personalize.Tag) []tag {
	out := make([]tag, len(ts))
	for i, t := range ts {
		out[i] = tag{key: *t.TagKey, value: *t.TagValue}
	}
	return out
}

func personalizeTagsOut(ts tagList) []personalize.Tag {
	out := make([]personalize.Tag, len(ts))
	for i := range ts {
		out[i] = personalize.Tag{TagKey: &ts[i].key, TagValue: &ts[i].value}
	}
	return out
}
