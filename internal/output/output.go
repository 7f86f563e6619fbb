// Package output writes the files of a build into the output folder, and
// nothing else does. A build opens a transaction (Open) that holds the
// output's lock for as long as it runs, so that two builds never write one
// folder at once, whether in one process or two. The transaction writes
// in one of two ways:
//
//   - Replace, for a full build: every file goes into a temporary folder
//     beside the output, which takes the output's place at Commit, in one
//     step where the system allows. Files the build reuses from the
//     previous output are hard-linked in. A build whose every file is the
//     previous output's leaves that output as it is.
//   - Patch, for a rebuild that changes a few files: at Commit every
//     changed file is written beside its old self; once all are written,
//     each replaces its old self whole (renamed over it), and files the
//     build no longer makes are removed. A failure at any step puts back
//     what was done. A process stopped midway leaves a mark beside the
//     output (patchMark), and the next Replace writes the output whole
//     rather than keep it.
//
// Until Commit nothing is visible; a transaction closed without Commit
// leaves the output as it was. DryRun writes nothing at all.
package output

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	"golang.org/x/sync/errgroup"

	"github.com/plotline/plotline/internal/sitefs"
)

// tempPrefix and oldPrefix name the folders a build makes beside its
// destination: the output being written, and the previous output while it
// is swapped out.
const (
	tempPrefix = ".plotline-tmp-"
	oldPrefix  = ".plotline-old-"
	// patchPrefix names the mark a Patch's Commit leaves beside the
	// output while it changes files in place (see patchMark).
	patchPrefix = ".plotline-patching-"
)

// Mode is how a transaction writes.
type Mode int

const (
	// Replace writes a whole new output beside the old one and swaps it in.
	Replace Mode = iota
	// Patch replaces and removes single files of the output in place.
	Patch
	// DryRun writes nothing and takes no lock.
	DryRun
)

// Stamp identifies a file as a build wrote it: two files with the same
// stamp are taken to be the same file, untouched since.
type Stamp struct {
	Size    int64
	ModTime int64 // nanoseconds since 1970
}

