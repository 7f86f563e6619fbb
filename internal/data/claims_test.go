package data

import (
	"fmt"
	"math/rand/v2"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/plotline/plotline/internal/claim"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/locale"
)

// TestClaims checks claims through the expression language: what a true
// one shows, what a false or unreadable one says, and what OnClaim is told.
func TestClaims(t *testing.T) {
	scope := scopeOf(t, kursk+`  killed:
    series: [{date: 2025-01-13, value: 300}]
  wounded:
    series: [{date: 2025-01-13, value: 2700}]
`)
	var told []ClaimResult
	scope.OnClaim = func(_ diag.Pos, c ClaimResult) { told = append(told, c) }
	at := diag.Pos{Path: pagePath, Line: 20, Col: 3}
	for _, tc := range []struct {
		expr, want, err string
	}{
		// as_of 13 January 2025; the crossing is 15 April 2025.
		{`losses.crossing | claim "by spring"`, "by spring", ""},
		{`losses.crossing | claim "mid-April 2025"`, "mid-April 2025", ""},
		{`losses.crossing | claim "by March 2025"`, "", `claim "by March 2025" is false: it reads as on or before 31 March 2025, and losses.crossing is 15 April 2025 (mid-April 2025)`},
		{`losses.limit | claim "about 12,000"`, "about 12,000", ""},
		{`losses.rate | claim "more than 100"`, "", `claim "more than 100" is false: losses.rate is 92 (about 92)`},
		{`wounded.last.value | claim "nine times as many as" killed.last.value`, "nine times as many as", ""},
		{`killed.last.value | claim "more than" wounded.last.value`, "", `claim "more than" is false of killed.last.value and wounded.last.value: 300 against 2,700 (fewer than)`},
		// Wrong kinds and unreadable phrases.
		{`losses.crossing | claim "about 12,000"`, "", `claim "about 12,000" is about a number, but losses.crossing is a date`},
		{`losses.limit | claim "by spring"`, "", `claim "by spring" is about a date, but losses.limit is a number`},
		{`losses.limit | claim "more than"`, "", `claim "more than" compares two values: name the other after the phrase, as in | claim "more than" other.ref`},
		{`losses.crossing | claim "more than" losses.limit`, "", `claim "more than" compares two numbers, but losses.crossing is a date and losses.limit is a number`},
		{`losses.unit | claim "about 3"`, "", `claim "about 3": losses.unit is text; claims are about dates and numbers`},
		{`losses.crossing | claim "by sprung"`, "", `claim: cannot read "by sprung": did you mean "by spring"?`},
		// How far along the way to the limit: from zero, or from the start?
		{`losses.last.value | claim "halfway to the limit"`, "", `claim "halfway to the limit" is read both from zero and from the series' first value: compare the value with the limit, as in | claim "half of" losses.limit`},
		{`losses.last.value | claim "more than a third of the way"`, "", `claim "more than a third of the way" is read both from zero and from the series' first value: compare the value with the limit, as in | claim "more than a third of" losses.limit`},
		{`killed.last.value | claim "half-way there"`, "", `claim "half-way there" is read both from zero and from the series' first value: compare the value with the limit, as in | claim "half of" other.ref`},
		{`losses.last.value | claim "more than a quarter of" losses.limit`, "more than a quarter of", ""},
		// Of a date it is a date's phrase, read or not as one.
		{`losses.crossing | claim "halfway through 2025"`, "", `claim: cannot read "halfway through 2025": want a date phrase such as "by spring 2025", "mid-April", "before the end of March" or "within 6 weeks"`},
		// A phrase of a whole text is refused before it is read.
		{`losses.crossing | claim "` + strings.Repeat("mid-Febuary ", 17) + `"`, "", `claim: the phrase has 204 characters, more than the 200 a claim's phrase may have: a claim is a few words, such as "by spring 2025" or "nine times as many as"`},
		{`losses.crossing | claim by spring`, "", `claim: want a phrase in quotes, such as | claim "by spring 2025"`},
		// Single quotes, for an expression inside a double-quoted YAML
		// string; an apostrophe ends them.
		{`losses.crossing | claim 'by spring'`, "by spring", ""},
		{`wounded.last.value | claim 'nine times as many as' killed.last.value`, "nine times as many as", ""},
		{`losses.crossing | claim 'by New Year's Day'`, "", `claim: the ' after "by New Year" ends the quoted text: write a text with an apostrophe in double quotes, "by New Year's Day"`},
		{`losses.crossing | claim 'by spring`, "", `claim: unclosed quote in 'by spring`},
		{`losses.crossing | date '2 January'`, "15 April", ""},
		{`'13 January'`, "13 January", ""},
		{`losses.crossing | claim "by spring" nope.x`, "", `no data block "nope" on this page (known: killed, losses, wounded)`},
		{`losses.crossing | claim "by spring" loses.crossing`, "", `no data block "loses" on this page (known: killed, losses, wounded): did you mean losses?`},
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
	// Every claim that could be checked was told, true or false.
	if len(told) != 10 {
		t.Errorf("OnClaim told of %d claims; want 10: %+v", len(told), told)
	}
	if c := told[0]; c.Ref != "losses.crossing" || c.Phrase != "by spring" || !c.True || c.Value != "15 April 2025" || c.Meaning != "on or before 31 May 2025" {
		t.Errorf("first claim told = %+v", c)
	}
}

// TestComparisonsAsShown checks that two numbers the page, the table and
// the tooltip show alike are compared as alike: two projections that end
// at 100.4 and 100.3 both show 100, so the first is the same as the
// second, not more than it. Numbers shown apart are compared as they are
// (a ratio is of the numbers, not of their roundings), and written ones
// are shown as written.
func TestComparisonsAsShown(t *testing.T) {
	scope := scopeOf(t, "title: T\ndata:\n"+paceAndSlow+`  a:
    series: [{date: 2025-01-01, value: 0}]
    projection: {rate: 100.4, until: 2025-01-02}
  b:
    series: [{date: 2025-01-01, value: 0}]
    projection: {rate: 100.3, until: 2025-01-02}
  c:
    series: [{date: 2025-01-01, value: 0}]
    projection: {rate: 15.04, until: 2025-01-02}
  d:
    series: [{date: 2025-01-01, value: 0}]
    projection: {rate: 11.57, until: 2025-01-02}
  x:
    series: [{date: 2025-01-01, value: 100.4}]
  y:
    series: [{date: 2025-01-01, value: 100.3}]
`)
	at := diag.Pos{Path: pagePath, Line: 20, Col: 3}
	for _, tc := range []struct {
		expr, want, err string
	}{
		{`a.value_at_until | claim "more than" b.value_at_until`, "", `claim "more than" is false of a.value_at_until and b.value_at_until: 100.4 against 100.3, both shown rounded as 100 (the same as)`},
		{`b.value_at_until | claim "fewer than" a.value_at_until`, "", `claim "fewer than" is false of b.value_at_until and a.value_at_until: 100.3 against 100.4, both shown rounded as 100 (the same as)`},
		{`a.value_at_until | claim "slightly more than" b.value_at_until`, "", `claim "slightly more than" is false of a.value_at_until and b.value_at_until: 100.4 against 100.3, both shown rounded as 100 (the same as)`},
		{`a.value_at_until | claim "the same as" b.value_at_until`, "the same as", ""},
		{`x.last.value | claim "more than" y.last.value`, "more than", ""},
		{`slow.value_at_until | claim "more than" slow.low.value_at_until`, "more than", ""},
		{`c.value_at_until | claim "30% more than" d.value_at_until`, "30% more than", ""}, // 15.0 and 11.6 shown
		{`a.value_at_until | claim "more than 100"`, "more than 100", ""},                  // one number: as it is
	} {
		text, got := evalAfter(scope, tc.expr, "", at)
		if got != tc.err || text != tc.want {
			t.Errorf("{{ %s }} = %q, %q;\nwant %q, %q", tc.expr, text, got, tc.want, tc.err)
		}
	}
}

// TestClaimsFromAsOf checks that the phrases counted from "today" (this
// week, a split year's readings) count from the block's as_of and nothing
// else, and that orders of magnitude and spaced thousands are read.
func TestClaimsFromAsOf(t *testing.T) {
	blocks, msgs := parse(t, `data:
  reservoir:
    as_of: 2025-01-13
    series: [{date: 2025-01-15, value: 41500}]
  late:
    as_of: 2025-01-20
    series: [{date: 2025-01-15, value: 41500}]
`, nil)
	// An as_of before the latest observation is warned of, and used.
	if len(msgs) != 1 || !strings.Contains(msgs[0], ":3:12: warning: as_of 2025-01-13 is before") {
		t.Fatalf("Parse reported:\n%s\nwant the warning of reservoir's as_of", strings.Join(msgs, "\n"))
	}
	scope := NewScope(blocks)
	at := diag.Pos{Path: pagePath, Line: 20, Col: 3}
	for _, tc := range []struct {
		expr, err string
	}{
		// as_of Monday 13 January 2025; the last value is of Wednesday 15 January.
		{`reservoir.last.date | claim "this week"`, ""},
		{`late.last.date | claim "last week"`, ""},
		{`late.last.date | claim "this week"`, `claim "this week" is false: it reads as 19 to 25 January 2025 or 20 to 26 January 2025, as a week begins on a Sunday in some countries and on a Monday in others, and late.last.date is 15 January 2025 (mid-January 2025)`},
		{`reservoir.last.date | claim "in 2024/25"`, ""},
		{`reservoir.last.value | claim "tens of thousands"`, ""},
		{`reservoir.last.value | claim "about 41 000"`, ""},
		{`reservoir.last.value | claim "forty thousand"`, `claim "forty thousand" is false: reservoir.last.value is 41,500 (42 thousand)`},
	} {
		_, err := scope.EvalAfter(tc.expr, "", at)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.err {
			t.Errorf("{{ %s }}: %q; want %q", tc.expr, got, tc.err)
		}
	}
}

// TestScaledUnit checks that the numbers of a block whose unit counts them
// in millions, billions or trillions are read at their full size by a
// claim that names such a multiplier, and as written by one that names
// none, and that blocks of two scales compare at their full size.
func TestScaledUnit(t *testing.T) {
	scope := scopeOf(t, `data:
  debt:
    unit: trillion dollars
    series: [{date: 2015-09-30, value: 18.15}, {date: 2025-09-30, value: 37.64}]
    projection: {rate: 2.2, per: year, limit: 40}
  deficit:
    unit: billion dollars
    series: [{date: 2025-09-30, value: 1775}]
  ice:
    unit: million km²
    series: [{date: 2024-09-15, value: 4.28}]
  growth:
    unit: trillion dollars
    series: [{date: 2015-09-30, value: 18.15}]
    projection: {rate: 5, per: year, model: exponential, limit: 40}
`)
	at := diag.Pos{Path: pagePath, Line: 20, Col: 3}
	for _, tc := range []struct {
		expr, err string
	}{
		{`debt.last.value | claim "about $38 trillion"`, ""},
		{`debt.last.value | claim "about 38"`, ""},
		{`debt.limit | claim "$40 trillion"`, ""},
		{`debt.rate | claim "$2.2 trillion"`, ""},
		{`debt.last.value | claim "nearly $40 trillion"`, `claim "nearly $40 trillion" is false: debt.last.value is $37.64 trillion (nearly $38 trillion)`},
		{`debt.last.value | claim "more than twice" debt.first.value`, ""},
		{`debt.last.value | claim "more than 20 times" deficit.last.value`, ""},
		{`deficit.last.value | claim "less than" debt.first.value`, ""},
		{`debt.last.value | claim "rose by more than $19 trillion" debt.first.value`, ""},
		{`debt.last.value | claim "about 19.5 more than" debt.first.value`, ""},
		{`debt.last.value | claim "rose by $20 trillion" debt.first.value`, `claim "rose by $20 trillion" is false of debt.last.value and debt.first.value: $37.64 trillion is $19.49 trillion more than $18.15 trillion (rose by $19 trillion)`},
		{`ice.last.value | claim "millions"`, ""},
		{`ice.last.value | claim "about 4.3 million"`, ""},
		// An exponential rate is a percentage, whatever the unit.
		{`growth.rate | claim "5%"`, ""},
	} {
		_, err := scope.EvalAfter(tc.expr, "", at)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.err {
			t.Errorf("{{ %s }}: %q; want %q", tc.expr, got, tc.err)
		}
	}
}

// TestPercentUnit checks that the numbers of a block whose unit says they
// are percentages already are read so: 4.2 percent is 4.2%, for the
// percent format and for claims, not 420%; a block in other units, or in
// percentage points, is not.
func TestPercentUnit(t *testing.T) {
	scope := scopeOf(t, `data:
  jobless:
    unit: percent
    series: [{date: 2025-01-01, value: 4.0}, {date: 2025-02-01, value: 4.2}]
    projection: {rate: 0.1, per: month, limit: 5}
  debt:
    unit: "% of GDP"
    series: [{date: 2025-01-01, value: 98.5}]
  share:
    series: [{date: 2025-01-01, value: 0.125}]
  gap:
    unit: percentage points
    series: [{date: 2025-01-01, value: 0.5}]
  lead:
    unit: percentage points
    series: [{date: 2025-01-01, value: 2.0}]
  inflation:
    unit: percent
    series: [{date: 2025-01-01, value: 2.5}]
    projection: {rate: 0.6, per: year}
  tasso:
    unit: per cento
    series: [{date: 2025-01-01, value: 7.2}, {date: 2025-02-01, value: 5.9}]
  quote:
    unit: Prozent der Erwerbspersonen
    series: [{date: 2025-01-01, value: 6.3}]
  taux:
    unit: pour cent
    series: [{date: 2025-01-01, value: 7.4}]
  tasa:
    unit: por ciento
    series: [{date: 2025-01-01, value: 10.6}]
  taxa:
    unit: por cento do PIB
    series: [{date: 2025-01-01, value: 6.1}]
  werkloosheid:
    unit: procent
    series: [{date: 2025-01-01, value: 3.8}]
  punten:
    unit: procentpunten
    series: [{date: 2025-01-01, value: 0.5}]
  batala:
    unit: في المئة من القوى العاملة
    series: [{date: 2025-01-01, value: 9.1}]
  avtala:
    unit: אחוז
    series: [{date: 2025-01-01, value: 2.9}]
  bikari:
    unit: درصد
    series: [{date: 2025-01-01, value: 7.6}]
  nuqat:
    unit: نقطة مئوية
    series: [{date: 2025-01-01, value: 0.5}]
`)
	at := diag.Pos{Path: pagePath, Line: 20, Col: 3}
	for _, tc := range []struct{ expr, want string }{
		{`jobless.last.value | percent`, "4.2%"},
		{`jobless.last.value | claim "about 4%"`, "about 4%"},
		{`jobless.last.value | claim "more than" jobless.first.value`, "more than"},
		{`jobless.start.value | percent 1`, "4.2%"},
		{`jobless.limit | percent`, "5%"},
		{`jobless.value_at_until | claim "about 5%"`, "about 5%"},
		{`debt.last.value | percent`, "98.5%"},
		{`share.last.value | percent`, "12.5%"},
		// The words for per cent of the languages plotline writes in.
		{`tasso.last.value | percent`, "5.9%"},
		{`tasso.last.value | claim "1.3 percentage points lower than" tasso.first.value`, "1.3 percentage points lower than"},
		{`quote.last.value | percent`, "6.3%"},
		{`taux.last.value | percent`, "7.4%"},
		{`tasa.last.value | percent`, "10.6%"},
		{`taxa.last.value | percent`, "6.1%"},
		{`werkloosheid.last.value | percent`, "3.8%"},
		{`batala.last.value | percent`, "9.1%"},
		{`avtala.last.value | percent`, "2.9%"},
		{`bikari.last.value | percent`, "7.6%"},
		{`gap.last.value | claim "about 0.5"`, "about 0.5"},
		{`jobless.rate | claim "about 0.1"`, "about 0.1"},
		// Two numbers in percentage points differ by points, not by a
		// hundredfold of them: 2.0 and 0.5 are 1.5 points apart (it
		// said 150).
		{`lead.last.value | claim "1.5 percentage points more than" gap.last.value`, "1.5 percentage points more than"},
		{`lead.last.value | claim "1.5 points ahead of" gap.last.value`, "1.5 points ahead of"},
		// A rise of 0.6 points a year against a gap of 0.5 points: more,
		// as both are in points (the rate was taken for 0.006).
		{`inflation.rate | claim "more than" gap.last.value`, "more than"},
		{`inflation.rate | claim "0.1 percentage points more than" gap.last.value`, "0.1 percentage points more than"},
	} {
		ev, err := scope.EvalAfter(tc.expr, "", at)
		if err != nil || ev.Text != tc.want {
			t.Errorf("{{ %s }} = %q, %v; want %q", tc.expr, ev.Text, err, tc.want)
		}
	}
	// A number in percentage points: the linear rate of a block in
	// percent, a change of a percentage, and a block whose unit says
	// so. percent wrote the rate's 0.1 points as "0.1%", and 0.5
	// points as "50%", and claims in per cent of them held.
	const pointsFormat = `format "percent": the value is in percentage points, a difference of two percentages, which percent would write as per cent: write it without the format, followed by "percentage points"`
	for _, tc := range []struct{ expr, err string }{
		{`jobless.rate | percent`, pointsFormat},
		{`gap.last.value | percent`, pointsFormat},
		{`punten.last.value | percent`, pointsFormat},
		{`nuqat.last.value | percent`, pointsFormat},
		{`jobless.rate | claim "about 0.1%"`, `claim: "about 0.1%" reads the value as a share or in per cent, and it is in percentage points (0.1): claim the number alone, as in "about 0.1", and write "percentage points" after it`},
		{`gap.last.value | claim "50%"`, `claim: "50%" reads the value as a share or in per cent, and it is in percentage points (0.5): claim the number alone, as in "about 0.5", and write "percentage points" after it`},
	} {
		ev, err := scope.EvalAfter(tc.expr, "", at)
		if err == nil || err.Error() != tc.err {
			t.Errorf("{{ %s }} = %q, %v; want the error %s", tc.expr, ev.Text, err, tc.err)
		}
	}
}

// TestPrintedNumbersHold checks that a number as a format prints it,
// taken as a claim about the number it prints, is true: "12,000" of
// what comma printed "12,000", "about 2,500,000" of what approx printed
// so, "14.5%" of what percent printed so. The prose and the claim
// checker then read one text one way. The numbers are decimals of up to
// four digits at magnitudes from 10⁻¹² to 10¹¹, halves among them, in
// ones, in percent, in percentage points and in units that count in
// thousands and billions (a fixed seed); and the same of what they print
// in German, French and Swiss German, read as claims in those languages.
func TestPrintedNumbersHold(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	langs := []*locale.Locale{locale.New("de"), locale.New("fr"), locale.New("de-CH")}
	formats := []struct{ name, arg string }{
		{"", ""}, {"comma", ""}, {"round", "0"}, {"round", "1"}, {"round", "2"},
		{"percent", ""}, {"percent", "0"}, {"percent", "1"}, {"approx", ""}, {"int", ""}, {"figures", "2"}, {"figures", "3"},
	}
	for i := range 2000 {
		mant := rng.IntN(20000) - 10000
		if rng.IntN(3) == 0 {
			mant = mant/10*10 + 5 // a half at the last digit but one
		}
		f, err := strconv.ParseFloat(fmt.Sprintf("%de%d", mant, rng.IntN(24)-12), 64)
		if err != nil {
			t.Fatal(err)
		}
		v := Value{Kind: Number, Num: f, Exact: rng.IntN(2) == 0}
		switch rng.IntN(5) {
		case 1:
			v.Percent = true
		case 2:
			v.Scale = 3
		case 3:
			v.Scale = 9
		case 4:
			v.Points = true // percent refuses it; the other formats hold
		}
		for _, fm := range formats {
			text, err := Format(v, fm.name, fm.arg)
			if err != nil && v.Points && fm.name == "percent" {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			phrase := text
			if rest, ok := strings.CutPrefix(phrase, "-"); ok {
				phrase = "minus " + rest
			} else if rest, ok := strings.CutPrefix(phrase, "about -"); ok {
				phrase = "about minus " + rest
			}
			verdict, err := claim.Number(phrase, quantity(v), claim.Options{})
			if err != nil {
				t.Errorf("%v (percent %v, scale %d) with %q %q prints %q, which a claim cannot read: %v", f, v.Percent, v.Scale, fm.name, fm.arg, text, err)
				continue
			}
			if !verdict.True {
				t.Errorf("%v (percent %v, scale %d) with %q %q prints %q; the claim %q is false: %s, %s", f, v.Percent, v.Scale, fm.name, fm.arg, text, phrase, verdict.Value, verdict.Meaning)
			}
			// The same in the languages whose claims are read in
			// their own words and numbers: "etwa 12.000", "12,5 %".
			for _, l := range langs {
				if i%2 != 0 {
					break // half the numbers, to keep the test quick
				}
				text, err := FormatIn(l, v, fm.name, fm.arg)
				if err != nil {
					t.Fatal(err)
				}
				marks := l.Numbers()
				o := claim.Options{Language: l.Language(), Decimal: marks.Decimal, Group: marks.Group}
				verdict, err := claim.Number(text, quantity(v), o)
				if err != nil {
					t.Errorf("%v (percent %v, scale %d) with %q %q prints %q in %s, which a claim cannot read: %v", f, v.Percent, v.Scale, fm.name, fm.arg, text, l.Language(), err)
					continue
				}
				if !verdict.True {
					t.Errorf("%v (percent %v, scale %d) with %q %q prints %q in %s; the claim is false: %s, %s", f, v.Percent, v.Scale, fm.name, fm.arg, text, l.Language(), verdict.Value, verdict.Meaning)
				}
			}
		}
	}
}

// TestApproxWithinAbout checks that approx, on a site whose claims
// allow "about" less than the default 5%, rounds to as many figures as
// that needs, so that the "about 1,050" it prints holds as a claim
// where "about 1,000" would not: with a tolerance of 1%, 1,049 is 4.9%
// from 1,000. Two figures stay the rule at 5%.
func TestApproxWithinAbout(t *testing.T) {
	blocks, msgs := parse(t, `data:
  crowd:
    series: [{date: 2025-01-10, value: 1049}, {date: 2025-01-11, value: 1049000}, {date: 2025-01-12, value: 12001}]
`, nil)
	if len(msgs) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(msgs, "\n"))
	}
	at := diag.Pos{Path: pagePath, Line: 20, Col: 3}
	for _, tc := range []struct {
		about      float64
		expr, want string
	}{
		{0, `crowd.first.value | approx`, "about 1,000"},
		{0.05, `crowd.max.value | approx`, "about 1 million"},
		{0.01, `crowd.first.value | approx`, "about 1,050"},
		{0.01, `crowd.max.value | approx`, "about 1.05 million"},
		{0.01, `crowd.last.value | approx`, "about 12,000"},
		{0.0001, `crowd.first.value | approx`, "about 1,049"},
	} {
		scope := NewScope(blocks)
		scope.Claims.About = tc.about
		got, err := scope.EvalAfter(tc.expr, "", at)
		if err != nil || got.Text != tc.want {
			t.Errorf("about %v: {{ %s }} = %q, %v; want %q", tc.about, tc.expr, got.Text, err, tc.want)
			continue
		}
		phrase := tc.want
		if _, err := scope.EvalAfter(fmt.Sprintf("%s | claim %q", strings.TrimSuffix(tc.expr, " | approx"), phrase), "", at); err != nil {
			t.Errorf("about %v: {{ %s }} prints %q, and the claim of it is false: %v", tc.about, tc.expr, phrase, err)
		}
	}
}

