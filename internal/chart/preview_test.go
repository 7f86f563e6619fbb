package chart

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/ogimage"
	"github.com/plotline/plotline/internal/words"
)

// TestPlot checks the preview card's description of the Kursk chart
// against the static chart: the axes of its wide SVG (read from its data
// attributes), the tick labels it writes, and the projection's numbers.
func TestPlot(t *testing.T) {
	f, err := renderOne(kursk(), Spec{Title: "Kursk"}, "c")
	if err != nil {
		t.Fatal(err)
	}
	p := f.Plot()
	if p == nil {
		t.Fatal("Plot() = nil; want the chart")
	}
	root := xmlElements(t, f.SVG)[0]
	xr := strings.Fields(attr(root, "data-x-range"))
	yr := strings.Fields(attr(root, "data-y-range"))
	if got, want := strconv.FormatInt(p.XMin.UnixMilli(), 10)+" "+strconv.FormatInt(p.XMax.UnixMilli(), 10), strings.Join(xr, " "); got != want {
		t.Errorf("time axis %s; want the SVG's %s", got, want)
	}
	if got, want := strconv.FormatFloat(p.YMin, 'g', -1, 64)+" "+strconv.FormatFloat(p.YMax, 'g', -1, 64), strings.Join(yr, " "); got != want {
		t.Errorf("value axis %s; want the SVG's %s", got, want)
	}
	svg := string(f.SVG)
	if len(p.XTicks) < 4 || len(p.YTicks) < 4 {
		t.Errorf("%d date and %d value ticks; want the chart's", len(p.XTicks), len(p.YTicks))
	}
	for _, tk := range p.XTicks {
		if !strings.Contains(svg, ">"+tk.Label+"</text>") {
			t.Errorf("date tick %q is not a label of the SVG", tk.Label)
		}
	}
	for _, tk := range p.YTicks {
		if tk.Value != 0 && !strings.Contains(svg, ">"+tk.Label+"</text>") {
			t.Errorf("value tick %q is not a label of the SVG", tk.Label)
		}
	}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	checks := []struct {
		what      string
		got, want any
	}{
		{"unit", p.Unit, "casualties"},
		{"observations", p.Observed, []ogimage.Point{{Date: day("2025-01-06"), Value: 3800}, {Date: day("2025-01-13"), Value: 3000}}},
		{"observations as a line", p.ObservedLine, false},
		{"first central point", p.Central[0], ogimage.Point{Date: day("2024-12-05"), Value: 0}},
		{"band", len(p.BandLow) == len(p.Central) && len(p.BandHigh) == len(p.Central), true},
		{"low on the last day", p.BandLow[len(p.BandLow)-1].Value, 70 * p.Central[len(p.Central)-1].Value / 92},
		{"limit", *p.Limit, 12000.0},
		{"limit's label", p.LimitLabel, "12,000 casualties"},
		{"limit's number", p.LimitNumber, "12,000"},
		{"crossing", *p.Crossing, day("2025-04-15")},
		{"crossing's label", p.CrossingLabel, "15 Apr 2025"},
		{"projected from", *p.ProjectedFrom, day("2025-01-13")},
	}
	for _, c := range checks {
		if !equalAny(c.got, c.want) {
			t.Errorf("%s = %v; want %v", c.what, c.got, c.want)
		}
	}
	r, err := ogimage.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Render(ogimage.Card{Title: "Kursk", Plot: p}); err != nil {
		t.Errorf("the card does not draw: %v", err)
	}
}

// TestPlotInLanguage checks that the preview card's labels, which the
// card draws as given, are the chart's in the site's language, the name
// of the projected period too.
func TestPlotInLanguage(t *testing.T) {
	f, err := renderOne(kursk(), Spec{Title: "Kursk", Locale: locale.New("de"), Words: words.New("de")}, "c")
	if err != nil {
		t.Fatal(err)
	}
	p := f.Plot()
	var ticks []string
	for _, tk := range p.YTicks {
		ticks = append(ticks, tk.Label)
	}
	var dates []string
	for _, tk := range p.XTicks {
		dates = append(dates, tk.Label)
	}
	for _, c := range []struct{ what, got, want string }{
		{"value ticks", strings.Join(ticks, " "), "0 5.000 10.000 15.000 20.000"},
		{"first date tick", dates[0], "Jan. 2025"},
		{"limit's label", p.LimitLabel, "12.000 casualties"},
		{"limit's number", p.LimitNumber, "12.000"},
		{"crossing's label", p.CrossingLabel, "15. Apr. 2025"},
		{"projected period's label", p.Projected, "Projektion"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q; want %q", c.what, c.got, c.want)
		}
	}
}

