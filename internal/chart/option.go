package chart

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/words"
)

// Colours of the live chart. The static SVG uses the same ones as
// fallbacks of its CSS custom properties, and the page script replaces
// them with the properties' values.
const (
	colorObserved   = "#2f6fb3"
	colorProjection = "#d9480f"
	colorLimit      = "#4d5158" // the theme's --pl-limit, light: neutral, not an alarm
	colorProjected  = "rgba(128,128,128,0.10)"
	colorText       = "#1c1e22"
	colorEvent      = "#5a5f67"
)

// slotColors are the colours of the observed series of a chart, from the
// Okabe–Ito palette (darkened where needed to stand out on a light page);
// the theme's --pl-chart-series-N properties override them, light and
// dark.
var slotColors = [MaxBlocks]string{colorObserved, "#b84e00", "#007a5a", "#a8447f", "#8a6d00", "#4d5158"}

// slotColor returns the colour of slot n, from 1.
func slotColor(n int) string { return slotColors[(n-1)%len(slotColors)] }

// slotSymbols are the ECharts markers of the slots: the shapes the static
// chart draws.
var slotSymbols = [4]string{"circle", "rect", "triangle", "diamond"}

// fontFamily is the chart's font, in both renderings.
const fontFamily = `system-ui,-apple-system,"Segoe UI",sans-serif`

// Series ids the page script and the browser tests rely on: the observed
// series of a chart of one block is "observed", those of a chart of
// several blocks "observed-BLOCK".
const (
	idObserved = "observed"
	idCentral  = "central"
	idBeyond   = "central-beyond"
	idLow      = "low"
	idHigh     = "high"
	idBand     = "band"
	idLimit    = "limit"
	idEvents   = "events"
)

// optPoint is one point of a series in the option: its date and value
// and, for an observation, the label and source the page script's tooltip
// shows, each left out when empty.
type optPoint struct {
	Value  [2]any `json:"value"`          // the date as "2006-01-02", the value
	Name   string `json:"name,omitempty"` // the observation's label
	Source string `json:"source,omitempty"`
	// Places is data.Point.Places: the tooltip writes the value with as
	// many decimals, as the page's text does.
	Places int `json:"places,omitempty"`
	// Written marks the point of a projected line on the projection's
	// start, whose value is the start value the writer gave, or on its
	// floor or ceiling (and the band's width where its upper edge is
	// there): the tooltip writes it as written, as it writes an
	// observation, rather than as a computed number.
	Written bool `json:"written,omitempty"`
	// Crossing marks a projected point on a day a scenario reaches the
	// limit, of observations written as months or years: the tooltip
	// writes its date as the day the projection computes, as the table's
	// row of it does, not as the month or year its first day starts.
	Crossing bool `json:"crossing,omitempty"`
}

// points returns ps as the data of a series.
func points(ps []data.Point) []optPoint {
	out := make([]optPoint, len(ps))
	for i, p := range ps {
		out[i] = optPoint{Value: [2]any{isoDate(p.Date), p.Value}, Name: p.Label, Source: p.Source, Places: p.Places}
	}
	return out
}

// chartOption is what a figure gives its page script: the ECharts option
// with what both frames share (the series, the axes' ranges, the tooltip,
// the accessible description), and for each frame its size, the option's
// parts that follow the frame's layout (the plot's margins, the ticks, the
// legend's rows, the labels) and the texts of the time axis's labels.
type chartOption struct {
	Option *echartsOption `json:"option"`
	Frames []frameOption  `json:"frames"`
	// Unit is the unit the chart's blocks share, which the tooltip writes
	// after its values: in full, where the label above the plot may be
	// shortened to fit its frame.
	Unit string `json:"unit,omitempty"`
	// Locale is how the tooltip writes numbers and dates, in a language
	// other than English; absent, the script writes English.
	Locale *pageLocale `json:"locale,omitempty"`
	// TickScale is the scale the value axis's ticks are written in,
	// "130m" for 130,000,000; absent, every digit is written.
	TickScale *tickScale `json:"tickScale,omitempty"`
	// Words are the tooltip's words in the site's language; absent, the
	// script writes English.
	Words *pageWords `json:"words,omitempty"`
	// Grain is "month" or "year" when the observations' dates were
	// written as months or years: the tooltip then writes a date on the
	// first day of one as that month or year, as the table does.
	Grain string `json:"grain,omitempty"`
}

