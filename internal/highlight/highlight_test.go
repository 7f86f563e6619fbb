package highlight

import (
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

// viaChromaOnly formats code the way plotline did before this package:
// chroma's lexer and HTML formatter for every language.
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

// handScanned returns code highlighted by lang's hand-written scanner and
// fails the test when the scanner hands the input to chroma.
func handScanned(t testing.TB, h *Highlighter, lang, code string) string {
	t.Helper()
	l := h.lookup(lang)
	if l.scan == nil {
		t.Fatalf("no hand-written scanner for %q", lang)
	}
	out, ok := scan(l.scan, code)
	if !ok {
		t.Fatalf("%s scanner gave up on %q", lang, code)
	}
	return out
}

// tagRE matches an HTML tag.
var tagRE = regexp.MustCompile(`<[^>]*>`)

// isSpanOpen reports whether tag opens a span with one class name.
func isSpanOpen(tag string) bool {
	cls, ok := strings.CutPrefix(tag, `<span class="`)
	if !ok {
		return false
	}
	cls, ok = strings.CutSuffix(cls, `">`)
	return ok && cls != "" && strings.Trim(cls, "abcdefghijklmnopqrstuvwxyz0123456789") == ""
}

// checkMarkup fails the test unless out is well-formed highlighter markup
// whose text is code as chroma normalises it.
func checkMarkup(t testing.TB, code, out string) {
	t.Helper()
	if !strings.HasPrefix(out, preOpen) || !strings.HasSuffix(out, preClose) {
		t.Fatalf("HTML(%q) = %q; want it wrapped in %q … %q", code, out, preOpen, preClose)
	}
	var stack []string
	for _, tag := range tagRE.FindAllString(out, -1) {
		switch {
		case tag == `<pre class="chroma">`:
			stack = append(stack, "pre")
		case tag == `<code>`:
			stack = append(stack, "code")
		case isSpanOpen(tag):
			stack = append(stack, "span")
		case strings.HasPrefix(tag, "</"):
			name := tag[2 : len(tag)-1]
			if len(stack) == 0 || stack[len(stack)-1] != name {
				t.Fatalf("HTML(%q) = %q: unbalanced %s", code, out, tag)
			}
			stack = stack[:len(stack)-1]
		default:
			t.Fatalf("HTML(%q) = %q: unexpected tag %s", code, out, tag)
		}
	}
	if len(stack) != 0 {
		t.Fatalf("HTML(%q) = %q: unclosed %v", code, out, stack)
	}
	text := tagRE.ReplaceAllString(out, "")
	if strings.ContainsAny(text, "<>\"'") || !validEntities(text) {
		t.Fatalf("HTML(%q) = %q: unescaped text", code, out)
	}
	if got, want := html.UnescapeString(text), normalize(code)+"\n"; got != want {
		t.Fatalf("text of HTML(%q) = %q; want %q", code, got, want)
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

func TestCorpusMatchesChroma(t *testing.T) {
	h := New()
	for _, lang := range []string{"go", "python"} {
		files, err := filepath.Glob(filepath.Join("testdata", lang, "*.txt"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no snippets for %s: %v", lang, err)
		}
		for _, file := range files {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			code := string(src)
			got := handScanned(t, h, lang, code)
			if want := viaChromaOnly(t, lang, code); got != want {
				t.Errorf("%s: hand-scanned HTML differs from chroma's:\n%s", file, firstDiff(got, want))
			}
			checkMarkup(t, code, got)
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

// trickyCase is an input at the edge of what the scanners model.
type trickyCase struct {
	lang, code string
}

// trickyCases returns inputs at the edges of what the scanners model. Every
// case must give chroma's exact markup, whether the scanner handles it or
// hands it to chroma.
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

func TestTrickyMatchesChroma(t *testing.T) {
	h := New()
	for _, tc := range trickyCases() {
		got := h.HTML(tc.lang, tc.code)
		if want := viaChromaOnly(t, tc.lang, tc.code); got != want {
			t.Errorf("HTML(%q, %q) differs from chroma's:\n%s", tc.lang, tc.code, firstDiff(got, want))
		}
		checkMarkup(t, tc.code, got)
	}
}

func TestTrickyMostlyHandScanned(t *testing.T) {
	h := New()
	handed := 0
	tricky := trickyCases()
	for _, tc := range tricky {
		if _, ok := scan(h.lookup(tc.lang).scan, tc.code); !ok {
			t.Logf("handed to chroma: %s %q", tc.lang, tc.code)
			handed++
		}
	}
	if handed > len(tricky)/5 {
		t.Errorf("scanners hand %d of %d tricky inputs to chroma; want at most %d", handed, len(tricky), len(tricky)/5)
	}
}

func TestAliases(t *testing.T) {
	h := New()
	code := "x = 1\n"
	for _, tc := range []struct {
		lang    string
		scanned bool
	}{
		{"go", true}, {"golang", true}, {"Go", true},
		{"python", true}, {"py", true}, {"python3", true}, {"Python", true},
		{"js", false}, {"python2", false}, {"go-text-template", false},
	} {
		got := h.lookup(tc.lang).scan != nil
		if got != tc.scanned {
			t.Errorf("lookup(%q) has a hand-written scanner: %v; want %v", tc.lang, got, tc.scanned)
		}
		if got, want := h.HTML(tc.lang, code), viaChromaOnly(t, tc.lang, code); got != want {
			t.Errorf("HTML(%q, %q) = %q; want %q", tc.lang, code, got, want)
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
}

func TestOtherLanguagesUseChroma(t *testing.T) {
	h := New()
	for _, tc := range []struct{ lang, code string }{
		{"js", "const x = `a${b}`; // c\n"},
		{"json", `{"a": [1, 2.5, true, null]}`},
		{"yaml", "a: 1\nb: [x, y]\n"},
		{"bash", "echo \"$HOME\" | grep -v x\n"},
		{"sql", "SELECT a FROM t WHERE b < 3;\n"},
		{"r", "x <- c(1, 2)\n"},
	} {
		if got, want := h.HTML(tc.lang, tc.code), viaChromaOnly(t, tc.lang, tc.code); got != want {
			t.Errorf("HTML(%q, %q) = %q; want %q", tc.lang, tc.code, got, want)
		}
	}
}

func TestClassNames(t *testing.T) {
	for _, tc := range []struct {
		got string
		tt  chroma.TokenType
	}{
		{clsWhitespace, chroma.TextWhitespace}, {clsError, chroma.Error},
		{clsKeyword, chroma.Keyword}, {clsKwConstant, chroma.KeywordConstant},
		{clsKwDecl, chroma.KeywordDeclaration}, {clsKwNamespace, chroma.KeywordNamespace},
		{clsKwType, chroma.KeywordType}, {clsName, chroma.Name}, {clsNameOther, chroma.NameOther},
		{clsBuiltin, chroma.NameBuiltin}, {clsBuiltinPs, chroma.NameBuiltinPseudo},
		{clsClass, chroma.NameClass}, {clsDecorator, chroma.NameDecorator},
		{clsException, chroma.NameException}, {clsFunction, chroma.NameFunction},
		{clsFuncMagic, chroma.NameFunctionMagic}, {clsNamespace, chroma.NameNamespace},
		{clsVarMagic, chroma.NameVariableMagic}, {clsString, chroma.LiteralString},
		{clsStrAffix, chroma.LiteralStringAffix}, {clsStrChar, chroma.LiteralStringChar},
		{clsStrDouble, chroma.LiteralStringDouble}, {clsStrEscape, chroma.LiteralStringEscape},
		{clsStrInterpol, chroma.LiteralStringInterpol}, {clsStrSingle, chroma.LiteralStringSingle},
		{clsNumber, chroma.LiteralNumber}, {clsNumBin, chroma.LiteralNumberBin},
		{clsNumFloat, chroma.LiteralNumberFloat}, {clsNumHex, chroma.LiteralNumberHex},
		{clsNumInteger, chroma.LiteralNumberInteger}, {clsNumOct, chroma.LiteralNumberOct},
		{clsOperator, chroma.Operator}, {clsOpWord, chroma.OperatorWord},
		{clsPunct, chroma.Punctuation}, {clsHashbang, chroma.CommentHashbang},
		{clsCommentMul, chroma.CommentMultiline}, {clsPreproc, chroma.CommentPreproc},
		{clsComment1, chroma.CommentSingle}, {clsText, chroma.Text},
	} {
		if want := chroma.StandardTypes[tc.tt]; tc.got != want {
			t.Errorf("class for %s = %q; want %q", tc.tt, tc.got, want)
		}
	}
}

func TestConcurrent(t *testing.T) {
	h := New()
	code := "def f(x):\n    return x\n"
	want := viaChromaOnly(t, "python", code)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, lang := range []string{"python", "go", "js"} {
				if lang == "python" {
					if got := h.HTML(lang, code); got != want {
						t.Errorf("HTML(python) = %q; want %q", got, want)
					}
				} else {
					h.HTML(lang, code)
				}
			}
		})
	}
	wg.Wait()
}

// addSeeds adds the tricky cases and the corpus to f's seed corpus.
func addSeeds(f *testing.F) {
	for _, tc := range trickyCases() {
		f.Add(tc.lang, tc.code)
	}
	for _, lang := range []string{"go", "python"} {
		files, _ := filepath.Glob(filepath.Join("testdata", lang, "*.txt"))
		for _, file := range files {
			src, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(lang, string(src))
		}
	}
}

// FuzzHTML checks that the scanners never panic and always write
// well-formed markup holding exactly the code's text.
func FuzzHTML(f *testing.F) {
	addSeeds(f)
	h := New()
	f.Fuzz(func(t *testing.T, lang, code string) {
		if lang != "python" {
			lang = "go"
		}
		out, ok := scan(h.lookup(lang).scan, code)
		if !ok {
			return // chroma's own output; not what this target tests
		}
		checkMarkup(t, code, out)
	})
}

// FuzzMatchesChroma checks that whatever the scanners do not hand to chroma
// comes out exactly as chroma would write it. That is more than the package
// promises, but so far it holds.
func FuzzMatchesChroma(f *testing.F) {
	addSeeds(f)
	h := New()
	f.Fuzz(func(t *testing.T, lang, code string) {
		if lang != "python" {
			lang = "go"
		}
		if len(code) > 4<<10 {
			return // keep chroma's regular expressions within their time limit
		}
		out, ok := scan(h.lookup(lang).scan, code)
		if !ok {
			return
		}
		if want := viaChromaOnly(t, lang, code); out != want {
			t.Fatalf("%s %q differs from chroma's:\n%s", lang, code, firstDiff(out, want))
		}
	})
}

// benchSnippet returns a 15-line snippet from the corpus.
func benchSnippet(b *testing.B, lang string) string {
	src, err := os.ReadFile(filepath.Join("testdata", lang, "article1.txt"))
	if err != nil {
		b.Fatal(err)
	}
	return string(src)
}

func benchmark(b *testing.B, lang string) {
	code := benchSnippet(b, lang)
	b.Run("hand", func(b *testing.B) {
		h := New()
		b.ReportAllocs()
		for b.Loop() {
			h.HTML(lang, code)
		}
	})
	b.Run("chroma", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			viaChromaOnly(b, lang, code)
		}
	})
}

func BenchmarkGo(b *testing.B)     { benchmark(b, "go") }
func BenchmarkPython(b *testing.B) { benchmark(b, "python") }
