package csvimport

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fuzzSchemas are the schemas FuzzCSVImport reads with, chosen by its first argument.
var fuzzSchemas = []struct {
	typ    string
	fields []Field
}{
	{Interactions, []Field{
		{Name: "USER_ID", Type: "string"}, {Name: "ITEM_ID", Type: "string"}, {Name: "TIMESTAMP", Type: "long"},
		{Name: "EVENT_TYPE", Type: "string", Nullable: true}, {Name: "EVENT_VALUE", Type: "float", Nullable: true},
		{Name: "IMPRESSION", Type: "string", Nullable: true}, {Name: "DEVICE", Type: "string", Nullable: true, Categorical: true},
		{Name: "RATING_COUNT", Type: "int", Nullable: true},
	}},
	{Items, []Field{
		{Name: "ITEM_ID", Type: "string"}, {Name: "GENRES", Type: "string", Nullable: true, Categorical: true},
		{Name: "PRICE", Type: "double", Nullable: true}, {Name: "CREATION_TIMESTAMP", Type: "long", Nullable: true},
		{Name: "DESCRIPTION", Type: "string", Nullable: true, Textual: true}, {Name: "IS_NEW", Type: "boolean", Nullable: true},
		{Name: "SIZE", Type: "float"},
	}},
}

// FuzzCSVImport: no input panics; a file's problem is an *Error with a failure reason; and
// what a file parses to, written out again as CSV, parses to the same rows.
func FuzzCSVImport(f *testing.F) {
	for _, seed := range []struct {
		schema uint8
		body   string
	}{
		{0, "USER_ID,ITEM_ID,EVENT_TYPE,EVENT_VALUE,TIMESTAMP\n196,242,click,15,881250949\n186,302,click,13,891717742\n"},
		{0, "timestamp,item_id,user_id,impression,device,rating_count\r\n1,i,u,a|b|c,\"phone, tablet\",7\r\n"},
		{0, "USER_ID,ITEM_ID,TIMESTAMP,DEVICE\n\"u\"\"1\",i,-3,\"two\nlines\"\n"},
		{0, "USER_ID,ITEM_ID,TIMESTAMP,EVENT_VALUE\nu,i,1,1e-45\nu,i,2,-0\nu,i,3,3.4028235e38\n"},
		{0, "\ufeffUSER_ID,ITEM_ID,TIMESTAMP\nu,i,9223372036854775807\n"},
		{1, "ITEM_ID,GENRES,PRICE,CREATION_TIMESTAMP,DESCRIPTION,IS_NEW,SIZE\n1,Adventure|Animation,9.99,1570003267,\"An animated movie, for children.\",TRUE,1.5\n"},
		{1, "ITEM_ID,SIZE,DESCRIPTION\na,1,\"tab\there\\back\x01\"\n"},
		{1, "ITEM_ID,SIZE\n\"\",1\n"},
	} {
		f.Add(seed.schema, []byte(seed.body))
	}
	f.Fuzz(func(t *testing.T, which uint8, body []byte) {
		s := fuzzSchemas[int(which)%len(fuzzSchemas)]
		first, err := Parse(s.typ, s.fields, []Object{{Name: "b/k.csv", Body: bytes.NewReader(body)}}, Options{})
		if err != nil {
			var ie *Error
			if !errors.As(err, &ie) || !strings.HasPrefix(ie.Reason, "Failed to create a data import job for ") {
				t.Fatalf("not a failure reason: %T %v", err, err)
			}
			return
		}
		again := reserialise(t, s.typ, s.fields, first)
		second, err := Parse(s.typ, s.fields, []Object{{Name: "b/k.csv", Body: bytes.NewReader(again)}}, Options{})
		if err != nil {
			t.Fatalf("the written-out rows do not parse: %v\n%s", err, again)
		}
		if diff := cmp.Diff(first, second); diff != "" {
			t.Fatalf("rows change when written out and read again (-first +second):\n%s\nwritten:\n%s", diff, again)
		}
	})
}

// reserialise writes rows back as CSV: a header of every schema field, then each row's values.
func reserialise(t *testing.T, typ string, fields []Field, res *Result) []byte {
	t.Helper()
	s, err := compile(typ, fields)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	header := make([]string, len(s.columns))
	for i, c := range s.columns {
		header[i] = c.field.Name
	}
	write := func(rec []string) {
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	write(header)
	for _, it := range res.Interactions {
		write(values(t, s, it.Properties, func(c column) (string, bool) {
			switch c.role {
			case roleUser:
				return it.UserID, true
			case roleItem:
				return it.ItemID, true
			case roleAction:
				return it.ActionID, true
			case roleEventType:
				return it.EventType, true
			case roleTimestamp:
				return strconv.FormatInt(it.Timestamp, 10), true
			case roleEventValue:
				if !it.HasEventValue {
					return "", true
				}
				return string(appendFloat(nil, it.EventValue, c.kind)), true
			}
			return "", false
		}))
	}
	for _, r := range res.Records {
		write(values(t, s, r.Properties, func(c column) (string, bool) { return r.ID, c.role == roleID }))
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// values is one row's values in schema order: a member's from member, the rest from the
// properties (a value's JSON text as the CSV value: numbers and booleans as written, strings
// unquoted; a missing key is null).
func values(t *testing.T, s *schema, properties string, member func(column) (string, bool)) []string {
	t.Helper()
	props := map[string]json.RawMessage{}
	if properties != "" {
		if err := json.Unmarshal([]byte(properties), &props); err != nil {
			t.Fatalf("properties are not a JSON object: %v: %s", err, properties)
		}
	}
	out := make([]string, len(s.columns))
	for i, c := range s.columns {
		if v, ok := member(c); ok {
			out[i] = v
			continue
		}
		raw, ok := props[propertyKey(c.field.Name)]
		switch {
		case !ok:
		case c.kind == kindString:
			if err := json.Unmarshal(raw, &out[i]); err != nil {
				t.Fatal(err)
			}
		default:
			out[i] = string(raw)
		}
	}
	return out
}
