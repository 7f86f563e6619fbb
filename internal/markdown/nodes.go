package markdown

import (
	"fmt"
	"strconv"

	"github.com/yuin/goldmark/ast"

	"github.com/plotline/plotline/internal/diag"
)

// KindValue is the NodeKind of ValueNode.
var KindValue = ast.NewNodeKind("PlotlineValue")

// ValueNode is a {{ expression }} reference in prose. After the Values
// transformer has run, Resolved holds what to show; it is empty when the
// reference failed.
type ValueNode struct {
	ast.BaseInline
	Expr     string // the text between the braces, trimmed
	Offset   int    // where the reference starts in the body
	End      int    // where it ends in the body, after its "}}"
	Resolved string
	// Unclosed marks "{{" with no "}}" after it on its line; the node
	// then stands for the rest of the line.
	Unclosed bool
}

// Kind implements ast.Node.
func (n *ValueNode) Kind() ast.NodeKind { return KindValue }

// Dump implements ast.Node.
func (n *ValueNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Expr": n.Expr, "Resolved": n.Resolved}, nil)
}

// KindChart is the NodeKind of ChartNode.
var KindChart = ast.NewNodeKind("PlotlineChart")

// ChartNode replaces a ```chart fenced block. The chart is drawn when the
// page is rendered, by the page's ChartRenderer.
type ChartNode struct {
	ast.BaseBlock
	Body    []byte   // the YAML between the fences
	BodyPos diag.Pos // where Body starts in the file
	Ordinal int      // the page's charts count from 1

	charts ChartRenderer // nil when the page has none: reported when parsed
	diags  *diag.List
	failed bool // RenderChart returned an error
}

// Kind implements ast.Node.
func (n *ChartNode) Kind() ast.NodeKind { return KindChart }

// IsRaw implements ast.Node: a chart has no inline children.
func (n *ChartNode) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *ChartNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{
		"Ordinal": strconv.Itoa(n.Ordinal), "Body": fmt.Sprintf("%d bytes", len(n.Body)),
	}, nil)
}

// KindHeadingAnchor is the NodeKind of HeadingAnchor.
var KindHeadingAnchor = ast.NewNodeKind("PlotlineHeadingAnchor")

// HeadingAnchor is the "#" link placed at the end of a section heading.
type HeadingAnchor struct {
	ast.BaseInline
	ID    string
	Label string // the link's label, in the page's words
}

// Kind implements ast.Node.
func (n *HeadingAnchor) Kind() ast.NodeKind { return KindHeadingAnchor }

// Dump implements ast.Node.
func (n *HeadingAnchor) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"ID": n.ID}, nil)
}

// KindAlert is the NodeKind of Alert.
var KindAlert = ast.NewNodeKind("PlotlineAlert")

// Alert is a GitHub alert: a block quote whose first line is [!NOTE],
// [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION]. Its children are the
// quote's, less that line.
type Alert struct {
	ast.BaseBlock
	AlertType string // "note", "tip", "important", "warning" or "caution"
	Title     string // its title, in the page's words
}

// Kind implements ast.Node.
func (n *Alert) Kind() ast.NodeKind { return KindAlert }

// Dump implements ast.Node.
func (n *Alert) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"AlertType": n.AlertType}, nil)
}
