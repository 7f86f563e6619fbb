package markdown

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Links is the extension that checks the destination of every link and
// image that points into the site with the page's LinkResolver, and
// writes the URL it returns in its place. A destination it refuses is an
// error at the link. A destination the HTML renderer would leave out
// (javascript:, file: …) is a warning, unless Unsafe: the renderer then
// keeps it.
type Links struct {
	Unsafe bool
}

// Extend implements goldmark.Extender.
func (e *Links) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(linkTransformer{unsafe: e.Unsafe}, 120)))
}

var schemeRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// linkTransformer resolves the destinations of links and images.
type linkTransformer struct {
	unsafe bool
}

func (t linkTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	state := pageOf(pc)
	if state == nil || state.page.Links == nil {
		return
	}
	src := reader.Source()
	var unwrap []ast.Node    // the links and images left out, for their text
	titled := map[int]bool{} // the "{{" in titles reported, for links sharing a definition
	Walk(doc, func(n ast.Node) ast.WalkStatus {
		var dest *[]byte
		var title []byte
		switch n := n.(type) {
		case *ast.Link:
			dest, title = &n.Destination, n.Title
		case *ast.Image:
			dest, title = &n.Destination, n.Title
		case *ast.AutoLink:
			// A bare address, made a link by linkify, runs over a "{{"
			// without spaces in it, and up to one with them.
			if u := n.Label(src); bytes.Contains(u, []byte("{{")) {
				lo := siblingsEnd(n, src)
				if i := bytes.Index(src[lo:], u); i >= 0 {
					lo += i + bytes.Index(u, []byte("{{"))
				}
				state.errorf(lo, "%s", addressValueMsg)
			} else if !t.unsafe && n.AutoLinkType == ast.AutoLinkURL && html.IsDangerousURL(n.URL(src)) {
				// <javascript:…>: the renderer would write it as
				// <a href="">; its text is kept, as a link's is.
				lo := siblingsEnd(n, src)
				if i := bytes.Index(src[lo:], u); i > 0 && src[lo+i-1] == '<' {
					lo += i - 1
				}
				state.warnf(lo, "link %q is left out: a link that runs a script or opens a local file cannot be published (write an https: address)", u)
				text := ast.NewString(util.EscapeHTML(bytes.Clone(u)))
				text.SetCode(true) // escaped already, written as it is
				n.AppendChild(n, text)
				unwrap = append(unwrap, n)
			}
			return ast.WalkSkipChildren
		case *ast.RawHTML, *ast.HTMLBlock:
			if t.unsafe {
				rawLinks(state, n, rawHTML(n, src))
			}
			return ast.WalkSkipChildren
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock:
			return ast.WalkSkipChildren
		default:
			return ast.WalkContinue
		}
		if bytes.Contains(*dest, []byte("{{")) {
			// At the "{{" after the link's text.
			lo := linkOffset(n, src)
			if end := textEnd(n); end > lo {
				lo = end
			}
			if i := bytes.Index(src[lo:], []byte("{{")); i >= 0 {
				lo += i
			}
			state.errorf(lo, "%s", addressValueMsg)
			return ast.WalkContinue
		}
		if bytes.Contains(title, []byte("{{")) {
			// At the "{{" of the title as written: after the link's
			// text, or in the reference definition it comes from.
			at := linkOffset(n, src)
			from := max(at, textEnd(n))
			if i := bytes.Index(src[from:], title); i >= 0 {
				at = from + i + bytes.Index(title, []byte("{{"))
			} else if i := bytes.Index(src, title); i >= 0 {
				at = i + bytes.Index(title, []byte("{{"))
			}
			if !titled[at] {
				titled[at] = true
				state.errorf(at, "%s", titleValueMsg)
			}
		}
		d := string(*dest)
		_, isImage := n.(*ast.Image)
		if !t.unsafe && dangerous(*dest, isImage) {
			// The HTML renderer leaves such a destination out; say so.
			state.warnf(linkOffset(n, src), "link %q is left out: a link that runs a script or opens a local file cannot be published (write an https: address)", d)
			unwrap = append(unwrap, n)
			return ast.WalkContinue
		}
		if d == "" || schemeRE.MatchString(d) || bytes.HasPrefix(*dest, []byte("//")) {
			return ast.WalkContinue
		}
		off := linkOffset(n, src)
		resolved, err := state.page.Links.ResolveLink(d, state.pos(off))
		if err != nil {
			state.errorf(off, "link %q: %v", d, err)
			return ast.WalkContinue
		}
		*dest = []byte(resolved)
		return ast.WalkContinue
	})
	// What was left out keeps its text, without the link (an image, its
	// alt text): the renderer would write <a href=""> or <img src="">.
	for _, n := range unwrap {
		parent := n.Parent()
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
}

// rawLinks checks the addresses in the raw HTML h of node n (an <img
// src>, an <a href>, a srcset …) as those of Markdown links are checked,
// each reported at its attribute, and records on n the URLs to write in
// their places (see rawEditsAttr); the rest of the HTML is written as it
// is.
func rawLinks(state *pageState, n ast.Node, h htmlText) {
	stripped, _, _ := stripComments(h.text, h.keepComments)
	var edits []rawEdit
	scanTags(stripped.text, func(a rawAttr) {
		if !isURLAttr(a) {
			return
		}
		urls := [][2]int{{0, len(a.val)}}
		if a.key == "srcset" {
			urls = srcsetURLs(a.val)
		}
		resolved := make([]string, len(urls))
		changed := false
		for i, u := range urls {
			d := a.val[u[0]:u[1]]
			resolved[i] = d
			trimmed := strings.TrimSpace(d)
			if trimmed == "" || schemeRE.MatchString(trimmed) || strings.HasPrefix(trimmed, "//") {
				continue
			}
			off := h.offset(stripped.from[a.keyAt])
			r, err := state.page.Links.ResolveLink(trimmed, state.pos(off))
			if err != nil {
				state.errorf(off, "link %q: %v", trimmed, err)
				continue
			}
			if r != d {
				resolved[i], changed = r, true
			}
		}
		val := a.val
		for i, u := range slices.Backward(urls) { // from the end, so that the others stay where they are
			val = val[:u[0]] + resolved[i] + val[u[1]:]
		}
		if !changed || a.valEnd <= a.valStart {
			return
		}
		edits = append(edits, rawEdit{start: stripped.from[a.valStart], end: stripped.from[a.valEnd-1] + 1, with: escapeAttr(val)})
	})
	if len(edits) > 0 {
		n.SetAttributeString(rawEditsAttr, edits)
	}
}

// linkOffset estimates where a link starts: at the "[" before its first
// text or value, or, for a link or image with no text, at its "[]" or
// "![]" after what comes before it in its paragraph.
func linkOffset(n ast.Node, src []byte) int {
	off := -1
	Walk(n, func(c ast.Node) ast.WalkStatus {
		switch c := c.(type) {
		case *ast.Text:
			off = c.Segment.Start
		case *ValueNode:
			off = c.Offset
		default:
			return ast.WalkContinue
		}
		return ast.WalkStop
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
	if c := n.FirstChild(); c != nil {
		// The text is an image or a link of its own with no text,
		// "[![](a.png)](b.md)": the "[" before it.
		if off := linkOffset(c, src); off > 0 && src[off-1] == '[' {
			return off - 1
		}
	}
	// No text: "[](x.md)", "![](photo.jpg)". Its "[]" is the first after
	// the text of the siblings before it, or the block's start.
	lo, hi := siblingsEnd(n, src), len(src)
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			hi = p.Lines().At(p.Lines().Len() - 1).Stop
			break
		}
	}
	marker := []byte("[]")
	if _, ok := n.(*ast.Image); ok {
		marker = []byte("![]")
	}
	if lo <= hi && hi <= len(src) {
		if i := bytes.Index(src[lo:hi], marker); i >= 0 {
			return lo + i
		}
	}
	return lo
}

// siblingsEnd returns the offset just past the text of the inlines before
// n in its block, or the block's start when there is none.
func siblingsEnd(n ast.Node, src []byte) int {
	for p := n.PreviousSibling(); p != nil; p = p.PreviousSibling() {
		if end := textEnd(p); end >= 0 {
			return end
		}
		switch p.(type) {
		case *ast.Image, *ast.Link:
			return linkOffset(p, src) + 1
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// addressValueMsg is the error at a "{{" in the address of a link or
// image.
const addressValueMsg = "{{ in a link's address: a value is shown in the text, never read in an address; write the address in full (a value may go in the link's text)"

// titleValueMsg is the error at a "{{" in the title of a link or image.
const titleValueMsg = "{{ in a link's title: a value is shown in the text, never read in a title; write the title as text (a value may go in the link's text)"

// textEnd returns the offset just past the last text in n, or -1 when n
// holds none.
func textEnd(n ast.Node) int {
	end := -1
	Walk(n, func(c ast.Node) ast.WalkStatus {
		switch c := c.(type) {
		case *ast.Text:
			end = c.Segment.Stop
		case *ast.RawHTML:
			if c.Segments.Len() > 0 {
				end = c.Segments.At(c.Segments.Len() - 1).Stop
			}
		case *ValueNode:
			end = c.End
		}
		return ast.WalkContinue
	})
	return end
}

// dangerous reports whether the HTML renderer would drop dest: a
// javascript:, vbscript: or file: address, or data: other than an image
// in an image.
func dangerous(dest []byte, image bool) bool {
	if !html.IsDangerousURL(dest) {
		return false
	}
	return !image || !bytes.HasPrefix(bytes.ToLower(dest), []byte("data:image/"))
}
