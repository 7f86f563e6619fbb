package site

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

var bandScreenshots = flag.String("band-screenshots", "", "write screenshots of the band cases of TestBrowserChartGeometry to this folder")

// geometryCase is one article of the geometry test: a projection block
// (the YAML of its data: key) and, for a case that must fail, a change to
// the built chart's option that makes the live chart draw something else
// than the static one.
type geometryCase struct {
	name  string
	block string
	// breakOption, when set, edits the option in the built page; the
	// comparison must then find a mismatch.
	breakOption func(t *testing.T, opt map[string]any)
}

// geometryCases are bands that rise, fall, cross zero, stay below it, lie
// far above it, and grow or shrink exponentially, and the same charts with the option
// broken on purpose: stacked as ECharts stacks by default, which puts a
// band below zero on the wrong base, or with the band, the limit or the
// crossing moved.
var geometryCases = []geometryCase{
	{name: "rising", block: `
    unit: casualties
    series:
      - {date: 2025-01-06, value: 3800}
      - {date: 2025-01-13, value: 3000}
    projection: {start: {date: 2024-12-05, value: 0}, rate: 92, low: 70, high: 110, limit: 12000}`},
	{name: "falling", block: `
    projection: {start: {date: 2025-01-01, value: 100}, rate: -10, low: -15, high: -5, limit: 20}`},
	{name: "across-zero", block: `
    projection: {start: {date: 2025-01-01, value: 10}, rate: -2, low: -3, high: -1, limit: -20}`},
	{name: "across-zero-no-limit", block: `
    projection: {start: {date: 2025-01-01, value: 10}, rate: -2, low: -3, high: -1, until: 2025-01-15}`},
	// The same, with a floor of 0: the band's lower edge and then the
	// central line run along zero.
	{name: "floor", block: `
    projection: {start: {date: 2025-01-01, value: 10}, rate: -2, low: -3, high: -1, until: 2025-01-15, floor: 0}`},
	{name: "negative", block: `
    projection: {start: {date: 2025-01-01, value: -50}, rate: -4, low: -6, high: -2, limit: -150}`},
	// Ticks 0.025 apart, which need three decimals.
	{name: "quarter-steps", block: `
    projection: {start: {date: 2025-01-01, value: 0.09}, per: month, rate: 0.003, low: 0.002, high: 0.004, limit: 0.105, until: 2025-06-01}`},
	{name: "exp-rising", block: `
    projection: {start: {date: 2025-01-01, value: 100}, model: exponential, per: week, rate: 5, low: 3, high: 8, limit: 400}`},
	{name: "exp-falling", block: `
    projection: {start: {date: 2025-01-01, value: 1000}, model: exponential, per: week, rate: -5, low: -8, high: -3, limit: 200}`},
	{name: "exp-negative", block: `
    projection: {start: {date: 2025-01-01, value: -100}, model: exponential, per: week, rate: 5, low: 3, high: 8, limit: -400}`},
	// Far from zero, on an axis that fits the values: a reservoir falling
	// to its floor.
	{name: "far-from-zero", block: `
    unit: feet
    series:
      - {date: 2024-10-01, value: 1046.5}
      - {date: 2024-12-01, value: 1040.22}
    projection: {per: month, rate: -1.2, low: -1.8, high: -0.6, limit: 950}`},
	// A population in millions, whose ticks both charts write as 120m.
	{name: "millions", block: `
    unit: people
    series:
      - {date: 2020-10-01, value: 126146099}
      - {date: 2024-10-01, value: 123802000}
    projection: {per: year, model: exponential, rate: -0.5, low: -0.7, high: -0.3, limit: 120000000}`},

	{name: "broken-falling-default-stacking", block: `
    projection: {start: {date: 2025-01-01, value: 100}, rate: -10, low: -15, high: -5, limit: 20}`,
		breakOption: dropStackStrategy},
	{name: "broken-across-zero-default-stacking", block: `
    projection: {start: {date: 2025-01-01, value: 10}, rate: -2, low: -3, high: -1, limit: -20}`,
		breakOption: dropStackStrategy},
	{name: "broken-negative-default-stacking", block: `
    projection: {start: {date: 2025-01-01, value: -50}, rate: -4, low: -6, high: -2, limit: -150}`,
		breakOption: dropStackStrategy},
	{name: "broken-rising-band-shifted", block: `
    projection: {start: {date: 2024-12-05, value: 0}, rate: 92, low: 70, high: 110, limit: 12000}`,
		breakOption: func(t *testing.T, opt map[string]any) {
			// The band's lower edge, and with it the upper, 500 higher:
			// 3.5% of the axis.
			editSeries(t, opt, "low", func(s map[string]any) {
				for _, p := range s["data"].([]any) {
					v := p.(map[string]any)["value"].([]any)
					v[1] = v[1].(float64) + 500
				}
			})
		}},
	{name: "broken-falling-limit-moved", block: `
    projection: {start: {date: 2025-01-01, value: 100}, rate: -10, low: -15, high: -5, limit: 20}`,
		breakOption: func(t *testing.T, opt map[string]any) {
			editSeries(t, opt, "limit", func(s map[string]any) {
				for _, d := range s["markLine"].(map[string]any)["data"].([]any) {
					if d := d.(map[string]any); d["yAxis"] != nil {
						d["yAxis"] = d["yAxis"].(float64) + 10
					}
				}
			})
		}},
	{name: "broken-exp-falling-crossing-moved", block: `
    projection: {start: {date: 2025-01-01, value: 1000}, model: exponential, per: week, rate: -5, low: -8, high: -3, limit: 200}`,
		breakOption: func(t *testing.T, opt map[string]any) {
			editSeries(t, opt, "central", func(s map[string]any) {
				for _, d := range s["markLine"].(map[string]any)["data"].([]any) {
					if d := d.(map[string]any); d["xAxis"] != nil {
						d["xAxis"] = "2025-02-01"
					}
				}
			})
		}},
}

// dropStackStrategy takes stackStrategy out of every series, leaving
// ECharts' default, which stacks a value only on values of its sign.
func dropStackStrategy(t *testing.T, opt map[string]any) {
	for _, s := range opt["option"].(map[string]any)["series"].([]any) {
		delete(s.(map[string]any), "stackStrategy")
	}
}

// editSeries runs edit on the option's series with the given id.
func editSeries(t *testing.T, opt map[string]any, id string, edit func(map[string]any)) {
	t.Helper()
	for _, s := range opt["option"].(map[string]any)["series"].([]any) {
		if s := s.(map[string]any); s["id"] == id {
			edit(s)
			return
		}
	}
	t.Fatalf("the option has no series %q", id)
}

// geometrySite is a site with one article per case, each with one chart.
func geometrySite() fstest.MapFS {
	fsys := fstest.MapFS{
		"plotline.yaml": {Data: []byte("title: Bands\nbase_url: https://example.github.io/repo/\n")},
	}
	for _, c := range geometryCases {
		fsys["content/articles/"+c.name+".md"] = &fstest.MapFile{Data: []byte("---\ntitle: " + c.name +
			"\ndate: 2025-01-20\ndata:\n  b:" + c.block + "\n---\nThe chart.\n\n```chart\ndata: b\n```\n")}
	}
	return fsys
}

