package yamlpos

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// A mistake is a place in YAML text that YAML refuses, and why, in a
// writer's words.
type mistake struct {
	off int    // byte offset of the mistake in the text
	msg string // what is wrong, and the fix where it is known
}

// findMistake looks through src, YAML text whose top is meant to be a
// block mapping (front matter, a chart block, a config file), for the
// first of the mistakes writers make: a line indented unlike its
// siblings, a tab in the indentation, a value holding ": ", a bracket or
// quote never closed, text after a closing quote, a "-" item where a key
// was expected, a key without its colon or the space after it, a value
// starting with a character YAML reserves, an unknown escape.
//
// It reads the text line by line, following the block structure as the
// YAML scanner does, and gives up (reporting false) where the text holds
// something it does not follow: tags, explicit keys, flow collections as
// keys, directives, documents. It never reports a mistake in text that
// YAML reads as a mapping, which FuzzFindMistake checks against the
// decoder; it is meant for text the decoder has refused, to say where
// and why.
func findMistake(src []byte) (mistake, bool) {
	if hasYAMLOnlyBreak(src) || !utf8.Valid(src) {
		return mistake{}, false
	}
	a := &analyzer{src: src, opener: -1, plain: -1, block: -1, quote: -1, suspect: -1}
	for off := 0; off <= len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		lineEnd := end
		if lineEnd > off && src[lineEnd-1] == '\r' {
			lineEnd--
		}
		a.start = off
		if a.line(off, lineEnd) {
			return a.found, a.found.msg != ""
		}
		a.first = a.first || a.sawContent
		off = end + 1
	}
	switch {
	case a.quote >= 0:
		return mistake{a.quote, unclosed(src[a.quote])}, true
	case len(a.flow) > 0:
		off := a.flow[len(a.flow)-1].off
		return mistake{off, unclosed(src[off])}, true
	}
	return mistake{}, false
}

// level is a block collection open at a column.
type level struct {
	col     int  // the column of its keys or of its "-"
	seq     bool // a sequence (of "-" items), else a mapping
	compact bool // a sequence whose "-" is at the column of its mapping key
}

// bracket is a flow collection open at an offset.
type bracket struct {
	off    int
	ch     byte // '[' or '{'
	value  bool // in a flow mapping, after the ":" of a key
	scalar bool // and after some of the value
	done   bool // after a whole quoted text or closed collection, where a ",", ":" or the closing bracket must come
	braces int  // when done after a collection that opened with "{{", its offset; else -1
	indent int  // the indentation of the line it opened on
}

// analyzer is the state of findMistake between lines.
type analyzer struct {
	src   []byte
	start int // the offset of the current line

	levels []level
	// opener is the column of the key or "-" on the line before whose
	// value starts on the next lines, or -1; openerKey says it is a key.
	opener    int
	openerKey bool
	// plain is the column of the key or "-" whose plain value, begun on
	// the line before, may go on over more deeply indented lines, or -1.
	plain int
	// block is the column of the key or "-" of a block scalar (| or >)
	// being read, or -1; blockIndent is the indentation of its lines,
	// 0 until the first of them.
	block, blockIndent int

	flow  []bracket // the open flow collections, innermost last
	quote int       // the offset of the quote of a quoted value going on over lines, or -1
	// quoteIndent is the indentation of the line the quote opened on.
	quoteIndent int
	// suspect is the offset of a bracket or quote that is most likely
	// never closed (a line that looks like a new key came while it was
	// open), or -1: a later mistake found while it is open is reported
	// as it instead.
	suspect int

	// emptyKey is the key, as written, of the line before whose value
	// was left to the lines under it (nothing after its colon, or a
	// block scalar's "|" or ">" with no lines yet), and emptyCol its
	// column; under is the same for the line being read.
	emptyKey, under    string
	emptyCol, underCol int
	// emptyBlock and underBlock are the "|" or ">" of a block scalar's
	// key, or 0.
	emptyBlock, underBlock byte

	anchors    map[string]bool
	indent     int  // the indentation of the line being read
	prevIndent int  // the indentation of the last line that was not blank
	first      bool // a line with content has been read before this one
	root       bool // the text is a flow collection, and its keys need no indentation
	sawContent bool
	found      mistake
}

