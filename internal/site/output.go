package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
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
// Where the system allows, it also remembers the stamp of every file it
// wrote, so that the build cache need not look each file up again.
type output struct {
	dest string     // the destination folder, "…/public"
	dir  string     // the temporary folder being written
	root *root      // dir, held open while the output is written
	dirs sync.Map   // folders made, by the key mkdir gives them
	mu   sync.Mutex // guards stamps and links
	// stamps holds the stamp of each file written, by siteKey, when the
	// build keeps a cache (nil otherwise); a negative size marks a file
	// written more than once, whose stamp is not known.
	stamps map[string]fileStamp
	// links holds the files to take from the previous output, by siteKey,
	// with their stamps there.
	links map[string]fileStamp
}

// newOutput prepares a build's temporary folder. It first tidies what an
// interrupted build may have left: a destination swapped out but never
// swapped back is restored, and stale temporary folders are removed.
// When stamped is set, the output records the stamp of each file it
// writes, for the build cache.
func newOutput(dest string, stamped bool) (*output, error) {
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
	r, err := openRoot(dir)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	o := &output{dest: dest, dir: dir, root: r, links: map[string]fileStamp{}}
	if stamped {
		o.stamps = map[string]fileStamp{}
	}
	return o, nil
}

// path returns the file path of a site path such as "articles/x/index.html".
func (o *output) path(sitePath string) string {
	return filepath.Join(o.dir, filepath.FromSlash(sitePath))
}

// siteKey returns sitePath cleaned and relative to the output folder, as
// filepath.Join joins it to the folder: "/a//b/./c" is "a/b/c", and "" is
// ".".
func siteKey(sitePath string) string {
	if k := path.Clean("/" + sitePath)[1:]; k != "" {
		return k
	}
	return "."
}

// WriteFile writes data at a site path.
func (o *output) WriteFile(sitePath string, data []byte) error {
	if strings.Contains(sitePath, "..") {
		return fmt.Errorf("refusing to write outside the output: %q", sitePath)
	}
	return o.write(sitePath, data)
}

// record remembers the stamp of the file whose siteKey is k. A file
// recorded twice may have been written by two workers at once; which
// write's stamp it ends with is not known, so it is given none.
func (o *output) record(k string, st fileStamp) {
	if o.stamps == nil {
		return
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if _, dup := o.stamps[k]; dup {
		st = fileStamp{Size: -1}
	}
	o.stamps[k] = st
}

// stamp returns the recorded stamp of the file at sitePath, if there is one.
func (o *output) stamp(sitePath string) (fileStamp, bool) {
	k := siteKey(sitePath)
	o.mu.Lock()
	defer o.mu.Unlock()
	if st, ok := o.links[k]; ok {
		return st, true
	}
	st, ok := o.stamps[k]
	return st, ok && st.Size >= 0
}

// forgetWritten drops the stamps of the files written, for a build that
// leaves the previous output in place: the files that count are those
// there, not the ones written beside it.
func (o *output) forgetWritten() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.stamps != nil {
		o.stamps = map[string]fileStamp{}
	}
}

// linkLater notes that the file at sitePath, as the previous output holds
// it with the stamp st, belongs in this output too; makeLinks links it in.
func (o *output) linkLater(sitePath string, st fileStamp) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.links[siteKey(sitePath)] = st
}

// makeLinks hard-links the files noted by linkLater from the previous
// output into this one, with as many workers as there are cores.
func (o *output) makeLinks() error {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for k := range o.links {
		g.Go(func() error {
			if err := o.mkdir(k); err != nil {
				return err
			}
			old := filepath.Join(o.dest, filepath.FromSlash(k))
			if err := os.Link(old, o.path(k)); err != nil {
				return fmt.Errorf("taking an unchanged file from the previous output: %w", err)
			}
			return nil
		})
	}
	return g.Wait()
}

// sameAsPrevious reports whether the previous output holds data at
// sitePath, as a regular file.
func (o *output) sameAsPrevious(sitePath string, data []byte) bool {
	p := filepath.Join(o.dest, filepath.FromSlash(sitePath))
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return false
	}
	old, err := os.ReadFile(p)
	return err == nil && bytes.Equal(old, data)
}

// closeRoot closes the folder held open for writing; it is safe to call
// more than once. Nothing was written through the folder's descriptor
// itself, so an error closing it loses nothing and is ignored.
func (o *output) closeRoot() {
	_ = o.root.close()
}

// commit swaps the finished folder in place of the destination. Where the
// system can exchange two folders in one step it does; otherwise the
// previous output is renamed aside first, and a build killed between the
// two renames is repaired by the next newOutput.
func (o *output) commit() error {
	o.closeRoot()
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
func (o *output) discard() {
	o.closeRoot()
	os.RemoveAll(o.dir)
}
