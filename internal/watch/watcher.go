// Package watch reports changes to the files of a site folder. It watches
// directories rather than files, because editors save by writing a temporary
// file and renaming it over the original; it adds a watch for every new
// directory, since inotify has no recursive watch; it leaves out editor
// junk, hidden paths and the output folder; it reports a change of a
// file's or folder's mode, which may make it readable or not; and it
// coalesces bursts of events into one set of changed paths with a
// Debouncer.
package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// ErrOverflow is reported on a Watcher's error channel when the operating
// system dropped events; changes may then have been missed, and a caller
// should treat the whole site as changed.
var ErrOverflow = errors.New("watch: event queue overflowed")

// Watcher watches a site folder and delivers coalesced change sets.
type Watcher struct {
	root    string          // absolute
	dirs    []string        // watched recursively, root-relative
	files   map[string]bool // watched by name through their parent
	parents map[string]bool // directories on the way to dirs and files, watched alone
	ignore  []string

	fsw    *fsnotify.Watcher
	deb    *Debouncer
	errs   chan error
	cancel context.CancelFunc
	exited chan struct{}

	// watched holds the root-relative directories with a watch. New fills
	// it; after that only the event loop touches it.
	watched map[string]bool

	closeErr error // set by the event loop before exited is closed
	once     sync.Once

	adds chan addRequest // files to watch, from AddFiles to the event loop
}

// addRequest asks the event loop to watch more files.
type addRequest struct {
	files []string
	done  chan error
}

// New starts watching root and returns a Watcher whose Changes channel
// delivers the paths changed once events have been quiet for debounce.
//
// dirs are root-relative directories watched with everything below them
// ("." watches the whole root); files are root-relative files, such as
// "plotline.yaml", watched through their parent directory. Directories and
// files need not exist yet: they are picked up when created. Every path
// that matches one of the patterns ignore, or lies in a directory that
// does, is left out: slash paths relative to the root in path.Match
// syntax, such as "public" or "content/drafts/*". Hidden paths (a name
// starting with a dot, such as ".git" or ".plotline-tmp-1") are always
// left out. The Watcher stops when ctx is done or Close is called.
func New(ctx context.Context, root string, dirs, files []string, debounce time.Duration, ignore []string) (*Watcher, error) {
	for _, pat := range ignore {
		if _, err := path.Match(pat, ""); err != nil {
			return nil, fmt.Errorf("watch: ignore pattern %q: %w", pat, err)
		}
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	info, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("watch: %s is not a directory", root)
	}

	w := &Watcher{
		root:    abs,
		files:   make(map[string]bool),
		parents: map[string]bool{".": true},
		ignore:  ignore,
		watched: make(map[string]bool),
		errs:    make(chan error, 8),
		exited:  make(chan struct{}),
		adds:    make(chan addRequest),
	}
	for _, d := range dirs {
		rel, err := cleanRel(d, false)
		if err != nil {
			return nil, err
		}
		w.dirs = append(w.dirs, rel)
		w.addParents(rel)
	}
	for _, f := range files {
		rel, err := cleanRel(f, true)
		if err != nil {
			return nil, err
		}
		w.files[rel] = true
		w.addParents(rel)
	}

	w.fsw, err = fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	}
	w.deb = NewDebouncer(debounce)
	if err := w.addTree(".", false); err != nil {
		w.fsw.Close()
		w.deb.Close()
		return nil, err
	}

	ctx, w.cancel = context.WithCancel(ctx)
	go w.loop(ctx)
	return w, nil
}

// cleanRel checks that p is a relative path inside the root, and not the
// root itself when it names a file, and returns it in clean slash form.
func cleanRel(p string, file bool) (string, error) {
	rel := path.Clean(filepath.ToSlash(p))
	if path.IsAbs(rel) || filepath.IsAbs(p) || rel == ".." || strings.HasPrefix(rel, "../") {
		return "", fmt.Errorf("watch: %q is not a path inside the root", p)
	}
	if file && rel == "." {
		return "", fmt.Errorf("watch: %q is not a file path", p)
	}
	return rel, nil
}

// addParents records every directory above rel, up to the root.
func (w *Watcher) addParents(rel string) {
	for p := path.Dir(rel); rel != "." && !w.parents[p]; p = path.Dir(p) {
		w.parents[p] = true
	}
}

// AddFiles watches the root-relative files too, as New does its files:
// through their parent directories, whether or not they exist yet. A file
// left out by the rules of New (hidden, editors' files, the patterns of
// ignore) is not watched. It is safe to call from any goroutine, and
// does nothing once the Watcher has stopped.
func (w *Watcher) AddFiles(files ...string) error {
	var rels []string
	for _, f := range files {
		rel, err := cleanRel(f, true)
		if err != nil {
			return err
		}
		rels = append(rels, rel)
	}
	req := addRequest{files: rels, done: make(chan error, 1)}
	select {
	case w.adds <- req:
	case <-w.exited:
		return nil
	}
	select {
	case err := <-req.done:
		return err
	case <-w.exited:
		return nil
	}
}

// addFiles records files as watched and watches the directories on the
// way to them.
func (w *Watcher) addFiles(files []string) error {
	var errs []error
	for _, f := range files {
		if w.files[f] {
			continue
		}
		w.files[f] = true
		w.addParents(f)
		var chain []string
		for p := path.Dir(f); p != "."; p = path.Dir(p) {
			chain = append(chain, p)
		}
		for _, d := range slices.Backward(chain) {
			if !w.watched[d] {
				if err := w.addTree(d, false); err != nil {
					errs = append(errs, err)
				}
				break // addTree went down the rest of the way
			}
		}
	}
	return errors.Join(errs...)
}

