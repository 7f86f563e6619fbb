package chart

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/plotline/plotline/internal/data"
)

// twoBlocks returns two blocks of casualty counts, Ukraine's and South
// Korea's, and the spec of a chart of both with two events.
func twoBlocks() ([]*data.Block, Spec) {
	ukraine := &data.Block{Name: "ukraine", Unit: "casualties", Series: []data.Point{
		{Date: day("2024-10-01"), Value: 500, Label: "Kyiv's figure", Source: "https://www.example.org/kyiv/"},
		{Date: day("2024-12-01"), Value: 2600},
		{Date: day("2025-01-06"), Value: 3800, Source: "https://www.example.org/kyiv/"},
	}}
	korea := &data.Block{Name: "south_korea", Unit: "casualties", Series: []data.Point{
		{Date: day("2024-12-01"), Value: 1100, Label: "Seoul's figure", Source: "National Intelligence Service"},
		{Date: day("2025-01-13"), Value: 3000, Source: "National Intelligence Service"},
	}}
	spec := Spec{
		Data:   []BlockRef{{Block: "ukraine"}, {Block: "south_korea", Name: "South Korea"}},
		Events: []Event{{Date: day("2024-10-18"), Label: "Troops reported"}, {Date: day("2024-12-05"), Label: "Combat begins"}},
	}
	return []*data.Block{ukraine, korea}, spec
}

// TestImageAlt checks the text alternative of a chart's SVG file shown as
// an image: the title (or, without one, the static SVG's name) and the
// caption, joined as sentences.
func TestImageAlt(t *testing.T) {
	for _, tc := range []struct {
		title, caption, want string
	}{
		{"Losses", "", "Losses"},
		{"Losses", "Both counts.", "Losses. Both counts."},
		{"How many were lost?", "Both counts.", "How many were lost? Both counts."},
		{"", "Both counts.", "Chart of ukraine and South Korea (casualties). Both counts."},
		{"", "", "Chart of ukraine and South Korea (casualties)"},
	} {
		bs, spec := twoBlocks()
		spec.Title, spec.Caption = tc.title, tc.caption
		f, err := RenderBlocks(bs, spec, "c")
		if err != nil {
			t.Fatal(err)
		}
		if got := f.ImageAlt(); got != tc.want {
			t.Errorf("title %q, caption %q: ImageAlt() = %q; want %q", tc.title, tc.caption, got, tc.want)
		}
	}
}

// TestBlocksOption checks the option of a chart of two blocks with
// events: one series each, with its own id, name, colour and marker, and
// a series of events whose mark lines stand on the events' dates.
func TestBlocksOption(t *testing.T) {
	bs, spec := twoBlocks()
	f, err := RenderBlocks(bs, spec, "c")
	if err != nil {
		t.Fatal(err)
	}
	if f.Type != TypeLine {
		t.Errorf("type %q; want line, the default for several blocks", f.Type)
	}
	series := seriesByID(t, decodeOption(t, f.Option))
	for _, want := range []struct{ id, name, colour, symbol string }{
		{"observed-ukraine", "ukraine", slotColors[0], "circle"},
		{"observed-south_korea", "South Korea", slotColors[1], "rect"},
	} {
		s := series[want.id]
		if s == nil {
			t.Fatalf("no series %s; got %v", want.id, keys(series))
		}
		if got := []any{dig(s, "name"), dig(s, "lineStyle", "color"), dig(s, "symbol")}; !cmp.Equal(got, []any{want.name, want.colour, want.symbol}) {
			t.Errorf("series %s: name, colour, symbol = %v; want %s, %s, %s", want.id, got, want.name, want.colour, want.symbol)
		}
	}
	if got := dig(series["observed-south_korea"], "data", 0); !equalJSON(got, map[string]any{
		"value": []any{"2024-12-01", 1100.0}, "name": "Seoul's figure", "source": "National Intelligence Service",
	}) {
		t.Errorf("South Korea's first point = %v", got)
	}
	var dates []any
	for _, d := range dig(series[idEvents], "markLine", "data").([]any) {
		dates = append(dates, dig(d, "xAxis"))
	}
	if want := []any{"2024-10-18", "2024-12-05"}; !cmp.Equal(dates, want) {
		t.Errorf("event mark lines on %v; want %v", dates, want)
	}
	// Each frame labels both events and names both blocks in its legend.
	for _, name := range []string{"wide", "narrow"} {
		fr := decodeFrame(t, f.Option, name)
		var labels, legend []string
		for _, g := range dig(fr, "option", "graphic").([]any) {
			if dig(g, "info") == "event" {
				labels = append(labels, dig(g, "style", "text").(string))
			}
		}
		for _, row := range dig(fr, "option", "legend").([]any) {
			for _, d := range dig(row, "data").([]any) {
				legend = append(legend, dig(d, "name").(string))
			}
		}
		if !cmp.Equal(labels, []string{"Troops reported", "Combat begins"}) || !cmp.Equal(legend, []string{"ukraine", "South Korea"}) {
			t.Errorf("%s frame: event labels %q, legend %q", name, labels, legend)
		}
	}
}

