package site

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// themeColours are the colours a site's style sheet gives the charts'
// custom properties in TestBrowserThemeColours, each its own, so that
// whichever part of a chart takes which property shows.
var themeColours = map[string]string{
	"--pl-chart-observed":   "rgb(200, 0, 0)",
	"--pl-chart-projection": "rgb(0, 0, 200)",
	"--pl-chart-limit":      "rgb(0, 120, 120)",
	"--pl-chart-text":       "rgb(0, 110, 0)",
	"--pl-chart-axis":       "rgb(150, 0, 150)",
	"--pl-chart-grid":       "rgb(200, 150, 0)",
	"--pl-chart-projected":  "rgba(0, 200, 0, 0.15)",
	"--pl-bg":               "rgb(250, 245, 230)",
}

// chartPartsJS returns, for the first chart of the page, the colour of
// each of its parts as the static SVG and the live chart draw them, each
// read through the same element so that one colour written two ways
// compares equal. A part the rendering lacks is "".
const chartPartsJS = `(() => {
` + colourJS + `	const norm = c => { if (!c) return ''; const [r, g, b, a] = rgba(c); return a === 1 ? 'rgb(' + [r, g, b].join(', ') + ')' : 'rgba(' + [r, g, b, a].join(', ') + ')'; };
	const fig = document.querySelector('figure.chart');
	const svg = fig.querySelector('.chart-static svg.plc-wide');
	const css = (sel, prop) => { const el = svg.querySelector(sel); return el ? norm(getComputedStyle(el)[prop]) : ''; };
	const out = {static: {
		observed: css('.plc-obs', 'fill'), ring: css('.plc-obs', 'stroke'),
		projection: css('.plc-central', 'stroke'), band: css('.plc-band', 'fill'),
		limit: css('.plc-limit', 'stroke'), text: css('.plc-text', 'fill'),
		axis: css('.plc-axis', 'stroke'), grid: css('.plc-grid', 'stroke'),
		projected: css('.plc-projected', 'fill'),
	}, live: {}};
	const inst = window.echarts && window.echarts.getInstanceByDom(fig.querySelector('.chart-live'));
	if (inst) {
		const o = inst.getOption();
		const s = id => (o.series || []).find(x => x.id === id) || {};
		const obs = (o.series || []).find(x => /^observed/.test(x.id)) || {};
		const area = (o.series || []).find(x => x.markArea && x.markArea.itemStyle) || {};
		const band = (o.series || []).find(x => x.areaStyle) || {};
		const x = (o.xAxis || [{}])[0], y = (o.yAxis || [{}])[0];
		out.live = {
			observed: norm(obs.itemStyle && obs.itemStyle.color), ring: norm(obs.itemStyle && obs.itemStyle.borderColor),
			projection: norm(s('central').lineStyle && s('central').lineStyle.color), band: norm(band.areaStyle && band.areaStyle.color),
			limit: norm(s('limit').lineStyle && s('limit').lineStyle.color), text: norm(x.axisLabel && x.axisLabel.color),
			axis: norm(x.axisLine && x.axisLine.lineStyle && x.axisLine.lineStyle.color), grid: norm(y.splitLine && y.splitLine.lineStyle && y.splitLine.lineStyle.color),
			projected: norm(area.markArea && area.markArea.itemStyle.color),
		};
	}
	probe.remove();
	return out;
})()`

// chartParts is what chartPartsJS returns.
type chartParts struct {
	Static map[string]string `json:"static"`
	Live   map[string]string `json:"live"`
}

// toggled is the observations' colour under the class desk-dark of
// TestBrowserThemeColours.
const toggled = "rgb(1, 90, 200)"

