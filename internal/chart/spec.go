package chart

import (
	"fmt"
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
