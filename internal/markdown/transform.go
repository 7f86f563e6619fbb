package markdown

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// transformer resolves values, renders charts, checks and rewrites links and
// adds heading anchors, once the document is parsed.
type transformer struct{}

var schemeRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	state, _ := pc.Get(pageKey).(*pageState)
	if state == nil {
		return
	}
	src := reader.Source()
	var values []*ValueNode
	var charts []*ast.FencedCodeBlock
	var links []ast.Node
	var headings []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ValueNode:
			values = append(values, n)
		case *ast.FencedCodeBlock:
			if string(n.Language(src)) == "chart" {
				charts = append(charts, n)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Link, *ast.Image:
			links = append(links, n)
		case *ast.Heading:
			if n.Level == 2 || n.Level == 3 {
				headings = append(headings, n)
			}
		}
		return ast.WalkContinue, nil
	})

	for _, v := range values {
		if state.page.Values == nil {
			state.diags.Errorf(state.pos(v.Offset), "{{ %s }}: this page has no data blocks", v.Expr)
			continue
		}
		s, err := state.page.Values.ResolveValue(v.Expr)
		if err != nil {
			state.diags.Errorf(state.pos(v.Offset), "{{ %s }}: %v", v.Expr, err)
			continue
		}
		v.Resolved = s
	}
	placeValues(values, src, pc)

	for _, fb := range charts {
		state.charts++
		var body bytes.Buffer
		lines := fb.Lines()
		bodyOff := fencePos(fb, src)
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			body.Write(seg.Value(src))
		}
		out := state.chartBuffer() // the figure sizes it
		if state.page.Charts == nil {
			state.diags.Errorf(state.pos(bodyOff), "chart: charts are not available here")
		} else if err := state.page.Charts.RenderChart(out, body.Bytes(), state.pos(bodyOff), state.charts, state.diags); err != nil {
			state.diags.Errorf(state.pos(bodyOff), "chart: %v", err)
		}
		state.chartBytes += out.Len()
		chart := &ChartNode{HTML: out.Bytes()}
		fb.Parent().ReplaceChild(fb.Parent(), fb, chart)
	}

	for _, l := range links {
		var dest []byte
		switch l := l.(type) {
		case *ast.Link:
			dest = l.Destination
		case *ast.Image:
			dest = l.Destination
		}
		d := string(dest)
		if d == "" || d[0] == '#' || schemeRE.MatchString(d) || bytes.HasPrefix(dest, []byte("//")) {
			continue
		}
		if state.page.Links == nil {
			continue
		}
		resolved, err := state.page.Links.ResolveLink(d)
		if err != nil {
			state.diags.Errorf(state.pos(linkOffset(l, src)), "link %q: %v", d, err)
			continue
		}
		switch l := l.(type) {
		case *ast.Link:
			l.Destination = []byte(resolved)
		case *ast.Image:
			l.Destination = []byte(resolved)
		}
	}

	for _, h := range headings {
		id, ok := h.AttributeString("id")
		if !ok {
			continue
		}
		idb, _ := id.([]byte)
		h.AppendChild(h, &HeadingAnchor{ID: string(idb)})
	}
}

// placeValues fits resolved values where goldmark's renderer and parser
// would not see them: the alt text of an image, which goldmark writes from
// the text nodes under the image only, and the id of a heading, which the
// parser made from the heading's source, braces and all.
func placeValues(values []*ValueNode, src []byte, pc parser.Context) {
	var headings []*ast.Heading // in document order, so ids come out the same every time
	seen := map[*ast.Heading]bool{}
	for _, v := range values {
		parent := v.Parent()
		inImage := false
		for p := parent; p != nil; p = p.Parent() {
			switch p := p.(type) {
			case *ast.Image:
				inImage = true
			case *ast.Heading:
				if !seen[p] {
					seen[p] = true
					headings = append(headings, p)
				}
			}
		}
		if inImage {
			s := ast.NewString([]byte(v.Resolved))
			s.SetRaw(true) // escaped for HTML, with no Markdown escapes undone
			parent.ReplaceChild(parent, v, s)
		}
	}
	for _, h := range headings {
		if _, ok := h.AttributeString("id"); !ok {
			continue
		}
		id := pc.IDs().Generate([]byte(plainText(h, src)), ast.KindHeading)
		h.SetAttributeString("id", id)
	}
}

// fencePos returns the body offset where a fenced block's content starts,
// or, for an empty block, where its fence line ends.
func fencePos(fb *ast.FencedCodeBlock, src []byte) int {
	if fb.Lines().Len() > 0 {
		return fb.Lines().At(0).Start
	}
	if fb.Info != nil {
		if i := bytes.IndexByte(src[fb.Info.Segment.Stop:], '\n'); i >= 0 {
			return fb.Info.Segment.Stop + i + 1
		}
		return fb.Info.Segment.Start
	}
	return 0
}

// linkOffset estimates where a link starts: at the "[" before its first
// text or value.
func linkOffset(n ast.Node, src []byte) int {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		switch c := c.(type) {
		case *ast.Text:
			off = c.Segment.Start
		case *ValueNode:
			off = c.Offset
		default:
			return ast.WalkContinue, nil
		}
		return ast.WalkStop, nil
	})
	if off > 0 {
		// Step back over emphasis or code markers to the "[" (or "![").
		for off > 0 && src[off-1] != '[' && src[off-1] != '\n' {
			off--
		}
		if off > 0 && src[off-1] == '[' {
			off--
		}
		if _, ok := n.(*ast.Image); ok && off > 0 && src[off-1] == '!' {
			off--
		}
		return off
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}
