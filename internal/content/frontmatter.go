package content

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/BurntSushi/toml"
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

// decodeYAML decodes YAML front matter into a node tree. On a syntax error
// it returns the 1-based line within fm that the decoder blamed (0 when it
// named none) and the message without its "yaml: line N:" prefix.
func decodeYAML(fm []byte) (*yaml.Node, int, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(fm, &doc); err != nil {
		msg := err.Error()
		line := 0
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		return nil, line, fmt.Errorf("%s", msg)
	}
	if doc.Kind == 0 {
		return nil, 0, nil // empty front matter
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		return doc.Content[0], 0, nil
	}
	return &doc, 0, nil
}

// decodeTOML decodes TOML front matter and converts it to a YAML node tree,
// so that the rest of the pipeline reads one kind of tree. TOML positions
// are only known for syntax errors: every node of the tree carries line 1 of
// the front matter. Dates become YYYY-MM-DD strings.
func decodeTOML(fm []byte) (*yaml.Node, int, error) {
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
