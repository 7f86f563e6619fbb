package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/plotline/plotline/internal/highlight"
)

// codeRenderer renders fenced code highlighted, with chroma's CSS classes.
type codeRenderer struct {
	highlighter *highlight.Highlighter
}

func (r *codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.renderFencedCode)
}

func (r *codeRenderer) renderFencedCode(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
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
