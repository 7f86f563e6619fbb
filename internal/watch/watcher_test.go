package watch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// waitTimeout bounds every wait for a change set; real inotify events
// arrive within milliseconds.
const waitTimeout = 5 * time.Second

// newTestWatcher starts a Watcher on a fresh site folder holding the given
// files, watching content, templates and theme and the config files.
func newTestWatcher(t *testing.T, files ...string) (*Watcher, string) {
	t.Helper()
	root := t.TempDir()
	for _, f := range files {
		write(t, root, f, "initial")
	}
	w, err := New(t.Context(), root,
		[]string{"content", "templates", "theme"},
		[]string{"plotline.yaml", "plotline.toml"},
		20*time.Millisecond,
		[]string{"public", ".plotline-tmp-*"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := w.Close(); err != nil {
			t.Errorf("Close() = %v", err)
		}
	})
	return w, root
}

// write writes data to the root-relative file rel, creating its directory.
func write(t *testing.T, root, rel, data string) {
	t.Helper()
	name := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// next returns the next change set of w.
func next(t *testing.T, w *Watcher) []string {
	t.Helper()
	select {
	case cs, ok := <-w.Changes():
		if !ok {
			t.Fatal("Changes() closed")
		}
		return cs
	case err := <-w.Errors():
		t.Fatalf("Errors() = %v", err)
	case <-time.After(waitTimeout):
		t.Fatalf("no change set within %v", waitTimeout)
	}
	return nil
}

// waitFor gathers change sets until their union holds every one of paths,
// and returns the union.
func waitFor(t *testing.T, w *Watcher, paths ...string) []string {
	t.Helper()
	var union []string // sorted, each path once
	deadline := time.After(waitTimeout)
	for {
		missing := slices.DeleteFunc(slices.Clone(paths), func(p string) bool { return slices.Contains(union, p) })
		if len(missing) == 0 {
			return union
		}
		select {
		case cs, ok := <-w.Changes():
			if !ok {
				t.Fatal("Changes() closed")
			}
			union = slices.Compact(slices.Sorted(slices.Values(append(union, cs...))))
		case err := <-w.Errors():
			t.Fatalf("Errors() = %v", err)
		case <-deadline:
			t.Fatalf("changes so far %q; still missing %q", union, missing)
		}
	}
}

// expectOnly makes a change to marker and checks that the next change set
// holds that path and nothing else, proving that whatever was done before
// produced no change.
func expectOnly(t *testing.T, w *Watcher, root, marker string) {
	t.Helper()
	write(t, root, marker, "marker")
	cs := next(t, w)
	if got, want := cs, []string{marker}; !slices.Equal(got, want) {
		t.Errorf("change set = %q; want %q", got, want)
	}
}

func TestWatchWrite(t *testing.T) {
	w, root := newTestWatcher(t, "content/a.md", "plotline.yaml", "theme/css/site.css")
	write(t, root, "content/a.md", "changed")
	write(t, root, "theme/css/site.css", "body{}")
	write(t, root, "plotline.yaml", "title: x")
	waitFor(t, w, "content/a.md", "theme/css/site.css", "plotline.yaml")
}

func TestWatchRenameOverTarget(t *testing.T) {
	w, root := newTestWatcher(t, "content/a.md", "plotline.yaml")
	for _, target := range []string{"content/a.md", "plotline.yaml"} {
		tmp := target + ".tmp-save"
		write(t, root, tmp, "saved")
		if err := os.Rename(filepath.Join(root, tmp), filepath.Join(root, target)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, w, target)
	}
}

func TestWatchDelete(t *testing.T) {
	w, root := newTestWatcher(t, "content/a.md", "plotline.toml")
	for _, rel := range []string{"content/a.md", "plotline.toml"} {
		if err := os.Remove(filepath.Join(root, rel)); err != nil {
			t.Fatal(err)
		}
	}
	waitFor(t, w, "content/a.md", "plotline.toml")
}

func TestWatchNewNestedDir(t *testing.T) {
	w, root := newTestWatcher(t, "content/a.md")
	write(t, root, "content/series/part1/x.md", "x")
	waitFor(t, w, "content/series/part1/x.md")

	write(t, root, "content/series/part1/y.md", "y")
	write(t, root, "content/series/part1/x.md", "x again")
	waitFor(t, w, "content/series/part1/x.md", "content/series/part1/y.md")
}

func TestWatchDirMovedIn(t *testing.T) {
	w, root := newTestWatcher(t, "content/a.md")
	outside := t.TempDir()
	write(t, outside, "batch/one.md", "1")
	write(t, outside, "batch/deep/two.md", "2")
	if err := os.Rename(filepath.Join(outside, "batch"), filepath.Join(root, "content", "batch")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, "content/batch/one.md", "content/batch/deep/two.md")

	write(t, root, "content/batch/deep/three.md", "3")
	waitFor(t, w, "content/batch/deep/three.md")
}

func TestWatchDirMovedAway(t *testing.T) {
	w, root := newTestWatcher(t, "content/a.md", "content/sub/deep/b.md")
	away := filepath.Join(t.TempDir(), "sub")
	if err := os.Rename(filepath.Join(root, "content", "sub"), away); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, "content/sub")

	// Writes in the moved directory are no longer in the site.
	write(t, away, "deep/b.md", "gone")
	write(t, away, "c.md", "gone")
	expectOnly(t, w, root, "content/a.md")
}

func TestWatchDirRemovedAndRecreated(t *testing.T) {
	w, root := newTestWatcher(t, "content/a.md", "plotline.yaml")
	if err := os.RemoveAll(filepath.Join(root, "content")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, "content/a.md")

	write(t, root, "content/b.md", "b")
	waitFor(t, w, "content/b.md")
	write(t, root, "content/b.md", "b again")
	waitFor(t, w, "content/b.md")
}

