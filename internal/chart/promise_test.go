package chart

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/diag"
	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/words"
)

// promiseBlock writes the front matter of a block with observations and a
// projection from the fuzzer's numbers: per and model pick from short
// lists; an exponential rate is above -100%; the limit is where the rate
// takes the start in reach periods; the band is lowBy below the rate and
// highBy above it (a zero
// leaves the scenario out), within an exponential rate's floor of -100%;
// a zero until leaves it out; obs observations a week apart end at the
// start; and with obs's highest bit set, the projection has a floor, 0
// or the limit when the limit is below 0, and a ceiling, twice the
// greater of the start and the limit when that is above 0, so that its
// scenarios stop there; with obs's next bit set, the observations are a
// year apart and written as years (2022, 2023), as annual statistics are,
// so that the projection starts on 1 January 2025; with the bit after it
// (and not that one), a month apart and written as months (2024-12).
func promiseBlock(start, rate, reach, lowBy, highBy float64, per, model uint8, until uint16, obs uint8) string {
	pers := []string{"day", "week", "month", "year", "hour"}
	models := []string{"linear", "exponential"}
	p, m := pers[int(per)%len(pers)], models[int(model)%len(models)]
	limit := start + rate*math.Abs(reach)
	if m == "exponential" {
		if rate <= -100 {
			rate = -50
		}
		limit = start * math.Pow(1+rate/100, math.Abs(reach))
	}
	var b strings.Builder
	b.WriteString("b:\n  unit: books\n")
	day := time.Date(2025, 1, 13, 0, 0, 0, 0, time.UTC)
	if n := int(obs % 4); n > 0 {
		b.WriteString("  series:\n")
		for i := n - 1; i >= 0; i-- {
			d := day.AddDate(0, 0, -7*i).Format("2006-01-02")
			switch {
			case obs&0x40 != 0:
				d = strconv.Itoa(2025 - i)
			case obs&0x20 != 0:
				d = time.Date(2025, time.January-time.Month(i), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
			}
			fmt.Fprintf(&b, "    - {date: %s, value: %s}\n", d, num(start-float64(i)*rate))
		}
		b.WriteString("  projection:\n    start: last\n")
	} else {
		fmt.Fprintf(&b, "  projection:\n    start: {date: 2025-01-13, value: %s}\n", num(start))
	}
	fmt.Fprintf(&b, "    rate: %s\n    per: %s\n    model: %s\n    limit: %s\n", num(rate), p, m, num(limit))
	if lowBy != 0 {
		low := rate - math.Abs(lowBy)
		if m == "exponential" && low <= -100 {
			low = (rate - 100) / 2 // between -100% and the rate
		}
		fmt.Fprintf(&b, "    low: %s\n", num(low))
	}
	if highBy != 0 {
		fmt.Fprintf(&b, "    high: %s\n", num(rate+math.Abs(highBy)))
	}
	if until != 0 {
		fmt.Fprintf(&b, "    until: %s\n", day.AddDate(0, 0, int(until)).Format("2006-01-02"))
	}
	if obs&0x80 != 0 {
		fmt.Fprintf(&b, "    floor: %s\n", num(min(0, limit, start)))
		if top := max(start, limit); top > 0 {
			fmt.Fprintf(&b, "    ceiling: %s\n", num(2*top))
		}
	}
	return b.String()
}

// num writes f as front matter would: the shortest decimal form.
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// FuzzPromise draws projections of fuzzed numbers and holds the chart to
// the promise that prose, chart and data never disagree: each crossing
// {{ b.crossing }}, {{ b.low.crossing }} and {{ b.high.crossing }} would
// print is the day the summary states and the day of a table row noted
// as that crossing, and the central one is the day the live chart marks;
// the limit, the start, the rate and the observations the prose prints
// are those the summary states; and the
// row of until in the CSV holds the value_at_until of each scenario. The
// chart is drawn in one of the languages plotline has words for, and the
// prose's values are written in it.
func FuzzPromise(f *testing.F) {
	f.Add(1650.0, 65.0, 67.0, 15.0, 15.0, uint8(0), uint8(0), uint16(47), uint8(2), uint8(0))
	f.Add(1000.0, -5.0, 31.0, 3.0, 2.0, uint8(1), uint8(1), uint16(0), uint8(0), uint8(1))
	f.Add(100.0, 5.0, 28.5, 2.0, 3.0, uint8(1), uint8(1), uint16(200), uint8(3), uint8(2))
	f.Add(12.5, 0.25, 30.0, 0.15, 0.25, uint8(4), uint8(0), uint16(2), uint8(1), uint8(3))
	f.Add(3000.0, 92.0, 97.8, 22.0, 18.0, uint8(0), uint8(0), uint16(400), uint8(0), uint8(4))
	f.Add(0.0, 1.5, 66.7, 0.0, 1.0, uint8(2), uint8(0), uint16(0), uint8(3), uint8(5))
	// Annual observations written as years, the projection from the
	// latest, 2025: until, a year later, is a year in the CSV.
	f.Add(400.0, 2.4, 20.0, 0.4, 0.6, uint8(3), uint8(0), uint16(0), uint8(0x43), uint8(0))
	f.Add(400.0, 2.4, 2.0, 0.4, 0.6, uint8(3), uint8(0), uint16(0), uint8(0x42), uint8(1))
	// Monthly observations written as months, the projection from
	// January 2025.
	f.Add(4.28, -0.05, 30.0, 0.02, 0.01, uint8(2), uint8(0), uint16(400), uint8(0x23), uint8(1))
	// Sea ice that stops at its floor of 0, and a count at its ceiling.
	f.Add(4.5, -0.08, 10.0, 0.08, 0.02, uint8(3), uint8(0), uint16(20000), uint8(0x82), uint8(0))
	f.Add(50.0, 2.0, 10.0, 1.0, 2.0, uint8(3), uint8(0), uint16(40000), uint8(0x80), uint8(6))
	f.Fuzz(func(t *testing.T, start, rate, reach, lowBy, highBy float64, per, model uint8, until uint16, obs, lang uint8) {
		langs := []string{"en", "de", "fr", "es", "it", "pt", "nl"}
		tag := langs[int(lang)%len(langs)]
		loc, w := locale.New(tag), words.New(tag)
		src := promiseBlock(start, rate, reach, lowBy, highBy, per, model, until, obs)
		defer watchdog(src)()
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
		var diags diag.List
		blocks := data.Parse(nil, data.Page{Path: "content/a.md", Date: time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC)}, doc.Content[0], &diags)
		if diags.HasErrors() || len(blocks) != 1 {
			return
		}
		b := blocks[0]
		fig, err := renderOne(b, Spec{Locale: loc, Words: w}, "c")
		if err != nil {
			return
		}
		rows, err := csv.NewReader(bytes.NewReader(fig.CSV)).ReadAll()
		if err != nil {
			t.Fatalf("CSV: %v\n%s", err, fig.CSV)
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}

		if v, err := b.Field("limit"); err == nil && !strings.Contains(fig.Summary, v.In(loc)) {
			t.Errorf("{{ b.limit }} prints %q; the summary does not say it: %s\n%s", v.In(loc), fig.Summary, src)
		}
		// What the summary says of the observations and of the start and
		// rate, as the prose prints them: "1,650 on 13 January 2025,
		// rising 65 a day", "latest 1,650", "ranging from 1,200 to 1,650".
		for _, field := range []struct{ path, format string }{
			{"start.value", ""}, {"start.date", ""}, {"rate", "abs"},
			{"last.value", ""}, {"last.date", ""}, {"max.value", ""}, {"min.value", ""},
		} {
			v, err := b.Field(field.path)
			if err != nil {
				continue
			}
			text, err := data.FormatIn(loc, v, field.format, "")
			if err == nil && !strings.Contains(fig.Summary, text) {
				t.Errorf("{{ b.%s }} prints %q; the summary does not say it: %s\n%s", field.path, text, fig.Summary, src)
			}
		}
		limitText := fig.model.limitLabel()
		for _, s := range []struct {
			name, prefix, column string
			note                 words.Key
		}{
			{"central", "", "central", words.CentralReaches},
			{"low", "low.", "low", words.LowReaches},
			{"high", "high.", "high", words.HighReaches},
		} {
			if _, ok := col[s.column]; !ok {
				continue
			}
			if v, err := b.Field(s.prefix + "crossing"); err == nil {
				day := v.Date.Format("2006-01-02")
				if !strings.Contains(fig.Summary, v.In(loc)) {
					t.Errorf("{{ b.%scrossing }} prints %q; the summary does not say it: %s\n%s", s.prefix, v.In(loc), fig.Summary, src)
				}
				note := w.Format(s.note, limitText)
				noted := false
				for _, r := range rows[1:] {
					if !strings.HasPrefix(r[0], day) || !slices.Contains(strings.Split(r[len(r)-1], w.Semicolon()), note) {
						continue
					}
					noted = true
					// The row of a crossing shows the scenario at or past
					// the limit, coming from the start's side of it.
					got, err := strconv.ParseFloat(r[col[s.column]], 64)
					pr := b.Projection
					tol := 1e-5 * math.Max(math.Abs(pr.Limit), 1)
					if err != nil || pr.Start.Value < pr.Limit && got < pr.Limit-tol || pr.Start.Value > pr.Limit && got > pr.Limit+tol {
						t.Errorf("the row %s noted %q shows %s %q, not at or past the limit %v\n%s\n%s", r[0], note, s.column, r[col[s.column]], pr.Limit, src, fig.CSV)
					}
				}
				if !noted && !v.Date.Before(b.Projection.Start.Date) {
					t.Errorf("{{ b.%scrossing }} is %s; no CSV row of that day is noted %q\n%s\n%s", s.prefix, day, note, src, fig.CSV)
				}
				if s.name == "central" {
					series := seriesByID(t, decodeOption(t, fig.Option))
					if got := dig(series[idCentral], "markLine", "data", 0, "xAxis"); got == nil || !strings.HasPrefix(got.(string), day) {
						t.Errorf("{{ b.crossing }} is %s; the live chart marks %v\n%s", day, got, src)
					}
				}
			}
			if v, err := b.Field(s.prefix + "value_at_until"); err == nil {
				// A row of until in the table shows it as the prose prints it,
				// with zeros to its column's decimals.
				trs := tableRows(fig, b.Projection.Until)
				if !slices.ContainsFunc(trs, func(r string) bool { return hasPaddedCell(r, v.In(loc), loc) }) {
					t.Errorf("{{ b.%svalue_at_until }} prints %s; the table's rows of until are %q\n%s", s.prefix, v.In(loc), trs, src)
				}
				until := b.Projection.Until.Format("2006-01-02")
				found := false
				for _, r := range rows[1:] {
					if csvDay(r[0]) != until && !strings.HasPrefix(r[0], until+"T") || r[col[s.column]] == "" {
						continue
					}
					got, err := strconv.ParseFloat(r[col[s.column]], 64)
					if err == nil && sameAsPrinted(loc, got, v) {
						found = true
					}
				}
				if !found {
					t.Errorf("{{ b.%svalue_at_until }} prints %s; no CSV row of until, %s, holds it in %s\n%s\n%s", s.prefix, v.In(loc), until, s.column, src, fig.CSV)
				}
			}
		}
		// The summary says the projection goes no lower than its floor
		// and no higher than its ceiling: nor does any projected number
		// of the CSV, but for the six significant figures it keeps of a
		// computed number beside a bound written with more.
		if pr := b.Projection; pr != nil && (pr.HasFloor || pr.HasCeiling) {
			tol := 5e-6 * math.Max(math.Max(math.Abs(pr.Floor), math.Abs(pr.Ceiling)), 1)
			for _, r := range rows[1:] {
				for _, c := range []string{"central", "low", "high"} {
					i, ok := col[c]
					if !ok || r[i] == "" {
						continue
					}
					got, err := strconv.ParseFloat(r[i], 64)
					if err != nil || pr.HasFloor && got < pr.Floor-tol || pr.HasCeiling && got > pr.Ceiling+tol {
						t.Errorf("the CSV's %s on %s is %s, past the floor %v or the ceiling %v the summary names: %s\n%s", c, r[0], r[i], pr.Floor, pr.Ceiling, fig.Summary, src)
					}
				}
			}
		}
	})
}

