package site

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/chromedp"
)

// TestBrowserHeadingNames reads the Kursk article's accessibility tree,
// as Chromium gives it to screen readers, and checks that each heading
// of its text is named by its text alone. The "#" link to a section stood
// inside its heading, so that every heading was read, and listed among
// the page's headings, as "What the projection says Link to this
// section". The link is still there for the keyboard, after the heading.
func TestBrowserHeadingNames(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	root, _ := serveExample(t)
	navigate(t, ctx, root+kurskPath)
	texts, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('.article-body h2[id]:not(.visually-hidden), .article-body h3[id]'), h => h.textContent.trim())`))
	if err != nil {
		t.Fatal(err)
	}
	if len(texts) < 3 {
		t.Fatalf("the article has %d headings of its own; want at least 3", len(texts))
	}
	anchors, err := chromedp.Run(ctx, chromedp.Evaluate[int](`(() => {
		const links = Array.from(document.querySelectorAll('.article-body a.heading-anchor'));
		return links.filter(a => { a.focus(); return document.activeElement === a; }).length;
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if anchors < len(texts) {
		t.Errorf("%d section links can take the focus; want one for each of the %d headings", anchors, len(texts))
	}
	res, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, n := range res.Nodes {
		if n.Ignored || n.Role == nil || n.Name == nil {
			continue
		}
		var role, name string
		if json.Unmarshal(n.Role.Value, &role) != nil || json.Unmarshal(n.Name.Value, &name) != nil || role != "heading" {
			continue
		}
		names = append(names, name)
	}
	for _, text := range texts {
		text = strings.TrimSuffix(text, "#")
		text = strings.TrimSpace(text)
		found := false
		for _, name := range names {
			if strings.HasPrefix(name, text) {
				found = true
				if name != text {
					t.Errorf("the heading %q is named %q; want its text alone", text, name)
				}
			}
		}
		if !found {
			t.Errorf("no heading named %q among %q", text, names)
		}
	}
}
