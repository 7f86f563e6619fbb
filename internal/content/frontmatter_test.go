package content

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/diag"
)

// diagStrings returns the sorted diagnostics of l as "path:line:col: message"
// lines.
func diagStrings(l diag.List) []string {
	l.Sort()
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return out
}

// checkDiags fails t unless got holds exactly one diagnostic starting with
// each prefix of want, in order.
func checkDiags(t *testing.T, got diag.List, want ...string) {
	t.Helper()
	lines := diagStrings(got)
	if len(lines) != len(want) {
		t.Errorf("diagnostics:\n%s\nwant %d starting with:\n%s", strings.Join(lines, "\n"), len(want), strings.Join(want, "\n"))
		return
	}
	for i := range lines {
		if !strings.HasPrefix(lines[i], want[i]) {
			t.Errorf("diagnostic %d = %q; want it to start with %q", i, lines[i], want[i])
		}
	}
}

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		name       string
		src        string
		fence      string // the fence split finds
		bodyOffset int    // the whole-file offset Parse should set
		body       string // what Page.Body returns
		title      string
		diags      []string
	}{
		{
			name:       "yaml",
			src:        "---\ntitle: A\ndate: 2025-01-02\n---\nHello\n",
			fence:      "---",
			bodyOffset: len("---\ntitle: A\ndate: 2025-01-02\n---\n"),
			body:       "Hello\n",
			title:      "A",
		},
		{
			name:       "toml",
			src:        "+++\ntitle = \"A\"\ndate = 2025-01-02\n+++\nHello\n",
			fence:      "+++",
			bodyOffset: len("+++\ntitle = \"A\"\ndate = 2025-01-02\n+++\n"),
			body:       "Hello\n",
			title:      "A",
		},
		{
			name:       "yaml closed by dots",
			src:        "---\ntitle: A\ndate: 2025-01-02\n...\nHello\n",
			fence:      "---",
			bodyOffset: len("---\ntitle: A\ndate: 2025-01-02\n...\n"),
			body:       "Hello\n",
			title:      "A",
		},
		{
			name:       "fences with trailing spaces",
			src:        "--- \ntitle: A\ndate: 2025-01-02\n---\t\nHello",
			fence:      "---",
			bodyOffset: len("--- \ntitle: A\ndate: 2025-01-02\n---\t\n"),
			body:       "Hello",
			title:      "A",
		},
		{
			name:       "crlf",
			src:        "---\r\ntitle: A\r\ndate: 2025-01-02\r\n---\r\nHello\r\n",
			fence:      "---",
			bodyOffset: len("---\r\ntitle: A\r\ndate: 2025-01-02\r\n---\r\n"),
			body:       "Hello\r\n",
			title:      "A",
		},
		{
			name:       "crlf toml",
			src:        "+++\r\ntitle = \"A\"\r\ndate = 2025-01-02\r\n+++\r\nHello\r\n",
			fence:      "+++",
			bodyOffset: len("+++\r\ntitle = \"A\"\r\ndate = 2025-01-02\r\n+++\r\n"),
			body:       "Hello\r\n",
			title:      "A",
		},
		{
			name:       "byte-order mark",
			src:        "\ufeff---\ntitle: A\ndate: 2025-01-02\n---\nHello\n",
			fence:      "---",
			bodyOffset: len("\ufeff---\ntitle: A\ndate: 2025-01-02\n---\n"),
			body:       "Hello\n",
			title:      "A",
		},
		{
			name:       "no trailing newline after the closing fence",
			src:        "---\ntitle: A\ndate: 2025-01-02\n---",
			fence:      "---",
			bodyOffset: len("---\ntitle: A\ndate: 2025-01-02\n---"),
			body:       "",
			title:      "A",
		},
		{
			name:       "a --- in the body is not a fence",
			src:        "---\ntitle: A\ndate: 2025-01-02\n---\nOne\n\n---\n\nTwo\n",
			fence:      "---",
			bodyOffset: len("---\ntitle: A\ndate: 2025-01-02\n---\n"),
			body:       "One\n\n---\n\nTwo\n",
			title:      "A",
		},
		{
			name:  "dots do not close toml",
			src:   "+++\ntitle = \"A\"\n...\nHello\n",
			fence: "+++",
			diags: []string{`content/a.md:1:1: front matter is never closed: add a line "+++" after it`},
		},
		{
			name:  "unclosed",
			src:   "---\ntitle: A\ndate: 2025-01-02\nHello\n",
			fence: "---",
			diags: []string{`content/a.md:1:1: front matter is never closed: add a line "---" after it`},
		},
		{
			name:  "no front matter",
			src:   "# Hello\n\ntitle: A\n",
			diags: []string{"content/a.md:1:1: missing front matter"},
		},
		{
			name:  "empty file",
			src:   "",
			diags: []string{"content/a.md:1:1: missing front matter"},
		},
		{
			name:       "empty front matter",
			src:        "---\n---\nHello",
			fence:      "---",
			bodyOffset: len("---\n---\n"),
			body:       "Hello",
			diags: []string{
				"content/a.md:2:1: missing date",
				"content/a.md:2:1: missing title",
			},
		},
		{
			name:  "invalid utf-8",
			src:   "---\ntitle: A\xff\n---\n",
			fence: "---",
			diags: []string{"content/a.md:2:9: file is not valid UTF-8"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.List
			p := Parse("content/a.md", []byte(tc.src), &diags)
			checkDiags(t, diags, tc.diags...)
			if p.Broken != diags.HasErrors() {
				t.Errorf("Broken = %v; want %v", p.Broken, diags.HasErrors())
			}
			if _, _, _, fence, _, _ := split([]byte(strings.TrimPrefix(tc.src, "\ufeff"))); fence != tc.fence {
				t.Errorf("split: fence %q; want %q", fence, tc.fence)
			}
			if diags.HasErrors() && tc.body == "" {
				return
			}
			if p.BodyOffset != tc.bodyOffset {
				t.Errorf("BodyOffset = %d; want %d", p.BodyOffset, tc.bodyOffset)
			}
			if got := string(p.Body()); got != tc.body {
				t.Errorf("Body() = %q; want %q", got, tc.body)
			}
			if p.Title != tc.title {
				t.Errorf("Title = %q; want %q", p.Title, tc.title)
			}
			if string(p.Source) != tc.src {
				t.Errorf("Source = %q; want the whole file %q", p.Source, tc.src)
			}
		})
	}
}