// TestHistoryClaims checks claims about a series' history through the
// expression language: they name an observation (temp.last), and a
// phrase of another kind, or a history phrase given a value, says what to
// write instead.
func TestHistoryClaims(t *testing.T) {
	scope := scopeOf(t, `data:
  temp:
    unit: degrees
    series:
      - {date: "1998", value: 15.1}
      - {date: "1999", value: 14.2}
      - {date: "2010", value: 14.8}
      - {date: "2023", value: 14.6}
      - {date: "2024", value: 15.0}
  sales:
    unit: percent
    series:
      - {date: 2023-03, value: 4.0}
      - {date: 2024-02, value: 4.1}
      - {date: 2024-03, value: 4.2}
  hourly:
    series:
      - {date: "2025-01-01 06:00", value: 1}
      - {date: "2025-01-01 07:00", value: 2}
`)
	var told []ClaimResult
	scope.OnClaim = func(_ diag.Pos, c ClaimResult) { told = append(told, c) }
	at := diag.Pos{Path: pagePath, Line: 20, Col: 3}
	for _, tc := range []struct {
		expr, want, err string
	}{
		{`temp.last | claim "the highest since 1998"`, "the highest since 1998", ""},
		{`temp.last | claim "a record high"`, "", `claim "a record high" is false: temp.last is 2024 (15); 1998 (15.1) was at least as high (the highest since 1998)`},
		{`temp.last | claim "up 3% on last year"`, "up 3% on last year", ""},
		{`temp.max | claim "the highest on record"`, "the highest on record", ""},
		{`temp.min | claim "the lowest on record"`, "the lowest on record", ""},
		{`temp.first | claim "a record high"`, "", `claim: cannot read "a record high": there is no observation before 1998 to measure it against`},
		{`temp.last | claim "up 2% on a year earlier"`, "", `claim "up 2% on a year earlier" is false: temp.last is 2024 (15) against 2023 (14.6): 15 is 2.74% more than 14.6 (up 3% on a year earlier)`},
		// A monthly series' "a year earlier" is the same month a year
		// before; the series is in percent, so the change is a ratio of
		// percentages.
		{`sales.last | claim "up 5% on a year earlier"`, "up 5% on a year earlier", ""},
		{`sales.last | claim "up 5% on 2023"`, "", `claim: cannot read "up 5% on 2023": the series is monthly, and 2023 holds many of its values; name the month, as in "March 2023"`},
		// What to write instead.
		{`temp.last.value | claim "the highest since 1998"`, "", `claim "the highest since 1998" is about the series' history: name the observation, as in {{ temp.last | claim "the highest since 1998" }}`},
		{`temp.max.value | claim "doubled since 1990"`, "", `claim "doubled since 1990" is about the series' history: name the observation, as in {{ temp.max | claim "doubled since 1990" }}`},
		{`temp.last | claim "about 15"`, "", `claim "about 15" is about a number, not about the series' history: write {{ temp.last.value | claim "about 15" }}`},
		{`temp.last | claim "in 2024"`, "", `claim "in 2024" is about a date, not about the series' history: write {{ temp.last.date | claim "in 2024" }}`},
		{`temp.last | claim "more than"`, "", `claim "more than" is a comparison, not a claim about the series' history: write {{ temp.last.value | claim "more than" other.ref }}, or name what it is measured from, as in "more than a year earlier"`},
		{`temp.last | claim "more than" temp.first.value`, "", `claim "more than" compares two numbers: name a value, as in {{ temp.last.value | claim "more than" temp.first.value }}`},
		// A phrase that is no comparison is told as such first, not
		// after the writer has named the values.
		{`temp.last | claim "overtook" temp.first`, "", `claim: cannot read "overtook": want a comparison such as "more than", "about the same as", "nine times as many as" or "a third of"`},
		// Two observations named: both need their value.
		{`temp.last | claim "more than" temp.first`, "", `claim "more than" compares two numbers: name a value, as in {{ temp.last.value | claim "more than" temp.first.value }}`},
		{`hourly.last | claim "a record high"`, "", `claim "a record high": the series of "hourly" gives times of day; claims about a series' history read daily, monthly and annual series`},
		{`nope.last | claim "a record high"`, "", `no data block "nope" on this page (known: hourly, sales, temp)`},
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
	if len(told) != 7 {
		t.Errorf("OnClaim told of %d claims; want 7: %+v", len(told), told)
	}
	if c := told[0]; c.Ref != "temp.last" || !c.True || c.Meaning != "higher than every observation after 1998, and one of 1998 as high or higher" {
		t.Errorf("first claim told = %+v", c)
	}
}

// TestClaimsInLanguage checks that a page in German or French reads its
// claims in its language, with its numbers, besides English; and that a
// number written the English way is refused rather than misread.
func TestClaimsInLanguage(t *testing.T) {
	blocks, msgs := parse(t, kursk, nil)
	if len(msgs) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(msgs, "\n"))
	}
	at := diag.Pos{Path: pagePath, Line: 20, Col: 3}
	for _, tc := range []struct {
		lang, expr, want, err string
	}{
		// as_of 13 January 2025; the crossing is 15 April 2025, the limit 12,000.
		{"de", `losses.crossing | claim "bis Mitte April"`, "bis Mitte April", ""},
		// Claims about the series' history too, in the page's language.
		{"de", `losses.last | claim "ein Rekordhoch"`, "ein Rekordhoch", ""},
		{"de", `losses.last | claim "der höchste Stand seit Beginn der Aufzeichnungen"`, "der höchste Stand seit Beginn der Aufzeichnungen", ""},
		{"fr", `losses.last | claim "un plus haut historique"`, "un plus haut historique", ""},
		{"de", `losses.last | claim "ein Plus von 10 % gegenüber dem Vorjahr"`, "", `claim: cannot read "ein Plus von 10 % gegenüber dem Vorjahr": the series has no value for 6 January 2024, a year before 6 January 2025`},
		{"de", `losses.crossing | claim "im Frühjahr 2025"`, "im Frühjahr 2025", ""},
		{"de", `losses.crossing | claim "vor Ende März"`, "", `claim "vor Ende März" is false: it reads as on or before 31 March 2025, and losses.crossing is 15 April 2025 (Mitte April 2025)`},
		{"de", `losses.crossing | claim "bis April"`, "", `claim: cannot read "bis April": readers take it both as before that time and as through it; write "vor April" or "bis Ende April"`},
		{"de", `losses.crossing | claim "by spring"`, "by spring", ""},
		{"de", `losses.limit | claim "etwa 12.000"`, "etwa 12.000", ""},
		{"de", `losses.limit | claim "mehr als 12.500"`, "", `claim "mehr als 12.500" is false: losses.limit is 12,000 (etwa 12.000)`},
		{"de", `losses.limit | claim "12,000"`, "", `claim: cannot read "12,000": "12,000" is 12 thousand in English and 12 in German; write "12.000" for 12 thousand, or "12"`},
		{"de", `losses.limit | claim "about 12,000"`, "about 12,000", ""},
		{"de-CH", `losses.limit | claim "etwa 12’000"`, "etwa 12’000", ""},
		{"de-AT", `losses.crossing | claim "Mitte April 2025"`, "Mitte April 2025", ""},
		{"fr", `losses.crossing | claim "d'ici la mi-avril"`, "d'ici la mi-avril", ""},
		{"fr", `losses.limit | claim "environ 12 000"`, "environ 12 000", ""},
		{"fr", `losses.limit | claim "environ 12\u00a0000"`, "environ 12\u00a0000", ""},
		{"fr-CA", `losses.crossing | claim "jusqu'en avril"`, "", `claim: cannot read "jusqu'en avril": readers take it both as before that time and as through it; write "avant avril" or "d'ici fin avril"`},
		// A language without a table of words reads English only.
		{"es", `losses.crossing | claim "by spring"`, "by spring", ""},
		{"en", `losses.crossing | claim "bis Mitte April"`, "", `claim: cannot read "bis Mitte April": want a date phrase such as "by spring 2025", "mid-April", "before the end of March" or "within 6 weeks"`},
	} {
		scope := NewScope(blocks)
		scope.Locale = locale.New(tc.lang)
		ev, err := scope.EvalAfter(tc.expr, "", at)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.err || ev.Text != tc.want {
			t.Errorf("%s: {{ %s }} = %q, %q;\nwant %q, %q", tc.lang, tc.expr, ev.Text, got, tc.want, tc.err)
		}
	}
}