// StampOf returns the stamp of the file fi describes.
func StampOf(fi fs.FileInfo) Stamp {
	return Stamp{Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
}

// Set fingerprints a set of site paths: two outputs that hold the same
// files have the same Set, whatever order they were written in.
type Set struct {
	Count int
	Sum   uint64 // of the paths' FNV-1a hashes
}

// Add counts sitePath in the set.
func (s *Set) Add(sitePath string) {
	h := fnv.New64a()
	h.Write([]byte(siteKey(sitePath)))
	s.Count++
	s.Sum += h.Sum64()
}

// Options configure a transaction.
type Options struct {
	Mode Mode
	// KeepEqual lets a Replace transaction leave the output in place
	// rather than swap in an equal copy of it: when its files are the
	// output's own, by the Set given to SetPrevious, and each is byte for
	// byte as the output holds it.
	KeepEqual bool
}

// Tx is one build's writes to an output folder. Its methods are safe for
// concurrent use.
type Tx struct {
	dest string
	opts Options

	// Replace: the temporary folder.
	dir     string
	release func()  // gives up the claim on dir (see claimFolder)
	dirs    folders // folders made in dir
	keep    atomic.Bool
	// patchStopped: the mark of a Patch that never finished was found.
	patchStopped bool

	mu       sync.Mutex
	set      Set
	previous *Set              // see SetPrevious
	links    map[string]Stamp  // Replace: files taken from the previous output
	patches  map[string][]byte // Patch: files to write at Commit
	removed  map[string]bool   // Patch: files to remove at Commit
	done     bool

	// leftovers are the folders beside the output this transaction could
	// not remove (see Leftovers).
	leftovers []Leftover

	// writeFile writes a new file of a Patch at Commit (createFile).
	// removeAll removes the previous output after a swap (os.RemoveAll).
	// swapStep renames or exchanges folders in swap (swapStep). Tests
	// set them to make a step fail.
	writeFile func(name string, data []byte) error
	removeAll func(path string) error
	swapStep  func(exchange bool, a, b string) error
}

// Lock takes the lock on the output folder dest (the folder it leads to,
// when dest is a symbolic link), waiting while another
// build holds it, until ctx is done; see lockOutput. Call unlock when the
// build is over.
func Lock(ctx context.Context, dest string, onWait func(pid int)) (unlock func(), err error) {
	dest, err = throughLink(dest)
	if err != nil {
		return nil, err
	}
	return lockOutput(ctx, dest, onWait)
}

// Begin starts a transaction on the output folder dest, whose lock the
// caller holds (see Lock) until the transaction is closed. When dest is a
// symbolic link, the transaction writes the folder it leads to, and the
// link stays as it is. A Replace
// transaction first tidies what builds that are gone left beside dest (see
// tidy) and makes its temporary folder. Close the transaction when the
// build is over, committed or not.
func Begin(dest string, opts Options) (*Tx, error) {
	dest, err := throughLink(dest)
	if err != nil {
		return nil, err
	}
	t := &Tx{dest: dest, opts: opts, writeFile: createFile, removeAll: os.RemoveAll, swapStep: swapStep}
	switch opts.Mode {
	case Patch:
		t.patches, t.removed = map[string][]byte{}, map[string]bool{}
	case Replace:
		t.links = map[string]Stamp{}
		if err := t.makeTemp(); err != nil {
			return nil, err
		}
		// A Patch that stopped midway (its process killed) may have
		// left the output part old, part new, with its temporary files
		// in it: the output is written whole, not kept, and the mark goes
		// once it is.
		_, err := os.Lstat(patchMark(t.dest))
		t.patchStopped = err == nil
		if opts.KeepEqual && !t.patchStopped {
			if _, err := os.Stat(t.dest); err == nil {
				// Until a file differs from the previous output's, that
				// output may stand as this build's.
				t.keep.Store(true)
			}
		}
	}
	return t, nil
}

// makeTemp prepares a Replace transaction's temporary folder, which it
// locks (see claimFolder) and names with the build's process id, so that
// the clean-up of another build can tell it from a leftover.
func (t *Tx) makeTemp() error {
	parent := filepath.Dir(t.dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	if mountPoint(t.dest) {
		return mountError(t.dest)
	}
	left, err := tidy(t.dest)
	if err != nil {
		return err
	}
	t.leftovers = append(t.leftovers, left...)
	dir, err := os.MkdirTemp(parent, fmt.Sprintf("%s%s-p%d-", tempPrefix, filepath.Base(t.dest), os.Getpid()))
	if err != nil {
		return err
	}
	release, err := claimFolder(dir)
	if err != nil {
		os.RemoveAll(dir)
		return err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		os.RemoveAll(dir)
		release()
		return err
	}
	t.dir, t.release = filepath.Clean(dir), release
	t.dirs.root = t.dir
	return nil
}

// Dest returns the output folder.
func (t *Tx) Dest() string { return t.dest }

// siteKey returns sitePath cleaned and relative to the output folder, as
// filepath.Join joins it to the folder: "/a//b/./c" is "a/b/c", and "" is
// ".".
func siteKey(sitePath string) string {
	return cmp.Or(path.Clean("/" + sitePath)[1:], ".")
}

// outside reports whether sitePath, a slash path, could name a file
// outside the output: it is absolute or names a volume, or one of its
// names, between slashes or backslashes (a separator on Windows), is
// "..", or only dots and spaces, which Windows may read as "..". Two dots
// inside a name, as in "c..d" or "fig..png", are part of it.
func outside(sitePath string) bool {
	if path.IsAbs(sitePath) || filepath.IsAbs(sitePath) || filepath.VolumeName(sitePath) != "" {
		return true
	}
	return slices.ContainsFunc(strings.FieldsFunc(sitePath, func(r rune) bool { return r == '/' || r == '\\' }), sitefs.DotsOnly)
}

// path returns the file path of a site key in the temporary folder.
func (t *Tx) path(k string) string {
	return filepath.Join(t.dir, filepath.FromSlash(k))
}

// destPath returns the file path of a site key in the output folder.
func (t *Tx) destPath(k string) string {
	return filepath.Join(t.dest, filepath.FromSlash(k))
}

// Write makes the file at sitePath (a slash path such as
// "articles/x/index.html") hold data in the new output. data may be
// reused once Write returns.
func (t *Tx) Write(sitePath string, data []byte) error {
	if outside(sitePath) {
		return fmt.Errorf("refusing to write outside the output: %q", sitePath)
	}
	k := siteKey(sitePath)
	switch t.opts.Mode {
	case DryRun:
		t.note(k)
		return nil
	case Patch:
		t.mu.Lock()
		t.patches[k] = bytes.Clone(data)
		delete(t.removed, k)
		t.mu.Unlock()
		return nil
	}
	t.mu.Lock()
	done := t.done
	t.mu.Unlock()
	if done {
		return &fs.PathError{Op: "write", Path: sitePath, Err: fs.ErrClosed}
	}
	t.note(k)
	if t.keep.Load() && !t.sameAsPrevious(k, data) {
		t.keep.Store(false)
	}
	return t.write(k, data)
}

// note counts the site key k in the new output's set.
func (t *Tx) note(k string) {
	t.mu.Lock()
	t.set.Add(k)
	t.mu.Unlock()
}

// Reuse takes the file at sitePath as the previous output holds it, with
// the stamp st, into the new output: a Replace transaction links it in at
// Commit; a Patch transaction leaves it where it is.
func (t *Tx) Reuse(sitePath string, st Stamp) {
	k := siteKey(sitePath)
	t.mu.Lock()
	defer t.mu.Unlock()
	t.set.Add(k)
	if t.links != nil {
		t.links[k] = st
	}
}

// Remove takes the file at sitePath out of the output at Commit (Patch).
// A Replace transaction's output holds only what was written or reused.
func (t *Tx) Remove(sitePath string) {
	k := siteKey(sitePath)
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.removed != nil {
		t.removed[k] = true
		delete(t.patches, k)
	}
}

// Unchanged reports whether the output holds the file at sitePath with
// the stamp st: as a previous build wrote it, untouched since.
func (t *Tx) Unchanged(sitePath string, st Stamp) bool {
	fi, err := os.Lstat(t.destPath(siteKey(sitePath)))
	return err == nil && fi.Mode().IsRegular() && StampOf(fi) == st
}

// SetPrevious gives the Set of the output as the previous build left it,
// for KeepEqual; without it the output is always replaced.
func (t *Tx) SetPrevious(s Set) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.previous = &s
}

// Set returns the set of files written and reused so far.
func (t *Tx) Set() Set {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.set
}

// sameAsPrevious reports whether the previous output holds data at the
// site key k, as a regular file.
func (t *Tx) sameAsPrevious(k string, data []byte) bool {
	p := t.destPath(k)
	fi, err := os.Lstat(p)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return false
	}
	old, err := os.ReadFile(p)
	return err == nil && bytes.Equal(old, data)
}

