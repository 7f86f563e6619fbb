package diag

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestPosString(t *testing.T) {
	for _, tc := range []struct {
		pos  Pos
		want string
	}{
		{Pos{Path: "content/a.md", Line: 3, Col: 7}, "content/a.md:3:7"},
		{Pos{Path: "content/a.md", Line: 3}, "content/a.md:3"},
		{Pos{Path: "content/a.md", Line: 3, Col: -1}, "content/a.md:3"},
		{Pos{Path: "content/a.md"}, "content/a.md"},
		{Pos{Path: "content/a.md", Col: 5}, "content/a.md"}, // a column without a line means nothing
		{Pos{Path: "content/a.md", Line: -2, Col: 5}, "content/a.md"},
		{Pos{Line: 1, Col: 1}, ":1:1"},
	} {
		if got := tc.pos.String(); got != tc.want {
			t.Errorf("%#v.String() = %q; want %q", tc.pos, got, tc.want)
		}
	}
}

func TestAt(t *testing.T) {
	for _, tc := range []struct {
		name      string
		src       string
		off       int
		line, col int
	}{
		{"start", "abc\ndef", 0, 1, 1},
		{"first line", "abc\ndef", 2, 1, 3},
		{"on the newline", "abc\ndef", 3, 1, 4},
		{"second line", "abc\ndef", 4, 2, 1},
		{"end", "abc\ndef", 7, 2, 4},
		{"past the end", "abc\ndef", 100, 2, 4},
		{"negative", "abc\ndef", -5, 1, 1},
		{"empty file", "", 3, 1, 1},
		{"trailing newline", "abc\n", 4, 2, 1},
		// "é" and "ö" are two bytes each, "€" three, "😀" four: columns count runes.
		{"two-byte runes", "héllo wörld", len("héllo wö"), 1, 9},
		{"three-byte rune", "x\n€€ = 2", len("x\n€€ "), 2, 4},
		{"four-byte rune", "😀😀x", len("😀😀"), 1, 3},
		{"runes on an earlier line do not shift the column", "ééé\nab", len("ééé\na"), 2, 2},
		// With CRLF the '\r' ends the line's text; the next line starts after '\n'.
		{"crlf second line", "a: 1\r\nb: 2\r\n", len("a: 1\r\nb"), 2, 2},
		{"crlf third line", "a\r\nb\r\nc", len("a\r\nb\r\n"), 3, 1},
		{"crlf on the carriage return", "ab\r\ncd", 2, 1, 3},
		// An editor shows no byte-order mark: it is not a column.
		{"byte-order mark", "\ufefftitle: x", len("\ufefftitle: "), 1, 8},
		{"on the byte-order mark", "\ufeffab", 0, 1, 1},
		{"byte-order mark, second line", "\ufeffa\nbc", len("\ufeffa\nb"), 2, 2},
		{"U+FEFF inside a line", "a\ufeffb", len("a\ufeff"), 1, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := At("f.md", []byte(tc.src), tc.off)
			want := Pos{Path: "f.md", Line: tc.line, Col: tc.col}
			if got != want {
				t.Errorf("At(%q, %d) = %v; want %v", tc.src, tc.off, got, want)
			}
		})
	}
}

func TestDiagnosticString(t *testing.T) {
	var l List
	l.Errorf(Pos{Path: "a.md", Line: 2, Col: 3}, "bad %s", "thing")
	l.Warnf(Pos{Path: "a.md", Line: 4}, "odd %d", 7)
	if got, want := l[0].String(), "a.md:2:3: bad thing"; got != want {
		t.Errorf("error String() = %q; want %q", got, want)
	}
	if got, want := l[1].String(), "a.md:4: warning: odd 7"; got != want {
		t.Errorf("warning String() = %q; want %q", got, want)
	}
	if got, want := l.Error(), "a.md:2:3: bad thing\na.md:4: warning: odd 7"; got != want {
		t.Errorf("Error() = %q; want %q", got, want)
	}
}

// TestDiagnosticStringUnseen checks that a file's name or a message
// holding an escape, another control character or a bidi control is
// printed with U+FFFD in its place: templates/partials/\x1b[31mbad.html
// turned the terminal red, and U+202E reversed the rest of the line.
func TestDiagnosticStringUnseen(t *testing.T) {
	for _, tc := range []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Pos: Pos{Path: "templates/partials/\x1b[31mbad.html", Line: 1, Col: 1}, Message: "missing value for if"},
			"templates/partials/\ufffd[31mbad.html:1:1: missing value for if"},
		{Diagnostic{Pos: Pos{Path: "templates/\u202elmth.x"}, Severity: Warning, Message: "not read"},
			"templates/\ufffdlmth.x: warning: not read"},
		{Diagnostic{Pos: Pos{Path: "a\nb.md", Line: 2}, Message: "template: x\x07y: bad\tone\nsecond line \u0085"},
			"a\ufffdb.md:2: template: x\ufffdy: bad\tone\nsecond line \ufffd"},
		{Diagnostic{Pos: Pos{Path: "café/فارسی\u200c.md", Line: 1, Col: 1}, Message: "x"}, "café/فارسی\u200c.md:1:1: x"},
		// Latin-1 names, as plotline import notes them: 0x9B is a
		// terminal's CSI, the start of an escape, where 8-bit controls
		// are read.
		{Diagnostic{Pos: Pos{Path: "_posts/caf\xe9\x9b2J.md"}, Message: "not converted: cannot read: x\xff\xfey"},
			"_posts/caf\ufffd2J.md: not converted: cannot read: x\ufffdy"},
	} {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("String() = %q; want %q", got, tc.want)
		}
	}
}

