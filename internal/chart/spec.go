package chart

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
)

// Chart types a Spec may ask for.
const (
	TypeProjection = "projection"
	TypeLine       = "line"
	TypeBar        = "bar"
)

// DefaultHeight is the height in CSS pixels of a chart whose Spec sets none.
const DefaultHeight = 360

// Bounds of Spec.Height.
const (
	MinHeight = 120
	MaxHeight = 1200
)

// Spec is what a fenced ```chart block asks for.
type Spec struct {
	Block   string // the name of the data block to draw
	Title   string // shown above the chart
	Caption string // shown below the chart
	// Type is "projection", "line" or "bar"; empty means "projection" when
	// the block has a projection and "line" otherwise.
	Type string
	// Height is the height of the live chart in CSS pixels; 0 means
	// DefaultHeight.
	Height int
}

// knownKeys lists the keys of a chart block, sorted.
func knownKeys() []string {
	return []string{"caption", "data", "height", "title", "type"}
}

// ParseSpec decodes src, the YAML body of a fenced chart block, into a Spec.
// line is the file line of the first body line, so that every problem is
// added to diags at its position in the file at path. It reports false when
// it added an error.
func ParseSpec(path string, src []byte, line int, diags *diag.List) (Spec, bool) {
	if spec, ok := parseSimpleSpec(src); ok {
		return spec, true
	}
	return parseSpecYAML(path, src, line, diags)
}

// parseSpecYAML is ParseSpec reading src with the YAML decoder.
func parseSpecYAML(path string, src []byte, line int, diags *diag.List) (Spec, bool) {
	var spec Spec
	start := len(*diags)
	errorf := func(l, col int, format string, args ...any) {
		l, col = content.YAMLFilePos(src, l, col)
		diags.Errorf(diag.Pos{Path: path, Line: line - 1 + l, Col: col}, format, args...)
	}
	failed := func() bool { return diag.List((*diags)[start:]).HasErrors() }

	if !utf8.Valid(src) {
		// An article is checked for UTF-8 before its charts are read;
		// this keeps the YAML decoder from reading the block as UTF-16.
		errorf(1, 1, "chart: the block is not valid UTF-8")
		return spec, false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		l, msg := content.YAMLErrorLine(err)
		errorf(max(l, 1), 1, "chart: %s", msg)
		return spec, false
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		errorf(1, 1, "chart: data is required (the name of a data block)")
		return spec, false
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		errorf(root.Line, root.Column, "chart: want keys (%s), got %s", strings.Join(knownKeys(), ", "), kindName(root))
		return spec, false
	}

	seen := make(map[string]bool)
	var dataNode *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if seen[k.Value] {
			errorf(k.Line, k.Column, "chart: duplicate key %q", k.Value)
			continue
		}
		seen[k.Value] = true
		switch k.Value {
		case "data":
			dataNode = k
			if s, ok := scalar(v); ok && s != "" {
				spec.Block = s
			} else {
				errorf(v.Line, v.Column, "chart: data must name a data block, got %s", kindName(v))
			}
		case "title":
			if s, ok := scalar(v); ok {
				spec.Title = s
			} else {
				errorf(v.Line, v.Column, "chart: title must be text, got %s", kindName(v))
			}
		case "caption":
			if s, ok := scalar(v); ok {
				spec.Caption = s
			} else {
				errorf(v.Line, v.Column, "chart: caption must be text, got %s", kindName(v))
			}
		case "type":
			s, _ := scalar(v)
			switch s {
			case TypeProjection, TypeLine, TypeBar:
				spec.Type = s
			default:
				errorf(v.Line, v.Column, "chart: unknown type %q (want projection, line or bar)", v.Value)
			}
		case "height":
			s, _ := scalar(v)
			h, err := strconv.Atoi(s)
			switch {
			case err != nil:
				errorf(v.Line, v.Column, "chart: height must be a whole number of pixels, got %q", v.Value)
			case h < MinHeight || h > MaxHeight:
				errorf(v.Line, v.Column, "chart: height %d is out of range (want %d to %d)", h, MinHeight, MaxHeight)
			default:
				spec.Height = h
			}
		default:
			errorf(k.Line, k.Column, "chart: unknown key %q (known keys: %s)", k.Value, strings.Join(knownKeys(), ", "))
		}
	}
	if dataNode == nil {
		errorf(root.Line, root.Column, "chart: data is required (the name of a data block)")
	}
	return spec, !failed()
}