// fail records m as the mistake found, or the suspect it follows from,
// and reports true so that the caller stops.
func (a *analyzer) fail(off int, format string, args ...any) bool {
	if a.suspect >= 0 {
		a.found = mistake{a.suspect, unclosed(a.src[a.suspect])}
		return true
	}
	a.found = mistake{off: off, msg: fmt.Sprintf(format, args...)}
	return true
}

// decline stops the analysis without a mistake.
func (a *analyzer) decline() bool {
	a.found = mistake{}
	return true
}

// unclosed is the message for the quote, "[" or "{" c that is never
// closed, in YAML or TOML.
func unclosed(c byte) string {
	switch c {
	case '[':
		return `this "[" is never closed: end the list with "]"`
	case '{':
		return `this "{" is never closed: end it with "}"`
	}
	return fmt.Sprintf("this quote is never closed: end the text with %c", c)
}

// line reads the line src[off:end]. It reports true when the analysis
// is over: a.found then holds the mistake, or nothing if it declined.
func (a *analyzer) line(off, end int) bool {
	src := a.src
	a.sawContent = false
	indent := 0
	for off+indent < end && src[off+indent] == ' ' {
		indent++
	}
	a.indent = indent
	p := off + indent
	blank := len(bytes.Trim(src[p:end], " \t")) == 0

	// A quoted value or a flow collection going on from the line before.
	if a.quote >= 0 {
		if !blank && indent <= a.quoteIndent && a.suspect < 0 && looksLikeKey(src[p:end]) {
			a.suspect = a.quote
		}
		q := a.scanQuoted(a.quote, p, end)
		if a.found.msg != "" {
			return true
		}
		if q < 0 {
			return false
		}
		if a.suspect == a.quote {
			a.suspect = -1
		}
		a.quote = -1
		return a.afterScalar(q, end)
	}
	if len(a.flow) > 0 {
		if !blank && a.suspect < 0 && !a.root && indent <= a.flow[0].indent && (looksLikeKey(src[p:end]) || isDash(src, p, end)) {
			a.suspect = a.flow[len(a.flow)-1].off
		}
		return a.scanFlow(off, end)
	}
	if blank {
		return false
	}
	a.sawContent = true
	defer func() { a.prevIndent = indent }()
	a.under, a.underCol, a.underBlock = a.emptyKey, a.emptyCol, a.emptyBlock
	if a.block < 0 || a.blockIndent > 0 || indent > a.block {
		a.emptyKey, a.emptyBlock = "", 0
	}

	// The lines of a block scalar.
	if a.block >= 0 {
		switch {
		case a.blockIndent == 0 && indent > a.block:
			a.blockIndent = indent
			return false
		case a.blockIndent > 0 && indent >= a.blockIndent:
			return false
		}
		a.block, a.blockIndent = -1, 0
	}
	if src[p] == '#' {
		a.sawContent = false
		return false
	}
	// The next line of a plain value begun on the line before, where a
	// tab after the indentation is a space between words ("0: 0\n \t0"
	// is "0 0").
	if a.plain >= 0 && indent > a.plain {
		return a.continuation(p, end, indent)
	}
	if src[p] == '\t' {
		return a.fail(p, "a tab indents this line: YAML indents with spaces only")
	}
	if indent == 0 && (isMarker(src[p:end], "---") || isMarker(src[p:end], "...") || src[p] == '%') {
		if !a.first && string(bytes.TrimRight(src[p:end], " \t")) == "---" {
			a.sawContent = false
			return false // a config file may start with a document marker
		}
		return a.decline() // directives and documents
	}

	a.plain = -1
	return a.structure(p, end, indent)
}

// continuation reads src[p:end], a line of a plain value that goes on
// from the line before. A ": " in it is a mistake: a key indented too
// far, or a value that needed quotes.
func (a *analyzer) continuation(p, end, indent int) bool {
	src := a.src
	switch i := plainColon(src, p, end); {
	case i < 0:
		if commentStart(src, p, end) < end {
			a.plain = -1 // a comment ends the value
		}
		return false
	case i > p && !bytes.ContainsAny(src[p:i], " \t"):
		return a.fail(p, "%s", indented(indent, a.plain))
	default:
		return a.fail(i, "%s", colonMessage(i+1 == end, "", ""))
	}
}

