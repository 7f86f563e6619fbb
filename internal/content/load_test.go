package content

import (
	"cmp"
	"io/fs"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/sitefs"
)

func page(title, date string, extra ...string) *fstest.MapFile {
	src := "---\ntitle: " + title + "\ndate: " + date + "\n"
	for _, e := range extra {
		src += e + "\n"
	}
	return &fstest.MapFile{Data: []byte(src + "---\nBody of " + title + ".\n")}
}

func urls(pages []*Page) map[string]string {
	m := map[string]string{}
	for _, p := range pages {
		m[p.Path] = p.URL
	}
	return m
}

func paths(pages []*Page) []string {
	var out []string
	for _, p := range pages {
		out = append(out, p.Path)
	}
	return out
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"content/about.md":                page("About", "2024-01-01", "type: page"),
		"content/articles/kursk.md":       page("Kursk", "2025-03-01", "slug: kursk-losses"),
		"content/articles/budget.md":      page("Budget", "2025-05-01"),
		"content/articles/old.md":         page("Old", "2023-01-01"),
		"content/articles/same-day-b.md":  page("B", "2025-03-01"),
		"content/articles/wip.md":         page("WIP", "2025-06-01", "draft: true"),
		"content/articles/chart.png":      {Data: []byte("png")},
		"content/series/index.md":         page("Series", "2025-02-01"),
		"content/.hidden.md":              page("Hidden", "2025-01-01"),
		"content/.git/x.md":               page("Git", "2025-01-01"),
		"content/articles/kursk.md~":      page("Backup", "2025-01-01"),
		"content/articles/#kursk.md#":     page("Autosave", "2025-01-01"),
		"content/articles/4913":           {Data: []byte("vim's probe")},
		"content/articles/table.swo":      {Data: []byte("swap")},
		"content/articles/.#kursk.md":     {Data: []byte("lock")},
		"content/data/losses.csv":         {Data: []byte("date,value\n")},
		"templates/base.html":             {Data: []byte("not content")},
		"content/articles/notes/today.md": page("Today", "2025-04-01"),
	}

	var diags diag.List
	site := load(fsys, Options{}, &diags)
	checkDiags(t, diags)

	wantPaths := []string{
		"content/articles/budget.md",
		"content/articles/notes/today.md",
		"content/articles/kursk.md", // same day as same-day-b: by path
		"content/articles/same-day-b.md",
		"content/series/index.md",
		"content/about.md",
		"content/articles/old.md",
	}
	if got := paths(site.Pages); !reflect.DeepEqual(got, wantPaths) {
		t.Errorf("pages = %q\nwant %q (newest first, no drafts, no hidden or backup files)", got, wantPaths)
	}
	wantURLs := map[string]string{
		"content/about.md":                "about/",
		"content/articles/kursk.md":       "articles/kursk-losses/",
		"content/articles/budget.md":      "articles/budget/",
		"content/articles/old.md":         "articles/old/",
		"content/articles/same-day-b.md":  "articles/same-day-b/",
		"content/series/index.md":         "series/",
		"content/articles/notes/today.md": "articles/notes/today/",
	}
	if got := urls(site.Pages); !reflect.DeepEqual(got, wantURLs) {
		t.Errorf("URLs = %v\nwant %v", got, wantURLs)
	}
	wantAssets := []string{"content/articles/chart.png", "content/data/losses.csv"}
	if !reflect.DeepEqual(site.Assets, wantAssets) {
		t.Errorf("Assets = %q; want %q", site.Assets, wantAssets)
	}
	for _, p := range site.Pages {
		if p.Broken {
			t.Errorf("%s: Broken = true; want false", p.Path)
		}
		if p.Path == "content/articles/notes/today.md" && p.Dir != "content/articles/notes" {
			t.Errorf("%s: Dir = %q; want content/articles/notes", p.Path, p.Dir)
		}
	}
}

