// Package ogimage draws the social preview image of an article: a
// 1200×630 PNG, the size Open Graph and Twitter's "summary_large_image"
// cards ask for, with the site's name, the headline, an optional dek and,
// when there is one, a chart.
//
// Everything is drawn in Go with fonts embedded in the binary: no browser,
// nothing fetched. The same Card gives the same bytes on every run and
// every machine built with the same Go release.
//
// The headline and dek are set in Charis SIL, the site's own face, the
// small print in the Go fonts. Between them they cover the Latin, Greek
// and Cyrillic alphabets. A text with letters neither has (Chinese,
// Arabic) is left off the card rather than drawn as empty boxes, and a
// symbol neither has (an emoji) is left out of its text. Text is set one
// character after another, without the shaping that scripts such as
// Arabic need.
//
// The package knows nothing of plotline's data blocks or charts. A Card is
// a plain description of what to draw; the caller fills it from a chart,
// passing the axis, tick labels and dates the chart itself shows, so the
// image cannot disagree with the page.
package ogimage

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"time"

	"golang.org/x/image/font/sfnt"
)

// Width and Height are the size of every image, in pixels.
const (
	Width  = 1200
	Height = 630
)

// Card describes one preview image.
type Card struct {
	// Site is the site's title, shown small above the headline.
	Site string
	// Title is the headline: wrapped to at most three lines, set smaller
	// before it is cut, and cut with an ellipsis if it is longer still.
	Title string
	// Dek is the standfirst under the headline, one or two lines of it
	// where there is room; it may be empty.
	Dek string
	// Plot is the chart drawn under the text; nil makes a card of text
	// only.
	Plot *Plot
	// Theme holds the colours; the zero Theme means DefaultTheme().
	Theme Theme
}

// Point is one value on one date.
type Point struct {
	Date  time.Time
	Value float64
}

// DateTick is a labelled date on the time axis.
type DateTick struct {
	Date  time.Time
	Label string // "Jan 2025"
}

// ValueTick is a labelled value on the value axis. An empty Label is
// written for the reader ("12,000", "2.5").
type ValueTick struct {
	Value float64
	Label string
}

// Plot is a chart as the card draws it: axes already chosen, curves
// already computed. Points outside the axes are clipped.
type Plot struct {
	// Unit names what the values count, shown above the value axis.
	Unit string

	// XMin and XMax bound the time axis, YMin and YMax the value axis,
	// which is drawn as the chart chose it. Equal bounds are widened.
	XMin, XMax time.Time
	YMin, YMax float64
	// YTicks get gridlines and labels; XTicks get tick marks and labels.
	// Labels that would touch their neighbour are left out, and so are
	// those in letters or digits the fonts lack (Arabic-Indic digits, a
	// month in Hebrew).
	YTicks []ValueTick
	XTicks []DateTick

	// Observed are drawn as dots, joined by a line too when ObservedLine
	// is set (for long series, where dots would crowd), or as bars.
	Observed     []Point
	ObservedLine bool
	// BarWidth, when above 0, draws each observation as a bar from zero
	// (or from YMin, when the axis does not reach zero) instead, this
	// share of the plot's width across, as a bar chart draws it.
	BarWidth float64
	// Central is the projection, drawn as a dashed line.
	Central []Point
	// BandLow and BandHigh bound the range of scenarios, filled between
	// them; the band is drawn only when both are given.
	BandLow, BandHigh []Point
	// Scenario is a single other scenario, the low or the high one when
	// there is no band, drawn as a thin dotted line.
	Scenario []Point

	// Limit, when not nil, is drawn as a horizontal line labelled
	// LimitLabel, or LimitNumber, the limit's value alone as the chart
	// writes it, where the fonts lack a letter of LimitLabel (a unit in
	// Chinese).
	Limit                   *float64
	LimitLabel, LimitNumber string
	// Crossing, when not nil, is drawn as a vertical dashed line labelled
	// CrossingLabel: the day the projection reaches the limit.
	Crossing      *time.Time
	CrossingLabel string
	// ProjectedFrom, when not nil, shades the period from it to
	// ProjectedTo, or to XMax when that is nil, and labels it Projected
	// ("Projected" when empty) where there is room.
	ProjectedFrom, ProjectedTo *time.Time
	Projected                  string
}

