package locale

import (
	_ "embed"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// compactTable is CLDR's compact decimal formats from a million up, made
// by tools/cldrcompact: a line a locale, its name, its long patterns and
// its short ones.
//
//go:embed compact_cldr.tsv
var compactTable string

// compactLines indexes compactTable once a process, on first use.
var compactLines = sync.OnceValue(func() map[string]string { return tableLines(compactTable) })

// MinLarge and MaxLarge are the magnitudes of the large numbers a
// language writes with a word: from a million (10⁶) to a hundred
// trillion (10¹⁴); a larger number takes the word of MaxLarge.
const (
	MinLarge = 6
	MaxLarge = 14
)

// largeStyle is how a language writes large numbers in one style, long
// ("84 Millionen") or short ("84 Mio."): by magnitude from MinLarge, the
// word of each plural form, nil where it writes digits.
type largeStyle [MaxLarge - MinLarge + 1][]largeWord

// largeWord is the word a number takes in one plural form: the text
// before and after its digits, and the power of ten its digits count in.
type largeWord struct {
	form           plural.Form
	prefix, suffix string
	exp            int
}

// formNames are CLDR's names of the plural forms.
var formNames = map[string]plural.Form{
	"zero": plural.Zero, "one": plural.One, "two": plural.Two,
	"few": plural.Few, "many": plural.Many, "other": plural.Other,
}

// largeStyles are how a language writes large numbers, in full and
// short, and the words that follow the digits in full.
type largeStyles struct {
	long, short largeStyle
	words       []LargeWord
}

// englishLarge returns English's large numbers, which the nil Locale
// writes, read once a process, on first use.
var englishLarge = sync.OnceValue(func() *largeStyles {
	st := largeStylesOf(language.English)
	return &st
})

// largeStylesOf returns the large numbers of t: those of t or of the
// closest of its parents the table has; zero where none has any.
func largeStylesOf(t language.Tag) largeStyles {
	line, ok := ownOrParents(t, compactLines())
	if !ok {
		return largeStyles{}
	}
	long, short, _ := strings.Cut(line, "\t")
	st := largeStyles{long: readLargeStyle(long), short: readLargeStyle(short)}
	// The words after the digits in full, as LargeWords gives them.
	for _, mag := range st.long {
		for _, w := range mag {
			word := LargeWord{w.suffix, w.exp}
			if w.prefix == "" && w.suffix != "" && !slices.Contains(st.words, word) {
				st.words = append(st.words, word)
			}
		}
	}
	slices.SortStableFunc(st.words, func(a, b LargeWord) int { return len(b.Text) - len(a.Text) })
	return st
}

// readLargeStyle reads the patterns of one style, as tools/cldrcompact
// writes them: "one=0 Million;other=0 Millionen|…", a magnitude a field.
func readLargeStyle(s string) largeStyle {
	var st largeStyle
	for mag, field := range strings.Split(s, "|") {
		if mag >= len(st) || field == "0" {
			continue
		}
		for entry := range strings.SplitSeq(field, ";") {
			name, pattern, _ := strings.Cut(entry, "=")
			start := strings.IndexByte(pattern, '0')
			zeros := len(pattern[start:]) - len(strings.TrimLeft(pattern[start:], "0"))
			st[mag] = append(st[mag], largeWord{
				form:   formNames[name],
				prefix: pattern[:start],
				suffix: pattern[start+zeros:],
				exp:    MinLarge + mag - (zeros - 1),
			})
		}
	}
	return st
}

// LargeScale is how a language writes the numbers of one magnitude with a
// word: their digits count in 10^Exp, between Prefix and Suffix, the word
// of the plural form "other" (German's short "\u00a0Mio.").
type LargeScale struct {
	Exp            int
	Prefix, Suffix string
}

// LargeScale returns how l writes a number of magnitude mag (7 for
// 84,000,000) with a word, in full when long, else short: in millions in
// German ("84 Millionen", "84 Mio."), in ten thousands in Japanese
// ("8400万"). It reports false where l writes such a number in digits, as
// for a magnitude below MinLarge. The nil Locale is English's.
func (l *Locale) LargeScale(mag int, long bool) (LargeScale, bool) {
	words := l.largeWords(mag, long)
	if len(words) == 0 {
		return LargeScale{}, false
	}
	other := words[len(words)-1]
	return LargeScale{other.exp, other.prefix, other.suffix}, true
}

// AppendLarge appends num, a number of magnitude mag counted in the unit
// LargeScale gives and written by strconv ("84", "2.4"), with the word l
// writes it with in the plural form it takes: "84 Millionen", "2,4
// Milliarden", "1 Million", in Russian "2,4 миллиарда" and "5 миллиардов".
// Where l has no word for mag it appends num as AppendNumber does.
func (l *Locale) AppendLarge(b []byte, num string, mag int, long bool) []byte {
	words := l.largeWords(mag, long)
	if len(words) == 0 {
		return l.AppendNumber(b, num)
	}
	w := words[len(words)-1] // "other", which every language has
	form := l.pluralForm(num)
	if i := slices.IndexFunc(words, func(c largeWord) bool { return c.form == form }); i >= 0 {
		w = words[i]
	}
	b = append(b, w.prefix...)
	if mag <= MaxLarge {
		b = l.AppendLargeDigits(b, num)
	} else {
		b = l.AppendNumber(b, num) // "1,200 trillion"
	}
	return append(b, w.suffix...)
}

// AppendLargeDigits appends num, the digits of a large number counted in
// a LargeScale's unit and written by strconv, as AppendLarge writes them
// before or after the word: grouped from five digits on, as CLDR's
// compact numbers are, Japanese "8400万", not "8,400万".
func (l *Locale) AppendLargeDigits(b []byte, num string) []byte {
	return l.appendNumber(b, num, max(l.Numbers().MinGrouping, 2))
}

// largeWords returns the words of magnitude mag in the long or short
// style of l.
func (l *Locale) largeWords(mag int, long bool) []largeWord {
	if mag < MinLarge {
		return nil
	}
	mag = min(mag, MaxLarge)
	st := &englishLarge().short
	switch {
	case l != nil && long:
		st = &l.large.long
	case l != nil:
		st = &l.large.short
	case long:
		st = &englishLarge().long
	}
	return st[mag-MinLarge]
}

// pluralForm returns the form CLDR's cardinal plural rules give the
// number num in l's language: One for "1", Other for "2.4" in English.
func (l *Locale) pluralForm(num string) plural.Form {
	tag := language.English
	if l != nil {
		tag = l.tag
	}
	num = strings.TrimPrefix(num, "-")
	whole, frac, _ := strings.Cut(num, ".")
	digits := make([]byte, 0, len(num))
	for _, c := range []byte(whole + frac) {
		digits = append(digits, c-'0')
	}
	return plural.Cardinal.MatchDigits(tag, digits, len(whole), len(frac))
}

// LargeWord is a word that follows the digits of a large number written
// in full, and the power of ten the digits count in: " Millionen" and 6,
// "万" and 4.
type LargeWord struct {
	Text string
	Exp  int
}

// LargeWords returns the words l writes after the digits of a large
// number in full, as AppendLarge does, longest first, so that a reader
// of prose tries " Millionen" before " Million". Words written before
// the digits are left out. The nil Locale's are English's: " million",
// " billion", " trillion".
func (l *Locale) LargeWords() []LargeWord {
	if l == nil {
		return englishLarge().words
	}
	return l.large.words
}