// Changes returns the channel of change sets, each the root-relative
// slash paths changed, sorted (see Debouncer). It is closed when the
// Watcher stops.
func (w *Watcher) Changes() <-chan []string { return w.deb.C() }

// Errors returns the channel of errors met while watching, such as a
// directory that could not be watched or ErrOverflow. Errors that arrive
// while the channel's small buffer is full are dropped. It is closed when
// the Watcher stops.
func (w *Watcher) Errors() <-chan error { return w.errs }

// Close stops the Watcher and waits until it has released its resources.
// It is safe to call more than once.
func (w *Watcher) Close() error {
	w.once.Do(w.cancel)
	<-w.exited
	return w.closeErr
}

// loop turns file-system events into changes until ctx is done.
func (w *Watcher) loop(ctx context.Context) {
	defer close(w.exited)
	defer close(w.errs)
	defer w.deb.Close()
	defer func() {
		if err := w.fsw.Close(); err != nil {
			w.closeErr = fmt.Errorf("watch: close: %w", err)
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return
		case req := <-w.adds:
			req.done <- w.addFiles(req.files)
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			w.handle(ev)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				err = fmt.Errorf("%w: %w", ErrOverflow, err)
			}
			w.report(err)
		}
	}
}

// handle applies one file-system event.
func (w *Watcher) handle(ev fsnotify.Event) {
	rel, ok := w.rel(ev.Name)
	if !ok || rel == "." || ignored(rel, w.ignore) {
		return
	}
	if !ev.Has(fsnotify.Create | fsnotify.Write | fsnotify.Remove | fsnotify.Rename) {
		// A change of mode or owner only: whether the build can read the
		// file, or what is in the folder, may have changed with it, so it
		// is a change. A folder that could not be watched before may be
		// now.
		if !w.relevant(rel) {
			return
		}
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() && !w.watched[rel] {
			if err := w.addTree(rel, true); err != nil {
				w.report(err)
			}
		}
		w.deb.Add(rel)
		return
	}
	if ev.Has(fsnotify.Remove|fsnotify.Rename) && w.watched[rel] {
		w.forget(rel)
	}
	if ev.Has(fsnotify.Create) {
		info, err := os.Lstat(ev.Name)
		if err == nil && info.IsDir() {
			// A directory created or moved in: watch it and report
			// whatever it already holds.
			if err := w.addTree(rel, true); err != nil {
				w.report(err)
			}
			return
		}
	}
	if w.relevant(rel) {
		w.deb.Add(rel)
	}
}

// rel returns the root-relative slash path of the absolute path name.
func (w *Watcher) rel(name string) (string, bool) {
	r, err := filepath.Rel(w.root, name)
	if err != nil {
		return "", false
	}
	r = filepath.ToSlash(r)
	if r == ".." || strings.HasPrefix(r, "../") {
		return "", false
	}
	return r, true
}

// inScope reports whether rel lies in one of the recursively watched
// directories.
func (w *Watcher) inScope(rel string) bool {
	return slices.ContainsFunc(w.dirs, func(d string) bool { return d == "." || rel == d || strings.HasPrefix(rel, d+"/") })
}

// relevant reports whether a change to rel is reported.
func (w *Watcher) relevant(rel string) bool {
	return w.files[rel] || w.inScope(rel)
}

// addTree watches the directory rel and, where it is in scope, every
// directory below it. With report set, it reports the files it finds,
// which were created before their directory had a watch. A directory that
// vanishes meanwhile is skipped.
func (w *Watcher) addTree(rel string, report bool) error {
	if rel != "." && ignored(rel, w.ignore) {
		return nil
	}
	scoped := w.inScope(rel)
	if !scoped && !w.parents[rel] {
		return nil
	}
	abs := filepath.Join(w.root, filepath.FromSlash(rel))
	if !w.watched[rel] {
		if err := w.fsw.Add(abs); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return fmt.Errorf("watch: %s: %w", rel, err)
		}
		w.watched[rel] = true
	}
	// Read the entries only now that the watch is in place, so that a
	// file created meanwhile is seen by one or the other.
	entries, err := os.ReadDir(abs)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return fmt.Errorf("watch: %s: %w", rel, err)
	}
	var errs []error
	for _, e := range entries {
		child := path.Join(rel, e.Name())
		if ignored(child, w.ignore) {
			continue
		}
		if e.IsDir() {
			if err := w.addTree(child, report); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		if report && w.relevant(child) {
			w.deb.Add(child)
		}
	}
	return errors.Join(errs...)
}

// forget drops the watches on rel and every directory below it. inotify
// keeps watching the subdirectories of a directory moved away, under their
// old names, so they must be removed by hand.
func (w *Watcher) forget(rel string) {
	for p := range w.watched {
		if p == rel || strings.HasPrefix(p, rel+"/") {
			// The watch may already be gone with its directory.
			_ = w.fsw.Remove(filepath.Join(w.root, filepath.FromSlash(p)))
			delete(w.watched, p)
		}
	}
}

// report passes err on without blocking the event loop.
func (w *Watcher) report(err error) {
	select {
	case w.errs <- err:
	default:
	}
}