// structure reads src[p:end], a line of the block structure indented
// indent spaces.
func (a *analyzer) structure(p, end, indent int) bool {
	src := a.src
	dash := isDash(src, p, end)
	popped := -1
	if op := a.opener; op >= 0 {
		a.opener = -1
		switch {
		case indent > op && dash:
			a.levels = append(a.levels, level{col: indent, seq: true})
			return a.content(p, end)
		case indent > op:
			k, ok := a.keyColon(p, end)
			if !ok {
				return true
			}
			if k < 0 {
				// The value of the key on the line before.
				return a.value(p, end, op, "")
			}
			a.levels = append(a.levels, level{col: indent})
			return a.content(p, end)
		case indent == op && dash && a.openerKey:
			a.levels = append(a.levels, level{col: indent, seq: true, compact: true})
			return a.content(p, end)
		case indent == op && a.openerKey && (src[p] == '|' || src[p] == '>'):
			// The decoder takes a block scalar at the key's own
			// indentation for its value.
			return a.value(p, end, op, "")
		}
	}
	for len(a.levels) > 0 && a.levels[len(a.levels)-1].col > indent {
		popped = a.levels[len(a.levels)-1].col
		a.levels = a.levels[:len(a.levels)-1]
	}
	if len(a.levels) == 0 {
		if a.first {
			// Less indented than the first line: the decoder stops
			// reading there, and ignores the rest.
			return a.decline()
		}
		if dash {
			return a.decline() // a list, not a mapping
		}
		a.levels = append(a.levels, level{col: indent})
		return a.content(p, end)
	}
	top := a.levels[len(a.levels)-1]
	if top.col < indent {
		deeper := popped
		if deeper < 0 && a.prevIndent > indent {
			deeper = a.prevIndent
		}
		siblings := top.col
		if deeper >= 0 && deeper-indent <= indent-top.col {
			siblings = deeper
		}
		return a.fail(p, "%s", indented(indent, siblings))
	}
	if top.seq && !dash {
		if !top.compact {
			return a.decline()
		}
		a.levels = a.levels[:len(a.levels)-1]
		top = a.levels[len(a.levels)-1]
	}
	if !top.seq && dash {
		return a.fail(p, `a "-" list item where a key was expected: a list goes on the lines under a key with nothing after its colon`)
	}
	return a.content(p, end)
}

// content reads the line src[p:end] whose indentation has been checked:
// its "-" items, then a key and its value or a value alone.
func (a *analyzer) content(p, end int) bool {
	src := a.src
	item := false
	for isDash(src, p, end) {
		col := p - a.start
		if top := a.levels[len(a.levels)-1]; !top.seq || top.col != col {
			a.levels = append(a.levels, level{col: col, seq: true})
		}
		next := skipSpace(src, p+1, end)
		if t := bytes.IndexByte(src[p+1:next], '\t'); t >= 0 {
			// The decoder refuses a tab between the "-" of a list item
			// and what follows it, even after a space.
			return a.fail(p+1+t, `a tab after the "-" of a list item: write a space instead (YAML refuses tabs here)`)
		}
		p = next
		item = true
		if p == end || src[p] == '#' {
			a.opener, a.openerKey = col, false
			return false
		}
	}
	col := p - a.start
	k, ok := a.keyColon(p, end)
	if !ok {
		return true
	}
	if k < 0 {
		if item {
			return a.value(p, end, a.levels[len(a.levels)-1].col, "")
		}
		if !a.first && col == 0 && (src[p] == '{' || src[p] == '[') {
			// The whole text is one flow collection, as JSON is.
			a.root = true
			return a.value(p, end, col, "")
		}
		return a.noColon(p, end)
	}
	if top := a.levels[len(a.levels)-1]; top.seq {
		a.levels = append(a.levels, level{col: col})
	}
	return a.value(skipSpace(src, k+1, end), end, col, string(bytes.TrimSpace(src[p:k])))
}

