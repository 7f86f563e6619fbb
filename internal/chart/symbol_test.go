package chart

import "testing"

// TestSymbols checks the marker of each colour slot as the SVG writes it:
// a circle, a square, a triangle and a diamond, then round again.
func TestSymbols(t *testing.T) {
	want := []string{
		`<circle class="plc-obs" cx="100.0" cy="50.0" r="4.0"`,
		`<rect class="plc-obs" x="96.0" y="46.0" width="8.0" height="8.0"`,
		`<polygon class="plc-obs" points="100.0,45.2 104.4,53.2 95.6,53.2"`,
		`<polygon class="plc-obs" points="100.0,44.8 104.4,50.0 100.0,55.2 95.6,50.0"`,
		`<circle class="plc-obs" cx="100.0" cy="50.0" r="4.0"`,
	}
	for i, w := range want {
		var sw svgWriter
		sw.symbol(i+1, 100, 50, 4)
		if got := string(sw.b); got != w {
			t.Errorf("symbol(%d) = %s; want %s", i+1, got, w)
		}
	}
}