// TestBrowserThemeColours gives every custom property of the charts that
// README names a colour of its own in a site's style sheet, and checks
// that the static chart and the live one, light and dark, draw each part
// in the colour of its property: the observations, the ring around them
// (the page's background), the projection's line and band, the limit,
// the texts, the axis, the grid and the shade of the projected period.
// The live chart once drew its axis line in ECharts' grey and its
// observations' rings in white whatever the theme said, which on a dark
// page put white rings around the points of the live chart only. Then a
// class set on the html element, as a theme's own switch of light and
// dark sets it, changes the colours: the live chart, which once kept
// those it was drawn in while the static SVG followed, is drawn again,
// in ECharts' dark theme (its tooltip), which once only the system's
// dark scheme gave it.
func TestBrowserThemeColours(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	root, dest := serveExample(t)
	rule := "\n:root, :root:root { "
	for name, colour := range themeColours {
		rule += name + ": " + colour + "; "
	}
	rule += "}\n@media (prefers-color-scheme: dark) { :root, :root:root { " + "--pl-bg: rgb(20, 20, 30); } }\n"
	// A theme's own switch to dark, by a class on the html element.
	rule += ":root:root.desk-dark { --pl-chart-observed: " + toggled + "; --pl-bg: rgb(5, 5, 5); }\n"
	css := filepath.Join(dest, "theme", "css", "plotline.css")
	f, err := os.OpenFile(css, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.WriteString(rule)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"observed":   themeColours["--pl-chart-observed"],
		"projection": themeColours["--pl-chart-projection"],
		"band":       themeColours["--pl-chart-projection"],
		"limit":      themeColours["--pl-chart-limit"],
		"text":       themeColours["--pl-chart-text"],
		"axis":       themeColours["--pl-chart-axis"],
		"grid":       themeColours["--pl-chart-grid"],
		"projected":  themeColours["--pl-chart-projected"],
	}
	for _, scheme := range []string{"light", "dark"} {
		want["ring"] = themeColours["--pl-bg"]
		if scheme == "dark" {
			want["ring"] = "rgb(20, 20, 30)"
		}
		for _, rendering := range []string{"static", "live"} {
			t.Run(scheme+"-"+rendering, func(t *testing.T) {
				setWindow(t, ctx, 1280, scheme, rendering == "live")
				navigate(t, ctx, root+kurskPath)
				if rendering == "live" {
					waitChartsDrawn(t, ctx)
				}
				parts, err := chromedp.Run(ctx, chromedp.Evaluate[chartParts](chartPartsJS))
				if err != nil {
					t.Fatal(err)
				}
				got := parts.Static
				if rendering == "live" {
					got = parts.Live
				}
				for part, w := range want {
					if got[part] != w {
						t.Errorf("%s chart, %s: drawn in %q; want %q, the theme's", rendering, part, got[part], w)
					}
				}
				if t.Failed() {
					t.Logf("%s", fmt.Sprint(parts))
				}
			})
		}
	}
	t.Run("class-switch", func(t *testing.T) {
		setWindow(t, ctx, 1280, "light", true)
		navigate(t, ctx, root+kurskPath)
		waitChartsDrawn(t, ctx)
		light, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`echarts.getInstanceByDom(document.querySelector('.chart-live')).getModel().get('darkMode') === true`))
		if err != nil || light {
			t.Fatalf("before the switch, the live chart takes ECharts' dark theme: %v, %v; want its light one", light, err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.classList.add('desk-dark') || true`)); err != nil {
			t.Fatal(err)
		}
		js := `(() => { const p = ` + chartPartsJS + `; const inst = echarts.getInstanceByDom(document.querySelector('.chart-live'));
			return p.live.observed + ' ' + p.live.ring + ' dark ' + (inst.getModel().get('darkMode') === true); })()`
		want := toggled + " rgb(5, 5, 5) dark true"
		if _, err := chromedp.Run(ctx, poll[string](`(() => { const s = `+js+`; return s === '`+want+`' ? s : ''; })()`, 5*time.Second)); err != nil {
			now, _ := chromedp.Run(ctx, chromedp.Evaluate[string](js))
			t.Fatalf("after the class switch the live chart draws observations and rings in %q; want %q (%v)", now, want, err)
		}
	})
}
