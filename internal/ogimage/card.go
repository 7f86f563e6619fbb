package ogimage

import "image/color"

// The card's layout, in pixels of the 1200×630 image. A preview is often
// shown at a third of that size, so nothing is set smaller than 20px.
const (
	marginX   = 64.0 // left and right
	ruleH     = 10.0 // the accent rule along the top
	siteTop   = 52.0 // the top of the site's name, at cap height
	siteSize  = 26.0
	siteGap   = 34.0 // from the site's baseline to the headline's cap height
	marginBot = 44.0

	// The chart takes what the text leaves, but never less than this.
	minChartH = 300.0
	chartGap  = 30.0 // between the text and the chart
)

// titleSizes returns the sizes the headline may be set in, largest
// first: the first at which it fits is taken, and the last cuts it with
// an ellipsis. Over a chart it is set smaller.
func titleSizes(overChart bool) []float64 {
	if overChart {
		return []float64{60, 54, 48}
	}
	return []float64{80, 72, 64, 56}
}

// textLines are lines set in one style and size.
type textLines struct {
	st     style
	size   float64
	lead   float64 // baseline to baseline
	cap    float64 // cap height
	lines  []string
	cutOff bool // ended with an ellipsis
}

// height returns the distance from the first line's cap height to the
// last line's baseline.
func (tl textLines) height() float64 {
	if len(tl.lines) == 0 {
		return 0
	}
	return tl.cap + float64(float64(len(tl.lines)-1)*tl.lead)
}

// draw sets the lines at the left margin from top (the first line's cap
// height) and returns the last baseline.
func (tl textLines) draw(cv *canvas, t *typesetter, top float64, col color.NRGBA) float64 {
	y := top + tl.cap
	for i, l := range tl.lines {
		if i > 0 {
			y += tl.lead
		}
		t.draw(cv, tl.st, tl.size, marginX, y, l, col)
	}
	return y
}

// setLines wraps s in st at size into at most maxLines lines of maxW.
func (t *typesetter) setLines(st style, size, leading, maxW float64, s string, cut bool, maxLines int) textLines {
	lines, ell := t.wrap(st, size, maxW, s, maxLines, cut)
	return textLines{st: st, size: size, lead: size * leading, cap: t.capHeight(st, size), lines: lines, cutOff: ell}
}

// setTitle sets the headline at the largest of sizes at which it fits in
// fitLines lines, or else at the smallest in maxLines lines.
func (t *typesetter) setTitle(s string, cut bool, sizes []float64, fitLines, maxLines int, maxW float64) textLines {
	for _, size := range sizes[:len(sizes)-1] {
		tl := t.setLines(styleTitle, size, 1.1, maxW, s, cut, fitLines)
		if !tl.cutOff {
			return tl
		}
	}
	return t.setLines(styleTitle, sizes[len(sizes)-1], 1.1, maxW, s, cut, maxLines)
}

// layout says where a card's parts went, for tests.
type layout struct {
	title  rect    // the headline's lines, from cap height to baseline
	plot   rect    // the plot, without its labels; empty without one
	labels []rect  // the limit, crossing and "Projected" labels placed
	lines  [][2]pt // the segments those labels were to avoid
}

// drawCard draws all of c on cv.
func drawCard(cv *canvas, t *typesetter, c Card) layout {
	var lay layout
	th := c.Theme
	cv.fillRect(rect{0, 0, Width, ruleH}, th.Accent)
	textW := Width - 2*marginX

	y := siteTop
	if s, cut := cleanText(t.drawable(styleUIBold, c.Site), 200); s != "" {
		site := t.setLines(styleUIBold, siteSize, 1.2, textW, s, cut, 1)
		base := site.draw(cv, t, y, th.Accent)
		y = base + siteGap
	} else {
		y += 8
	}

	title, titleCut := cleanText(t.drawable(styleTitle, c.Title), 600)
	dek, dekCut := cleanText(t.drawable(styleDek, c.Dek), 600)

	if c.Plot == nil {
		// The headline and the dek, centred in the room below the site's
		// name.
		tl := t.setTitle(title, titleCut, titleSizes(false), 3, 3, textW)
		var dl textLines
		dekGap := 0.62 * tl.size
		if dek != "" && len(tl.lines) > 0 {
			// Two lines where they fit above the bottom margin, one if
			// only one does.
			for n := 2; n > 0; n-- {
				dl = t.setLines(styleDek, 34, 1.35, textW, dek, dekCut, n)
				if y+tl.height()+dekGap+dl.height() <= Height-marginBot-float64(0.25*dl.size) {
					break
				}
				dl.lines = nil
			}
		}
		block := tl.height()
		if len(dl.lines) > 0 {
			block += dekGap + dl.height()
		}
		room := Height - marginBot - y
		top := y + max(0, (room-block)/2-10)
		base := tl.draw(cv, t, top, th.Text)
		lay.title = rect{marginX, top, Width - marginX, base}
		if len(dl.lines) > 0 {
			dl.draw(cv, t, base+dekGap, th.Muted)
		}
		return lay
	}

	tl := t.setTitle(title, titleCut, titleSizes(true), 2, 3, textW)
	base := y
	if len(tl.lines) > 0 {
		base = tl.draw(cv, t, y, th.Text)
		lay.title = rect{marginX, y, Width - marginX, base}
	}
	bottom := base + float64(0.25*tl.size) // below the descenders
	if dek != "" {
		// The dek gets the lines the chart can spare.
		for n := 2; n > 0; n-- {
			dl := t.setLines(styleDek, 28, 1.3, textW, dek, dekCut, n)
			top := base + float64(0.62*tl.size)
			dekBottom := top + dl.height() + float64(0.25*dl.size)
			if Height-marginBot-(dekBottom+chartGap) >= minChartH {
				if dl.cutOff && n == 1 && len(dl.lines) > 0 && len([]rune(dl.lines[0])) < 24 {
					break // a stub of a sentence says nothing
				}
				dl.draw(cv, t, top, th.Muted)
				bottom = dekBottom
				break
			}
		}
	}
	area := rect{marginX, bottom + chartGap, Width - marginX, Height - marginBot}
	pl := drawPlot(cv, t, c.Plot, th, area)
	lay.plot, lay.labels, lay.lines = pl.box, pl.placed, pl.segs
	return lay
}
