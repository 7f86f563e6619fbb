package data

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/locale"
)

// TestCheckLiterals checks which numbers and dates typed in prose are
// taken for values of the page's data, and which are left alone.
func TestCheckLiterals(t *testing.T) {
	blocks, msgs := parse(t, kursk+`      per: day
  fund:
    series:
      - {date: 2025-02-01, value: 2025}
      - {date: 2025-03-01, value: 9.8}
      - {date: 2025-03-03, value: 0.125}
  staff:
    series:
      - {date: 2025-03-03, value: 25}
  lake:
    series:
      - {date: 2025-03-03, value: 1040.8}
    projection: {rate: -0.9, per: week, limit: 895}
`, nil)
	if len(msgs) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(msgs, "\n"))
	}
	scope := NewScope(blocks)
	for _, tc := range []struct {
		text string
		want []string // "token → expression"
	}{
		{"At 92 a day the 12,000 are gone by 15 April.", []string{
			`92 → {{ losses.rate }}`, `12,000 → {{ losses.limit }}`, `15 April → {{ losses.crossing | date "2 January" }}`}},
		{"It reaches 12000 on 15 April 2025, or April 15, 2025, or 2025-04-15.", []string{
			`12000 → {{ losses.limit | int }}`, `15 April 2025 → {{ losses.crossing }}`,
			`April 15, 2025 → {{ losses.crossing | date "January 2, 2006" }}`, `2025-04-15 → {{ losses.crossing | date "2006-01-02" }}`}},
		{"In mid-April 2025 and on 15 Apr. Mid-April 2025.", []string{
			`mid-April 2025 → {{ losses.crossing | approx }}`, `15 Apr → {{ losses.crossing | date "2 Jan" }}`,
			`Mid-April 2025 → {{ losses.crossing | approx }}`}},
		// A third of a month without its year, as a writer types it
		// after reading the chart: "by mid-April".
		{"Spent by mid-April, or Mid-April; not by late April or early May.", []string{
			`mid-April → {{ losses.crossing | approx }}`, `Mid-April → {{ losses.crossing | approx }}`}},
		{"Latest 3,800 on 6 January; fund 0.125, 12.5%, 2025 and 9.8.", []string{
			`3,800 → {{ losses.last.value }}`, `6 January → {{ losses.last.date | date "2 January" }}`,
			`0.125 → {{ fund.last.value }}`, `12.5% → {{ fund.last.value | percent }}`}},
		// Left alone: single digits, years, parts of words and numbers,
		// numbers that are not the data's, what is inside {{ }}.
		{"Three, 7 or 2025; in 2024; COVID-19 and G92; 920 and 9,200; 92nd; 1.92", nil},
		{`The rate {{ losses.rate }} and {{ "92" }}, not 92.`, []string{`92 → {{ losses.rate }}`}},
		// Thousands grouped with spaces, as European style guides write
		// them; a year before a number stays a year.
		{"In 2024 12 000 people, then 12\u202f000 and 12\u2009000; 3 800 on 6 January.", []string{
			`12 000 → {{ losses.limit }}`, "12\u202f000 → {{ losses.limit }}", "12\u2009000 → {{ losses.limit }}",
			`3 800 → {{ losses.last.value }}`, `6 January → {{ losses.last.date | date "2 January" }}`}},
		{"Not 12 0000, 1 2000 or 120 00.", nil},
		// A split year is a year, written with a hyphen, a slash or an
		// en dash; 25 on its own is a number.
		{"In 2024–25, 2024-25 and 2024/25 the 25 staff; 1999–2000, 2024–26.", []string{
			`25 → {{ staff.first.value }}`}},
		// A falling rate is written without its sign: "falling 0.9 feet a
		// week" is lake.rate, -0.9.
		{"Falling 0.9 feet a week toward 895 feet.", []string{
			`0.9 → {{ lake.rate | abs }}`, `895 → {{ lake.limit }}`}},
		{"A range of 70–110 and -12,000 and (-92).", []string{
			`70 → {{ losses.low.rate }}`, `110 → {{ losses.high.rate }}`}},
		// A number said to count something else than the block's unit,
		// casualties, is not its value: "3,800 nurses", "$92"; one of
		// that unit, or followed by words that name nothing, is.
		{"Some 3,800 nurses and 3,800 casualties; $92 a ticket, 92 a day, 12,000 in all, 12,000 casualty reports.", []string{
			`3,800 → {{ losses.last.value }}`, `92 → {{ losses.rate }}`, `12,000 → {{ losses.limit }}`, `12,000 → {{ losses.limit }}`}},
		// The unit among the next words counts: "3,800 more Russian
		// casualties" are casualties.
		{"Then 3,800 Russian military casualties.", []string{`3,800 → {{ losses.last.value }}`}},
		// A number that names a thing, not an amount, is left: after
		// "Call", "Flight", "Chapter", "page", "Room", "No." or "#", in a
		// run of digit groups as telephone numbers are written, or glued
		// to letters.
		{"Call 0300 92 25 or phone 92; tel. 3800. Flight BA 92, BA92 and 92BA; Chapter 25, page 92, p. 25, pp. 92; Section 92, Room 25, No. 92, #25.", nil},
		{"Dial 020 3800 1234 or 555 123 4567; +44 20 3800 92.", nil},
		// Their neighbours are still the data's: a number after other
		// words, or after "No" that is not a number's sign.
		{"Within 92 days; page views rose by 92; no 92; in 2024 12 000 people.", []string{
			`92 → {{ losses.rate }}`, `92 → {{ losses.rate }}`, `92 → {{ losses.rate }}`, `12 000 → {{ losses.limit }}`}},
	} {
		got := typed(t, scope, tc.text)
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("CheckLiterals(%q):\n%s\nwant:\n%s", tc.text, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// TestCheckLiteralsInMillions checks a number typed as figures and approx
// write a large one in English, "84 million", which was passed without a
// word: the check read "84" and stopped at the word. The warning names
// figures 2, which writes it as typed, without approx's "about".
func TestCheckLiteralsInMillions(t *testing.T) {
	blocks, msgs := parse(t, `data:
  pop:
    series:
      - {date: 2024-01-01, value: 83200000}
      - {date: 2025-01-01, value: 84100000}
  debt:
    unit: trillion dollars
    series: [{date: 2025-01-01, value: 37.64}]
  staff:
    unit: million people
    series: [{date: 2025-01-01, value: 12}]
`, nil)
	if len(msgs) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(msgs, "\n"))
	}
	scope := NewScope(blocks)
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"About 84 million people, up from 83 million; not 85 million.", []string{
			`84 million → {{ pop.last.value | figures 2 }}`, `83 million → {{ pop.first.value | figures 2 }}`}},
		// A number of a block in millions or trillions is found with
		// the word after it, as the prose writes its unit.
		{"Debt is $38 trillion, and 12 million people work.", []string{
			`38 → {{ debt.first.value | comma }}`, `12 → {{ staff.first.value }}`}},
		{"It rose 84 millionfold.", nil},
		// Three figures, as figures 3 writes them; not 84.2 million.
		{"It reached 84.1 million, not 84.2 million.", []string{`84.1 million → {{ pop.last.value | figures 3 }}`}},
	} {
		got := typed(t, scope, tc.text)
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("CheckLiterals(%q):\n%s\nwant:\n%s", tc.text, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// TestCheckLiteralsLargeInLanguages checks that a large number typed as
// approx writes it in the site's language is found, with its word in any
// plural form and after any space: German's "84 Millionen", which the
// check read as 84 and stopped at the word.
func TestCheckLiteralsLargeInLanguages(t *testing.T) {
	blocks, msgs := parse(t, `data:
  pop:
    series:
      - {date: 2024-01-01, value: 1020000}
      - {date: 2025-01-01, value: 84100000}
  debt:
    series: [{date: 2025-01-01, value: 2440000000}]
`, nil)
	if len(msgs) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(msgs, "\n"))
	}
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"de", "Etwa 84 Millionen, 2,4 Milliarden und 1 Million; nicht 85 Millionen, nicht 84 Millionenstädte.", []string{
			`84 Millionen → {{ pop.last.value | figures 2 }}`, `2,4 Milliarden → {{ debt.first.value | figures 2 }}`,
			`1 Million → {{ pop.first.value | figures 2 }}`}},
		{"de", "Etwa 84\u00a0Millionen.", []string{"84\u00a0Millionen → {{ pop.last.value | figures 2 }}"}},
		{"fr", "Environ 84 millions et 2,4 milliards.", []string{
			`84 millions → {{ pop.last.value | figures 2 }}`, `2,4 milliards → {{ debt.first.value | figures 2 }}`}},
		{"ru", "Около 84 миллионов и 2,4 миллиарда.", []string{
			`84 миллионов → {{ pop.last.value | figures 2 }}`, `2,4 миллиарда → {{ debt.first.value | figures 2 }}`}},
		// A word without a space before it ends anywhere: "8400万人";
		// and a number between the letters of a language written
		// without spaces stands on its own.
		// figures 2 writes 84,100,000 as "8410万" in Japanese, whose
		// word counts in ten thousands, not "8400万", which approx
		// writes, as "約8400万"; it was named for "8400万", as in English
		// it writes "84 million".
		{"ja", "約8400万人と24億。", []string{`8400万 → {{ pop.last.value | approx }}`, `24億 → {{ debt.first.value | figures 2 }}`}},
		{"ja", "8410万人", []string{`8410万 → {{ pop.last.value | figures 2 }}`}},
		{"ja", "人口は84,100,000人", []string{`84,100,000 → {{ pop.last.value }}`}},
		// Indian English groups by two left of the first three, as
		// {{ }} writes these numbers on its pages.
		{"en-IN", "Some 8,41,00,000 and 10,20,000, not 8,41,00.", []string{`8,41,00,000 → {{ pop.last.value }}`, `10,20,000 → {{ pop.first.value }}`}},
		{"en", "About 84 million and 2.4 billion.", []string{
			`84 million → {{ pop.last.value | figures 2 }}`, `2.4 billion → {{ debt.first.value | figures 2 }}`}},
	} {
		scope := NewScope(blocks)
		scope.Locale = locale.New(tc.lang)
		got := typed(t, scope, tc.text)
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: CheckLiterals(%q):\n%s\nwant:\n%s", tc.lang, tc.text, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// TestCheckLiteralsInLanguages checks that numbers and dates typed in a
// language's own way are found: 12.000, 3,5 and 15. April 2025 in German,
// 12 000 and 15 avril in French, and that a German page's 12,000, twelve
// to a German reader, is not 12,000.
func TestCheckLiteralsInLanguages(t *testing.T) {
	blocks, msgs := parse(t, kursk+`      per: day
  fund:
    series:
      - {date: 2025-03-01, value: 9.8}
      - {date: 2025-03-03, value: 0.125}
`, nil)
	if len(msgs) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(msgs, "\n"))
	}
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"de", "Bei 92 am Tag sind die 12.000 weg; zuletzt 3.800, Fonds 0,125 und 12,5\u00a0% oder 12,5 %.", []string{
			`92 → {{ losses.rate }}`, `12.000 → {{ losses.limit }}`, `3.800 → {{ losses.last.value }}`,
			`0,125 → {{ fund.last.value }}`, "12,5\u00a0% → {{ fund.last.value | percent }}", `12,5 % → {{ fund.last.value | percent }}`}},
		{"de", "Nicht 12,000 und nicht 0.125; 12 000 doch.", []string{`12 000 → {{ losses.limit }}`}},
		{"fr", "Les 12\u00a0000 et 12 000, à 0,125 ; pas 12.000.", []string{
			"12\u00a0000 → {{ losses.limit }}", `12 000 → {{ losses.limit }}`, `0,125 → {{ fund.last.value }}`}},
		{"en", "The 12,000 and 0.125, not 12.000.", []string{`12,000 → {{ losses.limit }}`, `0.125 → {{ fund.last.value }}`}},
		// Spanish writes a number of four digits without a group, as
		// {{ }} writes 3,800 on its page: 3800 is found, as 12.000 is.
		{"es", "Quedan 3800 de 12.000, y 0,125.", []string{`3800 → {{ losses.last.value }}`, `12.000 → {{ losses.limit }}`, `0,125 → {{ fund.last.value }}`}},
		// Dates as the language writes them, the longest first; not
		// inside a longer number, nor inside {{ }}.
		{"de", "Am 15. April 2025, kurz: 15. Apr. 2025; am 15. April; seit 6. Januar; nicht 115. April; {{ \"15. April\" }}.", []string{
			`15. April 2025 → {{ losses.crossing }}`, `15. Apr. 2025 → {{ losses.crossing | date "2. Jan 2006" }}`,
			`15. April → {{ losses.crossing | date "2. January" }}`, `6. Januar → {{ losses.last.date | date "2. January" }}`}},
		// Egyptian Arabic's digits are not 0 to 9: a number typed with
		// those is read the English way; a date is found as the site
		// writes it.
		{"ar-EG", "12,000 في ١٥ أبريل ٢٠٢٥", []string{`12,000 → {{ losses.limit }}`, `١٥ أبريل ٢٠٢٥ → {{ losses.crossing }}`}},
		// A third of a month, as approx writes it, with its year and
		// without.
		{"de", "Bis Mitte April 2025, also bis Mitte April; nicht Ende April.", []string{
			`Mitte April 2025 → {{ losses.crossing | approx }}`, `Mitte April → {{ losses.crossing | approx }}`}},
		{"es", "A mediados de abril de 2025, o a mediados de abril.", []string{
			`mediados de abril de 2025 → {{ losses.crossing | approx }}`, `mediados de abril → {{ losses.crossing | approx }}`}},
		{"ru", "Запасы кончатся в середине апреля 2025 г., то есть в середине апреля.", []string{
			`в середине апреля 2025 г. → {{ losses.crossing | approx }}`, `в середине апреля → {{ losses.crossing | approx }}`}},
		{"lt", "Iki 2025 m. balandžio viduryje, t. y. balandžio viduryje.", []string{
			`2025 m. balandžio viduryje → {{ losses.crossing | approx }}`, `balandžio viduryje → {{ losses.crossing | approx }}`}},
		{"fr", "Le 15 avril 2025, ou le 15 avril.", []string{
			`15 avril 2025 → {{ losses.crossing }}`, `15 avril → {{ losses.crossing | date "2 January" }}`}},
		// CLDR joins Russian's "г." with a narrow no-break space; a date
		// typed with a space, or a no-break space, is the same date, found
		// whole, not as its day and month.
		{"ru", "К 15 апреля 2025 г. или к 15 апреля 2025 г.; 15 апр. 2025 г.", []string{
			`15 апреля 2025 г. → {{ losses.crossing }}`, "15 апреля 2025 г. → {{ losses.crossing }}",
			`15 апр. 2025 г. → {{ losses.crossing | date "2 Jan 2006\u202fг." }}`}},
	} {
		scope := NewScope(blocks)
		scope.Locale = locale.New(tc.lang)
		got := typed(t, scope, tc.text)
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: CheckLiterals(%q):\n%s\nwant:\n%s", tc.lang, tc.text, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// TestCheckLiteralsGroupedPercent types a percentage of four digits as
// German and French write it, with a group and a space before the sign
// ("1.250 %", "1 250 %"): the space was taken for a group's, so the
// number read as "1,250,%" and was not found.
func TestCheckLiteralsGroupedPercent(t *testing.T) {
	blocks, msgs := parse(t, `data:
  fund:
    series:
      - {date: 2025-03-01, value: 12.5}
`, nil)
	if len(msgs) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(msgs, "\n"))
	}
	for lang, text := range map[string]string{"de": "Es sind 1.250\u00a0% oder 1.250 %.", "fr": "Soit 1\u202f250\u00a0% ou 1 250 %."} {
		scope := NewScope(blocks)
		scope.Locale = locale.New(lang)
		got := typed(t, scope, text)
		if len(got) != 2 || !strings.HasSuffix(got[0], "→ {{ fund.first.value | percent }}") || !strings.HasSuffix(got[1], "→ {{ fund.first.value | percent }}") {
			t.Errorf("%s: CheckLiterals(%q) = %q; want both percentages found", lang, text, got)
		}
	}
}

