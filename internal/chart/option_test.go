package chart

import (
	"bytes"
	"encoding/json"
	"math"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/words"
)

// decodeOption decodes the ECharts option the frames of a chart share.
func decodeOption(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var env map[string]any
	if err := json.Unmarshal(b, &env); err != nil {
		t.Fatalf("option is not JSON: %v\n%s", err, b)
	}
	opt, ok := env["option"].(map[string]any)
	if !ok {
		t.Fatalf("no option in %s", b)
	}
	return opt
}

// decodeFrame decodes the frame of a chart's option with the given name.
func decodeFrame(t *testing.T, b []byte, name string) map[string]any {
	t.Helper()
	var env struct {
		Frames []map[string]any `json:"frames"`
	}
	if err := json.Unmarshal(b, &env); err != nil {
		t.Fatalf("option is not JSON: %v\n%s", err, b)
	}
	for _, f := range env.Frames {
		if f["name"] == name {
			return f
		}
	}
	t.Fatalf("no frame %q in %s", name, b)
	return nil
}

// seriesByID returns the option's series keyed by id.
func seriesByID(t *testing.T, opt map[string]any) map[string]map[string]any {
	t.Helper()
	out := make(map[string]map[string]any)
	list, _ := opt["series"].([]any)
	for _, s := range list {
		m := s.(map[string]any)
		id, _ := m["id"].(string)
		out[id] = m
	}
	return out
}

// dig follows keys and indexes through decoded JSON; it returns nil when
// the path does not exist.
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			l, ok := v.([]any)
			if !ok || k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

func TestOptionProjection(t *testing.T) {
	f, err := renderOne(kursk(), Spec{Block: "losses"}, "chart-kursk-1")
	if err != nil {
		t.Fatal(err)
	}
	opt := decodeOption(t, f.Option)
	series := seriesByID(t, opt)

	if got := dig(opt, "xAxis", 0, "type"); got != "time" {
		t.Errorf("xAxis[0].type = %v; want time", got)
	}
	for _, name := range []string{"wide", "narrow"} {
		// The band's entry of the legend is a filled area, not a dot.
		var bandIcon any
		for _, row := range dig(decodeFrame(t, f.Option, name), "option", "legend").([]any) {
			for _, d := range dig(row, "data").([]any) {
				if dig(d, "name") == words.LowHighRange.English() {
					bandIcon = dig(d, "icon")
				}
			}
		}
		if bandIcon != "rect" {
			t.Errorf("%s frame: the band's legend icon is %v; want rect", name, bandIcon)
		}
		var notes []string
		for _, g := range dig(decodeFrame(t, f.Option, name), "option", "graphic").([]any) {
			notes = append(notes, dig(g, "info").(string)+": "+dig(g, "style", "text").(string))
		}
		for _, want := range []string{"unit: casualties", "crossing: 15 Apr 2025", "limit: 12,000 casualties"} {
			if !slices.Contains(notes, want) {
				t.Errorf("%s frame: labels %q; want %q among them", name, notes, want)
			}
		}
	}

	central := series[idCentral]
	if central == nil {
		t.Fatalf("no central series in %s", f.Option)
	}
	if got := dig(central, "type"); got != "line" {
		t.Errorf("central type = %v; want line", got)
	}
	if got := dig(central, "lineStyle", "type"); got != "dashed" {
		t.Errorf("central lineStyle.type = %v; want dashed", got)
	}
	if got := dig(central, "data", 0, "value"); !equalJSON(got, []any{"2024-12-05", 0.0}) {
		t.Errorf("central data[0] = %v; want [2024-12-05 0]", got)
	}

	// The band: a transparent low line and the stacked, filled difference.
	low, band := series[idLow], series[idBand]
	if low == nil || band == nil {
		t.Fatalf("want low and band series; got ids %v", keys(series))
	}
	if dig(low, "stack") != "band" || dig(band, "stack") != "band" {
		t.Errorf("low stack = %v, band stack = %v; want both band", dig(low, "stack"), dig(band, "stack"))
	}
	if got := dig(low, "lineStyle", "opacity"); got != 0.0 {
		t.Errorf("low lineStyle.opacity = %v; want 0", got)
	}
	if dig(low, "areaStyle") != nil {
		t.Errorf("low has an areaStyle; want only the band filled")
	}
	if got := dig(band, "areaStyle", "color"); got == nil {
		t.Errorf("band has no areaStyle colour")
	}
	// On 2025-01-06 (index 32) the low scenario is 2,240 and the high 3,520.
	if got := dig(low, "data", 32, "value"); !equalJSON(got, []any{"2025-01-06", 2240.0}) {
		t.Errorf("low data[32] = %v; want [2025-01-06 2240]", got)
	}
	if got := dig(band, "data", 32, "value"); !equalJSON(got, []any{"2025-01-06", 1280.0}) {
		t.Errorf("band data[32] = %v; want [2025-01-06 1280]", got)
	}

	// The limit and the crossing.
	marks, _ := dig(central, "markLine", "data").([]any)
	limits, _ := dig(series[idLimit], "markLine", "data").([]any)
	marks = append(marks, limits...)
	var limit, crossing map[string]any
	for _, m := range marks {
		m := m.(map[string]any)
		if _, ok := m["yAxis"]; ok {
			limit = m
		}
		if _, ok := m["xAxis"]; ok {
			crossing = m
		}
	}
	if limit == nil || limit["yAxis"] != 12000.0 || limit["name"] != "12,000 casualties" {
		t.Errorf("limit markLine = %v; want yAxis 12000 named \"12,000 casualties\"", limit)
	}
	if crossing == nil || crossing["xAxis"] != "2025-04-15" || crossing["name"] != "15 Apr 2025" {
		t.Errorf("crossing markLine = %v; want xAxis 2025-04-15 named \"15 Apr 2025\"", crossing)
	}
	if got := dig(central, "markLine", "label", "show"); got != false {
		t.Errorf("markLine label.show = %v; want false: the layout writes the labels", got)
	}

	// The projected period starts at the last observation.
	area := dig(central, "markArea", "data", 0)
	if got := dig(area, 0, "name"); got != "Projected" {
		t.Errorf("markArea name = %v; want Projected", got)
	}
	if got, want := dig(area, 0, "xAxis"), "2025-01-13"; got != want {
		t.Errorf("markArea from %v; want %v", got, want)
	}
	if got, want := dig(area, 1, "xAxis"), "2025-06-01"; got != want {
		t.Errorf("markArea to %v; want %v", got, want)
	}

	// Observations are markers carrying label and source.
	obs := series[idObserved]
	if got := dig(obs, "type"); got != "scatter" {
		t.Errorf("observed type = %v; want scatter", got)
	}
	if got := dig(obs, "data", 1); !equalJSON(got, map[string]any{
		"value": []any{"2025-01-13", 3000.0}, "name": "ISW estimate", "source": "Institute for the Study of War",
	}) {
		t.Errorf("observed data[1] = %v", got)
	}

	if bytes.Contains(f.Option, []byte("function")) {
		t.Errorf("option holds a function: %s", f.Option)
	}
}

