package chart

import (
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/plotline/plotline/internal/data"
)

// svgWidth is the width of the SVG's viewBox; its height is the chart's.
const svgWidth = 720

// svgStyle styles the static chart through CSS custom properties, so a
// theme can recolour it (dark mode included); text and axes fall back to
// the surrounding text colour.
const svgStyle = `.plc-text{fill:var(--pl-chart-text,currentColor);font:12px system-ui,-apple-system,"Segoe UI",sans-serif}` +
	`.plc-small{font-size:11px}` +
	`.plc-grid{stroke:var(--pl-chart-grid,currentColor);stroke-opacity:.15;stroke-width:1}` +
	`.plc-axis{stroke:var(--pl-chart-axis,currentColor);stroke-opacity:.6;stroke-width:1}` +
	`.plc-projected{fill:var(--pl-chart-projected,currentColor);fill-opacity:.06}` +
	`.plc-band{fill:var(--pl-chart-projection,` + colorProjection + `);fill-opacity:.18}` +
	`.plc-central{fill:none;stroke:var(--pl-chart-projection,` + colorProjection + `);stroke-width:2;stroke-dasharray:6 4}` +
	`.plc-scenario{fill:none;stroke:var(--pl-chart-projection,` + colorProjection + `);stroke-width:1;stroke-dasharray:2 3}` +
	`.plc-limit{stroke:var(--pl-chart-limit,` + colorLimit + `);stroke-width:1.5}` +
	`.plc-crossing{stroke:var(--pl-chart-projection,` + colorProjection + `);stroke-width:1;stroke-dasharray:3 3}` +
	`.plc-line{fill:none;stroke:var(--pl-chart-observed,` + colorObserved + `);stroke-width:2}` +
	`.plc-obs,.plc-bar{fill:var(--pl-chart-observed,` + colorObserved + `)}`

// svgCanvas maps dates and values to viewBox coordinates.
type svgCanvas struct {
	left, right, top, bottom float64
	t0, t1                   float64 // Unix seconds at left and right
	y                        axisScale
}

func (c *svgCanvas) x(t time.Time) float64 {
	f := (float64(t.Unix()) - c.t0) / (c.t1 - c.t0)
	return c.left + f*(c.right-c.left)
}

func (c *svgCanvas) yv(v float64) float64 {
	f := (v - c.y.Min) / (c.y.Max - c.y.Min)
	return c.bottom - f*(c.bottom-c.top)
}

// svgWriter appends SVG markup to a byte slice.
type svgWriter struct{ b []byte }

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

// text appends s escaped for XML and HTML, without the characters XML
// forbids.
func (w *svgWriter) text(s string) { w.b = appendEscaped(w.b, s) }

// attrNum appends ` name="v"`.
func (w *svgWriter) attrNum(name string, v float64) {
	w.s(" ")
	w.s(name)
	w.s(`="`)
	w.num(v)
	w.s(`"`)
}

func (w *svgWriter) line(class string, x1, y1, x2, y2 float64) {
	w.s(`<line class="`)
	w.s(class)
	w.s(`"`)
	w.attrNum("x1", x1)
	w.attrNum("y1", y1)
	w.attrNum("x2", x2)
	w.attrNum("y2", y2)
	w.s("/>")
}

// label appends a text element; anchor is "start", "middle" or "end".
func (w *svgWriter) label(class string, x, y float64, anchor, s string) {
	w.startLabel(class, x, y, anchor)
	w.text(s)
	w.s("</text>")
}