// pageWords are the words the page script's tooltip writes before the
// projection's values.
type pageWords struct {
	Central string `json:"central"`
	Range   string `json:"range"`
	Low     string `json:"low"`
	High    string `json:"high"`
	Colon   string `json:"colon"` // after each of them: ": "
}

// newPageWords returns the tooltip's words of w, nil when they are the
// English ones the script knows.
func newPageWords(w *words.Table) *pageWords {
	p := pageWords{Central: w.Text(words.CentralProjection), Range: w.Text(words.Range), Low: w.Text(words.LowScenario), High: w.Text(words.HighScenario), Colon: w.Colon()}
	if p == (pageWords{words.CentralProjection.English(), words.Range.English(), words.LowScenario.English(), words.HighScenario.English(), (*words.Table)(nil).Colon()}) {
		return nil
	}
	return &p
}

// pageLocale is how the page script writes numbers and dates in the
// site's language, as the chart's Go writes them (package locale).
type pageLocale struct {
	Decimal   string `json:"decimal"`
	Group     string `json:"group"`
	Primary   int    `json:"primary"`
	Secondary int    `json:"secondary"`
	// MinGrouping is how many digits go left of the first group before
	// groups are written: 2 in Spanish, which writes 1234 and 12.345.
	MinGrouping int       `json:"minGrouping"`
	Zero        string    `json:"zero"`  // the digit zero; the others follow it
	Minus       [2]string `json:"minus"` // written before and after a negative number
	// Months are the short month names, January first; Date is the
	// order of a date, as locale.Locale.Pattern gives it.
	Months [12]string `json:"months"`
	Date   []string   `json:"date"`
	// MonthYear is the order of a month and its year, "Nov 2025", and
	// MonthNames the names of its month fields other than "{MMM}": a
	// month of a year in full ("{MMMM}", Czech's "listopad 2025"), or
	// as a month without its day is named ("{LLL}", Russian's "май").
	MonthYear  []string              `json:"monthYear"`
	MonthNames map[string][12]string `json:"monthNames,omitempty"`
}

// newPageLocale returns loc as the page script reads it, nil for English.
func newPageLocale(loc *locale.Locale) *pageLocale {
	if loc.IsEnglish() {
		return nil
	}
	n := loc.Numbers()
	months, _ := loc.MonthNames("{MMM}")
	pl := &pageLocale{
		Decimal: n.Decimal, Group: n.Group, Primary: n.Primary, Secondary: n.Secondary, MinGrouping: n.MinGrouping,
		Zero: string(n.Zero), Minus: [2]string{n.MinusPrefix, n.MinusSuffix},
		Months: months, Date: loc.Pattern(locale.Medium), MonthYear: loc.Pattern(locale.MonthYear),
	}
	for _, field := range pl.MonthYear {
		if names, ok := loc.MonthNames(field); ok && field != "{MMM}" {
			if pl.MonthNames == nil {
				pl.MonthNames = map[string][12]string{}
			}
			pl.MonthNames[field] = names
		}
	}
	return pl
}

// frameOption is one frame of a chart for the page script.
type frameOption struct {
	Name    string      `json:"name"`
	Width   float64     `json:"width"`
	Height  float64     `json:"height"`
	XLabels [][2]string `json:"xLabels"` // date, label
	// LegendText gives the legend's text of a series whose name the
	// layout shortened to fit the frame, by the series' name.
	LegendText map[string]string `json:"legendText,omitempty"`
	Option     *echartsOption    `json:"option"`
}

// echartsOption is an ECharts option, in go-echarts' types, encoded by
// encoding/json. Where go-echarts has no field for a key a chart needs, a
// type of this file embeds go-echarts' and adds it.
type echartsOption struct {
	Animation types.Bool      `json:"animation,omitempty"`
	Aria      *opts.Aria      `json:"aria,omitempty"`
	Graphic   []graphicText   `json:"graphic,omitempty"`
	Grid      []opts.Grid     `json:"grid,omitempty"`
	Legend    []legendRow     `json:"legend,omitempty"`
	Series    []series        `json:"series,omitempty"`
	TextStyle *opts.TextStyle `json:"textStyle,omitempty"`
	Tooltip   *opts.Tooltip   `json:"tooltip,omitempty"`
	XAxis     []axis          `json:"xAxis,omitempty"`
	YAxis     []axis          `json:"yAxis,omitempty"`
}

