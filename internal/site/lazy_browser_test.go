package site

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
)

// farChartsSite is an article with two charts, each after many screens of
// text, so that neither is near the screen when the page opens.
func farChartsSite() fstest.MapFS {
	filler := strings.Repeat("A paragraph of text that pushes the charts far below the first screen of the page.\n\n", 60)
	article := "---\ntitle: Far charts\ndate: 2025-01-20\ndata:\n  losses:\n    unit: casualties\n    series:\n" +
		"      - {date: 2025-01-06, value: 3800}\n      - {date: 2025-01-13, value: 3000}\n" +
		"    projection:\n      start: {date: 2024-12-05, value: 0}\n      rate: 92\n      limit: 12000\n---\n" +
		filler + "```chart\ndata: losses\n```\n\n" + filler + "```chart\ndata: losses\ntype: line\n```\n\n" + filler
	return fstest.MapFS{
		"plotline.yaml":           {Data: []byte("title: T\nbase_url: https://example.org/repo/\n")},
		"content/articles/far.md": {Data: []byte(article)},
	}
}

// settledJS resolves once the page has loaded and an IntersectionObserver
// made after the page's own has reported on every chart figure: by then
// the chart loader has seen where the charts are, and acted on it.
const settledJS = `new Promise(done => {
	const go = () => {
		const figs = document.querySelectorAll('figure.chart');
		let left = figs.length;
		const io = new IntersectionObserver(entries => {
			left -= entries.length;
			if (left <= 0) {
				io.disconnect();
				requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
			}
		}, {rootMargin: '300px 0px'});
		figs.forEach(f => io.observe(f));
	};
	if (document.readyState === 'complete') go(); else addEventListener('load', go);
})`

// TestBrowserLazyCharts opens an article whose charts are far down: the
// first load fetches no charting script and shows the static SVGs. Scrolled
// to the first chart, ECharts and charts.js are fetched, once, and that
// chart turns live while the second, still far, stays static; scrolled to
// the second, it turns live too, with nothing fetched again.
func TestBrowserLazyCharts(t *testing.T) {
	events := &browserEvents{}
	ctx := newBrowser(t, browserTimeout, events)
	root := serveDir(t, buildFS(t, farChartsSite()))
	events.take()
	navigate(t, ctx, root+"articles/far/")
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](settledJS, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	count := func(requests []string, suffix string) int {
		n := 0
		for _, r := range requests {
			if containsSuffix([]string{r}, suffix) {
				n++
			}
		}
		return n
	}
	const echartsJS, chartsJS = "/repo/theme/vendor/echarts/echarts.common.min.js", "/repo/theme/js/charts.js"
	errs, requests := events.take()
	for _, e := range errs {
		t.Errorf("browser error: %s", e)
	}
	if n := count(requests, echartsJS) + count(requests, chartsJS); n > 0 {
		t.Errorf("the first load fetched %d charting scripts; want none: %q", n, requests)
	}
	state, err := chromedp.Run(ctx, chromedp.Evaluate[string](`typeof window.echarts + ' ' + document.querySelectorAll('script[src]').length`))
	if err != nil || state != "undefined 0" {
		t.Errorf("after the first load: ECharts is %q (%v); want undefined, and no script fetched", state, err)
	}
	for _, c := range readCharts(t, ctx) {
		if !c.StaticShown || c.LiveShown {
			t.Errorf("%s: static shown %v, live shown %v; want the static SVG alone", c.Figure, c.StaticShown, c.LiveShown)
		}
	}

	// The first chart: scrolled into view, it turns live.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('figure.chart')[0].scrollIntoView({block: 'center', behavior: 'instant'})`)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, poll[bool](`(() => { const l = document.querySelector('.chart-live'); return !!(window.echarts && echarts.getInstanceByDom(l)); })()`, 15*time.Second)); err != nil {
		t.Fatalf("the first chart never turned live: %v\n%+v", err, readCharts(t, ctx))
	}
	charts := readCharts(t, ctx)
	if len(charts) != 2 || !charts[0].Instance || charts[1].Instance || !charts[1].StaticShown {
		t.Errorf("after scrolling to the first chart: %+v; want it live and the second still static", charts)
	}

	// The second, the same way (a line of two points paints little).
	waitChartsPainted(t, ctx, 0.02)
	errs, requests = events.take()
	for _, e := range errs {
		t.Errorf("browser error: %s", e)
	}
	if a, b := count(requests, echartsJS), count(requests, chartsJS); a != 1 || b != 1 {
		t.Errorf("drawing both charts fetched ECharts %d times and charts.js %d times; want once each", a, b)
	}
}
