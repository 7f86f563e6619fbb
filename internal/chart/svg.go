package chart

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// colorGrid is the static chart's grid where the page sets no
// --pl-chart-grid (the SVG file, a feed reader); the live chart keeps
// ECharts' own there.
const colorGrid = "rgba(128,128,128,0.30)"

// svgStyle styles the static chart through CSS custom properties, so a
// theme can recolour it (dark mode included); text and axes fall back to
// the surrounding text colour. The grid and the projected period take a
// theme's colour as it is, as the live chart does, and fall back to a
// translucent grey, faint on a light page and a dark one alike. Each
// observed series has a colour slot, plc-s1 to plc-s6, which sets --c
// for its line, dots and bars.
const svgStyle = `.plc-text{fill:var(--pl-chart-text,currentColor);font:12px system-ui,-apple-system,"Segoe UI",sans-serif}` +
	`.plc-small{font-size:11px}` +
	`.plc-grid{stroke:var(--pl-chart-grid,` + colorGrid + `);stroke-width:1}` +
	`.plc-axis{stroke:var(--pl-chart-axis,currentColor);stroke-opacity:.6;stroke-width:1}` +
	`.plc-projected{fill:var(--pl-chart-projected,` + colorProjected + `)}` +
	`.plc-band{fill:var(--pl-chart-projection,` + colorProjection + `);fill-opacity:.18}` +
	`.plc-central{fill:none;stroke:var(--pl-chart-projection,` + colorProjection + `);stroke-width:2;stroke-dasharray:6 4}` +
	`.plc-scenario{fill:none;stroke:var(--pl-chart-projection,` + colorProjection + `);stroke-width:1;stroke-dasharray:2 3}` +
	`.plc-limit{stroke:var(--pl-chart-limit,` + colorLimit + `);stroke-width:1.5}` +
	`.plc-crossing{stroke:var(--pl-chart-projection,` + colorProjection + `);stroke-width:1;stroke-dasharray:3 3}` +
	`.plc-event{stroke:var(--pl-chart-axis,currentColor);stroke-opacity:.7;stroke-width:1}` +
	`.plc-line{fill:none;stroke:var(--c);stroke-width:2}` +
	`.plc-obs,.plc-bar{fill:var(--c)}` +
	`.plc-obs{stroke:var(--pl-bg,#fff);stroke-width:1}` +
	`.plc-text.plc-note-observation{fill:var(--c)}`

// beyondStyle is the rule of the central line's thinner continuation
// from until to a crossing after it, which only such a chart carries.
const beyondStyle = `.plc-beyond{fill:none;stroke:var(--pl-chart-projection,` + colorProjection + `);stroke-width:1;stroke-dasharray:6 4}`

// slotStyle returns the rule that gives colour slot n its colour.
func slotStyle(n int) string {
	v := "--pl-chart-observed"
	if n > 1 {
		v = "--pl-chart-series-" + strconv.Itoa(n)
	}
	return ".plc-s" + strconv.Itoa(n) + "{--c:var(" + v + "," + slotColor(n) + ")}"
}

// svgCanvas maps dates and values to viewBox coordinates.
type svgCanvas struct {
	left, right, top, bottom float64
	t0, t1                   float64 // Unix seconds at left and right
	y                        axisScale
	barW                     float64 // the width of a bar, on a bar chart; see fitBarWidth
}

func (c *svgCanvas) x(t time.Time) float64 {
	f := (float64(t.Unix()) - c.t0) / (c.t1 - c.t0)
	return c.left + f*(c.right-c.left)
}

func (c *svgCanvas) yv(v float64) float64 {
	f := (v - c.y.Min) / (c.y.Max - c.y.Min)
	return c.bottom - f*(c.bottom-c.top)
}

