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

// TestTagFeedCopies checks the copies of a tag's feed at the config's
// tag_feed_aliases: each the same as the feed, a link to one valid, and
// updated by a rebuild that changes the tag's articles, as a clean build
// writes them.
func TestTagFeedCopies(t *testing.T) {
	files := maps.Clone(testSite)
	files["plotline.yaml"] = "title: T\nbase_url: https://example.org/\ntag_feed_aliases:\n  /categories/x/index.xml: x\n  /feeds/why.rss: Y\n"
	files["content/articles/b.md"] = "---\ntitle: B\ndate: 2025-01-02\ntags: [x, y]\n---\nBeta body. [R-bloggers' feed](/categories/x/index.xml).\n"
	dir, dest, b := builtTestSite(t, files)
	same := func(when string) {
		t.Helper()
		for copy, feed := range map[string]string{"categories/x/index.xml": "tags/x/feed.xml", "feeds/why.rss": "tags/y/feed.xml"} {
			if readOut(t, dest, copy) != readOut(t, dest, feed) {
				t.Errorf("%s: %s differs from %s", when, copy, feed)
			}
		}
	}
	same("a build")
	writeFiles(t, dir, map[string]string{"content/articles/a.md": strings.Replace(testSite["content/articles/a.md"], "title: A", "title: A, renamed", 1)})
	if _, err := b.Rebuild(context.Background(), []string{"content/articles/a.md"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(readOut(t, dest, "categories/x/index.xml"), "<title>A, renamed</title>") {
		t.Errorf("the copy of the feed of x is not updated by a rebuild")
	}
	same("a rebuild")
	assertSameAsCleanBuild(t, dir, dest)
}

// TestTagFeedCopiesMistakes checks the mistakes of tag_feed_aliases, each
// at its address: one that is no feed's, one a copy of the site's feed
// takes, one a tag's own feed takes; once the config reads well, a tag no
// article has, and an address a file of content/ takes (told at both).
func TestTagFeedCopiesMistakes(t *testing.T) {
	article := &fstest.MapFile{Data: []byte("---\ntitle: A\ndate: 2025-01-02\ntags: [x]\n---\nText.\n")}
	site := fstest.MapFS{
		"plotline.yaml": {Data: []byte(strings.Join([]string{
			"title: T",
			"feed_aliases: [/index.xml]",
			"tag_feed_aliases:",
			"  /feeds/x.html: x",
			"  /index.xml: x",
			"  /tags/x/feed.xml: x",
			"",
		}, "\n"))},
		"content/articles/a.md": article,
	}
	_, errs := buildErrors(t, site)
	// The addresses are on lines 4 to 6, after two spaces; the feed's
	// alias at column 16 of line 2.
	want := []string{
		`plotline.yaml:4:3: tag_feed_aliases: "/feeds/x.html" names no file ending in .xml, .rss or .atom: the feed is written at the address, and servers send a file as a feed under those endings only (Hugo's feeds were index.xml)`,
		`plotline.yaml:5:3: tag_feed_aliases: "/index.xml" is the address of another copy of a feed, at plotline.yaml:2:16`,
		`plotline.yaml:6:3: tag_feed_aliases: "/tags/x/feed.xml" is where plotline writes a tag's feed`,
	}
	if !slices.Equal(errs, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}

	site = fstest.MapFS{
		"plotline.yaml":         {Data: []byte("title: T\ntag_feed_aliases:\n  /feeds/gone.xml: gone\n  /old/x.xml: x\n")},
		"content/articles/a.md": article,
		"content/old/x.xml":     {Data: []byte("<x/>")},
	}
	_, errs = buildErrors(t, site)
	want = []string{
		`content/old/x.xml:1:1: writes old/x.xml, which a copy of a tag's feed (tag_feed_aliases in plotline.yaml) writes too: rename one of them`,
		`plotline.yaml:3:3: tag_feed_aliases: no article has the tag gone, whose feed would be written at feeds/gone.xml: tag an article gone, or remove the address`,
		`plotline.yaml:4:3: tag_feed_aliases: writes old/x.xml, which content/old/x.xml writes too: remove the alias, or move the other`,
	}
	if !slices.Equal(errs, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
}
