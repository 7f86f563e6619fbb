package yamlpos

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/diag"
)

// TestPos checks the conversion of the decoder's lines and columns to a
// file's, for a text that starts on line 10 of its file.
func TestPos(t *testing.T) {
	for _, tc := range []struct {
		name      string
		src       string
		line, col int
		want      string
	}{
		{"plain", "a: 1\nb: 2\n", 2, 4, "f:11:4"},
		{"crlf", "a: 1\r\nb: 2\r\n", 2, 4, "f:11:4"},
		// YAML ends a line at U+0085, U+2028, U+2029 and a carriage
		// return alone; the file does not. "a: 1" and the break are 5
		// characters, so the decoder's line 2 column 4 is the file's line
		// 1 column 9.
		{"next line", "a: 1\u0085b: 2\n", 2, 4, "f:10:9"},
		{"line separator", "a: 1\u2028b: 2\nc: 3\n", 3, 1, "f:11:1"},
		{"carriage return alone", "a: 1\rb: 2\n", 2, 4, "f:10:9"},
		// The decoder does not count a byte-order mark; the file does.
		{"byte-order mark", "\ufeffa: [b]\n", 1, 4, "f:10:5"},
		// Past the end: the end of the last line.
		{"past the end", "a: 'b\n", 2, 1, "f:10:6"}, // "a: 'b" is 5 characters
		{"line 0", "a: 1\n", 0, 1, "f:9:1"},
	} {
		if got := New("f", []byte(tc.src), 10).Pos(tc.line, tc.col).String(); got != tc.want {
			t.Errorf("%s: Pos(%d, %d) = %s; want %s", tc.name, tc.line, tc.col, got, tc.want)
		}
	}
}

// TestOffsetPosAfterMark checks that a U+FEFF starting a text inside a
// file (a chart block's first line) is a column for a mistake found in the
// text as for a decoder's position: "\ufeffa: [b" has its "[" at column 5.
func TestOffsetPosAfterMark(t *testing.T) {
	text := New("f", []byte("\ufeffa: [b\n"), 10)
	pos, msg, ok := text.Mistake()
	if got, want := pos.String()+": "+msg, `f:10:5: this "[" is never closed: end the list with "]"`; !ok || got != want {
		t.Errorf("Mistake() = %s, %v; want %s", got, ok, want)
	}
}

// TestMoveNodes checks that the nodes of a decoded tree are moved to
// their file positions, keys and values alike.
func TestMoveNodes(t *testing.T) {
	src := []byte("a: 1\u2028b: [x]\n")
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	New("f", src, 3).MoveNodes(&doc)
	m := doc.Content[0]
	var got []string
	for _, n := range []*yaml.Node{m.Content[0], m.Content[1], m.Content[2], m.Content[3], m.Content[3].Content[0]} {
		got = append(got, diag.Pos{Path: "f", Line: n.Line, Col: n.Column}.String())
	}
	if want := "f:3:1 f:3:4 f:3:6 f:3:9 f:3:10"; strings.Join(got, " ") != want {
		t.Errorf("positions %s; want %s", strings.Join(got, " "), want)
	}
}

func TestDescribe(t *testing.T) {
	var doc yaml.Node
	src := "a: [1]\nb: {c: d}\nc: 3\nd: 1.5\ne: true\nf:\ng: ~\nh: 2025-01-13\ni: words\nj: &x \"12\"\nk: *x\nl: " + strings.Repeat("x", 50) + "\n"
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	want := []string{"a list", "a mapping", "a number", "a number", "true or false", "nothing", "nothing", "a date",
		`text "words"`, `text "12"`, `text "12"`, `text "` + strings.Repeat("x", 40) + `…"`}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if got := Describe(m.Content[i+1]); got != want[i/2] {
			t.Errorf("Describe(%s) = %s; want %s", m.Content[i].Value, got, want[i/2])
		}
	}
	if got := Describe(nil); got != "nothing" {
		t.Errorf("Describe(nil) = %s; want nothing", got)
	}
	// {{ }} without quotes is a mapping whose key is a mapping, and is
	// told as such; a mapping of a mapping written otherwise is not.
	for src, want := range map[string]string{
		"a: {{ x.crossing | approx }}\n": bracesDescription,
		"a: {{x}}\n":                     bracesDescription,
		"a: {b: {c: d}}\n":               "a mapping",
		"a: {{ x }: 1}\n":                "a mapping",
		"a:\n  b: {c: d}\n":              "a mapping",
	} {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
			t.Fatal(err)
		}
		if got := Describe(doc.Content[0].Content[1]); got != want {
			t.Errorf("Describe of %q = %s; want %s", src, got, want)
		}
	}
}

