package data

import (
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/diag"
)

// parser holds what every part of Parse needs: where to read CSV files,
// which page is being parsed, and where to report problems.
type parser struct {
	fsys  fs.FS
	page  Page
	diags *diag.List
}

// pos returns the position of n in the page.
func (p *parser) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{Path: p.page.Path, Line: n.Line, Col: n.Column}
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.diags.Errorf(p.pos(n), format, args...)
}

func (p *parser) warnf(n *yaml.Node, format string, args ...any) {
	p.diags.Warnf(p.pos(n), format, args...)
}

// resolve follows aliases to the node they name.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 64; i++ {
		n = n.Alias
	}
	return n
}

// isNull reports whether n is missing or an explicit null (`key:` with
// nothing after it).
func isNull(n *yaml.Node) bool {
	n = resolve(n)
	return n == nil || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names the kind of value n holds, for messages such as
// "want a list of observations, got a number".
func describe(n *yaml.Node) string {
	n = resolve(n)
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "nothing"
		case "!!int", "!!float":
			return "a number"
		case "!!bool":
			return "true or false"
		case "!!timestamp":
			return "a date"
		}
		return fmt.Sprintf("text %q", n.Value)
	}
	return "an alias"
}

// field is one key of a mapping and its value.
type field struct {
	key, val *yaml.Node
}

// mapping returns the entries of the mapping n by key. It reports keys
// that are not in known as warnings and repeated keys as errors. what names
// the mapping in messages ("in block \"losses\"").
func (p *parser) mapping(n *yaml.Node, what string, known []string) map[string]field {
	n = resolve(n)
	out := make(map[string]field)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		rk := resolve(k)
		if rk == nil || rk.Kind != yaml.ScalarNode {
			p.errorf(k, "want a name as key %s, got %s", what, describe(k))
			continue
		}
		name := rk.Value
		if prev, dup := out[name]; dup {
			p.errorf(k, "duplicate key %q %s (first at line %d)", name, what, prev.key.Line)
			continue
		}
		if !slices.Contains(known, name) {
			p.warnf(k, "unknown key %q %s (want %s)", name, what, orList(known))
			continue
		}
		out[name] = field{k, v}
	}
	return out
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// number reads the number n holds; key names it in messages.
func (p *parser) number(key string, n *yaml.Node) (float64, bool) {
	v := resolve(n)
	if v == nil || v.Kind != yaml.ScalarNode || v.ShortTag() == "!!null" {
		p.errorf(n, "%s: want a number, got %s", key, describe(n))
		return 0, false
	}
	var f float64
	switch v.ShortTag() {
	case "!!int", "!!float":
		if err := v.Decode(&f); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			return f, true
		}
	}
	p.errorf(n, "%s: cannot use %q as a number", key, v.Value)
	return 0, false
}

// date reads the YYYY-MM-DD date n holds; key names it in messages.
func (p *parser) date(key string, n *yaml.Node) (time.Time, bool) {
	v := resolve(n)
	if v == nil || v.Kind != yaml.ScalarNode || v.ShortTag() == "!!null" {
		p.errorf(n, "%s: want a date (YYYY-MM-DD), got %s", key, describe(n))
		return time.Time{}, false
	}
	t, ok := parseDate(v.Value)
	if !ok {
		p.errorf(n, "%s: %q is not a valid date (want YYYY-MM-DD)", key, v.Value)
	}
	return t, ok
}

// parseDate parses a YYYY-MM-DD date as midnight UTC.
func parseDate(s string) (time.Time, bool) {
	if len(s) != len(time.DateOnly) {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}

// text reads the scalar n holds as text; key names it in messages.
func (p *parser) text(key string, n *yaml.Node) (string, bool) {
	v := resolve(n)
	if v == nil || v.Kind != yaml.ScalarNode {
		p.errorf(n, "%s: want text, got %s", key, describe(n))
		return "", false
	}
	if v.ShortTag() == "!!null" {
		return "", true
	}
	return v.Value, true
}
