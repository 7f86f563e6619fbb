package chart

import (
	"encoding/json"
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Colours of the live chart. The static SVG uses the same ones as
// fallbacks of its CSS custom properties, and the page script may replace
// them with the properties' values.
const (
	colorObserved   = "#2f6fb3"
	colorProjection = "#d9480f"
	colorLimit      = "#c92a2a"
	colorProjected  = "rgba(128,128,128,0.10)"
)

// Series ids the page script's tooltip relies on.
const (
	idObserved = "observed"
	idCentral  = "central"
	idLow      = "low"
	idHigh     = "high"
	idBand     = "band"
)

// obsDatum is an observation in the option: the value pair the chart
// draws plus what the tooltip shows about it.
type obsDatum struct {
	Value  [2]any `json:"value"`
	Label  string `json:"label,omitempty"`
	Source string `json:"source,omitempty"`
}

// option builds the ECharts option of m with go-echarts and encodes it
// with encoding/json, which escapes <, > and & so the result can sit in a
// script element.
func (m *model) option(id, summary string) ([]byte, error) {
	global := []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: id}),
		charts.WithAnimation(true),
		charts.WithTooltipOpts(opts.Tooltip{
			Show:        opts.Bool(true),
			Trigger:     "axis",
			AxisPointer: &opts.AxisPointer{Type: "line"},
		}),
		charts.WithGridOpts(opts.Grid{
			Left: "8", Right: "24", Top: "36", Bottom: "32",
			ContainLabel: opts.Bool(true),
		}),
		charts.WithXAxisOpts(opts.XAxis{
			Type:      "time",
			Min:       isoDate(m.xMin),
			Max:       isoDate(m.xMax),
			SplitLine: &opts.SplitLine{Show: opts.Bool(false)},
		}),
		charts.WithYAxisOpts(opts.YAxis{
			Type:         "value",
			Name:         m.unit,
			NameLocation: "end",
			Min:          m.y.Min,
			Max:          m.y.Max,
			AxisLabel:    &opts.AxisLabel{Show: opts.Bool(true)},
		}),
		charts.WithAriaOpts(&opts.Aria{
			Enabled: opts.Bool(true),
			Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: summary},
		}),
	}

	var legend []string
	var main *charts.RectChart
	switch m.kind {
	case TypeBar:
		bar := charts.NewBar()
		bar.SetGlobalOptions(global...)
		bar.AddSeries("Observed", nil, m.observedSeries(),
			charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.BarMaxWidth = "24" }),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colorObserved}),
			m.limitMarks(),
		)
		bar.Validate()
		main = &bar.RectChart
		legend = []string{"Observed"}
	case TypeLine:
		line := charts.NewLine()
		line.SetGlobalOptions(global...)
		line.AddSeries("Observed", nil, m.observedSeries(),
			charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 7}),
			charts.WithLineStyleOpts(opts.LineStyle{Color: colorObserved, Width: 2}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colorObserved}),
			m.limitMarks(),
		)
		line.Validate()
		main = &line.RectChart
		legend = []string{"Observed"}
	default:
		line := charts.NewLine()
		line.SetGlobalOptions(global...)
		legend = m.addProjection(line)
		if len(m.obs) > 0 {
			sc := charts.NewScatter()
			sc.AddSeries("Observed", nil, m.observedSeries(),
				charts.WithScatterChartOpts(opts.ScatterChart{Symbol: "circle", SymbolSize: 9}),
				charts.WithItemStyleOpts(opts.ItemStyle{Color: colorObserved, BorderColor: "#ffffff", BorderWidth: 1}),
			)
			line.Overlap(sc)
			legend = append([]string{"Observed"}, legend...)
		}
		line.Validate()
		main = &line.RectChart
	}
	main.SetGlobalOptions(charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0", Data: legend}))
	return json.Marshal(main.JSON())
}

// observedSeries sets the series' data to the observations, each with its
// label and source for the tooltip.
func (m *model) observedSeries() charts.SeriesOpts {
	items := make([]obsDatum, len(m.obs))
	for i, p := range m.obs {
		items[i] = obsDatum{Value: [2]any{isoDate(p.Date), p.Value}, Label: p.Label, Source: p.Source}
	}
	return charts.WithSeriesOpts(func(s *charts.SingleSeries) {
		s.Id = idObserved
		s.Data = items
	})
}

// limitMarks draws the limit as a labelled horizontal line, when the block
// has one.
func (m *model) limitMarks() charts.SeriesOpts {
	return func(s *charts.SingleSeries) {
		if _, ok := m.limit(); !ok {
			return
		}
		m.addMarkLines(s)
	}
}

