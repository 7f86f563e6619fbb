package data

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/plotline/plotline/internal/claim"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/locale"
)

// ValueKind says which field of a Value is set.
type ValueKind int

const (
	// Number is a Value held in Num.
	Number ValueKind = iota
	// Date is a Value held in Date, a day at midnight UTC.
	Date
	// Text is a Value held in Text.
	Text
)

// String names k: "number", "date" or "text".
func (k ValueKind) String() string {
	return cmp.Or(map[ValueKind]string{Date: "date", Text: "text"}[k], "number")
}

// Value is what a field reference such as {{ losses.crossing }} stands for.
type Value struct {
	Kind ValueKind
	Num  float64
	Date time.Time
	Text string
	// Exact is set for a number written by the writer (an observation,
	// a limit, a rate) or a count: it is shown by default with every
	// decimal it was written with. A computed number (a fitted rate, r²,
	// a projected value) is shown with at least three significant figures.
	Exact bool
	// Percent is set for a number in percent units, such as the rate of
	// an exponential projection: 5 means 5%.
	Percent bool
	// Points is set for a number in percentage points: the rate of a
	// linear projection of a block in percent (a change of a percentage),
	// and the numbers of a block whose unit is percentage points. The
	// percent format and claims in per cent refuse it.
	Points bool
	// Scale is the power of ten the block's unit counts the number in: 12
	// for 37.64 in "trillion dollars" (see UnitScale), 0 for ones.
	Scale int
	// Places, for an Exact number, is how many decimals it was written
	// with when more than its shortest form has (see Point.Places); for
	// a computed one, the fewest it is shown with (an r² below 1 that
	// three significant figures would write as 1).
	Places int
	// Timed is set for the date of an observation of a series that gives
	// times of day, and for the crossing of its projection, which is
	// found by the hour: a date layout may then show the time ("15:04").
	Timed bool
	// Grain is how the date of an observation was written: a date
	// written as a month or a year is shown as one ("June 2024", "1959").
	Grain DateGrain
}

// dateLayout is how dates are written in English and in messages to the
// writer: "15 April 2025".
const dateLayout = "2 January 2006"

// String renders v the default way: dates as "15 April 2025"; numbers
// with thousands separators and never with less precision than they have:
// a number written by the writer with every decimal it was written with
// ("12,000", "0.35"), a computed one as ComputedDecimals says (r² 0.998
// is "0.998", a fitted rate of -0.6388 is "-0.639", a projected 4,705.5
// is "4,706"), as the chart writes it. It writes English; In writes a language.
func (v Value) String() string { return v.In(nil) }

// In renders v the default way in the language of l, as String does in
// English: "12.000" and "4. November 2025" in German.
func (v Value) In(l *locale.Locale) string {
	switch v.Kind {
	case Date:
		return v.dateIn(l)
	case Text:
		return v.Text
	}
	// Trailing zeros are kept where the writer wrote them (2.50); a
	// computed number drops them, as the chart does.
	return formatNumber(l, v.Num, v.decimals(), v.Places == 0 || !v.Exact)
}

// dateIn writes v, a date, in full in the language of l, "15 April 2025",
// or as the month or year it was written as: "April 2025", "2025".
func (v Value) dateIn(l *locale.Locale) string {
	f, ok := v.Grain.Form(v.Date, true)
	return l.Date(v.Date, pick(ok, f, locale.Long))
}

// decimals returns how many decimals v is shown with by default, before
// trailing zeros are dropped.
func (v Value) decimals() int {
	f := v.Num
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	if f == 0 {
		// 0.00 as written; a computed 0 is "0".
		return pick(v.Exact, v.Places, 0)
	}
	if v.Exact {
		return Point{Value: f, Places: v.Places}.Decimals() // as written
	}
	return max(ComputedDecimals(f), v.Places)
}

// ComputedDecimals returns the decimals a computed number f (a projected
// value, a fitted rate, r²) is written with wherever it is shown, in the
// prose and on the chart alike: none from 100 up, three significant
// figures below (92.26 is "92.3", 0.4561 "0.456"), and at most
// MaxDecimals.
func ComputedDecimals(f float64) int {
	a := math.Abs(f)
	if a >= 100 || a == 0 || math.IsNaN(a) || math.IsInf(a, 0) {
		return 0
	}
	return min(2-Magnitude(a), MaxDecimals)
}