// tableRows returns the HTML of the rows of fig's tables on day, written
// as a day (with its hour, if it has one), or as a month or a year on its
// first day.
func tableRows(fig Figure, day time.Time) []string {
	var tables bytes.Buffer
	fig.table.write(&tables, true)
	html := tables.String()
	forms := []string{day.Format("2006-01-02")}
	switch {
	case data.HasTime(day):
		forms = []string{day.Format("2006-01-02T15:04")} // a projection by the hour
	case day.Day() == 1:
		forms = append(forms, day.Format("2006-01"))
		if day.Month() == time.January {
			forms = append(forms, day.Format("2006"))
		}
	}
	var rows []string
	for _, d := range forms {
		for rest := html; ; {
			i := strings.Index(rest, `<time datetime="`+d+`"`)
			if i < 0 {
				break
			}
			end := strings.Index(rest[i:], "</tr>")
			rows = append(rows, rest[i:i+end])
			rest = rest[i+end:]
		}
	}
	return rows
}

// csvDay returns the day a date of the CSV stands on: a year, 2026, and
// a month, 2026-03, written as data written them, stand on their first
// day.
func csvDay(s string) string {
	switch len(s) {
	case len("2006"):
		return s + "-01-01"
	case len("2006-01"):
		return s + "-01"
	}
	return s
}

