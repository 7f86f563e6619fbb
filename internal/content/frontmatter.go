package content

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/plotline/plotline/internal/yamlsubset"
	"go.yaml.in/yaml/v3"
)

// Format is the language of a page's front matter.
type Format int

const (
	// YAML front matter sits between "---" lines.
	YAML Format = iota
	// TOML front matter sits between "+++" lines.
	TOML
)

// split finds the front matter of src. It returns the front matter text, the
// offset where that text starts, the offset where the body starts, and the
// format. ok is false when src does not start with a front-matter fence;
// closed is false when the opening fence is never closed.
func split(src []byte) (fm []byte, fmStart, bodyStart int, format Format, ok, closed bool) {
	first, rest := cutLine(src)
	switch string(bytes.TrimRight(first, " \t\r\n")) {
	case "---":
		format = YAML
	case "+++":
		format = TOML
	default:
		return nil, 0, 0, 0, false, false
	}
	fence := string(bytes.TrimRight(first, " \t\r\n"))
	fmStart = len(src) - len(rest)
	off := fmStart
	for off < len(src) {
		line, next := cutLine(src[off:])
		t := string(bytes.TrimRight(line, " \t\r\n"))
		if t == fence || (format == YAML && t == "...") {
			return src[fmStart:off], fmStart, len(src) - len(next), format, true, true
		}
		off = len(src) - len(next)
	}
	return nil, fmStart, len(src), format, true, false
}

// cutLine returns the first line of b, newline included, and the rest.
func cutLine(b []byte) (line, rest []byte) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i+1], b[i+1:]
	}
	return b, nil
}

var yamlLineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// YAMLErrorLine splits an error of the YAML decoder, "yaml: line 3:
// message", into the 1-based line it blames, corrected for the decoder's
// parser errors (see yamlParserErrors), and the message. The line is 0
// when the error names none.
func YAMLErrorLine(err error) (line int, msg string) {
	msg = err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	m := yamlLineRE.FindStringSubmatch(msg)
	if m == nil {
		return 0, msg
	}
	line, _ = strconv.Atoi(m[1])
	if line > 0 && yamlParserErrors[m[2]] {
		line++
	}
	return line, m[2]
}

// yamlParserErrors are the messages of the YAML library's parser, as
// opposed to its scanner. The library counts the line of a parser error
// from 0 and of a scanner error from 1.
var yamlParserErrors = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"did not find expected node content":     true,
	"did not find expected key":              true,
	"did not find expected '-' indicator":    true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found duplicate %YAML directive":        true,
	"found duplicate %TAG directive":         true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// decodeYAML decodes YAML front matter into a node tree. On a syntax error