// ProjectedDecimals returns the decimals a projected number f is written
// with: those of a computed number (ComputedDecimals), but at least
// places, the decimals its projection's start was written with
// (Point.Decimals), so that a level written in tenths (1,028.3) is
// projected in tenths, or more where the projection asks for them
// (Projection.Places: a value of 11,999.7 is not shown as a limit of
// 12,000 a day before it is reached).
func ProjectedDecimals(f float64, places int) int {
	return min(max(ComputedDecimals(f), places), MaxDecimals)
}

// nearLimitDecimals bounds the decimals Projection.Places adds to show a
// value short of the limit as short of it: a value closer to the limit
// than half a unit of the last of them is shown as the limit.
const nearLimitDecimals = 4

// Decimals returns how many decimals p's value was written with: 1 for
// 1028.3, 2 for 2.50, 0 for 12000. The shortest decimal form that reads
// back as the value is what was written, but for its trailing zeros,
// which Places keeps.
func (p Point) Decimals() int {
	_, frac, _ := strings.Cut(strconv.FormatFloat(p.Value, 'f', -1, 64), ".")
	return max(len(frac), p.Places)
}

// MaxDecimals bounds the decimals a computed number is written with, in
// the prose and on a chart alike: a number smaller than 10⁻²⁰ is 0.
const MaxDecimals = 20

// Format renders v with the named format and its argument, as written after
// the bar in {{ losses.crossing | approx }} or {{ losses.rate | round 1 }}.
// The argument is used as it is: the caller removes any quotes around it,
// once. An empty name renders v with String. The formats:
//
//	date LAYOUT  a date with a Go time layout; default "2 January 2006"
//	approx       a date as "early April 2025" (days 1–10), "mid-April 2025" (11–20)
//	             or "late April 2025"; a number rounded to 2 significant
//	             figures: "about 12,000", and in English "about 15 million"
//	comma        a number rounded to a whole number, with thousands separators: "11,960"
//	round N      a number with exactly N decimals (0 to 10), with thousands separators
//	figures N    a number rounded to N significant figures (1 to 6), from a million
//	             up in words as approx writes them: 84,123,456 is "84.1 million";
//	             no whole digit it writes is rounded to zero: 12,345 is "12,345"
//	percent [N]  a number times 100 with a percent sign: 0.125 is "12.5%";
//	             a number already in percent (an exponential rate) is not
//	             multiplied: 5 is "5%"; N fixes the decimals
//	abs [N]      a number without its sign, as the default writes it or with N
//	             decimals: a falling rate of -0.9 is "0.9", for "falling 0.9 a day"
//	int          a number rounded to a whole number, without separators: "11960"
//
// Format writes English; FormatIn writes a language.
func Format(v Value, name string, arg string) (string, error) { return FormatIn(nil, v, name, arg) }

// FormatIn renders v as Format does, in the language of l: its numbers
// with the language's decimal mark, groups and digits ("12.000", "3,5" in
// German), its dates with its month names and its order of day, month
// and year ("4. November 2025"), the layout of the date format in the
// writer's order with the language's names; approx in the language's
// words where it has them (locale.ApproxDate, locale.About).
func FormatIn(l *locale.Locale, v Value, name string, arg string) (string, error) {
	text, _, err := formatShown(l, v, name, arg, 0)
	return text, err
}