// typed returns what CheckLiterals warns of in text, as "token →
// expression", and checks that each warning is one, at its token.
func typed(t *testing.T, scope *Scope, text string) []string {
	t.Helper()
	var diags diag.List
	scope.CheckLiterals(text, func(off int) diag.Pos { return diag.Pos{Path: "t", Line: 1, Col: off + 1} }, &diags)
	var got []string
	for _, d := range diags {
		if d.Severity != diag.Warning {
			t.Errorf("%q: %v is not a warning", text, d)
		}
		quoted, rest, _ := strings.Cut(d.Message, ` is typed by hand but comes from the data: write `)
		tok, err := strconv.Unquote(quoted)
		if err != nil {
			t.Errorf("%q: %v: %v", text, d, err)
		}
		expr, _, _ := strings.Cut(rest, " so it follows")
		got = append(got, tok+" → "+expr)
		// The position is where the token starts.
		if !strings.HasPrefix(text[d.Pos.Col-1:], tok) {
			t.Errorf("%q: %q reported at column %d", text, tok, d.Pos.Col)
		}
	}
	return got
}

// BenchmarkCheckLiterals looks for typed values in 1,000 words of prose
// with a few numbers and dates in it, as a build does for every paragraph.
func BenchmarkCheckLiterals(b *testing.B) {
	blocks, msgs := parse(b, kursk, nil)
	if len(msgs) > 0 {
		b.Fatal(msgs)
	}
	scope := NewScope(blocks)
	text := strings.Repeat("The contingent of about 12,000 troops lost men at a steady pace through the winter, and officials said on 6 January that the count stood near 3,800; analysts expect the rest to follow by mid-April 2025 unless the pace changes. ", 25)
	at := func(int) diag.Pos { return diag.Pos{} }
	b.ReportAllocs()
	for b.Loop() {
		var diags diag.List
		scope.CheckLiterals(text, at, &diags)
	}
}

