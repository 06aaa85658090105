package csvimport_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/csvimport"
)

// interactionFields is an Interactions schema with every kind of field.
var interactionFields = []csvimport.Field{
	{Name: "USER_ID", Type: "string"},
	{Name: "ITEM_ID", Type: "string"},
	{Name: "TIMESTAMP", Type: "long"},
	{Name: "EVENT_TYPE", Type: "string"},
	{Name: "EVENT_VALUE", Type: "float", Nullable: true},
	{Name: "IMPRESSION", Type: "string", Nullable: true},
	{Name: "DEVICE", Type: "string", Nullable: true, Categorical: true},
	{Name: "RATING_COUNT", Type: "int", Nullable: true},
}

// itemFields is an Items schema with every kind of field.
var itemFields = []csvimport.Field{
	{Name: "ITEM_ID", Type: "string"},
	{Name: "GENRES", Type: "string", Nullable: true, Categorical: true},
	{Name: "PRICE", Type: "double", Nullable: true},
	{Name: "CREATION_TIMESTAMP", Type: "long", Nullable: true},
	{Name: "DESCRIPTION", Type: "string", Nullable: true, Textual: true},
	{Name: "IS_NEW", Type: "boolean", Nullable: true},
	{Name: "SIZE", Type: "float"},
}

const object = "bucket/interactions.csv"

func parse(t *testing.T, typ string, fields []csvimport.Field, body string) (*csvimport.Result, *csvimport.Error) {
	t.Helper()
	res, err := csvimport.Parse(typ, fields, []csvimport.Object{{Name: object, Body: strings.NewReader(body)}}, csvimport.Options{})
	if err == nil {
		return res, nil
	}
	var ie *csvimport.Error
	require.Truef(t, errors.As(err, &ie), "a file's problem is an *Error, not %T: %v", err, err)
	require.Nil(t, res)
	return nil, ie
}

func TestInteractions(t *testing.T) {
	t.Parallel()
	type I = csvimport.Interaction
	tests := []struct {
		name string
		body string
		want []I
	}{
		{"the documented example", "USER_ID,ITEM_ID,EVENT_TYPE,EVENT_VALUE,TIMESTAMP\n196,242,click,15,881250949\n186,302,click,13,891717742\n",
			[]I{{UserID: "196", ItemID: "242", EventType: "click", EventValue: 15, HasEventValue: true, Timestamp: 881250949},
				{UserID: "186", ItemID: "302", EventType: "click", EventValue: 13, HasEventValue: true, Timestamp: 891717742}}},
		{"headers match ignoring case, in any order", "timestamp,Event_Type,item_id,User_Id\n978300760,watch,1193,1\n",
			[]I{{UserID: "1", ItemID: "1193", EventType: "watch", Timestamp: 978300760}}},
		{"no trailing newline, CRLF line ends", "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\r\nu,i,1,click\r\nu,j,2,click",
			[]I{{UserID: "u", ItemID: "i", EventType: "click", Timestamp: 1}, {UserID: "u", ItemID: "j", EventType: "click", Timestamp: 2}}},
		{"a byte order mark is not part of the first name", "\ufeffUSER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\nu,i,1,click\n",
			[]I{{UserID: "u", ItemID: "i", EventType: "click", Timestamp: 1}}},
		{"an empty value of a nullable field is null", "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE,DEVICE\nu,i,1,click,,\n",
			[]I{{UserID: "u", ItemID: "i", EventType: "click", Timestamp: 1}}},
		{"other fields become properties, keyed in camelCase, in schema order",
			"RATING_COUNT,USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,IMPRESSION,DEVICE\n7,u,i,1,click,i|j|k,phone|tablet\n",
			[]I{{UserID: "u", ItemID: "i", EventType: "click", Timestamp: 1,
				Properties: `{"impression":"i|j|k","device":"phone|tablet","ratingCount":7}`}}},
		{"RFC 4180 quoting: commas, doubled quotes and line breaks", "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,DEVICE\n\"u,1\",i,1,click,\"say \"\"hi\"\"\nthere\"\n",
			[]I{{UserID: "u,1", ItemID: "i", EventType: "click", Timestamp: 1, Properties: `{"device":"say \"hi\"\nthere"}`}}},
		{"a timestamp in milliseconds is a valid long, read as seconds", "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\nu,i,1596238243000,click\n",
			[]I{{UserID: "u", ItemID: "i", EventType: "click", Timestamp: 1596238243000}}},
		{"floats keep float precision", "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\nu,i,-5,click,0.1\nu,i,+5,click,1e3\n",
			[]I{{UserID: "u", ItemID: "i", EventType: "click", Timestamp: -5, EventValue: float64(float32(0.1)), HasEventValue: true},
				{UserID: "u", ItemID: "i", EventType: "click", Timestamp: 5, EventValue: 1000, HasEventValue: true}}},
		{"ids of 256 characters", "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\n" + strings.Repeat("é", 256) + ",i,1,click\n",
			[]I{{UserID: strings.Repeat("é", 256), ItemID: "i", EventType: "click", Timestamp: 1}}},
		{"a categorical value of 1000 characters, several of them", "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,DEVICE\nu,i,1,click," + strings.Repeat("a", 1000) + "|" + strings.Repeat("b", 1000) + "\n",
			[]I{{UserID: "u", ItemID: "i", EventType: "click", Timestamp: 1, Properties: `{"device":"` + strings.Repeat("a", 1000) + "|" + strings.Repeat("b", 1000) + `"}`}}},
		{"a header and no rows", "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\n", nil},
		{"blank lines are skipped", "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\n\nu,i,1,click\n\n",
			[]I{{UserID: "u", ItemID: "i", EventType: "click", Timestamp: 1}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := parse(t, csvimport.Interactions, interactionFields, tc.body)
			require.Nil(t, err)
			if diff := cmp.Diff(tc.want, res.Interactions); diff != "" {
				t.Fatalf("rows (-want +got):\n%s", diff)
			}
			require.Empty(t, res.Records)
			require.Equal(t, len(tc.want), res.Len())
		})
	}
}

