// Package sitefs opens a site folder for reading, and reads its files with
// a bound on their size (ReadFile). What it returns is
// confined to the folder: a symbolic link that leads out of it, or round
// in a loop, is an error when it is followed, not a way to read the rest
// of the disk. And it opens only folders and regular files: a named pipe,
// socket or device under the site is reported instead of opened, since
// opening a pipe with no writer would wait forever.
package sitefs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
	"unicode/utf8"
)

// ErrNotRegular is the error for a path that is neither a regular file nor
// a folder.
var ErrNotRegular = errors.New("is a named pipe, socket or device, not a regular file")

// ErrOutside is the error for a path that a symbolic link leads out of the
// site folder.
var ErrOutside = errors.New("it is a link that leads out of the site folder")

// ErrNameNotUTF8 is the error for a path that is not valid UTF-8, which
// fs.FS does not open: a name in Latin-1 from an old archive.
var ErrNameNotUTF8 = errors.New("its name is not valid UTF-8, which a web address needs: rename it (it may be in Latin-1, from an old archive)")

// Site is an open site folder. Close it when done.
type Site struct {
	dir  string
	root *os.Root
	fs.FS
}

// ErrMoved is the error of Moved.
var ErrMoved = errors.New("the site folder has been moved, renamed or removed")

// Moved reports, as an error wrapping ErrMoved, when the folder the Site
// reads is no longer the one at the path it was opened by: a program that
// writes beside it, by that path, would write somewhere else.
func (s *Site) Moved() error {
	if open, err := s.root.Stat("."); err == nil && !removed(open) {
		if now, err := os.Stat(s.dir); err == nil && os.SameFile(open, now) {
			return nil
		}
	}
	return fmt.Errorf("%s: %w", s.dir, ErrMoved)
}

// Open opens the folder dir.
func Open(dir string) (*Site, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	// os.Root reports a path that leads out of it with an error value os
	// does not export; its answer for ".." is that value.
	var escapes error
	if _, err := root.Stat(".."); err != nil {
		if pe, ok := errors.AsType[*fs.PathError](err); ok {
			escapes = pe.Err
		}
	}
	fsys := rootFS{root: root, FS: root.FS(), escapes: escapes}
	return &Site{dir: dir, root: root, FS: fsys}, nil
}

// Close releases the folder.
func (s *Site) Close() error { return s.root.Close() }

// rootFS reads a folder through its os.Root. It opens a path without
// waiting (O_NONBLOCK), so that a named pipe with no writer cannot block
// it, and then refuses anything that is neither a regular file nor a
// folder. That takes one system call more than a plain open, where
// checking the path before opening it would take two.
type rootFS struct {
	root *os.Root
	fs.FS
	escapes error // os.Root's error for a path that leads out of it
}

// explain replaces os.Root's terse "path escapes from parent" with what
// happened, in a writer's terms.
func (r rootFS) explain(op, name string, err error) error {
	if r.escapes != nil && errors.Is(err, r.escapes) {
		return &fs.PathError{Op: op, Path: name, Err: ErrOutside}
	}
	return err
}

func (r rootFS) Open(name string) (fs.File, error) {
	if !utf8.ValidString(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrNameNotUTF8}
	}
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := r.root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, r.explain("open", name, err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !info.IsDir() && !info.Mode().IsRegular() {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	return f, nil
}

// ReadFile reads name whole through Open, so that the checks of Open hold.
func (r rootFS) ReadFile(name string) ([]byte, error) {
	f, err := r.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// OpensWithoutBlocking reports true: Open refuses a named pipe or device
// without waiting, so a reader need not look at a path before opening it.
func (r rootFS) OpensWithoutBlocking() bool { return true }

// Stat and ReadDir open nothing, so they go straight to the root's own.

func (r rootFS) Stat(name string) (fs.FileInfo, error) {
	if !utf8.ValidString(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: ErrNameNotUTF8}
	}
	info, err := fs.Stat(r.FS, name)
	return info, r.explain("stat", name, err)
}

func (r rootFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(r.FS, name) }

// ReadLink and Lstat make the folder an fs.ReadLinkFS, so that a build can
// tell which of its files are symbolic links and where they lead.

func (r rootFS) ReadLink(name string) (string, error) { return fs.ReadLink(r.FS, name) }

func (r rootFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(r.FS, name) }
