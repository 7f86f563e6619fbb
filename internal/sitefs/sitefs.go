// Package sitefs opens a site folder for reading. What it returns is
// confined to the folder: a symbolic link that leads out of it, or round
// in a loop, is an error when it is followed, not a way to read the rest
// of the disk. And it opens only folders and regular files: a named pipe,
// socket or device under the site is reported instead of opened, since
// opening a pipe with no writer would wait forever.
package sitefs

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// ErrNotRegular is the error for a path that is neither a regular file nor
// a folder.
var ErrNotRegular = errors.New("is a named pipe, socket or device, not a regular file")

// ErrOutside is the error for a path that a symbolic link leads out of the
// site folder.
var ErrOutside = errors.New("it is a link that leads out of the site folder")

// Site is an open site folder. Close it when done.
type Site struct {
	root  *os.Root
	quick *quickDir // nil where the folder cannot be read the quick way
	fs.FS
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
		var pe *fs.PathError
		if errors.As(err, &pe) {
			escapes = pe.Err
		}
	}
	quick := openQuick(root)
	fsys := rootFS{root: root, FS: root.FS(), escapes: escapes, quick: quick}
	return &Site{root: root, quick: quick, FS: fsys}, nil
}

// Close releases the folder.
func (s *Site) Close() error { return errors.Join(s.quick.close(), s.root.Close()) }

// rootFS reads a folder through its os.Root. It opens a path without
// waiting (O_NONBLOCK), so that a named pipe with no writer cannot block
// it, and then refuses anything that is neither a regular file nor a
// folder. That takes one system call more than a plain open, where
// checking the path before opening it would take two.
type rootFS struct {
	root *os.Root
	fs.FS
	escapes error     // os.Root's error for a path that leads out of it
	quick   *quickDir // reads a regular file in fewer system calls, or nil
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

func (r rootFS) ReadFile(name string) ([]byte, error) { return readFile(r, name) }

// TryReadFile reads the regular file name whole when that can be done in
// a handful of system calls, and reports whether it did. It reads at most
// limit+1 bytes: a file that holds more than limit bytes yields limit+1 of
// them. It reports false, and reads nothing, for a file whose size is more
// than limit, and it reports false for every path it cannot read that way
// (one that does not exist, a folder, a named pipe, a symbolic link, a
// file it may not read, an operating system without the means): the
// caller then reads name through Open, which says what is wrong in the
// usual words. Like Open, it never waits on a named pipe or a device.
func (r rootFS) TryReadFile(name string, limit int64) ([]byte, bool) {
	if !fs.ValidPath(name) {
		return nil, false
	}
	return r.quick.readFile(name, limit)
}

// OpensWithoutBlocking reports true: Open refuses a named pipe or device
// without waiting, so a reader need not look at a path before opening it.
func (r rootFS) OpensWithoutBlocking() bool { return true }

// Stat and ReadDir open nothing, so they go straight to the root's own.

func (r rootFS) Stat(name string) (fs.FileInfo, error) {
	info, err := fs.Stat(r.FS, name)
	return info, r.explain("stat", name, err)
}

func (r rootFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(r.FS, name) }

// readFile reads name whole through fsys.Open, so the checks of Open hold.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}
