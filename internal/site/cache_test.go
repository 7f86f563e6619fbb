package site

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/overlay"
)

func newCachedBuilder(t *testing.T, dir, dest, cache string) *Builder {
	t.Helper()
	fsys := os.DirFS(dir)
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: dest, CacheFile: cache})
}

// newCacheSite writes the test site into a new folder and returns the
// folder, its output folder, and a function that builds it with a cache,
// as one run of plotline build would.
func newCacheSite(t *testing.T) (dir, dest string, build func() Result) {
	dir = t.TempDir()
	dest = filepath.Join(dir, "public")
	cache := filepath.Join(t.TempDir(), "cache.gob")
	writeFiles(t, dir, testSite)
	return dir, dest, func() Result {
		t.Helper()
		return cachedBuild(t, dir, dest, cache)
	}
}

// cachedBuild builds the site in dir into dest with the cache file cache,
// as one run of plotline build would, and checks that the output is that
// of a clean build.
func cachedBuild(t *testing.T, dir, dest, cache string) Result {
	t.Helper()
	res, err := newCachedBuilder(t, dir, dest, cache).Build(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	assertSameAsCleanBuild(t, dir, dest)
	return res
}

// TestCache builds a site again and again with a cache, as separate runs
// of plotline build would, and checks what is reused and that the output
// is always that of a clean build.
func TestCache(t *testing.T) {
	dir, dest, build := newCacheSite(t)

	if res := build(); res.Reused != 0 {
		t.Errorf("first build reused %d pages; want 0", res.Reused)
	}
	if res := build(); res.Reused != 3 || !res.Kept {
		t.Errorf("unchanged site: reused %d pages, output kept %v; want all 3, and kept", res.Reused, res.Kept)
	}

	// An edited article renders again; the others are reused.
	writeFiles(t, dir, map[string]string{"content/articles/b.md": strings.Replace(testSite["content/articles/b.md"], "Beta body.", "Beta, edited.", 1)})
	if res := build(); res.Reused != 2 || res.Kept {
		t.Errorf("one article edited: reused %d pages, output kept %v; want 2, and a new output", res.Reused, res.Kept)
	}

	// So does the article whose CSV changed.
	writeFiles(t, dir, map[string]string{"content/articles/stock.csv": "date,value\n2025-01-01,10\n2025-01-05,7\n"})
	if res := build(); res.Reused != 2 {
		t.Errorf("CSV edited: reused %d pages; want 2", res.Reused)
	}

	// A page changed by hand in the output is rendered again.
	page := filepath.Join(dest, "articles", "a", "index.html")
	if err := os.WriteFile(page, []byte("tampered"), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := build(); res.Reused != 2 {
		t.Errorf("output edited by hand: reused %d pages; want 2", res.Reused)
	}

	// A template is an input of every page.
	writeFiles(t, dir, map[string]string{"templates/partials/footer.html": `{{ define "footer" }}<footer>Own</footer>{{ end }}`})
	if res := build(); res.Reused != 0 {
		t.Errorf("template edited: reused %d pages; want 0", res.Reused)
	}

	// A new page changes the set of link targets: nothing is reused.
	writeFiles(t, dir, map[string]string{"content/articles/d.md": "---\ntitle: D\ndate: 2025-03-01\n---\nD.\n"})
	if res := build(); res.Reused != 0 {
		t.Errorf("page added: reused %d pages; want 0", res.Reused)
	}
	if res := build(); res.Reused != 4 || !res.Kept {
		t.Errorf("unchanged again: reused %d pages, output kept %v; want 4, and kept", res.Reused, res.Kept)
	}

	// With the output folder gone there is nothing to link from; the cache
	// the build then writes serves the next one.
	if err := os.RemoveAll(dest); err != nil {
		t.Fatal(err)
	}
	if res := build(); res.Reused != 0 {
		t.Errorf("output removed: reused %d pages; want 0", res.Reused)
	}
	if res := build(); res.Reused != 4 {
		t.Errorf("after the output was made again: reused %d pages; want 4", res.Reused)
	}
}

// TestCacheKeepsOutput checks that a build that would write exactly the
// files the output holds leaves the output folder as it is, and that any
// difference, even in a file no page owns, makes a new output.
func TestCacheKeepsOutput(t *testing.T) {
	dir, dest, build := newCacheSite(t)
	stat := func(p string) os.FileInfo {
		t.Helper()
		fi, err := os.Stat(filepath.Join(dest, p))
		if err != nil {
			t.Fatal(err)
		}
		return fi
	}
	build()
	folder, page := stat("."), stat("articles/a/index.html")
	if res := build(); !res.Kept {
		t.Fatal("a build with nothing changed made a new output")
	}
	if !os.SameFile(folder, stat(".")) || !os.SameFile(page, stat("articles/a/index.html")) {
		t.Error("a build with nothing changed replaced the output folder or a page")
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".plotline-*"))
	if len(leftovers) > 0 {
		t.Errorf("left beside the output: %v", leftovers)
	}

	for _, tc := range []struct {
		name   string
		change func()
	}{
		{"a theme file removed from the output", func() {
			if err := os.Remove(filepath.Join(dest, "theme", "css", "plotline.css")); err != nil {
				t.Fatal(err)
			}
		}},
		{"the feed changed in the output", func() {
			if err := os.WriteFile(filepath.Join(dest, "feed.xml"), []byte("<feed/>"), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"a page removed from the output", func() {
			if err := os.Remove(filepath.Join(dest, "articles", "b", "index.html")); err != nil {
				t.Fatal(err)
			}
		}},
		{"an article added to the site", func() {
			writeFiles(t, dir, map[string]string{"content/articles/d.md": "---\ntitle: D\ndate: 2025-03-01\n---\nD.\n"})
		}},
		{"that article removed", func() {
			if err := os.Remove(filepath.Join(dir, "content", "articles", "d.md")); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		tc.change()
		if res := build(); res.Kept {
			t.Errorf("%s: the output was kept", tc.name)
		}
		if res := build(); !res.Kept {
			t.Errorf("%s: the build after it made a new output", tc.name)
		}
	}
}

// TestCacheKeepsWarnings checks that a page taken from the cache reports
// its warnings again: a second build of an unchanged site says what the
// first said, as a clean build would.
func TestCacheKeepsWarnings(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	cache := filepath.Join(t.TempDir(), "cache.gob")
	files := maps.Clone(testSite)
	// "10" is the first value of stock.csv, typed by hand; "```charts" is a
	// fence one letter away from a chart.
	files["content/articles/c.md"] += "\nThe stock started at 10.\n\n```charts\ndata: stock\n```\n"
	writeFiles(t, dir, files)
	first := cachedBuild(t, dir, dest, cache)
	if len(first.Warnings) < 2 {
		t.Fatalf("first build warned %d times; want the typed number and the fence:\n%v", len(first.Warnings), first.Warnings)
	}
	second := cachedBuild(t, dir, dest, cache)
	if second.Reused != 3 {
		t.Errorf("second build reused %d pages; want all 3", second.Reused)
	}
	if !slices.Equal(second.Warnings, first.Warnings) {
		t.Errorf("second build's warnings:\n%v\nwant the first build's:\n%v", second.Warnings, first.Warnings)
	}
}

// TestCacheReusesAllWithShortFeed checks that an unchanged site is taken
// whole from the cache when it has more articles than the feed shows:
// which articles the feed needs is known from the index before any
// renders, so none is rendered again for feed HTML it does not need.
func TestCacheReusesAllWithShortFeed(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	cache := filepath.Join(t.TempDir(), "cache.gob")
	files := map[string]string{"plotline.yaml": "feed_items: 2\n"}
	// The oldest articles come first in the folder, and are read first.
	for i, name := range []string{"a", "b", "c", "d", "e", "f"} {
		files["content/articles/"+name+".md"] = fmt.Sprintf("---\ntitle: %s\ndate: 2025-01-%02d\n---\nBody of %s.\n", strings.ToUpper(name), i+1, name)
	}
	writeFiles(t, dir, files)
	if res := cachedBuild(t, dir, dest, cache); res.Reused != 0 {
		t.Fatalf("first build reused %d pages; want 0", res.Reused)
	}
	if res := cachedBuild(t, dir, dest, cache); res.Reused != 6 || !res.Kept {
		t.Errorf("unchanged site: reused %d pages, output kept %v; want all 6, and kept", res.Reused, res.Kept)
	}
	feed, err := os.ReadFile(filepath.Join(dest, "feed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(feed), "<entry>"); n != 2 || !strings.Contains(string(feed), "Body of f.") || !strings.Contains(string(feed), "Body of e.") {
		t.Errorf("feed has %d entries; want the 2 newest, f and e, with their text:\n%s", n, feed)
	}
}

// changingFS serves the folder it wraps, except that a file in later
// reads as its text there from the second time it is opened on: a file
// saved again while a build reads the site.
type changingFS struct {
	fs.FS
	later map[string]string
	mu    sync.Mutex
	opens map[string]int
}

func (c *changingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opens[name]++
	n := c.opens[name]
	c.mu.Unlock()
	if text, ok := c.later[name]; ok && n > 1 {
		return fstest.MapFS{name: {Data: []byte(text), Mode: 0o644}}.Open(name)
	}
	return c.FS.Open(name)
}

func (c *changingFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(c.FS, name) }

func (c *changingFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(c.FS, name) }

// TestFeedAfterDateChange checks the feed of a build during which an
// article's date changed after the index read it: the index put the
// other article in the feed, the render found this one newer, and the
// feed must show it, with its text.
func TestFeedAfterDateChange(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	writeFiles(t, dir, map[string]string{
		"plotline.yaml":         "feed_items: 1\n",
		"content/articles/a.md": "---\ntitle: A\ndate: 2025-01-01\n---\nBody of a.\n",
		"content/articles/b.md": "---\ntitle: B\ndate: 2025-01-02\n---\nBody of b.\n",
	})
	fsys := &changingFS{
		FS:    os.DirFS(dir),
		later: map[string]string{"content/articles/a.md": "---\ntitle: A\ndate: 2025-03-01\n---\nBody of a, saved again.\n"},
		opens: map[string]int{},
	}
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	res, err := NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: dest}).Build(t.Context())
	if err != nil {
		t.Fatalf("build: %v (%v)", err, res.Warnings)
	}
	feed, err := os.ReadFile(filepath.Join(dest, "feed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(feed), "<entry>"); n != 1 || !strings.Contains(string(feed), "Body of a, saved again.") {
		t.Errorf("feed has %d entries; want 1, the article saved again, with its text:\n%s", n, feed)
	}
}

// TestCacheNotSaved checks that a build that cannot save its cache (a
// file where its folder goes) says so in a warning, where the next build
// rendered every page again without a word.
func TestCacheNotSaved(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	writeFiles(t, dir, testSite)
	blocked := filepath.Join(t.TempDir(), "plotline")
	if err := os.WriteFile(blocked, []byte("not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(blocked, "cache.gob")
	res := cachedBuild(t, dir, dest, cache)
	want := cache + ": warning: could not save the build cache (not a directory), so the next build renders every page again: make the folder writable by this user, or build with --no-cache"
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.String())
	}
	if !slices.Contains(got, want) {
		t.Errorf("warnings:\n%s\nwant among them\n%s", strings.Join(got, "\n"), want)
	}
}

// countingFS counts the files opened through it, by path.
type countingFS struct {
	fs.FS
	mu     sync.Mutex
	opened map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opened[name]++
	c.mu.Unlock()
	return c.FS.Open(name)
}

// TestCacheReadsADependencyOnce checks that a CSV file that many blocks
// of a page read is read as often as one block's is, in a build that
// renders the page and in one that reuses it: the page's cache key read
// and hashed the file once a block, and a thousand blocks of one 3.5 MB
// file took minutes.
func TestCacheReadsADependencyOnce(t *testing.T) {
	opens := func(blocks int) [2]int {
		dir := t.TempDir()
		var front strings.Builder
		for i := range blocks {
			fmt.Fprintf(&front, "  b%d: {csv: stock.csv}\n", i)
		}
		writeFiles(t, dir, map[string]string{
			"plotline.yaml":              "title: T\n",
			"content/articles/stock.csv": "date,value\n2025-01-01,10\n2025-01-05,7\n",
			"content/articles/a.md":      "---\ntitle: A\ndate: 2025-01-06\ndata:\n" + front.String() + "---\nNow {{ b0.last.value }}.\n",
		})
		cache := filepath.Join(t.TempDir(), "cache.gob")
		var n [2]int
		for run := range n { // rendered, then reused
			fsys := &countingFS{FS: os.DirFS(dir), opened: map[string]int{}}
			cfg, err := config.Load(fsys)
			if err != nil {
				t.Fatal(err)
			}
			b := NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: filepath.Join(dir, "public"), CacheFile: cache})
			if res, err := b.Build(context.Background()); err != nil || res.Reused != run {
				t.Fatalf("build %d: reused %d pages, %v; want %d", run+1, res.Reused, err, run)
			}
			n[run] = fsys.opened["content/articles/stock.csv"]
		}
		return n
	}
	if one, many := opens(1), opens(50); many != one {
		t.Errorf("stock.csv opened %v times (a build that renders, one that reuses) for 50 blocks of a page, %v for one; want as many", many, one)
	}
}

// TestCSVReadOnceABuild checks that a CSV file the blocks of many pages
// read is opened as often by a build of twenty such pages as by one of a
// single page: it was read and parsed once a page, and one series of 3 MB
// charted on 60 pages took 40 s to build, 13 s once shared.
func TestCSVReadOnceABuild(t *testing.T) {
	opens := func(pages int) int {
		dir := t.TempDir()
		files := map[string]string{
			"plotline.yaml":            "title: T\n",
			"content/shared/stock.csv": "date,value\n2025-01-01,10\n2025-01-05,7\n",
		}
		for i := range pages {
			files[fmt.Sprintf("content/articles/a%d.md", i)] = "---\ntitle: A\ndate: 2025-01-06\ndata:\n  s: {csv: ../shared/stock.csv}\n---\nNow {{ s.last.value }}.\n"
		}
		writeFiles(t, dir, files)
		fsys := &countingFS{FS: os.DirFS(dir), opened: map[string]int{}}
		cfg, err := config.Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		b := NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: filepath.Join(dir, "public")})
		if _, err := b.Build(context.Background()); err != nil {
			t.Fatal(err)
		}
		return fsys.opened["content/shared/stock.csv"]
	}
	if one, many := opens(1), opens(20); many != one {
		t.Errorf("stock.csv opened %d times by a build of 20 pages that read it, %d by one of a single page; want as many", many, one)
	}
}
