package statefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

func openT(t *testing.T, path string) *File {
	t.Helper()
	f, err := Open(path)
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// A path that cannot be written is refused at Open, naming the path and why.
func TestOpenRefusesWhatCannotBeWritten(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	regular := filepath.Join(dir, "regular")
	require.NoError(t, os.WriteFile(regular, []byte("x"), 0o644))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "folder.json"), 0o755))
	for _, tc := range []struct{ name, path, want string }{
		{"folder does not exist", filepath.Join(dir, "missing", "state.json"), "does not exist"},
		{"parent is a regular file", filepath.Join(regular, "state.json"), "is not a folder"},
		{"the file is a folder", filepath.Join(dir, "folder.json"), "is not a regular file"},
		// Not even root may create files here.
		{"proc", "/proc/awsfake-state.json", "cannot be written"},
		{"sys", "/sys/awsfake-state.json", "cannot be written"},
		{"empty path", "", "no path"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f, err := Open(tc.path)
			require.Error(t, err)
			require.Nil(t, f)
			require.Contains(t, err.Error(), tc.want)
			require.Contains(t, err.Error(), tc.path)
		})
	}
}

// A read-only folder is refused too; root writes anywhere, so this one needs another user.
func TestOpenRefusesReadOnlyFolder(t *testing.T) {
	t.Parallel()
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only folders; the /proc and /sys cases cover root")
	}
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	require.NoError(t, os.Mkdir(ro, 0o555))
	_, err := Open(filepath.Join(ro, "state.json"))
	require.ErrorContains(t, err, "cannot be written")
}

// The probe file of the writability check is gone after Open, and so are the temporary files
// a killed process left; the lock file stays, and other files are left alone.
func TestOpenLeavesOnlyTheLockFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, name := range []string{".state.json.tmp-123-4", ".state.json.probe-99", ".other.json.tmp-1-1", "notes.txt"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644))
	}
	openT(t, filepath.Join(dir, "state.json"))
	requireFiles(t, dir, "state.json.lock", ".other.json.tmp-1-1", "notes.txt")
}

func requireFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	require.ElementsMatch(t, want, got)
}

// A second Open of a held file is refused with the holder's pid and address, whatever name it
// is reached by; after Close it opens. Two opens in one process conflict too: flock locks
// belong to open files, not processes.
func TestLockRefusesSecondServer(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	link := filepath.Join(t.TempDir(), "alias.json")
	require.NoError(t, os.Symlink(path, link))

	first := openT(t, path)
	require.NoError(t, first.Announce("http://127.0.0.1:4599"))
	for _, p := range []string{path, link, filepath.Join(dir, ".", "state.json")} {
		_, err := Open(p)
		var locked *LockedError
		require.ErrorAs(t, err, &locked, p)
		require.Equal(t, p, locked.Path)
		require.Contains(t, locked.Holder, "pid "+strconv.Itoa(os.Getpid()))
		require.Contains(t, locked.Holder, "serving http://127.0.0.1:4599")
		require.Contains(t, err.Error(), "in use by another awsfake")
		require.Contains(t, err.Error(), "serving http://127.0.0.1:4599")
	}
	require.NoError(t, first.Close())
	require.NoError(t, first.Close(), "closing twice")
	second := openT(t, link)
	require.NoError(t, second.Save([]byte("{}")))
}

func TestLoadAndSave(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "state.json")
	f := openT(t, path)
	doc, ok, err := f.Load()
	require.NoError(t, err)
	require.False(t, ok, "a file not written yet")
	require.Nil(t, doc)

	require.NoError(t, f.Save([]byte(`{"seeds":1}`)))
	doc, ok, err = f.Load()
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, `{"seeds":1}`, string(doc))
	require.Equal(t, `{"seeds":1}`, readString(t, path))
	requireFiles(t, filepath.Dir(path), "state.json", "state.json.lock")
}

func TestSaveIfChanged(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "state.json")
	require.NoError(t, os.WriteFile(path, []byte("A"), 0o644))
	f := openT(t, path)
	_, _, err := f.Load()
	require.NoError(t, err)
	for i, tc := range []struct {
		doc   string
		saved bool
	}{{"A", false}, {"B", true}, {"B", false}, {"A", true}} {
		saved, err := f.SaveIfChanged([]byte(tc.doc))
		require.NoError(t, err)
		require.Equal(t, tc.saved, saved, "step %d", i)
		require.Equal(t, tc.doc, readString(t, path))
	}
}