// TestPrintedDatesHold checks that a date as the formats print it in
// German and French, taken as a claim in that language about the date it
// prints, is true: "15. April 2025", "15. Apr. 2025", "April 2025", "Mitte
// April 2025", "15 avr. 2025", "mi-avril 2025". A writer may copy what the
// page prints into a claim.
func TestPrintedDatesHold(t *testing.T) {
	layouts := []string{"", "2 Jan 2006", "2 January 2006", "January 2006", "Jan 2006", "2 January", "2 Jan"}
	for _, tag := range []string{"de", "de-AT", "de-CH", "fr", "fr-CA", "fr-CH"} {
		l := locale.New(tag)
		marks := l.Numbers()
		for d := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() == 2025; d = d.AddDate(0, 0, 3) {
			o := claim.Options{AsOf: d, Language: l.Language(), Decimal: marks.Decimal, Group: marks.Group}
			v := Value{Kind: Date, Date: d}
			var texts []string
			for _, layout := range layouts {
				name := "date"
				if layout == "" {
					name = ""
				}
				text, err := FormatIn(l, v, name, layout)
				if err != nil {
					t.Fatal(err)
				}
				texts = append(texts, text)
			}
			approx, err := FormatIn(l, v, "approx", "")
			if err != nil {
				t.Fatal(err)
			}
			for _, text := range append(texts, approx) {
				verdict, err := claim.Date(text, d, o)
				if err != nil {
					t.Errorf("%s: %s prints %q, which a claim cannot read: %v", tag, d.Format("2006-01-02"), text, err)
					continue
				}
				if !verdict.True {
					t.Errorf("%s: %s prints %q; the claim is false: %s", tag, d.Format("2006-01-02"), text, verdict.Meaning)
				}
			}
		}
	}
}

// TestReferencesReadSeriesOnce checks that a reference to a block's
// dates, max or min, or a claim about its history, does not read the
// block's whole series again: each did, so that 2,000 references to
// {{ d.last.date }} on 100,000 observations took 6 s of CPU, and 1,000
// claims "the highest on record" 10 s, copying 3 MB each.
func TestReferencesReadSeriesOnce(t *testing.T) {
	scopeOf := func(n int) (*Scope, *Block) {
		var b strings.Builder
		b.WriteString("data:\n  d:\n    series:\n")
		day0 := time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := range n {
			fmt.Fprintf(&b, "      - {date: %s, value: %d}\n", day0.AddDate(0, 0, i).Format(time.DateOnly), i)
		}
		blocks, msgs := parse(t, b.String(), nil)
		if len(msgs) > 0 {
			t.Fatalf("Parse reported:\n%s", strings.Join(msgs, "\n"))
		}
		return NewScope(blocks), blocks[0]
	}
	at := diag.Pos{Path: pagePath, Line: 20, Col: 3}
	// The fewest of five calls, each counted alone and with no collection
	// (which empties pools that are then refilled): a goroutine of the
	// process may add allocations to a call, never take any away.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	allocs := func(s *Scope, expr string) float64 {
		least := testing.AllocsPerRun(1, func() { s.EvalAfter(expr, "", at) })
		for range 4 {
			least = min(least, testing.AllocsPerRun(1, func() { s.EvalAfter(expr, "", at) }))
		}
		return least
	}
	short, _ := scopeOf(10)
	long, b := scopeOf(20000)
	for _, expr := range []string{`d.last | claim "the highest on record"`, `d.max | claim "a record high"`, `d.last.date`, `d.min.value`} {
		if s, l := allocs(short, expr), allocs(long, expr); l > s {
			t.Errorf("{{ %s }} allocates %v times on 20,000 observations, %v on 10; want no more", expr, l, s)
		}
	}
	// What a reference reads of the whole series is worked out as the
	// block is read: changed behind the block's back, the series is not
	// read again.
	b.Series[5].Value = 1e6
	b.Series[0].Date = b.Series[0].Date.Add(time.Hour)
	if v, err := b.Field("max.value"); err != nil || v.Num != 19999 {
		t.Errorf("max.value = %v, %v; want 19999, the greatest value read", v.Num, err)
	}
	if v, err := b.Field("last.date"); err != nil || v.Timed {
		t.Errorf("last.date = %+v, %v; want a date without a time, as the series was read", v, err)
	}
}

