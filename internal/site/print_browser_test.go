package site

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// printLinksJS returns, for the article as printed, every link of its
// text and of its list of sources that is printed, with what the paper
// shows after it (its ::after content), and how many of the footnotes'
// back links are printed.
const printLinksJS = `(() => {
	const shown = el => el.getClientRects().length > 0;
	const links = Array.from(document.querySelectorAll('.article-body a[href], .article-footer .sources a[href]'))
		.filter(a => shown(a) && !a.getAttribute('href').startsWith('#') && !a.classList.contains('footnote-backref'))
		.map(a => ({Href: a.getAttribute('href'), After: getComputedStyle(a, '::after').content}));
	const back = Array.from(document.querySelectorAll('.footnote-backref')).filter(shown).length;
	return {Links: links, Back: back};
})()`

// TestBrowserPrintLinks prints the Kursk article: every link of its text
// prints its address after it, a link to another page of the site as
// well as one to another site (it printed none, and "see how long
// Millbrook's rainy-day fund can last" led nowhere on paper); and the
// footnotes' "↩" back links, which do nothing on paper, are left out.
func TestBrowserPrintLinks(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	root, _ := serveExample(t)
	navigate(t, ctx, root+kurskPath)
	emulateMedia(t, ctx, "print")
	type link struct{ Href, After string }
	got, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Links []link
		Back  int
	}](printLinksJS))
	if err != nil {
		t.Fatal(err)
	}
	internal := 0
	for _, l := range got.Links {
		if l.Href[0] == '/' {
			internal++
		}
		if want := `" (" "` + l.Href + `" ")"`; l.After != want && l.After != `" (`+l.Href+`)"` {
			t.Errorf("link to %s prints %s after it; want its address", l.Href, l.After)
		}
	}
	if internal == 0 {
		t.Errorf("no printed link to another page of the site among %+v; want the one to the Millbrook article", got.Links)
	}
	if got.Back != 0 {
		t.Errorf("%d footnote back links are printed; want none", got.Back)
	}
}

// sixBlocksArticle charts six blocks in one line chart, each with a
// labelled observation, so that every colour of the palette of several
// blocks is drawn, a line, marks and a label each.
var sixBlocksArticle = func() string {
	var b strings.Builder
	b.WriteString("---\ntitle: Six counts\ndate: 2025-01-20\ndata:\n")
	var names []string
	for i, name := range []string{"north", "south", "east", "west", "centre", "coast"} {
		names = append(names, name)
		fmt.Fprintf(&b, "  %s:\n    unit: people\n    series:\n", name)
		fmt.Fprintf(&b, "      - {date: 2024-0%d-01, value: %d, label: \"%s count\"}\n", i+1, 100+50*i, strings.ToUpper(name[:1])+name[1:])
		fmt.Fprintf(&b, "      - {date: 2024-08-01, value: %d}\n      - {date: 2024-12-01, value: %d}\n", 400+30*i, 900-60*i)
	}
	b.WriteString("---\nSix counts.\n\n```chart\ndata: [" + strings.Join(names, ", ") + "]\ntitle: Six counts\n```\n")
	return b.String()
}()

// printColoursJS returns the colour of each series of the static charts
// of the page, as its marks are drawn, with its contrast against the paper
// (white).
const printColoursJS = `(() => {
` + colourJS + `	const out = [];
	document.querySelectorAll('figure.chart .chart-static svg').forEach(svg => {
		if (!svg.getClientRects().length) {
			return;
		}
		svg.querySelectorAll('g[class^="plc-s"]').forEach(g => {
			const mark = g.querySelector('.plc-obs, .plc-bar');
			if (!mark) {
				return;
			}
			const c = rgba(getComputedStyle(mark).fill), l = lum(c);
			out.push({Series: g.getAttribute('class'), Colour: getComputedStyle(mark).fill, Ratio: 1.05 / (l + 0.05)});
		});
	});
	probe.remove();
	return out;
})()`

// TestBrowserPrintContrast prints an article of code and a chart of six
// blocks from a browser in the light and in the dark colour scheme (which
// a printout may be made in) and checks that what the paper shows is as
// readable as the page: every text outside the charts at 4.5:1 (3:1 if
// large), every text of the charts at 4.5:1, and each block's marks at
// 3:1 (WCAG 1.4.11) against the white paper. From the dark scheme, code
// printed in its pale colours (a string at 1.8:1) and the blocks after the
// first in theirs (the fifth, yellow, at 1.3:1), meant for a dark page.
func TestBrowserPrintContrast(t *testing.T) {
	ctx := newBrowser(t, 2*browserTimeout, nil)
	pages := []string{serveArticle(t, "blocks", blocksArticle), serveArticle(t, "six", sixBlocksArticle)}
	for _, scheme := range []string{"light", "dark"} {
		for _, p := range pages {
			setWindow(t, ctx, 1280, scheme, true)
			navigate(t, ctx, p)
			emulateMedia(t, ctx, "print", "prefers-color-scheme", scheme, "prefers-reduced-motion", "reduce")
			texts, err := chromedp.Run(ctx, chromedp.Evaluate[[]pageText](pageContrastJS))
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range texts {
				want := 4.5
				if x.Large {
					want = 3
				}
				if x.Ratio < want {
					t.Errorf("printed from the %s scheme, %s: %q (%s) has a contrast of %.2f:1; want at least %g:1", scheme, p, x.Text, x.Element, x.Ratio, want)
				}
			}
			for _, x := range measureContrast(t, ctx) {
				if x.Ratio < 4.5 {
					t.Errorf("printed from the %s scheme, %s: the chart's %q in %s has a contrast of %.2f:1; want at least 4.5:1", scheme, p, x.Text, x.Colour, x.Ratio)
				}
			}
			type series struct {
				Series, Colour string
				Ratio          float64
			}
			marks, err := chromedp.Run(ctx, chromedp.Evaluate[[]series](printColoursJS))
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(p, "/six/") && len(marks) != 6 {
				t.Errorf("printed from the %s scheme, %s: %d series measured; want 6", scheme, p, len(marks))
			}
			for _, m := range marks {
				if m.Ratio < 3 {
					t.Errorf("printed from the %s scheme, %s: the marks of %s in %s have a contrast of %.2f:1 with the paper; want at least 3:1", scheme, p, m.Series, m.Colour, m.Ratio)
				}
			}
		}
	}
}
