package markdown

import (
	"bytes"
	"github.com/plotline/plotline/internal/diag"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Charts is the extension for ```chart blocks: a transformer replaces
// each fenced block whose language is "chart" with a ChartNode, and a node
// renderer asks the page's ChartRenderer to draw it when the page is
// rendered. A fence whose language is one edit away from "chart"
// (```charts, ```chrt, ```Chart) is a warning at the fence.
type Charts struct {
	// Feed renders each chart with ChartRenderer.RenderFeedChart, for a
	// feed reader, instead of RenderChart.
	Feed bool
}

// Extend implements goldmark.Extender.
func (c *Charts) Extend(m goldmark.Markdown) {
	// After the footnotes (999) have moved their definitions to the end, so
	// that the ordinals follow the rendered page.
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(chartTransformer{}, 1000)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(chartRenderer{feed: c.Feed}, 100)))
}

// MaxCharts is how many charts a page may have. Each is drawn as a live
// and a static chart with its table, and written as an SVG file, a CSV
// file and an embed page, about 36 KB and 1 ms in all: 20,000 charts, in
// an article of 440 KB, made 728 MB of output with 1.7 GB of memory, and
// the 8 MB an article may have hold 360,000. The largest of plotline's
// budget sites has 1,000; no article needs a tenth of them.
const MaxCharts = 2000

// chartTransformer replaces ```chart blocks with ChartNodes.
type chartTransformer struct{}

func (chartTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	state := pageOf(pc)
	if state == nil {
		return
	}
	src := reader.Source()
	var charts []*ast.FencedCodeBlock
	Walk(doc, func(n ast.Node) ast.WalkStatus {
		switch n := n.(type) {
		case *ast.FencedCodeBlock:
			lang := "" // no info string: not a chart, nor a slip of one (diag.Slip)
			if n.Info != nil {
				lang = string(n.Language(src))
			}
			switch {
			case lang == "chart" && !fenceClosed(n, src):
				at := fenceStart(n, src)
				fence := strings.Repeat(string(src[at]), 3)
				state.errorf(at, "chart: this %schart block is never closed, so what follows it was read as the chart: end it with %s on a line of its own", fence, fence)
				n.Parent().RemoveChild(n.Parent(), n)
			case lang == "chart":
				charts = append(charts, n)
			default:
				if at := chartFenceIn(n, src); at >= 0 {
					state.warnf(at, "%s", chartInCodeMsg)
				}
			}
			if nearChart(lang) {
				at := fenceStart(n, src)
				fence := strings.Repeat(string(src[at]), 3)
				state.warnf(at, "%s%s is shown as code: did you mean %schart?", fence, lang, fence)
			}
			return ast.WalkSkipChildren
		case *ast.CodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren
		}
		if n.Type() == ast.TypeInline {
			return ast.WalkSkipChildren // charts are blocks
		}
		return ast.WalkContinue
	})
	if len(charts) == 0 {
		return
	}
	if len(charts) > MaxCharts {
		state.errorf(fencePos(charts[MaxCharts], src), "chart: more than %d charts on this page: each is drawn with its table and written as an SVG file, a CSV file and an embed page (this is the first past them): split the article", MaxCharts)
		for _, fb := range charts[MaxCharts:] {
			fb.Parent().RemoveChild(fb.Parent(), fb)
		}
		charts = charts[:MaxCharts]
	}
	bodies := make([][]byte, len(charts))
	for k, fb := range charts {
		bodies[k] = chartBody(fb.Lines(), src)
	}
	if p, ok := state.page.Charts.(ChartPlanner); ok {
		p.PlanCharts(bodies)
	}
	for k, fb := range charts {
		n := &ChartNode{Body: bodies[k], BodyPos: state.pos(fencePos(fb, src)), Ordinal: k + 1, charts: state.page.Charts, diags: state.diags}
		if n.charts == nil {
			state.errorf(fencePos(fb, src), "chart: charts are not available here")
		}
		fb.Parent().ReplaceChild(fb.Parent(), fb, n)
	}
	state.charts = len(charts)
}

// chartBody returns the text of a chart block's lines. In a list item or
// a block quote each line stands after the container's indent or "> ":
// when every line stands as far in, the body keeps that many spaces in
// front of each, so that the columns the chart's YAML reports are the
// file's (YAML reads a mapping indented as a whole as it reads one that
// is not).
func chartBody(lines *text.Segments, src []byte) []byte {
	indent := -1
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if seg.Padding > 0 {
			indent = 0 // a tab stood there
			break
		}
		start := bytes.LastIndexByte(src[:seg.Start], '\n') + 1
		n := utf8.RuneCount(src[start:seg.Start])
		if indent >= 0 && n != indent {
			indent = 0
			break
		}
		indent = n
	}
	var body []byte
	for i := 0; i < lines.Len(); i++ {
		for range indent {
			body = append(body, ' ')
		}
		seg := lines.At(i)
		body = append(body, seg.Value(src)...)
	}
	return body
}

