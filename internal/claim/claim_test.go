package claim

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

var asOf = day(2025, 1, 13)

func TestErrors(t *testing.T) {
	o := Options{AsOf: asOf}
	d := day(2025, 4, 15)
	q := Quantity{Value: 12000}
	series := Series{Grain: ByYear, Obs: []Observation{{day(1998, 1, 1), 15}, {day(2023, 1, 1), 14}, {day(2024, 1, 1), 14.5}}}
	tests := []struct {
		name   string
		check  func(string) error
		phrase string
		want   string
		is     Kind // the kind the phrase reads as instead, if any
	}{
		{"date", dateErr(d, o), "by sprung", `cannot read "by sprung": did you mean "by spring"?`, 0},
		{"date", dateErr(d, o), "by mid-Febuary 2025", `cannot read "by mid-Febuary 2025": did you mean "by mid-February 2025"?`, 0},
		{"date", dateErr(d, o), "in Agust", `cannot read "in Agust": did you mean "in August"?`, 0},
		{"date", dateErr(d, o), "by sprang or fall", `cannot read "by sprang or fall": want a date phrase such as "by spring 2025", "mid-April", "before the end of March" or "within 6 weeks"`, 0},
		{"number", numberErr(q, o), "about fourty thousand", `cannot read "about fourty thousand": did you mean "about forty thousand"?`, 0},
		{"number", numberErr(q, o), "about twelve thousnad", `cannot read "about twelve thousnad": did you mean "about twelve thousand"?`, 0},
		{"date", dateErr(d, o), "", `cannot read "": want a date phrase such as "by spring 2025", "mid-April", "before the end of March" or "within 6 weeks"`, 0},
		{"date", dateErr(d, o), "about 12,000", `"about 12,000" is a number phrase, not a date phrase`, KindNumber},
		{"date", dateErr(d, o), "nine times as many as", `"nine times as many as" is a comparison phrase, not a date phrase`, KindComparison},
		{"date", dateErr(d, o), "31 June 2025", `cannot read "31 June 2025": there is no 31 June`, 0},
		{"date", dateErr(d, o), "29 February 2025", `cannot read "29 February 2025": there is no 29 February 2025`, 0},
		{"date", dateErr(d, Options{}), "by spring", `cannot read "by spring": it leaves out the year, which needs an as-of date to place it`, 0},
		{"date", dateErr(d, Options{}), "within 6 weeks", `cannot read "within 6 weeks": it counts from the as-of date, which is not set`, 0},
		{"date", dateErr(d, Options{}), "by the end of the year", `cannot read "by the end of the year": it names a year relative to the as-of date, which is not set`, 0},
		{"date", dateErr(d, Options{Southern: true, AsOf: asOf}), "winter 2024/25", `cannot read "winter 2024/25": winter does not span two years in the southern hemisphere`, 0},
		{"date", dateErr(day(999, 12, 31), o), "by spring 2025", `date 0999-12-31 is outside the years 1000 to 9999`, 0},
		{"number", numberErr(q, o), "by spring 2025", `"by spring 2025" is a date phrase, not a number phrase`, KindDate},
		{"number", numberErr(q, o), "more than", `"more than" is a comparison phrase, not a number phrase`, KindComparison},
		{"number", numberErr(q, o), "about twelve thousand people", `cannot read "about twelve thousand people": want a number phrase such as "about 12,000", "more than 1.5 million", "between 10% and 15%" or "nearly twenty"`, 0},
		{"number", numberErr(q, Options{About: 1}), "about 12,000", `tolerance of "about" is 1; want a fraction from 0 to 1, such as 0.05`, 0},
		{"number", numberErr(q, Options{About: -0.1}), "about 12,000", `tolerance of "about" is -0.1; want a fraction from 0 to 1, such as 0.05`, 0},
		{"number", numberErr(Quantity{Value: math.NaN()}, o), "about 12,000", `the value is not a finite number`, 0},
		{"comparison", compareErr(q, q, o), "about 12,000", `"about 12,000" is a number phrase, not a comparison phrase`, KindNumber},
		{"comparison", compareErr(q, q, o), "mid-April", `"mid-April" is a date phrase, not a comparison phrase`, KindDate},
		{"comparison", compareErr(q, q, o), "three times more than", `cannot read "three times more than": readers take it both as "three times as many as" and as "four times as many as"; write the one that is meant`, 0},
		{"comparison", compareErr(q, Quantity{Value: math.Inf(1)}, o), "more than", `the value is not a finite number`, 0},
		{"comparison", compareErr(q, q, o), "the highest since 1998", `"the highest since 1998" is a history phrase, not a comparison phrase`, KindHistory},
		{"history", historyErr(series, o), "the higest since 1998", `cannot read "the higest since 1998": did you mean "the highest since 1998"?`, 0},
		{"history", historyErr(series, o), "a recrd high", `cannot read "a recrd high": did you mean "a record high"?`, 0},
		{"history", historyErr(series, o), "up 3% on a year erlier", `cannot read "up 3% on a year erlier": did you mean "up 3% on a year earlier"?`, 0},
		{"history", historyErr(series, o), "about 12,000", `"about 12,000" is a number phrase, not a history phrase`, KindNumber},
		{"history", historyErr(series, o), "mid-April", `"mid-April" is a date phrase, not a history phrase`, KindDate},
		{"history", historyErr(Series{Grain: ByYear, Obs: []Observation{{day(2024, 1, 1), math.NaN()}}}, o), "a record high", `the series holds a value that is not a finite number`, 0},
		// A phrase is refused unread past 200 characters, quoted by its start.
		{"date", dateErr(d, o), strings.Repeat("by spring ", 30), `cannot read "` + strings.Repeat("by spring ", 6) + `…": a claim is a phrase of at most 200 characters, not 300`, 0},
		{"number", numberErr(q, Options{Language: "de"}), strings.Repeat("\xb8", 201), `cannot read "` + strings.Repeat(`\xb8`, 60) + `…": a claim is a phrase of at most 200 characters, not 201`, 0},
		{"comparison", compareErr(q, q, o), strings.Repeat("ü", 250), `cannot read "` + strings.Repeat("ü", 60) + `…": a claim is a phrase of at most 200 characters, not 250`, 0},
		{"history", historyErr(series, o), strings.Repeat("a record high ", 20), `cannot read "` + strings.Repeat("a record high ", 4) + `a re…": a claim is a phrase of at most 200 characters, not 280`, 0},
	}
	for _, tt := range tests {
		err := tt.check(tt.phrase)
		if err == nil {
			t.Errorf("%s(%q): no error; want %s", tt.name, tt.phrase, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("%s(%q) error = %s; want %s", tt.name, tt.phrase, err, tt.want)
		}
		var e *Error
		if errors.As(err, &e) && e.Is != tt.is {
			t.Errorf("%s(%q) error is a %v phrase; want %v", tt.name, tt.phrase, e.Is, tt.is)
		}
	}
}

func dateErr(v time.Time, o Options) func(string) error {
	return func(s string) error { _, err := Date(s, v, o); return err }
}

func numberErr(v Quantity, o Options) func(string) error {
	return func(s string) error { _, err := Number(s, v, o); return err }
}

func historyErr(s Series, o Options) func(string) error {
	return func(p string) error { _, err := History(p, s, len(s.Obs)-1, o); return err }
}

func compareErr(v, w Quantity, o Options) func(string) error {
	return func(s string) error { _, err := Compare(s, v, w, o); return err }
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		phrase string
		want   Kind
	}{
		{"by spring 2025", KindDate},
		{"by spring", KindDate}, // no as-of date is needed to tell the kind
		{"29 February 2025", KindDate},
		{"2025", KindDate}, // a year first, though Number reads it too
		{"about 12,000", KindNumber},
		{"nearly twenty", KindNumber},
		{"between 10% and 15%", KindNumber},
		{"roughly a third", KindNumber}, // a share
		{"nine in ten", KindNumber},
		{"more than", KindComparison},
		{"a third of", KindComparison},
		{"30% more than", KindComparison},
		{"the highest since 1998", KindHistory},
		{"up 3% on a year earlier", KindHistory},
		{"has risen every year since 2010", KindHistory},
		{"rose 3% a year", KindHistory}, // refused, but known for what it is
		{"rose by 30%", KindComparison}, // a comparison first
		// 200 characters, the most a phrase may have.
		{"by spring 2025" + strings.Repeat(" ", 186), KindDate},
	}
	for _, tt := range tests {
		got, err := KindOf(tt.phrase)
		if err != nil || got != tt.want {
			t.Errorf("KindOf(%q) = %v, %v; want %v", tt.phrase, got, err, tt.want)
		}
	}
	if got, err := KindOf("by spring 2025" + strings.Repeat(" ", 187)); err == nil {
		t.Errorf("KindOf of a phrase of 201 characters = %v; want an error", got)
	}
	const want = `cannot read "by soon": want a date, number, comparison or history phrase such as "by spring 2025", "about 12,000", "more than" or "up 3% on a year earlier"`
	if got, err := KindOf("by soon"); err == nil || err.Error() != want {
		t.Errorf("KindOf(%q) = %v, %v; want error %s", "by soon", got, err, want)
	}
}

