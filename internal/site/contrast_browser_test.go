package site

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
)

// colourJS defines, for the scripts below, rgba, which reads a CSS colour
// as red, green, blue and alpha, and lum, WCAG 2.2's relative luminance.
const colourJS = `
	const probe = document.createElement('span');
	probe.style.transition = 'none';
	document.body.append(probe);
	const rgba = c => {
		probe.style.color = '';
		probe.style.color = c;
		const m = getComputedStyle(probe).color.match(/[\d.]+/g).map(Number);
		return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1];
	};
	const lum = ([r, g, b]) => {
		const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
		return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
	};
`

// chartContrastJS returns every text of the charts of the page that the
// reader sees, static or live, with its colour's contrast ratio against
// the page's background (WCAG 2.2's relative luminance, opacity blended).
const chartContrastJS = `(() => {
` + colourJS + `	let bg = [255, 255, 255];
	for (const el of [document.body, document.documentElement]) {
		const c = rgba(getComputedStyle(el).backgroundColor);
		if (c[3] > 0) { bg = c; break; }
	}
	const ratio = (colour, opacity) => {
		const c = rgba(colour), a = c[3] * opacity;
		const mixed = [0, 1, 2].map(i => c[i] * a + bg[i] * (1 - a));
		const l1 = lum(mixed), l2 = lum(bg);
		return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
	};
	const out = [];
	document.querySelectorAll('figure.chart').forEach(fig => {
		const live = fig.querySelector('.chart-live');
		const inst = live && window.echarts && window.echarts.getInstanceByDom(live);
		if (inst && live.getClientRects().length > 0) {
			inst.getZr().storage.getDisplayList(true).forEach(el => {
				if (el.ignore || el.invisible || !(el.type === 'text' || el.type === 'tspan') || !el.style || !el.style.text || !el.style.fill) {
					return;
				}
				const o = el.style.opacity == null ? 1 : el.style.opacity;
				out.push({Figure: fig.id, Rendering: 'live', Text: String(el.style.text), Colour: String(el.style.fill), Ratio: ratio(el.style.fill, o)});
			});
			return;
		}
		fig.querySelectorAll('.chart-static svg text').forEach(t => {
			if (t.getClientRects().length === 0) {
				return;
			}
			const s = getComputedStyle(t);
			out.push({Figure: fig.id, Rendering: 'static', Text: t.textContent, Colour: s.fill, Ratio: ratio(s.fill, Number(s.fillOpacity) * Number(s.opacity))});
		});
	});
	probe.remove();
	return out;
})()`

// chartText is one text of chartContrastJS.
type chartText struct {
	Figure, Rendering, Text, Colour string
	Ratio                           float64
}

// measureContrast returns every text of the charts of the page in ctx
// with its contrast against the page (chartContrastJS).
func measureContrast(t *testing.T, ctx context.Context) []chartText {
	t.Helper()
	texts, err := chromedp.Run(ctx, chromedp.Evaluate[[]chartText](chartContrastJS))
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

// TestBrowserChartTextContrast opens the example's articles and a chart of
// two blocks, each with a labelled observation, in light and dark mode,
// live and static, at a phone's width and a desktop's, and checks that
// every text of every chart (ticks, legend, unit, limit, crossing, event
// and observation labels) has a contrast of at least 4.5:1 against the
// page (WCAG 1.4.3: the texts are 11 and 12 pixels).
func TestBrowserChartTextContrast(t *testing.T) {
	ctx := newBrowser(t, 3*browserTimeout, nil)
	root, _ := serveExample(t)
	compareRoot := serveDir(t, buildFS(t, compareSite()))
	pages := []string{root + kurskPath, root + millbrookPath, compareRoot + "articles/compare/"}
	for _, width := range []int64{390, 1280} {
		for _, scheme := range []string{"light", "dark"} {
			for _, rendering := range []string{"live", "static"} {
				t.Run(fmt.Sprintf("%d-%s-%s", width, scheme, rendering), func(t *testing.T) {
					setWindow(t, ctx, width, scheme, rendering == "live")
					for _, p := range pages {
						navigate(t, ctx, p)
						if rendering == "live" {
							waitChartsPainted(t, ctx, 0.02)
						}
						texts := measureContrast(t, ctx)
						if slices.ContainsFunc(texts, func(x chartText) bool { return x.Ratio < 4.5 }) {
							// On three CI runs under load the
							// observation labels of the compare page
							// came out in the light scheme's colours
							// on the dark page: the switch to the
							// emulated scheme still running as
							// transitions, which navigate now
							// finishes. Should a first look still see
							// a text under 4.5:1, the page is left,
							// the window's media set again and the
							// page opened anew, with what the first
							// look saw in the log: a colour of the
							// page's own still fails below.
							state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`[matchMedia('(prefers-color-scheme: dark)').matches, document.styleSheets.length, getComputedStyle(document.documentElement).getPropertyValue('--pl-chart-series-2')].join(' ')`))
							t.Logf("%s: a text under 4.5:1 at the first look (dark matches, style sheets, --pl-chart-series-2: %s); opening the page again", p, state)
							navigate(t, ctx, "about:blank")
							setWindow(t, ctx, width, scheme, rendering == "live")
							navigate(t, ctx, p)
							if rendering == "live" {
								waitChartsPainted(t, ctx, 0.02)
							}
							texts = measureContrast(t, ctx)
						}
						if len(texts) < 10 {
							t.Errorf("%s: %d chart texts measured; want the ticks, legend and labels", p, len(texts))
						}
						for _, x := range texts {
							if x.Rendering != rendering {
								t.Errorf("%s %s: the reader sees the %s chart; want %s", p, x.Figure, x.Rendering, rendering)
							}
							if x.Ratio < 4.5 {
								t.Errorf("%s %s: %q in %s has a contrast of %.2f:1; want at least 4.5:1", p, x.Figure, x.Text, x.Colour, x.Ratio)
							}
						}
					}
				})
			}
		}
	}
}

