package words

import (
	"cmp"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/plotline/plotline/internal/diag"
)

// TestLookup looks words up by a site's language: the tag, its parents,
// then English.
func TestLookup(t *testing.T) {
	tests := []struct {
		tag  string
		key  Key
		want string
		lang string
	}{
		{"en", DownloadCSV, "Download the data (CSV)", "en"},
		{"en-GB", DownloadCSV, "Download the data (CSV)", "en"},
		{"de", DownloadCSV, "Daten herunterladen (CSV)", "de"},
		{"de-AT", DownloadCSV, "Daten herunterladen (CSV)", "de"},
		{"de_ch", Sources, "Quellen", "de"},
		{"fr-CA", Contents, "Sommaire", "fr"},
		{"es-MX", Data, "Datos", "es"},
		{"es-419", Data, "Datos", "es"},
		{"pt-BR", Sources, "Fontes", "pt"},
		{"pt-PT", Sources, "Fontes", "pt"},
		{"it", Older, "Meno recenti", "it"},
		{"nl-BE", Newer, "Nieuwer", "nl"},
		{"ar", Data, "البيانات", "ar"},
		{"ar-EG", Data, "البيانات", "ar"},
		{"he", Data, "נתונים", "he"},
		{"fa-IR", Data, "داده\u200cها", "fa"},
		{"ur", Data, "Data", "en"},
		{"ar-Latn", Data, "Data", "en"},
		{"zh-Hant-TW", Data, "Data", "en"},
		{"English", Data, "Data", "en"},
		{"", Data, "Data", "en"},
	}
	for _, tt := range tests {
		tab := New(tt.tag)
		if got := tab.Text(tt.key); got != tt.want {
			t.Errorf("New(%q).Text(%s) = %q; want %q", tt.tag, tt.key.Name(), got, tt.want)
		}
		if got := tab.Lang(tt.key); got != tt.lang {
			t.Errorf("New(%q).Lang(%s) = %q; want %q", tt.tag, tt.key.Name(), got, tt.lang)
		}
	}
}

// TestChain checks the order a word is looked for in.
func TestChain(t *testing.T) {
	tests := []struct {
		tag  string
		want []string
	}{
		{"de-AT", []string{"de-AT", "de", "en"}},
		{"de", []string{"de", "en"}},
		{"en-US", []string{"en-US", "en"}},
		{"es-MX", []string{"es-MX", "es-419", "es", "en"}},
		// A script other than the language's own: not the language's
		// words, which are in its own script.
		{"sr-Latn-RS", []string{"sr-Latn-RS", "sr-Latn", "en"}},
		{"ar-Latn", []string{"ar-Latn", "en"}},
		{"ar-Arab-EG", []string{"ar-Arab-EG", "ar", "en"}},
		{"ar-EG", []string{"ar-EG", "ar", "en"}},
		{"not a tag", []string{"en"}},
	}
	for _, tt := range tests {
		if got := chain(tt.tag); !slices.Equal(got, tt.want) {
			t.Errorf("chain(%q) = %q; want %q", tt.tag, got, tt.want)
		}
	}
}

// TestBuiltinComplete fails when a built-in table lacks a key, or gives
// a text whose placeholders are not the English text's.
func TestBuiltinComplete(t *testing.T) {
	for _, tag := range []string{"de", "fr", "es", "it", "pt", "nl", "ar", "he", "fa"} {
		b := builtin(tag)
		if b == nil {
			t.Errorf("no built-in table for %s", tag)
			continue
		}
		for k := range count {
			if b[k] == "" {
				t.Errorf("%s has no text for %s (English %q)", tag, k.Name(), k.English())
				continue
			}
			if msg := checkPlaceholders(k, b[k]); msg != "" {
				t.Errorf("%s: %s: %s", tag, k.Name(), msg)
			}
		}
	}
}

// TestFrenchNames checks that no French text writes "de" or "le" right
// before a placeholder that stands for a name or a unit: French elides
// and contracts there ("d’euros", "du Monde"), so "Projection de euros"
// and "Tous les mots-clés de Le Monde" would be wrong for many names. The
// texts name such a value after a colon or in brackets instead.
func TestFrenchNames(t *testing.T) {
	fr := builtin("fr")
	for k := range count {
		for _, name := range []string{"{unit}", "{site}", "{subject}", "{title}", "{tag}"} {
			for _, before := range []string{"de ", "le ", "la ", "à "} {
				if strings.Contains(fr[k], before+name) {
					t.Errorf("fr: %s: %q writes %q before %s", k.Name(), fr[k], before, name)
				}
			}
		}
	}
}

