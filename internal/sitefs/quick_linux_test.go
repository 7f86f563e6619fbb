package sitefs

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// TestTryReadFile reads through the openat2 way directly: what it reads
// must be the file, and whatever it cannot read the ordinary way's errors
// must describe, so it must report false for it, and promptly.
func TestTryReadFile(t *testing.T) {
	dir := site(t)
	deep := filepath.Join(dir, "content", "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(deep, "d.md"), []byte("deep"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.quick == nil {
		t.Fatal("Open set up no quick reader")
	}
	r := s.FS.(rootFS)

	for name, want := range map[string]string{
		"content/a.md":       "article",
		"content/a/b/c/d.md": "deep",
	} {
		if b, ok := r.TryReadFile(name, 100); !ok || string(b) != want {
			t.Errorf("TryReadFile(%s) = %q, %v; want %q, true", name, b, ok, want)
		}
	}
	within(t, func() {
		for _, name := range []string{
			"content/pipe.css",     // a named pipe: os.Root refuses it
			"content/inside.md",    // a link: os.Root follows it by its rules
			"content/absolute.txt", // links out of the folder
			"content/relative.txt",
			"content/ping", // a loop
			"content",      // a folder
			"content/nope.md",
			"../" + filepath.Base(dir) + "/content/a.md", // not valid paths
			"/etc/passwd",
			"content/a/../a.md",
			"content/./a.md",
			"",
		} {
			if b, ok := r.TryReadFile(name, 100); ok {
				t.Errorf("TryReadFile(%q) = %q, true; want false", name, b)
			}
		}
	})
}

// TestTryReadFileLimit reads a file of exactly the limit and one over it:
// one whose size is known to be more than the limit is not read.
func TestTryReadFileLimit(t *testing.T) {
	s, err := Open(site(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := s.FS.(rootFS)
	if b, ok := r.TryReadFile("content/a.md", 7); !ok || string(b) != "article" {
		t.Errorf("TryReadFile(a.md, 7) = %q, %v; want the 7 bytes", b, ok)
	}
	if b, ok := r.TryReadFile("content/a.md", 6); ok {
		t.Errorf("TryReadFile(a.md, 6) = %q, true; want false for a file over the limit", b)
	}
}

// TestTryReadFileClosed reads after Close, which must neither succeed nor
// use a descriptor that may by now be another file's.
func TestTryReadFileClosed(t *testing.T) {
	s, err := Open(site(t))
	if err != nil {
		t.Fatal(err)
	}
	r := s.FS.(rootFS)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if b, ok := r.TryReadFile("content/a.md", 100); ok {
		t.Errorf("TryReadFile after Close = %q, true; want false", b)
	}
}

// TestTryReadFileOff checks that the quick way, once turned off (by a
// kernel without openat2), reads nothing.
func TestTryReadFileOff(t *testing.T) {
	s, err := Open(site(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.quick.off.Store(true)
	if b, ok := s.FS.(rootFS).TryReadFile("content/a.md", 100); ok {
		t.Errorf("TryReadFile with openat2 off = %q, true; want false", b)
	}
}

// TestReadFd reads files whose size fstat got wrong, or that grew after
// it: the buffer grows, and no more than limit+1 bytes are read.
func TestReadFd(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789"), 100)
	file := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		size, limit int64
		want        int
	}{
		{size: 1000, limit: 1000, want: 1000},
		{size: 0, limit: 5000, want: 1000},    // a size of 0, as /proc gives
		{size: 10, limit: 5000, want: 1000},   // a file that grew
		{size: 0, limit: 100, want: 101},      // more than the limit: limit+1
		{size: 999, limit: 999, want: 1000},   // one byte over
		{size: 2000, limit: 3000, want: 1000}, // a file that shrank
	} {
		fd, err := unix.Open(file, unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != nil {
			t.Fatal(err)
		}
		b, ok := readFd(fd, tc.size, tc.limit)
		unix.Close(fd)
		if !ok || len(b) != tc.want || !bytes.Equal(b, data[:tc.want]) {
			t.Errorf("readFd(size %d, limit %d) = %d bytes, %v; want the first %d bytes, true", tc.size, tc.limit, len(b), ok, tc.want)
		}
	}
}
