package site

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestTagFeeds checks the feed of each tag, beside its list: the tag's
// articles, newest first, with their summaries; named in the list page's
// head and body; a link to it is a link of the site. A rebuild that
// takes a tag's last article away takes its feed too, and one that
// renames an article updates the feeds of its tags, each time equal to a
// clean build.
func TestTagFeeds(t *testing.T) {
	files := maps.Clone(testSite)
	files["plotline.yaml"] = "title: T\nbase_url: https://example.org/repo/\n"
	files["content/articles/b.md"] = "---\ntitle: B\ndate: 2025-01-02\ntags: [x, y]\ndescription: Beta in brief.\n---\nBeta body. [Follow y](/tags/y/feed.xml).\n"
	dir, dest, b := builtTestSite(t, files)

	feed := readOut(t, dest, "tags/x/feed.xml")
	for _, want := range []string{
		"<title>T: Articles tagged “x”</title>",
		`<link rel="self" type="application/atom+xml" href="https://example.org/repo/tags/x/feed.xml">`,
		`<link rel="alternate" type="text/html" href="https://example.org/repo/tags/x/">`,
		"<summary type=\"text\">Beta in brief.</summary>",
	} {
		if !strings.Contains(feed, want) {
			t.Errorf("tags/x/feed.xml lacks %s:\n%s", want, feed)
		}
	}
	// A, of 2025-01-03, before B, of 2025-01-02; C has no tag x.
	if a, b := strings.Index(feed, "<title>A</title>"), strings.Index(feed, "<title>B</title>"); a < 0 || b < a || strings.Contains(feed, "<title>C</title>") {
		t.Errorf("tags/x/feed.xml does not hold A then B alone:\n%s", feed)
	}
	if strings.Contains(feed, "<content") {
		t.Errorf("a tag's feed carries the articles' content:\n%s", feed)
	}
	list := readOut(t, dest, "tags/x/index.html")
	for _, want := range []string{
		`<link rel="alternate" type="application/atom+xml" title="T: Articles tagged “x”" href="/repo/tags/x/feed.xml">`,
		`<a href="/repo/tags/x/feed.xml" type="application/atom+xml">`,
	} {
		if !strings.Contains(list, want) {
			t.Errorf("tags/x/index.html lacks %s", want)
		}
	}
	if !strings.Contains(readOut(t, dest, "articles/b/index.html"), `href="/repo/tags/y/feed.xml"`) {
		t.Errorf("the link to the feed of y is not written as the site's")
	}

	// B leaves y, its only article, and the page that linked to its feed
	// links to x's instead.
	writeFiles(t, dir, map[string]string{"content/articles/b.md": "---\ntitle: B, renamed\ndate: 2025-01-02\ntags: [x]\ndescription: Beta in brief.\n---\nBeta body. [Follow x](/tags/x/feed.xml).\n"})
	if _, err := b.Rebuild(context.Background(), []string{"content/articles/b.md"}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "tags", "y", "feed.xml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the feed of y, which no article has any more, stays: %v", err)
	}
	if !strings.Contains(readOut(t, dest, "tags/x/feed.xml"), "<title>B, renamed</title>") {
		t.Errorf("the feed of x does not show B's new title")
	}
	assertSameAsCleanBuild(t, dir, dest)
}

// TestTagFeedLinkToNoTag checks that a link to the feed of a tag that no
// article has is a dead link, at its place.
func TestTagFeedLinkToNoTag(t *testing.T) {
	site := fstest.MapFS{
		"content/articles/a.md": {Data: []byte("---\ntitle: A\ndate: 2025-01-02\ntags: [alpha]\n---\n[ok](/tags/alpha/feed.xml) [gone](/tags/beta/feed.xml)\n")},
	}
	_, errs := buildErrors(t, site)
	// The front matter takes lines 1 to 5; "[ok](/tags/alpha/feed.xml) "
	// is 27 characters ("[ok](" 5, the path 20, ") " 2), so the second
	// link is at column 28 of line 6.
	want := []string{`content/articles/a.md:6:28: link "/tags/beta/feed.xml": no page or file of the site has this address`}
	if !slices.Equal(errs, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
}
