package chart

import (
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/plotline/plotline/internal/data"
)

// maxTableRows bounds the regular rows of the projected table; the rows of
// crossing dates and of the last date come on top.
const maxTableRows = 56

// table returns the figure's table: every observation and the projection
// thinned to days, weeks, months or years, with the crossing dates.
func (m *model) table() table {
	t := table{unit: m.unit, observed: m.obs}
	if m.proj == nil {
		return t
	}
	t.hasProj, t.hasLow, t.hasHigh = true, m.hasLow, m.hasHigh
	first, last := m.samples[0].Date, m.samples[len(m.samples)-1].Date

	// The notes of the crossing days, in the order of the scenarios.
	type note struct {
		day  time.Time
		text string
	}
	var notes []note
	dates := tableDates(first, last)
	limit := formatNumber(m.proj.Limit)
	mark := func(s *data.Scenario, name string) {
		if s == nil || !m.proj.HasLimit || !s.Reaches || s.Crossing.Before(first) || s.Crossing.After(last) {
			return
		}
		dates = append(dates, s.Crossing)
		notes = append(notes, note{s.Crossing, name + " reaches " + limit})
	}
	mark(&m.proj.Central, "Central")
	mark(m.proj.Low, "Low scenario")
	mark(m.proj.High, "High scenario")
	slices.SortFunc(dates, func(a, b time.Time) int { return a.Compare(b) })
	dates = slices.CompactFunc(dates, sameDay)

	p := m.proj
	t.rows = make([]tableRow, len(dates))
	for i, d := range dates {
		r := tableRow{Date: d, Central: valueAt(p.Central.Curve, d), Low: math.NaN(), High: math.NaN()}
		if len(p.Central.Curve) == 0 {
			r.Central = p.Start.Value
		}
		if m.hasLow {
			r.Low = valueAt(p.Low.Curve, d)
		}
		if m.hasHigh {
			r.High = valueAt(p.High.Curve, d)
		}
		for _, n := range notes {
			if !sameDay(n.day, d) {
				continue
			}
			if r.Note != "" {
				r.Note += "; "
			}
			r.Note += n.text
		}
		t.rows[i] = r
	}
	return t
}

// sameDay reports whether a and b fall on the same calendar day, the one
// isoDate writes.
func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// tableDates returns dates from first to last, both included, a day, week,
// month or year apart, so that there are at most about maxTableRows.
func tableDates(first, last time.Time) []time.Time {
	days := last.Sub(first).Hours() / 24
	var years, months, step int
	switch {
	case days <= maxTableRows:
		step = 1
	case days/7 <= maxTableRows:
		step = 7
	case days/30.44 <= maxTableRows:
		months = 1
	default:
		years = int(math.Ceil(days / 365.25 / maxTableRows))
	}
	// Room for the dates, counting months as short ones, and for table to
	// add the crossing days.
	per := float64(step) + 28*float64(months) + 365*float64(years)
	out := make([]time.Time, 0, max(int(days/per), 0)+5)
	for k := 0; ; k++ {
		d := first.AddDate(k*years, k*months, k*step)
		if !d.Before(last) {
			break
		}
		out = append(out, d)
	}
	return append(out, last)
}

// csv returns the chart's data as one CSV table: the observations (date,
// value, label, source) and then, for a projection, the projected values
// on the dates of the figure's table t (date, central, low, high), each
// row leaving the other columns empty. It is written as encoding/csv
// writes it, but straight into one buffer rather than field by field
// from strings.
func (m *model) csv(t table) []byte {
	b := make([]byte, 0, 64+48*len(m.obs)+48*len(t.rows))
	b = append(b, "date,value,label,source"...)
	if m.proj != nil {
		b = append(b, ",central,low,high"...)
	}
	b = append(b, '\n')
	// Commas for the columns after the source, which an observation
	// leaves empty.
	pad := ""
	if m.proj != nil {
		pad = ",,,"
	}
	for _, p := range m.obs {
		b = appendISODate(b, p.Date)
		b = append(b, ',')
		b = appendPlainNumber(b, p.Value, -1)
		b = append(b, ',')
		b = appendCSVField(b, guardCell(p.Label))
		b = append(b, ',')
		b = appendCSVField(b, guardCell(p.Source))
		b = append(b, pad...)
		b = append(b, '\n')
	}
	for _, s := range t.rows {
		b = appendISODate(b, s.Date)
		b = append(b, ",,,,"...)
		b = appendPlainNumber(b, s.Central, 2)
		b = append(b, ',')
		if m.hasLow {
			b = appendPlainNumber(b, s.Low, 2)
		}
		b = append(b, ',')
		if m.hasHigh {
			b = appendPlainNumber(b, s.High, 2)
		}
		b = append(b, '\n')
	}
	return b
}

// appendCSVField appends field to b as encoding/csv's Writer writes it
// with its default settings: in quotes, with quotes doubled, when it holds
// a quote, a comma or a line break, starts with a space or is \.; as it
// is otherwise.
func appendCSVField(b []byte, field string) []byte {
	r, _ := utf8.DecodeRuneInString(field)
	if field != `\.` && !strings.ContainsAny(field, "\",\r\n") && !unicode.IsSpace(r) {
		return append(b, field...)
	}
	b = append(b, '"')
	for {
		i := strings.IndexByte(field, '"')
		if i < 0 {
			break
		}
		b = append(b, field[:i+1]...)
		b = append(b, '"')
		field = field[i+1:]
	}
	b = append(b, field...)
	return append(b, '"')
}

// guardCell defuses text a spreadsheet would run as a formula: a cell
// that starts with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe.
func guardCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
