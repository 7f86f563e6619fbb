package site

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/sitefs"
)

// rebuildErrors runs a rebuild of changes that must fail, checks that the
// output is as it was, and returns the diagnostics.
func rebuildErrors(t *testing.T, b *Builder, dir, dest string, changes ...string) []string {
	t.Helper()
	before := readTree(t, dest)
	_, err := b.Rebuild(context.Background(), changes)
	var l diag.List
	if !errors.As(err, &l) {
		t.Fatalf("Rebuild(%v) = %v; want diagnostics", changes, err)
	}
	after := readTree(t, dest)
	if len(after) != len(before) {
		t.Errorf("a failed rebuild changed the output: %d entries, %d before", len(after), len(before))
	}
	var out []string
	for _, d := range l.Errors() {
		out = append(out, d.String())
	}
	return out
}

// assertRebuildFails builds files, then writes body to file and checks
// that a rebuild of it fails with an error starting with want.
func assertRebuildFails(t *testing.T, files map[string]string, file, body, want string) {
	t.Helper()
	dir, dest, b := builtTestSite(t, files)
	writeFiles(t, dir, map[string]string{file: body})
	got := rebuildErrors(t, b, dir, dest, file)
	if !slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, want) }) {
		t.Errorf("rebuild: %q; want %q", got, want)
	}
}

