package site

import (
	"testing"

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
// charts on a 390-pixel phone and checks that they fit their box, which
// hides what is wider until it is scrolled sideways: the Kursk chart's
// sources, web addresses that were not broken, made its table of
// observations 49 pixels wider than the box, so that the Source column
// stood cut at the screen's edge, and a reader who tabbed to its links
// scrolled the dates of both tables out of sight.
func TestBrowserTablesFitPhone(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	root, _ := serveExample(t)
	setWindow(t, ctx, 390, "light", true)
	for _, p := range []string{kurskPath, millbrookPath} {
		navigate(t, ctx, root+p)
		type box struct{ Scroll, Width int }
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]box](`(() => {
	document.querySelectorAll('details.chart-data').forEach(d => { d.open = true; });
	return Array.from(document.querySelectorAll('.chart-tables'), b => ({Scroll: b.scrollWidth, Width: b.clientWidth}));
})()`))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 {
			t.Fatalf("%s: no data tables", p)
		}
		for i, b := range got {
			if b.Scroll > b.Width {
				t.Errorf("%s, chart %d: the data tables are %d pixels wide in a box of %d; want them to fit", p, i+1, b.Scroll, b.Width)
			}
		}
	}
}
