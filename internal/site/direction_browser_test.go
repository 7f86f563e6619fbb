package site

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
)

// pageDirectionJS returns the page's direction and whether its first
// quote has its rule on the right, and there only.
const pageDirectionJS = `(() => {
	const s = getComputedStyle(document.documentElement);
	const q = document.querySelector('.article-body blockquote');
	const qs = q && getComputedStyle(q);
	return {
		Direction: s.direction,
		QuoteRuleRight: !!qs && qs.borderRightWidth !== '0px' && qs.borderLeftWidth === '0px',
	};
})()`

// TestBrowserRightToLeft opens the compare article in a site whose
// language is written from right to left (Arabic, ar-u-nu-latn) and in the
// same site in Arabic written in Latin letters (ar-Latn), left to right,
// whose charts write the same numbers and month names, at a phone's width
// and a desktop's, live and static, and checks that the page reads from
// right to left (its quotes ruled on the right) while every chart is laid
// out exactly as in the left-to-right page: time runs from left to right
// and every text and line of the chart is where it is there. Then it lays the charts out from right to left
// on purpose, to show that the comparison sees it, live and static.
func TestBrowserRightToLeft(t *testing.T) {
	ctx := newBrowser(t, 3*browserTimeout, nil)
	ltr := compareSite()
	ltr["content/articles/compare.md"].Data = append(slices.Clone(ltr["content/articles/compare.md"].Data), "\n> A quote, ruled on its start side.\n"...)
	rtl := maps.Clone(ltr)
	rtl["plotline.yaml"] = &fstest.MapFile{Data: []byte(string(ltr["plotline.yaml"].Data) + "language: ar-u-nu-latn\n")}
	ltr["plotline.yaml"] = &fstest.MapFile{Data: []byte(string(ltr["plotline.yaml"].Data) + "language: ar-Latn\n")}
	ltrRoot := serveDir(t, buildFS(t, ltr))
	rtlRoot := serveDir(t, buildFS(t, rtl))
	type look struct {
		Direction      string
		QuoteRuleRight bool
	}
	broken := map[string]bool{} // renderings where the layout broken on purpose was seen
	for _, width := range []int64{390, 1280} {
		for _, rendering := range []string{"live", "static"} {
			t.Run(fmt.Sprintf("%d-%s", width, rendering), func(t *testing.T) {
				setWindow(t, ctx, width, "light", rendering == "live")
				measure := func(root string) (look, map[string]chartLayout) {
					navigate(t, ctx, root+"articles/compare/")
					if rendering == "live" {
						waitChartsPainted(t, ctx, 0.02)
					}
					l, err := chromedp.Run(ctx, chromedp.Evaluate[look](pageDirectionJS))
					if err != nil {
						t.Fatal(err)
					}
					return l, measureSettled(t, ctx, rendering)
				}
				ltrLook, ltrCharts := measure(ltrRoot)
				rtlLook, rtlCharts := measure(rtlRoot)
				if ltrLook != (look{"ltr", false}) {
					t.Errorf("the left-to-right page: %+v; want it left to right, its quote ruled on the left", ltrLook)
				}
				if rtlLook != (look{"rtl", true}) {
					t.Errorf("the Arabic page: %+v; want it right to left, its quote ruled on the right", rtlLook)
				}
				if len(ltrCharts) != 2 {
					t.Fatalf("%d charts measured; want 2", len(ltrCharts))
				}
				for _, p := range layoutDifferences(ltrCharts, rtlCharts, rendering) {
					t.Error(p)
				}
				// The check sees a chart laid out from right to left.
				if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](`(() => {
					const s = document.createElement('style');
					s.textContent = '.chart-box, .chart-static svg { direction: rtl !important; }';
					document.head.append(s);
					window.dispatchEvent(new Event('resize'));
				})()`)); err != nil {
					t.Fatal(err)
				}
				if rendering == "live" {
					waitChartsPainted(t, ctx, 0.02)
				}
				if len(layoutDifferences(ltrCharts, measureSettled(t, ctx, rendering), rendering)) > 0 {
					broken[rendering] = true
				}
			})
		}
	}
	// A live chart as wide as its frame is drawn the same either way; a
	// scaled one, and every static one, are not.
	for _, rendering := range []string{"live", "static"} {
		if !broken[rendering] {
			t.Errorf("%s charts laid out from right to left measure as the left-to-right ones at every width: the comparison sees nothing", rendering)
		}
	}
}

