package site

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plotline/plotline/internal/buildcache"
	"github.com/plotline/plotline/internal/output"
)

// TestBuildWaitsForLock holds the lock on a site's output while Build,
// then Rebuild, run: each waits, touching nothing, and goes on once the
// lock is released.
func TestBuildWaitsForLock(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	writeFiles(t, dir, testSite)
	b := newTestBuilder(t, dir, dest)
	waits := make(chan int, 1)
	b.opts.Waiting = func(pid int) { waits <- pid }

	for _, step := range []struct {
		name    string
		prepare func()
		run     func() error
	}{
		{"Build", func() {}, func() error { _, err := b.Build(t.Context()); return err }},
		{"Rebuild", func() {
			writeFiles(t, dir, map[string]string{"content/articles/a.md": strings.Replace(testSite["content/articles/a.md"], "Alpha body.", "Alpha body, edited.", 1)})
		}, func() error {
			_, err := b.Rebuild(t.Context(), []string{"content/articles/a.md"})
			return err
		}},
	} {
		step.prepare()
		unlock, err := output.Lock(t.Context(), dest, nil)
		if err != nil {
			t.Fatal(err)
		}
		before := readTree(t, dir)
		done := make(chan error, 1)
		go func() { done <- step.run() }()
		select {
		case pid := <-waits:
			if pid != os.Getpid() {
				t.Errorf("%s waits for pid %d; want %d", step.name, pid, os.Getpid())
			}
		case err := <-done:
			t.Fatalf("%s ran while another build held the lock (%v)", step.name, err)
		}
		select {
		case err := <-done:
			t.Fatalf("%s ran while another build held the lock (%v)", step.name, err)
		default:
		}
		if after := readTree(t, dir); !maps.EqualFunc(after, before, bytes.Equal) {
			t.Errorf("%s changed files while it waited", step.name)
		}
		unlock()
		if err := <-done; err != nil {
			t.Fatalf("%s after the lock was released: %v", step.name, err)
		}
		assertSameAsCleanBuild(t, dir, dest)
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
		stamps := map[string]output.Stamp{}
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
			if st != output.StampOf(fi) {
				t.Errorf("build %d: %s: cached stamp %v; os.Stat gives %v", i+1, f, st, output.StampOf(fi))
			}
		}
	}
	assertSameAsCleanBuild(t, dir, dest)
}

// readCacheFile decodes a cache file, whatever its global key.
func readCacheFile(t *testing.T, file string) *buildcache.Cache {
	t.Helper()
	c, err := buildcache.Read(file)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
