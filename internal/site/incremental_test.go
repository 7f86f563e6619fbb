package site

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/overlay"
)

// testSite is a small site with a CSV-backed chart, used by the
// incremental tests.
var testSite = map[string]string{
	"content/articles/a.md":      "---\ntitle: A\ndate: 2025-01-03\ntags: [x]\n---\nAlpha body. See [B](b.md).\n",
	"content/articles/b.md":      "---\ntitle: B\ndate: 2025-01-02\ntags: [x, y]\n---\nBeta body.\n",
	"content/articles/c.md":      "---\ntitle: C\ndate: 2025-01-01\ndata:\n  stock:\n    csv: stock.csv\n    projection:\n      rate: -1\n      limit: 0\n---\nC runs out on {{ stock.crossing }}.\n\n```chart\ndata: stock\n```\n",
	"content/articles/stock.csv": "date,value\n2025-01-01,10\n2025-01-05,8\n",
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func newTestBuilder(t *testing.T, dir, dest string) *Builder {
	t.Helper()
	fsys := os.DirFS(dir)
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: dest})
}

// builtTestSite writes files into a new folder and builds it once, into
// the folder's public folder, as watch and serve do before they rebuild.
func builtTestSite(t *testing.T, files map[string]string) (dir, dest string, b *Builder) {
	t.Helper()
	dir = t.TempDir()
	dest = filepath.Join(dir, "public")
	writeFiles(t, dir, files)
	b = newTestBuilder(t, dir, dest)
	if _, err := b.Build(t.Context()); err != nil {
		t.Fatal(err)
	}
	return dir, dest, b
}

