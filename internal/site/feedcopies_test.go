package site

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestFeedCopies builds a site whose config names two old addresses of
// the feed: each holds the feed as feed.xml does, after a rebuild that
// changes the feed too, and links to them are valid.
func TestFeedCopies(t *testing.T) {
	files := maps.Clone(testSite)
	files["plotline.yaml"] = "title: T\nbase_url: https://example.org/repo/\nfeed_aliases:\n  - /index.xml\n  - /old/atom.xml\n"
	files["content/articles/b.md"] = "---\ntitle: B\ndate: 2025-01-02\ntags: [x, y]\n---\nBeta body. [Subscribe](/index.xml), or [there](/old/atom.xml).\n"
	dir, dest, b := builtTestSite(t, files)
	same := func(when string) {
		t.Helper()
		feed := readOut(t, dest, "feed.xml")
		for _, c := range []string{"index.xml", "old/atom.xml"} {
			if got := readOut(t, dest, c); got != feed {
				t.Errorf("%s: %s differs from feed.xml", when, c)
			}
		}
		// Feed readers that follow the self link move to feed.xml.
		if !strings.Contains(feed, `<link rel="self" type="application/atom+xml" href="https://example.org/repo/feed.xml">`) {
			t.Errorf("%s: the feed's self link is not feed.xml:\n%s", when, feed)
		}
	}
	same("a build")

	writeFiles(t, dir, map[string]string{"content/articles/a.md": strings.Replace(testSite["content/articles/a.md"], "Alpha body.", "Alpha body, edited.", 1)})
	res, err := b.Rebuild(context.Background(), []string{"content/articles/a.md"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Full {
		t.Errorf("an edit made a full build")
	}
	if !strings.Contains(readOut(t, dest, "index.xml"), "Alpha body, edited.") {
		t.Errorf("the copy of the feed at index.xml is not updated by a rebuild")
	}
	same("a rebuild")
	assertSameAsCleanBuild(t, dir, dest)
}

// TestFeedCopiesBounded gives the feed eleven old addresses: the 11th
// is an error at its line, as each is a copy of the whole feed.
func TestFeedCopiesBounded(t *testing.T) {
	var aliases strings.Builder
	for i := range 11 {
		fmt.Fprintf(&aliases, "  - /old%d.xml\n", i)
	}
	site := fstest.MapFS{
		"plotline.yaml":         {Data: []byte("title: T\nfeed_aliases:\n" + aliases.String())},
		"content/articles/a.md": {Data: []byte("---\ntitle: A\ndate: 2025-01-02\n---\nText.\n")},
	}
	_, errs := buildErrors(t, site)
	// "title" and "feed_aliases" are lines 1 and 2: the 11th path is on
	// line 13, after two spaces and "- ".
	want := []string{`plotline.yaml:13:5: feed_aliases: more than 10 old addresses of the feed: each is a copy of the whole feed; keep those that readers still subscribe to`}
	if !slices.Equal(errs, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
}
