package engine

import (
	"context"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/csvimport"
	"github.com/awsfake/awsfake/internal/shape/personalize"
)

// A view of the records put keeps reading what it saw: a later put of an id replaces the
// record in a copy of its chunk (and of the list of chunks), and adds are past the view's end.
func TestRecordsViewIsCopyOnWrite(t *testing.T) {
	t.Parallel()
	var r records
	at := time.Unix(0, 0)
	for i := range logChunk + 3 {
		r.upsert(Record{ID: string(rune('a'+i%26)) + string(rune('a'+i/26)), Properties: "v1", ReceivedAt: at})
	}
	view := r.view()
	before := view.all()
	firstChunk, lastChunk := &r.list.chunks[0][0], &r.list.chunks[1][0]
	r.upsert(Record{ID: before[0].ID, Properties: "v2"})          // in the first chunk
	r.upsert(Record{ID: before[logChunk+1].ID, Properties: "v2"}) // in the last
	r.upsert(Record{ID: "new", Properties: "v1"})                 // an add
	require.Equal(t, before, view.all(), "the view reads what it saw")
	require.Equal(t, "v2", r.list.at(0).Properties)
	require.Equal(t, "v2", r.list.at(logChunk+1).Properties)
	require.Equal(t, logChunk+4, r.list.len())
	require.NotSame(t, firstChunk, &r.list.chunks[0][0], "the written chunk was copied")
	require.NotSame(t, lastChunk, &r.list.chunks[1][0])
	r.upsert(Record{ID: before[1].ID, Properties: "v3"})
	require.Equal(t, "v3", r.list.at(1).Properties, "a chunk already copied since the view is written in place")
	require.Equal(t, before, view.all())

	// Without a view since, nothing is copied.
	again := &r.list.chunks[0][0]
	r.upsert(Record{ID: before[2].ID, Properties: "v4"})
	require.Same(t, again, &r.list.chunks[0][0])
}

// A view of the imports keeps what it saw: FULL replaces the slices, INCREMENTAL appends past the
// view's end or replaces a record in a copy.
func TestImportedViewKeepsWhatItSaw(t *testing.T) {
	t.Parallel()
	var m imported
	t0 := time.Unix(100, 0)
	m.apply(&csvimport.Result{Records: []csvimport.Record{{ID: "i1", Properties: "a"}, {ID: "i2", Properties: "b"}}}, true, t0)
	view := m.view()
	m.apply(&csvimport.Result{Records: []csvimport.Record{{ID: "i1", Properties: "c"}, {ID: "i3", Properties: "d"}}}, false, t0.Add(time.Minute))
	require.Equal(t, []csvimport.Record{{ID: "i1", Properties: "a"}, {ID: "i2", Properties: "b"}}, view.records)
	require.Equal(t, []csvimport.Record{{ID: "i1", Properties: "c"}, {ID: "i2", Properties: "b"}, {ID: "i3", Properties: "d"}}, m.records)
	require.Equal(t, t0, m.view().at(1))
	require.Equal(t, t0.Add(time.Minute), m.view().at(2))

	var ints imported
	ints.apply(&csvimport.Result{Interactions: []csvimport.Interaction{{UserID: "u1"}}}, true, t0)
	iv := ints.view()
	ints.apply(&csvimport.Result{Interactions: []csvimport.Interaction{{UserID: "u2"}}}, false, t0)
	ints.apply(&csvimport.Result{Interactions: []csvimport.Interaction{{UserID: "u3"}}}, true, t0)
	require.Equal(t, []csvimport.Interaction{{UserID: "u1"}}, iv.interactions)
	require.Equal(t, []csvimport.Interaction{{UserID: "u3"}}, ints.interactions, "FULL replaced both")
}

// Training a version lazily, and taking an import's rows in when it ends, are no change of
// state: the digest is the same before and after the reads that do them.
func TestLazyWorkIsNoChange(t *testing.T) {
	t.Parallel()
	objects := fstest.MapFS{"b/i.csv": {Data: []byte("USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1\nu1,i2,2\nu2,i1,3\n")}}
	clk := newStepClock()
	e := New(Config{Clock: clk, Objects: objects, SmallDatasets: true})
	ctx := context.Background()
	s := func(v string) *string { return &v }
	schema := `{"type":"record","name":"Interactions","fields":[{"name":"USER_ID","type":"string"},{"name":"ITEM_ID","type":"string"},{"name":"TIMESTAMP","type":"long"}]}`
	group := "arn:aws:personalize:us-east-1:123456789012:dataset-group/g"
	dataset := "arn:aws:personalize:us-east-1:123456789012:dataset/g/INTERACTIONS"
	for _, c := range []struct {
		op      *Op
		in      any
		advance time.Duration
	}{
		{OpCreateDatasetGroup, &personalize.CreateDatasetGroupInput{Name: s("g")}, time.Minute},
		{OpCreateSchema, &personalize.CreateSchemaInput{Name: s("s"), Schema: &schema}, 0},
		{OpCreateDataset, &personalize.CreateDatasetInput{Name: s("d"), DatasetGroupArn: &group, DatasetType: s("Interactions"),
			SchemaArn: s("arn:aws:personalize:us-east-1:123456789012:schema/s")}, time.Minute},
		{OpCreateDatasetImportJob, &personalize.CreateDatasetImportJobInput{JobName: s("j"), DatasetArn: &dataset,
			DataSource: &personalize.DataSource{DataLocation: s("s3://b/i.csv")}}, 0},
		{OpCreateSolution, &personalize.CreateSolutionInput{Name: s("sol"), DatasetGroupArn: &group, RecipeArn: s("arn:aws:personalize:::recipe/aws-sims")}, time.Minute},
		{OpCreateSolutionVersion, &personalize.CreateSolutionVersionInput{SolutionArn: s("arn:aws:personalize:us-east-1:123456789012:solution/sol")}, time.Hour},
	} {
		_, err := e.Invoke(ctx, Scope{}, c.op, c.in)
		require.NoError(t, err, c.op.Name)
		clk.add(c.advance)
	}
	before := e.Digest()
	recs, ok := e.Records(dataset)
	require.True(t, ok)
	require.Len(t, recs, 3)
	w := e.worlds[Scope{Account: DefaultAccount, Region: DefaultRegion}]
	v := w.solutionVersions.view(false)[0]
	status, _, _ := statusOf(v, e.now())
	require.Equal(t, StatusActive, status)
	m, err := v.trained()
	require.NoError(t, err)
	require.Equal(t, 0, m.Stats().Interactions, "the version was made before the import ended")
	require.Equal(t, before, e.Digest())
}
