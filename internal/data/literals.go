package data

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/locale"
)

// literalFormat is one way plotline writes a value: a format and its
// argument, as written in {{ ref | format "arg" }}.
type literalFormat struct{ name, arg string }

// numberFormats and dateFormats are the ways a value is looked for in
// text typed by hand. approx numbers drop their "about"; approx dates are
// looked for without their year too ("mid-April").
var (
	numberFormats = [...]literalFormat{{"", ""}, {"comma", ""}, {"int", ""}, {"round", "1"}, {"round", "2"}, {"percent", ""}, {"abs", ""}}
	// figuresFormats are tried before approx, which writes two figures
	// too but says "about": "84 million" typed by hand is figures 2 of
	// 84,123,456, as typed, and "84.1 million" figures 3.
	figuresFormats = [...]literalFormat{{"figures", "2"}, {"figures", "3"}}
	dateFormats    = []literalFormat{
		{"", ""}, {"date", "2 January"}, {"date", "January 2, 2006"}, {"date", "January 2"},
		{"date", "2 Jan 2006"}, {"date", "2 Jan"}, {"date", "2006-01-02"}, {"approx", ""},
	}
	// monthFormats and yearFormats are those of a date the data gives as
	// a month or a year, which no layout may write as a day.
	monthFormats = []literalFormat{{"", ""}, {"date", "Jan 2006"}}
	yearFormats  = []literalFormat{{"", ""}}
)

// literalIndex maps the text of a value, as plotline would write it, to
// the value and format that write it: "15 April" → losses.crossing | date
// "2 January".
type literalIndex map[string]literalRef

// literalRef is a block's field in a format. The expression is written
// only for the texts found in prose, not for every entry of the index.
type literalRef struct {
	block, field string
	format       literalFormat
}

// fieldValue is a field of a block and its value, a number or a date;
// for a number, the texts it is written as, once a number typed near it
// asks for them.
type fieldValue struct {
	block, field string
	value        Value
	// texts are the value in each of numberFormats, then in each of
	// figuresFormats, then approx without its "about", each written when
	// first needed; written marks those written, by their place.
	texts   [textCount]string
	written uint16
}

const (
	// figuresAt and approxAt are the places of the first of
	// figuresFormats and of approx among a number's texts.
	figuresAt = len(numberFormats)
	approxAt  = figuresAt + len(figuresFormats)
	// textCount is the number of a number's texts.
	textCount = approxAt + 1
)

// textFormat returns the format of a number's text at place i.
func textFormat(i int) literalFormat {
	switch {
	case i < figuresAt:
		return numberFormats[i]
	case i < approxAt:
		return figuresFormats[i-figuresAt]
	}
	return literalFormat{"approx", ""}
}

// text returns the value of f written in the number format at place i,
// approx rounding within about, in English, as marks.english reads a
// number typed in the page's language; "" where the format does not
// write it.
func (f *fieldValue) text(i int, about float64, marks *numberMarks) string {
	if f.written&(1<<i) == 0 {
		var text string
		if i == approxAt {
			text, _, _ = formatShown(nil, f.value, "approx", "", about)
			text = strings.TrimPrefix(text, "about ")
		} else {
			text, _ = Format(f.value, textFormat(i).name, textFormat(i).arg)
		}
		// figures writes the whole number its language's word of large
		// numbers leaves: 84,123,456 is "84 million" in English but
		// "8412万" in Japanese, 84.12 million. Only a number that may
		// round to a million or more has such a word.
		if i >= figuresAt && i < approxAt && marks != nil && marks.loc != nil && math.Abs(f.value.Num) >= math.Pow10(locale.MinLarge-1) {
			local, _ := FormatIn(marks.loc, f.value, "figures", textFormat(i).arg)
			if _, _, large := cutLargeWord(local, marks.large); large {
				text = marks.english(local)
			}
		}
		f.texts[i] = text
		f.written |= 1 << i
	}
	return f.texts[i]
}

// lookup returns the field and format that write tok, a number or a date
// typed in prose (with English marks), and false when none does; of
// several, the first field in indexFields' order, and its first format.
// A number is read and compared with the values near it, each written only
// in the formats that could write it, rather than looked up in an index of
// every value in every format, which took a tenth of a build to make.
//
// A page of more than maxScanned numbers has them indexed by their texts
// instead, as each number typed was compared with every one: 5,000 typed
// on a page of 2,000 blocks took 7 s of CPU.
func (s *Scope) lookup(tok string) (literalRef, bool) {
	if x, ok := typedNumber(tok); ok && !smallOrYear(tok) {
		if ix := s.numberLiterals(); ix != nil {
			if ref, ok := ix[tok]; ok {
				return ref, true
			}
		} else if ref, ok := s.scanNumbers(tok, x); ok {
			return ref, true
		}
	}
	ref, ok := s.dateLiterals(tok)[tok]
	return ref, ok
}

// maxScanned is how many numbers a page may have for a number typed to be
// compared with each (scanNumbers) rather than looked up in their index
// (numberLiterals), which costs a tenth of a build to make for a page of a
// few blocks.
const maxScanned = 500