func TestInteractionFailures(t *testing.T) {
	t.Parallel()
	const head = "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE,RATING_COUNT,DEVICE\n"
	const prefix = "Failed to create a data import job for Interactions dataset. "
	tests := []struct {
		name   string
		body   string
		line   int
		field  string
		reason string
	}{
		{"an empty object", "", 1, "",
			prefix + "Input CSV has no header row: the first row must name the columns. (s3://bucket/interactions.csv line 1)"},
		{"a blank first line", "\nUSER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\n", 1, "",
			prefix + "Input CSV has no header row: the first row must name the columns. (s3://bucket/interactions.csv line 1)"},
		{"missing columns, in AWS's words", "USER_ID,ITEM_ID\nu,i\n", 1, "TIMESTAMP",
			prefix + "Input CSV is missing the following columns:[TIMESTAMP, EVENT_TYPE]. (s3://bucket/interactions.csv line 1)"},
		{"a column not in the schema", "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,COLOR,SIZE\nu,i,1,click,red,9\n", 1, "COLOR",
			prefix + "Input CSV has columns that are not in the schema:[COLOR, SIZE]. (s3://bucket/interactions.csv line 1)"},
		{"a column twice", "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,user_id\nu,i,1,click,u\n", 1, "user_id",
			prefix + "Input CSV has the column user_id more than once. (s3://bucket/interactions.csv line 1)"},
		{"quoted headers", "\"USER_ID\",ITEM_ID,TIMESTAMP,EVENT_TYPE\nu,i,1,click\n", 1, "",
			prefix + "Input CSV's column headers must not be enclosed in quotation marks (\"). (s3://bucket/interactions.csv line 1)"},
		{"a column without a name", "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,\nu,i,1,click,\n", 1, "",
			prefix + "Input CSV has a column without a name. (s3://bucket/interactions.csv line 1)"},
		{"a timestamp that is not a number", head + "u,i,1,click,,,\nu,i,yesterday,click,,,\n", 3, "TIMESTAMP",
			prefix + `s3://bucket/interactions.csv line 3, field TIMESTAMP: "yesterday" is not a long (Unix epoch time in seconds).`},
		{"a timestamp with a fraction", head + "u,i,1596238243.5,click,,,\n", 2, "TIMESTAMP",
			prefix + `s3://bucket/interactions.csv line 2, field TIMESTAMP: "1596238243.5" is not a long (Unix epoch time in seconds).`},
		{"a timestamp past a long", head + "u,i,9223372036854775808,click,,,\n", 2, "TIMESTAMP",
			prefix + `s3://bucket/interactions.csv line 2, field TIMESTAMP: "9223372036854775808" is out of the range of a long (Unix epoch time in seconds).`},
		{"an empty required value", head + "u,,1,click,,,\n", 2, "ITEM_ID",
			prefix + "s3://bucket/interactions.csv line 2, field ITEM_ID: no value, and the field does not allow null."},
		{"an event value that is not a float", head + "u,i,1,click,lots,,\n", 2, "EVENT_VALUE",
			prefix + `s3://bucket/interactions.csv line 2, field EVENT_VALUE: "lots" is not a float.`},
		{"NaN has no JSON form", head + "u,i,1,click,NaN,,\n", 2, "EVENT_VALUE",
			prefix + `s3://bucket/interactions.csv line 2, field EVENT_VALUE: "NaN" is not a float.`},
		{"a float past its range", head + "u,i,1,click,1e39,,\n", 2, "EVENT_VALUE",
			prefix + `s3://bucket/interactions.csv line 2, field EVENT_VALUE: "1e39" is out of the range of a float.`},
		{"an int past its range", head + "u,i,1,click,,3000000000,\n", 2, "RATING_COUNT",
			prefix + `s3://bucket/interactions.csv line 2, field RATING_COUNT: "3000000000" is out of the range of an int.`},
		{"an int with spaces", head + "u,i,1,click,, 3,\n", 2, "RATING_COUNT",
			prefix + `s3://bucket/interactions.csv line 2, field RATING_COUNT: " 3" is not an int.`},
		{"a categorical value over 1000 characters", head + "u,i,1,click,,,ok|" + strings.Repeat("x", 1001) + "\n", 2, "DEVICE",
			prefix + `s3://bucket/interactions.csv line 2, field DEVICE: the value "` + strings.Repeat("x", 60) + `"... has 1001 characters; at most 1000 are allowed.`},
		{"an id over 256 characters", head + strings.Repeat("u", 257) + ",i,1,click,,,\n", 2, "USER_ID",
			prefix + "s3://bucket/interactions.csv line 2, field USER_ID: the id has 257 characters; at most 256 are allowed."},
		{"a value that is not UTF-8", head + "u,i\xff,1,click,,,\n", 2, "ITEM_ID",
			prefix + "s3://bucket/interactions.csv line 2, field ITEM_ID: the value is not valid UTF-8."},
		{"a header that is not UTF-8", "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,\xff\n", 1, "",
			prefix + "Input CSV's header row is not valid UTF-8. (s3://bucket/interactions.csv line 1)"},
		{"too few values", head + "u,i,1,click,,,\nu,i,1\n", 3, "",
			prefix + "s3://bucket/interactions.csv line 3: the record has 3 values, and the header has 7 columns."},
		{"too many values", head + "u,i,1,click,,,,extra\n", 2, "",
			prefix + "s3://bucket/interactions.csv line 2: the record has 8 values, and the header has 7 columns."},
		{"a bare quote", head + "u,i\"x,1,click,,,\n", 2, "",
			prefix + "s3://bucket/interactions.csv line 2: column 4: bare \" in non-quoted-field (fields are quoted as RFC 4180 says: a field with a comma, a quote or a line break is enclosed in double quotes, and a quote inside it is written twice)."},
		{"a quote left open", head + "u,i,1,click,,,\"phone\n", 2, "",
			prefix + "s3://bucket/interactions.csv line 2: column 22: extraneous or missing \" in quoted-field (fields are quoted as RFC 4180 says: a field with a comma, a quote or a line break is enclosed in double quotes, and a quote inside it is written twice)."},
		{"lines count the line breaks inside quotes", head + "u,i,1,click,,,\"a\nb\nc\"\nu,i,x,click,,,\n", 5, "TIMESTAMP",
			prefix + `s3://bucket/interactions.csv line 5, field TIMESTAMP: "x" is not a long (Unix epoch time in seconds).`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := parse(t, csvimport.Interactions, interactionFields, tc.body)
			require.NotNil(t, err, "the import fails")
			require.Equal(t, tc.reason, err.Error())
			require.Equal(t, tc.reason, err.Reason)
			require.Equal(t, "s3://"+object, err.Object)
			require.Equal(t, tc.line, err.Line, "line")
			require.Equal(t, tc.field, err.Field, "field")
		})
	}
}

