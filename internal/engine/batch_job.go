package engine

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/pzfilter"
	"github.com/awsfake/awsfake/internal/recipes"
	"github.com/awsfake/awsfake/internal/recommend"
)

// What batch inference and batch segment jobs share. A batch job reads its JSON Lines input
// from the objects given with fake.WithObjects (s3://bucket/key is the file bucket/key; a
// folder reads every object under it) when it is created, computes every line's answer then,
// with the solution version's model and the filter as the group's data stands at that moment
// (a documented guess: AWS does not say when during the job it reads), and writes one output
// object per input object, named after it with ".out" added (AWS's naming), under its output
// path when the job is ACTIVE on the clock. A line's output is
// {"input": <the line>, "output": {...}, "error": null}, or {"input": ..., "output": null,
// "error": "<why>"} for a line the model cannot answer (a missing userId, filter values that do
// not bind). An input that cannot be read (no object at the path, a line that is not a JSON
// object) makes the job end CREATE FAILED with why.

// batchOutput is one object a batch job writes, until it is written.
type batchOutput struct {
	uri  string
	body []byte
}

// batchObjects are what a batch job's input path names: its objects' names in the fs, sorted.
func batchObjects(fsys fs.FS, uri string) ([]string, string) {
	if fsys == nil {
		return nil, "Invalid input location. The fake holds no objects: give it some with fake.WithObjects (the server: -objects DIR)."
	}
	rest, ok := strings.CutPrefix(uri, "s3://")
	name := strings.TrimSuffix(rest, "/")
	if !ok || name == "" || !fs.ValidPath(name) {
		return nil, fmt.Sprintf("Invalid input location. %s is not of the form s3://<bucket>/<folder path>/<file name>.", uri)
	}
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, fmt.Sprintf("Invalid input location. No object exists at %s.", uri)
	}
	if !info.IsDir() {
		return []string{name}, ""
	}
	var names []string
	_ = fs.WalkDir(fsys, name, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			names = append(names, p)
		}
		return nil
	})
	if len(names) == 0 {
		return nil, fmt.Sprintf("Invalid input location. No object exists under %s.", uri)
	}
	return names, ""
}

// batchLine is one line of a batch job's input, as the job reads it.
type batchLine struct {
	raw            json.RawMessage
	UserID         string            `json:"userId"`
	ItemID         string            `json:"itemId"`
	ItemList       []string          `json:"itemList"`
	ItemAttributes string            `json:"itemAttributes"`
	FilterValues   map[string]string `json:"filterValues"`
}

// runBatch reads a job's input objects and answers each line with answer, returning the objects
// to write, or why the job fails.
func runBatch(fsys fs.FS, input, output string, answer func(l *batchLine) (any, error)) ([]batchOutput, string) {
	names, reason := batchObjects(fsys, input)
	if reason != "" {
		return nil, reason
	}
	var outs []batchOutput
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Sprintf("Failed to read the input object s3://%s: %v", name, err)
		}
		var buf bytes.Buffer
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
		n := 0
		for sc.Scan() {
			n++
			text := bytes.TrimSpace(sc.Bytes())
			if len(text) == 0 {
				continue
			}
			l := batchLine{raw: json.RawMessage(bytes.Clone(text))}
			if !json.Valid(text) || text[0] != '{' || json.Unmarshal(text, &l) != nil {
				return nil, fmt.Sprintf("Invalid input data. Line %d of s3://%s is not a JSON object of the form the job reads.", n, name)
			}
			var compact bytes.Buffer
			_ = json.Compact(&compact, text)
			l.raw = compact.Bytes()
			line := struct {
				Input  json.RawMessage `json:"input"`
				Output any             `json:"output"`
				Error  *string         `json:"error"`
			}{Input: l.raw}
			out, err := answer(&l)
			if err != nil {
				msg := err.Error()
				line.Error = &msg
			} else {
				line.Output = out
			}
			b, _ := json.Marshal(line)
			buf.Write(b)
			buf.WriteByte('\n')
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Sprintf("Failed to read the input object s3://%s: %v", name, err)
		}
		outs = append(outs, batchOutput{uri: objectKey(output, path.Base(name)+".out"), body: buf.Bytes()})
	}
	return outs, ""
}

