package chart

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/words"
)

var update = flag.Bool("update", false, "rewrite testdata/golden and testdata/option from current output")

// xmlElements parses b as XML, failing t when it is not well-formed, and
// returns the start elements it holds.
func xmlElements(t *testing.T, b []byte) []xml.StartElement {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var out []xml.StartElement
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v\n%s", err, b)
		}
		if se, ok := tok.(xml.StartElement); ok {
			out = append(out, se.Copy())
		}
	}
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func TestSVG(t *testing.T) {
	f, err := renderOne(kursk(), Spec{Block: "losses", Title: "Kursk"}, "chart-kursk-1")
	if err != nil {
		t.Fatal(err)
	}
	els := xmlElements(t, f.SVG)
	root := els[0]
	if root.Name.Local != "svg" || attr(root, "role") != "img" || attr(root, "width") != "100%" || attr(root, "viewBox") != "0 0 720 360" {
		t.Errorf("root element = %v; want an svg with role img, width 100%% and viewBox 0 0 720 360", root)
	}
	if got, want := attr(root, "aria-labelledby"), "chart-kursk-1-svg-title"; got != want {
		t.Errorf("aria-labelledby = %q; want %q", got, want)
	}
	count := make(map[string]int)
	for _, e := range els {
		count[e.Name.Local+"."+attr(e, "class")]++
	}
	for key, want := range map[string]int{
		"title.":               3, // the SVG's own and one per observation
		"desc.":                1,
		"style.":               1,
		"circle.plc-obs":       3, // two observations and the legend's
		"polygon.plc-band":     1,
		"polyline.plc-central": 1,
		"line.plc-limit":       2, // the line and the legend's
		"line.plc-crossing":    1,
		"rect.plc-projected":   1,
		"line.plc-grid":        5, // 0 to 20,000 by 5,000
	} {
		if got := count[key]; got != want {
			t.Errorf("SVG has %d %s; want %d", got, key, want)
		}
	}
	for _, text := range []string{">15 Apr 2025<", ">12,000 casualties<", ">Projected<", ">casualties<", ">Jan 2025<", ">20,000<"} {
		if !bytes.Contains(f.SVG, []byte(text)) {
			t.Errorf("SVG lacks the text %s", text)
		}
	}
	if bytes.Contains(f.SVG, []byte(">Kursk</text>")) {
		t.Errorf("SVG shows the title; want it only in the figcaption")
	}
	if !bytes.Contains(f.SVG, []byte("var(--pl-chart-observed,#2f6fb3)")) {
		t.Errorf("SVG colours do not come from custom properties with fallbacks")
	}
}

// TestSVGFormFeed checks that a form feed in a chart's text, which HTML
// reads as a space and XML forbids, is a space in the SVG file, which
// draws the title, not U+FFFD.
func TestSVGFormFeed(t *testing.T) {
	f, err := renderOne(kursk(), Spec{Block: "losses", Title: "Kursk\fso far"}, "chart-kursk-1")
	if err != nil {
		t.Fatal(err)
	}
	file, _, _ := f.SVGFile("", "en")
	for _, svg := range [][]byte{f.SVG, file} {
		xmlElements(t, svg) // well-formed
		if bytes.ContainsAny(svg, "\f\ufffd") {
			t.Errorf("SVG holds a form feed or U+FFFD:\n%s", svg)
		}
	}
	if !bytes.Contains(file, []byte(">Kursk so far</text>")) {
		t.Errorf("SVG file lacks its title with a space for the form feed:\n%s", file)
	}
}

func TestSVGBarAndLine(t *testing.T) {
	for typ, want := range map[string]string{TypeBar: "rect.plc-bar", TypeLine: "polyline.plc-line"} {
		f, err := renderOne(noProjection(), Spec{Type: typ}, "c")
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range xmlElements(t, f.SVG) {
			if e.Name.Local+"."+attr(e, "class") == want {
				n++
			}
		}
		if n == 0 {
			t.Errorf("%s chart SVG has no %s", typ, want)
		}
	}
}

