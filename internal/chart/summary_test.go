package chart

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/plotline/plotline/internal/data"
	"github.com/plotline/plotline/internal/locale"
	"github.com/plotline/plotline/internal/words"
)

// summarySources are data blocks whose summaries take every path of the
// summary: a limit reached, missed and absent, a level series, a falling
// and a flat rate, growth, a fitted rate, one scenario, observations by
// the hour.
var summarySources = []struct{ name, src string }{
	{"reaches", "reaches:\n  unit: casualties\n  series: [{date: 2025-01-06, value: 3800}, {date: 2025-01-13, value: 3000}]\n  projection: {start: {date: 2024-12-05, value: 0}, rate: 92, low: 70, high: 110, limit: 12000}\n"},
	{"misses", "misses:\n  unit: feet\n  series:\n    - {date: 2025-01-01, value: 1040}\n  projection: {per: month, rate: 0, low: -5, limit: 950}\n"},
	{"falls", "falls:\n  unit: feet\n  series:\n    - {date: 2024-12-01, value: 1040.22}\n  projection: {per: month, rate: -1.2, low: -1.8, high: -0.6, limit: 950}\n"},
	{"high_only", "high_only:\n  projection: {start: {date: 2025-01-01, value: 100}, rate: 10, high: 12, limit: 5000}\n"},
	{"open", "open:\n  unit: tonnes\n  projection: {start: {date: 2025-01-01, value: 100}, rate: 2.5, per: month}\n"},
	{"level", "level:\n  projection: {start: {date: 2025-01-01, value: 1040}, rate: 0, per: year}\n"},
	{"growth", "growth:\n  projection: {start: {date: 2025-01-01, value: 100}, model: exponential, per: week, rate: 5, limit: 400}\n"},
	{"shrinks", "shrinks:\n  projection: {start: {date: 2025-01-01, value: 1000}, model: exponential, per: week, rate: -5, limit: 200}\n"},
	{"fitted", "fitted:\n  series: [{date: 2025-01-01, value: 10}, {date: 2025-01-08, value: 24}, {date: 2025-01-15, value: 31}]\n  projection: {rate: fit, limit: 100}\n"},
	{"hourly", "hourly:\n  series: [{date: 2025-03-09T01:00, value: 5}, {date: 2025-03-09T03:00, value: 6}]\n  projection: {rate: fit, limit: 9}\n"},
	{"per_hour", "per_hour:\n  unit: m\n  series: [{date: 2025-03-03T12:00, value: 3.94}]\n  projection: {start: last, rate: 0.04, per: hour, limit: 4.5}\n"},
	// Observations written as years and as months: their dates take no
	// "on", "am" or "le".
	{"years", "years:\n  series: [{date: 1959, value: 315.98}, {date: 2024, value: 424.61}]\n  projection: {start: last, rate: 2.4, per: year, limit: 450}\n"},
	// Curves that stop at a floor and a ceiling.
	{"floor", "floor:\n  unit: km²\n  series: [{date: 2024-09-15, value: 4.28}]\n  projection: {start: last, rate: -0.16, per: year, limit: 1, floor: 0}\n"},
	{"ceiling", "ceiling:\n  projection: {start: {date: 2025-01-01, value: 90}, rate: 5, per: year, ceiling: 100}\n"},
	{"one_month", "one_month:\n  series: [{date: 2024-09, value: 4.28}]\n"},
	{"months", "months:\n  series: [{date: 2012-09, value: 4.28}, {date: 2024-09, value: 4.28}]\n"},
}

// englishLeft matches words of the English summary that no translation
// shares: one of them in another language's summary is a word left
// untranslated.
var englishLeft = regexp.MustCompile(`(?:^|\P{L})(rising|falling|growing|shrinking|no change|reaches|reaching|does not|still|latest|ranging|fitted|on|by|at|the start of|from|low|high|Projection of|Line chart|Bar chart|Marked dates|Limit|a day|a week|a month|a year|and)(?:\P{L}|$)`)

// TestSummaryLanguages writes the summary of every kind of chart in each
// language with a built-in table into testdata/golden/summaries.txt (run
// with -update and read the diff), and checks that each is made of
// whole sentences: a capital first, a full stop last, every placeholder
// filled, and no English word left.
func TestSummaryLanguages(t *testing.T) {
	type figure struct {
		name string
		bs   []*data.Block
		s    Spec
	}
	var figs []figure
	for _, ss := range summarySources {
		figs = append(figs, figure{ss.name, []*data.Block{parseBlock(t, ss.src)}, Spec{}})
	}
	bs, spec := twoBlocks()
	figs = append(figs, figure{"two_blocks_line", bs, spec})
	bar := spec
	bar.Type, bar.Events = TypeBar, nil
	figs = append(figs, figure{"two_blocks_bar", bs, bar})
	one := noProjection()
	figs = append(figs, figure{"line", []*data.Block{one}, Spec{Type: TypeLine, Events: spec.Events[:1]}})
	figs = append(figs, figure{"bar_no_unit", []*data.Block{{Name: "count", Series: one.Series}}, Spec{Type: TypeBar}})

	var out bytes.Buffer
	// Russian and Lithuanian have no built-in words, but end their long
	// dates with a full stop ("4 мая 2025 г.", "2025 m. gegužės 4 d."),
	// which a sentence's does not double.
	for _, lang := range []string{"en", "de", "fr", "es", "it", "pt", "nl", "ar-EG", "he", "fa", "ru", "lt"} {
		fmt.Fprintf(&out, "## %s\n\n", lang)
		for _, fg := range figs {
			s := fg.s
			s.Locale, s.Words = locale.New(lang), words.New(lang)
			f, err := RenderBlocks(fg.bs, s, "c")
			if err != nil {
				t.Fatalf("%s: %v", fg.name, err)
			}
			fmt.Fprintf(&out, "%s: %s\n", fg.name, f.Summary)
			checkSentences(t, lang+": "+fg.name, f.Summary)
			if s.Words.IsEnglish() {
				continue
			}
			// The data's own words (its unit, block names and event
			// labels) are English here.
			r := []string{"casualties", "", "South Korea", "", "Troops reported", "", "Combat begins", "", "tonnes", "", "feet", ""}
			for _, b := range fg.bs {
				r = append(r, strings.ReplaceAll(b.Name, "_", " "), "")
			}
			own := strings.NewReplacer(r...).Replace(f.Summary)
			if m := englishLeft.FindStringSubmatch(own); m != nil {
				w := m[1]
				t.Errorf("%s: %s: %q is English: %s", lang, fg.name, w, f.Summary)
			}
		}
		out.WriteString("\n")
	}
	got := out.Bytes()
	want := readGolden(t, filepath.Join("testdata", "golden", "summaries.txt"), got)
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("summaries.txt mismatch (-want +got):\n%s", diff)
	}
}

// checkSentences fails when s does not read as sentences: it must start
// with a capital letter (or a letter of a script without capitals) and
// end with a full stop, have no placeholder
// left, no doubled space or punctuation and no space before a comma.
func checkSentences(t *testing.T, name, s string) {
	t.Helper()
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(first) || unicode.IsLower(first) {
		t.Errorf("%s: does not start with a capital: %s", name, s)
	}
	if !strings.HasSuffix(s, ".") {
		t.Errorf("%s: does not end with a full stop: %s", name, s)
	}
	for _, bad := range []string{"{", "}", "  ", " ,", " .", "..", ",,", ", .", "()"} {
		if strings.Contains(s, bad) {
			t.Errorf("%s: holds %q: %s", name, bad, s)
		}
	}
}
