// Package chart draws a data block: it builds the ECharts option of the
// interactive chart (with go-echarts), a static SVG of the same chart for
// readers without JavaScript and for print, a plain-text summary for
// screen readers, the data as a table and as CSV, and the HTML figure that
// holds them all. It also reads the YAML body of a fenced ```chart block
// into a Spec.
//
// The static SVG takes its colours from CSS custom properties, each with a
// fallback: --pl-chart-text, --pl-chart-grid, --pl-chart-axis (all falling
// back to the text colour), --pl-chart-observed, --pl-chart-projection,
// --pl-chart-limit and --pl-chart-projected.
package chart

import (
	"fmt"
	"time"

	"github.com/plotline/plotline/internal/data"
)

// Figure is a chart drawn and ready to be written into a page.
type Figure struct {
	ID      string // the HTML id of the figure; other ids derive from it
	Title   string
	Caption string
	Type    string // the chart type drawn: "projection", "line" or "bar"
	Height  int    // the live chart's height in CSS pixels
	Option  []byte // the ECharts option as JSON, with <, > and & escaped
	SVG     []byte // the static chart
	Summary string // the chart in words, for screen readers
	CSV     []byte // the chart's data

	table table
}

// Render draws block b as spec s asks, giving the figure the HTML id id.
// It fails when s asks for a projection of a block without one, or for a
// line or bar chart of a block without observations.
func Render(b *data.Block, s Spec, id string) (Figure, error) {
	if b == nil {
		return Figure{}, fmt.Errorf("chart: no data block")
	}
	kind := s.Type
	if kind == "" {
		kind = TypeLine
		if b.Projection != nil {
			kind = TypeProjection
		}
	}
	switch kind {
	case TypeProjection:
		if b.Projection == nil {
			return Figure{}, fmt.Errorf("chart: data block %q has no projection (use type line or bar)", b.Name)
		}
	case TypeLine, TypeBar:
		if len(b.Series) == 0 {
			return Figure{}, fmt.Errorf("chart: data block %q has no observations to draw as a %s chart", b.Name, kind)
		}
	default:
		return Figure{}, fmt.Errorf("chart: unknown type %q (want projection, line or bar)", kind)
	}
	height := s.Height
	if height == 0 {
		height = DefaultHeight
	}

	m, err := newModel(b, kind)
	if err != nil {
		return Figure{}, err
	}
	f := Figure{
		ID:      id,
		Title:   s.Title,
		Caption: s.Caption,
		Type:    kind,
		Height:  height,
		Summary: m.summary(),
	}
	f.Option, err = m.option(f.Summary)
	if err != nil {
		return Figure{}, fmt.Errorf("chart: data block %q: %w", b.Name, err)
	}
	title := s.Title
	if title == "" {
		title = "Chart of " + b.Name
		if b.Unit != "" {
			title = "Chart of " + b.Unit
		}
	}
	f.SVG = m.svg(id, height, title, f.Summary)
	f.table = m.table()
	f.CSV = m.csv(f.table)
	return f, nil
}

// table is the data of a figure as its HTML table shows it.
type table struct {
	unit     string
	observed []data.Point
	hasProj  bool
	hasLow   bool
	hasHigh  bool
	rows     []tableRow // projected rows, thinned
}

// tableRow is one date of the projected table.
type tableRow struct {
	Date               time.Time
	Central, Low, High float64
	Note               string // which scenarios reach the limit that day
}