func TestValue(t *testing.T) {
	o := Options{AsOf: asOf}
	tests := []struct {
		name string
		got  func() (Verdict, error)
		want string
	}{
		{"date", func() (Verdict, error) { return Date("by spring 2025", day(2025, 8, 23), o) }, "23 August 2025"},
		{"date in a zone", func() (Verdict, error) {
			return Date("on 23 August 2025", time.Date(2025, 8, 23, 0, 0, 0, 0, time.FixedZone("CEST", 7200)), o)
		}, "23 August 2025"},
		{"number", func() (Verdict, error) { return Number("about 12,000", Quantity{Value: 11960}, o) }, "11,960"},
		{"float noise", func() (Verdict, error) { return Number("about 12,000", Quantity{Value: 11960.000000000002}, o) }, "11,960"},
		{"small", func() (Verdict, error) { return Number("about 0.01", Quantity{Value: 0.0123456789}, o) }, "0.0123457"},
		{"percent phrase", func() (Verdict, error) { return Number("about 12%", Quantity{Value: 0.125}, o) }, "12.5%"},
		{"percent value", func() (Verdict, error) { return Number("about 12", Quantity{Value: 12.5, Percent: true}, o) }, "12.5%"},
		{"currency", func() (Verdict, error) { return Number("about $1.5 million", Quantity{Value: -1620000}, o) }, "-$1,620,000"},
		{"ratio", func() (Verdict, error) {
			return Compare("nine times as many as", Quantity{Value: 2700}, Quantity{Value: 300}, o)
		}, "2,700 is 9 times 300"},
		{"ratio rounded", func() (Verdict, error) { return Compare("nine times", Quantity{Value: 2547}, Quantity{Value: 300}, o) }, "2,547 is 8.49 times 300"},
		// 2.3493 is not written 2.35, which would read as 2.4 beside the
		// suggestion "2.3 times".
		{"ratio not on a half", func() (Verdict, error) {
			return Compare("nearly double", Quantity{Value: 881}, Quantity{Value: 375}, o)
		}, "881 is 2.349 times 375"},
		{"increase not on a half", func() (Verdict, error) {
			return Compare("30% more than", Quantity{Value: 1254.9}, Quantity{Value: 1000}, o)
		}, "1,254.9 is 25.49% more than 1,000"},
		{"share", func() (Verdict, error) { return Compare("30% of", Quantity{Value: 90}, Quantity{Value: 300}, o) }, "90 is 30% of 300"},
		{"increase", func() (Verdict, error) {
			return Compare("30% more than", Quantity{Value: 390}, Quantity{Value: 300}, o)
		}, "390 is 30% more than 300"},
		{"decrease", func() (Verdict, error) {
			return Compare("30% more than", Quantity{Value: 210}, Quantity{Value: 300}, o)
		}, "210 is 30% less than 300"},
		{"no ratio", func() (Verdict, error) { return Compare("twice", Quantity{Value: 5}, Quantity{Value: 0}, o) }, "5 against 0: there is no ratio"},
		{"negative ratio", func() (Verdict, error) {
			return Compare("30% more than", Quantity{Value: -390}, Quantity{Value: -300}, o)
		}, "-390 against -300: no ratio is read to a number below 0"},
		{"relation", func() (Verdict, error) {
			return Compare("more than", Quantity{Value: 5, Percent: true}, Quantity{Value: 0.04}, o)
		}, "5% against 0.04"},
	}
	for _, tt := range tests {
		v, err := tt.got()
		if err != nil || v.Value != tt.want {
			t.Errorf("%s: Value = %q, %v; want %q", tt.name, v.Value, err, tt.want)
		}
	}
}