func TestRecords(t *testing.T) {
	t.Parallel()
	type R = csvimport.Record
	tests := []struct {
		name   string
		typ    string
		fields []csvimport.Field
		body   string
		want   []R
	}{
		{"items: every type as JSON", csvimport.Items, itemFields,
			"ITEM_ID,GENRES,PRICE,CREATION_TIMESTAMP,DESCRIPTION,IS_NEW,SIZE\n" +
				"1,Adventure|Animation,9.99,1570003267,\"An animated movie, for children.\",TRUE,1.5\n" +
				"2,,,,,,-0.25\n",
			[]R{{ID: "1", Properties: `{"genres":"Adventure|Animation","price":9.99,"creationTimestamp":1570003267,"description":"An animated movie, for children.","isNew":true,"size":1.5}`},
				{ID: "2", Properties: `{"size":-0.25}`}}},
		{"items: a repeated id is kept twice, in order", csvimport.Items, itemFields,
			"ITEM_ID,SIZE\na,1\na,2\n",
			[]R{{ID: "a", Properties: `{"size":1}`}, {ID: "a", Properties: `{"size":2}`}}},
		{"items: text is cut to 20,000 characters", csvimport.Items, itemFields,
			"ITEM_ID,SIZE,DESCRIPTION\na,1," + strings.Repeat("ü", 20001) + "\n",
			[]R{{ID: "a", Properties: `{"description":"` + strings.Repeat("ü", 20000) + `","size":1}`}}},
		{"items: control characters are escaped in JSON", csvimport.Items, itemFields,
			"ITEM_ID,SIZE,DESCRIPTION\na,1,\"tab\there\\back\x01\"\n",
			[]R{{ID: "a", Properties: `{"description":"tab\there\\back\u0001","size":1}`}}},
		{"users", csvimport.Users, []csvimport.Field{{Name: "USER_ID", Type: "string"}, {Name: "AGE", Type: "int", Nullable: true}, {Name: "membership", Type: "string", Categorical: true}},
			"USER_ID,AGE,MEMBERSHIP\nu1,42,gold\nu2,,silver\n",
			[]R{{ID: "u1", Properties: `{"age":42,"membership":"gold"}`}, {ID: "u2", Properties: `{"membership":"silver"}`}}},
		{"actions: a camelCase field keeps a key the engine maps back", csvimport.Actions,
			[]csvimport.Field{{Name: "ACTION_ID", Type: "string"}, {Name: "VALUE", Type: "long", Nullable: true}, {Name: "repeatFrequency", Type: "long", Nullable: true}},
			"ACTION_ID,VALUE,repeatFrequency\nsubscribe,10,7\n",
			[]R{{ID: "subscribe", Properties: `{"value":10,"repeatfrequency":7}`}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := parse(t, tc.typ, tc.fields, tc.body)
			require.Nil(t, err)
			if diff := cmp.Diff(tc.want, res.Records); diff != "" {
				t.Fatalf("rows (-want +got):\n%s", diff)
			}
			require.Empty(t, res.Interactions)
		})
	}
}