// measureInFigures is measureFigures with every box and line placed from
// the top left corner of the frame the reader sees (the live chart's box
// or the static SVG), so that a page scrolled elsewhere, or with other lines
// above the chart, measures the same.
func measureInFigures(t *testing.T, ctx context.Context) map[string]chartLayout {
	t.Helper()
	charts := measureFigures(t, ctx)
	for id, l := range charts {
		corner, err := chromedp.Run(ctx, chromedp.Evaluate[[2]float64](fmt.Sprintf(`(() => {
			const fig = document.getElementById(%q);
			const shown = [fig.querySelector('.chart-box'), ...fig.querySelectorAll('.chart-static svg')].find(el => el && el.getClientRects().length > 0 && el.getBoundingClientRect().height > 0);
			const r = (shown || fig).getBoundingClientRect();
			return [r.left, r.top];
		})()`, id)))
		if err != nil {
			t.Fatal(err)
		}
		for i := range l.Texts {
			for j := range l.Texts[i].Box {
				l.Texts[i].Box[j] -= corner[j%2]
			}
		}
		for i := range l.Segments {
			for j := range l.Segments[i] {
				l.Segments[i][j] -= corner[j%2]
			}
		}
		charts[id] = l
	}
	return charts
}

// measureSettled is measureInFigures once two measures 100 ms apart agree:
// on some runs a static page measured as soon as it loaded had its charts'
// texts 13 pixels lower in their SVG, or the SVG at another width, than a
// moment later.
func measureSettled(t *testing.T, ctx context.Context, rendering string) map[string]chartLayout {
	t.Helper()
	last := measureInFigures(t, ctx)
	for range 20 {
		time.Sleep(100 * time.Millisecond)
		now := measureInFigures(t, ctx)
		if len(layoutDifferences(last, now, rendering)) == 0 {
			return now
		}
		last = now
	}
	t.Fatalf("the charts' layout still changes after 2 s")
	return nil
}

// layoutDifferences returns how the charts of got differ from those of
// want, figure by figure: a rendering other than the one wanted, another
// number of texts, or a text or line more than a pixel away from its
// place in want.
func layoutDifferences(want, got map[string]chartLayout, rendering string) []string {
	var bad []string
	far := func(a, b [4]float64) bool {
		for i := range a {
			if math.Abs(a[i]-b[i]) > 1 {
				return true
			}
		}
		return false
	}
	for _, id := range slices.Sorted(maps.Keys(want)) {
		w, g := want[id], got[id]
		if w.Rendering != rendering || g.Rendering != rendering {
			bad = append(bad, fmt.Sprintf("%s: the %s and the %s chart are measured; want the %s one", id, w.Rendering, g.Rendering, rendering))
			continue
		}
		if len(w.Texts) != len(g.Texts) || len(w.Segments) != len(g.Segments) {
			bad = append(bad, fmt.Sprintf("%s: %d texts and %d lines; want %d and %d", id, len(g.Texts), len(g.Segments), len(w.Texts), len(w.Segments)))
			continue
		}
		for i, wt := range w.Texts {
			if gt := g.Texts[i]; gt.Text != wt.Text || far(gt.Box, wt.Box) {
				bad = append(bad, fmt.Sprintf("%s: %q at %.0f; want %q at %.0f", id, gt.Text, gt.Box, wt.Text, wt.Box))
			}
		}
		for i, ws := range w.Segments {
			if gs := g.Segments[i]; far(gs, ws) {
				bad = append(bad, fmt.Sprintf("%s: a line at %.0f; want it at %.0f", id, gs, ws))
			}
		}
	}
	return bad
}

// labelOrderJS returns, for each text of the static charts that holds a
// digit and a Hebrew letter, whether it reads in its order from the
// right: whichever of its first digit and its first Hebrew letter comes
// first in the text stands to the right of the other, so that "250 מ״ק"
// begins with its number and "ינו׳ 2025" with its month.
const labelOrderJS = `(() => Array.from(document.querySelectorAll('.chart-static svg text')).filter(t => t.getClientRects().length > 0 && /[0-9]/.test(t.textContent) && /[\u0590-\u05ff]/.test(t.textContent)).map(t => {
	const s = t.textContent, digit = s.search(/[0-9]/), letter = s.search(/[\u0590-\u05ff]/);
	const digitRight = t.getExtentOfChar(digit).x > t.getExtentOfChar(letter).x;
	return {Text: s, FromRight: digitRight === (digit < letter)};
}))()`

