package locale

import (
	"strings"

	"golang.org/x/text/language"
)

// monthYearForms are how a language writes a month of a year: CLDR's
// patterns of the month in full and shortened with its year ("LLLL y
// 'г'."), and its stand-alone month names, wide and abbreviated, where
// they are not those of a date (Russian's "ноябрь" for "ноября").
type monthYearForms struct {
	long, short       string
	alone, aloneShort [12]string
}

// monthYearOf returns how t writes a month of a year: as t or the closest
// of its CLDR parents that has its own forms, else as English. The table,
// months_cldr.go, is made by tools/cldrmonths.
func monthYearOf(t language.Tag) monthYearForms {
	base, script, region := t.Raw()
	if t2, err := language.Compose(base, script, region); err == nil {
		t = t2 // without extensions such as -u-nu-latn
	}
	for ; !t.IsRoot(); t = t.Parent() {
		if own, ok := cldrMonthYear(t.String()); ok {
			return own
		}
	}
	return monthYearForms{long: "MMMM y", short: "MMM y"}
}

// readPattern reads a CLDR date pattern of a month and its year, "LLLL y
// 'г'.", into its parts: letters are fields, text in single quotes and
// every other character is written as it is, and two single quotes are
// one. It returns nil when the pattern has a field plotline does not
// write (an era, a two-digit year, a padded or narrow month).
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
			n := 1
			for i+n < len(pattern) && pattern[i+n] == c {
				n++
			}
			kind, ok := patternField(c, n)
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

// patternField returns the kind of part that n letters c of a CLDR
// pattern write, and false for a field plotline does not write.
func patternField(c byte, n int) (partKind, bool) {
	switch {
	case c == 'y' && n != 2:
		return year, true
	case (c == 'M' || c == 'L') && n == 1:
		return monthNumber, true
	case c == 'M' && n == 3:
		return monthShort, true
	case c == 'M' && n == 4:
		return month, true
	case c == 'L' && n == 3:
		return monthAloneShort, true
	case c == 'L' && n == 4:
		return monthAlone, true
	}
	return text, false
}
