package claim

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Grain says how finely the dates of a Series are given.
type Grain int

const (
	// ByDay is a series of days: 2024-03-04.
	ByDay Grain = iota + 1
	// ByMonth is a series of months, each dated on its first day: 2024-03.
	ByMonth
	// ByYear is a series of years, each dated on 1 January: 2024.
	ByYear
)

// noun is the word for one step of g: "day", "month" or "year".
func (g Grain) noun() string { return g.pick("day", "month", "year") }

// adjective describes a series of g: "daily", "monthly" or "annual".
func (g Grain) adjective() string { return g.pick("daily", "monthly", "annual") }

// pick returns the one of day, month and year that is said of g, which is
// by the day unless it is ByMonth or ByYear.
func (g Grain) pick(day, month, year string) string {
	switch g {
	case ByMonth:
		return month
	case ByYear:
		return year
	}
	return day
}

// Observation is one value of a Series on its date.
type Observation struct {
	Date  time.Time
	Value float64
}

// Series is the history a claim about change over time is read against:
// observations in date order, each dated on the first day of its month or
// year when Grain says the series is monthly or annual. A date may hold
// two (two sources' counts of one day); a claim measured against such a
// date, or a run of changes through it, is refused, as either value
// could be meant.
type Series struct {
	Obs   []Observation
	Grain Grain
	// Unit gives Percent, Points and Scale of every value; its Value is
	// not used.
	Unit Quantity
	// Memo, when set, keeps what claims have read of Obs for the next
	// claims about the same series; without it each claim reads the
	// whole series again.
	Memo *Memo
}

// Memo keeps what claims about one series' history have read of it:
// whether its values are finite, its runs of rises and falls, and how each
// observation claimed about stands to the others. Each claim then reads a
// few observations, where it read them all, so that a page of 5,000
// claims about a series of 300,000 days took five minutes. The zero Memo
// is ready to use; a Memo serves one series, and one goroutine.
type Memo struct {
	checked, infinite bool
	runs              map[runKey][]int32
	steps             map[string]bool // whether the series is dated by steps of each unit (stepOf)
	standings         map[standKey]*standing
}

// standKey names what a standing is of: an observation, measured as high
// (dir 1) or as low (dir -1), against every observation or those of one
// month.
type standKey struct {
	at, dir int
	month   time.Month
}

// standing is how an observation stands to the others a claim counts.
type standing struct {
	before, after int   // how many there are before it and after it
	last, later   int   // the latest before it and the first after it at least as high, or -1
	above, tied   []int // the first three higher and level with it
	nAbove, nTied int   // how many are higher and level
	same          int   // the latest level with it before it, or -1
}

// memo returns s's Memo, or one for this claim alone.
func (s Series) memo() *Memo {
	if s.Memo == nil {
		return &Memo{}
	}
	return s.Memo
}

// finite reports whether every value of s is a finite number.
func (s Series) finite() bool {
	m := s.memo()
	if !m.checked {
		m.checked = true
		m.infinite = slices.ContainsFunc(s.Obs, func(o Observation) bool { return math.IsNaN(o.Value) || math.IsInf(o.Value, 0) })
	}
	return !m.infinite
}

// runKey names a Memo's runs: of rises (dir 1) or falls, by steps of unit.
type runKey struct {
	dir  int
	unit string
}

// run returns how many changes in direction dir end at observation at,
// each a step (next, of unit) without a gap.
func (s Series) run(at, dir int, unit string, next func(time.Time) time.Time) int {
	m := s.memo()
	runs, ok := m.runs[runKey{dir, unit}]
	if !ok {
		runs = make([]int32, len(s.Obs))
		for i := 1; i < len(s.Obs); i++ {
			if next(s.Obs[i-1].Date).Equal(s.Obs[i].Date) && (s.Obs[i].Value-s.Obs[i-1].Value)*float64(dir) > 0 {
				runs[i] = runs[i-1] + 1
			}
		}
		if m.runs == nil {
			m.runs = map[runKey][]int32{}
		}
		m.runs[runKey{dir, unit}] = runs
	}
	return int(runs[at])
}

// stepOf returns the step from one observation to the next that unit, the
// word of a run ("week", "quarter"), counts in s, and false where s is not
// dated by such steps: a day or a week of a daily series, a month or a
// quarter of a monthly one or of one dated by its months' ends, a year of
// an annual one; but for the grain's own step, only where every two
// observations are a whole number of steps apart, and some two one step
// (weekly figures, not daily ones; a quarter's, not March's of each
// year). A Memo keeps the answer for each unit.
func (s Series) stepOf(unit string) (func(time.Time) time.Time, bool) {
	months := map[string]int{"month": 1, "quarter": 3}[unit]
	var next func(time.Time) time.Time
	switch {
	case unit == s.Grain.noun():
		return func(t time.Time) time.Time { return s.Grain.after(t, 1) }, true
	case unit == "week" && s.Grain == ByDay:
		next = func(t time.Time) time.Time { return t.AddDate(0, 0, 7) }
	case months > 0 && s.Grain == ByMonth:
		next = func(t time.Time) time.Time { return t.AddDate(0, months, 0) }
	case months > 0 && s.Grain == ByDay: // of figures dated by their months' ends
		next = func(t time.Time) time.Time { return day(t.Year(), t.Month()+time.Month(months)+1, 0) }
	default:
		return nil, false
	}
	m := s.memo()
	ok, known := m.steps[unit]
	if !known {
		ok = months == 0 || s.Grain != ByDay || s.monthEnds()
		one := false // a step from one observation to the next, once at least
		for i := 1; i < len(s.Obs) && ok; i++ {
			p, t := s.Obs[i-1].Date, s.Obs[i].Date
			q := next(p)
			one = one || q.Equal(t)
			for q.Before(t) {
				q = next(q)
			}
			ok = t.Equal(p) || q.Equal(t)
		}
		ok = ok && one
		if m.steps == nil {
			m.steps = map[string]bool{}
		}
		m.steps[unit] = ok
	}
	return next, ok
}