// TestApproxIsTrue checks that what plotline's approx format prints for a
// day ("early April 2025", "mid-April 2025", "late April 2025") is a true
// claim about that day, and a false one about the days of the other thirds.
func TestApproxIsTrue(t *testing.T) {
	o := Options{AsOf: asOf}
	for d := day(2024, 1, 1); d.Before(day(2027, 1, 1)); d = d.AddDate(0, 0, 1) {
		part := "late "
		switch {
		case d.Day() <= 10:
			part = "early "
		case d.Day() <= 20:
			part = "mid-"
		}
		phrase := part + d.Format("January 2006")
		v, err := Date(phrase, d, o)
		if err != nil || !v.True {
			t.Fatalf("Date(%q, %s) = %+v, %v; want true", phrase, d.Format(time.DateOnly), v, err)
		}
		if v.Suggest != phrase {
			t.Fatalf("Date(%q, %s) suggests %q; want the phrase itself", phrase, d.Format(time.DateOnly), v.Suggest)
		}
		for _, other := range []string{"early ", "mid-", "late "} {
			if other == part {
				continue
			}
			if v, _ := Date(other+d.Format("January 2006"), d, o); v.True {
				t.Fatalf("Date(%q, %s) is true; want false", other+d.Format("January 2006"), d.Format(time.DateOnly))
			}
		}
	}
}

