package markdown

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/plotline/plotline/internal/highlight"
)

// nodeRenderer renders plotline's nodes, highlighted code, and raw HTML
// (escaped unless unsafe).
type nodeRenderer struct {
	unsafe      bool
	highlighter *highlight.Highlighter
}

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindValue, r.renderValue)
	reg.Register(KindChart, r.renderChart)
	reg.Register(KindHeadingAnchor, r.renderHeadingAnchor)
	reg.Register(ast.KindFencedCodeBlock, r.renderFencedCode)
	if !r.unsafe {
		reg.Register(ast.KindRawHTML, r.renderRawHTML)
		reg.Register(ast.KindHTMLBlock, r.renderHTMLBlock)
	}
}

func (r *nodeRenderer) renderValue(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ValueNode)
	w.WriteString(`<span class="pl-value" data-ref="`)
	w.WriteString(html.EscapeString(n.Expr))
	w.WriteString(`">`)
	w.WriteString(html.EscapeString(n.Resolved))
	w.WriteString(`</span>`)
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) renderChart(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.Write(node.(*ChartNode).HTML)
		w.WriteByte('\n')
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) renderHeadingAnchor(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		id := html.EscapeString(node.(*HeadingAnchor).ID)
		w.WriteString(` <a class="heading-anchor" href="#` + id + `" aria-label="Link to this section">#</a>`)
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) renderRawHTML(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	segs := node.(*ast.RawHTML).Segments
	for i := 0; i < segs.Len(); i++ {
		s := segs.At(i)
		w.WriteString(html.EscapeString(string(s.Value(src))))
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) renderHTMLBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.HTMLBlock)
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		s := n.Lines().At(i)
		b.Write(s.Value(src))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(src))
	}
	w.WriteString("<p>")
	w.WriteString(strings.TrimRight(html.EscapeString(b.String()), "\n"))
	w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) renderFencedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var code bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		s := n.Lines().At(i)
		code.Write(s.Value(src))
	}
	lang := ""
	if n.Info != nil {
		lang = string(n.Language(src))
	}
	w.WriteString(r.highlighter.HTML(lang, code.String()))
	return ast.WalkSkipChildren, nil
}