func TestRecordFailures(t *testing.T) {
	t.Parallel()
	const prefix = "Failed to create a data import job for Items dataset. s3://bucket/interactions.csv line 2, field "
	tests := []struct {
		name   string
		body   string
		reason string
	}{
		{"a boolean spelled otherwise", "ITEM_ID,SIZE,IS_NEW\na,1,yes\n", prefix + `IS_NEW: "yes" is not a boolean (true or false).`},
		{"a non-nullable float left empty", "ITEM_ID,SIZE\na,\n", prefix + "SIZE: no value, and the field does not allow null."},
		{"a hexadecimal float", "ITEM_ID,SIZE\na,0x1p3\n", prefix + `SIZE: "0x1p3" is not a float.`},
		{"an infinite double", "ITEM_ID,SIZE,PRICE\na,1,Inf\n", prefix + `PRICE: "Inf" is not a double.`},
		{"a long category", "ITEM_ID,SIZE,GENRES\na,1," + strings.Repeat("g", 1001) + "\n", prefix + `GENRES: the value "` + strings.Repeat("g", 60) + `"... has 1001 characters; at most 1000 are allowed.`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := parse(t, csvimport.Items, itemFields, tc.body)
			require.NotNil(t, err)
			require.Equal(t, tc.reason, err.Reason)
		})
	}
}

func TestActionInteractions(t *testing.T) {
	t.Parallel()
	fields := []csvimport.Field{{Name: "USER_ID", Type: "string"}, {Name: "ACTION_ID", Type: "string"},
		{Name: "EVENT_TYPE", Type: "string"}, {Name: "TIMESTAMP", Type: "long"}, {Name: "RECOMMENDATION_ID", Type: "string", Nullable: true}}
	res, err := parse(t, "Action_Interactions", fields, "USER_ID,ACTION_ID,EVENT_TYPE,TIMESTAMP,RECOMMENDATION_ID\nu,subscribe,Taken,1700000000,RID-1\n")
	require.Nil(t, err)
	want := []csvimport.Interaction{{UserID: "u", ActionID: "subscribe", EventType: "Taken", Timestamp: 1700000000, Properties: `{"recommendationId":"RID-1"}`}}
	require.Equal(t, want, res.Interactions)
	require.Equal(t, "2023-11-14T22:13:20Z", res.Interactions[0].Time().Format("2006-01-02T15:04:05Z07:00"))

	_, err = parse(t, csvimport.ActionInteractions, fields, "USER_ID,ACTION_ID,TIMESTAMP\nu,a,1\n")
	require.NotNil(t, err)
	require.Equal(t, "Failed to create a data import job for Action_Interactions dataset. Input CSV is missing the following columns:[EVENT_TYPE]. (s3://bucket/interactions.csv line 1)", err.Reason)
}

