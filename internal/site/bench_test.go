package site

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/output"
	"github.com/plotline/plotline/internal/overlay"
	"github.com/plotline/plotline/internal/sitefs"
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

// builtBenchSite builds the bench site once into a temporary output and
// returns its folder, the builder that built it and its pages, for the
// rebuild benchmarks to start from.
func builtBenchSite(b *testing.B) (string, *Builder, []*content.Page) {
	dir := benchSite(b)
	fsys := os.DirFS(dir)
	cfg, err := config.Load(fsys)
	if err != nil {
		b.Fatal(err)
	}
	dest := filepath.Join(b.TempDir(), "public")
	bl := NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: dest})
	if _, err := bl.Build(context.Background()); err != nil {
		b.Fatal(err)
	}
	var diags diag.List
	return dir, bl, content.LoadIndex(fsys, content.Options{}, &diags).Pages
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
	site := content.LoadIndex(fsys, content.Options{}, &diags)
	if diags.HasErrors() {
		b.Fatal(diags.Err())
	}
	bl := NewBuilder(cfg, fsys, Options{DryRun: true})
	st := &state{site: renderSite(&cfg, locale.New(cfg.Language)), pages: map[string]*record{}}
	tx, err := output.Begin("", output.Options{Mode: output.DryRun})
	if err != nil {
		b.Fatal(err)
	}
	r := bl.newRun(context.Background(), st, tx)
	for _, p := range site.Pages {
		r.st.ix.addPage(p.Path, p.URL)
	}
	if err := r.loadTheme(&diags); err != nil || diags.HasErrors() {
		b.Fatal(err, diags)
	}
	if err := r.parseLayouts(&diags); err != nil || diags.HasErrors() {
		b.Fatal(err, diags)
	}
	var pages []*content.Page
	for _, entry := range site.Pages[:min(len(site.Pages), 200)] {
		src, err := sitefs.ReadFile(fsys, entry.Path, sitefs.MaxFileSize)
		if err != nil {
			b.Fatal(err)
		}
		p := r.loadPage(entry, src, &diags)
		if p == nil {
			b.Fatal(diags.Err())
		}
		pages = append(pages, p)
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
	dir, bl, pages := builtBenchSite(b)
	ctx := context.Background()
	target := pages[len(pages)/2].Path
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

// BenchmarkRebuildNewArticle measures a rebuild after an article is
// added, then removed again (two rebuilds an iteration), as watch and
// serve do it.
//
//	PLOTLINE_BENCH_SITE=/tmp/plotline-bench-10000 go test ./internal/site -run '^$' -bench RebuildNew
func BenchmarkRebuildNewArticle(b *testing.B) {
	dir, bl, pages := builtBenchSite(b)
	ctx := context.Background()
	// A copy of a page the navigation names would change the navigation
	// of every page, a full build.
	i := slices.IndexFunc(pages, func(p *content.Page) bool { return p.Nav == "" })
	src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(pages[i].Path)))
	if err != nil {
		b.Fatal(err)
	}
	added := "content/articles/zz-bench-new.md"
	file := filepath.Join(dir, filepath.FromSlash(added))
	b.Cleanup(func() { os.Remove(file) })
	for b.Loop() {
		if err := os.WriteFile(file, src, 0o644); err != nil {
			b.Fatal(err)
		}
		if res, err := bl.Rebuild(ctx, []string{added}); err != nil || res.Full {
			b.Fatalf("Rebuild after adding: %v (full: %v)", err, res.Full)
		}
		if err := os.Remove(file); err != nil {
			b.Fatal(err)
		}
		if res, err := bl.Rebuild(ctx, []string{added}); err != nil || res.Full {
			b.Fatalf("Rebuild after removing: %v (full: %v)", err, res.Full)
		}
	}
}
