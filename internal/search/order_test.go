package search

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

func sortedNames(t *testing.T, resource string, sortBy, sortOrder *string, rs []*rec) []string {
	t.Helper()
	o, err := NewOrder(resource, sortBy, sortOrder)
	require.NoError(t, err)
	Sort(o, rs)
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.name()
	}
	for i := 1; i < len(rs); i++ {
		require.LessOrEqual(t, o.Compare(rs[i-1], rs[i]), 0, "%s before %s", out[i-1], out[i])
		require.GreaterOrEqual(t, o.Compare(rs[i], rs[i-1]), 0, "%s after %s", out[i], out[i-1])
	}
	return out
}

func TestOrder(t *testing.T) {
	t.Parallel()
	tc := ExperimentTrialComponent
	asc, desc := s("Ascending"), s("Descending")
	cases := []struct {
		name          string
		resource      string
		sortBy, order *string
		records       func() []*rec
		want          []string
	}{
		{"default: LastModifiedTime descending", tc, nil, nil, components, []string{"e", "d", "c", "b", "a"}},
		{"LastModifiedTime ascending", tc, nil, asc, components, []string{"a", "b", "c", "d", "e"}},
		{"CreationTime descending", tc, s("CreationTime"), desc, components, []string{"e", "d", "c", "b", "a"}},
		{"name ascending", tc, s("TrialComponentName"), asc, components, []string{"a", "b", "c", "d", "e"}},
		{"display name ascending", tc, s("displayname"), asc, components, []string{"a", "d", "b", "e", "c"}},
		{"absent last ascending", tc, s("StartTime"), asc, components, []string{"a", "c", "b", "d", "e"}},
		{"absent last descending", tc, s("StartTime"), desc, components, []string{"c", "a", "e", "d", "b"}},
		{"a metric", tc, s("metrics.acc.max"), desc, components, []string{"a", "b", "e", "d", "c"}},
		{"a tag", tc, s("Tags.team"), asc, components, []string{"b", "a", "d", "c", "e"}},
		{"a parameter: numbers before text", tc, s("Parameters.opt"), asc, func() []*rec {
			rs := components()
			rs[4].params["opt"] = Number(3)
			return rs
		}, []string{"e", "d", "a", "b", "c"}},
		{"a parameter of numbers", tc, s("Parameters.lr"), desc, components, []string{"e", "d", "a", "b", "c"}},
		{"a list by its least value ascending", tc, s("Parents.TrialName"), asc, components, []string{"a", "e", "b", "d", "c"}},
		{"a list by its greatest value descending", tc, s("Parents.TrialName"), desc, components, []string{"e", "d", "b", "a", "c"}},
		{"any metric's maximum", tc, s("Metrics.Max"), desc, components, []string{"b", "a", "e", "d", "c"}},
		{"an unsupported property sorts by ARN", tc, s("SourceDetail.TrainingJob.TrainingJobName"), asc, components, []string{"a", "b", "c", "d", "e"}},
		{"ties by ARN ascending", tc, s("Tags.team"), asc, func() []*rec {
			rs := components()
			slices.Reverse(rs)
			return rs
		}, []string{"b", "a", "d", "c", "e"}},
		{"trials by experiment", ExperimentTrial, s("ExperimentName"), desc, trials, []string{"t4", "t3", "t2", "t1"}},
		{"trials by their components' creation", ExperimentTrial, s("TrialComponentSummaries.CreationTime"), asc, trials, []string{"t1", "t2", "t3", "t4"}},
		{"experiments by description", Experiment, s("Description"), asc, experiments, []string{"e1", "e2", "e3"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := sortedNames(t, c.resource, c.sortBy, c.order, c.records())
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("order (-want +got):\n%s", diff)
			}
		})
	}
}

// TestAscendingReversesDescending: among records that have the property, Ascending is the
// exact reverse of Descending, ties included (facts §11, decision 28).
func TestAscendingReversesDescending(t *testing.T) {
	t.Parallel()
	rs := components()
	for _, r := range rs {
		r.scalars[FieldCreationTime] = Time(t0) // every one a tie
	}
	up := sortedNames(t, ExperimentTrialComponent, s("CreationTime"), s("Ascending"), slices.Clone(rs))
	down := sortedNames(t, ExperimentTrialComponent, s("CreationTime"), s("Descending"), slices.Clone(rs))
	slices.Reverse(down)
	require.Equal(t, up, down)
	require.Equal(t, []string{"a", "b", "c", "d", "e"}, up)
}

func TestOrderCompare(t *testing.T) {
	t.Parallel()
	o, err := NewOrder(ExperimentTrialComponent, s("CreationTime"), s("Ascending"))
	require.NoError(t, err)
	rs := components()
	require.Negative(t, o.Compare(rs[0], rs[1]))
	require.Positive(t, o.Compare(rs[1], rs[0]))
	require.Zero(t, o.Compare(rs[2], rs[2]))
	late := newRec(ExperimentTrialComponent, "a", 0).with(FieldCreationTime, Time(t0.Add(time.Millisecond)))
	early := newRec(ExperimentTrialComponent, "z", 0)
	require.Negative(t, o.Compare(early, late), "milliseconds count")
}

func TestOrderRefusals(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name          string
		resource      string
		sortBy, order *string
		message       string
	}{
		{"unknown property", ExperimentTrialComponent, s("Accuracy"), nil, "Unknown property name: Accuracy"},
		{"a trial's property on a component", ExperimentTrialComponent, s("ExperimentName"), nil, "Unknown property name: ExperimentName"},
		{"a collection", ExperimentTrialComponent, s("Tags"), nil, "Search results cannot be sorted by Tags."},
		{"a structure", ExperimentTrial, s("Source"), nil, "Search results cannot be sorted by Source."},
		{"a sort order outside the enum", Experiment, nil, s("descending"),
			"1 validation error detected: Value 'descending' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value set: [Ascending, Descending]"},
		{"an empty SortBy", Experiment, s(""), nil,
			"1 validation error detected: Value '' at 'sortBy' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"a resource outside the enum", "Trial", nil, nil,
			"1 validation error detected: Value 'Trial' at 'resource' failed to satisfy constraint: Member must satisfy enum value set: [TrainingJob, Experiment, ExperimentTrial, ExperimentTrialComponent, Endpoint, Model, ModelPackage, ModelPackageGroup, Pipeline, PipelineExecution, FeatureGroup, FeatureMetadata, Image, ImageVersion, Project, HyperParameterTuningJob, ModelCard, PipelineVersion]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			o, err := NewOrder(c.resource, c.sortBy, c.order)
			require.Nil(t, o)
			var se *Error
			require.True(t, errors.As(err, &se))
			require.Equal(t, c.message, se.Message)
		})
	}
}