// ownStep returns the word of the step s is dated by, and the word of a
// series so dated: a quarter, a month or a week where stepOf takes it
// ("quarterly"), and otherwise its grain's.
func (s Series) ownStep() (noun, adjective string) {
	for _, u := range [][2]string{{"quarter", "quarterly"}, {"month", "monthly"}, {"week", "weekly"}} {
		if _, ok := s.stepOf(u[0]); ok {
			return u[0], u[1]
		}
	}
	return s.Grain.noun(), s.Grain.adjective()
}

// standing returns how observation at stands to the others kept for a
// claim in direction dir about month (0 for every observation).
func (s Series) standing(at, dir int, month time.Month) *standing {
	m, k := s.memo(), standKey{at, dir, month}
	if st, ok := m.standings[k]; ok {
		return st
	}
	st := &standing{last: -1, later: -1, same: -1}
	x := s.Obs[at].Value
	for i, o := range s.Obs {
		if i == at || month != 0 && o.Date.Month() != month {
			continue
		}
		if i < at {
			st.before++
		} else {
			st.after++
		}
		if asHigh(o.Value, x, dir) && (i < at || st.later < 0) {
			if i < at {
				st.last = i
			} else {
				st.later = i
			}
		}
		switch {
		case o.Value == x:
			st.nTied++
			if len(st.tied) < 3 {
				st.tied = append(st.tied, i)
			}
			if i < at {
				st.same = i
			}
		case asHigh(o.Value, x, dir):
			st.nAbove++
			if len(st.above) < 3 {
				st.above = append(st.above, i)
			}
		}
	}
	if m.standings == nil {
		m.standings = map[standKey]*standing{}
	}
	m.standings[k] = st
	return st
}

// quantity is the value of observation i as Compare reads it.
func (s Series) quantity(i int) Quantity {
	q := s.Unit
	q.Value = s.Obs[i].Value
	return q
}

// dateText writes t as the series gives its dates: "2010", "March 2010",
// "4 March 2010".
func (s Series) dateText(t time.Time) string { return grainText(t, s.Grain) }

// inText writes t as dateText does, after the word that puts something
// at it: "in 2010", "in March 2010", "on 4 March 2010".
func (s Series) inText(t time.Time) string {
	return pick(s.Grain == ByMonth || s.Grain == ByYear, "in ", "on ") + s.dateText(t)
}

// grainText writes t as a date of grain g: "2010", "March 2010", "4
// March 2010".
func grainText(t time.Time, g Grain) string {
	return t.Format(g.pick(dateLayout, "January 2006", "2006"))
}

// obsText writes observation i with its value: "2010 (14.2)".
func (s Series) obsText(i int) string {
	return s.dateText(s.Obs[i].Date) + " (" + showQuantity(s.quantity(i)) + ")"
}

// find returns the index of the observation dated t, or -1.
func (s Series) find(t time.Time) int {
	i, ok := slices.BinarySearchFunc(s.Obs, t, func(o Observation, t time.Time) int { return o.Date.Compare(t) })
	return pick(ok, i, -1)
}

// single returns j, the observation a claim is measured against, or why
// it cannot be: the observation after it has its date too.
func (s Series) single(j int) (int, string) {
	if k := j + 1; k < len(s.Obs) && s.Obs[k].Date.Equal(s.Obs[j].Date) {
		return -1, s.twice(j)
	}
	return j, ""
}

// twice says that observations j and j+1 share a date.
func (s Series) twice(j int) string {
	return fmt.Sprintf("the series has two values for %s, %s and %s, and either could be meant", s.dateText(s.Obs[j].Date), showQuantity(s.quantity(j)), showQuantity(s.quantity(j+1)))
}

// spanEnd returns the last day of the year, month or day of grain g that
// starts on t.
func spanEnd(t time.Time, g Grain) time.Time { return g.after(t, 1).AddDate(0, 0, -1) }

// after returns the date n steps of g after t, each a year, a month or a
// day; before t when n is below zero.
func (g Grain) after(t time.Time, n int) time.Time {
	switch g {
	case ByYear:
		return t.AddDate(n, 0, 0)
	case ByMonth:
		return t.AddDate(0, n, 0)
	}
	return t.AddDate(0, 0, n)
}

// histKind is what a claim about a series' history says.
type histKind int

const (
	hChange histKind = iota + 1 // "up 3% on a year earlier", "doubled since 1990"
	hRecord                     // "a record high", "the highest since 1998"
	hStreak                     // "has risen every year since 2010"
)

// recScope is which observations a record is measured against.
type recScope int

const (
	recBefore recScope = iota + 1 // every one before it: "a record high"
	recAll                        // every other one: "the highest on record"
	recSince                      // those after a date: "the highest since 1998"
)

// anchor is the earlier observation a change is measured from: a step
// back from the observation claimed about, or a date named.
type anchor struct {
	step  Grain // one day, month or year back; 0 for a named date
	week  bool  // seven days back
	date  time.Time
	grain Grain // how finely date is named
}

// histClaim is a parsed claim about a series' history.
type histClaim struct {
	kind histKind
	// hChange: the comparison, written as Compare reads it, and the
	// words after it as written.
	head, added, tail string
	from              anchor
	// hRecord: the superlative and its direction (1 the highest, -1 the
	// lowest), the noun after it ("month", "March"), the month a month
	// name keeps to.
	dir         int
	words, noun string
	month       time.Month
	scope       recScope
	// rank is the place of "the second highest on record": 2; 0 for
	// the highest.
	rank int
	// hStreak: the unit of its verb, and the number of steps in a row
	// (nth for "the fifth year in a row"); dir says whether it rises.
	unitWord string
	n        int
	nth      bool
	// since is the date of recSince and of a streak "every year since".
	since anchor
}

