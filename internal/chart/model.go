package chart

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/plotline/plotline/internal/data"
)

// maxPlotSamples bounds the number of points a projected curve is drawn
// with, in the option and in the SVG.
const maxPlotSamples = 200

// sample is one date of the projected curves. Low and High are NaN when
// the block has no such scenario.
type sample struct {
	Date               time.Time
	Central, Low, High float64
}

// model is a block laid out for drawing: everything the option, the SVG,
// the table, the CSV and the summary share.
type model struct {
	kind string
	unit string
	obs  []data.Point
	proj *data.Projection

	// samples holds the projected curves on the central curve's dates;
	// plot holds at most maxPlotSamples of them.
	samples []sample
	plot    []sample

	hasLow, hasHigh bool
	hasLimit        bool // drawn on every chart type
	limitValue      float64
	projFrom        time.Time // where the "Projected" shading starts

	xMin, xMax time.Time
	y          axisScale
}

// newModel lays out b for a chart of the given kind.
func newModel(b *data.Block, kind string) (*model, error) {
	m := &model{kind: kind, unit: b.Unit, obs: b.Series}
	if p := b.Projection; p != nil && p.HasLimit && finite(p.Limit) {
		m.hasLimit, m.limitValue = true, p.Limit
	}
	if p := b.Projection; p != nil && p.HasLimit && math.Abs(p.Limit) > maxChartValue {
		return nil, fmt.Errorf("chart: data block %q: the limit %g is beyond the ±1e18 a chart can draw", b.Name, p.Limit)
	}
	for _, p := range b.Series {
		if err := checkValue(b.Name, "observation", p.Date, p.Value); err != nil {
			return nil, err
		}
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
		m.samples = make([]sample, len(curve))
		for i, c := range curve {
			s := sample{Date: c.Date, Central: c.Value, Low: math.NaN(), High: math.NaN()}
			if m.hasLow {
				s.Low = valueAt(p.Low.Curve, c.Date)
			}
			if m.hasHigh {
				s.High = valueAt(p.High.Curve, c.Date)
			}
			if err := checkValue(b.Name, "projection", c.Date, s.Central); err != nil {
				return nil, err
			}
			if m.hasLow {
				if err := checkValue(b.Name, "low projection", c.Date, s.Low); err != nil {
					return nil, err
				}
			}
			if m.hasHigh {
				if err := checkValue(b.Name, "high projection", c.Date, s.High); err != nil {
					return nil, err
				}
			}
			m.samples[i] = s
		}
		m.plot = thin(m.samples, maxPlotSamples)
		m.projFrom = m.samples[0].Date
		if n := len(m.obs); n > 0 && m.obs[n-1].Date.After(m.projFrom) {
			m.projFrom = m.obs[n-1].Date
		}
	}
	m.xMin, m.xMax = m.dateRange()
	lo, hi := m.valueRange()
	m.y = niceScale(lo, hi, 5)
	return m, nil
}

// dateRange returns the first and last date drawn.
func (m *model) dateRange() (time.Time, time.Time) {
	var first, last time.Time
	see := func(t time.Time) {
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if last.IsZero() || t.After(last) {
			last = t
		}
	}
	for _, p := range m.obs {
		see(p.Date)
	}
	for _, s := range m.samples {
		see(s.Date)
	}
	if c, ok := m.crossing(); ok {
		see(c)
	}
	if m.kind == TypeBar && len(m.obs) > 0 {
		// Room for half a bar at each end.
		pad := 1
		if n := len(m.obs); n > 1 {
			gap := last.Sub(first).Hours() / 24 / float64(n-1)
			pad = max(pad, int(math.Ceil(gap/2)))
		}
		first, last = first.AddDate(0, 0, -pad), last.AddDate(0, 0, pad)
	}
	if !last.After(first) {
		last = first.AddDate(0, 0, 1)
	}
	return first, last
}

