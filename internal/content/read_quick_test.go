package content

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// quickFS reads every file in one step as the text it holds, and its
// Open serves the files of MapFS.
type quickFS struct {
	fstest.MapFS
	text string
	ok   bool
}

func (q quickFS) TryReadFile(name string, limit int64) ([]byte, bool) {
	return []byte(q.text), q.ok
}

// TestReadFileQuick checks that ReadFile reads through a file system's
// TryReadFile first, holds what it reads to the limit, and reads through
// Open when TryReadFile cannot say.
func TestReadFileQuick(t *testing.T) {
	files := fstest.MapFS{"content/a.md": {Data: []byte("opened")}}
	for _, tc := range []struct {
		name string
		fsys quickFS
		want string
		size int64 // of the TooLargeError, if one is wanted
	}{
		{"read in one step", quickFS{files, "quick", true}, "quick", 0},
		{"exactly the limit", quickFS{files, strings.Repeat("x", 10), true}, strings.Repeat("x", 10), 0},
		{"a file that grew past the limit", quickFS{files, strings.Repeat("x", 11), true}, "", 11},
		{"not in one step", quickFS{files, "", false}, "opened", 0},
	} {
		b, err := ReadFile(tc.fsys, "content/a.md", 10)
		var tl *TooLargeError
		switch {
		case tc.size > 0:
			if !errors.As(err, &tl) || tl.Size != tc.size || tl.Limit != 10 {
				t.Errorf("%s: ReadFile = %q, %v; want a TooLargeError of %d bytes", tc.name, b, err, tc.size)
			}
		case err != nil || string(b) != tc.want:
			t.Errorf("%s: ReadFile = %q, %v; want %q", tc.name, b, err, tc.want)
		}
	}
}

// plainFS hides the TryReadFile of the file system it holds, so that
// ReadFile reads through Open, as it did before there was TryReadFile.
type plainFS struct{ fs.FS }

func (p plainFS) OpensWithoutBlocking() bool {
	nb, ok := p.FS.(interface{ OpensWithoutBlocking() bool })
	return ok && nb.OpensWithoutBlocking()
}
