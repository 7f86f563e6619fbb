package data

import (
	"errors"
	"io/fs"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/plotline/plotline/internal/diag"
)

const pagePath = "content/articles/kursk.md"

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// parse decodes front matter src and parses the value of its data key,
// returning the blocks and every diagnostic as "path:line:col: message".
func parse(t testing.TB, src string, fsys fs.FS) ([]*Block, []string) {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatalf("front matter does not decode: %v\n%s", err, src)
	}
	var node *yaml.Node
	if len(doc.Content) > 0 {
		m := doc.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == "data" {
				node = m.Content[i+1]
			}
		}
	}
	var diags diag.List
	blocks := Parse(fsys, Page{Path: pagePath, Date: time.Date(2025, 1, 20, 15, 4, 0, 0, time.UTC)}, node, &diags)
	diags.Sort()
	var msgs []string
	for _, d := range diags {
		msgs = append(msgs, d.String())
	}
	return blocks, msgs
}

const kursk = `title: Kursk
data:
  losses:
    unit: casualties
    as_of: 2025-01-13
    series:
      - {date: 2025-01-06, value: 3800, label: "Ukraine's president", source: "https://example.org/a"}
      - {date: 2024-12-20, value: 1500}
    projection:
      start: {date: 2024-12-05, value: 0}
      rate: 92
      limit: 12000
      low: 70
      high: 110
`

// TestLeadingZeros checks that a number of the front matter is read in
// decimal, as the same cell of a CSV file is: YAML alone would read 017
// as octal, 15, and 010 as 8.
func TestLeadingZeros(t *testing.T) {
	blocks, diags := parse(t, `data:
  losses:
    series:
      - {date: 2025-01-01, value: 017}
      - {date: 2025-01-02, value: 010}
      - {date: 2025-01-03, value: -007.50}
    projection: {start: {date: 2025-01-01, value: 0}, rate: 09, limit: 0100}
`, nil)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	b := blocks[0]
	var got []float64
	for _, p := range b.Series {
		got = append(got, p.Value)
	}
	got = append(got, b.Projection.Central.Rate, b.Projection.Limit)
	if want := []float64{17, 10, -7.5, 9, 100}; !slices.Equal(got, want) {
		t.Errorf("read %v; want %v", got, want)
	}
}

// TestWrittenDecimals checks that a number is shown with the decimals it
// was written with, a price of 2.50 as 2.50, not the 2.5 of its value.
func TestWrittenDecimals(t *testing.T) {
	blocks, diags := parse(t, `data:
  fare:
    series:
      - {date: 2025-01-01, value: 2.50}
      - {date: 2025-02-01, value: 3.1}
    projection: {start: {date: 2025-02-01, value: 3.10}, rate: 0.30, per: month, limit: 4.00, high: 0.5}
`, nil)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	b := blocks[0]
	for field, want := range map[string]string{
		"first.value": "2.50", "last.value": "3.1", "start.value": "3.10",
		"rate": "0.30", "limit": "4.00", "high.rate": "0.5",
	} {
		v, err := b.Field(field)
		if err != nil {
			t.Fatal(err)
		}
		if got := v.String(); got != want {
			t.Errorf("{{ fare.%s }} = %q; want %q, as written", field, got, want)
		}
	}
	if got := places("1.500e3", 1500); got != 0 {
		t.Errorf("places of 1.500e3 = %d; want 0 (an exponent's decimals are not the number's)", got)
	}
}

// TestStartLastAsWritten checks that a projection starting from the
// latest observation, written 3000.50, shows its start as that
// observation is shown, with both decimals.
func TestStartLastAsWritten(t *testing.T) {
	blocks, diags := parse(t, "data:\n  p:\n    series: [{date: 2025-01-13, value: 3000.50}]\n    projection: {rate: 10, limit: 3100}\n", nil)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	for _, field := range []string{"start.value", "last.value"} {
		if v, err := blocks[0].Field(field); err != nil || v.String() != "3,000.50" {
			t.Errorf("%s = %q, %v; want 3,000.50", field, v.String(), err)
		}
	}
}

// TestDefaultUntilLeapDay checks that a projection without a limit or an
// until runs a calendar year, as its steps count one: from 29 February
// 2024 to 28 February 2025, where 10 a year has added 10, not to 1 March.
func TestDefaultUntilLeapDay(t *testing.T) {
	blocks, diags := parse(t, "data:\n  p:\n    projection: {start: {date: 2024-02-29, value: 100}, rate: 10, per: year}\n", nil)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	pr := blocks[0].Projection
	if got, want := pr.Until, day("2025-02-28"); !got.Equal(want) {
		t.Errorf("Until = %s; want %s", got.Format(time.DateOnly), want.Format(time.DateOnly))
	}
	if v, err := blocks[0].Field("value_at_until"); err != nil || v.Num != 110 {
		t.Errorf("value_at_until = %v, %v; want 110", v.Num, err)
	}
}