// TestBrowserRightToLeftLabels opens a chart of a Hebrew site, whose
// numbers are written with the digits 0 to 9, and checks that each label
// of a number and Hebrew words reads in its order from the right, where a
// reader of Hebrew begins, though the chart runs from left to right: the
// limit's "250 מיליון מ״ק" with its number on the right, a month's
// "ינו׳ 2025" with its year on the left.
func TestBrowserRightToLeftLabels(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	root := serveDir(t, buildFS(t, fstest.MapFS{
		"plotline.yaml": {Data: []byte("title: מים\nbase_url: https://example.github.io/repo/\nlanguage: he\n")},
		"content/articles/dam.md": {Data: []byte("---\ntitle: הסכר\ndate: 2025-03-01\ndata:\n  dam:\n    unit: מיליון מ״ק\n    series:\n" +
			"      - {date: 2025-01-01, value: 120}\n      - {date: 2025-02-01, value: 150}\n    projection:\n      rate: 30\n      per: month\n      limit: 250\n---\n\n```chart\ndata: dam\n```\n")},
	}))
	setWindow(t, ctx, 1280, "light", false)
	navigate(t, ctx, root+"articles/dam/")
	type order struct {
		Text      string
		FromRight bool
	}
	labels, err := chromedp.Run(ctx, chromedp.Evaluate[[]order](labelOrderJS))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(labels, func(o order) bool { return strings.Contains(o.Text, "250") }) {
		t.Fatalf("no label of the limit, 250, among %+v", labels)
	}
	for _, o := range labels {
		if !o.FromRight {
			t.Errorf("%q does not read in its order from the right", o.Text)
		}
	}
}

// tooltipOrderJS returns, for each piece of text of the shown tooltip
// that holds digits and Hebrew letters, whether it reads in its order from
// the right, as labelOrderJS does for the static chart's labels.
const tooltipOrderJS = `(() => {
	const tip = Array.from(document.querySelectorAll('.chart-live div')).find(d => {
		const s = getComputedStyle(d);
		return (d.innerText || '').trim() !== '' && s.display !== 'none' && s.visibility !== 'hidden' && Number(s.opacity) > 0;
	});
	if (!tip) {
		return [];
	}
	const x = (node, i) => {
		const r = document.createRange();
		r.setStart(node, i);
		r.setEnd(node, i + 1);
		return r.getBoundingClientRect().x;
	};
	const out = [];
	const walk = document.createTreeWalker(tip, NodeFilter.SHOW_TEXT);
	for (let n = walk.nextNode(); n; n = walk.nextNode()) {
		const s = n.data, digit = s.search(/[0-9]/), letter = s.search(/[\u0590-\u05ff]/);
		if (digit < 0 || letter < 0) {
			continue;
		}
		out.push({Text: s, FromRight: (x(n, digit) > x(n, letter)) === (digit < letter)});
	}
	return out;
})()`

// tooltipMarkerGapJS returns, for each coloured dot of the shown tooltip,
// the space between it and the nearest character of its line.
const tooltipMarkerGapJS = `(() => {
	const tip = Array.from(document.querySelectorAll('.chart-live div')).find(d => {
		const s = getComputedStyle(d);
		return (d.innerText || '').trim() !== '' && s.display !== 'none' && s.visibility !== 'hidden' && Number(s.opacity) > 0;
	});
	if (!tip) {
		return [];
	}
	return Array.from(tip.querySelectorAll('span[style*="border-radius"]')).map(dot => {
		const d = dot.getBoundingClientRect();
		const r = document.createRange();
		r.selectNodeContents(dot.parentElement);
		let gap = Infinity;
		for (const c of r.getClientRects()) {
			if (c.width === 0 || c.bottom <= d.top || c.top >= d.bottom || (c.left >= d.left && c.right <= d.right)) {
				continue;
			}
			gap = Math.min(gap, c.left >= d.right ? c.left - d.right : d.left - c.right);
		}
		return gap;
	});
})()`

// TestBrowserRightToLeftTooltip shows, in Chromium, the tooltips of a
// Hebrew site's live chart, which is laid out from left to right: its
// date, "1 בינו׳ 2025", and its values with their unit, "120 מיליון מ״ק",
// read in their order from the right, as the page and the static chart
// write them, also after a word ("תחזית מרכזית: 150 מיליון מ״ק"); each
// line's coloured dot keeps its space from the text, on its left.
func TestBrowserRightToLeftTooltip(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	root := serveDir(t, buildFS(t, fstest.MapFS{
		"plotline.yaml": {Data: []byte("title: מים\nbase_url: https://example.github.io/repo/\nlanguage: he\n")},
		"content/articles/dam.md": {Data: []byte("---\ntitle: הסכר\ndate: 2025-03-01\ndata:\n  dam:\n    unit: מיליון מ״ק\n    series:\n" +
			"      - {date: 2025-01-01, value: 120}\n      - {date: 2025-02-01, value: 150}\n    projection:\n      rate: 30\n      per: month\n      limit: 250\n---\n\n```chart\ndata: dam\n```\n")},
	}))
	useUTC(t, ctx)
	navigate(t, ctx, root+"articles/dam/")
	charts := waitChartsDrawn(t, ctx)
	type order struct {
		Text      string
		FromRight bool
	}
	for _, tip := range []struct {
		series string
		index  int
		has    string
		want   int // pieces of digits and Hebrew
	}{
		{"observed", 0, "1 בינו׳ 2025", 2},
		{"central", 0, "תחזית מרכזית", 3},
	} {
		showTooltip(t, ctx, charts[0].Figure, tip.series, tip.index, tip.has)
		pieces, err := chromedp.Run(ctx, chromedp.Evaluate[[]order](tooltipOrderJS))
		if err != nil {
			t.Fatal(err)
		}
		if len(pieces) != tip.want {
			t.Errorf("tooltip of %s %d: %d pieces of digits and Hebrew (%+v); want %d", tip.series, tip.index, len(pieces), pieces, tip.want)
		}
		for _, o := range pieces {
			if !o.FromRight {
				t.Errorf("tooltip of %s %d: %q does not read in its order from the right", tip.series, tip.index, o.Text)
			}
		}
		gaps, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](tooltipMarkerGapJS))
		if err != nil {
			t.Fatal(err)
		}
		if len(gaps) == 0 {
			t.Errorf("tooltip of %s %d: no coloured dot", tip.series, tip.index)
		}
		for _, g := range gaps {
			if g < 3 || math.IsInf(g, 1) {
				t.Errorf("tooltip of %s %d: a dot %vpx from its text; want at least 3px", tip.series, tip.index, g)
			}
		}
	}
}

