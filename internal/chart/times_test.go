package chart

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/plotline/plotline/internal/data"
)

// hourly returns a block of n readings an hour apart from start.
func hourly(start time.Time, n int) *data.Block {
	b := &data.Block{Name: "gauge", Unit: "feet"}
	for i := range n {
		b.Series = append(b.Series, data.Point{Date: start.Add(time.Duration(i) * time.Hour), Value: 4 + float64(i%5)/10})
	}
	return b
}

// tickLabels returns the labels of ts, each followed by "|start" or
// "|end" when it stands from or up to its tick.
func tickLabels(ts []dateTick) []string {
	var out []string
	for _, t := range ts {
		s := t.Label
		if t.Anchor != "" {
			s += "|" + t.Anchor
		}
		out = append(out, s)
	}
	return out
}

// TestTimedObservations checks a river gauge read every hour: the time
// axis steps by hours over a few hours and labels each hour once, with
// the day on the first label and at midnight; over two days on a phone it
// labels the days; readings of one day stand apart, and their times
// are in the option, the CSV, the table and the summary. A date-only
// series over two days keeps days as its finest step.
func TestTimedObservations(t *testing.T) {
	six := time.Date(2025, 3, 1, 6, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		b     *data.Block
		frame string
		want  []string
	}{
		{"seven hours", hourly(six, 7), "wide", []string{"1 Mar 2025 06:00|start", "08:00", "09:00", "10:00", "11:00", "12:00|end"}},
		{"two days", hourly(six, 48), "wide", []string{"1 Mar 2025 06:00|start", "18:00", "2 Mar", "06:00", "12:00", "18:00", "3 Mar"}},
		{"two days", hourly(six, 48), "narrow", []string{"2 Mar 2025", "3 Mar"}},
		{"a day alone", &data.Block{Name: "d", Series: []data.Point{{Date: day("2025-03-01"), Value: 1}}}, "wide", []string{"28 Feb 2025|start", "1 Mar", "2 Mar|end"}},
	}
	for _, tt := range tests {
		m, err := newModel([]*data.Block{tt.b}, nil, TypeLine, nil)
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
				t.Errorf("%s, %s frame (-want +got):\n%s", tt.name, f.name, diff)
			}
			if !ticksFit(&l.c, l.xLabels) {
				t.Errorf("%s, %s frame: labels %q overlap", tt.name, f.name, got)
			}
		}
	}

	// From 2 hours to 10 days of readings, in both frames: every label
	// fits, none repeats another, and an hour alone follows a label that
	// says its day.
	for n := 2; n <= 240; n += 7 {
		m, err := newModel([]*data.Block{hourly(six, n)}, nil, TypeLine, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range frames(DefaultHeight) {
			l := m.layout(f)
			got := tickLabels(l.xLabels)
			seen := map[string]bool{}
			dated := false
			for i, d := range l.xLabels {
				if seen[d.Label] && !strings.Contains(d.Label, ":") {
					t.Errorf("%d hours, %s frame: %q repeats in %q", n, f.name, d.Label, got)
				}
				seen[d.Label] = true
				if i > 0 && d.Label == l.xLabels[i-1].Label {
					t.Errorf("%d hours, %s frame: %q twice in a row in %q", n, f.name, d.Label, got)
				}
				bare := len(d.Label) == len("15:04")
				if bare && !dated {
					t.Errorf("%d hours, %s frame: %q before any day in %q", n, f.name, d.Label, got)
				}
				dated = dated || !bare
			}
			if len(l.xLabels) < 2 || !ticksFit(&l.c, l.xLabels) {
				t.Errorf("%d hours, %s frame: labels %q too few or overlapping", n, f.name, got)
			}
		}
	}

	f, err := renderOne(hourly(six, 7), Spec{Type: TypeLine}, "c")
	if err != nil {
		t.Fatal(err)
	}
	for what, want := range map[string]string{
		"option":  `"value":["2025-03-01T07:00",4.1]`,
		"CSV":     "2025-03-01T07:00,4.1,,\n",
		"table":   ">1 Mar 2025 07:00<",
		"summary": "7 observations from 1 March 2025 at 06:00, latest 4.1 on 1 March 2025 at 12:00",
		"SVG":     "<title>1 Mar 2025 07:00: 4.1 feet</title>",
	} {
		var got []byte
		switch what {
		case "option":
			got = f.Option
		case "CSV":
			got = f.CSV
		case "table":
			got = []byte(f.View(Links{}).Tables)
		case "summary":
			got = []byte(f.Summary)
		case "SVG":
			got = f.SVG
		}
		if !bytes.Contains(got, []byte(want)) {
			t.Errorf("%s does not hold %q:\n%s", what, want, got)
		}
	}

	// A reading at midnight, among readings at other hours, shows its
	// time too, wherever a reader sees a reading's date.
	midnight := time.Date(2025, 3, 1, 22, 0, 0, 0, time.UTC)
	f, err = renderOne(hourly(midnight, 4), Spec{Type: TypeLine}, "c")
	if err != nil {
		t.Fatal(err)
	}
	for what, want := range map[string]string{
		"table":   ">2 Mar 2025 00:00<",
		"summary": "4 observations from 1 March 2025 at 22:00, latest 4.3 on 2 March 2025 at 01:00",
		"SVG":     "<title>2 Mar 2025 00:00: 4.2 feet</title>",
	} {
		got := string(f.SVG)
		switch what {
		case "table":
			got = string(f.View(Links{}).Tables)
		case "summary":
			got = f.Summary
		}
		if !strings.Contains(got, want) {
			t.Errorf("%s does not hold %q:\n%s", what, want, got)
		}
	}
	f, err = renderOne(hourly(time.Date(2025, 3, 2, 0, 0, 0, 0, time.UTC), 2), Spec{Type: TypeLine}, "c")
	if err != nil {
		t.Fatal(err)
	}
	if want := "2 observations from 2 March 2025 at 00:00"; !strings.Contains(f.Summary, want) {
		t.Errorf("summary does not hold %q:\n%s", want, f.Summary)
	}

	// Two readings of one day are two bars; two of one time, one on
	// another.
	if _, err := renderOne(hourly(six, 3), Spec{Type: TypeBar}, "c"); err != nil {
		t.Errorf("bars of three hours: %v", err)
	}
	b := hourly(six, 2)
	b.Series[1].Date = six
	_, err = renderOne(b, Spec{Type: TypeBar}, "c")
	if want := "chart: a bar chart draws one bar a time, and data block \"gauge\" has 2 observations on 1 March 2025 at 06:00"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("bars of one time: error %v; want %q", err, want)
	}
}

