package site

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/overlay"
)

// budgetSites are the inputs of docs/bad-input.md's budgets, each a site
// of one article built whole. Each must take less than its budget on the
// 2-core machine the figures there come from.
var budgetSites = []struct {
	name   string
	budget string
	site   func() fstest.MapFS
}{
	{"charts-1000", "< 5 s", manyChartsSite},
	{"tags-10000", "< 100 MB of output", manyTagsSite},
	{"aliased-blocks-2000", "< 3 s", aliasedBlocksSite},
	{"article-8MB", "< 10 s and < 1 GiB", largeArticleSite},
	{"headings-alike-20000", "< 2 s", alikeHeadingsSite},
}

// BenchmarkBudget builds each budget site, reporting its time, the most
// memory the Go runtime held during the build (peak-MiB) and the size of
// the output (MB-out).
//
//	go test ./internal/site -run '^$' -bench Budget -benchtime 3x
func BenchmarkBudget(b *testing.B) {
	for _, s := range budgetSites {
		b.Run(s.name, func(b *testing.B) {
			fsys := s.site()
			var peak uint64
			var out int64
			for b.Loop() {
				dest := filepath.Join(b.TempDir(), "public")
				peak = max(peak, peakMemory(func() { buildBudgetSite(b, fsys, dest) }))
				out = treeSize(b, dest)
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
			b.ReportMetric(float64(out)/1e6, "MB-out")
		})
	}
}

// TestBudgetSites builds each budget site once, so that a change that
// breaks one (an error, a panic) fails the tests and not only the
// benchmark. It asserts no time. With PLOTLINE_BUDGET_SITES set to a
// folder it writes the sites there instead, one folder each, to time the
// plotline command on them:
//
//	PLOTLINE_BUDGET_SITES=/tmp/budget go test ./internal/site -run TestBudgetSites
//	/usr/bin/time -v plotline build -s /tmp/budget/charts-1000
func TestBudgetSites(t *testing.T) {
	if dir := os.Getenv("PLOTLINE_BUDGET_SITES"); dir != "" {
		for _, s := range budgetSites {
			for name, f := range s.site() {
				p := filepath.Join(dir, s.name, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		return
	}
	if testing.Short() {
		t.Skip("builds five large sites")
	}
	for _, s := range budgetSites {
		t.Run(s.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			buildBudgetSite(t, s.site(), dest)
			if _, err := fs.Stat(os.DirFS(dest), "articles/a/index.html"); err != nil {
				t.Errorf("the article was not written: %v", err)
			}
		})
	}
}

func buildBudgetSite(tb testing.TB, fsys fstest.MapFS, dest string) {
	tb.Helper()
	cfg, err := config.Load(fsys)
	if err != nil {
		tb.Fatal(err)
	}
	bl := NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: dest})
	res, err := bl.Build(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	// A budget is the cost of a clean site: no warning either.
	if len(res.Warnings) > 0 {
		tb.Fatalf("the build warned:\n%v", res.Warnings)
	}
}

// peakMemory runs f and returns the most memory the Go runtime had mapped
// and not released while it ran, sampled every millisecond.
func peakMemory(f func()) uint64 {
	samples := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	read := func() uint64 {
		metrics.Read(samples)
		return samples[0].Value.Uint64() - samples[1].Value.Uint64()
	}
	runtime.GC()
	stop := make(chan struct{})
	done := make(chan uint64)
	go func() {
		peak := read()
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				done <- max(peak, read())
				return
			case <-tick.C:
				peak = max(peak, read())
			}
		}
	}()
	f()
	close(stop)
	return <-done
}

func treeSize(tb testing.TB, dir string) int64 {
	var total int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err == nil {
			total += fi.Size()
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return total
}

// budgetSeries is a data block's observations: n weeks of a rising count.
func budgetSeries(indent string, n int) string {
	var s strings.Builder
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		fmt.Fprintf(&s, "%s- {date: %s, value: %d}\n", indent, day.AddDate(0, 0, 7*i).Format(time.DateOnly), 100+37*i)
	}
	return s.String()
}

