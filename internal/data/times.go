package data

// Observations may carry a time of day, as an hourly river gauge or two
// readings of one day do: 2025-03-01T06:00, or 2025-03-01 06:00, seconds
// and a zone optional. The time is kept as written, the clock a reader
// of the data sees, whatever the zone; what cannot be told apart is an
// error: a series that gives times for some observations and not for
// others, and two observations at one written time in different zones
// (the hour repeated when clocks go back).
//
// Observations may also be written by the month (2024-06) or by the year
// (1959), as monthly and annual statistics are published: such a date
// stands on the first day of its month or year, and is shown as written
// (DateGrain). A series writes all its dates to one grain.

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/plotline/plotline/internal/locale"
)

// parseObservationDate parses the date of an observation: YYYY-MM-DD at
// midnight UTC, or YYYY-MM-DD, T or a space, and HH:MM or HH:MM:SS
// (with zeros after a decimal point, .000, as some agencies write it), at
// that time of day, with an optional zone (Z, +HH:MM or -HH:MM), which it
// returns as written and otherwise leaves aside. timed reports
// whether s gives a time of day.
func parseObservationDate(s string) (t time.Time, grain DateGrain, timed bool, zone string, ok bool) {
	switch {
	case len(s) == len("2006") && isDigits(s, 4, 4):
		t, err := time.Parse("2006", s)
		return t, ByYear, false, "", err == nil
	case len(s) == len("2006-01") && s[4] == '-' && isDigits(s[:4], 4, 4) && isDigits(s[5:], 2, 2):
		t, err := time.Parse("2006-01", s)
		return t, ByMonth, false, "", err == nil
	}
	if len(s) <= len(time.DateOnly) {
		t, ok = parseDate(s)
		return t, ByDay, false, "", ok
	}
	d, ok := parseDate(s[:10])
	if !ok || (s[10] != 'T' && s[10] != ' ') {
		return time.Time{}, ByDay, false, "", false
	}
	rest := s[11:]
	if i := strings.IndexAny(rest, "Z+-"); i >= 0 {
		rest, zone = rest[:i], rest[i:]
		if !validZone(zone) {
			return time.Time{}, ByDay, false, "", false
		}
	}
	if i := strings.IndexByte(rest, '.'); i >= 0 && strings.Trim(rest[i+1:], "0") == "" && len(rest) > i+1 {
		// 06:00:00.000, as some agencies write their readings: no part
		// of a second to keep.
		rest = rest[:i]
	}
	parts := strings.Split(rest, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return time.Time{}, ByDay, false, "", false
	}
	var hms [3]int
	for i, p := range parts {
		if len(p) != 2 || !isDigits(p, 2, 2) {
			return time.Time{}, ByDay, false, "", false
		}
		hms[i], _ = strconv.Atoi(p)
	}
	if hms[0] > 23 || hms[1] > 59 || hms[2] > 59 {
		return time.Time{}, ByDay, false, "", false
	}
	return d.Add(time.Duration(hms[0])*time.Hour + time.Duration(hms[1])*time.Minute + time.Duration(hms[2])*time.Second), ByDay, true, zone, true
}

// validZone reports whether z is Z, +HH:MM, -HH:MM, +HHMM or -HHMM.
func validZone(z string) bool {
	return z == "Z" || len(z) >= 5 && (z[0] == '+' || z[0] == '-') && isDigits(strings.Replace(z[1:], ":", "", 1), 4, 4)
}

// sameZone writes z, a zone validZone accepts, one way for each offset:
// Z, +00:00 and +0000 are one zone, and so are +05:30 and +0530.
func sameZone(z string) string {
	switch {
	case z == "":
		return ""
	case z == "Z":
		return "+00:00"
	}
	digits := strings.Replace(z[1:], ":", "", 1)
	return pick(digits == "0000", "+00:00", z[:1]+digits[:2]+":"+digits[2:])
}

// timeCheck finds the observations of one series whose times cannot be
// told apart from others': fed each observation in the order of its
// file, it returns what is wrong with it, or "".
type timeCheck struct {
	timedLine, untimedLine int    // the first observation with a time, and without
	timedText              string // as written
	zones                  map[time.Time]zoneSeen
	// grainLine is the line of the first observation, whose date was
	// written as grainText, to grain.
	grainLine int
	grainText string
	grain     DateGrain
}

// zoneSeen is the zone of the first observation at a written time.
type zoneSeen struct {
	zone, text string
	line       int
}

