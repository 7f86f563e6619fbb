package chart

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/diag"
)

// watchdog turns a hang into a crash that names its input: it panics when
// the returned stop is not called within 10 seconds.
func watchdog(input ...string) (stop func()) {
	t := time.AfterFunc(10*time.Second, func() {
		panic(fmt.Sprintf("still running after 10 s on input %q", input))
	})
	return func() { t.Stop() }
}

// checkFigure fails t unless every part of f is well-formed: the option is
// JSON without a raw "<", the SVG is XML, the CSV parses, and the figure's
// HTML is written.
func checkFigure(t *testing.T, f Figure) {
	t.Helper()
	if !json.Valid(f.Option) || bytes.ContainsAny(f.Option, "<\u2028\u2029") {
		t.Fatalf("option is not JSON safe in a script element: %s", f.Option)
	}
	for _, svg := range [][]byte{f.SVG, f.SVGNarrow} {
		checkXML(t, svg)
	}
	if _, err := csv.NewReader(bytes.NewReader(f.CSV)).ReadAll(); err != nil {
		t.Fatalf("CSV does not parse: %v\n%s", err, f.CSV)
	}
	var b bytes.Buffer
	if err := writeHTML(&b, f, "/x/losses.csv"); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b.Bytes(), []byte("<script")); n != 1 {
		t.Fatalf("the figure has %d script elements; want 1", n)
	}
}

// fiveDigitYear matches a date of the option after the year 9999.
var fiveDigitYear = regexp.MustCompile(`"\d{5,}-\d\d-\d\d`)

// checkXML fails t unless svg is well-formed XML.
func checkXML(t *testing.T, svg []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v\n%s", err, svg)
		}
	}
}

// FuzzParseSpec reads arbitrary chart block bodies, and draws the Kursk
// block, a block of observations only and a block with a single point as
// each body that parses asks. Nothing may panic, every diagnostic must be
// on a line of the body, and every figure drawn must be well-formed.
func FuzzParseSpec(f *testing.F) {
	for _, s := range []string{
		"data: losses\n",
		"data: losses\ntitle: Kursk\ncaption: \"</script>\"\ntype: projection\nheight: 400\n",
		"data: losses\ntype: bar\nheight: 120\n",
		"data: losses\ntype: line\nheight: 1200\n",
		"data: [a]\ntitle: {x: 1}\ntype: pie\nheight: tall\ncolour: red\n",
		"data: losses\ndata: other\n",
		"title: [unclosed\n",
		"",
		"- a\n- b\n",
		"data: &a losses\ntitle: *a\n",
		"data: losses\rtitle: x\r\nheight: 9999999999999999999999\n",
		"data: losses\ntitle: \"\\u2028\\u2029<img src=x onerror=alert(1)>\"\n",
		"data: outages\ntitle: \"Visible incidents: observed and projected\"\n",
		"\ndata: losses\n\ncaption:   Low–high range, 2025 (est.) & more \ntype: \"bar\"\nheight: \"0400\"",
		"data: null\ntitle: x # comment\n",
		"data: losses\ntitle: \"\"\ncaption: a'b\\c\n",
	} {
		f.Add(s)
	}
	blocks := []*data.Block{kursk(), {Name: "losses", Unit: "x", Series: kursk().Series}, {Name: "losses", Series: kursk().Series[:1]}}
	f.Fuzz(func(t *testing.T, src string) {
		defer watchdog(src)()
		var diags diag.List
		spec, ok := ParseSpec("content/a.md", []byte(src), 20, &diags)
		lines := strings.Split(src, "\n")
		for _, d := range diags {
			if d.Pos.Line < 20 || d.Pos.Line > 20+len(lines)-1 {
				t.Fatalf("%v: the body is lines 20 to %d", d, 20+len(lines)-1)
			}
			if n := utf8.RuneCountInString(lines[d.Pos.Line-20]); d.Pos.Col < 1 || d.Pos.Col > n+1 {
				t.Fatalf("%v: line %d has %d characters", d, d.Pos.Line, n)
			}
		}
		if ok != !diags.HasErrors() {
			t.Fatalf("ParseSpec reports %v with diagnostics %v", ok, diags)
		}
		if !ok {
			return
		}
		if spec.Block == "" || spec.Height != 0 && (spec.Height < MinHeight || spec.Height > MaxHeight) {
			t.Fatalf("spec %+v has no block or a height out of range", spec)
		}
		for _, b := range blocks {
			if fig, err := renderOne(b, spec, "chart-a-1"); err == nil {
				checkFigure(t, fig)
			}
		}
	})
}

