package content

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/yamlpos"
	"github.com/plotline/plotline/internal/yamlsubset"
)

// split finds the front matter of src. It returns the front matter text, the
// offset where that text starts, the offset where the body starts, and the
// fence that opens it: "---" for YAML, "+++" for TOML. ok is false when src
// does not start with a front-matter fence; closed is false when the
// opening fence is never closed.
func split(src []byte) (fm []byte, fmStart, bodyStart int, fence string, ok, closed bool) {
	first, rest := cutLine(src)
	// fence is set to a constant: the line converted would be allocated.
	switch string(bytes.TrimRight(first, " \t\r\n")) {
	case "---":
		fence = "---"
	case "+++":
		fence = "+++"
	default:
		return nil, 0, 0, "", false, false
	}
	fmStart = len(src) - len(rest)
	off := fmStart
	for off < len(src) {
		line, next := cutLine(src[off:])
		t := string(bytes.TrimRight(line, " \t\r\n"))
		if t == fence || (fence == "---" && t == "...") {
			return src[fmStart:off], fmStart, len(src) - len(next), fence, true, true
		}
		off = len(src) - len(next)
	}
	return nil, fmStart, len(src), fence, true, false
}

// cutLine returns the first line of b, newline included, and the rest.
func cutLine(b []byte) (line, rest []byte) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i+1], b[i+1:]
	}
	return b, nil
}

// decodeYAML decodes the YAML front matter t into a node tree. On a
// syntax error it returns where the mistake is in the file and what it
// is (see yamlpos.Text.Error).
//
// Front matter in the common subset of YAML is read by yamlsubset, which
// gives the same tree several times faster; anything else, errors
// included, is read by yaml.v3.
func decodeYAML(t *yamlpos.Text, fm []byte) (*yaml.Node, diag.Pos, error) {
	if doc, ok := yamlsubset.Parse(fm); ok {
		return doc.Content[0], diag.Pos{}, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(fm, &doc); err != nil {
		pos, msg := t.Error(err)
		return nil, pos, errors.New(msg)
	}
	if doc.Kind == 0 {
		return nil, diag.Pos{}, nil // empty front matter
	}
	return doc.Content[0], diag.Pos{}, nil // a document holds one node
}

// decodeTOML decodes the TOML front matter t and converts it to a YAML
// node tree, so that the rest of the pipeline reads one kind of tree,
// each node at the line and column of its key or value in the file (see
// placeTOML). Dates become YYYY-MM-DD strings.
func decodeTOML(t *yamlpos.Text, fm []byte) (*yaml.Node, diag.Pos, error) {
	if line := yamlpos.TOMLTooDeep(fm, yamlpos.MaxTOMLDepth); line > 0 {
		return nil, t.Pos(line, 1), fmt.Errorf("nested more than %d levels deep", yamlpos.MaxTOMLDepth)
	}
	var m map[string]any
	if _, err := toml.Decode(string(fm), &m); err != nil {
		pos, msg := t.TOMLError(err)
		return nil, pos, errors.New(msg)
	}
	var n yaml.Node
	if err := n.Encode(normalizeTOML(m)); err != nil {
		return nil, t.Pos(1, 1), err
	}
	placeTOML(t, fm, &n)
	return &n, diag.Pos{}, nil
}

// placeTOML gives the nodes of root, decoded from the TOML text t, the
// lines and columns in t where their keys and values are written (see
// yamlpos.Text.TOMLTree), so that a mistake in TOML front matter is
// reported where it is, as in YAML, inside inline tables and arrays too.
// A node the tree does not place, or places as another kind of value (a
// table, an array of another length), takes the place of the nearest
// value that holds it. A number placed at its own value keeps the digits
// it was written with (keepWritten); a text gets the style of its quotes
// in fm, the text, so that a column counted inside it starts past the
// quote, as in YAML.
func placeTOML(t *yamlpos.Text, fm []byte, root *yaml.Node) {
	var walk func(n *yaml.Node, at *yamlpos.TOMLNode, line, col int)
	walk = func(n *yaml.Node, at *yamlpos.TOMLNode, line, col int) {
		n.Line, n.Column = line, col
		// place walks n's child c, with its key k (nil for an array's
		// item), placed at p when p is not nil and holds what c holds.
		place := func(k, c *yaml.Node, p *yamlpos.TOMLNode) {
			if p == nil || !sameKind(c, p) {
				if k != nil {
					k.Line, k.Column = line, col
				}
				walk(c, nil, line, col)
				return
			}
			if k != nil {
				k.Line, k.Column = p.Place.KeyLine, p.Place.KeyCol
			}
			walk(c, p, p.Place.ValueLine, p.Place.ValueCol)
			if c.Kind == yaml.ScalarNode {
				rest := fm[t.Offset(c.Line, c.Column):]
				keepWritten(c, rest)
				keepRadix(c, rest)
				keepNotANumber(c, rest)
				c.Style = tomlStyle(rest)
			}
		}
		switch n.Kind {
		case yaml.MappingNode:
			for k, v := range yamlpos.Pairs(n) {
				var p *yamlpos.TOMLNode
				if at != nil {
					p = at.Keys[k.Value]
				}
				place(k, v, p)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				var p *yamlpos.TOMLNode
				if at != nil {
					p = at.Items[i]
				}
				place(nil, c, p)
			}
		}
	}
	tree := t.TOMLTree()
	if !sameKind(root, tree) {
		tree = nil
	}
	walk(root, tree, 1, 1)
}

// sameKind reports whether the node n, decoded from TOML, and the place
// at, found for it, are the same kind of value: a table, an array of as
// many items, or neither; when they are not, the place is not n's. The
// encoder of decodeTOML makes mappings, sequences and scalars only.
func sameKind(n *yaml.Node, at *yamlpos.TOMLNode) bool {
	switch n.Kind {
	case yaml.MappingNode:
		return at.Keys != nil
	case yaml.SequenceNode:
		return at.Items != nil && len(at.Items) == len(n.Content)
	}
	return at.Keys == nil && at.Items == nil
}

// keepWritten gives the number node n, whose value rest starts with in
// the TOML text, that value as written ("4.20", "1200.0") in place of the
// decoder's shortest form (4.2, 1200), as YAML keeps it, so that its
// decimals are shown as written. Anything else (a string, a date, an
// inline table, 0x1F) is left as decoded.
func keepWritten(n *yaml.Node, rest []byte) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!float" && n.Tag != "!!int" {
		return
	}
	end := 0
	for end < len(rest) && strings.IndexByte("0123456789+-._eE", rest[end]) >= 0 {
		end++
	}
	lit := string(rest[:end])
	switch {
	case end < len(rest) && strings.IndexByte(" \t\r\n#,]}", rest[end]) < 0: // 2025-01-01, 1979-05-27T07:32:00, inf
		return
	case strings.TrimLeft(lit, "+-._eE") == "", strings.ContainsAny(strings.TrimLeft(lit, "+-"), "+-") && !strings.ContainsAny(lit, "eE"):
		return
	}
	written, err1 := strconv.ParseFloat(strings.ReplaceAll(lit, "_", ""), 64)
	decoded, err2 := strconv.ParseFloat(n.Value, 64)
	if err1 == nil && err2 == nil && written == decoded {
		n.Value = lit
	}
}

