package statefile

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// childEnv names the state file when this test binary runs as the child of
// TestKillNineLosesAtMostOnePeriod.
const childEnv = "AWSFAKE_STATEFILE_CHILD"

// state is the child's document: a generation that grows at each snapshot, and padding so
// that a save is more than one small write.
type state struct {
	Gen     int    `json:"gen"`
	Padding string `json:"padding"`
}

// TestSaverChildProcess is the child: it holds the state file and saves a new generation
// every few milliseconds on the real clock, printing "saved N" once generation N is on disk,
// until it is killed or its parent goes away (its standard input closes).
func TestSaverChildProcess(t *testing.T) {
	path := os.Getenv(childEnv)
	if path == "" {
		t.Skip("the child of TestKillNineLosesAtMostOnePeriod")
	}
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		os.Exit(0)
	}()
	f, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	gen := 0
	padding := strings.Repeat("x", 256<<10)
	s, err := NewSaver(f, SaverConfig{
		Interval: 2 * time.Millisecond, // the real clock: this is a real process
		Snapshot: func() ([]byte, error) {
			gen++
			return json.Marshal(state{Gen: gen, Padding: padding})
		},
		Report: func(saved bool, err error) {
			if err != nil {
				fmt.Println("error", err)
			} else if saved {
				fmt.Println("saved", gen)
			}
		},
	})
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	s.Run(context.Background())
}

// A kill -9 after a save loses nothing that save held: the file is whole and holds at least
// the generation last reported on disk, and the dead process's lock does not block the next.
func TestKillNineLosesAtMostOnePeriod(t *testing.T) {
	t.Parallel()
	if os.Getenv(childEnv) != "" {
		t.Skip("in the child")
	}
	path := filepath.Join(t.TempDir(), "state.json")
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestSaverChildProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+path)
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	defer stdin.Close()
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())

	const wantGen = 5
	lastSaved := 0
	lines := bufio.NewScanner(stdout)
	for lastSaved < wantGen && lines.Scan() {
		line := lines.Text()
		require.False(t, strings.HasPrefix(line, "error"), line)
		if n, ok := strings.CutPrefix(line, "saved "); ok {
			lastSaved, err = strconv.Atoi(n)
			require.NoError(t, err)
		}
	}
	require.GreaterOrEqual(t, lastSaved, wantGen, "the child stopped before saving: %v", lines.Err())
	require.NoError(t, cmd.Process.Kill()) // SIGKILL: no handler, no last save
	_ = cmd.Wait()

	f, err := Open(path)
	require.NoError(t, err, "the dead child's lock file must not block")
	defer f.Close()
	data, ok, err := f.Load()
	require.NoError(t, err)
	require.True(t, ok)
	var got state
	require.NoError(t, json.Unmarshal(data, &got), "the file must be whole")
	require.GreaterOrEqual(t, got.Gen, lastSaved, "a generation reported on disk was lost")
	requireFiles(t, filepath.Dir(path), "state.json", "state.json.lock")
}