// TestRebuildBrokenLinks removes a page and a file that others link to or
// read: each such page renders again and reports the link or the CSV at
// its place; the output stays as it was until the links are mended.
func TestRebuildBrokenLinks(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	files := map[string]string{
		"content/articles/map.png": "png",
		"content/articles/d.md":    "---\ntitle: D\ndate: 2025-01-04\n---\nA map: ![map](map.png)\n",
	}
	for k, v := range testSite {
		files[k] = v
	}
	writeFiles(t, dir, files)
	b := newTestBuilder(t, dir, dest)
	if _, err := b.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"content/articles/b.md", "content/articles/map.png", "content/articles/stock.csv"} {
		if err := os.Remove(filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	got := rebuildErrors(t, b, dir, dest, "content/articles/b.md", "content/articles/map.png", "content/articles/stock.csv")
	want := []string{
		`content/articles/a.md:6:17: link "b.md": no such page in content/`,
		`content/articles/c.md:6:10: csv: content/articles/stock.csv does not exist`,
		`content/articles/d.md:5:8: link "map.png": no page or file of the site has this address`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Mended, the same changes build; the output is a clean build's.
	writeFiles(t, dir, map[string]string{
		"content/articles/a.md":      "---\ntitle: A\ndate: 2025-01-03\ntags: [x]\n---\nAlpha body.\n",
		"content/articles/d.md":      "---\ntitle: D\ndate: 2025-01-04\n---\nNo map.\n",
		"content/articles/stock.csv": "date,value\n2025-01-01,10\n2025-01-05,9\n",
	})
	res, err := b.Rebuild(context.Background(), []string{"content/articles/a.md", "content/articles/b.md", "content/articles/d.md", "content/articles/map.png", "content/articles/stock.csv"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Full {
		t.Errorf("the mended rebuild was a full one")
	}
	assertSameAsCleanBuild(t, dir, dest)
}

// TestRebuildClaimsTwice adds files that would take the place of files
// plotline makes: each is an error naming both writers, in a full build
// and in a rebuild alike.
func TestRebuildClaimsTwice(t *testing.T) {
	for _, tc := range []struct {
		file, body, want string
	}{
		{"content/feed.xml", "<feed/>", "content/feed.xml:1:1: writes feed.xml, which plotline's Atom feed writes too: rename one of them"},
		{"content/theme/css/plotline.css", "body{}", "content/theme/css/plotline.css:1:1: writes theme/css/plotline.css, which theme/css/plotline.css writes too: rename one of them"},
		{"content/articles/c/stock.csv", "x", "content/articles/c/stock.csv:1:1: writes articles/c/stock.csv, which content/articles/c.md writes too: rename one of them"},
		{"content/tags/index.html", "x", "content/tags/index.html:1:1: writes tags/index.html, which plotline's list of tags writes too: rename one of them"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			dir, dest, b := builtTestSite(t, testSite)
			writeFiles(t, dir, map[string]string{tc.file: tc.body})
			if got := rebuildErrors(t, b, dir, dest, tc.file); !slices.Contains(got, tc.want) {
				t.Errorf("rebuild: %v; want %q", got, tc.want)
			}
			_, err := newTestBuilder(t, dir, filepath.Join(t.TempDir(), "public")).Build(context.Background())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("full build: %v; want %q", err, tc.want)
			}
		})
	}
}

// TestRebuildClaimedThrice gives three pages one old address: the last
// build's page, which wrote it alone, and two new ones. Each is an error
// naming another of them, the first in path order, in a rebuild as in a
// clean build; the rebuild named the page of the last build, which wrote
// first there.
func TestRebuildClaimedThrice(t *testing.T) {
	page := func(title string) string {
		return "---\ntitle: " + title + "\ndate: 2025-01-01\naliases: [/old/a0/]\n---\nx\n"
	}
	dir, _, b := builtTestSite(t, map[string]string{"content/articles/q.md": page("Q")})
	writeFiles(t, dir, map[string]string{"content/about.md": page("About"), "content/notes/r.md": page("R")})
	_, err := b.Rebuild(context.Background(), []string{"content/about.md", "content/notes/r.md"})
	// "aliases: [/old/a0/]" is line 4; the alias starts at column 11.
	want := []string{
		"content/about.md:4:11: aliases: writes old/a0/index.html, which content/articles/q.md writes too: remove the alias, or move the other",
		"content/articles/q.md:4:11: aliases: writes old/a0/index.html, which content/about.md writes too: remove the alias, or move the other",
		"content/notes/r.md:4:11: aliases: writes old/a0/index.html, which content/about.md writes too: remove the alias, or move the other",
	}
	if err == nil || errorsOf(err) != strings.Join(want, "\n") {
		t.Errorf("rebuild errors:\n%v\nwant:\n%s", err, strings.Join(want, "\n"))
	}
	assertSameErrorsAsCleanBuild(t, dir, err)
}

// TestRebuildFileOrFolder adds, in a rebuild, files whose output needs a
// folder where another source or plotline writes a file, or the other way
// round: each is an error at its source, where the rebuild failed with the
// error of a file system that cannot make both. A page whose alias moves
// from a file to a folder of the same name, and back, is no clash, and the
// output is then a clean build's.
func TestRebuildFileOrFolder(t *testing.T) {
	for _, tc := range []struct {
		file, body string
		want       []string
	}{
		{"content/articles/d.md", "---\ntitle: D\ndate: 2025-01-04\naliases: [\"/feed.xml/\"]\n---\nx\n", []string{
			"content/articles/d.md:4:11: aliases: writes feed.xml/index.html, in a folder feed.xml, which plotline's Atom feed writes as a file: remove the alias, or move the other",
		}},
		{"content/articles/b/index.html/x.png", "x", []string{
			"content/articles/b.md:1:1: writes articles/b/index.html, a file, where content/articles/b/index.html/x.png writes articles/b/index.html/x.png, which needs a folder of that name: rename one of them",
			"content/articles/b/index.html/x.png:1:1: writes articles/b/index.html/x.png, in a folder articles/b/index.html, which content/articles/b.md writes as a file: rename one of them",
		}},
		{"content/articles/d.md", "---\ntitle: D\ndate: 2025-01-04\naliases: [\"/articles/c/stock.csv/x.html\"]\n---\nx\n", []string{
			"content/articles/d.md:4:11: aliases: writes articles/c/stock.csv/x.html, in a folder articles/c/stock.csv, which content/articles/c.md writes as a file: remove the alias, or move the other",
			"content/articles/c.md:1:1: writes articles/c/stock.csv, a file, where content/articles/d.md writes articles/c/stock.csv/x.html, which needs a folder of that name: rename one of them",
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			dir, dest, b := builtTestSite(t, testSite)
			writeFiles(t, dir, map[string]string{tc.file: tc.body})
			got := rebuildErrors(t, b, dir, dest, tc.file)
			for _, want := range tc.want {
				if !slices.Contains(got, want) {
					t.Errorf("rebuild: %v; want %q", got, want)
				}
			}
			_, err := newTestBuilder(t, dir, filepath.Join(t.TempDir(), "public")).Build(context.Background())
			for _, want := range tc.want {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("full build: %v; want %q", err, want)
				}
			}
		})
	}

	t.Run("moved alias", func(t *testing.T) {
		dir, dest, b := builtTestSite(t, testSite)
		for _, alias := range []string{"/old.html", "/old.html/", "/old.html"} {
			writeFiles(t, dir, map[string]string{"content/articles/b.md": "---\ntitle: B\ndate: 2025-01-02\ntags: [x, y]\naliases: [\"" + alias + "\"]\n---\nBeta body.\n"})
			if _, err := b.Rebuild(context.Background(), []string{"content/articles/b.md"}); err != nil {
				t.Fatalf("alias %s: %v", alias, err)
			}
			assertSameAsCleanBuild(t, dir, dest)
		}
	})
}

// TestRebuildTooDeep adds, in a rebuild, a page more than
// sitefs.MaxDepth folders below content/: the rebuild reports the folder,
// as a full build does, where it built the page.
func TestRebuildTooDeep(t *testing.T) {
	dir, dest, b := builtTestSite(t, testSite)
	deep := "content/" + strings.Repeat("d/", sitefs.MaxDepth+1)
	file := deep + "x.md"
	writeFiles(t, dir, map[string]string{file: "---\ntitle: X\ndate: 2025-01-04\n---\nx\n"})
	want := strings.TrimSuffix(deep, "/") + ": " + sitefs.TooDeepMessage()
	if got := rebuildErrors(t, b, dir, dest, file); !slices.Contains(got, want) {
		t.Errorf("rebuild: %v; want %q", got, want)
	}
}

// TestRebuildEqualsCleanBuild makes a long run of random changes of every
// kind to a site — edits, new, removed and renamed pages and files, tags
// that come and go, drafts, CSV data — rebuilding after each, and checks
// after every step that the output is what a clean build of the same
// files makes, or, when the step left the site broken, that the rebuild
// and a clean build fail alike.
func TestRebuildEqualsCleanBuild(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	writeFiles(t, dir, map[string]string{"plotline.yaml": "page_size: 3\nfeed_items: 4\n"})
	writeFiles(t, dir, testSite)
	b := newTestBuilder(t, dir, dest)
	ctx := context.Background()
	if _, err := b.Build(ctx); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	article := func(i, v int, extra string) string {
		return fmt.Sprintf("---\ntitle: Article %d v%d\ndate: 2025-02-%02d\ntags: [t%d, t%d]\n%s---\nBody %d, version %d.\n",
			i, v, 1+rng.IntN(27), rng.IntN(4), rng.IntN(4), extra, i, v)
	}
	path := func(i int) string { return fmt.Sprintf("content/articles/n%02d.md", i) }
	exists := func(p string) bool { _, err := os.Stat(filepath.Join(dir, p)); return err == nil }
	steps := 60
	if testing.Short() {
		steps = 15
	}
	var pending []string // changes of failed rebuilds, passed again
	for step := range steps {
		var changed []string
		for range 1 + rng.IntN(3) {
			i := rng.IntN(10)
			p := path(i)
			switch op := rng.IntN(11); {
			case op < 3 || !exists(p): // edit or add
				writeFiles(t, dir, map[string]string{p: article(i, step, "")})
				changed = append(changed, p)
			case op == 3: // remove
				os.Remove(filepath.Join(dir, p))
				changed = append(changed, p)
			case op == 4: // rename the file
				q := path(10 + rng.IntN(5))
				if exists(q) {
					continue
				}
				os.Rename(filepath.Join(dir, p), filepath.Join(dir, q))
				changed = append(changed, p, q)
			case op == 5: // a new slug
				writeFiles(t, dir, map[string]string{p: article(i, step, fmt.Sprintf("slug: s%d\n", rng.IntN(3)))})
				changed = append(changed, p)
			case op == 6: // a draft
				writeFiles(t, dir, map[string]string{p: article(i, step, "draft: true\n")})
				changed = append(changed, p)
			case op == 7: // old addresses, which may clash with another's
				writeFiles(t, dir, map[string]string{p: article(i, step, fmt.Sprintf("aliases: [/old/s%d/, /o%d.html]\n", rng.IntN(3), i))})
				changed = append(changed, p)
			case op == 9: // a mistake in the front matter, with data of its own
				writeFiles(t, dir, map[string]string{p: article(i, step, "title: again\ndata:\n  a: {value: x}\n")})
				changed = append(changed, p)
			case op == 10: // a link to a page that may be missing, and an unknown value
				writeFiles(t, dir, map[string]string{p: fmt.Sprintf("---\ntitle: Linker %d\ndate: 2025-02-%02d\n---\nSee [n](n%02d.md) and {{ a.zz }}.\n", i, 1+rng.IntN(27), rng.IntN(12))})
				changed = append(changed, p)
			default: // data and files beside the pages
				csv := fmt.Sprintf("date,value\n2025-01-01,%d\n2025-01-05,%d\n", 10+rng.IntN(5), 5+rng.IntN(4))
				img := fmt.Sprintf("content/articles/img%d.png", rng.IntN(3))
				writeFiles(t, dir, map[string]string{"content/articles/stock.csv": csv})
				if exists(img) {
					os.Remove(filepath.Join(dir, img))
				} else {
					writeFiles(t, dir, map[string]string{img: "png"})
				}
				changed = append(changed, "content/articles/stock.csv", img)
			}
		}
		pending = append(pending, changed...)
		_, err := b.Rebuild(ctx, pending)
		_, cleanErr := newTestBuilder(t, dir, filepath.Join(t.TempDir(), "public")).Build(ctx)
		switch {
		case err == nil && cleanErr == nil:
			pending = nil
			assertSameAsCleanBuild(t, dir, dest)
		case (err == nil) != (cleanErr == nil):
			t.Fatalf("step %d: rebuild error %v; clean build error %v", step, err, cleanErr)
		case err.Error() != cleanErr.Error():
			// A rebuild reports every problem a full build would.
			t.Fatalf("step %d: rebuild errors\n%v\nclean build errors\n%v", step, err, cleanErr)
		}
		if t.Failed() {
			t.Fatalf("step %d (changes %v)", step, changed)
		}
	}
}

// TestRebuildRemovedFolder removes a folder of articles: the watcher
// names the folder alone, and the rebuild still drops every page in it.
func TestRebuildRemovedFolder(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	writeFiles(t, dir, testSite)
	writeFiles(t, dir, map[string]string{
		"content/notes/n.md":  "---\ntitle: N\ndate: 2025-01-05\n---\nNote.\n",
		"content/notes/n.png": "png",
	})
	b := newTestBuilder(t, dir, dest)
	if _, err := b.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dir, "content", "notes")); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Rebuild(context.Background(), []string{"content/notes"}); err != nil {
		t.Fatal(err)
	}
	assertSameAsCleanBuild(t, dir, dest)
}