// keyColon finds the colon that ends the key starting at p, or -1 when
// the line holds a value, not a key. It reports false, having stopped
// the analysis, when the line starts with something it does not follow.
func (a *analyzer) keyColon(p, end int) (int, bool) {
	src := a.src
	switch src[p] {
	case '"', '\'':
		q, _ := quoteEnd(src, p, p+1, end)
		if q < 0 {
			return -1, true // not closed on its line: a value, not a key
		}
		r := skipSpace(src, q, end)
		if r < end && src[r] == ':' && (r+1 == end || isSpace(src[r+1])) {
			return r, true
		}
		return -1, true
	case '[', '{':
		return -1, true // a flow collection is read as a value
	case '&', '*', '!', '|', '>', '@', '`', '%':
		if plainColon(src, p, end) >= 0 {
			a.decline() // a key with an anchor, an alias as a key…
			return -1, false
		}
		return -1, true
	case '?', ',', ']', '}':
		a.decline()
		return -1, false
	case ':':
		if p+1 == end || isSpace(src[p+1]) {
			a.decline()
			return -1, false
		}
	}
	return plainColon(src, p, end), true
}

// plainColon returns the offset of the first ": " (or ":" ending the
// line) in the plain text src[p:end] before any comment, or -1.
func plainColon(src []byte, p, end int) int {
	for i := p; i < end; i++ {
		switch {
		case src[i] == '#' && i > p && isSpace(src[i-1]):
			return -1
		case src[i] == ':' && (i+1 == end || isSpace(src[i+1])):
			return i
		}
	}
	return -1
}

// noColon explains the line src[p:end], found where a key was expected,
// that holds no ": ".
func (a *analyzer) noColon(p, end int) bool {
	src := a.src
	if strings.IndexByte("[]{},!&*?|>@`%:#-", src[p]) >= 0 {
		// A flow collection, a tag, an anchor or an alias for the whole
		// text or a key, or something else this reader does not follow.
		return a.decline()
	}
	text := string(bytes.TrimRight(src[p:commentStart(src, p, end)], " \t"))
	if i := strings.IndexByte(text, ':'); i > 0 {
		return a.fail(p+i, "a key needs a space after its colon: %s: %s", text[:i], text[i+1:])
	}
	if k, v, ok := strings.Cut(text, "="); ok && strings.TrimSpace(k) != "" {
		return a.fail(p, `a key is set with ": " in YAML, not "=": %s: %s`, strings.TrimSpace(k), strings.TrimSpace(v))
	}
	if a.under != "" && p-a.start <= a.underCol {
		// The value of the key on the line before, written under it but
		// not indented: the decoder takes it for a key.
		if a.underBlock != 0 {
			return a.fail(p, "the text of %s: %c goes on the lines under it, indented: indent this line", a.under, a.underBlock)
		}
		return a.fail(p, "a value goes on its key's line, or on the lines under it, indented: %s: %s", a.under, text)
	}
	return a.fail(p, `this line has no colon: write a key as "key: value"`)
}

