package site

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/overlay"
)

// buildErrors builds fsys and returns its errors, or the output folder
// when it has none.
func buildErrors(t *testing.T, fsys fstest.MapFS) (string, []string) {
	t.Helper()
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	_, err = NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: dest}).Build(context.Background())
	var l diag.List
	if errors.As(err, &l) {
		var out []string
		for _, d := range l.Errors() {
			out = append(out, d.String())
		}
		return "", out
	}
	if err != nil {
		t.Fatal(err)
	}
	return dest, nil
}

// TestLinksAsABrowserFollowsThem checks links the way a browser follows
// them: a destination's escapes, entities and percent-encoding are undone
// before the file is looked up, a name saved decomposed is found from one
// typed composed, the pages plotline makes (tags, pages of lists) are
// targets, and a fragment must name an id of its page.
func TestLinksAsABrowserFollowsThem(t *testing.T) {
	page := func(body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: A\ndate: 2025-01-02\ntags: [alpha]\n---\n" + body)}
	}
	site := fstest.MapFS{
		"plotline.yaml":                   {Data: []byte("page_size: 1\n")},
		"content/articles/b.md":           {Data: []byte("---\ntitle: B\ndate: 2025-01-01\n---\n## A heading\n\n## Custom {#own-id}\n\nNote.[^1]\n\n[^1]: The note.\n")},
		"content/articles/my map.png":     {Data: []byte("png")},
		"content/articles/my_file.png":    {Data: []byte("png")},
		"content/articles/a&b.png":        {Data: []byte("png")},
		"content/articles/cafe\u0301.png": {Data: []byte("png")}, // decomposed
		"content/articles/a.md": page(strings.Join([]string{
			"[1](my%20map.png) [2](my\\_file.png) [3](a&amp;b.png) [4](caf\u00e9.png)",
			"[5](/tags/alpha/) [6](/page/2/) [7](b.md#a-heading) [8](/articles/b/#own-id) [9](b.md#fn:1)",
			"[10](#top-of-page) [11](/tags/) [12](/feed.xml)",
			"",
			"## Top of page",
		}, "\n")),
	}
	dest, errs := buildErrors(t, site)
	if len(errs) > 0 {
		t.Fatalf("errors:\n%s", strings.Join(errs, "\n"))
	}
	a := readOut(t, dest, "articles/a/index.html")
	for _, want := range []string{`href="/articles/my%20map.png"`, `href="/articles/my_file.png"`, `href="/articles/a&amp;b.png"`, `href="/articles/b/#fn:1"`} {
		if !strings.Contains(a, want) {
			t.Errorf("the page has no %s", want)
		}
	}

	// Broken: each reported at its link, with what is wrong.
	site["content/articles/a.md"] = page(strings.Join([]string{
		"[1](my%20mop.png) [2](/tags/beta/) [3](/page/9/)",
		"[4](b.md#no-such-heading) [5](#nowhere) [6](/articles/b/#A-heading)",
	}, "\n"))
	_, errs = buildErrors(t, site)
	want := []string{
		`content/articles/a.md:6:1: link "my%20mop.png": no page or file of the site has this address`,
		`content/articles/a.md:6:19: link "/tags/beta/": no page or file of the site has this address`,
		`content/articles/a.md:6:36: link "/page/9/": no page or file of the site has this address`,
		`content/articles/a.md:7:1: link "b.md#no-such-heading": content/articles/b.md has no #no-such-heading (there is no heading, footnote or element with that id)`,
		`content/articles/a.md:7:27: link "#nowhere": this page has no #nowhere (there is no heading, footnote or element with that id)`,
		`content/articles/a.md:7:41: link "/articles/b/#A-heading": content/articles/b.md has no #A-heading (there is no heading, footnote or element with that id)`,
	}
	if !slices.Equal(errs, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
}

// TestPelicanMarkLinks checks the links of a site that moved from
// Pelican and kept its marks, {filename}images/x.svg: the error at each
// says what to write where the path after the mark leads somewhere, and
// that it leads nowhere otherwise.
func TestPelicanMarkLinks(t *testing.T) {
	site := fstest.MapFS{
		"content/articles/images/x.svg": {Data: []byte("<svg/>")},
		"content/articles/a.md": {Data: []byte("---\ntitle: A\ndate: 2025-01-02\n---\n" +
			"![x]({filename}images/x.svg) [y]({static}/articles/images/x.svg#top)\n" +
			"![z](|filename|images/gone.svg)\n")},
	}
	_, errs := buildErrors(t, site)
	want := []string{
		`content/articles/a.md:5:1: link "{filename}images/x.svg": starts with {filename}, Pelican's mark of a link to a file of the site, which a browser reads as part of the path: write images/x.svg`,
		`content/articles/a.md:5:30: link "{static}/articles/images/x.svg#top": starts with {static}, Pelican's mark of a link to a file of the site, which a browser reads as part of the path: write /articles/images/x.svg#top`,
		`content/articles/a.md:6:1: link "|filename|images/gone.svg": starts with |filename|, Pelican's mark of a link to a file of the site, which a browser reads as part of the path; plotline links to a file by its path (no file of the site is at "images/gone.svg")`,
	}
	if !slices.Equal(errs, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
}

// TestListURLs checks that the list pages links are checked against are
// the ones the lists make, paged and not.
func TestListURLs(t *testing.T) {
	for _, size := range []string{"0", "1", "2"} {
		dir := t.TempDir()
		writeFiles(t, dir, testSite)
		writeFiles(t, dir, map[string]string{"plotline.yaml": "page_size: " + size + "\n"})
		b := newTestBuilder(t, dir, filepath.Join(dir, "public"))
		if _, err := b.Build(context.Background()); err != nil {
			t.Fatal(err)
		}
		want := map[string]bool{"tags/": true}
		for p := range b.last.lists {
			want[strings.TrimSuffix(p, "index.html")] = true
		}
		got := b.last.listURLs(b.cfg.PageSize, nil)
		if !maps.Equal(got, want) {
			t.Errorf("page_size %s: listURLs = %v; the lists made %v", size, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
		}
	}
}

// TestTagLinks checks links to the pages of tags: the list of tags is a
// page like any other, with or without its slash or index.html; and a
// link to a tag's page is judged against the tags of every page, those
// of a page that fails for another mistake too, so that a correct link is
// never reported.
func TestTagLinks(t *testing.T) {
	site := fstest.MapFS{
		"content/articles/b.md": {Data: []byte("---\ntitle: B\ndate: 2025-01-01\n---\nB\n")},
		"content/articles/a.md": {Data: []byte("---\ntitle: A\ndate: 2025-01-02\ntags: [x]\n---\n[all tags](/tags) [idx](/tags/index.html) [b](/articles/b) [tags](/tags/) [x](/tags/x/)\n")},
	}
	if _, errs := buildErrors(t, site); len(errs) > 0 {
		t.Fatalf("errors:\n%s", strings.Join(errs, "\n"))
	}

	// The only article tagged x has a mistake of its own.
	site["content/articles/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\ndate: 2025-01-02\ntags: [x]\n---\nsee [tag x](/tags/x/) and [typo](/nowhere/)\n")}
	_, errs := buildErrors(t, site)
	want := []string{`content/articles/a.md:6:27: link "/nowhere/": no page or file of the site has this address`}
	if !slices.Equal(errs, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}

	// The only article tagged y cannot be read: whether /tags/y/ will
	// exist is not known, and a link to it is not reported.
	site["content/articles/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\ndate: 2025-01-02\ntags: [y]\nsources: 3\n---\nA\n")}
	site["content/articles/b.md"] = &fstest.MapFile{Data: []byte("---\ntitle: B\ndate: 2025-01-01\n---\n[y](/tags/y/)\n")}
	_, errs = buildErrors(t, site)
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "content/articles/a.md:5:") {
		t.Errorf("errors:\n%s\nwant one, at the front matter of content/articles/a.md", strings.Join(errs, "\n"))
	}
}

