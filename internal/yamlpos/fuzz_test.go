package yamlpos

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	gotoml "github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
)

// readsAsMapping reports whether the YAML decoder reads src, without an
// error, as a document holding a mapping (or nothing).
func readsAsMapping(src []byte) bool {
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil {
		return false
	}
	return doc.Kind == 0 || len(doc.Content) == 1 && doc.Content[0].Kind == yaml.MappingNode
}

// validSeeds returns YAML texts plotline reads: the front matter of the
// example site's articles and the mistakes' inputs, whole or cut.
func validSeeds(t testing.TB) [][]byte {
	var out [][]byte
	files, _ := filepath.Glob("../../content/articles/*.md")
	files2, _ := filepath.Glob("../../content/*.md")
	for _, f := range append(files, files2...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if end := bytes.Index(src, []byte("\n---\n")); bytes.HasPrefix(src, []byte("---\n")) && end > 0 {
			out = append(out, src[4:end+1])
		}
	}
	for _, s := range []string{
		"title: A\ntags:\n- a\n- b\ndata:\n  l:\n    series:\n    - {date: 2025-01-01, value: 1}\n    projection: {rate: 2}\n",
		"description: |\n  one\n\n  two\n# c\ntitle: >-\n  folded\n  text\nx: 1\n",
		"a: &x [1, 2]\nb: *x\nc:\n  - &y {k: v}\n  - *y\n",
		"title: \"multi\n  line\"\nslug: 'it''s'\nurl: https://x.org/a:b\ntime: 12:30\n",
		"title:\n  Kursk\nlist:\n  - - a\n    - b\n  -\n    c: 1\n",
		"---\ntitle: x # comment\nempty:\nnext: \"a\" # c\n",
		"k: [a,\n  b, {c: d,\n  e: f}]\nz: 'q\n  r'\n",
		"plain: a long\n  value that goes on\n  over lines\nnext: 1\n",
		// "#" where a token may start is a comment, space or not.
		"a: [#{0\n  ]\nb: [x,#{\n  y]\nc: [\"q\"#[\n  ]\n",
	} {
		out = append(out, []byte(s))
	}
	return out
}

// TestNoMistakeInValidYAML checks that findMistake finds nothing in texts
// the decoder reads as a mapping.
func TestNoMistakeInValidYAML(t *testing.T) {
	for _, src := range validSeeds(t) {
		if !readsAsMapping(src) {
			t.Errorf("the decoder refuses %q; want a seed it reads", src)
			continue
		}
		if m, ok := findMistake(src); ok {
			t.Errorf("findMistake(%q) = %d: %s; want nothing in text the decoder reads", src, m.off, m.msg)
		}
	}
}

// watchdog turns a hang into a crash that names its input, which the
// fuzzer then keeps: it panics when the returned stop is not called
// within 10 seconds.
func watchdog(input string) (stop func()) {
	t := time.AfterFunc(10*time.Second, func() {
		panic(fmt.Sprintf("still running after 10 s on input %q", input))
	})
	return func() { t.Stop() }
}

// FuzzFindMistake checks findMistake against the decoder: in text the
// decoder reads as a mapping it must find nothing, and in any text a
// mistake it finds must be inside the text. Run it for minutes when
// findMistake or the YAML library changes:
//
//	go test ./internal/yamlpos -run '^$' -fuzz FuzzFindMistake -fuzztime 10m
func FuzzFindMistake(f *testing.F) {
	for _, s := range validSeeds(f) {
		f.Add(string(s))
	}
	a, err := os.ReadFile("testdata/mistakes.txt")
	if err != nil {
		f.Fatal(err)
	}
	for _, part := range strings.Split(string(a), "\n-- ") {
		f.Add(part)
	}
	f.Fuzz(func(t *testing.T, src string) {
		defer watchdog(src)()
		m, ok := findMistake([]byte(src))
		if !ok {
			return
		}
		if m.off < 0 || m.off > len(src) || m.msg == "" {
			t.Fatalf("findMistake(%q) = %d: %q; want a message at an offset in the text", src, m.off, m.msg)
		}
		if readsAsMapping([]byte(src)) {
			t.Fatalf("findMistake(%q) = %d: %s; the decoder reads the text as a mapping", src, m.off, m.msg)
		}
	})
}

