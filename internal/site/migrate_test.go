package site

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/overlay"
)

// TestURLsPercentEncoded checks that a page whose URL holds a space and a
// non-ASCII letter is written to the folder of that name, and that every
// place that needs a URL (sitemap, canonical link, og:url, the feed's
// links and ids, links from other pages) gets it percent-encoded.
func TestURLsPercentEncoded(t *testing.T) {
	fsys := fstest.MapFS{
		"plotline.yaml":              {Data: []byte("title: T\nbase_url: https://example.org/repo/\n")},
		"content/articles/menu.md":   {Data: []byte("---\ntitle: Menu\ndate: 2025-01-02\nslug: café menu\n---\nHello.\n")},
		"content/articles/Two Up.md": {Data: []byte("---\ntitle: Two\ndate: 2025-01-01\n---\nSee [the menu](menu.md) and [this](/articles/two-up/).\n")},
	}
	dest := buildFS(t, fsys)
	const enc = "articles/caf%C3%A9%20menu/"
	for file, wants := range map[string][]string{
		"sitemap.xml":                   {"<loc>https://example.org/repo/" + enc + "</loc>", "<loc>https://example.org/repo/articles/two-up/</loc>"},
		"feed.xml":                      {`href="https://example.org/repo/` + enc + `"`, "<id>https://example.org/repo/" + enc + "</id>"},
		"articles/café menu/index.html": {`<link rel="canonical" href="https://example.org/repo/` + enc + `">`, `<meta property="og:url" content="https://example.org/repo/` + enc + `">`},
		"articles/two-up/index.html":    {`href="/repo/` + enc + `"`, `href="/repo/articles/two-up/"`},
		"index.html":                    {`href="/repo/` + enc + `"`},
	} {
		got := readOut(t, dest, file)
		for _, w := range wants {
			if !strings.Contains(got, w) {
				t.Errorf("%s does not hold %s", file, w)
			}
		}
		if strings.Contains(got, "articles/café menu/") {
			t.Errorf("%s holds the URL unencoded", file)
		}
	}
}

// TestAliases checks the redirect pages written at a page's old
// addresses: what they hold, that no list, feed or sitemap shows them,
// and that links to them are valid.
func TestAliases(t *testing.T) {
	fsys := fstest.MapFS{
		"plotline.yaml":           {Data: []byte("title: T\nbase_url: https://example.org/repo/\n")},
		"content/articles/hub.md": {Data: []byte("---\ntitle: Hub & spokes\ndate: 2025-01-02\naliases:\n  - /old/\n  - /2014/12/23/hub.html\n  - legacy/hub\n  - /caf%C3%A9/\n---\nHello.\n")},
		"content/articles/b.md":   {Data: []byte("---\ntitle: B\ndate: 2025-01-01\n---\nSee [old](/old/), [dated](/2014/12/23/hub.html) and [legacy](/legacy/hub/index.html).\n")},
	}
	dest := buildFS(t, fsys)
	for _, file := range []string{"old/index.html", "2014/12/23/hub.html", "legacy/hub/index.html", "café/index.html"} {
		got := readOut(t, dest, file)
		for _, w := range []string{
			`<link rel="canonical" href="https://example.org/repo/articles/hub/">`,
			// Root-relative, so that plotline serve's preview stays on
			// its own host.
			`<meta http-equiv="refresh" content="0; url=/repo/articles/hub/">`,
			`<meta name="robots" content="noindex">`,
			`<a href="/repo/articles/hub/">Hub &amp; spokes</a>`,
		} {
			if !strings.Contains(got, w) {
				t.Errorf("%s does not hold %s:\n%s", file, w, got)
			}
		}
	}
	for _, file := range []string{"sitemap.xml", "index.html"} {
		if got := readOut(t, dest, file); strings.Contains(got, "old/") || strings.Contains(got, "hub.html") {
			t.Errorf("%s lists a redirect page", file)
		}
	}
	if got := readOut(t, dest, "articles/b/index.html"); !strings.Contains(got, `href="/repo/old/"`) || !strings.Contains(got, `href="/repo/2014/12/23/hub.html"`) {
		t.Errorf("links to aliases not written under the base path")
	}

	// Without a base URL the redirect names the page under the base path.
	fsys["plotline.yaml"] = &fstest.MapFile{Data: []byte("title: T\n")}
	if got := readOut(t, buildFS(t, fsys), "old/index.html"); !strings.Contains(got, `url=/articles/hub/"`) {
		t.Errorf("redirect without a base URL:\n%s", got)
	}
}

