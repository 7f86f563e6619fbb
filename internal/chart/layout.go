package chart

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/words"
)

// A chart is laid out twice, in two frames: a wide one for figures at
// least breakpoint CSS pixels wide, and a narrow one, taller than it is
// wide, for phones. The static chart has one SVG per frame, and the page's
// style sheet shows the one that fits; the live chart draws the frame's
// layout at the frame's size and is scaled to the figure, as the SVG is.
// So both renderings put every label at the same place, and the layout
// below decides once where each goes: tick labels thinned so that none
// overlap, the labels above the plot stacked in lanes, the limit's label
// where no line crosses it.
const (
	wideWidth   = 720
	narrowWidth = 320
	// breakpoint is the narrowest figure, in CSS pixels, that shows the
	// wide frame; theme/css/plotline.css repeats it.
	breakpoint = 560
	// minNarrowPlot is the least height of the narrow frame's plot, in
	// its units: 200 CSS pixels on a 390-pixel phone, whose figure is
	// 350 pixels wide.
	minNarrowPlot = 200 * narrowWidth / 350
)

// Font sizes of the chart's text, in frame units.
const (
	fontSmall = 11 // ticks, legend, observation labels
	fontText  = 12 // the unit, the limit, crossing and event labels
)

// frame is the space a chart is laid out in.
type frame struct {
	name string // "wide" or "narrow"
	w, h float64
}

// frames returns the wide and the narrow frame of a chart whose wide frame
// is height tall. The narrow one is 60 units taller, and tall enough for
// its plot to keep minNarrowPlot whatever the height.
func frames(height int) [2]frame {
	h := float64(height)
	return [2]frame{
		{"wide", wideWidth, h},
		{"narrow", narrowWidth, max(h+60, minNarrowPlot+140)},
	}
}

// box is a rectangle in frame units, x0 < x1 and y0 < y1.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

func (a box) grow(d float64) box { return box{a.x0 - d, a.y0 - d, a.x1 + d, a.y1 + d} }

func (a box) inside(b box) bool {
	return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1
}