// TestRebuildNameTwins adds, in a rebuild, a page and an image whose names
// are those of the site's own with é written as e and a combining accent
// (NFD), which the rebuild took for new names and published, where a full
// build reports both of each pair; and a page named con.md, whose warning
// every later rebuild gives as the full build does.
func TestRebuildNameTwins(t *testing.T) {
	site := maps.Clone(testSite)
	site["content/articles/caf\u00e9.md"] = "---\ntitle: Composed\ndate: 2025-01-04\n---\nx\n"
	site["content/articles/p\u00e9.png"] = "png"
	for _, tc := range []struct {
		file string
		want string
	}{
		{"content/articles/cafe\u0301.md", "content/articles/cafe\u0301.md:1:1: page URL /articles/cafe\u0301/ is also the URL of content/articles/caf\u00e9.md in looks"},
		{"content/articles/pe\u0301.png", "content/articles/pe\u0301.png:1:1: is also content/articles/p\u00e9.png in looks"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			assertRebuildFails(t, site, tc.file, "---\ntitle: Decomposed\ndate: 2025-01-05\n---\ny\n", tc.want)
		})
	}

	dir, dest, b := builtTestSite(t, testSite)
	const want = "content/articles/con.md:1:1: warning: Windows keeps the name con.md for a device, so the site could not be checked out or built there: rename it"
	writeFiles(t, dir, map[string]string{"content/articles/con.md": "---\ntitle: Con\ndate: 2025-01-05\n---\nx\n"})
	for _, change := range []string{"content/articles/con.md", "content/articles/a.md"} {
		res, err := b.Rebuild(context.Background(), []string{change})
		if err != nil {
			t.Fatalf("rebuild after %s: %v", change, err)
		}
		if !slices.ContainsFunc(res.Warnings, func(d diag.Diagnostic) bool { return d.String() == want }) {
			t.Errorf("rebuild after %s warned %v; want %q", change, res.Warnings, want)
		}
	}
	assertSameAsCleanBuild(t, dir, dest)
}

