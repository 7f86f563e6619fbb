package locale

import (
	"strings"
	"testing"
	"time"
)

// TestNumbers checks numbers against what CLDR says each language writes.
func TestNumbers(t *testing.T) {
	for _, c := range []struct{ tag, in, want string }{
		{"en", "12000", "12,000"},
		{"en", "-1234567.25", "-1,234,567.25"},
		{"en", "0.0049", "0.0049"},
		{"", "12000", "12,000"},
		{"de", "12000", "12.000"},
		{"de", "3.5", "3,5"},
		{"de", "-1234567.25", "-1.234.567,25"},
		{"fr", "12000", "12\u00a0000"},
		{"fr", "3.5", "3,5"},
		{"de-CH", "12000", "12’000"},
		{"en-IN", "1200000", "12,00,000"},
		{"en-IN", "12000", "12,000"},
		{"en-IN", "123", "123"},
		// CLDR's default digits: Arabic-Indic in Egypt and the Arab
		// countries east of it, 0 to 9 for Arabic without a country (since
		// CLDR 46), in the Emirates and the Maghreb; Persian digits in
		// every country of Persian.
		{"ar-EG", "12000.5", "١٢٬٠٠٠٫٥"},
		{"ar-EG", "-3", "\u061c-٣"},
		{"ar-SA", "12000.5", "١٢٬٠٠٠٫٥"},
		{"ar-LB", "12000.5", "١٢٬٠٠٠٫٥"},
		{"ar", "12000.5", "12,000.5"},
		{"ar", "-3", "\u200e-3"},
		{"ar-AE", "12000.5", "12,000.5"},
		{"ar-MA", "12000.5", "12.000,5"},
		{"ar-u-nu-latn", "12000.5", "12,000.5"},
		{"ar-u-nu-arab", "12000.5", "١٢٬٠٠٠٫٥"},
		{"ar-EG-u-nu-latn", "12000.5", "12,000.5"},
		{"fa", "-12000.5", "\u200e−۱۲٬۰۰۰٫۵"},
		{"fa-IR", "12000.5", "۱۲٬۰۰۰٫۵"},
		{"fa-AF", "12000.5", "۱۲٬۰۰۰٫۵"},
		{"fa-u-nu-latn", "12000.5", "12,000.5"},
		{"he", "-12000.5", "\u200e-12,000.5"},
		// CLDR's minimum grouping digits: a group from five digits on.
		{"es", "1234.5", "1234,5"},
		{"es", "12345.5", "12.345,5"},
		{"es", "-1234", "-1234"},
		{"es-ES", "1234", "1234"},
		{"es-419", "1234", "1,234"},
		{"es-AR", "1234", "1.234"},
		{"it", "3800", "3800"},
		{"it", "1234567", "1.234.567"},
		{"pl", "1234", "1234"},
		{"pt", "1234", "1.234"},
		{"pt-PT", "1234", "1234"},
		{"pt-AO", "12345", "12\u00a0345"},
		{"de", "1234", "1.234"},
		{"fr", "1234", "1\u00a0234"},
		{"en", "1234", "1,234"},
		{"de", "NaN", "NaN"},
		{"de", "+Inf", "+Inf"},
	} {
		if got := New(c.tag).Number(c.in); got != c.want {
			t.Errorf("New(%q).Number(%q) = %q; want %q", c.tag, c.in, got, c.want)
		}
	}
}

// TestPercent checks the percent sign and the space before it.
func TestPercent(t *testing.T) {
	for _, c := range []struct{ tag, want string }{
		{"en", "12.5%"},
		{"de", "12,5\u00a0%"},
		{"fr", "12,5\u00a0%"},
		{"ar-EG", "١٢٫٥٪\u061c"},
		{"ar", "12.5\u200e%\u200e"},
		{"fa-IR", "۱۲٫۵٪"},
		{"he", "12.5%"},
	} {
		l := New(c.tag)
		if got := l.Percent(l.Number("12.5")); got != c.want {
			t.Errorf("New(%q) writes 12.5 percent as %q; want %q", c.tag, got, c.want)
		}
	}
}

