package locale

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// DateForm is one of the ways a date is written for readers.
type DateForm int

const (
	// Long is a date in full: "4 November 2025", "4. November 2025".
	Long DateForm = iota
	// Medium is a date with the month shortened, for labels and tables:
	// "4 Nov 2025", "4. Nov. 2025".
	Medium
	// MonthYear is a month of a year, shortened: "Nov 2025".
	MonthYear
	// Month is a month's short name alone: "Nov"; in the few languages
	// whose CLDR writes a month alone otherwise, as they do: "11" in
	// Lithuanian, whose month of a year is "2025-11".
	Month
	// DayMonth is a day and a short month: "4 Nov".
	DayMonth
	// Year is a year alone: "2025".
	Year
	// LongDayMonth is a day and a month in full: "4 November".
	LongDayMonth
	// LongMonthYear is a month of a year in full: "November 2025".
	LongMonthYear
)

// englishLayouts are the Go layouts of the forms in English.
var englishLayouts = [...]string{
	Long:          "2 January 2006",
	Medium:        "2 Jan 2006",
	MonthYear:     "Jan 2006",
	Month:         "Jan",
	DayMonth:      "2 Jan",
	Year:          "2006",
	LongDayMonth:  "2 January",
	LongMonthYear: "January 2006",
}

// partKind says what a part of a date's pattern writes.
type partKind int

const (
	text partKind = iota
	day
	dayPadded // two digits: "04"
	month
	monthShort  // the month's short name, even in a long date
	monthNumber // the month's number, as in 2025年11月4日
	year
	// monthAlone and monthAloneShort are the month's names, in full and
	// short, as a month without a day is written: "ноябрь 2025 г.".
	monthAlone
	monthAloneShort
	monthPadded // the month's number in two digits: 2025-11-04
)

// part is a piece of a date's pattern: a field, or the text between two.
type part struct {
	kind partKind
	text string
}

// kindIn returns what p writes in a form whose month is short or not: a
// month's name is its short name where the form shortens it.
func (p part) kindIn(short bool) partKind {
	if p.kind == month && short {
		return monthShort
	}
	return p.kind
}

