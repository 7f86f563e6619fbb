package importer

import (
	"bytes"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/gohugoio/hugo-goldmark-extensions/passthrough"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/markdown"
)

// newMathParser returns a parser that finds a body's $$…$$ as plotline's
// Markdown reader will find it, mathematics kept as written, whether it
// stands as a block or within a paragraph; with the delimiters of a
// site's passthrough extension, what that extension found.
func newMathParser(delims *passthrough.Config) parser.Parser {
	conf := passthrough.Config{BlockDelimiters: []passthrough.Delimiters{{Open: "$$", Close: "$$"}}}
	if delims != nil {
		conf = *delims
	}
	return newCodeParser(passthrough.New(conf))
}

// dollarDelims are the delimiters of the mathematics that a site's own
// MathJax or KaTeX, or Chirpy's, reads: $…$ in a line, $$…$$.
var dollarDelims = passthrough.Config{InlineDelimiters: []passthrough.Delimiters{{Open: "$", Close: "$"}}, BlockDelimiters: []passthrough.Delimiters{{Open: "$$", Close: "$$"}}}

// dollarInline writes the $…$ at body offset i of a Hugo page whose
// passthrough extension read it as mathematics, as plotline's \(…\),
// its text as written, and returns how many bytes of the body it took,
// or 0 when none starts there. plotline reads a $ as a dollar.
func (c *converter) dollarInline(i int) int {
	src := c.mathAt(i)
	if len(src) < 3 || src[1] == '$' || src[len(src)-1] != '$' {
		return 0 // $$…$$, which plotline reads as it is
	}
	c.out.WriteString(`\(`)
	c.out.Write(src[1 : len(src)-1])
	return c.wrote(`\)`, len(src))
}

// dollarMath returns the ranges of body, in order, that plotline will
// read as mathematics written $$…$$, delimiters included.
func dollarMath(p parser.Parser, body []byte) []span {
	doc := p.Parse(text.NewReader(body))
	var out []span
	markdown.Walk(doc, func(n ast.Node) ast.WalkStatus {
		switch n := n.(type) {
		case *passthrough.PassthroughInline:
			out = append(out, span{n.Segment.Start, n.Segment.Stop})
			return ast.WalkSkipChildren
		case *passthrough.PassthroughBlock:
			if lines := n.Lines(); lines.Len() > 0 {
				out = append(out, span{lines.At(0).Start, lines.At(lines.Len() - 1).Stop})
			}
			return ast.WalkSkipChildren
		}
		return ast.WalkContinue
	})
	return out
}

// mathAt returns the mathematics of c.math that starts at body offset i,
// outside code and raw HTML, dropping those before it; nil when none does.
func (c *converter) mathAt(i int) []byte {
	for len(c.math) > 0 && c.math[0].end <= i {
		c.math = c.math[1:]
	}
	if len(c.math) == 0 || c.math[0].start != i || c.inCode(i) || c.inHTMLBlock(i) {
		return nil
	}
	return c.body[i:c.math[0].end]
}

// hugoMath writes the $$…$$ at body offset i of a Hugo page read without
// the passthrough extension, and returns how many bytes of the body it
// took, or 0 when none starts there. Hugo read it as Markdown, so that
// its writers escaped what Markdown would take ("\lambda\_1", a row's end
// "\\\\"), and the page's script typeset what Hugo made of it,
// "\lambda_1" and "\\". plotline keeps mathematics as written: it is
// written with Hugo's escapes resolved.
func (c *converter) hugoMath(i int) int {
	src := c.mathAt(i)
	if !bytes.HasPrefix(src, []byte("$$")) || !bytes.HasSuffix(src, []byte("$$")) || len(src) < 4 {
		return 0
	}
	if c.im.conf.mathCode && !c.p.html {
		if m, ok := mathCodeDisplay(src); ok {
			c.out.Write(m)
			return c.converted(len(src))
		}
	}
	inner := unescape(src[2:len(src)-2], util.IsPunct) // CommonMark's escapes: ASCII punctuation
	if !bytes.Equal(inner, src[2:len(src)-2]) {
		c.im.res.Converted++
	}
	c.out.WriteString("$$")
	c.out.Write(inner)
	c.out.WriteString("$$")
	return len(src)
}

