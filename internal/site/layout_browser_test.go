package site

import (
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

var layoutScreenshots = flag.String("layout-screenshots", "", "write screenshots of the charts of TestBrowserChartLayout to this folder")

// compareArticle is an article whose first chart compares two blocks and
// marks two events, and whose second chart draws the same blocks as bars.
const compareArticle = "---\ntitle: Two counts\ndate: 2025-01-20\ndata:\n" +
	"  ukraine:\n    unit: casualties\n    series:\n" +
	"      - {date: 2024-10-01, value: 500, label: \"Kyiv's figure\", source: \"https://example.org/kyiv\"}\n" +
	"      - {date: 2024-11-01, value: 1400}\n      - {date: 2024-12-01, value: 2600}\n" +
	"      - {date: 2025-01-06, value: 3800, source: \"https://example.org/kyiv\"}\n" +
	"  south_korea:\n    unit: casualties\n    series:\n" +
	"      - {date: 2024-11-15, value: 300, label: \"Seoul's figure\", source: \"National Intelligence Service\"}\n" +
	"      - {date: 2024-12-20, value: 1100}\n      - {date: 2025-01-13, value: 3000}\n" +
	"---\nThe two counts.\n\n```chart\ndata: [ukraine, {block: south_korea, name: South Korea}]\n" +
	"title: Two counts\nevents:\n  - {date: 2024-10-18, label: Troops reported}\n  - {date: 2024-12-05, label: Combat begins}\n```\n\n" +
	"The same as bars.\n\n```chart\ndata: [ukraine, {block: south_korea, name: South Korea}]\ntype: bar\n```\n"

// compareSite is a site with compareArticle.
func compareSite() fstest.MapFS {
	return fstest.MapFS{
		"plotline.yaml":               {Data: []byte("title: Compare\nbase_url: https://example.github.io/repo/\n")},
		"content/articles/compare.md": {Data: []byte(compareArticle)},
	}
}

// layoutJS measures the chart of the figure with the given id as the
// reader sees it: the static SVG that is shown, or the live chart. It
// returns every text's box in CSS pixels with its text and role, the
// segments drawn on the plot (data lines and rules) in CSS pixels, and the
// plot's height in CSS pixels.
const layoutJS = `function (id) {
	const fig = document.getElementById(id);
	const out = {texts: [], segments: [], plotHeight: 0, rendering: ''};
	const shown = el => !!el && el.getClientRects().length > 0;
	const inst = window.echarts && window.echarts.getInstanceByDom(fig.querySelector('.chart-live'));
	if (inst && shown(fig.querySelector('.chart-live'))) {
		out.rendering = 'live';
		const live = fig.querySelector('.chart-live');
		const r = live.getBoundingClientRect();
		const scale = r.width / inst.getWidth();
		const px = (x, y) => [r.left + x * scale, r.top + y * scale];
		const grid = inst.getModel().getComponent('grid', 0).coordinateSystem.getRect();
		out.plotHeight = grid.height * scale;
		const roles = {};
		for (const g of (inst.getOption().graphic || [{}])[0].elements || []) {
			roles[g.style && g.style.text] = g.info || '';
		}
		inst.getZr().storage.getDisplayList(true).forEach(el => {
			if (el.ignore || el.invisible) {
				return;
			}
			if ((el.type === 'tspan' || el.type === 'text') && el.style && el.style.text) {
				const b = el.getBoundingRect().clone();
				if (el.transform) {
					b.applyTransform(el.transform);
				}
				const [x0, y0] = px(b.x, b.y);
				const [x1, y1] = px(b.x + b.width, b.y + b.height);
				out.texts.push({text: String(el.style.text), role: roles[el.style.text] || '', box: [x0, y0, x1, y1]});
			}
			const glob = (x, y) => {
				if (el.transformCoordToGlobal) {
					[x, y] = el.transformCoordToGlobal(x, y);
				}
				return px(x, y);
			};
			if (el.type === 'ec-line') {
				const s = el.shape;
				out.segments.push([...glob(s.x1, s.y1), ...glob(s.x2, s.y2)]);
			}
			if (el.type === 'ec-polyline' && el.shape.points) {
				const p = el.shape.points;
				for (let i = 2; i + 1 < p.length; i += 2) {
					out.segments.push([...glob(p[i - 2], p[i - 1]), ...glob(p[i], p[i + 1])]);
				}
			}
		});
		return out;
	}
	const svg = Array.from(fig.querySelectorAll('.chart-static svg')).find(shown);
	if (!svg) {
		return out;
	}
	out.rendering = 'static';
	const vb = svg.viewBox.baseVal;
	const r = svg.getBoundingClientRect();
	const scale = r.width / vb.width;
	const plot = (svg.getAttribute('data-plot') || '').split(' ').map(Number);
	out.plotHeight = (plot[3] - plot[1]) * scale;
	const px = (x, y) => [r.left + x * scale, r.top + y * scale];
	for (const t of svg.querySelectorAll('text')) {
		const b = t.getBoundingClientRect();
		const role = (t.getAttribute('class') || '').split(' ').find(c => c.startsWith('plc-note-')) || '';
		out.texts.push({text: t.textContent, role: role.replace('plc-note-', ''), box: [b.left, b.top, b.right, b.bottom]});
	}
	for (const l of svg.querySelectorAll('line.plc-limit, line.plc-crossing, line.plc-event')) {
		const a = ['x1', 'y1', 'x2', 'y2'].map(k => Number(l.getAttribute(k)));
		out.segments.push([...px(a[0], a[1]), ...px(a[2], a[3])]);
	}
	for (const l of svg.querySelectorAll('polyline')) {
		const p = l.getAttribute('points').split(/[ ,]/).map(Number);
		for (let i = 2; i + 1 < p.length; i += 2) {
			out.segments.push([...px(p[i - 2], p[i - 1]), ...px(p[i], p[i + 1])]);
		}
	}
	return out;
}`

// chartLayout is what layoutJS returns.
type chartLayout struct {
	Rendering string `json:"rendering"`
	Texts     []struct {
		Text string     `json:"text"`
		Role string     `json:"role"`
		Box  [4]float64 `json:"box"`
	} `json:"texts"`
	Segments   [][4]float64 `json:"segments"`
	PlotHeight float64      `json:"plotHeight"`
}

// minPlotHeight is the least height of a chart's plot, in CSS pixels.
const minPlotHeight = 200

// layoutProblems returns what is wrong with a measured chart: two texts
// that overlap (by more than half a pixel each way), a limit, crossing or
// event label crossed by a line, a plot under minPlotHeight.
func layoutProblems(l chartLayout) []string {
	var bad []string
	if l.PlotHeight < minPlotHeight {
		bad = append(bad, fmt.Sprintf("the plot is %.0f px tall; want at least %d", l.PlotHeight, minPlotHeight))
	}
	shrink := func(b [4]float64) [4]float64 { return [4]float64{b[0] + 0.5, b[1] + 0.5, b[2] - 0.5, b[3] - 0.5} }
	for i, a := range l.Texts {
		for _, b := range l.Texts[i+1:] {
			p, q := shrink(a.Box), shrink(b.Box)
			if p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3] {
				bad = append(bad, fmt.Sprintf("%q (%s) and %q (%s) overlap: %.0f and %.0f", a.Text, a.Role, b.Text, b.Role, a.Box, b.Box))
			}
		}
		switch a.Role {
		case "limit", "crossing", "event":
			for _, s := range l.Segments {
				if segmentCrosses(shrink(a.Box), s) {
					bad = append(bad, fmt.Sprintf("a line from (%.0f, %.0f) to (%.0f, %.0f) crosses the %s label %q at %.0f", s[0], s[1], s[2], s[3], a.Role, a.Text, a.Box))
					break
				}
			}
		}
	}
	return bad
}

