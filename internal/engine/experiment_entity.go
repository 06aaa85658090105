package engine

import (
	"github.com/awsfake/awsfake/internal/search"
)

// What experiments, trials and trial components share: their messages, their display names,
// the Source that only SageMaker sets, and their tags as Search reads them.

// alreadyNamed is a duplicate create's error: ValidationException with "already exists", which
// AWS's Python SDK matches (the rest of the message is a guess, facts §11 decision 3).
func alreadyNamed(kind, name string) *Error {
	return invalid(SageMaker, "%s with name (%s) already exists.", kind, name)
}

// notFoundNamed is a missing experiment entity's error (the wording is a guess, decision 4).
func notFoundNamed(kind, arn string) *Error {
	return notFound(SageMaker, "%s '%s' does not exist.", kind, arn)
}

// displayName is what AWS "displays" for an entity: its DisplayName, or its name when it has
// none (a documented guess that Describe, List and Search return it so, decision 2).
func displayName(given, name *string) *string {
	if given != nil {
		return given
	}
	return name
}

// The Source of an experiment entity is SageMaker's to set (a job's trial component): no create
// input has one. A seed gives it as IDs, as it gives other identifiers the service assigns.
const (
	idSourceArn  = "sourceArn"
	idSourceType = "sourceType"
	idSourceTag  = "sourceTag:" // then a tag key: a tag of a trial component's job
)

// seededSource returns the Source a seed gives, if any.
func (cx opContext) seededSource() (arn, typ *string, ok bool) {
	if cx.seed == nil {
		return nil, nil, false
	}
	a, ok := cx.seed.IDs[idSourceArn]
	if !ok || a == "" {
		return nil, nil, false
	}
	arn = &a
	if t, ok := cx.seed.IDs[idSourceType]; ok && t != "" {
		typ = &t
	}
	return arn, typ, true
}

// sourceIDs are the IDs a state document keeps for a Source.
func sourceIDs(arn, typ *string) map[string]string {
	ids := map[string]string{idSourceArn: *arn}
	if typ != nil {
		ids[idSourceType] = *typ
	}
	return ids
}

// sourceField reads Source.SourceArn and Source.SourceType for Search.
func sourceField(f search.Field, arn, typ *string) search.Value {
	switch f {
	case search.FieldSourceArn:
		return search.TextPtr(arn)
	case search.FieldSourceType:
		return search.TextPtr(typ)
	}
	return search.Value{}
}

// search returns the value of the tag with a key, for Search's Tags.<key>.
func (t tagList) search(key string) search.Value {
	for i := range t {
		if t[i].key == key {
			return search.Text(t[i].value)
		}
	}
	return search.Value{}
}

// searchKeys returns the tag keys, for GetSearchSuggestions.
func (t tagList) searchKeys() []string {
	keys := make([]string, len(t))
	for i := range t {
		keys[i] = t[i].key
	}
	return keys
}
