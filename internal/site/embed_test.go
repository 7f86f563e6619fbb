package site

import (
	"context"
	"errors"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/overlay"
)

var (
	snippetRE      = regexp.MustCompile(`(?s)<textarea id="([^"]+)-embed" class="chart-snippet" readonly[^>]*>(.*?)</textarea>`)
	optionIDRE     = regexp.MustCompile(`<script type="application/json" id="([^"]+)">`)
	embedControlRE = regexp.MustCompile(`(?s)\n<details class="chart-embed">.*?</details>`)
	chartTitleRE   = regexp.MustCompile(`(<figcaption class="chart-title">)(.*?)(</figcaption>)`)
)

// TestEmbedPages checks the page of each chart of an article, at
// <article>/embed/<n>/: the chart's own figure (its option, title, caption,
// sources and downloads), the article's headline linked back absolutely,
// no header, footer or embed control of its own, kept out of search
// results; and, in the article, the "Embed this chart" control whose
// snippet frames that page.
func TestEmbedPages(t *testing.T) {
	fsys := twoChartsSite()
	fsys["content/articles/two.md"].Data = []byte(strings.Replace(string(fsys["content/articles/two.md"].Data),
		"```chart\ndata: losses\n```", "```chart\ndata: losses\ntitle: Losses & more\ncaption: The band spans 70.5 to 110.\n```", 1))
	dest := buildFS(t, fsys)
	article := readOut(t, dest, "articles/two/index.html")
	figures := figureRE.FindAllString(article, -1)
	if len(figures) != 3 {
		t.Fatalf("the article has %d figures; want 3", len(figures))
	}
	for i, fig := range figures {
		n := i + 1
		url := "https://example.org/articles/two/embed-" + string(rune('0'+n)) + ".html"
		embed := readOut(t, dest, "articles/two/embed-"+string(rune('0'+n))+".html")

		// The article's control.
		m := snippetRE.FindStringSubmatch(fig)
		if m == nil {
			t.Errorf("figure %d has no snippet to copy", n)
			continue
		}
		snippet := html.UnescapeString(m[2])
		if !strings.HasPrefix(snippet, `<iframe src="`+url+`" title="`) {
			t.Errorf("figure %d: the snippet starts %.120q; want an iframe of %s", n, snippet, url)
		}
		for _, want := range []string{`loading="lazy"`, `style="width:100%;border:0"`, `e.origin===new URL(f.src).origin`, `"plotline-embed-height"`} {
			if !strings.Contains(snippet, want) {
				t.Errorf("figure %d: the snippet lacks %s", n, want)
			}
		}
		if !strings.Contains(fig, `<button type="button" class="chart-copy" data-copy="`+m[1]+`-embed" hidden>`) {
			t.Errorf("figure %d: no copy button for its snippet", n)
		}

		// The embed page.
		if got, want := optionIDRE.FindAllStringSubmatch(embed, -1), optionIDRE.FindAllStringSubmatch(fig, -1); len(got) != 1 || len(want) != 1 || got[0][1] != want[0][1] {
			t.Errorf("embed %d: options %q; want the figure's, %q", n, got, want)
		}
		embedFig := figureRE.FindString(embed)
		if embedFig == "" {
			t.Fatalf("embed %d has no figure", n)
		}
		want := embedControlRE.ReplaceAllString(fig, "")
		want = chartTitleRE.ReplaceAllString(want, "$1<h1>$2</h1>$3")
		if embedFig != want {
			t.Errorf("embed %d: its figure is not the article's without the embed control, its title the page's heading:\n%.300s\nwant\n%.300s", n, embedFig, want)
		}
		if h := strings.Count(embed, "<h1"); h != 1 {
			t.Errorf("embed %d has %d h1 elements; want one, naming the chart", n, h)
		}
		for _, want := range []string{
			`<meta name="robots" content="noindex">`,
			`<base target="_blank">`,
			`<p class="embed-credit">From <a href="https://example.org/articles/two/">Two charts of one block</a> · T</p>`,
			`Download the data (CSV)`, `Download the chart (SVG)`,
		} {
			if !strings.Contains(embed, want) {
				t.Errorf("embed %d lacks %s", n, want)
			}
		}
		for _, bad := range []string{`class="site-header"`, `class="site-footer"`, `chart-embed`, `<textarea`} {
			if strings.Contains(embed, bad) {
				t.Errorf("embed %d holds %s; want it left out", n, bad)
			}
		}
	}
	first := readOut(t, dest, "articles/two/embed-1.html")
	for _, want := range []string{"<title>Losses &amp; more · T</title>", "The band spans 70.5 to 110.", `Source: <a href="https://example.org/a">example.org/a</a>`} {
		if !strings.Contains(first, want) {
			t.Errorf("embed 1 lacks %s", want)
		}
	}
	second := readOut(t, dest, "articles/two/embed-2.html")
	if !strings.Contains(second, "<title>Two charts of one block · T</title>") {
		t.Errorf("embed 2, of a chart without a title, is not titled with the article's")
	}
	if !strings.Contains(first, `<figcaption class="chart-title"><h1>Losses &amp; more</h1></figcaption>`) {
		t.Errorf("embed 1: the chart's title is not the page's h1")
	}
	// A chart without a title shows none; its page is headed, for screen
	// readers, with the article's.
	if !strings.Contains(second, `<h1 class="visually-hidden">Two charts of one block</h1>`) {
		t.Errorf("embed 2, of a chart without a title, is not headed with the article's title")
	}
	if strings.Contains(readOut(t, dest, "sitemap.xml"), "embed") {
		t.Errorf("the sitemap lists embed pages; want only the articles")
	}
}