// TestBoundedCounts checks the weeks, months and years to a crossing,
// rounded to the nearest, where the words before them make them a bound:
// "within" a count rounded down, and "more than" one rounded up, say what
// the data does not, and are errors that name a claim which holds.
func TestBoundedCounts(t *testing.T) {
	// As of 13 January 2025, losses reaches 12,000 on 15 April (92 days,
	// 13.1 weeks, 3.07 months, 0.25 years), its low scenario on 26 May
	// (133 days, 19 weeks to the day, 4.42 months), and pace, 100 a day
	// from 0 on 5 December, on 4 April (81 days, 11.6 weeks).
	scope := scopeOf(t, kursk+paceAndSlow+`  pop:
    series: [{date: 2025-01-01, value: 84123456}]
  late:
    as_of: 2025-06-01
    series: [{date: 2024-12-05, value: 0}]
    projection: {rate: 100, limit: 12000}
  lake:
    series: [{date: 2025-01-01, value: 1040}]
    projection: {rate: -0.9, per: week, limit: 950}
  gauge:
    as_of: 2025-01-13
    series: [{date: "2025-01-13T00:00", value: 0}]
    projection: {rate: 1, per: hour, limit: 1434}
  month:
    as_of: 2025-01-31
    series: [{date: 2025-01-31, value: 0}]
    projection: {rate: 100, limit: 2800}
`)
	at := diag.Pos{Path: pagePath, Line: 20, Col: 3}
	for _, tc := range []struct {
		before, expr, want, err string
	}{
		{"spent in about ", "losses.weeks_to_limit", "13", ""},
		{"", "losses.weeks_to_limit", "13", ""},
		{"spent within ", "losses.weeks_to_limit", "", `"within 13 weeks" is false: losses.crossing is 15 April 2025, 13.1 weeks after as_of (13 January 2025), and weeks_to_limit is rounded to the nearest week; write {{ losses.crossing | claim "within 14 weeks" }}`},
		{"| *In under* ", "losses.weeks_to_limit | comma", "", `"in under 13 weeks" is false: losses.crossing is 15 April 2025, 13.1 weeks after as_of (13 January 2025), and weeks_to_limit is rounded to the nearest week; write {{ losses.crossing | claim "within 14 weeks" }}`},
		{"within ", "losses.weeks_to_limit | approx", "about 13", ""},
		// "over" of a span of time is "during", but "more than" after "in"
		// or a verb of taking, or before "away".
		// "exactly" and "precisely" say a number is not rounded.
		{"It is spent in exactly ", "pace.weeks_to_limit", "", `"exactly 12" is false: pace.crossing is 4 April 2025, 11.6 weeks after as_of (13 January 2025), and weeks_to_limit is rounded to the nearest week; write "about", or the date`},
		{"Precisely ", "pop.last.value | figures 2", "", `"precisely 84 million" is false: pop.last.value is 84,123,456, rounded to 84 million; write it unrounded, or "about"`},
		{"It held exactly ", "losses.last.value | comma", "3,800", ""},
		{"exactly ", "pop.last.value | comma", "84,123,456", ""},
		{"Over ", "pace.weeks_to_limit", "12", ""},
		{"It is spent in over ", "pace.weeks_to_limit", "", `"over 12 weeks" is false: pace.crossing is 4 April 2025, 11.6 weeks after as_of (13 January 2025), and weeks_to_limit is rounded to the nearest week; write "about", or the date`},
		{"It takes over ", "pace.weeks_to_limit", "", `"over 12 weeks" is false: pace.crossing is 4 April 2025, 11.6 weeks after as_of (13 January 2025), and weeks_to_limit is rounded to the nearest week; write "about", or the date`},
		// A date its format shows coarser than its day, after words that
		// make a claim of it: false of 15 April before or after "mid-April"
		// or "April", true by them; the day itself is left ("refill
		// before 15 April" may be advice), as are words of no claim.
		{"runs dry *before* ", "losses.crossing | approx", "", `"before mid-April 2025" is false: losses.crossing is 15 April 2025; write the day, or {{ losses.crossing | claim "mid-April 2025" }} in place of "before mid-April 2025"`},
		{"Not after ", `losses.crossing | date "January 2006"`, "April 2025", ""},
		{"full no later than the end of the second quarter of ", `losses.crossing | date "2006"`, "2025", ""},
		{"full in the final quarter of ", `losses.crossing | date "2006"`, "", `"in the final quarter of 2025" is false: losses.crossing is 15 April 2025; write the day, or {{ losses.crossing | claim "mid-April 2025" }} in place of "in the final quarter of 2025"`},
		{"full early in ", `losses.crossing | date "January 2006"`, "", `"early in April 2025" is false: losses.crossing is 15 April 2025; write the day, or {{ losses.crossing | claim "mid-April 2025" }} in place of "early in April 2025"`},
		// An aside that says who says so leaves the negation before it.
		{"It will not, officials say, be full by ", "losses.crossing | approx", "", `"not be full by mid-April 2025" is false: losses.crossing is 15 April 2025; write the day, or words without the negation`},
		{"It will not be full in May, and, in truth, by ", "losses.crossing | approx", "mid-April 2025", ""},
		// Lead time before a date: another time, left.
		{"Staff will be warned a week or so before ", `losses.crossing | claim "mid-April"`, "mid-April", ""},
		{"On the night before ", `losses.crossing | claim "mid-April"`, "mid-April", ""},
		// An answer before an aside is no part of the clause after it; a
		// comment anywhere in the clause is not read.
		{"Will it last? No, officials say, it will be full ", `losses.crossing | claim "before May"`, "before May", ""},
		{"The ward will <!-- not --> be full ", `losses.crossing | claim "before May"`, "before May", ""},
		{"The ward will not, according to officials, be full ", `losses.crossing | claim "by March"`, "by March", ""},
		// "almost exactly" takes the claim back.
		{"It held almost exactly ", "pop.last.value | figures 2", "84 million", ""},
		{"It is not exactly ", "pace.weeks_to_limit", "12", ""},
		{"It will take the ward over ", "pace.weeks_to_limit", "", `"over 12 weeks" is false: pace.crossing is 4 April 2025, 11.6 weeks after as_of (13 January 2025), and weeks_to_limit is rounded to the nearest week; write "about", or the date`},
		{"Exactly ", "lake.rate | abs | round 0", "", `"exactly 1" is false: lake.rate | abs is 0.9, rounded to 1; write it unrounded, or "about"`},
		// A winter named by one year is read two ways, and left.
		{"It fills in the winter of ", `month.crossing | date "2006"`, "2025", ""},
		{"full by the end of the first quarter of ", `losses.crossing | date "2006"`, "", `"by the end of the first quarter of 2025" is false: losses.crossing is 15 April 2025; write the day, or {{ losses.crossing | claim "mid-April 2025" }} in place of "by the end of the first quarter of 2025"`},
		// A comment or a footnote's mark between the words and the value
		// is no part of either.
		{"runs dry before[^1] ", "losses.crossing | approx", "", `"before mid-April 2025" is false: losses.crossing is 15 April 2025; write the day, or {{ losses.crossing | claim "mid-April 2025" }} in place of "before mid-April 2025"`},
		{"runs dry before <!-- check the date --> ", "losses.crossing | approx", "", `"before mid-April 2025" is false: losses.crossing is 15 April 2025; write the day, or {{ losses.crossing | claim "mid-April 2025" }} in place of "before mid-April 2025"`},
		{"It holds fewer than <!-- check -->\n", "pop.last.value | figures 2", "", `"fewer than 84 million" is false: pop.last.value is 84,123,456, rounded down to 84 million; write it unrounded, or a bound the number holds`},
		{"runs dry [before] ", "losses.crossing | approx", "mid-April 2025", ""},
		{"surely after ", `losses.crossing | date "January 2006"`, "", `"after April 2025" is false: losses.crossing is 15 April 2025; write the day, or {{ losses.crossing | claim "mid-April 2025" }} in place of "after April 2025"`},
		{"by ", "losses.crossing | approx", "mid-April 2025", ""},
		{"before ", "losses.crossing", "15 April 2025", ""},
		{"until ", "losses.crossing | approx", "mid-April 2025", ""},
		// A negation before the words turns their claim.
		{"The ward will not be full by ", `losses.crossing | date "January 2006"`, "", `"not be full by April 2025" is false: losses.crossing is 15 April 2025; write the day, or words without the negation`},
		{"The ward will not be full before ", "losses.crossing | approx", "mid-April 2025", ""},
		{"It will not be full until after ", `losses.crossing | date "January 2006"`, "", `"after April 2025" is false: losses.crossing is 15 April 2025; write the day, or {{ losses.crossing | claim "mid-April 2025" }} in place of "after April 2025"`},
		{"It will not be full until ", `losses.crossing | date "January 2006"`, "April 2025", ""},
		{"not long before ", "losses.crossing | approx", "", `"before mid-April 2025" is false: losses.crossing is 15 April 2025; write the day, or {{ losses.crossing | claim "mid-April 2025" }} in place of "before mid-April 2025"`},
		// A negation before a claim turns it too: the page says the
		// claim is false, and a claim that holds is then an error.
		{"The ward will not be full ", `losses.crossing | claim "before May"`, "", `"not be full before May" is false: claim "before May" holds, losses.crossing is 15 April 2025; write the claim without "not be full"`},
		{"The ward will not be full ", `losses.crossing | claim "before April"`, "before April", ""},
		{"It has never held ", `losses.last.value | claim "more than 150"`, "", `"never held more than 150" is false: claim "more than 150" holds, losses.last.value is 3,800; write the claim without "never held"`},
		{"It has never held ", `losses.last.value | claim "more than 5,000"`, "more than 5,000", ""},
		{"Losses were not ", `losses.last | claim "the highest on record"`, "", `"not the highest on record" is false: claim "the highest on record" holds, losses.last is 6 January 2025 (3,800); write the claim without "not"`},
		{"No one doubts that it fills ", `losses.crossing | claim "before May"`, "before May", ""},
		{"Whether or not it fills ", `losses.crossing | claim "before May"`, "before May", ""},
		// Words before a claim that make a claim with it are read with it.
		{"It holds nearly ", `losses.last.value | claim "3,800"`, "", `"nearly 3,800" is false: losses.last.value is 3,800, and the words before claim "3,800" are read with it; without them, write {{ losses.last.value | claim "about 3,800" }}`},
		{"It holds ", `losses.last.value | claim "about 3,800"`, "about 3,800", ""},
		{"full by ", `losses.crossing | claim "mid-April"`, "mid-April", ""},
		// A date's words before it are read with it, false or true.
		{"full before ", `losses.crossing | claim "mid-April"`, "", `claim "before mid-April" is false: it reads as before 11 April 2025, and losses.crossing is 15 April 2025 (mid-April 2025); the words just before the claim are read with its phrase`},
		{"certainly by the start of ", `losses.crossing | claim "April 2025"`, "", `claim "by the start of April 2025" is false: it reads as on or before 7 April 2025, and losses.crossing is 15 April 2025 (mid-April 2025); the words just before the claim are read with its phrase`},
		{"The ward is full before ", `losses.crossing | claim "May"`, "May", ""},
		{"It is full after ", `losses.crossing | claim "early April"`, "early April", ""},
		// They may be of another time ("in the weeks before"), and a
		// preposition of other words ("a row over"): left.
		{"Staff need beds in the weeks before ", `losses.crossing | claim "mid-April"`, "mid-April", ""},
		{"Staff need beds in the days after ", `losses.crossing | claim "early April"`, "", `claim "early April" is false: it reads as 1 to 10 April 2025, and losses.crossing is 15 April 2025 (mid-April 2025)`},
		{"A row over ", `losses.last.value | claim "3,800"`, "3,800", ""},
		// A negation turns the claim with the words between them.
		{"The ward will not be full before ", `losses.crossing | claim "mid-April"`, "mid-April", ""},
		{"The ward will not be full before ", `losses.crossing | claim "May"`, "", `"not be full before May" is false: claim "before May" holds, losses.crossing is 15 April 2025; write the claim without "not be full"`},
		{"Losses have never exceeded ", `losses.last.value | claim "3,800"`, "3,800", ""},
		{"Without new beds the ward is full ", `losses.crossing | claim "before May"`, "before May", ""},
		{"The ward won’t be full ", `losses.crossing | claim "before May"`, "", `"won't be full before May" is false: claim "before May" holds, losses.crossing is 15 April 2025; write the claim without "won't be full"`},
		{"It will be full by May, if not ", `losses.crossing | claim "in April"`, "in April", ""},
		{"It rose by ", `losses.last.value | claim "about 3,800"`, "about 3,800", ""},
		// The words of the end or the start of a month or a year.
		{"full by the end of ", `losses.crossing | date "January 2006"`, "April 2025", ""},
		{"no later than the end of ", `losses.crossing | date "January 2006"`, "April 2025", ""},
		{"it fills before the start of ", `losses.crossing | date "January 2006"`, "", `"before the start of April 2025" is false: losses.crossing is 15 April 2025; write the day, or {{ losses.crossing | claim "mid-April 2025" }} in place of "before the start of April 2025"`},
		// Words of a time near the date are not of the date.
		{"in the weeks before ", "losses.crossing | approx", "mid-April 2025", ""},
		{"short in the month after ", `losses.crossing | date "January 2006"`, "April 2025", ""},
		// A day shown without its year is read as a reader reads it, as
		// the last such day before as_of or the next after it: true of
		// 15 April 2025 and 20 December 2024, as of 13 January 2025;
		// false of 2 December 2026.
		{"full by ", `losses.crossing | date "2 January"`, "15 April", ""},
		{"full by ", `lake.crossing | date "2 January"`, "", `"2 December" without its year reads as the last such day before as_of (20 January 2025) or the next after it, but lake.crossing is 2 December 2026; show the year`},
		{"on ", `lake.crossing | date "2 January"`, "", `"2 December" without its year reads as the last such day before as_of (20 January 2025) or the next after it, but lake.crossing is 2 December 2026; show the year`},
		// The day just past, of the year before as_of, is read so.
		{"reached 1,500 on ", `losses.first.date | date "2 January"`, "20 December", ""},
		{"on ", `lake.crossing | date "2 January 2006"`, "2 December 2026", ""},
		{"", `lake.crossing | date "2 January"`, "", `"2 December" without its year reads as the last such day before as_of (20 January 2025) or the next after it, but lake.crossing is 2 December 2026; show the year`},
		// A weekday alone is a day within a week of as_of (13 January).
		{"full on ", `losses.crossing | date "Monday"`, "", `"Tuesday" alone reads as a day within a week of as_of (13 January 2025), but losses.crossing is Tuesday 15 April 2025; show the date`},
		{"reported on ", `losses.as_of | date "Monday"`, "Monday", ""},
		{"reported on ", `losses.last.date | date "Monday"`, "", `"Monday" alone reads as a day within a week of as_of (13 January 2025), but losses.last.date is Monday 6 January 2025; show the date`},
		// A year written before it on its line says which.
		{"In 2026, full on ", `lake.crossing | date "2 January"`, "2 December", ""},
		// Words of a time near the date are of its own clause: "within
		// months, before" is "before".
		{"within months, before ", `losses.crossing | date "January 2006"`, "", `"before April 2025" is false: losses.crossing is 15 April 2025; write the day, or {{ losses.crossing | claim "mid-April 2025" }} in place of "before April 2025"`},
		{"Within the next ", "losses.months_to_limit", "", `"within the next 3 months" is false: losses.crossing is 15 April 2025, 3.1 months after as_of (13 January 2025), and months_to_limit is rounded to the nearest month; write {{ losses.crossing | claim "within 4 months" }}`},
		{"within ", "losses.years_to_limit", "", `"within 0 years" is false: losses.crossing is 15 April 2025, 0.3 years after as_of (13 January 2025), and years_to_limit is rounded to the nearest year; write {{ losses.crossing | claim "within a year" }}`},
		{"more than ", "losses.weeks_to_limit", "13", ""},
		{"within ", "losses.low.weeks_to_limit", "19", ""},
		{"It takes longer than ", "pace.weeks_to_limit", "", `"longer than 12 weeks" is false: pace.crossing is 4 April 2025, 11.6 weeks after as_of (13 January 2025), and weeks_to_limit is rounded to the nearest week; write "about", or the date`},
		// A count that is exact, 19 weeks to the day, is not under
		// itself nor more than itself, as the claims say.
		{"in under ", "losses.low.weeks_to_limit", "", `"in under 19 weeks" is false: losses.low.crossing is 26 May 2025, 19 weeks after as_of (13 January 2025) to the day; write {{ losses.low.crossing | claim "within 19 weeks" }}`},
		{"more than ", "losses.low.weeks_to_limit", "", `"more than 19 weeks" is false: losses.low.crossing is 26 May 2025, 19 weeks after as_of (13 January 2025) to the day; write "about", or the date`},
		{"at least ", "losses.low.weeks_to_limit", "19", ""},
		{"within ", "losses.days_to_limit", "92", ""},
		{"in less than ", "losses.days_to_limit", "", `"in less than 92 days" is false: losses.crossing is 15 April 2025, 92 days after as_of (13 January 2025) to the day; write {{ losses.crossing | claim "within 92 days" }}`},
		{"in under ", "month.months_to_limit", "", `"in under 1 month" is false: month.crossing is 28 February 2025, 1 month after as_of (31 January 2025) to the day; write {{ month.crossing | claim "within a month" }}`},
		{"fewer than ", "losses.days_to_limit", "", `"fewer than 92 days" is false: losses.crossing is 15 April 2025, 92 days after as_of (13 January 2025) to the day; write {{ losses.crossing | claim "within 92 days" }}`},
		{"more than ", "losses.low.months_to_limit", "4", ""},
		{"within ", "losses.low.months_to_limit", "", `"within 4 months" is false: losses.low.crossing is 26 May 2025, 4.4 months after as_of (13 January 2025), and months_to_limit is rounded to the nearest month; write {{ losses.low.crossing | claim "within 5 months" }}`},
		{"within ", "pace.weeks_to_limit", "12", ""},
		// A bound claimed of a count is of the time itself, not its
		// rounding: pace's 11.6 weeks are fewer than 12 and not at
		// least 12, losses' 3.07 months more than 3.
		{"lasts ", `pace.weeks_to_limit | claim "fewer than 12"`, "fewer than 12", ""},
		{"lasts ", `pace.weeks_to_limit | claim "at least 12"`, "", `claim "at least 12" is false: pace.weeks_to_limit is 11.5714 (about 12)`},
		{"lasts ", `losses.months_to_limit | claim "more than 3"`, "more than 3", ""},
		{"lasts ", `losses.weeks_to_limit | claim "13"`, "13", ""},
		{"lasts ", `pace.months_to_limit | claim "at least three"`, "", `claim "at least three" is false: pace.months_to_limit is 2.70968 (about 2.7)`},
		{"lasts ", `pace.weeks_to_limit | claim "nearly 12"`, "nearly 12", ""},
		// Not a bound: 2.7 months are about 3, rounded to the nearest
		// month, as "in about {{ pace.months_to_limit }} months" says.
		{"lasts ", `pace.months_to_limit | claim "about 3"`, "about 3", ""},
		// gauge crosses at 18:00 on 13 March, two months to the day
		// after as_of: within 2 months, as the claim reads it, though
		// not by the hour.
		{"within ", "gauge.months_to_limit", "2", ""},
		{"more than ", "pace.weeks_to_limit", "", `"more than 12 weeks" is false: pace.crossing is 4 April 2025, 11.6 weeks after as_of (13 January 2025), and weeks_to_limit is rounded to the nearest week; write "about", or the date`},
		{"At least ", "pace.weeks_to_limit", "", `"at least 12 weeks" is false: pace.crossing is 4 April 2025, 11.6 weeks after as_of (13 January 2025), and weeks_to_limit is rounded to the nearest week; write "about", or the date`},
		// A number rounded the way that makes the bound false: 11,900
		// rising 2.52 a day for 30 days is 11,975.6, its low scenario
		// 11,975.3.
		{"more than ", "slow.value_at_until", "", `"more than 11,976" is false: slow.value_at_until is 11,975.6, rounded up to 11,976; write it unrounded, or a bound the number holds`},
		{"At least ", "slow.value_at_until | comma", "", `"at least 11,976" is false: slow.value_at_until is 11,975.6, rounded up to 11,976; write it unrounded, or a bound the number holds`},
		{"under ", "slow.value_at_until", "11,976", ""},
		{"more than ", "slow.value_at_until | round 1", "11,975.6", ""},
		{"more than ", `slow.value_at_until | round " 1"`, "11,975.6", ""}, // the number the format showed, its argument read as the format reads it
		{"more than ", "slow.low.value_at_until", "11,975", ""},
		{"(fewer than ", "slow.low.value_at_until | int", "", `"fewer than 11975" is false: slow.low.value_at_until is 11,975.3, rounded down to 11975; write it unrounded, or a bound the number holds`},
		{"the other ", "slow.value_at_until", "11,976", ""},
		{"more than ", "slow.value_at_until | approx", "about 12,000", ""},
		{"under ", "pop.last.value | figures 3", "", `"under 84.1 million" is false: pop.last.value is 84,123,456, rounded down to 84.1 million; write it unrounded, or a bound the number holds`},
		{"mehr als ", "pop.last.value | figures 3", "84.1 million", ""},
		{"nearly ", "pop.last.value | figures 3", "", `"nearly 84.1 million" is false: pop.last.value is 84,123,456, rounded down to 84.1 million; write it unrounded, or a bound the number holds`},
		{"nearly ", "slow.value_at_until", "11,976", ""},
		{"more than ", "pop.last.value | figures 2", "84 million", ""},
		{"more than ", "pop.last.value", "84,123,456", ""},
		{"more than ", "pop.last.value | round 2", "84,123,456.00", ""},
		// late crosses on 4 April 2025, 58 days before its as_of: its
		// counts are below zero, which the value's warning tells, and
		// no bound is read into them.
		{"more than ", "late.weeks_to_limit", "-8", ""},
		{"within ", "late.months_to_limit", "-2", ""},
		{"in under ", "late.years_to_limit", "0", ""},
		// A number below zero after a word that says it falls reads as
		// a rise; without such a word, or without its sign, it is left.
		{"Falling ", "lake.rate", "", `"falling -0.9" reads as a rise: lake.rate is below zero, and "falling" already says it falls; write {{ lake.rate | abs }}`},
		{"the level fell by ", "lake.rate | round 2", "", `"fell by -0.90" reads as a rise: lake.rate is below zero, and "fell by" already says it falls; write {{ lake.rate | abs | round 2 }}`},
		{"falling ", "lake.rate | abs", "0.9", ""},
		{"a rate of ", "lake.rate", "-0.9", ""},
		{"down ", "losses.rate", "92", ""},
		// After abs, the words before say which way the number goes: a
		// rise after words of a fall is false, and the other way round.
		{"a fall of ", "losses.rate | abs", "", `"fall of 92" is false: losses.rate is 92, above zero, a rise, and abs shows it as it is; write the words of a rise`},
		{"has shrunk by ", "losses.rate | abs", "", `"shrunk by 92" is false: losses.rate is 92, above zero, a rise, and abs shows it as it is; write the words of a rise`},
		{"rising ", "lake.rate | abs", "", `"rising 0.9" is false: lake.rate is -0.9, below zero, a fall, and abs takes its sign away; write the words of a fall`},
		{"a rise of ", "losses.rate | abs", "92", ""},
		{"a rate of ", "losses.rate | abs", "92", ""},
		{"Rising ", "lake.rate", "", `"rising -0.9" reads as a fall: lake.rate is below zero, and "rising" says it rises; write the words of a fall, then {{ lake.rate | abs }}`},
		{"a drop of ", "lake.rate", "", `"drop of -0.9" reads as a rise: lake.rate is below zero, and "drop of" already says it falls; write {{ lake.rate | abs }}`},
		{"The lake is falling ", "lake.rate | approx", "", `"falling about -0.9" reads as a rise: lake.rate is below zero, and "falling" already says it falls; write {{ lake.rate | abs | approx }}`},
		{"It keeps dipping ", "lake.rate", "", `"dipping -0.9" reads as a rise: lake.rate is below zero, and "dipping" already says it falls; write {{ lake.rate | abs }}`},
		{"It soared by ", "lake.rate", "", `"soared by -0.9" reads as a fall: lake.rate is below zero, and "soared by" says it rises; write the words of a fall, then {{ lake.rate | abs }}`},
		{"It sinks ", "lake.rate", "", `"sinks -0.9" reads as a rise: lake.rate is below zero, and "sinks" already says it falls; write {{ lake.rate | abs }}`},
		{"Each week it is higher by ", "lake.rate", "", `"higher by -0.9" reads as a fall: lake.rate is below zero, and "higher by" says it rises; write the words of a fall, then {{ lake.rate | abs }}`},
		// The base and present forms of the verbs, and a deficit and a
		// surplus, say which way too.
		{"Payrolls grow by ", "lake.rate | abs", "", `"grow by 0.9" is false: lake.rate is -0.9, below zero, a fall, and abs takes its sign away; write the words of a fall`},
		{"The firm gains ", "lake.rate | abs", "", `"gains 0.9" is false: lake.rate is -0.9, below zero, a fall, and abs takes its sign away; write the words of a fall`},
		{"a surplus of ", "lake.rate | abs", "", `"surplus of 0.9" is false: lake.rate is -0.9, below zero, a fall, and abs takes its sign away; write the words of a fall`},
		{"Sales declines by ", "losses.rate | abs", "", `"declines by 92" is false: losses.rate is 92, above zero, a rise, and abs shows it as it is; write the words of a rise`},
		{"it eased by ", "losses.rate | abs", "", `"eased by 92" is false: losses.rate is 92, above zero, a rise, and abs shows it as it is; write the words of a rise`},
		{"a deficit of ", "losses.rate | abs", "", `"deficit of 92" is false: losses.rate is 92, above zero, a rise, and abs shows it as it is; write the words of a rise`},
		{"a deficit of ", "lake.rate | abs", "0.9", ""},
		{"it loses ", "lake.rate | abs", "0.9", ""},
		// abs before another format: that format, without the sign.
		{"a deficit of ", "lake.rate | approx", "", `"deficit of about -0.9" reads as a rise: lake.rate is below zero, and "deficit of" already says it falls; write {{ lake.rate | abs | approx }}`},
		{"a deficit of ", "lake.rate | abs | approx", "about 0.9", ""},
		{"a deficit of ", "lake.rate | abs | round 2", "0.90", ""},
		{"a surplus of ", "lake.rate | abs | approx", "", `"surplus of about 0.9" is false: lake.rate is -0.9, below zero, a fall, and abs takes its sign away; write the words of a fall`},
		{"more than ", "lake.rate | abs | comma", "", `"more than 1" is false: lake.rate | abs is 0.9, rounded up to 1; write it unrounded, or a bound the number holds`},
		{"", `lake.rate | abs | claim "about 0.9"`, "", "abs may come before one format of a number, such as | abs | approx, not before claim"},
	} {
		text, got := evalAfter(scope, tc.expr, tc.before, at)
		if got != tc.err || text != tc.want {
			t.Errorf("%s{{ %s }} = %q, %q;\nwant %q, %q", tc.before, tc.expr, text, got, tc.want, tc.err)
		}
		// The claim the error names holds.
		if _, suggest, ok := strings.Cut(got, "write {{ "); ok {
			if _, err := scope.EvalAfter(strings.TrimSuffix(suggest, " }}"), "", at); err != nil {
				t.Errorf("the suggestion of %s{{ %s }}: %v", tc.before, tc.expr, err)
			}
		}
	}
}

