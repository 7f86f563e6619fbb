// Package markdown converts an article's Markdown body to HTML with goldmark:
// GitHub-flavoured Markdown, footnotes, definition lists, typographic quotes,
// heading attributes, syntax highlighting with CSS classes, and plotline's
// extensions, each a goldmark.Extender of its own: Values ({{ block.field |
// format }} places a computed value), Charts (a fenced ```chart block places a
// chart, drawn when the page is rendered), Links (links into the site are
// checked and rewritten), Anchors (heading IDs and their "#" links), Prose
// (the text a reader reads is checked), HTML (comments never published, raw
// HTML only when allowed, <!--more--> ends the summary), Templates (Liquid
// tags and Hugo shortcodes are errors that say what to write instead),
// Alerts (GitHub's > [!NOTE] callouts) and Footnotes (the footnotes get a
// heading, and their links back to the text a name, for screen readers).
//
// It does not know what a chart or a value is: the caller supplies a
// ChartRenderer, a ValueResolver and a LinkResolver, and every problem they
// report comes back as a diagnostic at its path:line:col in the article's
// file. Per-page state lives in goldmark's parser.Context, so one Converter
// serves many pages at once.
package markdown

import (
	"bytes"
	"cmp"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/highlight"
)

// ValueResolver turns the expression of a {{ … }} reference, such as
// "losses.crossing | approx", found at pos between the text before it
// (the words "within" or "more than" make a count a bound) and the text
// after it on its line ("or more", "%"), into the text to show. An
// error is reported at pos; an empty text with no error shows nothing
// and reports nothing (for a value whose problem is reported elsewhere).
// A warning, when not empty, is reported at pos and the text shown.
type ValueResolver interface {
	ResolveValue(expr, before, after string, pos diag.Pos) (text, warning string, err error)
}

// ChartRenderer draws the charts of a page, when the page is rendered.
//
// RenderChart writes the HTML of the chart described by the YAML body of a
// ```chart block. bodyPos is where the body starts in the file (for
// diagnostics) and ordinal counts the page's charts from 1, in the order
// they appear on the rendered page; RenderChart is called once for each,
// in that order.
//
// RenderFeedChart is called only when the caller asks for the feed's HTML
// (Page.Feed), after every RenderChart of the page: it writes the chart
// that RenderChart drew as ordinal again, as a feed reader should see it,
// with no script, and reports its problems to diags as RenderChart does.
// It is not called for a chart whose RenderChart failed.
type ChartRenderer interface {
	RenderChart(w io.Writer, body []byte, bodyPos diag.Pos, ordinal int, diags *diag.List) error
	RenderFeedChart(w io.Writer, ordinal int, diags *diag.List) error
}

// TextChecker looks at the text a reader reads: each run of prose outside
// code, values, raw HTML and URLs, with the position of each byte offset.
// It reports what it finds to diags.
type TextChecker interface {
	CheckText(text string, at func(off int) diag.Pos, diags *diag.List)
}

// ChartPlanner is implemented by a ChartRenderer that needs to see every
// chart of a page before it draws the first: to name each chart's files
// by how many charts of the page show the same data, say. PlanCharts is
// called once per page that has charts, before any RenderChart, with the
// bodies of its ```chart blocks in order; RenderChart's ordinal k is the
// k-th of them.
type ChartPlanner interface {
	PlanCharts(bodies [][]byte)
}

// LinkResolver checks the destination of a Markdown link or image that
// points into the site, found at pos, as written (with its backslash
// escapes, entities and percent-encoding), and returns the URL to write
// in its place. A fragment of the page itself ("#sources") is passed too;
// destinations with a scheme ("https:", "mailto:") or a host ("//x") are
// not.
type LinkResolver interface {
	ResolveLink(dest string, pos diag.Pos) (string, error)
}

// Options configure a Converter.
type Options struct {
	// UnsafeHTML lets raw HTML in Markdown through. By default it is left
	// out of the page, with one warning per page that says how to allow
	// it. HTML comments never reach the page either way.
	UnsafeHTML bool
	// Quotes are the marks straight quotes become, in the site's
	// language; the zero Quotes writes English's.
	Quotes Quotes
	// Straight leaves quotes, dashes and dots as they are typed: no
	// typographer, in the prose or in Typeset.
	Straight bool
}