// numberLabel appends a text element holding v as formatNumber writes it.
func (w *svgWriter) numberLabel(class string, x, y float64, anchor string, v float64) {
	w.startLabel(class, x, y, anchor)
	w.b = appendNumber(w.b, v)
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

// svg draws m as a static SVG of the given height. The SVG is labelled by
// title and described by desc, through ids made from id.
func (m *model) svg(id string, height int, title, desc string) []byte {
	w := &svgWriter{b: make([]byte, 0, 4096+40*len(m.plot)+160*len(m.obs))}
	h := float64(height)

	ticks := m.y.Ticks()
	widest := 0
	for _, v := range ticks {
		// A number is written in ASCII, a byte a character.
		var buf [32]byte
		widest = max(widest, len(appendNumber(buf[:0], v)))
	}
	c := &svgCanvas{
		left:   float64(widest)*7 + 14,
		right:  svgWidth - 16,
		top:    30,
		bottom: h - 46,
		t0:     float64(m.xMin.Unix()),
		t1:     float64(m.xMax.Unix()),
		y:      m.y,
	}

	w.s(`<svg xmlns="http://www.w3.org/2000/svg" class="plc" viewBox="0 0 `)
	w.b = strconv.AppendInt(w.b, svgWidth, 10)
	w.s(" ")
	w.b = strconv.AppendInt(w.b, int64(height), 10)
	w.s(`" width="100%" role="img" aria-labelledby="`)
	w.text(id)
	w.s(`-svg-title `)
	w.text(id)
	w.s(`-svg-desc"><title id="`)
	w.text(id)
	w.s(`-svg-title">`)
	w.text(title)
	w.s(`</title><desc id="`)
	w.text(id)
	w.s(`-svg-desc">`)
	w.text(desc)
	w.s(`</desc><style>`)
	w.s(svgStyle)
	w.s(`</style>`)

	// The projected period, behind everything else.
	if m.proj != nil && m.projFrom.Before(m.xMax) {
		x := c.x(m.projFrom)
		w.s(`<rect class="plc-projected"`)
		w.attrNum("x", x)
		w.attrNum("y", c.top)
		w.attrNum("width", c.right-x)
		w.attrNum("height", c.bottom-c.top)
		w.s("/>")
		w.label("plc-small", x+4, c.top+13, "start", "Projected")
	}

	// Gridlines and the value axis.
	for _, v := range ticks {
		y := c.yv(v)
		w.line("plc-grid", c.left, y, c.right, y)
		w.numberLabel("plc-small", c.left-6, y+4, "end", v)
	}
	if m.unit != "" {
		w.label("", 4, c.top-12, "start", m.unit)
	}

	// The time axis.
	w.line("plc-axis", c.left, c.bottom, c.right, c.bottom)
	for _, t := range dateTicks(m.xMin, m.xMax, 7) {
		x := c.x(t.Date)
		w.line("plc-axis", x, c.bottom, x, c.bottom+5)
		w.label("plc-small", x, c.bottom+18, "middle", t.Label)
	}

	if m.proj != nil {
		m.svgProjection(w, c)
	}
	if l, ok := m.limit(); ok {
		y := c.yv(l)
		w.line("plc-limit", c.left, y, c.right, y)
		ly := y - 5
		if ly < c.top+28 {
			ly = y + 15
		}
		w.label("", c.right-4, ly, "end", m.limitLabel())
	}
	if t, ok := m.crossing(); ok && m.kind == TypeProjection {
		x := c.x(t)
		w.line("plc-crossing", x, c.top, x, c.bottom)
		anchor := "middle"
		switch {
		case x+45 > svgWidth:
			anchor = "end"
		case x-45 < 0:
			anchor = "start"
		}
		w.label("", x, c.top-12, anchor, shortDate(t))
	}
	m.svgObserved(w, c)
	m.svgLegend(w, c, h)
	w.s("</svg>")
	return w.b
}

// svgProjection draws the band, the scenario lines and the central line.
func (m *model) svgProjection(w *svgWriter, c *svgCanvas) {
	points := func(f func(sample) float64) {
		for i, s := range m.plot {
			if i > 0 {
				w.s(" ")
			}
			w.num(c.x(s.Date))
			w.s(",")
			w.num(c.yv(f(s)))
		}
	}
	switch {
	case m.hasLow && m.hasHigh:
		w.s(`<polygon class="plc-band" points="`)
		points(func(s sample) float64 { return s.High })
		for i := len(m.plot) - 1; i >= 0; i-- {
			s := m.plot[i]
			w.s(" ")
			w.num(c.x(s.Date))
			w.s(",")
			w.num(c.yv(s.Low))
		}
		w.s(`"/>`)
	case m.hasLow:
		w.s(`<polyline class="plc-scenario" points="`)
		points(func(s sample) float64 { return s.Low })
		w.s(`"/>`)
	case m.hasHigh:
		w.s(`<polyline class="plc-scenario" points="`)
		points(func(s sample) float64 { return s.High })
		w.s(`"/>`)
	}
	w.s(`<polyline class="plc-central" points="`)
	points(func(s sample) float64 { return s.Central })
	w.s(`"/>`)
}

// svgObserved draws the observations as dots, a line or bars, each with a
// tooltip title.
func (m *model) svgObserved(w *svgWriter, c *svgCanvas) {
	if len(m.obs) == 0 {
		return
	}
	if m.kind == TypeLine && len(m.obs) > 1 {
		w.s(`<polyline class="plc-line" points="`)
		for i, p := range m.obs {
			if i > 0 {
				w.s(" ")
			}
			w.num(c.x(p.Date))
			w.s(",")
			w.num(c.yv(p.Value))
		}
		w.s(`"/>`)
	}
	barW := 0.0
	if m.kind == TypeBar {
		barW = min(max((c.right-c.left)/float64(len(m.obs))*0.6, 2), 24)
	}
	w.s(`<g class="plc-obs">`)
	for _, p := range m.obs {
		x, y := c.x(p.Date), c.yv(p.Value)
		if m.kind == TypeBar {
			y0 := c.yv(max(0, c.y.Min))
			w.s(`<rect class="plc-bar"`)
			w.attrNum("x", x-barW/2)
			w.attrNum("y", min(y, y0))
			w.attrNum("width", barW)
			w.attrNum("height", max(y, y0)-min(y, y0))
			w.s(">")
		} else {
			w.s(`<circle class="plc-obs"`)
			w.attrNum("cx", x)
			w.attrNum("cy", y)
			w.s(` r="4">`)
		}
		w.s("<title>")
		m.writePointText(w, p)
		w.s("</title>")
		if m.kind == TypeBar {
			w.s("</rect>")
		} else {
			w.s("</circle>")
		}
	}
	w.s(`</g>`)
}

// svgLegend draws a one-line legend under the time axis.
func (m *model) svgLegend(w *svgWriter, c *svgCanvas, h float64) {
	x, y := c.left, h-8
	item := func(label string, mark func(x, y float64)) {
		mark(x, y-4)
		x += 20
		w.label("plc-small", x, y, "start", label)
		x += float64(utf8.RuneCountInString(label))*6.2 + 18
	}
	if len(m.obs) > 0 {
		item("Observed", func(x, y float64) {
			switch m.kind {
			case TypeBar:
				w.s(`<rect class="plc-bar"`)
				w.attrNum("x", x+4)
				w.attrNum("y", y-5)
				w.s(` width="10" height="10"/>`)
			case TypeLine:
				w.line("plc-line", x, y, x+16, y)
			default:
				w.s(`<circle class="plc-obs"`)
				w.attrNum("cx", x+8)
				w.attrNum("cy", y)
				w.s(` r="4"/>`)
			}
		})
	}
	if m.proj == nil {
		return
	}
	item("Central projection", func(x, y float64) { w.line("plc-central", x, y, x+16, y) })
	switch {
	case m.hasLow && m.hasHigh:
		item("Low–high range", func(x, y float64) {
			w.s(`<rect class="plc-band"`)
			w.attrNum("x", x)
			w.attrNum("y", y-5)
			w.s(` width="16" height="10"/>`)
		})
	case m.hasLow:
		item("Low scenario", func(x, y float64) { w.line("plc-scenario", x, y, x+16, y) })
	case m.hasHigh:
		item("High scenario", func(x, y float64) { w.line("plc-scenario", x, y, x+16, y) })
	}
	if _, ok := m.limit(); ok {
		item("Limit", func(x, y float64) { w.line("plc-limit", x, y, x+16, y) })
	}
}

// writePointText writes the description of one observation, escaped:
// "13 Jan 2025: 3,000 casualties (General Staff)". The date and the
// number need no escaping.
func (m *model) writePointText(w *svgWriter, p data.Point) {
	w.b = appendDate(w.b, p.Date, false)
	w.s(": ")
	w.b = appendNumber(w.b, p.Value)
	if m.unit != "" {
		w.s(" ")
		w.text(m.unit)
	}
	if p.Label != "" {
		w.s(" (")
		w.text(p.Label)
		w.s(")")
	}
}

// plainXML reports whether c is an ASCII character appendEscaped copies as
// it is.
func plainXML(c byte) bool {
	return c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '<' && c != '>' && c != '"' && c != '\''
}

// appendEscaped appends s to b with &, <, >, " and ' escaped, dropping
// the control characters XML 1.0 does not allow. Bytes that are not
// UTF-8 become U+FFFD, one each.
func appendEscaped(b []byte, s string) []byte {
	// Most text needs no escaping: its plain start is copied in one go.
	i := 0
	for i < len(s) && plainXML(s[i]) {
		i++
	}
	b = append(b, s[:i]...)
	for i < len(s) {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			if r != 0xFFFE && r != 0xFFFF { // not allowed in XML
				b = utf8.AppendRune(b, r)
			}
			continue
		}
		i++
		switch {
		case c == '&':
			b = append(b, "&amp;"...)
		case c == '<':
			b = append(b, "&lt;"...)
		case c == '>':
			b = append(b, "&gt;"...)
		case c == '"':
			b = append(b, "&#34;"...)
		case c == '\'':
			b = append(b, "&#39;"...)
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			// not allowed in XML
		default:
			b = append(b, c)
		}
	}
	return b
}
