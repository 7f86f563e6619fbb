package site

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// TestPageChartBytes checks the bound on what a page's charts write into
// it: six blocks of twenty observations with labels of nearly 1,000
// characters, charted 150 times on one page, wrote some 90 MB, and 2,000
// such charts took 8 GB of memory before the page's own bound was met.
// The first chart past 64 MB is an error, and none after it is drawn.
func TestPageChartBytes(t *testing.T) {
	var front, body strings.Builder
	label := strings.Repeat("a long label ", 76)
	for b := range 6 {
		fmt.Fprintf(&front, "  b%d:\n    unit: %s\n    series:\n", b, strings.Repeat("u", 200))
		for i := range 20 {
			fmt.Fprintf(&front, "      - {date: 2025-01-%02d, value: %d, label: %q}\n", i+1, i*b, label)
		}
	}
	for range 150 {
		body.WriteString("```chart\ndata: [b0, b1, b2, b3, b4, b5]\ntype: line\n```\n\n")
	}
	_, errs := buildErrors(t, fstest.MapFS{
		"plotline.yaml":         {Data: []byte("title: T\n")},
		"content/articles/a.md": {Data: []byte("---\ntitle: A\ndate: 2025-02-01\ndata:\n" + front.String() + "---\n\n" + body.String())},
	})
	if len(errs) != 1 || !strings.Contains(errs[0], "chart: the charts of this page write more than 64 MB into it (this is the first chart past that)") {
		t.Fatalf("errors %q; want the one of the first chart past 64 MB", errs)
	}
}
