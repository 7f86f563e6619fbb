package output

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// open starts a transaction on dest as a build does, under the lock on
// dest (unless for a dry run), failing the test on an error; the
// transaction is closed when the test ends. The lock is released once the
// transaction has started: these tests run one transaction at a time, and
// some start a second on the same folder after closing the first.
func open(t *testing.T, dest string, opts Options) *Tx {
	t.Helper()
	if opts.Mode != DryRun {
		unlock, err := Lock(context.Background(), dest, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer unlock()
	}
	tx, err := Begin(dest, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tx.Close)
	return tx
}

// readTree returns every regular file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// writeTree makes dir hold files.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, data := range files {
		f := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestReplaceStamps writes files from several goroutines at once, commits
// them over an existing output, and checks that every recorded stamp is
// what os.Stat gives for the committed file, and that the files and
// folders have the modes os.WriteFile and os.Mkdir would give them.
func TestReplaceStamps(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if err := os.MkdirAll(filepath.Join(dest, "stale"), 0o755); err != nil {
		t.Fatal(err)
	}
	// Reference modes, under the same umask.
	refFile := filepath.Join(parent, "ref-file")
	if err := os.WriteFile(refFile, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	refDir := filepath.Join(parent, "ref-dir")
	if err := os.Mkdir(refDir, 0o755); err != nil {
		t.Fatal(err)
	}

	tx := open(t, dest, Options{Mode: Replace})
	files := map[string][]byte{
		"index.html":     []byte("<p>home</p>"),
		".nojekyll":      nil,
		"deep/a/b/c.txt": []byte("deep"),
		"big.bin":        bytes.Repeat([]byte("0123456789"), 400_000),
	}
	for i := range 200 {
		files[fmt.Sprintf("articles/a%03d/index.html", i)] = []byte(strings.Repeat("x", i))
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(files))
	for p, data := range files {
		wg.Go(func() { errs <- tx.Write(p, data) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	// A file written twice keeps the later data and has no stamp.
	if err := tx.Write("index.html", []byte("<p>home, again</p>")); err != nil {
		t.Fatal(err)
	}
	files["index.html"] = []byte("<p>home, again</p>")
	if kept, err := tx.Commit(); err != nil || kept {
		t.Fatalf("Commit() = %v, %v; want false, nil", kept, err)
	}
	tx.Close() // after Commit: removes nothing committed

	if got := readTree(t, dest); len(got) != len(files) {
		t.Errorf("committed %d files; want %d", len(got), len(files))
	}
	wantFile, wantDir := modeOf(t, refFile), modeOf(t, refDir)
	for p, data := range files {
		file := filepath.Join(dest, filepath.FromSlash(p))
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, data) {
			t.Errorf("%s: %d bytes; want the %d written", p, len(got), len(data))
		}
		if m := modeOf(t, file); m != wantFile {
			t.Errorf("%s: mode %v; want %v", p, m, wantFile)
		}
		if d := filepath.Dir(file); d != dest {
			if m := modeOf(t, d); m != wantDir {
				t.Errorf("%s: mode %v; want %v", d, m, wantDir)
			}
		}
		fi, err := os.Stat(file)
		if err != nil {
			t.Fatal(err)
		}
		// FileStamp answers for every file.
		if got, err := tx.FileStamp(p); err != nil || got != StampOf(fi) {
			t.Errorf("FileStamp(%s) = %v, %v; want %v", p, got, err, StampOf(fi))
		}
	}
}

// modeOf returns the permission bits and type of the file at p.
func modeOf(t *testing.T, p string) fs.FileMode {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode()
}

// TestWriteErrors checks that a failed write names the file.
func TestWriteErrors(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	tx := open(t, dest, Options{Mode: Replace})
	if err := tx.Write("a/b.txt", []byte("b")); err != nil {
		t.Fatal(err)
	}
	err := tx.Write("a", []byte("a folder is there"))
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Op != "open" || pe.Path != filepath.Join(tx.dir, "a") {
		t.Errorf(`Write("a") over a folder = %v; want an open error at %s`, err, filepath.Join(tx.dir, "a"))
	}
	err = tx.Write("a/b.txt/c.txt", []byte("under a file"))
	if err == nil || !strings.Contains(err.Error(), filepath.Join(tx.dir, "a", "b.txt")) {
		t.Errorf(`Write("a/b.txt/c.txt") under a file = %v; want an error naming %s`, err, filepath.Join(tx.dir, "a", "b.txt"))
	}
	for _, bad := range []string{"../escape.txt", "/etc/passwd", "a/../../escape.txt", "a/../b.txt", `a\..\..\escape.txt`, "..", "a/.../b.txt", "a/.. /b.txt"} {
		if err := tx.Write(bad, nil); err == nil || !strings.Contains(err.Error(), "refusing") {
			t.Errorf(`Write(%q) = %v; want it refused`, bad, err)
		}
	}
	// Two dots inside a name are part of it: a page "c..d.md", an image
	// "fig..png", an old address "/v1..2/".
	for _, good := range []string{"articles/c..d/index.html", "articles/x/fig..png", "v1..2/index.html"} {
		if err := tx.Write(good, []byte("ok")); err != nil {
			t.Errorf(`Write(%q) = %v; want it written`, good, err)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(tx.dir), "escape.txt")); err == nil {
		t.Error("Write wrote outside the output")
	}
}

// TestCloseDiscards checks that closing a transaction that was not
// committed, even twice, removes its folder and the lock file, leaves the
// output as it was, and that nothing is written through it afterwards.
func TestCloseDiscards(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	writeTree(t, dest, map[string]string{"index.html": "old"})
	tx := open(t, dest, Options{Mode: Replace})
	if err := tx.Write("a/index.html", []byte("a")); err != nil {
		t.Fatal(err)
	}
	tx.Close()
	tx.Close()
	if err := tx.Write("b/index.html", []byte("b")); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("Write after Close = %v; want %v", err, fs.ErrClosed)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 || entries[0].Name() != "public" {
		t.Errorf("Close left %v beside the output", entries)
	}
	if got := readTree(t, dest); len(got) != 1 || string(got["index.html"]) != "old" {
		t.Errorf("the output after Close = %v; want it as it was", got)
	}
}

// replaceKeeping commits a Replace transaction with KeepEqual that writes
// files to dest, the previous output's Set being prev (none when nil),
// and returns whether it kept the output and the Set it wrote.
func replaceKeeping(t *testing.T, dest string, files map[string]string, prev *Set) (kept bool, set Set) {
	t.Helper()
	tx := open(t, dest, Options{Mode: Replace, KeepEqual: true})
	if prev != nil {
		tx.SetPrevious(*prev)
	}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		if err := tx.Write(p, []byte(files[p])); err != nil {
			t.Fatal(err)
		}
	}
	set = tx.Set()
	kept, err := tx.Commit()
	if err != nil {
		t.Fatal(err)
	}
	tx.Close()
	return kept, set
}

// TestReplaceKeepsAnEqualOutput writes an output, then the same files
// again: the second transaction leaves the output folder itself in place.
// A third that writes one file differently, or one more file, swaps.
func TestReplaceKeepsAnEqualOutput(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	files := map[string]string{"index.html": "home", "a/index.html": "a"}
	write := func(files map[string]string, prev *Set) (bool, Set) { return replaceKeeping(t, dest, files, prev) }
	_, set := write(files, nil)
	before, err := os.Stat(dest)
	if err != nil {
		t.Fatal(err)
	}
	if kept, _ := write(files, &set); !kept {
		t.Errorf("the same files again: output swapped; want it kept")
	}
	if after, err := os.Stat(dest); err != nil || !os.SameFile(before, after) {
		t.Errorf("the output folder was replaced")
	}
	changed := map[string]string{"index.html": "home, edited", "a/index.html": "a"}
	if kept, _ := write(changed, &set); kept {
		t.Errorf("a changed file: output kept; want it swapped")
	}
	_, set = write(files, nil)
	more := map[string]string{"index.html": "home", "a/index.html": "a", "b/index.html": "b"}
	if kept, _ := write(more, &set); kept {
		t.Errorf("one more file: output kept; want it swapped")
	}
	if got := readTree(t, dest); len(got) != 3 {
		t.Errorf("output has %d files; want 3", len(got))
	}
}

// TestReplaceKeepsOnlyItsOwn checks that an output equal to the build's
// files is kept only if it holds nothing else: a file, a link or a folder
// put there by another hand is taken away with a new output, as a build
// replaces its output whole.
func TestReplaceKeepsOnlyItsOwn(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	files := map[string]string{"index.html": "home", "a/index.html": "a"}
	_, set := replaceKeeping(t, dest, files, nil)
	for name, add := range map[string]func(string) error{
		"a file":          func(p string) error { return os.WriteFile(p, []byte("<script>"), 0o644) },
		"a link":          func(p string) error { return os.Symlink("/etc/passwd", p) },
		"an empty folder": func(p string) error { return os.Mkdir(p, 0o755) },
	} {
		extra := filepath.Join(dest, "a", "extra")
		if err := add(extra); err != nil {
			t.Fatal(err)
		}
		if kept, _ := replaceKeeping(t, dest, files, &set); kept {
			t.Errorf("%s beside the build's files: output kept; want it replaced", name)
		}
		if _, err := os.Lstat(extra); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s beside the build's files is still in the output (%v)", name, err)
		}
		if kept, _ := replaceKeeping(t, dest, files, &set); !kept {
			t.Errorf("after %s was taken away: output swapped; want it kept", name)
		}
	}
}

// TestReplaceReuse links a file reused from the previous output into the
// new one.
func TestReplaceReuse(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	writeTree(t, dest, map[string]string{"a/index.html": "kept", "b/index.html": "dropped"})
	fi, err := os.Stat(filepath.Join(dest, "a", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	tx := open(t, dest, Options{Mode: Replace})
	if !tx.Unchanged("a/index.html", StampOf(fi)) {
		t.Fatalf("Unchanged(a/index.html) = false for its own stamp")
	}
	if tx.Unchanged("a/index.html", Stamp{Size: 1}) {
		t.Errorf("Unchanged(a/index.html) = true for another stamp")
	}
	tx.Reuse("a/index.html", StampOf(fi))
	if err := tx.Write("c/index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	got := readTree(t, dest)
	if len(got) != 2 || string(got["a/index.html"]) != "kept" || string(got["c/index.html"]) != "new" {
		t.Errorf("output = %v; want a (reused) and c", got)
	}
	if st, err := tx.FileStamp("a/index.html"); err != nil || st != StampOf(fi) {
		t.Errorf("FileStamp of the reused file = %v, %v; want %v", st, err, StampOf(fi))
	}
}

// TestPatch replaces, adds and removes single files in place, and only at
// Commit; a Patch closed without Commit changes nothing.
func TestPatch(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	writeTree(t, dest, map[string]string{"index.html": "home", "a/index.html": "a", "b/index.html": "b"})
	tx := open(t, dest, Options{Mode: Patch})
	if err := tx.Write("a/index.html", []byte("a, edited")); err != nil {
		t.Fatal(err)
	}
	if err := tx.Write("c/d/index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	tx.Remove("b/index.html")
	if got := readTree(t, dest); string(got["a/index.html"]) != "a" || len(got) != 3 {
		t.Errorf("before Commit the output changed: %v", got)
	}
	if _, err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	tx.Close()
	got := readTree(t, dest)
	want := map[string]string{"index.html": "home", "a/index.html": "a, edited", "c/d/index.html": "new"}
	if _, err := os.Stat(filepath.Join(dest, "b")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the folder of the removed file is still there (%v)", err)
	}
	if len(got) != len(want) {
		t.Errorf("after Commit: %v; want %v", got, want)
	}
	for p, w := range want {
		if string(got[p]) != w {
			t.Errorf("%s = %q; want %q", p, got[p], w)
		}
	}

	tx = open(t, dest, Options{Mode: Patch})
	if err := tx.Write("index.html", []byte("never")); err != nil {
		t.Fatal(err)
	}
	tx.Remove("a/index.html")
	tx.Close()
	if after := readTree(t, dest); len(after) != 3 || string(after["index.html"]) != "home" {
		t.Errorf("a Patch closed without Commit changed the output: %v", after)
	}
}

// TestDryRun writes nothing, not even the output's parent or a lock file,
// and still counts the files.
func TestDryRun(t *testing.T) {
	parent := filepath.Join(t.TempDir(), "site")
	tx := open(t, filepath.Join(parent, "public"), Options{Mode: DryRun})
	if err := tx.Write("index.html", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if s := tx.Set(); s.Count != 1 {
		t.Errorf("Set().Count = %d; want 1", s.Count)
	}
	if _, err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	tx.Close()
	if _, err := os.Stat(parent); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a dry run made %s (%v)", parent, err)
	}
}

// TestRelativeDest writes through a transaction on an output given by a
// relative path, as `plotline build` in the site folder does: folders
// below the temporary folder are made, not taken for made.
func TestRelativeDest(t *testing.T) {
	t.Chdir(t.TempDir())
	tx := open(t, "public", Options{Mode: Replace})
	for _, p := range []string{"index.html", "b/index.html", "articles/a/deep/er/index.html"} {
		if err := tx.Write(p, []byte(p)); err != nil {
			t.Fatalf("Write(%s): %v", p, err)
		}
	}
	if _, err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := readTree(t, "public"); len(got) != 3 || string(got["articles/a/deep/er/index.html"]) != "articles/a/deep/er/index.html" {
		t.Errorf("public holds %v; want the three files written", got)
	}
}

// TestPatchReplacesWhole replaces a file whole, in a new inode, so that
// another name of the old one (a hard link of a reused file) keeps its
// content, and leaves no temporary file; where there was no file, it makes
// one.
func TestPatchReplacesWhole(t *testing.T) {
	dir := t.TempDir()
	file, other := filepath.Join(dir, "index.html"), filepath.Join(dir, "linked.html")
	if err := os.WriteFile(file, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(file, other); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	tx := open(t, dir, Options{Mode: Patch})
	for p, data := range map[string]string{"index.html": "new", "fresh.html": "fresh"} {
		if err := tx.Write(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"index.html": "new", "linked.html": "old", "fresh.html": "fresh"}
	got := readTree(t, dir)
	if len(got) != len(want) {
		t.Errorf("the folder holds %v; want %v", got, want)
	}
	for p, w := range want {
		if string(got[p]) != w {
			t.Errorf("%s = %q; want %q", p, got[p], w)
		}
	}
}

// patchTree is the output the failing-Patch tests start from.
var patchTree = map[string]string{
	"index.html":        "home",
	"a/index.html":      "a",
	"b/index.html":      "b",
	"tags/x/index.html": "x",
	"folder/sub/x.html": "in the way",
}

// failingPatch opens a Patch on a copy of patchTree that edits, adds and
// removes files, and returns it with the output folder.
func failingPatch(t *testing.T) (*Tx, string) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	writeTree(t, dest, patchTree)
	tx := open(t, dest, Options{Mode: Patch})
	for p, data := range map[string]string{
		"index.html":          "home, edited",
		"a/index.html":        "a, edited",
		"new/deep/index.html": "new",
		"tags/x/index.html":   "x, edited",
	} {
		if err := tx.Write(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	tx.Remove("b/index.html")
	return tx, dest
}

// assertUntouched checks that dest holds patchTree and nothing else: no
// temporary file, no folder made for a new file.
func assertUntouched(t *testing.T, dest string) {
	t.Helper()
	got := readTree(t, dest)
	for p, w := range patchTree {
		if string(got[p]) != w {
			t.Errorf("after a failed Commit, %s = %q; want %q (as it was)", p, got[p], w)
		}
	}
	for p := range got {
		if _, ok := patchTree[p]; !ok {
			t.Errorf("after a failed Commit, %s is left over", p)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "new")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after a failed Commit, the folder made for a new file is left (%v)", err)
	}
}

// TestPatchWriteFailure makes one write of a Patch fail at Commit (as a
// full disk does): the output is left as it was, neither the files
// written before the failure nor the removals applied.
func TestPatchWriteFailure(t *testing.T) {
	tx, dest := failingPatch(t)
	tx.writeFile = func(name string, data []byte) error {
		if strings.Contains(name, filepath.Join("tags", "x")) {
			return &fs.PathError{Op: "write", Path: name, Err: syscall.ENOSPC}
		}
		return createFile(name, data)
	}
	if _, err := tx.Commit(); !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("Commit() error = %v; want the write's", err)
	}
	assertUntouched(t, dest)
}

// TestPatchInstallFailure makes a Patch fail while it puts its files in
// place, after the removals and some files are in: a folder stands where
// a file goes. What was done is taken back.
func TestPatchInstallFailure(t *testing.T) {
	tx, dest := failingPatch(t)
	if err := tx.Write("folder", []byte("a file where a folder is")); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Commit(); err == nil {
		t.Fatal("Commit() over a folder succeeded")
	}
	assertUntouched(t, dest)
}

// TestReplaceThroughLink commits a build whose output folder is a symbolic
// link: the folder it leads to gets the new files, and the link stays a
// link. A link that leads nowhere is refused.
func TestReplaceThroughLink(t *testing.T) {
	dir := t.TempDir()
	real, dest := filepath.Join(dir, "www"), filepath.Join(dir, "public")
	writeTree(t, real, map[string]string{"index.html": "old", "gone.html": "old"})
	if err := os.Symlink("www", dest); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	for range 2 { // the second over the first's output
		tx := open(t, dest, Options{Mode: Replace})
		if err := tx.Write("index.html", []byte("new")); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		tx.Close()
	}
	if fi, err := os.Lstat(dest); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the output link is no longer a link: %v, %v", fi, err)
	}
	if got := readTree(t, real); len(got) != 1 || string(got["index.html"]) != "new" {
		t.Errorf("the folder the link leads to holds %v; want the new output", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("beside the output: %q; want public and www alone", names)
	}

	dangling := filepath.Join(dir, "dangling")
	if err := os.Symlink("nowhere", dangling); err != nil {
		t.Fatal(err)
	}
	if _, err := Begin(dangling, Options{Mode: Replace}); err == nil || !strings.Contains(err.Error(), "leads nowhere") {
		t.Errorf("Begin(a link to nowhere) error = %v; want one saying so", err)
	}
	if err := CheckDest(Place{Dest: dangling}); err == nil {
		t.Error("CheckDest(a link to nowhere) = nil; want an error")
	}
}

// TestOldOutputLeftOver makes the removal of the previous output fail
// after the swap: the build has succeeded, so Commit reports no error, and
// the folder left is named by Leftovers.
func TestOldOutputLeftOver(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	writeTree(t, dest, map[string]string{"index.html": "old"})
	tx := open(t, dest, Options{Mode: Replace})
	if err := tx.Write("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	tx.removeAll = func(string) error { return &fs.PathError{Op: "unlinkat", Path: "x", Err: fs.ErrPermission} }
	if _, err := tx.Commit(); err != nil {
		t.Fatalf("Commit() = %v; want no error once the new output is in place", err)
	}
	tx.Close()
	if got := readTree(t, dest); string(got["index.html"]) != "new" {
		t.Errorf("output holds %q; want the new site", got["index.html"])
	}
	left := tx.Leftovers()
	if len(left) != 1 || !errors.Is(left[0].Err, fs.ErrPermission) {
		t.Fatalf("Leftovers() = %v; want the previous output", left)
	}
	if old := readTree(t, left[0].Path); string(old["index.html"]) != "old" {
		t.Errorf("the leftover %s holds %v; want the previous output", left[0].Path, old)
	}
}

// TestFailedSwapLeavesNothing makes each step of the swap fail in turn,
// as a rename of a mount point or of a folder on a read-only file system
// does: the commit fails, the output is as it was, and nothing is left
// beside it, where the new output's temporary folder was.
func TestFailedSwapLeavesNothing(t *testing.T) {
	for _, failAt := range []int{1, 2} {
		t.Run(fmt.Sprint("rename ", failAt), func(t *testing.T) {
			parent := t.TempDir()
			dest := filepath.Join(parent, "public")
			writeTree(t, dest, map[string]string{"index.html": "old"})
			tx := open(t, dest, Options{Mode: Replace})
			if err := tx.Write("index.html", []byte("new")); err != nil {
				t.Fatal(err)
			}
			renames := 0
			tx.swapStep = func(exchange bool, a, b string) error {
				if exchange {
					return errors.ErrUnsupported
				}
				if renames++; renames == failAt {
					return &os.LinkError{Op: "rename", Old: a, New: b, Err: syscall.EBUSY}
				}
				return os.Rename(a, b)
			}
			_, err := tx.Commit()
			if !errors.Is(err, syscall.EBUSY) {
				t.Errorf("Commit = %v; want the rename's error", err)
			}
			// The output itself cannot be renamed: it is a mount point.
			if failAt == 1 && (err == nil || !strings.Contains(err.Error(), dest+" is a mount point")) {
				t.Errorf("Commit = %v; want it to say the output is a mount point", err)
			}
			tx.Close()
			if entries, _ := os.ReadDir(parent); len(entries) != 1 || entries[0].Name() != "public" {
				t.Errorf("a failed swap left %v beside the output", entries)
			}
			if got := readTree(t, dest); len(got) != 1 || string(got["index.html"]) != "old" {
				t.Errorf("the output after a failed swap = %v; want it as it was", got)
			}
		})
	}
}

// TestMountPoint checks that a mount point is told from a folder, and
// that a build into one is refused before anything is written: the
// system refuses to rename it, which the swap needs.
func TestMountPoint(t *testing.T) {
	if mountPoint(t.TempDir()) {
		t.Errorf("mountPoint(a temporary folder) = true")
	}
	if info, err := os.Stat("/proc/self"); err != nil || !info.IsDir() {
		t.Skip("no /proc mounted here")
	}
	// /proc/self is there only when /proc is a file system of its own.
	if !mountPoint("/proc") {
		t.Fatalf("mountPoint(/proc) = false; want true")
	}
	if _, err := Begin("/proc", Options{Mode: Replace}); err == nil || !strings.Contains(err.Error(), "/proc is a mount point") {
		t.Errorf("Begin(/proc) = %v; want an error saying it is a mount point", err)
	}
}

// TestPatchStoppedMidway checks that a Patch marks the output while it
// changes files in place, and that the next full build after one that
// stopped midway (its process killed) writes the output whole: it found
// the files the same as its own, but the output held the stopped Patch's
// temporary files too, published with the site, and kept them.
func TestPatchStoppedMidway(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	mark := patchMark(dest)
	files := map[string]string{"index.html": "home", "a/index.html": "a"}
	replace := func(prev *Set) (bool, Set) { return replaceKeeping(t, dest, files, prev) }
	_, set := replace(nil)

	// A Patch is marked while it writes, and unmarked once done, or
	// once a failure is put right.
	for _, fail := range []bool{false, true} {
		tx := open(t, dest, Options{Mode: Patch})
		marked := false
		tx.writeFile = func(name string, data []byte) error {
			_, err := os.Lstat(mark)
			marked = err == nil
			if fail {
				return syscall.ENOSPC
			}
			return createFile(name, data)
		}
		if err := tx.Write("a/index.html", []byte(files["a/index.html"])); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Commit(); (err != nil) != fail {
			t.Fatalf("Commit() (failing %v) = %v", fail, err)
		}
		tx.Close()
		if !marked {
			t.Errorf("no mark while the Patch (failing %v) wrote", fail)
		}
		if _, err := os.Lstat(mark); err == nil {
			t.Errorf("the mark is left after the Patch (failing %v)", fail)
		}
	}

	// One stopped midway: its mark and a temporary file are left.
	stray := filepath.Join(dest, "a", ".plotline-write-99999-0")
	writeTree(t, filepath.Dir(dest), map[string]string{filepath.Base(mark): "", "public/a/.plotline-write-99999-0": "a, half"})
	if kept, _ := replace(&set); kept {
		t.Errorf("after a Patch that stopped midway, the output was kept")
	}
	if _, err := os.Lstat(stray); err == nil {
		t.Errorf("the stopped Patch's temporary file is still in the output")
	}
	if _, err := os.Lstat(mark); err == nil {
		t.Errorf("the mark is left after the full build")
	}
	if kept, _ := replace(&set); !kept {
		t.Errorf("the same files again, with no mark: output swapped; want it kept")
	}
}
