package chart

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/plotline/plotline"
	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/words"
)

// parsePartial parses the default chart partial, templates/partials/chart.html,
// with its words in English.
func parsePartial() (*template.Template, error) {
	return parsePartialIn(nil)
}

// parsePartialIn parses the default chart partial with the words of w.
func parsePartialIn(w *words.Table) (*template.Template, error) {
	src, err := fs.ReadFile(plotline.Defaults(), "templates/partials/chart.html")
	if err != nil {
		return nil, err
	}
	funcs := template.FuncMap{"T": w.Func(words.Itoa)}
	return template.New("templates/partials/chart.html").Funcs(funcs).Parse(string(src))
}

// writeHTML writes f through the default chart partial, as a page shows
// it, with its CSV at csvHref (none when it is empty).
func writeHTML(w *bytes.Buffer, f Figure, csvHref string) error {
	t, err := parsePartialIn(f.table.words)
	if err != nil {
		return err
	}
	return t.ExecuteTemplate(w, "chart", f.View(Links{CSV: csvHref}))
}

// TestViewLinks checks that the default partial offers the links it is
// given, and leaves out those it is not: the feed's figure has no live
// chart, the embed page's no snippet.
func TestViewLinks(t *testing.T) {
	f, err := renderOne(kursk(), Spec{Title: "Kursk"}, "chart-kursk-1")
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := parsePartial()
	if err != nil {
		t.Fatal(err)
	}
	snippet := EmbedSnippet("https://example.org/repo/kursk/embed-1.html", `Kursk "losses" <b>`, 560)
	all := Links{CSV: "/kursk/losses.csv", SVGFile: "/kursk/losses.svg", Embed: "https://example.org/repo/kursk/embed-1.html", Snippet: snippet}
	feed := f.View(Links{CSV: "/kursk/losses.csv", SVGFile: "/kursk/losses.svg"})
	feed.Option = ""
	for _, tt := range []struct {
		name     string
		v        View
		want     []string
		dontWant []string
	}{
		{
			name: "page",
			v:    f.View(all),
			want: []string{
				`<a href="/kursk/losses.csv" download>Download the data (CSV)</a> · <a href="/kursk/losses.svg" download>Download the chart (SVG)</a>`,
				`<details class="chart-embed">`,
				`<textarea id="chart-kursk-1-embed" class="chart-snippet" readonly rows="5" spellcheck="false">&lt;iframe src=&#34;https://example.org/repo/kursk/embed-1.html&#34; title=&#34;Kursk &amp;#34;losses&amp;#34; &amp;lt;b&amp;gt;&#34;`,
				`<a href="https://example.org/repo/kursk/embed-1.html">`,
				`<script type="application/json" id="chart-kursk-1-option">{`,
			},
		},
		{
			name:     "feed",
			v:        feed,
			want:     []string{`Download the chart (SVG)`, `<div class="chart-static"><svg`},
			dontWant: []string{"<script", "chart-box", "chart-embed"},
		},
		{
			name:     "no links",
			v:        f.View(Links{}),
			dontWant: []string{"chart-links", "chart-embed", "<textarea"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tmpl.ExecuteTemplate(&b, "chart", tt.v); err != nil {
				t.Fatal(err)
			}
			got := b.String()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("the figure lacks %s\n%s", w, got)
				}
			}
			for _, w := range tt.dontWant {
				if strings.Contains(got, w) {
					t.Errorf("the figure holds %s; want it left out", w)
				}
			}
		})
	}
}

