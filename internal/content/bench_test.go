package content

import (
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
