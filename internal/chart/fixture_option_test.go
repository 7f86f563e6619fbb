package chart

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/diag"
)

// fixtureSample is how many points of each series a fixture keeps: the
// first, the last and some evenly spread between them.
const fixtureSample = 6

// millbrook returns a block like the Millbrook example's: month-start
// balances falling about 0.64 a month, with a straight line fitted to them
// and carried to a floor of 4.
func millbrook(t *testing.T) *data.Block {
	t.Helper()
	fsys := fstest.MapFS{"content/reserve.csv": {Data: []byte("date,value,label,source\n" +
		"2024-07-01,14.2,Month-start balance,Finance office\n" +
		"2024-08-01,13.6,Month-start balance,Finance office\n" +
		"2024-09-01,13.1,Month-start balance,Finance office\n" +
		"2024-10-01,12.3,Month-start balance,Finance office\n" +
		"2024-11-01,11.8,Month-start balance,Finance office\n" +
		"2024-12-01,11,Month-start balance,Finance office\n" +
		"2025-01-01,10.4,Month-start balance,Finance office\n" +
		"2025-02-01,9.8,Month-start balance,Finance office\n")}}
	src := "reserve:\n  unit: million dollars\n  csv: reserve.csv\n  projection: {start: last, rate: fit, per: month, limit: 4}\n"
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	blocks := data.Parse(fsys, data.Page{Path: "content/a.md", Date: time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)}, doc.Content[0], &diags)
	if diags.HasErrors() || len(blocks) != 1 {
		t.Fatalf("millbrook: %v", diags.Error())
	}
	return blocks[0]
}

// thinSeries replaces the data of every series of a decoded option by at
// most fixtureSample of its points, so that a fixture stays short enough
// to read.
func thinSeries(v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if list, ok := x.([]any); ok && k == "data" && len(list) > fixtureSample {
				if _, isPoint := list[0].(map[string]any)["value"]; isPoint {
					out := make([]any, 0, fixtureSample)
					for i := range fixtureSample {
						out = append(out, list[i*(len(list)-1)/(fixtureSample-1)])
					}
					v[k] = out
					continue
				}
			}
			thinSeries(x)
		}
	case []any:
		for _, x := range v {
			thinSeries(x)
		}
	}
}

// decodeJSON decodes b into plain values, keeping numbers as they are
// written.
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

// TestOptionFixtures compares the options of a few typical charts, with
// their series thinned to fixtureSample points, with the indented JSON
// files in testdata/option. Run with -update to rewrite them, and read the
// diff: each file is short enough to review.
func TestOptionFixtures(t *testing.T) {
	blocks, blocksSpec := twoBlocks()
	for _, tc := range []struct {
		name string
		bs   []*data.Block
		spec Spec
	}{
		{"kursk-projection", []*data.Block{kursk()}, Spec{}},
		{"millbrook-fitted", []*data.Block{millbrook(t)}, Spec{}},
		{"observed-bar", []*data.Block{noProjection()}, Spec{Type: TypeBar}},
		{"two-blocks-events", blocks, blocksSpec},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := RenderBlocks(tc.bs, tc.spec, "chart-a-1")
			if err != nil {
				t.Fatal(err)
			}
			got, err := decodeJSON(f.Option)
			if err != nil {
				t.Fatalf("option: %v", err)
			}
			thinSeries(got)
			indented, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			indented = append(indented, '\n')
			path := filepath.Join("testdata", "option", tc.name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, indented, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			want, err := decodeJSON(raw)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("option differs from %s (-want +got):\n%s", path, cmp.Diff(want, got))
			}
		})
	}
}

// TestOptionEscapes checks that the option can sit in a script element
// whatever the text of the block: no raw <, >, &, U+2028 or U+2029.
func TestOptionEscapes(t *testing.T) {
	b, _ := hostile()
	b.Unit += "\u2028\u2029"
	for _, kind := range []string{TypeProjection, TypeLine, TypeBar} {
		f, err := renderOne(b, Spec{Type: kind}, "c")
		if err != nil {
			t.Fatal(err)
		}
		if i := bytes.IndexAny(f.Option, "<>&\u2028\u2029"); i >= 0 {
			t.Errorf("%s option holds a raw %q: %s", kind, f.Option[i:i+1], f.Option)
		}
		var opt map[string]any
		if err := json.Unmarshal(f.Option, &opt); err != nil {
			t.Fatalf("%s option is not JSON: %v", kind, err)
		}
	}
}
