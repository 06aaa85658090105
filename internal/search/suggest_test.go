package search

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

func keyedRecords(rs []*rec) func(func(Keyed) bool) {
	return func(yield func(Keyed) bool) {
		for _, r := range rs {
			if !yield(r) {
				return
			}
		}
	}
}

func TestSuggest(t *testing.T) {
	t.Parallel()
	stats := func(m string) []string {
		return []string{"Metrics." + m + ".Avg", "Metrics." + m + ".Count", "Metrics." + m + ".Last", "Metrics." + m + ".Max", "Metrics." + m + ".Min", "Metrics." + m + ".StdDev"}
	}
	cases := []struct {
		name     string
		resource string
		hint     string
		want     []string
	}{
		{"parameters", ExperimentTrialComponent, "Parameters.", []string{"Parameters.epochs", "Parameters.lr", "Parameters.opt"}},
		{"prefix ignores case", ExperimentTrialComponent, "parameters.L", []string{"Parameters.lr"}},
		{"tags", ExperimentTrialComponent, "tags", []string{"Tags.env", "Tags.team"}},
		{"metrics", ExperimentTrialComponent, "Metrics.", append(stats("acc"), stats("loss")...)},
		{"one metric", ExperimentTrialComponent, "metrics.l", stats("loss")},
		{"everything", ExperimentTrialComponent, "", slices.Concat(stats("acc"), stats("loss"), []string{"Parameters.epochs", "Parameters.lr", "Parameters.opt", "Tags.env", "Tags.team"})},
		{"nothing begins so", ExperimentTrialComponent, "Hyper", []string{}},
		{"a full name", ExperimentTrialComponent, "Tags.team", []string{"Tags.team"}},
		{"experiments suggest nothing", Experiment, "", []string{}},
		{"trials suggest nothing", ExperimentTrial, "Tags", []string{}},
		{"other resources suggest nothing", "TrainingJob", "", []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got, err := Suggest(c.resource, c.hint, keyedRecords(fixture(c.resource)))
			require.NoError(t, err)
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("suggestions (-want +got):\n%s", diff)
			}
			for _, name := range got {
				_, err := Compile(c.resource, and(f(name, "Exists", "")))
				require.NoError(t, err, "suggested %s does not compile", name)
				_, err = NewOrder(c.resource, &name, nil)
				require.NoError(t, err, "suggested %s does not sort", name)
			}
		})
	}
}

func TestSuggestRefusesUnknownResource(t *testing.T) {
	t.Parallel()
	got, err := Suggest("Trials", "", keyedRecords(nil))
	require.Nil(t, got)
	var se *Error
	require.ErrorAs(t, err, &se)
	require.Contains(t, se.Message, "Value 'Trials' at 'resource' failed to satisfy constraint")
}
