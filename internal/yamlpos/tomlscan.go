package yamlpos

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"
)

// TOMLNode is where a value of a TOML text is written and, for a table or
// an array, where the values it holds are: a node of the tree TOMLTree
// finds, which a tree decoded from the same text can be walked beside.
type TOMLNode struct {
	// Place is where the value's key and the value are written. For an
	// item of an array both are the item's first character; for a table of
	// an array of tables, both are its [[header]]'s name. A table that is
	// only named on the way to another ([a.b] or a.b = 1 names a) is placed
	// where that header's name or that key starts, until a header of its
	// own ([a]) places it there.
	Place TOMLPlace
	// Keys are a table's values (an inline table's too) by their keys as
	// the decoder gives them (`"a.b" = 1` is the key a.b); nil for
	// anything but a table.
	Keys map[string]*TOMLNode
	// Items are an array's values in order, one a [[header]] for an array
	// of tables; not nil for an array, even an empty one, and nil for
	// anything else.
	Items []*TOMLNode

	// named is true for a table only named on the way to another, which a
	// header of its own places.
	named bool
	// path is the value's dotted path in TOMLPlaces ("data.a.series"; an
	// array's items have the array's), and flat is false when it has
	// none: under a quoted key holding a dot, a quote or a backslash.
	path string
	flat bool
	// start and end are the byte offsets in the text of the value as
	// written after its key or in its array; both are 0 for a table of a
	// header.
	start, end int
}

// TOMLTree finds where the values of the text, TOML, are written, which
// the TOML decoder keeps to itself: the keys and values under table
// headers, in arrays of tables, and inside inline tables and arrays,
// nested and across lines. The text is parsed by go-toml's parser, which
// gives every key and value its bytes; TOMLTree works out which table
// each key sets and where its bytes are. It returns the top-level table.
// Text the parser refuses (which the decoder refuses too) ends the
// reading: the keys before it are placed, the rest are not. The text is
// read once, at the first call of TOMLTree or TOMLPlaces; the tree is
// shared, not to be changed.
func (t *Text) TOMLTree() *TOMLNode {
	t.scanTOML()
	return t.tomlRoot
}

// TOMLPlaces finds where the text, TOML, sets its keys, as TOMLTree does:
// "name = value" and "a.b = value" under their table header and inside
// inline tables, and the headers "[a.b]" and "[[a.b]]" themselves. It
// returns, for each key's dotted path ("data.losses.rate"; an array adds
// nothing to the path of what it holds), its places in the order
// written, so that the keys of an array of tables have one place for each
// of its tables. A quoted key ("rate" = 1) is placed as a bare one; a
// quoted key holding a dot, a quote or a backslash, which a path could not
// tell from others, is not, nor is anything under it. The map is shared,
// not to be changed.
func (t *Text) TOMLPlaces() map[string][]TOMLPlace {
	t.scanTOML()
	return t.places
}

// scanTOML reads the text, TOML, for TOMLTree and TOMLPlaces, once.
func (t *Text) scanTOML() {
	if t.tomlRoot != nil {
		return
	}
	s := &tomlScanner{src: t.src, places: map[string][]TOMLPlace{}}
	root := &TOMLNode{Place: TOMLPlace{1, 1, 1, 1}, Keys: map[string]*TOMLNode{}, flat: true}
	s.scan(root)
	t.tomlRoot, t.places = root, s.places
}

// tomlScanner walks the expressions go-toml's parser reads from a TOML
// text into a tree of TOMLNodes and the places of TOMLPlaces.
type tomlScanner struct {
	src []byte
	// base is the offset in src of the text the parser reads: past a
	// byte-order mark, which the decoder reads over too.
	base   int
	parser unstable.Parser
	places map[string][]TOMLPlace
	// i is the offset in src that line and col, counted as the YAML
	// decoder counts them (see place), were last counted to.
	i, line, col int
}

// restart counts lines and columns from the start of the text again.
func (s *tomlScanner) restart() {
	s.i, s.line, s.col = 0, 1, 1
	if bytes.HasPrefix(s.src, []byte("\ufeff")) {
		s.i = len("\ufeff") // which takes no column
	}
}