// TestRebuildCaseTwins adds, in a rebuild, a page whose slug is another
// page's URL in other letters, and edits a page to have an alias that is
// another page's URL, or another page's alias, in other letters: the
// full build refuses each (one folder on macOS and Windows), and so does
// the rebuild now, where it published them.
func TestRebuildCaseTwins(t *testing.T) {
	site := maps.Clone(testSite)
	site["content/articles/old.md"] = "---\ntitle: Old\ndate: 2025-01-04\naliases: [/Old-Story/]\n---\nx\n"
	for _, tc := range []struct {
		name, file, text, want string
	}{
		{"slug", "content/articles/upper.md", "---\ntitle: Upper\ndate: 2025-01-05\nslug: OLD\n---\ny\n", "content/articles/upper.md:4:7: page URL /articles/OLD/ is also the URL of content/articles/old.md in letter case alone"},
		{"alias of a page", "content/articles/upper.md", "---\ntitle: Upper\ndate: 2025-01-05\naliases: [/articles/OLD/]\n---\ny\n", "content/articles/upper.md:4:11: aliases: /articles/OLD/ is the URL of content/articles/old.md, /articles/old/, in letter case alone"},
		{"alias of an alias", "content/articles/upper.md", "---\ntitle: Upper\ndate: 2025-01-05\naliases: [/old-story/]\n---\ny\n", "content/articles/upper.md:4:11: aliases: /old-story/ is also an alias at content/articles/old.md:4:11, /Old-Story/, in letter case alone"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assertRebuildFails(t, site, tc.file, tc.text, tc.want)
		})
	}
}

