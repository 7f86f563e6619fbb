package chart

import (
	"bytes"
	"fmt"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/diag"
)

// articleSrc is the data front matter of a typical generated article (see
// shared/bench/gencorpus): two dozen labelled observations and a linear
// projection with a low and a high rate.
const articleSrc = `outages:
  unit: incidents
  series:
    - {date: 2023-04-22, value: 3232, label: "Ministry"}
    - {date: 2023-05-02, value: 4613, label: "Ministry"}
    - {date: 2023-05-04, value: 4789, label: "Ministry"}
    - {date: 2023-05-07, value: 5133, label: "Ministry"}
    - {date: 2023-05-15, value: 5988, label: "Ministry"}
    - {date: 2023-05-25, value: 6986, label: "Ministry"}
    - {date: 2023-06-06, value: 8148, label: "Ministry"}
    - {date: 2023-06-20, value: 9681, label: "Ministry"}
    - {date: 2023-06-23, value: 10149, label: "Ministry"}
    - {date: 2023-07-05, value: 11628, label: "Press reports"}
    - {date: 2023-07-16, value: 13129, label: "Press reports"}
    - {date: 2023-07-23, value: 14234, label: "Press reports"}
    - {date: 2023-07-31, value: 14881, label: "Press reports"}
    - {date: 2023-08-13, value: 16710, label: "Press reports"}
    - {date: 2023-08-15, value: 16892, label: "Press reports"}
    - {date: 2023-08-29, value: 18498, label: "Press reports"}
    - {date: 2023-09-04, value: 19165, label: "Press reports"}
    - {date: 2023-09-07, value: 19631, label: "Press reports"}
    - {date: 2023-09-20, value: 20910, label: "Press reports"}
    - {date: 2023-09-21, value: 21048, label: "Press reports"}
    - {date: 2023-09-29, value: 22250, label: "Press reports"}
    - {date: 2023-10-12, value: 24266, label: "Press reports"}
    - {date: 2023-10-14, value: 24519, label: "Press reports"}
  projection:
    start: {date: 2023-04-03, value: 0}
    rate: 114
    per: day
    limit: 57000
    until: 2024-10-12
    low: 77
    high: 160
`

// article returns the data block of a typical generated article.
func article(tb testing.TB) *data.Block {
	tb.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(articleSrc), &doc); err != nil {
		tb.Fatal(err)
	}
	var diags diag.List
	blocks := data.Parse(nil, data.Page{Path: "content/a.md", Date: time.Date(2023, 10, 22, 0, 0, 0, 0, time.UTC)}, doc.Content[0], &diags)
	if diags.HasErrors() || len(blocks) != 1 {
		tb.Fatalf("article block: %v", diags)
	}
	return blocks[0]
}

// BenchmarkRenderArticle draws and writes the chart of a typical generated
// article, as a build does.
func BenchmarkRenderArticle(b *testing.B) {
	blk := article(b)
	spec := Spec{Block: "outages", Title: "Visible incidents: observed and projected"}
	tmpl, err := parsePartial()
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		f, err := renderOne(blk, spec, "chart-articles-00001-what-13-months-1")
		if err != nil {
			b.Fatal(err)
		}
		buf.Reset()
		if err := tmpl.ExecuteTemplate(&buf, "chart", f.View(Links{CSV: "/articles/00001-what-13-months/outages.csv"})); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteHTML writes the figure of the Kursk block through the
// default chart partial.
func BenchmarkWriteHTML(b *testing.B) {
	f, err := renderOne(kursk(), Spec{Title: "Kursk", Caption: "Reports."}, "chart-kursk-1")
	if err != nil {
		b.Fatal(err)
	}
	tmpl, err := parsePartial()
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := tmpl.ExecuteTemplate(&buf, "chart", f.View(Links{CSV: "/kursk/losses.csv"})); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseSpec reads the chart block of a typical article.
func BenchmarkParseSpec(b *testing.B) {
	src := []byte("data: outages\ntitle: \"Visible incidents: observed and projected\"\n")
	b.ReportAllocs()
	for b.Loop() {
		var diags diag.List
		if _, ok := ParseSpec("content/articles/00001.md", src, 94, &diags); !ok {
			b.Fatal(diags)
		}
	}
}

// observedBlock returns a block of n labelled observations, a day apart,
// and a projection with a low and a high rate, as a generated article has.
func observedBlock(tb testing.TB, n int) *data.Block {
	tb.Helper()
	var src strings.Builder
	src.WriteString("outages:\n  unit: incidents\n  series:\n")
	day := time.Date(2023, 4, 22, 0, 0, 0, 0, time.UTC)
	for i := range n {
		fmt.Fprintf(&src, "    - {date: %s, value: %d, label: \"Ministry\"}\n", day.AddDate(0, 0, i).Format(time.DateOnly), 3232+117*i)
	}
	src.WriteString("  projection:\n    start: {date: 2023-04-03, value: 0}\n    rate: 114\n    per: day\n    limit: 57000\n    until: 2024-10-12\n    low: 77\n    high: 160\n")
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src.String()), &doc); err != nil {
		tb.Fatal(err)
	}
	var diags diag.List
	blocks := data.Parse(nil, data.Page{Path: "content/a.md", Date: day.AddDate(0, 0, n)}, doc.Content[0], &diags)
	if diags.HasErrors() || len(blocks) != 1 {
		tb.Fatalf("block: %v", diags)
	}
	return blocks[0]
}

// TestObservationsWrittenOnce checks that each observation's date and
// value, which the tooltips of both SVG frames and the table show, are
// written for readers once a chart: a further observation costs at most
// nine allocations (its points of the option and its row of the CSV
// among them), where writing its texts again for each frame and for the
// table took twelve.
func TestObservationsWrittenOnce(t *testing.T) {
	// No collection while counting: it empties the pools of the CSV
	// writer and of fmt, and their refills would be counted.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	allocs := func(n int) float64 {
		blk := observedBlock(t, n)
		spec := Spec{Block: "outages", Title: "Visible incidents"}
		return testing.AllocsPerRun(20, func() {
			f, err := renderOne(blk, spec, "chart-a-1")
			if err != nil {
				t.Fatal(err)
			}
			f.View(Links{})
		})
	}
	few, more := allocs(20), allocs(40)
	if per := (more - few) / 20; per > 9 {
		t.Errorf("each further observation took %.1f allocations; want at most 9", per)
	}
}
