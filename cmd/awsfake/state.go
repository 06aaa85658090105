package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/awsfake/awsfake/internal/server"
	"github.com/awsfake/awsfake/scenario"
)

// loadState seeds the fake from a state file written by an earlier run (-state). A file that
// does not exist yet is an empty state. On a manual clock, the clock first moves to the file's
// latest timestamp when that is later, so every resource keeps its times and statuses.
func loadState(f *server.Server, path string) error {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("-state: %w", err)
	}
	s, err := scenario.ParseJSON(data)
	if err != nil {
		return fmt.Errorf("-state %s: %w", path, err)
	}
	if mock, ok := f.Engine.Clock().(*clock.Mock); ok {
		if latest := latestTime(s); latest.After(mock.Now()) {
			mock.Set(latest)
		}
	}
	if err := f.SetScenario(s); err != nil {
		return fmt.Errorf("-state %s: %w", path, err)
	}
	return nil
}

func latestTime(s *scenario.Scenario) time.Time {
	var latest time.Time
	for _, r := range s.Seeds.All() {
		for _, t := range []*time.Time{r.CreatedAt, r.ModifiedAt} {
			if t != nil && t.After(latest) {
				latest = *t
			}
		}
	}
	return latest
}

// saveState writes the fake's state to path whole or not at all: to a temporary file beside
// it, then renamed over it, so a crash mid-write never leaves half a state.
func saveState(f *server.Server, path string) error {
	data, err := f.StateJSON()
	if err != nil {
		return fmt.Errorf("-state: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("-state: %w", err)
	}
	defer os.Remove(tmp.Name()) // after the rename, there is nothing to remove
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("-state: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("-state: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("-state: %w", err)
	}
	return nil
}