// value reads the value starting at p on the line ending at end. col is
// the column of its key, or of its "-" when it is a list item; key is the
// key as written on this line, or "" when there is none.
func (a *analyzer) value(p, end, col int, key string) bool {
	src := a.src
	for {
		p = skipSpace(src, p, end)
		if p == end || src[p] == '#' {
			a.opener, a.openerKey = col, key != ""
			a.emptyKey, a.emptyCol, a.emptyBlock = key, col, 0
			return false
		}
		if src[p] != '&' {
			break
		}
		if p = a.anchor(p, end); p < 0 {
			return a.decline()
		}
	}
	switch c := src[p]; c {
	case '"', '\'':
		q := a.scanQuoted(p, p, end)
		if a.found.msg != "" {
			return true
		}
		if q < 0 {
			a.quote, a.quoteIndent = p, a.indent
			return false
		}
		return a.afterScalar(q, end)
	case '[', '{':
		a.flow = append(a.flow, bracket{off: p, ch: c, indent: a.indent, braces: -1})
		return a.scanFlow(p+1, end)
	case '*':
		return a.alias(p, end, false)
	case '|', '>':
		q := p + 1
		for q < end && (src[q] == '+' || src[q] == '-') {
			q++
		}
		if q < end && !isSpace(src[q]) {
			return a.decline() // an indentation indicator, or more
		}
		if r := skipSpace(src, q, end); r < end && src[r] != '#' {
			return a.fail(p, "a value cannot start with %q: put it in quotes", string(c))
		}
		a.block, a.blockIndent = col, 0
		a.emptyKey, a.emptyCol, a.emptyBlock = key, col, c
		return false
	case '@', '`', '%':
		return a.fail(p, "a value cannot start with %q: put it in quotes", string(c))
	case '-':
		if p+1 == end || isSpace(src[p+1]) {
			if key != "" {
				return a.fail(p, `a list cannot start on the line of its key: put each "- " item on a line of its own`)
			}
			return a.decline()
		}
	case '!', '?', ',', ']', '}':
		return a.decline()
	case ':':
		if p+1 == end || isSpace(src[p+1]) {
			return a.decline()
		}
	}
	// A plain value.
	stop := commentStart(src, p, end)
	if i := plainColon(src, p, stop); i >= 0 {
		if key == "" {
			return a.decline()
		}
		atEnd := len(bytes.TrimSpace(src[i+1:stop])) == 0
		return a.fail(i, "%s", colonMessage(atEnd, key, string(bytes.TrimRight(src[p:stop], " \t"))))
	}
	if stop < end {
		a.plain = -1 // a comment ends a plain value
	} else {
		a.plain = col
	}
	return false
}

// alias reads the alias at p: "*name", which must be alone on its line
// (in block context) and name an anchor defined before it.
func (a *analyzer) alias(p, end int, flow bool) bool {
	src := a.src
	q := anchorEnd(src, p, end)
	r := skipSpace(src, q, end)
	if q == p+1 || q < end && !isSpace(src[q]) && !(flow && isFlowIndicator(src[q])) || // no name, or a name run into more
		!flow && r < end && src[r] != '#' { // more after it on its line
		return a.fail(p, `a value cannot start with "*": put it in quotes`)
	}
	name := string(src[p+1 : q])
	if !a.anchors[name] {
		return a.fail(p, "no anchor &%s above for *%s to repeat: if the value is text, put it in quotes", name, name)
	}
	return false
}

// anchor reads the anchor at p, "&name", and notes its name. It returns
// the offset after the name, or -1 when the & starts no name or one
// that runs into more than spaces.
func (a *analyzer) anchor(p, end int) int {
	q := anchorEnd(a.src, p, end)
	if q == p+1 || q < end && !isSpace(a.src[q]) {
		return -1
	}
	if a.anchors == nil {
		a.anchors = map[string]bool{}
	}
	a.anchors[string(a.src[p+1:q])] = true
	return q
}

// anchorEnd returns the end of the name of the anchor or alias whose &
// or * is at p, before end.
func anchorEnd(src []byte, p, end int) int {
	q := p + 1
	for q < end && isAnchorChar(src[q]) {
		q++
	}
	return q
}

// afterScalar checks the rest of the line after a quoted value that
// ended just before q: only spaces and a comment may follow.
func (a *analyzer) afterScalar(q, end int) bool {
	src := a.src
	r := skipSpace(src, q, end)
	switch {
	case r == end || src[r] == '#':
		return false // the decoder takes a "#" right after a quote for a comment
	case r == q && isWordByte(src[q]):
		return a.endedQuote(q - 1)
	}
	return a.fail(r, "text after the closing quote: put the whole value in quotes")
}

// endedQuote fails at the quote at q, which ends its quoted text where
// what follows it says the text was meant to go on.
func (a *analyzer) endedQuote(q int) bool {
	if a.src[q] == '\'' {
		return a.fail(q, `this ' ends the quoted text: inside '…' write it twice ('') or quote the text with "…"`)
	}
	return a.fail(q, `this " ends the quoted text: inside "…" write it \" or quote the text with '…'`)
}

