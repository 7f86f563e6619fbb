package chart

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/diag"
)

// decodeOption decodes an option for inspection.
func decodeOption(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var opt map[string]any
	if err := json.Unmarshal(b, &opt); err != nil {
		t.Fatalf("option is not JSON: %v\n%s", err, b)
	}
	return opt
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
	f, err := Render(kursk(), Spec{Block: "losses"}, "chart-kursk-1")
	if err != nil {
		t.Fatal(err)
	}
	opt := decodeOption(t, f.Option)
	series := seriesByID(t, opt)

	if got := dig(opt, "xAxis", 0, "type"); got != "time" {
		t.Errorf("xAxis[0].type = %v; want time", got)
	}
	if got := dig(opt, "yAxis", 0, "name"); got != "casualties" {
		t.Errorf("yAxis[0].name = %v; want casualties", got)
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
	if got := dig(central, "markLine", "label", "show"); got != true {
		t.Errorf("markLine label.show = %v; want true", got)
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
		"value": []any{"2025-01-13", 3000.0}, "label": "ISW estimate", "source": "Institute for the Study of War",
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
			f, err := Render(kursk(), Spec{Block: "losses", Type: typ}, "c")
			if err != nil {
				t.Fatal(err)
			}
			opt := decodeOption(t, f.Option)
			series, _ := opt["series"].([]any)
			if len(series) != 1 {
				t.Fatalf("got %d series; want 1", len(series))
			}
			if got := dig(series, 0, "type"); got != typ {
				t.Errorf("series type = %v; want %s", got, typ)
			}
			if got := dig(series, 0, "data", 0, "value"); !equalJSON(got, []any{"2025-01-06", 3800.0}) {
				t.Errorf("data[0] = %v; want [2025-01-06 3800]", got)
			}
			if got := dig(series, 0, "markLine", "data", 0, "yAxis"); got != 12000.0 {
				t.Errorf("limit markLine yAxis = %v; want 12000", got)
			}
			if got := dig(series, 0, "markLine", "data", 1); got != nil {
				t.Errorf("a %s chart has a second mark line %v; want only the limit", typ, got)
			}
		})
	}
}

func TestOptionLowOnly(t *testing.T) {
	b := kursk()
	b.Projection.High = nil
	f, err := Render(b, Spec{}, "c")
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
}