// FileStamp returns the stamp of the file at sitePath in the committed
// output: the one recorded as it was reused, or else the one the file has
// now.
func (t *Tx) FileStamp(sitePath string) (Stamp, error) {
	k := siteKey(sitePath)
	t.mu.Lock()
	st, ok := t.links[k]
	t.mu.Unlock()
	if ok {
		return st, nil
	}
	fi, err := os.Stat(t.destPath(k))
	if err != nil {
		return Stamp{}, err
	}
	return StampOf(fi), nil
}

// Commit makes the new output the output. It reports kept when a Replace
// transaction left the previous output in place, having found it to be
// this build's output already. Commit is called at most once.
func (t *Tx) Commit() (kept bool, err error) {
	t.mu.Lock()
	t.done = true
	equal := t.previous != nil && t.set == *t.previous
	t.mu.Unlock()
	switch t.opts.Mode {
	case DryRun:
		return false, nil
	case Patch:
		return false, t.commitPatch()
	}
	if t.keep.Load() && equal && holdsOnly(t.dest, t.Set()) {
		t.discard()
		return true, nil
	}
	if err := t.makeLinks(); err != nil {
		t.discard()
		return false, err
	}
	if err := t.swap(); err != nil {
		return false, err
	}
	if t.patchStopped {
		os.Remove(patchMark(t.dest))
	}
	return false, nil
}

// holdsOnly reports whether the folder dest holds the files of set and
// nothing else: no other file, no link, no folder without a file. A
// build that finds the output equal to its own files leaves it in place,
// and so would keep what another hand put there (a page, a link to a file
// outside, a repository's folder) unless it looks.
func holdsOnly(dest string, set Set) bool {
	var found Set
	var folders []string
	filled := map[string]bool{}
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dest, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			folders = append(folders, rel)
		case d.Type().IsRegular():
			found.Add(rel)
			for dir := path.Dir(rel); !filled[dir]; dir = path.Dir(dir) {
				filled[dir] = true
				if dir == "." {
					break
				}
			}
		default:
			return fs.ErrInvalid // a link, a pipe: no build writes one
		}
		return nil
	})
	return err == nil && found == set && !slices.ContainsFunc(folders, func(f string) bool { return !filled[f] })
}

// patchMark returns the path of the file that marks a Patch of the
// output dest in progress: it is made before the first file is written
// into the output and removed when the last is in place, or all are put
// back. The output's lock keeps two transactions from meeting here, so a
// mark that a transaction finds was left by one that never finished.
func patchMark(dest string) string {
	return filepath.Join(filepath.Dir(dest), patchPrefix+filepath.Base(dest))
}

