// Package locale writes numbers and dates for readers in a site's
// language: the decimal mark, the grouping of thousands, the digits and
// the percent sign from CLDR through golang.org/x/text, the month and
// weekday names and the order of day, month and year from CLDR's JSON
// release, taken into dates_cldr.tsv by tools/cldrdates, and the words of
// large numbers ("84 Millionen", "84 Mio.") from the same release, taken
// into compact_cldr.tsv by tools/cldrcompact.
//
// It formats digits others have rounded: callers decide how many
// decimals a number has and pass it written by strconv ("-12000.5"). A
// nil *Locale, like one of an English language, writes what plotline has
// always written: "12,000.5", "12.5%", "4 November 2025", "4 Nov 2025".
package locale

import (
	"cmp"
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Locale is how one language writes numbers and dates. Make it with New;
// the nil Locale is English.
type Locale struct {
	// english is set when numbers and dates are written as plotline
	// writes them in English, by the fast path.
	english bool
	num     Numbers
	// names are the month names, January first, by the kind of part
	// that writes them: month and monthShort as a date writes them,
	// monthAlone and monthAloneShort in full and short as a month without
	// a day is written (Russian's "ноябрь" and "нояб." for a date's
	// "ноября").
	names [monthAloneShort + 1][12]string
	// weekdays and weekdaysShort are the names of the days, Sunday first.
	weekdays, weekdaysShort [7]string
	// long is the order of a long date, "4. November 2025": its parts,
	// day, month and year, with the text between them.
	long []part
	// forms are the orders of the other forms, by DateForm, from CLDR's
	// patterns; nil where a pattern has a field plotline does not write,
	// and the form is then the long date with parts left out. Month's is
	// nil where CLDR writes a month alone as its short name.
	forms [LongMonthYear + 1][]part
	// base is the base language, "de" for "de-CH".
	base string
	// quotes are the language's quotation marks; zero for English's.
	quotes Quotes
	// tag is the language, whose plural rules choose the word of a large
	// number; large are those words, in full and short.
	tag   language.Tag
	large largeStyles
}

// Numbers are the symbols a language writes numbers with, as CLDR gives
// them for its default numbering system (or the one its tag asks for,
// such as ar-u-nu-latn).
type Numbers struct {
	Decimal string // the decimal mark: "." or ","
	Group   string // between groups of digits: ",", ".", a no-break space; "" for none
	// Primary is the size of the group next to the decimal mark, 3;
	// Secondary that of the groups further left, 3, or 2 in India's
	// 12,34,567.
	Primary, Secondary int
	// MinGrouping is how many digits the whole part has left of its
	// first group before any group is written: 1 in most languages; 2 in
	// Spanish, Italian, Polish and the others that write 1234 and 12 345.
	MinGrouping   int
	Zero          rune   // the digit zero: '0', or '٠' for Arabic-Indic digits
	MinusPrefix   string // written before a negative number: "-"
	MinusSuffix   string // written after it, in the rare languages that do
	PercentPrefix string // written before a percentage: "" in most languages
	PercentSuffix string // and after it: "%", or "\u00a0%" in German and French
}

// english is how plotline writes numbers in English.
func english() Numbers {
	return Numbers{Decimal: ".", Group: ",", Primary: 3, Secondary: 3, MinGrouping: 1, Zero: '0', MinusPrefix: "-", PercentSuffix: "%"}
}

// New returns the Locale of the language tag, a BCP 47 tag such as "de",
// "fr-CH" or "ar-u-nu-latn". A tag that cannot be read, or a language CLDR
// does not know, writes English.
func New(tag string) *Locale {
	t, err := language.Parse(tag)
	if err != nil {
		return nil
	}
	base, _ := t.Base()
	l := &Locale{num: readNumbers(t), base: base.String(), quotes: quotesOf(t), tag: t, large: largeStylesOf(t)}
	if l.base == "en" {
		// English dates keep plotline's day-month-year order in every
		// region, so that an English page reads as it always has.
		l.english = l.num == english()
		return l
	}
	if cal, ok := calendarOf(t); ok {
		l.names[month], l.names[monthShort] = cal.months, cal.monthsShort
		l.names[monthAlone], l.names[monthAloneShort] = cmp.Or(cal.monthsAlone, cal.months), cal.monthsShort
		l.weekdays, l.weekdaysShort = cal.weekdays, cal.weekdaysShort
		l.long = readPattern(cal.long)
		l.forms[Medium], l.forms[DayMonth] = readPattern(cal.medium), readPattern(cal.dayMonth)
		l.forms[LongDayMonth] = readPattern(cal.longDayMonth)
		l.forms[MonthYear], l.forms[LongMonthYear] = readPattern(cal.monthYearShort), readPattern(cal.monthYear)
		// A month alone, as a chart's ticks write it between the months
		// written with their years, takes the names the shortened month
		// of a year takes, so that the ticks of one axis agree: German's
		// "Jan. 2025", "Feb.", Russian's "янв. 2025 г.", "февр.", "май".
		if cal.monthsAloneShort != ([12]string{}) && slices.ContainsFunc(l.forms[MonthYear], func(p part) bool { return p.kind == monthAloneShort }) {
			l.names[monthAloneShort] = cal.monthsAloneShort
		}
		// Where CLDR writes a month alone as more than its name, its
		// pattern: Lithuanian's and Bulgarian's number, "05", beside
		// their month of a year, "2025-05".
		l.forms[Month] = readPattern(cal.monthAlone)
		// Where a month of a year names its month in full (Czech's
		// "leden 2025"), so does a month alone between such ticks:
		// "únor", not "úno".
		if l.forms[Month] == nil && slices.ContainsFunc(l.forms[MonthYear], func(p part) bool { return p.kind == monthAlone || p.kind == month }) {
			l.forms[Month] = []part{{kind: monthAlone}}
		}
	}
	return l
}

// Numbers returns the symbols l writes numbers with.
func (l *Locale) Numbers() Numbers {
	if l == nil {
		return english()
	}
	return l.num
}

// systems are CLDR's names of the numbering systems of decimal digits
// that a language's numbers default to, by their digit zero.
var systems = map[rune]string{
	'0': "latn", '٠': "arab", '۰': "arabext", '০': "beng", '०': "deva",
	'၀': "mymr", '༠': "tibt", '᱐': "olck", '𞥐': "adlm",
}

// System returns CLDR's name of the digits n writes numbers with: "latn"
// for 0 to 9, "arab" for Arabic's ٠ to ٩, "arabext" for Persian's ۰ to
// ۹, and "" for digits it has no name for.
func (n Numbers) System() string { return systems[n.Zero] }

// Language returns l's base language, "de" for "de-CH", and "en" for the
// nil Locale.
func (l *Locale) Language() string {
	if l == nil {
		return "en"
	}
	return l.base
}

// IsEnglish reports whether l writes numbers and dates as plotline writes
// them in English.
func (l *Locale) IsEnglish() bool { return l == nil || l.english }

// IsEnglishLanguage reports whether l is English in its words as well as
// its numbers: en, en-GB and en-US are; en-IN, whose groups are not
// English's, is not, nor is a language such as ja that writes its numbers
// as English does.
func (l *Locale) IsEnglishLanguage() bool { return l == nil || (l.english && l.base == "en") }

// readNumbers reads the symbols of t from the numbers x/text writes in
// that language: 1234567.5 shows the decimal mark, the group separator
// and the sizes of the groups; -5 the minus sign; 50% the percent sign.
func readNumbers(t language.Tag) Numbers {
	p := message.NewPrinter(withNumbering(t))
	n := english()
	runs, texts := digitRuns(p.Sprint(number.Decimal(1234567.5, number.Scale(1))))
	if len(runs) < 2 {
		return n
	}
	first, _ := utf8.DecodeRuneInString(runs[0])
	n.Zero = first - 1 // the number starts with the digit one
	n.Decimal = texts[len(texts)-2]
	n.Group, n.Primary, n.Secondary = "", 0, 0
	if whole := runs[:len(runs)-1]; len(whole) > 1 {
		n.Group = texts[1]
		n.Primary = utf8.RuneCountInString(whole[len(whole)-1])
		n.Secondary = n.Primary
		if len(whole) > 2 {
			n.Secondary = utf8.RuneCountInString(whole[len(whole)-2])
		}
	}
	n.MinGrouping = minGrouping(t)
	around := func(s string) (string, string) { _, t := digitRuns(s); return t[0], t[len(t)-1] }
	n.MinusPrefix, n.MinusSuffix = around(p.Sprint(number.Decimal(-5)))
	n.PercentPrefix, n.PercentSuffix = around(p.Sprint(number.Percent(0.5)))
	return n
}

// numberingOf is CLDR's default numbering system of the Arabic and
// Persian locales, as CLDR 46 and later have it, by language and region.
// x/text's own is older and does not pass a language's digits on to its
// regions: it writes ar-EG and fa-IR with the digits 0 to 9, where CLDR,
// old and new, has Arabic-Indic digits for Egypt and Persian ones for
// Iran. Since CLDR 46 Arabic without a region (ar, ar-001) writes 0 to 9,
// as do the United Arab Emirates and the Maghreb, and the other Arab
// countries Arabic-Indic digits.
var numberingOf = map[string]string{
	"ar": "latn", "ar-AE": "latn", "ar-DZ": "latn", "ar-EH": "latn", "ar-LY": "latn", "ar-MA": "latn", "ar-TN": "latn",
	"ar-BH": "arab", "ar-DJ": "arab", "ar-EG": "arab", "ar-ER": "arab", "ar-IL": "arab", "ar-IQ": "arab", "ar-JO": "arab",
	"ar-KM": "arab", "ar-KW": "arab", "ar-LB": "arab", "ar-MR": "arab", "ar-OM": "arab", "ar-PS": "arab", "ar-QA": "arab",
	"ar-SA": "arab", "ar-SD": "arab", "ar-SO": "arab", "ar-SS": "arab", "ar-SY": "arab", "ar-TD": "arab", "ar-YE": "arab",
	"fa": "arabext",
}

// withNumbering returns t asking for CLDR's default numbering system of
// its language and region where numberingOf has it and t asks for none
// itself (ar-u-nu-arab keeps its digits).
func withNumbering(t language.Tag) language.Tag {
	if t.TypeForKey("nu") != "" {
		return t
	}
	base, _ := t.Base()
	nu, ok := numberingOf[base.String()]
	if region, c := t.Region(); c == language.Exact {
		if n, found := numberingOf[base.String()+"-"+region.String()]; found {
			nu, ok = n, true // the region's own, before its language's
		}
	}
	if u, err := t.SetTypeForKey("nu", nu); ok && err == nil {
		return u
	}
	return t
}

// minGroupingOf is CLDR's minimumGroupingDigits of the locales where it
// is not 1, which x/text does not read: Spanish of Spain writes 1234 and
// 12.345, and so does every locale CLDR derives from it, while es-419,
// whose Latin American and US locales derive from it, writes 1,234 again;
// Portuguese of Brazil (pt) groups 1.234, and pt-PT, parent of the other
// regions' Portuguese, does not.
var minGroupingOf = map[string]int{
	"bg": 2, "es": 2, "es-419": 1, "et": 2, "hu": 2, "it": 2, "lv": 2,
	"pl": 2, "pt-PT": 2, "sl": 2,
}

// minGrouping returns the minimum grouping digits of t: those of t or of
// the closest of its CLDR parents in minGroupingOf (es-AR's parent is
// es-419, pt-AO's pt-PT), else 1.
func minGrouping(t language.Tag) int {
	for ; !t.IsRoot(); t = t.Parent() {
		if n, ok := minGroupingOf[t.String()]; ok {
			return n
		}
	}
	return 1
}

// digitRuns splits s into its runs of digits and the texts around them,
// one more than the runs: the text before the first run (or ""), those
// between runs, and the text after the last.
func digitRuns(s string) (runs, texts []string) {
	start, inDigits := 0, false
	for i, r := range s {
		if unicode.IsDigit(r) != inDigits {
			if inDigits {
				runs = append(runs, s[start:i])
			} else {
				texts = append(texts, s[start:i])
			}
			start, inDigits = i, !inDigits
		}
	}
	if inDigits {
		runs, start = append(runs, s[start:]), len(s)
	}
	return runs, append(texts, s[start:])
}

// calendar is how CLDR writes dates in one locale (a line of
// dates_cldr.tsv, made by tools/cldrdates from CLDR's JSON release): the
// month and weekday names of a date, the month names of a month without
// its day where they differ (zero where they do not), and CLDR's patterns
// of a date in full ("d. MMMM y") and of the shorter forms, by their
// skeletons: medium yMMMd, dayMonth MMMd, longDayMonth MMMMd, monthYear
// yMMMM and monthYearShort yMMM; monthAlone MMM, empty where it is the
// month's short name (LLL) and not a number ("MM" in Lithuanian) or a name
// with a word.
type calendar struct {
	months, monthsShort, monthsAlone, monthsAloneShort [12]string // January first
	weekdays, weekdaysShort                            [7]string  // Sunday first
	long, medium, dayMonth, longDayMonth               string
	monthYear, monthYearShort                          string
	monthAlone                                         string
}

// datesTable is CLDR's calendars, a line a locale: its name, then the
// fields of a calendar in their order, separated by tabs, the names of a
// field by "|".
//
//go:embed dates_cldr.tsv
var datesTable string

// calendarLines indexes datesTable once a process, on first use; a line
// is read when its tag is asked for.
var calendarLines = sync.OnceValue(func() map[string]string { return tableLines(datesTable) })

// calendarOf returns CLDR's calendar of t: that of t or of the closest
// of its CLDR parents that has its own ("de" for de-AT-1996, "es" for
// es-MX), else that of its language (Arabic's for ar-Latn, a script CLDR
// has no dates in), and false when it has none.
func calendarOf(t language.Tag) (calendar, bool) {
	line, ok := ownOrParents(t, calendarLines())
	if !ok {
		base, _, _ := t.Raw()
		if line, ok = calendarLines()[base.String()]; !ok {
			return calendar{}, false
		}
	}
	return readCalendar(line), true
}

// readCalendar reads a line of datesTable, without its locale's name.
func readCalendar(line string) calendar {
	f := strings.Split(line, "\t")
	var cal calendar
	for i, names := range [][]string{cal.months[:], cal.monthsShort[:], cal.monthsAlone[:], cal.monthsAloneShort[:], cal.weekdays[:], cal.weekdaysShort[:]} {
		if f[i] != "" {
			copy(names, strings.Split(f[i], "|"))
		}
	}
	cal.long, cal.medium, cal.dayMonth, cal.longDayMonth = f[6], f[7], f[8], f[9]
	cal.monthYear, cal.monthYearShort, cal.monthAlone = f[10], f[11], f[12]
	return cal
}

// tableLines indexes a table made by tools/cldr*: each line's text after
// its locale's name and a tab, by that name; lines of comment, which start
// with "#", are left out.
func tableLines(table string) map[string]string {
	lines := map[string]string{}
	for line := range strings.Lines(table) {
		if tag, rest, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t"); ok && !strings.HasPrefix(tag, "#") {
			lines[tag] = rest
		}
	}
	return lines
}

