package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/search"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// Search over experiments, trials and trial components (internal/search knows the grammar and
// the properties; this file finds the candidates and pages). A query's hints name the values a
// match must have in a property an index serves (a name, an ARN, a parent trial or experiment,
// a source), so a search costs what it finds: the components of one trial are read through
// the trial, whatever the account holds. Without a hint every resource of the kind is a
// candidate. Answers are immediate, where AWS indexes eventually (its own tests wait up to 30 s).

func (e *Engine) search(w *world, in *sagemaker.SearchInput, _ opContext) (*sagemaker.SearchOutput, *Error) {
	resource := *in.Resource
	q, err := search.Compile(resource, expressionOf(in.SearchExpression))
	if err != nil {
		return nil, searchError(resource, err)
	}
	o, err := search.NewOrder(resource, in.SortBy, in.SortOrder)
	if err != nil {
		return nil, searchError(resource, err)
	}
	visible, verr := visibility(in.VisibilityConditions)
	if verr != nil {
		return nil, verr
	}
	var hits []search.Record
	switch resource {
	case search.Experiment:
		hits = matching(w.experimentCandidates(q), q, visible, func(x *experiment) search.Record { return experimentRecord{x} })
	case search.ExperimentTrial:
		hits = matching(w.trialCandidates(q), q, visible, func(t *trial) search.Record { return trialRecord{t} })
	default:
		hits = matching(w.componentCandidates(q), q, visible, func(c *trialComponent) search.Record { return trialComponentRecord{c, w} })
	}
	search.Sort(o, hits)
	from, to, next, perr := searchPage(in, len(hits))
	if perr != nil {
		return nil, perr
	}
	total, equal := int64(len(hits)), "EqualTo"
	out := &sagemaker.SearchOutput{Results: make([]sagemaker.SearchRecord, 0, to-from), NextToken: next,
		TotalHits: &sagemaker.TotalHits{Value: &total, Relation: &equal}}
	for _, h := range hits[from:to] {
		switch r := h.(type) {
		case experimentRecord:
			out.Results = append(out.Results, r.x.searchRecord())
		case trialRecord:
			out.Results = append(out.Results, r.t.searchRecord())
		case trialComponentRecord:
			out.Results = append(out.Results, r.c.searchRecord(w))
		}
	}
	return out, nil
}

// searchError answers a refused search: ValidationException in AWS's words, or, for a resource
// AWS searches and the fake does not hold (TrainingJob, ...), an error that says so.
func searchError(resource string, err error) *Error {
	var se *search.Error
	if !errors.As(err, &se) {
		return invalid(SageMaker, "%v", err)
	}
	if se.Unsupported {
		return Errorf("UnknownOperationException", 0, "awsfake does not support Search over %s: only Experiment, ExperimentTrial and ExperimentTrialComponent.", resource)
	}
	return invalid(SageMaker, "%s", se.Message)
}

// expressionOf copies the model's SearchExpression into the search package's, keeping absent
// lists nil.
func expressionOf(s *sagemaker.SearchExpression) *search.Expression {
	if s == nil {
		return nil
	}
	x := &search.Expression{Filters: filtersOf(s.Filters), Operator: s.Operator}
	if s.NestedFilters != nil {
		x.NestedFilters = make([]search.Nested, len(s.NestedFilters))
		for i, n := range s.NestedFilters {
			x.NestedFilters[i] = search.Nested{NestedPropertyName: deref(n.NestedPropertyName), Filters: filtersOf(n.Filters)}
		}
	}
	if s.SubExpressions != nil {
		x.SubExpressions = make([]search.Expression, len(s.SubExpressions))
		for i := range s.SubExpressions {
			x.SubExpressions[i] = *expressionOf(&s.SubExpressions[i])
		}
	}
	return x
}

func filtersOf(fs []sagemaker.Filter) []search.Filter {
	if fs == nil {
		return nil
	}
	out := make([]search.Filter, len(fs))
	for i, f := range fs {
		out[i] = search.Filter{Name: deref(f.Name), Operator: f.Operator, Value: f.Value}
	}
	return out
}

// visibilityCondition is one of Search's VisibilityConditions: every result must carry the tag.
type visibilityCondition struct{ key, value string }

// visibility reads VisibilityConditions, whose keys are "Tags.<key>" (AWS: "It must be in the
// following format: Tags.<key>"; another key is refused, with a guessed message). A condition
// without a Value asks for the tag with an empty value (a guess).
func visibility(vcs []sagemaker.VisibilityConditions) ([]visibilityCondition, *Error) {
	out := make([]visibilityCondition, 0, len(vcs))
	for _, vc := range vcs {
		key, ok := strings.CutPrefix(deref(vc.Key), "Tags.")
		if !ok || key == "" {
			return nil, invalid(SageMaker, "A visibility condition's Key must be in the format Tags.<key>, not %q.", deref(vc.Key))
		}
		out = append(out, visibilityCondition{key, deref(vc.Value)})
	}
	return out, nil
}

func visibleBy(r search.Record, vcs []visibilityCondition) bool {
	for _, vc := range vcs {
		if v := r.Get(search.FieldTag, vc.key); v.Kind() != search.KindText || v.String() != vc.value {
			return false
		}
	}
	return true
}

// matching returns the candidates the query and the visibility conditions keep, as records.
func matching[R resource](candidates iter.Seq[R], q *search.Query, vcs []visibilityCondition, adapt func(R) search.Record) []search.Record {
	var out []search.Record
	for r := range candidates {
		if rec := adapt(r); q.Match(rec) && visibleBy(rec, vcs) {
			out = append(out, rec)
		}
	}
	return out
}