// Close ends the transaction: a transaction that was not committed is
// discarded, leaving the output as it was. Close may be called more than
// once.
func (t *Tx) Close() {
	t.mu.Lock()
	done := t.done
	t.done = true
	t.mu.Unlock()
	if !done && t.opts.Mode == Replace {
		t.discard()
	}
}

// makeLinks hard-links the files taken with Reuse from the previous output
// into the temporary folder, with as many workers as there are cores.
func (t *Tx) makeLinks() error {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for k := range t.links {
		g.Go(func() error {
			if err := t.dirs.mkdirAll(t.path(path.Dir(k))); err != nil {
				return err
			}
			if err := os.Link(t.destPath(k), t.path(k)); err != nil {
				return fmt.Errorf("taking an unchanged file from the previous output: %w", err)
			}
			return nil
		})
	}
	return g.Wait()
}

// swap puts the finished temporary folder in place of the destination.
// Where the system can exchange two folders in one step it does;
// otherwise the previous output is renamed aside first, and a build killed
// between the two renames is repaired by the next one's tidy. The previous
// output is claimed (see claimFolder) while it is swapped out and removed,
// so that no other build's clean-up takes it for a leftover.
//
// A swap that fails with the previous output in its place removes the
// temporary folder, so that a failed build leaves nothing beside the
// output.
func (t *Tx) swap() error {
	defer t.release()
	step := t.swapStep
	if _, err := os.Stat(t.dest); err != nil {
		if err := step(false, t.dir, t.dest); err != nil {
			os.RemoveAll(t.dir)
			return fmt.Errorf("moving the new output in place: %w", err)
		}
		return nil
	}
	if release, err := claimFolder(t.dest); err == nil {
		defer release()
	}
	if err := step(true, t.dir, t.dest); err == nil {
		// t.dir now holds the previous output. The new one is in place
		// whatever happens to it.
		t.removeOld(t.dir)
		return nil
	}
	base := filepath.Base(t.dest)
	old := filepath.Join(filepath.Dir(t.dest), oldPrefix+base+"-"+strings.TrimPrefix(filepath.Base(t.dir), tempPrefix+base+"-"))
	if err := step(false, t.dest, old); err != nil {
		os.RemoveAll(t.dir)
		if errors.Is(err, syscall.EBUSY) {
			// A mount point of the file system that holds it, which
			// mountPoint cannot tell from a folder.
			return fmt.Errorf("%w (%w)", mountError(t.dest), err)
		}
		return fmt.Errorf("moving the previous output aside: %w", err)
	}
	if err := step(false, t.dir, t.dest); err != nil {
		if step(false, old, t.dest) == nil {
			os.RemoveAll(t.dir)
		} // else the next build's tidy puts the previous output back
		return fmt.Errorf("moving the new output in place: %w", err)
	}
	t.removeOld(old)
	return nil
}

// swapStep renames a to b, or exchanges the two when ex is set.
func swapStep(ex bool, a, b string) error {
	if ex {
		return exchange(a, b)
	}
	return os.Rename(a, b)
}

// mountError is the error for an output folder dest that is a mount
// point, which a build cannot rename.
func mountError(dest string) error {
	return fmt.Errorf("%s is a mount point, and a build puts a new output folder in its place, which the system refuses for a mount point: mount the folder that holds it instead, or build into a folder inside it (-d %s)", dest, filepath.Join(dest, "site"))
}

// Leftover is a folder beside the output that a build could not remove:
// the previous output after a swap, or what a build that is gone left.
type Leftover struct {
	Path string
	Err  error
}

// Leftovers returns the folders beside the output that the transaction
// could not remove; the build succeeded all the same, and each is worth a
// warning naming it.
func (t *Tx) Leftovers() []Leftover { return t.leftovers }

// removeOld removes the previous output at dir once the new one is in
// place; a failure only leaves a folder to report (see Leftovers).
func (t *Tx) removeOld(dir string) {
	if err := t.removeAll(dir); err != nil {
		t.leftovers = append(t.leftovers, Leftover{Path: dir, Err: err})
	}
}

// discard removes a Replace transaction's temporary folder.
func (t *Tx) discard() {
	if t.dir == "" {
		return
	}
	os.RemoveAll(t.dir)
	t.release()
}

