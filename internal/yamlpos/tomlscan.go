package yamlpos

import (
	"strconv"
	"strings"
	"unicode/utf8"
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
}

// TOMLTree finds where the values of the text, TOML, are written, which
// the TOML decoder keeps to itself: the keys and values under table
// headers, in arrays of tables, and inside inline tables and arrays,
// nested and across lines. It reads strings and comments as the decoder
// does, so that a "{", "}", ",", "=", "#" or a line "key = value" inside
// one is no part of the structure. It returns the top-level table. Text it
// cannot read (which the decoder refuses) ends the reading: what comes
// before it is placed, the rest is not. The text is read once, at the
// first call of TOMLTree or TOMLPlaces; the tree is shared, not to be
// changed.
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
	s := &tomlScanner{src: string(t.src), line: 1, col: 1, places: map[string][]TOMLPlace{}}
	root := &TOMLNode{Place: TOMLPlace{1, 1, 1, 1}, Keys: map[string]*TOMLNode{}, flat: true}
	s.scan(root)
	t.tomlRoot, t.places = root, s.places
}

// skipBOM reads over a byte-order mark at the start of the text, as the
// TOML decoder does: a UTF-8 one, or the UTF-16 one some tools write
// before a UTF-8 text. It takes no column, as diag.At counts.
func (s *tomlScanner) skipBOM() {
	for _, bom := range []string{"\xff\xfe", "\xfe\xff", "\xef\xbb\xbf"} {
		if s.i == 0 && strings.HasPrefix(s.src, bom) {
			s.i = len(bom)
			return
		}
	}
}

// tomlMaxDepth bounds how deeply the scanner follows arrays and inline
// tables into each other, which it does by recursion: deeper than any
// front matter (refused when deeper than 100 levels, before it is read)
// or config.
const tomlMaxDepth = 200

// tomlScanner reads a TOML text from its offset i, at line and col (from
// 1, columns in characters), into a tree of TOMLNodes and the places of
// TOMLPlaces. bad is set at text it cannot read, and ends the reading.
type tomlScanner struct {
	src       string
	i         int
	line, col int
	places    map[string][]TOMLPlace
	bad       bool
}

// tomlKey is one part of a dotted key: its name as decoded, and whether
// it could be decoded (a quoted key with an escape TOML does not know is
// not), and so be found in a decoded tree.
type tomlKey struct {
	name string
	ok   bool
}

func (s *tomlScanner) peek() byte {
	if s.i >= len(s.src) {
		return 0
	}
	return s.src[s.i]
}

// advance moves past the next n bytes, counting lines and characters as
// the YAML decoder counts them and Text.Pos converts them: a line ends at
// a line feed, a carriage return alone, U+0085, U+2028 and U+2029.
func (s *tomlScanner) advance(n int) {
	end := min(s.i+n, len(s.src))
	for s.i < end {
		switch c := s.src[s.i]; {
		case c == '\n' || c == '\r' && (s.i+1 == len(s.src) || s.src[s.i+1] != '\n'):
			s.i, s.line, s.col = s.i+1, s.line+1, 1
		case c == '\r':
			s.i++ // the CR of CRLF
		case (c == 0xc2 || c == 0xe2) && yamlOnlyBreak([]byte(s.src[s.i:min(s.i+3, len(s.src))])) > 0:
			s.i, s.line, s.col = s.i+yamlOnlyBreak([]byte(s.src[s.i:min(s.i+3, len(s.src))])), s.line+1, 1
		default:
			_, size := utf8.DecodeRuneInString(s.src[s.i:])
			s.i, s.col = s.i+size, s.col+1
		}
	}
}

// here is the place of the next byte, as key and value.
func (s *tomlScanner) here() TOMLPlace { return TOMLPlace{s.line, s.col, s.line, s.col} }

// skipSpace moves past spaces and tabs.
func (s *tomlScanner) skipSpace() {
	for c := s.peek(); c == ' ' || c == '\t'; c = s.peek() {
		s.advance(1)
	}
}

// skipComment moves past a comment, if one starts here, to its line's end.
func (s *tomlScanner) skipComment() {
	if s.peek() != '#' {
		return
	}
	end := strings.IndexByte(s.src[s.i:], '\n')
	if end < 0 {
		end = len(s.src) - s.i
	}
	s.advance(end)
}

// skipBlank moves past spaces, line ends and comments, as may stand
// between the values of an array or an inline table.
func (s *tomlScanner) skipBlank() {
	for {
		switch s.peek() {
		case ' ', '\t', '\r', '\n':
			s.advance(1)
		case '#':
			s.skipComment()
		default:
			return
		}
	}
}

