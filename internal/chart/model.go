package chart

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/words"
)

// maxPlotSamples bounds the number of points a projected curve is drawn
// with, in the option and in the SVG.
const maxPlotSamples = 200

// maxBeyondSamples is the most points of a curve carried on past until to
// its crossing (beyondUntil).
const maxBeyondSamples = 50

// MaxDrawnPoints is the most observations a chart draws of one block.
// A longer series is drawn as at most MaxDrawnPoints of its points chosen
// by largest-triangle-three-buckets, which keeps its shape, its least
// and greatest values and its labelled points (see mustKeep); the table,
// the CSV and the numbers in prose use every point.
const MaxDrawnPoints = 500

// maxMarkers is the most observations a line chart marks with a dot each.
const maxMarkers = 60

// sample is one date of the projected curves. Low and High are NaN when
// the block has no such scenario.
type sample struct {
	Date               time.Time
	Central, Low, High float64
}

// layer is the observations of one block of a chart.
type layer struct {
	block string       // the block's name
	name  string       // the legend's name for it
	unit  string       // the block's unit
	obs   []data.Point // every observation
	drawn []data.Point // the observations drawn: obs, or a sample of it
	slot  int          // its colour, from 1
	id    string       // the option's series id
	// grain is how its observations' dates were written (data.Point.Grain).
	grain data.DateGrain
	// read holds the observations' dates and values as readers are shown
	// them, shared by the copies of the layer (see reading).
	read *readings
}

// readings holds what readers are shown of a layer's observations, written
// once for the tooltips of both SVG frames and the table: buf, and the
// offsets of each observation's date and value in it, zero until written.
type readings struct {
	buf []byte
	at  [][3]int32
}

// reading returns the date and the value of observation i of ly as the
// table and the SVG tooltips show them, in the language of loc, "22 Apr
// 2023" and "3,232", with 00:00 on a midnight when timed. They are valid
// until the next call.
func (ly layer) reading(loc *locale.Locale, timed bool, i int) (date, value []byte) {
	r := ly.read
	if r.at == nil {
		r.at = make([][3]int32, len(ly.obs))
		r.buf = make([]byte, 0, 20*min(len(ly.obs), maxMarkers+maxTableObservations))
	}
	a := &r.at[i]
	if a[2] == 0 {
		p := &ly.obs[i]
		a[0] = int32(len(r.buf))
		r.buf = appendReading(r.buf, loc, nil, p.Date, false, timed, ly.grain)
		a[1] = int32(len(r.buf))
		r.buf = append(r.buf, data.WrittenNumberIn(loc, p.Value, p.Places)...)
		a[2] = int32(len(r.buf))
	}
	return r.buf[a[0]:a[1]], r.buf[a[1]:a[2]]
}

// model is a chart laid out for drawing: everything the option, the SVG,
// the table, the CSV and the summary share.
type model struct {
	kind   string
	unit   string // of the value axis: the blocks' unit when they share one
	layers []layer
	given  string // the name the chart block gives its one block, or ""
	proj   *data.Projection
	events []Event

	// samples holds the projected curves on the central curve's dates
	// and on those where a scenario bends; plot holds at most
	// maxPlotSamples of them.
	samples []sample
	plot    []sample
	// beyond is the central curve carried on from its end, until, to the
	// crossing, when the crossing comes after until: drawn thinner, so
	// that the curve meets the crossing's marker. Low and High are NaN.
	beyond []sample

	hasLow, hasHigh bool
	hasLimit        bool // drawn on every chart type
	limitValue      float64
	limitPlaces     int // as data.Projection.LimitPlaces
	// The projected period, shaded and labelled "Projected": from the
	// projection's start or the latest observation, whichever is later,
	// to the projection's end. It is empty when the projection ends
	// before the latest observation.
	projFrom, projTo time.Time

	xMin, xMax time.Time
	y          axisScale
	// timed is set when an observation gives a time of day: the time
	// axis may then step by hours.
	timed bool
	// grain is how the observations' dates were written, the finest of
	// any drawn: a date shown as a month or a year wherever one falls on
	// its first day (data.DateGrain.Shows), where the dates of several
	// blocks meet (the tooltip, the CSV); a block's own table and points
	// take its own (layer.grain).
	grain data.DateGrain
	// align says where the ticks of weeks, months and years fall, to
	// stand on the readings.
	align tickAlign

	loc *locale.Locale // writes numbers and dates for readers
	// words gives plotline's own words in the site's language: the
	// legend's, the tables', the summary's.
	words *words.Table
}

