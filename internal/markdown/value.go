package markdown

import (
	"bytes"
	"html"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Values is the extension for {{ expression }} references: it parses them
// into ValueNodes, resolves them with the page's ValueResolver once the
// document is parsed, and renders each as a <span class="pl-value">.
type Values struct{}

// Extend implements goldmark.Extender.
func (*Values) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(valueParser{}, 50)),
		parser.WithASTTransformers(util.Prioritized(valueTransformer{}, 100)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(valueRenderer{}, 100)))
}

// valueKey holds the *valueState of the document being parsed.
var valueKey = parser.NewContextKey()

// valueState remembers, for the line being parsed, where its last "}}"
// is: a "{{" after it is unclosed without searching the rest of the line
// again, so a line of a million "{{" is read once.
type valueState struct {
	lineEnd   int // body offset where the line lastClose belongs to ends
	lastClose int // body offset of the line's last "}}", or -1
}

// valueParser parses {{ expression }} into a ValueNode. It triggers on '{'
// and checks for the second brace itself, so heading attributes ({#id})
// are left alone, and it consumes the whole reference at once so emphasis
// and the typographer never see its inside. "{{" with no "}}" after it on
// its line becomes an unclosed ValueNode, reported as an error: braces
// meant as braces are written \{{.
type valueParser struct{}

func (valueParser) Trigger() []byte { return []byte{'{'} }

func (valueParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("{{")) {
		return nil
	}
	// PeekLine gives the rest of the line, so seg.Stop names the line.
	st, _ := pc.Get(valueKey).(*valueState)
	if st == nil {
		st = &valueState{lineEnd: -1}
		pc.Set(valueKey, st)
	}
	if st.lineEnd != seg.Stop {
		st.lineEnd = seg.Stop
		st.lastClose = -1
		if i := bytes.LastIndex(line, []byte("}}")); i >= 0 {
			st.lastClose = seg.Start + i
		}
	}
	end := -1
	if st.lastClose >= seg.Start+2 {
		end = bytes.Index(line[2:], []byte("}}"))
	}
	if end < 0 {
		// Never shown as it is: the writer meant a value, or \{{. The
		// rest of the line goes with it, one error however many "{{" it
		// holds.
		rest := len(bytes.TrimRight(line, "\r\n"))
		block.Advance(rest)
		return &ValueNode{Offset: seg.Start, End: seg.Start + rest, Unclosed: true}
	}
	// In a table cell a pipe must be written "\|", as in GFM code spans.
	expr := bytes.TrimSpace(bytes.ReplaceAll(line[2:2+end], []byte(`\|`), []byte("|")))
	n := &ValueNode{Expr: string(expr), Offset: seg.Start, End: seg.Start + 2 + end + 2}
	block.Advance(2 + end + 2)
	return n
}

// liquidObjects are the variables Jekyll's Liquid gives a page, which a
// writer bringing posts from Jekyll may have left in {{ … }}.
var liquidObjects = []string{"site", "page", "layout", "content", "paginator", "jekyll", "include"}

// liquidObject returns the Liquid variable expr starts with, if any.
func liquidObject(expr string) string {
	for _, o := range liquidObjects {
		if rest, ok := strings.CutPrefix(expr, o); ok && (rest == "" || strings.ContainsRune(". |[", rune(rest[0]))) {
			return o
		}
	}
	return ""
}

// foreignHint returns what a {{ }} that fails to resolve looks like when
// it is another site generator's, to follow its error: a Liquid output
// tag ({{ page.title }}) or a Hugo template action ({{ .Title }},
// {{ $x }}), which plotline runs in no content file. It is "" otherwise.
func foreignHint(expr string) string {
	if o := liquidObject(expr); o != "" {
		return "; this looks like a Liquid (Jekyll) output tag, and plotline has no " + o + " variable: {{ }} shows a value of this page's data blocks, so write the text itself"
	}
	if strings.HasPrefix(expr, ".") || strings.HasPrefix(expr, "$") {
		return "; this looks like a Hugo template action, which plotline does not run in content: {{ }} shows a value of this page's data blocks, so write the text itself"
	}
	return ""
}