var pageOptionRE = regexp.MustCompile(`(?s)(<script type="application/json" id="[^"]+">)(.*?)(</script>)`)

// breakPageOption rewrites the chart option of the built page file with
// edit.
func breakPageOption(t *testing.T, file string, edit func(*testing.T, map[string]any)) {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	m := pageOptionRE.FindSubmatchIndex(src)
	if m == nil {
		t.Fatalf("%s has no chart option", file)
	}
	var opt map[string]any
	if err := json.Unmarshal(src[m[4]:m[5]], &opt); err != nil {
		t.Fatal(err)
	}
	edit(t, opt)
	js, err := json.Marshal(opt) // escapes <, > and &
	if err != nil {
		t.Fatal(err)
	}
	out := slices.Concat(src[:m[4]], js, src[m[5]:])
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// geometryJS reads what the figure with the given id draws, twice. From
// the static SVG: its data- attributes and the points of its band polygon,
// central polyline, limit, crossing and grid lines, in viewBox units. From
// the live chart: the shapes ECharts' renderer holds for the low–high band
// (its polygon's upper edge and the edge it is stacked on) and the central
// line, found in the views of the series with those ids, and the mark
// lines of the display list, all turned from pixels into dates (ms since
// 1970) and values by the chart's own axes, and the ticks of its value
// axis.
const geometryJS = `function (id) {
	const fig = document.getElementById(id);
	const svg = fig.querySelector('.chart-static svg');
	const lines = cls => Array.from(svg.querySelectorAll('line.' + cls),
		l => ['x1', 'y1', 'x2', 'y2'].map(a => Number(l.getAttribute(a))));
	const attr = (sel, a) => { const el = svg.querySelector(sel); return el ? el.getAttribute(a) : ''; };
	const out = {
		svg: {
			plot: svg.getAttribute('data-plot') || '',
			xRange: svg.getAttribute('data-x-range') || '',
			yRange: svg.getAttribute('data-y-range') || '',
			band: attr('polygon.plc-band', 'points'),
			central: attr('polyline.plc-central', 'points'),
			limit: lines('plc-limit'),
			crossing: lines('plc-crossing'),
			grid: lines('plc-grid'),
			// The value axis's labels stand up to the plot's left edge (the
			// last date's may stand up to its tick, at the right).
			yLabels: Array.from(svg.querySelectorAll('text.plc-small[text-anchor="end"]'), t => t)
				.filter(t => Number(t.getAttribute('x')) < Number((svg.getAttribute('data-plot') || '0').split(' ')[0]))
				.map(t => t.textContent),
		},
		live: {polygons: [], polylines: [], lines: [], ticks: [], yLabels: []},
	};
	const inst = window.echarts && window.echarts.getInstanceByDom(fig.querySelector('.chart-live'));
	if (!inst) {
		return out;
	}
	const toData = (el, x, y) => {
		if (el.transformCoordToGlobal) {
			[x, y] = el.transformCoordToGlobal(x, y);
		}
		return inst.convertFromPixel({gridIndex: 0}, [x, y]);
	};
	const pairs = (el, flat) => {
		const res = [];
		for (let i = 0; flat && i + 1 < flat.length; i += 2) {
			res.push(toData(el, flat[i], flat[i + 1]));
		}
		return res;
	};
	inst.getModel().eachSeries(s => {
		const view = inst.getViewOfSeriesModel(s);
		view.group.traverse(el => {
			if (el.ignore || el.invisible) {
				return;
			}
			if (el.type === 'ec-polygon') {
				out.live.polygons.push({series: s.id, upper: pairs(el, el.shape.points), lower: pairs(el, el.shape.stackedOnPoints)});
			} else if (el.type === 'ec-polyline') {
				out.live.polylines.push({series: s.id, points: pairs(el, el.shape.points)});
			}
		});
	});
	const yAxis = inst.getModel().getComponent('yAxis', 0).axis;
	out.live.ticks = yAxis.getTicksCoords().map(t => Number(t.tickValue));
	out.live.yLabels = yAxis.getViewLabels().map(l => l.formattedLabel);
	inst.getZr().storage.getDisplayList(true).forEach(el => {
		if (el.type === 'ec-line') {
			const sh = el.shape;
			out.live.lines.push([toData(el, sh.x1, sh.y1), toData(el, sh.x2, sh.y2)]);
		}
	});
	return out;
}`

// geometryRaw is what geometryJS returns.
type geometryRaw struct {
	SVG struct {
		Plot     string       `json:"plot"`
		XRange   string       `json:"xRange"`
		YRange   string       `json:"yRange"`
		Band     string       `json:"band"`
		Central  string       `json:"central"`
		Limit    [][4]float64 `json:"limit"`
		Crossing [][4]float64 `json:"crossing"`
		Grid     [][4]float64 `json:"grid"`
		YLabels  []string     `json:"yLabels"`
	} `json:"svg"`
	Live struct {
		Polygons []struct {
			Series string       `json:"series"`
			Upper  [][2]float64 `json:"upper"`
			Lower  [][2]float64 `json:"lower"`
		} `json:"polygons"`
		Polylines []struct {
			Series string       `json:"series"`
			Points [][2]float64 `json:"points"`
		} `json:"polylines"`
		Lines   [][2][2]float64 `json:"lines"`
		Ticks   []float64       `json:"ticks"`
		YLabels []string        `json:"yLabels"`
	} `json:"live"`
}

// geometry is what one rendering of a chart draws, in data coordinates:
// dates in ms since 1970, values in the block's unit.
type geometry struct {
	upper, lower, central [][2]float64 // left to right
	limits                []float64    // the values of horizontal limit lines
	crossings             []float64    // the dates of vertical crossing lines
	ticks                 []float64    // the values of the value axis's ticks, in order
}

func (g geometry) String() string {
	return fmt.Sprintf("band %d+%d points, central %d points, limits %v, crossings %v, ticks %v",
		len(g.upper), len(g.lower), len(g.central), g.limits, g.crossings, g.ticks)
}

// svgAxes maps the static SVG's viewBox to data through its data-plot,
// data-x-range and data-y-range attributes.
type svgAxes struct {
	left, top, right, bottom float64
	t0, t1, y0, y1           float64
}

func parseNums(s string) []float64 {
	var out []float64
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' }) {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return nil
		}
		out = append(out, v)
	}
	return out
}

func newSVGAxes(plot, xr, yr string) (svgAxes, error) {
	p, x, y := parseNums(plot), parseNums(xr), parseNums(yr)
	if len(p) != 4 || len(x) != 2 || len(y) != 2 || p[2] <= p[0] || p[3] <= p[1] || x[1] <= x[0] || y[1] <= y[0] {
		return svgAxes{}, fmt.Errorf("the SVG's data-plot %q, data-x-range %q and data-y-range %q do not describe its axes", plot, xr, yr)
	}
	return svgAxes{p[0], p[1], p[2], p[3], x[0], x[1], y[0], y[1]}, nil
}

func (a svgAxes) date(x float64) float64 {
	return a.t0 + (x-a.left)/(a.right-a.left)*(a.t1-a.t0)
}

func (a svgAxes) value(y float64) float64 {
	return a.y0 + (a.bottom-y)/(a.bottom-a.top)*(a.y1-a.y0)
}

