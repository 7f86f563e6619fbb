package chart

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/plotline/plotline/internal/data"
)

// TestWeeklyTicksOnObservations checks a series read once a week on
// Sundays, as weekly counts are given: the ticks of a weekly time axis
// fall on the Sundays, under the bars, rather than on the Mondays after
// them, where "18 Jan" under a bar for the week to 17 January names the
// wrong day. A series read on several weekdays keeps Monday's ticks.
func TestWeeklyTicksOnObservations(t *testing.T) {
	weekly := func(first string, n, every int) *data.Block {
		b := &data.Block{Name: "weekly", Unit: "doses"}
		for i := range n {
			b.Series = append(b.Series, data.Point{Date: day(first).AddDate(0, 0, i*every), Value: float64(1000 + 100*i)})
		}
		return b
	}
	tests := []struct {
		name string
		b    *data.Block
		kind string
		want time.Weekday
	}{
		{"Sundays, bars", weekly("2021-01-17", 4, 7), TypeBar, time.Sunday},
		{"Sundays, line", weekly("2021-01-17", 4, 7), TypeLine, time.Sunday},
		{"Thursdays over a season, bars", weekly("2024-06-06", 16, 7), TypeBar, time.Thursday},
		{"every other Sunday, bars", weekly("2021-01-03", 8, 14), TypeBar, time.Sunday},
		{"every day but one weekday, line", weekly("2021-01-17", 20, 1), TypeLine, time.Monday},
	}
	for _, tt := range tests {
		m, err := newModel([]*data.Block{tt.b}, nil, tt.kind, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range frames(DefaultHeight) {
			l := m.layout(f)
			if len(l.xTicks) < 2 {
				t.Fatalf("%s, %s frame: ticks %q", tt.name, f.name, tickLabels(l.xTicks))
			}
			if step := l.xTicks[1].Date.Sub(l.xTicks[0].Date); step != 7*24*time.Hour && step != 14*24*time.Hour {
				continue // not a weekly axis
			}
			observed := map[time.Time]bool{}
			for _, p := range tt.b.Series {
				observed[p.Date] = true
			}
			first, last := tt.b.Series[0].Date, tt.b.Series[len(tt.b.Series)-1].Date
			for _, tk := range l.xTicks {
				inside := !tk.Date.Before(first) && !tk.Date.After(last)
				if tk.Date.Weekday() != tt.want || tt.want != time.Monday && inside && !observed[tk.Date] {
					t.Errorf("%s, %s frame: tick %s is a %s, want a %s of the series (labels %q)", tt.name, f.name,
						tk.Date.Format("2006-01-02"), tk.Date.Weekday(), tt.want, tickLabels(l.xLabels))
					break
				}
			}
		}
	}
}

// TestMonthEndBars checks a bar chart of monthly (and yearly) totals
// dated on the last day of their month, as month-end readings are given:
// each labelled tick stands under a bar and names that bar's month (or
// year), where ticks on the first of the next month put "Feb" under
// January's bar. A line chart of the same readings, and one of quarterly
// figures dated by the quarter's end, as the README asks, does the same
// for its points, where "Jan 2024" stood on the last quarter of 2023.
func TestMonthEndBars(t *testing.T) {
	monthEnds := func(first string, n, months int) *data.Block {
		b := &data.Block{Name: "rain", Unit: "mm"}
		d := day(first)
		for i := range n {
			// The last day of the month months×i after first's.
			end := time.Date(d.Year(), d.Month()+time.Month(months*i)+1, 0, 0, 0, 0, 0, time.UTC)
			b.Series = append(b.Series, data.Point{Date: end, Value: float64(40 + i%7)})
		}
		return b
	}
	tests := []struct {
		name  string
		b     *data.Block
		kind  string
		frame string
		want  []string
	}{
		{"six months", monthEnds("2024-01-31", 6, 1), TypeBar, "wide", []string{"Jan 2024", "Feb", "Mar", "Apr", "May", "Jun"}},
		{"six months", monthEnds("2024-01-31", 6, 1), TypeLine, "wide", []string{"Jan 2024", "Feb", "Mar", "Apr", "May", "Jun"}},
		{"quarters", monthEnds("2023-12-31", 5, 3), TypeLine, "wide", []string{"Dec 2023|start", "Mar 2024", "Jun", "Sep", "Dec"}},
		{"quarters", monthEnds("2023-12-31", 5, 3), TypeBar, "wide", []string{"Dec 2023", "Mar 2024", "Jun", "Sep", "Dec"}},
		{"year-ends", monthEnds("2015-12-31", 8, 12), TypeBar, "wide", []string{"2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022"}},
		{"year-ends", monthEnds("2015-12-31", 8, 12), TypeLine, "wide", []string{"2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022|end"}},
	}
	for _, tt := range tests {
		m, err := newModel([]*data.Block{tt.b}, nil, tt.kind, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range frames(DefaultHeight) {
			if f.name != tt.frame {
				continue
			}
			l := m.layout(f)
			if diff := cmp.Diff(tt.want, tickLabels(l.xLabels)); diff != "" {
				t.Errorf("%s, %s: labels (-want +got):\n%s", tt.name, tt.kind, diff)
			}
			bars := map[time.Time]bool{}
			for _, p := range tt.b.Series {
				bars[p.Date] = true
			}
			for _, tk := range l.xLabels {
				if !bars[tk.Date] {
					t.Errorf("%s, %s: the label %q stands on %s, under no reading", tt.name, tt.kind, tk.Label, tk.Date.Format("2006-01-02"))
				}
			}
		}
	}
}

// TestMonthEndYears checks the year ticks of a line of monthly figures
// dated on their months' last days: on the 1st of January, where a line
// chart marks a year's start, not on the 31st of December, which put
// 2021's points between "2020" and "2021".
func TestMonthEndYears(t *testing.T) {
	b := &data.Block{Name: "rain", Unit: "mm"}
	for i := range 60 {
		b.Series = append(b.Series, data.Point{Date: time.Date(2020, time.Month(i+2), 0, 0, 0, 0, 0, time.UTC), Value: float64(40 + i%7)})
	}
	m, err := newModel([]*data.Block{b}, nil, TypeLine, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range frames(DefaultHeight) {
		for _, tk := range m.layout(f).xLabels {
			if tk.Date.Month() != time.January || tk.Date.Day() != 1 {
				t.Errorf("%s frame: the label %q stands on %s, not on a year's first day", f.name, tk.Label, tk.Date.Format("2006-01-02"))
			}
		}
	}
}

// TestTimeAxisTwoLabels checks that a time axis of weekly readings says at
// least two dates, whatever the span and the weekday: a step with one
// tick more than the frame wants, whose labels fit, is better than a
// coarser step that leaves one label ("Feb 2021") for seven weeks.
func TestTimeAxisTwoLabels(t *testing.T) {
	for start := range 7 {
		for weeks := 3; weeks <= 16; weeks++ {
			b := &data.Block{Name: "doses", Unit: "people"}
			first := day("2021-01-03").AddDate(0, 0, start)
			for i := range weeks {
				b.Series = append(b.Series, data.Point{Date: first.AddDate(0, 0, 7*i), Value: float64(1000 * (i + 1))})
			}
			m, err := newModel([]*data.Block{b}, nil, TypeLine, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range frames(DefaultHeight) {
				l := m.layout(f)
				if len(l.xLabels) < 2 {
					t.Errorf("%d weeks from %s, %s frame: labels %q", weeks, first.Format("Mon 2 Jan"), f.name, tickLabels(l.xLabels))
				}
			}
		}
	}
}

// TestTicksNoFinerThanWritten checks a time axis over a few months or
// years of observations written as months or years: its ticks step by
// months or years, "Feb", not by weeks between the readings, "12 Feb".
func TestTicksNoFinerThanWritten(t *testing.T) {
	months := parseBlock(t, "m:\n  series:\n    - {date: 2024-01, value: 1}\n    - {date: 2024-02, value: 2}\n    - {date: 2024-03, value: 3}\n    - {date: 2024-04, value: 5}\n    - {date: 2024-05, value: 4}\n")
	years := parseBlock(t, "y:\n  series:\n    - {date: 2022, value: 1}\n    - {date: 2023, value: 2}\n    - {date: 2024, value: 3}\n")
	for _, tt := range []struct {
		name string
		b    *data.Block
		kind string
		want data.DateGrain
	}{
		{"months, line", months, TypeLine, data.ByMonth},
		{"months, bars", months, TypeBar, data.ByMonth},
		{"years, line", years, TypeLine, data.ByYear},
		{"years, bars", years, TypeBar, data.ByYear},
	} {
		m, err := newModel([]*data.Block{tt.b}, nil, tt.kind, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range frames(DefaultHeight) {
			l := m.layout(f)
			if len(l.xTicks) == 0 {
				t.Errorf("%s, %s frame: no ticks", tt.name, f.name)
			}
			for _, tk := range l.xTicks {
				if tt.want.Shows(tk.Date) != tt.want {
					t.Errorf("%s, %s frame: tick on %s, within a %s (labels %q)", tt.name, f.name, tk.Date.Format("2006-01-02"), tt.want, tickLabels(l.xLabels))
					break
				}
			}
		}
	}
}

// TestBlocksKeepTheirGrain checks a chart of an annual block beside a
// monthly one: each block's table and points write its own dates as it
// wrote them, 2020 and Jan 2020, while the tooltip, where both meet,
// takes the finer, months.
func TestBlocksKeepTheirGrain(t *testing.T) {
	years := parseBlock(t, "annual:\n  series:\n    - {date: 2020, value: 10}\n    - {date: 2021, value: 12}\n")
	months := parseBlock(t, "monthly:\n  series:\n    - {date: 2020-01, value: 9}\n    - {date: 2020-07, value: 11}\n    - {date: 2021-01, value: 13}\n")
	f, err := RenderBlocks([]*data.Block{years, months}, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	var html bytes.Buffer
	if err := writeHTML(&html, f, ""); err != nil {
		t.Fatal(err)
	}
	page := html.String() + string(f.SVG)
	for _, want := range []string{
		`<th scope="row"><time datetime="2020">2020</time></th><td class="num">10</td>`,
		`<th scope="row"><time datetime="2020-01">Jan 2020</time></th><td class="num">9</td>`,
		`<title>annual: 2020: 10`,
		`<title>monthly: Jan 2020: 9`,
		`"grain":"month"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the figure lacks %s", want)
		}
	}
}