// TestDates checks each form of a date in languages whose CLDR patterns
// put the day first, last or in the middle.
func TestDates(t *testing.T) {
	d := time.Date(2025, time.November, 4, 0, 0, 0, 0, time.UTC)
	forms := []DateForm{Long, Medium, MonthYear, Month, DayMonth, Year}
	for _, c := range []struct {
		tag  string
		want [6]string
	}{
		{"en", [6]string{"4 November 2025", "4 Nov 2025", "Nov 2025", "Nov", "4 Nov", "2025"}},
		{"en-US", [6]string{"4 November 2025", "4 Nov 2025", "Nov 2025", "Nov", "4 Nov", "2025"}},
		{"de", [6]string{"4. November 2025", "4. Nov. 2025", "Nov. 2025", "Nov.", "4. Nov.", "2025"}},
		{"fr", [6]string{"4 novembre 2025", "4 nov. 2025", "nov. 2025", "nov.", "4 nov.", "2025"}},
		{"ar-EG", [6]string{"٤ نوفمبر ٢٠٢٥", "٤ نوفمبر ٢٠٢٥", "نوفمبر ٢٠٢٥", "نوفمبر", "٤ نوفمبر", "٢٠٢٥"}},
		{"ar-u-nu-latn", [6]string{"4 نوفمبر 2025", "4 نوفمبر 2025", "نوفمبر 2025", "نوفمبر", "4 نوفمبر", "2025"}},
		{"pt-BR", [6]string{"4 de novembro de 2025", "4 de nov. de 2025", "nov. de 2025", "nov.", "4 de nov.", "2025"}},
		// A month of a year and a month alone are written as nouns of
		// their own, not in the genitive of a date (CLDR's stand-alone
		// names in its pattern yMMM, with a narrow no-break space).
		{"ru", [6]string{"4 ноября 2025\u202fг.", "4 нояб. 2025\u202fг.", "нояб. 2025\u202fг.", "нояб.", "4 нояб.", "2025"}},
		// The library's tables of ar_DZ are short: Arabic's names stand in.
		{"ar-DZ", [6]string{"4 نوفمبر 2025", "4 نوفمبر 2025", "نوفمبر 2025", "نوفمبر", "4 نوفمبر", "2025"}},
		{"ja", [6]string{"2025年11月4日", "2025年11月4日", "2025年11月", "11月", "11月4日", "2025"}},
		{"zh-Hant-TW", [6]string{"2025年11月4日", "2025年11月4日", "2025年11月", "11月", "11月4日", "2025"}},
	} {
		l := New(c.tag)
		for i, f := range forms {
			if got := l.Date(d, f); got != c.want[i] {
				t.Errorf("New(%q).Date(4 Nov 2025, %d) = %q; want %q", c.tag, f, got, c.want[i])
			}
		}
	}
}

// TestLongMonthYear checks a month of a year in full, as prose writes
// the date of an observation written as a month (2025-11).
func TestLongMonthYear(t *testing.T) {
	d := time.Date(2025, time.November, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ tag, want string }{
		{"en", "November 2025"},
		{"de", "November 2025"},
		{"fr", "novembre 2025"},
		{"pt-BR", "novembro de 2025"},
		{"ar-EG", "نوفمبر ٢٠٢٥"},
		{"ja", "2025年11月"},
		// Where a date's month is in the genitive, a month of a year is
		// the noun itself: CLDR's stand-alone names and pattern yMMMM.
		{"ru", "ноябрь 2025\u202fг."},
		{"uk", "листопад 2025\u202fр."},
		{"pl", "listopad 2025"},
		{"cs", "listopad 2025"},
		{"fi", "marraskuu 2025"},
		{"el", "Νοέμβριος 2025"},
		{"hr", "studeni 2025."},
		{"lt", "2025 m. lapkritis"},
		// Catalan's month of a year has no "de" before it.
		{"ca", "novembre del 2025"},
		{"es", "noviembre de 2025"},
		{"he", "נובמבר 2025"},
		// A script CLDR has no dates in: the language's own.
		{"ar-Latn", "نوفمبر 2025"},
		// CLDR's placeholder names (M01 to M12) are not a language's:
		// English.
		{"und", "November 2025"},
	} {
		if got := New(c.tag).Date(d, LongMonthYear); got != c.want {
			t.Errorf("New(%q).Date(1 Nov 2025, LongMonthYear) = %q; want %q", c.tag, got, c.want)
		}
	}
}

