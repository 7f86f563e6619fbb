package data

// The hints that follow an error about a date or a number a writer wrote
// another way than plotline reads it: what to write instead.

import (
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/plotline/plotline/internal/yamlpos"
)

// DateHint says how to write s, a date that parseDate refused, as
// YYYY-MM-DD: as yamlpos.DateHint says for a date written another way,
// and, for a date with a time of day (2024-03-01T00:00:00Z), the day
// alone, as a date of the data other than an observation's is a calendar
// day: the day as written, whatever the time and zone after it. It is ""
// when s is no date it knows.
func DateHint(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 10 && (s[10] == 'T' || s[10] == 't' || s[10] == ' ') {
		if d, ok := parseDate(s[:10]); ok {
			return fmt.Sprintf(": only an observation's date takes a time of day; write %s", d.Format(time.DateOnly))
		}
	}
	return yamlpos.DateHint(s)
}

// currency is a sign of money and the word of its unit.
type currency struct{ sign, unit string }

// currencies are the signs numberHint takes off a number, with the word
// for the block's unit; moneyUnit and the check of typed numbers know
// money by them.
var currencies = []currency{
	// Signs that hold another are looked for first: "US$" before "S$",
	// "CA$" before "A$", "C$" before "$".
	{"US$", "dollars"}, {"CA$", "canadian dollars"}, {"AU$", "australian dollars"}, {"NZ$", "new zealand dollars"},
	{"HK$", "hong kong dollars"}, {"C$", "canadian dollars"}, {"A$", "australian dollars"}, {"S$", "singapore dollars"},
	{"MX$", "pesos"}, {"COL$", "pesos"}, {"NT$", "new taiwan dollars"}, {"R$", "reais"}, {"CN¥", "yuan"}, {"JP¥", "yen"},
	{"$", "dollars"}, {"€", "euros"}, {"£", "pounds"}, {"¥", "yen"}, {"₹", "rupees"}, {"₩", "won"}, {"₽", "roubles"},
}

// missingHint is numberHint's for a placeholder of a missing observation.
const missingHint = ": a date without an observation is left out of the data: delete its line"

// numberHint says how to write s, a value that is no number, when it is a
// number written with a sign plotline does not read or a placeholder for
// a missing observation: ", write 12, and give the block unit: percent"
// for 12%, the same with dollars for $1,200, the point for a decimal
// comma (3,5), and that a date without an observation is left out for
// NA, n/a or a dash. It is "" otherwise.
func numberHint(s string) string {
	t := strings.TrimSpace(s)
	if ascii, ok := yamlpos.ASCIIDigits(t); ok {
		// Digits of another script, ١٢٣ or １２３: a number to the eye,
		// none to a program. Arabic's decimal and thousands separators
		// go with its digits.
		ascii = strings.NewReplacer("\u066b", ".", "\u066c", "").Replace(ascii)
		if _, _, ok := decimalDigits(ascii); ok {
			return ", write " + ascii + ", with the digits 0 to 9"
		}
		if hint := numberHint(ascii); hint != "" {
			return ": with the digits 0 to 9 it is " + ascii + hint
		}
		return ""
	}
	switch strings.ToLower(t) {
	case "na", "n/a", "n.a.", "nan", ".nan", "null", "none", "-", "–", "—", "..", "...", "?":
		return missingHint
	}
	for _, minus := range []string{"\u2212", "\u2013", "\u2014"} {
		// −5, as typeset text writes it: the sign of a number is a
		// hyphen-minus.
		if rest, ok := strings.CutPrefix(t, minus); ok {
			if _, _, ok := decimalDigits(rest); ok && !strings.HasPrefix(rest, "-") && !strings.HasPrefix(rest, "+") {
				return ", write -" + rest + ", with a hyphen-minus (-) as the sign"
			}
		}
	}
	unit := ""
	if rest, ok := strings.CutSuffix(t, "%"); ok {
		t, unit = strings.TrimSpace(rest), "percent"
	}
	for _, c := range currencies {
		if rest, ok := strings.CutPrefix(t, c.sign); ok {
			t, unit = strings.TrimSpace(rest), c.unit
		} else if rest, ok := strings.CutSuffix(t, c.sign); ok {
			t, unit = strings.TrimSpace(rest), c.unit
		}
	}
	if unit != "" {
		if plain, ok := withoutSeparators(t); ok {
			t = plain
		}
		if _, _, ok := decimalDigits(t); ok {
			return fmt.Sprintf(", write %s, and give the block unit: %s", t, unit)
		}
		return ""
	}
	if hint := scaledHint(t); hint != "" {
		return hint
	}
	if num, unit, ok := withUnit(t); ok {
		return fmt.Sprintf(", write %s, and give the block unit: %s", num, unit)
	}
	whole, frac, ok := strings.Cut(strings.TrimPrefix(t, "-"), ",")
	if ok && isDigits(whole, 1, 20) && isDigits(frac, 1, 20) {
		return fmt.Sprintf(": if the comma marks decimals, write %s.%s", strings.TrimSuffix(t, ","+frac), frac)
	}
	return ""
}

