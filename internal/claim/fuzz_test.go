package claim

import (
	"math"
	"testing"
	"time"
)

// FuzzClaim throws arbitrary phrases and values at the four checkers, on
// a page in English and on one in German or French. None may panic; a
// phrase that is accepted must say what it means; and the suggestion of a
// false verdict must itself be read, as the same kind, and hold for the
// same value.
func FuzzClaim(f *testing.F) {
	for _, s := range []string{
		"by spring 2025", "mid-April", "before the end of March", "within 6 weeks", "within a fortnight",
		"winter 2024/25", "between March and May 2025", "the first half of next year", "Q3", "15th of April",
		"about 12,000", "nearly 1.5 million", "between 10 and 15%", "just over −5", "some twenty",
		"more than", "nine times as many as", "a third of", "about 30% more than", "less than half",
		"the same as", "far fewer than", "12 percent less than", "at least as high as",
		"12\u202f000", "about 1 250 000", "a hundred and twenty-five thousand", "tens of thousands of",
		"dozens", "by 2024/25", "2024-25", "later this week", "until April",
		"up 3% on a year earlier", "doubled since 2020", "the highest since 2021", "a record low",
		"has risen every year since 2020", "fell for the third year in a row", "up 2% year on year",
		"rose for the second week in a row", "has fallen for two quarters in a row", "the highest quarter on record",
		"the second highest on record", "the same as in 2021",
		"bis Mitte April", "im Frühjahr 2025", "etwa 12.000", "doppelt so viele wie", "12,000",
		"d'ici la mi-avril", "environ 12 000", "deux fois plus que", "jusqu'en avril", "30 % de plus que",
	} {
		f.Add(s, int32(0), int32(222), 11960.0, 300.0, false, false, false, uint8(0))
	}
	f.Add("12,000", int32(-3000), int32(50), 0.125, -2.5, true, false, true, uint8(200))
	f.Fuzz(func(t *testing.T, phrase string, asOffset, vOffset int32, v, w float64, vPct, wPct, south bool, about uint8) {
		for _, lang := range []string{"", []string{"de", "fr"}[vOffset&1]} {
			fuzzClaim(t, phrase, asOffset, vOffset, v, w, vPct, wPct, south, about, lang)
		}
	})
}

// fuzzClaim is one run of FuzzClaim, on a page in lang.
func fuzzClaim(t *testing.T, phrase string, asOffset, vOffset int32, v, w float64, vPct, wPct, south bool, about uint8, lang string) {
	o := Options{AsOf: day(2025, 1, 13+int(asOffset%20000)), Southern: south, Language: lang}
	if about%4 != 0 {
		o.About = float64(about) / 512
	}
	d := o.AsOf.AddDate(0, 0, int(vOffset%5000))
	check := func(kind string, got Verdict, err error, again func(string) (Verdict, error)) {
		t.Helper()
		if err != nil {
			return
		}
		if got.Meaning == "" || got.Value == "" || got.Suggest == "" {
			t.Fatalf("%s %q (%s): empty field in %+v", kind, phrase, lang, got)
		}
		if got.True {
			return
		}
		s, err := again(got.Suggest)
		if err != nil {
			t.Fatalf("%s %q (%s) is false for %s; its suggestion %q: %v", kind, phrase, lang, got.Value, got.Suggest, err)
		}
		if !s.True {
			t.Fatalf("%s %q (%s) is false for %s; its suggestion %q is false too (%s)", kind, phrase, lang, got.Value, got.Suggest, s.Meaning)
		}
	}
	vd, err := Date(phrase, d, o)
	check("date", vd, err, func(s string) (Verdict, error) { return Date(s, d, o) })
	// The month and the year of d, as monthly and annual data give
	// them: a verdict on either holds as one on every day of it.
	for _, sp := range []span{months(d.Year(), d.Month(), 1), months(d.Year(), time.January, 12)} {
		vs, err := DateSpan(phrase, sp.lo, sp.hi, o)
		check("date span", vs, err, func(s string) (Verdict, error) { return DateSpan(s, sp.lo, sp.hi, o) })
		if err != nil {
			continue
		}
		for _, t1 := range []time.Time{sp.lo, sp.hi} {
			if one, err := Date(phrase, t1, o); err != nil || one.True != vs.True {
				t.Fatalf("%q of %s is %v; of its day %s it is %+v, %v", phrase, vs.Value, vs.True, t1.Format("2006-01-02"), one, err)
			}
		}
	}
	if math.IsNaN(v) || math.IsInf(v, 0) || math.IsNaN(w) || math.IsInf(w, 0) {
		return
	}
	// With about's top bit, the first value is in percentage points.
	q, r := Quantity{Value: v, Percent: vPct, Points: about&0x80 != 0}, Quantity{Value: w, Percent: wPct}
	vn, err := Number(phrase, q, o)
	check("number", vn, err, func(s string) (Verdict, error) { return Number(s, q, o) })
	vc, err := Compare(phrase, q, r, o)
	check("comparison", vc, err, func(s string) (Verdict, error) { return Compare(s, q, r, o) })
	// Annual, daily, weekly and quarterly series (dated by the quarters'
	// ends) whose last values are w and v.
	for _, sk := range []struct {
		g    Grain
		step func(i int) time.Time
	}{
		{ByYear, func(i int) time.Time { return day(2020+i, 1, 1) }},
		{ByDay, func(i int) time.Time { return day(2025, 1, 1+i) }},
		{ByDay, func(i int) time.Time { return day(2025, 1, 6+7*i) }},
		{ByDay, func(i int) time.Time { return day(2024, time.Month(3*i+4), 0) }},
	} {
		g, step := sk.g, sk.step
		sr := Series{Grain: g, Unit: Quantity{Percent: vPct}}
		for i, x := range []float64{v - w, w, w + v, w, v} {
			sr.Obs = append(sr.Obs, Observation{Date: step(i), Value: x})
		}
		at := int(uint32(asOffset) % 5)
		vh, err := History(phrase, sr, at, o)
		check("history", vh, err, func(s string) (Verdict, error) { return History(s, sr, at, o) })
	}
	if _, err := KindOf(phrase); lang == "" && err != nil && (vd.Meaning != "" || vn.Meaning != "" || vc.Meaning != "") {
		t.Fatalf("KindOf(%q): %v, yet the phrase was read", phrase, err)
	}
}
