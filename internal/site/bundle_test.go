package site

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/overlay"
)

// TestSluggedBundle checks that a page bundle with a slug is published
// where Hugo publishes it, in a folder its slug names in place of the
// bundle's, with its files beside it; that links to its files and from
// it resolve; and that a clash with another page is reported at the
// slug.
func TestSluggedBundle(t *testing.T) {
	site := fstest.MapFS{
		"plotline.yaml": {Data: []byte("unsafe_html: true\n")},
		"content/blog/2019/scales/index.md": {Data: []byte("---\ntitle: Scales\ndate: 2019-11-18\nslug: scales-1-1-0\n---\n" +
			"![a](figs/chunk-1.png) [other](../other.md) [data](data.csv)\n\n<img src=\"figs/chunk-1.png\" width=\"700px\" />\n")},
		"content/blog/2019/scales/figs/chunk-1.png": {Data: []byte("png")},
		"content/blog/2019/scales/data.csv":         {Data: []byte("a,b\n")},
		"content/blog/2019/other.md": {Data: []byte("---\ntitle: Other\ndate: 2019-11-17\n---\n" +
			"[scales](scales/index.md) ![fig](scales/figs/chunk-1.png) [by URL](/blog/2019/scales-1-1-0/figs/chunk-1.png)\n")},
	}
	dest, errs := buildErrors(t, site)
	if len(errs) > 0 {
		t.Fatalf("errors:\n%s", strings.Join(errs, "\n"))
	}
	for _, f := range []string{"blog/2019/scales-1-1-0/index.html", "blog/2019/scales-1-1-0/figs/chunk-1.png", "blog/2019/scales-1-1-0/data.csv"} {
		if _, err := os.Stat(filepath.Join(dest, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "blog/2019/scales")); err == nil {
		t.Errorf("blog/2019/scales/ is published; want its files in blog/2019/scales-1-1-0/")
	}
	page := readOut(t, dest, "blog/2019/scales-1-1-0/index.html")
	for _, want := range []string{`src="/blog/2019/scales-1-1-0/figs/chunk-1.png" alt="a"`, `<img src="/blog/2019/scales-1-1-0/figs/chunk-1.png" width="700px" />`, `href="/blog/2019/other/"`, `href="/blog/2019/scales-1-1-0/data.csv"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the bundle's page has no %s", want)
		}
	}
	other := readOut(t, dest, "blog/2019/other/index.html")
	for _, want := range []string{`href="/blog/2019/scales-1-1-0/"`, `src="/blog/2019/scales-1-1-0/figs/chunk-1.png"`} {
		if !strings.Contains(other, want) {
			t.Errorf("the other page has no %s", want)
		}
	}

	// Another file at the address of one of the bundle's, then another
	// page at the bundle's.
	site["content/blog/2019/scales-1-1-0/figs/chunk-1.png"] = &fstest.MapFile{Data: []byte("png")}
	_, errs = buildErrors(t, site)
	want := []string{
		"content/blog/2019/scales-1-1-0/figs/chunk-1.png:1:1: writes blog/2019/scales-1-1-0/figs/chunk-1.png, which content/blog/2019/scales/figs/chunk-1.png writes too: rename one of them",
		"content/blog/2019/scales/figs/chunk-1.png:1:1: writes blog/2019/scales-1-1-0/figs/chunk-1.png, which content/blog/2019/scales-1-1-0/figs/chunk-1.png writes too: rename one of them",
	}
	if !slices.Equal(errs, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
	delete(site, "content/blog/2019/scales-1-1-0/figs/chunk-1.png")
	site["content/blog/2019/scales-1-1-0.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Clash\ndate: 2019-11-19\n---\nx\n")}
	_, errs = buildErrors(t, site)
	want = []string{
		"content/blog/2019/scales-1-1-0.md:1:1: page URL /blog/2019/scales-1-1-0/ is also the URL of content/blog/2019/scales/index.md",
		"content/blog/2019/scales/index.md:4:7: page URL /blog/2019/scales-1-1-0/ is also the URL of content/blog/2019/scales-1-1-0.md",
	}
	if !slices.Equal(errs, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
}

// TestRebuildSluggedBundle edits a page bundle's slug and files, and the
// pages around it, rebuilding after each change: the output is each time
// that of a clean build.
func TestRebuildSluggedBundle(t *testing.T) {
	bundle := func(slug string) string {
		fm := "---\ntitle: Scales\ndate: 2019-11-18\n"
		if slug != "" {
			fm += "slug: " + slug + "\n"
		}
		return fm + "---\n![a](figs/a.png)\n\n<img src=\"figs/a.png\">\n"
	}
	dir, dest, b := builtTestSite(t, map[string]string{
		"plotline.yaml":                  "unsafe_html: true\n",
		"content/blog/scales/index.md":   bundle(""),
		"content/blog/scales/figs/a.png": "png",
		"content/blog/other.md":          "---\ntitle: Other\ndate: 2019-11-17\n---\n![fig](scales/figs/a.png)\n",
	})
	ctx := context.Background()
	for _, step := range []struct {
		name    string
		write   map[string]string
		remove  []string
		changed []string
	}{
		{name: "a slug", write: map[string]string{"content/blog/scales/index.md": bundle("scales-1-1-0")}, changed: []string{"content/blog/scales/index.md"}},
		{name: "a new file", write: map[string]string{"content/blog/scales/figs/b.png": "png2"}, changed: []string{"content/blog/scales/figs/b.png"}},
		{name: "an edited file", write: map[string]string{"content/blog/scales/figs/a.png": "png3"}, changed: []string{"content/blog/scales/figs/a.png"}},
		{name: "another slug", write: map[string]string{"content/blog/scales/index.md": bundle("scales-2")}, changed: []string{"content/blog/scales/index.md"}},
		{name: "a file removed", remove: []string{"content/blog/scales/figs/b.png"}, changed: []string{"content/blog/scales/figs/b.png"}},
		{name: "a bundle inside", write: map[string]string{"content/blog/scales/inner/index.md": "---\ntitle: Inner\ndate: 2019-11-16\n---\nx\n", "content/blog/scales/inner/c.png": "c"}, changed: []string{"content/blog/scales/inner/index.md", "content/blog/scales/inner/c.png"}},
		{name: "the inner page removed", remove: []string{"content/blog/scales/inner/index.md"}, changed: []string{"content/blog/scales/inner/index.md"}},
		{name: "the page removed", remove: []string{"content/blog/scales/index.md"}, write: map[string]string{"content/blog/other.md": "---\ntitle: Other\ndate: 2019-11-17\n---\nx\n"}, changed: []string{"content/blog/scales/index.md", "content/blog/other.md"}},
		{name: "the page back, without a slug", write: map[string]string{"content/blog/scales/index.md": bundle("")}, changed: []string{"content/blog/scales/index.md"}},
	} {
		writeFiles(t, dir, step.write)
		for _, f := range step.remove {
			if err := os.Remove(filepath.Join(dir, f)); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := b.Rebuild(ctx, step.changed); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		assertSameAsCleanBuild(t, dir, dest)
		if t.Failed() {
			t.Fatalf("after %s", step.name)
		}
	}
}

// TestRebuildDraftBundleCSV checks that a published page whose data
// block reads the CSV of a page bundle is an error at its csv: while
// that page is a draft, in a rebuild as in a build, and builds again
// once the page is published.
func TestRebuildDraftBundleCSV(t *testing.T) {
	secret := func(draft bool) string {
		return fmt.Sprintf("---\ntitle: Secret\ndate: 2025-01-01\ndraft: %t\n---\nx\n", draft)
	}
	dir, dest, b := builtTestSite(t, map[string]string{
		"content/articles/secret/index.md": secret(false),
		"content/articles/secret/leak.csv": "date,value\n2025-01-01,999\n2025-01-02,1000\n",
		"content/articles/pub.md":          "---\ntitle: Pub\ndate: 2025-01-08\ndata:\n  s:\n    csv: secret/leak.csv\n---\n{{ s.last.value }}\n",
	})
	ctx := context.Background()
	const want = "content/articles/pub.md:6:10: csv: content/articles/secret/leak.csv is a file of a page that is not built (a draft, or dated after today): it is published with its page"
	writeFiles(t, dir, map[string]string{"content/articles/secret/index.md": secret(true)})
	if _, err := b.Rebuild(ctx, []string{"content/articles/secret/index.md"}); err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("Rebuild with the bundle a draft = %v; want %s", err, want)
	}
	writeFiles(t, dir, map[string]string{"content/articles/secret/index.md": secret(false)})
	if _, err := b.Rebuild(ctx, []string{"content/articles/secret/index.md"}); err != nil {
		t.Fatalf("Rebuild with the bundle published: %v", err)
	}
	assertSameAsCleanBuild(t, dir, dest)
}

// TestRebuildBundleBackAsDraft removes a page bundle's index.md, which
// leaves its picture published as a file of no page, and saves it again
// as a draft, as an editor that saves by removing a file and writing it
// anew can: the picture is withheld with the draft, as a clean build
// withholds it.
func TestRebuildBundleBackAsDraft(t *testing.T) {
	page := func(extra string) string { return "---\ntitle: B\ndate: 2025-01-01\n" + extra + "---\n![p](pic.png)\n" }
	dir, dest, b := builtTestSite(t, map[string]string{
		"content/articles/b/index.md": page(""),
		"content/articles/b/pic.png":  "png",
		"content/articles/x.md":       "---\ntitle: X\ndate: 2025-01-01\n---\nx\n",
	})
	ctx := t.Context()
	if err := os.Remove(filepath.Join(dir, "content/articles/b/index.md")); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Rebuild(ctx, []string{"content/articles/b/index.md"}); err != nil {
		t.Fatal(err)
	}
	assertSameAsCleanBuild(t, dir, dest)
	writeFiles(t, dir, map[string]string{"content/articles/b/index.md": page("draft: true\n")})
	if _, err := b.Rebuild(ctx, []string{"content/articles/b/index.md"}); err != nil {
		t.Fatal(err)
	}
	assertSameAsCleanBuild(t, dir, dest)
}

// TestRebuildDraftBundleRemoved removes the index.md of a page bundle that
// is a draft: its picture, withheld with the draft, is published as a file
// of no page, as a clean build publishes it.
func TestRebuildDraftBundleRemoved(t *testing.T) {
	dir, dest, b := builtTestSite(t, map[string]string{
		"content/articles/b/index.md": "---\ntitle: B\ndate: 2025-01-01\ndraft: true\n---\n![p](pic.png)\n",
		"content/articles/b/pic.png":  "png",
		"content/articles/x.md":       "---\ntitle: X\ndate: 2025-01-01\n---\nx\n",
	})
	if err := os.Remove(filepath.Join(dir, "content/articles/b/index.md")); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Rebuild(t.Context(), []string{"content/articles/b/index.md"}); err != nil {
		t.Fatal(err)
	}
	assertSameAsCleanBuild(t, dir, dest)
}

var bundleSeeds = flag.Int("bundle-seeds", 10, "run TestRebuildBundleFolder with this many seeds")

// TestRebuildBundleFolder makes seeded random runs of saves and removals
// in one folder of articles, which is a page bundle while it holds an
// index.md: the index.md published, a draft, dated after the day of the
// build, with a slug or without; a picture beside it; another page in the
// folder; a bundle inside it with a picture of its own. After each change
// the rebuild must give what a clean build gives: the same files, or the
// same errors (and then the change is passed again with the next one, as
// watch and serve do). -bundle-seeds runs more.
func TestRebuildBundleFolder(t *testing.T) {
	for seed := uint64(1); seed <= uint64(*bundleSeeds); seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			dir := t.TempDir()
			dest := filepath.Join(dir, "public")
			writeFiles(t, dir, map[string]string{"content/articles/x.md": "---\ntitle: X\ndate: 2025-01-01\n---\nx\n"})
			builder := datedBuilder(t, dir)
			b := builder(dest)
			if _, err := b.Build(t.Context()); err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(seed, 9))
			files := []string{"content/articles/b/index.md", "content/articles/b/pic.png", "content/articles/b/other.md", "content/articles/b/sub/index.md", "content/articles/b/sub/s.png"}
			var did, pending []string
			for step := range 25 {
				f := files[rng.IntN(len(files))]
				switch {
				case rng.IntN(5) == 0:
					os.Remove(filepath.Join(dir, f))
					did = append(did, "remove "+f)
				case strings.HasSuffix(f, ".png"):
					writeFiles(t, dir, map[string]string{f: fmt.Sprintf("png %d", step)})
					did = append(did, "write "+f)
				default:
					extra := []string{"", "draft: true\n", "slug: s1\n", "slug: s2\n", "date: 2025-06-01\n"}[rng.IntN(5)]
					writeFiles(t, dir, map[string]string{f: "---\ntitle: T\ndate: 2025-01-02\n" + extra + "---\n![p](pic.png)\n"})
					did = append(did, fmt.Sprintf("write %s %q", f, extra))
				}
				pending = append(pending, f)
				if rebuildAsClean(t, b, builder, pending) {
					pending = nil
				}
				if t.Failed() {
					t.Fatalf("after %s", strings.Join(did, "; "))
				}
			}
		})
	}
}

// datedBuilder returns a function that makes a Builder of the site in dir
// into dest, whose builds take 4 March 2025 for the day they run on.
func datedBuilder(t *testing.T, dir string) func(dest string) *Builder {
	today := func() time.Time { return time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC) }
	return func(dest string) *Builder {
		fsys := os.DirFS(dir)
		cfg, err := config.Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		return NewBuilder(cfg, overlay.New(fsys, plotline.Defaults()), Options{Dest: dest, Today: today})
	}
}

// rebuildAsClean rebuilds with b after the changes pending and checks
// that it gives what a clean build by a Builder of builder gives: the same
// files, or the same errors. It reports whether the rebuild succeeded.
func rebuildAsClean(t *testing.T, b *Builder, builder func(dest string) *Builder, pending []string) bool {
	t.Helper()
	_, err := b.Rebuild(t.Context(), pending)
	clean := filepath.Join(t.TempDir(), "public")
	_, cleanErr := builder(clean).Build(t.Context())
	switch {
	case (err == nil) != (cleanErr == nil):
		t.Errorf("rebuild error %v; clean build error %v", err, cleanErr)
	case err != nil && errorsOf(err) != errorsOf(cleanErr):
		t.Errorf("rebuild errors\n%v\nclean build errors\n%v", errorsOf(err), errorsOf(cleanErr))
	case err == nil:
		assertSameTree(t, b.opts.Dest, clean)
	}
	return err == nil
}

var addressSeeds = flag.Int("address-seeds", 10, "run TestRebuildAddresses with this many seeds")

// TestRebuildAddresses makes seeded random runs of saves, removals and
// renamings of five pages (two articles, a note, a bundle's page and a
// page at the top of content/) that take slugs, old addresses (shared
// among them now and then), drafts, dates after the day of the build,
// type: page, places in the navigation and tags, and link to a page and a
// tag's list. After each change the rebuild must give what a clean build
// gives (see rebuildAsClean). -address-seeds runs more.
func TestRebuildAddresses(t *testing.T) {
	for seed := uint64(1); seed <= uint64(*addressSeeds); seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{"plotline.yaml": "page_size: 2\nfeed_items: 2\n", "content/articles/x.md": "---\ntitle: X\ndate: 2025-01-01\n---\nx\n"})
			builder := datedBuilder(t, dir)
			b := builder(filepath.Join(dir, "public"))
			if _, err := b.Build(t.Context()); err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(seed, 11))
			files := []string{"content/articles/p.md", "content/articles/q.md", "content/notes/r.md", "content/notes/s/index.md", "content/about.md"}
			var did, pending []string
			for step := range 30 {
				f := files[rng.IntN(len(files))]
				switch op := rng.IntN(8); {
				case op == 0:
					os.Remove(filepath.Join(dir, f))
					did = append(did, "remove "+f)
				case op == 1:
					g := files[rng.IntN(len(files))]
					if _, err := os.Stat(filepath.Join(dir, g)); err == nil || g == f {
						continue
					}
					os.MkdirAll(filepath.Dir(filepath.Join(dir, g)), 0o755)
					os.Rename(filepath.Join(dir, f), filepath.Join(dir, g))
					did = append(did, "rename "+f+" to "+g)
					pending = append(pending, g)
				default:
					var fm strings.Builder
					fmt.Fprintf(&fm, "title: T%d\ndate: 2025-0%d-0%d\n", step, 1+rng.IntN(4), 1+rng.IntN(9))
					if rng.IntN(3) == 0 {
						fmt.Fprintf(&fm, "slug: s%d\n", rng.IntN(2))
					}
					if rng.IntN(3) == 0 {
						fmt.Fprintf(&fm, "aliases: [/old/a%d/]\n", rng.IntN(2))
					}
					if rng.IntN(4) == 0 {
						fm.WriteString("draft: true\n")
					}
					if rng.IntN(4) == 0 {
						fm.WriteString("type: page\n")
					}
					if rng.IntN(4) == 0 {
						fmt.Fprintf(&fm, "nav: N%d\n", rng.IntN(2))
					}
					if rng.IntN(2) == 0 {
						fmt.Fprintf(&fm, "tags: [t%d]\n", rng.IntN(2))
					}
					body := "Body.\n"
					if rng.IntN(3) == 0 {
						body += "[x](/articles/x/) [tag](/tags/t0/)\n"
					}
					writeFiles(t, dir, map[string]string{f: "---\n" + fm.String() + "---\n" + body})
					did = append(did, fmt.Sprintf("write %s %q", f, fm.String()))
				}
				pending = append(pending, f)
				if rebuildAsClean(t, b, builder, pending) {
					pending = nil
				}
				if t.Failed() {
					t.Fatalf("after %s", strings.Join(did, "; "))
				}
			}
		})
	}
}
