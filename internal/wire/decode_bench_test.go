package wire

import (
	"encoding/json"
	"strings"
	"testing"

	peshape "github.com/awsfake/awsfake/internal/shape/personalizeevents"
	smshape "github.com/awsfake/awsfake/internal/shape/sagemaker"
)

var benchDoc = []byte(`{"ActionName":"a-123456","ActionType":"ModelDeployment","Source":{"SourceUri":"s3://models/model.tar.gz"},"Properties":{"stage":"prod"}}`)

func BenchmarkDecodeOurs(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var in smshape.CreateActionInput
		if err := decodeJSON(benchDoc, &in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeEncodingJSON(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var in smshape.CreateActionInput
		if err := json.Unmarshal(benchDoc, &in); err != nil {
			b.Fatal(err)
		}
	}
}

var putEventsDoc = []byte(`{"trackingId":"11111111-2222-4333-8444-555555555555","sessionId":"s","userId":"u","eventList":[` +
	strings.Repeat(`{"eventType":"click","itemId":"i","sentAt":1700000000,"properties":"{\"page\":\"home\"}"},`, 9) +
	`{"eventType":"click","itemId":"i","sentAt":1700000000}]}`)

func BenchmarkDecodePutEventsOurs(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var in peshape.PutEventsInput
		if err := decodeJSON(putEventsDoc, &in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodePutEventsEncodingJSON(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var in peshape.PutEventsInput
		if err := json.Unmarshal(putEventsDoc, &in); err != nil {
			b.Fatal(err)
		}
	}
}