// numberLiterals returns the index of the texts of the scope's numbers in
// every format, the first field and format of each text, as scanNumbers
// finds them, or nil for a page of maxScanned numbers or fewer.
func (s *Scope) numberLiterals() literalIndex {
	numbers, _ := s.fieldValues()
	if len(numbers) <= maxScanned || s.numberIndex != nil {
		return s.numberIndex
	}
	s.numberIndex = make(literalIndex, len(numbers)*textCount)
	for i := range numbers {
		f := &numbers[i]
		for j := range textCount {
			if t := f.text(j, s.Claims.About, s.marks); t != "" {
				if _, dup := s.numberIndex[t]; !dup {
					s.numberIndex[t] = literalRef{f.block, f.field, textFormat(j)}
				}
			}
		}
	}
	return s.numberIndex
}

// scanNumbers returns the first field and format of the scope's numbers
// that write tok, read as the number x.
func (s *Scope) scanNumbers(tok string, x float64) (literalRef, bool) {
	percent := strings.HasSuffix(tok, "%")
	numbers, _ := s.fieldValues()
	for i := range numbers {
		f := &numbers[i]
		for j := range textCount {
			if mayWrite(j, f.value.Num, x, percent) && f.text(j, s.Claims.About, s.marks) == tok {
				return literalRef{f.block, f.field, textFormat(j)}, true
			}
		}
	}
	return literalRef{}, false
}

// typedNumber reads tok, a number as plotline writes it in English
// ("12,000", "-3.5", "12.5%", and approx's "84 million"), and false for
// another text.
func typedNumber(tok string) (float64, bool) {
	scale := 1.0
	if num, w, ok := cutLargeWord(tok, (*locale.Locale)(nil).LargeWords()); ok {
		tok, scale = num, math.Pow10(w.Exp)
	}
	digits := strings.ReplaceAll(strings.TrimSuffix(tok, "%"), ",", "")
	if digits == "" || strings.ContainsFunc(digits, func(r rune) bool { return (r < '0' || r > '9') && r != '.' && r != '-' }) {
		return 0, false
	}
	x, err := strconv.ParseFloat(digits, 64)
	return x * scale, err == nil
}

// mayWrite reports whether the number format at place i may write v as
// x, typed with a percent sign or without: only percent writes one; the
// formats that round to whole numbers or decimals write a number within
// half a unit of v, its size (abs) or a hundredfold (percent, or v
// itself when it is one already); approx one within half of v. It is a
// quick test that lets through more than it should, never less; the
// texts are then compared.
func mayWrite(i int, v, x float64, percent bool) bool {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return false
	}
	switch {
	case i == approxAt:
		return !percent && math.Abs(math.Abs(x)-math.Abs(v)) <= 0.5+math.Abs(v)/2
	case i >= figuresAt:
		// Two significant figures or more: within 5% of v.
		return !percent && math.Abs(math.Abs(x)-math.Abs(v)) <= 0.5+math.Abs(v)/20
	}
	if (numberFormats[i].name == "percent") != percent {
		return false
	}
	near := func(t float64) bool { return math.Abs(math.Abs(x)-math.Abs(t)) <= 0.5+1e-9*math.Abs(t) }
	return near(v) || percent && near(100*v)
}

// fieldValues returns the fields of the scope's blocks whose values are
// numbers, and those whose values are dates, each in indexFields' order.
func (s *Scope) fieldValues() (numbers, dates []fieldValue) {
	if s.values != nil {
		return s.values.numbers, s.values.dates
	}
	s.values = &scopeValues{}
	fields := indexFields()
	for _, name := range s.names {
		b := s.blocks[name]
		for _, field := range fields {
			v, err := b.Field(field)
			switch {
			case err != nil:
			case v.Kind == Number:
				s.values.numbers = append(s.values.numbers, fieldValue{block: b.Name, field: field, value: v})
			case v.Kind == Date:
				s.values.dates = append(s.values.dates, fieldValue{block: b.Name, field: field, value: v})
			}
		}
	}
	return s.values.numbers, s.values.dates
}

// scopeValues are the values of a scope's blocks, as fieldValues gives
// them.
type scopeValues struct{ numbers, dates []fieldValue }

// dateLiterals returns the index of the dates of the scope's blocks in
// the formats the check looks for that write tok's kind of text: those
// that write a word ("15 April 2025", "mid-April") for a tok with a
// letter, the others ("2025-04-15", an annual date's "2025") for one
// without. Every format writes one kind for every date (writesWords), so
// the first field and format to write tok are those of an index of every
// format; a page whose prose types numbers and dates such as 2025-04-15
// never writes its dates in words.
func (s *Scope) dateLiterals(tok string) literalIndex {
	words := strings.ContainsFunc(tok, unicode.IsLetter)
	ix := &s.dateIndex[pick(words, 1, 0)]
	if *ix != nil {
		return *ix
	}
	_, dates := s.fieldValues()
	*ix = make(literalIndex, len(dates)*pick(words, len(dateFormats), 1))
	add := func(text string, ref literalRef) {
		if _, ok := (*ix)[text]; !ok && text != "" {
			(*ix)[text] = ref
		}
	}
	for _, d := range dates {
		grain := d.value.Grain.Shows(d.value.Date)
		for _, f := range [...][]literalFormat{ByDay: dateFormats, ByMonth: monthFormats, ByYear: yearFormats}[grain] {
			if writesWords(f, grain) != words {
				continue
			}
			text, err := dateLiteral(d.value, f)
			if err != nil {
				continue
			}
			add(text, literalRef{d.block, d.field, f})
			if f.name == "approx" {
				// "by mid-April", approx's words without the year, as
				// "15 April" is the date without it.
				if short, ok := strings.CutSuffix(text, " "+d.value.Date.Format("2006")); ok {
					add(short, literalRef{d.block, d.field, f})
				}
			}
		}
	}
	return *ix
}