// escapedMath converts the inline or display mathematics at body offset
// i written for a page's script with its backslashes escaped,
// "\\(x\_i\\)" and "\\[…\\]", which kramdown (and Hugo without the
// passthrough extension) published as "\(x_i\)" for the script to find,
// to "\(x_i\)" and "\[…\]", which plotline reads as mathematics. It
// returns how many bytes of the body it took, or 0 when there is none:
// the closing "\\)" must be in the same paragraph.
func (c *converter) escapedMath(i int) int {
	b := c.body
	if i+2 >= len(b) || b[i] != '\\' || b[i+1] != '\\' || (b[i+2] != '(' && b[i+2] != '[') {
		return 0
	}
	if c.mathEnd > 0 || c.inCode(i) || c.inHTMLBlock(i) || escaped(b[:i]) {
		return 0
	}
	opening, closing := `\(`, `\)`
	if b[i+2] == '[' {
		opening, closing = `\[`, `\]`
	}
	closer := []byte(`\` + closing)
	start := i + 3
	end := -1
	for k := start; k < len(b); k++ {
		if b[k] == '\n' && blankLine(b[k+1:]) {
			break
		}
		if b[k] == '\\' && bytes.HasPrefix(b[k:], closer) {
			end = k
			break
		}
		if b[k] == '\\' {
			k++ // an escaped character, "\\{" among them
		}
	}
	if end < 0 || end == start || c.inCode(end) {
		return 0
	}
	c.out.WriteString(opening)
	c.out.Write(unescape(b[start:end], c.escapes()))
	return c.wrote(closing, end+len(closer)-i)
}

// escapes returns the characters a backslash escapes in the source's
// Markdown: CommonMark's, as Hugo's goldmark reads them, or kramdown's.
func (c *converter) escapes() func(byte) bool {
	if c.im.kind == Jekyll {
		return func(ch byte) bool { return bytes.IndexByte([]byte("\\.*_+-`()[]{}#!:|\"'$=<>"), ch) >= 0 }
	}
	return util.IsPunct
}

// envBeginRE matches the start of a LaTeX environment, \begin{align*},
// its name the submatch.
var envBeginRE = regexp.MustCompile(`^\\begin\{([A-Za-z]+\*?)\}`)

// mathEnvironment writes the paragraph at body offset i, on a site whose
// MathJax or KaTeX the importer found (conf.mathScript), as plotline's
// display mathematics, $$…$$, when it is a LaTeX environment alone: it
// starts a line with \begin{NAME}, after a blank line or at the body's
// start, and its last line ends with \end{NAME}. The script typeset it
// where the source showed it as a paragraph, after Markdown, so that its
// text is written with the source's escapes resolved ("\\\\" is "\\").
// It returns how many bytes of the body it took, or 0.
func (c *converter) mathEnvironment(i int) int {
	b := c.body
	if !c.im.conf.mathScript || i > 0 && (b[i-1] != '\n' || !blankLine(b[lineStart(b, i-1):])) || c.inCode(i) || c.inHTMLBlock(i) || inSpans(c.math, i) {
		return 0
	}
	m := envBeginRE.FindSubmatch(b[i:])
	if m == nil {
		return 0
	}
	end := i
	for end < len(b) && !blankLine(b[end:]) {
		end = lineEnd(b, end)
	}
	para := bytes.TrimRight(b[i:end], " \t\r\n")
	end = i + len(para)
	if !bytes.HasSuffix(para, []byte(`\end{`+string(m[1])+`}`)) || c.inCode(end-1) || c.inHTMLBlock(end-1) {
		return 0
	}
	c.out.WriteString("$$\n")
	c.out.Write(unescape(para, c.escapes()))
	return c.wrote("\n$$", end-i)
}

// unescape returns b with each backslash escape resolved, "\_" as "_",
// "\\" as "\", for the characters esc says a backslash escapes.
func unescape(b []byte, esc func(byte) bool) []byte {
	if bytes.IndexByte(b, '\\') < 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for k := 0; k < len(b); k++ {
		if b[k] == '\\' && k+1 < len(b) && esc(b[k+1]) {
			k++
		}
		out = append(out, b[k])
	}
	return out
}