// readPattern reads a CLDR date pattern, "d. MMMM y" or "LLLL y 'г'.",
// into its parts: letters are fields, text in single quotes and every
// other character is written as it is, and two single quotes are one. It
// returns nil when the pattern has a field plotline does not write (a
// weekday, a two-digit year, a narrow month).
func readPattern(pattern string) []part {
	var parts []part
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, part{kind: text, text: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(pattern); {
		c := pattern[i]
		switch {
		case c == '\'':
			if strings.HasPrefix(pattern[i:], "''") {
				lit.WriteByte('\'')
				i += 2
				continue
			}
			end := strings.IndexByte(pattern[i+1:], '\'')
			if end < 0 {
				return nil
			}
			lit.WriteString(pattern[i+1 : i+1+end])
			i += end + 2
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			n := len(pattern[i:]) - len(strings.TrimLeft(pattern[i:], pattern[i:i+1])) // the run of c
			kind, ok := patternFields[pattern[i:i+n]]
			if c == 'y' && n != 2 {
				kind, ok = year, true // "y", "yyyy": the year in full
			}
			if !ok {
				return nil
			}
			flush()
			parts = append(parts, part{kind: kind})
			i += n
		default:
			lit.WriteByte(c)
			i++
		}
	}
	flush()
	return parts
}

// patternFields are the kinds of part that the runs of letters of a CLDR
// pattern write, but for the year's; a run not here is a field plotline
// does not write.
var patternFields = map[string]partKind{
	"d": day, "dd": dayPadded, "M": monthNumber, "L": monthNumber, "MM": monthPadded, "LL": monthPadded,
	"MMM": monthShort, "MMMM": month, "LLL": monthAloneShort, "LLLL": monthAlone,
}

// without returns parts without the field of kind k and the text that
// joins it to the rest: the text after it, or before it when it is last.
func without(parts []part, kinds ...partKind) []part {
	out := append([]part(nil), parts...)
	for i := 0; i < len(out); i++ {
		if out[i].kind == text || !slices.Contains(kinds, out[i].kind) {
			continue
		}
		switch {
		case i+1 < len(out) && out[i+1].kind == text:
			out = append(out[:i], out[i+2:]...)
		case i > 0 && out[i-1].kind == text:
			out = append(out[:i-1], out[i+1:]...)
			i--
		default:
			out = append(out[:i], out[i+1:]...)
		}
		i--
	}
	return out
}

// AppendDate appends t in form f, as l writes it.
func (l *Locale) AppendDate(b []byte, t time.Time, f DateForm) []byte {
	if l == nil || l.long == nil {
		return t.AppendFormat(b, englishLayouts[f])
	}
	switch f {
	case Month:
		if l.forms[Month] == nil {
			return append(b, l.names[monthAloneShort][t.Month()-1]...)
		}
	case Year:
		return append(b, l.Digits(strconv.Itoa(t.Year()))...)
	}
	parts, short := l.formParts(f)
	start := len(b)
	for _, p := range parts {
		switch k := p.kindIn(short); k {
		case text:
			b = append(b, p.text...)
		case month, monthShort, monthAlone, monthAloneShort:
			b = append(b, l.names[k][t.Month()-1]...)
		case day:
			b = append(b, l.Digits(strconv.Itoa(t.Day()))...)
		case monthNumber:
			b = append(b, l.Digits(strconv.Itoa(int(t.Month())))...)
		case year:
			b = append(b, l.Digits(strconv.Itoa(t.Year()))...)
		default: // a day or a month in two digits, as its Go layout writes it
			b = append(b, l.Digits(t.Format(fieldText[k].layout))...)
		}
	}
	// A form without a field may begin or end with the space that
	// joined it: "Nov. 2025 " of "4. Nov. 2025 г." is "Nov. 2025".
	trimmed := strings.TrimSpace(string(b[start:]))
	return append(b[:start], trimmed...)
}

// formParts returns the fields of form f in l's pattern, and whether a
// month of its parts is written with the short name: a form CLDR gives no
// pattern plotline reads is the long date with parts left out.
func (l *Locale) formParts(f DateForm) ([]part, bool) {
	switch f {
	case Long:
		return l.long, false
	case Month:
		if l.forms[Month] != nil {
			return l.forms[Month], true
		}
		return []part{{kind: month}}, true
	case Year:
		return []part{{kind: year}}, true
	}
	if parts := l.forms[f]; parts != nil {
		return parts, false
	}
	short := f != LongDayMonth && f != LongMonthYear
	switch f {
	case MonthYear, LongMonthYear:
		return without(l.long, day, dayPadded), short
	case DayMonth, LongDayMonth:
		return without(l.long, year), short
	}
	return l.long, short // Medium
}

// Date returns t in form f, as l writes it.
func (l *Locale) Date(t time.Time, f DateForm) string {
	var b [48]byte
	return string(l.AppendDate(b[:0], t, f))
}

// FormatLayout writes t with the Go time layout of a writer, "2 January
// 2006", in l's language: month and weekday names in it, digits in its
// digits. The order is the layout's. A layout without a day writes the
// month as a month of a year does: "January 2006" is "май 2025", not the
// genitive of a date, "4 мая 2025".
func (l *Locale) FormatLayout(t time.Time, layout string) string {
	if l == nil || l.long == nil {
		return t.Format(layout)
	}
	months, monthsShort := l.names[month], l.names[monthShort]
	if !hasDay(layout) {
		months, monthsShort = l.names[monthAlone], l.names[monthAloneShort]
	}
	var b strings.Builder
	for layout != "" {
		name, size := "", 0
		switch {
		case strings.HasPrefix(layout, "January"):
			name, size = months[t.Month()-1], len("January")
		case strings.HasPrefix(layout, "Jan"):
			name, size = monthsShort[t.Month()-1], len("Jan")
		case strings.HasPrefix(layout, "Monday"):
			name, size = l.weekdays[t.Weekday()], len("Monday")
		case strings.HasPrefix(layout, "Mon"):
			name, size = l.weekdaysShort[t.Weekday()], len("Mon")
		}
		if size > 0 {
			b.WriteString(name)
			layout = layout[size:]
			continue
		}
		// Up to the next name, written by Go, digits as l writes them.
		next := len(layout)
		for _, n := range []string{"Jan", "Mon"} {
			if i := strings.Index(layout[1:], n); i >= 0 && i+1 < next {
				next = i + 1
			}
		}
		b.WriteString(l.Digits(t.Format(layout[:next])))
		layout = layout[next:]
	}
	return b.String()
}

// hasDay reports whether a Go time layout writes the day: its day of the
// month, of the week or of the year, which two days of one month tell.
func hasDay(layout string) bool {
	a := time.Date(2033, time.November, 4, 0, 0, 0, 0, time.UTC)
	return a.Format(layout) != a.AddDate(0, 0, 1).Format(layout)
}

// Pattern returns the order of a date in form f, Medium ("4 Nov 2025")
// or MonthYear ("Nov 2025"), for a page script that writes dates as l
// does: the fields as "{d}", "{dd}" (two digits), "{MMM}" and "{MMMM}"
// (the month's name, short and in full, as a date writes it), "{LLL}"
// and "{LLLL}" (the same, as a month without its day is written), "{M}"
// and "{MM}" (the month's number, in two digits) and "{y}", and the texts
// between them. MonthNames gives the names of each month field.
func (l *Locale) Pattern(f DateForm) []string {
	if l == nil || l.long == nil {
		if f == MonthYear {
			return []string{"{MMM}", " ", "{y}"}
		}
		return []string{"{d}", " ", "{MMM}", " ", "{y}"}
	}
	if f != MonthYear {
		f = Medium
	}
	return l.fields(f, false)
}

// fields returns the parts of form f in l's pattern: the texts between
// the fields, and each field as a Pattern writes it, or as a Go time
// layout does.
func (l *Locale) fields(f DateForm, layout bool) []string {
	parts, short := l.formParts(f)
	out := make([]string, len(parts))
	for i, p := range parts {
		field := fieldText[p.kindIn(short)]
		out[i] = cmp.Or(p.text, field.pattern) // a text part has no field
		if layout && p.kind != text {
			out[i] = field.layout
		}
	}
	return out
}

// fieldText is the field each kind of part writes, in a Pattern and in a
// Go time layout.
var fieldText = [monthPadded + 1]struct{ pattern, layout string }{
	day:             {"{d}", "2"},
	dayPadded:       {"{dd}", "02"},
	month:           {"{MMMM}", "January"},
	monthShort:      {"{MMM}", "Jan"},
	monthAlone:      {"{LLLL}", "January"},
	monthAloneShort: {"{LLL}", "Jan"},
	monthNumber:     {"{M}", "1"},
	monthPadded:     {"{MM}", "01"},
	year:            {"{y}", "2006"},
}

// MonthNames returns the names of the months, January first, that the
// field of a Pattern writes, "{MMM}", "{MMMM}", "{LLL}" or "{LLLL}", and
// false for another field.
func (l *Locale) MonthNames(field string) ([12]string, bool) {
	if l == nil || l.long == nil {
		var out [12]string
		for m := range 12 {
			name := time.Month(m + 1).String()
			if field == "{MMM}" || field == "{LLL}" {
				name = name[:3]
			}
			out[m] = name
		}
		return out, strings.HasPrefix(field, "{MMM") || strings.HasPrefix(field, "{LLL")
	}
	for _, k := range []partKind{month, monthShort, monthAlone, monthAloneShort} {
		if fieldText[k].pattern == field {
			return l.names[k], true
		}
	}
	return [12]string{}, false
}

// Layout returns a Go time layout that FormatLayout writes as form f,
// "2. January 2006" for German's Long, and false when the language's
// pattern has text a layout would read as a field of its own.
func (l *Locale) Layout(f DateForm) (string, bool) {
	if l == nil || l.long == nil {
		return englishLayouts[f], true
	}
	layout := strings.TrimSpace(strings.Join(l.fields(f, true), ""))
	// A date whose day, month and year cannot be mistaken for one
	// another.
	probe := time.Date(2033, time.November, 4, 0, 0, 0, 0, time.UTC)
	return layout, l.FormatLayout(probe, layout) == l.Date(probe, f)
}

// EnglishDates reports whether l writes dates as plotline writes them in
// English: in English, and in every English region.
func (l *Locale) EnglishDates() bool { return l == nil || l.long == nil }
