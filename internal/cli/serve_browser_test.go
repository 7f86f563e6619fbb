package cli

import (
	"context"
	"fmt"
	"html"
	"maps"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/plotline/plotline/internal/browsertest"
)

// clickSite is a small site served under /repo/: articles in a folder and
// a sub-folder, a page bundle with a picture, a chart read from a CSV file,
// tags, two pages of the home list, an old address and a page in the
// navigation, linking to each other's pages and headings.
func clickSite() map[string]string {
	return map[string]string{
		"plotline.yaml": "title: Click Desk\nbase_url: https://example.github.io/repo/\npage_size: 2\n",
		"content/articles/a.md": "---\ntitle: Alpha\ndate: 2025-03-01\ntags: [water, Public Finance]\naliases: [/old/alpha/]\n" +
			"data:\n  level:\n    csv: level.csv\n    projection:\n      rate: fit\n      per: day\n      limit: 400\n---\n\n" +
			"The level is {{ level.last.value }}. See [Bravo](../notes/deep/b.md#method) and the [picture's page](c/index.md).\n\n## Method\n\nHow.\n\n```chart\ndata: level\n```\n",
		"content/articles/level.csv":  "date,value\n2025-01-01,100\n2025-02-01,130\n",
		"content/notes/deep/b.md":     "---\ntitle: Bravo\ndate: 2025-02-01\ntags: [water]\n---\n\nBack to [Alpha](/articles/a/).\n\n## Method\n\nThe method.\n",
		"content/articles/c/index.md": "---\ntitle: Charlie\ndate: 2025-01-15\n---\n\n![A reservoir](pic.png)\n\n[The old address of Alpha](/old/alpha/)\n",
		"content/articles/c/pic.png":  "not really a png",
		"content/about.md":            "---\ntitle: About\ndate: 2025-01-01\ntype: page\nnav: About\n---\n\nAbout the [desk](/).\n",
	}
}

// TestBrowserServeClickThrough opens "plotline serve" of a site published
// under /repo/ in headless Chromium, follows every link of every page it
// reaches from the server's root, and checks that each leads somewhere
// (the status, and the heading a fragment names); then that a page
// reloads after its article is saved, and that a mistake saved shows the
// error over the page until it is mended.
func TestBrowserServeClickThrough(t *testing.T) {
	if testing.Short() {
		t.Skip("runs plotline serve and Chromium")
	}
	t.Run("base URL of the config", func(t *testing.T) { clickThrough(t, "/repo/") })
	t.Run("base URL of the flag", func(t *testing.T) {
		clickThrough(t, "/desk/", "--base-url", "http://localhost:1313/desk/")
	})
}