// quoteEnd reads src[from:end], part of the quoted text whose opening
// quote is at open. It returns the offset just past the closing quote, or
// -1 when the text goes on past end, and the offset of the first
// backslash before it that starts no escape YAML knows, or -1.
func quoteEnd(src []byte, open, from, end int) (close, bad int) {
	bad = -1
	for i := from; i < end; i++ {
		switch {
		case src[open] == '\'' && src[i] == '\'':
			if i+1 < end && src[i+1] == '\'' {
				i++
				continue
			}
			return i + 1, bad
		case src[open] == '"' && src[i] == '\\':
			// A backslash that ends the line escapes the line break.
			if bad < 0 && i+1 < end && !strings.ContainsRune(`0abt	ntvfre "/\N_LPxuU`, rune(src[i+1])) {
				bad = i
			}
			i++
		case src[open] == '"' && src[i] == '"':
			return i + 1, bad
		}
	}
	return -1, bad
}

// scanQuoted reads src[from:end], part of the quoted text whose opening
// quote is at open, as quoteEnd does, and records an unknown escape as
// the mistake found (and returns -1).
func (a *analyzer) scanQuoted(open, from, end int) int {
	q, bad := quoteEnd(a.src, open, max(from, open+1), end)
	if bad >= 0 {
		_, size := utf8.DecodeRune(a.src[bad+1:])
		a.fail(bad, `"\%s" is not an escape: write "\\" for a backslash, or quote the text with '…'`, a.src[bad+1:bad+1+size])
		return -1
	}
	return q
}

// closedLater reports whether the quote at open, not closed on its line
// (which ends at end), is closed on a later line of src.
func closedLater(src []byte, open, end int) bool {
	if src[open] == '\'' {
		return bytes.IndexByte(src[end:], '\'') >= 0 // a doubled quote, '', is one too
	}
	q, _ := quoteEnd(src, open, end, len(src))
	return q >= 0
}