// newModel lays out the blocks bs, named as refs names them (refs may be
// shorter), for a chart of the given kind marking events, which it takes
// in date order, as the table and the summary list them. A projection is
// drawn for the first block only.
func newModel(bs []*data.Block, refs []BlockRef, kind string, events []Event) (*model, error) {
	b := bs[0]
	events = slices.Clone(events)
	slices.SortStableFunc(events, func(a, b Event) int { return a.Date.Compare(b.Date) })
	m := &model{kind: kind, unit: b.Unit, events: events}
	m.grain = data.ByYear
	observed := false
	for i, blk := range bs {
		if blk.Unit != m.unit {
			m.unit = ""
		}
		ly := layer{block: blk.Name, name: "Observed", unit: blk.Unit, obs: blk.Series, drawn: blk.Series, slot: i + 1, id: idObserved, read: &readings{}}
		if len(bs) > 1 {
			ly.name = strings.ReplaceAll(blk.Name, "_", " ") // "south_korea" is "south korea"
			if i < len(refs) && refs[i].Name != "" {
				ly.name = refs[i].Name
			}
			ly.id = idObserved + "-" + blk.Name
		} else if len(refs) > 0 {
			m.given = refs[0].Name // the chart's name of its one block, for subject
		}
		if len(ly.obs) > MaxDrawnPoints {
			ly.drawn = downsample(ly.obs, MaxDrawnPoints)
		}
		for _, p := range blk.Series {
			if err := checkValue(blk.Name, "observation", p.Date, p.Value); err != nil {
				return nil, err
			}
			m.timed = m.timed || data.HasTime(p.Date)
		}
		if len(blk.Series) > 0 {
			// A series writes every date to one grain.
			ly.grain = blk.Series[0].Grain
			m.grain, observed = min(m.grain, ly.grain), true
		}
		m.layers = append(m.layers, ly)
	}
	if !observed {
		m.grain = data.ByDay
	}
	m.align = alignTicks(bs, kind)
	if p := b.Projection; p != nil && p.HasLimit && finite(p.Limit) {
		m.hasLimit, m.limitValue, m.limitPlaces = true, p.Limit, p.LimitPlaces
	}
	if p := b.Projection; p != nil && p.HasLimit && math.Abs(p.Limit) > maxChartValue {
		return nil, fmt.Errorf("chart: data block %q: the limit %g is beyond the ±1e18 a chart can draw", b.Name, p.Limit)
	}
	if kind == TypeProjection {
		p := b.Projection
		m.proj = p
		m.hasLow = p.Low != nil && len(p.Low.Curve) > 0
		m.hasHigh = p.High != nil && len(p.High.Curve) > 0
		curve := p.Central.Curve
		if len(curve) == 0 {
			curve = []data.Point{p.Start}
		}
		// The dates where a scenario bends too (reaching a floor or a
		// ceiling before the central curve does), or the band would cut
		// the corner from the start to the central curve's bend.
		if m.hasLow || m.hasHigh {
			curve = slices.Clone(curve)
			for _, sc := range []*data.Scenario{p.Low, p.High} {
				if sc == nil {
					continue
				}
				for _, c := range sc.Curve {
					if c.Date.After(curve[0].Date) && c.Date.Before(curve[len(curve)-1].Date) {
						curve = append(curve, data.Point{Date: c.Date, Value: p.Central.ValueAt(c.Date)})
					}
				}
			}
			slices.SortStableFunc(curve, func(a, b data.Point) int { return a.Date.Compare(b.Date) })
			curve = slices.CompactFunc(curve, func(a, b data.Point) bool { return a.Date.Equal(b.Date) })
		}
		m.samples = make([]sample, len(curve))
		for i, c := range curve {
			s := sample{Date: c.Date, Central: c.Value, Low: math.NaN(), High: math.NaN()}
			err := checkValue(b.Name, "projection", c.Date, s.Central)
			if m.hasLow && err == nil {
				s.Low = p.Low.ValueAt(c.Date)
				err = checkValue(b.Name, "low projection", c.Date, s.Low)
			}
			if m.hasHigh && err == nil {
				s.High = p.High.ValueAt(c.Date)
				err = checkValue(b.Name, "high projection", c.Date, s.High)
			}
			if err != nil {
				return nil, err
			}
			m.samples[i] = s
		}
		// A rate per hour is drawn, tabled and written with its hours.
		m.timed = m.timed || p.Per == "hour"
		m.plot = thin(m.samples, maxPlotSamples)
		m.projFrom, m.projTo = m.samples[0].Date, m.samples[len(m.samples)-1].Date
		m.beyond = beyondUntil(p, m.projTo)
		for _, s := range m.beyond {
			if err := checkValue(b.Name, "projection", s.Date, s.Central); err != nil {
				return nil, err
			}
		}
		if n := len(b.Series); n > 0 && b.Series[n-1].Date.After(m.projFrom) {
			m.projFrom = b.Series[n-1].Date
		}
	}
	m.xMin, m.xMax = m.dateRange()
	lo, hi := m.valueRange()
	if withZero(m.kind, lo, hi) {
		lo, hi = min(lo, 0), max(hi, 0)
	}
	m.y = niceScale(lo, hi, 5)
	for _, ly := range m.layers {
		// 2.5m under "million dollars" would be read as 2.5 million
		// million: a unit that counts in millions keeps its digits.
		m.y.Digits = m.y.Digits || data.UnitScale(ly.unit) != 0
	}
	return m, nil
}