// TestRawAddressOverLines checks that an address of raw HTML broken over
// lines, or with spaces at its ends, leads where a browser takes it: a
// browser drops its tabs and newlines.
func TestRawAddressOverLines(t *testing.T) {
	site := fstest.MapFS{
		"plotline.yaml":            {Data: []byte("unsafe_html: true\n")},
		"content/articles/pic.png": {Data: []byte("png")},
		"content/articles/a.md":    {Data: []byte("---\ntitle: A\ndate: 2025-01-02\n---\n<div>\n  <img src=\"/articles/\npic.png\" alt=\"\">\n  <a href=\" pic.png\t\">x</a>\n</div>\n")},
	}
	dest, errs := buildErrors(t, site)
	if len(errs) > 0 {
		t.Fatalf("errors:\n%s", strings.Join(errs, "\n"))
	}
	if a := readOut(t, dest, "articles/a/index.html"); !strings.Contains(a, `src="/articles/pic.png"`) || !strings.Contains(a, `href="/articles/pic.png"`) {
		t.Errorf("articles/a/index.html:\n%s\nwant both addresses written as /articles/pic.png", a)
	}
}

// TestNearPage checks the page nearPage names for a link to a page file
// that does not exist: one a byte inserted, left out, changed or swapped
// away in lower case, in the same folder, never the linking page, the
// first by name of several.
func TestNearPage(t *testing.T) {
	ix := newLinkIndex("/", false, nil)
	for _, f := range []string{"content/a/lake-mead.md", "content/a/Powell.md", "content/a/about.md", "content/a/abouts.md", "content/b/lake-med.md", "content/a/x.md"} {
		ix.addPage(f, f)
	}
	for _, c := range []struct{ file, self, want string }{
		{"content/a/lake-med.md", "content/a/z.md", "lake-mead.md"},   // a byte left out
		{"content/a/lake-meead.md", "content/a/z.md", "lake-mead.md"}, // one too many
		{"content/a/lake-mexd.md", "content/a/z.md", "lake-mead.md"},  // one changed
		{"content/a/lake-maed.md", "content/a/z.md", "lake-mead.md"},  // two swapped
		{"content/a/powel.md", "content/a/z.md", "Powell.md"},         // in any case
		{"content/a/abot.md", "content/a/z.md", "about.md"},           // the first of two? only about is one away
		{"content/a/aboutx.md", "content/a/z.md", "about.md"},         // about.md and abouts.md: the first
		{"content/a/aboutx.md", "content/a/about.md", "abouts.md"},    // never the page that links
		{"content/b/lake-mead.md", "content/b/z.md", "lake-med.md"},   // its own folder's
		{"content/c/lake-med.md", "content/c/z.md", ""},               // none there
		{"content/a/lake-mxxd.md", "content/a/z.md", ""},              // two slips
		{"content/a/y.md", "content/a/z.md", ""},                      // too short to guess
	} {
		if got := ix.nearPage(c.file, c.self); got != c.want {
			t.Errorf("nearPage(%q, %q) = %q; want %q", c.file, c.self, got, c.want)
		}
	}
	ix.addPage("content/c/lake-mead.md", "c")
	if got := ix.nearPage("content/c/lake-med.md", "content/c/z.md"); got != "lake-mead.md" {
		t.Errorf("after a page was added, nearPage = %q; want lake-mead.md", got)
	}
}