// scanFlow reads src[p:end] inside the open flow collections a.flow.
func (a *analyzer) scanFlow(p, end int) bool {
	src := a.src
	for i := p; i < end; {
		c := src[i]
		top := &a.flow[len(a.flow)-1]
		if top.done && !isSpace(c) && c != '\r' && c != ',' && c != ':' && c != ']' && c != '}' && c != '#' {
			if top.braces >= 0 {
				// {label: {{ x.crossing }} full}: a value of plotline's,
				// which YAML took for a mapping, and text after it.
				return a.fail(top.braces, "%s", bracesMessage(src[top.braces:entryEnd(src, i, end)], "YAML as a mapping"))
			}
			// ["a" "b"]: a new entry after a whole one, with no comma
			// between them. Text right after a closing quote, {a: "b: c,
			// d: "e"}, says rather that this quote was not meant to end
			// the text.
			if (src[i-1] == '"' || src[i-1] == '\'') && i-1 > p {
				return a.endedQuote(i - 1)
			}
			return a.fail(i, "a comma is missing before %q", entryStart(src, i, end))
		}
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '#':
			// Where a token may start, as here, the YAML library takes
			// "#" for a comment even with no space before it: "[#x",
			// "[a,#x", "["a"#x".
			return false
		case c == '[' || c == '{':
			a.flow = append(a.flow, bracket{off: i, ch: c, indent: a.indent, braces: -1})
			i++
		case c == ']' || c == '}':
			if (c == ']') != (top.ch == '[') {
				return a.fail(top.off, "%s", unclosed(top.ch))
			}
			if a.suspect == top.off {
				a.suspect = -1
			}
			closed := top.off
			a.flow = a.flow[:len(a.flow)-1]
			i++
			if len(a.flow) > 0 {
				outer := &a.flow[len(a.flow)-1]
				outer.done, outer.braces = true, -1
				if opensBraces(src, closed) {
					outer.braces = closed
				}
			}
			if len(a.flow) == 0 {
				r := skipSpace(src, i, end)
				if a.root {
					// The decoder reads "{}}" and "{}\n0" as "{}": what
					// comes after the whole text's collection is not
					// followed.
					return a.decline()
				}
				if r < end && (src[r] == ']' || src[r] == '}') {
					open := "["
					if src[r] == '}' {
						open = "{"
					}
					return a.fail(r, "this %q closes nothing: its %q was closed before it; delete it", string(src[r]), open)
				}
				if r < end && (src[r] != '#' || r == i) {
					if opensBraces(src, top.off) {
						// "{{ x.crossing }} or so": a value of
						// plotline's, which YAML took for a mapping.
						return a.fail(top.off, "%s", bracesMessage(src[top.off:commentStart(src, r, end)], "YAML as a mapping"))
					}
					return a.decline()
				}
				return false
			}
		case c == ',':
			top.value, top.scalar, top.done = false, false, false
			i++
		case c == ':' && (top.done || i+1 == end || isSpace(src[i+1]) || isFlowIndicator(src[i+1])):
			// After a quoted key, "{"a":1}", the ":" needs no space.
			top.value, top.scalar, top.done = true, false, false
			i++
		case (c == '"' || c == '\'') && plainBefore(src, i):
			// A quote after plain text, on its line or the one before,
			// goes on that text: the decoder reads "{0\n"}" whole.
			return a.decline()
		case c == '"' || c == '\'':
			q := a.scanQuoted(i, i, end)
			if a.found.msg != "" {
				return true
			}
			if q < 0 {
				if !closedLater(src, i, end) {
					// Never closed: the rest of the text is in the quote.
					return a.fail(i, "%s", unclosed(c))
				}
				// Quoted text over lines inside a flow collection.
				return a.decline()
			}
			if r := skipSpace(src, q, end); top.ch == '{' && top.scalar && r < end && src[r] == ':' {
				// {"a": 1<line break>"b": 2}: a value, then a quoted key
				// on the next line with no comma before it.
				return a.fail(i, "a comma is missing before %q", entryStart(src, i, end))
			}
			top.scalar = top.value
			top.done, top.braces = true, -1
			i = q
		case c == '*':
			if a.alias(i, end, true) {
				return true
			}
			i = anchorEnd(src, i, end)
		case c == '&':
			if i = a.anchor(i, end); i < 0 {
				return a.decline()
			}
		case c == '@' || c == '`' || c == '%':
			return a.fail(i, "a value cannot start with %q: put it in quotes", string(c))
		case c == '!' || c == '?' || c == '|' || c == '>':
			return a.decline()
		default:
			// A plain scalar: up to an indicator, ": " or the end of the line.
			start := i
			for i < end && !isFlowIndicator(src[i]) {
				if src[i] == ':' && (i+1 == end || isSpace(src[i+1]) || isFlowIndicator(src[i+1])) {
					break
				}
				if src[i] == '#' && i > start && isSpace(src[i-1]) {
					break
				}
				i++
			}
			if top.ch == '{' && top.value && i < end && src[i] == ':' && (i+1 == end || isSpace(src[i+1])) {
				// "{date: 2025-01-06 value: 3}": the value runs into the
				// next key, which a comma should have begun.
				word := start
				if w := bytes.LastIndexAny(bytes.TrimRight(src[start:i], " \t"), " \t"); w >= 0 {
					word = start + w + 1
				} else if !top.scalar {
					// {name: A: B}: one word, then ": ", where the value
					// began.
					return a.fail(i, "%s", colonMessage(false, "", ""))
				}
				return a.fail(word, "a comma is missing before %q", entryStart(src, word, end))
			}
			if i == start {
				i++
			}
			top.scalar = top.value
		}
	}
	return false
}

// bracesMessage is the message for a value that starts with "{{", which
// the decoder refused, reading it as what: value, as written, unless it
// holds both kinds of quotes or a line break, is shown in the quotes it
// needs.
func bracesMessage(value []byte, as string) string {
	msg := `a value that starts with "{{" is read by ` + as + `: put the whole value in quotes`
	value = bytes.TrimRight(value, " \t")
	switch {
	case bytes.IndexByte(value, '\n') >= 0:
		return msg
	case bytes.IndexByte(value, '"') < 0:
		return msg + `, as in "` + string(value) + `"`
	case bytes.IndexByte(value, '\'') < 0:
		return msg + ", as in '" + string(value) + "'"
	}
	return msg
}

// opensBraces reports whether the flow mapping that opens at src[off]
// opens with "{{", as a value of plotline's written without quotes.
func opensBraces(src []byte, off int) bool {
	return off+1 < len(src) && src[off] == '{' && src[off+1] == '{'
}

