// Package yamlsubset reads the YAML that front matter is nearly always
// written in several times faster than a general YAML parser, and gives
// the same node tree yaml.v3 gives for it: the same kinds, tags, values,
// styles, lines and columns.
//
// The subset is block mappings and block sequences (a sequence entry may
// hold a mapping: "- date: 2024-01-01"), flow sequences and mappings of
// scalars written on one line ("[a, b]", "{date: 2024-01-01, value: 3}"),
// plain scalars on one line, and quoted scalars on one line without
// backslash escapes. Comments are skipped. Anything else — a multi-line
// scalar, a block scalar (| or >), an anchor, alias or tag, an empty
// value, a tab, a carriage return, a document marker, a syntax error — is
// declined: Parse reports false and the caller hands the text to yaml.v3,
// which reads it all and explains its errors. Declining is always safe;
// accepting is checked against yaml.v3 by a differential fuzz test.
//
// Comments are not attached to nodes (HeadComment, LineComment and
// FootComment stay empty), as plotline never reads them.
package yamlsubset

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// maxDepth is the deepest nesting of collections Parse reads; deeper
// text is declined (front matter is a few levels deep).
const maxDepth = 64

// maxSize is the size in bytes of the longest text Parse reads; a longer
// one is declined. Front matter is a few kilobytes, a long inline series
// some tens; the limit keeps the line table of a hostile text (a
// megabyte of line feeds) small.
const maxSize = 256 << 10

// maxKeyLen is the longest mapping key Parse reads: yaml.v3 refuses an
// implicit key longer than 1024 characters, and a key is declined well
// before that.
const maxKeyLen = 512

// Parse reads src as one YAML document holding a mapping and returns the
// document node, as yaml.Unmarshal into a yaml.Node would. It reports false,
// and returns nil, when src is outside the subset (see the package doc),
// is empty, is longer than 256 KB, or holds anything but a mapping at its
// top.
func Parse(src []byte) (*yaml.Node, bool) {
	if len(src) > maxSize || !validText(src) {
		return nil, false
	}
	p := &parser{src: src, lines: splitLines(src)}
	if slices.ContainsFunc(p.lines, p.marker) {
		return nil, false
	}
	if !p.nextContent() {
		return nil, false
	}
	first := p.lines[p.n]
	if p.isSequenceEntry(first, first.indent) {
		return nil, false
	}
	root, ok := p.blockMapping(first.indent, first.start+first.indent)
	if !ok || p.nextContent() {
		return nil, false
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, Line: root.Line, Column: root.Column, Content: []*yaml.Node{root}}
	return doc, true
}

// validText reports whether src holds only characters the subset allows:
// printable UTF-8 and line feeds, without tabs, carriage returns, YAML's
// other line breaks (U+0085, U+2028, U+2029) or a byte-order mark.
func validText(src []byte) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if (c < ' ' && c != '\n') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError || !printable(r) {
			return false
		}
		i += size
	}
	return true
}

