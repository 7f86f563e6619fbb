package highlight

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// viaChromaOnly formats code with chroma's lexer and HTML formatter, set up
// by hand the way the package promises to set them up.
func viaChromaOnly(t testing.TB, lang, code string) string {
	t.Helper()
	lexer := lexers.Get(lang)
	if lexer == nil {
		t.Fatalf("chroma has no lexer for %q", lang)
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.TabWidth(4))
	if err := f.Format(&b, styles.Fallback, it); err != nil {
		t.Fatal(err)
	}
	return b.String() + "\n"
}

// fuzzLangs are the fence languages the fuzz target throws code at: the
// two the generated corpus uses, others an explainer may carry, no
// language and an unknown one (both escaped without highlighting).
var fuzzLangs = []string{
	"go", "python", "js", "ts", "json", "yaml", "toml", "bash", "sql", "r",
	"html", "css", "markdown", "c", "csv", "", "no-such-language",
}

// wantText returns the text HTML(lang, code) must hold once its tags are
// removed and its entities unescaped, without the newline after </pre>:
// for a language chroma knows, code with CR LF and lone CR turned into LF
// and each byte of invalid UTF-8 replaced by U+FFFD; otherwise code as it
// is. The second result is also acceptable: chroma adds a final newline
// for lexers that ask for one (JavaScript) and stops lexing before it,
// but a last token that matches whitespace can still take it in.
func wantText(lang, code string) (string, string) {
	lexer := lexers.Get(lang)
	if lang == "" || lexer == nil {
		return code, code
	}
	code = strings.ReplaceAll(code, "\r\n", "\n")
	code = strings.ReplaceAll(code, "\r", "\n")
	code = string([]rune(code))
	if lexer.Config().EnsureNL && !strings.HasSuffix(code, "\n") {
		return code, code + "\n"
	}
	return code, code
}

// tagRE matches an HTML tag.
var tagRE = regexp.MustCompile(`<[^>]*>`)

// classRE matches a class attribute's value as the highlighter writes it:
// chroma's short token classes, "line", "cl", or language-NAME escaped.
var classRE = regexp.MustCompile(`^[a-z0-9]+$|^language-[^"<>]*$`)

// tagName returns the element a tag opens ("pre", "code", "span") and
// false for a tag the highlighter never writes.
func tagName(tag string) (string, bool) {
	switch tag {
	case `<pre class="chroma">`:
		return "pre", true
	case `<code>`:
		return "code", true
	}
	for _, name := range []string{"code", "span"} {
		cls, ok := strings.CutPrefix(tag, "<"+name+` class="`)
		if !ok {
			continue
		}
		cls, ok = strings.CutSuffix(cls, `">`)
		if !ok || !classRE.MatchString(cls) {
			continue
		}
		// Only code carries a language, and only spans carry token classes.
		if strings.HasPrefix(cls, "language-") == (name == "code") {
			return name, true
		}
	}
	return "", false
}

// checkMarkup fails the test unless out is well-formed highlighter markup:
// one pre and code block, balanced spans with one class each, every <, >,
// quote and & in the text escaped, and the text what wantText allows.
func checkMarkup(t testing.TB, lang, code, out string) {
	t.Helper()
	if !strings.HasPrefix(out, `<pre class="chroma"><code`) || !strings.HasSuffix(out, "</code></pre>\n") {
		t.Fatalf("HTML(%q, %q) = %q; want a <pre class=\"chroma\"><code> block and a newline", lang, code, out)
	}
	var stack []string
	for _, tag := range tagRE.FindAllString(out, -1) {
		if name, ok := strings.CutPrefix(tag, "</"); ok {
			name = strings.TrimSuffix(name, ">")
			if len(stack) == 0 || stack[len(stack)-1] != name {
				t.Fatalf("HTML(%q, %q) = %q: unbalanced %s", lang, code, out, tag)
			}
			stack = stack[:len(stack)-1]
			continue
		}
		name, ok := tagName(tag)
		if !ok {
			t.Fatalf("HTML(%q, %q) = %q: unexpected tag %s", lang, code, out, tag)
		}
		stack = append(stack, name)
	}
	if len(stack) != 0 {
		t.Fatalf("HTML(%q, %q) = %q: unclosed %v", lang, code, out, stack)
	}
	text := tagRE.ReplaceAllString(out, "")
	if strings.ContainsAny(text, "<>\"'") || !validEntities(text) {
		t.Fatalf("HTML(%q, %q) = %q: unescaped text", lang, code, out)
	}
	got := strings.TrimSuffix(html.UnescapeString(text), "\n") // the newline after </pre>
	if want, alt := wantText(lang, code); got != want && got != alt {
		t.Fatalf("text of HTML(%q, %q) = %q; want %q", lang, code, got, want)
	}
}

