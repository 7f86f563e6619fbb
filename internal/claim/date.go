package claim

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// span is the days from lo to hi, both included, each at midnight UTC.
type span struct{ lo, hi time.Time }

// day returns the day y-m-d at midnight UTC; days and months out of range
// roll over as with time.Date.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// dayOf returns the calendar day of t, in t's own location, at midnight UTC.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return day(y, m, d)
}

// daysIn returns the number of days in month m of year y.
func daysIn(y int, m time.Month) int { return day(y, m+1, 0).Day() }

// months returns the span of n whole months from month m of year y; m may
// be past December.
func months(y int, m time.Month, n int) span {
	return span{day(y, m, 1), day(y, m+time.Month(n), 0)}
}

// addMonths moves t by n calendar months, keeping the day of the month
// unless the month is shorter: 31 January plus one month is 28 (or 29)
// February.
func addMonths(t time.Time, n int) time.Time {
	first := day(t.Year(), t.Month()+time.Month(n), 1)
	d := min(t.Day(), daysIn(first.Year(), first.Month()))
	return day(first.Year(), first.Month(), d)
}

// relation is how a date phrase places the value against its period.
type relation int

const (
	relIn         relation = iota // in the period
	relBy                         // on or before its last day
	relBefore                     // before its first day
	relAfter                      // after its last day
	relNotBefore                  // on or after its first day
	relWithin                     // after AsOf and no later than AsOf + a duration
	relWithinLess                 // after AsOf and before AsOf + a duration: "in less than"
	relAround                     // around the turn of the year: in it
	relLater                      // in the period and after AsOf
	relEarlier                    // in the period and before AsOf
)

var datePrefixes = slices.Concat(
	runs(relIn, "in|on|during|at|sometime|some time|sometime in|some time in|sometime during|some time during"),
	runs(relBy, "by|no later than|not later than|not after|on or before"),
	runs(relBefore, "before|earlier than|ahead of|prior to|sooner than|in advance of"),
	runs(relAfter, "after|later than"),
	runs(relNotBefore, "on or after|not before|no earlier than|not earlier than|no sooner than|not sooner than|not until"),
	runs(relLater, "later|later in"),
	runs(relEarlier, "earlier|earlier in"),
	runs(relAround, "around"),
	runs(relWithin, "within|within the next|within the coming|in the next|in the coming|over the next|over the coming"),
	runs(relWithinLess, "in less than|in under"),
)

// edge marks the start-of and end-of periods, for "before the end of" and
// "after the start of".
type edge int

const (
	edgeNone edge = iota
	edgeStart
	edgeEnd
)

// yearRef is the year a period is named with.
type yearRef struct {
	kind int // yearNone: left out; yearAbs: n is the year; yearRel: n years after AsOf's; monthRel: n months after AsOf's month; weekRel: n weeks after AsOf's week
	n    int
}

const (
	yearNone = iota
	yearAbs
	yearRel
	monthRel
	weekRel // n weeks after the as-of date's week, or n days after the as-of date (period.onWeek places it)
)

// period is a period of a date phrase before it is placed in a year:
// shape gives it for the year it is named by (false if it does not exist
// that year, as 29 February 2025), and year says which year that is.
type period struct {
	shape func(year int, south bool) (span, bool)
	year  yearRef
	edge  edge
	desc  string // "29 February", for a period that may not exist
	pair  string // the season named with two years, as "winter 2024/25"
	// inMonth is the shape of a period named by a month counted from the
	// as-of date ("the end of next month", year.kind monthRel): its days
	// in month m of year y. shape is nil then.
	inMonth monthShape
	// deixis marks a season or month named with "this", "next" or "the
	// coming" ("late this summer", "next March"): whole is the season or
	// month that word places, of which shape is a part, and name writes
	// it for a year ("spring 2025", "winter 2024/25").
	deixis int
	whole  func(year int, south bool) (span, bool)
	name   func(year int, south bool) string
	turn   bool // the turn of the year, which "around" may come before
	// late is the shape under the second of two readings of a period
	// readers place two ways: a split year such as 2024/25, read from
	// April (shape) or from October (late). onWeek gives a week counted
	// from the as-of date (year.kind weekRel), begun on a Sunday or, when
	// late, on a Monday, or a day counted from it (today, tomorrow), the
	// same in both readings. twoWays says what the readings are ("2024/25
	// begins in April or in October") and instead what to write.
	late    func(year int, south bool) (span, bool)
	onWeek  func(asOf time.Time, late bool) span
	twoWays string
	instead string
}

// The words that place a season or month from the as-of date.
const (
	deixNone   = iota
	deixThis   // the one under way, or else the one of the as-of year
	deixNext   // the one after "this" one, when that has begun
	deixComing // the first to begin after the as-of date
)

// deixisWord reads "this", "next", "the coming" or "this coming" before a
// season or month.
func (p *parser) deixisWord() int {
	switch {
	case p.seq("this", "coming"), p.seq("the", "coming"):
		return deixComing
	case p.seq("this"):
		return deixThis
	case p.seq("next"):
		return deixNext
	}
	return deixNone
}

// isSet reports whether per is a period, not the zero value that stands
// for the missing second end of a range.
func (per period) isSet() bool { return per.shape != nil || per.inMonth != nil || per.onWeek != nil }

// monthShape gives a part of a month, in month m of year y; m may be past
// December or before January.
type monthShape func(y int, m time.Month) span

// monthDays is the shape of the days first to last of a month, each
// counted from its start or, at 0 and below, back from its last day:
// monthDays(-6, 0) is its last seven days, monthDays(21, 0) the 21st to
// the end.
func monthDays(first, last int) monthShape {
	at := func(y int, m time.Month, d int) time.Time {
		if d <= 0 {
			m++ // day 0 of the next month is the last of this one
		}
		return day(y, m, d)
	}
	return func(y int, m time.Month) span { return span{at(y, m, first), at(y, m, last)} }
}

// named is the shape of the part f of the month m, in any year.
func named(m time.Month, f monthShape) func(int, bool) (span, bool) {
	return func(y int, _ bool) (span, bool) { return f(y, m), true }
}

// dateClaim is a parsed date phrase.
type dateClaim struct {
	rel      relation
	from, to period // to is set only for a range
	n        int    // relWithin, relWithinLess: how many units
	unit     string // "day", "week", "month" or "year"
}

// parseDate reads a date phrase. The error has a Reason when the phrase is
// a date phrase but a wrong one.
func parseDate(s string) (*dateClaim, *Error) {
	p := newParser(s)
	rel, _ := longest(p, datePrefixes) // relIn when there is none
	c := &dateClaim{rel: rel}
	if c.rel == relWithin || c.rel == relWithinLess {
		if !p.duration(c) || !p.done() {
			return nil, p.err(s, KindDate)
		}
		return c, nil
	}
	if p.pos == 1 && p.toks[0].text == "in" {
		p.inDuration()
	}
	if p.pos == 0 {
		p.until(s)
	}
	var ok bool
	if c.from, c.to, ok = p.rangeOrPeriod(); !ok || !p.done() {
		return nil, p.err(s, KindDate)
	}
	if c.rel == relAround {
		// The turn of the year is a span around a moment already; any
		// other period would need a margin that "around" does not give.
		if !c.from.turn || c.to.isSet() {
			p.fail("\"around\" gives no margin to check; write the days meant, as in \"between 10 and 20 April\" or \"in mid-April\"")
			return nil, p.err(s, KindDate)
		}
		c.rel = relIn
	}
	return c, nil
}

