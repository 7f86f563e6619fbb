package markdown

import (
	"os"
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
