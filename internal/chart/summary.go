package chart

import (
	"slices"
	"strings"
	"time"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/locale"
)

// summary describes m in one or two plain sentences for screen readers.
func (m *model) summary() string {
	var b strings.Builder
	b.Grow(256)
	if m.proj != nil {
		m.projectionSummary(&b)
		b.WriteString(" ")
	} else {
		kind := "Line chart"
		if m.kind == TypeBar {
			kind = "Bar chart"
		}
		b.WriteString(kind)
		if len(m.layers) > 1 {
			b.WriteString(" of ")
			for i, ly := range m.layers {
				switch {
				case i == len(m.layers)-1:
					b.WriteString(" and ")
				case i > 0:
					b.WriteString(", ")
				}
				b.WriteString(ly.name)
				if u := m.layerUnit(ly); u != "" {
					b.WriteString(" (")
					b.WriteString(u)
					b.WriteString(")")
				}
			}
			if m.unit != "" {
				b.WriteString(" (")
				b.WriteString(m.unit)
				b.WriteString(")")
			}
		} else if m.unit != "" {
			b.WriteString(" of ")
			b.WriteString(m.unit)
		}
		b.WriteString(": ")
	}
	for i, ly := range m.layers {
		if len(m.layers) > 1 {
			if i > 0 {
				b.WriteString(" ")
			}
			b.WriteString(ly.name)
			b.WriteString(": ")
		}
		observedSummary(&b, m.loc, ly.obs)
	}
	if m.proj == nil && m.hasLimit {
		// Drawn on a line or bar chart too, where no projection says it.
		b.WriteString(" Limit: ")
		b.WriteString(m.limitLabel())
		b.WriteString(".")
	}
	if len(m.events) > 0 {
		b.WriteString(" Marked dates: ")
		for i, e := range m.events {
			if i > 0 {
				b.WriteString("; ")
			}
			writeLongDate(&b, m.loc, e.Date)
			b.WriteString(", ")
			b.WriteString(e.Label)
		}
		b.WriteString(".")
	}
	return b.String()
}

// projectionSummary writes "Projection of casualties: 0 on 5 December
// 2024, rising 92 a day, reaches 12,000 on 15 April 2025; low scenario 70 a
// day (26 May 2025), high 110 a day (25 March 2025)."
func (m *model) projectionSummary(b *strings.Builder) {
	p := m.proj
	b.WriteString("Projection")
	if m.unit != "" {
		b.WriteString(" of ")
		b.WriteString(m.unit)
	}
	b.WriteString(": ")
	writeWritten(b, m.loc, p.Start.Value, p.Start.Places)
	b.WriteString(" on ")
	writeLongDate(b, m.loc, p.Start.Date)
	b.WriteString(", ")
	m.writeRate(b, p.Central.Rate, p.Central.RatePlaces, true)
	if p.Fitted {
		b.WriteString(" (fitted to the observations)")
	}
	b.WriteString(", ")
	switch {
	case p.HasLimit && p.Central.Reaches:
		b.WriteString("reaches ")
		writeWritten(b, m.loc, p.Limit, p.LimitPlaces)
		b.WriteString(" on ")
		writeLongDate(b, m.loc, dayOf(p.Central.Crossing))
	case p.HasLimit:
		b.WriteString("does not reach ")
		writeWritten(b, m.loc, p.Limit, p.LimitPlaces)
		b.WriteString(" by ")
		m.writeEnd(b, m.samples[len(m.samples)-1].Date)
	default:
		last := m.samples[len(m.samples)-1]
		var start, end strings.Builder
		writeWritten(&start, m.loc, p.Start.Value, p.Start.Places)
		writeNumber(&end, m.loc, last.Central)
		if start.String() == end.String() {
			// A level series: "still 1,040 on 1 January 2026".
			b.WriteString("still ")
			b.WriteString(end.String())
			b.WriteString(" on ")
		} else {
			b.WriteString("reaching ")
			b.WriteString(end.String())
			b.WriteString(" by ")
		}
		m.writeEnd(b, last.Date)
	}
	sep := "; "
	if p.Low != nil {
		b.WriteString(sep)
		b.WriteString("low scenario ")
		m.writeScenario(b, p.Low)
		sep = ", "
	}
	if p.High != nil {
		b.WriteString(sep)
		if p.Low == nil {
			b.WriteString("high scenario ")
		} else {
			b.WriteString("high ")
		}
		m.writeScenario(b, p.High)
	}
	b.WriteString(".")
}

