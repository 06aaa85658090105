package fake_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/fake"
	"github.com/awsfake/awsfake/internal/catalog"
	"github.com/awsfake/awsfake/internal/model"
	"github.com/awsfake/awsfake/scenario"
)

// walkShape is a service model's shape as the model files write it.
type walkShape struct {
	Type     string                `json:"type"`
	Min      *int64                `json:"min"`
	Pattern  string                `json:"pattern"`
	Enum     []string              `json:"enum"`
	Required []string              `json:"required"`
	Members  map[string]*walkShape `json:"members"`
	Member   *walkShape            `json:"member"`
}

type walkService struct {
	Protocol     string `json:"protocol"`
	TargetPrefix string `json:"targetPrefix"`
	Operations   map[string]struct {
		HTTP struct {
			RequestURI string `json:"requestUri"`
		} `json:"http"`
		Errors []string   `json:"errors"`
		Input  *walkShape `json:"input"`
	} `json:"operations"`
}

// minimalInput is a smallest input the model allows: every required member, each the least
// value its constraints take (an ARN where the pattern wants one, an s3:// URI for a location).
// Timestamps are epoch seconds on the wire and RFC 3339 for the SDK's types (typed).
func minimalInput(s *walkShape, typed bool) any {
	if s == nil {
		return map[string]any{}
	}
	switch s.Type {
	case "structure":
		out := map[string]any{}
		for _, name := range s.Required {
			out[name] = minimalInput(s.Members[name], typed)
		}
		return out
	case "list":
		if s.Min != nil && *s.Min > 0 {
			return []any{minimalInput(s.Member, typed)}
		}
		return []any{}
	case "map":
		return map[string]any{}
	case "integer", "long", "float", "double":
		if s.Min != nil {
			return *s.Min
		}
		return 1
	case "boolean":
		return false
	case "timestamp":
		if typed {
			return "2026-11-21T12:00:00Z"
		}
		return 1795262400
	}
	switch {
	case len(s.Enum) > 0:
		return s.Enum[0]
	case strings.Contains(s.Pattern, "iam::"):
		return "arn:aws:iam::123456789012:role/r"
	case strings.Contains(s.Pattern, "arn:"):
		return "arn:aws:personalize:us-east-1:123456789012:none/x"
	case strings.Contains(s.Pattern, "s3|"), strings.Contains(s.Pattern, "s3:"):
		return "s3://bucket/none"
	}
	v := "x"
	if s.Min != nil && *s.Min > 1 {
		v = strings.Repeat("x", int(*s.Min))
	}
	return v
}

// Every operation of Personalize, Personalize Events and (once it is routed) Personalize Runtime
// in the models is routed through both doors: an empty input and a minimal valid one get an
// answer or one of the operation's modelled errors (or, on the typed door, the client's own
// parameter check, as the real client refuses before it sends), never UnknownOperationException.
func TestEveryPersonalizeOperationIsRouted(t *testing.T) {
	t.Parallel()
	services := map[string]string{"personalize": "Personalize", "personalize-events": "PersonalizeEvents", "personalize-runtime": "PersonalizeRuntime"}
	names := make([]string, 0, len(services))
	for s := range services {
		names = append(names, s)
	}
	sort.Strings(names)
	for _, service := range names {
		raw, err := model.Raw(service)
		require.NoError(t, err, service)
		var svc walkService
		require.NoError(t, json.Unmarshal(raw, &svc), service)
		if _, routed := scenario.Operations()[service]; !routed {
			// Personalize Runtime is built in parallel (issue 24): until its operations are in
			// the catalogue, the wire door routes none of them and this walk leaves them out.
			t.Logf("%s: not routed yet, left out (%d operations in its model)", service, len(svc.Operations))
			continue
		}
		ops := make([]string, 0, len(svc.Operations))
		for op := range svc.Operations {
			ops = append(ops, op)
		}
		sort.Strings(ops)
		require.Equal(t, ops, sortedCopy(scenario.Operations()[service]), "%s: the catalogue routes every operation of the model", service)
		for _, op := range ops {
			spec := svc.Operations[op]
			t.Run(service+"."+op, func(t *testing.T) {
				t.Parallel()
				f := fake.New()
				h := f.Handler()
				for _, in := range []any{map[string]any{}, minimalInput(spec.Input, false)} {
					body, err := json.Marshal(in)
					require.NoError(t, err)
					headers := map[string]string{"Content-Type": "application/json"}
					path := "/"
					if svc.Protocol == "json" {
						headers = jsonHeaders(svc.TargetPrefix + "." + op)
					} else {
						path, _, _ = strings.Cut(spec.HTTP.RequestURI, "?")
					}
					status, _, doc := rawCall(t, h, "POST", path, headers, string(body))
					if status == http.StatusOK {
						continue
					}
					code, _ := doc["__type"].(string)
					if code == "" {
						code, _ = doc["code"].(string)
					}
					require.NotEqual(t, "UnknownOperationException", code, "wire %s %s", body, doc)
					require.Contains(t, spec.Errors, code, "wire %s: a modelled error (%v)", body, doc)
				}
				door := reflect.ValueOf(f).MethodByName(services[service])
				if !door.IsValid() {
					return
				}
				client := door.Call(nil)[0]
				m := client.MethodByName(op)
				if !m.IsValid() {
					require.True(t, isWireOnly(service, op), "the typed door has %s unless it is wire-only", op)
					return
				}
				inType := m.Type().In(1).Elem()
				for _, in := range []any{map[string]any{}, minimalInput(spec.Input, true)} {
					v := reflect.New(inType)
					b, _ := json.Marshal(in)
					require.NoError(t, json.Unmarshal(b, v.Interface()), "%s", b)
					out := m.Call([]reflect.Value{reflect.ValueOf(context.Background()), v})
					err, _ := out[1].Interface().(error)
					if err == nil {
						continue
					}
					var params smithy.InvalidParamsError
					if errors.As(err, &params) {
						continue // the client's own check, before it would send
					}
					var ae smithy.APIError
					require.True(t, errors.As(err, &ae), "typed %s: %v", b, err)
					require.NotEqual(t, "UnknownOperationException", ae.ErrorCode())
					require.Contains(t, spec.Errors, ae.ErrorCode(), "typed %s: a modelled error (%v)", b, err)
				}
			})
		}
	}
}

func sortedCopy(s []string) []string {
	out := slices.Clone(s)
	sort.Strings(out)
	return out
}

// isWireOnly reports whether operations.txt marks an operation wire-only (the pinned client
// lacks it).
func isWireOnly(service, op string) bool { return catalog.Lookup(service, op).WireOnly }