// scan reads the whole text into root, the top-level table, up to what the
// parser refuses.
func (s *tomlScanner) scan(root *TOMLNode) {
	// The decoder reads over a UTF-8 byte-order mark, and over the UTF-16
	// one some tools write before a UTF-8 text.
	for _, bom := range []string{"\xff\xfe", "\xfe\xff", "\ufeff"} {
		if bytes.HasPrefix(s.src, []byte(bom)) {
			s.base = len(bom)
			break
		}
	}
	s.restart()
	s.parser.Reset(s.src[s.base:])
	table := root
	for s.parser.NextExpression() {
		switch e := s.parser.Expression(); e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = s.header(root, e)
		case unstable.KeyValue:
			s.keyValue(table, e)
		}
	}
}

// place returns the line and column in the text (from 1, columns in
// characters) of the byte offset off, as the YAML decoder counts them and
// Text.Pos converts them: a line ends at a line feed, a carriage return
// alone, U+0085, U+2028 and U+2029, and a UTF-8 byte-order mark that
// starts the text takes no column (a UTF-16 one takes the two diag.At
// counts). It counts on from the offset of its last call, or from the
// start of the text when off is before that.
func (s *tomlScanner) place(off int) (line, col int) {
	if off < s.i {
		s.restart()
	}
	for s.i < off {
		c := s.src[s.i]
		switch {
		case c == '\n' || c == '\r' && (s.i+1 == len(s.src) || s.src[s.i+1] != '\n'):
			s.i, s.line, s.col = s.i+1, s.line+1, 1
		case c == '\r':
			s.i++ // the CR of CRLF
		case yamlOnlyBreak(s.src[s.i:]) > 0:
			s.i, s.line, s.col = s.i+yamlOnlyBreak(s.src[s.i:]), s.line+1, 1
		default:
			_, size := utf8.DecodeRune(s.src[s.i:])
			s.i, s.col = s.i+size, s.col+1
		}
	}
	return s.line, s.col
}

// offset returns the offset in src of the byte range r of the parser's text.
func (s *tomlScanner) offset(r unstable.Range) (start, end int) {
	return s.base + int(r.Offset), s.base + int(r.Offset+r.Length)
}

// key returns the parts of the key of the key-value or table header e, as
// the decoder gives them, and the offsets in src where the key's first
// part starts and its last part ends.
func (s *tomlScanner) key(e *unstable.Node) (names []string, start, end int) {
	start = -1
	for it := e.Key(); it.Next(); {
		k := it.Node()
		names = append(names, string(k.Data))
		from, to := s.offset(k.Raw)
		if start < 0 {
			start = from
		}
		end = to
	}
	return names, start, end
}

// header reads a table header, [a.b] or [[a.b]], and returns the table it
// starts.
func (s *tomlScanner) header(root *TOMLNode, e *unstable.Node) *TOMLNode {
	keys, start, _ := s.key(e)
	line, col := s.place(start)
	at := TOMLPlace{line, col, line, col}
	t := root
	for _, k := range keys[:len(keys)-1] {
		t = s.table(t, k, at)
	}
	last := keys[len(keys)-1]
	path, flat := t.join(last)
	n := t.Keys[last]
	switch {
	case e.Kind == unstable.ArrayTable:
		if n == nil || n.Items == nil {
			n = &TOMLNode{Place: at, Items: []*TOMLNode{}, path: path, flat: flat}
		}
		item := &TOMLNode{Place: at, Keys: map[string]*TOMLNode{}, path: path, flat: flat}
		n.Items = append(n.Items, item)
		s.attach(t, last, n)
		s.record(path, flat, at)
		return item
	case n == nil || n.Keys == nil:
		n = &TOMLNode{Place: at, Keys: map[string]*TOMLNode{}, path: path, flat: flat}
		s.attach(t, last, n)
	case n.named:
		n.Place, n.named = at, false
	}
	s.record(path, flat, at)
	return n
}

