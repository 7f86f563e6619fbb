package ogimage

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/image/font/sfnt"
)

var (
	update = flag.Bool("update", false, "rewrite testdata/golden/cards.sha256 from current output")
	pngDir = flag.String("png", "", "also write the sample cards as PNG files into this folder, to look at them")
)

func newRenderer(t testing.TB) *Renderer {
	t.Helper()
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// decode decodes a PNG and fails t unless it is 1200×630.
func decode(t testing.TB, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("png.Decode: %v", err)
	}
	if got, want := img.Bounds(), image.Rect(0, 0, Width, Height); got != want {
		t.Fatalf("image bounds = %v; want %v", got, want)
	}
	return img
}

// near reports whether c is within d of want on every channel.
func near(c color.Color, want color.NRGBA, d int) bool {
	r, g, b, _ := c.RGBA()
	abs := func(x int) int { return max(x, -x) }
	return abs(int(r>>8)-int(want.R)) <= d && abs(int(g>>8)-int(want.G)) <= d && abs(int(b>>8)-int(want.B)) <= d
}

// ink returns the share of the pixels of r that are neither the
// background nor the shading of the projected period.
func ink(img image.Image, r rect, th Theme) float64 {
	b := image.Rect(int(r.X0), int(r.Y0), int(r.X1), int(r.Y1)).Intersect(img.Bounds())
	if b.Empty() {
		return 0
	}
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := img.At(x, y)
			if !near(c, th.Background, 6) && !near(c, th.Projected, 6) {
				n++
			}
		}
	}
	return float64(n) / float64(b.Dx()*b.Dy())
}

// census counts the pixels of r close to col.
func census(img image.Image, r rect, col color.NRGBA) int {
	b := image.Rect(int(r.X0), int(r.Y0), int(r.X1), int(r.Y1)).Intersect(img.Bounds())
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if near(img.At(x, y), col, 12) {
				n++
			}
		}
	}
	return n
}