// entryEnd returns where the entry of a flow collection that goes on at
// src[i:end] ends: at the next "," or closing bracket, or at the end of
// the line, less the spaces before it.
func entryEnd(src []byte, i, end int) int {
	j := i
	for j < end && src[j] != ',' && src[j] != '}' && src[j] != ']' {
		j++
	}
	return len(bytes.TrimRight(src[:j], " \t"))
}

// plainBefore reports whether the last character before src[i] that is
// not a space or a line break is plain text, not a bracket, a comma, a
// colon or a quote.
func plainBefore(src []byte, i int) bool {
	j := len(bytes.TrimRight(src[:i], " \t\r\n")) - 1
	return j >= 0 && !bytes.ContainsRune([]byte("[]{},:\"'"), rune(src[j]))
}

// entryStart returns, for the message of a missing comma, the start of the
// entry of a flow collection at src[i:end]: a quoted text without its
// quotes, or a plain one up to where it ends, cut short when long.
func entryStart(src []byte, i, end int) string {
	j := i
	switch src[i] {
	case '"', '\'':
		i++
		j = i
		for j < end && src[j] != src[i-1] && src[j] != '\\' {
			j++
		}
	case '[', '{':
		j = i + 1
	default:
		for j < end && !isFlowIndicator(src[j]) && !(src[j] == ':' && (j+1 == end || isSpace(src[j+1]))) {
			j++
		}
	}
	return Shorten(strings.TrimRight(string(src[i:j]), " \t"))
}

// indented is the message for a line indented n spaces among siblings
// indented want.
func indented(n, want int) string {
	want = max(want, 0)
	unit := "spaces"
	if n == 1 {
		unit = "space"
	}
	return fmt.Sprintf("this line is indented %d %s; its siblings %d", n, unit, want)
}

// colonMessage is the message for a plain value holding ": ", or ending
// in ":" when atEnd. key and value, when given, make the fix.
func colonMessage(atEnd bool, key, value string) string {
	msg := `a value holding ": " needs quotes`
	if atEnd {
		msg = `a value ending in ":" needs quotes`
	}
	if key == "" || value == "" || utf8.RuneCountInString(value) > 60 {
		return msg
	}
	switch {
	case !strings.ContainsAny(value, `"\`):
		return fmt.Sprintf(`%s: %s: "%s"`, msg, key, value)
	case !strings.Contains(value, "'"):
		return fmt.Sprintf(`%s: %s: '%s'`, msg, key, value)
	}
	return msg
}

// isDash reports whether src[p:end] starts with a "-" list item
// indicator.
func isDash(src []byte, p, end int) bool {
	return p < end && src[p] == '-' && (p+1 == end || isSpace(src[p+1]))
}

// looksLikeKey reports whether line starts with a plain key and its
// colon: "slug: x", "data:".
func looksLikeKey(line []byte) bool {
	i := 0
	for i < len(line) && (isWordByte(line[i]) || line[i] == '_' || line[i] == '-') {
		i++
	}
	return i > 0 && i < len(line) && line[i] == ':' && (i+1 == len(line) || isSpace(line[i+1]))
}

// isMarker reports whether line starts with the document marker m.
func isMarker(line []byte, m string) bool {
	return bytes.HasPrefix(line, []byte(m)) && (len(line) == len(m) || isSpace(line[len(m)]))
}

// commentStart returns the offset of the comment that ends the line
// src[p:end], or end.
func commentStart(src []byte, p, end int) int {
	for i := p + 1; i < end; i++ {
		if src[i] == '#' && isSpace(src[i-1]) {
			return i
		}
	}
	return end
}

func skipSpace(src []byte, p, end int) int {
	for p < end && isSpace(src[p]) {
		p++
	}
	return p
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

func isFlowIndicator(c byte) bool {
	return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'
}

// isAnchorChar reports whether c may be part of an anchor's name as the
// YAML decoder reads it.
func isAnchorChar(c byte) bool {
	return isWordByte(c) || c == '_' || c == '-'
}

// isWordByte reports whether c is an ASCII letter or digit, or part of a
// non-ASCII character.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= utf8.RuneSelf
}
