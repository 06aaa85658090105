package statefile

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"syscall"
)

// Load reads the state file. ok is false, with no error, when it does not exist yet (a first
// run). What it read counts as saved: SaveIfChanged skips the same document.
func (f *File) Load() (doc []byte, ok bool, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return nil, false, errClosed
	}
	doc, err = os.ReadFile(f.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, false, nil
	case err != nil:
		return nil, false, fmt.Errorf("state file %s: %w", f.path, err)
	}
	f.sum, f.hasSum = sha256.Sum256(doc), true
	return doc, true, nil
}

// Save writes doc as the whole file, atomically (see the package documentation).
func (f *File) Save(doc []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.save(doc, sha256.Sum256(doc))
}

// SaveIfChanged writes doc unless it is what the file already holds (as this File last
// loaded or saved it), and says whether it wrote.
func (f *File) SaveIfChanged(doc []byte) (saved bool, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	sum := sha256.Sum256(doc)
	if f.hasSum && sum == f.sum {
		return false, nil
	}
	if err := f.save(doc, sum); err != nil {
		return false, err
	}
	return true, nil
}

// save writes doc through a temporary file renamed over the target. mu held.
func (f *File) save(doc []byte, sum [sha256.Size]byte) error {
	if f.closed {
		return errClosed
	}
	target, err := resolve(f.path)
	if err != nil {
		return fmt.Errorf("state file %s: %w", f.path, err)
	}
	if err := f.writeAtomically(target, doc); err != nil {
		// The file may or may not have been replaced (a failed folder sync): the next save must
		// not be skipped as unchanged.
		f.hasSum = false
		return fmt.Errorf("state file %s: %w", f.path, err)
	}
	f.sum, f.hasSum = sum, true
	return nil
}

var tmpSeq atomic.Uint64

func (f *File) writeAtomically(target string, doc []byte) (err error) {
	dir := filepath.Dir(target)
	old, statErr := os.Stat(target)
	tmpName := filepath.Join(dir, "."+filepath.Base(target)+".tmp-"+strconv.Itoa(os.Getpid())+"-"+strconv.FormatUint(tmpSeq.Add(1), 10))
	// 0644 for a new file: the kernel takes the umask off, as for any document a tool writes.
	tmp, err := os.OpenFile(tmpName, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	if statErr == nil {
		if err := keepMode(tmp, old); err != nil {
			return err
		}
	}
	if _, err := tmp.Write(doc); err != nil {
		return err
	}
	if err := f.fsync(tmp); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmpName, target); err != nil {
		return err
	}
	// The rename is durable only once the folder is.
	return syncDir(dir)
}

// keepMode gives the new file the old one's permission bits and, where allowed (as root), its
// owner and group.
func keepMode(tmp *os.File, old fs.FileInfo) error {
	if err := tmp.Chmod(old.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)); err != nil {
		return err
	}
	if st, ok := old.Sys().(*syscall.Stat_t); ok && (int(st.Uid) != os.Geteuid() || int(st.Gid) != os.Getegid()) {
		// Only root may give a file away; anyone else keeps the file as their own.
		_ = tmp.Chown(int(st.Uid), int(st.Gid))
	}
	return nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
