package engine

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/search"
	"github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// Search's candidates come from the index a query's hints name (by name, ARN, parent trial or
// experiment, source, component); a hint is only a necessary condition, so Search through the
// engine must find exactly what a scan of every resource of the kind finds, in the same order.
// The fuzzer builds a small world of experiments, trials and components (some made by a
// "job", with a Source) and an expression over the properties the indexes serve.
func FuzzSearchMatchesAScan(f *testing.F) {
	f.Add([]byte{3, 5, 8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}, []byte{2, 0, 1, 2, 3})
	f.Add([]byte{1, 1, 1, 0, 0, 0}, []byte{1, 7, 7, 7})
	f.Add([]byte{2, 4, 6, 9, 9, 9, 9, 200, 100, 50, 25}, []byte{0, 3, 4, 5, 6, 100, 101})
	f.Fuzz(func(t *testing.T, world, query []byte) {
		e := New(Config{Clock: newStepClock(), Quotas: map[string]int{}})
		w := buildSearchWorld(t, e, world)
		resource := []string{search.Experiment, search.ExperimentTrial, search.ExperimentTrialComponent}[int(at(query, 0))%3]
		expr := fuzzExpression(query[min(1, len(query)):], resource)
		max := int32(100)
		out, err := e.Invoke(context.Background(), Scope{}, OpSearch, &sagemaker.SearchInput{Resource: &resource, SearchExpression: expr, MaxResults: &max})

		q, cerr := search.Compile(resource, expressionOf(expr))
		if cerr != nil {
			var apiErr *Error
			require.True(t, errors.As(err, &apiErr), "the scan refuses %v, Search answers %v", cerr, out)
			return
		}
		require.NoError(t, err)
		o, _ := search.NewOrder(resource, nil, nil)
		var want []search.Record
		switch resource {
		case search.Experiment:
			want = matching(sliceSeq(w.experiments.view(false)), q, nil, func(x *experiment) search.Record { return experimentRecord{x} })
		case search.ExperimentTrial:
			want = matching(sliceSeq(w.trials.view(false)), q, nil, func(t *trial) search.Record { return trialRecord{t} })
		default:
			want = matching(sliceSeq(w.trialComponents.view(false)), q, nil, func(c *trialComponent) search.Record { return trialComponentRecord{c, w} })
		}
		search.Sort(o, want)
		var wantARNs, got []string
		for _, r := range want {
			wantARNs = append(wantARNs, r.Get(search.FieldArn, "").String())
		}
		for _, r := range out.(*sagemaker.SearchOutput).Results {
			switch {
			case r.Experiment != nil:
				got = append(got, *r.Experiment.ExperimentArn)
			case r.Trial != nil:
				got = append(got, *r.Trial.TrialArn)
			case r.TrialComponent != nil:
				got = append(got, *r.TrialComponent.TrialComponentArn)
			}
		}
		require.Equal(t, wantARNs, got, "hints %v", q.Hints())
		require.Equal(t, int64(len(want)), *out.(*sagemaker.SearchOutput).TotalHits.Value)
	})
}

func at(b []byte, i int) byte {
	if i < len(b) {
		return b[i]
	}
	return byte(i*37 + 11)
}

