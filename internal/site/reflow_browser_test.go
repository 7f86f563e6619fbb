package site

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// reflowJS opens every <details> of the page and returns what sticks out
// of the window: the width the page scrolls to, the window's, and the
// first few elements whose right edge passes the window's.
const reflowJS = `(() => {
	document.querySelectorAll('details').forEach(d => { d.open = true; });
	const width = document.documentElement.clientWidth;
	const wide = Array.from(document.querySelectorAll('body *'))
		.filter(e => e.getBoundingClientRect().right > width + 1)
		.slice(0, 3)
		.map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' to ' + Math.round(e.getBoundingClientRect().right));
	return {Scroll: document.documentElement.scrollWidth, Width: width, Wide: wide};
})()`

// wideBlocksArticle is an article of the blocks of Markdown that may be
// wider than a phone: a table of many columns, a long line of code, a
// long address and a long word.
var wideBlocksArticle = "---\ntitle: Wide\ndate: 2025-01-01\ntags: [a-tag-name-long-enough-to-fill-a-phone-screen-by-itself]\n---\n" +
	"| Region | " + strings.Repeat("Column | ", 8) + "\n|---|" + strings.Repeat("---:|", 8) + "\n" +
	"| North | " + strings.Repeat("1,234,567 | ", 8) + "\n\n" +
	"```go\nfmt.Println(\"" + strings.Repeat("a long line of code ", 8) + "\")\n```\n\n" +
	"See https://example.com/" + strings.Repeat("a-long-path/", 10) + " and Donaudampfschifffahrtsgesellschaftskapitänswitwenrente.\n"

// TestBrowserReflow opens the example's articles and embed pages, and an
// article of wide blocks of Markdown, in a window 320 pixels wide (a
// 1280-pixel window zoomed to 400%), with every <details> open, data
// tables and embed snippets included, and checks that the page does not
// scroll sideways: a table wider than the column scrolls in its own box,
// so the prose beside it reads without scrolling in two directions.
func TestBrowserReflow(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	root, _ := serveExample(t)
	wide := serveArticle(t, "wide", wideBlocksArticle)
	for _, script := range []bool{true, false} {
		setWindow(t, ctx, 320, "light", script)
		for _, p := range []string{kurskPath, kurskPath + "embed-1.html", millbrookPath, millbrookPath + "embed-1.html", wide} {
			if !strings.HasPrefix(p, "http") {
				p = root + p
			}
			navigate(t, ctx, p)
			type reflow struct {
				Scroll, Width int
				Wide          []string
			}
			r, err := chromedp.Run(ctx, chromedp.Evaluate[reflow](reflowJS))
			if err != nil {
				t.Fatal(err)
			}
			if r.Scroll > r.Width {
				t.Errorf("%s (script %v): the page scrolls to %d pixels in a window of %d; sticking out: %s", p, script, r.Scroll, r.Width, fmt.Sprint(r.Wide))
			}
		}
	}
}