// TestPerHour checks the chart of a rate per hour: the summary says "an
// hour", the table has a row an hour with the crossing's note on its
// hour's row alone, and the time axis steps by hours, although the
// projection starts at midnight and no observation gives a time.
func TestPerHour(t *testing.T) {
	b := parseBlock(t, "gauge:\n  unit: metres\n  projection: {start: {date: 2025-03-03, value: 3.94}, rate: 0.04, per: hour, limit: 4.5, until: 2025-03-04}\n")
	f, err := renderOne(b, Spec{}, "c")
	if err != nil {
		t.Fatal(err)
	}
	if want := "3.94 on 3 March 2025, rising 0.04 an hour, reaches 4.5 on 3 March 2025"; !strings.Contains(f.Summary, want) {
		t.Errorf("summary %q; want it to say %q", f.Summary, want)
	}
	var rows []string
	for _, r := range f.table.rows {
		rows = append(rows, r.Date.Format("15:04")+" "+formatNumber(nil, r.Central, 0)+" "+r.Note)
	}
	if len(rows) != 25 || rows[1] != "01:00 3.98 " || rows[14] != "14:00 4.5 Central reaches 4.5 metres" || rows[15] != "15:00 4.54 " {
		t.Errorf("table rows %q; want 25 an hour apart, the crossing's note at 14:00 alone", rows)
	}
	if !strings.Contains(string(f.CSV), "\n2025-03-03T14:00,,,,4.5,,,Central reaches 4.5 metres\n") {
		t.Errorf("CSV lacks the crossing's row at 14:00:\n%s", f.CSV)
	}
	if !strings.Contains(string(f.SVG), ">06:00</text>") {
		t.Errorf("the time axis does not step by hours")
	}
}

// TestYearOne checks a series that starts on 1 January of the year 1,
// which is Go's zero time: the axis starts there, where it started at the
// second observation and drew the first line off the chart.
func TestYearOne(t *testing.T) {
	b := &data.Block{Name: "people", Series: []data.Point{
		{Date: day("0001-01-01"), Value: 1},
		{Date: day("0002-01-01"), Value: 2},
		{Date: day("0003-06-01"), Value: 4},
	}}
	m, err := newModel([]*data.Block{b}, nil, TypeLine, nil)
	if err != nil {
		t.Fatal(err)
	}
	if first := day("0001-01-01"); m.xMin.After(first) {
		t.Errorf("axis starts on %s; want it on or before %s", m.xMin.Format(time.DateOnly), first.Format(time.DateOnly))
	}
}
