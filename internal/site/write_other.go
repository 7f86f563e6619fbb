//go:build !linux

package site

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// root would hold an output's temporary folder open; here files are made
// by their full paths and it holds nothing.
type root struct{}

// openRoot returns an empty root.
func openRoot(string) (*root, error) { return &root{}, nil }

// close does nothing.
func (*root) close() error { return nil }

// mkdir makes the folder of the file at sitePath, once.
func (o *output) mkdir(sitePath string) error {
	return o.mkdirOf(o.path(sitePath))
}

// mkdirOf makes the folder of a file once.
func (o *output) mkdirOf(file string) error {
	d := filepath.Dir(file)
	if _, ok := o.dirs.Load(d); ok {
		return nil
	}
	// A page's folder is new and its parent nearly always made already,
	// so one mkdir usually does, where MkdirAll would stat first.
	if err := os.Mkdir(d, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	o.dirs.Store(d, true)
	return nil
}

// write writes data at sitePath. It records no stamp: the build cache
// looks the file up once the output is committed.
func (o *output) write(sitePath string, data []byte) error {
	p := o.path(sitePath)
	if err := o.mkdirOf(p); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}