func article(front, body string) fstest.MapFS {
	return fstest.MapFS{
		"plotline.yaml":         {Data: []byte("title: Budget\nbase_url: https://example.org/\n")},
		"content/articles/a.md": {Data: []byte("---\ntitle: A\ndate: 2025-01-01\n" + front + "---\n" + body)},
	}
}

// manyChartsSite is an article of 1,000 charts of one projected block.
func manyChartsSite() fstest.MapFS {
	front := "data:\n  losses:\n    unit: casualties\n    series:\n" + budgetSeries("      ", 52) +
		"    projection: {rate: 40, per: day, limit: 12000}\n"
	var body strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&body, "A paragraph: the count stood at {{ losses.last.value }} and reaches the limit on {{ losses.crossing }}.\n\n```chart\ndata: losses\ntitle: Chart %s\n```\n\n", letters(i))
	}
	return article(front, body.String())
}

// manyTagsSite is an article of 10,000 tags, each with its own page.
func manyTagsSite() fstest.MapFS {
	return manyTags()
}

// manyTags is a site of 10,000 tags, the 100 a page may have on each of
// 100 articles.
func manyTags() fstest.MapFS {
	fsys := fstest.MapFS{"plotline.yaml": {Data: []byte("title: Budget\nbase_url: https://example.org/\n")}}
	for a := range 100 {
		var tags strings.Builder
		for i := range content.MaxTags {
			if i > 0 {
				tags.WriteString(", ")
			}
			fmt.Fprintf(&tags, "t%05d", a*content.MaxTags+i)
		}
		name := "a" // the budget sites' article, at articles/a/
		if a > 0 {
			name = fmt.Sprintf("a%02d", a)
		}
		fsys["content/articles/"+name+".md"] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: A%02d\ndate: 2025-01-01\ntags: [%s]\n---\nA.\n", a, tags.String()))}
	}
	return fsys
}

// aliasedBlocksSite is an article of 2,000 data blocks that share one
// series of 1,000 observations through a YAML alias, each read in the
// prose.
func aliasedBlocksSite() fstest.MapFS {
	var front, body strings.Builder
	front.WriteString("data:\n")
	for i := range 2000 {
		fmt.Fprintf(&front, "  b%d:\n    unit: tonnes\n", i)
		if i == 0 {
			front.WriteString("    series: &s\n" + budgetSeries("      ", 1000))
		} else {
			front.WriteString("    series: *s\n")
		}
		fmt.Fprintf(&body, "The block last stood at {{ b%d.last.value }}.\n\n", i)
	}
	return article(front.String(), body.String())
}

// alikeHeadingsSite is an article of 20,000 headings of one text, each
// of which gets an id of its own ("a", "a-1", … "a-19999").
func alikeHeadingsSite() fstest.MapFS {
	return article("", strings.Repeat("## a\n\n", 20000))
}

// largeArticleSite is an article of just under 8 MB, the most plotline
// reads, of ordinary prose: paragraphs with emphasis, links, computed
// values, lists and headings.
func largeArticleSite() fstest.MapFS {
	front := "data:\n  losses:\n    unit: casualties\n    series:\n" + budgetSeries("      ", 52) + "    projection: {rate: 40, per: day, limit: 12000}\n"
	const limit = 8<<20 - 64<<10
	var body strings.Builder
	for i := 0; body.Len() < limit-len(front); i++ {
		if i%20 == 0 {
			fmt.Fprintf(&body, "## Section %s\n\n", letters(i/20))
		}
		fmt.Fprintf(&body, "The desk counted *the reports* of the day, and **each one** was checked against [the register](https://example.org/register/%d). At {{ losses.rate }} a day the count reaches {{ losses.limit }} on {{ losses.crossing }}, so the `limit` holds.\n\n- one point\n- another, with _emphasis_\n\n", i)
	}
	return article(front, body.String())
}

// letters names the number i in letters (a, b, …, z, ba, bb, …), for
// headings and titles that differ without typing a number, which a build
// would point out as typed by hand.
func letters(i int) string {
	s := string(rune('a' + i%26))
	for i /= 26; i > 0; i /= 26 {
		s = string(rune('a'+i%26)) + s
	}
	return s
}