// oneScenario returns the value on s's date of the one scenario, low or high,
// that m draws beside the central curve.
func (m *model) oneScenario(s sample) float64 {
	if m.hasLow {
		return s.Low
	}
	return s.High
}

// layerUnit returns the unit a chart writes after the values of ly where
// it writes the values alone, in its tooltip and summary: ly's own unit
// when the chart's blocks have different ones, and "" when they share
// one, which the chart names once instead.
func (m *model) layerUnit(ly layer) string {
	if m.unit != "" {
		return ""
	}
	return ly.unit
}

// layerGrain returns the grain ly's dates were written to, "year",
// "month" or "day", when it is not the chart's own (the finest of its
// blocks'), for the page script's tooltip; "" when it is.
func (m *model) layerGrain(ly layer) string {
	if ly.grain == m.grain || len(ly.obs) == 0 {
		return ""
	}
	return grainNames[ly.grain]
}

// grainNames name the grains of dates for the page script.
var grainNames = [...]string{data.ByDay: "day", data.ByMonth: "month", data.ByYear: "year"}

// subject returns what m shows, for the name of an untitled chart's
// drawings and for its summary: the name of its one block, written with
// spaces (or the name the chart block gives it), and the unit ("sea ice
// (million square kilometres)"), or the names of its blocks as the legend
// gives them and the unit they share ("ukraine and South Korea
// (casualties)"). A unit alone would name a chart "Chart of feet".
func (m *model) subject() string {
	var of string
	if len(m.layers) == 1 {
		of = cmp.Or(m.given, strings.ReplaceAll(m.layers[0].block, "_", " "))
	} else {
		names := make([]string, len(m.layers))
		for i, ly := range m.layers {
			names[i] = ly.name
		}
		last := len(names) - 1
		of = strings.Join(names[:last], ", ") + " " + m.words.Text(words.And) + " " + names[last]
	}
	if m.unit == "" || strings.Contains(strings.ToLower(of), strings.ToLower(m.unit)) {
		return of // "icu beds", not "icu beds (beds)"
	}
	return of + " (" + m.unit + ")"
}