// TestSVGFile checks the static chart as a file to take away: an XML
// document on a white ground with the title and caption above the wide
// frame's drawing, and the sources and the credit below it, each line
// within the frame's width.
func TestSVGFile(t *testing.T) {
	title := "Projected North Korean casualties in Kursk, against the whole contingent sent in the autumn"
	caption := "Ukrainian and American estimates."
	f, err := renderOne(kursk(), Spec{Title: title, Caption: caption, Height: 300}, "chart-kursk-1")
	if err != nil {
		t.Fatal(err)
	}
	file, width, height := f.SVGFile("Explainers · example.org/repo/kursk", "fr-CA")
	if !bytes.HasPrefix(file, []byte("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ")) {
		t.Errorf("the file starts %.60q; want an XML declaration, then the SVG", file)
	}
	checkXML(t, file)
	els := xmlElements(t, file)
	root := els[0]
	if got := fmt.Sprintf("%g×%g", width, height); got != attr(root, "width")+"×"+attr(root, "height") {
		t.Errorf("SVGFile gives the size %s; its root element says %s×%s", got, attr(root, "width"), attr(root, "height"))
	}
	if got := attrNS(root, "http://www.w3.org/XML/1998/namespace", "lang"); got != "fr-CA" {
		t.Errorf("the file's xml:lang is %q; want the site's language, fr-CA", got)
	}
	if attr(root, "width") != "720" || height <= 300 {
		t.Errorf("the file is %sx%s; want 720 wide and taller than the 300 of its drawing", attr(root, "width"), attr(root, "height"))
	}
	if els[1].Name.Local != "rect" || attr(els[1], "fill") != "#fff" {
		t.Errorf("the file's first element is %v; want its white ground", els[1])
	}
	var drawing xml.StartElement
	for _, e := range els[1:] {
		if e.Name.Local == "svg" {
			drawing = e
			break
		}
	}
	y, _ := strconv.ParseFloat(attr(drawing, "y"), 64)
	if attr(drawing, "class") != "plc plc-wide" || attr(drawing, "width") != "720" || attr(drawing, "height") != "300" || y < 40 {
		t.Errorf("the drawing is %v; want the wide frame, 720x300, below the title", drawing)
	}
	if got, want := bytes.Count(file, []byte("<path")), bytes.Count(f.SVG, []byte("<path")); got != want {
		t.Errorf("the file has %d paths; want %d, the page's drawing's", got, want)
	}
	// The lines around the drawing, in order, with where they stand.
	var lines []string
	dec := xml.NewDecoder(bytes.NewReader(file))
	depth, inText := 0, false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
			inText = depth == 2 && tok.Name.Local == "text"
			if inText {
				ly, _ := strconv.ParseFloat(attr(tok, "y"), 64)
				where := "above"
				if ly > y+300 {
					where = "below"
				} else if ly > y {
					where = "inside"
				}
				lines = append(lines, where+": ")
			}
		case xml.EndElement:
			depth--
			inText = false
		case xml.CharData:
			if inText {
				lines[len(lines)-1] += string(tok)
			}
		}
	}
	want := []string{
		"above: Projected North Korean casualties in Kursk, against the whole",
		"above: contingent sent in the autumn",
		"above: Ukrainian and American estimates.",
		"below: Source: example.org/report?a=1&b=2, Institute for the Study of War",
		"below: Explainers · example.org/repo/kursk",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("the lines around the drawing are\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	for _, l := range lines {
		if w := textWidth(l[strings.Index(l, ": ")+2:], 18*1.1); w > 720-32 && strings.HasPrefix(l, "above") {
			t.Errorf("%q is %.0f px wide; want within the 688 px between the margins", l, w)
		}
	}
}

// TestWrapWords checks how the lines of an SVG file are broken: at spaces,
// and inside a word only when it is wider than a line.
func TestWrapWords(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width float64
		want  []string
	}{
		{"", 100, nil},
		{"one two three", 1000, []string{"one two three"}},
		{"one two three", 60, []string{"one two", "three"}},
		{"  spaced   out  ", 1000, []string{"spaced out"}},
		{"mmmmmmmmmm", 40, []string{"mmm", "mmm", "mmm", "m"}},
		{"a mmmmm b", 40, []string{"a", "mmm", "mm b"}},
		{"ééééé", 10, []string{"é", "é", "é", "é", "é"}},
	} {
		if got := wrapWords(tc.in, 12, tc.width); !slices.Equal(got, tc.want) {
			t.Errorf("wrapWords(%q, 12, %g) = %q; want %q", tc.in, tc.width, got, tc.want)
		}
	}
}