func (a svgAxes) points(flat []float64) [][2]float64 {
	out := make([][2]float64, 0, len(flat)/2)
	for i := 0; i+1 < len(flat); i += 2 {
		out = append(out, [2]float64{a.date(flat[i]), a.value(flat[i+1])})
	}
	return out
}

// svgGeometry reads the static chart: the band polygon is its upper edge
// left to right and then its lower edge back; the limit is the line of
// class plc-limit that spans the plot (the legend's is a short one).
func (raw geometryRaw) svgGeometry() (geometry, svgAxes, error) {
	s := raw.SVG
	a, err := newSVGAxes(s.Plot, s.XRange, s.YRange)
	if err != nil {
		return geometry{}, a, err
	}
	var g geometry
	band := a.points(parseNums(s.Band))
	if n := len(band); n > 0 {
		if n%2 != 0 {
			return g, a, fmt.Errorf("the band polygon has %d points; want an even number", n)
		}
		g.upper = band[:n/2]
		for i := n - 1; i >= n/2; i-- {
			g.lower = append(g.lower, band[i])
		}
	}
	g.central = a.points(parseNums(s.Central))
	for _, l := range s.Limit {
		if l[1] == l[3] && l[2]-l[0] > (a.right-a.left)/2 {
			g.limits = append(g.limits, a.value(l[1]))
		}
	}
	for _, l := range s.Crossing {
		if l[0] == l[2] {
			g.crossings = append(g.crossings, a.date(l[0]))
		}
	}
	for _, l := range s.Grid {
		g.ticks = append(g.ticks, a.value(l[1]))
	}
	slices.Sort(g.ticks)
	return g, a, nil
}

// liveGeometry reads the live chart: the band is the polygon of the
// series "band", its upper edge the stacked line and its lower edge the
// line it is stacked on; the central line is the polyline of the series
// "central"; a mark line whose two ends share a value is the limit, one
// whose ends share a date the crossing.
func (raw geometryRaw) liveGeometry() geometry {
	var g geometry
	for _, p := range raw.Live.Polygons {
		if p.Series == "band" {
			g.upper, g.lower = p.Upper, p.Lower
		}
	}
	for _, p := range raw.Live.Polylines {
		if p.Series == "central" {
			g.central = p.Points
		}
	}
	for _, l := range raw.Live.Lines {
		a, b := l[0], l[1]
		switch {
		case math.Abs(a[1]-b[1]) <= 1e-6*math.Max(1, math.Abs(a[1])) && a[0] != b[0]:
			g.limits = append(g.limits, a[1])
		case math.Abs(a[0]-b[0]) < 60e3 && a[1] != b[1]: // within a minute
			g.crossings = append(g.crossings, a[0])
		}
	}
	g.ticks = slices.Sorted(slices.Values(raw.Live.Ticks))
	return g
}

// at returns the polyline's value on date x, interpolating between its
// points; ok is false when x is outside it.
func at(line [][2]float64, x float64) (float64, bool) {
	if len(line) == 0 {
		return 0, false
	}
	pts := slices.Clone(line)
	slices.SortStableFunc(pts, func(a, b [2]float64) int { return cmpFloat(a[0], b[0]) })
	const slack = 60e3 // a minute, for the SVG's rounding of x
	if x < pts[0][0]-slack || x > pts[len(pts)-1][0]+slack {
		return 0, false
	}
	x = min(max(x, pts[0][0]), pts[len(pts)-1][0])
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		if x <= b[0] {
			if b[0] == a[0] {
				return b[1], true
			}
			return a[1] + (x-a[0])/(b[0]-a[0])*(b[1]-a[1]), true
		}
	}
	return pts[len(pts)-1][1], true
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// dayMS is a day in milliseconds.
const dayMS = 24 * 60 * 60 * 1000

// compareGeometry compares the live chart with the static one at samples
// dates spread over the static central line, and returns every
// disagreement: a band edge or the central value more than valueTol
// apart, a limit or a tick of the value axis more than valueTol apart, a
// crossing more than a day apart, or a part that one draws and the other
// does not.
func compareGeometry(static, live geometry, valueTol float64, samples int) []string {
	var bad []string
	if len(static.central) < 2 {
		return []string{"the static chart has no central line"}
	}
	from, to := static.central[0][0], static.central[len(static.central)-1][0]
	hasBand := len(static.upper) > 0
	if hasBand != (len(live.upper) > 0) {
		bad = append(bad, fmt.Sprintf("the static chart draws a band: %v; the live one: %v", hasBand, len(live.upper) > 0))
	}
	date := func(ms float64) string {
		return time.UnixMilli(int64(ms)).UTC().Format("2006-01-02 15:04")
	}
	for i := range samples {
		x := from + (to-from)*float64(i)/float64(samples-1)
		edges := []struct {
			name   string
			s, l   [][2]float64
			enable bool
		}{
			{"lower edge of the band", static.lower, live.lower, hasBand},
			{"upper edge of the band", static.upper, live.upper, hasBand},
			{"central line", static.central, live.central, true},
		}
		for _, e := range edges {
			if !e.enable {
				continue
			}
			sv, sok := at(e.s, x)
			lv, lok := at(e.l, x)
			switch {
			case !sok || !lok:
				bad = append(bad, fmt.Sprintf("%s: %s drawn by the static chart %v, by the live one %v", date(x), e.name, sok, lok))
			case math.Abs(sv-lv) > valueTol:
				bad = append(bad, fmt.Sprintf("%s: %s at %.4g in the static chart, %.4g in the live one (tolerance %.3g)", date(x), e.name, sv, lv, valueTol))
			}
		}
	}
	if len(static.limits) != len(live.limits) {
		bad = append(bad, fmt.Sprintf("limit lines: %v in the static chart, %v in the live one", static.limits, live.limits))
	} else {
		for i := range static.limits {
			if math.Abs(static.limits[i]-live.limits[i]) > valueTol {
				bad = append(bad, fmt.Sprintf("limit at %.4g in the static chart, %.4g in the live one", static.limits[i], live.limits[i]))
			}
		}
	}
	if len(static.ticks) != len(live.ticks) {
		bad = append(bad, fmt.Sprintf("value axis ticks %.4g in the static chart, %.4g in the live one", static.ticks, live.ticks))
	} else {
		for i := range static.ticks {
			if math.Abs(static.ticks[i]-live.ticks[i]) > valueTol {
				bad = append(bad, fmt.Sprintf("value axis ticks %.4g in the static chart, %.4g in the live one", static.ticks, live.ticks))
				break
			}
		}
	}
	if len(static.crossings) != len(live.crossings) {
		bad = append(bad, fmt.Sprintf("%d crossing lines in the static chart, %d in the live one", len(static.crossings), len(live.crossings)))
	} else {
		for i := range static.crossings {
			if math.Abs(static.crossings[i]-live.crossings[i]) > dayMS {
				bad = append(bad, fmt.Sprintf("crossing on %s in the static chart, %s in the live one", date(static.crossings[i]), date(live.crossings[i])))
			}
		}
	}
	return bad
}