// axis is go-echarts' axis with the keys it has no field for.
type axis struct {
	opts.XAxis
	// Interval is the step between a value axis's ticks. Left to itself,
	// ECharts picks its own step inside the given minimum and maximum,
	// so ticks and gridlines fall elsewhere than the static chart's.
	Interval  float64    `json:"interval,omitempty"`
	AxisLabel *axisLabel `json:"axisLabel,omitempty"`
	AxisTick  *axisTick  `json:"axisTick,omitempty"`
}

// axisLabel is go-echarts' axis label with the values to label, which
// ECharts takes since 5.5.1 and go-echarts has no field for.
type axisLabel struct {
	opts.AxisLabel
	CustomValues []any `json:"customValues,omitempty"`
}

// axisTick is go-echarts' axis tick with the values to mark.
type axisTick struct {
	opts.AxisTick
	CustomValues []any `json:"customValues,omitempty"`
}

// legendRow is one row of the legend, placed by the layout: go-echarts'
// legend with the gap between its items.
type legendRow struct {
	opts.Legend
	ItemGap int `json:"itemGap"`
}

// legendDatum is an entry of a legend row, with its own mark.
type legendDatum struct {
	Name      string          `json:"name"`
	Icon      string          `json:"icon,omitempty"`
	ItemStyle *opts.ItemStyle `json:"itemStyle,omitempty"`
}

// graphicText is a text element of ECharts' graphic component, which
// go-echarts has no type for: the live chart's labels, placed by the
// layout in the frame's pixels.
type graphicText struct {
	Type   string           `json:"type"` // "text"
	ID     string           `json:"id"`
	X      float64          `json:"x"`
	Y      float64          `json:"y"`
	Silent bool             `json:"silent"`
	Z      int              `json:"z"`
	Info   string           `json:"info,omitempty"` // what the label says: unit, limit, crossing…
	Slot   int              `json:"slot,omitempty"` // the colour slot of an observation's label
	Style  graphicTextStyle `json:"style"`
}

// graphicTextStyle is the style of a graphicText.
type graphicTextStyle struct {
	Text          string `json:"text"`
	Fill          string `json:"fill"`
	Font          string `json:"font"`
	Align         string `json:"align"`
	VerticalAlign string `json:"verticalAlign"`
}

// series is go-echarts' series with the stacking strategy, which
// go-echarts has no field for.
type series struct {
	charts.SingleSeries
	// StackStrategy says which values of the series below are added to
	// this one's: ECharts' default, "samesign", adds only those of the
	// same sign, which leaves a band that runs below zero on the wrong
	// base; "all" adds them all.
	StackStrategy string `json:"stackStrategy,omitempty"`
	// MarkLine stands for SingleSeries.MarkLines, which it hides from
	// encoding/json, to say its precision.
	MarkLine *markLine `json:"markLine,omitempty"`
	// MarkPoint marks the labelled observations of an observed series
	// drawn as a line without its markers.
	MarkPoint *markPoint `json:"markPoint,omitempty"`
	// Unit is the unit of an observed series, which the page script's
	// tooltip writes after its values, in a chart of blocks whose units
	// differ; a chart whose blocks share one names it once, above the
	// value axis, and the tooltip takes it from there.
	Unit string `json:"unit,omitempty"`
	// Grain is "year", "month" or "day" for an observed series whose
	// dates were written to another grain than the chart's finest (an
	// annual block beside a monthly one): the tooltip then writes its
	// date as its own table does, beside its value.
	Grain string `json:"grain,omitempty"`
}

// markLine is a series' mark lines with the precision ECharts rounds their
// values to. Left to itself ECharts rounds a mark's value to two decimals
// and draws the line there: a limit of 0.105 at 0.1.
type markLine struct {
	opts.MarkLines
	Precision int `json:"precision,omitempty"`
}