func TestLoadDrafts(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md": page("A", "2025-01-01"),
		"content/b.md": page("B", "2025-01-02", "draft: true"),
	}
	for _, tc := range []struct {
		opts Options
		want []string
	}{
		{Options{}, []string{"content/a.md"}},
		{Options{Drafts: true}, []string{"content/b.md", "content/a.md"}},
	} {
		var diags diag.List
		site := load(fsys, tc.opts, &diags)
		checkDiags(t, diags)
		if got := paths(site.Pages); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("load(%+v) pages = %q; want %q", tc.opts, got, tc.want)
		}
	}
}

// TestLoadDraftURLs checks that a dropped draft cannot take a published
// page's URL.
func TestLoadDraftURLs(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md":     page("A", "2025-01-01"),
		"content/draft.md": page("Draft", "2025-01-02", "draft: true", "slug: a"),
	}
	var diags diag.List
	load(fsys, Options{}, &diags)
	checkDiags(t, diags)

	diags = nil
	load(fsys, Options{Drafts: true}, &diags)
	checkDiags(t, diags,
		"content/a.md:1:1: page URL /a/ is also the URL of content/draft.md",
		"content/draft.md:5:7: page URL /a/ is also the URL of content/a.md",
	)
}

func TestLoadDuplicateURLs(t *testing.T) {
	fsys := fstest.MapFS{
		"content/kursk.md":           page("Kursk", "2025-01-01"),
		"content/other.md":           page("Other", "2025-01-02", "slug: kursk"),
		"content/series/index.md":    page("Series", "2025-01-03"),
		"content/series.md":          page("Series too", "2025-01-04"),
		"content/Fine Print.md":      page("Print", "2025-01-07"),
		"content/fine-print.md":      page("Print too", "2025-01-08"),
		"content/fine.md":            page("Fine", "2025-01-05"),
		"content/articles/kursk.md":  page("Not a clash", "2025-01-06"),
		"content/articles/broken.md": {Data: []byte("no front matter")},
		// A bundle's slug names its folder: blog/scales-1-1-0/.
		"content/blog/scales/index.md": page("Scales", "2025-01-09", "slug: scales-1-1-0"),
		"content/blog/scales-1-1-0.md": page("Scales too", "2025-01-10"),
		// café with é as one character (NFC), and as e and a
		// combining accent (NFD).
		"content/caf\u00e9.md":  page("Composed", "2025-01-11"),
		"content/cafe\u0301.md": page("Decomposed", "2025-01-12"),
	}
	var diags diag.List
	site := load(fsys, Options{}, &diags)
	checkDiags(t, diags,
		"content/Fine Print.md:1:1: page URL /fine-print/ is also the URL of content/fine-print.md",
		"content/articles/broken.md:1:1: missing front matter",
		"content/blog/scales-1-1-0.md:1:1: page URL /blog/scales-1-1-0/ is also the URL of content/blog/scales/index.md",
		"content/blog/scales/index.md:4:7: page URL /blog/scales-1-1-0/ is also the URL of content/blog/scales-1-1-0.md",
		"content/cafe\u0301.md:1:1: page URL /cafe\u0301/ is also the URL of content/caf\u00e9.md in looks: its accented letters are decomposed (NFD: é as e and a combining accent), the other's composed (NFC: é as one character), and links and macOS take the two for one: rename one of them",
		"content/caf\u00e9.md:1:1: page URL /caf\u00e9/ is also the URL of content/cafe\u0301.md in looks: its accented letters are composed (NFC: é as one character), the other's decomposed (NFD: é as e and a combining accent), and links and macOS take the two for one: rename one of them",
		"content/fine-print.md:1:1: page URL /fine-print/ is also the URL of content/Fine Print.md",
		"content/kursk.md:1:1: page URL /kursk/ is also the URL of content/other.md",
		"content/other.md:4:7: page URL /kursk/ is also the URL of content/kursk.md",
		"content/series.md:1:1: page URL /series/ is also the URL of content/series/index.md",
		"content/series/index.md:1:1: page URL /series/ is also the URL of content/series.md",
	)
	broken := map[string]bool{}
	for _, p := range site.Pages {
		broken[p.Path] = p.Broken
	}
	want := map[string]bool{
		"content/kursk.md": true, "content/other.md": true,
		"content/series/index.md": true, "content/series.md": true,
		"content/fine.md": false, "content/articles/kursk.md": false,
		"content/articles/broken.md": true,
		"content/Fine Print.md":      true, "content/fine-print.md": true,
		"content/blog/scales/index.md": true, "content/blog/scales-1-1-0.md": true,
		"content/caf\u00e9.md": true, "content/cafe\u0301.md": true,
	}
	if !reflect.DeepEqual(broken, want) {
		t.Errorf("Broken = %v\nwant %v", broken, want)
	}
}

