package data

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestAliasBomb parses data blocks built from aliases that would expand
// to 9^12 values if anything followed them all: it must be quick and small,
// and every misuse is reported where the alias points.
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("l00: &l00 {date: 2025-01-01, value: 1}\n")
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&b, "l%02d: &l%02d [", i, i)
		for j := range 9 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*l%02d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("data:\n  a: {series: *l01}\n  b: {series: *l12}\n  c: *l12\n  d: {series: *l01, projection: {rate: *l12, limit: *l12, low: *l00}}\n")
	src := b.String()

	blocks, msgs, alloc := parseMeasured(t, src, 10*time.Second)
	if alloc > 4<<20 {
		t.Errorf("parsing allocated %d bytes; want under 4 MB", alloc)
	}
	if len(blocks) != 4 {
		t.Errorf("got %d blocks; want 4", len(blocks))
	}
	if len(blocks) > 0 && len(blocks[0].Series) != 9 {
		t.Errorf("block a has %d observations; want the 9 of l01", len(blocks[0].Series))
	}
	joined := strings.Join(msgs, "\n")
	for _, want := range []string{
		`series: want an observation {date: YYYY-MM-DD, value: N}, got a list`,
		`block "c": want a mapping with series, csv or projection, got a list`,
		`rate: want a number, got a list`,
		`limit: want a number, got a list`,
		`low: want a number, got a mapping`,
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("diagnostics:\n%s\nwant one with %q", joined, want)
		}
	}
}

// parseMeasured parses the front matter src as parse does, and returns
// what it gives and the bytes it allocated. It fails the test if parsing
// takes longer than limit, a bound meant to catch work that explodes, not
// a slow machine.
func parseMeasured(t *testing.T, src string, limit time.Duration) (blocks []*Block, msgs []string, alloc uint64) {
	t.Helper()
	var before, after runtime.MemStats
	done := make(chan struct{})
	go func() {
		defer close(done)
		runtime.GC()
		runtime.ReadMemStats(&before)
		blocks, msgs = parse(t, src, nil)
		runtime.ReadMemStats(&after)
	}()
	select {
	case <-done:
	case <-time.After(limit):
		t.Fatalf("still parsing after %v", limit)
	}
	return blocks, msgs, after.TotalAlloc - before.TotalAlloc
}