func TestSeveralObjectsAndTheMinimum(t *testing.T) {
	t.Parallel()
	objects := func() []csvimport.Object {
		return []csvimport.Object{
			{Name: "b/part-1.csv", Body: strings.NewReader("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\nu,i,1,click\nu,j,2,click\n")},
			{Name: "b/part-2.csv", Body: strings.NewReader("EVENT_TYPE,TIMESTAMP,ITEM_ID,USER_ID\nbuy,3,i,v\n")},
		}
	}
	res, err := csvimport.Parse(csvimport.Interactions, interactionFields, objects(), csvimport.Options{MinInteractions: 3})
	require.NoError(t, err)
	require.Equal(t, []string{"i", "j", "i"}, []string{res.Interactions[0].ItemID, res.Interactions[1].ItemID, res.Interactions[2].ItemID})

	_, err = csvimport.Parse(csvimport.Interactions, interactionFields, objects(), csvimport.Options{MinInteractions: csvimport.MinInteractionRecords})
	var ie *csvimport.Error
	require.ErrorAs(t, err, &ie)
	require.Equal(t, "Failed to create a data import job for Interactions dataset. The import has 3 interaction records; an import needs at least 1000.", ie.Reason)
	require.Empty(t, ie.Object)

	// The minimum is for interactions: an Items import of one row is fine.
	_, err = csvimport.Parse(csvimport.Items, itemFields, []csvimport.Object{{Name: "b/i.csv", Body: strings.NewReader("ITEM_ID,SIZE\na,1\n")}}, csvimport.Options{MinInteractions: 1000})
	require.NoError(t, err)

	// The second object's problem names the second object.
	bad := objects()
	bad[1].Body = strings.NewReader("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\nu,i,soon,click\n")
	_, err = csvimport.Parse(csvimport.Interactions, interactionFields, bad, csvimport.Options{})
	require.ErrorAs(t, err, &ie)
	require.Equal(t, "s3://b/part-2.csv", ie.Object)
}

func TestSchemaMistakesAreNotFailureReasons(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		typ    string
		fields []csvimport.Field
		want   string
	}{
		{"an unknown dataset type", "EVENT_INTERACTIONS", interactionFields, `csvimport: unknown dataset type "EVENT_INTERACTIONS"`},
		{"a required field missing", csvimport.Interactions, interactionFields[1:], "csvimport: a Interactions schema needs the field USER_ID"},
		{"an unknown type", csvimport.Items, []csvimport.Field{{Name: "ITEM_ID", Type: "string"}, {Name: "X", Type: "bytes"}}, `csvimport: field "X" has the type "bytes"`},
		{"a field twice", csvimport.Items, []csvimport.Field{{Name: "ITEM_ID", Type: "string"}, {Name: "item_id", Type: "string"}}, `csvimport: the schema has the field "item_id" twice`},
		{"a timestamp that is not a long", csvimport.Interactions, []csvimport.Field{{Name: "USER_ID", Type: "string"}, {Name: "ITEM_ID", Type: "string"}, {Name: "TIMESTAMP", Type: "string"}}, "csvimport: TIMESTAMP is string; it must be a long"},
		{"an id that is not a string", csvimport.Users, []csvimport.Field{{Name: "USER_ID", Type: "long"}}, "csvimport: USER_ID is long; it must be a string"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := csvimport.Parse(tc.typ, tc.fields, []csvimport.Object{{Name: "b/k", Body: strings.NewReader("X\n")}}, csvimport.Options{})
			require.EqualError(t, err, tc.want)
			var ie *csvimport.Error
			require.False(t, errors.As(err, &ie), "not a failure reason")
		})
	}
}

func TestEventValueOfAnotherTypeIsAProperty(t *testing.T) {
	t.Parallel()
	fields := append([]csvimport.Field{}, interactionFields[:4]...)
	fields = append(fields, csvimport.Field{Name: "EVENT_VALUE", Type: "string", Nullable: true})
	res, err := parse(t, csvimport.Interactions, fields, "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE\nu,i,1,click,high\n")
	require.Nil(t, err)
	require.False(t, res.Interactions[0].HasEventValue)
	require.Equal(t, `{"eventValue":"high"}`, res.Interactions[0].Properties)
}