// TestSuggestionsHold checks, over many phrases and values, that the
// suggestion of every false verdict is read as the same kind and holds.
func TestSuggestionsHold(t *testing.T) {
	datePhrases := []string{
		"by spring 2025", "mid-April", "late April 2025", "before the end of March", "within 6 weeks",
		"within a month", "within 2 years", "within 10 days", "winter 2024/25", "in summer", "Q3 2025",
		"the end of February 2025", "after early April", "not before 2026", "between March and May",
		"15 April 2025", "the first half of next year", "this summer", "the coming winter", "later this year",
		"by year-end", "end-March", "between 15 and 20 April", "the first week of April", "next month",
		"by the end of the quarter", "by the end of the decade", "around the turn of the year", "by Christmas",
	}
	numberPhrases := []string{
		"12,000", "about 12,000", "nearly 12,000", "just over 12,000", "more than 12,000", "at least 12,000",
		"fewer than 12,000", "at most 12,000", "between 11,000 and 13,000", "1.5 million", "about 1.5 million",
		"at least 1.5 million", "5%", "about 5%", "more than 5%", "twelve", "about $2 billion", "-5", "nearly -100",
		"just over -100", "0", "about 0", "nearly 0", "12.50", "a million", "$1.2bn", "12k", "a third",
		"roughly half", "nine in ten", "half a million", "well over 10,000", "as many as 12,000", "just under -100",
		"two and a half million",
	}
	comparePhrases := []string{
		"more than", "fewer than", "higher than", "above", "far more than", "far fewer than", "as many as",
		"the same as", "about the same as", "nearly as many as", "at least as many as", "nine times as many as",
		"twice", "half", "half as much as", "a third of", "about a third of", "30% of", "30% more than",
		"30% lower than", "more than twice as many as", "less than half", "2.5 times", "two-thirds of",
		"a fifth more than", "slightly more than", "well below", "2 percentage points more than", "up 10% on",
		"double", "one in five", "a third as many as", "12 points ahead of", "down from", "150 more than",
		"about 3,000 fewer than", "rose by 150", "has fallen by more than 1.5 million", "up 12k on",
	}
	values := []float64{0, 1, -1, 0.5, 0.05, 0.0549, 0.125, 2, 2.5, 7, 90, 95, 100, 150, 210, 285, 299, 300, 301,
		315, 449.7, 600, 999.5, 1000, 2547, 2700, 11399, 11960, 12000, 12600.01, 1449999, 1620000, 2e9, -95, -105.1, -300, 1e-9}
	for _, about := range []float64{0, 0.001, 0.2} {
		for _, south := range []bool{false, true} {
			o := Options{AsOf: asOf, About: about, Southern: south}
			for _, p := range datePhrases {
				if south && p == "winter 2024/25" {
					continue // not a southern winter
				}
				for d := day(2024, 6, 1); d.Before(day(2027, 6, 1)); d = d.AddDate(0, 0, 5) {
					v, err := Date(p, d, o)
					holds(t, fmt.Sprintf("date %q at %s (%+v)", p, d.Format(time.DateOnly), o), v, err,
						func(s string) (Verdict, error) { return Date(s, d, o) })
				}
			}
			if south {
				continue
			}
			for _, p := range numberPhrases {
				for _, x := range values {
					for _, q := range []Quantity{{Value: x}, {Value: x, Percent: true}, {Value: x, Scale: 6}} {
						v, err := Number(p, q, o)
						holds(t, fmt.Sprintf("number %q for %+v (%+v)", p, q, o), v, err,
							func(s string) (Verdict, error) { return Number(s, q, o) })
					}
				}
			}
			for _, p := range comparePhrases {
				for _, x := range values {
					for _, y := range []float64{300, 0.3, -300, 0, 12000} {
						for _, pair := range [][2]Quantity{
							{{Value: x}, {Value: y}}, {{Value: x, Percent: true}, {Value: y, Percent: true}},
							{{Value: x, Scale: 6}, {Value: y, Scale: 6}}, {{Value: x, Scale: 9}, {Value: y, Scale: 6}},
						} {
							a, b := pair[0], pair[1]
							v, err := Compare(p, a, b, o)
							if err != nil && (strings.Contains(p, "points") != a.Percent) {
								continue // points of plain numbers, a difference of percentages: refused
							}
							holds(t, fmt.Sprintf("comparison %q for %+v against %+v (%+v)", p, a, b, o), v, err,
								func(s string) (Verdict, error) { return Compare(s, a, b, o) })
						}
					}
				}
			}
		}
	}
}