// TestBlocksTablesCSVSummary checks what a chart of two blocks with events
// writes besides the drawing: a table per block, a table of the events, a
// CSV with a column per block, a summary naming both and the events.
func TestBlocksTablesCSVSummary(t *testing.T) {
	bs, spec := twoBlocks()
	f, err := RenderBlocks(bs, spec, "c")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(f.CSV)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"date", "ukraine", "ukraine_label", "ukraine_source", "south_korea", "south_korea_label", "south_korea_source"},
		{"2024-10-01", "500", "Kyiv's figure", "https://www.example.org/kyiv/", "", "", ""},
		{"2024-12-01", "2600", "", "", "1100", "Seoul's figure", "National Intelligence Service"},
		{"2025-01-06", "3800", "", "https://www.example.org/kyiv/", "", "", ""},
		{"2025-01-13", "", "", "", "3000", "", "National Intelligence Service"},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("CSV (-want +got):\n%s", diff)
	}
	var html bytes.Buffer
	if err := writeHTML(&html, f, ""); err != nil {
		t.Fatal(err)
	}
	page := html.String()
	for _, want := range []string{
		"<caption>ukraine, casualties</caption>",
		"<caption>South Korea, casualties</caption>",
		`<caption>Marked dates</caption>`,
		`<td>Combat begins</td>`,
		`<p class="chart-sources">Sources: <a href="https://www.example.org/kyiv/">example.org/kyiv</a> · National Intelligence Service</p>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("figure lacks %s", want)
		}
	}
	wantSummary := "Line chart of ukraine and South Korea (casualties): ukraine: 3 observations from 1 October 2024, latest 3,800 on 6 January 2025, ranging from 500 to 3,800. " +
		"South Korea: 2 observations from 1 December 2024, latest 3,000 on 13 January 2025, ranging from 1,100 to 3,000. " +
		"Marked dates: 18 October 2024, Troops reported; 5 December 2024, Combat begins."
	if f.Summary != wantSummary {
		t.Errorf("Summary =\n%s\nwant\n%s", f.Summary, wantSummary)
	}
}

func TestBlocksErrors(t *testing.T) {
	bs, spec := twoBlocks()
	bs[0].Projection = kursk().Projection
	for _, tc := range []struct {
		kind, want string
	}{
		{TypeProjection, "chart: a projection chart draws one data block (draw several as a line or bar chart)"},
	} {
		spec.Type = tc.kind
		if _, err := RenderBlocks(bs, spec, "c"); err == nil || err.Error() != tc.want {
			t.Errorf("RenderBlocks as %s: %v; want %s", tc.kind, err, tc.want)
		}
	}
	spec.Type = TypeBar
	if _, err := RenderBlocks(bs, spec, "c"); err != nil {
		t.Errorf("a bar chart of two blocks: %v", err)
	}

	// Blocks counted in millions and in billions: one axis drew 1.6 in
	// billions below 1,300 in millions, where a claim finds it above.
	cities := &data.Block{Name: "cities", Unit: "million dollars", Series: []data.Point{{Date: day("2025-01-01"), Value: 1300}}}
	state := &data.Block{Name: "state", Unit: "billion dollars", Series: []data.Point{{Date: day("2025-01-01"), Value: 1.6}}}
	people := &data.Block{Name: "people", Series: []data.Point{{Date: day("2025-01-01"), Value: 5}}}
	// Blocks in two currencies or two lengths: one axis drew 100 euros
	// level with 100 dollars, where a claim refuses to compare them.
	eu := &data.Block{Name: "eu", Unit: "euros", Series: []data.Point{{Date: day("2025-01-01"), Value: 100}}}
	usd := &data.Block{Name: "usd", Unit: "dollars", Series: []data.Point{{Date: day("2025-01-01"), Value: 95}}}
	metres := &data.Block{Name: "m", Unit: "metres", Series: []data.Point{{Date: day("2025-01-01"), Value: 3}}}
	feet := &data.Block{Name: "ft", Unit: "feet", Series: []data.Point{{Date: day("2025-01-01"), Value: 9}}}
	for _, tc := range []struct {
		bs   []*data.Block
		want string
	}{
		{[]*data.Block{eu, usd}, `chart: data blocks "eu" (euros) and "usd" (dollars) measure in different units, and one axis would draw the same number of each at one height: convert one into the other's unit, or draw them in two charts`},
		{[]*data.Block{metres, feet}, `chart: data blocks "m" (metres) and "ft" (feet) measure in different units, and one axis would draw the same number of each at one height: convert one into the other's unit, or draw them in two charts`},
		{[]*data.Block{cities, state}, `chart: data blocks "cities" (million dollars) and "state" (billion dollars) count in different multiples, and one axis would draw their numbers as written, as if they counted in one: write them in one unit, or draw them in two charts`},
		{[]*data.Block{people, state}, `chart: data blocks "people" (no unit) and "state" (billion dollars) count in different multiples, and one axis would draw their numbers as written, as if they counted in one: write them in one unit, or draw them in two charts`},
	} {
		for _, kind := range []string{TypeLine, TypeBar} {
			if _, err := RenderBlocks(tc.bs, Spec{Type: kind}, "c"); err == nil || err.Error() != tc.want {
				t.Errorf("RenderBlocks(%s, %s) as %s: %v; want %s", tc.bs[0].Unit, tc.bs[1].Unit, kind, err, tc.want)
			}
		}
	}
	billions := &data.Block{Name: "federal", Unit: "billions of dollars", Series: []data.Point{{Date: day("2025-01-01"), Value: 4}}}
	if _, err := RenderBlocks([]*data.Block{state, billions}, Spec{}, "c"); err != nil {
		t.Errorf("two blocks in billions: %v", err)
	}
	eu2 := &data.Block{Name: "eu2", Unit: "EUR", Series: []data.Point{{Date: day("2025-01-01"), Value: 90}}}
	if _, err := RenderBlocks([]*data.Block{eu, eu2, people}, Spec{Type: TypeLine}, "c"); err != nil {
		t.Errorf("two blocks in euros, and one of no unit: %v", err)
	}

	// A block in per cent beside one of shares: one axis drew 38 (per
	// cent) above 0.40 (a share), where a claim finds 38% fewer than 40%.
	a := &data.Block{Name: "a", Unit: "percent", Series: []data.Point{{Date: day("2024-01-01"), Value: 36}, {Date: day("2025-01-01"), Value: 38}}}
	b := &data.Block{Name: "b", Unit: "share of voters", Series: []data.Point{{Date: day("2024-01-01"), Value: 0.41, Places: 2}, {Date: day("2025-01-01"), Value: 0.40, Places: 2}}}
	want := `chart: data block "a" is in per cent (percent) and "b" holds shares, every value between -1 and 1, which one axis would draw as if they were per cent: write "b" in percent (41 for 0.41), or draw them in two charts`
	if _, err := RenderBlocks([]*data.Block{a, b}, Spec{Type: TypeLine}, "c"); err == nil || err.Error() != want {
		t.Errorf("a chart of per cent and shares: %v; want %s", err, want)
	}
	c := &data.Block{Name: "c", Unit: "percent", Series: []data.Point{{Date: day("2024-01-01"), Value: 41}, {Date: day("2025-01-01"), Value: 40}}}
	if _, err := RenderBlocks([]*data.Block{a, c}, Spec{Type: TypeLine}, "c"); err != nil {
		t.Errorf("a chart of two blocks in per cent: %v", err)
	}
	if _, err := RenderBlocks([]*data.Block{a, people}, Spec{Type: TypeLine}, "c"); err != nil {
		t.Errorf("a chart of per cent and a count: %v", err)
	}
	// Small numbers in per cent by another name are no shares.
	boe := &data.Block{Name: "boe", Unit: "%", Series: []data.Point{{Date: day("2024-01-01"), Value: 0.75}, {Date: day("2025-01-01"), Value: 0.1}}}
	for _, unit := range []string{"percentage", "interest rate (%)", "percentage points"} {
		ecb := &data.Block{Name: "ecb", Unit: unit, Series: []data.Point{{Date: day("2024-01-01"), Value: -0.4}, {Date: day("2025-01-01"), Value: -0.5}}}
		if _, err := RenderBlocks([]*data.Block{boe, ecb}, Spec{Type: TypeLine}, "c"); err != nil {
			t.Errorf("a chart of %% beside %s: %v", unit, err)
		}
	}
}

