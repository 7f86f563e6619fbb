package chart

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/diag"
)

// bandSources are data blocks whose low–high band runs up, down, below
// zero and across it, linear and exponential, and one whose "low"
// scenario lies above its "high" one (negative values growing at a
// positive rate). Their names are the blocks'.
var bandSources = []struct{ name, src string }{
	{"rising", "rising:\n  unit: casualties\n  projection: {start: {date: 2024-12-05, value: 0}, rate: 92, low: 70, high: 110, limit: 12000}\n"},
	{"falling", "falling:\n  projection: {start: {date: 2025-01-01, value: 100}, rate: -10, low: -15, high: -5, limit: 20}\n"},
	{"across_zero", "across_zero:\n  projection: {start: {date: 2025-01-01, value: 10}, rate: -2, low: -3, high: -1, limit: -20}\n"},
	{"negative", "negative:\n  projection: {start: {date: 2025-01-01, value: -50}, rate: -4, low: -6, high: -2, limit: -150}\n"},
	{"exp_rising", "exp_rising:\n  projection: {start: {date: 2025-01-01, value: 100}, model: exponential, per: week, rate: 5, low: 3, high: 8, limit: 400}\n"},
	{"exp_falling", "exp_falling:\n  projection: {start: {date: 2025-01-01, value: 1000}, model: exponential, per: week, rate: -5, low: -8, high: -3, limit: 200}\n"},
	{"exp_negative", "exp_negative:\n  projection: {start: {date: 2025-01-01, value: -100}, model: exponential, per: week, rate: 5, low: 3, high: 8, limit: -400}\n"},
}

// parseBlock reads the YAML of one data block as an article's front
// matter would hold it, dated 2025-01-20.
func parseBlock(t *testing.T, src string) *data.Block {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	blocks := data.Parse(nil, data.Page{Path: "content/a.md", Date: time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC)}, doc.Content[0], &diags)
	if diags.HasErrors() || len(blocks) != 1 {
		t.Fatalf("%s: %d blocks, %v", src, len(blocks), diags.Error())
	}
	return blocks[0]
}

// TestOptionBand checks the band of every kind of projection: the low
// series holds the lesser scenario on each date, the band series the
// distance to the greater one, never negative, and both stack with
// strategy "all", so that ECharts adds a positive width to a negative
// lower edge.
func TestOptionBand(t *testing.T) {
	for _, bs := range bandSources {
		t.Run(bs.name, func(t *testing.T) {
			b := parseBlock(t, bs.src)
			f, err := renderOne(b, Spec{}, "c")
			if err != nil {
				t.Fatal(err)
			}
			m, err := newModel([]*data.Block{b}, nil, TypeProjection, nil)
			if err != nil {
				t.Fatal(err)
			}
			series := seriesByID(t, decodeOption(t, f.Option))
			low, band := series[idLow], series[idBand]
			for name, s := range map[string]map[string]any{"low": low, "band": band} {
				if got := dig(s, "stackStrategy"); got != "all" {
					t.Errorf("%s stackStrategy = %v; want all", name, got)
				}
				if got := dig(s, "stack"); got != "band" {
					t.Errorf("%s stack = %v; want band", name, got)
				}
			}
			lows, _ := dig(low, "data").([]any)
			widths, _ := dig(band, "data").([]any)
			if len(lows) != len(m.plot) || len(widths) != len(m.plot) {
				t.Fatalf("low has %d points and band %d; want %d each", len(lows), len(widths), len(m.plot))
			}
			above, below := false, false
			for i, s := range m.plot {
				lo, _ := dig(lows, i, "value", 1).(float64)
				w, _ := dig(widths, i, "value", 1).(float64)
				wantLo, wantHi := min(s.Low, s.High), max(s.Low, s.High)
				if math.Abs(lo-wantLo) > 0.005 {
					t.Errorf("%s: lower edge %g; want %g", isoDate(s.Date), lo, wantLo)
				}
				if w < 0 {
					t.Errorf("%s: band width %g; want it not negative", isoDate(s.Date), w)
				}
				if math.Abs(lo+w-wantHi) > 0.011 {
					t.Errorf("%s: lower edge %g + width %g = %g; want the upper edge %g", isoDate(s.Date), lo, w, lo+w, wantHi)
				}
				above = above || wantHi > 0
				below = below || wantLo < 0
			}
			if strings.HasPrefix(bs.name, "across") && !(above && below) {
				t.Errorf("the band never crosses zero; the case does not test what it says")
			}
		})
	}
}