// TestRebuildBadNames adds, in a rebuild, a page, an image and a folder
// whose names a full build refuses: an escape (a terminal's colour code),
// a bidi control, a name not valid UTF-8. The rebuild published each, as
// new names; now it reports them as the full build does.
func TestRebuildBadNames(t *testing.T) {
	for _, tc := range []struct {
		file string
		want string
	}{
		{"content/articles/a\x1b[31mred.md", "content/articles/a\ufffd[31mred.md:1:1: the file's name holds U+001B (shown here as \ufffd), a control character: rename it without it"},
		{"content/articles/\u202efdp.exe.png", "content/articles/\ufffdfdp.exe.png:1:1: the file's name holds U+202E"},
		{"content/articles/caf\xe9.md", "content/articles/caf\ufffd.md:1:1: the file's name is not valid UTF-8"},
		{"content/d\x07ir/x.md", "content/d\ufffdir: the folder's name holds U+0007"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			assertRebuildFails(t, testSite, tc.file, "---\ntitle: Named\ndate: 2025-01-05\n---\ny\n", tc.want)
		})
	}
}

// TestRebuildNameTwinASCII adds, in a rebuild, an image named K.png beside
// one named with the Kelvin sign, U+212A, which NFC writes as K: the two
// are twins to the full build, though one of them is ASCII alone.
func TestRebuildNameTwinASCII(t *testing.T) {
	site := maps.Clone(testSite)
	site["content/articles/\u212a.png"] = "png"
	assertRebuildFails(t, site, "content/articles/K.png", "png", "content/articles/K.png:1:1: is also content/articles/\u212a.png in looks")
}