// validEntities reports whether every & in text starts one of the entities
// html.EscapeString writes.
func validEntities(text string) bool {
	for i := strings.IndexByte(text, '&'); i >= 0; i = strings.IndexByte(text, '&') {
		text = text[i:]
		ok := false
		for _, ent := range []string{"&amp;", "&lt;", "&gt;", "&#39;", "&#34;"} {
			if strings.HasPrefix(text, ent) {
				ok = true
				text = text[len(ent):]
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// snippets returns the code snippets in testdata/lang.
func snippets(t testing.TB, lang string) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", lang, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no snippets for %s: %v", lang, err)
	}
	m := make(map[string]string, len(files))
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		m[file] = string(src)
	}
	return m
}

func TestSnippetsAsChroma(t *testing.T) {
	h := New()
	for _, lang := range []string{"go", "python"} {
		for file, code := range snippets(t, lang) {
			got := h.HTML(lang, code)
			if want := viaChromaOnly(t, lang, code); got != want {
				t.Errorf("%s: HTML differs from chroma's:\n%s", file, firstDiff(got, want))
			}
			checkMarkup(t, lang, code, got)
		}
	}
}

// firstDiff shows where got and want part.
func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-120)
	return "got:  …" + got[from:min(len(got), i+120)] + "\nwant: …" + want[from:min(len(want), i+120)]
}

// trickyCase is an input at the edge of what a lexer handles.
type trickyCase struct {
	lang, code string
}