// markPoint is ECharts' mark point component of a series (go-echarts'
// MarkPoints writes its symbol as a list, which a mark point does not
// read, and has no key for silent): it marks the observations of a series
// drawn as a line, too many to mark each, where a label's run starts,
// beside which the plot may write the label, as the static chart marks
// them. Its marks take their series' colour.
type markPoint struct {
	Silent     bool             `json:"silent"`
	Animation  bool             `json:"animation"`
	Symbol     string           `json:"symbol"`
	SymbolSize int              `json:"symbolSize"`
	Label      *opts.Label      `json:"label"`
	Data       []markPointDatum `json:"data"`
}

// markPointDatum is one mark of a markPoint: a date and a value.
type markPointDatum struct {
	Coord [2]any `json:"coord"`
}

// labelMarks returns the mark point that marks the starts of the label
// runs of ps, drawn as symbol, or nil when no point of ps is labelled.
func labelMarks(ps []data.Point, symbol string) *markPoint {
	runs := labelRuns(ps)
	if len(runs) == 0 {
		return nil
	}
	mp := &markPoint{Silent: true, Symbol: symbol, SymbolSize: 7, Label: &opts.Label{Show: opts.Bool(false)}}
	for _, i := range runs {
		mp.Data = append(mp.Data, markPointDatum{Coord: [2]any{isoDate(ps[i].Date), ps[i].Value}})
	}
	return mp
}

// lineSeries returns the series that draws the observations of ly as a
// line in the colour of its slot, its slot's symbol at each point while
// there are few (maxMarkers), and past them a mark where a label's run
// starts.
func lineSeries(ly layer, animation types.Bool) series {
	colour, symbol := slotColor(ly.slot), slotSymbols[(ly.slot-1)%len(slotSymbols)]
	sr := series{SingleSeries: charts.SingleSeries{
		Name: ly.name, Type: types.ChartLine, Id: ly.id, Data: points(ly.drawn), Animation: animation,
		Symbol: symbol, SymbolSize: 7, ShowSymbol: opts.Bool(len(ly.drawn) <= maxMarkers),
		ItemStyle: &opts.ItemStyle{Color: colour}, LineStyle: &opts.LineStyle{Color: colour, Width: 2},
	}}
	if len(ly.drawn) > maxMarkers {
		sr.MarkPoint = labelMarks(ly.drawn, symbol)
	}
	return sr
}

// bareMarks returns the mark lines of data, drawn as style says (nil: as
// each line's own says), with no symbol at their ends and no label, as
// the layout places their labels; precision as markLine.Precision says.
func bareMarks(data []any, style *opts.LineStyle, precision int) *markLine {
	return &markLine{MarkLines: opts.MarkLines{Data: data, MarkLineStyle: opts.MarkLineStyle{
		Symbol: []string{"none", "none"}, Label: &opts.Label{Show: opts.Bool(false)}, LineStyle: style,
	}}, Precision: precision}
}

// markPrecision is the most decimals ECharts may round a mark line's
// value to: enough for any value a chart draws.
const markPrecision = 20

// option builds the option of m, with summary as its accessible
// description and the frames as the layouts lay them out, as JSON.
// encoding/json escapes <, >, &, U+2028 and U+2029, so the result can sit
// in a script element. The figure's HTML, not the option, ties the option
// to its chart.
func (m *model) option(summary string, layouts [2]*layout) ([]byte, error) {
	out := chartOption{Option: m.buildOption(summary), Unit: m.unit, Locale: newPageLocale(m.loc), Words: newPageWords(m.words)}
	if m.grain != data.ByDay {
		out.Grain = grainNames[m.grain]
	}
	if sc := scaleOf(m.loc, m.y); sc.Size != 0 {
		out.TickScale = &sc
	}
	for _, l := range layouts {
		out.Frames = append(out.Frames, m.frameOption(l))
	}
	return json.Marshal(out)
}