// TestDateFormatsAreGood checks the precondition of dateLiteral: every
// layout the check writes dates in passes Format's check of a writer's
// layout, and dateLiteral writes what Format writes.
func TestDateFormatsAreGood(t *testing.T) {
	day := Value{Kind: Date, Date: time.Date(2025, 4, 15, 0, 0, 0, 0, time.UTC)}
	month := Value{Kind: Date, Date: time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC), Grain: ByMonth}
	year := Value{Kind: Date, Date: time.Date(1959, 1, 1, 0, 0, 0, 0, time.UTC), Grain: ByYear}
	for _, c := range []struct {
		v       Value
		formats []literalFormat
	}{{day, dateFormats}, {month, monthFormats}, {year, yearFormats}} {
		for _, f := range c.formats {
			want, err := Format(c.v, f.name, f.arg)
			if err != nil {
				t.Errorf("Format(%q, %q) of %s: %v", f.name, f.arg, c.v.Grain, err)
				continue
			}
			if got, err := dateLiteral(c.v, f); got != want || err != nil {
				t.Errorf("dateLiteral(%q, %q) of %s = %q, %v; want %q", f.name, f.arg, c.v.Grain, got, err, want)
			}
		}
	}
}

// TestDateFormatsWriteWords checks the precondition of dateLiterals:
// writesWords says of every format of the check whether it writes a
// letter, for dates of every grain, with a time of day or without.
func TestDateFormatsWriteWords(t *testing.T) {
	for _, v := range []Value{
		{Kind: Date, Date: time.Date(2025, 4, 15, 0, 0, 0, 0, time.UTC)},
		{Kind: Date, Date: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)},
		{Kind: Date, Date: time.Date(2025, 12, 31, 13, 45, 0, 0, time.UTC), Timed: true},
		{Kind: Date, Date: time.Date(999, 9, 1, 0, 0, 0, 0, time.UTC), Grain: ByMonth},
		{Kind: Date, Date: time.Date(1959, 1, 1, 0, 0, 0, 0, time.UTC), Grain: ByYear},
		{Kind: Date, Date: time.Date(12, 1, 1, 0, 0, 0, 0, time.UTC), Grain: ByYear},
	} {
		grain := v.Grain.Shows(v.Date)
		for _, f := range [...][]literalFormat{ByDay: dateFormats, ByMonth: monthFormats, ByYear: yearFormats}[grain] {
			text, err := dateLiteral(v, f)
			if err != nil {
				t.Fatal(err)
			}
			if words := strings.ContainsFunc(text, unicode.IsLetter); words != writesWords(f, grain) {
				t.Errorf("%v in %v writes %q; writesWords says %v", v.Date, f, text, !words)
			}
		}
	}
}

