// Package overlay stacks file systems: a file is read from the first layer
// that has it, and a folder lists the union of its entries in every layer.
// plotline uses it to lay a site folder over the embedded default templates
// and theme, so a site overrides them file by file.
package overlay

import (
	"embed"
	"errors"
	"io"
	"io/fs"
	"slices"
	"strings"
)

// FS is a stack of file systems, the first on top.
type FS struct {
	layers []fs.FS
}

// New returns the layers stacked, the first on top.
func New(layers ...fs.FS) *FS { return &FS{layers: layers} }

// OpensWithoutBlocking reports whether no layer's Open can wait, on a
// named pipe say: every layer is held in memory (embed.FS) or says so of
// itself with a method of this name.
func (o *FS) OpensWithoutBlocking() bool {
	for _, l := range o.layers {
		switch l := l.(type) {
		case embed.FS:
		case interface{ OpensWithoutBlocking() bool }:
			if !l.OpensWithoutBlocking() {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// fromFirst returns what get gives for name in the first layer that has
// it. A layer's error other than "does not exist" is returned as it is, and
// the layers below are not asked: a site's own file that cannot be read
// (no permission, a link out of the folder) is an error, not a reason to
// use the default of the same name in its place.
func fromFirst[T any](o *FS, op, name string, get func(fs.FS) (T, error)) (T, error) {
	var zero T
	if !fs.ValidPath(name) {
		return zero, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	for _, l := range o.layers {
		v, err := get(l)
		if err == nil {
			return v, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return zero, err
		}
	}
	return zero, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
}

// Open opens name from the first layer that has it. A folder lists the
// union of its entries in every layer.
func (o *FS) Open(name string) (fs.File, error) {
	return fromFirst(o, "open", name, func(l fs.FS) (fs.File, error) {
		f, err := l.Open(name)
		if err != nil {
			return nil, err
		}
		if st, err := f.Stat(); err == nil && st.IsDir() {
			entries, err := o.ReadDir(name)
			if err != nil {
				f.Close()
				return nil, err
			}
			return &dir{File: f, entries: entries}, nil
		}
		return f, nil
	})
}

// ReadFile reads name from the first layer that has it.
func (o *FS) ReadFile(name string) ([]byte, error) {
	return fromFirst(o, "read", name, func(l fs.FS) ([]byte, error) { return fs.ReadFile(l, name) })
}

// Stat describes name as the first layer that has it holds it. Without
// it, fs.Stat would open and close the file to learn the same.
func (o *FS) Stat(name string) (fs.FileInfo, error) {
	return fromFirst(o, "stat", name, func(l fs.FS) (fs.FileInfo, error) { return fs.Stat(l, name) })
}

// ReadLink returns the destination of the symbolic link name in the first
// layer that has name; see fs.ReadLink.
func (o *FS) ReadLink(name string) (string, error) {
	return fromFirst(o, "readlink", name, func(l fs.FS) (string, error) { return fs.ReadLink(l, name) })
}

// Lstat describes name as the first layer that has it holds it, a
// symbolic link as itself where the layer can tell (see fs.Lstat).
func (o *FS) Lstat(name string) (fs.FileInfo, error) {
	return fromFirst(o, "lstat", name, func(l fs.FS) (fs.FileInfo, error) { return fs.Lstat(l, name) })
}

// ReadDir lists name across all layers; an entry of an upper layer hides
// the entry of the same name below it.
func (o *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]bool{}
	var out []fs.DirEntry
	found := false
	for _, l := range o.layers {
		es, err := fs.ReadDir(l, name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, err
		}
		found = true
		for _, e := range es {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// Sub returns the layers' name folders stacked the same way.
func (o *FS) Sub(dir string) (fs.FS, error) {
	var subs []fs.FS
	for _, l := range o.layers {
		s, err := fs.Sub(l, dir)
		if err != nil {
			return nil, err
		}
		subs = append(subs, s)
	}
	return New(subs...), nil
}

// dir is an open folder listing the entries of every layer.
type dir struct {
	fs.File
	entries []fs.DirEntry
	off     int
}

// ReadDir implements fs.ReadDirFile.
func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(rest))
	d.off += n
	return rest[:n], nil
}
