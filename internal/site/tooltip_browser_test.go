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