// TestDatesInDigitsOnly checks that a page whose prose types numbers and
// dates in digits, as most pages do, has its dates written only as
// digits: the check of such a paragraph on a new scope takes 156
// allocations, where writing every date in every format took 246.
func TestDatesInDigitsOnly(t *testing.T) {
	blocks, msgs := parse(t, kursk, nil)
	if len(msgs) > 0 {
		t.Fatal(msgs)
	}
	at := func(int) diag.Pos { return diag.Pos{} }
	text := "On 2025-01-06 the count stood at 3,800, of 12,000, from 1,500 on 2024-12-20; 9681 and 2024-11-02 are not values."
	var found []string
	allocs := testing.AllocsPerRun(20, func() {
		var diags diag.List
		NewScope(blocks).CheckLiterals(text, at, &diags)
		found = found[:0]
		for _, d := range diags {
			found = append(found, d.Message[:strings.Index(d.Message, " is typed")])
		}
	})
	if want := []string{`"2025-01-06"`, `"3,800"`, `"12,000"`, `"1,500"`, `"2024-12-20"`}; !slices.Equal(found, want) {
		t.Errorf("found %q; want %q", found, want)
	}
	if allocs > 200 {
		t.Errorf("the check took %.0f allocations; want at most 200", allocs)
	}
}

