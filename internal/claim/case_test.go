package claim

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the expected parts of testdata/*.txt from current output")

// Case files hold one claim a line:
//
//	phrase | value => verdict | meaning | suggestion
//
// The value is a day (2025-04-15) in dates.txt, or a month (2024-09) or a
// year (2024) checked as the span of its days with DateSpan; a number in numbers.txt
// (with a trailing % for a Quantity already in percent units, pp for one
// in percentage points, or a word
// for one counted in thousands, millions, billions or trillions: "37.64
// trillion"), two numbers "v | w" in comparisons.txt, and in history.txt a
// series of dates and values, "2019 10, *2020 12, 2021 15", the
// observation claimed about marked with * (the last when none is), its
// dates days, months or years, a value ending in % for a series in
// percent units. The verdict is true or false; the
// suggestion is written for false verdicts only. A phrase that is not
// understood expects "error: message". Lines starting with # are comments;
// these lines set the options of the cases after them:
//
//	as_of 2025-01-13 (or none)
//	tolerance 0.1    (Options.About; 0 for the default)
//	southern         (or northern)
//	language de      (Options.Language; "language en" for none)
//	marks . ’        (Options.Decimal and Group; "marks" alone for the language's own)
//
// A file named dates-de.txt holds date phrases read on a page in German,
// and so on: its language is set from the start.
// go test -run Cases -update rewrites everything after "=>" from what the
// checkers return; review the diff.
func TestCases(t *testing.T) {
	for _, name := range []string{
		"dates.txt", "numbers.txt", "comparisons.txt", "history.txt",
		"dates-de.txt", "numbers-de.txt", "comparisons-de.txt",
		"dates-fr.txt", "numbers-fr.txt", "comparisons-fr.txt",
		"history-de.txt", "history-fr.txt",
	} {
		t.Run(name, func(t *testing.T) { runCaseFile(t, name) })
	}
}

func runCaseFile(t *testing.T, name string) {
	path := filepath.Join("testdata", name)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	var o Options
	kind, lang, _ := strings.Cut(strings.TrimSuffix(name, ".txt"), "-")
	o.Language = lang
	cases := 0
	sc := bufio.NewScanner(strings.NewReader(string(src)))
	for lineNo := 1; sc.Scan(); lineNo++ {
		line := sc.Text()
		input, want, isCase := strings.Cut(line, "=>")
		trimmed := strings.TrimSpace(line)
		if !isCase || strings.HasPrefix(trimmed, "#") {
			if err := setOption(&o, trimmed); err != nil {
				t.Fatalf("%s:%d: %v", path, lineNo, err)
			}
			out.WriteString(line + "\n")
			continue
		}
		cases++
		got, err := runCase(kind, input, o)
		if err != nil {
			t.Fatalf("%s:%d: %v", path, lineNo, err)
		}
		want = strings.TrimSpace(want)
		if got != want {
			t.Errorf("%s:%d: %s\n got %s\nwant %s", path, lineNo, strings.TrimSpace(input), got, want)
		}
		out.WriteString(strings.TrimRight(input, " ") + " => " + got + "\n")
	}
	if cases == 0 {
		t.Fatalf("%s: no cases", path)
	}
	if *update {
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// setOption applies a settings line; other lines are left alone.
func setOption(o *Options, line string) error {
	key, arg, _ := strings.Cut(line, " ")
	switch key {
	case "as_of":
		if strings.TrimSpace(arg) == "none" {
			o.AsOf = time.Time{}
			return nil
		}
		d, err := time.Parse("2006-01-02", strings.TrimSpace(arg))
		if err != nil {
			return err
		}
		o.AsOf = d
	case "tolerance":
		a, err := strconv.ParseFloat(strings.TrimSpace(arg), 64)
		if err != nil {
			return err
		}
		o.About = a
	case "language":
		o.Language = strings.TrimSpace(arg)
	case "marks":
		o.Decimal, o.Group, _ = strings.Cut(strings.TrimSpace(arg), " ")
	case "southern":
		o.Southern = true
	case "northern":
		o.Southern = false
	}
	return nil
}

// runCase checks one case and writes its outcome as the file does.
func runCase(kind, input string, o Options) (string, error) {
	fields := strings.Split(input, "|")
	for i := range fields {
		fields[i] = strings.TrimSpace(fields[i])
	}
	var v Verdict
	var err error
	switch {
	case kind == "dates" && len(fields) == 2:
		first, last, perr := parseDay(fields[1])
		if perr != nil {
			return "", perr
		}
		if last.IsZero() {
			v, err = Date(fields[0], first, o)
		} else {
			v, err = DateSpan(fields[0], first, last, o)
		}
	case kind == "numbers" && len(fields) == 2:
		q, perr := parseQuantity(fields[1])
		if perr != nil {
			return "", perr
		}
		v, err = Number(fields[0], q, o)
	case kind == "comparisons" && len(fields) == 3:
		q, perr := parseQuantity(fields[1])
		if perr != nil {
			return "", perr
		}
		r, perr := parseQuantity(fields[2])
		if perr != nil {
			return "", perr
		}
		v, err = Compare(fields[0], q, r, o)
	case kind == "history" && len(fields) == 2:
		s, at, perr := parseSeries(fields[1])
		if perr != nil {
			return "", perr
		}
		v, err = History(fields[0], s, at, o)
	default:
		return "", fmt.Errorf("want phrase | value in %s, got %q", kind, input)
	}
	if err != nil {
		return "error: " + err.Error(), nil
	}
	if v.True {
		return "true | " + v.Meaning, nil
	}
	return "false | " + v.Meaning + " | " + v.Suggest, nil
}

// parseDay reads a case's date: a day, or a month or a year, which it
// returns as the span of its days (last is zero for a day).
func parseDay(value string) (first, last time.Time, err error) {
	for _, g := range []struct {
		layout        string
		years, months int
	}{{"2006-01-02", 0, 0}, {"2006-01", 0, 1}, {"2006", 1, 0}} {
		d, err := time.Parse(g.layout, value)
		if err != nil {
			continue
		}
		if g.years == 0 && g.months == 0 {
			return d, time.Time{}, nil
		}
		return d, d.AddDate(g.years, g.months, -1), nil
	}
	return time.Time{}, time.Time{}, fmt.Errorf("want a day, a month or a year, got %q", value)
}

// parseQuantity reads "11960", "5%" (a value in percent units), "0.5pp"
// (one in percentage points) or "37.64 trillion" (a value counted in
// trillions: Scale 12).
func parseQuantity(s string) (Quantity, error) {
	scale := 0
	if num, word, ok := strings.Cut(s, " "); ok {
		scales := map[string]int{"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
		if scale, ok = scales[word]; !ok {
			return Quantity{}, fmt.Errorf("unknown scale %q", word)
		}
		s = num
	}
	if num, ok := strings.CutSuffix(s, "pp"); ok {
		f, err := strconv.ParseFloat(num, 64)
		return Quantity{Value: f, Points: true}, err
	}
	pct := strings.HasSuffix(s, "%")
	f, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64)
	return Quantity{Value: f, Percent: pct, Scale: scale}, err
}

// parseSeries reads a case's series, "2019 10, *2020 12, 2021 15", and
// the index of the observation marked with *, or of the last.
func parseSeries(text string) (Series, int, error) {
	var s Series
	at := -1
	for i, item := range strings.Split(text, ",") {
		date, value, ok := strings.Cut(strings.TrimSpace(item), " ")
		if !ok {
			return Series{}, 0, fmt.Errorf("want DATE VALUE, got %q", item)
		}
		if d, ok := strings.CutPrefix(date, "*"); ok {
			date, at = d, i
		}
		first, last, err := parseDay(date)
		if err != nil {
			return Series{}, 0, err
		}
		g := ByDay
		switch {
		case last.IsZero():
		case last.Month() == first.Month():
			g = ByMonth
		default:
			g = ByYear
		}
		if i > 0 && g != s.Grain {
			return Series{}, 0, fmt.Errorf("%q: every date of a series has one grain", item)
		}
		s.Grain = g
		q, err := parseQuantity(strings.TrimSpace(value))
		if err != nil {
			return Series{}, 0, err
		}
		s.Unit.Percent = q.Percent
		s.Obs = append(s.Obs, Observation{Date: first, Value: q.Value})
	}
	if at < 0 {
		at = len(s.Obs) - 1
	}
	return s, at, nil
}