// table returns the table that the key part k names in t on the way to
// another (a in [a.b] or a.b = 1), made, and placed at at, if t has none;
// for an array of tables, its last table, as TOML has it.
func (s *tomlScanner) table(t *TOMLNode, k string, at TOMLPlace) *TOMLNode {
	n := t.Keys[k]
	if n != nil && len(n.Items) > 0 {
		n = n.Items[len(n.Items)-1]
		if n.Keys != nil {
			return n
		}
		// Not a table (an array that is a value, which the decoder
		// refuses to extend): read on into a table of no tree.
		return &TOMLNode{Place: at, Keys: map[string]*TOMLNode{}}
	}
	if n == nil || n.Keys == nil {
		path, flat := t.join(k)
		n = &TOMLNode{Place: at, Keys: map[string]*TOMLNode{}, named: true, path: path, flat: flat}
		s.attach(t, k, n)
	}
	return n
}

// attach sets the key k of the table t to n, when t has no value of that
// key yet (which, in a text the decoder reads, it never has).
func (s *tomlScanner) attach(t *TOMLNode, k string, n *TOMLNode) {
	if t.Keys[k] == nil {
		t.Keys[k] = n
	}
}

// record adds the place at to TOMLPlaces' places of path, when the path
// can be written.
func (s *tomlScanner) record(path string, flat bool, at TOMLPlace) {
	if flat {
		s.places[path] = append(s.places[path], at)
	}
}

// join returns the dotted path of the key k of the table n, and whether
// there is one: not under a key, or for a key, holding a dot, a quote or a
// backslash, or none at all.
func (n *TOMLNode) join(k string) (string, bool) {
	if !n.flat || k == "" || strings.ContainsAny(k, ".\"'\\") {
		return "", false
	}
	if n.path == "" {
		return k, true
	}
	return n.path + "." + k, true
}

// keyValue reads the key-value e, "key = value", into the table t.
func (s *tomlScanner) keyValue(t *TOMLNode, e *unstable.Node) {
	keys, start, end := s.key(e)
	// Only spaces and tabs stand around the "=" after the key.
	end += len(s.src[end:]) - len(bytes.TrimLeft(s.src[end:], " \t="))
	keyLine, keyCol := s.place(start)
	line, col := s.place(end)
	at := TOMLPlace{keyLine, keyCol, keyLine, keyCol}
	for _, k := range keys[:len(keys)-1] {
		t = s.table(t, k, at)
	}
	last := keys[len(keys)-1]
	path, flat := t.join(last)
	v := s.value(e.Value(), end, path, flat)
	v.Place = TOMLPlace{keyLine, keyCol, line, col}
	s.attach(t, last, v)
	s.record(path, flat, v.Place)
}

// value reads the value n, written from the offset start, whose path in
// TOMLPlaces is path (flat false: none), and returns its node, which its
// caller places.
func (s *tomlScanner) value(n *unstable.Node, start int, path string, flat bool) *TOMLNode {
	v := &TOMLNode{path: path, flat: flat, start: start}
	switch n.Kind {
	case unstable.Array:
		// The parser gives an array no bytes of its own: its items are
		// found from its "[" on, past what may stand between them.
		v.Items = []*TOMLNode{}
		i := start + 1
		for it := n.Children(); it.Next(); {
			i = s.skipBlank(i)
			line, col := s.place(i)
			item := s.value(it.Node(), i, path, flat)
			item.Place = TOMLPlace{line, col, line, col}
			v.Items = append(v.Items, item)
			i = item.end
		}
		v.end = s.skipBlank(i) + 1 // past the "]"
	case unstable.InlineTable:
		v.Keys = map[string]*TOMLNode{}
		i := start + 1
		for it := n.Children(); it.Next(); {
			s.keyValue(v, it.Node())
			_, i = s.offset(it.Node().Raw)
		}
		v.end = s.skipBlank(i) + 1 // past the "}"
	default:
		_, v.end = s.offset(n.Raw)
	}
	return v
}

// skipBlank returns the offset of the first byte from i on that is none of
// what may stand between the values of an array or an inline table:
// spaces, line ends, comments and commas.
func (s *tomlScanner) skipBlank(i int) int {
	for i < len(s.src) {
		switch s.src[i] {
		case ' ', '\t', '\r', '\n', ',':
			i++
		case '#':
			end := bytes.IndexByte(s.src[i:], '\n')
			if end < 0 {
				return len(s.src)
			}
			i += end
		default:
			return i
		}
	}
	return i
}
