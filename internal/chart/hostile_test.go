package chart

import (
	"testing"

	"github.com/plotline/plotline/internal/diag"
)

// TestParseSpecPositions checks positions in chart blocks written in
// unusual ways: a carriage return alone, a byte-order mark, bytes that are
// not UTF-8 (which the YAML decoder would otherwise read as UTF-16).
func TestParseSpecPositions(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"carriage return alone", "data: losses\rheight: tall\r\ntype: pie\n",
			`content/a.md:20:22: chart: height must be a whole number of pixels, got "tall"` + "\n" +
				`content/a.md:21:7: chart: unknown type "pie" (want projection, line or bar)`},
		{"byte-order mark", "\ufeffdata: {a: 1}\n", "content/a.md:20:8: chart: data must name a data block or list data blocks, got a mapping"},
		{"UTF-16 byte-order mark", "\xfe\xff\xfe\xff (0000", "content/a.md:20:1: chart: the block is not valid UTF-8"},
		{"not UTF-8", "data: caf\xe9\n", "content/a.md:20:1: chart: the block is not valid UTF-8"},
	} {
		var diags diag.List
		ParseSpec("content/a.md", []byte(tc.src), 20, &diags)
		diags.Sort()
		if got := diags.Error(); got != tc.want {
			t.Errorf("%s: diagnostics:\n%s\nwant:\n%s", tc.name, got, tc.want)
		}
	}
}
