package content

import (
	"fmt"
	"os"
	"testing"

	"github.com/plotline/plotline/internal/diag"
)

// BenchmarkParse measures splitting and decoding the front matter of the
// example site's longest article, data blocks and all.
func BenchmarkParse(b *testing.B) {
	const name = "content/articles/north-korean-troops-kursk.md"
	src, err := os.ReadFile("../../" + name)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		var diags diag.List
		if p := Parse(name, src, &diags); p.Broken {
			b.Fatal(diags)
		}
	}
}

// BenchmarkParseTOML measures splitting and decoding 1,000 articles with
// TOML front matter (tables, an array of inline tables, a projection),
// each with numbers of its own, as a site of them would be read.
func BenchmarkParseTOML(b *testing.B) {
	pages := make([][]byte, 1000)
	for i := range pages {
		pages[i] = fmt.Appendf(nil, "+++\ntitle = \"Article %d\"\ndate = 2025-01-%02d\ntags = [\"a\", \"b\"]\n"+
			"[data.losses]\nunit = \"people\"\nseries = [\n  { date = 2025-01-01, value = %d.50 },\n"+
			"  { date = 2025-02-01, value = %d.25, label = \"{x}\" },\n]\n"+
			"projection = { rate = 0.%02d, per = \"day\", limit = 10_000 }\n+++\nBody {{ losses.last.value }}.\n",
			i, i%28+1, i, i+40, i%100)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, src := range pages {
			var diags diag.List
			if p := Parse(fmt.Sprintf("content/articles/a%d.md", i), src, &diags); p.Broken {
				b.Fatal(diags)
			}
		}
	}
}
