package wire

import (
	"encoding/json"
	"strings"
	"testing"

	peshape "github.com/awsfake/awsfake/internal/shape/personalizeevents"
	smshape "github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// The decode benchmarks: the wire door's decoder and, for reference, encoding/json on the same
// documents. Compare two versions with
//
//	go test -run '^$' -bench Decode -benchmem -count 8 ./internal/wire > new.txt
//	benchstat old.txt new.txt

var benchDoc = []byte(`{"ActionName":"a-123456","ActionType":"ModelDeployment","Source":{"SourceUri":"s3://models/model.tar.gz"},"Properties":{"stage":"prod"}}`)

var putEventsDoc = []byte(`{"trackingId":"11111111-2222-4333-8444-555555555555","sessionId":"s","userId":"u","eventList":[` +
	strings.Repeat(`{"eventType":"click","itemId":"i","sentAt":1700000000,"properties":"{\"page\":\"home\"}"},`, 9) +
	`{"eventType":"click","itemId":"i","sentAt":1700000000}]}`)

var benchDocs = []struct {
	name string
	doc  []byte
	in   func() any
}{
	{"CreateAction", benchDoc, func() any { return new(smshape.CreateActionInput) }},
	{"PutEvents10", putEventsDoc, func() any { return new(peshape.PutEventsInput) }},
}

func BenchmarkDecode(b *testing.B) {
	for _, c := range benchDocs {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := decodeJSON(c.doc, c.in()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkDecodeEncodingJSON(b *testing.B) {
	for _, c := range benchDocs {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := json.Unmarshal(c.doc, c.in()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
