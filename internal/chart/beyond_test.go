package chart

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/plotline/plotline/internal/data"
)

// pastUntil is a projection whose crossing comes after its until: 0 on
// 1 January 2025 rising 100 a day (low 80, high 120) reaches 5,000 on
// 20 February, day 50, and is drawn until 31 January, day 30, at 3,000.
const pastUntil = "reserve:\n  unit: tonnes\n  projection: {start: {date: 2025-01-01, value: 0}, rate: 100, per: day, limit: 5000, until: 2025-01-31, low: 80, high: 120}\n"

// svgPoints returns the points attribute of each element of class in
// svg, as numbers, in order.
func svgPoints(t *testing.T, svg []byte, class string) [][]float64 {
	t.Helper()
	var out [][]float64
	for _, e := range xmlElements(t, svg) {
		if attr(e, "class") != class {
			continue
		}
		var p []float64
		for _, f := range strings.FieldsFunc(attr(e, "points")+" "+attr(e, "x1")+" "+attr(e, "y1"), func(r rune) bool { return r == ' ' || r == ',' }) {
			v, err := strconv.ParseFloat(f, 64)
			if err != nil {
				t.Fatalf("%s: %v", class, err)
			}
			p = append(p, v)
		}
		out = append(out, p)
	}
	return out
}

// TestPastUntil checks a projection whose crossing comes after until: the
// central curve goes on, thinner, from where it ends at until to the
// crossing's marker, in the static chart and the live one, with no gap
// between them; the band stops at until; the table and the CSV keep
// until's row, the value {{ reserve.value_at_until }} writes, and add
// a row for each crossing past until, the scenarios' too: the central
// value where its curve is drawn, a scenario's on its own crossing's row.
func TestPastUntil(t *testing.T) {
	b := parseBlock(t, pastUntil)
	f, err := renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}

	// The live chart.
	series := seriesByID(t, decodeOption(t, f.Option))
	central, beyond := series[idCentral], series["central-beyond"]
	data := dig(central, "data").([]any)
	end := dig(data[len(data)-1], "value")
	if !equalJSON(end, []any{"2025-01-31", 3000.0}) {
		t.Errorf("central line ends at %v; want [2025-01-31 3000], until", end)
	}
	if beyond == nil {
		t.Errorf("no central-beyond series; ids %v", keys(series))
	} else {
		if got, want := dig(beyond, "name"), dig(central, "name"); got != want || got != "Central projection" {
			t.Errorf("central-beyond is named %v; want %q, the central line's legend entry", got, want)
		}
		if got := dig(beyond, "lineStyle", "width"); got != 1.0 {
			t.Errorf("central-beyond line width %v; want 1, thinner than the central line's 2", got)
		}
		on := dig(beyond, "data").([]any)
		if got := dig(on[0], "value"); !equalJSON(got, end) {
			t.Errorf("central-beyond starts at %v; want %v, where the central line ends", got, end)
		}
		if got := dig(on[len(on)-1], "value"); !equalJSON(got, []any{"2025-02-20", 5000.0}) {
			t.Errorf("central-beyond ends at %v; want [2025-02-20 5000], the crossing", got)
		}
	}
	if got := dig(central, "markLine", "data", 0, "xAxis"); got != "2025-02-20" {
		t.Errorf("crossing marked at %v; want 2025-02-20", got)
	}
	if got := dig(series[idBand], "data"); len(got.([]any)) == 0 || !strings.HasPrefix(dig(got, len(got.([]any))-1, "value", 0).(string), "2025-01-31") {
		t.Errorf("band ends at %v; want until, 2025-01-31", dig(got, len(got.([]any))-1, "value"))
	}

	// The static chart, in pixels.
	for _, svg := range [][]byte{f.SVG, f.SVGNarrow} {
		curve, on := svgPoints(t, svg, "plc-central"), svgPoints(t, svg, "plc-beyond")
		cross, limit := svgPoints(t, svg, "plc-crossing"), svgPoints(t, svg, "plc-limit")
		if len(curve) != 2 || len(on) != 1 || len(cross) != 1 || len(limit) != 2 {
			// The legend draws a central mark and a limit mark too.
			t.Errorf("SVG has %d central, %d beyond, %d crossing, %d limit elements; want 2, 1, 1, 2", len(curve), len(on), len(cross), len(limit))
			continue
		}
		c, o := curve[0], on[0]
		if len(o) < 4 || math.Abs(o[0]-c[len(c)-2]) > 0.01 || math.Abs(o[1]-c[len(c)-1]) > 0.01 {
			t.Errorf("beyond line starts at %v; want %v, where the central line ends", o[:min(2, len(o))], c[len(c)-2:])
		}
		last := o[len(o)-2:]
		if math.Abs(last[0]-cross[0][0]) > 0.01 || math.Abs(last[1]-limit[0][1]) > 0.01 {
			t.Errorf("beyond line ends at %v; want the crossing line's x %v on the limit's y %v", last, cross[0][0], limit[0][1])
		}
	}

	// The table and the CSV.
	for _, want := range []string{
		"\n2025-01-31,,,,3000,2400,3600,\n",
		// High, 120 a day, reaches 5,000 on day 42; low, 80 a day, on day 63.
		"\n2025-02-12,,,,4200,,5040,\"High scenario reaches 5,000 tonnes\"\n",
		"\n2025-02-20,,,,5000,,,\"Central reaches 5,000 tonnes\"\n",
		"\n2025-03-05,,,,,5040,,\"Low scenario reaches 5,000 tonnes\"\n",
	} {
		if !bytes.Contains(f.CSV, []byte(want)) {
			t.Errorf("CSV lacks the row %q:\n%s", strings.TrimSpace(want), f.CSV)
		}
	}
	var html bytes.Buffer
	if err := writeHTML(&html, f, ""); err != nil {
		t.Fatal(err)
	}
	if want := `<tr class="chart-crossing"><th scope="row"><time datetime="2025-02-20">20 Feb 2025</time></th><td class="num">5,000</td><td class="num"></td><td class="num"></td><td>Central reaches 5,000 tonnes</td></tr>`; !strings.Contains(html.String(), want) {
		t.Errorf("table lacks the crossing row %s", want)
	}
}

