package search

import (
	"maps"
	"slices"
	"testing"
	"time"
)

// rec is the test's Record: the shape an engine adapter takes (a switch per method over the
// fields its kind has), over plain test data.
type rec struct {
	scalars   map[Field]Value
	tags      []kv
	params    map[string]Value
	inputs    map[string]art
	outputs   map[string]art
	parents   []parent
	metrics   []metricSummary
	summaries []map[Field]Value
}

type kv struct{ k, v string }

type art struct{ value, mediaType string }

type parent struct{ trial, experiment string }

type metricSummary struct {
	name  string
	stats map[Field]Value
}

func (r *rec) Get(f Field, key string) Value {
	switch f {
	case FieldTag:
		for _, t := range r.tags {
			if t.k == key {
				return Text(t.v)
			}
		}
		return Value{}
	case FieldParameter:
		return r.params[key]
	case FieldInputArtifactValue, FieldInputArtifactMediaType:
		return artifactValue(r.inputs, key, f == FieldInputArtifactMediaType)
	case FieldOutputArtifactValue, FieldOutputArtifactMediaType:
		return artifactValue(r.outputs, key, f == FieldOutputArtifactMediaType)
	}
	return r.scalars[f]
}

func artifactValue(m map[string]art, key string, mediaType bool) Value {
	a, ok := m[key]
	switch {
	case !ok, mediaType && a.mediaType == "":
		return Value{}
	case mediaType:
		return Text(a.mediaType)
	}
	return Text(a.value)
}

func (r *rec) Len(f Field) int {
	switch f {
	case FieldTags:
		return len(r.tags)
	case FieldParameters:
		return len(r.params)
	case FieldInputArtifacts:
		return len(r.inputs)
	case FieldOutputArtifacts:
		return len(r.outputs)
	case FieldParents:
		return len(r.parents)
	case FieldMetrics:
		return len(r.metrics)
	case FieldTrialComponentSummaries:
		return len(r.summaries)
	}
	return 0
}

func (r *rec) Elem(list Field, i int, f Field) Value {
	switch list {
	case FieldParents:
		switch f {
		case FieldParentTrialName:
			return Text(r.parents[i].trial)
		case FieldParentExperimentName:
			return Text(r.parents[i].experiment)
		}
	case FieldMetrics:
		if f == FieldMetricName {
			return Text(r.metrics[i].name)
		}
		return r.metrics[i].stats[f]
	case FieldTrialComponentSummaries:
		return r.summaries[i][f]
	}
	return Value{}
}

func (r *rec) Keys(f Field) []string {
	switch f {
	case FieldTags:
		keys := make([]string, len(r.tags))
		for i, t := range r.tags {
			keys[i] = t.k
		}
		return keys
	case FieldParameters:
		return slices.Collect(maps.Keys(r.params))
	}
	return nil
}

var t0 = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

const arnPrefix = "arn:aws:sagemaker:us-east-1:123456789012:"

// newRec makes a record of resource named name, created and modified hour hours after t0.
func newRec(resource, name string, hour int) *rec {
	kind := map[string]string{Experiment: "experiment/", ExperimentTrial: "experiment-trial/", ExperimentTrialComponent: "experiment-trial-component/"}[resource]
	at := Time(t0.Add(time.Duration(hour) * time.Hour))
	return &rec{scalars: map[Field]Value{
		FieldName:             Text(name),
		FieldArn:              Text(arnPrefix + kind + name),
		FieldDisplayName:      Text(name),
		FieldCreationTime:     at,
		FieldLastModifiedTime: at,
	}}
}

func (r *rec) with(f Field, v Value) *rec { r.scalars[f] = v; return r }

func (r *rec) name() string { return r.scalars[FieldName].s }