// TestPositionsCountFileLines checks that a diagnostic in the front matter
// names the line of the file, counting the opening fence (and a byte-order
// mark or CRLF line endings change nothing).
func TestPositionsCountFileLines(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "yaml",
			src:  "---\ntitle: A\ndate: 2025-01-02\ncolour: red\n---\n",
			want: []string{`content/a.md:4:1: warning: front matter key "colour" is not used by plotline`},
		},
		{
			name: "yaml value column",
			src:  "---\ntitle: A\ndate: 2025-01-02\n\ndraft:   maybe\n---\n",
			want: []string{`content/a.md:5:10: draft: want true or false, got "maybe"`},
		},
		{
			name: "crlf",
			src:  "---\r\ntitle: A\r\ndate: 2025-01-02\r\ncolour: red\r\n---\r\n",
			want: []string{`content/a.md:4:1: warning: front matter key "colour" is not used by plotline`},
		},
		{
			name: "byte-order mark",
			src:  "\ufeff---\ntitle: A\ndate: 2025-01-02\ncolour: red\n---\n",
			want: []string{`content/a.md:4:1: warning: front matter key "colour" is not used by plotline`},
		},
		{
			name: "byte-order mark, missing title",
			src:  "\ufeff---\ndate: 2025-01-02\n---\n",
			want: []string{`content/a.md:2:1: missing title`},
		},
		{
			name: "yaml unterminated quote",
			src:  "---\ntitle: A\ndate: 2025-01-02\nauthor: 'Jo\n---\n",
			want: []string{"content/a.md:4:9: front matter: this quote is never closed: end the text with '"},
		},
		{
			name: "yaml syntax error mid-document",
			src:  "---\ntitle: A\n  bad: indent\ndate: 2025-01-02\n---\n",
			want: []string{"content/a.md:3:3: front matter: this line is indented 2 spaces; its siblings 0"},
		},
		{
			name: "toml syntax error",
			src:  "+++\ntitle = \"A\"\ndate = 2025-01-02\ntags = [\"a\"\n+++\n",
			want: []string{`content/a.md:4:8: front matter: this "[" is never closed: end the list with "]"`},
		},
		{
			name: "toml keys are reported at their lines",
			src:  "+++\ntitle = \"A\"\ndate = 2025-01-02\ncolour = \"red\"\n+++\n",
			want: []string{`content/a.md:4:1: warning: front matter key "colour" is not used by plotline`},
		},
		{
			// Values are placed at their lines and columns, under table
			// headers and in arrays of tables; what is inside an inline
			// array is placed at the array.
			name: "toml values in tables",
			src:  "+++\ntitle = \"A\"\ndate = \"2025-13-01\"\n[data.a]\n  series = [{date = 2025-01-01, value = \"lots\"}]\n[data.a.projection]\nrate = \"fast\"\nper = \"fortnight\"\n[[data.b.series]]\ndate = 2025-01-01\nvalue = 1\n[[data.b.series]]\ndate = 2025-02-01\nvalue = \"two\"\n+++\n",
			// (The data blocks' mistakes are in hostile-frontmatter.txtar.)
			want: []string{`content/a.md:3:8: date: cannot parse "2025-13-01"`},
		},
		{
			// YAML ends a line at U+0085, U+2028 and U+2029 too; a file
			// line does not, nor an editor: the keys after them would be
			// keys no one sees. The first is an error at its place.
			name: "yaml line breaks that are not file line breaks",
			src:  "---\ntitle: A\u0085date: 2025-01-02\u2028colour: red\n---\n",
			want: []string{`content/a.md:2:9: front matter: the character U+0085 ends a line for YAML, though an editor shows none`},
		},
		{
			// Nor does a line of TOML end at U+2028 or U+2029 inside a
			// text: the keys after them are on the file's lines 4 and 5.
			name: "toml line breaks that are not file line breaks",
			src:  "+++\ntitle = \"A\u2028B\u2029\"\ndate = 2025-01-02\ncolour = \"red\"\ndraft = \"maybe\"\n+++\n",
			want: []string{
				`content/a.md:4:1: warning: front matter key "colour" is not used by plotline`,
				`content/a.md:5:9: draft: want true or false, got "maybe"`,
			},
		},
		{
			// Word's manual line break, which the decoder refuses without
			// a line: at its place, named.
			name: "a control character",
			src:  "---\ntitle: A\ndate: 2025-01-02\ndescription: \"First line\vsecond\"\n---\n",
			want: []string{`content/a.md:4:25: front matter: the character U+000B cannot be shown in a web page: remove it`},
		},
		{
			// A WordPress export's title: the \x escapes are characters
			// of their own, U+00E2 U+0080 U+0099, not the bytes of ’.
			name: "utf-8 spelt one byte a character",
			src:  "---\ntitle: \"you\\xE2\\x80\\x99re\"\ndate: 2025-01-02\n---\n",
			want: []string{`content/a.md:2:8: title: the character U+0080 cannot be shown in a web page: "\u00e2\u0080\u0099" are the bytes of ’ in UTF-8, each read as a character (in double quotes, \xE2 is the character U+00E2, not a byte): write ’`},
		},
		{
			name: "not a mapping",
			src:  "---\n- a\n- b\n---\n",
			want: []string{"content/a.md:2:1: front matter must be a mapping of keys to values"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.List
			p := Parse("content/a.md", []byte(tc.src), &diags)
			diags.Add(unknownWarnings(p)...)
			checkDiags(t, diags, tc.want...)
		})
	}
}