// TestCheckLiteralsMonthsAndYears checks the dates of monthly and
// annual data typed by hand as {{ }} and the table write them:
// "September 2024" and "Sep 2024" were passed without a word, in every
// language, and the year in them taken for an annual block's.
func TestCheckLiteralsMonthsAndYears(t *testing.T) {
	blocks, msgs := parse(t, `data:
  ice:
    series:
      - {date: 2012-09, value: 3.57}
      - {date: 2024-09, value: 4.28}
  co2:
    series:
      - {date: 1959, value: 315.98}
      - {date: 2024, value: 424.61}
`, nil)
	if len(msgs) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(msgs, "\n"))
	}
	for _, tc := range []struct {
		lang, text string
		want       []string
	}{
		{"en", "Lowest in September 2012; in September 2024, or Sep 2024, it was higher.", []string{
			`September 2012 → {{ ice.first.date }}`, `September 2024 → {{ ice.last.date }}`,
			`Sep 2024 → {{ ice.last.date | date "Jan 2006" }}`}},
		// A month no value writes leaves its year to be found, as an
		// annual observation's; a year alone is one.
		{"en", "Since 1959, and in March 2024; not in 1 September 2024 nor September 2025.", []string{
			`1959 → {{ co2.first.date }}`, `2024 → {{ co2.last.date }}`}},
		{"de", "Im September 2024, kurz Sept. 2024; seit 1959; nicht 1. September 2024.", []string{
			`September 2024 → {{ ice.last.date }}`, `Sept. 2024 → {{ ice.last.date | date "Jan 2006" }}`,
			`1959 → {{ co2.first.date }}`}},
		{"fr", "En septembre 2024, depuis 1959.", []string{
			`septembre 2024 → {{ ice.last.date }}`, `1959 → {{ co2.first.date }}`}},
	} {
		scope := NewScope(blocks)
		scope.Locale = locale.New(tc.lang)
		got := typed(t, scope, tc.text)
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s: CheckLiterals(%q):\n%s\nwant:\n%s", tc.lang, tc.text, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// BenchmarkLiteralIndex indexes the values of a page's blocks, as the
// first paragraph with a number or a date in it does on every page.
func BenchmarkLiteralIndex(b *testing.B) {
	blocks, msgs := parse(b, kursk, nil)
	if len(msgs) > 0 {
		b.Fatal(msgs)
	}
	b.ReportAllocs()
	for b.Loop() {
		s := NewScope(blocks)
		for _, tok := range []string{"12,000", "92", "3,800", "15 April 2025", "mid-April"} {
			s.lookup(tok)
		}
	}
}

// everyLiteral is the index the check once made of every value of a
// scope in every format, the first field and format to write a text
// taking it; lookup must find what it found.
func everyLiteral(s *Scope) literalIndex {
	ix := literalIndex{}
	add := func(text string, ref literalRef) {
		if _, ok := ix[text]; !ok && text != "" {
			ix[text] = ref
		}
	}
	for _, name := range s.names {
		b := s.blocks[name]
		for _, field := range indexFields() {
			v, err := b.Field(field)
			if err != nil {
				continue
			}
			switch v.Kind {
			case Number:
				for _, f := range numberFormats {
					if text, err := Format(v, f.name, f.arg); err == nil && !smallOrYear(text) {
						add(text, literalRef{b.Name, field, f})
					}
				}
				for _, f := range figuresFormats {
					if text, err := Format(v, f.name, f.arg); err == nil && !smallOrYear(text) {
						add(text, literalRef{b.Name, field, f})
					}
				}
				if text, _, err := formatShown(nil, v, "approx", "", s.Claims.About); err == nil {
					if text = strings.TrimPrefix(text, "about "); !smallOrYear(text) {
						add(text, literalRef{b.Name, field, literalFormat{"approx", ""}})
					}
				}
			case Date:
				formats := dateFormats
				switch v.Grain.Shows(v.Date) {
				case ByMonth:
					formats = monthFormats
				case ByYear:
					formats = yearFormats
				}
				for _, f := range formats {
					text, err := dateLiteral(v, f)
					if err != nil {
						continue
					}
					add(text, literalRef{b.Name, field, f})
					if short, ok := strings.CutSuffix(text, " "+v.Date.Format("2006")); ok && f.name == "approx" {
						add(short, literalRef{b.Name, field, f})
					}
				}
			}
		}
	}
	return ix
}

// TestLookupFindsEveryLiteral checks lookup against the index of every
// value in every format, on blocks of values drawn at random (sizes from
// a thousandth to a trillion, negative, percentages, rates that fall):
// each text of the index is found as the same field and format, and
// numbers near them, which the index does not hold, are not found.
func TestLookupFindsEveryLiteral(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	skipped, checked := 0, 0
	defer func() {
		if !t.Failed() && (checked < 5000 || skipped > 50) {
			t.Errorf("%d texts checked, %d documents refused: the documents drawn are not what the test needs", checked, skipped)
		}
	}()
	for round := range 150 {
		var doc strings.Builder
		doc.WriteString("data:\n")
		for b := range 3 {
			scale := math.Pow(10, float64(rng.IntN(16)-3))
			fmt.Fprintf(&doc, "  b%d:\n", b)
			if rng.IntN(3) == 0 {
				doc.WriteString("    unit: percent\n")
			}
			doc.WriteString("    series:\n")
			day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
			v := scale * (1 + rng.Float64())
			for range 2 + rng.IntN(4) {
				day = day.AddDate(0, 0, 1+rng.IntN(60))
				v += scale * (rng.Float64() - 0.3)
				fmt.Fprintf(&doc, "      - {date: %s, value: %s}\n", day.Format("2006-01-02"), strconv.FormatFloat(Round(v, rng.IntN(4)), 'f', -1, 64))
			}
			if rng.IntN(2) == 0 && v > 0 {
				// A rate toward the limit: rising to above the last
				// value, or falling to below it.
				rate, limit := scale*(0.05+rng.Float64())/10, v*(1.5+rng.Float64())
				if rng.IntN(2) == 0 {
					rate, limit = -rate, v*(0.1+0.5*rng.Float64())
				}
				fmt.Fprintf(&doc, "    projection: {rate: %s, per: day, limit: %s}\n",
					strconv.FormatFloat(rate, 'g', 4, 64), strconv.FormatFloat(limit, 'g', 5, 64))
			}
		}
		blocks, msgs := parse(t, doc.String(), nil)
		if len(msgs) > 0 {
			skipped++
			continue // a limit on the wrong side, say: not this test's matter
		}
		s := NewScope(blocks)
		want := everyLiteral(s)
		checked += len(want)
		for text, ref := range want {
			if got, ok := s.lookup(text); !ok || got != ref {
				t.Fatalf("round %d: lookup(%q) = %v, %v; the index has %v\n%s", round, text, got, ok, ref, doc.String())
			}
		}
		for text := range want {
			x, ok := typedNumber(text)
			if !ok {
				continue
			}
			for _, near := range []float64{x + 1, x - 1, x * 1.01, -x} {
				tok := strconv.FormatFloat(near, 'f', -1, 64)
				ref, inIndex := want[tok]
				if got, ok := s.lookup(tok); ok != inIndex || got != ref {
					t.Fatalf("round %d: lookup(%q) = %v, %v; the index has %v, %v", round, tok, got, ok, ref, inIndex)
				}
			}
		}
	}
}

// BenchmarkCheckLiteralsSite checks the prose of the first 300 articles
// of a generated site, each with a scope of its own, as a build does:
//
//	go run ../shared/bench/gencorpus -n 10000 -out /tmp/plotline-bench-10000
//	PLOTLINE_BENCH_SITE=/tmp/plotline-bench-10000 go test ./internal/data -run '^$' -bench CheckLiteralsSite
func BenchmarkCheckLiteralsSite(b *testing.B) {
	dir := os.Getenv("PLOTLINE_BENCH_SITE")
	if dir == "" {
		b.Skip("PLOTLINE_BENCH_SITE is not set; see the comment above")
	}
	files, err := filepath.Glob(filepath.Join(dir, "content", "articles", "*.md"))
	if err != nil || len(files) < 300 {
		b.Fatalf("%d articles in %s, want 300: %v", len(files), dir, err)
	}
	type page struct {
		blocks []*Block
		body   string
	}
	var pages []page
	for _, f := range files[:300] {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		_, rest, _ := strings.Cut(string(raw), "---\n")
		front, body, _ := strings.Cut(rest, "---\n")
		blocks, _ := parse(b, front, nil)
		pages = append(pages, page{blocks, body})
	}
	at := func(int) diag.Pos { return diag.Pos{} }
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			var diags diag.List
			NewScope(p.blocks).CheckLiterals(p.body, at, &diags)
		}
	}
}

