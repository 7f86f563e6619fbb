package sitefs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"unicode/utf8"
)

// MaxFileSize is the size in bytes of the largest article plotline reads:
// many times what any article needs, and small enough that a file put
// under content/ by mistake (a log, a data dump) is reported at once
// instead of taking the build's time and memory.
const MaxFileSize = 8 << 20

// MaxAssetSize is the size in bytes of the largest file other than an
// article that plotline copies into a site (an image, a download, a theme
// file): 100 MB, the most GitHub accepts in one file, so that a site that
// builds can also be pushed to GitHub Pages.
const MaxAssetSize = 100 << 20

// TooLargeError reports a file larger than the limit a reader was given.
type TooLargeError struct {
	Size  int64 // the file's size, or at least limit+1 when not known
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("file is %s, more than the %s plotline reads", megabytes(e.Size), megabytes(e.Limit))
}

// megabytes formats n bytes as "8 MB" or "50.3 MB" (MB of 2^20 bytes).
func megabytes(n int64) string {
	mb := float64(n) / (1 << 20)
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%.1f MB", mb)
}

// ReadFile reads the regular file name of fsys. A file larger than limit
// bytes is not read: ReadFile returns a *TooLargeError, having read at
// most limit+1 bytes of it. A folder, a named pipe or a device is an
// error too, and is not opened.
func ReadFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	// Opening a named pipe would wait for a writer forever: unless fsys
	// says its Open cannot wait (sitefs, which refuses such files), name
	// is looked at first.
	if nb, ok := fsys.(interface{ OpensWithoutBlocking() bool }); !ok || !nb.OpensWithoutBlocking() {
		info, err := fs.Stat(fsys, name)
		if err != nil {
			return nil, err
		}
		if err := checkRegular(name, info); err != nil {
			return nil, err
		}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := checkRegular(name, info); err != nil {
		return nil, err
	}
	if info.Size() > limit {
		return nil, &TooLargeError{Size: info.Size(), Limit: limit}
	}
	// The size may be unknown (0) or the file may grow while it is read;
	// a buffer of the size Stat gave (and one byte more, to see the end)
	// is read into without growing in the usual case.
	b, err := readAll(io.LimitReader(f, limit+1), info.Size()+1)
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, &TooLargeError{Size: int64(len(b)), Limit: limit}
	}
	return b, nil
}

// readAll reads r to its end into a buffer of capacity size to begin
// with, which it grows only when r holds more.
func readAll(r io.Reader, size int64) ([]byte, error) {
	b := make([]byte, 0, max(size, 512))
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// ErrIsFolder is the error of a read of a folder, or of a symbolic link
// that leads to one.
var ErrIsFolder = errors.New("is a folder")

// LinkToFolder is what a walk of a site folder says of a symbolic link
// that leads to a folder, which plotline does not follow.
const LinkToFolder = "is a link to a folder, and plotline does not follow links to folders (copy the folder, or link its files one by one)"

// checkRegular returns an error unless info describes a regular file.
func checkRegular(name string, info fs.FileInfo) error {
	switch {
	case info.IsDir():
		return &fs.PathError{Op: "read", Path: name, Err: ErrIsFolder}
	case !info.Mode().IsRegular():
		return &fs.PathError{Op: "read", Path: name, Err: ErrNotRegular}
	}
	return nil
}

// DescribeReadError describes an error of ReadFile, or of any read of a
// file, without the path a diagnostic already shows: "cannot read:
// permission denied" or "file is 120.0 MB, more than the 100 MB plotline
// reads".
func DescribeReadError(err error) string {
	if tl, ok := errors.AsType[*TooLargeError](err); ok {
		return tl.Error()
	}
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		err = pe.Err
	}
	return "cannot read: " + err.Error()
}

// FirstInvalidUTF8 returns the offset of the first byte of b that is not
// part of a UTF-8 character, or len(b) when b is all UTF-8: where a text
// file read whole stops being text.
func FirstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// UTF16 reports whether b looks like text in UTF-16, which Excel's
// "Unicode Text" and Notepad's "Unicode" save: it starts with UTF-16's
// byte-order mark, or its first characters are ASCII with a zero byte
// beside each, which UTF-8 would read as text with a NUL every other
// byte.
func UTF16(b []byte) bool {
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return true
	}
	n := min(len(b), 64) &^ 1
	if n < 4 {
		return false
	}
	le, be := true, true
	for i := 0; i < n; i += 2 {
		le = le && b[i] != 0 && b[i] < 0x80 && b[i+1] == 0
		be = be && b[i] == 0 && b[i+1] != 0 && b[i+1] < 0x80
	}
	return le || be
}
