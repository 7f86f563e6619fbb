package site

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestLinksToRawHTMLAnchors checks that a link to an anchor written in
// raw HTML is followed as a browser follows it, on a page that renders
// and on one that fails for another mistake.
func TestLinksToRawHTMLAnchors(t *testing.T) {
	body := "[1](#one) [2](#two) [3](#three) [4](#four) [5](b.md#five)\n\n" +
		"<a name=\"one\"></a>\n\n<a id='two'></a>\n\n<span id=three>x</span>\n\n<p id=\"four\">four</p>\n"
	site := fstest.MapFS{
		"plotline.yaml":         {Data: []byte("unsafe_html: true\n")},
		"content/articles/a.md": {Data: []byte("---\ntitle: A\ndate: 2025-01-02\n---\n" + body)},
		"content/articles/b.md": {Data: []byte("---\ntitle: B\ndate: 2025-01-01\n---\n[back](a.md#one)\n\n<A NAME=five></A>\n")},
	}
	if _, errs := buildErrors(t, site); len(errs) > 0 {
		t.Fatalf("errors:\n%s", strings.Join(errs, "\n"))
	}
	// The same page with a mistake of its own: only that is reported.
	site["content/articles/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\ndate: 2025-01-02\n---\n" + body + "\n[typo](/nowhere/)\n")}
	_, errs := buildErrors(t, site)
	want := []string{`content/articles/a.md:15:1: link "/nowhere/": no page or file of the site has this address`}
	if !slices.Equal(errs, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
}
