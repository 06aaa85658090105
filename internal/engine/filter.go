package engine

import (
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/pzfilter"
	"github.com/awsfake/awsfake/internal/shape"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// filter is one Personalize filter. Its expression is parsed in full when it is created: a
// syntax error is InvalidInputException at once, with pzfilter's message (what is wrong, and
// where: the offset and the text found there); an expression that does not fit the group's
// schemas (a dataset it lacks, a field no schema has, a boolean or textual field) makes the
// filter end CREATE FAILED with that message as its failureReason (facts §12.8). The parsed
// form, resolved against the schemas, is what the runtime evaluates.
type filter struct {
	entity
	lifecycle
	group      *datasetGroup
	expression string
	parsed     *pzfilter.Filter `digest:"-"` // derived from expression (and the schemas)
}

// needs is the filter's dataset group (kinds.txt: needs dataset-groups).
func (f *filter) needs() needed { return needed{f.group} }

func (e *Engine) createFilter(w *world, in *personalize.CreateFilterInput, cx opContext) (*personalize.CreateFilterOutput, *Error) {
	name := *in.Name
	parsed, perr := pzfilter.Parse(*in.FilterExpression)
	if perr != nil {
		return nil, invalid(Personalize, "%s", perr.Error())
	}
	g, ok := w.datasetGroups.resolve(*in.DatasetGroupArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.DatasetGroupArn)
	}
	if status, _, _ := statusOf(g, cx.now); status != StatusActive {
		// A documented guess: CreateFilter models no ResourceInUseException.
		return nil, invalid(Personalize, "The dataset group %s is not ACTIVE (its status is %s).", g.arn, status)
	}
	arn := w.scope.arn(Personalize, "filter", name)
	if _, taken := w.filters.lookup(name, cx.now); taken {
		return nil, alreadyExists("Another resource with Arn %s already exists.", arn)
	}
	if err := w.filters.overQuotaWithin(&e.cfg, g, cx.now); err != nil {
		return nil, err
	}
	if err := w.checkGroupFields(g, parsed, cx.now); err != nil {
		return nil, err
	}
	tags, err := e.newTags(Personalize, tagsFromPersonalize(in.Tags))
	if err != nil {
		return nil, err
	}
	f := &filter{
		entity:    entity{arn: arn, name: name, tags: tags},
		lifecycle: e.newLifecycle(catalog.Filters, cx),
		group:     g, expression: *in.FilterExpression, parsed: parsed,
	}
	if resolved, rerr := parsed.Resolve(w.filterSchemas(g, cx.now)); rerr != nil {
		if f.failReason == "" && (cx.seed == nil || creating(cx.seed.Status)) {
			f.failReason = rerr.Error()
		}
	} else {
		f.parsed = resolved
	}
	w.filters.insert(f, cx.now)
	return &personalize.CreateFilterOutput{FilterArn: &f.arn}, nil
}

// checkGroupFields refuses a filter that would take the distinct dataset fields of a group's
// filters past pzfilter.MaxGroupFields (a documented guess at LimitExceededException, which
// CreateFilter models; AWS states the limit, not the error).
func (w *world) checkGroupFields(g *datasetGroup, f *pzfilter.Filter, now time.Time) *Error {
	seen := map[string]bool{}
	add := func(refs []pzfilter.FieldRef) {
		for _, r := range refs {
			seen[r.Dataset.String()+"."+strings.ToUpper(r.Name)] = true
		}
	}
	w.eachUser(g, now, func(u resource) bool {
		if other, ok := u.(*filter); ok {
			add(other.parsed.Fields())
		}
		return true
	})
	before := len(seen)
	add(f.Fields())
	if len(seen) > pzfilter.MaxGroupFields && len(seen) > before {
		return limitExceeded(Personalize, "The filters of the dataset group %s would read %d distinct dataset fields; at most %d are allowed.", g.arn, len(seen), pzfilter.MaxGroupFields)
	}
	return nil
}