// TestMonthAlone checks a month written alone, as the chart's ticks
// write it, against the same month with its year: Persian drops the
// ezafe that joins a month to what follows it.
func TestMonthAlone(t *testing.T) {
	d := time.Date(2025, time.July, 4, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ tag, alone, withYear string }{
		{"fa", "ژوئیه", "ژوئیه ۲۰۲۵"},
		{"fa-AF", "جول", "جول ۲۰۲۵"},
		{"de", "Juli", "Juli 2025"},
		{"en", "Jul", "Jul 2025"},
		// Russian's month alone is the noun, "июль", as in its month of
		// a year, not the genitive of a date ("4 июля").
		{"ru", "июль", "июль 2025\u202fг."},
		{"pl", "lip", "lip 2025"},
		// Czech writes a month of a year with the month in full,
		// "červenec 2025": a month alone beside it is in full too, not
		// "čvc".
		{"cs", "červenec", "červenec 2025"},
		// Where a month of a year writes the month's number, a month alone
		// is that number, as CLDR's MMM has it: an axis of months in
		// Lithuanian reads "2025-07", "08", not "2025-07", "rugp.".
		{"lt", "07", "2025-07"},
		{"bg", "07", "07.2025\u202fг."},
	} {
		l := New(c.tag)
		if got := l.Date(d, Month); got != c.alone {
			t.Errorf("New(%q).Date(4 Jul 2025, Month) = %q; want %q", c.tag, got, c.alone)
		}
		if got := l.Date(d, MonthYear); got != c.withYear {
			t.Errorf("New(%q).Date(4 Jul 2025, MonthYear) = %q; want %q", c.tag, got, c.withYear)
		}
	}
}

// TestFormatLayout checks a writer's layout: names in the language, the
// layout's own order kept.
func TestFormatLayout(t *testing.T) {
	d := time.Date(2025, time.November, 4, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ tag, layout, want string }{
		{"en", "Monday 2 January 2006", "Tuesday 4 November 2025"},
		{"de", "Monday, 2. January 2006", "Dienstag, 4. November 2025"},
		{"de", "2. Jan", "4. Nov."},
		{"fr", "January 2006", "novembre 2025"},
		{"de", "2006-01-02", "2025-11-04"},
		{"ar-EG", "2 January 2006", "٤ نوفمبر ٢٠٢٥"},
		{"ar", "2 January 2006", "4 نوفمبر 2025"},
		{"fa-IR", "2 January 2006", "۴ نوامبر ۲۰۲۵"},
		// A month without its day is the noun, as a month of a year is
		// written ("listopad 2025"), not the genitive of a date
		// ("4. listopadu 2025"); with a day, or a weekday, the genitive.
		{"cs", "January 2006", "listopad 2025"},
		{"cs", "2. January 2006", "4. listopadu 2025"},
		{"ru", "January 2006", "ноябрь 2025"},
		{"ru", "Jan 2006", "нояб. 2025"},
		{"ru", "Monday, 2 Jan", "вторник, 4 нояб."},
		{"pl", "January 2006", "listopad 2025"},
		{"pl", "2 January", "4 listopada"},
		{"lt", "2006 January", "2025 lapkritis"},
		{"lt", "January 2 d.", "lapkričio 4 d."},
		{"es", "January 2006", "noviembre 2025"},
		{"fi", "January 2006", "marraskuu 2025"},
	} {
		if got := New(c.tag).FormatLayout(d, c.layout); got != c.want {
			t.Errorf("New(%q).FormatLayout(%q) = %q; want %q", c.tag, c.layout, got, c.want)
		}
	}
}

// TestPattern checks the patterns a page script writes dates with against
// the dates Go writes.
func TestPattern(t *testing.T) {
	d := time.Date(2025, time.November, 4, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		tag string
		f   DateForm
	}{
		{"en", Medium}, {"de", Medium}, {"fr", Medium}, {"ar", Medium}, {"ar-EG", Medium}, {"fa", Medium}, {"he", Medium}, {"ja", Medium}, {"ru", Medium}, {"sr-Latn", Medium},
		{"en", MonthYear}, {"de", MonthYear}, {"fr", MonthYear}, {"ar-EG", MonthYear}, {"fa", MonthYear}, {"ja", MonthYear}, {"ru", MonthYear},
		{"pl", MonthYear}, {"ca", MonthYear}, {"cs", MonthYear}, {"lt", MonthYear}, {"es", MonthYear},
	} {
		tag := c.tag
		l := New(tag)
		var b strings.Builder
		for _, p := range l.Pattern(c.f) {
			switch p {
			case "{d}":
				b.WriteString(l.Digits("4"))
			case "{dd}":
				b.WriteString(l.Digits("04"))
			case "{MMM}", "{MMMM}", "{LLL}", "{LLLL}":
				names, ok := l.MonthNames(p)
				if !ok {
					t.Errorf("%s: MonthNames(%q) has no names", tag, p)
				}
				b.WriteString(names[10])
			case "{M}", "{MM}":
				b.WriteString(l.Digits("11"))
			case "{y}":
				b.WriteString(l.Digits("2025"))
			default:
				b.WriteString(p)
			}
		}
		if got, want := strings.TrimSpace(b.String()), l.Date(d, c.f); got != want {
			t.Errorf("%s, form %d: the pattern writes %q; want %q", tag, c.f, got, want)
		}
	}
}

