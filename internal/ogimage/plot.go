package ogimage

import (
	"cmp"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Sizes of the chart's text, lines and marks, in pixels.
const (
	tickSize  = 20.0 // tick labels and the unit
	labelSize = 21.0 // the limit and crossing labels
	topRow    = 40.0 // above the plot: the unit and the crossing label
	bottomRow = 40.0 // below the plot: the date labels
	tickGap   = 12.0 // between the value labels and the plot

	gridW      = 2.0
	centralW   = 4.0
	scenarioW  = 2.0
	limitW     = 3.0
	crossingW  = 2.5
	lineW      = 3.5 // observations joined by a line
	denseLineW = 2.0 // the same, for more points than half the pixels across
	dotR       = 7.0
	ringW      = 2.5 // the background ring that lifts a dot off the band

	maxTicks = 64 // ticks beyond these are not drawn
)

// plotter draws one Plot into a rectangle of the canvas.
type plotter struct {
	cv *canvas
	t  *typesetter
	p  *Plot
	th Theme

	area rect // all of the chart, labels included
	box  rect // the plot itself

	t0, t1     float64 // Unix seconds at the left and right of box
	yMin, yMax float64

	// What labels must not cover: lines and marks as segments and boxes,
	// and the labels already placed.
	segs   [][2]pt
	boxes  []rect
	placed []rect // the labels place put down
}

func (pl *plotter) x(t time.Time) float64 {
	f := (float64(t.Unix()) + float64(t.Nanosecond())/1e9 - pl.t0) / (pl.t1 - pl.t0)
	return clampCoord(pl.box.X0 + float64(f*(pl.box.X1-pl.box.X0)))
}

func (pl *plotter) y(v float64) float64 {
	f := (v - pl.yMin) / (pl.yMax - pl.yMin)
	return clampCoord(pl.box.Y1 - float64(f*(pl.box.Y1-pl.box.Y0)))
}

// line returns pts in pixels, without the points too close to draw.
func (pl *plotter) line(pts []Point) []pt {
	out := make([]pt, len(pts))
	for i, p := range pts {
		out[i] = pt{pl.x(p.Date), pl.y(p.Value)}
	}
	return thinLine(out)
}

// drawPlot draws p into area of cv, and returns the plotter for what it
// knows of the layout.
func drawPlot(cv *canvas, t *typesetter, p *Plot, th Theme, area rect) *plotter {
	pl := &plotter{cv: cv, t: t, p: p, th: th, area: area}
	pl.t0 = float64(p.XMin.Unix()) + float64(p.XMin.Nanosecond())/1e9
	pl.t1 = float64(p.XMax.Unix()) + float64(p.XMax.Nanosecond())/1e9
	if !(pl.t1 > pl.t0) {
		// One day: a single date is drawn in the middle.
		pl.t0, pl.t1 = pl.t0-43200, pl.t0+43200
	}
	pl.yMin, pl.yMax = p.YMin, p.YMax
	if !(pl.yMax > pl.yMin) {
		pad := max(math.Abs(pl.yMin)/2, 1)
		pl.yMin, pl.yMax = pl.yMin-pad, pl.yMax+pad
	}

	yTicks := pl.valueTicks()
	widest := 0.0
	for _, tk := range yTicks {
		widest = max(widest, t.width(styleUI, tickSize, tk.Label))
	}
	widest = min(widest, (area.X1-area.X0)/3) // a label longer than that is cut by the edge
	pl.box = rect{area.X0 + widest + tickGap, area.Y0 + topRow, area.X1, area.Y1 - bottomRow}
	if pl.box.empty() {
		return pl
	}

	if s, ok := pl.shade(); ok {
		pl.cv.fillRect(s, pl.th.Projected)
	}
	pl.drawGrid(yTicks)
	pl.drawTimeAxis()
	pl.drawBand()
	pl.drawDashed(pl.p.Scenario, 3, 5, scenarioW) // the one low or high scenario, dotted
	pl.drawDashed(pl.p.Central, 16, 10, centralW) // the central projection, dashed
	pl.drawLimit()
	pl.drawCrossing()
	pl.drawObserved()
	pl.drawLabels()
	return pl
}

// valueTicks returns the ticks within the value axis, labelled.
func (pl *plotter) valueTicks() []ValueTick {
	var out []ValueTick
	eps := (pl.yMax - pl.yMin) * 1e-9
	for _, tk := range pl.p.YTicks[:min(len(pl.p.YTicks), maxTicks)] {
		if tk.Value < pl.yMin-eps || tk.Value > pl.yMax+eps {
			continue
		}
		if tk.Label == "" {
			tk.Label = formatNumber(tk.Value)
		} else {
			tk.Label, _ = cleanText(pl.t.drawable(styleUI, tk.Label), 40)
		}
		out = append(out, tk)
	}
	return out
}

// hline fills a horizontal line of width w at y, aligned to whole pixels
// so that it is crisp.
func (pl *plotter) hline(x0, x1, y, w float64, col color.NRGBA) {
	y0 := math.Round(y - w/2)
	pl.cv.fillRect(rect{x0, y0, x1, y0 + w}, col)
}

// shade returns the rectangle of the projected period, and false when
// there is none to draw.
func (pl *plotter) shade() (rect, bool) {
	if pl.p.ProjectedFrom == nil {
		return rect{}, false
	}
	r := rect{max(pl.box.X0, pl.x(*pl.p.ProjectedFrom)), pl.box.Y0, pl.box.X1, pl.box.Y1}
	if pl.p.ProjectedTo != nil {
		r.X1 = min(r.X1, pl.x(*pl.p.ProjectedTo))
	}
	return r, r.X0 < r.X1
}

func (pl *plotter) drawGrid(ticks []ValueTick) {
	t := pl.t
	capH := t.capHeight(styleUI, tickSize)
	var drawn []rect
	for _, tk := range ticks {
		y := pl.y(tk.Value)
		if math.Abs(y-pl.box.Y1) > 1 { // the time axis is drawn there
			pl.hline(pl.box.X0, pl.box.X1, y, gridW, pl.th.Grid)
		}
		base := y + capH/2
		w := t.width(styleUI, tickSize, tk.Label)
		b := rect{pl.box.X0 - tickGap - w, base - capH - 4, pl.box.X0 - tickGap, base + 4}
		if slices.ContainsFunc(drawn, b.overlaps) {
			continue // it would touch a label already drawn
		}
		t.draw(pl.cv, styleUI, tickSize, b.X0, base, tk.Label, pl.th.Muted)
		drawn = append(drawn, b)
	}
	pl.boxes = append(pl.boxes, drawn...)
}

func (pl *plotter) drawTimeAxis() {
	t := pl.t
	pl.hline(pl.box.X0, pl.box.X1, pl.box.Y1, gridW, pl.th.Axis)
	capH := t.capHeight(styleUI, tickSize)
	base := pl.box.Y1 + 12 + capH
	lastRight := math.Inf(-1)
	for _, tk := range pl.p.XTicks[:min(len(pl.p.XTicks), maxTicks)] {
		x := pl.x(tk.Date)
		if x < pl.box.X0-0.5 || x > pl.box.X1+0.5 {
			continue
		}
		x0 := math.Round(x - gridW/2)
		pl.cv.fillRect(rect{x0, pl.box.Y1, x0 + gridW, pl.box.Y1 + 8}, pl.th.Axis)
		label, _ := cleanText(t.drawable(styleUI, tk.Label), 40)
		if label == "" {
			continue
		}
		w := t.width(styleUI, tickSize, label)
		lx := min(max(x-w/2, pl.area.X0), pl.area.X1-w)
		if lx < lastRight+16 {
			continue
		}
		t.draw(pl.cv, styleUI, tickSize, lx, base, label, pl.th.Muted)
		lastRight = lx + w
	}
}

func (pl *plotter) drawBand() {
	p := pl.p
	if len(p.BandLow) == 0 || len(p.BandHigh) == 0 {
		return
	}
	hi, lo := pl.line(p.BandHigh), pl.line(p.BandLow)
	poly := make([]pt, 0, len(hi)+len(lo))
	poly = append(poly, hi...)
	for _, q := range slices.Backward(lo) {
		poly = append(poly, q)
	}
	pl.cv.fillRaw(poly, pl.box, pl.th.Band)
	pl.avoidLine(hi)
	pl.avoidLine(lo)
}

// drawDashed draws the projected values vs in the projection's colour as a
// line width wide, in dashes on pixels long with gaps of off pixels.
func (pl *plotter) drawDashed(vs []Point, on, off, width float64) {
	line := pl.line(vs)
	var polys [][]pt
	for _, piece := range clipLine(line, pl.box.grow(width)) {
		for _, d := range dashes(piece, on, off) {
			polys = strokePolys(polys, d, width)
		}
	}
	pl.cv.fill(polys, pl.box.grow(width/2), pl.th.Projection)
	pl.avoidLine(line)
}

func (pl *plotter) drawLimit() {
	if pl.p.Limit == nil {
		return
	}
	y := pl.y(*pl.p.Limit)
	if y < pl.box.Y0-limitW || y > pl.box.Y1+limitW {
		return
	}
	pl.hline(pl.box.X0, pl.box.X1, y, limitW, pl.th.Limit)
	pl.avoidLine([]pt{{pl.box.X0, y}, {pl.box.X1, y}})
}

func (pl *plotter) drawCrossing() {
	if pl.p.Crossing == nil {
		return
	}
	x := pl.x(*pl.p.Crossing)
	if x < pl.box.X0-crossingW || x > pl.box.X1+crossingW {
		return
	}
	line := []pt{{x, pl.box.Y0}, {x, pl.box.Y1}}
	var polys [][]pt
	for _, d := range dashes(line, 8, 7) {
		polys = strokePolys(polys, d, crossingW)
	}
	pl.cv.fill(polys, pl.box.grow(crossingW), pl.th.Crossing)
	pl.avoidLine(line)
}

func (pl *plotter) drawObserved() {
	p := pl.p
	if len(p.Observed) == 0 {
		return
	}
	if p.BarWidth > 0 {
		pl.drawBars()
		return
	}
	line := pl.line(p.Observed)
	clip := pl.box.grow(dotR + ringW)
	if p.ObservedLine && len(line) > 1 {
		w := lineW
		if float64(len(p.Observed)) > (pl.box.X1-pl.box.X0)/2 {
			w = denseLineW // a series that zigzags within a few pixels
		}
		var polys [][]pt
		for _, piece := range clipLine(line, pl.box.grow(w)) {
			polys = strokePolys(polys, piece, w)
		}
		pl.cv.fill(polys, pl.box.grow(w/2), pl.th.Observed)
		pl.avoidLine(line)
		if len(line) > 60 {
			return // dots would only thicken the line
		}
	}
	r := dotR
	if len(line) > 40 {
		r = dotR * 0.65
	}
	var rings, dots [][]pt
	var last pt
	for i, v := range line {
		if v.X < clip.X0 || v.X > clip.X1 || v.Y < clip.Y0 || v.Y > clip.Y1 {
			continue
		}
		if i > 0 && math.Abs(v.X-last.X) < 1 && math.Abs(v.Y-last.Y) < 1 {
			continue
		}
		last = v
		rings = append(rings, circle(v, r+ringW))
		dots = append(dots, circle(v, r))
		pl.boxes = append(pl.boxes, rect{v.X - r, v.Y - r, v.X + r, v.Y + r})
	}
	pl.cv.fill(rings, clip, pl.th.Background)
	pl.cv.fill(dots, clip, pl.th.Observed)
}

// drawBars draws the observations as bars from zero, or from the foot of
// the value axis when it does not reach zero, p.BarWidth of the plot's
// width across and at least a pixel, each kept clear of labels.
func (pl *plotter) drawBars() {
	p := pl.p
	w := max(p.BarWidth*(pl.box.X1-pl.box.X0), 1)
	y0 := pl.y(max(0, p.YMin))
	for _, o := range p.Observed {
		x, y := pl.x(o.Date), pl.y(o.Value)
		b := rect{x - w/2, min(y, y0), x + w/2, max(y, y0)}
		if b.X1 < pl.box.X0 || b.X0 > pl.box.X1 {
			continue
		}
		b.X0, b.X1 = max(b.X0, pl.box.X0), min(b.X1, pl.box.X1)
		pl.cv.fillRect(b, pl.th.Observed)
		pl.boxes = append(pl.boxes, b)
	}
}

// avoidLine adds the segments of line to what labels must not cover.
func (pl *plotter) avoidLine(line []pt) {
	for i := 1; i < len(line); i++ {
		pl.segs = append(pl.segs, [2]pt{line[i-1], line[i]})
	}
}

// free reports whether b covers nothing drawn or placed so far.
func (pl *plotter) free(b rect) bool {
	if slices.ContainsFunc(pl.boxes, b.overlaps) {
		return false
	}
	return !slices.ContainsFunc(pl.segs, func(s [2]pt) bool { return b.hitsSegment(s[0], s[1]) })
}

// label is a line of text to place at the first of its candidate
// positions that is free.
type label struct {
	st   style
	text string
	col  color.NRGBA
	w    float64 // set by measure
	capH float64
}

// candidate is a place for a label: its left end and baseline, and the
// rectangle it must lie within.
type candidate struct {
	x, base float64
	within  rect
}

// box returns the rectangle a label covers at c, with a margin.
func (l label) box(c candidate) rect {
	return rect{c.x - 5, c.base - l.capH - 6, c.x + l.w + 5, c.base + 0.3*labelSize}
}

// place draws l at the first free candidate, or at the first that fits
// its rectangle when required is set, and reports whether it drew it.
func (pl *plotter) place(l label, cands []candidate, required bool) bool {
	chosen := -1
	for i, c := range cands {
		b := l.box(c)
		if !b.inside(c.within) {
			continue
		}
		if pl.free(b) {
			chosen = i
			break
		}
		if chosen < 0 && required {
			chosen = i // unless a later one is free
		}
	}
	if chosen < 0 {
		return false
	}
	c := cands[chosen]
	b := l.box(c)
	pl.veil(b)
	pl.t.draw(pl.cv, l.st, labelSize, c.x, c.base, l.text, l.col)
	pl.boxes = append(pl.boxes, b)
	pl.placed = append(pl.placed, b)
	return true
}

// veil covers b with the colour under it, the background or the shading
// of the projected period, so that a label stays legible over gridlines,
// and over lines when no free place was found.
func (pl *plotter) veil(b rect) {
	pl.cv.fillRect(b, pl.th.Background)
	if shade, ok := pl.shade(); ok {
		if s := clipTo(b, shade); !s.empty() {
			pl.cv.fillRect(s, pl.th.Projected)
		}
	}
}

// newLabel returns a label of s at most maxW wide, as drawable leaves s:
// with no text when the fonts lack a letter of it.
func (pl *plotter) newLabel(st style, s string, col color.NRGBA, maxW float64) label {
	s, cut := cleanText(pl.t.drawable(st, s), 80)
	lines, _ := pl.t.wrap(st, labelSize, maxW, s, 1, cut)
	text := ""
	if len(lines) > 0 {
		text = lines[0]
	}
	return label{st: st, text: text, col: col, w: pl.t.width(st, labelSize, text), capH: pl.t.capHeight(st, labelSize)}
}

func (pl *plotter) drawLabels() {
	p, b, a := pl.p, pl.box, pl.area
	top := rect{a.X0, a.Y0 - 8, a.X1, b.Y0}            // the row above the plot
	inside := rect{b.X0, b.Y0, b.X1, b.Y1}             // the plot
	full := rect{a.X0, a.Y0 - 8, a.X1, b.Y1 + gridW/2} // either
	rowBase := b.Y0 - 16

	if l := pl.newLabel(styleUI, p.Unit, pl.th.Muted, (a.X1-a.X0)/2); l.text != "" {
		pl.t.draw(pl.cv, styleUI, labelSize, a.X0, rowBase, l.text, l.col)
		pl.boxes = append(pl.boxes, l.box(candidate{x: a.X0, base: rowBase}))
	}

	if p.Crossing != nil {
		x := pl.x(*p.Crossing)
		if x >= b.X0-crossingW && x <= b.X1+crossingW {
			text := cmp.Or(p.CrossingLabel, p.Crossing.Format("2 Jan 2006"))
			l := pl.newLabel(styleUIBold, text, pl.th.Crossing, (a.X1-a.X0)/2)
			centred := min(max(x-l.w/2, a.X0+5), a.X1-l.w-5)
			in := b.Y0 + l.capH + 12
			pl.place(l, []candidate{
				{centred, rowBase, top},
				{x + 12, in, inside},
				{x - 12 - l.w, in, inside},
				{x + 12, b.Y1 - 14, inside},
				{x - 12 - l.w, b.Y1 - 14, inside},
				{centred, rowBase, full},
			}, true)
		}
	}

	if p.Limit != nil {
		y := pl.y(*p.Limit)
		if y >= b.Y0-limitW && y <= b.Y1+limitW {
			l := pl.newLabel(styleUIBold, p.LimitLabel, pl.th.Limit, (b.X1-b.X0)/2)
			if l.text == "" {
				text := cmp.Or(p.LimitNumber, formatNumber(*p.Limit))
				l = pl.newLabel(styleUIBold, text, pl.th.Limit, (b.X1-b.X0)/2)
			}
			above, below := y-limitW/2-10, y+limitW/2+12+l.capH
			right, left := b.X1-10-l.w, b.X0+10
			pl.place(l, []candidate{
				{right, above, inside},
				{right, below, inside},
				{left, above, inside},
				{left, below, inside},
				{(b.X0 + b.X1 - l.w) / 2, above, inside},
				{(b.X0 + b.X1 - l.w) / 2, below, inside},
				{right, above, full},
				{right, below, full},
			}, true)
		}
	}

	if shade, ok := pl.shade(); ok {
		x := shade.X0
		text := cmp.Or(pl.p.Projected, "Projected")
		l := pl.newLabel(styleUI, text, pl.th.Muted, shade.X1-x)
		pl.place(l, []candidate{
			{x + 10, b.Y0 + l.capH + 12, shade},
			{x + 10, b.Y1 - 14, shade},
			{shade.X1 - 10 - l.w, b.Y0 + l.capH + 12, shade},
			{shade.X1 - 10 - l.w, b.Y1 - 14, shade},
		}, false)
	}
}

// formatNumber writes v for readers as the chart does: whole numbers from
// 100 up, one decimal from 1 up, two below, trailing zeros dropped,
// thousands grouped with commas.
func formatNumber(v float64) string {
	a := math.Abs(v)
	prec := 2
	switch {
	case a >= 100:
		prec = 0
	case a >= 1:
		prec = 1
	}
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intLen := strings.IndexByte(s, '.')
	if intLen < 0 {
		intLen = len(s)
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := range intLen {
		if i > 0 && (intLen-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	b.WriteString(s[intLen:])
	return b.String()
}
