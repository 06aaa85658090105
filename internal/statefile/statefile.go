// Package statefile is the file behind a server's -state flag, made so that it cannot lose
// data:
//
//   - Open checks at start that the file can be written (its folder exists and takes a new
//     file), so a bad path fails at once instead of at shutdown after a day's work.
//   - Open takes an exclusive lock (flock(2) on FILE.lock beside the file's target), so a second
//     server on the same file refuses to start, naming the first from what it wrote in the lock
//     file (pid, start time, address). The kernel drops the lock when its holder dies, even by
//     kill -9, so a lock file left behind never blocks: only a live lock counts. The lock file
//     stays on disk; removing it would let two servers lock two different files of one name.
//   - Save is atomic: a temporary file in the same folder, written and fsynced, renamed over
//     the file, and the folder fsynced. A crash or a failed write leaves the old file whole;
//     the next Open removes the temporary file a crash left.
//   - Save keeps an existing file's permission bits (a 0644 file stays 0644, 0640 stays 0640)
//     and, when run as root, its owner and group. A new file is created 0644 less the umask, as
//     any tool that writes a document would (the state is test data, not a secret).
//   - Save writes through a symbolic link to its target, resolved again at each save, and the
//     link stays a link.
//   - A Saver saves on a period and on demand (SIGHUP), skipping the write when the document
//     has not changed, so a kill -9 loses at most one period.
package statefile

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
)

// File is an open state file: locked, checked writable, and ready to load and save. Its
// methods are safe for concurrent use.
type File struct {
	path string // as given
	lock *os.File

	mu     sync.Mutex // serializes saves, so two never race on one temporary name or rename
	sum    [sha256.Size]byte
	hasSum bool // sum is the hash of what the file holds (from Load or Save)
	closed bool

	fsync func(*os.File) error // (*os.File).Sync, replaced by tests to fail a save midway
}

// Open locks the state file at path and checks that it can be written. The file need not
// exist; its folder must. It fails with a *LockedError when another process holds the file.
func Open(path string) (*File, error) {
	if path == "" {
		return nil, errors.New("state file: no path given")
	}
	target, err := resolve(path)
	if err != nil {
		return nil, fmt.Errorf("state file %s: %w", path, err)
	}
	if err := checkWritable(path, target); err != nil {
		return nil, err
	}
	lock, err := acquire(path, target+".lock")
	if err != nil {
		return nil, err
	}
	removeLeftovers(target)
	return &File{path: path, lock: lock, fsync: (*os.File).Sync}, nil
}

// Path returns the path the file was opened with.
func (f *File) Path() string { return f.path }

// Close releases the lock. Saving after Close fails; closing twice does nothing.
func (f *File) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return nil
	}
	f.closed = true
	return release(f.lock)
}

// checkWritable makes sure that a file can be created in the target's folder, by creating and
// removing one there, and that an existing target is a regular file.
func checkWritable(path, target string) error {
	dir := filepath.Dir(target)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("state file %s: the folder %s does not exist (create it first)", path, dir)
	case err != nil:
		return fmt.Errorf("state file %s: %w", path, err)
	case !st.IsDir():
		return fmt.Errorf("state file %s: %s is not a folder", path, dir)
	}
	if st, err := os.Stat(target); err == nil && !st.Mode().IsRegular() {
		return fmt.Errorf("state file %s: %s is not a regular file", path, target)
	}
	probe, err := os.CreateTemp(dir, "."+filepath.Base(target)+".probe-*")
	if err != nil {
		return fmt.Errorf("state file %s cannot be written: %w", path, err)
	}
	name := probe.Name()
	probe.Close()
	if err := os.Remove(name); err != nil {
		return fmt.Errorf("state file %s: removing the probe file: %w", path, err)
	}
	return nil
}

// removeLeftovers removes the temporary files of saves and checks that a killed process left
// beside the target. Only the lock's holder may: no other process saves this file.
func removeLeftovers(target string) {
	dir, base := filepath.Split(target)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if name := e.Name(); strings.HasPrefix(name, "."+base+".tmp-") || strings.HasPrefix(name, "."+base+".probe-") {
			_ = os.Remove(filepath.Join(dir, name))
		}
	}
}

// resolve follows symbolic links from path to the file they end at, which need not exist (a
// link may point at a file not written yet), and makes its folder absolute and free of links,
// so that every name of one file gives one target and one lock.
func resolve(path string) (string, error) {
	p, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	for range 40 { // as the kernel's limit on links followed
		st, err := os.Lstat(p)
		if errors.Is(err, os.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
			break // checkWritable says what is wrong with the folder
		}
		if err != nil {
			return "", err
		}
		if st.Mode()&os.ModeSymlink == 0 {
			break
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = link
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(p))
	if err != nil {
		// A folder that does not exist: checkWritable and Save say so with this path.
		return p, nil
	}
	return filepath.Join(dir, filepath.Base(p)), nil
}