// inAddresses reports, for each of the offsets of "{{" in src, whether
// it is in what a writer meant as a link's address, "[text](/path/{{ … }})",
// which spaces in the address kept from being read as a link: after a
// "](" on its line, with no space, tab or ")" between. It reads src once,
// in the order of the offsets: each value read its line back to its
// start, so that a paragraph of 40,000 values on one line, 760 KB, took
// 30 s.
func inAddresses(src []byte, offsets []int) []bool {
	order := make([]int, len(offsets))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })
	out := make([]bool, len(offsets))
	open, gap := -1, -1 // on the current line: just after the last "](", and the last space, tab or ")"
	at := 0
	for _, i := range order {
		for ; at < offsets[i] && at < len(src); at++ {
			switch src[at] {
			case '\n':
				open, gap = -1, -1
			case ' ', '\t', ')':
				gap = at
			case '(':
				if at > 0 && src[at-1] == ']' {
					open = at + 1
				}
			}
		}
		out[i] = open >= 0 && gap < open
	}
	return out
}

// maxBefore is how many bytes before a value its resolver is shown: room
// for the few words that make it a bound, "dans moins de"; data's bound
// reads as many (data.maxBefore) in titles and descriptions.
const maxBefore = 48

// valueTransformer resolves the page's values, then fits them where
// goldmark's renderer would not see them: the alt text of an image, which
// goldmark writes from the text nodes under the image only.
type valueTransformer struct{}

func (valueTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	state := pageOf(pc)
	if state == nil {
		return
	}
	var values []*ValueNode
	Walk(doc, func(n ast.Node) ast.WalkStatus {
		if v, ok := n.(*ValueNode); ok {
			values = append(values, v)
		}
		return ast.WalkContinue
	})
	src := reader.Source()
	offsets := make([]int, len(values))
	for i, v := range values {
		offsets[i] = v.Offset
	}
	inAddress := inAddresses(src, offsets)
	for i, v := range values {
		if inAddress[i] {
			state.errorf(v.Offset, "%s", addressValueMsg)
			continue
		}
		if v.Unclosed {
			state.errorf(v.Offset, "unclosed {{: end the value with }} on the same line, or write \\{{ for two braces")
			continue
		}
		if state.page.Values == nil {
			state.errorf(v.Offset, "{{ %s }}: this page has no data blocks%s", v.Expr, foreignHint(v.Expr))
			continue
		}
		if state.reported > maxReported {
			// The page has failed, and its values are not shown: checking
			// one may take milliseconds (a claim no phrase reads), and an
			// article may hold 300,000.
			continue
		}
		// The last words before the value on its line, not the line: a
		// line of 40,000 values is read once.
		before := src[max(0, v.Offset-maxBefore):v.Offset]
		words := string(before[bytes.LastIndexByte(before, '\n')+1:])
		if lineStart := v.Offset - len(words); len(words) < maxBefore && lineStart > 0 && laterLineOf(v, lineStart) {
			// A line of a paragraph goes on from the words that end the
			// line before, as the page prints them: "more\nthan {{
			// b.last.value | comma }}".
			prev := src[max(0, lineStart-1-maxBefore+len(words)) : lineStart-1]
			words = string(bytes.TrimRight(prev[bytes.LastIndexByte(prev, '\n')+1:], " \t\\")) + " " + words
		}
		after := src[v.End:min(len(src), v.End+maxBefore)]
		if i := bytes.IndexByte(after, '\n'); i >= 0 {
			if end := v.End + i; strings.TrimSpace(string(after[:i])) == "" && laterLineOf(v, end+1) {
				// "{{ k | comma }}\nor more": the line after, of the
				// same paragraph.
				next := src[end+1 : min(len(src), end+1+maxBefore)]
				if j := bytes.IndexByte(next, '\n'); j >= 0 {
					next = next[:j]
				}
				after = append([]byte(" "), bytes.TrimLeft(next, " \t>")...)
			} else {
				after = after[:i]
			}
		}
		s, warning, err := state.page.Values.ResolveValue(v.Expr, words, string(after), state.pos(v.Offset))
		if err != nil {
			state.errorf(v.Offset, "{{ %s }}: %v%s", v.Expr, err, foreignHint(v.Expr))
			continue
		}
		if warning != "" {
			state.warnf(v.Offset, "{{ %s }}: %s", v.Expr, warning)
		}
		v.Resolved = s
	}
	for _, v := range values {
		parent := v.Parent()
		for p := parent; p != nil; p = p.Parent() {
			if _, ok := p.(*ast.Image); ok {
				s := ast.NewString([]byte(v.Resolved))
				s.SetRaw(true) // escaped for HTML, with no Markdown escapes undone
				parent.ReplaceChild(parent, v, s)
				break
			}
		}
	}
}