// hostile returns the Kursk block with text meant to break out of every
// context it lands in.
func hostile() (*dataBlock, Spec) {
	b := kursk()
	b.Unit = `<img src=x onerror=alert(2)>`
	b.Series[0].Label = `</script><script>alert(1)</script>`
	b.Series[0].Source = `javascript:alert(3)`
	b.Series[1].Label = `"><svg onload=alert(4)>`
	b.Series[1].Source = `https://example.org/"onmouseover="alert(5)`
	s := Spec{Block: "losses", Title: `</figcaption><script>alert(6)</script>`, Caption: `<b>caption</b> & more`}
	return b, s
}

func TestNoInjection(t *testing.T) {
	b, s := hostile()
	f, err := renderOne(b, s, `x"><script>alert(7)</script>`)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := writeHTML(&out, f, `kursk.csv"><script>alert(8)</script>`); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	// Outside the option, whose JSON strings may hold quotes.
	open := `<script type="application/json" id="`
	start := strings.Index(page, open)
	start += strings.Index(page[start:], `">`) + 2
	end := strings.Index(page, "</script>")
	if start < len(open) || end < start {
		t.Fatalf("no option script in\n%s", page)
	}
	option := page[start:end]
	if strings.ContainsAny(option, "<>&") {
		t.Errorf("option in the page holds <, > or &: %s", option)
	}
	page = page[:start] + page[end:]
	for _, bad := range []string{"<script>", "<img", "<svg onload", "<b>", `href="javascript:`, `"onmouseover=`, "alert(1)</script>"} {
		if strings.Contains(page, bad) {
			t.Errorf("figure HTML holds %q unescaped", bad)
		}
		if bytes.Contains(f.SVG, []byte(bad)) {
			t.Errorf("SVG holds %q unescaped", bad)
		}
	}
	if got := strings.Count(page, "</script>"); got != 1 {
		t.Errorf("figure HTML has %d </script>; want 1, the option's own", got)
	}
	if got := strings.Count(page, "<script"); got != 1 {
		t.Errorf("figure HTML has %d <script; want 1", got)
	}
	// The option still says what it should once the page script reads it.
	var opt map[string]any
	if err := json.Unmarshal([]byte(option), &opt); err != nil {
		t.Fatalf("option in the page is not JSON: %v", err)
	}
	if got := dig(opt, "frames", 0, "option", "graphic", 0, "style", "text"); got != b.Unit {
		t.Errorf("the unit's label read back = %v; want %q", got, b.Unit)
	}
	xmlElements(t, f.SVG)
}

func TestCSV(t *testing.T) {
	b := kursk()
	b.Series[0].Label = "=HYPERLINK(\"http://evil\")"
	b.Series[1].Label = "@SUM(A1)"
	b.Series[1].Source = "-2+3"
	b.Series[0].Value = -5
	f, err := renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(f.CSV)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	if got, want := rows[0], []string{"date", "value", "label", "source", "central", "low", "high", "note"}; !cmp.Equal(got, want) {
		t.Errorf("header = %v; want %v", got, want)
	}
	// Rows in date order: the projection's start, its weekly rows, the
	// observations among them, and the crossing days with their notes.
	// 2025-04-15 is day 131: 12,052 central, 9,170 low, 14,410 high.
	want := map[string][]string{
		"2024-12-05": {"2024-12-05", "", "", "", "0", "0", "0", ""},
		"2025-01-06": {"2025-01-06", "-5", "'=HYPERLINK(\"http://evil\")", "https://example.org/report?a=1&b=2", "", "", "", ""},
		"2025-01-13": {"2025-01-13", "3000", "'@SUM(A1)", "'-2+3", "", "", "", ""},
		"2025-04-15": {"2025-04-15", "", "", "", "12052", "9170", "14410", "Central reaches 12,000 casualties"},
	}
	if got := rows[1]; !cmp.Equal(got, want["2024-12-05"]) {
		t.Errorf("row 1 = %q; want %q", got, want["2024-12-05"])
	}
	for i, r := range rows[1:] {
		if i > 0 && r[0] < rows[i][0] {
			t.Errorf("row %d (%s) comes after %s; want date order", i+1, r[0], rows[i][0])
		}
		if w, ok := want[r[0]]; ok {
			if !cmp.Equal(r, w) {
				t.Errorf("row of %s = %q; want %q", r[0], r, w)
			}
			delete(want, r[0])
		}
	}
	for d := range want {
		t.Errorf("no row for %s", d)
	}
	if got, want := len(rows), 1+2+len(f.table.rows); got != want {
		t.Errorf("CSV has %d rows; want %d (header, observations, the table's projected rows)", got, want)
	}
}

func TestGuardCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"=1+1", "'=1+1"},
		{"+1", "'+1"},
		{"-1", "'-1"},
		{"@A1", "'@A1"},
		{"\tx", "'\tx"},
		{"a=b", "a=b"},
		// After a character a spreadsheet may split cells at.
		{"x;=2+3;", "x;'=2+3;"},
		{"a,+1|@b\t-c", "a,'+1|'@b\t'-c"},
		{"a;b", "a;b"},
		{"5 - 3", "5 - 3"},
		// Apostrophes before such a character get one more, so that the
		// file reads back as it was; others stay as they are.
		{"'=x", "''=x"},
		{"a;''-b", "a;'''-b"},
		{"'x", "'x"},
		{"it's -1", "it's -1"},
	}
	for _, tt := range tests {
		if got := data.GuardCell(tt.in); got != tt.want {
			t.Errorf("guardCell(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	render := func() (Figure, []byte) {
		f, err := renderOne(kursk(), Spec{Block: "losses", Title: "Kursk"}, "chart-kursk-1")
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := writeHTML(&b, f, "kursk.csv"); err != nil {
			t.Fatal(err)
		}
		return f, b.Bytes()
	}
	f1, h1 := render()
	for range 5 {
		f2, h2 := render()
		if !bytes.Equal(f1.Option, f2.Option) || !bytes.Equal(f1.SVG, f2.SVG) || !bytes.Equal(f1.CSV, f2.CSV) || f1.Summary != f2.Summary || !bytes.Equal(h1, h2) {
			t.Fatalf("two renders of the same block differ")
		}
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		name string
		b    *dataBlock
		typ  string
		want string
	}{
		{
			name: "projection",
			b:    kursk(),
			want: "Projection of losses (casualties): 0 on 5 December 2024, rising 92 a day, reaches 12,000 on 15 April 2025; " +
				"low scenario 70 a day (26 May 2025), high 110 a day (25 March 2025). " +
				"2 observations from 6 January 2025, latest 3,000 on 13 January 2025, ranging from 3,000 to 3,800.",
		},
		{
			name: "limit not reached",
			b: func() *dataBlock {
				b := kursk()
				b.Projection.Limit = 50000
				b.Projection.Central.Reaches, b.Projection.Low.Reaches, b.Projection.High.Reaches = false, false, false
				b.Projection.Low = nil
				return b
			}(),
			want: "Projection of losses (casualties): 0 on 5 December 2024, rising 92 a day, does not reach 50,000 by 1 June 2025; " +
				"high scenario 110 a day (not reaching 50,000). " +
				"2 observations from 6 January 2025, latest 3,000 on 13 January 2025, ranging from 3,000 to 3,800.",
		},
		{
			// A falling band is written as the central rate is: in words,
			// not "-1.8 a month". 90.22 feet to fall: 50.12 months at 1.8
			// (into 5 February 2029), 75.18 at 1.2, 150.37 at 0.6.
			name: "falling scenarios",
			b: parseBlock(t, "mead:\n  unit: feet\n  series:\n    - {date: 2024-12-01, value: 1040.22}\n"+
				"  projection: {per: month, rate: -1.2, low: -1.8, high: -0.6, limit: 950}\n"),
			want: "Projection of mead (feet): 1,040.22 on 1 December 2024, falling 1.2 a month, reaches 950 on 7 March 2031; " +
				"low scenario falling 1.8 a month (5 February 2029), high falling 0.6 a month (12 June 2037). " +
				"1 observation, 1,040.22 on 1 December 2024.",
		},
		{
			// Neither rising nor falling: a level series, as a reservoir
			// that holds its level, said so ("changing 0 a day, reaching
			// 3,000" read as if it moved).
			name: "no change",
			b: func() *dataBlock {
				b := kursk()
				start := data.Point{Date: day("2025-01-13"), Value: 3000}
				b.Projection = &data.Projection{Start: start, Per: "day", Model: "linear", Until: day("2025-03-01"),
					Central: *linearScenario("central", start, 0, math.Inf(1), day("2025-03-01"))}
				return b
			}(),
			want: "Projection of losses (casualties): 3,000 on 13 January 2025, no change (0 a day), still 3,000 on 1 March 2025. " +
				"2 observations from 6 January 2025, latest 3,000 on 13 January 2025, ranging from 3,000 to 3,800.",
		},
		{
			// A level projection above a floor that only its dry-year
			// scenario reaches: 90 feet at 5 a month is 18 months.
			name: "level above a floor",
			b: parseBlock(t, "lake:\n  unit: feet\n  series:\n    - {date: 2025-01-01, value: 1040}\n"+
				"  projection: {per: month, rate: 0, low: -5, limit: 950}\n"),
			want: "Projection of lake (feet): 1,040 on 1 January 2025, no change (0 a month), does not reach 950 by 25 August 2026; " +
				"low scenario falling 5 a month (1 July 2026). " +
				"1 observation, 1,040 on 1 January 2025.",
		},
		{
			// A band that runs both ways from a level or rising line: a
			// rising scenario after a falling one says so, where "high 20
			// a month" read as falling 20 too. 100 to fall at 20 a month
			// from 1 March is 1 August.
			name: "band both ways",
			b: parseBlock(t, "stock:\n  unit: cases\n  series:\n    - {date: 2025-03-01, value: 800}\n"+
				"  projection: {per: month, rate: 0, low: -20, high: 20, limit: 700, until: 2025-06-01}\n"),
			want: "Projection of stock (cases): 800 on 1 March 2025, no change (0 a month), does not reach 700 by 1 June 2025; " +
				"low scenario falling 20 a month (1 August 2025), high rising 20 a month (not reaching 700). " +
				"1 observation, 800 on 1 March 2025.",
		},
		{
			// 200 to rise from 1 March 2025: 20 months at 10 a month, 4 at 50.
			name: "rising with a falling low",
			b: parseBlock(t, "stock:\n  unit: cases\n  series:\n    - {date: 2025-03-01, value: 800}\n"+
				"  projection: {per: month, rate: 10, low: -5, high: 50, limit: 1000, until: 2025-06-01}\n"),
			want: "Projection of stock (cases): 800 on 1 March 2025, rising 10 a month, reaches 1,000 on 1 November 2026; " +
				"low scenario falling 5 a month (not reaching 1,000), high rising 50 a month (1 July 2025). " +
				"1 observation, 800 on 1 March 2025.",
		},
		{
			name: "bar",
			b:    noProjection(),
			typ:  TypeBar,
			want: "Bar chart of losses (casualties): 2 observations from 6 January 2025, latest 3,000 on 13 January 2025, ranging from 3,000 to 3,800.",
		},
		{
			// A line or bar chart of a block with a projection draws its
			// limit, and says so.
			name: "line with limit",
			b:    kursk(),
			typ:  TypeLine,
			want: "Line chart of losses (casualties): 2 observations from 6 January 2025, latest 3,000 on 13 January 2025, ranging from 3,000 to 3,800. " +
				"Limit: 12,000 casualties.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := renderOne(tt.b, Spec{Type: tt.typ}, "c")
			if err != nil {
				t.Fatal(err)
			}
			if f.Summary != tt.want {
				t.Errorf("Summary =\n%s\nwant\n%s", f.Summary, tt.want)
			}
		})
	}
}

