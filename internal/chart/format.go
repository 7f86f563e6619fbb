package chart

import (
	"bytes"
	"math"
	"strconv"
	"time"

	"github.com/plotline/plotline/internal/data"
)

// isoDate formats t as "2006-01-02", the form dates take in the option and
// the CSV.
func isoDate(t time.Time) string {
	var b [10]byte
	return string(appendISODate(b[:0], t))
}

// appendISODate appends t as "2025-04-15" to b.
func appendISODate(b []byte, t time.Time) []byte {
	return t.AppendFormat(b, time.DateOnly)
}

// shortDate formats t as "15 Apr 2025", for labels.
func shortDate(t time.Time) string {
	var b [32]byte
	return string(appendDate(b[:0], t, false))
}

// appendDate appends t as "15 Apr 2025", or as "15 April 2025" when long
// is true.
func appendDate(b []byte, t time.Time, long bool) []byte {
	if long {
		return t.AppendFormat(b, "2 January 2006")
	}
	return t.AppendFormat(b, "2 Jan 2006")
}

// formatNumber writes v, a computed number (a projected value, a tick),
// for readers: whole numbers from 100 up, one decimal from 1 up, two
// below, rounded as data.Round rounds (halves away from zero), trailing
// zeros dropped, thousands grouped with commas: 12000 → "12,000", 92.26 →
// "92.3", 0.456 → "0.46". A number the writer gave is written by
// appendWritten instead.
func formatNumber(v float64) string {
	var b [32]byte
	return string(appendNumber(b[:0], v))
}

// appendNumber appends v to b as formatNumber writes it.
func appendNumber(b []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.AppendFloat(b, v, 'f', -1, 64)
	}
	a := math.Abs(v)
	prec := 2
	switch {
	case a >= 100:
		prec = 0
	case a >= 1:
		prec = 1
	}
	v = data.Round(v, prec)
	var buf [32]byte
	var s []byte
	if a < 1e18 && v == math.Trunc(v) {
		// A whole number, as most values are, or one rounded to whole:
		// integers are quicker to write than floats with a fixed
		// precision.
		s = strconv.AppendInt(buf[:0], int64(v), 10)
	} else {
		s = strconv.AppendFloat(buf[:0], v, 'f', prec, 64)
	}
	if bytes.IndexByte(s, '.') >= 0 {
		// Drop the trailing zeros of the decimals, and the point if
		// none are left.
		s = bytes.TrimRight(s, "0")
		s = bytes.TrimSuffix(s, []byte("."))
	}
	if string(s) == "-0" {
		s = s[1:]
	}
	return appendGrouped(b, s)
}

// appendWritten appends v, a number the writer gave (an observation, a
// limit, a rate), as the prose writes it: with every decimal it was
// written with (data.WrittenNumber), so that the table, the drawing and
// the summary show what {{ }} shows.
func appendWritten(b []byte, v float64) []byte {
	return append(b, data.WrittenNumber(v)...)
}

// appendGrouped appends the decimal number s to b with commas between the
// thousands of its integer part.
func appendGrouped(b, s []byte) []byte {
	if len(s) > 0 && s[0] == '-' {
		b = append(b, '-')
		s = s[1:]
	}
	intLen := bytes.IndexByte(s, '.')
	if intLen < 0 {
		intLen = len(s)
	}
	for i := range intLen {
		if i > 0 && (intLen-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	return append(b, s[intLen:]...)
}

// appendPlainNumber appends v for machines (the CSV): no grouping, at
// most digits decimals (any number when digits is negative), trailing
// zeros dropped.
func appendPlainNumber(b []byte, v float64, digits int) []byte {
	if digits >= 0 {
		p := math.Pow10(digits)
		v = math.Round(v*p) / p
	}
	if v == 0 {
		v = 0 // no "-0"
	}
	if math.Abs(v) < 1e15 && v == math.Trunc(v) {
		// A whole number below 2⁵³ is its own shortest form.
		return strconv.AppendInt(b, int64(v), 10)
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}

// periodWord returns "day" for "day" and so on, with "day" for unknown
// periods.
func periodWord(per string) string {
	switch per {
	case "week", "month", "year":
		return per
	}
	return "day"
}