func TestKursk(t *testing.T) {
	blocks, diags := parse(t, kursk, nil)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	if len(blocks) != 1 {
		t.Fatalf("Parse returned %d blocks; want 1", len(blocks))
	}
	b := blocks[0]
	if got, want := b.Pos, (diag.Pos{Path: pagePath, Line: 3, Col: 3}); got != want {
		t.Errorf("block Pos = %v; want %v", got, want)
	}
	if got, want := b.Series[0].Date, day("2024-12-20"); !got.Equal(want) {
		t.Errorf("first observation on %v; want %v (series sorted by date)", got, want)
	}
	pr := b.Projection
	if pr == nil {
		t.Fatal("Projection = nil")
	}
	if got, want := pr.Until, day("2025-06-13"); !got.Equal(want) {
		t.Errorf("Until = %s; want %s (low crossing 2025-05-26 + 18 days)", got.Format(time.DateOnly), want.Format(time.DateOnly))
	}
	// A straight line is described by its two ends.
	c := pr.Central.Curve
	if len(c) != 2 {
		t.Fatalf("central curve has %d points; want 2, the ends of a straight line", len(c))
	}
	if got, want := c[0], (Point{Date: day("2024-12-05"), Value: 0}); got != want {
		t.Errorf("central curve[0] = %+v; want %+v", got, want)
	}
	if got, want := c[1], (Point{Date: day("2025-06-13"), Value: 92 * 190}); got != want {
		t.Errorf("central curve[1] = %+v; want %+v", got, want)
	}
	if pr.Low == nil || pr.High == nil || pr.Low.Name != "low" || pr.High.Name != "high" || pr.Central.Name != "central" {
		t.Fatalf("scenarios = %+v, %+v, %+v; want central, low and high", pr.Central.Name, pr.Low, pr.High)
	}
	if got := pr.High.Curve[len(pr.High.Curve)-1]; !got.Date.Equal(pr.Until) || got.Value != 190*110 {
		t.Errorf("high curve ends at %+v; want %s, %d", got, pr.Until.Format(time.DateOnly), 190*110)
	}

	tests := []struct {
		field, format, arg string
		want               string
	}{
		{"crossing", "", "", "15 April 2025"},
		{"crossing", "approx", "", "mid-April 2025"},
		{"crossing", "date", "Jan 2, 2006", "Apr 15, 2025"},
		{"days_to_limit", "", "", "92"},
		{"weeks_to_limit", "", "", "13"},
		{"low.crossing", "", "", "26 May 2025"},
		{"high.crossing", "", "", "25 March 2025"},
		{"low.days_to_limit", "", "", "133"},
		{"high.weeks_to_limit", "", "", "10"},
		// Calendar months from 13 January: 15 April is 3 and 2 days,
		// 26 May 4 and 13 of 31 days, 25 March 2 and 12 of 31 days.
		{"months_to_limit", "", "", "3"},
		{"low.months_to_limit", "", "", "4"},
		{"high.months_to_limit", "", "", "2"},
		{"years_to_limit", "", "", "0"},
		{"central.rate", "", "", "92"},
		{"low.rate", "", "", "70"},
		{"rate", "", "", "92"},
		{"limit", "", "", "12,000"},
		{"limit", "approx", "", "about 12,000"},
		{"unit", "", "", "casualties"},
		{"count", "", "", "2"},
		{"per", "", "", "day"},
		{"model", "", "", "linear"},
		{"as_of", "", "", "13 January 2025"},
		{"until", "", "", "13 June 2025"},
		{"value_at_until", "", "", "17,480"},
		{"start.date", "", "", "5 December 2024"},
		{"start.value", "", "", "0"},
		{"first.date", "", "", "20 December 2024"},
		{"first.value", "comma", "", "1,500"},
		{"last.value", "", "", "3,800"},
		{"last.label", "", "", "Ukraine's president"},
		{"last.source", "", "", "https://example.org/a"},
		{"last.date", "approx", "", "early January 2025"},
	}
	for _, tt := range tests {
		v, err := b.Field(tt.field)
		if err != nil {
			t.Errorf("Field(%q): %v", tt.field, err)
			continue
		}
		got, err := Format(v, tt.format, tt.arg)
		if err != nil {
			t.Errorf("Format(%s, %q, %q): %v", tt.field, tt.format, tt.arg, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s | %s %s = %q; want %q", tt.field, tt.format, tt.arg, got, tt.want)
		}
	}
}

func TestFieldErrors(t *testing.T) {
	src := `data:
  losses:
    series:
      - {date: 2025-01-06, value: 3800}
    projection:
      start: last
      rate: 92
      limit: 12000
      low: -5
  plain:
    series:
      - {date: 2025-01-06, value: 3800}
  level:
    series:
      - {date: 2025-01-01, value: 200}
    projection:
      rate: 0
      per: year
      limit: 100
      low: -40
      high: 0
`
	blocks, diags := parse(t, src, nil)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	losses, plain, level := blocks[0], blocks[1], blocks[2]
	tests := []struct {
		b     *Block
		field string
		want  string
	}{
		{losses, "crossin", `block "losses" has no field "crossin": did you mean crossing?`},
		{losses, "low.crossing", `block "losses": the low scenario never reaches the limit 12000, so it has no "low.crossing"`},
		{losses, "high.rate", `block "losses" has no high scenario (want high: RATE in its projection)`},
		{losses, "r2", `block "losses" has no r2: its rate is not fitted (want rate: fit)`},
		{losses, "first.colour", `block "losses" has no field "first.colour"`},
		// A block without a projection lists the fields it has, and a
		// field one letter off one of them is named.
		{plain, "nope", `block "plain" has no field "nope" (known: unit, count, as_of, first.date, first.value, first.label, first.source, last.date, last.value, last.label, last.source, max.date, max.value, max.label, max.source, min.date, min.value, min.label, min.source)`},
		{plain, "last.valeu", `block "plain" has no field "last.valeu": did you mean last.value?`},
		{losses, "crosing", `block "losses" has no field "crosing": did you mean crossing?`},
		// An observation or a scenario named alone lists its fields.
		{plain, "last", `block "plain" has no field "last", only fields under it: write one of plain.last.date, plain.last.value, plain.last.label, plain.last.source`},
		{losses, "low", `block "losses" has no field "low", only fields under it: write one of losses.low.rate, losses.low.crossing, losses.low.days_to_limit, losses.low.weeks_to_limit, losses.low.months_to_limit, losses.low.years_to_limit, losses.low.value_at_until`},
		{plain, "crossing", `block "plain" has no projection, so it has no "crossing"`},
		{plain, "limit", `block "plain" has no projection, so it has no "limit"`},
		// A level projection's limit is there for the scenario that
		// reaches it, which the message names.
		{level, "crossing", `block "level": the projection never reaches the limit 100, so it has no "crossing": the low scenario reaches it, on 3 July 2027; write {{ level.low.crossing }}`},
		{level, "high.crossing", `block "level": the high scenario never reaches the limit 100, so it has no "high.crossing"`},
	}
	for _, tt := range tests {
		v, err := tt.b.Field(tt.field)
		if err == nil {
			t.Errorf("%s.%s = %v; want error %q", tt.b.Name, tt.field, v, tt.want)
			continue
		}
		if got := err.Error(); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s.%s error = %q; want it to start %q", tt.b.Name, tt.field, got, tt.want)
		}
	}
	if v, err := losses.Field("days_to_limit"); err != nil || v.Num != 76 {
		t.Errorf("losses.days_to_limit = %v, %v; want 76 (article date 2025-01-20 to crossing 2025-04-06)", v, err)
	}
}