// TestBoundWords checks that the words before a rounded number are read
// as a claim on the page reads them, in the page's language: a negated
// bound ("no fewer than", "pas plus de") is not its opposite, every
// qualifier of a number phrase is a bound ("greater than", "knapp"), a
// percentage rounded by its format is one, so is a number abs rounds
// (of the number without its sign), and "over" before a count of
// time, which also reads as "during", is none.
func TestBoundWords(t *testing.T) {
	// slow is 11,975.6 on 31 January, its low scenario 11,975.3; pace
	// crosses 11.6 weeks after its as_of, losses 13.1 weeks after.
	scope := scopeOf(t, kursk+paceAndSlow+`  share:
    series: [{date: 2025-01-01, value: 0.145}]
  pop:
    series: [{date: 2025-01-01, value: 84123456}]
  lake:
    series: [{date: 2025-01-01, value: 1040}]
    projection: {rate: -0.86, per: week, until: 2025-03-01}
`)
	at := diag.Pos{Path: pagePath, Line: 20, Col: 3}
	for _, tc := range []struct {
		lang, before, expr, want, err string
	}{
		{"en", "No fewer than ", "slow.low.value_at_until", "11,975", ""},
		{"en", "no fewer than ", "slow.value_at_until", "", `"no fewer than 11,976" is false: slow.value_at_until is 11,975.6, rounded up to 11,976; write it unrounded, or a bound the number holds`},
		{"en", "not more than ", "slow.low.value_at_until", "", `"not more than 11,975" is false: slow.low.value_at_until is 11,975.3, rounded down to 11,975; write it unrounded, or a bound the number holds`},
		{"en", "greater than ", "slow.value_at_until", "", `"greater than 11,976" is false: slow.value_at_until is 11,975.6, rounded up to 11,976; write it unrounded, or a bound the number holds`},
		{"en", "more than ", "share.last.value | percent 0", "", `"more than 15%" is false: share.last.value is 0.145, rounded up to 15%; write it unrounded, or a bound the number holds`},
		{"en", "under ", "share.last.value | percent 0", "15%", ""},
		{"en", "more than ", "share.last.value | percent 1", "14.5%", ""},
		{"en", "falling more than ", "lake.rate | abs 1", "", `"more than 0.9" is false: lake.rate | abs is 0.86, rounded up to 0.9; write it unrounded, or a bound the number holds`},
		{"en", "falling less than ", "lake.rate | abs 1", "0.9", ""},
		{"en", "falling more than ", "lake.rate | abs", "0.86", ""},
		{"en", "spread over ", "pace.weeks_to_limit", "12", ""},
		{"en", "just over ", "pace.weeks_to_limit", "", `"just over 12 weeks" is false: pace.crossing is 4 April 2025, 11.6 weeks after as_of (13 January 2025), and weeks_to_limit is rounded to the nearest week; write "about", or the date`},
		{"en", "no less than ", "pace.weeks_to_limit", "", `"no less than 12 weeks" is false: pace.crossing is 4 April 2025, 11.6 weeks after as_of (13 January 2025), and weeks_to_limit is rounded to the nearest week; write "about", or the date`},
		{"en", "nicht mehr als ", "slow.low.value_at_until", "11,975", ""}, // German words on an English page
		{"de", "Erschöpft binnen ", "losses.central.weeks_to_limit", "", `"binnen 13" is false: losses.central.crossing is 15 April 2025, 13.1 weeks after as_of (13 January 2025), and weeks_to_limit is rounded to the nearest week; write {{ losses.central.crossing | claim "innerhalb von 14 Wochen" }}`},
		{"de", "Reicht mehr als ", "pace.months_to_limit", "", `"mehr als 3" is false: pace.crossing is 4 April 2025, 2.7 months after as_of (13 January 2025), and months_to_limit is rounded to the nearest month; write "etwa", or the date`},
		{"fr", "Durera plus de ", "pace.months_to_limit", "", `"plus de 3" is false: pace.crossing is 4 April 2025, 2.7 months after as_of (13 January 2025), and months_to_limit is rounded to the nearest month; write "environ", or the date`},
		{"de", "knapp ", "slow.low.value_at_until", "", `"knapp 11.975" is false: slow.low.value_at_until is 11.975,3, rounded down to 11.975; write it unrounded, or a bound the number holds`},
		{"de", "nicht weniger als ", "slow.low.value_at_until", "11.975", ""},
		{"de", "über ", "slow.value_at_until", "", `"über 11.976" is false: slow.value_at_until is 11.975,6, rounded up to 11.976; write it unrounded, or a bound the number holds`},
		{"de", "in weniger als ", "losses.low.weeks_to_limit", "", `"in weniger als 19" is false: losses.low.crossing is 26 May 2025, 19 weeks after as_of (13 January 2025) to the day; write {{ losses.low.crossing | claim "innerhalb von 19 Wochen" }}`},
		{"fr", "en moins de ", "losses.low.weeks_to_limit", "", `"en moins de 19" is false: losses.low.crossing is 26 May 2025, 19 weeks after as_of (13 January 2025) to the day; write {{ losses.low.crossing | claim "dans les 19 semaines" }}`},
		{"fr", "épuisées d’ici ", "losses.weeks_to_limit", "", `"d'ici 13" is false: losses.crossing is 15 April 2025, 13.1 weeks after as_of (13 January 2025), and weeks_to_limit is rounded to the nearest week; write {{ losses.crossing | claim "dans les 14 semaines" }}`},
		{"fr", "pas plus de ", "slow.low.value_at_until", "", "\"pas plus de 11\u00a0975\" is false: slow.low.value_at_until is 11\u00a0975,3, rounded down to 11\u00a0975; write it unrounded, or a bound the number holds"},
		{"fr", "pas moins de ", "slow.low.value_at_until", "11\u00a0975", ""},
		{"fr", "près de ", "slow.value_at_until", "11\u00a0976", ""},
		// Claims do not read Spanish words of large numbers: the way the
		// number was rounded tells.
		{"es", "under ", "pop.last.value | figures 3", "", `"under 84,1 millones" is false: pop.last.value is 84.123.456, rounded down to 84,1 millones; write it unrounded, or a bound the number holds`},
		{"es", "over ", "pop.last.value | figures 3", "84,1 millones", ""},
		// A fall said in the page's language, then a minus sign.
		{"de", "Der Pegel sank um ", "lake.rate", "", `"sank um -0,86" reads as a rise: lake.rate is below zero, and "sank um" already says it falls; write {{ lake.rate | abs }}`},
		{"fr", "Niveau en baisse de ", "lake.rate", "", `"en baisse de -0,86" reads as a rise: lake.rate is below zero, and "en baisse de" already says it falls; write {{ lake.rate | abs }}`},
		{"fr", "a baissé de ", "lake.rate", "", `"a baissé de -0,86" reads as a rise: lake.rate is below zero, and "a baissé de" already says it falls; write {{ lake.rate | abs }}`},
		{"de", "Der Pegel stieg um ", "lake.rate", "", `"stieg um -0,86" reads as a fall: lake.rate is below zero, and "stieg um" says it rises; write the words of a fall, then {{ lake.rate | abs }}`},
		{"de", "Der Pegel lag bei ", "lake.rate", "-0,86", ""},
		{"de", "Der Pegel steigt um ", "lake.rate", "", `"steigt um -0,86" reads as a fall: lake.rate is below zero, and "steigt um" says it rises; write the words of a fall, then {{ lake.rate | abs }}`},
		{"de", "ein Zuwachs von ", "lake.rate", "", `"ein zuwachs von -0,86" reads as a fall: lake.rate is below zero, and "ein zuwachs von" says it rises; write the words of a fall, then {{ lake.rate | abs }}`},
		{"fr", "Le niveau baisse de ", "lake.rate", "", `"baisse de -0,86" reads as a rise: lake.rate is below zero, and "baisse de" already says it falls; write {{ lake.rate | abs }}`},
		{"de", "falling ", "lake.rate", "", `"falling -0,86" reads as a rise: lake.rate is below zero, and "falling" already says it falls; write {{ lake.rate | abs }}`},
		// A bound that ends a comparison is of the other number.
		{"en", "twice as many as ", "slow.low.value_at_until", "11,975", ""},
		{"de", "doppelt so viele wie ", "slow.low.value_at_until", "11.975", ""},
		// Words that bound a count of time alone say nothing of a number.
		{"es", "rose by ", "pop.last.value | figures 3", "84,1 millones", ""},
		{"en", "in the next ", "slow.low.value_at_until", "11,975", ""},
		// Words that qualify the value between the bound and it are read
		// with the bound, and quoted.
		{"en", "The county now needs more than an estimated ", "slow.value_at_until", "", `"more than an estimated 11,976" is false: slow.value_at_until is 11,975.6, rounded up to 11,976; write it unrounded, or a bound the number holds`},
		{"en", "more than an estimated ", "slow.low.value_at_until", "11,975", ""},
		{"en", "Fewer than a reported ", "slow.low.value_at_until", "", `"fewer than a reported 11,975" is false: slow.low.value_at_until is 11,975.3, rounded down to 11,975; write it unrounded, or a bound the number holds`},
		{"en", "fewer than a reported ", "slow.value_at_until", "11,976", ""},
		{"en", "The ward held a minimum of ", "slow.value_at_until", "", `"a minimum of 11,976" is false: slow.value_at_until is 11,975.6, rounded up to 11,976; write it unrounded, or a bound the number holds`},
		{"en", "It can take a maximum of ", "slow.low.value_at_until", "", `"a maximum of 11,975" is false: slow.low.value_at_until is 11,975.3, rounded down to 11,975; write it unrounded, or a bound the number holds`},
		{"en", "Demand rose past ", "slow.value_at_until", "", `"past 11,976" is false: slow.value_at_until is 11,975.6, rounded up to 11,976; write it unrounded, or a bound the number holds`},
		{"en", "in the past ", "slow.value_at_until", "11,976", ""},
		{"en", "The count stayed beneath ", "slow.low.value_at_until", "", `"beneath 11,975" is false: slow.low.value_at_until is 11,975.3, rounded down to 11,975; write it unrounded, or a bound the number holds`},
		{"en", "The count stayed beneath ", "slow.value_at_until", "11,976", ""},
		// "over" of a noun of dispute or feeling is "about"; after a verb
		// it is a bound.
		{"en", "Unions are in a row over ", "slow.value_at_until", "11,976", ""},
		{"en", "Fears over ", "slow.value_at_until", "11,976", ""},
		{"en", "The dispute over ", "slow.value_at_until", "11,976", ""},
		{"en", "Job cuts rose over ", "slow.value_at_until", "", `"over 11,976" is false: slow.value_at_until is 11,975.6, rounded up to 11,976; write it unrounded, or a bound the number holds`},
		{"de", "Wir berichten über ", "slow.value_at_until", "11.976", ""},
		{"de", "Die Debatte über ", "slow.value_at_until", "11.976", ""},
		{"fr", "En plus de ", "slow.value_at_until", "11\u00a0976", ""},
		{"fr", "Il reste plus de ", "slow.value_at_until", "", "\"plus de 11\u00a0976\" is false: slow.value_at_until is 11\u00a0975,6, rounded up to 11\u00a0976; write it unrounded, or a bound the number holds"},
		// A shortfall is a fall, as a deficit is.
		{"en", "a shortfall of ", "lake.rate", "", `"shortfall of -0.86" reads as a rise: lake.rate is below zero, and "shortfall of" already says it falls; write {{ lake.rate | abs }}`},
		{"en", "a deficit of ", "lake.rate", "", `"deficit of -0.86" reads as a rise: lake.rate is below zero, and "deficit of" already says it falls; write {{ lake.rate | abs }}`},
		{"en", "a shortfall of ", "lake.rate | abs", "0.86", ""},
	} {
		scope.Locale = locale.New(tc.lang)
		text, got := evalAfter(scope, tc.expr, tc.before, at)
		if got != tc.err || text != tc.want {
			t.Errorf("%s: %s{{ %s }} = %q, %q;\nwant %q, %q", tc.lang, tc.before, tc.expr, text, got, tc.want, tc.err)
		}
	}
}

