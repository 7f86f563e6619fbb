package projection

import (
	"fmt"
	"math"
	"strconv"
	"testing"
	"time"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// at parses s as a date, YYYY-MM-DD, or as an RFC 3339 time.
func at(s string) time.Time {
	if len(s) == len(time.DateOnly) {
		return date(s)
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestValueAt(t *testing.T) {
	tests := []struct {
		name string
		p    Projection
		at   string
		want float64
	}{
		{"kursk day 130", Projection{Start: date("2024-12-05"), Rate: 92}, "2025-04-14", 11960},
		{"kursk day 131", Projection{Start: date("2024-12-05"), Rate: 92}, "2025-04-15", 12052},
		{"start", Projection{Start: date("2024-12-05"), Value: 5, Rate: 92}, "2024-12-05", 5},
		{"before start", Projection{Start: date("2025-01-10"), Value: 100, Rate: 10}, "2025-01-08", 80},
		{"weekly", Projection{Start: date("2025-01-01"), Rate: 7, Per: Week}, "2025-01-02", 1},
		{"yearly", Projection{Start: date("2025-01-01"), Rate: 365, Per: Year}, "2025-01-11", 10},
		{"yearly in a leap year", Projection{Start: date("2024-01-01"), Rate: 366, Per: Year}, "2024-03-01", 60},
		// Months and years step by the calendar: 5% a month off 10,000 on
		// 1 January is 9,500 on 1 February (not 9,491 with 30.44-day months).
		{"5% a month off", Projection{Start: date("2025-01-01"), Value: 10000, Rate: -5, Per: Month, Model: Exponential}, "2025-02-01", 9500},
		{"5% a month off, twice", Projection{Start: date("2025-01-01"), Value: 10000, Rate: -5, Per: Month, Model: Exponential}, "2025-03-01", 9025},
		{"monthly, half-way through February", Projection{Start: date("2025-01-01"), Rate: 100, Per: Month}, "2025-02-15", 150},
		{"monthly from the 31st", Projection{Start: date("2025-01-31"), Rate: 100, Per: Month}, "2025-02-28", 100},
		{"monthly from the 31st, two", Projection{Start: date("2025-01-31"), Rate: 100, Per: Month}, "2025-03-31", 200},
		{"monthly before the start", Projection{Start: date("2025-03-01"), Value: 500, Rate: 100, Per: Month}, "2025-02-01", 400},
		{"monthly across a year", Projection{Start: date("2024-11-15"), Rate: 1, Per: Month}, "2025-02-15", 3},
		{"yearly from 29 February", Projection{Start: date("2024-02-29"), Rate: 10, Per: Year}, "2025-02-28", 10},
		{"falling", Projection{Start: date("2025-01-01"), Value: 1000, Rate: -30}, "2025-01-31", 100},
		{"doubling weekly", Projection{Start: date("2025-01-01"), Value: 100, Rate: 100, Per: Week, Model: Exponential}, "2025-01-22", 800},
		{"halving daily", Projection{Start: date("2025-01-01"), Value: 1000, Rate: -50, Model: Exponential}, "2025-01-04", 125},
		{"hourly", Projection{Start: date("2025-01-01"), Value: 3, Rate: 0.5, Per: Hour}, "2025-01-02", 15},
		// Bounded: an area falling 0.16 a year stops at its floor of 0;
		// a share rising 10 points a year stops at its ceiling of 100.
		{"above its floor", Projection{Start: date("2024-01-01"), Value: 4.28, Rate: -0.16, Per: Year, HasFloor: true}, "2034-01-01", 2.68},
		{"at its floor", Projection{Start: date("2024-01-01"), Value: 4.28, Rate: -0.16, Per: Year, HasFloor: true}, "2080-01-01", 0},
		{"at a floor above zero", Projection{Start: date("2025-01-01"), Value: 1040, Rate: -10, Per: Month, HasFloor: true, Floor: 895}, "2027-01-01", 895},
		{"at its ceiling", Projection{Start: date("2025-01-01"), Value: 60, Rate: 10, Per: Year, HasCeiling: true, Ceiling: 100}, "2030-01-01", 100},
		{"below its ceiling", Projection{Start: date("2025-01-01"), Value: 60, Rate: 10, Per: Year, HasCeiling: true, Ceiling: 100}, "2028-01-01", 90},
		{"exponential at its floor", Projection{Start: date("2025-01-01"), Value: 1000, Rate: -50, Model: Exponential, HasFloor: true, Floor: 200}, "2025-01-04", 200},
		{"hourly, from an hour", Projection{Start: at("2025-03-03T12:00:00Z"), Value: 3.94, Rate: 0.04, Per: Hour}, "2025-03-04T02:00:00Z", 4.5},
		{"doubling hourly", Projection{Start: at("2025-01-01T22:00:00Z"), Value: 1, Rate: 100, Per: Hour, Model: Exponential}, "2025-01-02", 4},
		// 10001^100 overflows; 0 times it is still 0, not NaN.
		{"growth from zero", Projection{Start: date("2025-01-01"), Rate: 1e6, Model: Exponential}, "2025-04-11", 0},
	}
	for _, tt := range tests {
		got := tt.p.ValueAt(at(tt.at))
		if !(math.Abs(got-tt.want) <= 1e-9) { // NaN fails too
			t.Errorf("%s: ValueAt(%s) = %v; want %v", tt.name, tt.at, got, tt.want)
		}
	}
}

// TestValueAtCancels checks that a straight line that comes to 0 as the
// writer counts, in decimals, is 0, not the remainder of binary
// arithmetic: 0.3 falling 0.1 a day is 5.55e-17 after three days in
// binary, which the prose and the table wrote in full
// (-0.0000000000000000555). A value of that size the numbers really
// give is kept.
func TestValueAtCancels(t *testing.T) {
	tests := []struct {
		name string
		p    Projection
		at   string
		want float64
	}{
		{"daily", Projection{Start: date("2025-01-13"), Value: 0.3, Rate: -0.1}, "2025-01-16", 0},
		{"weekly, part of a week", Projection{Start: date("2025-01-13"), Value: 0.3, Rate: -0.7, Per: Week}, "2025-01-16", 0},
		{"monthly", Projection{Start: date("2025-01-01"), Value: 1.1, Rate: -0.1, Per: Month}, "2025-12-01", 0},
		{"hourly", Projection{Start: at("2025-03-03T12:00:00Z"), Value: -0.3, Rate: 0.1, Per: Hour}, "2025-03-03T15:00:00Z", 0},
		{"rising through zero", Projection{Start: date("2025-01-13"), Value: -0.3, Rate: 0.1}, "2025-01-17", 0.1},
		{"small, not cancelled", Projection{Start: date("2025-01-13"), Value: 3e-17}, "2025-01-16", 3e-17},
	}
	for _, tt := range tests {
		got := tt.p.ValueAt(at(tt.at))
		if got != tt.want && math.Abs(got-tt.want) > 1e-15*math.Abs(tt.want) {
			t.Errorf("%s: ValueAt(%s) = %v; want %v", tt.name, tt.at, got, tt.want)
		}
	}
}

func TestCrossing(t *testing.T) {
	tests := []struct {
		name  string
		p     Projection
		limit float64
		want  string // "" when it never reaches the limit
	}{
		{"kursk 92/day", Projection{Start: date("2024-12-05"), Rate: 92}, 12000, "2025-04-15"},
		{"kursk 110/day", Projection{Start: date("2024-12-05"), Rate: 110}, 12000, "2025-03-25"},
		{"kursk 70/day", Projection{Start: date("2024-12-05"), Rate: 70}, 12000, "2025-05-26"},
		{"exactly on a day", Projection{Start: date("2025-01-01"), Value: 1000, Rate: -30}, 100, "2025-01-31"},
		{"falling past a day", Projection{Start: date("2025-01-01"), Value: 1000, Rate: -30}, 0, "2025-02-04"},
		// A floor is reached on the day the line would pass it; a limit
		// beyond the floor, never.
		{"falling to its floor", Projection{Start: date("2025-01-01"), Value: 1000, Rate: -30, HasFloor: true}, 0, "2025-02-04"},
		{"falling past its floor", Projection{Start: date("2025-01-01"), Value: 1000, Rate: -30, HasFloor: true}, -10, ""},
		{"rising to its ceiling", Projection{Start: date("2025-01-01"), Value: 60, Rate: 10, Per: Year, HasCeiling: true, Ceiling: 100}, 100, "2029-01-01"},
		{"already there", Projection{Start: date("2025-01-01"), Value: 50, Rate: 3}, 50, "2025-01-01"},
		{"weekly exact", Projection{Start: date("2025-01-01"), Rate: 100, Per: Week}, 1000, "2025-03-12"},
		{"weekly between", Projection{Start: date("2025-01-01"), Rate: 100, Per: Week}, 1050, "2025-03-16"},
		{"monthly a year", Projection{Start: date("2025-01-01"), Rate: 10, Per: Month}, 120, "2026-01-01"},
		{"yearly", Projection{Start: date("2025-01-01"), Value: 100, Rate: 1, Per: Year}, 101, "2026-01-01"},
		{"5% a month off to 9,500", Projection{Start: date("2025-01-01"), Value: 10000, Rate: -5, Per: Month, Model: Exponential}, 9500, "2025-02-01"},
		{"doubling weekly", Projection{Start: date("2025-01-01"), Value: 100, Rate: 100, Per: Week, Model: Exponential}, 800, "2025-01-22"},
		{"doubling just past", Projection{Start: date("2025-01-01"), Value: 100, Rate: 100, Per: Week, Model: Exponential}, 800.001, "2025-01-23"},
		// 1.1^n = 2 at n = 7.27: 1 August and 0.27 of August's 31 days.
		{"10% a month doubles", Projection{Start: date("2025-01-01"), Value: 1, Rate: 10, Per: Month, Model: Exponential}, 2, "2025-08-10"},
		{"halving daily", Projection{Start: date("2025-01-01"), Value: 1000, Rate: -50, Model: Exponential}, 125, "2025-01-04"},
		// 2,600 halves to 1e-12 after 51.2 days: an exponential curve's
		// rounding is of its value's size, not of the start's.
		{"halving to a tiny limit", Projection{Start: date("2025-05-26"), Value: 2600, Rate: -50, Model: Exponential}, 1e-12, "2025-07-17"},
		{"negative values rising", Projection{Start: date("2025-01-01"), Value: -100, Rate: -50, Model: Exponential}, -25, "2025-01-03"},

		// 10 + 0.3·41 is 22.299999999999997 in binary.
		{"lands in decimals", Projection{Start: date("2025-01-01"), Value: 10, Rate: 0.3}, 22.3, "2025-02-11"},
		{"lands in decimals monthly", Projection{Start: date("2025-01-01"), Value: 0.8, Rate: -0.1, Per: Month}, 0.6, "2025-03-01"},
		{"a hair past the decimals", Projection{Start: date("2025-01-01"), Value: 10, Rate: 0.3}, 22.3000001, "2025-02-12"},

		// 3.94 at noon rising 0.45 a day meets 4.5 at 17:52 the next day:
		// on that day, though at noon it was still short of it.
		{"hourly, after the start's hour", Projection{Start: at("2025-03-03T12:00:00Z"), Value: 3.94, Rate: 0.45, Hourly: true}, 4.5, "2025-03-04T18:00:00Z"},
		{"hourly, before the start's hour", Projection{Start: at("2025-03-03T12:00:00Z"), Value: 3.94, Rate: 0.72, Hourly: true}, 4.5, "2025-03-04T07:00:00Z"},
		{"hourly, on the hour", Projection{Start: at("2025-03-03T12:00:00Z"), Value: 4, Rate: 2.4, Hourly: true}, 4.5, "2025-03-03T17:00:00Z"},
		{"hourly, falling", Projection{Start: at("2025-03-03T06:30:00Z"), Value: 100, Rate: -24, Hourly: true}, 0, "2025-03-07T10:30:00Z"},
		// A rate per hour: 3.94 at noon rising 0.04 an hour is 4.5 after
		// 14 hours, at 02:00 the next day.
		{"per hour", Projection{Start: at("2025-03-03T12:00:00Z"), Value: 3.94, Rate: 0.04, Per: Hour, Hourly: true}, 4.5, "2025-03-04T02:00:00Z"},
		{"per hour, between hours", Projection{Start: at("2025-03-03T12:00:00Z"), Value: 3.94, Rate: 0.04, Per: Hour, Hourly: true}, 4.51, "2025-03-04T03:00:00Z"},
		{"doubling hourly", Projection{Start: date("2025-01-01"), Value: 1, Rate: 100, Per: Hour, Model: Exponential, Hourly: true}, 1024, "2025-01-01T10:00:00Z"},

		{"zero rate", Projection{Start: date("2025-01-01"), Value: 10}, 20, ""},
		{"wrong sign rising", Projection{Start: date("2025-01-01"), Rate: -5}, 12000, ""},
		{"wrong sign falling", Projection{Start: date("2025-01-01"), Value: 100, Rate: 5}, 0, ""},
		{"exponential from zero", Projection{Start: date("2025-01-01"), Rate: 10, Model: Exponential}, 5, ""},
		{"exponential to zero", Projection{Start: date("2025-01-01"), Value: 100, Rate: -10, Model: Exponential}, 0, ""},
		{"exponential across zero", Projection{Start: date("2025-01-01"), Value: -100, Rate: 10, Model: Exponential}, 5, ""},
		{"exponential rate -100", Projection{Start: date("2025-01-01"), Value: 100, Rate: -100, Model: Exponential}, 50, ""},
		{"exponential rate below -100", Projection{Start: date("2025-01-01"), Value: 100, Rate: -150, Model: Exponential}, 50, ""},
		{"beyond the horizon", Projection{Start: date("2025-01-01"), Rate: 1, Per: Year}, 2000, ""},
		{"NaN limit", Projection{Start: date("2025-01-01"), Rate: 1}, math.NaN(), ""},
		{"infinite limit", Projection{Start: date("2025-01-01"), Rate: 1}, math.Inf(1), ""},
	}
	for _, tt := range tests {
		got, ok := tt.p.Crossing(tt.limit)
		switch {
		case tt.want == "" && ok:
			t.Errorf("%s: Crossing(%v) = %s, true; want false", tt.name, tt.limit, got.Format(time.DateOnly))
		case tt.want != "" && !ok:
			t.Errorf("%s: Crossing(%v) = false; want %s", tt.name, tt.limit, tt.want)
		case tt.want != "" && !got.Equal(at(tt.want)):
			t.Errorf("%s: Crossing(%v) = %s; want %s", tt.name, tt.limit, got.Format(time.RFC3339), tt.want)
		}
	}
}

// TestCrossingLandsOnLimit checks every start, rate and day count in one
// decimal whose value lands exactly on a limit written in decimals: the
// limit is reached on that day, however binary rounds the sum.
func TestCrossingLandsOnLimit(t *testing.T) {
	start := date("2025-01-01")
	late := 0
	for v := -30; v <= 30; v += 3 {
		for r := -9; r <= 9; r++ {
			if r == 0 {
				continue
			}
			for n := 1; n <= 60; n++ {
				limit, err := strconv.ParseFloat(fmt.Sprintf("%.1f", float64(v+r*n)/10), 64)
				if err != nil {
					t.Fatal(err)
				}
				p := Projection{Start: start, Value: float64(v) / 10, Rate: float64(r) / 10}
				got, ok := p.Crossing(limit)
				if want := start.AddDate(0, 0, n); !ok || !got.Equal(want) {
					if late++; late <= 5 {
						t.Errorf("%g %+g a day reaches %g on %s, %v; want %s", p.Value, p.Rate, limit, got.Format(time.DateOnly), ok, want.Format(time.DateOnly))
					}
				}
			}
		}
	}
	if late > 5 {
		t.Errorf("and %d more", late-5)
	}
}

func TestCrossingNearHorizon(t *testing.T) {
	p := Projection{Start: date("2025-01-01"), Rate: 1, Per: Year}
	got, ok := p.Crossing(999)
	if !ok {
		t.Fatalf("Crossing(999 at 1/year) = false; want a day 999 years on")
	}
	if got.Year() != 3024 {
		t.Errorf("Crossing(999 at 1/year) = %s; want a day in 3024", got.Format(time.DateOnly))
	}
}

func TestParse(t *testing.T) {
	for _, per := range []Period{Hour, Day, Week, Month, Year} {
		got, ok := ParsePeriod(per.String())
		if !ok || got != per {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v, true", per.String(), got, ok, per)
		}
	}
	if got, ok := ParsePeriod("fortnight"); ok {
		t.Errorf("ParsePeriod(fortnight) = %v, true; want false", got)
	}
	for _, m := range []Model{Linear, Exponential} {
		got, ok := ParseModel(m.String())
		if !ok || got != m {
			t.Errorf("ParseModel(%q) = %v, %v; want %v, true", m.String(), got, ok, m)
		}
	}
	if got, ok := ParseModel("logistic"); ok {
		t.Errorf("ParseModel(logistic) = %v, true; want false", got)
	}
	days := map[Period]float64{Hour: 1.0 / 24, Day: 1, Week: 7, Month: 30.436875, Year: 365.2425}
	for per, want := range days {
		if got := per.Days(); math.Abs(got-want) > 1e-12 {
			t.Errorf("%v.Days() = %v; want %v", per, got, want)
		}
	}
}

func TestFit(t *testing.T) {
	tests := []struct {
		name      string
		dates     []string
		values    []float64
		per       Period
		model     Model
		wantStart string
		wantValue float64
		wantRate  float64
		wantR2    float64
	}{
		{"exact line, unsorted", []string{"2025-01-11", "2025-01-01", "2025-01-06"}, []float64{40, 10, 25}, Day, Linear, "2025-01-01", 10, 3, 1},
		{"exact line per week", []string{"2025-01-01", "2025-01-06", "2025-01-11"}, []float64{10, 25, 40}, Week, Linear, "2025-01-01", 10, 21, 1},
		{"flat", []string{"2025-01-01", "2025-01-02"}, []float64{5, 5}, Day, Linear, "2025-01-01", 5, 0, 1},
		// Six times 0.7 sums to 4.2000000000000002 in binary, whose mean is
		// a hair above 0.7: measured from it, the values seemed to vary, by
		// nothing the line explained, and r² came out 0.
		{"flat in decimals", []string{"2025-01-01", "2025-01-05", "2025-02-01", "2025-03-01", "2025-03-09", "2025-03-19"}, []float64{0.7, 0.7, 0.7, 0.7, 0.7, 0.7}, Month, Linear, "2025-01-01", 0.7, 0, 1},
		{"flat in decimals, exponential", []string{"2025-01-01", "2025-01-05", "2025-02-01", "2025-03-01", "2025-03-09", "2025-03-19"}, []float64{2.675, 2.675, 2.675, 2.675, 2.675, 2.675}, Month, Exponential, "2025-01-01", 2.675, 0, 1},
		// Least squares through (0,0) (1,2) (2,1): slope 0.5, intercept 0.5,
		// residuals -0.5 1 -0.5, r² = 1 - 1.5/2.
		{"noisy", []string{"2025-01-01", "2025-01-02", "2025-01-03"}, []float64{0, 2, 1}, Day, Linear, "2025-01-01", 0.5, 0.5, 0.25},
		{"doubling weekly", []string{"2025-01-01", "2025-01-08", "2025-01-15"}, []float64{100, 200, 400}, Week, Exponential, "2025-01-01", 100, 100, 1},
		// Quarters dated by their last days, 100 a quarter: counted from
		// 30 June, 31 December was 6 months and a day, and the fit 33.297
		// a month with an r² of 0.99999. Month ends are whole months apart.
		{"quarter ends per month", []string{"2024-06-30", "2024-09-30", "2024-12-31", "2025-03-31", "2025-06-30"}, []float64{100, 200, 300, 400, 500}, Month, Linear, "2024-06-30", 100, 100.0 / 3, 1},
		{"quarter ends per year", []string{"2024-06-30", "2024-09-30", "2024-12-31", "2025-03-31", "2025-06-30"}, []float64{100, 200, 300, 400, 500}, Year, Linear, "2024-06-30", 100, 400, 1},
		// Figures of months, and of quarters by their first days, by the
		// year: counted by the days of the year, 1 June was 152/366 of
		// 2024, and 10 a month was fitted 121 a year, r² 0.9999.
		{"months per year", []string{"2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01"}, []float64{100, 110, 120, 130, 140, 150}, Year, Linear, "2024-01-01", 100, 120, 1},
		{"quarter starts per year", []string{"2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01"}, []float64{100, 200, 300, 400}, Year, Linear, "2024-01-01", 100, 400, 1},
		{"the 30th per month", []string{"2025-01-30", "2025-03-30", "2025-04-30"}, []float64{10, 30, 40}, Month, Linear, "2025-01-30", 10, 10, 1},
		{"month ends across 29 February", []string{"2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"}, []float64{1, 2, 4, 8}, Month, Exponential, "2024-01-31", 1, 100, 1},
	}
	for _, tt := range tests {
		var dates []time.Time
		for _, d := range tt.dates {
			dates = append(dates, date(d))
		}
		p, r2, err := Fit(dates, tt.values, tt.per, tt.model)
		if err != nil {
			t.Errorf("%s: Fit: %v", tt.name, err)
			continue
		}
		if !p.Start.Equal(date(tt.wantStart)) {
			t.Errorf("%s: Fit start = %s; want %s", tt.name, p.Start.Format(time.DateOnly), tt.wantStart)
		}
		if math.Abs(p.Value-tt.wantValue) > 1e-9 || math.Abs(p.Rate-tt.wantRate) > 1e-9 || math.Abs(r2-tt.wantR2) > 1e-9 {
			t.Errorf("%s: Fit = value %v, rate %v, r² %v; want %v, %v, %v", tt.name, p.Value, p.Rate, r2, tt.wantValue, tt.wantRate, tt.wantR2)
		}
		if p.Per != tt.per || p.Model != tt.model {
			t.Errorf("%s: Fit per, model = %v, %v; want %v, %v", tt.name, p.Per, p.Model, tt.per, tt.model)
		}
	}
}

// TestFitLevel checks that values whose least-squares line is level, as
// their decimals give it, are fitted a rate of 0, not the remainder of
// binary arithmetic: 0.1, 0.4 and 0.16 on days 0, 1 and 3 were fitted
// -5.95e-18 a day, which the prose and the chart's summary wrote in full
// ("falling 0.00000000000000000595 a day").
func TestFitLevel(t *testing.T) {
	days := []time.Time{date("2025-01-01"), date("2025-01-02"), date("2025-01-04")}
	for _, tc := range []struct {
		values []float64
		model  Model
	}{
		{[]float64{0.1, 0.4, 0.16}, Linear},
		{[]float64{1000.1, 1000.4, 1000.16}, Linear},
		{[]float64{-7.3, -7, -7.24}, Linear},
		{[]float64{2, 0.0625, 1}, Exponential},
	} {
		p, _, err := Fit(days, tc.values, Day, tc.model)
		if err != nil {
			t.Fatal(err)
		}
		if p.Rate != 0 {
			t.Errorf("Fit(%v, %v) rate = %v; want 0", tc.values, tc.model, p.Rate)
		}
	}
	// A slope the values do give, however small, is kept.
	p, _, err := Fit(days, []float64{0.1, 0.4, 0.1600000001}, Day, Linear)
	if err != nil || p.Rate == 0 {
		t.Errorf("Fit of a slope of 1e-11 = %v, %v; want it kept", p.Rate, err)
	}
}

func TestFitErrors(t *testing.T) {
	d1, d2 := date("2025-01-01"), date("2025-01-02")
	tests := []struct {
		name   string
		dates  []time.Time
		values []float64
		model  Model
		want   string
	}{
		{"one point", []time.Time{d1}, []float64{1}, Linear, "a fit needs at least 2 observations, got 1"},
		{"same date", []time.Time{d1, d1}, []float64{1, 2}, Linear, "a fit needs observations on at least 2 different dates"},
		{"mismatch", []time.Time{d1, d2}, []float64{1}, Linear, "2 dates but 1 values"},
		{"exponential zero", []time.Time{d1, d2}, []float64{0, 2}, Exponential, "an exponential fit needs values above 0, got 0"},
		{"NaN", []time.Time{d1, d2}, []float64{math.NaN(), 2}, Linear, "value NaN is not a finite number"},
	}
	for _, tt := range tests {
		_, _, err := Fit(tt.dates, tt.values, Day, tt.model)
		if err == nil {
			t.Errorf("%s: Fit succeeded; want error %q", tt.name, tt.want)
			continue
		}
		if got := err.Error(); got != tt.want {
			t.Errorf("%s: Fit error = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func FuzzCrossing(f *testing.F) {
	f.Add(0.0, 92.0, 12000.0, uint8(0), uint8(0), int16(0))
	f.Add(1000.0, -30.0, 100.0, uint8(0), uint8(0), int16(10))
	f.Add(100.0, 100.0, 800.0, uint8(1), uint8(1), int16(-400))
	f.Add(1.0, 10.0, 2.0, uint8(2), uint8(1), int16(3))
	f.Add(1e16, 1.0, 1e16+2, uint8(0), uint8(0), int16(0))
	f.Add(-100.0, -50.0, -25.0, uint8(0), uint8(1), int16(0))
	f.Add(5.0, 1e-300, 6.0, uint8(3), uint8(0), int16(0))
	f.Add(0.1, 1e300, 1e308, uint8(0), uint8(1), int16(0))
	f.Fuzz(func(t *testing.T, value, rate, limit float64, per, model uint8, startDay int16) {
		p := Projection{
			Start: date("2025-01-01").AddDate(0, 0, int(startDay)),
			Value: value,
			Rate:  rate,
			Per:   Period(per % 4),
			Model: Model(model % 2),
		}
		got, ok := p.Crossing(limit)
		if !ok {
			return
		}
		reaches := func(v float64) bool { return p.reaches(v, limit, limit >= value) }
		if got.Before(p.Start) {
			t.Fatalf("%+v: Crossing(%v) = %s, before the start", p, limit, got)
		}
		if v := p.ValueAt(got); !reaches(v) {
			t.Fatalf("%+v: Crossing(%v) = %s, where the value %v does not reach it", p, limit, got, v)
		}
		if day := got.AddDate(0, 0, -1); !day.Before(p.Start) {
			if v := p.ValueAt(day); reaches(v) {
				t.Fatalf("%+v: Crossing(%v) = %s, but the day before already has %v", p, limit, got, v)
			}
		}
	})
}

// TestMonthSteps checks MonthSteps, which finds each calendar step once,
// against stepping from the step the months between point to, one
// AddMonths a comparison, on days either side of month ends, leap days
// and times of day, forward and back, by a month, a quarter and a year.
func TestMonthSteps(t *testing.T) {
	slow := func(start, t time.Time, months int) float64 {
		sy, sm, _ := start.Date()
		ty, tm, _ := t.Date()
		k := ((ty-sy)*12 + int(tm-sm)) / months
		for AddMonths(start, k*months).After(t) {
			k--
		}
		for !AddMonths(start, (k+1)*months).After(t) {
			k++
		}
		from, to := AddMonths(start, k*months), AddMonths(start, (k+1)*months)
		return float64(k) + float64(t.Unix()-from.Unix())/float64(to.Unix()-from.Unix())
	}
	starts := []time.Time{date("2024-01-31"), date("2024-02-29"), date("2023-12-15"), date("2025-03-31").Add(18 * time.Hour)}
	for _, start := range starts {
		for days := -800; days <= 800; days += 3 {
			end := start.AddDate(0, 0, days).Add(time.Duration(days%24) * time.Hour)
			for _, months := range []int{1, 3, 12} {
				if got, want := MonthSteps(start, end, months), slow(start, end, months); got != want {
					t.Fatalf("MonthSteps(%v, %v, %d) = %v; want %v", start, end, months, got, want)
				}
			}
		}
	}
}