// readTree returns every file under dir by slash path, and every folder
// but dir itself as its path with a slash at the end and no contents.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			out[filepath.ToSlash(rel)+"/"] = nil
			return nil
		}
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// assertSameAsCleanBuild builds dir from scratch elsewhere and compares
// every file with dest.
func assertSameAsCleanBuild(t *testing.T, dir, dest string) {
	t.Helper()
	clean := filepath.Join(t.TempDir(), "clean")
	if _, err := newTestBuilder(t, dir, clean).Build(context.Background()); err != nil {
		t.Fatalf("clean build: %v", err)
	}
	got, want := readTree(t, dest), readTree(t, clean)
	for name, w := range want {
		g, ok := got[name]
		if !ok {
			t.Errorf("%s: missing after the rebuild", name)
		} else if !bytes.Equal(g, w) {
			t.Errorf("%s: differs from a clean build", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: left over; a clean build does not write it", name)
		}
	}
}

func TestRebuildOneArticle(t *testing.T) {
	dir, dest, b := builtTestSite(t, testSite)
	ctx := context.Background()

	// A body edit re-renders that article alone: its summary is unchanged,
	// so the lists stay, but the feed carries its HTML.
	writeFiles(t, dir, map[string]string{"content/articles/a.md": strings.Replace(testSite["content/articles/a.md"], "Alpha body.", "Alpha body, edited.", 1)})
	res, err := b.Rebuild(ctx, []string{"content/articles/a.md"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Full || res.Pages != 1 {
		t.Errorf("body edit: Full=%v, %d pages rendered; want an incremental build of 1 page", res.Full, res.Pages)
	}
	if want := []string{"articles/a/index.html", "feed.xml"}; !slices.Equal(res.Changed, want) {
		t.Errorf("body edit changed %v; want %v", res.Changed, want)
	}
	assertSameAsCleanBuild(t, dir, dest)

	// A new title shows on the home page and the tag pages too.
	writeFiles(t, dir, map[string]string{"content/articles/b.md": strings.Replace(testSite["content/articles/b.md"], "title: B", "title: Bee", 1)})
	res, err = b.Rebuild(ctx, []string{"content/articles/b.md"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"articles/b/index.html", "index.html", "tags/x/index.html", "tags/y/index.html", "feed.xml"} {
		if !slices.Contains(res.Changed, want) {
			t.Errorf("title edit: %s not rewritten (changed: %v)", want, res.Changed)
		}
	}
	if slices.Contains(res.Changed, "articles/a/index.html") || slices.Contains(res.Changed, "articles/c/index.html") {
		t.Errorf("title edit of b rewrote other articles: %v", res.Changed)
	}
	assertSameAsCleanBuild(t, dir, dest)

	// A new date moves an article to the top of the lists and the feed.
	writeFiles(t, dir, map[string]string{"content/articles/c.md": strings.Replace(testSite["content/articles/c.md"], "date: 2025-01-01", "date: 2025-02-01", 1)})
	res, err = b.Rebuild(ctx, []string{"content/articles/c.md"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Full || !slices.Contains(res.Changed, "index.html") || !slices.Contains(res.Changed, "feed.xml") {
		t.Errorf("date edit: Full=%v, changed %v; want an incremental build that rewrites the home page and the feed", res.Full, res.Changed)
	}
	assertSameAsCleanBuild(t, dir, dest)

	// An edited CSV re-renders the article that reads it.
	writeFiles(t, dir, map[string]string{"content/articles/stock.csv": "date,value\n2025-01-01,10\n2025-01-05,9\n"})
	res, err = b.Rebuild(ctx, []string{"content/articles/stock.csv"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Full || !slices.Contains(res.Changed, "articles/c/index.html") || !slices.Contains(res.Changed, "articles/stock.csv") {
		t.Errorf("CSV edit: Full=%v, changed %v; want articles/c/index.html and the CSV itself", res.Full, res.Changed)
	}
	assertSameAsCleanBuild(t, dir, dest)
}

func TestRebuildErrorsKeepOutput(t *testing.T) {
	dir, dest, b := builtTestSite(t, testSite)
	ctx := context.Background()
	before := readTree(t, dest)

	writeFiles(t, dir, map[string]string{"content/articles/a.md": "---\ntitle: A\ndate: someday\n---\nBroken.\n"})
	_, err := b.Rebuild(ctx, []string{"content/articles/a.md"})
	var l diag.List
	if !errors.As(err, &l) || !strings.Contains(l.Error(), "content/articles/a.md:3:7: date:") {
		t.Fatalf("Rebuild of a broken page = %v; want the date error at content/articles/a.md:3:7", err)
	}
	after := readTree(t, dest)
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("%s changed although the rebuild failed", name)
		}
	}

	// The fix, passed as a change of its own, is built.
	writeFiles(t, dir, map[string]string{"content/articles/a.md": testSite["content/articles/a.md"]})
	if _, err := b.Rebuild(ctx, []string{"content/articles/a.md"}); err != nil {
		t.Fatal(err)
	}
	assertSameAsCleanBuild(t, dir, dest)

	// A template that fails while it runs is a diagnostic at its line
	// and column, and the output stays as it was.
	before = readTree(t, dest)
	writeFiles(t, dir, map[string]string{"templates/partials/article-item.html": "{{ define \"article-item\" }}\n<li>{{ .Nope }}</li>{{ end }}"})
	_, err = b.Rebuild(ctx, []string{"templates/partials/article-item.html"})
	if !errors.As(err, &l) || !strings.Contains(l.Error(), `templates/partials/article-item.html:2:8: executing "article-item" at <.Nope>`) {
		t.Fatalf("Rebuild with a failing template = %v; want its error at templates/partials/article-item.html:2:8", err)
	}
	after = readTree(t, dest)
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("%s changed although the rebuild failed", name)
		}
	}
}

// TestRebuildShapeChanges adds, renames and removes pages, then changes a
// template, the article-item partial, the stylesheet and the site's
// words: the first three are rebuilt in place, the others in full, and
// after each the output is what a clean build makes.
func TestRebuildShapeChanges(t *testing.T) {
	dir, dest, b := builtTestSite(t, testSite)
	ctx := context.Background()
	steps := []struct {
		name   string
		do     func()
		change string
		full   bool
	}{
		{"new article in a new folder", func() {
			writeFiles(t, dir, map[string]string{"content/notes/d.md": "---\ntitle: D\ndate: 2025-02-01\n---\nNew.\n"})
		}, "content/notes/d.md", false},
		{"slug change", func() {
			writeFiles(t, dir, map[string]string{"content/notes/d.md": "---\ntitle: D\ndate: 2025-02-01\nslug: dee\n---\nNew.\n"})
		}, "content/notes/d.md", false},
		// The folder's redirect page (writeSections) goes with its last
		// article, and comes back with a new one.
		{"last article of a folder deleted", func() {
			if _, err := os.Stat(filepath.Join(dest, "notes/index.html")); err != nil {
				t.Errorf("no redirect page for the folder of notes/dee/: %v", err)
			}
			if err := os.Remove(filepath.Join(dir, "content/notes/d.md")); err != nil {
				t.Fatal(err)
			}
		}, "content/notes/d.md", false},
		{"article back in the folder", func() {
			if _, err := os.Stat(filepath.Join(dest, "notes/index.html")); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("the redirect page of a folder without articles is in the output: %v", err)
			}
			writeFiles(t, dir, map[string]string{"content/notes/d.md": "---\ntitle: D\ndate: 2025-02-01\nslug: dee\n---\nNew.\n"})
		}, "content/notes/d.md", false},
		{"deleted article", func() {
			if err := os.Remove(filepath.Join(dir, "content/articles/b.md")); err != nil {
				t.Fatal(err)
			}
			// a.md links to b.md: it must change too, or the build fails.
			writeFiles(t, dir, map[string]string{"content/articles/a.md": "---\ntitle: A\ndate: 2025-01-03\ntags: [x]\n---\nAlpha alone.\n"})
		}, "content/articles/b.md", false},
		// A draft's page bundle: its files are published with it, not
		// before. A change to whether a bundle is built, or to a file of
		// one left out, is a full build.
		{"draft bundle", func() {
			writeFiles(t, dir, map[string]string{
				"content/articles/e/index.md": "---\ntitle: E\ndate: 2025-02-02\ndraft: true\n---\nEmbargoed.\n",
				"content/articles/e/leak.csv": "date,value\n2025-01-01,1\n",
			})
		}, "content/articles/e/index.md", true},
		{"file of a draft bundle", func() {
			writeFiles(t, dir, map[string]string{"content/articles/e/leak.csv": "date,value\n2025-01-01,2\n"})
		}, "content/articles/e/leak.csv", true},
		{"draft bundle published", func() {
			writeFiles(t, dir, map[string]string{"content/articles/e/index.md": "---\ntitle: E\ndate: 2025-02-02\n---\nOut now.\n"})
		}, "content/articles/e/index.md", true},
		{"bundle back to draft", func() {
			writeFiles(t, dir, map[string]string{"content/articles/e/index.md": "---\ntitle: E\ndate: 2025-02-02\ndraft: true\n---\nPulled.\n"})
		}, "content/articles/e/index.md", true},
		// A page in the site's navigation is in every page's header.
		{"page into the navigation", func() {
			writeFiles(t, dir, map[string]string{"content/colophon.md": "---\ntitle: Colophon\ndate: 2025-01-01\ntype: page\nnav: Colophon\n---\nHow.\n"})
		}, "content/colophon.md", true},
		{"text of a page in the navigation", func() {
			writeFiles(t, dir, map[string]string{"content/colophon.md": "---\ntitle: Colophon\ndate: 2025-01-01\ntype: page\nnav: Colophon\n---\nHow, in more words.\n"})
		}, "content/colophon.md", false},
		{"page out of the navigation", func() {
			writeFiles(t, dir, map[string]string{"content/colophon.md": "---\ntitle: Colophon\ndate: 2025-01-01\ntype: page\n---\nHow.\n"})
		}, "content/colophon.md", true},
		{"template", func() {
			writeFiles(t, dir, map[string]string{"templates/partials/footer.html": `{{ define "footer" }}<footer>Own footer</footer>{{ end }}`})
		}, "templates/partials/footer.html", true},
		{"list entry template", func() {
			writeFiles(t, dir, map[string]string{"templates/partials/article-item.html": `{{ define "article-item" }}<li class="own-item"><a href="{{ url .URL }}">{{ .Title }}</a></li>{{ end }}`})
		}, "templates/partials/article-item.html", true},
		{"stylesheet", func() {
			writeFiles(t, dir, map[string]string{"theme/css/plotline.css": "body{color:red}"})
		}, "theme/css/plotline.css", true},
		// The site's words are in every page: a full build.
		{"words", func() {
			writeFiles(t, dir, map[string]string{"i18n/en.yaml": "articles: Stories\n"})
		}, "i18n/en.yaml", true},
	}
	for _, s := range steps {
		s.do()
		changes := []string{s.change}
		switch s.name {
		case "deleted article":
			changes = append(changes, "content/articles/a.md")
		case "draft bundle":
			changes = append(changes, "content/articles/e/leak.csv")
		}
		res, err := b.Rebuild(ctx, changes)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if res.Full != s.full {
			t.Errorf("%s: full build = %v; want %v", s.name, res.Full, s.full)
		}
		assertSameAsCleanBuild(t, dir, dest)
	}
	if _, err := os.Stat(filepath.Join(dest, "articles/e/leak.csv")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a draft's file is in the output: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dest, "articles/b/index.html")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("deleted article still in the output: %v", err)
	}
	home, _ := os.ReadFile(filepath.Join(dest, "index.html"))
	if !bytes.Contains(home, []byte(`aria-current="page">Stories</a>`)) {
		t.Errorf("home page does not use the site's own word for Articles")
	}
	if !bytes.Contains(home, []byte(`<li class="own-item">`)) {
		t.Errorf("home page does not use the site's own article-item template")
	}
	if !bytes.Contains(home, []byte(`href="/notes/dee/"`)) || bytes.Contains(home, []byte(`href="/articles/b/"`)) {
		t.Errorf("home page does not list the new article, or still lists the deleted one")
	}
}

// TestRebuildPagedLists checks that a change to one article re-renders only
// the list pages that show it.
func TestRebuildPagedLists(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	files := map[string]string{"plotline.yaml": "page_size: 2\n"}
	for i, name := range []string{"a", "b", "c", "d", "e"} {
		files["content/articles/"+name+".md"] = "---\ntitle: " + strings.ToUpper(name) + "\ndate: 2025-01-0" + string(rune('1'+i)) + "\n---\nBody.\n"
	}
	writeFiles(t, dir, files)
	b := newTestBuilder(t, dir, dest)
	ctx := context.Background()
	if _, err := b.Build(ctx); err != nil {
		t.Fatal(err)
	}
	// a is the oldest: it sits on page 3 alone.
	writeFiles(t, dir, map[string]string{"content/articles/a.md": "---\ntitle: Aardvark\ndate: 2025-01-01\n---\nBody.\n"})
	res, err := b.Rebuild(ctx, []string{"content/articles/a.md"})
	if err != nil {
		t.Fatal(err)
	}
	// The article, its list page and the feed; not pages 1 and 2.
	want := []string{"articles/a/index.html", "feed.xml", "page/3/index.html"}
	if !slices.Equal(res.Changed, want) {
		t.Errorf("changed %v; want %v", res.Changed, want)
	}
	// Rendered: the article and page 3, plus the tags index, which is
	// always rendered with the lists.
	if res.Pages != 3 {
		t.Errorf("rendered %d pages; want 3 (the article, page 3, the tags index)", res.Pages)
	}
	assertSameAsCleanBuild(t, dir, dest)
}

// TestRebuildAfterAnotherBuild replaces the output of a builder, as
// `plotline build` with another base URL in a second terminal would while
// `plotline serve` runs, and then removes it: each time, the next edit
// rebuilds the whole site, so that the output is again all the builder's
// own and not a mix of the two.
func TestRebuildAfterAnotherBuild(t *testing.T) {
	dir, dest, b := builtTestSite(t, testSite)
	other := newTestBuilder(t, dir, dest)
	other.cfg.BaseURL = "https://elsewhere.example/"
	edit := 0
	for _, step := range []struct {
		name   string
		change func()
	}{
		{"replaced by another build", func() {
			if _, err := other.Build(t.Context()); err != nil {
				t.Fatal(err)
			}
		}},
		{"removed", func() {
			if err := os.RemoveAll(dest); err != nil {
				t.Fatal(err)
			}
		}},
		// rm -rf public; mkdir public: the new folder often gets the
		// old one's number, and the rebuild wrote its two files into
		// it, leaving a site of two files.
		{"removed and made again", func() {
			if err := os.RemoveAll(dest); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(dest, 0o755); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		step.change()
		edit++
		writeFiles(t, dir, map[string]string{"content/articles/a.md": strings.Replace(testSite["content/articles/a.md"], "Alpha body.", "Alpha body, edit "+strconv.Itoa(edit)+".", 1)})
		res, err := b.Rebuild(t.Context(), []string{"content/articles/a.md"})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Full {
			t.Errorf("output %s: the edit rebuilt %d pages in place; want a full build", step.name, res.Pages)
		}
		assertSameAsCleanBuild(t, dir, dest)
	}

	// Its own output, untouched since: an edit is incremental again.
	writeFiles(t, dir, map[string]string{"content/articles/a.md": testSite["content/articles/a.md"]})
	res, err := b.Rebuild(t.Context(), []string{"content/articles/a.md"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Full {
		t.Errorf("output untouched: the edit made a full build; want one page rendered")
	}
	assertSameAsCleanBuild(t, dir, dest)
}

// TestRebuildOutputNoLongerOne replaces the output, while the Builder
// that wrote it waits for changes as watch and serve do, with what no
// build may replace: a symbolic link to a folder of a writer's files, and
// a file. The rebuild says so and leaves them; a full build replaced the
// link's folder, deleting the writer's file, and the file with a folder.
// Once the output is gone the rebuild builds it again.
func TestRebuildOutputNoLongerOne(t *testing.T) {
	dir, dest, b := builtTestSite(t, testSite)
	notes := filepath.Join(t.TempDir(), "notes")
	writeFiles(t, notes, map[string]string{"thesis.txt": "My thesis."})
	edit := func(n int) {
		writeFiles(t, dir, map[string]string{"content/articles/a.md": strings.Replace(testSite["content/articles/a.md"], "Alpha body.", "Alpha body, edit "+strconv.Itoa(n)+".", 1)})
	}
	if err := os.RemoveAll(dest); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(notes, dest); err != nil {
		t.Fatal(err)
	}
	edit(1)
	_, err := b.Rebuild(t.Context(), []string{"content/articles/a.md"})
	if err == nil || !strings.Contains(err.Error(), "is a symbolic link to "+notes+", which holds files no plotline build wrote") {
		t.Errorf("rebuild into a link to a folder of other files: error %v; want one naming the link", err)
	}
	if got := readTree(t, notes); len(got) != 1 || string(got["thesis.txt"]) != "My thesis." {
		t.Errorf("after the rebuild, the link's folder holds %d files; want the thesis alone", len(got))
	}

	if err := os.Remove(dest); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"public": "My notes."})
	edit(2)
	_, err = b.Rebuild(t.Context(), []string{"content/articles/a.md"})
	if err == nil || !strings.Contains(err.Error(), "is not a folder") {
		t.Errorf("rebuild into a file: error %v; want one saying it is not a folder", err)
	}
	if got, err := os.ReadFile(dest); err != nil || string(got) != "My notes." {
		t.Errorf("after the rebuild, the file holds %q, %v; want it as it was", got, err)
	}

	if err := os.Remove(dest); err != nil {
		t.Fatal(err)
	}
	edit(3)
	if _, err := b.Rebuild(t.Context(), []string{"content/articles/a.md"}); err != nil {
		t.Fatal(err)
	}
	assertSameAsCleanBuild(t, dir, dest)

	// A folder of other files in the output's place is refused, but for
	// the site's own public/, which a build replaces whatever it holds,
	// as the first build does.
	for _, claimed := range []bool{false, true} {
		if err := os.RemoveAll(dest); err != nil {
			t.Fatal(err)
		}
		writeFiles(t, dest, map[string]string{"old.txt": "Old."})
		b.opts.DestClaimed = claimed
		edit(4)
		_, err := b.Rebuild(t.Context(), []string{"content/articles/a.md"})
		if claimed != (err == nil) {
			t.Errorf("rebuild into a folder of other files, claimed %v: error %v", claimed, err)
		}
	}
	assertSameAsCleanBuild(t, dir, dest)
}

// assertSameErrorsAsCleanBuild builds dir from scratch elsewhere and
// compares its diagnostics with err, those of a rebuild.
func assertSameErrorsAsCleanBuild(t *testing.T, dir string, err error) {
	t.Helper()
	clean := filepath.Join(t.TempDir(), "clean")
	_, want := newTestBuilder(t, dir, clean).Build(context.Background())
	if want == nil {
		t.Fatalf("clean build succeeded; the rebuild said %v", err)
	}
	if err == nil || err.Error() != want.Error() {
		t.Errorf("rebuild errors:\n%v\nwant those of a clean build:\n%v", err, want)
	}
}

// TestRebuildReportsEveryError changes three pages at once, one with a
// mistake in its front matter and two with mistakes in their bodies: the
// rebuild reports all three, as a clean build does.
func TestRebuildReportsEveryError(t *testing.T) {
	dir, _, b := builtTestSite(t, testSite)
	ctx := context.Background()
	writeFiles(t, dir, map[string]string{
		"content/articles/bad.md":   "---\ntitle: Broken: title\ndate: 2025-01-01\n---\nBody.\n",
		"content/articles/other.md": "---\ntitle: Other\ndate: 2025-01-01\n---\nValue {{ a.zz }}.\n",
		"content/articles/b.md":     "---\ntitle: B\ndate: 2025-01-02\ntags: [x, y]\n---\nBeta [x](missing.md).\n",
	})
	_, err := b.Rebuild(ctx, []string{"content/articles/bad.md", "content/articles/other.md", "content/articles/b.md"})
	for _, want := range []string{
		// "title: Broken: title": the second colon is at column 14.
		`content/articles/bad.md:2:14: front matter: a value holding ": " needs quotes`,
		// "Beta [x](missing.md)." on line 6: the [ is at column 6.
		`content/articles/b.md:6:6: link "missing.md": no such page`,
		// "Value {{ a.zz }}.": the {{ is at column 7.
		`content/articles/other.md:5:7: {{ a.zz }}: no data block "a"`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Rebuild = %v; want %s", err, want)
		}
	}
	assertSameErrorsAsCleanBuild(t, dir, err)

	// The front matter mended, the two others are still reported.
	writeFiles(t, dir, map[string]string{"content/articles/bad.md": "---\ntitle: Mended\ndate: 2025-01-01\n---\nBody.\n"})
	_, err = b.Rebuild(ctx, []string{"content/articles/bad.md", "content/articles/other.md", "content/articles/b.md"})
	assertSameErrorsAsCleanBuild(t, dir, err)
}

// TestRebuildDraftMistake saves drafts with mistakes in their front
// matter and body: a clean build leaves a draft out without reading it
// further, and so must a rebuild, rather than fail on a page it does not
// build.
func TestRebuildDraftMistake(t *testing.T) {
	dir, dest, b := builtTestSite(t, testSite)
	ctx := context.Background()
	writeFiles(t, dir, map[string]string{
		"content/articles/d1.md": "---\ntitle: Draft\ndate: next tuesday\ndraft: true\n---\nNot yet.\n",
		"content/articles/d2.md": "---\ntitle: Draft\ndate: 2025-01-01\ndraft: true\ndata:\n  a: {value: x}\n---\nNot yet {{ b.zz }}.\n",
	})
	if _, err := b.Rebuild(ctx, []string{"content/articles/d1.md", "content/articles/d2.md"}); err != nil {
		t.Errorf("Rebuild = %v; want no error, as a clean build gives none", err)
	}
	assertSameAsCleanBuild(t, dir, dest)
}

// TestFrontMatterMistakeChecksBody checks that a page with a mistake in a
// value of its front matter still has its body checked, by a clean build
// and by a rebuild alike, so that one build shows every mistake of the
// file; and that the body of a page whose front matter cannot be read at
// all is not, since every value in it would be an error of plotline's
// making.
func TestFrontMatterMistakeChecksBody(t *testing.T) {
	dir, _, b := builtTestSite(t, testSite)
	writeFiles(t, dir, map[string]string{
		// A month 13; a block with a limit written as text; a value of no
		// block; a link to nothing; a chart of no block.
		"content/articles/bad.md": "---\ntitle: Bad\ndate: 2025-13-01\ndata:\n  a:\n    unit: t\n    series:\n" +
			"      - {date: 2025-01-01, value: 1}\n      - {date: 2025-02-01, value: 2}\n    projection: {rate: 1, limit: lots}\n---\n" +
			"Now {{ a.last.value }} and {{ zz.last.value }}, see [this](nowhere.md).\n\n```chart\ndata: yy\n```\n",
		// "title: Broken: title" cannot be read; its {{ qq }} is no mistake
		// of the writer's to report.
		"content/articles/unread.md": "---\ntitle: Broken: title\ndate: 2025-01-01\n---\nValue {{ qq.last.value }}.\n",
	})
	_, err := b.Rebuild(context.Background(), []string{"content/articles/bad.md", "content/articles/unread.md"})
	for _, want := range []string{
		// "date: 2025-13-01" on line 3: the value at column 7.
		`content/articles/bad.md:3:7: date: cannot parse "2025-13-01"`,
		// "    projection: {rate: 1, limit: lots}" on line 10: lots at column 34.
		`content/articles/bad.md:10:34: limit: cannot use "lots" as a number`,
		// "Now {{ a.last.value }} and {{ zz.last.value }}, see [this](nowhere.md)." on line 12.
		`content/articles/bad.md:12:28: {{ zz.last.value }}: no data block "zz"`,
		`content/articles/bad.md:12:53: link "nowhere.md": no such page`,
		// "data: yy" on line 15, the chart block's second line.
		`content/articles/bad.md:15:7: chart: no data block "yy"`,
		`content/articles/unread.md:2:14: front matter: a value holding ": " needs quotes`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Rebuild = %v; want %s", err, want)
		}
	}
	if err != nil && strings.Contains(err.Error(), "qq") {
		t.Errorf("Rebuild = %v; want nothing of the body of a page whose front matter is not read", err)
	}
	assertSameErrorsAsCleanBuild(t, dir, err)
}

// TestThemeLeavesOutHidden checks that a theme that is a git clone does
// not publish its .git folder, nor editors' backups; and that adding such a
// file to theme/ (which the watcher leaves out) changes nothing a clean
// build would write.
func TestThemeLeavesOutHidden(t *testing.T) {
	files := maps.Clone(testSite)
	files["theme/css/extra.css"] = "body{}\n"
	files["theme/css/extra.css~"] = "body{color:red}\n"
	files["theme/.git/config"] = "[remote \"origin\"]\n\turl = https://user:SECRET@example.com/theme.git\n"
	files["theme/css/#extra.css#"] = "autosave\n"
	files["theme/css/4913"] = "probe\n"
	_, dest, _ := builtTestSite(t, files)
	for name := range readTree(t, dest) {
		if strings.Contains(name, ".git") || strings.HasSuffix(name, "~") || strings.Contains(name, "#") || strings.HasSuffix(name, "4913") {
			t.Errorf("%s published; want hidden folders and editors' files left out", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "theme/css/extra.css")); err != nil {
		t.Errorf("theme/css/extra.css not published: %v", err)
	}
}

// TestRebuildSymlinks edits files that symbolic links of the site lead to:
// one in content/, and ones outside the folders a watcher watches whole
// (a data file, an article, the site's words). A
// rebuild after either equals a clean build, and the builder names the
// targets a watcher must add.
func TestRebuildSymlinks(t *testing.T) {
	files := maps.Clone(testSite)
	files["content/about.md"] = "---\ntitle: About\ndate: 2025-01-05\ntype: page\n---\nAbout v1.\n"
	files["shared/s.md"] = "---\ntitle: Shared\ndate: 2025-01-04\n---\nShared v1.\n"
	files["shared/data.csv"] = "date,value\n2025-01-01,1\n"
	files["shared/words.yaml"] = "articles: Stories\n"
	dir := t.TempDir()
	writeFiles(t, dir, files)
	for link, target := range map[string]string{
		"content/about-copy.md":     "about.md",
		"content/articles/s.md":     "../../shared/s.md",
		"content/articles/data.csv": "../../shared/data.csv",
		"i18n/en.yaml":              "../shared/words.yaml",
	} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(filepath.FromSlash(link))), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(link))); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	dest := filepath.Join(dir, "public")
	b := newTestBuilder(t, dir, dest)
	if _, err := b.Build(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got, want := b.LinkTargets(), []string{"shared/data.csv", "shared/s.md", "shared/words.yaml"}; !slices.Equal(got, want) {
		t.Errorf("LinkTargets() = %q; want %q", got, want)
	}
	for _, edit := range []struct{ file, from, to string }{
		{"content/about.md", "About v1.", "About v2."},
		{"shared/s.md", "Shared v1.", "Shared v2."},
		{"shared/data.csv", "2025-01-01,1\n", "2025-01-01,1\n2025-02-01,2\n"},
		{"shared/words.yaml", "Stories", "Pieces"},
	} {
		writeFiles(t, dir, map[string]string{edit.file: strings.Replace(files[edit.file], edit.from, edit.to, 1)})
		if _, err := b.Rebuild(t.Context(), []string{edit.file}); err != nil {
			t.Fatal(err)
		}
		assertSameAsCleanBuild(t, dir, dest)
	}
	// A new link is a change a full build sees to.
	if err := os.Symlink("about.md", filepath.Join(dir, "content", "about-again.md")); err != nil {
		t.Fatal(err)
	}
	if res, err := b.Rebuild(t.Context(), []string{"content/about-again.md"}); err != nil || !res.Full {
		t.Errorf("Rebuild(new link) = Full %v, %v; want a full build", res.Full, err)
	}
	assertSameAsCleanBuild(t, dir, dest)
}

// TestFirstBuildChangesEverything checks that a build with no previous
// build to compare with (the first, or the first of a new Builder after a
// config edit) reports every file as changed, so that serve reloads the
// open pages.
func TestFirstBuildChangesEverything(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, testSite)
	dest := filepath.Join(dir, "public")
	res, err := newTestBuilder(t, dir, dest).Build(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for name := range readTree(t, dest) {
		if !strings.HasSuffix(name, "/") && name != ".plotline" {
			files = append(files, name)
		}
	}
	slices.Sort(files)
	got := slices.DeleteFunc(slices.Clone(res.Changed), func(p string) bool { return p == ".plotline" })
	if !slices.Equal(got, files) {
		t.Errorf("first build: Changed = %q; want every file of the output %q", res.Changed, files)
	}
}
