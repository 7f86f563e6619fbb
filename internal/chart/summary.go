package chart

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/words"
)

// summary describes m in one or two plain sentences for screen readers,
// in the words of m.words.
func (m *model) summary() string {
	var b strings.Builder
	b.Grow(256)
	if m.proj != nil {
		m.projectionSummary(&b)
		b.WriteString(" ")
	} else {
		kind, kindOf := words.LineChart, words.LineChartOf
		if m.kind == TypeBar {
			kind, kindOf = words.BarChart, words.BarChartOf
		}
		var of strings.Builder
		if len(m.layers) > 1 {
			for i, ly := range m.layers {
				switch {
				case i == len(m.layers)-1:
					of.WriteString(" ")
					of.WriteString(m.words.Text(words.And))
					of.WriteString(" ")
				case i > 0:
					of.WriteString(m.words.Comma())
				}
				of.WriteString(ly.name)
				if u := m.layerUnit(ly); u != "" {
					of.WriteString(" (" + u + ")")
				}
			}
			if m.unit != "" {
				of.WriteString(" (" + m.unit + ")")
			}
		} else {
			of.WriteString(m.subject())
		}
		if of.Len() > 0 {
			m.words.Write(&b, kindOf, of.String())
		} else {
			m.words.Write(&b, kind)
		}
		b.WriteString(" ")
	}
	for i, ly := range m.layers {
		if len(m.layers) > 1 {
			if i > 0 {
				b.WriteString(" ")
			}
			b.WriteString(ly.name)
			b.WriteString(m.words.Colon())
		}
		observedSummary(&b, m.loc, m.words, ly.obs, ly.grain)
	}
	if m.proj == nil && m.hasLimit {
		// Drawn on a line or bar chart too, where no projection says it.
		b.WriteString(" ")
		m.words.Write(&b, words.SummaryLimit, m.limitLabel()+m.limitOwner())
	}
	if len(m.events) > 0 {
		var list strings.Builder
		for i, e := range m.events {
			if i > 0 {
				list.WriteString(m.words.Semicolon())
			}
			list.WriteString(longDate(m.loc, m.words, e.Date))
			list.WriteString(m.words.Comma())
			list.WriteString(e.Label)
		}
		b.WriteString(" ")
		m.words.Write(&b, words.SummaryEvents, list.String())
	}
	return b.String()
}

