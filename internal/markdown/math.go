package markdown

import (
	"bytes"
	"html"

	"github.com/gohugoio/hugo-goldmark-extensions/passthrough"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Math is the extension that keeps mathematics as it is written, with
// Hugo's passthrough extension: \(…\) in a line, and $$…$$ or \[…\] as a
// block of their own, are not read as Markdown (x^*_t holds no emphasis,
// the \\ that ends a matrix row stays two backslashes) but published as
// their LaTeX source, escaped, in <span class="math"> or <div
// class="math">, where a site's own script may typeset them. plotline
// typesets nothing: the first mathematics of a page draws a warning that
// says so. A lone $ is a dollar, as explainers write money, never math.
type Math struct{}

// mathDelimiters are the delimiters of mathematics, in the order the
// passthrough's inline parser tries them: those of blocks first.
var mathDelimiters = [...]passthrough.Delimiters{{Open: "$$", Close: "$$"}, {Open: `\[`, Close: `\]`}, {Open: `\(`, Close: `\)`}}

// Extend implements goldmark.Extender.
func (e *Math) Extend(m goldmark.Markdown) {
	passthrough.New(passthrough.Config{
		InlineDelimiters: mathDelimiters[2:],
		BlockDelimiters:  mathDelimiters[:2],
	}).Extend(m)
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(mathTransformer{}, 150)),
		parser.WithInlineParsers(util.Prioritized(mathGuard{}, 200))) // before the passthrough's, 201
	// Before the passthrough's own renderers, which write the source
	// unescaped.
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(mathRenderer{}, 50)))
}

// mathGuard answers for the passthrough's inline parser where it would
// find no closing delimiter. That parser looks for one from each opener
// to the end of its paragraph, so that a paragraph of many \( that
// none closes took time that grew with its square: 50,000 lines "\( a"
// (300 KB) took 127 s. The guard looks once a paragraph and delimiter,
// remembers from where none follows, and gives every opener after that
// point what the passthrough would: the opener as text.
type mathGuard struct{}

// mathGuardKey holds the *mathSearches of the paragraph being parsed.
var mathGuardKey = parser.NewContextKey()

// mathSearches remembers, for the paragraph parent, the offset of the
// first opener of each closing delimiter after which none follows.
type mathSearches struct {
	parent ast.Node
	none   map[string]int
}

func (mathGuard) Trigger() []byte { return []byte{'$', '\\'} }

func (mathGuard) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	var d *passthrough.Delimiters
	for i := range mathDelimiters {
		if bytes.HasPrefix(line, []byte(mathDelimiters[i].Open)) {
			d = &mathDelimiters[i]
			break
		}
	}
	if d == nil {
		return nil
	}
	s, _ := pc.Get(mathGuardKey).(*mathSearches)
	if s == nil || s.parent != parent {
		s = &mathSearches{parent: parent, none: map[string]int{}}
		pc.Set(mathGuardKey, s)
	}
	if from, ok := s.none[d.Close]; !ok || seg.Start < from {
		l, pos := block.Position()
		block.Advance(len(d.Open))
		for {
			rest, _ := block.PeekLine()
			if rest == nil {
				break
			}
			if bytes.Contains(rest, []byte(d.Close)) {
				block.SetPosition(l, pos)
				return nil // the passthrough finds it too
			}
			block.AdvanceLine()
		}
		block.SetPosition(l, pos)
		s.none[d.Close] = seg.Start
	}
	block.Advance(len(d.Open))
	return ast.NewTextSegment(seg.WithStop(seg.Start + len(d.Open)))
}

type mathTransformer struct{}

// Transform warns at the page's first mathematics.
func (mathTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	state := pageOf(pc)
	if state == nil {
		return
	}
	Walk(doc, func(n ast.Node) ast.WalkStatus {
		off := -1
		switch n := n.(type) {
		case *passthrough.PassthroughInline:
			off = n.Segment.Start
		case *passthrough.PassthroughBlock:
			if n.Lines().Len() > 0 {
				off = n.Lines().At(0).Start
			}
		}
		if off < 0 {
			return ast.WalkContinue
		}
		state.warnf(off, "mathematics is published as its LaTeX source: plotline does not typeset it (a site's own script may, in .math elements)")
		return ast.WalkStop
	})
}

type mathRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (mathRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(passthrough.KindPassthroughInline, renderMathInline)
	reg.Register(passthrough.KindPassthroughBlock, renderMathBlock)
}

func renderMathInline(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString(`<span class="math">`)
		w.WriteString(html.EscapeString(string(n.(*passthrough.PassthroughInline).Segment.Value(src))))
		w.WriteString(`</span>`)
	}
	return ast.WalkSkipChildren, nil
}

func renderMathBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		w.WriteString(`<div class="math">`)
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			w.WriteString(html.EscapeString(string(seg.Value(src))))
		}
		w.WriteString("</div>\n")
	}
	return ast.WalkSkipChildren, nil
}
