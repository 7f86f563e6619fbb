package site

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/overlay"
)

// benchSite is the site the benchmarks build: the one named by
// PLOTLINE_BENCH_SITE (a corpus made with ../shared/bench/gencorpus),
// else the example site of the repository.
func benchSite(b *testing.B) string {
	if dir := os.Getenv("PLOTLINE_BENCH_SITE"); dir != "" {
		return dir
	}
	return repoRoot
}

// BenchmarkBuild measures a whole cold build.
//
//	PLOTLINE_BENCH_SITE=/tmp/plotline-bench-1000 go test ./internal/site -run '^$' -bench Build -benchtime 3x
func BenchmarkBuild(b *testing.B) {
	dir := benchSite(b)
	fsys := os.DirFS(dir)
	cfg, err := config.Load(fsys)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; b.Loop(); i++ {
		dest := filepath.Join(b.TempDir(), "public")
		bl := NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: dest})
		if _, err := bl.Build(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderPage measures everything a build does for one article
// except reading and writing files: data blocks, Markdown, highlighting,
// charts and the page template.
func BenchmarkRenderPage(b *testing.B) {
	dir := benchSite(b)
	fsys := overlay.New(os.DirFS(dir), plotline.Defaults())
	cfg, err := config.Load(os.DirFS(dir))
	if err != nil {
		b.Fatal(err)
	}
	var diags diag.List
	site := content.Load(fsys, content.Options{}, &diags)
	if diags.HasErrors() {
		b.Fatal(diags.Err())
	}
	bl := NewBuilder(cfg, fsys, Options{})
	st := &state{site: renderSite(&cfg), pages: map[string]*record{}, lists: map[string]uint64{}}
	r := bl.newRun(context.Background(), st)
	r.emit = func(string, []byte) error { return nil }
	for _, p := range site.Pages {
		r.ix.addPage(p.Path, p.URL)
	}
	if err := r.loadTheme(&diags); err != nil || diags.HasErrors() {
		b.Fatal(err, diags)
	}
	if err := r.parseLayouts(&diags); err != nil || diags.HasErrors() {
		b.Fatal(err, diags)
	}
	pages := site.Pages
	if len(pages) > 200 {
		pages = pages[:200]
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			var d diag.List
			if _, err := r.renderPage(p, false, &d); err != nil || d.HasErrors() {
				b.Fatal(err, d)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(pages)), "µs/page")
}

// BenchmarkRebuildOneArticle measures an incremental rebuild after one
// article's body changed, as watch and serve do it. The article is put
// back afterwards.
//
//	PLOTLINE_BENCH_SITE=/tmp/plotline-bench-10000 go test ./internal/site -run '^$' -bench RebuildOne
func BenchmarkRebuildOneArticle(b *testing.B) {
	dir := benchSite(b)
	fsys := os.DirFS(dir)
	cfg, err := config.Load(fsys)
	if err != nil {
		b.Fatal(err)
	}
	dest := filepath.Join(b.TempDir(), "public")
	bl := NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: dest})
	ctx := context.Background()
	if _, err := bl.Build(ctx); err != nil {
		b.Fatal(err)
	}
	var diags diag.List
	site := content.LoadIndex(fsys, content.Options{}, &diags)
	target := site.Pages[len(site.Pages)/2].Path
	file := filepath.Join(dir, filepath.FromSlash(target))
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.WriteFile(file, orig, 0o644) })
	for i := 0; b.Loop(); i++ {
		edited := append(bytes.Clone(orig), fmt.Sprintf("\nEdit number %d.\n", i)...)
		if err := os.WriteFile(file, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		res, err := bl.Rebuild(ctx, []string{target})
		if err != nil || res.Full {
			b.Fatalf("Rebuild: %v (full: %v)", err, res.Full)
		}
	}
}
