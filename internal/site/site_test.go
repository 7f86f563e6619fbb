package site

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/config"
	"github.com/plotline/plotline/internal/overlay"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from current output")

// repoRoot is the example site: the repository's own content/ and config.
const repoRoot = "../.."

// buildExample builds the example site into a fresh folder and returns it.
func buildExample(t *testing.T, baseURL string) string {
	t.Helper()
	site := os.DirFS(repoRoot)
	cfg, err := config.Load(site)
	if err != nil {
		t.Fatal(err)
	}
	cfg.BaseURL = baseURL
	dest := filepath.Join(t.TempDir(), "public")
	b := NewBuilder(cfg, overlay.New(site, plotline.Defaults()), Options{Dest: dest})
	res, err := b.Build(context.Background())
	if err != nil {
		t.Fatalf("building the example site: %v", err)
	}
	if len(res.Warnings) > 0 {
		t.Errorf("the example site has warnings:\n%v", res.Warnings.Error())
	}
	return dest
}

// TestGolden compares the example site's rendered pages with the files in
// testdata/golden. Run with -update to rewrite them, and review the diff.
func TestGolden(t *testing.T) {
	dest := buildExample(t, "https://example.github.io/plotline/")
	for _, name := range []string{
		"index.html",
		"articles/north-korean-troops-kursk/index.html",
		"articles/north-korean-troops-kursk/losses.csv",
		"articles/millbrook-rainy-day-fund/index.html",
		"about/index.html",
		"tags/index.html",
		"tags/projections/index.html",
		"tags/projections/feed.xml",
		"404.html",
		"articles/index.html", // a redirect page, as an alias's
		"feed.xml",
		"sitemap.xml",
		"robots.txt",
	} {
		got, err := os.ReadFile(filepath.Join(dest, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		golden := filepath.Join("testdata", "golden", strings.ReplaceAll(name, "/", "__"))
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
		}
	}
}

// TestGoldenGerman builds the example site in German and compares the
// pages with the files in testdata/golden/de: plotline's own words, in
// the templates, the charts, the feed, the embed page and the SVG file,
// are German, the articles' own words as they were written.
func TestGoldenGerman(t *testing.T) {
	site := os.DirFS(repoRoot)
	cfg, err := config.Load(site)
	if err != nil {
		t.Fatal(err)
	}
	cfg.BaseURL, cfg.Language = "https://example.github.io/plotline/", "de"
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := NewBuilder(cfg, overlay.New(site, plotline.Defaults()), Options{Dest: dest}).Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"index.html",
		"articles/north-korean-troops-kursk/index.html",
		"articles/north-korean-troops-kursk/embed-1.html",
		"articles/north-korean-troops-kursk/losses.svg",
		"tags/index.html",
		"tags/projections/index.html",
		"tags/projections/feed.xml",
		"404.html",
		"feed.xml",
	} {
		got, err := os.ReadFile(filepath.Join(dest, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		golden := filepath.Join("testdata", "golden", "de", strings.ReplaceAll(name, "/", "__"))
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
		}
	}
}

// TestDeterministic builds the example twice and expects the same bytes.
func TestDeterministic(t *testing.T) {
	a := buildExample(t, "https://example.github.io/plotline/")
	b := buildExample(t, "https://example.github.io/plotline/")
	err := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil {
			t.Errorf("%s: only in the first build", rel)
			return nil
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds of the same input", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

var (
	refRE = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	// moreRefRE finds the other addresses of a page, feed, sitemap or
	// robots.txt: meta tags' (og:url, og:image, a redirect's refresh),
	// the scripts the chart loader fetches, and the feed's escaped links.
	moreRefRE = regexp.MustCompile(`content="(https?://[^"]*)"|content="\d+; url=([^"]*)"|"(/repo/theme/[^"]*)"|href=&#34;([^&]*)&#34;|(https://example\.github\.io/[^\s"<&]*)`)
)

// TestLinksUnderBasePath builds the example for a project site under
// /repo/ and checks that every internal URL of every page, of the feed,
// the sitemap and robots.txt (links, images, scripts, style sheets, meta
// tags, redirects, the scripts the chart loader fetches) points under
// /repo/ to a file that exists, and that no page loads anything from
// another host.
func TestLinksUnderBasePath(t *testing.T) {
	dest := buildExample(t, "https://example.github.io/repo/")
	pages, checked := 0, 0
	check := func(rel, ref string) {
		ref = strings.ReplaceAll(ref, "&amp;", "&")
		switch {
		case ref == "", strings.HasPrefix(ref, "#"):
			return
		case strings.HasPrefix(ref, "https://example.github.io/"):
			ref = strings.TrimPrefix(ref, "https://example.github.io")
		case strings.HasPrefix(ref, "http://"), strings.HasPrefix(ref, "https://"):
			return
		}
		checked++
		if !strings.HasPrefix(ref, "/repo/") {
			t.Errorf("%s: link %q is not under /repo/", rel, ref)
			return
		}
		target := strings.TrimPrefix(ref, "/repo/")
		if i := strings.IndexAny(target, "?#"); i >= 0 {
			target = target[:i]
		}
		file := filepath.Join(dest, filepath.FromSlash(target))
		if target == "" || strings.HasSuffix(target, "/") {
			file = filepath.Join(file, "index.html")
		}
		if _, err := os.Stat(file); err != nil {
			t.Errorf("%s: link %q leads nowhere", rel, ref)
		}
	}
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		html := strings.HasSuffix(p, ".html")
		if !html && !strings.HasSuffix(p, ".xml") && rel != "robots.txt" {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if html {
			pages++
			for _, m := range refRE.FindAllSubmatch(src, -1) {
				ref := string(m[1])
				if (strings.HasPrefix(ref, "http://") || strings.HasPrefix(ref, "https://")) && !strings.HasPrefix(ref, "https://example.github.io/") {
					// An outside link is fine in an <a>; a resource is not.
					if bytes.Contains(src, []byte(`src="`+ref)) || bytes.Contains(src, []byte(`stylesheet" href="`+ref)) {
						t.Errorf("%s loads %s from another host", rel, ref)
					}
					continue
				}
				check(rel, ref)
			}
		}
		for _, m := range moreRefRE.FindAllSubmatch(src, -1) {
			for _, g := range m[1:] {
				if len(g) > 0 {
					check(rel, string(g))
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 8 {
		t.Errorf("checked %d pages; want the whole example site", pages)
	}
	if checked < 250 {
		t.Errorf("checked %d addresses; want every one of the site", checked)
	}
}

// TestValidHTML runs the W3C Nu HTML checker over every page of the
// example. It needs Java and the vnu-jar npm package (.ci/run installs
// both); outside CI it is skipped when they are missing.
func TestValidHTML(t *testing.T) {
	jar := filepath.Join(repoRoot, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	java, err := exec.LookPath("java")
	if _, statErr := os.Stat(jar); err != nil || statErr != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the HTML checker is missing (java: %v, %s: %v)", err, jar, statErr)
		}
		t.Skip("java or node_modules/vnu-jar missing: run .ci/run's install steps")
	}
	dest := buildExample(t, "https://example.github.io/repo/")
	var files []string
	filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			files = append(files, p)
		}
		return err
	})
	cmd := exec.Command(java, append([]string{"-jar", jar, "--errors-only", "--format", "gnu"}, files...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("the HTML checker found errors:\n%s", out)
	}
}