// TestWrapLongWord checks that a word of megabytes (a source's address
// pasted with the page it names) is broken into lines in time that grows
// with its length: each line measured what was left of the word, and
// 1 MB took 26 s, 4 MB would take about seven minutes. Its lines are
// those of a word of their own.
func TestWrapLongWord(t *testing.T) {
	word := strings.Repeat("s", 4<<20)
	done := make(chan []string, 1)
	go func() { done <- wrapWords("see "+word, 12, 600) }()
	select {
	case lines := <-done:
		short := wrapWords(word[:1000], 12, 600)
		if len(lines) < 2 || lines[0] != "see" || lines[1] != short[0] {
			t.Errorf("wrapWords of a long word begins %q; want \"see\", then %q", lines[:min(2, len(lines))], short[0])
		}
		if got := strings.Join(lines[1:], ""); got != word {
			t.Errorf("the lines of the word join to %d bytes; want the word, %d", len(got), len(word))
		}
	case <-time.After(20 * time.Second):
		t.Fatal("wrapWords of a word of 4 MB still runs after 20 s")
	}
}

// TestLongUnitFitsFrame checks that the unit above the plot, where it is
// longer than the frame is wide, is shortened to fit the frame rather
// than written past its edge, and that the option still says the whole
// unit, which the live chart's tooltip writes after each value.
func TestLongUnitFitsFrame(t *testing.T) {
	const unit = "index points of the consumer price basket, seasonally adjusted"
	b := noProjection()
	b.Unit = unit
	f, err := renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	for _, fr := range f.frames {
		l := f.model.layout(fr)
		var got *label
		for i, n := range l.notes {
			if n.kind == "unit" {
				got = &l.notes[i]
			}
		}
		if got == nil {
			t.Fatalf("%s frame: no unit above the plot", fr.name)
		}
		if b := got.box(); b.x0 < 0 || b.x1 > fr.w {
			t.Errorf("%s frame: the unit %q runs from x %.0f to %.0f, outside the frame's 0 to %g", fr.name, got.text, b.x0, b.x1, fr.w)
		}
		if !strings.HasPrefix(unit, strings.TrimSuffix(got.text, "…")) {
			t.Errorf("%s frame: the unit is written %q; want the start of %q", fr.name, got.text, unit)
		}
	}
	var env struct{ Unit string }
	if err := json.Unmarshal(f.Option, &env); err != nil {
		t.Fatal(err)
	}
	if env.Unit != unit {
		t.Errorf("the option's unit is %q; want %q, for the tooltip", env.Unit, unit)
	}
}

// TestObservationLabelClearOfLimit checks that the label of an
// observation just under the limit is not written across the limit's
// line, in either frame: the layout placed it to the right of its point,
// where the line ran through its letters.
func TestObservationLabelClearOfLimit(t *testing.T) {
	for _, typ := range []string{TypeProjection, TypeBar} {
		b := parseBlock(t, "debt:\n  unit: billion dollars\n  series:\n"+
			"    - {date: 2024-10-01, value: 36200}\n    - {date: 2024-11-01, value: 36900}\n"+
			"    - {date: 2024-12-01, value: 37950, label: Tax receipts}\n"+
			"  projection: {rate: 10, per: day, limit: 38000}\n")
		f, err := renderOne(b, Spec{Type: typ}, "c")
		if err != nil {
			t.Fatal(err)
		}
		for _, fr := range f.frames {
			l := f.model.layout(fr)
			limit := l.c.yv(38000)
			found := false
			for _, n := range l.notes {
				if n.kind != "observation" {
					continue
				}
				found = true
				if b := n.box(); b.crosses(l.c.left, limit, l.c.right, limit) {
					t.Errorf("%s chart, %s frame: the label %q, from y %.1f to %.1f, is written across the limit's line at y %.1f", typ, fr.name, n.text, b.y0, b.y1, limit)
				}
			}
			if !found {
				t.Logf("%s chart, %s frame: the label found no place", typ, fr.name)
			}
		}
	}
}

