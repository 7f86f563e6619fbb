package markdown

import (
	"bytes"
	"cmp"
	"html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Alerts is the extension for GitHub's alerts: a block quote whose first
// line is [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION] (in any
// capitals) becomes a callout,
//
//	<div class="alert alert-note" role="note">
//	<p class="alert-title">Note</p>
//	…
//	</div>
//
// styled by the theme. Every kind is role="note", not role="alert": an
// alert in an article is read where it stands, not announced at once; its
// title says which kind it is.
type Alerts struct{}

// Extend implements goldmark.Extender.
func (*Alerts) Extend(m goldmark.Markdown) {
	// Before the values (100) and the prose check (130), which then never
	// see the marker.
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(alertTransformer{}, 90)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(alertRenderer{}, 100)))
}

// alertTitles are the alert types and their titles.
var alertTitles = map[string]string{
	"note":      "Note",
	"tip":       "Tip",
	"important": "Important",
	"warning":   "Warning",
	"caution":   "Caution",
}

type alertTransformer struct{}

func (alertTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var quotes []*ast.Blockquote
	Walk(doc, func(n ast.Node) ast.WalkStatus {
		if q, ok := n.(*ast.Blockquote); ok {
			quotes = append(quotes, q)
		}
		if n.Type() == ast.TypeInline {
			return ast.WalkSkipChildren
		}
		return ast.WalkContinue
	})
	words := pageWords(pc)
	for _, q := range quotes {
		p, ok := q.FirstChild().(*ast.Paragraph)
		if !ok || p.Lines().Len() == 0 {
			continue
		}
		first := p.Lines().At(0)
		marker := bytes.TrimSpace(first.Value(src))
		if len(marker) < 4 || marker[0] != '[' || marker[1] != '!' || marker[len(marker)-1] != ']' {
			continue
		}
		typ := strings.ToLower(string(marker[2 : len(marker)-1]))
		if _, ok := alertTitles[typ]; !ok {
			continue
		}
		// The marker's line goes; the paragraph keeps the lines after it.
		for c := p.FirstChild(); c != nil; {
			next := c.NextSibling()
			if s := inlineStart(c); s < 0 || s >= first.Stop {
				break
			}
			p.RemoveChild(p, c)
			c = next
		}
		if p.ChildCount() == 0 {
			q.RemoveChild(q, p)
		} else {
			p.Lines().SetSliced(1, p.Lines().Len())
		}
		a := &Alert{AlertType: typ, Title: words.alertTitle(typ)}
		for c := q.FirstChild(); c != nil; {
			next := c.NextSibling()
			a.AppendChild(a, c)
			c = next
		}
		q.Parent().ReplaceChild(q.Parent(), q, a)
	}
}

// inlineStart returns the body offset where an inline node's first text
// starts, or -1.
func inlineStart(n ast.Node) int {
	off := -1
	Walk(n, func(c ast.Node) ast.WalkStatus {
		if t, ok := c.(*ast.Text); ok {
			off = t.Segment.Start
			return ast.WalkStop
		}
		return ast.WalkContinue
	})
	return off
}

type alertRenderer struct{}

func (alertRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindAlert, renderAlert)
}

func renderAlert(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*Alert)
	if entering {
		w.WriteString(`<div class="alert alert-` + n.AlertType + `" role="note">` + "\n")
		w.WriteString(`<p class="alert-title">` + html.EscapeString(cmp.Or(n.Title, alertTitles[n.AlertType])) + "</p>\n")
	} else {
		w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}
