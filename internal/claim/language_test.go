package claim

import (
	"io/fs"
	"path"
	"strings"
	"testing"
)

// TestLanguageExamplesRead checks that every phrase an error offers as an
// example on a page in German or French reads there as its kind.
func TestLanguageExamplesRead(t *testing.T) {
	for _, lang := range languages() {
		for k, ex := range lang.examples {
			for _, q := range quoted.FindAllString(ex, -1) {
				text, _, tr, err := Options{Language: lang.code}.read(q[1:len(q)-1], k)
				if err != nil || tr == nil || parseAs(text, k) != nil {
					t.Errorf("%s example of %v %s reads as %q, %v", lang.Name, k, q, text, err)
				}
			}
		}
	}
}

// TestLanguageFiles checks that every file of languages/ is read, whole:
// a language by its file's name, with its marks, both tables and an
// example of every kind.
func TestLanguageFiles(t *testing.T) {
	names, err := fs.Glob(files, "languages/*.yaml")
	if err != nil || len(names) < 2 {
		t.Fatalf("languages/*.yaml = %v, %v; want German and French at least", names, err)
	}
	for _, name := range names {
		code := strings.TrimSuffix(path.Base(name), ".yaml")
		lang := languages()[code]
		if lang == nil || lang.code != code {
			t.Errorf("%s: no language %q", name, code)
			continue
		}
		if lang.Name == "" || lang.Decimal == "" || lang.Group == "" || lang.DateMark == "" || lang.Before == "" || lang.Through == "" || lang.By == "" {
			t.Errorf("%s: a field is missing: %+v", name, *lang)
		}
		if len(lang.phrases) == 0 || len(lang.writes) == 0 || len(lang.Until) == 0 {
			t.Errorf("%s: %d reads, %d writes, %d until; want some of each", name, len(lang.phrases), len(lang.writes), len(lang.Until))
		}
		for k := range KindHistory + 1 {
			if lang.examples[k] == "" {
				t.Errorf("%s: no example of %v", name, k)
			}
		}
	}
}

// TestErrorsInLanguage checks the errors of phrases that do not read on a
// page in German or French: examples in the language for a phrase with a
// word of it, English ones for an English phrase.
func TestErrorsInLanguage(t *testing.T) {
	d := day(2025, 4, 15)
	de := Options{AsOf: asOf, Language: "de"}
	fr := Options{AsOf: asOf, Language: "fr"}
	q := Quantity{Value: 12000}
	tests := []struct {
		name   string
		check  func(string) error
		phrase string
		want   string
	}{
		{"date", dateErr(d, de), "bis Frühjahr oder so", `cannot read "bis Frühjahr oder so": want a date phrase such as "spätestens im Frühjahr 2025", "Mitte April", "vor Ende März" or "innerhalb von 6 Wochen"`},
		{"date", dateErr(d, de), "by sprang or fall", `cannot read "by sprang or fall": want a date phrase such as "by spring 2025", "mid-April", "before the end of March" or "within 6 weeks"`},
		{"date", dateErr(d, de), "etwa 12.000", `"etwa 12.000" is a number phrase, not a date phrase`},
		{"number", numberErr(q, de), "etwa zwölftausend Leute", `cannot read "etwa zwölftausend Leute": want a number phrase such as "etwa 12.000", "mehr als 1,5 Millionen", "zwischen 10 und 15 %" or "fast zwanzig"`},
		{"number", numberErr(q, de), "bis Mitte April", `"bis Mitte April" is a date phrase, not a number phrase`},
		{"comparison", compareErr(q, q, de), "viel mehr als sonst", `cannot read "viel mehr als sonst": want a comparison such as "mehr als", "etwa so viele wie", "neunmal so viele wie" or "ein Drittel von"`},
		{"date", dateErr(d, fr), "vers la Toussaint", `cannot read "vers la Toussaint": want a date phrase such as "d'ici le printemps 2025", "mi-avril", "avant fin mars" or "dans les 6 semaines"`},
		{"number", numberErr(q, fr), "environ douze mille personnes", `cannot read "environ douze mille personnes": want a number phrase such as "environ 12 000", "plus de 1,5 million", "entre 10 et 15 %" or "près de vingt"`},
	}
	for _, tt := range tests {
		err := tt.check(tt.phrase)
		if err == nil {
			t.Errorf("%s(%q): no error; want %s", tt.name, tt.phrase, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("%s(%q) error = %s; want %s", tt.name, tt.phrase, err, tt.want)
		}
	}
}

// TestLanguageTablesUnique checks that no run of words is in a language's
// table twice, where the first would silently win.
func TestLanguageTablesUnique(t *testing.T) {
	for _, lang := range languages() {
		for name, tab := range map[string]table{"reads": lang.phrases, "writes": lang.writes} {
			seen := map[string]bool{}
			for _, runs := range tab {
				for _, r := range runs {
					key := strings.Join(r.words, " ")
					if seen[key] {
						t.Errorf("%s %s: %q is in the table twice", lang.Name, name, key)
					}
					seen[key] = true
				}
			}
		}
	}
}