// read reads text, the date of the observation pt at line, into pt, and
// returns what is wrong with it, or "": a date parseObservationDate
// refuses, or one that cannot be told apart from others' (written to
// another grain than the first, a day among times or a time among days,
// a time of another observation in another zone).
func (c *timeCheck) read(pt *Point, text string, line int) string {
	t, grain, timed, zone, ok := parseObservationDate(text)
	if !ok {
		return badObservationDate("date", text)
	}
	pt.Date, pt.Grain = t, grain
	if c.grainLine == 0 {
		c.grainLine, c.grainText, c.grain = line, text, grain
	} else if grain != c.grain {
		return fmt.Sprintf("date: %s is %s, and line %d gives %s (%s): a series writes every date as a day, every one as a month (2024-06) or every one as a year (1959)", text, grain, c.grainLine, c.grain, c.grainText)
	}
	if !timed {
		c.untimedLine = cmp.Or(c.untimedLine, line)
		if c.timedLine != 0 {
			return fmt.Sprintf("date: %s has no time of day, and line %d gives one (%s): a day alone cannot be placed among times; give its time, such as %sT00:00", text, c.timedLine, c.timedText, text)
		}
		return ""
	}
	if c.timedLine == 0 {
		c.timedLine, c.timedText = line, text
		if c.untimedLine != 0 {
			return fmt.Sprintf("date: %s gives a time of day, and line %d gives none: a day alone cannot be placed among times; give a time for every observation of the series, or for none", text, c.untimedLine)
		}
	}
	if c.zones == nil {
		c.zones = map[time.Time]zoneSeen{}
	}
	zone = sameZone(zone)
	first, seen := c.zones[t]
	if !seen {
		c.zones[t] = zoneSeen{zone, text, line}
		return ""
	}
	if first.zone != zone {
		return fmt.Sprintf("date: %s is the time of line %d (%s) in another zone: a chart shows a time as written, so both would stand at one place (as in the hour repeated when clocks go back); write every time of the series in one zone", text, first.line, first.text)
	}
	return ""
}

// DateGrain is how finely the dates of a series are written: by the day
// (with or without a time of day), by the month (2024-06) or by the year
// (1959). A date written as a month or a year stands on the first day of
// it, and wherever it is shown it is written as it was: "June 2024" and
// "1959", not "1 June 2024" and "1 January 1959".
type DateGrain uint8

// The grains of a date, finest first.
const (
	ByDay DateGrain = iota
	ByMonth
	ByYear
)

// Shows returns the grain t is shown at when it is a date of a series
// written to grain g: g when t is the first moment of its month (ByMonth)
// or year (ByYear), and ByDay otherwise, as for a projection's crossing on
// another day.
func (g DateGrain) Shows(t time.Time) DateGrain {
	_, m, d := t.Date()
	switch {
	case g == ByDay || d != 1 || HasTime(t):
		return ByDay
	case g == ByMonth:
		return ByMonth
	case m == time.January:
		return ByYear
	}
	return ByDay
}

// String names g as messages do: "a day", "a month", "a year".
func (g DateGrain) String() string {
	return "a " + cmp.Or(map[DateGrain]string{ByMonth: "month", ByYear: "year"}[g], "day")
}

// HasTime reports whether t, a date of the data, gives a time of day.
func HasTime(t time.Time) bool {
	return t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0
}

// AppendDateText appends t as the data writes a date, for machines: a
// date of grain g on the first day of its year or month as that year or
// month, "1959" or "2024-06" (see DateGrain.Shows); any other as
// YYYY-MM-DD, followed by THH:MM (and :SS when it has seconds) when it
// has a time of day.
func AppendDateText(b []byte, t time.Time, g DateGrain) []byte {
	switch {
	case g.Shows(t) == ByYear:
		return t.AppendFormat(b, "2006")
	case g.Shows(t) == ByMonth:
		return t.AppendFormat(b, "2006-01")
	case t.Second() != 0:
		return t.AppendFormat(b, "2006-01-02T15:04:05")
	case HasTime(t):
		return t.AppendFormat(b, "2006-01-02T15:04")
	}
	return t.AppendFormat(b, time.DateOnly)
}

// Form returns the locale's form in which a date t of grain g is shown
// to readers when it stands for a year or a month (Shows): Year, or
// LongMonthYear when long and MonthYear otherwise; false for a day,
// which the caller writes its own way.
func (g DateGrain) Form(t time.Time, long bool) (locale.DateForm, bool) {
	switch g.Shows(t) {
	case ByYear:
		return locale.Year, true
	case ByMonth:
		return pick(long, locale.LongMonthYear, locale.MonthYear), true
	}
	return 0, false
}