// TestNearPageManyFiles checks that a link to a page that does not exist
// looks at the names near its own, not at every page of the site: each
// such link read every page file, so that 2,000 pages of 200 of them took
// 93 s of CPU. The bytes a lookup allocates (once the names are indexed)
// stay the same with fifty times the pages, whose names hold capitals.
func TestNearPageManyFiles(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	perLink := func(pages int) float64 {
		ix := newLinkIndex("/", false, nil)
		for i := range pages {
			ix.addPage(fmt.Sprintf("content/articles/Report-%d.md", i), "x")
		}
		ix.nearPage("content/articles/first.md", "content/articles/Report-0.md")
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for i := range 1000 {
			if got := ix.nearPage(fmt.Sprintf("content/articles/report-%dx.md", i), "content/articles/Report-0.md"); got != fmt.Sprintf("Report-%d.md", i) && i > 0 {
				t.Fatalf("nearPage of report-%dx.md = %q", i, got)
			}
		}
		runtime.ReadMemStats(&after)
		return float64(after.TotalAlloc-before.TotalAlloc) / 1000
	}
	few, many := perLink(1000), perLink(50_000)
	if many > 2*few {
		t.Errorf("a link among 50,000 pages allocates %.0f bytes, among 1,000 %.0f; want about the same", many, few)
	}
}