// formatShown is FormatIn on a site whose claims take "about" to allow
// about, a share of the number (0 for claim.DefaultAbout): approx rounds
// a number so that the claim of what it prints holds. It also returns
// the number the text shows after the format rounded it, in the value's own units, for the formats
// that show a number as it was rounded ("", comma, round, figures, int,
// percent with its decimals; abs with its decimals, of the number
// without its sign); NaN for the others.
func formatShown(l *locale.Locale, v Value, name string, arg string, about float64) (string, float64, error) {
	nan := math.NaN()
	arg = strings.TrimSpace(arg)
	if kinds := formatKinds[name]; len(kinds) > 0 && !slices.Contains(kinds, v.Kind) {
		want := kinds[0].String() + pick(len(kinds) > 1, " or a "+kinds[len(kinds)-1].String(), "")
		return "", nan, fmt.Errorf("format %q needs a %s, got %s", name, want, describeKind(v.Kind))
	}
	if arg != "" && (name == "approx" || name == "comma" || name == "int") {
		return "", nan, fmt.Errorf("format %q takes no argument, got %q", name, arg)
	}
	// count reads the argument, a number of what from lo to hi: the
	// decimals of round 1, the figures of figures 3.
	count := func(what string, lo, hi int) (int, error) {
		n, err := strconv.Atoi(arg)
		if err != nil || n < lo || n > hi {
			return 0, fmt.Errorf("format %q wants a number of %s from %d to %d, got %q", name, what, lo, hi, arg)
		}
		return n, nil
	}
	switch name {
	case "":
		shown := nan
		if v.Kind == Number {
			shown = v.Num
			if !v.Exact {
				shown = Round(v.Num, v.decimals())
			}
		}
		return v.In(l), shown, nil
	case "date":
		if arg == "" {
			return v.dateIn(l), nan, nil
		}
		if err := checkDateLayout(arg, v.Timed, v.Grain.Shows(v.Date)); err != nil {
			return "", nan, err
		}
		return l.FormatLayout(v.Date, arg), nan, nil
	case "approx":
		if v.Kind == Date {
			if v.Grain.Shows(v.Date) != ByDay {
				// A month or a year is as near as the data goes.
				return v.dateIn(l), nan, nil
			}
			s, ok := l.ApproxDate(v.Date)
			return pick(ok, s, claim.ApproxDate(v.Date)), nan, nil
		}
		return l.About(approxNumber(l, v.Num, v.Scale == 0, about)), nan, nil
	case "comma":
		return formatNumber(l, Round(v.Num, 0), 0, false), Round(v.Num, 0), nil
	case "abs", "round":
		if name == "abs" {
			// The size, as the default writes it or rounded as round N.
			v.Num = math.Abs(v.Num)
			if arg == "" {
				return v.In(l), nan, nil
			}
		}
		n, err := count("decimals", 0, 10)
		if err != nil {
			return "", nan, err
		}
		return formatNumber(l, Round(v.Num, n), n, false), Round(v.Num, n), nil
	case "figures":
		n, err := count("significant figures", 1, 6)
		if err != nil {
			return "", nan, err
		}
		if v.Num == 0 || math.IsNaN(v.Num) || math.IsInf(v.Num, 0) {
			return formatNumber(l, v.Num, 0, false), v.Num, nil
		}
		if _, words := l.LargeScale(Magnitude(v.Num), true); words && v.Scale == 0 {
			n = max(n, 2) // as a claim reads "1 million": 0.95 to 1.05 million
		}
		text, shown := rounded(l, v.Num, n-1-Magnitude(v.Num), v.Scale == 0, true)
		return text, shown, nil
	case "percent":
		if v.Points {
			return "", nan, errors.New(`format "percent": the value is in percentage points, a difference of two percentages, which percent would write as per cent: write it without the format, followed by "percentage points"`)
		}
		pct := v
		if !v.Percent {
			pct.Num = hundredfold(v.Num)
			pct.Exact = false
		}
		if arg == "" {
			return l.Percent(formatNumber(l, pct.Num, max(2, pct.decimals()), true)), nan, nil
		}
		n, err := count("decimals", 0, 10)
		if err != nil {
			return "", nan, err
		}
		shown := Round(pct.Num, n)
		if !v.Percent {
			shown /= 100 // in the value's own units, as a bound compares it
		}
		return l.Percent(formatNumber(l, Round(pct.Num, n), n, false)), shown, nil
	case "int":
		r := Round(v.Num, 0)
		if r == 0 {
			r = 0 // and not -0, which strconv writes with its sign
		}
		prec := pick(math.Abs(v.Num) < 1<<53, 0, -1) // as AppendNumber writes one past 2^53
		return l.Ungrouped(strconv.FormatFloat(r, 'f', prec, 64)), r, nil
	}
	hint := diag.DidYouMean(name, []string{"date", "approx", "comma", "round", "figures", "percent", "abs", "int"})
	if other, ok := otherFormats[name]; ok && hint == "" {
		hint = ": " + other // Hugo's and Jekyll's names
	}
	return "", nan, fmt.Errorf("unknown format %q (want date, approx, comma, round, figures, percent, abs or int)%s", name, hint)
}