// ownOrParents returns the line of t in a table made from CLDR, indexed
// by tableLines: that of t without its extensions (such as -u-nu-latn) or
// of the closest of its parents that has one, and false when none has.
func ownOrParents(t language.Tag, lines map[string]string) (string, bool) {
	base, script, region := t.Raw()
	if t2, err := language.Compose(base, script, region, t.Variants()); err == nil {
		t = t2 // a variant CLDR has a line of stays: el-polyton
	}
	for ; !t.IsRoot(); t = t.Parent() {
		if line, ok := lines[t.String()]; ok {
			return line, true
		}
	}
	return "", false
}

// AppendNumber appends s, a number as strconv writes it with 'f' ("12000",
// "-0.25"), as l writes it: "12.000", "-0,25". A text that is not such a
// number (NaN, +Inf) is appended as it is.
func (l *Locale) AppendNumber(b []byte, s string) []byte {
	return l.appendNumber(b, s, l.Numbers().MinGrouping)
}

// appendNumber appends s as AppendNumber does, grouping the digits of its
// whole part only when there are minGrouping of them left of the first
// group.
func (l *Locale) appendNumber(b []byte, s string, minGrouping int) []byte {
	n := l.Numbers()
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || strings.Trim(whole, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" {
		if neg {
			b = append(b, '-')
		}
		return append(b, s...)
	}
	if neg {
		b = append(b, n.MinusPrefix...)
	}
	grouped := n.Group != "" && len(whole) >= n.Primary+minGrouping
	for i := range len(whole) {
		if i > 0 && grouped && groupBefore(len(whole)-i, n.Primary, n.Secondary) {
			b = append(b, n.Group...)
		}
		b = appendDigit(b, whole[i], n.Zero)
	}
	if frac != "" {
		b = append(b, n.Decimal...)
		for i := range len(frac) {
			b = appendDigit(b, frac[i], n.Zero)
		}
	}
	if neg {
		b = append(b, n.MinusSuffix...)
	}
	return b
}