// TestLinkWithoutScheme checks a link to another site written without
// https://, which a browser follows as a folder of this site: its
// error says what to write, and a file's name ("notes.md", a suffix
// of Moldova's; "logo.ai") or a folder with a dot in it is told as any
// other.
func TestLinkWithoutScheme(t *testing.T) {
	site := fstest.MapFS{
		"content/articles/a.md": {Data: []byte("---\ntitle: A\ndate: 2025-01-02\ntags: [alpha]\n---\n" + strings.Join([]string{
			"[1](www.robots.ox.ac.uk/~vgg/research/) [2](youtu.be/y1B2c3ZD9fk)",
			"[3](www.example.com) [4](notes.md) [5](v1.2/x.png) [6](report.pdf/x)",
			"[7](ragnar.tidyverse.org) [8](logo.ai) [9](data.gov.uk)",
		}, "\n"))},
	}
	_, errs := buildErrors(t, site)
	want := []string{
		// The front matter takes lines 1 to 5 (its fences, title, date
		// and tags): the links are on lines 6 and 7. "[1](…)" is 39
		// characters, so [2] is at column 41; on line 7 "[3](…) " takes
		// 21, "[4](notes.md) " 14 and "[5](v1.2/x.png) " 16: 22, 36, 52.
		`content/articles/a.md:6:1: link "www.robots.ox.ac.uk/~vgg/research/": no page or file of the site has this address: www.robots.ox.ac.uk, without https:// before it, is read as a folder of this site: write https://www.robots.ox.ac.uk/~vgg/research/`,
		`content/articles/a.md:6:41: link "youtu.be/y1B2c3ZD9fk": no page or file of the site has this address: youtu.be, without https:// before it, is read as a folder of this site: write https://youtu.be/y1B2c3ZD9fk`,
		`content/articles/a.md:7:1: link "www.example.com": no page or file of the site has this address: www.example.com, without https:// before it, is read as a folder of this site: write https://www.example.com`,
		`content/articles/a.md:7:22: link "notes.md": no such page in content/`,
		`content/articles/a.md:7:36: link "v1.2/x.png": no page or file of the site has this address`,
		`content/articles/a.md:7:52: link "report.pdf/x": no page or file of the site has this address`,
		// Line 8: "[7](ragnar.tidyverse.org) " takes 26 characters,
		// "[8](logo.ai) " 13: 27 and 40. A host alone is one where its
		// suffix is no file's extension (org; gov.uk), not ai.
		`content/articles/a.md:8:1: link "ragnar.tidyverse.org": no page or file of the site has this address: ragnar.tidyverse.org, without https:// before it, is read as a folder of this site: write https://ragnar.tidyverse.org`,
		`content/articles/a.md:8:27: link "logo.ai": no page or file of the site has this address`,
		`content/articles/a.md:8:40: link "data.gov.uk": no page or file of the site has this address: data.gov.uk, without https:// before it, is read as a folder of this site: write https://data.gov.uk`,
	}
	if !slices.Equal(errs, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
}