// TestLayout checks the Go layouts that write a language's forms.
func TestLayout(t *testing.T) {
	for _, c := range []struct {
		tag  string
		f    DateForm
		want string
	}{
		{"en", Long, "2 January 2006"},
		{"de", Long, "2. January 2006"},
		{"de", LongDayMonth, "2. January"},
		{"de", Medium, "2. Jan 2006"},
		{"fr", LongDayMonth, "2 January"},
		{"ja", Long, "2006年1月2日"}, // CLDR's y年M月d日: the month's number
	} {
		l := New(c.tag)
		got, ok := l.Layout(c.f)
		if got != c.want || !ok {
			t.Errorf("New(%q).Layout(%d) = %q, %v; want %q, true", c.tag, c.f, got, ok, c.want)
		}
	}
}

// TestQuotes checks the quotation marks of languages and regions whose
// marks CLDR gives apart from their language's, and of tags with
// extensions, against CLDR's delimiters (v45).
func TestQuotes(t *testing.T) {
	for _, tc := range []struct {
		tag  string
		want Quotes
	}{
		{"", Quotes{"“", "”", "‘", "’"}},
		{"en-GB", Quotes{"“", "”", "‘", "’"}},
		{"de", Quotes{"„", "“", "‚", "‘"}},
		{"de-CH", Quotes{"„", "“", "‚", "‘"}},
		{"fr", Quotes{"«\u202f", "\u202f»", "«\u202f", "\u202f»"}},
		{"fr-CH", Quotes{"«\u202f", "\u202f»", "‹\u202f", "\u202f›"}},
		{"fr-CA", Quotes{"«\u202f", "\u202f»", "”", "“"}},
		{"es", Quotes{"“", "”", "‘", "’"}},
		{"es-US", Quotes{"«", "»", "“", "”"}},
		{"es-AR", Quotes{"“", "”", "‘", "’"}},
		{"it", Quotes{"«", "»", "“", "”"}},
		{"pt", Quotes{"“", "”", "‘", "’"}},
		{"pt-PT", Quotes{"«", "»", "“", "”"}},
		{"pt-AO", Quotes{"«", "»", "“", "”"}},
		{"nl-BE", Quotes{"‘", "’", "‘", "’"}},
		{"pl", Quotes{"„", "”", "«", "»"}},
		{"sv", Quotes{"”", "”", "’", "’"}},
		{"ja", Quotes{"「", "」", "『", "』"}},
		{"zh-Hant-HK", Quotes{"「", "」", "『", "』"}},
		{"zh", Quotes{"“", "”", "‘", "’"}},
		{"ar-u-nu-latn", Quotes{"”", "“", "’", "‘"}},
		{"fa", Quotes{"«", "»", "‹", "›"}},
	} {
		var l *Locale
		if tc.tag != "" {
			l = New(tc.tag)
		}
		if got := l.Quotes(); got != tc.want {
			t.Errorf("%q: Quotes() = %q; want %q", tc.tag, got, tc.want)
		}
	}
}

// TestSystem checks the name of the digits each language writes by
// CLDR's default, and with a tag that asks for others.
func TestSystem(t *testing.T) {
	tests := []struct{ tag, want string }{
		{"en", "latn"},
		{"de", "latn"},
		{"he", "latn"},
		{"ar", "latn"},
		{"ar-EG", "arab"},
		{"ar-SA", "arab"},
		{"fa-IR", "arabext"},
		{"ar-u-nu-latn", "latn"},
		{"ar-MA", "latn"},
		{"fa", "arabext"},
		{"fa-u-nu-latn", "latn"},
		{"ur-IN", "arabext"},
		{"ps", "arabext"},
		{"bn", "beng"},
		{"mr", "deva"},
		{"ne", "deva"},
		{"my", "mymr"},
		{"hi-u-nu-deva", "deva"},
	}
	for _, tt := range tests {
		if got := New(tt.tag).Numbers().System(); got != tt.want {
			t.Errorf("New(%q).Numbers().System() = %q; want %q", tt.tag, got, tt.want)
		}
	}
}