func TestSchemaErrors(t *testing.T) {
	const p = pagePath + ":"
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			"unknown period",
			`data:
  losses:
    projection:
      start: {date: 2024-12-05, value: 0}
      rate: 92
      per: fortnight
`,
			[]string{p + `6:12: unknown period "fortnight" (want hour, day, week, month or year)`},
		},
		{
			"unknown model",
			`data:
  losses:
    projection:
      start: {date: 2024-12-05, value: 0}
      rate: 92
      model: logistic
`,
			[]string{p + `6:14: unknown model "logistic" (want linear or exponential)`},
		},
		{
			"rate not a number",
			`data:
  losses:
    projection:
      start: {date: 2024-12-05, value: 0}
      rate: fast
`,
			[]string{p + `5:13: rate: cannot use "fast" as a number`},
		},
		{
			"series not a list",
			`data:
  losses:
    series: 12
`,
			[]string{p + `3:13: series: want a list of observations, got a number`},
		},
		{
			"invalid date",
			`data:
  losses:
    series:
      - date: 2025-02-30
        value: 1
`,
			[]string{p + `4:15: date: "2025-02-30" is not a valid date (want YYYY-MM-DD)`},
		},
		{
			"empty series, no projection",
			`data:
  losses:
    series: []
`,
			[]string{p + `2:3: block "losses" has no observations and no projection`},
		},
		{
			"until before start",
			`data:
  losses:
    projection:
      start: {date: 2024-12-05, value: 0}
      rate: 92
      until: 2024-11-01
`,
			[]string{p + `6:14: until: 2024-11-01 is before the projection start 2024-12-05`},
		},
		{
			"limit never reached",
			`data:
  losses:
    projection:
      start: {date: 2024-12-05, value: 0}
      rate: -3
      limit: 12000
      high: 5
`,
			[]string{p + `6:14: limit 12000 is never reached: the rate must be positive to rise from 0 to 12000`},
		},
		{
			// A fitted rate has the sign of the data: a series that rises
			// and has passed its limit already, as a debt over its
			// ceiling, is started too late, not given the wrong sign.
			"fitted rate starting past the limit",
			`data:
  debt:
    series:
      - {date: 2022-01-31, value: 30012}
      - {date: 2022-11-30, value: 31413}
    projection: {rate: fit, per: month, limit: 31381}
  level:
    series:
      - {date: 2022-01-31, value: 1087}
      - {date: 2022-07-31, value: 1041.6}
    projection: {rate: fit, per: month, limit: 1050}
`,
			[]string{
				p + `6:48: limit 31381 is never reached: the fitted rate rises, and the projection starts above the limit already, at 31413 on 2022-11-30: start it before the limit was passed, with start: {date: …, value: …}`,
				p + `11:48: limit 1050 is never reached: the fitted rate falls, and the projection starts below the limit already, at 1041.6 on 2022-07-31: start it before the limit was passed, with start: {date: …, value: …}`,
			},
		},
		{
			// A level projection reaches no limit but its own level, on
			// purpose when its falling scenario reaches it: no error
			// (without the scenario, "reservoir never empties" below is
			// one).
			"level projection with a floor",
			`data:
  lake:
    series:
      - {date: 2025-01-01, value: 1040}
    projection:
      rate: 0
      per: month
      limit: 950
      low: -5
`,
			nil,
		},
		{
			"central rate outside its band",
			`data:
  a:
    projection: {start: {date: 2024-12-05, value: 0}, rate: 46, low: 70, high: 110}
  b:
    projection: {start: {date: 2024-12-05, value: 100}, rate: -10, low: -5, high: -15}
  c:
    projection: {start: {date: 2024-12-05, value: 100}, rate: -10, low: -15, high: -5}
  d:
    projection: {start: {date: 2024-12-05, value: 100}, rate: 3, high: 2}
  e:
    projection: {start: {date: 2024-12-05, value: 100}, rate: 3, low: 4}
  f:
    series: [{date: 2025-01-01, value: 1}, {date: 2025-01-02, value: 3}]
    projection: {rate: fit, low: 3, high: 4}
`,
			[]string{
				p + `3:61: rate 46 is outside its band, low 70 to high 110: the central rate must lie between them`,
				p + `5:73: low -5 is above high -15: low is the lower rate of the band, high the higher`,
				p + `9:63: rate 3 is above high 2: high is a higher rate than the central one`,
				p + `11:63: rate 3 is below low 4: low is a lower rate than the central one`,
				p + `14:24: the fitted rate 2 is outside its band, low 3 to high 4: the central rate must lie between them`,
			},
		},
		{
			"reservoir never empties",
			`data:
  water:
    projection:
      start: {date: 2024-12-05, value: 800}
      rate: 0
      limit: 100
`,
			[]string{p + `6:14: limit 100 is never reached: a level projection (rate 0) stays at 800: give a negative rate, or a low scenario (a negative low) that falls to 100`},
		},
		{
			// A floor or a ceiling bounds the projection: a limit past
			// it is never reached, a start past it is a mistake, and the
			// floor must lie below the ceiling.
			"floor and ceiling",
			`data:
  ice:
    projection:
      start: {date: 2024-09-15, value: 4.28}
      rate: -0.08
      limit: -1
      floor: 0
  share:
    projection: {start: {date: 2025-01-01, value: 60}, rate: 10, per: year, limit: 120, ceiling: 100}
  level:
    projection: {start: {date: 2025-01-01, value: 890}, rate: -1, floor: 895}
  both:
    projection: {start: {date: 2025-01-01, value: 50}, rate: 1, floor: 100, ceiling: 0}
`,
			[]string{
				p + `6:14: limit -1 is below the floor 0, under which the projection never goes: it is never reached`,
				p + `9:84: limit 120 is above the ceiling 100, over which the projection never goes: it is never reached`,
				p + `11:74: floor 895 is above the projection's start, 890: the floor is the least value the projection can take`,
				p + `13:86: ceiling 0 is not above floor 100: the floor is the least value the projection can take, the ceiling the greatest`,
			},
		},
		{
			"level projection whose band does not reach",
			`data:
  water:
    projection:
      start: {date: 2024-12-05, value: 800}
      rate: 0
      limit: 900
      low: -5
`,
			[]string{p + `6:14: limit 900 is never reached: a level projection (rate 0) stays at 800: give a positive rate, or a high scenario (a positive high) that rises to 900`},
		},
		{
			"exponential from zero",
			`data:
  cases:
    projection:
      start: {date: 2024-12-05, value: 0}
      rate: 10
      model: exponential
      limit: 100
`,
			[]string{p + `7:14: limit 100 is never reached: an exponential projection from 0 stays at 0`},
		},
		{
			"exponential rate too low",
			`data:
  cases:
    projection:
      start: {date: 2024-12-05, value: 10}
      rate: -100
      model: exponential
`,
			[]string{p + `5:13: rate: an exponential rate must be above -100 (percent per period), got -100`},
		},
		{
			"bad block names",
			`data:
  9lives:
    series: [{date: 2025-01-01, value: 1}]
  "kursk-losses":
    series: [{date: 2025-01-01, value: 1}]
  "lake mead":
    series: [{date: 2025-01-01, value: 1}]
  ok:
    series: [{date: 2025-01-01, value: 1}]
  ok:
    series: [{date: 2025-01-01, value: 1}]
`,
			[]string{
				p + `2:3: block name "9lives" is not an identifier (want letters, digits and _, not starting with a digit)`,
				p + `4:3: block name "kursk-losses" is not an identifier (want letters, digits and _, not starting with a digit): write kursk_losses`,
				p + `6:3: block name "lake mead" is not an identifier (want letters, digits and _, not starting with a digit): write lake_mead`,
				p + `10:3: block "ok" is already declared at line 8`,
			},
		},
		{
			"unknown keys are errors",
			`data:
  losses:
    colour: red
    series:
      - {date: 2025-01-01, value: 1, note: x}
    projection: {rate: 3, limt: 10}
`,
			[]string{
				p + `3:5: unknown key "colour" in block "losses" (want unit, as_of, series, csv, column or projection)`,
				p + `5:38: unknown key "note" in observation (want date, value, label or source)`,
				p + `6:27: unknown key "limt" in projection (want start, rate, per, model, limit, until, low, high, floor or ceiling): did you mean limit?`,
			},
		},
		{
			// The data is what values are computed from: a {{ }} in it
			// would be shown as typed.
			"values in the data",
			`data:
  losses:
    unit: beds (of {{ e.limit }})
    series:
      - {date: 2025-01-01, value: 1, label: "Zoë {{ e.rate }} a day", source: 'Office {{ e.count }}'}
      - date: 2025-01-02
        value: 2
        label: |
          {{ e.rate }}
      - {date: 2025-01-03, value: 3, label: {{ e.rate }}}
`,
			[]string{
				p + `3:20: unit: {{ }} is not read in the data, which values are computed from: write the unit as text (values go in the prose, the title, the description and a chart's title, caption and event labels)`,
				p + `5:50: label: {{ }} is not read in the data, which values are computed from: write the label as text (values go in the prose, the title, the description and a chart's title, caption and event labels)`,
				p + `5:87: source: {{ }} is not read in the data, which values are computed from: write the source as text (values go in the prose, the title, the description and a chart's title, caption and event labels)`,
				p + `8:16: label: {{ }} is not read in the data, which values are computed from: write the label as text (values go in the prose, the title, the description and a chart's title, caption and event labels)`,
				// Without quotes, YAML reads it as a mapping: the same
				// error, not one that asks for quotes.
				p + `10:45: label: {{ }} is not read in the data, which values are computed from: write the label as text (values go in the prose, the title, the description and a chart's title, caption and event labels)`,
			},
		},
		{
			// YAML reads 0x1F as 31 and 0o17 as 15: a number of the data
			// is written in decimal digits.
			"other bases",
			`data:
  losses:
    series:
      - {date: 2025-01-01, value: 0x1F}
      - {date: 2025-01-02, value: 0o17}
    projection: {start: {date: 2025-01-01, value: 0}, rate: -0b11, limit: 9}
`,
			[]string{
				p + `4:35: value: "0x1F" is a number in hexadecimal; write it in decimal digits: 31`,
				p + `5:35: value: "0o17" is a number in octal; write it in decimal digits: 15`,
				p + `6:61: rate: "-0b11" is a number in binary; write it in decimal digits: -3`,
			},
		},
		{
			// A comma in {…} separates keys, so 1,545 is 1 and a key 545.
			"thousands separators",
			`data:
  losses:
    series:
      - {date: 2025-01-01, value: 1,545}
      - {date: 2025-01-02, value: -1,234,567.5, label: x}
      - {date: 2025-01-03, value: "1,545"}
      - {date: 2025-01-04, value: 1 545}
      - date: 2025-01-05
        value: 12,000
      - {date: 2025-01-06, value: 7, 545: x}
    projection: {start: {date: 2025-01-01, value: 0}, rate: 9, limit: 12,000}
`,
			[]string{
				p + `4:35: value: 1,545 reads as 1 and a key "545", because a comma separates keys in {…}: write 1545, without a thousands separator`,
				p + `5:35: value: -1,234,567.5 reads as -1 and a key "234", because a comma separates keys in {…}: write -1234567.5, without a thousands separator`,
				p + `6:35: value: "1,545" has a thousands separator, which plotline does not guess at (in some languages it marks decimals); write 1545`,
				p + `7:35: value: "1 545" has a thousands separator, which plotline does not guess at (in some languages it marks decimals); write 1545`,
				p + `9:16: value: "12,000" has a thousands separator, which plotline does not guess at (in some languages it marks decimals); write 12000`,
				p + `10:38: unknown key "545" in observation (want date, value, label or source)`,
				p + `11:71: limit: 12,000 reads as 12 and a key "000", because a comma separates keys in {…}: write 12000, without a thousands separator`,
			},
		},
		{
			"series and csv",
			`data:
  prices:
    series: [{date: 2025-01-01, value: 1}]
    csv: prices.csv
`,
			[]string{p + `4:5: block "prices" has both series and csv (want one of them)`},
		},
		{
			"start and rate missing",
			`data:
  losses:
    projection:
      per: week
`,
			[]string{
				p + `3:5: projection: missing rate`,
				p + `3:5: projection: missing start (want start: {date: YYYY-MM-DD, value: N}, or a series to start from its latest observation)`,
			},
		},
		{
			"start last without series",
			`data:
  losses:
    projection:
      start: last
      rate: 3
`,
			[]string{p + `4:14: start: last needs at least one observation`},
		},
		{
			// Two sources' figures of the latest day: the projection
			// would start from the one written last.
			"start last of a day with two values",
			`data:
  losses:
    series:
      - {date: 2025-01-04, value: 120}
      - {date: 2025-01-05, value: 130, source: ministry}
      - {date: 2025-01-05, value: 90, source: agency}
    projection:
      rate: 3
`,
			[]string{p + `7:5: projection: the latest observation, of 5 January 2025, has two values, 130 and 90 (two sources?), and the projection would start from the one written last; give its start: start: {date: 2025-01-05, value: N}`},
		},
		{
			"fit needs two points",
			`data:
  losses:
    series: [{date: 2025-01-01, value: 1}]
    projection:
      rate: fit
`,
			[]string{p + `5:13: rate: fit needs at least 2 observations, got 1`},
		},
		{
			"many errors at once",
			`data:
  a:
    as_of: soon
    unit: [x]
    series:
      - 5
      - {value: 1}
  b: 7
`,
			[]string{
				p + `3:12: as_of: "soon" is not a valid date (want YYYY-MM-DD)`,
				p + `4:11: unit: want text, got a list`,
				p + `6:9: series: want an observation {date: YYYY-MM-DD, value: N}, got a number`,
				p + `7:9: observation: missing date`,
				p + `8:6: block "b": want a mapping with series, csv or projection, got a number`,
			},
		},
		{
			"data not a mapping",
			`data: [1, 2]
`,
			[]string{p + `1:7: data: want a mapping of named blocks, got a list`},
		},
	}
	for _, tt := range tests {
		_, got := parse(t, tt.src, nil)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: diagnostics:\n%s\nwant:\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

func TestFit(t *testing.T) {
	src := `data:
  sales:
    series:
      - {date: 2025-01-01, value: 10}
      - {date: 2025-01-08, value: 31}
      - {date: 2025-01-15, value: 52}
    projection:
      rate: fit
      per: week
      limit: 94
`
	blocks, diags := parse(t, src, nil)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	pr := blocks[0].Projection
	if !pr.Fitted || pr.R2 < 1-1e-12 || pr.Central.Rate < 21-1e-9 || pr.Central.Rate > 21+1e-9 {
		t.Errorf("fit = fitted %v, rate %v, r2 %v; want true, 21, 1", pr.Fitted, pr.Central.Rate, pr.R2)
	}
	if got, want := pr.Start, (Point{Date: day("2025-01-15"), Value: 52}); got != want {
		t.Errorf("Start = %+v; want the latest observation %+v", got, want)
	}
	if got, want := pr.Central.Crossing, day("2025-01-29"); !pr.Central.Reaches || !got.Equal(want) {
		t.Errorf("Crossing = %s, %v; want %s", got.Format(time.DateOnly), pr.Central.Reaches, want.Format(time.DateOnly))
	}
}

func TestCurveSampling(t *testing.T) {
	src := `data:
  long:
    projection:
      start: {date: 2000-01-01, value: 1}
      rate: 1
      per: year
      model: exponential
      until: 2100-01-01
  none:
    projection:
      start: {date: 2025-03-01, value: 5}
      rate: 1
      model: exponential
  straight:
    projection:
      start: {date: 2025-03-01, value: 5}
      rate: 1
`
	blocks, diags := parse(t, src, nil)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	c := blocks[0].Projection.Central.Curve
	if len(c) != maxCurvePoints+1 {
		t.Errorf("a century is sampled at %d points; want %d", len(c), maxCurvePoints+1)
	}
	if !c[0].Date.Equal(day("2000-01-01")) || !c[len(c)-1].Date.Equal(day("2100-01-01")) {
		t.Errorf("curve runs %s to %s; want 2000-01-01 to 2100-01-01", c[0].Date.Format(time.DateOnly), c[len(c)-1].Date.Format(time.DateOnly))
	}
	for i := 1; i < len(c); i++ {
		if !c[i].Date.After(c[i-1].Date) {
			t.Fatalf("curve dates not increasing at %d: %s then %s", i, c[i-1].Date, c[i].Date)
		}
	}
	if got, want := blocks[1].Projection.Until, day("2026-03-01"); !got.Equal(want) {
		t.Errorf("Until without a limit = %s; want %s, a year after start", got.Format(time.DateOnly), want.Format(time.DateOnly))
	}
	if got := len(blocks[1].Projection.Central.Curve); got != 366 {
		t.Errorf("a year is sampled at %d points; want 366, one a day", got)
	}
	if got := len(blocks[2].Projection.Central.Curve); got != 2 {
		t.Errorf("a straight line is sampled at %d points; want 2", got)
	}
}

// TestFloorBoundsCurves projects an area of sea ice, 4.28 million square
// kilometres falling 0.08 a year (0.16 in the low scenario) with floor: 0:
// no curve goes below zero, the low one has a point on the day it reaches
// it, 16 June 2051 (26 years and 274 of the next 365 days at 0.16 a
// year), and stays there, as value_at_until says; the central one still
// reaches its limit of 1 on its day.
func TestFloorBoundsCurves(t *testing.T) {
	src := `data:
  ice:
    projection:
      start: {date: 2024-09-15, value: 4.28}
      rate: -0.08
      per: year
      limit: 1
      low: -0.16
      high: -0.04
      until: 2080-01-01
      floor: 0
`
	blocks, diags := parse(t, src, nil)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	pr := blocks[0].Projection
	for _, s := range []*Scenario{&pr.Central, pr.Low, pr.High} {
		for _, pt := range s.Curve {
			if pt.Value < 0 {
				t.Errorf("the %s curve is %v on %s, below its floor of 0", s.Name, pt.Value, pt.Date.Format(time.DateOnly))
			}
		}
	}
	i := slices.IndexFunc(pr.Low.Curve, func(p Point) bool { return p.Date.Equal(day("2051-06-16")) })
	if i < 0 || pr.Low.Curve[i].Value != 0 || pr.Low.Curve[i-1].Value <= 0 {
		t.Errorf("the low curve has no point on 16 June 2051 where it reaches 0 from above:\n%v", pr.Low.Curve)
	}
	if got := pr.Low.ValueAt(day("2080-01-01")); got != 0 {
		t.Errorf("the low scenario is %v at until; want 0", got)
	}
	if got, want := pr.Central.Crossing, day("2065-09-15"); !pr.Central.Reaches || !got.Equal(want) {
		t.Errorf("the central projection reaches 1 on %s; want %s", got.Format(time.DateOnly), want.Format(time.DateOnly))
	}
}

// TestDefaultPrecision checks that a value without a format is never shown
// with less precision than it has: r² of 0.9992 was shown as "1".
func TestDefaultPrecision(t *testing.T) {
	src := `data:
  sales:
    series:
      - {date: 2025-01-01, value: 10}
      - {date: 2025-01-08, value: 20}
      - {date: 2025-01-15, value: 31.125}
    projection:
      rate: fit
      per: week
  debt:
    series: [{date: 2025-01-01, value: 0.35}]
    projection: {rate: 2.5, model: exponential, per: year, low: 1.25}
  close:
    series:
      - {date: 2025-01-01, value: 10}
      - {date: 2025-01-08, value: 20}
      - {date: 2025-01-15, value: 30}
      - {date: 2025-01-22, value: 40.6}
    projection: {rate: fit, per: week}
`
	blocks, diags := parse(t, src, nil)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	for _, tc := range []struct {
		block         int
		field, format string
		want          string
	}{
		// x = 0, 1, 2 weeks, y = 10, 20, 31.125: slope 10.5625, r² 0.99906.
		{0, "r2", "", "0.999"},
		{0, "rate", "", "10.6"}, // three significant figures, as the chart writes it
		{0, "last.value", "", "31.125"},
		{1, "first.value", "", "0.35"},
		{1, "rate", "", "2.5"},
		{1, "rate", "percent", "2.5%"},
		{1, "low.rate", "percent", "1.25%"},
		{1, "first.value", "percent", "35%"},
		// r² of 0.99979 is not "1", which reads as a perfect fit.
		{2, "r2", "", "0.9998"},
	} {
		v, err := blocks[tc.block].Field(tc.field)
		if err != nil {
			t.Errorf("%s: %v", tc.field, err)
			continue
		}
		got, err := Format(v, tc.format, "")
		if err != nil {
			t.Errorf("%s | %s: %v", tc.field, tc.format, err)
			continue
		}
		if got != tc.want {
			t.Errorf("%s.%s | %s = %q; want %q", blocks[tc.block].Name, tc.field, tc.format, got, tc.want)
		}
	}
}

// TestCrossingAfterUntil checks that a crossing after the projection's
// until is still its crossing: until is how far the curves are drawn, and
// the rate, not until, says when the limit is reached.
func TestCrossingAfterUntil(t *testing.T) {
	blocks, diags := parse(t, `data:
  short:
    series:
      - {date: 2025-01-06, value: 3800}
    projection:
      rate: 92
      limit: 12000
      until: 2025-03-01
`, nil)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	v, err := blocks[0].Field("crossing")
	// 3,800 + 92 × 89 = 11,988 on 5 April; 12,080 on 6 April.
	if err != nil || v.Date.Format("2006-01-02") != "2025-04-06" {
		t.Errorf("crossing = %v, %v; want 6 April 2025, after until", v, err)
	}
	if c := blocks[0].Projection.Central.Curve; c[len(c)-1].Date.Format("2006-01-02") != "2025-03-01" {
		t.Errorf("the central curve ends on %s; want until, 2025-03-01", c[len(c)-1].Date.Format("2006-01-02"))
	}
}

// TestMaxMin checks the observations of the greatest and least value: a
// deficit's pandemic peak, for "has fallen by half from its peak", and
// its lowest, the earliest of equal values, with their dates and labels,
// and a claim about the peak.
func TestMaxMin(t *testing.T) {
	blocks, diags := parse(t, `data:
  deficit:
    unit: billion dollars
    series:
      - {date: 2019-09-30, value: 984}
      - {date: 2020-09-30, value: 3132, label: "Pandemic relief"}
      - {date: 2021-09-30, value: 2772}
      - {date: 2022-09-30, value: 1375}
      - {date: 2023-09-30, value: 984}
      - {date: 2024-09-30, value: 1833}
`, nil)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	b := blocks[0]
	for field, want := range map[string]string{
		"max.value": "3,132", "max.date": "30 September 2020", "max.label": "Pandemic relief",
		"min.value": "984", "min.date": "30 September 2019", "min.label": "",
	} {
		v, err := b.Field(field)
		if err != nil {
			t.Errorf("Field(%q): %v", field, err)
			continue
		}
		if got := v.In(nil); got != want {
			t.Errorf("%s = %q; want %q", field, got, want)
		}
	}
	scope := NewScope(blocks)
	at := diag.Pos{Path: pagePath, Line: 20, Col: 3}
	ev, err := scope.EvalAfter(`deficit.last.value | claim "has fallen by 41% from" deficit.max.value`, "", at)
	if err != nil || ev.Text != "has fallen by 41% from" {
		t.Errorf("the claim about the peak = %q, %v; want has fallen by 41%% from", ev.Text, err)
	}
}

// TestCalendarSteps checks months_to_limit and years_to_limit's count:
// whole calendar steps, as a projection counts them, and the part of the
// next one, rounded to the nearest whole step, halves away from zero.
// Counted by hand.
func TestCalendarSteps(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		per  int
		want float64
	}{
		{"2025-01-31", "2025-02-28", 1, 1},  // a month from 31 January
		{"2025-01-01", "2025-01-16", 1, 0},  // 15 of 31 days
		{"2025-01-01", "2025-01-17", 1, 1},  // 16 of 31 days
		{"2024-01-01", "2024-07-02", 12, 1}, // 183 of 366 days: a half
		{"2025-10-01", "2074-10-04", 12, 49},
		{"2025-06-01", "2025-01-01", 1, -5},
		// 18 whole months are a year and a half in any season, which
		// rounds to 2: not 181 or 184 days of a year of 365.
		{"2025-01-01", "2026-07-01", 12, 2},
		{"2025-07-01", "2027-01-01", 12, 2},
		{"2026-07-01", "2025-01-01", 12, -2},
		{"2025-01-31", "2026-07-31", 12, 2},
	} {
		if got := math.Round(calendarSpan(day(tc.a), day(tc.b), tc.per)); got != tc.want {
			t.Errorf("calendarSpan(%s, %s, %d) rounded = %v; want %v", tc.a, tc.b, tc.per, got, tc.want)
		}
	}
}