// TestHostileValues parses blocks whose values are the wrong type or out
// of every range, and expects one error each.
func TestHostileValues(t *testing.T) {
	const p = pagePath + ":"
	for _, tc := range []struct {
		name string
		src  string
		want []string
	}{
		{"rate is a word", "data:\n  l:\n    series: [{date: 2025-01-06, value: 1}]\n    projection: {rate: fast}\n",
			[]string{p + `4:24: rate: cannot use "fast" as a number`}},
		// A placeholder for a missing number is no missing observation
		// in a projection: deleting the line of a rate or a limit is no
		// mend.
		{"a projection's numbers as placeholders", "data:\n  l:\n    series: [{date: 2025-01-06, value: 1}]\n    projection: {rate: .nan, limit: NA}\n",
			[]string{p + `4:24: rate: cannot use ".nan" as a number`, p + `4:37: limit: cannot use "NA" as a number`}},
		{"a label of a whole text", "data:\n  l:\n    series: [{date: 2025-01-06, value: 1, label: " + strings.Repeat("a", 1001) + "}]\n",
			[]string{p + `3:50: label: 1001 characters, more than the 1000 a label may have: it is shown in each chart's tooltip and table; shorten it (a note on the data goes in the prose)`}},
		{"a unit of a whole text", "data:\n  l:\n    unit: " + strings.Repeat("u", 201) + "\n    series: [{date: 2025-01-06, value: 1}]\n",
			[]string{p + `3:11: unit: 201 characters, more than the 200 a unit may have: it is written beside every value of the block, on the chart's axis, in its tooltip and in each row of its table`}},
		{"series is a number", "data:\n  l:\n    series: 3\n",
			[]string{p + "3:13: series: want a list of observations, got a number"}},
		{"series is empty", "data:\n  l:\n    series: []\n",
			[]string{p + `2:3: block "l" has no observations and no projection`}},
		{"impossible date", "data:\n  l:\n    series: [{date: 2025-02-30, value: 1}]\n",
			[]string{p + `3:21: date: "2025-02-30" is not a valid date (want YYYY-MM-DD)`}},
		{"date with a time", "data:\n  l:\n    series: [{date: 2024-03-01T10:60:00Z, value: 1}]\n    as_of: 2024/03/05\n",
			[]string{
				p + `3:21: date: "2024-03-01T10:60:00Z" is not a valid time (want YYYY-MM-DDTHH:MM, such as 2024-03-01T06:00, seconds and a zone optional)`,
				p + `4:12: as_of: "2024/03/05" is not a valid date (want YYYY-MM-DD): write 2024-03-05`,
			}},
		{"percent signs", "data:\n  l:\n    unit: people\n    series: [{date: 2025-01-01, value: 12%}]\n    projection: {rate: 5%}\n",
			[]string{
				p + `4:40: value: cannot use "12%" as a number, write 12, and give the block unit: percent`,
				p + `5:24: rate: cannot use "5%" as a number, write 5: with model: exponential, a rate is a percentage a period`,
			}},
		{"a repeated observation", "data:\n  l:\n    series:\n      - {date: 2025-01-01, value: 2.50}\n      - {date: 2025-01-01, value: 2.5}\n      - {date: 2025-01-01, value: 2.50}\n",
			[]string{
				p + `5:9: warning: this repeats the observation of line 4 (2025-01-01, 2.5): it would be drawn, counted and fitted twice; delete one of them, or, if they are readings at two times of the day, give each its time (2025-01-01T06:00)`,
				p + `6:9: warning: this repeats the observation of line 4 (2025-01-01, 2.50): it would be drawn, counted and fitted twice; delete one of them, or, if they are readings at two times of the day, give each its time (2025-01-01T06:00)`,
			}},
		// YAML's merge key takes the keys the observation does not set
		// from the one it names; an unknown key it brings is reported at
		// the merge.
		{"merge keys", "data:\n  l:\n    series:\n      - &a {date: 2025-01-01, value: 1, source: \"https://ex.org/\"}\n      - {<<: *a, date: 2025-01-02, value: 2}\n      - {<<: [*a, {label: x}], date: 2025-01-03, value: 3}\n      - &b {date: 2025-01-04, value: 4, lable: y}\n      - {<<: *b, date: 2025-01-05}\n      - {<<: 3, date: 2025-01-06, value: 6}\n",
			[]string{
				p + `7:41: unknown key "lable" in observation (want date, value, label or source): did you mean label?`,
				p + `8:10: <<: merges unknown key "lable" from line 7 in observation (want date, value, label or source)`,
				p + `9:14: <<: want a mapping or a list of mappings to merge in observation, got a number`,
			}},
		{"value is infinite", "data:\n  l:\n    series: [{date: 2025-01-01, value: .inf}]\n",
			[]string{p + `3:40: value: cannot use ".inf" as a number`}},
		{"more digits than a number keeps", "data:\n  l:\n    series: [{date: 2025-01-01, value: 9007199254740993}, {date: 2025-01-02, value: 3.14159265358979323846}]\n    projection: {rate: 1_000, limit: 12345678901234567890}\n",
			[]string{
				p + `3:40: value: 9007199254740993 cannot be kept as written: a number holds about 16 significant digits, none beyond them, and would be shown as 9,007,199,254,740,992; round it (or write it in a larger unit, such as millions)`,
				p + `3:85: value: 3.14159265358979323846 cannot be kept as written: a number holds about 16 significant digits, none beyond them, and would be shown as 3.141592653589793; round it (or write it in a larger unit, such as millions)`,
				p + `4:38: limit: 12345678901234567890 cannot be kept as written: a number holds about 16 significant digits, none beyond them, and would be shown as 12,345,678,901,234,567,000; round it (or write it in a larger unit, such as millions)`,
			}},
		{"limit never reached", "data:\n  l:\n    projection: {start: {date: 2025-01-01, value: 100}, rate: -5, limit: 12000}\n",
			[]string{p + `3:74: limit 12000 is never reached: the rate must be positive to rise from 100 to 12000`}},
		{"limit a thousand years away", "data:\n  l:\n    projection: {start: {date: 2025-01-01, value: 0}, rate: 0.0001, limit: 1e12}\n",
			[]string{p + `3:76: limit 1000000000000 is never reached: at this rate it would take more than 1,000 years`}},
		// A number past 1e21 in a message is written short.
		{"a limit of 1e308 the wrong way", "data:\n  l:\n    projection: {start: {date: 2025-01-01, value: 1200}, rate: -5, limit: 1e308}\n",
			[]string{p + `3:75: limit 1e+308 is never reached: the rate must be positive to rise from 1200 to 1e+308`}},
		// An exponential curve rounds in proportion to its value: 2,600
		// halving each day reaches a limit of 1e-12 on a day that can be
		// told.
		{"halving to a tiny limit", "data:\n  l:\n    projection: {start: {date: 2025-01-01, value: 2600}, rate: -50, model: exponential, limit: 0.000000000001}\n", nil},
		// A projection whose values overflow would write +Inf in the
		// prose: an error at until, or at the rate when until is not
		// given, naming the day.
		{"huge numbers", "data:\n  l:\n    projection: {start: {date: 0001-01-01, value: 1e308}, rate: 1e308, until: 9999-12-31}\n",
			[]string{p + `3:79: until: the projection goes past the largest number a value can hold (about ±1.8e308) on 0001-01-01, and would be written +Inf; end the projection before then with until:, or check the rate`}},
		{"growth past the largest number", "data:\n  l:\n    projection: {start: {date: 2025-01-01, value: 1}, rate: 1000000, model: exponential, low: 10, high: 2000000}\n",
			[]string{p + `3:61: rate: the projection goes past the largest number a value can hold (about ±1.8e308) on 2025-03-19, and would be written +Inf; end the projection before then with until:, or check the rate`}},
		{"a scenario's growth past the largest number", "data:\n  l:\n    projection: {start: {date: 2025-01-01, value: -1}, rate: 10, model: exponential, low: 1, high: 1000000}\n",
			[]string{p + `3:100: high: the high scenario goes past the largest number a value can hold (about ±1.8e308) on 2025-03-19, and would be written -Inf; end the projection before then with until:, or check the rate`}},
		// Dates have four-digit years: a crossing after 9999 is an
		// error at the limit, or at the scenario's rate.
		{"crossing after the year 9999", "data:\n  l:\n    series: [{date: 9999-12-30, value: 1}, {date: 9999-12-31, value: 2}]\n    projection: {rate: 1, limit: 10}\n",
			[]string{p + `4:34: limit 10 is reached on 8 January 10000, after the year 9999: dates are written with four-digit years, and a chart draws none later; check the years of the dates (a mistyped year?) and the rate`}},
		{"a scenario's crossing after the year 9999", "data:\n  l:\n    projection: {start: {date: 9999-12-01, value: 0}, rate: 1, low: 0.01, limit: 10}\n",
			[]string{p + `3:69: low: the low scenario reaches limit 10 on 27 August 10002, after the year 9999: dates are written with four-digit years, and a chart draws none later; check the years of the dates (a mistyped year?) and the rate`}},
		// A value within a millionth of a millionth of the limit
		// counts as reaching it (binary rounding), so a projection that
		// moves by less than that in a day cannot tell its day: it was
		// said to reach the limit on its first.
		{"a limit nearer than large numbers tell apart", "data:\n  l:\n    projection: {start: {date: 2025-01-01, value: 1000000000000000}, rate: 1, limit: 1000000000000010, low: 0.0001}\n",
			[]string{
				p + `3:86: the projection moves 1 a day from 1000000000000000 toward limit 1000000000000010, less than twice the 1000 by which a value of this size may miss the limit and still count as reaching it (numbers are rounded), so the day it is reached cannot be told: check the rate and the limit, or count the change from the start instead (start at 0 and a limit of 10)`,
				p + `3:109: the low scenario moves 0.0001 a day from 1000000000000000 toward limit 1000000000000010, less than twice the 1000 by which a value of this size may miss the limit and still count as reaching it (numbers are rounded), so the day it is reached cannot be told: check the rate and the limit, or count the change from the start instead (start at 0 and a limit of 10)`,
			}},
		{"the same by the hour", "data:\n  l:\n    projection: {start: {date: 2025-01-01, value: 1000000000000000}, rate: 10000, per: hour, limit: 1000000010000000}\n", nil},
		{"growth from zero stays at zero", "data:\n  l:\n    projection: {start: {date: 2025-01-01, value: 0}, rate: 1000000, model: exponential}\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, got := parse(t, tc.src, nil)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestUntilStopsAtYear9999 checks that the curves of a projection whose
// default end, a year after its start, would fall after the year 9999
// stop on 31 December 9999, the last day a date is written and drawn.
func TestUntilStopsAtYear9999(t *testing.T) {
	blocks, got := parse(t, "data:\n  l:\n    projection: {start: {date: 9999-06-01, value: 0}, rate: 1}\n", nil)
	if len(got) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(got, "\n"))
	}
	pr := blocks[0].Projection
	want := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	if !pr.Until.Equal(want) {
		t.Errorf("Until = %v; want %v", pr.Until, want)
	}
	curve := pr.Central.Curve
	if end := curve[len(curve)-1].Date; end.After(want) {
		t.Errorf("the curve ends on %v; want %v at the latest", end, want)
	}
}

// TestQuotedNumbers checks that a number in quotes is the number it
// holds, as in a quoted CSV cell, its decimals kept; quotes make nothing
// else a number.
func TestQuotedNumbers(t *testing.T) {
	const p = pagePath + ":"
	_, got := parse(t, "data:\n  l:\n    series: [{date: 2025-01-01, value: \"1545\"}, {date: \"2025-01-02\", value: '4.20'}, {date: 2025-01-03, value: \"12,000\"}, {date: 2025-01-04, value: \"lots\"}]\n    projection: {rate: \" 10 \", limit: \"2000\"}\n", nil)
	want := []string{
		p + `3:112: value: "12,000" has a thousands separator, which plotline does not guess at (in some languages it marks decimals); write 12000`,
		p + `3:149: value: cannot use "lots" as a number`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	blocks, got := parse(t, "data:\n  l:\n    series: [{date: 2025-01-01, value: \"1545\"}, {date: \"2025-01-02\", value: '4.20'}]\n    projection: {rate: \" 10 \", limit: \"2000\"}\n", nil)
	if len(got) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(got, "\n"))
	}
	b := blocks[0]
	if s := b.Series; len(s) != 2 || s[0].Value != 1545 || s[1].Value != 4.2 || s[1].Places != 2 {
		t.Errorf("series = %+v; want 1545 and 4.20", s)
	}
	if pr := b.Projection; pr == nil || pr.Central.Rate != 10 || pr.Limit != 2000 {
		t.Errorf("projection = %+v; want rate 10, limit 2000", pr)
	}
}

