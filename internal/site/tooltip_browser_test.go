package site

import (
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// tooltipShownJS says whether the live chart of the page shows its
// tooltip: a box in the chart that holds text and is visible.
const tooltipShownJS = `Array.from(document.querySelectorAll('.chart-live div')).some(d => {
	const s = getComputedStyle(d);
	return (d.innerText || '').trim() !== '' && s.display !== 'none' && s.visibility !== 'hidden' && Number(s.opacity) > 0;
})`

// TestBrowserTooltipEscape points at the middle of the example's live
// chart, waits for the tooltip, and presses Escape: the tooltip, which
// covers part of the chart, goes away while the pointer stays where it is
// (WCAG 1.4.13, content on hover is dismissible).
func TestBrowserTooltipEscape(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	root, _ := serveExample(t)
	setWindow(t, ctx, 1280, "light", true)
	navigate(t, ctx, root+kurskPath)
	charts := waitChartsPainted(t, ctx, minPainted)
	type point struct{ X, Y float64 }
	p, err := chromedp.Run(ctx, chromedp.Evaluate[point](`(() => {
	const el = document.getElementById(`+"`"+charts[0].Figure+"`"+`).querySelector('.chart-live');
	el.scrollIntoView({block: 'center'});
	const r = el.getBoundingClientRect();
	return {X: r.left + r.width / 2, Y: r.top + r.height / 2};
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, p.X, p.Y)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, poll[bool](tooltipShownJS, 5*time.Second)); err != nil {
		t.Fatalf("no tooltip with the pointer on the chart: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, poll[bool]("!("+tooltipShownJS+")", 2*time.Second)); err != nil {
		t.Errorf("the tooltip stays after Escape with the pointer still on the chart: %v", err)
	}
}

// shownTooltipJS returns the text of the tooltip the page's live chart
// shows, "" when it shows none.
const shownTooltipJS = `(Array.from(document.querySelectorAll('.chart-live div')).find(d => {
	const s = getComputedStyle(d);
	return (d.innerText || '').trim() !== '' && s.display !== 'none' && s.visibility !== 'hidden' && Number(s.opacity) > 0;
}) || {innerText: ''}).innerText`

// TestBrowserChartKeyboard reaches the example's live chart with the Tab
// key and moves its tooltip with the arrow keys, Home and End, as a reader
// without a mouse would, from point to point as the pointer moves it: the
// projection's start, the two observations, back, and the chart's last
// date; the tooltip goes when the focus leaves. The tooltip could be
// shown only by pointing at the chart.
func TestBrowserChartKeyboard(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	root, _ := serveExample(t)
	setWindow(t, ctx, 1280, "light", true)
	useUTC(t, ctx)
	navigate(t, ctx, root+kurskPath)
	waitChartsPainted(t, ctx, minPainted)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.querySelector('.chart-data summary').focus(), true)`)); err != nil {
		t.Fatal(err)
	}
	// Backwards from the data table's summary, the first stop is the chart.
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift))); err != nil {
		t.Fatal(err)
	}
	focused, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement.classList.contains('chart-live') && document.activeElement.matches(':focus-visible')`))
	if err != nil {
		t.Fatal(err)
	}
	if !focused {
		t.Fatalf("Shift+Tab from the data table does not reach the live chart")
	}
	for _, step := range []struct {
		key, want string
	}{
		{"", "5 Dec 2024"},
		{kb.ArrowRight, "6 Jan 2025"},
		{kb.ArrowRight, "13 Jan 2025"},
		{kb.ArrowLeft, "6 Jan 2025"},
		{kb.Home, "5 Dec 2024"},
		{kb.End, "13 Jun 2025"},
	} {
		if step.key != "" {
			if err := chromedp.Do(ctx, chromedp.KeyEvent(step.key)); err != nil {
				t.Fatal(err)
			}
		}
		js := `(() => { const t = ` + shownTooltipJS + `; return t.includes(` + "`" + step.want + "`" + `) ? t : ''; })()`
		if _, err := chromedp.Run(ctx, poll[string](js, 3*time.Second)); err != nil {
			text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](shownTooltipJS))
			t.Errorf("after %q the tooltip says %q; want %s", step.key, text, step.want)
		}
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, poll[bool]("!("+tooltipShownJS+")", 2*time.Second)); err != nil {
		t.Errorf("the tooltip stays once the focus has left the chart: %v", err)
	}
}