// TestKeys checks that every key has a name and an English text, and
// that no two share a name.
func TestKeys(t *testing.T) {
	seen := map[string]bool{}
	for k := range count {
		e := english[k]
		if e.name == "" || e.text == "" {
			t.Errorf("key %d has no name or no English text", k)
		}
		if ph := placeholders(e.text); strings.Count(e.text, "{") != len(ph) {
			t.Errorf("the English text of %s names a placeholder twice, or has a brace of its own: %q", e.name, e.text)
		}
		if seen[e.name] {
			t.Errorf("two keys are named %q", e.name)
		}
		seen[e.name] = true
	}
}

// TestFormat fills placeholders, in a translation's own order.
func TestFormat(t *testing.T) {
	tests := []struct {
		tab  *Table
		key  Key
		args []string
		want string
	}{
		{nil, MinRead, []string{"5"}, "5 min read"},
		{New("en"), PageOf, []string{"2", "7"}, "Page 2 of 7"},
		{New("de"), PageOf, []string{"2", "7"}, "Seite 2 von 7"},
		{New("de"), NotReaching, []string{"12.000", "bis zum 4. März 2025"}, "erreicht 12.000 bis zum 4. März 2025 nicht"},
		{New("es"), TableMore, []string{"10", "1 ene 2025", "9 ene 2025"}, "Se omiten aquí otras 10 observaciones, del 1 ene 2025 al 9 ene 2025: el CSV las contiene todas."},
		{New("fr"), Contents, nil, "Sommaire"},
		{New("fr"), SourceList, []string{"ISW"}, "Source\u00a0: ISW"},
		{New("en"), MinRead, nil, " min read"},
		{New("en"), Copied, []string{"x"}, "Copied"},
		// A value that ends with a full stop ends the sentence with it.
		{nil, OneObservation, []string{"17 200", "4 мая 2025 г."}, "1 observation, 17 200 on 4 мая 2025 г."},
		{New("ru"), SummaryLimit, []string{"10 000 руб."}, "Limit: 10 000 руб."},
		{New("es"), SummaryLimit, []string{"10.000 t"}, "Límite: 10.000 t."},
	}
	for _, tt := range tests {
		if got := tt.tab.Format(tt.key, tt.args...); got != tt.want {
			t.Errorf("Format(%s, %q) = %q; want %q", tt.key.Name(), tt.args, got, tt.want)
		}
	}
}

// TestNilIsEnglish checks that the nil Table writes every key as the
// English Table does, with a full stop after a value ending in one, a
// missing value left empty and one too many left out, and that writing
// a key allocates nothing.
func TestNilIsEnglish(t *testing.T) {
	var nilTable *Table
	en := New("en")
	for k := range Key(Count) {
		args := placeholders(k.English())
		for _, args := range [][]string{args, append(args, "x."), args[:max(0, len(args)-1)]} {
			if got, want := nilTable.Format(k, args...), en.Format(k, args...); got != want {
				t.Errorf("nil Format(%s, %q) = %q; want %q", k.Name(), args, got, want)
			}
		}
		if got, want := nilTable.Text(k), k.English(); got != want {
			t.Errorf("nil Text(%s) = %q; want %q", k.Name(), got, want)
		}
		if got, ok := nilTable.Lookup(k.Name()); got != k || !ok || nilTable.Lang(k) != "en" {
			t.Errorf("nil Lookup(%s) = %d, %v; Lang %q", k.Name(), got, ok, nilTable.Lang(k))
		}
	}
	var b strings.Builder
	b.Grow(1 << 16)
	if n := testing.AllocsPerRun(100, func() { nilTable.Write(&b, Observations, "3", "2020", "1.", "2021") }); n != 0 {
		t.Errorf("nil Write allocates %v times; want 0", n)
	}
}

