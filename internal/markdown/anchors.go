package markdown

import (
	"bytes"
	"cmp"
	"html"
	"strings"

	"github.com/gohugoio/hugo-goldmark-extensions/passthrough"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/plotline/plotline/internal/anchor"
)

// Anchors is the extension that gives every heading an id and puts a "#"
// link to it after each h2 and h3, the two in a <div class="heading">. An
// id written in the heading's attributes ({#id}) is kept; the others are
// made from the heading's text as the reader sees it, values resolved,
// and made unique on the page.
type Anchors struct {
	// Feed leaves the links out, for a feed reader: without the page's
	// style sheet, each would show as a stray "#" after its heading.
	Feed bool
}

// Extend implements goldmark.Extender.
func (a *Anchors) Extend(m goldmark.Markdown) {
	// After the values (100) are resolved.
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(anchorTransformer{}, 200)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(anchorRenderer{feed: a.Feed}, 100)))
}

type anchorTransformer struct{}

func (anchorTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var headings []*ast.Heading
	Walk(doc, func(n ast.Node) ast.WalkStatus {
		if h, ok := n.(*ast.Heading); ok {
			headings = append(headings, h)
			return ast.WalkSkipChildren
		}
		return ast.WalkContinue
	})
	// The templates' own ids, those of raw HTML and those the writer
	// chose come first, so that no id made up for a heading takes one of
	// them. A chosen one
	// that is taken already leaves a link to it at the other element.
	state := pageOf(pc)
	taken := map[string]int{} // id → line of the heading that chose it, 0 for the templates'
	if state != nil {
		for _, id := range state.page.TakenIDs {
			taken[id] = 0
			pc.IDs().Put([]byte(id))
		}
		// The ids of published raw HTML (read by the HTML transformer,
		// which runs first): "## <a id="setup"></a>Setup" is not given
		// a second "setup".
		for _, id := range state.anchors {
			pc.IDs().Put([]byte(id))
		}
	}
	for _, h := range headings {
		id, ok := h.AttributeString("id")
		b, _ := id.([]byte)
		if !ok || b == nil {
			continue
		}
		pc.IDs().Put(b)
		if state == nil || h.Lines().Len() == 0 {
			continue
		}
		at := h.Lines().At(0).Start
		if end := bytes.IndexByte(src[at:], '\n'); end >= 0 {
			if brace := bytes.LastIndexByte(src[at:at+end], '{'); brace >= 0 {
				at += brace // the {#id}
			}
		}
		line, twice := taken[string(b)]
		switch {
		case twice && line == 0:
			state.warnf(at, "the heading's id %q is one the page's templates give an element of their own, and a link to #%s leads there: give the heading another", b, b)
		case twice:
			state.warnf(at, "the heading's id %q is given to the heading at line %d too, and a link to #%s leads there: give each heading its own", b, line, b)
		default:
			taken[string(b)] = state.pos(at).Line
		}
	}
	words := pageWords(pc)
	for _, h := range headings {
		if _, ok := h.AttributeString("id"); !ok {
			h.SetAttributeString("id", pc.IDs().Generate([]byte(inlineText(h, src, true)), ast.KindHeading))
		}
		if h.Level != 2 && h.Level != 3 {
			continue
		}
		id, _ := h.AttributeString("id")
		b, _ := id.([]byte)
		h.AppendChild(h, &HeadingAnchor{ID: string(b), Label: cmp.Or(words.HeadingLink, "Link to this section")})
	}
}

// inlineText returns the text of n, a heading say, as the reader sees
// it: values resolved, a link's text without its address, character
// references and the typographer's entities decoded, and raw HTML left
// out. Heading ids and
// the table of contents are made from it. For an id (typed), the
// typographer's dashes are the hyphens they were typed as, which GitHub
// and Hugo keep in theirs ("### --name" is #--name).
func inlineText(n ast.Node, src []byte, typed bool) string {
	var b strings.Builder
	Walk(n, func(n ast.Node) ast.WalkStatus {
		switch n := n.(type) {
		case *ast.Text:
			if n.Parent().Kind() == ast.KindCodeSpan {
				b.Write(n.Segment.Value(src))
			} else {
				b.WriteString(shownText(n.Segment.Value(src))) // &#91; is [, \* is *
			}
			if n.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if d, ok := typedDashes[string(n.Value)]; ok && typed && n.IsCode() {
				b.WriteString(d)
			} else if n.IsCode() {
				b.WriteString(html.UnescapeString(string(n.Value))) // &ldquo; from the typographer
			} else {
				b.Write(n.Value)
			}
		case *ValueNode:
			b.WriteString(n.Resolved)
			return ast.WalkSkipChildren
		case *ast.AutoLink:
			b.Write(n.Label(src))
			return ast.WalkSkipChildren
		case *passthrough.PassthroughInline:
			b.Write(n.Segment.Value(src)) // mathematics as written, as shown
			return ast.WalkSkipChildren
		case *ast.RawHTML:
			return ast.WalkSkipChildren
		}
		return ast.WalkContinue
	})
	return b.String()
}

// typedDashes are what was typed for each of the typographer's dashes.
var typedDashes = map[string]string{"&ndash;": "--", "&mdash;": "---"}

// headingIDs makes the ids of a page's headings (see anchor.Set) for
// goldmark, whose parser.IDs it implements.
type headingIDs struct{ set *anchor.Set }

func newHeadingIDs() headingIDs { return headingIDs{anchor.NewSet()} }

// Generate returns a new id for a heading of the text value.
func (ids headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	return []byte(ids.set.Add(string(value)))
}

// Put reserves id, one the writer chose.
func (ids headingIDs) Put(id []byte) { ids.set.Reserve(string(id)) }

type anchorRenderer struct{ feed bool }

func (r anchorRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	// The link is written after its heading, by renderHeading, not where
	// it stands in the tree, at the heading's end; the feed has none.
	reg.Register(KindHeadingAnchor, func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
		return ast.WalkSkipChildren, nil
	})
	if !r.feed {
		reg.Register(ast.KindHeading, renderHeading)
	}
}

// renderHeading writes a heading as goldmark does; one that ends in a
// HeadingAnchor goes in a <div class="heading"> with the link after it.
// Inside the heading, the link's label was part of the heading's name:
// screen readers read, and listed among the page's headings, "What the
// projection says Link to this section".
func renderHeading(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	a, _ := n.LastChild().(*HeadingAnchor)
	if entering {
		if a != nil {
			w.WriteString(`<div class="heading">`)
		}
		w.WriteString("<h")
		w.WriteByte("0123456"[n.Level])
		if n.Attributes() != nil {
			gmhtml.RenderAttributes(w, node, gmhtml.HeadingAttributeFilter)
		}
		w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	w.WriteString("</h")
	w.WriteByte("0123456"[n.Level])
	w.WriteByte('>')
	if a != nil {
		label := html.EscapeString(cmp.Or(a.Label, "Link to this section"))
		w.WriteString(` <a class="heading-anchor" href="#` + html.EscapeString(a.ID) + `" aria-label="` + label + `">#</a></div>`)
	}
	w.WriteByte('\n')
	return ast.WalkContinue, nil
}
