// Package yamlpos is the one place where plotline turns what the YAML and
// TOML decoders say about a text into what a writer can act on: the
// position in the file of a node or of a syntax error, and a message in
// the writer's words, with a hint where the cause is known ("this line is
// indented 5 spaces; its siblings 6", "a value holding \": \" needs
// quotes"). Front matter, chart blocks and the config file are all parts
// of files, and their positions are converted here; nodes are described
// and aliases followed here too, so that every message says the same
// thing the same way. A date written another way than YYYY-MM-DD gets its
// hint here (DateHint), for the front matter and the data alike.
package yamlpos

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/diag"
)

// Text is YAML or TOML text and the place it has in its file: the whole
// of a config file, the front matter of an article, the body of a chart
// block.
type Text struct {
	path  string
	src   []byte
	line  int // the file line of the text's first line
	lines yamlLines
	count int // the lines of the text, a final line feed ending the last
	// tomlRoot and places are TOMLTree's and TOMLPlaces' answers, found
	// at the first call of either.
	tomlRoot *TOMLNode
	places   map[string][]TOMLPlace
	// starts are the offsets of the text's lines, found at the first
	// call of Offset past the first line.
	starts []int
}

// New returns the Text src of the file at path, whose first line is the
// file's line line (1 for a whole file). A U+FEFF that starts src is a
// character of the file, as it is inside one; a whole file's byte-order
// mark, which is no column (see diag.At), is left out by the caller.
func New(path string, src []byte, line int) *Text {
	count := bytes.Count(bytes.TrimSuffix(src, []byte("\n")), []byte("\n")) + 1
	return &Text{path: path, src: src, line: line, lines: newYAMLLines(src), count: count}
}

// Pos returns the position in the file of a line and column that the YAML
// decoder gave for the text (both from 1). The decoder ends lines at a
// carriage return alone and at U+0085, U+2028 and U+2029, where an editor
// does not, and does not count a byte-order mark that starts the text; a
// position past the end of the text, where the decoder puts some errors
// about a text that ends too soon, becomes the end of its last line.
func (t *Text) Pos(line, col int) diag.Pos {
	line, col = t.lines.pos(line, col)
	if line > t.count {
		text := bytes.TrimSuffix(t.src, []byte("\n"))
		last := text[bytes.LastIndexByte(text, '\n')+1:]
		line, col = t.count, utf8.RuneCount(last)+1
	}
	return diag.Pos{Path: t.path, Line: t.line + line - 1, Col: col}
}

// NodePos returns the position in the file of the node n of a tree
// decoded from the text.
func (t *Text) NodePos(n *yaml.Node) diag.Pos { return t.Pos(n.Line, n.Column) }

// MoveNodes sets the Line and Column of every node of the tree at n,
// decoded from the text, to the node's line and column in the file, so
// that whoever reads the tree later needs no Text.
func (t *Text) MoveNodes(n *yaml.Node) {
	if n.Line > 0 {
		pos := t.NodePos(n)
		n.Line, n.Column = pos.Line, pos.Col
	}
	for _, c := range n.Content {
		t.MoveNodes(c)
	}
}

// FileMapping decodes src, the whole YAML file at path, and returns its
// mapping with every node placed in the file (MoveNodes). It returns nil
// for an empty file, and for one that does not decode or holds anything
// but a mapping, each reported into diags; want says what the mapping
// maps ("keys to values"), for that message.
func FileMapping(path string, src []byte, want string, diags *diag.List) *yaml.Node {
	text := New(path, src, 1)
	if pos, msg, ok := text.HiddenBreak(); ok {
		diags.Errorf(pos, "%s", msg)
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		pos, msg := text.Error(err)
		diags.Errorf(pos, "%s", msg)
		return nil
	}
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		if pos, msg, ok := text.Mistake(); ok {
			diags.Errorf(pos, "%s", msg)
		} else {
			diags.Errorf(text.NodePos(root), "want a mapping of %s, got %s", want, Describe(root))
		}
		return nil
	}
	text.MoveNodes(root)
	return root
}

// HiddenBreak returns where the text holds a character that YAML reads
// as the end of a line and an editor shows as none (U+0085, U+2028,
// U+2029), and the message for it; ok is false when it holds none. What
// follows such a character is read as a line of its own: "title: A
// U+2028 draft: true" holds a key draft that no one sees.
func (t *Text) HiddenBreak() (pos diag.Pos, msg string, ok bool) {
	i := -1
	for _, c := range []string{"\u0085", "\u2028", "\u2029"} {
		// bytes.Index, fast on text without the character, which is
		// every front matter: IndexAny decodes each character in turn.
		if j := bytes.Index(t.src, []byte(c)); j >= 0 && (i < 0 || j < i) {
			i = j
		}
	}
	if i < 0 {
		return diag.Pos{}, "", false
	}
	r, _ := utf8.DecodeRune(t.src[i:])
	return t.OffsetPos(i), fmt.Sprintf("the character U+%04X ends a line for YAML, though an editor shows none, so that what follows it is read as a line of its own (a key no one sees): remove it", r), true
}

// Offset returns the byte offset in the text of a line and column as the
// decoders give them and Pos takes them, the inverse of Pos within the
// text; a place past the end of its line or of the text is clamped to it.
func (t *Text) Offset(line, col int) int {
	line, col = t.lines.pos(line, col)
	if line == 1 && t.lines.bom {
		col-- // diag.Offset counts the columns after the mark
	}
	if line <= 1 {
		return diag.Offset(t.src, line, col)
	}
	// Each call read the text from its start to the line: TOML params
	// of 20,000 keys, each placed, took 7 s of CPU.
	if t.starts == nil {
		t.starts = []int{0}
		for i, c := range t.src {
			if c == '\n' {
				t.starts = append(t.starts, i+1)
			}
		}
	}
	if line > len(t.starts) {
		return len(t.src)
	}
	from := t.starts[line-2] // the line before, diag.Offset's line 1
	return from + diag.Offset(t.src[from:], 2, col)
}

// OffsetPos returns the position in the file of the byte offset off of
// the text.
func (t *Text) OffsetPos(off int) diag.Pos {
	p := diag.At(t.path, t.src, off)
	if p.Line == 1 && off >= len("\ufeff") && bytes.HasPrefix(t.src, []byte("\ufeff")) {
		// diag.At takes a mark that starts the text for the file's own,
		// no column; the text's is a character in the file.
		p.Col++
	}
	p.Line += t.line - 1
	return p
}