// Number returns s, a number as strconv writes it, as l writes it.
func (l *Locale) Number(s string) string { return string(l.AppendNumber(nil, s)) }

// Percent returns num, a number l has written, as a percentage: "12.5%",
// "12,5 %" in German.
func (l *Locale) Percent(num string) string {
	n := l.Numbers()
	return n.PercentPrefix + num + n.PercentSuffix
}

// groupBefore reports whether a group separator goes before the digit
// that has left digits to its right end, itself included.
func groupBefore(left, primary, secondary int) bool {
	if primary <= 0 || left <= primary {
		return left == primary && primary > 0
	}
	return secondary > 0 && (left-primary)%secondary == 0
}

// appendDigit appends the ASCII digit c in the digits that start at zero.
func appendDigit(b []byte, c byte, zero rune) []byte {
	if zero == '0' {
		return append(b, c)
	}
	return utf8.AppendRune(b, zero+rune(c-'0'))
}

// Digits returns s with its ASCII digits written in l's digits.
func (l *Locale) Digits(s string) string {
	zero := l.Numbers().Zero
	if zero == '0' {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return zero + r - '0'
		}
		return r
	}, s)
}

// Ungrouped returns s, a number as strconv writes it, as l writes it
// without separating its groups: "11960", "١١٩٦٠" in Arabic.
func (l *Locale) Ungrouped(s string) string {
	return string(l.appendNumber(nil, s, len(s)+1)) // a group past every digit of s: none
}