// TestBarSameDay checks that a bar chart refuses a block with two
// observations of one day, as two sources give them: their bars would
// stand on one another, the taller hiding the shorter, so the chart
// would show one of the values the table lists. Dots and a line show
// both.
func TestBarSameDay(t *testing.T) {
	bs, spec := twoBlocks()
	korea := bs[1]
	korea.Series = []data.Point{
		{Date: day("2024-12-01"), Value: 1100, Source: "National Intelligence Service"},
		{Date: day("2025-01-13"), Value: 3000, Source: "National Intelligence Service"},
		{Date: day("2025-01-13"), Value: 3400, Source: "Ukrainian General Staff"},
	}
	spec.Type = TypeBar
	want := `chart: a bar chart draws one bar a day, and data block "south_korea" has 2 observations on 13 January 2025 (draw it as a line chart)`
	if _, err := RenderBlocks(bs, spec, "c"); err == nil || err.Error() != want {
		t.Errorf("RenderBlocks as a bar chart: %v; want %s", err, want)
	}
	if _, err := RenderBlocks(bs[1:], Spec{Type: TypeBar}, "c"); err == nil || err.Error() != want {
		t.Errorf("RenderBlocks of one block as a bar chart: %v; want %s", err, want)
	}
	for _, kind := range []string{TypeLine, ""} {
		if _, err := RenderBlocks(bs[1:], Spec{Type: kind}, "c"); err != nil {
			t.Errorf("RenderBlocks as %q: %v", kind, err)
		}
	}
	b := kursk()
	b.Series = append(b.Series, data.Point{Date: day("2025-01-13"), Value: 3100})
	if _, err := renderOne(b, Spec{}, "c"); err != nil {
		t.Errorf("a projection chart of two observations of one day: %v", err)
	}
}

