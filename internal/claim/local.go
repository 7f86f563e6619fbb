package claim

import (
	"fmt"
	"regexp"
	"strings"
)

// local is how a page in a language other than English is read: the words
// of its language, and the marks its numbers are written with.
type local struct {
	lang *language
	// decimal and group are the page's decimal mark and the mark between
	// its groups of thousands: "," and "." in German, "," and a no-break
	// space in French.
	decimal, group string
}

// localOf returns how o's phrases are read besides English, or nil when
// they are read as English only: o.Language has no table of words here.
func localOf(o Options) *local {
	lang := languages()[o.Language]
	if lang == nil {
		return nil
	}
	l := &local{lang: lang, decimal: o.Decimal, group: o.Group}
	if l.decimal == "" {
		l.decimal, l.group = lang.Decimal, lang.Group
	}
	return l
}

// Wording returns the English words s as a page of o's language writes
// them ("about" is "etwa" in German), for a message to offer them in the
// page's language; s itself where the language has no table here or no
// wording of one of its words.
func Wording(s string, o Options) string {
	if l := localOf(o); l != nil {
		if ws := l.write(s); len(ws) > 0 {
			return ws[0]
		}
	}
	return s
}

// numericDates match a day written with numbers, day first, at the start
// of a text, by the mark between its parts: "15.04.2025", "15/04/2025".
var numericDates = map[string]*regexp.Regexp{
	".": regexp.MustCompile(`^([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})(?:[^0-9.]|\.?$)`),
	"/": regexp.MustCompile(`^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})(?:[^0-9/]|$)`),
}

// numericDate returns the day, month and year of a day written with
// numbers as l's language writes it at the start of s, or nil.
func (l *local) numericDate(s string) []string {
	re := numericDates[l.lang.DateMark]
	if re == nil {
		return nil
	}
	m := re.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	m[0] = m[0][:len(m[1])+len(m[2])+len(m[3])+2]
	return m
}

// englishMarks reads numbers as English writes them: it has no language,
// and so finds no number that cannot be read.
func englishMarks() *local { return &local{decimal: ".", group: ","} }

// isSpace reports whether s is a space that may group thousands.
func isSpace(s string) bool {
	return s == " " || s == "\u00a0" || s == "\u2009" || s == "\u202f"
}

// scanNumber reads the number that starts at s[i] as l's language writes
// it: digits, then groups of exactly three digits after one separator
// (only after at most three leading digits, and with the same separator
// throughout), the page's group mark or a space, then the decimal mark and
// digits. It returns the end, the text written the English way
// ("12,000.5", so "12 000" reads as "12,000"; "2024 12 000" is two
// numbers, since a group follows at most three digits), and, in a
// language other than English, why the number cannot be read: a
// decimal mark followed by three zeros after one to three digits
// ("12,000", twelve thousand to a reader of English and 12 in German), or
// a mark between digits that the language does not write there ("1.5" in
// German or French). Other decimals are read as the language reads them:
// "8,845" is 8.845 in German, as plotline writes that number there.
func (l *local) scanNumber(s string, i int) (int, string, string) {
	whole := digitsAfter(s, i)
	j, text := i+len(whole), whole
	grouped := false
	if j-i >= 1 && j-i <= 3 {
		// The page's group mark, unless it is a space, then the spaces,
		// then, after "’", "'": "12'000", as Swiss German is typed.
		for k, sep := range [...]string{l.group, " ", "\u00a0", "\u2009", "\u202f", "'"} {
			if k == 0 && (sep == "" || isSpace(sep)) || k == 5 && l.group != "\u2019" {
				continue
			}
			for strings.HasPrefix(s[j:], sep) && group(s, j+len(sep)) {
				text += "," + s[j+len(sep):j+len(sep)+3]
				j += len(sep) + 3
				grouped = true
			}
			if grouped {
				break
			}
		}
	}
	why := ""
	if strings.HasPrefix(s[j:], l.decimal) && j+len(l.decimal) < len(s) && isDigit(s[j+len(l.decimal)]) {
		frac := digitsAfter(s, j+len(l.decimal))
		if l.lang != nil && !grouped && whole != "" && whole != "0" && len(whole) <= 3 && frac == "000" && (l.decimal == "," || l.decimal == ".") {
			why = l.twoWays(whole, frac)
		}
		text += "." + frac
		j += len(l.decimal) + len(frac)
	}
	if l.lang != nil && why == "" && (whole == "" && l.decimal != "." || j < len(s) && (s[j] == '.' || s[j] == ',') && j+1 < len(s) && isDigit(s[j+1])) {
		// A mark where the language writes none.
		why = fmt.Sprintf("%q is not how %s writes numbers: write them as 12%s000 and 3%s5",
			s[i:min(len(s), j+1)]+digitsAfter(s, j+1), l.lang.Name, l.shownGroup(), l.decimal)
		if whole == "" {
			// ".5": read the English way, for the message alone.
			k, t, _ := englishMarks().scanNumber(s, i)
			return k, t, why
		}
	}
	return j, text, why
}

// digitsAfter returns the digits of s from k on.
func digitsAfter(s string, k int) string {
	return s[k : len(s)-len(strings.TrimLeft(s[k:], "0123456789"))]
}

// twoWays says why whole, a decimal mark and three zeros, such as
// "12,000", is refused: a reader of English takes the mark for one between
// thousands, and one of the language for the decimal mark of twelve.
func (l *local) twoWays(whole, frac string) string {
	n := whole + l.decimal + frac
	thousands := whole + l.shownGroup() + frac
	if l.decimal == "." {
		// Swiss German: a German reader from elsewhere groups with it.
		return fmt.Sprintf("%q is %s thousand where %s groups thousands with \".\" and %s on this page; write %q for %s thousand, or %q", n, whole, l.lang.Name, whole, thousands, whole, whole)
	}
	return fmt.Sprintf("%q is %s thousand in English and %s in %s; write %q for %s thousand, or %q", n, whole, whole, l.lang.Name, thousands, whole, whole)
}

// shownGroup is the group mark as a message writes it: a space for any
// kind of space.
func (l *local) shownGroup() string {
	return pick(isSpace(l.group) || l.group == "", " ", l.group)
}