// commitPatch puts a Patch transaction's changes in place so that the
// output is either all old or all new. It writes every changed file to a
// temporary file beside its place first; only when all are written does it
// move the files to remove aside and the new files in, each in one step,
// keeping the old copies until the last is in; then it removes the old
// copies, and the folders left empty. Should a step fail, the steps done
// are taken back, the temporary files and the folders made for them are
// removed, and the output is as it was.
func (t *Tx) commitPatch() error {
	pid := os.Getpid()
	keys := slices.Sorted(maps.Keys(t.patches))
	temps := make([]string, len(keys))
	made := folders{root: filepath.Clean(t.dest)}
	// The mark stays should the process stop midway, and the next full
	// build then writes the output whole; one left by an earlier Patch
	// stays too.
	mark := patchMark(t.dest)
	if _, err := os.Lstat(mark); err == nil {
		mark = ""
	} else if err := os.WriteFile(mark, nil, 0o644); err != nil {
		return err
	}
	unmark := func() {
		if mark != "" {
			os.Remove(mark)
		}
	}
	// A new article at the top of a paged list moves every page of it:
	// hundreds of files, written by as many workers as there are cores.
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, k := range keys {
		file := t.destPath(k)
		temps[i] = tempName(file, pid, i)
		g.Go(func() error {
			if err := made.mkdirAll(filepath.Dir(file)); err != nil {
				return err
			}
			return t.writeFile(temps[i], t.patches[k])
		})
	}
	var done []undoable
	rollback := func(err error) error {
		putBack := true
		for _, d := range slices.Backward(done) {
			if uerr := d.undo(); uerr != nil {
				err = errors.Join(err, fmt.Errorf("putting the previous output back: %w", uerr))
				putBack = false
			}
		}
		if putBack {
			defer unmark()
		}
		for _, tmp := range temps {
			os.Remove(tmp)
		}
		for _, u := range done {
			os.Remove(u.spare)
		}
		made.removeAll()
		return err
	}
	if err := g.Wait(); err != nil {
		return rollback(err)
	}
	removed := slices.Sorted(maps.Keys(t.removed))
	for j, k := range removed {
		file := t.destPath(k)
		u, ok, err := removeAside(file, tempName(file, pid, len(keys)+j))
		if err != nil {
			return rollback(err)
		}
		if ok {
			done = append(done, u)
		}
	}
	for i, k := range keys {
		u, err := install(temps[i], t.destPath(k))
		if err != nil {
			return rollback(err)
		}
		done = append(done, u)
	}
	for _, u := range done {
		os.Remove(u.spare)
	}
	for _, k := range removed {
		// A folder left empty goes too, as a full build would not make it.
		for d := path.Dir(k); d != "."; d = path.Dir(d) {
			if os.Remove(t.destPath(d)) != nil {
				break
			}
		}
	}
	unmark()
	return nil
}

// tidy puts right what builds that are gone left beside dest: a
// destination swapped out and never swapped back is put back, and their
// temporary folders and swapped-out outputs are removed. A folder whose
// owner may still run is left alone (see claimLeftover), whatever made it:
// a plotline that does not lock the output may be writing it. It returns
// the folders it could not remove (read-only ones, say), to be reported.
func tidy(dest string) (left []Leftover, err error) {
	parent, base := filepath.Dir(dest), filepath.Base(dest)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil, nil // MkdirTemp, next, says what is wrong
	}
	type leftover struct {
		path    string
		release func()
	}
	var olds, temps []leftover
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		list := &temps
		pid, ok := leftoverOwner(e.Name(), tempPrefix+base+"-")
		if !ok {
			list = &olds
			if pid, ok = leftoverOwner(e.Name(), oldPrefix+base+"-"); !ok {
				continue
			}
		}
		p := filepath.Join(parent, e.Name())
		if release, gone := claimLeftover(p, pid); gone {
			*list = append(*list, leftover{p, release})
		}
	}
	defer func() {
		for _, l := range append(olds, temps...) {
			l.release()
		}
	}()
	if _, err := os.Stat(dest); errors.Is(err, fs.ErrNotExist) && len(olds) > 0 {
		// A build died between its two renames: put the old site back.
		last := olds[len(olds)-1]
		if err := os.Rename(last.path, dest); err != nil {
			return nil, fmt.Errorf("restoring %s: %w", dest, err)
		}
		olds = olds[:len(olds)-1]
		last.release()
	}
	for _, l := range append(olds, temps...) {
		if err := os.RemoveAll(l.path); err != nil {
			left = append(left, Leftover{Path: l.path, Err: err})
		}
	}
	return left, nil
}
