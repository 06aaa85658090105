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
	fields     []string         `digest:"-"` // the dataset fields it reads (fieldKeys)
}

// filterIndex counts, per dataset group, the filters that read each dataset field: AWS limits
// the distinct fields of a group's filters, and counting them must not cost the group's filters.
type filterIndex struct {
	groupFields  map[*datasetGroup]map[string]int // nil until the first filter
	schemaFields map[*avroSchema][]pzfilter.Field // a schema's fields as pzfilter reads them (schemas never change)
}

// needs is the filter's dataset group (kinds.txt: needs dataset-groups).
func (f *filter) needs() needed { return needed{f.group} }

// fieldKeys are the distinct dataset fields a filter reads, as the index keys them.
func fieldKeys(f *pzfilter.Filter) []string {
	refs := f.Fields()
	keys := make([]string, len(refs))
	for i, r := range refs {
		keys[i] = r.Dataset.String() + "." + strings.ToUpper(r.Name)
	}
	return keys
}

// purged lets go of the fields a filter whose deletion finished read.
func (f *filter) purged(w *world) {
	fields := w.groupFields[f.group]
	for _, k := range f.fields {
		if fields[k]--; fields[k] <= 0 {
			delete(fields, k)
		}
	}
	if len(fields) == 0 {
		delete(w.groupFields, f.group)
	}
}

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
	keys := fieldKeys(parsed)
	if err := w.checkGroupFields(g, keys); err != nil {
		return nil, err
	}
	tags, err := e.newTags(Personalize, tagsFromPersonalize(in.Tags))
	if err != nil {
		return nil, err
	}
	f := &filter{
		entity:    entity{arn: arn, name: name, tags: tags},
		lifecycle: e.newLifecycle(catalog.Filters, cx),
		group:     g, expression: *in.FilterExpression, parsed: parsed, fields: keys,
	}
	if resolved, rerr := parsed.Resolve(w.filterSchemas(g, cx.now)); rerr != nil {
		if f.failReason == "" && (cx.seed == nil || creating(cx.seed.Status)) {
			f.failReason = rerr.Error()
		}
	} else {
		f.parsed = resolved
	}
	w.filters.insert(f, cx.now)
	if w.groupFields == nil {
		w.groupFields = map[*datasetGroup]map[string]int{}
	}
	fields := w.groupFields[g]
	if fields == nil {
		fields = map[string]int{}
		w.groupFields[g] = fields
	}
	for _, k := range keys {
		fields[k]++
	}
	return &personalize.CreateFilterOutput{FilterArn: &f.arn}, nil
}

// checkGroupFields refuses a filter that would take the distinct dataset fields of a group's
// filters past pzfilter.MaxGroupFields (a documented guess at LimitExceededException, which
// CreateFilter models; AWS states the limit, not the error).
func (w *world) checkGroupFields(g *datasetGroup, keys []string) *Error {
	fields := w.groupFields[g]
	n := len(fields)
	for _, k := range keys {
		if fields[k] == 0 {
			n++
		}
	}
	if n > pzfilter.MaxGroupFields && n > len(fields) {
		return limitExceeded(Personalize, "The filters of the dataset group %s would read %d distinct dataset fields; at most %d are allowed.", g.arn, n, pzfilter.MaxGroupFields)
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
		info[ds] = w.pzfilterFields(d.inForce(now).parsed)
		return true
	})
	return info
}

// pzfilterFields are a schema's fields as pzfilter reads them, made once per schema.
func (w *world) pzfilterFields(s *avroSchema) []pzfilter.Field {
	if fields, ok := w.schemaFields[s]; ok {
		return fields
	}
	fields := make([]pzfilter.Field, len(s.fields))
	for i, f := range s.fields {
		fields[i] = pzfilter.Field{Name: f.name, Type: f.typ, Categorical: f.categorical, Textual: f.textual}
	}
	if w.schemaFields == nil {
		w.schemaFields = map[*avroSchema][]pzfilter.Field{}
	}
	w.schemaFields[s] = fields
	return fields
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
	if job := w.filterBusy(f, cx.now); job != "" {
		return nil, inUse("The filter %s cannot be deleted while the batch job %s that uses it is being created.", f.arn, job)
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