// Page is one Markdown document to convert.
type Page struct {
	Path       string // the file, for diagnostics
	Source     []byte // the whole file
	BodyOffset int    // where the Markdown body starts in Source
	Values     ValueResolver
	Charts     ChartRenderer
	Links      LinkResolver
	Text       TextChecker // may be nil
	// Out, when set, receives the HTML, and Result.HTML is its contents;
	// a caller converting many pages can reuse one buffer.
	Out *bytes.Buffer
	// Feed asks for the HTML of the page as a feed reader should see it,
	// in Result.FeedHTML: the same parse rendered a second time, with
	// each chart written by ChartRenderer.RenderFeedChart.
	Feed bool
	// Words are the words the extensions write into the page, in the
	// site's language; nil, or an empty one, writes English.
	Words *Words
	// TakenIDs are the ids the page's templates give elements of their
	// own ("main"): no heading is given one, and a heading whose {#id}
	// names one gets a warning, as does an {#id} written twice.
	TakenIDs []string
}

// Words are the words the extensions write into a page: the label of a
// heading's "#" link, the titles of alerts and the label of a footnote's
// link back to the text.
type Words struct {
	HeadingLink                            string // "Link to this section"
	Note, Tip, Important, Warning, Caution string // the alerts' titles
	FootnoteBack                           string // "Back to the text"
	Notes                                  string // the footnotes' heading
	// Zero is the digit zero of the language's numbers, in whose digits
	// footnotes are numbered ('٠' for Arabic-Indic ones); 0 or '0' for
	// 0 to 9.
	Zero rune
}

// alertTitle returns the title of an alert of the type typ ("note"), in
// the words of w, or English.
func (w *Words) alertTitle(typ string) string {
	own := map[string]string{"note": w.Note, "tip": w.Tip, "important": w.Important, "warning": w.Warning, "caution": w.Caution}
	return cmp.Or(own[typ], alertTitles[typ])
}

// pageWords returns the words of the page being converted with pc; empty
// ones, which the extensions write in English, when it has none.
func pageWords(pc parser.Context) *Words {
	if s := pageOf(pc); s != nil && s.page.Words != nil {
		return s.page.Words
	}
	return &Words{}
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
	FeedHTML []byte    // only when Page.Feed is set
	Headings []Heading // h2 and h3, in order
	Charts   int       // number of charts placed
	Words    int       // words of prose, for the reading time
	// Anchors are the places of the page's raw HTML a fragment scrolls
	// to, sorted, each once: the ids of its elements however they are
	// quoted, and the names of its <a>s. The HTML goldmark writes quotes
	// every id with double quotes.
	Anchors []string
	// Summary is the plain text before a <!--more--> line, with values
	// resolved and paragraphs separated by a blank line; empty when the
	// page has no such line.
	Summary string
}

// Converter converts Markdown pages. It is safe for concurrent use; reuse
// one for a whole build.
type Converter struct {
	md   goldmark.Markdown
	feed renderer.Renderer // renders charts for a feed reader
	// typesetter reads the plain text that Typeset gives typographic
	// marks; nil with Options.Straight.
	typesetter parser.Parser
}

// New returns a Converter with every extension.
func New(opts Options) *Converter {
	return newConverter(opts, func(feed bool) []goldmark.Extender {
		return []goldmark.Extender{
			&Templates{}, &Values{}, &Charts{Feed: feed}, &Links{Unsafe: opts.UnsafeHTML}, &Prose{},
			&HTML{Unsafe: opts.UnsafeHTML}, &Anchors{Feed: feed}, &Alerts{}, &Math{}, &Footnotes{},
		}
	})
}

