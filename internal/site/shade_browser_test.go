package site

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// shadePointsJS scrolls the first chart to the top of the window and
// returns, in the window's pixels, a point inside the shaded projected
// period (near its top right corner, clear of the band, the lines and
// the label "Projected") and two points on the grid line below the top
// one, left of the projected period and inside it, each as the static
// chart (static true)
// or the live chart draws it: both lay out the same frame of 720 by
// `height` units, and the live box takes the static SVG's place.
const shadePointsJS = `function (static) {
	const fig = document.querySelector('figure.chart');
	window.scrollTo({top: window.scrollY + fig.getBoundingClientRect().top - 10, behavior: 'instant'});
	const svg = fig.querySelector('.chart-static svg.plc-wide');
	const [vw, vh] = svg.getAttribute('viewBox').split(' ').slice(2).map(Number);
	const box = (static ? svg : fig.querySelector('.chart-box')).getBoundingClientRect();
	const at = (x, y) => [box.left + x * box.width / vw, box.top + y * box.height / vh];
	const rect = svg.querySelector('.plc-projected');
	const rx = Number(rect.getAttribute('x')), ry = Number(rect.getAttribute('y'));
	const rw = Number(rect.getAttribute('width'));
	const grids = Array.from(svg.querySelectorAll('.plc-grid'), l => Number(l.getAttribute('y1'))).sort((a, b) => a - b);
	const plotLeft = Number(svg.getAttribute('data-plot').split(' ')[0]);
	const bg = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
	return {projected: at(rx + rw - 12, ry + 12), grid: at((plotLeft + rx) / 2, grids[1]), gridIn: at(rx + 30, grids[1]), bg: bg.slice(0, 3)};
}`

// shadePoints is what shadePointsJS returns.
type shadePoints struct {
	Projected [2]float64 `json:"projected"`
	Grid      [2]float64 `json:"grid"`
	GridIn    [2]float64 `json:"gridIn"`
	BG        [3]int     `json:"bg"`
}

// shades is what the window shows of a chart's faint parts: the colour
// of the projected period's shade, and how far, summed over red, green
// and blue, it and the grid line stand from the page's background, and
// the grid line inside the projected period from the shade.
type shades struct {
	Colour    [3]int
	Projected int
	Grid      int
	GridIn    int
}

// readShades captures the window and reads the first chart's shades
// there, static or live.
func readShades(t *testing.T, ctx context.Context, static bool) shades {
	t.Helper()
	p, err := chromedp.Run(ctx, chromedp.Evaluate[shadePoints](fmt.Sprintf("(%s)(%v)", shadePointsJS, static)))
	if err != nil {
		t.Fatal(err)
	}
	shot, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		res, err := cdp.Call(ctx, tg, page.CaptureScreenshot, page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatPng})
		return res.Data, err
	})
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	rgb := func(x, y int) [3]int {
		r, g, b, _ := img.At(x, y).RGBA()
		return [3]int{int(r >> 8), int(g >> 8), int(b >> 8)}
	}
	dist := func(c, from [3]int) int {
		d := 0
		for i := range c {
			d += abs(c[i] - from[i])
		}
		return d
	}
	var s shades
	s.Colour = rgb(int(p.Projected[0]), int(p.Projected[1]))
	s.Projected = dist(s.Colour, p.BG)
	// A grid line is a pixel or two wide, wherever it falls: the
	// strongest pixel of a short column across it.
	line := func(at [2]float64, from [3]int) int {
		d := 0
		for dy := -3; dy <= 3; dy++ {
			d = max(d, dist(rgb(int(at[0]), int(at[1])+dy), from))
		}
		return d
	}
	s.Grid = line(p.Grid, p.BG)
	s.GridIn = line(p.GridIn, s.Colour)
	return s
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// TestBrowserShadesAgree draws the Kursk chart static (without
// JavaScript, and in print) and live, light and dark, and reads two
// faint things off the screen: the shade of the projected period and a
// grid line. Each must stand out from the page as clearly in the static
// chart as in the live one, and the shades must be alike: the static
// chart once took the theme's colours at 6 and 15 percent of their
// strength, which left the projected period and the grid all but
// invisible to a reader without JavaScript and on paper.
func TestBrowserShadesAgree(t *testing.T) {
	ctx := newBrowser(t, browserTimeout, nil)
	root, _ := serveExample(t)
	// minShade is the least distance from the background, summed over the
	// channels, that the shade and the grid must have: the live chart's
	// light shade, grey at 10 percent, stands 37 away.
	const minShade = 20
	for _, scheme := range []string{"light", "dark"} {
		setWindow(t, ctx, 1280, scheme, false)
		navigate(t, ctx, root+kurskPath)
		static := readShades(t, ctx, true)
		emulateMedia(t, ctx, "print", "prefers-color-scheme", scheme)
		printed := readShades(t, ctx, true)
		setWindow(t, ctx, 1280, scheme, true)
		navigate(t, ctx, root+kurskPath)
		waitChartsDrawn(t, ctx)
		live := readShades(t, ctx, false)
		for _, c := range []struct {
			name string
			s    shades
		}{{"static", static}, {"printed", printed}, {"live", live}} {
			if c.s.Projected < minShade {
				t.Errorf("%s, %s: the projected period's shade rgb%v stands %d from the background; want at least %d", scheme, c.name, c.s.Colour, c.s.Projected, minShade)
			}
			if c.s.Grid < minShade {
				t.Errorf("%s, %s: the grid line stands %d from the background; want at least %d", scheme, c.name, c.s.Grid, minShade)
			}
			if c.s.GridIn < minShade {
				t.Errorf("%s, %s: the grid line inside the projected period stands %d from its shade; want at least %d", scheme, c.name, c.s.GridIn, minShade)
			}
		}
		if d := abs(static.Colour[0]-live.Colour[0]) + abs(static.Colour[1]-live.Colour[1]) + abs(static.Colour[2]-live.Colour[2]); d > 6 {
			t.Errorf("%s: the projected period is shaded rgb%v in the static chart and rgb%v in the live one", scheme, static.Colour, live.Colour)
		}
	}
}
