// Package chart draws a data block: it builds the ECharts option of the
// interactive chart (with go-echarts), a static SVG of the same chart for
// readers without JavaScript and for print, a plain-text summary for
// screen readers, the data as tables and as CSV, and the View of them all
// that the site's chart partial (templates/partials/chart.html) writes as
// an HTML figure. It also reads the YAML body of a fenced ```chart block
// into a Spec.
//
// The static SVG takes its colours from CSS custom properties, each with a
// fallback: --pl-chart-text, --pl-chart-grid, --pl-chart-axis (all falling
// back to the text colour), --pl-chart-observed (and --pl-chart-series-2
// to -6 for the further blocks of a chart of several), --pl-chart-projection,
// --pl-chart-limit and --pl-chart-projected. Both renderings are laid out
// by layout.go, in a wide and a narrow frame.
package chart

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/words"
)

// Figure is a chart drawn and ready to be written into a page.
type Figure struct {
	ID      string // the HTML id of the figure; other ids derive from it
	Title   string
	Caption string
	Type    string // the chart type drawn: "projection", "line" or "bar"
	Height  int    // the height of the wide frame, in CSS pixels
	Option  []byte // the ECharts option and its frames as JSON, with <, > and & escaped
	SVG     []byte // the static chart in the wide frame
	// SVGNarrow is the static chart in the narrow frame, which the page
	// shows instead of SVG on narrow screens.
	SVGNarrow []byte
	Summary   string // the chart in words, for screen readers
	CSV       []byte // the chart's data

	frames [2]frame
	table  table
	// model and wide are the chart laid out and its wide frame's layout,
	// from which Plot describes it for a preview card.
	model *model
	wide  *layout
	// unlabelled are the events each frame draws without their labels.
	unlabelled [2][]Event
	// labelled counts the labelled observations: each that starts a run
	// of one label.
	labelled int
}

// UnlabelledEvents returns the events whose labels find no room above the
// plot, even shortened, in date order: those of the narrow frame, a
// phone's, and those of the wide frame, which the narrow one leaves out
// too. Their rules are drawn without a label, and the table and the
// summary still name them.
func (f Figure) UnlabelledEvents() (narrow, wide []Event) {
	return f.unlabelled[1], f.unlabelled[0]
}

// ObservationLabelsLeft returns how many of the chart's labelled
// observations (each that starts a run of observations labelled alike, of
// which there are of) are past the latest MaxObservationLabels, whose
// labels the plot shows: theirs show only in the tooltip and the table.
func (f Figure) ObservationLabelsLeft() (left, of int) {
	return max(0, f.labelled-MaxObservationLabels), f.labelled
}

// RenderBlocks draws the blocks bs in one chart, as s asks, each block in
// its colour; s.Data names them for the legend. A chart of several blocks
// is a line chart (the default) or a bar chart of their observations.
func RenderBlocks(bs []*data.Block, s Spec, id string) (Figure, error) {
	if len(bs) == 0 || slices.Contains(bs, nil) {
		return Figure{}, fmt.Errorf("chart: no data block")
	}
	b := bs[0]
	kind := s.Type
	if kind == "" {
		kind = TypeLine
		if b.Projection != nil && len(bs) == 1 {
			kind = TypeProjection
		}
	}
	switch kind {
	case TypeProjection:
		if len(bs) > 1 {
			return Figure{}, fmt.Errorf("chart: a projection chart draws one data block (draw several as a line or bar chart)")
		}
		if b.Projection == nil {
			return Figure{}, fmt.Errorf("chart: data block %q has no projection (use type line or bar)", b.Name)
		}
	case TypeLine, TypeBar:
		for _, other := range bs[1:] {
			// One axis draws the numbers as written: 1.6 in "billion
			// dollars" below 1,300 in "million dollars", the other way
			// round from what they are and what a claim finds.
			if data.UnitScale(other.Unit) != data.UnitScale(b.Unit) {
				return Figure{}, fmt.Errorf("chart: data blocks %q (%s) and %q (%s) count in different multiples, and one axis would draw their numbers as written, as if they counted in one: write them in one unit, or draw them in two charts", b.Name, cmp.Or(b.Unit, "no unit"), other.Name, cmp.Or(other.Unit, "no unit"))
			}
			// 100 euros level with 100 dollars, 3 metres with 3 feet.
			if data.OtherMeasure(b.Unit, other.Unit) {
				return Figure{}, fmt.Errorf("chart: data blocks %q (%s) and %q (%s) measure in different units, and one axis would draw the same number of each at one height: convert one into the other's unit, or draw them in two charts", b.Name, b.Unit, other.Name, other.Unit)
			}
		}
		if pc, share := percentAndShare(bs); pc != nil {
			// 38 in per cent beside 0.40 of a share: the axis would draw
			// the share as 0.4 per cent, where claims compare 38% with 40%.
			return Figure{}, fmt.Errorf("chart: data block %q is in per cent (%s) and %q holds shares, every value between -1 and 1, which one axis would draw as if they were per cent: write %q in percent (%s for %s), or draw them in two charts",
				pc.Name, pc.Unit, share.Name, share.Name, data.WrittenNumberIn(nil, share.Series[0].Value*100, max(0, share.Series[0].Places-2)), data.WrittenNumberIn(nil, share.Series[0].Value, share.Series[0].Places))
		}
		for _, b := range bs {
			if len(b.Series) == 0 {
				return Figure{}, fmt.Errorf("chart: data block %q has no observations to draw as a %s chart", b.Name, kind)
			}
			if d, n := crowdedDay(b.Series); kind == TypeBar && n > 0 {
				// The bars of one day would stand on one another, the
				// taller hiding the shorter.
				each := "a day"
				if data.HasTime(d) {
					each = "a time"
				}
				return Figure{}, fmt.Errorf("chart: a bar chart draws one bar %s, and data block %q has %d observations on %s (draw it as a line chart)", each, b.Name, n, appendDate(nil, nil, nil, d, true, false))
			}
		}
	default:
		return Figure{}, fmt.Errorf("chart: unknown type %q (want projection, line or bar)", kind)
	}
	height := cmp.Or(s.Height, DefaultHeight)

	m, err := newModel(bs, s.Data, kind, s.Events)
	if err != nil {
		return Figure{}, err
	}
	m.loc = s.Locale
	m.setWords(s.Words)
	f := Figure{
		ID:      id,
		Title:   s.Title,
		Caption: s.Caption,
		Type:    kind,
		Height:  height,
		Summary: m.summary(),
		frames:  frames(height),
	}
	layouts := [2]*layout{m.layout(f.frames[0]), m.layout(f.frames[1])}
	f.Option, err = m.option(f.Summary, layouts)
	if err != nil {
		return Figure{}, fmt.Errorf("chart: data block %q: %w", b.Name, err)
	}
	// The static SVG is named by what it charts, not by the title: the
	// figure's caption shows the title, and its SVG file draws it above
	// the chart, where a screen reader reads it once, and would read it a
	// second time, at once, as the drawing's name.
	name := m.name("")
	f.SVG = m.svg(id, layouts[0], name, f.Summary)
	f.SVGNarrow = m.svg(id+"-narrow", layouts[1], name, f.Summary)
	f.table = m.table()
	f.CSV = m.csv(f.table)
	f.model, f.wide = m, layouts[0]
	f.unlabelled = [2][]Event{layouts[0].unlabelled, layouts[1].unlabelled}
	f.labelled = layouts[0].labelled
	return f, nil
}

