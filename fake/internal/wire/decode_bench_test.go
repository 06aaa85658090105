package wire

import (
	"encoding/json"
	"testing"

	"github.com/awsfake/awsfake/fake/internal/shape"
)

var benchDoc = []byte(`{"ActionName":"a-123456","ActionType":"ModelDeployment","Source":{"SourceUri":"s3://models/model.tar.gz"},"Properties":{"stage":"prod"}}`)

func BenchmarkDecodeOurs(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var in shape.CreateActionInput
		if err := decodeJSON(benchDoc, &in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeEncodingJSON(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var in shape.CreateActionInput
		if err := json.Unmarshal(benchDoc, &in); err != nil {
			b.Fatal(err)
		}
	}
}
