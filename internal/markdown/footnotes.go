package markdown

import (
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

// Footnotes is the extension that names the "↩" link at the end of each
// footnote for screen readers, in the page's words ("Back to the text"):
// goldmark writes the arrow alone, which is read as a symbol's name, or
// not at all.
type Footnotes struct{}

// Extend implements goldmark.Extender.
func (*Footnotes) Extend(m goldmark.Markdown) {
	// After extension.Footnote (999) has made the backlinks.
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(backlinkTransformer{}, 1000)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(backlinkRenderer{}, 100)))
}

// backlinkLabel is the attribute a backlink's label is kept in, from the
// transformer, which knows the page's words, to the renderer.
const backlinkLabel = "aria-label"

type backlinkTransformer struct{}

func (backlinkTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	label := pageWords(pc).footnoteBack()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b, ok := n.(*east.FootnoteBacklink); ok && entering {
			b.SetAttributeString(backlinkLabel, label)
		}
		return ast.WalkContinue, nil
	})
}

// backlinkRenderer writes a footnote's backlink as goldmark does, with
// its label.
type backlinkRenderer struct{}

func (backlinkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindFootnoteBacklink, renderBacklink)
}

func renderBacklink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*east.FootnoteBacklink)
	label := "Back to the text"
	if v, ok := n.AttributeString(backlinkLabel); ok {
		if s, ok := v.(string); ok && s != "" {
			label = s
		}
	}
	_, _ = w.WriteString(`&#160;<a href="#fnref`)
	if n.RefIndex > 0 {
		_, _ = w.WriteString(strconv.Itoa(n.RefIndex))
	}
	_, _ = w.WriteString(":" + strconv.Itoa(n.Index) + `" class="footnote-backref" role="doc-backlink" aria-label="` + html.EscapeString(label) + `">&#x21a9;&#xfe0e;</a>`)
	return ast.WalkContinue, nil
}
