package statefile

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/benbjohnson/clock"
)

// DefaultInterval is a sensible period for a server's periodic save: a kill -9 loses at most
// this much, and an unchanged state costs one snapshot and hash per period.
const DefaultInterval = 30 * time.Second

// SaverConfig is what a Saver saves and when.
type SaverConfig struct {
	// Snapshot returns the document to save (the fake's state); it is called at each period
	// and each SaveNow.
	Snapshot func() ([]byte, error)
	// Interval is the period; it must be positive.
	Interval time.Duration
	// Clock measures the period: the real clock for a server (the default), a mock in tests.
	Clock clock.Clock
	// Version, when set, says cheaply whether the document may have changed: a period whose
	// Version equals the one read before the last successful save is skipped without a
	// snapshot (a large state costs nothing while nobody changes it). Read before the
	// snapshot, so a change made during a save is seen at the next period.
	Version func() string
	// Report, when set, hears the outcome of every periodic save: saved is false when the
	// document had not changed or the save failed. A failed save is reported and retried at
	// the next period; the Saver never stops for it.
	Report func(saved bool, err error)
}

// Saver saves a File on a period and on demand. The period starts when NewSaver returns.
type Saver struct {
	file   *File
	cfg    SaverConfig
	ticker *clock.Ticker

	mu      sync.Mutex // guards saved
	saved   string     // Version before the last successful save
	hasSave bool
}

// NewSaver returns a Saver of f; Run starts its periodic saves.
func NewSaver(f *File, cfg SaverConfig) (*Saver, error) {
	if cfg.Snapshot == nil {
		return nil, errors.New("statefile: a Saver needs a Snapshot")
	}
	if cfg.Interval <= 0 {
		return nil, fmt.Errorf("statefile: the save interval must be positive, not %v", cfg.Interval)
	}
	if cfg.Clock == nil {
		cfg.Clock = clock.New()
	}
	// The ticker starts here, not in Run, so that the first period is measured from a known
	// point: a test that moves a mock clock need not wait for Run's goroutine to get going.
	return &Saver{file: f, cfg: cfg, ticker: cfg.Clock.Ticker(cfg.Interval)}, nil
}

// Run saves at every period until ctx is done, then stops the ticker. It does not save at the
// end: the server saves once more with SaveNow after the last request has been served.
func (s *Saver) Run(ctx context.Context) {
	defer s.ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.ticker.C:
			if s.unchanged() {
				if s.cfg.Report != nil {
					s.cfg.Report(false, nil)
				}
				continue
			}
			saved, err := s.SaveNow()
			if s.cfg.Report != nil {
				s.cfg.Report(saved, err)
			}
		}
	}
}

// SaveNow takes a snapshot and saves it unless it is unchanged; for SIGHUP and shutdown. It
// is safe to call while Run runs: saves are serialized by the File.
func (s *Saver) SaveNow() (saved bool, err error) {
	var version string
	if s.cfg.Version != nil {
		version = s.cfg.Version()
	}
	doc, err := s.cfg.Snapshot()
	if err != nil {
		return false, fmt.Errorf("state file %s: taking the snapshot: %w", s.file.path, err)
	}
	saved, err = s.file.SaveIfChanged(doc)
	if err == nil && s.cfg.Version != nil {
		s.mu.Lock()
		s.saved, s.hasSave = version, true
		s.mu.Unlock()
	}
	return saved, err
}

// unchanged says whether Version shows no change since the last successful save.
func (s *Saver) unchanged() bool {
	if s.cfg.Version == nil {
		return false
	}
	v := s.cfg.Version()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hasSave && v == s.saved
}