// TestLoad reads a site's own words over the built-in ones.
func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"i18n/de.yaml":    {Data: []byte("download_csv: Tabelle laden (CSV)\npage_of: \"{total} Seiten, dies ist {number}\"\n")},
		"i18n/de-AT.yaml": {Data: []byte("older: Frühere\n")},
		"i18n/fr.yaml":    {Data: []byte("data: Chiffres\n")},
		"i18n/en.yaml":    {Data: []byte("feed: Atom\n")},
	}
	var diags diag.List
	tab := Load(fsys, "de-AT", &diags)
	if got := diags.Error(); got != "i18n/fr.yaml: warning: not read: the site's language is de-AT" {
		t.Errorf("diagnostics: %q", got)
	}
	for _, c := range []struct {
		k          Key
		want, lang string
	}{
		{DownloadCSV, "Tabelle laden (CSV)", "de"},
		{Older, "Frühere", "de-AT"},
		{Newer, "Neuer", "de"},
		{Data, "Daten", "de"},
		{Feed, "Feed", "de"},
	} {
		if got := tab.Text(c.k); got != c.want || tab.Lang(c.k) != c.lang {
			t.Errorf("Text(%s) = %q in %s; want %q in %s", c.k.Name(), got, tab.Lang(c.k), c.want, c.lang)
		}
	}
	if got := tab.Format(PageOf, "2", "7"); got != "7 Seiten, dies ist 2" {
		t.Errorf("Format(page_of) = %q", got)
	}

	// A language with no built-in table: the file's words, English for
	// the rest.
	fsys = fstest.MapFS{"i18n/sv.yaml": {Data: []byte("data: Data\ndownload_csv: Ladda ner data (CSV)\n")}}
	diags = nil
	tab = Load(fsys, "sv", &diags)
	if len(diags) > 0 || tab.Text(DownloadCSV) != "Ladda ner data (CSV)" || tab.Text(Older) != "Older" || tab.IsEnglish() {
		t.Errorf("sv: %q, %q, %v, %v", tab.Text(DownloadCSV), tab.Text(Older), tab.IsEnglish(), diags)
	}
	if !New("en").IsEnglish() || New("de").IsEnglish() {
		t.Error("IsEnglish is wrong for en or de")
	}
}

// TestLoadErrors reports every mistake of a file at its place, lines and
// columns counted by hand.
func TestLoadErrors(t *testing.T) {
	src := "download_csv: Daten laden\n" + // 1
		"downlaod_svg: Grafik laden\n" + // 2
		"min_read: \"{minuten} Min.\"\n" + // 3
		"page_of: Seite {number}\n" + // 4
		"data: [a, b]\n" + // 5
		"zzz: x\n" + // 6
		"data: Zahlen\n" + // 7
		"copied: \"{x} kopiert\"\n" + // 8
		"made_with: " + strings.Repeat("w", 1001) + "\n" + // 9
		"feed: \"Feed \\a\"\n" // 10
	var diags diag.List
	tab := Load(fstest.MapFS{"i18n/de.yaml": {Data: []byte(src)}}, "de", &diags)
	want := []string{
		`i18n/de.yaml:2:1: unknown key "downlaod_svg": did you mean download_svg?`,
		`i18n/de.yaml:3:11: min_read: unknown placeholder {minuten} (the English text has {minutes})`,
		`i18n/de.yaml:4:10: page_of: missing placeholder {total} (the English text is "Page {number} of {total}")`,
		`i18n/de.yaml:5:7: data: want text, got a list`,
		`i18n/de.yaml:6:1: unknown key "zzz" (README.md, "plotline's own words", lists the keys)`,
		`i18n/de.yaml:7:1: duplicate key "data" (first at line 5)`,
		`i18n/de.yaml:8:9: copied: unknown placeholder {x}: the English text has none`,
		`i18n/de.yaml:9:12: made_with: 1001 characters, more than the 1000 a word of plotline's may have: it is written on many pages, some on every one`,
		`i18n/de.yaml:10:7: feed: the character U+0007 cannot be shown in a web page: remove it`,
	}
	diags.Sort()
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if tab.Text(DownloadCSV) != "Daten laden" || tab.Text(MinRead) != "{minutes} Min. Lesezeit" {
		t.Errorf("the good keys are not read, or the bad ones are: %q, %q", tab.Text(DownloadCSV), tab.Text(MinRead))
	}

	diags = nil
	Load(fstest.MapFS{"i18n/de.yaml": {Data: []byte("- a\n- b\n")}}, "de", &diags)
	if got := diags.Error(); got != "i18n/de.yaml:1:1: want a mapping of keys to texts, got a list" {
		t.Errorf("a list: %q", got)
	}

	// A text pasted in by mistake would go into every page.
	diags = nil
	huge := "data: " + strings.Repeat("x", 3<<20-6)
	Load(fstest.MapFS{"i18n/de.yaml": {Data: []byte(huge)}}, "de", &diags)
	if got := diags.Error(); got != "i18n/de.yaml:1:1: file is 3 MB, more than the 1 MB plotline reads" {
		t.Errorf("3 MB: %q", got)
	}

	// A named pipe is refused, not opened, in the words of every other
	// file the build reads, where the path was given twice and no place.
	diags = nil
	Load(fstest.MapFS{"i18n/de.yaml": {Mode: fs.ModeNamedPipe}}, "de", &diags)
	if got := diags.Error(); got != "i18n/de.yaml:1:1: cannot read: is a named pipe, socket or device, not a regular file" {
		t.Errorf("a named pipe: %q", got)
	}
}

