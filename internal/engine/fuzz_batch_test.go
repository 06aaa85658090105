package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/awsfake/awsfake/internal/pzfilter"
	"github.com/awsfake/awsfake/internal/recommend"
)

// FuzzBatchInput feeds arbitrary input objects to what batch inference and segment jobs do with
// them: nothing panics; either the job fails with a reason naming the object, or every
// non-blank line gets one output line, valid JSON holding the line as its input and either an
// output or an error.
func FuzzBatchInput(f *testing.F) {
	for _, s := range []string{`{"userId": "u1"}`, "{\"itemId\": \"i2\"}\n\n{\"userId\": \"u3\", \"filterValues\": {\"T\": \"\\\"click\\\"\"}}",
		`{"itemAttributes": "ITEMS.GENRE = \"a\" AND ITEMS.PRICE > 3"}`, `{"userId": "u1", "itemList": ["i1", "zz"]}`, `not json`,
		`[1, 2]`, `{"userId": 5}`, "{}\r\n{}", "\xff\xfe", `{"itemAttributes": "ITEMS.GENRE = \"unterminated`} {
		f.Add(s)
	}
	var data recommend.Data
	for u := range 6 {
		for k := range 4 {
			data.Interactions = append(data.Interactions, recommend.Interaction{UserID: fmt.Sprint("u", u), ItemID: fmt.Sprint("i", u+k),
				EventType: "click", Timestamp: int64(u*10 + k)})
		}
	}
	models := map[string]*recommend.Model{}
	for _, r := range []string{"aws-user-personalization", "aws-personalized-ranking", "aws-item-affinity"} {
		m, err := recommend.Train(recommend.Config{Recipe: r}, data)
		if err != nil {
			f.Fatal(err)
		}
		models[r] = m
	}
	filter, err := pzfilter.Parse(`EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ($T)`)
	if err != nil {
		f.Fatal(err)
	}
	items := &snapshotFilterData{views: map[pzfilter.Dataset]*datasetView{}}
	schemas := pzfilter.SchemaInfo{pzfilter.Items: {{Name: "GENRE", Type: "string", Categorical: true}, {Name: "PRICE", Type: "float"}}}
	answers := []func(*batchLine) (any, error){
		inferenceAnswer(models["aws-user-personalization"], 5, nil, &batchFilter{parsed: filter, data: items}),
		inferenceAnswer(models["aws-personalized-ranking"], 0, nil, nil),
		segmentAnswer(models["aws-item-affinity"], 3, nil, items, schemas),
	}
	f.Fuzz(func(t *testing.T, input string) {
		fsys := fstest.MapFS{"in/x.json": {Data: []byte(input)}}
		for _, answer := range answers {
			outs, reason := runBatch(fsys, "s3://in/x.json", "s3://out/", answer)
			if reason != "" {
				if !strings.Contains(reason, "s3://in/x.json") {
					t.Fatalf("a reason that names no object: %s", reason)
				}
				continue
			}
			if len(outs) != 1 || outs[0].uri != "s3://out/x.json.out" {
				t.Fatalf("outputs %+v", outs)
			}
			want := 0
			for _, l := range strings.Split(input, "\n") {
				if len(bytes.TrimSpace([]byte(l))) > 0 {
					want++
				}
			}
			got := strings.Split(strings.TrimSuffix(string(outs[0].body), "\n"), "\n")
			if want == 0 {
				got = nil
			}
			if len(got) != want {
				t.Fatalf("%d output lines for %d input lines:\n%s", len(got), want, outs[0].body)
			}
			for _, line := range got {
				var l struct {
					Input  json.RawMessage `json:"input"`
					Output json.RawMessage `json:"output"`
					Error  *string         `json:"error"`
				}
				if err := json.Unmarshal([]byte(line), &l); err != nil {
					t.Fatalf("output line %q: %v", line, err)
				}
				if (string(l.Output) == "null") == (l.Error == nil) {
					t.Fatalf("output line %q: an output or an error, not both or neither", line)
				}
			}
		}
	})
}
