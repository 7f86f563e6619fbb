package yamlpos

import (
	"fmt"
	"iter"

	"go.yaml.in/yaml/v3"
)

// maxAliasSteps bounds how many aliases Resolve follows. The decoder
// never makes an alias of an alias, so one step is all real text needs.
const maxAliasSteps = 8

// Resolve returns the node the alias n names, following at most a few
// aliases, or n itself when it is not an alias. It returns nil for nil.
// An alias is never expanded: a tree of aliases that would expand to
// billions of nodes costs one step each time one is read.
func Resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && n.Alias != nil && i < maxAliasSteps; i++ {
		n = n.Alias
	}
	return n
}

// Pairs yields the keys and values of the mapping n in order, as
// written: an alias is not followed. Any other node has none.
func Pairs(n *yaml.Node) iter.Seq2[*yaml.Node, *yaml.Node] {
	return func(yield func(k, v *yaml.Node) bool) {
		if n == nil || n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if !yield(n.Content[i], n.Content[i+1]) {
				return
			}
		}
	}
}

// Keys yields the keys of the mapping n in order, each with its value,
// an alias followed. A key written again is not yielded: dup gets it
// with the node of its first time.
func Keys(n *yaml.Node, dup func(k, first *yaml.Node)) iter.Seq2[*yaml.Node, *yaml.Node] {
	return func(yield func(k, v *yaml.Node) bool) {
		seen := map[string]*yaml.Node{}
		for k, v := range Pairs(n) {
			if first, ok := seen[k.Value]; ok {
				dup(k, first)
				continue
			}
			seen[k.Value] = k
			if !yield(k, Resolve(v)) {
				return
			}
		}
	}
}

// Describe names what the node n holds, following an alias, for messages
// such as "series: want a list of observations, got a number": "a list",
// "a mapping", "a number", "true or false", "a date", `text "x"` (cut
// short when long) or "nothing" (for nil, null and an empty value).
func Describe(n *yaml.Node) string {
	n = Resolve(n)
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
		return fmt.Sprintf("text %q", Shorten(n.Value))
	case yaml.DocumentNode:
		if len(n.Content) == 1 {
			return Describe(n.Content[0])
		}
	}
	return "nothing"
}

// maxQuoted is the most characters of a text value a message quotes.
const maxQuoted = 40

// Shorten returns s as a message quotes it: whole, or its first 40
// characters and "…" when it is longer.
func Shorten(s string) string {
	n := 0
	for i := range s {
		if n == maxQuoted {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// Duplicate is the message for the key name given a second time in a
// mapping, the first time on line first of the file. where, when not
// empty, says which mapping: "in block \"losses\"".
func Duplicate(name, where string, first int) string {
	if where != "" {
		where += " "
	}
	return fmt.Sprintf("duplicate key %q %s(first at line %d)", name, where, first)
}