// nearChart reports whether lang, the language of a fence, looks like a
// misspelt "chart": one insertion, deletion, substitution or swap of two
// neighbours away, or "chart" in other capitals, and not a language the
// highlighter knows.
func nearChart(lang string) bool {
	return lang != "chart" && diag.Slip(lang, "chart") && lexers.Get(lang) == nil
}

// fencePos returns the body offset where a fenced block's content starts,
// or, for an empty block, where its fence line ends; fb has an info
// string, as a chart's fence has.
func fencePos(fb *ast.FencedCodeBlock, src []byte) int {
	if fb.Lines().Len() > 0 {
		return fb.Lines().At(0).Start
	}
	if i := bytes.IndexByte(src[fb.Info.Segment.Stop:], '\n'); i >= 0 {
		return fb.Info.Segment.Stop + i + 1
	}
	return fb.Info.Segment.Start
}

// fenceClosed reports whether fb ends with a fence that closes it, not at
// the end of the page or of the list item or block quote that holds it.
func fenceClosed(fb *ast.FencedCodeBlock, src []byte) bool {
	at := fenceStart(fb, src)
	end := fencePos(fb, src)
	if lines := fb.Lines(); lines.Len() > 0 {
		end = lines.At(lines.Len() - 1).Stop
	}
	line := src[min(end, len(src)):]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	line = bytes.TrimLeft(line, " \t>")
	n := run(line, src[at])
	return n >= run(src[at:], src[at]) && isBlank(line[n:])
}

// chartInCodeMsg is the warning at a chart's fence inside a block of code.
const chartInCodeMsg = "a ```chart line inside a code block is shown as code, and the chart is not drawn: is the code block above it left open?"

// chartFenceIn returns the body offset of a line of fb, a block of code,
// that opens a chart with a fence that would close fb ("```chart" in a
// block opened by "```"), or -1: a fence above the chart left open takes
// it for code. A block that shows such a line on purpose is opened by a
// longer fence, or one of the other character.
func chartFenceIn(fb *ast.FencedCodeBlock, src []byte) int {
	lines := fb.Lines()
	if lines.Len() == 0 {
		return -1
	}
	// The fence is the line before the first, after a container's marks.
	start := bytes.LastIndexByte(src[:lines.At(0).Start], '\n')
	if start < 0 {
		return -1
	}
	fence := bytes.TrimLeft(src[bytes.LastIndexByte(src[:start], '\n')+1:start], " \t>")
	if len(fence) == 0 {
		return -1
	}
	c, open := fence[0], run(fence, fence[0])
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := bytes.TrimSpace(seg.Value(src))
		n := run(line, c)
		if n >= open && bytes.Equal(bytes.TrimSpace(line[n:]), []byte("chart")) {
			return seg.Start
		}
	}
	return -1
}

// fenceStart returns the body offset of the first backtick or tilde of the
// fence that opens fb, which has an info string.
func fenceStart(fb *ast.FencedCodeBlock, src []byte) int {
	i := fb.Info.Segment.Start
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	for i > 0 && (src[i-1] == '`' || src[i-1] == '~') {
		i--
	}
	return i
}

// chartRenderer draws ChartNodes with the page's ChartRenderer.
type chartRenderer struct {
	feed bool
}

func (r chartRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindChart, r.render)
}

func (r chartRenderer) render(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ChartNode)
	if n.charts == nil {
		return ast.WalkSkipChildren, nil
	}
	// A chart writes itself fastest into a bytes.Buffer.
	var out io.Writer = w
	if d, ok := w.(directWriter); ok {
		out = d.Buffer
	}
	if r.feed {
		if n.failed {
			return ast.WalkSkipChildren, nil
		}
		if err := n.charts.RenderFeedChart(out, n.Ordinal, n.diags); err != nil {
			return ast.WalkStop, err
		}
	} else if err := n.charts.RenderChart(out, n.Body, n.BodyPos, n.Ordinal, n.diags); err != nil {
		n.diags.Errorf(n.BodyPos, "chart: %v", err)
		n.failed = true
	}
	_ = w.WriteByte('\n')
	return ast.WalkSkipChildren, nil
}