// printable reports whether YAML allows the non-ASCII rune r in a
// document, leaving out the three runes it reads as line breaks and the
// byte-order mark.
func printable(r rune) bool {
	switch {
	case r == 0x85, r == 0x2028, r == 0x2029, r == 0xFEFF:
		return false
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// line is one line of the text.
type line struct {
	start, end int  // byte offsets of its text, without the line feed
	indent     int  // the spaces it starts with
	content    bool // whether it holds more than spaces and a comment
	ascii      bool // whether all its bytes are ASCII
}

// splitLines cuts src into lines.
func splitLines(src []byte) []line {
	lines := make([]line, 0, 64)
	for start := 0; start <= len(src); {
		end := start
		ascii := true
		for end < len(src) && src[end] != '\n' {
			if src[end] >= utf8.RuneSelf {
				ascii = false
			}
			end++
		}
		indent := 0
		for start+indent < end && src[start+indent] == ' ' {
			indent++
		}
		content := start+indent < end && src[start+indent] != '#'
		lines = append(lines, line{start: start, end: end, indent: indent, content: content, ascii: ascii})
		if end == len(src) {
			break
		}
		start = end + 1
	}
	return lines
}

// parser reads the text line by line. n is the line it stands at: every
// line before it has been read.
type parser struct {
	src   []byte
	lines []line
	n     int
	depth int
	slab  []yaml.Node // nodes allocated together, handed out one by one
	// colAt is a byte offset column counted up to, and colRunes the
	// characters before it on its line.
	colAt, colRunes int
}

// nextContent moves to the next line from n that holds more than spaces
// and a comment, and reports whether there is one.
func (p *parser) nextContent() bool {
	for ; p.n < len(p.lines); p.n++ {
		if p.lines[p.n].content {
			return true
		}
	}
	return false
}

// marker reports whether l starts with "---" or "...", which may be a
// document marker; Parse declines text with such a line.
func (p *parser) marker(l line) bool {
	if l.end-l.start < 3 {
		return false
	}
	s := p.src[l.start : l.start+3]
	return string(s) == "---" || string(s) == "..."
}

// isSequenceEntry reports whether l is a block sequence entry at column
// indent: a dash there followed by a space or the end of the line.
func (p *parser) isSequenceEntry(l line, indent int) bool {
	i := l.start + indent
	return l.indent == indent && i < l.end && p.src[i] == '-' && (i+1 == l.end || p.src[i+1] == ' ')
}

// column returns the 1-based column, in characters, of byte offset at of
// line l. On a line with non-ASCII text it counts on from the offset it
// was last asked about, as nodes come left to right, so that a long line
// of many nodes costs its length once, not once a node.
func (p *parser) column(l line, at int) int {
	if l.ascii {
		return at - l.start + 1
	}
	if p.colAt < l.start || p.colAt > at {
		p.colAt, p.colRunes = l.start, 0
	}
	p.colRunes += utf8.RuneCount(p.src[p.colAt:at])
	p.colAt = at
	return p.colRunes + 1
}

// newNode returns a node of kind at byte offset at of the current line.
func (p *parser) newNode(kind yaml.Kind, tag string, at int) *yaml.Node {
	if len(p.slab) == 0 {
		p.slab = make([]yaml.Node, 32)
	}
	n := &p.slab[0]
	p.slab = p.slab[1:]
	l := p.lines[p.n]
	// The slab is zeroed: setting four fields, not the whole struct,
	// spares the write barriers of its other pointers.
	n.Kind, n.Tag, n.Line, n.Column = kind, tag, p.n+1, p.column(l, at)
	return n
}

// enter counts one level of nesting, and reports false when it is one too
// many.
func (p *parser) enter() bool {
	p.depth++
	return p.depth <= maxDepth
}

// blockMapping reads a block mapping whose keys stand at column indent,
// the first of them at byte offset at of the current line (later than the
// line's indentation when the mapping starts a sequence entry). It stops
// before the first line indented less.
func (p *parser) blockMapping(indent, at int) (*yaml.Node, bool) {
	if !p.enter() {
		return nil, false
	}
	defer func() { p.depth-- }()
	m := p.newNode(yaml.MappingNode, "!!map", at)
	for {
		key, after, ok := p.blockKey(at)
		if !ok {
			return nil, false
		}
		value, ok := p.mappingValue(indent, after)
		if !ok {
			return nil, false
		}
		m.Content = append(m.Content, key, value)
		if !p.nextContent() {
			return m, true
		}
		l := p.lines[p.n]
		switch {
		case l.indent < indent:
			return m, true
		case l.indent > indent:
			return nil, false
		}
		at = l.start + indent
	}
}

// blockKey reads the key of a block mapping entry at byte offset at of
// the current line, and returns it with the offset just after its colon.
func (p *parser) blockKey(at int) (*yaml.Node, int, bool) {
	l := p.lines[p.n]
	var key *yaml.Node
	var end int
	switch p.src[at] {
	case '"', '\'':
		var ok bool
		key, end, ok = p.quoted(at, l.end)
		if !ok {
			return nil, 0, false
		}
	default:
		if !plainStart(p.src, at, l.end, false) {
			return nil, 0, false
		}
		var stop byte
		end, stop = p.plainBlock(at, l.end)
		if stop != ':' || end == at {
			return nil, 0, false
		}
		key = p.plainNode(at, end)
	}
	// A space before the colon ("key : value") is left to yaml.v3.
	if end-at > maxKeyLen || end >= l.end || p.src[end] != ':' {
		return nil, 0, false
	}
	after := end + 1
	if after < l.end && p.src[after] != ' ' {
		return nil, 0, false
	}
	return key, after, true
}

// mappingValue reads the value of a block mapping entry whose key stands
// at column indent, from byte offset at of the current line, just after
// the colon. The value is either on the same line or, when the line ends
// there, a block collection on the lines that follow.
func (p *parser) mappingValue(indent, at int) (*yaml.Node, bool) {
	l := p.lines[p.n]
	i := skipSpaces(p.src, at, l.end)
	if i < l.end && p.src[i] != '#' {
		return p.inlineValue(i, indent)
	}
	p.n++
	if !p.nextContent() {
		return nil, false // an empty value at the end
	}
	next := p.lines[p.n]
	switch {
	case next.indent > indent:
		if p.isSequenceEntry(next, next.indent) {
			return p.blockSequence(next.indent)
		}
		return p.blockMapping(next.indent, next.start+next.indent)
	case next.indent == indent && p.isSequenceEntry(next, indent):
		// A sequence at the key's own column ("tags:\n- a").
		return p.blockSequence(indent)
	}
	return nil, false // an empty value
}

// blockSequence reads a block sequence whose dashes stand at column
// indent. It stops before the first line indented less, or at the same
// column without a dash.
func (p *parser) blockSequence(indent int) (*yaml.Node, bool) {
	if !p.enter() {
		return nil, false
	}
	defer func() { p.depth-- }()
	l := p.lines[p.n]
	seq := p.newNode(yaml.SequenceNode, "!!seq", l.start+indent)
	for {
		i := skipSpaces(p.src, l.start+indent+1, l.end)
		if i == l.end || p.src[i] == '#' {
			return nil, false // the entry's value on the next lines
		}
		item, ok := p.sequenceItem(i, indent)
		if !ok {
			return nil, false
		}
		seq.Content = append(seq.Content, item)
		if !p.nextContent() {
			return seq, true
		}
		l = p.lines[p.n]
		switch {
		case l.indent < indent:
			return seq, true
		case l.indent > indent:
			return nil, false
		case !p.isSequenceEntry(l, indent):
			return seq, true
		}
	}
}

// sequenceItem reads the value of a block sequence entry whose dash
// stands at column indent, from byte offset at of the current line: a
// mapping when a key and colon come first ("- date: 2024-01-01"),
// otherwise a value on this line.
func (p *parser) sequenceItem(at, indent int) (*yaml.Node, bool) {
	l := p.lines[p.n]
	switch p.src[at] {
	case '"', '\'':
		_, end, ok := p.quoted(at, l.end)
		if !ok {
			return nil, false
		}
		if end < l.end && p.src[end] == ':' {
			return p.blockMapping(at-l.start, at)
		}
	case '[', '{':
	default:
		end, stop := p.plainBlock(at, l.end)
		if stop == ':' && end > at {
			return p.blockMapping(at-l.start, at)
		}
	}
	return p.inlineValue(at, indent)
}

// inlineValue reads a value that starts at byte offset at of the current
// line and ends with it: a flow collection, a quoted or a plain scalar.
// The value belongs to an entry at column indent; a line indented more
// that follows would continue the value, which the subset declines.
func (p *parser) inlineValue(at, indent int) (*yaml.Node, bool) {
	l := p.lines[p.n]
	var value *yaml.Node
	var end int
	var ok bool
	switch c := p.src[at]; c {
	case '[', '{':
		value, end, ok = p.flowCollection(at, l.end)
	case '"', '\'':
		value, end, ok = p.quoted(at, l.end)
	default:
		if !plainStart(p.src, at, l.end, false) {
			return nil, false
		}
		var stop byte
		end, stop = p.plainBlock(at, l.end)
		ok = stop != ':'
		if ok {
			value = p.plainNode(at, end)
		}
	}
	if !ok || !p.restIsComment(end, l.end) {
		return nil, false
	}
	p.n++
	if p.nextContent() && p.lines[p.n].indent > indent {
		return nil, false
	}
	return value, true
}

// restIsComment reports whether the bytes from at to end are spaces, and
// then perhaps a comment after at least one space.
func (p *parser) restIsComment(at, end int) bool {
	i := skipSpaces(p.src, at, end)
	return i == end || (p.src[i] == '#' && i > at)
}

// plainBlock scans a plain scalar of the block context from byte offset
// at, up to end. It returns the offset just after the scalar's last
// non-space byte, and what stopped it: ':' for a colon followed by a
// space or the end of the line, '#' for a comment, 0 for the end.
func (p *parser) plainBlock(at, end int) (int, byte) {
	last := at
	for i := at; i < end; i++ {
		switch p.src[i] {
		case ':':
			if i+1 == end || p.src[i+1] == ' ' {
				return last, ':'
			}
		case ' ':
			if i+1 < end && p.src[i+1] == '#' {
				return last, '#'
			}
			continue
		}
		last = i + 1
	}
	return last, 0
}

// plainFlow scans a plain scalar inside a flow collection from byte
// offset at, up to end. It returns the offset just after the scalar's last
// non-space byte and what stopped it: ':' for a colon followed by a space,
// or the flow indicator ',', ']' or '}'. It reports false for anything the
// subset leaves to yaml.v3: a comment, a nested collection, a question
// mark (which ends a plain scalar in a flow), a colon before an indicator,
// or the end of the line.
func (p *parser) plainFlow(at, end int) (int, byte, bool) {
	last := at
	for i := at; i < end; i++ {
		switch c := p.src[i]; c {
		case ':':
			if i+1 == end {
				return 0, 0, false
			}
			switch p.src[i+1] {
			case ' ':
				return last, ':', true
			case ',', '?', '[', ']', '{', '}':
				return 0, 0, false
			}
		case ',', ']', '}':
			return last, c, true
		case '[', '{', '?':
			return 0, 0, false
		case ' ':
			if i+1 < end && p.src[i+1] == '#' {
				return 0, 0, false
			}
			continue
		}
		last = i + 1
	}
	return 0, 0, false
}

// plainStart reports whether a plain scalar may start at byte offset at:
// not with an indicator, nor with a dash followed by a space.
func plainStart(src []byte, at, end int, flow bool) bool {
	switch src[at] {
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ':
		return false
	case '-':
		if at+1 == end {
			return false
		}
		switch src[at+1] {
		case ' ':
			return false
		case ',', '[', ']', '{', '}':
			return !flow
		}
	}
	return true
}

// plainNode returns the node of the plain scalar between byte offsets at
// and end of the current line.
func (p *parser) plainNode(at, end int) *yaml.Node {
	n := p.newNode(yaml.ScalarNode, "", at)
	n.Value = string(p.src[at:end])
	n.Tag = resolve(n.Value)
	return n
}

// quoted reads the quoted scalar whose opening quote is at byte offset at,
// closing on the same line before end, and returns it with the offset
// just after the closing quote. A double-quoted scalar with a backslash
// escape is left to yaml.v3.
func (p *parser) quoted(at, end int) (*yaml.Node, int, bool) {
	quote := p.src[at]
	n := p.newNode(yaml.ScalarNode, "!!str", at)
	if quote == '"' {
		n.Style = yaml.DoubleQuotedStyle
		for i := at + 1; i < end; i++ {
			switch p.src[i] {
			case '\\':
				return nil, 0, false
			case '"':
				n.Value = string(p.src[at+1 : i])
				return n, i + 1, true
			}
		}
		return nil, 0, false
	}
	n.Style = yaml.SingleQuotedStyle
	escaped := false
	for i := at + 1; i < end; i++ {
		if p.src[i] != '\'' {
			continue
		}
		if i+1 < end && p.src[i+1] == '\'' {
			escaped = true
			i++
			continue
		}
		// Each value is a string of its own: a title kept for the
		// site's lists must not keep the whole front matter alive.
		n.Value = string(p.src[at+1 : i])
		if escaped {
			n.Value = strings.ReplaceAll(n.Value, "''", "'")
		}
		return n, i + 1, true
	}
	return nil, 0, false
}

// flowCollection reads the flow sequence or mapping whose opening bracket
// is at byte offset at and which closes before end, and returns it with
// the offset just after the closing bracket. Its entries are scalars; a
// nested collection, an empty entry or a trailing comma is left to
// yaml.v3.
func (p *parser) flowCollection(at, end int) (*yaml.Node, int, bool) {
	mapping := p.src[at] == '{'
	var n *yaml.Node
	closing := byte(']')
	if mapping {
		n = p.newNode(yaml.MappingNode, "!!map", at)
		closing = '}'
	} else {
		n = p.newNode(yaml.SequenceNode, "!!seq", at)
	}
	n.Style = yaml.FlowStyle
	i := skipSpaces(p.src, at+1, end)
	if i < end && p.src[i] == closing {
		return n, i + 1, true
	}
	for {
		entry, stop, next, ok := p.flowScalar(i, end)
		if !ok {
			return nil, 0, false
		}
		if mapping {
			if stop != ':' {
				return nil, 0, false // a key without a value
			}
			if next-i > maxKeyLen {
				return nil, 0, false // a key yaml.v3 may find too long
			}
			value, vstop, vnext, ok := p.flowScalar(skipSpaces(p.src, next, end), end)
			if !ok || vstop == ':' {
				return nil, 0, false
			}
			n.Content = append(n.Content, entry, value)
			stop, next = vstop, vnext
		} else {
			if stop == ':' {
				return nil, 0, false // a pair inside a sequence
			}
			n.Content = append(n.Content, entry)
		}
		switch stop {
		case closing:
			return n, next, true
		case ',':
			i = skipSpaces(p.src, next, end)
			if i == end || p.src[i] == ',' || p.src[i] == closing {
				return nil, 0, false
			}
		default:
			return nil, 0, false
		}
	}
}

// flowScalar reads a scalar entry of a flow collection at byte offset at,
// and returns it with the indicator that ends it (':', ',', ']' or '}')
// and the offset just after that indicator.
func (p *parser) flowScalar(at, end int) (*yaml.Node, byte, int, bool) {
	if at >= end {
		return nil, 0, 0, false
	}
	switch p.src[at] {
	case '"', '\'':
		n, after, ok := p.quoted(at, end)
		if !ok {
			return nil, 0, 0, false
		}
		i := skipSpaces(p.src, after, end)
		if i == end {
			return nil, 0, 0, false
		}
		switch c := p.src[i]; c {
		case ',', ']', '}':
			return n, c, i + 1, true
		case ':':
			if i == after && i+1 < end && p.src[i+1] == ' ' {
				return n, c, i + 1, true
			}
		}
		return nil, 0, 0, false
	}
	if !plainStart(p.src, at, end, true) {
		return nil, 0, 0, false
	}
	last, stop, ok := p.plainFlow(at, end)
	if !ok || last == at {
		return nil, 0, 0, false
	}
	i := skipSpaces(p.src, last, end)
	if stop == ':' && i != last {
		return nil, 0, 0, false // a space before the colon: left to yaml.v3
	}
	return p.plainNode(at, last), stop, i + 1, true
}

// skipSpaces returns the offset of the first byte from at, before end,
// that is not a space, or end.
func skipSpaces(src []byte, at, end int) int {
	for at < end && src[at] == ' ' {
		at++
	}
	return at
}

// resolve returns the tag yaml.v3 gives the plain scalar s. The common
// cases are decided here; the rest are asked of yaml.v3 itself.
func resolve(s string) string {
	c := s[0]
	switch {
	case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		switch c {
		case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O':
		default:
			return "!!str" // yaml.v3 resolves nothing else that starts with a letter
		}
	case c >= '1' && c <= '9':
		if tag := resolveNumber(s); tag != "" {
			return tag
		}
	}
	n := yaml.Node{Kind: yaml.ScalarNode, Value: s}
	return n.ShortTag()
}

// resolveNumber returns the tag of s, which starts with a digit from 1
// to 9, when it is a decimal integer, a decimal fraction or a date, and ""
// otherwise.
func resolveNumber(s string) string {
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	switch {
	case digits == len(s) && digits <= 18:
		return "!!int"
	case digits == 4 && len(s) == 10 && s[4] == '-' && s[7] == '-' && isDigits(s[5:7]) && isDigits(s[8:10]):
		// yaml.v3 tries its timestamp layouts in turn; of those, only
		// "2006-1-2" can match four digits, a dash, two, a dash, two.
		if _, err := time.Parse("2006-1-2", s); err == nil {
			return "!!timestamp"
		}
	case digits < len(s) && s[digits] == '.' && digits+1 < len(s) && isDigits(s[digits+1:]) && len(s) <= 18:
		return "!!float"
	}
	return ""
}

// isDigits reports whether s is all ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