// projectionSummary writes "Projection of casualties: 0 on 5 December
// 2024, rising 92 a day, reaches 12,000 on 15 April 2025; low scenario 70 a
// day (26 May 2025), high 110 a day (25 March 2025)."
func (m *model) projectionSummary(b *strings.Builder) {
	p := m.proj
	start := data.WrittenNumberIn(m.loc, p.Start.Value, p.Start.Places)
	// What is projected: its block and unit when the chart shows one block.
	of := m.unit
	if len(m.layers) == 1 {
		of = m.subject()
	}
	if p.Start.Grain.Shows(p.Start.Date) != data.ByDay {
		// From an observation written as a month or a year.
		date := reading(m.loc, m.words, p.Start.Date, false, p.Start.Grain)
		if of != "" {
			m.words.Write(b, words.ProjectionInOf, of, start, date)
		} else {
			m.words.Write(b, words.ProjectionIn, start, date)
		}
	} else if date := longDate(m.loc, m.words, p.Start.Date); of != "" {
		m.words.Write(b, words.ProjectionStartOf, of, start, date)
	} else {
		m.words.Write(b, words.ProjectionStart, start, date)
	}
	b.WriteString(m.words.Comma())
	b.WriteString(m.rate(p.Central.Rate, p.Central.RatePlaces, true))
	if p.Fitted {
		b.WriteString(" ")
		b.WriteString(m.words.Text(words.Fitted))
	}
	b.WriteString(m.words.Comma())
	limit := ""
	if p.HasLimit {
		limit = data.WrittenNumberIn(m.loc, p.Limit, p.LimitPlaces)
	}
	switch {
	case p.HasLimit && p.Central.Reaches:
		m.words.Write(b, words.ReachesOn, limit, m.crossingDate(&p.Central, true))
	case p.HasLimit:
		m.words.Write(b, words.NotReaching, limit, m.end(words.ByDate, words.ByStart, m.samples[len(m.samples)-1].Date))
	default:
		last := m.samples[len(m.samples)-1]
		end := formatNumber(m.loc, last.Central, p.Places(last.Central))
		if start == end {
			// A level series: "still 1,040 on 1 January 2026".
			m.words.Write(b, words.StillAt, end, m.end(words.OnDate, words.OnStart, last.Date))
		} else {
			m.words.Write(b, words.ReachingAt, end, m.end(words.ByDate, words.ByStart, last.Date))
		}
	}
	sep := m.words.Semicolon()
	// A scenario's rate goes without its verb only where every rate rises,
	// "low scenario 70 a day": after a fall or no change, a bare "high 20
	// a month" would be read as falling too.
	verbs := p.Central.Rate <= 0 || (p.Low != nil && p.Low.Rate <= 0) || (p.High != nil && p.High.Rate <= 0)
	if p.Low != nil {
		b.WriteString(sep)
		m.words.Write(b, words.LowScenarioRate, m.scenario(p.Low, verbs))
		sep = m.words.Comma()
	}
	if p.High != nil {
		b.WriteString(sep)
		if p.Low == nil {
			m.words.Write(b, words.HighScenarioRate, m.scenario(p.High, verbs))
		} else {
			m.words.Write(b, words.HighRate, m.scenario(p.High, verbs))
		}
	}
	// One full stop after a date that ends with one, "29 апреля 2039 г.".
	if !strings.HasSuffix(b.String(), ".") {
		b.WriteString(".")
	}
	// Where the curves stop, as the chart draws them flat there.
	if p.HasFloor {
		b.WriteString(" ")
		m.words.Write(b, words.SummaryFloor, m.limitText(p.Floor, p.FloorPlaces))
	}
	if p.HasCeiling {
		b.WriteString(" ")
		m.words.Write(b, words.SummaryCeiling, m.limitText(p.Ceiling, p.CeilingPlaces))
	}
}

// limitText writes v, a floor or a ceiling the writer gave, with the
// decimals it was written with (places, as data.Point.Places) and the
// unit of the chart: "0 million square kilometres".
func (m *model) limitText(v float64, places int) string {
	text := data.WrittenNumberIn(m.loc, v, places)
	if m.unit != "" {
		text += " " + m.unit
	}
	return text
}

// scenario returns "70 a day (26 May 2025)" for a scenario, and, with
// verb, "falling 1.8 a month (3 February 2031)" or "rising 20 a month", as
// the central rate is written, not "-1.8 a month".
func (m *model) scenario(s *data.Scenario, verb bool) string {
	var b strings.Builder
	b.WriteString(m.rate(s.Rate, s.RatePlaces, verb))
	p := m.proj
	switch {
	case !p.HasLimit:
	case s.Reaches:
		b.WriteString(" (" + m.crossingDate(s, true) + ")")
	default:
		b.WriteString(" ")
		m.words.Write(&b, words.NotReachingLimit, data.WrittenNumberIn(m.loc, p.Limit, p.LimitPlaces))
	}
	return b.String()
}

// ratePer is the words of a rate in each period but a day's.
var ratePer = map[string]words.Key{"hour": words.RatePerHour, "week": words.RatePerWeek, "month": words.RatePerMonth, "year": words.RatePerYear}

// rate returns a rate: "rising 92 a day", "falling 3 a week", "growing 2%
// a month", "no change (0 a day)"; without the verb when verb is false.
func (m *model) rate(rate float64, places int, verb bool) string {
	exp := m.proj.Model == "exponential"
	shown := rate
	if verb && rate < 0 {
		shown = -rate
	}
	var text, english string
	if m.proj.Fitted {
		// As {{ block.rate }} writes a computed rate.
		v := data.Value{Kind: data.Number, Num: shown}
		text, english = v.In(m.loc), v.String()
	} else {
		text, english = data.WrittenNumberIn(m.loc, shown, places), data.WrittenNumber(shown, places)
	}
	if exp {
		text = m.loc.Percent(text)
	}
	text = m.words.Format(cmp.Or(ratePer[m.proj.Per], words.RatePerDay), text)
	switch {
	case !verb:
		return text
	case strings.Trim(english, "0.") == "":
		// Neither rising nor falling, as written: "no change (0 a day)".
		return m.words.Format(words.NoChange, text)
	case exp && rate < 0:
		return m.words.Format(words.Shrinking, text)
	case exp:
		return m.words.Format(words.Growing, text)
	case rate < 0:
		return m.words.Format(words.Falling, text)
	}
	return m.words.Format(words.Rising, text)
}