// TestResolve checks that an alias is followed, and that a chain of
// aliases, which the decoder never makes, is followed a few steps only.
func TestResolve(t *testing.T) {
	target := &yaml.Node{Kind: yaml.ScalarNode, Value: "x"}
	alias := &yaml.Node{Kind: yaml.AliasNode, Alias: target}
	if got := Resolve(alias); got != target {
		t.Errorf("Resolve(alias) = %v; want its target", got)
	}
	if got := Resolve(target); got != target {
		t.Errorf("Resolve(scalar) = %v; want the scalar", got)
	}
	loop := &yaml.Node{Kind: yaml.AliasNode}
	loop.Alias = loop
	if got := Resolve(loop); got != loop {
		t.Errorf("Resolve(an alias of itself) = %v; want it, after a few steps", got)
	}
	if Resolve(nil) != nil {
		t.Errorf("Resolve(nil) is not nil")
	}
}

// TestErrorLine checks the lines taken from the decoder's errors: a
// parser error's line is counted from 0, a scanner error's from 1.
func TestErrorLine(t *testing.T) {
	for _, tc := range []struct {
		src  string
		line int
		msg  string
	}{
		{"a: 1\nb: [c, d\n", 2, "did not find expected ',' or ']'"}, // parser: the list's line, from 0
		{"a: 1\nb: 'c\n", 2, "found unexpected end of stream"},      // scanner
		{"a: 1\n\tb: 2\n", 2, "found a tab character that violates indentation"},
	} {
		var doc yaml.Node
		err := yaml.Unmarshal([]byte(tc.src), &doc)
		if err == nil {
			t.Fatalf("%q decodes", tc.src)
		}
		line, msg := errorLine(err)
		if line != tc.line || msg != tc.msg {
			t.Errorf("errorLine(%v) = %d, %q; want %d, %q", err, line, msg, tc.line, tc.msg)
		}
	}
	if line, msg := errorLine(errors.New("something else")); line != 0 || msg != "something else" {
		t.Errorf("errorLine(something else) = %d, %q; want 0 and the text", line, msg)
	}
}

func TestTOMLError(t *testing.T) {
	// Each text starts at line 5 of its file; columns count characters.
	for _, c := range []struct {
		src, want string
	}{
		{"a = 1\nb = \n", "f:6:5"},
		{"a=1\nx!y=2\n", "f:6:2"},
		// A text never closed on its line: at its quote.
		{"a = 1\nb = 'é!x\n", "f:6:5"},
		// An unclosed multi-line string, which the decoder finds at the
		// end of the text: at its opening quotes.
		{"0=  \"\"\"0\n\n", "f:5:5"},
	} {
		var v map[string]any
		_, err := toml.Decode(c.src, &v)
		pos, msg := New("f", []byte(c.src), 5).TOMLError(err)
		if pos.String() != c.want || msg == "" {
			t.Errorf("TOMLError(%q) = %v, %q; want %s and a message", c.src, pos, msg, c.want)
		}
	}
	var c struct{ N int }
	_, err := toml.Decode("N = \"x\"\n", &c)
	if pos, msg := New("f", nil, 5).TOMLError(err); pos.Line != 5 || !strings.HasPrefix(msg, "N: ") {
		t.Errorf("TOMLError(%v) = %v, %q; want line 5 and the key", err, pos, msg)
	}
}