func TestSort(t *testing.T) {
	e := func(path string, line, col int, msg string) Diagnostic {
		return Diagnostic{Pos: Pos{Path: path, Line: line, Col: col}, Message: msg}
	}
	w := func(path string, line, col int, msg string) Diagnostic {
		d := e(path, line, col, msg)
		d.Severity = Warning
		return d
	}
	for _, tc := range []struct {
		name string
		in   List
		want List
	}{
		{
			name: "path then line then column then message",
			in: List{
				e("b.md", 1, 1, "x"),
				e("a.md", 10, 1, "x"),
				e("a.md", 2, 9, "x"),
				e("a.md", 2, 3, "z"),
				e("a.md", 2, 3, "y"),
				e("a.md", 0, 0, "whole file"),
			},
			want: List{
				e("a.md", 0, 0, "whole file"),
				e("a.md", 2, 3, "y"),
				e("a.md", 2, 3, "z"),
				e("a.md", 2, 9, "x"),
				e("a.md", 10, 1, "x"),
				e("b.md", 1, 1, "x"),
			},
		},
		{
			name: "line 10 after line 9, not as text",
			in:   List{e("a.md", 10, 1, "x"), e("a.md", 9, 1, "x")},
			want: List{e("a.md", 9, 1, "x"), e("a.md", 10, 1, "x")},
		},
		{
			name: "exact duplicates dropped",
			in: List{
				e("a.md", 3, 1, "same"),
				e("b.md", 1, 1, "other"),
				e("a.md", 3, 1, "same"),
				e("a.md", 3, 1, "same"),
			},
			want: List{e("a.md", 3, 1, "same"), e("b.md", 1, 1, "other")},
		},
		{
			name: "same place and message but different severity kept",
			in:   List{w("a.md", 3, 1, "same"), e("a.md", 3, 1, "same")},
			want: List{e("a.md", 3, 1, "same"), w("a.md", 3, 1, "same")},
		},
		{
			name: "duplicates separated by the other severity dropped",
			in:   List{w("a.md", 3, 1, "same"), e("a.md", 3, 1, "same"), w("a.md", 3, 1, "same")},
			want: List{e("a.md", 3, 1, "same"), w("a.md", 3, 1, "same")},
		},
		{
			name: "empty",
			in:   nil,
			want: nil,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := append(List(nil), tc.in...)
			got.Sort()
			if len(got) != len(tc.want) {
				t.Fatalf("Sort() = \n%v\nwant\n%v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("Sort()[%d] = %v (severity %d); want %v (severity %d)", i, got[i], got[i].Severity, tc.want[i], tc.want[i].Severity)
				}
			}
		})
	}
}

func TestErr(t *testing.T) {
	var l List
	if err := l.Err(); err != nil {
		t.Errorf("empty List.Err() = %v; want nil", err)
	}
	l.Warnf(Pos{Path: "a.md", Line: 1, Col: 1}, "just a warning")
	l.Warnf(Pos{Path: "b.md", Line: 1, Col: 1}, "another")
	if err := l.Err(); err != nil {
		t.Errorf("List of warnings .Err() = %v; want nil", err)
	}
	if l.HasErrors() {
		t.Error("List of warnings .HasErrors() = true; want false")
	}

	l.Errorf(Pos{Path: "c.md", Line: 5, Col: 2}, "second")
	l.Errorf(Pos{Path: "a.md", Line: 9, Col: 1}, "first")
	l.Errorf(Pos{Path: "a.md", Line: 9, Col: 1}, "first")
	if !l.HasErrors() {
		t.Error("HasErrors() = false; want true")
	}
	err := l.Err()
	if err == nil {
		t.Fatal("Err() = nil; want the errors")
	}
	if got, want := err.Error(), "a.md:9:1: first\nc.md:5:2: second"; got != want {
		t.Errorf("Err().Error() = %q; want %q (sorted, deduplicated, no warnings)", got, want)
	}
	var dl List
	if !errors.As(err, &dl) || len(dl) != 2 {
		t.Errorf("errors.As(Err(), *List) = %v, %d diagnostics; want true, 2", dl, len(dl))
	}
	// Err sorts a copy: the list keeps its order and its warnings.
	if len(l) != 5 || l[0].Message != "just a warning" {
		t.Errorf("after Err() the list is %v; want it unchanged", l)
	}
	if got := len(l.Warnings()); got != 2 {
		t.Errorf("len(Warnings()) = %d; want 2", got)
	}
	if got := len(l.Errors()); got != 3 {
		t.Errorf("len(Errors()) = %d; want 3", got)
	}
}

