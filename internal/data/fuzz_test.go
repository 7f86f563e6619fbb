package data

import (
	"testing"
	"testing/fstest"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/diag"
)

func FuzzParse(f *testing.F) {
	f.Add(kursk)
	f.Add("data:\n  prices:\n    csv: prices.csv\n")
	f.Add("data:\n  p:\n    csv: ../../../x.csv\n")
	f.Add("data:\n  s:\n    series: [{date: 2025-01-01, value: 1}, {date: 2025-01-08, value: 3}]\n    projection: {rate: fit, model: exponential, per: month, limit: 100, low: 1, high: 50}\n")
	f.Add("data:\n  w:\n    projection: {start: {date: 0001-01-01, value: 1e300}, rate: -1e-300, limit: -1e308, until: 9999-12-31}\n")
	f.Add("data:\n  a: &x {series: [{date: 2025-01-01, value: 1}]}\n  b: *x\n")
	f.Add("data: [1, 2]\n")
	f.Add("data:\n  m:\n    series:\n      - &a {date: 2025-01-01, value: 1, label: x}\n      - {<<: [*a, {source: s}], date: 2025-01-02}\n    projection: {<<: {rate: 1}, limit: 5}\n")
	f.Add("data:\n  q:\n    series: [{date: 03/01/2024, value: 1.5 million}, {date: \"2024-03-01T10:00:00Z\", value: \"4.20\"}, {date: 2024-03, value: \u0130\u0130k}, {date: 2024-03-02, value: \u22125}]\n")
	f.Add("data:\n  x:\n    projection:\n      start: last\n      rate: 3\n      per: fortnight\n      until: 2025-02-30\n")
	fsys := fstest.MapFS{
		"content/articles/prices.csv": {Data: []byte("date,value,label\n2025-01-01,\"1,200\",a\n2025-02-30,5,b\n")},
		"x.csv":                       {Data: []byte("date,value\n")},
	}
	formats := []struct{ name, arg string }{
		{"", ""}, {"date", ""}, {"approx", ""}, {"comma", ""}, {"round", "2"}, {"percent", ""}, {"int", ""},
	}
	f.Fuzz(func(t *testing.T, src string) {
		var doc yaml.Node
		if yaml.Unmarshal([]byte(src), &doc) != nil || len(doc.Content) == 0 {
			return
		}
		var node *yaml.Node
		if m := doc.Content[0]; m.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(m.Content); i += 2 {
				if m.Content[i].Value == "data" {
					node = m.Content[i+1]
				}
			}
		}
		var diags diag.List
		blocks := Parse(fsys, Page{Path: pagePath}, node, &diags)
		for _, b := range blocks {
			if b.Projection != nil {
				for _, s := range []*Scenario{&b.Projection.Central, b.Projection.Low, b.Projection.High} {
					if s == nil {
						continue
					}
					if len(s.Curve) == 0 || len(s.Curve) > maxCurvePoints+1 {
						t.Fatalf("block %s: %s curve has %d points", b.Name, s.Name, len(s.Curve))
					}
					if !diags.HasErrors() && !s.Curve[0].Date.Equal(b.Projection.Start.Date) {
						t.Fatalf("block %s: %s curve starts on %v, not at the start %v", b.Name, s.Name, s.Curve[0].Date, b.Projection.Start.Date)
					}
				}
			}
			for _, name := range Fields() {
				v, err := b.Field(name)
				if err != nil {
					continue
				}
				for _, fm := range formats {
					_, _ = Format(v, fm.name, fm.arg)
				}
			}
		}
	})
}