// otherFormats are the names other generators give plotline's formats,
// with what to write instead.
var otherFormats = map[string]string{
	"dateFormat":            `write date, which takes a Go layout: date "2 January 2006"`,
	"date_to_string":        `write date, which takes a Go layout: date "2 January 2006"`,
	"number_with_delimiter": "write comma",
}

// formatKinds are the kinds of value each format takes.
var formatKinds = map[string][]ValueKind{
	"date": {Date}, "approx": {Number, Date}, "comma": {Number}, "round": {Number},
	"figures": {Number}, "percent": {Number}, "abs": {Number}, "int": {Number},
}

// hundredfold returns f × 100 as its decimal form reads: the decimal
// point of the shortest form of f moved two places, so that 0.145 is
// 14.5, a half that rounds to 15 as a claim about it reads it, where the
// binary product is 14.499999999999998 (and 0.1 × 100 is
// 10.000000000000002).
func hundredfold(f float64) float64 {
	if f == 0 || math.IsNaN(f) || math.IsInf(f, 0) {
		return f * 100
	}
	mant, exp, _ := strings.Cut(strconv.FormatFloat(f, 'e', -1, 64), "e")
	e, _ := strconv.Atoi(exp)                                  // strconv writes the exponent: "-05"
	r, _ := strconv.ParseFloat(mant+"e"+strconv.Itoa(e+2), 64) // ±Inf past the largest float, as f × 100 is
	return r
}

// otherLayouts turns the letters of a date layout of other tools
// (strftime's %d %B %Y, spreadsheets' and Moment's DD/MM/YYYY) into a Go
// layout's; longer runs come first, as the replacer tries them in order.
var otherLayouts = strings.NewReplacer(
	"%Y", "2006", "%y", "06", "%B", "January", "%b", "Jan", "%-m", "1", "%m", "01", "%-d", "2", "%d", "02", "%e", "2", "%A", "Monday", "%a", "Mon",
	"YYYY", "2006", "yyyy", "2006", "YY", "06", "yy", "06", "MMMM", "January", "MMM", "Jan", "MM", "01",
	"dddd", "Monday", "ddd", "Mon", "DD", "02", "dd", "02")

// goLayout returns layout with the letters of other tools' date layouts
// written as a Go layout writes them: "DD/MM/YYYY" is "02/01/2006", "%d
// %B %Y" "02 January 2006", and "dd/mm/yyyy" "02/01/2006", its mm a
// month where no time (":") is written.
func goLayout(layout string) string {
	g := otherLayouts.Replace(layout)
	if !strings.Contains(layout, ":") {
		g = strings.ReplaceAll(g, "mm", "01")
	}
	return g
}