// err returns the error for a phrase p could not read as want.
func (p *parser) err(s string, want Kind) *Error {
	return &Error{Phrase: s, Want: want, Reason: p.reason}
}

// fail records why a phrase that is recognisably of its kind is wrong; the
// first reason wins.
func (p *parser) fail(format string, args ...any) bool {
	if p.reason == "" {
		p.reason = fmt.Sprintf(format, args...)
	}
	return false
}

// inDuration refuses "in 6 weeks" and "in six weeks' time", read from
// after the phrase's "in": readers take it both as within 6 weeks and as
// about 6 weeks from the as-of date.
func (p *parser) inDuration() {
	start := p.pos
	var c dateClaim
	if p.duration(&c) {
		p.opt("'")
		p.opt("\u2019")
		p.opt("s")
		if p.seq("time") || p.done() {
			p.fail("readers take it both as within that time and as about that long after the as-of date; write \"within %s\", or the date", durationText(c.n, c.unit))
		}
	}
	p.pos = start
}

// until refuses "until April", "up until May" and "till the end of March", phrase s:
// readers take it both as before the period and as through it.
func (p *parser) until(s string) {
	start := p.pos
	p.opt("up") // "up until"
	if w, ok := p.oneOf("until", "till"); ok {
		if from, to, ok := p.rangeOrPeriod(); ok && p.done() {
			_, rest, _ := strings.Cut(strings.ToLower(s), w)
			rest = strings.TrimSpace(s[len(s)-len(rest):])
			if from.edge == edgeEnd && !to.isSet() {
				// "until the end of April": by then, or in its last days?
				p.fail("readers take it both as by %s and as in its last days; write \"by %s\" or \"at %s\"", rest, rest, rest)
			} else {
				p.fail("readers take it both as before %s and as through it; write \"before %s\" or \"by %s\"", rest, rest, rest)
			}
		}
	}
	p.pos = start
}

// durationText writes n units: "6 weeks", "a month".
func durationText(n int, unit string) string {
	return pick(n == 1, "a "+unit, fmt.Sprintf("%d %ss", n, unit))
}

// durationUnits are the units of a within phrase, each with the unit it
// is counted in and how many of that it is; an "s" makes one plural.
var durationUnits = map[string]struct {
	unit string
	n    int
}{"day": {"day", 1}, "week": {"week", 1}, "fortnight": {"week", 2}, "month": {"month", 1}, "year": {"year", 1}, "decade": {"year", 10}}

// duration reads the "N weeks" of a within phrase: "6 weeks", "a
// fortnight", "a decade" (ten years), and after "the next" or "the coming"
// a unit alone, "the next month". A phrase without a number of plural units ("within weeks", "in
// the coming months", "within a few days") is refused: it does not say how
// long.
func (p *parser) duration(c *dateClaim) bool {
	start := p.pos
	_ = p.seq("a", "few") || p.seq("few") || p.seq("several") || p.seq("some")
	if t := p.peek(0); t.kind == tWord && strings.HasSuffix(t.text, "s") && durationUnits[t.text[:len(t.text)-1]].n > 0 {
		return p.fail("it does not say how many %s; write \"within N %s\" with the number meant, such as \"within 6 %s\"", t.text, t.text, t.text)
	}
	p.pos = start
	// "within the year": by its end, or within twelve months?
	if u, ok := p.peek(1).text, p.peek(0).text == "the"; ok && slices.Contains([]string{"week", "month", "year"}, u) && p.peek(2).kind < 0 {
		// Weeks start on different days: "by the end of the week" is no answer.
		instead := pick(u == "week", "\"within a week\", or the date", fmt.Sprintf("\"by the end of the %s\" or \"within a %s\"", u, u))
		return p.fail("readers take it both as by the end of this %s and as within a %s from the as-of date; write %s", u, u, instead)
	}
	n, ok := p.count()
	if !ok && p.pos > 0 && (p.toks[p.pos-1].text == "next" || p.toks[p.pos-1].text == "coming") && durationUnits[p.peek(0).text].n > 0 {
		n, ok = 1, true // "within the next month"
	}
	if !ok {
		return false
	}
	u := durationUnits[strings.TrimSuffix(p.peek(0).text, "s")]
	if u.n == 0 {
		return p.back(start)
	}
	p.pos++
	c.unit, c.n = u.unit, u.n*n
	return true
}

// count reads a whole number of at least 1 in digits, "a", "an" or words
// from one to 99 ("twenty-five").
func (p *parser) count() (int, bool) {
	t := p.peek(0)
	if t.kind == tNum {
		a, ok := parseAmountText(t.text)
		if !ok || !a.IsInt() || a.Sign() <= 0 || a.Num().BitLen() > 20 {
			return 0, p.fail("want a whole number of at least 1, got %s", t.text)
		}
		p.pos++
		return int(a.Num().Int64()), true
	}
	if _, ok := p.oneOf("a", "an"); ok {
		return 1, true
	}
	start := p.pos
	if n, ok := p.wordBelowHundred(); ok && n > 0 {
		return n, true
	}
	return 0, p.back(start)
}

// rangeOrPeriod reads a period, or two joined as a range: "between March
// and May 2025", "from March to May", "March to May", "March–May 2025".
func (p *parser) rangeOrPeriod() (from, to period, ok bool) {
	start := p.pos
	if _, ok := p.oneOf("between", "from"); ok {
		joiners := pick(p.toks[start].text == "between", []string{"and"}, []string{"to", "until", "through", "-"})
		mid := p.pos
		if from, ok = p.daysOf(joiners); ok {
			return from, period{}, true // "between 15 and 20 April"
		}
		p.pos = mid
		if from, ok = p.period(); ok {
			if _, ok = p.oneOf(joiners...); ok {
				if to, ok = p.period(); ok {
					return from, to, true
				}
			}
		}
		return period{}, period{}, p.back(start)
	}
	if from, ok = p.period(); !ok {
		return period{}, period{}, false
	}
	mid := p.pos
	if _, ok := p.oneOf("to", "through", "-"); ok {
		if to, ok = p.period(); ok {
			return from, to, true
		}
	}
	p.pos = mid
	return from, period{}, true
}