// superlatives are the words of a record, with their direction.
var superlatives = map[string]int{
	"highest": 1, "largest": 1, "biggest": 1, "greatest": 1, "most": 1, "hottest": 1, "warmest": 1,
	"wettest": 1, "strongest": 1, "heaviest": 1, "busiest": 1, "deepest": 1, "fastest": 1, "longest": 1,
	"lowest": -1, "smallest": -1, "fewest": -1, "least": -1, "coldest": -1, "coolest": -1, "driest": -1,
	"weakest": -1, "lightest": -1, "shallowest": -1, "slowest": -1, "shortest": -1,
}

// ordinals are the words of "for the fifth year in a row".
var ordinals = map[string]int{
	"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
	"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}

// parseHistory reads a claim about a series' history.
func parseHistory(s string) (*histClaim, *Error) {
	var reason string
	for _, read := range []func(string) (*histClaim, string){readRecord, readStreak, readChange} {
		c, why := read(s)
		if c != nil {
			return c, nil
		}
		reason = cmp.Or(reason, why)
	}
	return nil, &Error{Phrase: s, Want: KindHistory, Reason: reason}
}

// readRecord reads "a record high", "a new low", "an all-time high", "the
// highest on record", "the warmest month since 1998".
func readRecord(s string) (*histClaim, string) {
	p := newParser(s)
	c := &histClaim{kind: hRecord}
	if _, ok := p.oneOf("a", "an"); ok {
		named := p.seq("new")
		named = p.seq("record") || p.seq("all", "-", "time") || p.seq("all", "time") || named
		if !named {
			return nil, ""
		}
		w, ok := p.oneOf("high", "low")
		if !ok {
			return nil, pick(p.done(), "say which: \"a record high\" or \"a record low\"", "")
		}
		if !p.done() {
			return nil, ""
		}
		c.dir, c.scope, c.words = pick(w == "low", -1, 1), recBefore, pick(w == "low", "the lowest", "the highest")
		return c, ""
	}
	det, ok := p.oneOf("the", "its", "their")
	if !ok {
		return nil, ""
	}
	if k, ok := p.ordinal(2); ok {
		p.opt("-") // "the second-highest"
		c.rank = k
	}
	t := p.peek(0)
	dir := superlatives[t.text]
	if dir == 0 || t.kind != tWord {
		return nil, ""
	}
	p.pos++
	c.dir = dir
	c.words = det + " " + t.text
	if m, ok := p.month(); ok {
		c.month, c.noun = m, m.String()
	} else if n := p.peek(0); n.kind == tWord && !historyTails[n.text] {
		c.noun = n.text
		p.pos++
	}
	switch {
	case p.seq("on", "record"), p.seq("ever", "recorded"), p.seq("ever"), p.seq("since", "records", "began"), p.seq("of", "all", "time"):
		c.scope = recAll
	case p.seq("since"):
		a, ok := p.namedDate()
		if !ok || !p.done() {
			return nil, p.reason
		}
		c.scope, c.since = recSince, a
	case p.seq("in"), p.seq("for"):
		start := p.pos
		if p.span() { // "five years", "a decade"
			return nil, "readers count \"" + strings.Join(ws(p.toks[start:p.pos]), " ") + "\" back from different days (the latest observation's, the start of its year, today's), and so to different ones; write \"" + c.words + " since\" and the date meant"
		}
		p.pos = start
		return nil, ""
	case p.done():
		return nil, "say since when: \"" + c.words + " on record\", or \"" + c.words + " since\" and a date"
	default:
		return nil, ""
	}
	if !p.done() {
		return nil, ""
	}
	if c.rank > 0 && c.scope != recAll {
		return nil, fmt.Sprintf("a place is counted among every observation: write \"%s %s %s on record\"", det, ordinalText(c.rank), t.text)
	}
	return c, ""
}

// ordinal reads a place from second on in words, "second", or from
// least on in digits, "2nd".
func (p *parser) ordinal(least int) (int, bool) {
	t := p.peek(0)
	if k := ordinals[t.text]; k != 0 && t.kind == tWord {
		p.pos++
		return k, true
	}
	start := p.pos
	if n, ok := p.num(1, 3); ok && n >= least {
		if _, ok := p.oneOf("st", "nd", "rd", "th"); ok {
			return n, true
		}
	}
	return 0, p.back(start)
}

// ordinalText writes a place: "second", "twentieth", "21st".
func ordinalText(k int) string {
	for w, n := range ordinals {
		if n == k {
			return w
		}
	}
	if d := k % 10; d >= 1 && d <= 3 && k%100/10 != 1 { // 21st, but 11th
		return fmt.Sprintf("%d%s", k, []string{"st", "nd", "rd"}[d-1])
	}
	return fmt.Sprintf("%dth", k)
}

// timeNouns are the nouns after a superlative that name a span of time,
// "the warmest month": the span must be the series' grain. Any other
// noun ("the highest level") only says what the value is.
var timeNouns = map[string]bool{
	"day": true, "week": true, "fortnight": true, "weekend": true, "month": true, "quarter": true,
	"season": true, "spring": true, "summer": true, "autumn": true, "fall": true, "winter": true,
	"year": true, "decade": true, "century": true,
}

// historyTails are the words that may follow a superlative directly.
var historyTails = map[string]bool{"on": true, "ever": true, "since": true, "of": true, "in": true, "for": true}

// countWord reads a count in digits or words: "20", "twenty".
func (p *parser) countWord() (int, bool) {
	if n, ok := p.num(1, 4); ok {
		return n, true
	}
	return p.wordBelowHundred()
}

// span reads a length of time counted back: "20 years", "ten years", "a
// decade", "a year".
func (p *parser) span() bool {
	start := p.pos
	if _, ok := p.countWord(); ok {
		if _, ok := p.oneOf("days", "weeks", "months", "years", "decades"); ok {
			return true
		}
	} else if p.seq("a") {
		if _, ok := p.oneOf("day", "week", "month", "year", "decade"); ok {
			return true
		}
	}
	return p.back(start)
}

// namedDate reads a year, a month of a year or a day: "1998", "March
// 1998", "4 March 1998", "March 4, 1998", "1998-03", "1998-03-04".
func (p *parser) namedDate() (anchor, bool) {
	start := p.pos
	if y, ok := p.year(); ok {
		if !p.seq("-") {
			return anchor{date: day(y, 1, 1), grain: ByYear}, true
		}
		m, ok := p.num(2, 2)
		if !ok || m < 1 || m > 12 {
			return anchor{}, p.back(start)
		}
		if !p.seq("-") {
			return anchor{date: day(y, time.Month(m), 1), grain: ByMonth}, true
		}
		d, ok := p.num(2, 2)
		if !ok || d < 1 || d > daysIn(y, time.Month(m)) {
			if ok {
				p.fail("%04d-%02d-%02d is not a day", y, m, d)
			}
			return anchor{}, p.back(start)
		}
		return anchor{date: day(y, time.Month(m), d), grain: ByDay}, true
	}
	p.opt("the")
	d, hasDay := p.dayNumber()
	if hasDay {
		p.opt("of")
	}
	m, ok := p.month()
	if !ok {
		return anchor{}, p.back(start)
	}
	if !hasDay {
		d, hasDay = p.dayNumber()
	}
	p.opt(",")
	p.opt("of")
	y, ok := p.year()
	if !ok {
		p.fail("name the year, as in \"since %s 1998\"", m)
		return anchor{}, p.back(start)
	}
	if !hasDay {
		return anchor{date: day(y, m, 1), grain: ByMonth}, true
	}
	if d > daysIn(y, m) {
		p.fail("%d %s %d is not a day", d, m, y)
		return anchor{}, p.back(start)
	}
	return anchor{date: day(y, m, d), grain: ByDay}, true
}

// readStreak reads "has risen every year since 2010", "fell for the
// fifth month in a row", "has grown for three consecutive years".
func readStreak(s string) (*histClaim, string) {
	p := newParser(s)
	c := &histClaim{kind: hStreak}
	p.oneOf("has", "have")
	t := p.peek(0)
	if t.kind != tWord || changeVerbs[t.text] == "" {
		return nil, ""
	}
	p.pos++
	c.dir = pick(riseVerbs[t.text], 1, -1)
	unit := func() bool {
		w, ok := p.oneOf("day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years")
		c.unitWord = strings.TrimSuffix(w, "s")
		return ok
	}
	switch {
	case p.seq("every"), p.seq("each"):
		if !unit() || !p.seq("since") {
			return nil, ""
		}
		a, ok := p.namedDate()
		if !ok || !p.done() {
			return nil, p.reason
		}
		c.since = a
		return c, ""
	case p.seq("for", "the"), p.seq("for", "a"):
		var ok bool
		if c.n, ok = p.ordinal(1); !ok {
			return nil, ""
		}
		c.nth = true
		_ = p.seq("consecutive") || p.seq("straight")
		if !unit() {
			return nil, ""
		}
		p.seq("in", "a", "row")
	case p.seq("for"):
		n, ok := p.countWord()
		if !ok {
			return nil, ""
		}
		c.n = n
		consecutive := p.seq("consecutive") || p.seq("straight")
		if !unit() {
			return nil, ""
		}
		if !consecutive && !p.seq("in", "a", "row") {
			return nil, "\"for " + fmt.Sprint(n) + " " + c.unitWord + "s\" does not say the change came in each of them; write \"for " + fmt.Sprint(n) + " " + c.unitWord + "s in a row\""
		}
	default:
		return nil, ""
	}
	if !p.done() || c.n < 1 {
		return nil, ""
	}
	return c, ""
}

// changePreps are the words that join a change to the observation it is
// measured from: "up 3% on a year earlier", "doubled since 1990".
var changePreps = map[string]bool{"on": true, "from": true, "since": true, "than": true, "as": true, "compared": true, "against": true, "in": true, "over": true}

// readChange reads a comparison followed by what it compares with: "rose
// 3% on a year earlier", "up a fifth since 2010", "3% higher than in 2010",
// "up 2% year on year".
func readChange(s string) (*histClaim, string) {
	ws := strings.Fields(s)
	for i := len(ws) - 1; i >= 1; i-- {
		prep := strings.ToLower(ws[i])
		if !changePreps[prep] {
			continue
		}
		head, tail := strings.Join(ws[:i], " "), strings.Join(ws[i:], " ")
		p := newParser(tail)
		p.pos = 1
		if prep == "compared" {
			if _, ok := p.oneOf("with", "to"); !ok {
				continue
			}
		}
		if reason := perPeriod(head); reason != "" {
			return nil, reason
		}
		if before := strings.ToLower(ws[i-1]); (prep == "in" || prep == "over") && before != "than" && before != "as" {
			start := p.pos
			_ = p.seq("the", "past") || p.seq("the", "last")
			if p.span() {
				return nil, "readers count the time back to different observations (is ten years before 2024 the year 2014, or 2015, the first of the ten?); write \"since\" and the date meant, as in \"doubled since 2014\""
			}
			p.pos = start
			continue
		}
		a, ok := p.anchor(prep)
		if p.reason != "" {
			return nil, p.reason
		}
		if !ok || !p.done() {
			continue
		}
		for _, added := range []string{"", prep, "on"} {
			h := strings.TrimSpace(head + " " + added)
			if added == prep && (prep == "compared" || prep == "against" || prep == "since") {
				continue
			}
			if changeHead(h, added) {
				return &histClaim{kind: hChange, head: h, added: added, tail: tail, from: a}, ""
			}
		}
	}
	if reason := perPeriod(s); reason != "" {
		return nil, reason
	}
	// "up 2% year on year", "down 1% month-on-month".
	for _, g := range []Grain{ByYear, ByMonth} {
		for _, form := range []string{g.noun() + " on " + g.noun(), g.noun() + "-on-" + g.noun()} {
			if len(s) <= len(form) || s[len(s)-len(form)-1] != ' ' || !strings.EqualFold(s[len(s)-len(form):], form) {
				continue
			}
			head := strings.TrimSpace(s[:len(s)-len(form)])
			for _, added := range []string{"", "on"} {
				h := strings.TrimSpace(head + " " + added)
				if changeHead(h, added) {
					return &histClaim{kind: hChange, head: h, added: added, tail: s[len(s)-len(form):], from: anchor{step: g}}, ""
				}
			}
		}
	}
	return nil, ""
}

// changeHead reports whether h, the words of a change before what it is
// measured from, with added put after them, reads as a comparison. Of "up
// 3%" before "on a year earlier" the change with its "on" is taken, which
// suggestions are written in, and not the one without it, which reads too.
func changeHead(h, added string) bool {
	c, err := parseComparison(h)
	return err == nil && (added != "" || !c.updown || c.prep != "")
}

// perPeriod refuses a rate per period, "rose 3% a year": readers take it
// both as growth compounded each year and as the mean of the yearly
// changes.
func perPeriod(head string) string {
	ws := strings.Fields(strings.ToLower(head))
	if len(ws) < 2 {
		return ""
	}
	last := ws[len(ws)-1]
	per := ws[len(ws)-2] + " " + last
	if last == "annually" || last == "monthly" {
		per = last
	} else if !strings.HasPrefix(per, "a ") && !strings.HasPrefix(per, "per ") && !strings.HasPrefix(per, "each ") && !strings.HasPrefix(per, "every ") || last != "year" && last != "month" && last != "day" && last != "week" {
		return ""
	}
	return "a change \"" + per + "\" is read both as growth compounded each time and as the average of the changes; write the change over the whole time, as in \"up 34% since 2010\""
}

// anchor reads what a change is measured from, after prep: a step back,
// "a year earlier", "last month", "the previous year", "the same month a
// year earlier", or a date named, "2010", "March 2010".
func (p *parser) anchor(prep string) (anchor, bool) {
	start := p.pos
	if prep == "than" || prep == "as" {
		p.opt("in")
	}
	unit := func() (Grain, bool, bool) { // the grain, whether a week, and whether read
		w, ok := p.oneOf("day", "week", "month", "year")
		return map[string]Grain{"day": ByDay, "week": ByDay, "month": ByMonth, "year": ByYear}[w], w == "week", ok
	}
	back := func(g Grain, week bool) (anchor, bool) {
		if prep == "since" {
			p.pos = start
			return anchor{}, p.fail("readers take \"since\" a %s both as against the one before and as since its start; write \"on a %s earlier\", or \"since\" and the date meant", g.noun(), g.noun())
		}
		return anchor{step: g, week: week}, true
	}
	switch {
	case p.seq("last"), p.seq("the", "previous"), p.seq("the", "preceding"):
		if g, week, ok := unit(); ok {
			return back(g, week)
		}
	case p.seq("a"), p.seq("one"):
		if g, week, ok := unit(); ok {
			if _, ok := p.oneOf("earlier", "ago", "before"); ok {
				return back(g, week)
			}
		}
	case p.seq("the", "same"):
		if _, ok := p.oneOf("day", "week", "month", "quarter"); ok {
			if p.seq("last", "year") || p.seq("a", "year", "earlier") || p.seq("a", "year", "ago") || p.seq("the", "year", "before") || p.seq("of", "the", "previous", "year") {
				return back(ByYear, false)
			}
		}
	case p.seq("the"):
		if g, week, ok := unit(); ok && p.seq("before") {
			return back(g, week)
		}
	default:
		if a, ok := p.namedDate(); ok {
			return a, true
		}
	}
	if p.reason == "" {
		p.pos = start
	}
	return anchor{}, false
}

// History checks phrase, a claim about how observation at of s stands to
// the rest of the series: a change on an earlier observation ("up 3% on a
// year earlier", "doubled since 1990"), a record ("the highest since
// 1998", "a record low") or a run of changes ("has risen every year since
// 2010"). The error is an *Error when the phrase is not such a claim, or
// when readers take it in ways the data tells apart.
func History(phrase string, s Series, at int, o Options) (Verdict, error) {
	return o.check(phrase, KindHistory, func(text string) (Verdict, error) { return history(text, s, at, o) })
}

// history checks the English phrase as History does.
func history(phrase string, s Series, at int, o Options) (Verdict, error) {
	c, perr := parseHistory(phrase)
	if perr != nil {
		return Verdict{}, wrongKind(phrase, KindHistory, perr)
	}
	if at < 0 || at >= len(s.Obs) {
		return Verdict{}, fmt.Errorf("observation %d is not one of the series' %d", at, len(s.Obs))
	}
	if !s.finite() {
		return Verdict{}, errors.New("the series holds a value that is not a finite number")
	}
	refuse := func(format string, args ...any) (Verdict, error) {
		return Verdict{}, &Error{Phrase: phrase, Want: KindHistory, Reason: fmt.Sprintf(format, args...)}
	}
	switch c.kind {
	case hChange:
		return s.change(c, at, o, refuse)
	case hRecord:
		return s.record(c, at, refuse)
	}
	return s.streak(c, at, refuse)
}

// refuser makes the *Error of a phrase the data cannot judge.
type refuser func(format string, args ...any) (Verdict, error)

// earlier returns the observation a, read for the observation at, stands
// for, or why there is none.
func (s Series) earlier(a anchor, at int) (int, string) {
	t := s.Obs[at].Date
	if a.step == 0 {
		switch {
		case a.grain < s.Grain:
			return -1, fmt.Sprintf("the series is %s, so it has no value for %s; write \"%s\"", s.Grain.adjective(), grainText(a.date, a.grain), grainText(a.date, s.Grain))
		case a.grain > s.Grain:
			same := a.date
			if s.Grain <= ByMonth {
				same = day(a.date.Year(), t.Month(), 1)
			}
			if s.Grain == ByDay {
				m := pick(a.grain == ByMonth, a.date.Month(), t.Month()) // a day of the month named
				same = day(a.date.Year(), m, min(t.Day(), daysIn(a.date.Year(), m)))
			}
			// The series' own last day of a month named, where it has one.
			if i, _ := slices.BinarySearchFunc(s.Obs, a.date.AddDate(0, 1, 0), func(o Observation, t time.Time) int { return o.Date.Compare(t) }); a.grain == ByMonth && i > 0 && !s.Obs[i-1].Date.Before(a.date) {
				same = s.Obs[i-1].Date
			}
			step, adj := s.ownStep()
			if s.monthEnds() && a.grain == ByMonth {
				// A month names one value of a series dated by its months' ends, or none.
				dated := pick(adj == "daily", "dated by its months' last days", adj+", each value dated by its "+step+"'s last day")
				return -1, fmt.Sprintf("the series is %s; name the day, as in %q", dated, grainText(day(a.date.Year(), a.date.Month()+1, 0), ByDay))
			}
			return -1, fmt.Sprintf("the series is %s, and %s holds many of its values; name the %s, as in %q", adj, grainText(a.date, a.grain), s.Grain.noun(), grainText(same, s.Grain))
		case !a.date.Before(t):
			return -1, fmt.Sprintf("%s is not before %s, the observation claimed about", grainText(a.date, a.grain), s.dateText(t))
		}
		if j := s.find(a.date); j >= 0 {
			return s.single(j)
		}
		return -1, fmt.Sprintf("the series has no value for %s", grainText(a.date, a.grain))
	}
	if a.step < s.Grain || a.week && s.Grain != ByDay {
		return -1, fmt.Sprintf("the series is %s, so it has no value a %s before %s", s.Grain.adjective(), a.unit(), s.dateText(t))
	}
	want := pick(a.week, t.AddDate(0, 0, -7), a.step.after(t, -1))
	switch {
	case a.week || a.step == ByDay:
	case a.step == ByYear && s.weekly():
		// A weekly series' figure of a year before is the same week's,
		// 52 weeks back, on the same weekday: flu counts, jobless claims.
		want = t.AddDate(0, 0, -364)
	case s.monthEnds():
		// Figures dated by their months' ends: a month before 30 April
		// is 31 March, a year before 28 February 2025 29 February 2024.
		want = day(t.Year(), t.Month()+1-pick[time.Month](a.step == ByMonth, 1, 12), 0)
	case want.Day() != t.Day():
		return -1, fmt.Sprintf("%s has no day %d", want.AddDate(0, 0, -want.Day()).Format("January 2006"), t.Day())
	}
	if j := s.find(want); j >= 0 {
		return s.single(j)
	}
	return -1, fmt.Sprintf("the series has no value for %s, a %s before %s", s.dateText(want), a.unit(), s.dateText(t))
}

// weekly reports whether s is a daily series of two observations or
// more whose observations are whole weeks apart: weekly figures, or
// fortnightly or four-weekly ones, as some retail figures are.
func (s Series) weekly() bool {
	if s.Grain != ByDay || len(s.Obs) < 2 {
		return false
	}
	for i := 1; i < len(s.Obs); i++ {
		if d := s.Obs[i].Date.Sub(s.Obs[i-1].Date); d <= 0 || d%(7*24*time.Hour) != 0 {
			return false
		}
	}
	return true
}

// monthEnds reports whether s is a daily series and every observation of
// it the last day of its month, as a month's or a quarter's figures are
// dated.
func (s Series) monthEnds() bool {
	return len(s.Obs) > 0 && s.Grain == ByDay && !slices.ContainsFunc(s.Obs, func(o Observation) bool { return o.Date.AddDate(0, 0, 1).Day() != 1 })
}

// unit names the step of a: "day", "week", "month" or "year".
func (a anchor) unit() string {
	return pick(a.week, "week", a.step.noun())
}

// change checks a change on an earlier observation with compare. Where
// the phrase compare offers, put before the earlier observation, does not
// read as a change that holds ("more on a year earlier", of a value above
// a negative one, whose ratio says nothing), it offers the plain
// comparison that does: "higher than a year earlier".
func (s Series) change(c *histClaim, at int, o Options, refuse refuser) (Verdict, error) {
	v, err := s.changeOnly(c, at, o, refuse)
	if err != nil || s.changeHolds(v.Suggest, at, o, refuse) {
		return v, err
	}
	rest := c.tail
	for _, prep := range []string{"on ", "from ", "than ", "as "} {
		rest = strings.TrimPrefix(rest, prep)
	}
	if r, ok := strings.CutPrefix(rest, "since "); ok {
		rest = "in " + r
	}
	for _, plain := range []string{"higher than ", "lower than ", "the same as "} {
		if s.changeHolds(plain+rest, at, o, refuse) {
			v.Suggest = plain + rest
			break
		}
	}
	return v, nil
}

// changeHolds reports whether text reads as a change on an earlier
// observation that holds for observation at.
func (s Series) changeHolds(text string, at int, o Options, refuse refuser) bool {
	c, perr := parseHistory(text)
	if perr != nil || c.kind != hChange {
		return false
	}
	v, err := s.changeOnly(c, at, o, refuse)
	return err == nil && v.True
}

// changeOnly is change without putting its suggestion right.
func (s Series) changeOnly(c *histClaim, at int, o Options, refuse refuser) (Verdict, error) {
	j, why := s.earlier(c.from, at)
	if why != "" {
		return refuse("%s", why)
	}
	// compare, not Compare: the phrase is English here, read through the
	// page's language once by History, which writes the suggestion back.
	v, err := compare(c.head, s.quantity(at), s.quantity(j), o)
	if err != nil {
		return Verdict{}, err
	}
	v.Meaning += " on " + s.dateText(s.Obs[j].Date)
	v.Value = s.obsText(at) + " against " + s.obsText(j) + ": " + v.Value
	if c.added != "" {
		v.Suggest = strings.TrimSuffix(v.Suggest, " "+c.added)
		for _, w := range []string{" from", " on", " than"} {
			v.Suggest = strings.TrimSuffix(v.Suggest, w)
		}
	}
	v.Suggest += " " + c.tail
	return v, nil
}

// asHigh reports whether x is at least as high as y, or, for dir -1, at
// least as low.
func asHigh(x, y float64, dir int) bool { return pick(dir > 0, x >= y, x <= y) }

// record checks a record: observation at is higher (or lower) than the
// others it is measured against.
func (s Series) record(c *histClaim, at int, refuse refuser) (Verdict, error) {
	t := s.Obs[at].Date
	switch {
	case c.month != 0 && s.Grain != ByMonth:
		return refuse("the series is %s; a claim about one month of the year needs a monthly series", s.Grain.adjective())
	case c.month != 0 && t.Month() != c.month:
		return refuse("the observation is %s, not a %s", s.dateText(t), c.month)
	}
	if c.month == 0 && timeNouns[c.noun] {
		if own, adj := s.ownStep(); c.noun != own {
			return refuse("the series is %s, so it says nothing of a %s as a whole; write \"%s %s\", or leave the %s out", adj, c.noun, c.words, own, c.noun)
		}
	}
	words := strings.TrimSpace(c.words + " " + c.noun)
	st := s.standing(at, c.dir, c.month)
	last, before := st.last, st.before // the latest observation before at as high as it
	v := Verdict{Value: s.obsText(at)}
	high, higher := pick(c.dir < 0, "low", "high"), pick(c.dir < 0, "lower", "higher")
	record := pick(c.scope != recBefore, words+" on record", "a record "+high)
	since := func(i int) string { return words + " since " + s.dateText(s.Obs[i].Date) }
	if c.rank > 0 {
		return s.place(c, at, words, refuse)
	}
	switch c.scope {
	case recBefore, recAll:
		if others := before + pick(c.scope == recAll, st.after, 0); others == 0 {
			return refuse(pick(c.scope == recAll, "there is no other observation to measure %s against",
				"there is no observation before %s to measure it against"), s.dateText(t))
		}
		v.True = last < 0
		v.Meaning = higher + pick(c.scope == recAll, " than every other observation", " than every observation before it")
		v.Suggest = record
		if last >= 0 {
			v.Value += "; " + s.obsText(last) + " was at least as " + high
			v.Suggest = since(last)
		}
		if i := st.later; c.scope == recAll && v.True && i >= 0 {
			v.True = false
			v.Value += "; " + s.obsText(i) + " is at least as " + high
			v.Suggest = "a record " + high // v.True: none before it is as high
			if before == 0 {
				// The first observation has no record before it to
				// be: say its place on record.
				first := *c
				first.rank = 1
				if pv, err := s.place(&first, at, words, refuse); err == nil {
					v.Suggest = pv.Suggest
				}
			}
		}
		return v, nil
	}
	a := c.since
	p := grainText(a.date, a.grain)
	pEnd := spanEnd(a.date, a.grain)
	switch {
	case a.grain < s.Grain:
		return refuse("the series is %s, so it has no value for %s; write \"%s since %s\"", s.Grain.adjective(), p, words, grainText(a.date, s.Grain))
	case !pEnd.Before(t):
		return refuse("%s is not before %s, the observation claimed about", p, s.dateText(t))
	}
	each := pick(c.month != 0, c.month.String(), "observation")
	v.Meaning = fmt.Sprintf("%s than every %s after %s, and one of %s as %s or %s", higher, each, p, p, high, higher)
	both := fmt.Sprintf("readers take it both as %s than every observation after %s, which holds, and as the last one as %s being of %s", higher, p, high, p)
	switch {
	case last < 0:
		return refuse("%s, and no observation before %s is as %s; write %q", both, s.dateText(t), high, record)
	case s.Obs[last].Date.After(pEnd):
		v.Value += "; " + s.obsText(last) + " was at least as " + high
		v.Suggest = since(last)
		return v, nil
	case spanEnd(s.Obs[last].Date, s.Grain).Before(a.date):
		return refuse("%s, and the last one as %s was %s; write %q", both, high, s.obsText(last), since(last))
	}
	v.True = true
	v.Suggest = since(last)
	return v, nil
}

// place checks "the second highest on record": exactly rank−1 other
// observations are higher, and none is as high.
func (s Series) place(c *histClaim, at int, words string, refuse refuser) (Verdict, error) {
	st := s.standing(at, c.dir, c.month)
	higher := pick(c.dir < 0, "lower", "higher")
	list := func(is []int, n int) string {
		var out []string
		for _, i := range is {
			out = append(out, s.obsText(i))
		}
		if n > 3 {
			out = append(out, fmt.Sprintf("and %d more", n-3))
		}
		return strings.Join(out, ", ")
	}
	// same is a phrase that holds of a place shared with an earlier
	// observation: "the same as in 2019". A later one, which "the same
	// as" cannot name, leaves it empty.
	same := ""
	if st.same >= 0 {
		same = "the same as in " + s.dateText(s.Obs[st.same].Date)
	}
	nAbove, nTied := st.nAbove, st.nTied
	shared := func() (Verdict, error) {
		return refuse("%s is level with %s, and readers count a shared place differently%s", s.obsText(at), list(st.tied, nTied), pick(same == "", "", "; write "+strconv.Quote(same)))
	}
	if nTied > 0 && nAbove < c.rank && c.rank <= nAbove+nTied+1 {
		return shared()
	}
	v := Verdict{
		True:    nAbove == c.rank-1 && nTied == 0,
		Meaning: fmt.Sprintf("exactly %d other observations %s, and none level with it", c.rank-1, higher),
		Value:   s.obsText(at),
	}
	if c.rank == 2 {
		v.Meaning = "exactly one other observation " + higher + ", and none level with it"
	}
	if nAbove > 0 {
		v.Value += fmt.Sprintf("; %d %s: %s", nAbove, map[bool]string{true: "is " + higher, false: "are " + higher}[nAbove == 1], list(st.above, nAbove))
	}
	switch {
	case nTied > 0 && same == "":
		return shared()
	case nTied > 0:
		v.Suggest = same
	case nAbove == 0:
		v.Suggest = words + " on record"
	default:
		det, rest, _ := strings.Cut(words, " ")
		v.Suggest = det + " " + ordinalText(nAbove+1) + " " + rest + " on record"
	}
	return v, nil
}

// streak checks a run of rises or falls ending at observation at.
func (s Series) streak(c *histClaim, at int, refuse refuser) (Verdict, error) {
	n := c.unitWord
	if own, adj := s.ownStep(); n != own {
		return refuse("the series is %s; write \"every %s\" or \"%s in a row\"", adj, own, own)
	}
	next, _ := s.stepOf(n)
	// run counts the changes in c's direction that end at at; stop says
	// why it ends: a change the other way (or none), a missing
	// observation, or the start of the series.
	run, stop := s.run(at, c.dir, n, next), "start"
	switch i := at - run; {
	case i > 0 && s.Obs[i-1].Date.Equal(s.Obs[i].Date):
		return refuse("%s", s.twice(i-1))
	case i > 0 && !next(s.Obs[i-1].Date).Equal(s.Obs[i].Date):
		stop = "gap"
	case i > 0:
		stop = "turn"
	}
	rise, rose, head, higher, lower := "rise", "rose", "has risen", "higher", "lower"
	if c.dir < 0 {
		rise, rose, head, higher, lower = "fall", "fell", "has fallen", "lower", "higher"
	}
	first := at - run // the observation the run starts from
	v := Verdict{Value: fmt.Sprintf("%s %s %d %ss in a row, from %s", s.obsText(at), rose, run, n, s.obsText(first))}
	switch {
	case run == 1:
		v.Value = fmt.Sprintf("%s %s on %s", s.obsText(at), rose, s.obsText(first))
	case run == 0 && stop == "turn":
		v.Value = fmt.Sprintf("%s did not %s on %s", s.obsText(at), rise, s.obsText(at-1))
	case run == 0:
		v.Value = fmt.Sprintf("%s has no %s before it", s.obsText(at), n)
	}
	// The suggestion is a phrase the run makes true in every reading: a
	// run known to end where it does is "for N years in a row", one that
	// may be longer, or claimed as "every year since", "every year since"
	// its first change.
	earlier := " a " + n + " earlier"
	if n == "quarter" && at > 0 { // no phrase reads "a quarter earlier"
		earlier = pick(s.Grain == ByDay, " on ", " in ") + s.dateText(s.Obs[at-1].Date)
	}
	switch {
	case run == 0 && at > 0 && s.Obs[at].Value == s.Obs[at-1].Value:
		v.Suggest = "the same as" + earlier
	case run == 0:
		v.Suggest = lower + " than" + earlier
	case run == 1:
		v.Suggest = higher + " than" + earlier
	case stop == "turn" && c.n != 0:
		v.Suggest = fmt.Sprintf("%s for %d %ss in a row", head, run, n)
	default:
		v.Suggest = fmt.Sprintf("%s every %s since %s", head, n, s.dateText(s.Obs[first+1].Date))
	}
	// The step just before the run's first observation, whose value would
	// say whether the run began there: 2014, not 2011, of 2010 then 2015.
	gapAt := func() string {
		q := next(s.Obs[first-1].Date)
		for r := next(q); r.Before(s.Obs[first].Date); r = next(r) {
			q = r
		}
		return s.dateText(q)
	}
	if c.n == 0 {
		// "every year since P": the changes after P at least (from P's
		// value), and P's own change too in the second reading.
		j, why := s.earlier(c.since, at)
		if why != "" {
			return refuse("%s", why)
		}
		p := s.dateText(s.Obs[j].Date)
		v.Meaning = fmt.Sprintf("a %s in every %s after %s, and %s itself", rise, n, p, s.inText(s.Obs[j].Date))
		switch {
		case run > at-j:
			v.True = true
		case run < at-j && stop == "gap":
			return refuse("the series has no value for %s", gapAt())
		case run < at-j:
		case stop == "gap":
			return refuse("readers take it both as a %s in every %s after %s and as one %s too, and the series has no value for %s", rise, n, p, s.inText(s.Obs[j].Date), gapAt())
		case stop == "start":
			return refuse("readers take it both as a %s in every %s after %s and as one %s too, and the series begins %[4]s", rise, n, p, s.inText(s.Obs[j].Date))
		default:
			return refuse("readers take it both as a %s in every %s after %s, which holds, and as one %s too, which does not (%s against %s); write %q", rise, n, p, s.inText(s.Obs[j].Date), s.obsText(j), s.obsText(j-1), v.Suggest)
		}
		return v, nil
	}
	v.Meaning = fmt.Sprintf("%s%d %ss in a row", pick(c.nth, "exactly ", ""), c.n, n)
	switch {
	case run < c.n && stop == "gap":
		return refuse("the series has no value for %s", gapAt())
	case run < c.n && stop == "start":
		return refuse("the series begins %s, so it does not show %d %ss of change before %s", s.inText(s.Obs[0].Date), c.n, n, s.dateText(s.Obs[at].Date))
	case run < c.n:
	case run > c.n && c.nth:
	case run > c.n:
		return refuse("readers take it both as at least %d %ss in a row and as exactly %d, and it was %d; write %q", c.n, n, c.n, run, v.Suggest)
	case stop == "gap":
		return refuse("the series has no value for %s, so it does not say whether the run was longer", gapAt())
	case stop == "start":
		return refuse("the series begins %s, so it does not say whether the run was longer", s.inText(s.Obs[0].Date))
	default:
		v.True = true
	}
	return v, nil
}