// checkDateLayout reports a layout of the date format that would not
// show a date: one with no part of Go's reference date (2 January 2006),
// such as "YYYY-MM-DD" or "%d %B %Y", which Format would print as it is
// on every date, and one with a time of day ("15:04", "MST"), which a
// date of the data, a calendar day, does not have; the date of an
// observation of a series with times (timed) has a time of day, but no
// zone, as its time is kept as written. Both are found by what the
// layout writes: dates a day, a month and a year apart must not all come
// out the same, and a time and a zone must change nothing. It also
// reports a layout that writes more than a date written as a month or a
// year (grain) says: its day, or its month, which would be the first of
// it ("1 June 2024" for 2024-06).
func checkDateLayout(layout string, timed bool, grain DateGrain) error {
	base := time.Date(2001, 2, 3, 0, 0, 0, 0, time.UTC)
	text := base.Format(layout)
	if suffix := ordinalSuffix(layout); suffix != "" {
		// "January 2nd": the day, then "nd" on every day (15nd).
		return fmt.Errorf("format \"date\": layout %q writes %q after a number on every date (%s), as a Go layout has no ordinals: write the day alone, such as \"January 2\"", layout, suffix, time.Date(2025, 4, 15, 0, 0, 0, 0, time.UTC).Format(layout))
	}
	if word, ref := literalDateWord(layout); word != "" {
		// "April 2": the writer's own date, of which a Go layout reads
		// the 2 and prints "April" on every date.
		hint := "a layout such as \"2 January 2006\""
		if fixed := strings.Replace(layout, word, ref, 1); checkDateLayout(fixed, timed, grain) == nil {
			hint = fmt.Sprintf("%q", fixed)
		}
		return fmt.Errorf("format \"date\": layout %q writes %q on every date (15 October 2026, a Thursday, as %q), as a layout names the parts of the date 2 January 2006, a Monday: write %s", layout, word, time.Date(2026, 10, 15, 0, 0, 0, 0, time.UTC).Format(layout), hint)
	}
	clock := time.Date(2001, 2, 3, 13, 47, 59, 123456789, time.FixedZone("XYZ", 5*3600+1800))
	if timed {
		// The time may show; the zone may not.
		base = time.Date(2001, 2, 3, 13, 47, 59, 123456789, time.UTC)
		text = base.Format(layout)
	}
	if timed && clock.Format(layout) != text {
		return fmt.Errorf("format \"date\": layout %q shows a time zone, which the times of the data do not have, as they are kept as written (want day, month, year, weekday and time, such as \"15:04 on 2 January 2006\")", layout)
	}
	if clock.Format(layout) != text {
		return fmt.Errorf("format \"date\": layout %q shows a time of day or a time zone, which a date of the data does not have (want only day, month, year and weekday, such as \"2 January 2006\")", layout)
	}
	// A time of the data may be written alone ("15:04"); a layout with no
	// part of the date, nor of the time, would print itself.
	unchanged := base.AddDate(0, 0, 1).Format(layout) == text && base.AddDate(0, 1, 0).Format(layout) == text && base.AddDate(1, 0, 0).Format(layout) == text &&
		(!timed || base.Add(61*time.Minute+time.Second).Format(layout) == text)
	if unchanged {
		hint := ""
		if g := goLayout(layout); g != layout && checkDateLayout(g, timed, grain) == nil {
			hint = fmt.Sprintf(": write %q", g)
		}
		return fmt.Errorf("format \"date\" wants a Go layout written with the date 2 January 2006, such as \"2 January 2006\" or \"2006-01-02\"; %q has no part of it, so it would be printed as it is%s", layout, hint)
	}
	switch {
	case grain == ByYear && (base.AddDate(0, 0, 1).Format(layout) != text || base.AddDate(0, 1, 0).Format(layout) != text):
		return fmt.Errorf("format \"date\": layout %q writes a day or a month, and the date was written as a year, which has neither (want the year alone, \"2006\", or no layout)", layout)
	case grain == ByMonth && base.AddDate(0, 0, 1).Format(layout) != text:
		return fmt.Errorf("format \"date\": layout %q writes a day, and the date was written as a month, which has none (want a month and a year, such as \"January 2006\", or no layout)", layout)
	}
	return nil
}