// writeData appends the attributes that record how c maps data to the
// viewBox, so that a program can read dates and values back from the
// drawing: data-plot holds the plot's left, top, right and bottom edges in
// viewBox units, data-x-range the dates at its left and right edges in
// milliseconds since 1970 (as JavaScript counts time), and data-y-range
// the values at its bottom and top edges. They change nothing drawn.
func (c *svgCanvas) writeData(w *svgWriter) {
	w.s(` data-plot="`)
	for i, v := range [...]float64{c.left, c.top, c.right, c.bottom} {
		if i > 0 {
			w.s(" ")
		}
		w.b = strconv.AppendFloat(w.b, v, 'g', -1, 64)
	}
	w.s(`" data-x-range="`)
	w.b = strconv.AppendInt(w.b, int64(c.t0)*1000, 10)
	w.s(" ")
	w.b = strconv.AppendInt(w.b, int64(c.t1)*1000, 10)
	w.s(`" data-y-range="`)
	w.b = strconv.AppendFloat(w.b, c.y.Min, 'g', -1, 64)
	w.s(" ")
	w.b = strconv.AppendFloat(w.b, c.y.Max, 'g', -1, 64)
	w.s(`"`)
}

// svgWriter appends SVG markup to a byte slice.
type svgWriter struct {
	b    []byte
	esc  bytes.Buffer // for text that needs escaping
	open string       // the element symbol left open
}

func (w *svgWriter) s(s string) { w.b = append(w.b, s...) }

// num appends v with one decimal.
func (w *svgWriter) num(v float64) {
	if !(math.Abs(v) < 1e12) { // NaN too
		w.b = strconv.AppendFloat(w.b, v, 'f', 1, 64)
		return
	}
	n := int64(math.Round(v * 10))
	if n < 0 {
		w.b = append(w.b, '-')
		n = -n
	}
	w.b = strconv.AppendInt(w.b, n/10, 10)
	w.b = append(w.b, '.', byte('0'+n%10))
}

// text appends s escaped for XML by encoding/xml, which also replaces the
// characters XML forbids; the result reads the same in HTML. A form feed,
// which HTML reads as a space and XML forbids, is written as a space
// rather than replaced (a page break in text copied from a PDF).
func (w *svgWriter) text(s string) {
	if plainText(s) {
		w.b = append(w.b, s...)
		return
	}
	w.esc.Reset()
	xml.EscapeText(&w.esc, []byte(strings.ReplaceAll(s, "\f", " "))) // writing to a bytes.Buffer does not fail
	w.b = append(w.b, w.esc.Bytes()...)
}

// plainText reports whether s is printable ASCII that XML and HTML read
// as it is, which most labels are.
func plainText(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c > 0x7e, c == '&', c == '<', c == '>', c == '"', c == '\'':
			return false
		}
	}
	return true
}

// attrNum appends ` name="v"`.
func (w *svgWriter) attrNum(name string, v float64) {
	w.s(" ")
	w.s(name)
	w.s(`="`)
	w.num(v)
	w.s(`"`)
}

// point appends x,y to a list of points, after a space unless first.
func (w *svgWriter) point(x, y float64, first bool) {
	if !first {
		w.s(" ")
	}
	w.num(x)
	w.s(",")
	w.num(y)
}

func (w *svgWriter) line(class string, x1, y1, x2, y2 float64) {
	w.startLine(class, x1, y1, x2, y2)
	w.s("/>")
}

// startLine appends a line element's start tag, left open.
func (w *svgWriter) startLine(class string, x1, y1, x2, y2 float64) {
	w.s(`<line class="`)
	w.s(class)
	w.s(`"`)
	w.attrNum("x1", x1)
	w.attrNum("y1", y1)
	w.attrNum("x2", x2)
	w.attrNum("y2", y2)
}

// group appends the start tag of a group in colour slot n.
func (w *svgWriter) group(n int) {
	w.s(`<g class="plc-s`)
	w.b = strconv.AppendInt(w.b, int64(n), 10)
	w.s(`">`)
}

// label appends a text element; anchor is "start", "middle" or "end".
func (w *svgWriter) label(class string, x, y float64, anchor, s string) {
	w.startLabel(class, x, y, anchor)
	w.text(isolated(s))
	w.s("</text>")
}

// startLabel appends the start tag of a text element.
func (w *svgWriter) startLabel(class string, x, y float64, anchor string) {
	w.s(`<text class="plc-text`)
	if class != "" {
		w.s(" ")
		w.s(class)
	}
	w.s(`"`)
	w.attrNum("x", x)
	w.attrNum("y", y)
	if anchor != "start" {
		w.s(` text-anchor="`)
		w.s(anchor)
		w.s(`"`)
	}
	w.s(">")
}

