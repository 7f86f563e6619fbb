package highlight

import (
	"unicode"
	"unicode/utf8"
)

// plainUnicode reports whether every non-ASCII rune in s is a letter or
// something that cannot be part of an identifier, number or space. chroma's
// regular expressions give digits, marks and spaces outside ASCII meanings
// the scanners do not model; input holding them goes to chroma.
func plainUnicode(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsLetter(r) {
			continue
		}
		if unicode.IsSpace(r) || unicode.In(r, unicode.M, unicode.N, unicode.Pc, unicode.Cf) {
			return false
		}
	}
	return true
}

// isSpace reports whether c is an ASCII space character as chroma's \s
// sees it, after line endings have been normalised.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f'
}

// isDigit reports whether c is an ASCII decimal digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isHex reports whether c is an ASCII hexadecimal digit.
func isHex(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// isIdentStart reports whether an identifier starts at s[i]: an ASCII
// letter, an underscore or a non-ASCII letter.
func isIdentStart(s string, i int) bool {
	c := s[i]
	if c < utf8.RuneSelf {
		return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// wordEnd returns the end of the run of word characters (letters, digits,
// underscores) starting at s[i].
func wordEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '_' || isDigit(c) || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			return i
		}
		i += n
	}
	return i
}

// isWordAt reports whether a word character starts at s[i].
func isWordAt(s string, i int) bool {
	return i < len(s) && wordEnd(s, i) > i
}

// spaceEnd returns the end of the run of spaces starting at s[i].
func spaceEnd(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// runeEnd returns the end of the rune starting at s[i].
func runeEnd(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return i + 1
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return i + n
}

// at returns s[i], or 0 past the end of s.
func at(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}
