package chart

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/locale"
)

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{92, "92"},
		{92.26, "92.3"},
		{0.456, "0.456"},
		{0.04561, "0.0456"},
		{0.0000000387, "0.0000000387"},
		{999.6, "1,000"},
		{99.96, "100"},
		{12000, "12,000"},
		{-1234567.8, "-1,234,568"},
		{-0.001, "-0.001"},
		{-1e-22, "0"},
		// Halves round away from zero, as the prose's formats round
		// them, and as the number is written: 2.675 is not the binary
		// 2.67499… here.
		{100.5, "101"},
		{101.5, "102"},
		{-2.225, "-2.23"},
		{0.1245, "0.125"},
		{2.675, "2.68"},
		{0.2855, "0.286"},
		{1e18, "1,000,000,000,000,000,000"},
	}
	for _, tt := range tests {
		if got := formatNumber(nil, tt.in, 0); got != tt.want {
			t.Errorf("formatNumber(%v) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestTickLabels checks that a value tick carries the decimals its axis's
// step needs: ticks 0.025 apart read 0.1 and 0.125, not 0.1 and 0.13.
func TestTickLabels(t *testing.T) {
	tests := []struct {
		v, step float64
		want    string
	}{
		{0.125, 0.025, "0.125"},
		{0.1, 0.025, "0.1"},
		{1.25, 0.25, "1.25"},
		{102.5, 2.5, "102.5"},
		{1250, 250, "1,250"},
		{0.000003, 0.000001, "0.000003"},
		{3 * 0.1, 0.1, "0.3"},
		{-7.5, 2.5, "-7.5"},
		{2e6, 5e5, "2,000,000"},
	}
	for _, tt := range tests {
		if got := string(appendTick(nil, nil, tt.v, tt.step)); got != tt.want {
			t.Errorf("appendTick(%v, step %v) = %q; want %q", tt.v, tt.step, got, tt.want)
		}
	}
	// The axis niceScale makes for values up to 0.12 has such steps.
	a := niceScale(0, 0.12, 5)
	var labels []string
	for _, v := range a.Ticks() {
		labels = append(labels, yTickLabel(nil, v, a))
	}
	if got, want := strings.Join(labels, " "), "0 0.025 0.05 0.075 0.1 0.125"; got != want {
		t.Errorf("the ticks of an axis to 0.12 read %q; want %q", got, want)
	}
}

// TestTicksInMillions checks the value axis of large numbers: in English
// its ticks are written in millions, billions or trillions, as a
// newsroom's chart writes them and as the prose's "about 130 million"
// reads, so that a phone's axis is not half taken by 130,000,000; in a
// language whose short words plotline lacks, and where the step would
// need more than two decimals in the scale, every digit is written.
func TestTicksInMillions(t *testing.T) {
	tests := []struct {
		lang           string
		min, max, step float64
		want           string
	}{
		{"en", 80e6, 130e6, 10e6, "80m 90m 100m 110m 120m 130m"},
		{"en-GB", 0, 2.5e6, 5e5, "0 0.5m 1m 1.5m 2m 2.5m"},
		{"en-US", 0, 8e9, 2e9, "0 2bn 4bn 6bn 8bn"},
		{"en", -2e12, 4e12, 2e12, "-2tn 0 2tn 4tn"},
		// Two billion apart, the ticks read in billions, not in
		// trillions with three decimals.
		{"en", 1234e9, 1240e9, 2e9, "1,234bn 1,236bn 1,238bn 1,240bn"},
		// Below a million, and ticks a thousand apart, every digit.
		{"en", 0, 900000, 300000, "0 300,000 600,000 900,000"},
		{"en", 1000000, 1003000, 1000, "1,000,000 1,001,000 1,002,000 1,003,000"},
		// Other languages, and India's English, take CLDR's short words,
		// the digits grouped from five on.
		{"de", 80e6, 100e6, 10e6, "80\u00a0Mio. 90\u00a0Mio. 100\u00a0Mio."},
		{"de", 0, 2.5e6, 5e5, "0 0,5\u00a0Mio. 1\u00a0Mio. 1,5\u00a0Mio. 2\u00a0Mio. 2,5\u00a0Mio."},
		{"ru", 0, 3e9, 1e9, "0 1\u00a0млрд 2\u00a0млрд 3\u00a0млрд"},
		{"en-IN", 0, 20e6, 10e6, "0 1Cr 2Cr"},
		{"ja", 0, 20e6, 10e6, "0 1000万 2000万"},
		{"ar-EG", 0, 2e6, 1e6, "٠ ١\u00a0مليون ٢\u00a0مليون"},
		// Below a million, every digit.
		{"de", 0, 900000, 300000, "0 300.000 600.000 900.000"},
	}
	// The value axis of a block counted in millions already keeps its
	// digits: 2.5m under "million dollars" would read as 2.5 million
	// million.
	b := parseBlock(t, "debt:\n  unit: million dollars\n  series: [{date: 2024-01-01, value: 1500000}, {date: 2025-01-01, value: 2500000}]\n")
	f, err := renderOne(b, Spec{Type: TypeLine}, "c")
	if err != nil {
		t.Fatal(err)
	}
	if svg := string(f.SVG); !strings.Contains(svg, ">2,600,000</text>") || strings.Contains(svg, ">2.6m</text>") {
		t.Errorf("the axis of a block in million dollars does not read 2,600,000:\n%s", svg)
	}
	for _, tt := range tests {
		a := axisScale{Min: tt.min, Max: tt.max, Step: tt.step}
		var labels []string
		for _, v := range a.Ticks() {
			labels = append(labels, yTickLabel(locale.New(tt.lang), v, a))
		}
		if got := strings.Join(labels, " "); got != tt.want {
			t.Errorf("%s: the ticks from %v to %v, %v apart, read %q; want %q", tt.lang, tt.min, tt.max, tt.step, got, tt.want)
		}
	}
}

// hasPaddedCell reports whether html holds a number cell showing want, a
// number as loc writes it in the prose, with zeros after its last decimal
// up to its column's decimals: 3.5 as 3.50, 996 as 996.00.
func hasPaddedCell(html, want string, loc *locale.Locale) bool {
	n := loc.Numbers()
	zeros := regexp.QuoteMeta(string(n.Zero)) + "*"
	pad := zeros
	if !strings.Contains(want, n.Decimal) {
		pad = "(?:" + regexp.QuoteMeta(n.Decimal) + regexp.QuoteMeta(string(n.Zero)) + "+)?"
	}
	return regexp.MustCompile(`<td class="num">` + regexp.QuoteMeta(want) + pad + `</td>`).MatchString(html)
}

// TestNumbersAgreeWithProse draws a chart of observations written with
// more decimals than the chart's own rounding keeps, and of halves, and
// checks that its table, drawing and summary write each observation and
// the limit as {{ }} writes them in the prose, a price written 3.50 with
// its two decimals; the table with zeros after them to its column's
// decimals.
func TestNumbersAgreeWithProse(t *testing.T) {
	values := []float64{2.25, 12000.5, 0.0049, 0.125, 3.5}
	places := []int{0, 0, 0, 0, 2}
	var series []data.Point
	for i, v := range values {
		series = append(series, data.Point{Date: time.Date(2025, 1, 1+i, 0, 0, 0, 0, time.UTC), Value: v, Places: places[i]})
	}
	b := &data.Block{Name: "rate", Series: series}
	fig, err := RenderBlocks([]*data.Block{b}, Spec{}, "t")
	if err != nil {
		t.Fatal(err)
	}
	v := fig.View(Links{})
	page := string(v.SVG) + string(v.SVGNarrow) + string(v.Tables) + v.Summary
	for i, v := range values {
		want := data.WrittenNumber(v, places[i])
		if !hasPaddedCell(string(fig.View(Links{}).Tables), want, nil) {
			t.Errorf("the table does not show %v as the prose does (%s), with zeros to its column's decimals", v, want)
		}
		if !strings.Contains(page, ": "+want+"</title>") && !strings.Contains(page, ": "+want+" ") && !strings.Contains(page, ": "+want+"<") {
			t.Errorf("the drawing does not show %v as the prose does (%s)", v, want)
		}
	}
	if !strings.Contains(page, "latest 3.50 on") {
		t.Errorf("the summary does not give the latest observation as written:\n%s", page)
	}
}

// TestZeroAsWritten checks that an observation of zero written with
// decimals, 0.00 among 1.25 and 0.50, is shown with them everywhere, as
// the prose and the tooltip show it, and without a sign in the CSV.
func TestZeroAsWritten(t *testing.T) {
	b := &data.Block{Name: "rate", Series: []data.Point{
		{Date: day("2025-01-01"), Value: 1.25},
		{Date: day("2025-01-02"), Value: 0, Places: 2},
		{Date: day("2025-01-03"), Value: math.Copysign(0, -1), Places: 2},
		{Date: day("2025-01-04"), Value: 0.5, Places: 2},
	}}
	fig, err := RenderBlocks([]*data.Block{b}, Spec{}, "t")
	if err != nil {
		t.Fatal(err)
	}
	v := fig.View(Links{})
	if got := strings.Count(string(v.Tables), `<td class="num">0.00</td>`); got != 2 {
		t.Errorf("the table shows 0.00 %d times; want 2:\n%s", got, v.Tables)
	}
	if !strings.Contains(v.Summary, "ranging from 0.00 to 1.25") {
		t.Errorf("the summary does not give the least observation as written: %s", v.Summary)
	}
	csv := string(fig.CSV)
	if !strings.Contains(csv, "\n2025-01-02,0.00,") || !strings.Contains(csv, "\n2025-01-03,0.00,") {
		t.Errorf("the CSV does not hold 0.00 as written:\n%s", csv)
	}
}

// TestStartLastAsWritten checks that a projection from the latest
// observation, written 3000.50, starts at 3,000.50 in the table, the
// summary, the CSV and the live chart's tooltip data, as the observation
// does there.
func TestStartLastAsWritten(t *testing.T) {
	b := parseBlock(t, "p:\n  series: [{date: 2025-01-06, value: 2000}, {date: 2025-01-13, value: 3000.50}]\n  projection: {rate: 10, limit: 3100}\n")
	f, err := renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	v := f.View(Links{})
	if got := strings.Count(string(v.Tables), `<td class="num">3,000.50</td>`); got != 2 {
		t.Errorf("the tables show 3,000.50 %d times; want 2, the observation and the projection's start:\n%s", got, v.Tables)
	}
	if !strings.Contains(v.Summary, ": 3,000.50 on 13 January 2025") {
		t.Errorf("the summary does not start the projection at 3,000.50: %s", v.Summary)
	}
	if !strings.Contains(string(f.CSV), "\n2025-01-13,,,,3000.50,") {
		t.Errorf("the CSV does not start the projection at 3000.50:\n%s", f.CSV)
	}
	start := dig(seriesByID(t, decodeOption(t, f.Option))[idCentral]["data"], 0)
	if m, _ := start.(map[string]any); m["places"] != float64(2) {
		t.Errorf("the live chart's central start is %v; want places 2, as the observation", start)
	}
}

func TestNiceScale(t *testing.T) {
	tests := []struct {
		lo, hi float64
		want   axisScale
	}{
		{0, 19360, axisScale{Min: 0, Max: 20000, Step: 5000}},
		{0, 3800, axisScale{Min: 0, Max: 4000, Step: 1000}},
		{-30, 70, axisScale{Min: -40, Max: 80, Step: 20}},
		{0, 5, axisScale{Min: 0, Max: 5, Step: 1}},
		{950, 1040.22, axisScale{Min: 940, Max: 1060, Step: 20}},
		{-1040.22, -950, axisScale{Min: -1060, Max: -940, Step: 20}},
	}
	for _, tt := range tests {
		if got := niceScale(tt.lo, tt.hi, 5); got != tt.want {
			t.Errorf("niceScale(%v, %v) = %+v; want %+v", tt.lo, tt.hi, got, tt.want)
		}
	}
}

func TestDateTicks(t *testing.T) {
	labels := func(ts []dateTick) []string {
		var out []string
		for _, t := range ts {
			out = append(out, t.Label)
		}
		return out
	}
	tests := []struct {
		from, to string
		want     []string
	}{
		{"2024-12-05", "2025-06-01", []string{"Jan 2025", "Feb", "Mar", "Apr", "May", "Jun"}},
		{"2025-01-02", "2025-01-17", []string{"2 Jan 2025", "4 Jan", "6 Jan", "8 Jan", "10 Jan", "12 Jan", "14 Jan", "16 Jan"}},
		{"2019-03-01", "2031-01-01", []string{"2020", "2022", "2024", "2026", "2028", "2030"}},
	}
	for _, tt := range tests {
		b := &data.Block{Name: "x", Series: []data.Point{{Date: day(tt.from), Value: 1}, {Date: day(tt.to), Value: 2}}}
		m, err := newModel([]*data.Block{b}, nil, TypeLine, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range frames(DefaultHeight) {
			l := m.layout(f)
			if !ticksFit(&l.c, l.xLabels) || len(l.xLabels) < 2 {
				t.Errorf("%s frame, %s to %s: labels %q overlap or are too few", f.name, tt.from, tt.to, labels(l.xLabels))
			}
			if f.name != "wide" {
				continue
			}
			if diff := cmp.Diff(tt.want, labels(l.xLabels)); diff != "" {
				t.Errorf("wide frame, %s to %s (-want +got):\n%s", tt.from, tt.to, diff)
			}
		}
	}
}

// TestDateTicksAtEnds checks that a time axis that starts or ends on a
// date of its step labels that date, kept inside the frame by standing
// from or up to its tick, in the static chart and the live one alike:
// 1 January 2025 at the end of a year of data was left unlabelled, as a
// label centred on it would run out of the frame.
func TestDateTicksAtEnds(t *testing.T) {
	tests := []struct {
		from, to, frame string
		want            []string
	}{
		{"2024-01-01", "2025-01-01", "wide", []string{"Jan 2024", "Mar", "May", "Jul", "Sep", "Nov", "Jan 2025|end"}},
		{"2024-01-01", "2025-01-01", "narrow", []string{"Jan 2024", "Jul", "Jan 2025|end"}},
		{"2023-01-01", "2025-01-01", "narrow", []string{"2023", "2024", "2025|end"}},
		{"1995-01-01", "2025-01-01", "wide", []string{"1995", "2000", "2005", "2010", "2015", "2020", "2025|end"}},
		{"2024-12-01", "2025-03-01", "narrow", []string{"Dec 2024|start", "Jan 2025", "Feb", "Mar"}},
		{"2025-03-01", "2025-03-11", "wide", []string{"1 Mar 2025|start", "3 Mar", "5 Mar", "7 Mar", "9 Mar", "11 Mar|end"}},
		// An end that is no date of the step is no tick: nothing to say.
		{"2024-12-01", "2025-03-01", "wide", []string{"9 Dec 2024", "23 Dec", "6 Jan 2025", "20 Jan", "3 Feb", "17 Feb"}},
	}
	for _, tt := range tests {
		b := &data.Block{Name: "x", Series: []data.Point{{Date: day(tt.from), Value: 10}, {Date: day(tt.to), Value: 17}}}
		m, err := newModel([]*data.Block{b}, nil, TypeLine, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range frames(DefaultHeight) {
			if f.name != tt.frame {
				continue
			}
			l := m.layout(f)
			got := tickLabels(l.xLabels)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s frame, %s to %s (-want +got):\n%s", f.name, tt.from, tt.to, diff)
			}
			if !ticksFit(&l.c, l.xLabels) {
				t.Errorf("%s frame, %s to %s: labels %q overlap", f.name, tt.from, tt.to, got)
			}
			for _, d := range l.xLabels {
				if x0, x1 := d.span(&l.c); x0 < 0 || x1 > f.w {
					t.Errorf("%s frame, %s to %s: label %q runs from %.1f to %.1f, out of the frame", f.name, tt.from, tt.to, d.Label, x0, x1)
				}
			}
			// The live chart aligns its first and last labels alike.
			xl := m.frameOption(l).Option.XAxis[0].AxisLabel
			first, last := l.xLabels[0].Anchor, l.xLabels[len(l.xLabels)-1].Anchor
			if (xl.AlignMinLabel == "left") != (first == "start") || (xl.AlignMaxLabel == "right") != (last == "end") {
				t.Errorf("%s frame, %s to %s: option aligns the first label %q and the last %q; want them as the layout's %q and %q",
					f.name, tt.from, tt.to, xl.AlignMinLabel, xl.AlignMaxLabel, first, last)
			}
			if last == "end" && (xl.ShowMaxLabel == nil || !*xl.ShowMaxLabel) {
				t.Errorf("%s frame, %s to %s: option does not show its aligned last label", f.name, tt.from, tt.to)
			}
		}
	}
}

// TestISODate checks the hand-written date digits against time.Format,
// across the years where it writes them itself and past them.
func TestISODate(t *testing.T) {
	for _, y := range []int{-1, 0, 1, 9, 99, 999, 1969, 2025, 9999, 10000} {
		for _, md := range [][2]int{{1, 1}, {2, 28}, {12, 31}, {7, 4}} {
			d := time.Date(y, time.Month(md[0]), md[1], 0, 0, 0, 0, time.UTC)
			if got, want := isoDate(d), d.Format(time.DateOnly); got != want {
				t.Errorf("isoDate(%v) = %q; want %q", d, got, want)
			}
			// An observation's time of day follows.
			d = d.Add(13*time.Hour + 5*time.Minute)
			if got, want := isoDate(d), d.Format("2006-01-02T15:04"); got != want {
				t.Errorf("isoDate(%v) = %q; want %q", d, got, want)
			}
		}
	}
}

// TestBreakpointInCSS checks that the theme's style sheet switches to the
// narrow frame where the layout expects it to.
func TestBreakpointInCSS(t *testing.T) {
	css, err := os.ReadFile(filepath.Join("..", "..", "theme", "css", "plotline.css"))
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("@container chart (max-width: %d.98px)", breakpoint-1)
	if !strings.Contains(string(css), want) {
		t.Errorf("theme/css/plotline.css lacks %q: the narrow frame must start below %d pixels", want, breakpoint)
	}
}

// TestTableCalendarSteps checks that the projected table and the CSV of a
// long exponential projection give its value on each row's date, as the
// README counts it: 5% a month down from 10,000 on 1 January is 9,500 on
// 1 February and 9,025 on 1 March, however far the curve runs (past
// 400 days its drawing samples evenly spaced days, between which a row
// falls).
func TestTableCalendarSteps(t *testing.T) {
	b := parseBlock(t, "res:\n  projection: {start: {date: 2025-01-01, value: 10000}, model: exponential, per: month, rate: -5, low: -7.5, high: -2.5, limit: 5000}\n")
	f, err := renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][3]float64{ // central, low, high
		"2025-02-01": {9500, 9250, 9750},
		"2025-03-01": {9025, 8556.25, 9506.25},
		"2026-01-01": {10000 * math.Pow(0.95, 12), 10000 * math.Pow(0.925, 12), 10000 * math.Pow(0.975, 12)},
	}
	for _, r := range f.table.rows {
		w, ok := want[isoDate(r.Date)]
		if !ok {
			continue
		}
		delete(want, isoDate(r.Date))
		for i, got := range []float64{r.Central, r.Low, r.High} {
			if math.Abs(got-w[i]) > 1e-9*w[i] {
				t.Errorf("table row %s, column %d: %v; want %v", isoDate(r.Date), i, got, w[i])
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("the table has no rows for %v", want)
	}
	csv := string(f.CSV)
	for _, row := range []string{"\n2025-02-01,,,,9500,9250,9750,\n", "\n2025-03-01,,,,9025,8556.25,9506.25,\n"} {
		if !strings.Contains(csv, row) {
			t.Errorf("the CSV has no row %q:\n%s", strings.TrimSpace(row), csv[:min(len(csv), 400)])
		}
	}
	if page := string(f.View(Links{}).Tables); !strings.Contains(page, `<td class="num">9,500</td><td class="num">9,250</td><td class="num">9,750</td>`) {
		t.Errorf("the table does not show 9,500, 9,250 and 9,750 on 1 February:\n%s", page[:min(len(page), 1500)])
	}
}

// TestTableMonthEnds checks that a table of monthly rows from the end of
// a month steps as the projection does, 31 January, 28 February, 31
// March, and leaves no month out (time.AddDate went from 31 January to
// 3 March, and from 29 February 2024 to 1 March 2025), each row on one
// of the projection's steps.
func TestTableMonthEnds(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want []string
	}{
		{"res:\n  projection: {start: {date: 2025-01-31, value: 0}, per: month, rate: 100, until: 2026-03-31}\n",
			[]string{"2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31", "2025-06-30", "2025-07-31", "2025-08-31",
				"2025-09-30", "2025-10-31", "2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31"}},
		{"res:\n  projection: {start: {date: 2024-02-29, value: 0}, per: month, rate: 100, until: 2025-04-29}\n",
			[]string{"2024-02-29", "2024-03-29", "2024-04-29", "2024-05-29", "2024-06-29", "2024-07-29", "2024-08-29", "2024-09-29",
				"2024-10-29", "2024-11-29", "2024-12-29", "2025-01-29", "2025-02-28", "2025-03-29", "2025-04-29"}},
	} {
		b := parseBlock(t, tt.src)
		f, err := renderOne(b, Spec{}, "c")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for i, r := range f.table.rows {
			got = append(got, isoDate(r.Date))
			if want := float64(100 * i); r.Central != want {
				t.Errorf("row %s: %v; want %v, the projection's step %d", isoDate(r.Date), r.Central, want, i)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: table dates (-want +got):\n%s", tt.src, diff)
		}
	}
}

// TestLargeComputedNumbers checks that a projected number in the millions
// and more keeps every whole digit in the CSV and the live chart's data,
// as the table shows it and {{ }} writes it: 1,240,790,112,339 on the
// last day, not 1,240,790,000,000.
func TestLargeComputedNumbers(t *testing.T) {
	b := parseBlock(t, "debt:\n  unit: dollars\n  series: [{date: 2025-01-01, value: 1234567890123}]\n  projection: {rate: 98765432, low: 98765431, high: 98765433, limit: 1240000000000, until: 2025-03-05}\n")
	f, err := renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	const last = 1234567890123 + 63*98765432 // 1,240,790,112,339 on 5 March
	if got := b.Projection.Central.Curve[len(b.Projection.Central.Curve)-1].Value; got != last {
		t.Fatalf("the projection ends at %v; want %v", got, float64(last))
	}
	if page := string(f.View(Links{}).Tables); !strings.Contains(page, `<td class="num">1,240,790,112,339</td>`) {
		t.Errorf("the table does not show 1,240,790,112,339 on the last day")
	}
	if want := "\n2025-03-05,,,,1240790112339,1240790112276,1240790112402,\n"; !strings.Contains(string(f.CSV), want) {
		t.Errorf("the CSV has no row %q:\n%s", strings.TrimSpace(want), f.CSV)
	}
	series := seriesByID(t, decodeOption(t, f.Option))
	lastValue := func(id string) float64 {
		data, _ := series[id]["data"].([]any)
		v, _ := dig(data, len(data)-1, "value", 1).(float64)
		return v
	}
	if got := lastValue(idCentral); got != last {
		t.Errorf("the live chart's central line ends at %v; want %v", got, float64(last))
	}
	if lo, w := lastValue(idLow), lastValue(idBand); lo != 1240790112276 || lo+w != 1240790112402 {
		t.Errorf("the live chart's band ends at %v to %v; want 1240790112276 to 1240790112402", lo, lo+w)
	}
}

// TestStartAsWritten checks the projection's start, the last observation
// with start: last: the projected table, the CSV and the live chart's
// projected lines give it as the writer wrote it, 800.5, as the observed
// table and the summary do, not as a computed number of that size (801).
func TestStartAsWritten(t *testing.T) {
	b := parseBlock(t, "res:\n  series: [{date: 2025-02-01, value: 850}, {date: 2025-03-01, value: 800.5}]\n  projection: {rate: -12.5, per: week, low: -15, high: -5, limit: 100}\n")
	f, err := renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	tables := string(f.View(Links{}).Tables)
	if want := `<time datetime="2025-03-01">1 Mar 2025</time></th><td class="num">800.5</td><td class="num">800.5</td><td class="num">800.5</td>`; !strings.Contains(tables, want) {
		t.Errorf("the projected table's first row does not give the start as written:\n%s", tables[:min(len(tables), 1200)])
	}
	if want := "\n2025-03-01,,,,800.5,800.5,800.5,\n"; !strings.Contains(string(f.CSV), want) {
		t.Errorf("the CSV has no row %q", strings.TrimSpace(want))
	}
	if !strings.Contains(f.Summary, "800.5 on 1 March 2025") {
		t.Errorf("summary %q does not start the projection at 800.5", f.Summary)
	}
	series := seriesByID(t, decodeOption(t, f.Option))
	for _, id := range []string{idCentral, idLow} {
		if got := dig(series[id], "data", 0); !equalJSON(got, map[string]any{"value": []any{"2025-03-01", 800.5}, "written": true}) {
			t.Errorf("the %s line starts with %v; want the start value, marked as written", id, got)
		}
	}
	if got := dig(series[idBand], "data", 0, "written"); got != nil {
		t.Errorf("the band's width on the start is marked written: %v", got)
	}
}

// TestBoundAsWritten checks a projection that stops at its floor, 895.50
// feet as the writer wrote it: the summary names it so, and the table,
// the CSV, the live chart's lines (the low one, and the band's upper edge
// where the high one is there too) and {{ lake.value_at_until }} give a
// value there as the floor, not as a computed number of that size, which
// was 896 in the table and the prose and 895.5 in the CSV.
func TestBoundAsWritten(t *testing.T) {
	b := parseBlock(t, "lake:\n  unit: feet\n  series: [{date: 2025-01-01, value: 1040.8}, {date: 2025-02-01, value: 1030.2}]\n"+
		"  projection: {rate: -10, per: month, limit: 900, low: -15, high: -8, floor: 895.50, until: 2027-01-01}\n")
	f, err := renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(f.Summary, "no lower than 895.50 feet") {
		t.Errorf("summary %q does not name the floor as written", f.Summary)
	}
	v, err := b.Field("value_at_until")
	if err != nil || v.String() != "895.50" {
		t.Errorf("{{ lake.value_at_until }} = %q, %v; want 895.50", v.String(), err)
	}
	tables := string(f.View(Links{}).Tables)
	if want := `<time datetime="2027-01-01">1 Jan 2027</time></th><td class="num">895.50</td><td class="num">895.50</td><td class="num">895.50</td>`; !strings.Contains(tables, want) {
		t.Errorf("the projected table's row of until does not give the floor as written:\n%s", tables)
	}
	if want := "\n2027-01-01,,,,895.50,895.50,895.50,\n"; !strings.Contains(string(f.CSV), want) {
		t.Errorf("the CSV has no row %q:\n%s", strings.TrimSpace(want), f.CSV)
	}
	series := seriesByID(t, decodeOption(t, f.Option))
	last := func(id string) any {
		pts, _ := series[id]["data"].([]any)
		return pts[len(pts)-1]
	}
	if got := last(idCentral); !equalJSON(got, map[string]any{"value": []any{"2027-01-01", 895.5}, "places": 2.0, "written": true}) {
		t.Errorf("the central line ends with %v; want the floor, marked as written", got)
	}
	if got := dig(last(idLow), "written"); got != true {
		t.Errorf("the low line ends with %v; want the floor, marked as written", last(idLow))
	}

	// A share rising to its ceiling of 99.0, the high scenario first:
	// the band's upper edge there is the ceiling as written, which the
	// tooltip reads from the band's point.
	b = parseBlock(t, "share:\n  series: [{date: 2025-01-01, value: 90}]\n"+
		"  projection: {rate: 1, per: month, limit: 95, low: 0.5, high: 2, ceiling: 99.0, until: 2026-01-01}\n")
	if f, err = renderOne(b, Spec{}, "c"); err != nil {
		t.Fatal(err)
	}
	series = seriesByID(t, decodeOption(t, f.Option))
	if got := last(idBand); dig(got, "written") != true || dig(got, "places") != 1.0 {
		t.Errorf("the band ends with %v; want its width marked as ending on the ceiling, written with 1 decimal", got)
	}
}

// TestComputedNumbersAgreeWithProse checks that the chart writes a
// computed number (a projected value in the table and the tooltip) as
// {{ }} writes it: whole from 100 up, so that {{ b.value_at_until }} of
// 4,705.5 is the table's 4,706, and three significant figures below,
// however small, down to 10⁻²⁰.
func TestComputedNumbersAgreeWithProse(t *testing.T) {
	for _, v := range []float64{-33198.94, 4705.5, 99.96, 92.26, 10.5625, 3.456, 0.456, 0.0526, 0.00012345, 1.2345e-9, 2.0046e-11, -3.14159e-15, 1e-12, 4e-21} {
		prose := data.Value{Kind: data.Number, Num: v}.String()
		if got := formatNumber(nil, v, 0); got != prose {
			t.Errorf("the chart writes %g as %q, the prose as %q", v, got, prose)
		}
	}
}

// TestTinyValuesAxis checks that values of the order of 10⁻¹¹ get a value
// axis of their own size, labelled as the table and the prose write them,
// not the axis from 0 to 1 that values all zero get.
func TestTinyValuesAxis(t *testing.T) {
	b := parseBlock(t, "t:\n  unit: grams\n  series: [{date: 2025-01-06, value: 0.000000000012}, {date: 2025-01-13, value: 0.0000000000125}]\n  projection: {rate: 0.0000000000003, limit: 0.00000000002}\n")
	f, err := renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	y := f.model.y
	if y.Max < 2e-11 || y.Max > 5e-11 || y.Step > 1e-11 {
		t.Errorf("value axis %+v; want one from 0 to a little over 2e-11", y)
	}
	svg := string(f.SVG)
	for _, want := range []string{`text-anchor="end">0.00000000002</text>`, "0.00000000002 grams"} {
		if !strings.Contains(svg, want) {
			t.Errorf("the static chart does not say %s", want)
		}
	}
	if got := dig(decodeOption(t, f.Option), "yAxis", 0, "max"); got != y.Max {
		t.Errorf("the live chart's value axis ends at %v; want %v", got, y.Max)
	}
	if got := niceScale(0, 0, 5); got != (axisScale{Min: 0, Max: 1, Step: 0.2}) {
		t.Errorf("niceScale(0, 0) = %+v; want the axis from 0 to 1", got)
	}
}

// TestKeptRoundsAsExact checks that a computed number as the option and
// the CSV keep it rounds, as the tooltip rounds it, to what the table
// writes of the number itself: 12,000.4655, kept to six figures, would be
// 12,000.5, which rounds to 12,001.
func TestKeptRoundsAsExact(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	values := []float64{12000.4655, 1234.4951, 99.94999, 0.0123449, -12000.4655, 22.299999999999997}
	for range 100000 {
		values = append(values, (r.Float64()-0.3)*math.Pow(10, float64(r.IntN(16)-6)))
	}
	for _, v := range values {
		k := keepComputed(v, 0)
		if got, want := formatNumber(nil, k, 0), formatNumber(nil, v, 0); got != want {
			t.Errorf("%v is kept as %v, which is written %s; the table writes %s", v, k, got, want)
		}
	}
	if k := keepComputed(22.299999999999997, 0); k != 22.3 {
		t.Errorf("22.299999999999997 is kept as %v; want 22.3, without the binary noise", k)
	}
	// A half but for binary noise: every rounding of its decimal form
	// lands on the half, which the table would write otherwise. The sums
	// are made at run time, in binary, as a projection makes them.
	sum := func(a, b float64) float64 { return a + b }
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{sum(4.3, 0.015), "4.31499"},   // 4.3149999999999995, 4.31 in the table
		{-sum(4.3, 0.015), "-4.31499"}, // and below zero
		{sum(4.2, 0.105), "4.305"},     // 4.305000000000001, 4.31 in the table, as 4.305 is
		{12000.4655, "12000.47"},       // a half only at six figures: one more will do
	} {
		if got := plainNumber(keepComputed(tc.v, 0)); got != tc.want {
			t.Errorf("%v is kept as %s; want %s, the shortest decimal written as the table writes %s", tc.v, got, tc.want, formatNumber(nil, tc.v, 0))
		}
	}
}

// TestCSVShortestComputed checks that a projected value which is a half
// but for binary noise, 4.3 + 0.015 a day after one day, is written in
// the CSV as the shortest decimal the table's rounding reads as the
// table writes it (4.31499, which rounds to 4.31), not as the
// seventeen digits of its binary value, 4.3149999999999995.
func TestCSVShortestComputed(t *testing.T) {
	b := parseBlock(t, "level:\n  unit: metres\n  projection: {start: {date: 2025-01-01, value: 4.3}, rate: 0.015, per: day, until: 2025-01-02}\n")
	f, err := renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	if want := "\n2025-01-02,,,,4.31499,,,\n"; !strings.Contains(string(f.CSV), want) {
		t.Errorf("CSV lacks the row %q:\n%s", strings.TrimSpace(want), f.CSV)
	}
	var html bytes.Buffer
	if err := writeHTML(&html, f, ""); err != nil {
		t.Fatal(err)
	}
	if want := `<time datetime="2025-01-02">2 Jan 2025</time></th><td class="num">4.31</td>`; !strings.Contains(html.String(), want) {
		t.Errorf("table lacks %s", want)
	}
}

// TestBandRoundsAsTable checks the tooltip's range against the table's
// Low and High: the page script adds the band's width to its lower edge,
// and the sum must round as the table rounds the upper edge (a width
// kept to six figures of its own put 354,931.084 at 354,932).
func TestBandRoundsAsTable(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	samples := []sample{{Low: 97788.50031108782, High: 354931.0838077761}, {Low: 5.281491021506433e-05, High: 0.0001175003214658231}}
	for range 100000 {
		mag := math.Pow(10, float64(r.IntN(12)-4))
		lo := (r.Float64() - 0.5) * mag
		samples = append(samples, sample{Low: lo, High: lo + r.Float64()*mag*math.Pow(10, float64(r.IntN(4)-2))})
	}
	for _, s := range samples {
		lower := keepComputed(bandLower(s), 0)
		upper := lower + bandWidth(&data.Projection{}, s) // as the page script adds them
		if got, want := formatNumber(nil, lower, 0), formatNumber(nil, bandLower(s), 0); got != want {
			t.Errorf("band %v–%v: the tooltip's range starts at %s; the table says %s", s.Low, s.High, got, want)
		}
		if got, want := formatNumber(nil, upper, 0), formatNumber(nil, bandUpper(s), 0); got != want {
			t.Errorf("band %v–%v: the tooltip's range ends at %s; the table says %s", s.Low, s.High, got, want)
		}
	}
}

// TestWithZero checks when the value axis reaches zero: always for bars,
// for lines and projections when the values cross zero, stay near it or
// do not vary, and not when they lie far from it.
func TestWithZero(t *testing.T) {
	tests := []struct {
		kind   string
		lo, hi float64
		want   bool
	}{
		{TypeProjection, 0, 12000, true},
		{TypeProjection, 3000, 12000, true},   // zero is a quarter of the axis away
		{TypeLine, 6000, 12000, true},         // at most half
		{TypeLine, 6001, 12000, false},        // more than half
		{TypeProjection, 950, 1040.22, false}, // a reservoir to its floor
		{TypeBar, 950, 1040.22, true},         // a bar's length is its value
		{TypeLine, -30, 70, true},             // across zero
		{TypeLine, -1040, -950, false},        // far below it
		{TypeLine, -1040, -400, true},         // near it, below
		{TypeLine, 1040, 1040, true},          // not varying
		{TypeLine, 1e-12, 2e-12, true},        // next to nothing
	}
	for _, tt := range tests {
		if got := withZero(tt.kind, tt.lo, tt.hi); got != tt.want {
			t.Errorf("withZero(%s, %v, %v) = %v; want %v", tt.kind, tt.lo, tt.hi, got, tt.want)
		}
	}
}

// TestAxisFitsValuesFarFromZero draws a reservoir falling from 1,040 feet
// towards its floor of 950: the value axis of the drawing, the live chart
// and the preview card runs round the values and the floor, not from zero,
// where the whole story would be a flat line along the top of the plot.
func TestAxisFitsValuesFarFromZero(t *testing.T) {
	b := parseBlock(t, "mead:\n  unit: feet\n  series:\n"+
		"    - {date: 2024-10-01, value: 1046.5}\n    - {date: 2024-11-01, value: 1043.1}\n    - {date: 2024-12-01, value: 1040.22}\n"+
		"  projection: {rate: -1.2, per: month, limit: 950}\n")
	f, err := renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	// The values run from 1,046.5 down to 941.0 on the projection's last
	// day, past the floor: steps of 25 from 925 to 1,050.
	if got := f.model.y; got.Min != 925 || got.Max != 1050 {
		t.Errorf("value axis %+v; want 925 to 1050", got)
	}
	yAxis := dig(decodeOption(t, f.Option), "yAxis", 0)
	if m, _ := yAxis.(map[string]any); m["min"] != float64(925) || m["max"] != float64(1050) {
		t.Errorf("the live chart's value axis is %v; want min 925 and max 1050", yAxis)
	}
	if !strings.Contains(string(f.SVG), `data-y-range="925 1050"`) {
		t.Errorf("the drawing's value axis is not 925 to 1050: %s", regexp.MustCompile(`data-y-range="[^"]*"`).Find(f.SVG))
	}
	if p := f.Plot(); p == nil || p.YMin != 925 || p.YMax != 1050 {
		t.Errorf("the preview card's value axis is not 925 to 1050")
	}
}

// TestShortenedTextsKeepNumbersWhole checks that a label shortened to
// fit, an event's above the plot, a legend entry or an observation's
// label beside its point, never ends in part of a number: "56,7…" of
// "56,789 beds" reads as another number, and "30 Jan 202…" as another
// year. The cut falls before such a word instead; a word without digits
// is still cut where the room ends.
func TestShortenedTextsKeepNumbersWhole(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"56,789…", ""},
		{"56,789 beds", "56,789 bed…"},
		{"30 Jan 2025", "30 Jan…"},
		{"Ward C reaches", "Ward C reache…"},
		{"Ward C reache…", "Ward C reach…"},
		{"Ward 12 full", "Ward 12 ful…"},
		{"COVID-19 peak", "COVID-19 pea…"},
		{"Peak of COVID-19", "Peak of…"},
	} {
		if got := shorten(tc.in); got != tc.want {
			t.Errorf("shorten(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
	const legend = "Scenario 12,500 beds"
	if got := fitText(legend, fontSmall, textWidth("Scenario 12,5…", fontSmall)); got != "Scenario…" {
		t.Errorf("fitText(%q) in the room of %q = %q; want %q", legend, "Scenario 12,5…", got, "Scenario…")
	}
	if got := fitText(legend, fontSmall, textWidth("Scenario 12,500 b…", fontSmall)); got != "Scenario 12,500 b…" {
		t.Errorf("fitText(%q) in the room of %q = %q; want it so", legend, "Scenario 12,500 b…", got)
	}
	const label = "Ministry of Health figure, 12,345,678 doses"
	if got, want := clipRunes(label, maxObservationLabel-1), "Ministry of Health figure,…"; got != want {
		t.Errorf("clipRunes(%q, %d) = %q; want %q", label, maxObservationLabel-1, got, want)
	}
}

// TestDateTicksInLanguage checks the date axis in languages whose month
// names are long or whose months of a year are numbers: the labels fit
// both frames, and the months after the first say the month as the first
// does. Lithuanian writes a month of a year "2025-01", and its months
// alone "02", "03", as CLDR has them; they were "vas.", "kov.". Czech
// writes "leden 2025", and then "únor"; it was "úno".
func TestDateTicksInLanguage(t *testing.T) {
	tests := []struct {
		lang, from, to string
		want           []string
	}{
		{"lt", "2024-12-05", "2025-06-01", []string{"2025-01", "02", "03", "04", "05", "06"}},
		{"bg", "2024-12-05", "2025-06-01", []string{"01.2025\u202fг.", "02", "03", "04", "05", "06"}},
		// Czech names the month of a year in full, and so the months
		// after it: "únor", not "úno" beside "leden 2025".
		{"cs", "2024-12-05", "2025-06-01", []string{"leden 2025", "únor", "březen", "duben", "květen", "červen|end"}},
		{"ru", "2024-12-05", "2025-06-01", []string{"янв. 2025\u202fг.", "февр.", "март", "апр.", "май", "июнь|end"}},
		{"pl", "2024-12-05", "2025-06-01", []string{"sty 2025", "lut", "mar", "kwi", "maj", "cze"}},
		{"es", "2024-12-05", "2025-06-01", []string{"ene 2025", "feb", "mar", "abr", "may", "jun"}},
		{"lt", "2025-01-02", "2025-01-17", []string{"2025-01-02|start", "01-06", "01-08", "01-10", "01-12", "01-14", "01-16"}},
	}
	for _, tt := range tests {
		b := &data.Block{Name: "x", Series: []data.Point{{Date: day(tt.from), Value: 1}, {Date: day(tt.to), Value: 2}}}
		m, err := newModel([]*data.Block{b}, nil, TypeLine, nil)
		if err != nil {
			t.Fatal(err)
		}
		m.loc = locale.New(tt.lang)
		for _, f := range frames(DefaultHeight) {
			l := m.layout(f)
			if !ticksFit(&l.c, l.xLabels) || len(l.xLabels) < 2 {
				t.Errorf("%s, %s frame, %s to %s: labels %q overlap or are too few", tt.lang, f.name, tt.from, tt.to, tickLabels(l.xLabels))
			}
			if f.name != "wide" {
				continue
			}
			if diff := cmp.Diff(tt.want, tickLabels(l.xLabels)); diff != "" {
				t.Errorf("%s, wide frame, %s to %s (-want +got):\n%s", tt.lang, tt.from, tt.to, diff)
			}
		}
	}
}

// TestTableColumnsShareDecimals checks that every number of a column of
// the tables is written with the column's decimals, the most any of them
// shows, so that the column lines up on its decimal mark: 1,019.80 under
// 1,020.65, 996.00 under 996.3, where trailing zeros dropped cell by cell
// left 1,019.8 and 996 standing off it; the tooltip and the drawing
// still write each number as the prose does; in German with its decimal
// comma.
func TestTableColumnsShareDecimals(t *testing.T) {
	src := "lake:\n  unit: feet\n  series:\n" +
		"    - {date: 2025-01-06, value: 996}\n" +
		"    - {date: 2025-01-13, value: 996.3}\n" +
		"    - {date: 2025-01-20, value: 1020.65}\n" +
		"  projection: {rate: -0.85, per: week, limit: 1010, low: -1.2, high: -0.5, until: 2025-05-01}\n"
	cell := regexp.MustCompile(`<td class="num">([^<]*)</td>`)
	row := regexp.MustCompile(`(?s)<tr[^>]*>.*?</tr>`)
	table := regexp.MustCompile(`(?s)<table class="([^"]*)">.*?</table>`)
	for _, lang := range []string{"en", "de"} {
		loc := locale.New(lang)
		b := parseBlock(t, src)
		f, err := RenderBlocks([]*data.Block{b}, Spec{Locale: loc}, "c")
		if err != nil {
			t.Fatal(err)
		}
		tables := string(f.View(Links{}).Tables)
		mark := loc.Numbers().Decimal
		for _, tm := range table.FindAllStringSubmatch(tables, -1) {
			decimals := map[int][]string{} // by column: each cell's digits after the mark
			for _, r := range row.FindAllString(tm[0], -1) {
				for col, c := range cell.FindAllStringSubmatch(r, -1) {
					if c[1] == "" {
						continue
					}
					_, frac, _ := strings.Cut(c[1], mark)
					decimals[col] = append(decimals[col], c[1]+" "+strconv.Itoa(len(frac)))
				}
			}
			for col, ds := range decimals {
				for _, d := range ds {
					if !strings.HasSuffix(d, " 2") {
						t.Errorf("%s, %s table, column %d: %q; want every number with 2 decimals", lang, tm[1], col+1, ds)
						break
					}
				}
			}
		}
		want := map[string][]string{"en": {">996.00<", ">996.30<", ">1,020.65<"}, "de": {">996,00<", ">996,30<", ">1.020,65<"}}[lang]
		for _, w := range want {
			if !strings.Contains(tables, w) {
				t.Errorf("%s: the observed table lacks %s", lang, w)
			}
		}
		// The tooltip's text in the drawing, as the prose writes it.
		if title := map[string]string{"en": ": 996 feet</title>", "de": ": 996 feet</title>"}[lang]; !strings.Contains(string(f.SVG), title) {
			t.Errorf("%s: the drawing's tooltip no longer writes 996 as written", lang)
		}
	}
}