// TestRebuildNavBounded gives, in a rebuild, a nav key to one page more
// than content.MaxNavPages allows: the rebuild reports it, as a full
// build does, as a change of the navigation is built in full.
func TestRebuildNavBounded(t *testing.T) {
	files := map[string]string{}
	for i := range content.MaxNavPages {
		files[fmt.Sprintf("content/p%03d.md", i)] = fmt.Sprintf("---\ntitle: P\ndate: 2025-01-01\ntype: page\nnav: P%d\n---\nx\n", i)
	}
	dir, dest, b := builtTestSite(t, files)
	file := "content/q.md"
	writeFiles(t, dir, map[string]string{file: "---\ntitle: Q\ndate: 2025-01-01\ntype: page\nnav: Q\n---\nx\n"})
	want := "content/q.md:5:6: nav: 101 pages have a nav key, more than the 100 the site's navigation may name, and this is the first past them by file name"
	got := rebuildErrors(t, b, dir, dest, file)
	if len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Errorf("rebuild: %v; want %q…", got, want)
	}
}

// TestPlanManyFiles plans a rebuild after 10,000 files were added beside
// the 10,000 of a page bundle (a folder of images copied in): the plan
// looks each one up among the last build's files in a set, where it
// looked through the whole list of them, in NFC, for each, and took 3 s
// of CPU, three times the build of the whole site (the plan's time is
// logged, with -v).
func TestPlanManyFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 20,000 files")
	}
	files := map[string]string{"content/articles/a/index.md": "---\ntitle: A\ndate: 2025-01-01\n---\nHello.\n"}
	for i := range 10_000 {
		files[fmt.Sprintf("content/articles/a/f%05d.txt", i)] = "x"
	}
	dir, dest, b := builtTestSite(t, files)
	changed, plan, full := planAdded(t, b, dir, "content/articles/a", 10_000)
	if full || len(plan.newAssets) != 10_000 {
		t.Fatalf("planChanges: full build %v, %d new files; want a plan of the 10,000", full, len(plan.newAssets))
	}
	if _, err := b.Rebuild(context.Background(), changed); err != nil {
		t.Fatal(err)
	}
	assertSameAsCleanBuild(t, dir, dest)
}

// planAdded writes n new files into folder of the site in dir, and
// returns their paths and b's plan of them, logging the plan's time.
func planAdded(t *testing.T, b *Builder, dir, folder string, n int) ([]string, *changePlan, bool) {
	t.Helper()
	added := map[string]string{}
	var changed []string
	for i := range n {
		p := fmt.Sprintf("%s/g%05d.txt", folder, i)
		added[p] = "y"
		changed = append(changed, p)
	}
	writeFiles(t, dir, added)
	start := time.Now()
	plan, full := b.planChanges(changed)
	t.Logf("planned in %v", time.Since(start))
	return changed, plan, full
}

