package main

import (
	"net/http"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The probe on the server, through real HTTP: 400 CreateAction calls rejected for a
// 1 MB Description once took the server from 18 MB to 1.23 GB. Now the heap grows by less than
// the call log's byte budget (64 MiB by default, -call-log-bytes) plus 16 MiB for the server's
// own buffers. Not parallel: it reads the heap, which other tests would share.
func TestServerCallLogMemoryCeiling(t *testing.T) {
	if testing.Short() || raceEnabled() {
		t.Skip("moves 400 MB through the server, which the race detector makes minutes long")
	}
	for _, c := range []struct {
		name   string
		args   []string
		budget uint64
		calls  int
	}{
		{"default budget", nil, 64 << 20, 400},
		{"-call-log-bytes 16 MiB", []string{"-call-log-bytes", strconv.Itoa(16 << 20)}, 16 << 20, 120}, // past the budget after 64
	} {
		t.Run(c.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			s := startServer(t, append([]string{"-addr", "127.0.0.1:0"}, c.args...)...)
			long := strings.Repeat("d", 1_000_000)
			for i := range c.calls {
				status, _, body := hit(t, s, "POST", "/", "", smHeaders("CreateAction"),
					`{"ActionName":"a`+strconv.Itoa(i)+`","ActionType":"t","Source":{"SourceUri":"s3://x"},"Description":"`+long+`"}`)
				require.Equal(t, http.StatusBadRequest, status)
				require.Contains(t, body[:200], "ValidationException")
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
			_, _, calls := hit(t, s, "GET", "/_fake/calls", "", nil, "")
			close(s.stop)
			require.NoError(t, <-s.done)
			grown := uint64(0)
			if after.HeapAlloc > before.HeapAlloc {
				grown = after.HeapAlloc - before.HeapAlloc
			}
			t.Logf("heap grew %.1f MiB after %d rejected 1 MB calls (budget %.0f MiB); GET /_fake/calls is %.1f MiB, %d calls",
				float64(grown)/(1<<20), c.calls, float64(c.budget)/(1<<20), float64(len(calls))/(1<<20), strings.Count(calls, `"operation"`))
			require.Less(t, grown, c.budget+16<<20)
			require.Less(t, uint64(len(calls)), c.budget, "the call log's document is bounded too")
		})
	}
}

// raceEnabled says whether the test binary was built with -race.
func raceEnabled() bool {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range info.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}