// writesWords reports whether f writes a date shown as grain shows it
// with a month's name or approx's words: all but a date in digits
// ("2025-04-15") and a year.
func writesWords(f literalFormat, grain DateGrain) bool {
	return f.arg != "2006-01-02" && !(f.name == "" && grain == ByYear)
}

// indexFields returns the fields whose values the check looks for, in the
// order a text is taken for the first that writes it. The dates a block
// counts from are named last: "13 January" is better read as last.date
// than as as_of. The number of observations is left out: it is a small
// count that prose mentions for its own reasons.
func indexFields() []string {
	fields := slices.DeleteFunc(Fields(), func(f string) bool { return f == "count" })
	for _, last := range []string{"as_of", "until"} {
		i := slices.Index(fields, last)
		fields = append(slices.Delete(fields, i, i+1), last)
	}
	return fields
}

// dateLiteral writes the date v in the check's format f. Its layouts are
// known to be good (TestDateFormatsAreGood), so it does not ask Format to
// check them: that check formats a date six times, and made a fifth of
// the time taken to index a page's values.
func dateLiteral(v Value, f literalFormat) (string, error) {
	if f.name == "date" {
		return v.Date.Format(f.arg), nil
	}
	return Format(v, f.name, f.arg)
}

// expr writes the {{ }} expression that shows the value in its format.
func (r literalRef) expr() string {
	ref, f := r.block+"."+r.field, r.format
	switch {
	case f.name == "":
		return "{{ " + ref + " }}"
	case f.arg == "":
		return "{{ " + ref + " | " + f.name + " }}"
	case f.name == "date":
		return fmt.Sprintf("{{ %s | date %q }}", ref, f.arg)
	}
	return "{{ " + ref + " | " + f.name + " " + f.arg + " }}"
}

// smallOrYear reports whether text is a number the check leaves alone:
// a single digit (one, two, three are counts, not data) or a year.
func smallOrYear(text string) bool {
	return isDigits(text, 1, 1) || len(text) == 4 && (text[0] == '1' || text[0] == '2') && isDigits(text, 4, 4)
}

// CheckLiterals warns about every number or date in text, typed by hand,
// that is a value of the page's data blocks as plotline writes it: "12,000"
// where losses.limit is 12,000. Such a number goes stale when the data
// changes; the warning names the expression to write instead. Single
// digits, years on their own and what is inside {{ … }} are left alone;
// {{ "12,000" }} keeps a number as typed without a warning. at gives the
// position of a byte offset of text.
func (s *Scope) CheckLiterals(text string, at func(off int) diag.Pos, diags *diag.List) {
	if len(s.blocks) == 0 {
		return
	}
	// A date the language writes its own way ("Sept. 2024", "septembre
	// 2024") is one, and a number in it (its year) is part of it.
	hits := s.localHits(text)
	local := len(hits)
	inLocal := func(from, to int) bool {
		return slices.ContainsFunc(hits[:local], func(h textHit) bool { return from < h.end && to > h.at })
	}
	if s.marks == nil {
		m := marksOf(s.Locale)
		s.marks = &m
	}
	marks := *s.marks
scan:
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '{' && strings.HasPrefix(text[i:], "{{"):
			// A value or a literal the writer marked: not typed by hand.
			end := strings.Index(text[i+2:], "}}")
			if end < 0 {
				break scan
			}
			i += end + 4
			continue
		case c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
		default:
			i++
			continue
		}
		if i > 0 && (!boundaryBefore(text, i) || splitYearEnd(text, i)) {
			i = skipWord(text, i)
			continue
		}
		tok, end := literalAt(text, i, marks)
		if tok == "" {
			i = skipWord(text, i)
			continue
		}
		if c >= '0' && c <= '9' {
			// A number that names a thing, after a word that names what
			// it numbers ("Flight BA 500", "Chapter 12", "No. 4", "#3"),
			// or a run of groups of digits written as a telephone number
			// is ("Call 0300 500 20", "+44 20 7946 0000"): passed whole.
			if namesNumber(text[:i]) {
				i = end
				continue
			}
			if runEnd := phoneEnd(text, i, marks); runEnd > 0 {
				i = runEnd
				continue
			}
		}
		if inLocal(i, end) || isMonthYear(tok) && dayBefore(text[:i]) {
			// Part of a date in the page's language, or a day's month
			// and year ("1. September 2024"): a day, which no month of
			// the data writes.
			i = end
			continue
		}
		ref, ok := s.lookup(marks.english(tok))
		if num, _, cut := cutLargeWord(tok, marks.large); !ok && cut {
			// A number in millions that approx does not write: the
			// number alone may still be a value ("12 million" of a
			// block in millions).
			tok, end = num, end-(len(tok)-len(num))
			ref, ok = s.lookup(marks.english(tok))
		}
		if !ok && tok[0] >= 'A' && tok[0] <= 'Z' {
			// At the start of a sentence: "Mid-April 2025".
			lower := strings.ToLower(tok[:1]) + tok[1:]
			ref, ok = s.dateLiterals(lower)[lower]
		}
		if !ok && isMonthYear(tok) {
			// A month of a year that no value writes: its year may
			// still be one, as an annual observation's.
			i += len(monthAt(tok))
			continue
		}
		if _, number := typedNumber(tok); ok && number && s.otherUnit(ref, text[:i], text[end:]) {
			ok = false
		}
		if ok {
			hits = append(hits, textHit{i, end, tok, ref})
		}
		i = end
	}
	slices.SortStableFunc(hits, func(a, b textHit) int { return a.at - b.at })
	for _, h := range hits {
		diags.Warnf(at(h.at), "%q is typed by hand but comes from the data: write %s so it follows the data, or {{ %q }} to keep it as typed", h.text, h.ref.expr(), h.text)
	}
}

