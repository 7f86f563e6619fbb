package chart

import (
	"bytes"
	"encoding/csv"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/words"
)

// maxTableRows bounds the regular rows of the projected table; the rows of
// crossing dates and of the last date come on top.
const maxTableRows = 56

// table returns the figure's table: every observation and the projection
// thinned to days, weeks, months or years, with the crossing dates.
func (m *model) table() table {
	t := table{model: m}
	if m.proj == nil {
		return t
	}
	first, last := m.samples[0].Date, m.samples[len(m.samples)-1].Date

	// The notes of the crossings, in the order of the scenarios.
	type note struct {
		day  time.Time
		text string
	}
	var notes []note
	// A rate per hour over a few weeks at most has a row every few
	// hours; otherwise the table has a row a day at most. A crossing has
	// a row of its own at its date and hour (a series read by the hour
	// crosses at any hour of the day), which holds its note, so that the
	// table gives the hour the summary and {{ block.crossing }} give.
	dates := tableDates(first, last)
	if m.proj.Per == "hour" && last.Sub(first) <= maxTableRows*12*time.Hour {
		dates = hourDates(first, last)
	}
	limit := m.limitLabel() // "4 million dollars", as the limit line says
	// A crossing after until has a row too: the central curve's, drawn on
	// to it, and a scenario's, so that every date the summary and
	// {{ block.low.crossing }} can state is in the table.
	mark := func(s *data.Scenario, reaches words.Key) {
		if s == nil || !m.proj.HasLimit || !s.Reaches || s.Crossing.Before(first) {
			return
		}
		dates = append(dates, s.Crossing)
		notes = append(notes, note{s.Crossing, m.words.Format(reaches, limit)})
	}
	mark(&m.proj.Central, words.CentralReaches)
	mark(m.proj.Low, words.LowReaches)
	mark(m.proj.High, words.HighReaches)
	slices.SortFunc(dates, time.Time.Compare)
	dates = slices.CompactFunc(dates, time.Time.Equal)
	// The central curve is drawn past until up to its crossing, the
	// scenarios not at all: a row past until holds the central value
	// where the curve is drawn and a scenario's on its crossing's row.
	beyondTo := last
	if n := len(m.beyond); n > 0 {
		beyondTo = m.beyond[n-1].Date
	}

	p := m.proj
	t.rows = make([]tableRow, len(dates))
	for i, d := range dates {
		r := tableRow{Date: d, Central: math.NaN(), Low: math.NaN(), High: math.NaN()}
		if !d.After(beyondTo) || p.HasLimit && p.Central.Reaches && d.Equal(p.Central.Crossing) {
			r.Central = p.Central.ValueAt(d)
		}
		// The start's own row, as written; not a later row of its day.
		if (len(p.Central.Curve) == 0 || d.Equal(p.Start.Date)) && !d.After(last) {
			r.Central, r.Start, r.Places = p.Start.Value, true, p.Start.Places
		}
		if m.hasLow && (!d.After(last) || d.Equal(p.Low.Crossing)) {
			r.Low = p.Low.ValueAt(d)
		}
		if m.hasHigh && (!d.After(last) || d.Equal(p.High.Crossing)) {
			r.High = p.High.ValueAt(d)
		}
		for _, n := range notes {
			if !n.day.Equal(d) {
				continue
			}
			if r.Note != "" {
				r.Note += m.words.Semicolon()
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
		// Months as a projection counts them: from 31 January, 28
		// February and 31 March, none left out.
		d := data.AddMonths(first, k*(12*years+months)).AddDate(0, 0, k*step)
		if !d.Before(last) {
			break
		}
		out = append(out, d)
	}
	return append(out, last)
}

// hourDates returns dates from first to last, both included, 1, 2, 3, 6
// or 12 hours apart, so that there are at most about maxTableRows.
func hourDates(first, last time.Time) []time.Time {
	hours := last.Sub(first).Hours()
	step := 12
	for _, h := range []int{1, 2, 3, 6} {
		if hours/float64(h) <= maxTableRows {
			step = h
			break
		}
	}
	var out []time.Time
	for d := first; d.Before(last); d = d.Add(time.Duration(step) * time.Hour) {
		out = append(out, d)
	}
	return append(out, last)
}

// csv returns the chart's data as one CSV table, written by encoding/csv.
// For a chart of one block it holds the rows of the figure's table t,
// observed and projected, in date order (on a date that has both, the
// observation first): an observation fills date, value, label and source;
// for a projection, a projected row fills date, central, low, high and
// note (which scenarios reach the limit that day), each row leaving the
// other columns empty. A chart of several blocks has a row per date and,
// for each block, the columns BLOCK, BLOCK_label and BLOCK_source. Every
// observation is there, however many the table shows; numbers are written
// to at least the precision the table shows them with.
func (m *model) csv(t table) []byte {
	if len(t.layers) > 1 {
		return m.csvBlocks(t)
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	header := []string{"date", "value", "label", "source"}
	if t.proj != nil {
		header = append(header, "central", "low", "high", "note")
	}
	w.Write(header) // into a bytes.Buffer, writing does not fail
	rec := make([]string, len(header))
	obs, rows := t.layers[0].obs, t.rows
	// Dates written as months or years stay so, unless a projected row
	// falls within one (a crossing): the column then holds days throughout.
	grain := m.grain
	for _, r := range rows {
		if grain.Shows(r.Date) == data.ByDay || r.Note != "" {
			grain = data.ByDay
		}
	}
	for len(obs) > 0 || len(rows) > 0 {
		clear(rec)
		if len(obs) > 0 && (len(rows) == 0 || !rows[0].Date.Before(obs[0].Date)) {
			p := &obs[0]
			obs = obs[1:]
			rec[0], rec[1], rec[2], rec[3] = m.csvDate(p.Date, grain), plainWritten(p.Value, p.Places), data.GuardCell(p.Label), data.GuardCell(p.Source)
		} else {
			r := &rows[0]
			rows = rows[1:]
			rec[0], rec[4], rec[7] = m.csvDate(r.Date, grain), r.csvNumber(m.proj, r.Central), r.Note
			if t.hasLow {
				rec[5] = r.csvNumber(m.proj, r.Low)
			}
			if t.hasHigh {
				rec[6] = r.csvNumber(m.proj, r.High)
			}
		}
		w.Write(rec)
	}
	w.Flush()
	return buf.Bytes()
}

// csvBlocks writes the CSV of a chart of several blocks: a row per date,
// in date order, with a value, label and source column per block (a block
// with two observations on one date takes two rows). Each date is written
// as the blocks on its row wrote it, a year, a month or a day.
func (m *model) csvBlocks(t table) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	header := []string{"date"}
	for _, ly := range t.layers {
		header = append(header, ly.block, ly.block+"_label", ly.block+"_source")
	}
	w.Write(header) // into a bytes.Buffer, writing does not fail
	rec := make([]string, len(header))
	next := make([]int, len(t.layers)) // the next observation of each block
	// A row is a date as the blocks write it: the year 2024, the month
	// January 2024 and the day 1 January 2024 stand on one instant and
	// are three rows, the coarser first, so that each block's dates read
	// back as they were written.
	type key struct {
		day   time.Time
		grain data.DateGrain
	}
	keyOf := func(i int) (key, bool) {
		ly := t.layers[i]
		if j := next[i]; j < len(ly.obs) {
			d := ly.obs[j].Date
			return key{d, ly.grain.Shows(d)}, true
		}
		return key{}, false
	}
	for {
		var row key
		found := false
		for i := range t.layers {
			k, ok := keyOf(i)
			if ok && (!found || k.day.Before(row.day) || k.day.Equal(row.day) && k.grain > row.grain) {
				row, found = k, true
			}
		}
		if !found {
			break
		}
		clear(rec)
		rec[0] = m.csvDate(row.day, row.grain)
		for i, ly := range t.layers {
			if k, ok := keyOf(i); ok && k.day.Equal(row.day) && k.grain == row.grain {
				p := ly.obs[next[i]]
				rec[1+3*i], rec[2+3*i], rec[3+3*i] = plainWritten(p.Value, p.Places), data.GuardCell(p.Label), data.GuardCell(p.Source)
				next[i]++
			}
		}
		w.Write(rec)
	}
	w.Flush()
	return buf.Bytes()
}

// csvDate writes t for the CSV's date column: as isoDate does, but with
// 00:00 on a midnight of a chart whose observations give times of day, so
// that the column holds one form that a spreadsheet or a script reads
// throughout, rather than a date alone on the rows at midnight; and as
// the month or year it stands for ("2024-06", "1959") when every date of
// the column was written so (grain).
func (m *model) csvDate(t time.Time, grain data.DateGrain) string {
	if grain != data.ByDay {
		return string(data.AppendDateText(nil, t, grain))
	}
	if m.timed && !data.HasTime(t) {
		return t.Format("2006-01-02T15:04")
	}
	return isoDate(t)
}

// csvNumber writes v, a value of r, for the CSV: as written on the
// projection's start and on p's floor or ceiling, as keepComputed keeps
// it elsewhere.
func (r *tableRow) csvNumber(p *data.Projection, v float64) string {
	switch places, written := r.written(p, v); {
	case math.IsNaN(v):
		return "" // a scenario past until, as the table leaves it empty
	case written:
		return plainWritten(v, places)
	}
	return plainNumber(keepComputed(v, p.Places(v)))
}

// written reports whether v, a value of r, is a number the writer gave,
// and the decimals it was written with (data.Point.Places): the start
// value on the projection's start, and p's floor or ceiling elsewhere
// (data.Projection.Bound).
func (r *tableRow) written(p *data.Projection, v float64) (places int, ok bool) {
	if r.Start {
		return r.Places, true
	}
	return p.Bound(v)
}

// plainWritten writes v, a number the writer gave with places decimals,
// for the CSV.
func plainWritten(v float64, places int) string {
	if places > 0 {
		if v == 0 {
			v = 0 // -0.00 is 0.00, as the table writes it
		}
		return strconv.FormatFloat(v, 'f', places, 64)
	}
	return plainNumber(v)
}

// plainNumber writes v for machines (the CSV): no grouping, its shortest
// decimal form.
func plainNumber(v float64) string {
	if v == 0 {
		v = 0 // no "-0"
	}
	if math.Abs(v) < 1e15 && v == math.Trunc(v) {
		// A whole number below 2⁵³ is its own shortest form.
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