// setWords makes m write plotline's own words from w, and names the
// observations of a chart of one block in w's language.
func (m *model) setWords(w *words.Table) {
	m.words = w
	if len(m.layers) == 1 {
		m.layers[0].name = w.Text(words.Observed)
	}
}

// legendItems returns the entries of the legend, in order: the observed
// series, the projection's lines and band, and the limit (with its value
// when withValue is set).
func (m *model) legendItems(limitValue string) []legendItem {
	var out []legendItem
	for _, ly := range m.layers {
		if len(ly.obs) == 0 {
			continue
		}
		out = append(out, legendItem{name: ly.name, mark: observedMarks[m.kind], slot: ly.slot})
		if m.observedLine(ly) {
			out[len(out)-1].mark = "line"
		}
	}
	if m.proj != nil {
		out = append(out, legendItem{name: m.words.Text(words.CentralProjection), mark: "central"})
		switch {
		case m.hasLow && m.hasHigh:
			out = append(out, legendItem{name: m.words.Text(words.LowHighRange), mark: "band"})
		case m.hasLow:
			out = append(out, legendItem{name: m.words.Text(words.LowScenario), mark: "scenario"})
		case m.hasHigh:
			out = append(out, legendItem{name: m.words.Text(words.HighScenario), mark: "scenario"})
		}
	}
	if _, ok := m.limit(); ok {
		name := m.limitName()
		if limitValue != "" {
			name += m.words.Colon() + limitValue
		}
		out = append(out, legendItem{name: name, mark: "limit"})
	}
	return out
}

// observedLine reports whether the observations of ly are drawn as a
// line: on a line chart, and on a projection chart of more than
// maxMarkers of them, whose dots, each 9 units wide, ran together into a
// ribbon (312 monthly readings at 390 px).
func (m *model) observedLine(ly layer) bool {
	return m.kind == TypeLine || m.kind == TypeProjection && len(ly.drawn) > maxMarkers
}

// labelRuns returns the indices of the points of pts that start a run of
// points labelled alike: those whose label the plot may show.
func labelRuns(pts []data.Point) []int {
	var out []int
	prev := ""
	for i, p := range pts {
		if p.Label != "" && p.Label != prev {
			out = append(out, i)
		}
		prev = p.Label
	}
	return out
}

// observedMarks are the legend's marks of the observations, by chart type.
var observedMarks = map[string]string{TypeProjection: "dot", TypeLine: "line", TypeBar: "bar"}

// dateRange returns the first and last date drawn.
func (m *model) dateRange() (time.Time, time.Time) {
	// Go's zero time is 1 January of the year 1, a date a series may
	// hold: seen, not IsZero, says whether a date was seen.
	var first, last time.Time
	seen := false
	see := func(t time.Time) {
		if !seen || t.Before(first) {
			first = t
		}
		if !seen || t.After(last) {
			last = t
		}
		seen = true
	}
	for _, ly := range m.layers {
		for _, p := range ly.obs {
			see(p.Date)
		}
	}
	for _, s := range m.samples {
		see(s.Date)
	}
	for _, s := range m.beyond {
		see(s.Date)
	}
	for _, e := range m.events {
		see(e.Date)
	}
	if c, ok := m.crossing(); ok {
		see(c)
	}
	if n := m.barSlots(); n > 0 {
		// Room for half a bar at each end: a day at least, or an hour
		// for bars of times of day.
		unit := 24 * time.Hour
		if m.timed {
			unit = time.Hour
		}
		pad := 1
		if n > 1 {
			gap := float64(last.Sub(first)) / float64(unit) / float64(n-1)
			pad = max(pad, int(math.Ceil(gap/2)))
		}
		first, last = first.Add(-time.Duration(pad)*unit), last.Add(time.Duration(pad)*unit)
	}
	if !last.After(first) {
		// One day: in the middle of three, not on the value axis.
		first, last = first.AddDate(0, 0, -1), first.AddDate(0, 0, 1)
	}
	// The room around the data stops where dates can be written, and
	// leaves a day at least.
	if start := data.FirstDay(); first.Before(start) {
		first = start
		if !last.After(first) {
			last = first.AddDate(0, 0, 1)
		}
	}
	if end := m.lastDate(); last.After(end) {
		last = end
		if !first.Before(last) {
			first = last.AddDate(0, 0, -1)
		}
	}
	return first, last
}

