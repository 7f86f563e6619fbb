package yamlpos

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/diag"
)

// Error returns where in the file the YAML decoder's error err about the
// text is, and what it means. For a syntax error it looks in the text
// for the mistake, at its line and column, and says it in a writer's
// words (see findMistake); where it finds none, it gives the decoder's
// message at the line the decoder blamed, corrected as errorLine says.
func (t *Text) Error(err error) (diag.Pos, string) {
	line, msg := errorLine(err)
	if _, ok := errors.AsType[*yaml.TypeError](err); !ok {
		if m, ok := findMistake(t.src); ok {
			return t.OffsetPos(m.off), m.msg
		}
	}
	if off, r, ok := Unprintable(t.src); ok && line == 0 {
		// "control characters are not allowed", of no line: Word's
		// manual line break, U+000B, inside a description.
		return t.OffsetPos(off), UnprintableMessage(r)
	}
	return t.Pos(max(line, 1), 1), msg
}

// Mistake looks in the text, which the decoder read but not as the
// mapping it should hold, for a mistake that explains why: a first line
// with no colon, a key set with "=". It reports false when it finds none.
func (t *Text) Mistake() (diag.Pos, string, bool) {
	m, ok := findMistake(t.src)
	if !ok {
		return diag.Pos{}, "", false
	}
	return t.OffsetPos(m.off), m.msg, true
}

var yamlLineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// errorLine splits an error of the YAML decoder, "yaml: line 3: message",
// into the line of the text it blames (from 1) and the message. The line
// is 0 when the error names none.
//
// The decoder counts the line of a parser error (as opposed to a scanner
// error) from 0, so one is added to it; and it names the line where the
// construct the parser was reading began, not the line of the mistake,
// which is why Error looks for the mistake itself.
func errorLine(err error) (line int, msg string) {
	msg = err.Error()
	if te, ok := errors.AsType[*yaml.TypeError](err); ok && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	m := yamlLineRE.FindStringSubmatch(msg)
	if m == nil {
		return 0, msg
	}
	line, _ = strconv.Atoi(m[1])
	if line > 0 && parserErrors[m[2]] {
		line++
	}
	return line, m[2]
}