// TestBundleMovesGone checks bundleMoves for a bundle's index.md that
// went, against the bundles without it, for bundles inside bundles, with
// slugs and without, and for 2,000 of 100,000 bundles
// (BenchmarkBundleMovesGone times it).
func TestBundleMovesGone(t *testing.T) {
	bundles := content.Bundles{
		"content/a":       "a/",
		"content/a/b":     "a/b/",
		"content/s":       "slug/",
		"content/s/inner": "slug/inner/",
		"content/s/moved": "elsewhere/",
		"content/t/x":     "t/x/",
	}
	for _, p := range []string{"content/a/index.md", "content/a/b/index.md", "content/s/index.md", "content/s/inner/index.md", "content/s/moved/index.md", "content/t/x/index.md", "content/new/index.md"} {
		dir, _ := content.BundleFolder(p)
		without := content.Bundles{}
		for d, u := range bundles {
			if d != dir {
				without[d] = u
			}
		}
		want := bundles.SitePath(dir+"/f") != without.SitePath(dir+"/f")
		if got := bundleMoves(bundles, p, "", false); got != want {
			t.Errorf("bundleMoves(%s gone) = %v; want %v", p, got, want)
		}
	}
	many := manyBundles()
	for i := range 2_000 {
		if bundleMoves(many, fmt.Sprintf("content/b/p%06d/index.md", i), "", false) {
			t.Fatalf("bundleMoves(p%06d gone) = true; want false, as its files stay where they were", i)
		}
	}
}

// manyBundles returns 100,000 page bundles.
func manyBundles() content.Bundles {
	many := content.Bundles{}
	for i := range 100_000 {
		many[fmt.Sprintf("content/b/p%06d", i)] = fmt.Sprintf("b/p%06d/", i)
	}
	return many
}

// BenchmarkBundleMovesGone times bundleMoves of one bundle gone of
// 100,000, which made a copy of them all: 5,000 bundles removed at once
// took seconds of the plan of one rebuild.
func BenchmarkBundleMovesGone(b *testing.B) {
	many := manyBundles()
	for b.Loop() {
		bundleMoves(many, "content/b/p000007/index.md", "", false)
	}
}

// TestPlanFilesBesideDrafts plans a rebuild after 5,000 files were added
// to a page bundle on a site of 2,000 draft bundles: each file was
// compared with every page left out, to tell whether it lay in one's
// folder, and the plan took 12 s for 10,000 files beside 3,000 drafts
// (its time is logged, with -v). A file of a draft's bundle is still
// withheld, by a full build.
func TestPlanFilesBesideDrafts(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 7,000 files")
	}
	files := map[string]string{"content/a/index.md": "---\ntitle: A\ndate: 2025-01-01\n---\nA.\n"}
	for i := range 2_000 {
		files[fmt.Sprintf("content/d/p%04d/index.md", i)] = fmt.Sprintf("---\ntitle: P%d\ndate: 2025-01-01\ndraft: true\n---\nDraft.\n", i)
	}
	dir, _, b := builtTestSite(t, files)
	_, plan, full := planAdded(t, b, dir, "content/a", 5_000)
	if full || len(plan.newAssets) != 5_000 {
		t.Fatalf("planChanges: full build %v, %d new files; want a plan of the 5,000", full, len(plan.newAssets))
	}
	writeFiles(t, dir, map[string]string{"content/d/p0007/leak.csv": "date,value\n2025-01-01,1\n"})
	if _, full := b.planChanges([]string{"content/d/p0007/leak.csv"}); !full {
		t.Error("planChanges of a file of a draft's bundle: a plan; want a full build")
	}
}