// buildOption returns what the frames of m's option share.
func (m *model) buildOption(summary string) *echartsOption {
	animation := opts.Bool(true)
	opt := &echartsOption{
		Animation: animation,
		Aria: &opts.Aria{
			Enabled: opts.Bool(true),
			Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: summary},
		},
		TextStyle: &opts.TextStyle{FontFamily: fontFamily},
		Tooltip: &opts.Tooltip{
			Show:        opts.Bool(true),
			Trigger:     "axis",
			AxisPointer: &opts.AxisPointer{Type: "line"},
		},
		XAxis: []axis{{XAxis: opts.XAxis{
			Type:      "time",
			Min:       isoDate(m.xMin),
			Max:       isoDate(m.xMax),
			SplitLine: &opts.SplitLine{Show: opts.Bool(false)},
			// At the foot of the plot, as in the static chart, rather than
			// on the value zero, where ECharts puts it by default.
			AxisLine: &opts.AxisLine{OnZero: opts.Bool(false)},
		}}},
		YAxis: []axis{{
			XAxis: opts.XAxis{
				Type: "value",
				Min:  m.y.Min,
				Max:  m.y.Max,
			},
			Interval: m.y.Step,
		}},
	}

	if m.proj != nil {
		opt.Series = m.projectionSeries(animation)
	}
	for _, ly := range m.layers {
		var sr series
		switch {
		case len(ly.obs) == 0:
			continue
		case m.observedLine(ly):
			// On a projection chart, many observations: a line, as the
			// static chart draws them.
			sr = lineSeries(ly, animation)
		case m.kind == TypeBar:
			sr.SingleSeries = charts.SingleSeries{Name: ly.name, Type: types.ChartBar, Id: ly.id, Data: points(ly.drawn), BarGap: "0%", ItemStyle: &opts.ItemStyle{Color: slotColor(ly.slot)}}
		default:
			sr.SingleSeries = charts.SingleSeries{
				Name:       ly.name,
				Type:       types.ChartScatter,
				Id:         ly.id,
				Data:       points(ly.drawn),
				Symbol:     "circle",
				SymbolSize: 9,
				ItemStyle:  &opts.ItemStyle{Color: colorObserved, BorderColor: "#ffffff", BorderWidth: 1},
			}
		}
		sr.Unit, sr.Grain = m.layerUnit(ly), m.layerGrain(ly)
		opt.Series = append(opt.Series, sr)
	}
	if _, ok := m.limit(); ok {
		opt.Series = append(opt.Series, m.limitSeries())
	}
	if len(m.events) > 0 {
		opt.Series = append(opt.Series, m.eventSeries())
	}
	return opt
}

// limitSeries returns the series that draws the limit: a horizontal mark
// line, and an entry of the legend. Its label is one of the layout's.
func (m *model) limitSeries() series {
	v, _ := m.limit()
	return series{SingleSeries: charts.SingleSeries{
		Name:      m.limitName(),
		Type:      types.ChartLine,
		Id:        idLimit,
		Data:      []optPoint{},
		LineStyle: &opts.LineStyle{Color: colorLimit, Width: 1.5},
		ItemStyle: &opts.ItemStyle{Color: colorLimit},
	}, MarkLine: bareMarks([]any{opts.MarkLineNameYAxisItem{Name: m.limitLabel(), YAxis: v}},
		&opts.LineStyle{Color: colorLimit, Width: 1.5, Type: "solid"}, markPrecision)}
}

// eventSeries returns the series that marks the events: a thin vertical
// mark line each, named by its label. The labels are the layout's.
func (m *model) eventSeries() series {
	var marks []any
	for _, e := range m.events {
		marks = append(marks, markLineX{Name: e.Label, XAxis: isoDate(e.Date)})
	}
	return series{SingleSeries: charts.SingleSeries{
		Name: m.words.Text(words.Events),
		Type: types.ChartLine,
		Id:   idEvents,
		Data: []optPoint{},
	}, MarkLine: bareMarks(marks, &opts.LineStyle{Color: colorEvent, Width: 1, Type: "solid", Opacity: opts.Float(0.7)}, 0)}
}

