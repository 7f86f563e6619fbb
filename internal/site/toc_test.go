package site

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

var tocRE = regexp.MustCompile(`(?s)<nav class="toc".*?</nav>`)

// TestContentsNested checks that the table of contents lists each h3
// under the h2 it belongs to, in a list of its own, so that neither a
// reader nor a screen reader takes a subsection for the next section:
// the h3 was once item 3 of one flat list, between sections 2 and 3. An
// h3 before the first h2 stands on its own.
func TestContentsNested(t *testing.T) {
	dest, errs := buildErrors(t, fstest.MapFS{
		"content/articles/a.md": {Data: []byte("---\ntitle: A\ndate: 2025-01-02\n---\n" +
			"### Before\n\n## One\n\n### One a\n\n### One b\n\n## Two\n\n## Three\n\n### Three a\n")},
	})
	if len(errs) > 0 {
		t.Fatalf("errors:\n%s", strings.Join(errs, "\n"))
	}
	got := tocRE.FindString(readOut(t, dest, "articles/a/index.html"))
	want := `<nav class="toc" aria-label="Contents">
<details open>
<summary>Contents</summary>
<ol>
<li class="toc-h3"><a href="#before">Before</a></li>
<li class="toc-h2"><a href="#one">One</a>
<ol>
<li class="toc-h3"><a href="#one-a">One a</a></li>
<li class="toc-h3"><a href="#one-b">One b</a></li>
</ol></li>
<li class="toc-h2"><a href="#two">Two</a></li>
<li class="toc-h2"><a href="#three">Three</a>
<ol>
<li class="toc-h3"><a href="#three-a">Three a</a></li>
</ol></li>
</ol>
</details>
</nav>`
	if got != want {
		t.Errorf("the table of contents:\n%s\nwant:\n%s", got, want)
	}
}