func TestRenderErrors(t *testing.T) {
	empty := noProjection()
	empty.Series = nil
	tests := []struct {
		name string
		b    *dataBlock
		s    Spec
		want string
	}{
		{"projection without one", noProjection(), Spec{Type: TypeProjection}, `chart: data block "losses" has no projection (use type line or bar)`},
		{"line without observations", empty, Spec{}, `chart: data block "losses" has no observations to draw as a line chart`},
		{"unknown type", kursk(), Spec{Type: "pie"}, `chart: unknown type "pie" (want projection, line or bar)`},
		{"no block", nil, Spec{}, "chart: no data block"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := renderOne(tt.b, tt.s, "c")
			if err == nil || err.Error() != tt.want {
				t.Errorf("Render error = %v; want %s", err, tt.want)
			}
		})
	}
}

func TestTableThinsAndKeepsCrossings(t *testing.T) {
	b := kursk()
	p := b.Projection
	until := day("2028-12-31")
	p.Until = until
	p.Central = *linearScenario("central", p.Start, 92, p.Limit, until)
	p.Low = linearScenario("low", p.Start, 70, p.Limit, until)
	p.High = linearScenario("high", p.Start, 110, p.Limit, until)
	f, err := renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	rows := f.table.rows
	if len(rows) > 60 {
		t.Errorf("projected table has %d rows; want at most 60", len(rows))
	}
	want := map[string]string{
		"2024-12-05": "",
		"2025-03-25": "High scenario reaches 12,000 casualties",
		"2025-04-15": "Central reaches 12,000 casualties",
		"2025-05-26": "Low scenario reaches 12,000 casualties",
		"2028-12-31": "",
	}
	for _, r := range rows {
		if note, ok := want[isoDate(r.Date)]; ok {
			if r.Note != note {
				t.Errorf("row %s note = %q; want %q", isoDate(r.Date), r.Note, note)
			}
			delete(want, isoDate(r.Date))
		}
	}
	for d := range want {
		t.Errorf("projected table lacks the row of %s", d)
	}
	var html bytes.Buffer
	if err := writeHTML(&html, f, ""); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(html.String(), `<tr class="chart-crossing"><th scope="row"><time datetime="2025-04-15">15 Apr 2025</time></th><td class="num">12,052</td><td class="num">9,170</td><td class="num">14,410</td><td>Central reaches 12,000 casualties</td></tr>`) {
		t.Errorf("table lacks the central crossing row")
	}
	if strings.Contains(html.String(), "chart-links") {
		t.Errorf("figure links a CSV though csvHref is empty")
	}
}

