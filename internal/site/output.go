package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// tempPrefix and oldPrefix name the folders a build makes beside its
// destination: the output being written, and the previous output while it
// is swapped out.
const (
	tempPrefix = ".plotline-tmp-"
	oldPrefix  = ".plotline-old-"
)

// output writes the files of one build into a temporary folder beside the
// destination. Only commit makes them visible, by renaming the folder.
type output struct {
	dest string // the destination folder, "…/public"
	dir  string // the temporary folder being written
	dirs sync.Map
}

// newOutput prepares a build's temporary folder. It first tidies what an
// interrupted build may have left: a destination swapped out but never
// swapped back is restored, and stale temporary folders are removed.
func newOutput(dest string) (*output, error) {
	dest = filepath.Clean(dest)
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	base := filepath.Base(dest)
	leftovers, _ := filepath.Glob(filepath.Join(parent, oldPrefix+base+"-*"))
	if _, err := os.Stat(dest); errors.Is(err, fs.ErrNotExist) && len(leftovers) > 0 {
		// A build was killed between its two renames: put the old site back.
		if err := os.Rename(leftovers[len(leftovers)-1], dest); err != nil {
			return nil, fmt.Errorf("restoring %s: %w", dest, err)
		}
		leftovers = leftovers[:len(leftovers)-1]
	}
	temps, _ := filepath.Glob(filepath.Join(parent, tempPrefix+base+"-*"))
	for _, d := range append(leftovers, temps...) {
		os.RemoveAll(d)
	}
	dir, err := os.MkdirTemp(parent, tempPrefix+base+"-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		return nil, err
	}
	return &output{dest: dest, dir: dir}, nil
}

// path returns the file path of a site path such as "articles/x/index.html".
func (o *output) path(sitePath string) string {
	return filepath.Join(o.dir, filepath.FromSlash(sitePath))
}

// mkdir makes the folder of a file once.
func (o *output) mkdir(file string) error {
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

// WriteFile writes data at a site path.
func (o *output) WriteFile(sitePath string, data []byte) error {
	if strings.Contains(sitePath, "..") {
		return fmt.Errorf("refusing to write outside the output: %q", sitePath)
	}
	p := o.path(sitePath)
	if err := o.mkdir(p); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// commit swaps the finished folder in place of the destination. Where the
// system can exchange two folders in one step it does; otherwise the
// previous output is renamed aside first, and a build killed between the
// two renames is repaired by the next newOutput.
func (o *output) commit() error {
	if _, err := os.Stat(o.dest); err != nil {
		if err := os.Rename(o.dir, o.dest); err != nil {
			return fmt.Errorf("moving the new output in place: %w", err)
		}
		return nil
	}
	if err := exchange(o.dir, o.dest); err == nil {
		// o.dir now holds the previous output.
		return os.RemoveAll(o.dir)
	}
	old := filepath.Join(filepath.Dir(o.dest), oldPrefix+filepath.Base(o.dest)+"-"+strings.TrimPrefix(filepath.Base(o.dir), tempPrefix+filepath.Base(o.dest)+"-"))
	if err := os.Rename(o.dest, old); err != nil {
		return fmt.Errorf("moving the previous output aside: %w", err)
	}
	if err := os.Rename(o.dir, o.dest); err != nil {
		os.Rename(old, o.dest)
		return fmt.Errorf("moving the new output in place: %w", err)
	}
	return os.RemoveAll(old)
}

// discard removes the temporary folder of a failed build.
func (o *output) discard() { os.RemoveAll(o.dir) }
