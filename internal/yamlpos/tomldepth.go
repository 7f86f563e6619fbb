package yamlpos

import "bytes"

// MaxTOMLDepth bounds how deeply a TOML file (front matter, a config) may
// nest tables and arrays (see TOMLTooDeep). Real ones nest four or five
// levels. (The YAML decoder refuses depths beyond 10,000 by itself,
// quickly.)
const MaxTOMLDepth = 100

// TOMLTooDeep returns the 1-based line of the TOML text fm where its
// nesting first goes deeper than limit, or 0. Depth is counted
// generously, without parsing: the brackets and braces open at a place,
// plus the dots of dotted keys and numbers before it on its line, leaving
// out strings and comments.
// The TOML decoder takes time that grows much faster than its input with
// deeply nested arrays and inline tables, and a few hundred thousand
// levels exhaust the stack it recurses on, which ends the process: text
// that nests deeper than anything real is refused before it is decoded.
func TOMLTooDeep(fm []byte, limit int) int {
	line, brackets, dots := 1, 0, 0
	for i := 0; i < len(fm); i++ {
		c := fm[i]
		switch c {
		case '\n':
			line++
			dots = 0
		case '[', '{':
			brackets++
		case ']', '}':
			brackets = max(brackets-1, 0)
		case '.':
			dots++
		case '#':
			for i+1 < len(fm) && fm[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			// Skip the string: """…""", '''…''', "…" with escapes, or '…'.
			delim := fm[i : i+1]
			if i+2 < len(fm) && fm[i+1] == c && fm[i+2] == c {
				delim = fm[i : i+3]
			}
			j := i + len(delim)
			for j < len(fm) && !bytes.HasPrefix(fm[j:], delim) {
				if fm[j] == '\\' && c == '"' && j+1 < len(fm) {
					j++
				}
				if fm[j] == '\n' {
					if len(delim) == 1 {
						break // an unclosed one-line string: the decoder reports it
					}
					line++
				}
				j++
			}
			if j < len(fm) && fm[j] == '\n' {
				i = j - 1
			} else {
				i = min(j+len(delim), len(fm)) - 1
			}
		}
		if brackets+dots > limit {
			return line
		}
	}
	return 0
}