// TestBundlesSitePath checks that the files of a page bundle are
// published where its page is, in the folder its slug names, and those
// of a bundle inside it where that one's page is.
func TestBundlesSitePath(t *testing.T) {
	pages := []*Page{
		{Path: "content/blog/scales/index.md", URL: "blog/scales-1-1-0/"},
		{Path: "content/blog/scales/inner/index.md", URL: "blog/scales/inner/"},
		{Path: "content/blog/plain/index.md", URL: "blog/plain/"},
		{Path: "content/blog/scales/other.md", URL: "blog/scales/other/"},
		{Path: "content/blog/_index.md", URL: "blog/"},
	}
	b := BundlesOf(pages)
	for file, want := range map[string]string{
		"content/blog/scales/figs/a.png":       "blog/scales-1-1-0/figs/a.png",
		"content/blog/scales/a.csv":            "blog/scales-1-1-0/a.csv",
		"content/blog/scales/inner/b.png":      "blog/scales/inner/b.png",
		"content/blog/scales/inner/x/c.png":    "blog/scales/inner/x/c.png",
		"content/blog/plain/d.png":             "blog/plain/d.png",
		"content/blog/e.png":                   "blog/e.png",
		"content/f.png":                        "f.png",
		"content/blog/scales-1-1-0/figs/a.png": "blog/scales-1-1-0/figs/a.png",
	} {
		if got := b.SitePath(file); got != want {
			t.Errorf("SitePath(%s) = %s; want %s", file, got, want)
		}
	}
}

func TestLoadNoContentFolder(t *testing.T) {
	var diags diag.List
	site := load(fstest.MapFS{"plotline.yaml": {Data: []byte("title: x\n")}}, Options{}, &diags)
	checkDiags(t, diags, "content: cannot read the content folder: file does not exist")
	if len(site.Pages) != 0 {
		t.Errorf("pages = %v; want none", paths(site.Pages))
	}
}