// paceAndSlow are the blocks of the bound tests: pace crosses 12,000
// 11.6 weeks after its as_of; slow is 11,975.6 on 31 January, its low
// scenario 11,975.3.
const paceAndSlow = `  pace:
    as_of: 2025-01-13
    series: [{date: 2024-12-05, value: 0}]
    projection: {rate: 100, limit: 12000}
  slow:
    series: [{date: 2025-01-01, value: 11900}]
    projection: {rate: 2.52, low: 2.51, high: 2.6, until: 2025-01-31}
`

// evalAfter evaluates expr after the words before, and returns the text
// shown and the error's message, "" for none.
func evalAfter(scope *Scope, expr, before string, at diag.Pos) (text, err string) {
	ev, e := scope.EvalAfter(expr, before, at)
	if e != nil {
		err = e.Error()
	}
	return ev.Text, err
}

// scopeOf is the scope of the blocks of src, which must parse without a
// message.
func scopeOf(t *testing.T, src string) *Scope {
	t.Helper()
	blocks, msgs := parse(t, src, nil)
	if len(msgs) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(msgs, "\n"))
	}
	return NewScope(blocks)
}

// BenchmarkValueAfterWords evaluates a value after words that make no
// bound, as most values of a page are: the cost the bound check adds to
// every value.
func BenchmarkValueAfterWords(b *testing.B) {
	blocks, msgs := parse(b, kursk, nil)
	if len(msgs) > 0 {
		b.Fatalf("Parse reported:\n%s", strings.Join(msgs, "\n"))
	}
	scope := NewScope(blocks)
	at := diag.Pos{Path: pagePath, Line: 20, Col: 3}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scope.EvalAfter("losses.last.value | comma", "the tally reached, by the latest count, ", at); err != nil {
			b.Fatal(err)
		}
	}
}

// TestManyHistoryClaims checks many claims about the history of a long
// series, each different and each true: a run of rises since each of its
// days, a record under each name, a rise on each earlier day. Each claim
// read the whole series, or the whole of its run of rises, so that 5,000
// runs since a day of a series of 300,000 days took 130 s of CPU, and
// these ran for more than ten minutes; the claims of a page now share
// what they read of a series (claim.Memo), and take seconds.
func TestManyHistoryClaims(t *testing.T) {
	const n = 300_000
	var csv strings.Builder
	csv.WriteString("date,value\n")
	day0 := time.Date(1200, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		fmt.Fprintf(&csv, "%s,%d\n", day0.AddDate(0, 0, i).Format(time.DateOnly), 1000+i)
	}
	blocks, msgs := parse(t, "data:\n  d: {csv: d.csv}\n", fstest.MapFS{"content/articles/d.csv": {Data: []byte(csv.String())}})
	if len(msgs) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(msgs, "\n"))
	}
	scope := NewScope(blocks)
	at := diag.Pos{Path: pagePath, Line: 20, Col: 3}
	for i := range 20_000 {
		d := day0.AddDate(0, 0, n-2-i).Format("2 January 2006")
		noun := fmt.Sprintf("q%c%c%c", 'a'+i/676%26, 'a'+i/26%26, 'a'+i%26)
		for _, phrase := range []string{"has risen every day since " + d, "the highest " + noun + " on record", "higher than on " + d} {
			if _, err := scope.EvalAfter(`d.last | claim "`+phrase+`"`, "", at); err != nil {
				t.Fatalf("claim %q: %v; want it true", phrase, err)
			}
		}
	}
}