func TestRenderSize(t *testing.T) {
	r := newRenderer(t)
	for _, s := range sampleCards {
		b, err := r.Render(s.card())
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		decode(t, b)
		if *pngDir != "" {
			if err := os.WriteFile(filepath.Join(*pngDir, s.name+".png"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestPlotHasInk checks that the chart is drawn: its rectangle has ink,
// and each of its series shows in its colour. An empty plot, with axes
// only, is the control: none of the series' colours appear in it.
func TestPlotHasInk(t *testing.T) {
	r := newRenderer(t)
	th := DefaultTheme()
	empty := kurskCard()
	empty.Plot = &Plot{XMin: day("2025-01-01"), XMax: day("2025-06-01"), YMax: 10, YTicks: []ValueTick{{0, ""}, {5, ""}, {10, ""}}}
	tests := []struct {
		name                        string
		card                        Card
		minInk                      float64
		observed, projection, limit int // least pixels of each colour
	}{
		{"kursk", kurskCard(), 0.1, 150, 1000, 2000},
		{"millbrook", millbrookCard(), 0.04, 600, 800, 2000},
		{"long-title", longTitleCard(), 0.1, 150, 1000, 2000},
	}
	for _, tt := range tests {
		img, lay, err := r.draw(tt.card)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if lay.plot.empty() {
			t.Fatalf("%s: no plot rectangle", tt.name)
		}
		if got := ink(img, lay.plot, th); got < tt.minInk {
			t.Errorf("%s: ink in the plot = %.3f; want at least %.3f", tt.name, got, tt.minInk)
		}
		for _, c := range []struct {
			what string
			col  color.NRGBA
			min  int
		}{{"observed", th.Observed, tt.observed}, {"projection", th.Projection, tt.projection}, {"limit", th.Limit, tt.limit}} {
			if got := census(img, lay.plot, c.col); got < c.min {
				t.Errorf("%s: %d pixels of the %s colour in the plot; want at least %d", tt.name, got, c.what, c.min)
			}
		}
	}

	img, lay, err := r.draw(empty)
	if err != nil {
		t.Fatal(err)
	}
	for _, col := range []color.NRGBA{th.Observed, th.Projection, th.Band} {
		if got := census(img, lay.plot, col); got != 0 {
			t.Errorf("empty plot: %d pixels of %v; want 0", got, col)
		}
	}
	if got := ink(img, lay.plot, th); got > 0.03 {
		t.Errorf("empty plot: ink = %.3f; want at most 0.03 (gridlines only)", got)
	}
}

// TestScenarioHasInk checks that a single scenario, without a band, is
// drawn: in the projection's colour, beside the central line.
func TestScenarioHasInk(t *testing.T) {
	r := newRenderer(t)
	th := DefaultTheme()
	without := kurskCard()
	without.Plot.BandLow, without.Plot.BandHigh = nil, nil
	with := kurskCard()
	with.Plot.Scenario, with.Plot.BandLow, with.Plot.BandHigh = with.Plot.BandLow, nil, nil
	count := func(c Card) int {
		img, lay, err := r.draw(c)
		if err != nil {
			t.Fatal(err)
		}
		return census(img, lay.plot, th.Projection)
	}
	if a, b := count(without), count(with); b < a+150 {
		t.Errorf("%d pixels of the projection's colour with the low scenario, %d without; want at least 150 more", b, a)
	}
}

func TestHeadlineHasInk(t *testing.T) {
	r := newRenderer(t)
	th := DefaultTheme()
	for _, s := range sampleCards {
		img, lay, err := r.draw(s.card())
		if err != nil {
			t.Fatal(err)
		}
		if got := ink(img, lay.title, th); got < 0.1 {
			t.Errorf("%s: ink in the headline %v = %.3f; want at least 0.1", s.name, lay.title, got)
		}
		if got := census(img, lay.title, th.Text); got < 2000 {
			t.Errorf("%s: %d pixels of the text colour in the headline; want at least 2000", s.name, got)
		}
	}
	// The control: the same rectangle of a card without headline or dek
	// is blank.
	c := textCard()
	_, lay, _ := r.draw(c)
	c.Title, c.Dek = "", ""
	img, _, err := r.draw(c)
	if err != nil {
		t.Fatal(err)
	}
	if got := ink(img, lay.title, th); got != 0 {
		t.Errorf("no headline: ink where it would be = %.3f; want 0", got)
	}
}

// TestLabelsAvoidLines checks that the limit, crossing and "Projected"
// labels cover no line of the chart and no other label.
func TestLabelsAvoidLines(t *testing.T) {
	r := newRenderer(t)
	for _, s := range sampleCards {
		c := s.card()
		if c.Plot == nil {
			continue
		}
		_, lay, err := r.draw(c)
		if err != nil {
			t.Fatal(err)
		}
		want := 1 // the limit's
		if c.Plot.Crossing != nil {
			want++
		}
		if c.Plot.ProjectedFrom != nil {
			want++ // "Projected", which every sample has room for
		}
		if got := len(lay.labels); got != want {
			t.Errorf("%s: %d labels placed; want %d (limit, crossing, Projected)", s.name, got, want)
		}
		for i, b := range lay.labels {
			for _, sg := range lay.lines {
				if b.hitsSegment(sg[0], sg[1]) {
					t.Errorf("%s: label %d at %v covers the line %v–%v", s.name, i, b, sg[0], sg[1])
				}
			}
			for j, o := range lay.labels[:i] {
				if b.overlaps(o) {
					t.Errorf("%s: label %d at %v overlaps label %d at %v", s.name, i, b, j, o)
				}
			}
		}
	}
}

// TestPlaceFallback checks where a label goes when every place is taken:
// a required one at the first candidate that fits its rectangle, an
// optional one nowhere.
func TestPlaceFallback(t *testing.T) {
	r := newRenderer(t)
	for _, required := range []bool{true, false} {
		pl := &plotter{
			cv: newCanvas(Width, Height, DefaultTheme().Background),
			t:  &typesetter{fonts: &r.fonts, buf: new(sfnt.Buffer)},
			p:  &Plot{}, th: DefaultTheme(),
			box: rect{100, 100, 1100, 500},
		}
		// A hatching of lines that leaves no free place.
		for x := 0.0; x < Width; x += 20 {
			pl.segs = append(pl.segs, [2]pt{{x, 0}, {x + 5, Height}})
		}
		l := pl.newLabel(styleUIBold, "12,000 casualties", pl.th.Limit, 500)
		cands := []candidate{
			{1050, 300, pl.box}, // sticks out of the plot
			{200, 300, pl.box},
			{400, 300, pl.box},
		}
		placed := pl.place(l, cands, required)
		switch {
		case required && (!placed || len(pl.placed) != 1 || pl.placed[0] != l.box(cands[1])):
			t.Errorf("required label placed %v at %v; want it at %v, the first candidate that fits", placed, pl.placed, l.box(cands[1]))
		case !required && (placed || len(pl.placed) != 0):
			t.Errorf("optional label placed %v at %v; want it left out", placed, pl.placed)
		}
	}
}

func TestDeterministic(t *testing.T) {
	r := newRenderer(t)
	var want [][]byte
	for _, s := range sampleCards {
		a, err := r.Render(s.card())
		if err != nil {
			t.Fatal(err)
		}
		b, err := r.Render(s.card())
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renders differ", s.name)
		}
		want = append(want, a)
	}
	// A second Renderer, and one Renderer used by several goroutines at
	// once, give the same bytes.
	r2 := newRenderer(t)
	var wg sync.WaitGroup
	got := make([][][]byte, 4)
	for g := range got {
		wg.Go(func() {
			rr := r
			if g%2 == 1 {
				rr = r2
			}
			for _, s := range sampleCards {
				b, err := rr.Render(s.card())
				if err != nil {
					t.Error(err)
					return
				}
				got[g] = append(got[g], b)
			}
		})
	}
	wg.Wait()
	for g := range got {
		for i := range got[g] {
			if !bytes.Equal(got[g][i], want[i]) {
				t.Errorf("goroutine %d: %s differs from a render alone", g, sampleCards[i].name)
			}
		}
	}
}

func TestZeroThemeIsDefault(t *testing.T) {
	r := newRenderer(t)
	c := kurskCard()
	a, err := r.Render(c)
	if err != nil {
		t.Fatal(err)
	}
	c.Theme = DefaultTheme()
	b, err := r.Render(c)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("the zero Theme draws differently from DefaultTheme()")
	}
}

// TestGolden compares the SHA-256 of each sample card's PNG with
// testdata/golden/cards.sha256, which `go test -update` rewrites. The file
// is in sha256sum's format: `-png DIR` writes the images it checks.
func TestGolden(t *testing.T) {
	r := newRenderer(t)
	var b strings.Builder
	for _, s := range sampleCards {
		png, err := r.Render(s.card())
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%x  %s.png\n", sha256.Sum256(png), s.name)
	}
	got := b.String()
	golden := filepath.Join("testdata", "golden", "cards.sha256")
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s\nlook at the cards with -png DIR; if they are right, run with -update", golden, diff)
	}
}

// TestDegeneratePlots draws plots that are valid but odd: every one must
// give a card, without panicking.
func TestDegeneratePlots(t *testing.T) {
	r := newRenderer(t)
	d0 := day("2025-01-01")
	many := make([]Point, 100000)
	for i := range many {
		many[i] = Point{d0.Add(time.Duration(i) * time.Hour), float64(i%97) * 1.5}
	}
	tests := []struct {
		name string
		plot Plot
	}{
		{"zero", Plot{}},
		{"one point", Plot{XMin: d0, XMax: d0, YMin: 5, YMax: 5, Observed: []Point{{d0, 5}}, Central: []Point{{d0, 5}}}},
		{"flat axis", Plot{XMin: d0, XMax: d0.AddDate(0, 1, 0), YMin: 0, YMax: 0, Observed: []Point{{d0, 0}, {d0.AddDate(0, 0, 9), 0}}}},
		{"one day", Plot{XMin: d0, XMax: d0, YMin: 0, YMax: 10, Observed: []Point{{d0, 3}}, XTicks: []DateTick{{d0, "1 Jan"}}}},
		{"outside the axes", Plot{
			XMin: d0, XMax: d0.AddDate(0, 1, 0), YMin: 0, YMax: 10,
			Observed: []Point{{d0.AddDate(-50, 0, 0), 1e18}, {d0.AddDate(50, 0, 0), -1e18}},
			Central:  []Point{{d0.AddDate(-9000, 0, 0), -1e18}, {d0.AddDate(0, 0, 3), 5}, {d0.AddDate(9000, 0, 0), 1e18}},
			BandLow:  []Point{{d0, -1e18}, {d0.AddDate(0, 1, 0), 1e18}},
			BandHigh: []Point{{d0, 1e18}},
			Limit:    ptr(1e18), Crossing: ptr(d0.AddDate(100, 0, 0)), ProjectedFrom: ptr(d0.AddDate(-100, 0, 0)),
			YTicks: []ValueTick{{-1e18, ""}, {5, ""}, {1e18, ""}},
			XTicks: []DateTick{{d0.AddDate(-1, 0, 0), "before"}, {d0.AddDate(1, 0, 0), "after"}},
		}},
		{"crossed band", Plot{
			XMin: d0, XMax: d0.AddDate(0, 2, 0), YMin: 0, YMax: 10,
			BandLow:  []Point{{d0, 0}, {d0.AddDate(0, 2, 0), 10}},
			BandHigh: []Point{{d0, 10}, {d0.AddDate(0, 1, 0), 5}, {d0.AddDate(0, 2, 0), 0}},
		}},
		{"unsorted", Plot{
			XMin: d0, XMax: d0.AddDate(1, 0, 0), YMin: -5, YMax: 5,
			Observed: []Point{{d0.AddDate(0, 6, 0), 1}, {d0, -4}, {d0.AddDate(0, 3, 0), 4}},
			Central:  []Point{{d0.AddDate(1, 0, 0), 5}, {d0, -5}},
		}},
		{"tiny range", Plot{XMin: d0, XMax: d0.Add(time.Nanosecond), YMin: 1, YMax: 1 + 1e-15, Observed: []Point{{d0, 1}, {d0.Add(time.Nanosecond), 1 + 1e-15}}, Limit: ptr(1.0)}},
		{"negative values", Plot{XMin: d0, XMax: d0.AddDate(0, 3, 0), YMin: -30, YMax: 0, YTicks: []ValueTick{{-30, ""}, {-20, ""}, {-10, ""}, {0, ""}}, Observed: []Point{{d0, -1}, {d0.AddDate(0, 3, 0), -29}}, ObservedLine: true, Limit: ptr(-25.0)}},
		{"100,000 points", Plot{XMin: d0, XMax: many[len(many)-1].Date, YMin: 0, YMax: 150, Observed: many, ObservedLine: true, Central: many}},
		{"crowded ticks", func() Plot {
			p := Plot{XMin: d0, XMax: d0.AddDate(0, 0, 999), YMin: 0, YMax: 999}
			for i := range 1000 {
				p.YTicks = append(p.YTicks, ValueTick{float64(i), ""})
				p.XTicks = append(p.XTicks, DateTick{d0.AddDate(0, 0, i), "day"})
			}
			return p
		}()},
		{"labels everywhere", Plot{
			XMin: d0, XMax: d0.AddDate(0, 1, 0), YMin: 0, YMax: 10, Unit: strings.Repeat("unit ", 200),
			Limit: ptr(10.0), LimitLabel: strings.Repeat("limit ", 200),
			Crossing: ptr(d0), CrossingLabel: strings.Repeat("crossing ", 200), ProjectedFrom: ptr(d0.AddDate(0, 1, 0)),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := kurskCard()
			c.Plot = &tt.plot
			b, err := r.Render(c)
			if err != nil {
				t.Fatalf("Render: %v; want a card", err)
			}
			decode(t, b)
		})
	}
}

// TestHugeText draws a card whose texts are many megabytes long: only
// their start is read, so it comes out as quickly as any other.
func TestHugeText(t *testing.T) {
	r := newRenderer(t)
	c := kurskCard()
	c.Title = strings.Repeat("word ", 4<<20)
	c.Dek = strings.Repeat("\u200b", 4<<20) + "hidden"
	c.Site = strings.Repeat("\n", 16<<20)
	c.Plot.Unit, c.Plot.LimitLabel = c.Title, c.Dek
	b, err := r.Render(c)
	if err != nil {
		t.Fatal(err)
	}
	decode(t, b)
	ts := &typesetter{fonts: &r.fonts, buf: new(sfnt.Buffer)}
	s, cut := cleanText(c.Title, 600)
	tl := ts.setTitle(s, cut, titleSizes(true), 2, 3, Width-2*marginX)
	if len(tl.lines) != 3 || !strings.HasSuffix(tl.lines[2], "…") {
		t.Errorf("headline of 4 million words set as %q; want 3 lines and an ellipsis", tl.lines)
	}
}

func TestInvalidPlots(t *testing.T) {
	r := newRenderer(t)
	d0 := day("2025-01-01")
	tests := []struct {
		name string
		edit func(p *Plot)
		want string
	}{
		{"NaN axis", func(p *Plot) { p.YMin = math.NaN() }, "ogimage: plot: YMin is NaN, not a number within ±1e18"},
		{"infinite axis", func(p *Plot) { p.YMax = math.Inf(1) }, "ogimage: plot: YMax is +Inf, not a number within ±1e18"},
		{"axis upside down", func(p *Plot) { p.YMin, p.YMax = 10, 5 }, "ogimage: plot: YMax 5 is below YMin 10"},
		{"time backwards", func(p *Plot) { p.XMin, p.XMax = d0, d0.AddDate(0, 0, -1) }, "ogimage: plot: XMax 2024-12-31 is before XMin 2025-01-01"},
		{"NaN tick", func(p *Plot) { p.YTicks[2].Value = math.NaN() }, "ogimage: plot: YTicks[2] is NaN, not a number within ±1e18"},
		{"NaN observation", func(p *Plot) { p.Observed[1].Value = math.NaN() }, "ogimage: plot: Observed[1] is NaN, not a number within ±1e18"},
		{"huge projection", func(p *Plot) { p.Central[0].Value = -1e19 }, "ogimage: plot: Central[0] is -1e+19, not a number within ±1e18"},
		{"infinite band", func(p *Plot) { p.BandHigh[1].Value = math.Inf(-1) }, "ogimage: plot: BandHigh[1] is -Inf, not a number within ±1e18"},
		{"NaN scenario", func(p *Plot) { p.Scenario = []Point{{d0, 1}, {d0, math.NaN()}} }, "ogimage: plot: Scenario[1] is NaN, not a number within ±1e18"},
		{"NaN limit", func(p *Plot) { p.Limit = ptr(math.NaN()) }, "ogimage: plot: Limit is NaN, not a number within ±1e18"},
	}
	for _, tt := range tests {
		c := kurskCard()
		tt.edit(c.Plot)
		_, err := r.Render(c)
		if err == nil {
			t.Errorf("%s: Render succeeded; want error %q", tt.name, tt.want)
			continue
		}
		if got := err.Error(); got != tt.want {
			t.Errorf("%s: Render error = %q; want %q", tt.name, got, tt.want)
		}
	}
}

// TestThinLine checks that thinning a dense line keeps its ends and, for
// the highest and the lowest point of every column of pixels, a point
// within half a pixel of it.
func TestThinLine(t *testing.T) {
	var line []pt
	seed := uint32(7)
	for i := range 20000 {
		seed = seed*1664525 + 1013904223
		line = append(line, pt{100 + float64(i)*0.05, 300 + float64(seed>>20)/40})
	}
	got := thinLine(line)
	if len(got) > 4*1000+1 {
		t.Errorf("thinLine kept %d of %d points; want at most 4 a column, 4,001", len(got), len(line))
	}
	if got[0] != line[0] || got[len(got)-1] != line[len(line)-1] {
		t.Errorf("thinLine ends %v…%v; want %v…%v", got[0], got[len(got)-1], line[0], line[len(line)-1])
	}
	lo, hi := map[float64]pt{}, map[float64]pt{}
	for _, v := range line {
		c := math.Floor(v.X)
		if p, ok := lo[c]; !ok || v.Y < p.Y {
			lo[c] = v
		}
		if p, ok := hi[c]; !ok || v.Y > p.Y {
			hi[c] = v
		}
	}
	kept := func(v pt) bool {
		for _, g := range got {
			if math.Abs(g.X-v.X) <= 1 && math.Abs(g.Y-v.Y) <= 0.5 {
				return true
			}
		}
		return false
	}
	for c := 100.0; c < 1100; c++ {
		for _, v := range []pt{lo[c], hi[c]} {
			if !kept(v) {
				t.Errorf("column %v: the extreme %v is lost", c, v)
			}
		}
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct {
		in      string
		max     int
		want    string
		wantCut bool
	}{
		{"Plain words", 100, "Plain words", false},
		{"  spaced \t out\n\nover\r\nlines  ", 100, "spaced out over lines", false},
		{"bidi \u202eevil\u202c and soft\u00adhyphen", 100, "bidi evil and softhyphen", false},
		{"nul\x00 and bell\a", 100, "nul and bell", false},
		{"bad \xff\xfe utf-8", 100, "bad \ufffd\ufffd utf-8", false},
		{"line\u2028separator", 100, "line separator", false},
		{"abcdef", 3, "abc", true},
		{"abc   ", 3, "abc", false},
		{"ab cd", 3, "ab", true},
		{"ab cd", 4, "ab c", true},
		{strings.Repeat(" ", 10000) + "x", 10, "", true},
		{"", 10, "", false},
	}
	for _, tt := range tests {
		got, cut := cleanText(tt.in, tt.max)
		if got != tt.want || cut != tt.wantCut {
			t.Errorf("cleanText(%q, %d) = %q, %v; want %q, %v", tt.in, tt.max, got, cut, tt.want, tt.wantCut)
		}
	}
}

func TestWrapTitle(t *testing.T) {
	r := newRenderer(t)
	ts := &typesetter{fonts: &r.fonts, buf: new(sfnt.Buffer)}
	const textW = Width - 2*marginX
	tests := []struct {
		name      string
		title     string
		sizes     []float64
		fit, max  int
		wantSize  float64
		wantLines int
		wantEll   bool
	}{
		{"kursk over a chart", kurskTitle, titleSizes(true), 2, 3, 54, 2, false},
		{"kursk alone", kurskTitle, titleSizes(false), 3, 3, 80, 3, false},
		{"long over a chart", longTitle, titleSizes(true), 2, 3, 48, 3, true},
		{"long alone", longTitle, titleSizes(false), 3, 3, 56, 3, true},
		{"one long word", strings.Repeat("W", 300), titleSizes(true), 2, 3, 48, 3, true},
		{"no spaces", strings.Repeat("長い見出し", 40), titleSizes(true), 2, 3, 48, 3, true},
		{"short", "Short", titleSizes(true), 2, 3, 60, 1, false},
	}
	for _, tt := range tests {
		s, cut := cleanText(tt.title, 600)
		tl := ts.setTitle(s, cut, tt.sizes, tt.fit, tt.max, textW)
		if tl.size != tt.wantSize || len(tl.lines) != tt.wantLines || tl.cutOff != tt.wantEll {
			t.Errorf("%s: set at %gpx in %d lines, ellipsis %v; want %gpx in %d lines, ellipsis %v\n%q",
				tt.name, tl.size, len(tl.lines), tl.cutOff, tt.wantSize, tt.wantLines, tt.wantEll, tl.lines)
		}
		for i, l := range tl.lines {
			if w := ts.width(styleTitle, tl.size, l); w > textW {
				t.Errorf("%s: line %d %q is %.1fpx wide; want at most %v", tt.name, i, l, w, textW)
			}
		}
		if last := tl.lines[len(tl.lines)-1]; strings.HasSuffix(last, "…") != tt.wantEll {
			t.Errorf("%s: last line %q; want an ellipsis at its end: %v", tt.name, last, tt.wantEll)
		}
	}
}

// TestEllipsisNotAfterNumber checks that text cut short does not end with
// a number, whose unit or size the cut took away ("exceeds 36.8…" of
// 36.8 trillion), unless the number is all there is.
func TestEllipsisNotAfterNumber(t *testing.T) {
	r := newRenderer(t)
	ts := &typesetter{fonts: &r.fonts, buf: new(sfnt.Buffer)}
	for _, tt := range []struct{ line, want string }{
		{"The debt now exceeds 36.8", "The debt now exceeds…"},
		{"The debt now exceeds $36.8bn,", "The debt now exceeds…"},
		{"It rose from 12 to 36.8", "It rose from 12 to…"},
		{"36.8", "36.8…"},
		{"The debt keeps rising", "The debt keeps rising…"},
	} {
		if got := ts.ellipsize(styleUI, 30, Width, tt.line); got != tt.want {
			t.Errorf("ellipsize(%q) = %q; want %q", tt.line, got, tt.want)
		}
	}
}

// TestFontLicences checks that the licence of every embedded font is
// beside it.
func TestFontLicences(t *testing.T) {
	for _, name := range []string{"OFL.txt", "GO-LICENSE", "README.md"} {
		b, err := os.ReadFile(filepath.Join("fonts", name))
		if err != nil {
			t.Fatal(err)
		}
		if len(b) < 1000 {
			t.Errorf("fonts/%s has %d bytes; want the whole text", name, len(b))
		}
	}
	f, err := os.Open(filepath.Join("fonts", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sums := 0
	for sc := bufio.NewScanner(f); sc.Scan(); {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(sum) != 64 || !strings.HasSuffix(name, ".ttf") {
			continue
		}
		b, err := fontFiles.ReadFile("fonts/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprintf("%x", sha256.Sum256(b)); got != sum {
			t.Errorf("fonts/%s: SHA-256 %s; want %s as README.md says", name, got, sum)
		}
		sums++
	}
	if sums != 2 {
		t.Errorf("fonts/README.md lists %d checksums; want 2", sums)
	}
}

// TestTextTheFontsLack draws cards whose text is in scripts the fonts do
// not have, or holds a symbol they do not have. A text with letters no
// font has is left off the card, which then equals the card without it,
// rather than a row of empty boxes; a symbol no font has is left out of
// its text.
func TestTextTheFontsLack(t *testing.T) {
	r := newRenderer(t)
	same := func(name string, got, want Card) {
		t.Helper()
		a, _, err := r.draw(got)
		if err != nil {
			t.Fatal(err)
		}
		b, _, err := r.draw(want)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Pix, b.Pix) {
			t.Errorf("%s: the card differs from the one with %q, %q, %q", name, want.Site, want.Title, want.Dek)
		}
	}
	for _, c := range []Card{sampleCards[0].card(), textCard()} {
		hindi := c
		hindi.Site, hindi.Title, hindi.Dek = "जल समाचार", "जलाशय गर्मियों तक चलेगा?", "水库能撑过夏天吗"
		none := c
		none.Site, none.Title, none.Dek = "", "", ""
		same("Devanagari and Chinese", hindi, none)

		mixed := c
		mixed.Title = "Reservoir 水库 by summer"
		noTitle := c
		noTitle.Title = ""
		same("a headline with Chinese letters", mixed, noTitle)

		emoji := c
		emoji.Title = "Reservoir 🚰 by summer ✅"
		plain := c
		plain.Title = "Reservoir by summer"
		same("a headline with emoji", emoji, plain)

		if c.Plot == nil {
			continue
		}
		// The chart's labels: a unit in Chinese is left off, a limit's
		// label with it is its number alone, an emoji is left out.
		plot := func(unit, limitLabel string) Card {
			p := *c.Plot
			p.Unit, p.LimitLabel, p.LimitNumber = unit, limitLabel, "12,000"
			out := c
			out.Plot = &p
			return out
		}
		same("a unit in Chinese", plot("伤亡人数", "12,000 伤亡人数"), plot("", "12,000"))
		same("a unit with an emoji", plot("casualties 🪖", "12,000 casualties 🪖"), plot("casualties", "12,000 casualties"))
		// Tick labels in digits or letters the fonts lack (Egypt's
		// Arabic-Indic digits, a month in Hebrew) and the projected
		// period's name in Hebrew are left off, as labels the chart
		// leaves empty (a mark of direction alone) are.
		ticks := func(y, x, projected string) Card {
			p := *c.Plot
			p.YTicks, p.XTicks = slices.Clone(p.YTicks), slices.Clone(p.XTicks)
			for i := range p.YTicks {
				p.YTicks[i].Label = y
			}
			for i := range p.XTicks {
				p.XTicks[i].Label = x
			}
			p.Projected = projected
			out := c
			out.Plot = &p
			return out
		}
		same("ticks in Arabic-Indic digits and Hebrew", ticks("\u061c-١٬٠٠٠", "ינו׳ 2025", "תחזית"), ticks("\u200e", "\u200e", "\u200e"))
	}
}

// TestProjectedTo checks that the projected period is shaded up to
// ProjectedTo, the projection's end, and not on to the end of the time
// axis, which an event after it may have stretched.
func TestProjectedTo(t *testing.T) {
	th := DefaultTheme()
	c := kurskCard()
	c.Plot.XMax = day("2025-09-01")
	c.Plot.ProjectedTo = ptr(day("2025-06-13"))
	img, lay, err := newRenderer(t).draw(c)
	if err != nil {
		t.Fatal(err)
	}
	b := lay.plot
	x := func(d time.Time) int {
		f := d.Sub(c.Plot.XMin).Hours() / c.Plot.XMax.Sub(c.Plot.XMin).Hours()
		return int(b.X0 + f*(b.X1-b.X0))
	}
	// A row above every curve, between two gridlines.
	y := int(b.Y1 - (23500-c.Plot.YMin)/(c.Plot.YMax-c.Plot.YMin)*(b.Y1-b.Y0))
	shaded := func(from, to int) (n, of int) {
		for px := from; px < to; px++ {
			if near(img.At(px, y), th.Projected, 3) {
				n++
			}
		}
		return n, to - from
	}
	if n, of := shaded(x(day("2025-02-01")), x(day("2025-04-10"))); n < of*9/10 {
		t.Errorf("%d of %d pixels of the projected period are shaded; want them all", n, of)
	}
	if n, of := shaded(x(day("2025-06-13"))+2, int(b.X1)-2); n > 0 {
		t.Errorf("%d of %d pixels after the projection's end are shaded; want none", n, of)
	}
}

// TestBarsHaveInk checks that observations given a bar width are drawn
// as bars from zero, as the bar chart draws them: many more pixels of the
// observed colour than dots have, reaching down to the axis, where the
// dots of the same values leave none.
func TestBarsHaveInk(t *testing.T) {
	r := newRenderer(t)
	th := DefaultTheme()
	bars := func(width float64) Card {
		c := kurskCard()
		c.Plot = &Plot{XMin: day("2021-01-10"), XMax: day("2021-02-14"), YMax: 4000000,
			YTicks:   []ValueTick{{0, "0"}, {2000000, "2,000,000"}, {4000000, "4,000,000"}},
			Observed: []Point{{day("2021-01-17"), 1775929}, {day("2021-01-24"), 2290820}, {day("2021-01-31"), 2624008}, {day("2021-02-07"), 3036810}},
			BarWidth: width}
		return c
	}
	count := func(c Card) (all, low int) {
		img, lay, err := r.draw(c)
		if err != nil {
			t.Fatal(err)
		}
		p := lay.plot
		return census(img, p, th.Observed), census(img, rect{p.X0, p.Y1 - 30, p.X1, p.Y1 - 10}, th.Observed)
	}
	dots, dotsLow := count(bars(0))
	got, low := count(bars(0.04))
	if got < 10*dots {
		t.Errorf("bars: %d pixels of the observed colour; want at least ten times the dots' %d", got, dots)
	}
	if dotsLow != 0 || low < 4*10 {
		t.Errorf("near the axis: %d pixels of the observed colour with dots, %d with bars; want none, and at least 40", dotsLow, low)
	}
}