// hinted returns the candidates of the first hint an index serves, each once; ok is false when
// the query has none of them.
func hinted[R comparable](q *search.Query, indexes []searchIndex[R]) (iter.Seq[R], bool) {
	for _, ix := range indexes {
		values, ok := q.Hint(ix.field)
		if !ok {
			continue
		}
		return func(yield func(R) bool) {
			var seen map[R]bool
			if len(values) > 1 {
				seen = map[R]bool{}
			}
			for _, v := range values {
				for _, r := range ix.lookup(v) {
					if seen != nil {
						if seen[r] {
							continue
						}
						seen[r] = true
					}
					if !yield(r) {
						return
					}
				}
			}
		}, true
	}
	return nil, false
}

// searchIndex is a property an index serves: what holds a value in it.
type searchIndex[R any] struct {
	field  search.Field
	lookup func(value string) []R
}

func (w *world) experimentCandidates(q *search.Query) iter.Seq[*experiment] {
	if seq, ok := hinted(q, []searchIndex[*experiment]{
		{search.FieldName, func(v string) []*experiment { return one(w.experiments.get(v)) }},
		{search.FieldArn, func(v string) []*experiment { return one(w.experiments.resolve(v, time.Time{})) }},
	}); ok {
		return seq
	}
	return sliceSeq(w.experiments.view(false))
}

func (w *world) trialCandidates(q *search.Query) iter.Seq[*trial] {
	if seq, ok := hinted(q, []searchIndex[*trial]{
		{search.FieldName, func(v string) []*trial { return one(w.trials.get(v)) }},
		{search.FieldArn, func(v string) []*trial { return one(w.trials.resolve(v, time.Time{})) }},
		{search.FieldSummaryName, func(v string) []*trial {
			if c, ok := w.trialComponents.get(v); ok {
				return c.trials()
			}
			return nil
		}},
		{search.FieldExperimentName, func(v string) []*trial {
			if x, ok := w.experiments.get(v); ok {
				return usersOfKind[*trial](x)
			}
			return nil
		}},
	}); ok {
		return seq
	}
	return sliceSeq(w.trials.view(false))
}

func (w *world) componentCandidates(q *search.Query) iter.Seq[*trialComponent] {
	if seq, ok := hinted(q, []searchIndex[*trialComponent]{
		{search.FieldName, func(v string) []*trialComponent { return one(w.trialComponents.get(v)) }},
		{search.FieldArn, func(v string) []*trialComponent { return one(w.trialComponents.resolve(v, time.Time{})) }},
		{search.FieldParentTrialName, func(v string) []*trialComponent {
			if t, ok := w.trials.get(v); ok {
				return t.components()
			}
			return nil
		}},
		{search.FieldSourceArn, func(v string) []*trialComponent { return w.componentsBySource[v] }},
		{search.FieldParentExperimentName, func(v string) []*trialComponent {
			if x, ok := w.experiments.get(v); ok {
				return x.components()
			}
			return nil
		}},
	}); ok {
		return seq
	}
	return sliceSeq(w.trialComponents.view(false))
}

func one[R any](r R, ok bool) []R {
	if !ok {
		return nil
	}
	return []R{r}
}

func sliceSeq[R any](s []R) iter.Seq[R] {
	return func(yield func(R) bool) {
		for _, r := range s {
			if !yield(r) {
				return
			}
		}
	}
}

// searchPage pages the sorted hits: MaxResults 1-100, 10 by default (AWS documents none: a
// guess, decision 22). A token is the position and a digest of the search it belongs to;
// NextToken is absent on the last page, and never comes with an empty page.
func searchPage(in *sagemaker.SearchInput, n int) (from, to int, next *string, err *Error) {
	if in.NextToken != nil && *in.NextToken != "" {
		parts, ok := openToken(*in.NextToken, 3)
		at, convErr := 0, error(nil)
		if ok {
			at, convErr = strconv.Atoi(parts[2])
		}
		if !ok || parts[0] != "search" || parts[1] != searchDigest(in) || convErr != nil || at < 0 {
			return 0, 0, nil, invalidSageMakerToken(*in.NextToken)
		}
		from = min(at, n)
	}
	to = min(from+pageSize(in.MaxResults, 10), n)
	if to < n {
		tok := sealToken("search", searchDigest(in), strconv.Itoa(to))
		next = &tok
	}
	return from, to, next, nil
}

func searchDigest(in *sagemaker.SearchInput) string {
	q := *in
	q.NextToken, q.MaxResults = nil, nil
	b, _ := json.Marshal(q)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// getSearchSuggestions suggests, for trial components, the Parameters.<name>, Tags.<key> and
// Metrics names present that begin with the hint, ignoring case (internal/search's Suggest);
// the other resources get none.
func (e *Engine) getSearchSuggestions(w *world, in *sagemaker.GetSearchSuggestionsInput, _ opContext) (*sagemaker.GetSearchSuggestionsOutput, *Error) {
	hint := ""
	if in.SuggestionQuery != nil && in.SuggestionQuery.PropertyNameQuery != nil {
		hint = deref(in.SuggestionQuery.PropertyNameQuery.PropertyNameHint)
	}
	names, err := search.Suggest(*in.Resource, hint, func(yield func(search.Keyed) bool) {
		for _, c := range w.trialComponents.view(false) {
			if !yield(trialComponentRecord{c, w}) {
				return
			}
		}
	})
	if err != nil {
		return nil, searchError(*in.Resource, err)
	}
	out := &sagemaker.GetSearchSuggestionsOutput{PropertyNameSuggestions: make([]sagemaker.PropertyNameSuggestion, len(names))}
	for i := range names {
		out.PropertyNameSuggestions[i] = sagemaker.PropertyNameSuggestion{PropertyName: &names[i]}
	}
	return out, nil
}