// batchFilter is a batch job's filter: bound per line to the line's filterValues, reading the
// group's records as the runtime's filters do (runtimeData).
type batchFilter struct {
	parsed *pzfilter.Filter
	data   pzfilter.Data
}

// keep returns the filter's verdict for one line, nil without a filter.
func (f *batchFilter) keep(l *batchLine) (func(string) bool, error) {
	if f == nil {
		return nil, nil
	}
	b, err := f.parsed.Bind(l.FilterValues)
	if err != nil {
		return nil, err
	}
	return b.Matcher(f.data, pzfilter.Request{UserID: l.UserID, ItemID: l.ItemID}).Keep, nil
}

// jobFilter checks a batch job's filter: it exists, is ACTIVE, belongs to the version's
// dataset group and filters what the job makes (items, or users for segments); nil without one.
func (w *world) jobFilter(arn *string, v *solutionVersion, target pzfilter.Target, now time.Time) (*batchFilter, *Error) {
	if arn == nil {
		return nil, nil
	}
	f, ok := w.filters.resolve(*arn, now)
	if !ok {
		return nil, resourceNotFound(*arn)
	}
	if status, _, _ := statusOf(f, now); status != StatusActive {
		return nil, inUse("The filter %s is not ACTIVE (its status is %s).", f.arn, status)
	}
	if f.group != v.solution.group {
		return nil, invalid(Personalize, "The filter %s is of the dataset group %s, not of the solution version's, %s.", f.arn, f.group.arn, v.solution.group.arn)
	}
	if got := f.parsed.Target(); got != target {
		return nil, invalid(Personalize, "The filter %s filters %s; this job needs a filter of %s.", f.arn, got, target)
	}
	return &batchFilter{parsed: f.parsed, data: newRuntimeData(w, f.group, now)}, nil
}

// activeVersion finds a batch job's solution version, which must be ACTIVE, and its recipe.
func (w *world) activeVersion(arn string, now time.Time) (*solutionVersion, recipes.Recipe, *Error) {
	v, ok := w.solutionVersions.resolve(arn, now)
	if !ok {
		return nil, recipes.Recipe{}, resourceNotFound(arn)
	}
	if status, _, _ := statusOf(v, now); status != StatusActive {
		return nil, recipes.Recipe{}, inUse("The solution version %s is not ACTIVE (its status is %s).", v.arn, status)
	}
	r, _ := recipes.Lookup(v.config.Recipe)
	return v, r, nil
}

// inferenceOutput is one line's output of a batch inference job: scores only for the recipes
// that give them (AWS's output for Similar-Items, SIMS and Popularity-Count has none).
type inferenceOutput struct {
	RecommendedItems []string  `json:"recommendedItems"`
	Scores           []float64 `json:"scores,omitempty"`
}

// inferenceAnswer answers one line of a batch inference job by the runtime's rules.
func inferenceAnswer(m *recommend.Model, n int, explore *recommend.Exploration, f *batchFilter) func(l *batchLine) (any, error) {
	return func(l *batchLine) (any, error) {
		keep, err := f.keep(l)
		if err != nil {
			return nil, err
		}
		var recs []recommend.Recommendation
		if m.Recipe().Family == recommend.PersonalizedRanking {
			if l.UserID == "" || len(l.ItemList) == 0 {
				return nil, fmt.Errorf("a line for %s needs userId and itemList", m.Recipe().Name)
			}
			recs, err = m.Rank(recommend.RankRequest{UserID: l.UserID, InputList: l.ItemList, Keep: keep})
		} else {
			recs, err = m.Recommend(recommend.Request{UserID: l.UserID, ItemID: l.ItemID, NumResults: n, Keep: keep, Exploration: explore})
		}
		if err != nil {
			return nil, err
		}
		out := inferenceOutput{RecommendedItems: make([]string, len(recs))}
		scored := len(recs) > 0
		for i, r := range recs {
			out.RecommendedItems[i] = r.ItemID
			scored = scored && r.HasScore
		}
		if scored {
			out.Scores = make([]float64, len(recs))
			for i, r := range recs {
				out.Scores[i] = r.Score
			}
		}
		return out, nil
	}
}