// Rewriting keeps the file's permission bits; a new file gets 0644 less the umask.
func TestSaveKeepsMode(t *testing.T) {
	t.Parallel()
	for _, mode := range []fs.FileMode{0o644, 0o640, 0o600, 0o664, 0o444} {
		t.Run(mode.String(), func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "state.json")
			require.NoError(t, os.WriteFile(path, []byte("old"), 0o600))
			require.NoError(t, os.Chmod(path, mode)) // past the umask
			f := openT(t, path)
			require.NoError(t, f.Save([]byte("new")))
			st, err := os.Stat(path)
			require.NoError(t, err)
			require.Equal(t, mode, st.Mode().Perm())
			require.Equal(t, "new", readString(t, path))
		})
	}
	t.Run("new file", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		ref := filepath.Join(dir, "ref")
		r, err := os.OpenFile(ref, os.O_CREATE|os.O_WRONLY, 0o644) // the umask applies as to Save
		require.NoError(t, err)
		r.Close()
		want, err := os.Stat(ref)
		require.NoError(t, err)
		path := filepath.Join(dir, "state.json")
		require.NoError(t, openT(t, path).Save([]byte("new")))
		st, err := os.Stat(path)
		require.NoError(t, err)
		require.Equal(t, want.Mode().Perm(), st.Mode().Perm())
	})
}

// Saving through a symbolic link writes its target and leaves the link a link, for absolute,
// relative, chained and dangling links.
func TestSaveThroughSymlink(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir string) (link, target string)
	}{
		{"absolute", func(t *testing.T, dir string) (string, string) {
			target := filepath.Join(dir, "real", "state.json")
			require.NoError(t, os.WriteFile(target, []byte("old"), 0o640))
			link := filepath.Join(dir, "state.json")
			require.NoError(t, os.Symlink(target, link))
			return link, target
		}},
		{"relative", func(t *testing.T, dir string) (string, string) {
			target := filepath.Join(dir, "real", "state.json")
			require.NoError(t, os.WriteFile(target, []byte("old"), 0o640))
			link := filepath.Join(dir, "state.json")
			require.NoError(t, os.Symlink(filepath.Join("real", "state.json"), link))
			return link, target
		}},
		{"chain", func(t *testing.T, dir string) (string, string) {
			target := filepath.Join(dir, "real", "state.json")
			require.NoError(t, os.WriteFile(target, []byte("old"), 0o640))
			mid := filepath.Join(dir, "real", "mid.json")
			require.NoError(t, os.Symlink("state.json", mid))
			link := filepath.Join(dir, "state.json")
			require.NoError(t, os.Symlink(mid, link))
			return link, target
		}},
		{"dangling", func(t *testing.T, dir string) (string, string) {
			target := filepath.Join(dir, "real", "state.json")
			link := filepath.Join(dir, "state.json")
			require.NoError(t, os.Symlink(target, link))
			return link, target
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			require.NoError(t, os.Mkdir(filepath.Join(dir, "real"), 0o755))
			link, target := tc.setup(t, dir)
			before, statErr := os.Stat(target)
			f := openT(t, link)
			require.NoError(t, f.Save([]byte("new")))
			st, err := os.Lstat(link)
			require.NoError(t, err)
			require.NotZero(t, st.Mode()&fs.ModeSymlink, "the link was replaced by a regular file")
			require.Equal(t, "new", readString(t, target))
			if statErr == nil {
				after, err := os.Stat(target)
				require.NoError(t, err)
				require.Equal(t, before.Mode(), after.Mode())
			}
			_, err = os.Stat(target + ".lock")
			require.NoError(t, err, "the lock sits beside the target, so every name of the file shares it")
		})
	}
}

// A save that fails midway leaves the old file whole and no temporary file behind, and the
// next save is not skipped as unchanged.
func TestFailedSaveLeavesOldFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	f := openT(t, path)
	require.NoError(t, f.Save([]byte("old")))

	f.fsync = func(*os.File) error { return errors.New("disk full") }
	err := f.Save([]byte("new, half written"))
	require.ErrorContains(t, err, "disk full")
	require.Equal(t, "old", readString(t, path))
	requireFiles(t, dir, "state.json", "state.json.lock")

	f.fsync = (*os.File).Sync
	saved, err := f.SaveIfChanged([]byte("old"))
	require.NoError(t, err)
	require.True(t, saved, "after a failed save the file's content is not known")
}

func TestClosedFile(t *testing.T) {
	t.Parallel()
	f, err := Open(filepath.Join(t.TempDir(), "state.json"))
	require.NoError(t, err)
	require.NoError(t, f.Close())
	require.Error(t, f.Save([]byte("x")))
	_, _, err = f.Load()
	require.Error(t, err)
	require.Error(t, f.Announce("x"))
}
