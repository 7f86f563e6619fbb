package markdown

import (
	"cmp"
	"html"
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Footnotes is the extension that makes a page's footnotes easy to reach
// and leave with a screen reader: their list starts with a heading
// ("Notes", for screen readers only), so that it is not taken for the
// end of the last section, and the "↩" link at the end of each footnote
// is named ("Back to the text"), where goldmark writes the arrow alone,
// which is read as a symbol's name, or not at all. Both are in the
// page's words. A footnote's number in the text is written in the digits
// of the page's numbers (Words.Zero): [١] in Egypt's Arabic, as the
// style sheet numbers the list of footnotes.
type Footnotes struct{}

// Extend implements goldmark.Extender.
func (*Footnotes) Extend(m goldmark.Markdown) {
	// After extension.Footnote (999) has made the backlinks.
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(backlinkTransformer{}, 1000)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(backlinkRenderer{}, 100)))
}

// wordsAttr is the attribute of the document that holds the page's
// *Words, from the transformer, which knows them, to the renderers.
const wordsAttr = "data-plotline-words"

type backlinkTransformer struct{}

func (backlinkTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	// extension.Footnote appends the list of footnotes to the document
	// itself: only a page that has one is given its words, and the others
	// pay for no more than this look.
	for c := doc.LastChild(); c != nil; c = c.PreviousSibling() {
		if _, ok := c.(*east.FootnoteList); ok {
			doc.SetAttributeString(wordsAttr, pageWords(pc))
			return
		}
	}
}

// footnoteWords returns the words backlinkTransformer kept on the document
// of n; empty ones, which write English, when it kept none.
func footnoteWords(n ast.Node) *Words {
	v, _ := n.OwnerDocument().AttributeString(wordsAttr)
	if w, ok := v.(*Words); ok {
		return w
	}
	return &Words{}
}

// backlinkRenderer writes a footnote's backlink as goldmark does, with
// its label, and the list of footnotes with its heading.
type backlinkRenderer struct{}

func (backlinkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindFootnoteBacklink, renderBacklink)
	reg.Register(east.KindFootnoteList, renderFootnoteList)
	reg.Register(east.KindFootnoteLink, renderFootnoteLink)
}

// renderFootnoteLink writes a footnote's number in the text as goldmark
// does, the number itself in the digits of the page's numbers.
func renderFootnoteLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*east.FootnoteLink)
	is := strconv.Itoa(n.Index)
	_, _ = w.WriteString(`<sup id="fnref`)
	if n.RefIndex > 0 {
		_, _ = w.WriteString(strconv.Itoa(n.RefIndex))
	}
	_, _ = w.WriteString(":" + is + `"><a href="#fn:` + is + `" class="footnote-ref" role="doc-noteref">`)
	zero := cmp.Or(footnoteWords(node).Zero, '0')
	for _, c := range is {
		_, _ = w.WriteRune(zero + c - '0')
	}
	_, _ = w.WriteString(`</a></sup>`)
	return ast.WalkContinue, nil
}

func renderFootnoteList(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</ol>\n</div>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<h2 class=\"visually-hidden\">" + html.EscapeString(cmp.Or(footnoteWords(node).Notes, "Notes")) + "</h2>\n<ol>\n")
	return ast.WalkContinue, nil
}

func renderBacklink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*east.FootnoteBacklink)
	_, _ = w.WriteString(`&#160;<a href="#fnref`)
	if n.RefIndex > 0 {
		_, _ = w.WriteString(strconv.Itoa(n.RefIndex))
	}
	_, _ = w.WriteString(":" + strconv.Itoa(n.Index) + `" class="footnote-backref" role="doc-backlink" aria-label="` + html.EscapeString(cmp.Or(footnoteWords(n).FootnoteBack, "Back to the text")) + `">&#x21a9;&#xfe0e;</a>`)
	return ast.WalkContinue, nil
}