// trickyCases returns inputs at the edges of what the Go and Python lexers
// handle: unterminated strings, escapes, line endings, invalid UTF-8,
// markup in the code.
func trickyCases() []trickyCase {
	return []trickyCase{
		{"go", ""},
		{"go", "x := 1"},
		{"go", "x := 1\n"},
		{"go", "x := 1\r\ny := 2\r\n"},
		{"go", "a\rb"},
		{"go", "\n\n\tx\n\n"},
		{"go", `s := "unterminated`},
		{"go", "s := \"two\nlines\""},
		{"go", `s := "esc \" \\ \n"`},
		{"go", `s := "ends in \\"`},
		{"go", "c := '\\''; d := 'x'; e := '\\x41'; f := '\\u00e9'; g := 'ab'"},
		{"go", "r := `raw \\n \"quoted\"`"},
		{"go", "r := `{{.Name}}`"},
		{"go", "r := `unterminated"},
		{"go", "/* unterminated comment"},
		{"go", "/* a */ b /* c\n d */"},
		{"go", "//go:build linux\n// +build linux\n//\n//x"},
		{"go", `x := "</script><script>alert('&amp;')</script>"`},
		{"go", "if a < b && c > d || e&f != 0 { return a &^ b }"},
		{"go", "größe := 1; π := 3.14; 变量(x); é()"},
		{"go", "x := 1.5e10 + 1e-3i + 0x1p-2 + 0777 + 089 + 0b12 + 1_000 + .25 + 6.i"},
		{"go", "$ @ # ? \\ ☃"},
		{"go", "fmt.Println (x)\nfoo\n(y)"},
		{"go", "x\u00a0:= 1"},
		{"go", "func f[T any](x T) T { return x }"},
		{"go", "\xff\xfe invalid"},
		{"go", "a/\\\n*b*/"},
		{"python", ""},
		{"python", "x = 1"},
		{"python", "x = 1\r\n"},
		{"python", "s = 'unterminated\nx = 2"},
		{"python", `s = "unterminated`},
		{"python", `s = 'it\'s' + "say \"hi\"" + 'a "b" c' + "a 'b' c"`},
		{"python", "d = '''triple\n'single' \"double\"\nend'''"},
		{"python", "d = \"\"\"never closed\nstill string"},
		{"python", "def f():\n    \"\"\"Doc.\n\n    More.\n    \"\"\"\n"},
		{"python", "\"\"\"Module doc.\"\"\"\nx = 1"},
		{"python", "@decorator\n@pkg.mod . deco(1)\n@\ndef f(): pass"},
		{"python", "m = a @ b"},
		{"python", `f"{x!r} {y=} {z:>{w}} {{lit}} {d['k']} {f(1, [2])}" rf'{x}\n' Rb"\x00" u'é' b'\xff'`},
		{"python", "f'{x\ny}'"},
		{"python", "f'''{\nx\n}'''"},
		{"python", "f\"{a!=b}\""},
		{"python", "'%(name)s is %5.2f%% of %-*d' % v; '{0.attr[key]!s:>10,.2f}'.format(x)"},
		{"python", "'{' + '{{' + '}' + '{:' + '%' + '%z'"},
		{"python", "s = 'ends with backslash\\"},
		{"python", "x = r'\\d+\\'' + R\"\\\"\""},
		{"python", "from . import a, b as c\nfrom ..pkg.mod import (x,\n    y)\nimport os.path as osp, sys\nraise E from None"},
		{"python", "def __init__(self): pass\nclass A(B, metaclass=M): pass\nclass\n"},
		{"python", "yield from g\nyield  x\nasync for i in x: pass\nawait y\nlambda: 0"},
		{"python", "self.print = print; x.self; cls; NotImplemented; ValueError; __name__; __doc__"},
		{"python", "x = 1.5 + 1. + .5 + 1e5 + 1E-5j + 1_0.0_1 + 0x_ff + 0o7 + 0b1 + 0b2 + 1__0"},
		{"python", "größe = 1\nπ = 3.14\ndef 变量(): pass"},
		{"python", "x = `$?!"},
		{"python", "if a < b and c > d or not e: return a & b"},
		{"python", "</script><b>&amp;</b>"},
		{"python", "#!/usr/bin/env python\n# comment\nx  # trailing"},
		{"python", "x = 1 \\\n    + 2"},
		{"python", "print(x, sep='', end='\\n', file=sys.stderr)"},
		{"python", "match cmd:\n    case [x, *rest]:\n        pass\n    case _:\n        pass"},
		{"python", "x = '\\N{BULLET} \\u00e9 \\U0001F600 \\x41 \\101 \\q'"},
		{"python", "x\u00a0= 1"},
		{"python", "\xff\xfe"},
	}
}

func TestTrickyAsChroma(t *testing.T) {
	h := New()
	for _, tc := range trickyCases() {
		got := h.HTML(tc.lang, tc.code)
		if want := viaChromaOnly(t, tc.lang, tc.code); got != want {
			t.Errorf("HTML(%q, %q) differs from chroma's:\n%s", tc.lang, tc.code, firstDiff(got, want))
		}
		checkMarkup(t, tc.lang, tc.code, got)
	}
}

func TestTokenClasses(t *testing.T) {
	h := New()
	for _, tc := range []struct {
		lang, code, want string
	}{
		{"go", "func f() {}", `<span class="kd">func</span>`},
		{"go", "func f() {}", `<span class="nf">f</span>`},
		{"go", `x := "a<b"`, `<span class="s">&#34;a&lt;b&#34;</span>`},
		{"go", "// note\n", `<span class="c1">// note`},
		{"go", "x := 42", `<span class="mi">42</span>`},
		{"python", "def f(): pass", `<span class="k">def</span>`},
		{"python", "def f(): pass", `<span class="nf">f</span>`},
		{"python", "s = 'it'", `<span class="s1">&#39;it&#39;</span>`},
		{"python", "import os", `<span class="kn">import</span>`},
		{"python", "x = 1.5", `<span class="mf">1.5</span>`},
		{"go", "x := 1", `<pre class="chroma"><code><span class="line"><span class="cl">`},
	} {
		if got := h.HTML(tc.lang, tc.code); !strings.Contains(got, tc.want) {
			t.Errorf("HTML(%q, %q) = %q; want it to contain %q", tc.lang, tc.code, got, tc.want)
		}
	}
}

