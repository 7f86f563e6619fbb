package chart

import (
	"encoding/json"
	"math"
	"slices"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
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

// datum is a point of a series in the option: the date and value the
// chart draws and, for an observation, what the tooltip shows about it.
// The projected curves use it too, rather than go-echarts' LineData, which
// encodes to the same JSON for them: a projection has hundreds of points,
// and encoding/json writes this type faster, as it holds the pair itself
// rather than behind an interface and has three fields to check, not six.
type datum struct {
	Value  [2]any `json:"value"`
	Label  string `json:"label,omitempty"`
	Source string `json:"source,omitempty"`
}

// echartsOption is the ECharts option of a chart, in go-echarts' types.
// go-echarts' chart builders fill in defaults by walking their large
// configuration structs with reflection and then copy the whole option
// into a map to encode it, which made up most of the cost of a chart's
// option; this struct holds only the parts a chart uses and is encoded
// directly.
//
// It has every key go-echarts writes for a line, bar or scatter chart,
// with the values go-echarts gives them where the charts set none: the
// default theme's palette, an empty title and an empty toolbox. The fields
// are in alphabetical order, the order encoding/json writes a map's keys
// in, so the JSON is what go-echarts' map gives, byte for byte.
type echartsOption struct {
	Animation types.Bool            `json:"animation"`
	Aria      *opts.Aria            `json:"aria"`
	Color     []string              `json:"color"`
	Grid      []opts.Grid           `json:"grid"`
	Legend    opts.Legend           `json:"legend"`
	Series    []charts.SingleSeries `json:"series"`
	Title     opts.Title            `json:"title"`
	Toolbox   opts.Toolbox          `json:"toolbox"`
	Tooltip   opts.Tooltip          `json:"tooltip"`
	XAxis     []opts.XAxis          `json:"xAxis"`
	YAxis     []opts.YAxis          `json:"yAxis"`
}

// echartsPalette is the series palette go-echarts writes into every
// option of its default theme. It is read from go-echarts once rather than
// copied here, so that the option keeps following the library's palette.
var echartsPalette = slices.Clip(charts.NewLine().Colors)

// option builds the ECharts option of m, with summary as its accessible
// description, and encodes it with encoding/json, which escapes <, >, &,
// U+2028 and U+2029 so the result can sit in a script element. The
// figure's HTML, not the option, ties the option to its chart.
func (m *model) option(summary string) ([]byte, error) {
	animation := opts.Bool(true)
	opt := echartsOption{
		Animation: animation,
		Aria: &opts.Aria{
			Enabled: opts.Bool(true),
			Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: summary},
		},
		Color: echartsPalette,
		Grid: []opts.Grid{{
			Left: "8", Right: "24", Top: "36", Bottom: "32",
			ContainLabel: opts.Bool(true),
		}},
		Tooltip: opts.Tooltip{
			Show:        opts.Bool(true),
			Trigger:     "axis",
			AxisPointer: &opts.AxisPointer{Type: "line"},
		},
		XAxis: []opts.XAxis{{
			Type:      "time",
			Min:       isoDate(m.xMin),
			Max:       isoDate(m.xMax),
			SplitLine: &opts.SplitLine{Show: opts.Bool(false)},
		}},
		YAxis: []opts.YAxis{{
			Type:         "value",
			Name:         m.unit,
			NameLocation: "end",
			Min:          m.y.Min,
			Max:          m.y.Max,
			AxisLabel:    &opts.AxisLabel{Show: opts.Bool(true)},
		}},
	}

	var legend []string
	switch m.kind {
	case TypeBar:
		opt.Series = []charts.SingleSeries{{
			Name:        "Observed",
			Type:        types.ChartBar,
			Id:          idObserved,
			Data:        m.observedData(),
			BarMaxWidth: "24",
			ItemStyle:   &opts.ItemStyle{Color: colorObserved},
			MarkLines:   m.markLines(),
		}}
		legend = []string{"Observed"}
	case TypeLine:
		// go-echarts gives a line series the chart's animation setting,
		// but not a bar or scatter series.
		opt.Series = []charts.SingleSeries{{
			Name:       "Observed",
			Type:       types.ChartLine,
			Id:         idObserved,
			Data:       m.observedData(),
			Symbol:     "circle",
			SymbolSize: 7,
			Animation:  animation,
			LineStyle:  &opts.LineStyle{Color: colorObserved, Width: 2},
			ItemStyle:  &opts.ItemStyle{Color: colorObserved},
			MarkLines:  m.markLines(),
		}}
		legend = []string{"Observed"}
	default:
		opt.Series, legend = m.projectionSeries(animation)
		if len(m.obs) > 0 {
			opt.Series = append(opt.Series, charts.SingleSeries{
				Name:       "Observed",
				Type:       types.ChartScatter,
				Id:         idObserved,
				Data:       m.observedData(),
				Symbol:     "circle",
				SymbolSize: 9,
				ItemStyle:  &opts.ItemStyle{Color: colorObserved, BorderColor: "#ffffff", BorderWidth: 1},
			})
			legend = append([]string{"Observed"}, legend...)
		}
	}
	opt.Legend = opts.Legend{Show: opts.Bool(true), Bottom: "0", Data: legend}
	return json.Marshal(&opt)
}

// observedData returns the observations as series data, each with its
// label and source for the tooltip. Its points refer to their dates and
// values, as the projected ones do, for the same reason.
func (m *model) observedData() []datum {
	dates := isoDates(len(m.obs), func(i int) time.Time { return m.obs[i].Date })
	items := make([]datum, len(m.obs))
	for i := range m.obs {
		p := &m.obs[i]
		items[i] = datum{Value: [2]any{&dates[i], &p.Value}, Label: p.Label, Source: p.Source}
	}
	return items
}

