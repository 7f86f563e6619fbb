package site

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/markdown"
	"github.com/plotline/plotline/internal/overlay"
	"github.com/plotline/plotline/internal/render"
)

// evil is what every string field of the hostile site holds: markup that
// runs script if it is ever written unescaped, in text, in an attribute
// (either quote) or in a script element, a javascript: URL, and the two
// characters that end a JavaScript line.
const evil = `</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"> ' onmouseover='window.__pwned=1' javascript:window.__pwned=1 ` + "\u2028\u2029"

// typeset gives text the marks a build gives titles and captions.
func typeset(text string) string { return markdown.New(markdown.Options{}).Typeset(text) }

// q quotes s as a YAML double-quoted scalar.
func q(s string) string { return strconv.Quote(s) }

// hostileSite is a site whose every string field holds evil: the config,
// an article's front matter, its data (unit, labels, sources), its chart
// (title, caption) and its prose, and a standalone page.
func hostileSite() fstest.MapFS {
	article := `---
title: ` + q("Title "+evil) + `
description: ` + q("Dek "+evil) + `
author: ` + q("Author "+evil) + `
date: 2025-01-01
tags: [` + q(evil) + `, ` + q("<b onclick=window.__pwned=1>tag</b>") + `, "javascript:window.__pwned=1"]
sources:
  - {name: ` + q("Script "+evil) + `, url: "javascript:window.__pwned=1"}
  - {name: "Upper", url: " JaVaScRiPt:window.__pwned=1"}
  - {name: "Data", url: "data:text/html,<script>window.__pwned=1</script>"}
  - {name: ` + q("Web "+evil) + `, url: ` + q(`https://example.org/sources?q="><script>window.__pwned=1</script>`) + `}
  - ` + q("Plain "+evil) + `
data:
  losses:
    unit: ` + q("units "+evil) + `
    series:
      - {date: 2025-01-06, value: 3800, label: ` + q("First "+evil) + `, source: "javascript:window.__pwned=1"}
      - {date: 2025-01-13, value: 4000, label: "=HYPERLINK(\"http://x\")", source: ` + q(`https://example.org/obs?a="><img src=x onerror=window.__pwned=1>`) + `}
      - {date: 2025-01-20, value: 4400, label: "@SUM(1)", source: "+1"}
    projection:
      rate: 92
      limit: 12000
      low: 70
      high: 110
---
The unit is {{ losses.unit }}, the first label {{ losses.first.label }} and
its source {{ losses.first.source }}.

Raw HTML stays text: <script>window.__pwned=1</script> and
<img src=x onerror="window.__pwned=1">.

A [script link](javascript:window.__pwned=1), a [spaced one]( JAVASCRIPT:window.__pwned=1),
an autolink <javascript:window.__pwned=1>, and a ["title"](https://example.org/ "x\" onmouseover=\"window.__pwned=1").

![alt " onerror="window.__pwned=1](map.png)

## Heading </script><script>window.__pwned=1</script>

### Another " onmouseover="window.__pwned=1

#### Third

` + "```chart\ndata: losses\ntitle: " + q("Chart "+evil) + "\ncaption: " + q("Caption "+evil) + "\n```\n"
	return fstest.MapFS{
		"plotline.yaml": {Data: []byte("title: " + q("Site "+evil) + "\ndescription: " + q("About "+evil) +
			"\nauthor: " + q("Desk "+evil) + "\nbase_url: https://example.org/\n")},
		"content/articles/evil.md": {Data: []byte(article)},
		"content/articles/map.png": {Data: []byte("not really a PNG")},
		"content/about.md": {Data: []byte("---\ntitle: " + q("About "+evil) + "\ndescription: " + q(evil) +
			"\ndate: 2025-01-01\ntype: page\n---\nAbout " + evil + "\n")},
	}
}

// buildFS builds the site in fsys into a fresh folder and returns it.
func buildFS(t *testing.T, fsys fs.FS) string {
	t.Helper()
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	b := NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: dest})
	if _, err := b.Build(context.Background()); err != nil {
		t.Fatalf("building: %v", err)
	}
	return dest
}