// it returns the 1-based line within fm that the decoder blamed (0 when it
// named none) and the message without its "yaml: line N:" prefix.
//
// Front matter in the common subset of YAML is read by yamlsubset, which
// gives the same tree several times faster; anything else, errors
// included, is read by yaml.v3.
func decodeYAML(fm []byte) (*yaml.Node, int, error) {
	if doc, ok := yamlsubset.Parse(fm); ok {
		return doc.Content[0], 0, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(fm, &doc); err != nil {
		line, msg := YAMLErrorLine(err)
		return nil, line, errors.New(msg)
	}
	if doc.Kind == 0 {
		return nil, 0, nil // empty front matter
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		return doc.Content[0], 0, nil
	}
	return &doc, 0, nil
}

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
// and a file's lines do not: a carriage return alone, or one of the runes
// yamlOnlyBreak finds.
func hasYAMLOnlyBreak(src []byte) bool {
	for i, c := range src {
		switch c {
		case '\r':
			if i+1 == len(src) || src[i+1] != '\n' {
				return true
			}
		case 0xc2, 0xe2: // the first bytes of U+0085, and of U+2028 and U+2029
			if yamlOnlyBreak(src[i:]) > 0 {
				return true
			}
		}
	}
	return false
}

// yamlOnlyBreak returns the length in bytes of the line break that b
// starts with when it is one that YAML counts and a file's lines do not:
// U+0085 (next line), U+2028 (line separator) or U+2029 (paragraph
// separator). It returns 0 for anything else.
func yamlOnlyBreak(b []byte) int {
	switch {
	case len(b) >= 2 && b[0] == 0xc2 && b[1] == 0x85:
		return 2
	case len(b) >= 3 && b[0] == 0xe2 && b[1] == 0x80 && (b[2] == 0xa8 || b[2] == 0xa9):
		return 3
	}
	return 0
}

// YAMLFilePos converts a line and column the YAML decoder gave for the text
// src (both from 1) to the line and column of src as a file: YAML ends
// lines at a carriage return alone and at U+0085, U+2028 and U+2029, where
// an editor does not, and does not count a byte-order mark that starts the
// text.
// A position past the end of src, where the decoder puts some errors
// about a text that ends too soon, becomes the end of its last line.
func YAMLFilePos(src []byte, line, col int) (int, int) {
	line, col = newYAMLLines(src).pos(line, col)
	text := bytes.TrimSuffix(src, []byte("\n"))
	if lines := bytes.Count(text, []byte("\n")) + 1; line > lines {
		last := text[bytes.LastIndexByte(text, '\n')+1:]
		return lines, utf8.RuneCount(last) + 1
	}
	return line, col
}

// pos returns the file line and column (both from 1, lines counted within
// src) of the YAML line and column.
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

// decodeTOML decodes TOML front matter and converts it to a YAML node tree,
// so that the rest of the pipeline reads one kind of tree. TOML positions
// are only known for syntax errors: every node of the tree carries line 1 of
// the front matter. Dates become YYYY-MM-DD strings.
func decodeTOML(fm []byte) (*yaml.Node, int, error) {
	if line := tooDeepTOML(fm, maxDepth); line > 0 {
		return nil, line, fmt.Errorf("nested more than %d levels deep", maxDepth)
	}
	var m map[string]any
	if _, err := toml.Decode(string(fm), &m); err != nil {
		var perr toml.ParseError
		if asParseError(err, &perr) {
			return nil, perr.Position.Line, fmt.Errorf("%s", perr.Message)
		}
		return nil, 0, err
	}
	var n yaml.Node
	if err := n.Encode(normalizeTOML(m)); err != nil {
		return nil, 0, err
	}
	setLine(&n, 1)
	return &n, 0, nil
}

// maxDepth bounds how deeply TOML front matter may nest tables and
// arrays. Real front matter nests four or five levels; the TOML decoder
// takes time that grows much faster than the input with deeply nested
// inline tables, so deeper input is refused before it is decoded. (The
// YAML decoder refuses depths beyond 10,000 by itself, quickly.)
const maxDepth = 100

// tooDeepTOML returns the 1-based line of fm where its nesting first goes
// deeper than limit, or 0. Depth is counted generously, without parsing:
// the brackets and braces open at a place, plus the dots of dotted keys
// and numbers before it on its line, leaving out strings and comments.
func tooDeepTOML(fm []byte, limit int) int {
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

func asParseError(err error, target *toml.ParseError) bool {
	pe, ok := err.(toml.ParseError)
	if ok {
		*target = pe
	}
	return ok
}

// normalizeTOML turns TOML dates into the YYYY-MM-DD strings YAML front
// matter uses.
func normalizeTOML(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			v[k] = normalizeTOML(x)
		}
	case []any:
		for i, x := range v {
			v[i] = normalizeTOML(x)
		}
	case []map[string]any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = normalizeTOML(x)
		}
		return out
	case time.Time:
		if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 {
			return v.Format("2006-01-02")
		}
		return v.Format(time.RFC3339)
	}
	return v
}

func setLine(n *yaml.Node, line int) {
	n.Line, n.Column = line, 1
	for _, c := range n.Content {
		setLine(c, line)
	}
}