// keepRadix gives the integer node n, whose value rest starts with in the
// TOML text, the integer as written when it is written in hexadecimal,
// octal or binary (0x1F, 0o17, 0b1_1), in place of the decoder's decimal
// digits, as YAML keeps it: the data then refuses it as it refuses the
// same number in YAML or a CSV file, where it was shown in decimal without
// a word.
func keepRadix(n *yaml.Node, rest []byte) {
	if n.Tag != "!!int" || len(rest) < 3 || rest[0] != '0' || bytes.IndexByte([]byte("xob"), rest[1]) < 0 {
		return
	}
	end := 2
	for end < len(rest) && strings.IndexByte("0123456789abcdefABCDEF_", rest[end]) >= 0 {
		end++
	}
	if i, err := strconv.ParseInt(string(rest[:end]), 0, 64); err == nil && strconv.FormatInt(i, 10) == n.Value {
		n.Value = string(rest[:end])
	}
}

// keepNotANumber gives the float node n, whose value rest starts with in
// the TOML text, its value as written when it is nan or inf (with a sign
// or without), in place of YAML's spelling of it (.nan, -.inf), so that
// the data refuses it in the writer's words.
func keepNotANumber(n *yaml.Node, rest []byte) {
	if n.Tag != "!!float" {
		return
	}
	word := rest
	if len(word) > 0 && (word[0] == '+' || word[0] == '-') {
		word = word[1:]
	}
	if !bytes.HasPrefix(word, []byte("nan")) && !bytes.HasPrefix(word, []byte("inf")) {
		return
	}
	end := len(rest) - len(word) + 3
	if end < len(rest) && bytes.IndexByte([]byte(" \t\r\n#,]}"), rest[end]) < 0 {
		return
	}
	n.Value = string(rest[:end])
}

// tomlStyle returns the YAML style of the TOML value that rest starts
// with: quoted for a string in quotes on one line, literal for a
// multi-line string (whose columns do not count from its quotes), plain
// for the rest.
func tomlStyle(rest []byte) yaml.Style {
	switch {
	case bytes.HasPrefix(rest, []byte(`"""`)), bytes.HasPrefix(rest, []byte("'''")):
		return yaml.LiteralStyle
	case bytes.HasPrefix(rest, []byte(`"`)):
		return yaml.DoubleQuotedStyle
	case bytes.HasPrefix(rest, []byte("'")):
		return yaml.SingleQuotedStyle
	}
	return 0
}

// normalizeTOML turns TOML dates into the strings YAML front matter
// uses (see TOMLTime).
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
		return TOMLTime(v)
	}
	return v
}

// TOMLTime writes t, a date or time the TOML decoder read, as it was
// written: YYYY-MM-DD for a date, RFC 3339 for a date and time with an
// offset, and a date and time, or a time, without an offset as such.
// The decoder gives those the offset of this machine's zone on the day
// it runs, in a zone named for what was written (date-local,
// datetime-local, time-local); a site must not depend on the machine, so
// that offset is left out again, and ParseDate reads such a date as UTC,
// as it does in YAML.
func TOMLTime(t time.Time) string {
	switch t.Location().String() {
	case "date-local":
		return t.Format(time.DateOnly)
	case "datetime-local":
		return t.Format("2006-01-02T15:04:05.999999999")
	case "time-local":
		return t.Format("15:04:05.999999999")
	}
	return t.Format(time.RFC3339Nano)
}