func TestAliases(t *testing.T) {
	h := New()
	code := "x = 1\n"
	for _, group := range [][]string{
		{"go", "golang", "Go"},
		{"python", "py", "python3", "Python"},
	} {
		want := viaChromaOnly(t, group[0], code)
		for _, lang := range group {
			if got := h.HTML(lang, code); got != want {
				t.Errorf("HTML(%q, %q) = %q; want %q", lang, code, got, want)
			}
		}
	}
}

func TestPlain(t *testing.T) {
	h := New()
	for _, tc := range []struct {
		lang, code, want string
	}{
		{"", "a < b & c\n", "<pre class=\"chroma\"><code>a &lt; b &amp; c\n</code></pre>\n"},
		{"no-such-language", "x", "<pre class=\"chroma\"><code class=\"language-no-such-language\">x</code></pre>\n"},
		{`a"<b`, "x", "<pre class=\"chroma\"><code class=\"language-a&#34;&lt;b\">x</code></pre>\n"},
	} {
		if got := h.HTML(tc.lang, tc.code); got != tc.want {
			t.Errorf("HTML(%q, %q) = %q; want %q", tc.lang, tc.code, got, tc.want)
		}
	}
	if n, _ := h.memo.stats(); n != 0 {
		t.Errorf("memo holds %d entries after plain code; want 0", n)
	}
}

func TestOtherLanguages(t *testing.T) {
	h := New()
	for _, tc := range []struct{ lang, code string }{
		{"js", "const x = `a${b}`; // c\n"},
		{"json", `{"a": [1, 2.5, true, null]}`},
		{"yaml", "a: 1\nb: [x, y]\n"},
		{"bash", "echo \"$HOME\" | grep -v x\n"},
		{"sql", "SELECT a FROM t WHERE b < 3;\n"},
		{"r", "x <- c(1, 2)\n"},
	} {
		got := h.HTML(tc.lang, tc.code)
		if want := viaChromaOnly(t, tc.lang, tc.code); got != want {
			t.Errorf("HTML(%q, %q) = %q; want %q", tc.lang, tc.code, got, want)
		}
		checkMarkup(t, tc.lang, tc.code, got)
	}
}

func TestHTMLUsesMemo(t *testing.T) {
	h := New()
	code := "x := 1\n"
	first := h.HTML("go", code)
	if n, _ := h.memo.stats(); n != 1 {
		t.Fatalf("memo holds %d entries after one snippet; want 1", n)
	}
	if got := h.HTML("golang", code); got != first {
		t.Errorf("HTML(golang) = %q; want %q", got, first)
	}
	if n, _ := h.memo.stats(); n != 1 {
		t.Errorf("memo holds %d entries after the same snippet under an alias; want 1", n)
	}
	// What the memo holds is what HTML returns, without lexing again.
	h.memo.put(key{lexer: "Go", code: "y := 2\n"}, "kept")
	if got := h.HTML("go", "y := 2\n"); got != "kept" {
		t.Errorf("HTML(go) of a kept snippet = %q; want %q", got, "kept")
	}
	if got := h.HTML("python", "y := 2\n"); got == "kept" {
		t.Errorf("HTML(python) = %q, the Go snippet's markup; want Python's own", got)
	}
	off := newHighlighter(0)
	off.HTML("go", code)
	if n, _ := off.memo.stats(); n != 0 {
		t.Errorf("memo of limit 0 holds %d entries; want 0", n)
	}
}

func TestMemoEvictsLeastRecentlyUsed(t *testing.T) {
	k := func(i int) key { return key{lexer: "Go", code: fmt.Sprintf("code %d", i)} }
	out := strings.Repeat("x", 100)
	c := cost(k(1), out)
	m := newMemo(8 * c) // eight entries; each at most an eighth of the limit
	for i := 1; i <= 8; i++ {
		m.put(k(i), out)
	}
	if n, size := m.stats(); n != 8 || size != 8*c {
		t.Fatalf("stats() = %d entries, %d bytes; want 8, %d", n, size, 8*c)
	}
	if _, ok := m.get(k(1)); !ok { // 1 is now the most recently used
		t.Fatal("get(1) = false after put; want true")
	}
	m.put(k(9), out) // evicts 2, the least recently used
	for i, want := range map[int]bool{1: true, 2: false, 3: true, 9: true} {
		if _, got := m.get(k(i)); got != want {
			t.Errorf("get(%d) = %v; want %v", i, got, want)
		}
	}
	if n, size := m.stats(); n != 8 || size != 8*c {
		t.Errorf("stats() = %d entries, %d bytes; want 8, %d", n, size, 8*c)
	}
	m.put(k(3), "other") // already kept: not replaced, not counted twice
	if got, _ := m.get(k(3)); got != out {
		t.Errorf("get(3) = %q; want the first markup", got)
	}
	if _, size := m.stats(); size != 8*c {
		t.Errorf("size after putting a kept key = %d; want %d", size, 8*c)
	}
}