// writeScenario writes "70 a day (26 May 2025)" for a scenario, and
// "falling 1.8 a month (3 February 2031)" for one that falls, as the
// central rate is written, not "-1.8 a month".
func (m *model) writeScenario(b *strings.Builder, s *data.Scenario) {
	m.writeRate(b, s.Rate, s.RatePlaces, s.Rate < 0)
	p := m.proj
	switch {
	case !p.HasLimit:
	case s.Reaches:
		b.WriteString(" (")
		writeLongDate(b, m.loc, dayOf(s.Crossing))
		b.WriteString(")")
	default:
		b.WriteString(" (not reaching ")
		writeWritten(b, m.loc, p.Limit, p.LimitPlaces)
		b.WriteString(")")
	}
}

// writeRate writes a rate: "rising 92 a day", "falling 3 a week",
// "growing 2% a month", "no change (0 a day)"; without the verb when verb
// is false.
func (m *model) writeRate(b *strings.Builder, rate float64, places int, verb bool) {
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
	switch {
	case !verb:
	case strings.Trim(english, "0.") == "":
		// Neither rising nor falling, as written: "no change (0 a day)".
		b.WriteString("no change (")
		defer b.WriteString(")")
	case exp && rate < 0:
		b.WriteString("shrinking ")
	case exp:
		b.WriteString("growing ")
	case rate < 0:
		b.WriteString("falling ")
	default:
		b.WriteString("rising ")
	}
	if exp {
		text = m.loc.Percent(text)
	}
	b.WriteString(text)
	b.WriteString(" ")
	b.WriteString(periodWord(m.proj.Per))
}

// writeNumber writes v as formatNumber does.
func writeNumber(b *strings.Builder, loc *locale.Locale, v float64) {
	var buf [32]byte
	b.Write(appendNumber(buf[:0], loc, v))
}

// writeWritten writes v, a number the writer gave, as appendWritten does.
func writeWritten(b *strings.Builder, loc *locale.Locale, v float64, places int) {
	var buf [32]byte
	b.Write(appendWritten(buf[:0], loc, v, places))
}

// writeEnd writes t, the end of the curves, after "by": as writeLongDate
// does, but as "the start of 4 March 2025" when the observations give
// times of day and t is a midnight, which "by 4 March 2025" would place at
// the day's end, and a crossing at 01:00 that day on the wrong side of it.
func (m *model) writeEnd(b *strings.Builder, t time.Time) {
	if m.timed && !data.HasTime(t) {
		b.WriteString("the start of ")
	}
	writeLongDate(b, m.loc, t)
}

// writeLongDate writes t as "15 April 2025", in the language of loc.
func writeLongDate(b *strings.Builder, loc *locale.Locale, t time.Time) {
	var buf [32]byte
	b.Write(appendDate(buf[:0], loc, t, true))
}

// writeReading writes t, the date of an observation, as writeLongDate
// does, with 00:00 at a midnight when timed (appendReading).
func writeReading(b *strings.Builder, loc *locale.Locale, t time.Time, timed bool) {
	var buf [48]byte
	b.Write(appendReading(buf[:0], loc, t, true, timed))
}

// observedSummary writes "2 observations, latest 3,000 on 13 January
// 2025."
func observedSummary(b *strings.Builder, loc *locale.Locale, obs []data.Point) {
	n := len(obs)
	// Readings at hours of the day show 00:00 at a midnight too.
	timed := slices.ContainsFunc(obs, func(p data.Point) bool { return data.HasTime(p.Date) })
	switch n {
	case 0:
		b.WriteString("No observations.")
		return
	case 1:
		b.WriteString("1 observation, ")
	default:
		writeWritten(b, loc, float64(n), 0)
		b.WriteString(" observations from ")
		writeReading(b, loc, obs[0].Date, timed)
		b.WriteString(", latest ")
	}
	last := obs[n-1]
	writeWritten(b, loc, last.Value, last.Places)
	b.WriteString(" on ")
	writeReading(b, loc, last.Date, timed)
	if n > 1 {
		lo, hi := last, last
		for _, p := range obs {
			if p.Value < lo.Value {
				lo = p
			}
			if p.Value > hi.Value {
				hi = p
			}
		}
		if lo.Value != hi.Value {
			b.WriteString(", ranging from ")
			writeWritten(b, loc, lo.Value, lo.Places)
			b.WriteString(" to ")
			writeWritten(b, loc, hi.Value, hi.Places)
		}
	}
	b.WriteString(".")
}