// filterSchemas is what pzfilter checks an expression against: each dataset the group has at
// now, with its schema's fields.
func (w *world) filterSchemas(g *datasetGroup, now time.Time) pzfilter.SchemaInfo {
	info := pzfilter.SchemaInfo{}
	w.eachUser(g, now, func(u resource) bool {
		d, ok := u.(*dataset)
		if !ok {
			return true
		}
		ds, known := filterDatasets[d.typ]
		if !known {
			return true
		}
		for _, f := range d.inForce(now).parsed.fields {
			info[ds] = append(info[ds], pzfilter.Field{Name: f.name, Type: f.typ, Categorical: f.categorical, Textual: f.textual})
		}
		return true
	})
	return info
}

var filterDatasets = map[string]pzfilter.Dataset{
	typeInteractions: pzfilter.Interactions, typeItems: pzfilter.Items, typeUsers: pzfilter.Users,
	typeActions: pzfilter.Actions, typeActionInteractions: pzfilter.ActionInteractions,
}

func (e *Engine) describeFilter(w *world, in *personalize.DescribeFilterInput, cx opContext) (*personalize.DescribeFilterOutput, *Error) {
	f, ok := w.filters.resolve(*in.FilterArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.FilterArn)
	}
	status, changed, _ := statusOf(f, cx.now)
	return &personalize.DescribeFilterOutput{Filter: &personalize.Filter{
		Name: &f.name, FilterArn: &f.arn, DatasetGroupArn: &f.group.arn, FilterExpression: &f.expression, Status: &status,
		FailureReason: failureReason(status, f.failure()), CreationDateTime: shape.T(f.created), LastUpdatedDateTime: shape.T(changed),
	}}, nil
}

// listFilters lists newest first (summaries carry no expression); with datasetGroupArn, that
// group's filters.
func (e *Engine) listFilters(w *world, in *personalize.ListFiltersInput, cx opContext) (*personalize.ListFiltersOutput, *Error) {
	var keep func(*filter) bool
	if in.DatasetGroupArn != nil {
		keep = func(f *filter) bool { return f.group.arn == *in.DatasetGroupArn }
	}
	page, next, err := newestFirst(w.filters, nil, "filters", in.NextToken, in.MaxResults, cx.now, keep)
	if err != nil {
		return nil, err
	}
	out := &personalize.ListFiltersOutput{Filters: make([]personalize.FilterSummary, len(page)), NextToken: next}
	for i, f := range page {
		status, changed, _ := statusOf(f, cx.now)
		out.Filters[i] = personalize.FilterSummary{
			Name: &f.name, FilterArn: &f.arn, DatasetGroupArn: &f.group.arn, Status: &status,
			FailureReason: failureReason(status, f.failure()), CreationDateTime: shape.T(f.created), LastUpdatedDateTime: shape.T(changed),
		}
	}
	return out, nil
}

// deleteFilter deletes a filter; one being created or deleted is in use (a documented guess at
// when AWS answers ResourceInUseException, which it models).
func (e *Engine) deleteFilter(w *world, in *personalize.DeleteFilterInput, cx opContext) (*personalize.DeleteFilterOutput, *Error) {
	f, ok := w.filters.resolve(*in.FilterArn, cx.now)
	if !ok {
		return nil, resourceNotFound(*in.FilterArn)
	}
	if status, _, _ := statusOf(f, cx.now); creating(status) || deleting(status) {
		return nil, inUse("The filter %s is in %s state and cannot be deleted.", f.arn, status)
	}
	f.deleted = cx.now
	w.filters.retire(f)
	return &personalize.DeleteFilterOutput{}, nil
}

func (f *filter) state(w *world, now time.Time) []ResourceState {
	st := f.baseState(w, "filter", Personalize, "CreateFilter", &personalize.CreateFilterInput{
		Name: &f.name, DatasetGroupArn: &f.group.arn, FilterExpression: &f.expression, Tags: f.tags.personalizeOrNil(),
	})
	livedState(&st, f, now)
	return []ResourceState{st}
}