// buildSearchWorld makes 1-3 experiments, 1-5 trials and 1-8 components from fuzz bytes: each
// trial in some experiment, each component in some trials, some with a job's Source.
func buildSearchWorld(t *testing.T, e *Engine, b []byte) *world {
	t.Helper()
	s := func(v string) *string { return &v }
	nx, nt, nc := 1+int(at(b, 0))%3, 1+int(at(b, 1))%5, 1+int(at(b, 2))%8
	call := func(op *Op, in any) {
		t.Helper()
		if _, err := e.Invoke(context.Background(), Scope{}, op, in); err != nil {
			t.Fatalf("%s: %v", op.Name, err)
		}
	}
	for i := range nx {
		call(OpCreateExperiment, &sagemaker.CreateExperimentInput{ExperimentName: s(fmt.Sprintf("X%d", i))})
	}
	for i := range nt {
		call(OpCreateTrial, &sagemaker.CreateTrialInput{TrialName: s(fmt.Sprintf("t%d", i)), ExperimentName: s(fmt.Sprintf("x%d", int(at(b, 3+i))%nx))})
	}
	for i := range nc {
		c := at(b, 8+i)
		name := fmt.Sprintf("c%d", i)
		in := &sagemaker.CreateTrialComponentInput{TrialComponentName: &name,
			Parameters: map[string]sagemaker.TrialComponentParameterValue{"p": {StringValue: s(fmt.Sprintf("v%d", c%3))}},
			Tags:       []sagemaker.Tag{{Key: s("k"), Value: s(fmt.Sprintf("v%d", c%2))}}}
		if c%4 == 0 {
			err := e.SeedAll(func(sd *Seeding) error {
				_, err := sd.Seed(Scope{}, OpCreateTrialComponent, in, SeedSpec{IDs: map[string]string{
					idSourceArn: fmt.Sprintf("arn:aws:sagemaker:us-east-1:123456789012:training-job/j%d", c%3), idSourceType: "SageMakerTrainingJob"}})
				if err != nil {
					return err // a *Error in an error: only when not nil
				}
				return nil
			})
			require.NoError(t, err)
		} else {
			call(OpCreateTrialComponent, in)
		}
		e.clock.(*stepClock).add(1e9)
		for j := range nt {
			if c>>uint(j%8)&1 == 1 {
				call(OpAssociateTrialComponent, &sagemaker.AssociateTrialComponentInput{TrialComponentName: &name, TrialName: s(fmt.Sprintf("T%d", j))})
			}
		}
	}
	return e.worlds[Scope{Account: DefaultAccount, Region: DefaultRegion}]
}

// fuzzExpression builds a SearchExpression from fuzz bytes: up to 4 filters, over the
// properties the indexes serve (and two they do not), with Equals, In, NotEquals, Contains and
// Exists, values in either case, and an optional Or sub-expression.
func fuzzExpression(b []byte, resource string) *sagemaker.SearchExpression {
	if len(b) == 0 {
		return nil
	}
	names := map[string][]string{
		search.Experiment:               {"ExperimentName", "ExperimentArn", "DisplayName", "Tags.k"},
		search.ExperimentTrial:          {"TrialName", "ExperimentName", "TrialComponentSummaries.TrialComponentName", "TrialArn", "DisplayName"},
		search.ExperimentTrialComponent: {"TrialComponentName", "Parents.TrialName", "Parents.ExperimentName", "Source.SourceArn", "TrialComponentArn", "Parameters.p", "Tags.k"},
	}[resource]
	values := []string{"x0", "X1", "t0", "T1", "t3", "c0", "C2", "c5", "v0", "v1", "arn:aws:sagemaker:us-east-1:123456789012:experiment-trial-component/c1",
		"arn:aws:sagemaker:us-east-1:123456789012:training-job/j0", "arn:aws:sagemaker:us-east-1:123456789012:experiment/X0", "t1,t2", "c1,C3,c4"}
	ops := []string{"Equals", "In", "NotEquals", "Contains", "Exists"}
	filter := func(i int) sagemaker.Filter {
		op := ops[int(at(b, i+1))%len(ops)]
		f := sagemaker.Filter{Name: &names[int(at(b, i))%len(names)], Operator: &op}
		if op != "Exists" {
			f.Value = &values[int(at(b, i+2))%len(values)]
		}
		return f
	}
	x := &sagemaker.SearchExpression{}
	n := 1 + int(b[0])%4
	for i := range n {
		x.Filters = append(x.Filters, filter(1+3*i))
	}
	if b[0]&0x80 != 0 {
		or := "Or"
		x.SubExpressions = []sagemaker.SearchExpression{{Operator: &or, Filters: []sagemaker.Filter{filter(20), filter(23)}}}
	}
	if b[0]&0x40 != 0 {
		or := "Or"
		x.Operator = &or
	}
	return x
}
