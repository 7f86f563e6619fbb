// Package sitefs opens a site folder for reading. What it returns is
// confined to the folder: a symbolic link that leads out of it, or round
// in a loop, is an error when it is followed, not a way to read the rest
// of the disk. And it opens only folders and regular files: a named pipe,
// socket or device under the site is reported instead of opened, since
// opening a pipe with no writer would wait forever.
package sitefs

import (
	"errors"
	"io/fs"
	"os"
)

// ErrNotRegular is the error for a path that is neither a regular file nor
// a folder.
var ErrNotRegular = errors.New("is not a regular file or a folder")

// Site is an open site folder. Close it when done.
type Site struct {
	root *os.Root
	fs.FS
}

// Open opens the folder dir.
func Open(dir string) (*Site, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &Site{root: root, FS: Guard(root.FS())}, nil
}

// Close releases the folder.
func (s *Site) Close() error { return s.root.Close() }

// Guard returns fsys with every open of a path that is neither a regular
// file nor a folder refused before it happens.
func Guard(fsys fs.FS) fs.FS { return guarded{fsys} }

// guarded is the file system Guard returns. It keeps the fast paths of the
// file system it wraps (ReadDir, Stat), whose results need no check.
type guarded struct{ fsys fs.FS }

func (g guarded) check(op, name string) error {
	info, err := fs.Stat(g.fsys, name)
	if err != nil {
		return err
	}
	if !info.IsDir() && !info.Mode().IsRegular() {
		return &fs.PathError{Op: op, Path: name, Err: ErrNotRegular}
	}
	return nil
}

func (g guarded) Open(name string) (fs.File, error) {
	if err := g.check("open", name); err != nil {
		return nil, err
	}
	return g.fsys.Open(name)
}

func (g guarded) ReadFile(name string) ([]byte, error) {
	if err := g.check("read", name); err != nil {
		return nil, err
	}
	return fs.ReadFile(g.fsys, name)
}

func (g guarded) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(g.fsys, name) }

func (g guarded) Stat(name string) (fs.FileInfo, error) { return fs.Stat(g.fsys, name) }
