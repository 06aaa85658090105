package statefile

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"
)

// doc is a snapshot source a test changes between periods.
type doc struct {
	mu    sync.Mutex
	value string
	err   error
	calls int
}

func (d *doc) set(v string) { d.mu.Lock(); d.value = v; d.mu.Unlock() }

func (d *doc) snapshot() ([]byte, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.calls++
	return []byte(d.value), d.err
}

type outcome struct {
	saved bool
	err   error
}

// runSaver starts a Saver on a mock clock and returns the channel its reports arrive on.
func runSaver(t *testing.T, f *File, d *doc, interval time.Duration) (*clock.Mock, *Saver, <-chan outcome) {
	t.Helper()
	mock := clock.NewMock()
	reports := make(chan outcome, 16)
	s, err := NewSaver(f, SaverConfig{Snapshot: d.snapshot, Interval: interval, Clock: mock,
		Report: func(saved bool, err error) { reports <- outcome{saved, err} }})
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return mock, s, reports
}

// next waits for the report of one period; the test's own deadline bounds the wait.
func next(t *testing.T, reports <-chan outcome) outcome {
	t.Helper()
	select {
	case o := <-reports:
		return o
	case <-t.Context().Done():
		t.Fatal("no report")
		return outcome{}
	}
}

// The Saver saves after each period when the document changed, and not when it did not.
func TestSaverSavesEachPeriodWhenChanged(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "state.json")
	f := openT(t, path)
	d := &doc{value: "A"}
	mock, _, reports := runSaver(t, f, d, time.Minute)

	for i, step := range []struct {
		value string
		saved bool
	}{{"A", true}, {"A", false}, {"B", true}, {"C", true}, {"C", false}} {
		d.set(step.value)
		mock.Add(time.Minute)
		o := next(t, reports)
		require.NoError(t, o.err, "period %d", i)
		require.Equal(t, step.saved, o.saved, "period %d", i)
		require.Equal(t, step.value, readString(t, path), "period %d", i)
	}
}

// Nothing is saved before a whole period has passed.
func TestSaverWaitsForThePeriod(t *testing.T) {
	t.Parallel()
	f := openT(t, filepath.Join(t.TempDir(), "state.json"))
	mock := clock.NewMock()
	d := &doc{value: "A"}
	s, err := NewSaver(f, SaverConfig{Snapshot: d.snapshot, Interval: time.Minute, Clock: mock})
	require.NoError(t, err)
	defer s.ticker.Stop()
	mock.Add(59 * time.Second)
	require.Empty(t, s.ticker.C, "a tick before the period ended")
	mock.Add(time.Second)
	require.Len(t, s.ticker.C, 1, "no tick when the period ended")
}

// A failed save is reported and the next period tries again; so is a failed snapshot.
func TestSaverReportsFailuresAndGoesOn(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "state.json")
	f := openT(t, path)
	var failing sync.Mutex // guards f.fsync against the Saver's goroutine
	fail := true
	f.fsync = func(file *os.File) error {
		failing.Lock()
		defer failing.Unlock()
		if fail {
			return errors.New("disk full")
		}
		return file.Sync()
	}
	d := &doc{value: "A"}
	mock, _, reports := runSaver(t, f, d, time.Second)

	mock.Add(time.Second)
	o := next(t, reports)
	require.ErrorContains(t, o.err, "disk full")
	require.False(t, o.saved)

	failing.Lock()
	fail = false
	failing.Unlock()
	d.mu.Lock()
	d.err = errors.New("state unavailable")
	d.mu.Unlock()
	mock.Add(time.Second)
	o = next(t, reports)
	require.ErrorContains(t, o.err, "state unavailable")

	d.mu.Lock()
	d.err = nil
	d.mu.Unlock()
	mock.Add(time.Second)
	o = next(t, reports)
	require.NoError(t, o.err)
	require.True(t, o.saved)
	require.Equal(t, "A", readString(t, path))
}

// SaveNow (SIGHUP, shutdown) saves at once, and not again when unchanged.
func TestSaveNow(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "state.json")
	f := openT(t, path)
	d := &doc{value: "A"}
	_, s, _ := runSaver(t, f, d, time.Hour)
	saved, err := s.SaveNow()
	require.NoError(t, err)
	require.True(t, saved)
	require.Equal(t, "A", readString(t, path))
	saved, err = s.SaveNow()
	require.NoError(t, err)
	require.False(t, saved)
}

func TestNewSaverRefusesBadConfig(t *testing.T) {
	t.Parallel()
	f := openT(t, filepath.Join(t.TempDir(), "state.json"))
	snap := func() ([]byte, error) { return nil, nil }
	for _, cfg := range []SaverConfig{{Interval: time.Second}, {Snapshot: snap}, {Snapshot: snap, Interval: -time.Second}} {
		_, err := NewSaver(f, cfg)
		require.Error(t, err)
	}
}

// With a Version, a period whose version is that of the last successful save takes no
// snapshot at all; a new version, or a failed save, makes the next period take one.
func TestSaverSkipsSnapshotsWhileTheVersionStands(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "state.json")
	f := openT(t, path)
	d := &doc{value: "A"}
	var mu sync.Mutex
	version := "1"
	setVersion := func(v string) { mu.Lock(); version = v; mu.Unlock() }
	mock := clock.NewMock()
	reports := make(chan outcome, 16)
	s, err := NewSaver(f, SaverConfig{Snapshot: d.snapshot, Interval: time.Minute, Clock: mock,
		Version: func() string { mu.Lock(); defer mu.Unlock(); return version },
		Report:  func(saved bool, err error) { reports <- outcome{saved, err} }})
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	defer func() { cancel(); <-done }()
	snapshots := func() int { d.mu.Lock(); defer d.mu.Unlock(); return d.calls }

	for i, step := range []struct {
		version, value string
		saved          bool
		snapshots      int
	}{
		{"1", "A", true, 1},  // the first period always looks
		{"1", "A", false, 1}, // nothing changed: no snapshot
		{"1", "B", false, 1}, // a change the version does not show is not seen (the version must cover the document)
		{"2", "B", true, 2},
		{"2", "B", false, 2},
	} {
		setVersion(step.version)
		d.set(step.value)
		mock.Add(time.Minute)
		o := next(t, reports)
		require.NoError(t, o.err, "period %d", i)
		require.Equal(t, step.saved, o.saved, "period %d", i)
		require.Equal(t, step.snapshots, snapshots(), "period %d", i)
	}
}