// TestApproxDate checks approx's words with the year in the languages
// that have them: the month as a date writes it, and the year as the
// language's long date has it, "2025 г.", "2025 m.".
func TestApproxDate(t *testing.T) {
	for _, tc := range []struct {
		tag  string
		day  int
		want string
	}{
		{"de", 15, "Mitte April 2025"},
		{"ru", 3, "в начале апреля 2025\u202fг."},
		{"ru", 15, "в середине апреля 2025\u202fг."},
		{"ru", 28, "в конце апреля 2025\u202fг."},
		{"cs", 3, "začátkem dubna 2025"},
		{"pl", 28, "pod koniec kwietnia 2025"},
		{"lt", 15, "2025 m. balandžio viduryje"},
		{"ja", 3, "2025年4月上旬"},
		{"ja", 15, "2025年4月中旬"},
		{"zh", 28, "2025年4月下旬"},
		{"zh-Hant", 15, "2025年4月中旬"},
		{"ko", 15, "2025년 4월 중순"},
		{"ko", 28, "2025년 4월 말"},
		{"uk", 3, "на початку квітня 2025\u202fр."},
		{"hu", 15, "2025. április közepén"},
		{"sv", 28, "slutet av april 2025"},
		{"da", 15, "midten af april 2025"},
		{"nb", 3, "begynnelsen av april 2025"},
		{"no", 15, "midten av april 2025"},
		{"el", 15, "μέσα Απριλίου 2025"},
		{"ro", 28, "sfârșitul lunii aprilie 2025"},
		{"id", 15, "pertengahan April 2025"},
		{"vi", 15, "giữa tháng 4 năm 2025"},
	} {
		got, ok := New(tc.tag).ApproxDate(time.Date(2025, 4, tc.day, 0, 0, 0, 0, time.UTC))
		if !ok || got != tc.want {
			t.Errorf("%s: ApproxDate(%d April 2025) = %q, %v; want %q", tc.tag, tc.day, got, ok, tc.want)
		}
	}
	for _, tc := range []struct{ tag, want string }{
		{"ru", "около 12\u00a0000"}, {"cs", "přibližně 12\u00a0000"}, {"pl", "około 12\u00a0000"}, {"lt", "apie 12\u00a0000"},
		{"ja", "約12,000"}, {"zh", "约12,000"}, {"zh-Hant", "約12,000"}, {"ko", "약 12,000"}, {"sv", "omkring 12\u00a0000"},
		{"uk", "близько 12\u00a0000"}, {"el", "περίπου 12.000"}, {"vi", "khoảng 12.000"},
	} {
		if got := New(tc.tag).About(New(tc.tag).Number("12000")); got != tc.want {
			t.Errorf("%s: About(12000) = %q; want %q", tc.tag, got, tc.want)
		}
	}
}

// TestApproxDateNoYear checks approx's words without the year, as a
// writer types them: the phrase up to the month, whatever joins the
// month to the year in the language.
func TestApproxDateNoYear(t *testing.T) {
	day := time.Date(2025, 4, 15, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ tag, want string }{
		{"de", "Mitte April"},
		{"fr", "mi-avril"},
		{"es", "mediados de abril"},
		{"pt", "meados de abril"},
		{"ru", "в середине апреля"},
		{"cs", "v polovině dubna"},
		{"pl", "w połowie kwietnia"},
		{"lt", "balandžio viduryje"},
		{"ja", "4月中旬"},
		{"zh", "4月中旬"},
		{"ko", "4월 중순"},
		{"hu", "április közepén"},
		{"uk", "у середині квітня"},
		{"sv", "mitten av april"},
		{"ro", "mijlocul lunii aprilie"},
		{"vi", "giữa tháng 4"},
	} {
		got, ok := New(tc.tag).ApproxDateNoYear(day)
		if !ok || got != tc.want {
			t.Errorf("%s: ApproxDateNoYear(15 April 2025) = %q, %v; want %q", tc.tag, got, ok, tc.want)
		}
	}
	if _, ok := New("en").ApproxDateNoYear(day); ok {
		t.Errorf("en: ApproxDateNoYear gives words; want English's own, claim.ApproxDate")
	}
}