var monthNames = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// season is a season's first month in the northern hemisphere.
var seasonNames = map[string]time.Month{"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

// seasonStart returns the first month of the season that starts in month
// north in the northern hemisphere.
func seasonStart(north time.Month, south bool) time.Month {
	return pick(south, (north+5)%12+1, north)
}

// period reads one period: a day, part of a month, a month, part of a
// season, a season, part of a year or a year.
func (p *parser) period() (period, bool) {
	for _, alt := range []func() (period, bool){
		p.isoDay, p.daysOfMonth, p.dayMonth, p.partOfMonth, p.edgeOfMonth, p.weekOfMonth, p.turnOfYear,
		p.season, p.wholeMonth,
		p.splitYear, p.edgeOfSplitYear, p.decade, p.century, p.partOfYear, p.yearPartPeriod, p.wholeYear,
		p.holiday, p.relWeek, p.relDay,
	} {
		start := p.pos
		if per, ok := alt(); ok {
			return per, true
		}
		p.pos = start
	}
	return period{}, false
}

// num reads a number token of 1 to maxDigits digits, without sign,
// separators or decimals.
func (p *parser) num(minDigits, maxDigits int) (int, bool) {
	t := p.peek(0)
	if t.kind != tNum || len(t.text) < minDigits || len(t.text) > maxDigits {
		return 0, false
	}
	n, err := strconv.Atoi(t.text)
	if err != nil {
		return 0, false
	}
	p.pos++
	return n, true
}

// month reads a month name.
func (p *parser) month() (time.Month, bool) {
	if m, ok := monthNames[p.peek(0).text]; ok && p.peek(0).kind == tWord {
		p.pos++
		return m, true
	}
	return 0, false
}

// monthRef reads a month by its name, or counted from the as-of date:
// "this month", "the month" and "month" (as in "mid-month") are its month,
// "next month" and "last month" the ones either side. It returns a period
// whose shape, or inMonth, is part f of that month.
func (p *parser) monthRef(f monthShape) (period, bool) {
	start := p.pos
	if d := p.deixisWord(); d != deixNone {
		if m, ok := p.month(); ok {
			return period{shape: named(m, f), deixis: d,
				whole: named(m, func(y int, m time.Month) span { return months(y, m, 1) }),
				name:  func(y int, _ bool) string { return fmt.Sprintf("%s %d", m, y) },
			}, true
		}
		p.pos = start
	}
	if m, ok := p.month(); ok {
		return period{shape: named(m, f), year: p.optYear()}, true
	}
	rel, ok := p.relative("month", true, true)
	return period{inMonth: f, year: yearRef{monthRel, rel}}, ok
}

// relative reads noun counted from the as-of date: "next" noun is 1,
// "last" noun -1, and "this" noun 0, as are "the" noun and noun alone
// where the and bare allow them.
func (p *parser) relative(noun string, the, bare bool) (int, bool) {
	switch {
	case p.seq("this", noun), the && p.seq("the", noun), bare && p.seq(noun):
		return 0, true
	case p.seq("next", noun):
		return 1, true
	case p.seq("last", noun):
		return -1, true
	}
	return 0, false
}

// dayNumber reads a day of the month, with or without "st", "nd", "rd" or
// "th".
func (p *parser) dayNumber() (int, bool) {
	d, ok := p.num(1, 2)
	if t := p.peek(0); ok && t.glued && t.kind == tWord {
		_, ok = p.oneOf("st", "nd", "rd", "th")
	}
	return d, ok && d >= 1
}

// year reads a year of four digits.
func (p *parser) year() (int, bool) {
	return p.num(4, 4)
}

// yearRef reads a year: "2025", "this year", "next year", "last year" or
// "the year".
func (p *parser) yearRef() (yearRef, bool) {
	if y, ok := p.year(); ok {
		return yearRef{yearAbs, y}, true
	}
	rel, ok := p.relative("year", true, true)
	return yearRef{yearRel, rel}, ok
}

// optYear reads the year after a day, month or season, if there is one:
// "2025", ", 2025", "of 2025", "next year".
func (p *parser) optYear() yearRef {
	start := p.pos
	p.opt(",")
	p.opt("of")
	if y, ok := p.yearRef(); ok {
		return y
	}
	p.pos = start
	return yearRef{}
}

// fixedDays is the shape of the days d1 to d2 of month m, in a year
// whose m has day d2.
func fixedDays(m time.Month, d1, d2 int) func(int, bool) (span, bool) {
	return func(y int, _ bool) (span, bool) {
		return span{day(y, m, d1), day(y, m, d2)}, d2 <= daysIn(y, m)
	}
}

func (p *parser) isoDay() (period, bool) {
	y, ok1 := p.year()
	dash1 := ok1 && p.seq("-")
	m, ok2 := p.num(2, 2)
	dash2 := ok2 && p.seq("-")
	d, ok3 := p.num(2, 2)
	if !dash1 || !dash2 || !ok3 {
		return period{}, false
	}
	if m < 1 || m > 12 || d < 1 {
		return period{}, p.fail("%04d-%02d-%02d is not a day", y, m, d)
	}
	return period{shape: fixedDays(time.Month(m), d, d), year: yearRef{yearAbs, y}, desc: fmt.Sprintf("%d %s", d, time.Month(m))}, true
}

// dayMonth reads a day and its month, in either order: "15 April", "the
// 15th of April 2025", "April 15", "April 15th, 2025".
func (p *parser) dayMonth() (period, bool) {
	m, monthFirst := p.month()
	p.opt("the")
	d, ok := p.dayNumber()
	if !ok {
		return period{}, false
	}
	if !monthFirst {
		p.opt("of")
		if m, ok = p.month(); !ok {
			return period{}, false
		}
	}
	return p.dayPeriod(m, d, d, p.optYear())
}

// daysOfMonth reads days of one month: "15–20 April", "15 to 20 April
// 2025", "April 15–20".
func (p *parser) daysOfMonth() (period, bool) {
	return p.daysOf([]string{"-", "to"})
}

// daysOf reads two days of one month joined by one of joiners, the month
// after them or before them: "15 and 20 April" after "between".
func (p *parser) daysOf(joiners []string) (period, bool) {
	m, before := p.month()
	d1, ok1 := p.dayNumber()
	_, ok2 := p.oneOf(joiners...)
	d2, ok := p.dayNumber()
	if !ok1 || !ok2 || !ok {
		return period{}, false
	}
	if !before {
		p.opt("of")
		if m, ok = p.month(); !ok {
			return period{}, false
		}
	}
	return p.dayPeriod(m, min(d1, d2), max(d1, d2), p.optYear()) // written backwards, read either way
}

// weekOfMonth reads "the first week of April" (days 1–7), the second (8–14),
// third (15–21), fourth (22–28) or last (the last 7 days).
func (p *parser) weekOfMonth() (period, bool) {
	p.opt("the")
	w, ok := p.oneOf("first", "second", "third", "fourth", "last")
	if !ok || !p.seq("week", "of") {
		return period{}, false
	}
	p.opt("the")
	weeks := map[string]monthShape{"first": monthDays(1, 7), "second": monthDays(8, 14), "third": monthDays(15, 21),
		"fourth": monthDays(22, 28), "last": monthDays(-6, 0)}
	return p.monthRef(weeks[w])
}

// turnOfYear reads "the turn of the year" and "the turn of 2026": late
// December to early January, the 21st to the 10th. The turn of the year is
// the one under way or the next.
func (p *parser) turnOfYear() (period, bool) {
	p.opt("the")
	if !p.seq("turn", "of") {
		return period{}, false
	}
	var y yearRef // "the year": the turn under way or next
	if n, ok := p.year(); ok {
		y = yearRef{yearAbs, n} // "the turn of 2026": into 2026
	} else if !p.seq("the", "year") && !p.seq("the", "new", "year") {
		return period{}, false
	}
	return period{shape: func(y int, _ bool) (span, bool) {
		return span{day(y-1, 12, 21), day(y, 1, 10)}, true
	}, year: y, turn: true}, true
}

// dayPeriod returns the days d1 to d2 of month m of the year y, or fails
// when m has no day d2 in any year.
func (p *parser) dayPeriod(m time.Month, d1, d2 int, y yearRef) (period, bool) {
	if d2 > daysIn(2024, m) {
		return period{}, p.fail("there is no %d %s", d2, m)
	}
	desc := fmt.Sprintf("%d %s", d2, m)
	if d1 != d2 {
		desc = fmt.Sprintf("%d to %s", d1, desc)
	}
	return period{shape: fixedDays(m, d1, d2), year: y, desc: desc}, true
}

// part reads "early", "mid" or "late", with or without a hyphen after it,
// and returns 0, 1 or 2.
func (p *parser) part() (int, bool) {
	parts := []string{"early", "mid", "late"}
	w, ok := p.oneOf(parts...)
	if ok {
		p.opt("-")
		p.opt("in") // "early in April"
	}
	return slices.Index(parts, w), ok
}

// edgeWord reads "[the] start|beginning|middle|end of" and returns 0 for
// the start, 1 for the middle and 2 for the end. The end may also be
// written as financial prose writes it, "end-March", "end 2025".
func (p *parser) edgeWord() (int, bool) {
	p.opt("the")
	w, ok := p.oneOf("start", "beginning", "middle", "end")
	if !ok || !p.seq("of") && !(w == "end" && (p.seq("-") || p.peek(0).kind != tPunct)) {
		return 0, false
	}
	return map[string]int{"middle": 1, "end": 2}[w], true
}

// edgeDays reads the days of a month's start or end as prose names them,
// "the first" or "opening days of", "the last", "final" or "closing weeks
// of", and returns 0 for the start and 2 for the end, as edgeWord does:
// of a month only, as a year's or a season's last days are not its last
// month.
func (p *parser) edgeDays() (int, bool) {
	start := p.pos
	p.opt("the")
	w, ok := p.oneOf("first", "opening", "last", "final", "closing")
	if !ok {
		return 0, p.back(start)
	}
	p.opt("few")
	if _, ok := p.oneOf("days", "weeks"); !ok || !p.seq("of") {
		return 0, p.back(start)
	}
	return pick(w == "first" || w == "opening", 0, 2), true
}

// edgeOf returns the edge mark for edgeWord's result.
func edgeOf(w int) edge { return map[int]edge{0: edgeStart, 2: edgeEnd}[w] }

// partOfMonth reads "early April", "mid-April 2025", "late April": days
// 1–10, 11–20 and 21 to the end.
func (p *parser) partOfMonth() (period, bool) {
	part, ok := p.part()
	if !ok {
		return period{}, false
	}
	return p.monthRef([]monthShape{monthDays(1, 10), monthDays(11, 20), monthDays(21, 0)}[part])
}

// edgeOfMonth reads "the start of April", "the middle of April", "the end
// of April 2025", "the end of next month", "month-end": days 1–7, 11–20 and
// the last seven.
func (p *parser) edgeOfMonth() (period, bool) {
	monthEnd := p.seq("month", "-", "end") || p.seq("month", "end")
	w, ok := 2, monthEnd
	if !monthEnd {
		w, ok = p.edgeDays()
	}
	if !ok && !monthEnd {
		w, ok = p.edgeWord()
	}
	if !ok {
		return period{}, false
	}
	shape := []monthShape{monthDays(1, 7), monthDays(11, 20), monthDays(-6, 0)}[w]
	per := period{inMonth: shape, year: yearRef{monthRel, 0}}
	if !monthEnd {
		p.opt("the")
		if per, ok = p.monthRef(shape); !ok {
			return period{}, false
		}
	}
	per.edge = edgeOf(w)
	return per, true
}

// seasonPeriod reads a season name and its year, and returns the shape of
// its months from first (0, 1 or 2) for n months.
func (p *parser) seasonPeriod(first, n int, e edge) (period, bool) {
	d := p.deixisWord()
	if d == deixNone {
		p.opt("the")
	}
	t := p.peek(0)
	north, ok := seasonNames[t.text]
	if !ok || t.kind != tWord {
		return period{}, false
	}
	p.pos++
	per := period{shape: func(y int, south bool) (span, bool) {
		return months(y, seasonStart(north, south)+time.Month(first), n), true
	}, edge: e}
	if d != deixNone {
		per.deixis = d
		per.whole = func(y int, south bool) (span, bool) { return months(y, seasonStart(north, south), 3), true }
		per.name = func(y int, south bool) string { // "winter 2024/25", "summer 2025"
			return t.text + " " + pick(seasonStart(north, south) == 12, fmt.Sprintf("%d/%02d", y, (y+1)%100), strconv.Itoa(y))
		}
		return per, true
	}
	// "winter 2024/25", "winter 2024–25": the pair must be consecutive
	// years, and the season must be the one that spans them, which for
	// summer and winter depends on the hemisphere.
	start := p.pos
	p.opt("of")
	if y1, ok := p.year(); ok {
		if _, ok := p.oneOf("/", "-"); ok {
			if y2, ok := p.num(2, 4); ok {
				if !(y2 == y1+1 || y2 < 100 && y2 == (y1+1)%100) {
					return period{}, p.fail("%d and %d are not consecutive years", y1, y2)
				}
				if north != 12 && north != 6 {
					return period{}, p.fail("%s does not span two years", t.text)
				}
				per.year = yearRef{yearAbs, y1}
				per.pair = t.text
				return per, true
			}
		}
	}
	p.pos = start
	per.year = p.optYear()
	if per.year.kind == yearAbs {
		// "winter 2026": for some readers the winter that begins in
		// December 2026, for others the one that ends in February.
		y := per.year.n
		per.late = func(y int, south bool) (span, bool) {
			start := seasonStart(north, south)
			return months(y-pick(start == 12, 1, 0), start+time.Month(first), n), true
		}
		per.twoWays = fmt.Sprintf("%s %d begins in December %d for some readers and in December %d for others", t.text, y, y, y-1)
		per.instead = fmt.Sprintf("write %q or %q", fmt.Sprintf("%s %d/%02d", t.text, y-1, y%100), fmt.Sprintf("%s %d/%02d", t.text, y, (y+1)%100))
		if start := seasonStart(north, false); start != 12 && seasonStart(north, true) != 12 {
			per.late, per.twoWays, per.instead = nil, "", ""
		}
	}
	return per, true
}

// season reads a season, "spring 2025", "the winter of 2024/25",
// "autumn", or its first, second or third month: "early spring",
// "mid-winter 2025/26", "late summer", "the start of spring", "the end of
// the summer 2025".
func (p *parser) season() (period, bool) {
	start := p.pos
	if w, ok := p.edgeWord(); ok {
		return p.seasonPeriod(w, 1, edgeOf(w))
	}
	p.pos = start
	if part, ok := p.part(); ok {
		return p.seasonPeriod(part, 1, edgeNone)
	}
	return p.seasonPeriod(0, 3, edgeNone)
}

// wholeMonth reads "April", "April 2025", "April of next year", "next
// month".
func (p *parser) wholeMonth() (period, bool) {
	return p.monthRef(func(y int, m time.Month) span { return months(y, m, 1) })
}

// yearMonths is the shape of n months from month m of the year.
func yearMonths(m time.Month, n int) func(int, bool) (span, bool) {
	return func(y int, _ bool) (span, bool) { return months(y, m, n), true }
}

// partOfYear reads "early 2025" (January to April), "mid-2025" (May to
// August), "late next year" (September to December), "midyear"; "the
// start of 2025" (January), "the middle of 2025" (May to August), "the end
// of the year" (December), and the end as financial prose writes it:
// "year-end", "the year's end", "end-2025".
func (p *parser) partOfYear() (period, bool) {
	if p.seq("midyear") {
		y, ok := p.yearRef()
		return period{shape: yearMonths(5, 4), year: pick(ok, y, yearRef{yearRel, 0})}, true
	}
	if part, ok := p.part(); ok {
		p.opt("in") // "late in the year"
		y, ok := p.yearRef()
		return period{shape: yearMonths(time.Month(1+4*part), 4), year: y}, ok
	}
	start := p.pos
	p.opt("the")
	if y, ok := p.yearRef(); ok && (p.seq("-", "end") || p.seq("end") || p.seq("'", "s", "end") || p.seq("’", "s", "end")) {
		return period{shape: yearMonths(12, 1), year: y, edge: edgeEnd}, true
	}
	p.pos = start
	w, ok := p.edgeWord()
	if !ok {
		return period{}, false
	}
	y, ok := p.yearRef()
	first, n := edgeMonths(1, 12, w)
	return period{shape: yearMonths(first, n), year: y, edge: edgeOf(w)}, ok
}

// edgeMonths returns the months of the start (0), middle (1) or end (2) of
// the n months from first: the first month, the middle third, the last
// month. The start of a year is January, its middle May to August, its end
// December; the end of a quarter is its third month.
func edgeMonths(first time.Month, n, w int) (time.Month, int) {
	switch w {
	case 0:
		return first, 1
	case 1:
		return first + time.Month(n/3), max(n/3, 1)
	}
	return first + time.Month(n-1), 1
}

// yearPart reads a half or a quarter by its name and returns its first
// month and its length: "the first half", "H2", "Q3", "the fourth quarter".
func (p *parser) yearPart() (time.Month, int, bool) {
	if t := p.peek(0); (t.text == "h" || t.text == "q") && p.peek(1).glued {
		p.pos++
		n, _ := p.num(1, 1) // 0 when there is none
		switch {
		case t.text == "h" && n >= 1 && n <= 2:
			return time.Month(1 + 6*(n-1)), 6, true
		case t.text == "q" && n >= 1 && n <= 4:
			return time.Month(1 + 3*(n-1)), 3, true
		}
		return 0, 0, false
	}
	p.opt("the")
	w, ok := p.oneOf("first", "second", "third", "fourth", "last", "final", "latter")
	if !ok {
		return 0, 0, false
	}
	q := map[string]int{"first": 0, "second": 1, "third": 2, "fourth": 3}[w]
	if last := w == "last" || w == "final" || w == "latter"; last {
		// "the last quarter of 2026", "the latter half of the year": of
		// a year named after them ("last quarter" alone is the one
		// before the as-of date's, relQuarter's).
		if p.peek(1).text != "of" {
			return 0, 0, false
		}
		q = pick(p.peek(0).text == "half", 1, pick(w == "latter", -1, 3))
	}
	switch {
	case p.seq("half") && q >= 0 && q < 2:
		return time.Month(1 + 6*q), 6, true
	case p.seq("quarter") && q >= 0:
		return time.Month(1 + 3*q), 3, true
	}
	return 0, 0, false
}

// yearPartPeriod reads a half or a quarter, "the first half of 2025", "H2
// 2025", "Q1 2025", "the third quarter of 2025", "Q4", "this quarter", or
// its start, middle or end: "the end of Q2" (June), "the start of the
// second half of 2025" (July), "the end of the quarter".
func (p *parser) yearPartPeriod() (period, bool) {
	start := p.pos
	w, edged := p.edgeWord()
	if !edged {
		w, p.pos = -1, start
	}
	mark := p.pos
	first, n, ok := p.yearPart()
	if !ok {
		p.pos = mark
		return p.relQuarter(w)
	}
	if edged {
		first, n = edgeMonths(first, n, w)
	}
	return period{shape: yearMonths(first, n), year: p.optYear(), edge: edgeOf(w)}, true
}

// relQuarter reads a quarter counted from the as-of date: "this quarter" or
// "the quarter" (the one that holds it), "next quarter", "last quarter".
// With w of 0, 1 or 2 it is the start, middle or end of it; with -1, all of
// it.
func (p *parser) relQuarter(w int) (period, bool) {
	rel, ok := p.relative("quarter", true, false)
	if !ok {
		return period{}, false
	}
	shape := func(y int, m time.Month) span {
		t := day(y, m, 1)
		first, n := t.Month()-(t.Month()-1)%3, 3
		if w >= 0 {
			first, n = edgeMonths(first, n, w)
		}
		return months(t.Year(), first, n)
	}
	return period{inMonth: shape, year: yearRef{monthRel, 3 * rel}, edge: edgeOf(w)}, true
}

// splitYear reads a year written with the next one, as fiscal years and
// seasons are: "2024/25", "2024-25", "2024–25", "2024/2025". Whose year it
// is decides its first month: April in the fiscal years of Britain, Canada,
// India and Japan, July in Australia's, September in most school years,
// October in the US federal one. It is read both from April and from
// October, and the months between follow. Budgets name it so too:
// "FY2024/25", "the 2024/25 financial year" (or fiscal year).
func (p *parser) splitYear() (period, bool) {
	start := p.pos
	fy := p.seq("fy")
	fiscal := !fy && (p.seq("fiscal") || p.seq("financial"))
	the := !fy && !fiscal && p.seq("the")
	y, ok := p.year()
	if ok && (fy || fiscal) && !(p.peek(0).glued && p.peek(1).glued) {
		// "fiscal 2026", "FY2026": a year that ends in March, June or
		// September of 2026, or of 2027, as the country's is.
		p.pos = start
		return period{}, p.fail("fiscal %d ends in March, June or September of %d or of %d, as each country's fiscal year does: write the months, as in \"between October %d and September %d\", or a split year, %d/%02d", y, y, y+1, y-1, y, y-1, y%100)
	}
	if !ok || !p.peek(0).glued || !p.peek(1).glued {
		return period{}, false
	}
	sep, ok := p.oneOf("/", "-")
	t := p.peek(0)
	if !ok || t.kind != tNum || !(len(t.text) == 2 && t.text == fmt.Sprintf("%02d", (y+1)%100) || sep == "/" && t.text == strconv.Itoa(y+1)) {
		return period{}, false
	}
	p.pos++
	if !fy && !(p.seq("financial", "year") || p.seq("fiscal", "year")) && the {
		return period{}, false
	}
	name := fmt.Sprintf("%d/%02d", y, (y+1)%100)
	return period{
		shape:   yearMonths(4, 12),
		late:    yearMonths(10, 12),
		year:    yearRef{yearAbs, y},
		twoWays: name + " begins in April in some fiscal years and as late as October in others",
		instead: fmt.Sprintf("write the months, as in \"between April %d and March %d\"", y, y+1),
	}, true
}

// edgeOfSplitYear reads the start, middle or end of a split year: "the
// end of 2024/25" is its last month, March 2025 read from April and
// September 2025 read from October.
func (p *parser) edgeOfSplitYear() (period, bool) {
	w, ok := p.edgeWord()
	if !ok {
		return period{}, false
	}
	per, ok := p.splitYear()
	if !ok {
		return period{}, false
	}
	first, n := edgeMonths(4, 12, w)
	late, _ := edgeMonths(10, 12, w)
	per.shape, per.late, per.edge = yearMonths(first, n), yearMonths(late, n), edgeOf(w)
	return per, true
}

// relWeek reads a week counted from the as-of date: "this week", "next
// week", "last week". A week begins on a Sunday in some countries and on
// a Monday in others; both are read.
func (p *parser) relWeek() (period, bool) {
	n, ok := p.relative("week", false, false)
	if !ok {
		return period{}, false
	}
	return period{
		onWeek: func(asOf time.Time, late bool) span {
			back := (int(asOf.Weekday()) + pick(late, 6, 0)) % 7 // days since Sunday, or since Monday when late
			first := asOf.AddDate(0, 0, 7*n-back)
			return span{first, first.AddDate(0, 0, 6)}
		},
		year:    yearRef{weekRel, n},
		twoWays: "a week begins on a Sunday in some countries and on a Monday in others",
		instead: "write the days, as in \"between 13 and 19 January\"",
	}, true
}

// relDay reads a day counted from the as-of date: "today", "tomorrow",
// "yesterday", as a report on a river or a storm, read by the hour, says
// when it comes.
func (p *parser) relDay() (period, bool) {
	w, ok := p.oneOf("yesterday", "today", "tomorrow")
	if !ok {
		return period{}, false
	}
	d := map[string]int{"yesterday": -1, "tomorrow": 1}[w]
	return period{
		onWeek: func(asOf time.Time, _ bool) span {
			day := asOf.AddDate(0, 0, d)
			return span{day, day}
		},
		year: yearRef{weekRel, d},
	}, true
}

// wholeYear reads "2025", "next year".
func (p *parser) wholeYear() (period, bool) {
	y, ok := p.yearRef()
	return period{shape: yearMonths(1, 12), year: y}, ok
}

// holidays are the days a phrase may name by their feast: the same day
// every year.
var holidays = []phrase[time.Time]{
	{strings.Fields("christmas"), day(0, 12, 25)}, {strings.Fields("christmas day"), day(0, 12, 25)},
	{strings.Fields("christmas eve"), day(0, 12, 24)}, {strings.Fields("boxing day"), day(0, 12, 26)},
	{strings.Fields("new year ' s day"), day(0, 1, 1)}, {strings.Fields("new year \u2019 s day"), day(0, 1, 1)},
	{strings.Fields("new year ' s eve"), day(0, 12, 31)}, {strings.Fields("new year \u2019 s eve"), day(0, 12, 31)},
}

// holiday reads "Christmas", "Christmas Day 2025", "New Year's Eve":
// 25 December, 31 December. Easter, whose day moves, is not one.
func (p *parser) holiday() (period, bool) {
	p.opt("the")
	if p.seq("easter") {
		return period{}, p.fail("Easter falls on a different day each year, and on another in the Orthodox churches; write the date")
	}
	d, ok := longest(p, holidays)
	if !ok {
		return period{}, false
	}
	return period{shape: fixedDays(d.Month(), d.Day(), d.Day()), year: p.optYear()}, true
}

// decade reads "the 2020s" (2020 to 2029), "the early | mid | late 2020s"
// (2020–23, 2024–26, 2027–29), "the start | middle | end of the 2020s" (its
// first year, 2024–26, its last year), and "this decade" or "the decade",
// the as-of date's: "by the end of the decade".
func (p *parser) decade() (period, bool) {
	first, n := 0, 10 // years of it
	e := edgeNone
	if w, ok := p.edgeWord(); ok {
		first, n, e = []int{0, 4, 9}[w], []int{1, 3, 1}[w], edgeOf(w)
	} else {
		p.opt("the")
		if part, ok := p.part(); ok {
			first, n = []int{0, 4, 7}[part], []int{4, 3, 3}[part]
		}
	}
	years := func(start int) span { return span{day(start+first, 1, 1), day(start+first+n-1, 12, 31)} }
	if p.seq("this", "decade") || p.seq("the", "decade") || p.seq("decade") {
		return period{inMonth: func(y int, _ time.Month) span { return years(y - y%10) }, year: yearRef{monthRel, 0}, edge: e}, true
	}
	p.opt("the")
	start, ok := p.year()
	if !ok || start%10 != 0 || !p.peek(0).glued || !(p.seq("s") || p.seq("'", "s") || p.seq("’", "s")) {
		return period{}, false
	}
	return period{shape: func(y int, _ bool) (span, bool) { return years(y), true }, year: yearRef{yearAbs, start}, edge: e}, true
}

// centuryOrdinal reads the number of a century, "21st", "twenty-first",
// and returns the year that begins it in the common reading, 2000.
func (p *parser) centuryOrdinal() (int, bool) {
	start := p.pos
	if n, ok := p.num(1, 2); ok {
		if t := p.peek(0); t.glued && n >= 1 {
			if _, ok := p.oneOf("st", "nd", "rd", "th"); ok {
				return (n - 1) * 100, true
			}
		}
		return 0, p.back(start)
	}
	switch {
	case p.seq("twentieth"):
		return 1900, true
	case p.seq("twenty", "-", "first"), p.seq("twenty", "first"):
		return 2000, true
	case p.seq("twenty", "-", "second"), p.seq("twenty", "second"):
		return 2100, true
	}
	return 0, false
}

// century reads "this century" or "the century", the as-of date's, "the
// 21st century", their first or last ten years, "the start of the
// century", "the end of the century", and their halves, "the second half
// of the century". Readers count a century from its year 00 (2000 to
// 2099) or from its year 01 (2000 is then the last year of the 20th), so
// the phrase is read both ways. "mid-century" and "the middle of the
// century", which readers place anywhere from the 2040s to the 2060s, are
// refused.
func (p *parser) century() (period, bool) {
	first, n := 0, 100 // years of it
	e := edgeNone
	start := p.pos
	if w, ok := p.edgeWord(); ok {
		if w == 1 {
			return period{}, p.midCentury(start)
		}
		first, n, e = []int{0, 0, 90}[w], 10, edgeOf(w)
	} else {
		p.opt("the")
		if part, ok := p.part(); ok {
			if part == 1 {
				return period{}, p.midCentury(start)
			}
			return period{}, false
		}
		if h, ok := p.oneOf("first", "second"); ok {
			if !p.seq("half", "of") {
				return period{}, false
			}
			first, n = map[string]int{"first": 0, "second": 50}[h], 50
		}
	}
	p.opt("the")
	ref := yearRef{yearRel, 0}
	if p.seq("this", "century") || p.seq("century") {
		// the as-of date's
	} else if base, ok := p.centuryOrdinal(); ok && p.seq("century") {
		ref = yearRef{yearAbs, base + 50}
	} else {
		return period{}, false
	}
	years := func(base int) (span, bool) {
		return span{day(base+first, 1, 1), day(base+first+n-1, 12, 31)}, true
	}
	return period{
		shape:   func(y int, _ bool) (span, bool) { return years(y - y%100) },
		late:    func(y int, _ bool) (span, bool) { return years((y-1)/100*100 + 1) },
		year:    ref,
		edge:    e,
		twoWays: "a century runs from its year 00 to 99 to some readers and from 01 to 00 to others",
		instead: "write the years, as in \"by 2100\" or \"in the 2090s\"",
	}, true
}

// midCentury refuses "mid-century" and "the middle of the century", read
// from start: readers place them anywhere from the 2040s to the 2060s.
func (p *parser) midCentury(start int) bool {
	p.opt("the")
	if !p.seq("this") {
		p.centuryOrdinal()
	}
	if p.seq("century") {
		p.fail("readers place the middle of a century anywhere from its 40s to its 60s; write the years meant, as in \"by 2050\" or \"in the 2050s\"")
	}
	return p.back(start)
}

// dateLayout is how dates are written in messages: "15 April 2025".
const dateLayout = "2 January 2006"

// Date checks the date phrase against v, a calendar day (taken in v's own
// location). The error is an *Error when the phrase is not a date phrase or
// cannot be placed: a phrase that leaves out the year, or counts from the
// as-of date, needs o.AsOf.
func Date(phrase string, v time.Time, o Options) (Verdict, error) {
	return DateSpan(phrase, v, v, o)
}

// DateSpan checks phrase against a date known to its month or its year
// only, as monthly and annual statistics give them: the days from first
// to last, both included. The phrase holds when it allows every one of
// those days and is false when it allows none of them. One that allows
// some and not others, "in mid-2024" or "before March 2024" of the year
// 2024, cannot be told from such a date and is an *Error saying so. The
// verdict writes the value as the year or the month it is ("2024",
// "September 2024").
func DateSpan(phrase string, first, last time.Time, o Options) (Verdict, error) {
	first, last = dayOf(first), dayOf(last)
	if last.Before(first) {
		return Verdict{}, fmt.Errorf("date span from %s to %s ends before it starts", first.Format(dateLayout), last.Format(dateLayout))
	}
	v := span{first, last}
	return o.check(phrase, KindDate, func(text string) (Verdict, error) { return checkDateText(text, v, o) })
}

// checkDateText checks the English phrase against v, a day or a longer
// span, as DateSpan does.
func checkDateText(phrase string, v span, o Options) (Verdict, error) {
	c, perr := parseDate(phrase)
	if perr != nil {
		return Verdict{}, wrongKind(phrase, KindDate, perr)
	}
	for _, t := range []time.Time{v.lo, v.hi} {
		if t.Year() < 1000 || t.Year() > 9999 {
			return Verdict{}, fmt.Errorf("date %s is outside the years 1000 to 9999", t.Format("2006-01-02"))
		}
	}
	e := dateEnv{south: o.Southern}
	if !o.AsOf.IsZero() {
		e.asOf, e.hasAsOf = dayOf(o.AsOf), true
	}
	in, reason := c.place(e)
	if reason != "" {
		return Verdict{}, &Error{Phrase: phrase, Want: KindDate, Reason: reason}
	}
	holds, reason := in.holds(v)
	if reason != "" {
		return Verdict{}, &Error{Phrase: phrase, Want: KindDate, Reason: reason}
	}
	if two := c.twoWays(); two.twoWays != "" {
		// A period read two ways: the verdict stands only when both
		// readings give it, and the months or days between follow.
		e.late = true
		late, reason := c.place(e)
		if reason != "" {
			return Verdict{}, &Error{Phrase: phrase, Want: KindDate, Reason: reason}
		}
		lateHolds, reason := late.holds(v)
		if reason != "" {
			return Verdict{}, &Error{Phrase: phrase, Want: KindDate, Reason: reason}
		}
		if holds != lateHolds {
			return Verdict{}, &Error{Phrase: phrase, Want: KindDate, Reason: fmt.Sprintf(
				"%s, and %s is in one reading and not the other; %s", two.twoWays, valueText(v), two.instead)}
		}
		if in.meaning != late.meaning {
			in.meaning += " or " + late.meaning + ", as " + two.twoWays
		}
	}
	verdict := Verdict{
		True:    holds,
		Meaning: in.meaning,
		Value:   valueText(v),
		Suggest: ApproxDate(v.lo),
	}
	if whole := wholeText(v); whole != "" {
		verdict.Suggest = "in " + whole
	}
	if (c.rel == relWithin || c.rel == relWithinLess) && v.lo.After(e.asOf) {
		verdict.Suggest = within(e.asOf, v.hi, c.unit)
	}
	return verdict, nil
}

// holds reports whether r allows every day of v. When it allows some of
// them and not others, it says why the phrase cannot be judged instead:
// the value is a month or a year, and the phrase is about part of it.
func (r dayRange) holds(v span) (bool, string) {
	first, last := r.contains(v.lo), r.contains(v.hi)
	if first == last && (first || v.lo.Equal(v.hi) || !r.within(v)) {
		return first, ""
	}
	part := span{maxTime(v.lo, r.lo), v.hi}
	if !r.hi.IsZero() {
		part.hi = minTime(v.hi, r.hi)
	}
	kind := pick(wholeText(v) == "", "days", pick(v.lo.Month() == v.hi.Month(), "a month", "a year"))
	return false, fmt.Sprintf("%s is %s of the data, not a day, and the phrase holds for part of it (%s) and not for the rest; write one that holds for all of %s or for none of it, such as %q",
		valueText(v), kind, strings.TrimPrefix(spanText(part), "on "), valueText(v), "in "+valueText(v))
}

// within reports whether r lies inside v with days of v on both sides,
// so that v's first and last days are outside r and some between are in.
func (r dayRange) within(v span) bool {
	return !r.lo.IsZero() && !r.hi.IsZero() && r.lo.After(v.lo) && r.hi.Before(v.hi) && !r.lo.After(r.hi)
}

// wholeText writes v as the month or the year it spans, "September 2024"
// or "2024", and returns "" for any other span.
func wholeText(v span) string {
	switch {
	case v.lo.Day() != 1 || v.hi.AddDate(0, 0, 1).Day() != 1 || v.lo.Year() != v.hi.Year():
		return ""
	case v.lo.Month() == v.hi.Month():
		return v.lo.Format("January 2006")
	case v.lo.Month() == time.January && v.hi.Month() == time.December:
		return v.lo.Format("2006")
	}
	return ""
}

// valueText writes v as a verdict shows the value: a day as "15 April
// 2025", a month or a year as written ("September 2024", "2024").
func valueText(v span) string {
	if v.lo.Equal(v.hi) {
		return v.lo.Format(dateLayout)
	}
	return cmp.Or(wholeText(v), strings.TrimPrefix(spanText(v), "on "))
}

// twoWays returns the period of c that readers place two ways, or the
// zero period.
func (c *dateClaim) twoWays() period {
	return pick(c.from.twoWays != "", c.from, c.to)
}

// dateEnv is what a date phrase is placed against.
type dateEnv struct {
	asOf    time.Time
	hasAsOf bool
	south   bool
	late    bool // the second reading of a period read two ways
}

// shape returns the shape of per in e's reading.
func (e dateEnv) shape(per period) func(int, bool) (span, bool) {
	return pick(e.late && per.late != nil, per.late, per.shape)
}

// dayRange is the days a date phrase allows: from lo to hi, both included;
// a zero bound is unbounded.
type dayRange struct {
	lo, hi  time.Time
	meaning string
}

func (r dayRange) contains(t time.Time) bool {
	return (r.lo.IsZero() || !t.Before(r.lo)) && (r.hi.IsZero() || !t.After(r.hi))
}

// place turns c into the days it allows, or says why it cannot.
func (c *dateClaim) place(e dateEnv) (dayRange, string) {
	var s span
	var reason string
	switch {
	case c.rel == relWithin || c.rel == relWithinLess:
		if !e.hasAsOf {
			return dayRange{}, "it counts from the as-of date, which is not set"
		}
		end := e.asOf.AddDate(0, 0, c.n*pick(c.unit == "week", 7, 1)) // days or weeks
		if c.unit == "month" || c.unit == "year" {
			end = addMonths(e.asOf, c.n*pick(c.unit == "year", 12, 1))
		}
		if c.rel == relWithinLess {
			end = end.AddDate(0, 0, -1) // "in less than 6 weeks": not on the day 6 weeks on
		}
		s = span{e.asOf.AddDate(0, 0, 1), end}
	case !c.to.isSet():
		s, reason = e.placeNear(c.from, time.Time{}, false)
	default:
		// A range: the end left without a year follows the other end.
		// With neither year, the range is placed by its end, so that it
		// is the first that does not end before the as-of date, as a
		// single period is: "between November and January" on 31
		// December 2025 is the one under way, November 2025 to January
		// 2026.
		var from, to span
		if c.from.year.kind == yearNone {
			if to, reason = e.placeNear(c.to, time.Time{}, false); reason == "" {
				from, reason = e.placeNear(c.from, to.lo, true)
			}
		} else if from, reason = e.placeNear(c.from, time.Time{}, false); reason == "" {
			to, reason = e.placeNear(c.to, from.lo, false)
		}
		// Written backwards, it is read either way.
		s = span{minTime(from.lo, to.lo), maxTime(from.hi, to.hi)}
	}
	if reason != "" {
		return dayRange{}, reason
	}
	edge := pick(c.to.isSet(), edgeNone, c.from.edge)
	switch rel := c.rel; {
	case (rel == relLater || rel == relEarlier) && !e.hasAsOf:
		return dayRange{}, "it counts from the as-of date, which is not set"
	case rel == relLater: // the days of s after the as-of date: "later this year"
		s.lo = maxTime(s.lo, e.asOf.AddDate(0, 0, 1))
	case rel == relEarlier: // and before it: "earlier this month"
		s.hi = minTime(s.hi, e.asOf.AddDate(0, 0, -1))
	case rel == relBy || rel == relBefore && edge == edgeEnd:
		// "before the end of March": the end is a moment here, not the last week.
		return dayRange{hi: s.hi, meaning: "on or before " + s.hi.Format(dateLayout)}, ""
	case rel == relNotBefore || rel == relAfter && edge == edgeStart:
		return dayRange{lo: s.lo, meaning: "on or after " + s.lo.Format(dateLayout)}, ""
	case rel == relBefore:
		return dayRange{hi: s.lo.AddDate(0, 0, -1), meaning: "before " + s.lo.Format(dateLayout)}, ""
	case rel == relAfter:
		return dayRange{lo: s.hi.AddDate(0, 0, 1), meaning: "after " + s.hi.Format(dateLayout)}, ""
	}
	if (c.rel == relLater || c.rel == relEarlier) && s.lo.After(s.hi) {
		return dayRange{}, "no day of it comes " + pick(c.rel == relLater, "after", "before") + " the as-of date, " + e.asOf.Format(dateLayout)
	}
	return dayRange{s.lo, s.hi, spanText(s)}, ""
}

func minTime(a, b time.Time) time.Time { return pick(a.Before(b), a, b) }
func maxTime(a, b time.Time) time.Time { return pick(a.After(b), a, b) }

// placeNear puts per in its year. A period named without a year is the
// first one that does not end before the as-of date, nor before near when
// that is set (the second end of a range); with before, the last one that
// starts no later than near ("March" in "between March and May 2025").
func (e dateEnv) placeNear(per period, near time.Time, before bool) (span, string) {
	if per.deixis != deixNone {
		return e.placeDeixis(per)
	}
	if per.pair != "" && seasonStart(seasonNames[per.pair], e.south) != 12 {
		// "winter 2024/25" in the southern hemisphere, "summer 2024/25" in the northern.
		return span{}, fmt.Sprintf("%s does not span two years in the %s hemisphere", per.pair, pick(e.south, "southern", "northern"))
	}
	if per.year.kind != yearNone {
		return e.inYear(per)
	}
	if near.IsZero() {
		if !e.hasAsOf {
			return span{}, "it leaves out the year, which needs an as-of date to place it"
		}
		near = e.asOf
	}
	for i := -1; i <= 8; i++ {
		y := pick(before, near.Year()-i, near.Year()+i)
		if s, ok := e.shape(per)(y, e.south); ok && pick(before, !s.lo.After(near), !s.hi.Before(near)) {
			return s, ""
		}
	}
	return span{}, fmt.Sprintf("there is no %s in the years %s %d", per.desc, pick(before, "before", "after"), near.Year())
}

// placeDeixis puts a season or month named with "this", "next" or "the
// coming" in its year. "This summer" is the summer under way or else the
// one of the as-of year, past or to come: as of October 2025 it is summer
// 2025, as of January 2025 it is summer 2025 and "this winter" winter
// 2024/25. "The coming summer" is the first to begin after the as-of date.
// "Next summer" is the one after this summer once that has begun; while
// this summer is still to come, readers take "next summer" both as it and
// as the one after, and the phrase is refused.
func (e dateEnv) placeDeixis(per period) (span, string) {
	if !e.hasAsOf {
		return span{}, "it names a period relative to the as-of date, which is not set"
	}
	whole := func(y int) span { s, _ := per.whole(y, e.south); return s }
	from := e.asOf.Year() - 1
	if per.deixis == deixComing {
		for whole(from).lo.Before(e.asOf) || whole(from).lo.Equal(e.asOf) {
			from++
		}
		s, _ := per.shape(from, e.south)
		return s, ""
	}
	for whole(from).hi.Before(e.asOf) {
		from++ // the first that does not end before the as-of date
	}
	if whole(from).lo.Year() > e.asOf.Year() {
		from = e.asOf.Year() // past, but of the as-of year
	}
	if per.deixis == deixNext {
		if whole(from).lo.After(e.asOf) {
			return span{}, fmt.Sprintf("readers take it both as %s and as %s; write the one that is meant",
				per.name(from, e.south), per.name(from+1, e.south))
		}
		from++
	}
	s, _ := per.shape(from, e.south)
	return s, ""
}

// inYear puts a period named with a year in that year, and one named by a
// month counted from the as-of date in that month.
func (e dateEnv) inYear(per period) (span, string) {
	relative := map[int]string{monthRel: "period", weekRel: "week", yearRel: "year"}[per.year.kind]
	if relative != "" && !e.hasAsOf {
		return span{}, "it names a " + relative + " relative to the as-of date, which is not set"
	}
	y := per.year.n
	switch per.year.kind {
	case monthRel:
		return per.inMonth(e.asOf.Year(), e.asOf.Month()+time.Month(per.year.n)), ""
	case weekRel:
		return per.onWeek(e.asOf, e.late), ""
	case yearRel:
		y += e.asOf.Year()
	}
	s, ok := e.shape(per)(y, e.south)
	if !ok {
		return span{}, fmt.Sprintf("there is no %s %d", per.desc, y)
	}
	return s, ""
}

// spanText writes s as briefly as it reads clearly: "15 April 2025",
// "1 to 10 April 2025", "1 March to 31 May 2025", "1 December 2024 to 28
// February 2025".
func spanText(s span) string {
	switch {
	case s.lo.Equal(s.hi):
		return "on " + s.lo.Format(dateLayout)
	case s.lo.Year() != s.hi.Year():
		return s.lo.Format(dateLayout) + " to " + s.hi.Format(dateLayout)
	case s.lo.Month() != s.hi.Month():
		return s.lo.Format("2 January") + " to " + s.hi.Format(dateLayout)
	}
	return s.lo.Format("2") + " to " + s.hi.Format(dateLayout)
}

// ApproxDate writes t as plotline's approx format does: "early April
// 2025" (days 1–10), "mid-April 2025" (11–20) or "late April 2025". A
// claim's verdict and a {{ x | approx }} use it both, so the two never
// word one date differently.
func ApproxDate(t time.Time) string {
	month := t.Format("January 2006")
	switch d := t.Day(); {
	case d <= 10:
		return "early " + month
	case d <= 20:
		return "mid-" + month
	}
	return "late " + month
}

// within returns the shortest "within N units" from asOf that holds v,
// which must be after asOf.
func within(asOf, v time.Time, unit string) string {
	// Calendar days, as the claim counts them: a time.Duration would
	// stop at 292 years.
	days := int((dayOf(v).Unix() - dayOf(asOf).Unix()) / 86400)
	var n int
	switch unit {
	case "day":
		n = days
	case "week":
		n = (days + 6) / 7
	default:
		per := pick(unit == "year", 12, 1) // months
		n = max(((v.Year()-asOf.Year())*12+int(v.Month())-int(asOf.Month()))/per, 1)
		for n > 1 && !addMonths(asOf, (n-1)*per).Before(v) {
			n--
		}
		for addMonths(asOf, n*per).Before(v) {
			n++
		}
	}
	return "within " + durationText(n, unit)
}
