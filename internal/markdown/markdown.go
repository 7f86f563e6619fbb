// Package markdown converts an article's Markdown body to HTML with goldmark:
// GitHub-flavoured Markdown, footnotes, typographic quotes, heading IDs and
// anchors, syntax highlighting with CSS classes, and plotline's two
// extensions — a fenced ```chart block that places a chart, and
// {{ block.field | format }} that places a computed value. It does not know
// what a chart or a value is: the caller supplies a ChartRenderer, a
// ValueResolver and a LinkResolver, and every problem they report comes back
// as a diagnostic at its path:line:col in the article's file.
package markdown

import (
	"bytes"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/highlight"
)

// ValueResolver turns the expression of a {{ … }} reference, such as
// "losses.crossing | approx", into the text to show.
type ValueResolver interface {
	ResolveValue(expr string) (string, error)
}

// ChartRenderer writes the HTML of the chart described by the YAML body of
// a ```chart block. bodyPos is where the body starts in the file (for
// diagnostics) and ordinal counts the page's charts from 1.
type ChartRenderer interface {
	RenderChart(w io.Writer, body []byte, bodyPos diag.Pos, ordinal int, diags *diag.List) error
}

// LinkResolver checks the destination of a Markdown link or image that
// points into the site and returns the URL to write in its place.
// Destinations with a scheme ("https:", "mailto:") and fragments ("#x") are
// never passed to it.
type LinkResolver interface {
	ResolveLink(dest string) (string, error)
}

// Options configure a Converter.
type Options struct {
	// UnsafeHTML lets raw HTML in Markdown through. By default it is escaped
	// and shown as text.
	UnsafeHTML bool
}

// Page is one Markdown document to convert.
type Page struct {
	Path       string // the file, for diagnostics
	Source     []byte // the whole file
	BodyOffset int    // where the Markdown body starts in Source
	Values     ValueResolver
	Charts     ChartRenderer
	Links      LinkResolver
	// Out, when set, receives the HTML, and Result.HTML is its contents;
	// a caller converting many pages can reuse one buffer.
	Out *bytes.Buffer
}

// Heading is a section heading, for a table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Result is what Convert produces.
type Result struct {
	HTML     []byte
	Headings []Heading // h2 and h3, in order
	Charts   int       // number of charts placed
	Words    int       // words of prose, for the reading time
}

// Converter converts Markdown pages. It is safe for concurrent use; reuse
// one for a whole build.
type Converter struct {
	md goldmark.Markdown
	// chartBuffers hold the charts' HTML from the transform, where they
	// are drawn, to the render, where they are copied into the page.
	chartBuffers sync.Pool
}

// pageKey holds the *pageState of the document being converted.
var pageKey = parser.NewContextKey()

// pageState is the per-document state the extensions share.
type pageState struct {
	page       *Page
	diags      *diag.List
	charts     int
	chartBytes int // size of the charts' HTML, to size the output
	buffers    *sync.Pool
	used       []*bytes.Buffer // taken from buffers, given back after the render
}

// chartBuffer returns an empty buffer for a chart's HTML, which stays
// valid until the page is rendered.
func (s *pageState) chartBuffer() *bytes.Buffer {
	b, ok := s.buffers.Get().(*bytes.Buffer)
	if !ok {
		b = new(bytes.Buffer)
	}
	b.Reset()
	s.used = append(s.used, b)
	return b
}

func (s *pageState) pos(bodyOff int) diag.Pos {
	return diag.At(s.page.Path, s.page.Source, s.page.BodyOffset+bodyOff)
}

// New returns a Converter.
func New(opts Options) *Converter {
	rendererOpts := []renderer.Option{
		renderer.WithNodeRenderers(
			util.Prioritized(&nodeRenderer{unsafe: opts.UnsafeHTML, highlighter: highlight.New()}, 100),
		),
	}
	htmlOpts := []renderer.Option{}
	if opts.UnsafeHTML {
		htmlOpts = append(htmlOpts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithInlineParsers(util.Prioritized(valueParser{}, 50)),
			parser.WithASTTransformers(util.Prioritized(transformer{}, 100)),
		),
		goldmark.WithRendererOptions(append(htmlOpts, rendererOpts...)...),
	)
	return &Converter{md: md}
}

// Convert converts p's body. Problems go to diags; the HTML is returned
// even when there were some.
func (c *Converter) Convert(p *Page, diags *diag.List) (Result, error) {
	body := p.Source[p.BodyOffset:]
	state := &pageState{page: p, diags: diags, buffers: &c.chartBuffers}
	defer func() {
		for _, b := range state.used {
			if b.Cap() <= 4<<20 { // an outsized chart's buffer is let go
				c.chartBuffers.Put(b)
			}
		}
	}()
	pc := parser.NewContext()
	pc.Set(pageKey, state)
	doc := c.md.Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	buf := p.Out
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Grow(len(body)*3/2 + state.chartBytes)
	if err := c.md.Renderer().Render(directWriter{buf}, body, doc); err != nil {
		return Result{}, err
	}
	res := Result{HTML: buf.Bytes(), Charts: state.charts}
	res.Headings, res.Words = outline(doc, body)
	return res, nil
}

// directWriter lets goldmark's renderer write straight into a
// bytes.Buffer: given a plain io.Writer it would put a bufio.Writer of its
// own in between, allocated for every page and copying every byte once
// more.
type directWriter struct{ *bytes.Buffer }

// Buffered is 0: nothing waits to be flushed.
func (directWriter) Buffered() int { return 0 }

// Flush has nothing to do.
func (directWriter) Flush() error { return nil }

// outline collects the h2 and h3 headings of doc and counts its words.
func outline(doc ast.Node, src []byte) ([]Heading, int) {
	var hs []Heading
	words := 0
	inWord := false // a word may run over several text nodes: "three" and "."
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Type() == ast.TypeBlock {
			inWord = false
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 2 || n.Level == 3 {
				id, _ := n.AttributeString("id")
				idb, _ := id.([]byte)
				hs = append(hs, Heading{Level: n.Level, ID: string(idb), Text: plainText(n, src)})
			}
		case *ast.Text:
			words, inWord = countWords(n.Segment.Value(src), words, inWord)
			if n.SoftLineBreak() || n.HardLineBreak() {
				inWord = false
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return hs, words
}

// notSpace is 1 for the ASCII bytes that are not white space, and 0 for
// the others.
var notSpace = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		if !unicode.IsSpace(rune(c)) {
			t[c] = 1
		}
	}
	return t
}()

// countWords adds the words of b to n; in says whether the text before b
// ended inside a word, and the result whether b does. A word starts
// wherever a character that is not a space follows one that is; for ASCII
// that is counted without a branch, since prose changes between the two
// every few bytes.
func countWords(b []byte, n int, in bool) (int, bool) {
	var prev uint8
	if in {
		prev = 1
	}
	for i := 0; i < len(b); {
		var cur uint8
		if c := b[i]; c < utf8.RuneSelf {
			cur = notSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRune(b[i:])
			if !unicode.IsSpace(r) {
				cur = 1
			}
			i += size
		}
		n += int(cur &^ prev)
		prev = cur
	}
	return n, prev == 1
}

// plainText returns the text of n's inline children.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ValueNode:
			b.WriteString(c.Resolved)
		case *ast.CodeSpan:
			for gc := c.FirstChild(); gc != nil; gc = gc.NextSibling() {
				if t, ok := gc.(*ast.Text); ok {
					b.Write(t.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