// frameOption returns the parts of m's option that follow layout l.
func (m *model) frameOption(l *layout) frameOption {
	c := &l.c
	px := func(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }
	fo := frameOption{Name: l.f.name, Width: l.f.w, Height: l.f.h, XLabels: [][2]string{}}
	opt := &echartsOption{
		Grid: []opts.Grid{{
			Left: px(c.left), Top: px(c.top), Right: px(l.f.w - c.right), Bottom: px(l.f.h - c.bottom),
			ContainLabel: opts.Bool(false),
		}},
	}
	var labelled, ticked []any
	for _, t := range l.xLabels {
		labelled = append(labelled, isoDate(t.Date))
		fo.XLabels = append(fo.XLabels, [2]string{isoDate(t.Date), isolated(t.Label)})
	}
	for _, t := range l.xTicks {
		ticked = append(ticked, isoDate(t.Date))
	}
	xLabel := opts.AxisLabel{FontSize: fontSmall, Margin: 8}
	if n := len(l.xLabels); n > 0 {
		// ECharts aligns the first and the last label it shows as the
		// layout placed them. A time axis takes its first and last
		// custom value twice, the copies aligned and the others centred
		// on the same date; showing the aligned copy makes ECharts hide
		// the centred one, which overlaps it.
		if l.xLabels[0].Anchor == "start" {
			xLabel.AlignMinLabel, xLabel.ShowMinLabel = "left", opts.Bool(true)
		}
		if l.xLabels[n-1].Anchor == "end" {
			xLabel.AlignMaxLabel, xLabel.ShowMaxLabel = "right", opts.Bool(true)
		}
	}
	opt.XAxis = []axis{{
		AxisLabel: &axisLabel{AxisLabel: xLabel, CustomValues: labelled},
		AxisTick:  &axisTick{CustomValues: ticked},
	}}
	var values []any
	for _, v := range l.yLabels {
		values = append(values, v)
	}
	opt.YAxis = []axis{{AxisLabel: &axisLabel{AxisLabel: opts.AxisLabel{FontSize: fontSmall, Margin: 8}, CustomValues: values}}}

	// The legend, a row at a time.
	var row *legendRow
	rowY := math.NaN()
	for _, it := range l.legend {
		if it.y != rowY {
			opt.Legend = append(opt.Legend, legendRow{
				Legend: opts.Legend{
					Show: opts.Bool(true), Left: px(it.x), Top: px(it.y), Padding: 0,
					ItemWidth: legendMark, ItemHeight: legendMarkH,
					TextStyle: &opts.TextStyle{FontSize: fontSmall},
				},
				ItemGap: legendGap,
			})
			row = &opt.Legend[len(opt.Legend)-1]
			row.Data = []legendDatum{}
			rowY = it.y
		}
		d := legendDatum{Name: it.name, Icon: legendIcons[it.mark]}
		if it.text != it.name {
			if fo.LegendText == nil {
				fo.LegendText = map[string]string{}
			}
			fo.LegendText[it.name] = it.text
		}
		if it.mark == "band" {
			d.ItemStyle = &opts.ItemStyle{Opacity: opts.Float(0.3)}
		}
		row.Data = append(row.Data.([]legendDatum), d)
	}
	if l.limitInLegend != "" {
		// The entry says the limit's value (legendItems): the series it
		// names is renamed to match.
		opt.Series = append(opt.Series, series{SingleSeries: charts.SingleSeries{Id: idLimit, Name: m.limitName() + m.words.Colon() + l.limitInLegend}})
	}

	if m.kind == TypeBar {
		// The static chart's bars, side by side on their date.
		for _, ly := range m.layers {
			opt.Series = append(opt.Series, series{SingleSeries: charts.SingleSeries{Id: ly.id, BarWidth: px(c.barW)}})
		}
	}
	for i, n := range l.notes {
		fill := colorText
		if n.kind == "observation" {
			fill = slotColor(n.slot)
		}
		opt.Graphic = append(opt.Graphic, graphicText{
			Type: "text", ID: "note-" + strconv.Itoa(i), Info: n.kind, Slot: n.slot,
			X: math.Round(n.x*10) / 10, Y: math.Round((n.y-0.35*n.size)*10) / 10,
			Silent: true, Z: 100,
			Style: graphicTextStyle{
				Text: isolated(n.text), Fill: fill,
				Font: strconv.Itoa(int(n.size)) + "px " + fontFamily, Align: textAligns[n.anchor], VerticalAlign: "middle",
			},
		})
	}
	fo.Option = opt
	return fo
}

// textAligns are ECharts' alignments of a text, by label.anchor.
var textAligns = map[string]string{"start": "left", "middle": "center", "end": "right"}

