package importer

import (
	"bytes"
	"io/fs"
	"path"
	"regexp"

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
	esc := util.IsPunct // CommonMark's escapes, as Hugo's goldmark reads them
	if c.im.kind == Jekyll {
		esc = func(ch byte) bool { return bytes.IndexByte([]byte("\\.*_+-`()[]{}#!:|\"'$=<>"), ch) >= 0 } // kramdown's
	}
	c.out.WriteString(opening)
	c.out.Write(unescape(b[start:end], esc))
	return c.wrote(closing, end+len(closer)-i)
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
	var found diag.Pos
	for _, dir := range dirs {
		_ = fs.WalkDir(im.src, dir, func(p string, d fs.DirEntry, err error) error {
			switch {
			case err != nil || found.Path != "":
				return fs.SkipAll
			case d.IsDir() || !d.Type().IsRegular() || path.Ext(p) != ".html" && path.Ext(p) != ".js":
				return nil
			}
			if data, err := readFile(im.src, p); err == nil {
				if loc := scriptDollarRE.FindIndex(data); loc != nil {
					found = diag.At(p, data, loc[0])
				}
			}
			return nil
		})
	}
	if found.Path != "" {
		im.conf.dollarInline = &dollarDelims
		im.done(found, "its MathJax or KaTeX reads $…$ as mathematics: each page's $…$ is written as \\(…\\), which plotline reads so")
	}
}
