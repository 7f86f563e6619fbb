package claim

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestDocsLanguageTables reads the tables of docs/claims-in-languages.md
// and checks that each phrase of a language means what its English twin
// means: the same verdict and meaning for a spread of days, numbers and
// pairs of numbers, or, where the twin says "refused", an error that says
// why.
func TestDocsLanguageTables(t *testing.T) {
	src, err := os.ReadFile("../../docs/claims-in-languages.md")
	if err != nil {
		t.Fatal(err)
	}
	heading := regexp.MustCompile("^## .*\\(`([a-z]+)`\\)$")
	code := regexp.MustCompile("`([^`]+)`")
	var days []time.Time
	for d := day(2024, 11, 1); d.Before(day(2026, 4, 1)); d = d.AddDate(0, 0, 3) {
		days = append(days, d)
	}
	days = append(days, day(2025, 3, 31), day(2025, 4, 1), day(2025, 4, 20), day(2025, 4, 21), day(2025, 5, 31), day(2025, 6, 1), day(2030, 12, 31), day(2031, 1, 1))
	numbers := []float64{-5, 0.2, 0.33, 0.5, 0.67, 0.9, 3.5, 12, 12.5, 20, 2500, 9999, 10000, 10600, 11400, 11999, 12000, 12600, 15000, 120000, 1.5e6, 3.6e6, 2e9, 1e12}
	pairs := [][2]float64{{301, 300}, {300, 300}, {299, 300}, {600, 300}, {590, 300}, {700, 300}, {750, 300}, {900, 300}, {150, 300}, {100, 300}, {310, 300}, {290, 300}, {15000, 12000}, {390, 300}, {210, 300}}
	// Annual series from 1996 and monthly ones from 2023, each ending
	// in its own way: its highest, its lowest, up or down on the one
	// before, level with 1998.
	var histories []Series
	for k := range 12 {
		annual, monthly := Series{Grain: ByYear}, Series{Grain: ByMonth}
		for i := range 30 {
			v := 100 + float64((i*37+k*11)%23) + float64(k%3)*float64(i)
			annual.Obs = append(annual.Obs, Observation{Date: day(1996+i, 1, 1), Value: v})
			monthly.Obs = append(monthly.Obs, Observation{Date: day(2023+i/12, time.Month(1+i%12), 1), Value: v})
		}
		histories = append(histories, annual, monthly)
	}
	lang := ""
	rows := 0
	for i, line := range strings.Split(string(src), "\n") {
		if m := heading.FindStringSubmatch(line); m != nil {
			lang = m[1]
			continue
		}
		cells := strings.Split(line, "|")
		if lang == "" || len(cells) != 4 || !strings.Contains(cells[1], "`") {
			continue
		}
		rows++
		theirs, ours := code.FindAllStringSubmatch(cells[1], -1), code.FindAllStringSubmatch(cells[2], -1)
		in := Options{AsOf: asOf, Language: lang}
		en := Options{AsOf: asOf}
		if strings.Contains(cells[2], "refused") {
			for _, p := range theirs {
				// Read as any kind, the phrase is an error with a reason.
				_, derr := Date(p[1], asOf, in)
				_, nerr := Number(p[1], Quantity{Value: 1}, in)
				_, cerr := Compare(p[1], Quantity{Value: 1}, Quantity{Value: 1}, in)
				why := false
				for _, err := range []error{derr, nerr, cerr} {
					e, ok := err.(*Error)
					if err == nil || ok && e.Reason != "" {
						why = why || err != nil
					}
				}
				if derr == nil || nerr == nil || cerr == nil || !why {
					t.Errorf("line %d: %q on a page in %s: %v, %v, %v; want it refused, saying why", i+1, p[1], lang, derr, nerr, cerr)
				}
			}
			continue
		}
		if len(theirs) != len(ours) {
			t.Errorf("line %d: %d phrases and %d twins", i+1, len(theirs), len(ours))
			continue
		}
		for k := range theirs {
			p, twin := theirs[k][1], ours[k][1]
			kind, err := KindOf(twin)
			if err != nil {
				continue // a word alone, such as "rund" for "about"
			}
			var got, want []string
			outcome := func(v Verdict, err error) string {
				if err != nil {
					return "error"
				}
				if v.True {
					return "true: " + v.Meaning
				}
				return "false: " + v.Meaning
			}
			switch kind {
			case KindDate:
				for _, d := range days {
					got = append(got, outcome(Date(p, d, in)))
					want = append(want, outcome(Date(twin, d, en)))
				}
			case KindNumber:
				for _, n := range numbers {
					for _, pct := range []bool{false, true} {
						got = append(got, outcome(Number(p, Quantity{Value: n, Percent: pct}, in)))
						want = append(want, outcome(Number(twin, Quantity{Value: n, Percent: pct}, en)))
					}
				}
			case KindComparison:
				for _, pr := range pairs {
					v, w := Quantity{Value: pr[0]}, Quantity{Value: pr[1]}
					got = append(got, outcome(Compare(p, v, w, in)))
					want = append(want, outcome(Compare(twin, v, w, en)))
				}
				got = append(got, outcome(Compare(p, Quantity{Value: 14, Percent: true}, Quantity{Value: 12, Percent: true}, in)))
				want = append(want, outcome(Compare(twin, Quantity{Value: 14, Percent: true}, Quantity{Value: 12, Percent: true}, en)))
			case KindHistory:
				for _, sr := range histories {
					got = append(got, outcome(History(p, sr, len(sr.Obs)-1, in)))
					want = append(want, outcome(History(twin, sr, len(sr.Obs)-1, en)))
				}
			}
			for j := range got {
				if got[j] != want[j] {
					t.Errorf("line %d: %q on a page in %s is %s; its twin %q is %s", i+1, p, lang, got[j], twin, want[j])
					break
				}
			}
			if strings.Join(got, "") == strings.Repeat("error", len(got)) {
				t.Errorf("line %d: %q on a page in %s never reads", i+1, p, lang)
			}
		}
	}
	if rows < 40 {
		t.Errorf("read %d rows of tables; want the German and the French ones", rows)
	}
}