// tag is a start tag of an HTML document.
type tag struct {
	name  string
	attrs [][2]string // name, unescaped value
	text  string      // the raw text of a script or style element
	raw   string
}

var tagNameRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9:-]*`)

// htmlTags returns the start tags of doc, reading attributes as a browser
// does, skipping comments, end tags and the raw text of script and style
// elements (kept in text).
func htmlTags(doc string) ([]tag, error) {
	var out []tag
	for {
		i := strings.IndexByte(doc, '<')
		if i < 0 {
			return out, nil
		}
		doc = doc[i:]
		switch {
		case strings.HasPrefix(doc, "<!--"):
			end := strings.Index(doc, "-->")
			if end < 0 {
				return out, errors.New("unclosed comment")
			}
			doc = doc[end+3:]
			continue
		case strings.HasPrefix(doc, "</"), strings.HasPrefix(doc, "<!"), strings.HasPrefix(doc, "<?"):
			end := strings.IndexByte(doc, '>')
			if end < 0 {
				return out, errors.New("unclosed tag")
			}
			doc = doc[end+1:]
			continue
		}
		name := tagNameRE.FindString(doc[1:])
		if name == "" {
			doc = doc[1:] // a "<" that starts no tag is text
			continue
		}
		start := doc
		tg := tag{name: strings.ToLower(name)}
		doc = doc[1+len(name):]
		for {
			doc = strings.TrimLeft(doc, " \t\n\r\f/")
			if doc == "" {
				return out, errors.New("unclosed tag " + name)
			}
			if doc[0] == '>' {
				doc = doc[1:]
				break
			}
			n := strings.IndexAny(doc, " \t\n\r\f/=>")
			if n == 0 { // "=" with no name before it
				n = 1
			}
			if n < 0 {
				return out, errors.New("unclosed tag " + name)
			}
			attr, val := strings.ToLower(doc[:n]), ""
			doc = strings.TrimLeft(doc[n:], " \t\n\r\f")
			if strings.HasPrefix(doc, "=") {
				doc = strings.TrimLeft(doc[1:], " \t\n\r\f")
				if doc != "" && (doc[0] == '"' || doc[0] == '\'') {
					end := strings.IndexByte(doc[1:], doc[0])
					if end < 0 {
						return out, errors.New("unclosed attribute value in " + name)
					}
					val, doc = doc[1:1+end], doc[2+end:]
				} else {
					end := strings.IndexAny(doc, " \t\n\r\f>")
					if end < 0 {
						end = len(doc)
					}
					val, doc = doc[:end], doc[end:]
				}
			}
			tg.attrs = append(tg.attrs, [2]string{attr, html.UnescapeString(val)})
		}
		tg.raw = start[:len(start)-len(doc)]
		if tg.name == "script" || tg.name == "style" {
			end := strings.Index(strings.ToLower(doc), "</"+tg.name)
			if end < 0 {
				return out, errors.New("unclosed " + tg.name)
			}
			tg.text, doc = doc[:end], doc[end:]
		}
		out = append(out, tg)
	}
}

// allowedScriptRE matches the script tags plotline writes itself. Its
// inline scripts (the chart loader, the embed page's height) are allowed
// by their text: see plotlineScript.
var allowedScriptRE = regexp.MustCompile(`^<script( src="/theme/(vendor/echarts/echarts\.common\.min|js/charts)\.js\?v=[0-9a-f]+" defer| type="application/json" id="chart-[a-z0-9-]+-option")?>$`)

// plotlineScript reports whether the text of an inline script is one of
// plotline's own: a function run at once, in strict mode, that holds none
// of the hostile site's text.
func plotlineScript(text string) bool {
	return strings.HasPrefix(text, "\n(function () {\n  'use strict';\n") && !strings.Contains(text, "pwned")
}

// dangerousURL reports whether a URL attribute's value would run script or
// load a document of its own.
func dangerousURL(v string) bool {
	v = strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1 // browsers ignore these inside a scheme
		}
		return r
	}, strings.ToLower(v))
	return strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:")
}

// checkInertHTML fails t for anything in doc that could run script: a
// script element plotline did not write, an event handler attribute, a
// javascript:, vbscript: or data: URL, an element that loads or embeds
// other documents; and, in the chart options, JSON that does not parse
// or holds a raw "<" or line separator.
func checkInertHTML(t *testing.T, name, doc string) (options []string) {
	t.Helper()
	tags, err := htmlTags(doc)
	if err != nil {
		t.Errorf("%s: %v", name, err)
	}
	for _, tg := range tags {
		switch tg.name {
		case "script":
			if !allowedScriptRE.MatchString(tg.raw) || (tg.raw == "<script>" && !plotlineScript(tg.text)) {
				t.Errorf("%s: a script element plotline did not write: %s%.80s", name, tg.raw, tg.text)
				continue
			}
			if strings.Contains(tg.raw, "application/json") {
				if strings.ContainsAny(tg.text, "<\u2028\u2029") {
					t.Errorf("%s: chart option holds a raw <, U+2028 or U+2029", name)
				}
				if !json.Valid([]byte(tg.text)) {
					t.Errorf("%s: chart option is not valid JSON", name)
				}
				options = append(options, tg.text)
			}
		case "iframe", "object", "embed", "base", "form", "frame", "frameset", "meta":
			// An embed page opens its links outside the iframe; a folder's
			// redirect page sends its reader to the site's home page.
			if (tg.name != "meta" || hasAttr(tg, "http-equiv")) && tg.raw != `<base target="_blank">` && tg.raw != `<meta http-equiv="refresh" content="0; url=/">` {
				t.Errorf("%s: unexpected element %s", name, tg.raw)
			}
		}
		for _, a := range tg.attrs {
			switch {
			case strings.HasPrefix(a[0], "on"):
				t.Errorf("%s: event handler attribute %s in %s", name, a[0], tg.raw)
			case a[0] == "href" || a[0] == "src" || a[0] == "xlink:href" || a[0] == "action" || a[0] == "formaction":
				if dangerousURL(a[1]) {
					t.Errorf("%s: %s=%q in %s", name, a[0], a[1], tg.raw)
				}
			}
		}
	}
	return options
}

func hasAttr(tg tag, name string) bool {
	for _, a := range tg.attrs {
		if a[0] == name {
			return true
		}
	}
	return false
}

// checkXML fails t unless doc is well-formed XML, and returns the text of
// every element named elem.
func checkXML(t *testing.T, name, doc, elem string) []string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	var texts []string
	var in bool
	var buf strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return texts
		}
		if err != nil {
			t.Errorf("%s is not well-formed XML: %v", name, err)
			return texts
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == elem {
				in = true
				buf.Reset()
			}
		case xml.EndElement:
			if tok.Name.Local == elem && in {
				in = false
				texts = append(texts, buf.String())
			}
		case xml.CharData:
			if in {
				buf.Write(tok)
			}
		}
	}
}

var svgRE = regexp.MustCompile(`(?s)<svg .*?</svg>`)

// TestHostileStrings builds a site whose every string field holds markup,
// quotes, javascript: URLs and line separators, and checks that every
// output keeps them inert: the HTML pages, the chart options, the static
// SVGs, the feed, the sitemap and the CSV files.
func TestHostileStrings(t *testing.T) {
	dest := buildFS(t, hostileSite())
	article := readOut(t, dest, "articles/evil/index.html")

	// Every HTML page.
	var options []string
	pages := 0
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		pages++
		options = append(options, checkInertHTML(t, rel, readOut(t, dest, rel))...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 5 {
		t.Errorf("checked %d pages; want the article, the about page, home, tags and 404 at least", pages)
	}

	// The hostile text reached the pages, as text.
	for _, want := range []string{
		// Its straight quotes typeset, as the prose's are.
		`<h1>Title &lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;img src=x onerror=“window.__pwned=1”&gt; ’ onmouseover=‘window.__pwned=1’ javascript:window.__pwned=1 ` + "\u2028\u2029</h1>",
		`&lt;script&gt;window.__pwned=1&lt;/script&gt;`,
		`href="https://example.org/sources?q=%22%3e%3cscript%3ewindow.__pwned=1%3c/script%3e"`,
	} {
		if !strings.Contains(article, want) {
			t.Errorf("the article does not hold %s", want)
		}
	}

	// The chart option holds the hostile strings, escaped: the same on the
	// article and on the chart's embed page.
	if len(options) != 2 || options[0] != options[1] {
		t.Fatalf("found %d chart options; want 2, the same, in the article and its embed page", len(options))
	}
	var opt any
	if err := json.Unmarshal([]byte(options[0]), &opt); err != nil {
		t.Fatal(err)
	}
	decoded, _ := json.Marshal(opt)
	for _, want := range []string{"units " + evil, "First " + evil} {
		if !strings.Contains(decodeJSONStrings(string(decoded)), want) {
			t.Errorf("the chart option does not hold %q", want)
		}
	}

	// The static SVGs, one per frame, are well-formed XML, with the unit
	// as text in their name ("Chart of losses (units …)").
	svgs := svgRE.FindAllString(article, -1)
	if len(svgs) != 2 {
		t.Fatalf("found %d SVGs; want 2, the wide and the narrow chart", len(svgs))
	}
	for _, svg := range svgs {
		titles := checkXML(t, "the SVG", svg, "title")
		if len(titles) == 0 || !strings.Contains(titles[0], "Chart of losses (units "+evil) {
			t.Errorf("SVG titles = %q; want the chart's name, with its unit, as text", titles)
		}
	}
	// The SVG file draws the chart's title as text, in lines.
	lines := checkXML(t, "the SVG file", readOut(t, dest, "articles/evil/losses.svg"), "text")
	if drawn := strings.Join(lines, " "); !strings.Contains(drawn, "Chart "+strings.TrimSpace(strings.TrimRight(typeset(evil), "\u2028\u2029"))) {
		t.Errorf("the SVG file draws %q; want the chart's title as text", drawn)
	}

	// The feed and the sitemap are well-formed; the HTML in the feed is
	// as inert as the pages.
	feed := readOut(t, dest, "feed.xml")
	contents := checkXML(t, "feed.xml", feed, "content")
	if len(contents) != 1 {
		t.Errorf("feed.xml has %d entries with content; want 1", len(contents))
	}
	for _, c := range contents {
		if strings.Contains(c, "<script") {
			t.Errorf("feed content holds a script element")
		}
		checkInertHTML(t, "feed.xml content", c)
	}
	for _, l := range checkXML(t, "sitemap.xml", readOut(t, dest, "sitemap.xml"), "loc") {
		if !strings.HasPrefix(l, "https://example.org/") || strings.ContainsAny(l, "<>\"' ") {
			t.Errorf("sitemap.xml: loc %q", l)
		}
	}

	// The CSV parses; no label or source starts a spreadsheet formula.
	rows, err := csv.NewReader(strings.NewReader(readOut(t, dest, "articles/evil/losses.csv"))).ReadAll()
	if err != nil {
		t.Fatalf("losses.csv: %v", err)
	}
	labels := 0
	for _, row := range rows[1:] {
		for _, cell := range row[2:4] {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("losses.csv: cell %q starts a formula", cell)
			}
			if cell != "" {
				labels++
			}
		}
	}
	if labels < 4 {
		t.Errorf("losses.csv has %d labels and sources; want the 6 of the data", labels)
	}
}

// decodeJSONStrings undoes the \u escapes encoding/json writes for <, >, &
// and the line separators, so the text can be compared.
func decodeJSONStrings(s string) string {
	return strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&", `\u2028`, "\u2028", `\u2029`, "\u2029", `\"`, `"`).Replace(s)
}

func readOut(t *testing.T, dest, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestHostileLargeArticle builds a site holding a 50 MB article: the build
// fails at once with one error at the file, without reading it, and leaves
// no temporary folder behind.
func TestHostileLargeArticle(t *testing.T) {
	big := make([]byte, 50<<20)
	copy(big, "---\ntitle: Big\ndate: 2025-01-01\n---\n")
	for i := len("---\ntitle: Big\ndate: 2025-01-01\n---\n"); i < len(big); i++ {
		big[i] = "All work and no play.\n"[i%22]
	}
	fsys := fstest.MapFS{
		"content/big.md":   {Data: big},
		"content/small.md": {Data: []byte("---\ntitle: Small\ndate: 2025-01-01\n---\nHi\n")},
	}
	dest := filepath.Join(t.TempDir(), "public")
	b := NewBuilder(config.Config{Title: "T"}, overlay.New(fsys, plotline.Defaults()), Options{Dest: dest})
	var err error
	var before, after runtime.MemStats
	done := make(chan struct{})
	go func() {
		defer close(done)
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err = b.Build(context.Background())
		runtime.ReadMemStats(&after)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the build is still running after 10 s")
	}
	var l diag.List
	if !errors.As(err, &l) || l.Error() != "content/big.md:1:1: file is 50 MB, more than the 8 MB plotline reads (split it into smaller articles)" {
		t.Errorf("Build = %v; want one error at content/big.md", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
		t.Errorf("the build allocated %d MB; want under 32 MB (the theme, not the article)", alloc>>20)
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 0 {
		t.Errorf("the build left %v beside its output", entries)
	}
}

// dialogs records the JavaScript dialogs a tab opens, and dismisses each.
type dialogs struct {
	mu   sync.Mutex
	msgs []string
}

func (d *dialogs) listen(ctx context.Context) func(ev any) {
	return func(ev any) {
		e, ok := ev.(*page.EventJavascriptDialogOpening)
		if !ok {
			return
		}
		d.mu.Lock()
		d.msgs = append(d.msgs, fmt.Sprintf("%s(%q)", e.Type, e.Message))
		d.mu.Unlock()
		go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{})
	}
}

func (d *dialogs) take() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	m := d.msgs
	d.msgs = nil
	return m
}

// pwned reads window.__pwned, which any injected script sets.
func pwned(t *testing.T, ctx context.Context) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`String(window.__pwned)`))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestBrowserHostile loads the pages of the hostile site in Chromium and
// hovers its chart so that the tooltip shows the hostile labels: no
// dialog opens, no error is logged and window.__pwned stays undefined. A
// control site that does let a script through (with unsafe_html) shows
// that each of these checks sees an attack when there is one.
func TestBrowserHostile(t *testing.T) {
	events := &browserEvents{}
	ctx := newBrowser(t, browserTimeout, events)
	var dl dialogs
	if err := chromedp.Listen(ctx, dl.listen(ctx)); err != nil {
		t.Fatal(err)
	}

	// The browser may still fetch the control page's icon while the next
	// page loads; its site and server stay until the whole test ends, so
	// that fetch cannot fail into the next page's events.
	control := fstest.MapFS{
		"plotline.yaml":  {Data: []byte("title: Control\nunsafe_html: true\n")},
		"content/pwn.md": {Data: []byte("---\ntitle: Pwn\ndate: 2025-01-01\n---\n<script>window.__pwned=1; alert('pwned')</script>\n")},
	}
	controlSrv := httptest.NewServer(http.FileServer(http.Dir(buildFS(t, control))))
	defer controlSrv.Close()
	t.Run("control", func(t *testing.T) {
		events.take()
		navigate(t, ctx, controlSrv.URL+"/pwn/")
		if got := pwned(t, ctx); got != "1" {
			t.Errorf("window.__pwned = %s on the control page; want 1 (the check sees nothing)", got)
		}
		deadline := time.Now().Add(5 * time.Second)
		for len(dl.msgs) == 0 && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if got := dl.take(); len(got) != 1 {
			t.Errorf("dialogs on the control page = %q; want the one alert", got)
		}
	})

	dest := buildFS(t, hostileSite())
	srv := httptest.NewServer(http.FileServer(http.Dir(dest)))
	defer srv.Close()
	for _, p := range []string{"articles/evil/", "", "about/", "tags/", "404.html"} {
		t.Run("/"+p, func(t *testing.T) {
			events.take()
			dl.take()
			navigate(t, ctx, srv.URL+"/"+p)
			if p == "articles/evil/" {
				waitChartsDrawn(t, ctx)
				hoverChart(t, ctx)
			}
			// Give anything injected a moment to run before looking.
			time.Sleep(200 * time.Millisecond)
			if got := pwned(t, ctx); got != "undefined" {
				t.Errorf("window.__pwned = %s; want undefined", got)
			}
			if got := dl.take(); len(got) > 0 {
				t.Errorf("dialogs opened: %q", got)
			}
			// ECharts comes from the site; waitChartsDrawn saw it draw.
			checkEvents(t, events, false)
		})
	}
}

// hoverChart shows the live chart's tooltip on the first observation and
// expects it to hold the hostile label as text, with no element from it.
func hoverChart(t *testing.T, ctx context.Context) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
		const live = document.querySelector('.chart-live');
		const inst = echarts.getInstanceByDom(live);
		const series = inst.getOption().series.findIndex(s => s.id === 'observed');
		inst.dispatchAction({type: 'showTip', seriesIndex: series, dataIndex: 0});
		return true;
	})()`))
	if err != nil {
		t.Fatalf("showing the tooltip: %v", err)
	}
	_, err = chromedp.Run(ctx, poll[bool](
		`document.querySelector('.chart-live').textContent.includes('First </script><script>window.__pwned=1</script>')`, 5*time.Second))
	if err != nil {
		t.Fatalf("the tooltip never showed the first label as text: %v", err)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.chart-live img, .chart-live script, .chart-live [onmouseover], .chart-live [onerror]').length`))
	if err != nil {
		t.Fatal(err)
	}
	if n > 0 {
		t.Errorf("the chart holds %d elements made from its labels", n)
	}
}