// scan reads the whole text into root, the top-level table.
func (s *tomlScanner) scan(root *TOMLNode) {
	table := root
	s.skipBOM()
	for !s.bad && s.i < len(s.src) {
		s.skipSpace()
		switch s.peek() {
		case '\r', '\n':
			s.advance(1)
			continue
		case '#':
			s.skipComment()
			continue
		case 0:
			if s.i >= len(s.src) {
				return
			}
			s.keyValue(table, 0) // a NUL, which it refuses
		case '[':
			table = s.header(root)
		default:
			s.keyValue(table, 0)
		}
		s.skipSpace()
		s.skipComment()
		if c := s.peek(); c != '\r' && c != '\n' && s.i < len(s.src) {
			s.bad = true // more on the line
		}
	}
}

// header reads a table header, [a.b] or [[a.b]], and returns the table it
// starts.
func (s *tomlScanner) header(root *TOMLNode) *TOMLNode {
	s.advance(1)
	array := s.peek() == '['
	if array {
		s.advance(1)
	}
	s.skipSpace()
	at := s.here()
	keys := s.key()
	if keys == nil || s.peek() != ']' || array && !strings.HasPrefix(s.src[s.i:], "]]") {
		s.bad = true
		return root
	}
	if array {
		s.advance(2)
	} else {
		s.advance(1)
	}
	t := root
	for _, k := range keys[:len(keys)-1] {
		t = s.table(t, k, at)
	}
	last := keys[len(keys)-1]
	path, flat := t.join(last)
	n := t.Keys[last.name]
	if !last.ok {
		n = nil // not to be found in a decoded tree: read on, placing nothing
	}
	switch {
	case array:
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
func (s *tomlScanner) table(t *TOMLNode, k tomlKey, at TOMLPlace) *TOMLNode {
	var n *TOMLNode
	if k.ok {
		n = t.Keys[k.name]
	}
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

// attach sets the key k of the table t to n, when k can be found in a
// decoded tree and t has no value of that key yet (which, in a text the
// decoder reads, it never has).
func (s *tomlScanner) attach(t *TOMLNode, k tomlKey, n *TOMLNode) {
	if k.ok && t.Keys[k.name] == nil {
		t.Keys[k.name] = n
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
func (n *TOMLNode) join(k tomlKey) (string, bool) {
	if !n.flat || !k.ok || k.name == "" || strings.ContainsAny(k.name, ".\"'\\") {
		return "", false
	}
	if n.path == "" {
		return k.name, true
	}
	return n.path + "." + k.name, true
}

// keyValue reads "key = value" into the table t, depth deep in arrays
// and inline tables.
func (s *tomlScanner) keyValue(t *TOMLNode, depth int) {
	at := s.here()
	keys := s.key()
	if keys == nil || s.peek() != '=' {
		s.bad = true
		return
	}
	s.advance(1)
	s.skipSpace()
	place := TOMLPlace{at.KeyLine, at.KeyCol, s.line, s.col}
	for _, k := range keys[:len(keys)-1] {
		t = s.table(t, k, at)
	}
	last := keys[len(keys)-1]
	path, flat := t.join(last)
	v := s.value(path, flat, depth)
	if s.bad {
		return
	}
	v.Place = place
	s.attach(t, last, v)
	s.record(path, flat, place)
}

// key reads a key, dotted or not, and the spaces after it. It returns nil
// when no key is written here.
func (s *tomlScanner) key() []tomlKey {
	var keys []tomlKey
	for {
		s.skipSpace()
		rest := s.src[s.i:]
		var k tomlKey
		switch s.peek() {
		case '"':
			end := basicStringEnd(rest)
			if end < 0 {
				return nil
			}
			name, ok := unquoteTOML(rest[1 : end-1])
			k = tomlKey{name, ok}
			s.advance(end)
		case '\'':
			end := strings.IndexAny(rest[1:], "'\n")
			if end < 0 || rest[1+end] != '\'' {
				return nil
			}
			k = tomlKey{rest[1 : 1+end], true}
			s.advance(end + 2)
		default:
			end := 0
			for end < len(rest) && isBareKeyByte(rest[end]) {
				end++
			}
			if end == 0 {
				return nil
			}
			k = tomlKey{rest[:end], true}
			s.advance(end)
		}
		keys = append(keys, k)
		s.skipSpace()
		if s.peek() != '.' {
			return keys
		}
		s.advance(1)
	}
}

// unquoteTOML returns the text inside the quotes of a basic string,
// with its escapes replaced by what they stand for (TOML 1.1's \e and
// \xHH too), and false when one of them is not TOML's.
func unquoteTOML(s string) (string, bool) {
	if !strings.Contains(s, `\`) {
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		if i+1 >= len(s) {
			return "", false
		}
		i++
		digits := 0
		switch s[i] {
		case 'b':
			b.WriteByte('\b')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'f':
			b.WriteByte('\f')
		case 'r':
			b.WriteByte('\r')
		case 'e':
			b.WriteByte(0x1b)
		case '"', '\\':
			b.WriteByte(s[i])
		case 'x':
			digits = 2
		case 'u':
			digits = 4
		case 'U':
			digits = 8
		default:
			return "", false
		}
		if digits == 0 {
			continue
		}
		if i+digits >= len(s) {
			return "", false
		}
		r, err := strconv.ParseUint(s[i+1:i+1+digits], 16, 32)
		if err != nil || !utf8.ValidRune(rune(r)) {
			return "", false
		}
		b.WriteRune(rune(r))
		i += digits
	}
	return b.String(), true
}

// isBareKeyByte reports whether c may be part of a bare key: A-Z, a-z,
// 0-9, _ and -.
func isBareKeyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

// basicStringEnd returns the length of the one-line basic string, "…",
// that s starts with, quotes included, or -1 when it does not end on its
// line.
func basicStringEnd(s string) int {
	for j := 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		case '\n':
			return -1
		}
	}
	return -1
}

// value reads a value, depth deep in arrays and inline tables, whose
// path in TOMLPlaces is path (flat false: none), and returns its node,
// which its caller places.
func (s *tomlScanner) value(path string, flat bool, depth int) *TOMLNode {
	n := &TOMLNode{path: path, flat: flat}
	if depth > tomlMaxDepth {
		s.bad = true
		return n
	}
	rest := s.src[s.i:]
	switch s.peek() {
	case '"', '\'':
		end := stringEnd(rest)
		if end < 0 {
			s.bad = true
			return n
		}
		s.advance(end)
	case '[':
		s.advance(1)
		n.Items = []*TOMLNode{}
		for {
			s.skipBlank()
			if s.peek() == ']' {
				s.advance(1)
				return n
			}
			at := s.here()
			item := s.value(path, flat, depth+1)
			if s.bad {
				return n
			}
			item.Place = at
			n.Items = append(n.Items, item)
			s.skipBlank()
			switch s.peek() {
			case ',':
				s.advance(1)
			case ']':
				s.advance(1)
				return n
			default:
				s.bad = true
				return n
			}
		}
	case '{':
		s.advance(1)
		n.Keys = map[string]*TOMLNode{}
		for {
			// Line ends and comments inside an inline table are TOML 1.1,
			// which the decoder reads.
			s.skipBlank()
			if s.peek() == '}' {
				s.advance(1)
				return n
			}
			s.keyValue(n, depth+1)
			if s.bad {
				return n
			}
			s.skipBlank()
			switch s.peek() {
			case ',':
				s.advance(1)
			case '}':
				s.advance(1)
				return n
			default:
				s.bad = true
				return n
			}
		}
	default:
		end := bareValueEnd(rest)
		if end == 0 {
			s.bad = true
			return n
		}
		s.advance(end)
	}
	return n
}

// stringEnd returns the length of the string that s starts with, in
// double or single quotes, one or three of them, quotes included, or -1
// when it never ends.
func stringEnd(s string) int {
	q := s[:1]
	if !strings.HasPrefix(s, q+q+q) {
		if q == `"` {
			return basicStringEnd(s)
		}
		end := strings.IndexAny(s[1:], "'\n")
		if end < 0 || s[1+end] != '\'' {
			return -1
		}
		return end + 2
	}
	for j := 3; j < len(s); j++ {
		if s[j] == '\\' && q == `"` {
			j++
			continue
		}
		if strings.HasPrefix(s[j:], q+q+q) {
			// Up to two quotes of the text may stand before the closing
			// three: """a""""" is the text a"".
			end := j + 3
			for end < len(s) && end < j+5 && s[end] == q[0] {
				end++
			}
			return end
		}
	}
	return -1
}

// bareValueEnd returns the length of the value other than a string, an
// array or an inline table that s starts with (a number, a date, true):
// up to a space, a comma, a closing bracket or brace, a comment or the
// line's end, and past the space between a date and its time
// (1979-05-27 07:32:00Z).
func bareValueEnd(s string) int {
	end := 0
	for end < len(s) && strings.IndexByte(" \t\r\n,]}#", s[end]) < 0 {
		end++
	}
	if end == 10 && s[4] == '-' && s[7] == '-' && end+1 < len(s) && s[end] == ' ' && '0' <= s[end+1] && s[end+1] <= '9' {
		return end + 1 + bareValueEnd(s[end+1:])
	}
	return end
}