// co2Years is the annual mean of carbon dioxide at Mauna Loa, written by
// the year, rising 2.4 ppm a year towards 450.
const co2Years = `co2:
  unit: ppm
  series:
    - {date: 1959, value: 315.98}
    - {date: 1970, value: 325.68}
    - {date: 1980, value: 338.76}
    - {date: 1990, value: 354.45}
    - {date: 2000, value: 369.71}
    - {date: 2010, value: 389.90}
    - {date: 2020, value: 414.21}
    - {date: 2024, value: 424.61}
  projection: {rate: 2.4, per: year, limit: 450}
`

// iceMonths is the Arctic's sea ice in September, written by the month.
const iceMonths = `ice:
  unit: Mio. km²
  series:
    - {date: 1979-09, value: 7.05}
    - {date: 1990-09, value: 6.14}
    - {date: 2000-09, value: 6.25}
    - {date: 2012-09, value: 3.57}
    - {date: 2024-09, value: 4.28}
`

// TestDatesAsWritten checks that the CSV of annual statistics writes
// their dates as years, and that of a projection reaching its limit
// within a year writes days throughout, so that the column holds one
// form.
func TestDatesAsWritten(t *testing.T) {
	f, err := renderOne(parseBlock(t, iceMonths), Spec{Block: "ice"}, "chart-ice-1")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(f.CSV), "date,value,label,source\n1979-09,7.05,,\n1990-09,6.14,,\n2000-09,6.25,,\n2012-09,3.57,,\n2024-09,4.28,,\n"; got != want {
		t.Errorf("CSV of months:\n%s\nwant:\n%s", got, want)
	}
	f, err = renderOne(parseBlock(t, co2Years), Spec{Block: "co2"}, "chart-co2-1")
	if err != nil {
		t.Fatal(err)
	}
	csv := string(f.CSV)
	for _, want := range []string{"\n1959-01-01,315.98,,", "\n2034-08-01,,,,450.004,,,Central reaches 450 ppm\n"} {
		if !strings.Contains(csv, want) {
			t.Errorf("CSV of years with a crossing lacks %q:\n%s", want, csv)
		}
	}
}