// components is the fixture of trial components most tests search:
//
//	a: tags team=ml env=prod; parents t1/e1, t2/e1; lr 0.5, opt adam, epochs 10; acc (max .9);
//	   training-job source, Completed, started at hour 1, input data
//	b: tags team=cv; parent t2/e1; lr 0.05, opt sgd; acc (max .7), loss (max 2.5); Failed
//	c: no tags, parents, parameters or metrics; InProgress, started at hour 3; output model
//	d: tag team=ml; parent t3/e2; lr 1, opt "0.5"
//	e: parents t1/e1 and t3/e2 (for nested filters); lr 2.7
func components() []*rec {
	a := newRec(ExperimentTrialComponent, "a", 1).
		with(FieldDisplayName, Text("alpha")).
		with(FieldSourceArn, Text(arnPrefix+"training-job/job-a")).
		with(FieldSourceType, Text("SageMakerTrainingJob")).
		with(FieldPrimaryStatus, Text("Completed")).
		with(FieldStartTime, Time(t0.Add(time.Hour)))
	a.tags = []kv{{"team", "ml"}, {"env", "prod"}}
	a.parents = []parent{{"t1", "e1"}, {"t2", "e1"}}
	a.params = map[string]Value{"lr": Number(0.5), "opt": Text("adam"), "epochs": Number(10)}
	a.metrics = []metricSummary{{"acc", map[Field]Value{FieldMetricMax: Number(0.9), FieldMetricMin: Number(0.1), FieldMetricLast: Number(0.8), FieldMetricCount: Number(10),
		FieldMetricTimeStamp: Time(t0.Add(90 * time.Minute))}}}
	a.inputs = map[string]art{"data": {"s3://bucket/train.csv", "text/csv"}}

	b := newRec(ExperimentTrialComponent, "b", 2).
		with(FieldDisplayName, Text("beta")).
		with(FieldPrimaryStatus, Text("Failed"))
	b.tags = []kv{{"team", "cv"}}
	b.parents = []parent{{"t2", "e1"}}
	b.params = map[string]Value{"lr": Number(0.05), "opt": Text("sgd")}
	b.metrics = []metricSummary{{"acc", map[Field]Value{FieldMetricMax: Number(0.7)}}, {"loss", map[Field]Value{FieldMetricMax: Number(2.5)}}}

	c := newRec(ExperimentTrialComponent, "c", 3).
		with(FieldDisplayName, Text("gamma")).
		with(FieldPrimaryStatus, Text("InProgress")).
		with(FieldStartTime, Time(t0.Add(3*time.Hour)))
	c.outputs = map[string]art{"model": {value: "s3://bucket/model.tar.gz"}}

	d := newRec(ExperimentTrialComponent, "d", 4).with(FieldDisplayName, Text("alphabet"))
	d.tags = []kv{{"team", "ml"}}
	d.parents = []parent{{"t3", "e2"}}
	d.params = map[string]Value{"lr": Number(1), "opt": Text("0.5")}

	e := newRec(ExperimentTrialComponent, "e", 5).with(FieldDisplayName, Text("epsilon"))
	e.parents = []parent{{"t1", "e1"}, {"t3", "e2"}}
	e.params = map[string]Value{"lr": Number(2.7)}
	return []*rec{a, b, c, d, e}
}

// trials: t1 (e1; components a and e), t2 (e1; a and b), t3 (e2; d and e), t4 (e2; none).
func trials() []*rec {
	summary := func(name string, hour int) map[Field]Value {
		return map[Field]Value{
			FieldSummaryName:         Text(name),
			FieldSummaryArn:          Text(arnPrefix + "experiment-trial-component/" + name),
			FieldSummaryCreationTime: Time(t0.Add(time.Duration(hour) * time.Hour)),
		}
	}
	t1 := newRec(ExperimentTrial, "t1", 1).with(FieldExperimentName, Text("e1")).with(FieldCommitID, Text("abc123"))
	t1.summaries = []map[Field]Value{summary("a", 1), summary("e", 5)}
	t1.tags = []kv{{"stage", "dev"}}
	t2 := newRec(ExperimentTrial, "t2", 2).with(FieldExperimentName, Text("e1"))
	t2.summaries = []map[Field]Value{summary("a", 1), summary("b", 2)}
	t2.summaries[1][FieldSummarySourceArn] = Text(arnPrefix + "processing-job/job-b")
	t3 := newRec(ExperimentTrial, "t3", 3).with(FieldExperimentName, Text("e2"))
	t3.summaries = []map[Field]Value{summary("d", 4), summary("e", 5)}
	t4 := newRec(ExperimentTrial, "t4", 4).with(FieldExperimentName, Text("e2"))
	return []*rec{t1, t2, t3, t4}
}

// experiments: e1 (described, tagged), e2, e3 (from a source).
func experiments() []*rec {
	e1 := newRec(Experiment, "e1", 1).with(FieldDescription, Text("first experiment"))
	e1.tags = []kv{{"owner", "ana"}}
	e2 := newRec(Experiment, "e2", 2).with(FieldDisplayName, Text("Second"))
	e3 := newRec(Experiment, "e3", 3).with(FieldSourceArn, Text(arnPrefix+"pipeline-execution/p/x")).with(FieldSourceType, Text("SageMakerPipelineExecution"))
	return []*rec{e1, e2, e3}
}

func fixture(resource string) []*rec {
	switch resource {
	case Experiment:
		return experiments()
	case ExperimentTrial:
		return trials()
	}
	return components()
}

// names returns the names of the records q matches, in fixture order.
func names(q *Query, rs []*rec) []string {
	out := []string{}
	for _, r := range rs {
		if q.Match(r) {
			out = append(out, r.name())
		}
	}
	return out
}

func s(v string) *string { return &v }

// f builds a filter; op and value "" mean absent.
func f(name, op, value string) Filter {
	fl := Filter{Name: name}
	if op != "" {
		fl.Operator = s(op)
	}
	if value != "" {
		fl.Value = s(value)
	}
	return fl
}

func and(fs ...Filter) *Expression { return &Expression{Filters: fs} }

func or(fs ...Filter) *Expression { return &Expression{Filters: fs, Operator: s("Or")} }

func TestFieldNames(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for f := FieldNone; f <= FieldSummaryCreationTime; f++ {
		name := f.String()
		if name == "" || seen[name] {
			t.Fatalf("field %d has the name %q, empty or taken", f, name)
		}
		seen[name] = true
	}
	if got := (FieldSummaryCreationTime + 1).String(); got != "Field(49)" {
		t.Fatalf("an unknown field is %q", got)
	}
}
