package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// folders makes folders below a root, which is there, each once and its
// parents first, so that each folder costs one mkdir, where MkdirAll
// after a failed Mkdir would stat each of them again; and it remembers
// those it made, so that they can be removed again. It is safe for
// concurrent use.
type folders struct {
	root string
	seen sync.Map // the folders known to be there
	mu   sync.Mutex
	made []string
}

// mkdirAll makes the folder d and those above it, up to the root.
func (f *folders) mkdirAll(d string) error {
	if _, ok := f.seen.Load(d); ok || len(d) <= len(f.root) {
		return nil
	}
	if err := f.mkdirAll(filepath.Dir(d)); err != nil {
		return err
	}
	switch err := os.Mkdir(d, 0o755); {
	case err == nil:
		f.mu.Lock()
		f.made = append(f.made, d)
		f.mu.Unlock()
	case !errors.Is(err, fs.ErrExist):
		return err
	default: // there before, or made meanwhile by another worker
		if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
			return &fs.PathError{Op: "mkdir", Path: d, Err: errors.New("a file is in the way")}
		}
	}
	f.seen.Store(d, true)
	return nil
}

// removeAll removes the folders made, the deepest first, where they are
// empty.
func (f *folders) removeAll() {
	f.mu.Lock()
	defer f.mu.Unlock()
	slices.SortFunc(f.made, func(a, b string) int { return len(b) - len(a) })
	for _, d := range f.made {
		os.Remove(d)
	}
}

// write writes data at the site key k. It records no stamp: FileStamp
// looks the file up once the output is committed.
func (t *Tx) write(k string, data []byte) error {
	p := t.path(k)
	if err := t.dirs.mkdirAll(filepath.Dir(p)); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// createFile writes data to a new file at name, which must not be there;
// one left by a process that died with this one's id (the names of
// temporary files hold it) is taken over.
func createFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		os.Remove(name)
		f, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC|os.O_EXCL, 0o644)
	}
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	if err := errors.Join(werr, f.Close()); err != nil {
		os.Remove(name)
		return err
	}
	return nil
}

// tempName names the n-th temporary file of the process pid beside file:
// no two writers of one build or of two share it.
func tempName(file string, pid, n int) string {
	return filepath.Join(filepath.Dir(file), fmt.Sprintf(".plotline-write-%d-%d", pid, n))
}

// undoable is one step of a patch put in place, with how to take it back
// and what to remove once the whole patch is in.
type undoable struct {
	undo  func() error
	spare string // a file to remove once the patch stands: a temporary or the old copy
}

// install puts the written temporary file tmp in the place of file.
//
// Over a file that is there, the two are exchanged, rather than the new
// renamed over it: ext4 writes a file out to disk before a rename
// replaces another with it (its auto_da_alloc guard), which made a
// rebuild after a new article wait for hundreds of writes. An exchange is
// as atomic for a reader, and leaves the old file at tmp, whence it can
// be put back. Without an exchange the old file is renamed aside first.
// Where there is no file yet, it is a rename. A folder in the file's
// place is an error: it is not swapped out.
func install(tmp, file string) (undoable, error) {
	fi, err := os.Lstat(file)
	switch {
	case err == nil && fi.Mode().IsRegular():
		if err := exchange(tmp, file); err == nil {
			return undoable{undo: func() error { return exchange(tmp, file) }, spare: tmp}, nil
		}
		old := tmp + "-old"
		if err := os.Rename(file, old); err != nil {
			return undoable{}, err
		}
		if err := os.Rename(tmp, file); err != nil {
			os.Rename(old, file)
			return undoable{}, err
		}
		return undoable{undo: func() error { return errors.Join(os.Rename(file, tmp), os.Rename(old, file)) }, spare: old}, nil
	case err == nil:
		return undoable{}, &fs.PathError{Op: "replace", Path: file, Err: errors.New("a folder or special file is in the way")}
	}
	if err := os.Rename(tmp, file); err != nil {
		return undoable{}, err
	}
	return undoable{undo: func() error { return os.Rename(file, tmp) }, spare: tmp}, nil
}

// removeAside takes file out of the output by renaming it to aside, whence
// it can be put back; a file that is not there needs nothing.
func removeAside(file, aside string) (undoable, bool, error) {
	if err := os.Rename(file, aside); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return undoable{}, false, nil
		}
		return undoable{}, false, err
	}
	return undoable{undo: func() error { return os.Rename(aside, file) }, spare: aside}, true, nil
}