// isoDates returns the n dates date gives, formatted as isoDate does. The
// strings share one buffer, so that formatting a curve's hundreds of dates
// takes a few allocations rather than one each.
func isoDates(n int, date func(i int) time.Time) []string {
	buf := make([]byte, 0, n*len(time.DateOnly))
	ends := make([]int, n)
	for i := range n {
		buf = appendISODate(buf, date(i))
		ends[i] = len(buf)
	}
	all := string(buf)
	out := make([]string, n)
	start := 0
	for i, end := range ends {
		out[i], start = all[start:end], end
	}
	return out
}

// markLines returns the limit as a labelled horizontal line and, for a
// projection, the day the central curve crosses it as a vertical one; it
// returns nil when the block has no limit.
func (m *model) markLines() *opts.MarkLines {
	l, ok := m.limit()
	if !ok {
		return nil
	}
	ml := &opts.MarkLines{
		Data: []any{opts.MarkLineNameYAxisItem{Name: m.limitLabel(), YAxis: l}},
		MarkLineStyle: opts.MarkLineStyle{
			Symbol:    []string{"none", "none"},
			Label:     &opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: "insideStartTop"},
			LineStyle: &opts.LineStyle{Color: colorLimit, Width: 1.5, Type: "solid"},
		},
	}
	if c, ok := m.crossing(); ok && m.kind == TypeProjection {
		ml.Data = append(ml.Data, markLineX{
			Name:      shortDate(c),
			XAxis:     isoDate(c),
			LineStyle: &opts.LineStyle{Color: colorProjection, Width: 1, Type: "dashed"},
			Label:     &opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: "insideEndTop"},
		})
	}
	return ml
}

// markLineX is a vertical mark line with a style of its own, which
// go-echarts' MarkLineNameXAxisItem has no field for.
type markLineX struct {
	Name      string          `json:"name,omitempty"`
	XAxis     string          `json:"xAxis"`
	LineStyle *opts.LineStyle `json:"lineStyle,omitempty"`
	Label     *opts.Label     `json:"label,omitempty"`
}

// projectionSeries returns the projection's series and their legend
// entries: the low–high band (a transparent low line with the difference
// stacked on it and filled), the dashed central line carrying the limit
// and crossing lines and the "Projected" shading. Each line series gets
// animation, as go-echarts gives a line series the chart's setting.
func (m *model) projectionSeries(animation types.Bool) ([]charts.SingleSeries, []string) {
	// Every curve has a point on each of these dates, so each is
	// formatted once. A point holds its date and value through pointers
	// into arrays: a pointer goes into an interface without an allocation
	// of its own, where a string or a float64 would need one per point,
	// and encoding/json writes what a pointer points to.
	dates := isoDates(len(m.plot), func(i int) time.Time { return m.plot[i].Date })
	points := func(f func(sample) float64) []datum {
		values := make([]float64, len(m.plot))
		out := make([]datum, len(m.plot))
		for i, s := range m.plot {
			values[i] = round2(f(s))
			out[i] = datum{Value: [2]any{&dates[i], &values[i]}}
		}
		return out
	}
	line := func(name, id string, data []datum) charts.SingleSeries {
		return charts.SingleSeries{
			Name: name, Type: types.ChartLine, Id: id, Data: data,
			Symbol: "none", ShowSymbol: opts.Bool(false),
			Animation: animation,
		}
	}
	dotted := &opts.LineStyle{Color: colorProjection, Type: "dotted", Width: 1}

	series := make([]charts.SingleSeries, 0, 4)
	var legend []string
	switch {
	case m.hasLow && m.hasHigh:
		hidden := &opts.LineStyle{Opacity: opts.Float(0)}
		low := line("Low scenario", idLow, points(func(s sample) float64 { return s.Low }))
		low.Stack, low.LineStyle = "band", hidden
		band := line("Low–high range", idBand, points(func(s sample) float64 { return s.High - s.Low }))
		band.Stack, band.LineStyle = "band", hidden
		band.ItemStyle = &opts.ItemStyle{Color: colorProjection}
		band.AreaStyle = &opts.AreaStyle{Color: colorProjection, Opacity: opts.Float(0.18)}
		series = append(series, low, band)
		legend = append(legend, "Low–high range")
	case m.hasLow:
		low := line("Low scenario", idLow, points(func(s sample) float64 { return s.Low }))
		low.LineStyle = dotted
		series = append(series, low)
		legend = append(legend, "Low scenario")
	case m.hasHigh:
		high := line("High scenario", idHigh, points(func(s sample) float64 { return s.High }))
		high.LineStyle = dotted
		series = append(series, high)
		legend = append(legend, "High scenario")
	}

	central := line("Central projection", idCentral, points(func(s sample) float64 { return s.Central }))
	central.LineStyle = &opts.LineStyle{Color: colorProjection, Type: "dashed", Width: 2}
	central.ItemStyle = &opts.ItemStyle{Color: colorProjection}
	central.MarkAreas = &opts.MarkAreas{
		Data: []any{[]opts.MarkAreaData{
			{Name: "Projected", XAxis: isoDate(m.projFrom)},
			{XAxis: isoDate(m.xMax)},
		}},
		MarkAreaStyle: opts.MarkAreaStyle{
			Label:     &opts.Label{Show: opts.Bool(true), Position: "insideTopLeft", Formatter: "{b}"},
			ItemStyle: &opts.ItemStyle{Color: colorProjected},
		},
	}
	central.MarkLines = m.markLines()
	series = append(series, central)
	return series, append([]string{"Central projection"}, legend...)
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