// EvalAfter is EvalAround with nothing after the value.
func (s *Scope) EvalAfter(src, before string, pos diag.Pos) (Evaluation, error) {
	return s.EvalAround(src, before, "", pos)
}

// TestBrokenBlockFields checks that a block whose own data has an error
// (a CSV cell that is no number) still names a field no block has, the
// writer's other mistake, and leaves the fields it has to its error.
func TestBrokenBlockFields(t *testing.T) {
	scope := NewScope([]*Block{{Name: "b", Broken: true}})
	_, err := scope.Lookup(Ref{Block: "b", Field: "last.valu"})
	if want := `block "b" has no field "last.valu": did you mean last.value?`; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("b.last.valu of a broken block: %v; want an error starting %q", err, want)
	}
	if _, err := scope.Lookup(Ref{Block: "b", Field: "last.value"}); !errors.Is(err, ErrReported) {
		t.Errorf("b.last.value of a broken block: %v; want ErrReported, its block's error told", err)
	}
}

// TestAsOfDefault checks the day a block without as_of counts from: the
// article's date (20 January 2025 here), or its latest observation's day
// when that is later, as a tracker's new figures under its first date
// are, whose page says "Updated" with that day.
func TestAsOfDefault(t *testing.T) {
	blocks, diags := parse(t, `data:
  early:
    series: [{date: 2025-01-06, value: 0}]
    projection: {rate: 92, limit: 8000}
  late:
    series: [{date: 2025-01-06, value: 0}, {date: 2025-02-13, value: 700}]
    projection: {rate: 92, limit: 8000}
`, nil)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	for i, want := range []string{"2025-01-20", "2025-02-13"} {
		if got := blocks[i].AsOf.Format(time.DateTime); got != want+" 00:00:00" {
			t.Errorf("%s: as_of %s; want %s", blocks[i].Name, got, want)
		}
	}
	// 700 on 13 February at 92 a day reaches 8,000 on 4 May: 80 days on.
	if v, err := blocks[1].Field("days_to_limit"); err != nil || v.Num != 80 {
		t.Errorf("late.days_to_limit = %v, %v; want 80, from its latest observation", v.Num, err)
	}
}