// segmentOutput is one line's output of a batch segment job.
type segmentOutput struct {
	UsersList []string `json:"usersList"`
}

// attributeEquals turns an item attribute query's `ITEMS.X = "v"` into the filter grammar's
// `Items.X IN ("v")`.
var (
	attributeDataset = regexp.MustCompile(`(?i)\bITEMS\.`)
	attributeEquals  = regexp.MustCompile(`(Items\.[A-Za-z_][A-Za-z0-9_]*)\s*=\s*("(?:[^"\\]|\\.)*")`)
)

// segmentAnswer answers one line of a batch segment job: the users with the most interactions
// with the line's item (Item-Affinity, {"itemId": ...}) or with the items its attribute query
// matches (Item-Attribute-Affinity, {"itemAttributes": "ITEMS.GENRE = \"comedy\""}), as
// recommend.Model.Segment ranks them.
func segmentAnswer(m *recommend.Model, n int, f *batchFilter, items *snapshotFilterData, schemas pzfilter.SchemaInfo) func(l *batchLine) (any, error) {
	return func(l *batchLine) (any, error) {
		var ids []string
		switch {
		case l.ItemID != "":
			ids = []string{l.ItemID}
		case l.ItemAttributes != "":
			expr := attributeEquals.ReplaceAllString(attributeDataset.ReplaceAllString(l.ItemAttributes, "Items."), "$1 IN ($2)")
			q, err := pzfilter.Parse("INCLUDE ItemID WHERE " + expr)
			if err != nil {
				return nil, fmt.Errorf("invalid itemAttributes %q: %v", l.ItemAttributes, err)
			}
			if q, err = q.Resolve(schemas); err != nil {
				return nil, fmt.Errorf("invalid itemAttributes %q: %v", l.ItemAttributes, err)
			}
			b, err := q.Bind(nil)
			if err != nil {
				return nil, fmt.Errorf("invalid itemAttributes %q: %v", l.ItemAttributes, err)
			}
			keepItem := b.Matcher(items, pzfilter.Request{}).Keep
			for _, id := range items.itemIDs() {
				if keepItem(id) {
					ids = append(ids, id)
				}
			}
		default:
			return nil, fmt.Errorf("a line for %s needs itemId or itemAttributes", m.Recipe().Name)
		}
		keep, err := f.keep(l)
		if err != nil {
			return nil, err
		}
		users, err := m.Segment(ids, n, keep)
		if err != nil {
			return nil, err
		}
		return segmentOutput{UsersList: users}, nil
	}
}

// objectsAtEnd is what a batch job writes: its outputs once it is ACTIVE, nothing if it failed
// or is gone.
func objectsAtEnd(j lived, outs *[]batchOutput, now time.Time) ([]Object, bool) {
	if j.base().removed {
		*outs = nil
		return nil, true
	}
	switch status, changed, _ := statusOf(j, now); status {
	case StatusActive:
		objects := make([]Object, len(*outs))
		for i, o := range *outs {
			objects[i] = Object{URI: o.uri, Body: o.body, At: changed}
		}
		*outs = nil // written once: what it held can go
		return objects, true
	case StatusCreateFailed:
		*outs = nil
		return nil, true
	}
	return nil, false
}

// filterBusy returns the ARN of a batch job being created that uses a filter, which keeps the
// filter from being deleted (facts §6.1's guess at DeleteFilter's ResourceInUseException), or "".
func (w *world) filterBusy(f *filter, now time.Time) string {
	for _, j := range w.batchInferenceJobs.view(false) {
		if j.in.FilterArn != nil && *j.in.FilterArn == f.arn {
			if status, _, _ := statusOf(j, now); creating(status) {
				return j.arn
			}
		}
	}
	for _, j := range w.batchSegmentJobs.view(false) {
		if j.in.FilterArn != nil && *j.in.FilterArn == f.arn {
			if status, _, _ := statusOf(j, now); creating(status) {
				return j.arn
			}
		}
	}
	return ""
}