// TestMergeKeys checks that an observation written with YAML's merge key
// has the keys it merges, its own taking precedence, and that a list of
// merges gives precedence to the first.
func TestMergeKeys(t *testing.T) {
	blocks, got := parse(t, "data:\n  l:\n    series:\n      - &a {date: 2025-01-01, value: 1, source: \"https://ex.org/\"}\n      - {<<: *a, date: 2025-01-02, value: 2}\n      - {<<: [{label: x}, {label: y, value: 9}], date: 2025-01-03}\n", nil)
	if len(got) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(got, "\n"))
	}
	s := blocks[0].Series
	want := []Point{
		{Date: day("2025-01-01"), Value: 1, Source: "https://ex.org/"},
		{Date: day("2025-01-02"), Value: 2, Source: "https://ex.org/"},
		{Date: day("2025-01-03"), Value: 9, Label: "x"},
	}
	if !slices.Equal(s, want) {
		t.Errorf("series = %+v; want %+v", s, want)
	}
}

// TestMissingNamesSome checks that a reference to a block a page of many
// lacks names a few of them and counts the rest: a page of 50,000 blocks
// and a thousand such references listed every name in every message,
// 389 MB of errors in 165 s.
func TestMissingNamesSome(t *testing.T) {
	var blocks []*Block
	for i := range 50_000 {
		blocks = append(blocks, &Block{Name: fmt.Sprintf("b%05d", i)})
	}
	scope := NewScope(blocks)
	for _, tc := range []struct{ name, want string }{
		{"nope", `no data block "nope" on this page (known: b00000, b00001, b00002, b00003, b00004, b00005, b00006, b00007, b00008, b00009, b00010, b00011, b00012, b00013, b00014, b00015, b00016, b00017, b00018, b00019 and 49980 more)`},
		{"b4999", `no data block "b4999" on this page (known: b00000, b00001, b00002, b00003, b00004, b00005, b00006, b00007, b00008, b00009, b00010, b00011, b00012, b00013, b00014, b00015, b00016, b00017, b00018, b00019 and 49980 more): did you mean b04999?`},
	} {
		if got := scope.Missing(tc.name).Error(); got != tc.want {
			t.Errorf("Missing(%q) = %s; want %s", tc.name, got, tc.want)
		}
	}
}

