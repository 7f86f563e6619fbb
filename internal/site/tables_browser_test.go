package site

import (
	"maps"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
)

// tableColumnsJS opens the data tables of every chart of the page and
// returns, for each column of numbers (a column whose cells all read as
// numbers), the right edges of its numbers' text, and the dates of the
// rows' headers that are broken over lines.
const tableColumnsJS = `(() => {
	document.querySelectorAll('details.chart-data').forEach(d => { d.open = true; });
	const rects = el => { const r = document.createRange(); r.selectNodeContents(el); return Array.from(r.getClientRects()); };
	const columns = [], broken = [];
	document.querySelectorAll('.chart-data table').forEach(table => {
		const rows = Array.from(table.tBodies[0].rows).filter(r => !r.classList.contains('chart-more'));
		const width = Math.max(...rows.map(r => r.cells.length));
		for (let c = 1; c < width; c++) {
			const cells = rows.map(r => r.cells[c]).filter(td => td && td.textContent.trim() !== '');
			if (!cells.length || !cells.every(td => /^[-−]?[\d,.]+$/.test(td.textContent.trim()))) {
				continue;
			}
			columns.push({table: table.className, column: c, rights: cells.map(td => Math.round(Math.max(...rects(td).map(r => r.right))))});
		}
		rows.forEach(r => {
			if (new Set(rects(r.cells[0]).map(r => Math.round(r.top))).size > 1) {
				broken.push(r.cells[0].textContent);
			}
		});
	});
	return {columns, broken};
})()`

// TestBrowserTableNumbers opens the data tables of the example's
// charts at 390 and 1280 pixels and checks that each column of numbers
// is aligned on its last digit, so that 644 stands under the units of
// 1,288, and that no date of a row's header is broken over two lines.
func TestBrowserTableNumbers(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	root, _ := serveExample(t)
	for _, width := range []int64{390, 1280} {
		setWindow(t, ctx, width, "light", false)
		for _, p := range []string{kurskPath, millbrookPath} {
			navigate(t, ctx, root+p)
			type column struct {
				Table  string
				Column int
				Rights []int
			}
			got, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
				Columns []column
				Broken  []string
			}](tableColumnsJS))
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Columns) == 0 {
				t.Fatalf("%s at %d px: no column of numbers found", p, width)
			}
			for _, c := range got.Columns {
				for _, r := range c.Rights {
					if r < c.Rights[0]-1 || r > c.Rights[0]+1 {
						t.Errorf("%s at %d px: table %s, column %d: the numbers end at %v; want them aligned on the right", p, width, c.Table, c.Column, c.Rights)
						break
					}
				}
			}
			if len(got.Broken) > 0 {
				t.Errorf("%s at %d px: dates broken over lines: %q", p, width, got.Broken)
			}
		}
	}
}

// TestBrowserTablesFitPhone opens the data tables of the example's
// charts, and of a projection whose numbers have two decimals in English
// and in Arabic, on a 390-pixel phone and checks that they fit their box,
// which hides what is wider until it is scrolled sideways: the Kursk
// chart's sources, web addresses that were not broken, made its table of
// observations 49 pixels wider than the box, so that the Source column
// stood cut at the screen's edge, and a reader who tabbed to its links
// scrolled the dates of both tables out of sight; a projected table of a
// date, three numbers such as 1,029.10 and a note was 11 pixels wider
// (32 in Arabic), its note cut ("Low scenari…").
func TestBrowserTablesFitPhone(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	root, _ := serveExample(t)
	lake := fstest.MapFS{
		"plotline.yaml": {Data: []byte("title: Lake\nbase_url: https://example.github.io/repo/\n")},
		"content/articles/lake.md": {Data: []byte(`---
title: Will the reservoir last the summer?
date: 2026-06-01
data:
  lake:
    unit: feet
    series:
      - {date: 2026-03-02, value: 1035.12}
      - {date: 2026-03-30, value: 1033.07}
      - {date: 2026-04-27, value: 1031.25}
      - {date: 2026-05-25, value: 1028.31}
    projection: {rate: -0.83, per: week, limit: 1010, low: -1.17, high: -0.52}
---
At {{ lake.rate | abs }} feet a week, the lake reaches its intake {{ lake.crossing | approx }}.

` + "```chart\ndata: lake\n```\n")},
	}
	arabic := maps.Clone(lake)
	arabic["plotline.yaml"] = &fstest.MapFile{Data: []byte("title: Lake\nbase_url: https://example.github.io/repo/\nlanguage: ar\n")}
	pages := []string{root + kurskPath, root + millbrookPath, serveDir(t, buildFS(t, lake)) + "articles/lake/", serveDir(t, buildFS(t, arabic)) + "articles/lake/"}
	setWindow(t, ctx, 390, "light", true)
	for _, p := range pages {
		navigate(t, ctx, p)
		type box struct {
			Scroll, Width int
			Styled        bool // by the theme's style sheet
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]box](`(() => {
	document.querySelectorAll('details.chart-data').forEach(d => { d.open = true; });
	return Array.from(document.querySelectorAll(".chart-tables"), b => ({Scroll: b.scrollWidth, Width: b.clientWidth, Styled: getComputedStyle(b).overflowX === 'auto'}));
})()`))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 {
			t.Fatalf("%s: no data tables", p)
		}
		for i, b := range got {
			if !b.Styled {
				t.Fatalf("%s: the theme's style sheet is not applied", p)
			}
			if b.Scroll > b.Width {
				t.Errorf("%s, chart %d: the data tables are %d pixels wide in a box of %d; want them to fit", p, i+1, b.Scroll, b.Width)
			}
		}
	}
}
