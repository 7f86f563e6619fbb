package chart

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"github.com/plotline/plotline/internal/data"
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

// points is the data of a series in the option: for each point
// {"value":[date,value]}, with, for an observation, the "label" and
// "source" the page script's tooltip shows, each left out when empty.
type points []data.Point

// MarshalJSON implements json.Marshaler. The option's encoder writes the
// points without it; see echartsOption.encode.
func (p points) MarshalJSON() ([]byte, error) { return p.appendJSON(nil) }

// appendJSON appends the JSON of p to b, writing each number and string
// as encoding/json does.
func (p points) appendJSON(b []byte) ([]byte, error) {
	b = append(b, '[')
	for i := range p {
		pt := &p[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"value":["`...)
		b = appendISODate(b, pt.Date)
		b = append(b, `",`...)
		var err error
		if b, err = appendJSONFloat(b, pt.Value); err != nil {
			return nil, err
		}
		b = append(b, ']')
		if pt.Label != "" {
			b = append(b, `,"label":`...)
			b = appendJSONString(b, pt.Label)
		}
		if pt.Source != "" {
			b = append(b, `,"source":`...)
			b = appendJSONString(b, pt.Source)
		}
		b = append(b, '}')
	}
	return append(b, ']'), nil
}

// size returns about how many bytes the JSON of p takes, so that it can
// be written without growing the buffer.
func (p points) size() int {
	n := 2
	for i := range p {
		// `{"value":["2025-04-15",` and `]}`, a number, a comma, and
		// the label and source with their keys.
		n += 24 + 3 + 24 + 1
		if l := len(p[i].Label); l > 0 {
			n += 11 + l
		}
		if l := len(p[i].Source); l > 0 {
			n += 12 + l
		}
	}
	return n
}

// appendJSONFloat appends v as encoding/json writes a float64: like %g,
// but in exponent form only below 1e-6 and from 1e21 on, with the exponent
// not padded to two digits. It fails as encoding/json does on NaN and
// infinities.
func appendJSONFloat(b []byte, v float64) ([]byte, error) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil, &json.UnsupportedValueError{Str: strconv.FormatFloat(v, 'g', -1, 64)}
	}
	format := byte('f')
	if abs := math.Abs(v); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, v, format, -1, 64)
	if format == 'e' {
		// "e-07" becomes "e-7".
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

// appendJSONString appends s as encoding/json writes a string, with <, >
// and & escaped as it escapes them by default.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			// Anything but plain ASCII is left to encoding/json.
			q, _ := json.Marshal(s) // a string always encodes
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// echartsOption is the ECharts option of a chart, in go-echarts' types.
// go-echarts' chart builders fill in defaults by walking their large
// configuration structs with reflection and then copy the whole option
// into a map to encode it, which made up most of the cost of a chart's
// option; this struct holds only the parts a chart uses and is encoded
// directly, by encode.
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
	YAxis     []valueAxis           `json:"yAxis"`
}

// valueAxis is go-echarts' y axis with the style of its name, which
// go-echarts leaves out.
type valueAxis struct {
	opts.YAxis
	NameTextStyle *opts.TextStyle `json:"nameTextStyle,omitempty"`
}

// dataPlaceholder stands in for a series' points while encoding/json
// writes the rest of the option; see encode.
const dataPlaceholder = json.Number("0")

// encode returns the JSON of o: what json.Marshal gives for it, but
// written faster. The series' points, most of the option, are written by
// points.appendJSON straight into the result; through encoding/json they
// would cost more, as it checks and copies what a MarshalJSON method
// returns byte by byte. So while encoding/json writes the rest of the
// option, each series holds dataPlaceholder instead of its points, and the
// points then take its place. In what encoding/json writes, `"data":0` can
// only be a "data" key and its value, as a quote inside a string is
// escaped, and no other "data" of the option is a number.
func (o *echartsOption) encode() ([]byte, error) {
	// The series whose points are swapped out, and their points.
	type swap struct {
		series int
		points points
	}
	var swaps []swap
	size := 0
	for i := range o.Series {
		if p, ok := o.Series[i].Data.(points); ok {
			swaps = append(swaps, swap{i, p})
			size += p.size()
			o.Series[i].Data = dataPlaceholder
		}
	}
	rest, err := json.Marshal(o)
	for _, s := range swaps {
		o.Series[s.series].Data = s.points
	}
	if err != nil {
		return nil, err
	}
	placeholder := []byte(`"data":` + string(dataPlaceholder))
	out := make([]byte, 0, len(rest)+size)
	for _, s := range swaps {
		i := bytes.Index(rest, placeholder)
		if i < 0 {
			return nil, errors.New("chart: the option has no place for a series' points")
		}
		i += len(placeholder) - len(dataPlaceholder)
		out = append(out, rest[:i]...)
		if out, err = s.points.appendJSON(out); err != nil {
			return nil, err
		}
		rest = rest[i+len(dataPlaceholder):]
	}
	return append(out, rest...), nil
}