// TestREADMEComparisons reads every phrase of the README's table of
// comparisons and checks that each reads as one, true or false: a phrase
// the manual offers is never refused as unreadable, "down about 7" no more
// than "down about 7 from". A cell's "…" stands
// for words left out and is skipped.
func TestREADMEComparisons(t *testing.T) {
	src, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile("`([^`]+)`")
	_, table, ok := strings.Cut(string(src), "\n| comparison | holds when |\n|---|---|\n")
	if !ok {
		t.Fatal("README has no table of comparisons")
	}
	table, _, _ = strings.Cut(table, "\n\n")
	var phrases []string
	for line := range strings.SplitSeq(table, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 3 {
			t.Fatalf("README's table of comparisons has a line of %d cells: %q", len(cells)-1, line)
		}
		for _, m := range code.FindAllStringSubmatch(cells[1], -1) {
			if !strings.Contains(m[1], "…") {
				phrases = append(phrases, m[1])
			}
		}
	}
	if len(phrases) < 60 {
		t.Fatalf("read %d phrases from README's table of comparisons; want its rows", len(phrases))
	}
	for _, p := range phrases {
		for _, pair := range [][2]float64{{450, 300}, {150, 300}} {
			// An error about the values ("points" of two plain numbers)
			// is no error of the phrase.
			var perr *Error
			if _, err := Compare(p, Quantity{Value: pair[0]}, Quantity{Value: pair[1]}, Options{}); errors.As(err, &perr) {
				t.Errorf("README's comparison %q of %v and %v: %v", p, pair[0], pair[1], err)
			}
		}
	}
}