// TestEmbedWithoutBaseURL builds a site with no base URL: the article
// offers no snippet, whose addresses must be absolute to work on another
// site, and no embed page is written, since nothing could link to it. Its
// charts' CSV and SVG files are written all the same.
func TestEmbedWithoutBaseURL(t *testing.T) {
	fsys := twoChartsSite()
	fsys["plotline.yaml"] = &fstest.MapFile{Data: []byte("title: T\n")}
	dest := buildFS(t, fsys)
	article := readOut(t, dest, "articles/two/index.html")
	if strings.Contains(article, "chart-embed") || strings.Contains(article, "<textarea") {
		t.Errorf("the article offers a snippet without a base URL")
	}
	if strings.Contains(article, "embed-") {
		t.Errorf("the article names an embed page without a base URL")
	}
	for _, gone := range []string{"articles/two/embed-1.html", "articles/two/embed-3.html"} {
		if _, err := os.Stat(filepath.Join(dest, gone)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: %v; want no embed page without a base URL", gone, err)
		}
	}
	for _, kept := range []string{"articles/two/prices.csv", "articles/two/prices.svg"} {
		if _, err := os.Stat(filepath.Join(dest, kept)); err != nil {
			t.Errorf("%s: %v", kept, err)
		}
	}
}

// TestEmbedSnippetInert checks the snippet of a chart whose title is
// hostile: in the article it is text in a field, and as HTML it is an
// iframe whose title holds the hostile text as a value, and one script,
// plotline's.
func TestEmbedSnippetInert(t *testing.T) {
	dest := buildFS(t, hostileSite())
	article := readOut(t, dest, "articles/evil/index.html")
	m := snippetRE.FindStringSubmatch(article)
	if m == nil {
		t.Fatal("the article has no snippet")
	}
	tags, err := htmlTags(html.UnescapeString(m[2]))
	if err != nil {
		t.Fatal(err)
	}
	if len(tags) != 2 || tags[0].name != "iframe" || tags[1].name != "script" {
		t.Fatalf("the snippet's tags are %v; want an iframe and a script", tags)
	}
	for _, a := range tags[0].attrs {
		switch a[0] {
		case "src":
			if a[1] != "https://example.org/articles/evil/embed-1.html" {
				t.Errorf("the iframe's src is %q", a[1])
			}
		case "title":
			if !strings.HasPrefix(a[1], "Chart "+evil[:20]) {
				t.Errorf("the iframe's title is %q; want the chart's", a[1])
			}
		case "height", "loading", "style":
		default:
			t.Errorf("the iframe has the attribute %s=%q", a[0], a[1])
		}
	}
	if strings.Contains(tags[1].text, "pwned") {
		t.Errorf("the snippet's script holds the hostile text: %s", tags[1].text)
	}
}