// TestLookupManyNumbers checks lookup on a page of more numbers than
// maxScanned, which it finds through their index: the same field and
// format as the index of every value and as the comparison with each
// number (scanNumbers), for each text and for numbers near them.
func TestLookupManyNumbers(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var doc strings.Builder
	doc.WriteString("data:\n")
	for b := range 200 {
		scale := math.Pow(10, float64(rng.IntN(10)-3))
		fmt.Fprintf(&doc, "  b%d:\n    series:\n", b)
		day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		for range 2 + rng.IntN(4) {
			day = day.AddDate(0, 0, 1+rng.IntN(60))
			fmt.Fprintf(&doc, "      - {date: %s, value: %s}\n", day.Format("2006-01-02"), strconv.FormatFloat(Round(scale*(1+rng.Float64()), rng.IntN(4)), 'f', -1, 64))
		}
	}
	s := scopeOf(t, doc.String())
	if numbers, _ := s.fieldValues(); len(numbers) <= maxScanned || s.numberLiterals() == nil {
		t.Fatalf("%d numbers, indexed %v; want more than %d, indexed", len(numbers), s.numberLiterals() != nil, maxScanned)
	}
	want := everyLiteral(s)
	for text := range want {
		x, ok := typedNumber(text)
		if !ok {
			continue
		}
		for _, tok := range []string{text, strconv.FormatFloat(x+1, 'f', -1, 64), strconv.FormatFloat(x*1.01, 'f', -1, 64), strconv.FormatFloat(-x, 'f', -1, 64)} {
			ref, inIndex := want[tok]
			got, ok := s.lookup(tok)
			if ok != inIndex || got != ref {
				t.Fatalf("lookup(%q) = %v, %v; the index of every value has %v, %v", tok, got, ok, ref, inIndex)
			}
			if x, isNumber := typedNumber(tok); isNumber && !smallOrYear(tok) {
				if scanned, ok := s.scanNumbers(tok, x); ok != inIndex || scanned != ref {
					t.Fatalf("scanNumbers(%q) = %v, %v; lookup found %v, %v", tok, scanned, ok, got, inIndex)
				}
			}
		}
	}
}

