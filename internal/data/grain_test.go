package data

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/locale"
)

// TestDatesWrittenAsMonthsOrYears checks observations written as annual
// and monthly statistics are published, 1959 and 2024-06: each stands on
// the first day of its year or month, and prose shows it as written,
// not as "1 January 1959".
func TestDatesWrittenAsMonthsOrYears(t *testing.T) {
	src := `data:
  co2:
    unit: ppm
    series:
      - {date: 2024, value: 424.61}
      - {date: 1959, value: 315.98}
    projection: {rate: 2.4, per: year, limit: 450}
  ice:
    csv: ice.csv
`
	fsys := fstest.MapFS{"content/articles/ice.csv": {Data: []byte("date,value\n2024-09,4.28\n1979-09,7.05\n")}}
	blocks, diags := parse(t, src, fsys)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	var got []string
	for _, b := range blocks {
		for _, p := range b.Series {
			got = append(got, p.Date.Format(time.DateOnly)+" "+p.Grain.String())
		}
	}
	want := []string{"1959-01-01 a year", "2024-01-01 a year", "1979-09-01 a month", "2024-09-01 a month"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("dates (-want +got):\n%s", diff)
	}

	de := locale.New("de")
	for _, c := range []struct {
		block, field, format, arg string
		l                         *locale.Locale
		want                      string
	}{
		{"co2", "last.date", "", "", nil, "2024"},
		{"co2", "first.date", "", "", nil, "1959"},
		{"co2", "max.date", "date", "", nil, "2024"},
		{"co2", "last.date", "approx", "", nil, "2024"},
		{"co2", "last.date", "date", "2006", nil, "2024"},
		// The projection starts from the latest observation, on 1
		// January 2024, and says so as the data does.
		{"co2", "start.date", "", "", nil, "2024"},
		// Its crossing is a day it computes: shown as one.
		{"co2", "crossing", "", "", nil, "1 August 2034"},
		{"ice", "last.date", "", "", nil, "September 2024"},
		{"ice", "first.date", "", "", de, "September 1979"},
		{"ice", "last.date", "approx", "", nil, "September 2024"},
		{"ice", "last.date", "date", "Jan 2006", nil, "Sep 2024"},
	} {
		var b *Block
		for _, blk := range blocks {
			if blk.Name == c.block {
				b = blk
			}
		}
		v, err := b.Field(c.field)
		if err != nil {
			t.Errorf("%s.%s: %v", c.block, c.field, err)
			continue
		}
		if got, err := FormatIn(c.l, v, c.format, c.arg); err != nil || got != c.want {
			t.Errorf("{{ %s.%s | %s %s }} = %q, %v; want %q", c.block, c.field, c.format, c.arg, got, err, c.want)
		}
	}

	// A layout that would write a day the data does not give.
	for _, c := range []struct{ block, layout, want string }{
		{"co2", "2 January 2006", `format "date": layout "2 January 2006" writes a day or a month, and the date was written as a year, which has neither (want the year alone, "2006", or no layout)`},
		{"co2", "January 2006", `format "date": layout "January 2006" writes a day or a month, and the date was written as a year, which has neither (want the year alone, "2006", or no layout)`},
		{"ice", "2006-01-02", `format "date": layout "2006-01-02" writes a day, and the date was written as a month, which has none (want a month and a year, such as "January 2006", or no layout)`},
	} {
		for _, blk := range blocks {
			if blk.Name != c.block {
				continue
			}
			v, _ := blk.Field("last.date")
			if _, err := Format(v, "date", c.layout); err == nil || err.Error() != c.want {
				t.Errorf("%s.last.date | date %q: error %v; want %s", c.block, c.layout, err, c.want)
			}
		}
	}
}

