package site

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestFooterSaysComputedWithData follows the footer's sentence as a site
// gains its first page with data blocks and loses it: every page says
// that its numbers are computed only while one has data, after a rebuild
// as after a clean build.
func TestFooterSaysComputedWithData(t *testing.T) {
	const (
		computed = "every number in these articles is computed from the data it cites"
		plain    = "<p>Made with plotline.</p>"
	)
	files := map[string]string{
		"content/articles/a.md": "---\ntitle: A\ndate: 2025-01-03\n---\nAlpha, 12 of them.\n",
		"content/articles/b.md": "---\ntitle: B\ndate: 2025-01-02\n---\nBeta.\n",
	}
	dir, dest, b := builtTestSite(t, files)
	says := func(when, want string) {
		t.Helper()
		for _, page := range []string{"index.html", "articles/a/index.html", "articles/b/index.html", "404.html"} {
			if got := readOut(t, dest, page); !strings.Contains(got, want) {
				t.Errorf("%s: %s does not say %q", when, page, want)
			}
		}
	}
	says("no data", plain)

	rebuild := func(when string, content map[string]string) {
		t.Helper()
		writeFiles(t, dir, content)
		var changed []string
		for p := range content {
			changed = append(changed, p)
		}
		if _, err := b.Rebuild(context.Background(), changed); err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		assertSameAsCleanBuild(t, dir, dest)
	}
	withData := "---\ntitle: B\ndate: 2025-01-02\ndata:\n  n:\n    series:\n      - {date: 2025-01-01, value: 12}\n---\nBeta, {{ n.last.value }}.\n"
	rebuild("a block added", map[string]string{"content/articles/b.md": withData})
	says("a block added", computed)

	// An edit of a page without data leaves every page as it was.
	rebuild("another page edited", map[string]string{"content/articles/a.md": "---\ntitle: A\ndate: 2025-01-03\n---\nAlpha, edited.\n"})
	says("another page edited", computed)

	rebuild("the block removed", map[string]string{"content/articles/b.md": files["content/articles/b.md"]})
	says("the block removed", plain)
}

// TestCacheFooterWithData builds a site without data blocks with a
// cache, then with a block added to one page: the pages taken from the
// cache must not keep the footer of a site without data.
func TestCacheFooterWithData(t *testing.T) {
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	cache := filepath.Join(t.TempDir(), "cache.gob")
	writeFiles(t, dir, map[string]string{
		"content/articles/a.md": "---\ntitle: A\ndate: 2025-01-03\n---\nAlpha.\n",
		"content/articles/b.md": "---\ntitle: B\ndate: 2025-01-02\n---\nBeta.\n",
	})
	cachedBuild(t, dir, dest, cache)
	writeFiles(t, dir, map[string]string{"content/articles/a.md": "---\ntitle: A\ndate: 2025-01-03\ndata:\n  n:\n    series:\n      - {date: 2025-01-01, value: 12}\n---\nAlpha, {{ n.last.value }}.\n"})
	cachedBuild(t, dir, dest, cache) // checks the output against a clean build's
	if got := readOut(t, dest, "articles/b/index.html"); !strings.Contains(got, "computed from the data it cites") {
		t.Errorf("articles/b/index.html keeps the footer of a site without data:\n%s", got)
	}
}