// pageContrastJS returns every text of the page outside the charts that
// the reader sees, with its colour's contrast ratio against the colour
// behind it (the first opaque background of it or a parent, the page's
// at last; opacities of the element and its parents blended in), and
// whether it is large text (24 pixels, or 18.66 bold), for which WCAG
// asks 3:1 instead of 4.5:1.
const pageContrastJS = `(() => {
` + colourJS + `	const behind = el => {
		for (; el; el = el.parentElement) {
			const c = rgba(getComputedStyle(el).backgroundColor);
			if (c[3] === 1) return c;
		}
		return rgba(getComputedStyle(document.documentElement).backgroundColor);
	};
	const out = [], seen = new Set();
	const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n = walk.nextNode(); n; n = walk.nextNode()) {
		const el = n.parentElement;
		if (!n.textContent.trim() || seen.has(el) || el.closest('figure.chart, .visually-hidden, script, style, [aria-hidden="true"]') || !el.getClientRects().length) {
			continue;
		}
		seen.add(el);
		const s = getComputedStyle(el);
		if (s.visibility !== 'visible') {
			continue;
		}
		let opacity = 1;
		for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
		if (opacity === 0) {
			continue;
		}
		const c = rgba(s.color), bg = behind(el), a = c[3] * opacity;
		const mixed = [0, 1, 2].map(i => c[i] * a + bg[i] * (1 - a));
		const l1 = lum(mixed), l2 = lum(bg);
		const size = parseFloat(s.fontSize), bold = Number(s.fontWeight) >= 700;
		out.push({
			Text: n.textContent.trim().slice(0, 40), Element: el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''),
			Ratio: (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05), Large: size >= 24 || (bold && size >= 18.66),
		});
	}
	probe.remove();
	return out;
})()`

// pageText is one text of pageContrastJS.
type pageText struct {
	Text, Element string
	Ratio         float64
	Large         bool
}

// blocksArticle is an article of the blocks of Markdown the theme styles
// beyond plain text: a callout of each kind, code of each colour, a
// table, a quote, a definition list, task lists, tight and loose, and a
// footnote.
const blocksArticle = "---\ntitle: Blocks\ndate: 2025-01-01\ndescription: Every block.\ntags: [blocks]\n---\n" +
	"Text with `code` and a note.[^1]\n\n## Code\n\n```go\n// A comment.\nfunc main() {\n\tfmt.Println(\"text\", 42, 1.5, true)\n}\n```\n\n" +
	"## Callouts\n\n> [!NOTE]\n> Note.\n\n> [!TIP]\n> Tip.\n\n> [!IMPORTANT]\n> Important.\n\n> [!WARNING]\n> Warning.\n\n> [!CAUTION]\n> Caution.\n\n" +
	"## Others\n\n> A quote.\n\n| A | B |\n|---|--:|\n| a | 1 |\n\nTerm\n: Definition.\n\n" +
	"- [x] Done\n- [ ] To do\n\nLoose:\n\n- [x] Done\n\n- [ ] To do\n\n[^1]: The note.\n"

// TestBrowserTextContrast opens every kind of page of the example, and
// an article of every kind of block, in light and dark mode at a phone's
// width and a desktop's, and checks that every text the reader sees
// outside the charts (which TestBrowserChartTextContrast measures) has a
// contrast of at least 4.5:1 against what is behind it, or 3:1 for large
// text (WCAG 1.4.3). Without a mouse, as on a phone, a heading's "#"
// link is always shown, and was once shown at 45 percent: 2:1.
func TestBrowserTextContrast(t *testing.T) {
	ctx := newBrowser(t, 3*browserTimeout, nil)
	root, _ := serveExample(t)
	pages := []string{serveArticle(t, "blocks", blocksArticle)}
	for _, p := range []string{"", kurskPath, millbrookPath, "about/", "tags/", "tags/projections/", "404.html"} {
		pages = append(pages, root+p)
	}
	for _, width := range []int64{390, 1280} {
		for _, scheme := range []string{"light", "dark"} {
			setWindow(t, ctx, width, scheme, true)
			for _, p := range pages {
				navigate(t, ctx, p)
				texts, err := chromedp.Run(ctx, chromedp.Evaluate[[]pageText](pageContrastJS))
				if err != nil {
					t.Fatal(err)
				}
				if len(texts) < 10 {
					t.Errorf("%s: %d texts measured; want the whole page", p, len(texts))
				}
				for _, x := range texts {
					want := 4.5
					if x.Large {
						want = 3
					}
					if x.Ratio < want {
						t.Errorf("%d px, %s, %s: %q (%s) has a contrast of %.2f:1; want at least %g:1", width, scheme, p, x.Text, x.Element, x.Ratio, want)
					}
				}
			}
		}
	}
}