// TestWordsAfter checks the words after a value: "or more" and "+" make
// it a least value and "or fewer" a greatest, which its rounding must
// keep true, and "%" or "per cent" after a number in percentage points
// says a change in per cent, which it is not.
func TestWordsAfter(t *testing.T) {
	// k is 1,204.6, j 1,204.4; support, in percent, rises 2 points a year.
	scope := scopeOf(t, `data:
  shrink:
    series: [{date: 2025-01-10, value: 1000}]
    projection: {model: exponential, rate: -10, low: -15, high: -5, per: week, limit: 100}
  k:
    series: [{date: 2025-01-10, value: 1204.6}]
  j:
    series: [{date: 2025-01-10, value: 1204.4}]
  support:
    unit: percent
    series: [{date: 2024-01-01, value: 40}, {date: 2025-01-01, value: 42}]
    projection: {rate: 2, per: year, limit: 50}
  voters:
    unit: share of voters
    series: [{date: 2024-01-01, value: 0.40}, {date: 2025-01-01, value: 0.42}]
    projection: {rate: 0.02, per: year, limit: 0.5}
`)
	at := diag.Pos{Path: pagePath, Line: 20, Col: 3}
	for _, tc := range []struct {
		before, expr, after, want, err string
	}{
		{"", "k.last.value | comma", " or more people", "", `"1,205 or more" is false: k.last.value is 1,204.6, rounded up to 1,205; write it unrounded, or a bound the number holds`},
		{"", "k.last.value | comma", "+ people", "", `"1,205+" is false: k.last.value is 1,204.6, rounded up to 1,205; write it unrounded, or a bound the number holds`},
		{"", "k.last.value | comma", "-plus people", "", `"1,205-plus" is false: k.last.value is 1,204.6, rounded up to 1,205; write it unrounded, or a bound the number holds`},
		{"", "j.last.value | comma", " or fewer", "", `"1,204 or fewer" is false: j.last.value is 1,204.4, rounded down to 1,204; write it unrounded, or a bound the number holds`},
		{"", "j.last.value | comma", " or more", "1,204", ""},
		{"", "k.last.value | comma", " or fewer", "1,205", ""},
		{"", "k.last.value | comma", " or moreover", "1,205", ""},
		{"", "k.last.value | comma", " or more precisely 1,204.6", "1,205", ""},
		{"", "k.last.value | comma", "+3", "1,205", ""},
		// "at least" and "at most" after the number, and a word, its
		// unit or what is counted, between the number and the bound.
		{"It counted ", "k.last.value | comma", " at least.", "", `"1,205 at least" is false: k.last.value is 1,204.6, rounded up to 1,205; write it unrounded, or a bound the number holds`},
		{"It counted ", "j.last.value | comma", " at most.", "", `"1,204 at most" is false: j.last.value is 1,204.4, rounded down to 1,204; write it unrounded, or a bound the number holds`},
		{"It counted ", "k.last.value | comma", " people or more.", "", `"1,205 people or more" is false: k.last.value is 1,204.6, rounded up to 1,205; write it unrounded, or a bound the number holds`},
		{"It counted ", "k.last.value | comma", " people at least.", "", `"1,205 people at least" is false: k.last.value is 1,204.6, rounded up to 1,205; write it unrounded, or a bound the number holds`},
		{"It counted ", "k.last.value | comma", " people, or more.", "1,205", ""},
		{"In ", "k.last.value | comma", " towns at least partly flooded.", "1,205", ""},
		{"In ", "k.last.value | comma", " towns or more.", "", `"1,205 towns or more" is false: k.last.value is 1,204.6, rounded up to 1,205; write it unrounded, or a bound the number holds`},
		{"", "k.last.value | comma", " new people or more", "1,205", ""},
		// Words after a date shown coarser than its day that name the
		// end or the start of the time shown: shrink crosses on 12 June.
		{"full before ", `shrink.crossing | date "January 2006"`, " is out.", "June 2025", ""},
		{"full before ", `shrink.crossing | date "January 2006"`, " is over.", "June 2025", ""},
		{"some time after ", `shrink.crossing | date "January 2006"`, " begins.", "June 2025", ""},
		{"full before ", `shrink.crossing | date "January 2006"`, ".", "", `"before June 2025" is false: shrink.crossing is 12 June 2025; write the day, or {{ shrink.crossing | claim "mid-June 2025" }} in place of "before June 2025"`},
		{"full before ", `shrink.crossing | date "January 2006"`, " is outdone.", "", `"before June 2025" is false: shrink.crossing is 12 June 2025; write the day, or {{ shrink.crossing | claim "mid-June 2025" }} in place of "before June 2025"`},
		// Words of a bound before the number that claims read too.
		{"Attendance topped ", "k.last.value | comma", ".", "", `"topped 1,205" is false: k.last.value is 1,204.6, rounded up to 1,205; write it unrounded, or a bound the number holds`},
		{"The crowd was larger than ", "k.last.value | comma", ".", "", `"larger than 1,205" is false: k.last.value is 1,204.6, rounded up to 1,205; write it unrounded, or a bound the number holds`},
		{"Deaths have passed ", "k.last.value | comma", ".", "", `"passed 1,205" is false: k.last.value is 1,204.6, rounded up to 1,205; write it unrounded, or a bound the number holds`},
		{"Full prior to ", `shrink.crossing | date "January 2006"`, ".", "", `"prior to June 2025" is false: shrink.crossing is 12 June 2025; write the day, or {{ shrink.crossing | claim "mid-June 2025" }} in place of "prior to June 2025"`},
		// "a maximum of" after a verb of reaching is the peak itself, no
		// bound; as a ceiling it is one.
		{"The count reached a maximum of ", "j.last.value | comma", " in January.", "1,204", ""},
		{"The ward takes a maximum of ", "j.last.value | comma", " patients.", "", `"a maximum of 1,204" is false: j.last.value is 1,204.4, rounded down to 1,204; write it unrounded, or a bound the number holds`},
		{"The ward holds ", "k.last.value | comma", " beds or more than twice the 2019 total.", "1,205", ""},
		{"Support rises ", "support.rate", "% a year", "", `"2%" says a change in per cent, but support.rate is in percentage points, a difference of two percentages (40% to 42% is 2 points, a rise of 5%); write "percentage points" or "points" after it`},
		{"", "support.rate", " per cent a year", "", `"2 per cent" says a change in per cent, but support.rate is in percentage points, a difference of two percentages (40% to 42% is 2 points, a rise of 5%); write "percentage points" or "points" after it`},
		{"", "support.rate", " percentage points a year", "2", ""},
		{"it stands at ", "support.last.value", "%.", "42", ""},
		// A sum and a margin are no bound; bounds behind the marks that
		// end emphasis or an element are.
		{"The total is ", "k.last.value | comma", " + 12 beds.", "1,205", ""},
		{"", "k.last.value | comma", "+/- 3 beds", "1,205", ""},
		{"", "k.last.value | comma", "+{{ j.last.value }}", "1,205", ""},
		{"**", "k.last.value | comma", "** or more beds", "", `"1,205 or more" is false: k.last.value is 1,204.6, rounded up to 1,205; write it unrounded, or a bound the number holds`},
		{"<strong>", "k.last.value | comma", "</strong> or more", "", `"1,205 or more" is false: k.last.value is 1,204.6, rounded up to 1,205; write it unrounded, or a bound the number holds`},
		{"", "k.last.value | comma", "&nbsp;or more", "", `"1,205 or more" is false: k.last.value is 1,204.6, rounded up to 1,205; write it unrounded, or a bound the number holds`},
		{"aged ", "k.last.value | comma", " and over", "", `"1,205 and over" is false: k.last.value is 1,204.6, rounded up to 1,205; write it unrounded, or a bound the number holds`},
		// A negation before the words turns them; "up to" after a verb
		// of a rise is where the count went.
		{"The crowd never fell below ", "k.last.value | comma", " people", "", `"never fell below 1,205" is false: k.last.value is 1,204.6, rounded up to 1,205; write it unrounded, or a bound the number holds`},
		{"It was not over ", "k.last.value | comma", "", "1,205", ""},
		{"It never rose above ", "j.last.value | comma", "", "", `"never rose above 1,204" is false: j.last.value is 1,204.4, rounded down to 1,204; write it unrounded, or a bound the number holds`},
		{"The count went up to ", "j.last.value | comma", ".", "1,204", ""},
		{"That brings the total up to ", "j.last.value | comma", ".", "1,204", ""},
		{"It could cost up to ", "j.last.value | comma", ".", "", `"up to 1,204" is false: j.last.value is 1,204.4, rounded down to 1,204; write it unrounded, or a bound the number holds`},
		{"The crowd grew—over ", "k.last.value | comma", "", "", `"over 1,205" is false: k.last.value is 1,204.6, rounded up to 1,205; write it unrounded, or a bound the number holds`},
		{"They said “over ", "k.last.value | comma", "”", "", `"over 1,205" is false: k.last.value is 1,204.6, rounded up to 1,205; write it unrounded, or a bound the number holds`},
		{"more&nbsp;than ", "k.last.value | comma", "", "", `"more than 1,205" is false: k.last.value is 1,204.6, rounded up to 1,205; write it unrounded, or a bound the number holds`},
		// The period after a rate is its projection's; the unit after a
		// count of time is the count's.
		{"Support rises ", "support.rate", " percentage points a month", "", `"2 percentage points a month" is false: support.rate is a rate a year (the block's per: year); write "a year"`},
		{"", "support.rate", " points per year", "2", ""},
		{"falling ", "shrink.rate | abs", "% each day", "", `"10% each day" is false: shrink.rate is a rate a week (the block's per: week); write "a week"`},
		{"", "shrink.rate | abs", "% a weekday", "10", ""},
		{"", "shrink.rate | abs", "% fewer beds each day", "", `"10% fewer beds each day" is false: shrink.rate is a rate a week (the block's per: week); write "a week"`},
		{"", "shrink.rate | abs", "% for patients staying a day", "10", ""},
		{"The daily count falls by ", "shrink.rate | abs", "% a week", "10", ""},
		// The rate of a block of shares, in per cent, is in points.
		{"Support grows ", "voters.rate | percent", " a year.", "", `"2%" of voters.rate, the change a year of a share (share of voters), reads as a growth in per cent; it is in percentage points: write "points" or "percentage points" after it`},
		{"Support grows ", "voters.rate | percent", " points a year.", "2%", ""},
		{"Support is ", "voters.last.value | percent", ".", "42%", ""},
		{"Falling ", "shrink.rate | abs", "%/day.", "", `"10%/day" is false: shrink.rate is a rate a week (the block's per: week); write "/week"`},
		{"Falling ", "shrink.rate | abs", "%/week.", "10", ""},
		{"A ", "shrink.days_to_limit", "-week wait.", "", `"143-week" is false: shrink.days_to_limit counts days, not weeks; write {{ shrink.weeks_to_limit }}`},
		{"A ", "shrink.days_to_limit", "-day wait.", "143", ""},
		{"Le quotidien compte ", "shrink.rate | abs", "% par semaine", "10", ""},
		{"A daily fall of ", "shrink.rate | abs", "%", "", `"daily … 10" is false: shrink.rate is a rate a week (the block's per: week); write "weekly"`},
		{"The weekly fall is ", "shrink.rate | abs", "%", "10", ""},
		{"Die tägliche Abnahme beträgt ", "shrink.rate | abs", "%", "", `"tägliche … 10" is false: shrink.rate is a rate a week (the block's per: week)`},
		{"The daily figures show a fall of ", "shrink.rate | abs", "% a week", "10", ""},
		{"", "shrink.rate | abs", "% a year earlier", "10", ""},
		{"", "shrink.rate | abs", "% a month ago", "10", ""},
		{"nach ", "shrink.rate | abs", " % im Jahr zuvor", "10", ""},
		{"nach ", "shrink.rate | abs", " % im Jahr 2024", "10", ""},
		{"", "shrink.rate | abs", "% new cases a day", "", `"10% new cases a day" is false: shrink.rate is a rate a week (the block's per: week); write "a week"`},
		{"um ", "shrink.rate | abs", " % am Tag", "", `"10 % am Tag" is false: shrink.rate is a rate a week (the block's per: week)`},
		{"in ", "support.years_to_limit", " Monaten", "", `"4 Monaten" is false: support.years_to_limit counts years, not months; write {{ support.months_to_limit }}`},
		{"Hospitals were not full. Admissions rose above ", "j.last.value | comma", "", "1,204", ""},
		{"full in ", "support.years_to_limit", " months", "", `"4 months" is false: support.years_to_limit counts years, not months; write {{ support.months_to_limit }}`},
		{"full in ", "support.years_to_limit", " years' time", "4", ""},
		{"a ", "support.years_to_limit", "-month wait", "", `"4-month" is false: support.years_to_limit counts years, not months; write {{ support.months_to_limit }}`},
		// "% points" and "%-Punkte" say percentage points.
		{"Support rises ", "support.rate", " % points a year", "2", ""},
		{"Support rises ", "support.rate", "%-points a year", "2", ""},
		{"um ", "support.rate", " %-Punkte", "2", ""},
		{"", "support.rate", " pct a year", "", `"2 pct" says a change in per cent, but support.rate is in percentage points, a difference of two percentages (40% to 42% is 2 points, a rise of 5%); write "percentage points" or "points" after it`},
		{"", "support.rate", " per-cent a year", "", `"2 per-cent" says a change in per cent, but support.rate is in percentage points, a difference of two percentages (40% to 42% is 2 points, a rise of 5%); write "percentage points" or "points" after it`},
		{"", "shrink.rate | abs", "% a fortnight", "", `"10% a fortnight" is false: shrink.rate is a rate a week (the block's per: week); write "a week"`},
		{"", "shrink.rate | abs", "% per diem", "", `"10% per diem" is false: shrink.rate is a rate a week (the block's per: week); write "a week"`},
		{"", "shrink.rate | abs", "% in 24 hours", "", `"10% in 24 hours" is false: shrink.rate is a rate a week (the block's per: week); write "a week"`},
		{"A quarterly fall of ", "shrink.rate | abs", "%", "", `"quarterly … 10" is false: shrink.rate is a rate a week (the block's per: week); write "weekly"`},
		{"", "support.rate", " points a quarter", "", `"2 points a quarter" is false: support.rate is a rate a year (the block's per: year); write "a year"`},
		// A claim's phrase is read with the words around it as a value is.
		{"Support rises ", `support.rate | claim "about 2"`, "% a year", "", `"about 2%" says a change in per cent, but support.rate is in percentage points, a difference of two percentages (40% to 42% is 2 points, a rise of 5%); write "percentage points" or "points" after it`},
		{"Support rises ", `support.rate | claim "about 2"`, " points a month", "", `"about 2 points a month" is false: support.rate is a rate a year (the block's per: year); write "a year"`},
		{"A daily rise of ", `support.rate | claim "about 2"`, " points", "", `"daily … about 2" is false: support.rate is a rate a year (the block's per: year); write "annual"`},
		{"full in ", `support.years_to_limit | claim "about 4"`, " months", "", `"about 4 months" is false: support.years_to_limit counts years, not months; write {{ support.months_to_limit }}`},
		{"Support rises ", `support.rate | claim "about 2"`, " points a year", "about 2", ""},
		{"", "support.rate", "\u202f% a year", "", "\"2\u202f%\" says a change in per cent, but support.rate is in percentage points, a difference of two percentages (40% to 42% is 2 points, a rise of 5%); write \"percentage points\" or \"points\" after it"},
	} {
		ev, err := scope.EvalAround(tc.expr, tc.before, tc.after, at)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.err || ev.Text != tc.want {
			t.Errorf("%s{{ %s }}%s = %q, %q;\nwant %q, %q", tc.before, tc.expr, tc.after, ev.Text, got, tc.want, tc.err)
		}
	}
	// The rate of an exponential projection is a growth in per cent: a
	// warning when it is shown as a plain number.
	for _, tc := range []struct {
		expr, after, want, warning string
	}{
		{"shrink.rate | abs", " a week", "10", `shrink.rate is a growth in per cent a period, which "10" shows as a plain number: write "%" or "per cent" after it, or {{ shrink.rate | percent }}`},
		{"shrink.rate | abs", "% a week", "10", ""},
		{"shrink.rate | abs", " per cent a week", "10", ""},
		{"shrink.rate | percent", " a week", "-10%", ""},
		{"shrink.rate | abs", " Prozent pro Woche", "10", ""},
		{"shrink.rate | abs", "&nbsp;% a week", "10", ""},
		{"support.rate", " percentage points a year", "2", ""}, // in points: no growth in per cent
		{"shrink.low.rate | abs", "", "15", `shrink.low.rate is a growth in per cent a period, which "15" shows as a plain number: write "%" or "per cent" after it, or {{ shrink.low.rate | percent }}`},
		{"k.last.value", "", "1,204.6", ""},
	} {
		ev, err := scope.EvalAround(tc.expr, "at ", tc.after, at)
		if err != nil || ev.Text != tc.want || ev.Warning != tc.warning {
			t.Errorf("at {{ %s }}%s = %q, %v, warning %q;\nwant %q, warning %q", tc.expr, tc.after, ev.Text, err, ev.Warning, tc.want, tc.warning)
		}
	}
}