func TestAssignURLs(t *testing.T) {
	for _, tc := range []struct {
		path string
		slug string
		want string
		diag string
	}{
		{path: "content/kursk.md", want: "kursk/"},
		{path: "content/articles/kursk.md", want: "articles/kursk/"},
		{path: "content/articles/kursk.md", slug: "kursk-2025", want: "articles/kursk-2025/"},
		{path: "content/articles/index.md", want: "articles/"},
		{path: "content/articles/_index.md", want: "articles/"},
		{path: "content/blog/2019/scales/index.md", slug: "scales-1-1-0", want: "blog/2019/scales-1-1-0/"},
		{path: "content/scales/index.md", slug: "scales-1-1-0", want: "scales-1-1-0/"},
		{path: "content/index.md", slug: "home", want: "home/"},
		{path: "content/blog/scales/other.md", slug: "x", want: "blog/scales/x/"},
		{path: "content/a/b/c.md", want: "a/b/c/"},
		{path: "content/index.md", want: "", diag: "content/index.md:1:1: page URL / is reserved for pages plotline makes"},
		{path: "content/tags.md", want: "tags/", diag: "content/tags.md:1:1: page URL /tags/ is reserved"},
		{path: "content/tags/economy.md", want: "tags/economy/", diag: "content/tags/economy.md:1:1: page URL /tags/economy/ is reserved"},
		{path: "content/tags/index.md", want: "tags/", diag: "content/tags/index.md:1:1: page URL /tags/ is reserved"},
		{path: "content/theme.md", want: "theme/", diag: "content/theme.md:1:1: page URL /theme/ is reserved"},
		{path: "content/theme/x.md", want: "theme/x/", diag: "content/theme/x.md:1:1: page URL /theme/x/ is reserved"},
		{path: "content/_plotline/x.md", want: "_plotline/x/", diag: "content/_plotline/x.md:1:1: page URL /_plotline/x/ is reserved"},
		// A folder of one of the files plotline writes at the top of the
		// site could not be made beside it.
		{path: "content/feed.xml.md", want: "feed.xml/", diag: "content/feed.xml.md:1:1: page URL /feed.xml/ is reserved for the files plotline makes: rename the file or set a slug"},
		{path: "content/x.md", slug: "sitemap.xml", want: "sitemap.xml/", diag: "content/x.md:1:1: page URL /sitemap.xml/ is reserved"},
		{path: "content/robots.txt/x.md", want: "robots.txt/x/", diag: "content/robots.txt/x.md:1:1: page URL /robots.txt/x/ is reserved"},
		{path: "content/404.html.md", want: "404.html/", diag: "content/404.html.md:1:1: page URL /404.html/ is reserved"},
		{path: "content/x.md", slug: ".plotline", want: ".plotline/", diag: "content/x.md:1:1: page URL /.plotline/ is reserved"},
		{path: "content/articles/feed.xml.md", want: "articles/feed.xml/"},
		{path: "content/tagsoup.md", want: "tagsoup/"},
		{path: "content/themes/x.md", want: "themes/x/"},
		{path: "content/x.md", slug: "index", want: "", diag: "content/x.md:1:1: page URL / is reserved"},
		{path: "content/Translate Me.md", want: "translate-me/"},
		{path: "content/Notes/Two   Spaces  Here.md", want: "Notes/two-spaces-here/"},
		{path: "content/snake_case_Name.md", want: "snake_case_name/"},
		{path: "content/Zürich Über.md", want: "zürich-über/"},
		{path: "content/Translate Me.md", slug: "Keep Me", want: "Keep Me/"},
		{path: "content/2014-12-23-Hub Post.md", want: "hub-post/"},
		{path: "content/Index.md", want: "", diag: "content/Index.md:1:1: page URL / is reserved"},
	} {
		t.Run(tc.path+"+"+tc.slug, func(t *testing.T) {
			p := &Page{Path: tc.path, Slug: tc.slug}
			var diags diag.List
			AssignURLs([]*Page{p}, &diags)
			var want []string
			if tc.diag != "" {
				want = []string{tc.diag}
			}
			checkDiags(t, diags, want...)
			if p.URL != tc.want {
				t.Errorf("URL = %q; want %q", p.URL, tc.want)
			}
			if p.Broken != (tc.diag != "") {
				t.Errorf("Broken = %v; want %v", p.Broken, tc.diag != "")
			}
		})
	}
}

// load reads, as a build would (for the tests), every Markdown file under content/ in fsys, parses it and
// works out its URL. Drafts are dropped unless opts.Drafts. Two pages with
// the same URL are an error at both files.
func load(fsys fs.FS, opts Options, diags *diag.List) *Site {
	files, assets, ok := walk(fsys, diags)
	site := &Site{Assets: assets}
	if !ok {
		return site
	}
	for _, f := range files {
		src, err := sitefs.ReadFile(fsys, f, sitefs.MaxFileSize)
		if err != nil {
			diags.Errorf(diag.Pos{Path: f, Line: 1, Col: 1}, "%s", readError(err))
			continue
		}
		p := Parse(f, src, diags)
		if p.Draft && !opts.Drafts {
			continue
		}
		if !opts.Future && p.Future(opts.Today) {
			p.FutureWarning(opts.Today, diags)
			continue
		}
		site.Pages = append(site.Pages, p)
	}
	AssignURLs(site.Pages, diags)
	sortPages(site.Pages)
	return site
}

// sortPages orders pages newest first, then by path.
func sortPages(pages []*Page) {
	slices.SortFunc(pages, func(a, b *Page) int {
		return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(a.Path, b.Path))
	})
}