// TestAliasClashes checks that an alias that lands on a file another page,
// alias or plotline writes is an error at the alias.
func TestAliasClashes(t *testing.T) {
	_, errs := buildErrors(t, fstest.MapFS{
		"content/articles/a.md": {Data: []byte("---\ntitle: A\ndate: 2025-01-02\naliases:\n  - /articles/b/\n  - /shared/\n  - /feed.xml\n  - /articles/a/\n  - /x/\n  - /x\n  - /\n  - /../up/\n---\nA.\n")},
		"content/articles/b.md": {Data: []byte("---\ntitle: B\ndate: 2025-01-01\naliases: [/articles/b/]\n---\nB.\n")},
	})
	want := []string{
		`content/articles/a.md:10:5: aliases: "/x" is on line 9 already`,
		`content/articles/a.md:11:5: aliases: "/" is the home page`,
		`content/articles/a.md:12:5: aliases: "/../up/" must not contain ".."`,
		"content/articles/b.md:4:11: aliases: this page writes articles/b/index.html itself",
	}
	if !slices.Equal(errs, want) {
		t.Errorf("errors:\n%s\nwant\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
	_, errs = buildErrors(t, fstest.MapFS{
		"content/articles/a.md": {Data: []byte("---\ntitle: A\ndate: 2025-01-02\naliases:\n  - /articles/b/\n  - /shared/\n  - /feed.xml\n---\nA.\n")},
		"content/articles/b.md": {Data: []byte("---\ntitle: B\ndate: 2025-01-01\naliases: [/shared/]\n---\nB.\n")},
	})
	want = []string{
		"content/articles/a.md:5:5: aliases: writes articles/b/index.html, which content/articles/b.md writes too: remove the alias, or move the other",
		"content/articles/a.md:6:5: aliases: writes shared/index.html, which content/articles/b.md writes too: remove the alias, or move the other",
		"content/articles/a.md:7:5: aliases: writes feed.xml, which plotline's Atom feed writes too: remove the alias, or move the other",
		"content/articles/b.md:1:1: writes articles/b/index.html, which content/articles/a.md writes too: rename one of them",
		"content/articles/b.md:4:11: aliases: writes shared/index.html, which content/articles/a.md writes too: remove the alias, or move the other",
	}
	if !slices.Equal(errs, want) {
		t.Errorf("errors:\n%s\nwant\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
}

// TestRebuildAliases adds, moves and removes aliases in a watch session:
// each rebuild equals a clean build, and a link to an alias that went is
// an error at the link.
func TestRebuildAliases(t *testing.T) {
	dir, dest, b := builtTestSite(t, testSite)
	ctx := context.Background()
	b2 := "---\ntitle: B\ndate: 2025-01-02\ntags: [x, y]\naliases: [/old-b/, /b.html]\n---\nBeta body.\n"
	writeFiles(t, dir, map[string]string{"content/articles/b.md": b2})
	if _, err := b.Rebuild(ctx, []string{"content/articles/b.md"}); err != nil {
		t.Fatal(err)
	}
	assertSameAsCleanBuild(t, dir, dest)
	if _, err := os.Stat(filepath.Join(dest, "old-b", "index.html")); err != nil {
		t.Error(err)
	}
	// a.md links to the alias; b.md then drops it.
	writeFiles(t, dir, map[string]string{"content/articles/a.md": "---\ntitle: A\ndate: 2025-01-03\ntags: [x]\n---\nAlpha body. See [B](/old-b/).\n"})
	if _, err := b.Rebuild(ctx, []string{"content/articles/a.md"}); err != nil {
		t.Fatal(err)
	}
	assertSameAsCleanBuild(t, dir, dest)
	writeFiles(t, dir, map[string]string{"content/articles/b.md": strings.Replace(b2, "/old-b/, ", "", 1)})
	errs := rebuildErrors(t, b, dir, dest, "content/articles/b.md")
	if want := []string{`content/articles/a.md:6:17: link "/old-b/": no page or file of the site has this address`}; !slices.Equal(errs, want) {
		t.Errorf("errors = %q; want %q", errs, want)
	}
	writeFiles(t, dir, map[string]string{"content/articles/a.md": testSite["content/articles/a.md"]})
	if _, err := b.Rebuild(ctx, []string{"content/articles/a.md", "content/articles/b.md"}); err != nil {
		t.Fatal(err)
	}
	assertSameAsCleanBuild(t, dir, dest)
	if _, err := os.Stat(filepath.Join(dest, "old-b")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("old-b/ after its alias went: %v", err)
	}
}

// TestUnknownKeysSummed checks that a front-matter key plotline does not
// read gets one warning for the whole site, that -v lists each place, and
// that params reach the templates.
func TestUnknownKeysSummed(t *testing.T) {
	fsys := fstest.MapFS{
		"content/b.md":                   {Data: []byte("---\ntitle: B\ndate: 2025-01-02\nlayout: post\ncomments: true\n---\nB.\n")},
		"content/a.md":                   {Data: []byte("---\ntitle: A\ndate: 2025-01-01\n\nlayout: post\nparams:\n  mood: sunny\n---\nA.\n")},
		"content/c.md":                   {Data: []byte("---\ntitle: C\ndate: 2025-01-03\nlayout: page\n---\nC.\n")},
		"templates/partials/footer.html": {Data: []byte(`{{ define "footer" }}<footer>{{ with .Article }}mood={{ .Params.mood }}{{ end }}</footer>{{ end }}`)},
	}
	build := func(verbose bool) (string, []string) {
		cfg, err := config.Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		dest := filepath.Join(t.TempDir(), "public")
		res, err := NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: dest, Verbose: verbose}).Build(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range res.Warnings {
			out = append(out, d.String())
		}
		return dest, out
	}
	dest, got := build(false)
	want := []string{
		`warning: front matter key "comments" is not used by plotline (in 1 file, at content/b.md:5:1); put a site's own keys under params:`,
		`warning: front matter key "layout" is not used by plotline (in 3 files, first at content/a.md:5:1); put a site's own keys under params:`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if page := readOut(t, dest, "a/index.html"); !strings.Contains(page, "mood=sunny") {
		t.Errorf("a/index.html does not show .Article.Params.mood")
	}
	_, got = build(true)
	want = append(want[:2:2],
		`content/a.md:5:1: warning: front matter key "layout" is not used by plotline`,
		`content/b.md:4:1: warning: front matter key "layout" is not used by plotline`,
		`content/b.md:5:1: warning: front matter key "comments" is not used by plotline`,
		`content/c.md:4:1: warning: front matter key "layout" is not used by plotline`,
	)
	if !slices.Equal(got, want) {
		t.Errorf("warnings with -v:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLinkToDraft checks that a link to a draft, by its address or its
// file, says so, in a clean build and when a page becomes a draft in a
// rebuild.
func TestLinkToDraft(t *testing.T) {
	_, errs := buildErrors(t, fstest.MapFS{
		"content/articles/x.md": {Data: []byte("---\ntitle: X\ndate: 2025-01-02\ndraft: true\n---\nX.\n")},
		"content/articles/a.md": {Data: []byte("---\ntitle: A\ndate: 2025-01-01\n---\nSee [x](/articles/x/) and [file](x.md#part), [gone](/articles/y/).\n\n[About](/about/), [none](/none/).\n")},
		// A page at the top: its address is one a folder's redirect page
		// could have, and the link still says it is a draft.
		"content/about.md": {Data: []byte("---\ntitle: About\ndraft: true\n---\nAbout.\n")},
	})
	want := []string{
		`content/articles/a.md:5:5: link "/articles/x/": links to a draft (content/articles/x.md): remove draft: true there, or the link`,
		`content/articles/a.md:5:27: link "x.md#part": links to a draft (content/articles/x.md): remove draft: true there, or the link`,
		`content/articles/a.md:5:46: link "/articles/y/": no page or file of the site has this address`,
		`content/articles/a.md:7:1: link "/about/": links to a draft (content/about.md): remove draft: true there, or the link`,
		`content/articles/a.md:7:19: link "/none/": no page or file of the site has this address`,
	}
	if !slices.Equal(errs, want) {
		t.Errorf("errors:\n%s\nwant\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}

	dir, dest, b := builtTestSite(t, testSite)
	writeFiles(t, dir, map[string]string{"content/articles/b.md": "---\ntitle: B\ndate: 2025-01-02\ndraft: true\n---\nBeta body.\n"})
	errs = rebuildErrors(t, b, dir, dest, "content/articles/b.md")
	if want := []string{`content/articles/a.md:6:17: link "b.md": links to a draft (content/articles/b.md): remove draft: true there, or the link`}; !slices.Equal(errs, want) {
		t.Errorf("rebuild errors = %q; want %q", errs, want)
	}
	writeFiles(t, dir, map[string]string{"content/articles/b.md": testSite["content/articles/b.md"]})
	if _, err := b.Rebuild(context.Background(), []string{"content/articles/b.md"}); err != nil {
		t.Fatal(err)
	}
	assertSameAsCleanBuild(t, dir, dest)
}

// TestFutureArticles checks that an article dated after the day of the
// build is left out with a warning at its date, that Future builds it,
// and that a later day builds it, through a rebuild and through the cache.
func TestFutureArticles(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	cache := filepath.Join(t.TempDir(), "cache.gob")
	writeFiles(t, dir, testSite)
	writeFiles(t, dir, map[string]string{
		"content/articles/soon.md":           "---\ntitle: Soon\ndate: 2025-01-11T09:00:00+02:00\n---\nSoon.\n",
		"content/articles/2025-01-12-eve.md": "---\ntitle: Eve\n---\nEve.\n",
	})
	day := time.Date(2025, 1, 10, 23, 0, 0, 0, time.UTC)
	builder := func(future bool, cache string) *Builder {
		fsys := os.DirFS(dir)
		cfg, err := config.Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		return NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: dest, Future: future, CacheFile: cache, Today: func() time.Time { return day }})
	}
	ctx := context.Background()
	b := builder(false, "")
	res, err := b.Build(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var warns []string
	for _, d := range res.Warnings {
		warns = append(warns, d.String())
	}
	want := []string{
		"content/articles/2025-01-12-eve.md:1:1: warning: dated 2025-01-12, after today (2025-01-10): not built until that day; --future builds it now",
		"content/articles/soon.md:3:7: warning: dated 2025-01-11, after today (2025-01-10): not built until that day; --future builds it now",
	}
	if !slices.Equal(warns, want) {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(warns, "\n"), strings.Join(want, "\n"))
	}
	for _, gone := range []string{"articles/soon", "articles/eve"} {
		if _, err := os.Stat(filepath.Join(dest, gone)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s/ was built: %v", gone, err)
		}
	}
	if strings.Contains(readOut(t, dest, "index.html"), "Soon") {
		t.Error("the home page lists an article dated after today")
	}

	// A link to it says why it is not there.
	writeFiles(t, dir, map[string]string{"content/articles/b.md": "---\ntitle: B\ndate: 2025-01-02\n---\nSee [soon](soon.md).\n"})
	errs := rebuildErrors(t, b, dir, dest, "content/articles/b.md")
	if want := []string{`content/articles/b.md:5:5: link "soon.md": links to content/articles/soon.md, dated 2025-01-11, after today: it is built from that day on, or now with --future`}; !slices.Equal(errs, want) {
		t.Errorf("errors = %q; want %q", errs, want)
	}

	// The next day, a rebuild of anything builds it.
	day = day.Add(2 * time.Hour)
	if _, err := b.Rebuild(ctx, []string{"content/articles/b.md"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(readOut(t, dest, "index.html"), "Soon") {
		t.Error("the day after, the home page does not list the article")
	}
	if _, err := os.Stat(filepath.Join(dest, "articles/eve")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("articles/eve/ built a day early: %v", err)
	}

	// With Future every page is built.
	if _, err := builder(true, "").Build(ctx); err != nil {
		t.Fatal(err)
	}
	readOut(t, dest, "articles/eve/index.html")

	// A build through the cache on a later day does not reuse a home
	// page that lacks the article.
	day = time.Date(2025, 1, 11, 12, 0, 0, 0, time.UTC)
	if _, err := builder(false, cache).Build(ctx); err != nil {
		t.Fatal(err)
	}
	day = time.Date(2025, 1, 12, 0, 0, 0, 0, time.UTC)
	res, err = builder(false, cache).Build(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(readOut(t, dest, "index.html"), "Eve") || len(res.Warnings) != 0 {
		t.Errorf("a cached build on the day does not list the article (warnings %v)", res.Warnings)
	}
}