// TestTOMLUnclosed checks a list, an inline table, a text or a table's
// name left open, which the TOML decoder finds where the closing mark
// should have been, often on the next line, and a comma missing between
// two items, which it reports with the same words: the message is at the
// opening mark, or at the item after the missing comma, and says what to
// write, in the words YAML front matter uses.
func TestTOMLUnclosed(t *testing.T) {
	for _, c := range []struct {
		src, want string
	}{
		{"tags = [\"a\", \"b\"\ndescription = \"x\"\n", `f:5:8: this "[" is never closed: end the list with "]"`},
		{"tags = [\n  \"a\",\n  \"b\"\n", `f:5:8: this "[" is never closed: end the list with "]"`},
		// Brackets in comments and texts do not count; the innermost
		// open one is the one to close.
		{"x = [ # a [ or ]\n  1, \"]\",\n  2\ny = 1\n", `f:5:5: this "[" is never closed: end the list with "]"`},
		{"x = [1, {a = [2, 3}]\n", `f:5:14: this "[" is never closed: end the list with "]"`},
		{"x = {a = 1\ny = 2\n", `f:5:5: this "{" is never closed: end it with "}"`},
		// A list or table closed, but with a comma missing: at the item
		// after it.
		{"tags = [\"a\" \"b\"]\n", `f:5:13: a comma is missing before "b"`},
		{"x = [\n  1\n  2,\n]\n", `f:7:3: a comma is missing before "2"`},
		{"x = {a = 1 b = 2}\n", `f:5:12: a comma is missing before "b = 2"`},
		{"x = [1, {a = [2 3]}]\n", `f:5:17: a comma is missing before "3"`},
		{"a = \"\"\"x\ny\"\"\"\ntitle = \"T\ndate = 1\n", `f:7:9: this quote is never closed: end the text with "`},
		{"[params\nx = 1\n", `f:5:1: this "[" is never closed: end the table's name with "]"`},
		{"[[items\nx = 1\n", `f:5:1: this "[" is never closed: end the table's name with "]]"`},
	} {
		var v map[string]any
		_, err := toml.Decode(c.src, &v)
		if err == nil {
			t.Fatalf("%q decodes", c.src)
		}
		pos, msg := New("f", []byte(c.src), 5).TOMLError(err)
		if got := pos.String() + ": " + msg; got != c.want {
			t.Errorf("TOMLError(%q) =\n%s\nwant\n%s", c.src, got, c.want)
		}
	}
}

// TestTOMLKey checks where keys are found in TOML that starts on line 2 of
// its file, as front matter after its "+++" line does.
func TestTOMLKey(t *testing.T) {
	text := New("a.toml", []byte("title = \"Ü\"\n  base_url =\t\"x\"\r\nclaims.about = 1.0\n[claims]\nseasons = \"n\"\n\"quoted\" = 1\n"), 2)
	for _, tc := range []struct {
		key       toml.Key
		at, value string // "line:col"; "" for a key it does not find
	}{
		{toml.Key{"title"}, "2:1", "2:9"},
		{toml.Key{"base_url"}, "3:3", "3:14"},
		{toml.Key{"claims", "about"}, "4:1", "4:16"},
		{toml.Key{"claims", "seasons"}, "6:1", "6:11"},
		{toml.Key{"quoted"}, "", ""},
		{toml.Key{"a", "b", "c"}, "", ""},
	} {
		key, value, ok := text.TOMLKey(tc.key)
		if tc.at == "" {
			if ok {
				t.Errorf("TOMLKey(%v) = %v, %v; want not found", tc.key, key, value)
			}
			continue
		}
		lc := func(p diag.Pos) string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }
		if !ok || key.Path != "a.toml" || lc(key) != tc.at || lc(value) != tc.value {
			t.Errorf("TOMLKey(%v) = %v, %v, %v; want a.toml:%s and a.toml:%s", tc.key, key, value, ok, tc.at, tc.value)
		}
	}
}

