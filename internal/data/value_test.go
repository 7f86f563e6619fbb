package data

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/plotline/plotline/internal/locale"
)

func TestFormat(t *testing.T) {
	n := func(f float64) Value { return Value{Kind: Number, Num: f} }
	exact := func(f float64) Value { return Value{Kind: Number, Num: f, Exact: true} }
	pct := func(f float64) Value { return Value{Kind: Number, Num: f, Exact: true, Percent: true} }
	d := func(s string) Value { return Value{Kind: Date, Date: day(s)} }
	// The date of an hourly reading, at 05:00.
	timed := Value{Kind: Date, Date: day("2025-03-03").Add(5 * time.Hour), Timed: true}
	tests := []struct {
		v         Value
		name, arg string
		want      string
	}{
		{n(12000), "", "", "12,000"},
		{timed, "", "", "3 March 2025"},
		{timed, "date", "15:04 on 2 January", "05:00 on 3 March"},
		{timed, "date", "15:04", "05:00"}, // the time alone
		{timed, "date", "3:04 PM", "5:00 AM"},
		{n(92), "", "", "92"},
		// abs writes a falling rate without its sign, with the decimals it
		// was written with, or N.
		{exact(-0.90), "abs", "", "0.9"},
		{Value{Kind: Number, Num: -2.5, Exact: true, Places: 2}, "abs", "", "2.50"},
		{n(-0.10404), "abs", "", "0.104"},
		{n(-1234.56), "abs", "1", "1,234.6"},
		{exact(12000), "abs", "", "12,000"},
		{n(3.5), "", "", "3.5"},
		{n(3.456), "", "", "3.46"},
		// A computed number is whole from 100 up and has three
		// significant figures below, as the chart writes it.
		{n(-1234567.5), "", "", "-1,234,568"},
		{n(4705.5), "", "", "4,706"},
		{n(92.26), "", "", "92.3"},
		{n(11959.999), "", "", "11,960"},
		// A computed number keeps three significant figures: r² of 0.998
		// is not "1".
		{n(-0.001), "", "", "-0.001"},
		{n(0.99812), "", "", "0.998"},
		{n(0.012345), "", "", "0.0123"},
		{n(1.0 / 3), "", "", "0.333"},
		{n(-0.63881), "", "", "-0.639"},
		// As the chart writes it: a computed 2e-11 is not "0".
		{n(1e-12), "", "", "0.000000000001"},
		{n(2.0046e-11), "", "", "0.00000000002"},
		{n(1.2345e-9), "", "", "0.00000000123"},
		{n(4e-21), "", "", "0"},
		// A number the writer wrote is shown as written.
		{exact(0.35), "", "", "0.35"},
		{exact(3.14159), "", "", "3.14159"},
		{exact(1545), "", "", "1,545"},
		{exact(0.0005), "", "", "0.0005"},
		// A zero written with decimals keeps them, as 0.50 does.
		{Value{Kind: Number, Exact: true, Places: 2}, "", "", "0.00"},
		{Value{Kind: Number, Num: math.Copysign(0, -1), Exact: true, Places: 1}, "", "", "0.0"},
		{exact(0), "", "", "0"},
		{n(0), "", "", "0"},
		// Every rounding takes halves away from zero, of the number as
		// written: 2.675 is 2.67499… in binary, 1.005 is 1.00499….
		{exact(2.675), "round", "2", "2.68"},
		{exact(1.005), "round", "2", "1.01"},
		{exact(0.285), "approx", "", "about 0.29"},
		{exact(2.25), "approx", "", "about 2.3"},
		{exact(12000.5), "comma", "", "12,001"},
		{exact(-2.5), "int", "", "-3"},
		{n(0.0125), "", "", "0.0125"},
		{n(2.675), "", "", "2.68"},
		// Tiny numbers stay numbers: 10 to the 311th overflows a float.
		{exact(1e-310), "approx", "", "about 0." + strings.Repeat("0", 309) + "1"},
		{n(100), "", "", "100"},
		{n(1000), "", "", "1,000"},
		{d("2025-04-15"), "", "", "15 April 2025"},
		{Value{Kind: Text, Text: "casualties"}, "", "", "casualties"},

		{d("2025-04-15"), "date", "", "15 April 2025"},
		{d("2025-04-15"), "date", "Monday 2 Jan", "Tuesday 15 Apr"},
		{d("2025-04-15"), "date", "2006-01-02", "2025-04-15"},
		{d("2025-04-15"), "date", "Monday", "Tuesday"},
		{d("2025-04-15"), "date", "January", "April"},
		{d("2025-04-15"), "date", "2006", "2025"},
		{d("2025-04-15"), "date", "1/2/06", "4/15/25"},
		{d("2025-04-15"), "date", "day 002 of 2006", "day 105 of 2025"},

		{d("2025-04-01"), "approx", "", "early April 2025"},
		{d("2025-04-10"), "approx", "", "early April 2025"},
		{d("2025-04-11"), "approx", "", "mid-April 2025"},
		{d("2025-04-20"), "approx", "", "mid-April 2025"},
		{d("2025-04-21"), "approx", "", "late April 2025"},
		{d("2025-04-30"), "approx", "", "late April 2025"},
		{n(11960), "approx", "", "about 12,000"},
		{n(92), "approx", "", "about 92"},
		{n(3.456), "approx", "", "about 3.5"},
		{n(0.01234), "approx", "", "about 0.012"},
		{n(995), "approx", "", "about 1,000"},
		{n(-1549), "approx", "", "about -1,500"},
		{n(0), "approx", "", "about 0"},
		// Large numbers in words, as a newsroom writes them.
		{n(15000000), "approx", "", "about 15 million"},
		{n(1549000), "approx", "", "about 1.5 million"},
		{n(999600), "approx", "", "about 1 million"},
		{n(994000), "approx", "", "about 990,000"},
		{n(-2.43e9), "approx", "", "about -2.4 billion"},
		{n(37.64e12), "approx", "", "about 38 trillion"},
		{n(1.234e15), "approx", "", "about 1,200 trillion"},
		// A number counted in thousands or more already keeps its digits:
		// "about 2.5 million thousand people" would be read, as a claim
		// reads it, as 2.5 million.
		{Value{Kind: Number, Num: 2.5e6, Scale: 3}, "approx", "", "about 2,500,000"},
		{Value{Kind: Number, Num: 37640, Scale: 9}, "approx", "", "about 38,000"},

		{n(11960.4), "comma", "", "11,960"},
		{n(2.5), "comma", "", "3"},
		{n(12345.67), "round", "1", "12,345.7"},
		{n(3.5), "round", "2", "3.50"},
		{n(2.5), "round", "0", "3"},
		// Significant figures, from a million up in words.
		{n(84123456), "figures", "3", "84.1 million"},
		// No whole digit written is rounded to zero, which a reader and
		// a claim would read as exact: not "80 million", nor "12,000".
		{n(84123456), "figures", "1", "84 million"},
		{n(1449999), "figures", "1", "1.4 million"}, // "1 million" is 0.95 to 1.05 million to a claim
		{n(1020000), "figures", "1", "1 million"},
		{n(4.56e23), "comma", "", "456,000,000,000,000,000,000,000"}, // not 455,999,999,999,999,983,222,784, the float's own digits
		{n(1e23), "int", "", "100000000000000000000000"},
		{n(99960000), "figures", "2", "100 million"},
		{n(2.449e9), "figures", "2", "2.4 billion"},
		{n(12345), "figures", "2", "12,345"},
		{n(3.4567), "figures", "3", "3.46"},
		{n(-0.012345), "figures", "3", "-0.0123"},
		{n(0), "figures", "2", "0"},
		{Value{Kind: Number, Num: 2500000, Scale: 3}, "figures", "2", "2,500,000"},
		{n(0.125), "percent", "", "12.5%"},
		{n(0.125), "percent", "0", "13%"},
		{n(1), "percent", "", "100%"},
		{exact(0.1), "percent", "", "10%"},
		{n(0.00123), "percent", "", "0.123%"},
		{pct(5), "percent", "", "5%"},
		{pct(-2.5), "percent", "1", "-2.5%"},
		// 0.145 is 14.5%, a half, though 0.145 × 100 is 14.499999999999998.
		{exact(0.145), "percent", "0", "15%"},
		{exact(-0.145), "percent", "0", "-15%"},
		{exact(0.00145), "percent", "2", "0.15%"},
		{n(11960.6), "int", "", "11961"},
		{n(-0.4), "int", "", "0"},
	}
	for _, tt := range tests {
		got, err := Format(tt.v, tt.name, tt.arg)
		if err != nil {
			t.Errorf("Format(%v, %q, %q): %v", tt.v, tt.name, tt.arg, err)
			continue
		}
		if got != tt.want {
			t.Errorf("Format(%v, %q, %q) = %q; want %q", tt.v, tt.name, tt.arg, got, tt.want)
		}
	}
}