// TestBrowserFootnoteArrow opens an article with a footnote in Hebrew
// and in English: the arrow back to the text (↩), which browsers do not
// mirror, is turned round in the page read from the right, and only
// there.
func TestBrowserFootnoteArrow(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	setWindow(t, ctx, 390, "light", false)
	for _, c := range []struct {
		lang   string
		mirror bool
	}{{"he", true}, {"en", false}} {
		root := serveDir(t, buildFS(t, fstest.MapFS{
			"plotline.yaml":          {Data: []byte("title: t\nbase_url: https://example.github.io/repo/\nlanguage: " + c.lang + "\n")},
			"content/articles/fn.md": {Data: []byte("---\ntitle: t\ndate: 2025-03-01\n---\nטקסט.[^1]\n\n[^1]: הערה.\n")},
		}))
		navigate(t, ctx, root+"articles/fn/")
		// The horizontal scale of the arrow's transform; 0 without one.
		scale, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(() => {
	const a = document.querySelector('.footnote-backref');
	return a ? new DOMMatrix(getComputedStyle(a).transform).a : 0;
})()`))
		if err != nil {
			t.Fatal(err)
		}
		if want := map[bool]float64{true: -1, false: 1}[c.mirror]; scale != want {
			t.Errorf("%s: the footnote's arrow is scaled %v across; want %v", c.lang, scale, want)
		}
	}
}

// TestBrowserListDigits opens an article with contents, a numbered list
// and footnotes in Egypt's Arabic, in Persian and in Arabic without a
// country, and checks the digits each ordered list counts in: those of
// the page's numbers, Arabic-Indic (١), Persian (۱) and 0 to 9; the home
// page's list of articles, an ordered list shown without numbers, stays
// without them.
func TestBrowserListDigits(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	article := "---\ntitle: قائمة\ndate: 2025-03-01\n---\n## أ\n\n1. واحد\n2. اثنان\n\n## ب\n\nنص.[^1]\n\n## ج\n\nنص.\n\n[^1]: حاشية.\n"
	setWindow(t, ctx, 1280, "light", false)
	for _, c := range []struct{ lang, want string }{
		{"ar-EG", "arabic-indic"},
		{"fa-IR", "persian"},
		{"ar", "decimal"},
	} {
		root := serveDir(t, buildFS(t, fstest.MapFS{
			"plotline.yaml":            {Data: []byte("title: قائمة\nbase_url: https://example.github.io/repo/\nlanguage: " + c.lang + "\n")},
			"content/articles/list.md": {Data: []byte(article)},
		}))
		navigate(t, ctx, root+"articles/list/")
		styles, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](`(() => {
	const out = {};
	for (const sel of ['.toc ol', '.article-body > ol', '.footnotes ol']) {
		const ol = document.querySelector(sel);
		out[sel] = ol ? getComputedStyle(ol).listStyleType : 'missing';
	}
	return out;
})()`))
		if err != nil {
			t.Fatal(err)
		}
		for sel, got := range styles {
			if got != c.want {
				t.Errorf("%s: %s counts in %q; want %q", c.lang, sel, got, c.want)
			}
		}
		navigate(t, ctx, root)
		home, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
	const ol = document.querySelector('ol.article-list');
	return ol ? getComputedStyle(ol).listStyleType : 'missing';
})()`))
		if err != nil {
			t.Fatal(err)
		}
		if home != "none" {
			t.Errorf("%s: the list of articles counts in %q; want none", c.lang, home)
		}
	}
}