var (
	sourcesRE = regexp.MustCompile(`<p class="chart-sources">([^\n]*)</p>`)
	noteRE    = regexp.MustCompile(`<td>Ukrainian General Staff</td><td><a href="https://example.org/report\?a=1&amp;b=2">example<wbr>.org/<wbr>report\?a=1&amp;b=2</a></td>`)
)

// TestLabelsAndSources checks that an observation's label is a label: in
// the table's Note column, in the option's data for the tooltip, next to
// its point where it fits; and that the line under the chart lists the
// sources, titled as such, each once.
func TestLabelsAndSources(t *testing.T) {
	b := kursk()
	b.Series = append(b.Series, data.Point{Date: day("2025-01-10"), Value: 3500, Label: "ISW estimate", Source: "Institute for the Study of War"})
	b.Series[1], b.Series[2] = b.Series[2], b.Series[1]
	f, err := renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	var html bytes.Buffer
	if err := writeHTML(&html, f, ""); err != nil {
		t.Fatal(err)
	}
	page := html.String()
	m := sourcesRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no sources line in\n%s", page)
	}
	if want := `Sources: <a href="https://example.org/report?a=1&amp;b=2">example.org/report?a=1&amp;b=2</a> · Institute for the Study of War`; m[1] != want {
		t.Errorf("sources line %q; want %q", m[1], want)
	}
	if strings.Contains(m[1], "ISW estimate") || strings.Contains(m[1], "General Staff") {
		t.Errorf("the sources line holds a label: %q", m[1])
	}
	if !strings.Contains(page, `<th scope="col">Note</th><th scope="col">Source</th>`) || !noteRE.MatchString(page) {
		t.Errorf("the observed table lacks the Note column with the label")
	}
	// Next to its point where it fits, in the static chart and the live
	// one alike: on the projection chart the lines leave room for one,
	// off a corner of its point (none fitted beside or right above or
	// below it); on a bar chart of the same observations for both.
	for _, kind := range []string{TypeProjection, TypeBar} {
		f, err := renderOne(b, Spec{Type: kind}, "c")
		if err != nil {
			t.Fatal(err)
		}
		svg := bytes.Count(f.SVG, []byte(`class="plc-text plc-note plc-note-observation`))
		live := bytes.Count(f.Option, []byte(`"info":"observation"`)) // both frames
		if kind == TypeBar && (svg != 2 || live < 2) {
			t.Errorf("bar chart: %d observation labels in the SVG, %d in the option; want the 2 label runs", svg, live)
		}
		if kind == TypeProjection && (svg < 1 || live < 1) {
			t.Errorf("projection chart: %d observation labels in the SVG, %d in the option; want one at least", svg, live)
		}
		t.Logf("%s chart: %d observation labels drawn", kind, svg)
	}
}

// TestFifthLabelKeepsTheLatest checks that a chart of more labelled
// observations than MaxObservationLabels still labels the latest of them
// on the plot, in the static chart of each frame and in the live one,
// and leaves the earliest to the tooltip and the table: a fifth label
// once took every label off the plot.
func TestFifthLabelKeepsTheLatest(t *testing.T) {
	b := &data.Block{Name: "beds", Unit: "beds"}
	labels := map[int]string{0: "Winter", 3: "Spring", 6: "Summer", 9: "Autumn", 12: "Audit"}
	for i := range 13 {
		b.Series = append(b.Series, data.Point{Date: day("2024-01-01").AddDate(0, i, 0), Value: float64(100 + 10*i), Label: labels[i]})
	}
	noteText := regexp.MustCompile(`class="[^"]*plc-note-observation[^>]*>([^<]*)<`)
	f, err := RenderBlocks([]*data.Block{b}, Spec{Type: TypeLine}, "c")
	if err != nil {
		t.Fatal(err)
	}
	for i, svg := range [][]byte{f.SVG, f.SVGNarrow} {
		var drawn []string
		for _, m := range noteText.FindAllSubmatch(svg, -1) {
			drawn = append(drawn, string(m[1]))
		}
		if len(drawn) == 0 {
			t.Errorf("%s frame: no observation's label drawn of five", f.frames[i].name)
		}
		if slices.Contains(drawn, "Winter") {
			t.Errorf("%s frame: the earliest label drawn, past the latest %d: %q", f.frames[i].name, MaxObservationLabels, drawn)
		}
		if i == 0 && !slices.Equal(drawn, []string{"Spring", "Summer", "Autumn", "Audit"}) {
			t.Errorf("wide frame: labels drawn %q; want the latest four", drawn)
		}
	}
	if n := bytes.Count(f.Option, []byte(`"info":"observation"`)); n == 0 {
		t.Errorf("the live chart draws no observation's label of five")
	}
}