// lastDate returns the last date the time axis may reach: data.LastDay,
// at 23:00 when the data has times of day.
func (m *model) lastDate() time.Time {
	end := data.LastDay()
	if m.timed {
		end = end.Add(23 * time.Hour)
	}
	return end
}

// valueRange returns the least and greatest value drawn, limit included.
func (m *model) valueRange() (float64, float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	see := func(v float64) {
		if finite(v) {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	for _, ly := range m.layers {
		for _, p := range ly.obs {
			see(p.Value)
		}
	}
	for _, s := range m.samples {
		see(s.Central)
		see(s.Low)
		see(s.High)
	}
	for _, s := range m.beyond {
		see(s.Central)
	}
	if l, ok := m.limit(); ok {
		see(l)
	}
	if math.IsInf(lo, 1) {
		return 0, 1
	}
	return lo, hi
}

// barSlots returns, for a bar chart, the most bars a block draws; 0 for
// other charts.
func (m *model) barSlots() int {
	n := 0
	if m.kind == TypeBar {
		for _, ly := range m.layers {
			n = max(n, len(ly.drawn))
		}
	}
	return n
}

// projected reports whether m has a projected period to shade: a
// projection that runs on past the latest observation.
func (m *model) projected() bool {
	return m.proj != nil && m.projFrom.Before(m.projTo)
}

// limit returns the block's limit, if it has one.
func (m *model) limit() (float64, bool) {
	return m.limitValue, m.hasLimit
}

// crossing returns the day the central projection reaches the limit.
func (m *model) crossing() (time.Time, bool) {
	if m.proj == nil || !m.proj.HasLimit || !m.proj.Central.Reaches {
		return time.Time{}, false
	}
	return m.proj.Central.Crossing, true
}

// limitName names the limit in the legend: "Limit", and on a chart of
// several blocks "Limit (ukraine)" (limitOwner).
func (m *model) limitName() string {
	return m.words.Text(words.Limit) + m.limitOwner()
}

// limitOwner is what follows the limit's name on a chart of several
// blocks, " (ukraine)", after the block whose projection it is, since the
// other blocks have none and a reader would take an unnamed one for a
// limit of them all; "" on a chart of one block.
func (m *model) limitOwner() string {
	if len(m.layers) > 1 {
		return " (" + m.layers[0].name + ")"
	}
	return ""
}

// limitNumber is the limit's value alone, "12,000": what the limit line
// or the legend says where its label with the unit finds no room.
func (m *model) limitNumber() string {
	l, _ := m.limit()
	return data.WrittenNumberIn(m.loc, l, m.limitPlaces)
}

// limitLabel is the text on the limit line: "12,000 casualties".
func (m *model) limitLabel() string {
	return m.limitText(m.limitValue, m.limitPlaces)
}

// beyondUntil returns the central curve of p from end, the last date of
// its curves, to its crossing, when the crossing comes after end: the
// stretch a chart draws thinner so that the curve reaches the crossing's
// marker, and nil otherwise. A straight line is its two ends; a curve is
// sampled a day apart, at most maxBeyondSamples points, end and the
// crossing included (half the generated site's charts have such a
// stretch, and each sample is drawn four times: the option, two static
// frames and the preview).
func beyondUntil(p *data.Projection, end time.Time) []sample {
	if !p.HasLimit || !p.Central.Reaches || !p.Central.Crossing.After(end) {
		return nil
	}
	cross := p.Central.Crossing
	at := func(t time.Time) sample {
		return sample{Date: t, Central: p.Central.ValueAt(t), Low: math.NaN(), High: math.NaN()}
	}
	days := int((cross.Unix() - end.Unix()) / 86400) // Sub saturates past 292 years
	n := min(days, maxBeyondSamples-2)
	if p.Model != "exponential" {
		n = 0
	}
	out := make([]sample, 0, n+2)
	for i := 0; i <= n; i++ {
		d := 0
		if n > 0 {
			d = int((int64(i)*int64(days) + int64(n)/2) / int64(n))
		}
		t := end.AddDate(0, 0, d)
		if !t.Before(cross) {
			break
		}
		out = append(out, at(t))
	}
	return append(out, at(cross))
}

// thin returns at most n of s, evenly spread, first and last included.
func thin(s []sample, n int) []sample {
	if len(s) <= n {
		return s
	}
	out := make([]sample, 0, n)
	last := len(s) - 1
	for i := range n {
		out = append(out, s[i*last/(n-1)])
	}
	return out
}

// finite reports whether v is neither NaN nor infinite.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// maxChartValue is the largest size of a value a chart draws. Past it the
// axis arithmetic loses its precision, and far past it overflows; no
// quantity an explainer charts comes near it (the world's GDP in yen is
// about 2e16).
const maxChartValue = 1e18

// minChartRange is the smallest range of values a chart gives its value
// axis: a series of masses in grams of the order of 10⁻¹¹ is drawn on an
// axis of its own size, ticks 10⁻¹² or so apart.
const minChartRange = 1e-18

// checkValue returns an error unless v, the what of block on date, is a
// number a chart can draw.
func checkValue(block, what string, date time.Time, v float64) error {
	switch {
	case math.IsNaN(v):
		return fmt.Errorf("chart: data block %q: %s on %s is not a number", block, what, isoDate(date))
	case math.Abs(v) > maxChartValue:
		return fmt.Errorf("chart: data block %q: %s on %s is %g, beyond the ±1e18 a chart can draw", block, what, isoDate(date), v)
	}
	return nil
}

// axisScale is a value axis with round ticks from Min to Max.
type axisScale struct {
	Min, Max, Step float64
	// Digits keeps every digit of the ticks, for a unit that counts in
	// thousands, millions or more already (see scaleOf).
	Digits bool
}

// Ticks returns the tick values from Min to Max.
func (a axisScale) Ticks() []float64 {
	var out []float64
	for i := 0; ; i++ {
		v := a.Min + float64(i)*a.Step
		if v > a.Max+a.Step/1e6 {
			break
		}
		out = append(out, math.Round(v/a.Step)*a.Step)
	}
	return out
}

// withZero reports whether the value axis of a chart of kind whose values
// run from lo to hi reaches zero. A bar chart's does, as a bar's length is
// its value. A line or a projection's does when the values cross zero, or
// when zero is near enough that reaching it takes at most half the axis
// (the least value at most half the greatest, or the like below zero), or
// when they do not vary; otherwise the axis fits the values, as it does in
// Datawrapper's and the newsrooms' line charts: a reservoir at 1,040 feet
// falling to its floor of 950, drawn from zero, would be a flat line along
// the top of the plot.
func withZero(kind string, lo, hi float64) bool {
	switch {
	case kind == TypeBar, lo <= 0 && hi >= 0, !(hi-lo >= minChartRange):
		return true
	case lo > 0:
		return lo <= hi/2
	}
	return hi >= lo/2
}

// niceScale returns an axis covering lo..hi with about n round steps of 1,
// 2, 2.5 or 5 times a power of ten. The caller adds zero to the range
// when the axis is to reach it (withZero).
func niceScale(lo, hi float64, n int) axisScale {
	// A tiny range is of values that do not vary, which withZero has
	// taken to zero: values all next to nothing (or all zero) get the axis
	// of zeros, as the ticks of a smaller range would need more decimals
	// than a chart writes (data.MaxDecimals), and far smaller, dividing it into
	// steps underflows.
	if !(hi-lo >= minChartRange) {
		hi = lo + 1
	}
	raw := (hi - lo) / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, f := range []float64{1, 2, 2.5, 5, 10} {
		if f*mag >= raw {
			step = f * mag
			break
		}
	}
	return axisScale{
		Min:  math.Floor(lo/step) * step,
		Max:  math.Ceil(hi/step) * step,
		Step: step,
	}
}

// dateTick is a labelled date on the time axis.
type dateTick struct {
	Date  time.Time
	Label string
	// Anchor is where the label stands on its tick: "" centred on it,
	// "start" from it (the first label, at the left edge of the frame)
	// or "end" up to it (the last, at the right edge).
	Anchor string
}

// span returns the left and right of t's label on canvas c.
func (t dateTick) span(c *svgCanvas) (float64, float64) {
	x, w := c.x(t.Date), textWidth(t.Label, fontSmall)
	switch t.Anchor {
	case "start":
		return x, x + w
	case "end":
		return x - w, x
	}
	return x - w/2, x + w/2
}

// dateStep is a round distance between two dates of the time axis.
type dateStep struct{ hours, days, months, years int }

// approxDays returns the length of st in days, months and years taken at
// their average length.
func (st dateStep) approxDays() float64 {
	return float64(st.hours)/24 + float64(st.days) + 30.44*float64(st.months) + 365.25*float64(st.years)
}

// dateSteps are the steps of the time axis, finest first: hours for
// observations with a time of day a few days apart at most.
var dateSteps = []dateStep{
	{hours: 1}, {hours: 2}, {hours: 3}, {hours: 6}, {hours: 12},
	{days: 1}, {days: 2}, {days: 7}, {days: 14},
	{months: 1}, {months: 2}, {months: 3}, {months: 6},
	{years: 1}, {years: 2}, {years: 5}, {years: 10}, {years: 25}, {years: 50}, {years: 100},
	{years: 250}, {years: 500}, {years: 1000}, {years: 2500},
}

// tickAlign says where the ticks of a time axis fall, so that they stand
// on the readings rather than beside them.
type tickAlign struct {
	// weekday is a day whose weekday every observation shares (the
	// first observation's): weekly ticks fall on that weekday, a whole
	// number of steps from it. When it is zero they fall on Mondays.
	weekday time.Time
	// monthEnd is set on a chart whose every observation is the last
	// day of its month (quarterly figures dated by the quarter's end): the
	// ticks of months and years fall on the last day of the month or year
	// they name, under its bar or point, where a tick on the 1st of the
	// next month named its point "Jan 2024" for the last quarter of 2023.
	monthEnd bool
	// firstMonth and months, on a chart of month-ends, are the first
	// observation's month and the most months that divide every gap
	// between observations (3 for quarters): the ticks of months step by
	// a multiple of months, on the observations' months.
	firstMonth time.Month
	months     int
	// yearEnd is set on a chart of month-ends that is a bar chart or
	// whose observations are a year apart: the ticks of years fall on
	// the last day of the year they name. A line of monthly figures keeps
	// its year ticks on the 1st of January, where "2020" at the end of
	// 2020 put 2021's points between "2020" and "2021".
	yearEnd bool
}

// alignTicks returns the alignment of the ticks for the observations of
// bs on a chart of the given kind.
func alignTicks(bs []*data.Block, kind string) tickAlign {
	var first time.Time // of the year 1 may be a date of the series: see seen
	seen := false
	sameDay, monthEnd := true, true
	for _, b := range bs {
		for _, p := range b.Series {
			if data.HasTime(p.Date) {
				return tickAlign{}
			}
			sameDay = sameDay && (!seen || p.Date.Weekday() == first.Weekday())
			monthEnd = monthEnd && p.Date.AddDate(0, 0, 1).Day() == 1
			if !seen || p.Date.Before(first) {
				first = p.Date
			}
			seen = true
		}
	}
	a := tickAlign{monthEnd: monthEnd && seen}
	if sameDay {
		a.weekday = first
	}
	if a.monthEnd {
		a.firstMonth = first.Month()
		for _, b := range bs {
			for _, p := range b.Series {
				a.months = gcd(a.months, monthsApart(first, p.Date))
			}
		}
		a.yearEnd = kind == TypeBar || a.months%12 == 0
	}
	return a
}

// monthsApart returns how many months b's month is after a's.
func monthsApart(a, b time.Time) int {
	return (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
}

// gcd returns the greatest common divisor of a and b, b when a is 0.
func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// stepTicks returns the round dates st apart from from to to, or nil when
// there would be more than 200, aligned as align says.
func stepTicks(lang *locale.Locale, from, to time.Time, st dateStep, align tickAlign) []dateTick {
	if to.Sub(from).Hours()/24/st.approxDays() > 200 {
		return nil
	}
	y, mo, d := from.Date()
	loc := from.Location()
	var t time.Time
	switch {
	case st.hours > 0:
		t = time.Date(y, mo, d, from.Hour()/st.hours*st.hours, 0, 0, 0, loc)
	case st.years > 0:
		y0 := y - y%st.years
		t = time.Date(y0, 1, 1, 0, 0, 0, 0, loc)
	case st.months > 0:
		m0 := (int(mo)-1)/st.months*st.months + 1
		if align.months > 1 {
			// On the observations' months: March, June… of quarters.
			m0 = int(mo) - ((int(mo)-int(align.firstMonth))%st.months+st.months)%st.months
		}
		t = time.Date(y, time.Month(m0), 1, 0, 0, 0, 0, loc)
	case st.days == 7 || st.days == 14:
		// The Monday of from's week, or the weekday of the readings, a
		// whole number of steps from the first of them.
		t = time.Date(y, mo, d, 0, 0, 0, 0, loc)
		t = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
		if !align.weekday.IsZero() {
			wy, wm, wd := align.weekday.Date()
			apart := int(math.Round(time.Date(y, mo, d, 0, 0, 0, 0, time.UTC).Sub(time.Date(wy, wm, wd, 0, 0, 0, 0, time.UTC)).Hours() / 24))
			t = time.Date(y, mo, d-((apart%st.days)+st.days)%st.days, 0, 0, 0, 0, loc)
		}
	default:
		t = time.Date(y, mo, d, 0, 0, 0, 0, loc)
	}
	var out []dateTick
	prevYear := -1
	for range 210 {
		next := t.AddDate(st.years, st.months, st.days).Add(time.Duration(st.hours) * time.Hour)
		// t names the month or year; at is where its tick stands.
		at := t
		switch {
		case align.yearEnd && st.years > 0:
			at = time.Date(t.Year(), 12, 31, 0, 0, 0, 0, loc)
		case align.monthEnd && st.months > 0:
			at = t.AddDate(0, 1, -1)
		}
		if at.After(to) {
			break
		}
		if !at.Before(from) {
			var label string
			switch {
			case st.hours > 0 && data.HasTime(t):
				// The hour; midnight says the day instead, below.
				label = lang.Digits(t.Format("15:04"))
			case st.years > 0:
				label = lang.Date(t, locale.Year)
			case st.months > 0:
				if t.Year() != prevYear {
					// The first tick, and the first of each year: January,
					// or March of quarters ticked on their own months.
					label = lang.Date(t, locale.MonthYear)
				} else {
					label = lang.Date(t, locale.Month)
				}
			default:
				if t.Year() != prevYear {
					label = lang.Date(t, locale.Medium)
				} else {
					label = lang.Date(t, locale.DayMonth)
				}
			}
			prevYear = t.Year()
			out = append(out, dateTick{Date: at, Label: label})
		}
		t = next
	}
	return out
}