// TestAsOfBeforeLatest checks that an as_of written before the block's
// latest observation is a warning at the as_of, naming the observation's
// date and what counts from as_of, and that the counts still start at
// as_of; an as_of on or after the latest observation's day, or a month
// observation's first day, is none.
func TestAsOfBeforeLatest(t *testing.T) {
	blocks, diags := parse(t, `data:
  stale:
    unit: beds
    as_of: 2025-01-01
    series:
      - {date: 2024-12-25, value: 300}
      - {date: 2025-02-10, value: 400}
    projection: {rate: 5, per: day, limit: 500}
  timed:
    as_of: 2025-02-10
    series: [{date: 2025-02-10T18:00, value: 1}]
  monthly:
    as_of: 2024-06-01
    series: [{date: 2024-05, value: 10}, {date: 2024-06, value: 12}]
  later:
    as_of: 2025-03-01
    series: [{date: 2025-02-10, value: 1}]
`, nil)
	want := pagePath + `:4:12: warning: as_of 2025-01-01 is before the block's latest observation, of 10 February 2025: days_to_limit, weeks_to_limit, months_to_limit, years_to_limit and claims of time such as "within 10 weeks" count from as_of, not from the latest observation (leave as_of out to count from it)`
	if len(diags) != 1 || diags[0] != want {
		t.Errorf("Parse reported:\n%s\nwant:\n%s", strings.Join(diags, "\n"), want)
	}
	if got := blocks[0].AsOf.Format(time.DateOnly); got != "2025-01-01" {
		t.Errorf("stale.as_of = %s; want 2025-01-01, as written", got)
	}
	// 400 on 10 February at 5 a day reaches 500 on 2 March: 60 days after 1 January.
	if v, err := blocks[0].Field("days_to_limit"); err != nil || v.Num != 60 {
		t.Errorf("stale.days_to_limit = %v, %v; want 60, from as_of", v.Num, err)
	}
}

