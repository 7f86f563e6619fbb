package site

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// printLinksJS returns, for the article as printed, every link of its
// text and of its list of sources that is printed, with what the paper
// shows after it (its ::after content), and how many of the footnotes'
// back links are printed.
const printLinksJS = `(() => {
	const shown = el => el.getClientRects().length > 0;
	const links = Array.from(document.querySelectorAll('.article-body a[href], .article-footer .sources a[href]'))
		.filter(a => shown(a) && !a.getAttribute('href').startsWith('#') && !a.classList.contains('footnote-backref'))
		.map(a => ({Href: a.getAttribute('href'), After: getComputedStyle(a, '::after').content}));
	const back = Array.from(document.querySelectorAll('.footnote-backref')).filter(shown).length;
	return {Links: links, Back: back};
})()`

// TestBrowserPrintLinks prints the Kursk article: every link of its text
// prints its address after it, a link to another page of the site as
// well as one to another site (it printed none, and "see how long
// Millbrook's rainy-day fund can last" led nowhere on paper); and the
// footnotes' "↩" back links, which do nothing on paper, are left out.
func TestBrowserPrintLinks(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	root, _ := serveExample(t)
	navigate(t, ctx, root+kurskPath)
	emulateMedia(t, ctx, "print")
	type link struct{ Href, After string }
	got, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Links []link
		Back  int
	}](printLinksJS))
	if err != nil {
		t.Fatal(err)
	}
	internal := 0
	for _, l := range got.Links {
		if l.Href[0] == '/' {
			internal++
		}
		if want := `" (" "` + l.Href + `" ")"`; l.After != want && l.After != `" (`+l.Href+`)"` {
			t.Errorf("link to %s prints %s after it; want its address", l.Href, l.After)
		}
	}
	if internal == 0 {
		t.Errorf("no printed link to another page of the site among %+v; want the one to the Millbrook article", got.Links)
	}
	if got.Back != 0 {
		t.Errorf("%d footnote back links are printed; want none", got.Back)
	}
}