// TestKeepWritten checks the number read where a TOML value is written,
// as written, and that a date, a string, a word or a number in another
// base is none.
func TestKeepWritten(t *testing.T) {
	for _, tc := range []struct {
		rest, decoded, want string
	}{
		{"4.20 # x\n", "4.2", "4.20"}, {"-1_200.0,\n", "-1200", "-1_200.0"}, {"1e-3]\n", "0.001", "1e-3"}, {"7\n", "7", "7"},
		{"2025-01-01\n", "2025", "2025"}, {"\"4.20\"\n", "4.2", "4.2"}, {"0x1F\n", "31", "31"}, {"inf\n", "+Inf", "+Inf"},
		{"1.5-2\n", "1.5", "1.5"}, {"Zoë 7\n", "7", "7"}, {"", "1", "1"},
	} {
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: tc.decoded}
		if keepWritten(n, []byte(tc.rest)); n.Value != tc.want {
			t.Errorf("keepWritten(%q, %q) = %q; want %q", tc.decoded, tc.rest, n.Value, tc.want)
		}
	}
}

// TestTOMLNumbersAsWritten checks that a number of TOML front matter
// keeps the digits it was written with, as YAML's do: the decoder gives
// 4.20 as 4.2 and 1200.0 as 1200, whose decimals would be shown wrong.
// Numbers inside inline tables and arrays, nested, across lines, after
// texts holding { } , = and #, keep theirs too; after an array inside an
// array and a multi-line text holding "limit = 7.77", the keys of the
// table are still found where they are. A number in hexadecimal is kept
// as written too, for the data to refuse it as in YAML.
func TestTOMLNumbersAsWritten(t *testing.T) {
	src := "+++\ntitle = \"A\"\ndate = 2025-01-02\n[data.a.projection]\nrate = 0.50 # a day\nlimit = 1_200.0\nlow = 0x1F\n[[data.a.series]]\ndate = 2025-01-01\nvalue = 4.20\n[[data.b.series]]\nvalue = 3.10\n[data.c]\nseries = [{date = 2025-01-01, value = 7.50}]\n" +
		"[data.d]\nseries = [\n" +
		"  { label = \"x = 1, }{ # y\", value = 8.10 },   # a comment, { = }\n" +
		"  { label = 'a, b = {c}',\n    source = { name = \"n = {\", value = 9.90 } },\n" +
		"  {value=10.0},\n]\nextra = [\n  [1.0, 2],\n]\ndescription = \"\"\"\nlimit = 7.77\n\"\"\"\nlimit = 5.00\n+++\n"
	var diags diag.List
	p := Parse("content/a.md", []byte(src), &diags)
	checkDiags(t, diags)
	var got []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && (n.Tag == "!!float" || n.Tag == "!!int") {
			got = append(got, n.Value)
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(p.Data)
	slices.Sort(got)
	if want := []string{"0.50", "0x1F", "1.0", "10.0", "1_200.0", "2", "3.10", "4.20", "5.00", "7.50", "8.10", "9.90"}; !slices.Equal(got, want) {
		t.Errorf("numbers = %q; want %q", got, want)
	}
}

// TestTOMLInlinePlaces checks that the keys and values inside inline
// tables and arrays of TOML front matter are placed at their own lines
// and columns, as in YAML: nested, across lines, after texts holding
// { } , = and #, and with quoted keys. The columns were counted by hand.
func TestTOMLInlinePlaces(t *testing.T) {
	src := "+++\n" + // 1
		"title = \"A\"\n" + // 2
		"date = 2025-01-02\n" + // 3
		"[data.a]\n" + // 4
		"unit = \"t\"\n" + // 5
		"series = [ { date = 2025-01-01, value = 1.50 },\n" + // 6
		"  { label = \"{,=#}\", value = 2.25 },   # {\n" + // 7
		"  {\n" + // 8
		"    date = 2025-03-01,\n" + // 9
		"    value = \"abc\" },\n" + // 10
		"]\n" + // 11
		"projection = { rate = 0.50, low = { rate = 0.25 }, per = 'day' }\n" + // 12
		"[[data.b.series]]\n" + // 13
		"source = { \"name\" = \"a # b\", 'url' = \"https://x.org/?a=1&b={2}\" }\n" + // 14
		"valeu = 3\n" + // 15
		"+++\n"
	var diags diag.List
	p := Parse("content/a.md", []byte(src), &diags)
	checkDiags(t, diags)
	for _, tc := range []struct {
		path       string // keys and list indexes from data, by dots
		key, value string // "line:col"; key "" for a list's item
		text       string // the value's text, for a number or a text
	}{
		{"a.series", "6:1", "6:10", ""},
		{"a.series.0", "", "6:12", ""},
		// "series = [ { " is 13 characters; "date = 2025-01-01, " 19.
		{"a.series.0.date", "6:14", "6:21", "2025-01-01"},
		{"a.series.0.value", "6:33", "6:41", "1.50"},
		{"a.series.1", "", "7:3", ""},
		// `"{,=#}"` is 7 characters, from 13 to 19.
		{"a.series.1.label", "7:5", "7:13", "{,=#}"},
		{"a.series.1.value", "7:22", "7:30", "2.25"},
		// An inline table across lines.
		{"a.series.2", "", "8:3", ""},
		{"a.series.2.date", "9:5", "9:12", "2025-03-01"},
		{"a.series.2.value", "10:5", "10:13", "abc"},
		// "projection = { " is 14 characters; "rate = 0.50, " 13 more.
		{"a.projection", "12:1", "12:14", ""},
		{"a.projection.rate", "12:16", "12:23", "0.50"},
		{"a.projection.low", "12:29", "12:35", ""},
		{"a.projection.low.rate", "12:37", "12:44", "0.25"},
		{"a.projection.per", "12:52", "12:58", "day"},
		// An array of tables: its table at the header's name.
		{"b.series.0", "", "13:3", ""},
		// Quoted keys, and texts holding "#", "=", "{" and "}".
		{"b.series.0.source", "14:1", "14:10", ""},
		{"b.series.0.source.name", "14:12", "14:21", "a # b"},
		{"b.series.0.source.url", "14:30", "14:38", "https://x.org/?a=1&b={2}"},
		{"b.series.0.valeu", "15:1", "15:9", "3"},
	} {
		k, v := nodeAt(p.Data, tc.path)
		if v == nil {
			t.Errorf("%s: not found", tc.path)
			continue
		}
		if got := fmt.Sprintf("%d:%d", v.Line, v.Column); got != tc.value {
			t.Errorf("%s: value at %s; want %s", tc.path, got, tc.value)
		}
		if k != nil {
			if got := fmt.Sprintf("%d:%d", k.Line, k.Column); got != tc.key {
				t.Errorf("%s: key at %s; want %s", tc.path, got, tc.key)
			}
		}
		if tc.text != "" && v.Value != tc.text {
			t.Errorf("%s = %q; want %q", tc.path, v.Value, tc.text)
		}
	}
}

// nodeAt returns the key and value nodes at path in n, its keys and list
// indexes joined by dots; the key is nil for a list's item, both are nil
// when there is nothing there.
func nodeAt(n *yaml.Node, path string) (key, value *yaml.Node) {
	value = n
	for _, part := range strings.Split(path, ".") {
		key = nil
		switch value.Kind {
		case yaml.MappingNode:
			var next *yaml.Node
			for i := 0; i+1 < len(value.Content); i += 2 {
				if value.Content[i].Value == part {
					key, next = value.Content[i], value.Content[i+1]
				}
			}
			value = next
		case yaml.SequenceNode:
			i, err := strconv.Atoi(part)
			if err != nil || i >= len(value.Content) {
				return nil, nil
			}
			value = value.Content[i]
		default:
			return nil, nil
		}
		if value == nil {
			return nil, nil
		}
	}
	return key, value
}