// population is Japan's population at its censuses and its latest
// estimate, falling 0.5% a year towards 120 million.
const population = `japan:
  unit: people
  series:
    - {date: 2008-10-01, value: 128083960, label: Peak}
    - {date: 2015-10-01, value: 127094745}
    - {date: 2020-10-01, value: 126146099}
    - {date: 2024-10-01, value: 123802000}
  projection: {model: exponential, rate: -0.5, low: -0.7, high: -0.3, per: year, limit: 120000000}
`

// seaIce is the Arctic's September minimum of sea ice, projected with a
// floor of 0: the low scenario reaches it in 2051 and stays there.
const seaIce = `ice:
  unit: million square kilometres
  series:
    - {date: 2012-09-15, value: 3.57, label: Record low}
    - {date: 2020-09-15, value: 3.92}
    - {date: 2024-09-15, value: 4.28}
  projection: {rate: -0.08, low: -0.16, high: -0.04, per: year, limit: 1, until: 2070-01-01, floor: 0}
`

func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		b    *dataBlock
		s    Spec
	}{
		{"kursk.html", kursk(), Spec{Block: "losses", Title: "Russian casualties in Kursk", Caption: "Reports and a linear projection."}},
		{"bar.html", noProjection(), Spec{Block: "losses", Type: TypeBar, Height: 240}},
		// Numbers, dates and plotline's own words in the site's
		// language: the axes, the labels, the legend, the table, the
		// summary, the links; the CSV link and the table's datetime
		// attributes as in English.
		{"kursk-de.html", kursk(), Spec{Block: "losses", Title: "Russische Verluste in Kursk", Locale: locale.New("de"), Words: words.New("de")}},
		{"kursk-fr.html", kursk(), Spec{Block: "losses", Locale: locale.New("fr"), Words: words.New("fr")}},
		{"kursk-es.html", kursk(), Spec{Block: "losses", Locale: locale.New("es"), Words: words.New("es")}},
		{"bar-nl.html", noProjection(), Spec{Block: "losses", Type: TypeBar, Height: 240, Locale: locale.New("nl"), Words: words.New("nl")}},
		{"kursk-ar.html", kursk(), Spec{Block: "losses", Locale: locale.New("ar-EG")}},
		{"bar-en-IN.html", noProjection(), Spec{Block: "losses", Type: TypeBar, Height: 240, Locale: locale.New("en-IN")}},
		// Crossings after until: the central line goes on, thinner, to
		// its crossing; the table and the CSV get a row for each.
		{"past-until.html", parseBlock(t, pastUntil), Spec{Block: "reserve"}},
		// The rows past until in the site's words.
		{"past-until-de.html", parseBlock(t, pastUntil), Spec{Block: "reserve", Locale: locale.New("de"), Words: words.New("de")}},
		// A population in the hundreds of millions: the value axis in
		// millions, 130m, the table and the tooltip in every digit.
		{"population.html", parseBlock(t, population), Spec{Block: "japan"}},
		// An area that cannot go below zero: the band's lower edge
		// falls to 0 and runs along it, the axis starts at 0.
		{"sea-ice.html", parseBlock(t, seaIce), Spec{Block: "ice"}},
		// Annual and monthly statistics, written as years and months:
		// the table, the summary, the static chart's points and the
		// tooltip say 1959 and Sep. 1979, not their first days; the
		// crossing, a day the projection computes, stays a day.
		{"co2-years.html", parseBlock(t, co2Years), Spec{Block: "co2"}},
		{"ice-months-de.html", parseBlock(t, iceMonths), Spec{Block: "ice", Locale: locale.New("de"), Words: words.New("de")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := renderOne(tt.b, tt.s, "chart-kursk-1")
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := writeHTML(&b, f, "/kursk/chart-kursk-1.csv"); err != nil {
				t.Fatal(err)
			}
			got := b.Bytes()
			want := readGolden(t, filepath.Join("testdata", "golden", tt.name), got)
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

func BenchmarkSVG(b *testing.B) {
	m, err := newModel([]*data.Block{kursk()}, nil, TypeProjection, nil)
	if err != nil {
		b.Fatal(err)
	}
	l := m.layout(frames(DefaultHeight)[0])
	for b.Loop() {
		m.svg("chart-kursk-1", l, "Kursk", "summary")
	}
}

func BenchmarkRender(b *testing.B) {
	blk := kursk()
	for b.Loop() {
		if _, err := renderOne(blk, Spec{}, "chart-kursk-1"); err != nil {
			b.Fatal(err)
		}
	}
}

// readGolden returns the golden file at path, after writing got there
// when the tests run with -update.
func readGolden(t *testing.T, path string, got []byte) []byte {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	return want
}

// TestOneDay checks that a chart of a single day, one observation, draws
// it in the middle of its time axis, which runs from the day before to
// the day after, rather than on the value axis at the plot's left edge,
// half of its dot over the axis, in both drawings and the live chart.
func TestOneDay(t *testing.T) {
	b := noProjection()
	b.Series = b.Series[:1] // 6 January 2025
	for _, kind := range []string{TypeLine, TypeBar} {
		f, err := renderOne(b, Spec{Type: kind}, "c")
		if err != nil {
			t.Fatal(err)
		}
		x := dig(decodeOption(t, f.Option), "xAxis", 0)
		if got := [2]any{dig(x, "min"), dig(x, "max")}; got != [2]any{"2025-01-05", "2025-01-07"} {
			t.Errorf("%s chart: the time axis runs %v; want 2025-01-05 to 2025-01-07", kind, got)
		}
		for _, fr := range f.frames {
			c := f.model.layout(fr).c
			if mid := (c.left + c.right) / 2; math.Abs(c.x(day("2025-01-06"))-mid) > 0.5 {
				t.Errorf("%s chart, %s frame: the day is drawn at x %.1f; want the middle, %.1f", kind, fr.name, c.x(day("2025-01-06")), mid)
			}
		}
	}
}

// TestMonthsOfAYearAsNouns checks monthly statistics in languages whose
// date puts the month in the genitive ("4 мая 1979 г."): a month of a
// year is the noun itself, as CLDR's stand-alone names and its patterns
// yMMMM and yMMM write it, alike in the table, the static chart, the
// summary and what the page script writes in the tooltip.
func TestMonthsOfAYearAsNouns(t *testing.T) {
	const may = "ice:\n  unit: km²\n  series:\n    - {date: 1979-05, value: 7.05}\n    - {date: 1990-03, value: 6.14}\n    - {date: 2024-05, value: 4.28}\n"
	for _, c := range []struct {
		tag        string
		table      string // the last row's date in the table
		genitive   string // the date's form of that month, written nowhere
		tooltipKey string // the month field of the script's month-year pattern
	}{
		{"ru", "май 2024\u202fг.", "мая", "{LLL}"},
		{"pl", "maj 2024", "maja", "{LLL}"},
		{"cs", "květen 2024", "května", "{LLLL}"},
		{"uk", "трав. 2024\u202fр.", "травня", "{LLL}"},
	} {
		t.Run(c.tag, func(t *testing.T) {
			f, err := renderOne(parseBlock(t, may), Spec{Block: "ice", Locale: locale.New(c.tag)}, "chart-ice-1")
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := writeHTML(&b, f, "/ice/chart-ice-1.csv"); err != nil {
				t.Fatal(err)
			}
			page := b.String()
			// The option carries the names of a date's months too, for
			// dates with a day.
			withoutOption := strings.Replace(page, string(f.Option), "", 1)
			if !strings.Contains(page, ">"+c.table+"</time>") {
				t.Errorf("the table has no %q", c.table)
			}
			for name, text := range map[string]string{"page": withoutOption, "summary": f.Summary, "SVG": string(f.SVG), "narrow SVG": string(f.SVGNarrow)} {
				if strings.Contains(text, c.genitive) {
					t.Errorf("the %s writes the genitive %q", name, c.genitive)
				}
			}
			var opt struct {
				Locale struct {
					MonthYear  []string              `json:"monthYear"`
					MonthNames map[string][12]string `json:"monthNames"`
				} `json:"locale"`
			}
			if err := json.Unmarshal(f.Option, &opt); err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(opt.Locale.MonthYear, c.tooltipKey) {
				t.Fatalf("the script's month-year pattern %q has no %s", opt.Locale.MonthYear, c.tooltipKey)
			}
			var tooltip strings.Builder
			for _, p := range opt.Locale.MonthYear {
				switch {
				case p == "{y}":
					tooltip.WriteString("2024")
				case opt.Locale.MonthNames[p] != [12]string{}:
					tooltip.WriteString(opt.Locale.MonthNames[p][4])
				default:
					tooltip.WriteString(p)
				}
			}
			if got := strings.TrimSpace(tooltip.String()); got != c.table {
				t.Errorf("the tooltip would write %q where the table writes %q", got, c.table)
			}
		})
	}
}

// TestNoInjectionFromWords checks that a site's own words, which a
// site's i18n file gives as text, are escaped wherever a chart writes
// them: every key given markup, in the SVG, the figure and the tables.
func TestNoInjectionFromWords(t *testing.T) {
	const bad = `<img src=x onerror=alert(9)>&`
	var file strings.Builder
	for k := range words.Count {
		key := words.Key(k)
		text, _ := json.Marshal(key.English() + bad) // a JSON string is a YAML one
		file.WriteString(key.Name() + ": " + string(text) + "\n")
	}
	var diags diag.List
	table := words.Load(fstest.MapFS{"i18n/en.yaml": {Data: []byte(file.String())}}, "en", &diags)
	if len(diags) > 0 {
		t.Fatalf("the words file: %v", diags)
	}
	if !strings.Contains(table.Colon(), bad) {
		t.Fatalf("the words file was not read: colon is %q", table.Colon())
	}
	events := []Event{{Date: day("2025-01-15"), Label: "Event"}}
	for _, kind := range []string{TypeProjection, TypeLine, TypeBar} {
		f, err := renderOne(kursk(), Spec{Type: kind, Words: table, Title: "T", Events: events}, "c")
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := writeHTML(&out, f, "kursk.csv"); err != nil {
			t.Fatal(err)
		}
		file, _, _ := f.SVGFile("", "en")
		for name, text := range map[string][]byte{"SVG": f.SVG, "narrow SVG": f.SVGNarrow, "SVG file": file, "figure": out.Bytes()} {
			if bytes.Contains(text, []byte("<img")) {
				t.Errorf("%s: the %s holds the words unescaped", kind, name)
			}
		}
		xmlElements(t, f.SVG)
		xmlElements(t, file)
	}
}
