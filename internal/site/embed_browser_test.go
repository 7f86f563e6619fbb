package site

import (
	"context"
	"fmt"
	"html"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// serveAt serves the folder dest under /repo/ on a listener of its own and
// returns the site's root URL, ending in /.
func serveAt(t *testing.T, ln net.Listener, dest string) string {
	t.Helper()
	srv := &http.Server{Handler: http.StripPrefix("/repo", http.FileServer(http.Dir(dest)))}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String() + "/repo/"
}

// listen opens a listener on a free port of 127.0.0.1.
func listen(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln
}

// openHostPage serves body, a host page holding an embed snippet, from an
// address of its own, opens it in the browser of ctx, and waits until the
// iframe has been given the height its page posted.
func openHostPage(t *testing.T, ctx context.Context, body string) {
	t.Helper()
	ln := listen(t)
	host := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	})}
	go host.Serve(ln)
	t.Cleanup(func() { host.Close() })
	navigate(t, ctx, "http://"+ln.Addr().String()+"/")
	if _, err := chromedp.Run(ctx, poll[bool](`document.querySelector('iframe').style.height !== ''`, 20*time.Second)); err != nil {
		t.Fatalf("the iframe never got a height from its page: %v", err)
	}
}

// hostPage is another newsroom's page: a column whose width the test sets,
// with the snippet pasted between two paragraphs.
const hostPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Another newsroom</title>
<style>body { margin: 0; font: 16px sans-serif; } #column { width: 800px; margin: 0 auto; }</style>
</head><body><div id="column"><p>Before the chart.</p>
%s
<p id="after">After the chart.</p></div></body></html>`

// TestBrowserEmbed serves the example site on one port and, on another
// port (another origin), a page that holds the Kursk chart's snippet as a
// reader copies it. The iframe shows the live chart, and takes the height
// of the page inside it, whatever the width of the column: narrowed to a
// phone's, the chart switches to its taller frame and the iframe follows.
func TestBrowserEmbed(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	siteLn := listen(t)
	dest := buildExample(t, "http://"+siteLn.Addr().String()+"/repo/")
	root := serveAt(t, siteLn, dest)

	article, err := os.ReadFile(dest + "/" + kurskPath + "index.html")
	if err != nil {
		t.Fatal(err)
	}
	m := snippetRE.FindSubmatch(article)
	if m == nil {
		t.Fatal("the article has no snippet")
	}
	snippet := html.UnescapeString(string(m[2]))
	if !strings.Contains(snippet, `src="`+root+kurskPath+`embed-1.html"`) {
		t.Fatalf("the snippet does not frame %sembed-1.html: %s", root+kurskPath, snippet)
	}
	// The page inside the iframe, seen through a world of the test's own
	// (its scripts' globals are not visible there, its document is), once
	// it has loaded and told the host its height.
	openHostPage(t, ctx, fmt.Sprintf(hostPage, snippet))
	tree, err := chromedp.Call(ctx, page.GetFrameTree, struct{}{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tree.FrameTree.ChildFrames) != 1 {
		t.Fatalf("the host page has %d frames; want 1", len(tree.FrameTree.ChildFrames))
	}
	world, err := chromedp.Call(ctx, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: tree.FrameTree.ChildFrames[0].Frame.ID, WorldName: "test"})
	if err != nil {
		t.Fatal(err)
	}
	inFrame := func(p *runtime.EvaluateParams) { p.ContextID = world.ExecutionContextID }

	// heights returns the iframe's height and the height of the page in
	// it, once they agree and the live chart is drawn; it fails after a
	// while otherwise.
	heights := func(step string) (outer, inner int) {
		t.Helper()
		var live bool
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			outer, err = chromedp.Run(ctx, chromedp.Evaluate[int](`Math.round(document.querySelector('iframe').getBoundingClientRect().height)`))
			if err != nil {
				t.Fatal(err)
			}
			inner, err = chromedp.Run(ctx, chromedp.Evaluate[int](`Math.ceil(document.documentElement.getBoundingClientRect().height)`, inFrame))
			if err != nil {
				t.Fatal(err)
			}
			live, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
				const box = document.querySelector('.chart-box'), canvas = box && box.querySelector('canvas');
				if (!canvas || box.hidden || !document.querySelector('.chart-static').hidden) return false;
				const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
				let painted = 0;
				for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
				return painted / (canvas.width * canvas.height) > 0.1;
			})()`, inFrame))
			if err != nil {
				t.Fatal(err)
			}
			if live && outer == inner {
				return outer, inner
			}
		}
		t.Fatalf("%s: the iframe is %d pixels tall, the page in it %d, its chart live: %v; want the same height and a live chart", step, outer, inner, live)
		return 0, 0
	}
	wide, _ := heights("in a column of 800 pixels")
	frame, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('.chart-box')).getPropertyValue('--plc-frame').trim()`, inFrame))
	if err != nil || frame != "wide" {
		t.Errorf("in 800 pixels the chart uses its %q frame (%v); want wide", frame, err)
	}

	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById('column').style.width = '360px'`)); err != nil {
		t.Fatal(err)
	}
	var narrow int
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline) && narrow <= wide; time.Sleep(100 * time.Millisecond) {
		narrow, _ = heights("in a column of 360 pixels")
	}
	if narrow <= wide {
		t.Fatalf("narrowed to 360 pixels, the iframe is %d pixels tall; want taller than the %d it was at 800", narrow, wide)
	}
	frame, err = chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('.chart-box')).getPropertyValue('--plc-frame').trim()`, inFrame))
	if err != nil || frame != "narrow" {
		t.Errorf("in 360 pixels the chart uses its %q frame (%v); want narrow", frame, err)
	}
	t.Logf("iframe height: %d pixels in a column of 800, %d in one of 360", wide, narrow)

	// The host page's own text still follows the iframe: nothing overlaps.
	gap, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.getElementById('after').getBoundingClientRect().top - document.querySelector('iframe').getBoundingClientRect().bottom`))
	if err != nil || gap < 0 {
		t.Errorf("the paragraph after the iframe starts %g pixels below it (%v); want it below", gap, err)
	}
}

