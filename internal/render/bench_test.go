package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"testing"
	"time"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/words"
)

// BenchmarkExecuteArticle measures the default article layout, the
// template work every article page costs, on a page of the size the
// benchmark corpus has: 20 KB of body, two tags, four headings, sources.
func BenchmarkExecuteArticle(b *testing.B) {
	site := &Site{Title: "The Ledger", Description: "Explainers.", Language: "en", BaseURL: "https://x.org/repo/", BasePath: "/repo/"}
	l, err := ParseLayouts(plotline.Defaults(), Funcs(site, locale.New(site.Language), words.New(site.Language), func(p string) (string, error) { return site.URL(p) + "?v=0123abcd", nil }))
	if err != nil {
		b.Fatal(err)
	}
	body := strings.Repeat("<p>The tally largely captures the factory, and the estimate mostly shows the pace.</p>\n", 240)
	p := &Page{
		Site: site, Kind: "article", Title: "What 13 months of data say", URL: "articles/a/",
		Canonical: site.AbsURL("articles/a/"), HasChart: true,
		Article: &Article{
			Summary: Summary{
				Title: "What 13 months of data say", Description: "One tally matches the visible province.",
				URL: "articles/a/", Date: time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC), ReadingMinutes: 5,
				Tags: []Tag{{Name: "data", Slug: "data", URL: "tags/data/"}, {Name: "environment", Slug: "environment", URL: "tags/environment/"}},
			},
			Content: template.HTML(body),
			Sources: []Source{{Name: "Ministry", Link: "https://example.org/ministry"}, {Name: "Press reports"}},
			ShowTOC: true,
		},
	}
	for i := range 4 {
		p.Article.Headings = append(p.Article.Headings, Heading{Level: 2, ID: fmt.Sprintf("part-%d", i), Text: fmt.Sprintf("Part %d", i)})
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := l.Execute(&buf, p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/page")
}