// TestSourceAddressAsWritten checks that a source's address is shown as
// the writer wrote it, less its scheme, a leading "www." and a trailing
// slash, in the table, the line of sources and the SVG file alike (as the
// tooltip shows it), while the link goes to its encoded form: an address
// in Chinese was shown percent-encoded, a string of %E4%BE%8B… where the
// tooltip and the CSV gave the writer's characters.
func TestSourceAddressAsWritten(t *testing.T) {
	b := kursk()
	b.Series[0].Source = "https://例子.测试/路径?q=1"
	b.Series[1].Source = "https://www.example.org/caf%C3%A9/"
	f, err := renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	var html bytes.Buffer
	if err := writeHTML(&html, f, ""); err != nil {
		t.Fatal(err)
	}
	page := html.String()
	// The table marks where a line may break in an address (<wbr>), the
	// line of sources, which wraps at its spaces, does not.
	for _, want := range []string{
		`<a href="https://%E4%BE%8B%E5%AD%90.%E6%B5%8B%E8%AF%95/%E8%B7%AF%E5%BE%84?q=1">例子.测试/路径?q=1</a>`,
		`<a href="https://%E4%BE%8B%E5%AD%90.%E6%B5%8B%E8%AF%95/%E8%B7%AF%E5%BE%84?q=1">例子<wbr>.测试/<wbr>路径?q=1</a>`,
		`<a href="https://www.example.org/caf%C3%A9/">example.org/caf%C3%A9</a>`,
		`<a href="https://www.example.org/caf%C3%A9/">example<wbr>.org/<wbr>caf%C3%A9</a>`,
	} {
		if n := strings.Count(page, want); n != 1 {
			t.Errorf("the page holds %s %d times; want 1, in the table or the line of sources", want, n)
		}
	}
	want := "Source: 例子.测试/路径?q=1, example.org/caf%C3%A9"
	if file, _, _ := f.SVGFile("", ""); !bytes.Contains(file, []byte(want)) {
		t.Errorf("the SVG file does not say %q", want)
	}
}

// TestLargeSeries draws 20,000 observations: the option and the SVGs hold
// MaxDrawnPoints of them, the table the first and last 20 with a note, the
// CSV every one.
func TestLargeSeries(t *testing.T) {
	b := &data.Block{Name: "big", Unit: "readings", Series: dailySeries(20000, func(i int) float64 { return float64(i % 977) })}
	f, err := renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	pts := dig(seriesByID(t, decodeOption(t, f.Option))[idObserved], "data").([]any)
	if len(pts) != MaxDrawnPoints {
		t.Errorf("the option draws %d points; want %d", len(pts), MaxDrawnPoints)
	}
	if n := bytes.Count(f.SVG, []byte(",")); n > MaxDrawnPoints+100 {
		t.Errorf("the SVG has %d coordinate pairs; want about %d", n, MaxDrawnPoints)
	}
	var html bytes.Buffer
	if err := writeHTML(&html, f, ""); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(html.String(), `<th scope="row">`); n != maxTableObservations {
		t.Errorf("the table has %d rows; want %d", n, maxTableObservations)
	}
	if !strings.Contains(html.String(), "19,960 more observations, from 21 Jan 2020 to 13 Sep 2074, are left out here: the CSV holds every one.") {
		t.Errorf("the table does not say what it leaves out")
	}
	rows, err := csv.NewReader(bytes.NewReader(f.CSV)).ReadAll()
	if err != nil || len(rows) != 20001 {
		t.Errorf("the CSV has %d rows, %v; want a header and 20,000", len(rows), err)
	}
	if html.Len() > 200<<10 {
		t.Errorf("the figure is %d KB; want it small", html.Len()>>10)
	}
}

// TestBlocksUnits checks a chart of two blocks in different units, which
// no unit above the value axis can name: the summary names each block's
// unit, as the tables' captions and the static chart's points do, and so
// does the option, for the tooltip's values. Blocks that share a unit
// leave it to the axis.
func TestBlocksUnits(t *testing.T) {
	rate := &data.Block{Name: "rate", Unit: "percent", Series: []data.Point{{Date: day("2025-01-01"), Value: 2.5}, {Date: day("2025-02-01"), Value: -0.25}}}
	gdp := &data.Block{Name: "gdp", Unit: "dollars", Series: []data.Point{{Date: day("2025-01-01"), Value: 1.2e12}, {Date: day("2025-02-01"), Value: 1.35e12}}}
	for _, kind := range []string{TypeLine, TypeBar} {
		f, err := RenderBlocks([]*data.Block{rate, gdp}, Spec{Type: kind}, "c")
		if err != nil {
			t.Fatal(err)
		}
		if want := " of rate (percent) and gdp (dollars): "; !strings.Contains(f.Summary, want) {
			t.Errorf("%s chart: summary %q; want it to name each block's unit, %q", kind, f.Summary, want)
		}
		series := seriesByID(t, decodeOption(t, f.Option))
		for id, want := range map[string]string{"observed-rate": "percent", "observed-gdp": "dollars"} {
			if got := dig(series[id], "unit"); got != want {
				t.Errorf("%s chart: series %s has unit %v; want %q", kind, id, got, want)
			}
		}
		if svg := string(f.SVG); !strings.Contains(svg, ": 2.5 percent</title>") || !strings.Contains(svg, ": 1,200,000,000,000 dollars</title>") {
			t.Errorf("%s chart: the static chart's points do not name their units", kind)
		}
	}
	bs, spec := twoBlocks()
	f, err := RenderBlocks(bs, spec, "c")
	if err != nil {
		t.Fatal(err)
	}
	for id, s := range seriesByID(t, decodeOption(t, f.Option)) {
		if u := dig(s, "unit"); u != nil {
			t.Errorf("series %s of blocks sharing a unit has its own, %v", id, u)
		}
	}
	if !strings.HasPrefix(f.Summary, "Line chart of ukraine and South Korea (casualties): ") {
		t.Errorf("summary %q; want the shared unit once", f.Summary)
	}
}