func TestOptionPlainTypes(t *testing.T) {
	for _, typ := range []string{TypeLine, TypeBar} {
		t.Run(typ, func(t *testing.T) {
			f, err := renderOne(kursk(), Spec{Block: "losses", Type: typ}, "c")
			if err != nil {
				t.Fatal(err)
			}
			opt := decodeOption(t, f.Option)
			series, _ := opt["series"].([]any)
			if len(series) != 2 || dig(series, 1, "id") != idLimit {
				t.Fatalf("got %d series; want 2, the observations and the limit", len(series))
			}
			if got := dig(series, 0, "type"); got != typ {
				t.Errorf("series type = %v; want %s", got, typ)
			}
			if got := dig(series, 0, "data", 0, "value"); !equalJSON(got, []any{"2025-01-06", 3800.0}) {
				t.Errorf("data[0] = %v; want [2025-01-06 3800]", got)
			}
			if got := dig(series, 1, "markLine", "data", 0, "yAxis"); got != 12000.0 {
				t.Errorf("limit markLine yAxis = %v; want 12000", got)
			}
			if got := dig(series, 1, "markLine", "data", 1); got != nil {
				t.Errorf("a %s chart has a second mark line %v; want only the limit", typ, got)
			}
		})
	}
}

func TestOptionLowOnly(t *testing.T) {
	b := kursk()
	b.Projection.High = nil
	f, err := renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	series := seriesByID(t, decodeOption(t, f.Option))
	if series[idBand] != nil {
		t.Errorf("a band without a high scenario")
	}
	if got := dig(series[idLow], "lineStyle", "type"); got != "dotted" {
		t.Errorf("low lineStyle.type = %v; want dotted", got)
	}
	// The legend's mark takes the series' item colour: without one, the
	// live chart's legend gave the orange scenario a blue mark from
	// ECharts' palette.
	if got := dig(series[idLow], "itemStyle", "color"); got != colorProjection {
		t.Errorf("low itemStyle.color = %v; want %s, the line's", got, colorProjection)
	}
}

