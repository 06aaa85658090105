package wire

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/engine"
	smshape "github.com/awsfake/awsfake/internal/shape/sagemaker"
)

// sameAsStdlib are documents both decoders must read identically.
var sameAsStdlib = []struct {
	op  *engine.Op
	doc string
}{
	{engine.OpCreateAction, `{"ActionName":"a-1","ActionType":"t","Source":{"SourceUri":"s3://x","SourceType":"S3","SourceId":"i"},"Description":"d\nwith \"quotes\" \\ and \u00e9 \ud83d\ude00 \/","Status":"Completed","Properties":{"k":"v","e":""},"MetadataProperties":{"CommitId":"c"},"Tags":[{"Key":"k","Value":"v"},{"Key":"k2","Value":""}]}`},
	{engine.OpCreateAction, ` { "ActionName" : null , "Tags" : [ ] , "Properties" : { } , "Unknown" : {"deep":[1,2,{"x":null}],"t":true,"f":false,"n":-1.5e3} } `},
	{engine.OpListActions, `{"CreatedAfter":1700000000,"CreatedBefore":1700000000.123,"MaxResults":100,"SortBy":"Name","NextToken":""}`},
	{engine.OpListActions, `{"CreatedAfter":1.7e9,"MaxResults":-5}`},
	{engine.OpUpdateAction, `{"ActionName":"x","PropertiesToRemove":["a","b",""],"Properties":null}`},
	{engine.OpDeleteTags, `{"ResourceArn":"arn","TagKeys":[]}`},
	{engine.OpPutEvents, `{"trackingId":"t","sessionId":"s","eventList":[{"eventType":"click","sentAt":1700000000.5,"eventValue":1.25,"impression":["a"],"metricAttribution":{"eventAttributionSource":"x"}},null]}`},
	{engine.OpCreateDatasetGroup, `{"name":"g","tags":[{"tagKey":"k","tagValue":"v"}],"domain":"ECOMMERCE"}`},
	{engine.OpCreateAction, `{"ActionName":"bad \ud800 surrogate","ActionType":"\udc00x","Description":"\ud83d\u0041"}`},
	{engine.OpCreateAction, "{\"ActionName\":\"invalid \xff utf8\"}"},
	{engine.OpCreateAction, `{"ActionName":"first","ActionName":"last"}`},
}

func TestDecodeMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	for _, c := range sameAsStdlib {
		ours, std := c.op.NewInput(), c.op.NewInput()
		require.NoError(t, decodeJSON([]byte(c.doc), ours), c.doc)
		require.NoError(t, json.Unmarshal([]byte(c.doc), std), c.doc)
		if diff := cmp.Diff(std, ours); diff != "" {
			t.Errorf("%s: (-encoding/json +ours)\n%s", c.doc, diff)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	cases := []struct{ doc, want string }{
		{`{"ActionName":5}`, "Unexpected number for member ActionName (expected string)"},
		{`{"Source":"s"}`, "Unexpected string for member Source (expected object)"},
		{`{"Tags":{}}`, "Unexpected object for member Tags (expected array)"},
		{`{"Properties":{"k":1}}`, "Unexpected number for member Properties (expected string)"},
		{`{"ActionName":"a"`, "Malformed JSON"},
		{`{"ActionName":"a"}}`, "unexpected data after the top-level value"},
		{"{\"ActionName\":\"a\x01\"}", "control character"},
		{`{"ActionName":"\q"}`, "invalid escape"},
		{`{"ActionName":"\u12"}`, "invalid \\u escape"},
		{`{"ActionName" "a"}`, "expected ':'"},
		{`{ActionName:"a"}`, "expected a member name"},
		{`{"X":tru}`, "invalid literal"},
		{`{"X":01}`, "expected ',' or '}'"},
		{`{"X":-}`, "invalid number"},
		{`{"X":1.}`, "invalid number"},
		{`{"X":[1,]}`, "invalid character"},
		{`{"X":` + strings.Repeat("[", 10002) + strings.Repeat("]", 10002) + `}`, "exceeded max depth"},
	}
	for _, c := range cases {
		err := decodeJSON([]byte(c.doc), engine.OpCreateAction.NewInput())
		require.Error(t, err, c.doc)
		require.Contains(t, err.Error(), c.want, c.doc)
	}
	for _, c := range []struct{ doc, want string }{
		{`{"MaxResults":1.5}`, "Unexpected number 1.5 for member MaxResults (expected integer)"},
		{`{"MaxResults":3000000000}`, "expected integer"},
		{`{"CreatedAfter":"2024-01-01"}`, "Unexpected string for member CreatedAfter (expected timestamp in epoch seconds)"},
		{`{"CreatedAfter":1e300}`, "expected timestamp"},
	} {
		err := decodeJSON([]byte(c.doc), engine.OpListActions.NewInput())
		require.ErrorContains(t, err, c.want, c.doc)
	}
}

func TestDecodeMatchesNamesExactly(t *testing.T) {
	t.Parallel()
	in := &smshape.DescribeActionInput{}
	require.NoError(t, decodeJSON([]byte(`{"actionname":"x"}`), in))
	require.Nil(t, in.ActionName, "AWS matches member names exactly")
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