// laterLineOf reports whether the line starting at lineStart is a later
// line of the paragraph that holds v, not its first.
func laterLineOf(v *ValueNode, lineStart int) bool {
	for p := v.Parent(); p != nil; p = p.Parent() {
		switch p.Kind() {
		case ast.KindParagraph, ast.KindTextBlock:
			lines := p.Lines()
			return lines.Len() > 0 && lines.At(0).Start < lineStart && lineStart <= lines.At(lines.Len()-1).Start
		}
	}
	return false
}

// valueRenderer renders ValueNodes.
type valueRenderer struct{}

func (valueRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindValue, renderValue)
}

func renderValue(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ValueNode)
	if n.Unclosed {
		return ast.WalkSkipChildren, nil // an error: the page is not published
	}
	if strings.HasPrefix(n.Expr, `"`) || strings.HasPrefix(n.Expr, "'") {
		// {{ "13 January" }}: words the writer typed, shown as typed.
		w.WriteString(html.EscapeString(n.Resolved))
		return ast.WalkSkipChildren, nil
	}
	w.WriteString(`<span class="pl-value" data-ref="`)
	w.WriteString(html.EscapeString(n.Expr))
	w.WriteString(`">`)
	w.WriteString(html.EscapeString(n.Resolved))
	w.WriteString(`</span>`)
	return ast.WalkSkipChildren, nil
}

// tableKey holds the masked copy of the source that tableCells made for
// the document being parsed.
var tableKey = parser.NewContextKey()

// tableCells keeps a | inside {{ … }} in its table cell. GFM splits a
// table row at every | that is not escaped, before inline parsing, so
// the | of {{ x | comma }} would end the cell. For a paragraph that holds
// both, the table's own paragraph transformer reads a copy of the source
// in which those bars are hidden; the cells it makes are places in the
// source, which inline parsing then reads as written. The copy is made
// once a page: each paragraph masks only its own lines.
type tableCells struct {
	table parser.ParagraphTransformer
}

func (t tableCells) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	masked, _ := pc.Get(tableKey).([]byte)
	hidden := false
	lines := node.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := seg.Value(src)
		if !bytes.Contains(line, []byte("{{")) || bytes.IndexByte(line, '|') < 0 {
			continue
		}
		for off := 0; ; {
			open := bytes.Index(line[off:], []byte("{{"))
			if open < 0 {
				break
			}
			open += off
			end := bytes.Index(line[open+2:], []byte("}}"))
			if end < 0 {
				break
			}
			end += open + 2
			if open == 0 || line[open-1] != '\\' {
				for j := open + 2; j < end; j++ {
					if line[j] == '|' {
						if masked == nil {
							masked = bytes.Clone(src)
							pc.Set(tableKey, masked)
						}
						masked[seg.Start+j] = ' '
						hidden = true
					}
				}
			}
			off = end + 2
		}
	}
	if !hidden {
		t.table.Transform(node, reader, pc)
		return
	}
	t.table.Transform(node, text.NewReader(masked), pc)
}
