package markdown

import (
	"os"
	"testing"

	"github.com/plotline/plotline/internal/diag"
)

// anyValues resolves every reference to the same number.
type anyValues struct{}

func (anyValues) ResolveValue(string) (string, error) { return "12,000", nil }

// anyLinks accepts every link as it is.
type anyLinks struct{}

func (anyLinks) ResolveLink(dest string) (string, error) { return dest, nil }

// BenchmarkConvert measures the Markdown of the example site's longest
// article: goldmark's parse and render with plotline's values, links,
// heading anchors and highlighting; the chart is a stand-in, measured in
// internal/chart.
func BenchmarkConvert(b *testing.B) {
	src, err := os.ReadFile("../../content/articles/north-korean-troops-kursk.md")
	if err != nil {
		b.Fatal(err)
	}
	c := New(Options{})
	body := bodyOffset(src)
	b.ReportAllocs()
	b.SetBytes(int64(len(src) - body))
	for b.Loop() {
		var diags diag.List
		p := &Page{Path: "content/a.md", Source: src, BodyOffset: body, Values: anyValues{}, Charts: fakeCharts{}, Links: anyLinks{}}
		if _, err := c.Convert(p, &diags); err != nil || diags.HasErrors() {
			b.Fatal(err, diags)
		}
	}
}

// bodyOffset returns where the body starts after YAML front matter.
func bodyOffset(src []byte) int {
	for i, n := 0, 0; i+4 <= len(src); i++ {
		if string(src[i:i+4]) == "---\n" && (i == 0 || src[i-1] == '\n') {
			n++
			if n == 2 {
				return i + 4
			}
		}
	}
	return 0
}