func TestOptionThinsLongCurves(t *testing.T) {
	b := kursk()
	p := b.Projection
	until := day("2030-01-01")
	p.Central = *linearScenario("central", p.Start, 92, p.Limit, until)
	p.Low, p.High = nil, nil
	f, err := Render(b, Spec{}, "c")
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

// optionCase is a chart whose option is kept as a golden file.
type optionCase struct {
	name string
	b    *dataBlock
	kind string
}

// optionCases returns the charts whose options TestOptionGolden pins: the
// Kursk block as every chart type and with each part of a projection
// taken away in turn, the blocks the other tests draw, and the blocks of
// the FuzzRender seeds and corpus as every chart type.
func optionCases(t *testing.T) []optionCase {
	t.Helper()
	edit := func(f func(b *dataBlock)) *dataBlock {
		b := kursk()
		f(b)
		return b
	}
	hostileBlock, _ := hostile()
	cases := []optionCase{
		{"kursk", kursk(), TypeProjection},
		{"kursk-line", kursk(), TypeLine},
		{"kursk-bar", kursk(), TypeBar},
		{"observed-line", noProjection(), TypeLine},
		{"observed-bar", noProjection(), TypeBar},
		{"observed-line-no-unit", edit(func(b *dataBlock) { b.Projection, b.Unit = nil, "" }), TypeLine},
		{"observed-bar-no-unit", edit(func(b *dataBlock) { b.Projection, b.Unit = nil, "" }), TypeBar},
		{"single-observation-line", edit(func(b *dataBlock) { b.Projection, b.Series = nil, b.Series[:1] }), TypeLine},
		{"single-observation-bar", edit(func(b *dataBlock) { b.Projection, b.Series = nil, b.Series[:1] }), TypeBar},
		{"no-unit", edit(func(b *dataBlock) { b.Unit = "" }), TypeProjection},
		{"no-unit-bar", edit(func(b *dataBlock) { b.Unit = "" }), TypeBar},
		{"no-observations", edit(func(b *dataBlock) { b.Series = nil }), TypeProjection},
		{"low-only", edit(func(b *dataBlock) { b.Projection.High = nil }), TypeProjection},
		{"high-only", edit(func(b *dataBlock) { b.Projection.Low = nil }), TypeProjection},
		{"central-only", edit(func(b *dataBlock) { b.Projection.Low, b.Projection.High = nil, nil }), TypeProjection},
		{"central-only-no-observations", edit(func(b *dataBlock) {
			b.Series, b.Projection.Low, b.Projection.High = nil, nil, nil
		}), TypeProjection},
		{"no-limit", edit(func(b *dataBlock) { b.Projection.HasLimit = false }), TypeProjection},
		{"no-limit-line", edit(func(b *dataBlock) { b.Projection.HasLimit = false }), TypeLine},
		{"no-limit-low-only", edit(func(b *dataBlock) { b.Projection.HasLimit, b.Projection.High = false, nil }), TypeProjection},
		{"limit-not-reached", edit(func(b *dataBlock) {
			p := b.Projection
			p.Limit = 50000
			p.Central.Reaches, p.Low.Reaches, p.High.Reaches = false, false, false
			p.Low = nil
		}), TypeProjection},
		{"empty-curve", edit(func(b *dataBlock) {
			p := b.Projection
			p.Central.Curve, p.Low, p.High = nil, nil, nil
		}), TypeProjection},
		{"long-curve", edit(func(b *dataBlock) {
			p := b.Projection
			p.Central = *linearScenario("central", p.Start, 92, p.Limit, day("2030-01-01"))
			p.Low, p.High = nil, nil
		}), TypeProjection},
		{"long-band", edit(func(b *dataBlock) {
			p := b.Projection
			until := day("2028-12-31")
			p.Until = until
			p.Central = *linearScenario("central", p.Start, 92, p.Limit, until)
			p.Low = linearScenario("low", p.Start, 70, p.Limit, until)
			p.High = linearScenario("high", p.Start, 110, p.Limit, until)
		}), TypeProjection},
		{"hostile", hostileBlock, TypeProjection},
		{"hostile-line", hostileBlock, TypeLine},
		{"hostile-bar", hostileBlock, TypeBar},
		{"separators", edit(func(b *dataBlock) {
			b.Unit = "a\u2028b\u2029c & <d>"
			b.Series[0].Label = "line\u2028separator"
		}), TypeProjection},
	}

	// The blocks of FuzzRender's seeds and corpus, which reach extreme
	// dates and values.
	srcs := map[string]string{
		"seed-kursk":      "losses:\n  unit: casualties\n  series:\n    - {date: 2025-01-06, value: 3800, label: a, source: \"https://x.org/?a=<b>\"}\n    - {date: 2025-01-13, value: 3000}\n  projection: {start: {date: 2024-12-05, value: 0}, rate: 92, limit: 12000, low: 70, high: 110}\n",
		"seed-fit":        "p:\n  csv: p.csv\n  projection: {rate: fit, model: exponential, per: month, limit: 100}\n",
		"seed-extreme":    "w:\n  projection: {start: {date: 0001-01-01, value: 1e300}, rate: -1e300, limit: -1e308, until: 9999-12-31}\n",
		"seed-slow":       "x:\n  series: [{date: 2025-01-01, value: 0}]\n  projection: {rate: 0.000001, limit: 1, per: year}\n",
		"seed-far":        "y:\n  series: [{date: 9999-12-31, value: -1e308}, {date: 0001-01-01, value: 1e308}]\n",
		"seed-exp-bounds": "z:\n  projection: {start: {date: 2025-01-01, value: 1}, rate: 1000, model: exponential, per: day, until: 2100-01-01, low: -99.99, high: 1e6}\n",
		"seed-tiny":       "s:\n  unit: \"</script>\\u2028\"\n  series: [{date: 2025-01-01, value: 5e-324, label: \"=1+1\", source: \"javascript:alert(1)\"}]\n  projection: {rate: 1, limit: 5e-324}\n",
	}
	corpus, err := filepath.Glob(filepath.Join("testdata", "fuzz", "FuzzRender", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range corpus {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		_, arg, _ := strings.Cut(strings.TrimSpace(string(raw)), "\nstring(")
		src, err := strconv.Unquote(strings.TrimSuffix(arg, ")"))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		srcs["corpus-"+filepath.Base(path)] = src
	}
	fsys := fstest.MapFS{"content/p.csv": {Data: []byte("date,value\n2025-01-01,1\n2025-02-01,3\n2025-03-01,9\n")}}
	for name, src := range srcs {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var diags diag.List
		blocks := data.Parse(fsys, data.Page{Path: "content/a.md", Date: time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC)}, doc.Content[0], &diags)
		for _, b := range blocks {
			for _, kind := range []string{TypeProjection, TypeLine, TypeBar} {
				cases = append(cases, optionCase{name + "-" + kind, b, kind})
			}
		}
	}
	return cases
}

// decodeJSON decodes b into plain values, keeping numbers as they are
// written so that two options compare equal only when every number is
// written the same.
func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("data after the JSON value")
	}
	return v, nil
}

