package locale

import (
	"strconv"
	"strings"
	"time"
)

// approxWords are how a language writes a date or a number given roughly,
// as the approx format does: a third of a month ("early", "mid-" and
// "late" April 2025), with "{month}" and "{year}" standing for the month's
// name and the year; and a rounded number, with "{n}".
type approxWords struct {
	early, mid, late, about string
}

// approxPhrases holds the languages plotline writes approx in, beyond
// English, by their base language: those with built-in words (see
// internal/words), and Russian, Czech, Polish and Lithuanian, whose
// phrases say when, "в начале июня 2026 г.", as their cases need a
// preposition the writer could not add (as Ukrainian's and Hungarian's
// do), and the others a newsroom writes most: Chinese, Japanese and
// Korean have a word for each third of a month (中旬, 중순). A language
// missing here writes English's phrases. The year stands first or last:
// ApproxDateNoYear cuts it off there.
var approxPhrases = map[string]approxWords{
	"ru":      {"в начале {month} {year}\u202fг.", "в середине {month} {year}\u202fг.", "в конце {month} {year}\u202fг.", "около {n}"},
	"cs":      {"začátkem {month} {year}", "v polovině {month} {year}", "koncem {month} {year}", "přibližně {n}"},
	"pl":      {"na początku {month} {year}", "w połowie {month} {year}", "pod koniec {month} {year}", "około {n}"},
	"lt":      {"{year} m. {month} pradžioje", "{year} m. {month} viduryje", "{year} m. {month} pabaigoje", "apie {n}"},
	"de":      {"Anfang {month} {year}", "Mitte {month} {year}", "Ende {month} {year}", "etwa {n}"},
	"fr":      {"début {month} {year}", "mi-{month} {year}", "fin {month} {year}", "environ {n}"},
	"es":      {"principios de {month} de {year}", "mediados de {month} de {year}", "finales de {month} de {year}", "alrededor de {n}"},
	"it":      {"inizio {month} {year}", "metà {month} {year}", "fine {month} {year}", "circa {n}"},
	"pt":      {"início de {month} de {year}", "meados de {month} de {year}", "final de {month} de {year}", "cerca de {n}"},
	"nl":      {"begin {month} {year}", "half {month} {year}", "eind {month} {year}", "ongeveer {n}"},
	"ar":      {"أوائل {month} {year}", "منتصف {month} {year}", "أواخر {month} {year}", "نحو {n}"},
	"he":      {"תחילת {month} {year}", "אמצע {month} {year}", "סוף {month} {year}", "כ־{n}"},
	"fa":      {"اوایل {month} {year}", "اواسط {month} {year}", "اواخر {month} {year}", "حدود {n}"},
	"uk":      {"на початку {month} {year}\u202fр.", "у середині {month} {year}\u202fр.", "наприкінці {month} {year}\u202fр.", "близько {n}"},
	"hu":      {"{year}. {month} elején", "{year}. {month} közepén", "{year}. {month} végén", "körülbelül {n}"},
	"ja":      {"{year}年{month}上旬", "{year}年{month}中旬", "{year}年{month}下旬", "約{n}"},
	"zh":      {"{year}年{month}上旬", "{year}年{month}中旬", "{year}年{month}下旬", "约{n}"},
	"zh-Hant": {"{year}年{month}上旬", "{year}年{month}中旬", "{year}年{month}下旬", "約{n}"},
	"ko":      {"{year}년 {month} 초", "{year}년 {month} 중순", "{year}년 {month} 말", "약 {n}"},
	"sv":      {"början av {month} {year}", "mitten av {month} {year}", "slutet av {month} {year}", "omkring {n}"},
	"da":      {"begyndelsen af {month} {year}", "midten af {month} {year}", "slutningen af {month} {year}", "omkring {n}"},
	"nb":      {"begynnelsen av {month} {year}", "midten av {month} {year}", "slutten av {month} {year}", "omkring {n}"},
	"el":      {"αρχές {month} {year}", "μέσα {month} {year}", "τέλη {month} {year}", "περίπου {n}"},
	"ro":      {"începutul lunii {month} {year}", "mijlocul lunii {month} {year}", "sfârșitul lunii {month} {year}", "aproximativ {n}"},
	"id":      {"awal {month} {year}", "pertengahan {month} {year}", "akhir {month} {year}", "sekitar {n}"},
	"vi":      {"đầu {month} năm {year}", "giữa {month} năm {year}", "cuối {month} năm {year}", "khoảng {n}"},
}

// approx returns l's phrases for approx, and false for English and for a
// language that has none.
func (l *Locale) approx() (approxWords, bool) {
	if l == nil || l.long == nil {
		return approxWords{}, false
	}
	key := l.base
	switch s, _ := l.tag.Script(); {
	case key == "zh" && s.String() == "Hant":
		key = "zh-Hant"
	case key == "no":
		key = "nb" // Norwegian is written as Bokmål unless it says Nynorsk
	}
	w, ok := approxPhrases[key]
	return w, ok
}

// approxMonth returns the name of t's month that approx's phrases take:
// as a date writes it, and in Chinese as its dates do, "4月", where the
// month's full name is "四月".
func (l *Locale) approxMonth(t time.Time) string {
	if l.base == "zh" {
		return l.names[monthShort][t.Month()-1]
	}
	return l.names[month][t.Month()-1]
}

// of returns the phrase of w for t's part of its month: days 1 to 10
// early, 11 to 20 mid, the rest late.
func (w approxWords) of(t time.Time) string {
	switch d := t.Day(); {
	case d <= 10:
		return w.early
	case d <= 20:
		return w.mid
	}
	return w.late
}

// ApproxDate writes t as the approx format does in l's language, "mi-avril
// 2025" for 15 April 2025 in French: days 1 to 10 are early in the month,
// 11 to 20 its middle, the rest late. It returns false where l has no such
// phrases (English among them), for the caller to write English's.
func (l *Locale) ApproxDate(t time.Time) (string, bool) {
	w, ok := l.approx()
	if !ok {
		return "", false
	}
	phrase := strings.Replace(w.of(t), "{month}", l.approxMonth(t), 1)
	return strings.Replace(phrase, "{year}", l.Digits(strconv.Itoa(t.Year())), 1), true
}

// ApproxDateNoYear writes t as ApproxDate does, without the year: "mi-avril"
// for 15 April 2025 in French, "mediados de abril" in Spanish, as a
// writer types it of a date of the coming months. It returns false where
// l has no such phrases, as ApproxDate does.
func (l *Locale) ApproxDateNoYear(t time.Time) (string, bool) {
	w, ok := l.approx()
	if !ok {
		return "", false
	}
	// The phrase without the year and the text that joins it to the
	// month (" ", " de ", " m. "): what comes after the month when the
	// year comes first ("2025 m. balandžio viduryje"), else what comes
	// before it ("mediados de abril de 2025").
	phrase := w.of(t)
	m := strings.Index(phrase, "{month}")
	if strings.Index(phrase, "{year}") < m {
		phrase = phrase[m:]
	} else {
		phrase = phrase[:m+len("{month}")]
	}
	return strings.Replace(phrase, "{month}", l.approxMonth(t), 1), true
}

// About writes the rounded number n, written as l writes numbers, as the
// approx format does: "about 12,000" in English, "etwa 12.000" in German.
func (l *Locale) About(n string) string {
	w, ok := l.approx()
	if !ok {
		return "about " + n
	}
	return strings.Replace(w.about, "{n}", n, 1)
}