func TestAddMerges(t *testing.T) {
	var a, b List
	a.Errorf(Pos{Path: "a.md"}, "one")
	b.Warnf(Pos{Path: "b.md"}, "two")
	b.Errorf(Pos{Path: "b.md"}, "three")
	a.Add(b...)
	if len(a) != 3 || a[2].Message != "three" || a[1].Severity != Warning {
		t.Errorf("after Add, list = %v; want one, two (warning), three", a)
	}
}

func TestOffset(t *testing.T) {
	src := []byte("ab\nÇa coûte\n\nend")
	for off := 0; off <= len(src); off++ {
		if src[min(off, len(src)-1)]&0xC0 == 0x80 && off < len(src) {
			continue // inside a character
		}
		p := At("f", src, off)
		if got := Offset(src, p.Line, p.Col); got != off {
			t.Errorf("Offset(%d:%d) = %d; want %d", p.Line, p.Col, got, off)
		}
	}
	// Past a byte-order mark, which is no column, every place is found
	// again.
	bom := []byte("\ufeffab\ncd")
	for off := 3; off <= len(bom); off++ {
		p := At("f", bom, off)
		if got := Offset(bom, p.Line, p.Col); got != off {
			t.Errorf("after a byte-order mark: Offset(%d:%d) = %d; want %d", p.Line, p.Col, got, off)
		}
	}
	if got := Offset(src, 9, 1); got != len(src) {
		t.Errorf("Offset past the last line = %d; want %d", got, len(src))
	}
	if got := Offset(src, 1, 40); got != 2 {
		t.Errorf("Offset past the end of line 1 = %d; want 2", got)
	}
}

func TestOneEdit(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"titel", "title", true},  // swapped
		{"draftt", "draft", true}, // inserted
		{"tag", "tags", true},     // left out
		{"chrat", "chart", true},  // swapped
		{"chard", "chart", true},  // changed
		{"title", "title", false}, // the same
		{"ttile", "title", true},  // swapped at the start
		{"tilte", "title", true},  // swapped inside
		{"tit", "title", false},   // two left out
		{"xyz", "title", false},
		{"", "a", true},
		{"", "", false},
	} {
		if got := OneEdit(tc.a, tc.b); got != tc.want {
			t.Errorf("OneEdit(%q, %q) = %v; want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestCursor checks that a Cursor gives what At gives, for every offset
// of texts with a byte-order mark, CRLF line ends, characters of several
// bytes and offsets inside them, asked for in order, backwards, twice,
// and back and forth along a line.
func TestCursor(t *testing.T) {
	for _, src := range []string{"\ufeffa\nbé\r\n\n€x\ny", "one line, é and €", "\n\n", ""} {
		var offs []int
		for off := -1; off <= len(src)+1; off++ {
			offs = append(offs, off)
		}
		for off := len(src); off >= 0; off -= 3 {
			offs = append(offs, off, off)
		}
		for off := 0; off <= len(src); off += 3 {
			offs = append(offs, off, off-1, off+1) // on, back and on again
		}
		c := &Cursor{Path: "f", Src: []byte(src)}
		for _, off := range offs {
			if got, want := c.At(off), At("f", []byte(src), off); got != want {
				t.Errorf("Cursor.At(%d) of %q = %v; want %v", off, src, got, want)
			}
		}
	}
}

// TestBound checks that Bound lists the first n problems of each file in
// order, then one note at the first of the rest, an error only when one
// of the rest is, and that a file bounded once is left as it is.
func TestBound(t *testing.T) {
	var l List
	for line := 5; line >= 1; line-- { // out of order: Bound sorts
		l.Warnf(Pos{Path: "a.yaml", Line: line, Col: 1}, "w%d", line)
	}
	l.Errorf(Pos{Path: "b.csv", Line: 9, Col: 2}, "e")
	l.Warnf(Pos{Path: "c.md", Line: 1, Col: 1}, "w")
	l.Warnf(Pos{Path: "c.md", Line: 2, Col: 1}, "w")
	l.Errorf(Pos{Path: "c.md", Line: 3, Col: 1}, "e")
	for i := range 3 { // of no one file: the site's
		l.Warnf(Pos{}, "s%d", i)
	}
	got := l.Bound(2, "this file")
	want := []string{
		"warning: s0",
		"warning: s1",
		"warning: more than 2 problems in the site as a whole; the rest are not listed",
		"a.yaml:1:1: warning: w1",
		"a.yaml:2:1: warning: w2",
		"a.yaml:3:1: warning: more than 2 problems in this file; the rest are not listed",
		"b.csv:9:2: e",
		"c.md:1:1: warning: w",
		"c.md:2:1: warning: w",
		"c.md:3:1: more than 2 problems in this file; the rest are not listed",
	}
	var s []string
	for _, d := range got {
		s = append(s, d.String())
	}
	if !slices.Equal(s, want) {
		t.Errorf("Bound(2) =\n%s\nwant\n%s", strings.Join(s, "\n"), strings.Join(want, "\n"))
	}
	if again := got.Bound(2, "this site"); !slices.Equal(again, got) {
		t.Errorf("Bound(2) of a bounded list =\n%v\nwant it unchanged", again)
	}
}
