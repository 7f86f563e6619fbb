package yamlpos

import (
	"errors"
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

// Decode decodes n as yaml.v3 decodes it into a value of type any, but a
// mapping whose keys are all text (none a merge key or given twice) a key
// at a time: yaml.v3 compares each key of a mapping with every other, for
// one given twice, so that a page's params of 40,000 keys took 29 s of
// CPU, and an imported site's config of 50,000 keys 25 s. Aliases are
// followed as yaml.v3 follows them, and refused where it refuses them:
// one inside what it names, or those that expand past its share of the
// nodes decoded (a "billion laughs"). A node it does not read so is
// decoded by yaml.v3 whole, which gives its errors.
func Decode(n *yaml.Node) (any, error) {
	d := decoder{following: map[*yaml.Node]bool{}}
	x, ok, err := d.decode(n)
	if !ok {
		err = n.Decode(&x)
	}
	return x, err
}

// decoder counts the nodes Decode has decoded, and those through aliases,
// as yaml.v3 counts them.
type decoder struct {
	following      map[*yaml.Node]bool // the aliases being followed
	nodes, aliased int
	aliasDepth     int
}

// decode decodes n, or reports false when n holds a mapping that only
// yaml.v3 reads.
func (d *decoder) decode(n *yaml.Node) (any, bool, error) {
	d.nodes++
	if d.aliasDepth > 0 {
		d.aliased++
	}
	// yaml.v3's bound: the share of the nodes decoded through aliases
	// may be 99% up to 400,000 nodes, falling to 10% at 4,000,000.
	if share := 0.99 - 0.89*min(1, max(0, float64(d.nodes-400_000)/3_600_000)); d.aliased > 100 && d.nodes > 1000 && float64(d.aliased)/float64(d.nodes) > share {
		return nil, true, errors.New("yaml: document contains excessive aliasing")
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 1 {
			return d.decode(n.Content[0])
		}
	case yaml.AliasNode:
		if d.following[n] {
			return nil, true, fmt.Errorf("yaml: anchor '%s' value contains itself", n.Value)
		}
		d.following[n] = true
		d.aliasDepth++
		defer func() { d.aliasDepth--; delete(d.following, n) }()
		return d.decode(n.Alias)
	case yaml.SequenceNode:
		l := make([]any, len(n.Content))
		for i, c := range n.Content {
			var ok bool
			var err error
			if l[i], ok, err = d.decode(c); !ok || err != nil {
				return nil, ok, err
			}
		}
		return l, true, nil
	case yaml.MappingNode:
		// Every key is looked at before any value, as yaml.v3 does: a key
		// given twice stops it before it follows an alias in a value.
		m := make(map[string]any, len(n.Content)/2)
		for k := range Pairs(n) {
			if _, twice := m[k.Value]; twice || k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
				return nil, false, nil
			}
			m[k.Value] = nil
		}
		for k, v := range Pairs(n) {
			d.nodes++ // the key
			var ok bool
			var err error
			if m[k.Value], ok, err = d.decode(v); !ok || err != nil {
				return nil, ok, err
			}
		}
		return m, true, nil
	}
	var x any
	err := n.Decode(&x)
	return x, true, err
}

// Describe names what the node n holds, following an alias, for messages
// such as "series: want a list of observations, got a number": "a list",
// "a mapping", "a number", "true or false", "a date", `text "x"` (cut
// short when long) or "nothing" (for nil, null and an empty value). A
// {{ }} written as a value without quotes, which YAML reads as a mapping
// holding a mapping, is told as such, with the fix.
func Describe(n *yaml.Node) string {
	n = Resolve(n)
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		if UnquotedBraces(n) {
			return bracesDescription
		}
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

// bracesDescription is what Describe says of a {{ }} written as a value
// without quotes.
const bracesDescription = "{{ … }} without quotes, which YAML reads as a mapping: put the whole value in quotes"

// UnquotedBraces reports whether n, or the node its alias names, is what
// YAML makes of "{{ x }}" written as a value without quotes: a flow
// mapping whose one key is a flow mapping and whose value is empty.
func UnquotedBraces(n *yaml.Node) bool {
	n = Resolve(n)
	if n == nil || n.Kind != yaml.MappingNode || n.Style&yaml.FlowStyle == 0 || len(n.Content) != 2 {
		return false
	}
	k, v := n.Content[0], n.Content[1]
	return k.Kind == yaml.MappingNode && k.Style&yaml.FlowStyle != 0 && v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null" && v.Value == ""
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