// TestDateGrainErrors checks a series that writes its dates to two
// grains, each told at the date that differs from the first.
func TestDateGrainErrors(t *testing.T) {
	const p = pagePath + ":"
	for _, c := range []struct {
		name, src, csv string
		want           []string
	}{
		{"a day among years", "data:\n  g:\n    series:\n      - {date: 1959, value: 1}\n      - {date: 2024-06-15, value: 2}\n", "", []string{
			p + "5:16: date: 2024-06-15 is a day, and line 4 gives a year (1959): a series writes every date as a day, every one as a month (2024-06) or every one as a year (1959)",
		}},
		{"a month among days", "data:\n  g:\n    series:\n      - {date: 2024-05-31, value: 1}\n      - {date: 2024-06, value: 2}\n", "", []string{
			p + "5:16: date: 2024-06 is a month, and line 4 gives a day (2024-05-31): a series writes every date as a day, every one as a month (2024-06) or every one as a year (1959)",
		}},
		{"a year among months in a CSV", "data:\n  g:\n    csv: g.csv\n", "date,value\n2024-01,1\n2024-02,2\n2025,3\n", []string{
			"content/articles/g.csv:4:1: date: 2025 is a year, and line 2 gives a month (2024-01): a series writes every date as a day, every one as a month (2024-06) or every one as a year (1959)",
		}},
		{"a month of one digit", "data:\n  g:\n    series:\n      - {date: 2024-6, value: 1}\n", "", []string{
			p + `4:16: date: "2024-6" is not a valid date (want YYYY-MM-DD): that is a month; write it 2024-06`,
		}},
		// Quarterly statistics: plotline has no quarters, and the message
		// says which dates to write instead.
		{"a quarter", "data:\n  g:\n    series:\n      - {date: 2024-Q1, value: 1}\n      - {date: Q4 2024, value: 2}\n", "", []string{
			p + `4:16: date: "2024-Q1" is not a valid date (want YYYY-MM-DD): that is a quarter, and a series is read by the day, the month or the year; write the quarter's last day, 2024-03-31, or its first month, 2024-01`,
			p + `5:16: date: "Q4 2024" is not a valid date (want YYYY-MM-DD): that is a quarter, and a series is read by the day, the month or the year; write the quarter's last day, 2024-12-31, or its first month, 2024-10`,
		}},
		{"a quarter in a CSV", "data:\n  g:\n    csv: g.csv\n", "date,value\n2024q2,1\n", []string{
			"content/articles/g.csv:2:1: date: \"2024q2\" is not a valid date (want YYYY-MM-DD): that is a quarter, and a series is read by the day, the month or the year; write the quarter's last day, 2024-06-30, or its first month, 2024-04",
		}},
		{"no month 13", "data:\n  g:\n    series:\n      - {date: 2024-13, value: 1}\n", "", []string{
			p + `4:16: date: "2024-13" is not a valid date (want YYYY-MM-DD)`,
		}},
		// A year repeated is told as written, without the advice to
		// give each reading its time of day, which a year has not.
		{"a year repeated", "data:\n  g:\n    series:\n      - {date: 1959, value: 1}\n      - {date: 1959, value: 1}\n", "", []string{
			p + "5:9: warning: this repeats the observation of line 4 (1959, 1): it would be drawn, counted and fitted twice; delete one of them",
		}},
		{"a year written with three digits", "data:\n  g:\n    series:\n      - {date: 959, value: 1}\n", "", []string{
			p + `4:16: date: "959" is not a valid date (want YYYY-MM-DD)`,
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var fsys fstest.MapFS
			if c.csv != "" {
				fsys = fstest.MapFS{"content/articles/g.csv": {Data: []byte(c.csv)}}
			}
			_, diags := parse(t, c.src, fsys)
			if diff := cmp.Diff(c.want, diags); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

// TestClaimsAboutMonthsAndYears checks a claim about the date of an
// annual or monthly observation against the whole year or month it
// stands for, not its first day: "before March 2024" of the year 2024
// was true, and "in mid-2024" false, though the data says neither.
func TestClaimsAboutMonthsAndYears(t *testing.T) {
	src := `data:
  co2:
    series:
      - {date: 1959, value: 315.98}
      - {date: 2024, value: 424.61}
    projection: {rate: 2.4, per: year, limit: 450}
  ice:
    series:
      - {date: 2023-09, value: 4.2}
      - {date: 2024-09, value: 4.28}
`
	blocks, diags := parse(t, src, nil)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	scope := NewScope(blocks)
	var told []ClaimResult
	scope.OnClaim = func(_ diag.Pos, c ClaimResult) { told = append(told, c) }
	at := diag.Pos{Path: pagePath, Line: 20, Col: 3}
	for _, tc := range []struct{ expr, want, err string }{
		{`co2.last.date | claim "in 2024"`, "in 2024", ""},
		{`co2.first.date | claim "before the 1960s"`, "before the 1960s", ""},
		{`co2.start.date | claim "by 2030"`, "by 2030", ""},
		{`co2.last.date | claim "by 2023"`, "", `claim "by 2023" is false: it reads as on or before 31 December 2023, and co2.last.date is 2024 (in 2024)`},
		{`co2.last.date | claim "before March 2024"`, "", `claim: cannot read "before March 2024": 2024 is a year of the data, not a day, and the phrase holds for part of it (1 January to 29 February 2024) and not for the rest; write one that holds for all of 2024 or for none of it, such as "in 2024"`},
		{`co2.last.date | claim "in mid-2024"`, "", `claim: cannot read "in mid-2024": 2024 is a year of the data, not a day, and the phrase holds for part of it (1 May to 31 August 2024) and not for the rest; write one that holds for all of 2024 or for none of it, such as "in 2024"`},
		{`ice.last.date | claim "in autumn 2024"`, "in autumn 2024", ""},
		{`ice.max.date | claim "by August 2023"`, "", `claim "by August 2023" is false: it reads as on or before 31 August 2023, and ice.max.date is September 2024 (in September 2024)`},
		{`ice.last.date | claim "early September 2024"`, "", `claim: cannot read "early September 2024": September 2024 is a month of the data, not a day, and the phrase holds for part of it (1 to 10 September 2024) and not for the rest; write one that holds for all of September 2024 or for none of it, such as "in September 2024"`},
		// A day the projection computes is a day.
		{`co2.crossing | claim "on 1 August 2034"`, "on 1 August 2034", ""},
	} {
		ev, err := scope.EvalAfter(tc.expr, "", at)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.err || ev.Text != tc.want {
			t.Errorf("{{ %s }} = %q, %q;\nwant %q, %q", tc.expr, ev.Text, got, tc.want, tc.err)
		}
	}
	if len(told) == 0 || told[0].Value != "2024" {
		t.Errorf("OnClaim was told %+v; want the value 2024 first", told)
	}
}