// TestUnitHeading checks the heading of a table's value column: a unit
// that starts with a word gets a capital, one that starts with a symbol or
// an abbreviation keeps its case, which is part of it ("Cm" and "KWh" are
// no units).
func TestUnitHeading(t *testing.T) {
	for unit, want := range map[string]string{
		"feet above sea level": "Feet above sea level",
		"billion dollars":      "Billion dollars",
		"casualties":           "Casualties",
		"cm":                   "cm",
		"kWh":                  "kWh",
		"km²":                  "km²",
		"mm of rain":           "mm of rain",
		"pH":                   "pH",
		"°C":                   "°C",
		"ppm":                  "ppm",
		"µg/m³":                "µg/m³",
		"m³/s":                 "m³/s",
		"Prozent":              "Prozent",
		"élèves":               "Élèves",
	} {
		if got := unitHeading(unit); got != want {
			t.Errorf("unitHeading(%q) = %q; want %q", unit, got, want)
		}
	}
	// As a river gauge's table heads it.
	b := &data.Block{Name: "kaub", Unit: "cm", Series: []data.Point{{Date: day("2022-08-14"), Value: 34}}}
	f, err := RenderBlocks([]*data.Block{b}, Spec{Block: "kaub", Type: TypeLine}, "c")
	if err != nil {
		t.Fatal(err)
	}
	var html bytes.Buffer
	if err := writeHTML(&html, f, ""); err != nil {
		t.Fatal(err)
	}
	if want := `<th scope="col" class="num">cm</th>`; !strings.Contains(html.String(), want) {
		t.Errorf("the table of a block in cm lacks %s", want)
	}
}

// attrNS returns the value of se's attribute name in the namespace space.
func attrNS(se xml.StartElement, space, name string) string {
	for _, a := range se.Attr {
		if a.Name.Space == space && a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// A Figure that Render did not make has no model: its view has no tables
// and no sources, and its SVG file frames nothing at the least height,
// 16 + 120 + 6 + 16 units tall, counted from SVGFile's padding and
// MinHeight.
func TestViewOfFigureNotRendered(t *testing.T) {
	var f Figure
	if v := f.View(Links{}); v.Tables != "" || v.Sources != nil {
		t.Errorf("View() has tables %q and sources %v; want none", v.Tables, v.Sources)
	}
	if _, w, h := f.SVGFile("", ""); w != 720 || h != 158 {
		t.Errorf("SVGFile() is %g by %g; want 720 by 158", w, h)
	}
}

// TestProjectedInStartDecimals checks that a projection of a level written
// in tenths (a reservoir at 1,028.3 feet, falling 0.8 a week to 1,010) is
// written in tenths wherever a reader sees it: in the table, its tooltip's
// option and the CSV, and in the prose's value_at_until. Whole numbers
// from 100 up showed the limit, 1,010, days before the day given for it.
func TestProjectedInStartDecimals(t *testing.T) {
	b := parseBlock(t, `lake:
  unit: feet
  as_of: 2026-05-25
  series: [{date: 2026-03-02, value: 1035.1}, {date: 2026-05-25, value: 1028.3}]
  projection: {rate: -0.8, per: week, limit: 1010, until: 2026-11-12}
`)
	f, err := renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	tables := string(f.View(Links{}).Tables)
	crossing, err := b.Field("crossing")
	if err != nil {
		t.Fatal(err)
	}
	// The week before the crossing is a tenth above the limit, or more.
	before := crossing.Date.AddDate(0, 0, -7).Format("2006-01-02")
	row := regexp.MustCompile(`<time datetime="` + before + `">[^<]*</time></th><td class="num">([^<]*)</td>`).FindStringSubmatch(tables)
	if row == nil {
		t.Fatalf("no row of %s in the projected table:\n%s", before, tables)
	}
	if row[1] == "1,010" || !strings.Contains(row[1], ".") {
		t.Errorf("the table's row of %s, a week before the crossing, writes %q; want tenths, above 1,010", before, row[1])
	}
	if !regexp.MustCompile(`"value":\["\d{4}-\d\d-\d\d",10\d\d\.\d+\],"places":1`).Match(f.Option) {
		t.Errorf("the option's projected points carry no places for the tooltip:\n%.600s", f.Option)
	}
	if v, err := b.Field("value_at_until"); err != nil || !strings.Contains(v.String(), ".") {
		t.Errorf("value_at_until = %v, %v; want it written in tenths", v.String(), err)
	}
}
