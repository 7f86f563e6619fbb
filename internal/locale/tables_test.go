package locale

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestTables reads every line of the embedded CLDR tables of dates and
// quotation marks, then checks a few locales whose values are known:
// their own lines, and lines found through a tag's parents.
func TestTables(t *testing.T) {
	for tag, line := range calendarLines() {
		if n := strings.Count(line, "\t"); n != 12 {
			t.Errorf("dates_cldr.tsv: %s has %d fields; want 13", tag, n+1)
			continue
		}
		cal := readCalendar(line)
		for _, names := range [][]string{cal.months[:], cal.monthsShort[:], cal.weekdays[:], cal.weekdaysShort[:]} {
			for i, name := range names {
				if name == "" || strings.Contains(name, "|") {
					t.Errorf("dates_cldr.tsv: %s: name %d of %q", tag, i, names)
				}
			}
		}
		if readPattern(cal.long) == nil {
			t.Errorf("dates_cldr.tsv: %s: long date %q cannot be read", tag, cal.long)
		}
	}
	for tag, line := range quoteLines() {
		if m := strings.Split(line, "\t"); len(m) != 4 || strings.Contains(line, "\t\t") {
			t.Errorf("quotes_cldr.tsv: %s has marks %q; want four", tag, m)
		}
	}

	calendarIn := func(tag string) calendar {
		cal, ok := calendarOf(language.MustParse(tag))
		if !ok {
			t.Fatalf("no calendar of %s", tag)
		}
		return cal
	}
	de := calendarIn("de")
	if de.months[2] != "März" || de.monthsShort[10] != "Nov." || de.weekdays[0] != "Sonntag" || de.long != "d. MMMM y" {
		t.Errorf("de: %+v", de)
	}
	if deCH := calendarIn("de-CH"); deCH != de {
		t.Errorf("de-CH, which has no line, = %+v; want de's", deCH)
	}
	if fr := calendarIn("fr"); fr.monthsShort[6] != "juil." || fr.medium != "d MMM y" {
		t.Errorf("fr: %+v", fr)
	}
	if ja := calendarIn("ja"); ja.months[10] != "11月" || ja.long != "y年M月d日" || ja.monthAlone != "M月" {
		t.Errorf("ja: %+v", ja)
	}
	// Iraq's shortened month of a year writes a plain space where its
	// date writes a no-break one: "تشرين الأول", "تشرين\u00a0الأول".
	if arIQ := calendarIn("ar-IQ"); arIQ.monthsShort[9] != "تشرين\u00a0الأول" || arIQ.monthsAloneShort[9] != "تشرين الأول" || arIQ.monthsAlone != ([12]string{}) {
		t.Errorf("ar-IQ: %+v", arIQ)
	}
	ptPT := calendarIn("pt-PT")
	if ptPT.weekdaysShort[0] != "domingo" || ptPT.long != "d 'de' MMMM 'de' y" {
		t.Errorf("pt-PT: %+v", ptPT)
	}
	if ptAO := calendarIn("pt-AO"); ptAO != ptPT {
		t.Errorf("pt-AO, which has no line, = %+v; want pt-PT's", ptAO)
	}

	// A variant with a line of its own reads it (polytonic Greek's
	// August), one without its language's.
	if el, poly := calendarIn("el-u-nu-latn"), calendarIn("el-polyton"); el.months[7] != "Αυγούστου" || poly.months[7] != "Αὐγούστου" {
		t.Errorf("el: %q; el-polyton: %q", el.months[7], poly.months[7])
	}
	if fr := calendarIn("fr-1694acad"); fr != calendarIn("fr") {
		t.Errorf("fr-1694acad, which has no line, = %+v; want fr's", fr)
	}

	for tag, want := range map[string]Quotes{
		"de": {"„", "“", "‚", "‘"}, "ja": {"「", "」", "『", "』"}, "pt-PT": {"«", "»", "“", "”"}, "pt-AO": {"«", "»", "“", "”"},
		"ar-IQ": {"”", "“", "’", "‘"}, "fr": {"«\u202f", "\u202f»", "«\u202f", "\u202f»"}, "en": englishQuotes,
	} {
		if got := quotesOf(language.MustParse(tag)); got != want {
			t.Errorf("quotesOf(%s) = %q; want %q", tag, got, want)
		}
	}
}