// FuzzTOMLTree checks TOMLTree against the TOML decoder. In any text it
// must stop, and place nothing outside the text. In a text the decoder
// reads, the parser must read it to the end (unless go-toml's decoder
// refuses it too: the two libraries disagree about a few texts that break
// TOML's rules), the tree must be the one the
// decoder finds (the same keys in every table, as many items in every
// array, a table, an array or another value where the decoder has one),
// and every value written after a key or in an array must be placed where
// its text starts: the text from there to where the tree says it ends
// decodes to the decoder's value, and its line and column are those of
// its offset. Run it for minutes when tomlscan.go or a TOML library
// changes:
//
//	go test ./internal/yamlpos -run '^$' -fuzz FuzzTOMLTree -fuzztime 10m
func FuzzTOMLTree(f *testing.F) {
	for _, s := range []string{
		"title = \"A\"\ndate = 2025-01-02\n[data.a.projection]\nrate = 0.50 # a day\n[[data.a.series]]\nvalue = 4.20\n",
		"[data.x]\nseries = [ { date = 2025-01-01, value = 1.50 },\n  { label = \"{,=#}\", value = 2.25 },   # {\n  {\n    date = 2025-03-01,\n    value = \"abc\" },\n]\n",
		"a.b = { c = [ 1, { d = \"}\" } ], 'e.f' = 2 }\n[t]\ns = \"\"\"\nx = 1\n\"\"\"\"\"\nwhen = 1979-05-27 07:32:00Z\n[[t.list]]\n[t.list.sub]\nk = 1\n",
		"\"a\\u00e9\" = 1\n'' = 2\n\"\\e\" = 3\nm = [[1, 2], [\"]\"], []]\nn = {}\n[u.v]\n[u]\n",
		"t = '''\n[x]\n'''\nx = \"\"\"a\\\n  b\"\"\"\r\ny = 1\r\n",
		"\ufeffa = { s = \"x\u2028y\", t = [ [ ], [1,2,] , ] } # \u0085\nb = 1 # \u2029\nc = \"\u2028\"\n",
		"\xff\xfea = 1\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		defer watchdog(src)()
		text := New("a.toml", []byte(src), 1)
		s := &tomlScanner{src: []byte(src), places: map[string][]TOMLPlace{}}
		root := &TOMLNode{Keys: map[string]*TOMLNode{}, flat: true}
		s.scan(root)
		// inText reports whether line and col are the place of a character
		// of the text, which Pos and OffsetPos put at the same position.
		inText := func(line, col int) bool {
			off := text.Offset(line, col)
			return off < len(src) && text.Pos(line, col) == text.OffsetPos(off)
		}
		var check func(n *TOMLNode, v any, path string)
		check = func(n *TOMLNode, v any, path string) {
			if p := n.Place; n != root && (!inText(p.KeyLine, p.KeyCol) || !inText(p.ValueLine, p.ValueCol)) {
				t.Fatalf("%q: %s placed at %v, outside the text", src, path, p)
			}
			if n.end > 0 {
				if off := text.Offset(n.Place.ValueLine, n.Place.ValueCol); off != n.start {
					t.Fatalf("%q: %s is placed at %v, offset %d; its text starts at %d", src, path, n.Place, off, n.start)
				}
				var w map[string]any
				if _, err := toml.Decode("w = "+src[n.start:n.end], &w); err != nil || !sameTOML(w["w"], v) {
					t.Fatalf("%q: %s is %#v; its text %q decodes to %#v (%v)", src, path, v, src[n.start:n.end], w["w"], err)
				}
			}
			switch v := v.(type) {
			case map[string]any:
				if n.Keys == nil || len(n.Keys) != len(v) {
					t.Fatalf("%q: %s is a table of %d keys; the tree has %d keys, %d items", src, path, len(v), len(n.Keys), len(n.Items))
				}
				for k, x := range v {
					c := n.Keys[k]
					if c == nil {
						t.Fatalf("%q: the tree has no key %q in %s", src, k, path)
					}
					check(c, x, path+"."+k)
				}
			case []any:
				if n.Items == nil || len(n.Items) != len(v) {
					t.Fatalf("%q: %s is an array of %d items; the tree has %d", src, path, len(v), len(n.Items))
				}
				for i, x := range v {
					check(n.Items[i], x, fmt.Sprintf("%s[%d]", path, i))
				}
			case []map[string]any:
				if n.Items == nil || len(n.Items) != len(v) {
					t.Fatalf("%q: %s is an array of %d tables; the tree has %d", src, path, len(v), len(n.Items))
				}
				for i, x := range v {
					check(n.Items[i], x, fmt.Sprintf("%s[%d]", path, i))
				}
			default:
				if n.Keys != nil || n.Items != nil {
					t.Fatalf("%q: %s is %v; the tree has a table or an array", src, path, v)
				}
			}
		}
		var v map[string]any
		_, err := toml.Decode(src, &v)
		if err != nil {
			// The decoder's error is explained at a line and column, in
			// words.
			pos, msg := text.TOMLError(err)
			if msg == "" || pos.Line < 1 || pos.Col < 1 {
				t.Fatalf("%q: TOMLError(%v) = %v, %q", src, err, pos, msg)
			}
		}
		if err == nil && s.parser.Error() != nil {
			// A text the decoder reads and the parser does not: the
			// parser's error, if go-toml's own decoder refuses the text
			// too, for the two libraries read TOML's rules apart (six
			// quotes after a multi-line string's text, which the rules
			// refuse and BurntSushi's decoder reads). Then the keys after
			// the refusal are not placed, as in any text the parser
			// refuses.
			var w map[string]any
			if gotoml.Unmarshal([]byte(src), &w) == nil {
				t.Fatalf("%q: the parser refuses a text both decoders read: %v", src, s.parser.Error())
			}
			err = s.parser.Error()
		}
		if err != nil || strings.Count(src, "[")+strings.Count(src, "{") > 100 {
			for _, list := range text.TOMLPlaces() {
				for _, p := range list {
					if !inText(p.KeyLine, p.KeyCol) || !inText(p.ValueLine, p.ValueCol) {
						t.Fatalf("%q: a place %v outside the text", src, p)
					}
				}
			}
			return
		}
		check(root, v, "")
	})
}