// TestCompareOtherMeasures checks that a claim comparing two blocks whose
// units measure one thing two ways (dollars and euros, metres and
// centimetres) is refused: the claim compares the numbers alone, and 5
// metres is not less than a tenth of 60 centimetres; so is a claim whose
// currency sign names another measure than its block's unit ("$800
// million" of euros); and that a phrase unread because it holds the unit
// says to leave it out.
func TestCompareOtherMeasures(t *testing.T) {
	scope := scopeOf(t, `data:
  wall: {unit: metres, series: [{date: 2025-01-01, value: 5}]}
  shelf: {unit: centimetres, series: [{date: 2025-01-01, value: 60}]}
  ship: {unit: tonnes, series: [{date: 2025-01-01, value: 3}]}
  crate: {unit: kilograms, series: [{date: 2025-01-01, value: 40}]}
  us: {unit: million dollars, series: [{date: 2025-01-01, value: 900}]}
  eu: {unit: million euros, series: [{date: 2025-01-01, value: 800}]}
  fence: {unit: metres, series: [{date: 2025-01-01, value: 7}]}
  people: {unit: people, series: [{date: 2025-01-01, value: 70}]}
  cad: {unit: CAD, series: [{date: 2025-01-01, value: 1.2}]}
  pesos: {unit: pesos, series: [{date: 2025-01-01, value: 1200}]}
`)
	at := diag.Pos{Path: pagePath, Line: 20, Col: 3}
	for _, tc := range []struct{ expr, err string }{
		{`wall.last.value | claim "less than a tenth of" shelf.last.value`, `claim "less than a tenth of" compares wall.last.value in metres with shelf.last.value in centimetres, and a claim compares the numbers alone: give both blocks one unit`},
		{`ship.last.value | claim "less than" crate.last.value`, `claim "less than" compares ship.last.value in tonnes with crate.last.value in kilograms, and a claim compares the numbers alone: give both blocks one unit`},
		{`us.last.value | claim "more than" eu.last.value`, `claim "more than" compares us.last.value in million dollars with eu.last.value in million euros, and a claim compares the numbers alone: give both blocks one unit`},
		{`wall.last.value | claim "less than" fence.last.value`, ""},
		{`wall.last.value | claim "less than" people.last.value`, ""},
		// A currency sign in a claim of one number names its measure too.
		{`eu.last.value | claim "about $800 million"`, `claim "about $800 million" is in dollars, but eu.last.value is in million euros: write the claim in the block's unit`},
		{`wall.last.value | claim "£5"`, `claim "£5" is in pounds, but wall.last.value is in metres: write the claim in the block's unit`},
		{`us.last.value | claim "about $900 million"`, ""},
		{`eu.last.value | claim "about €800 million"`, ""},
		{`people.last.value | claim "about $70"`, ""},
		{`cad.last.value | claim "about $1.2"`, ""},
		{`pesos.last.value | claim "about $1,200"`, ""}, // the peso's sign
		// A phrase that does not read because it holds the unit says so.
		{`wall.last.value | claim "2 metres less than" fence.last.value`, `claim: cannot read "2 metres less than": want a comparison such as "more than", "about the same as", "nine times as many as" or "a third of"; write the phrase without the unit (metres) and the unit after the }}, the phrase ending at its number, as "fell by 7" or "down 7" does`},
		{`wall.last.value | claim "2 less than" fence.last.value`, ""},
	} {
		_, err := scope.EvalAround(tc.expr, "", "", at)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.err {
			t.Errorf("{{ %s }}: %q; want %q", tc.expr, got, tc.err)
		}
	}
}

// TestUnitInPhrase checks that a claim whose phrase holds its block's
// unit, which the phrases do not read, is told to write the unit after the
// }}, where the page keeps it, with the expression that does so when the
// phrase up to the unit reads; and that the expression offered holds.
func TestUnitInPhrase(t *testing.T) {
	scope := scopeOf(t, `data:
  lake: {unit: feet, series: [{date: 2025-01-01, value: 1035.1}, {date: 2025-03-01, value: 1028.3}]}
  budget: {unit: million dollars, series: [{date: 2024-01-01, value: 400}, {date: 2025-01-01, value: 407}]}
`)
	at := diag.Pos{Path: pagePath, Line: 20, Col: 3}
	for _, tc := range []struct{ expr, err, fixed string }{
		{`lake.last.value | claim "fallen by about 7 feet from" lake.first.value`, `claim "fallen by about 7 feet from": a claim's phrase reads the number alone; write the phrase without the unit (feet) and the unit after the }}, as in {{ lake.last.value | claim "fallen by about 7" lake.first.value }} feet`, `lake.last.value | claim "fallen by about 7" lake.first.value`},
		{`lake.last.value | claim "down about 7 feet" lake.first.value`, `claim "down about 7 feet": a claim's phrase reads the number alone; write the phrase without the unit (feet) and the unit after the }}, as in {{ lake.last.value | claim "down about 7" lake.first.value }} feet`, `lake.last.value | claim "down about 7" lake.first.value`},
		{`lake.last.value | claim "down nearly 7 Feet on" lake.first.value`, `claim "down nearly 7 Feet on": a claim's phrase reads the number alone; write the phrase without the unit (feet) and the unit after the }}, as in {{ lake.last.value | claim "down nearly 7" lake.first.value }} Feet`, `lake.last.value | claim "down nearly 7" lake.first.value`},
		{`lake.last.value | claim "about 1,028 feet"`, `claim "about 1,028 feet": a claim's phrase reads the number alone; write the phrase without the unit (feet) and the unit after the }}, as in {{ lake.last.value | claim "about 1,028" }} feet`, `lake.last.value | claim "about 1,028"`},
		{`budget.last.value | claim "up $7 million dollars from" budget.first.value`, `claim "up $7 million dollars from": a claim's phrase reads the number alone; write the phrase without the unit (million dollars) and the unit after the }}, as in {{ budget.last.value | claim "up $7 million" budget.first.value }} dollars`, `budget.last.value | claim "up $7 million" budget.first.value`},
		// Words after the unit that the page needs: no expression
		// can keep them and the unit.
		{`lake.last.value | claim "7 feet lower than" lake.first.value`, `claim: cannot read "7 feet lower than": want a comparison such as "more than", "about the same as", "nine times as many as" or "a third of"; write the phrase without the unit (feet) and the unit after the }}, the phrase ending at its number, as "fell by 7" or "down 7" does`, ""},
		{`lake.last.value | claim "feet" lake.first.value`, `claim: cannot read "feet": want a comparison such as "more than", "about the same as", "nine times as many as" or "a third of"; write the phrase without the unit (feet) and the unit after the }}, the phrase ending at its number, as "fell by 7" or "down 7" does`, ""},
	} {
		_, err := scope.EvalAround(tc.expr, "Since March it has ", "", at)
		if got := fmt.Sprint(err); got != tc.err {
			t.Errorf("{{ %s }}: %s;\nwant %s", tc.expr, got, tc.err)
		}
		if tc.fixed == "" {
			continue
		}
		ev, err := scope.EvalAround(tc.fixed, "Since March it has ", " feet since March", at)
		if err != nil || ev.Claim == nil || !ev.Claim.True {
			t.Errorf("{{ %s }} feet: %+v, %v; want the claim to hold", tc.fixed, ev.Claim, err)
		}
	}
}

// TestOtherMeasure checks which pairs of units measure one thing in two
// ways: temperatures, volumes, areas, abbreviated lengths and weights,
// and currencies by their signs and names, and that one unit written two
// ways, and units plotline does not know, are not.
func TestOtherMeasure(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"°F", "°C", true}, {"degrees Fahrenheit", "°C", true}, {"°C", "degrees Celsius", false}, {"℃", "celsius", false},
		{"km", "miles", true}, {"km", "kilometres", false}, {"ft", "metres", true}, {"kg", "lbs", true}, {"kg", "kilograms", false},
		{"litres", "gallons", true}, {"million litres", "litres", false}, {"m³", "cubic metres", false}, {"cubic feet", "cubic metres", true},
		{"square kilometres", "hectares", true}, {"million square kilometres", "km²", false}, {"acres", "hectares", true},
		{"C$", "US$", true}, {"C$", "CAD", false}, {"Canadian dollars", "CAD", false}, {"Canadian dollars", "dollars", true},
		{"US dollars", "USD", false}, {"US$", "dollars", false}, {"dollars", "USD", false}, {"CN¥", "¥", true}, {"R$", "$", true},
		{"real wages", "dollars", false}, {"people", "beds", false}, {"square kilometres", "kilometres", false},
		// The sign of a peso, of a Taiwan dollar; what a unit is per.
		{"pesos", "MX$", false}, {"MX$", "US$", true}, {"NT$", "US$", true},
		{"dollars per barrel", "dollars per gallon", true}, {"$/barrel", "dollars per barrel", false}, {"euros per litre", "dollars per litre", true},
		{"nautical miles", "miles", true}, {"nautical miles", "nmi", false}, {"beds per 1,000 people", "beds per 1,000 people", false},
	} {
		if got := OtherMeasure(tc.a, tc.b); got != tc.want {
			t.Errorf("OtherMeasure(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestCompareRatesAndCounts checks that a claim comparing two rates per
// different periods, or two counts of time in different units, compares
// them in one (7 a week is less than 2 a day; 29 weeks are more than 100
// days), and says so when it is false; and that rates which do not
// compare as numbers (an exponential one with a linear one, or two
// exponential ones of different periods) are refused.
func TestCompareRatesAndCounts(t *testing.T) {
	scope := scopeOf(t, `data:
  north:
    unit: beds
    series: [{date: 2025-01-13, value: 300}]
    projection: {rate: 7, per: week, limit: 500}
  south:
    unit: beds
    series: [{date: 2025-01-13, value: 300}]
    projection: {rate: 2, per: day, limit: 500}
  east:
    unit: beds
    series: [{date: 2025-01-13, value: 300}]
    projection: {rate: 10, model: exponential, per: month, limit: 500}
  west:
    unit: beds
    series: [{date: 2025-01-13, value: 300}]
    projection: {rate: 1, model: exponential, per: day, limit: 500}
`)
	at := diag.Pos{Path: pagePath, Line: 20, Col: 3}
	for _, tc := range []struct{ expr, err string }{
		{`north.rate | claim "more than" south.rate`, `claim "more than" is false of north.rate and south.rate: 7 against 14, as 2 a day is 14 a week (fewer than)`},
		{`north.rate | claim "half" south.rate`, ""},
		{`south.rate | claim "more than" north.rate`, ""},
		{`north.weeks_to_limit | claim "fewer than" south.days_to_limit`, `claim "fewer than" is false of north.weeks_to_limit and south.days_to_limit: 28 against 13.3, as 93 days are 13.3 weeks (more than)`},
		{`north.weeks_to_limit | claim "more than" south.days_to_limit`, ""},
		{`south.days_to_limit | claim "fewer than" north.weeks_to_limit`, ""},
		{`north.days_to_limit | claim "more than" south.days_to_limit`, ""},
		{`east.rate | claim "more than" south.rate`, `claim "more than" compares east.rate with south.rate, but east grows by a per cent a month and south by a number of beds a day, which do not compare as numbers`},
		{`east.rate | claim "more than" west.rate`, `claim "more than" compares east.rate with west.rate, but their rates are per cent a month and a day, which do not compare as numbers: give both projections one per`},
	} {
		_, err := scope.EvalAround(tc.expr, "", "", at)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.err {
			t.Errorf("{{ %s }}: %q\n want %q", tc.expr, got, tc.err)
		}
	}
}

// TestMoneyUnit checks that the units measureOf knows as money, by a
// sign, a code or a currency's name, and the words of money are money to
// the check of typed numbers, and that other units are not.
func TestMoneyUnit(t *testing.T) {
	for unit, want := range map[string]bool{
		"million dollars": true, "usd": true, "cad": true, "aud (millions)": true, "€bn": true, "£": true,
		"euros": true, "yen": true, "sterling": true, "revenue": true, "health spending": true,
		"casualties": false, "beds": false, "tonnes": false, "percent": false, "": false,
	} {
		if got := moneyUnit(unit); got != want {
			t.Errorf("moneyUnit(%q) = %v, want %v", unit, got, want)
		}
	}
}

// TestHistoryClaimWithoutObservations checks that a claim about the
// history of a block without observations names the observation asked
// for.
func TestHistoryClaimWithoutObservations(t *testing.T) {
	scope := scopeOf(t, `data:
  ice:
    projection: {start: {date: 2025-01-01, value: 10}, rate: 1, per: year}
`)
	_, err := scope.EvalAround(`ice.last | claim "the highest on record"`, "", "", diag.Pos{Path: pagePath, Line: 20, Col: 3})
	if want := `block "ice" has no observations, so it has no "last"`; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}
