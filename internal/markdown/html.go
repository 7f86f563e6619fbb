package markdown

import (
	"bufio"
	"bytes"
	"html"
	"strings"

	"github.com/gohugoio/hugo-goldmark-extensions/passthrough"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// HTML is the extension that decides what of the HTML written in Markdown
// reaches the page. HTML comments never do, whatever Unsafe says; the
// first <!--more--> ends the page's summary (Result.Summary). Other raw
// HTML is published only when Unsafe is set; otherwise it is left out,
// with one warning per page, at the first of it, saying how to allow it.
// A comment that is never closed, which would hide the rest of the page,
// is an error.
type HTML struct {
	Unsafe bool
}

// Extend implements goldmark.Extender.
func (e *HTML) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(htmlTransformer{unsafe: e.Unsafe}, 140)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(htmlRenderer{unsafe: e.Unsafe}, 100)))
}

type htmlTransformer struct {
	unsafe bool
}

func (t htmlTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	state := pageOf(pc)
	src := reader.Source()
	warned := t.unsafe
	Walk(doc, func(n ast.Node) ast.WalkStatus {
		var h htmlText
		switch n := n.(type) {
		case *ast.Text:
			// The inline parser leaves a comment it finds no end for in its
			// paragraph as text, and the reader would see it.
			if state != nil && bytes.HasPrefix(src[n.Segment.Start:], []byte("<!--")) {
				state.errorf(n.Segment.Start, "<!-- is never closed in its paragraph, so it would be shown as text: end the comment with -->")
			}
			return ast.WalkContinue
		case *ast.Heading:
			if !t.unsafe {
				headingAttributes(n, state)
			}
			return ast.WalkContinue
		case *ast.RawHTML, *ast.HTMLBlock:
			h = rawHTML(n, src)
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.AutoLink:
			return ast.WalkSkipChildren
		default:
			return ast.WalkContinue
		}
		stripped, more, unclosed := stripComments(h.text, h.keepComments)
		if state == nil {
			return ast.WalkSkipChildren
		}
		if more && state.more == nil {
			state.more = n
		}
		if t.unsafe {
			scanTags(stripped.text, func(a rawAttr) {
				if isAnchor(a) && a.val != "" {
					state.anchors = append(state.anchors, a.val)
				}
			})
		}
		if unclosed >= 0 {
			state.errorf(h.offset(unclosed), "<!-- is never closed, so the rest of the page would be hidden: end the comment with -->")
		}
		if b, ok := n.(*ast.HTMLBlock); t.unsafe && (!ok || b.HTMLBlockType != ast.HTMLBlockType1) {
			// A value in published raw HTML is not read, and its braces
			// would be shown. <pre>, <script>, <style> and <textarea>
			// (blocks of type 1) hold code, where braces are the code's.
			if i := bytes.Index(stripped.text, []byte("{{")); i >= 0 {
				msg := "{{ in an HTML block is shown as typed: values are read in Markdown only; leave a blank line after the opening tag and before the closing one, and the text between is Markdown"
				if bytes.LastIndexByte(stripped.text[:i], '<') > bytes.LastIndexByte(stripped.text[:i], '>') {
					msg = "{{ in an HTML tag is shown as typed: values are read in Markdown's text, never in a tag's attributes; write the attribute's text in full"
				}
				state.warnf(h.offset(stripped.from[i]), "%s", msg)
			}
		}
		if !warned {
			if i := firstNonSpace(stripped.text); i >= 0 {
				warned = true
				state.warnf(h.offset(stripped.from[i]), "raw HTML is left out of the page: set unsafe_html: true in the config to publish it")
			}
		}
		return ast.WalkSkipChildren
	})
}

// headingAttributes takes out of the heading h the attributes its {…}
// gave other than id and class, which are HTML the writer wrote: a
// style's url() that every view fetches, a heading over the whole page.
// A warning at the heading names them.
func headingAttributes(h *ast.Heading, state *pageState) {
	var dropped []string
	var kept []ast.Attribute
	for _, a := range h.Attributes() {
		if name := string(a.Name); name == "id" || name == "class" {
			kept = append(kept, a)
		} else {
			dropped = append(dropped, name)
		}
	}
	if len(dropped) == 0 {
		return
	}
	h.RemoveAttributes()
	for _, a := range kept {
		h.SetAttribute(a.Name, a.Value)
	}
	if state != nil && h.Lines().Len() > 0 {
		what := "attribute " + dropped[0] + " is"
		if len(dropped) > 1 {
			what = "attributes " + strings.Join(dropped[:len(dropped)-1], ", ") + " and " + dropped[len(dropped)-1] + " are"
		}
		state.warnf(h.Lines().At(0).Start, "the heading's %s left out: a heading's {…} gives it an id and classes, and other attributes only with unsafe_html: true", what)
	}
}

// htmlText is the HTML of a node, as one run of bytes, with the body
// offset of each of its lines.
type htmlText struct {
	text         []byte
	lineAt       []int // index in text where each line starts
	lineOff      []int // body offset of each line
	keepComments bool  // the inside of <script>, <style> and <textarea>
}

// offset returns the body offset of byte i of h.text.
func (h htmlText) offset(i int) int {
	l := 0
	for l+1 < len(h.lineAt) && h.lineAt[l+1] <= i {
		l++
	}
	if len(h.lineOff) == 0 {
		return 0
	}
	return h.lineOff[l] + i - h.lineAt[l]
}

func (h *htmlText) add(seg text.Segment, src []byte) {
	h.lineAt = append(h.lineAt, len(h.text))
	h.lineOff = append(h.lineOff, seg.Start)
	h.text = append(h.text, seg.Value(src)...)
}

