package wire

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/engine"
	"github.com/awsfake/awsfake/internal/shape"
	smshape "github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// sameAsStdlib are documents that the wire door's decoder and encoding/json must read
// identically.
var sameAsStdlib = []struct {
	op  *engine.Op
	doc string
}{
	{engine.OpCreateAction, `{"ActionName":"a-1","ActionType":"t","Source":{"SourceUri":"s3://x","SourceType":"S3","SourceId":"i"},"Description":"d\nwith \"quotes\" \\ and \u00e9 \ud83d\ude00 \/","Status":"Completed","Properties":{"k":"v","e":""},"MetadataProperties":{"CommitId":"c"},"Tags":[{"Key":"k","Value":"v"},{"Key":"k2","Value":""}]}`},
	{engine.OpCreateAction, ` { "ActionName" : null , "Tags" : [ ] , "Properties" : { } , "Unknown" : {"deep":[1,2,{"x":null}],"t":true,"f":false,"n":-1.5e3} } `},
	{engine.OpListActions, `{"CreatedAfter":1700000000,"CreatedBefore":1700000000.123,"MaxResults":100,"SortBy":"Name","NextToken":""}`},
	{engine.OpListActions, `{"CreatedAfter":1.7e9,"MaxResults":-5}`},
	{engine.OpUpdateAction, `{"ActionName":"x","PropertiesToRemove":["a","b","",null],"Properties":null}`},
	{engine.OpDeleteTags, `{"ResourceArn":"arn","TagKeys":[]}`},
	{engine.OpPutEvents, `{"trackingId":"t","sessionId":"s","eventList":[{"eventType":"click","sentAt":1700000000.5,"eventValue":1.25,"impression":["a"],"metricAttribution":{"eventAttributionSource":"x"}},null]}`},
	{engine.OpCreateDatasetGroup, `{"name":"g","tags":[{"tagKey":"k","tagValue":"v"}],"domain":"ECOMMERCE"}`},
	{engine.OpCreateAction, `{"ActionName":"bad \ud800 surrogate","ActionType":"\udc00x","Description":"\ud83d\u0041"}`},
	{engine.OpCreateAction, "{\"ActionName\":\"invalid \xff utf8\",\"ActionType\":\"cut \xe2\x82 short\"}"},
	{engine.OpCreateAction, `{"ActionName":"first","ActionName":"last","Properties":{"k":"1","k":"2","n":null}}`},
}

func TestDecodeMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	for _, c := range sameAsStdlib {
		t.Run(c.doc, func(t *testing.T) {
			t.Parallel()
			ours, std := c.op.NewInput(), c.op.NewInput()
			require.NoError(t, decodeJSON([]byte(c.doc), ours))
			require.NoError(t, json.Unmarshal([]byte(c.doc), std))
			if diff := cmp.Diff(std, ours); diff != "" {
				t.Errorf("(-encoding/json +ours)\n%s", diff)
			}
		})
	}
}

