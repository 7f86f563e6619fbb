package markdown

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
)

// KindValue is the NodeKind of ValueNode.
var KindValue = ast.NewNodeKind("PlotlineValue")

// ValueNode is a {{ expression }} reference in prose. After the transformer
// has run, Resolved holds what to show; it is empty when the reference failed.
type ValueNode struct {
	ast.BaseInline
	Expr     string // the text between the braces, trimmed
	Offset   int    // where the reference starts in the body
	Resolved string
}

// Kind implements ast.Node.
func (n *ValueNode) Kind() ast.NodeKind { return KindValue }

// Dump implements ast.Node.
func (n *ValueNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Expr": n.Expr, "Resolved": n.Resolved}, nil)
}

// KindChart is the NodeKind of ChartNode.
var KindChart = ast.NewNodeKind("PlotlineChart")

// ChartNode replaces a ```chart fenced block; HTML is the chart's markup.
type ChartNode struct {
	ast.BaseBlock
	HTML []byte
}

// Kind implements ast.Node.
func (n *ChartNode) Kind() ast.NodeKind { return KindChart }

// IsRaw implements ast.Node: a chart has no inline children.
func (n *ChartNode) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *ChartNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"HTML": fmt.Sprintf("%d bytes", len(n.HTML))}, nil)
}

// KindHeadingAnchor is the NodeKind of HeadingAnchor.
var KindHeadingAnchor = ast.NewNodeKind("PlotlineHeadingAnchor")

// HeadingAnchor is the "#" link placed at the end of a section heading.
type HeadingAnchor struct {
	ast.BaseInline
	ID string
}

// Kind implements ast.Node.
func (n *HeadingAnchor) Kind() ast.NodeKind { return KindHeadingAnchor }

// Dump implements ast.Node.
func (n *HeadingAnchor) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.ID}, nil)
}
