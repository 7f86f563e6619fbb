package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// mkdirAt makes the folder at the site key d, once.
func (t *Tx) mkdirAt(d string) error {
	return t.mkdir(t.path(d))
}

// mkdirOf makes the folder of a file once.
func (t *Tx) mkdirOf(file string) error {
	return t.mkdir(filepath.Dir(file))
}

// mkdir makes the folder d once, its parents first, so that each folder
// of the output costs one mkdir, where MkdirAll after a failed Mkdir
// would stat each of them again.
func (t *Tx) mkdir(d string) error {
	if _, ok := t.dirs.Load(d); ok || d == t.dir || len(d) <= len(t.dir) {
		return nil
	}
	if parent := filepath.Dir(d); parent != d {
		if err := t.mkdir(parent); err != nil {
			return err
		}
	}
	if err := os.Mkdir(d, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	t.dirs.Store(d, true)
	return nil
}

// write writes data at the site key k. It records no stamp: FileStamp
// looks the file up once the output is committed.
func (t *Tx) write(k string, data []byte) error {
	p := t.path(k)
	if err := t.mkdirOf(p); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// replaceFile makes file hold data, replacing it whole: it writes a
// temporary file beside it, named with the process id pid and n so that
// no two writers of one build or of two share it, and puts it in the old
// one's place in one step.
func replaceFile(file string, pid, n int, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp := filepath.Join(filepath.Dir(file), fmt.Sprintf(".plotline-write-%d-%d", pid, n))
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		// Left by a process that died with this one's id: it is ours now.
		os.Remove(tmp)
		f, err = os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC|os.O_EXCL, 0o644)
	}
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	if err := errors.Join(werr, f.Close()); err != nil {
		os.Remove(tmp)
		return err
	}
	// Over a file that is there, the two are exchanged and the old one
	// removed, rather than the new renamed over it: ext4 writes a file
	// out to disk before a rename replaces another with it (its
	// auto_da_alloc guard), which made a rebuild after a new article
	// wait for hundreds of writes. An exchange is as atomic for a reader.
	// Where there is no file yet (or a folder), or no exchange, it is a
	// rename.
	if fi, err := os.Lstat(file); err == nil && fi.Mode().IsRegular() {
		if err := exchange(tmp, file); err == nil {
			return os.Remove(tmp)
		}
	}
	if err := os.Rename(tmp, file); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
