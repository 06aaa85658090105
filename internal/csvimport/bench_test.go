package csvimport_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/csvimport"
)

// The goal: an import of 100,000 interaction rows in at most a second end to end,
// holding at most 200 bytes per record.
const (
	benchRows     = 100_000
	maxHeldPerRow = 200
)

// syntheticInteractions is a seeded CSV of n interactions: 5,000 users, 20,000 items, three
// event types, values and timestamps, and (with metadata) a categorical DEVICE column, which
// puts a JSON object on every row.
func syntheticInteractions(n int, metadata bool) []byte {
	rng := rand.New(rand.NewPCG(23, 2026))
	events := []string{"click", "watch", "purchase"}
	devices := []string{"phone", "tablet", "tv|phone", "desktop"}
	var b bytes.Buffer
	b.WriteString("USER_ID,ITEM_ID,EVENT_TYPE,EVENT_VALUE,TIMESTAMP")
	if metadata {
		b.WriteString(",DEVICE")
	}
	b.WriteByte('\n')
	ts := int64(1_700_000_000)
	for range n {
		ts += rng.Int64N(60)
		fmt.Fprintf(&b, "user-%d,item-%d,%s,%.2f,%d", rng.IntN(5_000), rng.IntN(20_000), events[rng.IntN(len(events))], rng.Float64()*10, ts)
		if metadata {
			b.WriteString("," + devices[rng.IntN(len(devices))])
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func importFS(body []byte) fstest.MapFS {
	return fstest.MapFS{"bucket/interactions.csv": &fstest.MapFile{Data: body}}
}

// heldPerRow measures what an import's result keeps alive, per row, after garbage collection.
func heldPerRow(t testing.TB, fsys fstest.MapFS) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res, err := csvimport.Import(fsys, "s3://bucket/interactions.csv", csvimport.Interactions, interactionFields, csvimport.Options{MinInteractions: csvimport.MinInteractionRecords})
	require.NoError(t, err)
	runtime.GC()
	runtime.ReadMemStats(&after)
	require.Equal(t, benchRows, res.Len())
	held := float64(after.HeapAlloc) - float64(before.HeapAlloc)
	// Both stay alive past the second measure: the objects read, so that freeing them does not
	// hide what the rows hold, and the rows.
	runtime.KeepAlive(fsys)
	runtime.KeepAlive(res)
	return held / float64(res.Len())
}

// TestImportHoldsAtMost200BytesPerRecord is not parallel: it measures the heap, which other
// tests running at once would disturb (parallel tests start only after it).
func TestImportHoldsAtMost200BytesPerRecord(t *testing.T) {
	for _, metadata := range []bool{false, true} {
		t.Run(fmt.Sprintf("metadata=%v", metadata), func(t *testing.T) {
			fsys := importFS(syntheticInteractions(benchRows, metadata))
			perRow := heldPerRow(t, fsys)
			t.Logf("%.1f bytes held per record", perRow)
			require.LessOrEqual(t, perRow, float64(maxHeldPerRow))
		})
	}
}

// BenchmarkImport100kInteractions imports the synthetic CSV end to end (Resolve, read, parse,
// rows), and reports the time per row and the bytes held per record.
func BenchmarkImport100kInteractions(b *testing.B) {
	for _, metadata := range []bool{false, true} {
		b.Run(fmt.Sprintf("metadata=%v", metadata), func(b *testing.B) {
			fsys := importFS(syntheticInteractions(benchRows, metadata))
			b.ReportAllocs()
			for b.Loop() {
				res, err := csvimport.Import(fsys, "s3://bucket/interactions.csv", csvimport.Interactions, interactionFields, csvimport.Options{})
				if err != nil || res.Len() != benchRows {
					b.Fatalf("%v, %d rows", err, res.Len())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchRows, "ns/row")
			b.ReportMetric(heldPerRow(b, fsys), "B/record")
		})
	}
}