// TestBrowserChartGeometry opens, in Chromium, a chart of each kind of
// band and compares what the live chart draws with what the static SVG
// draws, in dates and values: the band's edges and the central line at
// nine dates across the projection (within 1% of the value axis), the
// limit and the value axis's ticks (as closely) and the crossing date
// (within a day). Charts whose
// option is broken on purpose must show a mismatch. The tooltip of a
// falling band gives its range lowest first.
func TestBrowserChartGeometry(t *testing.T) {
	events := &browserEvents{}
	ctx := newBrowser(t, 3*browserTimeout, events)
	dest := buildFS(t, geometrySite())
	for _, c := range geometryCases {
		if c.breakOption != nil {
			breakPageOption(t, filepath.Join(dest, "articles", c.name, "index.html"), c.breakOption)
		}
	}
	root := serveDir(t, dest)
	// ECharts reads a date without a zone as local time, the static chart
	// as UTC; in UTC the two are the same instant.
	useUTC(t, ctx)
	emulateMedia(t, ctx, "", "prefers-reduced-motion", "reduce")
	events.take()

	for _, c := range geometryCases {
		t.Run(c.name, func(t *testing.T) {
			defer checkEvents(t, events, true)
			navigate(t, ctx, root+"articles/"+c.name+"/")
			charts := waitChartsDrawn(t, ctx)
			if len(charts) != 1 {
				t.Fatalf("the page has %d charts; want 1", len(charts))
			}
			raw, err := chromedp.Run(ctx, chromedp.Evaluate[geometryRaw](fmt.Sprintf("(%s)(%q)", geometryJS, charts[0].Figure)))
			if err != nil {
				t.Fatalf("reading the charts' geometry: %v", err)
			}
			static, axes, err := raw.svgGeometry()
			if err != nil {
				t.Fatal(err)
			}
			live := raw.liveGeometry()
			valueTol := (axes.y1 - axes.y0) / 100
			bad := compareGeometry(static, live, valueTol, 9)
			t.Logf("static: %v\nlive:   %v", static, live)
			switch {
			case c.breakOption == nil && len(bad) > 0:
				t.Errorf("the live chart and the static SVG disagree:\n%s", strings.Join(bad, "\n"))
			case c.breakOption != nil && len(bad) == 0:
				t.Errorf("the option was broken on purpose, yet the comparison finds the two charts alike")
			case c.breakOption != nil:
				t.Logf("as it should, the comparison finds (first of %d): %s", len(bad), bad[0])
			}
			// Both write the value axis's ticks alike, with the
			// decimals their step needs.
			if c.breakOption == nil && !slices.Equal(raw.SVG.YLabels, raw.Live.YLabels) {
				t.Errorf("the value axis reads %q in the static SVG and %q in the live chart", raw.SVG.YLabels, raw.Live.YLabels)
			}
			if c.name == "millions" && !slices.Contains(raw.SVG.YLabels, "120m") {
				t.Errorf("the value axis reads %q; want its ticks in millions, 120m among them", raw.SVG.YLabels)
			}
			if c.name == "falling" || c.name == "across-zero" {
				checkRangeTooltip(t, ctx, charts[0].Figure, static, valueTol)
			}
		})
	}
}

// serveDir serves the built site in dest on 127.0.0.1 under /repo/, as
// serveExample serves the example, and returns the address of its root.
func serveDir(t *testing.T, dest string) string {
	t.Helper()
	srv := httptest.NewServer(http.StripPrefix("/repo", http.FileServer(http.Dir(dest))))
	t.Cleanup(srv.Close)
	return srv.URL + "/repo/"
}

// serveArticle builds a site of the one article content/articles/name.md
// of Markdown src (buildArticle), serves it as serveDir does and returns
// the article's address.
func serveArticle(t *testing.T, name, src string) string {
	t.Helper()
	return serveDir(t, buildArticle(t, name, src)) + "articles/" + name + "/"
}

// buildArticle builds a site of the one article content/articles/name.md
// of Markdown src, the site titled after it ("Blocks" for blocks), and
// returns the folder it was built into.
func buildArticle(t *testing.T, name, src string) string {
	t.Helper()
	return buildFS(t, fstest.MapFS{
		"plotline.yaml":                    {Data: []byte("title: " + strings.ToUpper(name[:1]) + name[1:] + "\nbase_url: https://example.github.io/repo/\n")},
		"content/articles/" + name + ".md": {Data: []byte(src)},
	})
}

// tooltipJS shows the tooltip of the figure's chart on the last point of
// its central line and returns the tooltip's text once it is shown.
const tooltipJS = `function (id) {
	const live = document.getElementById(id).querySelector('.chart-live');
	const inst = window.echarts.getInstanceByDom(live);
	const s = inst.getModel().getSeries().find(s => s.id === 'central');
	inst.dispatchAction({type: 'showTip', seriesIndex: s.seriesIndex, dataIndex: s.getData().count() - 1});
}`

// useUTC makes the browser of ctx read and write dates in UTC, as the
// build does, whatever the machine's time zone.
func useUTC(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "UTC"}); err != nil {
		t.Fatal(err)
	}
}

// tooltipSaying waits until a live chart's tooltip on the page has a line
// holding has, and returns the last such tooltip's text.
func tooltipSaying(t *testing.T, ctx context.Context, has string) string {
	t.Helper()
	textJS := fmt.Sprintf(`(() => {
	const tips = Array.from(document.querySelectorAll('.chart-live div')).map(d => d.innerText || '').filter(t => t.includes(%q));
	return tips.length ? tips[tips.length - 1] : false;
})()`, has)
	text, err := chromedp.Run(ctx, poll[string](textJS, 5*time.Second))
	if err != nil {
		t.Fatalf("waiting for a tooltip saying %q: %v", has, err)
	}
	return text
}

var rangeRE = regexp.MustCompile(`Range: (-?[\d,.]+)\x{2013}(-?[\d,.]+)`)

// checkRangeTooltip shows the tooltip of the figure's last projected date
// and checks its "Range: low–high" line: the lesser number first, each the
// static chart's band edge on that date as the tooltip rounds it.
func checkRangeTooltip(t *testing.T, ctx context.Context, figure string, static geometry, valueTol float64) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](fmt.Sprintf("(%s)(%q)", tooltipJS, figure))); err != nil {
		t.Fatalf("showing the tooltip: %v", err)
	}
	text := tooltipSaying(t, ctx, "Range")
	m := rangeRE.FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("tooltip %q has no \"Range: low–high\" line", text)
	}
	lo, err1 := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
	hi, err2 := strconv.ParseFloat(strings.ReplaceAll(m[2], ",", ""), 64)
	if err1 != nil || err2 != nil {
		t.Fatalf("tooltip range %q: %v %v", m[0], err1, err2)
	}
	last := static.central[len(static.central)-1][0]
	wantLo, _ := at(static.lower, last)
	wantHi, _ := at(static.upper, last)
	if lo > hi || math.Abs(lo-wantLo) > valueTol || math.Abs(hi-wantHi) > valueTol {
		t.Errorf("tooltip says %q; want the range %.4g–%.4g of the static band on its last date", m[0], wantLo, wantHi)
	}
	t.Logf("tooltip: %q", text)
}

