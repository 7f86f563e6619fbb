package data

// Observations may carry a time of day, as an hourly river gauge or two
// readings of one day do: 2025-03-01T06:00, or 2025-03-01 06:00, seconds
// and a zone optional. The time is kept as written, the clock a reader
// of the data sees, whatever the zone; what cannot be told apart is an
// error: a series that gives times for some observations and not for
// others, and two observations at one written time in different zones
// (the hour repeated when clocks go back).

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// parseObservationDate parses the date of an observation: YYYY-MM-DD at
// midnight UTC, or YYYY-MM-DD, T or a space, and HH:MM or HH:MM:SS
// (with zeros after a decimal point, .000, as some agencies write it), at
// that time of day, with an optional zone (Z, +HH:MM or -HH:MM), which it
// returns as written and otherwise leaves aside. timed reports
// whether s gives a time of day.
func parseObservationDate(s string) (t time.Time, timed bool, zone string, ok bool) {
	if len(s) <= len(time.DateOnly) {
		t, ok = parseDate(s)
		return t, false, "", ok
	}
	d, ok := parseDate(s[:10])
	if !ok || (s[10] != 'T' && s[10] != ' ') {
		return time.Time{}, false, "", false
	}
	rest := s[11:]
	if i := strings.IndexAny(rest, "Z+-"); i >= 0 {
		rest, zone = rest[:i], rest[i:]
		if !validZone(zone) {
			return time.Time{}, false, "", false
		}
	}
	if i := strings.IndexByte(rest, '.'); i >= 0 && strings.Trim(rest[i+1:], "0") == "" && len(rest) > i+1 {
		// 06:00:00.000, as some agencies write their readings: no part
		// of a second to keep.
		rest = rest[:i]
	}
	parts := strings.Split(rest, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return time.Time{}, false, "", false
	}
	var hms [3]int
	for i, p := range parts {
		if len(p) != 2 || !isDigits(p, 2, 2) {
			return time.Time{}, false, "", false
		}
		hms[i], _ = strconv.Atoi(p)
	}
	if hms[0] > 23 || hms[1] > 59 || hms[2] > 59 {
		return time.Time{}, false, "", false
	}
	return d.Add(time.Duration(hms[0])*time.Hour + time.Duration(hms[1])*time.Minute + time.Duration(hms[2])*time.Second), true, zone, true
}

// validZone reports whether z is Z, +HH:MM, -HH:MM, +HHMM or -HHMM.
func validZone(z string) bool {
	if z == "Z" {
		return true
	}
	digits := strings.Replace(z[1:], ":", "", 1)
	return len(z) >= 5 && (z[0] == '+' || z[0] == '-') && isDigits(digits, 4, 4)
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
	if digits == "0000" {
		return "+00:00"
	}
	return z[:1] + digits[:2] + ":" + digits[2:]
}

// timeCheck finds the observations of one series whose times cannot be
// told apart from others': fed each observation in the order of its
// file, it returns what is wrong with it, or "".
type timeCheck struct {
	timedLine, untimedLine int    // the first observation with a time, and without
	timedText              string // as written
	zones                  map[time.Time]zoneSeen
}

// zoneSeen is the zone of the first observation at a written time.
type zoneSeen struct {
	zone, text string
	line       int
}

// see checks the observation written text, at line, read as t.
func (c *timeCheck) see(text string, line int, t time.Time, timed bool, zone string) string {
	if !timed {
		if c.untimedLine == 0 {
			c.untimedLine = line
		}
		if c.timedLine != 0 {
			return fmt.Sprintf("%s has no time of day, and line %d gives one (%s): a day alone cannot be placed among times; give its time, such as %sT00:00", text, c.timedLine, c.timedText, text)
		}
		return ""
	}
	if c.timedLine == 0 {
		c.timedLine, c.timedText = line, text
		if c.untimedLine != 0 {
			return fmt.Sprintf("%s gives a time of day, and line %d gives none: a day alone cannot be placed among times; give a time for every observation of the series, or for none", text, c.untimedLine)
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
		return fmt.Sprintf("%s is the time of line %d (%s) in another zone: a chart shows a time as written, so both would stand at one place (as in the hour repeated when clocks go back); write every time of the series in one zone", text, first.line, first.text)
	}
	return ""
}

// HasTime reports whether t, a date of the data, gives a time of day.
func HasTime(t time.Time) bool {
	return t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0
}

// dateText writes t as YYYY-MM-DD, followed by THH:MM (and :SS when it
// has seconds) when it has a time of day.
func dateText(t time.Time) string {
	switch {
	case t.Second() != 0:
		return t.Format("2006-01-02T15:04:05")
	case HasTime(t):
		return t.Format("2006-01-02T15:04")
	}
	return t.Format(time.DateOnly)
}