// TestUntitledBlocksName checks the name an untitled chart of several
// blocks gives its drawings, which screen readers announce: every block, as
// the legend names them, and the unit they share, where it named the first
// block alone, and then the unit alone.
func TestUntitledBlocksName(t *testing.T) {
	bs, spec := twoBlocks()
	for _, tc := range []struct {
		unit, want string
	}{
		{"casualties", "Chart of ukraine and South Korea (casualties)"},
		{"wounded", "Chart of ukraine and South Korea"},
	} {
		bs[1].Unit = tc.unit
		f, err := RenderBlocks(bs, spec, "c")
		if err != nil {
			t.Fatal(err)
		}
		for _, svg := range [][]byte{f.SVG, f.SVGNarrow} {
			if want := `-svg-title">` + tc.want + `</title>`; !bytes.Contains(svg, []byte(want)) {
				t.Errorf("units %s and %s: the SVG's title is not %q:\n%.400s", bs[0].Unit, tc.unit, tc.want, svg)
			}
		}
	}
}

// TestUntitledBlockName checks the name of an untitled chart of one
// block: the name the chart block gives it, or the block's own, its
// underscores read as spaces, and the unit.
func TestUntitledBlockName(t *testing.T) {
	icu := &data.Block{Name: "icu_beds", Unit: "beds", Series: []data.Point{{Date: day("2025-01-01"), Value: 40}, {Date: day("2025-02-01"), Value: 44}}}
	for _, tc := range []struct {
		refs []BlockRef
		want string
	}{
		{nil, "Chart of icu beds"},
		{[]BlockRef{{Block: "icu_beds"}}, "Chart of icu beds"},
		{[]BlockRef{{Block: "icu_beds", Name: "Intensive care"}}, "Chart of Intensive care (beds)"},
	} {
		f, err := RenderBlocks([]*data.Block{icu}, Spec{Type: TypeLine, Data: tc.refs}, "c")
		if err != nil {
			t.Fatal(err)
		}
		if got := f.ImageAlt(); got != tc.want {
			t.Errorf("refs %+v: ImageAlt() = %q; want %q", tc.refs, got, tc.want)
		}
	}
}

// TestEventsInDateOrder checks that the marked dates are listed in the
// order of their dates, as the observations are, in the table and the
// summary, however the chart block lists them.
func TestEventsInDateOrder(t *testing.T) {
	bs, spec := twoBlocks()
	spec.Events = []Event{
		{Date: day("2024-12-05"), Label: "Combat begins"},
		{Date: day("2024-10-18"), Label: "Troops reported"},
		{Date: day("2025-01-13"), Label: "Seoul's figure"},
	}
	f, err := RenderBlocks(bs, spec, "c")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Marked dates: 18 October 2024, Troops reported; 5 December 2024, Combat begins; 13 January 2025, Seoul's figure."; !strings.HasSuffix(f.Summary, want) {
		t.Errorf("summary %q does not end %q", f.Summary, want)
	}
	var html bytes.Buffer
	if err := writeHTML(&html, f, ""); err != nil {
		t.Fatal(err)
	}
	page := html.String()
	page = page[strings.Index(page, `<table class="chart-events">`):]
	i, j, k := strings.Index(page, "<td>Troops reported</td>"), strings.Index(page, "<td>Combat begins</td>"), strings.Index(page, "<td>Seoul&#39;s figure</td>")
	if i < 0 || j < 0 || k < 0 || !(i < j && j < k) {
		t.Errorf("the table of marked dates is not in date order (rows at %d, %d, %d)", i, j, k)
	}
}

