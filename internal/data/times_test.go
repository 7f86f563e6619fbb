package data

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestObservationTimes checks that observations read a time of day, in
// front matter and CSV, as the clock of the data shows it: an hourly
// gauge's readings are apart and in order, and two of them with one
// value are no repeats; a day alone among times, and one written time in
// two zones, are errors at their place.
func TestObservationTimes(t *testing.T) {
	src := `data:
  gauge:
    unit: feet
    series:
      - {date: 2025-03-01T07:00, value: 4.2}
      - {date: 2025-03-01T06:00, value: 4.2}
      - {date: "2025-03-01 08:00:30", value: 4.5}
      - {date: 2025-03-01T09:00:00.000-05:00, value: 4.9}
  csv:
    csv: gauge.csv
`
	fsys := fstest.MapFS{"content/articles/gauge.csv": {Data: []byte("date,value\n2025-03-02T00:00Z,5\n2025-03-02 01:00Z,5.5\n")}}
	blocks, diags := parse(t, src, fsys)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	var got []string
	for _, b := range blocks {
		for _, p := range b.Series {
			got = append(got, p.Date.Format(time.RFC3339))
		}
	}
	want := []string{"2025-03-01T06:00:00Z", "2025-03-01T07:00:00Z", "2025-03-01T08:00:30Z", "2025-03-01T09:00:00Z",
		"2025-03-02T00:00:00Z", "2025-03-02T01:00:00Z"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("dates (-want +got):\n%s", diff)
	}

	// Prose may give the latest reading's time.
	v, err := blocks[0].Field("last.date")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := Format(v, "date", "15:04 on 2 January"); err != nil || got != "09:00 on 1 March" {
		t.Errorf("{{ gauge.last.date | date \"15:04 on 2 January\" }} = %q, %v; want 09:00 on 1 March", got, err)
	}

	const p = pagePath + ":"
	for _, tt := range []struct {
		name, src, csv string
		want           []string
	}{
		{"a day among times", "data:\n  g:\n    series:\n      - {date: 2025-03-01T06:00, value: 1}\n      - {date: 2025-03-02, value: 2}\n", "",
			[]string{p + `5:16: date: 2025-03-02 has no time of day, and line 4 gives one (2025-03-01T06:00): a day alone cannot be placed among times; give its time, such as 2025-03-02T00:00`}},
		{"times after a day", "data:\n  g:\n    series:\n      - {date: 2025-03-01, value: 1}\n      - {date: 2025-03-01T06:00, value: 2}\n      - {date: 2025-03-01T07:00, value: 2}\n", "",
			[]string{p + `5:16: date: 2025-03-01T06:00 gives a time of day, and line 4 gives none: a day alone cannot be placed among times; give a time for every observation of the series, or for none`}},
		{"the hour repeated when clocks go back", "data:\n  g:\n    series:\n      - {date: 2025-11-02T01:30-04:00, value: 1}\n      - {date: 2025-11-02T01:30-05:00, value: 2}\n", "",
			[]string{p + `5:16: date: 2025-11-02T01:30-05:00 is the time of line 4 (2025-11-02T01:30-04:00) in another zone: a chart shows a time as written, so both would stand at one place (as in the hour repeated when clocks go back); write every time of the series in one zone`}},
		{"in a CSV file", "data:\n  g:\n    csv: g.csv\n", "date,value\n2025-03-01 06:00,1\n2025-03-01,2\n2025-03-01 7:00,3\n2025-03-01T08:00:00.5,4\n",
			[]string{
				"content/articles/g.csv:3:1: date: 2025-03-01 has no time of day, and line 2 gives one (2025-03-01 06:00): a day alone cannot be placed among times; give its time, such as 2025-03-01T00:00",
				`content/articles/g.csv:4:1: date: "2025-03-01 7:00" is not a valid time (want YYYY-MM-DDTHH:MM, such as 2025-03-01T06:00, seconds and a zone optional)`,
				`content/articles/g.csv:5:1: date: "2025-03-01T08:00:00.5" is not a valid time (want YYYY-MM-DDTHH:MM, such as 2025-03-01T06:00, seconds and a zone optional)`,
			}},
		// Z, +00:00 and +0000 are one zone: two readings at 05:00 in it
		// are two readings of one time, as in a series without zones.
		{"one zone written three ways", "data:\n  g:\n    series:\n      - {date: 2025-03-01T05:00:00.000Z, value: 1}\n      - {date: 2025-03-01T05:00:00.000+00:00, value: 2}\n      - {date: 2025-03-01T05:00+0000, value: 3}\n      - {date: 2025-03-01T06:00+05:30, value: 4}\n      - {date: 2025-03-01T06:00+0530, value: 5}\n", "", nil},
		{"a zone by its name", "data:\n  g:\n    csv: g.csv\n", "date,value\n2025-03-01 06:00 UTC,1\n2025-03-01 07:00EST,2\n",
			[]string{
				`content/articles/g.csv:2:1: date: "2025-03-01 06:00 UTC" is not a valid time (want YYYY-MM-DDTHH:MM, such as 2025-03-01T06:00, seconds and a zone optional): a zone is written Z or as an offset such as -05:00, not "UTC"`,
				`content/articles/g.csv:3:1: date: "2025-03-01 07:00EST" is not a valid time (want YYYY-MM-DDTHH:MM, such as 2025-03-01T06:00, seconds and a zone optional): a zone is written Z or as an offset such as -05:00, not "EST"`,
			}},
		// A date written another way, with its time: the date and time to
		// write, not a YYYY-MM-DD that would drop the time.
		{"a date another way with a time", "data:\n  g:\n    csv: g.csv\n", "date,value\n14/08/2022 03:00,35\n2022/08/14 6:00,34\n08/03/2022 09:00,33\n",
			[]string{
				`content/articles/g.csv:2:1: date: "14/08/2022 03:00" is not a valid date and time (want YYYY-MM-DDTHH:MM): write 2022-08-14T03:00`,
				`content/articles/g.csv:3:1: date: "2022/08/14 6:00" is not a valid date and time (want YYYY-MM-DDTHH:MM): write 2022-08-14T06:00`,
				`content/articles/g.csv:4:1: date: "08/03/2022 09:00" is not a valid date and time (want YYYY-MM-DDTHH:MM): write 2022-03-08T09:00 if it is day/month, 2022-08-03T09:00 if it is month/day (plotline does not guess)`,
			}},
		// Readings of one value at two times are not repeats.
		{"one value at two times", "data:\n  g:\n    series:\n      - {date: 2025-03-01T06:00, value: 1}\n      - {date: 2025-03-01T07:00, value: 1}\n      - {date: 2025-03-01T07:00, value: 1}\n", "",
			[]string{p + `6:9: warning: this repeats the observation of line 5 (2025-03-01T07:00, 1): it would be drawn, counted and fitted twice; delete one of them`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := parse(t, tt.src, fstest.MapFS{"content/articles/g.csv": {Data: []byte(tt.csv)}})
			if diff := cmp.Diff(tt.want, diags); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPerHour checks a rate per hour: 3.94 at noon rising 0.04 an hour
// crosses 4.5 at 02:00 the next day, 14 hours on; without until the
// curve runs 6 hours past it (a tenth of 14 hours is less), and an
// exponential one is drawn an hour a point.
func TestPerHour(t *testing.T) {
	src := `data:
  gauge:
    series:
      - {date: 2025-03-03T11:00, value: 3.9}
      - {date: 2025-03-03T12:00, value: 3.94}
    projection: {rate: 0.04, per: hour, limit: 4.5}
  growth:
    projection: {start: {date: 2025-03-03, value: 1}, rate: 100, per: hour, model: exponential, until: 2025-03-04}
`
	blocks, diags := parse(t, src, nil)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	gauge, growth := blocks[0], blocks[1]
	if gauge.Name != "gauge" {
		gauge, growth = growth, gauge
	}
	pr := gauge.Projection
	if got, want := pr.Central.Crossing.Format(time.RFC3339), "2025-03-04T02:00:00Z"; !pr.Central.Reaches || got != want {
		t.Errorf("crossing %s, %v; want %s", got, pr.Central.Reaches, want)
	}
	if got, want := pr.Until.Format(time.RFC3339), "2025-03-04T08:00:00Z"; got != want {
		t.Errorf("until %s; want %s", got, want)
	}
	if v, err := gauge.Field("per"); err != nil || v.Text != "hour" {
		t.Errorf("{{ gauge.per }} = %+v, %v; want hour", v, err)
	}
	if v, err := gauge.Field("value_at_until"); err != nil || v.Num < 4.74-1e-9 || v.Num > 4.74+1e-9 {
		t.Errorf("{{ gauge.value_at_until }} = %+v, %v; want 4.74", v, err)
	}
	curve := growth.Projection.Central.Curve
	if len(curve) != 25 {
		t.Fatalf("exponential curve per hour has %d points; want 25, one an hour", len(curve))
	}
	if got := curve[10]; got.Date.Format(time.RFC3339) != "2025-03-03T10:00:00Z" || got.Value != 1024 {
		t.Errorf("curve[10] = %v %v; want 1024 at 10:00, ten doublings", got.Date.Format(time.RFC3339), got.Value)
	}
}