// namesNumber reports whether before, the text before a number, ends
// with a word after which the number is a name, or such a word and a code
// of capitals ("Flight BA").
func namesNumber(before string) bool {
	before = strings.TrimRight(before, " \u00a0")
	if strings.HasSuffix(before, "#") {
		return true
	}
	fields := strings.Fields(before[max(0, len(before)-32):]) // the last words alone: a paragraph may hold many numbers
	word := func(k int) string {
		if len(fields) < k {
			return ""
		}
		return strings.ToLower(strings.TrimLeft(strings.TrimRight(fields[len(fields)-k], ":"), "(\"'“‘"))
	}
	if len(fields) > 0 && isCode(fields[len(fields)-1]) {
		return slices.Contains(numberNames, word(2))
	}
	return slices.Contains(numberNames, word(1))
}

// isCode reports whether w is a code of two or three capital letters, as
// an airline's before a flight's number.
func isCode(w string) bool {
	return len(w) >= 2 && len(w) <= 3 && strings.Trim(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

// numberNames are the words, in lower case, after which a number names a
// thing rather than counts one.
var numberNames = strings.Fields(`call phone telephone tel tel. dial fax flight chapter ch. page pages p. pp. section sec.
	room no. nr. ext. ext`)

// phoneEnd returns the end of the run of groups of digits, parted by
// single spaces or hyphens, that holds the number at i, when the run is
// written as a telephone number: after "+", led by a group with a 0
// before other digits ("0300 500 20"), or of three groups or more that
// no number as literalAt reads covers, with a year before it or not
// ("555 123 4567"); 0 otherwise.
func phoneEnd(text string, i int, marks numberMarks) int {
	start := i
	for start >= 2 && (text[start-1] == ' ' || text[start-1] == '-') && text[start-2] >= '0' && text[start-2] <= '9' {
		start--
		for start > 0 && text[start-1] >= '0' && text[start-1] <= '9' {
			start--
		}
	}
	var groups []int // the start of each group
	end := start
	for {
		groups = append(groups, end)
		end += digitsAt(text, end, 1, 30)
		if end+1 < len(text) && (text[end] == ' ' || text[end] == '-') && digitsAt(text, end+1, 1, 30) > 0 {
			end++
			continue
		}
		break
	}
	if len(groups) < 2 || end < len(text) && (text[end] == '.' || text[end] == ',') && digitsAt(text, end+1, 1, 30) > 0 {
		return 0 // one number, or one with a decimal or a group after it
	}
	covers := func(at int) bool { _, e := literalAt(text, at, marks); return e == end }
	switch {
	case start > 0 && text[start-1] == '+', text[start] == '0' && groups[1]-start > 2:
		return end
	case len(groups) >= 3 && !covers(start) && !(smallOrYear(text[start:groups[1]-1]) && covers(groups[1])):
		return end
	}
	return 0
}

// otherUnit reports whether a number typed between before and after is
// said to count something else than the block of ref does, so that it is
// not that block's value, though it is written alike: "30 nurses" on a
// page whose beds number 30, "$30" of a block that is not money. Only a
// block with a unit is told so, on an English page, and only by a word
// that names things ("nurses", not "of" or "a day").
func (s *Scope) otherUnit(ref literalRef, before, after string) bool {
	b := s.blocks[ref.block]
	if b == nil || b.Unit == "" || !strings.HasPrefix(s.Locale.Language(), "en") && s.Locale.Language() != "" {
		return false // the words of other languages are not known
	}
	unit := strings.ToLower(b.Unit)
	if sign := strings.TrimRight(before, " "); slices.ContainsFunc(currencies, func(c currency) bool { return strings.HasSuffix(sign, c.sign) }) {
		return !moneyUnit(unit)
	}
	// The words that follow, up to three: "30 extra beds", "30 ICU beds"
	// count beds.
	words := strings.FieldsFunc(strings.ToLower(after[:min(len(after), 48)]), func(r rune) bool { return !unicode.IsLetter(r) })
	rest := strings.TrimLeft(after, " \u00a0-") // "a 1,000-strong crowd": of the word after the hyphen
	if len(words) == 0 || !strings.HasPrefix(strings.ToLower(rest), words[0]) {
		return false // a mark or a digit first: "30%", "30, 40"
	}
	if utf8.RuneCountInString(words[0]) < 3 || countWords[words[0]] || largeWords[words[0]] || moneyUnit(unit) && moneyUnit(words[0]) {
		return false
	}
	for _, word := range words[:min(len(words), 3)] {
		if countWords[word] || word == "or" {
			break // "30 nurses and 30 beds": the next phrase's
		}
		for w := range strings.FieldsSeq(unit) {
			if singular(strings.Trim(w, "()")) == singular(word) {
				return false
			}
		}
	}
	return true
}

// singular returns the English word w without a plural's ending:
// "casualty" of "casualties", "bed" of "beds".
func singular(w string) string {
	if stem, ok := strings.CutSuffix(w, "ies"); ok {
		return stem + "y"
	}
	return strings.TrimSuffix(w, "s")
}

// countWords are words after a number that do not say what it counts:
// "30 of them", "92 a day", "12 more", "3 per cent".
var countWords = map[string]bool{
	"and": true, "the": true, "per": true, "for": true, "from": true, "each": true, "more": true, "less": true, "fewer": true, "than": true,
	"percent": true, "cent": true, "times": true, "out": true, "new": true, "other": true, "all": true, "total": true, "left": true,
	"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true, "hours": true,
	"hour": true, "daily": true, "weekly": true, "monthly": true, "yearly": true, "annually": true, "since": true, "until": true,
	"before": true, "after": true, "was": true, "were": true, "are": true, "had": true, "have": true, "has": true, "will": true,
}

// largeWords are the words of a large number or a share after one:
// "12 million", "3 points".
var largeWords = map[string]bool{
	"hundred": true, "thousand": true, "million": true, "billion": true, "trillion": true, "thousands": true, "millions": true,
	"billions": true, "points": true, "point": true, "dozen": true,
}

// isMonthYear reports whether tok, read by literalAt, is a month's name
// and a year: "September 2024".
func isMonthYear(tok string) bool {
	m := monthAt(tok)
	return m != "" && len(tok) == len(m)+5 && tok[len(m)] == ' '
}

// textHit is a value found typed in a text: where, as typed, and the
// value and format that write it.
type textHit struct {
	at, end int
	text    string
	ref     literalRef
}

// localDates returns the dates of the scope's blocks as the page's
// language writes them, "5. April 2025", "5. Apr. 2025" and "5. April" in
// German, longest first, with the format that writes each; nil for a
// language whose dates are English, which CheckLiterals reads itself.
func (s *Scope) localDates() []localDate {
	if s.Locale.EnglishDates() {
		return nil
	}
	if s.dates != nil {
		return s.dates
	}
	// A form's layout is the language's, whatever the date: read once.
	layouts := map[locale.DateForm]string{}
	for _, form := range []locale.DateForm{locale.Medium, locale.LongDayMonth, locale.MonthYear} {
		if layout, ok := s.Locale.Layout(form); ok {
			layouts[form] = layout
		}
	}
	var out []localDate
	seen := map[string]bool{}
	_, dates := s.fieldValues()
	for _, d := range dates {
		v := d.value
		forms, withApprox := []locale.DateForm{locale.Long, locale.Medium, locale.LongDayMonth}, true
		switch v.Grain.Shows(v.Date) {
		case ByMonth:
			// As {{ }} writes a month of the data, and the shorter form
			// of the table.
			forms, withApprox = []locale.DateForm{locale.LongMonthYear, locale.MonthYear}, false
		case ByYear:
			// A year is a number to the check, found as one.
			continue
		}
		for _, form := range forms {
			f := literalFormat{}
			if form != locale.Long && form != locale.LongMonthYear {
				layout, ok := layouts[form]
				if !ok {
					continue
				}
				f = literalFormat{"date", layout}
			}
			text := s.Locale.Date(v.Date, form)
			if !seen[text] {
				seen[text] = true
				out = append(out, localDate{text, literalRef{d.block, d.field, f}, !withApprox})
			}
		}
		if !withApprox {
			continue // approx writes a month of the data as {{ }} does
		}
		// approx's words, with the year and without ("Mitte April").
		approx := literalRef{d.block, d.field, literalFormat{"approx", ""}}
		for _, write := range []func(time.Time) (string, bool){s.Locale.ApproxDate, s.Locale.ApproxDateNoYear} {
			if text, ok := write(v.Date); ok && !seen[text] {
				seen[text] = true
				out = append(out, localDate{text: text, ref: approx})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b localDate) int { return len(b.text) - len(a.text) })
	s.dates = out
	return out
}

// localDate is a date as the page's language writes it, and the value
// and format that write it.
type localDate struct {
	text  string
	ref   literalRef
	month bool // a month of the data, "September 2024"
}

// localHits returns the dates of the scope's blocks typed in text as the
// page's language writes them ("5. April 2025" in German), outside {{ }}
// and not inside a longer word or number, in the order of the text.
func (s *Scope) localHits(text string) []textHit {
	dates := s.localDates()
	if len(dates) == 0 {
		return nil
	}
	// What the writer marked, and what a longer date took, is passed.
	var taken [][2]int
	for i := 0; ; {
		j := strings.Index(text[i:], "{{")
		if j < 0 {
			break
		}
		end := strings.Index(text[i+j+2:], "}}")
		if end < 0 {
			taken = append(taken, [2]int{i + j, len(text)})
			break
		}
		taken = append(taken, [2]int{i + j, i + j + 2 + end + 2})
		i += j + 2 + end + 2
	}
	free := func(from, to int) bool {
		return !slices.ContainsFunc(taken, func(t [2]int) bool { return from < t[1] && to > t[0] })
	}
	var hits []textHit
	for _, d := range dates {
		for from := 0; from < len(text); {
			k, end := indexSpaced(text, from, d.text)
			if k < 0 {
				break
			}
			from = k + 1
			before, _ := utf8.DecodeLastRuneInString(text[:k])
			after, _ := utf8.DecodeRuneInString(text[end:])
			if k > 0 && (wordLetter(before) || unicode.IsDigit(before)) || end < len(text) && (wordLetter(after) || unicode.IsDigit(after)) {
				continue
			}
			if d.month && dayBefore(text[:k]) {
				continue // a day of the month: "1. September 2024"
			}
			if !free(k, end) {
				continue
			}
			taken = append(taken, [2]int{k, end})
			hits = append(hits, textHit{k, end, text[k:end], d.ref})
		}
	}
	slices.SortFunc(hits, func(a, b textHit) int { return a.at - b.at })
	return hits
}

// indexSpaced returns where date, as the language writes it, is first
// typed in text from byte from on, and where it ends, or -1: a space of
// date, U+0020, U+00A0 or U+202F, is any of the three in text, since CLDR
// joins Russian's "2025 г." with a narrow no-break space a writer does not
// type.
func indexSpaced(text string, from int, date string) (int, int) {
	first := date
	if i := strings.IndexFunc(date, isDateSpace); i > 0 {
		first = date[:i]
	}
	for from <= len(text) {
		k := strings.Index(text[from:], first)
		if k < 0 {
			return -1, -1
		}
		k += from
		i, j := k+len(first), len(first)
		for j < len(date) && i < len(text) {
			d, dn := utf8.DecodeRuneInString(date[j:])
			r, rn := utf8.DecodeRuneInString(text[i:])
			if d != r && !(isDateSpace(d) && isDateSpace(r)) {
				break
			}
			i, j = i+rn, j+dn
		}
		if j == len(date) {
			return k, i
		}
		from = k + 1
	}
	return -1, -1
}

// isDateSpace reports whether r is one of the spaces that join the parts
// of a date.
func isDateSpace(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u202f' }

// dayBefore reports whether text ends with a day of the month before a
// month's name: digits, then a full stop or a space or both ("1. ", "1 ").
func dayBefore(text string) bool {
	t := strings.TrimRight(text, " \u00a0")
	t = strings.TrimSuffix(t, ".")
	return len(t) < len(text) && t != "" && t[len(t)-1] >= '0' && t[len(t)-1] <= '9'
}

// boundaryBefore reports whether a token may start at i: not in the
// middle of a word or a number, nor after a hyphen joined to a word
// ("COVID-19").
func boundaryBefore(text string, i int) bool {
	r, size := utf8.DecodeLastRuneInString(text[:i])
	if wordLetter(r) || unicode.IsDigit(r) || r == '.' || r == ',' || r == '_' {
		return false
	}
	if r == '-' || r == '/' {
		p, _ := utf8.DecodeLastRuneInString(text[:i-size])
		return !unicode.IsLetter(p) && !unicode.IsDigit(p)
	}
	return true
}

// splitYearEnd reports whether the number at i ends a split year written
// with an en dash, the 25 of "2024–25": part of a year, as the 25 of
// "2024-25" and "2024/25" is, not a number of its own. A range such as
// "70–110" is two numbers.
func splitYearEnd(text string, i int) bool {
	const dash = "\u2013"
	if i < 4+len(dash) || !strings.HasSuffix(text[:i], dash) || i+2 > len(text) {
		return false
	}
	y, err := strconv.Atoi(text[i-len(dash)-4 : i-len(dash)])
	if err != nil || y < 1000 || (i-len(dash)-4 > 0 && !boundaryBefore(text, i-len(dash)-4)) {
		return false
	}
	end := skipWord(text, i)
	return end == i+2 && text[i:end] == fmt.Sprintf("%02d", (y+1)%100)
}

// skipWord returns the offset after the word or number at i.
func skipWord(text string, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII, most of any text: as unicode.IsLetter and IsDigit
			// read it, without decoding it first.
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		i += size
	}
	return i
}

// months are the month names dates are written with, long then short.
var months = []string{
	"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
}

// literalAt reads the number or date that starts at i, as plotline would
// write it, and returns it and where it ends; "" when there is none.
// Dates come first, so that "13 January 2025" is one date, not 13 and a
// year.
func literalAt(text string, i int, marks numberMarks) (string, int) {
	c := text[i]
	if c < '0' || c > '9' {
		// A date led by a word: "January 15, 2025", "mid-April 2025",
		// "early April". Every such word starts with one of these
		// letters; most words of prose do not, and are passed at once.
		if !strings.ContainsRune("JFMASONDEeLlm", rune(c)) {
			return "", i
		}
		for _, lead := range []string{"early ", "mid-", "late ", "Early ", "Mid-", "Late "} {
			if rest, ok := strings.CutPrefix(text[i:], lead); ok {
				if m := monthAt(rest); m != "" {
					end := i + len(lead) + len(m)
					end = yearAfter(text, end, " ")
					return text[i:end], end
				}
			}
		}
		m := monthAt(text[i:])
		if m == "" {
			return "", i
		}
		end := i + len(m)
		if end+1 < len(text) && text[end] == ' ' {
			if d := digitsAt(text, end+1, 1, 2); d > 0 {
				end = yearAfter(text, end+1+d, ", ")
				return text[i:end], end
			}
		}
		// A month of a year, as monthly data is written: "September 2024".
		if y := yearAfter(text, end, " "); y > end {
			return text[i:y], y
		}
		return "", i
	}
	// 2025-04-15
	if n := digitsAt(text, i, 4, 4); n == 4 && strings.HasPrefix(text[i+4:], "-") && digitsAt(text, i+5, 2, 2) == 2 &&
		strings.HasPrefix(text[i+7:], "-") && digitsAt(text, i+8, 2, 2) == 2 {
		return text[i : i+10], i + 10
	}
	// 15 April [2025]
	if d := digitsAt(text, i, 1, 2); d > 0 && strings.HasPrefix(text[i+d:], " ") {
		if m := monthAt(text[i+d+1:]); m != "" {
			end := yearAfter(text, i+d+1+len(m), " ")
			return text[i:end], end
		}
	}
	// A number: 12,000, 12 000, 3.5, 92, 12.5%; 12.000 and 3,5 in German.
	end := i + digitsAt(text, i, 1, 30)
	if n := end - i; n <= 3 {
		for _, sep := range marks.groups {
			grouped := end
			for strings.HasPrefix(text[end:], sep) {
				// Groups of three, or in India's 12,34,567 of two
				// before the last.
				d := digitsAt(text, end+len(sep), 2, 3)
				if d == 0 || d == 2 && (!marks.pairs || !strings.HasPrefix(text[end+len(sep)+2:], sep)) {
					break
				}
				end += len(sep) + d
			}
			if end > grouped {
				break // one separator throughout
			}
		}
	}
	if strings.HasPrefix(text[end:], marks.decimal) {
		if d := digitsAt(text, end+len(marks.decimal), 1, 30); d > 0 {
			end += len(marks.decimal) + d
		}
	}
	for _, pct := range marks.percent {
		if strings.HasPrefix(text[end:], pct) {
			end += len(pct)
			break
		}
	}
	start := i
	if i > 0 && text[i-1] == '-' && (i == 1 || text[i-2] == ' ' || text[i-2] == '(') {
		start-- // a minus sign
	}
	// A number in millions, billions or trillions, as approx writes one:
	// "84 million", "84 Millionen", "8400万".
	for _, w := range marks.large {
		// A word after a space ends at a word's end; one without ends
		// anywhere, as Japanese's "8400万人".
		first, _ := utf8.DecodeRuneInString(w.Text)
		if strings.HasPrefix(text[end:], w.Text) && (!unicode.IsSpace(first) || !isLetterAt(text, end+len(w.Text))) {
			return text[start : end+len(w.Text)], end + len(w.Text)
		}
	}
	if isLetterAt(text, end) {
		return "", i // "3rd", "10am", "4x"
	}
	return text[start:end], end
}

// cutLargeWord returns tok without the one of words it ends with after a
// digit, and that word ("84" and " Millionen" of "84 Millionen", which
// literalAt read with m.large); false when it ends with none.
func cutLargeWord(tok string, words []locale.LargeWord) (string, locale.LargeWord, bool) {
	for _, w := range words {
		if num, ok := strings.CutSuffix(tok, w.Text); ok && num != "" && num[len(num)-1] >= '0' && num[len(num)-1] <= '9' {
			return num, w, true
		}
	}
	return tok, locale.LargeWord{}, false
}

// englishLarge writes num, a number in English marks ("2.4", "8,400")
// counted in 10^exp, as approx writes it in English: "2.4 billion" of
// 2.4 and 9, "84 million" of Japanese's 8,400 and 4, "500,000" of 50 and
// 4, "1,200 trillion" of 1,200 and 12.
func englishLarge(num string, exp int) string {
	var english *locale.Locale
	digits := strings.ReplaceAll(num, ",", "")
	x, err := strconv.ParseFloat(digits+"e"+strconv.Itoa(exp), 64)
	if err != nil {
		return num
	}
	if x != 0 {
		mag := Magnitude(x)
		if sc, ok := english.LargeScale(mag, true); ok {
			// x's digits counted in a larger unit, which read back too.
			n, _ := strconv.ParseFloat(digits+"e"+strconv.Itoa(exp-sc.Exp), 64)
			return string(english.AppendLarge(nil, strconv.FormatFloat(n, 'f', -1, 64), mag, true))
		}
	}
	return english.Number(strconv.FormatFloat(x, 'f', -1, 64))
}

// numberMarks are the marks of a number typed in prose in a language.
type numberMarks struct {
	// groups group thousands: the language's separator (a comma in
	// English, a full stop in German), or a space, no-break space, thin
	// space or narrow no-break space as European style guides have it
	// ("12 000"). A group is exactly three digits after at most three,
	// so "in 2024 12 000 people" holds a year and a number.
	groups []string
	// decimal is the decimal mark: "." in English, "," in German.
	decimal string
	// percent are the ways a percent sign follows a number: "%", and
	// after a space in languages that write one ("12,5 %").
	percent []string
	// large are the words of large numbers in full, as approx writes
	// them: " million" in English, " Millionen" and " Million" in
	// German; a word after a space also after a no-break space or a
	// narrow one.
	large []locale.LargeWord
	// loc is the language numbers are read in; nil for English, and for a
	// language written with other digits than 0 to 9.
	loc *locale.Locale
	// ungrouped is the most digits the language writes a whole number
	// with, before its first group: 3 in English, 4 in Spanish (1234).
	ungrouped int
	// pairs is set where the groups left of the first are of two
	// digits, as in India's 12,34,567.
	pairs bool
}

// spaceGroups are the spaces that group thousands in every language.
var spaceGroups = []string{" ", "\u00a0", "\u2009", "\u202f"}

// marksOf returns the marks of numbers typed in the language of l. The
// check reads the digits 0 to 9 only: in a language written with other
// digits (Arabic's ١٢٬٠٠٠), a number typed with 0 to 9 is read the
// English way, as such numbers are written.
func marksOf(l *locale.Locale) numberMarks {
	n := l.Numbers()
	if n.Zero != '0' {
		l = nil
		n = l.Numbers()
	}
	m := numberMarks{decimal: n.Decimal, percent: []string{"%"}, loc: l, ungrouped: n.Primary + max(n.MinGrouping, 1) - 1, pairs: n.Secondary == 2}
	for _, w := range l.LargeWords() {
		m.large = append(m.large, w)
		for _, sp := range []string{" ", "\u00a0", "\u202f"} {
			if rest, ok := strings.CutPrefix(w.Text, sp); ok {
				for _, other := range []string{" ", "\u00a0", "\u202f"} {
					if other != sp {
						m.large = append(m.large, locale.LargeWord{Text: other + rest, Exp: w.Exp})
					}
				}
			}
		}
	}
	if n.Group != "" && !slices.Contains(spaceGroups, n.Group) {
		m.groups = append(m.groups, n.Group)
	}
	m.groups = append(m.groups, spaceGroups...)
	if sp := strings.TrimSuffix(n.PercentSuffix, "%"); sp != "" && sp != n.PercentSuffix && strings.TrimSpace(sp) == "" {
		m.percent = []string{" %", "\u00a0%", "\u202f%", "%"}
	}
	return m
}

// english writes the number tok, typed with m's marks, as plotline writes
// it in English, in which the values are looked up: "12 000" is
// "12,000", and so is German's "12.000"; German's "3,5" is "3.5". Other
// tokens are kept.
func (m numberMarks) english(tok string) string {
	if num, w, ok := cutLargeWord(tok, m.large); ok {
		return englishLarge(m.english(num), w.Exp)
	}
	if strings.ContainsFunc(tok, unicode.IsLetter) {
		return tok // a date: "15 April 2025"
	}
	// The percent sign first: its space may be a group's ("1 250 %").
	pct := ""
	for _, p := range m.percent {
		if num, ok := strings.CutSuffix(tok, p); ok {
			tok, pct = num, "%"
			break
		}
	}
	whole, frac, _ := strings.Cut(tok, m.decimal)
	grouped := false
	for _, sep := range m.groups {
		grouped = grouped || strings.Contains(whole, sep)
		whole = strings.ReplaceAll(whole, sep, "")
	}
	// Grouped in threes, as English groups 12,34,567 of India and 1234,
	// which Spanish writes without a group.
	if digits := strings.TrimPrefix(whole, "-"); grouped || isDigits(digits, 4, m.ungrouped) {
		whole = whole[:len(whole)-len(digits)] + (*locale.Locale)(nil).Number(digits)
	}
	return whole + pick(frac != "", "."+frac, "") + pct
}

// monthAt returns the month name s starts with, followed by a word
// boundary, or "".
func monthAt(s string) string {
	if s == "" || !strings.ContainsRune("JFMASOND", rune(s[0])) {
		return ""
	}
	for _, m := range months {
		if strings.HasPrefix(s, m) && !isLetterAt(s, len(m)) {
			return m
		}
	}
	return ""
}

// yearAfter returns the end of a year written after end with sep before
// it ("April 2025", "April 15, 2025"), or end when there is none.
func yearAfter(text string, end int, sep string) int {
	found := strings.HasPrefix(text[end:], sep) && digitsAt(text, end+len(sep), 4, 4) == 4 // and not a fifth
	return pick(found, end+len(sep)+4, end)
}

// digitsAt returns how many ASCII digits, from lo to hi, start at i; 0
// when there are fewer than lo or more than hi.
func digitsAt(text string, i, lo, hi int) int {
	n := 0
	for i+n < len(text) && text[i+n] >= '0' && text[i+n] <= '9' {
		n++
	}
	return pick(n < lo || n > hi, 0, n)
}

func isLetterAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return wordLetter(r)
}

// wordLetter reports whether r is a letter that joins a number beside it
// into a word ("3rd", "COVID-19"): a letter of a script written with
// spaces between words. Chinese, Japanese and Thai are written without,
// so "死者92人" holds the number 92.
func wordLetter(r rune) bool {
	return unicode.IsLetter(r) && !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}