func TestMemoBounds(t *testing.T) {
	m := newMemo(8 << 10)
	big := key{lexer: "Go", code: strings.Repeat("x", 1<<10)}
	m.put(big, strings.Repeat("y", 1<<10)) // more than an eighth of the limit
	if _, ok := m.get(big); ok {
		t.Error("a snippet of more than an eighth of the limit was kept; want it dropped")
	}
	for i := range 1000 {
		m.put(key{lexer: "Go", code: fmt.Sprint(i)}, strings.Repeat("z", i%500))
		if _, size := m.stats(); size > 8<<10 {
			t.Fatalf("size after %d puts = %d; want at most %d", i+1, size, 8<<10)
		}
	}
	if n, _ := m.stats(); n == 0 {
		t.Error("memo holds nothing after 1,000 small puts; want the latest")
	}
}

func TestConcurrent(t *testing.T) {
	h := newHighlighter(4 << 10) // small, so that entries are evicted while others read
	codes := []string{"def f(x):\n    return x\n", "x := 1\n", "const a = 1;\n"}
	langs := []string{"python", "go", "js"}
	want := make([]string, len(codes))
	for i := range codes {
		want[i] = viaChromaOnly(t, langs[i], codes[i])
	}
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for n := range 50 {
				i := (w + n) % len(codes)
				code := codes[i]
				if n%5 == 0 {
					code = fmt.Sprintf("%s# %d %d\n", code, w, n) // a miss that evicts
					h.HTML(langs[i], code)
					continue
				}
				if got := h.HTML(langs[i], code); got != want[i] {
					t.Errorf("HTML(%s) = %q; want %q", langs[i], got, want[i])
				}
			}
		})
	}
	wg.Wait()
}

// FuzzHTML throws arbitrary code at HTML in each of fuzzLangs and checks that
// it never panics and always writes well-formed markup holding exactly the
// code's text, escaped.
func FuzzHTML(f *testing.F) {
	index := func(lang string) uint8 {
		for i, l := range fuzzLangs {
			if l == lang {
				return uint8(i)
			}
		}
		panic("no fuzz language " + lang)
	}
	for _, tc := range trickyCases() {
		f.Add(index(tc.lang), tc.code)
	}
	for _, lang := range []string{"go", "python"} {
		for _, code := range snippets(f, lang) {
			f.Add(index(lang), code)
		}
	}
	f.Add(index("js"), "</script><script>alert('&')</script>")
	f.Add(index(""), "a < b & \"c\"")
	f.Add(index("no-such-language"), "<b>")
	h := New()
	f.Fuzz(func(t *testing.T, which uint8, code string) {
		if len(code) > 32<<10 {
			return // chroma's regular expressions are slow on long input; 32 KiB is past its 8 KiB token merge limit
		}
		lang := fuzzLangs[int(which)%len(fuzzLangs)]
		checkMarkup(t, lang, code, h.HTML(lang, code))
	})
}

func benchmark(b *testing.B, lang string) {
	code := snippets(b, lang)[filepath.Join("testdata", lang, "article1.txt")]
	b.Run("chroma", func(b *testing.B) {
		h := newHighlighter(0)
		b.ReportAllocs()
		for b.Loop() {
			h.HTML(lang, code)
		}
	})
	b.Run("memo", func(b *testing.B) {
		h := New()
		h.HTML(lang, code)
		b.ReportAllocs()
		for b.Loop() {
			h.HTML(lang, code)
		}
	})
}

func BenchmarkGo(b *testing.B)     { benchmark(b, "go") }
func BenchmarkPython(b *testing.B) { benchmark(b, "python") }

// stats returns the number of entries held and the bytes they count for.
func (m *memo) stats() (n, size int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.order.Len(), m.size
}