// withUnit splits t, a number followed by a unit in letters ("1066.9ft",
// "12 people a day", "-3 °C", and digits in a rate's base after "per":
// "7.9 deaths per 100,000 people"), into the number and the unit. It
// reports false for anything else, an exponent ("12e ft") included.
func withUnit(t string) (num, unit string, ok bool) {
	i := strings.IndexFunc(t, func(r rune) bool { return r != '-' && r != '+' && r != '.' && (r < '0' || r > '9') })
	if i <= 0 {
		return "", "", false
	}
	num, unit = t[:i], strings.TrimSpace(t[i:])
	if _, _, ok := decimalDigits(num); !ok || unit == "" {
		return "", "", false
	}
	words, base := unit, ""
	if k := strings.Index(" "+unit, " per "); k >= 0 {
		words, base = unit[:k], unit[k+4:]
	}
	if strings.ContainsFunc(words, func(r rune) bool { return r != ' ' && r != '°' && (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') }) ||
		strings.ContainsFunc(base, func(r rune) bool {
			return !strings.ContainsRune(" ,.", r) && (r < '0' || r > '9') && (r < 'a' || r > 'z') && (r < 'A' || r > 'Z')
		}) {
		return "", "", false
	}
	if strings.HasPrefix(strings.ToLower(unit), "e") && !strings.Contains(t[:i+1], " ") {
		return "", "", false // 12e3 misread, or a bare exponent
	}
	return num, unit, true
}

// scales are the words and letters numberHint reads after a number, with
// their powers of ten: 1.5 million, 1.5m, 12k.
var scales = []struct {
	word string
	exp  int
}{{"thousand", 3}, {"million", 6}, {"billion", 9}, {"trillion", 12}, {"bn", 9}, {"mn", 6}, {"k", 3}, {"m", 6}, {"b", 9}}

// scaledHint says how to write t, a number followed by a scale such as
// "1.5 million" or "12k", in digits: ", write 1500000, or 1.5 with
// million in the block's unit". It is "" for anything else.
func scaledHint(t string) string {
	for _, sc := range scales {
		n := len(t) - len(sc.word)
		if n < 0 || !strings.EqualFold(t[n:], sc.word) {
			continue
		}
		num := strings.TrimSpace(t[:n])
		if _, _, ok := decimalDigits(num); !ok || len(num) > 40 || strings.ContainsAny(num, "eE") {
			// Digits and a point only: 1e999999999k would take big.Rat
			// a billion digits; "7.9 per 100k" is a number and a unit.
			continue
		}
		r, ok := new(big.Rat).SetString(num)
		if !ok {
			return ""
		}
		r.Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(sc.exp)), nil)))
		digits := pick(r.IsInt(), r.FloatString(0), strings.TrimRight(r.FloatString(20), "0"))
		word := map[int]string{3: "thousand", 6: "million", 9: "billion", 12: "trillion"}[sc.exp]
		return fmt.Sprintf(", write %s, or %s with %s in the block's unit", digits, num, word)
	}
	return ""
}