// valueRange returns the least and greatest value drawn, limit included.
func (m *model) valueRange() (float64, float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	see := func(v float64) {
		if finite(v) {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	for _, p := range m.obs {
		see(p.Value)
	}
	for _, s := range m.samples {
		see(s.Central)
		see(s.Low)
		see(s.High)
	}
	if l, ok := m.limit(); ok {
		see(l)
	}
	if math.IsInf(lo, 1) {
		return 0, 1
	}
	return lo, hi
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

// limitLabel is the text on the limit line: "12,000 casualties".
func (m *model) limitLabel() string {
	l, _ := m.limit()
	if m.unit == "" {
		return formatNumber(l)
	}
	return formatNumber(l) + " " + m.unit
}

// valueAt returns curve's value on t, interpolating linearly between
// samples and holding the end values outside them.
func valueAt(curve []data.Point, t time.Time) float64 {
	n := len(curve)
	if n == 0 {
		return math.NaN()
	}
	i := sort.Search(n, func(i int) bool { return !curve[i].Date.Before(t) })
	switch {
	case i == n:
		return curve[n-1].Value
	case curve[i].Date.Equal(t) || i == 0:
		return curve[i].Value
	}
	a, b := curve[i-1], curve[i]
	f := float64(t.Sub(a.Date)) / float64(b.Date.Sub(a.Date))
	return a.Value + f*(b.Value-a.Value)
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

// niceScale returns an axis covering lo..hi (and zero) with about n round
// steps of 1, 2, 2.5 or 5 times a power of ten.
func niceScale(lo, hi float64, n int) axisScale {
	lo, hi = min(lo, 0), max(hi, 0)
	// The range holds 0, so a tiny one means values that are all next to
	// nothing, which get the axis of zeros; dividing such a range into
	// steps would underflow.
	if !(hi-lo >= 1e-9) {
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
}

// dateTicks returns round dates between from and to, at most about max of
// them: days, weeks, months, quarters or years, whichever fits.
func dateTicks(from, to time.Time, maxTicks int) []dateTick {
	days := to.Sub(from).Hours() / 24
	type step struct {
		days, months, years int
	}
	steps := []step{
		{days: 1}, {days: 2}, {days: 7}, {days: 14},
		{months: 1}, {months: 2}, {months: 3}, {months: 6},
		{years: 1}, {years: 2}, {years: 5}, {years: 10}, {years: 25}, {years: 50}, {years: 100},
	}
	st := steps[len(steps)-1]
	for _, s := range steps {
		approx := float64(s.days) + 30.44*float64(s.months) + 365.25*float64(s.years)
		if days/approx <= float64(maxTicks) {
			st = s
			break
		}
	}
	y, mo, d := from.Date()
	loc := from.Location()
	var t time.Time
	switch {
	case st.years > 0:
		y0 := y - y%st.years
		t = time.Date(y0, 1, 1, 0, 0, 0, 0, loc)
	case st.months > 0:
		m0 := (int(mo)-1)/st.months*st.months + 1
		t = time.Date(y, time.Month(m0), 1, 0, 0, 0, 0, loc)
	case st.days == 7 || st.days == 14:
		// Mondays.
		t = time.Date(y, mo, d, 0, 0, 0, 0, loc)
		t = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	default:
		t = time.Date(y, mo, d, 0, 0, 0, 0, loc)
	}
	out := make([]dateTick, 0, maxTicks+2)
	prevYear := -1
	for i := 0; i < 200; i++ {
		next := t.AddDate(st.years, st.months, st.days)
		if !t.Before(from) && !t.After(to) {
			var label string
			switch {
			case st.years > 0:
				label = t.Format("2006")
			case st.months > 0:
				if t.Month() == time.January || prevYear < 0 {
					label = t.Format("Jan 2006")
				} else {
					label = t.Format("Jan")
				}
			default:
				if t.Year() != prevYear {
					label = t.Format("2 Jan 2006")
				} else {
					label = t.Format("2 Jan")
				}
			}
			prevYear = t.Year()
			out = append(out, dateTick{Date: t, Label: label})
		}
		if t.After(to) {
			break
		}
		t = next
	}
	return slices.Clip(out)
}