// equalAny compares the values of TestPlot's table.
func equalAny(a, b any) bool {
	switch a := a.(type) {
	case []ogimage.Point:
		b := b.([]ogimage.Point)
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			if !a[i].Date.Equal(b[i].Date) || a[i].Value != b[i].Value {
				return false
			}
		}
		return true
	case ogimage.Point:
		b := b.(ogimage.Point)
		return a.Date.Equal(b.Date) && a.Value == b.Value
	case time.Time:
		return a.Equal(b.(time.Time))
	case float64:
		d := a - b.(float64)
		return d < 1e-6 && d > -1e-6
	}
	return a == b
}

// TestPlotOtherCharts checks the charts without a projection: a line
// chart joins its observations, a bar chart draws bars, and a chart of
// several blocks gives no plot.
func TestPlotOtherCharts(t *testing.T) {
	f, err := renderOne(noProjection(), Spec{Type: TypeLine}, "c")
	if err != nil {
		t.Fatal(err)
	}
	p := f.Plot()
	if p == nil || !p.ObservedLine || len(p.Central) != 0 || p.Limit != nil || p.Crossing != nil || p.ProjectedFrom != nil {
		t.Errorf("line chart: Plot() = %+v; want observations joined by a line, and nothing projected", p)
	}
	// A bar chart's card draws bars as wide, for the plot, as the chart's.
	f, err = renderOne(noProjection(), Spec{Type: TypeBar}, "c")
	if err != nil {
		t.Fatal(err)
	}
	p = f.Plot()
	c := &f.wide.c
	if want := c.barW / (c.right - c.left); p == nil || p.ObservedLine || p.BarWidth != want || want <= 0 {
		t.Errorf("bar chart: Plot() = %+v; want bars %.4f of the plot wide", p, want)
	}
	bs, s := twoBlocks()
	f, err = RenderBlocks(bs, s, "c")
	if err != nil {
		t.Fatal(err)
	}
	if p := f.Plot(); p != nil {
		t.Errorf("chart of two blocks: Plot() = %+v; want nil", p)
	}
}

// BenchmarkPreviewCard draws the preview card of the Kursk chart, its
// curves sampled as the chart draws them, as a build draws each article's.
func BenchmarkPreviewCard(b *testing.B) {
	f, err := renderOne(kursk(), Spec{Title: "Kursk"}, "c")
	if err != nil {
		b.Fatal(err)
	}
	r, err := ogimage.NewRenderer()
	if err != nil {
		b.Fatal(err)
	}
	card := ogimage.Card{Site: "The Projection Desk", Title: "At the current rate, North Korea's force in Kursk would be spent by spring", Plot: f.Plot()}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Render(card); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPlotScenario checks that a projection with one other scenario, low
// or high, gives the card that scenario's line, as the static chart draws
// it, and no band.
func TestPlotScenario(t *testing.T) {
	for _, name := range []string{"low", "high"} {
		b := parseBlock(t, "beds:\n  series: [{date: 2025-01-13, value: 130}]\n  projection: {rate: 5, "+name+": "+map[string]string{"low": "3", "high": "8"}[name]+", limit: 400}\n")
		f, err := renderOne(b, Spec{}, "c")
		if err != nil {
			t.Fatal(err)
		}
		p := f.Plot()
		if len(p.BandLow) > 0 || len(p.BandHigh) > 0 {
			t.Errorf("%s: a band of %d and %d points; want none", name, len(p.BandLow), len(p.BandHigh))
		}
		if len(p.Scenario) != len(p.Central) {
			t.Fatalf("%s: a scenario of %d points; want one a point of the central line's %d", name, len(p.Scenario), len(p.Central))
		}
		s := b.Projection.Low
		if name == "high" {
			s = b.Projection.High
		}
		for _, pt := range p.Scenario {
			if want := s.ValueAt(pt.Date); pt.Value != want {
				t.Errorf("%s scenario on %s: %v; want %v", name, pt.Date.Format(time.DateOnly), pt.Value, want)
			}
		}
	}
}