// TestBrowserBandScreenshots writes screenshots of the falling and
// zero-crossing bands of the geometry test to the folder named by
// -band-screenshots, for a person to look at: the chart figure at 390 and
// 1280 CSS pixels wide, in light and dark mode, live and static (as a
// reader without JavaScript sees it).
func TestBrowserBandScreenshots(t *testing.T) {
	if *bandScreenshots == "" {
		t.Skip("set -band-screenshots DIR to write screenshots of the bands")
	}
	if err := os.MkdirAll(*bandScreenshots, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t, 2*browserTimeout, nil)
	root := serveDir(t, buildFS(t, geometrySite()))
	for _, name := range []string{"falling", "across-zero"} {
		for _, width := range []int64{390, 1280} {
			for _, scheme := range []string{"light", "dark"} {
				for _, kind := range []string{"live", "static"} {
					viewport := chromedp.EmulateViewport(width, 900)
					if width < 600 {
						viewport = chromedp.EmulateViewport(width, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
					}
					if err := chromedp.Do(ctx, viewport); err != nil {
						t.Fatal(err)
					}
					noScript := emulation.SetScriptExecutionDisabledParams{Value: kind == "static"}
					if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, noScript); err != nil {
						t.Fatal(err)
					}
					emulateMedia(t, ctx, "", "prefers-color-scheme", scheme, "prefers-reduced-motion", "reduce")
					navigate(t, ctx, root+"articles/"+name+"/")
					if kind == "live" {
						waitChartsDrawn(t, ctx)
					}
					png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("figure.chart")))
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					file := fmt.Sprintf("band-%s-%d-%s-%s.png", name, width, scheme, kind)
					if err := os.WriteFile(filepath.Join(*bandScreenshots, file), png, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
}

// TestCompareGeometry checks the comparison itself, without a browser: a
// drawing matches itself, and each kind of difference is reported.
func TestCompareGeometry(t *testing.T) {
	day := func(d int) float64 { return float64(d) * dayMS }
	base := func() geometry {
		return geometry{
			upper:     [][2]float64{{day(0), 100}, {day(20), -15}},
			lower:     [][2]float64{{day(0), 100}, {day(20), -245}},
			central:   [][2]float64{{day(0), 100}, {day(20), -130}},
			limits:    []float64{20},
			crossings: []float64{day(8)},
			ticks:     []float64{-300, -200, -100, 0, 100},
		}
	}
	const tol = 4 // 1% of the axis from -300 to 100
	if bad := compareGeometry(base(), base(), tol, 9); len(bad) > 0 {
		t.Errorf("a drawing compared with itself: %q; want no mismatch", bad)
	}
	for _, tc := range []struct {
		name string
		edit func(g *geometry)
		want string
	}{
		{"lower edge from zero", func(g *geometry) { g.lower[1][1] = 0 }, "lower edge of the band"},
		{"upper edge shifted", func(g *geometry) { g.upper[0][1] += 5; g.upper[1][1] += 5 }, "upper edge of the band"},
		{"central line a week late", func(g *geometry) { g.central[0][0] += day(7); g.central[1][0] += day(7) }, "central line"},
		{"no band", func(g *geometry) { g.upper, g.lower = nil, nil }, "draws a band"},
		{"limit moved", func(g *geometry) { g.limits[0] = 30 }, "limit at"},
		{"no limit", func(g *geometry) { g.limits = nil }, "limit lines"},
		{"crossing two days late", func(g *geometry) { g.crossings[0] += day(2) }, "crossing on"},
		{"other ticks", func(g *geometry) { g.ticks = []float64{-300, -250, -200, -150, -100, -50, 0, 50, 100} }, "value axis ticks"},
	} {
		live := base()
		tc.edit(&live)
		bad := compareGeometry(base(), live, tol, 9)
		if !slices.ContainsFunc(bad, func(s string) bool { return strings.Contains(s, tc.want) }) {
			t.Errorf("%s: compareGeometry = %q; want a mismatch about %q", tc.name, bad, tc.want)
		}
	}
}

// blocksGeometryJS reads the chart of two blocks with events of the page,
// twice: the static SVG's line of each colour slot and its event rules,
// and the live chart's line of each observed series and its vertical mark
// lines, all in dates (ms since 1970) and values.
const blocksGeometryJS = `(() => {
	const fig = document.querySelector('figure.chart');
	const svg = fig.querySelector('.chart-static svg');
	const plot = svg.getAttribute('data-plot').split(' ').map(Number);
	const xr = svg.getAttribute('data-x-range').split(' ').map(Number);
	const yr = svg.getAttribute('data-y-range').split(' ').map(Number);
	const toData = (x, y) => [xr[0] + (x - plot[0]) / (plot[2] - plot[0]) * (xr[1] - xr[0]), yr[0] + (plot[3] - y) / (plot[3] - plot[1]) * (yr[1] - yr[0])];
	const out = {svg: {lines: {}, events: []}, live: {lines: {}, events: []}};
	svg.querySelectorAll('g[class^="plc-s"]').forEach(g => {
		const pl = g.querySelector('polyline.plc-line');
		if (!pl) return;
		const p = pl.getAttribute('points').split(/[ ,]/).map(Number);
		const pts = [];
		for (let i = 0; i + 1 < p.length; i += 2) pts.push(toData(p[i], p[i + 1]));
		out.svg.lines[g.getAttribute('class')] = pts;
	});
	svg.querySelectorAll('line.plc-event').forEach(l => out.svg.events.push(toData(Number(l.getAttribute('x1')), 0)[0]));
	const inst = echarts.getInstanceByDom(fig.querySelector('.chart-live'));
	const conv = (el, x, y) => {
		if (el.transformCoordToGlobal) [x, y] = el.transformCoordToGlobal(x, y);
		return inst.convertFromPixel({gridIndex: 0}, [x, y]);
	};
	let slot = 0;
	inst.getModel().eachSeries(s => {
		if (!String(s.id).startsWith('observed')) return;
		slot++;
		inst.getViewOfSeriesModel(s).group.traverse(el => {
			if (el.type === 'ec-polyline') {
				const p = el.shape.points, pts = [];
				for (let i = 0; i + 1 < p.length; i += 2) pts.push(conv(el, p[i], p[i + 1]));
				out.live.lines['plc-s' + slot] = pts;
			}
		});
	});
	inst.getZr().storage.getDisplayList(true).forEach(el => {
		if (el.type === 'ec-line' && Math.abs(el.shape.x1 - el.shape.x2) < 0.5) out.live.events.push(conv(el, el.shape.x1, el.shape.y1)[0]);
	});
	out.live.events.sort((a, b) => a - b);
	return out;
})()`

// TestBrowserChartGeometryBlocks opens the chart of two blocks with events
// in Chromium and compares what the live chart draws with what the static
// SVG draws: each block's line at nine dates (within 1% of the value
// axis) and each event's rule (within a day). The same chart with an
// event moved a week in the option must show a mismatch.
func TestBrowserChartGeometryBlocks(t *testing.T) {
	ctx := newBrowser(t, 2*browserTimeout, nil)
	dest := buildFS(t, compareSite())
	broken := buildFS(t, compareSite())
	breakPageOption(t, filepath.Join(broken, "articles", "compare", "index.html"), func(t *testing.T, opt map[string]any) {
		editSeries(t, opt, "events", func(s map[string]any) {
			d := s["markLine"].(map[string]any)["data"].([]any)[0].(map[string]any)
			d["xAxis"] = "2024-10-25"
		})
	})
	useUTC(t, ctx)
	emulateMedia(t, ctx, "", "prefers-reduced-motion", "reduce")
	for _, c := range []struct {
		name     string
		dest     string
		mismatch bool
	}{{"two-blocks-events", dest, false}, {"broken-event-moved", broken, true}} {
		t.Run(c.name, func(t *testing.T) {
			navigate(t, ctx, serveDir(t, c.dest)+"articles/compare/")
			waitChartsPainted(t, ctx, 0.02)
			var raw struct {
				SVG, Live struct {
					Lines  map[string][][2]float64 `json:"lines"`
					Events []float64               `json:"events"`
				}
			}
			raw2, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](blocksGeometryJS))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(raw2, &raw); err != nil {
				t.Fatal(err)
			}
			var bad []string
			if len(raw.SVG.Lines) != 2 || len(raw.Live.Lines) != 2 {
				bad = append(bad, fmt.Sprintf("lines: %d in the static chart, %d in the live one; want 2 each", len(raw.SVG.Lines), len(raw.Live.Lines)))
			}
			for slot, s := range raw.SVG.Lines {
				l := raw.Live.Lines[slot]
				if len(l) < 2 {
					bad = append(bad, fmt.Sprintf("%s: the live chart draws no line", slot))
					continue
				}
				// Where both draw: the SVG's coordinates are rounded to a
				// tenth of a unit, some twenty minutes.
				from, to := max(s[0][0], l[0][0]), min(s[len(s)-1][0], l[len(l)-1][0])
				for i := range 9 {
					x := from + (to-from)*float64(i)/8
					sv, sok := at(s, x)
					lv, lok := at(l, x)
					if !sok || !lok || math.Abs(sv-lv) > 40 { // 1% of the axis from 0 to 4,000
						bad = append(bad, fmt.Sprintf("%s on %s: %.4g in the static chart, %.4g (%v) in the live one", slot, time.UnixMilli(int64(x)).UTC().Format(time.DateOnly), sv, lv, lok))
					}
				}
			}
			if len(raw.SVG.Events) != len(raw.Live.Events) {
				bad = append(bad, fmt.Sprintf("%d event rules in the static chart, %d in the live one", len(raw.SVG.Events), len(raw.Live.Events)))
			} else {
				for i := range raw.SVG.Events {
					if math.Abs(raw.SVG.Events[i]-raw.Live.Events[i]) > dayMS {
						bad = append(bad, fmt.Sprintf("event rule on %s in the static chart, %s in the live one",
							time.UnixMilli(int64(raw.SVG.Events[i])).UTC().Format(time.DateOnly), time.UnixMilli(int64(raw.Live.Events[i])).UTC().Format(time.DateOnly)))
					}
				}
			}
			switch {
			case !c.mismatch && len(bad) > 0:
				t.Errorf("the live chart and the static SVG disagree:\n%s", strings.Join(bad, "\n"))
			case c.mismatch && len(bad) == 0:
				t.Errorf("an event was moved on purpose, yet the comparison finds the two charts alike")
			case c.mismatch:
				t.Logf("as it should, the comparison finds: %s", bad[0])
			}
		})
	}
}

// unitsArticle charts two blocks in different units, one of them read
// from a CSV file.
const unitsArticle = "---\ntitle: Two units\ndate: 2025-03-01\ndata:\n" +
	"  rate:\n    unit: percent\n    series:\n      - {date: 2025-01-01, value: 2.5}\n      - {date: 2025-02-01, value: -0.25}\n" +
	"  gdp:\n    unit: dollars\n    csv: gdp.csv\n" +
	"---\nRates and output.\n\n```chart\ndata: [rate, gdp]\n```\n"

// TestBrowserTooltipUnits shows, in Chromium, the tooltip of a chart of
// two blocks in different units, and checks that it writes each value
// with its block's unit, as the static chart's points and the tables do.
func TestBrowserTooltipUnits(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	dest := buildFS(t, fstest.MapFS{
		"plotline.yaml":             {Data: []byte("title: Units\nbase_url: https://example.github.io/repo/\n")},
		"content/articles/units.md": {Data: []byte(unitsArticle)},
		"content/articles/gdp.csv":  {Data: []byte("date,value\n2025-01-01,1200000000000\n2025-02-01,1350000000000\n")},
	})
	useUTC(t, ctx)
	navigate(t, ctx, serveDir(t, dest)+"articles/units/")
	charts := waitChartsPainted(t, ctx, 0.005)
	text := showTooltip(t, ctx, charts[0].Figure, "observed-rate", 0, "1 Jan 2025")
	for _, want := range []string{"rate: 2.5 percent", "gdp: 1,200,000,000,000 dollars"} {
		if !strings.Contains(text, want) {
			t.Errorf("tooltip %q does not say %q", text, want)
		}
	}
	t.Logf("tooltip: %q", text)
}

// showTooltip shows the tooltip of the figure's chart on point index of
// the series with the given id and returns its text once it shows a line
// holding has.
func showTooltip(t *testing.T, ctx context.Context, figure, series string, index int, has string) string {
	t.Helper()
	const showJS = `function (id, series, index) {
	const inst = window.echarts.getInstanceByDom(document.getElementById(id).querySelector('.chart-live'));
	const s = inst.getModel().getSeries().find(s => s.id === series);
	inst.dispatchAction({type: 'showTip', seriesIndex: s.seriesIndex, dataIndex: index});
}`
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](fmt.Sprintf("(%s)(%q, %q, %d)", showJS, figure, series, index))); err != nil {
		t.Fatalf("showing the tooltip: %v", err)
	}
	return tooltipSaying(t, ctx, has)
}

