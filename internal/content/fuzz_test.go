package content

import (
	"bytes"
	"fmt"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/plotline/plotline/internal/diag"
)

// checkPositions fails t for a diagnostic that is not in src: every line
// must be one of the file's, every column within its line (or just past
// its end).
func checkPositions(t *testing.T, path string, src []byte, diags diag.List) {
	t.Helper()
	lines := bytes.Split(src, []byte("\n"))
	for _, d := range diags {
		if d.Pos.Path != path {
			t.Fatalf("%v: path; want %s", d, path)
		}
		if d.Pos.Line == 0 {
			continue // the whole file
		}
		if d.Pos.Line < 1 || d.Pos.Line > len(lines) {
			t.Fatalf("%v: the file has %d lines", d, len(lines))
		}
		if n := utf8.RuneCount(lines[d.Pos.Line-1]); d.Pos.Col < 0 || d.Pos.Col > n+1 {
			t.Fatalf("%v: line %d has %d characters", d, d.Pos.Line, n)
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

// FuzzParse splits and parses arbitrary files. Parse must not panic and
// must place every diagnostic inside the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: A\ndate: 2025-01-02\n---\nHello\n",
		"+++\ntitle = \"A\"\ndate = 2025-01-02\nslug = \"x\"\n+++\nHello\n",
		"\ufeff---\r\ntitle: A\r\ndate: 2025-01-02\r\ndraft: true\r\n---\r\nBody",
		"---\ntitle: A\ndate: 2025-01-02\nslug: 'my-page' # c\ndraft: True\n...\n",
		"---\ntitle: [\n",
		"---\ntitle: A\ndate: 2025-02-30\ntags: [a, *x]\n---\n",
		"---\na: &a [x, x]\nb: &b [*a, *a]\ntags: *b\nsources: *b\n---\n",
		"---\nslug: ../x\nslug: y\ntype: page\ntoc: 3\n---\n",
		"---\nsources:\n  - {name: n, url: \"javascript:x\"}\n  - plain\n  - {}\n---\n",
		"+++\ndata = [[[[1]]]]\n+++\n",
		"+++\ntitle = \"A\"\ndate = 2025-01-02\n[data.a]\nseries = [ { date = 2025-01-01, value = 1.50 },\n  { label = \"{,=#}\", value = \"x\" } ]\nprojection = { rate = 0.50, low = { rate = 0.25 } }\n+++\n",
		"---\n- a\nb: 1\n---\n",
		"no front matter",
		"---\ntitle: caf\xe9\n---\n",
		"---\n? [a, b]\n: c\n\"slug\": x\n---\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		defer watchdog(src)()
		var diags diag.List
		p := Parse("content/a.md", []byte(src), &diags)
		checkPositions(t, "content/a.md", []byte(src), diags)
		if p.BodyOffset < 0 || p.BodyOffset > len(src) {
			t.Fatalf("BodyOffset %d outside the file of %d bytes", p.BodyOffset, len(src))
		}
		if p.Broken != diags.HasErrors() {
			t.Fatalf("Broken = %v with diagnostics %v", p.Broken, diags)
		}
		if p.Broken {
			return
		}
		if p.Title == "" || p.Date.IsZero() {
			t.Fatalf("a page without errors has title %q and date %v", p.Title, p.Date)
		}
	})
}