// holds fails t unless v, a verdict about what, is true or suggests a
// phrase that again reads and is true.
func holds(t *testing.T, what string, v Verdict, err error, again func(string) (Verdict, error)) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if v.Meaning == "" || v.Suggest == "" {
		t.Fatalf("%s: empty meaning or suggestion in %+v", what, v)
	}
	if v.True {
		return
	}
	s, err := again(v.Suggest)
	if err != nil || !s.True {
		t.Fatalf("%s is false (%s, value %s); suggestion %q = %+v, %v; want true", what, v.Meaning, v.Value, v.Suggest, s, err)
	}
	if strings.TrimSpace(v.Suggest) != v.Suggest {
		t.Fatalf("%s: suggestion %q has spaces around it", what, v.Suggest)
	}
}

// TestLexGroups checks which runs of digits and spaces read as one number:
// a space groups thousands only before exactly three digits and after at
// most three, so a year and the number after it stay two numbers.
func TestLexGroups(t *testing.T) {
	for _, tc := range []struct {
		phrase string
		want   []string
	}{
		{"12 000", []string{"12,000"}},
		{"12\u202f000\u202f000", []string{"12,000,000"}},
		{"12\u2009000.5", []string{"12,000.5"}},
		{"in 2024 12 000 people", []string{"in", "2024", "12,000", "people"}},
		{"2024 12000", []string{"2024", "12000"}},
		{"April 15 2025", []string{"april", "15", "2025"}},
		{"12 0000", []string{"12", "0000"}},
		{"1 23", []string{"1", "23"}},
		{"1 000,000", []string{"1,000", ",", "000"}},
		{"Q1 2025", []string{"q", "1", "2025"}},
		{"-1 500", []string{"-1,500"}},
	} {
		var got []string
		for _, tok := range lex(tc.phrase) {
			got = append(got, tok.text)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("lex(%q) = %q; want %q", tc.phrase, got, tc.want)
		}
	}
}