// addMarkLines adds the limit line and, for a projection, the crossing
// line to s.
func (m *model) addMarkLines(s *charts.SingleSeries) {
	l, ok := m.limit()
	if !ok {
		return
	}
	opt := []charts.SeriesOpts{
		charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
			Symbol:    []string{"none", "none"},
			Label:     &opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: "insideStartTop"},
			LineStyle: &opts.LineStyle{Color: colorLimit, Width: 1.5, Type: "solid"},
		}),
		charts.WithMarkLineNameYAxisItemOpts(opts.MarkLineNameYAxisItem{Name: m.limitLabel(), YAxis: l}),
	}
	s.ConfigureSeriesOpts(opt...)
	if c, ok := m.crossing(); ok && m.kind == TypeProjection {
		s.MarkLines.Data = append(s.MarkLines.Data, markLineX{
			Name:      shortDate(c),
			XAxis:     isoDate(c),
			LineStyle: &opts.LineStyle{Color: colorProjection, Width: 1, Type: "dashed"},
			Label:     &opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: "insideEndTop"},
		})
	}
}

// markLineX is a vertical mark line with a style of its own, which
// go-echarts' MarkLineNameXAxisItem has no field for.
type markLineX struct {
	Name      string          `json:"name,omitempty"`
	XAxis     string          `json:"xAxis"`
	LineStyle *opts.LineStyle `json:"lineStyle,omitempty"`
	Label     *opts.Label     `json:"label,omitempty"`
}

// addProjection adds the projection's series to line and returns their
// legend entries: the low–high band (a transparent low line with the
// difference stacked on it and filled), the dashed central line carrying
// the limit and crossing lines and the "Projected" shading.
func (m *model) addProjection(line *charts.Line) []string {
	points := func(f func(sample) float64) []opts.LineData {
		out := make([]opts.LineData, len(m.plot))
		for i, s := range m.plot {
			out[i] = opts.LineData{Value: []any{isoDate(s.Date), round2(f(s))}}
		}
		return out
	}
	noSymbol := charts.WithLineChartOpts(opts.LineChart{Symbol: "none", ShowSymbol: opts.Bool(false), Stack: ""})
	var legend []string
	switch {
	case m.hasLow && m.hasHigh:
		stacked := charts.WithLineChartOpts(opts.LineChart{Symbol: "none", ShowSymbol: opts.Bool(false), Stack: "band"})
		hidden := charts.WithLineStyleOpts(opts.LineStyle{Opacity: opts.Float(0)})
		line.AddSeries("Low scenario", points(func(s sample) float64 { return s.Low }),
			charts.WithSeriesId(idLow), stacked, hidden)
		line.AddSeries("Low–high range", points(func(s sample) float64 { return s.High - s.Low }),
			charts.WithSeriesId(idBand), stacked, hidden,
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colorProjection}),
			charts.WithAreaStyleOpts(opts.AreaStyle{Color: colorProjection, Opacity: opts.Float(0.18)}))
		legend = append(legend, "Low–high range")
	case m.hasLow:
		line.AddSeries("Low scenario", points(func(s sample) float64 { return s.Low }),
			charts.WithSeriesId(idLow), noSymbol,
			charts.WithLineStyleOpts(opts.LineStyle{Color: colorProjection, Type: "dotted", Width: 1}))
		legend = append(legend, "Low scenario")
	case m.hasHigh:
		line.AddSeries("High scenario", points(func(s sample) float64 { return s.High }),
			charts.WithSeriesId(idHigh), noSymbol,
			charts.WithLineStyleOpts(opts.LineStyle{Color: colorProjection, Type: "dotted", Width: 1}))
		legend = append(legend, "High scenario")
	}

	central := []charts.SeriesOpts{
		charts.WithSeriesId(idCentral), noSymbol,
		charts.WithLineStyleOpts(opts.LineStyle{Color: colorProjection, Type: "dashed", Width: 2}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colorProjection}),
		charts.WithMarkAreaStyleOpts(opts.MarkAreaStyle{
			Label:     &opts.Label{Show: opts.Bool(true), Position: "insideTopLeft", Formatter: "{b}"},
			ItemStyle: &opts.ItemStyle{Color: colorProjected},
		}),
		charts.WithMarkAreaData([]opts.MarkAreaData{
			{Name: "Projected", XAxis: isoDate(m.projFrom)},
			{XAxis: isoDate(m.xMax)},
		}),
		m.addMarkLines,
	}
	line.AddSeries("Central projection", points(func(s sample) float64 { return s.Central }), central...)
	return append([]string{"Central projection"}, legend...)
}

// round2 rounds v to two decimals, which is finer than any chart shows and
// keeps the option small.
func round2(v float64) float64 {
	r := math.Round(v*100) / 100
	if r == 0 {
		return 0
	}
	return r
}