// TestPercentRoundsAsWritten checks that percent rounds the hundredfold
// of a number as written, as a claim about it reads it: each of the
// numbers 0.0000 to 1.0000 in steps of 0.0001, with no decimals and with
// one, halves away from zero ("15%" for 0.145, which the claim "15%"
// holds), counted in whole numbers so that no binary fraction decides.
func TestPercentRoundsAsWritten(t *testing.T) {
	for k := range 10001 {
		f, err := strconv.ParseFloat(fmt.Sprintf("%d.%04d", k/10000, k%10000), 64)
		if err != nil {
			t.Fatal(err)
		}
		v := Value{Kind: Number, Num: f, Exact: true}
		// k/10000 is k/100 percent: (k+50)/100 whole, (k+5)/10 tenths.
		whole, tenths := (k+50)/100, (k+5)/10
		for _, c := range []struct{ arg, want string }{
			{"0", fmt.Sprintf("%d%%", whole)},
			{"1", fmt.Sprintf("%d.%d%%", tenths/10, tenths%10)},
		} {
			got, err := Format(v, "percent", c.arg)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("Format(%v, \"percent\", %q) = %q; want %q", f, c.arg, got, c.want)
			}
		}
	}
}

// TestFormatIn checks values in other languages: their numbers with the
// language's marks and digits, their dates with its names and order, the
// writer's layout in the writer's order.
func TestFormatIn(t *testing.T) {
	n := func(f float64) Value { return Value{Kind: Number, Num: f} }
	exact := func(f float64) Value { return Value{Kind: Number, Num: f, Exact: true} }
	d := func(s string) Value { return Value{Kind: Date, Date: day(s)} }
	tests := []struct {
		lang      string
		v         Value
		name, arg string
		want      string
	}{
		{"de", exact(12000), "", "", "12.000"},
		{"de", exact(3.5), "", "", "3,5"},
		{"de", n(-1234567.5), "", "", "-1.234.568"},
		{"de", n(92.26), "", "", "92,3"},
		{"de", n(0.125), "percent", "", "12,5\u00a0%"},
		{"de", n(11960), "approx", "", "etwa 12.000"},
		// A million and up in the language's words, by its plural rules.
		{"de", n(15000000), "approx", "", "etwa 15 Millionen"},
		{"de", n(1000000), "approx", "", "etwa 1 Million"},
		{"de", n(2.44e9), "approx", "", "etwa 2,4 Milliarden"},
		{"fr", n(1.5e6), "approx", "", "environ 1,5 million"},
		{"fr", n(2e6), "approx", "", "environ 2 millions"},
		{"es", n(2.4e9), "approx", "", "alrededor de 2,4 mil millones"},
		{"ru", n(5e9), "approx", "", "около 5 миллиардов"},
		{"ru", n(2.4e9), "approx", "", "около 2,4 миллиарда"},
		{"pl", n(22e6), "approx", "", "około 22 miliony"},
		{"ja", n(84_100_000), "approx", "", "約8400万"},
		{"en-IN", n(1500000), "approx", "", "about 15\u202flakh"},
		{"de", n(84123456), "figures", "3", "84,1 Millionen"},
		{"ru", n(84123456), "figures", "2", "84 миллиона"},
		{"de", n(11960.6), "int", "", "11961"},
		{"de", n(3.5), "round", "2", "3,50"},
		{"de", d("2025-11-04"), "", "", "4. November 2025"},
		{"de", d("2025-11-04"), "date", "", "4. November 2025"},
		{"de", d("2025-11-04"), "date", "Monday, 2. January", "Dienstag, 4. November"},
		{"de", d("2025-11-04"), "date", "2006-01-02", "2025-11-04"},
		// approx in the language's words, where plotline has them.
		{"de", d("2025-04-15"), "approx", "", "Mitte April 2025"},
		{"de", d("2025-03-10"), "approx", "", "Anfang März 2025"},
		{"de", d("2025-12-21"), "approx", "", "Ende Dezember 2025"},
		{"fr", d("2025-04-15"), "approx", "", "mi-avril 2025"},
		{"fr", d("2025-04-01"), "approx", "", "début avril 2025"},
		{"fr", n(11960), "approx", "", "environ 12\u00a0000"},
		{"es", d("2025-04-30"), "approx", "", "finales de abril de 2025"},
		{"es", n(0.01234), "approx", "", "alrededor de 0,012"},
		{"it", d("2025-08-11"), "approx", "", "metà agosto 2025"},
		{"pt-BR", d("2025-04-11"), "approx", "", "meados de abril de 2025"},
		{"nl", d("2025-04-20"), "approx", "", "half april 2025"},
		{"nl", n(11960), "approx", "", "ongeveer 12.000"},
		// Arabic, Hebrew and Persian, written from right to left, have
		// them too, with the language's digits.
		{"ar-EG", d("2025-04-15"), "approx", "", "منتصف أبريل ٢٠٢٥"},
		{"ar-EG", d("2025-11-04"), "approx", "", "أوائل نوفمبر ٢٠٢٥"},
		{"ar", d("2025-04-25"), "approx", "", "أواخر أبريل 2025"},
		{"ar-EG", n(11960), "approx", "", "نحو ١٢٬٠٠٠"},
		{"he", d("2025-11-04"), "approx", "", "תחילת נובמבר 2025"},
		{"he", d("2025-04-15"), "approx", "", "אמצע אפריל 2025"},
		{"he", n(11960), "approx", "", "כ־12,000"},
		{"fa", d("2025-07-25"), "approx", "", "اواخر ژوئیهٔ ۲۰۲۵"},
		{"fa", n(11960), "approx", "", "حدود ۱۲٬۰۰۰"},
		// A language without them writes English's.
		{"fi", d("2025-04-15"), "approx", "", "mid-April 2025"},
		{"sv", d("2025-04-15"), "approx", "", "mitten av april 2025"},
		{"ur", d("2025-04-15"), "approx", "", "mid-April 2025"},
		{"en-GB", d("2025-04-15"), "approx", "", "mid-April 2025"},
		{"en-GB", n(11960), "approx", "", "about 12,000"},
		{"fr", exact(12000), "", "", "12\u00a0000"},
		{"fr", exact(3.5), "", "", "3,5"},
		{"fr", d("2025-11-04"), "", "", "4 novembre 2025"},
		{"en-IN", exact(1200000), "", "", "12,00,000"},
		{"en-IN", d("2025-11-04"), "", "", "4 November 2025"},
		// CLDR's default digits: Arabic-Indic in Egypt, 0 to 9 for
		// Arabic without a country, Persian ones in Iran.
		{"ar-EG", exact(12000), "", "", "١٢٬٠٠٠"},
		{"ar-EG", n(11960.6), "int", "", "١١٩٦١"},
		{"ar-EG", d("2025-11-04"), "", "", "٤ نوفمبر ٢٠٢٥"},
		{"ar", exact(12000), "", "", "12,000"},
		{"ar", d("2025-11-04"), "", "", "4 نوفمبر 2025"},
		{"fa-IR", exact(12000), "", "", "۱۲٬۰۰۰"},
		{"fa-IR", n(0.125), "percent", "", "۱۲٫۵٪"},
		{"ar-u-nu-latn", exact(12000.5), "", "", "12,000.5"},
		{"ar-u-nu-latn", d("2025-11-04"), "", "", "4 نوفمبر 2025"},
		{"en", exact(12000), "", "", "12,000"},
		{"en", d("2025-11-04"), "", "", "4 November 2025"},
	}
	for _, tt := range tests {
		got, err := FormatIn(locale.New(tt.lang), tt.v, tt.name, tt.arg)
		if err != nil {
			t.Errorf("%s: FormatIn(%v, %q, %q): %v", tt.lang, tt.v, tt.name, tt.arg, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s: FormatIn(%v, %q, %q) = %q; want %q", tt.lang, tt.v, tt.name, tt.arg, got, tt.want)
		}
	}
}

func TestFormatErrors(t *testing.T) {
	tests := []struct {
		v         Value
		name, arg string
		want      string
	}{
		{Value{Kind: Number, Num: 1}, "foo", "", `unknown format "foo" (want date, approx, comma, round, figures, percent, abs or int)`},
		{Value{Kind: Date, Date: day("2025-04-15")}, "aprox", "", `unknown format "aprox" (want date, approx, comma, round, figures, percent, abs or int): did you mean approx?`},
		{Value{Kind: Number, Num: 1}, "Comma", "", `unknown format "Comma" (want date, approx, comma, round, figures, percent, abs or int): did you mean comma?`},
		{Value{Kind: Date, Date: day("2025-04-15")}, "dateFormat", "", `unknown format "dateFormat" (want date, approx, comma, round, figures, percent, abs or int): write date, which takes a Go layout: date "2 January 2006"`},
		{Value{Kind: Number, Num: 1}, "percentage", "", `unknown format "percentage" (want date, approx, comma, round, figures, percent, abs or int)`},
		{Value{Kind: Number, Num: -1}, "abs", "one", `format "abs" wants a number of decimals from 0 to 10, got "one"`},
		{Value{Kind: Date, Date: day("2025-04-15")}, "abs", "", `format "abs" needs a number, got a date`},
		{Value{Kind: Number, Num: 1}, "date", "", `format "date" needs a date, got a number`},
		{Value{Kind: Text, Text: "x"}, "approx", "", `format "approx" needs a number or a date, got text`},
		{Value{Kind: Date, Date: day("2025-01-01")}, "comma", "", `format "comma" needs a number, got a date`},
		{Value{Kind: Number, Num: 1}, "round", "", `format "round" wants a number of decimals from 0 to 10, got ""`},
		{Value{Kind: Number, Num: 1}, "round", "eleven", `format "round" wants a number of decimals from 0 to 10, got "eleven"`},
		{Value{Kind: Number, Num: 1}, "figures", "0", `format "figures" wants a number of significant figures from 1 to 6, got "0"`},
		{Value{Kind: Number, Num: 1}, "figures", "", `format "figures" wants a number of significant figures from 1 to 6, got ""`},
		{Value{Kind: Date, Date: day("2025-04-15")}, "figures", "2", `format "figures" needs a number, got a date`},
		{Value{Kind: Number, Num: 1}, "comma", "2", `format "comma" takes no argument, got "2"`},
		// A layout that is not Go's, or that has a time of day, would not
		// show the date.
		{Value{Kind: Date, Date: day("2025-04-15")}, "date", "YYYY-MM-DD", `format "date" wants a Go layout written with the date 2 January 2006, such as "2 January 2006" or "2006-01-02"; "YYYY-MM-DD" has no part of it, so it would be printed as it is: write "2006-01-02"`},
		{Value{Kind: Date, Date: day("2025-04-15")}, "date", "%d %B %Y", `format "date" wants a Go layout written with the date 2 January 2006, such as "2 January 2006" or "2006-01-02"; "%d %B %Y" has no part of it, so it would be printed as it is: write "02 January 2006"`},
		{Value{Kind: Date, Date: day("2025-04-15")}, "date", "dd/mm/yyyy", `format "date" wants a Go layout written with the date 2 January 2006, such as "2 January 2006" or "2006-01-02"; "dd/mm/yyyy" has no part of it, so it would be printed as it is: write "02/01/2006"`},
		// The writer's own month, weekday or year, printed as it is.
		{Value{Kind: Date, Date: day("2026-10-15")}, "date", "April 2", `format "date": layout "April 2" writes "April" on every date (15 October 2026, a Thursday, as "April 15"), as a layout names the parts of the date 2 January 2006, a Monday: write "January 2"`},
		{Value{Kind: Date, Date: day("2026-10-15")}, "date", "Tuesday 2 January", `format "date": layout "Tuesday 2 January" writes "Tuesday" on every date (15 October 2026, a Thursday, as "Tuesday 15 October"), as a layout names the parts of the date 2 January 2006, a Monday: write "Monday 2 January"`},
		{Value{Kind: Date, Date: day("2026-10-15")}, "date", "Tue, Jan 2", `format "date": layout "Tue, Jan 2" writes "Tue" on every date (15 October 2026, a Thursday, as "Tue, Oct 15"), as a layout names the parts of the date 2 January 2006, a Monday: write "Mon, Jan 2"`},
		{Value{Kind: Date, Date: day("2026-10-15")}, "date", "2 April 2025", `format "date": layout "2 April 2025" writes "April" on every date (15 October 2026, a Thursday, as "15 April 15150"), as a layout names the parts of the date 2 January 2006, a Monday: write a layout such as "2 January 2006"`},
		{Value{Kind: Date, Date: day("2026-10-15")}, "date", "Sept. 2, 2006", `format "date": layout "Sept. 2, 2006" writes "Sept" on every date (15 October 2026, a Thursday, as "Sept. 15, 2026"), as a layout names the parts of the date 2 January 2006, a Monday: write "Jan. 2, 2006"`},
		{Value{Kind: Date, Date: day("2026-10-15")}, "date", "Tues 2 Jan", `format "date": layout "Tues 2 Jan" writes "Tues" on every date (15 October 2026, a Thursday, as "Tues 15 Oct"), as a layout names the parts of the date 2 January 2006, a Monday: write "Mon 2 Jan"`},
		{Value{Kind: Date, Date: day("2026-10-15")}, "date", "2 January 2025", `format "date": layout "2 January 2025" writes "2025" on every date (15 October 2026, a Thursday, as "15 October 15150"), as a layout names the parts of the date 2 January 2006, a Monday: write "2 January 2006"`},
		{Value{Kind: Date, Date: day("2025-04-15")}, "date", "January 2nd", `format "date": layout "January 2nd" writes "nd" after a number on every date (April 15nd), as a Go layout has no ordinals: write the day alone, such as "January 2"`},
		{Value{Kind: Date, Date: day("2025-04-15")}, "date", "January 1st, 2006", `format "date": layout "January 1st, 2006" writes "st" after a number on every date (April 4st, 2025), as a Go layout has no ordinals: write the day alone, such as "January 2"`},
		{Value{Kind: Date, Date: day("2025-04-15")}, "date", "2 Jan 15:04", `format "date": layout "2 Jan 15:04" shows a time of day or a time zone, which a date of the data does not have (want only day, month, year and weekday, such as "2 January 2006")`},
		{Value{Kind: Date, Date: day("2025-04-15")}, "date", "2006-01-02 MST", `format "date": layout "2006-01-02 MST" shows a time of day or a time zone, which a date of the data does not have (want only day, month, year and weekday, such as "2 January 2006")`},
		// A time of the data with a layout of no date and no time.
		{Value{Kind: Date, Date: day("2025-04-15").Add(5 * time.Hour), Timed: true}, "date", "hh:mm", `format "date" wants a Go layout written with the date 2 January 2006, such as "2 January 2006" or "2006-01-02"; "hh:mm" has no part of it, so it would be printed as it is`},
		// An observation's time of day is kept as written, with no zone.
		{Value{Kind: Date, Date: day("2025-04-15").Add(5 * time.Hour), Timed: true}, "date", "15:04 MST", `format "date": layout "15:04 MST" shows a time zone, which the times of the data do not have, as they are kept as written (want day, month, year, weekday and time, such as "15:04 on 2 January 2006")`},
	}
	for _, tt := range tests {
		got, err := Format(tt.v, tt.name, tt.arg)
		if err == nil {
			t.Errorf("Format(%v, %q, %q) = %q; want error %q", tt.v, tt.name, tt.arg, got, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("Format(%v, %q, %q) error = %q; want %q", tt.v, tt.name, tt.arg, err, tt.want)
		}
	}
}

// TestUnitWords checks which units PercentUnit and pointsUnit take for a
// percentage and for percentage points: a word alone or followed by a
// space and what it counts, in any case, never a word it only starts.
func TestUnitWords(t *testing.T) {
	for _, c := range []struct {
		unit            string
		percent, points bool
	}{
		{"%", true, false}, {"percent", true, false}, {" Percent of adults ", true, false},
		{"per cent", true, false}, {"Prozent der Stimmen", true, false}, {"درصد", true, false},
		{"percentage points", false, true}, {"pp", false, true}, {"Prozentpunkte", false, true},
		{"percentages", false, false}, {"percentage", false, false}, {"pct.", false, false},
		{"percentage of GDP", true, false}, {"percentage point", false, true},
		{"ppm", false, false}, {"%s", false, false}, {"", false, false}, {"casualties", false, false},
	} {
		if got := PercentUnit(c.unit); got != c.percent {
			t.Errorf("PercentUnit(%q) = %v; want %v", c.unit, got, c.percent)
		}
		if got := pointsUnit(c.unit); got != c.points {
			t.Errorf("pointsUnit(%q) = %v; want %v", c.unit, got, c.points)
		}
	}
}

// TestUnitScale checks the multiples a unit's first word counts in, the
// abbreviations newsrooms write included ("bn dollars").
func TestUnitScale(t *testing.T) {
	for unit, want := range map[string]int{
		"billion dollars": 9, "bn dollars": 9, "Bn dollars": 9, "tn dollars": 12, "trillion dollars": 12,
		"billions d'euros": 12, "Mrd. Euro": 9, "thousand people": 3, "dollars": 0, "bnb tokens": 0, "": 0,
	} {
		if got := UnitScale(unit); got != want {
			t.Errorf("UnitScale(%q) = %d; want %d", unit, got, want)
		}
	}
}