// svg draws m as laid out in l as a static SVG. The SVG is named by
// title, through an id made from id, and described by desc.
func (m *model) svg(id string, l *layout, title, desc string) []byte {
	w := &svgWriter{b: make([]byte, 0, 4096+40*len(m.plot)+60*len(m.layers[0].obs))}
	c := &l.c

	w.s(`<svg xmlns="http://www.w3.org/2000/svg" class="plc plc-`)
	w.s(l.f.name)
	w.s(`" viewBox="0 0 `)
	w.b = strconv.AppendFloat(w.b, l.f.w, 'f', -1, 64)
	w.s(" ")
	w.b = strconv.AppendFloat(w.b, l.f.h, 'f', -1, 64)
	w.s(`" width="100%"`)
	c.writeData(w)
	// Named by its title alone: a screen reader reads the name and then
	// the description, which <desc> gives, and would read the summary
	// twice were it both.
	w.s(` role="img" aria-labelledby="`)
	w.text(id)
	w.s(`-svg-title"><title id="`)
	w.text(id)
	w.s(`-svg-title">`)
	w.text(title)
	w.s(`</title><desc id="`)
	w.text(id)
	w.s(`-svg-desc">`)
	w.text(desc)
	w.s(`</desc><style>`)
	w.s(svgStyle)
	for _, ly := range m.layers {
		w.s(slotStyle(ly.slot))
	}
	if len(m.beyond) > 0 {
		w.s(beyondStyle)
	}
	w.s(`</style>`)

	// The projected period, behind everything else.
	if m.projected() {
		x := c.x(m.projFrom)
		w.s(`<rect class="plc-projected"`)
		w.attrNum("x", x)
		w.attrNum("y", c.top)
		w.attrNum("width", c.x(m.projTo)-x)
		w.attrNum("height", c.bottom-c.top)
		w.s("/>")
	}

	// Gridlines and the value axis.
	for _, v := range l.yTicks {
		y := c.yv(v)
		w.line("plc-grid", c.left, y, c.right, y)
	}
	for _, v := range l.yLabels {
		w.startLabel("plc-small", c.left-8, c.yv(v)+4, "end")
		w.b = appendValueTick(w.b, m.loc, v, c.y)
		w.s("</text>")
	}

	// The time axis.
	w.line("plc-axis", c.left, c.bottom, c.right, c.bottom)
	for _, t := range l.xTicks {
		x := c.x(t.Date)
		w.line("plc-axis", x, c.bottom, x, c.bottom+5)
	}
	for _, t := range l.xLabels {
		anchor := cmp.Or(t.Anchor, "middle")
		w.label("plc-small", c.x(t.Date), c.bottom+18, anchor, t.Label)
	}

	// Events: a thin rule each; the label is among the notes.
	for _, e := range m.events {
		x := c.x(e.Date)
		w.startLine("plc-event", x, c.top, x, c.bottom)
		w.s("><title>")
		w.b = appendDate(w.b, m.loc, nil, e.Date, false, false)
		w.text(m.words.Colon())
		w.text(e.Label)
		w.s("</title></line>")
	}

	if m.proj != nil {
		m.svgProjection(w, c)
	}
	if v, ok := m.limit(); ok {
		y := c.yv(v)
		w.line("plc-limit", c.left, y, c.right, y)
	}
	if t, ok := m.crossing(); ok && m.kind == TypeProjection {
		x := c.x(t)
		w.line("plc-crossing", x, c.top, x, c.bottom)
	}
	m.svgObserved(w, c)
	for _, n := range l.notes {
		class := "plc-note plc-note-" + n.kind
		if n.size == fontSmall {
			class += " plc-small"
		}
		if n.kind == "observation" {
			class += " plc-s" + strconv.Itoa(n.slot)
		}
		w.label(class, n.x, n.y, n.anchor, n.text)
	}
	m.svgLegend(w, l)
	w.s("</svg>")
	return w.b
}