// parseSimpleSpec reads src when it has the simple form nearly every
// chart block has, much faster than the YAML decoder: "key: value" lines
// (and blank ones), each key known and given once, data among them, and
// each value valid for its key and either plain (starting with a letter or
// digit, without # or :, not null) or in double quotes without escapes. It
// reports false for anything else, which ParseSpec then gives to the YAML
// decoder, errors included. What it accepts it reads as the decoder does,
// which FuzzParseSpec checks.
func parseSimpleSpec(src []byte) (Spec, bool) {
	var spec Spec
	var seen uint64 // bit k for knownKeys()[k]
	for len(src) > 0 {
		var ln []byte
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			ln, src = src[:i], src[i+1:]
		} else {
			ln, src = src, nil
		}
		if len(ln) == 0 {
			continue
		}
		key, val, ok := bytes.Cut(ln, []byte(": "))
		if !ok {
			return Spec{}, false
		}
		val = bytes.TrimLeft(val, " ")
		v, ok := simpleValue(val)
		if !ok {
			return Spec{}, false
		}
		k := slices.Index(knownKeys(), string(key))
		if k < 0 || seen&(1<<k) != 0 {
			return Spec{}, false
		}
		seen |= 1 << k
		switch string(key) {
		case "data":
			if v == "" {
				return Spec{}, false
			}
			spec.Block = v
		case "title":
			spec.Title = v
		case "caption":
			spec.Caption = v
		case "type":
			if v != TypeProjection && v != TypeLine && v != TypeBar {
				return Spec{}, false
			}
			spec.Type = v
		case "height":
			h, err := strconv.Atoi(v)
			if err != nil || h < MinHeight || h > MaxHeight {
				return Spec{}, false
			}
			spec.Height = h
		}
	}
	return spec, spec.Block != ""
}

// simpleValue returns the text of val when it is a value parseSimpleSpec
// accepts: plain, or in double quotes holding neither quotes nor
// backslashes, and made of characters YAML reads as they are.
func simpleValue(val []byte) (string, bool) {
	quoted := len(val) >= 2 && val[0] == '"' && val[len(val)-1] == '"'
	if quoted {
		val = val[1 : len(val)-1]
	} else {
		if len(val) == 0 || !isASCIIAlnum(val[0]) || val[len(val)-1] == ' ' {
			return "", false
		}
		switch string(val) {
		case "null", "Null", "NULL":
			return "", false
		}
	}
	for i := 0; i < len(val); {
		c := val[i]
		if c >= utf8.RuneSelf {
			// Not a line break (U+2028, U+2029), a byte-order mark, a
			// byte that is not UTF-8 (U+FFFD, which is left out too) or
			// anything else YAML may not take as it is.
			r, n := utf8.DecodeRune(val[i:])
			if r < 0xA0 || r == 0x2028 || r == 0x2029 || r > 0xD7FF && r < 0xE000 || r == 0xFEFF || r >= utf8.RuneError {
				return "", false
			}
			i += n
			continue
		}
		switch {
		case c < 0x20 || c > 0x7E, c == '"', c == '\\':
			return "", false
		case !quoted && (c == '#' || c == ':'):
			return "", false
		}
		i++
	}
	return string(val), true
}

// isASCIIAlnum reports whether c is an ASCII letter or digit.
func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// scalar returns the text of a non-null scalar node.
func scalar(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", false
	}
	return n.Value, true
}

// kindName names what a node holds, for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "nothing"
}