// Theme holds the colours of a card. Band is drawn over the background
// with its alpha; the other colours are meant to be opaque.
type Theme struct {
	Background color.NRGBA // the card
	Text       color.NRGBA // the headline
	Muted      color.NRGBA // the dek, tick labels and the unit
	Accent     color.NRGBA // the site's name and the rule at the top
	Grid       color.NRGBA // gridlines
	Axis       color.NRGBA // the time axis and its tick marks
	Projected  color.NRGBA // the shading of the projected period
	Observed   color.NRGBA // observations
	Projection color.NRGBA // the central projection
	Band       color.NRGBA // the range between low and high scenarios
	Limit      color.NRGBA // the limit line and its label
	Crossing   color.NRGBA // the crossing line and its label
}

// DefaultTheme returns the colours of the site's light theme
// (theme/css/plotline.css), as its static chart shows them: the band is
// the projection's colour at 18% opacity.
func DefaultTheme() Theme {
	projection := hex(0xc65400)
	band := projection
	band.A = 46 // 18%
	return Theme{
		Background: hex(0xfdfcfa),
		Text:       hex(0x1c1e22),
		Muted:      hex(0x5a5f67),
		Accent:     hex(0x0b5d8c),
		Grid:       hex(0xdedad2),
		Axis:       hex(0x5a5f67),
		Projected:  hex(0xf4f1eb),
		Observed:   hex(0x0072b2),
		Projection: projection,
		Band:       band,
		Limit:      hex(0x4d5158),
		Crossing:   projection,
	}
}

// hex returns the opaque colour 0xRRGGBB.
func hex(rgb uint32) color.NRGBA {
	return color.NRGBA{R: uint8(rgb >> 16), G: uint8(rgb >> 8), B: uint8(rgb), A: 0xff}
}

// Renderer draws cards. It holds the parsed fonts, so make one and keep
// it; it is safe for concurrent use.
type Renderer struct {
	fonts fontSet
}

// NewRenderer parses the embedded fonts and returns a Renderer.
func NewRenderer() (*Renderer, error) {
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	return &Renderer{fonts: fs}, nil
}

// Render draws c and returns it as a PNG. It fails only on a Plot it
// cannot draw: a value that is not a finite number within ±1e18, or an
// axis whose maximum is below its minimum.
func (r *Renderer) Render(c Card) ([]byte, error) {
	img, _, err := r.draw(c)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	// The encoder's fastest level: the default one takes longer for
	// files a few percent smaller. Either gives the same bytes for the
	// same pixels with a given Go release.
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, paletted(img)); err != nil {
		return nil, fmt.Errorf("ogimage: %w", err)
	}
	return buf.Bytes(), nil
}

// draw draws c onto a new image, and says where it put what.
func (r *Renderer) draw(c Card) (*image.RGBA, layout, error) {
	if c.Plot != nil {
		if err := checkPlot(c.Plot); err != nil {
			return nil, layout{}, err
		}
	}
	if c.Theme == (Theme{}) {
		c.Theme = DefaultTheme()
	}
	cv := newCanvas(Width, Height, c.Theme.Background)
	tc := &typesetter{fonts: &r.fonts, buf: new(sfnt.Buffer)}
	lay := drawCard(cv, tc, c)
	return cv.img, lay, nil
}

// maxValue is the largest size of a value the card draws, the same bound
// as the chart's: past it axis arithmetic loses its precision.
const maxValue = 1e18

// checkPlot returns an error unless every number in p can be drawn.
func checkPlot(p *Plot) error {
	var bad error // the first number that is not one
	check := func(what string, i int, v float64) {
		if bad == nil && (math.IsNaN(v) || math.Abs(v) > maxValue) {
			if i >= 0 {
				what = fmt.Sprintf("%s[%d]", what, i)
			}
			bad = fmt.Errorf("ogimage: plot: %s is %g, not a number within ±1e18", what, v)
		}
	}
	check("YMin", -1, p.YMin)
	check("YMax", -1, p.YMax)
	switch {
	case bad != nil:
		return bad
	case p.YMax < p.YMin:
		return fmt.Errorf("ogimage: plot: YMax %g is below YMin %g", p.YMax, p.YMin)
	case p.XMax.Before(p.XMin):
		return fmt.Errorf("ogimage: plot: XMax %s is before XMin %s", p.XMax.Format(time.DateOnly), p.XMin.Format(time.DateOnly))
	}
	for i, t := range p.YTicks {
		check("YTicks", i, t.Value)
	}
	for _, s := range []struct {
		name string
		pts  []Point
	}{{"Observed", p.Observed}, {"Central", p.Central}, {"BandLow", p.BandLow}, {"BandHigh", p.BandHigh}, {"Scenario", p.Scenario}} {
		for i, pt := range s.pts {
			check(s.name, i, pt.Value)
		}
	}
	if p.Limit != nil {
		check("Limit", -1, *p.Limit)
	}
	return bad
}