// literalDateWord returns the first word of layout that names a month or
// a weekday other than the reference date's (January, Monday), which a
// Go layout prints as it is, or else a year written in full other than
// 2006, with what the layout would name instead ("April": "January",
// "Tue": "Mon", "2025": "2006"); "" when there is none.
func literalDateWord(layout string) (word, ref string) {
	var year string
	for i := 0; i < len(layout); {
		isDigit, isLetter := func(c byte) bool { return c >= '0' && c <= '9' }, func(c byte) bool { return unicode.IsLetter(rune(c)) }
		run := pick(isDigit(layout[i]), isDigit, isLetter)
		if !run(layout[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(layout) && run(layout[j]) {
			j++
		}
		w := layout[i:j]
		i = j
		if isDigit(w[0]) {
			if year == "" && len(w) == 4 && (w[:2] == "19" || w[:2] == "20") && w != "2006" {
				year = w
			}
			continue
		}
		for m := time.February; m <= time.December; m++ {
			if ref, ok := namesDate(w, m.String(), time.January.String()); ok {
				return w, ref
			}
		}
		for d := time.Sunday; d <= time.Saturday; d++ {
			if ref, ok := namesDate(w, d.String(), time.Monday.String()); ok && d != time.Monday {
				return w, ref
			}
		}
	}
	if year != "" {
		return year, "2006"
	}
	return "", ""
}

// namesDate reports whether the word w of a layout is name, a month or a
// weekday, or a shortening of it ("Sept", "Tues", "Thurs"; "Weds"), and
// returns the reference date's own, ref, written as long ("January", or
// "Jan" for a shortening).
func namesDate(w, name, ref string) (string, bool) {
	lw, ln := strings.ToLower(w), strings.ToLower(name)
	if len(lw) >= 3 && strings.HasPrefix(ln, lw) || lw == "weds" && ln == "wednesday" {
		return pick(lw == ln, ref, ref[:3]), true
	}
	return "", false
}

// ordinalSuffix returns the st, nd, rd or th that follows a digit in
// layout as a word's end ("2nd", "1st"), or "".
func ordinalSuffix(layout string) string {
	for i := 1; i+2 <= len(layout); i++ {
		if c := layout[i-1]; c < '0' || c > '9' {
			continue
		}
		switch suffix := strings.ToLower(layout[i : i+2]); suffix {
		case "st", "nd", "rd", "th":
			if i+2 == len(layout) || !unicode.IsLetter(rune(layout[i+2])) {
				return layout[i : i+2]
			}
		}
	}
	return ""
}

// Round rounds f to n decimals as every number shown to a reader is
// rounded (see claim.Round): halves away from zero, so that 2.5 with no
// decimals is 3 (strconv alone would give the even 2), and 2.675 with two
// is 2.68, as written.
func Round(f float64, n int) float64 { return claim.Round(f, n) }

// WrittenNumber writes f, a number the writer gave (an observation, a
// limit, a rate) with places as Point.Places says, as {{ }} writes it:
// with thousands separators and every decimal it was written with,
// "12,000.5", "0.0049", "2.50". It writes English; WrittenNumberIn
// writes a language.
func WrittenNumber(f float64, places int) string { return WrittenNumberIn(nil, f, places) }

// WrittenNumberIn writes f as WrittenNumber does, in the language of l:
// "12.000,5" in German.
func WrittenNumberIn(l *locale.Locale, f float64, places int) string {
	return Value{Kind: Number, Num: f, Exact: true, Places: places}.In(l)
}

func describeKind(k ValueKind) string {
	return pick(k == Text, "text", "a "+k.String())
}

// approxNumber rounds f to two significant figures: 11960 is "12,000",
// 3.456 is "3.5", 0.01234 is "0.012" (in English). A number of a million
// or more is written as a newsroom writes it, with the word CLDR gives
// the site's language, when inWords: 15,000,000 is "15 million", 2.4e9
// "2.4 billion", in German "15 Millionen" and "2,4 Milliarden". A number
// whose unit counts in thousands or more already is not: 2,500,000
// thousand people is not "2.5 million thousand". Where
// "about" allows less than two figures can miss by (about, a share of
// the number; 0 is claim.DefaultAbout, 5%, which two figures always
// meet), it takes as many more as the claim "about N" of what it
// prints needs to hold: 1,049 is "1,050" within 1%.
func approxNumber(l *locale.Locale, f float64, inWords bool, about float64) string {
	if f == 0 || math.IsNaN(f) || math.IsInf(f, 0) {
		return formatNumber(l, f, 0, false)
	}
	if about <= 0 {
		about = claim.DefaultAbout
	}
	figs := 2
	for ; figs < 17; figs++ {
		r := Round(f, figs-1-Magnitude(f))
		// A hair inside the tolerance, so that the claim, which
		// compares the decimals exactly, agrees.
		if math.Abs(f-r) <= about*math.Abs(r)*(1-1e-9) {
			break
		}
	}
	s, _ := rounded(l, f, figs-1-Magnitude(f), inWords, false)
	return s
}

// rounded writes f rounded to dec decimals (below zero, to tens,
// hundreds …), trailing zeros dropped, in the language of l; from a
// million up, when inWords, with the word CLDR gives the language: 2.4e9
// at -8 is "2.4 billion", in German "2,4 Milliarden". With whole, it
// rounds no whole digit of what it writes to zero, since a reader, and a
// claim, reads "12,000" or "80 million" as exact to its last digit:
// 12,345 at -3 is "12,345", 84,123,456 at -7 "84 million". It returns the
// text and the number it shows.
func rounded(l *locale.Locale, f float64, dec int, inWords, whole bool) (string, float64) {
	r := Round(f, dec)
	if mag := Magnitude(r); inWords {
		if sc, ok := l.LargeScale(mag, true); ok {
			d := pick(whole, max(dec+sc.Exp, 0), dec+sc.Exp)
			shown := Round(f/math.Pow10(sc.Exp), d)
			n := strconv.FormatFloat(shown, 'f', max(d, 0), 64)
			if strings.IndexByte(n, '.') >= 0 {
				n = strings.TrimSuffix(strings.TrimRight(n, "0"), ".")
			}
			return string(l.AppendLarge(nil, n, mag, true)), shown * math.Pow10(sc.Exp)
		}
	}
	if whole {
		dec = max(dec, 0)
	}
	return formatNumber(l, Round(f, dec), max(dec, 0), true), Round(f, dec)
}

// Magnitude returns the exponent of the decimal form of f, a finite number
// other than 0: 0 for 3.4, -2 for 0.05, 4 for -12000. math.Log10 is off by
// two or more for the smallest floats, and by one just under a power of
// ten.
func Magnitude(f float64) int {
	var buf [32]byte
	e := strconv.AppendFloat(buf[:0], f, 'e', -1, 64)
	mag, _ := strconv.Atoi(string(e[bytes.IndexByte(e, 'e')+1:]))
	return mag
}

// formatNumber writes f with dec decimals, rounded by Round, and
// thousands separators, dropping trailing zeros of the decimals when trim
// is set, in the language of l.
func formatNumber(l *locale.Locale, f float64, dec int, trim bool) string {
	var b [48]byte
	return string(AppendNumber(b[:0], l, f, dec, trim))
}

// AppendNumber appends f to b as formatNumber writes it, without a minus
// sign where it rounds to zero; the chart writes its numbers with it.
func AppendNumber(b []byte, l *locale.Locale, f float64, dec int, trim bool) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return strconv.AppendFloat(b, f, 'f', -1, 64)
	}
	f = Round(f, dec)
	var buf [48]byte
	var s []byte
	switch {
	case (trim || dec == 0) && math.Abs(f) < 1<<53 && f == math.Trunc(f):
		// A whole number, as most values are, or one rounded to whole:
		// integers are quicker to write than floats with a fixed
		// precision.
		s = strconv.AppendInt(buf[:0], int64(f), 10)
	case dec <= 0 && math.Abs(f) >= 1<<53:
		// Past 2^53 a float's every digit is not the data's: 4.56e23 is
		// 455,999,999,999,999,983,222,784 to the last bit. Its shortest
		// digits, with zeros after them, are what was written.
		s = strconv.AppendFloat(buf[:0], f, 'f', -1, 64)
	default:
		s = strconv.AppendFloat(buf[:0], f, 'f', dec, 64)
	}
	if trim && bytes.IndexByte(s, '.') >= 0 {
		s = bytes.TrimSuffix(bytes.TrimRight(s, "0"), []byte("."))
	}
	if s[0] == '-' && len(bytes.Trim(s[1:], "0.")) == 0 {
		s = s[1:] // -0, -0.00
	}
	if !l.IsEnglish() {
		return l.AppendNumber(b, string(s))
	}
	// English, with commas between the thousands of the whole part.
	whole := bytes.IndexByte(s, '.')
	if whole < 0 {
		whole = len(s)
	}
	for i, c := range s {
		if i > 0 && i < whole && s[i-1] != '-' && (whole-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, c)
	}
	return b
}

// pick returns a when cond holds, and b otherwise.
func pick[T any](cond bool, a, b T) T {
	if cond {
		return a
	}
	return b
}