// svgBand reads the band polygon and the central line of an SVG back
// into dates (ms since 1970) and values through the SVG's data-plot,
// data-x-range and data-y-range attributes: the upper edge, the lower
// edge (left to right) and the central line.
func svgBand(t *testing.T, svg []byte) (upper, lower, central [][2]float64) {
	t.Helper()
	els := xmlElements(t, svg)
	nums := func(s string) []float64 {
		var out []float64
		for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' }) {
			v, err := strconv.ParseFloat(f, 64)
			if err != nil {
				t.Fatalf("%q: %v", s, err)
			}
			out = append(out, v)
		}
		return out
	}
	root := els[0]
	plot, xr, yr := nums(attr(root, "data-plot")), nums(attr(root, "data-x-range")), nums(attr(root, "data-y-range"))
	if len(plot) != 4 || len(xr) != 2 || len(yr) != 2 {
		t.Fatalf("svg data-plot %q, data-x-range %q, data-y-range %q; want 4, 2 and 2 numbers",
			attr(root, "data-plot"), attr(root, "data-x-range"), attr(root, "data-y-range"))
	}
	toData := func(p []float64) [][2]float64 {
		out := make([][2]float64, 0, len(p)/2)
		for i := 0; i+1 < len(p); i += 2 {
			x := xr[0] + (p[i]-plot[0])/(plot[2]-plot[0])*(xr[1]-xr[0])
			y := yr[0] + (plot[3]-p[i+1])/(plot[3]-plot[1])*(yr[1]-yr[0])
			out = append(out, [2]float64{x, y})
		}
		return out
	}
	var poly []float64
	for _, e := range els {
		switch attr(e, "class") {
		case "plc-band":
			if e.Name.Local == "polygon" {
				poly = nums(attr(e, "points"))
			}
		case "plc-central":
			if e.Name.Local == "polyline" {
				central = toData(nums(attr(e, "points")))
			}
		}
	}
	pts := toData(poly)
	n := len(pts) / 2
	upper = pts[:n]
	for i := len(pts) - 1; i >= n; i-- {
		lower = append(lower, pts[i])
	}
	return upper, lower, central
}

// TestSVGBand reads the static chart's band and central line back into
// data through its data- attributes: the upper edge is the greater
// scenario on each date and the lower edge the lesser, to the precision
// of the drawing.
func TestSVGBand(t *testing.T) {
	for _, bs := range bandSources {
		t.Run(bs.name, func(t *testing.T) {
			b := parseBlock(t, bs.src)
			f, err := renderOne(b, Spec{}, "c")
			if err != nil {
				t.Fatal(err)
			}
			m, err := newModel([]*data.Block{b}, nil, TypeProjection, nil)
			if err != nil {
				t.Fatal(err)
			}
			upper, lower, central := svgBand(t, f.SVG)
			if len(upper) != len(m.plot) || len(lower) != len(m.plot) || len(central) != len(m.plot) {
				t.Fatalf("band edges of %d and %d points, central line of %d; want %d each", len(upper), len(lower), len(central), len(m.plot))
			}
			// The SVG writes coordinates to a tenth of a unit of its
			// viewBox, some 300 units high and 650 wide.
			valueTol := (m.y.Max - m.y.Min) / 1000
			dayMS := float64(24 * time.Hour / time.Millisecond)
			timeTol := float64(m.xMax.Sub(m.xMin)/time.Millisecond) / 3000
			for i, s := range m.plot {
				ms := float64(s.Date.UnixMilli())
				for _, c := range []struct {
					name string
					got  [2]float64
					want float64
				}{
					{"upper edge", upper[i], max(s.Low, s.High)},
					{"lower edge", lower[i], min(s.Low, s.High)},
					{"central line", central[i], s.Central},
				} {
					if math.Abs(c.got[0]-ms) > timeTol {
						t.Errorf("%s point %d at %.2f days from %s; want 0", c.name, i, (c.got[0]-ms)/dayMS, isoDate(s.Date))
					}
					if math.Abs(c.got[1]-c.want) > valueTol {
						t.Errorf("%s on %s = %g; want %g", c.name, isoDate(s.Date), c.got[1], c.want)
					}
				}
			}
		})
	}
}

// TestBandBendsWhereScenariosDo draws a reservoir falling 1.3 a day to a
// floor of 120, its low scenario (1.6 a day) reaching the floor on 27
// September, four weeks before the central one: the band's lower edge
// must bend there, in both drawings, and not run straight from the start
// to the central curve's bend, which drew the low scenario 37 higher on
// that day, near the central line.
func TestBandBendsWhereScenariosDo(t *testing.T) {
	b := parseBlock(t, "storage:\n  projection: {start: {date: 2026-05-31, value: 309}, rate: -1.3, low: -1.6, high: -1.0, limit: 150, floor: 120}\n")
	m, err := newModel([]*data.Block{b}, nil, TypeProjection, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range b.Projection.Low.Curve {
		found := false
		for _, s := range m.plot {
			if s.Date.Equal(c.Date) {
				found = true
				if s.Low != c.Value {
					t.Errorf("band's low edge on %s = %v; want %v", c.Date.Format(time.DateOnly), s.Low, c.Value)
				}
			}
		}
		if !found && c.Date.Before(m.projTo) {
			t.Errorf("the band has no point on %s, where the low scenario bends (%v)", c.Date.Format(time.DateOnly), c.Value)
		}
	}
}
