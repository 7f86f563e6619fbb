package chart

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// isoDate formats t as "2006-01-02", the form dates take in the option and
// the CSV.
func isoDate(t time.Time) string {
	var b [10]byte
	return string(appendISODate(b[:0], t))
}

// appendISODate appends t as "2025-04-15" to b. It is the hot path of
// charts, which write every date of every series two or three times, so
// it writes the digits itself for the years time.Format would give four
// digits for.
func appendISODate(b []byte, t time.Time) []byte {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.AppendFormat(b, time.DateOnly)
	}
	return append(b,
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-',
		byte('0'+d/10), byte('0'+d%10))
}

// longDate formats t as "15 April 2025", for prose.
func longDate(t time.Time) string { return t.Format("2 January 2006") }

// shortDate formats t as "15 Apr 2025", for labels.
func shortDate(t time.Time) string { return t.Format("2 Jan 2006") }

// formatNumber writes v for readers: whole numbers from 100 up, one
// decimal from 1 up, two below, trailing zeros dropped, thousands grouped
// with commas: 12000 → "12,000", 92.26 → "92.3", 0.456 → "0.46".
func formatNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	a := math.Abs(v)
	prec := 2
	switch {
	case a >= 100:
		prec = 0
	case a >= 1:
		prec = 1
	}
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return group(s)
}

// group inserts commas between the thousands of the integer part of the
// decimal number s.
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if len(intPart) <= 3 {
		return sign + s
	}
	var b strings.Builder
	b.Grow(len(s) + len(intPart)/3 + 1)
	b.WriteString(sign)
	lead := len(intPart) % 3
	if lead > 0 {
		b.WriteString(intPart[:lead])
	}
	for i := lead; i < len(intPart); i += 3 {
		if b.Len() > len(sign) {
			b.WriteByte(',')
		}
		b.WriteString(intPart[i : i+3])
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// plainNumber writes v for machines (the CSV): no grouping, at most
// digits decimals, trailing zeros dropped.
func plainNumber(v float64, digits int) string {
	if digits >= 0 {
		p := math.Pow10(digits)
		v = math.Round(v*p) / p
	}
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
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
