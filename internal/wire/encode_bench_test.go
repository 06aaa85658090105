package wire

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/shape"
	smshape "github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// The encode benchmarks: responses as the wire door writes them (encoding/json/v2's module into
// a pooled buffer, writeJSON) and, for reference, with encoding/json's Marshal, which it used
// before.

func benchOutputs() []struct {
	name string
	out  any
} {
	at := shape.T(time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC))
	s := func(v string) *string { return &v }
	list := &smshape.ListActionsOutput{NextToken: s("token")}
	for i := range 10 {
		list.ActionSummaries = append(list.ActionSummaries, smshape.ActionSummary{ActionArn: s("arn:aws:sagemaker:us-east-1:123456789012:action/a-" + strconv.Itoa(i)),
			ActionName: s("a-" + strconv.Itoa(i)), ActionType: s("ModelDeployment"), Source: &smshape.ActionSource{SourceUri: s("s3://models/m.tar.gz")},
			Status: s("Completed"), CreationTime: at, LastModifiedTime: at})
	}
	return []struct {
		name string
		out  any
	}{
		{"CreateAction", &smshape.CreateActionOutput{ActionArn: s("arn:aws:sagemaker:us-east-1:123456789012:action/a-123456")}},
		{"DescribeAction", &smshape.DescribeActionOutput{ActionArn: s("arn:aws:sagemaker:us-east-1:123456789012:action/a-123456"),
			ActionName: s("a-123456"), ActionType: s("ModelDeployment"), Source: &smshape.ActionSource{SourceUri: s("s3://models/m.tar.gz")},
			Properties: map[string]string{"stage": "prod", "owner": "ml"}, CreationTime: at, LastModifiedTime: at,
			LineageGroupArn: s("arn:aws:sagemaker:us-east-1:123456789012:lineage-group/sagemaker-default-lineage-group")}},
		{"ListActions10", list},
	}
}

func BenchmarkEncode(b *testing.B) {
	for _, c := range benchOutputs() {
		b.Run(c.name+"/v1", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := json.Marshal(c.out); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"/v2", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				buf := buffers.Get().(*bytes.Buffer)
				if err := jsonv2.MarshalWrite(buf, c.out, encodeOptions); err != nil {
					b.Fatal(err)
				}
				putBuffer(buf)
			}
		})
	}
}

// The wire door's encoding writes what encoding/json wrote, byte for byte, for responses
// without the characters encoding/json escapes for HTML (<, >, &), and the same document for
// those: clients read both alike.
func TestEncodeAsEncodingJSON(t *testing.T) {
	t.Parallel()
	html := &smshape.DescribeActionOutput{ActionName: ptr("a<b>&c"), Properties: map[string]string{"z": "1", "a": "\xff"}}
	frac := time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)
	times := &smshape.DescribeActionOutput{CreationTime: shape.T(frac.Add(123 * time.Millisecond)),
		LastModifiedTime: shape.T(frac.Add(-time.Millisecond))}
	for _, c := range append(benchOutputs(), struct {
		name string
		out  any
	}{"html and invalid UTF-8", html}, struct {
		name string
		out  any
	}{"fractional times", times}) {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			v1, err := json.Marshal(c.out)
			require.NoError(t, err)
			rec := httptest.NewRecorder()
			writeJSON(rec, 200, jsonContentType, c.out)
			if c.out == html {
				var a, b any
				require.NoError(t, json.Unmarshal(v1, &a))
				require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &b))
				require.Equal(t, a, b)
				return
			}
			require.Equal(t, string(v1), rec.Body.String())
			require.Equal(t, strconv.Itoa(len(v1)), rec.Header().Get("Content-Length"))
		})
	}
}

func ptr(s string) *string { return &s }