// TestDecodeErrors holds the messages a client reads in a SerializationException. They are
// the hand-written decoder's, kept when the JSON package changed, except where marked: offsets
// now point at the offending byte (a literal's bad letter, a trailing comma, the bracket past
// the depth limit), and a document cut short anywhere is "unexpected end of input".
func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		op        *engine.Op
		doc, want string
	}{
		// Values of the wrong kind name the innermost member and both kinds.
		{engine.OpCreateAction, `{"ActionName":5}`, "Unexpected number for member ActionName (expected string)"},
		{engine.OpCreateAction, `{"ActionName":true}`, "Unexpected boolean for member ActionName (expected string)"},
		{engine.OpCreateAction, `{"Source":"s"}`, "Unexpected string for member Source (expected object)"},
		{engine.OpCreateAction, `{"Tags":{}}`, "Unexpected object for member Tags (expected array)"},
		{engine.OpCreateAction, `{"Tags":[5]}`, "Unexpected number for member Tags (expected object)"},
		{engine.OpCreateAction, `{"Tags":[{"Key":5}]}`, "Unexpected number for member Key (expected string)"},
		{engine.OpCreateAction, `{"Source":{"SourceUri":true}}`, "Unexpected boolean for member SourceUri (expected string)"},
		{engine.OpCreateAction, `{"Properties":{"k":1}}`, "Unexpected number for member Properties (expected string)"},
		{engine.OpCreateAction, `{"Properties":[]}`, "Unexpected array for member Properties (expected object)"},
		{engine.OpUpdateAction, `{"PropertiesToRemove":[1]}`, "Unexpected number for member PropertiesToRemove (expected string)"},
		{engine.OpListActions, `{"MaxResults":1.5}`, "Unexpected number 1.5 for member MaxResults (expected integer)"},
		{engine.OpListActions, `{"MaxResults":3000000000}`, "Unexpected number 3000000000 for member MaxResults (expected integer)"},
		{engine.OpListActions, `{"MaxResults":"5"}`, "Unexpected string for member MaxResults (expected number)"},
		{engine.OpListActions, `{"CreatedAfter":"2024-01-01"}`, "Unexpected string for member CreatedAfter (expected timestamp in epoch seconds)"},
		{engine.OpListActions, `{"CreatedAfter":1e300}`, "Unexpected number 1e300 for member CreatedAfter (expected timestamp in epoch seconds)"},
		{engine.OpListActions, `{"CreatedBefore": 100000000000}`, "Unexpected number 100000000000 for member CreatedBefore (expected timestamp in epoch seconds)"},
		{engine.OpPutEvents, `{"eventList":[{"sentAt":[]}]}`, "Unexpected array for member sentAt (expected timestamp in epoch seconds)"},
		{engine.OpPutEvents, `{"eventList":[{"sentAt":1e99}]}`, "Unexpected number 1e99 for member sentAt (expected timestamp in epoch seconds)"},
		{engine.OpPutEvents, `{"eventList":[{"eventValue":1e400}]}`, "Unexpected number 1e400 for member eventValue (expected number)"},
		{engine.OpPutEvents, `{"eventList":[{"metricAttribution":{"eventAttributionSource":5}}]}`, "Unexpected number for member eventAttributionSource (expected string)"},

		// Malformed JSON says where and what.
		{engine.OpCreateAction, `{"ActionName":"a"}}`, "Malformed JSON at offset 18: unexpected data after the top-level value"},
		{engine.OpCreateAction, "{\"ActionName\":\"a\x01\"}", "Malformed JSON at offset 16: control character in a string"},
		{engine.OpCreateAction, `{"ActionName":"\q"}`, "Malformed JSON at offset 15: invalid escape in a string"},
		{engine.OpCreateAction, `{"ActionName":"\u12"}`, "Malformed JSON at offset 15: invalid \\u escape"},
		{engine.OpCreateAction, `{"ActionName" "a"}`, "Malformed JSON at offset 14: expected ':' after a member name"},
		{engine.OpCreateAction, `{ActionName:"a"}`, "Malformed JSON at offset 1: expected a member name"},
		{engine.OpCreateAction, `{"X":01}`, "Malformed JSON at offset 6: expected ',' or '}' in an object"},
		{engine.OpCreateAction, `{"X":[1 2]}`, "Malformed JSON at offset 8: expected ',' or ']' in an array"},
		{engine.OpCreateAction, `{"X":-}`, "Malformed JSON at offset 6: invalid number"},
		{engine.OpCreateAction, `{"X":1.}`, "Malformed JSON at offset 7: invalid number"},
		{engine.OpCreateAction, `{"X":+1}`, "Malformed JSON at offset 5: invalid character"},
		{engine.OpCreateAction, `{"X":tru}`, "Malformed JSON at offset 8: invalid literal"},                                 // was offset 5, the literal's start
		{engine.OpCreateAction, `{"X":[1,]}`, "Malformed JSON at offset 7: invalid character"},                              // was 8, after the comma
		{engine.OpCreateAction, `{"ActionName":"a",}`, "Malformed JSON at offset 17: expected a member name"},               // was 18, after the comma
		{engine.OpCreateAction, `{"X":1, y}`, "Malformed JSON at offset 8: invalid character"},                              // was "expected a member name"
		{engine.OpCreateAction, `{"ActionName":"a"`, "Malformed JSON at offset 17: unexpected end of input"},                // was "expected ',' or '}' in an object"
		{engine.OpCreateAction, `{"ActionName":"a`, "Malformed JSON at offset 16: unexpected end of input"},                 // was "unterminated string"
		{engine.OpCreateAction, `{"ActionName"`, "Malformed JSON at offset 13: unexpected end of input"},                    // was "expected ':' after a member name"
		{engine.OpCreateAction, `{"X":` + strings.Repeat("[", 10002), "Malformed JSON at offset 10004: exceeded max depth"}, // was 10006
	}
	for _, c := range cases {
		name := c.doc
		if len(name) > 40 {
			name = name[:40]
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			err := decodeJSON([]byte(c.doc), c.op.NewInput())
			require.EqualError(t, err, c.want)
		})
	}
}

