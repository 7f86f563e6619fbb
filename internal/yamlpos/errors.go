package yamlpos

import (
	"errors"
	"regexp"
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
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		if m, ok := findMistake(t.src); ok {
			return t.OffsetPos(m.off), m.msg
		}
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
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
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
	var pe toml.ParseError
	if errors.As(err, &pe) {
		// The decoder's column can run past its line (it counts from the
		// start of a multi-line construct); its byte offset does not.
		if off := pe.Position.Start; off >= 0 && off <= len(t.src) {
			return t.OffsetPos(off), pe.Message
		}
		return t.Pos(max(pe.Position.Line, 1), 1), pe.Message
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

// TOMLKey returns where the key k is written in the text, TOML, which its
// decoder does not say: the line "name = value" under the table header of
// k's table, or "table.name = value" above every header. It returns the
// positions of the key and of its value, or ok false when the key is
// written in a way it does not look for (quoted, in an inline table,
// three parts or more), as such a position only improves a message.
func (t *Text) TOMLKey(k toml.Key) (key, value diag.Pos, ok bool) {
	if len(k) == 0 || len(k) > 2 {
		return key, value, false
	}
	want, name := "", k[len(k)-1]
	if len(k) == 2 {
		want = k[0]
	}
	table := ""
	start := 0 // the byte offset of line
	for _, line := range strings.Split(string(t.src), "\n") {
		text := strings.TrimRight(line, "\r")
		trimmed := strings.TrimLeft(text, " \t")
		indent := len(text) - len(trimmed)
		lineStart := start
		start += len(line) + 1
		if strings.HasPrefix(trimmed, "[") {
			if end := strings.Index(trimmed, "]"); end > 0 {
				table = strings.TrimSpace(strings.Trim(trimmed[:end], "["))
			}
			continue
		}
		lhs, rhs, found := strings.Cut(trimmed, "=")
		if !found {
			continue
		}
		lhs = strings.TrimSpace(lhs)
		if !(table == want && lhs == name) && !(table == "" && want != "" && lhs == want+"."+name) {
			continue
		}
		valueStart := indent + len(trimmed) - len(strings.TrimLeft(rhs, " \t"))
		return t.OffsetPos(lineStart + indent), t.OffsetPos(lineStart + valueStart), true
	}
	return key, value, false
}