// segmentCrosses reports whether the segment s runs through the box b.
func segmentCrosses(b, s [4]float64) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := s[2]-s[0], s[3]-s[1]
	for _, e := range [4][2]float64{{-dx, s[0] - b[0]}, {dx, b[2] - s[0]}, {-dy, s[1] - b[1]}, {dy, b[3] - s[1]}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		r := q / p
		if p < 0 {
			t0 = max(t0, r)
		} else {
			t1 = min(t1, r)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// layoutWidths are the window widths the layout is checked at: a small
// phone, a common phone, a tablet and a desktop.
var layoutWidths = []int64{320, 390, 768, 1280}

// setWindow sizes the tab's window as a phone (below 600 pixels) or a
// desktop, turns scripts on or off and sets the colour scheme.
func setWindow(t *testing.T, ctx context.Context, width int64, scheme string, script bool) {
	t.Helper()
	viewport := chromedp.EmulateViewport(width, 900)
	if width < 600 {
		viewport = chromedp.EmulateViewport(width, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
	}
	if err := chromedp.Do(ctx, viewport); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !script}); err != nil {
		t.Fatal(err)
	}
	emulateMedia(t, ctx, "", "prefers-color-scheme", scheme, "prefers-reduced-motion", "reduce")
}

// measureFigures returns the layout of every chart figure of the page.
func measureFigures(t *testing.T, ctx context.Context) map[string]chartLayout {
	t.Helper()
	ids, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('figure.chart'), f => f.id)`))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]chartLayout{}
	for _, id := range ids {
		l, err := chromedp.Run(ctx, chromedp.Evaluate[chartLayout](fmt.Sprintf("(%s)(%q)", layoutJS, id)))
		if err != nil {
			t.Fatalf("measuring %s: %v", id, err)
		}
		out[id] = l
	}
	return out
}

// TestBrowserChartLayout opens the example's two articles and a chart of
// two blocks with events at 320, 390, 768 and 1280 pixels wide, in light
// and dark mode, live and static (without JavaScript), and measures what
// the reader sees: no two texts of a chart overlap (tick labels, legend,
// unit, limit, crossing, event and observation labels), no line crosses
// the limit's, the crossing's or an event's label, and every plot is at
// least 200 pixels tall. Then it breaks the layout on purpose, to show that
// the checks see it: the old single layout on a phone (a wide chart
// squeezed to 350 pixels), a label moved onto another, and daily tick
// labels on the live chart.
func TestBrowserChartLayout(t *testing.T) {
	ctx := newBrowser(t, 5*browserTimeout, nil)
	root, _ := serveExample(t)
	compareRoot := serveDir(t, buildFS(t, compareSite()))
	pages := []struct{ name, url string }{
		{"kursk", root + kurskPath},
		{"millbrook", root + millbrookPath},
		{"compare", compareRoot + "articles/compare/"},
	}
	if *layoutScreenshots != "" {
		if err := os.MkdirAll(*layoutScreenshots, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, width := range layoutWidths {
		for _, scheme := range []string{"light", "dark"} {
			for _, rendering := range []string{"live", "static"} {
				name := fmt.Sprintf("%d-%s-%s", width, scheme, rendering)
				t.Run(name, func(t *testing.T) {
					setWindow(t, ctx, width, scheme, rendering == "live")
					for _, p := range pages {
						navigate(t, ctx, p.url)
						if rendering == "live" {
							waitChartsPainted(t, ctx, 0.02)
						}
						for id, l := range measureFigures(t, ctx) {
							if l.Rendering != rendering {
								t.Errorf("%s %s: the reader sees the %q chart; want %s", p.name, id, l.Rendering, rendering)
							}
							if len(l.Texts) < 5 {
								t.Errorf("%s %s: %d texts measured; want the ticks, legend and labels", p.name, id, len(l.Texts))
							}
							for _, b := range layoutProblems(l) {
								t.Errorf("%s %s: %s", p.name, id, b)
							}
							t.Logf("%s %s: %d texts, plot %.0f px tall", p.name, id, len(l.Texts), l.PlotHeight)
						}
						if *layoutScreenshots != "" && p.name != "millbrook" {
							for i, sel := range []string{"figure.chart", "figure.chart ~ figure.chart"} {
								if i > 0 && p.name != "compare" {
									break
								}
								png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel)))
								if err != nil {
									t.Fatal(err)
								}
								page := p.name
								if i > 0 {
									page += "-bars"
								}
								file := filepath.Join(*layoutScreenshots, fmt.Sprintf("chart-%s-%s.png", page, name))
								if err := os.WriteFile(file, png, 0o644); err != nil {
									t.Fatal(err)
								}
							}
						}
					}
				})
			}
		}
	}

	// The checks see a broken layout.
	for _, b := range []struct {
		name     string
		width    int64
		script   bool
		breakJS  string
		wantText string
	}{
		{"old single layout on a phone, static", 390, false,
			`(() => { const s = document.createElement('style'); s.textContent = '.chart-static .plc-wide{display:block!important}.chart-static .chart-narrow{display:none!important}'; document.head.append(s); })()`,
			"the plot is"},
		{"old single layout on a phone, live", 390, true,
			`(() => { const s = document.createElement('style'); s.textContent = '.chart-box{--plc-frame:wide!important;max-width:720px!important;aspect-ratio:720/360!important}'; document.head.append(s); })()`,
			"the plot is"},
		{"limit label on the crossing label, static", 1280, false,
			`(() => { const a = document.querySelector('.plc-wide text.plc-note-limit'), b = document.querySelector('.plc-wide text.plc-note-crossing'); a.setAttribute('x', b.getAttribute('x')); a.setAttribute('y', b.getAttribute('y')); a.setAttribute('text-anchor', 'middle'); })()`,
			"overlap"},
		{"limit label on its line, static", 1280, false,
			`(() => { const a = document.querySelector('.plc-wide text.plc-note-limit'), l = document.querySelector('.plc-wide line.plc-limit'); a.setAttribute('y', Number(l.getAttribute('y1')) + 4); })()`,
			"crosses the limit label"},
		{"daily tick labels, live", 1280, true,
			`(() => { const inst = echarts.getInstanceByDom(document.querySelector('.chart-live')); const v = []; for (let d = new Date(2024, 11, 5); d < new Date(2025, 5, 1); d.setDate(d.getDate() + 1)) v.push(d.getTime()); inst.setOption({xAxis: [{axisLabel: {customValues: v, formatter: x => new Date(x).toDateString()}}]}); })()`,
			"overlap"},
	} {
		t.Run("broken/"+b.name, func(t *testing.T) {
			setWindow(t, ctx, b.width, "light", b.script)
			navigate(t, ctx, root+kurskPath)
			if b.script {
				waitChartsDrawn(t, ctx)
			}
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](b.breakJS)); err != nil {
				t.Fatalf("breaking the layout: %v", err)
			}
			if b.script {
				// The live chart follows its box's new size.
				if _, err := chromedp.Run(ctx, poll[bool](`(() => { const l = document.querySelector('.chart-live'); return echarts.getInstanceByDom(l).getWidth() === 720 && l.getBoundingClientRect().width < 400; })()`, 5*time.Second)); err != nil && b.wantText == "the plot is" {
					t.Fatalf("the live chart did not take the wide frame: %v", err)
				}
			}
			var all []string
			for _, l := range measureFigures(t, ctx) {
				all = append(all, layoutProblems(l)...)
			}
			if !strings.Contains(strings.Join(all, "\n"), b.wantText) {
				t.Errorf("the layout was broken on purpose, yet the checks report %q; want a problem saying %q", all, b.wantText)
			} else {
				t.Logf("as it should, the checks report: %s", all[0])
			}
		})
	}
}

// largeSite is a site with one article whose block reads 20,000 daily
// observations from a CSV, with a straight line fitted to all of them.
func largeSite() fstest.MapFS {
	var csv strings.Builder
	csv.WriteString("date,value,label,source\n")
	d := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 20000 {
		// A rising trend with a yearly wave and a little noise, the same
		// on every run.
		v := 1000 + 0.5*float64(i) + 300*math.Sin(float64(i)/58) + float64((i*7919)%101)
		fmt.Fprintf(&csv, "%s,%.1f,Daily reading,https://example.org/readings\n", d.AddDate(0, 0, i).Format(time.DateOnly), v)
	}
	article := "---\ntitle: Twenty thousand days\ndate: 2025-01-20\ndata:\n  readings:\n    unit: readings\n    csv: readings.csv\n" +
		"    projection: {rate: fit, per: year, limit: 15000}\n---\n" +
		"The trend fitted to every reading rises {{ readings.rate }} a year and reaches {{ readings.limit | comma }} on {{ readings.crossing }}.\n\n```chart\ndata: readings\n```\n"
	return fstest.MapFS{
		"plotline.yaml":                 {Data: []byte("title: Large\nbase_url: https://example.github.io/repo/\n")},
		"content/articles/large.md":     {Data: []byte(article)},
		"content/articles/readings.csv": {Data: []byte(csv.String())},
	}
}

// TestBrowserLargeSeries builds an article charting 20,000 observations:
// its page stays under 300 KB (the chart draws MaxDrawnPoints of them and
// the table shows 40 rows), its CSV holds every row, and the live chart is
// drawn within a generous bound of the page's start (the README gives the
// figure measured; the test logs it).
func TestBrowserLargeSeries(t *testing.T) {
	dest := buildFS(t, largeSite())
	page, err := os.ReadFile(filepath.Join(dest, "articles", "large", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	const maxPage = 300 << 10
	if len(page) > maxPage {
		t.Errorf("the page is %d KB; want under %d KB", len(page)>>10, maxPage>>10)
	}
	t.Logf("page: %d KB", len(page)>>10)
	csvFile, err := os.ReadFile(filepath.Join(dest, "articles", "large", "readings.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(csvFile), "Daily reading"); n != 20000 {
		t.Errorf("the CSV holds %d observations; want all 20,000", n)
	}
	if !strings.Contains(string(page), "19,960 more observations") {
		t.Errorf("the table does not say that the CSV holds the rows it leaves out")
	}

	ctx := newBrowser(t, browserTimeout, nil)
	root := serveDir(t, dest)
	setWindow(t, ctx, 1280, "light", true)
	navigate(t, ctx, root+"articles/large/")
	waitChartsPainted(t, ctx, 0.01)
	ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.now()`))
	nav, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(performance.getEntriesByType('navigation').map(e => [e.responseEnd, e.domContentLoadedEventEnd, e.loadEventEnd]))`))
	t.Logf("navigation: %s", nav)
	if err != nil {
		t.Fatal(err)
	}
	// The time is logged, not bounded: on a quiet machine the chart is
	// drawn well under a second after the page starts.
	t.Logf("chart drawn %.0f ms after the page started", ms)
}

// chartEdgesJS returns the left and right edges, in CSS pixels, of the
// drawing of the figure with the given id that the reader sees: the live
// chart, or the static SVG shown.
const chartEdgesJS = `(id => {
	const fig = document.getElementById(id);
	const shown = el => !!el && el.getClientRects().length > 0;
	const live = fig.querySelector('.chart-live');
	const el = shown(live) ? live : Array.from(fig.querySelectorAll('.chart-static svg')).find(shown);
	const r = el.getBoundingClientRect();
	return [r.left, r.right];
})`

// longNamesArticle charts two blocks whose shared unit, above the plot,
// and one of whose names, in the legend, are wider than a phone's frame.
const longNamesArticle = "---\ntitle: Long names\ndate: 2025-03-01\ndata:\n" +
	"  a:\n    unit: index points of the consumer price basket, seasonally adjusted\n" +
	"    series:\n      - {date: 2025-01-01, value: 10}\n      - {date: 2025-02-01, value: 12}\n" +
	"  b:\n    unit: index points of the consumer price basket, seasonally adjusted\n" +
	"    series:\n      - {date: 2025-01-01, value: 8}\n      - {date: 2025-02-01, value: 14}\n" +
	"---\nTwo.\n\n```chart\ndata: [a, {block: b, name: \"The Ministry of Health and Social Care of the United Kingdom (England only)\"}]\n```\n"

// TestBrowserLongNamesFit opens, on a phone, a chart whose unit and one
// of whose legend names are wider than its narrow frame, live and static,
// and checks that every text of the chart stays inside the chart, both
// of them shortened with an ellipsis where they ran past its right edge.
func TestBrowserLongNamesFit(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	names := serveArticle(t, "names", longNamesArticle)
	for _, rendering := range []string{"live", "static"} {
		setWindow(t, ctx, 390, "light", rendering == "live")
		navigate(t, ctx, names)
		if rendering == "live" {
			waitChartsPainted(t, ctx, 0.005)
		}
		for id, l := range measureFigures(t, ctx) {
			edges, err := chromedp.Run(ctx, chromedp.Evaluate[[2]float64](fmt.Sprintf("%s(%q)", chartEdgesJS, id)))
			if err != nil {
				t.Fatal(err)
			}
			short := 0
			for _, tx := range l.Texts {
				if tx.Box[0] < edges[0]-1 || tx.Box[2] > edges[1]+1 {
					t.Errorf("%s: %q runs from %.0f to %.0f, outside the chart's %.0f to %.0f", rendering, tx.Text, tx.Box[0], tx.Box[2], edges[0], edges[1])
				}
				if strings.HasSuffix(tx.Text, "…") {
					short++
				}
			}
			if short != 2 {
				t.Errorf("%s: %d texts shortened; want 2, the unit and the legend's long name", rendering, short)
			}
		}
	}
}

// yearArticle charts a year of data that ends on 1 January: a time axis
// whose ticks, every two months (every six on a phone), fall on its last
// date.
const yearArticle = "---\ntitle: A year\ndate: 2025-03-01\ndata:\n" +
	"  a:\n    unit: cases\n    series:\n      - {date: 2024-01-01, value: 10}\n" +
	"      - {date: 2024-06-15, value: 14}\n      - {date: 2025-01-01, value: 17}\n" +
	"---\nA year.\n\n```chart\ndata: a\ntype: line\n```\n"

// TestBrowserLastDateLabelled opens a chart whose time axis ends on a
// date of its ticks, on a desktop and a phone, live and static, and
// checks that the reader sees that date once, inside the chart: a label
// centred on the last tick ran out of the chart, so it was left out, and
// ECharts, which takes the last of its labels twice, showed the centred
// one cut at the chart's edge instead of the one standing up to its tick.
func TestBrowserLastDateLabelled(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	year := serveArticle(t, "year", yearArticle)
	for _, width := range []int64{390, 1280} {
		for _, rendering := range []string{"live", "static"} {
			setWindow(t, ctx, width, "light", rendering == "live")
			navigate(t, ctx, year)
			if rendering == "live" {
				waitChartsPainted(t, ctx, 0.005)
			}
			for id, l := range measureFigures(t, ctx) {
				edges, err := chromedp.Run(ctx, chromedp.Evaluate[[2]float64](fmt.Sprintf("%s(%q)", chartEdgesJS, id)))
				if err != nil {
					t.Fatal(err)
				}
				var boxes [][4]float64
				for _, tx := range l.Texts {
					if tx.Text == "Jan 2025" {
						boxes = append(boxes, tx.Box)
					}
				}
				switch {
				case len(boxes) != 1:
					t.Errorf("%d px, %s: the last date, Jan 2025, is shown %d times (%.0f); want once", width, rendering, len(boxes), boxes)
				case boxes[0][0] < edges[0]-1 || boxes[0][2] > edges[1]+1:
					t.Errorf("%d px, %s: Jan 2025 runs from %.0f to %.0f, outside the chart's %.0f to %.0f", width, rendering, boxes[0][0], boxes[0][2], edges[0], edges[1])
				}
				for _, p := range layoutProblems(l) {
					t.Errorf("%d px, %s: %s", width, rendering, p)
				}
			}
		}
	}
}
