package markdown

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gohugoio/hugo-goldmark-extensions/passthrough"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"

	"github.com/plotline/plotline/internal/diag"
)

// TestMathGuardSameAsPassthrough converts random text of delimiters
// with the passthrough alone and with mathGuard in front of it: the HTML
// must be the same, as the guard only answers where the passthrough
// would find no closing delimiter, with what it would answer.
func TestMathGuardSameAsPassthrough(t *testing.T) {
	parts := []string{`\(`, `\)`, `\[`, `\]`, "$$", "$", `\\`, `\`, " ", "a", "\n", "\n\n", "`", "[", "](x)", "- ", "> ", "| a |\n|---|\n"}
	pass := passthrough.New(passthrough.Config{InlineDelimiters: mathDelimiters[2:], BlockDelimiters: mathDelimiters[:2]})
	alone := goldmark.New(goldmark.WithExtensions(pass))
	guarded := goldmark.New(goldmark.WithExtensions(pass),
		goldmark.WithParserOptions(parser.WithInlineParsers(util.Prioritized(mathGuard{}, 200))))
	rng := rand.New(rand.NewPCG(9, 9))
	for range 20_000 {
		var b strings.Builder
		for range 1 + rng.IntN(30) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		src := []byte(b.String())
		var want, got bytes.Buffer
		if err := alone.Convert(src, &want); err != nil {
			t.Fatal(err)
		}
		if err := guarded.Convert(src, &got); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("%q:\nwith the guard %q\nwithout it    %q", src, got.String(), want.String())
		}
	}
}

// TestUnclosedMath converts paragraphs of 1 MB full of \( and \[ that
// nothing closes, on one line and over many: each opener looked for its
// closing delimiter to the end of the paragraph, so that 300 KB of lines
// "\( a" took 127 s, and these would take hours. The openers are text,
// escaped brackets.
func TestUnclosedMath(t *testing.T) {
	for _, unit := range []string{`\( a` + "\n", `\( a `, `\[ b` + "\n", `\( a \[ b` + "\n"} {
		n := (1 << 20) / len(unit)
		src := []byte(casefrontMatter + strings.Repeat(unit, n))
		var diags diag.List
		res, err := New(Options{}).Convert(&Page{Path: casePath, Source: src, BodyOffset: len(casefrontMatter), Values: fakeValues{}}, &diags)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := bytes.Count(res.HTML, []byte(" a")), n*strings.Count(unit, " a"); got != want {
			t.Errorf("%q %d times: the page holds %d \" a\"; want %d", unit, n, got, want)
		}
		if got, want := bytes.Count(res.HTML, []byte(unit[1:2])), n*strings.Count(unit, unit[:2]); got != want {
			t.Errorf("%q %d times: the page holds %d %s; want each opener as text", unit, n, got, unit[1:2])
		}
		if bytes.Contains(res.HTML, []byte(`class="math"`)) {
			t.Errorf("%q %d times: mathematics on the page; want none", unit, n)
		}
	}
}
