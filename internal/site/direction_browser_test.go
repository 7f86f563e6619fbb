package site

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
)

// pageDirectionJS returns the page's direction and whether its first
// quote has its rule on the right, and there only.
const pageDirectionJS = `(() => {
	const s = getComputedStyle(document.documentElement);
	const q = document.querySelector('.article-body blockquote');
	const qs = q && getComputedStyle(q);
	return {
		Direction: s.direction,
		QuoteRuleRight: !!qs && qs.borderRightWidth !== '0px' && qs.borderLeftWidth === '0px',
	};
})()`

// TestBrowserRightToLeft opens the compare article in a site whose
// language is written from right to left (Arabic, ar-u-nu-latn) and in the
// same site in Arabic written in Latin letters (ar-Latn), left to right,
// whose charts write the same numbers and month names, at a phone's width
// and a desktop's, live and static, and checks that the page reads from
// right to left (its quotes ruled on the right) while every chart is laid
// out exactly as in the left-to-right page: time runs from left to right
// and every text and line of the chart is where it is there. Then it lays the charts out from right to left
// on purpose, to show that the comparison sees it, live and static.
func TestBrowserRightToLeft(t *testing.T) {
	ctx := newBrowser(t, 3*browserTimeout, nil)
	ltr := compareSite()
	ltr["content/articles/compare.md"].Data = append(slices.Clone(ltr["content/articles/compare.md"].Data), "\n> A quote, ruled on its start side.\n"...)
	rtl := maps.Clone(ltr)
	rtl["plotline.yaml"] = &fstest.MapFile{Data: []byte(string(ltr["plotline.yaml"].Data) + "language: ar-u-nu-latn\n")}
	ltr["plotline.yaml"] = &fstest.MapFile{Data: []byte(string(ltr["plotline.yaml"].Data) + "language: ar-Latn\n")}
	ltrRoot := serveDir(t, buildFS(t, ltr))
	rtlRoot := serveDir(t, buildFS(t, rtl))
	type look struct {
		Direction      string
		QuoteRuleRight bool
	}
	broken := map[string]bool{} // renderings where the layout broken on purpose was seen
	for _, width := range []int64{390, 1280} {
		for _, rendering := range []string{"live", "static"} {
			t.Run(fmt.Sprintf("%d-%s", width, rendering), func(t *testing.T) {
				setWindow(t, ctx, width, "light", rendering == "live")
				measure := func(root string) (look, map[string]chartLayout) {
					navigate(t, ctx, root+"articles/compare/")
					if rendering == "live" {
						waitChartsPainted(t, ctx, 0.02)
					}
					l, err := chromedp.Run(ctx, chromedp.Evaluate[look](pageDirectionJS))
					if err != nil {
						t.Fatal(err)
					}
					return l, measureInFigures(t, ctx)
				}
				ltrLook, ltrCharts := measure(ltrRoot)
				rtlLook, rtlCharts := measure(rtlRoot)
				if ltrLook != (look{"ltr", false}) {
					t.Errorf("the left-to-right page: %+v; want it left to right, its quote ruled on the left", ltrLook)
				}
				if rtlLook != (look{"rtl", true}) {
					t.Errorf("the Arabic page: %+v; want it right to left, its quote ruled on the right", rtlLook)
				}
				if len(ltrCharts) != 2 {
					t.Fatalf("%d charts measured; want 2", len(ltrCharts))
				}
				for _, p := range layoutDifferences(ltrCharts, rtlCharts, rendering) {
					t.Error(p)
				}
				// The check sees a chart laid out from right to left.
				if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](`(() => {
					const s = document.createElement('style');
					s.textContent = '.chart-box, .chart-static svg { direction: rtl !important; }';
					document.head.append(s);
					window.dispatchEvent(new Event('resize'));
				})()`)); err != nil {
					t.Fatal(err)
				}
				if rendering == "live" {
					waitChartsPainted(t, ctx, 0.02)
				}
				if len(layoutDifferences(ltrCharts, measureInFigures(t, ctx), rendering)) > 0 {
					broken[rendering] = true
				}
			})
		}
	}
	// A live chart as wide as its frame is drawn the same either way; a
	// scaled one, and every static one, are not.
	for _, rendering := range []string{"live", "static"} {
		if !broken[rendering] {
			t.Errorf("%s charts laid out from right to left measure as the left-to-right ones at every width: the comparison sees nothing", rendering)
		}
	}
}

// measureInFigures is measureFigures with every box and line placed from
// the top left corner of its figure, so that a page scrolled elsewhere, or
// with a title of other lines above the chart, measures the same.
func measureInFigures(t *testing.T, ctx context.Context) map[string]chartLayout {
	t.Helper()
	charts := measureFigures(t, ctx)
	for id, l := range charts {
		corner, err := chromedp.Run(ctx, chromedp.Evaluate[[2]float64](fmt.Sprintf(`(() => { const r = document.getElementById(%q).getBoundingClientRect(); return [r.left, r.top]; })()`, id)))
		if err != nil {
			t.Fatal(err)
		}
		for i := range l.Texts {
			for j := range l.Texts[i].Box {
				l.Texts[i].Box[j] -= corner[j%2]
			}
		}
		for i := range l.Segments {
			for j := range l.Segments[i] {
				l.Segments[i][j] -= corner[j%2]
			}
		}
		charts[id] = l
	}
	return charts
}

// layoutDifferences returns how the charts of got differ from those of
// want, figure by figure: a rendering other than the one wanted, another
// number of texts, or a text or line more than a pixel away from its
// place in want.
func layoutDifferences(want, got map[string]chartLayout, rendering string) []string {
	var bad []string
	far := func(a, b [4]float64) bool {
		for i := range a {
			if math.Abs(a[i]-b[i]) > 1 {
				return true
			}
		}
		return false
	}
	for _, id := range slices.Sorted(maps.Keys(want)) {
		w, g := want[id], got[id]
		if w.Rendering != rendering || g.Rendering != rendering {
			bad = append(bad, fmt.Sprintf("%s: the %s and the %s chart are measured; want the %s one", id, w.Rendering, g.Rendering, rendering))
			continue
		}
		if len(w.Texts) != len(g.Texts) || len(w.Segments) != len(g.Segments) {
			bad = append(bad, fmt.Sprintf("%s: %d texts and %d lines; want %d and %d", id, len(g.Texts), len(g.Segments), len(w.Texts), len(w.Segments)))
			continue
		}
		for i, wt := range w.Texts {
			if gt := g.Texts[i]; gt.Text != wt.Text || far(gt.Box, wt.Box) {
				bad = append(bad, fmt.Sprintf("%s: %q at %.0f; want %q at %.0f", id, gt.Text, gt.Box, wt.Text, wt.Box))
			}
		}
		for i, ws := range w.Segments {
			if gs := g.Segments[i]; far(gs, ws) {
				bad = append(bad, fmt.Sprintf("%s: a line at %.0f; want it at %.0f", id, gs, ws))
			}
		}
	}
	return bad
}