// echartsPalette is the series palette go-echarts writes into every
// option of its default theme. It is read from go-echarts once rather than
// copied here, so that the option keeps following the library's palette.
var echartsPalette = slices.Clip(charts.NewLine().Colors)

// option builds the ECharts option of m, with summary as its accessible
// description, and encodes it as encoding/json does, escaping <, >, &,
// U+2028 and U+2029 so the result can sit in a script element. The
// figure's HTML, not the option, ties the option to its chart.
func (m *model) option(summary string) ([]byte, error) {
	opt := m.buildOption(summary)
	return opt.encode()
}

// buildOption returns the ECharts option of m, with summary as its
// accessible description.
func (m *model) buildOption(summary string) *echartsOption {
	animation := opts.Bool(true)
	opt := &echartsOption{
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
		YAxis: []valueAxis{{
			YAxis: opts.YAxis{
				Type:         "value",
				Name:         m.unit,
				NameLocation: "end",
				Min:          m.y.Min,
				Max:          m.y.Max,
				AxisLabel:    &opts.AxisLabel{Show: opts.Bool(true)},
			},
		}},
	}
	if m.unit != "" {
		// The unit stands above the axis; centred on it, as ECharts
		// places it, a long unit runs off the chart's left edge.
		opt.YAxis[0].NameTextStyle = &opts.TextStyle{Align: "left"}
	}

	var legend []string
	switch m.kind {
	case TypeBar:
		opt.Series = []charts.SingleSeries{{
			Name:        "Observed",
			Type:        types.ChartBar,
			Id:          idObserved,
			Data:        points(m.obs),
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
			Data:       points(m.obs),
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
				Data:       points(m.obs),
				Symbol:     "circle",
				SymbolSize: 9,
				ItemStyle:  &opts.ItemStyle{Color: colorObserved, BorderColor: "#ffffff", BorderWidth: 1},
			})
			legend = append([]string{"Observed"}, legend...)
		}
	}
	opt.Legend = opts.Legend{Show: opts.Bool(true), Bottom: "0", Data: legend}
	return opt
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
	curve := func(f func(sample) float64) points {
		out := make(points, len(m.plot))
		for i, s := range m.plot {
			out[i] = data.Point{Date: s.Date, Value: round2(f(s))}
		}
		return out
	}
	line := func(name, id string, pts points) charts.SingleSeries {
		return charts.SingleSeries{
			Name: name, Type: types.ChartLine, Id: id, Data: pts,
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
		low := line("Low scenario", idLow, curve(func(s sample) float64 { return s.Low }))
		low.Stack, low.LineStyle = "band", hidden
		band := line("Low–high range", idBand, curve(func(s sample) float64 { return s.High - s.Low }))
		band.Stack, band.LineStyle = "band", hidden
		band.ItemStyle = &opts.ItemStyle{Color: colorProjection}
		band.AreaStyle = &opts.AreaStyle{Color: colorProjection, Opacity: opts.Float(0.18)}
		series = append(series, low, band)
		legend = append(legend, "Low–high range")
	case m.hasLow:
		low := line("Low scenario", idLow, curve(func(s sample) float64 { return s.Low }))
		low.LineStyle = dotted
		series = append(series, low)
		legend = append(legend, "Low scenario")
	case m.hasHigh:
		high := line("High scenario", idHigh, curve(func(s sample) float64 { return s.High }))
		high.LineStyle = dotted
		series = append(series, high)
		legend = append(legend, "High scenario")
	}

	central := line("Central projection", idCentral, curve(func(s sample) float64 { return s.Central }))
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