// TestBeyondUntilPoints checks how many points the stretch past until is
// drawn with: a straight line its two ends, a curve a point a day up to
// maxBeyondSamples, each on the curve, the last on the crossing.
func TestBeyondUntilPoints(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      int // 0: a point a day, the crossing included
		atMost    bool
	}{
		{"linear", pastUntil, 2, false},
		{"exponential, 31 days", "g:\n  projection: {start: {date: 2025-01-01, value: 100}, model: exponential, per: month, rate: 10, limit: 300, until: 2025-11-15}\n", 0, false},
		{"exponential, years", "g:\n  projection: {start: {date: 2025-01-01, value: 100}, model: exponential, per: year, rate: 10, limit: 300, until: 2026-01-01}\n", maxBeyondSamples, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := parseBlock(t, c.src)
			m, err := newModel([]*data.Block{b}, nil, TypeProjection, nil)
			if err != nil {
				t.Fatal(err)
			}
			p, end, got := b.Projection, m.projTo, m.beyond
			days := int(p.Central.Crossing.Sub(end).Hours() / 24)
			want := c.want
			if want == 0 {
				want = days + 1
			}
			if len(got) != want && !(c.atMost && len(got) > 2 && len(got) <= want) {
				t.Fatalf("%d points over %d days; want %d", len(got), days, want)
			}
			if !got[0].Date.Equal(end) || !got[len(got)-1].Date.Equal(p.Central.Crossing) {
				t.Errorf("points run from %v to %v; want %v to %v", got[0].Date, got[len(got)-1].Date, end, p.Central.Crossing)
			}
			for _, s := range got {
				if v := p.Central.ValueAt(s.Date); s.Central != v {
					t.Errorf("%v: %v; want %v, on the curve", s.Date, s.Central, v)
				}
			}
		})
	}
}