// legendIcons are the marks of the legend's entries, by legendItem.mark,
// as the static legend draws them: a band (filled, and translucent) and a
// bar as rectangles, a line and the limit as a solid line, the central
// projection dashed (dashes of 6, gaps of 4) and a scenario dotted (dots
// of 2, gaps of 3, as thin as its line). A dot takes its series' symbol.
var legendIcons = map[string]string{
	"band": "rect", "bar": "rect", "line": "path://M0,4H16V6H0Z", "limit": "path://M0,4H16V6H0Z",
	"central":  "path://M0,4H6V6H0ZM10,4H16V6H10Z",
	"scenario": "path://M0,4.5H2V5.5H0ZM5,4.5H7V5.5H5ZM10,4.5H12V5.5H10ZM15,4.5H16V5.5H15Z",
}

// markLineX is a vertical mark line with a style of its own, which
// go-echarts' MarkLineNameXAxisItem has no field for.
type markLineX struct {
	Name      string          `json:"name,omitempty"`
	XAxis     string          `json:"xAxis"`
	LineStyle *opts.LineStyle `json:"lineStyle,omitempty"`
	Label     *opts.Label     `json:"label,omitempty"`
}

// projectionSeries returns the projection's series: the low–high band,
// the dashed central line carrying the crossing line and the "Projected"
// shading, and the thinner line on from until to a crossing after it. Each line series gets animation, as go-echarts gives a line
// series the chart's setting.
//
// ECharts fills an area between a line and the line it is stacked on, so
// the band is a transparent line on its lower edge with its width stacked
// on it and filled. The lower edge is the lesser of the two scenarios on
// each date and the width their distance, so the band is right whichever
// scenario is above, and both series stack with strategy "all", so it is
// right wherever it runs, above zero, below it or across it.
func (m *model) projectionSeries(animation types.Bool) []series {
	// curve returns the points of a projected line whose values f gives;
	// a line of a scenario's values, rather than the band's width, has
	// the start value as written on the start, and the floor or the
	// ceiling as written where it stops there.
	start := m.proj.Start
	curveOf := func(samples []sample, f func(sample) float64, scenario bool) []optPoint {
		out := make([]optPoint, len(samples))
		for i, s := range samples {
			v := f(s)
			// Its places are the start's, or more short of the limit
			// (data.Projection.Places), which the tooltip writes it
			// with at least.
			own := m.proj.Places(v)
			out[i] = optPoint{Value: [2]any{isoDate(s.Date), keepComputed(v, own)}, Places: own}
			if scenario && sameDay(s.Date, start.Date) {
				out[i] = optPoint{Value: [2]any{isoDate(s.Date), start.Value}, Places: start.Places, Written: true}
			} else if places, ok := m.proj.Bound(v); scenario && ok {
				out[i] = optPoint{Value: [2]any{isoDate(s.Date), v}, Places: places, Written: true}
			}
			out[i].Crossing = m.grain != data.ByDay && m.crossingDay(s.Date)
		}
		return out
	}
	curve := func(f func(sample) float64, scenario bool) []optPoint { return curveOf(m.plot, f, scenario) }
	line := func(name, id string, pts []optPoint) series {
		return series{SingleSeries: charts.SingleSeries{
			Name: name, Type: types.ChartLine, Id: id, Data: pts,
			Symbol: "none", ShowSymbol: opts.Bool(false),
			Animation: animation,
		}}
	}

	out := make([]series, 0, 4)
	switch {
	case m.hasLow && m.hasHigh:
		hidden := &opts.LineStyle{Opacity: opts.Float(0)}
		low := line(m.words.Text(words.LowScenario), idLow, curve(bandLower, true))
		low.Stack, low.StackStrategy, low.LineStyle = "band", "all", hidden
		// The band's upper edge on the floor or the ceiling is written
		// as written too: its width's point says so, for the tooltip.
		width := curve(func(s sample) float64 { return bandWidth(m.proj, s) }, false)
		for i, s := range m.plot {
			// The tooltip writes the upper edge, the sum, with its places.
			width[i].Places = m.proj.Places(bandUpper(s))
			if written, ok := m.proj.Bound(bandUpper(s)); ok && bandWidth(m.proj, s) != 0 {
				width[i].Places, width[i].Written = written, true
			}
		}
		band := line(m.words.Text(words.LowHighRange), idBand, width)
		band.Stack, band.StackStrategy, band.LineStyle = "band", "all", hidden
		band.ItemStyle = &opts.ItemStyle{Color: colorProjection}
		band.AreaStyle = &opts.AreaStyle{Color: colorProjection, Opacity: opts.Float(0.18)}
		out = append(out, low, band)
	case m.hasLow || m.hasHigh:
		name, id := words.LowScenario, idLow
		if m.hasHigh {
			name, id = words.HighScenario, idHigh
		}
		sc := line(m.words.Text(name), id, curve(m.oneScenario, true))
		// The item colour is the legend mark's, and the one the page's
		// colours replace; without it ECharts takes its palette's.
		sc.LineStyle = &opts.LineStyle{Color: colorProjection, Type: "dotted", Width: 1}
		sc.ItemStyle = &opts.ItemStyle{Color: colorProjection}
		out = append(out, sc)
	}

	central := line(m.words.Text(words.CentralProjection), idCentral, curve(func(s sample) float64 { return s.Central }, true))
	central.LineStyle = &opts.LineStyle{Color: colorProjection, Type: "dashed", Width: 2}
	central.ItemStyle = &opts.ItemStyle{Color: colorProjection}
	if m.projected() {
		central.MarkAreas = &opts.MarkAreas{
			Data: []any{[]opts.MarkAreaData{
				{Name: m.words.Text(words.Projected), XAxis: isoDate(m.projFrom)},
				{XAxis: isoDate(m.projTo)},
			}},
			MarkAreaStyle: opts.MarkAreaStyle{
				Label:     &opts.Label{Show: opts.Bool(false)},
				ItemStyle: &opts.ItemStyle{Color: colorProjected},
			},
		}
	}
	if c, ok := m.crossing(); ok {
		central.MarkLine = bareMarks([]any{markLineX{
			Name:      m.crossingDate(&m.proj.Central, false),
			XAxis:     isoDate(c),
			LineStyle: &opts.LineStyle{Color: colorProjection, Width: 1, Type: "dashed"},
		}}, nil, 0)
	}
	out = append(out, central)
	if len(m.beyond) > 0 {
		// The central curve carried on from until to the crossing,
		// thinner, under the central line's name: one entry of the
		// legend shows and hides both.
		beyond := line(m.words.Text(words.CentralProjection), idBeyond, curveOf(m.beyond, func(s sample) float64 { return s.Central }, false))
		beyond.LineStyle = &opts.LineStyle{Color: colorProjection, Type: "dashed", Width: 1}
		beyond.ItemStyle = &opts.ItemStyle{Color: colorProjection}
		out = append(out, beyond)
	}
	return out
}

