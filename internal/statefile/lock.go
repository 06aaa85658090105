package statefile

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/benbjohnson/clock"
)

// LockedError is Open's error when another process holds the state file.
type LockedError struct {
	Path   string // the state file, as given
	Lock   string // the lock file
	Holder string // what the holder wrote: "pid 1234, started ..., serving http://..."; "" if unknown
}

func (e *LockedError) Error() string {
	holder := e.Holder
	if holder == "" {
		holder = "unknown"
	}
	return fmt.Sprintf("state file %s is in use by another awsfake (%s; lock %s): stop it, or give this one another file", e.Path, holder, e.Lock)
}

// acquire takes the lock without waiting and writes who holds it.
func acquire(path, lockPath string) (*os.File, error) {
	lock, err := os.OpenFile(lockPath, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("state file %s: lock: %w", path, err)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		lock.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			holder, _ := os.ReadFile(lockPath)
			return nil, &LockedError{Path: path, Lock: lockPath, Holder: strings.TrimSpace(string(holder))}
		}
		return nil, fmt.Errorf("state file %s: lock %s: %w", path, lockPath, err)
	}
	// Who holds it is information for the next one's message; the lock works without it. When it
	// started is the machine's time, for a person reading the lock, whatever the fake's clock says.
	_ = writeHolder(lock, "pid "+strconv.Itoa(os.Getpid())+", started "+clock.New().Now().UTC().Format(time.RFC3339))
	return lock, nil
}

// Announce adds what the holder serves (its base URL) to the lock file, so a second server's
// refusal says where the first one is.
func (f *File) Announce(what string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return errClosed
	}
	info, err := os.ReadFile(f.lock.Name())
	if err != nil {
		return err
	}
	return writeHolder(f.lock, strings.TrimSpace(string(info))+", serving "+what)
}

func writeHolder(lock *os.File, info string) error {
	if err := lock.Truncate(0); err != nil {
		return err
	}
	_, err := lock.WriteAt([]byte(info+"\n"), 0)
	return err
}

// release drops the lock; the kernel would at exit anyway.
func release(lock *os.File) error {
	// Forget who held it first: a lock file whose holder line is empty reads as free.
	_ = lock.Truncate(0)
	unlockErr := syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)
	return errors.Join(unlockErr, lock.Close())
}

var errClosed = errors.New("state file: closed")
