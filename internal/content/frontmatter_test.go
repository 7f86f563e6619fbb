package content

import (
	"slices"
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
		format     Format
		bodyOffset int    // the whole-file offset Parse should set
		body       string // what Page.Body returns
		title      string
		diags      []string
	}{
		{
			name:       "yaml",
			src:        "---\ntitle: A\ndate: 2025-01-02\n---\nHello\n",
			format:     YAML,
			bodyOffset: len("---\ntitle: A\ndate: 2025-01-02\n---\n"),
			body:       "Hello\n",
			title:      "A",
		},
		{
			name:       "toml",
			src:        "+++\ntitle = \"A\"\ndate = 2025-01-02\n+++\nHello\n",
			format:     TOML,
			bodyOffset: len("+++\ntitle = \"A\"\ndate = 2025-01-02\n+++\n"),
			body:       "Hello\n",
			title:      "A",
		},
		{
			name:       "yaml closed by dots",
			src:        "---\ntitle: A\ndate: 2025-01-02\n...\nHello\n",
			format:     YAML,
			bodyOffset: len("---\ntitle: A\ndate: 2025-01-02\n...\n"),
			body:       "Hello\n",
			title:      "A",
		},
		{
			name:       "fences with trailing spaces",
			src:        "--- \ntitle: A\ndate: 2025-01-02\n---\t\nHello",
			format:     YAML,
			bodyOffset: len("--- \ntitle: A\ndate: 2025-01-02\n---\t\n"),
			body:       "Hello",
			title:      "A",
		},
		{
			name:       "crlf",
			src:        "---\r\ntitle: A\r\ndate: 2025-01-02\r\n---\r\nHello\r\n",
			format:     YAML,
			bodyOffset: len("---\r\ntitle: A\r\ndate: 2025-01-02\r\n---\r\n"),
			body:       "Hello\r\n",
			title:      "A",
		},
		{
			name:       "crlf toml",
			src:        "+++\r\ntitle = \"A\"\r\ndate = 2025-01-02\r\n+++\r\nHello\r\n",
			format:     TOML,
			bodyOffset: len("+++\r\ntitle = \"A\"\r\ndate = 2025-01-02\r\n+++\r\n"),
			body:       "Hello\r\n",
			title:      "A",
		},
		{
			name:       "byte-order mark",
			src:        "\ufeff---\ntitle: A\ndate: 2025-01-02\n---\nHello\n",
			format:     YAML,
			bodyOffset: len("\ufeff---\ntitle: A\ndate: 2025-01-02\n---\n"),
			body:       "Hello\n",
			title:      "A",
		},
		{
			name:       "no trailing newline after the closing fence",
			src:        "---\ntitle: A\ndate: 2025-01-02\n---",
			format:     YAML,
			bodyOffset: len("---\ntitle: A\ndate: 2025-01-02\n---"),
			body:       "",
			title:      "A",
		},
		{
			name:       "a --- in the body is not a fence",
			src:        "---\ntitle: A\ndate: 2025-01-02\n---\nOne\n\n---\n\nTwo\n",
			format:     YAML,
			bodyOffset: len("---\ntitle: A\ndate: 2025-01-02\n---\n"),
			body:       "One\n\n---\n\nTwo\n",
			title:      "A",
		},
		{
			name:   "dots do not close toml",
			src:    "+++\ntitle = \"A\"\n...\nHello\n",
			format: TOML,
			diags:  []string{`content/a.md:1:1: front matter is never closed: add a line "+++" after it`},
		},
		{
			name:   "unclosed",
			src:    "---\ntitle: A\ndate: 2025-01-02\nHello\n",
			format: YAML,
			diags:  []string{`content/a.md:1:1: front matter is never closed: add a line "---" after it`},
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
			format:     YAML,
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
			if p.Format != tc.format {
				t.Errorf("Format = %v; want %v", p.Format, tc.format)
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
			want: []string{"content/a.md:4:12: front matter: expected a comma"},
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
			// line does not.
			name: "yaml line breaks that are not file line breaks",
			src:  "---\ntitle: A\u0085date: 2025-01-02\u2028colour: red\n---\n",
			want: []string{`content/a.md:2:27: warning: front matter key "colour" is not used by plotline`},
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
			diags.Add(p.UnknownWarnings()...)
			checkDiags(t, diags, tc.want...)
		})
	}
}

// TestTOMLNumbersAsWritten checks that a number of TOML front matter
// keeps the digits it was written with, as YAML's do: the decoder gives
// 4.20 as 4.2 and 1200.0 as 1200, whose decimals would be shown wrong.
// A number inside an inline table, which is not placed, and one in
// hexadecimal are left as decoded.
func TestTOMLNumbersAsWritten(t *testing.T) {
	src := "+++\ntitle = \"A\"\ndate = 2025-01-02\n[data.a.projection]\nrate = 0.50 # a day\nlimit = 1_200.0\nlow = 0x1F\n[[data.a.series]]\ndate = 2025-01-01\nvalue = 4.20\n[[data.b.series]]\nvalue = 3.10\n[data.c]\nseries = [{date = 2025-01-01, value = 7.50}]\n+++\n"
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
	if want := []string{"0.50", "1_200.0", "3.10", "31", "4.20", "7.5"}; !slices.Equal(got, want) {
		t.Errorf("numbers = %q; want %q", got, want)
	}
}