// TestManyTags builds 10,000 tags, the 100 an article may have on each of
// 100 articles (one article of 10,000 is refused now, content.MaxTags).
// Each tag has a page listing its article, and a feed; as each list and
// feed shows at most render.ListTags of an article's tags, the output
// grows with the number of tags, not with its square (it was 5.6 GB for
// one article's).
func TestManyTags(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 10,000 tag pages")
	}
	dest := buildFS(t, manyTags())
	var total int64
	pages, feeds := 0, 0
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		total += fi.Size()
		if strings.HasPrefix(p, filepath.Join(dest, "tags")) {
			if d.Name() == render.TagFeedFile {
				feeds++
			} else {
				pages++
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages != 10_001 || feeds != 10_000 {
		t.Errorf("%d tag pages and %d feeds; want 10,000 and the list of tags, and 10,000", pages, feeds)
	}
	t.Logf("%d files, %.1f MB", pages+feeds, float64(total)/(1<<20))
	if total > 100<<20 {
		t.Errorf("the output is %d MB; want under 100 MB", total>>20)
	}
	page := readOut(t, dest, "tags/t00042/index.html")
	if n := strings.Count(page, `class="tag"`); n != render.ListTags {
		t.Errorf("a tag page shows %d of the article's tags; want %d", n, render.ListTags)
	}
	if !strings.Contains(page, fmt.Sprintf("and %d more", content.MaxTags-render.ListTags)) {
		t.Errorf("a tag page does not say how many tags it leaves out")
	}
}

// TestEventsOfAPage checks that the charts of a page mark at most
// chart.MaxEvents events in all: the 401st event of a second chart of 600
// is an error, where each chart block alone may hold 1,000.
func TestEventsOfAPage(t *testing.T) {
	events := strings.Repeat("  - {date: 2025-01-02, label: a}\n", 600)
	page := "---\ntitle: A\ndate: 2025-01-01\ndata:\n  x:\n    series: [{date: 2025-01-01, value: 1}, {date: 2025-03-01, value: 2}]\n---\n" + // lines 1-7
		"```chart\ndata: x\nevents:\n" + events + "```\n\n" + // lines 8-612
		"```chart\ndata: x\nevents:\n" + events + "```\n" // lines 613-1216, the events from 616
	_, errs := buildErrors(t, fstest.MapFS{"content/a.md": {Data: []byte(page)}})
	want := []string{"content/a.md:1016:31: chart: more than 1000 events on this page: the charts of a page mark 1000 dates at most, each drawn with its rule and label (this is the first past them)"}
	if !slices.Equal(errs, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
}

// TestObservationsOfAPage checks the bound on the observations the charts
// of a page draw, each counted for every chart that draws it: twenty
// charts of a CSV file of 500,001 days pass it at the twentieth, and none
// is drawn. Each chart drew and wrote every observation, so that 40
// charts of a file of 300,000 days, an article of a few lines, took 25 s
// of CPU and wrote 233 MB, and the 2,000 charts a page may have would
// take twenty minutes and write 12 GB.
func TestObservationsOfAPage(t *testing.T) {
	var csv strings.Builder
	csv.WriteString("date,value\n")
	day0 := time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 500_001 {
		fmt.Fprintf(&csv, "%s,%d\n", day0.AddDate(0, 0, i).Format(time.DateOnly), i%100)
	}
	page := "---\ntitle: A\ndate: 2025-01-01\ndata:\n  x: {csv: x.csv}\n---\n" + // lines 1-6
		strings.Repeat("```chart\ndata: x\n```\n\n", 20) // four lines a chart, the twentieth's data: on line 8+19*4
	_, errs := buildErrors(t, fstest.MapFS{"content/a.md": {Data: []byte(page)}, "content/x.csv": {Data: []byte(csv.String())}})
	want := []string{"content/a.md:84:7: chart: the charts of this page draw 10000020 observations, more than the 10000000 a page may draw (this is the first chart past them): each chart draws every observation of its blocks and writes it into its table and CSV file; chart a long series fewer times"}
	if !slices.Equal(errs, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
}

// TestManyRootAddresses gives a site published under /repo/ a style sheet
// of 300,000 addresses at the server's root (8 MB), each warned at its
// place: each place was counted from the start of the file, 4 s of CPU for
// 80,000, so that these took about a minute, where they take a second or
// two.
func TestManyRootAddresses(t *testing.T) {
	if testing.Short() {
		t.Skip("makes 300,000 warnings against a limit of time, which the race detector's slowness could pass")
	}
	const n = 300_000
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, ".a%d{background:url(/x.png)}\n", i)
	}
	fsys := fstest.MapFS{"theme/css/extra.css": {Data: []byte(b.String())}}
	var l diag.List
	done := make(chan struct{})
	go func() {
		defer close(done)
		l = baseAddresses(fsys, "/repo/")
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the warnings are still being made after 20 s")
	}
	want := fmt.Sprintf("theme/css/extra.css:%d:%d: warning: \"/x.png\" is outside the site", n, len(fmt.Sprintf(".a%d{background:url(", n-1))+1)
	if len(l) != n || !strings.HasPrefix(l[n-1].String(), want) {
		t.Errorf("%d warnings, the last %v; want %d, the last at its place: %s…", len(l), l[len(l)-1], n, want)
	}
}

// TestManyProblemsAFile checks that the front matter of an article with
// thousands of unknown keys in a data block, and a site's words file of
// thousands of unknown keys, list their first 1,000 problems and say the
// rest are not listed, as a CSV file does: 20,000 of either printed 2 MB.
func TestManyProblemsAFile(t *testing.T) {
	var keys, words strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&keys, "    k%d: v\n", i)
		fmt.Fprintf(&words, "k%d: v\n", i)
	}
	page := "---\ntitle: A\ndate: 2025-01-01\ndata:\n  b:\n" + keys.String() + "    series: [{date: 2025-01-01, value: 1}]\n---\n"
	_, errs := buildErrors(t, fstest.MapFS{
		"plotline.yaml": {Data: []byte("title: T\nlanguage: de\n")},
		"content/a.md":  {Data: []byte(page)},
		"i18n/de.yaml":  {Data: []byte(words.String())},
	})
	// The keys start on line 6 of the article: k1000 is on line 1006;
	// on line 1 of the words file, k1000 is on line 1001.
	want := []string{
		"content/a.md:1006:5: more than 1000 problems in this file; the rest are not listed",
		"i18n/de.yaml:1001:1: more than 1000 problems in this file; the rest are not listed",
	}
	if len(errs) != 2*(diag.MaxListed+1) || errs[diag.MaxListed] != want[0] || errs[len(errs)-1] != want[1] {
		t.Errorf("%d errors; want %d, each file's 1,001st:\n%s", len(errs), 2*(diag.MaxListed+1), strings.Join(want, "\n"))
	}
}
