package claim

import (
	"cmp"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind says what a token is.
type tokKind int

const (
	tWord  tokKind = iota // letters: "by", "spring", "th" of "15th"
	tNum                  // digits with thousands commas and a decimal point, maybe signed: "-12,000.5"
	tPunct                // one other character: "-", "/", "%", ",", "$" …
)

// token is one word, number or mark of a phrase.
type token struct {
	kind  tokKind
	text  string // lower case; a number keeps its commas
	glued bool   // no space before it
	at    int    // where it starts in the phrase folded to lower case
}

// lex splits a phrase into tokens. Case is folded, runs of spaces count as
// one, en and em dashes are hyphens, and U+2212 is a minus sign. A hyphen
// is the sign of the number that follows when it stands at the start or
// after a space ("-5", "between −5 and 5"); between two numbers or words it
// is a dash ("2024-25", "mid-April"). A full stop straight after a word is
// dropped, so "Sept." and "approx." read as "sept" and "approx". Thousands
// may be grouped with commas or with spaces, thin or narrow no-break
// spaces included ("12 000"); a number's text has commas either way.
func lex(phrase string) []token {
	toks, _ := lexIn(phrase, nil)
	return toks
}

// lexIn splits a phrase as lex does, or, with l, as its language writes
// it: words of any letters ("März", "février"), a right single quotation
// mark read as an apostrophe, numbers written with l's marks ("12.000",
// "3,5" in German), whose text is written the English way ("12,000",
// "3.5"), and a full stop after a number that no digit follows dropped, as
// in "15. April"; a date written with numbers as the language writes it,
// "15.04.2025" in German or "15/04/2025" in French, is the day written
// the ISO way, 2025-04-15. It returns why a number cannot be read in l's
// language, or "".
func lexIn(phrase string, l *local) ([]token, string) {
	s := strings.ToLower(phrase)
	var toks []token
	reason := ""
	number := func(i int) (int, string) {
		if l == nil {
			j, text, _ := englishMarks().scanNumber(s, i)
			return j, text
		}
		j, text, why := l.scanNumber(s, i)
		reason = cmp.Or(reason, why)
		if j < len(s) && s[j] == '.' && (j+1 == len(s) || !isDigit(s[j+1])) {
			j++ // "15. April"
		}
		return j, text
	}
	glued := false // the next token follows the previous one without a space
	add := func(kind tokKind, text string, at int) {
		toks = append(toks, token{kind: kind, text: text, glued: glued && len(toks) > 0, at: at})
	}
	notLetter := func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || l != nil && c >= utf8.RuneSelf && unicode.IsLetter(c))
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' || r == '\u2009' || r == '\u202f':
			i += size
			glued = false
			continue
		case !notLetter(r):
			j := len(s)
			if k := strings.IndexFunc(s[i:], notLetter); k >= 0 {
				j = i + k
			}
			add(tWord, s[i:j], i)
			if j < len(s) && s[j] == '.' {
				j++
			}
			i = j
		case l != nil && r >= '0' && r <= '9' && l.numericDate(s[i:]) != nil:
			// "15.04.2025", "15/04/2025": the day 2025-04-15.
			m := l.numericDate(s[i:])
			for _, text := range []string{m[3], "-", fmt.Sprintf("%02s", m[2]), "-", fmt.Sprintf("%02s", m[1])} {
				add(pick(text == "-", tPunct, tNum), text, i)
				glued = true
			}
			i += len(m[0])
		case r >= '0' && r <= '9' || r == '.' && i+1 < len(s) && isDigit(s[i+1]):
			j, text := number(i)
			add(tNum, text, i)
			i = j
		case isDash(r) && (len(toks) == 0 || !glued || toks[len(toks)-1].text == "-") && i+size < len(s) &&
			(isDigit(s[i+size]) || s[i+size] == '.' && i+size+1 < len(s) && isDigit(s[i+size+1])):
			j, text := number(i + size)
			add(tNum, "-"+text, i)
			i = j
		case isDash(r):
			add(tPunct, "-", i)
			i += size
		default:
			add(tPunct, pick(r == '\u2019' && l != nil, "'", string(r)), i)
			i += size
		}
		glued = true
	}
	return toks, reason
}

// isDash reports whether r is a hyphen, a dash or a minus sign.
func isDash(r rune) bool { return strings.ContainsRune("-\u2010\u2011\u2012\u2013\u2014\u2212", r) }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// group reports whether s holds exactly three digits at k.
func group(s string, k int) bool {
	return k+3 <= len(s) && isDigit(s[k]) && isDigit(s[k+1]) && isDigit(s[k+2]) && (k+3 == len(s) || !isDigit(s[k+3]))
}
