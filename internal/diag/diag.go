// Package diag holds the positions and messages a build reports about its
// input: every problem is a Diagnostic at a Pos, printed as
// "path:line:col: message", and a build collects all of them in a List
// instead of stopping at the first.
package diag

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Pos is a place in a source file. Line and Col count from 1; Col counts
// characters (runes), not bytes. A zero Line means the whole file.
type Pos struct {
	Path string
	Line int
	Col  int
}

// String formats p as "path:line:col", "path:line" or "path". A control
// or bidi character of the path is written U+FFFD (see printable).
func (p Pos) String() string {
	path := printable(p.Path, false)
	switch {
	case p.Line <= 0:
		return path
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", path, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", path, p.Line, p.Col)
}

// printable returns s with each control character (tabs and, when
// lines is set, line feeds aside), each bidi control and each run of
// bytes that are not UTF-8 written U+FFFD:
// a file's name may hold an escape, which printed as it is would reach
// the terminal (a colour, a cleared screen), or U+202E, which would show
// the rest of the line reversed.
func printable(s string, lines bool) string {
	unseen := func(r rune) bool {
		switch {
		case r == '\t', lines && r == '\n':
			return false
		case r < 0x20, r >= 0x7f && r <= 0x9f:
			return true
		}
		return r == 0x061C || r == 0x200E || r == 0x200F || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
	}
	if !strings.ContainsFunc(s, unseen) && utf8.ValidString(s) {
		return s
	}
	// A byte that is no character (a name in Latin-1) is one U+FFFD a
	// run too: a terminal may read 0x9B as the start of an escape.
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if unseen(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

// bom is the byte-order mark a file may start with, which an editor does
// not show, so that it counts as no column.
const bom = "\ufeff"

// At returns the position of byte offset off in src, a file at path.
// An offset past the end is clamped to the end. A byte-order mark that
// starts src is not counted: columns are those an editor shows.
func At(path string, src []byte, off int) Pos {
	off = min(max(off, 0), len(src))
	line := 1 + bytes.Count(src[:off], []byte{'\n'})
	return Pos{Path: path, Line: line, Col: 1 + utf8.RuneCount(src[lineStart(src, off):off])}
}

// lineStart returns the offset where the line of off starts in src, past
// a byte-order mark that starts src.
func lineStart(src []byte, off int) int {
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	if start == 0 && bytes.HasPrefix(src, []byte(bom)) {
		start = min(off, len(bom))
	}
	return start
}

// Cursor gives the positions of many byte offsets of one file, as At
// does, each counted from the last one: offsets asked for in order, or
// back along the last one's line, cost what the text between them does,
// where At counts from the start of the file each time.
type Cursor struct {
	Path  string
	Src   []byte
	off   int
	start int // where the line of off starts (see lineStart)
	pos   Pos // of off; no Line before the first call
}

// At returns the position of the byte offset off in the cursor's file.
func (c *Cursor) At(off int) Pos {
	off = min(max(off, 0), len(c.Src))
	if c.pos.Line == 0 || off < c.start || c.off < len(bom) {
		// Counted afresh, at a mark that may start the file too.
		c.off, c.pos, c.start = off, At(c.Path, c.Src, off), lineStart(c.Src, off)
		return c.pos
	}
	seg := c.Src[min(c.off, off):off]
	switch nl := bytes.Count(seg, []byte{'\n'}); {
	case nl > 0:
		c.pos.Line += nl
		c.start = c.off + bytes.LastIndexByte(seg, '\n') + 1
		c.pos.Col = 1 + utf8.RuneCount(c.Src[c.start:off])
	case off < c.off || c.off < len(c.Src) && !utf8.RuneStart(c.Src[c.off]):
		// Back along the line, or on from inside a character.
		c.pos.Col = 1 + utf8.RuneCount(c.Src[c.start:off])
	default:
		c.pos.Col += utf8.RuneCount(seg)
	}
	c.off = off
	return c.pos
}

// Offset returns the byte offset in src of line and col (characters,
// from 1, after the byte-order mark that may start src), the inverse of
// At. A place past the end of its line or of src is clamped to it.
func Offset(src []byte, line, col int) int {
	off := 0
	if line <= 1 && bytes.HasPrefix(src, []byte(bom)) {
		off = len(bom)
	}
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	for c := 1; c < col && off < len(src) && src[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(src[off:])
		off += size
	}
	return off
}

// Severity says whether a Diagnostic fails the build.
type Severity int

const (
	// Error fails the build.
	Error Severity = iota
	// Warning is reported but lets the build succeed.
	Warning
)

// Diagnostic is one problem found in the input.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Message  string
}

// String formats d as "path:line:col: message", with "warning: " before the
// message of a warning. A control or bidi character of the path or the
// message (a line feed of the message aside) is written U+FFFD, so that
// what a file is named cannot reach the terminal as an escape.
func (d Diagnostic) String() string {
	prefix := d.Pos.String() + ": "
	if d.Pos == (Pos{}) {
		prefix = "" // about the whole site: "warning: …"
	}
	msg := printable(d.Message, true)
	if d.Severity == Warning {
		return prefix + "warning: " + msg
	}
	return prefix + msg
}

// List collects the diagnostics of a build. Its zero value is ready to use.
// A List is not safe for concurrent use; give each goroutine its own and
// Merge them.
type List []Diagnostic

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Add appends diagnostics to l.
func (l *List) Add(ds ...Diagnostic) { *l = append(*l, ds...) }

// HasErrors reports whether l holds at least one error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Errors returns the errors of l, without warnings.
func (l List) Errors() List { return l.only(Error) }

// Warnings returns the warnings of l.
func (l List) Warnings() List { return l.only(Warning) }

// only returns the diagnostics of l of severity s, in order.
func (l List) only(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// ComparePos orders positions by path, line and column.
func ComparePos(a, b Pos) int {
	return cmp.Or(
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col),
	)
}

// Sort orders l by path, line and column, then message (errors before
// warnings), and drops exact duplicates.
func (l *List) Sort() {
	slices.SortStableFunc(*l, func(a, b Diagnostic) int {
		return cmp.Or(
			ComparePos(a.Pos, b.Pos),
			cmp.Compare(a.Message, b.Message),
			cmp.Compare(a.Severity, b.Severity),
		)
	})
	*l = slices.Compact(*l)
}

// MaxListed is how many problems of one file are listed: a file of a
// hundred thousand mistakes would print megabytes and bury every other
// problem of the build.
const MaxListed = 1000

// Bound returns l sorted with at most n diagnostics of each file listed,
// and for a file that had more, one more at the first of the rest saying
// so of what ("this csv file"); the note is an error when any of the rest
// is. A file already bounded so, by the same n, is left as it is.
func (l List) Bound(n int, what string) List {
	l.Sort()
	out := l[:0:0]
	for len(l) > 0 {
		i := 1
		for i < len(l) && l[i].Pos.Path == l[0].Pos.Path {
			i++
		}
		k := n
		if i == n+1 && slices.ContainsFunc(l[:i], func(d Diagnostic) bool { return strings.HasPrefix(d.Message, unlistedHead(n)) }) {
			k++ // bounded already: one is its note (the last, but of no file)
		}
		out = append(out, l[:min(i, k)]...)
		if i > k {
			sev := Warning
			if l[n:i].HasErrors() {
				sev = Error
			}
			w := what
			if l[0].Pos.Path == "" {
				w = "the site as a whole" // problems of no one file
			}
			out = append(out, Unlisted(l[n].Pos, n, w, sev))
		}
		l = l[i:]
	}
	return out
}

// Unlisted returns the diagnostic at pos that stands for the problems of
// a file past its first n, which are not listed: of what ("this csv
// file", "this file's Markdown"), with severity sev. Bound makes it, and
// so does a reader that stops counting at n itself.
func Unlisted(pos Pos, n int, what string, sev Severity) Diagnostic {
	return Diagnostic{Pos: pos, Severity: sev, Message: unlistedHead(n) + what + "; the rest are not listed"}
}

// unlistedHead is how Unlisted's message begins, by which Bound knows a
// file already bounded.
func unlistedHead(n int) string { return fmt.Sprintf("more than %d problems in ", n) }

// Err returns l sorted as an error when it holds an error, and nil otherwise.
func (l List) Err() error {
	errs := l.Errors()
	if len(errs) == 0 {
		return nil
	}
	errs.Sort()
	return errs
}

// Error formats every diagnostic of l, one a line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, d := range l {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}
