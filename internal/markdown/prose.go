package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/plotline/plotline/internal/diag"
)

// Prose is the extension that shows the page's TextChecker the text a
// reader reads: prose, headings, list items, table cells, link text,
// image alt text and footnotes, never code, URLs, raw HTML or values.
type Prose struct{}

// Extend implements goldmark.Extender.
func (*Prose) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(proseTransformer{}, 130)))
}

type proseTransformer struct{}

func (proseTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	state := pageOf(pc)
	if state == nil || state.page.Text == nil {
		return
	}
	src := reader.Source()
	var texts []*ast.Text
	Walk(doc, func(n ast.Node) ast.WalkStatus {
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.AutoLink, *ast.RawHTML, *ast.HTMLBlock, *ast.CodeBlock, *ast.FencedCodeBlock, *ChartNode:
			return ast.WalkSkipChildren
		case *ast.Text:
			texts = append(texts, n)
		}
		return ast.WalkContinue
	})
	// Inline parsers split text at the characters they look at (linkify
	// at every space), so runs of text nodes that follow each other in
	// the source are checked as one.
	for i := 0; i < len(texts); {
		start, stop := texts[i].Segment.Start, texts[i].Segment.Stop
		j := i + 1
		for ; j < len(texts) && texts[j].Segment.Start == stop && texts[j].PreviousSibling() == texts[j-1]; j++ {
			stop = texts[j].Segment.Stop
		}
		state.page.Text.CheckText(string(src[start:stop]), func(off int) diag.Pos { return state.pos(start + off) }, state.diags)
		i = j
	}
}
