package serve

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/plotline/plotline/internal/browsertest"
)

// browserTimeout bounds a browser test, from the opening of its first tab
// to the last check.
const browserTimeout = 90 * time.Second

// TestMain shares one Chromium among the browser tests, closed when they
// are done.
func TestMain(m *testing.M) {
	browsertest.Main(m)
}

// newBrowser opens a tab of the shared headless Chromium in a browser
// context of its own, which no cookie, storage, cache or shared worker of
// another test reaches, and returns its context; chromedp.NewContext on it
// opens more tabs in the same browser context. Without Chromium the test
// fails in CI and is skipped elsewhere.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	return browsertest.Tab(t, browserTimeout)
}

// servePages serves n pages, /repo/p0/ to /repo/p(n-1)/, each linking one
// stylesheet, and returns the server and the address of /repo/.
func servePages(t *testing.T, n int) (*Server, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "public")
	writeFile(t, filepath.Join(dir, "site.css"), "body { color: rgb(1, 2, 3); }\n")
	writeFile(t, filepath.Join(dir, "404.html"), notFoundPage)
	for i := range n {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("p%d", i), "index.html"), fmt.Sprintf(
			"<!doctype html><html><head><title>Page %d</title><link rel=\"stylesheet\" href=\"/repo/site.css\"></head><body><h1>Page %d</h1></body></html>\n", i, i))
	}
	s := New(dir, "/repo/", Options{})
	_, url := serveOn(t, s, "127.0.0.1:0")
	return s, url
}

// A tab of the browser, open at one page.
type tab struct {
	name string
	ctx  context.Context
}

// openTab opens a tab at url and waits, up to 10 s, for the page to load.
// Before its scripts run, the tab runs setup, when it is not empty.
func openTab(t *testing.T, browser context.Context, name, url, setup string) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("%s: opening a tab: %v", name, err)
	}
	if setup != "" {
		if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: setup}); err != nil {
			t.Fatal(err)
		}
	}
	nav, cancelNav := context.WithTimeout(ctx, 10*time.Second)
	defer cancelNav()
	if err := chromedp.Do(nav, chromedp.Navigate(url)); err != nil {
		t.Fatalf("%s: %s did not load within 10 s: %v", name, url, err)
	}
	tb := &tab{name: name, ctx: ctx}
	tb.eval(t, `window.plotlineKept = true`)
	return tb
}

// eval evaluates js in the tab.
func (tb *tab) eval(t *testing.T, js string) any {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[any](js))
	if err != nil {
		t.Fatalf("%s: %s: %v", tb.name, js, err)
	}
	return v
}

// wait waits, up to 5 s, until js is true in the tab, and reports whether
// it came true. An evaluation that fails, as one does while the page
// reloads, counts as false.
func (tb *tab) wait(js string) bool {
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(tb.ctx, time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		cancel()
		if err == nil && ok {
			return true
		}
	}
	return false
}

// overlayJS is the text of the error overlay, or "" without one.
const overlayJS = `(() => {
	const host = document.getElementById('plotline-reload-error-overlay');
	return host && host.shadowRoot ? host.shadowRoot.textContent : '';
})()`

// TestBrowserManyPages opens more pages of the preview in one browser than
// it opens connections to a host over HTTP/1.1 (six): every page loads,
// and each gets the events meant for it. With an event stream for each
// page, the seventh page never loaded. One tab has no shared workers and
// opens a stream of its own, as a browser without them does.
func TestBrowserManyPages(t *testing.T) {
	const n = 9
	browser := newBrowser(t)
	s, root := servePages(t, n)
	var tabs []*tab
	for i := range n - 1 {
		tabs = append(tabs, openTab(t, browser, fmt.Sprintf("tab %d", i), fmt.Sprintf("%sp%d/", root, i), ""))
	}
	own := openTab(t, browser, "tab without shared workers", root+"p8/", "delete window.SharedWorker;")
	tabs = append(tabs, own)
	s.Publish(Event{Kind: KindCSS})
	for _, tb := range tabs {
		if !tb.wait(`[...document.querySelectorAll('link[rel=stylesheet]')].some(l => new URL(l.href).searchParams.has('v') && l.sheet)`) {
			t.Fatalf("%s: the stylesheet was not swapped after a css event", tb.name)
		}
		if tb.eval(t, `window.plotlineKept === true`) != true {
			t.Errorf("%s: reloaded after a css event; want the stylesheet swapped in place", tb.name)
		}
	}

	s.Publish(Event{Kind: KindReload, Paths: []string{"/repo/p3/", "/repo/p8/"}})
	const reloadedJS = `window.plotlineKept !== true && document.readyState === 'complete'`
	for _, tb := range []*tab{tabs[3], tabs[8]} {
		if !tb.wait(reloadedJS) {
			t.Errorf("%s: not reloaded after a reload of its page", tb.name)
		}
		tb.eval(t, `window.plotlineKept = true`)
	}
	for i, tb := range tabs {
		if i != 3 && i != 8 && tb.eval(t, reloadedJS) == true {
			t.Errorf("%s: reloaded after a reload of p3 and p8", tb.name)
		}
	}

	const msg = "content/articles/a.md:3:7: date: cannot parse"
	s.Publish(Event{Kind: KindError, Errors: []string{msg}})
	late := openTab(t, browser, "tab opened after the error", root+"p1/", "")
	for _, tb := range append(tabs, late) {
		if !tb.wait(fmt.Sprintf(`(%s).includes(%q)`, overlayJS, msg)) {
			t.Errorf("%s: no error overlay naming %q; overlay %q", tb.name, msg, tb.eval(t, overlayJS))
		}
	}
	s.Publish(Event{Kind: KindOK})
	for _, tb := range append(tabs, late) {
		if !tb.wait(fmt.Sprintf(`(%s) === ''`, overlayJS)) {
			t.Errorf("%s: the error overlay stayed after the build was mended", tb.name)
		}
		if tb.eval(t, `window.plotlineKept === true`) != true {
			t.Errorf("%s: reloaded after an error and its mending; want no reload", tb.name)
		}
	}

	// A page that went away may hold its stream a moment longer.
	deadline := time.Now().Add(5 * time.Second)
	for s.hub.len() != 2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := s.hub.len(); got != 2 {
		t.Errorf("open event streams = %d; want 2, one shared by the pages and one of the tab without shared workers", got)
	}
}