// scriptDollarRE finds, in a template, a MathJax or KaTeX configuration
// that reads $…$ as inline mathematics: inlineMath: [['$','$']], or
// {left: '$', right: '$'}.
var scriptDollarRE = regexp.MustCompile(`inlineMath\s*:\s*\[\s*\[\s*['"]\$['"]|left\s*:\s*['"]\$['"]\s*,\s*right\s*:\s*['"]\$['"]`)

// dollarScript sets dollarInline to dollarDelims, with a note at the
// place, when a template or script under the folders dirs of the source
// has a MathJax or KaTeX configuration that reads $…$ as mathematics (a
// site's own _includes/mathjax.html, a theme's math partial): the first.
func (im *importer) dollarScript(dirs ...string) {
	if found := im.firstMatch(scriptDollarRE, []string{".html", ".js"}, dirs, nil); found.Path != "" {
		im.conf.dollarInline, im.conf.mathScript = &dollarDelims, true
		im.done(found, "its MathJax or KaTeX reads $…$ as mathematics: each page's $…$ is written as \\(…\\), and a paragraph that is a LaTeX environment alone (\\begin{align}…\\end{align}) as $$…$$, which plotline reads so")
	}
}

// mathCodeRE finds, in a template or a config, blogdown's math-code.js,
// the script that makes a code span of mathematics ("`$x_1$`") the
// mathematics for MathJax.
var mathCodeRE = regexp.MustCompile(`\bmath-code(?:\.min)?\.js\b`)

// mathCodeScript sets conf.mathCode, with a note at the place, when a
// template under the folders dirs of the source, or one of files (the
// site's config, which may name the script among those its theme loads,
// as hugo-ivy's customJS), loads math-code.js: the first.
func (im *importer) mathCodeScript(dirs []string, files ...string) {
	if found := im.firstMatch(mathCodeRE, []string{".html"}, dirs, files); found.Path != "" {
		im.conf.mathCode = true
		im.done(found, "its math-code.js makes a code span of mathematics (`$x$`, `\\(x\\)`, `$$x$$`, `\\[x\\]`, `\\begin{…}…\\end{…}`) the mathematics for MathJax: each is written as plotline's mathematics, its text as written")
	}
}

// firstMatch returns where re first matches in the files of the source
// named by files, then in those under the folders dirs whose names end
// in one of exts, in that order (filesIn, which passes over a folder it
// cannot read); the zero Pos when it matches nowhere.
func (im *importer) firstMatch(re *regexp.Regexp, exts, dirs, files []string) diag.Pos {
	for _, p := range files {
		if data, err := readFile(im.src, p); p != "" && err == nil {
			if loc := re.FindIndex(data); loc != nil {
				return diag.At(p, data, loc[0])
			}
		}
	}
	for p, data := range filesIn(im.src, dirs, func(d fs.DirEntry) bool { return d.Type().IsRegular() && slices.Contains(exts, path.Ext(d.Name())) }) {
		if loc := re.FindIndex(data); loc != nil {
			return diag.At(p, data, loc[0])
		}
	}
	return diag.Pos{}
}

// mathCodeText returns what blogdown's math-code.js made of a code span
// whose text is s, as plotline's mathematics, and true; or false when the
// script left it code. "$x$" is "\(x\)"; "\(x\)", "\[x\]" and "$$x$$"
// are as written; an environment, "\begin{aligned}…\end{aligned}", which
// MathJax typeset as a display, is "$$…$$" unless inDisplay, already in
// one.
func mathCodeText(s string, inDisplay bool) (string, bool) {
	if len(s) >= 3 && s[0] == '$' && s[1] != '$' && s[len(s)-1] == '$' && s[len(s)-2] != '$' {
		return `\(` + s[1:len(s)-1] + `\)`, true
	}
	switch {
	case len(s) > 4 && (strings.HasPrefix(s, `\(`) && strings.HasSuffix(s, `\)`) || strings.HasPrefix(s, `\[`) && strings.HasSuffix(s, `\]`)):
		return s, true
	case len(s) > 4 && strings.HasPrefix(s, "$$") && strings.HasSuffix(s, "$$"):
		return s, true
	case mathEnvRE.MatchString(s):
		if inDisplay {
			return s, true
		}
		return "$$" + s + "$$", true
	}
	return s, false
}

