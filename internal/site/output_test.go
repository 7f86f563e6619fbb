package site

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// recordsStamps says whether output.WriteFile records the stamps of the
// files it writes on this system.
const recordsStamps = runtime.GOOS == "linux"

// TestOutputStamps writes files from several goroutines at once, commits
// them over an existing output, and checks that every recorded stamp is
// what os.Stat gives for the committed file, and that the files and
// folders have the modes os.WriteFile and os.Mkdir would give them.
func TestOutputStamps(t *testing.T) {
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

	o, err := newOutput(dest, true)
	if err != nil {
		t.Fatal(err)
	}
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
		wg.Go(func() { errs <- o.WriteFile(p, data) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	// A file written twice keeps the later data and has no stamp.
	if err := o.WriteFile("index.html", []byte("<p>home, again</p>")); err != nil {
		t.Fatal(err)
	}
	files["index.html"] = []byte("<p>home, again</p>")
	if err := o.commit(); err != nil {
		t.Fatal(err)
	}
	o.discard() // after commit: closes nothing twice, removes nothing committed

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
		st, ok := o.stamp(p)
		switch {
		case p == "index.html":
			if ok {
				t.Errorf("%s, written twice: stamp %v; want none", p, st)
			}
		case ok != recordsStamps:
			t.Errorf("%s: stamp recorded = %v; want %v on %s", p, ok, recordsStamps, runtime.GOOS)
		case ok && st != stampOf(fi):
			t.Errorf("%s: recorded stamp %v; os.Stat gives %v", p, st, stampOf(fi))
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

// TestOutputWriteErrors checks that a failed write names the file.
func TestOutputWriteErrors(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	o, err := newOutput(dest, true)
	if err != nil {
		t.Fatal(err)
	}
	defer o.discard()
	if err := o.WriteFile("a/b.txt", []byte("b")); err != nil {
		t.Fatal(err)
	}
	err = o.WriteFile("a", []byte("a folder is there"))
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Op != "open" || pe.Path != filepath.Join(o.dir, "a") {
		t.Errorf(`WriteFile("a") over a folder = %v; want an open error at %s`, err, filepath.Join(o.dir, "a"))
	}
	err = o.WriteFile("a/b.txt/c.txt", []byte("under a file"))
	if err == nil || !strings.Contains(err.Error(), filepath.Join(o.dir, "a", "b.txt")) {
		t.Errorf(`WriteFile("a/b.txt/c.txt") under a file = %v; want an error naming %s`, err, filepath.Join(o.dir, "a", "b.txt"))
	}
	if err := o.WriteFile("../escape.txt", nil); err == nil || !strings.Contains(err.Error(), "refusing") {
		t.Errorf(`WriteFile("../escape.txt") = %v; want it refused`, err)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(o.dir), "escape.txt")); err == nil {
		t.Error("WriteFile wrote outside the output")
	}
}

// TestOutputDiscard checks that discarding an output, even twice, removes
// its folder, and that nothing is written through it afterwards.
func TestOutputDiscard(t *testing.T) {
	parent := t.TempDir()
	o, err := newOutput(filepath.Join(parent, "public"), true)
	if err != nil {
		t.Fatal(err)
	}
	if err := o.WriteFile("a/index.html", []byte("a")); err != nil {
		t.Fatal(err)
	}
	o.discard()
	o.discard()
	if recordsStamps {
		if err := o.WriteFile("b/index.html", []byte("b")); !errors.Is(err, fs.ErrClosed) {
			t.Errorf("WriteFile after discard = %v; want %v", err, fs.ErrClosed)
		}
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("discard left %v", entries)
	}
}

// TestCacheStamps builds a site twice with the cache, the second time
// reusing every page, and checks after each build that the stamps in the
// cache file are those of the committed files.
func TestCacheStamps(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	cache := filepath.Join(t.TempDir(), "cache.gob")
	writeFiles(t, dir, testSite)
	for i, wantReused := range []int{0, 3} {
		res, err := newCachedBuilder(t, dir, dest, cache).Build(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if res.Reused != wantReused {
			t.Errorf("build %d reused %d pages; want %d", i+1, res.Reused, wantReused)
		}
		c := readCacheFile(t, cache)
		stamps := map[string]fileStamp{}
		for _, p := range c.Pages {
			for f, st := range p.Files {
				stamps[f] = st
			}
		}
		for f, l := range c.Lists {
			stamps[f] = l.File
		}
		if len(c.Pages) != 3 || len(c.Lists) == 0 {
			t.Fatalf("build %d: cache holds %d pages and %d lists; want 3 and some", i+1, len(c.Pages), len(c.Lists))
		}
		for f, st := range stamps {
			fi, err := os.Stat(filepath.Join(dest, filepath.FromSlash(f)))
			if err != nil {
				t.Fatal(err)
			}
			if st != stampOf(fi) {
				t.Errorf("build %d: %s: cached stamp %v; os.Stat gives %v", i+1, f, st, stampOf(fi))
			}
		}
	}
	assertSameAsCleanBuild(t, dir, dest)
}

// readCacheFile decodes a cache file, whatever its global key.
func readCacheFile(t *testing.T, file string) *buildCache {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var c buildCache
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&c); err != nil {
		t.Fatal(err)
	}
	return &c
}