// clickThrough is TestBrowserServeClickThrough for a site served under
// base, with the flags args.
func clickThrough(t *testing.T, base string, args ...string) {
	dir := t.TempDir()
	writeSite(t, dir, clickSite())
	s := startServe(t, dir, 60*time.Second, args...)
	var problems pageProblems
	browser := browsertest.Start(t, 120*time.Second, nil, chromedp.WithListener(problems.listen))
	if _, err := chromedp.Call(browser, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(s.url)
	if err != nil {
		t.Fatal(err)
	}
	origin := u.Scheme + "://" + u.Host
	if u.Path != base {
		t.Fatalf("served at %s; want %s", s.url, base)
	}

	// The server's root leads to the site.
	if err := chromedp.Do(browser, chromedp.Navigate(origin+"/")); err != nil {
		t.Fatal(err)
	}
	at, err := chromedp.Run(browser, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if at != s.url {
		t.Errorf("the server's root leads to %s; want %s", at, s.url)
	}

	// Every link, stylesheet, script and picture of every page.
	const linksJS = `[...document.querySelectorAll('a[href], link[href], img[src], script[src]')]
		.map(e => e.href || e.src).filter(h => h.startsWith(location.origin))`
	seen := map[string]bool{}
	queue := []string{s.url}
	fragments := map[string][]string{} // page → the fragments links to it name
	from := map[string]string{}        // page → a page that links to it
	pages := 0
	for len(queue) > 0 {
		target := queue[0]
		queue = queue[1:]
		code, body := s.getURL(t, target)
		if code != 200 {
			t.Errorf("%s (linked from %s): status %d", target, from[target], code)
			continue
		}
		if !strings.Contains(body, "<html") {
			continue
		}
		pages++
		var links []string
		if strings.Contains(body, `http-equiv="refresh"`) {
			// An old address, whose page moves on at once, before a
			// script could read it: its links are read from its HTML.
			links = hrefsOf(t, target, body)
		} else {
			navigate(t, browser, target)
			if links, err = chromedp.Run(browser, chromedp.Evaluate[[]string](linksJS)); err != nil {
				t.Fatalf("%s: %v", target, err)
			}
		}
		for _, l := range links {
			lu, err := url.Parse(l)
			if err != nil {
				t.Errorf("%s: link %q: %v", target, l, err)
				continue
			}
			frag := lu.Fragment
			lu.Fragment, lu.RawFragment = "", ""
			next := lu.String()
			if !strings.HasPrefix(lu.Path, base) {
				t.Errorf("%s: link %s is outside the base path %s", target, l, base)
			}
			if frag != "" {
				fragments[next] = append(fragments[next], frag)
			}
			if !seen[next] {
				seen[next] = true
				from[next] = target
				queue = append(queue, next)
			}
		}
	}
	// The fragments each page is linked with name an element of it.
	for page, frags := range fragments {
		slices.Sort(frags)
		navigate(t, browser, page)
		for _, f := range slices.Compact(frags) {
			ok, err := chromedp.Run(browser, chromedp.Evaluate[bool](fmt.Sprintf(`document.getElementById(decodeURIComponent(%q)) !== null`, f)))
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				t.Errorf("%s#%s: no element with that id", page, f)
			}
		}
	}
	// What the pages loaded themselves (the charts' scripts) was there,
	// and no script failed.
	for _, p := range problems.take() {
		// A page without an icon of its own (the feed, shown as XML)
		// makes Chromium ask for the host's, outside any site.
		if !strings.HasPrefix(p, origin+"/favicon.ico:") {
			t.Errorf("while following the links: %s", p)
		}
	}
	for _, want := range []string{"articles/a/", "notes/deep/b/", "articles/c/", "articles/c/pic.png", "about/", "tags/water/", "page/2/", "old/alpha/", "articles/a/level.csv"} {
		if !seen[s.url+want] {
			t.Errorf("no link reaches %s", want)
		}
	}
	t.Logf("followed links to %d pages and %d files: %v", pages, len(seen), slices.Sorted(maps.Keys(seen)))

	// The navigation's link, clicked, opens its page.
	if err := chromedp.Do(browser, chromedp.Navigate(s.url)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(browser, chromedp.Click(chromedp.CSS(`nav a[href$="/about/"]`))); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if at, _ := chromedp.Run(browser, chromedp.Location()); at == s.url+"about/" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("clicking About in the navigation does not lead to %sabout/", s.url)
		}
	}

	// A save reloads the page open at the article, which then shows it.
	tab, cancel := chromedp.NewContext(browser)
	defer cancel()
	article := s.url + "articles/a/"
	if err := chromedp.Do(tab, chromedp.Navigate(article)); err != nil {
		t.Fatal(err)
	}
	keep := func() {
		t.Helper()
		if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`window.plotlineKept = true`)); err != nil {
			t.Fatal(err)
		}
	}
	keep()
	waitJS := func(what, js string) {
		t.Helper()
		for deadline := time.Now().Add(eventWait); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			ctx, cancel := context.WithTimeout(tab, 2*time.Second)
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
			cancel()
			if err == nil && ok {
				return
			}
		}
		t.Fatalf("%s: not within %v", what, eventWait)
	}
	text := clickSite()["content/articles/a.md"]
	writeFile(t, filepath.Join(dir, "content/articles/a.md"), strings.Replace(text, "The level is", "Saved: the level is", 1))
	waitJS("the page reloads with the saved text", `window.plotlineKept !== true && document.body.textContent.includes('Saved: the level is')`)

	// A mistake shows over the page, at its place, and goes once mended.
	const overlayJS = `(() => {
		const host = document.getElementById('plotline-reload-error-overlay');
		return host && host.shadowRoot ? host.shadowRoot.textContent : '';
	})()`
	keep()
	writeFile(t, filepath.Join(dir, "content/articles/a.md"), strings.Replace(text, "date: 2025-03-01", "date: next tuesday", 1))
	// "date: next tuesday" is line 3; its value starts at column 7.
	waitJS("the error overlay", fmt.Sprintf(`(%s).includes(%q)`, overlayJS, "content/articles/a.md:3:7: date: cannot parse"))
	writeFile(t, filepath.Join(dir, "content/articles/a.md"), strings.Replace(text, "The level is", "Mended: the level is", 1))
	waitJS("the overlay goes and the page shows the mended text", fmt.Sprintf(`(%s) === '' && document.body.textContent.includes('Mended: the level is')`, overlayJS))
}

// navigate opens u in the tab ctx. An old address's page refreshes to its
// page at once, and a navigation that meets that refresh is aborted: it is
// tried again.
func navigate(t *testing.T, ctx context.Context, u string) {
	t.Helper()
	var err error
	for range 3 {
		if err = chromedp.Do(ctx, chromedp.Navigate(u)); err == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s: %v", u, err)
}

// pageProblems collects what goes wrong in a tab: a response with an error
// status, a request that failed, an uncaught exception.
type pageProblems struct {
	mu   sync.Mutex
	list []string
}

func (p *pageProblems) listen(ev any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			p.list = append(p.list, fmt.Sprintf("%s: status %d", ev.Response.URL, ev.Response.Status))
		}
	case *network.EventLoadingFailed:
		if !ev.Canceled {
			p.list = append(p.list, fmt.Sprintf("request %s failed: %s", ev.RequestID, ev.ErrorText))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		p.list = append(p.list, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber+1, msg))
	}
}

// take returns the problems so far and forgets them.
func (p *pageProblems) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	l := p.list
	p.list = nil
	return l
}

// hrefRE finds the addresses of a page's links and stylesheets.
var hrefRE = regexp.MustCompile(`\shref="([^"]*)"`)

// hrefsOf returns the addresses the href attributes of body, the HTML of
// the page at page, name, resolved against it, as the browser's href
// properties give them.
func hrefsOf(t *testing.T, page, body string) []string {
	t.Helper()
	base, err := url.Parse(page)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range hrefRE.FindAllStringSubmatch(body, -1) {
		u, err := base.Parse(html.UnescapeString(m[1]))
		if err != nil {
			t.Errorf("%s: link %q: %v", page, m[1], err)
			continue
		}
		if u.Scheme+"://"+u.Host == base.Scheme+"://"+base.Host {
			out = append(out, u.String())
		}
	}
	return out
}
