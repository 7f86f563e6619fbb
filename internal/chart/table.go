package chart

import (
	"encoding/csv"
	"math"
	"slices"
	"strings"
	"time"

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

	notes := make(map[string][]string) // by ISO date
	dates := tableDates(first, last)
	limit := formatNumber(m.proj.Limit)
	mark := func(s *data.Scenario, name string) {
		if s == nil || !m.proj.HasLimit || !s.Reaches || s.Crossing.Before(first) || s.Crossing.After(last) {
			return
		}
		dates = append(dates, s.Crossing)
		day := isoDate(s.Crossing)
		notes[day] = append(notes[day], name+" reaches "+limit)
	}
	mark(&m.proj.Central, "Central")
	mark(m.proj.Low, "Low scenario")
	mark(m.proj.High, "High scenario")
	slices.SortFunc(dates, func(a, b time.Time) int { return a.Compare(b) })
	dates = slices.CompactFunc(dates, func(a, b time.Time) bool { return isoDate(a) == isoDate(b) })

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
		r.Note = strings.Join(notes[isoDate(d)], "; ")
		t.rows[i] = r
	}
	return t
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
	var out []time.Time
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
// row leaving the other columns empty.
func (m *model) csv(t table) []byte {
	var b strings.Builder
	w := csv.NewWriter(&b)
	header := []string{"date", "value", "label", "source"}
	if m.proj != nil {
		header = append(header, "central", "low", "high")
	}
	// A strings.Builder never fails to write, so neither does w.
	_ = w.Write(header)
	row := make([]string, len(header))
	for _, p := range m.obs {
		clear(row)
		row[0] = isoDate(p.Date)
		row[1] = plainNumber(p.Value, -1)
		row[2] = guardCell(p.Label)
		row[3] = guardCell(p.Source)
		_ = w.Write(row)
	}
	for _, s := range t.rows {
		clear(row)
		row[0] = isoDate(s.Date)
		row[4] = plainNumber(s.Central, 2)
		if m.hasLow {
			row[5] = plainNumber(s.Low, 2)
		}
		if m.hasHigh {
			row[6] = plainNumber(s.High, 2)
		}
		_ = w.Write(row)
	}
	w.Flush()
	return []byte(b.String())
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