// sameAsPrinted reports whether the CSV's number got is the value v to
// the precision the prose prints v with in the language of loc.
func sameAsPrinted(loc *locale.Locale, got float64, v data.Value) bool {
	if got == v.Num {
		return true
	}
	// Printed with v's places: a projected value has at least its
	// start's decimals, and the CSV keeps more figures than it shows.
	return data.Value{Kind: data.Number, Num: got, Places: v.Places}.In(loc) == v.In(loc) || math.Abs(got-v.Num) <= 1e-9*math.Abs(v.Num)
}

// TestPromiseInputsParse checks that FuzzPromise's way of building a
// block gives projections plotline draws, not ones it refuses: of 3,000
// blocks from random numbers (a fixed seed), most must parse, or the
// fuzzer spends its time on error messages. Drawing the band's rates and
// the limit apart from the rate gave 4.5%.
func TestPromiseInputsParse(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := func() float64 {
		return math.Round((rng.Float64()*2-1)*math.Pow(10, float64(rng.IntN(5)))*100) / 100
	}
	const n = 3000
	parsed := 0
	for range n {
		src := promiseBlock(random(), random(), random(), random(), random(), uint8(rng.IntN(5)), uint8(rng.IntN(2)), uint16(rng.IntN(400)), uint8(rng.IntN(4)|rng.IntN(2)<<6|rng.IntN(2)<<7))
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
		var diags diag.List
		blocks := data.Parse(nil, data.Page{Path: "content/a.md", Date: time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC)}, doc.Content[0], &diags)
		if !diags.HasErrors() && len(blocks) == 1 {
			parsed++
		}
	}
	t.Logf("%d of %d blocks parse (%.1f%%)", parsed, n, 100*float64(parsed)/n)
	if parsed < n/2 {
		t.Errorf("%d of %d blocks parse; want most", parsed, n)
	}
}