// TestLongLegendNameFitsFrame checks that a block's name in the legend,
// where it is longer than the frame is wide, is shortened to fit the
// frame in both drawings (the live chart's legend through a text of the
// frame's option for the series' name), while the tables and the summary
// give it in full.
func TestLongLegendNameFitsFrame(t *testing.T) {
	const name = "The Ministry of Health and Social Care of the United Kingdom (England only)"
	bs, spec := twoBlocks()
	spec.Data[1].Name = name
	f, err := RenderBlocks(bs, spec, "c")
	if err != nil {
		t.Fatal(err)
	}
	for _, fr := range f.frames {
		l := f.model.layout(fr)
		for _, it := range l.legend {
			if end := it.x + legendTextAt + textWidth(it.text, fontSmall); end > fr.w {
				t.Errorf("%s frame: the legend's %q ends at x %.0f, past the frame's %g", fr.name, it.text, end, fr.w)
			}
		}
		opt := decodeFrame(t, f.Option, fr.name)
		texts, _ := opt["legendText"].(map[string]any)
		shown, _ := texts[name].(string)
		if fr.name == "narrow" && (shown == "" || !strings.HasPrefix(name, strings.TrimSuffix(shown, "…"))) {
			t.Errorf("%s frame: the live legend shows %q for %q; want the start of the name", fr.name, shown, name)
		}
	}
	if !strings.Contains(f.Summary, name) {
		t.Errorf("the summary does not name %q in full", name)
	}
}

// TestBlocksLimitNamesItsBlock checks that a chart of several blocks,
// which draws the limit of its first block's projection, says whose limit
// it is, in the legend of both renderings and in the summary: a bar of
// another block above an unnamed limit would read as that block past it.
func TestBlocksLimitNamesItsBlock(t *testing.T) {
	for _, kind := range []string{TypeLine, TypeBar} {
		bs, spec := twoBlocks()
		bs[0].Projection = kursk().Projection
		spec.Data[0].Name = "Ukraine"
		spec.Type = kind
		f, err := RenderBlocks(bs, spec, "c")
		if err != nil {
			t.Fatal(err)
		}
		if got := seriesByID(t, decodeOption(t, f.Option))[idLimit]["name"]; got != "Limit (Ukraine)" {
			t.Errorf("%s: the limit's series is named %q; want Limit (Ukraine)", kind, got)
		}
		for _, name := range []string{"wide", "narrow"} {
			var legend []string
			for _, row := range dig(decodeFrame(t, f.Option, name), "option", "legend").([]any) {
				for _, d := range dig(row, "data").([]any) {
					legend = append(legend, dig(d, "name").(string))
				}
			}
			if !slices.Contains(legend, "Limit (Ukraine)") {
				t.Errorf("%s, %s frame: legend %q lacks Limit (Ukraine)", kind, name, legend)
			}
		}
		for _, svg := range [][]byte{f.SVG, f.SVGNarrow} {
			if !bytes.Contains(svg, []byte(">Limit (Ukraine)<")) {
				t.Errorf("%s: the static legend does not name the limit's block", kind)
			}
		}
		if !strings.Contains(f.Summary, "Limit: 12,000 casualties (Ukraine).") {
			t.Errorf("%s: summary %q does not name the limit's block", kind, f.Summary)
		}
	}
}

// TestBarLabelsClearTheirBars checks that an observation's label on a bar
// chart stands clear of every bar as the static chart draws it: of its own
// bar, which among several blocks stands off its date, and of a single
// block's wide bar, which the label once overlapped at its start.
func TestBarLabelsClearTheirBars(t *testing.T) {
	interest := &data.Block{Name: "interest", Unit: "billion dollars"}
	deficit := &data.Block{Name: "deficit", Unit: "billion dollars"}
	for i, v := range [][2]float64{{375, 984}, {345, 3132}, {352, 2772}, {475, 1375}, {658, 1695}, {881, 1833}} {
		d := day(strconv.Itoa(2019+i) + "-09-30")
		interest.Series = append(interest.Series, data.Point{Date: d, Value: v[0]})
		deficit.Series = append(deficit.Series, data.Point{Date: d, Value: v[1]})
	}
	deficit.Series[1].Label = "Pandemic relief"
	weekly := &data.Block{Name: "kaub", Unit: "cm", Series: []data.Point{
		{Date: day("2022-07-18"), Value: 108}, {Date: day("2022-07-25"), Value: 92},
		{Date: day("2022-08-01"), Value: 77}, {Date: day("2022-08-08"), Value: 61},
		{Date: day("2022-08-15"), Value: 34, Label: "So far"},
	}}
	rect := regexp.MustCompile(`<rect class="plc-bar" x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"`)
	for _, tc := range []struct {
		name string
		bs   []*data.Block
		spec Spec
	}{
		{"two blocks", []*data.Block{interest, deficit}, Spec{Data: []BlockRef{{Block: "interest"}, {Block: "deficit"}}, Type: TypeBar}},
		{"one block", []*data.Block{weekly}, Spec{Block: "kaub", Type: TypeBar}},
	} {
		f, err := RenderBlocks(tc.bs, tc.spec, "c")
		if err != nil {
			t.Fatal(err)
		}
		for i, svg := range [][]byte{f.SVG, f.SVGNarrow} {
			fr := f.frames[i]
			var bars []box
			for _, m := range rect.FindAllSubmatch(svg, -1) {
				var n [4]float64
				for j := range n {
					n[j], _ = strconv.ParseFloat(string(m[j+1]), 64)
				}
				bars = append(bars, box{n[0], n[1], n[0] + n[2], n[1] + n[3]})
			}
			if len(bars) == 0 {
				t.Fatalf("%s, %s frame: no bars drawn", tc.name, fr.name)
			}
			placed := 0
			for _, lb := range f.model.layout(fr).notes {
				if lb.kind != "observation" {
					continue
				}
				placed++
				for _, b := range bars {
					if lb.box().overlaps(b) {
						t.Errorf("%s, %s frame: the label %q %v overlaps the bar %v", tc.name, fr.name, lb.text, lb.box(), b)
					}
				}
			}
			if placed == 0 {
				t.Errorf("%s, %s frame: no label placed", tc.name, fr.name)
			}
		}
	}
}

