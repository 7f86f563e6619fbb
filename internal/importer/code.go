package importer

import (
	"bytes"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/plotline/plotline/internal/markdown"
)

// span is a range of a body: [start, end).
type span struct{ start, end int }

// newCodeParser returns a parser that reads a body's blocks and code as
// plotline's Markdown reader will read the converted page: CommonMark,
// with the GFM tables, footnotes and definition lists whose indented
// lines are no code, and the extensions more.
func newCodeParser(more ...goldmark.Extender) parser.Parser {
	exts := []goldmark.Extender{extension.Table, extension.Strikethrough, extension.Footnote, extension.DefinitionList}
	return goldmark.New(goldmark.WithExtensions(append(exts, more...)...)).Parser()
}

// codeSpans returns the ranges of body that are code, in order: fenced
// blocks with their fences, indented blocks, and code spans. plotline
// reads neither {{ }} nor {% %} in them, so the importer converts
// nothing there either. It returns the ranges of the raw HTML blocks
// too, in order, in which CommonMark reads no Markdown.
func codeSpans(p parser.Parser, body []byte) (code, html []span) {
	doc := p.Parse(text.NewReader(body))
	var out []span
	markdown.Walk(doc, func(n ast.Node) ast.WalkStatus {
		switch n := n.(type) {
		case *ast.FencedCodeBlock:
			start, end := -1, -1
			if n.Info != nil {
				start = lineStart(body, n.Info.Segment.Start)
			}
			if lines := n.Lines(); lines.Len() > 0 {
				first, last := lines.At(0), lines.At(lines.Len()-1)
				if start < 0 {
					// The opening fence is the line before the first.
					start = lineStart(body, max(lineStart(body, first.Start)-1, 0))
				}
				end = last.Stop
				if end == 0 || body[end-1] != '\n' {
					end = lineEnd(body, end)
				}
			} else if start >= 0 {
				end = lineEnd(body, start)
			}
			if start >= 0 {
				// The closing fence, when there is one, is code too.
				out = append(out, span{start, closingFence(body, end)})
			}
			return ast.WalkSkipChildren
		case *ast.CodeBlock:
			if lines := n.Lines(); lines.Len() > 0 {
				out = append(out, span{lines.At(0).Start, lines.At(lines.Len() - 1).Stop})
			}
			return ast.WalkSkipChildren
		case *ast.HTMLBlock:
			if lines := n.Lines(); lines.Len() > 0 {
				end := lines.At(lines.Len() - 1).Stop
				if n.HasClosure() {
					end = max(end, n.ClosureLine.Stop)
				}
				html = append(html, span{lines.At(0).Start, end})
			}
			return ast.WalkSkipChildren
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					// The backticks around the text are code too.
					out = append(out, span{max(t.Segment.Start-1, 0), min(t.Segment.Stop+1, len(body))})
				}
			}
			return ast.WalkSkipChildren
		}
		return ast.WalkContinue
	})
	slices.SortFunc(out, func(a, b span) int { return a.start - b.start })
	return out, html
}

// lineStart returns the offset of the start of the line holding off.
func lineStart(b []byte, off int) int {
	return bytes.LastIndexByte(b[:off], '\n') + 1
}

// lineEnd returns the offset just past the line feed of the line holding
// off, or the end of b.
func lineEnd(b []byte, off int) int {
	if off >= len(b) {
		return len(b)
	}
	if i := bytes.IndexByte(b[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(b)
}

// closingFence returns the end of the line at off when it is a closing
// code fence (three or more backticks or tildes alone), else off.
func closingFence(b []byte, off int) int {
	if off >= len(b) {
		return off
	}
	end := lineEnd(b, off)
	line := bytes.TrimSpace(b[off:end])
	if len(line) >= 3 && (line[0] == '`' || line[0] == '~') && run(line, line[0]) == len(line) {
		return end
	}
	return off
}

// plainText returns the text of s, one paragraph of Markdown with links,
// emphasis or code spans in it, without their marks and with one space
// between words: "[the actions](https://x.example) *now*" is "the
// actions now". When s is no such paragraph, and is to stay as it is,
// it returns s itself, and false.
func plainText(p parser.Parser, s string) (string, bool) {
	src := []byte(s)
	doc := p.Parse(text.NewReader(src))
	para, ok := doc.FirstChild().(*ast.Paragraph)
	if !ok || para.NextSibling() != nil {
		return s, false
	}
	var b strings.Builder
	marked := false
	markdown.Walk(para, func(n ast.Node) ast.WalkStatus {
		switch n := n.(type) {
		case *ast.Link, *ast.Emphasis:
			marked = true
		case *ast.CodeSpan:
			marked = true
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					b.Write(t.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren
		case *ast.AutoLink:
			b.Write(n.URL(src))
		case *ast.RawHTML:
			for k := 0; k < n.Segments.Len(); k++ {
				seg := n.Segments.At(k)
				b.Write(seg.Value(src))
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.Text:
			b.Write(n.Segment.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		}
		return ast.WalkContinue
	})
	if !marked {
		return s, false
	}
	return strings.Join(strings.Fields(b.String()), " "), true
}