// svgProjection draws the band, the scenario lines and the central line,
// and its thinner continuation to a crossing after until.
func (m *model) svgProjection(w *svgWriter, c *svgCanvas) {
	central := func(s sample) float64 { return s.Central }
	pointsOf := func(samples []sample, f func(sample) float64) {
		for i, s := range samples {
			w.point(c.x(s.Date), c.yv(f(s)), i == 0)
		}
	}
	points := func(f func(sample) float64) { pointsOf(m.plot, f) }
	switch {
	case m.hasLow && m.hasHigh:
		// The upper edge left to right, then the lower one back, as
		// the option draws them.
		w.s(`<polygon class="plc-band" points="`)
		points(bandUpper)
		for _, s := range slices.Backward(m.plot) {
			w.point(c.x(s.Date), c.yv(bandLower(s)), false)
		}
		w.s(`"/>`)
	case m.hasLow || m.hasHigh:
		w.s(`<polyline class="plc-scenario" points="`)
		points(m.oneScenario)
		w.s(`"/>`)
	}
	w.s(`<polyline class="plc-central" points="`)
	points(central)
	w.s(`"/>`)
	if len(m.beyond) > 0 {
		// On from until to the crossing, thinner.
		w.s(`<polyline class="plc-beyond" points="`)
		pointsOf(m.beyond, central)
		w.s(`"/>`)
	}
}

// svgObserved draws each layer's observations as dots, a line or bars, in
// its colour slot. Dots and bars carry a tooltip title while there are few
// of them; a line marks its points while there are few (observedLine).
func (m *model) svgObserved(w *svgWriter, c *svgCanvas) {
	for li, ly := range m.layers {
		pts := ly.drawn
		if len(pts) == 0 {
			continue
		}
		w.group(ly.slot)
		if m.observedLine(ly) && len(pts) > 1 {
			w.s(`<polyline class="plc-line" points="`)
			for i, p := range pts {
				w.point(c.x(p.Date), c.yv(p.Value), i == 0)
			}
			w.s(`"/>`)
		}
		if m.observedLine(ly) && len(pts) > maxMarkers {
			// Too many to mark each: a marker only where a label's run
			// starts, beside which the plot may write the label.
			all := len(pts) == len(ly.obs) // pts[i] is ly.obs[i]
			for _, i := range labelRuns(pts) {
				w.symbol(ly.slot, c.x(pts[i].Date), c.yv(pts[i].Value), 4)
				m.endPoint(w, ly, i, all)
			}
			w.s(`</g>`)
			continue
		}
		// So few are all of them (drawn is a sample only of more than
		// MaxDrawnPoints), and pts[i] is ly.obs[i].
		titles := len(pts) <= maxMarkers
		barW := c.barW
		for i, p := range pts {
			x, y := c.x(p.Date), c.yv(p.Value)
			switch m.kind {
			case TypeBar:
				x = m.barCentre(c, li, p.Date)
				y0 := c.yv(max(0, c.y.Min))
				w.open = "rect"
				w.s(`<rect class="plc-bar"`)
				w.attrNum("x", x-barW/2)
				w.attrNum("y", min(y, y0))
				w.attrNum("width", barW)
				w.attrNum("height", max(y, y0)-min(y, y0))
			default:
				w.symbol(ly.slot, x, y, 4)
			}
			m.endPoint(w, ly, i, titles)
		}
		w.s(`</g>`)
	}
}

// endPoint ends the element w opened for the observation i of ly: with
// a tooltip title saying the point, when titled, or empty.
func (m *model) endPoint(w *svgWriter, ly layer, i int, titled bool) {
	if !titled {
		w.s("/>")
		return
	}
	w.s("><title>")
	m.writePointText(w, ly, i)
	w.s("</title></")
	w.s(w.open)
	w.s(">")
}

// barCentre returns the x of the middle of the bar of layer li on date t
// on c: the bars of a date stand side by side, centred on it, the first
// layer's on the left.
func (m *model) barCentre(c *svgCanvas, li int, t time.Time) float64 {
	return c.x(t) + (float64(li)-float64(len(m.layers)-1)/2)*c.barW
}

// fitBarWidth returns the width of a bar of a bar chart drawn on c, whose
// time axis is not yet widened for its bars: 60% of the room each date
// has, shared by the blocks, at most 24 units, and no wider than 60% of
// the distance between the two nearest dates once the axis is widened, so
// that bars of dates closer than the rest (censuses ten years apart, then
// two) stand apart rather than over each other. At least 1 unit.
func (m *model) fitBarWidth(c *svgCanvas) float64 {
	slots := m.barSlots()
	if slots == 0 {
		return 0
	}
	n := float64(len(m.layers))
	span := c.right - c.left
	w := span / float64(slots) * 0.6 / n
	if gap, r := m.nearestBars(), c.t1-c.t0; gap > 0 && r > 0 {
		// The axis grows by as much, in time, as n·w takes of the plot
		// (see layout), so that gap is gap·(span-n·w)/r units wide:
		// n·w ≤ 0.6 of that for n·w ≤ 0.6·gap·span/(r+0.6·gap).
		w = min(w, 0.6*gap*span/(r+0.6*gap)/n)
	}
	return min(max(w, 1), 24)
}