// end returns t, the end of the curves, with the words of on or by: "by 4
// March 2025"; but with those of start ("by the start of 4 March 2025")
// when the observations give times of day and t is a midnight, which "by
// 4 March 2025" would place at the day's end, and a crossing at 01:00
// that day on the wrong side of it.
func (m *model) end(on, start words.Key, t time.Time) string {
	if m.timed && !data.HasTime(t) {
		on = start
	}
	return m.words.Format(on, longDate(m.loc, m.words, t))
}

// longDate returns t as "15 April 2025", in the language of loc.
func longDate(loc *locale.Locale, w *words.Table, t time.Time) string {
	var buf [32]byte
	return string(appendDate(buf[:0], loc, w, t, true, false))
}

// crossingDate returns the date of s's crossing as the chart writes it,
// long or short: its day (dayOf), or, for a crossing found to the hour
// (data.Scenario.Hourly), its day and hour, as the table's row gives it,
// "4 Mar 2025 18:00".
func (m *model) crossingDate(s *data.Scenario, long bool) string {
	var buf [64]byte
	if !s.Hourly() {
		return string(appendDate(buf[:0], m.loc, m.words, dayOf(s.Crossing), long, false))
	}
	return string(appendDate(buf[:0], m.loc, m.words, s.Crossing, long, true))
}

// reading returns t, the date of an observation, long, as appendReading
// writes it.
func reading(loc *locale.Locale, w *words.Table, t time.Time, timed bool, grain data.DateGrain) string {
	var buf [48]byte
	return string(appendReading(buf[:0], loc, w, t, true, timed, grain))
}

// observedSummary writes "2 observations from 1 January 2025, latest
// 3,000 on 13 January 2025." in the words of w; of observations written
// as months or years, "66 observations from 1959 to 2024, the latest
// 424.61.", whose dates take no "on" (grain, the layer's).
func observedSummary(b *strings.Builder, loc *locale.Locale, w *words.Table, obs []data.Point, grain data.DateGrain) {
	n := len(obs)
	if n == 0 {
		b.WriteString(w.Text(words.NoObservations))
		return
	}
	// Readings at hours of the day show 00:00 at a midnight too.
	timed := slices.ContainsFunc(obs, func(p data.Point) bool { return data.HasTime(p.Date) })
	last := obs[n-1]
	value, date := data.WrittenNumberIn(loc, last.Value, last.Places), reading(loc, w, last.Date, timed, grain)
	period := grain.Shows(obs[0].Date) != data.ByDay && grain.Shows(last.Date) != data.ByDay
	if n == 1 {
		key := words.OneObservation
		if period {
			key = words.OneObservationIn
		}
		w.Write(b, key, value, date)
		return
	}
	lo, hi := last, last
	for _, p := range obs {
		if p.Value < lo.Value {
			lo = p
		}
		if p.Value > hi.Value {
			hi = p
		}
	}
	count, first := data.WrittenNumberIn(loc, float64(n), 0), reading(loc, w, obs[0].Date, timed, grain)
	low, high := data.WrittenNumberIn(loc, lo.Value, lo.Places), data.WrittenNumberIn(loc, hi.Value, hi.Places)
	switch {
	case period && lo.Value != hi.Value:
		w.Write(b, words.ObservedRangeIn, count, first, date, value, low, high)
	case period:
		w.Write(b, words.ObservationsIn, count, first, date, value)
	case lo.Value != hi.Value:
		w.Write(b, words.ObservationsRange, count, first, value, date, low, high)
	default:
		w.Write(b, words.Observations, count, first, value, date)
	}
}