// crossingDay reports whether a scenario of the projection reaches the
// limit on t's day.
func (m *model) crossingDay(t time.Time) bool {
	return slices.ContainsFunc([]*data.Scenario{&m.proj.Central, m.proj.Low, m.proj.High}, func(s *data.Scenario) bool {
		return s != nil && m.proj.HasLimit && s.Reaches && sameDay(s.Crossing, t)
	})
}

// bandLower returns the lower edge of the low–high band on s's date.
func bandLower(s sample) float64 { return min(s.Low, s.High) }

// bandUpper returns the upper edge of the low–high band on s's date.
func bandUpper(s sample) float64 { return max(s.Low, s.High) }

// bandWidth returns the height of the low–high band on s's date: what
// the option stacks on its lower edge. It is the difference of the two
// edges as the option keeps them, not rounded again, so that the stack,
// and the tooltip's range, end where the upper edge does: rounded to six
// figures of its own, a width of 257,142.584 on a lower edge of 97,788.5
// ended at 354,932 where the table's upper edge reads 354,931.
func bandWidth(p *data.Projection, s sample) float64 {
	lo, hi := keepComputed(bandLower(s), p.Places(bandLower(s))), keepComputed(bandUpper(s), p.Places(bandUpper(s)))
	w := hi - lo
	// In binary lo + w, which the page script adds as this does, may fall
	// a unit of its last place short of hi, or may have no way to equal
	// it: 0.0001175 (0.000118 to a reader) would then be
	// 0.00011749999999999998 (0.000117). Short of it, it is made the
	// least sum beyond it, which rounds as hi does.
	for i := 0; i < 8 && math.Abs(lo+w) < math.Abs(hi); i++ {
		w = math.Nextafter(w, math.Copysign(math.Inf(1), hi))
	}
	return w
}