// startArticle projects a reservoir's level down from its last reading,
// 800.5, written with a decimal that a computed number of that size,
// whole from 100 up, would not show.
const startArticle = "---\ntitle: Reservoir\ndate: 2025-03-01\ndata:\n" +
	"  res:\n    unit: megalitres\n    series:\n      - {date: 2025-02-01, value: 850}\n      - {date: 2025-03-01, value: 800.5}\n" +
	"    projection: {rate: -12.5, per: week, low: -15, high: -5, limit: 100}\n" +
	"---\nFrom {{ res.start.value }} on {{ res.start.date }}.\n\n```chart\ndata: res\n```\n"

// TestBrowserTooltipStart shows, in Chromium, the tooltip of a projection
// on its start, the last observation: the observation and the central
// line are the same number the writer gave, each written as written,
// 800.5, as the prose and the table write it, and the band, of no width
// yet, adds no "Range: 800.5–800.5".
func TestBrowserTooltipStart(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	dest := buildFS(t, fstest.MapFS{
		"plotline.yaml":                 {Data: []byte("title: Start\nbase_url: https://example.github.io/repo/\n")},
		"content/articles/reservoir.md": {Data: []byte(startArticle)},
	})
	useUTC(t, ctx)
	navigate(t, ctx, serveDir(t, dest)+"articles/reservoir/")
	charts := waitChartsDrawn(t, ctx)
	text := showTooltip(t, ctx, charts[0].Figure, "central", 0, "1 Mar 2025")
	for _, want := range []string{"800.5 megalitres", "Central projection: 800.5 megalitres"} {
		if !strings.Contains(text, want) {
			t.Errorf("tooltip %q does not say %q", text, want)
		}
	}
	if strings.Contains(text, "Range") {
		t.Errorf("tooltip %q gives a range of no width on the projection's start", text)
	}
	t.Logf("tooltip: %q", text)
}

