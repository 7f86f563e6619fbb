//go:build unix

package sitefs

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/plotline/plotline/internal/overlay"
)

// defaultsFS stands for the embedded defaults: files in memory, whose
// Open cannot wait.
type defaultsFS struct{ fstest.MapFS }

func (defaultsFS) OpensWithoutBlocking() bool { return true }

// readSite lays out a site folder with a file of every kind ReadFile
// meets, and a folder outside it that links lead to.
func readSite(t *testing.T) string {
	t.Helper()
	outside := t.TempDir()
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	c := filepath.Join(dir, "content")
	must(os.MkdirAll(filepath.Join(c, "deep", "er"), 0o755))
	must(os.MkdirAll(filepath.Join(dir, "theme"), 0o755))
	must(os.WriteFile(filepath.Join(outside, "secret.md"), []byte("secret"), 0o644))
	must(os.WriteFile(filepath.Join(c, "a.md"), []byte("article"), 0o644))
	must(os.WriteFile(filepath.Join(c, "empty.md"), nil, 0o644))
	must(os.WriteFile(filepath.Join(c, "deep", "er", "b.md"), []byte("deeper"), 0o644))
	must(os.WriteFile(filepath.Join(c, "limit.md"), bytes.Repeat([]byte("x"), 100), 0o644))
	must(os.WriteFile(filepath.Join(c, "big.md"), bytes.Repeat([]byte("x"), 250), 0o644))
	must(syscall.Mkfifo(filepath.Join(c, "pipe.md"), 0o644))
	must(os.Symlink("a.md", filepath.Join(c, "inside.md")))
	must(os.Symlink("deep/er/b.md", filepath.Join(c, "down.md")))
	must(os.Symlink("deep", filepath.Join(c, "linked")))
	must(os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(c, "absolute.md")))
	must(os.Symlink("../../"+filepath.Base(outside)+"/secret.md", filepath.Join(c, "relative.md")))
	must(os.Symlink("pong.md", filepath.Join(c, "ping.md")))
	must(os.Symlink("ping.md", filepath.Join(c, "pong.md")))
	must(os.Symlink("nowhere.md", filepath.Join(c, "gone.md")))
	must(os.WriteFile(filepath.Join(dir, "theme", "site.css"), []byte("site css"), 0o644))
	must(syscall.Mkfifo(filepath.Join(dir, "theme", "pipe.css"), 0o644))
	return dir
}

// TestReadFileSiteFolder reads a site folder's files through sitefs, on
// its own and under an overlay, and expects the right answer, or the
// right error, for each.
func TestReadFileSiteFolder(t *testing.T) {
	s, err := Open(readSite(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	defaults := defaultsFS{fstest.MapFS{
		"theme/site.css":   {Data: []byte("default css")},
		"theme/base.css":   {Data: []byte("default base")},
		"theme/pipe.css":   {Data: []byte("default pipe")},
		"content/gone.md":  {Data: []byte("default gone")},
		"content/other.md": {Data: []byte("default other")},
	}}
	for _, fsys := range []struct {
		name string
		fs.FS
	}{
		{"sitefs", s.FS},
		{"overlay", overlay.New(s.FS, defaults)},
	} {
		for _, tc := range []struct {
			path string
			want string // the bytes read, if no error is wanted
			err  error  // what the error must be, if one is wanted
			size int64  // or the size a TooLargeError must give
		}{
			{path: "content/a.md", want: "article"},
			{path: "content/empty.md", want: ""},
			{path: "content/deep/er/b.md", want: "deeper"},
			{path: "content/limit.md", want: string(bytes.Repeat([]byte("x"), 100))},
			{path: "content/inside.md", want: "article"},
			{path: "content/down.md", want: "deeper"},
			{path: "content/linked/er/b.md", want: "deeper"},
			{path: "content/big.md", size: 250},
			{path: "content/pipe.md", err: ErrNotRegular},
			{path: "content/absolute.md", err: ErrOutside},
			{path: "content/relative.md", err: ErrOutside},
			{path: "content/ping.md", err: syscall.ELOOP},
			{path: "content/deep", err: ErrIsFolder},
			{path: "content/nope.md", err: fs.ErrNotExist},
			{path: "../content/a.md", err: fs.ErrInvalid},
			{path: "content/./a.md", err: fs.ErrInvalid},
		} {
			checkRead(t, fsys.name, fsys.FS, tc.path, tc.want, tc.err, tc.size)
		}
		if fsys.name != "overlay" {
			continue
		}
		// A site file is read in place of the default; a default is read
		// where the site has no file; a site file that cannot be read is
		// an error, not a reason to read the default.
		checkRead(t, fsys.name, fsys.FS, "theme/site.css", "site css", nil, 0)
		checkRead(t, fsys.name, fsys.FS, "theme/base.css", "default base", nil, 0)
		checkRead(t, fsys.name, fsys.FS, "content/other.md", "default other", nil, 0)
		checkRead(t, fsys.name, fsys.FS, "theme/pipe.css", "", ErrNotRegular, 0)
		checkRead(t, fsys.name, fsys.FS, "content/gone.md", "default gone", nil, 0)
	}
}

// checkRead reads path through fsys and wants want, or an error that is
// err, or a TooLargeError of size bytes.
func checkRead(t *testing.T, name string, fsys fs.FS, path, want string, err error, size int64) {
	t.Helper()
	var got []byte
	var gotErr error
	within(t, func() { got, gotErr = ReadFile(fsys, path, 100) })
	var tl *TooLargeError
	switch {
	case size > 0:
		if !errors.As(gotErr, &tl) || tl.Size != size || tl.Limit != 100 {
			t.Errorf("%s: ReadFile(%s) = %q, %v; want a TooLargeError of %d bytes", name, path, got, gotErr, size)
		}
	case err != nil:
		if !errors.Is(gotErr, err) {
			t.Errorf("%s: ReadFile(%s) = %q, %v; want the error %q", name, path, got, gotErr, err)
		}
	case gotErr != nil || string(got) != want:
		t.Errorf("%s: ReadFile(%s) = %q, %v; want %q", name, path, got, gotErr, want)
	}
}