// crosses reports whether the segment from p to q runs through a.
func (a box) crosses(px, py, qx, qy float64) bool {
	// Liang–Barsky clipping of the segment to the box.
	t0, t1 := 0.0, 1.0
	dx, dy := qx-px, qy-py
	for _, e := range [4][2]float64{{-dx, px - a.x0}, {dx, a.x1 - px}, {-dy, py - a.y0}, {dy, a.y1 - py}} {
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

// glyphWidths are the advance widths of the printable ASCII characters,
// from the space on, in thousandths of an em, in DejaVu Sans: the font a
// Linux desktop gives system-ui and sans-serif, and wider than those of
// macOS, Windows and Android, so that text measured with them takes at
// most the room the layout gives it.
var glyphWidths = [95]uint16{
	318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
	636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
	1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
	603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
	500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
	635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
}

// textWidth estimates the width of s set in the chart's font at size.
// Characters beyond ASCII count as wide as an M, or an em for the wide
// scripts; the letters of Hebrew and Arabic, joined in words, and the
// Arabic-Indic digits, as wide as the widest of their words in DejaVu Sans
// (Arabic month names 0.34 to 0.76 of an em a letter, Hebrew 0.49 to
// 0.71, ٢٠٢٤ 0.54), so that a chart in those languages keeps the labels
// there is room for.
func textWidth(s string, size float64) float64 {
	w := 0
	for _, r := range s {
		w += runeUnits(r)
	}
	return unitsWidth(w, size)
}

// unitsWidth is the width at size of text of w thousandths of an em.
func unitsWidth(w int, size float64) float64 {
	return float64(w) * size / 1000 * 1.02
}

// runeUnits is the width of r, in thousandths of an em (see textWidth).
func runeUnits(r rune) int {
	switch {
	case r >= ' ' && r <= '~':
		return int(glyphWidths[r-' '])
	case r >= 0x2066 && r <= 0x2069:
		return 0 // the marks of isolated (no width)
	case r >= 0x0660 && r <= 0x066c || r >= 0x06f0 && r <= 0x06f9:
		return 640 // Arabic-Indic digits and separators
	case r >= 0x0590 && r <= 0x05ff:
		return 720 // Hebrew
	case r >= 0x0600 && r <= 0x06ff || r >= 0x0750 && r <= 0x077f:
		return 800 // Arabic
	case r >= 0x1100:
		return 1000
	}
	return 863
}

// label is a piece of text placed in a frame: its anchor point on the
// baseline, and how the text stands on it.
type label struct {
	text   string
	x, y   float64
	anchor string // "start", "middle" or "end"
	size   float64
	kind   string // "unit", "crossing", "event", "limit", "projected" or "observation"
	slot   int    // the colour slot of an observation label
}

// box returns the room l takes: from its ascent to its descent, with the
// width textWidth gives.
func (l label) box() box {
	w := textWidth(l.text, l.size)
	x0 := l.x
	switch l.anchor {
	case "middle":
		x0 -= w / 2
	case "end":
		x0 -= w
	}
	return box{x0, l.y - 0.93*l.size, x0 + w, l.y + 0.24*l.size}
}

// legendItem is one entry of the legend: its mark and its text.
type legendItem struct {
	name string // the series' name
	// text is the name as the legend shows it: shortened to the frame's
	// width when it is wider.
	text string
	mark string // "dot", "line", "bar", "central", "band", "scenario" or "limit"
	slot int    // the colour slot of an observed series
	x, y float64
}

// Legend metrics, as ECharts draws its legend with the option's settings.
const (
	legendMark   = 16 // the width of a mark
	legendMarkH  = 10
	legendGap    = 18 // between two items
	legendTextAt = 21 // where the text starts, from the mark's left
	legendStep   = 18 // from one row to the next
)

// layout is a chart laid out in one frame.
type layout struct {
	f       frame
	c       svgCanvas
	xTicks  []dateTick // every tick of the time axis
	xLabels []dateTick // the ticks whose labels are shown
	yTicks  []float64
	yLabels []float64 // the ticks whose labels are shown
	notes   []label   // the unit and every label on or above the plot
	legend  []legendItem
	rows    int // of the legend
	// lines are the segments drawn on the plot (data lines, rules,
	// markers' outlines), which the limit's and the observations' labels
	// keep clear of.
	lines [][4]float64
	boxes []box // markers and bars, likewise
	// limitInLegend is the limit's value as the legend's entry says it
	// when no label found room on the plot, and "" otherwise.
	limitInLegend string
	// unlabelled are the events whose labels found no room above the
	// plot, in date order: their rules stand without them.
	unlabelled []Event
	// labelled counts the observations whose label the plot would show
	// where it fits: each that starts a run of one label.
	labelled int
}

// yTickLabel is the text of the value tick v of the axis a.
func yTickLabel(loc *locale.Locale, v float64, a axisScale) string {
	var b [48]byte
	return string(appendValueTick(b[:0], loc, v, a))
}

// layout lays m out in f.
func (m *model) layout(f frame) *layout {
	l := &layout{f: f}
	l.yTicks = m.y.Ticks()
	widest := 0.0
	for _, v := range l.yTicks {
		widest = max(widest, textWidth(yTickLabel(m.loc, v, m.y), fontSmall))
	}
	c := &l.c
	c.left = math.Ceil(widest) + 12
	c.right = f.w - 16
	c.t0, c.t1 = float64(m.xMin.Unix()), float64(m.xMax.Unix())
	c.y = m.y
	c.barW = m.fitBarWidth(c)
	if w := c.barW; w > 0 {
		// ECharts widens a time axis that carries bars so that the bars
		// at its ends fit inside the plot: the blocks' bars of a date
		// stand side by side, n·w wide, centred on it, and the axis grows
		// by as much, in time, as n·w takes of the plot. The static chart
		// does the same, so that both put every bar at the same place.
		n := float64(len(m.layers))
		if span := c.right - c.left; n*w < span {
			r := c.t1 - c.t0
			grow := r/(1-n*w/span) - r
			c.t0 -= grow / 2
			c.t1 += grow / 2
			c.t0 = max(c.t0, float64(data.FirstDay().Unix()))
			c.t1 = min(c.t1, float64(m.lastDate().Unix()))
		}
	}

	l.pickDateTicks(m)
	lanes := l.placeTopLabels(m)
	l.placeLegend(m, 0)

	c.top = 14
	if lanes > 0 {
		c.top = 30 + 16*float64(lanes-1)
	}
	c.bottom = f.h - 24 - legendStep*float64(l.rows)
	for i := range l.legend {
		l.legend[i].y += c.bottom + 28
	}
	// Lanes count down from the top of the frame.
	for i := range l.notes {
		l.notes[i].y = 18 + 16*l.notes[i].y
	}

	// Value labels at least 14 units apart.
	step := 1
	for n := len(l.yTicks); step < n && (c.bottom-c.top)/float64(n-1)*float64(step) < 14; step++ {
	}
	for i, v := range l.yTicks {
		if i%step == 0 {
			l.yLabels = append(l.yLabels, v)
		}
	}

	l.collectLines(m)
	l.placeProjected(m)
	l.placeLimit(m)
	// The limit's line, written along above or below, is one more line
	// the labels of observations keep clear of.
	if v, ok := m.limit(); ok {
		l.lines = append(l.lines, [4]float64{c.left, c.yv(v), c.right, c.yv(v)})
	}
	l.placeObservationLabels(m)
	return l
}

// pickDateTicks chooses the finest round step of dates whose labels fit
// the plot's width without touching, and keeps the labels that stay
// inside the frame.
func (l *layout) pickDateTicks(m *model) {
	c := &l.c
	from, to := m.xMin, m.xMax
	// A tick every 80 units at most, labelled or not.
	most := int((c.right-c.left)/80) + 1
	var best, spare []dateTick
	var step, spareStep dateStep
	days := to.Sub(from).Hours() / 24
	for _, st := range dateSteps {
		if st.hours > 0 && !m.timed {
			continue // days are the finest step of dates
		}
		if m.grain == data.ByMonth && st.hours+st.days > 0 || m.grain == data.ByYear && st.years == 0 {
			continue // nor finer than the dates as written: months, years
		}
		if days/st.approxDays() > float64(most)+1 {
			continue // too many ticks, without making them
		}
		if st.months > 0 && m.align.months > 1 && st.months%m.align.months != 0 {
			continue // quarters ticked every two months: half beside a point
		}
		ticks := stepTicks(m.loc, from, to, st, m.align)
		if len(ticks) > most {
			if len(ticks) == most+1 {
				// Kept in case every coarser step leaves one label.
				spare, spareStep = ticks, st
			}
			continue
		}
		if len(ticks) < 2 && spare != nil {
			first := spare[0]
			first.Label = firstLabel(m.loc, first, spareStep)
			if ticksFit(c, append([]dateTick{first}, spare[1:]...)) {
				// One tick more than wanted, but two dates or more.
				best, step = spare, spareStep
				break
			}
		}
		best, step = ticks, st
		if len(ticks) > 0 {
			// Fitted with the first label as it is shown.
			first := ticks[0]
			first.Label = firstLabel(m.loc, first, st)
			if ticksFit(c, append([]dateTick{first}, ticks[1:]...)) {
				break
			}
		}
	}
	l.xTicks = best
	for i, t := range best {
		if len(l.xLabels) == 0 {
			t.Label = firstLabel(m.loc, t, step)
		}
		// A label centred on its tick that would run out of the frame
		// is kept inside it, when it is the first label or the last
		// tick: it starts or ends at its tick instead (ECharts'
		// alignMinLabel and alignMaxLabel), so that a time axis ending
		// on a round date, such as 1 January, says that date.
		x := c.x(t.Date)
		w := textWidth(t.Label, fontSmall)
		switch {
		case x-w/2 >= 2 && x+w/2 <= l.f.w-2:
		case len(l.xLabels) == 0 && x >= 2 && x+w <= l.f.w-2:
			t.Anchor = "start"
		case i == len(best)-1 && x-w >= 2 && x <= l.f.w-2:
			t.Anchor = "end"
		default:
			continue
		}
		l.xLabels = append(l.xLabels, t)
	}
	// A label kept inside the frame may reach its neighbour: the date at
	// the end of the axis wins over the one next to it.
	if n := len(l.xLabels); n > 2 && l.xLabels[n-1].Anchor == "end" && !ticksFit(c, l.xLabels[n-2:]) {
		l.xLabels = slices.Delete(l.xLabels, n-2, n-1)
	}
	if len(l.xLabels) > 2 && l.xLabels[0].Anchor == "start" && !ticksFit(c, l.xLabels[:2]) {
		l.xLabels[1] = l.xLabels[0]
		l.xLabels = l.xLabels[1:]
	}
	if !ticksFit(c, l.xLabels) {
		// Even the coarsest step does not fit: every other label, from
		// the first, which says the year; and the last when it ends the
		// axis, in place of the one before it.
		var half []dateTick
		last := len(l.xLabels) - 1
		for i, t := range l.xLabels {
			switch {
			case i == last && l.xLabels[last].Anchor == "end":
				half = append(half, t)
			case i == last-1 && l.xLabels[last].Anchor == "end" && i%2 == 0:
			case i%2 == 0:
				half = append(half, t)
			}
		}
		l.xLabels = half
	}
}

// firstLabel returns the label of t, a tick of step, when it is the first
// label shown: it says the year, and the day of an hour, in the language
// of loc.
func firstLabel(loc *locale.Locale, t dateTick, step dateStep) string {
	switch {
	case step.months > 0:
		return loc.Date(t.Date, locale.MonthYear)
	case step.days > 0 || step.hours > 0 && !data.HasTime(t.Date):
		return loc.Date(t.Date, locale.Medium)
	case step.hours > 0:
		return loc.Date(t.Date, locale.Medium) + " " + loc.Digits(t.Date.Format("15:04"))
	}
	return t.Label
}

// ticksFit reports whether the labels of ticks keep 10 units apart.
func ticksFit(c *svgCanvas, ticks []dateTick) bool {
	prevEnd := math.Inf(-1)
	for _, t := range ticks {
		x0, x1 := t.span(c)
		if x0 < prevEnd+10 {
			return false
		}
		prevEnd = x1
	}
	return true
}

// maxLanes is how many rows of labels may stand above the plot.
const maxLanes = 3

// placeTopLabels puts the unit, the crossing date and the events' labels
// above the plot (the unit at the left, shortened to the frame's width),
// in the first lane where it touches nothing. A label of a line (the
// crossing's, an event's) stands at its line: centred on it where there
// is room, else slid along the lane as little as will do, as far as
// starting or ending beside it, so that the room beside a label is used
// before it is cut. It spans no other labelled line where it can help it:
// of two lines close together, one label above the other, both across
// both lines, read as one label of one line, and slid apart each reads as
// its own line's. A label that finds no place is shortened until it
// does, or left out (the table and the summary list every event, and
// name the unit in full). The labels are placed in date order, the
// crossing's first; where that leaves a label across another's line or
// cut short, the events are placed in reverse too, and the crossing's
// label last, and the order that does best is kept (of at most
// maxReordered labels). It returns the number of lanes used. The lane of
// each label is kept in its y until the top of the plot is known.
func (l *layout) placeTopLabels(m *model) int {
	var wants []topWant
	if m.unit != "" {
		wants = append(wants, topWant{fitText(m.unit, fontText, l.f.w-8), 4, "unit", -1})
	}
	if t, ok := m.crossing(); ok && m.kind == TypeProjection {
		wants = append(wants, topWant{m.crossingDate(&m.proj.Central, false), l.c.x(t), "crossing", -1})
	}
	for i, e := range m.events {
		wants = append(wants, topWant{e.Label, l.c.x(e.Date), "event", i})
	}
	best := l.stackTopLabels(wants)
	if best.worse > 0 && len(wants) <= maxReordered {
		// The events in reverse, and the crossing's label last.
		lines := slices.IndexFunc(wants, func(w topWant) bool { return w.kind != "unit" })
		if lines < 0 {
			lines = len(wants)
		}
		events := lines
		if lines < len(wants) && wants[lines].kind == "crossing" {
			events++
		}
		back := slices.Clone(wants[events:])
		slices.Reverse(back)
		for _, order := range [][]topWant{
			slices.Concat(wants[:events], back),
			slices.Concat(wants[:lines], wants[events:], wants[lines:events]),
			slices.Concat(wants[:lines], back, wants[lines:events]),
		} {
			if t := l.stackTopLabels(order); t.worse < best.worse {
				best = t
			}
		}
	}
	l.notes = append(l.notes, best.notes...)
	for _, i := range best.unlabelled {
		l.unlabelled = append(l.unlabelled, m.events[i])
	}
	return best.lanes
}

// maxReordered bounds the labels above the plot that are placed in
// another order where the first leaves one across a line or cut short:
// three rows hold few labels, and of more than that most go unlabelled
// in any order.
const maxReordered = 16

// topWant is a label wanted above the plot.
type topWant struct {
	text  string
	x     float64
	kind  string
	event int // the index of the event in m.events, for an event's label
}

// topStack is the labels above the plot as stackTopLabels placed them.
type topStack struct {
	notes      []label
	unlabelled []int // the events left without their labels, in date order
	lanes      int
	// worse counts the lines a label is placed across, the labels
	// shortened, and twice those left out.
	worse int
}

// stackTopLabels places wants in their order (see placeTopLabels).
func (l *layout) stackTopLabels(wants []topWant) topStack {
	var st topStack
	// The lines that carry a label, which another label keeps off, in
	// order.
	var marks []float64
	for _, w := range wants {
		if w.kind != "unit" {
			marks = append(marks, w.x)
		}
	}
	slices.Sort(marks)
	var placed [maxLanes][]box
	for _, w := range wants {
		text := w.text
		for text != "" {
			lb := label{text: text, x: w.x, anchor: "middle", size: fontText, kind: w.kind}
			lane := -1
			if w.kind == "unit" {
				// The first of every order placeTopLabels tries: the
				// first lane is empty.
				lb.anchor, lane = "start", 0
				b := lb.box()
				placed[0] = append(placed[0], box{b.x0 - topGap, 0, b.x1 + topGap, 1})
			} else {
				var x0 float64
				var across int
				x0, lane, across = l.slideTopLabel(text, w.x, marks, &placed)
				if lane >= 0 {
					lb.x = x0 + textWidth(text, fontText)/2
					st.worse += across
				}
			}
			if lane >= 0 {
				lb.y = float64(lane)
				st.notes = append(st.notes, lb)
				st.lanes = max(st.lanes, lane+1)
				break
			}
			text = shorten(text)
		}
		switch {
		case text == "":
			st.worse += 2
			if w.event >= 0 {
				st.unlabelled = append(st.unlabelled, w.event)
			}
		case text != w.text:
			st.worse++
		}
	}
	slices.Sort(st.unlabelled)
	return st
}

// marksWithin counts the values of marks, in order, between a and b,
// both left out.
func marksWithin(marks []float64, a, b float64) int {
	if a >= b {
		return 0
	}
	i, found := slices.BinarySearch(marks, a)
	for found && i < len(marks) && marks[i] == a {
		i++
	}
	j, _ := slices.BinarySearch(marks, b)
	return max(j-i, 0)
}

// Room about the labels above the plot: topGap between two labels of a
// lane; markGap at most between a line and a label that starts or ends
// beside it, and at least between a label and another's line it keeps
// off.
const (
	topGap  = 8
	markGap = 2
)

// slideTopLabel finds the place of text, a label of the line at x above
// the plot: the lane and the left end nearest to centring it on x, inside
// the frame, touching no label placed (with topGap on each side), and
// spanning x or ending markGap beside it. A place across fewer other
// lines of marks is taken over one across more; of those, the label
// centred (in the lowest lane) over one slid, and of those slid the
// lowest lane. The lane is -1 where there is none, and across counts the
// lines the place is across. The place found is added to placed.
func (l *layout) slideTopLabel(text string, x float64, marks []float64, placed *[maxLanes][]box) (x0 float64, lane, across int) {
	w := textWidth(text, fontText)
	lo := max(x-w-markGap, 2)
	hi := min(x+markGap, l.f.w-w-2)
	if lo > hi {
		return 0, -1, 0
	}
	want := min(max(x-w/2, lo), hi) // centred, or as near as the frame allows
	// The left ends where a label may stand: centred, ending or starting
	// beside its line (away from a line close by, and clear of it), and
	// against a label of a lane.
	cands := []float64{want, lo, hi}
	lane = -1
	for i := range maxLanes {
		lc := cands
		for _, b := range placed[i] {
			lc = append(lc, b.x1+topGap, b.x0-topGap-w)
		}
		for _, c := range lc {
			if c < lo || c > hi || slices.ContainsFunc(placed[i], box{c - topGap, 0, c + w + topGap, 1}.overlaps) {
				continue
			}
			n := marksWithin(marks, c-markGap, c+w+markGap) - marksWithin(marks, max(c-markGap, x-markGap), min(c+w+markGap, x+markGap+1e-9))
			slid := c != want
			if lane < 0 || n < across || n == across && (!slid && x0 != want || slid == (x0 != want) && i == lane && math.Abs(c-want) < math.Abs(x0-want)) {
				x0, lane, across = c, i, n
			}
		}
	}
	if lane >= 0 {
		placed[lane] = append(placed[lane], box{x0 - topGap, 0, x0 + w + topGap, 1})
	}
	return x0, lane, across
}

// fitText returns s when it is no wider than width at size, and else as
// many of its first characters as fit with an ellipsis after them.
func fitText(s string, size, width float64) string {
	if textWidth(s, size) <= width {
		return s
	}
	room := width - textWidth("…", size)
	end := 0
	for i, r := range s {
		room -= textWidth(string(r), size)
		if room < 0 {
			break
		}
		end = i + utf8.RuneLen(r)
	}
	return clipNumber(s, end) + "…"
}

// shorten returns s less its last character, with an ellipsis, or less
// the number that would be cut short; "" when too little would be left
// to read.
func shorten(s string) string {
	s = strings.TrimSuffix(s, "…")
	if utf8.RuneCountInString(s) <= 4 {
		return ""
	}
	_, last := utf8.DecodeLastRuneInString(s)
	head := clipNumber(s, len(s)-last)
	if head == "" {
		return ""
	}
	return head + "…"
}

// clipRunes returns the first n characters of s with an ellipsis, less
// a number they would cut short.
func clipRunes(s string, n int) string {
	end := len(s)
	for i := range s {
		if n == 0 {
			end = i
			break
		}
		n--
	}
	return clipNumber(s, end) + "…"
}

// clipNumber returns s[:end], or, where end falls inside a word that
// holds a digit, the text before that word: a number cut short reads as
// another number ("56,7" of "56,789", "202" of 2025), so a shortened
// label leaves it out whole. A word without digits is cut where end
// falls.
func clipNumber(s string, end int) string {
	head := s[:end]
	if head == "" || end == len(s) {
		return head
	}
	before, _ := utf8.DecodeLastRuneInString(head)
	after, _ := utf8.DecodeRuneInString(s[end:])
	if unicode.IsSpace(before) || unicode.IsSpace(after) {
		return head
	}
	start := strings.LastIndexFunc(head, unicode.IsSpace) + 1
	word := s[start:]
	if i := strings.IndexFunc(word, unicode.IsSpace); i >= 0 {
		word = word[:i]
	}
	if !strings.ContainsFunc(word, unicode.IsDigit) {
		return head
	}
	return strings.TrimRightFunc(head[:start], unicode.IsSpace)
}

// placeLegend lays the legend's entries out in rows inside the frame's
// width, each shortened to fit a row, the first row at y top (0 until
// the plot's bottom is known, and the rows are moved below it).
func (l *layout) placeLegend(m *model, top float64) {
	items := m.legendItems(l.limitInLegend)
	x, row := 8.0, 0
	for i, it := range items {
		it.text = fitText(it.name, fontSmall, l.f.w-16-legendTextAt)
		w := legendTextAt + textWidth(it.text, fontSmall)
		if i > 0 && x+w > l.f.w-8 {
			x, row = 8, row+1
		}
		it.x, it.y = x, top+float64(row)*legendStep
		l.legend = append(l.legend, it)
		x += w + legendGap
	}
	l.rows = row + 1
	if len(items) == 0 {
		l.rows = 0
	}
}

// collectLines gathers the segments and boxes the plot draws.
func (l *layout) collectLines(m *model) {
	c := &l.c
	add := func(x1, y1, x2, y2 float64) { l.lines = append(l.lines, [4]float64{x1, y1, x2, y2}) }
	curve := func(samples []sample, f func(sample) float64) {
		for i := 1; i < len(samples); i++ {
			a, b := samples[i-1], samples[i]
			add(c.x(a.Date), c.yv(f(a)), c.x(b.Date), c.yv(f(b)))
		}
	}
	if m.proj != nil {
		central := func(s sample) float64 { return s.Central }
		curve(m.plot, central)
		curve(m.beyond, central)
		if m.hasLow {
			curve(m.plot, func(s sample) float64 { return s.Low })
		}
		if m.hasHigh {
			curve(m.plot, func(s sample) float64 { return s.High })
		}
	}
	if t, ok := m.crossing(); ok && m.kind == TypeProjection {
		add(c.x(t), c.top, c.x(t), c.bottom)
	}
	for _, e := range m.events {
		add(c.x(e.Date), c.top, c.x(e.Date), c.bottom)
	}
	barW := c.barW
	for li, ly := range m.layers {
		pts := ly.drawn
		if m.kind == TypeLine {
			for i := 1; i < len(pts); i++ {
				add(c.x(pts[i-1].Date), c.yv(pts[i-1].Value), c.x(pts[i].Date), c.yv(pts[i].Value))
			}
		}
		for _, p := range pts {
			x, y := c.x(p.Date), c.yv(p.Value)
			if m.kind == TypeBar {
				// The bar as it is drawn, beside the other blocks' bars
				// of its date.
				bx, half := m.barCentre(c, li, p.Date), max(barW/2, 6)
				y0 := c.yv(max(0, c.y.Min))
				l.boxes = append(l.boxes, box{bx - half, min(y, y0), bx + half, max(y, y0)})
			} else {
				l.boxes = append(l.boxes, box{x - 5, y - 5, x + 5, y + 5})
			}
		}
	}
}

// free reports whether b lies inside the plot and clear of every line,
// marker and label placed so far.
func (l *layout) free(b box) bool {
	c := &l.c
	return b.inside(box{c.left, c.top, c.right, c.bottom}) &&
		!slices.ContainsFunc(l.lines, func(s [4]float64) bool { return b.crosses(s[0], s[1], s[2], s[3]) }) &&
		!slices.ContainsFunc(l.boxes, b.overlaps) && !slices.ContainsFunc(l.notes, func(n label) bool { return b.overlaps(n.box().grow(2)) })
}

// placeProjected writes "Projected" at the top left of the projected
// period, or at its foot, where it touches nothing and stays inside the
// period.
func (l *layout) placeProjected(m *model) {
	if !m.projected() {
		return
	}
	x := l.c.x(m.projFrom) + 4
	for _, y := range []float64{l.c.top + 13, l.c.bottom - 5} {
		lb := label{text: m.words.Text(words.Projected), x: x, y: y, anchor: "start", size: fontSmall, kind: "projected"}
		if b := lb.box().grow(1); l.free(b) && b.x1 <= l.c.x(m.projTo) {
			l.notes = append(l.notes, lb)
			return
		}
	}
}

// placeLimit writes the limit's value along its line, above or below it,
// at the right end, the left end or the middle: the first place where no
// line crosses it and it touches no other label. Where none is free, the
// legend's entry says the value.
func (l *layout) placeLimit(m *model) {
	v, ok := m.limit()
	if !ok {
		return
	}
	c := &l.c
	y := c.yv(v)
	// The value with its unit, on the plot or else in the legend's entry;
	// where neither has room, the value alone (the value axis says the
	// unit too). The legend keeps as many rows as the plot was laid out
	// for: a longer one would move the plot. A value that fits nowhere is
	// left to the table.
	rows := l.rows
	for _, text := range slices.Compact([]string{m.limitLabel(), m.limitNumber()}) {
		for _, p := range []struct {
			x, y   float64
			anchor string
		}{
			{c.right - 4, y - 5, "end"}, {c.right - 4, y + 15, "end"},
			{c.left + 4, y - 5, "start"}, {c.left + 4, y + 15, "start"},
			{(c.left + c.right) / 2, y - 5, "middle"}, {(c.left + c.right) / 2, y + 15, "middle"},
		} {
			lb := label{text: text, x: p.x, y: p.y, anchor: p.anchor, size: fontText, kind: "limit"}
			if l.free(lb.box().grow(1)) {
				l.notes = append(l.notes, lb)
				return
			}
		}
		l.limitInLegend, l.legend = text, nil
		l.placeLegend(m, c.bottom+28)
		if l.rows == rows {
			return
		}
		l.limitInLegend, l.legend = "", nil
		l.placeLegend(m, c.bottom+28)
	}
}

// MaxObservationLabels is the most observations' labels a chart shows on
// its plot: the latest, where they fit; maxObservationLabel bounds the
// characters of such a label.
const (
	MaxObservationLabels = 4
	maxObservationLabel  = 36
)

// placeObservationLabels writes next to its point the label of each
// observation that starts a run of observations labelled alike, where it
// fits: right of the point, left of it, above or below, clear of every
// line, marker and label. Of more such points than MaxObservationLabels,
// it labels the latest ones, the last of them in date order; the others
// are left to the tooltip and the table, as are those that find no room.
func (l *layout) placeObservationLabels(m *model) {
	type cand struct {
		found, layer int // found counts the candidates in the order found
		p            data.Point
	}
	var cands []cand
	for li, ly := range m.layers {
		for _, i := range labelRuns(ly.drawn) {
			cands = append(cands, cand{len(cands), li, ly.drawn[i]})
		}
	}
	l.labelled = len(cands)
	if n := len(cands); n > MaxObservationLabels {
		// The latest: the last MaxObservationLabels in date order (of
		// one date, the later blocks'), placed in the order found.
		slices.SortStableFunc(cands, func(a, b cand) int { return a.p.Date.Compare(b.p.Date) })
		cands = cands[n-MaxObservationLabels:]
		slices.SortFunc(cands, func(a, b cand) int { return a.found - b.found })
	}
	c := &l.c
	for _, cd := range cands {
		text := cd.p.Label
		if utf8.RuneCountInString(text) > maxObservationLabel {
			text = clipRunes(text, maxObservationLabel-1)
		}
		x, y := c.x(cd.p.Date), c.yv(cd.p.Value)
		side := 8.0 // from the middle of a marker to a label beside it
		if m.kind == TypeBar {
			// Beside its own bar, which stands off the date among the
			// blocks' bars, or above it.
			x = m.barCentre(c, cd.layer, cd.p.Date)
			side = max(c.barW/2, 6) + 3
		}
		for _, p := range []struct {
			x, y   float64
			anchor string
		}{
			{x + side, y + 4, "start"}, {x - side, y + 4, "end"}, {x, y - 9, "middle"}, {x, y + 17, "middle"},
			// Then off a corner, for a point at the plot's edge or
			// beside another's label: above or below, leaning away.
			{x + side/2, y - 9, "start"}, {x - side/2, y - 9, "end"}, {x + side/2, y + 17, "start"}, {x - side/2, y + 17, "end"},
			{x, y - 22, "middle"}, {x + side/2, y - 22, "start"}, {x - side/2, y - 22, "end"},
		} {
			lb := label{text: text, x: p.x, y: p.y, anchor: p.anchor, size: fontSmall, kind: "observation", slot: m.layers[cd.layer].slot}
			if l.free(lb.box().grow(1)) {
				l.notes = append(l.notes, lb)
				break
			}
		}
	}
}

// isolated returns s, a text the chart shows, between the marks of a
// first-strong isolate (U+2068, U+2069) when it holds a letter written
// from right to left: the chart runs from left to right, and in its
// direction "250 מיליון מ״ק" would show its number on the left, where a
// reader of Hebrew ends; isolated, the text reads in the direction of its
// first letter, and stands as a whole where the layout put it. Other
// texts are returned as they are.
func isolated(s string) string {
	for _, r := range s {
		if r >= 0x0590 && r <= 0x08ff || r >= 0xfb1d && r <= 0xfdff || r >= 0xfe70 && r <= 0xfeff {
			return "\u2068" + s + "\u2069"
		}
	}
	return s
}