// newConverter returns a Converter with the house Markdown and the
// extensions exts returns, for the page (feed false) or the feed.
func newConverter(opts Options, exts func(feed bool) []goldmark.Extender) *Converter {
	build := func(feed bool) goldmark.Markdown {
		htmlOpts := []renderer.Option{}
		if opts.UnsafeHTML {
			htmlOpts = append(htmlOpts, html.WithUnsafe())
		}
		base := []goldmark.Extender{
			extension.Linkify, gfmTable{}, extension.Strikethrough, extension.TaskList, extension.Footnote, extension.DefinitionList,
		}
		if !opts.Straight {
			base = append(base, extension.NewTypographer(opts.Quotes.typographerOptions()...))
		}
		return goldmark.New(
			goldmark.WithExtensions(append(base, exts(feed)...)...),
			goldmark.WithParserOptions(parser.WithAttribute()),
			goldmark.WithRendererOptions(append(htmlOpts, renderer.WithNodeRenderers(
				util.Prioritized(&codeRenderer{highlighter: highlight.New()}, 100),
			))...),
		)
	}
	c := &Converter{md: build(false), feed: build(true).Renderer()}
	if !opts.Straight {
		c.typesetter = newTypesetter(opts.Quotes)
	}
	return c
}

// pageKey holds the *pageState of the document being converted.
var pageKey = parser.NewContextKey()

// pageState is what every extension knows of the page being converted.
type pageState struct {
	page  *Page
	diags *diag.List
	at    diag.Cursor // the places of the file
	// anchors are the ids of the page's raw HTML, and the names of its
	// <a>s (see Result.Anchors).
	anchors []string
	// reported counts the problems the extensions reported; past
	// maxReported they are counted and not listed.
	reported int
	charts   int      // the charts the Charts extension placed
	more     ast.Node // the node of the first <!--more-->, or nil
}

// maxReported is how many problems the extensions list for one page, as
// many as of any file: a file of a million "{{" has a million, and
// listing them would take gigabytes. They are counted as they come, not
// bounded after (diag.List.Bound), so that those past it cost nothing.
const maxReported = diag.MaxListed

// errorf reports an error at an offset in the body.
func (s *pageState) errorf(off int, format string, args ...any) {
	s.report(diag.Error, off, format, args...)
}

// warnf reports a warning at an offset in the body.
func (s *pageState) warnf(off int, format string, args ...any) {
	s.report(diag.Warning, off, format, args...)
}

func (s *pageState) report(sev diag.Severity, off int, format string, args ...any) {
	s.reported++
	switch {
	case s.reported > maxReported+1:
		return
	case s.reported == maxReported+1:
		s.diags.Add(diag.Unlisted(s.pos(off), maxReported, "this file's Markdown", diag.Error))
	case sev == diag.Warning:
		s.diags.Warnf(s.pos(off), format, args...)
	default:
		s.diags.Errorf(s.pos(off), format, args...)
	}
}

// pageOf returns the page being converted with pc, or nil when pc was not
// made by Convert (goldmark used on its own), and the extensions then
// leave the document alone.
func pageOf(pc parser.Context) *pageState {
	s, _ := pc.Get(pageKey).(*pageState)
	return s
}

// pos returns the position in the file of an offset in the body.
// Extensions ask for positions mostly in the order of the text, so each
// is counted on from the one before (diag.Cursor): a page of 100,000
// values is read once, not once per value.
func (s *pageState) pos(bodyOff int) diag.Pos {
	return s.at.At(s.page.BodyOffset + bodyOff)
}

