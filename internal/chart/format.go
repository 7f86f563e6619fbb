package chart

import (
	"bytes"
	"math"
	"time"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/words"
)

// isoDate formats t as "2006-01-02", the form dates take in the option and
// the CSV, followed by its time of day, "T06:00" (or "T06:00:30"), when it
// has one: an observation's time as the data gives it (data.AppendDateText).
func isoDate(t time.Time) string {
	var b [20]byte
	return string(data.AppendDateText(b[:0], t, data.ByDay))
}

// dayOf returns the day of t, at midnight: a crossing is counted in whole
// days from the projection's start, so a start with a time of day gives
// it that time, which it states no more precisely than the day, as
// {{ block.crossing }} writes it.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// appendDate appends t as "15 Apr 2025", or as "15 April 2025" when long
// is true, in the language of loc; a time of day follows, "15 Apr 2025
// 06:00", or in a long date in the words of w, "15 April 2025 at 06:00",
// in the language's digits. On a chart whose observations give times of
// day (timed) a midnight has its time too, "3 Mar 2025 00:00", as a row
// among readings at other hours of the day.
func appendDate(b []byte, loc *locale.Locale, w *words.Table, t time.Time, long, timed bool) []byte {
	clock := timed || data.HasTime(t)
	if long && clock {
		var date, hm [32]byte
		return append(b, w.Format(words.DateAtTime, string(loc.AppendDate(date[:0], t, locale.Long)), string(appendClock(hm[:0], loc, t)))...)
	}
	if long {
		return loc.AppendDate(b, t, locale.Long)
	}
	b = loc.AppendDate(b, t, locale.Medium)
	if !clock {
		return b
	}
	return appendClock(append(b, ' '), loc, t)
}

// appendReading appends t, a date of a chart whose observations may give
// a time of day, as appendDate does. Of a chart whose observations were
// written as months or years (grain), a date on the first day of one is
// written as that month or year: "Jun 2024" ("June 2024" when long),
// "1959".
func appendReading(b []byte, loc *locale.Locale, w *words.Table, t time.Time, long, timed bool, grain data.DateGrain) []byte {
	if f, ok := grain.Form(t, long); ok {
		return loc.AppendDate(b, t, f)
	}
	return appendDate(b, loc, w, t, long, timed)
}

// appendClock appends t's time of day, "06:00" or "06:00:30", in the
// digits of loc.
func appendClock(b []byte, loc *locale.Locale, t time.Time) []byte {
	if t.Second() != 0 {
		return append(b, loc.Digits(t.Format("15:04:05"))...)
	}
	return append(b, loc.Digits(t.Format("15:04"))...)
}

// formatNumber writes v, a computed number (a projected value, a fitted
// rate), for readers: whole numbers from 100 up, three significant
// figures below, but at least places decimals (a projection's, as its
// start was written, so that 1,010.3 is not shown as a limit of 1,010
// days before it is reached), rounded as data.Round rounds (halves away
// from zero), trailing zeros dropped, thousands grouped, in the language
// of loc: 12000 → "12,000" in English, "12.000" in German; 92.26 →
// "92.3", 0.4561 → "0.456", 0.0000000387 stays itself. A number the
// writer gave is written by data.WrittenNumberIn instead, a tick by
// appendTick.
func formatNumber(loc *locale.Locale, v float64, places int) string {
	var b [32]byte
	return string(appendNumber(b[:0], loc, v, places))
}

// appendNumber appends v to b as formatNumber writes it.
func appendNumber(b []byte, loc *locale.Locale, v float64, places int) []byte {
	return data.AppendNumber(b, loc, v, data.ProjectedDecimals(v, places), true)
}

// appendTick appends the value tick v of an axis whose ticks are step
// apart, with the decimals the step needs, so that ticks 0.025 apart read
// 0.1 and 0.125, not 0.1 and 0.13, in the language of loc.
func appendTick(b []byte, loc *locale.Locale, v, step float64) []byte {
	return data.AppendNumber(b, loc, v, tickDecimals(step), true)
}

// tickScale is how a value axis of large numbers writes its ticks: in
// millions, billions or trillions, each with the short word a newsroom's
// chart puts after it, so that the axis says 130m where the prose says
// "about 130 million" and a phone's axis is not half taken by
// 130,000,000. The zero value writes every digit.
type tickScale struct {
	Size float64 `json:"size"` // 1e6, 1e9 or 1e12
	// Prefix and Suffix are written before and after the digits: "m",
	// "bn" or "tn" after them in English, as "$1.2bn" is written; in
	// other languages CLDR's short words, German's "\u00a0Mio.".
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix"`
	// Compact is set for CLDR's words, whose digits are grouped from
	// five on: Japanese "1000万", not "1,000万".
	Compact bool `json:"compact,omitempty"`
}

// tickScales are the scales of a value axis, largest first.
var tickScales = []tickScale{{Size: 1e12, Suffix: "tn"}, {Size: 1e9, Suffix: "bn"}, {Size: 1e6, Suffix: "m"}}