// Invalid UTF-8 and unpaired surrogate escapes become U+FFFD, one for each bad byte, as
// encoding/json and the hand-written decoder had it; the call is not refused.
func TestDecodeInvalidUTF8(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, value, want string }{
		{"a bad byte", "a\xffb", "a\uFFFDb"},
		{"two bad bytes", "\xff\xfe", "\uFFFD\uFFFD"},
		{"a sequence cut short", "\xe2\x82!", "\uFFFD\uFFFD!"},
		{"an unpaired high surrogate", `\ud800x`, "\uFFFDx"},
		{"an unpaired low surrogate", `\udc00`, "\uFFFD"},
		{"a high surrogate before a letter", `\ud83d\u0041`, "\uFFFDA"},
		{"valid UTF-8 untouched", "é😀", "é😀"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			in := &smshape.DescribeActionInput{}
			require.NoError(t, decodeJSON([]byte(`{"ActionName":"`+c.value+`"}`), in))
			require.Equal(t, c.want, *in.ActionName)
		})
	}
}

func TestDecodeMatchesNamesExactly(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"actionname", "actionName", "ACTIONNAME", "Action_Name", "ActionName "} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			in := &smshape.DescribeActionInput{}
			require.NoError(t, decodeJSON([]byte(`{"`+name+`":"x"}`), in))
			require.Nil(t, in.ActionName, "AWS matches member names exactly")
		})
	}
}

// Shapes' tags say omitempty today and may say omitzero once generated; decoding reads them
// the same.
func TestDecodeIgnoresOmitTags(t *testing.T) {
	t.Parallel()
	type plain struct {
		S *string           `json:"S"`
		N *int32            `json:"N"`
		T *shape.Time       `json:"T"`
		M map[string]string `json:"M"`
		L []string          `json:"L"`
	}
	type omitEmpty struct {
		S *string           `json:"S,omitempty"`
		N *int32            `json:"N,omitempty"`
		T *shape.Time       `json:"T,omitempty"`
		M map[string]string `json:"M,omitempty"`
		L []string          `json:"L,omitempty"`
	}
	type omitZero struct {
		S *string           `json:"S,omitzero"`
		N *int32            `json:"N,omitzero"`
		T *shape.Time       `json:"T,omitzero"`
		M map[string]string `json:"M,omitzero"`
		L []string          `json:"L,omitzero"`
	}
	for _, doc := range []string{`{"S":"","N":0,"T":0,"M":{},"L":[]}`, `{"S":"s","N":7,"T":1700000000.5,"M":{"k":"v"},"L":["a"]}`, `{}`} {
		t.Run(doc, func(t *testing.T) {
			t.Parallel()
			var p plain
			var e omitEmpty
			var z omitZero
			require.NoError(t, decodeJSON([]byte(doc), &p))
			require.NoError(t, decodeJSON([]byte(doc), &e))
			require.NoError(t, decodeJSON([]byte(doc), &z))
			if diff := cmp.Diff(p, plain(e)); diff != "" {
				t.Errorf("omitempty: (-no option +omitempty)\n%s", diff)
			}
			if diff := cmp.Diff(p, plain(z)); diff != "" {
				t.Errorf("omitzero: (-no option +omitzero)\n%s", diff)
			}
		})
	}
}

// FuzzDecode checks the decoder on arbitrary bytes: it never panics; what it accepts is valid
// JSON; and what it decodes, encoded again, decodes the same with encoding/json.
func FuzzDecode(f *testing.F) {
	for _, c := range sameAsStdlib {
		f.Add(c.doc)
	}
	f.Add(`{"eventList":[{"sentAt":-0.0001}]}`)
	ops := []*engine.Op{engine.OpCreateAction, engine.OpListActions, engine.OpPutEvents, engine.OpCreateEventTracker}
	f.Fuzz(func(t *testing.T, doc string) {
		for _, op := range ops {
			in := op.NewInput()
			if err := decodeJSON([]byte(doc), in); err != nil {
				continue
			}
			if !json.Valid([]byte(doc)) {
				t.Fatalf("accepted invalid JSON %q", doc)
			}
			again, err := json.Marshal(in)
			if err != nil {
				t.Fatalf("cannot re-encode %#v: %v", in, err)
			}
			ours, std := op.NewInput(), op.NewInput()
			if err := decodeJSON(again, ours); err != nil {
				t.Fatalf("cannot decode our own encoding %s: %v", again, err)
			}
			if err := json.Unmarshal(again, std); err != nil {
				t.Fatalf("encoding/json cannot decode %s: %v", again, err)
			}
			if !reflect.DeepEqual(ours, std) {
				t.Fatalf("decoders disagree on %s:\n%s", again, cmp.Diff(std, ours))
			}
		}
	})
}