// rawHTML returns the HTML of n, an *ast.RawHTML or an *ast.HTMLBlock.
func rawHTML(n ast.Node, src []byte) htmlText {
	var h htmlText
	var lines *text.Segments
	b, block := n.(*ast.HTMLBlock)
	if block {
		lines = b.Lines()
	} else {
		lines = n.(*ast.RawHTML).Segments
	}
	for i := 0; i < lines.Len(); i++ {
		h.add(lines.At(i), src)
	}
	if block && b.HasClosure() {
		h.add(b.ClosureLine, src)
	}
	if block && b.HTMLBlockType == ast.HTMLBlockType1 {
		lower := bytes.ToLower(bytes.TrimLeft(h.text, " \t"))
		h.keepComments = !bytes.HasPrefix(lower, []byte("<pre"))
	}
	return h
}

// strippedText is HTML with its comments taken out; from gives, for each
// byte, its index in the HTML it came from.
type strippedText struct {
	text []byte
	from []int
}

// stripComments takes the comments out of b, unless keep is set. It
// reports whether one of them is <!--more--> and where a comment that is
// never closed starts (-1 for none).
func stripComments(b []byte, keep bool) (s strippedText, more bool, unclosed int) {
	unclosed = -1
	for i := 0; i < len(b); {
		j := bytes.Index(b[i:], []byte("<!--"))
		if j < 0 || keep {
			j = len(b) - i
		}
		for k := i; k < i+j; k++ {
			s.text = append(s.text, b[k])
			s.from = append(s.from, k)
		}
		i += j
		if i >= len(b) {
			break
		}
		body := b[i+4:]
		var end int // length of the comment's inside
		var closeLen int
		switch {
		case bytes.HasPrefix(body, []byte(">")):
			end, closeLen = 0, 1
		case bytes.HasPrefix(body, []byte("->")):
			end, closeLen = 0, 2
		default:
			end = bytes.Index(body, []byte("-->"))
			closeLen = 3
			if end < 0 {
				unclosed = i
				return s, more, unclosed
			}
		}
		if strings.EqualFold(strings.TrimSpace(string(body[:end])), "more") {
			more = true
		}
		i += 4 + end + closeLen
	}
	return s, more, unclosed
}

// firstNonSpace returns the index of the first byte of b that is not
// white space, or -1.
func firstNonSpace(b []byte) int {
	return bytes.IndexFunc(b, func(r rune) bool { return !strings.ContainsRune(" \t\n\r\f\v", r) })
}

// htmlRenderer renders raw HTML: nothing of comments, the rest only when
// unsafe.
type htmlRenderer struct {
	unsafe bool
}

func (r htmlRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, r.render)
	reg.Register(ast.KindHTMLBlock, r.render)
}

// render writes the HTML of n, with the addresses the Links extension
// rewrote (see rawEditsAttr) and without its comments; a block that held
// nothing else leaves nothing, not even a line.
func (r htmlRenderer) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering || !r.unsafe {
		return ast.WalkSkipChildren, nil
	}
	h := rawHTML(n, src)
	text := h.text
	if edits, ok := n.AttributeString(rawEditsAttr); ok {
		text = applyEdits(text, edits.([]rawEdit))
	}
	s, _, _ := stripComments(text, h.keepComments)
	if firstNonSpace(s.text) < 0 {
		return ast.WalkSkipChildren, nil
	}
	out := s.text
	if n.Type() == ast.TypeBlock {
		// A line left empty by a comment goes too.
		var b []byte
		for line := range bytes.Lines(out) {
			if firstNonSpace(line) >= 0 || len(line) == len(out) {
				b = append(b, line...)
			}
		}
		out = b
		if len(out) > 0 && out[len(out)-1] != '\n' {
			out = append(out, '\n')
		}
	}
	gmhtml.DefaultWriter.SecureWrite(w, out)
	return ast.WalkSkipChildren, nil
}

// shownText returns the text of a text node's source v as the page shows
// it: its backslash escapes (\{{, \*) and character references (&amp;)
// undone, as goldmark's writer undoes them.
func shownText(v []byte) string {
	if bytes.IndexByte(v, '\\') < 0 {
		return html.UnescapeString(string(v))
	}
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	gmhtml.DefaultWriter.Write(w, v)
	w.Flush()
	return html.UnescapeString(b.String())
}

// summaryText returns the plain text of the inline content of n, up to
// brk if brk is inside it: values resolved, escapes and entities undone,
// autolinks as their address, images and struck-through text left out
// (a footnote mark has no text node, so it leaves nothing).
func summaryText(n ast.Node, src []byte, brk ast.Node) string {
	var b strings.Builder
	Walk(n, func(c ast.Node) ast.WalkStatus {
		if c == brk {
			return ast.WalkStop
		}
		switch c := c.(type) {
		case *ast.Text:
			b.WriteString(shownText(c.Segment.Value(src)))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			if c.IsCode() {
				b.WriteString(html.UnescapeString(string(c.Value)))
			} else {
				b.Write(c.Value)
			}
		case *ValueNode:
			b.WriteString(c.Resolved)
		case *ast.AutoLink:
			b.Write(c.Label(src)) // "<https://example.org>", "www.example.com": the address
			return ast.WalkSkipChildren
		case *passthrough.PassthroughInline:
			b.Write(c.Segment.Value(src)) // mathematics as written, as inlineText gives it
			return ast.WalkSkipChildren
		case *ast.CodeSpan:
			for gc := c.FirstChild(); gc != nil; gc = gc.NextSibling() {
				if t, ok := gc.(*ast.Text); ok {
					b.Write(t.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren
		case *ast.Image, *ast.RawHTML, *extast.Strikethrough:
			return ast.WalkSkipChildren
		}
		return ast.WalkContinue
	})
	return strings.Join(strings.Fields(b.String()), " ")
}
