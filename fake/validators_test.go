package fake_test

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/personalize"
	"github.com/aws/aws-sdk-go-v2/service/personalizeevents"
	"github.com/aws/aws-sdk-go-v2/service/personalizeruntime"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/scenario"
)

// unreachable is an HTTP client a test's real SDK clients must never get to use.
type unreachable struct{}

func (unreachable) Do(*http.Request) (*http.Response, error) {
	return nil, errors.New("the client sent a request it should have refused")
}

// For every supported operation, the typed door refuses missing members exactly as the real
// client does before it sends anything: the same smithy.InvalidParamsError, in the same words,
// for an empty input and for one whose structures and lists of structures are present but empty.
// This checks the generated checks against the SDK's own validators.
func TestTypedDoorsCheckParametersAsTheClientsDo(t *testing.T) {
	t.Parallel()
	f := fake.New()
	cfg := aws.Config{Region: "us-east-1", HTTPClient: unreachable{}, Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: "AKID", SecretAccessKey: "secret"}, nil
	}),
		Retryer: func() aws.Retryer { return aws.NopRetryer{} }}
	clients := map[string][2]any{
		"sagemaker":           {sagemaker.NewFromConfig(cfg), f.SageMaker()},
		"personalize":         {personalize.NewFromConfig(cfg), f.Personalize()},
		"personalize-events":  {personalizeevents.NewFromConfig(cfg), f.PersonalizeEvents()},
		"personalize-runtime": {personalizeruntime.NewFromConfig(cfg), f.PersonalizeRuntime()},
	}
	for service, ops := range scenario.Operations() {
		for _, op := range ops {
			if catalog.Lookup(service, op).WireOnly {
				// Wire-only: the pinned client has no method for it, so neither has the door.
				require.False(t, reflect.ValueOf(clients[service][1]).MethodByName(op).IsValid(), "%s.%s", service, op)
				continue
			}
			// The door's own parameter type, which scenario names without importing the SDK.
			param := reflect.ValueOf(clients[service][1]).MethodByName(op).Type().In(1)
			require.Equal(t, scenario.InputTypeName(service, op), param.String())
			inType := param.Elem()
			for _, in := range []reflect.Value{reflect.New(inType), withEmptyParts(inType)} {
				t.Run(service+"."+op, func(t *testing.T) {
					real, door := clients[service][0], clients[service][1]
					wantErr := callByName(real, op, in)
					gotErr := callByName(door, op, in)
					if errors.Is(wantErr, errUnreachable) {
						// The client accepted the input and tried to send it: so must the door.
						require.NotContains(t, errString(gotErr), "validation error(s) found", "the client sends %s", in.Interface())
						return
					}
					require.Equal(t, wantErr.Error(), errString(gotErr))
				})
			}
		}
	}
}

var errUnreachable = errors.New("the client sent a request it should have refused")

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// withEmptyParts returns a new input whose structure members are empty structures and whose
// lists of structures hold one empty structure.
func withEmptyParts(t reflect.Type) reflect.Value {
	v := reflect.New(t)
	for i := 0; i < t.NumField(); i++ {
		f := v.Elem().Field(i)
		if !f.CanSet() {
			continue
		}
		switch ft := f.Type(); {
		case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct && ft.Elem().PkgPath() != "time":
			f.Set(reflect.New(ft.Elem()))
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			f.Set(reflect.MakeSlice(ft, 1, 1))
		}
	}
	return v
}

// callByName calls a client's or door's method for an operation and returns its error.
func callByName(client any, op string, in reflect.Value) error {
	m := reflect.ValueOf(client).MethodByName(op)
	out := m.Call([]reflect.Value{reflect.ValueOf(context.Background()), in})
	err, _ := out[1].Interface().(error)
	if err != nil && errors.Is(err, errUnreachableSentinel(err)) {
		return errUnreachable
	}
	return err
}

// errUnreachableSentinel recognises the unreachable client's error wherever the SDK wraps it.
func errUnreachableSentinel(err error) error {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if e.Error() == errUnreachable.Error() {
			return e
		}
	}
	return errUnreachable
}
