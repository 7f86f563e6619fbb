package yamlpos

import (
	"bytes"
	"unicode/utf8"
)

// yamlLines converts positions in YAML text, where a line ends at a line
// feed, a carriage return or both, or at U+0085, U+2028 or U+2029, to
// positions in a file whose lines end at line feeds only. A carriage
// return alone or one of those three characters ends a line for YAML and
// not for an editor or for diag.At. Its zero value converts nothing.
type yamlLines struct {
	line []int // by YAML line from 0: the file line from 1
	col  []int // by YAML line from 0: the characters before it on its file line
	bom  bool  // the text starts with a byte-order mark, which YAML does not count
}

// newYAMLLines returns the conversion for src. It is the zero value when
// src has no carriage return alone, none of YAML's other line breaks and
// no byte-order mark, which is nearly always.
func newYAMLLines(src []byte) yamlLines {
	bom := bytes.HasPrefix(src, []byte("\ufeff"))
	if !hasYAMLOnlyBreak(src) {
		return yamlLines{bom: bom}
	}
	l := yamlLines{line: []int{1}, col: []int{0}, bom: bom}
	line, col := 1, 0
	for i := 0; i < len(src); {
		switch c := src[i]; {
		case c == '\n' || c == '\r' && (i+1 == len(src) || src[i+1] != '\n'):
			if c == '\n' {
				line, col = line+1, 0
			} else {
				col++
			}
			l.line, l.col = append(l.line, line), append(l.col, col)
			i++
		case c == '\r':
			i++ // the CR of CRLF
		case yamlOnlyBreak(src[i:]) > 0:
			col++
			l.line, l.col = append(l.line, line), append(l.col, col)
			i += yamlOnlyBreak(src[i:])
		default:
			_, size := utf8.DecodeRune(src[i:])
			col++
			i += size
		}
	}
	return l
}

// hasYAMLOnlyBreak reports whether src holds a line break that YAML counts
// and a file's lines do not: a carriage return alone, or U+0085 (next
// line), U+2028 (line separator) or U+2029 (paragraph separator).
func hasYAMLOnlyBreak(src []byte) bool {
	return bytes.Count(src, []byte("\r")) > bytes.Count(src, []byte("\r\n")) ||
		bytes.Contains(src, []byte("\u0085")) || bytes.Contains(src, []byte("\u2028")) || bytes.Contains(src, []byte("\u2029"))
}

// yamlOnlyBreak returns the length in bytes of the line break that b
// starts with when it is one that YAML counts and a file's lines do not:
// U+0085, U+2028 or U+2029. It returns 0 for anything else.
func yamlOnlyBreak(b []byte) int {
	switch {
	case len(b) >= 2 && b[0] == 0xc2 && b[1] == 0x85:
		return 2
	case len(b) >= 3 && b[0] == 0xe2 && b[1] == 0x80 && (b[2] == 0xa8 || b[2] == 0xa9):
		return 3
	}
	return 0
}

// pos returns the file line and column (both from 1, lines counted within
// the text) of the YAML line and column.
func (l yamlLines) pos(line, col int) (int, int) {
	if l.bom && line == 1 {
		col++
	}
	if l.line == nil || line < 1 {
		return line, col
	}
	k := min(line, len(l.line)) - 1
	return l.line[k], l.col[k] + col
}