// TestTOMLKeyAfterLineBreaks checks that U+2028, U+2029 and U+0085 in
// TOML texts and comments, which end a line for YAML and not in a file,
// do not move the keys after them: the text starts on line 3 of its
// file, and the columns were counted by hand.
func TestTOMLKeyAfterLineBreaks(t *testing.T) {
	text := New("a.toml", []byte("a = { s = \"x\u2028y\", t = 1 }\nb = 1 # \u2029\u0085\r\n  c = '\u2028'\n"), 3)
	for _, tc := range []struct {
		key       toml.Key
		at, value string // "line:col"
	}{
		// `a = { s = "x` is 12 characters, then U+2028, `y", ` and t.
		{toml.Key{"a", "t"}, "3:18", "3:22"},
		{toml.Key{"b"}, "4:1", "4:5"},
		{toml.Key{"c"}, "5:3", "5:7"},
	} {
		key, value, ok := text.TOMLKey(tc.key)
		lc := func(p diag.Pos) string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }
		if !ok || lc(key) != tc.at || lc(value) != tc.value {
			t.Errorf("TOMLKey(%v) = %v, %v, %v; want a.toml:%s and a.toml:%s", tc.key, key, value, ok, tc.at, tc.value)
		}
	}
}

func TestUnprintable(t *testing.T) {
	for _, tc := range []struct {
		s    string
		off  int
		r    rune
		want bool
	}{
		{"plain text, café, 12 000\t\n\f\r", 0, 0, false},
		{"a\x07b", 1, 0x07, true},
		{"é\x7f", 2, 0x7f, true},
		{"next\u0085line", 4, 0x85, true},
		{"x\ufdd0", 1, 0xfdd0, true},
		{"\U0001FFFF", 0, 0x1ffff, true},
		{"\ufffd replacement is fine", 0, 0, false},
		{"up to \u202e12", 6, 0x202e, true},
		{"\u202dtag", 0, 0x202d, true},
		// Isolates, embeddings and marks set a phrase's direction.
		{"\u2067\u05e1\u2069 \u200f12 \u202b\u202c \u200e", 0, 0, false},
	} {
		off, r, ok := Unprintable(tc.s)
		if ok != tc.want || ok && (off != tc.off || r != tc.r) {
			t.Errorf("Unprintable(%q) = %d, %U, %v; want %d, %U, %v", tc.s, off, r, ok, tc.off, tc.r, tc.want)
		}
		if boff, br, bok := Unprintable([]byte(tc.s)); boff != off || br != r || bok != ok {
			t.Errorf("Unprintable of bytes %q differs from that of the string", tc.s)
		}
	}
}

