package fake_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
)

func TestCallLog(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		e.create(t, newAction("logged"))
		_, err := e.api.DescribeAction(e.ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("none")})
		require.Error(t, err)

		want := []fake.Call{
			{
				Service: "sagemaker", Operation: "CreateAction", Account: "123456789012", Region: "us-east-1", Time: start,
				Input: map[string]any{
					"ActionName": "logged", "ActionType": "ModelDeployment",
					"Source": map[string]any{"SourceUri": "s3://models/logged"},
				},
				Output: map[string]any{"ActionArn": "arn:aws:sagemaker:us-east-1:123456789012:action/logged"},
			},
			{
				Service: "sagemaker", Operation: "DescribeAction", Account: "123456789012", Region: "us-east-1", Time: start,
				Input: map[string]any{"ActionName": "none"},
				Err: &fake.CallError{Code: "ResourceNotFound", StatusCode: 400,
					Message: "Action arn:aws:sagemaker:us-east-1:123456789012:action/none does not exist."},
			},
		}
		if diff := cmp.Diff(want, e.f.Calls()); diff != "" {
			t.Fatalf("Calls() mismatch (-want +got):\n%s", diff)
		}
		require.Len(t, e.f.CallsTo("sagemaker", "DescribeAction"), 1)
		e.f.ClearCalls()
		require.Empty(t, e.f.Calls())
	})
}

func TestCallLogKeepsTheMostRecent(t *testing.T) {
	t.Parallel()
	f := fake.New(fake.WithCallLog(3))
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		_, err := f.SageMaker().CreateAction(t.Context(), newAction(n))
		require.NoError(t, err)
	}
	var got []any
	for _, c := range f.Calls() {
		got = append(got, c.Input["ActionName"])
	}
	require.Equal(t, []any{"c", "d", "e"}, got)

	none := fake.New(fake.WithCallLog(-1))
	_, err := none.SageMaker().CreateAction(t.Context(), newAction("a"))
	require.NoError(t, err)
	require.Empty(t, none.Calls())
}

func TestReset(t *testing.T) {
	t.Parallel()
	eachDoor(t, func(t *testing.T, e *env) {
		e.create(t, newAction("before"))
		e.f.Reset()
		require.Empty(t, e.f.Calls())
		_, err := e.api.DescribeAction(e.ctx, &sagemaker.DescribeActionInput{ActionName: aws.String("before")})
		requireCode(t, err, "ResourceNotFound")
		e.create(t, newAction("before"))
	})
}
