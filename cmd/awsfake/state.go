package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/awsfake/awsfake/internal/server"
	"github.com/awsfake/awsfake/internal/statefile"
	"github.com/awsfake/awsfake/scenario"
)

// loadState seeds the fake from the state file an earlier run wrote, and says what it held for
// the banner. A file that does not exist yet is an empty state. On a manual clock, the clock
// first moves to the file's saved time, or its latest timestamp, when that is later, so every
// resource keeps its times and statuses and time never moves backwards across a restart.
func loadState(f *server.Server, file *statefile.File) (string, error) {
	data, ok, err := file.Load()
	if err != nil {
		return "", fmt.Errorf("-state: %w", err)
	}
	if !ok {
		return fmt.Sprintf("%s does not exist yet: nothing loaded; it will be written", file.Path()), nil
	}
	s, err := scenario.ParseJSON(data)
	if err != nil {
		return "", fmt.Errorf("-state %s: %w", file.Path(), err)
	}
	if mock, ok := f.Engine.Clock().(*clock.Mock); ok {
		if latest := latestTime(s); latest.After(mock.Now()) {
			mock.Set(latest)
		}
	}
	if err := f.SetScenario(s); err != nil {
		return "", fmt.Errorf("-state %s: %w", file.Path(), err)
	}
	resources, records := 0, 0
	for _, r := range f.Engine.State() {
		switch r.Kind {
		case "records":
			records++
		case "tags":
		default:
			resources++
		}
	}
	return fmt.Sprintf("loaded %s and %s from %s (%d bytes)", count(resources, "resource"), count(records, "set of records or events"), file.Path(), len(data)), nil
}

// count says "1 resource", "2 resources".
func count(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	if head, tail, ok := strings.Cut(one, " "); ok {
		return fmt.Sprintf("%d %ss %s", n, head, tail)
	}
	return fmt.Sprintf("%d %ss", n, one)
}

func latestTime(s *scenario.Scenario) time.Time {
	latest := s.Clock
	for _, r := range s.Seeds.All() {
		for _, t := range []*time.Time{r.CreatedAt, r.ModifiedAt} {
			if t != nil && t.After(latest) {
				latest = *t
			}
		}
	}
	return latest
}

// newSaver saves the fake's state to file every interval in which it may have changed: a
// period in which no call changed anything (and a manual clock stood still) costs no snapshot.
func newSaver(f *server.Server, file *statefile.File, interval time.Duration, stderr io.Writer) (*statefile.Saver, error) {
	mock, _ := f.Engine.Clock().(*clock.Mock)
	return statefile.NewSaver(file, statefile.SaverConfig{
		Snapshot: func() ([]byte, error) {
			doc, err := f.StateJSON()
			return append(doc, '\n'), err
		},
		Version: func() string {
			v := strconv.FormatUint(f.Engine.Generation(), 10)
			if mock != nil {
				v += " " + mock.Now().String()
			}
			return v
		},
		Interval: interval,
		Report: func(saved bool, err error) {
			switch {
			case err != nil:
				fmt.Fprintf(stderr, "awsfake: saving the state failed (tried again in %v): %v\n", interval, err)
			case saved:
				fmt.Fprintf(stderr, "awsfake: state saved to %s\n", file.Path())
			}
		},
	})
}