// name returns title, or, without one, the words "Chart of" and what m
// shows, which is what the static SVG is named by.
func (m *model) name(title string) string {
	return cmp.Or(title, m.words.Format(words.ChartOf, m.subject()))
}

// ImageAlt returns the text alternative of the chart's SVG file shown as
// an image: the words drawn above the chart, its title (or, without one,
// the name of its static SVG) and its caption.
func (f Figure) ImageAlt() string {
	alt := f.Title
	if f.model != nil {
		alt = f.model.name(f.Title)
	}
	switch {
	case f.Caption == "":
	case alt == "":
		alt = f.Caption
	case strings.ContainsRune(".?!", rune(alt[len(alt)-1])):
		alt += " " + f.Caption
	default:
		alt += ". " + f.Caption
	}
	return alt
}

// crowdedDay returns the first day of obs, observations in date order,
// that has more than one of them, and how many it has; n is 0 when no
// day has more than one. Observations with a time of day are crowded
// when they give the same time.
func crowdedDay(obs []data.Point) (day time.Time, n int) {
	for i := 0; i < len(obs); {
		j := i + 1
		for j < len(obs) && obs[j].Date.Equal(obs[i].Date) {
			j++
		}
		if j-i > 1 {
			return obs[i].Date, j - i
		}
		i = j
	}
	return time.Time{}, 0
}

// table is the data of a figure as its HTML tables show it: the model,
// and the projected rows, thinned.
type table struct {
	*model
	rows []tableRow
}

// tableRow is one date of the projected table.
type tableRow struct {
	Date               time.Time
	Central, Low, High float64
	Note               string // which scenarios reach the limit that day
	// Start marks the projection's start, whose values are the start
	// value the writer gave (an observation, with start: last), shown as
	// written, with Places as data.Point.Places, rather than rounded as a
	// computed number.
	Start  bool
	Places int
}

// percentAndShare returns a block of bs in per cent and another whose
// unit names no per cent, percentage or point and whose every value lies
// between -1 and 1, a share ("share of voters", 0.40), when bs holds
// both; nil otherwise. "percentage", "interest rate (%)" and "percentage
// points" beside "%" are per cent, however small their values.
func percentAndShare(bs []*data.Block) (percent, share *data.Block) {
	for _, b := range bs {
		unit := strings.ToLower(b.Unit)
		switch {
		case len(b.Series) == 0:
		case data.PercentUnit(b.Unit):
			percent = cmp.Or(percent, b)
		case slices.ContainsFunc([]string{"%", "percent", "per cent", "point", "prozent", "pour cent", "punkt"}, func(w string) bool { return strings.Contains(unit, w) }):
		case !slices.ContainsFunc(b.Series, func(p data.Point) bool { return p.Value < -1 || p.Value > 1 }):
			share = cmp.Or(share, b)
		}
	}
	if percent == nil || share == nil {
		return nil, nil
	}
	return percent, share
}
