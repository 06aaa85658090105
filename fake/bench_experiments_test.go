package fake_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/awsfake/awsfake/fake"
)

// Benchmarks of experiments, trials and trial components, through the typed door:
//
//	go test -run '^$' -bench 'TrialComponent|SearchComponentsOfATrial|QueryLineageToComponents' -benchmem -count 6 ./fake | benchstat -

// BenchmarkCreateTrialComponent creates components, named only (as CreateAction's benchmark
// creates actions) and as a run records them (parameters, status, an input and an output
// artifact: three maps to copy, validate and measure for the call log), in a new fake every
// 10,000.
func BenchmarkCreateTrialComponent(b *testing.B) {
	ctx := context.Background()
	for _, c := range []struct {
		name string
		in   *sagemaker.CreateTrialComponentInput
	}{
		{"named", &sagemaker.CreateTrialComponentInput{}},
		{"run", &sagemaker.CreateTrialComponentInput{
			Status:          &types.TrialComponentStatus{PrimaryStatus: types.TrialComponentPrimaryStatusInProgress},
			Parameters:      map[string]types.TrialComponentParameterValue{"lr": &types.TrialComponentParameterValueMemberNumberValue{Value: 0.1}},
			InputArtifacts:  map[string]types.TrialComponentArtifact{"data": {Value: aws.String("s3://d/train.csv")}},
			OutputArtifacts: map[string]types.TrialComponentArtifact{"model": {Value: aws.String("s3://m/model.tar.gz")}},
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var sm *fake.SageMaker
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if i%10_000 == 0 {
					b.StopTimer()
					sm = fake.New().SageMaker()
					b.StartTimer()
				}
				c.in.TrialComponentName = aws.String("tc-" + strconv.Itoa(i))
				if _, err := sm.CreateTrialComponent(ctx, c.in); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkAssociateTrialComponent puts components in trials: 100 trials, 100 components, each
// pair once, in a new fake every 10,000 associations.
func BenchmarkAssociateTrialComponent(b *testing.B) {
	ctx := context.Background()
	var sm *fake.SageMaker
	names := make([]string, 100)
	for i := range names {
		names[i] = "n" + strconv.Itoa(i)
	}
	in := &sagemaker.AssociateTrialComponentInput{}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%10_000 == 0 {
			b.StopTimer()
			sm = fake.New().SageMaker()
			mustDo(b, func() error {
				_, err := sm.CreateExperiment(ctx, &sagemaker.CreateExperimentInput{ExperimentName: aws.String("x")})
				return err
			})
			for _, n := range names {
				mustDo(b, func() error {
					_, err := sm.CreateTrial(ctx, &sagemaker.CreateTrialInput{TrialName: aws.String(n), ExperimentName: aws.String("x")})
					return err
				})
				mustDo(b, func() error {
					_, err := sm.CreateTrialComponent(ctx, &sagemaker.CreateTrialComponentInput{TrialComponentName: aws.String(n)})
					return err
				})
			}
			b.StartTimer()
		}
		in.TrialComponentName, in.TrialName = &names[i%100], &names[(i/100)%100]
		if _, err := sm.AssociateTrialComponent(ctx, in); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func mustDo(b *testing.B, f func() error) {
	b.Helper()
	if err := f(); err != nil {
		b.Fatal(err)
	}
}

// componentsInTrials makes n components in n/10 trials of ten, of one experiment (whose quota
// of trials is lifted).
func componentsInTrials(b *testing.B, n int) *fake.SageMaker {
	b.Helper()
	ctx := context.Background()
	sm := fake.New(fake.WithQuota(fake.Trials, 0)).SageMaker()
	mustDo(b, func() error {
		_, err := sm.CreateExperiment(ctx, &sagemaker.CreateExperimentInput{ExperimentName: aws.String("x")})
		return err
	})
	for t := 0; t < n/10; t++ {
		trial := aws.String("t" + strconv.Itoa(t))
		mustDo(b, func() error {
			_, err := sm.CreateTrial(ctx, &sagemaker.CreateTrialInput{TrialName: trial, ExperimentName: aws.String("x")})
			return err
		})
		for c := 0; c < 10; c++ {
			name := aws.String(fmt.Sprintf("c%d-%d", t, c))
			mustDo(b, func() error {
				_, err := sm.CreateTrialComponent(ctx, &sagemaker.CreateTrialComponentInput{TrialComponentName: name,
					Parameters: map[string]types.TrialComponentParameterValue{"lr": &types.TrialComponentParameterValueMemberNumberValue{Value: float64(c)}}})
				return err
			})
			mustDo(b, func() error {
				_, err := sm.AssociateTrialComponent(ctx, &sagemaker.AssociateTrialComponentInput{TrialComponentName: name, TrialName: trial})
				return err
			})
		}
	}
	return sm
}

// BenchmarkSearchComponentsOfATrial searches the ten components of one trial (as AWS's Python
// SDK's analytics do, by Parents.TrialName, with a second filter) among 1,000 and 100,000: the
// trial's index serves it, so both cost the same.
func BenchmarkSearchComponentsOfATrial(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{1_000, 100_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			sm := componentsInTrials(b, n)
			in := &sagemaker.SearchInput{Resource: types.ResourceTypeExperimentTrialComponent, SearchExpression: &types.SearchExpression{
				Filters: []types.Filter{
					{Name: aws.String("Parents.TrialName"), Operator: types.OperatorEquals, Value: aws.String("t42")},
					{Name: aws.String("Parameters.lr"), Operator: types.OperatorGreaterThanOrEqualTo, Value: aws.String("0")},
				}}}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				out, err := sm.Search(ctx, in)
				if err != nil || len(out.Results) != 10 {
					b.Fatal(err, out)
				}
			}
		})
	}
}

// BenchmarkQueryLineageToComponents walks from a model to the trial component that produced it
// and its dataset, among 10 and 1,000 such training runs: it costs what it visits.
func BenchmarkQueryLineageToComponents(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{10, 1_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			sm := fake.New(noGraphQuotas()...).SageMaker()
			arns := benchArtifacts(b, sm, "r", "Model", 2*n)
			var model string
			for i := 0; i < n; i++ {
				tc := aws.String("run-" + strconv.Itoa(i))
				out, err := sm.CreateTrialComponent(ctx, &sagemaker.CreateTrialComponentInput{TrialComponentName: tc})
				if err != nil {
					b.Fatal(err)
				}
				benchLink(b, sm, arns[2*i], aws.ToString(out.TrialComponentArn))
				benchLink(b, sm, aws.ToString(out.TrialComponentArn), arns[2*i+1])
				if i == n/2 {
					model = arns[2*i+1]
				}
			}
			in := &sagemaker.QueryLineageInput{StartArns: []string{model}, Direction: types.DirectionAscendants,
				Filters: &types.QueryFilters{LineageTypes: []types.LineageType{types.LineageTypeTrialComponent}}}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				out, err := sm.QueryLineage(ctx, in)
				if err != nil || len(out.Vertices) != 1 {
					b.Fatal(err, out)
				}
			}
		})
	}
}