// nearestBars returns the least time, in seconds, between two dates on
// which a bar chart draws bars, of any of its blocks; 0 when it draws
// bars on one date at most.
func (m *model) nearestBars() float64 {
	var dates []int64
	for _, ly := range m.layers {
		for _, p := range ly.drawn {
			dates = append(dates, p.Date.Unix())
		}
	}
	slices.Sort(dates)
	dates = slices.Compact(dates)
	gap := 0.0
	for i := 1; i < len(dates); i++ {
		if d := float64(dates[i] - dates[i-1]); gap == 0 || d < gap {
			gap = d
		}
	}
	return gap
}

// symbol starts the marker of colour slot n at x, y, r across, leaving the
// tag open; w.open names its element. The slots take a circle, a square,
// a triangle and a diamond in turn, so that series differ by more than
// colour.
func (w *svgWriter) symbol(n int, x, y, r float64) {
	switch (n - 1) % 4 {
	case 1:
		w.open = "rect"
		w.s(`<rect class="plc-obs"`)
		w.attrNum("x", x-r)
		w.attrNum("y", y-r)
		w.attrNum("width", 2*r)
		w.attrNum("height", 2*r)
	case 2, 3:
		w.open = "polygon"
		w.s(`<polygon class="plc-obs" points="`)
		if (n-1)%4 == 2 { // a triangle
			w.point(x, y-1.2*r, true)
			w.point(x+1.1*r, y+0.8*r, false)
			w.point(x-1.1*r, y+0.8*r, false)
		} else { // a diamond
			w.point(x, y-1.3*r, true)
			w.point(x+1.1*r, y, false)
			w.point(x, y+1.3*r, false)
			w.point(x-1.1*r, y, false)
		}
		w.s(`"`)
	default:
		w.open = "circle"
		w.s(`<circle class="plc-obs"`)
		w.attrNum("cx", x)
		w.attrNum("cy", y)
		w.attrNum("r", r)
	}
}

// svgLegend draws the legend where l placed it.
func (m *model) svgLegend(w *svgWriter, l *layout) {
	for _, it := range l.legend {
		x, y := it.x, it.y+6 // the middle of the row, as ECharts draws it
		switch it.mark {
		case "bar":
			w.s(`<rect class="plc-bar plc-s`)
			w.b = strconv.AppendInt(w.b, int64(it.slot), 10)
			w.s(`"`)
			w.attrNum("x", x+3)
			w.attrNum("y", y-5)
			w.s(` width="10" height="10"/>`)
		case "line":
			w.group(it.slot)
			w.line("plc-line", x, y, x+legendMark, y)
			w.s(`</g>`)
		case "dot":
			w.group(it.slot)
			w.symbol(it.slot, x+legendMark/2, y, 4)
			w.s(`/></g>`)
		case "central", "scenario", "limit":
			w.line("plc-"+it.mark, x, y, x+legendMark, y)
		case "band":
			w.s(`<rect class="plc-band"`)
			w.attrNum("x", x)
			w.attrNum("y", y-5)
			w.s(` width="16" height="10"/>`)
		}
		w.label("plc-small", x+legendTextAt, y+4, "start", it.text)
	}
}

// writePointText writes the description of observation i of ly, one it
// draws every observation of, escaped: "South Korea: 13 Jan 2025: 3,000
// casualties (ISW estimate)".
func (m *model) writePointText(w *svgWriter, ly layer, i int) {
	if len(m.layers) > 1 {
		w.text(ly.name)
		w.text(m.words.Colon())
	}
	p := &ly.obs[i]
	date, value := ly.reading(m.loc, m.timed, i)
	w.b = append(w.b, date...)
	w.text(m.words.Colon())
	w.b = append(w.b, value...)
	if ly.unit != "" {
		w.s(" ")
		w.text(ly.unit)
	}
	if p.Label != "" {
		w.s(" (")
		w.text(p.Label)
		w.s(")")
	}
}