// sameTOML reports whether a and b, decoded from TOML, are the same
// value: NaN is NaN, and times are the same time written the same way.
func sameTOML(a, b any) bool {
	switch a := a.(type) {
	case float64:
		b, ok := b.(float64)
		return ok && (a == b || math.IsNaN(a) && math.IsNaN(b))
	case time.Time:
		b, ok := b.(time.Time)
		return ok && a.Equal(b) && a.Location().String() == b.Location().String() && a.Format(time.RFC3339Nano) == b.Format(time.RFC3339Nano)
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !sameTOML(a[i], b[i]) {
				return false
			}
		}
		return true
	case []map[string]any:
		b, ok := b.([]map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !sameTOML(a[i], b[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, x := range a {
			if y, ok := b[k]; !ok || !sameTOML(x, y) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}

// FuzzDecode checks Decode against yaml.v3 on any text yaml.v3 parses:
// the same error, or the same value.
func FuzzDecode(f *testing.F) {
	for _, s := range validSeeds(f) {
		f.Add(s)
	}
	for _, s := range []string{"{a: &k key, *k : v, b: {c: 2, c: 3}}", "a: &a [b, *a]", "{base: &b {a: 1}, m: {<<: *b, b: 3}, n: {1: one}}", "- !!binary SGn/\n- !!str 12\n- 2025-01-01"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var doc yaml.Node
		if yaml.Unmarshal(src, &doc) != nil {
			return
		}
		var want any
		wantErr := doc.Decode(&want)
		got, err := Decode(&doc)
		if fmt.Sprint(err) != fmt.Sprint(wantErr) || wantErr == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("Decode(%q) = %#v, %v; want %#v, %v", src, got, err, want, wantErr)
		}
	})
}