// TestManyBrokenBlocks checks that a page's blocks, each with a mistake,
// cost each the same to read however many came before: each block
// copied the errors of those before it to tell whether it had one of its
// own, so that 20,000 such blocks (an article of 1 MB) took 53 s of CPU.
// Counted in bytes allocated a block, which the copies made grow with
// the number of blocks.
func TestManyBrokenBlocks(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	perBlock := func(n int) float64 {
		var b strings.Builder
		b.WriteString("data:\n")
		for i := range n {
			fmt.Fprintf(&b, "  b%d: {series: [{date: 2025-01-01, value: x}]}\n", i)
		}
		src := b.String()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		blocks, msgs := parse(t, src, nil)
		runtime.ReadMemStats(&after)
		if len(blocks) != n || len(msgs) != n || !blocks[n-1].Broken {
			t.Fatalf("%d blocks, %d messages, the last broken %v; want %d, %d and broken", len(blocks), len(msgs), blocks[n-1].Broken, n, n)
		}
		return float64(after.TotalAlloc-before.TotalAlloc) / float64(n)
	}
	few, many := perBlock(500), perBlock(4000)
	if many > 2*few {
		t.Errorf("reading 4,000 broken blocks allocates %.0f bytes a block, 500 %.0f; want about the same", many, few)
	}
}
