package data

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/plotline/plotline/internal/content"
	"github.com/plotline/plotline/internal/diag"
)

// parseTOMLData reads the page src, with TOML front matter that must hold
// no mistake, and its data blocks, dated 2025-01-20, and returns what the
// data drew.
func parseTOMLData(t *testing.T, src string) diag.List {
	t.Helper()
	var diags diag.List
	p := content.Parse(pagePath, []byte(src), &diags)
	if diags.HasErrors() {
		t.Fatalf("front matter: %v", diags)
	}
	Parse(fstest.MapFS{}, Page{Path: pagePath, Date: time.Date(2025, 1, 20, 0, 0, 0, 0, time.UTC)}, p.Data, &diags)
	return diags
}

// TestValuesInTOMLData checks that a {{ }} in the data of TOML front
// matter is reported at its "{{", past the quote that opens the string,
// as in YAML: unit = "some {{ a.x }}" has it at column 14.
func TestValuesInTOMLData(t *testing.T) {
	src := "+++\ntitle = \"A\"\ndate = 2025-01-01\n[data.a]\nunit = \"some {{ a.x }}\"\n" +
		"[[data.a.series]]\ndate = 2025-01-01\nvalue = 1\nlabel = 'Zoë {{ a.y }}'\n+++\n"
	diags := parseTOMLData(t, src)
	diags.Sort()
	var got []string
	for _, d := range diags {
		got = append(got, d.Pos.String()+" "+d.Message[:5])
	}
	want := []string{pagePath + ":5:14 unit:", pagePath + ":9:14 label"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("diagnostics %q; want %q", got, want)
	}
}

// TestTOMLDataDateWithTime checks that a date of the data written in TOML
// with a time of day is read as a time, as in YAML and CSV, at midnight
// too (the TOML decoder reads 2025-01-13T00:00:00-05:00 as a time), and
// so cannot stand in a series beside a day alone.
func TestTOMLDataDateWithTime(t *testing.T) {
	src := "+++\ntitle = \"A\"\ndate = 2025-01-20\n[data.a]\n" +
		"series = [{ date = 2025-01-13T00:00:00-05:00, value = 1 }, { date = 2025-01-14, value = 2 }]\n+++\n"
	diags := parseTOMLData(t, src)
	want := pagePath + `:5:69: date: 2025-01-14 has no time of day, and line 5 gives one (2025-01-13T00:00:00-05:00): a day alone cannot be placed among times; give its time, such as 2025-01-14T00:00`
	if len(diags) != 1 || diags[0].String() != want {
		t.Errorf("diagnostics %v; want %s", diags, want)
	}
}

// TestTOMLDataOtherBase checks that a value of the data written in TOML
// in hexadecimal, octal or binary is an error that gives it in decimal
// digits, as in YAML and CSV, where it was read as the number it holds and
// shown in decimal without a word.
func TestTOMLDataOtherBase(t *testing.T) {
	src := "+++\ntitle = \"A\"\ndate = 2025-01-20\n[data.a]\n" +
		"series = [{ date = 2025-01-13, value = 0x10 }, { date = 2025-01-14, value = 0o17 }]\n" +
		"[[data.b.series]]\ndate = 2025-01-15\nvalue = 0b1_1\n+++\n"
	diags := parseTOMLData(t, src)
	diags.Sort()
	want := []string{
		pagePath + `:5:40: value: "0x10" is a number in hexadecimal; write it in decimal digits: 16`,
		pagePath + `:5:77: value: "0o17" is a number in octal; write it in decimal digits: 15`,
		pagePath + `:8:9: value: "0b1_1" is a number in binary; write it in decimal digits: 3`,
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTOMLDataNotANumber checks that nan and inf written in TOML data are
// refused in the words they were written with, where the message quoted
// YAML's ".nan" and ".inf", which the writer never typed.
func TestTOMLDataNotANumber(t *testing.T) {
	src := "+++\ntitle = \"A\"\ndate = 2025-01-20\n[data.a]\n" +
		"series = [{ date = 2025-01-13, value = nan }, { date = 2025-01-14, value = -inf }]\n" +
		"[data.a.projection]\nrate = +inf\nlimit = 5\n+++\n"
	diags := parseTOMLData(t, src)
	diags.Sort()
	want := []string{
		pagePath + `:5:40: value: cannot use "nan" as a number: a date without an observation is left out of the data: delete its line`,
		pagePath + `:5:76: value: cannot use "-inf" as a number`,
		pagePath + `:7:8: rate: cannot use "+inf" as a number`,
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