func TestOptionThinsLongCurves(t *testing.T) {
	b := kursk()
	p := b.Projection
	until := day("2030-01-01")
	p.Central = *linearScenario("central", p.Start, 92, p.Limit, until)
	p.Low, p.High = nil, nil
	f, err := renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := dig(seriesByID(t, decodeOption(t, f.Option))[idCentral], "data").([]any)
	if len(data) != maxPlotSamples {
		t.Errorf("central line has %d points; want %d", len(data), maxPlotSamples)
	}
	if got := dig(data, len(data)-1, "value", 0); got != "2030-01-01" {
		t.Errorf("central line ends on %v; want 2030-01-01", got)
	}
}

func equalJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// noProjection returns the Kursk observations without a projection.
func noProjection() *data.Block {
	b := kursk()
	b.Projection = nil
	return b
}

// TestProjectedPeriod checks that the shading of the projected period,
// in the option, the SVG and the preview card, runs from the latest
// observation to the end of the projection, not to the end of the time
// axis: an event, or the crossing, after the projection's end stretches
// the axis over days nothing is projected on, and a projection that ends
// before the latest observation (it starts earlier, and the observations
// since show how it fared) has no projected period at all.
func TestProjectedPeriod(t *testing.T) {
	rectRE := regexp.MustCompile(`<rect class="plc-projected" x="([-\d.]+)" y="[-\d.]+" width="([-\d.]+)"`)

	b := kursk() // projected until 1 June 2025, observed until 13 January
	f, err := renderOne(b, Spec{Events: []Event{{Date: day("2025-09-01"), Label: "Review"}}}, "c")
	if err != nil {
		t.Fatal(err)
	}
	central := seriesByID(t, decodeOption(t, f.Option))[idCentral]
	area := dig(central, "markArea", "data", 0)
	if got, want := dig(area, 0, "xAxis"), "2025-01-13"; got != want {
		t.Errorf("markArea from %v; want %v", got, want)
	}
	if got, want := dig(area, 1, "xAxis"), "2025-06-01"; got != want {
		t.Errorf("markArea to %v; want %v, the projection's end", got, want)
	}
	for _, fr := range []struct {
		svg []byte
		l   *layout
	}{{f.SVG, f.wide}, {f.SVGNarrow, f.model.layout(f.frames[1])}} {
		m := rectRE.FindSubmatch(fr.svg)
		if m == nil {
			t.Fatalf("no projected period in the SVG:\n%s", fr.svg)
		}
		x, _ := strconv.ParseFloat(string(m[1]), 64)
		w, _ := strconv.ParseFloat(string(m[2]), 64)
		if want := fr.l.c.x(day("2025-06-01")); math.Abs(x+w-want) > 0.1 {
			t.Errorf("%s frame: the projected period ends at x %g; want %g, the projection's end", fr.l.f.name, x+w, want)
		}
	}
	if p := f.Plot(); p.ProjectedFrom == nil || p.ProjectedTo == nil || !p.ProjectedTo.Equal(day("2025-06-01")) {
		t.Errorf("Plot projected from %v to %v; want to 2025-06-01", p.ProjectedFrom, p.ProjectedTo)
	}

	b = kursk()
	b.Series = append(b.Series, data.Point{Date: day("2025-07-01"), Value: 9000})
	f, err = renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	central = seriesByID(t, decodeOption(t, f.Option))[idCentral]
	if area := dig(central, "markArea"); area != nil {
		t.Errorf("markArea = %v; want none: the projection ends before the latest observation", area)
	}
	for _, svg := range [][]byte{f.SVG, f.SVGNarrow} {
		if rectRE.Match(svg) || bytes.Contains(svg, []byte(">Projected<")) {
			t.Errorf("the SVG shades or labels a projected period after the projection's end: %q", rectRE.Find(svg))
		}
	}
	if p := f.Plot(); p.ProjectedFrom != nil {
		t.Errorf("Plot projected from %v; want nothing projected", *p.ProjectedFrom)
	}
}