// mathEnvRE matches a LaTeX environment and nothing else, as math-code.js
// finds one.
var mathEnvRE = regexp.MustCompile(`^\\begin\{[^}]+\}[\s\S]+\\end\{[^}]+\}$`)

// mathCodeSpan is a code span of mathematics (see mathCodeText): where
// it ends in the body, and what it is written as.
type mathCodeSpan struct {
	end  int
	text string
}

// mathCodeSpans returns the code spans of body, outside code blocks, that
// math-code.js made mathematics, by the body offset of each one's opening
// backticks. A span's text is as HTML gave it to the script, its line
// ends spaces (and so on one line, where no line of it may start a
// Markdown block).
func mathCodeSpans(p parser.Parser, body []byte) map[int]mathCodeSpan {
	doc := p.Parse(text.NewReader(body))
	out := map[int]mathCodeSpan{}
	markdown.Walk(doc, func(n ast.Node) ast.WalkStatus {
		cs, ok := n.(*ast.CodeSpan)
		if !ok {
			return ast.WalkContinue
		}
		first, ok1 := cs.FirstChild().(*ast.Text)
		last, ok2 := cs.LastChild().(*ast.Text)
		if !ok1 || !ok2 {
			return ast.WalkSkipChildren
		}
		var s strings.Builder
		for c := cs.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				s.WriteString(strings.ReplaceAll(string(t.Segment.Value(body)), "\n", " "))
			}
		}
		start, end := first.Segment.Start, last.Segment.Stop
		if start > 0 && body[start-1] != '`' {
			start-- // the space trimmed
		}
		ticks := 0
		for start > 0 && body[start-1] == '`' {
			start--
			ticks++
		}
		if end < len(body) && body[end] != '`' {
			end++
		}
		if ticks == 0 || run(body[min(end, len(body)):], '`') != ticks {
			return ast.WalkSkipChildren
		}
		if m, ok := mathCodeText(s.String(), false); ok {
			out[start] = mathCodeSpan{end + ticks, m}
		}
		return ast.WalkSkipChildren
	})
	return out
}

// mathCode writes the code span of mathematics at body offset i (see
// mathCodeSpans) as plotline's mathematics, and returns how many bytes
// of the body it took, or 0 when none starts there.
func (c *converter) mathCode(i int) int {
	m, ok := c.mathCodes[i]
	if !ok {
		return 0
	}
	return c.wrote(m.text, m.end-i)
}

// mathCodeDisplay returns what math-code.js made of src, a $$…$$ whose
// inside is a code span alone ("$$\n`\begin{aligned}…`\n$$"): the code
// span's text as written, its row ends "\\" kept, between the same $$,
// and true; false when src is no such display or the script left the
// code span code.
func mathCodeDisplay(src []byte) ([]byte, bool) {
	inner := src[2 : len(src)-2]
	text := bytes.TrimSpace(inner)
	ticks := run(text, '`')
	if ticks == 0 || len(text) <= 2*ticks || run(text[len(text)-ticks:], '`') != ticks || bytes.Contains(text[ticks:len(text)-ticks], bytes.Repeat([]byte("`"), ticks)) {
		return nil, false
	}
	code := text[ticks : len(text)-ticks]
	if code[len(code)-1] == '`' {
		return nil, false // a longer run closes it
	}
	m, ok := mathCodeText(strings.TrimSpace(string(code)), true)
	if !ok || m != strings.TrimSpace(string(code)) {
		return nil, false // a $…$ or a display of its own inside
	}
	lead := inner[:len(inner)-len(bytes.TrimLeftFunc(inner, unicode.IsSpace))]
	trail := inner[len(lead)+len(text):]
	out := append([]byte("$$"), lead...)
	out = append(out, code...)
	out = append(out, trail...)
	return append(out, "$$"...), true
}
