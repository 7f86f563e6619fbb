package cli

import (
	"slices"
	"testing"

	"github.com/plotline/plotline/internal/serve"
)

// TestReloadEvent checks what the open pages are told after a rebuild. A
// stylesheet edit swaps every stylesheet of a page, for the one edited
// may be @imported by the one the page links, and then no link names it.
func TestReloadEvent(t *testing.T) {
	for _, tc := range []struct {
		name            string
		inputs, changed []string
		kind            string
		paths           []string
	}{
		{"imported stylesheet", []string{"theme/css/extra.css"}, []string{"theme/css/extra.css"}, serve.KindCSS, nil},
		{"linked stylesheet", []string{"theme/css/plotline.css"}, []string{"theme/css/plotline.css", "index.html"}, serve.KindCSS, nil},
		{"article", []string{"content/a.md"}, []string{"a/index.html", "index.html", "feed.xml"}, serve.KindReload, []string{"/repo/a/", "/repo/"}},
		{"article, feed copies", []string{"content/a.md"}, []string{"a/index.html", "feed.xml", "index.xml", "posts/index.xml", "old/atom.rss"}, serve.KindReload, []string{"/repo/a/"}},
		{"picture", []string{"content/a.png"}, []string{"a.png"}, serve.KindReload, nil},
		{"nothing changed", []string{"content/a.md"}, nil, serve.KindOK, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ev := reloadEvent("/repo/", tc.inputs, tc.changed)
			if ev.Kind != tc.kind || !slices.Equal(ev.Paths, tc.paths) {
				t.Errorf("reloadEvent(%q, %q) = %s %q; want %s %q", tc.inputs, tc.changed, ev.Kind, ev.Paths, tc.kind, tc.paths)
			}
		})
	}
}
