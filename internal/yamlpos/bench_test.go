package yamlpos

import (
	"fmt"
	"testing"
)

// BenchmarkTOMLTree measures finding where the keys and values of 1,000
// TOML front matters are written, each with numbers of its own.
func BenchmarkTOMLTree(b *testing.B) {
	texts := make([][]byte, 1000)
	for i := range texts {
		texts[i] = fmt.Appendf(nil, "title = \"Article %d\"\ndate = 2025-01-%02d\ntags = [\"a\", \"b\"]\n"+
			"[data.losses]\nunit = \"people\"\nseries = [\n  { date = 2025-01-01, value = %d.50 },\n"+
			"  { date = 2025-02-01, value = %d.25, label = \"{x}\" },\n]\n"+
			"projection = { rate = 0.%02d, per = \"day\", limit = 10_000 }\n",
			i, i%28+1, i, i+40, i%100)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range texts {
			if New("a.md", src, 2).TOMLTree() == nil {
				b.Fatal("no tree")
			}
		}
	}
}