// parserErrors are the messages of the YAML decoder's parser, as opposed
// to its scanner.
var parserErrors = map[string]bool{
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

// tomlLineRE matches a TOML decoding error that names its line:
// `toml: line 3 (last key "k"): message`.
var tomlLineRE = regexp.MustCompile(`(?s)^toml: line (\d+)(?: \(last key "([^"]*)"\))?: (.*)$`)

// TOMLError returns where in the file the TOML decoder's error err about
// the text is, and its message. A syntax error has its line and column;
// a value of the wrong type has its line and names its key.
func (t *Text) TOMLError(err error) (diag.Pos, string) {
	if pe, ok := errors.AsType[toml.ParseError](err); ok {
		// The decoder's column can run past its line (it counts from the
		// start of a multi-line construct); its byte offset does not.
		pos := t.Pos(max(pe.Position.Line, 1), 1)
		if off := pe.Position.Start; off >= 0 && off <= len(t.src) {
			pos = t.OffsetPos(off)
			if pos, msg, ok := t.tomlCommaNumber(off); ok {
				return pos, msg
			}
			if pos, msg, ok := t.tomlBraces(off); ok {
				return pos, msg
			}
			if pos, msg, ok := t.tomlUnclosed(pe.Message, off); ok {
				return pos, msg
			}
		}
		return t.tomlMessage(pe.Message, pos)
	}
	m := tomlLineRE.FindStringSubmatch(err.Error())
	if m == nil {
		return diag.Pos{Path: t.path, Line: t.line, Col: 1}, err.Error()
	}
	line, _ := strconv.Atoi(m[1])
	pos := diag.Pos{Path: t.path, Line: t.line + line - 1}
	if m[2] != "" {
		return pos, m[2] + ": " + m[3]
	}
	return pos, m[3]
}

// tomlBracesRE matches the text of a line up to where the TOML decoder
// stopped at the second brace of a value written "{{ … }}" without quotes,
// which it took for an inline table whose first key is a brace.
var tomlBracesRE = regexp.MustCompile(`=[ \t]*(\{)[ \t]*$`)

// tomlBraces says, for a decoding error at the byte offset off, whether it
// comes from a {{ }} written as a value without quotes, as YAML front
// matter says it: at the first brace, with the value in quotes.
func (t *Text) tomlBraces(off int) (diag.Pos, string, bool) {
	if off >= len(t.src) || t.src[off] != '{' {
		return diag.Pos{}, "", false
	}
	start := bytes.LastIndexByte(t.src[:off], '\n') + 1
	m := tomlBracesRE.FindSubmatchIndex(t.src[start:off])
	if m == nil {
		return diag.Pos{}, "", false
	}
	open := start + m[2]
	end := len(t.src)
	if i := bytes.IndexByte(t.src[open:], '\n'); i >= 0 {
		end = open + i
	}
	value := bytes.TrimRight(t.src[open:end], "\r")
	if i := bytes.Index(value, []byte(" #")); i >= 0 {
		value = value[:i]
	}
	return t.OffsetPos(open), bracesMessage(value, "TOML as a table"), true
}

// tomlCommaBeforeRE matches the text of a line up to where the TOML
// decoder stopped after a number written with commas in an inline table,
// "value = 1,545", whose digits after a comma it took for a key; and
// tomlCommaAfterRE the groups of digits that follow where it stopped.
var (
	tomlCommaBeforeRE = regexp.MustCompile(`([A-Za-z0-9_-]+)\s*=\s*(-?\d+)((?:,\d+)+)\s*$`)
	tomlCommaAfterRE  = regexp.MustCompile(`^(?:,\d+)*`)
)

// tomlCommaNumber says, for a decoding error at the byte offset off, whether
// it comes from a number written with a comma in an inline table, as YAML
// front matter says it: at the number, what it reads as and what to write.
func (t *Text) tomlCommaNumber(off int) (diag.Pos, string, bool) {
	start := bytes.LastIndexByte(t.src[:off], '\n') + 1
	m := tomlCommaBeforeRE.FindSubmatchIndex(t.src[start:off])
	if m == nil {
		return diag.Pos{}, "", false
	}
	key, whole := string(t.src[start+m[2]:start+m[3]]), string(t.src[start+m[4]:start+m[5]])
	groups := string(t.src[start+m[6] : start+m[7]])
	groups += string(tomlCommaAfterRE.Find(t.src[off:]))
	parts := strings.Split(groups[1:], ",")
	written := whole + groups
	msg := fmt.Sprintf("%s = %s reads as %s and a key %q, because a comma separates keys in {…}: ", key, written, whole, parts[0])
	if !slices.ContainsFunc(parts, func(p string) bool { return len(p) != 3 }) { // groups of thousands
		msg += fmt.Sprintf("write %s, without a thousands separator", whole+strings.Join(parts, ""))
	} else if len(parts) == 1 {
		msg += fmt.Sprintf("if the comma marks decimals, write %s.%s", whole, parts[0])
	} else {
		return diag.Pos{}, "", false
	}
	return t.OffsetPos(start + m[4]), msg, true
}

// tomlUnclosed says, for the TOML decoder's message msg about the byte
// offset off, whether it means a list, an inline table, a text or a
// table's name left open, or a comma missing between two items: the
// decoder stops where the closing mark or the comma should have been,
// often on the next line for the first, and YAML front matter reports
// such a mistake at the opening mark, or at the item after the missing
// comma, in these words.
func (t *Text) tomlUnclosed(msg string, off int) (diag.Pos, string, bool) {
	open := scanTOMLOpen(t.src, off, nil)
	list := func(c byte) (diag.Pos, string, bool) {
		n := len(open.brackets)
		if n == 0 || t.src[open.brackets[n-1]] != c {
			return diag.Pos{}, "", false
		}
		at, closed := open.brackets[n-1], false
		scanTOMLOpen(t.src, len(t.src), func(i int) { closed = closed || i == at })
		if !closed {
			return t.OffsetPos(at), unclosed(c), true
		}
		end := bytes.IndexByte(t.src[off:], '\n')
		if end < 0 {
			end = len(t.src) - off
		}
		if end == 0 {
			return diag.Pos{}, "", false
		}
		return t.OffsetPos(off), fmt.Sprintf("a comma is missing before %q", entryStart(t.src, off, off+end)), true
	}
	switch {
	case strings.HasPrefix(msg, "expected a comma (',') or array terminator (']')"):
		return list('[')
	case strings.HasPrefix(msg, "expected a comma or an inline table terminator '}'"):
		return list('{')
	case msg == "strings cannot contain newlines" && open.quote >= 0:
		return t.OffsetPos(open.quote), unclosed(t.src[open.quote]), true
	case strings.Contains(msg, "to end table name") && open.header >= 0:
		end := "]"
		if bytes.HasPrefix(t.src[open.header:], []byte("[[")) {
			end = "]]"
		}
		return t.OffsetPos(open.header), fmt.Sprintf(`this "[" is never closed: end the table's name with %q`, end), true
	}
	return diag.Pos{}, "", false
}

// tomlOpen is what is still open at a place in a TOML text, as byte
// offsets: the brackets and braces of values, outermost first; the quote
// of a one-line text open at the end of the place's line (-1 for none);
// and the "[" of a table's name on the place's line (-1 for none).
type tomlOpen struct {
	brackets []int
	quote    int
	header   int
}

// scanTOMLOpen reads the TOML text src up to the byte offset end, skipping
// comments and texts, and says what is open there (see tomlOpen). It calls
// closed, when not nil, with the offset of each bracket or brace that its
// own kind of mark closes; one left open inside it ("[1, {a = [2}]")
// is not.
func scanTOMLOpen(src []byte, end int, closed func(open int)) tomlOpen {
	o := tomlOpen{quote: -1, header: -1}
	end = min(end, len(src))
	lineStart := true
	for i := 0; i < end; i++ {
		c := src[i]
		switch {
		case c == '\n':
			lineStart, o.quote, o.header = true, -1, -1
			continue
		case c == ' ' || c == '\t' || c == '\r':
			continue
		case c == '#':
			for i+1 < end && src[i+1] != '\n' {
				i++
			}
		case c == '[' && lineStart && len(o.brackets) == 0:
			o.header = i
			for i+1 < end && src[i+1] != '\n' && src[i+1] != ']' {
				i++
			}
		case c == '[' || c == '{':
			o.brackets = append(o.brackets, i)
		case c == ']' || c == '}':
			opener := byte('[')
			if c == '}' {
				opener = '{'
			}
			for n := len(o.brackets); n > 0; n-- {
				at := o.brackets[n-1]
				o.brackets = o.brackets[:n-1]
				if src[at] == opener {
					if closed != nil {
						closed(at)
					}
					break
				}
			}
		case c == '"' || c == '\'':
			q := []byte{c, c, c}
			if bytes.HasPrefix(src[i:], q) {
				close := bytes.Index(src[i+3:], q)
				if close < 0 {
					return o
				}
				i += 3 + close + 2
				break
			}
			start := i
			for i++; i < end && src[i] != c && src[i] != '\n'; i++ {
				if c == '"' && src[i] == '\\' {
					i++
				}
			}
			if i >= end || src[i] == '\n' {
				o.quote = start
				i--
			}
		}
		lineStart = false
	}
	return o
}

// tomlDuplicateRE matches the TOML decoder's words for a key set twice.
var tomlDuplicateRE = regexp.MustCompile(`^Key '([^']*)' has already been defined\.$`)

// tomlMessage returns the TOML decoder's message msg about the place pos,
// in the words used for YAML where they say the same, and the place to
// report it at: a key set twice is a duplicate key, with the line of its
// first place when TOMLPlaces finds it; a multi-line string never closed,
// which the decoder finds at the end of the text, is reported at its
// opening quotes, the last of their kind in the text.
func (t *Text) tomlMessage(msg string, pos diag.Pos) (diag.Pos, string) {
	for _, q := range []string{`"""`, "'''"} {
		if msg == "unexpected EOF; expected '"+q+"'" {
			if i := bytes.LastIndex(t.src, []byte(q)); i >= 0 {
				return t.OffsetPos(i), "this text is never closed: end it with " + q
			}
		}
	}
	m := tomlDuplicateRE.FindStringSubmatch(msg)
	if m == nil {
		return pos, msg
	}
	if places := t.TOMLPlaces()[m[1]]; len(places) > 0 {
		if first := t.Pos(places[0].KeyLine, 1).Line; first < pos.Line {
			return pos, Duplicate(m[1], "", first)
		}
	}
	return pos, fmt.Sprintf("duplicate key %q", m[1])
}

// TOMLKey returns where the key k is written in the text, TOML, which its
// decoder does not say: the first place TOMLPlaces finds for it. It
// returns the positions of the key and of its value in the file, or ok
// false when the key is written in a way TOMLPlaces does not look for, as
// such a position only improves a message.
func (t *Text) TOMLKey(k toml.Key) (key, value diag.Pos, ok bool) {
	places := t.TOMLPlaces()[strings.Join(k, ".")]
	if len(places) == 0 {
		return key, value, false
	}
	p := places[0]
	return t.Pos(p.KeyLine, p.KeyCol), t.Pos(p.ValueLine, p.ValueCol), true
}

// TOMLPlace is where a key of a TOML text is set: the line and column in
// the text (from 1) of the key and of its value, as a YAML decoder counts
// them and Pos takes them. For a table header, both are the header's name.
type TOMLPlace struct {
	KeyLine, KeyCol, ValueLine, ValueCol int
}