// BenchmarkCheckLiteralsManyBlocks checks a paragraph of 1,000 numbers
// typed by hand on a page of 2,000 blocks.
func BenchmarkCheckLiteralsManyBlocks(b *testing.B) {
	var doc, text strings.Builder
	doc.WriteString("data:\n")
	for i := range 2000 {
		fmt.Fprintf(&doc, "  b%d: {series: [{date: 2024-01-01, value: %d.25}, {date: 2024-02-01, value: %d.75}]}\n", i, i, i+7)
	}
	for i := range 1000 {
		fmt.Fprintf(&text, "Paragraph %d of text with the number %d.5 in it. ", i, 3*i)
	}
	blocks, msgs := parse(b, doc.String(), nil)
	if len(msgs) > 0 {
		b.Fatal(msgs)
	}
	at := func(int) diag.Pos { return diag.Pos{Path: pagePath, Line: 1, Col: 1} }
	for b.Loop() {
		var diags diag.List
		NewScope(blocks).CheckLiterals(text.String(), at, &diags)
	}
}

// TestSkipWord checks skipWord, which reads ASCII without decoding it,
// against unicode.IsLetter and IsDigit on every rune, from every offset
// of texts that mix ASCII with other letters, digits and punctuation.
func TestSkipWord(t *testing.T) {
	slow := func(text string, i int) int {
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			i += size
		}
		return i
	}
	for _, text := range []string{
		"The contingent of about 12,000 troops lost men by mid-April 2025.",
		"café au lait, naïve Zoë; 3rd COVID-19 10am [x] {y} @z `q` _u_ ~v~ a/b a\\b",
		"死者92人、٣٤٥ digits, ١٢٬٠٠٠ and 12\u00a0000, Ⅻ, ½, x²",
		"\x00\x7f\xff invalid \xc3 bytes, ZAaz09@[`{/:",
	} {
		for i := range len(text) + 1 {
			if got, want := skipWord(text, i), slow(text, i); got != want {
				t.Errorf("skipWord(%q, %d) = %d; want %d", text, i, got, want)
			}
		}
	}
}
