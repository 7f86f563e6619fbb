//go:build unix

package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// site lays out a folder with a file, a named pipe, a link inside the
// folder, a link out of it and two links in a loop.
func site(t *testing.T) string {
	t.Helper()
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "content"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte("article"), 0o644))
	must(syscall.Mkfifo(filepath.Join(dir, "content", "pipe.css"), 0o644))
	must(os.Symlink("a.md", filepath.Join(dir, "content", "inside.md")))
	must(os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "content", "absolute.txt")))
	must(os.Symlink("../../"+filepath.Base(outside)+"/secret.txt", filepath.Join(dir, "content", "relative.txt")))
	must(os.Symlink("ping", filepath.Join(dir, "content", "pong")))
	must(os.Symlink("pong", filepath.Join(dir, "content", "ping")))
	return dir
}

// within fails the test when f takes more than a second: a named pipe
// opened for reading would block it forever.
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Fatal("still running after a second")
	}
}

func TestOpen(t *testing.T) {
	s, err := Open(site(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	for _, name := range []string{"content/a.md", "content/inside.md"} {
		b, err := fs.ReadFile(s, name)
		if err != nil || string(b) != "article" {
			t.Errorf("ReadFile(%s) = %q, %v; want the article", name, b, err)
		}
	}
	for _, name := range []string{"content/absolute.txt", "content/relative.txt"} {
		if b, err := fs.ReadFile(s, name); !errors.Is(err, ErrOutside) {
			t.Errorf("ReadFile(%s) = %q, %v; want ErrOutside", name, b, err)
		}
		if _, err := fs.Stat(s, name); !errors.Is(err, ErrOutside) {
			t.Errorf("Stat(%s): %v; want ErrOutside", name, err)
		}
		if f, err := s.Open(name); err == nil {
			f.Close()
			t.Errorf("Open(%s) succeeded; want an error for a link out of the site", name)
		}
	}
	within(t, func() {
		if _, err := s.Open("content/pipe.css"); !errors.Is(err, ErrNotRegular) {
			t.Errorf("Open of a named pipe: %v; want ErrNotRegular", err)
		}
		if _, err := fs.ReadFile(s, "content/pipe.css"); !errors.Is(err, ErrNotRegular) {
			t.Errorf("ReadFile of a named pipe: %v; want ErrNotRegular", err)
		}
	})
	if _, err := fs.ReadFile(s, "content/ping"); !errors.Is(err, syscall.ELOOP) {
		t.Errorf("ReadFile of a link loop: %v; want ELOOP", err)
	}
	// A folder still opens and lists, the pipe among its entries.
	entries, err := fs.ReadDir(s, "content")
	if err != nil || len(entries) != 7 {
		t.Errorf("ReadDir(content) = %d entries, %v; want 7", len(entries), err)
	}
	within(t, func() {
		err := fs.WalkDir(s, ".", func(p string, d fs.DirEntry, err error) error { return err })
		if err != nil {
			t.Errorf("WalkDir: %v", err)
		}
	})
}

// TestMoved renames and then removes an open site folder: Moved says so
// each time, and nothing before.
func TestMoved(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Moved(); err != nil {
		t.Fatalf("Moved() = %v before anything moved", err)
	}
	if err := os.Rename(dir, filepath.Join(parent, "elsewhere")); err != nil {
		t.Fatal(err)
	}
	if err := s.Moved(); !errors.Is(err, ErrMoved) {
		t.Errorf("Moved() after a rename = %v; want ErrMoved", err)
	}
	// Another folder takes the old name: still not the one opened.
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := s.Moved(); !errors.Is(err, ErrMoved) {
		t.Errorf("Moved() with another folder at the path = %v; want ErrMoved", err)
	}
}

// TestRemovedWorkingFolder removes the site folder that plotline runs
// in, opened as ".": "." still finds the removed folder, the one opened,
// so that Moved said nothing, and a watch run in its site folder went on
// after the folder was gone, saying at each change that "." was no site.
func TestRemovedWorkingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	s, err := Open(".")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Moved(); err != nil {
		t.Fatalf("Moved() = %v before anything moved", err)
	}
	if err := os.Remove(dir); err != nil {
		t.Fatal(err)
	}
	if err := s.Moved(); !errors.Is(err, ErrMoved) {
		t.Errorf("Moved() after the folder was removed = %v; want ErrMoved", err)
	}
}

// TestReadLink checks that a Site tells a symbolic link from its target,
// so that a build can record where its links lead.
func TestReadLink(t *testing.T) {
	s, err := Open(site(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fi, err := fs.Lstat(s.FS, "content/inside.md")
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("Lstat(content/inside.md) = %v, %v; want a symbolic link", fi, err)
	}
	if dest, err := fs.ReadLink(s.FS, "content/inside.md"); dest != "a.md" || err != nil {
		t.Errorf("ReadLink(content/inside.md) = %q, %v; want a.md", dest, err)
	}
	if fi, err := fs.Lstat(s.FS, "content/a.md"); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("Lstat(content/a.md) = %v, %v; want a regular file", fi, err)
	}
}

// TestNameNotUTF8 reads a file whose name is not valid UTF-8 (Latin-1's
// é): it cannot be read, and the error says why, where it was "cannot
// read: invalid argument", which the import noted at such a file.
func TestNameNotUTF8(t *testing.T) {
	dir := t.TempDir()
	name := "caf\xe9.md"
	if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, readErr := ReadFile(s, name, MaxFileSize)
	_, statErr := fs.Stat(s, name)
	for _, err := range []error{readErr, statErr} {
		const want = "cannot read: its name is not valid UTF-8, which a web address needs: rename it (it may be in Latin-1, from an old archive)"
		if got := DescribeReadError(err); !errors.Is(err, ErrNameNotUTF8) || got != want {
			t.Errorf("%v: described as %q; want %q", err, got, want)
		}
	}
}