func TestWatchMissingDirCreatedLater(t *testing.T) {
	w, root := newTestWatcher(t, "plotline.yaml")
	write(t, root, "templates/page.html", "<p>")
	waitFor(t, w, "templates/page.html")
	write(t, root, "templates/partials/head.html", "<head>")
	waitFor(t, w, "templates/partials/head.html")
}

func TestWatchIgnoresJunk(t *testing.T) {
	w, root := newTestWatcher(t, "content/a.md", "public/index.html")
	junk := []string{
		"content/a.md.swp",
		"content/.a.md.swx",
		"content/a.md~",
		"content/.#a.md",
		"content/#a.md#",
		"content/4913",
		"content/.a.md.kate-swp",
		"content/a.md___jb_tmp___",
		"content/a.md___jb_old___",
		"content/.DS_Store",
		"public/index.html",
		"public/articles/a/index.html",
		".plotline-tmp-42/index.html",
		"content/.cache/x.md",
		"notes.txt",      // not a watched file
		"other/file.md",  // not a watched directory
		"plotline.yaml~", // a backup of a watched file
	}
	for _, rel := range junk {
		write(t, root, rel, "junk")
	}
	expectOnly(t, w, root, "content/b.md")
}

func TestWatchBurst(t *testing.T) {
	w, root := newTestWatcher(t)
	var want []string
	for i := range 20 {
		want = append(want, fmt.Sprintf("content/burst/f%02d.md", i))
	}
	for i := range 200 {
		write(t, root, want[i%20], fmt.Sprint(i))
	}
	union := waitFor(t, w, want...)
	if got := len(union); got != 20 {
		t.Errorf("union of change sets has %d paths %q; want 20", got, union)
	}
}

func TestWatchWholeRoot(t *testing.T) {
	root := t.TempDir()
	write(t, root, "content/a.md", "a")
	w, err := New(t.Context(), root, []string{"."}, nil, 20*time.Millisecond, []string{"public"})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	write(t, root, "public/index.html", "out")
	write(t, root, ".plotline-tmp-1/index.html", "out")
	write(t, root, "static/logo.svg", "<svg/>")
	cs := waitFor(t, w, "static/logo.svg")
	if got, want := cs, []string{"static/logo.svg"}; !slices.Equal(got, want) {
		t.Errorf("change set = %q; want %q", got, want)
	}
}

func TestWatchStopsWithContext(t *testing.T) {
	root := t.TempDir()
	ctx, cancel := context.WithCancel(t.Context())
	w, err := New(ctx, root, []string{"content"}, nil, 20*time.Millisecond, nil)
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case _, ok := <-w.Changes():
		if ok {
			t.Fatal("got a change set after cancel; want a closed channel")
		}
	case <-time.After(waitTimeout):
		t.Fatal("Changes() not closed after the context was cancelled")
	}
	if _, ok := <-w.Errors(); ok {
		t.Error("Errors() not closed after the context was cancelled")
	}
	if err := w.Close(); err != nil {
		t.Errorf("Close() = %v", err)
	}
}

func TestNewErrors(t *testing.T) {
	root := t.TempDir()
	write(t, root, "file", "x")
	tests := []struct {
		name   string
		root   string
		dirs   []string
		files  []string
		ignore []string
	}{
		{"missing root", filepath.Join(root, "nope"), nil, nil, nil},
		{"root is a file", filepath.Join(root, "file"), nil, nil, nil},
		{"dir outside root", root, []string{"../x"}, nil, nil},
		{"absolute dir", root, []string{"/etc"}, nil, nil},
		{"file is root", root, nil, []string{"."}, nil},
		{"bad pattern", root, nil, nil, []string{"["}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := New(t.Context(), tt.root, tt.dirs, tt.files, time.Millisecond, tt.ignore)
			if err == nil {
				w.Close()
				t.Fatal("New() = nil error; want one")
			}
		})
	}
}

// TestWatchChmod checks that a change of mode is a change: a file made
// readable (or not) builds differently although its bytes are the same.
func TestWatchChmod(t *testing.T) {
	w, root := newTestWatcher(t, "content/a.md", "content/sub/b.md", "plotline.yaml")
	if err := os.Chmod(filepath.Join(root, "content", "a.md"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(root, "plotline.yaml"), 0o600); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, "content/a.md", "plotline.yaml")
	if err := os.Chmod(filepath.Join(root, "content", "sub"), 0o700); err != nil {
		t.Fatal(err)
	}
	waitFor(t, w, "content/sub")

	// A mode change of a file the build leaves out is no change.
	write(t, root, "content/a.md~", "backup")
	if err := os.Chmod(filepath.Join(root, "content", "a.md~"), 0o600); err != nil {
		t.Fatal(err)
	}
	expectOnly(t, w, root, "content/a.md")
}

// TestWatchAddFiles watches a file outside the watched folders once asked
// to, such as the target of a symbolic link of the site, and nothing else
// beside it.
func TestWatchAddFiles(t *testing.T) {
	w, root := newTestWatcher(t, "content/a.md", "shared/s.md")
	if err := w.AddFiles("shared/s.md", "vendor/deep/new.csv"); err != nil {
		t.Fatal(err)
	}
	write(t, root, "shared/s.md", "edited")
	waitFor(t, w, "shared/s.md")
	write(t, root, "shared/other.md", "not watched")
	expectOnly(t, w, root, "content/a.md")
	write(t, root, "vendor/deep/new.csv", "made later")
	waitFor(t, w, "vendor/deep/new.csv")
	if err := w.AddFiles("../out.md"); err == nil {
		t.Error("AddFiles(../out.md) succeeded; want an error")
	}
}
