package site

import (
	"strings"
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

// tooltipBoxJS returns the text of the tooltip the page's live chart
// shows, with its box and the chart's, as the reader sees them: the chart's
// box hides whatever of the tooltip passes its edges.
const tooltipBoxJS = `(() => {
	const tip = Array.from(document.querySelectorAll('.chart-live div')).find(d => {
		const s = getComputedStyle(d);
		return (d.innerText || '').trim() !== '' && s.display !== 'none' && s.visibility !== 'hidden' && Number(s.opacity) > 0;
	});
	if (!tip) {
		return {Text: ''};
	}
	const t = tip.getBoundingClientRect(), b = tip.closest('.chart-box').getBoundingClientRect();
	return {Text: tip.innerText, Tip: [t.left, t.top, t.right, t.bottom], Box: [b.left, b.top, b.right, b.bottom]};
})()`

// TestBrowserTooltipInsideChart reaches the example's live chart with the
// Tab key at a phone's width and a desktop's, and moves its tooltip over
// every date with the arrow keys: each time, the whole tooltip lies within
// the chart's box, which hides what passes its edges. The tooltip of the
// second observation, whose label is long, stood half outside the chart on
// a desktop and wholly outside it on a phone, so that its date and value
// could not be read; on a phone, the last date's did too.
func TestBrowserTooltipInsideChart(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	root, _ := serveExample(t)
	useUTC(t, ctx)
	for _, width := range []int64{390, 1280} {
		setWindow(t, ctx, width, "light", true)
		navigate(t, ctx, root+kurskPath)
		waitChartsPainted(t, ctx, minPainted)
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.querySelector('.chart-data summary').focus(), true)`)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift))); err != nil {
			t.Fatal(err)
		}
		for i, date := range []string{"5 Dec 2024", "6 Jan 2025", "13 Jan 2025", "13 Jun 2025"} {
			if i > 0 {
				if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowRight)); err != nil {
					t.Fatal(err)
				}
			}
			type tipBox struct {
				Text     string
				Tip, Box [4]float64
			}
			// The tooltip glides to its place: it is measured once it
			// shows the date and has stood still for a tenth of a second.
			var got tipBox
			for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
				b, err := chromedp.Run(ctx, chromedp.Evaluate[tipBox](tooltipBoxJS))
				if err != nil {
					t.Fatal(err)
				}
				if strings.HasPrefix(b.Text, date) && b == got {
					break
				}
				got = b
			}
			if !strings.HasPrefix(got.Text, date) {
				t.Errorf("%d px: after %d presses of the right arrow the tooltip says %q; want %s", width, i, got.Text, date)
				continue
			}
			if got.Tip[0] < got.Box[0]-1 || got.Tip[1] < got.Box[1]-1 || got.Tip[2] > got.Box[2]+1 || got.Tip[3] > got.Box[3]+1 {
				t.Errorf("%d px: the tooltip of %s spans %.0f–%.0f across and %.0f–%.0f down, the chart %.0f–%.0f and %.0f–%.0f; want it within the chart, where it can be read",
					width, date, got.Tip[0], got.Tip[2], got.Tip[1], got.Tip[3], got.Box[0], got.Box[2], got.Box[1], got.Box[3])
			}
		}
	}
}