// TestEmbedClash builds a site with a page at the address of an embed
// page: the build fails, naming both files.
func TestEmbedClash(t *testing.T) {
	fsys := twoChartsSite()
	fsys["content/articles/two/embed-2.html"] = &fstest.MapFile{Data: []byte("<p>In the way</p>\n")}
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	b := NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: filepath.Join(t.TempDir(), "public")})
	_, err = b.Build(context.Background())
	want := "writes articles/two/embed-2.html, which content/articles/two/embed-2.html writes too: rename one of them"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("the build returned %v; want %s", err, want)
	}
}

// TestRebuildDropsEmbed edits an article to remove its last chart: the
// rebuild removes that chart's embed page and files, and keeps the others.
func TestRebuildDropsEmbed(t *testing.T) {
	dir, dest := t.TempDir(), filepath.Join(t.TempDir(), "public")
	files := map[string]string{}
	for name, f := range twoChartsSite() {
		files[name] = string(f.Data)
	}
	writeFiles(t, dir, files)
	b := newTestBuilder(t, dir, dest)
	if _, err := b.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	src := files["content/articles/two.md"]
	files["content/articles/two.md"] = src[:strings.Index(src, "And prices:")]
	writeFiles(t, dir, files)
	if _, err := b.Rebuild(context.Background(), []string{"content/articles/two.md"}); err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"articles/two/embed-3.html", "articles/two/prices.svg", "articles/two/prices.csv"} {
		if _, err := os.Stat(filepath.Join(dest, gone)); err == nil {
			t.Errorf("%s is still in the output", gone)
		}
	}
	for _, kept := range []string{"articles/two/embed-1.html", "articles/two/embed-2.html", "articles/two/losses-2.svg"} {
		if _, err := os.Stat(filepath.Join(dest, kept)); err != nil {
			t.Errorf("%s: %v", kept, err)
		}
	}
}

var iframeSrcRE = regexp.MustCompile(`<iframe src="([^"]+)"`)

// TestEmbedUnderBasePath builds the example for a project site under
// /repo/: each snippet frames an absolute URL under the base URL, whose
// page exists, and that page's links stay under /repo/ (as
// TestLinksUnderBasePath checks for every page).
func TestEmbedUnderBasePath(t *testing.T) {
	dest := buildExample(t, "https://example.github.io/repo/")
	for _, p := range []string{kurskPath, millbrookPath} {
		snippets := snippetRE.FindAllStringSubmatch(readOut(t, dest, p+"index.html"), -1)
		if len(snippets) == 0 {
			t.Errorf("%s has no snippet", p)
		}
		for i, m := range snippets {
			src := iframeSrcRE.FindStringSubmatch(html.UnescapeString(m[2]))
			want := "https://example.github.io/repo/" + p + "embed-" + string(rune('1'+i)) + ".html"
			if src == nil || src[1] != want {
				t.Errorf("%s: snippet %d frames %q; want %s", p, i+1, src, want)
				continue
			}
			if _, err := os.Stat(filepath.Join(dest, strings.TrimPrefix(want, "https://example.github.io/repo/"))); err != nil {
				t.Errorf("%s: snippet %d: %v", p, i+1, err)
			}
		}
	}
}