// TestTOMLPlaces checks the places of keys under deep tables, of the keys
// of an array of tables (one place a table, in order), of a dotted key
// written with spaces, and of a table header.
// TestTOMLPlacesQuotedKeys places quoted keys as bare ones, in tables
// and headers, but not one holding a dot, which the path could not tell
// from two keys.
func TestTOMLPlacesQuotedKeys(t *testing.T) {
	text := New("a.md", []byte("[data.a.projection]\nper = \"day\"\n\"rate\" = \"fast\"\n['data'.\"b\"]\n'unit' = 1\n\"a.b\" = 2\n"), 1)
	got := text.TOMLPlaces()
	want := map[string][]TOMLPlace{
		"data.a.projection":     {{1, 2, 1, 2}},
		"data.a.projection.per": {{2, 1, 2, 7}},
		// `"rate" = ` is 9 characters: the value is at 10.
		"data.a.projection.rate": {{3, 1, 3, 10}},
		"data.b":                 {{4, 2, 4, 2}},
		"data.b.unit":            {{5, 1, 5, 10}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("TOMLPlaces() = %v; want %v", got, want)
	}
}

func TestTOMLPlaces(t *testing.T) {
	text := New("a.md", []byte("a . b = 1\n[data.x.projection]\nrate = 2\n[[data.x.series]]\nvalue = 1\n[[data.x.series]]\n  value = 2\n"), 2)
	got := text.TOMLPlaces()
	want := map[string][]TOMLPlace{
		"a.b":                    {{1, 1, 1, 9}},
		"data.x.projection":      {{2, 2, 2, 2}},
		"data.x.projection.rate": {{3, 1, 3, 8}},
		"data.x.series":          {{4, 3, 4, 3}, {6, 3, 6, 3}},
		"data.x.series.value":    {{5, 1, 5, 9}, {7, 3, 7, 11}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("TOMLPlaces() = %v; want %v", got, want)
	}
	// A line of an array that starts with "[" is no table header, and a
	// line "key = value" inside a multi-line text is no key.
	text = New("a.md", []byte("[data.x]\nm = [\n  [1, 2],\n]\nnote = '''\nunit = \"no\"\n'''\nunit = \"t\"\n"), 2)
	got = text.TOMLPlaces()
	want = map[string][]TOMLPlace{
		"data.x":      {{1, 2, 1, 2}},
		"data.x.m":    {{2, 1, 2, 5}},
		"data.x.note": {{5, 1, 5, 8}},
		"data.x.unit": {{8, 1, 8, 8}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("TOMLPlaces() = %v; want %v", got, want)
	}
	// Keys inside inline tables, one place for each table of an array.
	text = New("a.md", []byte("s = [{v = 1}, {v = 2}]\nq = { r.t = 3 }\n"), 1)
	got = text.TOMLPlaces()
	want = map[string][]TOMLPlace{
		"s":     {{1, 1, 1, 5}},
		"s.v":   {{1, 7, 1, 11}, {1, 16, 1, 20}},
		"q":     {{2, 1, 2, 5}},
		"q.r.t": {{2, 7, 2, 13}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("TOMLPlaces() = %v; want %v", got, want)
	}
}

// TestTOMLTree checks the places TOMLTree finds inside inline tables and
// arrays, nested, after texts holding "}" and keys holding a dot; past a
// multi-line text and a date with a space before its time; in arrays of
// tables and their sub-tables; of a table named by a header under it and
// later given its own; and that reading stops at text it cannot read.
// The columns were counted by hand.
func TestTOMLTree(t *testing.T) {
	src := "a.b = { c = [ 1, { d = \"}\" } ], 'e.f' = 2 }\n" + // 1
		"[t]\n" + // 2
		"s = \"\"\"\n" + // 3
		"x = 1\n" + // 4
		"\"\"\"\n" + // 5
		"when = 1979-05-27 07:32:00Z\n" + // 6
		"[[t.list]]\n" + // 7
		"[t.list.sub]\n" + // 8
		"k = 1\n" + // 9
		"[[t.list]]\n" + // 10
		"[t.list.sub]\n" + // 11
		"  k = 2 # }\n" + // 12
		"[u.v]\n" + // 13
		"[u]\n" + // 14
		"w = [1 2]\n" + // 15: not TOML
		"z = 3\n" // 16
	root := New("a.md", []byte(src), 1).TOMLTree()
	at := func(path ...any) *TOMLNode {
		n := root
		for _, p := range path {
			switch p := p.(type) {
			case string:
				n = n.Keys[p]
			case int:
				if p >= len(n.Items) {
					return nil
				}
				n = n.Items[p]
			}
			if n == nil {
				return nil
			}
		}
		return n
	}
	for _, tc := range []struct {
		path []any
		want TOMLPlace
	}{
		// "a.b" names the table a where it starts.
		{[]any{"a"}, TOMLPlace{1, 1, 1, 1}},
		{[]any{"a", "b"}, TOMLPlace{1, 1, 1, 7}},
		{[]any{"a", "b", "c"}, TOMLPlace{1, 9, 1, 13}},
		{[]any{"a", "b", "c", 0}, TOMLPlace{1, 15, 1, 15}},
		{[]any{"a", "b", "c", 1}, TOMLPlace{1, 18, 1, 18}},
		{[]any{"a", "b", "c", 1, "d"}, TOMLPlace{1, 20, 1, 24}},
		// After "}" in quotes; a quoted key holding a dot is one key.
		{[]any{"a", "b", "e.f"}, TOMLPlace{1, 33, 1, 41}},
		{[]any{"t"}, TOMLPlace{2, 2, 2, 2}},
		{[]any{"t", "s"}, TOMLPlace{3, 1, 3, 5}},
		{[]any{"t", "when"}, TOMLPlace{6, 1, 6, 8}},
		{[]any{"t", "list"}, TOMLPlace{7, 3, 7, 3}},
		{[]any{"t", "list", 0}, TOMLPlace{7, 3, 7, 3}},
		{[]any{"t", "list", 0, "sub"}, TOMLPlace{8, 2, 8, 2}},
		{[]any{"t", "list", 0, "sub", "k"}, TOMLPlace{9, 1, 9, 5}},
		{[]any{"t", "list", 1}, TOMLPlace{10, 3, 10, 3}},
		{[]any{"t", "list", 1, "sub", "k"}, TOMLPlace{12, 3, 12, 7}},
		// [u.v] names u; [u] then places it at its own header.
		{[]any{"u"}, TOMLPlace{14, 2, 14, 2}},
		{[]any{"u", "v"}, TOMLPlace{13, 2, 13, 2}},
	} {
		n := at(tc.path...)
		if n == nil || n.Place != tc.want {
			var got any = "nothing"
			if n != nil {
				got = n.Place
			}
			t.Errorf("TOMLTree() at %v = %v; want %v", tc.path, got, tc.want)
		}
	}
	if n := at("t", "x"); n != nil {
		t.Errorf("TOMLTree() has t.x, a line of a multi-line text, at %v", n.Place)
	}
	if n := at("t", "list"); n == nil || len(n.Items) != 2 {
		t.Errorf("TOMLTree() at t.list = %v; want an array of 2 tables", n)
	}
	if n := at("z"); n != nil {
		t.Errorf("TOMLTree() has z, after text it cannot read, at %v", n.Place)
	}
}

// TestOffsetMarkAndBreaks checks that Offset finds a TOML value's place
// (as TOMLPlaces gives it) where lines are counted as YAML counts them and
// a byte-order mark is no column.
func TestOffsetMarkAndBreaks(t *testing.T) {
	src := "\ufeffa = 4.20\nb = \"\u2028\"\nc = 1.50\n"
	text := New("a.md", []byte(src), 2)
	for _, tc := range []struct {
		line, col int
		want      string
	}{{1, 5, "4.20\n"}, {3, 1, "\"\nc"}, {4, 5, "1.50\n"}} {
		if got := src[text.Offset(tc.line, tc.col):]; !strings.HasPrefix(got, tc.want) {
			t.Errorf("Offset(%d, %d) is at %q; want %q", tc.line, tc.col, got, tc.want)
		}
	}
}

// TestTOMLCommaInNumber checks a number written with a comma in an inline
// table, which TOML reads as the end of the value and the start of a key:
// the message is at the number and says what to write, as for YAML.
func TestTOMLCommaInNumber(t *testing.T) {
	for _, c := range []struct {
		src, want string
	}{
		{"s = [\n  { date = 2022-05-31, value = 85,0 },\n]\n", `f:6:32: value = 85,0 reads as 85 and a key "0", because a comma separates keys in {…}: if the comma marks decimals, write 85.0`},
		{"s = [{ value = 1,545, label = \"x\" }]\n", `f:5:16: value = 1,545 reads as 1 and a key "545", because a comma separates keys in {…}: write 1545, without a thousands separator`},
		{"s = [{ value = 12,000,000 }]\n", `f:5:16: value = 12,000,000 reads as 12 and a key "000", because a comma separates keys in {…}: write 12000000, without a thousands separator`},
	} {
		var v map[string]any
		_, err := toml.Decode(c.src, &v)
		if err == nil {
			t.Fatalf("%q decodes", c.src)
		}
		pos, msg := New("f", []byte(c.src), 5).TOMLError(err)
		if got := pos.String() + ": " + msg; got != c.want {
			t.Errorf("TOMLError(%q) =\n%s\nwant\n%s", c.src, got, c.want)
		}
	}
}

// TestTooDeepTOMLLines checks the line TOMLTooDeep blames, past strings
// that span lines.
func TestTooDeepTOMLLines(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want int
	}{
		{"a = 1\n", 0},
		{"a = [[1]]\n", 0},
		{"a = \"\"\"x\ny\\\nz\"\"\"\nb = " + strings.Repeat("[", 5), 4},
		{"a = 'unclosed\nb = " + strings.Repeat("[", 5), 2},
		{"a = \"esc \\\" [[[[[[\"\nb = 1", 0},
		{"a = [\n" + strings.Repeat("[\n", 10), 5},
	} {
		if got := TOMLTooDeep([]byte(tc.src), 4); got != tc.want {
			t.Errorf("TOMLTooDeep(%q, 4) = %d; want %d", tc.src, got, tc.want)
		}
	}
}

// TestDecode checks that Decode gives what yaml.v3 gives of the same
// text: the value, or the error of a key given twice or of aliases that
// expand too far.
func TestDecode(t *testing.T) {
	for _, src := range []string{
		"{layout: post, weight: 3, nested: {a: [1, 2]}}",
		"{a: ~, b: '', c: 1.50, d: 2025-01-01, e: 2025-01-01T10:00:00Z, f: true, g: [], h: {}, i: !!binary SGn/, j: !!str 12}",
		"{x: &x {a: 1}, y: *x, z: [*x, {b: [{c: d}]}]}",
		"{base: &b {a: 1, b: 2}, m: {<<: *b, b: 3}, n: {1: one, true: yes}}",
		`{"quoted key": 1, 'single': [a, {k: v}], long: "` + strings.Repeat("x", 100) + `"}`,
		"{a: &k key, *k : v}",
		"{a: 1, b: {c: 2, c: 3}}",
		"[a, {b: 1, b: 2}]",
		"",
		"- x\n- 1",
		"a: &a [x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
		// Many aliases of a list of 500: each one alone is too few nodes
		// for yaml.v3 to count, and all of them together far too many.
		"a: &a [" + strings.Repeat("x, ", 499) + "x]\nb: [" + strings.Repeat("*a, ", 2999) + "*a]\n",
		"a: &a [" + strings.Repeat("x, ", 499) + "x]\nb: [*a, *a, {c: *a}]\n",
		"a: &a [b, *a]",
	} {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
			t.Fatal(err)
		}
		var want any
		wantErr := doc.Decode(&want)
		got, err := Decode(&doc)
		if fmt.Sprint(err) != fmt.Sprint(wantErr) || wantErr == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("Decode(%q) = %#v, %v; want %#v, %v", src, got, err, want, wantErr)
		}
	}
}

// TestOffsetEveryPlace checks that Text.Offset gives what diag.Offset
// gives of the whole text, at every line and column and past them.
func TestOffsetEveryPlace(t *testing.T) {
	for _, src := range []string{"a = 1\nb = \"é\"\r\n\nc = [1,\n  2]\n", "\ufeffa: 1\nb: 2", "x", "", "\n\n"} {
		text := New("f", []byte(src), 1)
		for line := 1; line <= 7; line++ {
			for col := 1; col <= 9; col++ {
				if got, want := text.Offset(line, col), diag.Offset([]byte(src), line, col); got != want {
					t.Errorf("Offset(%d, %d) of %q = %d; want %d", line, col, src, got, want)
				}
			}
		}
	}
}

// TestSpeltUTF8 checks which runs of the characters U+0080 to U+00FF are
// read as the UTF-8 they spell: those of a value that holds a control
// among them, as a WordPress export's \x escapes make, and no other.
func TestSpeltUTF8(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"you\u00e2\u0080\u0099re", "you’re"},
		{"caf\u00e9 \u00e2\u0080\u0094 \u00c3\u00a9t\u00c3\u00a9", "café — été"},
		{"\u00c3\u00a9t\u00c3\u00a9", "\u00c3\u00a9t\u00c3\u00a9"}, // no control: it may be meant
		{"a\u0085b", "a\u0085b"},                                   // a control that spells nothing
		{"\u00e2\u0080", "\u00e2\u0080"},                           // a cut sequence
		{"plain", "plain"},
	} {
		if got := SpeltUTF8(tc.in, nil); got != tc.want {
			t.Errorf("SpeltUTF8(%+q) = %+q; want %+q", tc.in, got, tc.want)
		}
	}
}