// Convert converts p's body. Problems go to diags; the HTML is returned
// even when there were some.
func (c *Converter) Convert(p *Page, diags *diag.List) (Result, error) {
	body := p.Source[p.BodyOffset:]
	if off, msg, ok := TooDeep(body); ok {
		diags.Errorf(diag.At(p.Path, p.Source, p.BodyOffset+off), "%s", msg)
		return Result{}, nil
	}
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	pc.Set(pageKey, &pageState{page: p, diags: diags, at: diag.Cursor{Path: p.Path, Src: p.Source}})
	doc := c.md.Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	buf := p.Out
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Grow(len(body) * 3 / 2)
	if err := c.md.Renderer().Render(directWriter{buf}, body, doc); err != nil {
		return Result{}, err
	}
	state := pageOf(pc)
	slices.Sort(state.anchors)
	res := Result{HTML: buf.Bytes(), Charts: state.charts, Anchors: slices.Compact(state.anchors)}
	if p.Feed {
		feed := new(bytes.Buffer)
		feed.Grow(buf.Len())
		if err := c.feed.Render(directWriter{feed}, body, doc); err != nil {
			return Result{}, err
		}
		res.FeedHTML = feed.Bytes()
	}
	res.Headings, res.Words, res.Summary = outline(doc, body, state.more)
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

// Walk calls f for n and each node under it, in document order, as
// ast.Walk enters them; what f returns steers the walk as in ast.Walk.
func Walk(n ast.Node, f func(n ast.Node) ast.WalkStatus) {
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		return f(n), nil
	})
}

// outline collects the h2 and h3 headings of doc, counts its words and
// returns the text before brk, the summary break (none when nil).
func outline(doc ast.Node, src []byte, brk ast.Node) ([]Heading, int, string) {
	var hs []Heading
	words := 0
	inWord := false // a word may run over several text nodes: "three" and "."
	var summary strings.Builder
	summarizing := brk != nil
	Walk(doc, func(n ast.Node) ast.WalkStatus {
		if n.Type() == ast.TypeBlock {
			inWord = false
		}
		if n == brk {
			summarizing = false
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 2 || n.Level == 3 {
				id, _ := n.AttributeString("id")
				idb, _ := id.([]byte)
				hs = append(hs, Heading{Level: n.Level, ID: string(idb), Text: inlineText(n, src, false)})
			}
		case *ast.Text:
			words, inWord = countWords(n.Segment.Value(src), words, inWord)
			if n.SoftLineBreak() || n.HardLineBreak() {
				inWord = false
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			return ast.WalkSkipChildren
		}
		if summarizing && n.Type() == ast.TypeBlock && isTextBlock(n) {
			if t := summaryText(n, src, brk); t != "" {
				if summary.Len() > 0 {
					summary.WriteString("\n\n")
				}
				summary.WriteString(t)
			}
		}
		return ast.WalkContinue
	})
	return hs, words, summary.String()
}

// isTextBlock reports whether n is a block whose children are inline text:
// a paragraph, a heading, the text of a tight list item, a definition
// term.
func isTextBlock(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindParagraph, ast.KindHeading, ast.KindTextBlock, east.KindDefinitionTerm:
		return true
	}
	return false
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

// gfmTable is GitHub's tables, as extension.Table adds them, with the
// rows split by tableCells so that a | inside {{ … }} stays in its cell,
// and each table in a <div class="table-scroll">, the box a table wider
// than the column scrolls in, so that the page itself never scrolls
// sideways.
type gfmTable struct{}

func (gfmTable) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithParagraphTransformers(util.Prioritized(tableCells{extension.NewTableParagraphTransformer()}, 200)),
		parser.WithASTTransformers(util.Prioritized(extension.NewTableASTTransformer(), 0)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(scrollTables{extension.NewTableHTMLRenderer()}, 500)))
}

// scrollTables is a table renderer whose tables are each written inside a
// <div class="table-scroll">.
type scrollTables struct{ renderer.NodeRenderer }

func (r scrollTables) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	r.NodeRenderer.RegisterFuncs(scrollTableFuncs{reg})
}

// scrollTableFuncs passes the functions of a table renderer on to reg,
// the one of the table itself wrapped in the <div>.
type scrollTableFuncs struct {
	reg renderer.NodeRendererFuncRegisterer
}

func (f scrollTableFuncs) Register(kind ast.NodeKind, fn renderer.NodeRendererFunc) {
	if kind == east.KindTable {
		table := fn
		fn = func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering {
				_, _ = w.WriteString("<div class=\"table-scroll\">\n")
			}
			status, err := table(w, source, n, entering)
			if !entering && err == nil {
				_, _ = w.WriteString("</div>\n")
			}
			return status, err
		}
	}
	f.reg.Register(kind, fn)
}