// TestOptionGolden checks that every chart's option means the same as its
// golden file: the two decode to equal values, whatever the order of
// their keys. The golden files are indented for review; -update rewrites
// them from the current output. A chart the option cannot be built for
// has a golden .err file holding the error instead.
func TestOptionGolden(t *testing.T) {
	seen := make(map[string]bool)
	for _, tc := range optionCases(t) {
		if seen[tc.name] {
			t.Fatalf("two cases are named %s", tc.name)
		}
		seen[tc.name] = true
		t.Run(tc.name, func(t *testing.T) {
			base := filepath.Join("testdata", "option", tc.name)
			f, err := Render(tc.b, Spec{Block: tc.b.Name, Type: tc.kind}, "chart-a-1")
			var got []byte
			golden := base + ".json"
			if err != nil {
				got, golden = []byte(err.Error()+"\n"), base+".err"
			} else {
				if !json.Valid(f.Option) {
					t.Fatalf("option is not JSON: %s", f.Option)
				}
				if i := bytes.IndexAny(f.Option, "<>&\u2028\u2029"); i >= 0 {
					t.Errorf("option holds a raw %q, which must be escaped in a script element: %s", f.Option[i:i+1], f.Option)
				}
				var indented bytes.Buffer
				if err := json.Indent(&indented, f.Option, "", "  "); err != nil {
					t.Fatal(err)
				}
				indented.WriteByte('\n')
				got = indented.Bytes()
			}
			if *update {
				// A chart that now draws, or now fails, leaves no file
				// of the other kind behind.
				for _, ext := range []string{".json", ".err"} {
					if err := os.Remove(base + ext); err != nil && !errors.Is(err, os.ErrNotExist) {
						t.Fatal(err)
					}
				}
			}
			want := readGolden(t, golden, got)
			if strings.HasSuffix(golden, ".err") {
				if string(got) != string(want) {
					t.Errorf("error = %q; want %q", got, want)
				}
				return
			}
			wantV, err := decodeJSON(want)
			if err != nil {
				t.Fatalf("golden %s: %v", golden, err)
			}
			gotV, err := decodeJSON(got)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(gotV, wantV) {
				t.Errorf("option differs from %s (-want +got):\n%s", golden, cmp.Diff(wantV, gotV))
			}
		})
	}
}