// TestPlacesShortOfLimit checks that a projected value that has not
// reached its limit is written with the decimals it takes not to read as
// the limit or past it, rising to a limit or falling to one, in
// value_at_until as in Projection.Places, and that one that has reached
// it, or is too close to tell, is written as before.
func TestPlacesShortOfLimit(t *testing.T) {
	for _, tc := range []struct {
		start, limit, v float64
		want            string
	}{
		{11000, 12000, 11999.7, "11,999.7"},
		{11000, 12000, 11999.96, "11,999.96"},
		{11000, 12000, 11999.4, "11,999"},
		{11000, 12000, 12000, "12,000"},
		{11000, 12000, 12000.3, "12,000"},      // reached
		{11000, 12000, 11999.999999, "12,000"}, // past the bound on decimals
		{4.5, 4, 4.002, "4.002"},
		{4.5, 4, 4.0004, "4.0004"},
		{4.5, 4, 4.1016, "4.1"},
		{4.5, 4, 3.998, "4"}, // reached, falling
		{3, 4, 3.998, "3.998"},
		{-5, 0, -0.0004, "-0.0004"},
	} {
		p := &Projection{Start: Point{Value: tc.start}, HasLimit: true, Limit: tc.limit}
		v := Value{Kind: Number, Num: tc.v, Places: p.Places(tc.v)}
		if got := v.String(); got != tc.want {
			t.Errorf("from %v to a limit of %v, %v is %q; want %q", tc.start, tc.limit, tc.v, got, tc.want)
		}
	}
	blocks, diags := parse(t, `data:
  b:
    series:
      - {date: 2025-01-12, value: 10000}
      - {date: 2025-01-13, value: 11000}
    projection: {rate: 999.7, per: day, limit: 12000, until: 2025-01-14}
`, nil)
	if len(diags) > 0 {
		t.Fatalf("Parse reported:\n%s", strings.Join(diags, "\n"))
	}
	if v, err := blocks[0].Field("value_at_until"); err != nil || v.String() != "11,999.7" {
		t.Errorf("b.value_at_until = %q, %v; want 11,999.7, short of the limit of 12,000", v.String(), err)
	}
}
