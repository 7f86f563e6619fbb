package markdown

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
)

// BenchmarkConvert measures the Markdown of the example site's longest
// article: goldmark's parse and render with plotline's values, links,
// heading anchors and highlighting, resolved by the fuzz target's fakes;
// the chart is a stand-in, measured in internal/chart.
func BenchmarkConvert(b *testing.B) {
	const name = "content/articles/north-korean-troops-kursk.md"
	src, err := os.ReadFile("../../" + name)
	if err != nil {
		b.Fatal(err)
	}
	var parsed diag.List
	body := content.Parse(name, src, &parsed).BodyOffset
	c := New(Options{})
	b.ReportAllocs()
	b.SetBytes(int64(len(src) - body))
	for b.Loop() {
		var diags diag.List
		p := &Page{Path: name, Source: src, BodyOffset: body, Values: fuzzValues{}, Charts: fuzzCharts{}, Links: fuzzLinks{}}
		if _, err := c.Convert(p, &diags); err != nil || diags.HasErrors() {
			b.Fatal(err, diags)
		}
	}
}

// bigCharts writes figures the size of real ones: a static SVG and an
// option script of 10 KB each.
type bigCharts struct{}

var (
	bigSVG    = strings.Repeat("<path d=\"M0 0L1 1\"/>", 500)
	bigOption = strings.Repeat(`{"x":[1,2,3]},`, 700)
)

func (bigCharts) RenderChart(w io.Writer, _ []byte, _ diag.Pos, ordinal int, _ *diag.List) error {
	_, err := fmt.Fprintf(w, "<figure id=\"c%d\"><svg>%s</svg>\n<script type=\"application/json\">%s</script></figure>", ordinal, bigSVG, bigOption)
	return err
}

func (bigCharts) RenderFeedChart(w io.Writer, ordinal int, diags *diag.List) error {
	_, err := fmt.Fprintf(w, "<figure id=\"c%d\"><svg>%s</svg>\n</figure>", ordinal, bigSVG)
	return err
}

// BenchmarkManyCharts converts an article of 1,000 charts, with the
// feed's HTML: the page is parsed once and rendered twice.
func BenchmarkManyCharts(b *testing.B) {
	var src strings.Builder
	src.WriteString("---\ntitle: Many\n---\n")
	body := src.Len()
	for i := range 1000 {
		fmt.Fprintf(&src, "Paragraph %d about the data, long enough to be prose.\n\n```chart\ndata: losses\n```\n\n", i)
	}
	c := New(Options{})
	b.ReportAllocs()
	b.SetBytes(int64(src.Len() - body))
	for b.Loop() {
		var diags diag.List
		p := &Page{Path: "content/many.md", Source: []byte(src.String()), BodyOffset: body, Charts: bigCharts{}, Feed: true}
		res, err := c.Convert(p, &diags)
		if err != nil || len(diags) > 0 || res.Charts != 1000 || bytes.Contains(res.FeedHTML, []byte("<script")) {
			b.Fatal(err, diags, res.Charts)
		}
	}
}

// BenchmarkTooDeep measures the pre-scan that refuses Markdown goldmark
// would take seconds on (TooDeep), over the body of the example site's
// longest article: it runs on every page of every build.
func BenchmarkTooDeep(b *testing.B) {
	const name = "content/articles/north-korean-troops-kursk.md"
	src, err := os.ReadFile("../../" + name)
	if err != nil {
		b.Fatal(err)
	}
	var parsed diag.List
	body := src[content.Parse(name, src, &parsed).BodyOffset:]
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, msg, bad := TooDeep(body); bad {
			b.Fatal(msg)
		}
	}
}

// BenchmarkTypeset typesets a headline with an apostrophe, as a build
// typesets each headline, dek and chart title that holds a quote, a dash
// or a dot.
func BenchmarkTypeset(b *testing.B) {
	c := New(Options{})
	b.ReportAllocs()
	for b.Loop() {
		c.Typeset("At the current rate, North Korea's force in Kursk would be spent by spring")
	}
}