// FuzzRender draws the blocks that arbitrary data front matter holds, as
// each type of chart. Extreme dates and values must give an error or a
// well-formed figure, never a panic or a hang.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"losses:\n  unit: casualties\n  series:\n    - {date: 2025-01-06, value: 3800, label: a, source: \"https://x.org/?a=<b>\"}\n    - {date: 2025-01-13, value: 3000}\n  projection: {start: {date: 2024-12-05, value: 0}, rate: 92, limit: 12000, low: 70, high: 110}\n",
		"p:\n  csv: p.csv\n  projection: {rate: fit, model: exponential, per: month, limit: 100}\n",
		"w:\n  projection: {start: {date: 0001-01-01, value: 1e300}, rate: -1e300, limit: -1e308, until: 9999-12-31}\n",
		"x:\n  series: [{date: 2025-01-01, value: 0}]\n  projection: {rate: 0.000001, limit: 1, per: year}\n",
		"y:\n  series: [{date: 9999-12-31, value: -1e308}, {date: 0001-01-01, value: 1e308}]\n",
		"b:\n  series: [{date: 9999-10-30, value: 1}, {date: 9999-12-31, value: 3}]\n",
		"h:\n  series: [{date: 9999-12-31T22:00, value: 1}, {date: 9999-12-31T23:00, value: 3}]\n",
		"z:\n  projection: {start: {date: 2025-01-01, value: 1}, rate: 1000, model: exponential, per: day, until: 2100-01-01, low: -99.99, high: 1e6}\n",
		"s:\n  unit: \"</script>\\u2028\"\n  series: [{date: 2025-01-01, value: 5e-324, label: \"=1+1\", source: \"javascript:alert(1)\"}]\n  projection: {rate: 1, limit: 5e-324}\n",
		"g:\n  series: [{date: 2025-03-09T01:00, value: 5}, {date: \"2025-03-09 02:00:30\", value: 5}, {date: 2025-03-09T03:00-04:00, value: 6}]\n  projection: {rate: fit, limit: 9, low: 0.5}\n",
		// Dates written as years and months, at the calendar's ends.
		"a:\n  series: [{date: 0000, value: 1}, {date: 9999, value: 2}]\n  projection: {rate: 1, per: year, limit: 5}\n",
		"m:\n  series: [{date: 9999-12, value: 1}]\n  projection: {rate: fit, limit: 9}\n",
	} {
		f.Add(s)
	}
	fsys := fstest.MapFS{"content/p.csv": {Data: []byte("date,value\n2025-01-01,1\n2025-02-01,3\n2025-03-01,9\n")}}
	f.Fuzz(func(t *testing.T, src string) {
		defer watchdog(src)()
		var doc yaml.Node
		if yaml.Unmarshal([]byte(src), &doc) != nil || len(doc.Content) == 0 {
			return
		}
		var diags diag.List
		blocks := data.Parse(fsys, data.Page{Path: "content/a.md", Date: time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC)}, doc.Content[0], &diags)
		for _, b := range blocks {
			for _, kind := range []string{"", TypeProjection, TypeLine, TypeBar} {
				fig, err := renderOne(b, Spec{Block: b.Name, Type: kind, Title: b.Unit, Caption: b.Unit}, "chart-a-1")
				if err != nil {
					// An error must speak of the data, not of the
					// encoder that choked on what the data became.
					if strings.Contains(err.Error(), "json:") {
						t.Fatalf("block %s as %q: %v", b.Name, kind, err)
					}
					continue
				}
				checkFigure(t, fig)
				if fig.Summary == "" {
					t.Fatalf("block %s as %q: no summary", b.Name, kind)
				}
				if diags.HasErrors() {
					continue // the page is not written
				}
				// Dates have four-digit years, which the page's script
				// and the preview card's hash read.
				// (A label or a unit may be such text as written.)
				if d := fiveDigitYear.Find(fig.Option); d != nil && !strings.Contains(src, string(d[1:])) {
					t.Fatalf("block %s as %q: the option holds the date %s, after the year 9999", b.Name, kind, d)
				}
				plot := fig.Plot()
				if _, err := json.Marshal(plot); err != nil {
					t.Fatalf("block %s as %q: preview plot: %v", b.Name, kind, err)
				}
				if plot != nil && !plot.XMin.Before(plot.XMax) {
					t.Fatalf("block %s as %q: the time axis runs from %v to %v", b.Name, kind, plot.XMin, plot.XMax)
				}
			}
		}
	})
}
