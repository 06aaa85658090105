package search

import (
	"iter"
	"slices"
	"strings"
)

// Suggest answers GetSearchSuggestions: the property names that begin with hint (ignoring
// case) among the dynamic names of records. AWS documents suggestions "for HyperParameters,
// Tags, and Metrics"; following the facts' recommendation (§7.5, a guess), trial components
// suggest the Parameters.<name>, Tags.<key> and Metrics.<name>.<stat> present in records, and
// the other resources suggest nothing. Each suggestion is a name Compile and NewOrder accept
// (a metric is suggested with each numeric statistic, since the name alone is not a property).
// The answer is sorted and never nil. Errors (a Resource outside the model's enum) are *Error.
func Suggest(resource, hint string, records iter.Seq[Keyed]) ([]string, error) {
	if _, err := catalogueFor(resource); err != nil && !err.Unsupported {
		return nil, err
	}
	out := []string{}
	if resource != ExperimentTrialComponent {
		return out, nil
	}
	lowerHint := strings.ToLower(hint)
	seen := map[string]bool{}
	add := func(name string) {
		if !seen[name] && strings.HasPrefix(strings.ToLower(name), lowerHint) {
			seen[name] = true
			out = append(out, name)
		}
	}
	for r := range records {
		for _, k := range r.Keys(FieldParameters) {
			add("Parameters." + k)
		}
		for _, k := range r.Keys(FieldTags) {
			add("Tags." + k)
		}
		for i, n := 0, r.Len(FieldMetrics); i < n; i++ {
			if name := r.Elem(FieldMetrics, i, FieldMetricName); name.kind == KindText && name.s != "" {
				for _, d := range metricStats {
					if d.kind == pNumber {
						add("Metrics." + name.s + "." + d.name)
					}
				}
			}
		}
	}
	slices.Sort(out)
	return out, nil
}