// longUnitArticle charts a block whose unit is too long for the label
// above a phone's plot, which shortens it.
const longUnitArticle = "---\ntitle: Prices\ndate: 2025-03-01\ndata:\n" +
	"  cpi:\n    unit: index points of the consumer price basket, seasonally adjusted\n" +
	"    series:\n      - {date: 2025-01-01, value: 100}\n      - {date: 2025-02-01, value: 104.5}\n" +
	"---\nPrices.\n\n```chart\ndata: cpi\n```\n"

// TestBrowserTooltipLongUnit shows, in Chromium on a phone, the tooltip
// of a chart whose unit the narrow frame shortens above the plot: the
// tooltip writes the unit in full, as the table does, where it took the
// label's "index points of the consumer price…".
func TestBrowserTooltipLongUnit(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	dest := buildFS(t, fstest.MapFS{
		"plotline.yaml":           {Data: []byte("title: Prices\nbase_url: https://example.github.io/repo/\n")},
		"content/articles/cpi.md": {Data: []byte(longUnitArticle)},
	})
	useUTC(t, ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	navigate(t, ctx, serveDir(t, dest)+"articles/cpi/")
	charts := waitChartsPainted(t, ctx, 0.005)
	text := showTooltip(t, ctx, charts[0].Figure, "observed", 1, "1 Feb 2025")
	if want := "104.5 index points of the consumer price basket, seasonally adjusted"; !strings.Contains(text, want) {
		t.Errorf("tooltip %q does not say %q", text, want)
	}
}

// TestBrowserTooltipSource shows, in Chromium, the tooltip of an
// observation whose source is a web address, and checks that it writes it
// as the table does, without "www." and the trailing slash.
func TestBrowserTooltipSource(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	dest := buildFS(t, fstest.MapFS{
		"plotline.yaml": {Data: []byte("title: Sources\nbase_url: https://example.github.io/repo/\n")},
		"content/articles/src.md": {Data: []byte("---\ntitle: Sources\ndate: 2025-03-01\ndata:\n" +
			"  d:\n    unit: cases\n    series:\n      - {date: 2025-01-01, value: 10, source: \"https://www.example.org/report/\"}\n" +
			"      - {date: 2025-02-01, value: 12}\n---\nCases.\n\n```chart\ndata: d\n```\n")},
	})
	page, err := os.ReadFile(filepath.Join(dest, "articles", "src", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `<a href="https://www.example.org/report/">example.org/report</a>`; !strings.Contains(string(page), want) {
		t.Fatalf("the table does not show the source as %s", want)
	}
	useUTC(t, ctx)
	navigate(t, ctx, serveDir(t, dest)+"articles/src/")
	charts := waitChartsPainted(t, ctx, 0.005)
	text := showTooltip(t, ctx, charts[0].Figure, "observed", 0, "1 Jan 2025")
	if !strings.HasSuffix(text, "\nexample.org/report") {
		t.Errorf("tooltip %q does not end with the source as the table shows it, example.org/report", text)
	}
}

// TestBrowserTooltipRounding shows, in Chromium, the tooltip of a
// projection whose last value, 12,000.4655, the option keeps to six
// figures: kept as 12,000.5 it would read 12,001 in the tooltip, where
// the table reads 12,000.
func TestBrowserTooltipRounding(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	dest := buildFS(t, fstest.MapFS{
		"plotline.yaml": {Data: []byte("title: Rounding\nbase_url: https://example.github.io/repo/\n")},
		"content/articles/cases.md": {Data: []byte("---\ntitle: Cases\ndate: 2025-01-01\ndata:\n" +
			"  d:\n    unit: cases\n    series: [{date: 2025-01-01, value: 12000}]\n" +
			"    projection: {rate: 0.0245, limit: 12010, until: 2025-01-20}\n---\nCases.\n\n```chart\ndata: d\n```\n")},
	})
	page, err := os.ReadFile(filepath.Join(dest, "articles", "cases", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `<time datetime="2025-01-20">20 Jan 2025</time></th><td class="num">12,000</td>`; !strings.Contains(string(page), want) {
		t.Fatalf("the table's last row is not %s", want)
	}
	useUTC(t, ctx)
	navigate(t, ctx, serveDir(t, dest)+"articles/cases/")
	// The time axis runs on to the crossing, a year after the projection
	// ends and its shading with it: little of the canvas is painted.
	charts := waitChartsPainted(t, ctx, 0.02)
	text := showTooltip(t, ctx, charts[0].Figure, "central", 1, "20 Jan 2025")
	if want := "Central projection: 12,000 cases"; !strings.Contains(text, want) {
		t.Errorf("tooltip %q does not say %q, as the table does", text, want)
	}
}

// TestBrowserTooltipPastUntil shows, in Chromium, the tooltip of a
// projection per hour from a start at midnight, 3.94 rising 0.04 an
// hour, drawn until the next midnight and crossing 5.5 at 15:00 that day:
// at the start it gives the time, 00:00, as the table does, though no
// observation gives one; on the crossing, where the central line goes on
// past until, it gives the central projection there, 5.5, as the table's
// crossing row does (5.50 there, with its column's decimals).
func TestBrowserTooltipPastUntil(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	dest := buildFS(t, fstest.MapFS{
		"plotline.yaml": {Data: []byte("title: River\nbase_url: https://example.github.io/repo/\n")},
		"content/articles/river.md": {Data: []byte("---\ntitle: River\ndate: 2025-03-03\ndata:\n" +
			"  g:\n    unit: metres\n" +
			"    projection: {start: {date: 2025-03-03, value: 3.94}, rate: 0.04, per: hour, limit: 5.5, until: 2025-03-04}\n" +
			"---\nRising.\n\n```chart\ndata: g\n```\n")},
	})
	page, err := os.ReadFile(filepath.Join(dest, "articles", "river", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<time datetime="2025-03-03">3 Mar 2025 00:00</time></th><td class="num">3.94</td>`,
		`<time datetime="2025-03-04T15:00">4 Mar 2025 15:00</time></th><td class="num">5.50</td>`,
	} {
		if !strings.Contains(string(page), want) {
			t.Fatalf("the table has no row %s", want)
		}
	}
	useUTC(t, ctx)
	navigate(t, ctx, serveDir(t, dest)+"articles/river/")
	charts := waitChartsDrawn(t, ctx)
	text := showTooltip(t, ctx, charts[0].Figure, "central", 0, "3 Mar 2025 00:00")
	if want := "Central projection: 3.94 metres"; !strings.Contains(text, want) {
		t.Errorf("tooltip %q does not say %q", text, want)
	}
	text = showTooltip(t, ctx, charts[0].Figure, "central-beyond", 1, "4 Mar 2025 15:00")
	if want := "Central projection: 5.5 metres"; !strings.Contains(text, want) {
		t.Errorf("tooltip %q does not say %q, as the table's crossing row does", text, want)
	}
}

// writtenArticle has observations written as a reader must see them: a
// zero with two decimals, a number smaller than 10⁻²⁰ and, as the start
// of its projection, 3000.50.
const writtenArticle = "---\ntitle: Written\ndate: 2025-03-01\ndata:\n" +
	"  w:\n    unit: grams\n    series:\n      - {date: 2025-01-01, value: 0.000000000000000000001}\n" +
	"      - {date: 2025-02-01, value: 0.00}\n      - {date: 2025-03-01, value: 3000.50}\n" +
	"    projection: {rate: 10, limit: 4000}\n" +
	"---\n{{ w.first.value }}, {{ w.start.value }}.\n\n```chart\ndata: w\n```\n"

// TestBrowserTooltipWritten shows, in Chromium, the tooltip of
// observations written 0.000000000000000000001 and 0.00, and of a
// projection starting from one written 3000.50: each says what the prose
// and the table say, where it said 0, 0 and 3,000.5.
func TestBrowserTooltipWritten(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	dest := buildFS(t, fstest.MapFS{
		"plotline.yaml":               {Data: []byte("title: Written\nbase_url: https://example.github.io/repo/\n")},
		"content/articles/written.md": {Data: []byte(writtenArticle)},
	})
	useUTC(t, ctx)
	navigate(t, ctx, serveDir(t, dest)+"articles/written/")
	charts := waitChartsDrawn(t, ctx)
	for _, tc := range []struct {
		series    string
		index     int
		date, has string
	}{
		{"observed", 0, "1 Jan 2025", "0.000000000000000000001 grams"},
		{"observed", 1, "1 Feb 2025", "0.00 grams"},
		{"central", 0, "1 Mar 2025", "Central projection: 3,000.50 grams"},
	} {
		text := showTooltip(t, ctx, charts[0].Figure, tc.series, tc.index, tc.date)
		if !strings.Contains(text, tc.has) {
			t.Errorf("tooltip %q does not say %q", text, tc.has)
		}
		t.Logf("tooltip: %q", text)
	}
}

// gaugeArticle charts a river gauge read every hour, once over the night
// New York's clocks went forward (9 March 2025, 02:00 to 03:00).
const gaugeArticle = "---\ntitle: Gauge\ndate: 2025-03-10\ndata:\n" +
	"  gauge:\n    unit: feet\n    series:\n      - {date: 2025-03-01T06:00, value: 4.2}\n" +
	"      - {date: 2025-03-01T07:00, value: 4.5}\n      - {date: 2025-03-01T08:00, value: 4.9}\n" +
	"  night:\n    unit: feet\n    series:\n      - {date: 2025-03-09T00:00, value: 5}\n" +
	"      - {date: 2025-03-09T01:00, value: 5.2}\n      - {date: 2025-03-09T02:00, value: 5.1}\n" +
	"      - {date: 2025-03-09T03:00, value: 5.3}\n      - {date: 2025-03-09T04:00, value: 5.4}\n" +
	"---\nThe river rose.\n\n```chart\ndata: gauge\ntype: line\n```\n\n```chart\ndata: night\ntype: line\n```\n"

// TestBrowserTooltipTime shows, in Chromium set to New York's time zone,
// the tooltip of an hourly reading: it gives the reading's time as the
// data writes it, as the static chart's table does, where it gave the
// day alone; and readings over the night the clocks go forward stand an
// hour apart, as the static chart draws them; the reading at midnight
// says 00:00.
func TestBrowserTooltipTime(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	dest := buildFS(t, fstest.MapFS{
		"plotline.yaml":             {Data: []byte("title: Gauge\nbase_url: https://example.github.io/repo/\n")},
		"content/articles/gauge.md": {Data: []byte(gaugeArticle)},
	})
	if _, err := chromedp.Call(ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "America/New_York"}); err != nil {
		t.Fatal(err)
	}
	navigate(t, ctx, serveDir(t, dest)+"articles/gauge/")
	charts := waitChartsPainted(t, ctx, 0.005)
	text := showTooltip(t, ctx, charts[0].Figure, "observed", 1, "4.5")
	if want := "1 Mar 2025 07:00"; !strings.Contains(text, want) {
		t.Errorf("tooltip %q does not say %q", text, want)
	}
	// Each hour of the night stands an hour from the last, as in the
	// static chart: on the reader's clock 02:00 does not exist, and was
	// drawn at 03:00, on the next reading.
	const xsJS = `(id => {
	const inst = window.echarts.getInstanceByDom(document.getElementById(id).querySelector('.chart-live'));
	const s = inst.getOption().series.find(s => s.id === 'observed');
	return s.data.map(d => inst.convertToPixel({gridIndex: 0}, d.value)[0]);
})`
	xs, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](fmt.Sprintf("%s(%q)", xsJS, charts[1].Figure)))
	if err != nil {
		t.Fatal(err)
	}
	for i := 2; i < len(xs); i++ {
		if a, b := xs[i-1]-xs[i-2], xs[i]-xs[i-1]; math.Abs(a-b) > 0.5 {
			t.Errorf("the night's readings stand at x %.1f: hours %.1f and %.1f apart; want them even", xs, a, b)
			break
		}
	}
	text = showTooltip(t, ctx, charts[1].Figure, "observed", 2, "5.1")
	if want := "9 Mar 2025 02:00"; !strings.Contains(text, want) {
		t.Errorf("tooltip %q does not say %q", text, want)
	}
	// The reading at midnight says its time too, as the table does.
	text = showTooltip(t, ctx, charts[1].Figure, "observed", 0, "5")
	if want := "9 Mar 2025 00:00"; !strings.Contains(text, want) {
		t.Errorf("tooltip %q does not say %q", text, want)
	}
}

// earlyArticle charts two readings of the first century, whose years
// have fewer than four digits.
const earlyArticle = "---\ntitle: Early\ndate: 2025-03-01\ndata:\n" +
	"  early:\n    unit: coins\n    series:\n      - {date: 0050-01-13, value: 5}\n      - {date: 0051-06-13, value: 7}\n" +
	"---\nCoins from {{ early.first.date }}.\n\n```chart\ndata: early\n```\n"

// TestBrowserTooltipEarlyYear shows, in Chromium, the tooltip of a
// reading of the year 50: it gives the year with four digits, 0050, as
// the static chart, the table and the prose write it, not as 50.
func TestBrowserTooltipEarlyYear(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	dest := buildFS(t, fstest.MapFS{
		"plotline.yaml":           {Data: []byte("title: Early\nbase_url: https://example.github.io/repo/\n")},
		"content/articles/old.md": {Data: []byte(earlyArticle)},
	})
	page, err := os.ReadFile(filepath.Join(dest, "articles", "old", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "<title>13 Jan 0050: 5 coins</title>") {
		t.Fatalf("the static chart does not write 13 Jan 0050: 5 coins")
	}
	useUTC(t, ctx)
	navigate(t, ctx, serveDir(t, dest)+"articles/old/")
	charts := waitChartsPainted(t, ctx, 0.005)
	text := showTooltip(t, ctx, charts[0].Figure, "observed", 0, "coins")
	if want := "13 Jan 0050"; !strings.Contains(text, want) {
		t.Errorf("tooltip %q does not say %q", text, want)
	}
}