// TestDateSpanAgreesWithDays checks DateSpan against Date day by day: for
// months and years from 2023 to 2027 and phrases of every shape, a phrase
// holds of the span when Date finds it true of every day, is false when
// Date finds it false of every day, and is refused otherwise.
func TestDateSpanAgreesWithDays(t *testing.T) {
	phrases := []string{
		"in 2024", "by 2025", "before 2026", "after 2024", "not before 2025", "mid-2024", "early 2025",
		"the first half of 2024", "H2 2025", "Q3 2024", "this quarter", "next year", "last year", "this year",
		"in September 2024", "by spring", "before the end of March", "within 6 weeks", "within 2 years",
		"in less than a year", "the 2020s", "winter 2024/25", "in 2024/25", "this week", "later this year",
		"earlier this year", "the turn of the year", "by the end of 2025", "between March and May 2025",
		"on 15 April 2025", "in April", "late 2024", "this summer", "the coming winter", "within a decade",
	}
	o := Options{AsOf: time.Date(2025, 1, 13, 0, 0, 0, 0, time.UTC)}
	var spans [][2]time.Time
	for y := 2023; y <= 2027; y++ {
		spans = append(spans, [2]time.Time{day(y, 1, 1), day(y, 12, 31)})
		for m := time.January; m <= time.December; m++ {
			spans = append(spans, [2]time.Time{day(y, m, 1), day(y, m+1, 0)})
		}
	}
	for _, phrase := range phrases {
		for _, s := range spans {
			trues, falses, refused := 0, 0, 0
			for d := s[0]; !d.After(s[1]); d = d.AddDate(0, 0, 1) {
				v, err := Date(phrase, d, o)
				switch {
				case err != nil:
					refused++
				case v.True:
					trues++
				default:
					falses++
				}
			}
			v, err := DateSpan(phrase, s[0], s[1], o)
			switch {
			case refused == 0 && falses == 0:
				if err != nil || !v.True {
					t.Errorf("%q of %s: %+v, %v; want true, as of every day", phrase, valueText(span{s[0], s[1]}), v, err)
				}
			case refused == 0 && trues == 0:
				if err != nil || v.True {
					t.Errorf("%q of %s: %+v, %v; want false, as of every day", phrase, valueText(span{s[0], s[1]}), v, err)
				}
			default:
				if err == nil {
					t.Errorf("%q of %s: %+v; want it refused: %d days true, %d false, %d refused", phrase, valueText(span{s[0], s[1]}), v, trues, falses, refused)
				}
			}
		}
	}
}