// TestBrowserCopySnippet clicks "Copy the HTML" under the Kursk chart: the
// clipboard then holds the snippet, exactly as the field shows it.
func TestBrowserCopySnippet(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	root, _ := serveExample(t)
	origin := strings.TrimSuffix(root, "/repo/")
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		// Granted in the tab's own browser context only.
		if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted, Origin: origin,
			BrowserContextID: chromedp.FromContext(ctx).BrowserContextID,
		}); err != nil {
			t.Fatal(err)
		}
	}
	navigate(t, ctx, root+kurskPath)
	const button = `details.chart-embed .chart-copy`
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
		const d = document.querySelector('details.chart-embed');
		d.open = true;
		d.scrollIntoView({block: 'center', behavior: 'instant'});
		return !document.querySelector('`+button+`').hidden;
	})()`))
	if err != nil || !shown {
		t.Fatalf("the copy button is not shown (%v)", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Click(button)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, poll[bool](`document.querySelector('`+button+`').textContent === 'Copied'`, 10*time.Second)); err != nil {
		label, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('`+button+`').textContent`))
		t.Fatalf("the button says %q after the click; want Copied (%v)", label, err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	want, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('details.chart-embed textarea').value`))
	if err != nil {
		t.Fatal(err)
	}
	if got != want || !strings.HasPrefix(got, `<iframe src="https://example.github.io/repo/`+kurskPath+`embed-1.html"`) {
		t.Errorf("the clipboard holds %.120q; want the snippet %.120q", got, want)
	}
}

// TestBrowserEmbedNarrowScrollBar puts the Kursk chart's snippet in a
// column of 360 pixels from the start, in a Chromium that shows scroll
// bars as desktop browsers do. The iframe's first height (that of a wide
// column) is too short, so its page first gets a scroll bar; the narrow
// chart, as tall as it is wide, is shorter beside it than without it.
// The page still ends as tall as the iframe, with no scroll bar left and
// the whole width for the chart.
func TestBrowserEmbedNarrowScrollBar(t *testing.T) {
	ctx := newBrowserWith(t, browserTimeout, nil, chromedp.Flag("hide-scrollbars", false))
	siteLn := listen(t)
	dest := buildExample(t, "http://"+siteLn.Addr().String()+"/repo/")
	serveAt(t, siteLn, dest)
	article, err := os.ReadFile(dest + "/" + kurskPath + "index.html")
	if err != nil {
		t.Fatal(err)
	}
	m := snippetRE.FindSubmatch(article)
	if m == nil {
		t.Fatal("the article has no snippet")
	}
	openHostPage(t, ctx, strings.Replace(fmt.Sprintf(hostPage, html.UnescapeString(string(m[2]))), "width: 800px", "width: 360px", 1))
	tree, err := chromedp.Call(ctx, page.GetFrameTree, struct{}{})
	if err != nil {
		t.Fatal(err)
	}
	world, err := chromedp.Call(ctx, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: tree.FrameTree.ChildFrames[0].Frame.ID, WorldName: "test"})
	if err != nil {
		t.Fatal(err)
	}
	inFrame := func(p *runtime.EvaluateParams) { p.ContextID = world.ExecutionContextID }
	type state struct {
		Outer, Inner, Width, Client int
		Live                        bool
	}
	var s state
	// Settled: the chart live, the iframe as tall as its page, for a
	// second on end.
	stable := 0
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline) && stable < 10; time.Sleep(100 * time.Millisecond) {
		var next state
		if next.Outer, err = chromedp.Run(ctx, chromedp.Evaluate[int](`Math.round(document.querySelector('iframe').getBoundingClientRect().height)`)); err != nil {
			t.Fatal(err)
		}
		if next, err = chromedp.Run(ctx, chromedp.Evaluate[state](`({
			Outer: `+fmt.Sprint(next.Outer)+`,
			Inner: Math.ceil(document.documentElement.getBoundingClientRect().height),
			Width: innerWidth,
			Client: document.documentElement.clientWidth,
			Live: !!document.querySelector('.chart-box canvas') && document.querySelector('.chart-static').hidden,
		})`, inFrame)); err != nil {
			t.Fatal(err)
		}
		if next == s && s.Live && s.Outer == s.Inner {
			stable++
		} else {
			stable = 0
		}
		s = next
	}
	if stable < 10 {
		t.Fatalf("the embed never settled: %+v", s)
	}
	if s.Client != s.Width {
		t.Errorf("the page in the iframe is %d pixels wide in a frame of %d (a scroll bar takes the rest), at %d pixels tall; want no scroll bar", s.Client, s.Width, s.Inner)
	}
	t.Logf("settled: %+v", s)
}