// scaleOf returns the scale the ticks of a are written in, in the language
// of loc: in English, the largest of a million, a billion and a trillion
// that the axis's greatest tick reaches and in which its step is written
// with two decimals at most (ticks 500,000 apart read 0.5m, 1m, 1.5m;
// ticks from 1,234 to 1,240 billion, 2 billion apart, 1,234bn and not
// 1.234tn); in other languages, the short word CLDR gives the greatest
// tick's magnitude, or a smaller one, in which the step is written with
// two decimals at most ("130\u00a0Mio." in German, "1,3\u00a0млрд" in
// Russian; "12,750万" in Japanese, where 1.275億 would need three);
// otherwise, for an axis of a unit that counts in millions already
// (a.Digits), and for smaller numbers, the zero scale.
func scaleOf(loc *locale.Locale, a axisScale) tickScale {
	if !(a.Step > 0) || a.Digits {
		return tickScale{}
	}
	top := max(math.Abs(a.Min), math.Abs(a.Max))
	if !loc.IsEnglishLanguage() {
		if top == 0 || math.IsInf(top, 0) || math.IsNaN(top) {
			return tickScale{}
		}
		for mag := data.Magnitude(top); mag >= locale.MinLarge; mag-- {
			sc, ok := loc.LargeScale(mag, false)
			if size := math.Pow10(sc.Exp); ok && tickDecimals(a.Step/size) <= 2 {
				return tickScale{Size: size, Prefix: sc.Prefix, Suffix: sc.Suffix, Compact: true}
			}
		}
		return tickScale{}
	}
	for _, sc := range tickScales {
		if top >= sc.Size && tickDecimals(a.Step/sc.Size) <= 2 {
			return sc
		}
	}
	return tickScale{}
}

// appendValueTick appends the tick v of the value axis a, with the
// decimals its step needs, in the scale scaleOf gives it: 130000000 is
// "130m" in English, "130\u00a0Mio." in German; 0 is the language's 0 in
// every scale.
func appendValueTick(b []byte, loc *locale.Locale, v float64, a axisScale) []byte {
	sc := scaleOf(loc, a)
	if sc.Size == 0 {
		return appendTick(b, loc, v, a.Step)
	}
	if sc.Compact {
		var buf [48]byte
		digits := bytes.ReplaceAll(appendTick(buf[:0], nil, v/sc.Size, a.Step/sc.Size), []byte(","), nil)
		if string(digits) == "0" {
			return loc.AppendNumber(b, "0")
		}
		b = append(b, sc.Prefix...)
		b = loc.AppendLargeDigits(b, string(digits))
		return append(b, sc.Suffix...)
	}
	start := len(b)
	b = appendTick(b, loc, v/sc.Size, a.Step/sc.Size)
	if string(b[start:]) == "0" {
		return b
	}
	return append(b, sc.Suffix...)
}

// tickDecimals returns the decimals ticks step apart need: 0.025 needs
// three, 2.5 one, 250 none.
func tickDecimals(step float64) int {
	if !(step > 0) || math.IsInf(step, 0) {
		return 0
	}
	for d := range data.MaxDecimals {
		x := step * math.Pow10(d)
		if math.Abs(x-math.Round(x)) <= 1e-9*x {
			return d
		}
	}
	return data.MaxDecimals
}

// roundFigures rounds v to n significant figures, as data.Round rounds.
func roundFigures(v float64, n int) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	r := data.Round(v, n-1-data.Magnitude(v))
	if r == 0 {
		return 0 // no -0
	}
	return r
}

// computedFigures is how many significant figures the option and the CSV
// keep of a computed number at least: more than any reader is shown
// below 100 (three), few enough that the binary noise of a sum,
// 22.299999999999997, is gone.
const computedFigures = 6

// keepComputed returns v, a computed number, as the option and the CSV
// hold it: to computedFigures significant figures, and never with fewer
// digits than its whole part has, since the table and the tooltip show
// a number from 100 up whole (a projected 12,345,678 is not 12,345,700),
// nor than formatNumber shows it with places decimals.
// The tooltip writes the number it holds as the table writes v, rounded
// once more, so a number that the first rounding would put on a half
// (12,000.4655 kept as 12,000.5, which the tooltip would write 12,001
// where the table writes 12,000) is kept with more figures, as many as
// it takes to round as v does. A number that is a half but for binary
// noise, 4.3 + 0.015 = 4.3149999999999995 (4.31 in the table), rounds
// to the half at any number of figures a decimal writes it with; it is
// kept as the decimal of computedFigures figures next to the half on
// its side, 4.31499, the shortest that rounds as the table writes it,
// rather than as all seventeen digits of its binary value.
func keepComputed(v float64, places int) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	var a, b [48]byte
	// The same rounding in every language: compared in English.
	want := appendNumber(b[:0], nil, v, places)
	agrees := func(k float64) bool { return bytes.Equal(appendNumber(a[:0], nil, k, places), want) }
	least := max(computedFigures, data.Magnitude(v)+1)
	// Past 15 figures the digits of a float64 are its binary noise.
	for figures := least; figures <= 15; figures++ {
		if k := roundFigures(v, figures); agrees(k) {
			return k
		}
	}
	k := roundFigures(v, least)
	dec := least - 1 - data.Magnitude(k)
	unit := math.Pow10(-dec)
	next := k - unit
	if v > k {
		next = k + unit
	}
	if next = data.Round(next, dec); agrees(next) && next != 0 {
		return next
	}
	return v
}