// TestLongSeriesProjectionLine checks that a projection chart of more
// than maxMarkers observations draws them as a line, in the static chart,
// the live one and the legend alike, where 312 monthly readings drawn as
// dots 9 units wide ran together into a ribbon on a phone; fewer are
// still dots.
func TestLongSeriesProjectionLine(t *testing.T) {
	for _, n := range []int{maxMarkers, maxMarkers + 1} {
		var src strings.Builder
		src.WriteString("co2:\n  unit: ppm\n  series:\n")
		for i := range n {
			fmt.Fprintf(&src, "    - {date: %s, value: %g}\n", day("2000-01-01").AddDate(0, i, 0).Format(time.DateOnly), 340+float64(i)/4)
		}
		src.WriteString("  projection: {rate: 3, per: year, limit: 400}\n")
		b := parseBlock(t, src.String())
		f, err := RenderBlocks([]*data.Block{b}, Spec{Type: TypeProjection}, "c")
		if err != nil {
			t.Fatal(err)
		}
		line := n > maxMarkers
		if got := bytes.Contains(f.SVG, []byte(`<polyline class="plc-line"`)); got != line {
			t.Errorf("%d observations: a line in the SVG is %v; want %v", n, got, line)
		}
		if got := bytes.Count(f.SVG, []byte(`class="plc-obs`)) > 0; got == line {
			t.Errorf("%d observations: dots in the SVG are %v; want %v", n, got, !line)
		}
		want := "scatter"
		if line {
			want = "line"
		}
		if s := seriesByID(t, decodeOption(t, f.Option))[idObserved]; dig(s, "type") != want {
			t.Errorf("%d observations: the live chart's observed series is %v; want %s", n, dig(s, "type"), want)
		}
	}
}

// TestLongSeriesMarksLabels checks that a series of more than maxMarkers
// observations, drawn as a line without its markers, still marks each
// observation where a label's run starts, in the static chart and the
// live one, on a projection chart and a line chart: its label stood
// beside an unmarked stretch of line.
func TestLongSeriesMarksLabels(t *testing.T) {
	const n = maxMarkers + 20
	var src strings.Builder
	src.WriteString("co2:\n  unit: ppm\n  series:\n")
	for i := range n {
		label := ""
		switch i {
		case 30, 31:
			label = ", label: Volcano" // one run: one mark
		case 70:
			label = ", label: New sensor"
		}
		fmt.Fprintf(&src, "    - {date: %s, value: %g%s}\n", day("2000-01-01").AddDate(0, i, 0).Format(time.DateOnly), 340+float64(i)/4, label)
	}
	src.WriteString("  projection: {rate: 3, per: year, limit: 400}\n")
	b := parseBlock(t, src.String())
	for _, kind := range []string{TypeProjection, TypeLine} {
		f, err := RenderBlocks([]*data.Block{b}, Spec{Type: kind}, "c")
		if err != nil {
			t.Fatal(err)
		}
		for _, svg := range [][]byte{f.SVG, f.SVGNarrow} {
			if !bytes.Contains(svg, []byte(`<polyline class="plc-line"`)) {
				t.Fatalf("%s chart: no line drawn", kind)
			}
			marks := regexp.MustCompile(`class="plc-obs"[^>]*><title>([^<]*)</title>`).FindAllSubmatch(svg, -1)
			var got []string
			for _, m := range marks {
				got = append(got, string(m[1]))
			}
			if want := []string{"1 Jul 2002: 347.5 ppm (Volcano)", "1 Nov 2005: 357.5 ppm (New sensor)"}; !slices.Equal(got, want) {
				t.Errorf("%s chart: static markers %q; want %q", kind, got, want)
			}
			if c := bytes.Count(svg, []byte(`class="plc-obs"`)); c != 2 {
				t.Errorf("%s chart: %d static markers; want 2", kind, c)
			}
		}
		s := seriesByID(t, decodeOption(t, f.Option))[idObserved]
		var got []any
		if pts, ok := dig(s, "markPoint", "data").([]any); ok {
			for _, p := range pts {
				got = append(got, dig(p, "coord"))
			}
		}
		if want := fmt.Sprint([]any{[]any{"2002-07-01", 347.5}, []any{"2005-11-01", 357.5}}); fmt.Sprint(got) != want {
			t.Errorf("%s chart: live marks at %v; want %s", kind, got, want)
		}
	}
}