// TestREADMEListsKeys fails when README.md, which lists the keys a site's
// i18n file may give, lacks one.
func TestREADMEListsKeys(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for k := range count {
		if !strings.Contains(string(readme), "`"+k.Name()+"`") {
			t.Errorf("README.md does not list the key %s", k.Name())
		}
	}
}

// TestFunc checks the template function T: its errors, and the digits of
// a count in a translated text and in the English fallback.
func TestFunc(t *testing.T) {
	arabic := func(n int64) string { return strings.Map(func(r rune) rune { return r - '0' + '٠' }, Itoa(n)) }
	fsys := fstest.MapFS{"i18n/ur.yaml": {Data: []byte("page_of: \"صفحہ {number} از {total}\"\n")}}
	var diags diag.List
	T := Load(fsys, "ur", &diags).Func(arabic)
	tests := []struct {
		name string
		args []any
		want string
		err  string
	}{
		{"page_of", []any{2, 7}, "صفحہ ٢ از ٧", ""},
		{"min_read", []any{5}, "5 min read", ""},
		{"by", []any{"Rana"}, "By Rana", ""},
		{"contents", nil, "Contents", ""},
		{"page_of", []any{2}, "", "page_of has the placeholders {number}, {total}: give T one value for each, not 1"},
		{"contents", []any{1}, "", "contents has no placeholders: give T no values, not 1"},
		{"contnets", nil, "", "unknown key \"contnets\": did you mean contents?"},
	}
	for _, tt := range tests {
		got, err := T(tt.name, tt.args...)
		if got != tt.want || fmt.Sprint(err) != cmp.Or(tt.err, "<nil>") {
			t.Errorf("T %q %v = %q, %v; want %q, %s", tt.name, tt.args, got, err, tt.want, cmp.Or(tt.err, "no error"))
		}
	}
}

// TestLoadDirIsFile checks that a file named i18n, where the folder of a
// site's words goes (a save that replaced the folder, say), is an error
// at it in plotline's words, and the built-in words are used.
func TestLoadDirIsFile(t *testing.T) {
	var diags diag.List
	tab := Load(fstest.MapFS{"i18n": {Data: []byte("feed: Flux\n")}}, "de", &diags)
	want := "i18n:1:1: is a file, where plotline reads a folder of the site's own words (such as i18n/de.yaml): make it a folder, or remove it"
	if len(diags) != 1 || diags[0].String() != want {
		t.Errorf("diagnostics: %v; want %q", diags, want)
	}
	var none diag.List
	if got, want := tab.Text(DownloadCSV), Load(fstest.MapFS{}, "de", &none).Text(DownloadCSV); got != want {
		t.Errorf("Text(DownloadCSV) = %q; want the built-in %q", got, want)
	}
}

// BenchmarkNewBuiltin reads a built-in table, German for de-AT, from its
// embedded YAML file, as every full build of a site in German does once.
func BenchmarkNewBuiltin(b *testing.B) {
	for b.Loop() {
		New("de-AT")
	}
}
